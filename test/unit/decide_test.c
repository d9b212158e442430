/*-------------------------------------------------------------------------
 *
 * decide_test.c
 *	  Unit tests of the pure-C decision core (src/decide_core.c) and the set
 *	  text form (src/sets_core.c), on a small hand-built company.
 *
 * The company, by primary line (ids; "*" marks a deactivated person):
 *
 *	1 ceo
 *	+- 2 vp_eng
 *	|  +- 4 eng_mgr ........ additional manager of 9
 *	|  |  +- 7 dev ......... lead of team 200 (members 7, 8)
 *	|  |  +- 8 dev
 *	|  |  +- 10 dev*
 *	|  +- 5 eng_mgr
 *	|     +- 9 dev
 *	+- 3 vp_people ......... hr_admin
 *	   +- 6 hrbp ........... hrbp scoped to location 100 (members 7, 8),
 *	                         additional manager of 8, hr_admin scoped to
 *	                         team 200
 *	11 contractor .......... no manager; hr_admin + tech_admin; lead of
 *	                         location 100 (not a team); additional
 *	                         manager of 3
 *
 * Kinds: review (roles may reach it), private_feedback (never by role,
 * capped to {subject,author}), objective.  Rules: review.view for
 * hr_admin and for hrbp, review.delete for hr_admin + tech_admin,
 * review.aggregate for anyone with a report, objective.view for hr_admin.
 *
 * Each scenario asks OrgDecide with and without a trace and checks the
 * answer and the rule the trace ends on.  The directory is built the way
 * src/model_cache.c's loader builds it (persons in path order, subtree
 * ends, id hash, sorted compressed rows).  Prints "unit: N checks passed",
 * or every failed check and exits 1.
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  test/unit/decide_test.c
 *
 *-------------------------------------------------------------------------
 */
#include "decide_core.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* storage limits of the hand-built directory */
#define MAXP		16			/* persons */
#define MAXG		4			/* groups */
#define MAXK		3			/* kinds */
#define MAXC		4			/* cycles */
#define MAXR		8			/* rules */
#define MAXPAIRS	32			/* rows of each relation table */
#define HASH_SIZE	32			/* a power of two >= 2 * MAXP */

/* the capability layout of the loader */
#define N_DIRECTORY_CAPS	5
#define CAPS_PER_KIND		(ACT_COUNT + CYC_COUNT)
#define NCAPS				(N_DIRECTORY_CAPS + MAXK * CAPS_PER_KIND)

/* role bits */
#define ROLE_HR_ADMIN	0
#define ROLE_TECH_ADMIN 1
#define ROLE_HRBP		2
#define ROLE(b)			(UINT64_C(1) << (b))

/* kind indexes */
#define K_REVIEW		0
#define K_PRIVATE		1
#define K_OBJECTIVE		2

/* audience shorthand */
#define R(r)			((OrgAudience) (1u << (r)))
#define A_SUBJECT		R(REL_SUBJECT)
#define A_AUTHOR		R(REL_AUTHOR)
#define A_DIRECT		R(REL_DIRECT_MANAGER)
#define A_MANAGERS		R(REL_MANAGERS)
#define A_OWNER			R(REL_OWNER)
#define A_SHARED		R(REL_SHARED)
#define A_TEAM_LEAD		R(REL_TEAM_LEAD)
#define A_PUBLIC		R(REL_PUBLIC)
#define A_HR			R(REL_HR)

/* The raw rows of the company, before the directory is built. */
typedef struct Company
{
	int			np;
	int64_t		id[MAXP];
	int64_t		manager[MAXP];
	bool		active[MAXP];
	OrgRoleMask roles[MAXP];
	int			naddmgr;
	int64_t		addmgr[MAXPAIRS][2];	/* person, manager */
	int			ngroups;
	int64_t		group_id[MAXG];
	int			group_kind[MAXG];
	int			nmembers;
	int64_t		member[MAXPAIRS][2];	/* person, group */
	int			nleads;
	int64_t		lead[MAXPAIRS][2];	/* group, person */
	int			nscoped;
	int64_t		scoped[MAXPAIRS][2];	/* person, group */
	OrgRoleMask scoped_roles[MAXPAIRS];
} Company;

