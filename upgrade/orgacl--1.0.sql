/* orgacl--1.0.sql, assembled by the Makefile from scripts/ and presets/ */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION orgacl" to load this file. \quit

--
-- Everything below lives in schema orgacl (see orgacl.control).  Objects are
-- schema-qualified, built-ins are pg_catalog-qualified, so the script means
-- the same whatever search_path the installing session has.
--
-- The parts, in order: the orgpath type (scripts/orgpath.sql), the roleset
-- and audience types (scripts/sets.sql), the model catalog and the directory
-- (scripts/catalog.sql), the decision functions (scripts/engine.sql), the
-- directory changes (scripts/directory.sql), the five presets
-- (presets/*.sql) and the privileges (scripts/finish.sql).
--
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
-- scripts/sets.sql: the set types, orgacl.roleset (roles of the active
-- model) and orgacl.audience (relations of SPEC section 2), and the
-- orgacl.artifact composite that can() judges.
--
-- Both set types are bitmasks passed by value (src/sets.h).  Their operators
-- are IMMUTABLE; roleset's text I/O and its ? operator read the active
-- model's role names and are STABLE.


---------------------------------------------------------------------------
-- roleset type
---------------------------------------------------------------------------

CREATE TYPE orgacl.roleset;

CREATE FUNCTION orgacl.roleset_in(cstring) RETURNS orgacl.roleset
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.roleset_in(cstring) IS
	'text input of roleset: {a,b}; an unknown role name is 22023';
CREATE FUNCTION orgacl.roleset_out(orgacl.roleset) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.roleset_out(orgacl.roleset) IS 'text output of roleset, names in canonical order';
CREATE FUNCTION orgacl.roleset_recv(internal) RETURNS orgacl.roleset
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.roleset_recv(internal) IS 'binary input of roleset (version byte, mask)';
CREATE FUNCTION orgacl.roleset_send(orgacl.roleset) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.roleset_send(orgacl.roleset) IS 'binary output of roleset (version byte, mask)';

CREATE TYPE orgacl.roleset (
	INPUT = orgacl.roleset_in,
	OUTPUT = orgacl.roleset_out,
	RECEIVE = orgacl.roleset_recv,
	SEND = orgacl.roleset_send,
	INTERNALLENGTH = 8,
	PASSEDBYVALUE,
	ALIGNMENT = double
);
COMMENT ON TYPE orgacl.roleset IS 'a set of roles of the active model; text form {hr_admin,tech_admin}';

CREATE FUNCTION orgacl.roleset_eq(orgacl.roleset, orgacl.roleset) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION orgacl.roleset_eq(orgacl.roleset, orgacl.roleset) IS 'implementation of = for roleset';
CREATE FUNCTION orgacl.roleset_ne(orgacl.roleset, orgacl.roleset) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION orgacl.roleset_ne(orgacl.roleset, orgacl.roleset) IS 'implementation of <> for roleset';
CREATE FUNCTION orgacl.roleset_union(orgacl.roleset, orgacl.roleset) RETURNS orgacl.roleset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION orgacl.roleset_union(orgacl.roleset, orgacl.roleset) IS 'implementation of | for roleset';
CREATE FUNCTION orgacl.roleset_intersect(orgacl.roleset, orgacl.roleset) RETURNS orgacl.roleset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION orgacl.roleset_intersect(orgacl.roleset, orgacl.roleset) IS 'implementation of & for roleset';
CREATE FUNCTION orgacl.roleset_minus(orgacl.roleset, orgacl.roleset) RETURNS orgacl.roleset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION orgacl.roleset_minus(orgacl.roleset, orgacl.roleset) IS 'implementation of - for roleset';
CREATE FUNCTION orgacl.roleset_contains(orgacl.roleset, orgacl.roleset) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION orgacl.roleset_contains(orgacl.roleset, orgacl.roleset) IS 'implementation of @> for roleset';
CREATE FUNCTION orgacl.roleset_contained(orgacl.roleset, orgacl.roleset) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION orgacl.roleset_contained(orgacl.roleset, orgacl.roleset) IS 'implementation of <@ for roleset';
CREATE FUNCTION orgacl.roleset_overlaps(orgacl.roleset, orgacl.roleset) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION orgacl.roleset_overlaps(orgacl.roleset, orgacl.roleset) IS 'implementation of && for roleset';
CREATE FUNCTION orgacl.roleset_hash(orgacl.roleset) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION orgacl.roleset_hash(orgacl.roleset) IS 'hash of a roleset';
CREATE FUNCTION orgacl.roleset_has(orgacl.roleset, text) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.roleset_has(orgacl.roleset, text) IS
	'implementation of ? for roleset: is the named role in the set (an unknown name is 22023)';

CREATE OPERATOR orgacl.= (
	LEFTARG = orgacl.roleset, RIGHTARG = orgacl.roleset, FUNCTION = orgacl.roleset_eq,
	COMMUTATOR = OPERATOR(orgacl.=),
	NEGATOR = OPERATOR(orgacl.<>),
	RESTRICT = eqsel,
	JOIN = eqjoinsel,
	HASHES
);
COMMENT ON OPERATOR orgacl.= (orgacl.roleset, orgacl.roleset) IS 'equal sets';
CREATE OPERATOR orgacl.<> (
	LEFTARG = orgacl.roleset, RIGHTARG = orgacl.roleset, FUNCTION = orgacl.roleset_ne,
	COMMUTATOR = OPERATOR(orgacl.<>),
	NEGATOR = OPERATOR(orgacl.=),
	RESTRICT = neqsel,
	JOIN = neqjoinsel
);
COMMENT ON OPERATOR orgacl.<> (orgacl.roleset, orgacl.roleset) IS 'different sets';
CREATE OPERATOR orgacl.| (
	LEFTARG = orgacl.roleset, RIGHTARG = orgacl.roleset, FUNCTION = orgacl.roleset_union,
	COMMUTATOR = OPERATOR(orgacl.|)
);
COMMENT ON OPERATOR orgacl.| (orgacl.roleset, orgacl.roleset) IS 'union';
CREATE OPERATOR orgacl.& (
	LEFTARG = orgacl.roleset, RIGHTARG = orgacl.roleset, FUNCTION = orgacl.roleset_intersect,
	COMMUTATOR = OPERATOR(orgacl.&)
);
COMMENT ON OPERATOR orgacl.& (orgacl.roleset, orgacl.roleset) IS 'intersection';
CREATE OPERATOR orgacl.- (
	LEFTARG = orgacl.roleset, RIGHTARG = orgacl.roleset, FUNCTION = orgacl.roleset_minus
);
COMMENT ON OPERATOR orgacl.- (orgacl.roleset, orgacl.roleset) IS 'difference: the left set without the right one';
CREATE OPERATOR orgacl.@> (
	LEFTARG = orgacl.roleset, RIGHTARG = orgacl.roleset, FUNCTION = orgacl.roleset_contains,
	COMMUTATOR = OPERATOR(orgacl.<@),
	RESTRICT = contsel,
	JOIN = contjoinsel
);
COMMENT ON OPERATOR orgacl.@> (orgacl.roleset, orgacl.roleset) IS 'contains: every element of the right set is in the left one';
CREATE OPERATOR orgacl.<@ (
	LEFTARG = orgacl.roleset, RIGHTARG = orgacl.roleset, FUNCTION = orgacl.roleset_contained,
	COMMUTATOR = OPERATOR(orgacl.@>),
	RESTRICT = contsel,
	JOIN = contjoinsel
);
COMMENT ON OPERATOR orgacl.<@ (orgacl.roleset, orgacl.roleset) IS 'is contained in: every element of the left set is in the right one';
CREATE OPERATOR orgacl.&& (
	LEFTARG = orgacl.roleset, RIGHTARG = orgacl.roleset, FUNCTION = orgacl.roleset_overlaps,
	COMMUTATOR = OPERATOR(orgacl.&&),
	RESTRICT = areasel,
	JOIN = areajoinsel
);
COMMENT ON OPERATOR orgacl.&& (orgacl.roleset, orgacl.roleset) IS 'overlap: the sets share an element';
CREATE OPERATOR orgacl.? (
	LEFTARG = orgacl.roleset, RIGHTARG = text, FUNCTION = orgacl.roleset_has
);
COMMENT ON OPERATOR orgacl.? (orgacl.roleset, text) IS 'holds the named role';

CREATE OPERATOR CLASS orgacl.hash_roleset_ops
	DEFAULT FOR TYPE orgacl.roleset USING hash AS
		OPERATOR	1	orgacl.= ,
		FUNCTION	1	orgacl.roleset_hash(orgacl.roleset);


---------------------------------------------------------------------------
-- audience type
---------------------------------------------------------------------------

CREATE TYPE orgacl.audience;

CREATE FUNCTION orgacl.audience_in(cstring) RETURNS orgacl.audience
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.audience_in(cstring) IS
	'text input of audience: {a,b}; an unknown relation name is 22023';
CREATE FUNCTION orgacl.audience_out(orgacl.audience) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.audience_out(orgacl.audience) IS 'text output of audience, names in canonical order';
CREATE FUNCTION orgacl.audience_recv(internal) RETURNS orgacl.audience
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.audience_recv(internal) IS 'binary input of audience (version byte, mask)';
CREATE FUNCTION orgacl.audience_send(orgacl.audience) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.audience_send(orgacl.audience) IS 'binary output of audience (version byte, mask)';

CREATE TYPE orgacl.audience (
	INPUT = orgacl.audience_in,
	OUTPUT = orgacl.audience_out,
	RECEIVE = orgacl.audience_recv,
	SEND = orgacl.audience_send,
	INTERNALLENGTH = 2,
	PASSEDBYVALUE,
	ALIGNMENT = int2
);
COMMENT ON TYPE orgacl.audience IS 'a set of relations that may see an artifact; text form {subject,direct_manager,hr}';

CREATE FUNCTION orgacl.audience_eq(orgacl.audience, orgacl.audience) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION orgacl.audience_eq(orgacl.audience, orgacl.audience) IS 'implementation of = for audience';
CREATE FUNCTION orgacl.audience_ne(orgacl.audience, orgacl.audience) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION orgacl.audience_ne(orgacl.audience, orgacl.audience) IS 'implementation of <> for audience';
CREATE FUNCTION orgacl.audience_union(orgacl.audience, orgacl.audience) RETURNS orgacl.audience
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION orgacl.audience_union(orgacl.audience, orgacl.audience) IS 'implementation of | for audience';
CREATE FUNCTION orgacl.audience_intersect(orgacl.audience, orgacl.audience) RETURNS orgacl.audience
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION orgacl.audience_intersect(orgacl.audience, orgacl.audience) IS 'implementation of & for audience';
CREATE FUNCTION orgacl.audience_minus(orgacl.audience, orgacl.audience) RETURNS orgacl.audience
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION orgacl.audience_minus(orgacl.audience, orgacl.audience) IS 'implementation of - for audience';
CREATE FUNCTION orgacl.audience_contains(orgacl.audience, orgacl.audience) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION orgacl.audience_contains(orgacl.audience, orgacl.audience) IS 'implementation of @> for audience';
CREATE FUNCTION orgacl.audience_contained(orgacl.audience, orgacl.audience) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION orgacl.audience_contained(orgacl.audience, orgacl.audience) IS 'implementation of <@ for audience';
CREATE FUNCTION orgacl.audience_overlaps(orgacl.audience, orgacl.audience) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION orgacl.audience_overlaps(orgacl.audience, orgacl.audience) IS 'implementation of && for audience';
CREATE FUNCTION orgacl.audience_hash(orgacl.audience) RETURNS int4
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION orgacl.audience_hash(orgacl.audience) IS 'hash of a audience';
CREATE FUNCTION orgacl.audience_has(orgacl.audience, text) RETURNS bool
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.audience_has(orgacl.audience, text) IS
	'implementation of ? for audience: is the named relation in the set (an unknown name is 22023)';

CREATE OPERATOR orgacl.= (
	LEFTARG = orgacl.audience, RIGHTARG = orgacl.audience, FUNCTION = orgacl.audience_eq,
	COMMUTATOR = OPERATOR(orgacl.=),
	NEGATOR = OPERATOR(orgacl.<>),
	RESTRICT = eqsel,
	JOIN = eqjoinsel,
	HASHES
);
COMMENT ON OPERATOR orgacl.= (orgacl.audience, orgacl.audience) IS 'equal sets';
CREATE OPERATOR orgacl.<> (
	LEFTARG = orgacl.audience, RIGHTARG = orgacl.audience, FUNCTION = orgacl.audience_ne,
	COMMUTATOR = OPERATOR(orgacl.<>),
	NEGATOR = OPERATOR(orgacl.=),
	RESTRICT = neqsel,
	JOIN = neqjoinsel
);
COMMENT ON OPERATOR orgacl.<> (orgacl.audience, orgacl.audience) IS 'different sets';
CREATE OPERATOR orgacl.| (
	LEFTARG = orgacl.audience, RIGHTARG = orgacl.audience, FUNCTION = orgacl.audience_union,
	COMMUTATOR = OPERATOR(orgacl.|)
);
COMMENT ON OPERATOR orgacl.| (orgacl.audience, orgacl.audience) IS 'union';
CREATE OPERATOR orgacl.& (
	LEFTARG = orgacl.audience, RIGHTARG = orgacl.audience, FUNCTION = orgacl.audience_intersect,
	COMMUTATOR = OPERATOR(orgacl.&)
);
COMMENT ON OPERATOR orgacl.& (orgacl.audience, orgacl.audience) IS 'intersection';
CREATE OPERATOR orgacl.- (
	LEFTARG = orgacl.audience, RIGHTARG = orgacl.audience, FUNCTION = orgacl.audience_minus
);
COMMENT ON OPERATOR orgacl.- (orgacl.audience, orgacl.audience) IS 'difference: the left set without the right one';
CREATE OPERATOR orgacl.@> (
	LEFTARG = orgacl.audience, RIGHTARG = orgacl.audience, FUNCTION = orgacl.audience_contains,
	COMMUTATOR = OPERATOR(orgacl.<@),
	RESTRICT = contsel,
	JOIN = contjoinsel
);
COMMENT ON OPERATOR orgacl.@> (orgacl.audience, orgacl.audience) IS 'contains: every element of the right set is in the left one';
CREATE OPERATOR orgacl.<@ (
	LEFTARG = orgacl.audience, RIGHTARG = orgacl.audience, FUNCTION = orgacl.audience_contained,
	COMMUTATOR = OPERATOR(orgacl.@>),
	RESTRICT = contsel,
	JOIN = contjoinsel
);
COMMENT ON OPERATOR orgacl.<@ (orgacl.audience, orgacl.audience) IS 'is contained in: every element of the left set is in the right one';
CREATE OPERATOR orgacl.&& (
	LEFTARG = orgacl.audience, RIGHTARG = orgacl.audience, FUNCTION = orgacl.audience_overlaps,
	COMMUTATOR = OPERATOR(orgacl.&&),
	RESTRICT = areasel,
	JOIN = areajoinsel
);
COMMENT ON OPERATOR orgacl.&& (orgacl.audience, orgacl.audience) IS 'overlap: the sets share an element';
CREATE OPERATOR orgacl.? (
	LEFTARG = orgacl.audience, RIGHTARG = text, FUNCTION = orgacl.audience_has
);
COMMENT ON OPERATOR orgacl.? (orgacl.audience, text) IS 'holds the named relation';

CREATE OPERATOR CLASS orgacl.hash_audience_ops
	DEFAULT FOR TYPE orgacl.audience USING hash AS
		OPERATOR	1	orgacl.= ,
		FUNCTION	1	orgacl.audience_hash(orgacl.audience);


---------------------------------------------------------------------------
-- artifact
---------------------------------------------------------------------------

CREATE TYPE orgacl.artifact AS (
	kind		text,
	cycle		bigint,
	author		bigint,
	audience	orgacl.audience,
	shared_with	bigint[]
);
COMMENT ON TYPE orgacl.artifact IS
	'what can() judges: the kind, and optionally the cycle, author, row audience and persons it is shared with';
-- scripts/catalog.sql: the model catalog (what a preset defines) and the
-- directory (the organisation the application maintains).
--
-- Model tables are the extension's own data: CREATE EXTENSION fills them
-- from presets/*.sql, so pg_dump leaves them out.  Directory tables are the
-- customer's data: they are marked with pg_extension_config_dump so that
-- pg_dump keeps their rows.  Nobody but the extension's owner may write any
-- of them directly: every change goes through the functions of
-- scripts/directory.sql, which check the acting person's capabilities and
-- write the audit log.
--
-- Every write to these tables fires orgacl.cache_invalidate(), which tells
-- every backend's decision cache (src/model_cache.c) to reload.

---------------------------------------------------------------------------
-- model catalog
---------------------------------------------------------------------------

CREATE TABLE orgacl.model (
	name		text PRIMARY KEY,
	article		text NOT NULL,
	super_roles	text[] NOT NULL,
	own_roles	boolean NOT NULL,
	grant_covers_holdings boolean NOT NULL DEFAULT false,
	self_join_teams boolean NOT NULL DEFAULT false,
	description	text NOT NULL
);
COMMENT ON TABLE orgacl.model IS
	'access models (presets): one row per model; orgacl.use_model() picks the active one';
COMMENT ON COLUMN orgacl.model.article IS 'the help article the model implements (../shared/seeds)';
COMMENT ON COLUMN orgacl.model.super_roles IS
	'the super role set: at least one active person must hold all of it globally';
COMMENT ON COLUMN orgacl.model.own_roles IS 'whether a person may grant or revoke their own roles';
COMMENT ON COLUMN orgacl.model.grant_covers_holdings IS
	'whether a grant or revoke also needs every role the grantee already holds to be grantable by the actor';
COMMENT ON COLUMN orgacl.model.self_join_teams IS
	'whether anyone may add themselves to, or remove themselves from, a team';

CREATE TABLE orgacl.model_role (
	model		text NOT NULL REFERENCES orgacl.model ON DELETE CASCADE,
	name		text NOT NULL CHECK (name ~ '^[a-z][a-z0-9_]*$' AND length(name) < 64),
	bit			int2 NOT NULL CHECK (bit BETWEEN 0 AND 63),
	scope		text NOT NULL DEFAULT 'either' CHECK (scope IN ('global', 'scoped', 'either')),
	scope_kinds	text[],
	description	text NOT NULL,
	PRIMARY KEY (model, name),
	UNIQUE (model, bit)
);
COMMENT ON TABLE orgacl.model_role IS
	'roles of a model; bit is the role''s position in an orgacl.roleset';
COMMENT ON COLUMN orgacl.model_role.scope IS
	'global: never scoped; scoped: always scoped to a group; either: both are allowed';
COMMENT ON COLUMN orgacl.model_role.scope_kinds IS
	'group kinds a scope of this role may have (NULL: any kind)';

CREATE TABLE orgacl.model_option (
	model		text NOT NULL REFERENCES orgacl.model ON DELETE CASCADE,
	name		text NOT NULL,
	default_on	boolean NOT NULL DEFAULT false,
	description	text NOT NULL,
	PRIMARY KEY (model, name)
);
COMMENT ON TABLE orgacl.model_option IS 'switches a model offers (orgacl.set_option)';

-- The artifact kinds of SPEC section 2 exist in every model; a model can add
-- more in orgacl.model_kind.
CREATE TABLE orgacl.kind (
	name		text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_]*$' AND length(name) < 64),
	role_access	boolean NOT NULL DEFAULT true,
	audience_cap orgacl.audience,
	description	text NOT NULL
);
COMMENT ON TABLE orgacl.kind IS 'artifact kinds every model has';
COMMENT ON COLUMN orgacl.kind.role_access IS
	'whether roles (the hr relation, rule 4) may ever reach this kind';
COMMENT ON COLUMN orgacl.kind.audience_cap IS
	'the widest audience this kind may ever have, whatever a row or cycle says (NULL: no cap)';

CREATE TABLE orgacl.kind_default (
	kind		text NOT NULL REFERENCES orgacl.kind,
	action		text NOT NULL CHECK (action IN ('view', 'create', 'edit', 'delete', 'aggregate', 'unveil_author')),
	audience	orgacl.audience NOT NULL,
	note		text,
	PRIMARY KEY (kind, action)
);
COMMENT ON TABLE orgacl.kind_default IS
	'default audiences every model starts from; a model''s own rows for the same kind and action replace them';

CREATE TABLE orgacl.model_kind (
	model		text NOT NULL REFERENCES orgacl.model ON DELETE CASCADE,
	name		text NOT NULL CHECK (name ~ '^[a-z][a-z0-9_]*$' AND length(name) < 64),
	role_access	boolean NOT NULL DEFAULT true,
	audience_cap orgacl.audience,
	description	text NOT NULL,
	PRIMARY KEY (model, name)
);
COMMENT ON TABLE orgacl.model_kind IS 'artifact kinds a model adds to orgacl.kind';

CREATE TABLE orgacl.model_default (
	model		text NOT NULL REFERENCES orgacl.model ON DELETE CASCADE,
	kind		text NOT NULL,
	action		text NOT NULL CHECK (action IN ('view', 'create', 'edit', 'delete', 'aggregate', 'unveil_author')),
	audience	orgacl.audience NOT NULL,
	option		text,
	note		text,
	FOREIGN KEY (model, option) REFERENCES orgacl.model_option (model, name)
);
CREATE UNIQUE INDEX model_default_key ON orgacl.model_default (model, kind, action, coalesce(option, ''));
COMMENT ON TABLE orgacl.model_default IS
	'default audience of a kind for an action; a row with an option adds its audience while that option is on; no row: nobody';

CREATE TABLE orgacl.model_capability (
	model		text NOT NULL REFERENCES orgacl.model ON DELETE CASCADE,
	name		text NOT NULL CHECK (name ~ '^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$'),
	description	text NOT NULL,
	PRIMARY KEY (model, name)
);
COMMENT ON TABLE orgacl.model_capability IS
	'named capabilities of a model (admin.*, audit.read, ...); <kind>.<action>, the cycle and the directory capabilities exist in every model';

CREATE TABLE orgacl.model_cap_rule (
	model		text NOT NULL REFERENCES orgacl.model ON DELETE CASCADE,
	capability	text NOT NULL,
	roles		text[] NOT NULL,
	option		text,
	needs_report boolean NOT NULL DEFAULT false,
	note		text,
	FOREIGN KEY (model, option) REFERENCES orgacl.model_option (model, name)
);
COMMENT ON TABLE orgacl.model_cap_rule IS
	'a person holds capability when their roles include all of roles (and option is on, and they have a direct report if needs_report)';

CREATE TABLE orgacl.model_grant_rule (
	model		text NOT NULL REFERENCES orgacl.model ON DELETE CASCADE,
	granter		text[] NOT NULL,
	grantable	text[] NOT NULL,
	note		text
);
COMMENT ON TABLE orgacl.model_grant_rule IS
	'holders of all the granter roles (globally) may grant and revoke the grantable roles';

---------------------------------------------------------------------------
-- directory
---------------------------------------------------------------------------

-- active_model and option_setting hold the customer's choices: an empty
-- active_model means tri_role, the model CREATE EXTENSION starts with, so
-- that a restored dump never collides with a row the script inserted.
CREATE TABLE orgacl.active_model (
	singleton	boolean PRIMARY KEY DEFAULT true CHECK (singleton),
	model		text NOT NULL REFERENCES orgacl.model
);
COMMENT ON TABLE orgacl.active_model IS 'the model in force (no row: tri_role)';

CREATE TABLE orgacl.option_setting (
	model		text NOT NULL,
	option		text NOT NULL,
	enabled		boolean NOT NULL,
	PRIMARY KEY (model, option),
	FOREIGN KEY (model, option) REFERENCES orgacl.model_option (model, name)
);
COMMENT ON TABLE orgacl.option_setting IS 'options switched away from their default (orgacl.set_option)';

CREATE TABLE orgacl.person (
	id			bigint PRIMARY KEY CHECK (id > 0),
	manager		bigint REFERENCES orgacl.person DEFERRABLE INITIALLY DEFERRED,
	active		boolean NOT NULL DEFAULT true,
	path		orgacl.orgpath NOT NULL,
	CHECK (manager <> id)
);
CREATE INDEX person_by_path ON orgacl.person (path);
CREATE INDEX person_by_manager ON orgacl.person (manager);
COMMENT ON TABLE orgacl.person IS
	'persons: primary manager, active flag and path (the chain of primary managers from the top), maintained by orgacl';

CREATE TABLE orgacl.person_manager (
	person		bigint NOT NULL REFERENCES orgacl.person,
	manager		bigint NOT NULL REFERENCES orgacl.person,
	PRIMARY KEY (person, manager),
	CHECK (person <> manager)
);
CREATE INDEX person_manager_by_manager ON orgacl.person_manager (manager);
COMMENT ON TABLE orgacl.person_manager IS 'additional managers (direct-manager rights only, no cascade)';

CREATE TABLE orgacl.org_group (
	id			bigint PRIMARY KEY CHECK (id > 0),
	kind		text NOT NULL CHECK (kind IN ('team', 'location', 'saved_group', 'performance_group')),
	name		text NOT NULL
);
COMMENT ON TABLE orgacl.org_group IS 'groups: teams, locations, saved groups and performance groups';

CREATE TABLE orgacl.group_member (
	grp			bigint NOT NULL REFERENCES orgacl.org_group,
	person		bigint NOT NULL REFERENCES orgacl.person,
	PRIMARY KEY (grp, person)
);
CREATE INDEX group_member_by_person ON orgacl.group_member (person);
COMMENT ON TABLE orgacl.group_member IS 'group memberships';

CREATE TABLE orgacl.group_lead (
	grp			bigint NOT NULL REFERENCES orgacl.org_group,
	person		bigint NOT NULL REFERENCES orgacl.person,
	PRIMARY KEY (grp, person)
);
COMMENT ON TABLE orgacl.group_lead IS 'team leads';

CREATE TABLE orgacl.role_grant (
	person		bigint NOT NULL REFERENCES orgacl.person,
	role		text NOT NULL,
	scope		bigint REFERENCES orgacl.org_group,
	granted_by	bigint,
	granted_at	timestamptz NOT NULL DEFAULT pg_catalog.now()
);
CREATE UNIQUE INDEX role_grant_key ON orgacl.role_grant (person, role, coalesce(scope, 0));
COMMENT ON TABLE orgacl.role_grant IS 'roles held: globally (scope NULL) or scoped to a group';

CREATE TABLE orgacl.cycle (
	id			bigint PRIMARY KEY CHECK (id > 0),
	kind		text NOT NULL,
	owner		bigint REFERENCES orgacl.person,
	audience	orgacl.audience,
	created_at	timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE orgacl.cycle IS
	'cycles: owner (creator; NULL when the system created it) and audience (NULL: the kind''s default)';

CREATE TABLE orgacl.login_map (
	login		name PRIMARY KEY,
	person		bigint NOT NULL REFERENCES orgacl.person
);
COMMENT ON TABLE orgacl.login_map IS 'database roles that act as a person (orgacl.current_viewer)';

-- directory_lock is the one row every change that could break an invariant
-- (the last super holder, a manager cycle) updates first.  Updating, not
-- only locking, matters: under REPEATABLE READ the second of two racing
-- sessions then fails with a serialization error instead of checking the
-- invariant against a stale snapshot.
CREATE TABLE orgacl.directory_lock (
	singleton	boolean PRIMARY KEY DEFAULT true CHECK (singleton),
	epoch		bigint NOT NULL DEFAULT 0
);
INSERT INTO orgacl.directory_lock DEFAULT VALUES;
COMMENT ON TABLE orgacl.directory_lock IS 'serialises invariant-checking directory changes (internal)';

CREATE TABLE orgacl.audit_log (
	id			bigserial PRIMARY KEY,
	at			timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
	actor		bigint,
	login		name NOT NULL DEFAULT session_user,
	action		text NOT NULL,
	target		text NOT NULL,
	old_value	jsonb,
	new_value	jsonb
);
COMMENT ON TABLE orgacl.audit_log IS
	'every directory and model change: when, who (actor person, NULL for the system, and login), what, old and new value';

SELECT pg_catalog.pg_extension_config_dump('orgacl.active_model', '');
SELECT pg_catalog.pg_extension_config_dump('orgacl.option_setting', '');
SELECT pg_catalog.pg_extension_config_dump('orgacl.person', '');
SELECT pg_catalog.pg_extension_config_dump('orgacl.person_manager', '');
SELECT pg_catalog.pg_extension_config_dump('orgacl.org_group', '');
SELECT pg_catalog.pg_extension_config_dump('orgacl.group_member', '');
SELECT pg_catalog.pg_extension_config_dump('orgacl.group_lead', '');
SELECT pg_catalog.pg_extension_config_dump('orgacl.role_grant', '');
SELECT pg_catalog.pg_extension_config_dump('orgacl.cycle', '');
SELECT pg_catalog.pg_extension_config_dump('orgacl.login_map', '');
SELECT pg_catalog.pg_extension_config_dump('orgacl.audit_log', '');
SELECT pg_catalog.pg_extension_config_dump('orgacl.audit_log_id_seq', '');

---------------------------------------------------------------------------
-- cache invalidation
---------------------------------------------------------------------------

CREATE FUNCTION orgacl.cache_invalidate() RETURNS trigger
	AS 'MODULE_PATHNAME', 'orgacl_cache_invalidate' LANGUAGE C;
COMMENT ON FUNCTION orgacl.cache_invalidate() IS
	'statement trigger on the model and directory tables: every backend reloads its decision cache';

DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['model', 'model_role', 'model_option', 'kind', 'kind_default', 'model_kind',
		'model_default', 'model_capability', 'model_cap_rule', 'model_grant_rule',
		'active_model', 'option_setting', 'person', 'person_manager', 'org_group',
		'group_member', 'group_lead', 'role_grant', 'cycle', 'login_map']
	LOOP
		EXECUTE pg_catalog.format(
			'CREATE TRIGGER cache_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON orgacl.%I
			 FOR EACH STATEMENT EXECUTE FUNCTION orgacl.cache_invalidate()', t);
	END LOOP;
END
$$;

---------------------------------------------------------------------------
-- the artifact kinds of SPEC section 2
---------------------------------------------------------------------------

INSERT INTO orgacl.kind (name, role_access, audience_cap, description) VALUES
	('review', true, NULL, 'performance review'),
	('feedback_360', true, NULL, '360 feedback'),
	('objective', true, NULL, 'objective, goal or OKR'),
	('praise', true, NULL, 'praise'),
	-- SPEC section 3: only its recipient and author ever see private
	-- feedback, whatever a row or cycle says and whatever roles anyone holds
	('private_feedback', false, '{subject,author}', 'private feedback'),
	('private_note', true, NULL, 'private note'),
	('one_on_one', true, NULL, '1:1 meeting'),
	('survey_response', true, NULL, 'survey response'),
	('onboard_response', true, NULL, 'onboarding survey response'),
	('exit_data', true, NULL, 'exit interview data'),
	('idp', true, NULL, 'individual development plan'),
	('ninebox', true, NULL, 'nine-box placement');

-- SPEC section 3: "only its recipient and author see it", in every model
-- that does not say more
INSERT INTO orgacl.kind_default (kind, action, audience, note) VALUES
	('private_feedback', 'view', '{subject,author}', 'SPEC 3: only its recipient and author see it'),
	('private_feedback', 'create', '{author}', 'its author writes it');
-- scripts/engine.sql: the questions of SPEC section 4 (can, can_view,
-- explain, has_capability, roles_of, visible_subjects, who_can,
-- current_viewer) and the artifact constructor.
--
-- All read the model and the directory through the backend cache
-- (src/model_cache.c), so they are STABLE; none writes, so all are
-- PARALLEL SAFE.  can() and can_view() are not STRICT: a NULL viewer,
-- subject or artifact is denied (false), never NULL, so that a policy
-- reads the same whichever way a caller tests it.

---------------------------------------------------------------------------
-- artifact constructor
---------------------------------------------------------------------------

CREATE FUNCTION orgacl.check_kind(kind text) RETURNS text
	AS 'MODULE_PATHNAME', 'orgacl_check_kind' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.check_kind(text) IS
	'returns kind when the active model has that artifact kind; 22023 otherwise, 22004 for NULL';

CREATE FUNCTION orgacl.check_action(action text) RETURNS text
	AS 'MODULE_PATHNAME', 'orgacl_check_action' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.check_action(text) IS
	'returns action when it is one of view, create, edit, delete, aggregate, unveil_author; 22023 otherwise';

CREATE FUNCTION orgacl.artifact(kind text, cycle bigint DEFAULT NULL, author bigint DEFAULT NULL,
								audience orgacl.audience DEFAULT NULL, shared_with bigint[] DEFAULT NULL)
	RETURNS orgacl.artifact
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN ROW(orgacl.check_kind(kind), cycle, author, audience, shared_with)::orgacl.artifact;
COMMENT ON FUNCTION orgacl.artifact(text, bigint, bigint, orgacl.audience, bigint[]) IS
	'builds what can() judges: kind (22023 when the model lacks it), its cycle, author, own audience and the persons it is shared with';

---------------------------------------------------------------------------
-- decisions
---------------------------------------------------------------------------

CREATE FUNCTION orgacl.can(viewer bigint, action text, subject bigint, artifact orgacl.artifact)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'orgacl_can' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.can(bigint, text, bigint, orgacl.artifact) IS
	'may viewer perform action (view, create, edit, delete, aggregate, unveil_author) on artifact about subject (SPEC section 3); NULL arguments deny';

CREATE FUNCTION orgacl.can_view(viewer bigint, subject bigint, artifact orgacl.artifact)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'orgacl_can_view' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.can_view(bigint, bigint, orgacl.artifact) IS
	'can(viewer, ''view'', subject, artifact)';

CREATE FUNCTION orgacl.explain(viewer bigint, subject bigint, artifact orgacl.artifact,
							   action text DEFAULT 'view')
	RETURNS TABLE (step int, rule text, outcome text, detail text)
	AS 'MODULE_PATHNAME', 'orgacl_explain' LANGUAGE C STABLE PARALLEL SAFE ROWS 6;
COMMENT ON FUNCTION orgacl.explain(bigint, bigint, orgacl.artifact, text) IS
	'the rules can() tried, in order, the deciding one last: step, rule (1, 2, 3, 4, 4a, 4b, 4c, 5), outcome (continue, allow, deny) and why';

CREATE FUNCTION orgacl.has_capability(person bigint, capability text, subject bigint DEFAULT NULL)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'orgacl_has_capability' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.has_capability(bigint, text, bigint) IS
	'does person hold capability: through global roles, and with a subject also through roles scoped to a group containing it; unknown capability is 22023';

CREATE FUNCTION orgacl.roles_of(person bigint) RETURNS orgacl.roleset
	AS 'MODULE_PATHNAME', 'orgacl_roles_of' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.roles_of(bigint) IS
	'the roles person holds globally; an unknown person is 23503';

CREATE FUNCTION orgacl.visible_subjects(viewer bigint, artifact orgacl.artifact)
	RETURNS SETOF bigint
	AS 'MODULE_PATHNAME', 'orgacl_visible_subjects' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.visible_subjects(bigint, orgacl.artifact) IS
	'every known person s with can_view(viewer, s, artifact)';

CREATE FUNCTION orgacl.who_can(subject bigint, artifact orgacl.artifact, action text DEFAULT 'view')
	RETURNS SETOF bigint
	AS 'MODULE_PATHNAME', 'orgacl_who_can' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.who_can(bigint, orgacl.artifact, text) IS
	'every known person v with can(v, action, subject, artifact)';

---------------------------------------------------------------------------
-- viewer identity
---------------------------------------------------------------------------

CREATE FUNCTION orgacl.current_viewer() RETURNS bigint
	AS 'MODULE_PATHNAME', 'orgacl_current_viewer' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.current_viewer() IS
	'the person this transaction acts as: orgacl.viewer when set, else the person mapped to session_user, else NULL';
-- scripts/directory.sql: every change to the model and the directory
-- (SPEC section 4), with the acting person's capability checks, the
-- invariants of section 3 and the audit log.
--
-- Conventions shared by every function here:
-- - The first argument is the acting person; NULL means the system, which
--   only superusers and members of orgacl_admin may be (checked on
--   session_user, never current_user: see orgacl.session_is_system).
-- - A session that is not the system may act only as its current viewer
--   (orgacl.current_viewer()): otherwise anyone could name the CEO as actor.
-- - Checks run in this order: argument syntax (22023, 22004), who may act
--   (42501), existence (23503, 23505), invariants (23514).  A refused actor
--   therefore learns nothing about the directory from the error.
-- - Functions are SECURITY DEFINER (the catalog tables are closed to
--   application roles) with search_path pinned to pg_catalog, pg_temp;
--   every object is schema-qualified.  They are VOLATILE, so that in READ
--   COMMITTED each statement sees what concurrent sessions committed before
--   it, which the invariant checks after taking orgacl.directory_lock rely on.
-- - Adding what exists already (a member, a lead, an additional manager, a
--   grant) and removing what is not there are no-ops; only real changes
--   reach the audit log.

---------------------------------------------------------------------------
-- internal helpers (not executable by PUBLIC)
---------------------------------------------------------------------------

CREATE FUNCTION orgacl.session_is_system() RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	RETURN coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r
					 WHERE r.rolname OPERATOR(pg_catalog.=) session_user), false)
		OR pg_catalog.pg_has_role(session_user, 'orgacl_admin', 'MEMBER');
COMMENT ON FUNCTION orgacl.session_is_system() IS
	'whether this session may act as the system (NULL actor): its login (session_user) is a superuser or a member of orgacl_admin';

CREATE FUNCTION orgacl.active_model_name() RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	RETURN coalesce((SELECT a.model FROM orgacl.active_model a), 'tri_role');
COMMENT ON FUNCTION orgacl.active_model_name() IS 'the name of the model in force';

CREATE FUNCTION orgacl.authorize(actor bigint, capability text, subject bigint, what text)
	RETURNS void
	LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF actor IS NULL THEN
		IF NOT orgacl.session_is_system() THEN
			RAISE EXCEPTION 'permission denied to %: only the system acts without an actor', what
				USING ERRCODE = '42501',
					  DETAIL = 'A NULL actor means the system: superusers and members of orgacl_admin.';
		END IF;
		RETURN;
	END IF;
	IF NOT orgacl.session_is_system() AND actor IS DISTINCT FROM orgacl.current_viewer() THEN
		RAISE EXCEPTION 'permission denied to act as person %', actor
			USING ERRCODE = '42501',
				  DETAIL = 'A session acts only as its current viewer (orgacl.viewer, or the person its login is mapped to).';
	END IF;
	IF NOT EXISTS (SELECT FROM orgacl.person p WHERE p.id OPERATOR(pg_catalog.=) actor AND p.active) THEN
		RAISE EXCEPTION 'permission denied to %', what
			USING ERRCODE = '42501',
				  DETAIL = pg_catalog.format('Person %s is not an active person of the directory.', actor);
	END IF;
	IF capability IS NOT NULL AND NOT orgacl.has_capability(actor, capability, subject) THEN
		RAISE EXCEPTION 'permission denied to %', what
			USING ERRCODE = '42501',
				  DETAIL = pg_catalog.format('Person %s lacks capability %s.', actor, capability);
	END IF;
END
$$;
COMMENT ON FUNCTION orgacl.authorize(bigint, text, bigint, text) IS
	'raises 42501 unless actor may act here and holds capability (for subject when given); NULL actor: the system';

CREATE FUNCTION orgacl.require_arg(value anyelement, what text) RETURNS void
	LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF value IS NULL THEN
		RAISE EXCEPTION '% must not be null', what USING ERRCODE = '22004';
	END IF;
END
$$;
COMMENT ON FUNCTION orgacl.require_arg(anyelement, text) IS 'raises 22004 when value is NULL';

CREATE FUNCTION orgacl.require_person(id bigint, what text DEFAULT 'person') RETURNS orgacl.orgpath
	LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p orgacl.orgpath;
BEGIN
	PERFORM orgacl.require_arg(id, what);
	SELECT x.path INTO p FROM orgacl.person x WHERE x.id OPERATOR(pg_catalog.=) require_person.id;
	IF NOT FOUND THEN
		RAISE EXCEPTION '% % does not exist', what, id USING ERRCODE = '23503';
	END IF;
	RETURN p;
END
$$;
COMMENT ON FUNCTION orgacl.require_person(bigint, text) IS
	'the path of person id; 23503 when the directory does not know it';

CREATE FUNCTION orgacl.require_group(id bigint) RETURNS text
	LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	k text;
BEGIN
	PERFORM orgacl.require_arg(id, 'group');
	SELECT g.kind INTO k FROM orgacl.org_group g WHERE g.id OPERATOR(pg_catalog.=) require_group.id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'group % does not exist', id USING ERRCODE = '23503';
	END IF;
	RETURN k;
END
$$;
COMMENT ON FUNCTION orgacl.require_group(bigint) IS 'the kind of group id; 23503 when it does not exist';

CREATE FUNCTION orgacl.lock_directory() RETURNS void
	LANGUAGE sql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		UPDATE orgacl.directory_lock SET epoch = epoch OPERATOR(pg_catalog.+) 1;
	END;
COMMENT ON FUNCTION orgacl.lock_directory() IS
	'serialises changes that check an invariant (last super holder, manager cycles) until the transaction ends';

CREATE FUNCTION orgacl.super_holders() RETURNS SETOF bigint
	LANGUAGE sql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		SELECT p.id FROM orgacl.person p
		WHERE p.active
		  AND EXISTS (SELECT FROM orgacl.model m
					  WHERE m.name OPERATOR(pg_catalog.=) orgacl.active_model_name()
						AND pg_catalog.cardinality(m.super_roles) OPERATOR(pg_catalog.>) 0
						AND NOT EXISTS (
							SELECT FROM pg_catalog.unnest(m.super_roles) r(role)
							WHERE NOT EXISTS (
								SELECT FROM orgacl.role_grant g
								WHERE g.person OPERATOR(pg_catalog.=) p.id
								  AND g.role OPERATOR(pg_catalog.=) r.role
								  AND g.scope IS NULL)));
	END;
COMMENT ON FUNCTION orgacl.super_holders() IS
	'active persons who hold the whole super role set of the model globally';

CREATE FUNCTION orgacl.check_last_super(person bigint, what text) RETURNS void
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	supers text[] := (SELECT m.super_roles FROM orgacl.model m
					  WHERE m.name OPERATOR(pg_catalog.=) orgacl.active_model_name());
BEGIN
	-- the lock first, then a fresh look at the holders (see directory_lock)
	PERFORM orgacl.lock_directory();
	IF EXISTS (SELECT FROM orgacl.super_holders() h(id) WHERE h.id OPERATOR(pg_catalog.=) person)
	   AND NOT EXISTS (SELECT FROM orgacl.super_holders() h(id) WHERE h.id OPERATOR(pg_catalog.<>) person) THEN
		RAISE EXCEPTION 'cannot %: it would leave no active holder of the super role set', what
			USING ERRCODE = '23514',
				  DETAIL = pg_catalog.format('At least one active person must hold %s globally.',
											 pg_catalog.array_to_string(supers, ' and '));
	END IF;
END
$$;
COMMENT ON FUNCTION orgacl.check_last_super(bigint, text) IS
	'raises 23514 when person is the only active holder of the super role set';

CREATE FUNCTION orgacl.audit(actor bigint, action text, target text, old_value jsonb, new_value jsonb)
	RETURNS void
	LANGUAGE sql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		INSERT INTO orgacl.audit_log (actor, action, target, old_value, new_value)
		VALUES (actor, action, target, old_value, new_value);
	END;
COMMENT ON FUNCTION orgacl.audit(bigint, text, text, jsonb, jsonb) IS 'appends a change to orgacl.audit_log';

---------------------------------------------------------------------------
-- model
---------------------------------------------------------------------------

CREATE FUNCTION orgacl.use_model(name text) RETURNS void
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	old text := orgacl.active_model_name();
	missing text;
BEGIN
	PERFORM orgacl.require_arg(name, 'model');
	IF NOT EXISTS (SELECT FROM orgacl.model m WHERE m.name OPERATOR(pg_catalog.=) use_model.name) THEN
		RAISE EXCEPTION 'model "%" does not exist', name
			USING ERRCODE = '22023',
				  HINT = 'Models: ' || (SELECT pg_catalog.string_agg(m.name, ', ' ORDER BY m.name) FROM orgacl.model m) || '.';
	END IF;
	PERFORM orgacl.authorize(NULL, NULL, NULL, 'change the model');
	PERFORM orgacl.lock_directory();
	SELECT pg_catalog.string_agg(DISTINCT g.role, ', ') INTO missing
	FROM orgacl.role_grant g
	WHERE NOT EXISTS (SELECT FROM orgacl.model_role r
					  WHERE r.model OPERATOR(pg_catalog.=) use_model.name
						AND r.name OPERATOR(pg_catalog.=) g.role);
	IF missing IS NOT NULL THEN
		RAISE EXCEPTION 'model "%" does not define roles the directory grants', name
			USING ERRCODE = '55000',
				  DETAIL = pg_catalog.format('Granted roles it lacks: %s.', missing),
				  HINT = 'Revoke those roles first.';
	END IF;
	IF old OPERATOR(pg_catalog.=) name THEN
		RETURN;
	END IF;
	INSERT INTO orgacl.active_model (model) VALUES (name)
		ON CONFLICT (singleton) DO UPDATE SET model = EXCLUDED.model;
	PERFORM orgacl.audit(NULL, 'use_model', name, pg_catalog.to_jsonb(old), pg_catalog.to_jsonb(name));
END
$$;
COMMENT ON FUNCTION orgacl.use_model(text) IS
	'makes a preset the model in force (the system only); refused while roles it lacks are granted';

CREATE FUNCTION orgacl.set_option(actor bigint, name text, "on" boolean) RETURNS void
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	m text := orgacl.active_model_name();
	old boolean;
BEGIN
	PERFORM orgacl.require_arg(name, 'option');
	PERFORM orgacl.require_arg("on", 'option value');
	SELECT coalesce(s.enabled, o.default_on) INTO old
	FROM orgacl.model_option o
	LEFT JOIN orgacl.option_setting s ON s.model OPERATOR(pg_catalog.=) o.model
		AND s.option OPERATOR(pg_catalog.=) o.name
	WHERE o.model OPERATOR(pg_catalog.=) m AND o.name OPERATOR(pg_catalog.=) set_option.name;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'option "%" does not exist in model "%"', name, m USING ERRCODE = '22023';
	END IF;
	PERFORM orgacl.authorize(actor, 'admin.options', NULL, 'change model options');
	IF old OPERATOR(pg_catalog.=) "on" THEN
		RETURN;
	END IF;
	INSERT INTO orgacl.option_setting (model, option, enabled) VALUES (m, name, "on")
		ON CONFLICT (model, option) DO UPDATE SET enabled = EXCLUDED.enabled;
	PERFORM orgacl.audit(actor, 'set_option', name, pg_catalog.to_jsonb(old), pg_catalog.to_jsonb("on"));
END
$$;
COMMENT ON FUNCTION orgacl.set_option(bigint, text, boolean) IS
	'switches an option of the model in force on or off; needs admin.options';

---------------------------------------------------------------------------
-- persons and reporting lines
---------------------------------------------------------------------------

CREATE FUNCTION orgacl.add_person(actor bigint, id bigint, manager bigint DEFAULT NULL) RETURNS void
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	mpath orgacl.orgpath := ''::orgacl.orgpath;
BEGIN
	PERFORM orgacl.require_arg(id, 'person id');
	IF id OPERATOR(pg_catalog.<=) 0 THEN
		RAISE EXCEPTION 'person id must be positive: %', id USING ERRCODE = '22023';
	END IF;
	PERFORM orgacl.authorize(actor, 'user.invite', NULL, 'add persons');
	IF manager IS NOT NULL THEN
		PERFORM orgacl.authorize(actor, 'user.change_reporting', NULL, 'choose managers');
	END IF;
	IF EXISTS (SELECT FROM orgacl.person p WHERE p.id OPERATOR(pg_catalog.=) add_person.id) THEN
		RAISE EXCEPTION 'person % already exists', id USING ERRCODE = '23505';
	END IF;
	IF manager IS NOT NULL THEN
		PERFORM orgacl.lock_directory();
		mpath := orgacl.require_person(manager, 'manager');
	END IF;
	INSERT INTO orgacl.person (id, manager, path)
	VALUES (id, manager, orgacl.orgpath_append(mpath, id));
	PERFORM orgacl.audit(actor, 'add_person', id::text, NULL,
						 pg_catalog.jsonb_build_object('manager', manager));
END
$$;
COMMENT ON FUNCTION orgacl.add_person(bigint, bigint, bigint) IS
	'adds an active person under manager (or at the top); needs user.invite, and user.change_reporting when a manager is named';

CREATE FUNCTION orgacl.set_manager(actor bigint, person bigint, manager bigint) RETURNS void
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	ppath orgacl.orgpath;
	mpath orgacl.orgpath := ''::orgacl.orgpath;
	newpath orgacl.orgpath;
	old bigint;
	depth int;
BEGIN
	PERFORM orgacl.require_arg(person, 'person');
	PERFORM orgacl.authorize(actor, 'user.change_reporting', person, 'change reporting lines');
	PERFORM orgacl.lock_directory();
	ppath := orgacl.require_person(person);
	IF manager IS NOT NULL THEN
		mpath := orgacl.require_person(manager, 'manager');
		IF mpath OPERATOR(orgacl.<@) ppath THEN
			RAISE EXCEPTION 'cannot make % the manager of %: that would create a manager cycle', manager, person
				USING ERRCODE = '23514',
					  DETAIL = CASE WHEN manager OPERATOR(pg_catalog.=) person
							   THEN 'A person cannot be their own manager.'
							   ELSE pg_catalog.format('Person %s reports, directly or indirectly, to person %s.', manager, person) END;
		END IF;
	END IF;
	SELECT p.manager INTO old FROM orgacl.person p WHERE p.id OPERATOR(pg_catalog.=) person;
	IF old IS NOT DISTINCT FROM manager THEN
		RETURN;
	END IF;
	-- re-path the whole subtree: the new prefix, then each path's part below person
	newpath := orgacl.orgpath_append(mpath, person);
	depth := orgacl.nlevel(ppath);
	UPDATE orgacl.person p SET manager = set_manager.manager WHERE p.id OPERATOR(pg_catalog.=) person;
	UPDATE orgacl.person p
	SET path = CASE WHEN p.path OPERATOR(orgacl.=) ppath THEN newpath
				ELSE orgacl.orgpath_concat(newpath, orgacl.subpath(p.path, depth)) END
	WHERE p.path OPERATOR(orgacl.<@) ppath;
	PERFORM orgacl.audit(actor, 'set_manager', person::text,
						 pg_catalog.jsonb_build_object('manager', old),
						 pg_catalog.jsonb_build_object('manager', manager));
END
$$;
COMMENT ON FUNCTION orgacl.set_manager(bigint, bigint, bigint) IS
	'sets the primary manager of person (NULL: top level) and re-paths their subtree; needs user.change_reporting; a manager cycle is 23514';

CREATE FUNCTION orgacl.add_manager(actor bigint, person bigint, manager bigint) RETURNS void
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM orgacl.require_arg(person, 'person');
	PERFORM orgacl.require_arg(manager, 'manager');
	PERFORM orgacl.authorize(actor, 'user.change_reporting', person, 'change reporting lines');
	PERFORM orgacl.require_person(person);
	PERFORM orgacl.require_person(manager, 'manager');
	IF person OPERATOR(pg_catalog.=) manager THEN
		RAISE EXCEPTION 'cannot make % an additional manager of themselves', person USING ERRCODE = '23514';
	END IF;
	INSERT INTO orgacl.person_manager (person, manager) VALUES (person, manager)
		ON CONFLICT DO NOTHING;
	IF FOUND THEN
		PERFORM orgacl.audit(actor, 'add_manager', person::text, NULL,
							 pg_catalog.jsonb_build_object('manager', manager));
	END IF;
END
$$;
COMMENT ON FUNCTION orgacl.add_manager(bigint, bigint, bigint) IS
	'adds an additional manager (direct-manager rights only, no cascade); needs user.change_reporting';

CREATE FUNCTION orgacl.remove_manager(actor bigint, person bigint, manager bigint) RETURNS void
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM orgacl.require_arg(person, 'person');
	PERFORM orgacl.require_arg(manager, 'manager');
	PERFORM orgacl.authorize(actor, 'user.change_reporting', person, 'change reporting lines');
	PERFORM orgacl.require_person(person);
	DELETE FROM orgacl.person_manager pm
	WHERE pm.person OPERATOR(pg_catalog.=) remove_manager.person
	  AND pm.manager OPERATOR(pg_catalog.=) remove_manager.manager;
	IF FOUND THEN
		PERFORM orgacl.audit(actor, 'remove_manager', person::text,
							 pg_catalog.jsonb_build_object('manager', manager), NULL);
	END IF;
END
$$;
COMMENT ON FUNCTION orgacl.remove_manager(bigint, bigint, bigint) IS
	'removes an additional manager; needs user.change_reporting';

CREATE FUNCTION orgacl.deactivate(actor bigint, person bigint) RETURNS void
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM orgacl.require_arg(person, 'person');
	PERFORM orgacl.authorize(actor, 'user.deactivate', person, 'deactivate persons');
	PERFORM orgacl.require_person(person);
	PERFORM orgacl.check_last_super(person, pg_catalog.format('deactivate person %s', person));
	UPDATE orgacl.person p SET active = false
	WHERE p.id OPERATOR(pg_catalog.=) person AND p.active;
	IF FOUND THEN
		PERFORM orgacl.audit(actor, 'deactivate', person::text,
							 pg_catalog.jsonb_build_object('active', true),
							 pg_catalog.jsonb_build_object('active', false));
	END IF;
END
$$;
COMMENT ON FUNCTION orgacl.deactivate(bigint, bigint) IS
	'deactivates a person (they keep their place in the hierarchy); needs user.deactivate; the last super holder is 23514';

CREATE FUNCTION orgacl.reactivate(actor bigint, person bigint) RETURNS void
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM orgacl.require_arg(person, 'person');
	PERFORM orgacl.authorize(actor, 'user.deactivate', person, 'reactivate persons');
	PERFORM orgacl.require_person(person);
	UPDATE orgacl.person p SET active = true
	WHERE p.id OPERATOR(pg_catalog.=) person AND NOT p.active;
	IF FOUND THEN
		PERFORM orgacl.audit(actor, 'reactivate', person::text,
							 pg_catalog.jsonb_build_object('active', false),
							 pg_catalog.jsonb_build_object('active', true));
	END IF;
END
$$;
COMMENT ON FUNCTION orgacl.reactivate(bigint, bigint) IS 'reactivates a person; needs user.deactivate';

---------------------------------------------------------------------------
-- groups
---------------------------------------------------------------------------

CREATE FUNCTION orgacl.create_group(actor bigint, id bigint, kind text, name text) RETURNS void
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM orgacl.require_arg(id, 'group id');
	PERFORM orgacl.require_arg(kind, 'group kind');
	PERFORM orgacl.require_arg(name, 'group name');
	IF id OPERATOR(pg_catalog.<=) 0 THEN
		RAISE EXCEPTION 'group id must be positive: %', id USING ERRCODE = '22023';
	END IF;
	IF kind OPERATOR(pg_catalog.<>) ALL (ARRAY['team', 'location', 'saved_group', 'performance_group']) THEN
		RAISE EXCEPTION 'group kind "%" does not exist', kind
			USING ERRCODE = '22023',
				  HINT = 'Group kinds are team, location, saved_group and performance_group.';
	END IF;
	PERFORM orgacl.authorize(actor, 'group.manage', NULL, 'manage groups');
	IF EXISTS (SELECT FROM orgacl.org_group g WHERE g.id OPERATOR(pg_catalog.=) create_group.id) THEN
		RAISE EXCEPTION 'group % already exists', id USING ERRCODE = '23505';
	END IF;
	INSERT INTO orgacl.org_group (id, kind, name) VALUES (id, kind, name);
	PERFORM orgacl.audit(actor, 'create_group', id::text, NULL,
						 pg_catalog.jsonb_build_object('kind', kind, 'name', name));
END
$$;
COMMENT ON FUNCTION orgacl.create_group(bigint, bigint, text, text) IS
	'creates a group of kind team, location, saved_group or performance_group; needs group.manage';

CREATE FUNCTION orgacl.authorize_membership(actor bigint, grp bigint, person bigint, what text)
	RETURNS void
	LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	-- dual_track: "join any team": a person may add or remove themselves
	IF actor IS NOT NULL AND actor OPERATOR(pg_catalog.=) person
	   AND (SELECT m.self_join_teams FROM orgacl.model m
			WHERE m.name OPERATOR(pg_catalog.=) orgacl.active_model_name())
	   AND EXISTS (SELECT FROM orgacl.org_group g
				   WHERE g.id OPERATOR(pg_catalog.=) grp AND g.kind OPERATOR(pg_catalog.=) 'team') THEN
		PERFORM orgacl.authorize(actor, NULL, NULL, what);
	ELSE
		PERFORM orgacl.authorize(actor, 'group.manage', person, what);
	END IF;
END
$$;
COMMENT ON FUNCTION orgacl.authorize_membership(bigint, bigint, bigint, text) IS
	'group.manage, or, where the model lets anyone join teams, the person themselves for a team';

CREATE FUNCTION orgacl.change_group_link(actor bigint, grp bigint, person bigint, lead boolean, adding boolean)
	RETURNS void
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	k text;
	action text := CASE WHEN lead THEN CASE WHEN adding THEN 'set_lead' ELSE 'remove_lead' END
						ELSE CASE WHEN adding THEN 'add_member' ELSE 'remove_member' END END;
	link jsonb := pg_catalog.jsonb_build_object(CASE WHEN lead THEN 'lead' ELSE 'person' END, person);
BEGIN
	PERFORM orgacl.require_arg(grp, 'group');
	PERFORM orgacl.require_arg(person, 'person');
	IF lead THEN
		PERFORM orgacl.authorize(actor, 'group.manage', person, 'designate team leads');
	ELSE
		PERFORM orgacl.authorize_membership(actor, grp, person, 'change group memberships');
	END IF;
	k := orgacl.require_group(grp);
	IF NOT adding THEN
		IF lead THEN
			DELETE FROM orgacl.group_lead l
			WHERE l.grp OPERATOR(pg_catalog.=) change_group_link.grp AND l.person OPERATOR(pg_catalog.=) change_group_link.person;
		ELSE
			DELETE FROM orgacl.group_member m
			WHERE m.grp OPERATOR(pg_catalog.=) change_group_link.grp AND m.person OPERATOR(pg_catalog.=) change_group_link.person;
		END IF;
		IF FOUND THEN
			PERFORM orgacl.audit(actor, action, grp::text, link, NULL);
		END IF;
		RETURN;
	END IF;
	IF lead AND k OPERATOR(pg_catalog.<>) 'team' THEN
		RAISE EXCEPTION 'group % is a %, and only teams have leads', grp, k USING ERRCODE = '22023';
	END IF;
	PERFORM orgacl.require_person(person);
	IF lead THEN
		INSERT INTO orgacl.group_lead (grp, person) VALUES (grp, person) ON CONFLICT DO NOTHING;
	ELSE
		INSERT INTO orgacl.group_member (grp, person) VALUES (grp, person) ON CONFLICT DO NOTHING;
	END IF;
	IF FOUND THEN
		PERFORM orgacl.audit(actor, action, grp::text, NULL, link);
	END IF;
END
$$;
COMMENT ON FUNCTION orgacl.change_group_link(bigint, bigint, bigint, boolean, boolean) IS
	'adds or removes a member or a lead of a group, with the checks and the audit entry add_member, remove_member, set_lead and remove_lead share';

CREATE FUNCTION orgacl.add_member(actor bigint, grp bigint, person bigint) RETURNS void
	LANGUAGE sql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	RETURN orgacl.change_group_link(actor, grp, person, false, true);
COMMENT ON FUNCTION orgacl.add_member(bigint, bigint, bigint) IS
	'adds person to a group; needs group.manage (or, where the model allows, joining a team oneself)';

CREATE FUNCTION orgacl.remove_member(actor bigint, grp bigint, person bigint) RETURNS void
	LANGUAGE sql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	RETURN orgacl.change_group_link(actor, grp, person, false, false);
COMMENT ON FUNCTION orgacl.remove_member(bigint, bigint, bigint) IS
	'removes person from a group; needs group.manage (or, where the model allows, leaving a team oneself)';

CREATE FUNCTION orgacl.set_lead(actor bigint, grp bigint, person bigint) RETURNS void
	LANGUAGE sql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	RETURN orgacl.change_group_link(actor, grp, person, true, true);
COMMENT ON FUNCTION orgacl.set_lead(bigint, bigint, bigint) IS
	'makes person a lead of a team (a team may have several); needs group.manage';

CREATE FUNCTION orgacl.remove_lead(actor bigint, grp bigint, person bigint) RETURNS void
	LANGUAGE sql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	RETURN orgacl.change_group_link(actor, grp, person, true, false);
COMMENT ON FUNCTION orgacl.remove_lead(bigint, bigint, bigint) IS 'removes a lead of a team; needs group.manage';

---------------------------------------------------------------------------
-- roles
---------------------------------------------------------------------------

CREATE FUNCTION orgacl.authorize_role_change(actor bigint, grantee bigint, role text, what text)
	RETURNS void
	LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	m orgacl.model;
	mine text[];
	grantable text[];
	beyond text;
BEGIN
	PERFORM orgacl.authorize(actor, NULL, NULL, what);
	IF actor IS NULL THEN
		RETURN;
	END IF;
	SELECT * INTO m FROM orgacl.model x WHERE x.name OPERATOR(pg_catalog.=) orgacl.active_model_name();
	IF NOT m.own_roles AND actor OPERATOR(pg_catalog.=) grantee THEN
		RAISE EXCEPTION 'permission denied to %: nobody changes their own roles in model "%"', what, m.name
			USING ERRCODE = '42501';
	END IF;
	-- the actor's global roles, and what every grant rule they satisfy lets them grant
	mine := ARRAY(SELECT g.role FROM orgacl.role_grant g
				  WHERE g.person OPERATOR(pg_catalog.=) actor AND g.scope IS NULL);
	grantable := ARRAY(SELECT DISTINCT x.role
					   FROM orgacl.model_grant_rule r, pg_catalog.unnest(r.grantable) x(role)
					   WHERE r.model OPERATOR(pg_catalog.=) m.name
						 AND r.granter OPERATOR(pg_catalog.<@) mine);
	IF NOT role OPERATOR(pg_catalog.=) ANY (grantable) THEN
		RAISE EXCEPTION 'permission denied to %', what
			USING ERRCODE = '42501',
				  DETAIL = pg_catalog.format('The roles of person %s (%s) do not let them grant or revoke %s.',
											 actor, coalesce(nullif(pg_catalog.array_to_string(mine, ', '), ''), 'none'), role);
	END IF;
	IF m.grant_covers_holdings THEN
		SELECT pg_catalog.string_agg(DISTINCT g.role, ', ') INTO beyond
		FROM orgacl.role_grant g
		WHERE g.person OPERATOR(pg_catalog.=) grantee AND NOT g.role OPERATOR(pg_catalog.=) ANY (grantable);
		IF beyond IS NOT NULL THEN
			RAISE EXCEPTION 'permission denied to %', what
				USING ERRCODE = '42501',
					  DETAIL = pg_catalog.format('Person %s holds roles person %s may not grant, so only someone with equal or higher access may change their roles.', grantee, actor);
		END IF;
	END IF;
END
$$;
COMMENT ON FUNCTION orgacl.authorize_role_change(bigint, bigint, text, text) IS
	'raises 42501 unless the model''s grant rules let actor grant and revoke role on grantee';

CREATE FUNCTION orgacl.check_role_scope(role text, scope bigint) RETURNS orgacl.model_role
	LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r orgacl.model_role;
	k text;
BEGIN
	PERFORM orgacl.require_arg(role, 'role');
	SELECT * INTO r FROM orgacl.model_role x
	WHERE x.model OPERATOR(pg_catalog.=) orgacl.active_model_name() AND x.name OPERATOR(pg_catalog.=) role;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'role "%" does not exist in model "%"', role, orgacl.active_model_name()
			USING ERRCODE = '22023';
	END IF;
	IF scope IS NULL AND r.scope OPERATOR(pg_catalog.=) 'scoped' THEN
		RAISE EXCEPTION 'role "%" must be scoped to a group', role USING ERRCODE = '22023';
	END IF;
	IF scope IS NOT NULL AND r.scope OPERATOR(pg_catalog.=) 'global' THEN
		RAISE EXCEPTION 'role "%" cannot be scoped to a group', role USING ERRCODE = '22023';
	END IF;
	RETURN r;
END
$$;
COMMENT ON FUNCTION orgacl.check_role_scope(text, bigint) IS
	'the model''s definition of role; 22023 when it does not exist or the scope does not fit it';

CREATE FUNCTION orgacl.grant_role(actor bigint, grantee bigint, role text, scope bigint DEFAULT NULL)
	RETURNS void
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r orgacl.model_role := orgacl.check_role_scope(role, scope);
	k text;
BEGIN
	PERFORM orgacl.require_arg(grantee, 'grantee');
	PERFORM orgacl.authorize_role_change(actor, grantee, role, pg_catalog.format('grant role %s', role));
	PERFORM orgacl.require_person(grantee);
	IF scope IS NOT NULL THEN
		k := orgacl.require_group(scope);
		IF r.scope_kinds IS NOT NULL AND NOT k OPERATOR(pg_catalog.=) ANY (r.scope_kinds) THEN
			RAISE EXCEPTION 'role "%" cannot be scoped to group %, a %', role, scope, k
				USING ERRCODE = '22023',
					  HINT = pg_catalog.format('It may be scoped to groups of kind %s.', pg_catalog.array_to_string(r.scope_kinds, ', '));
		END IF;
	END IF;
	INSERT INTO orgacl.role_grant (person, role, scope, granted_by)
	VALUES (grantee, role, scope, actor)
	ON CONFLICT DO NOTHING;
	IF FOUND THEN
		PERFORM orgacl.audit(actor, 'grant_role', grantee::text, NULL,
							 pg_catalog.jsonb_build_object('role', role, 'scope', scope));
	END IF;
END
$$;
COMMENT ON FUNCTION orgacl.grant_role(bigint, bigint, text, bigint) IS
	'grants role to grantee, globally or scoped to a group, as the model''s grant rules allow actor';

CREATE FUNCTION orgacl.revoke_role(actor bigint, grantee bigint, role text, scope bigint DEFAULT NULL)
	RETURNS void
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r orgacl.model_role := orgacl.check_role_scope(role, scope);
BEGIN
	PERFORM orgacl.require_arg(grantee, 'grantee');
	PERFORM orgacl.authorize_role_change(actor, grantee, role, pg_catalog.format('revoke role %s', role));
	PERFORM orgacl.require_person(grantee);
	IF scope IS NULL AND role OPERATOR(pg_catalog.=) ANY (coalesce(
			(SELECT m.super_roles FROM orgacl.model m
			 WHERE m.name OPERATOR(pg_catalog.=) orgacl.active_model_name()), '{}'::text[])) THEN
		PERFORM orgacl.check_last_super(grantee, pg_catalog.format('revoke role %s from person %s', role, grantee));
	END IF;
	DELETE FROM orgacl.role_grant g
	WHERE g.person OPERATOR(pg_catalog.=) grantee AND g.role OPERATOR(pg_catalog.=) revoke_role.role
	  AND coalesce(g.scope, 0) OPERATOR(pg_catalog.=) coalesce(revoke_role.scope, 0);
	IF FOUND THEN
		PERFORM orgacl.audit(actor, 'revoke_role', grantee::text,
							 pg_catalog.jsonb_build_object('role', role, 'scope', scope), NULL);
	END IF;
END
$$;
COMMENT ON FUNCTION orgacl.revoke_role(bigint, bigint, text, bigint) IS
	'revokes role from grantee as the model''s grant rules allow actor; the last super holder is 23514';

---------------------------------------------------------------------------
-- cycles
---------------------------------------------------------------------------

CREATE FUNCTION orgacl.create_cycle(actor bigint, id bigint, kind text, audience orgacl.audience DEFAULT NULL)
	RETURNS void
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM orgacl.require_arg(id, 'cycle id');
	PERFORM orgacl.require_arg(kind, 'kind');
	IF id OPERATOR(pg_catalog.<=) 0 THEN
		RAISE EXCEPTION 'cycle id must be positive: %', id USING ERRCODE = '22023';
	END IF;
	PERFORM orgacl.check_kind(kind);
	PERFORM orgacl.authorize(actor, kind || '.create_cycle', NULL, pg_catalog.format('create %s cycles', kind));
	IF EXISTS (SELECT FROM orgacl.cycle c WHERE c.id OPERATOR(pg_catalog.=) create_cycle.id) THEN
		RAISE EXCEPTION 'cycle % already exists', id USING ERRCODE = '23505';
	END IF;
	INSERT INTO orgacl.cycle (id, kind, owner, audience) VALUES (id, kind, actor, audience);
	PERFORM orgacl.audit(actor, 'create_cycle', id::text, NULL,
						 pg_catalog.jsonb_build_object('kind', kind, 'audience', audience::text));
END
$$;
COMMENT ON FUNCTION orgacl.create_cycle(bigint, bigint, text, orgacl.audience) IS
	'creates a cycle owned by actor (NULL audience: the kind''s default); needs <kind>.create_cycle';

CREATE FUNCTION orgacl.set_cycle_audience(actor bigint, cycle bigint, audience orgacl.audience)
	RETURNS void
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	c orgacl.cycle;
BEGIN
	PERFORM orgacl.require_arg(cycle, 'cycle');
	SELECT * INTO c FROM orgacl.cycle x WHERE x.id OPERATOR(pg_catalog.=) cycle;
	IF NOT FOUND THEN
		PERFORM orgacl.authorize(actor, NULL, NULL, 'change cycle audiences');
		RAISE EXCEPTION 'cycle % does not exist', cycle USING ERRCODE = '23503';
	END IF;
	PERFORM orgacl.authorize(actor, c.kind || '.edit_cycle', NULL, pg_catalog.format('edit %s cycles', c.kind));
	IF c.audience::text IS NOT DISTINCT FROM audience::text THEN
		RETURN;
	END IF;
	UPDATE orgacl.cycle x SET audience = set_cycle_audience.audience WHERE x.id OPERATOR(pg_catalog.=) cycle;
	PERFORM orgacl.audit(actor, 'set_cycle_audience', cycle::text,
						 pg_catalog.to_jsonb(c.audience::text), pg_catalog.to_jsonb(audience::text));
END
$$;
COMMENT ON FUNCTION orgacl.set_cycle_audience(bigint, bigint, orgacl.audience) IS
	'sets the audience of a cycle (NULL: back to the kind''s default); needs <kind>.edit_cycle';

CREATE FUNCTION orgacl.delete_cycle(actor bigint, cycle bigint) RETURNS void
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	c orgacl.cycle;
BEGIN
	PERFORM orgacl.require_arg(cycle, 'cycle');
	SELECT * INTO c FROM orgacl.cycle x WHERE x.id OPERATOR(pg_catalog.=) cycle;
	IF NOT FOUND THEN
		PERFORM orgacl.authorize(actor, NULL, NULL, 'delete cycles');
		RAISE EXCEPTION 'cycle % does not exist', cycle USING ERRCODE = '23503';
	END IF;
	PERFORM orgacl.authorize(actor, c.kind || '.delete_cycle', NULL, pg_catalog.format('delete %s cycles', c.kind));
	DELETE FROM orgacl.cycle x WHERE x.id OPERATOR(pg_catalog.=) cycle;
	PERFORM orgacl.audit(actor, 'delete_cycle', cycle::text,
						 pg_catalog.jsonb_build_object('kind', c.kind, 'owner', c.owner, 'audience', c.audience::text), NULL);
END
$$;
COMMENT ON FUNCTION orgacl.delete_cycle(bigint, bigint) IS
	'deletes a cycle (its artifacts are then denied to everyone: an unknown cycle decides nothing); needs <kind>.delete_cycle';

---------------------------------------------------------------------------
-- logins
---------------------------------------------------------------------------

CREATE FUNCTION orgacl.map_login(actor bigint, login name, person bigint) RETURNS void
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	old bigint;
BEGIN
	PERFORM orgacl.require_arg(login, 'login');
	-- NB: database roles are the DBA's: only the system maps them, whoever
	-- the acting person is, since a login mapped to someone reads as them.
	IF NOT orgacl.session_is_system() THEN
		RAISE EXCEPTION 'permission denied to map logins to persons'
			USING ERRCODE = '42501',
				  DETAIL = 'Only superusers and members of orgacl_admin map database roles to persons.';
	END IF;
	PERFORM orgacl.authorize(actor, NULL, NULL, 'map logins to persons');
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) login) THEN
		RAISE EXCEPTION 'role "%" does not exist', login USING ERRCODE = '42704';
	END IF;
	SELECT l.person INTO old FROM orgacl.login_map l WHERE l.login OPERATOR(pg_catalog.=) map_login.login;
	IF person IS NULL THEN
		DELETE FROM orgacl.login_map l WHERE l.login OPERATOR(pg_catalog.=) map_login.login;
	ELSE
		PERFORM orgacl.require_person(person);
		UPDATE orgacl.login_map l SET person = map_login.person
		WHERE l.login OPERATOR(pg_catalog.=) map_login.login;
		IF NOT FOUND THEN
			INSERT INTO orgacl.login_map (login, person) VALUES (login, person);
		END IF;
	END IF;
	IF old IS DISTINCT FROM person THEN
		PERFORM orgacl.audit(actor, 'map_login', login::text, pg_catalog.to_jsonb(old), pg_catalog.to_jsonb(person));
	END IF;
END
$$;
COMMENT ON FUNCTION orgacl.map_login(bigint, name, bigint) IS
	'makes a database role act as person (NULL person: unmapped); the system only; an unknown role is 42704';
-- presets/tri_role.sql: Small Improvements, "HR Admins, Tech Admins, and HR
-- Assistants" (../shared/seeds/000_026aa0b90258ef85.txt)
--
-- Three global roles whose permissions add up: hr_admin manages people,
-- review processes and confidential content; hr_assistant is "HR admin lite"
-- (runs cycles, tracks progress, never reads content); tech_admin configures
-- integrations, security and settings and reads no confidential data.  The
-- pair hr_admin+tech_admin is the account's "Super User", which must always be
-- held by someone.  The article's permissions cheat sheet lost its check marks
-- when it was captured; where a row below rests on such a table, its comment
-- says what was inferred and from which sentence of the prose.  Where SPEC
-- section 6a fixes a reading, the comment cites it.
--
-- Kinds this article does not mention (one_on_one, onboard_response,
-- exit_data, idp, ninebox, private_feedback) get no default rows: in this
-- model nobody may do anything with them.  Actions of the mentioned kinds that
-- have no row below are likewise refused to everybody (e.g. review
-- unveil_author: reviews have no anonymous writers here).

INSERT INTO orgacl.model (name, article, super_roles, own_roles, grant_covers_holdings,
	self_join_teams, description)
VALUES
	-- "someone with both HR Admin and Tech Admin permissions ... the account
	-- Super User who has all permissions"; "there always needs to be at least
	-- one Super User".  SPEC 6a: super set {hr_admin,tech_admin}; own roles may
	-- change (the pair "can assign any role to anyone", themselves included).
	('tri_role', '000_026aa0b90258ef85.txt', '{hr_admin,tech_admin}', true, false, false,
	 'three global admin roles (HR admin, HR assistant, tech admin) whose permissions add up; '
	 'HR admin + tech admin is the Super User');

-- "There are 3 possible roles any user can have"; "A user may have more than
-- one role ... the permissions simply add up".  SPEC 6a: none is a scoped role;
-- by its "Scopes" rule each may still be granted scoped to a group, and then
-- counts only for subjects in that group.
INSERT INTO orgacl.model_role (model, name, bit, scope, scope_kinds, description) VALUES
	-- "more for managing people and feedback within the platform"
	('tri_role', 'hr_admin', 0, 'either', NULL,
	 'HR admin: manages people, review processes and confidential content'),
	-- "like HR Admin lite ... limited access to confidential information"
	('tri_role', 'hr_assistant', 1, 'either', NULL,
	 'HR assistant: runs review, 360 and survey cycles without reading their content'),
	-- "configure the SI integrations, security settings, and use the user import tool"
	('tri_role', 'tech_admin', 2, 'either', NULL,
	 'tech admin: integrations, security and company settings, user import');

-- "you can select the 'Allow HR Assistant to pick a person's manager' option"
INSERT INTO orgacl.model_option (model, name, default_on, description) VALUES
	('tri_role', 'hr_assistant_can_set_manager', false,
	 'HR assistants may also change the reporting structure (pick a person''s manager)');

---------------------------------------------------------------------------
-- named capabilities (the <kind>.<action>, cycle and directory ones exist
-- in every model and are not listed)
---------------------------------------------------------------------------

INSERT INTO orgacl.model_capability (model, name, description) VALUES
	('tri_role', 'admin.integrations', 'set up integrations with other products'),
	('tri_role', 'admin.security', 'security settings (e.g. IP range restrictions)'),
	('tri_role', 'admin.user_import', 'the user import tool (csv import, SFTP setup)'),
	('tri_role', 'admin.settings',
	 'company settings: feature selection, license, date and time, design editor, email templates and bounces'),
	('tri_role', 'admin.automations', 'create, edit, disable and delete automations'),
	('tri_role', 'admin.xml_export', 'create and download the XML export'),
	('tri_role', 'admin.impersonate', 'act as another user (user impersonation)'),
	('tri_role', 'audit.read', 'read the audit log'),
	('tri_role', 'user.reset_password', 'send password reset instructions'),
	('tri_role', 'user.change_password', 'set another user''s password'),
	('tri_role', 'user.change_email', 'change a user''s email address'),
	('tri_role', 'user.delete', 'delete users'),
	('tri_role', 'review.send_reminders', 'send reminders to reviewers running late'),
	('tri_role', 'feedback_360.send_reminders', 'send reminders to 360 reviewers running late'),
	('tri_role', 'objective.nudge', 'nudge objective owners and managers into action'),
	('tri_role', 'praise.configure', 'praise platforms, message defaults, badges and the praise wall'),
	('tri_role', 'praise.unveil_anonymous', 'reveal the writer of an anonymous message');

---------------------------------------------------------------------------
-- default audiences per (kind, action); no row: nobody
---------------------------------------------------------------------------

INSERT INTO orgacl.model_default (model, kind, action, audience, option, note) VALUES
	-- Reviews.  SPEC 6a Rule: view {subject,direct_manager,managers,hr}; no
	-- owner: "HR Assistants can create ... cycles ... but they are not able to
	-- access any confidential data", so creating a cycle gives no content.
	('tri_role', 'review', 'view', '{subject,direct_manager,managers,hr}', NULL,
	 'the reviewee, their managers up the primary line, and HR admins (review.view)'),
	-- "HR Assistants can ... see the status of reviews"; cheat sheet "Track
	-- progress" and "Export review statistics to Excel": counts, not content,
	-- for the same people as content plus the assistants (review.aggregate).
	('tri_role', 'review', 'aggregate', '{subject,direct_manager,managers,hr}', NULL,
	 'progress and statistics: as view, plus HR assistants through review.aggregate'),
	-- SPEC 6a Rule: create {direct_manager,hr}: managers write their reports'
	-- reviews; cheat sheet "Create reviews" (HR admin, inferred).
	('tri_role', 'review', 'create', '{direct_manager,hr}', NULL,
	 'the direct manager writes the review; HR admins may create one (review.create)'),
	-- SPEC 6a Rule: edit {author,hr}.
	('tri_role', 'review', 'edit', '{author,hr}', NULL,
	 'its author, and HR admins (review.edit)'),
	-- SPEC 6a Rule: delete {hr}; cheat sheet "Delete reviews" (marked "(√)":
	-- read as HR admin, within the never-up-the-chain limit).
	('tri_role', 'review', 'delete', '{hr}', NULL, 'HR admins only (review.delete)'),

	-- 360 feedback: the reviewee, the writer and the reviewee's managers read
	-- it unless the cycle says otherwise; "Access feedback content" and
	-- "Export feedback to PDF" are HR admin's (feedback_360.view).
	('tri_role', 'feedback_360', 'view', '{subject,author,direct_manager,managers,hr}', NULL,
	 'the reviewee, the writer, the reviewee''s managers and HR admins (feedback_360.view)'),
	-- "Track progress, send reminders", "Export feedback statistics to Excel".
	('tri_role', 'feedback_360', 'aggregate', '{subject,author,direct_manager,managers,hr}', NULL,
	 'progress and statistics: as view, plus HR assistants through feedback_360.aggregate'),
	-- Anyone can be asked for 360 feedback; who was asked is the application's
	-- data, so every active person may write it ("Create feedback" for HR
	-- admins is then already covered).
	('tri_role', 'feedback_360', 'create', '{public}', NULL,
	 'any active person may be asked to give 360 feedback'),
	-- writers edit their own feedback; the cheat sheet has no "edit feedback" row
	('tri_role', 'feedback_360', 'edit', '{author}', NULL, 'its writer'),
	-- cheat sheet "Delete feedback" (marked "(√)": read as HR admin)
	('tri_role', 'feedback_360', 'delete', '{hr}', NULL, 'HR admins only (feedback_360.delete)'),

	-- Objectives: "View objectives only shared with the manager" is HR
	-- admin's, so an objective shared with the manager line is also open to
	-- HR admins by default.  Public objectives carry the row audience
	-- {public}; "private objectives" carry one without hr ({subject,shared}),
	-- "hidden from HR Admins, unless specifically granted visibility" (shared).
	('tri_role', 'objective', 'view', '{subject,direct_manager,managers,hr}', NULL,
	 'the owner of the objective, their managers, and HR admins (objective.view)'),
	-- "even if HR creates the objective on their behalf": people, their direct
	-- manager and HR admins set objectives.
	('tri_role', 'objective', 'create', '{subject,direct_manager,hr}', NULL,
	 'the person, their direct manager, or HR admins on their behalf (objective.create)'),
	-- "... on their behalf": the person, the writer and the direct manager keep editing it
	('tri_role', 'objective', 'edit', '{subject,author,direct_manager,hr}', NULL,
	 'the person, the writer, the direct manager and HR admins (objective.edit)'),
	-- the person or its writer removes an objective; HR admins too
	('tri_role', 'objective', 'delete', '{subject,author,hr}', NULL,
	 'the person, the writer and HR admins (objective.delete)'),

	-- Pulse surveys.  SPEC 6a Rule: view {subject,owner,hr}: "They can view,
	-- edit, share, and export the data for any survey they have created. They
	-- do not have these permissions for other cycles."
	('tri_role', 'survey_response', 'view', '{subject,owner,hr}', NULL,
	 'the respondent, the survey''s creator, and HR admins (survey_response.view)'),
	-- "export the data for any survey they have created": statistics for the
	-- creator and HR admins
	('tri_role', 'survey_response', 'aggregate', '{owner,hr}', NULL,
	 'the survey''s creator and HR admins (survey_response.aggregate)'),
	-- a survey response is written by the respondent about themselves
	('tri_role', 'survey_response', 'create', '{subject}', NULL, 'respondents answer for themselves'),
	-- "view, edit ... the data for any survey they have created"
	('tri_role', 'survey_response', 'edit', '{subject,owner}', NULL,
	 'the respondent and the survey''s creator'),
	-- "Since they cannot view what data may have been recorded by users, only HR Admins" delete recorded data
	('tri_role', 'survey_response', 'delete', '{hr}', NULL,
	 'HR admins only (survey_response.delete): "only HR Admins" delete recorded data'),

	-- Praise: messages are public; "Edit and delete messages" and "Unveil
	-- anonymous writer" are HR admin's (cheat sheet, inferred from the HR
	-- admin's "managing people and feedback").
	('tri_role', 'praise', 'view', '{public}', NULL, 'every active person'),
	-- every active person may praise anyone
	('tri_role', 'praise', 'create', '{public}', NULL, 'every active person'),
	-- cheat sheet "Edit and delete messages": the writer, and HR admins
	('tri_role', 'praise', 'edit', '{author,hr}', NULL, 'its writer and HR admins (praise.edit)'),
	-- cheat sheet "Edit and delete messages": the writer, and HR admins
	('tri_role', 'praise', 'delete', '{author,hr}', NULL, 'its writer and HR admins (praise.delete)'),
	-- cheat sheet "Unveil anonymous writer": HR admins only (not even the recipient)
	('tri_role', 'praise', 'unveil_author', '{hr}', NULL,
	 'HR admins only (praise.unveil_author, same holders as praise.unveil_anonymous)'),

	-- Private notes: private to their writer (and whom they share them with);
	-- no role reaches them (no hr).
	('tri_role', 'private_note', 'view', '{author,shared}', NULL, 'the writer and whom they share it with'),
	-- anyone may keep private notes about anyone
	('tri_role', 'private_note', 'create', '{public}', NULL, 'every active person'),
	-- only the writer edits their private note
	('tri_role', 'private_note', 'edit', '{author}', NULL, 'the writer'),
	-- only the writer deletes their private note
	('tri_role', 'private_note', 'delete', '{author}', NULL, 'the writer');

---------------------------------------------------------------------------
-- who holds which capability (several rows: alternatives)
---------------------------------------------------------------------------

INSERT INTO orgacl.model_cap_rule (model, capability, roles, option, needs_report, note) VALUES
	-- User management.
	-- cheat sheet "Invite users ... √ (csv import)": HR admins invite, tech
	-- admins through the csv import (inferred); the assistant paragraph grants
	-- no directory change.
	('tri_role', 'user.invite', '{hr_admin}', NULL, false, 'HR admins invite users'),
	-- "√ (csv import)": tech admins invite users through the import (inferred)
	('tri_role', 'user.invite', '{tech_admin}', NULL, false, 'tech admins invite users (csv import)'),
	-- "The Tech Admin role is used to ... use the user import tool"; cheat
	-- sheet "Import users", "SFTP setup"
	('tri_role', 'admin.user_import', '{tech_admin}', NULL, false, 'the user import tool and SFTP setup'),
	-- "HR Admins can ... change the reporting structure"; the tech admin
	-- "cannot perform certain actions like setting passwords or changing the
	-- reporting structure"; the assistant role "does not initially give
	-- permission to change the reporting structure"
	('tri_role', 'user.change_reporting', '{hr_admin}', NULL, false, 'HR admins change reporting lines'),
	-- "Allow HR Assistant to pick a person's manager" (cheat sheet "(√)" in the
	-- assistant's column of "Change reporting structure")
	('tri_role', 'user.change_reporting', '{hr_assistant}', 'hr_assistant_can_set_manager', false,
	 'HR assistants too, while the option is on'),
	-- SPEC 6a Rule: user.deactivate is hr_admin's ("Deactivate/reactivate users")
	('tri_role', 'user.deactivate', '{hr_admin}', NULL, false, 'HR admins deactivate and reactivate users'),
	-- cheat sheet "Delete users" (HR admin, inferred)
	('tri_role', 'user.delete', '{hr_admin}', NULL, false, 'HR admins delete users'),
	-- neither the tech admin nor the assistant may set passwords, reset them
	-- or change email addresses ("setting passwords", "to change email
	-- addresses, or to reset user's passwords"): HR admin's
	('tri_role', 'user.reset_password', '{hr_admin}', NULL, false, 'HR admins send password resets'),
	-- "setting passwords" is refused to the tech admin and the assistant: HR admins
	('tri_role', 'user.change_password', '{hr_admin}', NULL, false, 'HR admins set passwords'),
	-- "to change email addresses" is refused to the assistant: HR admins
	('tri_role', 'user.change_email', '{hr_admin}', NULL, false, 'HR admins change email addresses'),
	-- groups: "managing people" (HR admin) and "help with many tasks in user
	-- management" (tech admin); in this model groups give no access
	('tri_role', 'group.manage', '{hr_admin}', NULL, false, 'HR admins manage groups'),
	-- "help with many tasks in user management" (tech admin): groups as well
	('tri_role', 'group.manage', '{tech_admin}', NULL, false, 'tech admins manage groups'),

	-- Performance reviews.
	-- "HR Admins can set up and manage review processes"; "HR Assistants can
	-- create and edit review and 360 cycles, add reviewees to them"
	('tri_role', 'review.create_cycle', '{hr_admin}', NULL, false, 'HR admins create review cycles'),
	-- "HR Assistants can create and edit review and 360 cycles"
	('tri_role', 'review.create_cycle', '{hr_assistant}', NULL, false, 'HR assistants create review cycles'),
	-- "HR Admins can set up and manage review processes": edit review cycles
	('tri_role', 'review.edit_cycle', '{hr_admin}', NULL, false, 'HR admins edit review cycles'),
	-- "HR Assistants can create and edit review and 360 cycles"
	('tri_role', 'review.edit_cycle', '{hr_assistant}', NULL, false, 'HR assistants edit review cycles'),
	-- "The HR Assistant cannot delete cycles, even if they created them ...
	-- only HR Admins can undertake this action"
	('tri_role', 'review.delete_cycle', '{hr_admin}', NULL, false, 'only HR admins delete review cycles'),
	-- "access confidential data, such as performance review content" (HR
	-- admin); assistants are "not able to access any confidential data"
	('tri_role', 'review.view', '{hr_admin}', NULL, false, 'HR admins read review content'),
	-- "see the status of reviews" (assistant) and "Export review statistics"
	('tri_role', 'review.aggregate', '{hr_admin}', NULL, false, 'HR admins see progress and statistics'),
	-- "see the status of reviews" (assistant), without the content
	('tri_role', 'review.aggregate', '{hr_assistant}', NULL, false, 'HR assistants see progress and statistics'),
	-- "send reminders to those who are running late"
	('tri_role', 'review.send_reminders', '{hr_admin}', NULL, false, 'HR admins send reminders'),
	-- "send reminders to those who are running late" (assistant)
	('tri_role', 'review.send_reminders', '{hr_assistant}', NULL, false, 'HR assistants send reminders'),
	-- cheat sheet "Create reviews", "Delete reviews" (HR admin, inferred);
	-- editing follows creating
	('tri_role', 'review.create', '{hr_admin}', NULL, false, 'HR admins create reviews'),
	-- an HR admin edits review content (SPEC 6a edit {author,hr})
	('tri_role', 'review.edit', '{hr_admin}', NULL, false, 'HR admins edit reviews'),
	-- cheat sheet "Delete reviews" (SPEC 6a delete {hr})
	('tri_role', 'review.delete', '{hr_admin}', NULL, false, 'HR admins delete reviews'),

	-- 360 feedback: the same split as reviews.  "editing 360 cycles includes
	-- the ability to change visibility of feedback in that cycle" (edit_cycle
	-- is set_cycle_audience).
	('tri_role', 'feedback_360.create_cycle', '{hr_admin}', NULL, false, 'HR admins create 360 cycles'),
	-- "HR Assistants can create and edit review and 360 cycles"
	('tri_role', 'feedback_360.create_cycle', '{hr_assistant}', NULL, false, 'HR assistants create 360 cycles'),
	-- HR admins edit 360 cycles, visibility included
	('tri_role', 'feedback_360.edit_cycle', '{hr_admin}', NULL, false, 'HR admins edit 360 cycles and their visibility'),
	-- "editing 360 cycles includes the ability to change visibility of feedback in that cycle"
	('tri_role', 'feedback_360.edit_cycle', '{hr_assistant}', NULL, false, 'HR assistants edit 360 cycles and their visibility'),
	-- "The HR Assistant cannot delete cycles ... only HR Admins can undertake this action"
	('tri_role', 'feedback_360.delete_cycle', '{hr_admin}', NULL, false, 'only HR admins delete 360 cycles'),
	-- "Access feedback content", "Export feedback to PDF" (HR admin)
	('tri_role', 'feedback_360.view', '{hr_admin}', NULL, false, 'HR admins read 360 content'),
	-- cheat sheet "Track progress" / "Export feedback statistics to Excel" (HR admin)
	('tri_role', 'feedback_360.aggregate', '{hr_admin}', NULL, false, 'HR admins see 360 progress and statistics'),
	-- "see the status of reviews" applies to 360 cycles the assistant runs
	('tri_role', 'feedback_360.aggregate', '{hr_assistant}', NULL, false, 'HR assistants see 360 progress and statistics'),
	-- cheat sheet "Track progress, send reminders" (HR admin)
	('tri_role', 'feedback_360.send_reminders', '{hr_admin}', NULL, false, 'HR admins send reminders'),
	-- "send reminders to those who are running late" (assistant)
	('tri_role', 'feedback_360.send_reminders', '{hr_assistant}', NULL, false, 'HR assistants send reminders'),
	-- "Create feedback", "Delete feedback" (HR admin, inferred)
	('tri_role', 'feedback_360.create', '{hr_admin}', NULL, false, 'HR admins create feedback'),
	-- cheat sheet "Delete feedback" (HR admin, inferred)
	('tri_role', 'feedback_360.delete', '{hr_admin}', NULL, false, 'HR admins delete feedback'),

	-- Objectives.  Cheat sheet "Create and edit objective cycles" (HR admin,
	-- inferred: the assistant paragraph names only review and 360 cycles and
	-- surveys); SPEC 6a lists no objective cycle capability, this adds it.
	('tri_role', 'objective.create_cycle', '{hr_admin}', NULL, false, 'HR admins create objective cycles'),
	-- cheat sheet "Create and edit objective cycles" (HR admin, inferred)
	('tri_role', 'objective.edit_cycle', '{hr_admin}', NULL, false, 'HR admins edit objective cycles'),
	-- only HR admins delete cycles ("only HR Admins can undertake this action")
	('tri_role', 'objective.delete_cycle', '{hr_admin}', NULL, false, 'HR admins delete objective cycles'),
	-- "View objectives only shared with the manager" (HR admin); "even if HR
	-- creates the objective on their behalf"
	('tri_role', 'objective.view', '{hr_admin}', NULL, false, 'HR admins read manager-shared objectives'),
	-- "even if HR creates the objective on their behalf": HR admins create objectives
	('tri_role', 'objective.create', '{hr_admin}', NULL, false, 'HR admins create objectives on someone''s behalf'),
	-- HR admins edit objectives they may read
	('tri_role', 'objective.edit', '{hr_admin}', NULL, false, 'HR admins edit objectives'),
	-- HR admins delete objectives they may read
	('tri_role', 'objective.delete', '{hr_admin}', NULL, false, 'HR admins delete objectives'),
	-- "Nudge objective owners and managers into action" (inferred: HR admin and
	-- HR assistant, like the assistant's reminders)
	('tri_role', 'objective.nudge', '{hr_admin}', NULL, false, 'HR admins nudge'),
	-- "Nudge objective owners and managers into action" (assistant, inferred from their reminders)
	('tri_role', 'objective.nudge', '{hr_assistant}', NULL, false, 'HR assistants nudge'),

	-- Pulse surveys.  "HR Assistants can create Pulse Surveys"; they see the
	-- data of their own surveys through the owner relation only.
	('tri_role', 'survey_response.create_cycle', '{hr_admin}', NULL, false, 'HR admins create surveys'),
	-- "HR Assistants can create Pulse Surveys"
	('tri_role', 'survey_response.create_cycle', '{hr_assistant}', NULL, false, 'HR assistants create surveys'),
	-- "They do not have these permissions for other cycles": editing a survey
	-- cycle would reach every survey (owning gives no capability, SPEC 6a),
	-- so edit_cycle stays HR admin's; assistants cannot delete cycles.
	('tri_role', 'survey_response.edit_cycle', '{hr_admin}', NULL, false, 'HR admins edit surveys'),
	-- "The HR Assistant cannot delete cycles": survey cycles are HR admins to delete
	('tri_role', 'survey_response.delete_cycle', '{hr_admin}', NULL, false, 'HR admins delete surveys'),
	-- HR admins "access confidential data": survey responses included
	('tri_role', 'survey_response.view', '{hr_admin}', NULL, false, 'HR admins read survey responses'),
	-- HR admins export every surveys statistics
	('tri_role', 'survey_response.aggregate', '{hr_admin}', NULL, false, 'HR admins export survey statistics'),
	-- "only HR Admins" delete recorded data
	('tri_role', 'survey_response.delete', '{hr_admin}', NULL, false, 'HR admins delete survey responses'),

	-- Praise (cheat sheet "Praise & Private Notes", HR admin inferred).
	('tri_role', 'praise.configure', '{hr_admin}', NULL, false,
	 'platforms, message defaults, badges and the praise wall'),
	-- cheat sheet "Edit and delete messages" (HR admin)
	('tri_role', 'praise.edit', '{hr_admin}', NULL, false, 'HR admins edit messages'),
	-- cheat sheet "Edit and delete messages" (HR admin)
	('tri_role', 'praise.delete', '{hr_admin}', NULL, false, 'HR admins delete messages'),
	-- SPEC 6a Rule: praise.unveil_anonymous is hr_admin's, with the same
	-- holders as praise.unveil_author
	('tri_role', 'praise.unveil_author', '{hr_admin}', NULL, false, 'HR admins unveil anonymous writers'),
	-- SPEC 6a Rule: praise.unveil_anonymous, same holders as praise.unveil_author
	('tri_role', 'praise.unveil_anonymous', '{hr_admin}', NULL, false, 'HR admins unveil anonymous writers'),

	-- Automations (cheat sheet, HR admin inferred: automations drive review
	-- processes, which HR admins "set up and manage").
	('tri_role', 'admin.automations', '{hr_admin}', NULL, false, 'HR admins manage automations'),

	-- General administration.
	-- "This person is comfortable setting up integrations with other products
	-- or editing the company settings" (tech admin)
	('tri_role', 'admin.integrations', '{tech_admin}', NULL, false, 'tech admins set up integrations'),
	-- "configure the SI integrations, security settings" (tech admin)
	('tri_role', 'admin.security', '{tech_admin}', NULL, false,
	 'tech admins edit security settings ("incorrect IP range restrictions")'),
	-- "editing the company settings" (tech admin): feature selection, license, design, email templates
	('tri_role', 'admin.settings', '{tech_admin}', NULL, false, 'tech admins edit company settings'),
	-- "Audit log access" (inferred: both administrator roles; "it is easier to
	-- identify who made major changes")
	('tri_role', 'audit.read', '{hr_admin}', NULL, false, 'HR admins read the audit log'),
	-- "Audit log access" (inferred): tech admins too
	('tri_role', 'audit.read', '{tech_admin}', NULL, false, 'tech admins read the audit log'),
	-- "Create and download XML export (only if also Tech Admin)"
	('tri_role', 'admin.xml_export', '{hr_admin,tech_admin}', NULL, false,
	 'HR admins who are also tech admins'),
	-- SPEC 6a Rule: "User impersonation (only if also Tech Admin)" likewise
	('tri_role', 'admin.impersonate', '{hr_admin,tech_admin}', NULL, false,
	 'HR admins who are also tech admins'),
	-- SPEC 6a Rule: set_option needs hr_admin ("you can select the 'Allow HR
	-- Assistant to pick a person's manager' option" in the user settings)
	('tri_role', 'admin.options', '{hr_admin}', NULL, false, 'HR admins switch the model''s options');

---------------------------------------------------------------------------
-- who may grant and revoke which role
---------------------------------------------------------------------------

INSERT INTO orgacl.model_grant_rule (model, granter, grantable, note) VALUES
	-- "HR Admins can appoint other HR Admins and they can appoint HR
	-- Assistants" (SPEC 6a Rule; the article's earlier "To grant HR Admin
	-- permissions, you'll first need HR and Tech Admin permissions" is read as
	-- describing the evaluator's first grant, which the next row covers)
	('tri_role', '{hr_admin}', '{hr_admin,hr_assistant}',
	 'HR admins appoint and revoke HR admins and HR assistants'),
	-- "Tech Admins can only be appointed by users who are both HR Admin and
	-- Tech Admin already. Someone with both ... can assign any role to anyone."
	('tri_role', '{hr_admin,tech_admin}', '{hr_admin,hr_assistant,tech_admin}',
	 'the Super User grants and revokes any role');
	-- (no row for tech_admin or hr_assistant alone: they grant nothing)
-- presets/app_suite.sql: TINYpulse app suite (../shared/seeds/001_36c70a99b5dc1644.txt)
--
-- The article describes one product made of four apps, each with its own
-- permission levels: Engage (Super Admin, Admin, Group Admin, Group Viewer,
-- Employee), Coach (Admin, Manager, Employee), Onboard (Admin, Manager,
-- Employee) and Retention (Admin, No access).  Managers and employees are not
-- roles here: they follow from the reporting lines (direct_manager,
-- managers, subject).  Each app's admins grant only that app's levels.
--
-- Kinds (SPEC 6a): survey_response = Engage results (responses,
-- suggestions, cheers; edit = interacting with them: comments, notes, tags,
-- wins, shareback reports); onboard_response = Onboard pulse responses;
-- exit_data = Retention; one_on_one and objective = Coach 1-on-1s and goals;
-- feedback_360 = Coach 360 feedback requests.  Kinds this article never
-- mentions (review, praise, private_note, idp, ninebox) have no default row:
-- nobody may do anything with them under this model.  private_feedback keeps
-- the engine's cap {subject,author} and likewise has no default row.
--
-- Every role except the two Engage group roles may also be granted scoped
-- to a group (SPEC 6a "Scopes": any role not marked scoped may be granted
-- globally or scoped; the super set counts only when held globally), so
-- they are 'either' with no restriction on the group kind.

INSERT INTO orgacl.model (name, article, super_roles, own_roles, grant_covers_holdings,
	self_join_teams, description)
VALUES (
	'app_suite', '001_36c70a99b5dc1644.txt',
	-- "Super Admin ... also grants full access to your TINYpulse account"
	-- (SPEC 6a: super set {engage_super_admin})
	'{engage_super_admin}',
	-- the article never forbids changing one's own permission levels
	-- (SPEC 6a: own roles may change)
	true, false, false,
	'TINYpulse suite: per-app admin levels for Engage, Coach, Onboard and Retention; managers follow from reporting lines');

---------------------------------------------------------------------------
-- roles
---------------------------------------------------------------------------

INSERT INTO orgacl.model_role (model, name, bit, scope, scope_kinds, description) VALUES
	-- "Super Admin: a unique permission that also grants full access to your
	-- TINYpulse account ... All Admin and Receiver permissions"
	('app_suite', 'engage_super_admin', 0, 'either', NULL,
		'Engage Super Admin: billing, API keys, organisation settings and all Engage Admin rights'),
	-- "Admin: view and interact with all Engage results, manage surveys,
	-- add users and grant Engage permissions, manage Saved Groups"
	('app_suite', 'engage_admin', 1, 'either', NULL,
		'Engage Admin: all Engage results, surveys, users, saved groups'),
	-- "Group Admins are assigned to one or many specific Groups ... access
	-- only to those particular Saved Groups" (SPEC 6a: scoped, saved_group)
	('app_suite', 'engage_group_admin', 2, 'scoped', '{saved_group}',
		'Engage Group Admin: view and interact with Engage results of the saved group it is scoped to'),
	-- "Admins can be assigned to a specific Saved Group to view results or
	-- leave the option blank to give access to view all Engage survey
	-- feedback" (SPEC 6a: scoped to a saved_group, or global)
	('app_suite', 'engage_group_viewer', 3, 'either', '{saved_group}',
		'Engage Group Viewer: view-only access to Engage results of a saved group, or of everyone when global'),
	-- "Coach Admin: add users, grant Coach access, set up 1-on-1s and
	-- assign managers, view the Admin-only reports"
	('app_suite', 'coach_admin', 4, 'either', NULL,
		'Coach Admin: Coach access, 1-on-1 set-up, manager assignment, admin-only reports'),
	-- "Onboard Admin: full access to grant permissions to Onboard ... view
	-- all Onboard survey responses"
	('app_suite', 'onboard_admin', 5, 'either', NULL,
		'Onboard Admin: all Onboard responses and Onboard permissions'),
	-- "Retention Admin: full access to view insights on the Retention
	-- dashboard"
	('app_suite', 'retention_admin', 6, 'either', NULL,
		'Retention Admin: the Retention (exit data) dashboard');

---------------------------------------------------------------------------
-- options: none (SPEC 6a)
---------------------------------------------------------------------------

---------------------------------------------------------------------------
-- named capabilities
---------------------------------------------------------------------------

INSERT INTO orgacl.model_capability (model, name, description) VALUES
	-- "Create and manage API keys" (Super Admin only; SPEC 6a)
	('app_suite', 'engage.api_keys', 'create and manage API keys'),
	-- "Full access to TINYpulse account (billing, invoices, TINYpulse gift
	-- card transactions, etc.)"
	('app_suite', 'admin.billing', 'billing, invoices and gift card transactions of the account'),
	-- "Adjust organization-wide Engage settings like the Employee Portal,
	-- survey cadence, etc."
	('app_suite', 'engage.settings', 'organisation-wide Engage settings (Employee Portal, survey cadence)'),
	-- "View the full Organization Hierarchy"
	('app_suite', 'engage.org_hierarchy', 'view the full organisation hierarchy'),
	-- "Create saved custom questions and templates in 360"
	('app_suite', 'coach.templates', 'create saved custom questions and templates for 360 feedback');

---------------------------------------------------------------------------
-- default audiences
---------------------------------------------------------------------------

INSERT INTO orgacl.model_default (model, kind, action, audience, note) VALUES
	-- Engage results.  SPEC 6a: view {subject,hr}.  "Employee: ... view
	-- past Responses" (subject); Admins, Group Admins and Group Viewers
	-- "view ... Engage results" (hr); managers are not listed.
	('app_suite', 'survey_response', 'view', '{subject,hr}',
		'Engage results: the respondent and the Engage admin levels'),
	-- SPEC 6a: edit {hr}.  "View and interact with ... Engage results
	-- (leaving Comments/Notes, create Shareback Reports, ...)": interacting
	-- is an admin-level right, and Group Viewers have "no access to
	-- interact with feedback".
	('app_suite', 'survey_response', 'edit', '{hr}',
		'interacting (comments, notes, tags, wins, shareback reports): Engage admins and group admins'),
	-- "Employee: Respond to the Engage survey, send Cheers, and give
	-- suggestions": everyone writes their own response (preset's choice).
	('app_suite', 'survey_response', 'create', '{subject}',
		'each person responds to the Engage survey for themselves'),
	-- "View Engage and Cheers data for the entire organization on the
	-- Organization Health report": aggregate figures for the admin levels
	-- (preset's choice: the levels that may view results may aggregate them).
	('app_suite', 'survey_response', 'aggregate', '{hr}',
		'Organization Health report and result dashboards: Engage admin levels'),
	-- Onboard.  SPEC 6a: view {subject,direct_manager,hr}.  "Manager:
	-- access to view responses in the Onboard Responses module for their
	-- direct reports only"; "Employee: ... view their past responses";
	-- "Onboard Admin: View all Onboard survey responses".
	('app_suite', 'onboard_response', 'view', '{subject,direct_manager,hr}',
		'Onboard responses: the respondent, their direct managers, Onboard admins'),
	-- "Receive and respond to Onboard pulse surveys" (preset's choice:
	-- the respondent writes their own response).
	('app_suite', 'onboard_response', 'create', '{subject}',
		'each person responds to their own Onboard pulses'),
	-- "Manager: Onboard menu item appears ... for dashboard access" (of
	-- their direct reports); "Onboard Admin: ... full access to the
	-- Dashboard"; "View Onboard data for the entire organization on the
	-- Organization Health report".
	('app_suite', 'onboard_response', 'aggregate', '{direct_manager,hr}',
		'Onboard dashboard: direct managers for their reports, Onboard admins for everyone'),
	-- Retention.  SPEC 6a: view {hr}.  "No Access: no access to view the
	-- Retention dashboard"; "Retention Admin: grants full access to view
	-- insights on the TINYpulse Retention dashboard".
	('app_suite', 'exit_data', 'view', '{hr}',
		'exit data: Retention admins only'),
	-- SPEC 6a: create {direct_manager,managers,hr}.  "Admins and Managers
	-- of other apps can enter exit data for employees who have left the
	-- company."
	('app_suite', 'exit_data', 'create', '{direct_manager,managers,hr}',
		'exit data is entered by the leaver''s managers and by the admins of any app'),
	-- "View Retention data for the entire organization on the Organization
	-- Health report".
	('app_suite', 'exit_data', 'aggregate', '{hr}',
		'Retention figures on the Organization Health report: Retention admins'),
	-- Coach 1-on-1s.  SPEC 6a: view {subject,direct_manager}.  "Manager:
	-- Create and view 1-on-1s for their direct reports"; the employee
	-- "Respond[s] to 1-on-1 surveys".
	('app_suite', 'one_on_one', 'view', '{subject,direct_manager}',
		'1-on-1s: the employee and their direct manager'),
	-- SPEC 6a: create {direct_manager,hr}.  "Manager: Create ... 1-on-1s for
	-- their direct reports"; "Coach Admin: Set up 1-on-1s ... for their
	-- users".
	('app_suite', 'one_on_one', 'create', '{direct_manager,hr}',
		'1-on-1s are created by the direct manager or set up by Coach admins'),
	-- "Employee: Respond to 1-on-1 surveys" and the manager who runs it
	-- (preset's choice: edit = filling in the 1-on-1).
	('app_suite', 'one_on_one', 'edit', '{subject,direct_manager}',
		'the employee responds to the 1-on-1, the direct manager fills in their part'),
	-- "Coach Admin: View the Admin-only reports" (preset's choice: the
	-- reports aggregate 1-on-1s and goals).
	('app_suite', 'one_on_one', 'aggregate', '{hr}',
		'Coach admin-only reports'),
	-- Coach goals.  SPEC 6a: view and create {subject,direct_manager}.
	-- "Employee: Set personal Goals"; "Manager: Set Goals for their direct
	-- reports".
	('app_suite', 'objective', 'view', '{subject,direct_manager}',
		'goals: the employee and their direct manager'),
	('app_suite', 'objective', 'create', '{subject,direct_manager}',
		'goals are set by the employee or by their direct manager'),
	-- Setting a goal includes updating it (preset's choice: same audience).
	('app_suite', 'objective', 'edit', '{subject,direct_manager}',
		'goals are updated by the employee or by their direct manager'),
	-- "Coach Admin: View the Admin-only reports" (goals part).
	('app_suite', 'objective', 'aggregate', '{hr}',
		'Coach admin-only reports'),
	-- Coach 360.  "Employee: Request 360 feedback for themselves";
	-- "Manager: Request ... 360 feedback for direct reports".  A request is
	-- the creation of the subject's 360 feedback.
	('app_suite', 'feedback_360', 'create', '{subject,direct_manager}',
		'360 feedback is requested by the employee or by their direct manager'),
	-- The article does not say who reads 360 answers (preset's choice: the
	-- requester side, subject and direct manager, and each answer's author).
	('app_suite', 'feedback_360', 'view', '{subject,author,direct_manager}',
		'360 answers: the subject, the direct manager who requested them, their author');

---------------------------------------------------------------------------
-- capabilities: who holds what
---------------------------------------------------------------------------

INSERT INTO orgacl.model_cap_rule (model, capability, roles, note) VALUES
	-- Engage Super Admin: "All Admin and Receiver permissions", so every
	-- Engage Admin right below is repeated for it.
	-- "View and interact with all TINYpulse Engage results (Responses,
	-- Suggestions, Cheers, ...)"
	('app_suite', 'survey_response.view', '{engage_super_admin}', 'Super Admin: all Admin permissions'),
	('app_suite', 'survey_response.view', '{engage_admin}', 'Admin: view all Engage results'),
	('app_suite', 'survey_response.edit', '{engage_super_admin}', 'Super Admin: all Admin permissions'),
	('app_suite', 'survey_response.edit', '{engage_admin}', 'Admin: interact with all Engage results'),
	-- "View Engage and Cheers data for the entire organization on the
	-- Organization Health report" (Super Admin); "View Cheers data for the
	-- entire organization on the Organization Health report" (Admin)
	('app_suite', 'survey_response.aggregate', '{engage_super_admin}', 'Organization Health report'),
	('app_suite', 'survey_response.aggregate', '{engage_admin}', 'Organization Health report'),
	-- Group Admin: "View and interact with TINYpulse Engage results only for
	-- the Saved Group(s) they have been assigned to" (scoped: the engine
	-- counts the grant only for subjects in that saved group)
	('app_suite', 'survey_response.view', '{engage_group_admin}', 'Group Admin: its saved groups'),
	('app_suite', 'survey_response.edit', '{engage_group_admin}', 'Group Admin: interact within its saved groups'),
	('app_suite', 'survey_response.aggregate', '{engage_group_admin}', 'Group Admin: its saved groups'),
	-- Group Viewer: "View feedback for specific Saved Group or the entire
	-- organization depending on set restrictions"; "Access is view-only",
	-- so no survey_response.edit row.
	('app_suite', 'survey_response.view', '{engage_group_viewer}', 'Group Viewer: view only'),
	('app_suite', 'survey_response.aggregate', '{engage_group_viewer}', 'Group Viewer: view only'),
	-- "Manage TINYpulse surveys" (Admin, hence Super Admin); Group Admins
	-- and Group Viewers have "No access to ... manage ... surveys".
	('app_suite', 'survey_response.create_cycle', '{engage_super_admin}', 'manage surveys'),
	('app_suite', 'survey_response.create_cycle', '{engage_admin}', 'manage surveys'),
	('app_suite', 'survey_response.edit_cycle', '{engage_super_admin}', 'manage surveys'),
	('app_suite', 'survey_response.edit_cycle', '{engage_admin}', 'manage surveys'),
	('app_suite', 'survey_response.delete_cycle', '{engage_super_admin}', 'manage surveys'),
	('app_suite', 'survey_response.delete_cycle', '{engage_admin}', 'manage surveys'),
	-- "Create and manage API keys" (Super Admin only; SPEC 6a)
	('app_suite', 'engage.api_keys', '{engage_super_admin}', 'API keys: Super Admin only'),
	-- "Full access to TINYpulse account (billing, invoices, ...)"
	('app_suite', 'admin.billing', '{engage_super_admin}', 'billing: Super Admin only'),
	-- "overall app permissions like your system timezone": model options
	-- (this model has none) are account-wide settings.
	('app_suite', 'admin.options', '{engage_super_admin}', 'account-wide settings: Super Admin'),
	-- "Adjust organization-wide Engage settings like the Employee Portal,
	-- survey cadence, etc." (Super Admin and Admin)
	('app_suite', 'engage.settings', '{engage_super_admin}', 'organisation-wide Engage settings'),
	('app_suite', 'engage.settings', '{engage_admin}', 'organisation-wide Engage settings'),
	-- "View the full Organization Hierarchy" (Super Admin and Admin)
	('app_suite', 'engage.org_hierarchy', '{engage_super_admin}', 'full organisation hierarchy'),
	('app_suite', 'engage.org_hierarchy', '{engage_admin}', 'full organisation hierarchy'),
	-- "Add new users to TINYpulse, modify user accounts" (Super Admin,
	-- Admin, Coach Admin); "Ability to add new users to TINYpulse" (Onboard
	-- Admin).  Group Admin and Group Viewer: "No access to add users".
	('app_suite', 'user.invite', '{engage_super_admin}', 'add new users'),
	('app_suite', 'user.invite', '{engage_admin}', 'add new users'),
	('app_suite', 'user.invite', '{coach_admin}', 'add new users'),
	('app_suite', 'user.invite', '{onboard_admin}', 'add new users'),
	-- "only users with Admin or Super Admin permissions can perform this
	-- action" (associate employees with managers); "Coach Admin: ... assign
	-- managers for their users".  Group Admins and Group Viewers "cannot
	-- make any changes to their direct reports' profiles"; the Onboard
	-- Admin may only add users, so it names no manager.
	('app_suite', 'user.change_reporting', '{engage_super_admin}', 'manage direct reports'),
	('app_suite', 'user.change_reporting', '{engage_admin}', 'manage direct reports'),
	('app_suite', 'user.change_reporting', '{coach_admin}', 'assign managers for their users'),
	-- "modify user accounts" (Super Admin, Admin, Coach Admin) includes
	-- deactivating and reactivating them.
	('app_suite', 'user.deactivate', '{engage_super_admin}', 'modify user accounts'),
	('app_suite', 'user.deactivate', '{engage_admin}', 'modify user accounts'),
	('app_suite', 'user.deactivate', '{coach_admin}', 'modify user accounts'),
	-- "Manage Saved Groups and Attributes" (Admin, hence Super Admin); the
	-- group levels have "No access to ... manage Saved Groups".
	('app_suite', 'group.manage', '{engage_super_admin}', 'manage saved groups and attributes'),
	('app_suite', 'group.manage', '{engage_admin}', 'manage saved groups and attributes'),
	-- "Admins and Managers of other apps can enter exit data for employees
	-- who have left the company": every admin level of every app (a Group
	-- Admin is one of Engage's admins, within its saved groups; a Group
	-- Viewer's "access is view-only"), and the Retention Admin itself.
	-- Managers enter it through the create default's manager relations.
	('app_suite', 'exit_data.create', '{engage_super_admin}', 'admins of other apps enter exit data'),
	('app_suite', 'exit_data.create', '{engage_admin}', 'admins of other apps enter exit data'),
	('app_suite', 'exit_data.create', '{engage_group_admin}', 'admins of other apps enter exit data (own saved groups)'),
	('app_suite', 'exit_data.create', '{coach_admin}', 'admins of other apps enter exit data'),
	('app_suite', 'exit_data.create', '{onboard_admin}', 'admins of other apps enter exit data'),
	('app_suite', 'exit_data.create', '{retention_admin}', 'the Retention admin enters exit data too'),
	-- "Retention Admin: Grants full access to view insights on the TINYpulse
	-- Retention dashboard"
	('app_suite', 'exit_data.view', '{retention_admin}', 'Retention dashboard'),
	-- "View Retention data for the entire organization on the Organization
	-- Health report"
	('app_suite', 'exit_data.aggregate', '{retention_admin}', 'Organization Health report'),
	-- "Onboard Admin: View all Onboard survey responses with full access to
	-- the Dashboard, Responses, and People modules"
	('app_suite', 'onboard_response.view', '{onboard_admin}', 'all Onboard responses'),
	-- "View Onboard data for the entire organization on the Organization
	-- Health report"
	('app_suite', 'onboard_response.aggregate', '{onboard_admin}', 'Onboard dashboard and Organization Health report'),
	-- "Coach Admin: Set up 1-on-1s ... for their users"
	('app_suite', 'one_on_one.create', '{coach_admin}', 'set up 1-on-1s'),
	('app_suite', 'one_on_one.create_cycle', '{coach_admin}', 'set up 1-on-1 series'),
	('app_suite', 'one_on_one.edit_cycle', '{coach_admin}', 'set up 1-on-1 series'),
	-- "Coach Admin: View the Admin-only reports"
	('app_suite', 'one_on_one.aggregate', '{coach_admin}', 'Coach admin-only reports'),
	('app_suite', 'objective.aggregate', '{coach_admin}', 'Coach admin-only reports'),
	-- "Create saved custom questions and templates in 360 for all Coach
	-- Admins and Managers"
	('app_suite', 'coach.templates', '{coach_admin}', '360 templates: Coach admins');

-- "Coach Manager: Create saved custom questions and templates in 360
-- feedback": a manager is anyone with a direct report (no role needed).
INSERT INTO orgacl.model_cap_rule (model, capability, roles, needs_report, note) VALUES
	('app_suite', 'coach.templates', '{}', true, '360 templates: Coach managers (anyone with a direct report)');

---------------------------------------------------------------------------
-- grant rules (SPEC 6a Rule: an app's roles are granted by that app's
-- admins only; only engage_super_admin grants engage_super_admin; the
-- Engage group levels grant nothing)
---------------------------------------------------------------------------

INSERT INTO orgacl.model_grant_rule (model, granter, grantable, note) VALUES
	-- "You must have Super Admin or Admin permissions in the TINYpulse
	-- module in which you want to grant permissions"; Super Admin: "grant
	-- permissions to Engage", the only level that hands out Super Admin
	-- ("reserved for as few people as possible").
	('app_suite', '{engage_super_admin}',
		'{engage_super_admin,engage_admin,engage_group_admin,engage_group_viewer}',
		'Super Admin grants every Engage level'),
	-- Engage Admin: "Add users to TINYpulse and adjust permissions to
	-- Engage", but not the Super Admin level (SPEC 6a Rule).
	('app_suite', '{engage_admin}',
		'{engage_admin,engage_group_admin,engage_group_viewer}',
		'Engage Admin grants Engage levels below Super Admin'),
	-- Coach Admin: "grant Coach access to any user"
	('app_suite', '{coach_admin}', '{coach_admin}',
		'Coach Admin grants Coach admin'),
	-- Onboard Admin: "Full access to grant permissions to the Onboard
	-- application"
	('app_suite', '{onboard_admin}', '{onboard_admin}',
		'Onboard Admin grants Onboard admin'),
	-- Retention: the note above (admin of the module) applies; SPEC 6a
	-- Rule: retention_admin for retention_*.
	('app_suite', '{retention_admin}', '{retention_admin}',
		'Retention Admin grants Retention admin');
-- presets/module_admin.sql: Leapsome (../shared/seeds/002_a52262135aab34c9.txt)
--
-- The module_admin model: an account owner (super_admin) who configures who
-- may do what, platform admins (admin) who run the directory and the modules,
-- admins of a single module (review_admin, goal_admin, feedback_admin,
-- meeting_admin, survey_admin), and HR business partners (hrbp) whose rights
-- are scoped to a team or a location.  Managers and team leads are not roles:
-- a person with at least one direct report is a manager, a lead of a team
-- group is a team lead, and both follow from the directory.
--
-- Kinds as SPEC 6a maps them: review = 360 and performance assessments
-- (feedback_360 is given the same rules, since the article speaks of "360°
-- and performance assessments" as one thing), objective = goals,
-- private_feedback = private continuous / instant feedback, one_on_one =
-- meetings, survey_response = surveys.  Analytics = the aggregate action.
--
-- The article's optional permissions are the five options below, all off by
-- default; only a super admin may switch them (admin.options).  Article rules
-- the engine cannot express are listed at the end of
-- test/pgtap/preset_module_admin.sql.

INSERT INTO orgacl.model (name, article, super_roles, own_roles, grant_covers_holdings,
	self_join_teams, description)
VALUES (
	'module_admin', '002_a52262135aab34c9.txt',
	-- "the super admin is typically the first user of an account: the
	-- account owner"; SPEC 6a: super set {super_admin}
	'{super_admin}',
	-- the article never forbids a super admin to change their own platform
	-- role; the last-super-holder rule keeps the account owned (SPEC 6a:
	-- own roles may change)
	true,
	-- a super admin may change anybody's roles, whatever they hold
	false,
	-- team memberships are assigned by admins ("assign direct reports and
	-- team memberships to all users"), not joined freely
	false,
	'Leapsome: super admins, admins, module admins, managers, team leads and HR business partners'
);

---------------------------------------------------------------------------
-- roles
---------------------------------------------------------------------------

-- SPEC 6a "Scopes": a role not marked scoped may be granted globally or
-- scoped to a group (then it counts only for subjects in that group), so
-- every role but hrbp is 'either'; the article itself has super admins
-- "grant ... admin access for different modules to individual users, teams,
-- or locations".  The super set counts only when held globally.
INSERT INTO orgacl.model_role (model, name, bit, scope, scope_kinds, description) VALUES
	-- "Super administrator ('super admins') - Account owners"
	('module_admin', 'super_admin', 0, 'either', NULL,
	 'account owner: every admin right, plus platform roles, optional permissions and team-specific access rights'),
	-- "Administrators ('Admins')": teams, users, assessments, goals,
	-- surveys, meetings and integrations of the whole platform
	('module_admin', 'admin', 1, 'either', NULL,
	 'platform admin: manages teams, users, cycles, surveys, meeting analytics and integrations'),
	-- "Users with admin rights to specific modules": one role per module,
	-- each with the admin rights of that module only
	('module_admin', 'review_admin', 2, 'either', NULL,
	 'admin of the reviews module (360 and performance assessments)'),
	('module_admin', 'goal_admin', 3, 'either', NULL,
	 'admin of the goals module'),
	('module_admin', 'feedback_admin', 4, 'either', NULL,
	 'admin of the instant feedback module (private feedback stays closed to it)'),
	('module_admin', 'meeting_admin', 5, 'either', NULL,
	 'admin of the meetings module: meeting analytics'),
	('module_admin', 'survey_admin', 6, 'either', NULL,
	 'admin of the surveys module: sets up surveys, sees survey analytics'),
	-- "HRBPs - HR business partners": rights "for other users or entire
	-- teams"; SPEC 6a: scoped to a team or a location
	('module_admin', 'hrbp', 7, 'scoped', '{team,location}',
	 'HR business partner: goal progress, meeting analytics and review results of one team or location');

---------------------------------------------------------------------------
-- options ("Enable optional permissions, such as ...": super admins only)
---------------------------------------------------------------------------

INSERT INTO orgacl.model_option (model, name, default_on, description) VALUES
	-- "cascading (indirect report) access to assessments and managed goals
	-- for managers"
	('module_admin', 'manager_cascade', false,
	 'managers above the direct one also see assessments, goals and meeting analytics of indirect reports'),
	-- "full access to all assessments for admins"
	('module_admin', 'admin_all_assessments', false,
	 'admins and super admins (and review module admins) see every 360 and performance assessment'),
	-- "full access to all managed goals for admins"
	('module_admin', 'admin_all_goals', false,
	 'admins and super admins (and goal module admins) see every goal'),
	-- "cycle setup rights for managers"
	('module_admin', 'manager_cycle_setup', false,
	 'anyone with a direct report may set up review and 360 cycles'),
	-- "survey setup rights for managers"
	('module_admin', 'manager_survey_setup', false,
	 'anyone with a direct report may set up surveys');

---------------------------------------------------------------------------
-- named capabilities (kind, cycle and directory capabilities are implicit)
---------------------------------------------------------------------------

INSERT INTO orgacl.model_capability (model, name, description) VALUES
	-- "Manage the platform setup: manage integrations (e.g., Slack,
	-- Personio, BambooHR, ...)"
	('module_admin', 'admin.integrations',
	 'platform setup: integrations such as Slack, Personio or BambooHR');

---------------------------------------------------------------------------
-- default audiences
---------------------------------------------------------------------------

INSERT INTO orgacl.model_default (model, kind, action, audience, option, note) VALUES
	-- private feedback: "admins cannot view private continuous feedback
	-- messages received by other users"; "managers cannot view private
	-- feedback messages received by their direct reports"; normal users
	-- "are the only ones that can see private feedback directed at them".
	-- SPEC 6a: {subject,author} for every action, the kind's cap.
	('module_admin', 'private_feedback', 'view', '{subject,author}', NULL,
	 'only the recipient and the author read private feedback'),
	('module_admin', 'private_feedback', 'create', '{subject,author}', NULL,
	 'SPEC 6a: the cap, for every action'),
	('module_admin', 'private_feedback', 'edit', '{subject,author}', NULL,
	 'SPEC 6a: the cap, for every action'),
	('module_admin', 'private_feedback', 'delete', '{subject,author}', NULL,
	 'SPEC 6a: the cap, for every action'),
	-- the article's "aggregated instant feedback analytics" for managers
	-- cannot pass the kind's cap: counts stay with recipient and author
	('module_admin', 'private_feedback', 'aggregate', '{subject,author}', NULL,
	 'SPEC 6a: the cap, for every action; managers'' instant feedback analytics are not expressible'),
	('module_admin', 'private_feedback', 'unveil_author', '{subject,author}', NULL,
	 'SPEC 6a: the cap, for every action'),

	-- "Managers ... View assessments of their direct reports"; the person
	-- assessed sees their own results; "Optionally access all assessments
	-- (even if they're not owning the cycle)" means the owner of a cycle
	-- reaches its assessments; hr = holders of review.view (HRBPs, and
	-- admins under admin_all_assessments).  SPEC 6a default.
	('module_admin', 'review', 'view', '{subject,direct_manager,owner,hr}', NULL,
	 'subject, direct (and additional) managers, the cycle owner, review.view holders'),
	-- "View assessments of their indirect reports (if enabled by
	-- super-admins)" (SPEC 6a: manager_cascade adds managers)
	('module_admin', 'review', 'view', '{managers}', 'manager_cascade',
	 'manager_cascade: every manager above in the primary line'),
	-- "Write assessments for their direct reports", and self-assessments by
	-- the person assessed (SPEC 6a default)
	('module_admin', 'review', 'create', '{subject,direct_manager}', NULL,
	 'self-assessment and the direct manager''s assessment'),
	-- the article is silent on editing: preset's choice, a written assessment
	-- is edited by whoever wrote it
	('module_admin', 'review', 'edit', '{author}', NULL,
	 'preset choice: the author edits an assessment'),
	-- review delete: no row.  The article lets nobody delete single
	-- assessments; admins remove whole cycles (review.delete_cycle).
	-- review analytics: the same readers minus the subject; admins reach
	-- them only with admin_all_assessments ("No visibility of review
	-- results for admins would also include super admins")
	('module_admin', 'review', 'aggregate', '{direct_manager,owner,hr}', NULL,
	 'preset choice: review analytics for direct managers, cycle owners and review.aggregate holders'),
	('module_admin', 'review', 'aggregate', '{managers}', 'manager_cascade',
	 'preset choice: manager_cascade extends review analytics like review content'),

	-- feedback_360: "360° and performance assessments" are one module in the
	-- article, so 360 assessments follow the review rules above
	('module_admin', 'feedback_360', 'view', '{subject,direct_manager,owner,hr}', NULL,
	 'as review: 360 assessments are assessments'),
	('module_admin', 'feedback_360', 'view', '{managers}', 'manager_cascade',
	 'as review: indirect reports'' assessments with manager_cascade'),
	('module_admin', 'feedback_360', 'create', '{subject,direct_manager}', NULL,
	 'as review'),
	('module_admin', 'feedback_360', 'edit', '{author}', NULL,
	 'as review'),
	('module_admin', 'feedback_360', 'aggregate', '{direct_manager,owner,hr}', NULL,
	 'as review'),
	('module_admin', 'feedback_360', 'aggregate', '{managers}', 'manager_cascade',
	 'as review'),

	-- goals: "Manage goals of their direct reports" (managers); team leads
	-- "Create and update goals for their own team"; HRBPs "view goal
	-- progress"; admins "optionally access all managed goals" (hr).
	-- SPEC 6a default.
	('module_admin', 'objective', 'view', '{subject,direct_manager,team_lead,hr}', NULL,
	 'owner of the goal, direct managers, team leads, objective.view holders'),
	-- "View goals of indirect reports (if the setting is enabled by
	-- super-admins)" (SPEC 6a: manager_cascade adds managers)
	('module_admin', 'objective', 'view', '{managers}', 'manager_cascade',
	 'manager_cascade: goals of indirect reports'),
	-- "Manage goals of their direct reports"; team leads "create and update
	-- goals for their own team" (SPEC 6a default)
	('module_admin', 'objective', 'create', '{subject,direct_manager,team_lead}', NULL,
	 'the person, direct managers and team leads set goals'),
	('module_admin', 'objective', 'edit', '{subject,direct_manager,team_lead}', NULL,
	 'the person, direct managers and team leads update goals'),
	-- preset's choice: "manage" goals includes removing them, for the same
	-- people who create them
	('module_admin', 'objective', 'delete', '{subject,direct_manager,team_lead}', NULL,
	 'preset choice: who creates a goal may delete it'),
	-- goal progress analytics: direct managers, team leads, HRBPs and admins
	-- ("View all team reports on the 'Analytics' tab")
	('module_admin', 'objective', 'aggregate', '{direct_manager,team_lead,hr}', NULL,
	 'preset choice: goal progress reports'),
	('module_admin', 'objective', 'aggregate', '{managers}', 'manager_cascade',
	 'preset choice: goal progress of indirect reports with manager_cascade'),

	-- meetings: a 1:1 is between a person and their manager (SPEC 6a view)
	('module_admin', 'one_on_one', 'view', '{subject,direct_manager}', NULL,
	 'the two people of the meeting'),
	-- preset's choice: either side of the meeting schedules and edits it
	('module_admin', 'one_on_one', 'create', '{subject,direct_manager}', NULL,
	 'preset choice: either side of the meeting'),
	('module_admin', 'one_on_one', 'edit', '{subject,direct_manager}', NULL,
	 'preset choice: either side of the meeting'),
	-- "View aggregated instant feedback & meeting analytics for their direct
	-- reports"; admins "Access meeting analytics"; HRBPs "meeting analytics"
	-- (SPEC 6a default)
	('module_admin', 'one_on_one', 'aggregate', '{direct_manager,hr}', NULL,
	 'meeting analytics: direct managers and one_on_one.aggregate holders'),
	-- "View instant feedback & meeting analytics for indirect reports (if
	-- enabled by super-admins)" (SPEC 6a: manager_cascade)
	('module_admin', 'one_on_one', 'aggregate', '{managers}', 'manager_cascade',
	 'manager_cascade: meeting analytics of indirect reports'),

	-- surveys: a response is its respondent's (SPEC 6a view)
	('module_admin', 'survey_response', 'view', '{subject}', NULL,
	 'only the respondent reads a survey response'),
	-- preset's choice: a person answers and corrects their own response
	('module_admin', 'survey_response', 'create', '{subject}', NULL,
	 'preset choice: the respondent answers'),
	('module_admin', 'survey_response', 'edit', '{subject}', NULL,
	 'preset choice: the respondent corrects their answer'),
	-- team leads "See the survey analytics for their team"; admins "View all
	-- team reports on the 'Analytics' tab" (SPEC 6a default)
	('module_admin', 'survey_response', 'aggregate', '{team_lead,hr}', NULL,
	 'survey analytics: team leads and survey_response.aggregate holders');

---------------------------------------------------------------------------
-- capabilities
---------------------------------------------------------------------------

INSERT INTO orgacl.model_cap_rule (model, capability, roles, option, needs_report, note) VALUES
	-- "Enable optional permissions" is a super admin's right; admins may not
	-- (SPEC 6a: set_option needs super_admin, not admin)
	('module_admin', 'admin.options', '{super_admin}', NULL, false,
	 'only super admins switch optional permissions'),

	-- "Manage integrations (e.g., Slack, Personio, BambooHR, ...)"
	('module_admin', 'admin.integrations', '{admin}', NULL, false, 'admins manage integrations'),
	-- "Super admins also have all the rights of admins"
	('module_admin', 'admin.integrations', '{super_admin}', NULL, false, 'super admins have every admin right'),

	-- "Invite new users and re-send invites"
	('module_admin', 'user.invite', '{admin}', NULL, false, 'admins invite users'),
	('module_admin', 'user.invite', '{super_admin}', NULL, false, 'super admins have every admin right'),
	-- "Assign direct reports and team memberships to all users"
	('module_admin', 'user.change_reporting', '{admin}', NULL, false, 'admins assign direct reports'),
	('module_admin', 'user.change_reporting', '{super_admin}', NULL, false, 'super admins have every admin right'),
	-- "Deactivate / delete existing users", "Reactivate users"
	('module_admin', 'user.deactivate', '{admin}', NULL, false, 'admins deactivate and reactivate users'),
	('module_admin', 'user.deactivate', '{super_admin}', NULL, false, 'super admins have every admin right'),
	-- "Manage teams: create new teams, designate team leads", and "assign
	-- ... team memberships to all users"
	('module_admin', 'group.manage', '{admin}', NULL, false, 'admins manage teams, members and leads'),
	('module_admin', 'group.manage', '{super_admin}', NULL, false, 'super admins have every admin right'),

	-- "Manage 360° and performance assessments: set up new cycles" (admins;
	-- super admins; the reviews module's admins).  Editing and removing a
	-- cycle is part of managing it.
	('module_admin', 'review.create_cycle', '{admin}', NULL, false, 'admins set up review cycles'),
	('module_admin', 'review.create_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'review.create_cycle', '{review_admin}', NULL, false, 'review module admins set up review cycles'),
	-- "Set up new cycles (if enabled by super-admins)" for managers: anyone
	-- with at least one direct report (SPEC 6a manager_cycle_setup)
	('module_admin', 'review.create_cycle', '{}', 'manager_cycle_setup', true,
	 'manager_cycle_setup: managers set up review cycles'),
	('module_admin', 'review.edit_cycle', '{admin}', NULL, false, 'admins manage review cycles'),
	('module_admin', 'review.edit_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'review.edit_cycle', '{review_admin}', NULL, false, 'review module admins manage review cycles'),
	('module_admin', 'review.delete_cycle', '{admin}', NULL, false, 'admins manage review cycles'),
	('module_admin', 'review.delete_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'review.delete_cycle', '{review_admin}', NULL, false, 'review module admins manage review cycles'),
	-- the same for 360 cycles ("360° and performance assessments")
	('module_admin', 'feedback_360.create_cycle', '{admin}', NULL, false, 'admins set up 360 cycles'),
	('module_admin', 'feedback_360.create_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'feedback_360.create_cycle', '{review_admin}', NULL, false, 'review module admins set up 360 cycles'),
	('module_admin', 'feedback_360.create_cycle', '{}', 'manager_cycle_setup', true,
	 'manager_cycle_setup: managers set up 360 cycles'),
	('module_admin', 'feedback_360.edit_cycle', '{admin}', NULL, false, 'admins manage 360 cycles'),
	('module_admin', 'feedback_360.edit_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'feedback_360.edit_cycle', '{review_admin}', NULL, false, 'review module admins manage 360 cycles'),
	('module_admin', 'feedback_360.delete_cycle', '{admin}', NULL, false, 'admins manage 360 cycles'),
	('module_admin', 'feedback_360.delete_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'feedback_360.delete_cycle', '{review_admin}', NULL, false, 'review module admins manage 360 cycles'),

	-- "Optionally access all assessments (even if they're not owning the
	-- cycle)", switched by "full access to all assessments for admins";
	-- "No visibility of review results for admins would also include super
	-- admins".  SPEC 6a Rule: while admin_all_assessments is off neither
	-- admin nor super_admin holds review.view.  We read a review module
	-- admin as an admin of that module, so the option covers them too.
	('module_admin', 'review.view', '{admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: admins read every assessment'),
	('module_admin', 'review.view', '{super_admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: so do super admins'),
	('module_admin', 'review.view', '{review_admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: so do review module admins'),
	('module_admin', 'feedback_360.view', '{admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: admins read every 360 assessment'),
	('module_admin', 'feedback_360.view', '{super_admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: so do super admins'),
	('module_admin', 'feedback_360.view', '{review_admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: so do review module admins'),
	-- review analytics are review results too: admins reach them under the
	-- same option only
	('module_admin', 'review.aggregate', '{admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: admins see review analytics'),
	('module_admin', 'review.aggregate', '{super_admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: so do super admins'),
	('module_admin', 'review.aggregate', '{review_admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: so do review module admins'),
	('module_admin', 'feedback_360.aggregate', '{admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: admins see 360 analytics'),
	('module_admin', 'feedback_360.aggregate', '{super_admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: so do super admins'),
	('module_admin', 'feedback_360.aggregate', '{review_admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: so do review module admins'),
	-- HRBPs get "review results" of the users or teams they are given
	-- (scoped: counts only for subjects in the HRBP's group)
	('module_admin', 'review.view', '{hrbp}', NULL, false, 'HRBPs read review results in their scope'),
	('module_admin', 'feedback_360.view', '{hrbp}', NULL, false, 'HRBPs read 360 results in their scope'),
	('module_admin', 'review.aggregate', '{hrbp}', NULL, false, 'HRBPs see review analytics in their scope'),
	('module_admin', 'feedback_360.aggregate', '{hrbp}', NULL, false, 'HRBPs see 360 analytics in their scope'),

	-- "Optionally access all managed goals (even if they're not managing the
	-- goal)", switched by "full access to all managed goals for admins"
	('module_admin', 'objective.view', '{admin}', 'admin_all_goals', false,
	 'admin_all_goals: admins read every goal'),
	('module_admin', 'objective.view', '{super_admin}', 'admin_all_goals', false,
	 'admin_all_goals: so do super admins'),
	('module_admin', 'objective.view', '{goal_admin}', 'admin_all_goals', false,
	 'admin_all_goals: so do goal module admins'),
	-- HRBPs: "individual rights to view goal progress"
	('module_admin', 'objective.view', '{hrbp}', NULL, false, 'HRBPs view goal progress in their scope'),
	-- goal reports on the Analytics tab: "View all team reports on the
	-- 'Analytics' tab" (admins, unconditionally: counts and progress, not
	-- the goals themselves), goal module admins, HRBPs in their scope
	('module_admin', 'objective.aggregate', '{admin}', NULL, false, 'admins see all team reports'),
	('module_admin', 'objective.aggregate', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'objective.aggregate', '{goal_admin}', NULL, false, 'goal module admins see goal reports'),
	('module_admin', 'objective.aggregate', '{hrbp}', NULL, false, 'HRBPs see goal progress in their scope'),
	-- "Manage goals" (admins, goal module admins): goal cycles
	('module_admin', 'objective.create_cycle', '{admin}', NULL, false, 'admins manage goals'),
	('module_admin', 'objective.create_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'objective.create_cycle', '{goal_admin}', NULL, false, 'goal module admins manage goals'),
	('module_admin', 'objective.edit_cycle', '{admin}', NULL, false, 'admins manage goals'),
	('module_admin', 'objective.edit_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'objective.edit_cycle', '{goal_admin}', NULL, false, 'goal module admins manage goals'),
	('module_admin', 'objective.delete_cycle', '{admin}', NULL, false, 'admins manage goals'),
	('module_admin', 'objective.delete_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'objective.delete_cycle', '{goal_admin}', NULL, false, 'goal module admins manage goals'),

	-- "Manage meetings: access meeting analytics" (admins, super admins,
	-- the meetings module's admins); HRBPs: "meeting analytics"
	('module_admin', 'one_on_one.aggregate', '{admin}', NULL, false, 'admins access meeting analytics'),
	('module_admin', 'one_on_one.aggregate', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'one_on_one.aggregate', '{meeting_admin}', NULL, false, 'meeting module admins access meeting analytics'),
	('module_admin', 'one_on_one.aggregate', '{hrbp}', NULL, false, 'HRBPs see meeting analytics in their scope'),

	-- "Manage surveys: set up surveys" (admins, super admins, the surveys
	-- module's admins)
	('module_admin', 'survey_response.create_cycle', '{admin}', NULL, false, 'admins set up surveys'),
	('module_admin', 'survey_response.create_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'survey_response.create_cycle', '{survey_admin}', NULL, false, 'survey module admins set up surveys'),
	-- "Create new surveys (if enabled by super-admins)" for managers (SPEC 6a
	-- manager_survey_setup)
	('module_admin', 'survey_response.create_cycle', '{}', 'manager_survey_setup', true,
	 'manager_survey_setup: managers set up surveys'),
	('module_admin', 'survey_response.edit_cycle', '{admin}', NULL, false, 'admins manage surveys'),
	('module_admin', 'survey_response.edit_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'survey_response.edit_cycle', '{survey_admin}', NULL, false, 'survey module admins manage surveys'),
	('module_admin', 'survey_response.delete_cycle', '{admin}', NULL, false, 'admins manage surveys'),
	('module_admin', 'survey_response.delete_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'survey_response.delete_cycle', '{survey_admin}', NULL, false, 'survey module admins manage surveys'),
	-- survey analytics: "View all team reports on the 'Analytics' tab"
	-- (admins), the surveys module's admins.  HRBPs are not given surveys
	-- by the article.
	('module_admin', 'survey_response.aggregate', '{admin}', NULL, false, 'admins see all team reports'),
	('module_admin', 'survey_response.aggregate', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'survey_response.aggregate', '{survey_admin}', NULL, false, 'survey module admins see survey analytics');

---------------------------------------------------------------------------
-- who may change roles
---------------------------------------------------------------------------

INSERT INTO orgacl.model_grant_rule (model, granter, grantable, note) VALUES
	-- "Super admins are able to: assign the (super-) admin status to other
	-- users", "grant or limit user or admin access for different modules",
	-- "define team-specific access rights" (HRBP rights).  SPEC 6a Rule:
	-- only super_admin grants or revokes any role; admin grants none (so no
	-- row has admin as granter).
	('module_admin', '{super_admin}',
	 '{super_admin,admin,review_admin,goal_admin,feedback_admin,meeting_admin,survey_admin,hrbp}',
	 'super admins grant and revoke every role; nobody else grants any');
-- presets/dual_track.sql: IMPACT / Plai (../shared/seeds/003_5c29dde7d447baa4.txt)
--
-- The dual_track model keeps an Admin track (workspace settings, teams,
-- invitations, OKRs) and an HR track (reporting lines, reviews) apart.  Three
-- global roles: admin, hr_admin and hr_manager; everyone else is "Standard"
-- (holds no role).  Roles combine: admin + hr_admin is the maximum level
-- (the workspace creator's, and the super set), admin + hr_manager the
-- near-maximum one.
--
-- Who may change whose roles is the article's matrix (grant rules below),
-- read with SPEC 6a's Rule "equal or higher access level": the actor must be
-- able to grant the role AND every role the person already holds
-- (grant_covers_holdings), and nobody changes their own roles.
--
-- Reviews: "Share with HRs" checked = hr in the row's audience; the HR
-- managers picked = the row's shared_with with shared in the audience (SPEC
-- 6a Rule).  Article rules the engine cannot express are listed at the end of
-- test/pgtap/preset_dual_track.sql.

INSERT INTO orgacl.model (name, article, super_roles, own_roles, grant_covers_holdings,
	self_join_teams, description)
VALUES (
	'dual_track', '003_5c29dde7d447baa4.txt',
	-- "Admin and HR admin roles: this is the maximum permission level ...
	-- The creator of this workspace starts with this access level"
	'{admin,hr_admin}',
	-- "For security reasons, users cannot change their own access level"
	false,
	-- "Only other users with equal or higher access level rights can change
	-- their roles" (SPEC 6a Rule: R and every role P holds must be in A's row)
	true,
	-- Standard users "View all users and teams, join any team" (SPEC 6a
	-- Rule: anyone adds or removes themselves to or from a team)
	true,
	'IMPACT (Plai): separate Admin and HR tracks, a grant matrix, HR access to reviews by sharing'
);

---------------------------------------------------------------------------
-- roles
---------------------------------------------------------------------------

-- SPEC 6a lists the three as global roles: none is a scoped role, and by
-- its "Scopes" rule each may still be granted scoped to a group.
INSERT INTO orgacl.model_role (model, name, bit, scope, scope_kinds, description) VALUES
	-- "Admin": workspace settings, teams, invitations, profiles, public
	-- OKRs; no reviews, no "Manager" field
	('dual_track', 'admin', 0, 'either', NULL,
	 'admin track: workspace settings, teams, invitations, public OKRs; no reviews, no manager field'),
	-- "HR admin": teams, invitations, profiles including "Manager", all
	-- review info; no workspace settings
	('dual_track', 'hr_admin', 1, 'either', NULL,
	 'HR track: teams, invitations, the manager field, every review shared with HRs'),
	-- "HR manager": like an HR admin, but only review responses shared with
	-- them by name
	('dual_track', 'hr_manager', 2, 'either', NULL,
	 'HR track: like hr_admin, but reads only the review responses shared with them by name');

-- options: none (SPEC 6a)

---------------------------------------------------------------------------
-- named capabilities (kind, cycle and directory capabilities are implicit)
---------------------------------------------------------------------------

INSERT INTO orgacl.model_capability (model, name, description) VALUES
	-- "Have access to the Workspace settings: values, integrations,
	-- billing, export"
	('dual_track', 'admin.integrations',
	 'workspace settings: values, integrations, billing, export');

---------------------------------------------------------------------------
-- default audiences
---------------------------------------------------------------------------

INSERT INTO orgacl.model_default (model, kind, action, audience, option, note) VALUES
	-- reviews: the person reviewed and their manager take part; "Share with
	-- HRs" lets HR admins in (hr); the HR managers picked are named
	-- (shared).  SPEC 6a: the default reads as if "Share with HRs" were
	-- checked.
	('dual_track', 'review', 'view', '{subject,direct_manager,shared,hr}', NULL,
	 'subject, direct manager, HR managers it is shared with, review.view holders (HR admins)'),
	-- preset's choice: review analytics for the same readers but the subject
	('dual_track', 'review', 'aggregate', '{direct_manager,shared,hr}', NULL,
	 'preset choice: review analytics as review reading'),
	-- "Participate in reviews": the person reviewed answers for themselves,
	-- their manager answers about them
	('dual_track', 'review', 'create', '{subject,direct_manager}', NULL,
	 'participants write review responses'),
	-- preset's choice: a response is edited by whoever wrote it
	('dual_track', 'review', 'edit', '{author}', NULL,
	 'preset choice: the author edits a response'),
	-- review delete: no row.  The article lets nobody delete a single
	-- response; HR roles remove whole cycles (review.delete_cycle).

	-- objectives: "View the public Objectives of all teams and users"
	-- (SPEC 6a: view {public}); a private objective carries its own
	-- narrower audience on the row
	('dual_track', 'objective', 'view', '{public}', NULL,
	 'public objectives: every active person'),
	-- preset's choice: progress reports on public objectives are as public
	-- as the objectives
	('dual_track', 'objective', 'aggregate', '{public}', NULL,
	 'preset choice: as objective view'),
	-- "edit ... Objectives of their reports (direct or indirect)"; the
	-- owner edits their own; Admins "View and edit all public OKRs" (hr =
	-- objective.edit holders).  SPEC 6a default.
	('dual_track', 'objective', 'edit', '{subject,direct_manager,managers,hr}', NULL,
	 'the owner, every manager above, objective.edit holders (admins)'),
	-- preset's choice: setting and removing an objective follow editing
	('dual_track', 'objective', 'create', '{subject,direct_manager,managers,hr}', NULL,
	 'preset choice: as objective edit'),
	('dual_track', 'objective', 'delete', '{subject,direct_manager,managers,hr}', NULL,
	 'preset choice: as objective edit'),

	-- "Give and ask for feedback": anyone gives feedback to anyone; preset's
	-- choice: the recipient and the giver read it, the giver edits it
	('dual_track', 'feedback_360', 'create', '{public}', NULL,
	 'everyone gives feedback'),
	('dual_track', 'feedback_360', 'view', '{subject,author}', NULL,
	 'preset choice: recipient and giver read feedback'),
	('dual_track', 'feedback_360', 'edit', '{author}', NULL,
	 'preset choice: the giver edits feedback'),

	-- "Give praise": anyone praises anyone; preset's choice: praise is
	-- public, and its author edits or withdraws it
	('dual_track', 'praise', 'create', '{public}', NULL,
	 'everyone gives praise'),
	('dual_track', 'praise', 'view', '{public}', NULL,
	 'preset choice: praise is public'),
	('dual_track', 'praise', 'edit', '{author}', NULL,
	 'preset choice: the author edits praise'),
	('dual_track', 'praise', 'delete', '{author}', NULL,
	 'preset choice: the author withdraws praise');

---------------------------------------------------------------------------
-- capabilities
---------------------------------------------------------------------------

INSERT INTO orgacl.model_cap_rule (model, capability, roles, option, needs_report, note) VALUES
	-- "Have access to the Workspace settings: values, integrations,
	-- billing, export" (admins); "HR admins don't have access to the
	-- Workspace settings"
	('dual_track', 'admin.integrations', '{admin}', NULL, false,
	 'admins hold the workspace settings'),
	-- the model has no options; were one added, switching it would be a
	-- workspace setting, so an admin's
	('dual_track', 'admin.options', '{admin}', NULL, false,
	 'workspace settings are the admin track''s'),

	-- "Invite new users": all three roles
	('dual_track', 'user.invite', '{admin}', NULL, false, 'admins invite users'),
	('dual_track', 'user.invite', '{hr_admin}', NULL, false, 'HR admins invite users'),
	('dual_track', 'user.invite', '{hr_manager}', NULL, false, 'HR managers invite users'),

	-- "Admins cannot change the 'Manager' field for users (only HRs can do
	-- it)"; HR admins and HR managers "Edit other user profile info
	-- (including the 'Manager' field)".  Additional managers are the same
	-- field.
	('dual_track', 'user.change_reporting', '{hr_admin}', NULL, false,
	 'HR admins change the manager field'),
	('dual_track', 'user.change_reporting', '{hr_manager}', NULL, false,
	 'HR managers change the manager field'),

	-- deactivation: the article does not say.  Inferred: it takes away every
	-- right of a person, which only the "ultimate role, meaning can change
	-- the role of any other user" may do to anybody, so it needs the
	-- admin + hr_admin pair.
	('dual_track', 'user.deactivate', '{admin,hr_admin}', NULL, false,
	 'inferred: only the ultimate admin + HR admin pair removes a user'),

	-- "Create/edit teams": all three roles (anyone may still join or leave
	-- a team themselves: model.self_join_teams)
	('dual_track', 'group.manage', '{admin}', NULL, false, 'admins create and edit teams'),
	('dual_track', 'group.manage', '{hr_admin}', NULL, false, 'HR admins create and edit teams'),
	('dual_track', 'group.manage', '{hr_manager}', NULL, false, 'HR managers create and edit teams'),

	-- "Have access to all Review info" and "to all Review responses wherein
	-- the Visibility settings 'Share with HRs' was checked" (SPEC 6a Rule:
	-- hr_admin holds review.view; hr_manager and admin do not)
	('dual_track', 'review.view', '{hr_admin}', NULL, false,
	 'HR admins read every review response shared with HRs'),
	('dual_track', 'review.aggregate', '{hr_admin}', NULL, false,
	 'HR admins see review analytics of responses shared with HRs'),
	-- review cycles: "all Review info" is the HR admin's; "HR managers are
	-- like HR admins but have access only to the Review cycle responses
	-- that were directly shared" - so they run cycles too, without reading
	-- responses.  "Admins don't have access to Reviews": no review.* at all.
	('dual_track', 'review.create_cycle', '{hr_admin}', NULL, false, 'HR admins run review cycles'),
	('dual_track', 'review.create_cycle', '{hr_manager}', NULL, false, 'HR managers run review cycles'),
	('dual_track', 'review.edit_cycle', '{hr_admin}', NULL, false, 'HR admins run review cycles'),
	('dual_track', 'review.edit_cycle', '{hr_manager}', NULL, false, 'HR managers run review cycles'),
	('dual_track', 'review.delete_cycle', '{hr_admin}', NULL, false, 'HR admins run review cycles'),
	('dual_track', 'review.delete_cycle', '{hr_manager}', NULL, false, 'HR managers run review cycles'),

	-- Admins "View and edit all public OKRs" (viewing needs no capability:
	-- public objectives are public)
	('dual_track', 'objective.edit', '{admin}', NULL, false, 'admins edit every public OKR');

---------------------------------------------------------------------------
-- who may change roles: the article's matrix, row by row
---------------------------------------------------------------------------

INSERT INTO orgacl.model_grant_rule (model, granter, grantable, note) VALUES
	-- "As an Admin -> Admin only"; admins "Edit Admin and Standard roles
	-- (but not the HR manager or HR admin)"; "Admins cannot grant HR roles"
	('dual_track', '{admin}', '{admin}', 'matrix row 1: Admin grants Admin only'),
	-- "As an HR manager -> HR manager only"; HR managers "Edit HR manager
	-- and Standard roles (but not HR admin or Admin roles)"
	('dual_track', '{hr_manager}', '{hr_manager}', 'matrix row 2: HR manager grants HR manager only'),
	-- "As an HR admin -> HR admin or HR manager"; "HRs cannot grant Admin
	-- roles"
	('dual_track', '{hr_admin}', '{hr_admin,hr_manager}', 'matrix row 3: HR admin grants HR admin or HR manager'),
	-- "As an Admin & HR manager -> Admin or HR manager" (also the union of
	-- rows 1 and 2; listed so the matrix reads whole)
	('dual_track', '{admin,hr_manager}', '{admin,hr_manager}', 'matrix row 4: Admin & HR manager'),
	-- "As an Admin & HR admin -> Admin, HR admin, or HR manager (it's an
	-- ultimate role, meaning can change the role of any other user)"
	('dual_track', '{admin,hr_admin}', '{admin,hr_admin,hr_manager}', 'matrix row 5: Admin & HR admin, the ultimate role');
	-- "As Standard -> none": no row names a Standard user (no role) as granter
-- presets/business_partner.sql: Qulture.Rocks administrator profiles (../shared/seeds/004_f4be1e4d644f5454.txt)
--
-- The article lists a General Admin ("all-seeing and all-capable"), an
-- Organization Admin (people data, leaders, teams, tags, values), and one
-- admin profile per product (Segments, OKRs, Performance Appraisal, 9box,
-- PDI/IDP, Feedbacks/Praises, 1:1/Leadership).  Most products also have a
-- Business Partner (BP) profile: the product admin's actions restricted to
-- the BP's performance group.  Here each BP is a role scoped to a group of
-- kind performance_group; the engine counts it only for subjects in that
-- group.
--
-- Kinds (SPEC 6a): review = appraisals; objective = OKRs; ninebox = Box;
-- idp = PDI/IDP; feedback_360 = feedbacks (subject = recipient); praise =
-- praises; one_on_one = 1:1/Leadership.  edit = comment, approve,
-- calibrate; aggregate = averages, reports, dashboards, analytics.  Kinds
-- the article never mentions (private_note, survey_response,
-- onboard_response, exit_data) have no default row: nobody may do anything
-- with them.  private_feedback keeps the engine's cap {subject,author} and
-- has no default row either.
--
-- Roles not marked scoped may also be granted scoped to a group (SPEC 6a
-- "Scopes"), so they are 'either'; the super set counts only when held
-- globally.

INSERT INTO orgacl.model (name, article, super_roles, own_roles, grant_covers_holdings,
	self_join_teams, description)
VALUES (
	'business_partner', '004_f4be1e4d644f5454.txt',
	-- "This is the all-seeing and all-capable profile within your company's
	-- environment" (SPEC 6a: super set {general_admin})
	'{general_admin}',
	-- the article does not forbid a General Admin changing their own
	-- profiles (SPEC 6a: own roles may change)
	true, false, false,
	'Qulture.Rocks: General Admin, Organization Admin, product admins and performance-group business partners');

---------------------------------------------------------------------------
-- roles
---------------------------------------------------------------------------

INSERT INTO orgacl.model_role (model, name, bit, scope, scope_kinds, description) VALUES
	-- "General Admin ... can create, delete, and also access content
	-- registered in the platform and related to all the company's employees"
	('business_partner', 'general_admin', 0, 'either', NULL,
		'General Admin: every product, every employee (never up the own chain)'),
	-- "Organization Admin: changing employee data manually and via import
	-- (... Leader ...); inclusion/exclusion of tags, teams and team members,
	-- skills and values"
	('business_partner', 'organization_admin', 1, 'either', NULL,
		'Organization Admin: employees, leaders, teams, tags, skills and values; no content, no admin grants'),
	-- "Segment Admin: create, change and delete segments in 9box and in
	-- evaluations' Team Results"
	('business_partner', 'segment_admin', 2, 'either', NULL,
		'Segment Admin: segments (view filters) of 9box and Team Results'),
	-- "OKR Admin: ... create a new cycle; view company OKRs and private OKRs"
	('business_partner', 'okr_admin', 3, 'either', NULL,
		'OKR Admin: OKR cycles, all OKRs including private ones'),
	-- "Performance Appraisal Admin / Review Admin"
	('business_partner', 'review_admin', 4, 'either', NULL,
		'Review Admin: appraisal invitations, reminders, adherence, averages, release'),
	-- "Box Admin: create meeting; calibrate 9box position; create and delete
	-- boxes"
	('business_partner', 'box_admin', 5, 'either', NULL,
		'Box Admin: 9box meetings, calibration, boxes'),
	-- "IDP Admin: create, change and delete IDP cycles; view, comment on and
	-- approve IDPs; extract the IDP report"
	('business_partner', 'idp_admin', 6, 'either', NULL,
		'IDP Admin: IDP cycles, every IDP, the IDP report'),
	-- "Feedback/Praises Admin ... Case 1 - Detailed Data Access"
	('business_partner', 'feedback_admin', 7, 'either', NULL,
		'Feedback Admin with detailed access: feedback content, deletion, reports'),
	-- "Case 2 - Access to consolidated data"
	('business_partner', 'feedback_admin_consolidated', 8, 'either', NULL,
		'Feedback Admin with consolidated access: the Team Dashboard activity report only'),
	-- "1:1 Admin/Leadership: Analytics.Rocks tab (sentiment pulse, exports,
	-- priorities); Sentiment Pulse Benchmark"
	('business_partner', 'one_on_one_admin', 9, 'either', NULL,
		'1:1/Leadership Admin: 1:1 analytics and the sentiment benchmark'),
	-- "Business partner (BP) within Evaluation: all Performance Appraisal
	-- Admin actions ... restricted to your performance group only"
	('business_partner', 'review_bp', 10, 'scoped', '{performance_group}',
		'Review BP: Review Admin actions for one performance group (no Excel adherence export)'),
	-- "Business partner (BP) within Box: all actions of Box Admin, but
	-- restricted to only its action group"
	('business_partner', 'box_bp', 11, 'scoped', '{performance_group}',
		'Box BP: Box Admin actions for one performance group'),
	-- "Business partner (BP) within IDP: view, comment on and approve POIs of
	-- people in your business group; extract the IDP report ... from the
	-- people in your practice group"
	('business_partner', 'idp_bp', 12, 'scoped', '{performance_group}',
		'IDP BP: IDPs and the IDP report of one performance group'),
	-- "Business partner (BP) can: ... all the same actions as the admin
	-- profile, but restricted by the feedbacks received by the performance
	-- group rule" (detailed access)
	('business_partner', 'feedback_bp', 13, 'scoped', '{performance_group}',
		'Feedback BP with detailed access: feedback received by one performance group'),
	-- "Case 2 ... Business partner (BP) can: extract the full report of
	-- employee activities in Team Dashboard for their performance group"
	('business_partner', 'feedback_bp_consolidated', 14, 'scoped', '{performance_group}',
		'Feedback BP with consolidated access: activity report of one performance group'),
	-- "Business partner (BP) within 1:1/Leadership: all 1:1 Admin/Leadership
	-- actions, but restricted to only your practice group; except viewing
	-- the Sentiment Pulse Benchmark"
	('business_partner', 'one_on_one_bp', 15, 'scoped', '{performance_group}',
		'1:1 BP: 1:1 analytics of one performance group (no benchmark)');

---------------------------------------------------------------------------
-- options: none (SPEC 6a: the feedback access level is the choice between
-- feedback_admin and feedback_admin_consolidated)
---------------------------------------------------------------------------

---------------------------------------------------------------------------
-- named capabilities
---------------------------------------------------------------------------

INSERT INTO orgacl.model_capability (model, name, description) VALUES
	-- "Enter and edit company values/skills" (General Admin);
	-- "Inclusion/Exclusion of Skills and Values" (Organization Admin)
	('business_partner', 'admin.values', 'company values and skills'),
	-- "Inclusion/Exclusion of tags" (Organization Admin)
	('business_partner', 'admin.tags', 'employee tags'),
	-- "Create, change and delete segments in 9box ... in evaluations in the
	-- Team Results part" (Segment Admin)
	('business_partner', 'admin.segments', 'segments (view filters) of 9box and Team Results'),
	-- "Send referral invitations (to appraisees); send reminders for
	-- validations (to leaders); send invitations/reminders to fill out the
	-- forms" (Review Admin, Review BP)
	('business_partner', 'review.remind', 'send appraisal invitations and reminders'),
	-- "Perform the release of the individual report to the public" (Review
	-- Admin, Review BP)
	('business_partner', 'review.release', 'release the individual appraisal report'),
	-- "Follow up the adherence of the evaluation process via Excel" (Review
	-- Admin; the BP has every admin action "except" this one)
	('business_partner', 'review.excel_export', 'appraisal adherence export to Excel'),
	-- "View Sentiment Pulse Benchmark information" (1:1 Admin; the BP
	-- "except viewing the Sentiment Pulse Benchmark")
	('business_partner', 'admin.sentiment_benchmark', 'Sentiment Pulse Benchmark');

---------------------------------------------------------------------------
-- default audiences
---------------------------------------------------------------------------

INSERT INTO orgacl.model_default (model, kind, action, audience, note) VALUES
	-- Appraisals.  SPEC 6a: view and aggregate
	-- {subject,direct_manager,managers,hr}: the appraisee, their leaders,
	-- and the admins ("General Admin view: the content of all company
	-- appraisals"; Review Admin "extract averages ... per person evaluated").
	('business_partner', 'review', 'view', '{subject,direct_manager,managers,hr}',
		'appraisals: the appraisee, their leaders, appraisal admins'),
	('business_partner', 'review', 'aggregate', '{subject,direct_manager,managers,hr}',
		'appraisal averages: the appraisee, their leaders, appraisal admins'),
	-- The appraisee fills in the self-assessment and the leader appraises
	-- ("Send referral invitations (to appraisees)", "reminders for
	-- validations (to leaders)"): preset's choice.
	('business_partner', 'review', 'create', '{subject,direct_manager}',
		'self-assessment by the appraisee, appraisal by the direct leader'),
	-- edit = comment, approve, calibrate: the leader validates; the General
	-- Admin ("all-capable") may too.  Preset's choice.
	('business_partner', 'review', 'edit', '{direct_manager,hr}',
		'validation by the direct leader; General Admin'),
	-- The General Admin "can create, delete ... content": preset's choice.
	('business_partner', 'review', 'delete', '{hr}',
		'deleting appraisal content: General Admin'),
	-- OKRs.  Not fixed by SPEC 6a (preset's choice): "View company OKRs and
	-- private OKRs" implies company OKRs are open to everyone; a private OKR
	-- is a row with its own audience (e.g. {subject,direct_manager,hr}),
	-- which OKR Admins and the General Admin reach through hr.
	('business_partner', 'objective', 'view', '{public,hr}',
		'company OKRs are public; private OKRs carry their own audience'),
	-- Goals are written by their owner and their leader; the General Admin
	-- may too ("all-capable").  Preset's choice.
	('business_partner', 'objective', 'create', '{subject,direct_manager,hr}',
		'OKRs are created by their owner, their leader, or the General Admin'),
	('business_partner', 'objective', 'edit', '{subject,direct_manager,hr}',
		'OKRs are updated by their owner, their leader, or the General Admin'),
	('business_partner', 'objective', 'delete', '{subject,direct_manager,hr}',
		'OKRs are deleted by their owner, their leader, or the General Admin'),
	-- "The content and status of all company goals" (General Admin);
	-- status reports for leaders and OKR Admins.  Preset's choice.
	('business_partner', 'objective', 'aggregate', '{subject,direct_manager,managers,hr}',
		'OKR progress reports'),
	-- 9box.  SPEC 6a: view {direct_manager,managers,hr}, edit {hr}: leaders
	-- see their people's position; "Calibrate 9box position" is the Box
	-- Admin's (and Box BP's, in its group).  The employee does not see it.
	('business_partner', 'ninebox', 'view', '{direct_manager,managers,hr}',
		'9box positions: leaders and Box admins; never the employee'),
	('business_partner', 'ninebox', 'edit', '{hr}',
		'calibrating a 9box position: Box admins'),
	-- "Create and delete boxes" (Box Admin): placing and removing a person
	-- in a 9box is the Box admins' (preset's choice).
	('business_partner', 'ninebox', 'create', '{hr}',
		'placing a person in a 9box: Box admins'),
	('business_partner', 'ninebox', 'delete', '{hr}',
		'removing a 9box placement: Box admins'),
	-- 9box team results for leaders and Box admins (preset's choice).
	('business_partner', 'ninebox', 'aggregate', '{direct_manager,managers,hr}',
		'9box team results'),
	-- IDP.  SPEC 6a: view and edit {subject,direct_manager,managers,hr}:
	-- "View, comment on, and approve IDPs of people in the company" (IDP
	-- Admin), "... of people in your business group" (IDP BP).
	('business_partner', 'idp', 'view', '{subject,direct_manager,managers,hr}',
		'IDPs: the employee, their leaders, IDP admins'),
	('business_partner', 'idp', 'edit', '{subject,direct_manager,managers,hr}',
		'commenting on and approving IDPs: the employee, their leaders, IDP admins'),
	-- The employee and the leader write the plan (preset's choice).
	('business_partner', 'idp', 'create', '{subject,direct_manager}',
		'IDPs are written by the employee or the direct leader'),
	-- "Extract the IDP report for follow-up" (IDP Admin), "only from the
	-- people in your practice group" (IDP BP).
	('business_partner', 'idp', 'aggregate', '{direct_manager,managers,hr}',
		'IDP report'),
	-- Feedbacks.  SPEC 6a: view {subject,author,direct_manager,managers,hr}:
	-- the recipient, the giver, the recipient's leaders ("Activities" of
	-- "Your Team") and the detailed-access admins.
	('business_partner', 'feedback_360', 'view', '{subject,author,direct_manager,managers,hr}',
		'feedback content: recipient, author, the recipient''s leaders, detailed-access admins'),
	-- SPEC 6a: delete {hr}: "[Feedback] Deleting a feedback" (detailed
	-- Admin; BP: "delete a feedback received by my performance group").
	('business_partner', 'feedback_360', 'delete', '{hr}',
		'deleting a feedback: detailed-access feedback admins'),
	-- SPEC 6a: aggregate {direct_manager,managers,hr}: "Team Dashboard" of
	-- "Your Team" for leaders; reports for every feedback admin level.
	('business_partner', 'feedback_360', 'aggregate', '{direct_manager,managers,hr}',
		'Team Dashboard and feedback reports'),
	-- Anyone may give a feedback to anyone (preset's choice).
	('business_partner', 'feedback_360', 'create', '{public}',
		'everyone may give feedback'),
	-- Praises are public recognition (preset's choice).
	('business_partner', 'praise', 'view', '{public}',
		'praises are visible to everyone'),
	('business_partner', 'praise', 'create', '{public}',
		'everyone may praise'),
	-- "[Praise] Extract the report with the detail of exchanged praise"
	-- (detailed Feedback Admin and BP).
	('business_partner', 'praise', 'aggregate', '{hr}',
		'praise report'),
	-- 1:1/Leadership.  SPEC 6a: view {subject,direct_manager}: a 1:1 belongs
	-- to the led and their leader; admins see analytics, not content.
	('business_partner', 'one_on_one', 'view', '{subject,direct_manager}',
		'1:1 content: the led and the leader'),
	-- SPEC 6a: aggregate {direct_manager,managers,hr}: "Access the
	-- Analytics.Rocks tab: sentiment pulse, sentiment exports and
	-- priorities" (1:1 Admin, BP in its group), leaders for their teams.
	('business_partner', 'one_on_one', 'aggregate', '{direct_manager,managers,hr}',
		'1:1 analytics: sentiment pulse, exports, priorities'),
	-- Either side schedules and fills in the 1:1 (preset's choice).
	('business_partner', 'one_on_one', 'create', '{subject,direct_manager}',
		'1:1s are created by the led or the leader'),
	('business_partner', 'one_on_one', 'edit', '{subject,direct_manager}',
		'1:1s are filled in by the led and the leader');

---------------------------------------------------------------------------
-- capabilities: who holds what
---------------------------------------------------------------------------

-- General Admin: "the all-seeing and all-capable profile ... It can create,
-- delete, and also access content registered in the platform and related to
-- all the company's employees".  It holds every action of every product
-- kind; whether that reaches content still depends on hr being in the
-- audience (a 1:1's content is not, for example), and never up its own
-- primary line (SPEC 3, rule 4b).
INSERT INTO orgacl.model_cap_rule (model, capability, roles, note)
SELECT 'business_partner', k || '.' || a, '{general_admin}', 'General Admin: all-capable'
FROM unnest(ARRAY['review', 'objective', 'ninebox', 'idp', 'feedback_360', 'praise',
	'one_on_one']) AS k,
	unnest(ARRAY['view', 'create', 'edit', 'delete', 'aggregate']) AS a;

INSERT INTO orgacl.model_cap_rule (model, capability, roles, note) VALUES
	-- General Admin can: "Create/delete an assessment" (SPEC 6a Rule: an
	-- assessment created or deleted is a review cycle)
	('business_partner', 'review.create_cycle', '{general_admin}', 'create an assessment'),
	('business_partner', 'review.delete_cycle', '{general_admin}', 'delete an assessment'),
	('business_partner', 'review.edit_cycle', '{general_admin}', 'all-capable'),
	-- General Admin can: "Create and change OKR cycles"
	('business_partner', 'objective.create_cycle', '{general_admin}', 'create OKR cycles'),
	('business_partner', 'objective.edit_cycle', '{general_admin}', 'change OKR cycles'),
	('business_partner', 'objective.delete_cycle', '{general_admin}', 'all-capable'),
	-- "all-capable": the cycles of every other product too
	('business_partner', 'ninebox.create_cycle', '{general_admin}', 'all-capable'),
	('business_partner', 'ninebox.edit_cycle', '{general_admin}', 'all-capable'),
	('business_partner', 'ninebox.delete_cycle', '{general_admin}', 'all-capable'),
	('business_partner', 'idp.create_cycle', '{general_admin}', 'all-capable'),
	('business_partner', 'idp.edit_cycle', '{general_admin}', 'all-capable'),
	('business_partner', 'idp.delete_cycle', '{general_admin}', 'all-capable'),
	('business_partner', 'feedback_360.create_cycle', '{general_admin}', 'all-capable'),
	('business_partner', 'feedback_360.edit_cycle', '{general_admin}', 'all-capable'),
	('business_partner', 'feedback_360.delete_cycle', '{general_admin}', 'all-capable'),
	('business_partner', 'one_on_one.create_cycle', '{general_admin}', 'all-capable'),
	('business_partner', 'one_on_one.edit_cycle', '{general_admin}', 'all-capable'),
	('business_partner', 'one_on_one.delete_cycle', '{general_admin}', 'all-capable'),
	-- General Admin can: "Change hierarchy", "Add new employees to the
	-- platform", "Enter and edit company values/skills"; all-capable for
	-- the rest of the directory (deactivation, teams, settings).
	('business_partner', 'user.change_reporting', '{general_admin}', 'change hierarchy'),
	('business_partner', 'user.invite', '{general_admin}', 'add new employees'),
	('business_partner', 'user.deactivate', '{general_admin}', 'all-capable'),
	('business_partner', 'group.manage', '{general_admin}', 'all-capable'),
	('business_partner', 'admin.options', '{general_admin}', 'all-capable'),
	('business_partner', 'admin.values', '{general_admin}', 'enter and edit company values/skills'),
	('business_partner', 'admin.tags', '{general_admin}', 'all-capable'),
	('business_partner', 'admin.segments', '{general_admin}', 'all-capable'),
	('business_partner', 'admin.sentiment_benchmark', '{general_admin}', 'all-capable'),
	('business_partner', 'review.remind', '{general_admin}', 'all-capable'),
	('business_partner', 'review.release', '{general_admin}', 'all-capable'),
	('business_partner', 'review.excel_export', '{general_admin}', 'all-capable'),
	-- Organization Admin: "Changing employee data manually and via import
	-- (Name, Email, Password, Leader, etc)" (SPEC 6a Rule: user.invite,
	-- user.change_reporting); "Inclusion/Exclusion of Teams and Team
	-- Members" (group.manage); no artifact capability.  Deactivation is not
	-- in its list, so it stays with the General Admin.
	('business_partner', 'user.invite', '{organization_admin}', 'imports add employees'),
	('business_partner', 'user.change_reporting', '{organization_admin}', 'the Leader field'),
	('business_partner', 'group.manage', '{organization_admin}', 'teams and team members'),
	-- "Inclusion/Exclusion of tags"; "Inclusion/Exclusion of Skills and
	-- Values"
	('business_partner', 'admin.tags', '{organization_admin}', 'tags'),
	('business_partner', 'admin.values', '{organization_admin}', 'skills and values'),
	-- Segment Admin: "Create, change and delete segments in 9box ... in
	-- evaluations"; segments are filters, not content, so no artifact
	-- capability.
	('business_partner', 'admin.segments', '{segment_admin}', 'segments'),
	-- OKR Admin: "Leave a cycle visible or not; choose what the current
	-- cycle should be; choose the start and end date" (edit_cycle);
	-- "Create a new cycle" (create_cycle); "View company OKRs and private
	-- OKRs" (view, and the status reports: aggregate).
	('business_partner', 'objective.create_cycle', '{okr_admin}', 'create a new OKR cycle'),
	('business_partner', 'objective.edit_cycle', '{okr_admin}', 'cycle visibility, current cycle, dates'),
	('business_partner', 'objective.view', '{okr_admin}', 'company and private OKRs'),
	('business_partner', 'objective.aggregate', '{okr_admin}', 'OKR reports'),
	-- Review Admin (SPEC 6a Rule: review.view and review.aggregate
	-- everywhere, review_bp in its groups): "Track the appraisal process
	-- adherence", "Extract averages of questions, topics and final average
	-- per person evaluated".
	('business_partner', 'review.view', '{review_admin}', 'appraisal process: every appraisal'),
	('business_partner', 'review.aggregate', '{review_admin}', 'averages and adherence'),
	('business_partner', 'review.view', '{review_bp}', 'appraisal process: its performance group'),
	('business_partner', 'review.aggregate', '{review_bp}', 'averages and adherence: its performance group'),
	-- "Send referral invitations", "reminders for validations",
	-- "invitations/reminders to fill out the forms" (Admin, and BP in its
	-- group)
	('business_partner', 'review.remind', '{review_admin}', 'invitations and reminders'),
	('business_partner', 'review.remind', '{review_bp}', 'invitations and reminders: its group'),
	-- "Perform the release of the individual report to the public" (Admin,
	-- and BP in its group).  Releasing a whole cycle's reports means
	-- widening the cycle's audience to the appraisees: review.edit_cycle,
	-- which only a global Review Admin holds (cycles are not per group).
	('business_partner', 'review.release', '{review_admin}', 'release individual reports'),
	('business_partner', 'review.release', '{review_bp}', 'release individual reports: its group'),
	('business_partner', 'review.edit_cycle', '{review_admin}', 'release: open the cycle to the appraisees'),
	-- "Follow up the adherence of the evaluation process via Excel": Review
	-- Admin only (the BP has every admin action "except" this one).
	('business_partner', 'review.excel_export', '{review_admin}', 'Excel adherence export: not for BPs'),
	-- Box Admin: "Calibrate 9box position" (edit, needs view), "Create and
	-- delete boxes" (create, delete), "Create meeting" (a calibration round:
	-- create_cycle, edit_cycle, delete_cycle); team results (aggregate).
	('business_partner', 'ninebox.view', '{box_admin}', 'see positions to calibrate'),
	('business_partner', 'ninebox.edit', '{box_admin}', 'calibrate 9box position'),
	('business_partner', 'ninebox.create', '{box_admin}', 'create boxes'),
	('business_partner', 'ninebox.delete', '{box_admin}', 'delete boxes'),
	('business_partner', 'ninebox.aggregate', '{box_admin}', '9box results'),
	('business_partner', 'ninebox.create_cycle', '{box_admin}', 'create meeting'),
	('business_partner', 'ninebox.edit_cycle', '{box_admin}', 'create meeting'),
	('business_partner', 'ninebox.delete_cycle', '{box_admin}', 'delete boxes'),
	-- Box BP: "All actions of Box Admin, but restricted to only its action
	-- group" (the cycle actions are global checks, so they stay the Box
	-- Admin's: see the test file's "Not expressible").
	('business_partner', 'ninebox.view', '{box_bp}', 'its performance group'),
	('business_partner', 'ninebox.edit', '{box_bp}', 'calibrate: its performance group'),
	('business_partner', 'ninebox.create', '{box_bp}', 'its performance group'),
	('business_partner', 'ninebox.delete', '{box_bp}', 'its performance group'),
	('business_partner', 'ninebox.aggregate', '{box_bp}', 'its performance group'),
	-- IDP Admin: "Create, change, and delete IDP cycles"; "View, comment on,
	-- and approve IDPs of people in the company"; "Extract the IDP report".
	('business_partner', 'idp.create_cycle', '{idp_admin}', 'create IDP cycles'),
	('business_partner', 'idp.edit_cycle', '{idp_admin}', 'change IDP cycles'),
	('business_partner', 'idp.delete_cycle', '{idp_admin}', 'delete IDP cycles'),
	('business_partner', 'idp.view', '{idp_admin}', 'view IDPs'),
	('business_partner', 'idp.edit', '{idp_admin}', 'comment on and approve IDPs'),
	('business_partner', 'idp.aggregate', '{idp_admin}', 'IDP report'),
	-- IDP BP: "View, comment on and approve POIs of people in your business
	-- group; extract the IDP report only from the people in your practice
	-- group".
	('business_partner', 'idp.view', '{idp_bp}', 'its performance group'),
	('business_partner', 'idp.edit', '{idp_bp}', 'its performance group'),
	('business_partner', 'idp.aggregate', '{idp_bp}', 'its performance group'),
	-- Feedback Admin, detailed access: "View the content of the feedbacks",
	-- "Deleting a feedback", "View the consolidated information inside Team
	-- Dashboard", reports; "[Praise] Extract the report with the detail of
	-- exchanged praise".
	('business_partner', 'feedback_360.view', '{feedback_admin}', 'feedback content'),
	('business_partner', 'feedback_360.delete', '{feedback_admin}', 'delete a feedback'),
	('business_partner', 'feedback_360.aggregate', '{feedback_admin}', 'Team Dashboard and reports'),
	('business_partner', 'praise.aggregate', '{feedback_admin}', 'praise report'),
	-- Feedback BP, detailed access: "all the same actions as the admin
	-- profile, but restricted by the feedbacks received by the performance
	-- group rule" (scoped: the recipient must be in the group).
	('business_partner', 'feedback_360.view', '{feedback_bp}', 'feedback received by its group'),
	('business_partner', 'feedback_360.delete', '{feedback_bp}', 'delete a feedback received by its group'),
	('business_partner', 'feedback_360.aggregate', '{feedback_bp}', 'its group'),
	('business_partner', 'praise.aggregate', '{feedback_bp}', 'its group'),
	-- Consolidated access: "Extract the full report of employee activities
	-- in Team Dashboard" (for their performance group, for the BP).  SPEC 6a
	-- Rule: the *_consolidated roles hold feedback_360.aggregate only.
	('business_partner', 'feedback_360.aggregate', '{feedback_admin_consolidated}', 'consolidated data only'),
	('business_partner', 'feedback_360.aggregate', '{feedback_bp_consolidated}', 'consolidated data only: its group'),
	-- 1:1 Admin: "Access the Analytics.Rocks tab: sentiment pulse, sentiment
	-- exports and priorities"; "View Sentiment Pulse Benchmark information".
	('business_partner', 'one_on_one.aggregate', '{one_on_one_admin}', '1:1 analytics'),
	('business_partner', 'admin.sentiment_benchmark', '{one_on_one_admin}', 'Sentiment Pulse Benchmark'),
	-- 1:1 BP: "All 1:1 Admin/Leadership actions, but restricted to only
	-- your practice group; except viewing the Sentiment Pulse Benchmark".
	('business_partner', 'one_on_one.aggregate', '{one_on_one_bp}', '1:1 analytics: its group');

---------------------------------------------------------------------------
-- grant rules (SPEC 6a Rule: only general_admin grants or revokes roles)
---------------------------------------------------------------------------

INSERT INTO orgacl.model_grant_rule (model, granter, grantable, note) VALUES
	-- "General Admin ... all-capable"; "Organization Admin cannot give access
	-- permissions to other modules (give admin permission, any admin, to
	-- other contributors)"; no product admin is said to grant anything.
	('business_partner', '{general_admin}',
		'{general_admin,organization_admin,segment_admin,okr_admin,review_admin,box_admin,idp_admin,feedback_admin,feedback_admin_consolidated,one_on_one_admin,review_bp,box_bp,idp_bp,feedback_bp,feedback_bp_consolidated,one_on_one_bp}',
		'only the General Admin grants and revokes profiles');
-- scripts/finish.sql: checks of the presets just loaded, the audit log's
-- row-level security, privileges, and the orgacl_admin role.

---------------------------------------------------------------------------
-- model consistency
---------------------------------------------------------------------------

CREATE FUNCTION orgacl.model_problems() RETURNS SETOF text
	LANGUAGE sql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		WITH kinds AS (
			SELECT m.name AS model, k.name AS kind FROM orgacl.model m, orgacl.kind k
			UNION SELECT mk.model, mk.name FROM orgacl.model_kind mk),
		caps AS (
			SELECT c.model, c.name FROM orgacl.model_capability c
			UNION SELECT k.model, k.kind || '.' || a.suffix
			FROM kinds k, pg_catalog.unnest(ARRAY['view', 'create', 'edit', 'delete', 'aggregate',
				'unveil_author', 'create_cycle', 'edit_cycle', 'delete_cycle']) a(suffix)
			UNION SELECT m.name, d.cap FROM orgacl.model m, pg_catalog.unnest(ARRAY['user.invite',
				'user.change_reporting', 'user.deactivate', 'group.manage', 'admin.options']) d(cap)),
		roles AS (
			SELECT r.model, r.name FROM orgacl.model_role r)
		SELECT pg_catalog.format('model %s: super role %s is not a role', m.name, x.role)
		FROM orgacl.model m, pg_catalog.unnest(m.super_roles) x(role)
		WHERE NOT EXISTS (SELECT FROM roles r WHERE r.model = m.name AND r.name = x.role)
		UNION ALL
		SELECT pg_catalog.format('model %s: rule for capability %s names unknown role %s', c.model, c.capability, x.role)
		FROM orgacl.model_cap_rule c, pg_catalog.unnest(c.roles) x(role)
		WHERE NOT EXISTS (SELECT FROM roles r WHERE r.model = c.model AND r.name = x.role)
		UNION ALL
		SELECT pg_catalog.format('model %s: rule for unknown capability %s', c.model, c.capability)
		FROM orgacl.model_cap_rule c
		WHERE NOT EXISTS (SELECT FROM caps k WHERE k.model = c.model AND k.name = c.capability)
		UNION ALL
		SELECT pg_catalog.format('model %s: grant rule names unknown role %s', g.model, x.role)
		FROM orgacl.model_grant_rule g, pg_catalog.unnest(g.granter || g.grantable) x(role)
		WHERE NOT EXISTS (SELECT FROM roles r WHERE r.model = g.model AND r.name = x.role)
		UNION ALL
		SELECT pg_catalog.format('model %s: default for unknown kind %s', d.model, d.kind)
		FROM orgacl.model_default d
		WHERE NOT EXISTS (SELECT FROM kinds k WHERE k.model = d.model AND k.kind = d.kind)
		UNION ALL
		SELECT pg_catalog.format('model %s: role %s may be scoped to unknown group kind %s', r.model, r.name, x.kind)
		FROM orgacl.model_role r, pg_catalog.unnest(r.scope_kinds) x(kind)
		WHERE x.kind <> ALL (ARRAY['team', 'location', 'saved_group', 'performance_group'])
		UNION ALL
		SELECT pg_catalog.format('model %s: named capability %s shadows a built-in one', c.model, c.name)
		FROM orgacl.model_capability c
		WHERE c.name IN (SELECT k.name FROM caps k WHERE k.model = c.model
						 EXCEPT SELECT x.name FROM orgacl.model_capability x WHERE x.model = c.model);
	END;
COMMENT ON FUNCTION orgacl.model_problems() IS
	'inconsistencies in the model catalog (unknown roles, capabilities, kinds); empty when all is well';

DO $$
DECLARE
	problems text := (SELECT pg_catalog.string_agg(p, E'\n') FROM orgacl.model_problems() p);
BEGIN
	IF problems IS NOT NULL THEN
		RAISE EXCEPTION 'orgacl presets are inconsistent' USING DETAIL = problems;
	END IF;
	IF NOT EXISTS (SELECT FROM orgacl.model WHERE name = 'tri_role') THEN
		RAISE EXCEPTION 'orgacl preset tri_role is missing';
	END IF;
END
$$;

---------------------------------------------------------------------------
-- audit log: readable by holders of audit.read and by the system
---------------------------------------------------------------------------

CREATE FUNCTION orgacl.may_read_audit() RETURNS boolean
	LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	v bigint := orgacl.current_viewer();
BEGIN
	IF orgacl.session_is_system() THEN
		RETURN true;
	END IF;
	RETURN v IS NOT NULL
		AND EXISTS (SELECT FROM orgacl.model_capability c
					WHERE c.model OPERATOR(pg_catalog.=) orgacl.active_model_name()
					  AND c.name OPERATOR(pg_catalog.=) 'audit.read')
		AND orgacl.has_capability(v, 'audit.read');
END
$$;
COMMENT ON FUNCTION orgacl.may_read_audit() IS
	'whether this session may read orgacl.audit_log: the system, or a current viewer holding audit.read';

ALTER TABLE orgacl.audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE orgacl.audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_read ON orgacl.audit_log FOR SELECT USING (orgacl.may_read_audit());

---------------------------------------------------------------------------
-- privileges
---------------------------------------------------------------------------

-- The system role of SPEC section 3: its members may act with a NULL actor
-- and map logins.  Roles are cluster-wide, so it may exist already.
DO $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'orgacl_admin') THEN
		CREATE ROLE orgacl_admin NOLOGIN;
	END IF;
END
$$;

GRANT USAGE ON SCHEMA orgacl TO PUBLIC;

-- The model catalog is public vocabulary; the directory is not.
GRANT SELECT ON orgacl.model, orgacl.model_role, orgacl.model_option, orgacl.kind, orgacl.kind_default,
	orgacl.model_kind, orgacl.model_default, orgacl.model_capability,
	orgacl.model_cap_rule, orgacl.model_grant_rule, orgacl.active_model,
	orgacl.option_setting TO PUBLIC;
GRANT SELECT ON orgacl.audit_log TO PUBLIC;

-- internal helpers are for the directory functions only
REVOKE EXECUTE ON FUNCTION orgacl.authorize(bigint, text, bigint, text),
	orgacl.authorize_membership(bigint, bigint, bigint, text),
	orgacl.change_group_link(bigint, bigint, bigint, boolean, boolean),
	orgacl.authorize_role_change(bigint, bigint, text, text),
	orgacl.require_person(bigint, text), orgacl.require_group(bigint),
	orgacl.lock_directory(), orgacl.super_holders(),
	orgacl.check_last_super(bigint, text), orgacl.check_role_scope(text, bigint),
	orgacl.audit(bigint, text, text, jsonb, jsonb), orgacl.cache_invalidate()
	FROM PUBLIC;

-- The module must be loaded before a session's first SET orgacl.viewer:
-- before that the server accepts any value as a placeholder and only
-- discards it, with a warning, when the module loads.  Preloading it in
-- this database makes an unprivileged SET an error from the first statement.
DO $$
DECLARE
	cur text;
BEGIN
	SELECT pg_catalog.substr(s, pg_catalog.length('session_preload_libraries=') + 1) INTO cur
	FROM pg_catalog.pg_db_role_setting d, pg_catalog.unnest(d.setconfig) s
	WHERE d.setdatabase = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())
	  AND d.setrole = 0 AND s LIKE 'session_preload_libraries=%';
	IF cur IS NULL OR cur = '' THEN
		cur := 'orgacl';
	ELSIF NOT 'orgacl' = ANY (pg_catalog.string_to_array(pg_catalog.replace(cur, ' ', ''), ',')) THEN
		cur := cur || ',orgacl';
	ELSE
		RETURN;
	END IF;
	EXECUTE pg_catalog.format('ALTER DATABASE %I SET session_preload_libraries = %L',
							  pg_catalog.current_database(), cur);
END
$$;
