/*-------------------------------------------------------------------------
 *
 * orgpath_support.c
 *	  Planner support for orgpath: lets a btree index answer "p <@ x".
 *
 * A subtree is a contiguous run of the depth-first order (orgpath_core.h),
 * so "p <@ x" is the range "p >= x AND p < subtree_end(x)".  The planner
 * support function attached to <@ and @> hands the planner that range when
 * it considers a btree index on p, the way PostgreSQL's LIKE support turns
 * a fixed prefix into a range.  Users write <@ and get a btree range scan
 * without knowing about the range form; a GiST index is not required.
 *
 * For a constant x the upper bound is computed at plan time.  For an
 * expression that is constant during the scan (a parameter, a stable
 * function such as the viewer's own path) the bound is
 * "p <= subtree_max(x)", evaluated once at executor start.
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/orgpath_support.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/stratnum.h"
#include "catalog/pg_am.h"
#include "catalog/pg_type.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/pathnodes.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "parser/parse_func.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "orgpath.h"

/*
 * SubtreeMaxFunction finds orgacl.subtree_max(orgpath) in the schema of the
 * function the planner asked about (the extension's schema).
 */
static Oid
SubtreeMaxFunction(Oid supported_func, Oid pathtype)
{
	char	   *schema = get_namespace_name(get_func_namespace(supported_func));
	List	   *name = list_make2(makeString(schema), makeString("subtree_max"));

	return LookupFuncName(name, 1, &pathtype, true);
}

/*
 * SubtreeRange builds the btree conditions equivalent to "key <@ q" for the
 * index column's operator family, or returns NIL when it cannot.
 */
static List *
SubtreeRange(SupportRequestIndexCondition *req, Expr *key, Expr *q)
{
	Oid			pathtype = exprType((Node *) key);
	Oid			ge = get_opfamily_member(req->opfamily, pathtype, pathtype,
										 BTGreaterEqualStrategyNumber);
	Oid			lt = get_opfamily_member(req->opfamily, pathtype, pathtype,
										 BTLessStrategyNumber);
	Oid			le = get_opfamily_member(req->opfamily, pathtype, pathtype,
										 BTLessEqualStrategyNumber);
	List	   *conds;

	if (!OidIsValid(ge) || !OidIsValid(lt) || !OidIsValid(le) ||
		exprType((Node *) q) != pathtype)
		return NIL;

	conds = list_make1(make_opclause(ge, BOOLOID, false, key, q,
									 InvalidOid, InvalidOid));
	if (IsA(q, Const))
	{
		Const	   *c = (Const *) q;
		Orgpath    *x;
		uint8	   *end;
		size_t		n;

		if (c->constisnull)
			return NIL;			/* the strict operator yields no rows anyway */
		x = DatumGetOrgpathPP(c->constvalue);
		end = palloc(ORGPATH_LEN(x) + ORGPATH_MAX_LABEL_BYTES);
		n = orgpath_subtree_upper(ORGPATH_BYTES(x), ORGPATH_LEN(x), end);

		/* without an end, the subtree runs to the end of the order */
		if (n != SIZE_MAX)
			conds = lappend(conds,
							make_opclause(lt, BOOLOID, false, key,
										  (Expr *) makeConst(pathtype, -1, InvalidOid, -1,
															 PointerGetDatum(InitOrgpath(end, n)),
															 false, false),
										  InvalidOid, InvalidOid));
	}
	else
	{
		Oid			maxfn = SubtreeMaxFunction(req->funcid, pathtype);

		if (!OidIsValid(maxfn) ||
			!is_pseudo_constant_for_index(req->root, (Node *) q, req->index))
			return NIL;
		conds = lappend(conds,
						make_opclause(le, BOOLOID, false, key,
									  (Expr *) makeFuncExpr(maxfn, pathtype,
															list_make1(copyObject(q)),
															InvalidOid, InvalidOid,
															COERCE_EXPLICIT_CALL),
									  InvalidOid, InvalidOid));
	}
	return conds;
}

PG_FUNCTION_INFO_V1(orgpath_support);
/*
 * orgpath_support is the planner support function of orgpath_descendant
 * (<@) and orgpath_ancestor (@>).  It answers SupportRequestIndexCondition
 * for btree indexes when the indexed column is the descendant side:
 * "key <@ q" or "q @> key".  The range is exact, so the original clause is
 * not rechecked (lossy = false).
 */
Datum
orgpath_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);
	List	   *result = NIL;

	if (IsA(rawreq, SupportRequestIndexCondition))
	{
		SupportRequestIndexCondition *req = (SupportRequestIndexCondition *) rawreq;

		if (req->index->relam == BTREE_AM_OID && is_opclause(req->node))
		{
			OpExpr	   *clause = (OpExpr *) req->node;
			char	   *fname = get_func_name(req->funcid);
			int			keyarg = -1;

			/* which argument must be the index key for a subtree question */
			if (fname && strcmp(fname, "orgpath_descendant") == 0)
				keyarg = 0;
			else if (fname && strcmp(fname, "orgpath_ancestor") == 0)
				keyarg = 1;

			if (list_length(clause->args) == 2 && req->indexarg == keyarg)
			{
				result = SubtreeRange(req,
									  (Expr *) list_nth(clause->args, keyarg),
									  (Expr *) list_nth(clause->args, 1 - keyarg));
				if (result != NIL)
					req->lossy = false;
			}
		}
	}
	PG_RETURN_POINTER(result);
}
