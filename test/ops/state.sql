-- test/ops/state.sql: the content of orgacl's directory tables (and the
-- records of protected tables) as sorted text, to compare two databases or
-- one database before and after an event:
--
--   psql -X -q -At -v ON_ERROR_STOP=1 [-v exact=1] -f test/ops/state.sql > state.txt
--
-- Run as a superuser (the audit log is under row security).  Without exact,
-- columns that legitimately differ between two databases that made the
-- same changes are left out: timestamps (granted_at, created_at, at) and
-- the audit log's id (after a crash the sequence jumps ahead; the rows are
-- still listed in id order).  With exact they are included, as a dump and
-- restore must preserve them.

SELECT 'active_model', model FROM orgacl.active_model;
SELECT 'option', model, option, enabled FROM orgacl.option_setting ORDER BY 2, 3;
SELECT 'person', id, manager, active, path FROM orgacl.person ORDER BY id;
SELECT 'person_manager', person, manager FROM orgacl.person_manager ORDER BY 2, 3;
SELECT 'group', id, kind, name FROM orgacl.org_group ORDER BY id;
SELECT 'member', grp, person FROM orgacl.group_member ORDER BY 2, 3;
SELECT 'lead', grp, person FROM orgacl.group_lead ORDER BY 2, 3;
SELECT 'login', login, person FROM orgacl.login_map ORDER BY 2;
SELECT 'protected', tbl::text, kind, subject_col, cycle_col, author_col, audience_col, shared_col,
	   rls_was, force_was, policies
FROM orgacl.protected_table ORDER BY 2;
SELECT 'protected_rls', c.oid::regclass::text, c.relrowsecurity, c.relforcerowsecurity,
	   (SELECT string_agg(p.polname || ':' || p.polcmd::text, ',' ORDER BY p.polname)
		FROM pg_policy p WHERE p.polrelid = c.oid)
FROM orgacl.protected_table t JOIN pg_class c ON c.oid = t.tbl ORDER BY 2;
\if :{?exact}
SELECT 'grant', person, role, scope, granted_by, granted_at FROM orgacl.role_grant ORDER BY 2, 3, 4;
SELECT 'cycle', id, kind, owner, audience, created_at FROM orgacl.cycle ORDER BY id;
SELECT 'audit', id, at, actor, login, action, target, old_value, new_value FROM orgacl.audit_log ORDER BY id;
SELECT 'audit_seq', last_value FROM orgacl.audit_log_id_seq;
\else
SELECT 'grant', person, role, scope, granted_by FROM orgacl.role_grant ORDER BY 2, 3, 4;
SELECT 'cycle', id, kind, owner, audience FROM orgacl.cycle ORDER BY id;
SELECT 'audit', actor, login, action, target, old_value, new_value FROM orgacl.audit_log ORDER BY id;
\endif
