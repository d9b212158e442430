/*-------------------------------------------------------------------------
 *
 * model_cache.c
 *	  The per-backend cache of the model and the directory (citus's metadata
 *	  cache pattern: a flag cleared by a relcache callback, a lazy rebuild
 *	  into one memory context, statement triggers as the writers' signal).
 *
 * The cache is read with the privileges of the extension's owner: the
 * catalog tables are closed to application roles, yet every role's
 * queries must be able to ask can().  Queries are schema-qualified and use
 * OPERATOR(pg_catalog.=), so no search_path can redirect them.
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/model_cache.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "executor/tuptable.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "model_cache.h"

/* PostgreSQL 17 moved the local transaction id into the virtual one */
#if PG_VERSION_NUM >= 170000
#define MY_LXID (MyProc->vxid.lxid)
#else
#define MY_LXID (MyProc->lxid)
#endif

/* the tables whose writes invalidate the cache (catalog.sql) */
static const char *const catalog_tables[] = {
	"model", "model_role", "model_option", "kind", "kind_default", "model_kind",
	"model_default", "model_capability", "model_cap_rule", "model_grant_rule",
	"active_model", "option_setting", "person", "person_manager", "org_group",
	"group_member", "group_lead", "role_grant", "cycle", "login_map"
};
#define N_CATALOG_TABLES lengthof(catalog_tables)

/* the directory capabilities every model has (SPEC section 6a) */
static const char *const directory_caps[] = {
	"user.invite", "user.change_reporting", "user.deactivate", "group.manage",
	"admin.options"
};
#define N_DIRECTORY_CAPS lengthof(directory_caps)

/* capabilities per kind: one per action, one per cycle action */
#define CAPS_PER_KIND (ACT_COUNT + CYC_COUNT)

static bool CallbackRegistered = false;
static bool CacheValid = false;
static MemoryContext CacheContext = NULL;
static OrgDirectory *CachedDirectory = NULL;
static Oid	CachedRelids[N_CATALOG_TABLES];
static TimestampTz LastStatement = 0;
static LocalTransactionId LastLxid = InvalidLocalTransactionId;
static bool StatementOnly = false;	/* built in parallel mode: this statement only */
static uint64 BuildCount = 0;	/* builds so far: OrgDirectory.generation */
static LocalTransactionId WriterLxid = InvalidLocalTransactionId;	/* last transaction of ours that wrote the catalog */

/*
 * What the snapshot the directory was built under saw: transactions below
 * xmax and not in xip had ended.  A statement running under a snapshot that
 * saw no more than that must not get a newer directory (see OrgaclDirectory).
 */
static TransactionId BuiltXmax = InvalidTransactionId;
static TransactionId *BuiltXip = NULL;	/* in CacheContext */
static uint32 BuiltXcnt = 0;
static TransactionId NextXmax;		/* the same, for the build in progress */
static TransactionId *NextXip;
static uint32 NextXcnt;

/* persons below which a parallel worker reads the catalog itself (~3 ms) */
#define SHARE_MIN_PERSONS 10000

/*
 * InvalidateDirectoryCallback marks the cache stale when one of the catalog
 * tables changed, or on a full reset (InvalidOid).  Nothing else: the
 * rebuild is lazy.
 */
static void
InvalidateDirectoryCallback(Datum arg, Oid relid)
{
	if (relid == InvalidOid)
	{
		CacheValid = false;
		return;
	}
	for (int i = 0; i < (int) N_CATALOG_TABLES; i++)
	{
		if (CachedRelids[i] == relid)
		{
			CacheValid = false;
			return;
		}
	}
}

/*
 * OrgaclCacheInit registers the invalidation callback, once per backend
 * (_PG_init calls it).
 */
void
OrgaclCacheInit(void)
{
	if (CallbackRegistered)
		return;
	CacheRegisterRelcacheCallback(InvalidateDirectoryCallback, (Datum) 0);
	CallbackRegistered = true;
}

PG_FUNCTION_INFO_V1(orgacl_cache_invalidate);

/*
 * orgacl_cache_invalidate is the statement trigger on every catalog table:
 * it queues a relcache invalidation of the table, which every backend's
 * callback (this one's included, at the next command) turns into a reload.
 */
Datum
orgacl_cache_invalidate(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("orgacl.cache_invalidate() must be called as a trigger")));
	CacheInvalidateRelcache(trigdata->tg_relation);
	/* this transaction's own changes are obeyed from its next command on */
	WriterLxid = MY_LXID;
	PG_RETURN_POINTER(NULL);
}

/* Builder state: the context everything is allocated in. */
typedef struct Builder
{
	MemoryContext cxt;
	OrgDirectory *dir;
	Datum		model;			/* text: the active model's name */
} Builder;

/*
 * RunQuery runs one read-only catalog query with the model name as $1 and
 * returns the number of rows (in SPI_tuptable).
 */
static uint64
RunQuery(Builder *b, const char *sql)
{
	Oid			argtypes[1] = {TEXTOID};
	Datum		values[1];
	int			rc;

	values[0] = b->model;
	rc = SPI_execute_with_args(sql, 1, argtypes, values, NULL, true, 0);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "orgacl: catalog query failed (%d): %s", rc, sql);
	return SPI_processed;
}

