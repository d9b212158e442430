-- test/pgtap/preset_dual_track.sql: the dual_track preset (IMPACT / Plai,
-- ../shared/seeds/003_5c29dde7d447baa4.txt; SPEC sections 5 and 6a).
--
-- Covers every rule of the article about who may see or do what: the three
-- access levels (Admin, HR admin, HR manager) and Standard users, their
-- combinations, the grant matrix row by row ("equal or higher access
-- level": the actor must cover every role the person already holds), no
-- change of one's own roles, the "Manager" field for HR roles only, teams
-- (anyone joins or leaves any team), reviews (admins none, HR admins what
-- is shared with HRs, HR managers only what is shared with them by name),
-- public objectives; and the SPEC 6a contract (roles, super set, no
-- options, capabilities, defaults, never up the chain, cycle audiences).
--
-- The organisation (primary lines; [roles]; ':' additional manager):
--
--  level 1                     1 CEO [admin+hr_admin] (workspace creator)
--                   ___________|______________________________
--                  |                         |                |
--  level 2     2 VP Eng                 3 VP People       13 [admin+hr_manager]
--             _____|_____             _______|_______
--            |           |           |       |       |
--  level 3   4 Eng mgr   5 [admin]   6       7       14 (Standard)
--           _|________             [hr_manager] [hr_manager]
--          |    |     |
--  level 4 8    9     12 [hr_admin]
--          |    :.......:  (12 is an additional manager of 9)
--  level 5 10
--          |
--  level 6 11
--
-- Groups: team 100 "Platform" = {8, 9, 10}; team 101 "People" = {6, 7};
--         location 200 "Berlin" = {4}.

\set ON_ERROR_STOP true
BEGIN;
\i test/pgtap/include/decide.psql
SET LOCAL search_path = orgacl, public;
SELECT plan(150);

SELECT lives_ok($$ SELECT orgacl.use_model('dual_track') $$, 'use_model(dual_track) as the system');

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
	PERFORM orgacl.add_person(NULL, 14, 3);
	PERFORM orgacl.add_person(NULL, 8, 4);
	PERFORM orgacl.add_person(NULL, 9, 4);
	PERFORM orgacl.add_person(NULL, 12, 4);
	PERFORM orgacl.add_person(NULL, 10, 8);
	PERFORM orgacl.add_person(NULL, 11, 10);
	PERFORM orgacl.add_manager(NULL, 9, 12);

	PERFORM orgacl.create_group(NULL, 100, 'team', 'Platform');
	PERFORM orgacl.create_group(NULL, 101, 'team', 'People');
	PERFORM orgacl.create_group(NULL, 200, 'location', 'Berlin');
	PERFORM orgacl.add_member(NULL, 100, 8);
	PERFORM orgacl.add_member(NULL, 100, 9);
	PERFORM orgacl.add_member(NULL, 100, 10);
	PERFORM orgacl.add_member(NULL, 101, 6);
	PERFORM orgacl.add_member(NULL, 101, 7);
	PERFORM orgacl.add_member(NULL, 200, 4);

	PERFORM orgacl.grant_role(NULL, 1, 'admin');
	PERFORM orgacl.grant_role(NULL, 1, 'hr_admin');
	PERFORM orgacl.grant_role(NULL, 3, 'hr_admin');
	PERFORM orgacl.grant_role(NULL, 5, 'admin');
	PERFORM orgacl.grant_role(NULL, 6, 'hr_manager');
	PERFORM orgacl.grant_role(NULL, 7, 'hr_manager');
	PERFORM orgacl.grant_role(NULL, 12, 'hr_admin');
	PERFORM orgacl.grant_role(NULL, 13, 'admin');
	PERFORM orgacl.grant_role(NULL, 13, 'hr_manager');

	-- review cycles set up by the system: 510 without "Share with HRs"
	-- (hr left out), 511 shared with HRs only as picked names
	PERFORM orgacl.create_cycle(NULL, 510, 'review', '{subject,direct_manager}');
	PERFORM orgacl.create_cycle(NULL, 511, 'review', '{subject,direct_manager,shared}');
END
$$;

---------------------------------------------------------------------------
-- SPEC 6a contract: roles, super set, capabilities, no options
---------------------------------------------------------------------------

SELECT is(orgacl.roles_of(1)::text, '{admin,hr_admin}',
	'article: the workspace creator holds Admin and HR admin, the maximum level');
SELECT is(orgacl.roles_of(13)::text, '{admin,hr_manager}',
	'article: "Users can combine HR and Admin roles" (Admin and HR manager)');
SELECT is(orgacl.roles_of(14)::text, '{}',
	'article: Standard is holding no role');
SELECT throws_ok($$ SELECT orgacl.grant_role(NULL, 14, 'standard') $$, '22023', NULL,
	'SPEC 6a: Standard is not a role');
SELECT throws_ok($$ SELECT orgacl.set_option(1, 'manager_cascade', true) $$, '22023', NULL,
	'SPEC 6a: dual_track has no options');
SELECT throws_ok($$ SELECT orgacl.has_capability(1, 'audit.nothing') $$, '22023', NULL,
	'SPEC 6a: a capability outside the preset''s vocabulary is 22023');
-- "Have access to the Workspace settings: values, integrations, billing,
-- export"; "HR admins don't have access to the Workspace settings"
SELECT ok(orgacl.has_capability(5, 'admin.integrations'),
	'article: an Admin has the workspace settings');
SELECT ok(NOT orgacl.has_capability(3, 'admin.integrations'),
	'article: an HR admin has no workspace settings');
SELECT ok(NOT orgacl.has_capability(6, 'admin.integrations'),
	'article: an HR manager has no workspace settings');
SELECT ok(orgacl.has_capability(13, 'admin.integrations'),
	'article: Admin & HR manager has the workspace settings (near-maximum level)');
-- SPEC 6a Rule (reviews): hr_admin holds review.view; hr_manager and admin
-- do not
SELECT ok(orgacl.has_capability(3, 'review.view'), 'SPEC 6a Rule: hr_admin holds review.view');
SELECT ok(NOT orgacl.has_capability(6, 'review.view'), 'SPEC 6a Rule: hr_manager does not hold review.view');
SELECT ok(NOT orgacl.has_capability(5, 'review.view'), 'SPEC 6a Rule: admin holds no review capability');
SELECT ok(NOT orgacl.has_capability(5, 'review.create_cycle'),
	'article: "Admins don''t have access to Reviews" (no review cycles)');

---------------------------------------------------------------------------
-- reviews: admins none, HR admins what is shared with HRs, HR managers
-- what is shared with them by name
---------------------------------------------------------------------------

-- "Participate in reviews": the person and their manager
SELECT is(pg_temp.sees(10, 10, artifact('review')), 'allow',
	'article: a Standard user sees their own review (can)');
SELECT is(pg_temp.sees(8, 10, artifact('review')), 'allow',
	'SPEC 6a: the direct manager sees the review (can)');
SELECT is(pg_temp.sees(9, 10, artifact('review')), 'deny',
	'article: a Standard peer does not (cannot)');
SELECT is(pg_temp.sees(4, 10, artifact('review')), 'deny',
	'SPEC 6a: the default shows the direct manager only, not the skip-level (cannot)');
SELECT is(pg_temp.sees(12, 9, artifact('review')), 'allow',
	'SPEC 2: an additional manager sees the review as a direct manager (can)');
-- "Admins don't have access to Reviews"
SELECT is(pg_temp.sees(5, 10, artifact('review')), 'deny',
	'article: an Admin sees no review (cannot)');
SELECT is(pg_temp.sees(5, 10, artifact('review', NULL, NULL, '{subject,direct_manager,shared,hr}')), 'deny',
	'article: an Admin sees no review even when it is shared with HRs (cannot)');
SELECT is(pg_temp.decision(5, 'aggregate', 10, artifact('review')), 'deny',
	'article: nor review analytics (cannot)');
-- "HR admins ... Have access to all Review info" / "all Review responses
-- wherein the Visibility settings 'Share with HRs' was checked"
SELECT is(pg_temp.sees(3, 10, artifact('review')), 'allow',
	'article: an HR admin sees a response shared with HRs (can)');
SELECT is(pg_temp.sees(3, 10, artifact('review', NULL, NULL, '{subject,direct_manager}')), 'deny',
	'article: not one where "Share with HRs" was unchecked (cannot)');
SELECT is(pg_temp.sees(3, 10, artifact('review', 510)), 'deny',
	'article: not in a cycle that does not share with HRs (cannot)');
SELECT is(pg_temp.sees(8, 10, artifact('review', 510)), 'allow',
	'SPEC 3: that cycle still shows the direct manager (can)');
SELECT is(pg_temp.decision(3, 'aggregate', 10, artifact('review')), 'allow',
	'article: an HR admin has all review info, analytics included (can)');
-- never up the chain
SELECT is(pg_temp.sees(12, 10, artifact('review')), 'allow',
	'article: an HR admin sees a review elsewhere in their manager''s tree (can)');
SELECT is(pg_temp.sees(12, 4, artifact('review')), 'deny',
	'SPEC 3: never up the chain: not their own manager''s review (cannot)');
SELECT is(pg_temp.sees(12, 2, artifact('review')), 'deny',
	'SPEC 3: never up the chain: not their skip-level''s review (cannot)');
SELECT is(pg_temp.sees(12, 4, artifact('review', NULL, 12, '{author,hr}')), 'allow',
	'SPEC 3: never up the chain blocks roles only: the author still sees it (can)');
-- cycle settings supersede roles: the CEO is everybody's manager
SELECT is(pg_temp.sees(1, 10, artifact('review')), 'deny',
	'SPEC 3: the CEO''s HR admin role does not reach a review the default hides from managers (cannot)');
SELECT is(pg_temp.sees(1, 2, artifact('review')), 'allow',
	'SPEC 3: the CEO sees a direct report''s review as direct manager (can)');
-- "HR managers ... Have access only to Review responses wherein ... 'Share
-- with HRs' was checked, and this HR manager was selected from the list"
SELECT is(pg_temp.sees(6, 10, artifact('review')), 'deny',
	'article: an HR manager does not see a response not shared with them (cannot)');
SELECT is(pg_temp.sees(6, 10, artifact('review', NULL, NULL, '{subject,direct_manager,shared,hr}', ARRAY[6]::bigint[])), 'allow',
	'article: an HR manager sees a response shared with HRs that names them (can)');
SELECT is(pg_temp.sees(7, 10, artifact('review', NULL, NULL, '{subject,direct_manager,shared,hr}', ARRAY[6]::bigint[])), 'deny',
	'article: another HR manager, not selected, does not (cannot)');
SELECT is(pg_temp.sees(6, 10, artifact('review', NULL, NULL, '{subject,direct_manager,hr}', ARRAY[6]::bigint[])), 'deny',
	'SPEC 6a Rule: named but without shared in the audience: no access (cannot)');
SELECT is(pg_temp.sees(6, 10, artifact('review', 510)), 'deny',
	'article: a cycle that does not share with HRs hides it from HR managers (cannot)');
SELECT is(pg_temp.sees(6, 10, artifact('review', 511, NULL, NULL, ARRAY[6]::bigint[])), 'allow',
	'SPEC 6a Rule: a cycle sharing with named HR managers shows it to the named one (can)');
SELECT is(pg_temp.sees(3, 10, artifact('review', 511, NULL, NULL, ARRAY[6]::bigint[])), 'deny',
	'SPEC 3: that cycle leaves hr out, so the HR admin does not see it (cannot)');
SELECT is(pg_temp.sees(13, 10, artifact('review')), 'deny',
	'article: Admin & HR manager has "the limitations that the HR manager role has" (cannot)');
SELECT is(pg_temp.sees(13, 10, artifact('review', NULL, NULL, '{subject,direct_manager,shared,hr}', ARRAY[13]::bigint[])), 'allow',
	'article: Admin & HR manager sees a response shared with them (can)');
SELECT set_eq($$ SELECT orgacl.who_can(10, artifact('review', NULL, NULL, '{subject,direct_manager,shared,hr}', ARRAY[6]::bigint[])) $$,
	ARRAY[3, 6, 8, 10, 12]::bigint[],
	'article: a response shared with HRs and with HR manager 6: subject, manager, 6, the HR admins (not the CEO, its manager)');
SELECT set_eq($$ SELECT orgacl.visible_subjects(7, artifact('review')) $$,
	ARRAY[7]::bigint[],
	'article: an HR manager with nothing shared sees only their own review');
-- writing: "Participate in reviews"
SELECT is(pg_temp.decision(10, 'create', 10, artifact('review')), 'allow',
	'article: a Standard user answers their own review (can)');
SELECT is(pg_temp.decision(8, 'create', 10, artifact('review')), 'allow',
	'article: the manager answers about their report (can)');
SELECT is(pg_temp.decision(3, 'create', 10, artifact('review')), 'deny',
	'SPEC 6a: HR access is reading, not answering for others (cannot)');
SELECT is(pg_temp.decision(9, 'create', 10, artifact('review', 510)), 'deny',
	'SPEC 3: a cycle never widens who writes (cannot)');
-- review cycles: HR roles run them, admins do not
SELECT lives_ok($$ SELECT orgacl.create_cycle(3, 500, 'review') $$,
	'article: an HR admin runs a review cycle');
SELECT lives_ok($$ SELECT orgacl.create_cycle(6, 501, 'review') $$,
	'article: HR managers "are like HR admins": they run review cycles');
SELECT throws_ok($$ SELECT orgacl.create_cycle(5, 502, 'review') $$, '42501', NULL,
	'article: "Admins don''t have access to Reviews": no review cycles');
SELECT throws_ok($$ SELECT orgacl.create_cycle(14, 503, 'review') $$, '42501', NULL,
	'article: a Standard user runs no review cycle');
SELECT is(pg_temp.sees(6, 10, artifact('review', 501)), 'deny',
	'SPEC 6a: an HR manager owning a cycle still sees only what is shared with them (cannot)');
SELECT throws_ok($$ SELECT orgacl.set_cycle_audience(5, 500, '{subject}') $$, '42501', NULL,
	'article: an Admin does not touch review cycles');
SELECT lives_ok($$ SELECT orgacl.set_cycle_audience(6, 500, '{subject,direct_manager,shared,hr}') $$,
	'article: an HR manager sets a review cycle''s visibility');
SELECT lives_ok($$ SELECT orgacl.delete_cycle(3, 501) $$,
	'article: an HR admin removes a review cycle');

---------------------------------------------------------------------------
-- objectives: public to view; edited by the owner, every manager above,
-- and admins
---------------------------------------------------------------------------

-- "View the public Objectives of all teams and users"
SELECT is(pg_temp.sees(14, 10, artifact('objective')), 'allow',
	'article: a Standard user views anyone''s public objectives (can)');
SELECT is(pg_temp.sees(5, 11, artifact('objective')), 'allow',
	'article: an Admin views all public OKRs (can)');
SELECT is(pg_temp.sees(14, 10, artifact('objective', NULL, NULL, '{subject,direct_manager}')), 'deny',
	'article: only public objectives are open to all: a private one is not (cannot)');
-- "edit ... Objectives of their reports (direct or indirect)"
SELECT is(pg_temp.decision(10, 'edit', 10, artifact('objective')), 'allow',
	'SPEC 6a: a person edits their own objectives (can)');
SELECT is(pg_temp.decision(8, 'edit', 10, artifact('objective')), 'allow',
	'article: a manager edits a direct report''s objectives (can)');
SELECT is(pg_temp.decision(2, 'edit', 11, artifact('objective')), 'allow',
	'article: and an indirect report''s (can)');
SELECT is(pg_temp.decision(12, 'edit', 9, artifact('objective')), 'allow',
	'SPEC 2: an additional manager edits as a direct manager (can)');
SELECT is(pg_temp.decision(9, 'edit', 10, artifact('objective')), 'deny',
	'article: a Standard user does not edit a teammate''s objectives (cannot)');
SELECT is(pg_temp.decision(11, 'edit', 10, artifact('objective')), 'deny',
	'article: nor their manager''s (cannot)');
-- Admins "View and edit all public OKRs"
SELECT is(pg_temp.decision(5, 'edit', 10, artifact('objective')), 'allow',
	'article: an Admin edits all public OKRs (can)');
SELECT is(pg_temp.decision(5, 'edit', 2, artifact('objective')), 'deny',
	'SPEC 3: never up the chain: not their own manager''s (cannot)');
SELECT is(pg_temp.decision(3, 'edit', 10, artifact('objective')), 'deny',
	'article: editing all OKRs is an Admin right, not an HR admin''s (cannot)');
SELECT is(pg_temp.decision(6, 'edit', 10, artifact('objective')), 'deny',
	'article: nor an HR manager''s (cannot)');

---------------------------------------------------------------------------
-- feedback and praise: "Give and ask for feedback", "Give praise"
---------------------------------------------------------------------------

SELECT is(pg_temp.decision(14, 'create', 10, artifact('feedback_360', NULL, 14)), 'allow',
	'article: a Standard user gives feedback to anyone (can)');
SELECT is(pg_temp.sees(10, 10, artifact('feedback_360', NULL, 14)), 'allow',
	'preset choice: the recipient reads feedback (can)');
SELECT is(pg_temp.sees(9, 10, artifact('feedback_360', NULL, 14)), 'deny',
	'preset choice: a third person does not (cannot)');
SELECT is(pg_temp.decision(14, 'create', 10, artifact('praise', NULL, 14)), 'allow',
	'article: a Standard user gives praise (can)');
SELECT is(pg_temp.decision(9, 'edit', 10, artifact('praise', NULL, 14)), 'deny',
	'preset choice: only the author edits praise (cannot)');
SELECT is(pg_temp.decision(14, 'edit', 10, artifact('praise', NULL, 14)), 'allow',
	'preset choice: the author edits their praise (can)');

---------------------------------------------------------------------------
-- directory: invitations, the "Manager" field, teams
---------------------------------------------------------------------------

-- "Invite new users": all three roles
SELECT lives_ok($$ SELECT orgacl.add_person(5, 20) $$, 'article: an Admin invites a new user');
SELECT lives_ok($$ SELECT orgacl.add_person(3, 21) $$, 'article: an HR admin invites a new user');
SELECT lives_ok($$ SELECT orgacl.add_person(6, 22) $$, 'article: an HR manager invites a new user');
SELECT throws_ok($$ SELECT orgacl.add_person(14, 23) $$, '42501', NULL,
	'article: a Standard user does not invite users');
-- "Admins cannot change the 'Manager' field for users (only HRs can do it)"
SELECT throws_ok($$ SELECT orgacl.add_person(5, 24, 4) $$, '42501', NULL,
	'article: an Admin cannot fill the Manager field, not even when inviting');
SELECT throws_ok($$ SELECT orgacl.set_manager(5, 20, 4) $$, '42501', NULL,
	'article: an Admin cannot change the Manager field');
SELECT throws_ok($$ SELECT orgacl.add_manager(5, 20, 8) $$, '42501', NULL,
	'article: nor add a manager');
SELECT lives_ok($$ SELECT orgacl.set_manager(3, 20, 4) $$,
	'article: an HR admin edits the Manager field');
SELECT lives_ok($$ SELECT orgacl.set_manager(6, 21, 8) $$,
	'article: an HR manager edits the Manager field');
SELECT lives_ok($$ SELECT orgacl.add_manager(6, 21, 9) $$,
	'article: an HR manager adds a manager');
SELECT lives_ok($$ SELECT orgacl.set_manager(13, 22, 4) $$,
	'article: Admin & HR manager edits the Manager field through the HR role');
SELECT throws_ok($$ SELECT orgacl.set_manager(14, 22, 14) $$, '42501', NULL,
	'article: a Standard user cannot change the Manager field');
SELECT throws_ok($$ SELECT orgacl.set_manager(4, 10, 9) $$, '42501', NULL,
	'article: a manager is no HR role: no Manager field');
-- "Create/edit teams"
SELECT lives_ok($$ SELECT orgacl.create_group(5, 102, 'team', 'Design') $$, 'article: an Admin creates a team');
SELECT lives_ok($$ SELECT orgacl.create_group(3, 103, 'team', 'Payroll') $$, 'article: an HR admin creates a team');
SELECT lives_ok($$ SELECT orgacl.add_member(6, 103, 20) $$, 'article: an HR manager edits a team');
SELECT throws_ok($$ SELECT orgacl.create_group(14, 104, 'team', 'Mine') $$, '42501', NULL,
	'article: a Standard user does not create teams');
-- "View all users and teams, join any team"
SELECT lives_ok($$ SELECT orgacl.add_member(14, 100, 14) $$,
	'article: a Standard user joins any team');
SELECT lives_ok($$ SELECT orgacl.remove_member(14, 100, 14) $$,
	'SPEC 6a Rule: and leaves it again');
SELECT lives_ok($$ SELECT orgacl.add_member(11, 101, 11) $$,
	'article: any team, not only their branch''s');
SELECT throws_ok($$ SELECT orgacl.add_member(14, 100, 2) $$, '42501', NULL,
	'SPEC 6a Rule: joining is for oneself: a Standard user adds nobody else');
SELECT throws_ok($$ SELECT orgacl.remove_member(14, 101, 6) $$, '42501', NULL,
	'SPEC 6a Rule: nor removes anybody else');
SELECT throws_ok($$ SELECT orgacl.add_member(14, 200, 14) $$, '42501', NULL,
	'SPEC 6a Rule: a location is not a team: no self-join');
SELECT throws_ok($$ SELECT orgacl.set_lead(14, 100, 14) $$, '42501', NULL,
	'SPEC 6a Rule: every other group change needs group.manage');
-- deactivation (inferred: the ultimate Admin & HR admin pair only)
SELECT throws_ok($$ SELECT orgacl.deactivate(5, 20) $$, '42501', NULL,
	'inferred: an Admin alone does not remove a user');
SELECT throws_ok($$ SELECT orgacl.deactivate(3, 20) $$, '42501', NULL,
	'inferred: an HR admin alone does not remove a user');
SELECT lives_ok($$ SELECT orgacl.deactivate(1, 20) $$,
	'inferred: Admin & HR admin ("can change ... any other user") removes a user');
SELECT is(pg_temp.sees(20, 10, artifact('objective')), 'deny',
	'SPEC 3: a deactivated user sees not even public objectives (cannot)');

---------------------------------------------------------------------------
-- changing access levels: the matrix, row by row
---------------------------------------------------------------------------

-- 1. "As an Admin -> Admin only"; "Edit Admin and Standard roles (but not
-- the HR manager or HR admin)"
SELECT lives_ok($$ SELECT orgacl.grant_role(5, 14, 'admin') $$, 'article: an Admin makes a Standard user Admin');
SELECT lives_ok($$ SELECT orgacl.revoke_role(5, 14, 'admin') $$, 'article: an Admin takes Admin back');
SELECT throws_ok($$ SELECT orgacl.grant_role(5, 14, 'hr_manager') $$, '42501', NULL,
	'article: "Admins cannot grant HR roles" (HR manager)');
