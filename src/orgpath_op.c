/*-------------------------------------------------------------------------
 *
 * orgpath_op.c
 *	  Comparison, hashing, ancestry operators and the path functions of
 *	  orgpath (nlevel, subpath, lca, leaf, ||), and the selectivity
 *	  estimator of @> and <@.
 *
 * Thanks to the encoding (orgpath_core.h) comparison is memcmp and ancestry
 * is a byte-prefix test: nothing here decodes an id except leaf(), ||
 * with a bigint, and the functions that need level boundaries.
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/orgpath_op.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/stratnum.h"
#include "catalog/pg_am.h"
#include "catalog/pg_statistic.h"
#include "catalog/pg_type.h"
#include "commands/defrem.h"
#include "common/hashfn.h"
#include "nodes/makefuncs.h"
#include "optimizer/optimizer.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/selfuncs.h"
#include "utils/syscache.h"

#include "orgpath.h"

/*
 * DEFAULT_ANCESTRY_SEL is the selectivity of @> and <@ when the statistics
 * say nothing better: a subtree is usually a small part of an organisation.
 */
#define DEFAULT_ANCESTRY_SEL	0.001

/*
 * OrgpathCompare compares two orgpath datums in depth-first order and frees
 * any detoasted copies.
 */
static int
OrgpathCompare(FunctionCallInfo fcinfo)
{
	Orgpath    *a = PG_GETARG_ORGPATH_PP(0);
	Orgpath    *b = PG_GETARG_ORGPATH_PP(1);
	int			c = orgpath_cmp_bytes(ORGPATH_BYTES(a), ORGPATH_LEN(a),
									  ORGPATH_BYTES(b), ORGPATH_LEN(b));

	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	return c;
}

PG_FUNCTION_INFO_V1(orgpath_cmp);
/* orgpath_cmp is the btree support function 1. */
Datum
orgpath_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(OrgpathCompare(fcinfo));
}

PG_FUNCTION_INFO_V1(orgpath_lt);
/* orgpath_lt implements <. */
Datum
orgpath_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(OrgpathCompare(fcinfo) < 0);
}

PG_FUNCTION_INFO_V1(orgpath_le);
/* orgpath_le implements <=. */
Datum
orgpath_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(OrgpathCompare(fcinfo) <= 0);
}

PG_FUNCTION_INFO_V1(orgpath_eq);
/* orgpath_eq implements =. */
Datum
orgpath_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(OrgpathCompare(fcinfo) == 0);
}

PG_FUNCTION_INFO_V1(orgpath_ne);
/* orgpath_ne implements <>. */
Datum
orgpath_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(OrgpathCompare(fcinfo) != 0);
}

PG_FUNCTION_INFO_V1(orgpath_ge);
/* orgpath_ge implements >=. */
Datum
orgpath_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(OrgpathCompare(fcinfo) >= 0);
}

PG_FUNCTION_INFO_V1(orgpath_gt);
/* orgpath_gt implements >. */
Datum
orgpath_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(OrgpathCompare(fcinfo) > 0);
}

PG_FUNCTION_INFO_V1(hash_orgpath);
/*
 * hash_orgpath hashes the payload bytes.  Every path has exactly one
 * encoding, so equal paths hash equally.
 */
Datum
hash_orgpath(PG_FUNCTION_ARGS)
{
	Orgpath    *p = PG_GETARG_ORGPATH_PP(0);
	Datum		h = hash_any(ORGPATH_BYTES(p), (int) ORGPATH_LEN(p));

	PG_FREE_IF_COPY(p, 0);
	return h;
}

PG_FUNCTION_INFO_V1(hash_orgpath_extended);
/*
 * hash_orgpath_extended is the 64-bit seeded hash.  hash_any_extended with
 * seed 0 has the same low 32 bits as hash_any, as the hash opclass requires.
 */
Datum
hash_orgpath_extended(PG_FUNCTION_ARGS)
{
	Orgpath    *p = PG_GETARG_ORGPATH_PP(0);
	Datum		h = hash_any_extended(ORGPATH_BYTES(p), (int) ORGPATH_LEN(p),
									  PG_GETARG_INT64(1));

	PG_FREE_IF_COPY(p, 0);
	return h;
}

