/*-------------------------------------------------------------------------
 *
 * orgpath_fuzz.c
 *	  libFuzzer harness for the pure-C core of the orgpath type
 *	  (src/orgpath_core.c).
 *
 * Every input is used six ways, and each use checks properties that the
 * header (src/orgpath_core.h) promises; a violation calls __builtin_trap(),
 * which libFuzzer reports as a crash and saves as an artifact.
 *
 *	- text: the input is a text path.  The parser must agree with an
 *	  independent recognizer of the grammar (same accept/reject, same ids);
 *	  a successful parse must encode to a valid payload and format back to
 *	  the very same bytes; an error must carry a position that points at the
 *	  offending character, with everything before the bad label well formed.
 *	- binary: the input is an encoded payload.  Validation must agree with an
 *	  independent decoder; every label of a valid payload must re-encode to
 *	  the same bytes (one encoding per id) and format -> parse -> encode must
 *	  give the payload back.
 *	- recv: the input is the binary send/receive form (what orgpath_recv
 *	  reads off the wire or out of COPY BINARY).  orgpath_recv_binary must
 *	  agree with an independent decoder on the status, the offending value,
 *	  the level count, the ids and the bytes consumed, read nothing past the
 *	  input (libFuzzer hands it over in an exactly sized heap buffer) and
 *	  write no id past the level count or max_ids; a tighter max_ids must
 *	  refuse a longer path as too deep; every shorter prefix of an accepted
 *	  input must be refused; and orgpath_send_binary of the decoded path
 *	  must give the consumed bytes back.  The input is also handed to
 *	  orgpath_send_binary as a payload: a valid one must come back through
 *	  orgpath_recv_binary, an invalid one must be refused with nothing
 *	  written.  Every valid path the other uses build goes through
 *	  send -> recv as well.
 *	- person id: the input (and its first dot-separated piece) is a person
 *	  id as the orgacl.viewer setting writes it; orgpath_parse_person_id
 *	  must agree with a reference recognizer (digits only, leading zeros
 *	  allowed, 1..INT64_MAX) on the verdict and the id, never write the id
 *	  of a refused text, and agree with the text parser on every input
 *	  without leading zero: a one-label path.
 *	- label: ids derived from the input (raw 64-bit values and values around
 *	  the class boundaries) must round-trip through the label codec, have
 *	  the length the class table gives, and compare by memcmp exactly as
 *	  they compare numerically.
 *	- pairs: two valid paths are derived from the input (independent halves,
 *	  a shared prefix plus a different tail, and two text paths separated by
 *	  any byte that is neither a digit nor a dot).  orgpath_cmp_bytes must
 *	  agree with comparing the id arrays lexicographically (a prefix first,
 *	  ids numerically) and be antisymmetric; ancestry, common prefix, lca and
 *	  the btree subtree ranges [x, orgpath_subtree_upper(x)) and
 *	  [x, orgpath_subtree_max(x)] must all agree with what the id arrays
 *	  say.
 *
 * Which bytes drive what: the last byte picks the label boundary at which a
 * path is split and the max_ids of a second parse; the first byte picks the
 * length of the shared prefix; the rest is cut in two halves that derive
 * the independent pair; bytes 0..17 and the last 9 bytes also give raw ids.
 *
 * The reference functions below (ref_*) are written from the header's
 * description of the format, not copied from orgpath_core.c, so that a
 * mistake in the implementation does not hide in the oracle too.
 *
 * All buffers are static and sized from the header's constants; nothing is
 * allocated.
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  test/fuzz/orgpath_fuzz.c
 *
 *-------------------------------------------------------------------------
 */
