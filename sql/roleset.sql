--
-- roleset: text and binary I/O of orgacl.roleset, its set operators, and
-- its dependence on the model in force (role names are the model's).
--
SET search_path = orgacl, public;

\i sql/include/try.psql

-- everything below is rolled back at the end, so the files stay independent
BEGIN;

-- valid literals under tri_role: canonical output in the model's bit order,
-- blanks and repeats accepted
SELECT s AS literal, s::roleset AS roleset
FROM unnest(ARRAY[
	'{}', '{hr_admin}', '{tech_admin,hr_admin}', '{ hr_assistant , hr_admin }',
	'{hr_admin,hr_admin}', ' {tech_admin} ', E'{\thr_admin,\ntech_admin}'
]) s;

-- malformed text is 22P02 with the position; an unknown role is 22023
SELECT s AS literal, pg_temp.try(format('SELECT %L::orgacl.roleset', s)) AS result
FROM unnest(ARRAY[
	-- not a braced list
	'', 'hr_admin', '{hr_admin', 'hr_admin}', '{hr_admin,}', '{,hr_admin}',
	'{hr_admin tech_admin}', '{HR_ADMIN}', '{hr-admin}', '{"hr_admin"}', '{}x',
	'{{hr_admin}}',
	-- well formed, but no role of tri_role
	'{bogus}', '{hr_admin,super_admin}', '{#3}'
]) s;

-- NULL in, NULL out
SELECT NULL::roleset AS null_set;

-- set operators
SELECT a, b, a = b AS eq, a <> b AS ne, a | b AS "union", a & b AS inter,
       a - b AS minus, a @> b AS contains, a <@ b AS contained, a && b AS overlaps
FROM (VALUES
	('{hr_admin,tech_admin}'::roleset, '{hr_admin}'::roleset),
	('{hr_admin}', '{hr_admin,tech_admin}'),
	('{hr_assistant}', '{tech_admin}'),
	('{}', '{}'),
	('{hr_admin}', '{hr_admin}')
) v(a, b);

-- ? holds a role; an unknown role name is an error, not false
SELECT '{hr_admin,tech_admin}'::roleset ? 'tech_admin' AS has_tech,
       '{hr_admin}'::roleset ? 'tech_admin' AS has_tech_2;
SELECT pg_temp.try($$SELECT '{hr_admin}'::orgacl.roleset ? 'nobody'$$) AS unknown_role;

-- hashing: = is hashable, so GROUP BY and hash joins work
SELECT r, count(*) FROM (VALUES ('{hr_admin}'::roleset), ('{hr_admin}'), ('{}')) v(r)
GROUP BY r ORDER BY r::text;

-- binary: a version byte, then the mask (bit 0 = hr_admin under tri_role)
SELECT roleset_send('{hr_admin,tech_admin}') AS bytes, roleset_send('{}') AS empty;

-- a binary round trip through COPY
CREATE TEMP TABLE rs (r roleset);
INSERT INTO rs VALUES ('{hr_admin}'), ('{hr_assistant,tech_admin}'), ('{}');
COPY rs TO '/tmp/orgacl_roleset.bin' WITH (FORMAT binary);
CREATE TEMP TABLE rs2 (r roleset);
COPY rs2 FROM '/tmp/orgacl_roleset.bin' WITH (FORMAT binary);
SELECT r FROM rs2 ORDER BY r::text;

-- the names are the model's: under app_suite the same bits name its roles,
-- and tri_role's names are unknown
SELECT use_model('app_suite');
SELECT r AS stored_under_tri_role FROM rs ORDER BY r::text;
SELECT '{engage_admin}'::roleset AS app_suite_role;
SELECT pg_temp.try($$SELECT '{hr_admin}'::orgacl.roleset$$) AS tri_role_name;
SELECT use_model('tri_role');

ROLLBACK;