PG_FUNCTION_INFO_V1(orgpath_ancestor);
/*
 * orgpath_ancestor implements a @> b: a is b or one of b's ancestors.  The
 * prefix test is exact because labels are prefix-free.
 */
Datum
orgpath_ancestor(PG_FUNCTION_ARGS)
{
	Orgpath    *a = PG_GETARG_ORGPATH_PP(0);
	Orgpath    *b = PG_GETARG_ORGPATH_PP(1);
	bool		r = orgpath_is_ancestor(ORGPATH_BYTES(a), ORGPATH_LEN(a),
										ORGPATH_BYTES(b), ORGPATH_LEN(b));

	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	PG_RETURN_BOOL(r);
}

PG_FUNCTION_INFO_V1(orgpath_descendant);
/*
 * orgpath_descendant implements a <@ b: a is b or one of b's descendants.
 */
Datum
orgpath_descendant(PG_FUNCTION_ARGS)
{
	Orgpath    *a = PG_GETARG_ORGPATH_PP(0);
	Orgpath    *b = PG_GETARG_ORGPATH_PP(1);
	bool		r = orgpath_is_ancestor(ORGPATH_BYTES(b), ORGPATH_LEN(b),
										ORGPATH_BYTES(a), ORGPATH_LEN(a));

	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	PG_RETURN_BOOL(r);
}

/*
 * BtreeMember returns the operator of the default btree operator class of
 * type with the given strategy, or InvalidOid.
 */
static Oid
BtreeMember(Oid type, int16 strategy)
{
	Oid			opclass = GetDefaultOpClass(type, BTREE_AM_OID);

	if (!OidIsValid(opclass))
		return InvalidOid;
	return get_opfamily_member(get_opclass_family(opclass), type, type, strategy);
}

/*
 * PathConst wraps payload bytes as an orgpath constant of type type.
 */
static Expr *
PathConst(Oid type, const uint8 *bytes, size_t len)
{
	return (Expr *) makeConst(type, -1, InvalidOid, -1,
							  PointerGetDatum(InitOrgpath(bytes, len)),
							  false, false);
}

/*
 * HistogramFraction returns the fraction of a histogram's population that
 * sorts below x: the bucket x falls in, plus its position inside the
 * bucket, interpolated on the bytes that follow the bucket bounds' common
 * prefix (paths in a bucket share that prefix, so those bytes are where
 * they differ).
 */
static double
HistogramFraction(const AttStatsSlot *hist, const uint8 *x, size_t xlen)
{
	int			n = hist->nvalues;
	int			lo = 0;
	int			hi = n - 1;
	Orgpath    *a;
	Orgpath    *b;
	size_t		k = 0;
	double		pa;
	double		pb;
	double		frac = 0.5;

	a = DatumGetOrgpathPP(hist->values[0]);
	if (orgpath_cmp_bytes(x, xlen, ORGPATH_BYTES(a), ORGPATH_LEN(a)) <= 0)
		return 0.0;
	b = DatumGetOrgpathPP(hist->values[n - 1]);
	if (orgpath_cmp_bytes(x, xlen, ORGPATH_BYTES(b), ORGPATH_LEN(b)) >= 0)
		return 1.0;

	/* find the bucket: values[lo] < x <= values[hi], hi = lo + 1 */
	while (hi - lo > 1)
	{
		int			mid = (lo + hi) / 2;
		Orgpath    *m = DatumGetOrgpathPP(hist->values[mid]);

		if (orgpath_cmp_bytes(ORGPATH_BYTES(m), ORGPATH_LEN(m), x, xlen) < 0)
			lo = mid;
		else
			hi = mid;
	}
	a = DatumGetOrgpathPP(hist->values[lo]);
	b = DatumGetOrgpathPP(hist->values[hi]);
	while (k < ORGPATH_LEN(a) && k < ORGPATH_LEN(b) &&
		   ORGPATH_BYTES(a)[k] == ORGPATH_BYTES(b)[k])
		k++;
	pa = orgpath_byte_position(ORGPATH_BYTES(a), ORGPATH_LEN(a), k);
	pb = orgpath_byte_position(ORGPATH_BYTES(b), ORGPATH_LEN(b), k);
	if (pb > pa)
		frac = (orgpath_byte_position(x, xlen, k) - pa) / (pb - pa);
	frac = Max(0.0, Min(frac, 1.0));
	return (lo + frac) / (n - 1);
}