SELECT throws_ok($$ SELECT orgacl.grant_role(5, 14, 'hr_admin') $$, '42501', NULL,
	'article: "Admins cannot grant HR roles" (HR admin)');
SELECT throws_ok($$ SELECT orgacl.grant_role(5, 6, 'admin') $$, '42501', NULL,
	'SPEC 6a Rule: an Admin cannot edit an HR manager''s roles, not even to add Admin');
SELECT throws_ok($$ SELECT orgacl.revoke_role(5, 13, 'admin') $$, '42501', NULL,
	'SPEC 6a Rule: nor revoke Admin from an Admin who is also HR manager');
SELECT throws_ok($$ SELECT orgacl.revoke_role(5, 5, 'admin') $$, '42501', NULL,
	'article: "users cannot change their own access level"');
-- 2. "As an HR manager -> HR manager only"
SELECT lives_ok($$ SELECT orgacl.grant_role(6, 14, 'hr_manager') $$, 'article: an HR manager grants HR manager');
SELECT throws_ok($$ SELECT orgacl.grant_role(6, 14, 'admin') $$, '42501', NULL,
	'article: "HRs cannot grant Admin roles"');
SELECT lives_ok($$ SELECT orgacl.revoke_role(6, 14, 'hr_manager') $$, 'article: an HR manager revokes HR manager');
SELECT throws_ok($$ SELECT orgacl.grant_role(6, 14, 'hr_admin') $$, '42501', NULL,
	'article: an HR manager does not grant HR admin');
