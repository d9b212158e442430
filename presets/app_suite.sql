-- presets/app_suite.sql: TINYpulse app suite (../shared/seeds/001_36c70a99b5dc1644.txt)
--
-- The article describes one product made of four apps, each with its own
-- permission levels: Engage (Super Admin, Admin, Group Admin, Group Viewer,
-- Employee), Coach (Admin, Manager, Employee), Onboard (Admin, Manager,
-- Employee) and Retention (Admin, No access).  Managers and employees are not
-- roles here: they follow from the reporting lines (direct_manager,
-- managers, subject).  Each app's admins grant only that app's levels.
--
-- Kinds (SPEC 6a): survey_response = Engage results (responses,
-- suggestions, cheers; edit = interacting with them: comments, notes, tags,
-- wins, shareback reports); onboard_response = Onboard pulse responses;
-- exit_data = Retention; one_on_one and objective = Coach 1-on-1s and goals;
-- feedback_360 = Coach 360 feedback requests.  Kinds this article never
-- mentions (review, praise, private_note, idp, ninebox) have no default row:
-- nobody may do anything with them under this model.  private_feedback keeps
-- the engine's cap {subject,author} and likewise has no default row.
--
-- Every role except the two Engage group roles may also be granted scoped
-- to a group (SPEC 6a "Scopes": any role not marked scoped may be granted
-- globally or scoped; the super set counts only when held globally), so
-- they are 'either' with no restriction on the group kind.

INSERT INTO orgacl.model (name, article, super_roles, own_roles, grant_covers_holdings,
	self_join_teams, description)
VALUES (
	'app_suite', '001_36c70a99b5dc1644.txt',
	-- "Super Admin ... also grants full access to your TINYpulse account"
	-- (SPEC 6a: super set {engage_super_admin})
	'{engage_super_admin}',
	-- the article never forbids changing one's own permission levels
	-- (SPEC 6a: own roles may change)
	true, false, false,
	'TINYpulse suite: per-app admin levels for Engage, Coach, Onboard and Retention; managers follow from reporting lines');

---------------------------------------------------------------------------
-- roles
---------------------------------------------------------------------------

INSERT INTO orgacl.model_role (model, name, bit, scope, scope_kinds, description) VALUES
	-- "Super Admin: a unique permission that also grants full access to your
	-- TINYpulse account ... All Admin and Receiver permissions"
	('app_suite', 'engage_super_admin', 0, 'either', NULL,
		'Engage Super Admin: billing, API keys, organisation settings and all Engage Admin rights'),
	-- "Admin: view and interact with all Engage results, manage surveys,
	-- add users and grant Engage permissions, manage Saved Groups"
	('app_suite', 'engage_admin', 1, 'either', NULL,
		'Engage Admin: all Engage results, surveys, users, saved groups'),
	-- "Group Admins are assigned to one or many specific Groups ... access
	-- only to those particular Saved Groups" (SPEC 6a: scoped, saved_group)
	('app_suite', 'engage_group_admin', 2, 'scoped', '{saved_group}',
		'Engage Group Admin: view and interact with Engage results of the saved group it is scoped to'),
	-- "Admins can be assigned to a specific Saved Group to view results or
	-- leave the option blank to give access to view all Engage survey
	-- feedback" (SPEC 6a: scoped to a saved_group, or global)
	('app_suite', 'engage_group_viewer', 3, 'either', '{saved_group}',
		'Engage Group Viewer: view-only access to Engage results of a saved group, or of everyone when global'),
	-- "Coach Admin: add users, grant Coach access, set up 1-on-1s and
	-- assign managers, view the Admin-only reports"
	('app_suite', 'coach_admin', 4, 'either', NULL,
		'Coach Admin: Coach access, 1-on-1 set-up, manager assignment, admin-only reports'),
	-- "Onboard Admin: full access to grant permissions to Onboard ... view
	-- all Onboard survey responses"
	('app_suite', 'onboard_admin', 5, 'either', NULL,
		'Onboard Admin: all Onboard responses and Onboard permissions'),
	-- "Retention Admin: full access to view insights on the Retention
	-- dashboard"
	('app_suite', 'retention_admin', 6, 'either', NULL,
		'Retention Admin: the Retention (exit data) dashboard');

---------------------------------------------------------------------------
-- options: none (SPEC 6a)
---------------------------------------------------------------------------

---------------------------------------------------------------------------
-- named capabilities
---------------------------------------------------------------------------

