-- scripts/rls.sql: row-level security (SPEC section 4): protect(),
-- unprotect(), lint(), the policy functions they install, and
-- cache_stats().
--
-- protect() puts four policies on a table, one per command, each the OR of
-- "arms" whose union is exactly can() for current_viewer() (see
-- src/rls_core.h):
--
--   orgacl.sees_subject(action, kind, subject, cycle, audience)
--   OR (author = orgacl.current_viewer() AND orgacl.sees_row(...))
--   OR (cycle = ANY (orgacl.owned_cycles(kind)) AND orgacl.sees_row(...))
--   OR (shared @> ARRAY[orgacl.current_viewer()] AND orgacl.sees_row(...))
--
-- with only the row arms whose column the table has.  The planner can read
-- every arm through an index: sees_subject has a planner support function
-- that estimates the viewer's share of the table and offers
-- "subject = ANY(orgacl.subject_superset(...))" as an index condition, and
-- the row arms are plain comparisons of their column.
--
-- NB: none of these functions is LEAKPROOF: each raises errors that name
-- its action or kind argument, so called on a row's own columns it could
-- reveal them.  They need not be: they are the security quals themselves,
-- evaluated before any user qual that is not leakproof.

---------------------------------------------------------------------------
-- policy functions
---------------------------------------------------------------------------

CREATE FUNCTION orgacl.sees_subject_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'orgacl_sees_subject_support' LANGUAGE C STRICT;
COMMENT ON FUNCTION orgacl.sees_subject_support(internal) IS
	'planner support of sees_subject: the viewer''s share of the table, and an index condition on the subject column';

CREATE FUNCTION orgacl.sees_subject(action text, kind text, subject bigint,
									cycle bigint, audience orgacl.audience)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'orgacl_sees_subject' LANGUAGE C STABLE PARALLEL SAFE
	SUPPORT orgacl.sees_subject_support;
COMMENT ON FUNCTION orgacl.sees_subject(text, text, bigint, bigint, orgacl.audience) IS
	'the subject arm of a protected table''s policy: can current_viewer() act on a row of kind about subject (in cycle, with audience) through a relation that follows from the subject, or a role';

CREATE FUNCTION orgacl.sees_row_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'orgacl_sees_row_support' LANGUAGE C STRICT;
COMMENT ON FUNCTION orgacl.sees_row_support(internal) IS
	'planner support of sees_row: the constant false while no row relation can decide the kind, so the policy''s row arms drop out of the plan';

CREATE FUNCTION orgacl.sees_row(action text, kind text, subject bigint, cycle bigint,
								audience orgacl.audience, author bigint, shared bigint[])
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'orgacl_sees_row' LANGUAGE C STABLE PARALLEL SAFE
	SUPPORT orgacl.sees_row_support;
COMMENT ON FUNCTION orgacl.sees_row(text, text, bigint, bigint, orgacl.audience, bigint, bigint[]) IS
	'the row arms of a protected table''s policy: can current_viewer() act on the row as its author, its cycle''s owner or a person it is shared with';

CREATE FUNCTION orgacl.owned_cycles(kind text) RETURNS bigint[]
	AS 'MODULE_PATHNAME', 'orgacl_owned_cycles' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.owned_cycles(text) IS
	'the cycles of kind current_viewer() created: the owner arm''s index condition';

CREATE FUNCTION orgacl.subject_superset(action text, kind text, any_cycle boolean,
										any_audience boolean)
	RETURNS bigint[]
	AS 'MODULE_PATHNAME', 'orgacl_subject_superset' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION orgacl.subject_superset(text, text, boolean, boolean) IS
	'every person whose rows the subject arm may allow current_viewer() (rows naming a cycle / carrying an audience): the index condition sees_subject''s planner support offers';

CREATE FUNCTION orgacl.cache_stats(OUT persons int, OUT bytes bigint,
								   OUT bytes_per_person float8, OUT generation bigint)
	AS 'MODULE_PATHNAME', 'orgacl_cache_stats' LANGUAGE C STABLE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION orgacl.cache_stats() IS
	'this backend''s cached directory: persons, bytes held, bytes per person, and its build number';

---------------------------------------------------------------------------
-- protected tables
---------------------------------------------------------------------------

