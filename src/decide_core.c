/*-------------------------------------------------------------------------
 *
 * decide_core.c
 *	  The decision procedure of SPEC section 3 over an OrgDirectory.
 *
 * Pure C: no allocation, no server calls.  OrgDecide is the single place
 * the rules live; can(), can_view(), visible_subjects(), who_can() and
 * explain() all call it, the last with a trace.
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/decide_core.c
 *
 *-------------------------------------------------------------------------
 */
#include "decide_core.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const action_names[ACT_COUNT] = {
	"view", "create", "edit", "delete", "aggregate", "unveil_author"
};

static const char *const cycle_action_names[CYC_COUNT] = {
	"create_cycle", "edit_cycle", "delete_cycle"
};

static const char *const group_kind_names[GROUP_KIND_COUNT] = {
	"team", "location", "saved_group", "performance_group"
};

/*
 * LookupName finds name (len bytes, not NUL-terminated) in a table of n
 * strings and returns its index, or -1.
 */
static int
LookupName(const char *const *table, int n, const char *name, size_t len)
{
	for (int i = 0; i < n; i++)
	{
		if (strlen(table[i]) == len && memcmp(table[i], name, len) == 0)
			return i;
	}
	return -1;
}

/* ActionName returns the SQL name of an action, or NULL. */
const char *
ActionName(int action)
{
	return (action >= 0 && action < ACT_COUNT) ? action_names[action] : NULL;
}

/* ActionLookup returns the action of a name, or -1. */
int
ActionLookup(const char *name, size_t len)
{
	return LookupName(action_names, ACT_COUNT, name, len);
}

/* CycleActionName returns the capability suffix of a cycle action. */
const char *
CycleActionName(int cycle_action)
{
	return (cycle_action >= 0 && cycle_action < CYC_COUNT) ?
		cycle_action_names[cycle_action] : NULL;
}

/* GroupKindName returns the SQL name of a group kind, or NULL. */
const char *
GroupKindName(int kind)
{
	return (kind >= 0 && kind < GROUP_KIND_COUNT) ? group_kind_names[kind] : NULL;
}

/* GroupKindLookup returns the group kind of a name, or -1. */
int
GroupKindLookup(const char *name, size_t len)
{
	return LookupName(group_kind_names, GROUP_KIND_COUNT, name, len);
}

/*
 * OrgHashId mixes a person id into a hash (the splitmix64 finaliser), so
 * that dense and strided ids spread alike over the table.
 */
uint32_t
OrgHashId(int64_t id)
{
	uint64_t	x = (uint64_t) id;

	x ^= x >> 30;
	x *= UINT64_C(0xbf58476d1ce4e5b9);
	x ^= x >> 27;
	x *= UINT64_C(0x94d049bb133111eb);
	x ^= x >> 31;
	return (uint32_t) x;
}

/*
 * OrgFindPerson returns the index of person id, or -1 when the directory
 * does not know it: one array read when ids are dense, else linear probing
 * in a table at most half full.
 */
int32_t
OrgFindPerson(const OrgDirectory *dir, int64_t id)
{
	uint32_t	h;

	if (dir->npersons == 0)
		return -1;
	if (dir->dense != NULL)
	{
		uint64_t	off = (uint64_t) id - (uint64_t) dir->id_min;

		return off <= (uint64_t) (dir->id_max - dir->id_min) ? dir->dense[off] : -1;
	}
	h = OrgHashId(id) & dir->hash_mask;
	for (;;)
	{
		int32_t		i = dir->hash[h];

		if (i < 0)
			return -1;
		if (dir->persons[i].id == id)
			return i;
		h = (h + 1) & dir->hash_mask;
	}
}

