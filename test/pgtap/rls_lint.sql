-- test/pgtap/rls_lint.sql: orgacl.lint(), the DBA's self-check (SPEC
-- section 4 "Row-level security").
--
-- Each problem lint() knows is created, seen reported with its exact
-- severity, object, problem and fix, then the fix lint() returned is run
-- as text (EXECUTE) and the problem is seen gone -- and, where the problem
-- is a hole, the hole is seen open before and shut after.  A clean
-- protected table yields no row; a role that is neither a superuser nor a
-- member of orgacl_admin may not call lint().
--
-- lint() also reports roles of the whole cluster (superusers, BYPASSRLS), so
-- checks of "nothing reported" look only at this file's objects: the
-- schema "Lint S" and the roles rls_l_* (created inside the transaction).

\set ON_ERROR_STOP true
BEGIN;
SET LOCAL search_path = public;
SET LOCAL client_min_messages = warning;

SELECT plan(95);

SELECT orgacl.use_model('tri_role');

CREATE ROLE rls_l_owner NOLOGIN;
CREATE ROLE rls_l_app NOLOGIN;
CREATE ROLE rls_l_dba LOGIN;
GRANT orgacl_admin TO rls_l_dba;

-- pg_temp.lint_of(object): lint()'s rows about object, as (severity,
-- problem, fix)
CREATE FUNCTION pg_temp.lint_of(obj text) RETURNS TABLE (severity text, problem text, fix text)
LANGUAGE sql AS $$
	SELECT l.severity, l.problem, l.fix FROM orgacl.lint() l WHERE l.object = obj ORDER BY l.problem COLLATE "C", l.fix COLLATE "C"
$$;

-- pg_temp.mine(): lint()'s rows about this file's objects
CREATE FUNCTION pg_temp.mine() RETURNS TABLE (severity text, object text, problem text, fix text)
LANGUAGE sql AS $$
	SELECT l.* FROM orgacl.lint() l
	WHERE l.object LIKE '%"Lint S"%' OR l.object LIKE 'role rls\_l\_%' OR l.object LIKE 'role "RLS L%'
	   OR l.object LIKE 'login rls\_l\_%' OR l.object LIKE 'model %'
	ORDER BY l.object COLLATE "C", l.problem COLLATE "C"
$$;

