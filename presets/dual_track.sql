-- presets/dual_track.sql: IMPACT / Plai (../shared/seeds/003_5c29dde7d447baa4.txt)
--
-- The dual_track model keeps an Admin track (workspace settings, teams,
-- invitations, OKRs) and an HR track (reporting lines, reviews) apart.  Three
-- global roles: admin, hr_admin and hr_manager; everyone else is "Standard"
-- (holds no role).  Roles combine: admin + hr_admin is the maximum level
-- (the workspace creator's, and the super set), admin + hr_manager the
-- near-maximum one.
--
-- Who may change whose roles is the article's matrix (grant rules below),
-- read with SPEC 6a's Rule "equal or higher access level": the actor must be
-- able to grant the role AND every role the person already holds
-- (grant_covers_holdings), and nobody changes their own roles.
--
-- Reviews: "Share with HRs" checked = hr in the row's audience; the HR
-- managers picked = the row's shared_with with shared in the audience (SPEC
-- 6a Rule).  Article rules the engine cannot express are listed at the end of
-- test/pgtap/preset_dual_track.sql.

INSERT INTO orgacl.model (name, article, super_roles, own_roles, grant_covers_holdings,
	self_join_teams, description)
VALUES (
	'dual_track', '003_5c29dde7d447baa4.txt',
	-- "Admin and HR admin roles: this is the maximum permission level ...
	-- The creator of this workspace starts with this access level"
	'{admin,hr_admin}',
	-- "For security reasons, users cannot change their own access level"
	false,
	-- "Only other users with equal or higher access level rights can change
	-- their roles" (SPEC 6a Rule: R and every role P holds must be in A's row)
	true,
	-- Standard users "View all users and teams, join any team" (SPEC 6a
	-- Rule: anyone adds or removes themselves to or from a team)
	true,
	'IMPACT (Plai): separate Admin and HR tracks, a grant matrix, HR access to reviews by sharing'
);

---------------------------------------------------------------------------
-- roles
---------------------------------------------------------------------------

-- SPEC 6a lists the three as global roles: none is a scoped role, and by
-- its "Scopes" rule each may still be granted scoped to a group.
INSERT INTO orgacl.model_role (model, name, bit, scope, scope_kinds, description) VALUES
	-- "Admin": workspace settings, teams, invitations, profiles, public
	-- OKRs; no reviews, no "Manager" field
	('dual_track', 'admin', 0, 'either', NULL,
	 'admin track: workspace settings, teams, invitations, public OKRs; no reviews, no manager field'),
	-- "HR admin": teams, invitations, profiles including "Manager", all
	-- review info; no workspace settings
	('dual_track', 'hr_admin', 1, 'either', NULL,
	 'HR track: teams, invitations, the manager field, every review shared with HRs'),
	-- "HR manager": like an HR admin, but only review responses shared with
	-- them by name
	('dual_track', 'hr_manager', 2, 'either', NULL,
	 'HR track: like hr_admin, but reads only the review responses shared with them by name');

-- options: none (SPEC 6a)

---------------------------------------------------------------------------
-- named capabilities (kind, cycle and directory capabilities are implicit)
---------------------------------------------------------------------------

INSERT INTO orgacl.model_capability (model, name, description) VALUES
	-- "Have access to the Workspace settings: values, integrations,
	-- billing, export"
	('dual_track', 'admin.integrations',
	 'workspace settings: values, integrations, billing, export');

---------------------------------------------------------------------------
-- default audiences
---------------------------------------------------------------------------