/* Col returns column n (1-based) of result row r, setting *isnull. */
static inline Datum
Col(uint64 r, int n, bool *isnull)
{
	return SPI_getbinval(SPI_tuptable->vals[r], SPI_tuptable->tupdesc, n, isnull);
}

/* ColInt64 returns a bigint column, or def when it is NULL. */
static inline int64
ColInt64(uint64 r, int n, int64 def)
{
	bool		isnull;
	Datum		d = Col(r, n, &isnull);

	return isnull ? def : DatumGetInt64(d);
}

/*
 * ColName copies a text or name column into buf (NUL-terminated, truncated
 * to ORG_NAME_MAX; catalog CHECKs keep names shorter).
 */
static void
ColName(uint64 r, int n, char *buf)
{
	char	   *s = SPI_getvalue(SPI_tuptable->vals[r], SPI_tuptable->tupdesc, n);

	strlcpy(buf, s ? s : "", ORG_NAME_MAX);
	if (s)
		pfree(s);
}

/* Alloc0 allocates zeroed memory in the cache's context. */
static void *
Alloc0(Builder *b, Size size)
{
	return MemoryContextAllocExtended(b->cxt, size == 0 ? 1 : size,
									  MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
}

/*
 * RoleMaskOf turns a text[] of role names into a mask; *unknown is set when
 * a name is not a role of the model.
 */
static OrgRoleMask
RoleMaskOf(const OrgDirectory *dir, Datum arr, bool *unknown)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	OrgRoleMask mask = 0;

	*unknown = false;
	deconstruct_array(DatumGetArrayTypeP(arr), TEXTOID, -1, false, TYPALIGN_INT,
					  &elems, &nulls, &n);
	for (int i = 0; i < n; i++)
	{
		int32		bit;

		if (nulls[i])
		{
			*unknown = true;
			continue;
		}
		bit = OrgFindRole(dir, VARDATA_ANY(elems[i]), VARSIZE_ANY_EXHDR(elems[i]));
		if (bit < 0)
			*unknown = true;
		else
			mask |= UINT64CONST(1) << bit;
	}
	return mask;
}

/* A (person or group index, value) pair, for building the side arrays. */
typedef struct Pair
{
	int32		key;
	int32		val;
	int64		extra;
} Pair;

/* ComparePairs orders pairs by key, then val. */
static int
ComparePairs(const void *a, const void *b)
{
	const Pair *x = a;
	const Pair *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	if (x->val != y->val)
		return x->val < y->val ? -1 : 1;
	return 0;
}

/*
 * BuildRows turns n pairs into compressed sparse rows: off[nkeys + 1] and
 * the sorted, de-duplicated values of each key.
 */
static void
BuildRows(Builder *b, Pair *pairs, int n, int nkeys, int32 **off_out, int32 **vals_out)
{
	int32	   *off = Alloc0(b, sizeof(int32) * (nkeys + 1));
	int32	   *vals = Alloc0(b, sizeof(int32) * n);
	int			m = 0;

	memset(off, 0, sizeof(int32) * (nkeys + 1));
	if (n > 1)
		qsort(pairs, n, sizeof(Pair), ComparePairs);
	for (int i = 0; i < n; i++)
	{
		if (i > 0 && pairs[i].key == pairs[i - 1].key && pairs[i].val == pairs[i - 1].val)
			continue;
		vals[m++] = pairs[i].val;
		off[pairs[i].key + 1]++;
	}
	for (int k = 0; k < nkeys; k++)
		off[k + 1] += off[k];
	*off_out = off;
	*vals_out = vals;
}

/*
 * LoadPairs runs sql, whose two bigint columns name a key and a value (a
 * group when *_group, else a person), and returns the pairs of indexes
 * whose both ends the directory knows, in *np of them (palloc'd).
 */
static Pair *
LoadPairs(Builder *b, const char *sql, bool key_group, bool val_group, int *np)
{
	uint64		n = RunQuery(b, sql);
	Pair	   *pairs = palloc(sizeof(Pair) * (n + 1));

	*np = 0;
	for (uint64 r = 0; r < n; r++)
	{
		int64		k = ColInt64(r, 1, 0);
		int64		v = ColInt64(r, 2, 0);
		int32		ki = key_group ? OrgFindGroup(b->dir, k) : OrgFindPerson(b->dir, k);
		int32		vi = val_group ? OrgFindGroup(b->dir, v) : OrgFindPerson(b->dir, v);

		if (ki < 0 || vi < 0)
			continue;
		pairs[*np].key = ki;
		pairs[*np].val = vi;
		pairs[*np].extra = 0;
		(*np)++;
	}
	return pairs;
}

/*
 * LoadModel reads the active model: roles, super set, kinds with their
 * defaults (options applied), the capability vocabulary and rules.
 */
