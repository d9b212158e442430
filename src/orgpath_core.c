/*-------------------------------------------------------------------------
 *
 * orgpath_core.c
 *	  Label codec, text parser/formatter and path operations of orgpath, in
 *	  plain C.
 *
 * See orgpath_core.h for the encoding.  This file must stay free of
 * PostgreSQL headers: test/fuzz/ links it on its own.
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/orgpath_core.c
 *
 *-------------------------------------------------------------------------
 */
#include "orgpath_core.h"

#include <string.h>

/*
 * class_base[k] is the smallest id of encoding class k; class k holds
 * 2^(7 + 7k) ids for k < 8.  class_base[9] is only an end marker.
 */
static const uint64_t class_base[10] = {
	1ULL,
	1ULL + (1ULL << 7),
	1ULL + (1ULL << 7) + (1ULL << 14),
	1ULL + (1ULL << 7) + (1ULL << 14) + (1ULL << 21),
	1ULL + (1ULL << 7) + (1ULL << 14) + (1ULL << 21) + (1ULL << 28),
	1ULL + (1ULL << 7) + (1ULL << 14) + (1ULL << 21) + (1ULL << 28)
	+ (1ULL << 35),
	1ULL + (1ULL << 7) + (1ULL << 14) + (1ULL << 21) + (1ULL << 28)
	+ (1ULL << 35) + (1ULL << 42),
	1ULL + (1ULL << 7) + (1ULL << 14) + (1ULL << 21) + (1ULL << 28)
	+ (1ULL << 35) + (1ULL << 42) + (1ULL << 49),
	1ULL + (1ULL << 7) + (1ULL << 14) + (1ULL << 21) + (1ULL << 28)
	+ (1ULL << 35) + (1ULL << 42) + (1ULL << 49) + (1ULL << 56),
	UINT64_MAX
};

/*
 * orgpath_label_len returns the byte length of the label whose first byte is
 * first_byte: one plus the number of its leading one bits.
 */
int
orgpath_label_len(uint8_t first_byte)
{
	int			k = 0;

	while (k < 8 && (first_byte & (0x80 >> k)))
		k++;
	return k + 1;
}

/*
 * orgpath_encode_id writes the encoding of id (1..INT64_MAX) to out and
 * returns its length.  The caller guarantees the range.
 */
int
orgpath_encode_id(int64_t id, uint8_t *out)
{
	uint64_t	v = (uint64_t) id;
	uint64_t	x;
	int			k = 0;
	int			i;

	while (v >= class_base[k + 1])
		k++;
	x = v - class_base[k];

	if (k == 8)
		out[0] = 0xFF;
	else
	{
		/* k leading ones, a zero, then the top 7-k bits of x */
		uint8_t		tag = (uint8_t) (0xFF00 >> k);

		out[0] = (uint8_t) (tag | (uint8_t) (x >> (8 * k)));
	}
	for (i = 1; i <= k; i++)
		out[i] = (uint8_t) (x >> (8 * (k - i)));
	return k + 1;
}

/*
 * orgpath_decode_id reads one label from buf (len bytes available) into *id
 * and returns the number of bytes it took, or -1 when the label is truncated
 * or decodes to an id beyond INT64_MAX.  Every other byte string of the
 * right length is the canonical encoding of exactly one id.
 */
int
orgpath_decode_id(const uint8_t *buf, size_t len, int64_t *id)
{
	int			n;
	int			k;
	uint64_t	x;
	int			i;

	if (len == 0)
		return -1;
	n = orgpath_label_len(buf[0]);
	if ((size_t) n > len)
		return -1;
	k = n - 1;
	x = (k >= 7) ? 0 : (uint64_t) (buf[0] & (0x7F >> k));
	for (i = 1; i <= k; i++)
		x = (x << 8) | buf[i];
	if (x > (uint64_t) INT64_MAX - class_base[k])
		return -1;
	*id = (int64_t) (class_base[k] + x);
	return n;
}

