--
-- orgpath_io: text and binary input/output of orgpath, the array
-- conversions, and every input error with its SQLSTATE.
--
SET search_path = orgacl, public;

\i sql/include/try.psql

-- valid literals round-trip exactly (the text form is canonical)
SELECT s AS literal, s::orgpath AS path, s::orgpath::text = s AS same
FROM unnest(ARRAY[
	'', '1', '1.5.23', '42.7.7.7', '127.128.129',
	'16512.16513', '2113664.2113665', '268435456.34359738368',
	'4398046511104.562949953421312', '72057594037927936',
	'9223372036854775807', '9223372036854775807.9223372036854775806'
]) s;

-- the empty path is a value, not NULL
SELECT ''::orgpath IS NULL AS is_null, nlevel('') AS levels, ''::orgpath = '' AS eq;

-- NULL in, NULL out
SELECT NULL::orgpath AS null_path;

-- bad literals: every one is 22P02 with the position of the problem,
-- except too deep (54000)
SELECT s AS literal, pg_temp.try(format('SELECT %L::orgacl.orgpath', s)) AS result
FROM unnest(ARRAY[
	-- not digits
	'a', '1.a', '1.5x', '+1', '-1', '1.-5', '1,2', '1/2', '1 .2', ' 1', '1 ',
	'1.5.23.é',
	-- empty labels: leading, doubled and trailing dots
	'.', '.1', '1..2', '1.', '1.2.',
	-- zero and leading zeros
	'0', '1.0', '01', '1.007', '00',
	-- beyond bigint
	'9223372036854775808', '1.99999999999999999999', '123456789012345678901234567890'
]) s;

-- the full error report of one case, as a client sees it
\set VERBOSITY default
SELECT '1.5..23'::orgpath;
SELECT '1.05'::orgpath;

-- depth: 1,000 levels is the limit, 1,001 is an error (54000)
SELECT nlevel(string_agg(i::text, '.')::orgpath)
FROM generate_series(1, 1000) i;
SELECT pg_temp.try(format('SELECT %L::orgacl.orgpath', string_agg(i::text, '.')))
FROM generate_series(1, 1001) i;

-- binary send/receive: version byte 1, int4 level count, int8 per level
SELECT orgpath_send('1.5.23') AS sent, orgpath_send('') AS sent_empty;

-- binary round trip through COPY BINARY
CREATE TEMP TABLE bin_src (n int, p orgpath);
INSERT INTO bin_src VALUES (1, ''), (2, '1'), (3, '1.5.23'),
	(4, '300.70000.9223372036854775807'), (5, NULL);
COPY bin_src TO '/tmp/orgacl_regress_orgpath.bin' WITH (FORMAT binary);
CREATE TEMP TABLE bin_dst (n int, p orgpath);
COPY bin_dst FROM '/tmp/orgacl_regress_orgpath.bin' WITH (FORMAT binary);
SELECT s.n, s.p AS sent, d.p AS received, s.p IS NOT DISTINCT FROM d.p AS same
FROM bin_src s JOIN bin_dst d USING (n) ORDER BY n;

-- recv_case feeds one orgpath field (hex bytes) to orgpath_recv through a
-- hand-made COPY BINARY file and shows the result or the error
CREATE TEMP TABLE bin_one (p orgpath);
CREATE FUNCTION pg_temp.recv_case(field text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	data bytea := decode(field, 'hex');
	file bytea := '\x5047434f50590aff0d0a00'::bytea	-- signature
		|| '\x0000000000000000'::bytea				-- flags, extension
		|| '\x0001'::bytea							-- one field
		|| int4send(length(data)) || data
		|| '\xffff'::bytea;						-- trailer
	outcome text;
BEGIN
	EXECUTE format('COPY (SELECT %L) TO PROGRAM %L',
		translate(encode(file, 'base64'), E'\n', ''),
		'base64 -d > /tmp/orgacl_regress_case.bin');
	TRUNCATE bin_one;
	outcome := pg_temp.try($q$COPY bin_one FROM '/tmp/orgacl_regress_case.bin' WITH (FORMAT binary)$q$);
	RETURN outcome || coalesce(' -> "' || (SELECT p::text FROM bin_one) || '"', '');
END $$;

SELECT c AS case_name, pg_temp.recv_case(f) AS result
FROM (VALUES
	('valid 1.5.23', '0100000003000000000000000100000000000000050000000000000017'),
	('valid empty', '0100000000'),
	('version 2', '0200000000'),
	('negative count', '01ffffffff'),
	('id zero', '01000000010000000000000000'),
	('id negative', '0100000001ffffffffffffffff'),
	('too deep', '01000003e9'),
	('truncated', '01000000020000000000000001'),
	('trailing bytes', '0100000000ff')
) v(c, f);

-- conversions from and to bigint[]
SELECT orgpath(ARRAY[1, 5, 23]::bigint[]) AS from_array,
       ARRAY[1, 5, 23]::bigint[]::orgpath AS cast_from,
       '1.5.23'::orgpath::bigint[] AS cast_to,
       ids('1.5.23') AS ids,
       ids('') AS ids_empty,
       orgpath('{}'::bigint[]) AS from_empty;
SELECT ids(orgpath(ARRAY[9223372036854775807, 1]::bigint[])) AS extremes;

-- bad arrays: zero, negative, NULL element, two dimensions, too long
SELECT a AS array_literal, pg_temp.try(format('SELECT orgacl.orgpath(%L::bigint[])', a)) AS result
FROM unnest(ARRAY['{0}', '{1,-5}', '{1,NULL,3}', '{{1,2},{3,4}}']) a;
SELECT pg_temp.try(format('SELECT orgacl.orgpath(%L::bigint[])', array_agg(i)))
FROM generate_series(1, 1001) i;