/*
 * DescendantSelectivity estimates "var <@ q" from the column's statistics,
 * or returns -1 without a histogram.  A subtree is one contiguous run of
 * the sort order, [q, subtree_end(q)), so its share of the histogram is the
 * difference of two positions; the most common values are tested directly.
 */
static double
DescendantSelectivity(VariableStatData *vardata, Orgpath *q)
{
	Form_pg_statistic stats = (Form_pg_statistic) GETSTRUCT(vardata->statsTuple);
	const uint8 *qb = ORGPATH_BYTES(q);
	size_t		ql = ORGPATH_LEN(q);
	AttStatsSlot mcv;
	AttStatsSlot hist;
	double		mcv_match = 0.0;
	double		mcv_total = 0.0;
	double		hist_sel;
	int			i;

	if (!get_attstatsslot(&hist, vardata->statsTuple, STATISTIC_KIND_HISTOGRAM,
						  InvalidOid, ATTSTATSSLOT_VALUES))
		return -1.0;
	if (hist.nvalues < 2)
	{
		free_attstatsslot(&hist);
		return -1.0;
	}
	{
		uint8	   *end = palloc(ql + ORGPATH_MAX_LABEL_BYTES);
		size_t		n = orgpath_subtree_upper(qb, ql, end);
		double		below_end = (n == SIZE_MAX) ? 1.0 : HistogramFraction(&hist, end, n);

		hist_sel = Max(below_end - HistogramFraction(&hist, qb, ql), 0.0);
	}
	free_attstatsslot(&hist);

	if (get_attstatsslot(&mcv, vardata->statsTuple, STATISTIC_KIND_MCV,
						 InvalidOid, ATTSTATSSLOT_VALUES | ATTSTATSSLOT_NUMBERS))
	{
		for (i = 0; i < mcv.nvalues; i++)
		{
			Orgpath    *v = DatumGetOrgpathPP(mcv.values[i]);

			mcv_total += mcv.numbers[i];
			if (orgpath_is_ancestor(qb, ql, ORGPATH_BYTES(v), ORGPATH_LEN(v)))
				mcv_match += mcv.numbers[i];
		}
		free_attstatsslot(&mcv);
	}
	return mcv_match + hist_sel * Max(1.0 - stats->stanullfrac - mcv_total, 0.0);
}

/*
 * AncestorSelectivity estimates "var @> q": var is one of q's ancestors (or
 * q), a handful of exact values, so the estimate is the sum of "var = a"
 * over q's label-boundary prefixes a.
 */
static double
AncestorSelectivity(PlannerInfo *root, Node *var, Oid type,
					Orgpath *q, int varRelid)
{
	Oid			eq = BtreeMember(type, BTEqualStrategyNumber);
	const uint8 *bytes = ORGPATH_BYTES(q);
	size_t		len = ORGPATH_LEN(q);
	size_t		pos = 0;
	double		sum = 0.0;

	if (!OidIsValid(eq))
		return -1.0;
	for (;;)
	{
		Expr	   *clause = make_opclause(eq, BOOLOID, false, (Expr *) var,
										   PathConst(type, bytes, pos),
										   InvalidOid, InvalidOid);

		sum += clause_selectivity(root, (Node *) clause, varRelid, JOIN_INNER, NULL);
		if (pos >= len)
			break;
		pos += (size_t) orgpath_label_len(bytes[pos]);
	}
	return sum;
}

PG_FUNCTION_INFO_V1(orgpath_ancestry_sel);
/*
 * orgpath_ancestry_sel estimates @> and <@.  With a column on one side and
 * a constant on the other, a subtree ("column <@ constant") is estimated as
 * the btree range it is, and a line of ancestors ("column @> constant") as
 * the sum of the equalities it stands for, both from the column's
 * statistics.  Otherwise the operator is applied to the most common values
 * and the histogram, as contrib/ltree does, with DEFAULT_ANCESTRY_SEL when
 * there are no statistics.
 */