/* The directory and the arrays it points into. */
typedef struct Built
{
	OrgDirectory dir;
	OrgPerson	persons[MAXP + 1];
	int32_t		hash[HASH_SIZE];
	int32_t		addmgr_off[MAXP + 1];
	int32_t		addmgr[MAXPAIRS];
	int32_t		member_off[MAXP + 1];
	int32_t		member[MAXPAIRS];
	int32_t		scoped_off[MAXP + 1];
	OrgScoped	scoped[MAXPAIRS];
	OrgGroup	groups[MAXG];
	int32_t		leads[MAXPAIRS];
	OrgCycle	cycles[MAXC];
	OrgKind		kinds[MAXK];
	char		cap_names[NCAPS][ORG_NAME_MAX];
	OrgCapRule	rules[MAXR];
	OrgLogin	logins[1];
} Built;

static int	checks = 0;
static int	failures = 0;
static Company co;
static Built b;

/*
 * expect counts one check, and reports it when it failed.
 */
static void
expect(bool ok, const char *scenario, const char *what, int line)
{
	checks++;
	if (!ok)
	{
		failures++;
		fprintf(stderr, "unit: FAILED at decide_test.c:%d: %s: %s\n", line, scenario, what);
	}
}

#define EXPECT(scenario, cond) expect((cond), (scenario), #cond, __LINE__)

/*
 * add_person adds a person row (manager 0: none).
 */
static void
add_person(int64_t id, int64_t manager, bool active, OrgRoleMask roles)
{
	co.id[co.np] = id;
	co.manager[co.np] = manager;
	co.active[co.np] = active;
	co.roles[co.np] = roles;
	co.np++;
}

/*
 * add_group adds a group row.
 */
static void
add_group(int64_t id, int kind)
{
	co.group_id[co.ngroups] = id;
	co.group_kind[co.ngroups] = kind;
	co.ngroups++;
}

/*
 * row_of returns the row of person id in the company, or -1.
 */
static int
row_of(int64_t id)
{
	for (int i = 0; i < co.np; i++)
	{
		if (co.id[i] == id)
			return i;
	}
	return -1;
}

/*
 * path_of writes the ids of row i's path, top first, and returns how many.
 */
static int
path_of(int i, int64_t *ids)
{
	int64_t		rev[MAXP];
	int			n = 0;

	while (i >= 0)
	{
		rev[n++] = co.id[i];
		i = co.manager[i] ? row_of(co.manager[i]) : -1;
	}
	for (int k = 0; k < n; k++)
		ids[k] = rev[n - 1 - k];
	return n;
}

/*
 * path_less reports whether row a's path sorts before row b's: the first
 * differing id decides, else the ancestor comes first.
 */
static bool
path_less(int a, int b2)
{
	int64_t		pa[MAXP];
	int64_t		pb[MAXP];
	int			na = path_of(a, pa);
	int			nb = path_of(b2, pb);

	for (int k = 0; k < na && k < nb; k++)
	{
		if (pa[k] != pb[k])
			return pa[k] < pb[k];
	}
	return na < nb;
}

/*
 * index_of returns the directory index of person id (a linear scan).
 */
static int32_t
index_of(int64_t id)
{
	for (int32_t i = 0; i < b.dir.npersons; i++)
	{
		if (b.persons[i].id == id)
			return i;
	}
	return -1;
}

/*
 * group_index returns the directory index of group id (a linear scan).
 */
static int32_t
group_index(int64_t id)
{
	for (int32_t i = 0; i < b.dir.ngroups; i++)
	{
		if (b.groups[i].id == id)
			return i;
	}
	return -1;
}

/*
 * insert_sorted adds v to the sorted run vals[lo..*hi) unless it is there.
 */
static void
insert_sorted(int32_t *vals, int lo, int *hi, int32_t v)
{
	int			i = *hi;

	for (int k = lo; k < *hi; k++)
	{
		if (vals[k] == v)
			return;
	}
	while (i > lo && vals[i - 1] > v)
	{
		vals[i] = vals[i - 1];
		i--;
	}
	vals[i] = v;
	(*hi)++;
}

/*
 * build_rows turns (key, value) pairs, already as indexes, into compressed
 * sparse rows with sorted, distinct values per key.
 */
static void
build_rows(const int32_t (*pairs)[2], int n, int nkeys, int32_t *off, int32_t *vals)
{
	int			m = 0;

	for (int k = 0; k < nkeys; k++)
	{
		off[k] = m;
		for (int i = 0; i < n; i++)
		{
			if (pairs[i][0] == k)
				insert_sorted(vals, off[k], &m, pairs[i][1]);
		}
	}
	off[nkeys] = m;
}

/*
 * build_company builds the directory from the company rows and the model
 * below, as the loader would.
 */
