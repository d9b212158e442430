/*-------------------------------------------------------------------------
 *
 * rls_core.c
 *	  Per-query viewer scopes for row-level security (see rls_core.h).
 *
 * Pure C, like decide_core.c: memory comes from the caller's allocator,
 * and every answer is OrgDecide's, either taken from it directly or by a
 * shortcut that rule 3 or rule 4 justifies line by line below.  The unit
 * tests and the decide fuzzer compare every shortcut with OrgDecide.
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/rls_core.c
 *
 *-------------------------------------------------------------------------
 */
#include "rls_core.h"

#include <stdlib.h>
#include <string.h>

#define BIT(r)	((OrgAudience) (1u << (r)))

/*
 * OrgRowAudience applies rule 2 to a row: the audience that decides
 * action on it.  It returns false when the row is refused to everybody
 * (a cycle that does not exist, or belongs to another kind), exactly as
 * OrgDecide's step 2 does; *cycle_out is then the row's cycle or NULL.
 */
bool
OrgRowAudience(const OrgDirectory *dir, OrgAction action, int32_t kind,
			   bool has_cycle, int64_t cycle, bool has_audience,
			   OrgAudience audience, OrgAudience *out, const OrgCycle **cycle_out)
{
	const OrgKind *k = &dir->kinds[kind];
	const OrgCycle *c = NULL;

	*cycle_out = NULL;
	if (has_cycle)
	{
		c = OrgFindCycle(dir, cycle);
		if (c == NULL || c->kind != kind)
			return false;
		*cycle_out = c;
	}
	if (ACTION_IS_READ(action) && has_audience)
		*out = audience & k->cap;
	else if (ACTION_IS_READ(action) && c != NULL && c->has_audience)
		*out = c->audience & k->cap;
	else
		*out = k->def[action] & k->cap;
	return true;
}

/*
 * OrgWidestAudience returns the union of every audience rule 2 may give a
 * row of kind for action: the default, plus every cycle's of the kind when
 * rows name a cycle, or everything the kind allows when rows carry their
 * own audience.  The subject arm is monotone in the audience (a wider one
 * only turns denials into rule 3 allows), so what it allows under this
 * union bounds what it allows on any row.
 */
OrgAudience
OrgWidestAudience(const OrgDirectory *dir, OrgAction action, int32_t kind,
				  bool any_cycle, bool any_audience)
{
	const OrgKind *k = &dir->kinds[kind];
	OrgAudience aud = k->def[action];

	if (ACTION_IS_READ(action))
	{
		if (any_audience)
			aud = AUDIENCE_ALL;
		else if (any_cycle)
		{
			for (int i = 0; i < dir->ncycles; i++)
			{
				if (dir->cycles[i].kind == kind && dir->cycles[i].has_audience)
					aud |= dir->cycles[i].audience;
			}
		}
	}
	return aud & k->cap;
}

/*
 * OrgScopeInit prepares the scope of viewer (none when !has_viewer) for
 * action on kind.  Rule 1 is settled here once: an unknown or deactivated
 * viewer, or none, gets a scope that allows nothing.
 */
void
OrgScopeInit(OrgScope *sc, const OrgDirectory *dir, bool has_viewer, int64_t viewer,
			 OrgAction action, int32_t kind, OrgAllocFn alloc, void *alloc_arg)
{
	const OrgKind *k = &dir->kinds[kind];

	memset(sc, 0, sizeof(*sc));
	sc->dir = dir;
	sc->viewer = viewer;
	sc->action = action;
	sc->kind = kind;
	sc->alloc = alloc;
	sc->alloc_arg = alloc_arg;
	sc->v = has_viewer ? OrgFindPerson(dir, viewer) : -1;
	if (sc->v >= 0 && !(dir->persons[sc->v].flags & PERSON_ACTIVE))
		sc->v = -1;
	sc->global_cap = sc->v >= 0 && k->role_access &&
		OrgHoldsCap(dir, sc->v, k->action_cap[action], -1);
	sc->may_cap = sc->v >= 0 && k->role_access && k->action_cap[action] >= 0 &&
		(sc->global_cap || dir->scoped_off[sc->v + 1] > dir->scoped_off[sc->v]);
	sc->chain_complete = true;
	for (int32_t m = sc->v >= 0 ? dir->persons[sc->v].parent : -1; m >= 0; m = dir->persons[m].parent)
	{
		if (sc->nchain == SCOPE_CHAIN)
		{
			sc->chain_complete = false;
			break;
		}
		sc->chain[sc->nchain++] = m;
	}
}