Datum
orgpath_ancestry_sel(PG_FUNCTION_ARGS)
{
	PlannerInfo *root = (PlannerInfo *) PG_GETARG_POINTER(0);
	Oid			operator = PG_GETARG_OID(1);
	List	   *args = (List *) PG_GETARG_POINTER(2);
	int			varRelid = PG_GETARG_INT32(3);
	VariableStatData vardata;
	Node	   *other;
	bool		varonleft;
	double		selec = -1.0;

	if (get_restriction_variable(root, args, varRelid, &vardata, &other, &varonleft))
	{
		if (HeapTupleIsValid(vardata.statsTuple) && IsA(other, Const) &&
			!((Const *) other)->constisnull &&
			((Const *) other)->consttype == vardata.vartype)
		{
			Node	   *var = (Node *) list_nth(args, varonleft ? 0 : 1);
			Orgpath    *q = DatumGetOrgpathPP(((Const *) other)->constvalue);
			char	   *opname = get_opname(operator);
			bool		descendant = (opname && strcmp(opname, "<@") == 0) == varonleft;

			selec = descendant ?
				DescendantSelectivity(&vardata, q) :
				AncestorSelectivity(root, var, vardata.vartype, q, varRelid);
		}
		ReleaseVariableStats(vardata);
	}
	if (selec < 0.0)
		selec = generic_restriction_selectivity(root, operator, InvalidOid,
												args, varRelid,
												DEFAULT_ANCESTRY_SEL);
	CLAMP_PROBABILITY(selec);
	PG_RETURN_FLOAT8((float8) selec);
}

/*
 * Concat builds the path a || b from two payloads, checking the depth.
 */
static Orgpath *
Concat(const uint8 *a, size_t alen, int alevels,
	   const uint8 *b, size_t blen, int blevels)
{
	Orgpath    *result;

	CheckOrgpathDepth((int64) alevels + blevels);
	result = (Orgpath *) palloc(ORGPATH_SIZE(alen + blen));
	SET_VARSIZE(result, ORGPATH_SIZE(alen + blen));
	if (alen > 0)
		memcpy(result->data, a, alen);
	if (blen > 0)
		memcpy(result->data + alen, b, blen);
	return result;
}

PG_FUNCTION_INFO_V1(orgpath_concat);
/*
 * orgpath_concat implements path || path.
 */
Datum
orgpath_concat(PG_FUNCTION_ARGS)
{
	Orgpath    *a = PG_GETARG_ORGPATH_PP(0);
	Orgpath    *b = PG_GETARG_ORGPATH_PP(1);

	PG_RETURN_ORGPATH_P(Concat(ORGPATH_BYTES(a), ORGPATH_LEN(a),
							   orgpath_nlevels(ORGPATH_BYTES(a), ORGPATH_LEN(a)),
							   ORGPATH_BYTES(b), ORGPATH_LEN(b),
							   orgpath_nlevels(ORGPATH_BYTES(b), ORGPATH_LEN(b))));
}

PG_FUNCTION_INFO_V1(orgpath_append);
/*
 * orgpath_append implements path || bigint: one level below path.
 */
Datum
orgpath_append(PG_FUNCTION_ARGS)
{
	Orgpath    *a = PG_GETARG_ORGPATH_PP(0);
	int64		id = PG_GETARG_INT64(1);
	uint8		label[ORGPATH_MAX_LABEL_BYTES];
	int			n;

	CheckOrgpathId(id, ERRCODE_INVALID_PARAMETER_VALUE);
	n = orgpath_encode_id(id, label);
	PG_RETURN_ORGPATH_P(Concat(ORGPATH_BYTES(a), ORGPATH_LEN(a),
							   orgpath_nlevels(ORGPATH_BYTES(a), ORGPATH_LEN(a)),
							   label, (size_t) n, 1));
}