/*
 * orgpath_parse_text parses the text form "1.5.23" (len bytes, not
 * necessarily NUL-terminated) into ids[], at most max_ids of them.
 *
 * The grammar is strict, so that the text form of a path is unique: the
 * empty string is the empty path; otherwise labels of decimal digits joined
 * by single dots, each label a positive id without leading zeros and at most
 * INT64_MAX.  No sign, no white space.
 */
OrgpathParse
orgpath_parse_text(const char *text, size_t len, int64_t *ids, int max_ids)
{
	OrgpathParse r = {ORGPATH_OK, -1, 0};
	size_t		i = 0;

	if (len == 0)
		return r;

	for (;;)
	{
		size_t		start = i;
		uint64_t	v = 0;
		bool		overflow = false;

		if (i == len)
		{
			/* only reachable right after a dot */
			r.status = ORGPATH_ERR_TRAILING_DOT;
			r.pos = (int) (i - 1);
			return r;
		}
		if (text[i] == '.')
		{
			r.status = ORGPATH_ERR_EMPTY_LABEL;
			r.pos = (int) i;
			return r;
		}
		if (text[i] < '0' || text[i] > '9')
		{
			r.status = ORGPATH_ERR_CHAR;
			r.pos = (int) i;
			return r;
		}
		if (text[i] == '0')
		{
			r.status = (i + 1 < len && text[i + 1] >= '0' && text[i + 1] <= '9')
				? ORGPATH_ERR_LEADING_ZERO : ORGPATH_ERR_ZERO;
			r.pos = (int) i;
			return r;
		}
		while (i < len && text[i] >= '0' && text[i] <= '9')
		{
			uint64_t	d = (uint64_t) (text[i] - '0');

			if (v > ((uint64_t) INT64_MAX - d) / 10)
				overflow = true;
			else
				v = v * 10 + d;
			i++;
		}
		if (overflow)
		{
			r.status = ORGPATH_ERR_RANGE;
			r.pos = (int) start;
			return r;
		}
		if (r.nlevels >= max_ids)
		{
			r.status = ORGPATH_ERR_DEPTH;
			r.pos = (int) start;
			return r;
		}
		ids[r.nlevels++] = (int64_t) v;
		if (i == len)
			return r;
		if (text[i] != '.')
		{
			r.status = ORGPATH_ERR_CHAR;
			r.pos = (int) i;
			return r;
		}
		i++;
	}
}

/*
 * orgpath_parse_person_id parses one person id written in plain decimal
 * digits (len bytes, not necessarily NUL-terminated): at least one digit
 * and nothing else (no sign, no blank), leading zeros allowed, a value from
 * 1 to INT64_MAX.  It returns whether the text is such an id and then
 * stores it in *id.  This is the syntax of the orgacl.viewer setting; an
 * orgpath label is the same without leading zeros.
 */
bool
orgpath_parse_person_id(const char *text, size_t len, int64_t *id)
{
	uint64_t	v = 0;
	size_t		i;

	if (len == 0)
		return false;
	for (i = 0; i < len; i++)
	{
		uint64_t	d;

		if (text[i] < '0' || text[i] > '9')
			return false;
		d = (uint64_t) (text[i] - '0');
		if (v > ((uint64_t) INT64_MAX - d) / 10)
			return false;
		v = v * 10 + d;
	}
	if (v == 0)
		return false;
	*id = (int64_t) v;
	return true;
}

/*
 * orgpath_format writes the text form of the valid payload buf to out, NUL
 * terminated, and returns its length without the NUL.  out must hold
 * 20 bytes per level plus one.
 */
