-- test/pgtap/rls.sql: row-level security (SPEC section 4 "Row-level
-- security", section 3 decision rules): protect() / unprotect() and what
-- the policies they install let each viewer read and write.
--
-- The central check is differential: for every person as viewer (and an
-- unknown one, and none), the rows a protected table shows to a
-- non-superuser (so RLS applies) are exactly the rows can() allows,
-- computed as superuser (RLS bypassed) with can_view() / can() on the same
-- columns.  It runs over six tables (four kinds, five column layouts,
-- quoted mixed-case and reserved-word names in a quoted non-public schema,
-- a partitioned table) and under four plans: sequential scans, index scans
-- (where the planner support offers its subject_superset() index
-- condition), generic plans cached across viewers, and parallel plans (the
-- policies run in workers).  The write actions
-- (INSERT, UPDATE, DELETE) are checked the same way for a sample of
-- viewers.  Then: analysts (mapped logins) through plain queries, views,
-- CTEs and joins; the pooled application role and the table owner; changes
-- to the directory obeyed by the next statement; protect()'s errors;
-- idempotence and what unprotect() restores.
--
-- The organisation (primary lines; [roles]; ':' an additional manager):
--
--   1 CEO [hr_admin+tech_admin]                      14 contractor (top level)
--   |-- 2 VP People [hr_admin]
--   |     |-- 4 HR partner [hr_admin]
--   |     |     `-- 16 HR generalist [hr_admin scoped to team 900]
--   |     `-- 5 HR coordinator [hr_assistant]
--   `-- 3 VP Engineering
--         |-- 6 Eng manager
--         |     |-- 8 engineer (additional manager: 7)
--         |     |-- 9 team lead
--         |     |     |-- 10 engineer
--         |     |     `-- 11 engineer
--         |     `-- 15 engineer, deactivated
--         `-- 7 Eng manager
--               |-- 12 engineer
--               `-- 13 IT [tech_admin]
--
--   team 900 "Platform": members 8 9 10 11, lead 9
--   team 901 "IT": members 12 13, lead 12 (a lead of their own team)
--
-- Cycles: 500 review {subject,hr} (hides from managers; made by the
-- system); 501 review {subject,owner,hr} owned by 5; 502 review without
-- an audience, owned by 2; 600 feedback_360 owned by 5, no audience;
-- 601 feedback_360 {subject,author,owner} owned by 4; 700 survey_response
-- owned by 5; 701 survey_response made by the system; 9999 does not exist.
--
-- Roles (cluster-wide, so created inside the test's transaction):
-- rls_t_owner owns the tables (not a superuser: FORCE applies to it);
-- rls_t_app is the pooled application role (the superuser sets
-- orgacl.viewer for it); rls_t_analyst is a login mapped to person 6;
-- rls_t_other an unmapped login; rls_t_team a group role.

\set ON_ERROR_STOP true
BEGIN;
SET LOCAL search_path = public;
SET LOCAL client_min_messages = warning;

SELECT plan(696);

SELECT orgacl.use_model('tri_role');

CREATE ROLE rls_t_owner NOLOGIN;
CREATE ROLE rls_t_app NOLOGIN;
CREATE ROLE rls_t_analyst LOGIN;
CREATE ROLE rls_t_other LOGIN;
CREATE ROLE rls_t_team NOLOGIN;

---------------------------------------------------------------------------
-- the organisation
---------------------------------------------------------------------------

SELECT orgacl.add_person(NULL, 1);
SELECT orgacl.add_person(NULL, 2, 1);
SELECT orgacl.add_person(NULL, 3, 1);
SELECT orgacl.add_person(NULL, 4, 2);
SELECT orgacl.add_person(NULL, 5, 2);
SELECT orgacl.add_person(NULL, 6, 3);
SELECT orgacl.add_person(NULL, 7, 3);
SELECT orgacl.add_person(NULL, 8, 6);
SELECT orgacl.add_person(NULL, 9, 6);
SELECT orgacl.add_person(NULL, 10, 9);
SELECT orgacl.add_person(NULL, 11, 9);
SELECT orgacl.add_person(NULL, 12, 7);
SELECT orgacl.add_person(NULL, 13, 7);
SELECT orgacl.add_person(NULL, 14);
SELECT orgacl.add_person(NULL, 15, 6);
SELECT orgacl.add_person(NULL, 16, 4);
SELECT orgacl.add_manager(NULL, 8, 7);
SELECT orgacl.create_group(NULL, 900, 'team', 'Platform');
SELECT orgacl.add_member(NULL, 900, p) FROM unnest('{8,9,10,11}'::bigint[]) p;
SELECT orgacl.set_lead(NULL, 900, 9);
SELECT orgacl.create_group(NULL, 901, 'team', 'IT');
SELECT orgacl.add_member(NULL, 901, p) FROM unnest('{12,13}'::bigint[]) p;
SELECT orgacl.set_lead(NULL, 901, 12);
SELECT orgacl.grant_role(NULL, 1, 'hr_admin');
SELECT orgacl.grant_role(NULL, 1, 'tech_admin');
SELECT orgacl.grant_role(NULL, 2, 'hr_admin');
SELECT orgacl.grant_role(NULL, 4, 'hr_admin');
SELECT orgacl.grant_role(NULL, 5, 'hr_assistant');
SELECT orgacl.grant_role(NULL, 13, 'tech_admin');
SELECT orgacl.grant_role(NULL, 16, 'hr_admin', 900);
SELECT orgacl.deactivate(NULL, 15);
SELECT orgacl.create_cycle(NULL, 500, 'review', '{subject,hr}');
SELECT orgacl.create_cycle(5, 501, 'review', '{subject,owner,hr}');
SELECT orgacl.create_cycle(2, 502, 'review');
SELECT orgacl.create_cycle(5, 600, 'feedback_360');
SELECT orgacl.create_cycle(4, 601, 'feedback_360', '{subject,author,owner}');
SELECT orgacl.create_cycle(5, 700, 'survey_response');
SELECT orgacl.create_cycle(NULL, 701, 'survey_response');

---------------------------------------------------------------------------
-- the application's tables, owned by a non-superuser
---------------------------------------------------------------------------

CREATE SCHEMA "Perf Data" AUTHORIZATION rls_t_owner;
GRANT USAGE ON SCHEMA "Perf Data" TO rls_t_app, rls_t_analyst, rls_t_other, rls_t_team;
SET LOCAL ROLE rls_t_owner;
-- every column protect() knows, names that need quoting
CREATE TABLE "Perf Data"."Reviews" (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	"Subject Id" bigint, "CycleRef" bigint, "WrittenBy" bigint,
	"Aud" orgacl.audience, "SharedWith" bigint[], body text NOT NULL DEFAULT 'text');
CREATE INDEX ON "Perf Data"."Reviews" ("Subject Id");
CREATE INDEX ON "Perf Data"."Reviews" ("CycleRef");
CREATE INDEX ON "Perf Data"."Reviews" ("WrittenBy");
CREATE INDEX ON "Perf Data"."Reviews" USING gin ("SharedWith");
-- a reserved word as the subject column
CREATE TABLE "Perf Data"."Feedback" (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	"user" bigint, round bigint, giver bigint, "Visible To" orgacl.audience, cc bigint[],
	body text NOT NULL DEFAULT 'text');
CREATE INDEX ON "Perf Data"."Feedback" ("user");
CREATE INDEX ON "Perf Data"."Feedback" (round);
CREATE INDEX ON "Perf Data"."Feedback" (giver);
CREATE INDEX ON "Perf Data"."Feedback" USING gin (cc);
-- no cycle, no shared column; private_feedback is capped to {subject,author}
CREATE TABLE "Perf Data".private_fb (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	recipient bigint, sender bigint, vis orgacl.audience, body text NOT NULL DEFAULT 'text');
-- subject and cycle only: the owner relation comes from the kind's default
CREATE TABLE "Perf Data".survey (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	respondent bigint, survey bigint, body text NOT NULL DEFAULT 'text');
CREATE INDEX ON "Perf Data".survey (respondent);
CREATE INDEX ON "Perf Data".survey (survey);
-- no audience column: the planner support offers its index condition
CREATE TABLE "Perf Data".review_lite (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	subject bigint, cyc bigint, author bigint, body text NOT NULL DEFAULT 'text');
CREATE INDEX ON "Perf Data".review_lite (subject);
CREATE INDEX ON "Perf Data".review_lite (cyc);
CREATE INDEX ON "Perf Data".review_lite (author);
-- a partitioned table (protected as a whole; queried through the parent)
CREATE TABLE "Perf Data".parted (
	id bigint GENERATED ALWAYS AS IDENTITY, subject bigint, cyc bigint, author bigint,
	aud orgacl.audience, body text NOT NULL DEFAULT 'text') PARTITION BY RANGE (subject);
CREATE TABLE "Perf Data".parted_low PARTITION OF "Perf Data".parted FOR VALUES FROM (MINVALUE) TO (9);
CREATE TABLE "Perf Data".parted_high PARTITION OF "Perf Data".parted FOR VALUES FROM (9) TO (MAXVALUE);
CREATE TABLE "Perf Data".parted_default PARTITION OF "Perf Data".parted DEFAULT;
CREATE INDEX ON "Perf Data".parted (subject);
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "Perf Data" TO rls_t_app;
GRANT SELECT ON ALL TABLES IN SCHEMA "Perf Data" TO rls_t_analyst, rls_t_other, rls_t_team;
RESET ROLE;

-- Rows of every relation: every person as subject, an unknown one (999)
-- and none; no cycle, every cycle (of the kind, of another kind) and an
-- unknown one; row audiences of each relation, '{}' and none (twice, so
-- that the cycle and the kind's default decide often); authors that are
-- the subject's manager, the subject, someone else, a deactivated and an
-- unknown person, or none; shared arrays with NULLs, empty, two-dimensional
-- and none.
CREATE TEMP TABLE variant AS
SELECT s.subj, c.cyc, a.aud, row_number() OVER (ORDER BY s.n, c.n, a.n) AS n
FROM unnest('{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,999,NULL}'::bigint[]) WITH ORDINALITY s(subj, n)
CROSS JOIN unnest('{NULL,500,501,502,600,601,700,9999}'::bigint[]) WITH ORDINALITY c(cyc, n)
CROSS JOIN unnest(ARRAY[NULL, NULL, '{}', '{author}', '{shared}', '{subject,author,shared}',
	'{team_lead}', '{public}', '{hr}', '{owner,hr}', '{managers}', '{direct_manager}',
	'{subject,hr}', '{owner}']::orgacl.audience[]) WITH ORDINALITY a(aud, n);
CREATE TEMP TABLE variant_row AS
SELECT v.*, CASE v.n % 7
	WHEN 0 THEN NULL
	WHEN 1 THEN (SELECT p.manager FROM orgacl.person p WHERE p.id = v.subj)
	WHEN 2 THEN v.subj
	WHEN 3 THEN 1 + (v.n * 7) % 16
	WHEN 4 THEN 888
	WHEN 5 THEN 15
	ELSE 1 + (v.n * 3) % 16 END AS author,
	(ARRAY[NULL, '{}', '{3,NULL}', '{NULL}', '{9,12}', '{6}', '{{1,2},{13,14}}',
		'{10,11,4}'])[1 + (v.n * 5 + v.n / 8) % 8]::bigint[] AS shared
FROM variant v;
INSERT INTO "Perf Data"."Reviews" ("Subject Id", "CycleRef", "WrittenBy", "Aud", "SharedWith")
SELECT subj, cyc, author, aud, shared FROM variant_row ORDER BY n;
INSERT INTO "Perf Data"."Feedback" ("user", round, giver, "Visible To", cc)
SELECT subj, cyc, author, aud, shared FROM variant_row ORDER BY n;
INSERT INTO "Perf Data".private_fb (recipient, sender, vis)
SELECT subj, author, aud FROM variant_row WHERE cyc IS NULL OR cyc = 601 ORDER BY n;
INSERT INTO "Perf Data".survey (respondent, survey)
SELECT subj, cyc FROM variant_row WHERE n % 14 IN (0, 1) ORDER BY n;
INSERT INTO "Perf Data".review_lite (subject, cyc, author)
SELECT subj, cyc, author FROM variant_row WHERE aud IS NULL ORDER BY n;
INSERT INTO "Perf Data".parted (subject, cyc, author, aud)
SELECT subj, cyc, author, aud FROM variant_row WHERE n % 3 = 0 ORDER BY n;

-- The tables the differential checks use: name, relation, kind, subject
-- column and the artifact of a row, as SQL over the table's columns.
CREATE TEMP TABLE tab (name text PRIMARY KEY, rel text, kind text, subj text, art text);
INSERT INTO tab VALUES
	('Reviews', '"Perf Data"."Reviews"', 'review', '"Subject Id"',
	 'orgacl.artifact(''review'', "CycleRef", "WrittenBy", "Aud", "SharedWith")'),
	('Feedback', '"Perf Data"."Feedback"', 'feedback_360', '"user"',
	 'orgacl.artifact(''feedback_360'', round, giver, "Visible To", cc)'),
	('private_fb', '"Perf Data".private_fb', 'private_feedback', 'recipient',
	 'orgacl.artifact(''private_feedback'', author => sender, audience => vis)'),
	('survey', '"Perf Data".survey', 'survey_response', 'respondent',
	 'orgacl.artifact(''survey_response'', survey)'),
	('review_lite', '"Perf Data".review_lite', 'review', 'subject',
	 'orgacl.artifact(''review'', cyc, author)'),
	('parted', '"Perf Data".parted', 'review', 'subject',
	 'orgacl.artifact(''review'', cyc, author, aud)');

-- every person as viewer, an unknown person (999) and no viewer (NULL)
CREATE TEMP TABLE viewer AS
SELECT v FROM unnest('{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,999,NULL}'::bigint[]) v;

---------------------------------------------------------------------------
-- helpers
---------------------------------------------------------------------------

-- pg_temp.seen(viewer, query, role): the sorted ids query returns when run
-- as role (default the pooled application role) with orgacl.viewer set to
-- viewer by the superuser (NULL: not set) -- SET LOCAL orgacl.viewer + SET
-- LOCAL ROLE, as the application does.  An error makes it NULL (and a
-- WARNING), so that the assertion fails rather than the file.
CREATE FUNCTION pg_temp.seen(v bigint, q text, r name DEFAULT 'rls_t_app') RETURNS bigint[]
LANGUAGE plpgsql AS $$
DECLARE
	x bigint;
	res bigint[] := '{}';
BEGIN
	BEGIN
		PERFORM set_config('orgacl.viewer', coalesce(v::text, ''), true);
		PERFORM set_config('role', r, true);
		FOR x IN EXECUTE q LOOP
			res := res || x;
		END LOOP;
		RESET ROLE;
		PERFORM set_config('orgacl.viewer', '', true);
	EXCEPTION WHEN OTHERS THEN
		-- fail the assertion, not the whole file
		RAISE WARNING 'pg_temp.seen(%, %): % %', v, q, SQLSTATE, SQLERRM;
		RETURN NULL;
	END;
	RETURN (SELECT coalesce(array_agg(y ORDER BY y), '{}') FROM unnest(res) y);
END
$$;

-- pg_temp.plan_of(viewer, query): EXPLAIN of query as the application role
CREATE FUNCTION pg_temp.plan_of(v bigint, q text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	line text;
	res text := '';
BEGIN
	PERFORM set_config('orgacl.viewer', coalesce(v::text, ''), true);
	PERFORM set_config('role', 'rls_t_app', true);
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		res := res || line || E'\n';
	END LOOP;
	RESET ROLE;
	PERFORM set_config('orgacl.viewer', '', true);
	RETURN res;
END
$$;

-- pg_temp.seen_parallel(viewer, query, role): like seen(), but the query
-- runs as CREATE TABLE AS, which (unlike a plpgsql FOR loop) may use a
-- parallel plan, so the policies run in parallel workers.
CREATE FUNCTION pg_temp.seen_parallel(v bigint, q text, r name DEFAULT 'rls_t_app') RETURNS bigint[]
LANGUAGE plpgsql AS $$
DECLARE
	res bigint[];
BEGIN
	BEGIN
		PERFORM set_config('orgacl.viewer', coalesce(v::text, ''), true);
		PERFORM set_config('role', r, true);
		EXECUTE 'CREATE TEMP TABLE par_out AS ' || q;
		RESET ROLE;
		PERFORM set_config('orgacl.viewer', '', true);
		SELECT coalesce(array_agg(id ORDER BY id), '{}') INTO res FROM pg_temp.par_out;
		DROP TABLE pg_temp.par_out;
	EXCEPTION WHEN OTHERS THEN
		RAISE WARNING 'pg_temp.seen_parallel(%, %): % %', v, q, SQLSTATE, SQLERRM;
		RETURN NULL;
	END;
	RETURN res;
END
$$;

-- pg_temp.allowed(table, actions, viewer): as superuser (RLS bypassed), the
-- sorted ids of the rows of table on which viewer may do every action of
-- actions, by can() (can_view() for view).
CREATE FUNCTION pg_temp.allowed(t text, acts text[], v bigint) RETURNS bigint[]
LANGUAGE plpgsql AS $$
DECLARE
	m record;
	cond text;
	res bigint[];
BEGIN
	SELECT * INTO STRICT m FROM pg_temp.tab WHERE name = t;
	SELECT string_agg(CASE WHEN a = 'view'
						   THEN format('orgacl.can_view(%s, %s, %s)', coalesce(v::text, 'NULL'), m.subj, m.art)
						   ELSE format('orgacl.can(%s, %L, %s, %s)', coalesce(v::text, 'NULL'), a, m.subj, m.art) END,
					  ' AND ')
	INTO cond FROM unnest(acts) a;
	EXECUTE format('SELECT coalesce(array_agg(id ORDER BY id), ''{}'') FROM %s WHERE %s', m.rel, cond)
	INTO res;
	RETURN res;
END
$$;

-- The expected answers, computed once before anything is written.
CREATE TEMP TABLE expect AS
SELECT t.name AS tbl, a.act, v.v, pg_temp.allowed(t.name, a.acts, v.v) AS ids
FROM pg_temp.tab t
CROSS JOIN (VALUES ('view', '{view}'::text[]), ('edit', '{edit}'), ('edit+view', '{edit,view}'),
				   ('delete', '{delete}'), ('delete+view', '{delete,view}')) a(act, acts)
CROSS JOIN pg_temp.viewer v;
GRANT SELECT ON pg_temp.expect TO PUBLIC;

CREATE FUNCTION pg_temp.expected(t text, a text, v bigint) RETURNS bigint[]
LANGUAGE sql STABLE AS $$
	SELECT e.ids FROM pg_temp.expect e WHERE e.tbl = $1 AND e.act = $2 AND e.v IS NOT DISTINCT FROM $3
$$;

-- Writes are logged by a trigger and rolled back: pg_temp.writes(viewer,
-- statement) runs statement as the application role for viewer in a
-- subtransaction it then rolls back, and returns the sorted ids of the
-- rows the statement inserted, updated or deleted (NULL and a WARNING when
-- it fails).
CREATE TEMP TABLE touched (id bigint);
GRANT INSERT ON pg_temp.touched TO PUBLIC;
CREATE FUNCTION pg_temp.log_touched() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO pg_temp.touched VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
	RETURN NULL;
END
$$;
CREATE TRIGGER log_touched AFTER INSERT OR UPDATE OR DELETE ON "Perf Data"."Reviews"
	FOR EACH ROW EXECUTE FUNCTION pg_temp.log_touched();
CREATE TRIGGER log_touched AFTER INSERT OR UPDATE OR DELETE ON "Perf Data"."Feedback"
	FOR EACH ROW EXECUTE FUNCTION pg_temp.log_touched();
CREATE TRIGGER log_touched AFTER INSERT OR UPDATE OR DELETE ON "Perf Data".private_fb
	FOR EACH ROW EXECUTE FUNCTION pg_temp.log_touched();
CREATE TRIGGER log_touched AFTER INSERT OR UPDATE OR DELETE ON "Perf Data".review_lite
	FOR EACH ROW EXECUTE FUNCTION pg_temp.log_touched();
CREATE TRIGGER log_touched AFTER INSERT OR UPDATE OR DELETE ON "Perf Data".survey
	FOR EACH ROW EXECUTE FUNCTION pg_temp.log_touched();

CREATE FUNCTION pg_temp.writes(v bigint, stmt text) RETURNS bigint[]
LANGUAGE plpgsql AS $$
DECLARE
	res bigint[];
BEGIN
	BEGIN
		PERFORM set_config('orgacl.viewer', coalesce(v::text, ''), true);
		PERFORM set_config('role', 'rls_t_app', true);
		EXECUTE stmt;
		RESET ROLE;
		SELECT coalesce(array_agg(DISTINCT id ORDER BY id), '{}') INTO res FROM pg_temp.touched;
		RAISE SQLSTATE 'RLSRB';
	EXCEPTION
		WHEN SQLSTATE 'RLSRB' THEN
			RETURN res;
		WHEN OTHERS THEN
			-- fail the assertion, not the whole file
			RAISE WARNING 'pg_temp.writes(%, %): % %', v, stmt, SQLSTATE, SQLERRM;
			RETURN NULL;
	END;
END
$$;

-- Candidate rows to insert: every known subject and an unknown one, with
-- no cycle, the kind's cycles, another kind's and an unknown one, with or
-- without an audience of their own (create ignores it).
CREATE TEMP TABLE cand AS
SELECT row_number() OVER (ORDER BY s, c.n) AS k, s AS subj, c.cyc, c.aud, c.mine
FROM unnest('{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,999}'::bigint[]) s
CROSS JOIN (VALUES (1, NULL::bigint, NULL::orgacl.audience, true), (2, NULL, '{}', false),
				   (3, 500, NULL, true), (4, 501, '{public}', true), (5, 600, NULL, true),
				   (6, 601, NULL, false), (7, 9999, NULL, true)) c(n, cyc, aud, mine);

-- pg_temp.inserts(viewer, table): tries every candidate as the application
-- role for viewer, each in its own subtransaction, all rolled back; one
-- row per candidate with the error it raised (NULL: inserted).  The
-- author is the viewer where mine, else nobody.
CREATE TEMP TABLE insert_result (tbl text, v bigint, k bigint, state text, msg text);
CREATE FUNCTION pg_temp.inserts(v bigint, t text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	c record;
	stmt text;
	res pg_temp.insert_result[] := '{}';
BEGIN
	BEGIN
		PERFORM set_config('orgacl.viewer', coalesce(v::text, ''), true);
		FOR c IN SELECT * FROM pg_temp.cand ORDER BY k LOOP
			stmt := format(CASE t
				WHEN 'Reviews' THEN 'INSERT INTO "Perf Data"."Reviews" ("Subject Id", "CycleRef", "WrittenBy", "Aud") VALUES (%s, %s, %s, %s)'
				WHEN 'Feedback' THEN 'INSERT INTO "Perf Data"."Feedback" ("user", round, giver, "Visible To") VALUES (%s, %s, %s, %s)'
				WHEN 'review_lite' THEN 'INSERT INTO "Perf Data".review_lite (subject, cyc, author) VALUES (%s, %s, %s)' END,
				quote_nullable(c.subj), quote_nullable(c.cyc),
				quote_nullable(CASE WHEN c.mine THEN v END), quote_nullable(c.aud::text) || '::orgacl.audience');
			BEGIN
				PERFORM set_config('role', 'rls_t_app', true);
				EXECUTE stmt;
				RESET ROLE;
				res := res || ROW(t, v, c.k, NULL, NULL)::pg_temp.insert_result;
			EXCEPTION WHEN OTHERS THEN
				res := res || ROW(t, v, c.k, SQLSTATE, SQLERRM)::pg_temp.insert_result;
			END;
		END LOOP;
		RAISE SQLSTATE 'RLSRB';
	EXCEPTION WHEN SQLSTATE 'RLSRB' THEN
		INSERT INTO pg_temp.insert_result SELECT * FROM unnest(res);
	END;
END
$$;

CREATE FUNCTION pg_temp.may_create(v bigint, t text) RETURNS bigint[]
LANGUAGE sql AS $$
	SELECT coalesce(array_agg(c.k ORDER BY c.k), '{}') FROM pg_temp.cand c
	WHERE orgacl.can(v, 'create', c.subj,
					 orgacl.artifact((SELECT kind FROM pg_temp.tab WHERE name = t), c.cyc,
									 CASE WHEN c.mine THEN v END,
									 CASE WHEN t = 'review_lite' THEN NULL ELSE c.aud END))
$$;

---------------------------------------------------------------------------
-- 1. protect() on every table
---------------------------------------------------------------------------

SET LOCAL ROLE rls_t_owner;
SELECT lives_ok($$ SELECT orgacl.protect('"Perf Data"."Reviews"', 'review', 'Subject Id', 'CycleRef',
	'WrittenBy', 'Aud', 'SharedWith') $$, 'protect: every column, quoted mixed-case names, by the non-superuser owner');
SELECT lives_ok($$ SELECT orgacl.protect('"Perf Data"."Feedback"', 'feedback_360', 'user', cycle_col => 'round',
	author_col => 'giver', audience_col => 'Visible To', shared_col => 'cc') $$,
	'protect: a reserved word as the subject column, named arguments');
SELECT lives_ok($$ SELECT orgacl.protect('"Perf Data".private_fb', 'private_feedback', 'recipient',
	author_col => 'sender', audience_col => 'vis') $$, 'protect: subject, author and audience only');
SELECT lives_ok($$ SELECT orgacl.protect('"Perf Data".survey', 'survey_response', 'respondent', 'survey') $$,
	'protect: subject and cycle only');
SELECT lives_ok($$ SELECT orgacl.protect('"Perf Data".review_lite', 'review', 'subject', 'cyc', 'author') $$,
	'protect: no audience column');
SELECT lives_ok($$ SELECT orgacl.protect('"Perf Data".parted', 'review', 'subject', 'cyc', 'author', 'aud') $$,
	'protect: a partitioned table');
RESET ROLE;
ANALYZE "Perf Data"."Reviews", "Perf Data"."Feedback", "Perf Data".private_fb, "Perf Data".survey,
	"Perf Data".review_lite, "Perf Data".parted;

SELECT results_eq(
	$$ SELECT c.relname::text COLLATE "default", c.relrowsecurity, c.relforcerowsecurity,
			  (SELECT array_agg(p.polname::text || ':' || p.polcmd::text ORDER BY p.polname) FROM pg_policy p WHERE p.polrelid = c.oid) COLLATE "default"
	   FROM pg_class c WHERE c.relnamespace = '"Perf Data"'::regnamespace AND c.relkind IN ('r', 'p')
		 AND NOT c.relispartition ORDER BY 1 $$,
	$$ SELECT n, true, true, '{orgacl_create:a,orgacl_delete:d,orgacl_edit:w,orgacl_view:r}'::text[]
	   FROM unnest('{Feedback,Reviews,parted,private_fb,review_lite,survey}'::text[]) n ORDER BY 1 $$,
	'protect: RLS enabled and forced, four policies (SELECT, INSERT, UPDATE, DELETE) on each table');
SELECT results_eq(
	$$ SELECT policyname::text COLLATE "default", permissive, roles::text[] COLLATE "default", cmd, qual IS NOT NULL, with_check IS NOT NULL
	   FROM pg_policies WHERE schemaname = 'Perf Data' AND tablename = 'Reviews' ORDER BY 1 $$,
	$$ VALUES ('orgacl_create', 'PERMISSIVE', '{public}'::text[], 'INSERT', false, true),
			  ('orgacl_delete', 'PERMISSIVE', '{public}', 'DELETE', true, false),
			  ('orgacl_edit', 'PERMISSIVE', '{public}', 'UPDATE', true, true),
			  ('orgacl_view', 'PERMISSIVE', '{public}', 'SELECT', true, false) $$,
	'protect: permissive policies for PUBLIC; USING for SELECT/UPDATE/DELETE, WITH CHECK for INSERT/UPDATE');
SELECT results_eq(
	$$ SELECT tbl::text, kind, subject_col::text COLLATE "default", cycle_col::text COLLATE "default", author_col::text COLLATE "default",
			  audience_col::text COLLATE "default", shared_col::text COLLATE "default", rls_was, force_was
	   FROM orgacl.protected_table WHERE tbl::text LIKE '"Perf Data".%' ORDER BY 1 $$,
	$$ VALUES ('"Perf Data"."Feedback"', 'feedback_360', 'user', 'round', 'giver', 'Visible To', 'cc', false, false),
			  ('"Perf Data"."Reviews"', 'review', 'Subject Id', 'CycleRef', 'WrittenBy', 'Aud', 'SharedWith', false, false),
			  ('"Perf Data".parted', 'review', 'subject', 'cyc', 'author', 'aud', NULL, false, false),
			  ('"Perf Data".private_fb', 'private_feedback', 'recipient', NULL, 'sender', 'vis', NULL, false, false),
			  ('"Perf Data".review_lite', 'review', 'subject', 'cyc', 'author', NULL, NULL, false, false),
			  ('"Perf Data".survey', 'survey_response', 'respondent', 'survey', NULL, NULL, NULL, false, false) $$,
	'protect: orgacl.protected_table records each table, its columns and its settings before');

---------------------------------------------------------------------------
-- 2. the expected answers can fail: they are not trivial
---------------------------------------------------------------------------

SELECT is((SELECT count(*) FROM "Perf Data"."Reviews"), 2016::bigint, 'the review table holds 2016 rows');
SELECT ok((SELECT bool_and(cardinality(ids) > 0) FROM expect
		   WHERE act = 'view' AND v IN (SELECT id FROM orgacl.person WHERE active)),
	'every active viewer may read some rows of every table');
SELECT ok((SELECT bool_and(cardinality(ids) = 0) FROM expect WHERE v IS NULL OR v IN (15, 999)),
	'no viewer, a deactivated viewer and an unknown viewer may do nothing');
SELECT ok((SELECT bool_and(n >= 6) FROM (SELECT count(DISTINCT ids) AS n FROM expect WHERE act = 'view' GROUP BY tbl) s),
	'viewers read different sets of rows (at least 6 distinct sets per table)');
SELECT ok((SELECT bool_and(cardinality(e.ids) < (SELECT count(*) FROM "Perf Data"."Reviews") * 2 / 3)
		   FROM expect e WHERE e.tbl = 'Reviews' AND e.act = 'view'),
	'nobody, the CEO included, reads more than two thirds of the review table');
SELECT ok((SELECT count(*) FROM expect e
		   JOIN expect f ON f.tbl = e.tbl AND f.v IS NOT DISTINCT FROM e.v AND f.act = 'edit+view'
		   WHERE e.act = 'edit' AND e.ids <> f.ids AND e.tbl = 'Reviews') >= 3,
	'for several viewers the rows they may edit differ from those they may edit and read');
SELECT ok((SELECT count(*) FROM expect e
		   JOIN expect f ON f.tbl = e.tbl AND f.v IS NOT DISTINCT FROM e.v AND f.act = 'delete+view'
		   WHERE e.act = 'delete' AND e.ids <> f.ids AND e.tbl = 'Reviews') >= 1,
	'for some viewer the rows they may delete differ from those they may delete and read');

---------------------------------------------------------------------------
-- 3. SELECT: RLS shows exactly the rows can_view() allows
---------------------------------------------------------------------------

-- sequential scans
SET LOCAL enable_indexscan = off;
SET LOCAL enable_bitmapscan = off;
SELECT is(pg_temp.seen(v.v, format('SELECT id FROM %s', t.rel)), pg_temp.expected(t.name, 'view', v.v),
		  format('SELECT, seq scan, %s, viewer %s: exactly the rows can_view() allows', t.name, coalesce(v.v::text, 'none')))
FROM pg_temp.tab t CROSS JOIN pg_temp.viewer v ORDER BY t.name, v.v NULLS LAST;
RESET enable_indexscan;
RESET enable_bitmapscan;

-- index scans where the planner can use them
SET LOCAL enable_seqscan = off;
SELECT matches(pg_temp.plan_of(10, 'SELECT id FROM "Perf Data".review_lite'),
	'Index Cond: \(subject = ANY \(orgacl\.subject_superset\(',
	'the planner support offers subject = ANY(subject_superset(...)) as an index condition');
SELECT matches(pg_temp.plan_of(10, 'SELECT id FROM "Perf Data".survey'),
	'Index Cond: \(survey = ANY \(orgacl\.owned_cycles\(',
	'the owner arm is read through the cycle index');
SELECT is(pg_temp.seen(v.v, format('SELECT id FROM %s', t.rel)), pg_temp.expected(t.name, 'view', v.v),
		  format('SELECT, index scan, %s, viewer %s: exactly the rows can_view() allows', t.name, coalesce(v.v::text, 'none')))
FROM pg_temp.tab t CROSS JOIN pg_temp.viewer v ORDER BY t.name, v.v NULLS LAST;

-- one generic plan, made for no viewer, run for every viewer
SET LOCAL plan_cache_mode = force_generic_plan;
SET LOCAL ROLE rls_t_app;
PREPARE rls_t_lite AS SELECT id FROM "Perf Data".review_lite;
PREPARE rls_t_survey AS SELECT id FROM "Perf Data".survey;
PREPARE rls_t_reviews AS SELECT id FROM "Perf Data"."Reviews";
RESET ROLE;
-- the first execution makes the generic plan, here for no viewer
SELECT is(pg_temp.seen(NULL, 'EXECUTE rls_t_lite'), '{}'::bigint[], 'generic plan: no viewer, no rows');
SELECT matches(pg_temp.plan_of(4, 'EXECUTE rls_t_lite'), 'subject_superset',
	'the generic plan, run for an HR admin, keeps the subject_superset() index condition');
SELECT is(pg_temp.seen(v.v, format('EXECUTE %s', p.stmt)), pg_temp.expected(p.name, 'view', v.v),
		  format('SELECT, generic plan, %s, viewer %s: exactly the rows can_view() allows', p.name, coalesce(v.v::text, 'none')))
FROM (VALUES ('review_lite', 'rls_t_lite'), ('survey', 'rls_t_survey'), ('Reviews', 'rls_t_reviews')) p(name, stmt)
CROSS JOIN pg_temp.viewer v ORDER BY p.name, v.v NULLS LAST;
RESET enable_seqscan;

-- parallel workers: the viewer (a setting) and the directory reach them
RESET plan_cache_mode;
SET LOCAL enable_indexscan = off;
SET LOCAL enable_bitmapscan = off;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_leader_participation = off;
SELECT matches(pg_temp.plan_of(6, 'SELECT id FROM "Perf Data"."Reviews"'), 'Gather.*Parallel Seq Scan on "Reviews"',
	'the policies are parallel safe: a parallel plan scans the protected table in workers');
SELECT is(pg_temp.seen_parallel(v.v, format('SELECT id FROM %s', t.rel)), pg_temp.expected(t.name, 'view', v.v),
		  format('SELECT, parallel, %s, viewer %s: exactly the rows can_view() allows', t.name, coalesce(v.v::text, 'none')))
FROM pg_temp.tab t CROSS JOIN pg_temp.viewer v WHERE t.name IN ('Reviews', 'parted')
ORDER BY t.name, v.v NULLS LAST;
RESET enable_indexscan;
RESET enable_bitmapscan;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;

-- a few decisions spelt out, so a wrong oracle would show
SELECT is(cardinality(pg_temp.seen(6, $$ SELECT id FROM "Perf Data"."Reviews"
		WHERE "Subject Id" = 10 AND "CycleRef" = 500 AND "Aud" IS NULL $$)), 0,
	'a manager does not read a report''s review in a cycle that hides it from managers');
SELECT is(cardinality(pg_temp.seen(6, $$ SELECT id FROM "Perf Data"."Reviews"
		WHERE "Subject Id" = 10 AND "CycleRef" = 502 AND "Aud" IS NULL $$)), 2,
	'... and reads it in a cycle without an audience (the kind''s default: managers)');
SELECT is(cardinality(pg_temp.seen(5, $$ SELECT id FROM "Perf Data"."Reviews"
		WHERE "Subject Id" = 14 AND "CycleRef" = 501 AND "Aud" IS NULL $$)), 2,
	'the owner of a cycle with owner in its audience reads its reviews');
SELECT is(cardinality(pg_temp.seen(4, $$ SELECT id FROM "Perf Data"."Reviews"
		WHERE "Subject Id" = 2 AND "CycleRef" IS NULL AND "Aud" IS NULL $$)), 0,
	'an HR admin does not read their own manager''s review (never up the chain)');
SELECT is(cardinality(pg_temp.seen(4, $$ SELECT id FROM "Perf Data"."Reviews"
		WHERE "Subject Id" = 12 AND "CycleRef" IS NULL AND "Aud" IS NULL $$)), 2,
	'an HR admin reads a review in another branch');
SELECT is(pg_temp.seen(16, $$ SELECT DISTINCT subject FROM "Perf Data".review_lite WHERE cyc IS NULL $$),
	'{8,9,10,11,16}'::bigint[], 'an HR admin scoped to team 900 reads default reviews of that team (and their own)');
SELECT is(pg_temp.seen(7, $$ SELECT DISTINCT subject FROM "Perf Data".review_lite WHERE cyc IS NULL $$),
	'{7,8,12,13}'::bigint[], 'an additional manager reads their additional report''s review');
SELECT is(pg_temp.seen(12, $$ SELECT DISTINCT recipient FROM "Perf Data".private_fb
		WHERE vis::text = '{team_lead}' $$), '{}'::bigint[],
	'private feedback is capped to {subject,author}: a team lead audience lets nobody in');
SELECT is(pg_temp.seen(12, $$ SELECT DISTINCT "Subject Id" FROM "Perf Data"."Reviews"
		WHERE "Aud"::text = '{team_lead}' AND "CycleRef" IS NULL $$), '{12,13}'::bigint[],
	'a team lead reads the team_lead rows of their team, themselves included');
SELECT is(cardinality(pg_temp.seen(3, $$ SELECT id FROM "Perf Data"."Reviews" WHERE "Aud"::text = '{}' $$)), 0,
	'an empty row audience lets nobody in');
SELECT is(pg_temp.seen(13, $$ SELECT DISTINCT "Subject Id" FROM "Perf Data"."Reviews"
		WHERE "Aud"::text = '{shared}' AND "SharedWith" = '{{1,2},{13,14}}' $$),
	(SELECT array_agg(DISTINCT subj ORDER BY subj) FROM variant_row
	 WHERE aud::text = '{shared}' AND shared = '{{1,2},{13,14}}' AND subj <= 16
	   AND (cyc IS NULL OR cyc BETWEEN 500 AND 502)),
	'a person named in a two-dimensional shared array reads the row');
SELECT is(pg_temp.seen(1, $$ SELECT id FROM "Perf Data"."Reviews" WHERE "CycleRef" IN (600, 9999) $$), '{}'::bigint[],
	'rows naming a cycle of another kind or an unknown cycle are refused to everybody');

---------------------------------------------------------------------------
-- 4. INSERT, UPDATE, DELETE: exactly what can() allows
---------------------------------------------------------------------------

-- a sample of viewers: HR admins (global, scoped), the HR assistant, the
-- CEO, managers (primary, additional), a team lead, an engineer, a
-- deactivated and an unknown person, and none
CREATE TEMP TABLE writer AS
SELECT v FROM unnest('{1,2,4,5,6,7,9,10,12,15,16,999,NULL}'::bigint[]) v;

-- INSERT succeeds iff can(viewer, 'create', ...): the kind's default for
-- create (a row's own audience neither narrows nor widens it), a cycle of
-- another kind or an unknown one refuses
SELECT pg_temp.inserts(w.v, t.t) FROM writer w CROSS JOIN unnest('{Reviews,Feedback,review_lite}'::text[]) t(t);
SELECT is((SELECT coalesce(array_agg(r.k ORDER BY r.k), '{}') FROM insert_result r
		   WHERE r.tbl = t.t AND r.v IS NOT DISTINCT FROM w.v AND r.state IS NULL),
		  pg_temp.may_create(w.v, t.t),
		  format('INSERT, %s, viewer %s: succeeds exactly where can(create) allows', t.t, coalesce(w.v::text, 'none')))
FROM writer w CROSS JOIN unnest('{Reviews,Feedback,review_lite}'::text[]) t(t)
ORDER BY t.t, w.v NULLS LAST;
SELECT is((SELECT count(*) FROM insert_result), (SELECT count(*) * 3 * 13 FROM cand),
	'INSERT: every candidate was tried');
SELECT results_eq(
	$$ SELECT DISTINCT tbl, state, msg FROM insert_result WHERE state IS NOT NULL ORDER BY 1 $$,
	$$ VALUES ('Feedback', '42501', 'new row violates row-level security policy for table "Feedback"'),
			  ('Reviews', '42501', 'new row violates row-level security policy for table "Reviews"'),
			  ('review_lite', '42501', 'new row violates row-level security policy for table "review_lite"') $$,
	'INSERT: every refusal is 42501 "new row violates row-level security policy"');
SELECT ok((SELECT count(DISTINCT pg_temp.may_create(w.v, 'Reviews')) FROM writer w) >= 5
		  AND (SELECT count(*) FROM insert_result WHERE state IS NULL) > 100
		  AND (SELECT count(*) FROM insert_result WHERE state IS NOT NULL) > 100,
	'INSERT: viewers differ, many inserts succeed and many are refused');

-- UPDATE without reading a column applies the UPDATE policy (edit); one
-- that reads columns (SET col = col, WHERE) applies the SELECT policy too
SELECT is(pg_temp.writes(w.v, s.stmt), pg_temp.expected(s.tbl, s.act, w.v),
		  format('%s, viewer %s: exactly the rows can(%s) allows', s.label, coalesce(w.v::text, 'none'), s.act))
FROM (VALUES
	(1, 'Reviews', 'edit', 'UPDATE "Perf Data"."Reviews" SET body = ''edited''', 'UPDATE Reviews SET body = const'),
	(2, 'Reviews', 'edit+view', 'UPDATE "Perf Data"."Reviews" SET body = body || ''!''', 'UPDATE Reviews SET body = body'),
	(3, 'Reviews', 'edit+view', 'UPDATE "Perf Data"."Reviews" SET body = ''x'' WHERE id > 0', 'UPDATE Reviews ... WHERE id > 0'),
	(4, 'Reviews', 'delete', 'DELETE FROM "Perf Data"."Reviews"', 'DELETE FROM Reviews'),
	(5, 'Reviews', 'delete+view', 'DELETE FROM "Perf Data"."Reviews" WHERE body IS NOT NULL', 'DELETE FROM Reviews WHERE body ...'),
	(6, 'Feedback', 'edit', 'UPDATE "Perf Data"."Feedback" SET body = ''edited''', 'UPDATE Feedback SET body = const'),
	(7, 'Feedback', 'edit+view', 'UPDATE "Perf Data"."Feedback" SET body = body', 'UPDATE Feedback SET body = body'),
	(8, 'Feedback', 'delete', 'DELETE FROM "Perf Data"."Feedback"', 'DELETE FROM Feedback'),
	(9, 'Feedback', 'delete+view', 'DELETE FROM "Perf Data"."Feedback" WHERE id > 0', 'DELETE FROM Feedback WHERE id > 0'),
	(10, 'private_fb', 'edit', 'UPDATE "Perf Data".private_fb SET body = ''edited''', 'UPDATE private_fb'),
	(11, 'private_fb', 'delete', 'DELETE FROM "Perf Data".private_fb', 'DELETE FROM private_fb'),
	(12, 'review_lite', 'edit', 'UPDATE "Perf Data".review_lite SET body = ''edited''', 'UPDATE review_lite'),
	(13, 'review_lite', 'delete+view', 'DELETE FROM "Perf Data".review_lite WHERE subject > 0', 'DELETE FROM review_lite WHERE subject > 0'),
	(14, 'survey', 'edit', 'UPDATE "Perf Data".survey SET body = ''edited''', 'UPDATE survey (owner may edit)'),
	(15, 'survey', 'delete', 'DELETE FROM "Perf Data".survey', 'DELETE FROM survey')
	) s(n, tbl, act, stmt, label)
CROSS JOIN writer w ORDER BY s.n, w.v NULLS LAST;
SELECT is((SELECT count(*) FROM touched), 0::bigint, 'the write checks left nothing behind (rolled back)');

-- an INSERT the create policy admits, but whose new row the viewer may not
-- read, fails with RETURNING (the SELECT policy checks the new row)
SET LOCAL orgacl.viewer = '9';
SET LOCAL ROLE rls_t_app;
SELECT throws_ok($$ INSERT INTO "Perf Data"."Reviews" ("Subject Id", "WrittenBy", "Aud") VALUES (10, 9, '{}') RETURNING id $$,
	'42501', 'new row violates row-level security policy for table "Reviews"',
	'INSERT ... RETURNING of a row the writer may create but not read is refused');
SELECT lives_ok($$ INSERT INTO "Perf Data"."Reviews" ("Subject Id", "WrittenBy", "Aud", body) VALUES (10, 9, '{}', 'blind') $$,
	'... and succeeds without RETURNING');
SELECT is((SELECT count(*) FROM "Perf Data"."Reviews" WHERE body = 'blind'), 0::bigint,
	'... after which the writer does not see the row');
RESET ROLE;
SELECT is((SELECT count(*) FROM "Perf Data"."Reviews" WHERE body = 'blind'), 1::bigint, '... which exists');
DELETE FROM "Perf Data"."Reviews" WHERE body = 'blind';
DELETE FROM pg_temp.touched;

-- an UPDATE that would move a row out of what the viewer may edit fails
-- the edit policy's WITH CHECK
SET LOCAL orgacl.viewer = '4';
SET LOCAL ROLE rls_t_app;
SELECT throws_ok($$ UPDATE "Perf Data"."Reviews" SET "Subject Id" = 2
		WHERE "Subject Id" = 12 AND "CycleRef" IS NULL AND "Aud" IS NULL $$,
	'42501', 'new row violates row-level security policy for table "Reviews"',
	'UPDATE moving a review to the HR admin''s own manager (never up the chain) is refused');
SELECT throws_ok($$ UPDATE "Perf Data"."Reviews" SET "CycleRef" = 600
		WHERE "Subject Id" = 12 AND "CycleRef" IS NULL AND "Aud" IS NULL $$,
	'42501', 'new row violates row-level security policy for table "Reviews"',
	'UPDATE moving a review into a cycle of another kind is refused');
RESET ROLE;
SELECT is(pg_temp.seen(4, $$ SELECT count(*) FROM "Perf Data"."Reviews"
		WHERE "Subject Id" = 12 AND "CycleRef" IS NULL AND "Aud" IS NULL $$), '{2}'::bigint[],
	'... and changed nothing');
SET LOCAL orgacl.viewer = '4';
SET LOCAL ROLE rls_t_app;
SELECT lives_ok($$ UPDATE "Perf Data"."Reviews" SET "Subject Id" = 13, body = 'moved'
		WHERE "Subject Id" = 12 AND "CycleRef" IS NULL AND "Aud" IS NULL $$,
	'UPDATE moving a review to another subject the HR admin may edit succeeds');
RESET ROLE;
SELECT is((SELECT count(*) FROM "Perf Data"."Reviews" WHERE body = 'moved' AND "Subject Id" = 13), 2::bigint,
	'... and moved both rows');
UPDATE "Perf Data"."Reviews" SET "Subject Id" = 12, body = 'text' WHERE body = 'moved';
DELETE FROM pg_temp.touched;
RESET orgacl.viewer;

---------------------------------------------------------------------------
-- 5. analysts: a login mapped to a person sees exactly that person's rows
---------------------------------------------------------------------------

SELECT orgacl.map_login(NULL, 'rls_t_analyst', 6);
GRANT rls_t_team TO rls_t_analyst;		-- a role the analyst may SET ROLE to
GRANT rls_t_analyst TO rls_t_other;		-- and one the unmapped login may
-- a security_invoker view owned by the superuser, and a plain view owned by
-- the (non-superuser) table owner, to which FORCE applies
CREATE VIEW "Perf Data".reviews_invoker WITH (security_invoker) AS
	SELECT id, "Subject Id" FROM "Perf Data"."Reviews";
SET LOCAL ROLE rls_t_owner;
CREATE VIEW "Perf Data".reviews_by_owner AS SELECT id, "Subject Id" FROM "Perf Data"."Reviews";
GRANT SELECT ON "Perf Data".reviews_by_owner TO rls_t_analyst, rls_t_other;
RESET ROLE;
GRANT SELECT ON "Perf Data".reviews_invoker TO rls_t_analyst, rls_t_other;
CREATE TEMP TABLE analyst_seen (what text, ids bigint[]);
GRANT INSERT ON pg_temp.analyst_seen TO PUBLIC;

SET SESSION AUTHORIZATION rls_t_analyst;
SELECT is(orgacl.current_viewer(), 6::bigint, 'analyst: current_viewer() is the person mapped to the login');
SELECT is(ARRAY(SELECT id FROM "Perf Data"."Reviews" ORDER BY id), pg_temp.expected('Reviews', 'view', 6),
	'analyst: a plain query returns exactly the rows can_view() allows the mapped person');
SELECT is(ARRAY(SELECT id FROM "Perf Data".review_lite ORDER BY id), pg_temp.expected('review_lite', 'view', 6),
	'analyst: the same on another table');
SELECT is(ARRAY(SELECT id FROM "Perf Data".reviews_invoker ORDER BY id), pg_temp.expected('Reviews', 'view', 6),
	'analyst: a security_invoker view (owned by a superuser) filters by the analyst');
SELECT is(ARRAY(SELECT id FROM "Perf Data".reviews_by_owner ORDER BY id), pg_temp.expected('Reviews', 'view', 6),
	'analyst: a view owned by the non-superuser table owner filters by the analyst too (FORCE; viewer from session_user)');
SELECT is(ARRAY(WITH r AS (SELECT * FROM "Perf Data"."Reviews") SELECT id FROM r ORDER BY id),
	pg_temp.expected('Reviews', 'view', 6), 'analyst: a CTE');
SELECT is(ARRAY(WITH r AS MATERIALIZED (SELECT * FROM "Perf Data"."Reviews" WHERE body IS NOT NULL)
		SELECT id FROM r WHERE id IN (SELECT id FROM "Perf Data"."Reviews") ORDER BY id),
	pg_temp.expected('Reviews', 'view', 6), 'analyst: a materialized CTE and a subquery');
SELECT is(ARRAY(SELECT r.id FROM "Perf Data"."Reviews" r
		JOIN generate_series(1, 20) p(id) ON p.id = r."Subject Id" ORDER BY r.id),
	pg_temp.expected('Reviews', 'view', 6), 'analyst: a join');
SELECT is(ARRAY(SELECT r.id FROM "Perf Data"."Reviews" r
		JOIN "Perf Data".review_lite l ON l.id = r.id ORDER BY r.id),
	ARRAY(SELECT x FROM unnest(pg_temp.expected('Reviews', 'view', 6)) x
		  WHERE x = ANY (pg_temp.expected('review_lite', 'view', 6)) ORDER BY x),
	'analyst: a join of two protected tables (each filtered)');
SELECT is((SELECT count(*) FROM "Perf Data"."Reviews"), cardinality(pg_temp.expected('Reviews', 'view', 6))::bigint,
	'analyst: count(*) counts only the visible rows');
SELECT is((SELECT count(*) FROM "Perf Data"."Reviews" WHERE "Subject Id" = 1 AND "Aud" IS NULL), 0::bigint,
	'analyst: filtering on their skip-level manager''s reviews (no row audience) finds nothing');
-- a user function in WHERE that is not leakproof runs after the policy
CREATE FUNCTION pg_temp.peek(x bigint) RETURNS boolean LANGUAGE plpgsql COST 0.0001 AS $$
BEGIN
	INSERT INTO pg_temp.analyst_seen VALUES ('peek', ARRAY[x]);
	RETURN true;
END
$$;
SELECT is((SELECT count(*) FROM "Perf Data"."Reviews" WHERE pg_temp.peek(id)),
	cardinality(pg_temp.expected('Reviews', 'view', 6))::bigint, 'analyst: a cheap leaky function in WHERE ...');
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL parallel_leader_participation = off;
CREATE TEMP TABLE analyst_parallel AS SELECT id FROM "Perf Data"."Reviews";
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;
SELECT is(ARRAY(SELECT id FROM analyst_parallel ORDER BY id), pg_temp.expected('Reviews', 'view', 6),
	'analyst: a parallel plan (the login''s mapping in the workers) returns the same rows');
SELECT throws_ok($$ SET orgacl.viewer = '1' $$, '42501', NULL,
	'analyst: may not set orgacl.viewer (see as someone else)');
SET ROLE rls_t_team;
SELECT is(orgacl.current_viewer(), 6::bigint, 'analyst after SET ROLE: still the mapped person (session_user)');
SELECT is(ARRAY(SELECT id FROM "Perf Data"."Reviews" ORDER BY id), pg_temp.expected('Reviews', 'view', 6),
	'analyst after SET ROLE: still exactly the mapped person''s rows');
RESET ROLE;
RESET SESSION AUTHORIZATION;
SELECT is((SELECT array_agg(ids[1] ORDER BY ids[1]) FROM analyst_seen WHERE what = 'peek'),
	pg_temp.expected('Reviews', 'view', 6), '... saw only the visible rows');

-- an unmapped login sees nothing, whatever role it sets
SET SESSION AUTHORIZATION rls_t_other;
SELECT is(orgacl.current_viewer(), NULL::bigint, 'unmapped login: no viewer');
SELECT is((SELECT count(*) FROM "Perf Data"."Reviews"), 0::bigint, 'unmapped login: sees no row');
SET ROLE rls_t_analyst;
SELECT is((SELECT count(*) FROM "Perf Data"."Reviews"), 0::bigint,
	'unmapped login after SET ROLE to a mapped login: still sees no row (fail-closed)');
RESET ROLE;
RESET SESSION AUTHORIZATION;

-- the mapping is read per statement: remapping in the same transaction
SELECT orgacl.map_login(NULL, 'rls_t_analyst', 9);
SET SESSION AUTHORIZATION rls_t_analyst;
SELECT is(ARRAY(SELECT id FROM "Perf Data"."Reviews" ORDER BY id), pg_temp.expected('Reviews', 'view', 9),
	'analyst remapped to person 9: sees exactly 9''s rows at once');
RESET SESSION AUTHORIZATION;
SELECT orgacl.map_login(NULL, 'rls_t_analyst', NULL);
SET SESSION AUTHORIZATION rls_t_analyst;
SELECT is((SELECT count(*) FROM "Perf Data"."Reviews"), 0::bigint, 'analyst unmapped: sees nothing at once');
RESET SESSION AUTHORIZATION;

---------------------------------------------------------------------------
-- 6. the pooled application role and the table owner
---------------------------------------------------------------------------

SET LOCAL ROLE rls_t_app;
SELECT is(orgacl.current_viewer(), NULL::bigint, 'application role without SET LOCAL orgacl.viewer: no viewer');
SELECT results_eq(
	$$ SELECT (SELECT count(*) FROM "Perf Data"."Reviews") + (SELECT count(*) FROM "Perf Data"."Feedback")
			+ (SELECT count(*) FROM "Perf Data".private_fb) + (SELECT count(*) FROM "Perf Data".survey)
			+ (SELECT count(*) FROM "Perf Data".review_lite) + (SELECT count(*) FROM "Perf Data".parted) $$,
	$$ VALUES (0::bigint) $$,
	'application role without a viewer: no row of any protected table');
SELECT throws_ok($$ SET LOCAL orgacl.viewer = '1' $$, '42501', NULL,
	'application role: may not set orgacl.viewer unless granted SET on it');
RESET ROLE;
GRANT SET ON PARAMETER orgacl.viewer TO rls_t_app;
SET LOCAL ROLE rls_t_app;
SET LOCAL orgacl.viewer = '7';
SELECT is(ARRAY(SELECT id FROM "Perf Data"."Reviews" ORDER BY id), pg_temp.expected('Reviews', 'view', 7),
	'application role granted SET ON PARAMETER orgacl.viewer: SET LOCAL orgacl.viewer = ''7'' shows 7''s rows');
SET LOCAL orgacl.viewer = '';
SELECT is((SELECT count(*) FROM "Perf Data"."Reviews"), 0::bigint, 'an empty orgacl.viewer means no viewer again');
RESET ROLE;
REVOKE SET ON PARAMETER orgacl.viewer FROM rls_t_app;

-- the owner of the tables is filtered too (FORCE ROW LEVEL SECURITY)
SELECT is(pg_temp.seen(NULL, 'SELECT id FROM "Perf Data"."Reviews"', 'rls_t_owner'), '{}'::bigint[],
	'table owner without a viewer: no row');
SELECT is(pg_temp.seen(v, 'SELECT id FROM "Perf Data"."Reviews"', 'rls_t_owner'), pg_temp.expected('Reviews', 'view', v),
	format('table owner as viewer %s: exactly the rows can_view() allows', v))
FROM unnest('{2,6,10}'::bigint[]) v;
SELECT is(pg_temp.seen(NULL, 'SELECT id FROM "Perf Data".parted_low', 'rls_t_owner'),
	(SELECT array_agg(id ORDER BY id) FROM "Perf Data".parted_low),
	'a partition queried directly applies no policy (lint reports it)');

---------------------------------------------------------------------------
-- 7. a change to the directory is obeyed by the very next statement
--    (plain queries and the generic plans prepared above)
---------------------------------------------------------------------------

CREATE FUNCTION pg_temp.same_now(v bigint, label text) RETURNS SETOF text LANGUAGE sql AS $$
	SELECT is(pg_temp.seen(v, 'SELECT id FROM "Perf Data"."Reviews"'), pg_temp.allowed('Reviews', '{view}', v),
			  label || ': Reviews shows what can_view() now allows')
	UNION ALL
	SELECT is(pg_temp.seen(v, 'EXECUTE rls_t_lite'), pg_temp.allowed('review_lite', '{view}', v),
			  label || ': the cached generic plan of review_lite too')
	UNION ALL
	SELECT is(pg_temp.writes(v, 'UPDATE "Perf Data"."Reviews" SET body = ''edited'''),
			  pg_temp.allowed('Reviews', '{edit}', v), label || ': UPDATE follows can(edit) now')
$$;

SELECT orgacl.revoke_role(NULL, 4, 'hr_admin');
SELECT pg_temp.same_now(4, 'hr_admin revoked from 4');
SELECT ok(cardinality(pg_temp.allowed('Reviews', '{view}', 4)) < cardinality(pg_temp.expected('Reviews', 'view', 4)) / 2,
	'... and 4 now reads far fewer rows');

SELECT orgacl.deactivate(NULL, 10);
SELECT is(pg_temp.seen(10, 'SELECT id FROM "Perf Data"."Reviews"'), '{}'::bigint[], '10 deactivated: sees nothing at once');
SELECT is(pg_temp.seen(10, 'EXECUTE rls_t_lite'), '{}'::bigint[], '... through the cached generic plan either');
SELECT is(pg_temp.seen(9, 'SELECT id FROM "Perf Data"."Reviews"'), pg_temp.expected('Reviews', 'view', 9),
	'... while 10''s manager still reads 10''s rows (deactivation matters for the viewer only)');
SELECT orgacl.reactivate(NULL, 10);
SELECT is(pg_temp.seen(10, 'SELECT id FROM "Perf Data"."Reviews"'), pg_temp.expected('Reviews', 'view', 10),
	'10 reactivated: sees the same rows as before');

SELECT orgacl.set_manager(NULL, 12, 9);
SELECT pg_temp.same_now(9, '12 moved under 9: 9');
SELECT pg_temp.same_now(7, '12 moved under 9: 7');
SELECT is(pg_temp.seen(9, 'SELECT DISTINCT subject FROM "Perf Data".review_lite WHERE cyc IS NULL'),
	'{9,10,11,12}'::bigint[], '... 9 now reads 12''s reviews');
SELECT is(pg_temp.seen(7, 'SELECT DISTINCT subject FROM "Perf Data".review_lite WHERE cyc IS NULL'),
	'{7,8,13}'::bigint[], '... and 7 no longer does');

SELECT orgacl.set_cycle_audience(NULL, 500, '{subject,managers,hr}');
SELECT pg_temp.same_now(6, 'cycle 500 opened to managers: 6');
SELECT is(cardinality(pg_temp.seen(6, $$ SELECT id FROM "Perf Data"."Reviews"
		WHERE "Subject Id" = 10 AND "CycleRef" = 500 AND "Aud" IS NULL $$)), 2,
	'... 6 now reads 10''s review in cycle 500');

SELECT orgacl.grant_role(NULL, 10, 'hr_admin');
SELECT orgacl.add_manager(NULL, 14, 13);
SELECT orgacl.grant_role(NULL, 13, 'hr_admin');
SELECT orgacl.set_lead(NULL, 900, 10);
SELECT pg_temp.same_now(10, 'hr_admin granted to 10, 10 made a lead of team 900: 10');
SELECT pg_temp.same_now(13, '13 made an HR admin and an additional manager of 14: 13');
SELECT is(pg_temp.seen(13, $$ SELECT id FROM "Perf Data"."Reviews" WHERE "Subject Id" = 14 AND "Aud"::text = '{hr}' $$),
	'{}'::bigint[], '... 13 does not read rows about 14 whose audience is {hr} (4a: an additional manager is personally related)');
SELECT ok(cardinality(pg_temp.allowed('Reviews', '{view}', 10)) > 2 * cardinality(pg_temp.expected('Reviews', 'view', 10))
		  AND cardinality(pg_temp.allowed('Reviews', '{view}', 13)) > cardinality(pg_temp.expected('Reviews', 'view', 13)),
	'... both now read more rows');

---------------------------------------------------------------------------
-- 8. protect()'s errors
---------------------------------------------------------------------------

SET LOCAL ROLE rls_t_owner;
CREATE VIEW "Perf Data".a_view AS SELECT 1::bigint AS subject;
CREATE SEQUENCE "Perf Data".a_seq;
CREATE MATERIALIZED VIEW "Perf Data".a_matview AS SELECT 1::bigint AS subject;
CREATE TABLE "Perf Data".wrong (id int, subj_int int, subj bigint, author_text text, aud_text text[],
	shared_int int[], cyc numeric, "Mixed" bigint);
RESET ROLE;

SET LOCAL ROLE rls_t_owner;
SELECT throws_ok($$ SELECT orgacl.protect('"Perf Data".a_view', 'review', 'subject') $$, '42809', NULL,
	'protect: a view is not a table (42809)');
SELECT throws_ok($$ SELECT orgacl.protect('"Perf Data".a_seq', 'review', 'last_value') $$, '42809', NULL,
	'protect: a sequence is not a table (42809)');
SELECT throws_ok($$ SELECT orgacl.protect('"Perf Data".a_matview', 'review', 'subject') $$, '42809', NULL,
	'protect: a materialized view is not a table (42809)');
SELECT throws_ok($$ SELECT orgacl.protect('"Perf Data".wrong', 'appraisal', 'subj') $$, '22023', NULL,
	'protect: an unknown kind (22023)');
SELECT throws_ok($$ SELECT orgacl.protect('"Perf Data".wrong', 'review', NULL) $$, '22004', NULL,
	'protect: a NULL subject column (22004)');
SELECT throws_ok($$ SELECT orgacl.protect('"Perf Data".wrong', NULL, 'subj') $$, '22004', NULL,
	'protect: a NULL kind (22004)');
SELECT throws_ok($$ SELECT orgacl.protect(NULL, 'review', 'subj') $$, '22004', NULL,
	'protect: a NULL table (22004)');
SELECT throws_ok($$ SELECT orgacl.protect('"Perf Data".wrong', 'review', 'subject') $$, '42703', NULL,
	'protect: a subject column the table lacks (42703)');
SELECT throws_ok($$ SELECT orgacl.protect('"Perf Data".wrong', 'review', 'mixed') $$, '42703', NULL,
	'protect: column names are exact ("Mixed" is not mixed) (42703)');
SELECT throws_ok($$ SELECT orgacl.protect('"Perf Data".wrong', 'review', 'subj', author_col => 'nobody') $$, '42703', NULL,
	'protect: an author column the table lacks (42703)');
SELECT throws_ok($$ SELECT orgacl.protect('"Perf Data".wrong', 'review', 'subj_int') $$, '42804', NULL,
	'protect: an int4 subject column (42804)');
SELECT throws_ok($$ SELECT orgacl.protect('"Perf Data".wrong', 'review', 'subj', author_col => 'author_text') $$, '42804', NULL,
	'protect: a text author column (42804)');
SELECT throws_ok($$ SELECT orgacl.protect('"Perf Data".wrong', 'review', 'subj', cycle_col => 'cyc') $$, '42804', NULL,
	'protect: a numeric cycle column (42804)');
SELECT throws_ok($$ SELECT orgacl.protect('"Perf Data".wrong', 'review', 'subj', audience_col => 'aud_text') $$, '42804', NULL,
	'protect: a text[] audience column (42804)');
SELECT throws_ok($$ SELECT orgacl.protect('"Perf Data".wrong', 'review', 'subj', shared_col => 'shared_int') $$, '42804', NULL,
	'protect: an int4[] shared column (42804)');
SELECT throws_ok($$ SELECT orgacl.protect('"Perf Data".no_such_table', 'review', 'subj') $$, '42P01', NULL,
	'protect: an unknown table (42P01)');
RESET ROLE;
SET LOCAL ROLE rls_t_app;
SELECT throws_ok($$ SELECT orgacl.protect('"Perf Data".wrong', 'review', 'subj') $$, '42501', NULL,
	'protect: by a role that does not own the table (42501)');
SELECT throws_ok($$ SELECT orgacl.unprotect('"Perf Data"."Reviews"') $$, '42501', NULL,
	'unprotect: by a role that does not own the table (42501)');
RESET ROLE;
SELECT results_eq(
	$$ SELECT c.relrowsecurity, c.relforcerowsecurity,
			  (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid),
			  (SELECT count(*) FROM orgacl.protected_table t WHERE t.tbl = c.oid)
	   FROM pg_class c WHERE c.oid = '"Perf Data".wrong'::regclass $$,
	$$ VALUES (false, false, 0::bigint, 0::bigint) $$,
	'a refused protect() leaves the table untouched');
-- a member of the owning role may protect it
GRANT rls_t_owner TO rls_t_team;
SET LOCAL ROLE rls_t_team;
SELECT lives_ok($$ SELECT orgacl.protect('"Perf Data".wrong', 'review', 'subj', author_col => 'Mixed') $$,
	'protect: by a member of the owning role');
RESET ROLE;
SELECT is((SELECT author_col::text FROM orgacl.protected_table WHERE tbl = '"Perf Data".wrong'::regclass), 'Mixed',
	'... which records the column name as given');

---------------------------------------------------------------------------
-- 9. protect() is idempotent and replaces; unprotect() restores exactly
---------------------------------------------------------------------------

SET LOCAL ROLE rls_t_owner;
CREATE TABLE "Perf Data"."Idem" (id bigint PRIMARY KEY, "Subject Id" bigint, "CycleRef" bigint, "WrittenBy" bigint);
INSERT INTO "Perf Data"."Idem" VALUES (1, 1, NULL, 11), (2, 11, NULL, NULL), (3, 12, NULL, NULL);
-- RLS enabled (not forced) with policies of its own
CREATE TABLE "Perf Data".had_rls (id bigint, subject bigint, body text);
ALTER TABLE "Perf Data".had_rls ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON "Perf Data".had_rls FOR SELECT TO rls_t_app USING (body <> 'hidden');
CREATE POLICY narrow ON "Perf Data".had_rls AS RESTRICTIVE FOR ALL USING (id > 0) WITH CHECK (id > 0);
-- RLS enabled and forced
CREATE TABLE "Perf Data".had_both (id bigint, subject bigint);
ALTER TABLE "Perf Data".had_both ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
-- FORCE without RLS enabled
CREATE TABLE "Perf Data".had_force (id bigint, subject bigint);
ALTER TABLE "Perf Data".had_force FORCE ROW LEVEL SECURITY;
GRANT SELECT ON "Perf Data"."Idem" TO rls_t_app;
RESET ROLE;

CREATE TEMP TABLE policy_snapshot AS
SELECT tablename::text COLLATE "default" AS tablename, policyname::text COLLATE "default" AS policyname, permissive,
	roles::text[] COLLATE "default" AS roles, cmd, qual, with_check
FROM pg_policies WHERE false;
CREATE FUNCTION pg_temp.policies_of(t text) RETURNS SETOF pg_temp.policy_snapshot LANGUAGE sql AS $$
	SELECT tablename::text, policyname::text, permissive, roles::text[], cmd, qual, with_check
	FROM pg_policies WHERE schemaname = 'Perf Data' AND tablename = t ORDER BY policyname
$$;
CREATE FUNCTION pg_temp.rls_flags(t regclass) RETURNS text LANGUAGE sql AS $$
	SELECT format('enabled=%s forced=%s', relrowsecurity::text, relforcerowsecurity::text) FROM pg_class WHERE oid = t
$$;
INSERT INTO policy_snapshot SELECT * FROM pg_temp.policies_of('had_rls');

SET LOCAL ROLE rls_t_owner;
SELECT orgacl.protect('"Perf Data"."Idem"', 'feedback_360', 'Subject Id', 'CycleRef', 'WrittenBy');
RESET ROLE;
INSERT INTO policy_snapshot SELECT * FROM pg_temp.policies_of('Idem');
CREATE TEMP TABLE record_snapshot AS SELECT * FROM orgacl.protected_table WHERE tbl = '"Perf Data"."Idem"'::regclass;
SELECT is(pg_temp.seen(11, 'SELECT id FROM "Perf Data"."Idem"'), '{1,2}'::bigint[],
	'Idem protected as feedback_360 with an author column: 11 reads their own row and the one they wrote');
SET LOCAL ROLE rls_t_owner;
SELECT lives_ok($$ SELECT orgacl.protect('"Perf Data"."Idem"', 'feedback_360', 'Subject Id', 'CycleRef', 'WrittenBy') $$,
	'protect twice: no error');
RESET ROLE;
SELECT results_eq($$ SELECT * FROM pg_temp.policies_of('Idem') $$,
	$$ SELECT * FROM policy_snapshot WHERE tablename = 'Idem' ORDER BY policyname $$,
	'protect twice: the same four policies');
SELECT results_eq($$ SELECT * FROM orgacl.protected_table WHERE tbl = '"Perf Data"."Idem"'::regclass $$,
	$$ SELECT * FROM record_snapshot $$, 'protect twice: the same record');
SELECT is(pg_temp.rls_flags('"Perf Data"."Idem"'), 'enabled=true forced=true', 'protect twice: RLS enabled and forced');

SET LOCAL ROLE rls_t_owner;
SELECT lives_ok($$ SELECT orgacl.protect('"Perf Data"."Idem"', 'feedback_360', 'Subject Id') $$,
	'protect again with other columns');
RESET ROLE;
SELECT results_eq(
	$$ SELECT policyname, coalesce(qual, with_check) LIKE '%WrittenBy%', coalesce(qual, with_check) LIKE '%orgacl.sees_subject(%'
	   FROM pg_temp.policies_of('Idem') $$,
	$$ VALUES ('orgacl_create', false, true), ('orgacl_delete', false, true), ('orgacl_edit', false, true),
			  ('orgacl_view', false, true) $$,
	'protect with other columns: the four policies are replaced, without the author arm');
SELECT results_eq(
	$$ SELECT kind, subject_col::text COLLATE "default", cycle_col, author_col, rls_was, force_was
	   FROM orgacl.protected_table WHERE tbl = '"Perf Data"."Idem"'::regclass $$,
	$$ VALUES ('feedback_360', 'Subject Id', NULL::name, NULL::name, false, false) $$,
	'protect with other columns: the record has the new columns and still the settings before the first protect');
SELECT is(pg_temp.seen(11, 'SELECT id FROM "Perf Data"."Idem"'), '{2}'::bigint[],
	'protect with other columns: the author arm is gone (11 no longer reads the row they wrote)');

SET LOCAL ROLE rls_t_owner;
SELECT lives_ok($$ SELECT orgacl.unprotect('"Perf Data"."Idem"') $$, 'unprotect');
RESET ROLE;
SELECT is(pg_temp.rls_flags('"Perf Data"."Idem"'), 'enabled=false forced=false',
	'unprotect: a table that had neither RLS nor FORCE loses both (after three protects)');
SELECT is((SELECT count(*) FROM pg_policy WHERE polrelid = '"Perf Data"."Idem"'::regclass), 0::bigint,
	'unprotect: no policy left');
SELECT is((SELECT count(*) FROM orgacl.protected_table WHERE tbl = '"Perf Data"."Idem"'::regclass), 0::bigint,
	'unprotect: the record is gone');
SELECT is(pg_temp.seen(NULL, 'SELECT id FROM "Perf Data"."Idem"'), '{1,2,3}'::bigint[],
	'unprotect: every row readable again');
SET LOCAL ROLE rls_t_owner;
SELECT lives_ok($$ SELECT orgacl.unprotect('"Perf Data"."Idem"') $$, 'unprotect an unprotected table: a no-op');
RESET ROLE;
SELECT is(pg_temp.rls_flags('"Perf Data"."Idem"'), 'enabled=false forced=false', '... that changed nothing');

SET LOCAL ROLE rls_t_owner;
SELECT orgacl.protect(t, 'review', 'subject') FROM unnest('{"\"Perf Data\".had_rls","\"Perf Data\".had_both","\"Perf Data\".had_force"}'::regclass[]) t;
SELECT orgacl.protect('"Perf Data".had_rls', 'review', 'subject');
RESET ROLE;
SELECT is(pg_temp.rls_flags('"Perf Data".had_rls') || ' ' || pg_temp.rls_flags('"Perf Data".had_force'),
	'enabled=true forced=true enabled=true forced=true', 'protect enables and forces whatever was set before');
SELECT is((SELECT count(*) FROM pg_policy WHERE polrelid = '"Perf Data".had_rls'::regclass), 6::bigint,
	'protect keeps the table''s own policies beside its four');
SELECT results_eq(
	$$ SELECT tbl::text, rls_was, force_was FROM orgacl.protected_table
	   WHERE tbl::text LIKE '"Perf Data".had_%' ORDER BY 1 $$,
	$$ VALUES ('"Perf Data".had_both', true, true), ('"Perf Data".had_force', false, true),
			  ('"Perf Data".had_rls', true, false) $$,
	'protect records the settings before the first protect');
SET LOCAL ROLE rls_t_owner;
SELECT orgacl.unprotect(t) FROM unnest('{"\"Perf Data\".had_rls","\"Perf Data\".had_both","\"Perf Data\".had_force"}'::regclass[]) t;
RESET ROLE;
SELECT is(pg_temp.rls_flags('"Perf Data".had_rls'), 'enabled=true forced=false',
	'unprotect: RLS that was enabled stays enabled, FORCE that was off goes');
SELECT is(pg_temp.rls_flags('"Perf Data".had_both'), 'enabled=true forced=true',
	'unprotect: RLS and FORCE that were on stay on');
SELECT is(pg_temp.rls_flags('"Perf Data".had_force'), 'enabled=false forced=true',
	'unprotect: FORCE that was on stays on, RLS that was off goes');
SELECT results_eq($$ SELECT * FROM pg_temp.policies_of('had_rls') $$,
	$$ SELECT * FROM policy_snapshot WHERE tablename = 'had_rls' ORDER BY policyname $$,
	'unprotect: the table''s own policies survive unchanged');

-- the record of protected tables cannot be touched by others
SET LOCAL ROLE rls_t_owner;
SELECT orgacl.protect('"Perf Data".had_both', 'review', 'subject');
RESET ROLE;
CREATE FUNCTION pg_temp.affected(stmt text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	n bigint;
BEGIN
	EXECUTE stmt;
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN n;
END
$$;
SET LOCAL ROLE rls_t_app;
SELECT is(pg_temp.affected('DELETE FROM orgacl.protected_table'), 0::bigint,
	'protected_table: another role deletes no record');
SELECT is(pg_temp.affected('UPDATE orgacl.protected_table SET rls_was = true, force_was = true'), 0::bigint,
	'protected_table: another role updates no record');
SELECT throws_ok($$ INSERT INTO orgacl.protected_table VALUES ('"Perf Data".had_rls', 'review', 'subject', NULL, NULL, NULL, NULL, true, true) $$,
	'42501', NULL, 'protected_table: another role inserts no record for a table it does not own');
RESET ROLE;
SELECT is((SELECT count(*) FROM orgacl.protected_table WHERE tbl::text LIKE '"Perf Data".%'), 8::bigint,
	'protected_table: the records are intact');

-- dropping a protected table forgets it
SET LOCAL ROLE rls_t_owner;
DROP TABLE "Perf Data".had_both;
RESET ROLE;
SELECT is((SELECT count(*) FROM orgacl.protected_table WHERE tbl::text LIKE '"Perf Data".had_both'
		   OR NOT EXISTS (SELECT FROM pg_class c WHERE c.oid = tbl)), 0::bigint,
	'DROP TABLE removes the table''s record');
DROP SCHEMA "Perf Data" CASCADE;
SELECT is((SELECT count(*) FROM orgacl.protected_table), 0::bigint,
	'DROP SCHEMA ... CASCADE removes the records of every protected table in it');

DEALLOCATE rls_t_lite;
DEALLOCATE rls_t_survey;
DEALLOCATE rls_t_reviews;

SELECT * FROM finish();
ROLLBACK;