static void
LoadModel(Builder *b)
{
	OrgDirectory *dir = b->dir;
	uint64		n;
	int			nnamed;
	bool		unknown;

	/* roles */
	n = RunQuery(b, "SELECT r.name, r.bit FROM orgacl.model_role r "
			  "WHERE r.model OPERATOR(pg_catalog.=) $1");
	for (uint64 r = 0; r < n; r++)
	{
		int64		bit = ColInt64(r, 2, -1);

		if (bit >= 0 && bit < ORG_MAX_ROLES)
			ColName(r, 1, dir->role_names[bit]);
	}
	dir->nroles = (int) n;

	/* the super set */
	n = RunQuery(b, "SELECT m.super_roles FROM orgacl.model m "
			  "WHERE m.name OPERATOR(pg_catalog.=) $1");
	if (n == 1)
	{
		bool		isnull;
		Datum		d = Col(0, 1, &isnull);

		if (!isnull)
			dir->super_roles = RoleMaskOf(dir, d, &unknown);
	}

	/* kinds: the shared ones, replaced or extended by the model's */
	n = RunQuery(b, "SELECT k.name, k.role_access, k.audience_cap FROM orgacl.kind k "
			  "WHERE NOT EXISTS (SELECT FROM orgacl.model_kind mk "
			  "  WHERE mk.model OPERATOR(pg_catalog.=) $1 AND mk.name OPERATOR(pg_catalog.=) k.name) "
			  "UNION ALL "
			  "SELECT mk.name, mk.role_access, mk.audience_cap FROM orgacl.model_kind mk "
			  "WHERE mk.model OPERATOR(pg_catalog.=) $1 ORDER BY 1");
	dir->nkinds = (int) n;
	dir->kinds = Alloc0(b, sizeof(OrgKind) * n);
	memset(dir->kinds, 0, sizeof(OrgKind) * n);
	for (uint64 r = 0; r < n; r++)
	{
		OrgKind    *k = &dir->kinds[r];
		bool		isnull;
		Datum		d;

		ColName(r, 1, k->name);
		k->name_len = strlen(k->name);
		d = Col(r, 2, &isnull);
		k->role_access = !isnull && DatumGetBool(d);
		d = Col(r, 3, &isnull);
		k->cap = isnull ? AUDIENCE_ALL : (DatumGetUInt16(d) & AUDIENCE_ALL);
	}

	/*
	 * default audiences: the model's rows of the options in force, else the
	 * defaults every model starts from
	 */
	n = RunQuery(b, "WITH opt AS (SELECT o.name FROM orgacl.model_option o "
			  "  LEFT JOIN orgacl.option_setting s ON s.model OPERATOR(pg_catalog.=) o.model "
			  "   AND s.option OPERATOR(pg_catalog.=) o.name "
			  "  WHERE o.model OPERATOR(pg_catalog.=) $1 AND coalesce(s.enabled, o.default_on)) "
			  "SELECT d.kind, d.action, d.audience FROM orgacl.model_default d "
			  "WHERE d.model OPERATOR(pg_catalog.=) $1 AND (d.option IS NULL OR "
			  "  EXISTS (SELECT FROM opt WHERE opt.name OPERATOR(pg_catalog.=) d.option)) "
			  "UNION ALL "
			  "SELECT b.kind, b.action, b.audience FROM orgacl.kind_default b "
			  "WHERE NOT EXISTS (SELECT FROM orgacl.model_default d "
			  "  WHERE d.model OPERATOR(pg_catalog.=) $1 AND d.kind OPERATOR(pg_catalog.=) b.kind "
			  "  AND d.action OPERATOR(pg_catalog.=) b.action)");
	for (uint64 r = 0; r < n; r++)
	{
		char		kname[ORG_NAME_MAX];
		char		aname[ORG_NAME_MAX];
		int32		k;
		int			a;
		bool		isnull;
		Datum		d;

		ColName(r, 1, kname);
		ColName(r, 2, aname);
		k = OrgFindKind(dir, kname, strlen(kname));
		a = ActionLookup(aname, strlen(aname));
		d = Col(r, 3, &isnull);
		if (k >= 0 && a >= 0 && !isnull)
			dir->kinds[k].def[a] |= DatumGetUInt16(d) & AUDIENCE_ALL;
	}

	/* the capability vocabulary: directory, per kind, then named */
	n = RunQuery(b, "SELECT c.name FROM orgacl.model_capability c "
			  "WHERE c.model OPERATOR(pg_catalog.=) $1 ORDER BY 1");
	nnamed = (int) n;
	dir->ncaps = N_DIRECTORY_CAPS + dir->nkinds * CAPS_PER_KIND + nnamed;
	dir->cap_names = Alloc0(b, sizeof(*dir->cap_names) * dir->ncaps);
	for (int i = 0; i < (int) N_DIRECTORY_CAPS; i++)
		strlcpy(dir->cap_names[i], directory_caps[i], ORG_NAME_MAX);
	for (int k = 0; k < dir->nkinds; k++)
	{
		int			base = N_DIRECTORY_CAPS + k * CAPS_PER_KIND;

		for (int a = 0; a < ACT_COUNT; a++)
		{
			snprintf(dir->cap_names[base + a], ORG_NAME_MAX, "%s.%s",
					 dir->kinds[k].name, ActionName(a));
			dir->kinds[k].action_cap[a] = base + a;
		}
		for (int c = 0; c < CYC_COUNT; c++)
		{
			snprintf(dir->cap_names[base + ACT_COUNT + c], ORG_NAME_MAX, "%s.%s",
					 dir->kinds[k].name, CycleActionName(c));
			dir->kinds[k].cycle_cap[c] = base + ACT_COUNT + c;
		}
	}
	for (int i = 0; i < nnamed; i++)
		ColName(i, 1, dir->cap_names[N_DIRECTORY_CAPS + dir->nkinds * CAPS_PER_KIND + i]);

	/* capability rules of the options in force */
	n = RunQuery(b, "WITH opt AS (SELECT o.name FROM orgacl.model_option o "
			  "  LEFT JOIN orgacl.option_setting s ON s.model OPERATOR(pg_catalog.=) o.model "
			  "   AND s.option OPERATOR(pg_catalog.=) o.name "
			  "  WHERE o.model OPERATOR(pg_catalog.=) $1 AND coalesce(s.enabled, o.default_on)) "
			  "SELECT r.capability, r.roles, r.needs_report FROM orgacl.model_cap_rule r "
			  "WHERE r.model OPERATOR(pg_catalog.=) $1 AND (r.option IS NULL OR "
			  "  EXISTS (SELECT FROM opt WHERE opt.name OPERATOR(pg_catalog.=) r.option))");
	dir->rules = Alloc0(b, sizeof(OrgCapRule) * n);
	dir->nrules = 0;
	for (uint64 r = 0; r < n; r++)
	{
		char		cname[ORG_NAME_MAX];
		OrgCapRule *rule = &dir->rules[dir->nrules];
		bool		isnull;
		Datum		d;

		ColName(r, 1, cname);
		rule->cap = OrgFindCap(dir, cname, strlen(cname));
		d = Col(r, 2, &isnull);
		/* a rule naming an unknown role or capability grants nothing */
		if (rule->cap < 0 || isnull)
			continue;
		rule->roles = RoleMaskOf(dir, d, &unknown);
		if (unknown)
			continue;
		d = Col(r, 3, &isnull);
		rule->needs_report = !isnull && DatumGetBool(d);
		dir->nrules++;
	}
}