SELECT throws_ok($$ SELECT orgacl.revoke_role(6, 3, 'hr_admin') $$, '42501', NULL,
	'article: an HR manager does not edit an HR admin''s roles');
SELECT throws_ok($$ SELECT orgacl.grant_role(6, 5, 'hr_manager') $$, '42501', NULL,
	'SPEC 6a Rule: an HR manager does not edit an Admin''s roles');
SELECT lives_ok($$ SELECT orgacl.revoke_role(6, 7, 'hr_manager') $$,
	'article: "equal ... access level" may change roles: HR manager 6 revokes HR manager 7');
SELECT lives_ok($$ SELECT orgacl.grant_role(6, 7, 'hr_manager') $$, 'article: and grants it back');
SELECT throws_ok($$ SELECT orgacl.revoke_role(6, 6, 'hr_manager') $$, '42501', NULL,
	'article: an HR manager does not change their own access level');
-- 3. "As an HR admin -> HR admin or HR manager"
SELECT lives_ok($$ SELECT orgacl.grant_role(3, 14, 'hr_admin') $$, 'article: an HR admin grants HR admin');
SELECT lives_ok($$ SELECT orgacl.grant_role(3, 14, 'hr_manager') $$, 'article: an HR admin grants HR manager');
SELECT is(orgacl.roles_of(14)::text, '{hr_admin,hr_manager}', 'SPEC 4: roles add up in the model''s order');
SELECT throws_ok($$ SELECT orgacl.grant_role(3, 14, 'admin') $$, '42501', NULL,
	'article: HR admins "cannot edit Admin roles"');
