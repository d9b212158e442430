/*-------------------------------------------------------------------------
 *
 * decide.c
 *	  SQL-facing wrappers of the decision procedure: can, can_view,
 *	  explain, has_capability, roles_of, visible_subjects, who_can and the
 *	  artifact kind check.
 *
 * Each wrapper turns its arguments into the pure-C form of decide_core.h
 * and asks OrgDecide over the backend's cached directory; none runs a
 * query per call (the cache is loaded once per change of the catalog).
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/decide.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/executor.h"
#include "fmgr.h"
#include "funcapi.h"
#include "access/htup_details.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"
#include "utils/typcache.h"

#include "decide.h"
#include "model_cache.h"
#include "sets.h"
#include "viewer.h"

/* columns of orgacl.artifact, in order */
#define ARTIFACT_KIND		1
#define ARTIFACT_CYCLE		2
#define ARTIFACT_AUTHOR		3
#define ARTIFACT_AUDIENCE	4
#define ARTIFACT_SHARED		5

/*
 * KindIndex returns the index of the kind named by a text datum under the
 * active model, or raises 22023.
 */
int32
KindIndex(const OrgDirectory *dir, text *name)
{
	int32		k = OrgFindKind(dir, VARDATA_ANY(name), VARSIZE_ANY_EXHDR(name));

	if (k < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("artifact kind \"%s\" does not exist in model \"%s\"",
						text_to_cstring(name), dir->model)));
	return k;
}

/*
 * ActionOf returns the action named by a text datum, or raises 22023.
 */
OrgAction
ActionOf(text *name)
{
	int			a = ActionLookup(VARDATA_ANY(name), VARSIZE_ANY_EXHDR(name));

	if (a < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("action \"%s\" does not exist", text_to_cstring(name)),
				 errhint("Actions are view, create, edit, delete, aggregate and unveil_author.")));
	return (OrgAction) a;
}

/*
 * ArtifactOf fills art from an orgacl.artifact value.  shared_with's NULL
 * elements are left out (a NULL names nobody).
 */
static void
ArtifactOf(const OrgDirectory *dir, HeapTupleHeader row, OrgArtifactRef *art)
{
	TupleDesc	tupdesc;
	HeapTupleData tuple;
	Datum		values[ARTIFACT_SHARED];
	bool		nulls[ARTIFACT_SHARED];

	/* one look-up of the row type and one deform, not one per field */
	tupdesc = lookup_rowtype_tupdesc(HeapTupleHeaderGetTypeId(row),
									 HeapTupleHeaderGetTypMod(row));
	if (tupdesc->natts != ARTIFACT_SHARED)
		elog(ERROR, "orgacl.artifact has %d attributes, expected %d",
			 tupdesc->natts, ARTIFACT_SHARED);
	tuple.t_len = HeapTupleHeaderGetDatumLength(row);
	ItemPointerSetInvalid(&(tuple.t_self));
	tuple.t_tableOid = InvalidOid;
	tuple.t_data = row;
	heap_deform_tuple(&tuple, tupdesc, values, nulls);
	ReleaseTupleDesc(tupdesc);

	memset(art, 0, sizeof(*art));
	if (nulls[ARTIFACT_KIND - 1])
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("artifact kind must not be null")));
	art->kind = KindIndex(dir, DatumGetTextPP(values[ARTIFACT_KIND - 1]));
	if (!nulls[ARTIFACT_CYCLE - 1])
	{
		art->has_cycle = true;
		art->cycle = DatumGetInt64(values[ARTIFACT_CYCLE - 1]);
	}
	if (!nulls[ARTIFACT_AUTHOR - 1])
	{
		art->has_author = true;
		art->author = DatumGetInt64(values[ARTIFACT_AUTHOR - 1]);
	}
	if (!nulls[ARTIFACT_AUDIENCE - 1])
	{
		art->has_audience = true;
		art->audience = DatumGetAudience(values[ARTIFACT_AUDIENCE - 1]) & AUDIENCE_ALL;
	}
	if (!nulls[ARTIFACT_SHARED - 1])
		art->shared = PersonIds(DatumGetArrayTypeP(values[ARTIFACT_SHARED - 1]), &art->nshared);
}

/*
 * PersonIds returns the non-NULL elements of a bigint[] (palloc'd) and
 * their number in *n: a NULL names nobody.
 */
int64 *
PersonIds(ArrayType *arr, int *n)
{
	Datum	   *elems;
	bool	   *enulls;
	int			nelems;
	int64	   *ids;

	deconstruct_array(arr, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  &elems, &enulls, &nelems);
	ids = palloc(sizeof(int64) * (nelems + 1));
	*n = 0;
	for (int i = 0; i < nelems; i++)
	{
		if (!enulls[i])
			ids[(*n)++] = DatumGetInt64(elems[i]);
	}
	return ids;
}

