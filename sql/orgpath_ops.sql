--
-- orgpath_ops: comparison in depth-first order, hashing, ancestry (@>, <@)
-- and concatenation (||).
--
SET search_path = orgacl, public;

-- A small organisation: person 1 at the top, 5 and 6 below, 23 below 5...
-- Ids 127..129 and 16512..16513 straddle the encoding's class boundaries,
-- where a byte-wise order could go wrong if the encoding were not
-- order-preserving.
CREATE TEMP TABLE org (p orgpath);
INSERT INTO org VALUES
	(''), ('1'), ('1.5'), ('1.5.23'), ('1.5.23.7'), ('1.5.24'), ('1.6'),
	('1.50'), ('1.127'), ('1.128'), ('1.129'), ('1.16512'), ('1.16513'),
	('1.9223372036854775807'), ('2'), ('2.1'), ('10'), ('9223372036854775807');

-- depth-first order: a path right before its descendants, siblings by id
SELECT p, nlevel(p) FROM org ORDER BY p;

-- the same order, descending
SELECT p FROM org ORDER BY p DESC LIMIT 5;

-- every comparison operator agrees with orgpath_cmp and with comparing
-- the id arrays (which is depth-first order for positive ids)
SELECT count(*) AS pairs,
	count(*) FILTER (WHERE (a.p < b.p) = (orgpath_cmp(a.p, b.p) < 0)
		AND (a.p <= b.p) = (orgpath_cmp(a.p, b.p) <= 0)
		AND (a.p = b.p) = (orgpath_cmp(a.p, b.p) = 0)
		AND (a.p <> b.p) = (orgpath_cmp(a.p, b.p) <> 0)
		AND (a.p >= b.p) = (orgpath_cmp(a.p, b.p) >= 0)
		AND (a.p > b.p) = (orgpath_cmp(a.p, b.p) > 0)
		AND sign(orgpath_cmp(a.p, b.p)) = -sign(orgpath_cmp(b.p, a.p))
		AND (a.p < b.p) = (ids(a.p) < ids(b.p))
		AND (a.p = b.p) = (ids(a.p) = ids(b.p))) AS consistent
FROM org a, org b;

-- ancestry: @> is "ancestor of or equal", <@ its commutator
SELECT a.p AS ancestor, string_agg(b.p::text, ' ' ORDER BY b.p) AS descendants_or_self
FROM org a JOIN org b ON a.p @> b.p
WHERE a.p IN ('', '1', '1.5', '1.5.23.7', '2')
GROUP BY a.p ORDER BY a.p;

SELECT '1.5'::orgpath @> '1.5.23' AS anc,
       '1.5.23'::orgpath <@ '1.5' AS desc_,
       '1.5'::orgpath @> '1.5' AS self,
       '1.5'::orgpath @> '1.50' AS not_a_label_prefix,
       '1.50'::orgpath <@ '1.5' AS not_a_label_prefix2,
       '1.5.23'::orgpath @> '1.5' AS not_upward,
       ''::orgpath @> '7.8' AS empty_is_root,
       '7.8'::orgpath <@ '' AS under_empty;

-- <@ and @> agree with each other and with comparing id-array prefixes
SELECT count(*) FILTER (WHERE (a.p @> b.p) <> (b.p <@ a.p)) AS commutator_mismatch,
       count(*) FILTER (WHERE (a.p @> b.p) <>
           (ids(a.p) = (ids(b.p))[1:nlevel(a.p)] OR nlevel(a.p) = 0)) AS prefix_mismatch
FROM org a, org b;

-- hashing: equal paths hash equally; hash joins and hash aggregates work
SELECT hash_orgpath('1.5.23') = hash_orgpath(orgpath(ARRAY[1,5,23]::bigint[])) AS same_hash,
       (hash_orgpath_extended('1.5.23', 0) & 4294967295) =
           (hash_orgpath('1.5.23')::int8 & 4294967295) AS seed0_low_bits,
       hash_orgpath_extended('1.5.23', 1) <> hash_orgpath_extended('1.5.23', 0) AS seeded;
SET enable_sort = off;
SET enable_mergejoin = off;
EXPLAIN (COSTS OFF) SELECT p, count(*) FROM org GROUP BY p;
SELECT count(*) AS groups FROM (SELECT p, count(*) FROM org GROUP BY p) g;
EXPLAIN (COSTS OFF) SELECT count(*) FROM org a JOIN org b ON a.p = b.p;
SELECT count(*) AS self_join_rows FROM org a JOIN org b ON a.p = b.p;
RESET enable_sort;
RESET enable_mergejoin;

-- || joins paths, and appends or prepends an id
SELECT '1.5'::orgpath || '23.7'::orgpath AS path_path,
       '1.5'::orgpath || 23::bigint AS path_id,
       1::bigint || '5.23'::orgpath AS id_path,
       ''::orgpath || ''::orgpath AS empty_empty,
       ''::orgpath || 9223372036854775807::bigint AS max_id,
       '1.5'::orgpath || '' AS path_empty;

-- || refuses bad ids (22023) and paths deeper than 1,000 levels (54000)
\i sql/include/try.psql
SELECT q AS expression, pg_temp.try('SELECT ' || q) AS result
FROM unnest(ARRAY[
	$$'1.5'::orgacl.orgpath OPERATOR(orgacl.||) 0::bigint$$,
	$$'1.5'::orgacl.orgpath OPERATOR(orgacl.||) (-3)::bigint$$,
	$$(-3)::bigint OPERATOR(orgacl.||) '1.5'::orgacl.orgpath$$,
	$$orgacl.orgpath(array_fill(1::bigint, ARRAY[600])) OPERATOR(orgacl.||) orgacl.orgpath(array_fill(2::bigint, ARRAY[401]))$$,
	$$orgacl.nlevel(orgacl.orgpath(array_fill(1::bigint, ARRAY[600])) OPERATOR(orgacl.||) orgacl.orgpath(array_fill(2::bigint, ARRAY[400])))$$,
	$$orgacl.orgpath(array_fill(1::bigint, ARRAY[1000])) OPERATOR(orgacl.||) 5::bigint$$,
	$$5::bigint OPERATOR(orgacl.||) orgacl.orgpath(array_fill(1::bigint, ARRAY[1000]))$$
]) q;

-- NULLs: every operator is strict
SELECT NULL::orgpath < '1', NULL::orgpath @> '1', '1'::orgpath <@ NULL,
       ('1'::orgpath || NULL::bigint) IS NULL AS concat_null;