-- What protect() did, so unprotect() can undo exactly that and lint() can
-- check it.  Anyone may record their own tables: the policies below let a
-- role touch only the rows of tables it owns.
CREATE TABLE orgacl.protected_table (
	tbl regclass PRIMARY KEY,
	kind text NOT NULL,
	subject_col name NOT NULL,
	cycle_col name,
	author_col name,
	audience_col name,
	shared_col name,
	rls_was boolean NOT NULL,		-- row security was enabled before protect()
	force_was boolean NOT NULL,		-- and forced
	policies jsonb					-- each policy's USING and WITH CHECK, as installed
);
COMMENT ON TABLE orgacl.protected_table IS
	'tables protect() has put policies on, with their columns and the row-security settings they had before';
SELECT pg_catalog.pg_extension_config_dump('orgacl.protected_table', '');

CREATE FUNCTION orgacl.owns_table(tbl regclass) RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	RETURN coalesce((SELECT pg_catalog.pg_has_role(current_user, c.relowner, 'USAGE')
					 FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) tbl), false);
COMMENT ON FUNCTION orgacl.owns_table(regclass) IS
	'whether the current role owns tbl, directly or through membership';

ALTER TABLE orgacl.protected_table ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON orgacl.protected_table FOR SELECT USING (true);
CREATE POLICY owners_write ON orgacl.protected_table FOR ALL
	USING (orgacl.owns_table(tbl)) WITH CHECK (orgacl.owns_table(tbl));
GRANT SELECT, INSERT, UPDATE, DELETE ON orgacl.protected_table TO PUBLIC;

-- The policies of one table, by command: name, command, action of can().
CREATE FUNCTION orgacl.policy_commands()
	RETURNS TABLE (policy name, command text, polcmd "char", action text,
				   using_clause boolean, check_clause boolean)
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	BEGIN ATOMIC
		VALUES ('orgacl_view'::name, 'SELECT', 'r'::"char", 'view', true, false),
			   ('orgacl_create', 'INSERT', 'a', 'create', false, true),
			   ('orgacl_edit', 'UPDATE', 'w', 'edit', true, true),
			   ('orgacl_delete', 'DELETE', 'd', 'delete', true, false);
	END;
COMMENT ON FUNCTION orgacl.policy_commands() IS
	'the policies protect() installs: name, command, the action of can() it applies, and whether it has USING and WITH CHECK';

CREATE FUNCTION orgacl.policy_expression(action text, kind text, subject_col name,
										 cycle_col name, author_col name,
										 audience_col name, shared_col name)
	RETURNS text
	LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	cyc text := coalesce(quote_ident(cycle_col), 'NULL::bigint');
	aud text := coalesce(quote_ident(audience_col), 'NULL::orgacl.audience');
	row_args text;
	expr text;
BEGIN
	row_args := format('%L, %L, %I, %s, %s, %s, %s', action, kind, subject_col, cyc, aud,
					   coalesce(quote_ident(author_col), 'NULL::bigint'),
					   coalesce(quote_ident(shared_col), 'NULL::bigint[]'));
	expr := format('orgacl.sees_subject(%L, %L, %I, %s, %s)', action, kind, subject_col, cyc, aud);
	IF author_col IS NOT NULL THEN
		expr := expr || format(E'\n OR (%I = orgacl.current_viewer() AND orgacl.sees_row(%s))',
							   author_col, row_args);
	END IF;
	IF cycle_col IS NOT NULL THEN
		expr := expr || format(E'\n OR (%I = ANY (orgacl.owned_cycles(%L)) AND orgacl.sees_row(%s))',
							   cycle_col, kind, row_args);
	END IF;
	IF shared_col IS NOT NULL THEN
		expr := expr || format(E'\n OR (%I @> ARRAY[orgacl.current_viewer()] AND orgacl.sees_row(%s))',
							   shared_col, row_args);
	END IF;
	RETURN expr;
END
$$;
COMMENT ON FUNCTION orgacl.policy_expression(text, text, name, name, name, name, name) IS
	'the expression protect() gives the policy of action: can() for current_viewer(), as an OR of index-friendly arms';

