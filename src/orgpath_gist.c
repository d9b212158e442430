/*-------------------------------------------------------------------------
 *
 * orgpath_gist.c
 *	  GiST operator class for orgpath: @>, <@ and =.
 *
 * A key is a closed range [lo, hi] of paths in depth-first (btree) order.
 * A leaf key is one path (lo = hi).  A subtree "descendants of q" is a
 * contiguous run of that order (every path with q's bytes as prefix), and
 * "ancestors of q" are q's label-boundary prefixes, so both questions are
 * answered by comparing a range with q: no signatures, no false positives
 * at the leaves.
 *
 * Key layout (type orgpath_gist, read through VARDATA_ANY so that a packed
 * short header needs no copy):
 *		1 byte		0: one path (every leaf key), the path follows;
 *					1: a range, followed by
 *		2 bytes		length of lo, big-endian
 *		lolen bytes	lo payload
 *		rest		hi payload
 *
 * Keys are packable (STORAGE extended), so a leaf key of a path of ten
 * small ids costs 1 + 1 + 30 bytes in the index tuple.
 *
 * The build sorts the input by path (sortsupport) and packs the leaves in
 * depth-first order, as a btree build would; later inserts descend by
 * penalty, which measures on one absolute scale how far a range must grow.
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/orgpath_gist.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/gist.h"
#include "access/stratnum.h"
#include "utils/builtins.h"
#include "utils/sortsupport.h"

#include "orgpath.h"

/* Strategy numbers of the operators that are not btree's (as in ltree) */
#define ORGPATH_ANCESTOR_STRATEGY	10	/* key @> query */
#define ORGPATH_DESCENDANT_STRATEGY	11	/* key <@ query */

/*
 * KeyRange is a decoded view of a key; the pointers point into the key.
 */
typedef struct KeyRange
{
	const uint8 *lo;
	size_t		lolen;
	const uint8 *hi;
	size_t		hilen;
} KeyRange;

/* Key tags (first payload byte) */
#define KEY_ONE_PATH	0
#define KEY_RANGE		1

/*
 * ReadKey decodes a key datum into a KeyRange without copying.
 */
static KeyRange
ReadKey(Datum d)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(d);
	const uint8 *p = (const uint8 *) VARDATA_ANY(v);
	size_t		total = VARSIZE_ANY_EXHDR(v);
	KeyRange	r;

	if (p[0] == KEY_ONE_PATH)
	{
		r.lo = r.hi = p + 1;
		r.lolen = r.hilen = total - 1;
	}
	else
	{
		r.lolen = ((size_t) p[1] << 8) | p[2];
		r.lo = p + 3;
		r.hi = r.lo + r.lolen;
		r.hilen = total - 3 - r.lolen;
	}
	return r;
}

/*
 * KEY_BOUND_MAX caps each bound of an inner key.  A leaf key is the indexed
 * path itself (up to ORGPATH_MAX_BYTES), but an inner key holds two bounds,
 * and two deep paths of large ids would not fit in an index tuple: an
 * insert whose leaf fits would then fail when its parent key grows.
 * Bounds only need to bracket the subtree in memcmp order, so a long lo is
 * cut to a prefix (which sorts before it) and a long hi to a prefix whose
 * last byte is raised (which sorts after it).  Every consistent test below
 * compares bounds with memcmp only and stays correct, just less selective,
 * for such cut bounds; real reporting lines are far shorter than the cap.
 */
#define KEY_BOUND_MAX	1024

/*
 * RaisedPrefixLen returns the length of the shortest prefix of hi (at most
 * KEY_BOUND_MAX bytes long) that, with its last byte incremented, sorts
 * after hi; the caller increments that byte.  It returns hilen when hi is
 * short enough or has no such byte (all 0xFF, which no valid path has).
 */
static size_t
RaisedPrefixLen(const uint8 *hi, size_t hilen)
{
	size_t		n;

	if (hilen <= KEY_BOUND_MAX)
		return hilen;
	for (n = KEY_BOUND_MAX; n > 0; n--)
		if (hi[n - 1] != 0xFF)
			return n;
	return hilen;
}

/*
 * MakeKey builds a key for the range [lo, hi], in the one-path form when
 * hi equals lo, else with bounds cut to KEY_BOUND_MAX bytes.
 */
