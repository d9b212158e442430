-- presets/tri_role.sql: Small Improvements, "HR Admins, Tech Admins, and HR
-- Assistants" (../shared/seeds/000_026aa0b90258ef85.txt)
--
-- Three global roles whose permissions add up: hr_admin manages people,
-- review processes and confidential content; hr_assistant is "HR admin lite"
-- (runs cycles, tracks progress, never reads content); tech_admin configures
-- integrations, security and settings and reads no confidential data.  The
-- pair hr_admin+tech_admin is the account's "Super User", which must always be
-- held by someone.  The article's permissions cheat sheet lost its check marks
-- when it was captured; where a row below rests on such a table, its comment
-- says what was inferred and from which sentence of the prose.  Where SPEC
-- section 6a fixes a reading, the comment cites it.
--
-- Kinds this article does not mention (one_on_one, onboard_response,
-- exit_data, idp, ninebox, private_feedback) get no default rows: in this
-- model nobody may do anything with them.  Actions of the mentioned kinds that
-- have no row below are likewise refused to everybody (e.g. review
-- unveil_author: reviews have no anonymous writers here).

INSERT INTO orgacl.model (name, article, super_roles, own_roles, grant_covers_holdings,
	self_join_teams, description)
VALUES
	-- "someone with both HR Admin and Tech Admin permissions ... the account
	-- Super User who has all permissions"; "there always needs to be at least
	-- one Super User".  SPEC 6a: super set {hr_admin,tech_admin}; own roles may
	-- change (the pair "can assign any role to anyone", themselves included).
	('tri_role', '000_026aa0b90258ef85.txt', '{hr_admin,tech_admin}', true, false, false,
	 'three global admin roles (HR admin, HR assistant, tech admin) whose permissions add up; '
	 'HR admin + tech admin is the Super User');

-- "There are 3 possible roles any user can have"; "A user may have more than
-- one role ... the permissions simply add up".  SPEC 6a: none is a scoped role;
-- by its "Scopes" rule each may still be granted scoped to a group, and then
-- counts only for subjects in that group.
INSERT INTO orgacl.model_role (model, name, bit, scope, scope_kinds, description) VALUES
	-- "more for managing people and feedback within the platform"
	('tri_role', 'hr_admin', 0, 'either', NULL,
	 'HR admin: manages people, review processes and confidential content'),
	-- "like HR Admin lite ... limited access to confidential information"
	('tri_role', 'hr_assistant', 1, 'either', NULL,
	 'HR assistant: runs review, 360 and survey cycles without reading their content'),
	-- "configure the SI integrations, security settings, and use the user import tool"
	('tri_role', 'tech_admin', 2, 'either', NULL,
	 'tech admin: integrations, security and company settings, user import');

-- "you can select the 'Allow HR Assistant to pick a person's manager' option"
INSERT INTO orgacl.model_option (model, name, default_on, description) VALUES
	('tri_role', 'hr_assistant_can_set_manager', false,
	 'HR assistants may also change the reporting structure (pick a person''s manager)');

---------------------------------------------------------------------------
-- named capabilities (the <kind>.<action>, cycle and directory ones exist
-- in every model and are not listed)
---------------------------------------------------------------------------

