/*-------------------------------------------------------------------------
 *
 * rls.c
 *	  SQL-facing functions of row-level security: the arms protect()'s
 *	  policies are made of, their planner support (a real row estimate and
 *	  an index condition for the subject arm, folding for the row arms),
 *	  and cache_stats().
 *
 * Each policy function keeps a per-query scope (rls_core.h) in fn_extra,
 * rebuilt whenever the directory, the viewer or its own constant
 * arguments change, so a row costs a few comparisons.  The planner support
 * (orgacl_sees_subject_support) evaluates the viewer at plan time, as the
 * planner does for any stable expression it estimates, to give
 *
 *	 - SupportRequestSelectivity: the share of persons the viewer's rows
 *	   can come from, so "ORDER BY id LIMIT 50" for a small team does not
 *	   walk the primary key;
 *	 - SupportRequestIndexCondition: "subject = ANY(orgacl.subject_superset
 *	   (...))", lossy, when that share is small.  The array is computed at
 *	   run time for the run-time viewer, so a cached plan stays correct for
 *	   any viewer; only its cost was estimated for the planning one.
 *
 * and sees_row's (orgacl_sees_row_support) folds the row arms to false
 * while no row of the kind can be decided through author, owner or shared,
 * recording a dependency on the catalog tables so that a change replans.
 * For scans of most of the table it also lends the directory to parallel
 * workers (model_share.c).
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/rls.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_opfamily_d.h"
#include "catalog/pg_operator_d.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/pathnodes.h"
#include "nodes/supportnodes.h"
#include "parser/parse_func.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/memutils.h"

#include "decide.h"
#include "model_cache.h"
#include "rls_core.h"
#include "sets.h"
#include "viewer.h"

/* arguments of sees_subject and sees_row, in order */
#define ARG_ACTION		0
#define ARG_KIND		1
#define ARG_SUBJECT		2
#define ARG_CYCLE		3
#define ARG_AUDIENCE	4
#define ARG_AUTHOR		5
#define ARG_SHARED		6

/*
 * Above this share of persons, the subject arm offers no index condition:
 * reading most of the table through an index costs more than a scan.
 */
#define INDEX_SHARE_MAX 0.3

/* bigint = bigint (pg_operator.dat: int8eq), the btree equality of int8_ops */
#define INT8_EQ_OPERATOR ((Oid) 410)

/* RowRule is rule 2's answer for one (cycle, audience) pair of a row. */
typedef struct RowRule
{
	bool		valid;
	bool		has_cycle;
	bool		has_aud;
	bool		ok;				/* false: the row is refused to everybody */
	int64		cycle;
	OrgAudience in;
	OrgAudience out;
	const OrgCycle *cyc;
} RowRule;

#define ROW_RULES 16			/* a power of two */

/* RlsState is a policy function's per-query scope (fn_extra). */
typedef struct RlsState
{
	const OrgDirectory *dir;
	uint64		generation;
	bool		has_viewer;
	int64		viewer;
	char		action[32];		/* the constant arguments the scope is for */
	char		kind[ORG_NAME_MAX];
	bool		const_args;		/* action and kind are constants of the call */
	MemoryContext cxt;			/* the scope's memos; reset on rebuild */
	OrgScope	scope;
	Datum		result;			/* owned_cycles / subject_superset: the array */
	bool		has_result;
	/* rule 2 for recent rows, by cycle (direct-mapped) */
	RowRule		rules[ROW_RULES];
} RlsState;

/* AllocInContext is an OrgAllocFn over a memory context. */
static void *
AllocInContext(void *arg, size_t size)
{
	return MemoryContextAllocZero((MemoryContext) arg, size);
}

/*
 * SameText reports whether a text datum holds the C string buf.
 */
static bool
SameText(text *t, const char *buf)
{
	size_t		len = VARSIZE_ANY_EXHDR(t);

	return strlen(buf) == len && memcmp(VARDATA_ANY(t), buf, len) == 0;
}

