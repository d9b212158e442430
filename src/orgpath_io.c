/*-------------------------------------------------------------------------
 *
 * orgpath_io.c
 *	  Text and binary input/output of orgpath, and the conversions from and
 *	  to bigint[].
 *
 * The parser itself lives in orgpath_core.c; this file turns its status
 * codes into error reports and owns the only place that sizes and allocates
 * an orgpath (InitOrgpath).
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/orgpath_io.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "orgpath.h"

/*
 * InitOrgpath allocates an orgpath holding a copy of the payload bytes.  It
 * is the only place that computes an orgpath's size.
 */
Orgpath *
InitOrgpath(const uint8 *bytes, size_t len)
{
	Size		size = ORGPATH_SIZE(len);
	Orgpath    *result = (Orgpath *) palloc(size);

	SET_VARSIZE(result, size);
	if (len > 0)
		memcpy(result->data, bytes, len);
	return result;
}

/*
 * CheckOrgpathDepth refuses a path of more than ORGPATH_MAX_LEVELS levels.
 * Every constructor calls it before building the value.
 */
void
CheckOrgpathDepth(int64 nlevels)
{
	if (nlevels > ORGPATH_MAX_LEVELS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("orgpath is too deep"),
				 errdetail("A path has at most %d levels; this one would have " INT64_FORMAT ".",
						   ORGPATH_MAX_LEVELS, nlevels)));
}

/*
 * CheckOrgpathId refuses an id that is not positive.  The SQLSTATE is the
 * caller's: 22023 for an argument (arrays, ||), 22P03 for binary input.
 */
void
CheckOrgpathId(int64 id, int sqlstate)
{
	if (id <= 0)
		ereport(ERROR,
				(errcode(sqlstate),
				 errmsg("orgpath ids must be positive"),
				 errdetail("Id " INT64_FORMAT " is not a valid person id.", id)));
}

/*
 * OrgpathFromIds builds a path from n ids that the caller has checked.
 */
Orgpath *
OrgpathFromIds(const int64 *ids, int n)
{
	Orgpath    *result = (Orgpath *) palloc(ORGPATH_SIZE((size_t) n * ORGPATH_MAX_LABEL_BYTES));
	size_t		len = orgpath_encode_ids((const int64_t *) ids, n, result->data);

	SET_VARSIZE(result, ORGPATH_SIZE(len));
	return result;
}

/*
 * ReportParseError turns a parser status into an error report.  pos is the
 * parser's byte offset; the report gives the 1-based character position,
 * as PostgreSQL's own input functions do.
 */
static void
ReportParseError(const char *str, OrgpathParse r)
{
	int			charpos = pg_mbstrlen_with_len(str, r.pos) + 1;
	unsigned char c = (unsigned char) str[r.pos];

	if (r.status == ORGPATH_ERR_DEPTH)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("orgpath is too deep"),
				 errdetail("A path has at most %d levels; the label at position %d would be level %d.",
						   ORGPATH_MAX_LEVELS, charpos, ORGPATH_MAX_LEVELS + 1)));

#define SYNTAX_ERROR(...) \
	ereport(ERROR, \
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION), \
			 errmsg("invalid input syntax for type %s: \"%s\"", "orgpath", str), \
			 errdetail(__VA_ARGS__), \
			 errhint("An orgpath is positive integer ids joined by dots, such as \"1.5.23\", or the empty string.")))

	switch (r.status)
	{
		case ORGPATH_ERR_CHAR:
			if (c >= 0x20 && c < 0x7F)
				SYNTAX_ERROR("Unexpected character \"%c\" at position %d.", c, charpos);
			else
				SYNTAX_ERROR("Unexpected character at position %d.", charpos);
			break;
		case ORGPATH_ERR_EMPTY_LABEL:
			SYNTAX_ERROR("Empty label at position %d.", charpos);
			break;
		case ORGPATH_ERR_TRAILING_DOT:
			SYNTAX_ERROR("Trailing dot at position %d.", charpos);
			break;
		case ORGPATH_ERR_LEADING_ZERO:
			SYNTAX_ERROR("Id at position %d has a leading zero.", charpos);
			break;
		case ORGPATH_ERR_ZERO:
			SYNTAX_ERROR("Id at position %d is zero; ids are positive.", charpos);
			break;
		case ORGPATH_ERR_RANGE:
			SYNTAX_ERROR("Id at position %d is out of range for type bigint.", charpos);
			break;
		default:
			elog(ERROR, "unexpected orgpath parser status %d", (int) r.status);
	}