CREATE FUNCTION orgacl.protect_call(tbl regclass, kind text, subject_col name,
									cycle_col name, author_col name,
									audience_col name, shared_col name)
	RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	RETURN format('SELECT orgacl.protect(%L, %L, %L%s);', tbl::text, kind, subject_col,
				  coalesce(', cycle_col => ' || quote_literal(cycle_col), '') ||
				  coalesce(', author_col => ' || quote_literal(author_col), '') ||
				  coalesce(', audience_col => ' || quote_literal(audience_col), '') ||
				  coalesce(', shared_col => ' || quote_literal(shared_col), ''));
COMMENT ON FUNCTION orgacl.protect_call(regclass, text, name, name, name, name, name) IS
	'the protect() call that protects tbl so (lint''s fixes)';

CREATE FUNCTION orgacl.installed_policies(tbl regclass) RETURNS jsonb
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	RETURN (SELECT jsonb_object_agg(p.polname,
									jsonb_build_object('cmd', p.polcmd, 'permissive', p.polpermissive,
													   'roles', p.polroles::text,
													   'using', pg_get_expr(p.polqual, p.polrelid),
													   'check', pg_get_expr(p.polwithcheck, p.polrelid)))
			FROM pg_catalog.pg_policy p
			WHERE p.polrelid OPERATOR(pg_catalog.=) tbl
			  AND p.polname IN (SELECT c.policy FROM orgacl.policy_commands() c));
COMMENT ON FUNCTION orgacl.installed_policies(regclass) IS
	'protect()''s policies on tbl as they stand: command, permissive, roles, and the deparsed USING and WITH CHECK';

CREATE FUNCTION orgacl.check_protected_column(tbl regclass, col name, expected regtype,
											  what text, required boolean)
	RETURNS void
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	coltype regtype;
BEGIN
	IF col IS NULL THEN
		IF required THEN
			RAISE EXCEPTION '% must not be null', what USING ERRCODE = '22004';
		END IF;
		RETURN;
	END IF;
	SELECT a.atttypid::regtype INTO coltype
	FROM pg_catalog.pg_attribute a
	WHERE a.attrelid OPERATOR(pg_catalog.=) tbl AND a.attname OPERATOR(pg_catalog.=) col
	  AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'column "%" of relation % does not exist', col, tbl
			USING ERRCODE = '42703', HINT = pg_catalog.format('%s names the table''s %s.', what, pg_catalog.replace(what, '_col', ' column'));
	END IF;
	IF coltype OPERATOR(pg_catalog.<>) expected THEN
		RAISE EXCEPTION '% column "%" of relation % is of type %, not %', pg_catalog.replace(what, '_col', ''), col, tbl, coltype, expected
			USING ERRCODE = '42804',
				  HINT = pg_catalog.format('ALTER TABLE %s ALTER COLUMN %I TYPE %s;', tbl, col, expected);
	END IF;
END
$$;
COMMENT ON FUNCTION orgacl.check_protected_column(regclass, name, regtype, text, boolean) IS
	'raises 22004 for a missing required column name, 42703 for a column tbl lacks, 42804 for one of another type';

CREATE FUNCTION orgacl.protect(tbl regclass, kind text, subject_col name,
							   cycle_col name DEFAULT NULL, author_col name DEFAULT NULL,
							   audience_col name DEFAULT NULL, shared_col name DEFAULT NULL)
	RETURNS void
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	rel record;
	cmd record;
	expr text;
