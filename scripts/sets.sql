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
