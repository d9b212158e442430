-- test/pgtap/preset_tri_role.sql: the tri_role preset (presets/tri_role.sql),
-- Small Improvements' "HR Admins, Tech Admins, and HR Assistants"
-- (../shared/seeds/000_026aa0b90258ef85.txt), SPEC sections 5 and 6a.
--
-- Every rule of the article about who may see or do what, each "can" paired
-- with a "cannot", plus the SPEC 6a contract of the preset (roles, super set,
-- own roles, option, grant rules, defaults).  Every decision goes through
-- pg_temp.decision / pg_temp.sees, which also check that explain() agrees
-- with can().
--
-- The organisation (primary lines; [roles]; ':' an additional manager):
--
--  level 1                 1 CEO [hr_admin+tech_admin = Super User]
--                        /            \                 \
--  level 2        2 VP People      3 VP Engineering     14 ex-COO [hr_admin+
--                 /        \         /          \           tech_admin], deactivated
--  level 3   4 HR lead   5 HR coord  6 Eng mgr    7 IT lead
--            [hr_admin] [hr_assistant]            [tech_admin]
--                |           :......................
--  level 4   8 HR partner          9 team lead    10 engineer (additional
--            [hr_admin]            |                  manager: 5)
--                |                 |
--  level 5   11 HR intern         12 engineer
--
--  13: top level, no manager (a contractor).
--  Group 900 (team "Platform"): members 9, 10, 12; lead 9.

\set ON_ERROR_STOP true
BEGIN;
\i test/pgtap/include/decide.psql
SET LOCAL search_path = orgacl, public;

SELECT plan(243);


SELECT orgacl.use_model('tri_role');

-- the organisation, built by the system (actor NULL)
SELECT orgacl.add_person(NULL, 1);
SELECT orgacl.add_person(NULL, 2, 1);
SELECT orgacl.add_person(NULL, 3, 1);
SELECT orgacl.add_person(NULL, 14, 1);
SELECT orgacl.add_person(NULL, 4, 2);
SELECT orgacl.add_person(NULL, 5, 2);
SELECT orgacl.add_person(NULL, 6, 3);
SELECT orgacl.add_person(NULL, 7, 3);
SELECT orgacl.add_person(NULL, 8, 4);
SELECT orgacl.add_person(NULL, 9, 6);
SELECT orgacl.add_person(NULL, 10, 6);
SELECT orgacl.add_person(NULL, 11, 8);
SELECT orgacl.add_person(NULL, 12, 9);
SELECT orgacl.add_person(NULL, 13);
SELECT orgacl.add_manager(NULL, 10, 5);
SELECT orgacl.create_group(NULL, 900, 'team', 'Platform');
SELECT orgacl.add_member(NULL, 900, 9);
SELECT orgacl.add_member(NULL, 900, 10);
SELECT orgacl.add_member(NULL, 900, 12);
SELECT orgacl.set_lead(NULL, 900, 9);
SELECT orgacl.grant_role(NULL, 1, 'hr_admin');
SELECT orgacl.grant_role(NULL, 1, 'tech_admin');
SELECT orgacl.grant_role(NULL, 14, 'hr_admin');
SELECT orgacl.grant_role(NULL, 14, 'tech_admin');
SELECT orgacl.deactivate(NULL, 14);
SELECT orgacl.grant_role(NULL, 4, 'hr_admin');
SELECT orgacl.grant_role(NULL, 8, 'hr_admin');
SELECT orgacl.grant_role(NULL, 5, 'hr_assistant');
SELECT orgacl.grant_role(NULL, 7, 'tech_admin');

---------------------------------------------------------------------------
-- 1. The preset's contract (SPEC 6a tri_role)
---------------------------------------------------------------------------

-- "There are 3 possible roles any user can have": HR Admin, HR Assistant,
-- Tech Admin (SPEC 6a: all global)
SELECT results_eq(
	$$ SELECT name, bit::int, scope FROM orgacl.model_role WHERE model = 'tri_role' ORDER BY bit $$,
	$$ VALUES ('hr_admin'::text, 0, 'either'::text), ('hr_assistant', 1, 'either'), ('tech_admin', 2, 'either') $$,
	'article: three roles, hr_admin, hr_assistant, tech_admin, none of them a scoped role');
-- "HR Admin and Technical Admin ... what we refer to as the account Super User";
-- "Someone with both ... can assign any role to anyone" (themselves included)
SELECT results_eq(
	$$ SELECT super_roles, own_roles FROM orgacl.model WHERE name = 'tri_role' $$,
	$$ VALUES ('{hr_admin,tech_admin}'::text[], true) $$,
	'article: the Super User is hr_admin+tech_admin; own roles may change');
-- "select the Allow HR Assistant to pick a person's manager option" (off at first)
SELECT results_eq(
	$$ SELECT name, default_on FROM orgacl.model_option WHERE model = 'tri_role' $$,
	$$ VALUES ('hr_assistant_can_set_manager'::text, false) $$,
	'article: one option, hr_assistant_can_set_manager, off by default');
-- "A user may have more than one role"
SELECT is(orgacl.roles_of(1)::text, '{hr_admin,tech_admin}', 'article: a user may hold several roles (roles_of in bit order)');
SELECT is(orgacl.roles_of(5)::text, '{hr_assistant}', 'roles_of: the HR assistant');
SELECT is(orgacl.roles_of(12)::text, '{}', 'roles_of: a person without roles (managers are not a role)');
-- SPEC 6a: the three roles are global
-- SPEC 6a Rule: the default audiences of reviews and survey responses
SELECT ok((SELECT count(*) = 5 FROM orgacl.model_default d
		JOIN (VALUES ('review', 'view', '{subject,direct_manager,managers,hr}'),
			('review', 'create', '{direct_manager,hr}'), ('review', 'edit', '{author,hr}'),
			('review', 'delete', '{hr}'), ('survey_response', 'view', '{subject,owner,hr}')) v(k, a, aud)
		ON d.kind = v.k AND d.action = v.a AND d.audience = v.aud::orgacl.audience
		WHERE d.model = 'tri_role' AND d.option IS NULL),
	'SPEC 6a: review view/create/edit/delete and survey_response view defaults');
-- SPEC 6a "Scopes": a role that is not a scoped role may still be granted
-- scoped, and then counts only for subjects in that group
CREATE FUNCTION pg_temp.scoped_hr_admin() RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
	r text;