/*
 * AboveViewer reports whether s is one of the viewer's primary managers,
 * from the chain kept in the scope (no look at s's own record).
 */
static inline bool
AboveViewer(const OrgScope *sc, int32_t s)
{
	if (s >= sc->v)
		return false;
	if (!sc->chain_complete)
		return OrgIsManagerOf(sc->dir, s, sc->v);
	for (int i = 0; i < sc->nchain; i++)
	{
		if (sc->chain[i] == s)
			return true;
	}
	return false;
}

/*
 * Slow decides the subject arm with OrgDecide itself, on an artifact that
 * carries aud and nothing that could make a row relation hold; it memoises
 * the answer per person once the scope has asked often under aud.
 */
static bool
Slow(OrgScope *sc, int32_t s, int64_t subject, OrgAudience aud)
{
	OrgScopeVariant *var = NULL;
	OrgArtifactRef art;
	bool		allow;

	for (int i = 0; i < sc->nvariants; i++)
	{
		if (sc->variants[i].aud == aud)
		{
			var = &sc->variants[i];
			break;
		}
	}
	if (var == NULL && sc->nvariants < SCOPE_VARIANTS)
	{
		var = &sc->variants[sc->nvariants++];
		var->aud = aud;
	}
	if (var != NULL && var->memo != NULL && var->memo[s] != 0)
		return var->memo[s] == 2;

	memset(&art, 0, sizeof(art));
	art.kind = sc->kind;
	art.has_audience = true;
	art.audience = aud;
	allow = OrgDecide(sc->dir, sc->viewer, sc->action, subject, &art, NULL);

	if (var != NULL)
	{
		if (var->memo == NULL && ++var->slow >= SCOPE_MEMO_AFTER && sc->alloc != NULL)
			var->memo = sc->alloc(sc->alloc_arg, (size_t) sc->dir->npersons);
		if (var->memo != NULL)
			var->memo[s] = allow ? 2 : 1;
	}
	return allow;
}

/*
 * OrgScopeSubject is the subject arm: does the viewer see subject's row
 * under audience aud (from OrgRowAudience) through a relation that follows
 * from the subject (subject, direct_manager, managers, team_lead, public)
 * or through a role?  Row relations (author, owner, shared) are the row
 * arm's, OrgScopeRow.
 */
bool
OrgScopeSubject(OrgScope *sc, int64_t subject, OrgAudience aud)
{
	const OrgDirectory *dir = sc->dir;
	const OrgPerson *p = dir->persons;
	int32_t		v = sc->v;
	int32_t		s;

	if (v < 0)
		return false;			/* rule 1: no viewer, unknown or deactivated */
	s = OrgFindPerson(dir, subject);
	if (s < 0)
		return false;			/* rule 1: unknown subject */
	aud &= (OrgAudience) ~ROW_RELATIONS;

	/* rule 3, for the relations one comparison settles */
	if (aud & BIT(REL_PUBLIC))
		return true;
	if ((aud & BIT(REL_MANAGERS)) && v < s && s <= p[v].last)
		return true;
	if ((aud & BIT(REL_SUBJECT)) && s == v)
		return true;
	if ((aud & BIT(REL_DIRECT_MANAGER)) && v < s && s <= p[v].last && p[s].parent == v)
		return true;

	/*
	 * Rule 4 with the capability held globally: when the viewer is not
	 * personally related to s (not s, not above s, not an additional
	 * manager of s) and s is not above the viewer, 4a and 4b pass and 4c
	 * allows, whatever rule 3 said.  Only the viewer's own records are
	 * read, and s's index.
	 */
	if (sc->global_cap && (aud & BIT(REL_HR)) &&
		!(v <= s && s <= p[v].last) &&
		!AboveViewer(sc, s) &&
		!((p[v].flags & PERSON_ADDL_MANAGER) && OrgIsAdditionalManagerOf(dir, v, s)))
		return true;

	/*
	 * What is left to allow: rule 3 through team_lead or an additional
	 * manager's direct_manager, and rule 4 through a capability.  A viewer
	 * who can hold none of them is denied without looking further.
	 */
	if (!((aud & BIT(REL_HR)) && sc->may_cap) &&
		!((aud & BIT(REL_TEAM_LEAD)) && (p[v].flags & PERSON_LEADS_TEAM)) &&
		!((aud & BIT(REL_DIRECT_MANAGER)) && (p[v].flags & PERSON_ADDL_MANAGER)))
		return false;

	return Slow(sc, s, subject, aud);
}