static Datum
MakeKey(const uint8 *lo, size_t lolen, const uint8 *hi, size_t hilen)
{
	bool		same = (orgpath_cmp_bytes(lo, lolen, hi, hilen) == 0);
	size_t		cut_hilen = same ? hilen : RaisedPrefixLen(hi, hilen);
	bool		raise = (cut_hilen < hilen);
	size_t		size;
	struct varlena *v;
	uint8	   *p;

	if (!same)
	{
		lolen = Min(lolen, KEY_BOUND_MAX);
		hilen = cut_hilen;
	}
	size = VARHDRSZ + (same ? 1 + lolen : 3 + lolen + hilen);
	v = (struct varlena *) palloc(size);
	p = (uint8 *) VARDATA(v);

	StaticAssertStmt(ORGPATH_MAX_BYTES <= 0xFFFF, "orgpath too long for GiST key");
	SET_VARSIZE(v, size);
	if (same)
	{
		p[0] = KEY_ONE_PATH;
		memcpy(p + 1, lo, lolen);
	}
	else
	{
		p[0] = KEY_RANGE;
		p[1] = (uint8) (lolen >> 8);
		p[2] = (uint8) lolen;
		memcpy(p + 3, lo, lolen);
		memcpy(p + 3 + lolen, hi, hilen);
		if (raise)
			p[3 + lolen + hilen - 1]++;
	}
	return PointerGetDatum(v);
}

PG_FUNCTION_INFO_V1(orgpath_gist_in);
/*
 * orgpath_gist_in refuses input: orgpath_gist exists only inside indexes.
 */
Datum
orgpath_gist_in(PG_FUNCTION_ARGS)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("cannot accept a value of type %s", "orgpath_gist")));
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(orgpath_gist_out);
/*
 * orgpath_gist_out refuses output, like orgpath_gist_in.
 */
Datum
orgpath_gist_out(PG_FUNCTION_ARGS)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("cannot display a value of type %s", "orgpath_gist")));
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(orgpath_gist_compress);
/*
 * orgpath_gist_compress turns a new leaf value into a one-path key; inner
 * keys are already keys.
 */
Datum
orgpath_gist_compress(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	GISTENTRY  *retval = entry;

	if (entry->leafkey)
	{
		Orgpath    *p = DatumGetOrgpathPP(entry->key);

		retval = (GISTENTRY *) palloc(sizeof(GISTENTRY));
		gistentryinit(*retval,
					  MakeKey(ORGPATH_BYTES(p), ORGPATH_LEN(p),
							  ORGPATH_BYTES(p), ORGPATH_LEN(p)),
					  entry->rel, entry->page, entry->offset, false);
	}
	PG_RETURN_POINTER(retval);
}

PG_FUNCTION_INFO_V1(orgpath_gist_fetch);
/*
 * orgpath_gist_fetch rebuilds the indexed path from a leaf key, which holds
 * it exactly, so that index-only scans work.
 */
Datum
orgpath_gist_fetch(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	KeyRange	k = ReadKey(entry->key);
	GISTENTRY  *retval = (GISTENTRY *) palloc(sizeof(GISTENTRY));

	gistentryinit(*retval, PointerGetDatum(InitOrgpath(k.lo, k.lolen)),
				  entry->rel, entry->page, entry->offset, false);
	PG_RETURN_POINTER(retval);
}

/*
 * RangeHasAncestorOf says whether [lo, hi] holds an ancestor-or-self of q:
 * one of q's label-boundary prefixes, which ascend from the empty path to q.
 */
static bool
RangeHasAncestorOf(const KeyRange *k, const uint8 *q, size_t qlen)
{
	size_t		pos = 0;

	for (;;)
	{
		if (orgpath_cmp_bytes(q, pos, k->hi, k->hilen) > 0)
			return false;		/* this prefix and every longer one is above hi */
		if (orgpath_cmp_bytes(q, pos, k->lo, k->lolen) >= 0)
			return true;
		if (pos >= qlen)
			return false;
		pos += (size_t) orgpath_label_len(q[pos]);
	}
}

PG_FUNCTION_INFO_V1(orgpath_gist_consistent);
/*
 * orgpath_gist_consistent says whether a key may hold matches.  At a leaf
 * (lo = hi, the indexed path itself) every answer is exact, so no recheck is
 * needed.  For an inner key it is exact about the range, which is all it
 * can be.
 */