INSERT INTO orgacl.model_capability (model, name, description) VALUES
	('tri_role', 'admin.integrations', 'set up integrations with other products'),
	('tri_role', 'admin.security', 'security settings (e.g. IP range restrictions)'),
	('tri_role', 'admin.user_import', 'the user import tool (csv import, SFTP setup)'),
	('tri_role', 'admin.settings',
	 'company settings: feature selection, license, date and time, design editor, email templates and bounces'),
	('tri_role', 'admin.automations', 'create, edit, disable and delete automations'),
	('tri_role', 'admin.xml_export', 'create and download the XML export'),
	('tri_role', 'admin.impersonate', 'act as another user (user impersonation)'),
	('tri_role', 'audit.read', 'read the audit log'),
	('tri_role', 'user.reset_password', 'send password reset instructions'),
	('tri_role', 'user.change_password', 'set another user''s password'),
	('tri_role', 'user.change_email', 'change a user''s email address'),
	('tri_role', 'user.delete', 'delete users'),
	('tri_role', 'review.send_reminders', 'send reminders to reviewers running late'),
	('tri_role', 'feedback_360.send_reminders', 'send reminders to 360 reviewers running late'),
	('tri_role', 'objective.nudge', 'nudge objective owners and managers into action'),
	('tri_role', 'praise.configure', 'praise platforms, message defaults, badges and the praise wall'),
	('tri_role', 'praise.unveil_anonymous', 'reveal the writer of an anonymous message');

---------------------------------------------------------------------------
-- default audiences per (kind, action); no row: nobody
---------------------------------------------------------------------------

