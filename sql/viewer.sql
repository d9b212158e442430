--
-- viewer: who the session acts as.  orgacl.viewer may be set only by roles
-- granted SET on it; otherwise the person mapped to session_user (never
-- current_user) is the viewer.  Also: who may act as which person in the
-- directory functions, and who reads the catalog and the audit log.
--
SET search_path = orgacl, public;

\i sql/include/try.psql

-- roles and grants are rolled back with everything else at the end
BEGIN;
CREATE ROLE regress_orgacl_app;
CREATE ROLE regress_orgacl_analyst;
CREATE ROLE regress_orgacl_nobody;
CREATE ROLE regress_orgacl_sys IN ROLE orgacl_admin;
GRANT regress_orgacl_nobody TO regress_orgacl_analyst;
GRANT regress_orgacl_analyst TO regress_orgacl_app;
GRANT SET ON PARAMETER orgacl.viewer TO regress_orgacl_app;

--   1 ── 2 ── 4 (analyst's person)     1 ── 3 [hr_admin, tech_admin]
SELECT add_person(NULL, 1), add_person(NULL, 2, 1), add_person(NULL, 3, 1), add_person(NULL, 4, 2);
SELECT grant_role(NULL, 3, 'hr_admin'), grant_role(NULL, 3, 'tech_admin');
SELECT map_login(NULL, 'regress_orgacl_analyst', 4);

-- a role without the right cannot set the viewer, by any means
SET SESSION AUTHORIZATION regress_orgacl_nobody;
SELECT stmt, pg_temp.try(stmt) AS result
FROM unnest(ARRAY[
	'SET orgacl.viewer = ''3''',
	'SET LOCAL orgacl.viewer = ''3''',
	'SELECT pg_catalog.set_config(''orgacl.viewer'', ''3'', true)',
	'RESET orgacl.viewer',
	'SET orgacl.viewer TO DEFAULT',
	'SELECT orgacl.current_viewer()'
]) stmt;
RESET SESSION AUTHORIZATION;

-- a role granted SET may: empty means not set; anything but a positive
-- bigint is refused when set
SET SESSION AUTHORIZATION regress_orgacl_app;
SELECT v AS value, pg_temp.try(format('SELECT pg_catalog.set_config(''orgacl.viewer'', %L, true)', v)) AS set,
       current_viewer() AS viewer
FROM unnest(ARRAY['3', '', '0', '-1', 'abc', '1.5', ' 3', '+3', '9223372036854775807',
                  '9223372036854775808', '99999999999999999999', '3']) v;
SELECT current_viewer() AS viewer_after_errors;
-- a transaction-local setting ends with its subtransaction
SAVEPOINT s;
SET LOCAL orgacl.viewer = '2';
SELECT current_viewer() AS local_viewer;
ROLLBACK TO s;
SELECT current_viewer() AS after_rollback;
SELECT set_config('orgacl.viewer', '', true);
-- the app's own login is not mapped: with the setting empty it is nobody
SELECT current_viewer() AS unmapped_app;
RESET SESSION AUTHORIZATION;

-- a mapped login is its person, whatever role it switches to; a member of
-- a mapped role that switches to it is still nobody (session_user decides)
SET SESSION AUTHORIZATION regress_orgacl_analyst;
SELECT current_user, session_user, current_viewer() AS viewer;
SET ROLE regress_orgacl_nobody;
SELECT current_user, session_user, current_viewer() AS viewer;
RESET ROLE;
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION regress_orgacl_app;
SET ROLE regress_orgacl_analyst;
SELECT current_user, session_user, current_viewer() AS viewer;
RESET ROLE;
RESET SESSION AUTHORIZATION;

-- a deactivated person's login is still that person, who sees nothing
SELECT deactivate(NULL, 4);
SET SESSION AUTHORIZATION regress_orgacl_analyst;
SELECT current_viewer() AS viewer, can_view(current_viewer(), 4, artifact('review')) AS sees_own_review;
RESET SESSION AUTHORIZATION;
SELECT reactivate(NULL, 4);

-- acting in the directory: a session acts only as its viewer, and only the
-- system (superusers, orgacl_admin members) acts without one or maps logins
SET SESSION AUTHORIZATION regress_orgacl_analyst;
SELECT stmt, pg_temp.try(stmt) AS result
FROM unnest(ARRAY[
	'SELECT orgacl.grant_role(3, 4, ''hr_admin'')',
	'SELECT orgacl.grant_role(NULL, 4, ''hr_admin'')',
	'SELECT orgacl.grant_role(4, 4, ''hr_admin'')',
	'SELECT orgacl.add_person(4, 5)',
	'SELECT orgacl.map_login(4, ''regress_orgacl_nobody'', 4)',
	'SELECT orgacl.use_model(''dual_track'')',
	-- the catalog is closed to direct reads and writes
	'SELECT count(*) FROM orgacl.person',
	'INSERT INTO orgacl.role_grant (person, role) VALUES (4, ''hr_admin'')',
	'UPDATE orgacl.person SET manager = NULL',
	'DELETE FROM orgacl.login_map',
	'INSERT INTO orgacl.audit_log (action, target) VALUES (''x'', ''y'')',
	-- internal helpers are not callable
	'SELECT orgacl.audit(4, ''grant_role'', ''4'', NULL, NULL)',
	'SELECT orgacl.authorize(NULL, NULL, NULL, ''anything'')',
	'SELECT orgacl.lock_directory()',
	-- the model's vocabulary is public
	'SELECT count(*) FROM orgacl.model_role WHERE model = ''tri_role''',
	-- and the questions are open to all
	'SELECT orgacl.can_view(4, 4, orgacl.artifact(''review''))'
]) stmt;
RESET SESSION AUTHORIZATION;

-- the app acts as whoever it sets
SET SESSION AUTHORIZATION regress_orgacl_app;
SET LOCAL orgacl.viewer = '3';
SELECT pg_temp.try('SELECT orgacl.grant_role(3, 4, ''hr_assistant'')') AS as_viewer_3;
SELECT pg_temp.try('SELECT orgacl.grant_role(1, 4, ''hr_assistant'')') AS as_someone_else;
SELECT set_config('orgacl.viewer', '', true);
RESET SESSION AUTHORIZATION;

-- orgacl_admin members are the system
SET SESSION AUTHORIZATION regress_orgacl_sys;
SELECT pg_temp.try('SELECT orgacl.add_person(NULL, 5, 1)') AS system_adds,
       pg_temp.try('SELECT orgacl.map_login(NULL, ''regress_orgacl_nobody'', 5)') AS system_maps;
RESET SESSION AUTHORIZATION;

-- the audit log: the system reads it all; a viewer only with audit.read
SET SESSION AUTHORIZATION regress_orgacl_analyst;
SELECT count(*) AS rows_without_audit_read FROM audit_log;
RESET SESSION AUTHORIZATION;
SELECT has_capability(3, 'audit.read') AS hr_and_tech_admin_read_audit;
SELECT map_login(NULL, 'regress_orgacl_analyst', 3);
SET SESSION AUTHORIZATION regress_orgacl_analyst;
SELECT current_viewer() AS viewer, count(*) > 0 AS rows_with_audit_read FROM audit_log;
RESET SESSION AUTHORIZATION;
SELECT action, target, CASE WHEN login = current_user THEN '(test runner)' ELSE login::text END AS login
FROM audit_log WHERE action IN ('map_login', 'grant_role', 'add_person') ORDER BY id;

ROLLBACK;
