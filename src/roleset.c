/*-------------------------------------------------------------------------
 *
 * roleset.c
 *	  SQL-facing functions of the two set types: orgacl.roleset (a set of
 *	  the active model's roles, 8 bytes, by value) and orgacl.audience (a set
 *	  of relations, 2 bytes, by value).
 *
 * Both are bitmasks (sets_core.h); their set operators share one
 * implementation through the SET_OPERATORS macro below.  A roleset's text
 * form is resolved through the active model's role names, so roleset_in
 * is STABLE, not IMMUTABLE: a stored roleset keeps its bits when the model
 * changes, and prints the new model's names for them.
 *
 * Binary form: a version byte (1) followed by the mask, big-endian (8
 * bytes for roleset, 2 for audience).
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/roleset.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "model_cache.h"
#include "sets.h"

StaticAssertDecl(SIZEOF_DATUM == 8, "orgacl.roleset is passed by value in a Datum");

/*
 * RoleLookupCb resolves a role name in the active model for SetParse.
 */
static int
RoleLookupCb(const char *name, size_t len, void *arg)
{
	return OrgFindRole((const OrgDirectory *) arg, name, len);
}

/*
 * RoleNameOfCb names a role bit of the active model for SetFormat.
 */
static const char *
RoleNameOfCb(int bit, void *arg)
{
	const OrgDirectory *dir = arg;

	return dir->role_names[bit][0] ? dir->role_names[bit] : NULL;
}

/*
 * ParseSet parses the text form of a set type and reports errors: 22P02
 * for malformed text, 22023 for a name outside the vocabulary.
 */
static uint64
ParseSet(const char *text, const char *typname, SetNameLookup lookup, void *arg,
		 const char *what, const char *model)
{
	uint64		bits = 0;
	size_t		errpos,
				errlen;

	switch (SetParse(text, strlen(text), lookup, arg, &bits, &errpos, &errlen))
	{
		case SET_OK:
			break;
		case SET_SYNTAX:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"", typname, text),
					 errdetail("Expected a list of names in braces, like {a,b}, at character %d.",
							   (int) errpos + 1)));
			break;
		case SET_UNKNOWN_NAME:
			if (model != NULL)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("%s \"%.*s\" does not exist in model \"%s\"",
								what, (int) errlen, text + errpos, model)));
			else
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("%s \"%.*s\" does not exist", what, (int) errlen, text + errpos),
						 errhint("Relations are subject, author, direct_manager, managers, owner, shared, team_lead, public and hr.")));
			break;
	}
	return bits;
}

/*
 * RecvSet reads the binary form of a set type (SetRecv in sets_core.c)
 * from buf and reports what it refuses: 22P03 for a short input, an
 * unknown version or a bit outside allowed.  model names the active model
 * of a roleset (NULL for an audience).
 */
static uint64
RecvSet(StringInfo buf, const char *typname, int width, uint64 allowed,
		const char *model)
{
	SetRecvResult r = SetRecv((const uint8 *) buf->data + buf->cursor,
							  (size_t) (buf->len - buf->cursor), width, allowed);

	switch (r.status)
	{
		case SET_RECV_OK:
			break;
		case SET_RECV_TRUNCATED:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("%s binary input is truncated", typname),
					 errdetail("The version byte and the mask take %d bytes; the input has %d.",
							   1 + width, buf->len - buf->cursor)));
			break;
		case SET_RECV_VERSION:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("unsupported %s binary version %d", typname, r.version)));
			break;
		case SET_RECV_BITS:
			if (model != NULL)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
						 errmsg("%s bit %d is no role of model \"%s\"", typname, r.bad_bit, model)));
			else
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
						 errmsg("invalid %s bits 0x%04x", typname, (unsigned) r.bits)));
			break;
	}
	if (r.status != SET_RECV_OK)
		elog(ERROR, "SetRecv refused input without a report (status %d)", (int) r.status);
	buf->cursor += (int) r.consumed;
	return r.bits;
}

/*
 * SendSet returns the binary form of a set type (SetSend in sets_core.c).
 */
