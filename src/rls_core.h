/*-------------------------------------------------------------------------
 *
 * rls_core.h
 *	  Row-level security over the decision procedure, in pure C: the
 *	  per-query scope of one viewer, the per-row tests the policies call,
 *	  and the superset of subjects an index condition may read.
 *
 * A protect()ed table's policy is the OR of one "subject arm" and up to
 * three "row arms" (scripts/rls.sql):
 *
 *	 sees_subject(...)                          relations that follow from
 *	                                            the subject, and roles
 *	 OR (author = viewer AND sees_row(...))     the author relation
 *	 OR (cycle = ANY(owned) AND sees_row(...))  the owner relation
 *	 OR (shared @> {viewer} AND sees_row(...))  the shared relation
 *
 * can() allows exactly when one arm does: rule 3 allows when any relation
 * held is in the audience, and rule 4 never looks at author, owner or
 * shared.  Splitting them lets the planner read each arm through an index:
 * the row arms through plain indexes on their columns, the subject arm
 * through the superset of subjects computed here (rls.c's planner support
 * turns it into "subject = ANY(superset)").
 *
 * An OrgScope is built once per query and viewer.  The subject arm answers
 * most rows with a few comparisons (the viewer's subtree, the viewer, a
 * direct report, a global capability away from the viewer's own line) and
 * falls back to OrgDecide, memoised per person once a query has asked
 * often enough, for the rest.
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/rls_core.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ORGACL_RLS_CORE_H
#define ORGACL_RLS_CORE_H

#include "decide_core.h"

/* relations that depend on the row, not on the subject */
#define ROW_RELATIONS \
	((OrgAudience) ((1u << REL_AUTHOR) | (1u << REL_OWNER) | (1u << REL_SHARED)))

/* allocator for scope memory: returns zeroed memory or does not return */
typedef void *(*OrgAllocFn) (void *arg, size_t size);

#define SCOPE_VARIANTS		8	/* audiences memoised per scope */
#define SCOPE_MEMO_AFTER	64	/* slow decisions before a memo pays off */
#define SCOPE_CHAIN			64	/* managers above the viewer kept at hand */

typedef struct OrgScopeVariant
{
	OrgAudience aud;
	uint32_t	slow;			/* slow decisions taken under aud */
	uint8_t    *memo;			/* per person: 0 unknown, 1 deny, 2 allow */
} OrgScopeVariant;

typedef struct OrgScope
{
	const OrgDirectory *dir;
	int64_t		viewer;
	int32_t		v;				/* the viewer's index; -1: sees nothing */
	OrgAction	action;
	int32_t		kind;
	bool		global_cap;		/* holds the kind's capability globally, and
								 * roles may reach the kind */
	bool		may_cap;		/* might hold it for some subject (global or
								 * scoped grants) */
	int			nchain;			/* the viewer's primary managers, bottom up */
	int32_t		chain[SCOPE_CHAIN];
	bool		chain_complete;	/* nchain holds all of them */
	int			nvariants;
	OrgScopeVariant variants[SCOPE_VARIANTS];
	OrgAllocFn	alloc;
	void	   *alloc_arg;
} OrgScope;

extern bool OrgRowAudience(const OrgDirectory *dir, OrgAction action, int32_t kind,
						   bool has_cycle, int64_t cycle, bool has_audience,
						   OrgAudience audience, OrgAudience *out,
						   const OrgCycle **cycle_out);
extern OrgAudience OrgWidestAudience(const OrgDirectory *dir, OrgAction action,
									 int32_t kind, bool any_cycle, bool any_audience);

extern void OrgScopeInit(OrgScope *sc, const OrgDirectory *dir, bool has_viewer,
						 int64_t viewer, OrgAction action, int32_t kind,
						 OrgAllocFn alloc, void *alloc_arg);
extern bool OrgScopeSubject(OrgScope *sc, int64_t subject, OrgAudience aud);
extern bool OrgScopeRow(const OrgScope *sc, int64_t subject, OrgAudience aud,
						const OrgCycle *cycle, bool has_author, int64_t author,
						int nshared, const int64_t *shared);
extern int64_t OrgScopeSupersetBound(const OrgScope *sc, OrgAudience aud);
extern int32_t OrgScopeSuperset(OrgScope *sc, OrgAudience aud, int32_t **out);

#endif							/* ORGACL_RLS_CORE_H */
