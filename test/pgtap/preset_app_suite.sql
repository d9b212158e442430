-- test/pgtap/preset_app_suite.sql: the app_suite preset (TINYpulse:
-- Engage, Coach, Onboard, Retention), article
-- ../shared/seeds/001_36c70a99b5dc1644.txt, SPEC sections 5 and 6a.
--
-- Covers: the model's contract (roles, scopes, super set, own roles, no
-- options), the per-app grant rules exactly, the named and directory
-- capabilities, and every article rule about who sees or does what with
-- Engage results (survey_response), Onboard responses (onboard_response),
-- exit data (exit_data) and Coach 1-on-1s, goals and 360 requests; scoped
-- versus global grants, never up the chain, cycle settings superseding
-- roles, cycle and row audiences, visible_subjects and who_can.
--
-- The organisation (primary lines; [roles]; {groups}):
--
--   1 CEO
--   |-- 2 VP Engineering
--   |   |-- 4 Eng manager           [engage_admin]
--   |   |   |-- 8 Tech lead                                 {101,102}
--   |   |   |   `-- 12 Engineer     (additional manager: 6)  {101,102}
--   |   |   |       `-- 14 Intern                           {100,102}
--   |   |   `-- 9 Engineer          [engage_group_viewer @100]  {101}
--   |   `-- 5 Eng manager           [retention_admin]
--   |       `-- 10 Engineer         [coach_admin]           {101}
--   |-- 3 VP Sales                                          {100}
--   |   |-- 6 Sales manager         [engage_group_admin @100]
--   |   |   `-- 11 Sales rep        [onboard_admin]         {100}
--   |   `-- 7 Sales ops             [engage_group_viewer, global]  {100}
--   `-- 13 People ops               [engage_super_admin]
--
--   groups: 100 saved_group "Sales"       = 3, 7, 11, 14
--           101 saved_group "Engineering" = 8, 9, 10, 12
--           102 team "Platform"           = 8, 12, 14
--
-- Six levels (1-2-4-8-12-14), two branches under the CEO.

\set ON_ERROR_STOP true
BEGIN;
\i test/pgtap/include/decide.psql
SET LOCAL search_path = orgacl, public;

SELECT plan(200);

SELECT lives_ok($$ SELECT orgacl.use_model('app_suite') $$, 'use_model(app_suite) loads the preset');

DO $$
BEGIN
	PERFORM orgacl.add_person(NULL, 1);
	PERFORM orgacl.add_person(NULL, 2, 1);
	PERFORM orgacl.add_person(NULL, 3, 1);
	PERFORM orgacl.add_person(NULL, 13, 1);
	PERFORM orgacl.add_person(NULL, 4, 2);
	PERFORM orgacl.add_person(NULL, 5, 2);
	PERFORM orgacl.add_person(NULL, 6, 3);
	PERFORM orgacl.add_person(NULL, 7, 3);
	PERFORM orgacl.add_person(NULL, 8, 4);
	PERFORM orgacl.add_person(NULL, 9, 4);
	PERFORM orgacl.add_person(NULL, 10, 5);
	PERFORM orgacl.add_person(NULL, 11, 6);
	PERFORM orgacl.add_person(NULL, 12, 8);
	PERFORM orgacl.add_person(NULL, 14, 12);
	PERFORM orgacl.add_manager(NULL, 12, 6);

	PERFORM orgacl.create_group(NULL, 100, 'saved_group', 'Sales');
	PERFORM orgacl.create_group(NULL, 101, 'saved_group', 'Engineering');
	PERFORM orgacl.create_group(NULL, 102, 'team', 'Platform');
	PERFORM orgacl.add_member(NULL, 100, p) FROM unnest(ARRAY[3, 7, 11, 14]::bigint[]) AS p;
	PERFORM orgacl.add_member(NULL, 101, p) FROM unnest(ARRAY[8, 9, 10, 12]::bigint[]) AS p;
	PERFORM orgacl.add_member(NULL, 102, p) FROM unnest(ARRAY[8, 12, 14]::bigint[]) AS p;

	PERFORM orgacl.grant_role(NULL, 13, 'engage_super_admin');
	PERFORM orgacl.grant_role(NULL, 4, 'engage_admin');
	PERFORM orgacl.grant_role(NULL, 6, 'engage_group_admin', 100);
	PERFORM orgacl.grant_role(NULL, 7, 'engage_group_viewer');
	PERFORM orgacl.grant_role(NULL, 9, 'engage_group_viewer', 100);
	PERFORM orgacl.grant_role(NULL, 10, 'coach_admin');
	PERFORM orgacl.grant_role(NULL, 11, 'onboard_admin');
	PERFORM orgacl.grant_role(NULL, 5, 'retention_admin');
END
$$;

---------------------------------------------------------------------------
-- SPEC 6a contract: roles, scopes, super set, own roles, options
---------------------------------------------------------------------------

SELECT set_eq(
	$$ SELECT name FROM orgacl.model_role WHERE model = 'app_suite' $$,
	ARRAY['engage_super_admin', 'engage_admin', 'engage_group_admin', 'engage_group_viewer',
		'coach_admin', 'onboard_admin', 'retention_admin'],
	'SPEC 6a: app_suite defines exactly the seven roles');
SELECT is((SELECT super_roles FROM orgacl.model WHERE name = 'app_suite'), '{engage_super_admin}'::text[],
	'SPEC 6a: the super set is {engage_super_admin} ("full access to your TINYpulse account")');
SELECT is((SELECT own_roles FROM orgacl.model WHERE name = 'app_suite'), true,
	'SPEC 6a: own roles may change');