/*
 * CopyText copies a text datum into buf (size bytes), or raises 22023 when
 * it is too long to name an action or kind.
 */
static void
CopyText(text *t, char *buf, size_t size, const char *what)
{
	size_t		len = VARSIZE_ANY_EXHDR(t);

	if (len >= size)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s name is too long", what)));
	memcpy(buf, VARDATA_ANY(t), len);
	buf[len] = '\0';
}

/*
 * GetState returns the function's scope for the current directory, viewer
 * and (action, kind), building it on first use or when any of them
 * changed.  A NULL action or kind is 22004.
 */
static RlsState *
GetState(FunctionCallInfo fcinfo, int action_arg, const char *fixed_action, int kind_arg)
{
	RlsState   *st = fcinfo->flinfo->fn_extra;
	const OrgDirectory *dir = OrgaclDirectory();
	int64		viewer = 0;
	bool		has_viewer = OrgaclViewer(dir, &viewer);
	text	   *action = NULL;
	text	   *kind;

	/* the common case: nothing changed since the last row */
	if (st != NULL && st->const_args && st->dir == dir &&
		st->generation == dir->generation &&
		st->has_viewer == has_viewer && st->viewer == viewer)
		return st;

	if ((action_arg >= 0 && PG_ARGISNULL(action_arg)) || PG_ARGISNULL(kind_arg))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("action and artifact kind must not be null")));
	if (action_arg >= 0)
		action = PG_GETARG_TEXT_PP(action_arg);
	kind = PG_GETARG_TEXT_PP(kind_arg);

	if (st != NULL && st->dir == dir && st->generation == dir->generation &&
		st->has_viewer == has_viewer && st->viewer == viewer &&
		(action == NULL || SameText(action, st->action)) && SameText(kind, st->kind))
		return st;

	if (st == NULL)
	{
		st = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(RlsState));
		st->cxt = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "orgacl rls scope",
										ALLOCSET_SMALL_SIZES);
		fcinfo->flinfo->fn_extra = st;
	}
	else
		MemoryContextReset(st->cxt);
	st->dir = NULL;				/* not valid until built */
	if (action != NULL)
		CopyText(action, st->action, sizeof(st->action), "action");
	else
		strlcpy(st->action, fixed_action, sizeof(st->action));
	CopyText(kind, st->kind, sizeof(st->kind), "artifact kind");
	OrgScopeInit(&st->scope, dir, has_viewer, viewer,
				 action != NULL ? ActionOf(action) :
				 (OrgAction) ActionLookup(fixed_action, strlen(fixed_action)),
				 KindIndex(dir, kind), AllocInContext, st->cxt);
	st->const_args = get_fn_expr_arg_stable(fcinfo->flinfo, kind_arg) &&
		(action_arg < 0 || get_fn_expr_arg_stable(fcinfo->flinfo, action_arg));
	st->has_result = false;
	memset(st->rules, 0, sizeof(st->rules));
	st->has_viewer = has_viewer;
	st->viewer = viewer;
	st->generation = dir->generation;
	st->dir = dir;
	return st;
}

/*
 * RowAudience applies rule 2 to the row in the call's cycle and audience
 * arguments; false when the row is refused to everybody.
 */
