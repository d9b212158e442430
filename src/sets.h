/*-------------------------------------------------------------------------
 *
 * sets.h
 *	  The orgacl.roleset and orgacl.audience types as the server sees them.
 *
 * roleset: 8 bytes, passed by value, alignment double: the OrgRoleMask of
 * sets_core.h, one bit per role of the active model (model_role.bit).
 * audience: 2 bytes, passed by value, alignment int2: the OrgAudience of
 * sets_core.h, one bit per relation.
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/sets.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ORGACL_SETS_H
#define ORGACL_SETS_H

#include "fmgr.h"

#include "sets_core.h"

#define DatumGetRoleset(d)		((OrgRoleMask) (d))
#define RolesetGetDatum(r)		((Datum) (r))
#define PG_GETARG_ROLESET(n)	DatumGetRoleset(PG_GETARG_DATUM(n))
#define PG_RETURN_ROLESET(r)	return RolesetGetDatum(r)

#define DatumGetAudience(d)		((OrgAudience) DatumGetUInt16(d))
#define AudienceGetDatum(a)		UInt16GetDatum(a)
#define PG_GETARG_AUDIENCE(n)	DatumGetAudience(PG_GETARG_DATUM(n))
#define PG_RETURN_AUDIENCE(a)	return AudienceGetDatum(a)

extern OrgRoleMask RolesetFromText(const char *text);
extern char *RolesetToText(OrgRoleMask roles);
extern int	CheckRoleName(text *name);

#endif							/* ORGACL_SETS_H */