static void
build_company(void)
{
	int			order[MAXP];
	int32_t		pairs[MAXPAIRS][2];
	int			np;
	OrgDirectory *dir = &b.dir;

	memset(&b, 0, sizeof(b));

	/* the model: roles, kinds, capabilities, rules */
	snprintf(dir->model, ORG_NAME_MAX, "unit");
	snprintf(dir->role_names[ROLE_HR_ADMIN], ORG_NAME_MAX, "hr_admin");
	snprintf(dir->role_names[ROLE_TECH_ADMIN], ORG_NAME_MAX, "tech_admin");
	snprintf(dir->role_names[ROLE_HRBP], ORG_NAME_MAX, "hrbp");
	dir->nroles = 3;
	dir->super_roles = ROLE(ROLE_HR_ADMIN) | ROLE(ROLE_TECH_ADMIN);
	dir->nkinds = MAXK;
	dir->kinds = b.kinds;
	dir->ncaps = NCAPS;
	dir->cap_names = b.cap_names;
	for (int i = 0; i < N_DIRECTORY_CAPS; i++)
		snprintf(b.cap_names[i], ORG_NAME_MAX, "directory.%d", i);
	for (int k = 0; k < MAXK; k++)
	{
		static const char *const names[MAXK] = {"review", "private_feedback", "objective"};
		OrgKind    *kind = &b.kinds[k];
		int			base = N_DIRECTORY_CAPS + k * CAPS_PER_KIND;

		snprintf(kind->name, ORG_NAME_MAX, "%s", names[k]);
		kind->name_len = strlen(kind->name);
		for (int a = 0; a < ACT_COUNT; a++)
		{
			kind->action_cap[a] = base + a;
			snprintf(b.cap_names[base + a], ORG_NAME_MAX, "%s.%s", names[k], ActionName(a));
		}
		for (int c = 0; c < CYC_COUNT; c++)
		{
			kind->cycle_cap[c] = base + ACT_COUNT + c;
			snprintf(b.cap_names[base + ACT_COUNT + c], ORG_NAME_MAX, "%s.%s", names[k],
					 CycleActionName(c));
		}
	}
	b.kinds[K_REVIEW].role_access = true;
	b.kinds[K_REVIEW].cap = AUDIENCE_ALL;
	b.kinds[K_REVIEW].def[ACT_VIEW] = A_SUBJECT | A_DIRECT | A_MANAGERS | A_HR;
	b.kinds[K_REVIEW].def[ACT_CREATE] = A_DIRECT | A_HR;
	b.kinds[K_REVIEW].def[ACT_EDIT] = A_AUTHOR;
	b.kinds[K_REVIEW].def[ACT_DELETE] = A_HR;
	b.kinds[K_REVIEW].def[ACT_AGGREGATE] = A_MANAGERS | A_HR;
	b.kinds[K_REVIEW].def[ACT_UNVEIL_AUTHOR] = 0;
	b.kinds[K_PRIVATE].role_access = false;
	b.kinds[K_PRIVATE].cap = A_SUBJECT | A_AUTHOR;
	b.kinds[K_PRIVATE].def[ACT_VIEW] = A_SUBJECT | A_AUTHOR | A_MANAGERS | A_HR;
	b.kinds[K_OBJECTIVE].role_access = true;
	b.kinds[K_OBJECTIVE].cap = AUDIENCE_ALL;
	b.kinds[K_OBJECTIVE].def[ACT_VIEW] = A_SUBJECT | A_TEAM_LEAD | A_HR;
	b.kinds[K_OBJECTIVE].def[ACT_EDIT] = A_SUBJECT;

	dir->rules = b.rules;
	b.rules[0] = (OrgCapRule) {ROLE(ROLE_HR_ADMIN), b.kinds[K_REVIEW].action_cap[ACT_VIEW], false};
	b.rules[1] = (OrgCapRule) {ROLE(ROLE_HRBP), b.kinds[K_REVIEW].action_cap[ACT_VIEW], false};
	b.rules[2] = (OrgCapRule) {ROLE(ROLE_HR_ADMIN) | ROLE(ROLE_TECH_ADMIN),
	b.kinds[K_REVIEW].action_cap[ACT_DELETE], false};
	b.rules[3] = (OrgCapRule) {0, b.kinds[K_REVIEW].action_cap[ACT_AGGREGATE], true};
	b.rules[4] = (OrgCapRule) {ROLE(ROLE_HR_ADMIN), b.kinds[K_OBJECTIVE].action_cap[ACT_VIEW], false};
	dir->nrules = 5;

	/* persons in path order, the hash, parents, flags, subtree ends */
	for (int i = 0; i < co.np; i++)
	{
		int			j = i;

		/* insertion sort by path */
		while (j > 0 && path_less(i, order[j - 1]))
		{
			order[j] = order[j - 1];
			j--;
		}
		order[j] = i;
	}
	dir->npersons = co.np;
	dir->persons = b.persons;
	dir->hash = b.hash;
	{
		uint32_t	size = 2;

		while (size < 2 * (uint32_t) co.np)
			size <<= 1;
		dir->hash_mask = size - 1;
		memset(b.hash, 0xff, sizeof(b.hash));
	}
	for (int r = 0; r < co.np; r++)
	{
		int			row = order[r];
		uint32_t	h = OrgHashId(co.id[row]) & dir->hash_mask;

		b.persons[r].id = co.id[row];
		b.persons[r].roles = co.roles[row];
		b.persons[r].flags = co.active[row] ? PERSON_ACTIVE : 0;
		b.persons[r].last = r;
		while (b.hash[h] >= 0)
			h = (h + 1) & dir->hash_mask;
		b.hash[h] = r;
	}
	for (int r = 0; r < co.np; r++)
	{
		int64_t		m = co.manager[order[r]];

		b.persons[r].parent = m ? index_of(m) : -1;
		if (b.persons[r].parent >= 0)
			b.persons[b.persons[r].parent].flags |= PERSON_HAS_REPORT;
	}
	for (int r = co.np - 1; r >= 0; r--)
	{
		int32_t		p = b.persons[r].parent;

		if (p >= 0 && b.persons[r].last > b.persons[p].last)
			b.persons[p].last = b.persons[r].last;
	}

	/* groups, sorted by id (the rows are added in id order) */
	dir->ngroups = co.ngroups;
	dir->groups = b.groups;
	for (int g = 0; g < co.ngroups; g++)
	{
		b.groups[g].id = co.group_id[g];
		b.groups[g].kind = co.group_kind[g];
	}

	/* additional managers, memberships, leads */
	for (np = 0; np < co.naddmgr; np++)
	{
		pairs[np][0] = index_of(co.addmgr[np][0]);
		pairs[np][1] = index_of(co.addmgr[np][1]);
		b.persons[pairs[np][1]].flags |= PERSON_HAS_REPORT;
	}
	build_rows((const int32_t (*)[2]) pairs, np, co.np, b.addmgr_off, b.addmgr);
	dir->addmgr_off = b.addmgr_off;
	dir->addmgr = b.addmgr;
	for (np = 0; np < co.nmembers; np++)
	{
		pairs[np][0] = index_of(co.member[np][0]);
		pairs[np][1] = group_index(co.member[np][1]);
	}
	build_rows((const int32_t (*)[2]) pairs, np, co.np, b.member_off, b.member);
	dir->member_off = b.member_off;
	dir->member = b.member;
	{
		int32_t		off[MAXG + 1];

		for (np = 0; np < co.nleads; np++)
		{
			pairs[np][0] = group_index(co.lead[np][0]);
			pairs[np][1] = index_of(co.lead[np][1]);
		}
		build_rows((const int32_t (*)[2]) pairs, np, co.ngroups, off, b.leads);
		for (int g = 0; g < co.ngroups; g++)
		{
			b.groups[g].lead_off = off[g];
			b.groups[g].nleads = off[g + 1] - off[g];
		}
		dir->leads = b.leads;
	}

	/* scoped grants: one entry per (person, group), by group index */
	{
		int			m = 0;

		for (int p = 0; p < co.np; p++)
		{
			b.scoped_off[p] = m;
			for (int g = 0; g < co.ngroups; g++)
			{
				OrgRoleMask roles = 0;

				for (int i = 0; i < co.nscoped; i++)
				{
					if (index_of(co.scoped[i][0]) == p && group_index(co.scoped[i][1]) == g)
						roles |= co.scoped_roles[i];
				}
				if (roles)
				{
					b.scoped[m].roles = roles;
					b.scoped[m].group = g;
					m++;
				}
			}
		}
		b.scoped_off[co.np] = m;
		dir->scoped_off = b.scoped_off;
		dir->scoped = b.scoped;
	}

	/* cycles, sorted by id: 30 hides from managers, 31 shows hr only */
	dir->ncycles = 3;
	dir->cycles = b.cycles;
	b.cycles[0] = (OrgCycle) {30, 3, K_REVIEW, true, A_SUBJECT | A_HR};
	b.cycles[1] = (OrgCycle) {31, 0, K_REVIEW, false, 0};
	b.cycles[2] = (OrgCycle) {32, 7, K_OBJECTIVE, true, A_OWNER};
	dir->nlogins = 0;
	dir->logins = b.logins;
}

