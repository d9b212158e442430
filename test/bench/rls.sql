-- test/bench/rls.sql: orgacl's row-level security against the references
-- of SPEC section 7, run by test/bench/run.sh (`make bench`, suite rls) in
-- psql with ON_ERROR_STOP and the variables runs (default 7), seed (0.4242),
-- pgbench_seconds (10) and pgbench (the binary; default
-- $ORGACL_PG_BINDIR/pgbench, else pgbench on PATH).  It needs a superuser,
-- contrib's dblink and pg_prewarm, a database of its own (it drops and
-- recreates the extension orgacl and the schema bench) and may create the
-- login role bench_app.  About 2 minutes on 2 cores, most of it building the
-- data and the two pgbench runs.
--
-- DATA (setseed(:seed) makes all of it reproducible).  100,000 persons in
-- ten levels numbered 0 (the CEO, person 1) to 9 (81,047 individual
-- contributors), of sizes 1, 4, 12, 36, 108, 324, 972, 2916, 14580, 81047;
-- ids 1 .. 100000 are given in level order, and each person of level k + 1
-- reports to a uniformly random person of level k.  The persons go straight
-- into orgacl.person (id, manager, active, path = the manager's path || id),
-- one INSERT per level, which is much faster than 100,000 add_person calls;
-- the statement triggers on orgacl's tables invalidate the backend caches.
-- bench.emp(id, manager) is a plain copy for the recursive-CTE policy.
-- Four review cycles are created by the system (default audience).
--
-- bench.review holds 1,000,000 reviews: row g has id g (the insertion
-- order, as in an append-only table) and a subject drawn uniformly at
-- random, independently of g, so ids say nothing about subjects; cycle is
-- random in 1 .. 4, author is the subject's manager, rating random in
-- 1 .. 5, body 120 characters.  Indexes as README recommends: on subject
-- INCLUDE (cycle, author), on author and on cycle;
-- orgacl.protect('bench.review', 'review', 'subject', cycle_col => 'cycle',
-- author_col => 'author').  bench.review_cte has the same rows and indexes
-- and the policy most teams write today:
--
--     USING (subject IN (SELECT bench.team_of(current_setting('bench.viewer')::bigint)))
--
-- where bench.team_of(v) is a recursive CTE over bench.emp (v and everyone
-- below v).  Protected queries run as bench_app, a plain login role (a
-- superuser bypasses row-level security) that may SET orgacl.viewer.
--
-- VIEWERS.  The CEO (person 1); a first-line manager (the lowest-numbered
-- level-8 person with exactly 6 direct reports, else the one closest to 6);
-- a mid-level manager (the person whose subtree, self excluded, is closest
-- to 2,000 persons); an HR admin (the lowest-numbered level-9 person,
-- granted hr_admin).  A viewer's visible set V is
-- orgacl.visible_subjects(v, orgacl.artifact('review')).
--
-- MEASUREMENTS.
--  1. Q1 = SELECT count(*) FROM bench.review and
--     Q2 = SELECT id, subject, rating FROM bench.review ORDER BY id LIMIT 50
--     for each viewer, three ways: protected (bench_app with SET LOCAL
--     orgacl.viewer); hand-written (superuser, RLS bypassed, with the
--     literal predicate subject = ANY('{V}'), or subject <> ALL('{persons
--     not in V}') when V holds more than half of the persons, and no WHERE
--     at all when it holds all of them); recursive-CTE policy (bench_app
--     with SET LOCAL bench.viewer, on bench.review_cte; managers and CEO);
--     and, for Q1 only and for information, the hand-written predicate
--     with count(cycle) FILTER (WHERE subject IS NOT NULL), which reads the
--     two columns of every row the policy reads (the hand-written count(*)
--     reads none: it is answered from the narrowest index).  Each is timed by EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON)
--     run through EXECUTE, so that every run is planned afresh: one
--     warm-up, then :runs runs, of one variant after the other; the medians
--     of execution time and of planning + execution time are reported, and
--     the ratios use planning + execution.  The protected answer must equal
--     the hand-written one (Q1's count, Q2's 50 ids in order), or the bench
--     aborts.  Targets: protected within 2x of hand-written, 1.3x for the
--     CEO's count(*); the first-line manager at least 100x faster than the
--     CTE policy.
--  2. can_view decisions per second on one core (no parallel workers),
--     warm: count(*) over generate_series(1, 3000000) g of
--     can_view(mid manager, g % 100000 + 1, review), against the same query
--     with the trivial predicate g % 100000 + 1 > 0; gross, and net of the
--     baseline.  The count must be 30 |V|.
--  3. The per-backend cache: orgacl.cache_stats() in this session, warm.
--  4. pgbench -n -c 2 -j 2 -T :pgbench_seconds, the first-line manager's
--     Q1 + Q2 in a transaction: protected (bench_app, SET LOCAL
--     orgacl.viewer) against hand-written (superuser, literal predicate).
--  5. A subtree move: the mid-level manager is moved under another manager
--     of its manager's level and back, after one untimed round trip 5 times
--     each way, each orgacl.set_manager() in autocommit in a dblink session
--     and timed from here (the round trip, commit included); then, in a
--     second, already warm dblink session, the next statement, can_view(new
--     manager, a moved person), which must be true and which pays that
--     backend's cache rebuild, and the statement after it (warm again),
--     can_view(the other manager, that person), which must be false.
--
-- It reports and never fails on timings; only a wrong answer aborts it.
-- Targets (SPEC section 7) stand next to each result.