/*
 * Decide is can() with SQL NULL handling: a NULL viewer, subject or
 * artifact is denied (no viewer sees nothing), a NULL action too.
 */
static bool
Decide(FunctionCallInfo fcinfo, int viewer_arg, int action_arg, int subject_arg,
	   int artifact_arg, OrgAction fixed_action)
{
	const OrgDirectory *dir;
	OrgArtifactRef art;
	OrgAction	action = fixed_action;

	if (PG_ARGISNULL(viewer_arg) || PG_ARGISNULL(subject_arg) || PG_ARGISNULL(artifact_arg) ||
		(action_arg >= 0 && PG_ARGISNULL(action_arg)))
		return false;
	if (action_arg >= 0)
		action = ActionOf(PG_GETARG_TEXT_PP(action_arg));
	dir = OrgaclDirectory();
	OrgaclRequireMayAsk(dir, PG_GETARG_INT64(viewer_arg), "what another person may do");
	ArtifactOf(dir, PG_GETARG_HEAPTUPLEHEADER(artifact_arg), &art);
	return OrgDecide(dir, PG_GETARG_INT64(viewer_arg), action,
					 PG_GETARG_INT64(subject_arg), &art, NULL);
}

PG_FUNCTION_INFO_V1(orgacl_can);

/* orgacl_can implements can(viewer, action, subject, artifact). */
Datum
orgacl_can(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Decide(fcinfo, 0, 1, 2, 3, ACT_VIEW));
}

PG_FUNCTION_INFO_V1(orgacl_can_view);

/* orgacl_can_view implements can_view(viewer, subject, artifact). */
Datum
orgacl_can_view(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Decide(fcinfo, 0, -1, 1, 2, ACT_VIEW));
}

PG_FUNCTION_INFO_V1(orgacl_explain);

/*
 * orgacl_explain implements explain(viewer, subject, artifact, action):
 * the rules OrgDecide tried, one row each, the deciding one last.
 */
