-- presets/business_partner.sql: Qulture.Rocks administrator profiles (../shared/seeds/004_f4be1e4d644f5454.txt)
--
-- The article lists a General Admin ("all-seeing and all-capable"), an
-- Organization Admin (people data, leaders, teams, tags, values), and one
-- admin profile per product (Segments, OKRs, Performance Appraisal, 9box,
-- PDI/IDP, Feedbacks/Praises, 1:1/Leadership).  Most products also have a
-- Business Partner (BP) profile: the product admin's actions restricted to
-- the BP's performance group.  Here each BP is a role scoped to a group of
-- kind performance_group; the engine counts it only for subjects in that
-- group.
--
-- Kinds (SPEC 6a): review = appraisals; objective = OKRs; ninebox = Box;
-- idp = PDI/IDP; feedback_360 = feedbacks (subject = recipient); praise =
-- praises; one_on_one = 1:1/Leadership.  edit = comment, approve,
-- calibrate; aggregate = averages, reports, dashboards, analytics.  Kinds
-- the article never mentions (private_note, survey_response,
-- onboard_response, exit_data) have no default row: nobody may do anything
-- with them.  private_feedback keeps the engine's cap {subject,author} and
-- has no default row either.
--
-- Roles not marked scoped may also be granted scoped to a group (SPEC 6a
-- "Scopes"), so they are 'either'; the super set counts only when held
-- globally.

INSERT INTO orgacl.model (name, article, super_roles, own_roles, grant_covers_holdings,
	self_join_teams, description)
VALUES (
	'business_partner', '004_f4be1e4d644f5454.txt',
	-- "This is the all-seeing and all-capable profile within your company's
	-- environment" (SPEC 6a: super set {general_admin})
	'{general_admin}',
	-- the article does not forbid a General Admin changing their own
	-- profiles (SPEC 6a: own roles may change)
	true, false, false,
	'Qulture.Rocks: General Admin, Organization Admin, product admins and performance-group business partners');

---------------------------------------------------------------------------
-- roles
---------------------------------------------------------------------------