/*
 * make_company fills the company rows of the file header.
 */
static void
make_company(void)
{
	memset(&co, 0, sizeof(co));
	add_person(1, 0, true, 0);
	add_person(2, 1, true, 0);
	add_person(3, 1, true, ROLE(ROLE_HR_ADMIN));
	add_person(4, 2, true, 0);
	add_person(5, 2, true, 0);
	add_person(6, 3, true, 0);
	add_person(7, 4, true, 0);
	add_person(8, 4, true, 0);
	add_person(9, 5, true, 0);
	add_person(10, 4, false, 0);
	add_person(11, 0, true, ROLE(ROLE_HR_ADMIN) | ROLE(ROLE_TECH_ADMIN));

	co.addmgr[co.naddmgr][0] = 9;	/* 4 is an additional manager of 9 */
	co.addmgr[co.naddmgr++][1] = 4;
	co.addmgr[co.naddmgr][0] = 8;	/* 6 is an additional manager of 8 */
	co.addmgr[co.naddmgr++][1] = 6;
	co.addmgr[co.naddmgr][0] = 3;	/* 11 is an additional manager of 3 */
	co.addmgr[co.naddmgr++][1] = 11;

	add_group(100, GROUP_LOCATION);
	add_group(200, GROUP_TEAM);
	co.member[co.nmembers][0] = 7;
	co.member[co.nmembers++][1] = 100;
	co.member[co.nmembers][0] = 8;
	co.member[co.nmembers++][1] = 100;
	co.member[co.nmembers][0] = 7;
	co.member[co.nmembers++][1] = 200;
	co.member[co.nmembers][0] = 8;
	co.member[co.nmembers++][1] = 200;
	co.lead[co.nleads][0] = 200;	/* 7 leads team 200, of which 7 is a member */
	co.lead[co.nleads++][1] = 7;
	co.lead[co.nleads][0] = 100;	/* 11 leads location 100: not a team */
	co.lead[co.nleads++][1] = 11;

	co.scoped[co.nscoped][0] = 6;	/* 6 is hrbp for location 100 */
	co.scoped[co.nscoped][1] = 100;
	co.scoped_roles[co.nscoped++] = ROLE(ROLE_HRBP);
	co.scoped[co.nscoped][0] = 6;	/* and hr_admin for team 200 */
	co.scoped[co.nscoped][1] = 200;
	co.scoped_roles[co.nscoped++] = ROLE(ROLE_HR_ADMIN);
}

