-- test/fuzz/sql_fuzz_setup.sql: the database test/fuzz/sql_fuzz.sh fuzzes.
--
-- Run as a superuser in a new, empty database (sql_fuzz.sh does that).  It
-- creates:
--   - the extension and a small organisation: persons 1..40 in a tree, a
--     reporting line 10001..11000 exactly ORGPATH_MAX_LEVELS (1,000)
--     deep, roles, teams, cycles and mapped logins;
--   - the login roles the fuzzer acts as: fuzz_admin (a member of
--     orgacl_admin, granted SET on orgacl.viewer) and fuzz_user (no
--     privilege beyond its own tables; mapped to person 21);
--   - schema fuzz: a protected table (fuzz.doc), tables with btree and GiST
--     indexes on orgpath (fuzz.paths_btree, fuzz.paths_gist), one table per
--     type for binary input (fuzz.bin_*), the value pools (fuzz.pool), the
--     statement templates (fuzz.template) and the generators fuzz.calls()
--     and fuzz.recv_cases(), and fuzz.persons, the persons and paths as
--     set up, readable by every login.
--
-- GENERATION
--
-- fuzz.calls(n) returns n statements: about two thirds call a function of
-- schema orgacl, picked from pg_proc (so new functions are fuzzed without
-- a change here), the rest fill in a template (protected-table reads and
-- writes, index scans, casts, settings, operators from pg_operator).
-- Functions that cannot be called from SQL are left out: those taking or
-- returning internal, trigger and event-trigger functions, and
-- non-functions (procedures, aggregates).  Every argument is drawn from
-- fuzz.pool by type (and, for some, by argument name, so that role, kind or
-- model arguments are often valid); "name" and "cstring" arguments draw
-- from the text pool, "anyelement" from several pools, a type without a
-- pool gets a NULL of its type.  Pool expressions may hold placeholders,
-- expanded when a statement is generated:
--   @type@  another value of that type (e.g. artifacts from random fields)
--   %R      a random small id (1..120: known persons, groups and unknowns)
--   %B      a random bigint anywhere in its range
--   %Q      the path of a random person of the directory, as a literal
--   %P      random path-like text (digits, dots, zeros, signs, blanks)
--   %S      random text of up to 40 characters (control characters,
--           quotes, braces, non-ASCII), as a literal
-- Values that are expensive to build (100,000-element arrays, 1,000-level
-- paths) are expressions evaluated by the statement itself.
--
-- fuzz.recv_cases(n) returns n hand-made COPY BINARY files of one row and
-- one column, with the column's target table: the bytes of a random
-- value's send function (orgpath, roleset, audience, artifact, orgpath[],
-- audience[]), as they are or mutated (truncated, extended, a byte, an
-- int32 or an int64 overwritten with a boundary value, the version byte
-- changed), random bytes, or a NULL.
--
-- Everything random goes through random(), seeded by the generators' seed
-- argument, so a seed reproduces a batch (in a database in the same state).

\set ON_ERROR_STOP on
SET client_min_messages = warning;

CREATE EXTENSION orgacl;

-- login roles are cluster-wide: create them once
DO $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'fuzz_user') THEN
		CREATE ROLE fuzz_user LOGIN;
	END IF;
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'fuzz_admin') THEN
		CREATE ROLE fuzz_admin LOGIN;
	END IF;
END $$;
GRANT orgacl_admin TO fuzz_admin;
GRANT SET ON PARAMETER orgacl.viewer TO fuzz_admin;

---------------------------------------------------------------------------
-- the organisation
---------------------------------------------------------------------------

-- 1 at the top; 2..5 under 1; 6..20 under 2..5; 21..40 under 6..20
SELECT orgacl.add_person(NULL, 1);
SELECT orgacl.add_person(NULL, i, CASE WHEN i <= 5 THEN 1 WHEN i <= 20 THEN 2 + (i - 6) % 4
									  ELSE 6 + (i - 21) % 15 END)
FROM generate_series(2, 40) i ORDER BY i;
SELECT orgacl.add_manager(NULL, 30, 7), orgacl.deactivate(NULL, 40);

-- a line exactly as deep as a path may be: 11000's path has 1,000 levels.
-- The ids take two bytes each: with three-byte ids (16,513 and up) a path
-- of more than about 900 levels no longer fits the btree index on
-- orgacl.person.path (2,704 bytes at most), and add_person fails with
-- "index row size exceeds btree version 4 maximum" (54000) below the
-- documented depth limit.
SELECT orgacl.add_person(NULL, 10001);
SELECT orgacl.add_person(NULL, i, i - 1) FROM generate_series(10002, 11000) i ORDER BY i;