INSERT INTO orgacl.model_role (model, name, bit, scope, scope_kinds, description) VALUES
	-- "General Admin ... can create, delete, and also access content
	-- registered in the platform and related to all the company's employees"
	('business_partner', 'general_admin', 0, 'either', NULL,
		'General Admin: every product, every employee (never up the own chain)'),
	-- "Organization Admin: changing employee data manually and via import
	-- (... Leader ...); inclusion/exclusion of tags, teams and team members,
	-- skills and values"
	('business_partner', 'organization_admin', 1, 'either', NULL,
		'Organization Admin: employees, leaders, teams, tags, skills and values; no content, no admin grants'),
	-- "Segment Admin: create, change and delete segments in 9box and in
	-- evaluations' Team Results"
	('business_partner', 'segment_admin', 2, 'either', NULL,
		'Segment Admin: segments (view filters) of 9box and Team Results'),
	-- "OKR Admin: ... create a new cycle; view company OKRs and private OKRs"
	('business_partner', 'okr_admin', 3, 'either', NULL,
		'OKR Admin: OKR cycles, all OKRs including private ones'),
	-- "Performance Appraisal Admin / Review Admin"
	('business_partner', 'review_admin', 4, 'either', NULL,
		'Review Admin: appraisal invitations, reminders, adherence, averages, release'),
	-- "Box Admin: create meeting; calibrate 9box position; create and delete
	-- boxes"
	('business_partner', 'box_admin', 5, 'either', NULL,
		'Box Admin: 9box meetings, calibration, boxes'),
	-- "IDP Admin: create, change and delete IDP cycles; view, comment on and
	-- approve IDPs; extract the IDP report"
	('business_partner', 'idp_admin', 6, 'either', NULL,
		'IDP Admin: IDP cycles, every IDP, the IDP report'),
	-- "Feedback/Praises Admin ... Case 1 - Detailed Data Access"
	('business_partner', 'feedback_admin', 7, 'either', NULL,
		'Feedback Admin with detailed access: feedback content, deletion, reports'),
	-- "Case 2 - Access to consolidated data"
	('business_partner', 'feedback_admin_consolidated', 8, 'either', NULL,
		'Feedback Admin with consolidated access: the Team Dashboard activity report only'),
	-- "1:1 Admin/Leadership: Analytics.Rocks tab (sentiment pulse, exports,
	-- priorities); Sentiment Pulse Benchmark"
	('business_partner', 'one_on_one_admin', 9, 'either', NULL,
		'1:1/Leadership Admin: 1:1 analytics and the sentiment benchmark'),
	-- "Business partner (BP) within Evaluation: all Performance Appraisal
	-- Admin actions ... restricted to your performance group only"
	('business_partner', 'review_bp', 10, 'scoped', '{performance_group}',
		'Review BP: Review Admin actions for one performance group (no Excel adherence export)'),
	-- "Business partner (BP) within Box: all actions of Box Admin, but
	-- restricted to only its action group"
	('business_partner', 'box_bp', 11, 'scoped', '{performance_group}',
		'Box BP: Box Admin actions for one performance group'),
	-- "Business partner (BP) within IDP: view, comment on and approve POIs of
	-- people in your business group; extract the IDP report ... from the
	-- people in your practice group"
	('business_partner', 'idp_bp', 12, 'scoped', '{performance_group}',
		'IDP BP: IDPs and the IDP report of one performance group'),
	-- "Business partner (BP) can: ... all the same actions as the admin
	-- profile, but restricted by the feedbacks received by the performance
	-- group rule" (detailed access)
	('business_partner', 'feedback_bp', 13, 'scoped', '{performance_group}',
		'Feedback BP with detailed access: feedback received by one performance group'),
	-- "Case 2 ... Business partner (BP) can: extract the full report of
	-- employee activities in Team Dashboard for their performance group"
	('business_partner', 'feedback_bp_consolidated', 14, 'scoped', '{performance_group}',
		'Feedback BP with consolidated access: activity report of one performance group'),
	-- "Business partner (BP) within 1:1/Leadership: all 1:1 Admin/Leadership
	-- actions, but restricted to only your practice group; except viewing
	-- the Sentiment Pulse Benchmark"
	('business_partner', 'one_on_one_bp', 15, 'scoped', '{performance_group}',
		'1:1 BP: 1:1 analytics of one performance group (no benchmark)');

---------------------------------------------------------------------------
-- options: none (SPEC 6a: the feedback access level is the choice between
-- feedback_admin and feedback_admin_consolidated)
---------------------------------------------------------------------------

---------------------------------------------------------------------------
-- named capabilities
---------------------------------------------------------------------------

INSERT INTO orgacl.model_capability (model, name, description) VALUES
	-- "Enter and edit company values/skills" (General Admin);
	-- "Inclusion/Exclusion of Skills and Values" (Organization Admin)
	('business_partner', 'admin.values', 'company values and skills'),
	-- "Inclusion/Exclusion of tags" (Organization Admin)
	('business_partner', 'admin.tags', 'employee tags'),
	-- "Create, change and delete segments in 9box ... in evaluations in the
	-- Team Results part" (Segment Admin)
	('business_partner', 'admin.segments', 'segments (view filters) of 9box and Team Results'),
	-- "Send referral invitations (to appraisees); send reminders for
	-- validations (to leaders); send invitations/reminders to fill out the
	-- forms" (Review Admin, Review BP)
	('business_partner', 'review.remind', 'send appraisal invitations and reminders'),
	-- "Perform the release of the individual report to the public" (Review
	-- Admin, Review BP)
	('business_partner', 'review.release', 'release the individual appraisal report'),
	-- "Follow up the adherence of the evaluation process via Excel" (Review
	-- Admin; the BP has every admin action "except" this one)
	('business_partner', 'review.excel_export', 'appraisal adherence export to Excel'),
	-- "View Sentiment Pulse Benchmark information" (1:1 Admin; the BP
	-- "except viewing the Sentiment Pulse Benchmark")
	('business_partner', 'admin.sentiment_benchmark', 'Sentiment Pulse Benchmark');

---------------------------------------------------------------------------
-- default audiences
---------------------------------------------------------------------------

