-- test/ops/upgrade.sql: the extension's objects, described one per row so
-- that two databases can be compared with diff (test/ops/upgrade.sh).
--
-- Every member of the extension (pg_depend deptype 'e') with what defines it:
-- a function's full definition, privileges and comment; a table's columns,
-- constraints, indexes, triggers, policies, row-level security flags,
-- privileges and comment; a type's or operator's shape.  Object ids are
-- never printed, so a fresh install and an upgraded one compare equal when,
-- and only when, they define the same things.  Then the extension's
-- configuration-dump list and the model catalog's rows.

\pset format unaligned
\pset tuples_only on

WITH ext AS (
	SELECT oid FROM pg_extension WHERE extname = 'orgacl'
),
members AS (
	SELECT d.classid, d.objid
	FROM pg_depend d, ext
	WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid AND d.deptype = 'e'
),
described AS (
	SELECT pg_describe_object(m.classid, m.objid, 0) AS name,
		CASE m.classid
		WHEN 'pg_proc'::regclass THEN (
			SELECT concat_ws(E'\n',
				CASE WHEN p.prokind = 'a' THEN 'aggregate' ELSE pg_get_functiondef(p.oid) END,
				'acl ' || coalesce(p.proacl::text, 'default'),
				'leakproof ' || p.proleakproof)
			FROM pg_proc p WHERE p.oid = m.objid)
		WHEN 'pg_class'::regclass THEN (
			SELECT concat_ws(E'\n',
				format('kind %s rls %s force %s', c.relkind, c.relrowsecurity, c.relforcerowsecurity),
				'acl ' || coalesce(c.relacl::text, 'default'),
				(SELECT string_agg(format('column %s %s notnull %s default %s', a.attname,
										  format_type(a.atttypid, a.atttypmod), a.attnotnull,
										  pg_get_expr(ad.adbin, ad.adrelid)), E'\n' ORDER BY a.attnum)
				 FROM pg_attribute a
				 LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
				 WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
				(SELECT string_agg(format('constraint %s %s', k.conname, pg_get_constraintdef(k.oid)),
								   E'\n' ORDER BY k.conname)
				 FROM pg_constraint k WHERE k.conrelid = c.oid),
				(SELECT string_agg('index ' || pg_get_indexdef(i.indexrelid), E'\n' ORDER BY 1)
				 FROM pg_index i WHERE i.indrelid = c.oid),
				(SELECT string_agg('trigger ' || pg_get_triggerdef(t.oid), E'\n' ORDER BY t.tgname)
				 FROM pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal),
				(SELECT string_agg(format('policy %s %s %s to %s using %s check %s', p.policyname,
										  p.permissive, p.cmd, p.roles, p.qual, p.with_check),
								   E'\n' ORDER BY p.policyname)
				 FROM pg_policies p WHERE p.schemaname = 'orgacl' AND p.tablename = c.relname))
			FROM pg_class c WHERE c.oid = m.objid)
		WHEN 'pg_type'::regclass THEN (
			SELECT format('type %s len %s byval %s align %s storage %s in %s out %s recv %s send %s',
						  t.typtype, t.typlen, t.typbyval, t.typalign, t.typstorage,
						  t.typinput, t.typoutput, t.typreceive, t.typsend)
			FROM pg_type t WHERE t.oid = m.objid)
		WHEN 'pg_operator'::regclass THEN (
			SELECT format('operator %s commutator %s negator %s restrict %s join %s hashes %s merges %s',
						  o.oprcode::regprocedure, o.oprcom::regoperator, o.oprnegate::regoperator,
						  o.oprrest, o.oprjoin, o.oprcanhash, o.oprcanmerge)
			FROM pg_operator o WHERE o.oid = m.objid)
		WHEN 'pg_event_trigger'::regclass THEN (
			SELECT format('event trigger on %s enabled %s tags %s calls %s',
						  e.evtevent, e.evtenabled, e.evttags, e.evtfoid::regprocedure)
			FROM pg_event_trigger e WHERE e.oid = m.objid)
		END AS definition,
		obj_description(m.objid, (SELECT relname FROM pg_class WHERE oid = m.classid)) AS comment
	FROM members m
)
SELECT concat_ws(E'\n', '### ' || name, definition, 'comment ' || coalesce(comment, '(none)'))
FROM described
ORDER BY name;

-- what pg_dump keeps of the extension's tables
SELECT 'config ' || c::regclass || ' where ' || coalesce(w, '')
FROM pg_extension e,
	 unnest(e.extconfig, e.extcondition) AS x(c, w)
WHERE e.extname = 'orgacl'
ORDER BY 1;

-- the schema's privileges, and the model catalog the presets filled
SELECT 'schema acl ' || nspacl::text FROM pg_namespace WHERE nspname = 'orgacl';
SELECT 'rows ' || t || ' ' || n
FROM (VALUES
	('model', (SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM orgacl.model x)),
	('model_role', (SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM orgacl.model_role x)),
	('model_option', (SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM orgacl.model_option x)),
	('kind', (SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM orgacl.kind x)),
	('kind_default', (SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM orgacl.kind_default x)),
	('model_kind', (SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM orgacl.model_kind x)),
	('model_default', (SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM orgacl.model_default x)),
	('model_capability', (SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM orgacl.model_capability x)),
	('model_cap_rule', (SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM orgacl.model_cap_rule x)),
	('model_grant_rule', (SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM orgacl.model_grant_rule x))
) AS v(t, n)
ORDER BY 1;
