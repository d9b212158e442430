/*-------------------------------------------------------------------------
 *
 * sets_fuzz.c
 *	  libFuzzer harness for the pure-C core of the set types roleset and
 *	  audience (src/sets_core.c).
 *
 * Every input is used four ways, and each use checks properties that the
 * header (src/sets_core.h) promises; a violation calls __builtin_trap(),
 * which libFuzzer reports as a crash and saves as an artifact.
 *
 *	- text: the input is a set literal, parsed once with the relation
 *	  vocabulary and once with a role vocabulary of 64 bits built to hold
 *	  the awkward cases (names that are prefixes of each other, a name of
 *	  exactly SET_MAX_NAME characters, bits without a name, and names the
 *	  lookup maps to bits outside 0..63).  SetParse must agree with an
 *	  independent recognizer of the grammar (a character-level state
 *	  machine): same status, same bits, same errpos and errlen.  A failed
 *	  parse must leave *result alone and its error must lie within the
 *	  input; the lookup callback must only ever see well-formed names that
 *	  lie inside the input.  A successful parse must format to the
 *	  canonical text and parse back to the same bits.
 *	- bits: the first eight bytes are a 64-bit set, formatted with both
 *	  vocabularies.  The output must be the reference formatter's, bit for
 *	  bit; the size query (bufsize 0, buf NULL) must return the real length;
 *	  a buffer of any size must come back NUL-terminated, holding a prefix
 *	  of the text, with nothing written past bufsize (a canary checks that,
 *	  and one exactly sized heap buffer per input lets AddressSanitizer
 *	  check it too).  The text must parse back to the same bits when every
 *	  bit has a name, and be refused at the first "#<bit>" otherwise.
 *	- recv: the input is the binary send/receive form of a roleset (mask
 *	  width 8) and of an audience (width 2), decoded by SetRecv with the
 *	  vocabularies' masks, all bits, no bit, and a mask taken from the
 *	  input.  It must agree with an independent decoder (status, version,
 *	  bits, lowest bit outside the vocabulary, bytes consumed) and read
 *	  nothing past the input, which libFuzzer hands over in an exactly sized
 *	  heap buffer; every shorter prefix of an accepted input must be
 *	  refused; SetSend of the bits read must give the consumed bytes back,
 *	  and SetSend of the first eight bytes as a mask must come back through
 *	  SetRecv (bits above the width dropped).
 *	- names: the input and its first comma-separated piece are looked up
 *	  in the relation vocabulary, against the relation names of SPEC
 *	  section 2 listed here independently.
 *
 * The reference functions below (ref_*) are written from the header's
 * description of the text form, not copied from sets_core.c, so that a
 * mistake in the implementation does not hide in the oracle too.  Two
 * readings the header leaves open are fixed here as the implementation
 * documents them: errors are reported left to right (an unknown name is
 * noticed once the ',' or '}' after it has been seen), and a name longer
 * than SET_MAX_NAME is a syntax error at the name's first character.
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  test/fuzz/sets_fuzz.c
 *
 *-------------------------------------------------------------------------
 */
#include "sets_core.h"
#include "fuzz_fail.h"

#include <limits.h>
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
 * ORACLE marks the reference helpers, whose branches tell the fuzzer
 * nothing new: leaving them out of coverage instrumentation makes an
 * execution cheaper.  They keep their AddressSanitizer and UBSan checks.
 */
#define ORACLE __attribute__((no_sanitize("coverage")))

/* Longest text SetFormat can produce: 64 names, 63 commas, two braces. */
#define MAX_TEXT	(64 * SET_MAX_NAME + 63 + 2)

/* bytes of canary checked past the end of a truncated buffer */
#define CANARY		16

/* The relations of SPEC section 2, in bit order. */
static const char *const ref_relations[] = {
	"subject", "author", "direct_manager", "managers", "owner", "shared",
	"team_lead", "public", "hr"
};
#define N_REF_RELATIONS ((int) (sizeof(ref_relations) / sizeof(ref_relations[0])))

/*
 * A vocabulary as the harness sees it: names[b] is the name of bit b or
 * NULL, and bogus[] are names the lookup maps to a bit outside 0..63 (which
 * SetParse must treat as unknown).
 */
typedef struct Vocab
{
	const char *names[64];
	int			nbogus;
	const char *bogus[4];
	int			bogus_bit[4];
} Vocab;