#undef SYNTAX_ERROR
}

PG_FUNCTION_INFO_V1(orgpath_in);
/*
 * orgpath_in parses the text form.
 */
Datum
orgpath_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	size_t		len = strlen(str);
	int64	   *ids;
	OrgpathParse r;

	/* a label needs at least one character and a dot: bounds the id count */
	ids = (int64 *) palloc(sizeof(int64) * Min(len / 2 + 1, ORGPATH_MAX_LEVELS));
	r = orgpath_parse_text(str, len, (int64_t *) ids, ORGPATH_MAX_LEVELS);
	if (r.status != ORGPATH_OK)
		ReportParseError(str, r);
	PG_RETURN_ORGPATH_P(OrgpathFromIds(ids, r.nlevels));
}

PG_FUNCTION_INFO_V1(orgpath_out);
/*
 * orgpath_out prints the text form.
 */
Datum
orgpath_out(PG_FUNCTION_ARGS)
{
	Orgpath    *p = PG_GETARG_ORGPATH_PP(0);
	size_t		len = ORGPATH_LEN(p);

	/* each label takes at least one byte and prints as at most 20 chars */
	char	   *out = palloc(len * (ORGPATH_MAX_TEXT_LABEL + 1) + 1);

	orgpath_format(ORGPATH_BYTES(p), len, out);
	PG_FREE_IF_COPY(p, 0);
	PG_RETURN_CSTRING(out);
}

PG_FUNCTION_INFO_V1(orgpath_recv);
/*
 * orgpath_recv reads the binary form (orgpath_core.h; the first byte is a
 * version, so that the format can change later without breaking old
 * clients).  orgpath_recv_binary does the decoding; this reports what it
 * refuses, with the same checks and SQLSTATEs as the other constructors.
 */
Datum
orgpath_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	size_t		left = (size_t) (buf->len - buf->cursor);
	int64		ids[ORGPATH_MAX_LEVELS];
	OrgpathRecv r;

	r = orgpath_recv_binary((const uint8 *) buf->data + buf->cursor, left,
							(int64_t *) ids, ORGPATH_MAX_LEVELS);
	switch (r.status)
	{
		case ORGPATH_RECV_OK:
			break;
		case ORGPATH_RECV_NO_VERSION:
		case ORGPATH_RECV_NO_COUNT:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("orgpath binary input is truncated"),
					 errdetail("The version byte and the level count take %d bytes; the input has %d.",
							   ORGPATH_BINARY_HEADER, (int) left)));
			break;
		case ORGPATH_RECV_VERSION:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("unsupported orgpath binary format version %d", (int) r.value),
					 errdetail("This server reads version %d.", ORGPATH_BINARY_VERSION)));
			break;
		case ORGPATH_RECV_COUNT:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid orgpath level count %d in binary input", r.nlevels)));
			break;
		case ORGPATH_RECV_DEPTH:
			CheckOrgpathDepth(r.nlevels);
			break;
		case ORGPATH_RECV_TRUNCATED:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("orgpath binary input is truncated"),
					 errdetail("The level count is %d but only %d bytes of ids follow.",
							   r.nlevels, (int) (left - ORGPATH_BINARY_HEADER))));
			break;
		case ORGPATH_RECV_ID:
			CheckOrgpathId(r.value, ERRCODE_INVALID_BINARY_REPRESENTATION);
			break;
	}
	if (r.status != ORGPATH_RECV_OK)
		elog(ERROR, "orgpath_recv_binary refused input without a report (status %d)",
			 (int) r.status);
	buf->cursor += (int) r.consumed;
	PG_RETURN_ORGPATH_P(OrgpathFromIds(ids, r.nlevels));
}