/*
 * art_of returns an artifact of kind k with no cycle, author, audience or
 * shared list.
 */
static OrgArtifactRef
art_of(int32_t k)
{
	OrgArtifactRef a;

	memset(&a, 0, sizeof(a));
	a.kind = k;
	return a;
}

/*
 * with_audience returns art with its own audience set.
 */
static OrgArtifactRef
with_audience(OrgArtifactRef art, OrgAudience aud)
{
	art.has_audience = true;
	art.audience = aud;
	return art;
}

/*
 * with_cycle returns art belonging to cycle id.
 */
static OrgArtifactRef
with_cycle(OrgArtifactRef art, int64_t id)
{
	art.has_cycle = true;
	art.cycle = id;
	return art;
}

/*
 * with_author returns art written by person id.
 */
static OrgArtifactRef
with_author(OrgArtifactRef art, int64_t id)
{
	art.has_author = true;
	art.author = id;
	return art;
}

/*
 * decide checks one question: OrgDecide must answer want with and without
 * a trace, and the trace must end on rule (with ALLOW or DENY to match).
 */
static void
decide(const char *scenario, int64_t viewer, OrgAction action, int64_t subject,
	   OrgArtifactRef art, bool want, const char *rule)
{
	OrgTrace	trace;
	bool		plain = OrgDecide(&b.dir, viewer, action, subject, &art, NULL);
	bool		traced;
	const OrgTraceStep *last;

	memset(&trace, 0, sizeof(trace));
	traced = OrgDecide(&b.dir, viewer, action, subject, &art, &trace);
	EXPECT(scenario, plain == want);
	EXPECT(scenario, traced == plain);
	if (trace.nsteps < 1)
	{
		EXPECT(scenario, trace.nsteps >= 1);
		return;
	}
	last = &trace.steps[trace.nsteps - 1];
	EXPECT(scenario, strcmp(last->rule, rule) == 0);
	EXPECT(scenario, last->outcome == (want ? OUTCOME_ALLOW : OUTCOME_DENY));
	if (plain != want || strcmp(last->rule, rule) != 0)
	{
		for (int i = 0; i < trace.nsteps; i++)
			fprintf(stderr, "unit:   %s: %s\n", trace.steps[i].rule, trace.steps[i].detail);
	}
}