BEGIN
	PERFORM orgacl.require_arg(tbl, 'tbl');
	PERFORM orgacl.require_arg(kind, 'kind');
	SELECT c.relkind, c.relrowsecurity, c.relforcerowsecurity INTO rel
	FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) tbl;
	IF rel.relkind NOT IN ('r', 'p') THEN
		RAISE EXCEPTION '% is not a table', tbl
			USING ERRCODE = '42809', DETAIL = 'Only tables and partitioned tables can be protected.';
	END IF;
	IF NOT orgacl.owns_table(tbl) THEN
		RAISE EXCEPTION 'must be owner of table %', tbl USING ERRCODE = '42501';
	END IF;
	-- the lock first: what the table was like is read after any concurrent
	-- protect() or unprotect() has ended (NB: a new snapshot in READ COMMITTED)
	EXECUTE pg_catalog.format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE', tbl);
	SELECT c.relkind, c.relrowsecurity, c.relforcerowsecurity INTO rel
	FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) tbl;
	PERFORM orgacl.check_kind(kind);
	PERFORM orgacl.check_protected_column(tbl, subject_col, 'bigint', 'subject_col', true);
	PERFORM orgacl.check_protected_column(tbl, cycle_col, 'bigint', 'cycle_col', false);
	PERFORM orgacl.check_protected_column(tbl, author_col, 'bigint', 'author_col', false);
	PERFORM orgacl.check_protected_column(tbl, audience_col, 'orgacl.audience', 'audience_col', false);
	PERFORM orgacl.check_protected_column(tbl, shared_col, 'bigint[]', 'shared_col', false);

	-- the settings before the first protect() are the ones unprotect() restores
	INSERT INTO orgacl.protected_table AS p
		VALUES (tbl, kind, subject_col, cycle_col, author_col, audience_col, shared_col,
				rel.relrowsecurity, rel.relforcerowsecurity)
	ON CONFLICT ON CONSTRAINT protected_table_pkey DO UPDATE
		SET kind = excluded.kind, subject_col = excluded.subject_col,
			cycle_col = excluded.cycle_col, author_col = excluded.author_col,
			audience_col = excluded.audience_col, shared_col = excluded.shared_col;

	EXECUTE pg_catalog.format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', tbl);
	FOR cmd IN SELECT * FROM orgacl.policy_commands() LOOP
		expr := orgacl.policy_expression(cmd.action, kind, subject_col, cycle_col, author_col,
										 audience_col, shared_col);
		IF EXISTS (SELECT FROM pg_catalog.pg_policy p
				   WHERE p.polrelid OPERATOR(pg_catalog.=) tbl AND p.polname OPERATOR(pg_catalog.=) cmd.policy) THEN
			EXECUTE pg_catalog.format('DROP POLICY %I ON %s', cmd.policy, tbl);
		END IF;
		EXECUTE pg_catalog.format('CREATE POLICY %I ON %s AS PERMISSIVE FOR %s TO PUBLIC%s%s',
								  cmd.policy, tbl, cmd.command,
								  CASE WHEN cmd.using_clause THEN E'\nUSING (' || expr || ')' ELSE '' END,
								  CASE WHEN cmd.check_clause THEN E'\nWITH CHECK (' || expr || ')' ELSE '' END);
	END LOOP;
	-- what lint() will compare the policies with
	UPDATE orgacl.protected_table p SET policies = orgacl.installed_policies(protect.tbl)
	WHERE p.tbl OPERATOR(pg_catalog.=) protect.tbl;
END
$$;
COMMENT ON FUNCTION orgacl.protect(regclass, text, name, name, name, name, name) IS
	'enables and forces row-level security on tbl and installs SELECT, INSERT, UPDATE and DELETE policies applying can() for current_viewer() to rows of kind; idempotent';

CREATE FUNCTION orgacl.unprotect(tbl regclass) RETURNS void
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	prev orgacl.protected_table;
	cmd record;
BEGIN
	PERFORM orgacl.require_arg(tbl, 'tbl');
	IF NOT orgacl.owns_table(tbl) THEN
		RAISE EXCEPTION 'must be owner of table %', tbl USING ERRCODE = '42501';
	END IF;
	EXECUTE pg_catalog.format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE', tbl);
	SELECT * INTO prev FROM orgacl.protected_table p WHERE p.tbl OPERATOR(pg_catalog.=) unprotect.tbl;
	IF NOT FOUND THEN
		RAISE NOTICE 'table % is not protected by orgacl, skipping', tbl;
		RETURN;
	END IF;
	FOR cmd IN SELECT * FROM orgacl.policy_commands() c
			   WHERE EXISTS (SELECT FROM pg_catalog.pg_policy p
							 WHERE p.polrelid OPERATOR(pg_catalog.=) tbl
							   AND p.polname OPERATOR(pg_catalog.=) c.policy) LOOP
		EXECUTE pg_catalog.format('DROP POLICY %I ON %s', cmd.policy, tbl);
	END LOOP;
	IF NOT prev.force_was THEN
		EXECUTE pg_catalog.format('ALTER TABLE %s NO FORCE ROW LEVEL SECURITY', tbl);
	END IF;
	IF NOT prev.rls_was THEN
		EXECUTE pg_catalog.format('ALTER TABLE %s DISABLE ROW LEVEL SECURITY', tbl);
	END IF;
	DELETE FROM orgacl.protected_table p WHERE p.tbl OPERATOR(pg_catalog.=) unprotect.tbl;