INSERT INTO orgacl.model_default (model, kind, action, audience, option, note) VALUES
	-- Reviews.  SPEC 6a Rule: view {subject,direct_manager,managers,hr}; no
	-- owner: "HR Assistants can create ... cycles ... but they are not able to
	-- access any confidential data", so creating a cycle gives no content.
	('tri_role', 'review', 'view', '{subject,direct_manager,managers,hr}', NULL,
	 'the reviewee, their managers up the primary line, and HR admins (review.view)'),
	-- "HR Assistants can ... see the status of reviews"; cheat sheet "Track
	-- progress" and "Export review statistics to Excel": counts, not content,
	-- for the same people as content plus the assistants (review.aggregate).
	('tri_role', 'review', 'aggregate', '{subject,direct_manager,managers,hr}', NULL,
	 'progress and statistics: as view, plus HR assistants through review.aggregate'),
	-- SPEC 6a Rule: create {direct_manager,hr}: managers write their reports'
	-- reviews; cheat sheet "Create reviews" (HR admin, inferred).
	('tri_role', 'review', 'create', '{direct_manager,hr}', NULL,
	 'the direct manager writes the review; HR admins may create one (review.create)'),
	-- SPEC 6a Rule: edit {author,hr}.
	('tri_role', 'review', 'edit', '{author,hr}', NULL,
	 'its author, and HR admins (review.edit)'),
	-- SPEC 6a Rule: delete {hr}; cheat sheet "Delete reviews" (marked "(√)":
	-- read as HR admin, within the never-up-the-chain limit).
	('tri_role', 'review', 'delete', '{hr}', NULL, 'HR admins only (review.delete)'),

	-- 360 feedback: the reviewee, the writer and the reviewee's managers read
	-- it unless the cycle says otherwise; "Access feedback content" and
	-- "Export feedback to PDF" are HR admin's (feedback_360.view).
	('tri_role', 'feedback_360', 'view', '{subject,author,direct_manager,managers,hr}', NULL,
	 'the reviewee, the writer, the reviewee''s managers and HR admins (feedback_360.view)'),
	-- "Track progress, send reminders", "Export feedback statistics to Excel".
	('tri_role', 'feedback_360', 'aggregate', '{subject,author,direct_manager,managers,hr}', NULL,
	 'progress and statistics: as view, plus HR assistants through feedback_360.aggregate'),
	-- Anyone can be asked for 360 feedback; who was asked is the application's
	-- data, so every active person may write it ("Create feedback" for HR
	-- admins is then already covered).
	('tri_role', 'feedback_360', 'create', '{public}', NULL,
	 'any active person may be asked to give 360 feedback'),
	-- writers edit their own feedback; the cheat sheet has no "edit feedback" row
	('tri_role', 'feedback_360', 'edit', '{author}', NULL, 'its writer'),
	-- cheat sheet "Delete feedback" (marked "(√)": read as HR admin)
	('tri_role', 'feedback_360', 'delete', '{hr}', NULL, 'HR admins only (feedback_360.delete)'),

	-- Objectives: "View objectives only shared with the manager" is HR
	-- admin's, so an objective shared with the manager line is also open to
	-- HR admins by default.  Public objectives carry the row audience
	-- {public}; "private objectives" carry one without hr ({subject,shared}),
	-- "hidden from HR Admins, unless specifically granted visibility" (shared).
	('tri_role', 'objective', 'view', '{subject,direct_manager,managers,hr}', NULL,
	 'the owner of the objective, their managers, and HR admins (objective.view)'),
	-- "even if HR creates the objective on their behalf": people, their direct
	-- manager and HR admins set objectives.
	('tri_role', 'objective', 'create', '{subject,direct_manager,hr}', NULL,
	 'the person, their direct manager, or HR admins on their behalf (objective.create)'),
	-- "... on their behalf": the person, the writer and the direct manager keep editing it
	('tri_role', 'objective', 'edit', '{subject,author,direct_manager,hr}', NULL,
	 'the person, the writer, the direct manager and HR admins (objective.edit)'),
	-- the person or its writer removes an objective; HR admins too
	('tri_role', 'objective', 'delete', '{subject,author,hr}', NULL,
	 'the person, the writer and HR admins (objective.delete)'),

	-- Pulse surveys.  SPEC 6a Rule: view {subject,owner,hr}: "They can view,
	-- edit, share, and export the data for any survey they have created. They
	-- do not have these permissions for other cycles."
	('tri_role', 'survey_response', 'view', '{subject,owner,hr}', NULL,
	 'the respondent, the survey''s creator, and HR admins (survey_response.view)'),
	-- "export the data for any survey they have created": statistics for the
	-- creator and HR admins
	('tri_role', 'survey_response', 'aggregate', '{owner,hr}', NULL,
	 'the survey''s creator and HR admins (survey_response.aggregate)'),
	-- a survey response is written by the respondent about themselves
	('tri_role', 'survey_response', 'create', '{subject}', NULL, 'respondents answer for themselves'),
	-- "view, edit ... the data for any survey they have created"
	('tri_role', 'survey_response', 'edit', '{subject,owner}', NULL,
	 'the respondent and the survey''s creator'),
	-- "Since they cannot view what data may have been recorded by users, only HR Admins" delete recorded data
	('tri_role', 'survey_response', 'delete', '{hr}', NULL,
	 'HR admins only (survey_response.delete): "only HR Admins" delete recorded data'),

	-- Praise: messages are public; "Edit and delete messages" and "Unveil
	-- anonymous writer" are HR admin's (cheat sheet, inferred from the HR
	-- admin's "managing people and feedback").
	('tri_role', 'praise', 'view', '{public}', NULL, 'every active person'),
	-- every active person may praise anyone
	('tri_role', 'praise', 'create', '{public}', NULL, 'every active person'),
	-- cheat sheet "Edit and delete messages": the writer, and HR admins
	('tri_role', 'praise', 'edit', '{author,hr}', NULL, 'its writer and HR admins (praise.edit)'),
	-- cheat sheet "Edit and delete messages": the writer, and HR admins
	('tri_role', 'praise', 'delete', '{author,hr}', NULL, 'its writer and HR admins (praise.delete)'),
	-- cheat sheet "Unveil anonymous writer": HR admins only (not even the recipient)
	('tri_role', 'praise', 'unveil_author', '{hr}', NULL,
	 'HR admins only (praise.unveil_author, same holders as praise.unveil_anonymous)'),

	-- Private notes: private to their writer (and whom they share them with);
	-- no role reaches them (no hr).
	('tri_role', 'private_note', 'view', '{author,shared}', NULL, 'the writer and whom they share it with'),
	-- anyone may keep private notes about anyone
	('tri_role', 'private_note', 'create', '{public}', NULL, 'every active person'),
	-- only the writer edits their private note
	('tri_role', 'private_note', 'edit', '{author}', NULL, 'the writer'),
	-- only the writer deletes their private note
	('tri_role', 'private_note', 'delete', '{author}', NULL, 'the writer');