BEGIN
	PERFORM orgacl.grant_role(NULL, 13, 'hr_admin', 900);
	r := pg_catalog.concat_ws(',', orgacl.has_capability(13, 'review.view'),
		orgacl.has_capability(13, 'review.view', 10), pg_temp.sees(13, 10, orgacl.artifact('review')),
		pg_temp.sees(13, 4, orgacl.artifact('review')));
	PERFORM orgacl.revoke_role(NULL, 13, 'hr_admin', 900);
	RETURN r;
END
$f$;
SELECT is(pg_temp.scoped_hr_admin(), 'f,t,allow,deny',
	'SPEC 6a Scopes: hr_admin scoped to team 900 reads reviews of its members only');
SELECT throws_ok($$ SELECT orgacl.grant_role(1, 9, 'engage_admin') $$, '22023', NULL,
	'a role the tri_role model does not define is 22023');
SELECT throws_ok($$ SELECT orgacl.has_capability(1, 'engage.api_keys') $$, '22023', NULL,
	'a capability outside the tri_role vocabulary is 22023');

---------------------------------------------------------------------------
-- 2. HR admins and review content (SPEC 5)
---------------------------------------------------------------------------

-- "HR Admins can ... access confidential data, such as performance review
-- content, for almost every person in the company"
SELECT is(pg_temp.sees(4, 12, artifact('review')), 'allow',
	'article: an HR admin reads the review of someone in another branch');
SELECT is(pg_temp.sees(8, 10, artifact('review')), 'allow',
	'article: a second HR admin reads a review in another branch too');
SELECT is(pg_temp.sees(4, 5, artifact('review')), 'allow',
	'article: an HR admin reads the review of a peer (same manager, not above them)');
-- "even an HR Admin can't access the confidential data of a person above them
-- in their reporting hierarchy"
SELECT is(pg_temp.sees(4, 2, artifact('review')), 'deny',
	'article: an HR admin cannot read their own manager''s review');
SELECT is(pg_temp.sees(4, 1, artifact('review')), 'deny',
	'article: an HR admin cannot read their skip-level''s review');
SELECT is(pg_temp.sees(8, 4, artifact('review')), 'deny',
	'article: an HR admin cannot read the review of a manager who is an HR admin too');
SELECT is(pg_temp.sees(1, 4, artifact('review')), 'allow',
	'article: the Super User at the top reads every review');
-- the relations of the default audience {subject,direct_manager,managers,hr}
SELECT is(pg_temp.sees(12, 12, artifact('review')), 'allow', 'review default: the reviewee reads their own review');
SELECT is(pg_temp.sees(12, 9, artifact('review')), 'deny', 'review default: a report does not read their manager''s review');
SELECT is(pg_temp.sees(9, 12, artifact('review')), 'allow', 'review default: the direct manager reads it');
SELECT is(pg_temp.sees(6, 12, artifact('review')), 'allow', 'review default: a manager up the line reads it');
SELECT is(pg_temp.sees(9, 10, artifact('review')), 'deny', 'review default: a peer (and team lead) does not read it');
SELECT is(pg_temp.sees(5, 10, artifact('review')), 'allow', 'review default: an additional manager counts as direct manager');
SELECT is(pg_temp.sees(2, 10, artifact('review')), 'deny', 'review default: the additional manager''s own manager gains nothing');
-- "they are not able to access any confidential data" (assistant); "a
-- technical admin will not have access to confidential data"
SELECT is(pg_temp.sees(5, 12, artifact('review')), 'deny', 'article: an HR assistant reads no review content');
SELECT is(pg_temp.sees(7, 12, artifact('review')), 'deny', 'article: a tech admin reads no review content');
-- "see the status of reviews" (assistant): counts, not content
SELECT is(pg_temp.decision(5, 'aggregate', 12, artifact('review')), 'allow',
	'article: an HR assistant sees the status of reviews (aggregate)');
SELECT is(pg_temp.decision(7, 'aggregate', 12, artifact('review')), 'deny',
	'article: a tech admin does not track review progress');
SELECT is(pg_temp.decision(5, 'aggregate', 2, artifact('review')), 'deny',
	'article: not even review status of the assistant''s own manager');
-- a deactivated Super User reads nothing
SELECT is(pg_temp.sees(14, 12, artifact('review')), 'deny', 'SPEC 3: a deactivated HR admin sees nothing');
SELECT is(pg_temp.sees(4, 14, artifact('review')), 'allow', 'SPEC 3: a deactivated person''s review stays visible to HR admins');
-- kinds the article does not mention: nobody, whatever their roles
SELECT is(pg_temp.sees(1, 12, artifact('exit_data')), 'deny', 'preset: exit data is not part of this model, not even the Super User reads it');
SELECT is(pg_temp.sees(12, 12, artifact('ninebox')), 'deny', 'preset: nine-box has no default audience in this model');

---------------------------------------------------------------------------
-- 3. visible_subjects / who_can
---------------------------------------------------------------------------

SELECT set_eq($$ SELECT orgacl.visible_subjects(8, artifact('review')) $$,
	ARRAY[3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]::bigint[],
	'visible_subjects: an HR admin reads every review but those of their managers 4, 2 and 1');
SELECT set_eq($$ SELECT orgacl.visible_subjects(5, artifact('review')) $$,
	ARRAY[5, 10]::bigint[],
	'visible_subjects: an HR assistant reads only their own review and their additional report''s');
SELECT set_eq($$ SELECT orgacl.who_can(12, artifact('review')) $$,
	ARRAY[1, 3, 4, 6, 8, 9, 12]::bigint[],
	'who_can: a review is read by its subject, their primary line, and the HR admins of other branches');
SELECT set_eq($$ SELECT orgacl.who_can(2, artifact('review')) $$,
	ARRAY[1, 2]::bigint[],
	'who_can: the HR admins under the VP People cannot read the VP''s review');

---------------------------------------------------------------------------
-- 4. Writing reviews (SPEC 6a defaults: create {direct_manager,hr},
--    edit {author,hr}, delete {hr})
---------------------------------------------------------------------------