static bytea *
SendSet(uint64 bits, int width)
{
	bytea	   *result = (bytea *) palloc(VARHDRSZ + 1 + width);

	SET_VARSIZE(result, VARHDRSZ + SetSend(bits, width, (uint8 *) VARDATA(result)));
	return result;
}

/*
 * FormatSet returns the palloc'd text form of a set.
 */
static char *
FormatSet(uint64 bits, SetNameOf nameof, void *arg)
{
	size_t		len = SetFormat(bits, nameof, arg, NULL, 0);
	char	   *buf = palloc(len + 1);

	SetFormat(bits, nameof, arg, buf, len + 1);
	return buf;
}

/*
 * RolesetFromText parses the text form of a roleset under the active model.
 */
OrgRoleMask
RolesetFromText(const char *text)
{
	const OrgDirectory *dir = OrgaclDirectory();

	return ParseSet(text, "orgacl.roleset", RoleLookupCb, (void *) dir, "role", dir->model);
}

/*
 * RolesetToText returns the text form of a roleset under the active model.
 */
char *
RolesetToText(OrgRoleMask roles)
{
	return FormatSet(roles, RoleNameOfCb, (void *) OrgaclDirectory());
}

/*
 * CheckRelationName returns the bit of a relation named by a text datum,
 * or raises 22023.
 */
static int
CheckRelationName(text *name)
{
	int			r = RelationLookup(VARDATA_ANY(name), VARSIZE_ANY_EXHDR(name));

	if (r < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("relation \"%s\" does not exist", text_to_cstring(name)),
				 errhint("Relations are subject, author, direct_manager, managers, owner, shared, team_lead, public and hr.")));
	return r;
}

/*
 * CheckRoleName returns the bit of a role of the active model named by a
 * text datum, or raises 22023.
 */
int
CheckRoleName(text *name)
{
	const OrgDirectory *dir = OrgaclDirectory();
	int			b = OrgFindRole(dir, VARDATA_ANY(name), VARSIZE_ANY_EXHDR(name));

	if (b < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("role \"%s\" does not exist in model \"%s\"",
						text_to_cstring(name), dir->model)));
	return b;
}

/* ---------------------------------------------------------------- roleset */

PG_FUNCTION_INFO_V1(roleset_in);

/* roleset_in parses '{hr_admin,tech_admin}'. */
Datum
roleset_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_ROLESET(RolesetFromText(PG_GETARG_CSTRING(0)));
}

PG_FUNCTION_INFO_V1(roleset_out);

/* roleset_out prints the roles in bit order. */
Datum
roleset_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(RolesetToText(PG_GETARG_ROLESET(0)));
}

PG_FUNCTION_INFO_V1(roleset_recv);

/*
 * roleset_recv reads the binary form; a bit that is no role of the active
 * model is refused like an unknown name in text.
 */
Datum
roleset_recv(PG_FUNCTION_ARGS)
{
	const OrgDirectory *dir = OrgaclDirectory();
	uint64		allowed = 0;

	for (int b = 0; b < ORG_MAX_ROLES; b++)
	{
		if (dir->role_names[b][0] != '\0')
			allowed |= UINT64CONST(1) << b;
	}
	PG_RETURN_ROLESET(RecvSet((StringInfo) PG_GETARG_POINTER(0), "orgacl.roleset",
							  SET_BINARY_WIDTH_ROLESET, allowed, dir->model));
}

PG_FUNCTION_INFO_V1(roleset_send);

/* roleset_send writes the version byte and the mask. */
Datum
roleset_send(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(SendSet(PG_GETARG_ROLESET(0), SET_BINARY_WIDTH_ROLESET));
}

PG_FUNCTION_INFO_V1(roleset_has);

/* roleset_has implements roleset ? text: does the set hold the role? */
Datum
roleset_has(PG_FUNCTION_ARGS)
{
	OrgRoleMask roles = PG_GETARG_ROLESET(0);
	int			b = CheckRoleName(PG_GETARG_TEXT_PP(1));

	PG_RETURN_BOOL((roles & (UINT64CONST(1) << b)) != 0);
}