/* ChildKey is a row in its parent's family. */
typedef struct ChildKey
{
	int32		parent;
	int32		row;
	int64		id;
} ChildKey;

/* id slots per person below which the id index is a plain array */
#define DENSE_SPREAD 2

/* PersonRow is one row of orgacl.person as LoadPersons reads it. */
typedef struct PersonRow
{
	int64		id;
	int64		manager;		/* 0: none */
	int32		parent;			/* row index of the manager, -1: none */
	bool		active;
} PersonRow;

/*
 * ReadPersonRows reads orgacl.person with a plain heap scan under the
 * active snapshot (no SPI, no sort: this runs in every backend and every
 * parallel worker that needs the directory) and returns its rows.
 */
static PersonRow *
ReadPersonRows(Oid relid, int *nrows)
{
	Relation	rel = table_open(relid, AccessShareLock);
	TupleDesc	desc = RelationGetDescr(rel);
	TableScanDesc scan;
	TupleTableSlot *slot;
	PersonRow  *rows;
	int			cap = 1024;
	int			n = 0;

	/* the columns this reads, by position: id, manager, active */
	if (desc->natts < 3 ||
		strcmp(NameStr(TupleDescAttr(desc, 0)->attname), "id") != 0 ||
		strcmp(NameStr(TupleDescAttr(desc, 1)->attname), "manager") != 0 ||
		strcmp(NameStr(TupleDescAttr(desc, 2)->attname), "active") != 0)
		elog(ERROR, "orgacl.person does not have the columns id, manager, active first");

	rows = palloc(sizeof(PersonRow) * cap);
	slot = table_slot_create(rel, NULL);
	scan = table_beginscan(rel, GetActiveSnapshot(), 0, NULL);
	while (table_scan_getnextslot(scan, ForwardScanDirection, slot))
	{
		bool		isnull;
		Datum		d;

		if (n == cap)
		{
			if (cap > PG_INT32_MAX / 4)
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("too many persons in the directory")));
			cap *= 2;
			rows = repalloc_huge(rows, sizeof(PersonRow) * cap);
		}
		slot_getsomeattrs(slot, 3);
		rows[n].id = DatumGetInt64(slot->tts_values[0]);
		d = slot->tts_values[1];
		isnull = slot->tts_isnull[1];
		rows[n].manager = isnull ? 0 : DatumGetInt64(d);
		rows[n].active = !slot->tts_isnull[2] && DatumGetBool(slot->tts_values[2]);
		rows[n].parent = -1;
		n++;
		CHECK_FOR_INTERRUPTS();
	}
	table_endscan(scan);
	ExecDropSingleTupleTableSlot(slot);
	table_close(rel, AccessShareLock);
	*nrows = n;
	return rows;
}

/*
 * LoadPersons reads every person and lays them out in depth-first order of
 * their primary lines, siblings by id, which is the order of their paths:
 * a subtree is then the index range i .. last.  The order is computed here
 * from the manager links rather than by sorting paths, which costs the
 * server a sort of 100,000 paths per load.
 *
 * NB: the directory functions refuse manager cycles; should the table hold
 * one anyway (written directly), its members and everyone below them are
 * reached from no top-level person, and are laid out as top-level persons
 * themselves: they hold no manager rights over each other (fail closed).
 */