SELECT is(pg_temp.decision(9, 'create', 12, artifact('review')), 'allow', 'SPEC 6a: the direct manager writes the review');
SELECT is(pg_temp.decision(6, 'create', 12, artifact('review')), 'deny', 'SPEC 6a: a skip-level manager does not write it');
-- cheat sheet "Create reviews" (HR admin)
SELECT is(pg_temp.decision(4, 'create', 12, artifact('review')), 'allow', 'article: an HR admin creates reviews');
SELECT is(pg_temp.decision(5, 'create', 12, artifact('review')), 'deny', 'article: an HR assistant creates no review content');
SELECT is(pg_temp.decision(9, 'edit', 12, artifact('review', author => 9)), 'allow', 'SPEC 6a: the author edits their review');
SELECT is(pg_temp.decision(12, 'edit', 12, artifact('review', author => 9)), 'deny', 'SPEC 6a: the reviewee does not edit the manager''s review');
SELECT is(pg_temp.decision(4, 'edit', 12, artifact('review', author => 9)), 'allow', 'article: an HR admin edits a review');
SELECT is(pg_temp.decision(7, 'edit', 12, artifact('review', author => 9)), 'deny', 'article: a tech admin edits no review');
-- cheat sheet "Delete reviews" (HR admin)
SELECT is(pg_temp.decision(4, 'delete', 12, artifact('review', author => 9)), 'allow', 'article: an HR admin deletes a review');
SELECT is(pg_temp.decision(9, 'delete', 12, artifact('review', author => 9)), 'deny', 'article: the writing manager does not delete it');
SELECT is(pg_temp.decision(5, 'delete', 12, artifact('review', author => 9)), 'deny', 'article: an HR assistant deletes no review');
SELECT is(pg_temp.decision(4, 'delete', 2, artifact('review')), 'deny', 'article: not even delete the review of a person above them');
-- "a row or cycle narrows who reads, never widens who writes"
SELECT is(pg_temp.decision(10, 'create', 12, artifact('review', audience => '{public}')), 'deny',
	'SPEC 6a: a row audience does not widen who writes a review');

---------------------------------------------------------------------------
-- 5. HR assistants run cycles (SPEC 5)
---------------------------------------------------------------------------

-- "HR Assistants can create and edit review and 360 cycles"
SELECT lives_ok($$ SELECT orgacl.create_cycle(5, 200, 'review') $$, 'article: an HR assistant creates a review cycle');
SELECT throws_ok($$ SELECT orgacl.create_cycle(7, 201, 'review') $$, '42501', NULL, 'article: a tech admin creates no review cycle');
SELECT throws_ok($$ SELECT orgacl.create_cycle(9, 201, 'review') $$, '42501', NULL, 'article: a manager without a role creates no review cycle');
SELECT lives_ok($$ SELECT orgacl.set_cycle_audience(5, 200, '{subject,direct_manager,managers,hr}') $$,
	'article: an HR assistant edits a review cycle');
-- creating a cycle gives no content (SPEC 6a: no owner in review view)
SELECT is(pg_temp.sees(5, 12, artifact('review', 200)), 'deny', 'article: the assistant who created the cycle still reads none of its reviews');
SELECT is(pg_temp.sees(4, 12, artifact('review', 200)), 'allow', 'article: an HR admin reads the reviews of that cycle');
SELECT is(pg_temp.decision(5, 'aggregate', 12, artifact('review', 200)), 'allow', 'article: the assistant tracks the progress of the cycle');
-- "The HR Assistant cannot delete cycles, even if they created them ... only HR Admins"
SELECT throws_ok($$ SELECT orgacl.delete_cycle(5, 200) $$, '42501', NULL,
	'article: an HR assistant cannot delete the cycle they created');
SELECT lives_ok($$ SELECT orgacl.delete_cycle(4, 200) $$, 'article: an HR admin deletes a review cycle');
SELECT throws_ok($$ SELECT orgacl.delete_cycle(4, 200) $$, '23503', NULL, 'a deleted (unknown) cycle is 23503');
-- "editing 360 cycles includes the ability to change visibility of feedback"
SELECT lives_ok($$ SELECT orgacl.create_cycle(5, 210, 'feedback_360') $$, 'article: an HR assistant creates a 360 cycle');
SELECT lives_ok($$ SELECT orgacl.set_cycle_audience(5, 210, '{subject,hr}') $$,
	'article: an HR assistant changes the visibility of a 360 cycle');
SELECT is(pg_temp.sees(9, 12, artifact('feedback_360', 210)), 'deny',
	'article: the visibility change takes effect: managers no longer see that cycle''s feedback');
SELECT throws_ok($$ SELECT orgacl.set_cycle_audience(7, 210, '{subject,author,hr}') $$, '42501', NULL,
	'article: a tech admin changes no 360 visibility');
SELECT throws_ok($$ SELECT orgacl.delete_cycle(5, 210) $$, '42501', NULL, 'article: an HR assistant deletes no 360 cycle');
SELECT is(pg_temp.sees(5, 12, artifact('feedback_360', 210)), 'deny', 'article: the assistant reads no 360 content of their cycle');
SELECT is(pg_temp.sees(4, 12, artifact('feedback_360', 210)), 'allow', 'article: an HR admin reads 360 content ("Access feedback content")');
SELECT ok(orgacl.has_capability(5, 'review.send_reminders') AND orgacl.has_capability(5, 'feedback_360.send_reminders'),
	'article: an HR assistant sends reminders to those running late');
SELECT ok(NOT orgacl.has_capability(7, 'review.send_reminders'), 'article: a tech admin sends no reminders');
-- "An HR Admin can do everything an HR Assistant can do, plus more"
SELECT ok((SELECT bool_and(orgacl.has_capability(4, r.capability))
		FROM orgacl.model_cap_rule r
		WHERE r.model = 'tri_role' AND r.roles = '{hr_assistant}' AND r.option IS NULL),
	'article: an HR admin holds every capability of an HR assistant');
SELECT ok(NOT orgacl.has_capability(5, 'review.delete_cycle') AND NOT orgacl.has_capability(5, 'review.view'),
	'article: but not the other way round');

---------------------------------------------------------------------------
-- 6. Pulse surveys
---------------------------------------------------------------------------

