-- scripts/orgpath.sql: the orgpath hierarchy type, its operators and index
-- support.

---------------------------------------------------------------------------
-- orgpath type
---------------------------------------------------------------------------

CREATE TYPE orgacl.orgpath;

CREATE FUNCTION orgacl.orgpath_in(cstring) RETURNS orgacl.orgpath
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_in(cstring) IS
	'text input of orgpath: positive ids joined by dots, e.g. 1.5.23';

CREATE FUNCTION orgacl.orgpath_out(orgacl.orgpath) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_out(orgacl.orgpath) IS
	'text output of orgpath';

CREATE FUNCTION orgacl.orgpath_recv(internal) RETURNS orgacl.orgpath
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_recv(internal) IS
	'binary input of orgpath: version byte 1, int4 level count, int8 per level';

CREATE FUNCTION orgacl.orgpath_send(orgacl.orgpath) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_send(orgacl.orgpath) IS
	'binary output of orgpath';

-- Packable (extended) storage: on disk a short path carries a 1-byte header
-- and no alignment padding, so a path of ten ids below
-- one million takes 31 bytes, header included.
CREATE TYPE orgacl.orgpath (
	INTERNALLENGTH = VARIABLE,
	INPUT = orgacl.orgpath_in,
	OUTPUT = orgacl.orgpath_out,
	RECEIVE = orgacl.orgpath_recv,
	SEND = orgacl.orgpath_send,
	ALIGNMENT = int4,
	STORAGE = extended
);
COMMENT ON TYPE orgacl.orgpath IS
	'reporting line of positive bigint ids from the top down, e.g. 1.5.23; depth-first order';

---------------------------------------------------------------------------
-- orgpath functions
---------------------------------------------------------------------------

CREATE FUNCTION orgacl.nlevel(orgacl.orgpath) RETURNS int4
	AS 'MODULE_PATHNAME', 'orgpath_nlevel' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.nlevel(orgacl.orgpath) IS
	'number of levels (ids) of a path';

CREATE FUNCTION orgacl.subpath(orgacl.orgpath, int4, int4) RETURNS orgacl.orgpath
	AS 'MODULE_PATHNAME', 'orgpath_subpath' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.subpath(orgacl.orgpath, int4, int4) IS
	'len levels from offset (0-based); negative offset counts from the end, negative len leaves levels off the end';

CREATE FUNCTION orgacl.subpath(orgacl.orgpath, int4) RETURNS orgacl.orgpath
	AS 'MODULE_PATHNAME', 'orgpath_subpath' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.subpath(orgacl.orgpath, int4) IS
	'the levels from offset (0-based, negative counts from the end) to the end';

CREATE FUNCTION orgacl.lca(orgacl.orgpath, orgacl.orgpath) RETURNS orgacl.orgpath
	AS 'MODULE_PATHNAME', 'orgpath_lca' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.lca(orgacl.orgpath, orgacl.orgpath) IS
	'lowest common proper ancestor of two paths, as ltree''s lca; NULL if either is empty';

CREATE FUNCTION orgacl.lca(orgacl.orgpath[]) RETURNS orgacl.orgpath
	AS 'MODULE_PATHNAME', 'orgpath_lca_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.lca(orgacl.orgpath[]) IS
	'lowest common proper ancestor of the paths of an array; NULL if empty or if a path is empty';

CREATE FUNCTION orgacl.leaf(orgacl.orgpath) RETURNS int8
	AS 'MODULE_PATHNAME', 'orgpath_leaf' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.leaf(orgacl.orgpath) IS
	'last id of a path (the person it leads to); NULL for the empty path';

CREATE FUNCTION orgacl.ids(orgacl.orgpath) RETURNS int8[]
	AS 'MODULE_PATHNAME', 'orgpath_ids' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.ids(orgacl.orgpath) IS
	'ids of a path, top first';

CREATE FUNCTION orgacl.orgpath(int8[]) RETURNS orgacl.orgpath
	AS 'MODULE_PATHNAME', 'orgpath_from_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath(int8[]) IS
	'path from a one-dimensional array of positive ids, top first';

CREATE FUNCTION orgacl.subtree_end(orgacl.orgpath) RETURNS orgacl.orgpath
	AS 'MODULE_PATHNAME', 'orgpath_subtree_end' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.subtree_end(orgacl.orgpath) IS
	'first path after the subtree of p in depth-first order (NULL if none): x <@ p is x >= p AND x < subtree_end(p)';

