--
-- orgpath_index: the same questions answered by a sequential scan, a btree
-- index and a GiST index must get the same answers; the plans show which
-- index answers which operator.
--
SET search_path = orgacl, public;

-- A deterministic organisation: person c reports to c/4 (from person 1
-- down, ids up to 20,000), 9,078 people about 8 levels deep.  Ids run
-- through 127/128/129 and 16512/16513, where the label encoding changes
-- length.
CREATE TABLE org_paths (id int PRIMARY KEY, p orgpath NOT NULL);
WITH RECURSIVE t(id, p) AS (
	SELECT 1, '1'::orgpath
	UNION ALL
	SELECT c, t.p || c::bigint
	FROM t, generate_series(4 * t.id, 4 * t.id + 3) c
	WHERE c <= 20000
)
INSERT INTO org_paths SELECT id, p FROM t;
ANALYZE org_paths;

-- the probes: ancestors, descendants and equality at several depths
CREATE TEMP TABLE probes (q orgpath);
INSERT INTO probes VALUES
	('1'), ('1.4'), ('1.4.16'), ('1.5.20.80.320'), ('1.7.31.127.508.2032.8131'),
	('1.4.16.64.256.1024.4096.16384'), ('1.4.16.64.256.1024.4096.16384.9'),
	('2'), (''), ('1.4.17');