static void
LoadPersons(Builder *b, Oid relid)
{
	OrgDirectory *dir = b->dir;
	PersonRow  *rows;
	ChildKey   *keys;
	int32	   *child_off;
	int32	   *stack;
	int32	   *pos_of;
	bool	   *seen;
	int			n;
	int			next = 0;
	uint32		size = 2;

	rows = ReadPersonRows(relid, &n);
	dir->npersons = n;
	dir->persons = Alloc0(b, sizeof(OrgPerson) * (n + 1));

	/*
	 * The id index: a plain array over the id range when ids are dense (at
	 * most DENSE_SPREAD slots per person: one read per look-up, and less
	 * memory than the hash), else an open-addressing hash.  It maps ids to
	 * row indexes for now.
	 */
	dir->id_min = PG_INT64_MAX;
	dir->id_max = PG_INT64_MIN;
	for (int r = 0; r < n; r++)
	{
		dir->id_min = Min(dir->id_min, rows[r].id);
		dir->id_max = Max(dir->id_max, rows[r].id);
	}
	if (n > 0 && (uint64) (dir->id_max - dir->id_min) < (uint64) n * DENSE_SPREAD)
	{
		size = (uint32) (dir->id_max - dir->id_min + 1);
		dir->dense = Alloc0(b, sizeof(int32) * size);
		memset(dir->dense, 0xff, sizeof(int32) * size);
		for (int r = 0; r < n; r++)
			dir->dense[rows[r].id - dir->id_min] = r;
	}
	else
	{
		while (size < 2 * (uint32) n)
			size <<= 1;
		dir->hash = Alloc0(b, sizeof(int32) * size);
		memset(dir->hash, 0xff, sizeof(int32) * size);
		dir->hash_mask = size - 1;
		for (int r = 0; r < n; r++)
		{
			uint32		h = OrgHashId(rows[r].id) & dir->hash_mask;

			while (dir->hash[h] >= 0)
				h = (h + 1) & dir->hash_mask;
			dir->hash[h] = r;
		}
	}
	for (int r = 0; r < n; r++)
		dir->persons[r].id = rows[r].id;	/* OrgFindPerson reads it */
	dir->npersons = n;
	for (int r = 0; r < n; r++)
		rows[r].parent = rows[r].manager ? OrgFindPerson(dir, rows[r].manager) : -1;

	/*
	 * Children of each row, by id, top-level persons first (parent -1): a
	 * counting sort by parent, then each family by id.  Rows come off the
	 * heap mostly in insertion order, so families are nearly sorted and the
	 * insertion sort is close to linear.
	 */
	child_off = palloc0(sizeof(int32) * (n + 2));	/* by parent + 1 */
	for (int r = 0; r < n; r++)
		child_off[rows[r].parent + 2]++;
	for (int p = 0; p <= n; p++)
		child_off[p + 1] += child_off[p];
	keys = palloc(sizeof(ChildKey) * (n + 1));
	{
		int32	   *fill = palloc(sizeof(int32) * (n + 1));

		memcpy(fill, child_off, sizeof(int32) * (n + 1));
		for (int r = 0; r < n; r++)
		{
			ChildKey   *k = &keys[fill[rows[r].parent + 1]++];

			k->parent = rows[r].parent;
			k->row = r;
			k->id = rows[r].id;
		}
		pfree(fill);
	}
	for (int p = -1; p < n; p++)
	{
		for (int32 i = child_off[p + 1] + 1; i < child_off[p + 2]; i++)
		{
			ChildKey	k = keys[i];
			int32		j = i - 1;

			while (j >= child_off[p + 1] && keys[j].id > k.id)
			{
				keys[j + 1] = keys[j];
				j--;
			}
			keys[j + 1] = k;
		}
	}

	/* preorder walk from every top-level person, then from the unreached */
	pos_of = palloc(sizeof(int32) * (n + 1));
	seen = palloc0(sizeof(bool) * (n + 1));
	stack = palloc(sizeof(int32) * (n + 1));
	for (int i = 0; i < child_off[1]; i++)
	{
		int			sp = 0;

		stack[sp++] = keys[i].row;	/* a top-level person, by id */
		while (sp > 0)
		{
			int32		r = stack[--sp];

			if (seen[r])
				continue;
			seen[r] = true;
			pos_of[r] = next++;
			/* push children in reverse so the smallest id comes out first */
			for (int32 c = child_off[r + 2] - 1; c >= child_off[r + 1]; c--)
			{
				if (!seen[keys[c].row])
					stack[sp++] = keys[c].row;
			}
		}
	}
	for (int i = 0; i < n; i++)
	{
		int32		r = keys[i].row;

		if (!seen[r])
		{
			/* in a manager cycle: laid out on its own, as a top-level person */
			seen[r] = true;
			pos_of[r] = next++;
			rows[r].parent = -1;
		}
	}

	/*
	 * The persons in that order.  The hash keeps its slots (they depend on
	 * the ids only) and now holds the new indexes.
	 */
	for (int r = 0; r < n; r++)
	{
		OrgPerson  *p = &dir->persons[pos_of[r]];

		p->id = rows[r].id;
		p->roles = 0;
		p->flags = rows[r].active ? PERSON_ACTIVE : 0;
		p->unused = 0;
		p->last = pos_of[r];
	}
	{
		int32	   *index = dir->dense ? dir->dense : dir->hash;

		for (uint32 h = 0; h < size; h++)
		{
			if (index[h] >= 0)
				index[h] = pos_of[index[h]];
		}
	}
	for (int r = 0; r < n; r++)
	{
		int32		parent = rows[r].parent >= 0 ? pos_of[rows[r].parent] : -1;

		dir->persons[pos_of[r]].parent = parent;
		if (parent >= 0)
			dir->persons[parent].flags |= PERSON_HAS_REPORT;
	}

	/*
	 * A subtree ends where its last descendant does.  Children come after
	 * their parent in this order, so one backward pass settles every range.
	 */
	for (int r = n - 1; r >= 0; r--)
	{
		int32		parent = dir->persons[r].parent;

		if (parent >= 0 && parent < r && dir->persons[r].last > dir->persons[parent].last)
			dir->persons[parent].last = dir->persons[r].last;
	}
	pfree(rows);
	pfree(keys);
	pfree(child_off);
	pfree(pos_of);
	pfree(seen);
	pfree(stack);
}