static bool
RowAudience(FunctionCallInfo fcinfo, RlsState *st, OrgAudience *aud,
			const OrgCycle **cycle)
{
	const OrgScope *sc = &st->scope;
	bool		has_cycle = !PG_ARGISNULL(ARG_CYCLE);
	bool		has_aud = !PG_ARGISNULL(ARG_AUDIENCE);
	int64		cyc = has_cycle ? PG_GETARG_INT64(ARG_CYCLE) : 0;
	OrgAudience in = has_aud ? (DatumGetAudience(PG_GETARG_DATUM(ARG_AUDIENCE)) & AUDIENCE_ALL) : 0;

	RowRule    *r = &st->rules[((uint64) cyc ^ in) & (ROW_RULES - 1)];

	if (!r->valid || r->has_cycle != has_cycle || r->cycle != cyc ||
		r->has_aud != has_aud || r->in != in)
	{
		r->ok = OrgRowAudience(sc->dir, sc->action, sc->kind, has_cycle, cyc,
							   has_aud, in, &r->out, &r->cyc);
		r->has_cycle = has_cycle;
		r->cycle = cyc;
		r->has_aud = has_aud;
		r->in = in;
		r->valid = true;
	}
	*aud = r->out;
	*cycle = r->cyc;
	return r->ok;
}

PG_FUNCTION_INFO_V1(orgacl_sees_subject);

/*
 * orgacl_sees_subject implements sees_subject(action, kind, subject,
 * cycle, audience): the subject arm of a protected table's policy.
 */
Datum
orgacl_sees_subject(PG_FUNCTION_ARGS)
{
	RlsState   *st = GetState(fcinfo, ARG_ACTION, NULL, ARG_KIND);
	OrgAudience aud;
	const OrgCycle *cycle;

	if (PG_ARGISNULL(ARG_SUBJECT) || !RowAudience(fcinfo, st, &aud, &cycle))
		PG_RETURN_BOOL(false);
	PG_RETURN_BOOL(OrgScopeSubject(&st->scope, PG_GETARG_INT64(ARG_SUBJECT), aud));
}

PG_FUNCTION_INFO_V1(orgacl_sees_row);

/*
 * orgacl_sees_row implements sees_row(action, kind, subject, cycle,
 * audience, author, shared): the row arms (author, owner, shared).
 */
Datum
orgacl_sees_row(PG_FUNCTION_ARGS)
{
	RlsState   *st = GetState(fcinfo, ARG_ACTION, NULL, ARG_KIND);
	OrgAudience aud;
	const OrgCycle *cycle;
	int			nshared = 0;
	int64	   *shared = NULL;
	bool		allow;

	if (PG_ARGISNULL(ARG_SUBJECT) || !RowAudience(fcinfo, st, &aud, &cycle))
		PG_RETURN_BOOL(false);
	if (!PG_ARGISNULL(ARG_SHARED) && (aud & (1u << REL_SHARED)))
		shared = PersonIds(PG_GETARG_ARRAYTYPE_P(ARG_SHARED), &nshared);
	allow = OrgScopeRow(&st->scope, PG_GETARG_INT64(ARG_SUBJECT), aud, cycle,
						!PG_ARGISNULL(ARG_AUTHOR),
						PG_ARGISNULL(ARG_AUTHOR) ? 0 : PG_GETARG_INT64(ARG_AUTHOR),
						nshared, shared);
	if (shared != NULL)
		pfree(shared);
	PG_RETURN_BOOL(allow);
}

/*
 * IdArray builds a bigint[] of n ids in the function's memory, so it can
 * be handed out again for every row of the query.
 */
