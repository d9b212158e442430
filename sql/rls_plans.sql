--
-- rls_plans: what protect()'s policies cost.  The planner must read only
-- the rows a viewer may see (an index condition built from the viewer's
-- subjects), estimate how many they are (so ORDER BY id LIMIT n does not
-- walk the primary key for a small team), drop the row arms no row can use,
-- put them back when a cycle starts to use them (plan invalidation), and
-- still scan in parallel for a viewer who sees everything.
--
SET search_path = orgacl, public;

-- The organisation, built as the system: 1 CEO, 10 VPs (2..11), 10
-- managers under each VP (12..111), 8 reports under each manager
-- (112..911).  911 is an HR admin.
DO $$
BEGIN
	PERFORM orgacl.add_person(NULL, 1);
	FOR vp IN 2..11 LOOP
		PERFORM orgacl.add_person(NULL, vp, 1);
	END LOOP;
	FOR m IN 12..111 LOOP
		PERFORM orgacl.add_person(NULL, m, 2 + (m - 12) / 10);
	END LOOP;
	FOR r IN 112..911 LOOP
		PERFORM orgacl.add_person(NULL, r, 12 + (r - 112) / 8);
	END LOOP;
	PERFORM orgacl.grant_role(NULL, 911, 'hr_admin');
	PERFORM orgacl.create_cycle(NULL, 1, 'review');
	PERFORM orgacl.create_cycle(NULL, 2, 'review');
END
$$;

-- 30 reviews per person, in an order unrelated to the subject, written by
-- the subject's manager
CREATE SCHEMA plans;
CREATE TABLE plans.review (
	id bigint PRIMARY KEY,
	subject bigint NOT NULL,
	cycle bigint NOT NULL,
	author bigint,
	body text
);
INSERT INTO plans.review
SELECT row_number() OVER (ORDER BY (p.id * 7919 + g * 104729) % 27361, p.id, g),
	   p.id, 1 + g % 2, p.manager, 'review ' || g
FROM orgacl.person p, generate_series(1, 30) g;
CREATE INDEX review_subject ON plans.review (subject) INCLUDE (cycle, author);
CREATE INDEX review_author ON plans.review (author);
CREATE INDEX review_cycle ON plans.review (cycle);
VACUUM ANALYZE plans.review;
SELECT protect('plans.review', 'review', 'subject', cycle_col => 'cycle', author_col => 'author');

CREATE ROLE orgacl_plans_app;
GRANT USAGE ON SCHEMA plans TO orgacl_plans_app;
GRANT SELECT ON plans.review TO orgacl_plans_app;
GRANT SET ON PARAMETER orgacl.viewer TO orgacl_plans_app;

