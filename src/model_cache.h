/*-------------------------------------------------------------------------
 *
 * model_cache.h
 *	  The per-backend cache of the model and the directory.
 *
 * OrgaclDirectory() returns the OrgDirectory (decide_core.h) for the
 * current snapshot of the catalog tables, loading it when the cache is
 * empty or has been invalidated.  Every write to a catalog table fires a
 * statement trigger (orgacl.cache_invalidate) that queues a relcache
 * invalidation of that table: it reaches other backends when the writer
 * commits and this backend at its next CommandCounterIncrement (so a
 * transaction sees its own changes), and it is replayed on abort.
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/model_cache.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ORGACL_MODEL_CACHE_H
#define ORGACL_MODEL_CACHE_H

#include "decide_core.h"

extern void OrgaclCacheInit(void);
extern const OrgDirectory *OrgaclDirectory(void);
extern int	OrgaclCatalogRelids(const Oid **relids);
extern void OrgaclShareDirectory(void);

/* model_share.c: the directory lent to parallel workers */
extern void OrgaclShareInit(void);
extern void OrgaclPublishDirectory(const OrgDirectory *dir);
extern const OrgDirectory *OrgaclBorrowDirectory(MemoryContext cxt);

#endif							/* ORGACL_MODEL_CACHE_H */