SELECT is_empty($$ SELECT 1 FROM orgacl.model_option WHERE model = 'app_suite' $$,
	'SPEC 6a: app_suite has no options');
SELECT is((SELECT scope || ':' || array_to_string(scope_kinds, ',') FROM orgacl.model_role
	WHERE model = 'app_suite' AND name = 'engage_group_admin'), 'scoped:saved_group',
	'"Group Admins are assigned to ... specific Groups": engage_group_admin is scoped to saved groups');
SELECT is((SELECT scope FROM orgacl.model_role WHERE model = 'app_suite' AND name = 'engage_group_viewer'),
	'either', '"assigned to a specific Saved Group ... or leave the option blank": engage_group_viewer is scoped or global');
SELECT is(orgacl.roles_of(13)::text, '{engage_super_admin}', 'roles_of: the Super Admin');
SELECT is(orgacl.roles_of(9)::text, '{}', 'roles_of lists global roles only: a scoped group viewer has none');
SELECT is(orgacl.roles_of(7)::text, '{engage_group_viewer}', 'roles_of: a group viewer granted without a group holds it globally');
SELECT throws_ok($$ SELECT orgacl.grant_role(NULL, 12, 'engage_group_admin') $$, '22023', NULL,
	'SPEC 6a: engage_group_admin needs a scope');
SELECT throws_ok($$ SELECT orgacl.grant_role(NULL, 12, 'engage_group_admin', 102) $$, '22023', NULL,
	'SPEC 6a: engage_group_admin is scoped to a saved group, not a team');
SELECT throws_ok($$ SELECT orgacl.grant_role(NULL, 12, 'engage_group_admin', 999) $$, '23503', NULL,
	'SPEC 6a: a scope that is no group is 23503');
SELECT throws_ok($$ SELECT orgacl.grant_role(NULL, 12, 'hr_admin') $$, '22023', NULL,
	'a tri_role role does not exist in app_suite');

---------------------------------------------------------------------------
-- Engage results (survey_response): view {subject,hr}, edit {hr}
---------------------------------------------------------------------------

-- "Employee: ... view past Responses"
SELECT is(pg_temp.sees(12, 12, artifact('survey_response')), 'allow',
	'Employee: views their own past Engage responses (can)');
-- managers are not an Engage level: Engage results are not shown to them
SELECT is(pg_temp.sees(8, 12, artifact('survey_response')), 'deny',
	'Engage results are not a manager right: a direct manager without an Engage level cannot view them');
-- "Admin: View and interact with all TINYpulse Engage results"
SELECT is(pg_temp.sees(4, 7, artifact('survey_response')), 'allow',
	'Admin: views all Engage results, here of the other branch (can)');
SELECT is(pg_temp.decision(4, 'edit', 7, artifact('survey_response')), 'allow',
	'Admin: interacts with all Engage results (comments, notes, shareback) (can)');
-- SPEC 3 rule 4a: the admin is 12's skip-level manager, managers are not in the audience
SELECT is(pg_temp.sees(4, 12, artifact('survey_response')), 'deny',
	'Admin who is the subject''s manager: cycle settings supersede roles, managers are not in the audience (cannot)');
SELECT is(pg_temp.sees(4, 2, artifact('survey_response')), 'deny',
	'Admin: never up the chain, not their own manager''s Engage results (cannot)');
SELECT is(pg_temp.deciding_rule(4, 2, artifact('survey_response')), '4b',
	'explain: the Admin is refused their manager''s results by never up the chain (4b)');
SELECT is(pg_temp.deciding_rule(4, 12, artifact('survey_response')), '4a',
	'explain: the Admin is refused their report''s results because cycle settings supersede roles (4a)');
-- "Super Admin: ... All Admin and Receiver permissions"
SELECT is(pg_temp.sees(13, 14, artifact('survey_response')), 'allow',
	'Super Admin: all Admin permissions, views Engage results (can)');
SELECT is(pg_temp.decision(13, 'edit', 14, artifact('survey_response')), 'allow',
	'Super Admin: all Admin permissions, interacts with Engage results (can)');
SELECT is(pg_temp.sees(13, 1, artifact('survey_response')), 'deny',
	'Super Admin: never up the chain, not the CEO''s results (cannot)');
-- "Group Admin: View and interact with ... Engage results only for the Saved Group(s) they have been assigned to"
SELECT is(pg_temp.sees(6, 7, artifact('survey_response')), 'allow',
	'Group Admin: views results of a member of their saved group (can)');
SELECT is(pg_temp.sees(6, 14, artifact('survey_response')), 'allow',
	'Group Admin: views results of a member of their saved group in another branch (can)');
SELECT is(pg_temp.decision(6, 'edit', 14, artifact('survey_response')), 'allow',
	'Group Admin: interacts with results of their saved group (can)');
SELECT is(pg_temp.sees(6, 8, artifact('survey_response')), 'deny',
	'Group Admin: "only for the Saved Group(s) they have been assigned to", not outside it (cannot)');
SELECT is(pg_temp.decision(6, 'edit', 8, artifact('survey_response')), 'deny',
	'Group Admin: no interaction outside their saved group (cannot)');
SELECT is(pg_temp.sees(6, 3, artifact('survey_response')), 'deny',
	'Group Admin: never up the chain, even for a member of their group (cannot)');
SELECT is(pg_temp.sees(6, 11, artifact('survey_response')), 'deny',
	'Group Admin: their own direct report''s results, hidden from managers, stay hidden (cannot)');