/* The text the parser is currently reading, for the lookup callback. */
typedef struct LookupArg
{
	const Vocab *vocab;
	const char *text;
	size_t		len;
	bool		relations;		/* use RelationLookupCb underneath */
} LookupArg;

static Vocab relation_vocab;
static Vocab role_vocab;
static char role_name_store[64][SET_MAX_NAME + 1];

/*
 * vocab_init builds both vocabularies once: the relations, and 64 role
 * bits whose names cover the cases a parser gets wrong.
 */
static void
vocab_init(void)
{
	static const char *const fixed[] = {
		"a", "ab", "abc", "b", "0", "_", "9_z", "hr_admin", "hr", "subject",
		"a_b", "zz"
	};
	int			b;

	memset(&relation_vocab, 0, sizeof(relation_vocab));
	for (b = 0; b < N_REF_RELATIONS; b++)
		relation_vocab.names[b] = ref_relations[b];

	memset(&role_vocab, 0, sizeof(role_vocab));
	for (b = 0; b < 64; b++)
	{
		char	   *s = role_name_store[b];

		if (b < (int) (sizeof(fixed) / sizeof(fixed[0])))
			snprintf(s, SET_MAX_NAME + 1, "%s", fixed[b]);
		else if (b == 12 || b == 14 || b == 15)
		{
			/* 63 x's; 62 x's and a y; 62 x's (a prefix of bit 12's) */
			memset(s, 'x', SET_MAX_NAME);
			s[b == 15 ? SET_MAX_NAME - 1 : SET_MAX_NAME] = '\0';
			if (b == 14)
				s[SET_MAX_NAME - 1] = 'y';
		}
		else if (b == 62)
			snprintf(s, SET_MAX_NAME + 1, "tech_admin");
		else
			snprintf(s, SET_MAX_NAME + 1, "r%d", b);
		/* bits without a name: formatted as "#<bit>" */
		role_vocab.names[b] = (b == 13 || b == 40 || b == 63) ? NULL : s;
	}
	role_vocab.nbogus = 4;
	role_vocab.bogus[0] = "big";
	role_vocab.bogus_bit[0] = 64;
	role_vocab.bogus[1] = "huge";
	role_vocab.bogus_bit[1] = 1000;
	role_vocab.bogus[2] = "minus";
	role_vocab.bogus_bit[2] = -7;
	role_vocab.bogus[3] = "intmin";
	role_vocab.bogus_bit[3] = INT_MIN;
}

/*
 * ref_is_blank says whether c is one of the blanks allowed around names.
 */