---------------------------------------------------------------------------
-- who holds which capability (several rows: alternatives)
---------------------------------------------------------------------------

INSERT INTO orgacl.model_cap_rule (model, capability, roles, option, needs_report, note) VALUES
	-- User management.
	-- cheat sheet "Invite users ... √ (csv import)": HR admins invite, tech
	-- admins through the csv import (inferred); the assistant paragraph grants
	-- no directory change.
	('tri_role', 'user.invite', '{hr_admin}', NULL, false, 'HR admins invite users'),
	-- "√ (csv import)": tech admins invite users through the import (inferred)
	('tri_role', 'user.invite', '{tech_admin}', NULL, false, 'tech admins invite users (csv import)'),
	-- "The Tech Admin role is used to ... use the user import tool"; cheat
	-- sheet "Import users", "SFTP setup"
	('tri_role', 'admin.user_import', '{tech_admin}', NULL, false, 'the user import tool and SFTP setup'),
	-- "HR Admins can ... change the reporting structure"; the tech admin
	-- "cannot perform certain actions like setting passwords or changing the
	-- reporting structure"; the assistant role "does not initially give
	-- permission to change the reporting structure"
	('tri_role', 'user.change_reporting', '{hr_admin}', NULL, false, 'HR admins change reporting lines'),
	-- "Allow HR Assistant to pick a person's manager" (cheat sheet "(√)" in the
	-- assistant's column of "Change reporting structure")
	('tri_role', 'user.change_reporting', '{hr_assistant}', 'hr_assistant_can_set_manager', false,
	 'HR assistants too, while the option is on'),
	-- SPEC 6a Rule: user.deactivate is hr_admin's ("Deactivate/reactivate users")
	('tri_role', 'user.deactivate', '{hr_admin}', NULL, false, 'HR admins deactivate and reactivate users'),
	-- cheat sheet "Delete users" (HR admin, inferred)
	('tri_role', 'user.delete', '{hr_admin}', NULL, false, 'HR admins delete users'),
	-- neither the tech admin nor the assistant may set passwords, reset them
	-- or change email addresses ("setting passwords", "to change email
	-- addresses, or to reset user's passwords"): HR admin's
	('tri_role', 'user.reset_password', '{hr_admin}', NULL, false, 'HR admins send password resets'),
	-- "setting passwords" is refused to the tech admin and the assistant: HR admins
	('tri_role', 'user.change_password', '{hr_admin}', NULL, false, 'HR admins set passwords'),
	-- "to change email addresses" is refused to the assistant: HR admins
	('tri_role', 'user.change_email', '{hr_admin}', NULL, false, 'HR admins change email addresses'),
	-- groups: "managing people" (HR admin) and "help with many tasks in user
	-- management" (tech admin); in this model groups give no access
	('tri_role', 'group.manage', '{hr_admin}', NULL, false, 'HR admins manage groups'),
	-- "help with many tasks in user management" (tech admin): groups as well
	('tri_role', 'group.manage', '{tech_admin}', NULL, false, 'tech admins manage groups'),

	-- Performance reviews.
	-- "HR Admins can set up and manage review processes"; "HR Assistants can
	-- create and edit review and 360 cycles, add reviewees to them"
	('tri_role', 'review.create_cycle', '{hr_admin}', NULL, false, 'HR admins create review cycles'),
	-- "HR Assistants can create and edit review and 360 cycles"
	('tri_role', 'review.create_cycle', '{hr_assistant}', NULL, false, 'HR assistants create review cycles'),
	-- "HR Admins can set up and manage review processes": edit review cycles
	('tri_role', 'review.edit_cycle', '{hr_admin}', NULL, false, 'HR admins edit review cycles'),
	-- "HR Assistants can create and edit review and 360 cycles"
	('tri_role', 'review.edit_cycle', '{hr_assistant}', NULL, false, 'HR assistants edit review cycles'),
	-- "The HR Assistant cannot delete cycles, even if they created them ...
	-- only HR Admins can undertake this action"
	('tri_role', 'review.delete_cycle', '{hr_admin}', NULL, false, 'only HR admins delete review cycles'),
	-- "access confidential data, such as performance review content" (HR
	-- admin); assistants are "not able to access any confidential data"
	('tri_role', 'review.view', '{hr_admin}', NULL, false, 'HR admins read review content'),
	-- "see the status of reviews" (assistant) and "Export review statistics"
	('tri_role', 'review.aggregate', '{hr_admin}', NULL, false, 'HR admins see progress and statistics'),
	-- "see the status of reviews" (assistant), without the content
	('tri_role', 'review.aggregate', '{hr_assistant}', NULL, false, 'HR assistants see progress and statistics'),
	-- "send reminders to those who are running late"
	('tri_role', 'review.send_reminders', '{hr_admin}', NULL, false, 'HR admins send reminders'),
	-- "send reminders to those who are running late" (assistant)
	('tri_role', 'review.send_reminders', '{hr_assistant}', NULL, false, 'HR assistants send reminders'),
	-- cheat sheet "Create reviews", "Delete reviews" (HR admin, inferred);
	-- editing follows creating
	('tri_role', 'review.create', '{hr_admin}', NULL, false, 'HR admins create reviews'),
	-- an HR admin edits review content (SPEC 6a edit {author,hr})
	('tri_role', 'review.edit', '{hr_admin}', NULL, false, 'HR admins edit reviews'),
	-- cheat sheet "Delete reviews" (SPEC 6a delete {hr})
	('tri_role', 'review.delete', '{hr_admin}', NULL, false, 'HR admins delete reviews'),

	-- 360 feedback: the same split as reviews.  "editing 360 cycles includes
	-- the ability to change visibility of feedback in that cycle" (edit_cycle
	-- is set_cycle_audience).
	('tri_role', 'feedback_360.create_cycle', '{hr_admin}', NULL, false, 'HR admins create 360 cycles'),
	-- "HR Assistants can create and edit review and 360 cycles"
	('tri_role', 'feedback_360.create_cycle', '{hr_assistant}', NULL, false, 'HR assistants create 360 cycles'),
	-- HR admins edit 360 cycles, visibility included
	('tri_role', 'feedback_360.edit_cycle', '{hr_admin}', NULL, false, 'HR admins edit 360 cycles and their visibility'),
	-- "editing 360 cycles includes the ability to change visibility of feedback in that cycle"
	('tri_role', 'feedback_360.edit_cycle', '{hr_assistant}', NULL, false, 'HR assistants edit 360 cycles and their visibility'),
	-- "The HR Assistant cannot delete cycles ... only HR Admins can undertake this action"
	('tri_role', 'feedback_360.delete_cycle', '{hr_admin}', NULL, false, 'only HR admins delete 360 cycles'),
	-- "Access feedback content", "Export feedback to PDF" (HR admin)
	('tri_role', 'feedback_360.view', '{hr_admin}', NULL, false, 'HR admins read 360 content'),
	-- cheat sheet "Track progress" / "Export feedback statistics to Excel" (HR admin)
	('tri_role', 'feedback_360.aggregate', '{hr_admin}', NULL, false, 'HR admins see 360 progress and statistics'),
	-- "see the status of reviews" applies to 360 cycles the assistant runs
	('tri_role', 'feedback_360.aggregate', '{hr_assistant}', NULL, false, 'HR assistants see 360 progress and statistics'),
	-- cheat sheet "Track progress, send reminders" (HR admin)
	('tri_role', 'feedback_360.send_reminders', '{hr_admin}', NULL, false, 'HR admins send reminders'),
	-- "send reminders to those who are running late" (assistant)
	('tri_role', 'feedback_360.send_reminders', '{hr_assistant}', NULL, false, 'HR assistants send reminders'),
	-- "Create feedback", "Delete feedback" (HR admin, inferred)
	('tri_role', 'feedback_360.create', '{hr_admin}', NULL, false, 'HR admins create feedback'),
	-- cheat sheet "Delete feedback" (HR admin, inferred)
	('tri_role', 'feedback_360.delete', '{hr_admin}', NULL, false, 'HR admins delete feedback'),

	-- Objectives.  Cheat sheet "Create and edit objective cycles" (HR admin,
	-- inferred: the assistant paragraph names only review and 360 cycles and
	-- surveys); SPEC 6a lists no objective cycle capability, this adds it.
	('tri_role', 'objective.create_cycle', '{hr_admin}', NULL, false, 'HR admins create objective cycles'),
	-- cheat sheet "Create and edit objective cycles" (HR admin, inferred)
	('tri_role', 'objective.edit_cycle', '{hr_admin}', NULL, false, 'HR admins edit objective cycles'),
	-- only HR admins delete cycles ("only HR Admins can undertake this action")
	('tri_role', 'objective.delete_cycle', '{hr_admin}', NULL, false, 'HR admins delete objective cycles'),
	-- "View objectives only shared with the manager" (HR admin); "even if HR
	-- creates the objective on their behalf"
	('tri_role', 'objective.view', '{hr_admin}', NULL, false, 'HR admins read manager-shared objectives'),
	-- "even if HR creates the objective on their behalf": HR admins create objectives
	('tri_role', 'objective.create', '{hr_admin}', NULL, false, 'HR admins create objectives on someone''s behalf'),
	-- HR admins edit objectives they may read
	('tri_role', 'objective.edit', '{hr_admin}', NULL, false, 'HR admins edit objectives'),
	-- HR admins delete objectives they may read
	('tri_role', 'objective.delete', '{hr_admin}', NULL, false, 'HR admins delete objectives'),
	-- "Nudge objective owners and managers into action" (inferred: HR admin and
	-- HR assistant, like the assistant's reminders)
	('tri_role', 'objective.nudge', '{hr_admin}', NULL, false, 'HR admins nudge'),
	-- "Nudge objective owners and managers into action" (assistant, inferred from their reminders)
	('tri_role', 'objective.nudge', '{hr_assistant}', NULL, false, 'HR assistants nudge'),

	-- Pulse surveys.  "HR Assistants can create Pulse Surveys"; they see the
	-- data of their own surveys through the owner relation only.
	('tri_role', 'survey_response.create_cycle', '{hr_admin}', NULL, false, 'HR admins create surveys'),
	-- "HR Assistants can create Pulse Surveys"
	('tri_role', 'survey_response.create_cycle', '{hr_assistant}', NULL, false, 'HR assistants create surveys'),
	-- "They do not have these permissions for other cycles": editing a survey
	-- cycle would reach every survey (owning gives no capability, SPEC 6a),
	-- so edit_cycle stays HR admin's; assistants cannot delete cycles.
	('tri_role', 'survey_response.edit_cycle', '{hr_admin}', NULL, false, 'HR admins edit surveys'),
	-- "The HR Assistant cannot delete cycles": survey cycles are HR admins to delete
	('tri_role', 'survey_response.delete_cycle', '{hr_admin}', NULL, false, 'HR admins delete surveys'),
	-- HR admins "access confidential data": survey responses included
	('tri_role', 'survey_response.view', '{hr_admin}', NULL, false, 'HR admins read survey responses'),
	-- HR admins export every surveys statistics
	('tri_role', 'survey_response.aggregate', '{hr_admin}', NULL, false, 'HR admins export survey statistics'),
	-- "only HR Admins" delete recorded data
	('tri_role', 'survey_response.delete', '{hr_admin}', NULL, false, 'HR admins delete survey responses'),

	-- Praise (cheat sheet "Praise & Private Notes", HR admin inferred).
	('tri_role', 'praise.configure', '{hr_admin}', NULL, false,
	 'platforms, message defaults, badges and the praise wall'),
	-- cheat sheet "Edit and delete messages" (HR admin)
	('tri_role', 'praise.edit', '{hr_admin}', NULL, false, 'HR admins edit messages'),
	-- cheat sheet "Edit and delete messages" (HR admin)
	('tri_role', 'praise.delete', '{hr_admin}', NULL, false, 'HR admins delete messages'),
	-- SPEC 6a Rule: praise.unveil_anonymous is hr_admin's, with the same
	-- holders as praise.unveil_author
	('tri_role', 'praise.unveil_author', '{hr_admin}', NULL, false, 'HR admins unveil anonymous writers'),
	-- SPEC 6a Rule: praise.unveil_anonymous, same holders as praise.unveil_author
	('tri_role', 'praise.unveil_anonymous', '{hr_admin}', NULL, false, 'HR admins unveil anonymous writers'),

	-- Automations (cheat sheet, HR admin inferred: automations drive review
	-- processes, which HR admins "set up and manage").
	('tri_role', 'admin.automations', '{hr_admin}', NULL, false, 'HR admins manage automations'),

	-- General administration.
	-- "This person is comfortable setting up integrations with other products
	-- or editing the company settings" (tech admin)
	('tri_role', 'admin.integrations', '{tech_admin}', NULL, false, 'tech admins set up integrations'),
	-- "configure the SI integrations, security settings" (tech admin)
	('tri_role', 'admin.security', '{tech_admin}', NULL, false,
	 'tech admins edit security settings ("incorrect IP range restrictions")'),
	-- "editing the company settings" (tech admin): feature selection, license, design, email templates
	('tri_role', 'admin.settings', '{tech_admin}', NULL, false, 'tech admins edit company settings'),
	-- "Audit log access" (inferred: both administrator roles; "it is easier to
	-- identify who made major changes")
	('tri_role', 'audit.read', '{hr_admin}', NULL, false, 'HR admins read the audit log'),
	-- "Audit log access" (inferred): tech admins too
	('tri_role', 'audit.read', '{tech_admin}', NULL, false, 'tech admins read the audit log'),
	-- "Create and download XML export (only if also Tech Admin)"
	('tri_role', 'admin.xml_export', '{hr_admin,tech_admin}', NULL, false,
	 'HR admins who are also tech admins'),
	-- SPEC 6a Rule: "User impersonation (only if also Tech Admin)" likewise
	('tri_role', 'admin.impersonate', '{hr_admin,tech_admin}', NULL, false,
	 'HR admins who are also tech admins'),
	-- SPEC 6a Rule: set_option needs hr_admin ("you can select the 'Allow HR
	-- Assistant to pick a person's manager' option" in the user settings)
	('tri_role', 'admin.options', '{hr_admin}', NULL, false, 'HR admins switch the model''s options');

---------------------------------------------------------------------------
-- who may grant and revoke which role
---------------------------------------------------------------------------

INSERT INTO orgacl.model_grant_rule (model, granter, grantable, note) VALUES
	-- "HR Admins can appoint other HR Admins and they can appoint HR
	-- Assistants" (SPEC 6a Rule; the article's earlier "To grant HR Admin
	-- permissions, you'll first need HR and Tech Admin permissions" is read as
	-- describing the evaluator's first grant, which the next row covers)
	('tri_role', '{hr_admin}', '{hr_admin,hr_assistant}',
	 'HR admins appoint and revoke HR admins and HR assistants'),
	-- "Tech Admins can only be appointed by users who are both HR Admin and
	-- Tech Admin already. Someone with both ... can assign any role to anyone."
	('tri_role', '{hr_admin,tech_admin}', '{hr_admin,hr_assistant,tech_admin}',
	 'the Super User grants and revokes any role');
	-- (no row for tech_admin or hr_assistant alone: they grant nothing)