/*
 * test_relations checks rule 3: the relations of SPEC section 2.
 */
static void
test_relations(void)
{
	OrgArtifactRef review = art_of(K_REVIEW);

	decide("subject reads own review", 7, ACT_VIEW, 7, review, true, "3");
	decide("direct manager reads a report's review", 4, ACT_VIEW, 7, review, true, "3");
	decide("skip-level manager reads through managers", 1, ACT_VIEW, 7, review, true, "3");
	decide("peer manager is not related", 5, ACT_VIEW, 7, review, false, "5");
	decide("a report never reads the manager's review", 7, ACT_VIEW, 4, review, false, "4b");
	decide("author edits", 4, ACT_EDIT, 7, with_author(review, 4), true, "3");
	decide("only the author edits", 7, ACT_EDIT, 7, with_author(review, 4), false, "5");
	decide("owner of the cycle", 7, ACT_VIEW, 8,
		   with_audience(with_cycle(art_of(K_OBJECTIVE), 32), A_OWNER), true, "3");
	{
		int64_t		shared[2] = {9, 5};
		OrgArtifactRef art = with_audience(review, A_SHARED);

		art.nshared = 2;
		art.shared = shared;
		decide("named in shared_with", 5, ACT_VIEW, 7, art, true, "3");
		decide("not named in shared_with", 2, ACT_VIEW, 7, art, false, "5");
	}
	decide("public is every active person", 9, ACT_VIEW, 1,
		   with_audience(review, A_PUBLIC), true, "3");
}

/*
 * test_hr_roles checks rule 4 for holders of a role: another branch, never
 * up the chain, cycle settings superseding roles.
 */
static void
test_hr_roles(void)
{
	OrgArtifactRef review = art_of(K_REVIEW);

	decide("HR admin reads another branch", 3, ACT_VIEW, 7, review, true, "4c");
	decide("never up the chain ignores additional managers", 3, ACT_VIEW, 11, review,
		   true, "4c");
	decide("HR admin never reads up the chain", 3, ACT_VIEW, 1, review, false, "4b");
	decide("never up the chain: a relation still allows", 3, ACT_VIEW, 1,
		   with_author(with_audience(review, A_AUTHOR | A_HR), 3), true, "3");
	decide("cycle hides from managers: HR admin who manages is denied", 3, ACT_VIEW, 6,
		   with_cycle(review, 30), false, "4a");
	decide("cycle hides from managers: HR admin elsewhere reads", 3, ACT_VIEW, 7,
		   with_cycle(review, 30), true, "4c");
	decide("feedback about oneself hidden from the subject", 3, ACT_VIEW, 3,
		   with_audience(review, A_HR), false, "4a");
	decide("no capability, no role access", 2, ACT_VIEW, 11, review, false, "5");
	decide("audience without hr: roles do not apply", 3, ACT_VIEW, 7,
		   with_audience(review, A_SUBJECT), false, "5");
	decide("a capability needing two roles: one is not enough", 3, ACT_DELETE, 7,
		   review, false, "5");
	decide("a capability needing two roles: both held", 11, ACT_DELETE, 7,
		   review, true, "4c");
}

/*
 * test_additional_managers checks that an additional manager is a direct
 * manager only, and counts as personally related in rule 4a.
 */
static void
test_additional_managers(void)
{
	OrgArtifactRef review = art_of(K_REVIEW);

	decide("additional manager holds direct_manager", 4, ACT_VIEW, 9,
		   with_audience(review, A_DIRECT), true, "3");
	decide("additional manager is not in managers", 4, ACT_VIEW, 9,
		   with_audience(review, A_MANAGERS), false, "5");
	decide("additional manager's own managers gain nothing", 3, ACT_VIEW, 8,
		   with_audience(review, A_DIRECT | A_MANAGERS), false, "5");
	decide("additional manager with a role is personally related", 6, ACT_VIEW, 8,
		   with_audience(review, A_SUBJECT | A_HR), false, "4a");
	decide("a primary report still gets managers", 2, ACT_VIEW, 9,
		   with_audience(review, A_MANAGERS), true, "3");
}

/*
 * test_team_leads checks team_lead: leads of teams only, and a lead who is
 * a member of their own team holds it towards themselves.
 */
static void
test_team_leads(void)
{
	OrgArtifactRef obj = with_audience(art_of(K_OBJECTIVE), A_TEAM_LEAD);

	decide("team lead reads a member's objective", 7, ACT_VIEW, 8, obj, true, "3");
	decide("team lead member of own team", 7, ACT_VIEW, 7, obj, true, "3");
	decide("a lead of a location is no team lead", 11, ACT_VIEW, 8, obj, false, "5");
	decide("team member who does not lead", 8, ACT_VIEW, 7, obj, false, "5");
}