size_t
orgpath_format(const uint8_t *buf, size_t len, char *out)
{
	size_t		pos = 0;
	size_t		o = 0;

	while (pos < len)
	{
		int64_t		id = 0;
		int			n = orgpath_decode_id(buf + pos, len - pos, &id);
		char		digits[ORGPATH_MAX_TEXT_LABEL];
		int			nd = 0;
		uint64_t	v;

		if (n < 0)
			break;				/* cannot happen on a validated payload */
		pos += (size_t) n;
		if (o > 0)
			out[o++] = '.';
		v = (uint64_t) id;
		do
		{
			digits[nd++] = (char) ('0' + v % 10);
			v /= 10;
		} while (v > 0);
		while (nd > 0)
			out[o++] = digits[--nd];
	}
	out[o] = '\0';
	return o;
}

/*
 * orgpath_encode_ids encodes n valid ids into out (9 bytes per id at most)
 * and returns the payload length.
 */
size_t
orgpath_encode_ids(const int64_t *ids, int n, uint8_t *out)
{
	size_t		len = 0;
	int			i;

	for (i = 0; i < n; i++)
		len += (size_t) orgpath_encode_id(ids[i], out + len);
	return len;
}

/*
 * orgpath_validate checks that buf is a sequence of complete labels, each an
 * id within range, at most ORGPATH_MAX_LEVELS of them, and stores their
 * count in *nlevels.
 */
OrgpathStatus
orgpath_validate(const uint8_t *buf, size_t len, int *nlevels)
{
	size_t		pos = 0;
	int			n = 0;

	while (pos < len)
	{
		int64_t		id;
		int			step = orgpath_decode_id(buf + pos, len - pos, &id);

		if (step < 0)
			return ORGPATH_ERR_ENCODING;
		if (++n > ORGPATH_MAX_LEVELS)
			return ORGPATH_ERR_DEPTH;
		pos += (size_t) step;
	}
	*nlevels = n;
	return ORGPATH_OK;
}

/*
 * orgpath_nlevels counts the labels of a valid payload.  It reads only first
 * bytes, one per level.
 */
int
orgpath_nlevels(const uint8_t *buf, size_t len)
{
	size_t		pos = 0;
	int			n = 0;

	while (pos < len)
	{
		pos += (size_t) orgpath_label_len(buf[pos]);
		n++;
	}
	return n;
}

/*
 * orgpath_level_offset returns the byte offset at which label number level
 * (0-based) starts in a valid payload; level == nlevels gives len.
 */
size_t
orgpath_level_offset(const uint8_t *buf, size_t len, int level)
{
	size_t		pos = 0;

	while (level > 0 && pos < len)
	{
		pos += (size_t) orgpath_label_len(buf[pos]);
		level--;
	}
	return pos;
}

/*
 * orgpath_cmp_bytes compares two payloads in depth-first order: memcmp, the
 * shorter first when one is a prefix of the other (an ancestor sorts before
 * its descendants).
 */
int
orgpath_cmp_bytes(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
	size_t		n = alen < blen ? alen : blen;
	int			c = n > 0 ? memcmp(a, b, n) : 0;

	if (c != 0)
		return c < 0 ? -1 : 1;
	if (alen == blen)
		return 0;
	return alen < blen ? -1 : 1;
}

/*
 * orgpath_is_ancestor says whether a is an ancestor of b or equal to it.
 * Because labels are prefix-free, a byte prefix test is exact: if a's bytes
 * start b, a's last label ends on one of b's label boundaries.
 */
bool
orgpath_is_ancestor(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
	return alen <= blen && (alen == 0 || memcmp(a, b, alen) == 0);
}

/*
 * orgpath_common_prefix returns the byte length of the longest common
 * ancestor-or-self of two valid payloads (whole labels only).
 */
size_t
orgpath_common_prefix(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
	size_t		pos = 0;

	while (pos < alen && pos < blen)
	{
		size_t		n = (size_t) orgpath_label_len(a[pos]);

		if (a[pos] != b[pos] || pos + n > blen ||
			memcmp(a + pos, b + pos, n) != 0)
			break;
		pos += n;
	}
	return pos;
}