static Datum
IdArray(FunctionCallInfo fcinfo, const int64 *ids, int n)
{
	MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	Datum	   *elems = palloc(sizeof(Datum) * (n + 1));
	ArrayType  *arr;

	for (int i = 0; i < n; i++)
		elems[i] = Int64GetDatum(ids[i]);
	arr = construct_array(elems, n, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
	pfree(elems);
	MemoryContextSwitchTo(old);
	return PointerGetDatum(arr);
}

PG_FUNCTION_INFO_V1(orgacl_owned_cycles);

/*
 * orgacl_owned_cycles implements owned_cycles(kind): the cycles of kind
 * the current viewer owns (created), the owner arm's index condition.  An
 * unknown or deactivated viewer owns nothing here (rule 1).
 */
Datum
orgacl_owned_cycles(PG_FUNCTION_ARGS)
{
	RlsState   *st = GetState(fcinfo, -1, "view", 0);

	if (!st->has_result)
	{
		const OrgDirectory *dir = st->dir;
		int64	   *ids = palloc(sizeof(int64) * (dir->ncycles + 1));
		int			n = 0;

		for (int i = 0; st->scope.v >= 0 && i < dir->ncycles; i++)
		{
			if (dir->cycles[i].kind == st->scope.kind && dir->cycles[i].owner == st->scope.viewer)
				ids[n++] = dir->cycles[i].id;
		}
		st->result = IdArray(fcinfo, ids, n);
		st->has_result = true;
		pfree(ids);
	}
	PG_RETURN_DATUM(st->result);
}

/*
 * Superset computes the subject arm's superset for sc under the widest
 * audience of its rows, as person indexes (*list), or -1 for "nearly
 * everyone".
 */
static int32
Superset(OrgScope *sc, bool any_cycle, bool any_audience, int32 **list)
{
	OrgAudience aud = OrgWidestAudience(sc->dir, sc->action, sc->kind,
										any_cycle, any_audience);

	return OrgScopeSuperset(sc, aud, list);
}

PG_FUNCTION_INFO_V1(orgacl_subject_superset);

/*
 * orgacl_subject_superset implements subject_superset(action, kind,
 * any_cycle, any_audience): the ids of every person whose rows the subject
 * arm may allow the current viewer, for rows that may name a cycle and/or
 * carry an audience.  When that is nearly everyone, every person: still
 * exact as an index condition (an unknown subject is refused to all).
 */
Datum
orgacl_subject_superset(PG_FUNCTION_ARGS)
{
	RlsState   *st = GetState(fcinfo, 0, NULL, 1);
	bool		any_cycle = PG_GETARG_BOOL(2);
	bool		any_audience = PG_GETARG_BOOL(3);

	if (!st->has_result)
	{
		const OrgDirectory *dir = st->dir;
		int32	   *list = NULL;
		int32		n = Superset(&st->scope, any_cycle, any_audience, &list);
		int64	   *ids;

		if (n < 0)
		{
			n = dir->npersons;
			ids = palloc(sizeof(int64) * (n + 1));
			for (int32 i = 0; i < n; i++)
				ids[i] = dir->persons[i].id;
		}
		else
		{
			ids = palloc(sizeof(int64) * (n + 1));
			for (int32 i = 0; i < n; i++)
				ids[i] = dir->persons[list[i]].id;
		}
		st->result = IdArray(fcinfo, ids, n);
		st->has_result = true;
		pfree(ids);
	}
	PG_RETURN_DATUM(st->result);
}

/*
 * PlanArgs reads, at plan time, the arguments of a policy call
 * (sees_subject or sees_row): the action and kind, which must be constants
 * the active model knows (else it returns false), and whether the call's
 * rows may name a cycle or carry an audience (an argument other than a
 * NULL constant).
 */
static bool
PlanArgs(List *args, const OrgDirectory **dir, OrgAction *action, int32 *kind,
		 bool *any_cycle, bool *any_audience)
{
	Node	   *action_arg = list_nth(args, ARG_ACTION);
	Node	   *kind_arg = list_nth(args, ARG_KIND);
	Node	   *cycle_arg = list_nth(args, ARG_CYCLE);
	Node	   *aud_arg = list_nth(args, ARG_AUDIENCE);
	text	   *action_text;
	text	   *kind_text;
	int			a;

	if (!IsA(action_arg, Const) || ((Const *) action_arg)->constisnull ||
		!IsA(kind_arg, Const) || ((Const *) kind_arg)->constisnull)
		return false;
	*any_cycle = !(IsA(cycle_arg, Const) && ((Const *) cycle_arg)->constisnull);
	*any_audience = !(IsA(aud_arg, Const) && ((Const *) aud_arg)->constisnull);
	action_text = DatumGetTextPP(((Const *) action_arg)->constvalue);
	kind_text = DatumGetTextPP(((Const *) kind_arg)->constvalue);
	a = ActionLookup(VARDATA_ANY(action_text), VARSIZE_ANY_EXHDR(action_text));
	*dir = OrgaclDirectory();
	*kind = OrgFindKind(*dir, VARDATA_ANY(kind_text), VARSIZE_ANY_EXHDR(kind_text));
	*action = (OrgAction) a;
	return a >= 0 && *kind >= 0;
}

/*
 * PlanShare estimates, at plan time, the share of persons whose rows the
 * subject arm call (sees_subject's arguments) may allow: the superset's
 * bound for the viewer of this moment (counted, not listed).  It returns
 * false when PlanArgs does, and sets *any_cycle and *any_audience as it.
 */
static bool
PlanShare(List *args, double *share, bool *any_cycle, bool *any_audience)
{
	const OrgDirectory *dir;
	OrgAction	action;
	int32		kind;
	int64		viewer = 0;
	bool		has_viewer;
	OrgScope	sc;
	int64		bound;

	if (!PlanArgs(args, &dir, &action, &kind, any_cycle, any_audience))
		return false;
	has_viewer = OrgaclViewer(dir, &viewer);
	OrgScopeInit(&sc, dir, has_viewer, viewer, action, kind,
				 AllocInContext, CurrentMemoryContext);
	bound = OrgScopeSupersetBound(&sc, OrgWidestAudience(dir, action, kind,
														 *any_cycle, *any_audience));
	if (bound < 0 || dir->npersons == 0)
		*share = 1.0;
	else
		*share = Min(1.0, (double) bound / dir->npersons);
	/* a scan of most of the table may well run in parallel */
	if (*share > INDEX_SHARE_MAX)
		OrgaclShareDirectory();
	return true;
}

/*
 * SupersetCall builds the expression orgacl.subject_superset(action, kind,
 * any_cycle, any_audience), or returns NULL when the function is missing.
 */
static Node *
SupersetCall(List *args, bool any_cycle, bool any_audience)
{
	Oid			argtypes[4] = {TEXTOID, TEXTOID, BOOLOID, BOOLOID};
	Oid			fn;

	fn = LookupFuncName(list_make2(makeString("orgacl"), makeString("subject_superset")),
						4, argtypes, true);
	if (!OidIsValid(fn))
		return NULL;
	return (Node *) makeFuncExpr(fn, INT8ARRAYOID,
								 list_make4(copyObject(list_nth(args, ARG_ACTION)),
											copyObject(list_nth(args, ARG_KIND)),
											makeBoolConst(any_cycle, false),
											makeBoolConst(any_audience, false)),
								 InvalidOid, InvalidOid, COERCE_EXPLICIT_CALL);
}

PG_FUNCTION_INFO_V1(orgacl_sees_subject_support);

/*
 * orgacl_sees_subject_support is sees_subject's planner support function
 * (see the file header).
 */
Datum
orgacl_sees_subject_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);
	double		share;
	bool		any_cycle;
	bool		any_audience;

	if (IsA(rawreq, SupportRequestSelectivity))
	{
		SupportRequestSelectivity *req = (SupportRequestSelectivity *) rawreq;

		if (list_length(req->args) == 5 &&
			PlanShare(req->args, &share, &any_cycle, &any_audience))
		{
			req->selectivity = share;
			PG_RETURN_POINTER(req);
		}
	}
	else if (IsA(rawreq, SupportRequestIndexCondition))
	{
		SupportRequestIndexCondition *req = (SupportRequestIndexCondition *) rawreq;
		FuncExpr   *call = (FuncExpr *) req->node;
		ScalarArrayOpExpr *saop;
		Node	   *superset;

		if (!IsA(call, FuncExpr) || list_length(call->args) != 5 ||
			req->indexarg != ARG_SUBJECT || req->opfamily != INTEGER_BTREE_FAM_OID ||
			!PlanShare(call->args, &share, &any_cycle, &any_audience) ||
			share > INDEX_SHARE_MAX)
			PG_RETURN_POINTER(NULL);
		superset = SupersetCall(call->args, any_cycle, any_audience);
		if (superset == NULL)
			PG_RETURN_POINTER(NULL);

		saop = makeNode(ScalarArrayOpExpr);
		saop->opno = INT8_EQ_OPERATOR;
		saop->opfuncid = F_INT8EQ;
		saop->useOr = true;
		saop->inputcollid = InvalidOid;
		saop->args = list_make2(copyObject(list_nth(call->args, ARG_SUBJECT)), superset);
		saop->location = -1;
		req->lossy = true;
		PG_RETURN_POINTER(list_make1(saop));
	}
	PG_RETURN_POINTER(NULL);
}