INSERT INTO orgacl.model_capability (model, name, description) VALUES
	-- "Create and manage API keys" (Super Admin only; SPEC 6a)
	('app_suite', 'engage.api_keys', 'create and manage API keys'),
	-- "Full access to TINYpulse account (billing, invoices, TINYpulse gift
	-- card transactions, etc.)"
	('app_suite', 'admin.billing', 'billing, invoices and gift card transactions of the account'),
	-- "Adjust organization-wide Engage settings like the Employee Portal,
	-- survey cadence, etc."
	('app_suite', 'engage.settings', 'organisation-wide Engage settings (Employee Portal, survey cadence)'),
	-- "View the full Organization Hierarchy"
	('app_suite', 'engage.org_hierarchy', 'view the full organisation hierarchy'),
	-- "Create saved custom questions and templates in 360"
	('app_suite', 'coach.templates', 'create saved custom questions and templates for 360 feedback');

---------------------------------------------------------------------------
-- default audiences
---------------------------------------------------------------------------

INSERT INTO orgacl.model_default (model, kind, action, audience, note) VALUES
	-- Engage results.  SPEC 6a: view {subject,hr}.  "Employee: ... view
	-- past Responses" (subject); Admins, Group Admins and Group Viewers
	-- "view ... Engage results" (hr); managers are not listed.
	('app_suite', 'survey_response', 'view', '{subject,hr}',
		'Engage results: the respondent and the Engage admin levels'),
	-- SPEC 6a: edit {hr}.  "View and interact with ... Engage results
	-- (leaving Comments/Notes, create Shareback Reports, ...)": interacting
	-- is an admin-level right, and Group Viewers have "no access to
	-- interact with feedback".
	('app_suite', 'survey_response', 'edit', '{hr}',
		'interacting (comments, notes, tags, wins, shareback reports): Engage admins and group admins'),
	-- "Employee: Respond to the Engage survey, send Cheers, and give
	-- suggestions": everyone writes their own response (preset's choice).
	('app_suite', 'survey_response', 'create', '{subject}',
		'each person responds to the Engage survey for themselves'),
	-- "View Engage and Cheers data for the entire organization on the
	-- Organization Health report": aggregate figures for the admin levels
	-- (preset's choice: the levels that may view results may aggregate them).
	('app_suite', 'survey_response', 'aggregate', '{hr}',
		'Organization Health report and result dashboards: Engage admin levels'),
	-- Onboard.  SPEC 6a: view {subject,direct_manager,hr}.  "Manager:
	-- access to view responses in the Onboard Responses module for their
	-- direct reports only"; "Employee: ... view their past responses";
	-- "Onboard Admin: View all Onboard survey responses".
	('app_suite', 'onboard_response', 'view', '{subject,direct_manager,hr}',
		'Onboard responses: the respondent, their direct managers, Onboard admins'),
	-- "Receive and respond to Onboard pulse surveys" (preset's choice:
	-- the respondent writes their own response).
	('app_suite', 'onboard_response', 'create', '{subject}',
		'each person responds to their own Onboard pulses'),
	-- "Manager: Onboard menu item appears ... for dashboard access" (of
	-- their direct reports); "Onboard Admin: ... full access to the
	-- Dashboard"; "View Onboard data for the entire organization on the
	-- Organization Health report".
	('app_suite', 'onboard_response', 'aggregate', '{direct_manager,hr}',
		'Onboard dashboard: direct managers for their reports, Onboard admins for everyone'),
	-- Retention.  SPEC 6a: view {hr}.  "No Access: no access to view the
	-- Retention dashboard"; "Retention Admin: grants full access to view
	-- insights on the TINYpulse Retention dashboard".
	('app_suite', 'exit_data', 'view', '{hr}',
		'exit data: Retention admins only'),
	-- SPEC 6a: create {direct_manager,managers,hr}.  "Admins and Managers
	-- of other apps can enter exit data for employees who have left the
	-- company."
	('app_suite', 'exit_data', 'create', '{direct_manager,managers,hr}',
		'exit data is entered by the leaver''s managers and by the admins of any app'),
	-- "View Retention data for the entire organization on the Organization
	-- Health report".
	('app_suite', 'exit_data', 'aggregate', '{hr}',
		'Retention figures on the Organization Health report: Retention admins'),
	-- Coach 1-on-1s.  SPEC 6a: view {subject,direct_manager}.  "Manager:
	-- Create and view 1-on-1s for their direct reports"; the employee
	-- "Respond[s] to 1-on-1 surveys".
	('app_suite', 'one_on_one', 'view', '{subject,direct_manager}',
		'1-on-1s: the employee and their direct manager'),
	-- SPEC 6a: create {direct_manager,hr}.  "Manager: Create ... 1-on-1s for
	-- their direct reports"; "Coach Admin: Set up 1-on-1s ... for their
	-- users".
	('app_suite', 'one_on_one', 'create', '{direct_manager,hr}',
		'1-on-1s are created by the direct manager or set up by Coach admins'),
	-- "Employee: Respond to 1-on-1 surveys" and the manager who runs it
	-- (preset's choice: edit = filling in the 1-on-1).
	('app_suite', 'one_on_one', 'edit', '{subject,direct_manager}',
		'the employee responds to the 1-on-1, the direct manager fills in their part'),
	-- "Coach Admin: View the Admin-only reports" (preset's choice: the
	-- reports aggregate 1-on-1s and goals).
	('app_suite', 'one_on_one', 'aggregate', '{hr}',
		'Coach admin-only reports'),
	-- Coach goals.  SPEC 6a: view and create {subject,direct_manager}.
	-- "Employee: Set personal Goals"; "Manager: Set Goals for their direct
	-- reports".
	('app_suite', 'objective', 'view', '{subject,direct_manager}',
		'goals: the employee and their direct manager'),
	('app_suite', 'objective', 'create', '{subject,direct_manager}',
		'goals are set by the employee or by their direct manager'),
	-- Setting a goal includes updating it (preset's choice: same audience).
	('app_suite', 'objective', 'edit', '{subject,direct_manager}',
		'goals are updated by the employee or by their direct manager'),
	-- "Coach Admin: View the Admin-only reports" (goals part).
	('app_suite', 'objective', 'aggregate', '{hr}',
		'Coach admin-only reports'),
	-- Coach 360.  "Employee: Request 360 feedback for themselves";
	-- "Manager: Request ... 360 feedback for direct reports".  A request is
	-- the creation of the subject's 360 feedback.
	('app_suite', 'feedback_360', 'create', '{subject,direct_manager}',
		'360 feedback is requested by the employee or by their direct manager'),
	-- The article does not say who reads 360 answers (preset's choice: the
	-- requester side, subject and direct manager, and each answer's author).
	('app_suite', 'feedback_360', 'view', '{subject,author,direct_manager}',
		'360 answers: the subject, the direct manager who requested them, their author');

---------------------------------------------------------------------------
-- capabilities: who holds what
---------------------------------------------------------------------------

INSERT INTO orgacl.model_cap_rule (model, capability, roles, note) VALUES
	-- Engage Super Admin: "All Admin and Receiver permissions", so every
	-- Engage Admin right below is repeated for it.
	-- "View and interact with all TINYpulse Engage results (Responses,
	-- Suggestions, Cheers, ...)"
	('app_suite', 'survey_response.view', '{engage_super_admin}', 'Super Admin: all Admin permissions'),
	('app_suite', 'survey_response.view', '{engage_admin}', 'Admin: view all Engage results'),
	('app_suite', 'survey_response.edit', '{engage_super_admin}', 'Super Admin: all Admin permissions'),
	('app_suite', 'survey_response.edit', '{engage_admin}', 'Admin: interact with all Engage results'),
	-- "View Engage and Cheers data for the entire organization on the
	-- Organization Health report" (Super Admin); "View Cheers data for the
	-- entire organization on the Organization Health report" (Admin)
	('app_suite', 'survey_response.aggregate', '{engage_super_admin}', 'Organization Health report'),
	('app_suite', 'survey_response.aggregate', '{engage_admin}', 'Organization Health report'),
	-- Group Admin: "View and interact with TINYpulse Engage results only for
	-- the Saved Group(s) they have been assigned to" (scoped: the engine
	-- counts the grant only for subjects in that saved group)
	('app_suite', 'survey_response.view', '{engage_group_admin}', 'Group Admin: its saved groups'),
	('app_suite', 'survey_response.edit', '{engage_group_admin}', 'Group Admin: interact within its saved groups'),
	('app_suite', 'survey_response.aggregate', '{engage_group_admin}', 'Group Admin: its saved groups'),
	-- Group Viewer: "View feedback for specific Saved Group or the entire
	-- organization depending on set restrictions"; "Access is view-only",
	-- so no survey_response.edit row.
	('app_suite', 'survey_response.view', '{engage_group_viewer}', 'Group Viewer: view only'),
	('app_suite', 'survey_response.aggregate', '{engage_group_viewer}', 'Group Viewer: view only'),
	-- "Manage TINYpulse surveys" (Admin, hence Super Admin); Group Admins
	-- and Group Viewers have "No access to ... manage ... surveys".
	('app_suite', 'survey_response.create_cycle', '{engage_super_admin}', 'manage surveys'),
	('app_suite', 'survey_response.create_cycle', '{engage_admin}', 'manage surveys'),
	('app_suite', 'survey_response.edit_cycle', '{engage_super_admin}', 'manage surveys'),
	('app_suite', 'survey_response.edit_cycle', '{engage_admin}', 'manage surveys'),
	('app_suite', 'survey_response.delete_cycle', '{engage_super_admin}', 'manage surveys'),
	('app_suite', 'survey_response.delete_cycle', '{engage_admin}', 'manage surveys'),
	-- "Create and manage API keys" (Super Admin only; SPEC 6a)
	('app_suite', 'engage.api_keys', '{engage_super_admin}', 'API keys: Super Admin only'),
	-- "Full access to TINYpulse account (billing, invoices, ...)"
	('app_suite', 'admin.billing', '{engage_super_admin}', 'billing: Super Admin only'),
	-- "overall app permissions like your system timezone": model options
	-- (this model has none) are account-wide settings.
	('app_suite', 'admin.options', '{engage_super_admin}', 'account-wide settings: Super Admin'),
	-- "Adjust organization-wide Engage settings like the Employee Portal,
	-- survey cadence, etc." (Super Admin and Admin)
	('app_suite', 'engage.settings', '{engage_super_admin}', 'organisation-wide Engage settings'),
	('app_suite', 'engage.settings', '{engage_admin}', 'organisation-wide Engage settings'),
	-- "View the full Organization Hierarchy" (Super Admin and Admin)
	('app_suite', 'engage.org_hierarchy', '{engage_super_admin}', 'full organisation hierarchy'),
	('app_suite', 'engage.org_hierarchy', '{engage_admin}', 'full organisation hierarchy'),
	-- "Add new users to TINYpulse, modify user accounts" (Super Admin,
	-- Admin, Coach Admin); "Ability to add new users to TINYpulse" (Onboard
	-- Admin).  Group Admin and Group Viewer: "No access to add users".
	('app_suite', 'user.invite', '{engage_super_admin}', 'add new users'),
	('app_suite', 'user.invite', '{engage_admin}', 'add new users'),
	('app_suite', 'user.invite', '{coach_admin}', 'add new users'),
	('app_suite', 'user.invite', '{onboard_admin}', 'add new users'),
	-- "only users with Admin or Super Admin permissions can perform this
	-- action" (associate employees with managers); "Coach Admin: ... assign
	-- managers for their users".  Group Admins and Group Viewers "cannot
	-- make any changes to their direct reports' profiles"; the Onboard
	-- Admin may only add users, so it names no manager.
	('app_suite', 'user.change_reporting', '{engage_super_admin}', 'manage direct reports'),
	('app_suite', 'user.change_reporting', '{engage_admin}', 'manage direct reports'),
	('app_suite', 'user.change_reporting', '{coach_admin}', 'assign managers for their users'),
	-- "modify user accounts" (Super Admin, Admin, Coach Admin) includes
	-- deactivating and reactivating them.
	('app_suite', 'user.deactivate', '{engage_super_admin}', 'modify user accounts'),
	('app_suite', 'user.deactivate', '{engage_admin}', 'modify user accounts'),
	('app_suite', 'user.deactivate', '{coach_admin}', 'modify user accounts'),
	-- "Manage Saved Groups and Attributes" (Admin, hence Super Admin); the
	-- group levels have "No access to ... manage Saved Groups".
	('app_suite', 'group.manage', '{engage_super_admin}', 'manage saved groups and attributes'),
	('app_suite', 'group.manage', '{engage_admin}', 'manage saved groups and attributes'),
	-- "Admins and Managers of other apps can enter exit data for employees
	-- who have left the company": every admin level of every app (a Group
	-- Admin is one of Engage's admins, within its saved groups; a Group
	-- Viewer's "access is view-only"), and the Retention Admin itself.
	-- Managers enter it through the create default's manager relations.
	('app_suite', 'exit_data.create', '{engage_super_admin}', 'admins of other apps enter exit data'),
	('app_suite', 'exit_data.create', '{engage_admin}', 'admins of other apps enter exit data'),
	('app_suite', 'exit_data.create', '{engage_group_admin}', 'admins of other apps enter exit data (own saved groups)'),
	('app_suite', 'exit_data.create', '{coach_admin}', 'admins of other apps enter exit data'),
	('app_suite', 'exit_data.create', '{onboard_admin}', 'admins of other apps enter exit data'),
	('app_suite', 'exit_data.create', '{retention_admin}', 'the Retention admin enters exit data too'),
	-- "Retention Admin: Grants full access to view insights on the TINYpulse
	-- Retention dashboard"
	('app_suite', 'exit_data.view', '{retention_admin}', 'Retention dashboard'),
	-- "View Retention data for the entire organization on the Organization
	-- Health report"
	('app_suite', 'exit_data.aggregate', '{retention_admin}', 'Organization Health report'),
	-- "Onboard Admin: View all Onboard survey responses with full access to
	-- the Dashboard, Responses, and People modules"
	('app_suite', 'onboard_response.view', '{onboard_admin}', 'all Onboard responses'),
	-- "View Onboard data for the entire organization on the Organization
	-- Health report"
	('app_suite', 'onboard_response.aggregate', '{onboard_admin}', 'Onboard dashboard and Organization Health report'),
	-- "Coach Admin: Set up 1-on-1s ... for their users"
	('app_suite', 'one_on_one.create', '{coach_admin}', 'set up 1-on-1s'),
	('app_suite', 'one_on_one.create_cycle', '{coach_admin}', 'set up 1-on-1 series'),
	('app_suite', 'one_on_one.edit_cycle', '{coach_admin}', 'set up 1-on-1 series'),
	-- "Coach Admin: View the Admin-only reports"
	('app_suite', 'one_on_one.aggregate', '{coach_admin}', 'Coach admin-only reports'),
	('app_suite', 'objective.aggregate', '{coach_admin}', 'Coach admin-only reports'),
	-- "Create saved custom questions and templates in 360 for all Coach
	-- Admins and Managers"
	('app_suite', 'coach.templates', '{coach_admin}', '360 templates: Coach admins');

-- "Coach Manager: Create saved custom questions and templates in 360
-- feedback": a manager is anyone with a direct report (no role needed).
INSERT INTO orgacl.model_cap_rule (model, capability, roles, needs_report, note) VALUES
	('app_suite', 'coach.templates', '{}', true, '360 templates: Coach managers (anyone with a direct report)');

---------------------------------------------------------------------------
-- grant rules (SPEC 6a Rule: an app's roles are granted by that app's
-- admins only; only engage_super_admin grants engage_super_admin; the
-- Engage group levels grant nothing)
---------------------------------------------------------------------------

INSERT INTO orgacl.model_grant_rule (model, granter, grantable, note) VALUES
	-- "You must have Super Admin or Admin permissions in the TINYpulse
	-- module in which you want to grant permissions"; Super Admin: "grant
	-- permissions to Engage", the only level that hands out Super Admin
	-- ("reserved for as few people as possible").
	('app_suite', '{engage_super_admin}',
		'{engage_super_admin,engage_admin,engage_group_admin,engage_group_viewer}',
		'Super Admin grants every Engage level'),
	-- Engage Admin: "Add users to TINYpulse and adjust permissions to
	-- Engage", but not the Super Admin level (SPEC 6a Rule).
	('app_suite', '{engage_admin}',
		'{engage_admin,engage_group_admin,engage_group_viewer}',
		'Engage Admin grants Engage levels below Super Admin'),
	-- Coach Admin: "grant Coach access to any user"
	('app_suite', '{coach_admin}', '{coach_admin}',
		'Coach Admin grants Coach admin'),
	-- Onboard Admin: "Full access to grant permissions to the Onboard
	-- application"
	('app_suite', '{onboard_admin}', '{onboard_admin}',
		'Onboard Admin grants Onboard admin'),
	-- Retention: the note above (admin of the module) applies; SPEC 6a
	-- Rule: retention_admin for retention_*.
	('app_suite', '{retention_admin}', '{retention_admin}',
		'Retention Admin grants Retention admin');