Datum
orgpath_gist_consistent(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	Orgpath    *query = PG_GETARG_ORGPATH_PP(1);
	StrategyNumber strategy = (StrategyNumber) PG_GETARG_UINT16(2);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(4);
	const uint8 *q = ORGPATH_BYTES(query);
	size_t		qlen = ORGPATH_LEN(query);
	KeyRange	k = ReadKey(entry->key);
	bool		res;

	/* All cases served by this function are exact */
	*recheck = false;

	switch (strategy)
	{
		case BTEqualStrategyNumber:
			res = orgpath_cmp_bytes(k.lo, k.lolen, q, qlen) <= 0 &&
				orgpath_cmp_bytes(k.hi, k.hilen, q, qlen) >= 0;
			break;
		case ORGPATH_ANCESTOR_STRATEGY:
			if (GIST_LEAF(entry))
				res = orgpath_is_ancestor(k.lo, k.lolen, q, qlen);
			else
				res = RangeHasAncestorOf(&k, q, qlen);
			break;
		case ORGPATH_DESCENDANT_STRATEGY:

			/*
			 * The descendants of q are the paths from q up to (not including)
			 * q's subtree end: the range meets them when hi >= q and lo is
			 * before q or inside q's subtree.
			 */
			res = orgpath_cmp_bytes(k.hi, k.hilen, q, qlen) >= 0 &&
				(orgpath_cmp_bytes(k.lo, k.lolen, q, qlen) <= 0 ||
				 orgpath_is_ancestor(q, qlen, k.lo, k.lolen));
			break;
		default:
			elog(ERROR, "unrecognized StrategyNumber: %d", (int) strategy);
			res = false;		/* keep compiler quiet */
	}
	PG_RETURN_BOOL(res);
}

PG_FUNCTION_INFO_V1(orgpath_gist_union);
/*
 * orgpath_gist_union returns the smallest range covering every entry.
 */
Datum
orgpath_gist_union(PG_FUNCTION_ARGS)
{
	GistEntryVector *entryvec = (GistEntryVector *) PG_GETARG_POINTER(0);
	int		   *size = (int *) PG_GETARG_POINTER(1);
	KeyRange	u = ReadKey(entryvec->vector[0].key);
	int			i;
	Datum		result;

	for (i = 1; i < entryvec->n; i++)
	{
		KeyRange	k = ReadKey(entryvec->vector[i].key);

		if (orgpath_cmp_bytes(k.lo, k.lolen, u.lo, u.lolen) < 0)
		{
			u.lo = k.lo;
			u.lolen = k.lolen;
		}
		if (orgpath_cmp_bytes(k.hi, k.hilen, u.hi, u.hilen) > 0)
		{
			u.hi = k.hi;
			u.hilen = k.hilen;
		}
	}
	result = MakeKey(u.lo, u.lolen, u.hi, u.hilen);
	*size = VARSIZE(DatumGetPointer(result));
	PG_RETURN_DATUM(result);
}

/*
 * Gap measures how far apart a < b are, on one scale for every pair: the
 * fewer leading bytes they share, the larger, and among pairs that share
 * k bytes, by the bytes that follow.  A scale local to each candidate range
 * (bytes after that range's own common prefix) would make penalties of
 * different candidates incomparable, and inserts would widen ranges that
 * overlap.
 */
static double
Gap(const uint8 *a, size_t alen, const uint8 *b, size_t blen)
{
	size_t		k = 0;

	while (k < alen && k < blen && a[k] == b[k])
		k++;
	return (double) (ORGPATH_MAX_BYTES + 1 - k) +
		Max(orgpath_byte_position(b, blen, k) - orgpath_byte_position(a, alen, k), 0.0);
}

PG_FUNCTION_INFO_V1(orgpath_gist_penalty);
/*
 * orgpath_gist_penalty is how far the range of orig must grow to take new:
 * zero when it already covers it, else the Gap between the old bound and
 * the new one on the side that moves.
 */
Datum
orgpath_gist_penalty(PG_FUNCTION_ARGS)
{
	GISTENTRY  *origentry = (GISTENTRY *) PG_GETARG_POINTER(0);
	GISTENTRY  *newentry = (GISTENTRY *) PG_GETARG_POINTER(1);
	float	   *penalty = (float *) PG_GETARG_POINTER(2);
	KeyRange	o = ReadKey(origentry->key);
	KeyRange	n = ReadKey(newentry->key);
	double		g = 0.0;

	if (orgpath_cmp_bytes(n.lo, n.lolen, o.lo, o.lolen) < 0)
		g = Gap(n.lo, n.lolen, o.lo, o.lolen);
	if (orgpath_cmp_bytes(n.hi, n.hilen, o.hi, o.hilen) > 0)
		g = Max(g, Gap(o.hi, o.hilen, n.hi, n.hilen));
	*penalty = (float) g;
	PG_RETURN_POINTER(penalty);
}

/*
 * SortItem pairs an entry's offset with its decoded key for picksplit.
 */
typedef struct SortItem
{
	OffsetNumber off;
	KeyRange	key;
} SortItem;

