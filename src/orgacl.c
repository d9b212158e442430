/*-------------------------------------------------------------------------
 *
 * orgacl.c
 *	  Module entry point of the orgacl extension.
 *
 * _PG_init only calls the per-concern initialisers; each concern owns its
 * settings and callbacks.
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/orgacl.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/guc.h"

#include "model_cache.h"
#include "viewer.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/*
 * _PG_init runs when a backend loads the module.  It defines the settings,
 * reserves the orgacl.* prefix, so that a mistyped orgacl setting is an
 * error rather than a silently ignored placeholder, and registers the
 * directory cache's invalidation callback.
 */
void
_PG_init(void)
{
	OrgaclViewerInit();
	OrgaclShareInit();
	MarkGUCPrefixReserved("orgacl");
	OrgaclCacheInit();
}
