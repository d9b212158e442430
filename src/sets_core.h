/*-------------------------------------------------------------------------
 *
 * sets_core.h
 *	  Pure-C core of the two set types, orgacl.roleset and orgacl.audience:
 *	  the text form "{a,b,c}" and the relation vocabulary.
 *
 * A set is a bitmask.  A roleset has one bit per role of the active model
 * (orgacl.model_role.bit, at most 64 roles); an audience has one bit per
 * relation of SPEC section 2, in the order of OrgRelation below.  Nothing
 * here depends on the server, so the parser can be fuzzed on its own.
 *
 * Text form: '{' [name {',' name}] '}', with optional blanks around names.
 * Names are [a-z0-9_]+; a name may repeat (it is a set).  The output lists
 * names in bit order with no blanks, so output is canonical.
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/sets_core.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ORGACL_SETS_CORE_H
#define ORGACL_SETS_CORE_H

#include <stddef.h>
#include <stdint.h>

/* The relations an audience is made of (SPEC section 2), one bit each. */
typedef enum OrgRelation
{
	REL_SUBJECT = 0,
	REL_AUTHOR,
	REL_DIRECT_MANAGER,
	REL_MANAGERS,
	REL_OWNER,
	REL_SHARED,
	REL_TEAM_LEAD,
	REL_PUBLIC,
	REL_HR,
	REL_COUNT
} OrgRelation;

/* an audience value: bit r set = relation r is in it */
typedef uint16_t OrgAudience;

/* every valid audience bit */
#define AUDIENCE_ALL	((OrgAudience) ((1u << REL_COUNT) - 1))

/* a roleset value: bit b set = the model's role of bit b is in it */
typedef uint64_t OrgRoleMask;

/* the most roles a model may define: the bits of an OrgRoleMask */
#define ORG_MAX_ROLES	64

/* longest name the parser accepts (role names are shorter: see catalog.sql) */
#define SET_MAX_NAME	63

/* Result codes of SetParse. */
typedef enum SetParseStatus
{
	SET_OK = 0,
	SET_SYNTAX,					/* not of the form {a,b} */
	SET_UNKNOWN_NAME			/* a well-formed name the vocabulary lacks */
} SetParseStatus;

/*
 * SetNameLookup resolves one name (not NUL-terminated) to its bit, or
 * returns -1 when the vocabulary does not have it.
 */
typedef int (*SetNameLookup) (const char *name, size_t len, void *arg);

/*
 * SetNameOf returns the name of a bit, or NULL when the vocabulary has no
 * such bit.
 */
typedef const char *(*SetNameOf) (int bit, void *arg);

extern SetParseStatus SetParse(const char *text, size_t len,
							   SetNameLookup lookup, void *arg,
							   uint64_t *result, size_t *errpos, size_t *errlen);
extern size_t SetFormat(uint64_t bits, SetNameOf nameof, void *arg,
						char *buf, size_t bufsize);

extern const char *RelationName(int relation);
extern int	RelationLookup(const char *name, size_t len);

/* glue so that the relation vocabulary fits SetParse and SetFormat */
extern int	RelationLookupCb(const char *name, size_t len, void *arg);
extern const char *RelationNameCb(int bit, void *arg);

#endif							/* ORGACL_SETS_CORE_H */