\set ON_ERROR_STOP on
\pset footer off
\pset null ''

\if :{?runs}
\else
	\set runs 7
\endif
\if :{?seed}
\else
	\set seed 0.4242
\endif
\if :{?pgbench_seconds}
\else
	\set pgbench_seconds 10
\endif
\if :{?pgbench}
\else
	\set pgbench `if [ -x "$ORGACL_PG_BINDIR/pgbench" ]; then echo "$ORGACL_PG_BINDIR/pgbench"; else command -v pgbench || echo pgbench; fi`
\endif

-- from scratch, also when run again in the same database
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS bench CASCADE;
DROP EXTENSION IF EXISTS orgacl CASCADE;
CREATE EXTENSION orgacl;
CREATE EXTENSION IF NOT EXISTS dblink;
CREATE EXTENSION IF NOT EXISTS pg_prewarm;
CREATE SCHEMA bench;
SET client_min_messages = notice;
-- reconnect: the session now preloads orgacl (CREATE EXTENSION set
-- session_preload_libraries for this database)
\c

-- the data must not depend on how a parallel plan splits the random draws
SET max_parallel_workers_per_gather = 0;
SELECT setseed(:seed) \gset

\echo 'bench: building 100,000 persons and 1,000,000 reviews (seed' :seed ')'

CREATE TABLE bench.level AS
SELECT k::int - 1 AS level, size::bigint,
	   (sum(size) OVER (ORDER BY k) - size + 1)::bigint AS first
  FROM unnest('{1,4,12,36,108,324,972,2916,14580,81047}'::bigint[]) WITH ORDINALITY AS u(size, k);

CREATE TABLE bench.emp (id bigint PRIMARY KEY, manager bigint);
INSERT INTO bench.emp
SELECT l.first + i,
	   CASE WHEN l.level > 0 THEN p.first + floor(random() * p.size)::bigint END
  FROM bench.level l
  CROSS JOIN LATERAL generate_series(0, l.size - 1) AS i
  LEFT JOIN bench.level p ON p.level = l.level - 1
 ORDER BY l.level, i;
CREATE INDEX ON bench.emp (manager);
VACUUM ANALYZE bench.emp;

CREATE FUNCTION bench.level_of(id bigint) RETURNS int
LANGUAGE sql STABLE AS $$
	SELECT level FROM bench.level WHERE id BETWEEN first AND first + size - 1
$$;

DO $$
DECLARE
	k int;
BEGIN
	FOR k IN 0 .. 9 LOOP
		INSERT INTO orgacl.person (id, manager, active, path)
		SELECT e.id, e.manager, true,
			   CASE WHEN e.manager IS NULL THEN orgacl.orgpath(ARRAY[e.id])
					ELSE orgacl.orgpath_append(m.path, e.id) END
		  FROM bench.emp e
		  JOIN bench.level l ON l.level = k AND e.id BETWEEN l.first AND l.first + l.size - 1
		  LEFT JOIN orgacl.person m ON m.id = e.manager;
	END LOOP;
END $$;
VACUUM ANALYZE orgacl.person;

DO $$
BEGIN
	FOR c IN 1 .. 4 LOOP
		PERFORM orgacl.create_cycle(NULL, c, 'review');
	END LOOP;
END $$;

CREATE TABLE bench.review (
	id bigint PRIMARY KEY,
	subject bigint NOT NULL,
	cycle bigint NOT NULL,
	author bigint,
	rating int,
	body text
);
INSERT INTO bench.review
SELECT r.g, r.subject, r.cycle, e.manager, r.rating, r.body
  FROM (SELECT g,
			   1 + floor(random() * 100000)::bigint AS subject,
			   1 + floor(random() * 4)::bigint AS cycle,
			   1 + floor(random() * 5)::int AS rating,
			   substr(repeat(md5(g::text) || ' ', 4), 1, 120) AS body
		  FROM generate_series(1, 1000000) AS g) r
  JOIN bench.emp e ON e.id = r.subject
 ORDER BY r.g;
-- the indexes README recommends for a protected table: the subject column,
-- including the other policy columns, and one per row arm
CREATE INDEX ON bench.review (subject) INCLUDE (cycle, author);
CREATE INDEX ON bench.review (author);
CREATE INDEX ON bench.review (cycle);

CREATE TABLE bench.review_cte (LIKE bench.review INCLUDING ALL);
INSERT INTO bench.review_cte SELECT * FROM bench.review ORDER BY id;

VACUUM (FREEZE, ANALYZE) bench.review;
VACUUM (FREEZE, ANALYZE) bench.review_cte;

SET client_min_messages = warning;
SELECT orgacl.protect('bench.review', 'review', 'subject', cycle_col => 'cycle', author_col => 'author') \gset
RESET client_min_messages;

CREATE FUNCTION bench.team_of(v bigint) RETURNS SETOF bigint
LANGUAGE sql STABLE AS $$
	WITH RECURSIVE t(id) AS (
		SELECT v
		UNION ALL
		SELECT e.id FROM bench.emp e JOIN t ON e.manager = t.id
	)
	SELECT id FROM t
$$;
ALTER TABLE bench.review_cte ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY team ON bench.review_cte FOR SELECT
	USING (subject IN (SELECT bench.team_of(current_setting('bench.viewer')::bigint)));

DO $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bench_app') THEN
		CREATE ROLE bench_app LOGIN;
	END IF;
END $$;
GRANT USAGE ON SCHEMA bench, orgacl TO bench_app;
GRANT SELECT ON bench.review, bench.review_cte, bench.emp TO bench_app;
GRANT SET ON PARAMETER orgacl.viewer TO bench_app;