Datum
orgacl_explain(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	OrgTrace	trace;
	static const char *const outcomes[] = {"continue", "allow", "deny"};

	InitMaterializedSRF(fcinfo, 0);
	trace.nsteps = 0;
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
	{
		trace.nsteps = 1;
		trace.steps[0].step = 1;
		strlcpy(trace.steps[0].rule, "1", sizeof(trace.steps[0].rule));
		trace.steps[0].outcome = OUTCOME_DENY;
		snprintf(trace.steps[0].detail, TRACE_DETAIL_MAX, "%s is null: nothing is visible",
				 PG_ARGISNULL(0) ? "the viewer" : PG_ARGISNULL(1) ? "the subject" :
				 PG_ARGISNULL(2) ? "the artifact" : "the action");
	}
	else
	{
		OrgAction	action = ActionOf(PG_GETARG_TEXT_PP(3));
		const OrgDirectory *dir = OrgaclDirectory();
		OrgArtifactRef art;

		OrgaclRequireMayAsk(dir, PG_GETARG_INT64(0), "why another person may or may not act");
		ArtifactOf(dir, PG_GETARG_HEAPTUPLEHEADER(2), &art);
		(void) OrgDecide(dir, PG_GETARG_INT64(0), action, PG_GETARG_INT64(1), &art, &trace);
	}
	for (int i = 0; i < trace.nsteps; i++)
	{
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		values[0] = Int32GetDatum(trace.steps[i].step);
		values[1] = CStringGetTextDatum(trace.steps[i].rule);
		values[2] = CStringGetTextDatum(outcomes[trace.steps[i].outcome]);
		values[3] = CStringGetTextDatum(trace.steps[i].detail);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(orgacl_has_capability);

/*
 * orgacl_has_capability implements has_capability(person, capability
 * [, subject]): global grants only without a subject, and also grants
 * scoped to a group containing the subject with one.  A capability the
 * model does not name is 22023; an unknown or deactivated person holds
 * nothing.
 */
Datum
orgacl_has_capability(PG_FUNCTION_ARGS)
{
	const OrgDirectory *dir;
	text	   *cap;
	int32		c,
				p,
				s = -1;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_BOOL(false);
	dir = OrgaclDirectory();
	OrgaclRequireMayAsk(dir, PG_GETARG_INT64(0), "about another person's capabilities");
	cap = PG_GETARG_TEXT_PP(1);
	c = OrgFindCap(dir, VARDATA_ANY(cap), VARSIZE_ANY_EXHDR(cap));
	if (c < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("capability \"%s\" does not exist in model \"%s\"",
						text_to_cstring(cap), dir->model)));
	p = OrgFindPerson(dir, PG_GETARG_INT64(0));
	if (p < 0)
		PG_RETURN_BOOL(false);
	if (PG_NARGS() > 2 && !PG_ARGISNULL(2))
	{
		s = OrgFindPerson(dir, PG_GETARG_INT64(2));
		if (s < 0)
			PG_RETURN_BOOL(OrgHoldsCap(dir, p, c, -1));
	}
	PG_RETURN_BOOL(OrgHoldsCap(dir, p, c, s));
}

PG_FUNCTION_INFO_V1(orgacl_roles_of);

/*
 * orgacl_roles_of implements roles_of(person): the roles held globally.
 * An unknown person is 23503.
 */
Datum
orgacl_roles_of(PG_FUNCTION_ARGS)
{
	const OrgDirectory *dir = OrgaclDirectory();
	int64		id = PG_GETARG_INT64(0);
	int32		p;

	OrgaclRequireMayAsk(dir, id, "about another person's roles");
	p = OrgFindPerson(dir, id);
	if (p < 0)
		ereport(ERROR,
				(errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
				 errmsg("person %lld does not exist", (long long) id)));
	PG_RETURN_ROLESET(dir->persons[p].roles);
}

/*
 * DecideForEveryone returns, as a materialized set of bigint, every known
 * person p for whom OrgDecide allows: as the viewer of the fixed subject
 * (fixed_is_subject), or as the subject the fixed viewer looks at.
 */
static Datum
DecideForEveryone(FunctionCallInfo fcinfo, int64 fixed, bool fixed_is_subject,
				  OrgAction action, int artifact_arg)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const OrgDirectory *dir = OrgaclDirectory();
	OrgArtifactRef art;

	/* who_can lists viewers: a question about everyone */
	OrgaclRequireMayAsk(dir, fixed_is_subject ? -1 : fixed,
						fixed_is_subject ? "who may act on a subject" : "what another person may view");
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	ArtifactOf(dir, PG_GETARG_HEAPTUPLEHEADER(artifact_arg), &art);
	if (OrgFindPerson(dir, fixed) < 0)
		return (Datum) 0;
	for (int i = 0; i < dir->npersons; i++)
	{
		int64		p = dir->persons[i].id;
		bool		allowed = fixed_is_subject ?
			OrgDecide(dir, p, action, fixed, &art, NULL) :
			OrgDecide(dir, fixed, action, p, &art, NULL);

		if (allowed)
		{
			Datum		value = Int64GetDatum(p);
			bool		isnull = false;

			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, &value, &isnull);
		}
	}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(orgacl_visible_subjects);

/*
 * orgacl_visible_subjects implements visible_subjects(viewer, artifact):
 * every known person s with can_view(viewer, s, artifact), in directory
 * (depth-first) order.
 */
Datum
orgacl_visible_subjects(PG_FUNCTION_ARGS)
{
	return DecideForEveryone(fcinfo, PG_GETARG_INT64(0), false, ACT_VIEW, 1);
}

PG_FUNCTION_INFO_V1(orgacl_who_can);

/*
 * orgacl_who_can implements who_can(subject, artifact, action): every known
 * person v with can(v, action, subject, artifact).
 */
Datum
orgacl_who_can(PG_FUNCTION_ARGS)
{
	OrgAction	action = ActionOf(PG_GETARG_TEXT_PP(2));

	return DecideForEveryone(fcinfo, PG_GETARG_INT64(0), true, action, 1);
}

PG_FUNCTION_INFO_V1(orgacl_check_kind);

/*
 * orgacl_check_kind returns its argument when it names an artifact kind of
 * the active model, and raises 22023 otherwise (artifact() calls it).
 */
Datum
orgacl_check_kind(PG_FUNCTION_ARGS)
{
	text	   *kind;

	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("artifact kind must not be null")));
	kind = PG_GETARG_TEXT_PP(0);

	(void) KindIndex(OrgaclDirectory(), kind);
	PG_RETURN_TEXT_P(kind);
}

PG_FUNCTION_INFO_V1(orgacl_check_action);

/*
 * orgacl_check_action returns its argument when it names an action, and
 * raises 22023 otherwise.
 */
Datum
orgacl_check_action(PG_FUNCTION_ARGS)
{
	text	   *action = PG_GETARG_TEXT_PP(0);

	(void) ActionOf(action);
	PG_RETURN_TEXT_P(action);
}