-- "Group Viewer: View feedback for specific Saved Group ... Access is view-only"
SELECT is(pg_temp.sees(9, 7, artifact('survey_response')), 'allow',
	'Group Viewer (scoped): views feedback of their saved group (can)');
SELECT is(pg_temp.decision(9, 'edit', 7, artifact('survey_response')), 'deny',
	'Group Viewer: "No access to interact with feedback" (cannot)');
SELECT is(pg_temp.sees(9, 10, artifact('survey_response')), 'deny',
	'Group Viewer (scoped): nothing outside their saved group (cannot)');
-- "... or leave the option blank to give access to view all Engage survey feedback"
SELECT is(pg_temp.sees(7, 12, artifact('survey_response')), 'allow',
	'Group Viewer (global): views feedback of the entire organization (can)');
SELECT is(pg_temp.decision(7, 'edit', 12, artifact('survey_response')), 'deny',
	'Group Viewer (global): "Access is view-only" (cannot)');
SELECT is(pg_temp.sees(7, 3, artifact('survey_response')), 'deny',
	'Group Viewer (global): never up the chain (cannot)');
-- Coach admin is another app's admin
SELECT is(pg_temp.sees(10, 7, artifact('survey_response')), 'deny',
	'Coach Admin holds no Engage level: no Engage results (cannot)');
-- "View Engage and Cheers data for the entire organization on the Organization Health report"
SELECT is(pg_temp.decision(7, 'aggregate', 12, artifact('survey_response')), 'allow',
	'Organization Health report: an Engage level aggregates results (can)');
SELECT is(pg_temp.decision(14, 'aggregate', 9, artifact('survey_response')), 'deny',
	'Organization Health report: an employee does not (cannot)');
-- "Employee: Respond to the Engage survey, send Cheers, and give suggestions"
SELECT is(pg_temp.decision(12, 'create', 12, artifact('survey_response')), 'allow',
	'Employee: responds to the Engage survey (can)');
SELECT is(pg_temp.decision(8, 'create', 12, artifact('survey_response')), 'deny',
	'Employee: nobody responds on someone else''s behalf (cannot)');
-- "Employee Portal to view all Suggestions ... (subject to the setting)": a row published to the portal
SELECT is(pg_temp.sees(14, 7, artifact('survey_response', NULL, NULL, '{public,hr}')), 'allow',
	'Employee Portal: a suggestion published to everyone is seen by any employee (can)');
SELECT is(pg_temp.sees(14, 7, artifact('survey_response')), 'deny',
	'Employee Portal: an unpublished response is not (cannot)');
SELECT is(pg_temp.sees(13, 14, artifact('survey_response', NULL, NULL, '{}')), 'deny',
	'SPEC 3: an empty row audience lets nobody in, not even the Super Admin');
-- other kinds: the article has no reviews
SELECT is(pg_temp.sees(13, 14, artifact('review')), 'deny',
	'app_suite has no reviews: a review row is seen by nobody (preset''s choice)');

---------------------------------------------------------------------------
-- Onboard (onboard_response): view {subject,direct_manager,hr}
---------------------------------------------------------------------------

-- "Manager: Access to view responses in the Onboard Responses module for their direct reports only"
SELECT is(pg_temp.sees(8, 12, artifact('onboard_response')), 'allow',
	'Onboard Manager: views their direct report''s Onboard responses (can)');
SELECT is(pg_temp.sees(4, 12, artifact('onboard_response')), 'deny',
	'Onboard Manager: "for their direct reports only", not a skip-level report (cannot)');
SELECT is(pg_temp.sees(6, 12, artifact('onboard_response')), 'allow',
	'Onboard Manager: an additional manager counts as a direct manager (can)');
SELECT is(pg_temp.sees(3, 12, artifact('onboard_response')), 'deny',
	'Onboard Manager: the additional manager''s own manager gains nothing (cannot)');
-- "If there are managers who never have direct reports ... will never have access to Onboard"
SELECT is(pg_temp.sees(9, 12, artifact('onboard_response')), 'deny',
	'Onboard: someone without direct reports (a peer) has no access (cannot)');
-- "Employee: ... view their past responses"
SELECT is(pg_temp.sees(12, 12, artifact('onboard_response')), 'allow',
	'Onboard Employee: views their own past responses (can)');
-- "Onboard Admin: View all Onboard survey responses"
SELECT is(pg_temp.sees(11, 12, artifact('onboard_response')), 'allow',
	'Onboard Admin: views all Onboard responses, here in another branch (can)');
SELECT is(pg_temp.sees(11, 3, artifact('onboard_response')), 'deny',
	'Onboard Admin: never up the chain (cannot)');
SELECT is(pg_temp.sees(13, 12, artifact('onboard_response')), 'deny',
	'Onboard: the Engage Super Admin has no Onboard access (cannot)');
-- "full access to the Dashboard"; managers get "dashboard access"
SELECT is(pg_temp.decision(11, 'aggregate', 12, artifact('onboard_response')), 'allow',
	'Onboard Admin: dashboard and Organization Health report for everyone (can)');
SELECT is(pg_temp.decision(8, 'aggregate', 12, artifact('onboard_response')), 'allow',
	'Onboard Manager: dashboard of their direct reports (can)');
SELECT is(pg_temp.decision(4, 'aggregate', 12, artifact('onboard_response')), 'deny',
	'Onboard Manager: no dashboard for skip-level reports (cannot)');
-- "Employee: Receive and respond to Onboard pulse surveys"
SELECT is(pg_temp.decision(12, 'create', 12, artifact('onboard_response')), 'allow',
	'Onboard Employee: responds to their own pulses (can)');