PG_FUNCTION_INFO_V1(orgpath_prepend);
/*
 * orgpath_prepend implements bigint || path: a new top above path.
 */
Datum
orgpath_prepend(PG_FUNCTION_ARGS)
{
	int64		id = PG_GETARG_INT64(0);
	Orgpath    *b = PG_GETARG_ORGPATH_PP(1);
	uint8		label[ORGPATH_MAX_LABEL_BYTES];
	int			n;

	CheckOrgpathId(id, ERRCODE_INVALID_PARAMETER_VALUE);
	n = orgpath_encode_id(id, label);
	PG_RETURN_ORGPATH_P(Concat(label, (size_t) n, 1,
							   ORGPATH_BYTES(b), ORGPATH_LEN(b),
							   orgpath_nlevels(ORGPATH_BYTES(b), ORGPATH_LEN(b))));
}

PG_FUNCTION_INFO_V1(orgpath_nlevel);
/*
 * orgpath_nlevel returns the number of levels (ids) of a path.
 */
Datum
orgpath_nlevel(PG_FUNCTION_ARGS)
{
	Orgpath    *p = PG_GETARG_ORGPATH_PP(0);
	int			n = orgpath_nlevels(ORGPATH_BYTES(p), ORGPATH_LEN(p));

	PG_FREE_IF_COPY(p, 0);
	PG_RETURN_INT32(n);
}

PG_FUNCTION_INFO_V1(orgpath_subpath);
/*
 * orgpath_subpath implements subpath(p, offset [, len]) with contrib/ltree's
 * rules: levels are numbered from 0; a negative offset counts from the end;
 * a negative len leaves that many levels off the end; without len (or with
 * len 0 in the two-argument form) the rest of the path is taken.  The
 * offset must fall inside the path, so subpath of the empty path is an
 * error, as in ltree.
 */
Datum
orgpath_subpath(PG_FUNCTION_ARGS)
{
	Orgpath    *p = PG_GETARG_ORGPATH_PP(0);
	int32		off = PG_GETARG_INT32(1);
	bool		has_len = PG_NARGS() > 2;
	int32		len = has_len ? PG_GETARG_INT32(2) : 0;
	const uint8 *bytes = ORGPATH_BYTES(p);
	size_t		nbytes = ORGPATH_LEN(p);
	int64		n = orgpath_nlevels(bytes, nbytes);
	int64		start = off;
	int64		end;
	size_t		from;
	size_t		to;

	if (start < 0)
		start += n;
	if (len < 0)
		end = n + len;
	else if (len == 0 && !has_len)
		end = n;
	else
		end = start + len;

	if (start < 0 || start >= n || end < start)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid positions for subpath"),
				 has_len ?
				 errdetail("Offset %d and length %d do not select levels of a path of " INT64_FORMAT " levels.",
						   off, len, n) :
				 errdetail("Offset %d does not select a level of a path of " INT64_FORMAT " levels.",
						   off, n)));
	if (end > n)
		end = n;

	from = orgpath_level_offset(bytes, nbytes, (int) start);
	to = from + orgpath_level_offset(bytes + from, nbytes - from, (int) (end - start));
	PG_RETURN_ORGPATH_P(InitOrgpath(bytes + from, to - from));
}

PG_FUNCTION_INFO_V1(orgpath_lca);
/*
 * orgpath_lca returns the lowest common ancestor of two paths with ltree's
 * rules: a proper ancestor of both (lca of a path with itself is its
 * parent), NULL when either path is empty.
 */
Datum
orgpath_lca(PG_FUNCTION_ARGS)
{
	Orgpath    *a = PG_GETARG_ORGPATH_PP(0);
	Orgpath    *b = PG_GETARG_ORGPATH_PP(1);
	size_t		n = orgpath_lca_len(ORGPATH_BYTES(a), ORGPATH_LEN(a),
									ORGPATH_BYTES(b), ORGPATH_LEN(b));

	if (n == SIZE_MAX)
		PG_RETURN_NULL();
	PG_RETURN_ORGPATH_P(InitOrgpath(ORGPATH_BYTES(a), n));
}