SELECT orgacl.grant_role(NULL, 1, 'hr_admin'), orgacl.grant_role(NULL, 1, 'tech_admin'),
	   orgacl.grant_role(NULL, 2, 'hr_admin'), orgacl.grant_role(NULL, 5, 'hr_assistant'),
	   orgacl.grant_role(NULL, 13, 'tech_admin');
SELECT orgacl.create_group(NULL, 900, 'team', 'Platform'),
	   orgacl.create_group(NULL, 901, 'location', 'Berlin');
SELECT orgacl.add_member(NULL, 900, i) FROM generate_series(21, 25) i;
SELECT orgacl.set_lead(NULL, 900, 9), orgacl.add_member(NULL, 901, 30);
SELECT orgacl.grant_role(NULL, 16, 'hr_admin', 900);
SELECT orgacl.create_cycle(NULL, 7000, 'feedback_360', '{subject,hr}'),
	   orgacl.create_cycle(NULL, 7001, 'review');
SELECT orgacl.map_login(NULL, 'fuzz_user', 21), orgacl.map_login(NULL, 'fuzz_admin', 2);

---------------------------------------------------------------------------
-- tables the statements read and write
---------------------------------------------------------------------------

CREATE SCHEMA fuzz;
GRANT USAGE ON SCHEMA fuzz TO PUBLIC;

CREATE TABLE fuzz.doc (
	id			bigserial PRIMARY KEY,
	subject		bigint NOT NULL,
	cycle		bigint,
	author		bigint,
	audience	orgacl.audience,
	shared		bigint[],
	body		text
);
CREATE INDEX ON fuzz.doc (subject);
CREATE INDEX ON fuzz.doc (author);
INSERT INTO fuzz.doc (subject, cycle, author, audience, shared, body)
SELECT p.id, CASE WHEN p.id % 3 = 0 THEN 7000 END, nullif(p.manager, 0),
	   CASE WHEN p.id % 4 = 0 THEN '{subject,author}'::orgacl.audience END,
	   CASE WHEN p.id % 5 = 0 THEN ARRAY[p.id + 1, 21] END, 'doc ' || p.id
FROM orgacl.person p;
SELECT orgacl.protect('fuzz.doc', 'review', 'subject', cycle_col => 'cycle',
					  author_col => 'author', audience_col => 'audience', shared_col => 'shared');
GRANT SELECT, INSERT, UPDATE, DELETE ON fuzz.doc TO PUBLIC;
GRANT USAGE ON SEQUENCE fuzz.doc_id_seq TO PUBLIC;

-- other relations for regclass arguments: unprotected, a view, partitioned
CREATE TABLE fuzz.plain (id bigint, subject bigint, who text, aud orgacl.audience, shared bigint[]);
CREATE VIEW fuzz.a_view AS SELECT * FROM fuzz.plain;
CREATE TABLE fuzz.parted (subject bigint, cycle bigint) PARTITION BY RANGE (subject);
CREATE TABLE fuzz.parted_1 PARTITION OF fuzz.parted FOR VALUES FROM (MINVALUE) TO (MAXVALUE);
GRANT ALL ON fuzz.plain, fuzz.parted TO PUBLIC;

-- the persons as set up, for statements of logins that may not read
-- orgacl.person
CREATE TABLE fuzz.persons AS SELECT id, path FROM orgacl.person;
GRANT SELECT ON fuzz.persons TO PUBLIC;

-- orgpath indexes: every path of the directory, and synthetic ones
CREATE TABLE fuzz.paths_btree (p orgacl.orgpath);
CREATE TABLE fuzz.paths_gist (p orgacl.orgpath);
INSERT INTO fuzz.paths_btree SELECT path FROM orgacl.person;
INSERT INTO fuzz.paths_btree
SELECT orgacl.orgpath(ARRAY[1 + i % 7, 1 + i % 97, i, (i::bigint * 7919) % 9223372036854775807 + 1])
FROM generate_series(1, 5000) i;
INSERT INTO fuzz.paths_btree VALUES (''), ('9223372036854775807'),
	(orgacl.orgpath(array_fill(9223372036854775807, ARRAY[1000])));
