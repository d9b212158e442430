/*-------------------------------------------------------------------------
 *
 * decide_test.c
 *	  Unit tests of the pure-C decision core (src/decide_core.c), the
 *	  row-level security scopes over it (src/rls_core.c) and the set text
 *	  form (src/sets_core.c), on a small hand-built company.
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
 * answer and the rule the trace ends on.  The rls scenarios run rows
 * through a viewer's scope (OrgRowAudience, then the subject arm and the
 * row arms), check which arm allows, that the policy agrees with
 * OrgDecide, the memos, and the supersets of subjects; a second, deep
 * company (a line longer than SCOPE_CHAIN) checks "never up the chain"
 * past the managers a scope keeps.  The directory is built the way
 * src/model_cache.c's loader builds it (persons in path order, subtree
 * ends, sorted compressed rows by person and by group, the (manager,
 * person) pairs, PERSON_* flags), and every scenario runs twice: over the
 * id hash and over the dense id index.  Prints "unit: N checks passed", or
 * every failed check and exits 1.
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  test/unit/decide_test.c
 *
 *-------------------------------------------------------------------------
 */
#include "decide_core.h"
#include "rls_core.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* storage limits of the hand-built directory */
#define MAXP		80			/* persons (the deep company has 71) */
#define MAXG		4			/* groups */
#define MAXK		3			/* kinds */
#define MAXC		4			/* cycles */
#define MAXR		8			/* rules */
#define MAXPAIRS	32			/* rows of each relation table */
#define HASH_SIZE	256			/* a power of two >= 2 * MAXP */
#define DENSE_MAX	256			/* slots of the dense id index */

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
	int32_t		dense[DENSE_MAX];
	int32_t		addmgr_off[MAXP + 1];
	int32_t		addmgr[MAXPAIRS];
	OrgPair		addl[MAXPAIRS];
	int32_t		member_off[MAXP + 1];
	int32_t		member[MAXPAIRS];
	int32_t		grp_member_off[MAXG + 1];
	int32_t		grp_member[MAXPAIRS];
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
static bool dense_index;		/* build the dense id index, not the hash */

/*
 * expect counts one check, and reports it (with the id index it ran on)
 * when it failed.
 */