CREATE FUNCTION orgacl.subtree_max(orgacl.orgpath) RETURNS orgacl.orgpath
	AS 'MODULE_PATHNAME', 'orgpath_subtree_max_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.subtree_max(orgacl.orgpath) IS
	'greatest path of the subtree of p within the depth limit: x <@ p is x >= p AND x <= subtree_max(p)';

---------------------------------------------------------------------------
-- orgpath private functions (operator and index support)
---------------------------------------------------------------------------

CREATE FUNCTION orgacl.orgpath_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_support(internal) IS
	'planner support for <@ and @>: turns a subtree test into a btree range';

CREATE FUNCTION orgacl.orgpath_cmp(orgacl.orgpath, orgacl.orgpath) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_cmp(orgacl.orgpath, orgacl.orgpath) IS
	'btree comparison of orgpath in depth-first order';

CREATE FUNCTION orgacl.orgpath_lt(orgacl.orgpath, orgacl.orgpath) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_lt(orgacl.orgpath, orgacl.orgpath) IS 'implementation of < for orgpath';
CREATE FUNCTION orgacl.orgpath_le(orgacl.orgpath, orgacl.orgpath) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_le(orgacl.orgpath, orgacl.orgpath) IS 'implementation of <= for orgpath';
CREATE FUNCTION orgacl.orgpath_eq(orgacl.orgpath, orgacl.orgpath) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_eq(orgacl.orgpath, orgacl.orgpath) IS 'implementation of = for orgpath';
CREATE FUNCTION orgacl.orgpath_ne(orgacl.orgpath, orgacl.orgpath) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_ne(orgacl.orgpath, orgacl.orgpath) IS 'implementation of <> for orgpath';
CREATE FUNCTION orgacl.orgpath_ge(orgacl.orgpath, orgacl.orgpath) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_ge(orgacl.orgpath, orgacl.orgpath) IS 'implementation of >= for orgpath';
CREATE FUNCTION orgacl.orgpath_gt(orgacl.orgpath, orgacl.orgpath) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_gt(orgacl.orgpath, orgacl.orgpath) IS 'implementation of > for orgpath';

CREATE FUNCTION orgacl.hash_orgpath(orgacl.orgpath) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.hash_orgpath(orgacl.orgpath) IS 'hash of an orgpath';

CREATE FUNCTION orgacl.hash_orgpath_extended(orgacl.orgpath, int8) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.hash_orgpath_extended(orgacl.orgpath, int8) IS 'seeded 64-bit hash of an orgpath';

CREATE FUNCTION orgacl.orgpath_ancestor(orgacl.orgpath, orgacl.orgpath) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT orgacl.orgpath_support;
COMMENT ON FUNCTION orgacl.orgpath_ancestor(orgacl.orgpath, orgacl.orgpath) IS
	'implementation of @>: the first path is the second or one of its ancestors';

CREATE FUNCTION orgacl.orgpath_descendant(orgacl.orgpath, orgacl.orgpath) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT orgacl.orgpath_support;
COMMENT ON FUNCTION orgacl.orgpath_descendant(orgacl.orgpath, orgacl.orgpath) IS
	'implementation of <@: the first path is the second or one of its descendants';

CREATE FUNCTION orgacl.orgpath_ancestry_sel(internal, oid, internal, int4) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_ancestry_sel(internal, oid, internal, int4) IS
	'restriction selectivity of @> and <@ from the column statistics';

CREATE FUNCTION orgacl.orgpath_concat(orgacl.orgpath, orgacl.orgpath) RETURNS orgacl.orgpath
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_concat(orgacl.orgpath, orgacl.orgpath) IS
	'implementation of orgpath || orgpath';

CREATE FUNCTION orgacl.orgpath_append(orgacl.orgpath, int8) RETURNS orgacl.orgpath
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_append(orgacl.orgpath, int8) IS
	'implementation of orgpath || bigint: one level below the path';

CREATE FUNCTION orgacl.orgpath_prepend(int8, orgacl.orgpath) RETURNS orgacl.orgpath
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_prepend(int8, orgacl.orgpath) IS
	'implementation of bigint || orgpath: a new top above the path';

---------------------------------------------------------------------------
-- orgpath casts
---------------------------------------------------------------------------