/*
 * test_audiences checks rule 2: the row's audience, the cycle's, the
 * default, the kind's cap, an empty audience, and writes.
 */
static void
test_audiences(void)
{
	OrgArtifactRef review = art_of(K_REVIEW);
	OrgArtifactRef priv = with_author(art_of(K_PRIVATE), 8);

	decide("empty row audience lets nobody in", 7, ACT_VIEW, 7,
		   with_audience(with_cycle(review, 30), 0), false, "5");
	decide("the cycle's audience when the row has none", 4, ACT_VIEW, 7,
		   with_cycle(review, 30), false, "4a");
	decide("a cycle without an audience falls back to the default", 4, ACT_VIEW, 7,
		   with_cycle(review, 31), true, "3");
	decide("private cap: a manager is cut out", 4, ACT_VIEW, 7,
		   with_audience(priv, A_MANAGERS | A_HR), false, "5");
	decide("private cap: the author stays", 8, ACT_VIEW, 7, priv, true, "3");
	decide("private: no role ever reaches it", 3, ACT_VIEW, 7,
		   with_audience(priv, A_HR), false, "5");
	decide("a row audience never widens a write", 9, ACT_CREATE, 7,
		   with_audience(review, A_PUBLIC), false, "5");
	decide("a row audience does not narrow a write", 4, ACT_CREATE, 7,
		   with_audience(review, 0), true, "3");
	decide("unknown cycle", 7, ACT_VIEW, 7, with_cycle(review, 99), false, "2");
	decide("cycle of another kind", 7, ACT_VIEW, 7, with_cycle(review, 32), false, "2");
}

/*
 * test_scopes_and_reports checks scoped grants (inside and outside their
 * group) and rules that need a direct report.
 */
static void
test_scopes_and_reports(void)
{
	OrgArtifactRef review = art_of(K_REVIEW);
	OrgArtifactRef obj = art_of(K_OBJECTIVE);

	decide("scoped grant inside its group", 6, ACT_VIEW, 7, review, true, "4c");
	decide("scoped grant outside its group", 6, ACT_VIEW, 9, review, false, "5");
	decide("scoped hr_admin inside its team", 6, ACT_VIEW, 7, obj, true, "4c");
	decide("scoped hr_admin outside its team", 6, ACT_VIEW, 9, obj, false, "5");
	EXPECT("scoped roles count only towards members",
		   OrgRolesFor(&b.dir, index_of(6), index_of(7)) == (ROLE(ROLE_HRBP) | ROLE(ROLE_HR_ADMIN)));
	EXPECT("scoped roles count only towards members",
		   OrgRolesFor(&b.dir, index_of(6), index_of(9)) == 0);
	EXPECT("without a subject only global roles count",
		   !OrgHoldsCap(&b.dir, index_of(6), b.kinds[K_REVIEW].action_cap[ACT_VIEW], -1));

	decide("needs_report: a manager aggregates elsewhere", 5, ACT_AGGREGATE, 7, review, true, "4c");
	decide("needs_report: someone without reports does not", 8, ACT_AGGREGATE, 9, review,
		   false, "5");
	decide("needs_report: an additional report counts", 6, ACT_AGGREGATE, 9, review, true, "4c");
}

/*
 * test_persons checks rule 1 and the directory look-ups.
 */
