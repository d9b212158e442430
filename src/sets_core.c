/*-------------------------------------------------------------------------
 *
 * sets_core.c
 *	  Text form of the set types (roleset, audience) and the relation
 *	  vocabulary.  Pure C: no server calls, so it can be fuzzed on its own.
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/sets_core.c
 *
 *-------------------------------------------------------------------------
 */
#include "sets_core.h"

#include <string.h>

/* relation names in bit order (SPEC section 2) */
static const char *const relation_names[REL_COUNT] = {
	"subject",
	"author",
	"direct_manager",
	"managers",
	"owner",
	"shared",
	"team_lead",
	"public",
	"hr",
};

/*
 * IsBlank reports whether c is white space the text form allows around
 * names.
 */
static inline int
IsBlank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * IsNameChar reports whether c may appear in a set element name.
 */
static inline int
IsNameChar(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/*
 * SetParse parses "{a,b}" into a bitmask.  On failure it returns the
 * status and sets *errpos (byte offset) and *errlen (length of the
 * offending name, 0 for a syntax error) and leaves *result alone.
 */
SetParseStatus
SetParse(const char *text, size_t len, SetNameLookup lookup, void *arg,
		 uint64_t *result, size_t *errpos, size_t *errlen)
{
	size_t		i = 0;
	uint64_t	bits = 0;

	*errlen = 0;
	while (i < len && IsBlank(text[i]))
		i++;
	if (i >= len || text[i] != '{')
	{
		*errpos = i;
		return SET_SYNTAX;
	}
	i++;
	while (i < len && IsBlank(text[i]))
		i++;
	if (i < len && text[i] == '}')
		i++;
	else
	{
		for (;;)
		{
			size_t		start;
			size_t		end;
			int			bit;

			while (i < len && IsBlank(text[i]))
				i++;
			start = i;
			while (i < len && IsNameChar(text[i]))
				i++;
			if (i == start || i - start > SET_MAX_NAME)
			{
				*errpos = start;
				return SET_SYNTAX;
			}
			end = i;
			while (i < len && IsBlank(text[i]))
				i++;
			/* the syntax first: a name is followed by ',' or '}' */
			if (i >= len || (text[i] != ',' && text[i] != '}'))
			{
				*errpos = i;
				return SET_SYNTAX;
			}
			bit = lookup(text + start, end - start, arg);
			if (bit < 0 || bit >= 64)
			{
				*errpos = start;
				*errlen = end - start;
				return SET_UNKNOWN_NAME;
			}
			bits |= UINT64_C(1) << bit;
			if (text[i++] == '}')
				break;
		}
	}
	while (i < len && IsBlank(text[i]))
		i++;
	if (i != len)
	{
		*errpos = i;
		return SET_SYNTAX;
	}
	*result = bits;
	return SET_OK;
}

/*
 * SetFormat writes the canonical text form of bits into buf (NUL
 * terminated, truncated to bufsize) and returns the length the whole text
 * needs, without the NUL, so that a caller can size buf with a first call
 * of bufsize 0.  A bit the vocabulary lacks is written as "#<bit>", which
 * the parser refuses: it can only appear after a model change.
 */
size_t
SetFormat(uint64_t bits, SetNameOf nameof, void *arg, char *buf, size_t bufsize)
{
	size_t		n = 0;
	int			first = 1;

#define EMIT(s, l) \
	do { \
		const char *s_ = (s); \
		size_t	l_ = (l); \
		for (size_t k_ = 0; k_ < l_; k_++) \
			if (n + k_ + 1 < bufsize) \
				buf[n + k_] = s_[k_]; \
		n += l_; \
	} while (0)

	EMIT("{", 1);
	for (int b = 0; b < 64; b++)
	{
		const char *name;
		char		tmp[8];

		if (!(bits & (UINT64_C(1) << b)))
			continue;
		if (!first)
			EMIT(",", 1);
		first = 0;
		name = nameof(b, arg);
		if (name == NULL)
		{
			tmp[0] = '#';
			if (b >= 10)
			{
				tmp[1] = (char) ('0' + b / 10);
				tmp[2] = (char) ('0' + b % 10);
				tmp[3] = '\0';
			}
			else
			{
				tmp[1] = (char) ('0' + b);
				tmp[2] = '\0';
			}
			name = tmp;
		}
		EMIT(name, strlen(name));
	}
	EMIT("}", 1);
#undef EMIT
	if (bufsize > 0)
		buf[n < bufsize ? n : bufsize - 1] = '\0';
	return n;
}

/*
 * SetRecv decodes the binary form of a set whose mask is width bytes (1 to
 * 8; see the header) from len bytes at buf.  Bits outside allowed (the
 * vocabulary of the type) are refused.  It reads nothing beyond len.
 */
SetRecvResult
SetRecv(const uint8_t *buf, size_t len, int width, uint64_t allowed)
{
	SetRecvResult r = {SET_RECV_OK, -1, 0, -1, 0};
	uint64_t	bits = 0;

	if (width < 1 || width > 8 || len < 1)
	{
		r.status = SET_RECV_TRUNCATED;
		return r;
	}
	r.version = buf[0];
	if (buf[0] != SET_BINARY_VERSION)
	{
		r.status = SET_RECV_VERSION;
		return r;
	}
	if (len - 1 < (size_t) width)
	{
		r.status = SET_RECV_TRUNCATED;
		return r;
	}
	for (int i = 1; i <= width; i++)
		bits = (bits << 8) | buf[i];
	r.bits = bits;
	if (bits & ~allowed)
	{
		uint64_t	bad = bits & ~allowed;

		r.bad_bit = 0;
		while (!(bad & 1))
		{
			bad >>= 1;
			r.bad_bit++;
		}
		r.status = SET_RECV_BITS;
		return r;
	}
	r.consumed = 1 + (size_t) width;
	return r;
}

/*
 * SetSend writes the binary form of bits, a mask of width bytes (1 to 8),
 * to out (1 + width bytes) and returns its length.  Bits above the width
 * are dropped; callers pass masks of their type.
 */
size_t
SetSend(uint64_t bits, int width, uint8_t *out)
{
	out[0] = SET_BINARY_VERSION;
	for (int i = width; i >= 1; i--)
	{
		out[i] = (uint8_t) bits;
		bits >>= 8;
	}
	return 1 + (size_t) width;
}

/*
 * RelationName returns the name of a relation bit, or NULL.
 */
const char *
RelationName(int relation)
{
	if (relation < 0 || relation >= REL_COUNT)
		return NULL;
	return relation_names[relation];
}

/*
 * RelationLookup returns the bit of a relation name, or -1.
 */
int
RelationLookup(const char *name, size_t len)
{
	for (int r = 0; r < REL_COUNT; r++)
	{
		if (strlen(relation_names[r]) == len && memcmp(relation_names[r], name, len) == 0)
			return r;
	}
	return -1;
}

/*
 * RelationLookupCb adapts RelationLookup to SetNameLookup.
 */
int
RelationLookupCb(const char *name, size_t len, void *arg)
{
	(void) arg;
	return RelationLookup(name, len);
}

/*
 * RelationNameCb adapts RelationName to SetNameOf.
 */
const char *
RelationNameCb(int bit, void *arg)
{
	(void) arg;
	return RelationName(bit);
}
