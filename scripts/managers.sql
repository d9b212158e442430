-- scripts/managers.sql: set_manager() and add_manager(), which change who
-- manages whom (the primary manager, which the paths follow, and the
-- additional ones).
--
-- A part of its own because 1.1 changed both: an additional manager is
-- never also the primary one (add_manager refuses it under the directory
-- lock; set_manager drops the additional link it turns primary).  The
-- install script and the 1.0 -> 1.1 upgrade both include this file.

CREATE OR REPLACE FUNCTION orgacl.set_manager(actor bigint, person bigint, manager bigint) RETURNS void
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
	-- an additional manager who becomes the primary one is no longer additional
	DELETE FROM orgacl.person_manager pm
	WHERE pm.person OPERATOR(pg_catalog.=) set_manager.person
	  AND pm.manager OPERATOR(pg_catalog.=) set_manager.manager;
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

CREATE OR REPLACE FUNCTION orgacl.add_manager(actor bigint, person bigint, manager bigint) RETURNS void
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
	-- serialised with set_manager, which may make manager the primary one
	PERFORM orgacl.lock_directory();
	IF EXISTS (SELECT FROM orgacl.person p
			   WHERE p.id OPERATOR(pg_catalog.=) add_manager.person
				 AND p.manager OPERATOR(pg_catalog.=) add_manager.manager) THEN
		RAISE EXCEPTION 'cannot make % an additional manager of %: they are the primary manager', manager, person
			USING ERRCODE = '23514';
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