/*
 * orgpath_lca_len returns the byte length of the lowest common proper
 * ancestor of a and b, with contrib/ltree's semantics: the common prefix,
 * but never the whole of either path, so lca('1.2.3', '1.2.3') is '1.2' and
 * lca('1.2', '1.2.3') is '1'.  It returns SIZE_MAX when either path is empty
 * (no ancestor exists; the SQL function then returns NULL).
 */
size_t
orgpath_lca_len(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
	size_t		common;
	size_t		alast;
	size_t		blast;
	size_t		cap;

	if (alen == 0 || blen == 0)
		return SIZE_MAX;
	common = orgpath_common_prefix(a, alen, b, blen);
	alast = orgpath_level_offset(a, alen, orgpath_nlevels(a, alen) - 1);
	blast = orgpath_level_offset(b, blen, orgpath_nlevels(b, blen) - 1);
	cap = alast < blast ? alast : blast;
	return common < cap ? common : cap;
}

/*
 * orgpath_subtree_upper writes to out the smallest path that sorts after
 * every descendant of buf (its next sibling, or the next sibling of its
 * nearest ancestor whose id is not INT64_MAX) and returns its length, or
 * SIZE_MAX when no such path exists (the empty path, or a line of INT64_MAX
 * ids): then the subtree extends to the end of the order.
 *
 * So "p <@ x" is exactly "p >= x AND p < orgpath_subtree_upper(x)" in the
 * btree order, which is how a btree index answers it.
 */
size_t
orgpath_subtree_upper(const uint8_t *buf, size_t len, uint8_t *out)
{
	size_t		offsets[ORGPATH_MAX_LEVELS];
	int			n = 0;
	size_t		pos = 0;

	while (pos < len && n < ORGPATH_MAX_LEVELS)
	{
		offsets[n++] = pos;
		pos += (size_t) orgpath_label_len(buf[pos]);
	}
	while (n > 0)
	{
		int64_t		id = 0;
		size_t		off = offsets[--n];

		if (orgpath_decode_id(buf + off, len - off, &id) < 0)
			return SIZE_MAX;	/* cannot happen on a validated payload */
		if (id < INT64_MAX)
		{
			memcpy(out, buf, off);
			return off + (size_t) orgpath_encode_id(id + 1, out + off);
		}
	}
	return SIZE_MAX;
}

/*
 * orgpath_subtree_max writes to out (ORGPATH_MAX_BYTES) the greatest path of
 * buf's subtree: buf extended with INT64_MAX ids down to the depth limit,
 * and returns its length.  Every descendant of buf sorts between buf and
 * it, and every path between them is a descendant, so
 * "p <@ x" is exactly "p >= x AND p <= orgpath_subtree_max(x)", with valid
 * paths as both bounds and no case without an upper bound.
 */
size_t
orgpath_subtree_max(const uint8_t *buf, size_t len, uint8_t *out)
{
	uint8_t		label[ORGPATH_MAX_LABEL_BYTES];
	int			n = orgpath_encode_id(INT64_MAX, label);
	int			level = orgpath_nlevels(buf, len);
	size_t		o = len;

	memcpy(out, buf, len);
	for (; level < ORGPATH_MAX_LEVELS; level++)
	{
		memcpy(out + o, label, (size_t) n);
		o += (size_t) n;
	}
	return o;
}

/*
 * read_be returns the n (at most 8) bytes at buf as a big-endian number.
 */
static uint64_t
read_be(const uint8_t *buf, int n)
{
	uint64_t	v = 0;
	int			i;

	for (i = 0; i < n; i++)
		v = (v << 8) | buf[i];
	return v;
}

/*
 * write_be writes the low n (at most 8) bytes of v to out, big-endian.
 */
static void
write_be(uint64_t v, int n, uint8_t *out)
{
	int			i;

	for (i = n - 1; i >= 0; i--)
	{
		out[i] = (uint8_t) v;
		v >>= 8;
	}
}