INSERT INTO orgacl.model_default (model, kind, action, audience, option, note) VALUES
	-- reviews: the person reviewed and their manager take part; "Share with
	-- HRs" lets HR admins in (hr); the HR managers picked are named
	-- (shared).  SPEC 6a: the default reads as if "Share with HRs" were
	-- checked.
	('dual_track', 'review', 'view', '{subject,direct_manager,shared,hr}', NULL,
	 'subject, direct manager, HR managers it is shared with, review.view holders (HR admins)'),
	-- preset's choice: review analytics for the same readers but the subject
	('dual_track', 'review', 'aggregate', '{direct_manager,shared,hr}', NULL,
	 'preset choice: review analytics as review reading'),
	-- "Participate in reviews": the person reviewed answers for themselves,
	-- their manager answers about them
	('dual_track', 'review', 'create', '{subject,direct_manager}', NULL,
	 'participants write review responses'),
	-- preset's choice: a response is edited by whoever wrote it
	('dual_track', 'review', 'edit', '{author}', NULL,
	 'preset choice: the author edits a response'),
	-- review delete: no row.  The article lets nobody delete a single
	-- response; HR roles remove whole cycles (review.delete_cycle).

	-- objectives: "View the public Objectives of all teams and users"
	-- (SPEC 6a: view {public}); a private objective carries its own
	-- narrower audience on the row
	('dual_track', 'objective', 'view', '{public}', NULL,
	 'public objectives: every active person'),
	-- preset's choice: progress reports on public objectives are as public
	-- as the objectives
	('dual_track', 'objective', 'aggregate', '{public}', NULL,
	 'preset choice: as objective view'),
	-- "edit ... Objectives of their reports (direct or indirect)"; the
	-- owner edits their own; Admins "View and edit all public OKRs" (hr =
	-- objective.edit holders).  SPEC 6a default.
	('dual_track', 'objective', 'edit', '{subject,direct_manager,managers,hr}', NULL,
	 'the owner, every manager above, objective.edit holders (admins)'),
	-- preset's choice: setting and removing an objective follow editing
	('dual_track', 'objective', 'create', '{subject,direct_manager,managers,hr}', NULL,
	 'preset choice: as objective edit'),
	('dual_track', 'objective', 'delete', '{subject,direct_manager,managers,hr}', NULL,
	 'preset choice: as objective edit'),

	-- "Give and ask for feedback": anyone gives feedback to anyone; preset's
	-- choice: the recipient and the giver read it, the giver edits it
	('dual_track', 'feedback_360', 'create', '{public}', NULL,
	 'everyone gives feedback'),
	('dual_track', 'feedback_360', 'view', '{subject,author}', NULL,
	 'preset choice: recipient and giver read feedback'),
	('dual_track', 'feedback_360', 'edit', '{author}', NULL,
	 'preset choice: the giver edits feedback'),

	-- "Give praise": anyone praises anyone; preset's choice: praise is
	-- public, and its author edits or withdraws it
	('dual_track', 'praise', 'create', '{public}', NULL,
	 'everyone gives praise'),
	('dual_track', 'praise', 'view', '{public}', NULL,
	 'preset choice: praise is public'),
	('dual_track', 'praise', 'edit', '{author}', NULL,
	 'preset choice: the author edits praise'),
	('dual_track', 'praise', 'delete', '{author}', NULL,
	 'preset choice: the author withdraws praise');

---------------------------------------------------------------------------
-- capabilities
---------------------------------------------------------------------------

