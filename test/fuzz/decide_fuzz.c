/*-------------------------------------------------------------------------
 *
 * decide_fuzz.c
 *	  libFuzzer harness for the decision procedure (src/decide_core.c): a
 *	  differential test of OrgDecide against a plain reference of SPEC
 *	  section 3, and of the row-level security scopes (src/rls_core.c)
 *	  against OrgDecide.
 *
 * Each input describes a small model and organisation, the way the catalog
 * tables would hold them (the "raw" tables below): up to MAX_PERSONS
 * persons in a random forest at most MAX_DEPTH deep with random ids and
 * active flags, additional managers, groups of every kind with members and
 * leads, global and scoped role grants (some naming a role the model lacks),
 * up to three artifact kinds with random default audiences, caps and
 * role_access, capability rules (some with needs_report, some naming an
 * unknown role), cycles with or without an audience (some of a kind the
 * model lacks), and now and then role and kind names as long as the catalog
 * allows, so that the trace's strings fill up.  From the raw tables the
 * harness builds an OrgDirectory exactly as src/model_cache.c's loader does
 * (persons sorted in path order, the id index -- the dense array where the
 * loader would choose it, and now and then forced dense or forced to the
 * hash --, parents, subtree ends, PERSON_* flags, compressed rows of
 * additional managers, memberships by person and by group, scoped grants
 * and leads, the sorted (manager, person) pairs), then
 * draws up to MAX_DRAWS questions (viewer, action, subject, artifact),
 * biased towards the interesting pairs (self, managers, reports, additional
 * managers, team leads, unknown ids), and checks:
 *
 *	- OrgDecide agrees with ref_decide, which reads the raw tables only:
 *	  it walks the chain of manager ids instead of using subtree ranges and
 *	  scans the pair lists instead of binary searching;
 *	- OrgDecide with a trace answers as without one; the trace has 1 to
 *	  TRACE_MAX_STEPS steps, every rule and detail string NUL-terminated
 *	  within its array, steps in order, every step but the last CONTINUE,
 *	  the last ALLOW iff it allowed (DENY otherwise), and the last step's
 *	  rule is the one the reference decided by ("1" .. "5", "4a" .. "4c");
 *	- the helpers agree with the raw tables: OrgFindPerson on every id and
 *	  on unknown ones, OrgIsManagerOf on every pair, OrgFindGroup,
 *	  OrgFindCycle, OrgFindKind, OrgFindCap, OrgFindRole, OrgFindLogin, and
 *	  OrgIsAdditionalManagerOf, OrgIsMember, OrgRolesFor and OrgHoldsCap
 *	  (every capability) for each drawn pair;
 *	- for the first draw and about one in eight more, the scope of the
 *	  draw's viewer (now and then none) for its action and kind, asked
 *	  about every person and a few unknown ids on up to MAX_RLS_ROWS rows,
 *	  twice over so that its memos fill and are read back (check_rls):
 *	  OrgDecide == OrgRowAudience && (OrgScopeSubject || OrgScopeRow); each
 *	  arm on its own; OrgWidestAudience; and the supersets of subjects
 *	  (sorted, distinct, within the bound, holding everyone the subject
 *	  arm allows, nobody unrelated, -1 only for public or a global
 *	  capability).
 *
 * Bytes are taken from the input front to back; once it is used up, a
 * generator seeded with a hash of the whole input takes over, so that even
 * a short input describes a full organisation.
 *
 * NB: the reference is written from SPEC section 3 and the readings
 * OrgDecide documents (an unknown subject, an unknown cycle and a cycle of
 * another kind deny), not from decide_core.c.  The one liberty taken with
 * the loader: a kind's action capability is occasionally -1, which
 * decide_core.h allows ("-1 when nobody can hold it") though today's loader
 * never writes it; and the dense id index is sometimes built over ids more
 * spread out than the loader would accept (OrgFindPerson reads it alike).
 * A scope keeps SCOPE_CHAIN managers of its viewer at hand, more than
 * MAX_DEPTH: the cut chain is test/unit/decide_test.c's deep company.
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  test/fuzz/decide_fuzz.c
 *
 *-------------------------------------------------------------------------
 */