/*
 * orgpath_recv_binary decodes the binary form (len bytes at buf, see the
 * header) into ids[], which holds max_ids ids; more than ORGPATH_MAX_LEVELS
 * are refused whatever max_ids says.  It checks, in this order: the
 * version, the level count (present, not negative, at most max_ids), that
 * all the ids are present, and that each is positive.  It reads nothing
 * beyond len and writes ids[] only below the level count; on failure the
 * ids written are meaningless.
 */
OrgpathRecv
orgpath_recv_binary(const uint8_t *buf, size_t len, int64_t *ids, int max_ids)
{
	OrgpathRecv r = {ORGPATH_RECV_OK, 0, 0, 0};
	int32_t		count;
	int			i;

	if (len < 1)
	{
		r.status = ORGPATH_RECV_NO_VERSION;
		return r;
	}
	if (buf[0] != ORGPATH_BINARY_VERSION)
	{
		r.status = ORGPATH_RECV_VERSION;
		r.value = buf[0];
		return r;
	}
	if (len < ORGPATH_BINARY_HEADER)
	{
		r.status = ORGPATH_RECV_NO_COUNT;
		return r;
	}
	count = (int32_t) (uint32_t) read_be(buf + 1, 4);
	r.nlevels = count;
	r.value = count;
	if (count < 0)
	{
		r.status = ORGPATH_RECV_COUNT;
		return r;
	}
	if (max_ids > ORGPATH_MAX_LEVELS)
		max_ids = ORGPATH_MAX_LEVELS;
	if (count > max_ids)
	{
		r.status = ORGPATH_RECV_DEPTH;
		return r;
	}
	if ((len - ORGPATH_BINARY_HEADER) / 8 < (size_t) count)
	{
		r.status = ORGPATH_RECV_TRUNCATED;
		return r;
	}
	for (i = 0; i < count; i++)
	{
		uint64_t	v = read_be(buf + ORGPATH_BINARY_SIZE(i), 8);

		if (v == 0 || v > (uint64_t) INT64_MAX)
		{
			r.status = ORGPATH_RECV_ID;
			r.value = (int64_t) v;
			return r;
		}
		ids[i] = (int64_t) v;
	}
	r.value = 0;
	r.consumed = ORGPATH_BINARY_SIZE(count);
	return r;
}

/*
 * orgpath_send_binary writes the binary form of the payload buf (len bytes)
 * to out, which holds ORGPATH_BINARY_SIZE(orgpath_nlevels(buf, len)) bytes,
 * and returns its length.  A payload that does not validate (a value
 * corrupted on disk) gives 0 and writes nothing.
 */
size_t
orgpath_send_binary(const uint8_t *buf, size_t len, uint8_t *out)
{
	int			n = 0;
	size_t		pos = 0;
	size_t		o = ORGPATH_BINARY_HEADER;

	if (orgpath_validate(buf, len, &n) != ORGPATH_OK)
		return 0;
	out[0] = ORGPATH_BINARY_VERSION;
	write_be((uint32_t) n, 4, out + 1);
	while (pos < len)
	{
		int64_t		id = 0;

		pos += (size_t) orgpath_decode_id(buf + pos, len - pos, &id);
		write_be((uint64_t) id, 8, out + o);
		o += 8;
	}
	return o;
}

/*
 * orgpath_byte_position maps the bytes of a payload after offset skip to a
 * number in [0, 1), preserving order: six bytes read as a base-256
 * fraction.  Callers skip the prefix that the paths they compare share, so
 * that the bytes read are the ones that differ.  GiST penalties and the
 * selectivity estimator measure distances in the sort order with it.
 */
double
orgpath_byte_position(const uint8_t *buf, size_t len, size_t skip)
{
	double		v = 0.0;
	double		scale = 1.0 / 256.0;
	int			i;

	for (i = 0; i < 6; i++)
	{
		if (skip + i < len)
			v += buf[skip + i] * scale;
		scale /= 256.0;
	}
	return v;
}
