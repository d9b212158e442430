--
-- directory: the directory functions of SPEC section 4 as the system and as
-- acting persons, their errors (SQLSTATE, message, detail) in the order
-- the checks run, re-pathing on reorganisation, and the audit log.
--
SET search_path = orgacl, public;

\i sql/include/try.psql

-- everything below is rolled back at the end, so the files stay independent
BEGIN;

-- a company under tri_role:  1 ── 2 ── 3 ── 4, and 1 ── 5 ── 6
SELECT add_person(NULL, 1), add_person(NULL, 2, 1), add_person(NULL, 3, 2),
       add_person(NULL, 4, 3), add_person(NULL, 5, 1), add_person(NULL, 6, 5);
SELECT grant_role(NULL, 1, 'hr_admin'), grant_role(NULL, 1, 'tech_admin'),
       grant_role(NULL, 5, 'hr_admin'), grant_role(NULL, 6, 'hr_assistant'),
       grant_role(NULL, 2, 'tech_admin');

-- every error, in the order the checks run: arguments, who acts, existence,
-- invariants
SELECT stmt, pg_temp.try(stmt) AS result
FROM unnest(ARRAY[
	-- arguments
	'SELECT orgacl.add_person(NULL, NULL)',
	'SELECT orgacl.add_person(NULL, 0)',
	'SELECT orgacl.add_person(NULL, -7, 1)',
	'SELECT orgacl.create_group(NULL, 9, ''club'', ''chess'')',
	'SELECT orgacl.create_group(NULL, 9, ''team'', NULL)',
	'SELECT orgacl.grant_role(NULL, 4, ''ceo'')',
	'SELECT orgacl.grant_role(NULL, 4, NULL)',
	'SELECT orgacl.create_cycle(NULL, 7, ''memo'')',
	'SELECT orgacl.create_cycle(NULL, 0, ''review'')',
	'SELECT orgacl.use_model(''acme'')',
	'SELECT orgacl.set_option(NULL, ''manager_cascade'', true)',
	'SELECT orgacl.set_option(NULL, ''hr_assistant_can_set_manager'', NULL)',
	-- the acting person lacks the capability (42501), whatever the target
	'SELECT orgacl.add_person(4, 10)',
	'SELECT orgacl.add_person(6, 10, 1)',
	'SELECT orgacl.set_manager(2, 4, 1)',
	'SELECT orgacl.set_manager(4, 999, 1)',
	'SELECT orgacl.deactivate(6, 4)',
	'SELECT orgacl.create_group(4, 9, ''team'', ''ops'')',
	'SELECT orgacl.grant_role(5, 4, ''tech_admin'')',
	'SELECT orgacl.grant_role(2, 4, ''tech_admin'')',
	'SELECT orgacl.revoke_role(5, 1, ''tech_admin'')',
	'SELECT orgacl.create_cycle(2, 7, ''review'')',
	'SELECT orgacl.set_option(6, ''hr_assistant_can_set_manager'', true)',
	'SELECT orgacl.add_person(99, 10)',
	-- existence
	'SELECT orgacl.add_person(NULL, 4)',
	'SELECT orgacl.add_person(NULL, 10, 99)',
	'SELECT orgacl.set_manager(NULL, 99, 1)',
	'SELECT orgacl.set_manager(NULL, 4, 99)',
	'SELECT orgacl.add_manager(NULL, 4, 99)',
	'SELECT orgacl.deactivate(NULL, 99)',
	'SELECT orgacl.add_member(NULL, 99, 4)',
	'SELECT orgacl.grant_role(NULL, 99, ''hr_admin'')',
	'SELECT orgacl.grant_role(NULL, 4, ''hr_admin'', 99)',
	'SELECT orgacl.set_cycle_audience(NULL, 99, ''{hr}'')',
	'SELECT orgacl.delete_cycle(NULL, 99)',
	'SELECT orgacl.map_login(NULL, ''regress_no_such_role'', 4)',
	'SELECT orgacl.map_login(NULL, current_user, 99)',
	-- invariants
	'SELECT orgacl.set_manager(NULL, 1, 4)',
	'SELECT orgacl.set_manager(NULL, 2, 2)',
	'SELECT orgacl.add_manager(NULL, 4, 4)',
	'SELECT orgacl.revoke_role(NULL, 1, ''tech_admin'')',
	'SELECT orgacl.deactivate(NULL, 1)',
	'SELECT orgacl.revoke_role(1, 1, ''hr_admin'')'
]) stmt;