---------------------------------------------------------------------------
-- viewers
---------------------------------------------------------------------------

CREATE TABLE bench.subtree AS
SELECT a AS id, count(*) - 1 AS below
  FROM orgacl.person p, unnest(orgacl.ids(p.path)) AS a
 GROUP BY a;

CREATE TABLE bench.viewer (
	ord int PRIMARY KEY,
	name text NOT NULL,
	id bigint NOT NULL,
	level int,
	reports bigint,
	below bigint,
	vis bigint[],
	pred text,
	cte boolean NOT NULL
);

INSERT INTO bench.viewer (ord, name, id, cte) VALUES (1, 'CEO', 1, true);
INSERT INTO bench.viewer (ord, name, id, cte)
SELECT 2, 'first-line manager', p.id, true
  FROM bench.emp p
 WHERE bench.level_of(p.id) = 8
 ORDER BY abs((SELECT count(*) FROM bench.emp r WHERE r.manager = p.id) - 6), p.id
 LIMIT 1;
INSERT INTO bench.viewer (ord, name, id, cte)
SELECT 3, 'mid-level manager', s.id, true
  FROM bench.subtree s ORDER BY abs(s.below - 2000), s.id LIMIT 1;
INSERT INTO bench.viewer (ord, name, id, cte)
SELECT 4, 'HR admin', l.first, false FROM bench.level l WHERE l.level = 9;
DO $$
BEGIN
	PERFORM orgacl.grant_role(NULL, id, 'hr_admin') FROM bench.viewer WHERE name = 'HR admin';
END $$;

UPDATE bench.viewer v
   SET level = bench.level_of(v.id),
	   reports = (SELECT count(*) FROM bench.emp e WHERE e.manager = v.id),
	   below = (SELECT s.below FROM bench.subtree s WHERE s.id = v.id),
	   vis = array(SELECT orgacl.visible_subjects(v.id, orgacl.artifact('review')) AS s ORDER BY s);

-- the hand-written predicate: the visible set, or its complement when that
-- is shorter, or nothing when the viewer sees everyone
UPDATE bench.viewer v
   SET pred = CASE
		WHEN cardinality(v.vis) * 2 <= 100000
			THEN format(' WHERE subject = ANY (%L::bigint[])', v.vis)
		WHEN c.comp = '{}'
			THEN ''
		ELSE format(' WHERE subject <> ALL (%L::bigint[])', c.comp) END
  FROM (SELECT v2.ord,
			   array(SELECT id FROM bench.emp EXCEPT SELECT unnest(v2.vis) ORDER BY 1) AS comp
		  FROM bench.viewer v2) c
 WHERE c.ord = v.ord;

-- where the mid-level manager moves: the lowest-numbered other person at
-- its manager's level; moved: the highest-numbered person below it
CREATE TABLE bench.move AS
SELECT v.id AS person, e.manager AS old_manager,
	   (SELECT o.id FROM bench.emp o
		 WHERE bench.level_of(o.id) = bench.level_of(e.manager) AND o.id <> e.manager
		 ORDER BY o.id LIMIT 1) AS new_manager,
	   (SELECT max(p.id) FROM orgacl.person p
		 WHERE p.path OPERATOR(orgacl.<@) (SELECT q.path FROM orgacl.person q WHERE q.id = v.id)
		   AND p.id <> v.id) AS moved
  FROM bench.viewer v JOIN bench.emp e ON e.id = v.id
 WHERE v.name = 'mid-level manager';

\echo 'bench: viewers (below: persons in the subtree, self excluded; visible: persons whose reviews the viewer sees)'
SELECT v.name AS viewer, v.id, v.level, v.reports AS "direct reports", v.below,
	   cardinality(v.vis) AS visible,
	   CASE WHEN v.pred = '' THEN 'none (sees everyone)'
			WHEN v.pred LIKE '%= ANY%' THEN 'subject = ANY (' || cardinality(v.vis) || ' ids)'
			ELSE 'subject <> ALL (' || 100000 - cardinality(v.vis) || ' ids)' END AS "hand-written predicate"
  FROM bench.viewer v ORDER BY v.ord;

RESET max_parallel_workers_per_gather;

---------------------------------------------------------------------------
-- measurement machinery
---------------------------------------------------------------------------

CREATE FUNCTION bench.median(a float8[]) RETURNS float8
LANGUAGE sql AS $$
	SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(a) AS x
$$;