-- "HR Assistants can create Pulse Surveys ... They can view, edit, share, and
-- export the data for any survey they have created. They do not have these
-- permissions for other cycles."
SELECT lives_ok($$ SELECT orgacl.create_cycle(5, 300, 'survey_response') $$, 'article: an HR assistant creates a pulse survey');
SELECT throws_ok($$ SELECT orgacl.create_cycle(7, 302, 'survey_response') $$, '42501', NULL, 'article: a tech admin creates no survey');
SELECT lives_ok($$ SELECT orgacl.create_cycle(4, 301, 'survey_response') $$, 'article: an HR admin creates a pulse survey');
SELECT is(pg_temp.sees(5, 12, artifact('survey_response', 300)), 'allow', 'article: the assistant views the data of their own survey');
SELECT is(pg_temp.sees(5, 12, artifact('survey_response', 301)), 'deny', 'article: but not of other surveys');
SELECT is(pg_temp.decision(5, 'aggregate', 12, artifact('survey_response', 300)), 'allow', 'article: the assistant exports their own survey''s data');
SELECT is(pg_temp.decision(5, 'aggregate', 12, artifact('survey_response', 301)), 'deny', 'article: but not another survey''s');
SELECT is(pg_temp.decision(5, 'edit', 12, artifact('survey_response', 300)), 'allow', 'article: the assistant edits the data of their own survey');
SELECT is(pg_temp.decision(5, 'edit', 12, artifact('survey_response', 301)), 'deny', 'article: but not of another survey');
SELECT is(pg_temp.sees(4, 12, artifact('survey_response', 300)), 'allow', 'SPEC 6a: survey view {subject,owner,hr}: an HR admin reads responses');
SELECT is(pg_temp.sees(12, 12, artifact('survey_response', 301)), 'allow', 'SPEC 6a: the respondent reads their own response');
SELECT is(pg_temp.sees(9, 12, artifact('survey_response', 301)), 'deny', 'SPEC 6a: managers do not read survey responses');
SELECT throws_ok($$ SELECT orgacl.delete_cycle(5, 300) $$, '42501', NULL, 'article: the assistant cannot delete even their own survey');
SELECT throws_ok($$ SELECT orgacl.set_cycle_audience(5, 301, '{subject,owner}') $$, '42501', NULL,
	'article: the assistant does not edit another''s survey (no per-owner capability, so edit_cycle is HR admin''s)');

---------------------------------------------------------------------------
-- 7. Tech admins (SPEC 5)
---------------------------------------------------------------------------

-- "The Tech Admin role is used to configure the SI integrations, security
-- settings, and use the user import tool"
SELECT ok(orgacl.has_capability(7, 'admin.integrations'), 'article: a tech admin configures integrations');
SELECT ok(NOT orgacl.has_capability(4, 'admin.integrations'), 'article: an HR admin alone does not');
SELECT ok(orgacl.has_capability(7, 'admin.security'), 'article: a tech admin edits security settings');
SELECT ok(NOT orgacl.has_capability(5, 'admin.security'), 'article: an HR assistant does not');
SELECT ok(orgacl.has_capability(7, 'admin.user_import'), 'article: a tech admin uses the user import tool');
SELECT ok(NOT orgacl.has_capability(5, 'admin.user_import'), 'article: an HR assistant does not');
SELECT ok(orgacl.has_capability(7, 'admin.settings'), 'article: a tech admin edits the company settings');
SELECT ok(NOT orgacl.has_capability(8, 'admin.settings'), 'article: an HR admin alone does not');
-- "the Tech Admin role (like the HR Assistant) cannot perform certain actions
-- like setting passwords or changing the reporting structure"
SELECT throws_ok($$ SELECT orgacl.set_manager(7, 12, 10) $$, '42501', NULL, 'article: a tech admin changes no reporting line');
SELECT throws_ok($$ SELECT orgacl.add_manager(7, 12, 10) $$, '42501', NULL, 'article: a tech admin adds no additional manager');
SELECT lives_ok($$ SELECT orgacl.set_manager(4, 12, 10) $$, 'article: an HR admin changes the reporting structure');
SELECT is(pg_temp.sees(10, 12, artifact('review')), 'allow', 'the new manager reads the review after the change');
SELECT lives_ok($$ SELECT orgacl.set_manager(4, 12, 9) $$, 'article: ... and changes it back');
SELECT is(pg_temp.sees(10, 12, artifact('review')), 'deny', 'the former manager no longer reads it');
SELECT ok(NOT orgacl.has_capability(7, 'user.change_password') AND NOT orgacl.has_capability(5, 'user.change_password'),
	'article: neither a tech admin nor an HR assistant sets passwords');
SELECT ok(orgacl.has_capability(4, 'user.change_password'), 'cheat sheet: an HR admin changes passwords');
-- "does not initially give permission ... to change email addresses, or to reset user's passwords"
SELECT ok(NOT orgacl.has_capability(5, 'user.change_email') AND NOT orgacl.has_capability(5, 'user.reset_password'),
	'article: an HR assistant changes no email address and resets no password');
SELECT ok(orgacl.has_capability(4, 'user.change_email') AND orgacl.has_capability(4, 'user.reset_password'),
	'cheat sheet: an HR admin does both');

---------------------------------------------------------------------------
-- 8. User management
---------------------------------------------------------------------------

-- cheat sheet "Invite users ... √ (csv import)"
SELECT lives_ok($$ SELECT orgacl.add_person(4, 20, 9) $$, 'cheat sheet: an HR admin invites a user under a manager');
SELECT lives_ok($$ SELECT orgacl.add_person(7, 21) $$, 'cheat sheet: a tech admin invites a user (csv import)');
SELECT throws_ok($$ SELECT orgacl.add_person(7, 22, 9) $$, '42501', NULL,
	'article: a tech admin cannot place the new user under a manager (reporting structure)');
