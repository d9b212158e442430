--
-- extension: the objects CREATE EXTENSION orgacl installs, checked from the
-- catalogs (pg_regress has already run CREATE EXTENSION orgacl).
--

-- every operator class is valid for its access method (expect no rows)
SELECT amname, opcname
FROM pg_opclass opc LEFT JOIN pg_am am ON am.oid = opcmethod
WHERE opc.oid >= 16384 AND NOT amvalidate(opc.oid);

-- the extension lives in its own schema and cannot be moved
SELECT e.extname, n.nspname, e.extrelocatable
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname = 'orgacl';

-- every function of the extension has a comment (expect no rows)
SELECT p.oid::regprocedure AS undocumented
FROM pg_depend d JOIN pg_proc p ON p.oid = d.objid
WHERE d.refclassid = 'pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'orgacl')
  AND d.classid = 'pg_proc'::regclass
  AND obj_description(p.oid, 'pg_proc') IS NULL
ORDER BY 1::text;

-- every type, operator and cast of the extension has a comment, too
SELECT t.oid::regtype AS undocumented_type
FROM pg_depend d JOIN pg_type t ON t.oid = d.objid
WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'orgacl')
  AND d.classid = 'pg_type'::regclass
  AND obj_description(t.oid, 'pg_type') IS NULL;

-- every function that reads the model or the directory, with its declared
-- properties: what it is, whether it is strict, parallel safe, security
-- definer, leakproof, and the settings it pins
SELECT p.oid::regprocedure AS function, p.provolatile AS vol, p.proisstrict AS strict,
       p.proparallel AS par, p.prosecdef AS definer, p.proleakproof AS leakproof,
       p.proconfig AS config
FROM pg_depend d JOIN pg_proc p ON p.oid = d.objid
WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'orgacl')
  AND d.classid = 'pg_proc'::regclass AND p.provolatile <> 'i'
ORDER BY 1::text;

-- every SECURITY DEFINER function pins search_path (expect no rows)
SELECT p.oid::regprocedure AS unpinned
FROM pg_depend d JOIN pg_proc p ON p.oid = d.objid
WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'orgacl')
  AND d.classid = 'pg_proc'::regclass AND p.prosecdef
  AND NOT coalesce(p.proconfig @> ARRAY['search_path=pg_catalog, pg_temp'], false);

-- functions PUBLIC may not execute: the internal helpers
SELECT p.oid::regprocedure AS internal
FROM pg_depend d JOIN pg_proc p ON p.oid = d.objid
WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'orgacl')
  AND d.classid = 'pg_proc'::regclass
  AND NOT has_function_privilege('public', p.oid, 'EXECUTE')
ORDER BY 1::text;

-- tables: which the application may read, which keep their rows in a dump
SELECT c.relname, has_table_privilege('public', c.oid, 'SELECT') AS public_select,
       has_table_privilege('public', c.oid, 'INSERT,UPDATE,DELETE,TRUNCATE') AS public_write,
       c.oid = ANY (e.extconfig) AS dumped, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, pg_extension e
WHERE n.nspname = 'orgacl' AND c.relkind = 'r' AND e.extname = 'orgacl'
ORDER BY 1;

-- the operator classes the type offers
SELECT am.amname, opc.opcname, opc.opcdefault
FROM pg_opclass opc JOIN pg_am am ON am.oid = opc.opcmethod
WHERE opc.opcintype = 'orgacl.orgpath'::regtype
ORDER BY 1, 2;

-- the GiST key type exists only inside indexes: no text input (0A000)
SELECT 'x'::orgacl.orgpath_gist;
\set VERBOSITY sqlstate
SELECT 'x'::orgacl.orgpath_gist;
\set VERBOSITY default