PG_FUNCTION_INFO_V1(orgpath_send);
/*
 * orgpath_send writes the binary form read by orgpath_recv.
 */
Datum
orgpath_send(PG_FUNCTION_ARGS)
{
	Orgpath    *p = PG_GETARG_ORGPATH_PP(0);
	const uint8 *bytes = ORGPATH_BYTES(p);
	size_t		len = ORGPATH_LEN(p);
	bytea	   *result;
	size_t		n;

	result = (bytea *) palloc(VARHDRSZ + ORGPATH_BINARY_SIZE(orgpath_nlevels(bytes, len)));
	n = orgpath_send_binary(bytes, len, (uint8 *) VARDATA(result));
	if (n == 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("orgpath value is corrupted")));
	SET_VARSIZE(result, VARHDRSZ + n);
	PG_FREE_IF_COPY(p, 0);
	PG_RETURN_BYTEA_P(result);
}

PG_FUNCTION_INFO_V1(orgpath_from_array);
/*
 * orgpath_from_array builds a path from a one-dimensional bigint array, top
 * first: orgpath(ARRAY[1,5,23]) and the bigint[]::orgpath cast.
 */
Datum
orgpath_from_array(PG_FUNCTION_ARGS)
{
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(0);
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	int64	   *ids;
	int			i;

	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("orgpath array must be one-dimensional"),
				 errdetail("The array has %d dimensions.", ARR_NDIM(arr))));
	CheckOrgpathDepth(ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr)));

	deconstruct_array(arr, INT8OID, sizeof(int64), FLOAT8PASSBYVAL,
					  TYPALIGN_DOUBLE, &elems, &nulls, &n);
	ids = (int64 *) palloc(sizeof(int64) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("orgpath ids must not be null"),
					 errdetail("Element %d of the array is null.", i + 1)));
		ids[i] = DatumGetInt64(elems[i]);
		CheckOrgpathId(ids[i], ERRCODE_INVALID_PARAMETER_VALUE);
	}
	PG_RETURN_ORGPATH_P(OrgpathFromIds(ids, n));
}

PG_FUNCTION_INFO_V1(orgpath_ids);
/*
 * orgpath_ids returns the ids of a path as a bigint array, top first; the
 * empty path gives an empty array.  It backs ids() and the orgpath::bigint[]
 * cast.
 */
Datum
orgpath_ids(PG_FUNCTION_ARGS)
{
	Orgpath    *p = PG_GETARG_ORGPATH_PP(0);
	const uint8 *bytes = ORGPATH_BYTES(p);
	size_t		len = ORGPATH_LEN(p);
	int			n = orgpath_nlevels(bytes, len);
	Datum	   *elems = (Datum *) palloc(sizeof(Datum) * Max(n, 1));
	size_t		pos = 0;
	int			i;
	ArrayType  *result;

	for (i = 0; i < n; i++)
	{
		int64_t		id = 0;
		int			used = orgpath_decode_id(bytes + pos, len - pos, &id);

		/* only a value corrupted on disk fails to decode */
		if (used <= 0)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("orgpath value is corrupted")));
		pos += (size_t) used;
		elems[i] = Int64GetDatum(id);
	}
	result = construct_array(elems, n, INT8OID, sizeof(int64), FLOAT8PASSBYVAL,
							 TYPALIGN_DOUBLE);
	PG_FREE_IF_COPY(p, 0);
	PG_RETURN_ARRAYTYPE_P(result);
}