INSERT INTO orgacl.model_default (model, kind, action, audience, note) VALUES
	-- Appraisals.  SPEC 6a: view and aggregate
	-- {subject,direct_manager,managers,hr}: the appraisee, their leaders,
	-- and the admins ("General Admin view: the content of all company
	-- appraisals"; Review Admin "extract averages ... per person evaluated").
	('business_partner', 'review', 'view', '{subject,direct_manager,managers,hr}',
		'appraisals: the appraisee, their leaders, appraisal admins'),
	('business_partner', 'review', 'aggregate', '{subject,direct_manager,managers,hr}',
		'appraisal averages: the appraisee, their leaders, appraisal admins'),
	-- The appraisee fills in the self-assessment and the leader appraises
	-- ("Send referral invitations (to appraisees)", "reminders for
	-- validations (to leaders)"): preset's choice.
	('business_partner', 'review', 'create', '{subject,direct_manager}',
		'self-assessment by the appraisee, appraisal by the direct leader'),
	-- edit = comment, approve, calibrate: the leader validates; the General
	-- Admin ("all-capable") may too.  Preset's choice.
	('business_partner', 'review', 'edit', '{direct_manager,hr}',
		'validation by the direct leader; General Admin'),
	-- The General Admin "can create, delete ... content": preset's choice.
	('business_partner', 'review', 'delete', '{hr}',
		'deleting appraisal content: General Admin'),
	-- OKRs.  Not fixed by SPEC 6a (preset's choice): "View company OKRs and
	-- private OKRs" implies company OKRs are open to everyone; a private OKR
	-- is a row with its own audience (e.g. {subject,direct_manager,hr}),
	-- which OKR Admins and the General Admin reach through hr.
	('business_partner', 'objective', 'view', '{public,hr}',
		'company OKRs are public; private OKRs carry their own audience'),
	-- Goals are written by their owner and their leader; the General Admin
	-- may too ("all-capable").  Preset's choice.
	('business_partner', 'objective', 'create', '{subject,direct_manager,hr}',
		'OKRs are created by their owner, their leader, or the General Admin'),
	('business_partner', 'objective', 'edit', '{subject,direct_manager,hr}',
		'OKRs are updated by their owner, their leader, or the General Admin'),
	('business_partner', 'objective', 'delete', '{subject,direct_manager,hr}',
		'OKRs are deleted by their owner, their leader, or the General Admin'),
	-- "The content and status of all company goals" (General Admin);
	-- status reports for leaders and OKR Admins.  Preset's choice.
	('business_partner', 'objective', 'aggregate', '{subject,direct_manager,managers,hr}',
		'OKR progress reports'),
	-- 9box.  SPEC 6a: view {direct_manager,managers,hr}, edit {hr}: leaders
	-- see their people's position; "Calibrate 9box position" is the Box
	-- Admin's (and Box BP's, in its group).  The employee does not see it.
	('business_partner', 'ninebox', 'view', '{direct_manager,managers,hr}',
		'9box positions: leaders and Box admins; never the employee'),
	('business_partner', 'ninebox', 'edit', '{hr}',
		'calibrating a 9box position: Box admins'),
	-- "Create and delete boxes" (Box Admin): placing and removing a person
	-- in a 9box is the Box admins' (preset's choice).
	('business_partner', 'ninebox', 'create', '{hr}',
		'placing a person in a 9box: Box admins'),
	('business_partner', 'ninebox', 'delete', '{hr}',
		'removing a 9box placement: Box admins'),
	-- 9box team results for leaders and Box admins (preset's choice).
	('business_partner', 'ninebox', 'aggregate', '{direct_manager,managers,hr}',
		'9box team results'),
	-- IDP.  SPEC 6a: view and edit {subject,direct_manager,managers,hr}:
	-- "View, comment on, and approve IDPs of people in the company" (IDP
	-- Admin), "... of people in your business group" (IDP BP).
	('business_partner', 'idp', 'view', '{subject,direct_manager,managers,hr}',
		'IDPs: the employee, their leaders, IDP admins'),
	('business_partner', 'idp', 'edit', '{subject,direct_manager,managers,hr}',
		'commenting on and approving IDPs: the employee, their leaders, IDP admins'),
	-- The employee and the leader write the plan (preset's choice).
	('business_partner', 'idp', 'create', '{subject,direct_manager}',
		'IDPs are written by the employee or the direct leader'),
	-- "Extract the IDP report for follow-up" (IDP Admin), "only from the
	-- people in your practice group" (IDP BP).
	('business_partner', 'idp', 'aggregate', '{direct_manager,managers,hr}',
		'IDP report'),
	-- Feedbacks.  SPEC 6a: view {subject,author,direct_manager,managers,hr}:
	-- the recipient, the giver, the recipient's leaders ("Activities" of
	-- "Your Team") and the detailed-access admins.
	('business_partner', 'feedback_360', 'view', '{subject,author,direct_manager,managers,hr}',
		'feedback content: recipient, author, the recipient''s leaders, detailed-access admins'),
	-- SPEC 6a: delete {hr}: "[Feedback] Deleting a feedback" (detailed
	-- Admin; BP: "delete a feedback received by my performance group").
	('business_partner', 'feedback_360', 'delete', '{hr}',
		'deleting a feedback: detailed-access feedback admins'),
	-- SPEC 6a: aggregate {direct_manager,managers,hr}: "Team Dashboard" of
	-- "Your Team" for leaders; reports for every feedback admin level.
	('business_partner', 'feedback_360', 'aggregate', '{direct_manager,managers,hr}',
		'Team Dashboard and feedback reports'),
	-- Anyone may give a feedback to anyone (preset's choice).
	('business_partner', 'feedback_360', 'create', '{public}',
		'everyone may give feedback'),
	-- Praises are public recognition (preset's choice).
	('business_partner', 'praise', 'view', '{public}',
		'praises are visible to everyone'),
	('business_partner', 'praise', 'create', '{public}',
		'everyone may praise'),
	-- "[Praise] Extract the report with the detail of exchanged praise"
	-- (detailed Feedback Admin and BP).
	('business_partner', 'praise', 'aggregate', '{hr}',
		'praise report'),
	-- 1:1/Leadership.  SPEC 6a: view {subject,direct_manager}: a 1:1 belongs
	-- to the led and their leader; admins see analytics, not content.
	('business_partner', 'one_on_one', 'view', '{subject,direct_manager}',
		'1:1 content: the led and the leader'),
	-- SPEC 6a: aggregate {direct_manager,managers,hr}: "Access the
	-- Analytics.Rocks tab: sentiment pulse, sentiment exports and
	-- priorities" (1:1 Admin, BP in its group), leaders for their teams.
	('business_partner', 'one_on_one', 'aggregate', '{direct_manager,managers,hr}',
		'1:1 analytics: sentiment pulse, exports, priorities'),
	-- Either side schedules and fills in the 1:1 (preset's choice).
	('business_partner', 'one_on_one', 'create', '{subject,direct_manager}',
		'1:1s are created by the led or the leader'),
	('business_partner', 'one_on_one', 'edit', '{subject,direct_manager}',
		'1:1s are filled in by the led and the leader');

---------------------------------------------------------------------------
-- capabilities: who holds what
---------------------------------------------------------------------------

-- General Admin: "the all-seeing and all-capable profile ... It can create,
-- delete, and also access content registered in the platform and related to
-- all the company's employees".  It holds every action of every product
-- kind; whether that reaches content still depends on hr being in the
-- audience (a 1:1's content is not, for example), and never up its own
-- primary line (SPEC 3, rule 4b).
INSERT INTO orgacl.model_cap_rule (model, capability, roles, note)
SELECT 'business_partner', k || '.' || a, '{general_admin}', 'General Admin: all-capable'
FROM unnest(ARRAY['review', 'objective', 'ninebox', 'idp', 'feedback_360', 'praise',
	'one_on_one']) AS k,
	unnest(ARRAY['view', 'create', 'edit', 'delete', 'aggregate']) AS a;

INSERT INTO orgacl.model_cap_rule (model, capability, roles, note) VALUES
	-- General Admin can: "Create/delete an assessment" (SPEC 6a Rule: an
	-- assessment created or deleted is a review cycle)
	('business_partner', 'review.create_cycle', '{general_admin}', 'create an assessment'),
	('business_partner', 'review.delete_cycle', '{general_admin}', 'delete an assessment'),
	('business_partner', 'review.edit_cycle', '{general_admin}', 'all-capable'),
	-- General Admin can: "Create and change OKR cycles"
	('business_partner', 'objective.create_cycle', '{general_admin}', 'create OKR cycles'),
	('business_partner', 'objective.edit_cycle', '{general_admin}', 'change OKR cycles'),
	('business_partner', 'objective.delete_cycle', '{general_admin}', 'all-capable'),
	-- "all-capable": the cycles of every other product too
	('business_partner', 'ninebox.create_cycle', '{general_admin}', 'all-capable'),
	('business_partner', 'ninebox.edit_cycle', '{general_admin}', 'all-capable'),
	('business_partner', 'ninebox.delete_cycle', '{general_admin}', 'all-capable'),
	('business_partner', 'idp.create_cycle', '{general_admin}', 'all-capable'),
	('business_partner', 'idp.edit_cycle', '{general_admin}', 'all-capable'),
	('business_partner', 'idp.delete_cycle', '{general_admin}', 'all-capable'),
	('business_partner', 'feedback_360.create_cycle', '{general_admin}', 'all-capable'),
	('business_partner', 'feedback_360.edit_cycle', '{general_admin}', 'all-capable'),
	('business_partner', 'feedback_360.delete_cycle', '{general_admin}', 'all-capable'),
	('business_partner', 'one_on_one.create_cycle', '{general_admin}', 'all-capable'),
	('business_partner', 'one_on_one.edit_cycle', '{general_admin}', 'all-capable'),
	('business_partner', 'one_on_one.delete_cycle', '{general_admin}', 'all-capable'),
	-- General Admin can: "Change hierarchy", "Add new employees to the
	-- platform", "Enter and edit company values/skills"; all-capable for
	-- the rest of the directory (deactivation, teams, settings).
	('business_partner', 'user.change_reporting', '{general_admin}', 'change hierarchy'),
	('business_partner', 'user.invite', '{general_admin}', 'add new employees'),
	('business_partner', 'user.deactivate', '{general_admin}', 'all-capable'),
	('business_partner', 'group.manage', '{general_admin}', 'all-capable'),
	('business_partner', 'admin.options', '{general_admin}', 'all-capable'),
	('business_partner', 'admin.values', '{general_admin}', 'enter and edit company values/skills'),
	('business_partner', 'admin.tags', '{general_admin}', 'all-capable'),
	('business_partner', 'admin.segments', '{general_admin}', 'all-capable'),
	('business_partner', 'admin.sentiment_benchmark', '{general_admin}', 'all-capable'),
	('business_partner', 'review.remind', '{general_admin}', 'all-capable'),
	('business_partner', 'review.release', '{general_admin}', 'all-capable'),
	('business_partner', 'review.excel_export', '{general_admin}', 'all-capable'),
	-- Organization Admin: "Changing employee data manually and via import
	-- (Name, Email, Password, Leader, etc)" (SPEC 6a Rule: user.invite,
	-- user.change_reporting); "Inclusion/Exclusion of Teams and Team
	-- Members" (group.manage); no artifact capability.  Deactivation is not
	-- in its list, so it stays with the General Admin.
	('business_partner', 'user.invite', '{organization_admin}', 'imports add employees'),
	('business_partner', 'user.change_reporting', '{organization_admin}', 'the Leader field'),
	('business_partner', 'group.manage', '{organization_admin}', 'teams and team members'),
	-- "Inclusion/Exclusion of tags"; "Inclusion/Exclusion of Skills and
	-- Values"
	('business_partner', 'admin.tags', '{organization_admin}', 'tags'),
	('business_partner', 'admin.values', '{organization_admin}', 'skills and values'),
	-- Segment Admin: "Create, change and delete segments in 9box ... in
	-- evaluations"; segments are filters, not content, so no artifact
	-- capability.
	('business_partner', 'admin.segments', '{segment_admin}', 'segments'),
	-- OKR Admin: "Leave a cycle visible or not; choose what the current
	-- cycle should be; choose the start and end date" (edit_cycle);
	-- "Create a new cycle" (create_cycle); "View company OKRs and private
	-- OKRs" (view, and the status reports: aggregate).
	('business_partner', 'objective.create_cycle', '{okr_admin}', 'create a new OKR cycle'),
	('business_partner', 'objective.edit_cycle', '{okr_admin}', 'cycle visibility, current cycle, dates'),
	('business_partner', 'objective.view', '{okr_admin}', 'company and private OKRs'),
	('business_partner', 'objective.aggregate', '{okr_admin}', 'OKR reports'),
	-- Review Admin (SPEC 6a Rule: review.view and review.aggregate
	-- everywhere, review_bp in its groups): "Track the appraisal process
	-- adherence", "Extract averages of questions, topics and final average
	-- per person evaluated".
	('business_partner', 'review.view', '{review_admin}', 'appraisal process: every appraisal'),
	('business_partner', 'review.aggregate', '{review_admin}', 'averages and adherence'),
	('business_partner', 'review.view', '{review_bp}', 'appraisal process: its performance group'),
	('business_partner', 'review.aggregate', '{review_bp}', 'averages and adherence: its performance group'),
	-- "Send referral invitations", "reminders for validations",
	-- "invitations/reminders to fill out the forms" (Admin, and BP in its
	-- group)
	('business_partner', 'review.remind', '{review_admin}', 'invitations and reminders'),
	('business_partner', 'review.remind', '{review_bp}', 'invitations and reminders: its group'),
	-- "Perform the release of the individual report to the public" (Admin,
	-- and BP in its group).  Releasing a whole cycle's reports means
	-- widening the cycle's audience to the appraisees: review.edit_cycle,
	-- which only a global Review Admin holds (cycles are not per group).
	('business_partner', 'review.release', '{review_admin}', 'release individual reports'),
	('business_partner', 'review.release', '{review_bp}', 'release individual reports: its group'),
	('business_partner', 'review.edit_cycle', '{review_admin}', 'release: open the cycle to the appraisees'),
	-- "Follow up the adherence of the evaluation process via Excel": Review
	-- Admin only (the BP has every admin action "except" this one).
	('business_partner', 'review.excel_export', '{review_admin}', 'Excel adherence export: not for BPs'),
	-- Box Admin: "Calibrate 9box position" (edit, needs view), "Create and
	-- delete boxes" (create, delete), "Create meeting" (a calibration round:
	-- create_cycle, edit_cycle, delete_cycle); team results (aggregate).
	('business_partner', 'ninebox.view', '{box_admin}', 'see positions to calibrate'),
	('business_partner', 'ninebox.edit', '{box_admin}', 'calibrate 9box position'),
	('business_partner', 'ninebox.create', '{box_admin}', 'create boxes'),
	('business_partner', 'ninebox.delete', '{box_admin}', 'delete boxes'),
	('business_partner', 'ninebox.aggregate', '{box_admin}', '9box results'),
	('business_partner', 'ninebox.create_cycle', '{box_admin}', 'create meeting'),
	('business_partner', 'ninebox.edit_cycle', '{box_admin}', 'create meeting'),
	('business_partner', 'ninebox.delete_cycle', '{box_admin}', 'delete boxes'),
	-- Box BP: "All actions of Box Admin, but restricted to only its action
	-- group" (the cycle actions are global checks, so they stay the Box
	-- Admin's: see the test file's "Not expressible").
	('business_partner', 'ninebox.view', '{box_bp}', 'its performance group'),
	('business_partner', 'ninebox.edit', '{box_bp}', 'calibrate: its performance group'),
	('business_partner', 'ninebox.create', '{box_bp}', 'its performance group'),
	('business_partner', 'ninebox.delete', '{box_bp}', 'its performance group'),
	('business_partner', 'ninebox.aggregate', '{box_bp}', 'its performance group'),
	-- IDP Admin: "Create, change, and delete IDP cycles"; "View, comment on,
	-- and approve IDPs of people in the company"; "Extract the IDP report".
	('business_partner', 'idp.create_cycle', '{idp_admin}', 'create IDP cycles'),
	('business_partner', 'idp.edit_cycle', '{idp_admin}', 'change IDP cycles'),
	('business_partner', 'idp.delete_cycle', '{idp_admin}', 'delete IDP cycles'),
	('business_partner', 'idp.view', '{idp_admin}', 'view IDPs'),
	('business_partner', 'idp.edit', '{idp_admin}', 'comment on and approve IDPs'),
	('business_partner', 'idp.aggregate', '{idp_admin}', 'IDP report'),
	-- IDP BP: "View, comment on and approve POIs of people in your business
	-- group; extract the IDP report only from the people in your practice
	-- group".
	('business_partner', 'idp.view', '{idp_bp}', 'its performance group'),
	('business_partner', 'idp.edit', '{idp_bp}', 'its performance group'),
	('business_partner', 'idp.aggregate', '{idp_bp}', 'its performance group'),
	-- Feedback Admin, detailed access: "View the content of the feedbacks",
	-- "Deleting a feedback", "View the consolidated information inside Team
	-- Dashboard", reports; "[Praise] Extract the report with the detail of
	-- exchanged praise".
	('business_partner', 'feedback_360.view', '{feedback_admin}', 'feedback content'),
	('business_partner', 'feedback_360.delete', '{feedback_admin}', 'delete a feedback'),
	('business_partner', 'feedback_360.aggregate', '{feedback_admin}', 'Team Dashboard and reports'),
	('business_partner', 'praise.aggregate', '{feedback_admin}', 'praise report'),
	-- Feedback BP, detailed access: "all the same actions as the admin
	-- profile, but restricted by the feedbacks received by the performance
	-- group rule" (scoped: the recipient must be in the group).
	('business_partner', 'feedback_360.view', '{feedback_bp}', 'feedback received by its group'),
	('business_partner', 'feedback_360.delete', '{feedback_bp}', 'delete a feedback received by its group'),
	('business_partner', 'feedback_360.aggregate', '{feedback_bp}', 'its group'),
	('business_partner', 'praise.aggregate', '{feedback_bp}', 'its group'),
	-- Consolidated access: "Extract the full report of employee activities
	-- in Team Dashboard" (for their performance group, for the BP).  SPEC 6a
	-- Rule: the *_consolidated roles hold feedback_360.aggregate only.
	('business_partner', 'feedback_360.aggregate', '{feedback_admin_consolidated}', 'consolidated data only'),
	('business_partner', 'feedback_360.aggregate', '{feedback_bp_consolidated}', 'consolidated data only: its group'),
	-- 1:1 Admin: "Access the Analytics.Rocks tab: sentiment pulse, sentiment
	-- exports and priorities"; "View Sentiment Pulse Benchmark information".
	('business_partner', 'one_on_one.aggregate', '{one_on_one_admin}', '1:1 analytics'),
	('business_partner', 'admin.sentiment_benchmark', '{one_on_one_admin}', 'Sentiment Pulse Benchmark'),
	-- 1:1 BP: "All 1:1 Admin/Leadership actions, but restricted to only
	-- your practice group; except viewing the Sentiment Pulse Benchmark".
	('business_partner', 'one_on_one.aggregate', '{one_on_one_bp}', '1:1 analytics: its group');

---------------------------------------------------------------------------
-- grant rules (SPEC 6a Rule: only general_admin grants or revokes roles)
---------------------------------------------------------------------------

INSERT INTO orgacl.model_grant_rule (model, granter, grantable, note) VALUES
	-- "General Admin ... all-capable"; "Organization Admin cannot give access
	-- permissions to other modules (give admin permission, any admin, to
	-- other contributors)"; no product admin is said to grant anything.
	('business_partner', '{general_admin}',
		'{general_admin,organization_admin,segment_admin,okr_admin,review_admin,box_admin,idp_admin,feedback_admin,feedback_admin_consolidated,one_on_one_admin,review_bp,box_bp,idp_bp,feedback_bp,feedback_bp_consolidated,one_on_one_bp}',
		'only the General Admin grants and revokes profiles');