-- plan shows the plan of a query run as the application for a viewer,
-- without costs; estimate compares the planner's row estimate with the
-- rows the query returns.
CREATE FUNCTION pg_temp.plan(viewer bigint, query text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	PERFORM set_config('orgacl.viewer', viewer::text, true);
	SET LOCAL ROLE orgacl_plans_app;
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
		RETURN NEXT line;
	END LOOP;
	RESET ROLE;
END $$;

CREATE FUNCTION pg_temp.estimate(viewer bigint, query text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	plan json;
	estimated float8;
	actual float8;
BEGIN
	PERFORM set_config('orgacl.viewer', viewer::text, true);
	SET LOCAL ROLE orgacl_plans_app;
	EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF, FORMAT JSON) ' || query INTO plan;
	RESET ROLE;
	estimated := (plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8;
	actual := (plan -> 0 -> 'Plan' ->> 'Actual Rows')::float8;
	RETURN format('%s rows, estimate within 2x: %s', actual,
				  estimated BETWEEN actual / 2 AND actual * 2);
END $$;

-- Manager 12 (8 reports, 240 rows): the subject arm reads the subject
-- index through the viewer's subjects; the author and owner arms are gone,
-- since no review cycle lets an author or an owner in.
BEGIN;
SELECT pg_temp.plan(12, 'SELECT count(*) FROM plans.review');
SELECT pg_temp.estimate(12, 'SELECT id FROM plans.review');
COMMIT;

-- An employee (their own 30 rows of 27,330): ORDER BY id LIMIT 50 sorts
-- the few rows the index finds rather than walking the primary key.
BEGIN;
SELECT pg_temp.plan(500, 'SELECT id FROM plans.review ORDER BY id LIMIT 50');
SELECT pg_temp.estimate(500, 'SELECT id FROM plans.review');
COMMIT;

-- VP 2 (90 persons below, 2,730 rows with their own): still an index.
BEGIN;
SELECT pg_temp.estimate(2, 'SELECT id FROM plans.review');
COMMIT;

-- The CEO and the HR admin see (nearly) everything: a sequential scan,
-- estimated as such.
BEGIN;
SELECT pg_temp.plan(1, 'SELECT count(*) FROM plans.review');
SELECT pg_temp.estimate(1, 'SELECT id FROM plans.review');
SELECT pg_temp.estimate(911, 'SELECT id FROM plans.review');
COMMIT;

-- Large scans still run in parallel: the policy functions are PARALLEL
-- SAFE and every worker loads the directory (and must agree with the
-- leader on the count).
BEGIN;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT pg_temp.plan(1, 'SELECT count(*) FROM plans.review');
SELECT set_config('orgacl.viewer', '2', true);
SET LOCAL ROLE orgacl_plans_app;
SELECT count(*) AS vp_rows_in_parallel FROM plans.review WHERE body <> '';
RESET ROLE;
COMMIT;

-- A prepared query's plan drops the row arms while no cycle uses them; a
-- review cycle whose audience includes the author invalidates it, and the
-- next execution plans the author arm back in (the author index).
BEGIN;
SELECT set_config('orgacl.viewer', '12', true);
SET LOCAL ROLE orgacl_plans_app;
PREPARE mine AS SELECT count(*) FROM plans.review;
EXPLAIN (COSTS OFF) EXECUTE mine;
EXECUTE mine;
RESET ROLE;
SELECT create_cycle(NULL, 3, 'review', '{subject,author,direct_manager}');
-- 113 writes a review of 500 in cycle 3: 113 is no manager of 500, but its
-- author, and the cycle lets authors in
INSERT INTO plans.review VALUES (100000, 500, 3, 113, 'peer review');
SELECT set_config('orgacl.viewer', '113', true);
SET LOCAL ROLE orgacl_plans_app;
EXPLAIN (COSTS OFF) EXECUTE mine;
EXECUTE mine;
SELECT subject, author FROM plans.review WHERE cycle = 3;
RESET ROLE;
DEALLOCATE mine;
ROLLBACK;

-- With 10,000 persons or more, a scan the planner expects to read most of
-- the table lends the leader's directory to the workers (shared memory)
-- instead of having each read the catalog; the answers are the same.
INSERT INTO orgacl.person (id, manager, active, path)
SELECT 1000 + g, 112 + g % 800, true,
	   (SELECT p.path FROM orgacl.person p WHERE p.id = 112 + g % 800) OPERATOR(orgacl.||) (1000 + g)::bigint
FROM generate_series(0, 11999) g;
INSERT INTO plans.review
SELECT 200000 + g, 1000 + g, 1 + g % 2, 112 + g % 800, 'peer review'
FROM generate_series(0, 11999) g;
ANALYZE plans.review;
BEGIN;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT set_config('orgacl.viewer', '1', true);
SET LOCAL ROLE orgacl_plans_app;
EXPLAIN (COSTS OFF) SELECT count(*) FROM plans.review WHERE body <> '';
SELECT count(*) AS ceo_rows_in_parallel FROM plans.review WHERE body <> '';
RESET ROLE;
SELECT current_setting('orgacl.shared_directory') <> '' AS lent_to_workers,
	   count(*) FILTER (WHERE can_view(1, subject, artifact('review', cycle, author))) AS can_view_rows
FROM plans.review;
ROLLBACK;

-- clean up
SELECT unprotect('plans.review');
DROP SCHEMA plans CASCADE;
REVOKE SET ON PARAMETER orgacl.viewer FROM orgacl_plans_app;
DROP ROLE orgacl_plans_app;
DELETE FROM orgacl.cycle;
DELETE FROM orgacl.role_grant;
DELETE FROM orgacl.audit_log;
UPDATE orgacl.person SET manager = NULL;
DELETE FROM orgacl.person;