-- pg_temp.run_fix(object, problem pattern): runs the fix lint() gives for
-- the one row about object whose problem matches, and returns it
CREATE FUNCTION pg_temp.run_fix(obj text, prob text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	f text;
BEGIN
	SELECT l.fix INTO STRICT f FROM orgacl.lint() l WHERE l.object = obj AND l.problem LIKE prob;
	EXECUTE f;
	RETURN f;
END
$$;

-- pg_temp.rows_as(role, viewer, query): how many rows query returns as
-- role with orgacl.viewer set to viewer (NULL: not set)
CREATE FUNCTION pg_temp.rows_as(r name, v bigint, q text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
	n bigint;
BEGIN
	PERFORM set_config('orgacl.viewer', coalesce(v::text, ''), true);
	PERFORM set_config('role', r, true);
	EXECUTE 'SELECT count(*) FROM (' || q || ') s' INTO n;
	RESET ROLE;
	PERFORM set_config('orgacl.viewer', '', true);
	RETURN n;
END
$$;

---------------------------------------------------------------------------
-- 1. the super role set held by nobody: a fresh directory
---------------------------------------------------------------------------

SELECT is((SELECT count(*) FROM orgacl.person), 0::bigint, 'the directory starts empty');
SELECT results_eq($$ SELECT * FROM pg_temp.lint_of('model tri_role') $$,
	$$ VALUES ('error', 'no active person holds the super role set {hr_admin,tech_admin}: nobody can grant it',
			   'SELECT orgacl.add_person(NULL, 1); SELECT orgacl.grant_role(NULL, 1, ''hr_admin''); SELECT orgacl.grant_role(NULL, 1, ''tech_admin'');') $$,
	'empty directory: lint reports that nobody holds the super role set; the fix adds person 1 and grants it');
SELECT lives_ok($$ SELECT pg_temp.run_fix('model tri_role', 'no active person holds the super role set%') $$,
	'... the fix runs');
SELECT is_empty($$ SELECT * FROM pg_temp.lint_of('model tri_role') $$, '... and the problem is gone');
SELECT is(orgacl.roles_of(1)::text, '{hr_admin,tech_admin}', '... person 1 holds the super role set');

---------------------------------------------------------------------------
-- the organisation and a clean protected table
---------------------------------------------------------------------------

SELECT orgacl.add_person(NULL, 2, 1);
SELECT orgacl.add_person(NULL, 3, 1);
SELECT orgacl.add_person(NULL, 4, 2);
SELECT orgacl.add_person(NULL, 5, 3);
SELECT orgacl.add_person(NULL, 6, 3);
SELECT orgacl.add_person(NULL, 7, 5);
SELECT orgacl.add_person(NULL, 8);
SELECT orgacl.grant_role(NULL, 2, 'hr_admin');

CREATE SCHEMA "Lint S" AUTHORIZATION rls_l_owner;
GRANT USAGE ON SCHEMA "Lint S" TO rls_l_app;
SET LOCAL ROLE rls_l_owner;
CREATE TABLE "Lint S"."Reviews" (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	"Subject Id" bigint, "CycleRef" bigint, "WrittenBy" bigint,
	"Aud" orgacl.audience, "SharedWith" bigint[], body text);
CREATE INDEX reviews_subject ON "Lint S"."Reviews" ("Subject Id");
CREATE INDEX reviews_cycle ON "Lint S"."Reviews" ("CycleRef");
CREATE INDEX reviews_author ON "Lint S"."Reviews" ("WrittenBy", id);
CREATE INDEX reviews_shared ON "Lint S"."Reviews" USING gin ("SharedWith");
INSERT INTO "Lint S"."Reviews" ("Subject Id", "WrittenBy")
SELECT s, NULL FROM generate_series(1, 8) s;
GRANT SELECT, INSERT, UPDATE, DELETE ON "Lint S"."Reviews" TO rls_l_app;
SELECT orgacl.protect('"Lint S"."Reviews"', 'review', 'Subject Id', 'CycleRef', 'WrittenBy', 'Aud', 'SharedWith');
RESET ROLE;

SELECT is_empty($$ SELECT * FROM pg_temp.mine() $$,
	'a protected table with RLS forced, its four policies and an index on every column: lint reports nothing');
SELECT is(pg_temp.rows_as('rls_l_app', NULL, 'SELECT * FROM "Lint S"."Reviews"'), 0::bigint,
	'(the table shows no row without a viewer)');

---------------------------------------------------------------------------
-- 2. row-level security disabled
---------------------------------------------------------------------------

ALTER TABLE "Lint S"."Reviews" DISABLE ROW LEVEL SECURITY;
SELECT is(pg_temp.rows_as('rls_l_app', NULL, 'SELECT * FROM "Lint S"."Reviews"'), 8::bigint,
	'RLS disabled: every row is readable');
SELECT results_eq($$ SELECT * FROM pg_temp.lint_of('"Lint S"."Reviews"') $$,
	$$ VALUES ('error', 'row-level security is disabled: its policies are ignored and every row is readable',
			   'ALTER TABLE "Lint S"."Reviews" ENABLE ROW LEVEL SECURITY;') $$,
	'RLS disabled: reported, with the ALTER TABLE that enables it');
SELECT lives_ok($$ SELECT pg_temp.run_fix('"Lint S"."Reviews"', 'row-level security is disabled%') $$, '... the fix runs');
SELECT is_empty($$ SELECT * FROM pg_temp.mine() $$, '... and nothing is reported');
SELECT is(pg_temp.rows_as('rls_l_app', NULL, 'SELECT * FROM "Lint S"."Reviews"'), 0::bigint,
	'... and the rows are protected again');

---------------------------------------------------------------------------
-- 3. row-level security not forced
---------------------------------------------------------------------------

ALTER TABLE "Lint S"."Reviews" NO FORCE ROW LEVEL SECURITY;
SELECT is(pg_temp.rows_as('rls_l_owner', NULL, 'SELECT * FROM "Lint S"."Reviews"'), 8::bigint,
	'NO FORCE: the owner reads every row');
SELECT results_eq($$ SELECT * FROM pg_temp.lint_of('"Lint S"."Reviews"') $$,
	$$ VALUES ('error', 'row-level security is not forced: the table''s owner reads every row',
			   'ALTER TABLE "Lint S"."Reviews" FORCE ROW LEVEL SECURITY;') $$,
	'NO FORCE: reported, with the ALTER TABLE that forces it');
SELECT lives_ok($$ SELECT pg_temp.run_fix('"Lint S"."Reviews"', 'row-level security is not forced%') $$, '... the fix runs');
SELECT is_empty($$ SELECT * FROM pg_temp.mine() $$, '... and nothing is reported');
SELECT is(pg_temp.rows_as('rls_l_owner', NULL, 'SELECT * FROM "Lint S"."Reviews"'), 0::bigint,
	'... and the owner is filtered again');

-- both at once: two rows
ALTER TABLE "Lint S"."Reviews" DISABLE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY;
SELECT is((SELECT count(*) FROM pg_temp.lint_of('"Lint S"."Reviews"')), 2::bigint,
	'RLS disabled and not forced: two problems');
SELECT lives_ok($$ SELECT pg_temp.run_fix('"Lint S"."Reviews"', 'row-level security is disabled%');
				   SELECT pg_temp.run_fix('"Lint S"."Reviews"', 'row-level security is not forced%') $$,
	'... both fixes run');
SELECT is_empty($$ SELECT * FROM pg_temp.mine() $$, '... and nothing is reported');

---------------------------------------------------------------------------
-- 4. a policy protect() installs dropped or altered
---------------------------------------------------------------------------

CREATE TEMP TABLE protect_fix (fix text);
INSERT INTO protect_fix VALUES ('SELECT orgacl.protect(''"Lint S"."Reviews"'', ''review'', ''Subject Id'', '
	'cycle_col => ''CycleRef'', author_col => ''WrittenBy'', audience_col => ''Aud'', shared_col => ''SharedWith'');');

DROP POLICY orgacl_edit ON "Lint S"."Reviews";
SELECT results_eq($$ SELECT * FROM pg_temp.lint_of('policy orgacl_edit on "Lint S"."Reviews"') $$,
	$$ SELECT 'error', 'the policy protect() installs is missing or was altered', fix FROM protect_fix $$,
	'a dropped orgacl policy: reported, with the protect() call that restores it');
SELECT lives_ok($$ SELECT pg_temp.run_fix('policy orgacl_edit on "Lint S"."Reviews"', '%missing or was altered') $$,
	'... the fix runs');
SELECT is_empty($$ SELECT * FROM pg_temp.mine() $$, '... and nothing is reported');
SELECT is((SELECT count(*) FROM pg_policy WHERE polrelid = '"Lint S"."Reviews"'::regclass), 4::bigint,
	'... the four policies are back');

ALTER POLICY orgacl_view ON "Lint S"."Reviews" USING (true);
SELECT is(pg_temp.rows_as('rls_l_app', NULL, 'SELECT * FROM "Lint S"."Reviews"'), 8::bigint,
	'an orgacl policy altered to USING (true): every row is readable');
SELECT results_eq($$ SELECT * FROM pg_temp.lint_of('policy orgacl_view on "Lint S"."Reviews"') $$,
	$$ SELECT 'error', 'the policy protect() installs is missing or was altered', fix FROM protect_fix $$,
	'an altered orgacl policy: reported, with the protect() call');
SELECT lives_ok($$ SELECT pg_temp.run_fix('policy orgacl_view on "Lint S"."Reviews"', '%missing or was altered') $$,
	'... the fix runs');
SELECT is_empty($$ SELECT * FROM pg_temp.mine() $$, '... and nothing is reported');
SELECT is(pg_temp.rows_as('rls_l_app', NULL, 'SELECT * FROM "Lint S"."Reviews"'), 0::bigint,
	'... and the rows are protected again');

-- an altered policy that still calls sees_subject('view', ...)
ALTER POLICY orgacl_view ON "Lint S"."Reviews" USING (orgacl.sees_subject('view', 'praise', "Subject Id", NULL, NULL));
SELECT is(pg_temp.rows_as('rls_l_app', 4, 'SELECT * FROM "Lint S"."Reviews"'), 8::bigint,
	'an orgacl policy altered to judge another kind (praise: public): an engineer reads every review');
SELECT results_eq($$ SELECT * FROM pg_temp.lint_of('policy orgacl_view on "Lint S"."Reviews"') $$,
	$$ SELECT 'error', 'the policy protect() installs is missing or was altered', fix FROM protect_fix $$,
	'an orgacl policy altered to another kind: reported');
ALTER POLICY orgacl_view ON "Lint S"."Reviews"
	USING (orgacl.sees_subject('view', 'review', "Subject Id", "CycleRef", "Aud") OR "Subject Id" IS NOT NULL);
SELECT is(pg_temp.rows_as('rls_l_app', 4, 'SELECT * FROM "Lint S"."Reviews"'), 8::bigint,
	'an orgacl policy widened with OR ...: an engineer reads every review');
SELECT results_eq($$ SELECT * FROM pg_temp.lint_of('policy orgacl_view on "Lint S"."Reviews"') $$,
	$$ SELECT 'error', 'the policy protect() installs is missing or was altered', fix FROM protect_fix $$,
	'an orgacl policy widened with OR ...: reported');
SELECT orgacl.protect('"Lint S"."Reviews"', 'review', 'Subject Id', 'CycleRef', 'WrittenBy', 'Aud', 'SharedWith');
SELECT is_empty($$ SELECT * FROM pg_temp.mine() $$, '(protect() restores it)');

ALTER POLICY orgacl_delete ON "Lint S"."Reviews" TO rls_l_app;
SELECT results_eq($$ SELECT * FROM pg_temp.lint_of('policy orgacl_delete on "Lint S"."Reviews"') $$,
	$$ SELECT 'error', 'the policy protect() installs is missing or was altered', fix FROM protect_fix $$,
	'an orgacl policy narrowed to one role (others may no longer delete what they may): reported');
SELECT lives_ok($$ SELECT pg_temp.run_fix('policy orgacl_delete on "Lint S"."Reviews"', '%missing or was altered') $$,
	'... the fix runs');
SELECT is_empty($$ SELECT * FROM pg_temp.mine() $$, '... and nothing is reported');

---------------------------------------------------------------------------
-- 5. an extra permissive policy
---------------------------------------------------------------------------

CREATE POLICY "Open Door" ON "Lint S"."Reviews" FOR SELECT USING (body IS NULL);
SELECT is(pg_temp.rows_as('rls_l_app', NULL, 'SELECT * FROM "Lint S"."Reviews"'), 8::bigint,
	'an extra permissive policy: the rows it admits are readable');
SELECT results_eq($$ SELECT * FROM pg_temp.lint_of('policy "Open Door" on "Lint S"."Reviews"') $$,
	$$ VALUES ('error', 'a permissive policy widens protect()''s: rows it admits are visible whatever orgacl decides',
			   'DROP POLICY "Open Door" ON "Lint S"."Reviews";') $$,
	'an extra permissive policy: reported, with the DROP POLICY that removes it');
SELECT lives_ok($$ SELECT pg_temp.run_fix('policy "Open Door" on "Lint S"."Reviews"', 'a permissive policy widens%') $$,
	'... the fix runs');
SELECT is_empty($$ SELECT * FROM pg_temp.mine() $$, '... and nothing is reported');
SELECT is(pg_temp.rows_as('rls_l_app', NULL, 'SELECT * FROM "Lint S"."Reviews"'), 0::bigint,
	'... and the rows are protected again');

CREATE POLICY narrow_further ON "Lint S"."Reviews" AS RESTRICTIVE FOR SELECT USING (body IS NULL);
SELECT is_empty($$ SELECT * FROM pg_temp.mine() $$, 'a restrictive policy (it only narrows) is not reported');
DROP POLICY narrow_further ON "Lint S"."Reviews";

---------------------------------------------------------------------------
-- 6. missing indexes
---------------------------------------------------------------------------

DROP INDEX "Lint S".reviews_subject;
SELECT results_eq($$ SELECT * FROM pg_temp.lint_of('"Lint S"."Reviews"."Subject Id"') $$,
	$$ VALUES ('warning', 'no index leads with the subject column: every protected query reads the whole table',
			   'CREATE INDEX ON "Lint S"."Reviews" ("Subject Id");') $$,
	'no index on the subject column: reported, with the CREATE INDEX');
SELECT lives_ok($$ SELECT pg_temp.run_fix('"Lint S"."Reviews"."Subject Id"', 'no index leads with%') $$, '... the fix runs');
SELECT is_empty($$ SELECT * FROM pg_temp.mine() $$, '... and nothing is reported');
SELECT ok(EXISTS (SELECT FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
				  WHERE i.indrelid = '"Lint S"."Reviews"'::regclass AND a.attname = 'Subject Id'),
	'... an index leads with "Subject Id" now');

DROP INDEX "Lint S".reviews_author;
-- an index where the column is not the first, and a partial one, do not count
CREATE INDEX reviews_id_author ON "Lint S"."Reviews" (id, "WrittenBy");
CREATE INDEX reviews_author_partial ON "Lint S"."Reviews" ("WrittenBy") WHERE "WrittenBy" IS NOT NULL;
SELECT results_eq($$ SELECT * FROM pg_temp.lint_of('"Lint S"."Reviews"."WrittenBy"') $$,
	$$ VALUES ('warning', 'no index leads with this column: the policy arm on it makes protected queries read the whole table',
			   'CREATE INDEX ON "Lint S"."Reviews" ("WrittenBy");') $$,
	'no index leading with the author column (a second column, a partial index): reported, with the CREATE INDEX');
SELECT lives_ok($$ SELECT pg_temp.run_fix('"Lint S"."Reviews"."WrittenBy"', 'no index leads with%') $$, '... the fix runs');
SELECT is_empty($$ SELECT * FROM pg_temp.mine() $$, '... and nothing is reported');

DROP INDEX "Lint S".reviews_cycle;
DROP INDEX "Lint S".reviews_shared;
-- a btree on the shared column does not serve @>
CREATE INDEX reviews_shared_btree ON "Lint S"."Reviews" ("SharedWith");
SELECT results_eq($$ SELECT object, severity, fix FROM pg_temp.mine() $$,
	$$ VALUES ('"Lint S"."Reviews"."CycleRef"', 'warning', 'CREATE INDEX ON "Lint S"."Reviews" ("CycleRef");'),
			  ('"Lint S"."Reviews"."SharedWith"', 'warning', 'CREATE INDEX ON "Lint S"."Reviews" USING gin ("SharedWith");') $$,
	'no index on the cycle column, no GIN index on the shared column: both reported');
SELECT lives_ok($$ SELECT pg_temp.run_fix('"Lint S"."Reviews"."CycleRef"', 'no index leads with%');
				   SELECT pg_temp.run_fix('"Lint S"."Reviews"."SharedWith"', 'no index leads with%') $$,
	'... the fixes run');
SELECT is_empty($$ SELECT * FROM pg_temp.mine() $$, '... and nothing is reported');

---------------------------------------------------------------------------
-- 7. partitions of a protected partitioned table
---------------------------------------------------------------------------

SET LOCAL ROLE rls_l_owner;
CREATE TABLE "Lint S".parted (id bigint, subject bigint, cyc bigint) PARTITION BY LIST (cyc);
CREATE TABLE "Lint S"."Parted A" PARTITION OF "Lint S".parted FOR VALUES IN (1);
CREATE TABLE "Lint S".parted_b PARTITION OF "Lint S".parted DEFAULT;
CREATE INDEX ON "Lint S".parted (subject);
CREATE INDEX ON "Lint S".parted (cyc);
INSERT INTO "Lint S".parted VALUES (1, 1, 1), (2, 2, 2), (3, 3, NULL);
GRANT SELECT ON "Lint S".parted, "Lint S"."Parted A", "Lint S".parted_b TO rls_l_app;
SELECT orgacl.protect('"Lint S".parted', 'review', 'subject', 'cyc');
RESET ROLE;
SELECT is(pg_temp.rows_as('rls_l_app', NULL, 'SELECT * FROM "Lint S".parted'), 0::bigint,
	'a protected partitioned table shows no row without a viewer');
SELECT is(pg_temp.rows_as('rls_l_app', NULL, 'SELECT * FROM "Lint S".parted_b'), 2::bigint,
	'... but its partition, queried directly, shows every row');
SELECT results_eq($$ SELECT object, severity, problem, fix FROM pg_temp.mine() $$,
	$$ VALUES ('"Lint S"."Parted A"', 'error', 'partition of protected table "Lint S".parted: queried directly, it applies no policy',
			   'SELECT orgacl.protect(''"Lint S"."Parted A"'', ''review'', ''subject'', cycle_col => ''cyc'');'),
			  ('"Lint S".parted_b', 'error', 'partition of protected table "Lint S".parted: queried directly, it applies no policy',
			   'SELECT orgacl.protect(''"Lint S".parted_b'', ''review'', ''subject'', cycle_col => ''cyc'');') $$,
	'unprotected partitions: each reported, with the protect() call for it');
SELECT lives_ok($$ SELECT pg_temp.run_fix('"Lint S"."Parted A"', 'partition of protected table%');
				   SELECT pg_temp.run_fix('"Lint S".parted_b', 'partition of protected table%') $$,
	'... the fixes run');
SELECT is_empty($$ SELECT * FROM pg_temp.mine() $$, '... and nothing is reported');
SELECT is(pg_temp.rows_as('rls_l_app', NULL, 'SELECT * FROM "Lint S".parted_b'), 0::bigint,
	'... and the partition is protected');

-- the protect() call lint() proposes names only the columns the table has
DROP POLICY orgacl_view ON "Lint S".parted;
SELECT results_eq($$ SELECT * FROM pg_temp.lint_of('policy orgacl_view on "Lint S".parted') $$,
	$$ VALUES ('error', 'the policy protect() installs is missing or was altered',
			   'SELECT orgacl.protect(''"Lint S".parted'', ''review'', ''subject'', cycle_col => ''cyc'');') $$,
	'a dropped policy of a table protected with subject and cycle only: the protect() call names those two');
SELECT lives_ok($$ SELECT pg_temp.run_fix('policy orgacl_view on "Lint S".parted', '%missing or was altered') $$,
	'... the fix runs');
SELECT is_empty($$ SELECT * FROM pg_temp.mine() $$, '... and nothing is reported');

---------------------------------------------------------------------------
-- 8. roles that bypass row-level security
---------------------------------------------------------------------------

CREATE ROLE rls_l_bypass LOGIN BYPASSRLS;
CREATE ROLE rls_l_bypass_nologin NOLOGIN BYPASSRLS;
CREATE ROLE rls_l_bypass_noselect LOGIN BYPASSRLS;
CREATE ROLE rls_l_reader LOGIN;
GRANT USAGE ON SCHEMA "Lint S" TO rls_l_bypass, rls_l_bypass_nologin, rls_l_reader;
GRANT SELECT ON "Lint S"."Reviews" TO rls_l_bypass, rls_l_bypass_nologin, rls_l_reader;
SELECT is(pg_temp.rows_as('rls_l_bypass', NULL, 'SELECT * FROM "Lint S"."Reviews"'), 8::bigint,
	'a BYPASSRLS role with SELECT reads every row');
SELECT results_eq($$ SELECT object, severity, problem, fix FROM pg_temp.mine() $$,
	$$ VALUES ('role rls_l_bypass', 'warning', 'bypasses row-level security (BYPASSRLS) and can read "Lint S"."Reviews"',
			   'ALTER ROLE rls_l_bypass NOBYPASSRLS;') $$,
	'a LOGIN BYPASSRLS role granted SELECT: reported, with the ALTER ROLE (not a NOLOGIN one, one without SELECT, or a plain login)');
SELECT lives_ok($$ SELECT pg_temp.run_fix('role rls_l_bypass', 'bypasses row-level security%') $$, '... the fix runs');
SELECT is_empty($$ SELECT * FROM pg_temp.mine() $$, '... and nothing is reported');
SELECT is(pg_temp.rows_as('rls_l_bypass', NULL, 'SELECT * FROM "Lint S"."Reviews"'), 0::bigint,
	'... and the role is filtered');

-- SELECT through a group role counts; a superuser reads every table
CREATE ROLE rls_l_readers NOLOGIN;
GRANT SELECT ON "Lint S"."Reviews" TO rls_l_readers;
GRANT rls_l_readers TO rls_l_bypass_noselect;
CREATE ROLE "RLS L Admin" LOGIN SUPERUSER;
SELECT results_eq($$ SELECT object, severity, problem, fix FROM pg_temp.mine() $$,
	$$ VALUES ('role "RLS L Admin"', 'warning', 'bypasses row-level security (superuser) and can read "Lint S"."Parted A"',
			   'ALTER ROLE "RLS L Admin" NOSUPERUSER;'),
			  ('role "RLS L Admin"', 'warning', 'bypasses row-level security (superuser) and can read "Lint S"."Reviews"',
			   'ALTER ROLE "RLS L Admin" NOSUPERUSER;'),
			  ('role "RLS L Admin"', 'warning', 'bypasses row-level security (superuser) and can read "Lint S".parted',
			   'ALTER ROLE "RLS L Admin" NOSUPERUSER;'),
			  ('role "RLS L Admin"', 'warning', 'bypasses row-level security (superuser) and can read "Lint S".parted_b',
			   'ALTER ROLE "RLS L Admin" NOSUPERUSER;'),
			  ('role rls_l_bypass_noselect', 'warning', 'bypasses row-level security (BYPASSRLS) and can read "Lint S"."Reviews"',
			   'ALTER ROLE rls_l_bypass_noselect NOBYPASSRLS;') $$,
	'a LOGIN SUPERUSER role (every protected table) and a BYPASSRLS login reading through a group role: reported');
SELECT lives_ok($$ SELECT pg_temp.run_fix('role "RLS L Admin"', '%"Lint S"."Reviews"');
				   SELECT pg_temp.run_fix('role rls_l_bypass_noselect', 'bypasses row-level security%') $$,
	'... the fixes run (one per role)');
SELECT is_empty($$ SELECT * FROM pg_temp.mine() $$, '... and nothing is reported');
SELECT is((SELECT count(*) FILTER (WHERE rolsuper OR rolbypassrls) FROM pg_roles WHERE rolname LIKE 'rls\_l\_%' OR rolname LIKE 'RLS L%'),
	1::bigint, '... only the NOLOGIN BYPASSRLS role still bypasses');

-- SELECT on some columns only
CREATE ROLE rls_l_colreader LOGIN BYPASSRLS;
GRANT USAGE ON SCHEMA "Lint S" TO rls_l_colreader;
GRANT SELECT ("Subject Id", body) ON "Lint S"."Reviews" TO rls_l_colreader;
SELECT is(pg_temp.rows_as('rls_l_colreader', NULL, 'SELECT "Subject Id", body FROM "Lint S"."Reviews"'), 8::bigint,
	'a LOGIN BYPASSRLS role granted SELECT on some columns reads them in every row');
SELECT results_eq($$ SELECT * FROM pg_temp.lint_of('role rls_l_colreader') $$,
	$$ VALUES ('warning', 'bypasses row-level security (BYPASSRLS) and can read "Lint S"."Reviews"',
			   'ALTER ROLE rls_l_colreader NOBYPASSRLS;') $$,
	'a LOGIN BYPASSRLS role granted SELECT on some columns: reported');
REVOKE ALL ON "Lint S"."Reviews" FROM rls_l_colreader;
REVOKE ALL ON SCHEMA "Lint S" FROM rls_l_colreader;
DROP ROLE rls_l_colreader;

-- a NOLOGIN BYPASSRLS role is reported once a login can SET ROLE to it
CREATE ROLE rls_l_member LOGIN;
GRANT rls_l_bypass_nologin TO rls_l_member;
SELECT is(pg_temp.rows_as('rls_l_bypass_nologin', NULL, 'SELECT * FROM "Lint S"."Reviews"'), 8::bigint,
	'a NOLOGIN BYPASSRLS role reads every row (for any login that can SET ROLE to it)');
SELECT results_eq($$ SELECT * FROM pg_temp.lint_of('role rls_l_bypass_nologin') $$,
	$$ VALUES ('warning', 'bypasses row-level security (BYPASSRLS) and can read "Lint S"."Reviews", through the logins rls_l_member',
			   'ALTER ROLE rls_l_bypass_nologin NOBYPASSRLS;') $$,
	'a NOLOGIN BYPASSRLS role with a login member: reported, naming the login');
SELECT lives_ok($$ SELECT pg_temp.run_fix('role rls_l_bypass_nologin', 'bypasses row-level security%') $$, '... the fix runs');
SELECT is_empty($$ SELECT * FROM pg_temp.lint_of('role rls_l_bypass_nologin') $$, '... and nothing is reported');
REVOKE rls_l_bypass_nologin FROM rls_l_member;
DROP ROLE rls_l_member;

---------------------------------------------------------------------------
-- 9. a login mapped to a deactivated person
---------------------------------------------------------------------------

CREATE ROLE rls_l_analyst LOGIN;
SELECT orgacl.map_login(NULL, 'rls_l_analyst', 7);
SELECT is_empty($$ SELECT * FROM pg_temp.mine() $$, 'a login mapped to an active person: nothing reported');
SELECT orgacl.deactivate(NULL, 7);
SELECT results_eq($$ SELECT * FROM pg_temp.lint_of('login rls_l_analyst') $$,
	$$ VALUES ('warning', 'mapped to deactivated person 7: it sees nothing',
			   'SELECT orgacl.map_login(NULL, ''rls_l_analyst'', NULL);') $$,
	'a login mapped to a deactivated person: reported, with the map_login() call that unmaps it');
SELECT lives_ok($$ SELECT pg_temp.run_fix('login rls_l_analyst', 'mapped to deactivated person%') $$, '... the fix runs');
SELECT is_empty($$ SELECT * FROM pg_temp.mine() $$, '... and nothing is reported');
SELECT is((SELECT count(*) FROM orgacl.login_map WHERE login = 'rls_l_analyst'), 0::bigint, '... the login is unmapped');

---------------------------------------------------------------------------
-- 10. the super role set held by nobody (built directly: the directory
--     functions refuse it)
---------------------------------------------------------------------------

SELECT throws_ok($$ SELECT orgacl.revoke_role(NULL, 1, 'tech_admin') $$, '23514', NULL,
	'(revoking the set from its last holder is refused)');
DELETE FROM orgacl.role_grant WHERE person = 1 AND role = 'tech_admin';
SELECT results_eq($$ SELECT * FROM pg_temp.lint_of('model tri_role') $$,
	$$ VALUES ('error', 'no active person holds the super role set {hr_admin,tech_admin}: nobody can grant it',
			   'SELECT orgacl.grant_role(NULL, 1, ''hr_admin''); SELECT orgacl.grant_role(NULL, 1, ''tech_admin'');') $$,
	'the last holder lost tech_admin: reported; the fix grants the set to the first active top-level person');
SELECT lives_ok($$ SELECT pg_temp.run_fix('model tri_role', 'no active person holds%') $$,
	'... the fix runs (granting hr_admin again is harmless)');
SELECT is_empty($$ SELECT * FROM pg_temp.mine() $$, '... and nothing is reported');
SELECT is(orgacl.roles_of(1)::text, '{hr_admin,tech_admin}', '... person 1 holds the set again');

-- its only holder deactivated: the first active top-level person (8) is proposed
UPDATE orgacl.person SET active = false WHERE id = 1;
SELECT results_eq($$ SELECT * FROM pg_temp.lint_of('model tri_role') $$,
	$$ VALUES ('error', 'no active person holds the super role set {hr_admin,tech_admin}: nobody can grant it',
			   'SELECT orgacl.grant_role(NULL, 8, ''hr_admin''); SELECT orgacl.grant_role(NULL, 8, ''tech_admin'');') $$,
	'the only holder deactivated: reported; the fix grants the set to another active top-level person');
SELECT lives_ok($$ SELECT pg_temp.run_fix('model tri_role', 'no active person holds%') $$, '... the fix runs');
SELECT is_empty($$ SELECT * FROM pg_temp.mine() $$, '... and nothing is reported');

-- no active top-level person: the first active person
UPDATE orgacl.person SET active = false WHERE id = 8;
SELECT results_eq($$ SELECT fix FROM pg_temp.lint_of('model tri_role') $$,
	$$ VALUES ('SELECT orgacl.grant_role(NULL, 2, ''hr_admin''); SELECT orgacl.grant_role(NULL, 2, ''tech_admin'');') $$,
	'no active top-level person: the fix grants the set to the first active person');
SELECT lives_ok($$ SELECT pg_temp.run_fix('model tri_role', 'no active person holds%') $$, '... the fix runs');
SELECT is_empty($$ SELECT * FROM pg_temp.mine() $$, '... and nothing is reported');

---------------------------------------------------------------------------
-- 11. who may call lint()
---------------------------------------------------------------------------

SET LOCAL ROLE rls_l_app;
SELECT throws_ok($$ SELECT * FROM orgacl.lint() $$, '42501', NULL,
	'a role that is neither a superuser nor in orgacl_admin may not call lint() (42501)');
RESET ROLE;
ALTER TABLE "Lint S"."Reviews" NO FORCE ROW LEVEL SECURITY;
SET LOCAL ROLE rls_l_dba;
SELECT results_eq($$ SELECT object, problem FROM orgacl.lint() WHERE object LIKE '%"Lint S"%' $$,
	$$ VALUES ('"Lint S"."Reviews"', 'row-level security is not forced: the table''s owner reads every row') $$,
	'a member of orgacl_admin calls lint() and sees every problem');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