PG_FUNCTION_INFO_V1(orgpath_lca_array);
/*
 * orgpath_lca_array returns the lowest common ancestor of every path of an
 * array: NULL for an empty array or one that holds an empty path; null
 * elements are an error, as in ltree.
 */
Datum
orgpath_lca_array(PG_FUNCTION_ARGS)
{
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(0);
	Oid			elemtype = ARR_ELEMTYPE(arr);
	int16		typlen;
	bool		typbyval;
	char		typalign;
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	int			i;
	Orgpath    *first;
	size_t		common = SIZE_MAX;

	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	deconstruct_array(arr, elemtype, typlen, typbyval, typalign,
					  &elems, &nulls, &n);
	for (i = 0; i < n; i++)
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("array must not contain nulls"),
					 errdetail("Element %d of the array is null.", i + 1)));
	if (n == 0)
		PG_RETURN_NULL();

	first = DatumGetOrgpathPP(elems[0]);
	for (i = 0; i < n; i++)
	{
		Orgpath    *p = DatumGetOrgpathPP(elems[i]);
		size_t		l = orgpath_lca_len(ORGPATH_BYTES(first), ORGPATH_LEN(first),
										ORGPATH_BYTES(p), ORGPATH_LEN(p));

		if (l == SIZE_MAX)
			PG_RETURN_NULL();
		common = Min(common, l);
	}
	PG_RETURN_ORGPATH_P(InitOrgpath(ORGPATH_BYTES(first), common));
}

PG_FUNCTION_INFO_V1(orgpath_leaf);
/*
 * orgpath_leaf returns the last id of a path (the person it leads to), or
 * NULL for the empty path.
 */
Datum
orgpath_leaf(PG_FUNCTION_ARGS)
{
	Orgpath    *p = PG_GETARG_ORGPATH_PP(0);
	const uint8 *bytes = ORGPATH_BYTES(p);
	size_t		len = ORGPATH_LEN(p);
	size_t		last;
	int64_t		id = 0;

	if (len == 0)
		PG_RETURN_NULL();
	last = orgpath_level_offset(bytes, len, orgpath_nlevels(bytes, len) - 1);
	(void) orgpath_decode_id(bytes + last, len - last, &id);
	PG_FREE_IF_COPY(p, 0);
	PG_RETURN_INT64(id);
}

PG_FUNCTION_INFO_V1(orgpath_subtree_end);
/*
 * orgpath_subtree_end returns the first path after p's subtree in the btree
 * order (p's next sibling, or its nearest ancestor's), or NULL when the
 * subtree reaches the end of the order.  So "x <@ p" is
 * "x >= p AND (subtree_end(p) IS NULL OR x < subtree_end(p))", the form in
 * which a btree index answers it.
 */
Datum
orgpath_subtree_end(PG_FUNCTION_ARGS)
{
	Orgpath    *p = PG_GETARG_ORGPATH_PP(0);
	uint8	   *buf = palloc(ORGPATH_LEN(p) + ORGPATH_MAX_LABEL_BYTES);
	size_t		n = orgpath_subtree_upper(ORGPATH_BYTES(p), ORGPATH_LEN(p), buf);

	if (n == SIZE_MAX)
		PG_RETURN_NULL();
	PG_RETURN_ORGPATH_P(InitOrgpath(buf, n));
}

PG_FUNCTION_INFO_V1(orgpath_subtree_max_fn);
/*
 * orgpath_subtree_max_fn returns the greatest path of p's subtree within the
 * depth limit (p followed by INT64_MAX ids down to level 1,000), so that
 * "x <@ p" is "x >= p AND x <= subtree_max(p)".  The btree support of <@
 * uses it when p is known only at run time.
 */
Datum
orgpath_subtree_max_fn(PG_FUNCTION_ARGS)
{
	Orgpath    *p = PG_GETARG_ORGPATH_PP(0);
	uint8	   *buf = palloc(ORGPATH_MAX_BYTES);
	size_t		n = orgpath_subtree_max(ORGPATH_BYTES(p), ORGPATH_LEN(p), buf);

	PG_RETURN_ORGPATH_P(InitOrgpath(buf, n));
}