-- bench.enter runs the rest of the transaction as as_role (NULL: this
-- session's superuser) with the settings {name, value, name, value, ...};
-- bench.leave undoes it
CREATE FUNCTION bench.enter(as_role text, settings text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	i int;
BEGIN
	PERFORM set_config('role', coalesce(as_role, 'none'), true);
	FOR i IN 1 .. coalesce(array_length(settings, 1), 0) BY 2 LOOP
		PERFORM set_config(settings[i], settings[i + 1], true);
	END LOOP;
END $$;

CREATE FUNCTION bench.leave(settings text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	i int;
BEGIN
	FOR i IN 1 .. coalesce(array_length(settings, 1), 0) BY 2 LOOP
		PERFORM set_config(settings[i], CASE WHEN settings[i] LIKE '%.%' THEN '' END, true);
	END LOOP;
	PERFORM set_config('role', 'none', true);
END $$;

-- bench.timed runs q once under EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON):
-- planned afresh by EXECUTE, as as_role with settings
CREATE FUNCTION bench.timed(q text, as_role text, settings text[],
							OUT plan_ms float8, OUT exec_ms float8)
LANGUAGE plpgsql AS $$
DECLARE
	j json;
BEGIN
	PERFORM bench.enter(as_role, settings);
	EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON, FORMAT JSON) ' || q INTO j;
	PERFORM bench.leave(settings);
	plan_ms := (j -> 0 ->> 'Planning Time')::float8;
	exec_ms := (j -> 0 ->> 'Execution Time')::float8;
END $$;

-- bench.answer is q's first column (count, or ids in order) as as_role
CREATE FUNCTION bench.answer(q text, as_role text, settings text[]) RETURNS bigint[]
LANGUAGE plpgsql AS $$
DECLARE
	a bigint[] := '{}';
	r record;
BEGIN
	PERFORM bench.enter(as_role, settings);
	FOR r IN EXECUTE 'SELECT (s.*)::text FROM (' || q || ') s' LOOP
		a := a || (regexp_match(r.s, '^\(?(-?\d+)'))[1]::bigint;
	END LOOP;
	PERFORM bench.leave(settings);
	RETURN a;
END $$;

-- bench.plan_text is q's plan (COSTS OFF) as as_role; bench.plan_shape the
-- same plan in one line: each node with its index, children in brackets
CREATE FUNCTION bench.plan_text(q text, as_role text, settings text[]) RETURNS text[]
LANGUAGE plpgsql AS $$
DECLARE
	l text[] := '{}';
	r record;
BEGIN
	PERFORM bench.enter(as_role, settings);
	FOR r IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		l := l || r."QUERY PLAN";
	END LOOP;
	PERFORM bench.leave(settings);
	RETURN l;
END $$;

CREATE FUNCTION bench.node_shape(n jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN (n ->> 'Parallel Aware')::boolean THEN 'Parallel ' ELSE '' END
		   || CASE n ->> 'Node Type'
			   WHEN 'Aggregate' THEN coalesce(nullif(n ->> 'Partial Mode', 'Simple') || ' ', '') || 'Aggregate'
			   ELSE n ->> 'Node Type' END
		   || coalesce(' ' || (n ->> 'Index Name'), '')
		   || coalesce(' [' || (SELECT string_agg(bench.node_shape(c), ', ' ORDER BY o)
								  FROM jsonb_array_elements(n -> 'Plans') WITH ORDINALITY AS x(c, o)) || ']', '')
$$;

CREATE FUNCTION bench.plan_shape(q text, as_role text, settings text[]) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	j jsonb;
BEGIN
	PERFORM bench.enter(as_role, settings);
	EXECUTE 'EXPLAIN (COSTS OFF, FORMAT JSON) ' || q INTO j;
	PERFORM bench.leave(settings);
	RETURN bench.node_shape(j -> 0 -> 'Plan');
END $$;

CREATE TABLE bench.result (
	seq serial,
	viewer text,
	query text,
	variant text,
	answer bigint[],
	plan_ms float8,
	exec_ms float8,
	total_ms float8,
	runs int,
	shape text,
	plan text[]
);

-- bench.measure: one warm-up, then runs timed runs of q; records the
-- answer, the medians and the plan
CREATE FUNCTION bench.measure(viewer text, query text, variant text, q text,
							  as_role text, settings text[], runs int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	p float8[] := '{}';
	e float8[] := '{}';
	t float8[] := '{}';
	r record;
	i int;
BEGIN
	PERFORM bench.timed(q, as_role, settings);
	FOR i IN 1 .. runs LOOP
		SELECT * INTO r FROM bench.timed(q, as_role, settings);
		p := p || r.plan_ms;
		e := e || r.exec_ms;
		t := t || (r.plan_ms + r.exec_ms);
	END LOOP;
	INSERT INTO bench.result (viewer, query, variant, answer, plan_ms, exec_ms, total_ms,
							  runs, shape, plan)
	VALUES (viewer, query, variant, bench.answer(q, as_role, settings),
			bench.median(p), bench.median(e), bench.median(t), runs,
			bench.plan_shape(q, as_role, settings), bench.plan_text(q, as_role, settings));
END $$;

CREATE TABLE bench.query (ord int, name text, sql text);
INSERT INTO bench.query VALUES
	(1, 'Q1 count(*)', 'SELECT count(*) FROM bench.review%s'),
	(2, 'Q2 ORDER BY id LIMIT 50', 'SELECT id, subject, rating FROM bench.review%s ORDER BY id LIMIT 50');

---------------------------------------------------------------------------
-- 1. protected queries against the references
---------------------------------------------------------------------------

-- everything in shared buffers before the first timing
SELECT sum(pg_prewarm(c.oid)) AS blocks
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname IN ('bench', 'orgacl') AND c.relkind IN ('r', 'i') \gset
CHECKPOINT;

\echo 'bench: 1. timing Q1 and Q2 per viewer (median of' :runs 'runs after a warm-up)'
\o /dev/null
SELECT bench.measure(v.name, q.name, w.variant,
		CASE w.variant WHEN 'hand-written' THEN format(q.sql, v.pred)
					   WHEN 'hand-written, heap' THEN replace(format(q.sql, v.pred), 'count(*)', 'count(cycle) FILTER (WHERE subject IS NOT NULL)')
					   WHEN 'CTE policy' THEN replace(format(q.sql, ''), 'bench.review', 'bench.review_cte')
					   ELSE format(q.sql, '') END,
		CASE WHEN w.variant LIKE 'hand-written%' THEN NULL ELSE 'bench_app' END,
		CASE w.variant WHEN 'protected' THEN ARRAY['orgacl.viewer', v.id::text]
					   WHEN 'CTE policy' THEN ARRAY['bench.viewer', v.id::text]
					   ELSE '{}' END,
		:runs)
  FROM bench.viewer v
 CROSS JOIN bench.query q
 CROSS JOIN (VALUES (1, 'protected'), (2, 'hand-written'), (3, 'hand-written, heap'),
					(4, 'CTE policy')) AS w(ord, variant)
 WHERE (w.variant <> 'CTE policy' OR v.cte)
   AND (w.variant <> 'hand-written, heap' OR q.ord = 1)
 ORDER BY v.ord, q.ord, w.ord;
\o

-- bench.diff describes how answer a differs from answer b
CREATE FUNCTION bench.diff(a bigint[], b bigint[]) RETURNS text
LANGUAGE sql AS $$
	SELECT CASE WHEN cardinality(a) = 1 AND cardinality(b) = 1
				THEN format('%s against %s', a[1], b[1])
				ELSE format('%s rows against %s, first difference at row %s: %s against %s',
							cardinality(a), cardinality(b), i, a[i], b[i]) END
	  FROM (SELECT min(i) AS i FROM generate_series(1, greatest(cardinality(a), cardinality(b))) AS i
			 WHERE a[i] IS DISTINCT FROM b[i]) d
$$;

-- the correctness gate: protected answers are the hand-written ones
DO $$
DECLARE
	bad text;
BEGIN
	SELECT string_agg(format('viewer %s (%s), %s: protected against hand-written: %s',
							 p.viewer, v.id, p.query, bench.diff(p.answer, h.answer)), E'\n')
	  INTO bad
	  FROM bench.result p
	  JOIN bench.result h ON h.viewer = p.viewer AND h.query = p.query AND h.variant = 'hand-written'
	  JOIN bench.viewer v ON v.name = p.viewer
	 WHERE p.variant = 'protected' AND p.answer IS DISTINCT FROM h.answer;
	IF bad IS NULL THEN
		SELECT string_agg(format('viewer %s, %s: hand-written count(*) %s, reading the policy''s columns %s',
								 p.viewer, p.query, p.answer[1], h.answer[1]), E'\n')
		  INTO bad
		  FROM bench.result p
		  JOIN bench.result h ON h.viewer = p.viewer AND h.query = p.query AND h.variant = 'hand-written, heap'
		 WHERE p.variant = 'hand-written' AND p.answer IS DISTINCT FROM h.answer;
	END IF;
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION E'bench: WRONG ANSWER: a protected query differs from the hand-written one\n%', bad
			USING HINT = 'Reproduce: SET ROLE bench_app; BEGIN; SET LOCAL orgacl.viewer = ''<id>''; '
						 '<query on bench.review>; against, as a superuser, the query with '
						 'WHERE subject = ANY (array(SELECT orgacl.visible_subjects(<id>, orgacl.artifact(''review''))))';
	END IF;
END $$;

---------------------------------------------------------------------------
-- 2. can_view decisions per second, one core
---------------------------------------------------------------------------

\echo 'bench: 2. can_view decisions per second'
\o /dev/null
SELECT bench.measure('mid-level manager', 'can_view x 3,000,000', 'can_view',
		format('SELECT count(*) FROM generate_series(1, 3000000) g '
			   'WHERE orgacl.can_view(%s, (g %% 100000) + 1, ''(review,,,,)''::orgacl.artifact)', v.id),
		NULL, '{max_parallel_workers_per_gather,0}', :runs)
  FROM bench.viewer v WHERE v.name = 'mid-level manager';
SELECT bench.measure('mid-level manager', 'can_view x 3,000,000', 'baseline',
		'SELECT count(*) FROM generate_series(1, 3000000) g WHERE ((g % 100000) + 1) > 0',
		NULL, '{max_parallel_workers_per_gather,0}', :runs);
\o

DO $$
DECLARE
	got bigint;
	want bigint;
BEGIN
	SELECT r.answer[1], 30 * cardinality(v.vis) INTO got, want
	  FROM bench.result r, bench.viewer v
	 WHERE r.variant = 'can_view' AND v.name = 'mid-level manager';
	IF got IS DISTINCT FROM want THEN
		RAISE EXCEPTION 'bench: WRONG ANSWER: can_view allowed % of 3,000,000 decisions, visible_subjects implies %',
			got, want;
	END IF;
END $$;

---------------------------------------------------------------------------
-- 3. the per-backend cache, warm
---------------------------------------------------------------------------

\echo 'bench: 3. cache_stats()'
CREATE TABLE bench.cache AS SELECT * FROM orgacl.cache_stats();

---------------------------------------------------------------------------
-- 4. pgbench, first-line manager
---------------------------------------------------------------------------

CREATE TABLE bench.pgbench (ord int, variant text, as_role text, script text, tps float8);
INSERT INTO bench.pgbench (ord, variant, as_role, script)
SELECT 1, 'protected', 'bench_app',
	   format(E'BEGIN;\nSET LOCAL orgacl.viewer = %L;\nSELECT count(*) FROM bench.review;\n'
			  || E'SELECT id FROM bench.review ORDER BY id LIMIT 50;\nEND;\n', v.id)
  FROM bench.viewer v WHERE v.name = 'first-line manager'
UNION ALL
SELECT 2, 'hand-written', current_user,
	   format(E'BEGIN;\nSELECT count(*) FROM bench.review%s;\n'
			  || E'SELECT id FROM bench.review%s ORDER BY id LIMIT 50;\nEND;\n', v.pred, v.pred)
  FROM bench.viewer v WHERE v.name = 'first-line manager';

\set bench_dir `mktemp -d /tmp/orgacl-bench.XXXXXX`
\set pgb_prot :bench_dir '/protected.sql'
\set pgb_hand :bench_dir '/hand-written.sql'
\pset format unaligned
\pset tuples_only on
SELECT script FROM bench.pgbench WHERE variant = 'protected' \g :pgb_prot
SELECT script FROM bench.pgbench WHERE variant = 'hand-written' \g :pgb_hand
SELECT as_role AS pgb_super FROM bench.pgbench WHERE variant = 'hand-written' \gset
\pset format aligned
\pset tuples_only off

\echo 'bench: 4. pgbench for the first-line manager, protected then hand-written: -n -c 2 -j 2 -T' :pgbench_seconds
\set tps_prot `:pgbench -n -c 2 -j 2 -T :pgbench_seconds -U bench_app -d :DBNAME -f :pgb_prot >:pgb_prot.log 2>&1 && sed -n 's/^tps = \([0-9.]*\).*/\1/p' :pgb_prot.log | head -n 1 || { echo 'pgbench failed:' >&2; cat :pgb_prot.log >&2; }`
\set tps_hand `:pgbench -n -c 2 -j 2 -T :pgbench_seconds -U :pgb_super -d :DBNAME -f :pgb_hand >:pgb_hand.log 2>&1 && sed -n 's/^tps = \([0-9.]*\).*/\1/p' :pgb_hand.log | head -n 1 || { echo 'pgbench failed:' >&2; cat :pgb_hand.log >&2; }`
\set rm_out `rm -rf :bench_dir`

CREATE FUNCTION bench.tps(variant text, out_text text) RETURNS float8
LANGUAGE plpgsql AS $$
BEGIN
	IF out_text !~ '^[0-9]+(\.[0-9]*)?$' THEN
		RAISE EXCEPTION 'bench: pgbench (%) did not run: see its output above', variant;
	END IF;
	RETURN out_text::float8;
END $$;
UPDATE bench.pgbench SET tps = CASE variant WHEN 'protected' THEN bench.tps(variant, :'tps_prot')
											ELSE bench.tps(variant, :'tps_hand') END;

---------------------------------------------------------------------------
-- 5. moving the mid-level manager's subtree
---------------------------------------------------------------------------

\echo 'bench: 5. moving the mid-level manager''s subtree (5 times each way)'

CREATE TABLE bench.move_result (
	round int,
	direction text,
	move_ms float8,
	next_ms float8,
	warm_ms float8
);

CREATE FUNCTION bench.remote_ms(conn text, q text, OUT ms float8, OUT val text)
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
BEGIN
	SELECT x INTO val FROM dblink(conn, q) AS t(x text);
	ms := 1000 * extract(epoch FROM clock_timestamp() - t0);
END $$;

CREATE FUNCTION bench.move_subtree(rounds int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	m bench.move;
	connstr text := format('host=%s port=%s dbname=%s user=%s',
						   split_part(current_setting('unix_socket_directories'), ',', 1),
						   current_setting('port'), current_database(), current_user);
	i int;
	d int;
	dir text;
	mgr bigint;
	other bigint;
	mv record;
	nx record;
	wm record;
BEGIN
	SELECT * INTO m FROM bench.move;
	PERFORM dblink_connect('bench_a', connstr);
	PERFORM dblink_connect('bench_b', connstr);
	-- both sessions warm: A has run set_manager (a no-op), B has a cache
	PERFORM bench.remote_ms('bench_a', format('SELECT orgacl.set_manager(NULL, %s, %s)::text',
											  m.person, m.old_manager));
	PERFORM bench.remote_ms('bench_b', format('SELECT orgacl.can_view(%s, %s, ''(review,,,,)''::orgacl.artifact)::text',
											  m.old_manager, m.moved));
	FOR i IN 0 .. rounds LOOP
		FOR d IN 1 .. 2 LOOP
			dir := CASE d WHEN 1 THEN 'away' ELSE 'back' END;
			mgr := CASE d WHEN 1 THEN m.new_manager ELSE m.old_manager END;
			other := CASE d WHEN 1 THEN m.old_manager ELSE m.new_manager END;
			mv := bench.remote_ms('bench_a', format('SELECT orgacl.set_manager(NULL, %s, %s)::text',
													m.person, mgr));
			nx := bench.remote_ms('bench_b', format('SELECT orgacl.can_view(%s, %s, ''(review,,,,)''::orgacl.artifact)::text',
													mgr, m.moved));
			IF nx.val IS DISTINCT FROM 'true' THEN
				RAISE EXCEPTION 'bench: WRONG ANSWER: after moving % under %, a second session''s next statement says can_view(%, %) = %',
					m.person, mgr, mgr, m.moved, nx.val;
			END IF;
			wm := bench.remote_ms('bench_b', format('SELECT orgacl.can_view(%s, %s, ''(review,,,,)''::orgacl.artifact)::text',
													other, m.moved));
			IF wm.val IS DISTINCT FROM 'false' THEN
				RAISE EXCEPTION 'bench: WRONG ANSWER: after moving % under %, a second session says can_view(%, %) = %',
					m.person, mgr, other, m.moved, wm.val;
			END IF;
			-- round 0 is the warm-up
			IF i > 0 THEN
				INSERT INTO bench.move_result VALUES (i, dir, mv.ms, nx.ms, wm.ms);
			END IF;
		END LOOP;
	END LOOP;
	PERFORM dblink_disconnect('bench_a');
	PERFORM dblink_disconnect('bench_b');
END $$;

SELECT bench.move_subtree(5) \gset

---------------------------------------------------------------------------
-- report
---------------------------------------------------------------------------

CREATE FUNCTION bench.ms(ms float8) RETURNS text
LANGUAGE sql AS $$
	SELECT CASE WHEN ms >= 100 THEN round(ms::numeric, 0)::text
				WHEN ms >= 1 THEN round(ms::numeric, 1)::text
				ELSE round(ms::numeric, 3)::text END
$$;

CREATE FUNCTION bench.x(r float8) RETURNS text
LANGUAGE sql AS $$
	SELECT CASE WHEN r >= 100 THEN round(r::numeric, 0)::text
				WHEN r >= 10 THEN round(r::numeric, 1)::text
				ELSE round(r::numeric, 2)::text END || 'x'
$$;

CREATE FUNCTION bench.met(ok boolean) RETURNS text
LANGUAGE sql AS $$
	SELECT CASE WHEN ok IS NULL THEN '' WHEN ok THEN 'yes' ELSE 'NO' END
$$;

-- one row per viewer and query: the three variants side by side
CREATE VIEW bench.qreport AS
SELECT v.ord AS vord, q.ord AS qord, v.name AS viewer, q.name AS query,
	   CASE WHEN q.ord = 1 THEN p.answer[1] ELSE cardinality(p.answer) END AS rows,
	   p.exec_ms AS p_exec, p.total_ms AS p_total,
	   h.exec_ms AS h_exec, h.total_ms AS h_total,
	   c.exec_ms AS c_exec, c.total_ms AS c_total,
	   CASE WHEN q.ord = 1 THEN c.answer[1] END AS c_rows,
	   p.total_ms / h.total_ms AS ph,
	   CASE WHEN v.name = 'CEO' AND q.ord = 1 THEN 1.3 ELSE 2 END AS ph_target,
	   hh.exec_ms AS hh_exec, hh.total_ms AS hh_total,
	   p.total_ms / hh.total_ms AS phh,
	   c.total_ms / p.total_ms AS cp,
	   CASE WHEN v.name = 'first-line manager' THEN 100 END AS cp_target,
	   p.shape, p.plan, h.shape AS h_shape
  FROM bench.viewer v
 CROSS JOIN bench.query q
  JOIN bench.result p ON p.viewer = v.name AND p.query = q.name AND p.variant = 'protected'
  JOIN bench.result h ON h.viewer = v.name AND h.query = q.name AND h.variant = 'hand-written'
  LEFT JOIN bench.result hh ON hh.viewer = v.name AND hh.query = q.name AND hh.variant = 'hand-written, heap'
  LEFT JOIN bench.result c ON c.viewer = v.name AND c.query = q.name AND c.variant = 'CTE policy';

CREATE VIEW bench.other AS
SELECT 1 AS ord, 'can_view decisions/s/core, net of the baseline' AS what,
	   to_char(3e6 / ((c.exec_ms - b.exec_ms) / 1000), 'FM999,999,999') AS result,
	   format('gross %s/s (%s ms for 3,000,000; baseline %s ms)',
			  to_char(3e6 / (c.exec_ms / 1000), 'FM999,999,999'), bench.ms(c.exec_ms), bench.ms(b.exec_ms)) AS detail,
	   '>= 2,000,000' AS target,
	   bench.met(3e6 / ((c.exec_ms - b.exec_ms) / 1000) >= 2e6) AS met
  FROM bench.result c, bench.result b
 WHERE c.variant = 'can_view' AND b.variant = 'baseline'
UNION ALL
SELECT 2, 'pgbench tps, first-line manager: protected / hand-written',
	   bench.x(p.tps / h.tps),
	   format('protected %s tps, hand-written %s tps (-c 2 -j 2 -T %s)',
			  round(p.tps::numeric), round(h.tps::numeric), :pgbench_seconds),
	   '>= 0.5x', bench.met(p.tps / h.tps >= 0.5)
  FROM bench.pgbench p, bench.pgbench h
 WHERE p.variant = 'protected' AND h.variant = 'hand-written'
UNION ALL
SELECT 3, 'subtree move: set_manager, commit included (ms)',
	   bench.ms(bench.median(array_agg(r.move_ms))),
	   format('%s persons moved; median of %s, min %s, max %s',
			  (SELECT below + 1 FROM bench.viewer WHERE name = 'mid-level manager'),
			  count(*), bench.ms(min(r.move_ms)), bench.ms(max(r.move_ms))),
	   '< 100 ms', bench.met(bench.median(array_agg(r.move_ms)) < 100)
  FROM bench.move_result r
UNION ALL
SELECT 4, 'subtree move: another session''s next statement (ms)',
	   bench.ms(bench.median(array_agg(r.next_ms))),
	   format('median of %s; includes that backend''s cache rebuild; the statement after it: %s ms',
			  count(*), bench.ms(bench.median(array_agg(r.warm_ms)))),
	   'sees the move', 'yes'
  FROM bench.move_result r
UNION ALL
SELECT 5, 'cache bytes per person',
	   round(c.bytes_per_person::numeric, 1)::text,
	   format('%s persons, %s bytes (%s), generation %s', c.persons, c.bytes,
			  pg_size_pretty(c.bytes), c.generation),
	   '< 64', bench.met(c.bytes_per_person < 64)
  FROM bench.cache c;

\echo
\echo 'bench: protected queries against the references: ms, median of' :runs 'runs; ratios on planning + execution'
\echo '       (protected/hand-written: < target is good; CTE/protected: > target is good; "hand-written heap"'
\echo '       is Q1 reading the two columns the policy reads: count(cycle) FILTER (WHERE subject IS NOT NULL))'
SELECT viewer, query, rows,
	   bench.ms(p_exec) || ' / ' || bench.ms(p_total) AS "protected exec/total",
	   bench.ms(h_exec) || ' / ' || bench.ms(h_total) AS "hand-written exec/total",
	   bench.x(ph) AS "prot/hand",
	   '<= ' || ph_target || 'x' AS target,
	   bench.met(ph <= ph_target) AS met,
	   coalesce(bench.ms(hh_exec) || ' / ' || bench.ms(hh_total), '') AS "hand-written heap exec/total",
	   coalesce(bench.x(phh), '') AS "prot/hand heap",
	   coalesce(bench.ms(c_exec) || ' / ' || bench.ms(c_total), 'n/a') AS "CTE policy exec/total",
	   coalesce(bench.x(cp), '') AS "CTE/prot",
	   coalesce('>= ' || cp_target || 'x', '') AS target,
	   bench.met(cp >= cp_target) AS met
  FROM bench.qreport ORDER BY vord, qord;

\echo 'bench: protected plans (first lines of EXPLAIN (COSTS OFF) as bench_app)'
SELECT viewer, query,
	   array_to_string(ARRAY(SELECT CASE WHEN length(l) > 120 THEN left(l, 117) || '...' ELSE l END
							   FROM unnest(plan[1:10]) AS l), E'\n')
	   || CASE WHEN cardinality(plan) > 10 THEN E'\n(' || cardinality(plan) - 10 || ' more lines)' ELSE '' END
	   AS "protected plan",
	   h_shape AS "hand-written plan"
  FROM bench.qreport ORDER BY vord, qord;

\echo 'bench: decisions, concurrency, subtree move, memory'
SELECT what, result, target, met, detail FROM bench.other ORDER BY ord;

DO $$
DECLARE
	bad text;
BEGIN
	SELECT string_agg(DISTINCT format('%s %s', viewer, query), ', ') INTO bad
	  FROM bench.qreport WHERE c_rows IS NOT NULL AND c_rows <> rows;
	IF bad IS NOT NULL THEN
		RAISE WARNING 'bench: the CTE policy counts other rows than orgacl for: %', bad;
	END IF;
END $$;

\echo 'bench: Markdown for README'
\pset format unaligned
\pset tuples_only on
SELECT line FROM (
	SELECT 0 AS o, '<!-- orgacl-bench:rls:begin -->' AS line
	UNION ALL
	SELECT 1, format('100,000 persons in 10 levels, 1,000,000 protected reviews, PostgreSQL %s, '
					 'up to %s parallel workers per query, no JIT; times in ms (execution / planning + execution), '
					 'median of %s runs after a warm-up; ratios on planning + execution.',
					 current_setting('server_version'), current_setting('max_parallel_workers_per_gather'), :runs)
	UNION ALL
	SELECT 2, ''
	UNION ALL
	SELECT 3, '| viewer | query | rows | protected | hand-written | protected/hand-written (target) | hand-written, reading the policy''s columns * | protected/that | recursive-CTE policy | CTE/protected (target) | protected plan |'
	UNION ALL
	SELECT 4, '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|'
	UNION ALL
	SELECT * FROM (
		SELECT 5 + (vord * 10 + qord)::float8 / 1000,
			   format('| %s (%s visible) | %s | %s | %s | %s | %s (<= %sx) %s | %s | %s | %s | %s | %s |',
					  r.viewer, to_char(cardinality(v.vis), 'FM999,999'), r.query, to_char(r.rows, 'FM9,999,999'),
					  bench.ms(p_exec) || ' / ' || bench.ms(p_total),
					  bench.ms(h_exec) || ' / ' || bench.ms(h_total),
					  bench.x(ph), ph_target, bench.met(ph <= ph_target),
					  coalesce(bench.ms(hh_exec) || ' / ' || bench.ms(hh_total), ''),
					  coalesce(bench.x(phh), ''),
					  coalesce(bench.ms(c_exec) || ' / ' || bench.ms(c_total), 'n/a'),
					  coalesce(bench.x(cp), '')
					  || CASE WHEN cp_target IS NOT NULL
							  THEN format(' (>= %sx) %s', cp_target, bench.met(cp >= cp_target)) ELSE '' END,
					  replace(shape, '|', '\|'))
		  FROM bench.qreport r JOIN bench.viewer v ON v.name = r.viewer) t
	UNION ALL
	SELECT 6, ''
	UNION ALL
	SELECT 6.1, '\* Q1 as `count(cycle) FILTER (WHERE subject IS NOT NULL)`: the hand-written predicate, reading the two '
				'columns of every row that the policy reads (the hand-written `count(*)` reads none: the narrowest index answers it).'
	UNION ALL
	SELECT 6.2, ''
	UNION ALL
	SELECT 7, '| measure | result | target | met | detail |'
	UNION ALL
	SELECT 8, '|---|--:|---|---|---|'
	UNION ALL
	SELECT * FROM (
		SELECT 9 + ord::float8 / 1000,
			   format('| %s | %s | %s | %s | %s |', what, result, target, met, detail)
		  FROM bench.other) s
	UNION ALL
	SELECT 10, '<!-- orgacl-bench:rls:end -->'
) m ORDER BY o;
\pset format aligned
\pset tuples_only off