INSERT INTO fuzz.paths_gist SELECT p FROM fuzz.paths_btree;
CREATE INDEX ON fuzz.paths_btree (p);
CREATE INDEX ON fuzz.paths_gist USING gist (p);
ANALYZE fuzz.paths_btree, fuzz.paths_gist, fuzz.doc;
GRANT SELECT ON fuzz.paths_btree, fuzz.paths_gist TO PUBLIC;

-- binary input: one table per type, filled by COPY ... FROM (FORMAT binary)
CREATE TABLE fuzz.bin_orgpath (v orgacl.orgpath);
CREATE TABLE fuzz.bin_roleset (v orgacl.roleset);
CREATE TABLE fuzz.bin_audience (v orgacl.audience);
CREATE TABLE fuzz.bin_artifact (v orgacl.artifact);
CREATE TABLE fuzz.bin_orgpath_arr (v orgacl.orgpath[]);
CREATE TABLE fuzz.bin_audience_arr (v orgacl.audience[]);
GRANT SELECT, INSERT, DELETE ON fuzz.bin_orgpath, fuzz.bin_roleset, fuzz.bin_audience,
	fuzz.bin_artifact, fuzz.bin_orgpath_arr, fuzz.bin_audience_arr TO PUBLIC;

---------------------------------------------------------------------------
-- value pools: (type, argument name or NULL for any, expression)
---------------------------------------------------------------------------

CREATE TABLE fuzz.pool (typ regtype NOT NULL, arg text, expr text NOT NULL);

INSERT INTO fuzz.pool (typ, expr)
SELECT 'bigint', e FROM unnest(ARRAY[
	'NULL', '0', '-1', '1', '2', '3', '9', '21', '22', '30', '40', '41', '99', '%R', '%R', '%R', '%R',
	'10001', '10500', '11000', '11001', '900', '901', '902', '7000', '7001', '7002',
	'9223372036854775807', '(-9223372036854775807 - 1)', '%B', '4294967296', '2147483648'
]) e;
INSERT INTO fuzz.pool (typ, expr)
SELECT 'integer', e FROM unnest(ARRAY[
	'NULL', '0', '-1', '1', '2', '3', '999', '1000', '1001', '2147483647', '(-2147483647 - 1)', '%R'
]) e;
INSERT INTO fuzz.pool (typ, expr)
SELECT 'smallint', e FROM unnest(ARRAY['NULL', '0', '-1', '1', '3', '32767', '(-32767 - 1)']) e;
INSERT INTO fuzz.pool (typ, expr)
SELECT 'boolean', e FROM unnest(ARRAY['NULL', 'true', 'false']) e;
INSERT INTO fuzz.pool (typ, expr)
SELECT 'oid', e FROM unnest(ARRAY['NULL', '0', '1', '4294967295', '''fuzz.doc''::regclass::oid']) e;

-- text: garbage, edge cases and the vocabularies (roles, kinds, actions, ...)
INSERT INTO fuzz.pool (typ, expr)
SELECT 'text', e FROM unnest(ARRAY[
	'NULL', '''''', '''x''', '%S', '%S', '%S', '%P', '%P', '%P',
	'repeat(''a'', 100000)', 'repeat(''é'', 5000)', 'repeat(''1.'', 3000) || ''1''',
	'''{}''', '''{subject,hr}''', '''{hr_admin}''', '''{''', '''}{''', '''1.2.3''', '''21''', '''-1''', ''' 21''',
	'''9223372036854775807''', '''9223372036854775808''', '''0''', '''007''', '''1e3''',
	'''view''', '''edit''', '''create''', '''delete''', '''aggregate''', '''unveil_author''',
	'''review''', '''feedback_360''', '''objective''', '''note''', '''survey''',
	'''hr_admin''', '''hr_assistant''', '''tech_admin''', '''nosuch_role''',
	'''subject''', '''hr''', '''public''', '''team''', '''location''',
	'''tri_role''', '''app_suite''', '''module_admin''', '''dual_track''', '''business_partner''',
	'''fuzz_user''', '''fuzz_admin''', '''postgres''', '''subject''', '''author''', '''cycle''',
	'''shared''', '''audience''', '''body''', '''id''', '''fuzz.doc''', '''"Quoted"''',
	'''admin.roles''', '''audit.read''', '''review.view''', '''group.manage''', '''person'''
]) e;
-- argument-specific values, so that the check behind a bad name is reached
INSERT INTO fuzz.pool (typ, arg, expr)
SELECT 'text', a, quote_literal(v)
FROM (SELECT 'role', name FROM orgacl.model_role
	  UNION ALL SELECT 'kind', name FROM orgacl.kind
	  UNION ALL SELECT 'kind', name FROM orgacl.model_kind
	  UNION ALL SELECT 'name', name FROM orgacl.model
	  UNION ALL SELECT 'name', name FROM orgacl.model_option
	  UNION ALL SELECT 'capability', name FROM orgacl.model_capability
	  UNION ALL SELECT 'action', unnest(ARRAY['view', 'create', 'edit', 'delete', 'aggregate', 'unveil_author']))
	AS v(a, v);