SELECT lives_ok($$ SELECT orgacl.revoke_role(3, 14, 'hr_admin') $$, 'article: an HR admin revokes HR admin');
SELECT lives_ok($$ SELECT orgacl.revoke_role(3, 14, 'hr_manager') $$, 'article: an HR admin revokes HR manager');
SELECT throws_ok($$ SELECT orgacl.grant_role(3, 5, 'hr_manager') $$, '42501', NULL,
	'SPEC 6a Rule: an HR admin does not edit an Admin''s roles');
SELECT throws_ok($$ SELECT orgacl.revoke_role(3, 13, 'hr_manager') $$, '42501', NULL,
	'SPEC 6a Rule: nor those of an Admin who is also HR manager');
SELECT throws_ok($$ SELECT orgacl.revoke_role(3, 3, 'hr_admin') $$, '42501', NULL,
	'article: an HR admin does not change their own access level');
-- 4. "As an Admin & HR manager -> Admin or HR manager"
SELECT lives_ok($$ SELECT orgacl.grant_role(13, 14, 'admin') $$, 'article: Admin & HR manager grants Admin');
SELECT lives_ok($$ SELECT orgacl.grant_role(13, 14, 'hr_manager') $$, 'article: Admin & HR manager grants HR manager');
SELECT throws_ok($$ SELECT orgacl.grant_role(13, 14, 'hr_admin') $$, '42501', NULL,
	'article: Admin & HR manager does not grant HR admin');