SELECT throws_ok($$ SELECT orgacl.add_person(5, 22) $$, '42501', NULL, 'article: an HR assistant invites no user');
-- cheat sheet "Deactivate/reactivate users" (SPEC 6a Rule: hr_admin's)
SELECT throws_ok($$ SELECT orgacl.deactivate(7, 20) $$, '42501', NULL, 'SPEC 6a: a tech admin deactivates no user');
SELECT throws_ok($$ SELECT orgacl.deactivate(5, 20) $$, '42501', NULL, 'SPEC 6a: an HR assistant deactivates no user');
SELECT lives_ok($$ SELECT orgacl.deactivate(4, 12) $$, 'SPEC 6a: an HR admin deactivates a user');
SELECT is(pg_temp.sees(12, 12, artifact('review')), 'deny', 'a deactivated user reads not even their own review');
SELECT is(pg_temp.sees(9, 12, artifact('review')), 'allow', 'a deactivated user''s review stays visible to their manager');
SELECT throws_ok($$ SELECT orgacl.reactivate(7, 12) $$, '42501', NULL, 'SPEC 6a: a tech admin reactivates no user');
SELECT lives_ok($$ SELECT orgacl.reactivate(4, 12) $$, 'SPEC 6a: an HR admin reactivates a user');
SELECT ok(orgacl.has_capability(4, 'user.delete') AND NOT orgacl.has_capability(7, 'user.delete'),
	'cheat sheet: HR admins delete users, tech admins do not');
-- groups: user management the tech admin "helps with"
SELECT lives_ok($$ SELECT orgacl.create_group(7, 901, 'location', 'Berlin') $$, 'preset: a tech admin manages groups');
SELECT throws_ok($$ SELECT orgacl.add_member(5, 901, 12) $$, '42501', NULL, 'preset: an HR assistant manages no group');

---------------------------------------------------------------------------
-- 9. General administration
---------------------------------------------------------------------------

-- "Create and download XML export (only if also Tech Admin)"
SELECT ok(orgacl.has_capability(1, 'admin.xml_export'), 'article: HR admin + tech admin creates the XML export');
SELECT ok(NOT orgacl.has_capability(4, 'admin.xml_export'), 'article: an HR admin alone does not');
SELECT ok(NOT orgacl.has_capability(7, 'admin.xml_export'), 'article: a tech admin alone does not');
-- "User impersonation (only if also Tech Admin)" (SPEC 6a Rule)
SELECT ok(orgacl.has_capability(1, 'admin.impersonate'), 'SPEC 6a: HR admin + tech admin impersonates users');
SELECT ok(NOT orgacl.has_capability(4, 'admin.impersonate'), 'SPEC 6a: an HR admin alone does not');
SELECT ok(NOT orgacl.has_capability(7, 'admin.impersonate'), 'SPEC 6a: a tech admin alone does not');
SELECT ok(NOT orgacl.has_capability(14, 'admin.impersonate'), 'a deactivated Super User impersonates nobody');
-- "Audit log access"
SELECT ok(orgacl.has_capability(4, 'audit.read') AND orgacl.has_capability(7, 'audit.read'),
	'cheat sheet: HR admins and tech admins read the audit log');
SELECT ok(NOT orgacl.has_capability(5, 'audit.read'), 'cheat sheet: HR assistants do not');
-- "Automations"
SELECT ok(orgacl.has_capability(4, 'admin.automations') AND NOT orgacl.has_capability(7, 'admin.automations'),
	'cheat sheet: HR admins manage automations, tech admins do not');

---------------------------------------------------------------------------
-- 10. Praise and private notes
---------------------------------------------------------------------------

-- "Unveil anonymous writer" (SPEC 6a Rule: hr_admin's)
SELECT ok(orgacl.has_capability(4, 'praise.unveil_anonymous'), 'SPEC 6a: an HR admin unveils anonymous writers');
SELECT ok(NOT orgacl.has_capability(7, 'praise.unveil_anonymous'), 'SPEC 6a: a tech admin does not');
SELECT ok(NOT orgacl.has_capability(5, 'praise.unveil_anonymous'), 'SPEC 6a: an HR assistant does not');
SELECT is(pg_temp.decision(4, 'unveil_author', 12, artifact('praise', author => 10)), 'allow',
	'article: an HR admin unveils the writer of a message');
SELECT is(pg_temp.decision(9, 'unveil_author', 12, artifact('praise', author => 10)), 'deny',
	'article: a manager does not');
SELECT is(pg_temp.decision(7, 'unveil_author', 12, artifact('praise', author => 10)), 'deny',
	'article: a tech admin does not');
SELECT is(pg_temp.decision(4, 'unveil_author', 2, artifact('praise', author => 10)), 'deny',
	'SPEC 3: never up the chain, not even to unveil a message about their manager');
SELECT is(pg_temp.sees(12, 1, artifact('praise')), 'allow', 'preset: praise is public');
-- "Edit and delete messages"
SELECT is(pg_temp.decision(4, 'delete', 12, artifact('praise', author => 10)), 'allow', 'cheat sheet: an HR admin deletes a message');
SELECT is(pg_temp.decision(5, 'delete', 12, artifact('praise', author => 10)), 'deny', 'cheat sheet: an HR assistant does not');
SELECT is(pg_temp.decision(10, 'edit', 12, artifact('praise', author => 10)), 'allow', 'preset: the writer edits their message');
SELECT is(pg_temp.decision(12, 'edit', 12, artifact('praise', author => 10)), 'deny', 'preset: the recipient does not');
SELECT ok(orgacl.has_capability(4, 'praise.configure') AND NOT orgacl.has_capability(7, 'praise.configure'),
	'cheat sheet: HR admins configure badges and the praise wall');
-- private notes: no role reaches them
SELECT is(pg_temp.sees(9, 12, artifact('private_note', author => 9)), 'allow', 'preset: a private note is read by its writer');
SELECT is(pg_temp.sees(1, 12, artifact('private_note', author => 9)), 'deny', 'preset: not by an HR admin');
SELECT is(pg_temp.sees(12, 12, artifact('private_note', author => 9, shared_with => ARRAY[12]::bigint[])), 'allow',
	'preset: ... unless shared with them');

---------------------------------------------------------------------------
-- 11. Limitations on HR admins and assistants: 360s
---------------------------------------------------------------------------

-- "You may create a cycle with visibility settings that conflict with the HR
-- Admin permission level. In these cases, the HR Admin or Assistant status
-- will be disregarded."
-- "In 360s, when a manager cannot see feedback, an HR Admin will not see
-- feedback about their direct reports."
SELECT lives_ok($$ SELECT orgacl.create_cycle(4, 600, 'feedback_360', '{subject,hr}') $$,
	'article: a 360 cycle that hides feedback from managers');
SELECT is(pg_temp.sees(4, 8, artifact('feedback_360', 600)), 'deny',
	'article: an HR admin does not see 360 feedback about their direct report when managers cannot');
SELECT is(pg_temp.sees(4, 11, artifact('feedback_360', 600)), 'deny',
	'article: nor about an indirect report');
SELECT is(pg_temp.sees(4, 10, artifact('feedback_360', 600)), 'allow',
	'article: but sees it about someone they do not manage');
SELECT is(pg_temp.sees(9, 12, artifact('feedback_360', 600)), 'deny', 'cycle audience: a manager does not see it');
SELECT is(pg_temp.sees(12, 12, artifact('feedback_360', 600)), 'allow', 'cycle audience: the subject does');
SELECT is(pg_temp.decision(5, 'aggregate', 10, artifact('feedback_360', 600)), 'deny',
	'article: the assistant status is disregarded too: no 360 progress for their (additional) report');
SELECT is(pg_temp.decision(5, 'aggregate', 12, artifact('feedback_360', 600)), 'allow',
	'article: the assistant tracks 360 progress of others');
-- "In 360s, if feedback is only visible to direct managers, an HR Admin cannot
-- see feedback about themselves"
SELECT lives_ok($$ SELECT orgacl.create_cycle(5, 601, 'feedback_360', '{direct_manager,hr}') $$,
	'article: a 360 cycle visible to direct managers only');
SELECT is(pg_temp.sees(8, 8, artifact('feedback_360', 601)), 'deny',
	'article: an HR admin cannot see feedback about themselves');
SELECT is(pg_temp.sees(4, 8, artifact('feedback_360', 601)), 'allow', 'article: their direct manager sees it');
SELECT is(pg_temp.sees(4, 11, artifact('feedback_360', 601)), 'deny',
	'article: an HR admin who is a skip-level manager (not direct) does not');
SELECT is(pg_temp.sees(8, 12, artifact('feedback_360', 601)), 'allow', 'article: the HR admin still sees others'' feedback');
-- the refusals above are the article's two limitations, not a missing capability
SELECT is(pg_temp.deciding_rule(4, 8, artifact('feedback_360', 600)), '4a',
	'explain: "cycle settings supersede" (4a) hides the direct report''s feedback');
SELECT is(pg_temp.deciding_rule(8, 8, artifact('feedback_360', 601)), '4a',
	'explain: 4a hides feedback about the HR admin themselves');
SELECT is(pg_temp.deciding_rule(4, 2, artifact('review')), '4b',
	'explain: "never up the chain" (4b) hides the manager''s review');
SELECT is(pg_temp.deciding_rule(5, 12, artifact('review')), '5',
	'explain: the HR assistant passes 4a and 4b, lacks review.view at 4c, and rule 5 denies');
-- a capability is not a decision: the HR admin holds review.view towards
-- their manager, and the decision still refuses (previous assertion)
SELECT ok(orgacl.has_capability(4, 'review.view', 2),
	'has_capability: the HR admin holds review.view even for their manager; can() applies never-up-the-chain');
-- 360 defaults: the writer reads their own feedback
SELECT is(pg_temp.sees(10, 12, artifact('feedback_360', author => 10)), 'allow', 'preset: a 360 writer reads what they wrote');
SELECT is(pg_temp.sees(10, 12, artifact('feedback_360', author => 9)), 'deny', 'preset: a peer reads no one else''s 360 feedback');
SELECT is(pg_temp.decision(4, 'delete', 12, artifact('feedback_360', author => 10)), 'allow', 'cheat sheet: an HR admin deletes feedback');
SELECT is(pg_temp.decision(10, 'delete', 12, artifact('feedback_360', author => 10)), 'deny', 'cheat sheet: the writer does not');

-- "In Performance Reviews, HR Admins cannot access their supervisor's review
-- or the reviews of anyone in their management chain." (also with a cycle
-- that opens reviews to hr)
SELECT lives_ok($$ SELECT orgacl.create_cycle(NULL, 100, 'review', '{subject,hr}') $$, 'a review cycle visible to the subject and HR');
SELECT is(pg_temp.sees(8, 2, artifact('review', 100)), 'deny', 'article: never up the chain, even when the cycle opens reviews to HR (skip-level)');
SELECT is(pg_temp.sees(9, 12, artifact('review', 100)), 'deny', 'cycle audience overrides the default: the manager no longer reads it');
SELECT is(pg_temp.sees(8, 12, artifact('review', 100)), 'allow', 'cycle audience: an HR admin elsewhere reads it');
SELECT lives_ok($$ SELECT orgacl.create_cycle(NULL, 101, 'review', '{subject,direct_manager}') $$, 'a review cycle closed to HR');
SELECT is(pg_temp.sees(4, 12, artifact('review', 101)), 'deny', 'article: cycle settings supersede the HR admin role');
SELECT is(pg_temp.sees(9, 12, artifact('review', 101)), 'allow', 'the direct manager reads it');
SELECT is(pg_temp.decision(4, 'edit', 12, artifact('review', 101, author => 9)), 'allow',
	'SPEC 6a: a cycle narrows who reads, never who writes: the HR admin still edits');

---------------------------------------------------------------------------
-- 12. Limitations: objectives
---------------------------------------------------------------------------

-- "View objectives only shared with the manager" (HR admin)
SELECT is(pg_temp.sees(4, 12, artifact('objective')), 'allow', 'cheat sheet: an HR admin views objectives shared with the manager');
SELECT is(pg_temp.sees(5, 12, artifact('objective')), 'deny', 'cheat sheet: an HR assistant does not');
SELECT is(pg_temp.sees(10, 12, artifact('objective')), 'deny', 'preset: a peer does not');
-- "In Objective cycles, private objectives are hidden from HR Admins, unless
-- specifically granted visibility."
SELECT is(pg_temp.sees(4, 12, artifact('objective', audience => '{subject,shared}')), 'deny',
	'article: a private objective is hidden from HR admins');
SELECT is(pg_temp.sees(4, 12, artifact('objective', audience => '{subject,shared}', shared_with => ARRAY[4]::bigint[])), 'allow',
	'article: unless specifically granted visibility');
SELECT is(pg_temp.sees(9, 12, artifact('objective', audience => '{subject,shared}')), 'deny', 'article: a private objective is hidden from the manager');
SELECT is(pg_temp.sees(12, 12, artifact('objective', audience => '{subject,shared}')), 'allow', 'article: its owner sees it');
SELECT lives_ok($$ SELECT orgacl.create_cycle(NULL, 700, 'objective', '{subject}') $$, 'an objective cycle of private objectives');
SELECT is(pg_temp.sees(1, 12, artifact('objective', 700)), 'deny', 'article: private objectives of a cycle are hidden even from the Super User');
-- "In Objective cycles, HR Admins cannot see protected objectives of their own
-- managers, even if HR creates the objective on their behalf."
SELECT is(pg_temp.sees(8, 4, artifact('objective', author => 8)), 'deny',
	'article: an HR admin cannot see their manager''s objective, even one they wrote');
SELECT is(pg_temp.sees(8, 2, artifact('objective', author => 8)), 'deny',
	'article: nor a skip-level''s');
SELECT is(pg_temp.sees(8, 4, artifact('objective', author => 8, audience => '{subject,author}')), 'allow',
	'SPEC 3: never up the chain blocks only roles: an author in the audience still reads it');
SELECT is(pg_temp.decision(8, 'create', 4, artifact('objective')), 'deny',
	'article: an HR admin does not create objectives for their own manager');
SELECT is(pg_temp.decision(8, 'create', 12, artifact('objective')), 'allow',
	'article: HR creates objectives on someone''s behalf');
SELECT is(pg_temp.decision(12, 'create', 12, artifact('objective')), 'allow', 'preset: people set their own objectives');
SELECT is(pg_temp.decision(10, 'create', 12, artifact('objective')), 'deny', 'preset: a peer does not');
-- "Nudge objective owners and managers into action"
SELECT ok(orgacl.has_capability(5, 'objective.nudge') AND NOT orgacl.has_capability(7, 'objective.nudge'),
	'cheat sheet: HR assistants nudge objective owners, tech admins do not');
-- "Create and edit objective cycles"
SELECT throws_ok($$ SELECT orgacl.create_cycle(7, 702, 'objective') $$, '42501', NULL, 'cheat sheet: a tech admin creates no objective cycle');
SELECT lives_ok($$ SELECT orgacl.create_cycle(4, 702, 'objective') $$, 'cheat sheet: an HR admin creates an objective cycle');

---------------------------------------------------------------------------
-- 13. Option hr_assistant_can_set_manager (SPEC 5, 6a)
---------------------------------------------------------------------------

-- "The role does not initially give permission to change the reporting structure"
SELECT throws_ok($$ SELECT orgacl.set_manager(5, 12, 10) $$, '42501', NULL, 'article: an HR assistant picks no manager at first');
SELECT ok(NOT orgacl.has_capability(5, 'user.change_reporting'), 'article: no user.change_reporting for an assistant at first');
-- SPEC 6a: set_option needs hr_admin
SELECT throws_ok($$ SELECT orgacl.set_option(7, 'hr_assistant_can_set_manager', true) $$, '42501', NULL,
	'SPEC 6a: a tech admin switches no option');
SELECT throws_ok($$ SELECT orgacl.set_option(5, 'hr_assistant_can_set_manager', true) $$, '42501', NULL,
	'SPEC 6a: an HR assistant cannot switch the option on for themselves');
SELECT throws_ok($$ SELECT orgacl.set_option(4, 'manager_cascade', true) $$, '22023', NULL,
	'an option of another preset is 22023');
-- "select the Allow HR Assistant to pick a person's manager option"
SELECT lives_ok($$ SELECT orgacl.set_option(4, 'hr_assistant_can_set_manager', true) $$, 'article: an HR admin switches the option on');
SELECT ok(orgacl.has_capability(5, 'user.change_reporting'), 'article: with the option, an HR assistant holds user.change_reporting');
SELECT lives_ok($$ SELECT orgacl.set_manager(5, 12, 10) $$, 'article: with the option, an HR assistant picks a person''s manager');
-- "but still be blocked from accessing confidential review or 360 content"
SELECT is(pg_temp.sees(5, 12, artifact('review')), 'deny', 'article: the option opens no review content');
SELECT is(pg_temp.sees(5, 12, artifact('feedback_360')), 'deny', 'article: nor 360 content');
SELECT throws_ok($$ SELECT orgacl.set_manager(7, 12, 9) $$, '42501', NULL, 'article: the option does nothing for tech admins');
SELECT lives_ok($$ SELECT orgacl.set_manager(5, 12, 9) $$, 'article: the assistant puts the person back');
SELECT lives_ok($$ SELECT orgacl.set_option(4, 'hr_assistant_can_set_manager', false) $$, 'an HR admin switches the option off');
SELECT throws_ok($$ SELECT orgacl.set_manager(5, 12, 10) $$, '42501', NULL, 'option off: the assistant picks no manager again');

---------------------------------------------------------------------------
-- 14. Changing permissions (SPEC 6a Rule: who may change roles)
---------------------------------------------------------------------------

-- "HR Admins can appoint other HR Admins and they can appoint HR Assistants"
SELECT lives_ok($$ SELECT orgacl.grant_role(4, 9, 'hr_admin') $$, 'article: an HR admin appoints an HR admin');
SELECT is(pg_temp.sees(9, 4, artifact('review')), 'allow', 'the new HR admin reads reviews in another branch');
SELECT lives_ok($$ SELECT orgacl.revoke_role(4, 9, 'hr_admin') $$, 'article: an HR admin revokes an HR admin');
SELECT is(pg_temp.sees(9, 4, artifact('review')), 'deny', 'after the revoke the review is closed again');
SELECT lives_ok($$ SELECT orgacl.grant_role(8, 10, 'hr_assistant') $$, 'article: an HR admin appoints an HR assistant');
SELECT lives_ok($$ SELECT orgacl.revoke_role(8, 10, 'hr_assistant') $$, 'article: an HR admin revokes an HR assistant');
-- "Tech Admins can only be appointed by users who are both HR Admin and Tech Admin already"
SELECT throws_ok($$ SELECT orgacl.grant_role(4, 9, 'tech_admin') $$, '42501', NULL, 'article: an HR admin may not grant tech_admin');
SELECT throws_ok($$ SELECT orgacl.revoke_role(4, 7, 'tech_admin') $$, '42501', NULL, 'SPEC 6a: nor revoke it');
SELECT throws_ok($$ SELECT orgacl.grant_role(7, 9, 'tech_admin') $$, '42501', NULL, 'SPEC 6a: a tech admin alone grants nothing, not even tech_admin');
SELECT throws_ok($$ SELECT orgacl.grant_role(7, 9, 'hr_assistant') $$, '42501', NULL, 'SPEC 6a: a tech admin grants no hr_assistant');
SELECT throws_ok($$ SELECT orgacl.grant_role(5, 9, 'hr_assistant') $$, '42501', NULL, 'SPEC 6a: an HR assistant grants nothing');
-- "Someone with both HR Admin and Tech Admin permissions can assign any role to anyone."
SELECT lives_ok($$ SELECT orgacl.grant_role(1, 6, 'tech_admin') $$, 'article: the Super User grants tech_admin');
SELECT lives_ok($$ SELECT orgacl.revoke_role(1, 6, 'tech_admin') $$, 'article: the Super User revokes tech_admin');
-- "permissions simply add up": a tech admin who is also an HR assistant
SELECT lives_ok($$ SELECT orgacl.grant_role(1, 7, 'hr_assistant') $$, 'article: a tech admin may also be made HR assistant');
SELECT lives_ok($$ SELECT orgacl.create_cycle(7, 220, 'review') $$, 'article: permissions add up: tech admin + HR assistant creates a review cycle');
SELECT is(pg_temp.sees(7, 12, artifact('review')), 'deny', 'article: ... and still reads no review content');
-- own roles (SPEC 6a: may change)
SELECT lives_ok($$ SELECT orgacl.revoke_role(8, 8, 'hr_admin') $$, 'SPEC 6a: an HR admin may give up their own role');
SELECT is(orgacl.roles_of(8)::text, '{}', 'the role is gone');
SELECT throws_ok($$ SELECT orgacl.grant_role(8, 8, 'hr_admin') $$, '42501', NULL, 'a person without roles cannot take one back');

---------------------------------------------------------------------------
-- 15. The last Super User (SPEC 5, 6a)
---------------------------------------------------------------------------

-- "there always needs to be at least one Super User in the system. You can't
-- revoke the last person's roles, nor can you lock that person."
-- (14 is a deactivated Super User: only active holders count)
SELECT throws_ok($$ SELECT orgacl.revoke_role(1, 1, 'tech_admin') $$, '23514', NULL,
	'article: the last Super User cannot give up tech_admin');
SELECT throws_ok($$ SELECT orgacl.revoke_role(4, 1, 'hr_admin') $$, '23514', NULL,
	'article: an HR admin cannot revoke hr_admin from the last Super User');
SELECT throws_ok($$ SELECT orgacl.deactivate(4, 1) $$, '23514', NULL,
	'article: nor lock (deactivate) the last Super User');
-- SPEC 6a: a refused actor gets 42501 before the last-holder check
SELECT throws_ok($$ SELECT orgacl.revoke_role(7, 1, 'tech_admin') $$, '42501', NULL,
	'SPEC 6a: a tech admin revoking the last Super User is refused (42501), not told who is last');
SELECT throws_ok($$ SELECT orgacl.deactivate(7, 1) $$, '42501', NULL,
	'SPEC 6a: a tech admin deactivating the last Super User gets 42501');
SELECT throws_ok($$ SELECT orgacl.revoke_role(5, 1, 'hr_admin') $$, '42501', NULL,
	'SPEC 6a: an HR assistant revoking the last Super User gets 42501');
-- a second Super User lifts the block
SELECT lives_ok($$ SELECT orgacl.grant_role(1, 4, 'tech_admin') $$, 'article: the Super User makes another Super User');
SELECT ok(orgacl.has_capability(4, 'admin.xml_export'), 'article: HR admin now also tech admin: XML export');
SELECT lives_ok($$ SELECT orgacl.revoke_role(4, 1, 'tech_admin') $$, 'article: with two Super Users, one may lose the role');
SELECT ok(NOT orgacl.has_capability(1, 'admin.impersonate'), 'the former Super User no longer impersonates');
SELECT throws_ok($$ SELECT orgacl.revoke_role(1, 4, 'hr_admin') $$, '23514', NULL,
	'article: now 4 is the last Super User: hr_admin cannot be revoked');
SELECT throws_ok($$ SELECT orgacl.deactivate(1, 4) $$, '23514', NULL,
	'article: ... nor can 4 be deactivated');
SELECT throws_ok($$ SELECT orgacl.revoke_role(1, 4, 'tech_admin') $$, '42501', NULL,
	'article: an HR admin alone may not revoke tech_admin (42501 first)');

---------------------------------------------------------------------------
-- 16. The workaround: stepping out of the reporting line
---------------------------------------------------------------------------

-- "you can work around this limitation by removing your own manager to put
-- yourself outside the reporting line. Add your manager back when you're done."
SELECT is(pg_temp.sees(4, 2, artifact('review')), 'deny', 'article: the HR admin cannot read their manager''s review');
SELECT lives_ok($$ SELECT orgacl.set_manager(4, 4, NULL) $$, 'article: the HR admin removes their own manager');
SELECT is(pg_temp.sees(4, 2, artifact('review')), 'allow', 'article: outside the reporting line, the review opens');
SELECT lives_ok($$ SELECT orgacl.set_manager(4, 4, 2) $$, 'article: the HR admin adds their manager back');
SELECT is(pg_temp.sees(4, 2, artifact('review')), 'deny', 'article: back in the line, the review is closed again');

SELECT * FROM finish();
ROLLBACK;

-- Not expressible:
-- * "To grant HR Admin permissions, you'll first need HR and Tech Admin
--   permissions" contradicts "HR Admins can appoint other HR Admins"; SPEC 6a
--   fixes the second reading (hr_admin grants hr_admin), tested above.
-- * "HR Assistants can ... edit ... any survey they have created. They do not
--   have these permissions for other cycles": owning a cycle gives no
--   capability (SPEC 6a), so an assistant cannot be allowed to edit exactly
--   the survey cycles they created; survey_response.edit_cycle stays HR
--   admin's.  Their own survey's responses are reachable through `owner`.
-- * "add reviewees to them", "share ... the data": cycle membership and
--   sharing workflows are the application's, not access rules.
-- * 360 feedback requests (who was asked for feedback) are application data:
--   every active person may write 360 feedback ({public}).
-- * "limited access to confidential information (through exports)": exports
--   are modelled as `aggregate` (statistics), not as a distinct action.
-- * The cheat sheet lost its check marks: the rows marked "inferred" in
--   presets/tri_role.sql (invite, import, SFTP, automations, praise settings,
--   audit log, settings) follow the article's prose; they are tested as
--   inferred, not as the article's word.
-- * UI behaviour ("we always present all buttons ... greyed out"), sizing
--   advice ("2 or 3 people in a small company") and "contact support" are not
--   access rules.
