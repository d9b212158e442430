/*-------------------------------------------------------------------------
 *
 * orgpath.h
 *	  The orgpath SQL type: a reporting line of positive bigint ids.
 *
 * The payload format (order-preserving prefix varints, no separators, no
 * padding) is specified in orgpath_core.h.  Here: the varlena wrapper, the
 * fmgr macros and the checks shared by every function that builds a path.
 *
 * An orgpath is packable (STORAGE extended): on disk a value under 127
 * bytes carries a 1-byte varlena header and, being packed, no alignment
 * padding (PostgreSQL requires int alignment of varlena types, but packed
 * values ignore it).  Readers use the _PP macros and never copy a short
 * value just to look at it.
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/orgpath.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ORGPATH_H
#define ORGPATH_H

#include "postgres.h"
#include "fmgr.h"

#include "orgpath_core.h"

/*
 * Orgpath is the in-memory form of a path.  There is no level count: the
 * labels are self-delimiting and nlevel() walks first bytes only.
 */
typedef struct Orgpath
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		data[FLEXIBLE_ARRAY_MEMBER];	/* encoded labels, top first */
} Orgpath;

/* ORGPATH_SIZE is the allocation size of a path with a payload of len bytes */
#define ORGPATH_SIZE(len)		add_size(offsetof(Orgpath, data), (len))

/* Accessors that work on packed (short-header) and regular values alike */
#define ORGPATH_BYTES(p)		((const uint8 *) VARDATA_ANY(p))
#define ORGPATH_LEN(p)			((size_t) VARSIZE_ANY_EXHDR(p))

/* fmgr macros for orgpath objects */
#define DatumGetOrgpathPP(X)		((Orgpath *) PG_DETOAST_DATUM_PACKED(X))
#define PG_GETARG_ORGPATH_PP(n)		DatumGetOrgpathPP(PG_GETARG_DATUM(n))
#define PG_RETURN_ORGPATH_P(x)		PG_RETURN_POINTER(x)

/* Constructors (orgpath_io.c) */
extern Orgpath *InitOrgpath(const uint8 *bytes, size_t len);
extern Orgpath *OrgpathFromIds(const int64 *ids, int n);
extern void CheckOrgpathDepth(int64 nlevels);
extern void CheckOrgpathId(int64 id, int sqlstate);

#endif							/* ORGPATH_H */