SELECT lives_ok($$ SELECT orgacl.revoke_role(13, 14, 'admin') $$, 'article: Admin & HR manager revokes Admin');
SELECT lives_ok($$ SELECT orgacl.revoke_role(13, 14, 'hr_manager') $$, 'article: Admin & HR manager revokes HR manager');
SELECT throws_ok($$ SELECT orgacl.grant_role(13, 3, 'hr_manager') $$, '42501', NULL,
	'SPEC 6a Rule: Admin & HR manager does not edit an HR admin''s roles');
-- 5. "As an Admin & HR admin -> Admin, HR admin, or HR manager (it's an
-- ultimate role, meaning can change the role of any other user)"
SELECT lives_ok($$ SELECT orgacl.grant_role(1, 13, 'hr_admin') $$,
	'article: Admin & HR admin changes the roles of any other user');
SELECT lives_ok($$ SELECT orgacl.revoke_role(1, 13, 'hr_admin') $$,
	'article: Admin & HR admin revokes HR admin');
SELECT is(orgacl.roles_of(13)::text, '{admin,hr_manager}', 'article: 13 is back to Admin & HR manager');
SELECT throws_ok($$ SELECT orgacl.grant_role(1, 1, 'hr_manager') $$, '42501', NULL,
	'article: not even the ultimate role changes its own access level');