CREATE CAST (int8[] AS orgacl.orgpath)
	WITH FUNCTION orgacl.orgpath(int8[]);
COMMENT ON CAST (int8[] AS orgacl.orgpath) IS 'path from its ids, top first';

CREATE CAST (orgacl.orgpath AS int8[])
	WITH FUNCTION orgacl.ids(orgacl.orgpath);
COMMENT ON CAST (orgacl.orgpath AS int8[]) IS 'ids of a path, top first';

---------------------------------------------------------------------------
-- orgpath operators
---------------------------------------------------------------------------

CREATE OPERATOR orgacl.< (
	LEFTARG = orgacl.orgpath, RIGHTARG = orgacl.orgpath,
	FUNCTION = orgacl.orgpath_lt,
	COMMUTATOR = OPERATOR(orgacl.>), NEGATOR = OPERATOR(orgacl.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR orgacl.<= (
	LEFTARG = orgacl.orgpath, RIGHTARG = orgacl.orgpath,
	FUNCTION = orgacl.orgpath_le,
	COMMUTATOR = OPERATOR(orgacl.>=), NEGATOR = OPERATOR(orgacl.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR orgacl.= (
	LEFTARG = orgacl.orgpath, RIGHTARG = orgacl.orgpath,
	FUNCTION = orgacl.orgpath_eq,
	COMMUTATOR = OPERATOR(orgacl.=), NEGATOR = OPERATOR(orgacl.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR orgacl.<> (
	LEFTARG = orgacl.orgpath, RIGHTARG = orgacl.orgpath,
	FUNCTION = orgacl.orgpath_ne,
	COMMUTATOR = OPERATOR(orgacl.<>), NEGATOR = OPERATOR(orgacl.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR orgacl.>= (
	LEFTARG = orgacl.orgpath, RIGHTARG = orgacl.orgpath,
	FUNCTION = orgacl.orgpath_ge,
	COMMUTATOR = OPERATOR(orgacl.<=), NEGATOR = OPERATOR(orgacl.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
CREATE OPERATOR orgacl.> (
	LEFTARG = orgacl.orgpath, RIGHTARG = orgacl.orgpath,
	FUNCTION = orgacl.orgpath_gt,
	COMMUTATOR = OPERATOR(orgacl.<), NEGATOR = OPERATOR(orgacl.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);

CREATE OPERATOR orgacl.@> (
	LEFTARG = orgacl.orgpath, RIGHTARG = orgacl.orgpath,
	FUNCTION = orgacl.orgpath_ancestor,
	COMMUTATOR = OPERATOR(orgacl.<@),
	RESTRICT = orgacl.orgpath_ancestry_sel, JOIN = pg_catalog.contjoinsel
);
COMMENT ON OPERATOR orgacl.@> (orgacl.orgpath, orgacl.orgpath) IS
	'is ancestor of or equal to';

CREATE OPERATOR orgacl.<@ (
	LEFTARG = orgacl.orgpath, RIGHTARG = orgacl.orgpath,
	FUNCTION = orgacl.orgpath_descendant,
	COMMUTATOR = OPERATOR(orgacl.@>),
	RESTRICT = orgacl.orgpath_ancestry_sel, JOIN = pg_catalog.contjoinsel
);
COMMENT ON OPERATOR orgacl.<@ (orgacl.orgpath, orgacl.orgpath) IS
	'is descendant of or equal to';

CREATE OPERATOR orgacl.|| (
	LEFTARG = orgacl.orgpath, RIGHTARG = orgacl.orgpath,
	FUNCTION = orgacl.orgpath_concat
);
COMMENT ON OPERATOR orgacl.|| (orgacl.orgpath, orgacl.orgpath) IS 'concatenate paths';

CREATE OPERATOR orgacl.|| (
	LEFTARG = orgacl.orgpath, RIGHTARG = int8,
	FUNCTION = orgacl.orgpath_append
);
COMMENT ON OPERATOR orgacl.|| (orgacl.orgpath, int8) IS 'append an id below the path';

CREATE OPERATOR orgacl.|| (
	LEFTARG = int8, RIGHTARG = orgacl.orgpath,
	FUNCTION = orgacl.orgpath_prepend
);
COMMENT ON OPERATOR orgacl.|| (int8, orgacl.orgpath) IS 'prepend an id above the path';

---------------------------------------------------------------------------
-- orgpath operator classes
---------------------------------------------------------------------------

CREATE OPERATOR CLASS orgacl.orgpath_ops
	DEFAULT FOR TYPE orgacl.orgpath USING btree AS
		OPERATOR	1	orgacl.< ,
		OPERATOR	2	orgacl.<= ,
		OPERATOR	3	orgacl.= ,
		OPERATOR	4	orgacl.>= ,
		OPERATOR	5	orgacl.> ,
		FUNCTION	1	orgacl.orgpath_cmp(orgacl.orgpath, orgacl.orgpath);

CREATE OPERATOR CLASS orgacl.hash_orgpath_ops
	DEFAULT FOR TYPE orgacl.orgpath USING hash AS
		OPERATOR	1	orgacl.= ,
		FUNCTION	1	orgacl.hash_orgpath(orgacl.orgpath),
		FUNCTION	2	orgacl.hash_orgpath_extended(orgacl.orgpath, int8);

-- GiST keys are ranges of paths in depth-first order; the storage type
-- exists only inside indexes and refuses text I/O.
CREATE TYPE orgacl.orgpath_gist;

CREATE FUNCTION orgacl.orgpath_gist_in(cstring) RETURNS orgacl.orgpath_gist
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_gist_in(cstring) IS 'refuses input: orgpath_gist is internal';
CREATE FUNCTION orgacl.orgpath_gist_out(orgacl.orgpath_gist) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_gist_out(orgacl.orgpath_gist) IS 'refuses output: orgpath_gist is internal';

CREATE TYPE orgacl.orgpath_gist (
	INTERNALLENGTH = VARIABLE,
	INPUT = orgacl.orgpath_gist_in,
	OUTPUT = orgacl.orgpath_gist_out,
	ALIGNMENT = int4,
	STORAGE = extended
);
COMMENT ON TYPE orgacl.orgpath_gist IS 'GiST key of orgpath: a range of paths (internal)';

CREATE FUNCTION orgacl.orgpath_gist_consistent(internal, orgacl.orgpath, int2, oid, internal) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_gist_consistent(internal, orgacl.orgpath, int2, oid, internal) IS 'GiST support';
CREATE FUNCTION orgacl.orgpath_gist_union(internal, internal) RETURNS orgacl.orgpath_gist
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_gist_union(internal, internal) IS 'GiST support';
CREATE FUNCTION orgacl.orgpath_gist_compress(internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_gist_compress(internal) IS 'GiST support';
CREATE FUNCTION orgacl.orgpath_gist_penalty(internal, internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_gist_penalty(internal, internal, internal) IS 'GiST support';
CREATE FUNCTION orgacl.orgpath_gist_picksplit(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_gist_picksplit(internal, internal) IS 'GiST support';
CREATE FUNCTION orgacl.orgpath_gist_same(orgacl.orgpath_gist, orgacl.orgpath_gist, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_gist_same(orgacl.orgpath_gist, orgacl.orgpath_gist, internal) IS 'GiST support';
CREATE FUNCTION orgacl.orgpath_gist_sortsupport(internal) RETURNS void
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_gist_sortsupport(internal) IS 'GiST support (sorted index build)';
CREATE FUNCTION orgacl.orgpath_gist_fetch(internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.orgpath_gist_fetch(internal) IS 'GiST support (index-only scans)';

CREATE OPERATOR CLASS orgacl.gist_orgpath_ops
	DEFAULT FOR TYPE orgacl.orgpath USING gist AS
		OPERATOR	3	orgacl.= ,
		OPERATOR	10	orgacl.@> ,
		OPERATOR	11	orgacl.<@ ,
		FUNCTION	1	orgacl.orgpath_gist_consistent(internal, orgacl.orgpath, int2, oid, internal),
		FUNCTION	2	orgacl.orgpath_gist_union(internal, internal),
		FUNCTION	3	orgacl.orgpath_gist_compress(internal),
		FUNCTION	5	orgacl.orgpath_gist_penalty(internal, internal, internal),
		FUNCTION	6	orgacl.orgpath_gist_picksplit(internal, internal),
		FUNCTION	7	orgacl.orgpath_gist_same(orgacl.orgpath_gist, orgacl.orgpath_gist, internal),
		FUNCTION	9	orgacl.orgpath_gist_fetch(internal),
		FUNCTION	11	orgacl.orgpath_gist_sortsupport(internal),
		STORAGE		orgacl.orgpath_gist;