/*
 * LoadRelations reads grants, additional managers, groups, memberships,
 * leads, cycles and login mappings.
 */
static void
LoadRelations(Builder *b)
{
	OrgDirectory *dir = b->dir;
	uint64		n;
	Pair	   *pairs;
	int			np;
	int32	   *off;
	int32	   *vals;

	/* groups, sorted by id */
	n = RunQuery(b, "SELECT g.id, g.kind FROM orgacl.org_group g ORDER BY g.id");
	dir->ngroups = (int) n;
	dir->groups = Alloc0(b, sizeof(OrgGroup) * n);
	for (uint64 r = 0; r < n; r++)
	{
		char		kname[ORG_NAME_MAX];

		memset(&dir->groups[r], 0, sizeof(OrgGroup));
		dir->groups[r].id = ColInt64(r, 1, 0);
		ColName(r, 2, kname);
		dir->groups[r].kind = GroupKindLookup(kname, strlen(kname));
	}

	/* grants: global ones into the person, scoped ones by (person, group) */
	n = RunQuery(b, "SELECT g.person, g.role, g.scope FROM orgacl.role_grant g");
	pairs = palloc(sizeof(Pair) * (n + 1));
	np = 0;
	for (uint64 r = 0; r < n; r++)
	{
		char		rname[ORG_NAME_MAX];
		int32		p = OrgFindPerson(dir, ColInt64(r, 1, 0));
		int32		bit;
		int64		scope = ColInt64(r, 3, 0);

		ColName(r, 2, rname);
		bit = OrgFindRole(dir, rname, strlen(rname));
		if (p < 0 || bit < 0)
			continue;			/* a role of another model grants nothing */
		if (scope == 0)
			dir->persons[p].roles |= UINT64CONST(1) << bit;
		else
		{
			int32		g = OrgFindGroup(dir, scope);

			if (g < 0)
				continue;
			pairs[np].key = p;
			pairs[np].val = g;
			pairs[np].extra = (int64) (UINT64CONST(1) << bit);
			np++;
		}
	}
	if (np > 1)
		qsort(pairs, np, sizeof(Pair), ComparePairs);
	dir->scoped_off = Alloc0(b, sizeof(int32) * (dir->npersons + 1));
	memset(dir->scoped_off, 0, sizeof(int32) * (dir->npersons + 1));
	dir->scoped = Alloc0(b, sizeof(OrgScoped) * (np + 1));
	{
		int			m = 0;

		for (int i = 0; i < np; i++)
		{
			if (m > 0 && i > 0 && pairs[i].key == pairs[i - 1].key &&
				pairs[i].val == pairs[i - 1].val)
			{
				dir->scoped[m - 1].roles |= (OrgRoleMask) pairs[i].extra;
				continue;
			}
			dir->scoped[m].roles = (OrgRoleMask) pairs[i].extra;
			dir->scoped[m].group = pairs[i].val;
			dir->scoped[m].unused = 0;
			m++;
			dir->scoped_off[pairs[i].key + 1]++;
		}
		for (int k = 0; k < dir->npersons; k++)
			dir->scoped_off[k + 1] += dir->scoped_off[k];
	}
	pfree(pairs);

	/* additional managers, by person; an additional manager has a report */
	pairs = LoadPairs(b, "SELECT pm.person, pm.manager FROM orgacl.person_manager pm",
					  false, false, &np);
	for (int i = 0; i < np; i++)
		dir->persons[pairs[i].val].flags |= PERSON_HAS_REPORT | PERSON_ADDL_MANAGER;
	BuildRows(b, pairs, np, dir->npersons, &dir->addmgr_off, &dir->addmgr);
	/* and the other way round, (manager, person), for the RLS supersets */
	for (int i = 0; i < np; i++)
	{
		int64		k = pairs[i].key;

		pairs[i].key = pairs[i].val;
		pairs[i].val = k;
	}
	if (np > 1)
		qsort(pairs, np, sizeof(Pair), ComparePairs);
	dir->addl = Alloc0(b, sizeof(OrgPair) * (np + 1));
	dir->naddl = 0;
	for (int i = 0; i < np; i++)
	{
		if (i > 0 && pairs[i].key == pairs[i - 1].key && pairs[i].val == pairs[i - 1].val)
			continue;
		dir->addl[dir->naddl].key = (int32) pairs[i].key;
		dir->addl[dir->naddl].val = (int32) pairs[i].val;
		dir->naddl++;
	}
	pfree(pairs);

	/* memberships, by person and by group */
	pairs = LoadPairs(b, "SELECT m.person, m.grp FROM orgacl.group_member m", false, true, &np);
	BuildRows(b, pairs, np, dir->npersons, &dir->member_off, &dir->member);
	pfree(pairs);
	pairs = LoadPairs(b, "SELECT m.grp, m.person FROM orgacl.group_member m", true, false, &np);
	BuildRows(b, pairs, np, dir->ngroups, &dir->grp_member_off, &dir->grp_member);
	pfree(pairs);

	/* leads, by group */
	pairs = LoadPairs(b, "SELECT l.grp, l.person FROM orgacl.group_lead l", true, false, &np);
	BuildRows(b, pairs, np, dir->ngroups, &off, &vals);
	dir->leads = vals;
	for (int g = 0; g < dir->ngroups; g++)
	{
		dir->groups[g].lead_off = off[g];
		dir->groups[g].nleads = off[g + 1] - off[g];
		if (dir->groups[g].kind == GROUP_TEAM)
		{
			for (int i = off[g]; i < off[g + 1]; i++)
				dir->persons[vals[i]].flags |= PERSON_LEADS_TEAM;
		}
	}
	pfree(pairs);

	/* cycles, sorted by id */
	n = RunQuery(b, "SELECT c.id, c.kind, c.owner, c.audience FROM orgacl.cycle c ORDER BY c.id");
	dir->cycles = Alloc0(b, sizeof(OrgCycle) * n);
	dir->ncycles = 0;
	for (uint64 r = 0; r < n; r++)
	{
		OrgCycle   *c = &dir->cycles[dir->ncycles];
		char		kname[ORG_NAME_MAX];
		bool		isnull;
		Datum		d;

		memset(c, 0, sizeof(OrgCycle));
		c->id = ColInt64(r, 1, 0);
		ColName(r, 2, kname);
		c->kind = OrgFindKind(dir, kname, strlen(kname));
		c->owner = ColInt64(r, 3, 0);
		d = Col(r, 4, &isnull);
		c->has_audience = !isnull;
		c->audience = isnull ? 0 : (DatumGetUInt16(d) & AUDIENCE_ALL);
		/* a cycle of a kind the model lacks cannot be used: leave it out */
		if (c->kind >= 0)
			dir->ncycles++;
	}

	/* login mappings, sorted by name (byte order, as strcmp) */
	n = RunQuery(b, "SELECT l.login, l.person FROM orgacl.login_map l ORDER BY l.login COLLATE \"C\"");
	dir->nlogins = (int) n;
	dir->logins = Alloc0(b, sizeof(OrgLogin) * n);
	for (uint64 r = 0; r < n; r++)
	{
		ColName(r, 1, dir->logins[r].login);
		dir->logins[r].person = ColInt64(r, 2, 0);
	}
}