/*
 * RowArmsPossible reports whether, under the directory of this moment, any
 * row of kind may be decided for action through a row relation (author,
 * owner, shared): whether one is in the widest audience of its rows.
 */
static bool
RowArmsPossible(List *args)
{
	const OrgDirectory *dir;
	OrgAction	action;
	int32		kind;
	bool		any_cycle;
	bool		any_audience;

	if (!PlanArgs(args, &dir, &action, &kind, &any_cycle, &any_audience))
		return true;
	return (OrgWidestAudience(dir, action, kind, any_cycle, any_audience) & ROW_RELATIONS) != 0;
}

PG_FUNCTION_INFO_V1(orgacl_sees_row_support);

/*
 * orgacl_sees_row_support is sees_row's planner support function: when no
 * row of the call's kind can be decided through a row relation under the
 * directory of planning time, the call is the constant false, and the
 * policy's row arms drop out of the plan (leaving the subject arm, which a
 * plain index scan can serve).  The plan then depends on every catalog
 * table, so any change to the model, the cycles or the directory replans
 * it before its next use.
 *
 * NB: a session learns of another's commit when it next processes
 * invalidations, which PostgreSQL does on taking a lock it does not hold
 * yet.  Inside a transaction that already holds its locks, a cached plan
 * can therefore run once more without the arms after another session added
 * a cycle that lets authors in (that run shows fewer rows, never more); the
 * directory cache takes the invalidation during that run, which marks the
 * plan invalid, and the next execution plans the arms back in.
 */