static void
expect(bool ok, const char *scenario, const char *what, int line)
{
	checks++;
	if (!ok)
	{
		failures++;
		fprintf(stderr, "unit: FAILED at decide_test.c:%d [%s id index]: %s: %s\n", line,
				dense_index ? "dense" : "hash", scenario, what);
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
	dir->id_min = INT64_MAX;
	dir->id_max = INT64_MIN;
	for (int i = 0; i < co.np; i++)
	{
		dir->id_min = co.id[i] < dir->id_min ? co.id[i] : dir->id_min;
		dir->id_max = co.id[i] > dir->id_max ? co.id[i] : dir->id_max;
	}
	if (dense_index)
	{
		/* every id of a unit company is small and positive */
		dir->dense = b.dense;
		memset(b.dense, 0xff, sizeof(b.dense));
		if (dir->id_max - dir->id_min >= DENSE_MAX)
		{
			fprintf(stderr, "unit: the company's ids span too much for the dense index\n");
			exit(1);
		}
	}
	else
	{
		uint32_t	size = 2;

		dir->hash = b.hash;
		while (size < 2 * (uint32_t) co.np)
			size <<= 1;
		dir->hash_mask = size - 1;
		memset(b.hash, 0xff, sizeof(b.hash));
	}
	for (int r = 0; r < co.np; r++)
	{
		int			row = order[r];

		b.persons[r].id = co.id[row];
		b.persons[r].roles = co.roles[row];
		b.persons[r].flags = co.active[row] ? PERSON_ACTIVE : 0;
		b.persons[r].last = r;
		if (dense_index)
			b.dense[co.id[row] - dir->id_min] = r;
		else
		{
			uint32_t	h = OrgHashId(co.id[row]) & dir->hash_mask;

			while (b.hash[h] >= 0)
				h = (h + 1) & dir->hash_mask;
			b.hash[h] = r;
		}
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
		b.persons[pairs[np][1]].flags |= PERSON_HAS_REPORT | PERSON_ADDL_MANAGER;
	}
	build_rows((const int32_t (*)[2]) pairs, np, co.np, b.addmgr_off, b.addmgr);
	dir->addmgr_off = b.addmgr_off;
	dir->addmgr = b.addmgr;
	/* the same pairs the other way round, (manager, person), sorted, distinct */
	dir->naddl = 0;
	dir->addl = b.addl;
	for (int32_t m = 0; m < co.np; m++)
	{
		for (int32_t p = 0; p < co.np; p++)
		{
			bool		found = false;

			for (int i = 0; i < np; i++)
				found = found || (pairs[i][1] == m && pairs[i][0] == p);
			if (found)
			{
				b.addl[dir->naddl].key = m;
				b.addl[dir->naddl].val = p;
				dir->naddl++;
			}
		}
	}
	for (np = 0; np < co.nmembers; np++)
	{
		pairs[np][0] = index_of(co.member[np][0]);
		pairs[np][1] = group_index(co.member[np][1]);
	}
	build_rows((const int32_t (*)[2]) pairs, np, co.np, b.member_off, b.member);
	dir->member_off = b.member_off;
	dir->member = b.member;
	for (int i = 0; i < np; i++)
	{
		int32_t		k = pairs[i][0];

		pairs[i][0] = pairs[i][1];
		pairs[i][1] = k;
	}
	build_rows((const int32_t (*)[2]) pairs, np, co.ngroups, b.grp_member_off, b.grp_member);
	dir->grp_member_off = b.grp_member_off;
	dir->grp_member = b.grp_member;
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
			if (b.groups[g].kind == GROUP_TEAM)
			{
				for (int i = off[g]; i < off[g + 1]; i++)
					b.persons[b.leads[i]].flags |= PERSON_LEADS_TEAM;
			}
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
 * Row-level security: the viewer scopes of src/rls_core.c.
 *
 * Each row check runs a row through the policy's arms (OrgRowAudience,
 * then OrgScopeSubject and OrgScopeRow), checks which arms allow it, and
 * that the policy agrees with OrgDecide on the same row.
 */

/* What the arms say about a row. */
typedef enum Arms
{
	ARMS_NONE = 0,				/* neither arm allows */
	ARMS_SUBJECT = 1,			/* the subject arm alone */
	ARMS_ROW = 2,				/* a row arm alone */
	ARMS_BOTH = 3,				/* both */
	ARMS_REFUSED = 4			/* OrgRowAudience refuses the row to everybody */
} Arms;

/* The scope under test, and the pool its memory comes from. */
static OrgScope sc;
static bool sc_has_viewer;
static uint64_t pool[4096];
static size_t pool_used;		/* bytes */
static int	pool_allocs;
static size_t pool_last;		/* bytes the last allocation asked for */

/*
 * pool_alloc is the scopes' allocator: zeroed memory from a static pool,
 * counted.
 */
static void *
pool_alloc(void *arg, size_t size)
{
	size_t		words = (size + sizeof(uint64_t) - 1) / sizeof(uint64_t);
	void	   *p;

	(void) arg;
	if (pool_used / sizeof(uint64_t) + words > sizeof(pool) / sizeof(uint64_t))
	{
		fprintf(stderr, "unit: the scope pool is exhausted\n");
		exit(1);
	}
	p = &pool[pool_used / sizeof(uint64_t)];
	memset(p, 0, words * sizeof(uint64_t));
	pool_used += words * sizeof(uint64_t);
	pool_allocs++;
	pool_last = size;
	return p;
}

/*
 * scope_of starts a scope for viewer (none when !has_viewer), action and
 * kind, with an empty pool.
 */
static OrgScope *
scope_of(bool has_viewer, int64_t viewer, OrgAction action, int32_t kind)
{
	pool_used = 0;
	pool_allocs = 0;
	sc_has_viewer = has_viewer;
	OrgScopeInit(&sc, &b.dir, has_viewer, viewer, action, kind, pool_alloc, NULL);
	return &sc;
}

/* viewer_scope is scope_of with a viewer. */
static OrgScope *
viewer_scope(int64_t viewer, OrgAction action, int32_t kind)
{
	return scope_of(true, viewer, action, kind);
}

/*
 * rls_row checks one row of subject through the arms of scope: which arms
 * allow it must be want, and, with a viewer, the policy must answer as
 * OrgDecide does (without one it allows nothing).
 */
static void
rls_row(const char *scenario, OrgScope *scope, int64_t subject, OrgArtifactRef art, Arms want)
{
	OrgAudience aud = 0;
	const OrgCycle *cycle = NULL;
	bool		ok;
	bool		subj = false;
	bool		row = false;

	art.kind = scope->kind;
	ok = OrgRowAudience(&b.dir, scope->action, scope->kind, art.has_cycle, art.cycle,
						art.has_audience, art.audience, &aud, &cycle);
	if (ok)
	{
		subj = OrgScopeSubject(scope, subject, aud);
		row = OrgScopeRow(scope, subject, aud, cycle, art.has_author, art.author,
						  art.nshared, art.shared);
	}
	EXPECT(scenario, ok == (want != ARMS_REFUSED));
	EXPECT(scenario, subj == ((want & ARMS_SUBJECT) != 0));
	EXPECT(scenario, row == ((want & ARMS_ROW) != 0));
	if (sc_has_viewer)
		EXPECT(scenario, (ok && (subj || row)) ==
			   OrgDecide(&b.dir, scope->viewer, scope->action, subject, &art, NULL));
}

/*
 * rls_agrees checks that the policy answers as OrgDecide does, whatever it
 * answers.
 */
static void
rls_agrees(const char *scenario, OrgScope *scope, int64_t subject, OrgArtifactRef art)
{
	OrgAudience aud = 0;
	const OrgCycle *cycle = NULL;
	bool		ok;
	bool		allow = false;

	art.kind = scope->kind;
	ok = OrgRowAudience(&b.dir, scope->action, scope->kind, art.has_cycle, art.cycle,
						art.has_audience, art.audience, &aud, &cycle);
	if (ok)
		allow = OrgScopeSubject(scope, subject, aud) ||
			OrgScopeRow(scope, subject, aud, cycle, art.has_author, art.author,
						art.nshared, art.shared);
	EXPECT(scenario, allow == OrgDecide(&b.dir, scope->viewer, scope->action, subject, &art,
										NULL));
}

/*
 * superset_is checks the superset of scope under aud: n persons, the ids
 * listed (any order), or n = -1 for "nearly everyone"; the bound agrees,
 * and every person the subject arm allows under aud is in the list.
 */
static void
superset_is(const char *scenario, OrgScope *scope, OrgAudience aud, int n, const int64_t *ids)
{
	int64_t		bound = OrgScopeSupersetBound(scope, aud);
	int32_t    *list = NULL;
	int32_t		got = OrgScopeSuperset(scope, aud, &list);
	int32_t		want[MAXP];

	EXPECT(scenario, got == n);
	EXPECT(scenario, (bound == -1) == (got == -1));
	if (got != n || got < 0)
		return;
	EXPECT(scenario, bound >= got);
	EXPECT(scenario, got == 0 || list != NULL);
	for (int i = 0; i < n; i++)
	{
		int			j = i;

		/* the expected indexes, in insertion-sorted order */
		while (j > 0 && want[j - 1] > index_of(ids[i]))
		{
			want[j] = want[j - 1];
			j--;
		}
		want[j] = index_of(ids[i]);
	}
	for (int i = 0; i < n; i++)
		EXPECT(scenario, list[i] == want[i]);
	for (int32_t p = 0; p < b.dir.npersons; p++)
	{
		if (OrgScopeSubject(scope, b.persons[p].id, aud))
		{
			bool		listed = false;

			for (int i = 0; i < n; i++)
				listed = listed || list[i] == p;
			EXPECT(scenario, listed);
		}
	}
}

/*
 * test_rls_subject_arm checks the subject arm's shortcuts and its slow
 * path: the viewer's subtree, the viewer, direct and additional reports,
 * team leads, and roles held globally or scoped to a group.
 */
static void
test_rls_subject_arm(void)
{
	OrgArtifactRef review = art_of(K_REVIEW);
	OrgArtifactRef obj = art_of(K_OBJECTIVE);
	OrgScope   *s;

	s = viewer_scope(1, ACT_VIEW, K_REVIEW);
	rls_row("rls subtree: a skip-level report", s, 9, review, ARMS_SUBJECT);
	rls_row("rls subtree: a deactivated report stays visible", s, 10, review, ARMS_SUBJECT);
	rls_row("rls subtree: the viewer", s, 1, review, ARMS_SUBJECT);
	rls_row("rls subtree: outside it, without a role", s, 11, review, ARMS_NONE);

	s = viewer_scope(7, ACT_VIEW, K_REVIEW);
	rls_row("rls viewer as subject", s, 7, review, ARMS_SUBJECT);
	rls_row("rls viewer as subject: managers only", s, 7,
			with_audience(review, A_MANAGERS), ARMS_NONE);
	rls_row("rls public: anyone active", s, 1, with_audience(review, A_PUBLIC), ARMS_SUBJECT);

	s = viewer_scope(5, ACT_VIEW, K_REVIEW);
	rls_row("rls direct report", s, 9, with_audience(review, A_DIRECT), ARMS_SUBJECT);
	rls_row("rls direct: someone else's report", s, 7, with_audience(review, A_DIRECT), ARMS_NONE);
	s = viewer_scope(2, ACT_VIEW, K_REVIEW);
	rls_row("rls direct: a child", s, 4, with_audience(review, A_DIRECT), ARMS_SUBJECT);
	rls_row("rls direct: not a grandchild", s, 7, with_audience(review, A_DIRECT), ARMS_NONE);

	s = viewer_scope(4, ACT_VIEW, K_REVIEW);
	rls_row("rls additional manager holds direct_manager", s, 9,
			with_audience(review, A_DIRECT), ARMS_SUBJECT);
	rls_row("rls additional manager is not in managers", s, 9,
			with_audience(review, A_MANAGERS), ARMS_NONE);
	rls_row("rls a primary report beside an additional one", s, 8,
			with_audience(review, A_DIRECT), ARMS_SUBJECT);
	s = viewer_scope(6, ACT_VIEW, K_REVIEW);
	rls_row("rls additional manager elsewhere in the tree", s, 8,
			with_audience(review, A_DIRECT), ARMS_SUBJECT);
	s = viewer_scope(3, ACT_VIEW, K_REVIEW);
	rls_row("rls an additional manager's managers gain nothing", s, 8,
			with_audience(review, A_DIRECT | A_MANAGERS), ARMS_NONE);

	s = viewer_scope(7, ACT_VIEW, K_OBJECTIVE);
	rls_row("rls team lead reads a member", s, 8, obj, ARMS_SUBJECT);
	rls_row("rls team lead who is a member", s, 7, with_audience(obj, A_TEAM_LEAD), ARMS_SUBJECT);
	rls_row("rls team lead: not a member", s, 9, obj, ARMS_NONE);
	s = viewer_scope(11, ACT_VIEW, K_OBJECTIVE);
	rls_row("rls a location lead is no team lead", s, 8,
			with_audience(obj, A_TEAM_LEAD), ARMS_NONE);
	s = viewer_scope(8, ACT_VIEW, K_OBJECTIVE);
	rls_row("rls a member who does not lead", s, 7, with_audience(obj, A_TEAM_LEAD), ARMS_NONE);
}

/*
 * test_rls_roles checks rule 4 through the subject arm: a capability held
 * globally (never up the chain, never where personally related), one
 * scoped to groups, two-role and needs_report rules.
 */
static void
test_rls_roles(void)
{
	OrgArtifactRef review = art_of(K_REVIEW);
	OrgScope   *s;

	s = viewer_scope(3, ACT_VIEW, K_REVIEW);
	rls_row("rls global HR: another branch", s, 7, review, ARMS_SUBJECT);
	rls_row("rls global HR: a deeper branch", s, 9, review, ARMS_SUBJECT);
	rls_row("rls global HR: one's additional manager is not up the chain", s, 11, review,
			ARMS_SUBJECT);
	rls_row("rls global HR: never up the chain", s, 1, review, ARMS_NONE);
	rls_row("rls global HR: a report through managers", s, 6, review, ARMS_SUBJECT);
	rls_row("rls global HR: a cycle hiding from managers", s, 6, with_cycle(review, 30),
			ARMS_NONE);
	rls_row("rls global HR: the same cycle elsewhere", s, 7, with_cycle(review, 30),
			ARMS_SUBJECT);
	rls_row("rls global HR: hr alone hides one's own", s, 3, with_audience(review, A_HR),
			ARMS_NONE);
	rls_row("rls global HR: hr alone hides a report", s, 6, with_audience(review, A_HR),
			ARMS_NONE);
	rls_row("rls global HR: no hr, no role", s, 7, with_audience(review, A_SUBJECT), ARMS_NONE);

	s = viewer_scope(11, ACT_VIEW, K_REVIEW);
	rls_row("rls global HR who is an additional manager: personally related", s, 3,
			with_audience(review, A_HR), ARMS_NONE);
	rls_row("rls global HR at the top reads the top", s, 1, with_audience(review, A_HR),
			ARMS_SUBJECT);
	rls_row("rls global HR: the additional report's report is not related", s, 6,
			with_audience(review, A_HR), ARMS_SUBJECT);
	s = viewer_scope(2, ACT_VIEW, K_REVIEW);
	rls_row("rls no role, no capability", s, 11, review, ARMS_NONE);

	/* a kind no role reaches, though hr is in its audience and 3 holds its capability */
	b.kinds[K_REVIEW].role_access = false;
	s = viewer_scope(3, ACT_VIEW, K_REVIEW);
	rls_row("rls no role access: global HR reads nothing by role", s, 7, review, ARMS_NONE);
	rls_row("rls no role access: relations still hold", s, 6, review, ARMS_SUBJECT);
	{
		int64_t		ids[] = {3, 6};

		superset_is("rls no role access: global HR is not everyone", s,
					b.kinds[K_REVIEW].def[ACT_VIEW], 2, ids);
	}
	b.kinds[K_REVIEW].role_access = true;

	s = viewer_scope(3, ACT_DELETE, K_REVIEW);
	rls_row("rls a capability needing two roles: one held", s, 7, review, ARMS_NONE);
	s = viewer_scope(11, ACT_DELETE, K_REVIEW);
	rls_row("rls a capability needing two roles: both held", s, 7, review, ARMS_SUBJECT);
	s = viewer_scope(5, ACT_AGGREGATE, K_REVIEW);
	rls_row("rls needs_report: a manager", s, 7, review, ARMS_SUBJECT);
	s = viewer_scope(8, ACT_AGGREGATE, K_REVIEW);
	rls_row("rls needs_report: no report", s, 9, review, ARMS_NONE);

	s = viewer_scope(6, ACT_VIEW, K_REVIEW);
	rls_row("rls scoped HR: inside its group", s, 7, review, ARMS_SUBJECT);
	rls_row("rls scoped HR: outside its group", s, 9, review, ARMS_NONE);
	rls_row("rls scoped HR: an additional report through direct_manager", s, 8, review,
			ARMS_SUBJECT);
	rls_row("rls scoped HR: hr alone, the additional report is related", s, 8,
			with_audience(review, A_HR), ARMS_NONE);
	rls_row("rls scoped HR: hr alone, a member", s, 7, with_audience(review, A_HR),
			ARMS_SUBJECT);
	rls_row("rls scoped HR: never up the chain", s, 1, review, ARMS_NONE);
	s = viewer_scope(6, ACT_VIEW, K_OBJECTIVE);
	rls_row("rls scoped hr_admin: inside its team", s, 7, art_of(K_OBJECTIVE), ARMS_SUBJECT);
	rls_row("rls scoped hr_admin: outside its team", s, 9, art_of(K_OBJECTIVE), ARMS_NONE);
}

/*
 * test_rls_rows checks rule 2 through OrgRowAudience (cycles, the row's
 * audience, the kind's cap), rule 1 (unknown subject, deactivated, unknown
 * or no viewer), and the row arms (author, owner, shared).
 */
static void
test_rls_rows(void)
{
	OrgArtifactRef review = art_of(K_REVIEW);
	OrgArtifactRef obj = art_of(K_OBJECTIVE);
	OrgArtifactRef priv = with_author(art_of(K_PRIVATE), 8);
	OrgAudience aud = 0;
	const OrgCycle *cycle = NULL;
	OrgScope   *s;

	/* cycles */
	EXPECT("rls cycle audience",
		   OrgRowAudience(&b.dir, ACT_VIEW, K_REVIEW, true, 30, false, 0, &aud, &cycle) &&
		   aud == (A_SUBJECT | A_HR) && cycle == &b.cycles[0]);
	EXPECT("rls the row's audience before the cycle's",
		   OrgRowAudience(&b.dir, ACT_VIEW, K_REVIEW, true, 30, true, A_MANAGERS, &aud, &cycle) &&
		   aud == A_MANAGERS && cycle == &b.cycles[0]);
	EXPECT("rls a cycle never narrows a write",
		   OrgRowAudience(&b.dir, ACT_EDIT, K_REVIEW, true, 30, true, 0, &aud, &cycle) &&
		   aud == b.kinds[K_REVIEW].def[ACT_EDIT]);
	EXPECT("rls unknown cycle",
		   !OrgRowAudience(&b.dir, ACT_VIEW, K_REVIEW, true, 99, false, 0, &aud, &cycle) &&
		   cycle == NULL);
	EXPECT("rls cycle of another kind",
		   !OrgRowAudience(&b.dir, ACT_VIEW, K_REVIEW, true, 32, false, 0, &aud, &cycle) &&
		   cycle == NULL);
	s = viewer_scope(4, ACT_VIEW, K_REVIEW);
	rls_row("rls cycle with custom audience hides from managers", s, 7, with_cycle(review, 30),
			ARMS_NONE);
	rls_row("rls cycle without an audience: the default", s, 7, with_cycle(review, 31),
			ARMS_SUBJECT);
	rls_row("rls the row's audience overrides the cycle's", s, 7,
			with_audience(with_cycle(review, 30), A_MANAGERS), ARMS_SUBJECT);
	s = viewer_scope(7, ACT_VIEW, K_REVIEW);
	rls_row("rls cycle with custom audience shows the subject", s, 7, with_cycle(review, 30),
			ARMS_SUBJECT);
	rls_row("rls unknown cycle: refused", s, 7, with_cycle(review, 99), ARMS_REFUSED);
	rls_row("rls cycle of another kind: refused", s, 7, with_cycle(review, 32), ARMS_REFUSED);
	s = viewer_scope(4, ACT_CREATE, K_REVIEW);
	rls_row("rls a cycle's audience does not narrow a write", s, 7, with_cycle(review, 30),
			ARMS_SUBJECT);

	/* rule 1 */
	s = viewer_scope(1, ACT_VIEW, K_REVIEW);
	rls_row("rls unknown subject, public", s, 42, with_audience(review, A_PUBLIC), ARMS_NONE);
	rls_row("rls unknown subject, authored by the viewer", s, 42,
			with_author(with_audience(review, A_AUTHOR), 1), ARMS_NONE);
	s = viewer_scope(10, ACT_VIEW, K_REVIEW);
	rls_row("rls deactivated viewer: not even their own", s, 10,
			with_audience(review, A_SUBJECT | A_PUBLIC), ARMS_NONE);
	rls_row("rls deactivated viewer: not as author", s, 10,
			with_author(with_audience(review, A_AUTHOR), 10), ARMS_NONE);
	EXPECT("rls deactivated viewer: empty superset",
		   OrgScopeSupersetBound(s, AUDIENCE_ALL) == 0);
	superset_is("rls deactivated viewer: empty superset", s, AUDIENCE_ALL, 0, NULL);
	s = viewer_scope(42, ACT_VIEW, K_REVIEW);
	rls_row("rls unknown viewer", s, 7, with_audience(review, A_PUBLIC), ARMS_NONE);
	s = scope_of(false, 1, ACT_VIEW, K_REVIEW);
	rls_row("rls no viewer: public", s, 7, with_audience(review, A_PUBLIC), ARMS_NONE);
	rls_row("rls no viewer: the id it was given is nobody", s, 1, with_author(review, 1),
			ARMS_NONE);
	superset_is("rls no viewer: empty superset", s, AUDIENCE_ALL, 0, NULL);

	/* row arms */
	s = viewer_scope(4, ACT_EDIT, K_REVIEW);
	rls_row("rls author edits", s, 7, with_author(review, 4), ARMS_ROW);
	rls_row("rls someone else's row", s, 7, with_author(review, 8), ARMS_NONE);
	s = viewer_scope(7, ACT_EDIT, K_REVIEW);
	rls_row("rls the subject does not edit", s, 7, with_author(review, 4), ARMS_NONE);
	s = viewer_scope(4, ACT_VIEW, K_REVIEW);
	rls_row("rls author and manager: both arms", s, 7,
			with_author(with_audience(review, A_AUTHOR | A_MANAGERS), 4), ARMS_BOTH);
	s = viewer_scope(3, ACT_VIEW, K_REVIEW);
	rls_row("rls never up the chain, but the author relation allows", s, 1,
			with_author(with_audience(review, A_AUTHOR | A_HR), 3), ARMS_ROW);
	s = viewer_scope(7, ACT_VIEW, K_OBJECTIVE);
	rls_row("rls owner of the cycle", s, 8, with_cycle(obj, 32), ARMS_ROW);
	rls_row("rls owner, audience without owner", s, 8,
			with_audience(with_cycle(obj, 32), A_SUBJECT), ARMS_NONE);
	s = viewer_scope(8, ACT_VIEW, K_OBJECTIVE);
	rls_row("rls not the owner", s, 8, with_cycle(obj, 32), ARMS_NONE);
	{
		int64_t		shared[2] = {9, 5};
		OrgArtifactRef art = with_audience(review, A_SHARED);

		art.nshared = 2;
		art.shared = shared;
		s = viewer_scope(5, ACT_VIEW, K_REVIEW);
		rls_row("rls named in shared_with", s, 7, art, ARMS_ROW);
		rls_row("rls named in shared_with, audience without shared", s, 7,
				with_audience(art, A_AUTHOR | A_OWNER), ARMS_NONE);
		s = viewer_scope(2, ACT_VIEW, K_REVIEW);
		rls_row("rls not named in shared_with, though a manager", s, 7, art, ARMS_NONE);
	}

	/* private_feedback: capped to {subject,author}, never by role */
	EXPECT("rls private cap",
		   OrgRowAudience(&b.dir, ACT_VIEW, K_PRIVATE, false, 0, true, A_MANAGERS | A_HR,
						  &aud, &cycle) && aud == 0);
	s = viewer_scope(4, ACT_VIEW, K_PRIVATE);
	rls_row("rls private cap: a manager is cut out", s, 7,
			with_audience(priv, A_MANAGERS | A_HR), ARMS_NONE);
	rls_row("rls private: managers in the default are capped", s, 7, priv, ARMS_NONE);
	s = viewer_scope(8, ACT_VIEW, K_PRIVATE);
	rls_row("rls private: the author", s, 7, priv, ARMS_ROW);
	s = viewer_scope(7, ACT_VIEW, K_PRIVATE);
	rls_row("rls private: the subject", s, 7, priv, ARMS_SUBJECT);
	s = viewer_scope(3, ACT_VIEW, K_PRIVATE);
	rls_row("rls private: no role reaches it", s, 7, with_audience(priv, A_HR), ARMS_NONE);
	EXPECT("rls private: the widest audience is the cap",
		   OrgWidestAudience(&b.dir, ACT_VIEW, K_PRIVATE, true, true) == (A_SUBJECT | A_AUTHOR));
	{
		int64_t		self[] = {3};

		superset_is("rls private: global HR lists only itself", s,
					OrgWidestAudience(&b.dir, ACT_VIEW, K_PRIVATE, true, true), 1, self);
	}
}

/*
 * test_rls_memo asks one scope about everybody, over and over, so that
 * the memo is allocated and then answers; and about more audiences than a
 * scope memoises.
 */
static void
test_rls_memo(void)
{
	OrgArtifactRef review = art_of(K_REVIEW);
	OrgScope   *s = viewer_scope(6, ACT_VIEW, K_REVIEW);
	int32_t		nine = index_of(9);
	bool		flipped;

	/* 6 decides all but itself the slow way: 10 a round */
	for (int round = 0; round < 8; round++)
	{
		for (int i = 0; i < co.np; i++)
			rls_agrees("rls memo: every answer agrees", s, co.id[i], review);
		if (round == 0)
			EXPECT("rls memo: not before SCOPE_MEMO_AFTER slow decisions",
				   pool_allocs == 0 && s->nvariants == 1 && s->variants[0].memo == NULL);
	}
	EXPECT("rls memo: allocated once, one byte a person",
		   pool_allocs == 1 && pool_last == (size_t) b.dir.npersons);
	EXPECT("rls memo: one audience, one variant, memoised",
		   s->nvariants == 1 && s->variants[0].memo != NULL);
	if (s->nvariants != 1 || s->variants[0].memo == NULL)
		return;
	EXPECT("rls memo: 9 denied and remembered", s->variants[0].memo[nine] == 1);

	/*
	 * The memo answers, not OrgDecide: flip the remembered answer for 9
	 * and it is what the scope says, then put it back.
	 */
	s->variants[0].memo[nine] = 2;
	flipped = OrgScopeSubject(s, 9, s->variants[0].aud);
	s->variants[0].memo[nine] = 1;
	EXPECT("rls memo: reused, not recomputed", flipped);
	EXPECT("rls memo: restored", !OrgScopeSubject(s, 9, s->variants[0].aud));

	/* more audiences than SCOPE_VARIANTS: the rest go unmemoised, still right */
	s = viewer_scope(6, ACT_VIEW, K_REVIEW);
	for (int round = 0; round < 8; round++)
	{
		for (int a = 0; a < SCOPE_VARIANTS + 2; a++)
		{
			OrgAudience aud = A_HR | (OrgAudience) (a & 1 ? A_DIRECT : 0) |
				(OrgAudience) (a & 2 ? A_SUBJECT : 0) | (OrgAudience) (a & 4 ? A_TEAM_LEAD : 0) |
				(OrgAudience) (a & 8 ? A_MANAGERS : 0);

			for (int i = 0; i < co.np; i++)
				rls_agrees("rls memo: more audiences than variants", s, co.id[i],
						   with_audience(review, aud));
		}
	}
	EXPECT("rls memo: variants are capped", s->nvariants == SCOPE_VARIANTS);
}

/*
 * test_rls_supersets checks the widest audience and the supersets the
 * planner reads the subject arm through.
 */
static void
test_rls_supersets(void)
{
	const OrgKind *review = &b.kinds[K_REVIEW];
	const OrgKind *obj = &b.kinds[K_OBJECTIVE];
	OrgAudience wide_review = OrgWidestAudience(&b.dir, ACT_VIEW, K_REVIEW, true, false);
	OrgAudience wide_obj = OrgWidestAudience(&b.dir, ACT_VIEW, K_OBJECTIVE, true, false);
	OrgScope   *s;

	EXPECT("rls widest: the default alone",
		   OrgWidestAudience(&b.dir, ACT_VIEW, K_OBJECTIVE, false, false) == obj->def[ACT_VIEW]);
	EXPECT("rls widest: with the cycles' audiences",
		   wide_review == review->def[ACT_VIEW] && wide_obj == (obj->def[ACT_VIEW] | A_OWNER));
	EXPECT("rls widest: rows with their own audience may hold anything",
		   OrgWidestAudience(&b.dir, ACT_VIEW, K_REVIEW, true, true) == AUDIENCE_ALL);
	EXPECT("rls widest: writes take the default",
		   OrgWidestAudience(&b.dir, ACT_EDIT, K_REVIEW, true, true) == review->def[ACT_EDIT]);

	s = viewer_scope(4, ACT_VIEW, K_REVIEW);
	{
		int64_t		ids[] = {4, 7, 8, 10, 9};
		int64_t		direct[] = {7, 8, 10, 9};

		superset_is("rls superset: a manager's subtree and additional report", s,
					wide_review, 5, ids);
		superset_is("rls superset: direct_manager alone", s, A_DIRECT, 4, direct);
		superset_is("rls superset: row relations add nobody", s, A_AUTHOR | A_OWNER | A_SHARED,
					0, NULL);
	}
	s = viewer_scope(7, ACT_VIEW, K_OBJECTIVE);
	{
		int64_t		ids[] = {7, 8};

		superset_is("rls superset: a team lead's members", s, wide_obj, 2, ids);
	}
	s = viewer_scope(6, ACT_VIEW, K_REVIEW);
	{
		int64_t		ids[] = {6, 8, 7};

		superset_is("rls superset: scoped HR's groups", s, wide_review, 3, ids);
	}
	s = viewer_scope(3, ACT_VIEW, K_REVIEW);
	superset_is("rls superset: global HR is nearly everyone", s, wide_review, -1, NULL);
	{
		int64_t		ids[] = {3, 6};

		superset_is("rls superset: global HR without hr in the audience", s,
					A_SUBJECT | A_MANAGERS, 2, ids);
	}
	s = viewer_scope(7, ACT_VIEW, K_REVIEW);
	superset_is("rls superset: public is everyone", s,
				OrgWidestAudience(&b.dir, ACT_VIEW, K_REVIEW, true, true), -1, NULL);
}

/*
 * make_deep_company fills a company whose line is longer than the chain a
 * scope keeps: 10 at the top, 11 under 10, ... 79 at the bottom (hr_admin,
 * 69 managers above); 1 reports to 40 (and sorts before 41, so it comes
 * before 79 in path order), 2 has no manager (and comes first).
 */
static void
make_deep_company(void)
{
	memset(&co, 0, sizeof(co));
	add_person(10, 0, true, 0);
	for (int64_t id = 11; id <= 79; id++)
		add_person(id, id - 1, true, id == 79 ? ROLE(ROLE_HR_ADMIN) : 0);
	add_person(1, 40, true, 0);
	add_person(2, 0, true, 0);
}

/*
 * test_rls_deep_chain checks "never up the chain" past the managers a
 * scope keeps at hand, and a global capability around them.
 */
static void
test_rls_deep_chain(void)
{
	OrgArtifactRef review = art_of(K_REVIEW);
	OrgScope   *s = viewer_scope(79, ACT_VIEW, K_REVIEW);

	EXPECT("rls deep: the chain is cut", !s->chain_complete && s->nchain == SCOPE_CHAIN);
	EXPECT("rls deep: persons before the viewer", index_of(1) < index_of(79) &&
		   index_of(2) < index_of(79));
	rls_row("rls deep: the top, past the chain", s, 10, review, ARMS_NONE);
	rls_row("rls deep: past the chain", s, 14, review, ARMS_NONE);
	rls_row("rls deep: the last manager kept", s, 15, review, ARMS_NONE);
	rls_row("rls deep: the direct manager", s, 78, review, ARMS_NONE);
	rls_row("rls deep: off the line, before the viewer", s, 1, review, ARMS_SUBJECT);
	rls_row("rls deep: a stranger, first of all", s, 2, review, ARMS_SUBJECT);
	rls_row("rls deep: oneself", s, 79, review, ARMS_SUBJECT);
	rls_row("rls deep: hr alone hides one's own", s, 79, with_audience(review, A_HR), ARMS_NONE);
	s = viewer_scope(40, ACT_VIEW, K_REVIEW);
	rls_row("rls deep: a manager's report off the line", s, 1,
			with_audience(review, A_DIRECT), ARMS_SUBJECT);
	rls_row("rls deep: far down the line", s, 79, with_audience(review, A_MANAGERS),
			ARMS_SUBJECT);
	{
		int64_t		ids[] = {41, 1};

		superset_is("rls deep: direct reports", s, A_DIRECT, 2, ids);
	}
}

/*
 * main builds the company and runs every scenario, once over the id hash
 * and once over the dense id index, then the deep company's.
 */
int
main(void)
{
	for (int shape = 0; shape < 2; shape++)
	{
		dense_index = shape == 1;
		make_company();
		build_company();
		EXPECT("the id index has the shape asked for",
			   (b.dir.dense != NULL) == dense_index && (b.dir.hash != NULL) == !dense_index);

		test_relations();
		test_hr_roles();
		test_additional_managers();
		test_team_leads();
		test_audiences();
		test_scopes_and_reports();
		test_persons();
		if (shape == 0)
			test_sets();
		test_rls_subject_arm();
		test_rls_roles();
		test_rls_rows();
		test_rls_memo();
		test_rls_supersets();

		make_deep_company();
		build_company();
		test_rls_deep_chain();
	}

	if (failures > 0)
	{
		fprintf(stderr, "unit: %d of %d checks FAILED\n", failures, checks);
		return 1;
	}
	printf("unit: %d checks passed\n", checks);
	return 0;
}