/*
 * OrgScopeRow is a row arm: does the viewer see this row through the
 * author, owner or shared relation under audience aud?  cycle is the row's
 * cycle from OrgRowAudience, or NULL.
 */
bool
OrgScopeRow(const OrgScope *sc, int64_t subject, OrgAudience aud, const OrgCycle *cycle,
			bool has_author, int64_t author, int nshared, const int64_t *shared)
{
	if (sc->v < 0 || OrgFindPerson(sc->dir, subject) < 0)
		return false;			/* rule 1 */
	if ((aud & BIT(REL_AUTHOR)) && has_author && author == sc->viewer)
		return true;
	if ((aud & BIT(REL_OWNER)) && cycle != NULL && cycle->owner == sc->viewer)
		return true;
	if (aud & BIT(REL_SHARED))
	{
		for (int i = 0; i < nshared; i++)
		{
			if (shared[i] == sc->viewer)
				return true;
		}
	}
	return false;
}

/* CompareInt32 orders int32s for qsort. */
static int
CompareInt32(const void *a, const void *b)
{
	int32_t		x = *(const int32_t *) a;
	int32_t		y = *(const int32_t *) b;

	return (x > y) - (x < y);
}

/* AddMembers appends the members of group g to out at *n. */
static void
AddMembers(const OrgDirectory *dir, int32_t g, int32_t *out, int32_t *n)
{
	for (int32_t i = dir->grp_member_off[g]; i < dir->grp_member_off[g + 1]; i++)
		out[(*n)++] = dir->grp_member[i];
}

/*
 * AddlFirst returns the first index of dir->addl whose key is m.
 */