INSERT INTO fuzz.pool (typ, expr)
SELECT 'jsonb', e FROM unnest(ARRAY[
	'NULL', '''{}''', '''[]''', '''null''', '''"x"''', '''{"a": [1, 2, {"b": null}]}''',
	'(repeat(''['', 2000) || repeat('']'', 2000))::jsonb',
	'(SELECT jsonb_object_agg(i::text, i) FROM generate_series(1, 10000) i)'
]) e;
INSERT INTO fuzz.pool (typ, expr)
SELECT 'regclass', e FROM unnest(ARRAY[
	'NULL', '''fuzz.doc''', '''fuzz.plain''', '''fuzz.a_view''', '''fuzz.parted''', '''fuzz.parted_1''',
	'''fuzz.doc_id_seq''', '''fuzz.paths_btree''', '''pg_class''', '''orgacl.person''',
	'''orgacl.audit_log''', '0', '4294967295', '''fuzz.doc_pkey'''
]) e;
INSERT INTO fuzz.pool (typ, expr)
SELECT 'regtype', e FROM unnest(ARRAY[
	'NULL', '''bigint''', '''text''', '''orgacl.audience''', '''bigint[]''', '''orgacl.orgpath''', '0'
]) e;
INSERT INTO fuzz.pool (typ, expr)
SELECT 'orgacl.orgpath', e FROM unnest(ARRAY[
	'NULL', '''''', '''1''', '''1.2''', '''1.2.6''', '''1.2.6.21''', '''9223372036854775807''',
	'''1.128.129.16512.16513.2113664.2113665''',
	'%Q',
	'(SELECT path FROM fuzz.persons WHERE id = 11000)',
	'(SELECT path FROM fuzz.persons WHERE id = 10500)',
	'(SELECT string_agg(i::text, ''.'') FROM generate_series(1, 1000) i)::orgacl.orgpath',
	'orgacl.orgpath(array_fill(9223372036854775807, ARRAY[1000]))',
	'orgacl.orgpath(array_fill(%B, ARRAY[999]))',
	'orgacl.orgpath(ARRAY[%R, %R, %B])',
	'@text@::orgacl.orgpath'
]) e;
INSERT INTO fuzz.pool (typ, expr)
SELECT 'orgacl.orgpath[]', e FROM unnest(ARRAY[
	'NULL', '''{}''', 'ARRAY[NULL::orgacl.orgpath]', 'ARRAY[''1.2'', ''1.3'', NULL]::orgacl.orgpath[]',
	'ARRAY[@orgacl.orgpath@, @orgacl.orgpath@]',
	'(SELECT array_agg(path) FROM fuzz.persons)',
	'(SELECT array_agg((''1.'' || i)::orgacl.orgpath) FROM generate_series(1, 100000) i)',
	'''{{1,2},{1.3,1.4}}''::orgacl.orgpath[]'
]) e;
INSERT INTO fuzz.pool (typ, expr)
SELECT 'bigint[]', e FROM unnest(ARRAY[
	'NULL', '''{}''', '''{NULL}''', '''{0}''', '''{-1}''', '''{1,2,3}''', '''{21,22,21}''',
	'ARRAY[%R, %R, %B]', 'ARRAY[9223372036854775807]',
	'(SELECT array_agg(i) FROM generate_series(1, 100000) i)',
	'(SELECT array_agg(i) FROM generate_series(1, 1001) i)',
	'(SELECT array_agg(id) FROM fuzz.persons)',
	'''{{1,2},{3,4}}''::bigint[]', '''[5:7]={1,2,3}''::bigint[]', 'array_fill(1::bigint, ARRAY[2, 2, 2])'
]) e;
INSERT INTO fuzz.pool (typ, expr)
SELECT 'orgacl.roleset', e FROM unnest(ARRAY[
	'NULL', '''{}''', '''{hr_admin}''', '''{hr_admin,hr_assistant,tech_admin}''', 'orgacl.roles_of(%R)',
	'@text@::orgacl.roleset'
]) e;
INSERT INTO fuzz.pool (typ, expr)
SELECT 'orgacl.audience', e FROM unnest(ARRAY[
	'NULL', '''{}''', '''{subject}''', '''{subject,hr}''', '''{hr,public}''',
	'''{subject,author,direct_manager,managers,owner,shared,team_lead,public,hr}''',
	'@text@::orgacl.audience'
]) e;
INSERT INTO fuzz.pool (typ, expr)
SELECT 'orgacl.artifact', e FROM unnest(ARRAY[
	'NULL', 'orgacl.artifact(''review'')', 'orgacl.artifact(''feedback_360'', 7000, 21, ''{subject,hr}'', ''{22,23}'')',
	'orgacl.artifact(@text@, @bigint@, @bigint@, @orgacl.audience@, @bigint[]@)',
	'ROW(@text@, @bigint@, @bigint@, @orgacl.audience@, @bigint[]@)::orgacl.artifact',
	'ROW(NULL, NULL, NULL, NULL, NULL)::orgacl.artifact',
	'ROW(''review'', NULL, NULL, NULL, NULL)::orgacl.artifact',
	'ROW(''review'', 7000, 21, ''{}'', (SELECT array_agg(i) FROM generate_series(1, 100000) i))::orgacl.artifact'
]) e;
INSERT INTO fuzz.pool (typ, expr)
SELECT 'cstring', e FROM unnest(ARRAY['@text@::cstring', 'NULL::cstring']) e;
INSERT INTO fuzz.pool (typ, expr)
SELECT 'name', e FROM unnest(ARRAY['@text@::name', 'NULL::name', 'repeat(''n'', 63)::name']) e;
INSERT INTO fuzz.pool (typ, expr)
SELECT 'anyelement', e FROM unnest(ARRAY[
	'@bigint@', '@text@', '@orgacl.orgpath@', '@orgacl.audience@', '@bigint[]@', '@boolean@'
]) e;