#include "orgpath_core.h"
#include "fuzz_fail.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* CHECK traps, naming the property, when cond does not hold. */
#define CHECK(cond) \
	do { \
		if (!(cond)) \
			fuzz_fail(#cond, __LINE__); \
	} while (0)

/*
 * ORACLE marks the pure-arithmetic reference helpers, whose branches and
 * comparisons tell the fuzzer nothing new: leaving them out of coverage
 * instrumentation makes an execution cheaper.  They keep their
 * AddressSanitizer and UBSan checks.
 */
#define ORACLE __attribute__((no_sanitize("coverage")))

/* The text form of INT64_MAX, the largest id. */
#define INT64_MAX_TEXT	"9223372036854775807"

/*
 * ref_base[k] is the smallest id of class k, computed from the header's
 * description: class k < 8 stores x in (7 - k) + 8k = 7 + 7k bits.
 * ref_base[9] is one past INT64_MAX.
 */
static uint64_t ref_base[10];

/*
 * ref_init fills ref_base from the class sizes in the header.
 */
static void
ref_init(void)
{
	int			k;

	ref_base[0] = 1;
	for (k = 0; k < 8; k++)
		ref_base[k + 1] = ref_base[k] + (UINT64_C(1) << (7 + 7 * k));
	ref_base[9] = (uint64_t) INT64_MAX + 1;
}

/*
 * ref_class returns the encoding class (0..8) of id v.
 */
ORACLE static int
ref_class(uint64_t v)
{
	int			k = 0;

	while (k < 8 && v >= ref_base[k + 1])
		k++;
	return k;
}

/*
 * ref_encode writes the encoding of id v to out and returns its length: x
 * big-endian in k + 1 bytes, with k leading one bits (and a zero bit for
 * k < 8) forced into the first byte.
 */
ORACLE static int
ref_encode(uint64_t v, uint8_t *out)
{
	int			k = ref_class(v);
	uint64_t	x = v - ref_base[k];
	int			nbytes = k + 1;
	int			i;

	if (k == 8)
	{
		out[0] = 0xFF;
		for (i = 0; i < 8; i++)
			out[1 + i] = (uint8_t) (x >> (56 - 8 * i));
		return 9;
	}
	for (i = 0; i < nbytes; i++)
		out[i] = (uint8_t) (x >> (8 * (nbytes - 1 - i)));
	out[0] |= (uint8_t) (0xFF << (8 - k));	/* k ones; bit 7-k stays zero */
	return nbytes;
}

/*
 * ref_label_len returns the length of the label whose first byte is b: one
 * plus its leading one bits, 9 for 0xFF.
 */
ORACLE static int
ref_label_len(uint8_t b)
{
	int			k = 0;

	while (k < 8 && ((b << k) & 0x80))
		k++;
	return k + 1;
}

/*
 * ref_decode reads one label from buf (len bytes) into *id and returns its
 * length, or -1 when the label is truncated or beyond INT64_MAX.
 */
ORACLE static int
ref_decode(const uint8_t *buf, size_t len, uint64_t *id)
{
	int			k;
	uint64_t	x;
	int			i;

	if (len == 0)
		return -1;
	k = ref_label_len(buf[0]) - 1;
	if ((size_t) (k + 1) > len)
		return -1;
	x = (k < 8) ? (uint64_t) (buf[0] & (0xFF >> (k + 1))) : 0;
	for (i = 1; i <= k; i++)
		x = (x << 8) | buf[i];
	if (x > (uint64_t) INT64_MAX - ref_base[k])
		return -1;
	*id = ref_base[k] + x;
	return k + 1;
}

/*
 * ref_encode_ids encodes n ids with ref_encode and returns the length.
 */
ORACLE static size_t
ref_encode_ids(const int64_t *ids, int n, uint8_t *out)
{
	size_t		len = 0;
	int			i;

	for (i = 0; i < n; i++)
		len += (size_t) ref_encode((uint64_t) ids[i], out + len);
	return len;
}

/*
 * ref_parse recognizes the text grammar (empty, or positive decimal ids
 * without leading zeros, at most INT64_MAX, joined by single dots, at most
 * ORGPATH_MAX_LEVELS of them) and stores the ids.  It returns whether the
 * text is a valid path.
 */
static bool
ref_parse(const uint8_t *text, size_t len, int64_t *ids, int *n)
{
	size_t		i = 0;

	*n = 0;
	if (len == 0)
		return true;
	for (;;)
	{
		size_t		s = i;
		size_t		j;
		uint64_t	v = 0;

		while (i < len && text[i] >= '0' && text[i] <= '9')
			i++;
		if (i == s || text[s] == '0')
			return false;
		if (i - s > 19 ||
			(i - s == 19 && memcmp(text + s, INT64_MAX_TEXT, 19) > 0))
			return false;
		if (*n == ORGPATH_MAX_LEVELS)
			return false;
		for (j = s; j < i; j++)
			v = v * 10 + (uint64_t) (text[j] - '0');
		ids[(*n)++] = (int64_t) v;
		if (i == len)
			return true;
		if (text[i] != '.')
			return false;
		i++;
		if (i == len)
			return false;
	}
}

/*
 * ref_cmp_ids compares two id arrays in depth-first order: the first
 * differing id decides numerically, else the shorter array comes first.
 */
ORACLE static int
ref_cmp_ids(const int64_t *a, int na, const int64_t *b, int nb)
{
	int			i;

	for (i = 0; i < na && i < nb; i++)
	{
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	}
	if (na == nb)
		return 0;
	return na < nb ? -1 : 1;
}

/*
 * ref_common_levels returns how many leading ids two arrays share.
 */
ORACLE static int
ref_common_levels(const int64_t *a, int na, const int64_t *b, int nb)
{
	int			i = 0;

	while (i < na && i < nb && a[i] == b[i])
		i++;
	return i;
}

/*
 * sign turns a comparison result into -1, 0 or 1.
 */
static int
sign(int c)
{
	return (c > 0) - (c < 0);
}

/*
 * is_digit says whether byte c is an ASCII decimal digit.
 */
static bool
is_digit(uint8_t c)
{
	return c >= '0' && c <= '9';
}

/*
 * well_formed_before says whether text[0..ls) is what the parser must have
 * accepted before reaching a bad label starting at ls: nothing, or a valid
 * non-empty path followed by one dot.
 */
static bool
well_formed_before(const uint8_t *text, size_t ls)
{
	static int64_t ids[ORGPATH_MAX_LEVELS];
	int			n;

	if (ls == 0)
		return true;
	return ls >= 2 && text[ls - 1] == '.' && ref_parse(text, ls - 1, ids, &n);
}

/*
 * encode_path encodes n ids with orgpath_encode_ids, checks the bytes
 * against the reference encoder and that the result validates with n
 * levels, and returns the payload length.
 */
static size_t
encode_path(const int64_t *ids, int n, uint8_t *out)
{
	static uint8_t ref[ORGPATH_MAX_BYTES];
	size_t		len = orgpath_encode_ids(ids, n, out);
	size_t		rlen = ref_encode_ids(ids, n, ref);
	int			levels = -1;

	CHECK(len == rlen);
	CHECK(len <= ORGPATH_MAX_BYTES);
	CHECK(len == 0 || memcmp(out, ref, len) == 0);
	CHECK(orgpath_validate(out, len, &levels) == ORGPATH_OK);
	CHECK(levels == n);
	CHECK(orgpath_nlevels(out, len) == n);
	return len;
}

/*
 * check_label checks the codec on one id v: reference length and bytes,
 * orgpath_label_len, decoding, and that a truncated label does not decode.
 */
static void
check_label(int64_t v)
{
	uint8_t		buf[ORGPATH_MAX_LABEL_BYTES + 1];
	uint8_t		ref[ORGPATH_MAX_LABEL_BYTES];
	int64_t		id = 0;
	int			n;
	int			rn;

	CHECK(v >= 1);
	memset(buf, 0xA5, sizeof(buf));
	n = orgpath_encode_id(v, buf);
	rn = ref_encode((uint64_t) v, ref);
	CHECK(n == rn);
	CHECK(n == ref_class((uint64_t) v) + 1);
	CHECK(memcmp(buf, ref, (size_t) n) == 0);
	CHECK(buf[n] == 0xA5);		/* wrote nothing past the label */
	CHECK(orgpath_label_len(buf[0]) == n);
	CHECK(orgpath_decode_id(buf, (size_t) n, &id) == n);
	CHECK(id == v);
	/* trailing bytes are the next label's business */
	CHECK(orgpath_decode_id(buf, (size_t) n + 1, &id) == n);
	CHECK(id == v);
	CHECK(orgpath_decode_id(buf, (size_t) n - 1, &id) == -1);
}

/*
 * check_label_order checks that the encodings of v and w compare, as
 * one-label paths, exactly as the ids compare numerically.
 */
static void
check_label_order(int64_t v, int64_t w)
{
	uint8_t		ev[ORGPATH_MAX_LABEL_BYTES];
	uint8_t		ew[ORGPATH_MAX_LABEL_BYTES];
	int			nv = orgpath_encode_id(v, ev);
	int			nw = orgpath_encode_id(w, ew);
	int			expect = (v > w) - (v < w);
	size_t		m = (size_t) (nv < nw ? nv : nw);

	CHECK(sign(orgpath_cmp_bytes(ev, (size_t) nv, ew, (size_t) nw)) == expect);
	/* prefix-free: distinct labels already differ within the shorter one */
	if (v != w)
		CHECK(memcmp(ev, ew, m) != 0);
}

/*
 * check_class_boundaries runs check_label and check_label_order on every
 * class boundary once per process.
 */
static void
check_class_boundaries(void)
{
	static bool done = false;
	int			k;

	if (done)
		return;
	done = true;
	check_label(1);
	check_label(INT64_MAX);
	check_label_order(INT64_MAX - 1, INT64_MAX);
	for (k = 1; k <= 8; k++)
	{
		int64_t		b = (int64_t) ref_base[k];

		check_label(b - 1);
		check_label(b);
		check_label(b + 1);
		check_label_order(b - 1, b);
		check_label_order(b, b + 1);
		CHECK(orgpath_encode_id(b - 1, (uint8_t[ORGPATH_MAX_LABEL_BYTES]) {0}) == k);
		CHECK(orgpath_encode_id(b, (uint8_t[ORGPATH_MAX_LABEL_BYTES]) {0}) == k + 1);
	}
}

/*
 * load_u64 reads up to 8 bytes of data from off, big-endian, zero-padded.
 */
ORACLE static uint64_t
load_u64(const uint8_t *data, size_t size, size_t off)
{
	uint64_t	v = 0;
	int			i;

	for (i = 0; i < 8; i++)
		v = (v << 8) | (off + (size_t) i < size ? data[off + i] : 0);
	return v;
}

/*
 * id_from_bytes turns input bytes at off into an id, either a raw 63-bit
 * value or, when the selector byte says so, a value near a class boundary
 * or near INT64_MAX, where codec bugs live.
 */
static int64_t
id_from_bytes(const uint8_t *data, size_t size, size_t off)
{
	uint64_t	raw = load_u64(data, size, off + 1);
	uint8_t		sel = off < size ? data[off] : 0;
	uint64_t	v;

	if (sel < 0x80)
		v = raw & (uint64_t) INT64_MAX;
	else
	{
		int			k = (sel & 0x0F) % 10;
		int64_t		delta = (int8_t) (raw >> 56);

		if (k == 9)
			v = (uint64_t) INT64_MAX - (uint64_t) (delta < 0 ? -delta : delta);
		else if (delta < 0 && (uint64_t) (-delta) >= ref_base[k])
			v = 1;
		else
			v = ref_base[k] + (uint64_t) delta;
	}
	return v == 0 ? 1 : (int64_t) v;
}

/*
 * check_labels runs the label codec checks on ids taken from the input.
 */
static void
check_labels(const uint8_t *data, size_t size)
{
	int64_t		v = id_from_bytes(data, size, 0);
	int64_t		w = id_from_bytes(data, size, 9);

	check_label(v);
	check_label(w);
	check_label_order(v, w);
	if (v < INT64_MAX)
	{
		check_label(v + 1);
		check_label_order(v, v + 1);
	}
	if (v > 1)
		check_label_order(v - 1, v);
}

/*
 * derive_ids turns any byte string into a valid id array: bytes are read as
 * labels, a truncated last label is padded with zero bytes and a class 8
 * label beyond INT64_MAX becomes INT64_MAX.  It stops at max ids.
 */
static int
derive_ids(const uint8_t *data, size_t size, int64_t *ids, int max)
{
	size_t		pos = 0;
	int			n = 0;

	while (pos < size && n < max)
	{
		uint8_t		tmp[ORGPATH_MAX_LABEL_BYTES] = {0};
		size_t		need = (size_t) ref_label_len(data[pos]);
		size_t		avail = need < size - pos ? need : size - pos;
		uint64_t	id;

		memcpy(tmp, data + pos, avail);
		if (ref_decode(tmp, need, &id) < 0)
			id = (uint64_t) INT64_MAX;
		ids[n++] = (int64_t) id;
		pos += avail;
	}
	return n;
}

/*
 * ref_recv decodes the binary send/receive form as the header describes
 * it: a version byte 1, a big-endian int32 level count (not negative, at
 * most max_ids and ORGPATH_MAX_LEVELS), then as many big-endian int64 ids,
 * each positive.  It returns the status and sets what OrgpathRecv reports:
 * the offending value, the level count and the bytes consumed.
 */
ORACLE static OrgpathRecvStatus
ref_recv(const uint8_t *d, size_t n, int max_ids, int64_t *ids,
		 int64_t *value, int *count, size_t *consumed)
{
	uint32_t	c;
	uint32_t	i;

	*value = 0;
	*count = 0;
	*consumed = 0;
	if (n == 0)
		return ORGPATH_RECV_NO_VERSION;
	if (d[0] != 1)
	{
		*value = d[0];
		return ORGPATH_RECV_VERSION;
	}
	if (n < 5)
		return ORGPATH_RECV_NO_COUNT;
	c = ((uint32_t) d[1] << 24) | ((uint32_t) d[2] << 16) |
		((uint32_t) d[3] << 8) | (uint32_t) d[4];
	*count = c < 0x80000000u ? (int) c : (int) (c - 0x80000000u) + INT32_MIN;
	*value = *count;
	if (c >= 0x80000000u)
		return ORGPATH_RECV_COUNT;
	if (max_ids > ORGPATH_MAX_LEVELS)
		max_ids = ORGPATH_MAX_LEVELS;
	if ((int64_t) c > (int64_t) max_ids)
		return ORGPATH_RECV_DEPTH;
	if ((uint64_t) n < 5 + 8 * (uint64_t) c)
		return ORGPATH_RECV_TRUNCATED;
	for (i = 0; i < c; i++)
	{
		uint64_t	v = load_u64(d, n, 5 + 8 * (size_t) i);

		if (v == 0 || v >= (UINT64_C(1) << 63))
		{
			/* v as a two's complement int64, without a narrowing cast */
			*value = (int64_t) (v & (uint64_t) INT64_MAX) + ((v >> 63) ? INT64_MIN : 0);
			return ORGPATH_RECV_ID;
		}
		ids[i] = (int64_t) v;
	}
	*value = 0;
	*consumed = 5 + 8 * (size_t) c;
	return ORGPATH_RECV_OK;
}

/*
 * ref_person_id recognizes a person id in plain decimal digits: at least
 * one digit and only digits; without its leading zeros, at most 19 digits
 * and not above INT64_MAX as text; not zero.
 */
ORACLE static bool
ref_person_id(const uint8_t *text, size_t len, int64_t *id)
{
	size_t		z = 0;
	size_t		i;
	uint64_t	v = 0;

	if (len == 0)
		return false;
	for (i = 0; i < len; i++)
	{
		if (text[i] < '0' || text[i] > '9')
			return false;
	}
	while (z < len && text[z] == '0')
		z++;
	if (z == len || len - z > 19 ||
		(len - z == 19 && memcmp(text + z, INT64_MAX_TEXT, 19) > 0))
		return false;
	for (i = z; i < len; i++)
		v = v * 10 + (uint64_t) (text[i] - '0');
	*id = (int64_t) v;
	return true;
}

/*
 * strcspn_len returns the length of the prefix of data before the first
 * byte c (size when there is none).
 */
static size_t
strcspn_len(const uint8_t *data, size_t size, uint8_t c)
{
	const uint8_t *p = memchr(data, c, size);

	return p ? (size_t) (p - data) : size;
}

/*
 * check_person_id checks orgpath_parse_person_id on len bytes of text (see
 * the file header).
 */
static void
check_person_id(const uint8_t *text, size_t len)
{
	int64_t		id = -42;
	int64_t		rid = 0;
	int64_t		pid = 0;
	bool		ok = orgpath_parse_person_id((const char *) text, len, &id);
	OrgpathParse r;

	CHECK(ok == ref_person_id(text, len, &rid));
	CHECK(ok ? (id == rid && id > 0) : id == -42);
	if (len > 0 && text[0] != '0')
	{
		r = orgpath_parse_text((const char *) text, len, &pid, 1);
		CHECK(ok == (r.status == ORGPATH_OK && r.nlevels == 1));
		CHECK(!ok || pid == id);
	}
}

/*
 * check_send_recv checks that the valid payload e (len bytes) of ids[0..n)
 * goes through orgpath_send_binary into an exactly sized heap buffer,
 * holding what ref_recv reads back as the same ids, and through
 * orgpath_recv_binary back to the same ids.
 */
static void
check_send_recv(const int64_t *ids, int n, const uint8_t *e, size_t len)
{
	static int64_t back[ORGPATH_MAX_LEVELS];
	static int64_t rback[ORGPATH_MAX_LEVELS];
	size_t		size = ORGPATH_BINARY_SIZE(n);
	uint8_t    *out = malloc(size);
	size_t		got;
	OrgpathRecv r;
	int64_t		value;
	int			count;
	size_t		consumed;

	CHECK(out != NULL);
	got = orgpath_send_binary(e, len, out);
	CHECK(got == size);
	CHECK(ref_recv(out, got, ORGPATH_MAX_LEVELS, rback, &value, &count,
				   &consumed) == ORGPATH_RECV_OK);
	CHECK(count == n && consumed == size);
	CHECK(n == 0 || memcmp(rback, ids, sizeof(int64_t) * (size_t) n) == 0);
	r = orgpath_recv_binary(out, got, back, n);
	CHECK(r.status == ORGPATH_RECV_OK);
	CHECK(r.nlevels == n && r.consumed == size && r.value == 0);
	CHECK(n == 0 || memcmp(back, ids, sizeof(int64_t) * (size_t) n) == 0);
	free(out);
}

/*
 * check_recv treats the input as the binary send/receive form and checks
 * orgpath_recv_binary against ref_recv (see the file header); then treats
 * it as a payload for orgpath_send_binary.
 */
static void
check_recv(const uint8_t *data, size_t size, uint8_t ctl)
{
	static int64_t ids[ORGPATH_MAX_LEVELS + 1];
	static int64_t ref[ORGPATH_MAX_LEVELS];
	static int64_t small[ORGPATH_MAX_LEVELS + 1];
	static uint8_t e[ORGPATH_MAX_BYTES];
	OrgpathRecv r;
	OrgpathRecvStatus rst;
	int64_t		value;
	int			count;
	size_t		consumed;
	int			levels = -1;
	size_t		osize;
	uint8_t    *out;
	size_t		got;
	size_t		k;

	ids[ORGPATH_MAX_LEVELS] = -42;
	r = orgpath_recv_binary(data, size, ids, ORGPATH_MAX_LEVELS);
	rst = ref_recv(data, size, ORGPATH_MAX_LEVELS, ref, &value, &count, &consumed);
	CHECK(ids[ORGPATH_MAX_LEVELS] == -42);
	CHECK(r.status == rst);
	CHECK(r.value == value);
	CHECK(r.consumed == consumed);
	if (rst >= ORGPATH_RECV_COUNT)
		CHECK(r.nlevels == count);
	if (rst == ORGPATH_RECV_OK)
	{
		size_t		len;

		CHECK(count >= 0 && count <= ORGPATH_MAX_LEVELS);
		CHECK(consumed == ORGPATH_BINARY_SIZE(count) && consumed <= size);
		CHECK(count == 0 || memcmp(ids, ref, sizeof(int64_t) * (size_t) count) == 0);
		len = encode_path(ids, count, e);
		check_send_recv(ids, count, e, len);

		/* sending the decoded path gives the bytes read */
		out = malloc(consumed);
		CHECK(out != NULL);
		CHECK(orgpath_send_binary(e, len, out) == consumed);
		CHECK(memcmp(out, data, consumed) == 0);
		free(out);

		/* every shorter input is refused */
		CHECK(orgpath_recv_binary(data, consumed - 1, small, ORGPATH_MAX_LEVELS).status !=
			  ORGPATH_RECV_OK);
		k = ctl % consumed;
		CHECK(orgpath_recv_binary(data, k, small, ORGPATH_MAX_LEVELS).status !=
			  ORGPATH_RECV_OK);
	}

	/* a tighter max_ids refuses more levels, writing none past it */
	if (rst == ORGPATH_RECV_OK || rst == ORGPATH_RECV_DEPTH ||
		rst == ORGPATH_RECV_TRUNCATED || rst == ORGPATH_RECV_ID)
	{
		int			m = count > 0 ? (int) (ctl % ((int64_t) count + 1)) : 0;
		OrgpathRecv r2;

		small[m] = -42;
		r2 = orgpath_recv_binary(data, size, small, m);
		CHECK(small[m] == -42);
		if (count > m)
			CHECK(r2.status == ORGPATH_RECV_DEPTH && r2.nlevels == count);
		else
			CHECK(r2.status == rst);
		/* a max_ids above the limit is the limit */
		r2 = orgpath_recv_binary(data, size, ids, INT32_MAX);
		CHECK(r2.status == rst && r2.value == value);
	}

	/* the input as a payload to send */
	osize = ORGPATH_BINARY_SIZE(orgpath_nlevels(data, size));
	out = malloc(osize);
	CHECK(out != NULL);
	memset(out, 0xA5, osize);
	got = orgpath_send_binary(data, size, out);
	if (orgpath_validate(data, size, &levels) == ORGPATH_OK)
	{
		CHECK(got == ORGPATH_BINARY_SIZE(levels) && got == osize);
		r = orgpath_recv_binary(out, got, ids, ORGPATH_MAX_LEVELS);
		CHECK(r.status == ORGPATH_RECV_OK && r.nlevels == levels);
		CHECK(orgpath_encode_ids(ids, levels, e) == size);
		CHECK(size == 0 || memcmp(e, data, size) == 0);
	}
	else
	{
		CHECK(got == 0);
		for (k = 0; k < osize; k++)
			CHECK(out[k] == 0xA5);
	}
	free(out);
}

/*
 * check_subtree_bounds checks the two btree bounds of the subtree of the
 * valid payload e of ids[0..n).
 *
 * orgpath_subtree_upper must be the next sibling of the deepest
 * ancestor-or-self whose id is below INT64_MAX (so x's own next sibling
 * when x's last id is below INT64_MAX), or SIZE_MAX when there is none, and
 * sort after x.  orgpath_subtree_max must be x extended with INT64_MAX ids
 * down to ORGPATH_MAX_LEVELS, a valid path that x is an ancestor-or-self
 * of, and sort before the upper bound.  Every descendant we can build must
 * sort in [x, max] and before the upper bound.
 *
 * The bounds are left in upper and max and their lengths in *ulen and
 * *mlen.
 */
static void
check_subtree_bounds(const int64_t *ids, int n, const uint8_t *e, size_t len,
					 int64_t extra, uint8_t *upper, size_t *ulen,
					 uint8_t *max, size_t *mlen)
{
	static int64_t sib[ORGPATH_MAX_LEVELS];
	static uint8_t expect[ORGPATH_MAX_BYTES];
	static uint8_t desc[ORGPATH_MAX_BYTES];
	static uint8_t all_max[ORGPATH_MAX_BYTES];
	static size_t all_max_len = 0;
	int			j = n - 1;
	int			levels = -1;
	size_t		elen;
	int			i;

	/* upper bound */
	*ulen = orgpath_subtree_upper(e, len, upper);
	while (j >= 0 && ids[j] == INT64_MAX)
		j--;
	if (j < 0)
		CHECK(*ulen == SIZE_MAX);
	else
	{
		CHECK(*ulen != SIZE_MAX);
		CHECK(*ulen <= ORGPATH_MAX_BYTES);
		memcpy(sib, ids, sizeof(int64_t) * (size_t) j);
		sib[j] = ids[j] + 1;
		elen = ref_encode_ids(sib, j + 1, expect);
		CHECK(*ulen == elen);
		CHECK(memcmp(upper, expect, elen) == 0);
		CHECK(orgpath_validate(upper, *ulen, &levels) == ORGPATH_OK);
		CHECK(levels == j + 1);
		CHECK(orgpath_cmp_bytes(e, len, upper, *ulen) < 0);
		CHECK(!orgpath_is_ancestor(e, len, upper, *ulen));
		if (ids[n - 1] < INT64_MAX)
		{
			/* x's next sibling: x's first n - 1 labels, last id plus one */
			CHECK(j == n - 1 && levels == n);
			CHECK(orgpath_common_prefix(e, len, upper, *ulen) ==
				  orgpath_level_offset(e, len, n - 1));
		}
	}

	/*
	 * Greatest path of the subtree: x's bytes, then INT64_MAX labels up to
	 * the depth limit.  all_max holds ORGPATH_MAX_LEVELS reference INT64_MAX
	 * labels, so comparing bytes also proves the result valid and exactly
	 * ORGPATH_MAX_LEVELS deep.
	 */
	if (all_max_len == 0)
	{
		for (i = 0; i < ORGPATH_MAX_LEVELS; i++)
			all_max_len += (size_t) ref_encode((uint64_t) INT64_MAX,
											   all_max + all_max_len);
	}
	*mlen = orgpath_subtree_max(e, len, max);
	elen = len + (all_max_len / ORGPATH_MAX_LEVELS) * (size_t) (ORGPATH_MAX_LEVELS - n);
	CHECK(*mlen == elen);
	CHECK(*mlen <= ORGPATH_MAX_BYTES);
	CHECK(len == 0 || memcmp(max, e, len) == 0);
	CHECK(memcmp(max + len, all_max, elen - len) == 0);
	CHECK(orgpath_is_ancestor(e, len, max, *mlen));
	CHECK(sign(orgpath_cmp_bytes(e, len, max, *mlen)) ==
		  (n == ORGPATH_MAX_LEVELS ? 0 : -1));
	if (*ulen != SIZE_MAX)
		CHECK(orgpath_cmp_bytes(max, *mlen, upper, *ulen) < 0);

	/* every descendant we can build sorts in [x, max] and below upper */
	if (n + 2 <= ORGPATH_MAX_LEVELS)
	{
		int64_t		tails[4] = {1, extra, INT64_MAX - 1, INT64_MAX};
		int			t;

		memcpy(desc, e, len);
		for (t = 0; t < 4; t++)
		{
			size_t		dlen = len;
			int			round;

			for (round = 0; round < 2; round++)
			{
				dlen += (size_t) orgpath_encode_id(tails[(t + round) % 4],
												   desc + dlen);
				CHECK(orgpath_cmp_bytes(e, len, desc, dlen) < 0);
				CHECK(orgpath_is_ancestor(e, len, desc, dlen));
				CHECK(orgpath_cmp_bytes(desc, dlen, max, *mlen) <= 0);
				CHECK(*ulen == SIZE_MAX ||
					  orgpath_cmp_bytes(desc, dlen, upper, *ulen) < 0);
			}
		}
	}
}

/*
 * check_path checks one valid id array: encoding, level offsets, format ->
 * parse round trip, a prefix split at a label boundary chosen by ctl, and
 * the subtree bounds.
 */
static void
check_path(const int64_t *ids, int n, uint8_t ctl, int64_t extra)
{
	static uint8_t e[ORGPATH_MAX_BYTES];
	static uint8_t upper[ORGPATH_MAX_BYTES];
	static uint8_t max[ORGPATH_MAX_BYTES];
	static char text[ORGPATH_MAX_TEXT + 1];
	static int64_t back[ORGPATH_MAX_LEVELS];
	static uint8_t e2[ORGPATH_MAX_BYTES];
	size_t		len = encode_path(ids, n, e);
	size_t		tlen;
	size_t		ulen;
	size_t		mlen;
	OrgpathParse r;
	int			k;
	size_t		off;
	int			i;

	/* level offsets, at a few levels (each call walks from the start) */
	CHECK(orgpath_level_offset(e, len, 0) == 0);
	CHECK(orgpath_level_offset(e, len, n) == len);
	k = n > 0 ? ctl % (n + 1) : 0;
	off = 0;
	for (i = 0; i < k; i++)
		off += (size_t) orgpath_label_len(e[off]);
	CHECK(off == ref_encode_ids(ids, k, e2));
	CHECK(orgpath_level_offset(e, len, k) == off);

	/* the prefix of k levels is an ancestor-or-self and sorts first */
	CHECK(orgpath_is_ancestor(e, off, e, len));
	CHECK(orgpath_is_ancestor(e, len, e, off) == (k == n));
	CHECK(sign(orgpath_cmp_bytes(e, off, e, len)) == (k == n ? 0 : -1));
	CHECK(sign(orgpath_cmp_bytes(e, len, e, off)) == (k == n ? 0 : 1));
	CHECK(orgpath_common_prefix(e, off, e, len) == off);
	CHECK(orgpath_nlevels(e, off) == k);

	/* format -> parse -> encode gives the bytes back */
	tlen = orgpath_format(e, len, text);
	CHECK(tlen <= ORGPATH_MAX_TEXT);
	CHECK(text[tlen] == '\0');
	CHECK(strlen(text) == tlen);
	r = orgpath_parse_text(text, tlen, back, ORGPATH_MAX_LEVELS);
	CHECK(r.status == ORGPATH_OK);
	CHECK(r.nlevels == n);
	CHECK(n == 0 || memcmp(back, ids, sizeof(int64_t) * (size_t) n) == 0);
	CHECK(orgpath_encode_ids(back, r.nlevels, e2) == len);
	CHECK(len == 0 || memcmp(e2, e, len) == 0);

	check_subtree_bounds(ids, n, e, len, extra, upper, &ulen, max, &mlen);
	check_send_recv(ids, n, e, len);
}

/*
 * check_pair checks the relations between two valid id arrays against what
 * the arrays themselves say: order, ancestry, common prefix, lca, and that
 * "b <@ a" is exactly "a <= b < subtree_upper(a)" and exactly
 * "a <= b <= subtree_max(a)", and that byte positions respect the order.
 */
static void
check_pair(const int64_t *a, int na, const int64_t *b, int nb)
{
	static uint8_t ea[ORGPATH_MAX_BYTES];
	static uint8_t eb[ORGPATH_MAX_BYTES];
	static uint8_t ua[ORGPATH_MAX_BYTES];
	static uint8_t ub[ORGPATH_MAX_BYTES];
	static uint8_t ma[ORGPATH_MAX_BYTES];
	static uint8_t mb[ORGPATH_MAX_BYTES];
	static uint8_t tmp[ORGPATH_MAX_BYTES];
	size_t		la = encode_path(a, na, ea);
	size_t		lb = encode_path(b, nb, eb);
	int			expect = ref_cmp_ids(a, na, b, nb);
	int			common = ref_common_levels(a, na, b, nb);
	size_t		common_len = ref_encode_ids(a, common, tmp);
	int			c = orgpath_cmp_bytes(ea, la, eb, lb);
	size_t		lca;
	size_t		ula;
	size_t		ulb;
	size_t		mla;
	size_t		mlb;

	/* order: the key property of the encoding */
	CHECK(sign(c) == expect);
	CHECK(sign(orgpath_cmp_bytes(eb, lb, ea, la)) == -sign(c));
	CHECK(orgpath_cmp_bytes(ea, la, ea, la) == 0);
	CHECK((c == 0) == (la == lb && (la == 0 || memcmp(ea, eb, la) == 0)));

	/* ancestry */
	CHECK(orgpath_is_ancestor(ea, la, eb, lb) == (common == na));
	CHECK(orgpath_is_ancestor(eb, lb, ea, la) == (common == nb));

	/* common prefix: whole labels, symmetric, no longer than either */
	CHECK(orgpath_common_prefix(ea, la, eb, lb) == common_len);
	CHECK(orgpath_common_prefix(eb, lb, ea, la) == common_len);
	CHECK(common_len <= la && common_len <= lb);

	/* lca: the common prefix, capped below the whole of either path */
	lca = orgpath_lca_len(ea, la, eb, lb);
	CHECK(lca == orgpath_lca_len(eb, lb, ea, la));
	if (na == 0 || nb == 0)
		CHECK(lca == SIZE_MAX);
	else
	{
		int			lv = common;

		if (lv > na - 1)
			lv = na - 1;
		if (lv > nb - 1)
			lv = nb - 1;
		CHECK(lca == ref_encode_ids(a, lv, tmp));
		CHECK(lca < la && lca < lb);
		CHECK(orgpath_nlevels(ea, lca) == lv);
	}

	/*
	 * The btree ranges for "b <@ a": a <= b < upper(a), and equally
	 * a <= b <= max(a).  Both directions.
	 */
	check_subtree_bounds(a, na, ea, la, nb > 0 ? b[0] : 1, ua, &ula, ma, &mla);
	check_subtree_bounds(b, nb, eb, lb, na > 0 ? a[0] : 1, ub, &ulb, mb, &mlb);
	CHECK((common == na) ==
		  (orgpath_cmp_bytes(eb, lb, ea, la) >= 0 &&
		   (ula == SIZE_MAX || orgpath_cmp_bytes(eb, lb, ua, ula) < 0)));
	CHECK((common == na) ==
		  (orgpath_cmp_bytes(eb, lb, ea, la) >= 0 &&
		   orgpath_cmp_bytes(eb, lb, ma, mla) <= 0));
	CHECK((common == nb) ==
		  (orgpath_cmp_bytes(ea, la, eb, lb) >= 0 &&
		   (ulb == SIZE_MAX || orgpath_cmp_bytes(ea, la, ub, ulb) < 0)));
	CHECK((common == nb) ==
		  (orgpath_cmp_bytes(ea, la, eb, lb) >= 0 &&
		   orgpath_cmp_bytes(ea, la, mb, mlb) <= 0));

	/*
	 * byte positions: in [0, 1), and monotone in the order for paths that
	 * share the skipped prefix (the use the estimator and GiST make of it)
	 */
	{
		size_t		k = orgpath_common_prefix(ea, la, eb, lb);
		double		pa = orgpath_byte_position(ea, la, k);
		double		pb = orgpath_byte_position(eb, lb, k);

		CHECK(pa >= 0.0 && pa < 1.0 && pb >= 0.0 && pb < 1.0);
		CHECK(c > 0 || pa <= pb);
		CHECK(c < 0 || pa >= pb);
	}
}

/*
 * check_text_error checks that a parse error's position is consistent with
 * its status: it points at the offending character (the bad label's first
 * character for label-level errors), and everything before the bad label
 * is a valid path followed by a dot.
 */
static void
check_text_error(const uint8_t *data, size_t size, OrgpathParse r)
{
	size_t		p;
	size_t		ls;
	size_t		d;
	int			n;
	static int64_t ids[ORGPATH_MAX_LEVELS];

	CHECK(r.status != ORGPATH_OK);
	CHECK(r.status != ORGPATH_ERR_ENCODING);
	CHECK(r.pos >= 0 && (size_t) r.pos <= size);
	p = (size_t) r.pos;
	CHECK(p < size);			/* every error names an existing byte */

	switch (r.status)
	{
		case ORGPATH_ERR_TRAILING_DOT:
			CHECK(p == size - 1 && data[p] == '.');
			CHECK(p >= 1 && well_formed_before(data, p + 1));
			break;
		case ORGPATH_ERR_EMPTY_LABEL:
			CHECK(data[p] == '.');
			CHECK(well_formed_before(data, p));
			break;
		case ORGPATH_ERR_LEADING_ZERO:
			CHECK(data[p] == '0' && p + 1 < size && is_digit(data[p + 1]));
			CHECK(well_formed_before(data, p));
			break;
		case ORGPATH_ERR_ZERO:
			CHECK(data[p] == '0' && (p + 1 == size || !is_digit(data[p + 1])));
			CHECK(well_formed_before(data, p));
			break;
		case ORGPATH_ERR_RANGE:
			for (d = p; d < size && is_digit(data[d]); d++)
				;
			CHECK(data[p] != '0');
			CHECK(d - p > 19 ||
				  (d - p == 19 && memcmp(data + p, INT64_MAX_TEXT, 19) > 0));
			CHECK(well_formed_before(data, p));
			break;
		case ORGPATH_ERR_DEPTH:
			CHECK(data[p] >= '1' && data[p] <= '9');
			CHECK(p >= 2 && data[p - 1] == '.');
			CHECK(ref_parse(data, p - 1, ids, &n) && n == ORGPATH_MAX_LEVELS);
			break;
		case ORGPATH_ERR_CHAR:
			CHECK(data[p] != '.' && !is_digit(data[p]));
			ls = p;
			while (ls > 0 && is_digit(data[ls - 1]))
				ls--;
			CHECK(ls == p || data[ls] != '0');
			CHECK(well_formed_before(data, ls));
			break;
		default:
			CHECK(!"unknown status");
	}
}

/*
 * check_text parses the input as a text path and checks it against the
 * reference recognizer: same verdict and ids; on success the encoding is
 * valid and formats back to the input byte for byte; on failure the error
 * position is consistent.  A second parse with a smaller max_ids must stop
 * at the right label without writing past max_ids.  Returns the number of
 * levels, or -1 when the text is invalid; the ids are left in ids.
 */
static int
check_text(const uint8_t *data, size_t size, int64_t *ids, uint8_t ctl)
{
	static int64_t ref[ORGPATH_MAX_LEVELS];
	static int64_t small[ORGPATH_MAX_LEVELS];
	static uint8_t e[ORGPATH_MAX_BYTES];
	static char text[ORGPATH_MAX_TEXT + 1];
	OrgpathParse r = orgpath_parse_text((const char *) data, size, ids,
										ORGPATH_MAX_LEVELS);
	int			rn = 0;
	bool		ok = ref_parse(data, size, ref, &rn);
	size_t		len;
	size_t		tlen;
	int			i;

	CHECK((r.status == ORGPATH_OK) == ok);
	if (!ok)
	{
		check_text_error(data, size, r);
		return -1;
	}

	CHECK(r.pos == -1);
	CHECK(r.nlevels == rn);
	for (i = 0; i < rn; i++)
		CHECK(ids[i] > 0 && ids[i] == ref[i]);

	len = encode_path(ids, r.nlevels, e);
	tlen = orgpath_format(e, len, text);
	CHECK(tlen == size);
	CHECK(size == 0 || memcmp(text, data, size) == 0);

	/* a tighter max_ids stops at label m, writing exactly m ids */
	if (rn > 0)
	{
		int			m = ctl % rn;
		size_t		start = 0;
		OrgpathParse r2;

		for (i = 0; i < m; i++)
		{
			while (data[start] != '.')
				start++;
			start++;
		}
		small[m] = -42;
		r2 = orgpath_parse_text((const char *) data, size, small, m);
		CHECK(r2.status == ORGPATH_ERR_DEPTH);
		CHECK(r2.pos == (int) start);
		CHECK(small[m] == -42);
		CHECK(m == 0 || memcmp(small, ids, sizeof(int64_t) * (size_t) m) == 0);
	}
	return r.nlevels;
}

/*
 * check_binary treats the input as a payload: validation must agree with the
 * reference decoder, decode must agree with it at every offset, and a valid
 * payload's labels must re-encode to the same bytes and the whole must
 * survive format -> parse -> encode (check_path).
 */
static void
check_binary(const uint8_t *data, size_t size, uint8_t ctl, int64_t extra)
{
	static int64_t ids[ORGPATH_MAX_LEVELS];
	size_t		pos = 0;
	int			n = 0;
	int			levels = -1;
	bool		ref_ok = true;
	bool		ref_deep = false;
	OrgpathStatus st = orgpath_validate(data, size, &levels);

	/* orgpath_decode_id against the reference, at every offset */
	for (pos = 0; pos < size; pos++)
	{
		int64_t		id = 0;
		uint64_t	rid = 0;
		int			got = orgpath_decode_id(data + pos, size - pos, &id);
		int			want = ref_decode(data + pos, size - pos, &rid);

		CHECK(got == want);
		CHECK(got < 0 || (uint64_t) id == rid);
		CHECK(orgpath_label_len(data[pos]) == ref_label_len(data[pos]));
	}

	/* walk the labels with the reference decoder */
	pos = 0;
	while (pos < size)
	{
		uint64_t	rid;
		int			step = ref_decode(data + pos, size - pos, &rid);

		if (step < 0)
		{
			ref_ok = false;
			break;
		}
		if (n == ORGPATH_MAX_LEVELS)
		{
			ref_deep = true;
			break;
		}
		ids[n++] = (int64_t) rid;
		pos += (size_t) step;
	}

	if (st != ORGPATH_OK)
	{
		CHECK(!ref_ok || ref_deep);
		CHECK(st == ORGPATH_ERR_ENCODING || st == ORGPATH_ERR_DEPTH);
		CHECK(st != ORGPATH_ERR_DEPTH || ref_deep);
		return;
	}
	CHECK(ref_ok && !ref_deep);
	CHECK(levels == n);
	CHECK(orgpath_nlevels(data, size) == n);

	/* canonical: re-encoding every label gives the same bytes */
	pos = 0;
	while (pos < size)
	{
		uint8_t		buf[ORGPATH_MAX_LABEL_BYTES];
		int64_t		id = 0;
		int			step = orgpath_decode_id(data + pos, size - pos, &id);

		CHECK(step > 0);
		CHECK(orgpath_encode_id(id, buf) == step);
		CHECK(memcmp(buf, data + pos, (size_t) step) == 0);
		pos += (size_t) step;
	}

	/* check_path re-encodes the ids and compares with encode_path's output */
	{
		static uint8_t e[ORGPATH_MAX_BYTES];

		CHECK(orgpath_encode_ids(ids, n, e) == size);
		CHECK(size == 0 || memcmp(e, data, size) == 0);
	}
	check_path(ids, n, ctl, extra);
}

/*
 * LLVMFuzzerTestOneInput runs every check on one input; see the file
 * header.  It always returns 0: violations trap instead.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int64_t ta[ORGPATH_MAX_LEVELS];
	static int64_t tb[ORGPATH_MAX_LEVELS];
	static int64_t a[ORGPATH_MAX_LEVELS];
	static int64_t b[ORGPATH_MAX_LEVELS];
	static int64_t c[ORGPATH_MAX_LEVELS];
	uint8_t		ctl = size > 0 ? data[size - 1] : 0;
	int64_t		extra = id_from_bytes(data, size, size > 9 ? size - 9 : 0);
	const uint8_t *body = size > 0 ? data + 1 : data;
	size_t		blen = size > 0 ? size - 1 : 0;
	size_t		mid = blen / 2;
	size_t		split;
	int			na;
	int			nb;
	int			nc;
	int			k;
	int			i;

	if (ref_base[1] == 0)
		ref_init();
	check_class_boundaries();

	/* text */
	na = check_text(data, size, ta, ctl);
	if (na >= 0)
		check_path(ta, na, ctl, extra);

	/* binary */
	check_binary(data, size, ctl, extra);

	/* binary send/receive form */
	check_recv(data, size, ctl);

	/* person ids (orgacl.viewer) */
	check_person_id(data, size);
	check_person_id(data, strcspn_len(data, size, '.'));

	/* labels */
	check_labels(data, size);

	/* pairs of derived paths: independent halves */
	na = derive_ids(body, mid, a, ORGPATH_MAX_LEVELS);
	nb = derive_ids(body + mid, blen - mid, b, ORGPATH_MAX_LEVELS);
	check_path(a, na, ctl, extra);
	check_pair(a, na, b, nb);

	/* a shared prefix of a, then b's ids */
	k = na > 0 ? (size > 0 ? data[0] : 0) % (na + 1) : 0;
	memcpy(c, a, sizeof(int64_t) * (size_t) k);
	nc = k;
	for (i = 0; i < nb && nc < ORGPATH_MAX_LEVELS; i++)
		c[nc++] = b[i];
	check_pair(a, na, c, nc);

	/* two text paths separated by a byte that is neither digit nor dot */
	for (split = 0; split < size; split++)
	{
		if (data[split] != '.' && !is_digit(data[split]))
			break;
	}
	if (split < size)
	{
		int			nta;
		int			ntb;

		nta = check_text(data, split, ta, ctl);
		ntb = check_text(data + split + 1, size - split - 1, tb, ctl);
		if (nta >= 0 && ntb >= 0)
			check_pair(ta, nta, tb, ntb);
	}
	return 0;
}
