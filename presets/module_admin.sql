-- presets/module_admin.sql: Leapsome (../shared/seeds/002_a52262135aab34c9.txt)
--
-- The module_admin model: an account owner (super_admin) who configures who
-- may do what, platform admins (admin) who run the directory and the modules,
-- admins of a single module (review_admin, goal_admin, feedback_admin,
-- meeting_admin, survey_admin), and HR business partners (hrbp) whose rights
-- are scoped to a team or a location.  Managers and team leads are not roles:
-- a person with at least one direct report is a manager, a lead of a team
-- group is a team lead, and both follow from the directory.
--
-- Kinds as SPEC 6a maps them: review = 360 and performance assessments
-- (feedback_360 is given the same rules, since the article speaks of "360°
-- and performance assessments" as one thing), objective = goals,
-- private_feedback = private continuous / instant feedback, one_on_one =
-- meetings, survey_response = surveys.  Analytics = the aggregate action.
--
-- The article's optional permissions are the five options below, all off by
-- default; only a super admin may switch them (admin.options).  Article rules
-- the engine cannot express are listed at the end of
-- test/pgtap/preset_module_admin.sql.

INSERT INTO orgacl.model (name, article, super_roles, own_roles, grant_covers_holdings,
	self_join_teams, description)
VALUES (
	'module_admin', '002_a52262135aab34c9.txt',
	-- "the super admin is typically the first user of an account: the
	-- account owner"; SPEC 6a: super set {super_admin}
	'{super_admin}',
	-- the article never forbids a super admin to change their own platform
	-- role; the last-super-holder rule keeps the account owned (SPEC 6a:
	-- own roles may change)
	true,
	-- a super admin may change anybody's roles, whatever they hold
	false,
	-- team memberships are assigned by admins ("assign direct reports and
	-- team memberships to all users"), not joined freely
	false,
	'Leapsome: super admins, admins, module admins, managers, team leads and HR business partners'
);

---------------------------------------------------------------------------
-- roles
---------------------------------------------------------------------------

-- SPEC 6a "Scopes": a role not marked scoped may be granted globally or
-- scoped to a group (then it counts only for subjects in that group), so
-- every role but hrbp is 'either'; the article itself has super admins
-- "grant ... admin access for different modules to individual users, teams,
-- or locations".  The super set counts only when held globally.
INSERT INTO orgacl.model_role (model, name, bit, scope, scope_kinds, description) VALUES
	-- "Super administrator ('super admins') - Account owners"
	('module_admin', 'super_admin', 0, 'either', NULL,
	 'account owner: every admin right, plus platform roles, optional permissions and team-specific access rights'),
	-- "Administrators ('Admins')": teams, users, assessments, goals,
	-- surveys, meetings and integrations of the whole platform
	('module_admin', 'admin', 1, 'either', NULL,
	 'platform admin: manages teams, users, cycles, surveys, meeting analytics and integrations'),
	-- "Users with admin rights to specific modules": one role per module,
	-- each with the admin rights of that module only
	('module_admin', 'review_admin', 2, 'either', NULL,
	 'admin of the reviews module (360 and performance assessments)'),
	('module_admin', 'goal_admin', 3, 'either', NULL,
	 'admin of the goals module'),
	('module_admin', 'feedback_admin', 4, 'either', NULL,
	 'admin of the instant feedback module (private feedback stays closed to it)'),
	('module_admin', 'meeting_admin', 5, 'either', NULL,
	 'admin of the meetings module: meeting analytics'),
	('module_admin', 'survey_admin', 6, 'either', NULL,
	 'admin of the surveys module: sets up surveys, sees survey analytics'),
	-- "HRBPs - HR business partners": rights "for other users or entire
	-- teams"; SPEC 6a: scoped to a team or a location
	('module_admin', 'hrbp', 7, 'scoped', '{team,location}',
	 'HR business partner: goal progress, meeting analytics and review results of one team or location');

---------------------------------------------------------------------------
-- options ("Enable optional permissions, such as ...": super admins only)
---------------------------------------------------------------------------

INSERT INTO orgacl.model_option (model, name, default_on, description) VALUES
	-- "cascading (indirect report) access to assessments and managed goals
	-- for managers"
	('module_admin', 'manager_cascade', false,
	 'managers above the direct one also see assessments, goals and meeting analytics of indirect reports'),
	-- "full access to all assessments for admins"
	('module_admin', 'admin_all_assessments', false,
	 'admins and super admins (and review module admins) see every 360 and performance assessment'),
	-- "full access to all managed goals for admins"
	('module_admin', 'admin_all_goals', false,
	 'admins and super admins (and goal module admins) see every goal'),
	-- "cycle setup rights for managers"
	('module_admin', 'manager_cycle_setup', false,
	 'anyone with a direct report may set up review and 360 cycles'),
	-- "survey setup rights for managers"
	('module_admin', 'manager_survey_setup', false,
	 'anyone with a direct report may set up surveys');

---------------------------------------------------------------------------
-- named capabilities (kind, cycle and directory capabilities are implicit)
---------------------------------------------------------------------------

INSERT INTO orgacl.model_capability (model, name, description) VALUES
	-- "Manage the platform setup: manage integrations (e.g., Slack,
	-- Personio, BambooHR, ...)"
	('module_admin', 'admin.integrations',
	 'platform setup: integrations such as Slack, Personio or BambooHR');

---------------------------------------------------------------------------
-- default audiences
---------------------------------------------------------------------------

INSERT INTO orgacl.model_default (model, kind, action, audience, option, note) VALUES
	-- private feedback: "admins cannot view private continuous feedback
	-- messages received by other users"; "managers cannot view private
	-- feedback messages received by their direct reports"; normal users
	-- "are the only ones that can see private feedback directed at them".
	-- SPEC 6a: {subject,author} for every action, the kind's cap.
	('module_admin', 'private_feedback', 'view', '{subject,author}', NULL,
	 'only the recipient and the author read private feedback'),
	('module_admin', 'private_feedback', 'create', '{subject,author}', NULL,
	 'SPEC 6a: the cap, for every action'),
	('module_admin', 'private_feedback', 'edit', '{subject,author}', NULL,
	 'SPEC 6a: the cap, for every action'),
	('module_admin', 'private_feedback', 'delete', '{subject,author}', NULL,
	 'SPEC 6a: the cap, for every action'),
	-- the article's "aggregated instant feedback analytics" for managers
	-- cannot pass the kind's cap: counts stay with recipient and author
	('module_admin', 'private_feedback', 'aggregate', '{subject,author}', NULL,
	 'SPEC 6a: the cap, for every action; managers'' instant feedback analytics are not expressible'),
	('module_admin', 'private_feedback', 'unveil_author', '{subject,author}', NULL,
	 'SPEC 6a: the cap, for every action'),

	-- "Managers ... View assessments of their direct reports"; the person
	-- assessed sees their own results; "Optionally access all assessments
	-- (even if they're not owning the cycle)" means the owner of a cycle
	-- reaches its assessments; hr = holders of review.view (HRBPs, and
	-- admins under admin_all_assessments).  SPEC 6a default.
	('module_admin', 'review', 'view', '{subject,direct_manager,owner,hr}', NULL,
	 'subject, direct (and additional) managers, the cycle owner, review.view holders'),
	-- "View assessments of their indirect reports (if enabled by
	-- super-admins)" (SPEC 6a: manager_cascade adds managers)
	('module_admin', 'review', 'view', '{managers}', 'manager_cascade',
	 'manager_cascade: every manager above in the primary line'),
	-- "Write assessments for their direct reports", and self-assessments by
	-- the person assessed (SPEC 6a default)
	('module_admin', 'review', 'create', '{subject,direct_manager}', NULL,
	 'self-assessment and the direct manager''s assessment'),
	-- the article is silent on editing: preset's choice, a written assessment
	-- is edited by whoever wrote it
	('module_admin', 'review', 'edit', '{author}', NULL,
	 'preset choice: the author edits an assessment'),
	-- review delete: no row.  The article lets nobody delete single
	-- assessments; admins remove whole cycles (review.delete_cycle).
	-- review analytics: the same readers minus the subject; admins reach
	-- them only with admin_all_assessments ("No visibility of review
	-- results for admins would also include super admins")
	('module_admin', 'review', 'aggregate', '{direct_manager,owner,hr}', NULL,
	 'preset choice: review analytics for direct managers, cycle owners and review.aggregate holders'),
	('module_admin', 'review', 'aggregate', '{managers}', 'manager_cascade',
	 'preset choice: manager_cascade extends review analytics like review content'),

	-- feedback_360: "360° and performance assessments" are one module in the
	-- article, so 360 assessments follow the review rules above
	('module_admin', 'feedback_360', 'view', '{subject,direct_manager,owner,hr}', NULL,
	 'as review: 360 assessments are assessments'),
	('module_admin', 'feedback_360', 'view', '{managers}', 'manager_cascade',
	 'as review: indirect reports'' assessments with manager_cascade'),
	('module_admin', 'feedback_360', 'create', '{subject,direct_manager}', NULL,
	 'as review'),
	('module_admin', 'feedback_360', 'edit', '{author}', NULL,
	 'as review'),
	('module_admin', 'feedback_360', 'aggregate', '{direct_manager,owner,hr}', NULL,
	 'as review'),
	('module_admin', 'feedback_360', 'aggregate', '{managers}', 'manager_cascade',
	 'as review'),

	-- goals: "Manage goals of their direct reports" (managers); team leads
	-- "Create and update goals for their own team"; HRBPs "view goal
	-- progress"; admins "optionally access all managed goals" (hr).
	-- SPEC 6a default.
	('module_admin', 'objective', 'view', '{subject,direct_manager,team_lead,hr}', NULL,
	 'owner of the goal, direct managers, team leads, objective.view holders'),
	-- "View goals of indirect reports (if the setting is enabled by
	-- super-admins)" (SPEC 6a: manager_cascade adds managers)
	('module_admin', 'objective', 'view', '{managers}', 'manager_cascade',
	 'manager_cascade: goals of indirect reports'),
	-- "Manage goals of their direct reports"; team leads "create and update
	-- goals for their own team" (SPEC 6a default)
	('module_admin', 'objective', 'create', '{subject,direct_manager,team_lead}', NULL,
	 'the person, direct managers and team leads set goals'),
	('module_admin', 'objective', 'edit', '{subject,direct_manager,team_lead}', NULL,
	 'the person, direct managers and team leads update goals'),
	-- preset's choice: "manage" goals includes removing them, for the same
	-- people who create them
	('module_admin', 'objective', 'delete', '{subject,direct_manager,team_lead}', NULL,
	 'preset choice: who creates a goal may delete it'),
	-- goal progress analytics: direct managers, team leads, HRBPs and admins
	-- ("View all team reports on the 'Analytics' tab")
	('module_admin', 'objective', 'aggregate', '{direct_manager,team_lead,hr}', NULL,
	 'preset choice: goal progress reports'),
	('module_admin', 'objective', 'aggregate', '{managers}', 'manager_cascade',
	 'preset choice: goal progress of indirect reports with manager_cascade'),

	-- meetings: a 1:1 is between a person and their manager (SPEC 6a view)
	('module_admin', 'one_on_one', 'view', '{subject,direct_manager}', NULL,
	 'the two people of the meeting'),
	-- preset's choice: either side of the meeting schedules and edits it
	('module_admin', 'one_on_one', 'create', '{subject,direct_manager}', NULL,
	 'preset choice: either side of the meeting'),
	('module_admin', 'one_on_one', 'edit', '{subject,direct_manager}', NULL,
	 'preset choice: either side of the meeting'),
	-- "View aggregated instant feedback & meeting analytics for their direct
	-- reports"; admins "Access meeting analytics"; HRBPs "meeting analytics"
	-- (SPEC 6a default)
	('module_admin', 'one_on_one', 'aggregate', '{direct_manager,hr}', NULL,
	 'meeting analytics: direct managers and one_on_one.aggregate holders'),
	-- "View instant feedback & meeting analytics for indirect reports (if
	-- enabled by super-admins)" (SPEC 6a: manager_cascade)
	('module_admin', 'one_on_one', 'aggregate', '{managers}', 'manager_cascade',
	 'manager_cascade: meeting analytics of indirect reports'),

	-- surveys: a response is its respondent's (SPEC 6a view)
	('module_admin', 'survey_response', 'view', '{subject}', NULL,
	 'only the respondent reads a survey response'),
	-- preset's choice: a person answers and corrects their own response
	('module_admin', 'survey_response', 'create', '{subject}', NULL,
	 'preset choice: the respondent answers'),
	('module_admin', 'survey_response', 'edit', '{subject}', NULL,
	 'preset choice: the respondent corrects their answer'),
	-- team leads "See the survey analytics for their team"; admins "View all
	-- team reports on the 'Analytics' tab" (SPEC 6a default)
	('module_admin', 'survey_response', 'aggregate', '{team_lead,hr}', NULL,
	 'survey analytics: team leads and survey_response.aggregate holders');

