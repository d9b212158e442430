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

-- orgacl.set_manager() and orgacl.add_manager(): scripts/managers.sql

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

-- orgacl.map_login(): scripts/login_map.sql