-- the last super holder is protected, but only while they are the last
SELECT grant_role(1, 2, 'hr_admin');
SELECT revoke_role(1, 1, 'tech_admin');
SELECT pg_temp.try('SELECT orgacl.deactivate(1, 2)') AS deactivate_last;
SELECT id FROM super_holders() id;

-- a reorganisation re-paths the whole subtree (5 holds hr_admin, and with
-- it user.change_reporting)
SELECT id, manager, path FROM person ORDER BY path;
SELECT set_manager(5, 3, 5);
SELECT id, manager, path FROM person ORDER BY path;
SELECT set_manager(5, 5, NULL);
SELECT id, manager, path FROM person ORDER BY path;
SELECT set_manager(5, 5, 1);
-- the decisions follow at once: 5 now manages 3 and 4
SELECT can_view(5, 4, artifact('review', audience => '{managers}')) AS new_manager,
       can_view(2, 4, artifact('review', audience => '{managers}')) AS old_manager;

-- adding what exists and removing what is not there are no-ops
SELECT create_group(NULL, 9, 'team', 'ops');
SELECT add_member(NULL, 9, 4), add_member(NULL, 9, 4), remove_member(NULL, 9, 6),
       add_manager(NULL, 4, 6), add_manager(NULL, 4, 6), remove_manager(NULL, 4, 2),
       set_lead(NULL, 9, 6), set_lead(NULL, 9, 6), grant_role(NULL, 6, 'hr_assistant'),
       revoke_role(NULL, 4, 'hr_admin');
SELECT pg_temp.try('SELECT orgacl.create_group(NULL, 10, ''location'', ''berlin'')') AS create_location,
       pg_temp.try('SELECT orgacl.set_lead(NULL, 10, 4)') AS lead_of_location;

-- cycles: the creator owns it, the system creates ownerless ones
SELECT create_cycle(5, 20, 'review', '{subject,owner}'), create_cycle(NULL, 21, 'review');
SELECT id, kind, owner, audience FROM cycle ORDER BY id;
SELECT set_cycle_audience(5, 20, '{subject,hr}'), set_cycle_audience(5, 21, NULL);
SELECT pg_temp.try('SELECT orgacl.delete_cycle(6, 20)') AS assistant_deletes,
       pg_temp.try('SELECT orgacl.delete_cycle(5, 20)') AS admin_deletes;

-- options switch capabilities: HR assistants may pick managers once on
SELECT pg_temp.try('SELECT orgacl.set_manager(6, 4, 5)') AS assistant_before;
SELECT set_option(1, 'hr_assistant_can_set_manager', true);
SELECT pg_temp.try('SELECT orgacl.set_manager(6, 4, 5)') AS assistant_after;
SELECT model, option, enabled FROM option_setting;

-- a person may change their own manager when they hold the capability
SELECT pg_temp.try('SELECT orgacl.set_manager(5, 5, 2)') AS own_manager;

-- use_model refuses while roles it lacks are granted
SELECT pg_temp.try('SELECT orgacl.use_model(''dual_track'')') AS switch_with_grants;

-- the audit log: every real change, in order, with actor, old and new value
SELECT actor, action, target, old_value, new_value FROM audit_log ORDER BY id;
SELECT count(DISTINCT login) AS logins, bool_and(at <= clock_timestamp()) AS timed FROM audit_log;

ROLLBACK;
