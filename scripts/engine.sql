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