SELECT is(pg_temp.decision(8, 'create', 12, artifact('onboard_response')), 'deny',
	'Onboard Manager: "No access" to respond for a report (cannot)');

---------------------------------------------------------------------------
-- Retention (exit_data): view {hr}, create {direct_manager,managers,hr}
---------------------------------------------------------------------------

-- "Retention Admin: Grants full access to view insights on the TINYpulse Retention dashboard"
SELECT is(pg_temp.sees(5, 12, artifact('exit_data')), 'allow',
	'Retention Admin: views exit data (can)');
SELECT is(pg_temp.sees(5, 10, artifact('exit_data')), 'deny',
	'Retention Admin: exit data hides from managers, so not their own report''s (cycle settings supersede roles) (cannot)');
SELECT is(pg_temp.deciding_rule(5, 10, artifact('exit_data')), '4a',
	'explain: the Retention Admin is refused their own report''s exit data by rule 4a');
SELECT is(pg_temp.sees(5, 2, artifact('exit_data')), 'deny',
	'Retention Admin: never up the chain (cannot)');
-- "No Access: No access to view the Retention dashboard"
SELECT is(pg_temp.sees(8, 12, artifact('exit_data')), 'deny',
	'No Access: a manager cannot view exit data (cannot)');
SELECT is(pg_temp.sees(13, 12, artifact('exit_data')), 'deny',
	'No Access: the Engage Super Admin cannot view exit data (cannot)');
-- "... but Admins and Managers of other apps can enter exit data for employees who have left the company"
SELECT is(pg_temp.decision(8, 'create', 12, artifact('exit_data')), 'allow',
	'Managers enter exit data: the direct manager (can)');
SELECT is(pg_temp.decision(4, 'create', 12, artifact('exit_data')), 'allow',
	'Managers enter exit data: an indirect manager (can)');
SELECT is(pg_temp.decision(10, 'create', 7, artifact('exit_data')), 'allow',
	'Admins of other apps enter exit data: Coach Admin (can)');
SELECT is(pg_temp.decision(11, 'create', 12, artifact('exit_data')), 'allow',
	'Admins of other apps enter exit data: Onboard Admin (can)');
SELECT is(pg_temp.decision(13, 'create', 12, artifact('exit_data')), 'allow',
	'Admins of other apps enter exit data: Engage Super Admin (can)');
SELECT is(pg_temp.decision(5, 'create', 12, artifact('exit_data')), 'allow',
	'The Retention Admin enters exit data too (can)');
SELECT is(pg_temp.decision(6, 'create', 14, artifact('exit_data')), 'allow',
	'Admins of other apps: an Engage Group Admin, within their saved group (can)');
SELECT is(pg_temp.decision(6, 'create', 9, artifact('exit_data')), 'deny',
	'Admins of other apps: an Engage Group Admin, outside their saved group (cannot)');
SELECT is(pg_temp.decision(9, 'create', 7, artifact('exit_data')), 'deny',
	'Group Viewer: "Access is view-only", no exit data entry (cannot)');
SELECT is(pg_temp.decision(7, 'create', 12, artifact('exit_data')), 'deny',
	'Group Viewer (global): no exit data entry (cannot)');
SELECT is(pg_temp.decision(14, 'create', 9, artifact('exit_data')), 'deny',
	'Employee without reports or admin level: no exit data entry (cannot)');
SELECT is(pg_temp.decision(10, 'create', 10, artifact('exit_data')), 'deny',
	'Nobody enters their own exit data, not even an admin (cannot)');
SELECT is(pg_temp.decision(10, 'create', 5, artifact('exit_data')), 'deny',
	'An admin does not enter their own manager''s exit data (never up the chain) (cannot)');
-- "View Retention data for the entire organization on the Organization Health report"
SELECT is(pg_temp.decision(5, 'aggregate', 7, artifact('exit_data')), 'allow',
	'Retention Admin: Retention data on the Organization Health report (can)');
SELECT is(pg_temp.decision(4, 'aggregate', 7, artifact('exit_data')), 'deny',
	'Engage Admin: no Retention data on the Organization Health report (cannot)');
SELECT is(pg_temp.decision(5, 'edit', 12, artifact('exit_data')), 'deny',
	'Retention Admin: "view insights" only, exit data is not edited (preset''s choice) (cannot)');

---------------------------------------------------------------------------
-- Coach: 1-on-1s, goals, 360 requests
---------------------------------------------------------------------------

-- "Manager: Create and view 1-on-1s for their direct reports"
SELECT is(pg_temp.sees(8, 12, artifact('one_on_one')), 'allow',
	'Coach Manager: views 1-on-1s of a direct report (can)');
SELECT is(pg_temp.sees(4, 12, artifact('one_on_one')), 'deny',
	'Coach Manager: not of a skip-level report (cannot)');
SELECT is(pg_temp.sees(6, 12, artifact('one_on_one')), 'allow',
	'Coach Manager: an additional manager is a direct manager (can)');
SELECT is(pg_temp.sees(12, 12, artifact('one_on_one')), 'allow',
	'Coach Employee: sees their own 1-on-1s (can)');
SELECT is(pg_temp.sees(10, 12, artifact('one_on_one')), 'deny',
	'Coach Admin: sets up 1-on-1s and sees reports, not 1-on-1 content (cannot)');
SELECT is(pg_temp.decision(8, 'create', 12, artifact('one_on_one')), 'allow',
	'Coach Manager: creates 1-on-1s for a direct report (can)');
SELECT is(pg_temp.decision(4, 'create', 12, artifact('one_on_one')), 'deny',
	'Coach Manager: not for a skip-level report (cannot)');