/*
 * BuildDirectory reads every catalog table, as the extension's owner, into
 * a new OrgDirectory allocated in cxt.  *statement_only is set when the
 * result may not outlive the current statement (see the NB below).
 */
static OrgDirectory *
BuildDirectory(MemoryContext cxt, bool *statement_only)
{
	Builder		b;
	Oid			nsp = get_namespace_oid("orgacl", false);
	Oid			person_rel = get_relname_relid("person", nsp);
	HeapTuple	tup;
	Oid			owner;
	Oid			save_userid;
	int			save_sec;
	uint64		n;

	if (!OidIsValid(person_rel))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("orgacl catalog table \"orgacl.person\" does not exist"),
				 errhint("Reinstall the extension: DROP EXTENSION orgacl; CREATE EXTENSION orgacl.")));
	for (int i = 0; i < (int) N_CATALOG_TABLES; i++)
		CachedRelids[i] = get_relname_relid(catalog_tables[i], nsp);
	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(person_rel));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for relation %u", person_rel);
	owner = ((Form_pg_class) GETSTRUCT(tup))->relowner;
	ReleaseSysCache(tup);

	b.cxt = cxt;
	b.dir = MemoryContextAllocZero(cxt, sizeof(OrgDirectory));

	/*
	 * NB: the cache outlives the statement, so it is read under the latest
	 * snapshot, not the statement's: a commit between the statement's
	 * snapshot and this build has already sent the invalidation this build
	 * consumed, and a build under the older snapshot would stay stale until
	 * the next change.  The latest snapshot still sees this transaction's
	 * own changes.  In parallel mode no new snapshot may be taken; the
	 * build then uses the statement's and lives for this statement only.
	 */
	if (IsInParallelMode())
	{
		PushActiveSnapshot(GetActiveSnapshot());
		*statement_only = true;
	}
	else
	{
		PushActiveSnapshot(GetLatestSnapshot());
		*statement_only = false;
	}

	GetUserIdAndSecContext(&save_userid, &save_sec);
	SetUserIdAndSecContext(owner, save_sec | SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_RESTRICTED_OPERATION);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	PG_TRY();
	{
		b.model = CStringGetTextDatum("tri_role");
		n = RunQuery(&b, "SELECT coalesce((SELECT a.model FROM orgacl.active_model a), 'tri_role')");
		if (n == 1)
		{
			char	   *name = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);

			strlcpy(b.dir->model, name, ORG_NAME_MAX);
			b.model = CStringGetTextDatum(name);
		}
		LoadModel(&b);
		LoadPersons(&b, person_rel);
		LoadRelations(&b);
	}
	PG_FINALLY();
	{
		SetUserIdAndSecContext(save_userid, save_sec);
	}
	PG_END_TRY();
	SPI_finish();
	{
		Snapshot	snap = GetActiveSnapshot();

		NextXmax = snap->xmax;
		NextXcnt = snap->xcnt;
		NextXip = MemoryContextAlloc(cxt, sizeof(TransactionId) * Max(snap->xcnt, 1));
		memcpy(NextXip, snap->xip, sizeof(TransactionId) * snap->xcnt);
	}
	PopActiveSnapshot();
	b.dir->generation = ++BuildCount;
	b.dir->bytes = MemoryContextMemAllocated(cxt, true);
	return b.dir;
}

