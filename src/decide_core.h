/*-------------------------------------------------------------------------
 *
 * decide_core.h
 *	  The decision procedure of SPEC section 3, in pure C, and the in-memory
 *	  directory it reads.
 *
 * An OrgDirectory is a read-only snapshot of the active model and of the
 * organisation, built by src/model_cache.c from the catalog tables and kept
 * per backend.  OrgDecide answers can(viewer, action, subject, artifact)
 * from it with a few array look-ups and no server calls, so the procedure
 * can be unit-tested and fuzzed without a server, and costs no executor
 * work per row.  The same function writes the explain() trace when asked,
 * so can() and explain() cannot disagree; without a trace it formats
 * nothing.
 *
 * Persons are stored in depth-first order of their paths: person i's
 * primary-line subtree is exactly the index range i .. persons[i].last, so
 * "m is a manager of s" is two comparisons.
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/decide_core.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ORGACL_DECIDE_CORE_H
#define ORGACL_DECIDE_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sets_core.h"

/* The actions of SPEC section 4, in this order. */
typedef enum OrgAction
{
	ACT_VIEW = 0,
	ACT_CREATE,
	ACT_EDIT,
	ACT_DELETE,
	ACT_AGGREGATE,
	ACT_UNVEIL_AUTHOR,
	ACT_COUNT
} OrgAction;

/* Actions whose audience a row or cycle may set (rule 2): the reads. */
#define ACTION_IS_READ(a) \
	((a) == ACT_VIEW || (a) == ACT_AGGREGATE || (a) == ACT_UNVEIL_AUTHOR)

/* Cycle actions, each with a <kind>.<name> capability. */
typedef enum OrgCycleAction
{
	CYC_CREATE = 0,
	CYC_EDIT,
	CYC_DELETE,
	CYC_COUNT
} OrgCycleAction;

/* Group kinds of SPEC section 2. */
typedef enum OrgGroupKind
{
	GROUP_TEAM = 0,
	GROUP_LOCATION,
	GROUP_SAVED,
	GROUP_PERFORMANCE,
	GROUP_KIND_COUNT
} OrgGroupKind;

/* longest kind, role or capability name (catalog CHECKs keep names shorter) */
#define ORG_NAME_MAX	64

/* OrgPerson.flags */
#define PERSON_ACTIVE		0x01	/* not deactivated */
#define PERSON_HAS_REPORT	0x02	/* someone's primary or additional manager */
#define PERSON_ADDL_MANAGER	0x04	/* someone's additional manager */
#define PERSON_LEADS_TEAM	0x08	/* leads a group of kind team */

/*
 * OrgPerson is one person (32 bytes).  Scoped grants, additional managers
 * and group memberships live in side arrays indexed through the *_off
 * arrays of OrgDirectory (compressed sparse rows).
 */
typedef struct OrgPerson
{
	int64_t		id;				/* the application's person id */
	OrgRoleMask roles;			/* roles held globally */
	int32_t		parent;			/* index of the primary manager, -1 at the top */
	int32_t		last;			/* last index of this person's subtree */
	uint32_t	flags;			/* PERSON_* */
	uint32_t	unused;			/* padding, zero */
} OrgPerson;

/* OrgPair is a sorted pair of indexes. */
typedef struct OrgPair
{
	int32_t		key;
	int32_t		val;
} OrgPair;

/* OrgScoped is the set of roles a person holds scoped to one group. */
typedef struct OrgScoped
{
	OrgRoleMask roles;
	int32_t		group;			/* index into OrgDirectory.groups */
	int32_t		unused;
} OrgScoped;

/* OrgGroup is one group; its leads are leads[lead_off .. lead_off+nleads). */
typedef struct OrgGroup
{
	int64_t		id;
	int32_t		kind;			/* OrgGroupKind */
	int32_t		lead_off;
	int32_t		nleads;
	int32_t		unused;
} OrgGroup;

/* OrgCycle is one cycle. */
typedef struct OrgCycle
{
	int64_t		id;
	int64_t		owner;			/* person id of the creator, 0 for the system */
	int32_t		kind;			/* index into OrgDirectory.kinds */
	bool		has_audience;
	OrgAudience audience;
} OrgCycle;

/*
 * OrgKind is one artifact kind under the active model, options applied:
 * the default audience per action and the capability ids rule 4 and the
 * cycle functions check (-1 when nobody can hold it).
 */
typedef struct OrgKind
{
	char		name[ORG_NAME_MAX];
	size_t		name_len;		/* strlen(name) */
	bool		role_access;	/* may roles ever reach it (rule 4) */
	OrgAudience cap;			/* widest audience (AUDIENCE_ALL: no cap) */
	OrgAudience def[ACT_COUNT]; /* default audience per action */
	int32_t		action_cap[ACT_COUNT];	/* capability <kind>.<action> */
	int32_t		cycle_cap[CYC_COUNT];	/* <kind>.create_cycle etc. */
} OrgKind;

/*
 * OrgCapRule: a person holds capability cap when their roles include all of
 * roles, and, with needs_report, they have a direct report.  Rules whose
 * option is off are left out when the directory is built.
 */
typedef struct OrgCapRule
{
	OrgRoleMask roles;
	int32_t		cap;
	bool		needs_report;
} OrgCapRule;