-- 6. "As Standard -> none"
SELECT throws_ok($$ SELECT orgacl.grant_role(2, 14, 'admin') $$, '42501', NULL,
	'article: a Standard user grants no Admin');
SELECT throws_ok($$ SELECT orgacl.grant_role(2, 14, 'hr_manager') $$, '42501', NULL,
	'article: a Standard user grants no HR manager');

---------------------------------------------------------------------------
-- the maximum level is always held by someone
---------------------------------------------------------------------------

SELECT throws_ok($$ SELECT orgacl.deactivate(1, 1) $$, '23514', NULL,
	'SPEC 3: the last Admin & HR admin cannot be deactivated');
SELECT throws_ok($$ SELECT orgacl.revoke_role(3, 1, 'hr_admin') $$, '42501', NULL,
	'SPEC 6a: an HR admin cannot touch an Admin & HR admin (refused before the super check)');
SELECT lives_ok($$ SELECT orgacl.grant_role(1, 14, 'admin') $$, 'article: the creator makes 14 Admin');
SELECT lives_ok($$ SELECT orgacl.grant_role(1, 14, 'hr_admin') $$, 'article: and HR admin: a second maximum level');
SELECT lives_ok($$ SELECT orgacl.revoke_role(14, 1, 'hr_admin') $$,
	'article: "Only other users with equal or higher access level" change the creator''s roles');