-- "Coach Admin: Set up 1-on-1s and assign managers for their users"
SELECT is(pg_temp.decision(10, 'create', 12, artifact('one_on_one')), 'allow',
	'Coach Admin: sets up 1-on-1s for users (can)');
SELECT is(pg_temp.decision(12, 'create', 12, artifact('one_on_one')), 'deny',
	'Coach Employee: responds to 1-on-1s but does not create them (cannot)');
-- "Employee: Respond to 1-on-1 surveys"
SELECT is(pg_temp.decision(12, 'edit', 12, artifact('one_on_one')), 'allow',
	'Coach Employee: responds to their 1-on-1 (can)');
SELECT is(pg_temp.decision(10, 'edit', 12, artifact('one_on_one')), 'deny',
	'Coach Admin: does not fill in someone''s 1-on-1 (cannot)');
-- "Coach Admin: View the Admin-only reports"
SELECT is(pg_temp.decision(10, 'aggregate', 12, artifact('one_on_one')), 'allow',
	'Coach Admin: Admin-only reports on 1-on-1s (can)');
SELECT is(pg_temp.decision(9, 'aggregate', 12, artifact('one_on_one')), 'deny',
	'Coach Admin-only reports: not for an employee (cannot)');
SELECT is(pg_temp.decision(10, 'aggregate', 12, artifact('objective')), 'allow',
	'Coach Admin: Admin-only reports on goals (can)');
SELECT is(pg_temp.decision(4, 'aggregate', 12, artifact('objective')), 'deny',
	'Coach Admin-only reports: not for an Engage Admin (cannot)');
-- "Employee: Set personal Goals"; "Manager: Set Goals for their direct reports"
SELECT is(pg_temp.decision(12, 'create', 12, artifact('objective')), 'allow',
	'Coach Employee: sets personal goals (can)');
SELECT is(pg_temp.decision(8, 'create', 12, artifact('objective')), 'allow',
	'Coach Manager: sets goals for a direct report (can)');
SELECT is(pg_temp.decision(4, 'create', 12, artifact('objective')), 'deny',
	'Coach Manager: not for a skip-level report (cannot)');
SELECT is(pg_temp.decision(9, 'create', 12, artifact('objective')), 'deny',
	'Coach: a peer sets no goals for another employee (cannot)');
SELECT is(pg_temp.sees(8, 12, artifact('objective')), 'allow',
	'Coach Manager: sees the goals of a direct report (can)');
SELECT is(pg_temp.sees(9, 12, artifact('objective')), 'deny',
	'Coach: a peer does not see another employee''s goals (cannot)');
SELECT is(pg_temp.sees(10, 12, artifact('objective')), 'deny',
	'Coach Admin: reports, not goal content (cannot)');
-- "Employee: Request 360 feedback for themselves"; "Manager: Request ... 360 feedback for direct reports"
SELECT is(pg_temp.decision(12, 'create', 12, artifact('feedback_360')), 'allow',
	'Coach Employee: requests 360 feedback for themselves (can)');
SELECT is(pg_temp.decision(8, 'create', 12, artifact('feedback_360')), 'allow',
	'Coach Manager: requests 360 feedback for a direct report (can)');
SELECT is(pg_temp.decision(9, 'create', 12, artifact('feedback_360')), 'deny',
	'Coach: a peer cannot request 360 feedback about someone else (cannot)');
SELECT is(pg_temp.sees(9, 12, artifact('feedback_360', NULL, 9)), 'allow',
	'Coach 360: the author of an answer sees it (can)');
SELECT is(pg_temp.sees(9, 12, artifact('feedback_360', NULL, 14)), 'deny',
	'Coach 360: someone else''s answer is not shown to a peer (cannot)');

---------------------------------------------------------------------------
-- capabilities
---------------------------------------------------------------------------

-- "Create and manage API keys" (Super Admin only)
SELECT ok(orgacl.has_capability(13, 'engage.api_keys'), 'Super Admin: creates and manages API keys (can)');
SELECT ok(NOT orgacl.has_capability(4, 'engage.api_keys'), 'Admin: no API keys (cannot)');
-- "Full access to TINYpulse account (billing, invoices, ...)"
SELECT ok(orgacl.has_capability(13, 'admin.billing'), 'Super Admin: billing and invoices (can)');
SELECT ok(NOT orgacl.has_capability(4, 'admin.billing'), 'Admin: no billing (cannot)');
-- "Adjust organization-wide Engage settings like the Employee Portal, survey cadence"
SELECT ok(orgacl.has_capability(4, 'engage.settings'), 'Admin: organization-wide Engage settings (can)');
SELECT ok(NOT orgacl.has_capability(6, 'engage.settings', 7), 'Group Admin: no Engage settings, even in their group (cannot)');
-- "View the full Organization Hierarchy"
SELECT ok(orgacl.has_capability(13, 'engage.org_hierarchy'), 'Super Admin: views the full Organization Hierarchy (can)');
SELECT ok(NOT orgacl.has_capability(7, 'engage.org_hierarchy'), 'Group Viewer: not the full Organization Hierarchy (cannot)');
-- "Create saved custom questions and templates in 360" (Coach Admin, Coach Manager)
SELECT ok(orgacl.has_capability(10, 'coach.templates'), 'Coach Admin: creates 360 templates (can)');
SELECT ok(orgacl.has_capability(8, 'coach.templates'), 'Coach Manager (has a direct report): creates 360 templates (can)');
SELECT ok(NOT orgacl.has_capability(9, 'coach.templates'), 'Coach Employee (no direct report): no 360 templates (cannot)');
-- scoped versus global (SPEC 6a)
SELECT ok(NOT orgacl.has_capability(6, 'survey_response.edit'), 'has_capability without a subject counts global grants only: Group Admin');
SELECT ok(orgacl.has_capability(6, 'survey_response.edit', 7), 'has_capability with a subject in the Group Admin''s saved group (can)');
SELECT ok(NOT orgacl.has_capability(6, 'survey_response.edit', 8), 'has_capability with a subject outside the saved group (cannot)');
SELECT ok(orgacl.has_capability(7, 'survey_response.view'), 'Group Viewer without a group: the whole organisation (global)');
SELECT ok(NOT orgacl.has_capability(9, 'survey_response.view'), 'Group Viewer with a group: no global view');
-- "Manage TINYpulse surveys" (Admin); Group levels: "No access to ... manage ... surveys"
SELECT ok(orgacl.has_capability(4, 'survey_response.create_cycle'), 'Admin: manages surveys (can)');
SELECT ok(NOT orgacl.has_capability(6, 'survey_response.create_cycle', 7), 'Group Admin: does not manage surveys (cannot)');
SELECT ok(NOT orgacl.has_capability(13, 'onboard_response.view'), 'Engage Super Admin: no Onboard rights (apps are separate)');
SELECT ok(NOT orgacl.has_capability(11, 'user.change_reporting'), 'Onboard Admin: adds users but assigns no managers');
SELECT throws_ok($$ SELECT orgacl.has_capability(4, 'admin.integrations') $$, '22023', NULL,
	'SPEC 6a: a capability outside the app_suite vocabulary is 22023');

