/*-------------------------------------------------------------------------
 *
 * decide.h
 *	  Argument helpers shared by the SQL-facing wrappers of the decision
 *	  procedure (decide.c) and of row-level security (rls.c).
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/decide.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ORGACL_DECIDE_H
#define ORGACL_DECIDE_H

#include "utils/array.h"

#include "decide_core.h"

extern int32 KindIndex(const OrgDirectory *dir, text *name);
extern OrgAction ActionOf(text *name);
extern int64 *PersonIds(ArrayType *arr, int *n);

#endif							/* ORGACL_DECIDE_H */
