-- scripts/finish.sql: checks of the presets just loaded, the audit log's
-- row-level security and privileges.

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
-- (a scalar subquery: evaluated once per query, not once per row)
CREATE POLICY audit_read ON orgacl.audit_log FOR SELECT USING ((SELECT orgacl.may_read_audit()));

---------------------------------------------------------------------------
-- privileges
---------------------------------------------------------------------------

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