ORACLE static bool
ref_is_blank(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * ref_is_name_char says whether c may appear in a name: [a-z0-9_].
 */
ORACLE static bool
ref_is_name_char(uint8_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/*
 * ref_same_name says whether name (len bytes) spells the NUL-terminated s.
 */
ORACLE static bool
ref_same_name(const char *s, const char *name, size_t len)
{
	size_t		i;

	for (i = 0; i < len; i++)
	{
		if (s[i] == '\0' || s[i] != name[i])
			return false;
	}
	return s[len] == '\0';
}

/*
 * ref_lookup returns what the harness's vocabulary maps name to: a bit,
 * a bogus bit, or -1.
 */
ORACLE static int
ref_lookup(const Vocab *vocab, const char *name, size_t len)
{
	int			b;

	for (b = 0; b < 64; b++)
	{
		if (vocab->names[b] != NULL && ref_same_name(vocab->names[b], name, len))
			return b;
	}
	for (b = 0; b < vocab->nbogus; b++)
	{
		if (ref_same_name(vocab->bogus[b], name, len))
			return vocab->bogus_bit[b];
	}
	return -1;
}

/*
 * lookup_cb is the SetNameLookup handed to SetParse.  It checks that the
 * parser only asks about a well-formed name inside the text being parsed,
 * then answers from the real relation lookup or from the role vocabulary.
 */
static int
lookup_cb(const char *name, size_t len, void *arg)
{
	LookupArg  *la = arg;
	size_t		i;
	int			bit;

	CHECK(name >= la->text && len <= la->len &&
		  (size_t) (name - la->text) <= la->len - len);
	CHECK(len >= 1 && len <= SET_MAX_NAME);
	for (i = 0; i < len; i++)
		CHECK(ref_is_name_char((uint8_t) name[i]));
	if (la->relations)
	{
		bit = RelationLookupCb(name, len, NULL);
		CHECK(bit == ref_lookup(la->vocab, name, len));
		return bit;
	}
	return ref_lookup(la->vocab, name, len);
}

/*
 * nameof_cb is the SetNameOf handed to SetFormat for the role vocabulary.
 */
static const char *
nameof_cb(int bit, void *arg)
{
	const Vocab *vocab = arg;

	CHECK(bit >= 0 && bit < 64);
	return vocab->names[bit];
}

/*
 * relation_nameof_cb wraps RelationNameCb, checking the bit it is asked
 * about and its answer against the reference list.
 */
static const char *
relation_nameof_cb(int bit, void *arg)
{
	const char *name;

	(void) arg;
	CHECK(bit >= 0 && bit < 64);
	name = RelationNameCb(bit, NULL);
	CHECK((name == NULL) == (relation_vocab.names[bit] == NULL));
	CHECK(name == NULL || strcmp(name, relation_vocab.names[bit]) == 0);
	return name;
}

/* Parser states of the reference recognizer. */
typedef enum RefState
{
	RS_BEFORE_OPEN,				/* blanks, then '{' */
	RS_AFTER_OPEN,				/* blanks, then '}' or a name */
	RS_IN_NAME,					/* name characters */
	RS_AFTER_NAME,				/* blanks, then ',' or '}' */
	RS_AFTER_COMMA,				/* blanks, then a name */
	RS_AFTER_CLOSE				/* blanks, then the end */
} RefState;

/*
 * ref_parse recognizes the text form with a character-level state machine
 * and returns the status SetParse must return, with the bits, or the error
 * position and length.  A name's lookup happens when the ',' or '}' after
 * it is reached; a name growing past SET_MAX_NAME characters is refused at
 * its first character.
 */
ORACLE static SetParseStatus
ref_parse(const Vocab *vocab, const uint8_t *text, size_t len,
		  uint64_t *bits, size_t *errpos, size_t *errlen)
{
	RefState	st = RS_BEFORE_OPEN;
	size_t		name_start = 0;
	size_t		name_end = 0;
	size_t		i;

	*bits = 0;
	*errlen = 0;
	for (i = 0; i < len; i++)
	{
		uint8_t		c = text[i];

		switch (st)
		{
			case RS_BEFORE_OPEN:
			case RS_AFTER_CLOSE:
				if (ref_is_blank(c))
					continue;
				if (st == RS_BEFORE_OPEN && c == '{')
				{
					st = RS_AFTER_OPEN;
					continue;
				}
				*errpos = i;
				return SET_SYNTAX;
			case RS_AFTER_OPEN:
			case RS_AFTER_COMMA:
				if (ref_is_blank(c))
					continue;
				if (st == RS_AFTER_OPEN && c == '}')
				{
					st = RS_AFTER_CLOSE;
					continue;
				}
				if (!ref_is_name_char(c))
				{
					*errpos = i;
					return SET_SYNTAX;
				}
				st = RS_IN_NAME;
				name_start = i;
				continue;
			case RS_IN_NAME:
				if (ref_is_name_char(c))
				{
					if (i - name_start + 1 > SET_MAX_NAME)
					{
						*errpos = name_start;
						return SET_SYNTAX;
					}
					continue;
				}
				name_end = i;
				st = RS_AFTER_NAME;
				/* FALLTHROUGH */
			case RS_AFTER_NAME:
				if (ref_is_blank(c))
					continue;
				if (c == ',' || c == '}')
				{
					int			b = ref_lookup(vocab, (const char *) text + name_start,
											   name_end - name_start);

					if (b < 0 || b > 63)
					{
						*errpos = name_start;
						*errlen = name_end - name_start;
						return SET_UNKNOWN_NAME;
					}
					*bits |= UINT64_C(1) << b;
					st = (c == ',') ? RS_AFTER_COMMA : RS_AFTER_CLOSE;
					continue;
				}
				*errpos = i;
				return SET_SYNTAX;
		}
	}
	if (st != RS_AFTER_CLOSE)
	{
		*errpos = len;
		return SET_SYNTAX;
	}
	return SET_OK;
}

/*
 * ref_format writes the canonical text of bits into out (no NUL): the names
 * of the set bits in bit order, "#<bit>" for a bit without a name, joined
 * by commas, in braces.  It returns the length.
 */
ORACLE static size_t
ref_format(const Vocab *vocab, uint64_t bits, char *out)
{
	size_t		n = 0;
	bool		first = true;
	int			b;

	out[n++] = '{';
	for (b = 0; b < 64; b++)
	{
		if (!((bits >> b) & 1))
			continue;
		if (!first)
			out[n++] = ',';
		first = false;
		if (vocab->names[b] != NULL)
		{
			size_t		l = strlen(vocab->names[b]);

			memcpy(out + n, vocab->names[b], l);
			n += l;
		}
		else
			n += (size_t) sprintf(out + n, "#%d", b);
	}
	out[n++] = '}';
	return n;
}

/*
 * ref_named_bits returns the bits of vocab that have a name.
 */
ORACLE static uint64_t
ref_named_bits(const Vocab *vocab)
{
	uint64_t	m = 0;
	int			b;

	for (b = 0; b < 64; b++)
	{
		if (vocab->names[b] != NULL)
			m |= UINT64_C(1) << b;
	}
	return m;
}

/*
 * parse_checked runs SetParse on text with the vocabulary's callbacks and
 * checks it against ref_parse: same status; on success the same bits; on
 * failure *result untouched and the same error, lying within the text.
 * It returns the status and leaves the bits in *bits.
 */
static SetParseStatus
parse_checked(const Vocab *vocab, bool relations, const char *text, size_t len,
			  uint64_t *bits)
{
	const uint64_t sentinel = UINT64_C(0xA5A5A5A5DEADBEEF);
	LookupArg	la = {vocab, text, len, relations};
	uint64_t	result = sentinel;
	size_t		errpos = (size_t) -1;
	size_t		errlen = (size_t) -1;
	uint64_t	rbits;
	size_t		rpos = 0;
	size_t		rlen = 0;
	SetParseStatus st;
	SetParseStatus rst;

	st = SetParse(text, len, lookup_cb, &la, &result, &errpos, &errlen);
	rst = ref_parse(vocab, (const uint8_t *) text, len, &rbits, &rpos, &rlen);
	CHECK(st == SET_OK || st == SET_SYNTAX || st == SET_UNKNOWN_NAME);
	CHECK(st == rst);
	if (st == SET_OK)
	{
		CHECK(result == rbits);
		CHECK((result & ~ref_named_bits(vocab)) == 0);
		*bits = result;
		return st;
	}

	CHECK(result == sentinel);
	CHECK(errpos <= len);
	CHECK(errlen <= len - errpos);
	CHECK(errpos == rpos);
	CHECK(errlen == rlen);
	if (st == SET_SYNTAX)
		CHECK(errlen == 0);
	else
	{
		size_t		i;
		int			b;

		CHECK(errlen >= 1 && errlen <= SET_MAX_NAME);
		for (i = 0; i < errlen; i++)
			CHECK(ref_is_name_char((uint8_t) text[errpos + i]));
		b = ref_lookup(vocab, text + errpos, errlen);
		CHECK(b < 0 || b > 63);
	}
	*bits = 0;
	return st;
}

/*
 * format_checked formats bits with the vocabulary and checks the output
 * against ref_format at full size, through the size query and truncated to
 * several buffer sizes (the ones near the length, and trunc_at).  The full
 * text is left in out and its length returned.
 */
static size_t
format_checked(const Vocab *vocab, bool relations, uint64_t bits,
			   size_t trunc_at, char *out)
{
	static char ref[MAX_TEXT + 1];
	static char buf[MAX_TEXT + 1 + CANARY];
	SetNameOf	nameof = relations ? relation_nameof_cb : nameof_cb;
	void	   *arg = relations ? NULL : (void *) vocab;
	size_t		rlen = ref_format(vocab, bits, ref);
	size_t		sizes[7];
	size_t		n;
	size_t		k;
	char	   *heap;

	/* size query */
	CHECK(SetFormat(bits, nameof, arg, NULL, 0) == rlen);

	/* full buffer, exactly rlen + 1 */
	memset(out, 0x5A, rlen + 1 + CANARY);
	n = SetFormat(bits, nameof, arg, out, rlen + 1);
	CHECK(n == rlen);
	CHECK(memcmp(out, ref, rlen) == 0);
	CHECK(out[rlen] == '\0');
	for (k = 0; k < CANARY; k++)
		CHECK((uint8_t) out[rlen + 1 + k] == 0x5A);

	/* truncated buffers: a NUL-terminated prefix, nothing past bufsize */
	sizes[0] = 1;
	sizes[1] = 2;
	sizes[2] = rlen > 0 ? rlen - 1 : 1;
	sizes[3] = rlen;
	sizes[4] = rlen + 2;
	sizes[5] = trunc_at % (rlen + 2) + 1;
	sizes[6] = rlen / 2 + 1;
	for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++)
	{
		size_t		bs = sizes[k];
		size_t		keep = rlen < bs - 1 ? rlen : bs - 1;
		size_t		c;

		CHECK(bs >= 1 && bs + CANARY <= sizeof(buf));
		memset(buf, 0x5A, bs + CANARY);
		CHECK(SetFormat(bits, nameof, arg, buf, bs) == rlen);
		CHECK(memcmp(buf, ref, keep) == 0);
		CHECK(buf[keep] == '\0');
		for (c = 0; c < CANARY; c++)
			CHECK((uint8_t) buf[bs + c] == 0x5A);
	}

	/* one exactly sized heap buffer, for AddressSanitizer */
	k = trunc_at % (rlen + 2) + 1;
	heap = malloc(k);
	CHECK(heap != NULL);
	CHECK(SetFormat(bits, nameof, arg, heap, k) == rlen);
	CHECK(strlen(heap) == (rlen < k - 1 ? rlen : k - 1));
	free(heap);

	return rlen;
}

/*
 * check_format_parses checks that formatted text (len bytes) parses back
 * to bits when every bit has a name, and is refused at the first '#'
 * otherwise.
 */
static void
check_format_parses(const Vocab *vocab, bool relations, uint64_t bits,
					const char *text, size_t len)
{
	uint64_t	back = 0;
	SetParseStatus st = parse_checked(vocab, relations, text, len, &back);

	if ((bits & ~ref_named_bits(vocab)) == 0)
	{
		CHECK(st == SET_OK);
		CHECK(back == bits);
	}
	else
	{
		const char *hash = memchr(text, '#', len);
		size_t		errpos = 0;
		size_t		errlen = 0;
		uint64_t	r = 0;

		CHECK(hash != NULL);
		CHECK(st == SET_SYNTAX);
		/* the reference agreed; restate where: at the first '#' */
		CHECK(ref_parse(vocab, (const uint8_t *) text, len, &r, &errpos, &errlen) == SET_SYNTAX);
		CHECK(errpos == (size_t) (hash - text));
	}
}

/*
 * check_bits formats bits with the vocabulary, checks the text and that it
 * parses back.
 */
static void
check_bits(const Vocab *vocab, bool relations, uint64_t bits, size_t trunc_at)
{
	static char out[MAX_TEXT + 1 + CANARY];
	size_t		n = format_checked(vocab, relations, bits, trunc_at, out);

	check_format_parses(vocab, relations, bits, out, n);
}

/*
 * check_text parses the input with one vocabulary; a successful parse must
 * format canonically and the canonical text must parse to the same bits
 * and format to itself.
 */
static void
check_text(const Vocab *vocab, bool relations, const uint8_t *data, size_t size,
		   size_t trunc_at)
{
	static char out[MAX_TEXT + 1 + CANARY];
	static char again[MAX_TEXT + 1 + CANARY];
	uint64_t	bits = 0;
	uint64_t	back = 0;
	size_t		n;

	if (parse_checked(vocab, relations, (const char *) data, size, &bits) != SET_OK)
		return;
	n = format_checked(vocab, relations, bits, trunc_at, out);
	CHECK(parse_checked(vocab, relations, out, n, &back) == SET_OK);
	CHECK(back == bits);
	/* canonical: formatting the reparsed bits gives the very same text */
	CHECK(format_checked(vocab, relations, back, trunc_at, again) == n);
	CHECK(memcmp(out, again, n) == 0);
	/* the canonical text is the shortest: no blanks, each name once */
	CHECK(n <= size);
}

/*
 * check_relation_vocabulary checks RelationName and RelationLookup (and
 * their callback forms) against SPEC's list, once per process.
 */
static void
check_relation_vocabulary(void)
{
	static bool done = false;
	int			r;

	if (done)
		return;
	done = true;
	CHECK(N_REF_RELATIONS == REL_COUNT);
	CHECK(AUDIENCE_ALL == (1u << N_REF_RELATIONS) - 1);
	CHECK(RelationName(-1) == NULL);
	CHECK(RelationName(REL_COUNT) == NULL);
	CHECK(RelationName(INT_MIN) == NULL);
	CHECK(RelationName(INT_MAX) == NULL);
	CHECK(RelationNameCb(REL_COUNT, NULL) == NULL);
	for (r = 0; r < REL_COUNT; r++)
	{
		size_t		l = strlen(ref_relations[r]);

		CHECK(RelationName(r) != NULL && strcmp(RelationName(r), ref_relations[r]) == 0);
		CHECK(RelationNameCb(r, NULL) == RelationName(r));
		CHECK(RelationLookup(ref_relations[r], l) == r);
		CHECK(RelationLookupCb(ref_relations[r], l, NULL) == r);
		CHECK(RelationLookup(ref_relations[r], l - 1) ==
			  ref_lookup(&relation_vocab, ref_relations[r], l - 1));
	}
	CHECK(RelationLookup("", 0) == -1);
	CHECK(RelationLookup("hrx", 3) == -1);
	CHECK(RelationLookup("hr", 2) == REL_HR);
	CHECK(RelationLookup("HR", 2) == -1);
}

/*
 * check_names looks up the input, and its first comma-separated piece, in
 * the relation vocabulary.
 */
static void
check_names(const uint8_t *data, size_t size)
{
	const uint8_t *comma = memchr(data, ',', size);
	size_t		first = comma ? (size_t) (comma - data) : size;

	CHECK(RelationLookup((const char *) data, size) ==
		  ref_lookup(&relation_vocab, (const char *) data, size));
	CHECK(RelationLookup((const char *) data, first) ==
		  ref_lookup(&relation_vocab, (const char *) data, first));
}

/*
 * ref_recv decodes the binary form of a set as sets_core.h describes it: a
 * version byte 1, then the mask big-endian in width bytes; bits outside
 * allowed are refused, naming the lowest.  It fills a SetRecvResult.
 */
ORACLE static SetRecvResult
ref_recv(const uint8_t *d, size_t n, int width, uint64_t allowed)
{
	SetRecvResult r = {SET_RECV_OK, -1, 0, -1, 0};
	int			i;

	if (n == 0)
	{
		r.status = SET_RECV_TRUNCATED;
		return r;
	}
	r.version = d[0];
	if (d[0] != 1)
	{
		r.status = SET_RECV_VERSION;
		return r;
	}
	if (n < (size_t) width + 1)
	{
		r.status = SET_RECV_TRUNCATED;
		return r;
	}
	for (i = 0; i < width; i++)
		r.bits |= (uint64_t) d[1 + i] << (8 * (width - 1 - i));
	for (i = 0; i < 64; i++)
	{
		if (((r.bits >> i) & 1) && !((allowed >> i) & 1))
		{
			r.status = SET_RECV_BITS;
			r.bad_bit = i;
			return r;
		}
	}
	r.consumed = (size_t) width + 1;
	return r;
}

/*
 * check_recv_one checks SetRecv on the input for one width and vocabulary
 * mask (see the file header).
 */
static void
check_recv_one(const uint8_t *data, size_t size, int width, uint64_t allowed,
			   size_t cut)
{
	SetRecvResult r = SetRecv(data, size, width, allowed);
	SetRecvResult ref = ref_recv(data, size, width, allowed);
	uint64_t	wmask = width == 8 ? UINT64_MAX : (UINT64_C(1) << (8 * width)) - 1;

	CHECK(r.status == ref.status);
	CHECK(r.version == ref.version);
	CHECK(r.bits == ref.bits);
	CHECK(r.bad_bit == ref.bad_bit);
	CHECK(r.consumed == ref.consumed);
	CHECK((r.bits & ~wmask) == 0);
	if (r.status == SET_RECV_OK)
	{
		uint8_t    *out = malloc(r.consumed);

		CHECK(out != NULL);
		CHECK((r.bits & ~allowed) == 0);
		CHECK(r.consumed == (size_t) width + 1 && r.consumed <= size);
		CHECK(SetSend(r.bits, width, out) == r.consumed);
		CHECK(memcmp(out, data, r.consumed) == 0);
		free(out);
		CHECK(SetRecv(data, r.consumed - 1, width, allowed).status == SET_RECV_TRUNCATED);
		CHECK(SetRecv(data, cut % r.consumed, width, allowed).status != SET_RECV_OK);
	}
	else if (r.status == SET_RECV_BITS)
	{
		CHECK(r.bad_bit >= 0 && r.bad_bit < 8 * width);
		CHECK(((r.bits >> r.bad_bit) & 1) && !((allowed >> r.bad_bit) & 1));
	}
}

/*
 * check_send_one checks that SetSend of bits (width bytes, into an exactly
 * sized heap buffer) comes back through SetRecv, bits above the width
 * dropped.
 */
static void
check_send_one(uint64_t bits, int width)
{
	uint64_t	wmask = width == 8 ? UINT64_MAX : (UINT64_C(1) << (8 * width)) - 1;
	uint8_t    *out = malloc((size_t) width + 1);
	SetRecvResult r;

	CHECK(out != NULL);
	CHECK(SetSend(bits, width, out) == (size_t) width + 1);
	CHECK(out[0] == SET_BINARY_VERSION);
	r = SetRecv(out, (size_t) width + 1, width, UINT64_MAX);
	CHECK(r.status == SET_RECV_OK && r.bits == (bits & wmask));
	CHECK(r.consumed == (size_t) width + 1 && r.version == SET_BINARY_VERSION);
	free(out);
}

/*
 * check_recv runs check_recv_one for both set types with several masks and
 * check_send_one on bits.
 */
static void
check_recv(const uint8_t *data, size_t size, uint64_t bits)
{
	static const int widths[] = {SET_BINARY_WIDTH_ROLESET, SET_BINARY_WIDTH_AUDIENCE, 1, 4};
	uint64_t	input_mask = ~bits;
	size_t		cut = size > 0 ? data[size - 1] : 0;
	size_t		w;

	CHECK(SET_BINARY_WIDTH_ROLESET == 8 && SET_BINARY_WIDTH_AUDIENCE == 2);
	for (w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
	{
		check_recv_one(data, size, widths[w], UINT64_MAX, cut);
		check_recv_one(data, size, widths[w], 0, cut);
		check_recv_one(data, size, widths[w], input_mask, cut);
		check_send_one(bits, widths[w]);
	}
	check_recv_one(data, size, SET_BINARY_WIDTH_ROLESET, ref_named_bits(&role_vocab), cut);
	check_recv_one(data, size, SET_BINARY_WIDTH_AUDIENCE, AUDIENCE_ALL, cut);
	check_recv_one(data, size, SET_BINARY_WIDTH_AUDIENCE, ref_named_bits(&relation_vocab), cut);
}

/*
 * load_bits reads the first eight bytes of the input, little-endian,
 * zero-padded.
 */
ORACLE static uint64_t
load_bits(const uint8_t *data, size_t size)
{
	uint64_t	v = 0;
	size_t		i;

	for (i = 0; i < 8 && i < size; i++)
		v |= (uint64_t) data[i] << (8 * i);
	return v;
}

/*
 * LLVMFuzzerTestOneInput runs every check on one input; see the file
 * header.  It always returns 0: violations trap instead.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t	bits = load_bits(data, size);
	size_t		trunc_at = size > 0 ? data[size - 1] : 0;

	if (role_vocab.names[0] == NULL)
		vocab_init();
	check_relation_vocabulary();

	/* text, with both vocabularies */
	check_text(&relation_vocab, true, data, size, trunc_at);
	check_text(&role_vocab, false, data, size, trunc_at);

	/* bits: every value, then those an audience can hold */
	check_bits(&role_vocab, false, bits, trunc_at);
	check_bits(&relation_vocab, true, bits, trunc_at);
	check_bits(&relation_vocab, true, bits & AUDIENCE_ALL, trunc_at);
	check_bits(&role_vocab, false, bits & ref_named_bits(&role_vocab), trunc_at);

	/* binary send/receive form */
	check_recv(data, size, bits);

	/* names */
	check_names(data, size);
	return 0;
}
