--
-- orgpath_funcs: nlevel, subpath, lca, leaf, ids and subtree_end.
--
SET search_path = orgacl, public;

\i sql/include/try.psql

-- nlevel
SELECT p, nlevel(p) FROM unnest('{"",1,1.5,1.5.23,9223372036854775807.1.2.3}'::orgpath[]) p;

-- subpath follows contrib/ltree: 0-based offset, negative offset from the
-- end, negative length leaves levels off the end, no length = to the end
SELECT a AS args, pg_temp.try(format('SELECT orgacl.subpath(%s)', a)) AS result
FROM unnest(ARRAY[
	$$'1.5.23.7', 0, 2$$, $$'1.5.23.7', 1, 2$$, $$'1.5.23.7', 2$$,
	$$'1.5.23.7', 0$$, $$'1.5.23.7', -1$$, $$'1.5.23.7', -3, 2$$,
	$$'1.5.23.7', 1, -1$$, $$'1.5.23.7', 0, -4$$, $$'1.5.23.7', 0, 0$$,
	$$'1.5.23.7', 3, 100$$, $$'1.5.23.7', -4, 4$$,
	-- errors: offset outside the path, a length ending before the offset
	$$'1.5.23.7', 4$$, $$'1.5.23.7', -5$$, $$'1.5.23.7', 4, 1$$,
	$$'1.5.23.7', 2, -3$$, $$'', 0$$, $$'', 0, 0$$
]) a;

-- subpath agrees with slicing the id array on every offset and length
SELECT count(*) AS checked,
	count(*) FILTER (WHERE ids(subpath('1.5.23.7.9', o, l)) =
		(ids('1.5.23.7.9'))[o + 1 : o + l]) AS agree
FROM generate_series(0, 4) o, generate_series(1, 5 - o) l;

-- lca: the lowest common proper ancestor, as in ltree (a path is not its
-- own ancestor here; two tops share the root, the empty path), NULL when
-- either path is empty
SELECT a, b, lca(a, b), lca(a, b) IS NULL AS is_null
FROM (VALUES
	('1.5.23'::orgpath, '1.5.40'::orgpath), ('1.5.23', '1.6'), ('1.5.23', '1.5.23'),
	('1.5', '1.5.23'), ('1', '2'), ('1', '1'), ('', '1.5'), ('7.1', '8.1')
) v(a, b);

-- lca over an array
SELECT lca('{1.5.23,1.5.40,1.5.41.2}'::orgpath[]) AS three,
       lca('{1.5.23}'::orgpath[]) AS one,
       lca('{}'::orgpath[]) IS NULL AS none_is_null,
       lca('{1.5,""}'::orgpath[]) IS NULL AS with_empty_is_null;
SELECT pg_temp.try($$SELECT orgacl.lca('{1.5,NULL}'::orgacl.orgpath[])$$) AS with_null;

-- leaf: the last id, NULL for the empty path
SELECT leaf('1.5.23') AS leaf, leaf('9223372036854775807') AS max, leaf('') IS NULL AS empty_is_null;

-- subtree_end: the first path after the subtree, so that x <@ p is
-- x >= p AND x < subtree_end(p); NULL when the subtree runs to the end
SELECT p, subtree_end(p), subtree_end(p) IS NULL AS to_the_end
FROM unnest('{1.5,1.5.23,127,128,16512,1.9223372036854775807,9223372036854775807,"",9223372036854775807.9223372036854775807}'::orgpath[]) p;

-- subtree_max: the greatest path of the subtree within the depth limit, so
-- that x <@ p is x >= p AND x <= subtree_max(p), with no NULL case
SELECT nlevel(subtree_max('1.5')) AS levels,
       subpath(subtree_max('1.5'), 0, 3) AS head,
       leaf(subtree_max('1.5')) AS last_id,
       subtree_max(subtree_max('1.5')) = subtree_max('1.5') AS fixed_point,
       nlevel(subtree_max('')) AS from_root;

-- check both equivalences on a set of paths
CREATE TEMP TABLE org (p orgpath);
INSERT INTO org SELECT orgpath(ARRAY[a, b, c]::bigint[])
	FROM generate_series(126, 130) a, generate_series(1, 3) b, generate_series(16511, 16514) c;
INSERT INTO org SELECT subpath(p, 0, 2) FROM org;
INSERT INTO org VALUES ('1'), (''), ('9223372036854775807'), ('127.9223372036854775807');
SELECT count(*) AS pairs,
	count(*) FILTER (WHERE (x.p <@ q.p) =
		(x.p >= q.p AND (subtree_end(q.p) IS NULL OR x.p < subtree_end(q.p)))) AS agree_end,
	count(*) FILTER (WHERE (x.p <@ q.p) =
		(x.p >= q.p AND x.p <= subtree_max(q.p))) AS agree_max
FROM org x, org q;