/* OrgFindGroup returns the index of group id, or -1 (binary search). */
int32_t
OrgFindGroup(const OrgDirectory *dir, int64_t id)
{
	int			lo = 0,
				hi = dir->ngroups - 1;

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (dir->groups[mid].id == id)
			return mid;
		if (dir->groups[mid].id < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/* OrgFindCycle returns cycle id, or NULL (binary search). */
const OrgCycle *
OrgFindCycle(const OrgDirectory *dir, int64_t id)
{
	int			lo = 0,
				hi = dir->ncycles - 1;

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (dir->cycles[mid].id == id)
			return &dir->cycles[mid];
		if (dir->cycles[mid].id < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

/* OrgFindKind returns the index of an artifact kind, or -1. */
int32_t
OrgFindKind(const OrgDirectory *dir, const char *name, size_t len)
{
	for (int i = 0; i < dir->nkinds; i++)
	{
		if (dir->kinds[i].name_len == len && memcmp(dir->kinds[i].name, name, len) == 0)
			return i;
	}
	return -1;
}

/* OrgFindCap returns the id of a capability of the model, or -1. */
int32_t
OrgFindCap(const OrgDirectory *dir, const char *name, size_t len)
{
	for (int i = 0; i < dir->ncaps; i++)
	{
		if (strlen(dir->cap_names[i]) == len && memcmp(dir->cap_names[i], name, len) == 0)
			return i;
	}
	return -1;
}

/* OrgFindRole returns the bit of a role of the model, or -1. */
int32_t
OrgFindRole(const OrgDirectory *dir, const char *name, size_t len)
{
	if (len == 0)
		return -1;
	for (int b = 0; b < ORG_MAX_ROLES; b++)
	{
		if (strlen(dir->role_names[b]) == len && memcmp(dir->role_names[b], name, len) == 0)
			return b;
	}
	return -1;
}

/* OrgFindLogin returns the mapping of a database role name, or NULL. */
const OrgLogin *
OrgFindLogin(const OrgDirectory *dir, const char *login)
{
	int			lo = 0,
				hi = dir->nlogins - 1;

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;
		int			c = strcmp(dir->logins[mid].login, login);

		if (c == 0)
			return &dir->logins[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

/*
 * OrgIsManagerOf reports whether m is above s in s's primary line (a
 * manager of s at any distance; not s itself).  Exact: persons are in
 * depth-first order, so s is in m's subtree iff m < s <= m.last.
 */
bool
OrgIsManagerOf(const OrgDirectory *dir, int32_t m, int32_t s)
{
	return m < s && s <= dir->persons[m].last;
}

/*
 * SortedContains reports whether the sorted int32 range a[lo..hi) holds v.
 */
static bool
SortedContains(const int32_t *a, int32_t lo, int32_t hi, int32_t v)
{
	hi--;
	while (lo <= hi)
	{
		int32_t		mid = lo + (hi - lo) / 2;

		if (a[mid] == v)
			return true;
		if (a[mid] < v)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return false;
}

/* OrgIsAdditionalManagerOf reports whether m is an additional manager of s. */
bool
OrgIsAdditionalManagerOf(const OrgDirectory *dir, int32_t m, int32_t s)
{
	return SortedContains(dir->addmgr, dir->addmgr_off[s], dir->addmgr_off[s + 1], m);
}

/* OrgIsMember reports whether person p is a member of group g. */
bool
OrgIsMember(const OrgDirectory *dir, int32_t p, int32_t g)
{
	return SortedContains(dir->member, dir->member_off[p], dir->member_off[p + 1], g);
}

/* OrgIsLead reports whether person p leads group g. */
bool
OrgIsLead(const OrgDirectory *dir, int32_t p, int32_t g)
{
	const OrgGroup *grp = &dir->groups[g];

	return SortedContains(dir->leads, grp->lead_off, grp->lead_off + grp->nleads, p);
}

/*
 * OrgRolesFor returns the roles person p holds towards subject s: the
 * global ones, plus, when s >= 0, those scoped to a group that contains s.
 */
OrgRoleMask
OrgRolesFor(const OrgDirectory *dir, int32_t p, int32_t s)
{
	OrgRoleMask roles = dir->persons[p].roles;

	if (s >= 0)
	{
		for (int32_t i = dir->scoped_off[p]; i < dir->scoped_off[p + 1]; i++)
		{
			if (OrgIsMember(dir, s, dir->scoped[i].group))
				roles |= dir->scoped[i].roles;
		}
	}
	return roles;
}

/*
 * OrgHoldsCap reports whether person p holds capability cap, counting
 * roles scoped to groups that contain subject s when s >= 0, and only
 * global roles otherwise.  A deactivated person holds nothing.
 */
bool
OrgHoldsCap(const OrgDirectory *dir, int32_t p, int32_t cap, int32_t s)
{
	OrgRoleMask roles;

	if (cap < 0 || p < 0 || !(dir->persons[p].flags & PERSON_ACTIVE))
		return false;
	roles = OrgRolesFor(dir, p, s);
	for (int i = 0; i < dir->nrules; i++)
	{
		const OrgCapRule *r = &dir->rules[i];

		if (r->cap != cap)
			continue;
		if (r->needs_report && !(dir->persons[p].flags & PERSON_HAS_REPORT))
			continue;
		if ((r->roles & ~roles) == 0)
			return true;
	}
	return false;
}

#if defined(__GNUC__)
static void Trace(OrgTrace *trace, int step, const char *rule, OrgOutcome outcome,
				  const char *fmt,...) __attribute__((format(printf, 5, 6)));
#endif

/*
 * Trace appends a step to trace (when there is one).
 */
static void
Trace(OrgTrace *trace, int step, const char *rule, OrgOutcome outcome,
	  const char *fmt,...)
{
	OrgTraceStep *t;
	va_list		ap;

	if (trace == NULL || trace->nsteps >= TRACE_MAX_STEPS)
		return;
	t = &trace->steps[trace->nsteps++];
	t->step = step;
	snprintf(t->rule, sizeof(t->rule), "%s", rule);
	t->outcome = outcome;
	va_start(ap, fmt);
	vsnprintf(t->detail, sizeof(t->detail), fmt, ap);
	va_end(ap);
}

/* RoleNameCb adapts the model's role names to SetNameOf. */
static const char *
RoleNameCb(int bit, void *arg)
{
	const OrgDirectory *dir = arg;

	return dir->role_names[bit][0] ? dir->role_names[bit] : NULL;
}

/*
 * RelationWords describes, for explain(), how the viewer holds relation r
 * towards the subject.
 */
static const char *
RelationWords(int r, bool primary_direct)
{
	switch (r)
	{
		case REL_SUBJECT:
			return "is the subject";
		case REL_AUTHOR:
			return "is the author";
		case REL_DIRECT_MANAGER:
			return primary_direct ? "is the direct manager of the subject" :
				"is an additional manager of the subject";
		case REL_MANAGERS:
			return primary_direct ? "is the direct manager of the subject" :
				"is an indirect manager of the subject";
		case REL_OWNER:
			return "owns the cycle";
		case REL_SHARED:
			return "is named in shared_with";
		case REL_TEAM_LEAD:
			return "leads a team the subject belongs to";
		case REL_PUBLIC:
			return "is an active person";
		default:
			return "holds no relation";
	}
}

/*
 * OrgDecide decides can(viewer, action, subject, art) by the rules of SPEC
 * section 3, in their order, and returns true to allow.  With a trace it
 * also records every rule it tried.
 *
 * NB: readings where SPEC is silent, chosen fail-closed:
 * - an unknown subject is denied at step 1 (no person, nothing to see);
 * - an unknown cycle, or a cycle of another kind than the artifact, is
 *   denied at step 2 rather than falling back to the kind's default, which
 *   could be wider than the cycle's audience;
 * - a viewer who is a manager of the subject and also the subject's
 *   additional manager is reported by the relation that allowed.
 */
bool
OrgDecide(const OrgDirectory *dir, int64_t viewer, OrgAction action,
		  int64_t subject, const OrgArtifactRef *art, OrgTrace *trace)
{
	const OrgKind *kind = &dir->kinds[art->kind];
	const OrgCycle *cycle = NULL;
	const char *aname = action_names[action];
	int32_t		v,
				s;
	OrgAudience aud;
	OrgAudience rel = 0;
	OrgAudience hit;
	bool		primary_direct;
	char		audtext[160] = "";
	char		audsrc[64] = "";
	char		reltext[160] = "";

	/* 1: an unknown or deactivated viewer sees nothing */
	v = OrgFindPerson(dir, viewer);
	if (v < 0)
	{
		Trace(trace, 1, "1", OUTCOME_DENY,
			  "viewer %" PRId64 " is not in the directory", viewer);
		return false;
	}
	if (!(dir->persons[v].flags & PERSON_ACTIVE))
	{
		Trace(trace, 1, "1", OUTCOME_DENY,
			  "viewer %" PRId64 " is deactivated", viewer);
		return false;
	}
	s = OrgFindPerson(dir, subject);
	if (s < 0)
	{
		Trace(trace, 1, "1", OUTCOME_DENY,
			  "subject %" PRId64 " is not in the directory", subject);
		return false;
	}
	Trace(trace, 1, "1", OUTCOME_CONTINUE,
		  "viewer %" PRId64 " is an active person and subject %" PRId64 " is in the directory",
		  viewer, subject);

	/* 2: whose audience applies */
	if (art->has_cycle)
	{
		cycle = OrgFindCycle(dir, art->cycle);
		if (cycle == NULL)
		{
			Trace(trace, 2, "2", OUTCOME_DENY,
				  "cycle %" PRId64 " does not exist", art->cycle);
			return false;
		}
		if (cycle->kind != art->kind)
		{
			Trace(trace, 2, "2", OUTCOME_DENY,
				  "cycle %" PRId64 " is a %s cycle, not a %s cycle",
				  art->cycle, dir->kinds[cycle->kind].name, kind->name);
			return false;
		}
	}
	if (ACTION_IS_READ(action) && art->has_audience)
	{
		aud = art->audience & kind->cap;
		if (trace)
			SetFormat(aud, RelationNameCb, NULL, audtext, sizeof(audtext));
		if (trace)
			snprintf(audsrc, sizeof(audsrc), "the row's audience");
		Trace(trace, 2, "2", OUTCOME_CONTINUE, "the row's own audience applies to %s: %s%s",
			  aname, audtext, aud != art->audience ? " (capped by the kind)" : "");
	}
	else if (ACTION_IS_READ(action) && cycle != NULL && cycle->has_audience)
	{
		aud = cycle->audience & kind->cap;
		if (trace)
			SetFormat(aud, RelationNameCb, NULL, audtext, sizeof(audtext));
		if (trace)
			snprintf(audsrc, sizeof(audsrc), "cycle %" PRId64 "'s audience", cycle->id);
		Trace(trace, 2, "2", OUTCOME_CONTINUE, "cycle %" PRId64 "'s audience applies to %s: %s%s",
			  cycle->id, aname, audtext, aud != cycle->audience ? " (capped by the kind)" : "");
	}
	else
	{
		aud = kind->def[action] & kind->cap;
		if (trace)
			SetFormat(aud, RelationNameCb, NULL, audtext, sizeof(audtext));
		if (trace)
			snprintf(audsrc, sizeof(audsrc), "the default audience");
		Trace(trace, 2, "2", OUTCOME_CONTINUE, "the %s default of %s applies%s: %s",
			  aname, kind->name,
			  ACTION_IS_READ(action) ? "" : " (a row or cycle narrows reads, never writes)",
			  audtext);
	}

	/* 3: relations first */
	primary_direct = dir->persons[s].parent == v;
	if (v == s)
		rel |= 1u << REL_SUBJECT;
	if (art->has_author && art->author == viewer)
		rel |= 1u << REL_AUTHOR;
	if (primary_direct || OrgIsAdditionalManagerOf(dir, v, s))
		rel |= 1u << REL_DIRECT_MANAGER;
	if (OrgIsManagerOf(dir, v, s))
		rel |= 1u << REL_MANAGERS;
	if (cycle != NULL && cycle->owner == viewer)
		rel |= 1u << REL_OWNER;
	for (int i = 0; i < art->nshared; i++)
	{
		if (art->shared[i] == viewer)
		{
			rel |= 1u << REL_SHARED;
			break;
		}
	}
	for (int32_t i = dir->member_off[s]; i < dir->member_off[s + 1]; i++)
	{
		const OrgGroup *g = &dir->groups[dir->member[i]];

		if (g->kind == GROUP_TEAM && OrgIsLead(dir, v, dir->member[i]))
		{
			rel |= 1u << REL_TEAM_LEAD;
			break;
		}
	}
	rel |= 1u << REL_PUBLIC;

	hit = rel & aud & ~(1u << REL_HR);
	if (hit)
	{
		int			r = 0;

		while (!(hit & (1u << r)))
			r++;
		Trace(trace, 3, "3", OUTCOME_ALLOW,
			  "viewer %" PRId64 " %s and the audience includes %s",
			  viewer, RelationWords(r, primary_direct), RelationName(r));
		return true;
	}
	if (trace)
		SetFormat(rel, RelationNameCb, NULL, reltext, sizeof(reltext));
	Trace(trace, 3, "3", OUTCOME_CONTINUE,
		  "viewer %" PRId64 " holds %s towards %" PRId64 "; none of them is in the audience",
		  viewer, reltext, subject);

	/* 4: roles second, only through hr */
	if (!(aud & (1u << REL_HR)))
	{
		Trace(trace, 4, "4", OUTCOME_CONTINUE,
			  "the audience does not include hr, so no role applies");
	}
	else if (!kind->role_access)
	{
		Trace(trace, 4, "4", OUTCOME_CONTINUE,
			  "no role ever reaches %s: only the persons of its audience see it", kind->name);
	}
	else
	{
		OrgRoleMask roles = OrgRolesFor(dir, v, s);
		char		roletext[ORG_MAX_ROLES * 8] = "";
		int32_t		cap = kind->action_cap[action];
		const char *who = NULL;
		const char *excluded = NULL;

		if (trace)
			SetFormat(roles, RoleNameCb, (void *) dir, roletext, sizeof(roletext));

		/* 4a: cycle settings supersede roles */
		if (v == s)
		{
			who = "is the subject";
			excluded = "subject";
		}
		else if (OrgIsManagerOf(dir, v, s))
		{
			who = primary_direct ? "is the direct manager of" : "is an indirect manager of";
			excluded = primary_direct ? "direct_manager and managers" : "managers";
		}
		else if (OrgIsAdditionalManagerOf(dir, v, s))
		{
			who = "is an additional manager of";
			excluded = "direct_manager";
		}
		if (who != NULL)
		{
			Trace(trace, 4, "4a", OUTCOME_DENY,
				  "viewer %" PRId64 " %s %" PRId64 "; %s %s excludes %s; "
				  "cycle settings supersede %s%s",
				  viewer, who, subject, audsrc, audtext, excluded,
				  roles ? "the roles " : "roles (the viewer holds none)",
				  roles ? roletext : "");
			return false;
		}
		Trace(trace, 4, "4a", OUTCOME_CONTINUE,
			  "viewer %" PRId64 " is not personally related to %" PRId64, viewer, subject);

		/* 4b: never up the chain */
		if (OrgIsManagerOf(dir, s, v))
		{
			Trace(trace, 4, "4b", OUTCOME_DENY,
				  "%" PRId64 " is above viewer %" PRId64 " in the viewer's reporting line; "
				  "nobody reads their own managers' data through a role (viewer holds %s)",
				  subject, viewer, roletext);
			return false;
		}
		Trace(trace, 4, "4b", OUTCOME_CONTINUE,
			  "%" PRId64 " is not above viewer %" PRId64 " in the reporting line", subject, viewer);

		/* 4c: the kind's capability for the action */
		if (OrgHoldsCap(dir, v, cap, s))
		{
			bool		global = OrgHoldsCap(dir, v, cap, -1);

			Trace(trace, 4, "4c", OUTCOME_ALLOW,
				  "viewer %" PRId64 " holds %s.%s through roles %s%s",
				  viewer, kind->name, aname, roletext,
				  global ? "" : " (scoped to a group that contains the subject)");
			return true;
		}
		Trace(trace, 4, "4c", OUTCOME_CONTINUE,
			  "viewer %" PRId64 " does not hold %s.%s for %" PRId64 " (roles %s)",
			  viewer, kind->name, aname, subject, roletext);
	}

	/* 5 */
	Trace(trace, 5, "5", OUTCOME_DENY, "no rule allows viewer %" PRId64 " to %s this %s of %" PRId64,
		  viewer, aname, kind->name, subject);
	return false;
}