/*
 * OrgaclShareDirectory lends the current directory to this backend's
 * parallel workers (model_share.c), when it is large enough
 * for a worker's own read of the catalog to matter.  The planner support
 * calls it for scans likely to run in parallel.
 */
void
OrgaclShareDirectory(void)
{
	const OrgDirectory *dir = OrgaclDirectory();

	if (!StatementOnly && dir->npersons >= SHARE_MIN_PERSONS)
		OrgaclPublishDirectory(dir);
}

/*
 * OrgaclCatalogRelids sets *relids to the catalog tables the directory is
 * read from (as of its last build) and returns their number: a plan that
 * depends on the directory lists them, so any change replans it.
 */
int
OrgaclCatalogRelids(const Oid **relids)
{
	(void) OrgaclDirectory();
	*relids = CachedRelids;
	return (int) N_CATALOG_TABLES;
}

/*
 * SnapshotNewerThanBuild says whether the active snapshot may see a
 * transaction as ended that the directory's build saw running or not yet
 * started: then the statement (or a query a function runs under its own
 * snapshot) must see the changes it made.  Without an active snapshot, or
 * with no record of the build's, it says yes.
 */
static bool
SnapshotNewerThanBuild(void)
{
	Snapshot	snap;

	if (!ActiveSnapshotSet() || BuiltXip == NULL)
		return true;
	snap = GetActiveSnapshot();
	if (TransactionIdFollows(snap->xmax, BuiltXmax))
		return true;
	for (uint32 i = 0; i < BuiltXcnt; i++)
	{
		bool		running = false;

		if (!TransactionIdPrecedes(BuiltXip[i], snap->xmax))
			continue;
		for (uint32 j = 0; j < snap->xcnt && !running; j++)
			running = TransactionIdEquals(snap->xip[j], BuiltXip[i]);
		if (!running)
			return true;
	}
	return false;
}

/*
 * OrgaclDirectory returns the directory for the current statement,
 * rebuilding it when a catalog table changed.  Invalidations from other
 * backends are taken once per statement, so a statement never sees the
 * organisation change under it, and the next statement sees every change
 * committed before it began.
 */
const OrgDirectory *
OrgaclDirectory(void)
{
	if (GetCurrentStatementStartTimestamp() != LastStatement || MY_LXID != LastLxid)
	{
		LastStatement = GetCurrentStatementStartTimestamp();
		LastLxid = MY_LXID;
		if (StatementOnly)
			CacheValid = false;
		AcceptInvalidationMessages();
	}
	else if (!CacheValid && CachedDirectory != NULL && !StatementOnly &&
			 WriterLxid != MY_LXID && !SnapshotNewerThanBuild())
	{
		/*
		 * PostgreSQL took in another session's change in the middle of this
		 * statement (any lock on a relation not yet locked in this
		 * transaction does): a query whose snapshot sees no more than the
		 * build's keeps the directory it started with, and the next one
		 * rebuilds (CacheValid stays false).  A transaction that changed the
		 * directory itself rebuilds, to see its own changes from its next
		 * command on; so does a query under a newer snapshot (the next
		 * statement of a multi-statement query string, a function's query).
		 */
		return CachedDirectory;
	}
	while (!CacheValid || CachedDirectory == NULL)
	{
		MemoryContext cxt;
		OrgDirectory *dir = NULL;

		cxt = AllocSetContextCreate(CacheMemoryContext, "orgacl directory",
									ALLOCSET_DEFAULT_SIZES);
		/* set first: an invalidation during the build clears it again */
		CacheValid = true;
		PG_TRY();
		{
			/* a parallel worker reads its leader's copy when it can */
			dir = (OrgDirectory *) OrgaclBorrowDirectory(cxt);
			if (dir != NULL)
				StatementOnly = true;
			else
				dir = BuildDirectory(cxt, &StatementOnly);
		}
		PG_CATCH();
		{
			CacheValid = false;
			MemoryContextDelete(cxt);
			PG_RE_THROW();
		}
		PG_END_TRY();
		if (CacheContext != NULL)
			MemoryContextDelete(CacheContext);
		CacheContext = cxt;
		CachedDirectory = dir;
		if (StatementOnly)
			BuiltXip = NULL;
		else
		{
			BuiltXmax = NextXmax;
			BuiltXip = NextXip;
			BuiltXcnt = NextXcnt;
		}
	}
	return CachedDirectory;
}