static void
test_persons(void)
{
	OrgArtifactRef review = art_of(K_REVIEW);

	decide("deactivated viewer sees nothing, not even their own", 10, ACT_VIEW, 10,
		   with_audience(review, A_SUBJECT | A_PUBLIC), false, "1");
	decide("a deactivated subject stays visible", 4, ACT_VIEW, 10, review, true, "3");
	decide("a deactivated person's data stays visible to HR", 3, ACT_VIEW, 10,
		   review, true, "4c");
	decide("unknown viewer", 42, ACT_VIEW, 7, with_audience(review, A_PUBLIC), false, "1");
	decide("unknown subject", 7, ACT_VIEW, 42, with_audience(review, A_PUBLIC), false, "1");

	for (int i = 0; i < co.np; i++)
	{
		int32_t		p = OrgFindPerson(&b.dir, co.id[i]);

		EXPECT("OrgFindPerson finds every person", p >= 0 && b.persons[p].id == co.id[i]);
	}
	EXPECT("OrgFindPerson refuses an unknown id", OrgFindPerson(&b.dir, 0) == -1);
	EXPECT("OrgFindPerson refuses an unknown id", OrgFindPerson(&b.dir, 12) == -1);
	EXPECT("managers: primary line only", OrgIsManagerOf(&b.dir, index_of(1), index_of(9)));
	EXPECT("managers: not oneself", !OrgIsManagerOf(&b.dir, index_of(4), index_of(4)));
	EXPECT("managers: not a sibling's report", !OrgIsManagerOf(&b.dir, index_of(4), index_of(9)));
	EXPECT("managers: not up", !OrgIsManagerOf(&b.dir, index_of(9), index_of(5)));
	EXPECT("OrgFindGroup", OrgFindGroup(&b.dir, 200) == 1 && OrgFindGroup(&b.dir, 150) == -1);
	EXPECT("OrgFindCycle", OrgFindCycle(&b.dir, 31) == &b.cycles[1] &&
		   OrgFindCycle(&b.dir, 29) == NULL);
	EXPECT("OrgFindKind", OrgFindKind(&b.dir, "objective", 9) == K_OBJECTIVE);
	EXPECT("OrgFindCap", OrgFindCap(&b.dir, "review.delete", 13) ==
		   b.kinds[K_REVIEW].action_cap[ACT_DELETE]);
	EXPECT("OrgFindRole", OrgFindRole(&b.dir, "hrbp", 4) == ROLE_HRBP &&
		   OrgFindRole(&b.dir, "", 0) == -1);
}

/* SetNameOf for the unit model's roles. */
static const char *
role_name(int bit, void *arg)
{
	(void) arg;
	return b.dir.role_names[bit][0] ? b.dir.role_names[bit] : NULL;
}

/* SetNameLookup for the unit model's roles. */
static int
role_lookup(const char *name, size_t len, void *arg)
{
	(void) arg;
	return OrgFindRole(&b.dir, name, len);
}

/*
 * test_sets checks the text form of audiences and rolesets.
 */
static void
test_sets(void)
{
	const char *text = " { hr , subject,hr } ";
	uint64_t	bits = 0;
	size_t		errpos = 0;
	size_t		errlen = 0;
	char		buf[64];

	EXPECT("audience parses", SetParse(text, strlen(text), RelationLookupCb, NULL,
									   &bits, &errpos, &errlen) == SET_OK);
	EXPECT("audience bits", bits == (A_SUBJECT | A_HR));
	EXPECT("audience formats canonically",
		   SetFormat(bits, RelationNameCb, NULL, buf, sizeof(buf)) == 12 &&
		   strcmp(buf, "{subject,hr}") == 0);
	EXPECT("size query", SetFormat(AUDIENCE_ALL, RelationNameCb, NULL, NULL, 0) ==
		   strlen("{subject,author,direct_manager,managers,owner,shared,team_lead,public,hr}"));
	EXPECT("truncated output is terminated",
		   SetFormat(bits, RelationNameCb, NULL, buf, 5) == 12 && strcmp(buf, "{sub") == 0);
	EXPECT("empty set", SetParse("{}", 2, RelationLookupCb, NULL, &bits, &errpos, &errlen) ==
		   SET_OK && bits == 0);
	bits = 77;
	EXPECT("unknown relation", SetParse("{subject,boss}", 14, RelationLookupCb, NULL,
										&bits, &errpos, &errlen) == SET_UNKNOWN_NAME &&
		   errpos == 9 && errlen == 4 && bits == 77);
	EXPECT("trailing comma", SetParse("{hr,}", 5, RelationLookupCb, NULL,
									  &bits, &errpos, &errlen) == SET_SYNTAX &&
		   errpos == 4 && errlen == 0);
	EXPECT("roleset parses", SetParse("{hrbp,hr_admin}", 15, role_lookup, NULL,
									  &bits, &errpos, &errlen) == SET_OK &&
		   bits == (ROLE(ROLE_HRBP) | ROLE(ROLE_HR_ADMIN)));
	EXPECT("roleset formats in bit order, unknown bits as #n",
		   SetFormat(bits | ROLE(40), role_name, NULL, buf, sizeof(buf)) == 19 &&
		   strcmp(buf, "{hr_admin,hrbp,#40}") == 0);
}

/*
 * main builds the company and runs every scenario.
 */
int
main(void)
{
	make_company();
	build_company();

	test_relations();
	test_hr_roles();
	test_additional_managers();
	test_team_leads();
	test_audiences();
	test_scopes_and_reports();
	test_persons();
	test_sets();

	if (failures > 0)
	{
		fprintf(stderr, "unit: %d of %d checks FAILED\n", failures, checks);
		return 1;
	}
	printf("unit: %d checks passed\n", checks);
	return 0;
}