---------------------------------------------------------------------------
-- visible_subjects / who_can
---------------------------------------------------------------------------

SELECT set_eq($$ SELECT * FROM orgacl.who_can(12, orgacl.artifact('onboard_response')) $$,
	ARRAY[12, 8, 6, 11]::bigint[],
	'who_can: 12''s Onboard responses are seen by 12, the direct and the additional manager, and the Onboard Admin');
SELECT set_eq($$ SELECT * FROM orgacl.visible_subjects(9, orgacl.artifact('survey_response')) $$,
	ARRAY[3, 7, 9, 11, 14]::bigint[],
	'visible_subjects: a scoped Group Viewer sees their saved group and themselves');
SELECT set_eq($$ SELECT * FROM orgacl.visible_subjects(5, orgacl.artifact('exit_data')) $$,
	ARRAY[3, 4, 6, 7, 8, 9, 11, 12, 13, 14]::bigint[],
	'visible_subjects: the Retention Admin sees exit data of all but themselves, their report and their managers');
SELECT set_eq($$ SELECT * FROM orgacl.who_can(7, orgacl.artifact('survey_response'), 'edit') $$,
	ARRAY[4, 6, 13]::bigint[],
	'who_can edit: Admin, the Group Admin of 7''s saved group, the Super Admin; not the Group Viewers');
SELECT set_eq($$ SELECT * FROM orgacl.who_can(12, orgacl.artifact('exit_data'), 'create') $$,
	ARRAY[1, 2, 4, 5, 6, 8, 10, 11, 13]::bigint[],
	'who_can create exit data: 12''s managers (with the additional one) and the admins of every app');

---------------------------------------------------------------------------
-- grant rules (SPEC 6a Rule: per app; only engage_super_admin grants it)
---------------------------------------------------------------------------

-- "You must have Super Admin or Admin permissions in the TINYpulse module in which you want to grant permissions"
SELECT lives_ok($$ SELECT orgacl.grant_role(13, 8, 'engage_super_admin') $$,
	'Engage Super Admin grants engage_super_admin');
SELECT lives_ok($$ SELECT orgacl.revoke_role(13, 8, 'engage_super_admin') $$,
	'Engage Super Admin revokes engage_super_admin');
SELECT throws_ok($$ SELECT orgacl.grant_role(4, 8, 'engage_super_admin') $$, '42501', NULL,
	'only engage_super_admin grants engage_super_admin: not an Engage Admin');
SELECT lives_ok($$ SELECT orgacl.grant_role(4, 8, 'engage_admin') $$,
	'Engage Admin: "grant permissions to Engage" (engage_admin)');
SELECT lives_ok($$ SELECT orgacl.revoke_role(4, 8, 'engage_admin') $$,
	'Engage Admin revokes engage_admin');
SELECT lives_ok($$ SELECT orgacl.grant_role(4, 12, 'engage_group_viewer', 101) $$,
	'Engage Admin grants engage_group_viewer on a saved group');
SELECT lives_ok($$ SELECT orgacl.revoke_role(4, 12, 'engage_group_viewer', 101) $$,
	'Engage Admin revokes engage_group_viewer');
SELECT lives_ok($$ SELECT orgacl.grant_role(13, 12, 'engage_group_admin', 101) $$,
	'Engage Super Admin grants engage_group_admin');
SELECT lives_ok($$ SELECT orgacl.revoke_role(4, 12, 'engage_group_admin', 101) $$,
	'Engage Admin revokes engage_group_admin');
SELECT throws_ok($$ SELECT orgacl.grant_role(13, 12, 'coach_admin') $$, '42501', NULL,
	'nobody grants outside their app: the Engage Super Admin cannot grant coach_admin');
SELECT throws_ok($$ SELECT orgacl.grant_role(13, 12, 'retention_admin') $$, '42501', NULL,
	'nobody grants outside their app: the Engage Super Admin cannot grant retention_admin');
SELECT throws_ok($$ SELECT orgacl.grant_role(4, 12, 'onboard_admin') $$, '42501', NULL,
	'nobody grants outside their app: the Engage Admin cannot grant onboard_admin');