#include "decide_core.h"
#include "fuzz_fail.h"
#include "rls_core.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* CHECK traps, naming the property, when cond does not hold. */
#define CHECK(cond) \
	do { \
		if (!(cond)) \
			fuzz_fail(#cond, __LINE__); \
	} while (0)

/*
 * ORACLE marks the reference helpers, whose branches tell the fuzzer
 * nothing new: leaving them out of coverage instrumentation makes an
 * execution cheaper.  They keep their AddressSanitizer and UBSan checks.
 */
#define ORACLE __attribute__((no_sanitize("coverage")))

/* size limits of a generated organisation */
#define MAX_PERSONS		40
#define MAX_DEPTH		8		/* levels of a path */
#define MAX_GROUPS		6
#define MAX_KINDS		3
#define MAX_CYCLES		5
#define MAX_RULES		24
#define MAX_NAMED_CAPS	2
#define MAX_PAIRS		96
#define MAX_GRANTS		128
#define MAX_LOGINS		3
#define MAX_DRAWS		24
#define MAX_SHARED		3

/* the viewer scopes of rls_core.c */
#define MAX_RLS_ROWS	10		/* rows per scope: more audiences than
								 * SCOPE_VARIANTS now and then */
#define MAX_RLS_ALLOCS	64		/* allocations of one scope */
#define RLS_UNKNOWN		2		/* unknown subject ids asked per scope */

/* model_cache.c's DENSE_SPREAD, and the widest span the harness forces dense */
#define DENSE_SPREAD		2
#define MAX_DENSE_SPREAD	8

/* The shape of the id index the harness builds. */
typedef enum IndexShape
{
	SHAPE_LOADER = 0,			/* as LoadPersons chooses */
	SHAPE_HASH,					/* the hash, whatever the ids */
	SHAPE_DENSE					/* dense whenever the span allows */
} IndexShape;

/* the capability layout of model_cache.c's LoadModel */
#define N_DIRECTORY_CAPS	5
#define CAPS_PER_KIND		(ACT_COUNT + CYC_COUNT)

/* the role bits the generated model defines (high bits included) */
static const int model_role_bits[] = {0, 1, 2, 5, 31, 62, 63};
#define N_MODEL_ROLES ((int) (sizeof(model_role_bits) / sizeof(model_role_bits[0])))

/* a grant's or rule's role that the model does not have */
#define ROLE_UNKNOWN	(-1)

/* a cycle's kind that the model does not have */
#define KIND_UNKNOWN	(-1)

/* Byte source: the input, then a generator seeded from it. */
typedef struct Source
{
	const uint8_t *data;
	size_t		size;
	size_t		pos;
	uint64_t	state;
} Source;

/* A person row: orgacl.person. */
typedef struct RawPerson
{
	int64_t		id;
	int64_t		manager;		/* 0: none */
	bool		active;
} RawPerson;

/* A role_grant row: scope 0 is global; role is a bit or ROLE_UNKNOWN. */
typedef struct RawGrant
{
	int64_t		person;
	int64_t		scope;
	int			role;
} RawGrant;

/* A row of person_manager (a = person, b = manager), group_member (a =
 * person, b = group) or group_lead (a = group, b = person). */
typedef struct RawPair
{
	int64_t		a;
	int64_t		b;
} RawPair;

/* An org_group row. */
typedef struct RawGroup
{
	int64_t		id;
	int			kind;			/* OrgGroupKind */
} RawGroup;

/* A cycle row; kind is a kind index or KIND_UNKNOWN. */
typedef struct RawCycle
{
	int64_t		id;
	int			kind;
	int64_t		owner;			/* 0: the system */
	bool		has_audience;
	OrgAudience audience;
} RawCycle;

/* A model_cap_rule row; unknown_role: it names a role the model lacks. */
typedef struct RawRule
{
	OrgRoleMask roles;
	int32_t		cap;
	bool		needs_report;
	bool		unknown_role;
} RawRule;

/* An artifact kind with its options applied. */
typedef struct RawKind
{
	bool		role_access;
	OrgAudience cap;
	OrgAudience def[ACT_COUNT];
	bool		no_action_cap[ACT_COUNT];	/* action_cap is -1 */
} RawKind;

/* The raw tables: everything the reference reads. */
typedef struct Raw
{
	int			npersons;
	RawPerson	persons[MAX_PERSONS];
	int			ngrants;
	RawGrant	grants[MAX_GRANTS];
	int			naddmgr;
	RawPair		addmgr[MAX_PAIRS];
	int			nmembers;
	RawPair		members[MAX_PAIRS];
	int			nleads;
	RawPair		leads[MAX_PAIRS];
	int			ngroups;
	RawGroup	groups[MAX_GROUPS];
	int			ncycles;
	RawCycle	cycles[MAX_CYCLES];
	int			nkinds;
	RawKind		kinds[MAX_KINDS];
	int			nnamed_caps;
	int			nrules;
	RawRule		rules[MAX_RULES];
	int			nlogins;
	int64_t		login_person[MAX_LOGINS];
	bool		long_names;		/* role and kind names near the limits */

	/* derived: anc[i] has bit j when row j is above row i (ref_is_above) */
	uint64_t	anc[MAX_PERSONS];
} Raw;

/* One question put to OrgDecide. */
typedef struct Draw
{
	int64_t		viewer;
	int64_t		subject;
	OrgAction	action;
	OrgArtifactRef art;
	int64_t		shared[MAX_SHARED];
} Draw;

/* the login names, in strcmp order */
static const char *const login_names[MAX_LOGINS] = {"alice", "bob", "carol"};

/*
 * src_init starts reading data, and seeds the generator used once the
 * input is exhausted with an FNV-1a hash of the whole input.
 */
static void
src_init(Source *src, const uint8_t *data, size_t size)
{
	uint64_t	h = UINT64_C(0xcbf29ce484222325);
	size_t		i;

	for (i = 0; i < size; i++)
		h = (h ^ data[i]) * UINT64_C(0x100000001b3);
	src->data = data;
	src->size = size;
	src->pos = 0;
	src->state = h | 1;
}

/*
 * byte returns the next input byte, or a generated one after the end.
 */
static uint8_t
byte(Source *src)
{
	uint64_t	x;

	if (src->pos < src->size)
		return src->data[src->pos++];
	x = src->state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	src->state = x;
	return (uint8_t) (x >> 24);
}

/*
 * below returns a number in 0 .. n-1 (0 when n is 0), from one byte, or two
 * when n > 256.
 */
static int
below(Source *src, int n)
{
	int			v = byte(src);

	if (n <= 0)
		return 0;
	if (n > 256)
		v = (v << 8) | byte(src);
	return v % n;
}

/*
 * chance returns true with probability k / 8.
 */
static bool
chance(Source *src, int k)
{
	return (byte(src) & 7) < k;
}

/*
 * u64 returns eight bytes as a number.
 */
static uint64_t
u64(Source *src)
{
	uint64_t	v = 0;
	int			i;

	for (i = 0; i < 8; i++)
		v = (v << 8) | byte(src);
	return v;
}

/*
 * rand_audience returns an audience: empty, everything, hr alone, one
 * relation, or a sparse random set in which public is rare (it would allow
 * everything at step 3).
 */
static OrgAudience
rand_audience(Source *src)
{
	unsigned	a;

	switch (byte(src) & 7)
	{
		case 0:
			return 0;
		case 1:
			return AUDIENCE_ALL;
		case 2:
			return (OrgAudience) (1u << REL_HR);
		case 3:
			return (OrgAudience) (1u << below(src, REL_COUNT));
		default:
			a = ((unsigned) byte(src) | (unsigned) byte(src) << 8) &
				((unsigned) byte(src) | (unsigned) byte(src) << 8);
			if (!chance(src, 1))
				a &= ~(1u << REL_PUBLIC);
			if (chance(src, 5))
				a |= 1u << REL_HR;
			return (OrgAudience) (a & AUDIENCE_ALL);
	}
}

/*
 * rand_roles returns a random set of the model's roles, each with
 * probability k / 8.
 */
static OrgRoleMask
rand_roles(Source *src, int k)
{
	OrgRoleMask m = 0;
	int			i;

	for (i = 0; i < N_MODEL_ROLES; i++)
	{
		if (chance(src, k))
			m |= UINT64_C(1) << model_role_bits[i];
	}
	return m;
}

/*
 * ref_person returns the row index of person id in the raw table, or -1
 * (a linear scan).
 */
ORACLE static int
ref_person(const Raw *raw, int64_t id)
{
	int			i;

	for (i = 0; i < raw->npersons; i++)
	{
		if (raw->persons[i].id == id)
			return i;
	}
	return -1;
}

/*
 * ref_group returns the row index of group id in the raw table, or -1.
 */
ORACLE static int
ref_group(const Raw *raw, int64_t id)
{
	int			i;

	for (i = 0; i < raw->ngroups; i++)
	{
		if (raw->groups[i].id == id)
			return i;
	}
	return -1;
}

/*
 * ref_has_pair reports whether the pair list holds (a, b).
 */
ORACLE static bool
ref_has_pair(const RawPair *pairs, int n, int64_t a, int64_t b)
{
	int			i;

	for (i = 0; i < n; i++)
	{
		if (pairs[i].a == a && pairs[i].b == b)
			return true;
	}
	return false;
}

/*
 * ref_is_above reports whether person m is strictly above person s in s's
 * primary line: it walks s's chain of manager ids to the top.
 */
ORACLE static bool
ref_is_above(const Raw *raw, int64_t m, int64_t s)
{
	int			i = ref_person(raw, s);
	int			steps = 0;

	while (i >= 0 && raw->persons[i].manager != 0)
	{
		CHECK(++steps <= MAX_DEPTH);	/* the generator built a forest */
		if (raw->persons[i].manager == m)
			return true;
		i = ref_person(raw, raw->persons[i].manager);
	}
	return false;
}

/*
 * ref_is_addmgr reports whether m is an additional manager of s.
 */
ORACLE static bool
ref_is_addmgr(const Raw *raw, int64_t m, int64_t s)
{
	return ref_has_pair(raw->addmgr, raw->naddmgr, s, m);
}

/*
 * ref_is_member reports whether person p is a member of group g.
 */
ORACLE static bool
ref_is_member(const Raw *raw, int64_t p, int64_t g)
{
	return ref_has_pair(raw->members, raw->nmembers, p, g);
}

/*
 * ref_leads_team_of reports whether v leads a group of kind team that s is
 * a member of.
 */
ORACLE static bool
ref_leads_team_of(const Raw *raw, int64_t v, int64_t s)
{
	int			g;

	for (g = 0; g < raw->ngroups; g++)
	{
		if (raw->groups[g].kind == GROUP_TEAM &&
			ref_is_member(raw, s, raw->groups[g].id) &&
			ref_has_pair(raw->leads, raw->nleads, raw->groups[g].id, v))
			return true;
	}
	return false;
}

/*
 * ref_has_report reports whether v is someone's primary or additional
 * manager.
 */
ORACLE static bool
ref_has_report(const Raw *raw, int64_t v)
{
	int			i;

	for (i = 0; i < raw->npersons; i++)
	{
		if (raw->persons[i].manager == v)
			return true;
	}
	for (i = 0; i < raw->naddmgr; i++)
	{
		if (raw->addmgr[i].b == v)
			return true;
	}
	return false;
}

/*
 * ref_is_any_addmgr reports whether v is someone's additional manager.
 */
ORACLE static bool
ref_is_any_addmgr(const Raw *raw, int64_t v)
{
	int			i;

	for (i = 0; i < raw->naddmgr; i++)
	{
		if (raw->addmgr[i].b == v)
			return true;
	}
	return false;
}

/*
 * ref_leads_a_team reports whether v leads a group of kind team.
 */
ORACLE static bool
ref_leads_a_team(const Raw *raw, int64_t v)
{
	int			i;

	for (i = 0; i < raw->nleads; i++)
	{
		if (raw->leads[i].b == v &&
			raw->groups[ref_group(raw, raw->leads[i].a)].kind == GROUP_TEAM)
			return true;
	}
	return false;
}

/*
 * ref_roles returns the roles v holds towards s: the global grants, and
 * with has_s the grants scoped to a group s is a member of.  Grants of a
 * role the model lacks count for nothing.
 */
ORACLE static OrgRoleMask
ref_roles(const Raw *raw, int64_t v, bool has_s, int64_t s)
{
	OrgRoleMask m = 0;
	int			i;

	for (i = 0; i < raw->ngrants; i++)
	{
		const RawGrant *g = &raw->grants[i];

		if (g->person != v || g->role == ROLE_UNKNOWN)
			continue;
		if (g->scope == 0 || (has_s && ref_is_member(raw, s, g->scope)))
			m |= UINT64_C(1) << g->role;
	}
	return m;
}

/*
 * ref_holds_cap reports whether person v holds capability cap towards s
 * (or globally without has_s): v is active, and some rule for cap whose
 * roles v all holds applies, needs_report rules only when v has a report.
 */
ORACLE static bool
ref_holds_cap(const Raw *raw, int64_t v, int32_t cap, bool has_s, int64_t s)
{
	int			vi = ref_person(raw, v);
	OrgRoleMask roles;
	int			i;

	if (vi < 0 || !raw->persons[vi].active || cap < 0)
		return false;
	roles = ref_roles(raw, v, has_s, s);
	for (i = 0; i < raw->nrules; i++)
	{
		const RawRule *r = &raw->rules[i];

		if (r->unknown_role || r->cap != cap)
			continue;
		if (r->needs_report && !ref_has_report(raw, v))
			continue;
		if ((r->roles & roles) == r->roles)
			return true;
	}
	return false;
}

/*
 * ref_action_cap returns the capability id of kind k's action a, as
 * LoadModel numbers them, or -1.
 */
ORACLE static int32_t
ref_action_cap(const Raw *raw, int k, int a)
{
	if (raw->kinds[k].no_action_cap[a])
		return -1;
	return N_DIRECTORY_CAPS + k * CAPS_PER_KIND + a;
}

/*
 * ref_decide decides a draw by SPEC section 3 from the raw tables and
 * returns whether it allows; *rule gets the rule that decided ("1", "2",
 * "3", "4a", "4b", "4c" or "5").
 */
ORACLE static bool
ref_decide(const Raw *raw, const Draw *d, const char **rule)
{
	int64_t		v = d->viewer;
	int64_t		s = d->subject;
	const OrgArtifactRef *art = &d->art;
	const RawKind *kind = &raw->kinds[art->kind];
	const RawCycle *cycle = NULL;
	bool		read = d->action == ACT_VIEW || d->action == ACT_AGGREGATE ||
		d->action == ACT_UNVEIL_AUTHOR;
	int			vi = ref_person(raw, v);
	unsigned	aud;
	unsigned	rel = 0;
	int			i;

	/* 1 */
	*rule = "1";
	if (vi < 0 || !raw->persons[vi].active || ref_person(raw, s) < 0)
		return false;

	/* 2 */
	*rule = "2";
	if (art->has_cycle)
	{
		for (i = 0; i < raw->ncycles; i++)
		{
			if (raw->cycles[i].id == art->cycle)
				cycle = &raw->cycles[i];
		}
		if (cycle == NULL || cycle->kind != art->kind)
			return false;
	}
	if (read && art->has_audience)
		aud = art->audience;
	else if (read && cycle != NULL && cycle->has_audience)
		aud = cycle->audience;
	else
		aud = kind->def[d->action];
	aud &= kind->cap;

	/* 3 */
	*rule = "3";
	if (v == s)
		rel |= 1u << REL_SUBJECT;
	if (art->has_author && art->author == v)
		rel |= 1u << REL_AUTHOR;
	if (raw->persons[ref_person(raw, s)].manager == v || ref_is_addmgr(raw, v, s))
		rel |= 1u << REL_DIRECT_MANAGER;
	if (ref_is_above(raw, v, s))
		rel |= 1u << REL_MANAGERS;
	if (cycle != NULL && cycle->owner == v)
		rel |= 1u << REL_OWNER;
	for (i = 0; i < art->nshared; i++)
	{
		if (art->shared[i] == v)
			rel |= 1u << REL_SHARED;
	}
	if (ref_leads_team_of(raw, v, s))
		rel |= 1u << REL_TEAM_LEAD;
	rel |= 1u << REL_PUBLIC;
	if (rel & aud & ~(1u << REL_HR))
		return true;

	/* 4 */
	if ((aud & (1u << REL_HR)) && kind->role_access)
	{
		*rule = "4a";
		if (v == s || ref_is_above(raw, v, s) || ref_is_addmgr(raw, v, s))
			return false;
		*rule = "4b";
		if (ref_is_above(raw, s, v))
			return false;
		*rule = "4c";
		if (ref_holds_cap(raw, v, ref_action_cap(raw, art->kind, d->action), true, s))
			return true;
	}

	/* 5 */
	*rule = "5";
	return false;
}

/*
 * fresh_id returns an id that no person has, drawn from 0, negative ids,
 * INT64_MAX, a small range and the whole range.
 */
static int64_t
fresh_id(Source *src, const Raw *raw)
{
	int64_t		id;
	int			tries;

	for (tries = 0; tries < 8; tries++)
	{
		switch (byte(src) & 7)
		{
			case 0:
				return 0;
			case 1:
				return -1 - (int64_t) below(src, 4);
			case 2:
				return INT64_MIN;
			case 3:
				id = INT64_MAX;
				break;
			case 4:
			case 5:
				id = 1 + below(src, 4 * MAX_PERSONS);
				break;
			default:
				id = (int64_t) (u64(src) >> 1);
				break;
		}
		if (ref_person(raw, id) < 0)
			return id;
	}
	return 0;
}

/*
 * gen_ids gives the n persons distinct positive ids: dense, from a small
 * range, strided, or from the whole range.
 */
static void
gen_ids(Source *src, Raw *raw, int n)
{
	int			mode = byte(src) & 3;
	int			i;

	raw->npersons = 0;
	for (i = 0; i < n; i++)
	{
		int64_t		id = 0;
		int			tries;

		for (tries = 0; tries < 16; tries++)
		{
			switch (mode)
			{
				case 0:
					id = 1 + below(src, n);
					break;
				case 1:
					id = 1 + below(src, 3 * n + 1);
					break;
				case 2:
					id = (int64_t) (1 + below(src, 4 * n)) << 32;
					break;
				default:
					id = (int64_t) (u64(src) >> 1);
					if (id == 0 || chance(src, 1))
						id = INT64_MAX - below(src, 3);
					break;
			}
			if (ref_person(raw, id) < 0)
				break;
			id = 0;
		}
		if (id == 0)
		{
			/* fall back to one past the largest id so far */
			int			j;

			id = 1;
			for (j = 0; j < raw->npersons; j++)
			{
				if (raw->persons[j].id >= id && raw->persons[j].id < INT64_MAX)
					id = raw->persons[j].id + 1;
			}
			while (ref_person(raw, id) >= 0)
				id--;
		}
		raw->persons[raw->npersons].id = id;
		raw->persons[raw->npersons].manager = 0;
		raw->persons[raw->npersons].active = true;
		raw->npersons++;
	}
}

/*
 * gen_raw fills the raw tables from the source.
 */
static void
gen_raw(Source *src, Raw *raw)
{
	int			depth[MAX_PERSONS];
	int			n = below(src, MAX_PERSONS + 1);
	int			i;
	int			k;
	int			count;

	memset(raw, 0, sizeof(*raw));

	/* persons: a forest at most MAX_DEPTH deep */
	gen_ids(src, raw, n);
	for (i = 0; i < n; i++)
	{
		RawPerson  *p = &raw->persons[i];

		depth[i] = 1;
		if (i > 0 && !chance(src, 2))
		{
			int			j = below(src, i);

			if (depth[j] < MAX_DEPTH)
			{
				p->manager = raw->persons[j].id;
				depth[i] = depth[j] + 1;
			}
		}
		p->active = !(chance(src, 1) && chance(src, 2));
	}

	/* groups, with distinct ids; half of them teams */
	raw->ngroups = below(src, MAX_GROUPS + 1);
	for (i = 0; i < raw->ngroups; i++)
	{
		int64_t		id;

		do
			id = 1 + below(src, 4 * MAX_GROUPS);
		while (ref_group(raw, id) >= 0);
		raw->groups[i].id = id;
		raw->groups[i].kind = chance(src, 4) ? GROUP_TEAM : below(src, GROUP_KIND_COUNT);
	}

	if (n > 0)
	{
		/* additional managers: anyone but the person, often close by */
		count = below(src, n + 1);
		for (i = 0; i < count && raw->naddmgr < MAX_PAIRS; i++)
		{
			const RawPerson *p = &raw->persons[below(src, n)];
			int64_t		m;

			if (p->manager != 0 && chance(src, 2))
			{
				/* the primary manager, or someone above */
				m = p->manager;
				if (chance(src, 4) && raw->persons[ref_person(raw, m)].manager != 0)
					m = raw->persons[ref_person(raw, m)].manager;
			}
			else
				m = raw->persons[below(src, n)].id;
			if (m != p->id && !ref_has_pair(raw->addmgr, raw->naddmgr, p->id, m))
			{
				raw->addmgr[raw->naddmgr].a = p->id;
				raw->addmgr[raw->naddmgr].b = m;
				raw->naddmgr++;
			}
		}

		if (raw->ngroups > 0)
		{
			/* memberships and leads */
			count = below(src, 2 * n + 1);
			for (i = 0; i < count && raw->nmembers < MAX_PAIRS; i++)
			{
				int64_t		p = raw->persons[below(src, n)].id;
				int64_t		g = raw->groups[below(src, raw->ngroups)].id;

				if (!ref_has_pair(raw->members, raw->nmembers, p, g))
				{
					raw->members[raw->nmembers].a = p;
					raw->members[raw->nmembers].b = g;
					raw->nmembers++;
				}
			}
			count = below(src, 2 * raw->ngroups + 1);
			for (i = 0; i < count && raw->nleads < MAX_PAIRS; i++)
			{
				int64_t		g = raw->groups[below(src, raw->ngroups)].id;
				int64_t		p = raw->persons[below(src, n)].id;

				/* often a member leading their own group */
				if (chance(src, 3) && raw->nmembers > 0)
				{
					const RawPair *m = &raw->members[below(src, raw->nmembers)];

					g = m->b;
					p = m->a;
				}
				if (!ref_has_pair(raw->leads, raw->nleads, g, p))
				{
					raw->leads[raw->nleads].a = g;
					raw->leads[raw->nleads].b = p;
					raw->nleads++;
				}
			}
		}

		/* grants: global and scoped; now and then a role the model lacks */
		count = below(src, 3 * n + 1);
		for (i = 0; i < count && raw->ngrants < MAX_GRANTS; i++)
		{
			RawGrant   *g = &raw->grants[raw->ngrants++];

			g->person = raw->persons[below(src, n)].id;
			g->role = chance(src, 1) && chance(src, 2) ? ROLE_UNKNOWN :
				model_role_bits[below(src, N_MODEL_ROLES)];
			g->scope = (raw->ngroups > 0 && chance(src, 4)) ?
				raw->groups[below(src, raw->ngroups)].id : 0;
		}
	}

	/* kinds */
	raw->nkinds = 1 + below(src, MAX_KINDS);
	for (k = 0; k < raw->nkinds; k++)
	{
		RawKind    *kind = &raw->kinds[k];
		int			a;

		kind->role_access = chance(src, 6);
		kind->cap = chance(src, 5) ? AUDIENCE_ALL :
			(OrgAudience) (rand_audience(src) | (chance(src, 4) ? 1u << REL_HR : 0));
		for (a = 0; a < ACT_COUNT; a++)
		{
			kind->def[a] = rand_audience(src);
			kind->no_action_cap[a] = chance(src, 1) && chance(src, 1);
		}
	}
	raw->nnamed_caps = below(src, MAX_NAMED_CAPS + 1);

	/*
	 * capability rules: often one for many of the kinds' actions (as the
	 * presets have), then a few for any capability
	 */
	raw->nrules = 0;
	if (chance(src, 4))
	{
		for (k = 0; k < raw->nkinds; k++)
		{
			int			a;

			for (a = 0; a < ACT_COUNT && raw->nrules < MAX_RULES; a++)
			{
				if (chance(src, 4))
					raw->rules[raw->nrules++].cap = N_DIRECTORY_CAPS + k * CAPS_PER_KIND + a;
			}
		}
	}
	count = below(src, 7);
	for (i = 0; i < count && raw->nrules < MAX_RULES; i++)
	{
		int			ncaps = N_DIRECTORY_CAPS + raw->nkinds * CAPS_PER_KIND + raw->nnamed_caps;

		if (chance(src, 6))
			raw->rules[raw->nrules++].cap = N_DIRECTORY_CAPS +
				below(src, raw->nkinds) * CAPS_PER_KIND + below(src, ACT_COUNT);
		else
			raw->rules[raw->nrules++].cap = below(src, ncaps);
	}
	for (i = 0; i < raw->nrules; i++)
	{
		RawRule    *r = &raw->rules[i];

		r->roles = rand_roles(src, chance(src, 3) ? 0 : 2);
		r->needs_report = chance(src, 3);
		r->unknown_role = chance(src, 1) && chance(src, 2);
	}

	/* cycles, with distinct ids; some of a kind the model lacks */
	raw->ncycles = below(src, MAX_CYCLES + 1);
	for (i = 0; i < raw->ncycles; i++)
	{
		RawCycle   *c = &raw->cycles[i];
		int			j;
		bool		dup;

		do
		{
			c->id = 1 + below(src, 2 * MAX_CYCLES);
			dup = false;
			for (j = 0; j < i; j++)
				dup = dup || raw->cycles[j].id == c->id;
		} while (dup);
		c->kind = chance(src, 1) ? KIND_UNKNOWN : below(src, raw->nkinds);
		if (n > 0 && chance(src, 5))
			c->owner = raw->persons[below(src, n)].id;
		else
			c->owner = 0;
		c->has_audience = chance(src, 4);
		c->audience = c->has_audience ? rand_audience(src) : 0;
	}

	/* long names fill the trace's buffers */
	raw->long_names = chance(src, 2);

	/* logins */
	raw->nlogins = n > 0 ? below(src, MAX_LOGINS + 1) : 0;
	for (i = 0; i < raw->nlogins; i++)
		raw->login_person[i] = raw->persons[below(src, n)].id;

	/* who is above whom, by walking each chain once */
	for (i = 0; i < n; i++)
	{
		int			j = i;

		raw->anc[i] = 0;
		while (raw->persons[j].manager != 0)
		{
			j = ref_person(raw, raw->persons[j].manager);
			CHECK(j >= 0 && !((raw->anc[i] >> j) & 1));
			raw->anc[i] |= UINT64_C(1) << j;
		}
	}
}

/* The raw table whose paths path_cmp compares (qsort has no context). */
static const Raw *sort_raw;

/*
 * path_of writes the ids of person row i's path, top first, into ids and
 * returns how many.
 */
static int
path_of(const Raw *raw, int i, int64_t *ids)
{
	int64_t		rev[MAX_DEPTH];
	int			n = 0;
	int			k;

	while (i >= 0)
	{
		CHECK(n < MAX_DEPTH);
		rev[n++] = raw->persons[i].id;
		i = raw->persons[i].manager ? ref_person(raw, raw->persons[i].manager) : -1;
	}
	for (k = 0; k < n; k++)
		ids[k] = rev[n - 1 - k];
	return n;
}

/*
 * path_cmp orders person rows by path as orgpath does: the first differing
 * id decides, else the shorter path (the ancestor) comes first.
 */
static int
path_cmp(const void *a, const void *b)
{
	int64_t		pa[MAX_DEPTH];
	int64_t		pb[MAX_DEPTH];
	int			na = path_of(sort_raw, *(const int *) a, pa);
	int			nb = path_of(sort_raw, *(const int *) b, pb);
	int			k;

	for (k = 0; k < na && k < nb; k++)
	{
		if (pa[k] != pb[k])
			return pa[k] < pb[k] ? -1 : 1;
	}
	return (na > nb) - (na < nb);
}

/*
 * cycle_cmp orders cycle rows by id.
 */
static int
cycle_cmp(const void *a, const void *b)
{
	int64_t		x = sort_raw->cycles[*(const int *) a].id;
	int64_t		y = sort_raw->cycles[*(const int *) b].id;

	return (x > y) - (x < y);
}

/* A (person or group index, value) pair, as in model_cache.c. */
typedef struct Pair
{
	int32_t		key;
	int32_t		val;
	int64_t		extra;
} Pair;

/*
 * ComparePairs orders pairs by key, then val (model_cache.c's).
 */
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
 * Alloc0 allocates zeroed memory of exactly size bytes (one for zero), so
 * that AddressSanitizer sees every overrun; the directory owns it.
 */
static void *
Alloc0(size_t size)
{
	void	   *p = calloc(1, size == 0 ? 1 : size);

	CHECK(p != NULL);
	return p;
}

/*
 * BuildRows turns n pairs into compressed sparse rows: off[nkeys + 1] and
 * the sorted, de-duplicated values of each key (model_cache.c's).
 */
static void
BuildRows(Pair *pairs, int n, int nkeys, int32_t **off_out, int32_t **vals_out)
{
	int32_t    *off = Alloc0(sizeof(int32_t) * (nkeys + 1));
	int32_t    *vals = Alloc0(sizeof(int32_t) * n);
	int			m = 0;
	int			i;
	int			k;

	if (n > 1)
		qsort(pairs, n, sizeof(Pair), ComparePairs);
	for (i = 0; i < n; i++)
	{
		if (i > 0 && pairs[i].key == pairs[i - 1].key && pairs[i].val == pairs[i - 1].val)
			continue;
		vals[m++] = pairs[i].val;
		off[pairs[i].key + 1]++;
	}
	for (k = 0; k < nkeys; k++)
		off[k + 1] += off[k];
	*off_out = off;
	*vals_out = vals;
}

/*
 * dir_person returns the directory index of person id by a linear scan, so
 * that building the directory does not lean on OrgFindPerson, which is
 * under test.
 */
static int32_t
dir_person(const OrgDirectory *dir, int64_t id)
{
	int32_t		i;

	for (i = 0; i < dir->npersons; i++)
	{
		if (dir->persons[i].id == id)
			return i;
	}
	return -1;
}

/*
 * dir_group returns the directory index of group id by a linear scan.
 */
static int32_t
dir_group(const OrgDirectory *dir, int64_t id)
{
	int32_t		i;

	for (i = 0; i < dir->ngroups; i++)
	{
		if (dir->groups[i].id == id)
			return i;
	}
	return -1;
}

/*
 * role_name writes the name of role bit b into buf (ORG_NAME_MAX bytes):
 * "role<b>", padded with '_' to the longest name a role may have when the
 * input asks for long names.
 */
static void
role_name(const Raw *raw, int b, char *buf)
{
	size_t		l = (size_t) snprintf(buf, ORG_NAME_MAX, "role%d", b);

	if (raw->long_names)
	{
		memset(buf + l, '_', ORG_NAME_MAX - 1 - l);
		buf[ORG_NAME_MAX - 1] = '\0';
	}
}

/*
 * kind_name writes the name of kind k into buf: "k<k>", padded with 'x'
 * to 40 characters for long names (so that "<kind>.unveil_author" still
 * fits in ORG_NAME_MAX, as the catalog's CHECKs ensure).
 */
static void
kind_name(const Raw *raw, int k, char *buf)
{
	size_t		l = (size_t) snprintf(buf, ORG_NAME_MAX, "k%d", k);

	if (raw->long_names)
	{
		memset(buf + l, 'x', 40 - l);
		buf[40] = '\0';
	}
}

/*
 * build_model fills the model half of the directory as LoadModel does:
 * role names, kinds "k0".. with their defaults and caps, the capability
 * vocabulary (directory, per kind, then named) and the rules, leaving out
 * those that name an unknown role.
 */
static void
build_model(const Raw *raw, OrgDirectory *dir)
{
	int			i;
	int			k;

	snprintf(dir->model, ORG_NAME_MAX, "fuzz");
	for (i = 0; i < N_MODEL_ROLES; i++)
		role_name(raw, model_role_bits[i], dir->role_names[model_role_bits[i]]);
	dir->nroles = N_MODEL_ROLES;
	dir->super_roles = (UINT64_C(1) << model_role_bits[0]) | (UINT64_C(1) << model_role_bits[1]);

	dir->nkinds = raw->nkinds;
	dir->kinds = Alloc0(sizeof(OrgKind) * raw->nkinds);
	dir->ncaps = N_DIRECTORY_CAPS + raw->nkinds * CAPS_PER_KIND + raw->nnamed_caps;
	dir->cap_names = Alloc0(sizeof(*dir->cap_names) * dir->ncaps);
	for (i = 0; i < N_DIRECTORY_CAPS; i++)
		snprintf(dir->cap_names[i], ORG_NAME_MAX, "dir%d", i);
	for (k = 0; k < raw->nkinds; k++)
	{
		OrgKind    *kind = &dir->kinds[k];
		int			base = N_DIRECTORY_CAPS + k * CAPS_PER_KIND;
		int			a;

		kind_name(raw, k, kind->name);
		kind->name_len = strlen(kind->name);
		kind->role_access = raw->kinds[k].role_access;
		kind->cap = raw->kinds[k].cap;
		for (a = 0; a < ACT_COUNT; a++)
		{
			kind->def[a] = raw->kinds[k].def[a];
			snprintf(dir->cap_names[base + a], ORG_NAME_MAX, "%s.%s", kind->name, ActionName(a));
			kind->action_cap[a] = raw->kinds[k].no_action_cap[a] ? -1 : base + a;
		}
		for (a = 0; a < CYC_COUNT; a++)
		{
			snprintf(dir->cap_names[base + ACT_COUNT + a], ORG_NAME_MAX, "%s.%s", kind->name,
					 CycleActionName(a));
			kind->cycle_cap[a] = base + ACT_COUNT + a;
		}
	}
	for (i = 0; i < raw->nnamed_caps; i++)
		snprintf(dir->cap_names[N_DIRECTORY_CAPS + raw->nkinds * CAPS_PER_KIND + i],
				 ORG_NAME_MAX, "named.cap%d", i);

	dir->rules = Alloc0(sizeof(OrgCapRule) * raw->nrules);
	dir->nrules = 0;
	for (i = 0; i < raw->nrules; i++)
	{
		if (raw->rules[i].unknown_role)
			continue;
		dir->rules[dir->nrules].cap = raw->rules[i].cap;
		dir->rules[dir->nrules].roles = raw->rules[i].roles;
		dir->rules[dir->nrules].needs_report = raw->rules[i].needs_report;
		dir->nrules++;
	}
}

/*
 * use_dense decides the shape of the id index for n persons whose ids span
 * id_min .. id_max: as LoadPersons does (a dense array when the span is
 * below DENSE_SPREAD slots per person), or, as shape asks, forced to the
 * hash, or forced dense whenever the span is small enough to allocate
 * (MAX_DENSE_SPREAD slots per person), so that both shapes meet every
 * kind of id set.
 */
static bool
use_dense(IndexShape shape, int n, int64_t id_min, int64_t id_max)
{
	uint64_t	span = (uint64_t) id_max - (uint64_t) id_min;

	if (n == 0)
		return false;
	switch (shape)
	{
		case SHAPE_HASH:
			return false;
		case SHAPE_DENSE:
			return span < (uint64_t) n * MAX_DENSE_SPREAD;
		default:
			return span < (uint64_t) n * DENSE_SPREAD;
	}
}

/*
 * build_persons fills the persons as LoadPersons does: rows in path order,
 * the id index (see use_dense: a dense array over id_min .. id_max, -1
 * where no person, and no hash; or the hash, a power of two at least twice
 * the persons, -1 for empty, linear probing in row order, and no dense
 * array), parents, PERSON_ACTIVE, PERSON_HAS_REPORT of primary managers,
 * and the subtree ends in one backward pass.
 */
static void
build_persons(const Raw *raw, OrgDirectory *dir, IndexShape shape)
{
	int			order[MAX_PERSONS];
	int64_t		managers[MAX_PERSONS + 1];
	int			n = raw->npersons;
	uint32_t	size = 2;
	int			r;

	for (r = 0; r < n; r++)
		order[r] = r;
	sort_raw = raw;
	if (n > 1)
		qsort(order, n, sizeof(int), path_cmp);

	dir->npersons = n;
	dir->persons = Alloc0(sizeof(OrgPerson) * (n + 1));
	dir->id_min = INT64_MAX;
	dir->id_max = INT64_MIN;
	for (r = 0; r < n; r++)
	{
		if (raw->persons[r].id < dir->id_min)
			dir->id_min = raw->persons[r].id;
		if (raw->persons[r].id > dir->id_max)
			dir->id_max = raw->persons[r].id;
	}
	if (use_dense(shape, n, dir->id_min, dir->id_max))
	{
		/* exactly the span, so that AddressSanitizer sees an overrun */
		size = (uint32_t) ((uint64_t) dir->id_max - (uint64_t) dir->id_min + 1);
		dir->dense = Alloc0(sizeof(int32_t) * size);
		memset(dir->dense, 0xff, sizeof(int32_t) * size);
		dir->hash = NULL;
		dir->hash_mask = 0;
	}
	else
	{
		while (size < 2 * (uint32_t) n)
			size <<= 1;
		dir->dense = NULL;
		dir->hash = Alloc0(sizeof(int32_t) * size);
		memset(dir->hash, 0xff, sizeof(int32_t) * size);
		dir->hash_mask = size - 1;
	}

	for (r = 0; r < n; r++)
	{
		OrgPerson  *p = &dir->persons[r];
		const RawPerson *rp = &raw->persons[order[r]];

		memset(p, 0, sizeof(OrgPerson));
		p->id = rp->id;
		managers[r] = rp->manager;
		if (rp->active)
			p->flags |= PERSON_ACTIVE;
		p->last = r;
		if (dir->dense != NULL)
			dir->dense[(uint64_t) p->id - (uint64_t) dir->id_min] = r;
		else
		{
			uint32_t	h = OrgHashId(p->id) & dir->hash_mask;

			while (dir->hash[h] >= 0)
				h = (h + 1) & dir->hash_mask;
			dir->hash[h] = r;
		}
	}
	for (r = 0; r < n; r++)
	{
		OrgPerson  *p = &dir->persons[r];

		p->parent = managers[r] ? dir_person(dir, managers[r]) : -1;
		if (p->parent >= 0)
			dir->persons[p->parent].flags |= PERSON_HAS_REPORT;
	}
	for (r = n - 1; r >= 0; r--)
	{
		int32_t		parent = dir->persons[r].parent;

		if (parent >= 0 && parent < r && dir->persons[r].last > dir->persons[parent].last)
			dir->persons[parent].last = dir->persons[r].last;
	}
}

/*
 * build_relations fills the rest as LoadRelations does: groups sorted by
 * id, global roles into the persons, scoped grants merged by (person,
 * group), additional managers (and PERSON_HAS_REPORT), memberships and
 * leads as compressed rows, cycles sorted by id without those of a kind the
 * model lacks, and the logins.
 */
static void
build_relations(const Raw *raw, OrgDirectory *dir)
{
	Pair		pairs[MAX_GRANTS + MAX_PAIRS];
	int64_t		gids[MAX_GROUPS];
	int			corder[MAX_CYCLES];
	int			np;
	int			i;
	int			j;
	int32_t    *off;
	int32_t    *vals;

	/* groups, sorted by id */
	for (i = 0; i < raw->ngroups; i++)
		gids[i] = raw->groups[i].id;
	dir->ngroups = raw->ngroups;
	dir->groups = Alloc0(sizeof(OrgGroup) * raw->ngroups);
	for (i = 0; i < raw->ngroups; i++)
	{
		int			rank = 0;

		for (j = 0; j < raw->ngroups; j++)
			rank += gids[j] < gids[i];
		dir->groups[rank].id = raw->groups[i].id;
		dir->groups[rank].kind = raw->groups[i].kind;
	}

	/* grants */
	np = 0;
	for (i = 0; i < raw->ngrants; i++)
	{
		const RawGrant *g = &raw->grants[i];
		int32_t		p = dir_person(dir, g->person);

		if (p < 0 || g->role == ROLE_UNKNOWN)
			continue;
		if (g->scope == 0)
			dir->persons[p].roles |= UINT64_C(1) << g->role;
		else
		{
			int32_t		grp = dir_group(dir, g->scope);

			if (grp < 0)
				continue;
			pairs[np].key = p;
			pairs[np].val = grp;
			pairs[np].extra = (int64_t) (UINT64_C(1) << g->role);
			np++;
		}
	}
	if (np > 1)
		qsort(pairs, np, sizeof(Pair), ComparePairs);
	dir->scoped_off = Alloc0(sizeof(int32_t) * (dir->npersons + 1));
	dir->scoped = Alloc0(sizeof(OrgScoped) * (np + 1));
	{
		int			m = 0;
		int			k;

		for (i = 0; i < np; i++)
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
		for (k = 0; k < dir->npersons; k++)
			dir->scoped_off[k + 1] += dir->scoped_off[k];
	}

	/* additional managers, by person (and PERSON_ADDL_MANAGER) */
	np = 0;
	for (i = 0; i < raw->naddmgr; i++)
	{
		int32_t		p = dir_person(dir, raw->addmgr[i].a);
		int32_t		m = dir_person(dir, raw->addmgr[i].b);

		if (p < 0 || m < 0)
			continue;
		pairs[np].key = p;
		pairs[np].val = m;
		np++;
		dir->persons[m].flags |= PERSON_HAS_REPORT | PERSON_ADDL_MANAGER;
	}
	BuildRows(pairs, np, dir->npersons, &dir->addmgr_off, &dir->addmgr);

	/* and the other way round: (manager, person), sorted, de-duplicated */
	for (i = 0; i < np; i++)
	{
		int32_t		k = pairs[i].key;

		pairs[i].key = pairs[i].val;
		pairs[i].val = k;
	}
	if (np > 1)
		qsort(pairs, np, sizeof(Pair), ComparePairs);
	dir->addl = Alloc0(sizeof(OrgPair) * np);
	dir->naddl = 0;
	for (i = 0; i < np; i++)
	{
		if (i > 0 && pairs[i].key == pairs[i - 1].key && pairs[i].val == pairs[i - 1].val)
			continue;
		dir->addl[dir->naddl].key = pairs[i].key;
		dir->addl[dir->naddl].val = pairs[i].val;
		dir->naddl++;
	}

	/* memberships, by person, then by group */
	np = 0;
	for (i = 0; i < raw->nmembers; i++)
	{
		int32_t		p = dir_person(dir, raw->members[i].a);
		int32_t		g = dir_group(dir, raw->members[i].b);

		if (p < 0 || g < 0)
			continue;
		pairs[np].key = p;
		pairs[np].val = g;
		np++;
	}
	BuildRows(pairs, np, dir->npersons, &dir->member_off, &dir->member);
	for (i = 0; i < np; i++)
	{
		int32_t		k = pairs[i].key;

		pairs[i].key = pairs[i].val;
		pairs[i].val = k;
	}
	BuildRows(pairs, np, dir->ngroups, &dir->grp_member_off, &dir->grp_member);

	/* leads, by group */
	np = 0;
	for (i = 0; i < raw->nleads; i++)
	{
		int32_t		g = dir_group(dir, raw->leads[i].a);
		int32_t		p = dir_person(dir, raw->leads[i].b);

		if (p < 0 || g < 0)
			continue;
		pairs[np].key = g;
		pairs[np].val = p;
		np++;
	}
	BuildRows(pairs, np, dir->ngroups, &off, &vals);
	dir->leads = vals;
	for (i = 0; i < dir->ngroups; i++)
	{
		dir->groups[i].lead_off = off[i];
		dir->groups[i].nleads = off[i + 1] - off[i];
		if (dir->groups[i].kind == GROUP_TEAM)
		{
			for (j = off[i]; j < off[i + 1]; j++)
				dir->persons[vals[j]].flags |= PERSON_LEADS_TEAM;
		}
	}
	free(off);

	/* cycles, sorted by id, leaving out those of a kind the model lacks */
	dir->cycles = Alloc0(sizeof(OrgCycle) * raw->ncycles);
	dir->ncycles = 0;
	for (i = 0; i < raw->ncycles; i++)
		corder[i] = i;
	sort_raw = raw;
	if (raw->ncycles > 1)
		qsort(corder, raw->ncycles, sizeof(int), cycle_cmp);
	for (i = 0; i < raw->ncycles; i++)
	{
		const RawCycle *rc = &raw->cycles[corder[i]];
		OrgCycle   *c = &dir->cycles[dir->ncycles];

		if (rc->kind == KIND_UNKNOWN)
			continue;
		c->id = rc->id;
		c->kind = rc->kind;
		c->owner = rc->owner;
		c->has_audience = rc->has_audience;
		c->audience = rc->audience & AUDIENCE_ALL;
		dir->ncycles++;
	}

	/* logins, already in strcmp order */
	dir->nlogins = raw->nlogins;
	dir->logins = Alloc0(sizeof(OrgLogin) * raw->nlogins);
	for (i = 0; i < raw->nlogins; i++)
	{
		snprintf(dir->logins[i].login, ORG_NAME_MAX, "%s", login_names[i]);
		dir->logins[i].person = raw->login_person[i];
	}
}

/*
 * free_directory frees everything build_model, build_persons and
 * build_relations allocated.
 */
static void
free_directory(OrgDirectory *dir)
{
	free(dir->kinds);
	free(dir->cap_names);
	free(dir->rules);
	free(dir->persons);
	free(dir->hash);
	free(dir->dense);
	free(dir->addmgr_off);
	free(dir->addmgr);
	free(dir->addl);
	free(dir->member_off);
	free(dir->member);
	free(dir->grp_member_off);
	free(dir->grp_member);
	free(dir->scoped_off);
	free(dir->scoped);
	free(dir->groups);
	free(dir->leads);
	free(dir->cycles);
	free(dir->logins);
}

/*
 * check_names checks the fixed vocabularies of decide_core.h against
 * SPEC's names, once per process.
 */
static void
check_names(void)
{
	static bool done = false;
	static const char *const actions[] = {
		"view", "create", "edit", "delete", "aggregate", "unveil_author"
	};
	static const char *const cycle_actions[] = {
		"create_cycle", "edit_cycle", "delete_cycle"
	};
	static const char *const group_kinds[] = {
		"team", "location", "saved_group", "performance_group"
	};
	int			i;

	if (done)
		return;
	done = true;
	for (i = 0; i < ACT_COUNT; i++)
	{
		CHECK(strcmp(ActionName(i), actions[i]) == 0);
		CHECK(ActionLookup(actions[i], strlen(actions[i])) == i);
		CHECK(ActionLookup(actions[i], strlen(actions[i]) - 1) == -1);
		CHECK(ACTION_IS_READ(i) == (i == ACT_VIEW || i == ACT_AGGREGATE ||
									i == ACT_UNVEIL_AUTHOR));
	}
	CHECK(ActionName(-1) == NULL && ActionName(ACT_COUNT) == NULL);
	for (i = 0; i < CYC_COUNT; i++)
		CHECK(strcmp(CycleActionName(i), cycle_actions[i]) == 0);
	CHECK(CycleActionName(-1) == NULL && CycleActionName(CYC_COUNT) == NULL);
	for (i = 0; i < GROUP_KIND_COUNT; i++)
	{
		CHECK(strcmp(GroupKindName(i), group_kinds[i]) == 0);
		CHECK(GroupKindLookup(group_kinds[i], strlen(group_kinds[i])) == i);
	}
	CHECK(GroupKindName(-1) == NULL && GroupKindName(GROUP_KIND_COUNT) == NULL);
	CHECK(GroupKindLookup("teams", 5) == -1 && GroupKindLookup("", 0) == -1);
}

/*
 * check_lookups checks the directory's look-ups against the raw tables:
 * every person, group, cycle, kind, capability, role and login is found
 * where it is, unknown ones are not, and OrgIsManagerOf agrees with the
 * chain of manager ids for every pair of persons.
 */
static void
check_lookups(Source *src, const Raw *raw, const OrgDirectory *dir)
{
	int			row[MAX_PERSONS];
	int			n = dir->npersons;
	int			i;
	int			j;
	char		name[ORG_NAME_MAX];

	for (i = 0; i < raw->npersons; i++)
	{
		int32_t		p = OrgFindPerson(dir, raw->persons[i].id);

		CHECK(p >= 0 && p < n && dir->persons[p].id == raw->persons[i].id);
	}
	for (i = 0; i < 4; i++)
		CHECK(OrgFindPerson(dir, fresh_id(src, raw)) == -1);

	for (i = 0; i < raw->ngroups; i++)
	{
		int32_t		g = OrgFindGroup(dir, raw->groups[i].id);

		CHECK(g >= 0 && g < dir->ngroups && dir->groups[g].id == raw->groups[i].id);
		CHECK(dir->groups[g].kind == raw->groups[i].kind);
	}
	CHECK(OrgFindGroup(dir, 0) == -1);
	CHECK(OrgFindGroup(dir, 4 * MAX_GROUPS + 1) == -1);
	for (i = 0; i < raw->ncycles; i++)
	{
		const OrgCycle *c = OrgFindCycle(dir, raw->cycles[i].id);

		if (raw->cycles[i].kind == KIND_UNKNOWN)
			CHECK(c == NULL);
		else
			CHECK(c != NULL && c->id == raw->cycles[i].id && c->kind == raw->cycles[i].kind);
	}
	CHECK(OrgFindCycle(dir, 0) == NULL);
	CHECK(OrgFindCycle(dir, 2 * MAX_CYCLES + 1) == NULL);

	for (i = 0; i < dir->nkinds; i++)
	{
		kind_name(raw, i, name);
		CHECK(OrgFindKind(dir, name, strlen(name)) == i);
	}
	CHECK(OrgFindKind(dir, "k", 1) == -1);
	for (i = 0; i < dir->ncaps; i++)
		CHECK(OrgFindCap(dir, dir->cap_names[i], strlen(dir->cap_names[i])) == i);
	CHECK(OrgFindCap(dir, "k0.vie", 6) == -1);
	for (i = 0; i < N_MODEL_ROLES; i++)
	{
		role_name(raw, model_role_bits[i], name);
		CHECK(OrgFindRole(dir, name, strlen(name)) == model_role_bits[i]);
	}
	CHECK(OrgFindRole(dir, "", 0) == -1);
	CHECK(OrgFindRole(dir, "role3", 5) == -1);
	for (i = 0; i < MAX_LOGINS; i++)
	{
		const OrgLogin *l = OrgFindLogin(dir, login_names[i]);

		if (i < raw->nlogins)
			CHECK(l != NULL && l->person == raw->login_person[i]);
		else
			CHECK(l == NULL);
	}
	CHECK(OrgFindLogin(dir, "") == NULL);

	/* OrgIsManagerOf on every pair, against the chains of manager ids */
	for (i = 0; i < n; i++)
		row[i] = ref_person(raw, dir->persons[i].id);
	for (i = 0; i < n; i++)
	{
		for (j = 0; j < n; j++)
			CHECK(OrgIsManagerOf(dir, i, j) == (((raw->anc[row[j]] >> row[i]) & 1) != 0));
	}
}

/*
 * pick_person returns the id of a random person, or an unknown id when
 * there is none.
 */
static int64_t
pick_person(Source *src, const Raw *raw)
{
	if (raw->npersons == 0)
		return fresh_id(src, raw);
	return raw->persons[below(src, raw->npersons)].id;
}

/*
 * pick_subject returns a subject for viewer v, biased towards the pairs
 * the rules treat specially: v itself, someone above or below v, someone
 * v is an additional manager of, a member of a team v leads, a stranger,
 * an unknown id.
 */
static int64_t
pick_subject(Source *src, const Raw *raw, int64_t v)
{
	int64_t		cand[MAX_PAIRS + MAX_PERSONS];
	int			vi = ref_person(raw, v);
	int			nc = 0;
	int			i;
	int			g;

	switch (byte(src) & 7)
	{
		case 0:
			return v;
		case 1:					/* above v */
			for (i = 0; vi >= 0 && i < raw->npersons; i++)
			{
				if ((raw->anc[vi] >> i) & 1)
					cand[nc++] = raw->persons[i].id;
			}
			break;
		case 2:					/* below v */
			for (i = 0; vi >= 0 && i < raw->npersons; i++)
			{
				if ((raw->anc[i] >> vi) & 1)
					cand[nc++] = raw->persons[i].id;
			}
			break;
		case 3:					/* v is an additional manager */
			for (i = 0; i < raw->naddmgr; i++)
			{
				if (raw->addmgr[i].b == v)
					cand[nc++] = raw->addmgr[i].a;
			}
			break;
		case 4:					/* members of a group v leads */
			for (i = 0; i < raw->nleads; i++)
			{
				if (raw->leads[i].b != v)
					continue;
				for (g = 0; g < raw->nmembers && nc < MAX_PAIRS; g++)
				{
					if (raw->members[g].b == raw->leads[i].a)
						cand[nc++] = raw->members[g].a;
				}
			}
			break;
		case 5:
			if (chance(src, 2))
				return fresh_id(src, raw);
			break;
		default:
			break;
	}
	if (nc > 0)
		return cand[below(src, nc)];
	return pick_person(src, raw);
}

/*
 * gen_draw makes one question: a viewer (now and then unknown or
 * deactivated), a subject, an action and an artifact whose cycle, author,
 * audience and shared list are each there or not.
 */
static void
gen_draw(Source *src, const Raw *raw, Draw *d)
{
	OrgArtifactRef *art = &d->art;
	int			i;

	memset(d, 0, sizeof(*d));
	if (chance(src, 1) && chance(src, 2))
		d->viewer = fresh_id(src, raw);
	else
		d->viewer = pick_person(src, raw);
	d->subject = pick_subject(src, raw, d->viewer);
	d->action = (OrgAction) below(src, ACT_COUNT);

	art->kind = below(src, raw->nkinds);
	art->has_cycle = chance(src, 4);
	if (art->has_cycle)
	{
		if (raw->ncycles > 0 && !chance(src, 1))
		{
			const RawCycle *c = &raw->cycles[below(src, raw->ncycles)];

			art->cycle = c->id;
			/* mostly an artifact of the cycle's kind */
			if (c->kind != KIND_UNKNOWN && !chance(src, 1))
				art->kind = c->kind;
		}
		else
			art->cycle = chance(src, 4) ? 0 : 1 + below(src, 4 * MAX_CYCLES);
	}
	art->has_author = chance(src, 4);
	if (art->has_author)
		art->author = chance(src, 4) ? d->viewer : pick_person(src, raw);
	art->has_audience = chance(src, 3);
	if (art->has_audience)
		art->audience = rand_audience(src);
	art->nshared = below(src, MAX_SHARED + 1);
	for (i = 0; i < art->nshared; i++)
		d->shared[i] = chance(src, 3) ? d->viewer : pick_person(src, raw);
	art->shared = NULL;
}

/*
 * check_pair_helpers checks the relation helpers and OrgHoldsCap (every
 * capability, and -1) for viewer index v and subject index s against the
 * raw tables.
 */
static void
check_pair_helpers(const Raw *raw, const OrgDirectory *dir, int32_t v, int32_t s)
{
	int64_t		vid = dir->persons[v].id;
	int64_t		sid = dir->persons[s].id;
	int			g;
	int32_t		cap;

	CHECK(OrgIsAdditionalManagerOf(dir, v, s) == ref_is_addmgr(raw, vid, sid));
	CHECK(OrgIsAdditionalManagerOf(dir, s, v) == ref_is_addmgr(raw, sid, vid));
	for (g = 0; g < dir->ngroups; g++)
	{
		CHECK(OrgIsMember(dir, s, g) == ref_is_member(raw, sid, dir->groups[g].id));
		CHECK(OrgIsMember(dir, v, g) == ref_is_member(raw, vid, dir->groups[g].id));
	}
	CHECK(OrgRolesFor(dir, v, s) == ref_roles(raw, vid, true, sid));
	CHECK(OrgRolesFor(dir, v, -1) == ref_roles(raw, vid, false, 0));
	CHECK(((dir->persons[v].flags & PERSON_HAS_REPORT) != 0) == ref_has_report(raw, vid));
	CHECK(((dir->persons[v].flags & PERSON_ADDL_MANAGER) != 0) == ref_is_any_addmgr(raw, vid));
	CHECK(((dir->persons[v].flags & PERSON_LEADS_TEAM) != 0) == ref_leads_a_team(raw, vid));
	CHECK(((dir->persons[v].flags & PERSON_ACTIVE) != 0) ==
		  raw->persons[ref_person(raw, vid)].active);
	for (cap = -1; cap < dir->ncaps; cap++)
	{
		CHECK(OrgHoldsCap(dir, v, cap, s) == ref_holds_cap(raw, vid, cap, true, sid));
		CHECK(OrgHoldsCap(dir, v, cap, -1) == ref_holds_cap(raw, vid, cap, false, 0));
	}
	CHECK(!OrgHoldsCap(dir, -1, 0, s));
}

/*
 * check_trace checks a trace against the answer and the rule the reference
 * decided by; see the file header.
 */
static void
check_trace(const OrgTrace *trace, bool allowed, const char *ref_rule)
{
	const OrgTraceStep *last;
	int			prev = 0;
	int			i;

	CHECK(trace->nsteps >= 1 && trace->nsteps <= TRACE_MAX_STEPS);
	for (i = 0; i < trace->nsteps; i++)
	{
		const OrgTraceStep *t = &trace->steps[i];

		CHECK(memchr(t->rule, '\0', sizeof(t->rule)) != NULL);
		CHECK(memchr(t->detail, '\0', sizeof(t->detail)) != NULL);
		CHECK(t->detail[0] != '\0');
		CHECK(t->step >= 1 && t->step <= 5 && t->step >= prev);
		CHECK(t->rule[0] == '0' + t->step);
		CHECK(t->rule[1] == '\0' ||
			  (t->step == 4 && t->rule[1] >= 'a' && t->rule[1] <= 'c' && t->rule[2] == '\0'));
		CHECK(i == trace->nsteps - 1 || t->outcome == OUTCOME_CONTINUE);
		prev = t->step;
	}
	last = &trace->steps[trace->nsteps - 1];
	CHECK(last->outcome == (allowed ? OUTCOME_ALLOW : OUTCOME_DENY));
	CHECK(strcmp(last->rule, ref_rule) == 0);
}

/*
 * report prints a draw that OrgDecide and the reference disagree on, with
 * both answers, before the CHECK traps; the artifact saved by libFuzzer
 * reproduces it.
 */
static void
report(const Draw *d, bool got, bool want, const char *ref_rule, const OrgTrace *trace)
{
	int			i;

	fprintf(stderr, "decide_fuzz: viewer %" PRId64 " action %s subject %" PRId64
			" kind %d cycle %s%" PRId64 " author %s%" PRId64 " audience %s0x%x shared %d:",
			d->viewer, ActionName(d->action), d->subject, d->art.kind,
			d->art.has_cycle ? "" : "(none) ", d->art.cycle,
			d->art.has_author ? "" : "(none) ", d->art.author,
			d->art.has_audience ? "" : "(none) ", d->art.audience, d->art.nshared);
	for (i = 0; i < d->art.nshared; i++)
		fprintf(stderr, " %" PRId64, d->shared[i]);
	fprintf(stderr, "\ndecide_fuzz: OrgDecide says %s, the reference says %s at rule %s\n",
			got ? "allow" : "deny", want ? "allow" : "deny", ref_rule);
	for (i = 0; trace != NULL && i < trace->nsteps; i++)
		fprintf(stderr, "decide_fuzz:   %s: %s\n", trace->steps[i].rule, trace->steps[i].detail);
}

/*
 * check_draw asks OrgDecide one question, with and without a trace, and
 * checks the answers, the trace and the helpers for the pair.
 */
static void
check_draw(const Raw *raw, const OrgDirectory *dir, Draw *d)
{
	static OrgTrace trace;
	const char *ref_rule = NULL;
	bool		want;
	bool		got;
	bool		traced;
	int64_t    *shared = NULL;
	int32_t		v;
	int32_t		s;

	/* an exactly sized shared list, so that an overrun is seen */
	if (d->art.nshared > 0)
	{
		shared = malloc(sizeof(int64_t) * d->art.nshared);
		CHECK(shared != NULL);
		memcpy(shared, d->shared, sizeof(int64_t) * d->art.nshared);
	}
	d->art.shared = shared;

	want = ref_decide(raw, d, &ref_rule);
	got = OrgDecide(dir, d->viewer, d->action, d->subject, &d->art, NULL);
	memset(&trace, 0xA5, sizeof(trace));
	trace.nsteps = 0;
	traced = OrgDecide(dir, d->viewer, d->action, d->subject, &d->art, &trace);
	if (got != want || traced != got)
		report(d, got, want, ref_rule, &trace);
	CHECK(got == want);
	CHECK(traced == got);
	check_trace(&trace, traced, ref_rule);

	v = OrgFindPerson(dir, d->viewer);
	s = OrgFindPerson(dir, d->subject);
	if (v >= 0 && s >= 0)
		check_pair_helpers(raw, dir, v, s);

	free(shared);
	d->art.shared = NULL;
}

/*
 * Row-level security: the viewer scopes of rls_core.c against OrgDecide.
 */

/* A row of a protect()ed table, as the policies see it. */
typedef struct RlsRow
{
	OrgArtifactRef art;
	int64_t		shared[MAX_SHARED];
	bool		ok;				/* OrgRowAudience: not refused to everybody */
	OrgAudience aud;			/* its audience when ok */
	const OrgCycle *cycle;		/* its cycle, or NULL */
} RlsRow;

/* One scope under test: what it was built for, and the rows it judges. */
typedef struct RlsCase
{
	const OrgDirectory *dir;
	bool		has_viewer;
	int64_t		viewer;
	bool		viewer_ok;		/* known and active: the scope may allow */
	OrgAction	action;
	int32_t		kind;
	int			nrows;
	RlsRow		rows[MAX_RLS_ROWS];
	bool		any_cycle;
	bool		any_audience;
	OrgAudience widest;
} RlsCase;

/* Every allocation of one scope, freed when the scope is done. */
typedef struct RlsArena
{
	int			n;
	void	   *p[MAX_RLS_ALLOCS];
} RlsArena;

/*
 * rls_alloc is the scope's allocator: zeroed memory of exactly size bytes
 * (one for zero), remembered in the arena.
 */
static void *
rls_alloc(void *arg, size_t size)
{
	RlsArena   *a = arg;
	void	   *p;

	CHECK(a->n < MAX_RLS_ALLOCS);
	p = calloc(1, size == 0 ? 1 : size);
	CHECK(p != NULL);
	a->p[a->n++] = p;
	return p;
}

/*
 * rls_free frees everything the arena holds.
 */
static void
rls_free(RlsArena *a)
{
	int			i;

	for (i = 0; i < a->n; i++)
		free(a->p[i]);
	a->n = 0;
}

/*
 * rls_report prints the scope, the row (when there is one) and the answers
 * that disagree, before the caller's CHECK traps; the artifact libFuzzer
 * saves reproduces it.
 */
ORACLE static void
rls_report(const RlsCase *c, const RlsRow *row, int64_t subject, OrgAudience aud,
		   const char *what)
{
	int			i;

	fprintf(stderr, "decide_fuzz: rls: %s\n", what);
	fprintf(stderr, "decide_fuzz: rls: scope of viewer %s%" PRId64 " (%s) action %s kind %d;"
			" id index %s; widest audience 0x%x (any_cycle %d, any_audience %d)\n",
			c->has_viewer ? "" : "(none) ", c->viewer,
			c->viewer_ok ? "active" : "unknown or deactivated",
			ActionName(c->action), c->kind, c->dir->dense ? "dense" : "hash",
			c->widest, c->any_cycle, c->any_audience);
	fprintf(stderr, "decide_fuzz: rls: subject %" PRId64 " audience 0x%x\n", subject, aud);
	if (row != NULL)
	{
		fprintf(stderr, "decide_fuzz: rls: row %d: cycle %s%" PRId64 " author %s%" PRId64
				" audience %s0x%x shared %d:",
				(int) (row - c->rows),
				row->art.has_cycle ? "" : "(none) ", row->art.cycle,
				row->art.has_author ? "" : "(none) ", row->art.author,
				row->art.has_audience ? "" : "(none) ", row->art.audience, row->art.nshared);
		for (i = 0; i < row->art.nshared; i++)
			fprintf(stderr, " %" PRId64, row->shared[i]);
		fprintf(stderr, "; OrgRowAudience %s, audience 0x%x\n",
				row->ok ? "true" : "false", row->aud);
	}
}

/* RLS_CHECK is CHECK with the scope, row and subject reported first. */
#define RLS_CHECK(cond, c, row, subject, aud) \
	do { \
		if (!(cond)) \
		{ \
			rls_report((c), (row), (subject), (aud), #cond); \
			fuzz_fail(#cond, __LINE__); \
		} \
	} while (0)

/*
 * ref_row_audience applies rule 2 to a row from the raw tables: false when
 * the row names a cycle that does not exist or is of another kind, else
 * the audience that decides the action, and the row's raw cycle.
 */
ORACLE static bool
ref_row_audience(const Raw *raw, OrgAction action, const OrgArtifactRef *art,
				 OrgAudience *aud, const RawCycle **cycle)
{
	const RawKind *kind = &raw->kinds[art->kind];
	bool		read = ACTION_IS_READ(action);
	int			i;

	*cycle = NULL;
	if (art->has_cycle)
	{
		for (i = 0; i < raw->ncycles; i++)
		{
			if (raw->cycles[i].id == art->cycle)
				*cycle = &raw->cycles[i];
		}
		if (*cycle == NULL || (*cycle)->kind != art->kind)
			return false;
	}
	if (read && art->has_audience)
		*aud = art->audience;
	else if (read && *cycle != NULL && (*cycle)->has_audience)
		*aud = (*cycle)->audience;
	else
		*aud = kind->def[action];
	*aud &= kind->cap;
	return true;
}

/*
 * ref_widest is OrgWidestAudience by its definition: the default, every
 * audience of a cycle of the kind (with any_cycle), everything (with
 * any_audience) -- the last two for reads only -- within the kind's cap.
 */
ORACLE static OrgAudience
ref_widest(const Raw *raw, OrgAction action, int kind, bool any_cycle, bool any_audience)
{
	OrgAudience aud = raw->kinds[kind].def[action];
	int			i;

	if (ACTION_IS_READ(action) && any_audience)
		aud = AUDIENCE_ALL;
	if (ACTION_IS_READ(action) && any_cycle)
	{
		for (i = 0; i < raw->ncycles; i++)
		{
			if (raw->cycles[i].kind == kind && raw->cycles[i].has_audience)
				aud |= raw->cycles[i].audience;
		}
	}
	return aud & raw->kinds[kind].cap;
}

/*
 * ref_row_relations returns the relations of v to a row that depend on the
 * row alone: author, owner (of the row's cycle) and shared.
 */
ORACLE static OrgAudience
ref_row_relations(const Raw *raw, int64_t v, const OrgArtifactRef *art)
{
	OrgAudience rel = 0;
	int			i;

	if (art->has_author && art->author == v)
		rel |= 1u << REL_AUTHOR;
	if (art->has_cycle)
	{
		for (i = 0; i < raw->ncycles; i++)
		{
			if (raw->cycles[i].id == art->cycle && raw->cycles[i].owner == v)
				rel |= 1u << REL_OWNER;
		}
	}
	for (i = 0; i < art->nshared; i++)
	{
		if (art->shared[i] == v)
			rel |= 1u << REL_SHARED;
	}
	return rel;
}

/*
 * ref_may_list reports whether s may be in the superset of v's subject arm
 * under aud at all: s is v (subject), below v (managers), a primary or
 * additional report of v (direct_manager), a member of a team v leads
 * (team_lead), or a member of a group v holds a grant scoped to, when hr
 * is in the audience and a role may reach the kind.  Nobody else can be
 * allowed without a global capability (the superset is then -1).
 */
ORACLE static bool
ref_may_list(const Raw *raw, int64_t v, int64_t s, int kind, OrgAction action, OrgAudience aud)
{
	int			si = ref_person(raw, s);
	int			i;

	if ((aud & (1u << REL_SUBJECT)) && v == s)
		return true;
	if ((aud & (1u << REL_MANAGERS)) && ref_is_above(raw, v, s))
		return true;
	if ((aud & (1u << REL_DIRECT_MANAGER)) &&
		(raw->persons[si].manager == v || ref_is_addmgr(raw, v, s)))
		return true;
	if ((aud & (1u << REL_TEAM_LEAD)) && ref_leads_team_of(raw, v, s))
		return true;
	if ((aud & (1u << REL_HR)) && raw->kinds[kind].role_access &&
		ref_action_cap(raw, kind, action) >= 0)
	{
		for (i = 0; i < raw->ngrants; i++)
		{
			const RawGrant *g = &raw->grants[i];

			if (g->person == v && g->scope != 0 && g->role != ROLE_UNKNOWN &&
				ref_is_member(raw, s, g->scope))
				return true;
		}
	}
	return false;
}

/*
 * gen_rls_row makes one row of the scope's kind for viewer v: mostly in a
 * cycle of the kind, now and then in a cycle of another kind or an unknown
 * one, with or without author, audience and shared list.
 */
static void
gen_rls_row(Source *src, const Raw *raw, int64_t v, int kind, RlsRow *row)
{
	OrgArtifactRef *art = &row->art;
	int			same[MAX_CYCLES];
	int			nsame = 0;
	int			i;

	memset(row, 0, sizeof(*row));
	art->kind = kind;
	for (i = 0; i < raw->ncycles; i++)
	{
		if (raw->cycles[i].kind == kind)
			same[nsame++] = i;
	}
	art->has_cycle = chance(src, 4);
	if (art->has_cycle)
	{
		if (nsame > 0 && chance(src, 6))
			art->cycle = raw->cycles[same[below(src, nsame)]].id;
		else if (raw->ncycles > 0 && chance(src, 4))
			art->cycle = raw->cycles[below(src, raw->ncycles)].id;
		else
			art->cycle = 1 + below(src, 4 * MAX_CYCLES);
	}
	art->has_author = chance(src, 4);
	if (art->has_author)
		art->author = chance(src, 4) ? v : pick_person(src, raw);
	art->has_audience = chance(src, 3);
	if (art->has_audience)
		art->audience = rand_audience(src);
	art->nshared = below(src, MAX_SHARED + 1);
	for (i = 0; i < art->nshared; i++)
		row->shared[i] = chance(src, 3) ? v : pick_person(src, raw);
	art->shared = NULL;
}

/*
 * check_superset checks OrgScopeSupersetBound and OrgScopeSuperset under
 * aud: -1 from both or neither; otherwise a list of at most bound sorted,
 * distinct person indexes that holds every person in allowed (those the
 * subject arm allowed under aud or a narrower audience) and nobody
 * ref_may_list rules out; -1 only for a public audience or a capability
 * the viewer holds globally; 0 and nothing for a scope without a viewer.
 */
ORACLE static void
check_superset(const Raw *raw, RlsCase *c, OrgScope *sc, OrgAudience aud, const bool *allowed)
{
	const OrgDirectory *dir = c->dir;
	int64_t		bound = OrgScopeSupersetBound(sc, aud);
	int32_t    *list = NULL;
	int32_t		n = OrgScopeSuperset(sc, aud, &list);
	int32_t		i;
	int32_t		k;

	RLS_CHECK((bound == -1) == (n == -1), c, NULL, 0, aud);
	if (!c->viewer_ok)
	{
		RLS_CHECK(bound == 0 && n == 0 && list == NULL, c, NULL, 0, aud);
		return;
	}
	if (n == -1)
	{
		int32_t		cap = ref_action_cap(raw, c->kind, c->action);

		RLS_CHECK((aud & (1u << REL_PUBLIC)) ||
				  ((aud & (1u << REL_HR)) && raw->kinds[c->kind].role_access &&
				   ref_holds_cap(raw, c->viewer, cap, false, 0)), c, NULL, 0, aud);
		return;
	}
	RLS_CHECK(n >= 0 && n <= bound && n <= dir->npersons, c, NULL, 0, aud);
	RLS_CHECK(n == 0 || list != NULL, c, NULL, 0, aud);
	for (i = 0; i < n; i++)
	{
		RLS_CHECK(list[i] >= 0 && list[i] < dir->npersons, c, NULL, 0, aud);
		RLS_CHECK(i == 0 || list[i - 1] < list[i], c, NULL, 0, aud);
		RLS_CHECK(ref_may_list(raw, c->viewer, dir->persons[list[i]].id, c->kind,
							   c->action, aud),
				  c, NULL, dir->persons[list[i]].id, aud);
	}
	for (k = 0, i = 0; i < dir->npersons; i++)
	{
		while (k < n && list[k] < i)
			k++;
		RLS_CHECK(!allowed[i] || (k < n && list[k] == i), c, NULL, dir->persons[i].id, aud);
	}
}

/*
 * check_rls builds the scope of the draw's viewer (now and then none) for
 * its action and kind, and checks it against OrgDecide on every person
 * (and a few unknown ids) as subject and a handful of rows, twice over so
 * that the memos fill and are read back:
 *
 *	- OrgRowAudience agrees with rule 2 (ref_row_audience);
 *	- OrgDecide == ok && (OrgScopeSubject || OrgScopeRow), and a scope
 *	  without a viewer allows nothing;
 *	- the subject arm is OrgDecide on a row that carries the audience and
 *	  no author, cycle or shared list, and the row arm is the author, owner
 *	  and shared relations within the audience (ref_row_relations);
 *	- OrgWidestAudience is its definition (ref_widest), holds every row's
 *	  audience, and the subject arm allows under it whom it allows under
 *	  any row's;
 *	- the supersets under the widest audience and under every row's hold
 *	  whom the subject arm allowed (check_superset).
 */
ORACLE static void
check_rls(Source *src, const Raw *raw, const OrgDirectory *dir, const Draw *d)
{
	static RlsCase c;
	static bool allowed[MAX_RLS_ROWS][MAX_PERSONS];
	static bool allowed_any[MAX_PERSONS];
	static bool allowed_widest[MAX_PERSONS];
	static bool wants[MAX_RLS_ROWS][MAX_PERSONS + RLS_UNKNOWN];
	static bool subj_wants[MAX_RLS_ROWS][MAX_PERSONS + RLS_UNKNOWN];
	static bool row_wants[MAX_RLS_ROWS][MAX_PERSONS + RLS_UNKNOWN];
	int64_t		subjects[MAX_PERSONS + RLS_UNKNOWN];
	int64_t    *shared[MAX_RLS_ROWS];
	int			nsubjects = 0;
	int			vi;
	OrgScope	sc;
	RlsArena	arena;
	int			pass;
	int			r;
	int			i;

	memset(&c, 0, sizeof(c));
	memset(allowed, 0, sizeof(allowed));
	memset(allowed_any, 0, sizeof(allowed_any));
	memset(allowed_widest, 0, sizeof(allowed_widest));
	arena.n = 0;
	c.dir = dir;
	c.has_viewer = !chance(src, 1);
	c.viewer = d->viewer;
	c.action = d->action;
	c.kind = d->art.kind;
	vi = ref_person(raw, c.viewer);
	c.viewer_ok = c.has_viewer && vi >= 0 && raw->persons[vi].active;

	/* the rows, each with an exactly sized shared list */
	c.nrows = 1 + below(src, MAX_RLS_ROWS);
	for (r = 0; r < c.nrows; r++)
	{
		RlsRow	   *row = &c.rows[r];
		OrgAudience ref_aud = 0;
		const RawCycle *ref_cycle;
		bool		ref_ok;

		gen_rls_row(src, raw, c.viewer, c.kind, row);
		shared[r] = NULL;
		if (row->art.nshared > 0)
		{
			shared[r] = malloc(sizeof(int64_t) * row->art.nshared);
			CHECK(shared[r] != NULL);
			memcpy(shared[r], row->shared, sizeof(int64_t) * row->art.nshared);
		}
		row->art.shared = shared[r];
		row->aud = 0;
		row->ok = OrgRowAudience(dir, c.action, c.kind, row->art.has_cycle, row->art.cycle,
								 row->art.has_audience, row->art.audience,
								 &row->aud, &row->cycle);
		ref_ok = ref_row_audience(raw, c.action, &row->art, &ref_aud, &ref_cycle);
		RLS_CHECK(row->ok == ref_ok, &c, row, 0, row->aud);
		RLS_CHECK(!row->ok || row->aud == ref_aud, &c, row, 0, ref_aud);
		RLS_CHECK(!row->ok || (row->cycle == NULL) == !row->art.has_cycle, &c, row, 0, row->aud);
		RLS_CHECK(row->cycle == NULL || row->cycle->id == row->art.cycle, &c, row, 0, row->aud);
		c.any_cycle |= row->art.has_cycle;
		c.any_audience |= row->art.has_audience;
	}
	c.any_cycle |= chance(src, 4);
	c.any_audience |= chance(src, 1);
	c.widest = OrgWidestAudience(dir, c.action, c.kind, c.any_cycle, c.any_audience);
	RLS_CHECK(c.widest == ref_widest(raw, c.action, c.kind, c.any_cycle, c.any_audience),
			  &c, NULL, 0, c.widest);
	for (r = 0; r < c.nrows; r++)
		RLS_CHECK(!c.rows[r].ok || (c.rows[r].aud & ~c.widest) == 0,
				  &c, &c.rows[r], 0, c.rows[r].aud);

	/* every person, from a random one on, then unknown ids */
	{
		int			start = below(src, dir->npersons);

		for (i = 0; i < dir->npersons; i++)
			subjects[nsubjects++] = dir->persons[(start + i) % dir->npersons].id;
		for (i = 0; i < RLS_UNKNOWN; i++)
			subjects[nsubjects++] = fresh_id(src, raw);
	}

	OrgScopeInit(&sc, dir, c.has_viewer, c.viewer, c.action, c.kind, rls_alloc, &arena);
	for (pass = 0; pass < 2; pass++)
	{
		for (r = 0; r < c.nrows; r++)
		{
			RlsRow	   *row = &c.rows[r];

			for (i = 0; i < nsubjects; i++)
			{
				int64_t		s = subjects[i];
				int32_t		si = OrgFindPerson(dir, s);
				bool		want;
				bool		subj = false;
				bool		rowarm = false;
				char		what[160];

				/* OrgDecide's answers do not change: the second pass reuses them */
				if (pass == 0)
					wants[r][i] = OrgDecide(dir, c.viewer, c.action, s, &row->art, NULL);
				want = wants[r][i];
				if (row->ok)
				{
					subj = OrgScopeSubject(&sc, s, row->aud);
					rowarm = OrgScopeRow(&sc, s, row->aud, row->cycle,
										 row->art.has_author, row->art.author,
										 row->art.nshared, row->art.shared);
				}
				snprintf(what, sizeof(what),
						 "pass %d: OrgDecide %d, subject arm %d, row arm %d", pass,
						 want, subj, rowarm);
				if (!c.has_viewer)
					RLS_CHECK(!subj && !rowarm, &c, row, s, row->aud);
				else if (want != (row->ok && (subj || rowarm)))
				{
					rls_report(&c, row, s, row->aud, what);
					fuzz_fail("OrgDecide == OrgRowAudience && (OrgScopeSubject || OrgScopeRow)",
							  __LINE__);
				}
				if (!row->ok)
					continue;

				/* each arm on its own (the second pass reads the memos) */
				if (pass == 0)
				{
					OrgArtifactRef plain;

					memset(&plain, 0, sizeof(plain));
					plain.kind = c.kind;
					plain.has_audience = true;
					plain.audience = row->aud & (OrgAudience) ~ROW_RELATIONS;
					subj_wants[r][i] = c.has_viewer &&
						OrgDecide(dir, c.viewer, c.action, s, &plain, NULL);
					row_wants[r][i] = c.viewer_ok && si >= 0 &&
						(ref_row_relations(raw, c.viewer, &row->art) & row->aud) != 0;
				}
				if (subj != subj_wants[r][i] || rowarm != row_wants[r][i])
					rls_report(&c, row, s, row->aud, what);
				RLS_CHECK(subj == subj_wants[r][i], &c, row, s, row->aud);
				RLS_CHECK(rowarm == row_wants[r][i], &c, row, s, row->aud);
				if (si >= 0 && subj)
				{
					allowed[r][si] = true;
					allowed_any[si] = true;
				}
			}
		}
	}

	/* the widest audience: monotone, and the arm under it is exact too */
	for (i = 0; i < dir->npersons; i++)
	{
		int64_t		s = dir->persons[i].id;
		OrgArtifactRef plain;

		memset(&plain, 0, sizeof(plain));
		plain.kind = c.kind;
		plain.has_audience = true;
		plain.audience = c.widest & (OrgAudience) ~ROW_RELATIONS;
		allowed_widest[i] = OrgScopeSubject(&sc, s, c.widest);
		RLS_CHECK(allowed_widest[i] ==
				  (c.has_viewer && OrgDecide(dir, c.viewer, c.action, s, &plain, NULL)),
				  &c, NULL, s, c.widest);
		RLS_CHECK(allowed_widest[i] || !allowed_any[i], &c, NULL, s, c.widest);
		allowed_widest[i] |= allowed_any[i];
	}

	/* the supersets, under the widest audience and under each row's */
	check_superset(raw, &c, &sc, c.widest, allowed_widest);
	for (r = 0; r < c.nrows; r++)
	{
		if (c.rows[r].ok)
			check_superset(raw, &c, &sc, c.rows[r].aud, allowed[r]);
	}

	rls_free(&arena);
	for (r = 0; r < c.nrows; r++)
		free(shared[r]);
}

/*
 * LLVMFuzzerTestOneInput builds one organisation from the input and checks
 * the look-ups and a series of decisions; see the file header.  It always
 * returns 0: violations trap instead.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static Raw	raw;
	OrgDirectory *dir;
	Source		src;
	Draw		d;
	int			ndraws;
	int			i;

	check_names();
	src_init(&src, data, size);
	gen_raw(&src, &raw);

	dir = Alloc0(sizeof(OrgDirectory));
	build_model(&raw, dir);
	build_persons(&raw, dir, (IndexShape) below(&src, 3));
	build_relations(&raw, dir);

	check_lookups(&src, &raw, dir);
	ndraws = 1 + below(&src, MAX_DRAWS);
	for (i = 0; i < ndraws; i++)
	{
		gen_draw(&src, &raw, &d);
		check_draw(&raw, dir, &d);
		/* the scope of the first draw's viewer, and of about one in eight */
		if (i == 0 || chance(&src, 1))
			check_rls(&src, &raw, dir, &d);
	}

	free_directory(dir);
	free(dir);
	return 0;
}