---------------------------------------------------------------------------
-- statement templates besides the function calls
---------------------------------------------------------------------------

CREATE TABLE fuzz.template (stmt text NOT NULL);
INSERT INTO fuzz.template
SELECT unnest(ARRAY[
	-- the protected table, read and written under whatever viewer is set
	'SELECT count(*), sum(length(body)) FROM fuzz.doc',
	'SELECT count(*) FROM fuzz.doc WHERE subject = @bigint@',
	'SELECT count(*) FROM fuzz.doc WHERE subject = ANY (@bigint[]@) OR author = @bigint@',
	'SELECT count(*) FROM fuzz.doc WHERE audience @> @orgacl.audience@',
	'INSERT INTO fuzz.doc (subject, cycle, author, audience, shared, body) VALUES (coalesce(@bigint@, 1), @bigint@, @bigint@, @orgacl.audience@, @bigint[]@, @text@)',
	'UPDATE fuzz.doc SET audience = @orgacl.audience@, shared = @bigint[]@ WHERE subject = @bigint@',
	'UPDATE fuzz.doc SET subject = coalesce(@bigint@, 1) WHERE id = %R',
	'DELETE FROM fuzz.doc WHERE id = %R',
	'SELECT count(*) FROM fuzz.doc d JOIN orgacl.person p ON p.id = d.subject WHERE p.path <@ @orgacl.orgpath@',
	'SELECT count(*) FROM fuzz.doc d JOIN fuzz.persons p ON p.id = d.subject WHERE p.path <@ @orgacl.orgpath@',
	-- who is looking
	'SELECT set_config(''orgacl.viewer'', @text@, @boolean@)',
	'SELECT set_config(''orgacl.viewer'', %R::text, false)',
	'SELECT set_config(''orgacl.viewer'', '''', false)',
	'RESET orgacl.viewer',
	'SELECT set_config(''orgacl.shared_directory'', @text@, false)',
	'SELECT set_config(''orgacl.shared_directory'', %R || '':'' || %R || '':'' || %R, false)',
	'SELECT set_config(''orgacl.share_directory'', @boolean@::text, false)',
	'SELECT set_config(''enable_seqscan'', @boolean@::text, false)',
	'SELECT set_config(''enable_indexscan'', @boolean@::text, false)',
	-- index scans and estimates on orgpath
	'SELECT count(*) FROM fuzz.paths_btree WHERE p <@ @orgacl.orgpath@',
	'SELECT count(*) FROM fuzz.paths_gist WHERE p <@ @orgacl.orgpath@',
	'SELECT count(*) FROM fuzz.paths_gist WHERE p @> @orgacl.orgpath@',
	'SELECT count(*) FROM fuzz.paths_btree WHERE p BETWEEN @orgacl.orgpath@ AND @orgacl.orgpath@',
	'SELECT count(*) FROM fuzz.paths_gist WHERE p = ANY (@orgacl.orgpath[]@)',
	'EXPLAIN SELECT * FROM fuzz.paths_btree WHERE p <@ @orgacl.orgpath@',
	'EXPLAIN SELECT * FROM fuzz.paths_gist WHERE p @> @orgacl.orgpath@ AND p <@ @orgacl.orgpath@',
	'SELECT count(DISTINCT p), (array_agg(p::text ORDER BY p DESC))[1] FROM fuzz.paths_btree WHERE p <@ @orgacl.orgpath@',
	'SELECT count(*) FROM (SELECT p FROM fuzz.paths_gist GROUP BY p) g',
	-- casts and input functions
	'SELECT (@text@)::orgacl.orgpath::text',
	'SELECT (@text@)::orgacl.roleset::text',
	'SELECT (@text@)::orgacl.audience::text',
	'SELECT (@text@)::orgacl.orgpath_gist',
	'SELECT (@bigint[]@)::orgacl.orgpath::bigint[]',
	'SELECT (@orgacl.orgpath@)::bigint[]',
	'SELECT (@text@)::orgacl.artifact',
	'SELECT ARRAY[@orgacl.orgpath@]::text::orgacl.orgpath[]',
	'SELECT (@orgacl.artifact@)::text::orgacl.artifact',
	-- directory read back as this session sees it
	'SELECT count(*) FROM orgacl.person WHERE path <@ @orgacl.orgpath@'
]);
-- parallel plans: workers read the directory the leader lends them through
-- orgacl.shared_directory (or whatever a superuser set it to)
INSERT INTO fuzz.template
SELECT format('SELECT set_config(%L, @boolean@::text, false)', name)
FROM pg_settings WHERE name IN ('force_parallel_mode', 'debug_parallel_query');
INSERT INTO fuzz.template
SELECT format('SELECT set_config(%L, %L, false)', name, v)
FROM unnest(ARRAY['parallel_setup_cost', 'parallel_tuple_cost', 'min_parallel_table_scan_size']) name,
	 unnest(ARRAY['0', '1000']) v;

-- every operator on orgacl's types, and in an index qualification
INSERT INTO fuzz.template
SELECT format('SELECT %s OPERATOR(orgacl.%s) @%s@',
			  CASE WHEN o.oprleft <> 0 THEN '@' || o.oprleft::regtype || '@' END,
			  o.oprname, o.oprright::regtype)
FROM pg_operator o
WHERE o.oprnamespace = 'orgacl'::regnamespace;
INSERT INTO fuzz.template
SELECT format('SELECT count(*) FROM %s WHERE p OPERATOR(orgacl.%s) @%s@', t, o.oprname, o.oprright::regtype)
FROM pg_operator o, unnest(ARRAY['fuzz.paths_btree', 'fuzz.paths_gist']) t
WHERE o.oprnamespace = 'orgacl'::regnamespace AND o.oprleft = 'orgacl.orgpath'::regtype
  AND o.oprresult = 'boolean'::regtype;

---------------------------------------------------------------------------
-- generators
---------------------------------------------------------------------------

-- rand_text returns up to maxlen random characters of every sort but NUL
CREATE FUNCTION fuzz.rand_text(maxlen int) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT coalesce(string_agg(CASE (random() * 7)::int
		WHEN 0 THEN chr(32 + (random() * 94)::int)
		WHEN 1 THEN substr('0123456789.', 1 + (random() * 10)::int, 1)
		WHEN 2 THEN substr('{},_ "\''', 1 + (random() * 7)::int, 1)
		WHEN 3 THEN chr(1 + (random() * 30)::int)
		WHEN 4 THEN chr(128 + (random() * 2000)::int)
		WHEN 5 THEN substr('abcdefghijklmnopqrstuvwxyz_', 1 + (random() * 26)::int, 1)
		ELSE chr(65536 + (random() * 1000)::int) END, ''), '')
	FROM generate_series(1, (random() * maxlen)::int)
$$;

-- rand_path returns path-like text: labels of digits (with zeros, signs,
-- blanks and huge numbers among them) joined by dots, sometimes badly
CREATE FUNCTION fuzz.rand_path() RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT coalesce(string_agg((ARRAY['1', '2', '21', '128', '129', '16513', '0', '01', '-1', '+1',
		' 1', '9223372036854775807', '9223372036854775808', '99999999999999999999', '', 'a', '1e3',
		'%R'])[1 + (random() * 17)::int], CASE WHEN random() < 0.9 THEN '.' ELSE '..' END), '')
	FROM generate_series(1, (random() * 12)::int)
$$;

-- rand_bytes returns n random bytes
CREATE FUNCTION fuzz.rand_bytes(n int) RETURNS bytea LANGUAGE sql VOLATILE AS $$
	SELECT coalesce(decode(string_agg(lpad(to_hex((random() * 255)::int), 2, '0'), ''), 'hex'), '')
	FROM generate_series(1, n)
$$;

-- seed seeds random() from a whole number
CREATE FUNCTION fuzz.seed(s bigint) RETURNS void LANGUAGE sql VOLATILE AS $$
	SELECT setseed(((s % 1000000007) * 7919 % 2000001 - 1000000) / 1000000.0)
$$;

-- fill expands the %-placeholders of one piece of a pool expression
CREATE FUNCTION fuzz.fill(piece text) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	out text := '';
	i int := 1;
	c text;
BEGIN
	WHILE i <= length(piece) LOOP
		c := substr(piece, i, 2);
		IF c = '%R' THEN
			out := out || (1 + (random() * 119)::int)::text;
		ELSIF c = '%B' THEN
			out := out || '(' || ((random() * 2 - 1) * 9.2e18)::numeric(20, 0)::bigint::text || ')';
		ELSIF c = '%P' THEN
			out := out || quote_literal(replace(fuzz.rand_path(), '%R', (1 + (random() * 119)::int)::text));
		ELSIF c = '%Q' THEN
			out := out || quote_literal((SELECT path::text FROM fuzz.persons ORDER BY random() LIMIT 1));
		ELSIF c = '%S' THEN
			out := out || quote_literal(fuzz.rand_text(40));
		ELSE
			out := out || substr(piece, i, 1);
			i := i + 1;
			CONTINUE;
		END IF;
		i := i + 2;
	END LOOP;
	RETURN out;
END $$;

-- expand fills a template or pool expression: @type@ placeholders become
-- values of that type (depth bounds the nesting), %-placeholders are filled
CREATE FUNCTION fuzz.expand(e text, depth int) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	re constant text := '@([a-z0-9_.]+(\[\])?)@';
	parts text[] := regexp_split_to_array(e, re);
	types text[] := ARRAY(SELECT (regexp_matches(e, re, 'g'))[1]);
	out text := fuzz.fill(parts[1]);
BEGIN
	FOR i IN 1 .. coalesce(cardinality(types), 0) LOOP
		out := out || fuzz.pick(types[i]::regtype, NULL, depth + 1) || fuzz.fill(parts[i + 1]);
	END LOOP;
	RETURN out;
END $$;

-- pick returns a random value expression of type t for an argument named
-- argname, cast to t
CREATE FUNCTION fuzz.pick(t regtype, argname text, depth int) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	e text;
BEGIN
	IF depth > 3 THEN
		RETURN 'NULL::' || t::text;
	END IF;
	SELECT p.expr INTO e FROM fuzz.pool p
	WHERE p.typ = t AND (p.arg IS NULL OR p.arg = argname)
	ORDER BY random() LIMIT 1;
	IF e IS NULL THEN
		RETURN 'NULL::' || t::text;
	END IF;
	IF t = 'anyelement'::regtype THEN
		RETURN '(' || fuzz.expand(e, depth) || ')';
	END IF;
	RETURN '(' || fuzz.expand(e, depth) || ')::' || t::text;
END $$;

-- callable lists the functions of schema orgacl that SQL can call
CREATE VIEW fuzz.callable AS
SELECT p.oid, quote_ident(n.nspname) || '.' || quote_ident(p.proname) AS fname,
	   ARRAY(SELECT unnest(p.proargtypes::oid[])) AS argtypes,	-- 1-based: oidvector is 0-based
	   coalesce(p.proargnames, '{}') AS argnames,
	   p.proretset AS retset
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'orgacl'
  AND p.prokind = 'f'
  AND p.prorettype NOT IN ('trigger'::regtype, 'event_trigger'::regtype, 'internal'::regtype)
  AND NOT ('internal'::regtype = ANY (p.proargtypes::oid[]));

-- calls returns n random statements (see the header), from seed
CREATE FUNCTION fuzz.calls(n int, seed bigint) RETURNS SETOF text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	f record;
	args text[];
	call text;
	nfuncs int := (SELECT count(*) FROM fuzz.callable);
BEGIN
	PERFORM fuzz.seed(seed);
	FOR k IN 1 .. n LOOP
		IF random() < 0.35 THEN
			RETURN NEXT fuzz.expand((SELECT stmt FROM fuzz.template ORDER BY random() LIMIT 1), 0) || ';';
			CONTINUE;
		END IF;
		SELECT * INTO f FROM fuzz.callable OFFSET floor(random() * nfuncs) LIMIT 1;
		args := '{}';
		FOR i IN 1 .. coalesce(cardinality(f.argtypes), 0) LOOP
			args := args || fuzz.pick(f.argtypes[i]::regtype, f.argnames[i], 0);
		END LOOP;
		call := f.fname || '(' || array_to_string(args, ', ') || ')';
		IF f.retset THEN
			RETURN NEXT 'SELECT count(*), sum(length(r::text)) FROM ' || call || ' AS r;';
		ELSE
			RETURN NEXT 'SELECT length((' || call || ')::text);';
		END IF;
	END LOOP;
END $$;

-- recv_cases returns n one-row, one-column COPY BINARY files and the table
-- each is for (see the header), from seed
CREATE FUNCTION fuzz.recv_cases(n int, seed bigint) RETURNS TABLE (tbl text, file bytea)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	targets constant text[] := ARRAY[
		'fuzz.bin_orgpath|orgacl.orgpath_send(@orgacl.orgpath@)',
		'fuzz.bin_orgpath|orgacl.orgpath_send(@orgacl.orgpath@)',
		'fuzz.bin_roleset|orgacl.roleset_send(@orgacl.roleset@)',
		'fuzz.bin_audience|orgacl.audience_send(@orgacl.audience@)',
		'fuzz.bin_artifact|record_send(@orgacl.artifact@)',
		'fuzz.bin_orgpath_arr|array_send(@orgacl.orgpath[]@)',
		'fuzz.bin_audience_arr|array_send(ARRAY[@orgacl.audience@, @orgacl.audience@])'];
	int4s constant int[] := ARRAY[0, 1, -1, 2, 999, 1000, 1001, 2147483647, -2147483648, 5];
	int8s constant bigint[] := ARRAY[0, 1, -1, 21, 9223372036854775807, -9223372036854775808, 128, 129];
	t text;
	b bytea;
	kind int;
	pos int;
	field bytea;
BEGIN
	PERFORM fuzz.seed(seed);
	FOR k IN 1 .. n LOOP
		t := targets[1 + floor(random() * cardinality(targets))::int];
		tbl := split_part(t, '|', 1);
		BEGIN
			EXECUTE 'SELECT ' || fuzz.expand(split_part(t, '|', 2), 1) INTO b;
		EXCEPTION WHEN OTHERS THEN
			b := fuzz.rand_bytes((random() * 20)::int);
		END;
		b := coalesce(b, '\x01'::bytea);
		kind := floor(random() * 10)::int;
		pos := floor(random() * greatest(length(b), 1))::int;
		IF kind = 1 THEN
			b := substr(b, 1, pos);
		ELSIF kind = 2 THEN
			b := b || fuzz.rand_bytes(1 + (random() * 8)::int);
		ELSIF kind = 3 AND length(b) > 0 THEN
			b := set_byte(b, pos, (random() * 255)::int);
		ELSIF kind = 4 THEN
			b := overlay(b PLACING int4send(int4s[1 + floor(random() * cardinality(int4s))::int]) FROM pos + 1 FOR 4);
		ELSIF kind = 5 THEN
			b := overlay(b PLACING int8send(int8s[1 + floor(random() * cardinality(int8s))::int]) FROM pos + 1 FOR 8);
		ELSIF kind = 6 THEN
			b := fuzz.rand_bytes((random() * 24)::int);
		ELSIF kind = 7 AND length(b) > 0 THEN
			b := set_byte(b, 0, (ARRAY[0, 2, 255, 1])[1 + floor(random() * 4)::int]);
		END IF;
		field := CASE WHEN kind = 8 THEN '\xffffffff'::bytea ELSE int4send(length(b)) || b END;
		file := '\x5047434f50590aff0d0a00'::bytea	-- signature
			|| '\x0000000000000000'::bytea			-- flags, header extension length
			|| '\x0001'::bytea || field				-- one tuple of one field
			|| '\xffff'::bytea;						-- trailer
		RETURN NEXT;
	END LOOP;
END $$;
