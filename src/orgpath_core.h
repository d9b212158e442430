/*-------------------------------------------------------------------------
 *
 * orgpath_core.h
 *	  Pure-C core of the orgpath hierarchy type: the label encoding, the text
 *	  parser and formatter, and the path operations.
 *
 * Nothing in this header or in orgpath_core.c depends on PostgreSQL: no
 * palloc, no ereport, no fmgr.  Every function works on caller-provided
 * buffers and reports failure through a status code, so the same code runs
 * inside the server (wrapped by orgpath_io.c / orgpath_op.c) and under a
 * libFuzzer harness (test/fuzz/).
 *
 * ON-DISK FORMAT
 *
 * An orgpath is a varlena whose payload is the concatenation of its labels,
 * from the top of the hierarchy down, each label one id encoded with the
 * order-preserving prefix varint below.  There is no level count and no
 * padding: the empty path is a bare varlena header, and a path of ten ids
 * below one million takes 30 payload bytes (31 on disk with the 1-byte short
 * varlena header, which packed values store without alignment padding).
 *
 * Label encoding.  An id v (1 <= v <= INT64_MAX) belongs to the first class k
 * (0..8) with v < ORGPATH_CLASS_BASE(k + 1).  The first byte carries k leading
 * one bits, then (for k < 8) a zero bit, then the high bits of
 * x = v - ORGPATH_CLASS_BASE(k); k further bytes carry the rest of x,
 * big-endian:
 *
 *	 k  first byte  bytes  ids
 *	 0  0xxxxxxx    1      1 .. 128
 *	 1  10xxxxxx    2      129 .. 16 512
 *	 2  110xxxxx    3      16 513 .. 2 113 664
 *	 3  1110xxxx    4      .. ~2.7e8
 *	 4  11110xxx    5      .. ~3.4e10
 *	 5  111110xx    6      .. ~4.4e12
 *	 6  1111110x    7      .. ~5.6e14
 *	 7  11111110    8      .. ~7.2e16
 *	 8  11111111    9      .. INT64_MAX
 *
 * Three properties follow, and the operators rely on them:
 *	- self-delimiting: the first byte gives the label's length, so the payload
 *	  needs no separators and can be walked label by label;
 *	- prefix-free: no label's encoding is a prefix of another's, so a byte
 *	  prefix of a valid path that ends on a label boundary of the longer path
 *	  is exactly an ancestor, and "a @> b" is a memcmp of a's bytes;
 *	- order-preserving: classes grow with their first byte and x is stored
 *	  big-endian, so memcmp order of two labels is numeric order, and memcmp
 *	  order of two payloads (shorter first on a tie) is depth-first order: a
 *	  path sorts right before its descendants, siblings by numeric id.
 *	  The btree comparator is therefore a plain memcmp.
 *
 * Every id has exactly one encoding (classes are offset by their base), so
 * equal paths have equal bytes and hashing the bytes is a valid hash.
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/orgpath_core.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ORGPATH_CORE_H
#define ORGPATH_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * ORGPATH_MAX_LEVELS bounds a path's depth.  Real reporting lines are a few
 * dozen levels at most; a bound keeps every buffer small and makes a
 * runaway recursive query fail fast (SQLSTATE 54000) instead of building
 * megabyte-sized values.
 */
#define ORGPATH_MAX_LEVELS		1000

/* ORGPATH_MAX_LABEL_BYTES is the longest encoding of one id (class 8). */
#define ORGPATH_MAX_LABEL_BYTES	9

/* ORGPATH_MAX_BYTES is the longest payload of a valid path. */
#define ORGPATH_MAX_BYTES		(ORGPATH_MAX_LEVELS * ORGPATH_MAX_LABEL_BYTES)

/*
 * ORGPATH_MAX_TEXT_LABEL is the longest decimal id (INT64_MAX has 19 digits);
 * ORGPATH_MAX_TEXT is the longest text form of a valid path.
 */
#define ORGPATH_MAX_TEXT_LABEL	19
#define ORGPATH_MAX_TEXT		(ORGPATH_MAX_LEVELS * (ORGPATH_MAX_TEXT_LABEL + 1))

/* OrgpathStatus says why a parse or a validation failed. */
typedef enum OrgpathStatus
{
	ORGPATH_OK = 0,
	ORGPATH_ERR_CHAR,			/* a character that is neither digit nor dot */
	ORGPATH_ERR_EMPTY_LABEL,	/* leading dot or two dots in a row */
	ORGPATH_ERR_TRAILING_DOT,	/* the text ends with a dot */
	ORGPATH_ERR_LEADING_ZERO,	/* "01": ids are written without zeros */
	ORGPATH_ERR_ZERO,			/* id 0: ids are positive */
	ORGPATH_ERR_RANGE,			/* id beyond INT64_MAX */
	ORGPATH_ERR_DEPTH,			/* more than ORGPATH_MAX_LEVELS labels */
	ORGPATH_ERR_ENCODING		/* binary payload is not a valid encoding */
} OrgpathStatus;