-- "Coach Admin: ... grant Coach access to any user"
SELECT lives_ok($$ SELECT orgacl.grant_role(10, 12, 'coach_admin') $$, 'Coach Admin grants coach_admin');
SELECT lives_ok($$ SELECT orgacl.revoke_role(10, 12, 'coach_admin') $$, 'Coach Admin revokes coach_admin');
SELECT throws_ok($$ SELECT orgacl.grant_role(10, 12, 'engage_group_viewer') $$, '42501', NULL,
	'Coach Admin cannot grant an Engage level');
-- "Onboard Admin: Full access to grant permissions to the Onboard application"
SELECT lives_ok($$ SELECT orgacl.grant_role(11, 12, 'onboard_admin') $$, 'Onboard Admin grants onboard_admin');
SELECT lives_ok($$ SELECT orgacl.revoke_role(11, 12, 'onboard_admin') $$, 'Onboard Admin revokes onboard_admin');
SELECT throws_ok($$ SELECT orgacl.grant_role(11, 12, 'retention_admin') $$, '42501', NULL,
	'Onboard Admin cannot grant a Retention level');
-- Retention: admin of that module
SELECT lives_ok($$ SELECT orgacl.grant_role(5, 12, 'retention_admin') $$, 'Retention Admin grants retention_admin');
SELECT lives_ok($$ SELECT orgacl.revoke_role(5, 12, 'retention_admin') $$, 'Retention Admin revokes retention_admin');
SELECT throws_ok($$ SELECT orgacl.grant_role(5, 12, 'coach_admin') $$, '42501', NULL,
	'Retention Admin cannot grant a Coach level');
-- the group levels grant nothing
SELECT throws_ok($$ SELECT orgacl.grant_role(6, 12, 'engage_group_viewer', 100) $$, '42501', NULL,
	'Group Admin grants nothing, not even in their saved group');
SELECT throws_ok($$ SELECT orgacl.revoke_role(6, 9, 'engage_group_viewer', 100) $$, '42501', NULL,
	'Group Admin revokes nothing');
SELECT throws_ok($$ SELECT orgacl.grant_role(7, 12, 'engage_group_viewer') $$, '42501', NULL,
	'Group Viewer grants nothing');
SELECT throws_ok($$ SELECT orgacl.grant_role(14, 12, 'engage_group_viewer') $$, '42501', NULL,
	'an employee grants nothing');
SELECT throws_ok($$ SELECT orgacl.revoke_role(4, 13, 'engage_super_admin') $$, '42501', NULL,
	'Engage Admin cannot revoke the Super Admin (42501 before any last-holder check)');
-- SPEC 6a: own roles may change
SELECT lives_ok($$ SELECT orgacl.grant_role(4, 4, 'engage_group_viewer') $$,
	'own roles: an Engage Admin grants themselves an Engage level');
SELECT lives_ok($$ SELECT orgacl.revoke_role(4, 4, 'engage_group_viewer') $$,
	'own roles: and revokes it again');
-- SPEC 6a Scopes: a role not marked scoped may also be granted scoped
SELECT lives_ok($$ SELECT orgacl.grant_role(5, 9, 'retention_admin', 100) $$,
	'SPEC 6a: retention_admin granted scoped to a saved group');
SELECT is(pg_temp.sees(9, 7, artifact('exit_data')), 'allow',
	'a scoped Retention Admin views exit data inside the group (can)');
SELECT is(pg_temp.sees(9, 12, artifact('exit_data')), 'deny',
	'a scoped Retention Admin views no exit data outside the group (cannot)');
-- the last holder of the super set
SELECT throws_ok($$ SELECT orgacl.revoke_role(13, 13, 'engage_super_admin') $$, '23514', NULL,
	'the last engage_super_admin cannot be revoked');
SELECT lives_ok($$ SELECT orgacl.grant_role(13, 7, 'engage_super_admin', 100) $$,
	'engage_super_admin granted scoped to a saved group');
SELECT throws_ok($$ SELECT orgacl.revoke_role(13, 13, 'engage_super_admin') $$, '23514', NULL,
	'SPEC 6a: the super set counts only when held globally, so 13 is still the last holder');
SELECT throws_ok($$ SELECT orgacl.deactivate(4, 13) $$, '23514', NULL,
	'the last engage_super_admin cannot be deactivated');

---------------------------------------------------------------------------
-- directory and cycles
---------------------------------------------------------------------------

-- "Add new users to TINYpulse, modify user accounts" (Admin); "Manage direct reports: only Admin or Super Admin"
SELECT lives_ok($$ SELECT orgacl.add_person(4, 30, 14) $$, 'Engage Admin adds a user with a manager');
-- "Onboard Admin: Ability to add new users to TINYpulse"
SELECT lives_ok($$ SELECT orgacl.add_person(11, 31) $$, 'Onboard Admin adds a user');
SELECT throws_ok($$ SELECT orgacl.add_person(11, 32, 14) $$, '42501', NULL,
	'Onboard Admin adds users but does not set their manager');
SELECT throws_ok($$ SELECT orgacl.add_person(6, 32) $$, '42501', NULL,
	'Group Admin: "No access to add users to TINYpulse"');
SELECT throws_ok($$ SELECT orgacl.add_person(9, 32) $$, '42501', NULL,
	'Group Viewer: "No access to add users to TINYpulse"');
-- "Coach Admin: ... assign managers for their users"
SELECT lives_ok($$ SELECT orgacl.set_manager(10, 31, 10) $$, 'Coach Admin assigns a manager');
SELECT throws_ok($$ SELECT orgacl.set_manager(9, 31, 9) $$, '42501', NULL,
	'Group Viewer: "no access to add new direct reports"');