/*
 * CompareSortItems orders entries by lo, then hi.
 */
static int
CompareSortItems(const void *a, const void *b)
{
	const KeyRange *ka = &((const SortItem *) a)->key;
	const KeyRange *kb = &((const SortItem *) b)->key;
	int			c = orgpath_cmp_bytes(ka->lo, ka->lolen, kb->lo, kb->lolen);

	if (c == 0)
		c = orgpath_cmp_bytes(ka->hi, ka->hilen, kb->hi, kb->hilen);
	return c;
}

PG_FUNCTION_INFO_V1(orgpath_gist_picksplit);
/*
 * orgpath_gist_picksplit sorts the entries in depth-first order and cuts
 * the list in half, as btree_gist does for ordered types: both halves are
 * then narrow ranges, usually whole subtrees.
 */
Datum
orgpath_gist_picksplit(PG_FUNCTION_ARGS)
{
	GistEntryVector *entryvec = (GistEntryVector *) PG_GETARG_POINTER(0);
	GIST_SPLITVEC *v = (GIST_SPLITVEC *) PG_GETARG_POINTER(1);
	OffsetNumber maxoff = entryvec->n - 1;
	int			nitems = maxoff - FirstOffsetNumber + 1;
	SortItem   *items = palloc(sizeof(SortItem) * nitems);
	int			half;
	int			i;

	for (i = 0; i < nitems; i++)
	{
		items[i].off = FirstOffsetNumber + i;
		items[i].key = ReadKey(entryvec->vector[FirstOffsetNumber + i].key);
	}
	qsort(items, nitems, sizeof(SortItem), CompareSortItems);

	half = nitems / 2;
	v->spl_left = (OffsetNumber *) palloc(sizeof(OffsetNumber) * nitems);
	v->spl_right = (OffsetNumber *) palloc(sizeof(OffsetNumber) * nitems);
	v->spl_nleft = 0;
	v->spl_nright = 0;

	for (i = 0; i < nitems; i++)
	{
		if (i < half)
			v->spl_left[v->spl_nleft++] = items[i].off;
		else
			v->spl_right[v->spl_nright++] = items[i].off;
	}

	/*
	 * The halves are sorted by lo, so each union's lo is its first item's;
	 * its hi is the largest hi of its items.
	 */
	{
		KeyRange	l = items[0].key;
		KeyRange	r = items[half].key;

		for (i = 1; i < nitems; i++)
		{
			KeyRange   *u = (i < half) ? &l : &r;
			const KeyRange *k = &items[i].key;

			if (orgpath_cmp_bytes(k->hi, k->hilen, u->hi, u->hilen) > 0)
			{
				u->hi = k->hi;
				u->hilen = k->hilen;
			}
		}
		v->spl_ldatum = MakeKey(l.lo, l.lolen, l.hi, l.hilen);
		v->spl_rdatum = MakeKey(r.lo, r.lolen, r.hi, r.hilen);
	}
	PG_RETURN_POINTER(v);
}

PG_FUNCTION_INFO_V1(orgpath_gist_same);
/*
 * orgpath_gist_same says whether two keys are the same range.
 */
Datum
orgpath_gist_same(PG_FUNCTION_ARGS)
{
	KeyRange	a = ReadKey(PG_GETARG_DATUM(0));
	KeyRange	b = ReadKey(PG_GETARG_DATUM(1));
	bool	   *result = (bool *) PG_GETARG_POINTER(2);

	*result = orgpath_cmp_bytes(a.lo, a.lolen, b.lo, b.lolen) == 0 &&
		orgpath_cmp_bytes(a.hi, a.hilen, b.hi, b.hilen) == 0;
	PG_RETURN_POINTER(result);
}

/*
 * CompareKeysByLo orders keys by their lower bound: for leaf keys, the
 * depth-first order of the paths.
 */
static int
CompareKeysByLo(Datum a, Datum b, SortSupport ssup)
{
	KeyRange	ka = ReadKey(a);
	KeyRange	kb = ReadKey(b);

	return orgpath_cmp_bytes(ka.lo, ka.lolen, kb.lo, kb.lolen);
}

PG_FUNCTION_INFO_V1(orgpath_gist_sortsupport);
/*
 * orgpath_gist_sortsupport lets CREATE INDEX build the GiST index by sorting
 * (PostgreSQL 14+): leaves are packed in depth-first order, so each page
 * holds a narrow range, and the build is several times faster than
 * inserting one by one.
 */
Datum
orgpath_gist_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = CompareKeysByLo;
	PG_RETURN_VOID();
}