SELECT is(orgacl.roles_of(1)::text, '{admin}', 'article: the creator is Admin only now');
SELECT throws_ok($$ SELECT orgacl.revoke_role(1, 14, 'hr_admin') $$, '42501', NULL,
	'article: an Admin cannot take HR admin from the new maximum-level user');
SELECT throws_ok($$ SELECT orgacl.revoke_role(14, 14, 'admin') $$, '42501', NULL,
	'article: the last maximum-level user cannot change their own roles either');
SELECT throws_ok($$ SELECT orgacl.deactivate(14, 14) $$, '23514', NULL,
	'SPEC 3: the last Admin & HR admin cannot be deactivated');

SELECT * FROM finish();
ROLLBACK;

-- Not expressible (article rules the engine has no words for):
-- * "Edit other user profile info" other than the Manager field: profiles
--   are not part of the model.
-- * "View all users and teams": the directory is not protected data.
-- * "edit Objectives of teams where they are members": objective subjects
--   are persons, not teams.
-- * Admins edit "all public OKRs" only: a row's audience narrows who reads,
--   never who writes (SPEC 3), so an admin's objective.edit also reaches an
--   objective whose row audience makes it private.
-- * "the HR managers picked" must be HR managers: shared_with is a list of
--   persons the application fills; the engine does not check their roles.
-- * Workspace "values, integrations, billing, export" are one named
--   capability (admin.integrations), not four.
-- * Deactivating users is not in the article; the preset gives it to the
--   Admin & HR admin pair (inferred, see presets/dual_track.sql).