---------------------------------------------------------------------------
-- capabilities
---------------------------------------------------------------------------

INSERT INTO orgacl.model_cap_rule (model, capability, roles, option, needs_report, note) VALUES
	-- "Enable optional permissions" is a super admin's right; admins may not
	-- (SPEC 6a: set_option needs super_admin, not admin)
	('module_admin', 'admin.options', '{super_admin}', NULL, false,
	 'only super admins switch optional permissions'),

	-- "Manage integrations (e.g., Slack, Personio, BambooHR, ...)"
	('module_admin', 'admin.integrations', '{admin}', NULL, false, 'admins manage integrations'),
	-- "Super admins also have all the rights of admins"
	('module_admin', 'admin.integrations', '{super_admin}', NULL, false, 'super admins have every admin right'),

	-- "Invite new users and re-send invites"
	('module_admin', 'user.invite', '{admin}', NULL, false, 'admins invite users'),
	('module_admin', 'user.invite', '{super_admin}', NULL, false, 'super admins have every admin right'),
	-- "Assign direct reports and team memberships to all users"
	('module_admin', 'user.change_reporting', '{admin}', NULL, false, 'admins assign direct reports'),
	('module_admin', 'user.change_reporting', '{super_admin}', NULL, false, 'super admins have every admin right'),
	-- "Deactivate / delete existing users", "Reactivate users"
	('module_admin', 'user.deactivate', '{admin}', NULL, false, 'admins deactivate and reactivate users'),
	('module_admin', 'user.deactivate', '{super_admin}', NULL, false, 'super admins have every admin right'),
	-- "Manage teams: create new teams, designate team leads", and "assign
	-- ... team memberships to all users"
	('module_admin', 'group.manage', '{admin}', NULL, false, 'admins manage teams, members and leads'),
	('module_admin', 'group.manage', '{super_admin}', NULL, false, 'super admins have every admin right'),

	-- "Manage 360° and performance assessments: set up new cycles" (admins;
	-- super admins; the reviews module's admins).  Editing and removing a
	-- cycle is part of managing it.
	('module_admin', 'review.create_cycle', '{admin}', NULL, false, 'admins set up review cycles'),
	('module_admin', 'review.create_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'review.create_cycle', '{review_admin}', NULL, false, 'review module admins set up review cycles'),
	-- "Set up new cycles (if enabled by super-admins)" for managers: anyone
	-- with at least one direct report (SPEC 6a manager_cycle_setup)
	('module_admin', 'review.create_cycle', '{}', 'manager_cycle_setup', true,
	 'manager_cycle_setup: managers set up review cycles'),
	('module_admin', 'review.edit_cycle', '{admin}', NULL, false, 'admins manage review cycles'),
	('module_admin', 'review.edit_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'review.edit_cycle', '{review_admin}', NULL, false, 'review module admins manage review cycles'),
	('module_admin', 'review.delete_cycle', '{admin}', NULL, false, 'admins manage review cycles'),
	('module_admin', 'review.delete_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'review.delete_cycle', '{review_admin}', NULL, false, 'review module admins manage review cycles'),
	-- the same for 360 cycles ("360° and performance assessments")
	('module_admin', 'feedback_360.create_cycle', '{admin}', NULL, false, 'admins set up 360 cycles'),
	('module_admin', 'feedback_360.create_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'feedback_360.create_cycle', '{review_admin}', NULL, false, 'review module admins set up 360 cycles'),
	('module_admin', 'feedback_360.create_cycle', '{}', 'manager_cycle_setup', true,
	 'manager_cycle_setup: managers set up 360 cycles'),
	('module_admin', 'feedback_360.edit_cycle', '{admin}', NULL, false, 'admins manage 360 cycles'),
	('module_admin', 'feedback_360.edit_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'feedback_360.edit_cycle', '{review_admin}', NULL, false, 'review module admins manage 360 cycles'),
	('module_admin', 'feedback_360.delete_cycle', '{admin}', NULL, false, 'admins manage 360 cycles'),
	('module_admin', 'feedback_360.delete_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'feedback_360.delete_cycle', '{review_admin}', NULL, false, 'review module admins manage 360 cycles'),

	-- "Optionally access all assessments (even if they're not owning the
	-- cycle)", switched by "full access to all assessments for admins";
	-- "No visibility of review results for admins would also include super
	-- admins".  SPEC 6a Rule: while admin_all_assessments is off neither
	-- admin nor super_admin holds review.view.  We read a review module
	-- admin as an admin of that module, so the option covers them too.
	('module_admin', 'review.view', '{admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: admins read every assessment'),
	('module_admin', 'review.view', '{super_admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: so do super admins'),
	('module_admin', 'review.view', '{review_admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: so do review module admins'),
	('module_admin', 'feedback_360.view', '{admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: admins read every 360 assessment'),
	('module_admin', 'feedback_360.view', '{super_admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: so do super admins'),
	('module_admin', 'feedback_360.view', '{review_admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: so do review module admins'),
	-- review analytics are review results too: admins reach them under the
	-- same option only
	('module_admin', 'review.aggregate', '{admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: admins see review analytics'),
	('module_admin', 'review.aggregate', '{super_admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: so do super admins'),
	('module_admin', 'review.aggregate', '{review_admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: so do review module admins'),
	('module_admin', 'feedback_360.aggregate', '{admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: admins see 360 analytics'),
	('module_admin', 'feedback_360.aggregate', '{super_admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: so do super admins'),
	('module_admin', 'feedback_360.aggregate', '{review_admin}', 'admin_all_assessments', false,
	 'admin_all_assessments: so do review module admins'),
	-- HRBPs get "review results" of the users or teams they are given
	-- (scoped: counts only for subjects in the HRBP's group)
	('module_admin', 'review.view', '{hrbp}', NULL, false, 'HRBPs read review results in their scope'),
	('module_admin', 'feedback_360.view', '{hrbp}', NULL, false, 'HRBPs read 360 results in their scope'),
	('module_admin', 'review.aggregate', '{hrbp}', NULL, false, 'HRBPs see review analytics in their scope'),
	('module_admin', 'feedback_360.aggregate', '{hrbp}', NULL, false, 'HRBPs see 360 analytics in their scope'),

	-- "Optionally access all managed goals (even if they're not managing the
	-- goal)", switched by "full access to all managed goals for admins"
	('module_admin', 'objective.view', '{admin}', 'admin_all_goals', false,
	 'admin_all_goals: admins read every goal'),
	('module_admin', 'objective.view', '{super_admin}', 'admin_all_goals', false,
	 'admin_all_goals: so do super admins'),
	('module_admin', 'objective.view', '{goal_admin}', 'admin_all_goals', false,
	 'admin_all_goals: so do goal module admins'),
	-- HRBPs: "individual rights to view goal progress"
	('module_admin', 'objective.view', '{hrbp}', NULL, false, 'HRBPs view goal progress in their scope'),
	-- goal reports on the Analytics tab: "View all team reports on the
	-- 'Analytics' tab" (admins, unconditionally: counts and progress, not
	-- the goals themselves), goal module admins, HRBPs in their scope
	('module_admin', 'objective.aggregate', '{admin}', NULL, false, 'admins see all team reports'),
	('module_admin', 'objective.aggregate', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'objective.aggregate', '{goal_admin}', NULL, false, 'goal module admins see goal reports'),
	('module_admin', 'objective.aggregate', '{hrbp}', NULL, false, 'HRBPs see goal progress in their scope'),
	-- "Manage goals" (admins, goal module admins): goal cycles
	('module_admin', 'objective.create_cycle', '{admin}', NULL, false, 'admins manage goals'),
	('module_admin', 'objective.create_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'objective.create_cycle', '{goal_admin}', NULL, false, 'goal module admins manage goals'),
	('module_admin', 'objective.edit_cycle', '{admin}', NULL, false, 'admins manage goals'),
	('module_admin', 'objective.edit_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'objective.edit_cycle', '{goal_admin}', NULL, false, 'goal module admins manage goals'),
	('module_admin', 'objective.delete_cycle', '{admin}', NULL, false, 'admins manage goals'),
	('module_admin', 'objective.delete_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'objective.delete_cycle', '{goal_admin}', NULL, false, 'goal module admins manage goals'),

	-- "Manage meetings: access meeting analytics" (admins, super admins,
	-- the meetings module's admins); HRBPs: "meeting analytics"
	('module_admin', 'one_on_one.aggregate', '{admin}', NULL, false, 'admins access meeting analytics'),
	('module_admin', 'one_on_one.aggregate', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'one_on_one.aggregate', '{meeting_admin}', NULL, false, 'meeting module admins access meeting analytics'),
	('module_admin', 'one_on_one.aggregate', '{hrbp}', NULL, false, 'HRBPs see meeting analytics in their scope'),

	-- "Manage surveys: set up surveys" (admins, super admins, the surveys
	-- module's admins)
	('module_admin', 'survey_response.create_cycle', '{admin}', NULL, false, 'admins set up surveys'),
	('module_admin', 'survey_response.create_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'survey_response.create_cycle', '{survey_admin}', NULL, false, 'survey module admins set up surveys'),
	-- "Create new surveys (if enabled by super-admins)" for managers (SPEC 6a
	-- manager_survey_setup)
	('module_admin', 'survey_response.create_cycle', '{}', 'manager_survey_setup', true,
	 'manager_survey_setup: managers set up surveys'),
	('module_admin', 'survey_response.edit_cycle', '{admin}', NULL, false, 'admins manage surveys'),
	('module_admin', 'survey_response.edit_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'survey_response.edit_cycle', '{survey_admin}', NULL, false, 'survey module admins manage surveys'),
	('module_admin', 'survey_response.delete_cycle', '{admin}', NULL, false, 'admins manage surveys'),
	('module_admin', 'survey_response.delete_cycle', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'survey_response.delete_cycle', '{survey_admin}', NULL, false, 'survey module admins manage surveys'),
	-- survey analytics: "View all team reports on the 'Analytics' tab"
	-- (admins), the surveys module's admins.  HRBPs are not given surveys
	-- by the article.
	('module_admin', 'survey_response.aggregate', '{admin}', NULL, false, 'admins see all team reports'),
	('module_admin', 'survey_response.aggregate', '{super_admin}', NULL, false, 'super admins have every admin right'),
	('module_admin', 'survey_response.aggregate', '{survey_admin}', NULL, false, 'survey module admins see survey analytics');

---------------------------------------------------------------------------
-- who may change roles
---------------------------------------------------------------------------

INSERT INTO orgacl.model_grant_rule (model, granter, grantable, note) VALUES
	-- "Super admins are able to: assign the (super-) admin status to other
	-- users", "grant or limit user or admin access for different modules",
	-- "define team-specific access rights" (HRBP rights).  SPEC 6a Rule:
	-- only super_admin grants or revokes any role; admin grants none (so no
	-- row has admin as granter).
	('module_admin', '{super_admin}',
	 '{super_admin,admin,review_admin,goal_admin,feedback_admin,meeting_admin,survey_admin,hrbp}',
	 'super admins grant and revoke every role; nobody else grants any');