SELECT throws_ok($$ SELECT orgacl.add_manager(6, 31, 6) $$, '42501', NULL,
	'Group Admin: "no access to add new direct reports"');
SELECT throws_ok($$ SELECT orgacl.set_manager(8, 12, 9) $$, '42501', NULL,
	'a manager cannot change their direct reports'' profiles');
-- "Manage Saved Groups and Attributes" (Admin); group levels: "No access to ... manage Saved Groups"
SELECT lives_ok($$ SELECT orgacl.create_group(4, 103, 'saved_group', 'Support') $$,
	'Engage Admin manages saved groups');
SELECT throws_ok($$ SELECT orgacl.create_group(6, 104, 'saved_group', 'Mine') $$, '42501', NULL,
	'Group Admin: no access to manage saved groups');
SELECT throws_ok($$ SELECT orgacl.add_member(7, 100, 12) $$, '42501', NULL,
	'Group Viewer: no access to manage saved groups');
-- "modify user accounts"
SELECT lives_ok($$ SELECT orgacl.deactivate(10, 31) $$, 'Coach Admin modifies (deactivates) a user account');
SELECT throws_ok($$ SELECT orgacl.deactivate(7, 30) $$, '42501', NULL,
	'Group Viewer cannot deactivate a user');
-- "Manage TINYpulse surveys"
SELECT lives_ok($$ SELECT orgacl.create_cycle(4, 500, 'survey_response') $$, 'Engage Admin creates a survey');
SELECT throws_ok($$ SELECT orgacl.create_cycle(6, 501, 'survey_response') $$, '42501', NULL,
	'Group Admin: no access to manage surveys');
SELECT throws_ok($$ SELECT orgacl.create_cycle(9, 501, 'survey_response') $$, '42501', NULL,
	'Group Viewer: no access to manage surveys');
-- "Coach Admin: Set up 1-on-1s"
SELECT lives_ok($$ SELECT orgacl.create_cycle(10, 510, 'one_on_one') $$, 'Coach Admin sets up a 1-on-1 series');
SELECT throws_ok($$ SELECT orgacl.create_cycle(4, 511, 'one_on_one') $$, '42501', NULL,
	'Engage Admin does not set up Coach 1-on-1s');
-- a survey's audience overrides the default for reading, never for writing
SELECT is(pg_temp.sees(4, 7, artifact('survey_response', 500)), 'allow',
	'a survey created without audience falls back to the default: the Admin sees it');
SELECT lives_ok($$ SELECT orgacl.set_cycle_audience(4, 500, '{subject}') $$,
	'Engage Admin restricts a survey''s audience to the respondents');
SELECT throws_ok($$ SELECT orgacl.set_cycle_audience(6, 500, '{subject,hr}') $$, '42501', NULL,
	'Group Admin cannot change a survey''s settings');
SELECT is(pg_temp.sees(4, 7, artifact('survey_response', 500)), 'deny',
	'cycle audience without hr: the Admin no longer reads that survey''s responses (cannot)');
SELECT is(pg_temp.sees(7, 7, artifact('survey_response', 500)), 'allow',
	'cycle audience {subject}: the respondent still does (can)');
SELECT is(pg_temp.decision(4, 'edit', 7, artifact('survey_response', 500)), 'allow',
	'a cycle narrows who reads, never who writes: the Admin still interacts (can)');
SELECT is(pg_temp.sees(4, 7, artifact('survey_response', 999)), 'deny',
	'an unknown survey id is denied');
-- SPEC 3 rule 1: a deactivated viewer sees nothing
SELECT lives_ok($$ SELECT orgacl.deactivate(4, 7) $$, 'Engage Admin deactivates the global Group Viewer');
SELECT is(pg_temp.sees(7, 12, artifact('survey_response')), 'deny',
	'a deactivated Group Viewer sees nothing (cannot)');
SELECT is(pg_temp.sees(4, 7, artifact('survey_response')), 'allow',
	'a deactivated person''s results stay visible to the Admin (can)');

SELECT * FROM finish();
ROLLBACK;

-- Not expressible (article rules the engine has no object for):
-- - "View employee profiles of direct reports (no access to ... edit existing
--   direct reports' profiles)": profiles are not artifacts; only the refusal
--   to change reporting lines is tested.
-- - "Employee Portal ... (all of these options are subject to the setting the
--   Super Admin and Admin have set)": portal settings are a product setting,
--   not a model option; a published suggestion is modelled as a row whose
--   audience includes public.
-- - "Manage ... Attributes", "survey cadence", "system timezone", "gift card
--   transactions": product settings, reduced to the named capabilities
--   engage.settings / admin.billing / admin.options.
-- - "Onboard menu item appears in the top navigation": UI only.
-- - Onboard "Manager: permissions are granted automatically when an employee
--   is assigned one or more direct reports ... set up to receive Onboard
--   surveys": whether a report is in the Onboard flow is not modelled; every
--   direct manager is an Onboard manager.
-- - "No access: applies for all employees who were never put into the Onboard
--   survey flow": same reason.
-- - "Request 360 anonymous/non-anonymous feedback": one audience decides view
--   and unveil_author together, so anonymity cannot be set per request
--   separately from who reads it; 360 answers carry no unveil_author default.
-- - "All Receiver permissions": receivers are never defined in the article.
-- - "Adding a user ... automatically grant[s] them the lowest level of access
--   to each app": the lowest level is no role, so nothing to test.
