-- test/bench/orgpath.sql: orgacl.orgpath against contrib ltree, run by
-- test/bench/run.sh (`make bench`) in psql with ON_ERROR_STOP and the
-- variables rows, runs, seed and skew.
--
-- DATA.  A random tree of :rows nodes numbered k = 1 .. :rows in creation
-- order.  Node 1 is the root; node k > 1 reports to
--
--     parent(k) = 1 + floor((k - 1) * random() ^ :skew)
--
-- an earlier node, biased towards the oldest ones by the exponent: with
-- skew = 1 this is the random recursive tree (mean depth ~ ln(rows) ~ 14),
-- and since a node's depth is about 1 + ln(k) / skew, skew = 1.55 gives a
-- mean depth of about 10 for a million nodes, with a realistic spread of
-- fan-outs (a few huge departments, many small teams).  The ids are a random
-- permutation of 1 .. :rows, so that an id says nothing about its place in
-- the tree, and node k's path is the ids from the root down to k.  Both
-- tables, bench_orgpath(id int, p orgacl.orgpath) and bench_ltree(id int,
-- p ltree), hold the same paths (ltree labels are the decimal ids; id is k)
-- inserted in the same random order.  setseed(:seed) makes all of
-- it reproducible.
--
-- QUERIES.  Three subtree roots X are picked from the data by subtree size
-- (about 15% of the rows, about 1,000 rows, about 10 rows), and the deepest
-- path for the ancestors query.  Every query is a count(*), run once to
-- warm up and then :runs times, all orgpath runs, then all ltree runs (run
-- by run alternation would time each query right after the other type's,
-- with CPU caches full of the other table: a 0.02 ms btree probe then took
-- 0.18 ms after ltree's 80 ms seq scan); the median is reported, with the
-- plan each type got (scan and index type).  Every run of
-- both types must return the same count, and every form of one X must count
-- the subtree size computed from the data, or the bench aborts.
--
-- orgpath's <@ has a planner support function that answers it from a btree
-- index as the range [X, subtree_end(X)), so with both indexes present a
-- GiST row would silently measure the btree.  The queries therefore run in
-- phases, each with only the indexes it names (both types alike):
--   1. no index: <@ by seq scan; ORDER BY p as seq scan + in-memory sort
--      (the LIMIT is larger than the table: it only keeps the sort);
--   2. btree only: the explicit range p >= X AND p < E (orgpath: E =
--      subtree_end(X); ltree: E is X with '0' appended to its last label,
--      see below), enable_seqscan = off; then plain <@ with the planner free
--      (orgpath gets the range through its support function, ltree has no
--      btree support for <@ and scans the table); then ORDER BY p as an
--      ordered index-only scan;
--   3. GiST only: <@, = and @> with enable_seqscan = off, because for the
--      large subtree the planner would rather scan the table (orgpath's GiST
--      can return the path, so index-only scans; ltree's cannot), and <@
--      once more with only bitmap scans allowed, the same plan for both;
--   4. both indexes, the planner free: what a user gets by default.
-- Index builds are timed once each (one run, not a median).
--
-- The ltree range: ltree orders labels bytewise, a shorter label first on a
-- common prefix, so the labels above '5' start with '5' and go on with some
-- character; '0' is the smallest character PostgreSQL 15's ltree accepts
-- ('-' only from 16 on), so [X, X||'0') is exactly X's subtree.  The counts
-- are checked against <@ like every other form.

\set ON_ERROR_STOP on
\pset footer off
\pset null ''

SET client_min_messages = warning;
CREATE EXTENSION orgacl;
CREATE EXTENSION ltree;
SET search_path = public, orgacl;
SET client_min_messages = notice;

\echo 'bench: building' :rows 'random paths (seed' :seed ', skew' :skew ')'

SELECT setseed(:seed) \gset

CREATE TABLE bench_node AS
SELECT k,
	   CASE WHEN k > 1 THEN 1 + floor((k - 1) * power(random(), :skew))::int END AS parent
  FROM generate_series(1, :rows) AS k;

CREATE TABLE bench_perm AS
SELECT k, row_number() OVER (ORDER BY r, k)::int AS id
  FROM (SELECT k, random() AS r FROM generate_series(1, :rows) AS k) s;

CREATE TABLE bench_nodeid AS
SELECT n.k, n.parent, p.id FROM bench_node n JOIN bench_perm p USING (k);
CREATE INDEX ON bench_nodeid (parent);
ANALYZE bench_nodeid;

-- ids top first; ord is the common random physical order of both tables
CREATE TABLE bench_tree AS
WITH RECURSIVE t(k, ids) AS (
	SELECT k, ARRAY[id::bigint] FROM bench_nodeid WHERE parent IS NULL
	UNION ALL
	SELECT n.k, t.ids || n.id::bigint FROM t JOIN bench_nodeid n ON n.parent = t.k
)
SELECT k, ids FROM t;
ALTER TABLE bench_tree ADD COLUMN ord float8;
UPDATE bench_tree SET ord = random();

CREATE TABLE bench_orgpath (id int, p orgacl.orgpath);
CREATE TABLE bench_ltree (id int, p ltree);
INSERT INTO bench_orgpath SELECT k, ids::orgacl.orgpath FROM bench_tree ORDER BY ord;
INSERT INTO bench_ltree SELECT k, array_to_string(ids, '.')::ltree FROM bench_tree ORDER BY ord;

-- both tables hold the same paths (their physical orders differ slightly:
-- the free space map lets a short row fill a gap left on an earlier page)
DO $$
DECLARE
	bad bigint;
BEGIN
	SELECT count(*) INTO bad
	  FROM bench_orgpath o FULL JOIN bench_ltree l USING (id)
	 WHERE o.p::text IS DISTINCT FROM l.p::text;
	IF bad <> 0 THEN
		RAISE EXCEPTION 'bench: orgpath and ltree tables differ in % rows', bad;
	END IF;
END $$;

VACUUM (FREEZE, ANALYZE) bench_orgpath;
VACUUM (FREEZE, ANALYZE) bench_ltree;

-- subtree size of every node: a node's id is in the path of each of its
-- descendants (ids are unique)
CREATE TABLE bench_subtree AS
SELECT t.k, cardinality(t.ids) AS depth, array_to_string(t.ids, '.') AS path, s.size
  FROM bench_tree t
  JOIN (SELECT a AS id, count(*) AS size FROM bench_tree, unnest(ids) AS a GROUP BY a) s
	ON s.id = t.ids[cardinality(t.ids)];

\echo 'bench: data'
SELECT count(*) AS paths,
	   round(avg(depth), 2) AS "mean depth",
	   max(depth) AS "max depth",
	   count(*) FILTER (WHERE depth BETWEEN 8 AND 12) AS "depth 8-12",
	   round(avg(length(path)), 1) AS "mean text length"
  FROM bench_subtree;

-- the query paths X: ord orders the report
CREATE TABLE bench_x (ord int, name text, path text, depth int, size bigint);
INSERT INTO bench_x
SELECT 1, 'large', path, depth, size FROM bench_subtree
 WHERE depth > 1 ORDER BY abs(size - 0.15 * :rows), k LIMIT 1;
INSERT INTO bench_x
SELECT 2, 'mid', path, depth, size FROM bench_subtree
 ORDER BY abs(size - 1000), k LIMIT 1;
INSERT INTO bench_x
SELECT 3, 'small', path, depth, size FROM bench_subtree
 ORDER BY abs(size - 10), abs(depth - 10), k LIMIT 1;
INSERT INTO bench_x
SELECT 4, 'deepest', path, depth, depth FROM bench_subtree
 ORDER BY depth DESC, k LIMIT 1;
ALTER TABLE bench_x
	ADD COLUMN org_end text,
	ADD COLUMN lt_end text;
UPDATE bench_x SET org_end = orgacl.subtree_end(path::orgacl.orgpath)::text,
				   lt_end = path || '0';

\echo 'bench: query paths X (size: rows in the subtree; for deepest: its ancestors-or-self)'
SELECT name AS "X", depth, size, path, org_end AS "orgpath subtree_end", lt_end AS "ltree upper bound"
  FROM bench_x ORDER BY ord;

---------------------------------------------------------------------------
-- measurement machinery
---------------------------------------------------------------------------

CREATE TABLE bench_result (
	seq serial,
	query text,
	xname text,
	rows bigint,
	org_ms float8,
	lt_ms float8,
	runs int,
	org_plan text,
	lt_plan text
);

-- bench_once runs a count(*) query once and times it
CREATE FUNCTION bench_once(q text, OUT ms float8, OUT n bigint)
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
BEGIN
	t0 := clock_timestamp();
	EXECUTE q INTO n;
	ms := 1000 * extract(epoch FROM clock_timestamp() - t0);
END $$;

-- bench_plan names the scans and sorts of q's plan, in execution order,
-- with the kind of index each index scan uses
CREATE FUNCTION bench_plan(q text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	j jsonb;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON, COSTS OFF) ' || q INTO j;
	RETURN (SELECT string_agg(CASE n ->> 'Node Type'
								  WHEN 'Seq Scan' THEN 'seq scan'
								  WHEN 'Index Only Scan' THEN 'index-only scan'
								  WHEN 'Index Scan' THEN 'index scan'
								  WHEN 'Bitmap Heap Scan' THEN 'bitmap scan'
								  WHEN 'Sort' THEN 'sort'
								  WHEN 'Incremental Sort' THEN 'incremental sort'
							  END
							  || coalesce(' (' || bench_am(coalesce(n ->> 'Index Name',
																	n #>> '{Plans,0,Index Name}')) || ')', ''),
							  ' + ' ORDER BY o DESC)
			  FROM jsonb_path_query(j, 'strict $.**') WITH ORDINALITY AS x(n, o)
			 WHERE jsonb_typeof(n) = 'object' AND n ? 'Node Type');
END $$;

-- bench_am names an index's access method: btree or GiST
CREATE FUNCTION bench_am(idx text) RETURNS text
LANGUAGE sql AS $$
	SELECT CASE a.amname WHEN 'gist' THEN 'GiST' ELSE a.amname::text END
	  FROM pg_class c JOIN pg_am a ON a.oid = c.relam
	 WHERE c.oid = to_regclass(idx)
$$;

CREATE FUNCTION bench_median(a float8[]) RETURNS float8
LANGUAGE sql AS $$
	SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(a) AS x
$$;

-- bench_repeat times q: one warm-up run, then runs timed runs, each of
-- which must count what the warm-up counted; it returns that count and
-- the median time
CREATE FUNCTION bench_repeat(q text, runs int, what text,
							 OUT n bigint, OUT ms float8)
LANGUAGE plpgsql AS $$
DECLARE
	t float8[] := '{}';
	r record;
	i int;
BEGIN
	SELECT b.n INTO n FROM bench_once(q) b;
	FOR i IN 1 .. runs LOOP
		SELECT * INTO r FROM bench_once(q);
		t := t || r.ms;
		IF r.n IS DISTINCT FROM n THEN
			RAISE EXCEPTION 'bench: %: a run counted % instead of %', what, r.n, n;
		END IF;
	END LOOP;
	ms := bench_median(t);
END $$;

-- bench_pair times one query on both types under the planner settings
-- "name=value ..." (every other enable_* it touches is on), checks that
-- every run of both returns the same count and records the medians
CREATE FUNCTION bench_pair(label text, xname text, settings text,
						   q_org text, q_lt text, runs int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	g text;
	org record;
	lt record;
BEGIN
	FOREACH g IN ARRAY ARRAY['enable_seqscan', 'enable_indexscan',
							 'enable_indexonlyscan', 'enable_bitmapscan',
							 'enable_sort']
	LOOP
		PERFORM set_config(g, 'on', true);
	END LOOP;
	FOREACH g IN ARRAY regexp_split_to_array(btrim(settings), '\s+')
	LOOP
		CONTINUE WHEN g = '';
		PERFORM set_config(split_part(g, '=', 1), split_part(g, '=', 2), true);
	END LOOP;

	-- one type after the other, each after its own warm-up run (see the
	-- head of this file)
	SELECT * INTO org FROM bench_repeat(q_org, runs, format('%s (%s), orgpath', label, xname));
	SELECT * INTO lt FROM bench_repeat(q_lt, runs, format('%s (%s), ltree', label, xname));
	IF org.n IS DISTINCT FROM lt.n THEN
		RAISE EXCEPTION 'bench: % (%): orgpath counts %, ltree counts %',
			label, xname, org.n, lt.n;
	END IF;

	INSERT INTO bench_result (query, xname, rows, org_ms, lt_ms, runs, org_plan, lt_plan)
	VALUES (label, xname, org.n, org.ms, lt.ms, runs,
			bench_plan(q_org), bench_plan(q_lt));
END $$;

-- bench_build times one statement per type, once
CREATE FUNCTION bench_build(label text, q_org text, q_lt text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	ms_org float8;
	ms_lt float8;
BEGIN
	t0 := clock_timestamp();
	EXECUTE q_org;
	ms_org := 1000 * extract(epoch FROM clock_timestamp() - t0);
	t0 := clock_timestamp();
	EXECUTE q_lt;
	ms_lt := 1000 * extract(epoch FROM clock_timestamp() - t0);
	INSERT INTO bench_result (query, org_ms, lt_ms, runs)
	VALUES (label, ms_org, ms_lt, 1);
END $$;

---------------------------------------------------------------------------
-- measurements
---------------------------------------------------------------------------

CREATE TABLE bench_size (ord int, what text, unit text, org numeric, lt numeric);
INSERT INTO bench_size VALUES
	(1, 'column: sum(pg_column_size(p))', 'MB',
	 (SELECT sum(pg_column_size(p)) FROM bench_orgpath),
	 (SELECT sum(pg_column_size(p)) FROM bench_ltree)),
	(2, 'column: mean bytes per path', 'B',
	 (SELECT avg(pg_column_size(p)) FROM bench_orgpath),
	 (SELECT avg(pg_column_size(p)) FROM bench_ltree)),
	(3, 'table: pg_relation_size (id int + p)', 'MB',
	 pg_relation_size('bench_orgpath'), pg_relation_size('bench_ltree'));

CHECKPOINT;
\echo 'bench: timing the queries (median of' :runs 'runs after a warm-up)'
\echo 'bench: phase 1, no index'
\o /dev/null

SELECT bench_pair('no index: p <@ X (seq scan)', name, '',
		format('SELECT count(*) FROM bench_orgpath WHERE p <@ %L::orgacl.orgpath', path),
		format('SELECT count(*) FROM bench_ltree WHERE p <@ %L::ltree', path), :runs)
  FROM bench_x WHERE name <> 'deepest' ORDER BY ord;

SELECT bench_pair('no index: ORDER BY p (seq scan + sort)', 'all', '',
		format('SELECT count(*) FROM (SELECT p FROM bench_orgpath ORDER BY p LIMIT %s) s', 2 * :rows),
		format('SELECT count(*) FROM (SELECT p FROM bench_ltree ORDER BY p LIMIT %s) s', 2 * :rows),
		:runs);

\o
\echo 'bench: phase 2, btree indexes only'
\o /dev/null

SELECT bench_build('build btree index',
	'CREATE INDEX bench_orgpath_btree ON bench_orgpath USING btree (p)',
	'CREATE INDEX bench_ltree_btree ON bench_ltree USING btree (p)');
VACUUM ANALYZE bench_orgpath;
VACUUM ANALYZE bench_ltree;
INSERT INTO bench_size VALUES
	(4, 'btree index', 'MB',
	 pg_relation_size('bench_orgpath_btree'), pg_relation_size('bench_ltree_btree'));
CHECKPOINT;

SELECT bench_pair('btree: p >= X AND p < end(X)', name, 'enable_seqscan=off',
		format('SELECT count(*) FROM bench_orgpath WHERE p >= %L::orgacl.orgpath AND p < %L::orgacl.orgpath',
			   path, org_end),
		format('SELECT count(*) FROM bench_ltree WHERE p >= %L::ltree AND p < %L::ltree',
			   path, lt_end), :runs)
  FROM bench_x WHERE name <> 'deepest' ORDER BY ord;

SELECT bench_pair('btree: p <@ X (planner''s choice)', name, '',
		format('SELECT count(*) FROM bench_orgpath WHERE p <@ %L::orgacl.orgpath', path),
		format('SELECT count(*) FROM bench_ltree WHERE p <@ %L::ltree', path), :runs)
  FROM bench_x WHERE name <> 'deepest' ORDER BY ord;

SELECT bench_pair('btree: ORDER BY p (index-only scan)', 'all',
		'enable_seqscan=off enable_sort=off enable_bitmapscan=off',
		format('SELECT count(*) FROM (SELECT p FROM bench_orgpath ORDER BY p LIMIT %s) s', 2 * :rows),
		format('SELECT count(*) FROM (SELECT p FROM bench_ltree ORDER BY p LIMIT %s) s', 2 * :rows),
		:runs);

\o
\echo 'bench: phase 3, GiST indexes only'
\o /dev/null

DROP INDEX bench_orgpath_btree, bench_ltree_btree;
SELECT bench_build('build GiST index',
	'CREATE INDEX bench_orgpath_gist ON bench_orgpath USING gist (p)',
	'CREATE INDEX bench_ltree_gist ON bench_ltree USING gist (p)');
VACUUM ANALYZE bench_orgpath;
VACUUM ANALYZE bench_ltree;
INSERT INTO bench_size VALUES
	(5, 'GiST index', 'MB',
	 pg_relation_size('bench_orgpath_gist'), pg_relation_size('bench_ltree_gist'));
CHECKPOINT;

SELECT bench_pair('GiST: p <@ X', name, 'enable_seqscan=off',
		format('SELECT count(*) FROM bench_orgpath WHERE p <@ %L::orgacl.orgpath', path),
		format('SELECT count(*) FROM bench_ltree WHERE p <@ %L::ltree', path), :runs)
  FROM bench_x WHERE name <> 'deepest' ORDER BY ord;

SELECT bench_pair('GiST: p <@ X (bitmap scan)', name,
		'enable_seqscan=off enable_indexscan=off enable_indexonlyscan=off',
		format('SELECT count(*) FROM bench_orgpath WHERE p <@ %L::orgacl.orgpath', path),
		format('SELECT count(*) FROM bench_ltree WHERE p <@ %L::ltree', path), :runs)
  FROM bench_x WHERE name <> 'deepest' ORDER BY ord;

SELECT bench_pair('GiST: p = X', name, 'enable_seqscan=off',
		format('SELECT count(*) FROM bench_orgpath WHERE p = %L::orgacl.orgpath', path),
		format('SELECT count(*) FROM bench_ltree WHERE p = %L::ltree', path), :runs)
  FROM bench_x WHERE name = 'small';

SELECT bench_pair('GiST: p @> X (ancestors)', name, 'enable_seqscan=off',
		format('SELECT count(*) FROM bench_orgpath WHERE p @> %L::orgacl.orgpath', path),
		format('SELECT count(*) FROM bench_ltree WHERE p @> %L::ltree', path), :runs)
  FROM bench_x WHERE name = 'deepest';

\o
\echo 'bench: phase 4, both indexes, planner''s choice'
\o /dev/null

CREATE INDEX bench_orgpath_btree ON bench_orgpath USING btree (p);
CREATE INDEX bench_ltree_btree ON bench_ltree USING btree (p);
VACUUM ANALYZE bench_orgpath;
VACUUM ANALYZE bench_ltree;
INSERT INTO bench_size VALUES
	(6, 'total: pg_total_relation_size', 'MB',
	 pg_total_relation_size('bench_orgpath'), pg_total_relation_size('bench_ltree'));
CHECKPOINT;

SELECT bench_pair('btree + GiST: p <@ X (planner''s choice)', name, '',
		format('SELECT count(*) FROM bench_orgpath WHERE p <@ %L::orgacl.orgpath', path),
		format('SELECT count(*) FROM bench_ltree WHERE p <@ %L::ltree', path), :runs)
  FROM bench_x WHERE name <> 'deepest' ORDER BY ord;

SELECT bench_pair('btree + GiST: p @> X (planner''s choice)', name, '',
		format('SELECT count(*) FROM bench_orgpath WHERE p @> %L::orgacl.orgpath', path),
		format('SELECT count(*) FROM bench_ltree WHERE p @> %L::ltree', path), :runs)
  FROM bench_x WHERE name = 'deepest';

\o

-- every form of one X counts the same rows, the subtree size found above
-- (one row for p = X)
DO $$
DECLARE
	bad text;
BEGIN
	SELECT string_agg(format('%s (%s): %s rows, expected %s', r.query, r.xname, r.rows, e.n), '; ')
	  INTO bad
	  FROM bench_result r JOIN bench_x x ON x.name = r.xname,
		   LATERAL (SELECT CASE WHEN r.query LIKE '%p = X%' THEN 1 ELSE x.size END AS n) e
	 WHERE r.rows <> e.n;
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'bench: wrong counts: %', bad;
	END IF;
	SELECT string_agg(format('%s: %s rows', r.query, r.rows), '; ')
	  INTO bad
	  FROM bench_result r
	 WHERE r.xname = 'all' AND r.rows <> (SELECT count(*) FROM bench_orgpath);
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'bench: wrong counts: %', bad;
	END IF;
END $$;

---------------------------------------------------------------------------
-- report
---------------------------------------------------------------------------

CREATE FUNCTION bench_ms(ms float8) RETURNS text
LANGUAGE sql AS $$
	SELECT CASE WHEN ms >= 100 THEN round(ms::numeric, 0)::text
				WHEN ms >= 1 THEN round(ms::numeric, 1)::text
				ELSE round(ms::numeric, 3)::text END
$$;

CREATE VIEW bench_timing AS
SELECT r.seq,
	   r.query
		   || CASE WHEN x.name IS NULL THEN '' ELSE ' [' || x.name || ']' END
		   || CASE WHEN r.runs = 1 THEN ' (1 run)' ELSE '' END AS query,
	   r.rows,
	   bench_ms(r.org_ms) AS orgpath_ms,
	   bench_ms(r.lt_ms) AS ltree_ms,
	   round((r.lt_ms / r.org_ms)::numeric, 2) AS ratio,
	   r.runs,
	   coalesce(r.org_plan, '') AS org_plan,
	   coalesce(r.lt_plan, '') AS lt_plan
  FROM bench_result r LEFT JOIN bench_x x ON x.name = r.xname;

CREATE VIEW bench_sizes AS
SELECT ord, what,
	   CASE unit WHEN 'MB' THEN round(org / 1048576, 1) || ' MB'
				 ELSE round(org, 1) || ' B' END AS orgpath,
	   CASE unit WHEN 'MB' THEN round(lt / 1048576, 1) || ' MB'
				 ELSE round(lt, 1) || ' B' END AS ltree,
	   round(org / lt, 3) AS ratio
  FROM bench_size;

\echo
\echo 'bench: timings in ms, median of' :runs 'runs (ratio = ltree / orgpath: > 1 means orgpath is faster)'
SELECT query, rows, orgpath_ms AS "orgpath ms", ltree_ms AS "ltree ms",
	   ratio AS "ltree/orgpath", org_plan AS "orgpath plan", lt_plan AS "ltree plan"
  FROM bench_timing ORDER BY seq;

\echo 'bench: on-disk sizes (ratio = orgpath / ltree: < 1 means orgpath is smaller)'
SELECT what AS "size", orgpath, ltree, ratio AS "orgpath/ltree"
  FROM bench_sizes ORDER BY ord;

\echo 'bench: summary'
SELECT count(*) FILTER (WHERE ratio < 1 AND runs > 1) AS "queries where orgpath is slower",
	   min(ratio) FILTER (WHERE runs > 1) AS "worst ltree/orgpath",
	   (SELECT ratio FROM bench_sizes WHERE ord = 1) AS "column size orgpath/ltree"
  FROM bench_timing;

\echo 'bench: Markdown for README'
\pset format unaligned
\pset tuples_only on
SELECT line FROM (
	SELECT 0 AS o, '<!-- orgacl-bench:orgpath:begin -->' AS line
	UNION ALL
	SELECT 1, format('%s paths of mean depth %s (max %s), PostgreSQL %s, 1 backend, no JIT; '
					 'times in ms, median of %s runs after a warm-up.',
					 to_char(count(*), 'FM9,999,999'), round(avg(depth), 1), max(depth),
					 current_setting('server_version'), :runs)
	  FROM bench_subtree
	UNION ALL
	SELECT 2, ''
	UNION ALL
	SELECT 3, '| query | rows | orgpath ms | ltree ms | ltree/orgpath | orgpath plan | ltree plan |'
	UNION ALL
	SELECT 4, '|---|--:|--:|--:|--:|---|---|'
	UNION ALL
	SELECT * FROM (
		SELECT 5 + seq::float8 / 1000,
			   format('| %s | %s | %s | %s | %s | %s | %s |',
					  replace(query, '|', '\|'),
					  coalesce(to_char(rows, 'FM9,999,999'), ''),
					  orgpath_ms, ltree_ms, ratio, org_plan, lt_plan)
		  FROM bench_timing) t
	UNION ALL
	SELECT 6, ''
	UNION ALL
	SELECT 7, '| size | orgpath | ltree | orgpath/ltree |'
	UNION ALL
	SELECT 8, '|---|--:|--:|--:|'
	UNION ALL
	SELECT * FROM (
		SELECT 9 + ord::float8 / 1000,
			   format('| %s | %s | %s | %s |', what, orgpath, ltree, ratio)
		  FROM bench_sizes) s
	UNION ALL
	SELECT 10, '<!-- orgacl-bench:orgpath:end -->'
) m ORDER BY o;