END
$$;
COMMENT ON FUNCTION orgacl.unprotect(regclass) IS
	'removes exactly what protect() added to tbl: its four policies, and row security and FORCE where they were off before';

-- A dropped table takes its record with it.
CREATE FUNCTION orgacl.forget_dropped() RETURNS event_trigger
	LANGUAGE plpgsql SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	DELETE FROM orgacl.protected_table p
	USING pg_catalog.pg_event_trigger_dropped_objects() d
	WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
	  AND d.objsubid OPERATOR(pg_catalog.=) 0
	  AND d.objid OPERATOR(pg_catalog.=) p.tbl::pg_catalog.oid;
END
$$;
COMMENT ON FUNCTION orgacl.forget_dropped() IS
	'event trigger: forgets the protection record of a dropped table';
CREATE EVENT TRIGGER orgacl_forget_dropped ON sql_drop EXECUTE FUNCTION orgacl.forget_dropped();

---------------------------------------------------------------------------
-- lint
---------------------------------------------------------------------------

CREATE FUNCTION orgacl.lint()
	RETURNS TABLE (severity text, object text, problem text, fix text)
	LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t record;
	r record;
	protect_call text;
	supers text[];
	candidate bigint;
BEGIN
	FOR t IN SELECT p.*, c.relrowsecurity, c.relforcerowsecurity, c.relkind
			 FROM orgacl.protected_table p JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) p.tbl
			 ORDER BY p.tbl::text LOOP
		protect_call := orgacl.protect_call(t.tbl, t.kind, t.subject_col, t.cycle_col, t.author_col,
											t.audience_col, t.shared_col);
		IF NOT t.relrowsecurity THEN
			RETURN QUERY SELECT 'error', t.tbl::text,
				'row-level security is disabled: its policies are ignored and every row is readable',
				format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY;', t.tbl);
		END IF;
		IF NOT t.relforcerowsecurity THEN
			RETURN QUERY SELECT 'error', t.tbl::text,
				'row-level security is not forced: the table''s owner reads every row',
				format('ALTER TABLE %s FORCE ROW LEVEL SECURITY;', t.tbl);
		END IF;
		FOR r IN SELECT c.policy FROM orgacl.policy_commands() c
				 WHERE (orgacl.installed_policies(t.tbl) -> c.policy) IS DISTINCT FROM (t.policies -> c.policy)
					OR NOT (orgacl.installed_policies(t.tbl) ? c.policy)
				 ORDER BY c.policy
		LOOP
			RETURN QUERY SELECT 'error', format('policy %I on %s', r.policy, t.tbl),
				'the policy protect() installs is missing or was altered',
				protect_call;
		END LOOP;
		FOR r IN SELECT pp.polname FROM pg_catalog.pg_policy pp
				 WHERE pp.polrelid OPERATOR(pg_catalog.=) t.tbl AND pp.polpermissive
				   AND pp.polname NOT IN (SELECT c.policy FROM orgacl.policy_commands() c)
				 ORDER BY pp.polname LOOP
			RETURN QUERY SELECT 'error', format('policy %I on %s', r.polname, t.tbl),
				'a permissive policy widens protect()''s: rows it admits are visible whatever orgacl decides',
				format('DROP POLICY %I ON %s;', r.polname, t.tbl);
		END LOOP;
		FOR r IN SELECT col, gin FROM (VALUES (t.subject_col, false), (t.author_col, false),
											  (t.cycle_col, false), (t.shared_col, true)) v(col, gin)
				 WHERE col IS NOT NULL
				   AND NOT EXISTS (
					   SELECT FROM pg_catalog.pg_index i
					   JOIN pg_catalog.pg_class ic ON ic.oid OPERATOR(pg_catalog.=) i.indexrelid
					   JOIN pg_catalog.pg_am am ON am.oid OPERATOR(pg_catalog.=) ic.relam
					   JOIN pg_catalog.pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) t.tbl
													 AND a.attnum OPERATOR(pg_catalog.=) i.indkey[0]
					   WHERE i.indrelid OPERATOR(pg_catalog.=) t.tbl AND i.indpred IS NULL
						 AND a.attname OPERATOR(pg_catalog.=) v.col
						 AND am.amname OPERATOR(pg_catalog.=) CASE WHEN v.gin THEN 'gin' ELSE 'btree' END)
		LOOP
			RETURN QUERY SELECT 'warning', format('%s.%I', t.tbl, r.col),
				CASE WHEN r.col = t.subject_col
					 THEN 'no index leads with the subject column: every protected query reads the whole table'
					 ELSE 'no index leads with this column: the policy arm on it makes protected queries read the whole table' END,
				format('CREATE INDEX ON %s %s(%I);', t.tbl, CASE WHEN r.gin THEN 'USING gin ' ELSE '' END, r.col);
		END LOOP;
		IF t.relkind = 'p' THEN
			FOR r IN SELECT i.inhrelid::regclass AS part FROM pg_catalog.pg_inherits i
					 WHERE i.inhparent OPERATOR(pg_catalog.=) t.tbl
					   AND NOT EXISTS (SELECT FROM orgacl.protected_table q WHERE q.tbl OPERATOR(pg_catalog.=) i.inhrelid)
					 ORDER BY 1 LOOP
				RETURN QUERY SELECT 'error', r.part::text,
					format('partition of protected table %s: queried directly, it applies no policy', t.tbl),
					orgacl.protect_call(r.part, t.kind, t.subject_col, t.cycle_col, t.author_col,
										t.audience_col, t.shared_col);
			END LOOP;
		END IF;
		-- An inheritance parent or partitioned table above a
		-- protected table reads its rows under the parent's policies only: an
		-- unprotected ancestor shows every row of the protected table.
		FOR r IN WITH RECURSIVE anc(child, parent) AS (
					 SELECT i.inhrelid, i.inhparent FROM pg_catalog.pg_inherits i
					 WHERE i.inhrelid OPERATOR(pg_catalog.=) t.tbl
					 UNION
					 SELECT i.inhrelid, i.inhparent FROM pg_catalog.pg_inherits i
					 JOIN anc ON i.inhrelid OPERATOR(pg_catalog.=) anc.parent)
				 SELECT anc.child::regclass AS child, anc.parent::regclass AS parent,
						NOT EXISTS (
							SELECT FROM (VALUES (t.subject_col), (t.cycle_col), (t.author_col),
											 (t.audience_col), (t.shared_col)) v(col)
							JOIN pg_catalog.pg_attribute ca ON ca.attrelid OPERATOR(pg_catalog.=) t.tbl
								 AND ca.attname OPERATOR(pg_catalog.=) v.col
							WHERE v.col IS NOT NULL
							  AND NOT EXISTS (SELECT FROM pg_catalog.pg_attribute pa
											  WHERE pa.attrelid OPERATOR(pg_catalog.=) anc.parent
												AND pa.attname OPERATOR(pg_catalog.=) v.col
												AND pa.atttypid OPERATOR(pg_catalog.=) ca.atttypid
												AND NOT pa.attisdropped)) AS has_cols,
						(SELECT c.relispartition FROM pg_catalog.pg_class c
						 WHERE c.oid OPERATOR(pg_catalog.=) anc.child) AS is_partition
				 FROM anc
				 WHERE NOT EXISTS (SELECT FROM orgacl.protected_table q
								   WHERE q.tbl OPERATOR(pg_catalog.=) anc.parent)
				 ORDER BY anc.parent::regclass::text LOOP
			RETURN QUERY SELECT 'error', r.parent::text,
				format('unprotected ancestor of protected table %s: queried through it, the rows of %s apply no policy',
					   t.tbl, t.tbl),
				CASE WHEN r.has_cols
					 THEN orgacl.protect_call(r.parent, t.kind, t.subject_col, t.cycle_col, t.author_col,
											 t.audience_col, t.shared_col)
					 WHEN r.is_partition
					 THEN format('ALTER TABLE %s DETACH PARTITION %s;', r.parent, r.child)
					 ELSE format('ALTER TABLE %s NO INHERIT %s;', r.child, r.parent) END;
		END LOOP;
		-- Roles that bypass row security and can read the table (any column),
		-- logging in themselves or reachable by SET ROLE from a login.
		-- NB: the bootstrap superuser cannot be demoted, so it is not reported.
		FOR r IN SELECT ro.rolname, ro.rolsuper, ro.rolcanlogin,
						(SELECT string_agg(quote_ident(m.rolname), ', ' ORDER BY m.rolname)
						 FROM pg_catalog.pg_roles m
						 WHERE m.rolcanlogin AND NOT m.rolsuper AND m.oid OPERATOR(pg_catalog.<>) ro.oid
						   AND pg_catalog.pg_has_role(m.oid, ro.oid, 'MEMBER')) AS logins
				 FROM pg_catalog.pg_roles ro
				 WHERE (ro.rolsuper OR ro.rolbypassrls)
				   AND ro.oid OPERATOR(pg_catalog.<>) 10
				   AND pg_catalog.has_any_column_privilege(ro.oid, t.tbl, 'SELECT')
				 ORDER BY ro.rolname LOOP
			CONTINUE WHEN NOT r.rolcanlogin AND r.logins IS NULL;
			RETURN QUERY SELECT 'warning', format('role %I', r.rolname),
				format('bypasses row-level security (%s) and can read %s%s',
					   CASE WHEN r.rolsuper THEN 'superuser' ELSE 'BYPASSRLS' END, t.tbl,
					   CASE WHEN r.rolcanlogin THEN '' ELSE ', through the logins ' || r.logins END),
				format('ALTER ROLE %I %s;', r.rolname, CASE WHEN r.rolsuper THEN 'NOSUPERUSER' ELSE 'NOBYPASSRLS' END);
		END LOOP;
	END LOOP;

	FOR r IN SELECT l.login, l.person FROM orgacl.login_map l
			 JOIN orgacl.person p ON p.id OPERATOR(pg_catalog.=) l.person
			 WHERE NOT p.active ORDER BY l.login LOOP
		RETURN QUERY SELECT 'warning', format('login %I', r.login),
			format('mapped to deactivated person %s: it sees nothing', r.person),
			format('SELECT orgacl.map_login(NULL, %L, NULL);', r.login);
	END LOOP;

	-- A mapping outlives its role (DROP ROLE, ALTER ROLE
	-- RENAME): whoever next creates a role of that name acts as the person.
	FOR r IN SELECT l.login, l.person FROM orgacl.login_map l
			 WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_roles ro
							   WHERE ro.rolname OPERATOR(pg_catalog.=) l.login)
			 ORDER BY l.login LOOP
		RETURN QUERY SELECT 'error', format('login %I', r.login),
			format('mapped to person %s, but no role of that name exists: whoever creates one acts as person %s',
				   r.person, r.person),
			format('SELECT orgacl.map_login(NULL, %L, NULL);', r.login);
	END LOOP;

	supers := (SELECT m.super_roles FROM orgacl.model m
			   WHERE m.name OPERATOR(pg_catalog.=) orgacl.active_model_name());
	IF pg_catalog.cardinality(supers) OPERATOR(pg_catalog.>) 0
	   AND NOT EXISTS (SELECT FROM orgacl.super_holders()) THEN
		candidate := (SELECT min(p.id) FROM orgacl.person p WHERE p.active AND p.manager IS NULL);
		candidate := coalesce(candidate, (SELECT min(p.id) FROM orgacl.person p WHERE p.active));
		RETURN QUERY SELECT 'error', format('model %s', orgacl.active_model_name()),
			format('no active person holds the super role set {%s}: nobody can grant it', array_to_string(supers, ',')),
			CASE WHEN candidate IS NULL
				 THEN 'SELECT orgacl.add_person(NULL, 1); ' ||
					  (SELECT string_agg(format('SELECT orgacl.grant_role(NULL, 1, %L);', s), ' ') FROM unnest(supers) s)
				 ELSE (SELECT string_agg(format('SELECT orgacl.grant_role(NULL, %s, %L);', candidate, s), ' ')
					   FROM unnest(supers) s) END;
	END IF;
END
$$;
COMMENT ON FUNCTION orgacl.lint() IS
	'the DBA''s self-check: each problem with protected tables, bypassing roles, login mappings and the super role set, with the SQL that fixes it';

-- lint() reads the login mappings and role attributes: the system's
REVOKE EXECUTE ON FUNCTION orgacl.lint() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION orgacl.lint() TO orgacl_admin;