Datum
orgacl_sees_row_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);

	if (IsA(rawreq, SupportRequestSimplify))
	{
		SupportRequestSimplify *req = (SupportRequestSimplify *) rawreq;
		FuncExpr   *call = req->fcall;
		const Oid  *relids;
		int			n;

		if (req->root == NULL || req->root->glob == NULL || list_length(call->args) != 7 ||
			RowArmsPossible(call->args))
			PG_RETURN_POINTER(NULL);
		n = OrgaclCatalogRelids(&relids);
		for (int i = 0; i < n; i++)
		{
			if (OidIsValid(relids[i]))
				req->root->glob->relationOids =
					lappend_oid(req->root->glob->relationOids, relids[i]);
		}
		PG_RETURN_POINTER(makeBoolConst(false, false));
	}
	PG_RETURN_POINTER(NULL);
}

PG_FUNCTION_INFO_V1(orgacl_cache_stats);

/*
 * orgacl_cache_stats implements cache_stats(): the size of this backend's
 * cached directory.
 */
Datum
orgacl_cache_stats(PG_FUNCTION_ARGS)
{
	const OrgDirectory *dir = OrgaclDirectory();
	TupleDesc	tupdesc;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	tupdesc = BlessTupleDesc(tupdesc);
	values[0] = Int32GetDatum(dir->npersons);
	values[1] = Int64GetDatum((int64) dir->bytes);
	values[2] = Float8GetDatum(dir->npersons > 0 ? (double) dir->bytes / dir->npersons : 0.0);
	values[3] = Int64GetDatum((int64) dir->generation);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