-- answer runs every probe with every operator and records the matches
CREATE TEMP TABLE answers (how text, q orgpath, op text, n bigint, ids_hash text);
CREATE FUNCTION pg_temp.answer(how text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	pr record;
BEGIN
	FOR pr IN SELECT q FROM probes LOOP
		INSERT INTO answers SELECT how, pr.q, '<@', count(*), md5(string_agg(id::text, ',' ORDER BY id))
			FROM org_paths WHERE p <@ pr.q;
		INSERT INTO answers SELECT how, pr.q, '@>', count(*), md5(string_agg(id::text, ',' ORDER BY id))
			FROM org_paths WHERE p @> pr.q;
		INSERT INTO answers SELECT how, pr.q, '=', count(*), md5(string_agg(id::text, ',' ORDER BY id))
			FROM org_paths WHERE p = pr.q;
	END LOOP;
END $$;

-- 1. sequential scan
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SELECT pg_temp.answer('seqscan');
RESET enable_indexscan;
RESET enable_bitmapscan;
SELECT q, op, n FROM answers WHERE how = 'seqscan' ORDER BY q, op;

-- 2. btree: answers =, and <@ as a range
CREATE INDEX org_paths_btree ON org_paths USING btree (p);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM org_paths WHERE p = '1.4.16';
EXPLAIN (COSTS OFF) SELECT id FROM org_paths
	WHERE p >= '1.4.16' AND p < subtree_end('1.4.16');
-- <@ itself uses the btree: the planner support function of <@ turns it
-- into that range (a constant bound at plan time, subtree_max() at run
-- time for a parameter), exactly, with no recheck
EXPLAIN (COSTS OFF) SELECT id FROM org_paths WHERE p <@ '1.4.16';
EXPLAIN (COSTS OFF) SELECT id FROM org_paths WHERE '1.4.16' @> p;
EXPLAIN (COSTS OFF) SELECT id FROM org_paths WHERE p <@ '';
PREPARE subtree(orgpath) AS SELECT count(*) FROM org_paths WHERE p <@ $1;
SET plan_cache_mode = force_generic_plan;
EXPLAIN (COSTS OFF) EXECUTE subtree('1.4.16');
EXECUTE subtree('1.4.16');
EXECUTE subtree('');
RESET plan_cache_mode;
DEALLOCATE subtree;
SELECT count(*) AS range_form_disagreements FROM probes
WHERE (SELECT count(*) FROM org_paths WHERE p >= q AND (subtree_end(q) IS NULL OR p < subtree_end(q)))
   <> (SELECT n FROM answers WHERE how = 'seqscan' AND answers.q = probes.q AND op = '<@');
-- depth-first order comes straight from the index
EXPLAIN (COSTS OFF) SELECT p FROM org_paths ORDER BY p LIMIT 5;
SELECT p FROM org_paths ORDER BY p LIMIT 5;
SELECT pg_temp.answer('btree');
DROP INDEX org_paths_btree;

-- 3. GiST: answers <@, @> and =, exactly (no recheck)
CREATE INDEX org_paths_gist ON org_paths USING gist (p);
EXPLAIN (COSTS OFF) SELECT count(*) FROM org_paths WHERE p <@ '1.4.16';
EXPLAIN (COSTS OFF) SELECT count(*) FROM org_paths WHERE p @> '1.4.16.64.256';
EXPLAIN (COSTS OFF) SELECT count(*) FROM org_paths WHERE p = '1.4.16';
-- index-only scan: a GiST leaf holds the path exactly
VACUUM ANALYZE org_paths;
EXPLAIN (COSTS OFF) SELECT p FROM org_paths WHERE p <@ '1.4.16.64';
SELECT count(*), min(p), max(p) FROM org_paths WHERE p <@ '1.4.16.64';
SELECT pg_temp.answer('gist');
RESET enable_seqscan;

-- 4. GiST built by inserts (penalty and picksplit) rather than by sorting
DROP INDEX org_paths_gist;
CREATE TEMP TABLE org_copy (LIKE org_paths);
INSERT INTO org_copy SELECT * FROM org_paths;
DELETE FROM org_paths;
CREATE INDEX org_paths_gist ON org_paths USING gist (p);
INSERT INTO org_paths SELECT * FROM org_copy ORDER BY random();
SET enable_seqscan = off;
SELECT pg_temp.answer('gist_inserted');
RESET enable_seqscan;

-- every method gives the same rows as the sequential scan for every probe
-- and operator (expect no rows), over 90 comparisons
SELECT a.how, a.q, a.op, a.n, s.n AS seqscan_n
FROM answers a
JOIN answers s ON s.how = 'seqscan' AND s.q = a.q AND s.op = a.op
WHERE a.how <> 'seqscan' AND (a.n, a.ids_hash) IS DISTINCT FROM (s.n, s.ids_hash);
SELECT count(*) AS compared FROM answers a
JOIN answers s ON s.how = 'seqscan' AND s.q = a.q AND s.op = a.op
WHERE a.how <> 'seqscan';

-- the index stays right through updates and deletes: a reorganisation
-- moves the subtree of 1.4.16 to a new top person 3, another removes 1.5.20's
UPDATE org_paths SET p = '3'::orgpath || subpath(p, 2)
WHERE p <@ '1.4.16';
DELETE FROM org_paths WHERE p <@ '1.5.20';
SET enable_seqscan = off;
SELECT count(*) AS moved_gist FROM org_paths WHERE p <@ '3';
SELECT count(*) AS left_gist FROM org_paths WHERE p <@ '1.4.16';
SELECT count(*) AS deleted_gist FROM org_paths WHERE p <@ '1.5.20';
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SET enable_seqscan = on;
SELECT count(*) AS moved_seq FROM org_paths WHERE p <@ '3';
RESET enable_indexscan;
RESET enable_bitmapscan;

-- on a table this size the planner picks the GiST index on its own for a
-- small subtree, from the column statistics
ANALYZE org_paths;
EXPLAIN (COSTS OFF) SELECT count(*) FROM org_paths WHERE p <@ '1.7.31.127.508';

-- the estimator: a subtree (<@) is estimated as the btree range it is, a
-- line of ancestors (@>) as the sum of its equalities; ANALYZE reads the
-- whole table here, so the statistics and the estimates are stable
CREATE FUNCTION pg_temp.estimate(q text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) SELECT * FROM org_paths WHERE ' || q INTO plan;
	RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
END $$;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SELECT q AS predicate, pg_temp.estimate(q) AS estimated,
	CASE op WHEN '<@' THEN (SELECT count(*) FROM org_paths WHERE p <@ x)
	        ELSE (SELECT count(*) FROM org_paths WHERE p @> x) END AS actual
FROM (VALUES
	('p <@ ''1''', '1'::orgpath, '<@'), ('p <@ ''1.7''', '1.7', '<@'),
	('p <@ ''1.7.31''', '1.7.31', '<@'), ('p <@ ''1.7.31.127''', '1.7.31.127', '<@'),
	('p @> ''1.7.31.127.508.2032''', '1.7.31.127.508.2032', '@>'),
	('''1.7.31.127.508.2032'' @> p', '1.7.31.127.508.2032', '<@')
) v(q, x, op);
RESET enable_indexscan;
RESET enable_bitmapscan;

-- a unique btree index on paths
CREATE UNIQUE INDEX org_paths_unique ON org_paths (p);
INSERT INTO org_paths VALUES (0, '1.4');
DROP TABLE org_paths;

-- Deep paths of large ids (600 levels of 9-byte labels, 5.4 kB a path):
-- a leaf key fits in an index tuple, and inner keys cut their bounds so that
-- they fit too.  The answers must not change.
CREATE TABLE deep_paths (id int, p orgpath);
CREATE INDEX deep_paths_gist ON deep_paths USING gist (p);
INSERT INTO deep_paths
SELECT g, orgpath(ARRAY[1 + g % 3]::bigint[] ||
	(SELECT array_agg(72057594037927936 + ((g::bigint * 7919 + i) * 104729) % 1000000007)
	 FROM generate_series(1, 600 - g % 2) i))
FROM generate_series(1, 60) g;
SELECT count(*) AS deep_paths, min(nlevel(p)), max(octet_length(p::text)) > 10000 AS long_text
FROM deep_paths;
CREATE TEMP TABLE deep_probes AS
	SELECT q FROM (VALUES ('1'::orgpath), ('2'), ('3'), ('4')) v(q)
	UNION ALL SELECT subpath(p, 0, 300) FROM deep_paths WHERE id IN (1, 2, 30)
	UNION ALL SELECT p FROM deep_paths WHERE id IN (7, 8);
SET enable_seqscan = off;
CREATE TEMP TABLE deep_gist AS
	SELECT q, (SELECT count(*) FROM deep_paths WHERE p <@ q) AS below,
	          (SELECT count(*) FROM deep_paths WHERE p @> q) AS above,
	          (SELECT count(*) FROM deep_paths WHERE p = q) AS equal
	FROM deep_probes;
EXPLAIN (COSTS OFF) SELECT count(*) FROM deep_paths WHERE p <@ '2';
RESET enable_seqscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SELECT nlevel(g.q) AS probe_levels, g.below, g.above, g.equal,
	(g.below, g.above, g.equal) = (
		(SELECT count(*) FROM deep_paths WHERE p <@ g.q),
		(SELECT count(*) FROM deep_paths WHERE p @> g.q),
		(SELECT count(*) FROM deep_paths WHERE p = g.q)) AS same_as_seqscan
FROM deep_gist g ORDER BY g.q;
RESET enable_indexscan;
RESET enable_bitmapscan;
DROP TABLE deep_paths;