static int32_t
AddlFirst(const OrgDirectory *dir, int32_t m)
{
	int32_t		lo = 0,
				hi = dir->naddl;

	while (lo < hi)
	{
		int32_t		mid = lo + (hi - lo) / 2;

		if (dir->addl[mid].key < m)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * OrgScopeSupersetBound bounds the number of persons whose rows the subject
 * arm may allow under aud (typically OrgWidestAudience), without listing
 * them, or returns -1 when the arm may allow nearly everyone -- a public
 * audience, or the kind's capability held globally -- where an index would
 * not help.  It is exact unless the relations below overlap.
 *
 * Every person OrgScopeSubject allows is in the set: rule 3 allows only
 * through the relations listed (each one's persons are added), and rule 4
 * only through a capability, held globally (-1) or through a grant scoped
 * to a group that contains the subject (that group's members count).
 */
int64_t
OrgScopeSupersetBound(const OrgScope *sc, OrgAudience aud)
{
	const OrgDirectory *dir = sc->dir;
	const OrgPerson *p = dir->persons;
	int32_t		v = sc->v;
	bool		roles;
	int64_t		bound = 1;

	if (v < 0)
		return 0;
	aud &= (OrgAudience) ~ROW_RELATIONS;
	roles = (aud & BIT(REL_HR)) && sc->may_cap;
	if ((aud & BIT(REL_PUBLIC)) || (roles && sc->global_cap))
		return -1;
	if (aud & (BIT(REL_MANAGERS) | BIT(REL_DIRECT_MANAGER)))
		bound += p[v].last - v;
	if ((aud & BIT(REL_DIRECT_MANAGER)) && (p[v].flags & PERSON_ADDL_MANAGER))
	{
		for (int32_t i = AddlFirst(dir, v); i < dir->naddl && dir->addl[i].key == v; i++)
			bound++;
	}
	if ((aud & BIT(REL_TEAM_LEAD)) && (p[v].flags & PERSON_LEADS_TEAM))
	{
		for (int32_t g = 0; g < dir->ngroups; g++)
		{
			if (dir->groups[g].kind == GROUP_TEAM && OrgIsLead(dir, v, g))
				bound += dir->grp_member_off[g + 1] - dir->grp_member_off[g];
		}
	}
	if (roles)
	{
		for (int32_t i = dir->scoped_off[v]; i < dir->scoped_off[v + 1]; i++)
		{
			int32_t		g = dir->scoped[i].group;

			bound += dir->grp_member_off[g + 1] - dir->grp_member_off[g];
		}
	}
	return bound;
}

/*
 * OrgScopeSuperset lists the superset OrgScopeSupersetBound bounds: it sets
 * *out to the sorted, distinct indexes of every person whose rows the
 * subject arm may allow under aud and returns their number, or returns -1
 * (leaving *out alone) for "nearly everyone".
 */
int32_t
OrgScopeSuperset(OrgScope *sc, OrgAudience aud, int32_t **out)
{
	const OrgDirectory *dir = sc->dir;
	const OrgPerson *p = dir->persons;
	int32_t		v = sc->v;
	int64_t		bound = OrgScopeSupersetBound(sc, aud);
	int32_t		n = 0;
	int32_t	   *list;

	if (bound < 0)
		return -1;
	if (v < 0)
	{
		*out = NULL;
		return 0;
	}
	aud &= (OrgAudience) ~ROW_RELATIONS;
	list = sc->alloc(sc->alloc_arg, sizeof(int32_t) * (size_t) bound);

	if (aud & BIT(REL_SUBJECT))
		list[n++] = v;
	if (aud & BIT(REL_MANAGERS))
	{
		for (int32_t s = v + 1; s <= p[v].last; s++)
			list[n++] = s;
	}
	else if (aud & BIT(REL_DIRECT_MANAGER))
	{
		/* the primary reports: v's children, each followed by its subtree */
		for (int32_t s = v + 1; s <= p[v].last; s = p[s].last + 1)
			list[n++] = s;
	}
	if ((aud & BIT(REL_DIRECT_MANAGER)) && (p[v].flags & PERSON_ADDL_MANAGER))
	{
		for (int32_t i = AddlFirst(dir, v); i < dir->naddl && dir->addl[i].key == v; i++)
			list[n++] = dir->addl[i].val;
	}
	if ((aud & BIT(REL_TEAM_LEAD)) && (p[v].flags & PERSON_LEADS_TEAM))
	{
		for (int32_t g = 0; g < dir->ngroups; g++)
		{
			if (dir->groups[g].kind == GROUP_TEAM && OrgIsLead(dir, v, g))
				AddMembers(dir, g, list, &n);
		}
	}
	if ((aud & BIT(REL_HR)) && sc->may_cap)
	{
		for (int32_t i = dir->scoped_off[v]; i < dir->scoped_off[v + 1]; i++)
			AddMembers(dir, dir->scoped[i].group, list, &n);
	}

	if (n > 1)
	{
		int32_t		m = 1;

		qsort(list, (size_t) n, sizeof(int32_t), CompareInt32);
		for (int32_t i = 1; i < n; i++)
		{
			if (list[i] != list[m - 1])
				list[m++] = list[i];
		}
		n = m;
	}
	*out = list;
	return n;
}