/* OrgLogin maps a database role name to a person. */
typedef struct OrgLogin
{
	char		login[ORG_NAME_MAX];
	int64_t		person;
} OrgLogin;

/* OrgDirectory is the model and the organisation, read-only once built. */
typedef struct OrgDirectory
{
	/* the active model */
	char		model[ORG_NAME_MAX];
	int			nroles;
	char		role_names[ORG_MAX_ROLES][ORG_NAME_MAX];	/* "" where no role */
	OrgRoleMask super_roles;
	int			nkinds;
	OrgKind    *kinds;
	int			ncaps;
	char	  (*cap_names)[ORG_NAME_MAX];
	int			nrules;
	OrgCapRule *rules;

	/* the organisation */
	int			npersons;
	OrgPerson  *persons;		/* depth-first order of paths */
	int32_t    *hash;			/* open addressing on id: person index or -1 */
	uint32_t	hash_mask;		/* hash size - 1 (a power of two) */
	int32_t    *dense;			/* when ids are dense: person index of id
								 * id_min + i, or -1; NULL: use hash */
	int64_t		id_min;
	int64_t		id_max;
	int32_t    *addmgr_off;		/* npersons + 1 offsets into addmgr */
	int32_t    *addmgr;			/* additional managers of each person (indexes, sorted) */
	int32_t    *member_off;		/* npersons + 1 offsets into member */
	int32_t    *member;			/* groups of each person (group indexes, sorted) */
	int32_t    *grp_member_off;	/* ngroups + 1 offsets into grp_member */
	int32_t    *grp_member;		/* members of each group (person indexes, sorted) */
	int			naddl;
	OrgPair    *addl;			/* (additional manager, person) index pairs, sorted */
	int32_t    *scoped_off;		/* npersons + 1 offsets into scoped */
	OrgScoped  *scoped;			/* scoped grants of each person, by group */
	int			ngroups;
	OrgGroup   *groups;			/* sorted by id */
	int32_t    *leads;			/* leads of each group (person indexes, sorted) */
	int			ncycles;
	OrgCycle   *cycles;			/* sorted by id */
	int			nlogins;
	OrgLogin   *logins;			/* sorted by login */

	/* bookkeeping */
	uint64_t	generation;		/* distinct for every build in this process */
	size_t		bytes;			/* memory the build holds */
} OrgDirectory;

/* OrgArtifactRef is what can() judges, its fields taken from orgacl.artifact. */
typedef struct OrgArtifactRef
{
	int32_t		kind;			/* index into OrgDirectory.kinds */
	bool		has_cycle;
	bool		has_author;
	bool		has_audience;
	int64_t		cycle;
	int64_t		author;
	OrgAudience audience;
	int			nshared;
	const int64_t *shared;		/* shared_with, NULL elements left out */
} OrgArtifactRef;

/* Outcomes of a trace step. */
typedef enum OrgOutcome
{
	OUTCOME_CONTINUE = 0,
	OUTCOME_ALLOW,
	OUTCOME_DENY
} OrgOutcome;

#define TRACE_MAX_STEPS		8
#define TRACE_DETAIL_MAX	512

/* OrgTrace collects the rules OrgDecide tried, for explain(). */
typedef struct OrgTraceStep
{
	int			step;			/* 1..5 */
	char		rule[4];		/* "1", "2", "3", "4", "4a", "4b", "4c", "5" */
	OrgOutcome	outcome;
	char		detail[TRACE_DETAIL_MAX];
} OrgTraceStep;

typedef struct OrgTrace
{
	int			nsteps;
	OrgTraceStep steps[TRACE_MAX_STEPS];
} OrgTrace;

extern const char *ActionName(int action);
extern int	ActionLookup(const char *name, size_t len);
extern const char *CycleActionName(int cycle_action);
extern const char *GroupKindName(int kind);
extern int	GroupKindLookup(const char *name, size_t len);

extern uint32_t OrgHashId(int64_t id);
extern int32_t OrgFindPerson(const OrgDirectory *dir, int64_t id);
extern int32_t OrgFindGroup(const OrgDirectory *dir, int64_t id);
extern const OrgCycle *OrgFindCycle(const OrgDirectory *dir, int64_t id);
extern int32_t OrgFindKind(const OrgDirectory *dir, const char *name, size_t len);
extern int32_t OrgFindCap(const OrgDirectory *dir, const char *name, size_t len);
extern int32_t OrgFindRole(const OrgDirectory *dir, const char *name, size_t len);
extern const OrgLogin *OrgFindLogin(const OrgDirectory *dir, const char *login);

extern bool OrgIsManagerOf(const OrgDirectory *dir, int32_t m, int32_t s);
extern bool OrgIsAdditionalManagerOf(const OrgDirectory *dir, int32_t m, int32_t s);
extern bool OrgIsMember(const OrgDirectory *dir, int32_t p, int32_t g);
extern bool OrgIsLead(const OrgDirectory *dir, int32_t p, int32_t g);
extern OrgRoleMask OrgRolesFor(const OrgDirectory *dir, int32_t p, int32_t s);
extern bool OrgHoldsCap(const OrgDirectory *dir, int32_t p, int32_t cap, int32_t s);

extern bool OrgDecide(const OrgDirectory *dir, int64_t viewer, OrgAction action,
					  int64_t subject, const OrgArtifactRef *art, OrgTrace *trace);

#endif							/* ORGACL_DECIDE_CORE_H */
