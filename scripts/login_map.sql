-- scripts/login_map.sql: map_login(), which ties a database role to the
-- person it acts as (orgacl.login_map, read by current_viewer()).
--
-- A part of its own because 1.1 changed it: the install script and the
-- 1.0 -> 1.1 upgrade both include this file, so they define the same
-- function (CREATE OR REPLACE keeps its privileges on upgrade).

CREATE OR REPLACE FUNCTION orgacl.map_login(actor bigint, login name, person bigint) RETURNS void
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
	-- unmapping needs no role: a mapping whose role was
	-- dropped or renamed must be removable (lint's fix for it)
	IF person IS NOT NULL
	   AND NOT EXISTS (SELECT FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) login) THEN
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