INSERT INTO orgacl.model_cap_rule (model, capability, roles, option, needs_report, note) VALUES
	-- "Have access to the Workspace settings: values, integrations,
	-- billing, export" (admins); "HR admins don't have access to the
	-- Workspace settings"
	('dual_track', 'admin.integrations', '{admin}', NULL, false,
	 'admins hold the workspace settings'),
	-- the model has no options; were one added, switching it would be a
	-- workspace setting, so an admin's
	('dual_track', 'admin.options', '{admin}', NULL, false,
	 'workspace settings are the admin track''s'),

	-- "Invite new users": all three roles
	('dual_track', 'user.invite', '{admin}', NULL, false, 'admins invite users'),
	('dual_track', 'user.invite', '{hr_admin}', NULL, false, 'HR admins invite users'),
	('dual_track', 'user.invite', '{hr_manager}', NULL, false, 'HR managers invite users'),

	-- "Admins cannot change the 'Manager' field for users (only HRs can do
	-- it)"; HR admins and HR managers "Edit other user profile info
	-- (including the 'Manager' field)".  Additional managers are the same
	-- field.
	('dual_track', 'user.change_reporting', '{hr_admin}', NULL, false,
	 'HR admins change the manager field'),
	('dual_track', 'user.change_reporting', '{hr_manager}', NULL, false,
	 'HR managers change the manager field'),

	-- deactivation: the article does not say.  Inferred: it takes away every
	-- right of a person, which only the "ultimate role, meaning can change
	-- the role of any other user" may do to anybody, so it needs the
	-- admin + hr_admin pair.
	('dual_track', 'user.deactivate', '{admin,hr_admin}', NULL, false,
	 'inferred: only the ultimate admin + HR admin pair removes a user'),

	-- "Create/edit teams": all three roles (anyone may still join or leave
	-- a team themselves: model.self_join_teams)
	('dual_track', 'group.manage', '{admin}', NULL, false, 'admins create and edit teams'),
	('dual_track', 'group.manage', '{hr_admin}', NULL, false, 'HR admins create and edit teams'),
	('dual_track', 'group.manage', '{hr_manager}', NULL, false, 'HR managers create and edit teams'),

	-- "Have access to all Review info" and "to all Review responses wherein
	-- the Visibility settings 'Share with HRs' was checked" (SPEC 6a Rule:
	-- hr_admin holds review.view; hr_manager and admin do not)
	('dual_track', 'review.view', '{hr_admin}', NULL, false,
	 'HR admins read every review response shared with HRs'),
	('dual_track', 'review.aggregate', '{hr_admin}', NULL, false,
	 'HR admins see review analytics of responses shared with HRs'),
	-- review cycles: "all Review info" is the HR admin's; "HR managers are
	-- like HR admins but have access only to the Review cycle responses
	-- that were directly shared" - so they run cycles too, without reading
	-- responses.  "Admins don't have access to Reviews": no review.* at all.
	('dual_track', 'review.create_cycle', '{hr_admin}', NULL, false, 'HR admins run review cycles'),
	('dual_track', 'review.create_cycle', '{hr_manager}', NULL, false, 'HR managers run review cycles'),
	('dual_track', 'review.edit_cycle', '{hr_admin}', NULL, false, 'HR admins run review cycles'),
	('dual_track', 'review.edit_cycle', '{hr_manager}', NULL, false, 'HR managers run review cycles'),
	('dual_track', 'review.delete_cycle', '{hr_admin}', NULL, false, 'HR admins run review cycles'),
	('dual_track', 'review.delete_cycle', '{hr_manager}', NULL, false, 'HR managers run review cycles'),

	-- Admins "View and edit all public OKRs" (viewing needs no capability:
	-- public objectives are public)
	('dual_track', 'objective.edit', '{admin}', NULL, false, 'admins edit every public OKR');

---------------------------------------------------------------------------
-- who may change roles: the article's matrix, row by row
---------------------------------------------------------------------------

INSERT INTO orgacl.model_grant_rule (model, granter, grantable, note) VALUES
	-- "As an Admin -> Admin only"; admins "Edit Admin and Standard roles
	-- (but not the HR manager or HR admin)"; "Admins cannot grant HR roles"
	('dual_track', '{admin}', '{admin}', 'matrix row 1: Admin grants Admin only'),
	-- "As an HR manager -> HR manager only"; HR managers "Edit HR manager
	-- and Standard roles (but not HR admin or Admin roles)"
	('dual_track', '{hr_manager}', '{hr_manager}', 'matrix row 2: HR manager grants HR manager only'),
	-- "As an HR admin -> HR admin or HR manager"; "HRs cannot grant Admin
	-- roles"
	('dual_track', '{hr_admin}', '{hr_admin,hr_manager}', 'matrix row 3: HR admin grants HR admin or HR manager'),
	-- "As an Admin & HR manager -> Admin or HR manager" (also the union of
	-- rows 1 and 2; listed so the matrix reads whole)
	('dual_track', '{admin,hr_manager}', '{admin,hr_manager}', 'matrix row 4: Admin & HR manager'),
	-- "As an Admin & HR admin -> Admin, HR admin, or HR manager (it's an
	-- ultimate role, meaning can change the role of any other user)"
	('dual_track', '{admin,hr_admin}', '{admin,hr_admin,hr_manager}', 'matrix row 5: Admin & HR admin, the ultimate role');
	-- "As Standard -> none": no row names a Standard user (no role) as granter