/* --------------------------------------------------------------- audience */

PG_FUNCTION_INFO_V1(audience_in);

/* audience_in parses '{subject,direct_manager,hr}'. */
Datum
audience_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_AUDIENCE((OrgAudience) ParseSet(PG_GETARG_CSTRING(0), "orgacl.audience",
											  RelationLookupCb, NULL, "relation", NULL));
}

PG_FUNCTION_INFO_V1(audience_out);

/* audience_out prints the relations in the order of SPEC section 2. */
Datum
audience_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(FormatSet(PG_GETARG_AUDIENCE(0), RelationNameCb, NULL));
}

PG_FUNCTION_INFO_V1(audience_recv);

/* audience_recv reads the binary form and refuses unknown relation bits. */
Datum
audience_recv(PG_FUNCTION_ARGS)
{
	PG_RETURN_AUDIENCE((OrgAudience) RecvSet((StringInfo) PG_GETARG_POINTER(0), "orgacl.audience",
											 SET_BINARY_WIDTH_AUDIENCE, AUDIENCE_ALL, NULL));
}

PG_FUNCTION_INFO_V1(audience_send);

/* audience_send writes the version byte and the mask. */
Datum
audience_send(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(SendSet(PG_GETARG_AUDIENCE(0), SET_BINARY_WIDTH_AUDIENCE));
}

PG_FUNCTION_INFO_V1(audience_has);

/* audience_has implements audience ? text: is the relation in the set? */
Datum
audience_has(PG_FUNCTION_ARGS)
{
	OrgAudience aud = PG_GETARG_AUDIENCE(0);
	int			r = CheckRelationName(PG_GETARG_TEXT_PP(1));

	PG_RETURN_BOOL((aud & (1u << r)) != 0);
}

/* ------------------------------------------------------- set operators */

/*
 * SET_OPERATORS defines the set operators of one set type: = <> | & - @>
 * <@ && and a hash function.  Masks compare as plain integers.
 */
#define SET_OPERATORS(prefix, GETARG, RETURN) \
PG_FUNCTION_INFO_V1(prefix##_eq); \
Datum prefix##_eq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(GETARG(0) == GETARG(1)); } \
PG_FUNCTION_INFO_V1(prefix##_ne); \
Datum prefix##_ne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(GETARG(0) != GETARG(1)); } \
PG_FUNCTION_INFO_V1(prefix##_union); \
Datum prefix##_union(PG_FUNCTION_ARGS) { RETURN(GETARG(0) | GETARG(1)); } \
PG_FUNCTION_INFO_V1(prefix##_intersect); \
Datum prefix##_intersect(PG_FUNCTION_ARGS) { RETURN(GETARG(0) & GETARG(1)); } \
PG_FUNCTION_INFO_V1(prefix##_minus); \
Datum prefix##_minus(PG_FUNCTION_ARGS) { RETURN(GETARG(0) & ~GETARG(1)); } \
PG_FUNCTION_INFO_V1(prefix##_contains); \
Datum prefix##_contains(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((GETARG(1) & ~GETARG(0)) == 0); } \
PG_FUNCTION_INFO_V1(prefix##_contained); \
Datum prefix##_contained(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((GETARG(0) & ~GETARG(1)) == 0); } \
PG_FUNCTION_INFO_V1(prefix##_overlaps); \
Datum prefix##_overlaps(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((GETARG(0) & GETARG(1)) != 0); } \
PG_FUNCTION_INFO_V1(prefix##_hash); \
Datum prefix##_hash(PG_FUNCTION_ARGS) { return hash_uint32((uint32) (GETARG(0) ^ (GETARG(0) >> 32))); }

/* one instance per type */
#define AUDIENCE_GETARG(n) ((uint64) PG_GETARG_AUDIENCE(n))
#define AUDIENCE_RETURN(x) PG_RETURN_AUDIENCE((OrgAudience) (x))

SET_OPERATORS(roleset, PG_GETARG_ROLESET, PG_RETURN_ROLESET)
SET_OPERATORS(audience, AUDIENCE_GETARG, AUDIENCE_RETURN)
