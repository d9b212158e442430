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

/*
 * Binary (send/receive) form of both set types: a version byte
 * (SET_BINARY_VERSION), then the mask big-endian in SET_BINARY_WIDTH_ROLESET
 * (8) or SET_BINARY_WIDTH_AUDIENCE (2) bytes.
 */
#define SET_BINARY_VERSION			1
#define SET_BINARY_WIDTH_ROLESET	8
#define SET_BINARY_WIDTH_AUDIENCE	2

/* Result codes of SetRecv. */
typedef enum SetRecvStatus
{
	SET_RECV_OK = 0,
	SET_RECV_TRUNCATED,			/* fewer than 1 + width bytes */
	SET_RECV_VERSION,			/* a version this code does not read */
	SET_RECV_BITS				/* a bit the vocabulary lacks */
} SetRecvStatus;

/*
 * SetRecvResult is what SetRecv returns: the status, the version byte (when
 * there was one), the mask read (when there was one), the lowest bit of it
 * outside the vocabulary (SET_RECV_BITS, else -1), and the number of bytes
 * read on success.  Bytes after them are the caller's business.
 */
typedef struct SetRecvResult
{
	SetRecvStatus status;
	int			version;
	uint64_t	bits;
	int			bad_bit;
	size_t		consumed;
} SetRecvResult;

extern SetRecvResult SetRecv(const uint8_t *buf, size_t len, int width,
							 uint64_t allowed);
extern size_t SetSend(uint64_t bits, int width, uint8_t *out);

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