/*
 * OrgpathParse is what the text parser returns: the ids, their count, and on
 * failure the status and the 0-based byte offset of the offending character
 * (of the label's first character for label-level errors).
 */
typedef struct OrgpathParse
{
	OrgpathStatus status;
	int			pos;			/* byte offset of the error, or -1 */
	int			nlevels;		/* labels parsed */
} OrgpathParse;

/*
 * BINARY (SEND/RECEIVE) FORM
 *
 * What orgpath_send writes and orgpath_recv reads, independent of the
 * on-disk payload: a version byte (ORGPATH_BINARY_VERSION), a big-endian
 * int32 level count, then one big-endian int64 id per level, top first:
 * ORGPATH_BINARY_SIZE(n) bytes in all.
 */
#define ORGPATH_BINARY_VERSION	1
#define ORGPATH_BINARY_HEADER	5
#define ORGPATH_BINARY_SIZE(n)	(ORGPATH_BINARY_HEADER + 8 * (size_t) (n))

/* OrgpathRecvStatus says why binary input was refused. */
typedef enum OrgpathRecvStatus
{
	ORGPATH_RECV_OK = 0,
	ORGPATH_RECV_NO_VERSION,	/* no byte at all */
	ORGPATH_RECV_VERSION,		/* a version this code does not read */
	ORGPATH_RECV_NO_COUNT,		/* fewer than 4 bytes after the version */
	ORGPATH_RECV_COUNT,			/* a negative level count */
	ORGPATH_RECV_DEPTH,			/* more levels than the caller allows */
	ORGPATH_RECV_TRUNCATED,		/* fewer ids than the level count says */
	ORGPATH_RECV_ID				/* an id that is not positive */
} OrgpathRecvStatus;

/*
 * OrgpathRecv is what orgpath_recv_binary returns.  value is the offending
 * version, level count or id (else 0); nlevels is the level count read
 * (when there was one); consumed is the number of bytes read on success.
 * Bytes after them are the caller's business (the server refuses them).
 */
typedef struct OrgpathRecv
{
	OrgpathRecvStatus status;
	int64_t		value;
	int			nlevels;
	size_t		consumed;
} OrgpathRecv;

/* Label codec */
extern int	orgpath_encode_id(int64_t id, uint8_t *out);
extern int	orgpath_decode_id(const uint8_t *buf, size_t len, int64_t *id);
extern int	orgpath_label_len(uint8_t first_byte);

/* Text */
extern OrgpathParse orgpath_parse_text(const char *text, size_t len,
									   int64_t *ids, int max_ids);
extern size_t orgpath_format(const uint8_t *buf, size_t len, char *out);
extern bool orgpath_parse_person_id(const char *text, size_t len, int64_t *id);

/* Whole paths */
extern size_t orgpath_encode_ids(const int64_t *ids, int n, uint8_t *out);
extern OrgpathStatus orgpath_validate(const uint8_t *buf, size_t len,
									  int *nlevels);
extern int	orgpath_nlevels(const uint8_t *buf, size_t len);
extern size_t orgpath_level_offset(const uint8_t *buf, size_t len, int level);
extern int	orgpath_cmp_bytes(const uint8_t *a, size_t alen,
							  const uint8_t *b, size_t blen);
extern bool orgpath_is_ancestor(const uint8_t *a, size_t alen,
								const uint8_t *b, size_t blen);
extern size_t orgpath_common_prefix(const uint8_t *a, size_t alen,
									const uint8_t *b, size_t blen);
extern size_t orgpath_lca_len(const uint8_t *a, size_t alen,
							  const uint8_t *b, size_t blen);
extern size_t orgpath_subtree_upper(const uint8_t *buf, size_t len,
									uint8_t *out);
extern size_t orgpath_subtree_max(const uint8_t *buf, size_t len,
								  uint8_t *out);
extern OrgpathRecv orgpath_recv_binary(const uint8_t *buf, size_t len,
									   int64_t *ids, int max_ids);
extern size_t orgpath_send_binary(const uint8_t *buf, size_t len,
								  uint8_t *out);
extern double orgpath_byte_position(const uint8_t *buf, size_t len,
									size_t skip);

#endif							/* ORGPATH_CORE_H */
