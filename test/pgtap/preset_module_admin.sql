-- test/pgtap/preset_module_admin.sql: the module_admin preset (Leapsome,
-- ../shared/seeds/002_a52262135aab34c9.txt; SPEC sections 5 and 6a).
--
-- Covers every rule of the article about who may see or do what: super
-- admins (roles, optional permissions), admins (teams, users, cycles,
-- analytics, integrations, no private feedback, assessments only with the
-- option), module admins, managers (direct reports, additional managers,
-- cascade and setup options), team leads (goals, survey analytics), normal
-- users (private feedback), HRBPs (scoped to a team or a location); and the
-- SPEC 6a contract: role names and scopes, super set, own roles, options
-- and who switches them, grant rules, default audiences, cycles overriding
-- defaults, never up the chain, cycle settings superseding roles.
--
-- The organisation (primary lines; [x] additional manager):
--
--                               1 CEO
--        _________________________|______________________________
--       |                |                  |    |    |    |    |
--       2 VP Eng         3 VP Sales         14   15   16   17   18   19
--     __|__            __|_________       hrbp  rev  goal meet surv feedb
--    |     |          |     |      |     @200 admin admin admin admin admin
--    4     5          6     12     13
--  Eng mgr super_   Sales  hrbp   admin
--    |     admin     mgr   @101
--  __|__            __|__
-- |     |          |     |
-- 7     8 [6]      9     10 (lead of team 100)
-- |
-- 11
--
-- Groups: team 100 "Platform" = {7, 8, 11}, lead 10;
--         team 101 "Sales"    = {3, 6, 9, 10};
--         location 200 "Berlin" = {1, 4, 7, 8};
--         saved group 300 = {7}.
-- 6 is an additional manager of 8.

\set ON_ERROR_STOP true
BEGIN;
\i test/pgtap/include/decide.psql
SET LOCAL search_path = orgacl, public;
SELECT plan(177);

SELECT lives_ok($$ SELECT orgacl.use_model('module_admin') $$, 'use_model(module_admin) as the system');

DO $$
BEGIN
	PERFORM orgacl.add_person(NULL, 1);
	PERFORM orgacl.add_person(NULL, 2, 1);
	PERFORM orgacl.add_person(NULL, 3, 1);
	PERFORM orgacl.add_person(NULL, 4, 2);
	PERFORM orgacl.add_person(NULL, 5, 2);
	PERFORM orgacl.add_person(NULL, 6, 3);
	PERFORM orgacl.add_person(NULL, 12, 3);
	PERFORM orgacl.add_person(NULL, 13, 3);
	PERFORM orgacl.add_person(NULL, 7, 4);
	PERFORM orgacl.add_person(NULL, 8, 4);
	PERFORM orgacl.add_person(NULL, 9, 6);
	PERFORM orgacl.add_person(NULL, 10, 6);
	PERFORM orgacl.add_person(NULL, 11, 7);
	PERFORM orgacl.add_person(NULL, 14, 1);
	PERFORM orgacl.add_person(NULL, 15, 1);
	PERFORM orgacl.add_person(NULL, 16, 1);
	PERFORM orgacl.add_person(NULL, 17, 1);
	PERFORM orgacl.add_person(NULL, 18, 1);
	PERFORM orgacl.add_person(NULL, 19, 1);
	PERFORM orgacl.add_manager(NULL, 8, 6);

	PERFORM orgacl.create_group(NULL, 100, 'team', 'Platform');
	PERFORM orgacl.create_group(NULL, 101, 'team', 'Sales');
	PERFORM orgacl.create_group(NULL, 200, 'location', 'Berlin');
	PERFORM orgacl.create_group(NULL, 300, 'saved_group', 'Pilot');
	PERFORM orgacl.add_member(NULL, 100, 7);
	PERFORM orgacl.add_member(NULL, 100, 8);
	PERFORM orgacl.add_member(NULL, 100, 11);
	PERFORM orgacl.set_lead(NULL, 100, 10);
	PERFORM orgacl.add_member(NULL, 101, 3);
	PERFORM orgacl.add_member(NULL, 101, 6);
	PERFORM orgacl.add_member(NULL, 101, 9);
	PERFORM orgacl.add_member(NULL, 101, 10);
	PERFORM orgacl.add_member(NULL, 200, 1);
	PERFORM orgacl.add_member(NULL, 200, 4);
	PERFORM orgacl.add_member(NULL, 200, 7);
	PERFORM orgacl.add_member(NULL, 200, 8);
	PERFORM orgacl.add_member(NULL, 300, 7);

	PERFORM orgacl.grant_role(NULL, 5, 'super_admin');
	PERFORM orgacl.grant_role(NULL, 13, 'admin');
	PERFORM orgacl.grant_role(NULL, 12, 'hrbp', 101);
	PERFORM orgacl.grant_role(NULL, 14, 'hrbp', 200);
	PERFORM orgacl.grant_role(NULL, 15, 'review_admin');
	PERFORM orgacl.grant_role(NULL, 16, 'goal_admin');
	PERFORM orgacl.grant_role(NULL, 17, 'meeting_admin');
	PERFORM orgacl.grant_role(NULL, 18, 'survey_admin');
	PERFORM orgacl.grant_role(NULL, 19, 'feedback_admin');

	-- cycles: 500 set up by admin 13 without an audience (13 owns it);
	-- 501 by 13, its audience leaves the owner out; 502-505 by the system
	PERFORM orgacl.create_cycle(NULL, 500, 'review');
	PERFORM orgacl.create_cycle(NULL, 502, 'review', '{subject,managers}');
	PERFORM orgacl.create_cycle(NULL, 503, 'review', '{hr}');
	PERFORM orgacl.create_cycle(NULL, 504, 'review', '{subject,hr}');
	PERFORM orgacl.create_cycle(NULL, 505, 'review', '{public}');
END
$$;
SELECT lives_ok($$ SELECT orgacl.create_cycle(13, 510, 'review') $$,
	'article: admins "set up new cycles" (13 owns cycle 510)');
SELECT lives_ok($$ SELECT orgacl.create_cycle(13, 511, 'review', '{subject,direct_manager}') $$,
	'article: admins set up a cycle that hides assessments from its owner');

---------------------------------------------------------------------------
-- SPEC 6a contract: roles, scopes, capabilities, options
---------------------------------------------------------------------------

SELECT is(orgacl.roles_of(5)::text, '{super_admin}', 'SPEC 6a: super_admin is a global role');
SELECT is(orgacl.roles_of(13)::text, '{admin}', 'SPEC 6a: admin is a global role');
SELECT is(orgacl.roles_of(12)::text, '{}', 'SPEC 6a: a scoped hrbp is not among the global roles');
SELECT throws_ok($$ SELECT orgacl.grant_role(NULL, 9, 'hrbp') $$, '22023', NULL,
	'SPEC 6a: hrbp is scoped, a grant without a scope is refused');
SELECT throws_ok($$ SELECT orgacl.grant_role(NULL, 9, 'hrbp', 300) $$, '22023', NULL,
	'SPEC 6a: an hrbp scope is a team or a location, not a saved group');
SELECT throws_ok($$ SELECT orgacl.grant_role(NULL, 9, 'hr_assistant') $$, '22023', NULL,
	'SPEC 6a: a tri_role role does not exist in module_admin');
SELECT throws_ok($$ SELECT orgacl.has_capability(13, 'engage.api_keys') $$, '22023', NULL,
	'SPEC 6a: a capability outside the preset''s vocabulary is 22023');
SELECT ok(orgacl.has_capability(13, 'admin.integrations'),
	'article: admins "manage integrations (e.g., Slack, Personio, BambooHR)"');
SELECT ok(orgacl.has_capability(5, 'admin.integrations'),
	'article: super admins "also have all the rights of admins" (integrations)');
SELECT ok(NOT orgacl.has_capability(15, 'admin.integrations'),
	'article: a review module admin does not manage integrations');
SELECT ok(orgacl.has_capability(5, 'admin.options'),
	'article: super admins "enable optional permissions"');
SELECT ok(NOT orgacl.has_capability(13, 'admin.options'),
	'SPEC 6a: set_option needs super_admin, not admin');
SELECT throws_ok($$ SELECT orgacl.set_option(13, 'manager_cascade', true) $$, '42501', NULL,
	'SPEC 6a: an admin may not switch an optional permission');
SELECT throws_ok($$ SELECT orgacl.set_option(5, 'team_goals', true) $$, '22023', NULL,
	'SPEC 6a: the team-goals setting is not modelled (unknown option)');
SELECT ok(NOT orgacl.has_capability(12, 'review.view'),
	'SPEC 6a: without a subject, a scoped hrbp grant does not count');
SELECT ok(orgacl.has_capability(12, 'review.view', 9),
	'article: an HRBP holds review results for a member of their team');
SELECT ok(NOT orgacl.has_capability(12, 'review.view', 7),
	'article: an HRBP holds nothing outside their team');

---------------------------------------------------------------------------
-- private feedback: recipient and author only
---------------------------------------------------------------------------

-- "Normal users ... are the only ones that can see private feedback
-- directed at them"
SELECT is(pg_temp.sees(9, 9, artifact('private_feedback', NULL, 10)), 'allow',
	'article: the recipient sees private feedback directed at them (can)');
SELECT is(pg_temp.sees(10, 9, artifact('private_feedback', NULL, 10)), 'allow',
	'SPEC 6a: the author of private feedback sees it (can)');
SELECT is(pg_temp.sees(7, 9, artifact('private_feedback', NULL, 10)), 'deny',
	'article: another normal user cannot see private feedback (cannot)');
-- "managers cannot view private feedback messages received by their
-- direct reports"
SELECT is(pg_temp.sees(6, 9, artifact('private_feedback', NULL, 10)), 'deny',
	'article: a direct manager cannot view private feedback of a report (cannot)');
SELECT is(pg_temp.sees(6, 8, artifact('private_feedback', NULL, 7)), 'deny',
	'article: an additional manager cannot view private feedback either (cannot)');
-- "admins cannot view private continuous feedback messages received by
-- other users"
SELECT is(pg_temp.sees(13, 9, artifact('private_feedback', NULL, 10)), 'deny',
	'article: an admin cannot view private feedback (cannot)');
SELECT is(pg_temp.sees(5, 9, artifact('private_feedback', NULL, 10)), 'deny',
	'article: a super admin cannot view private feedback (cannot)');
SELECT is(pg_temp.sees(19, 9, artifact('private_feedback', NULL, 10)), 'deny',
	'article: the feedback module admin cannot view private feedback (cannot)');
SELECT is(pg_temp.sees(12, 9, artifact('private_feedback', NULL, 10)), 'deny',
	'article: the team''s HRBP cannot view private feedback (cannot)');
SELECT is(pg_temp.sees(6, 9, artifact('private_feedback', NULL, 10, '{subject,author,direct_manager,hr}')), 'deny',
	'SPEC 3: a row audience cannot widen private feedback beyond {subject,author} (cannot)');
SELECT is(pg_temp.decision(6, 'aggregate', 9, artifact('private_feedback', NULL, 10)), 'deny',
	'SPEC 6a: not even counts of private feedback reach a manager (cannot)');
SELECT set_eq($$ SELECT orgacl.who_can(9, artifact('private_feedback', NULL, 10)) $$,
	ARRAY[9, 10]::bigint[],
	'article: exactly the recipient and the author can see private feedback');

---------------------------------------------------------------------------
-- assessments (review): managers, additional managers, admins, owners, HRBPs
---------------------------------------------------------------------------

-- "Managers ... View assessments of their direct reports"
SELECT is(pg_temp.sees(4, 7, artifact('review')), 'allow',
	'article: a manager views the assessment of a direct report (can)');
SELECT is(pg_temp.sees(2, 7, artifact('review')), 'deny',
	'article: indirect reports'' assessments only if enabled: off by default (cannot)');
SELECT is(pg_temp.sees(7, 7, artifact('review')), 'allow',
	'SPEC 6a: the person assessed sees their own assessment (can)');
SELECT is(pg_temp.sees(8, 7, artifact('review')), 'deny',
	'article: a normal user does not see a peer''s assessment (cannot)');
-- additional managers count as direct (SPEC 5)
SELECT is(pg_temp.sees(6, 8, artifact('review')), 'allow',
	'article: the additional manager of 8 views 8''s assessment as a direct manager (can)');
SELECT is(pg_temp.sees(3, 8, artifact('review')), 'deny',
	'SPEC 3: the additional manager''s own manager gains nothing (cannot)');
-- "No visibility of review results for admins would also include super
-- admins"; SPEC 6a Rule: without admin_all_assessments no review.view
SELECT is(pg_temp.sees(13, 7, artifact('review')), 'deny',
	'article: an admin does not see assessments unless admin_all_assessments (cannot)');
SELECT is(pg_temp.sees(5, 7, artifact('review')), 'deny',
	'article: nor does a super admin (cannot)');
SELECT is(pg_temp.sees(15, 7, artifact('review')), 'deny',
	'article: nor does a review module admin (cannot)');
SELECT ok(NOT orgacl.has_capability(13, 'review.view'),
	'SPEC 6a Rule: admin holds no review.view while the option is off');
-- "Optionally access all assessments (even if they're not owning the
-- cycle)": owning the cycle gives access
SELECT is(pg_temp.sees(13, 7, artifact('review', 510)), 'allow',
	'article: an admin sees the assessments of a cycle they own (can)');
SELECT is(pg_temp.sees(13, 7, artifact('review', 500)), 'deny',
	'article: but not those of a cycle someone else set up (cannot)');
SELECT is(pg_temp.sees(13, 7, artifact('review', 511)), 'deny',
	'SPEC 6a Rule: a cycle''s audience may leave its owner out (cannot)');
SELECT is(pg_temp.sees(4, 7, artifact('review', 511)), 'allow',
	'SPEC 6a: that cycle still shows the direct manager (can)');
-- "Write assessments for their direct reports"
SELECT is(pg_temp.decision(4, 'create', 7, artifact('review')), 'allow',
	'article: a manager writes the assessment of a direct report (can)');
SELECT is(pg_temp.decision(7, 'create', 7, artifact('review')), 'allow',
	'SPEC 6a: the person writes their self-assessment (can)');
SELECT is(pg_temp.decision(2, 'create', 7, artifact('review')), 'deny',
	'article: a skip-level manager does not write it (cannot)');
SELECT is(pg_temp.decision(13, 'create', 7, artifact('review')), 'deny',
	'article: an admin does not write assessments of others (cannot)');
SELECT is(pg_temp.decision(4, 'create', 7, artifact('review', 502)), 'allow',
	'SPEC 3: a cycle hiding direct managers does not stop them writing (can)');
SELECT is(pg_temp.decision(8, 'create', 7, artifact('review', 505)), 'deny',
	'SPEC 3: a public cycle does not let a peer write (cannot)');
SELECT is(pg_temp.sees(8, 7, artifact('review', 505)), 'allow',
	'SPEC 3: a public cycle lets a peer read (can)');
SELECT is(pg_temp.decision(4, 'edit', 7, artifact('review', NULL, 4)), 'allow',
	'preset choice: the author edits an assessment (can)');
SELECT is(pg_temp.decision(4, 'edit', 7, artifact('review', NULL, 7)), 'deny',
	'preset choice: a manager does not edit the self-assessment (cannot)');
-- cycle audiences override the defaults
SELECT is(pg_temp.sees(2, 7, artifact('review', 502)), 'allow',
	'SPEC 3: a cycle open to every manager lets the skip-level in (can)');
SELECT is(pg_temp.sees(4, 7, artifact('review', 502)), 'allow',
	'SPEC 3: the direct manager is one of the managers (can)');
SELECT is(pg_temp.sees(6, 8, artifact('review', 502)), 'deny',
	'SPEC 3: an additional manager is not among "managers" (cannot)');
SELECT is(pg_temp.sees(7, 7, artifact('review', 503)), 'deny',
	'SPEC 3: a cycle for HR only hides the assessment from its subject (cannot)');
-- "HRBPs ... give them these HRBP rights ... for entire teams" (review
-- results); SPEC 5: an HRBP scoped to a team sees that team's reviews only
SELECT is(pg_temp.sees(12, 9, artifact('review')), 'allow',
	'article: the HRBP of team Sales sees a Sales member''s review results (can)');
SELECT is(pg_temp.sees(12, 7, artifact('review')), 'deny',
	'article: but not those of someone outside the team (cannot)');
SELECT is(pg_temp.sees(12, 3, artifact('review')), 'deny',
	'SPEC 3: never up the chain: not their own manager, though in the team (cannot)');
SELECT is(pg_temp.sees(14, 8, artifact('review')), 'allow',
	'SPEC 6a: an HRBP scoped to location Berlin sees a Berliner''s review (can)');
SELECT is(pg_temp.sees(14, 9, artifact('review')), 'deny',
	'SPEC 6a: but not a review outside Berlin (cannot)');
SELECT is(pg_temp.sees(14, 1, artifact('review')), 'deny',
	'SPEC 3: never up the chain: not the CEO they report to (cannot)');
SELECT is(pg_temp.sees(14, 7, artifact('review', 503)), 'allow',
	'SPEC 3: a cycle for HR only is open to the HRBP in scope (can)');
SELECT is(pg_temp.sees(14, 7, artifact('feedback_360')), 'allow',
	'article: HRBP review results include 360 assessments (can)');
SELECT is(pg_temp.sees(10, 7, artifact('review')), 'deny',
	'article: a team lead gets no assessments (cannot)');
SELECT set_eq($$ SELECT orgacl.who_can(7, artifact('review')) $$,
	ARRAY[4, 7, 14]::bigint[],
	'article: 7''s assessment: 7, their manager 4 and the Berlin HRBP 14');
SELECT set_eq($$ SELECT orgacl.visible_subjects(12, artifact('review')) $$,
	ARRAY[6, 9, 10, 12]::bigint[],
	'article: the Sales HRBP sees Sales'' reviews but their manager''s, and their own');
-- cycle settings supersede roles: 4 becomes HRBP of their own team
SELECT lives_ok($$ SELECT orgacl.grant_role(5, 4, 'hrbp', 100) $$,
	'article: a super admin gives HRBP rights for an entire team');
SELECT is(pg_temp.sees(4, 7, artifact('review', 504)), 'deny',
	'SPEC 3: an HRBP who is the manager does not see what the cycle hides from managers (cannot)');
SELECT is(pg_temp.sees(4, 11, artifact('review', 504)), 'deny',
	'SPEC 3: nor as the skip-level manager (cannot)');
SELECT is(pg_temp.sees(14, 7, artifact('review', 504)), 'allow',
	'SPEC 3: an unrelated HRBP in scope still sees it (can)');

---------------------------------------------------------------------------
-- goals (objective): managers, team leads, admins, HRBPs
---------------------------------------------------------------------------

-- "Manage goals of their direct reports"
SELECT is(pg_temp.sees(4, 7, artifact('objective')), 'allow',
	'article: a manager views a direct report''s goals (can)');
SELECT is(pg_temp.sees(2, 7, artifact('objective')), 'deny',
	'article: goals of indirect reports only if enabled: off by default (cannot)');
SELECT is(pg_temp.decision(4, 'edit', 7, artifact('objective')), 'allow',
	'article: a manager manages a direct report''s goals (can)');
SELECT is(pg_temp.decision(2, 'edit', 7, artifact('objective')), 'deny',
	'article: a skip-level manager does not manage them (cannot)');
SELECT is(pg_temp.decision(6, 'create', 8, artifact('objective')), 'allow',
	'article: an additional manager sets goals as a direct manager (can)');
-- Team leads "Create and update goals for their own team"
SELECT is(pg_temp.decision(10, 'create', 11, artifact('objective')), 'allow',
	'article: a team lead creates goals for a member of their team (can)');
SELECT is(pg_temp.decision(10, 'edit', 7, artifact('objective')), 'allow',
	'article: a team lead updates goals of their team (can)');
SELECT is(pg_temp.decision(10, 'edit', 9, artifact('objective')), 'deny',
	'article: not goals of someone outside their team (cannot)');
SELECT is(pg_temp.decision(9, 'edit', 7, artifact('objective')), 'deny',
	'article: a normal user does not update someone else''s goals (cannot)');
SELECT is(pg_temp.sees(10, 7, artifact('objective')), 'allow',
	'SPEC 6a: a team lead sees the goals of their team (can)');
SELECT is(pg_temp.sees(9, 7, artifact('objective')), 'deny',
	'SPEC 6a: a normal user does not see other people''s goals (cannot)');
-- "Optionally access all managed goals": off by default
SELECT is(pg_temp.sees(13, 7, artifact('objective')), 'deny',
	'article: an admin sees goals only with admin_all_goals (cannot)');
SELECT is(pg_temp.sees(16, 7, artifact('objective')), 'deny',
	'article: nor does a goal module admin (cannot)');
-- HRBPs: "individual rights to view goal progress"
SELECT is(pg_temp.sees(12, 9, artifact('objective')), 'allow',
	'article: an HRBP views the goal progress of their team (can)');
SELECT is(pg_temp.sees(12, 7, artifact('objective')), 'deny',
	'article: not outside their team (cannot)');
-- admins: "View all team reports on the 'Analytics' tab"
SELECT is(pg_temp.decision(13, 'aggregate', 7, artifact('objective')), 'allow',
	'article: an admin views all team reports (goal analytics) (can)');
SELECT is(pg_temp.decision(9, 'aggregate', 7, artifact('objective')), 'deny',
	'article: a normal user does not (cannot)');

---------------------------------------------------------------------------
-- meetings (one_on_one) and their analytics
---------------------------------------------------------------------------

SELECT is(pg_temp.sees(4, 7, artifact('one_on_one')), 'allow',
	'SPEC 6a: a manager sees the 1:1 with their report (can)');
SELECT is(pg_temp.sees(8, 7, artifact('one_on_one')), 'deny',
	'SPEC 6a: a peer does not (cannot)');
-- "View aggregated ... meeting analytics for their direct reports"
SELECT is(pg_temp.decision(4, 'aggregate', 7, artifact('one_on_one')), 'allow',
	'article: a manager views meeting analytics of direct reports (can)');
SELECT is(pg_temp.decision(6, 'aggregate', 8, artifact('one_on_one')), 'allow',
	'article: so does an additional manager (can)');
SELECT is(pg_temp.decision(2, 'aggregate', 7, artifact('one_on_one')), 'deny',
	'article: indirect reports'' meeting analytics only if enabled (cannot)');
-- admins "Access meeting analytics"; module admins for their module
SELECT is(pg_temp.decision(13, 'aggregate', 7, artifact('one_on_one')), 'allow',
	'article: an admin accesses meeting analytics (can)');
SELECT is(pg_temp.sees(13, 7, artifact('one_on_one')), 'deny',
	'article: analytics are not the meeting itself (cannot)');
SELECT is(pg_temp.decision(17, 'aggregate', 7, artifact('one_on_one')), 'allow',
	'article: the meetings module admin accesses meeting analytics (can)');
SELECT is(pg_temp.decision(15, 'aggregate', 7, artifact('one_on_one')), 'deny',
	'article: the reviews module admin does not (cannot)');
-- HRBPs: "meeting analytics"
SELECT is(pg_temp.decision(12, 'aggregate', 9, artifact('one_on_one')), 'allow',
	'article: an HRBP sees meeting analytics of their team (can)');
SELECT is(pg_temp.decision(12, 'aggregate', 7, artifact('one_on_one')), 'deny',
	'article: not outside their team (cannot)');

---------------------------------------------------------------------------
-- surveys: responses private, analytics for team leads and admins
---------------------------------------------------------------------------

SELECT is(pg_temp.sees(7, 7, artifact('survey_response')), 'allow',
	'SPEC 6a: a respondent sees their own response (can)');
SELECT is(pg_temp.sees(4, 7, artifact('survey_response')), 'deny',
	'SPEC 6a: their manager does not (cannot)');
-- Team leads "See the survey analytics for their team"
SELECT is(pg_temp.decision(10, 'aggregate', 7, artifact('survey_response')), 'allow',
	'article: a team lead sees survey analytics of their team (can)');
SELECT is(pg_temp.decision(10, 'aggregate', 9, artifact('survey_response')), 'deny',
	'article: not of another team (cannot)');
SELECT is(pg_temp.decision(4, 'aggregate', 7, artifact('survey_response')), 'deny',
	'article: survey analytics go to team leads, not to managers (cannot)');
SELECT is(pg_temp.decision(18, 'aggregate', 7, artifact('survey_response')), 'allow',
	'article: the surveys module admin sees survey analytics (can)');
SELECT is(pg_temp.decision(13, 'aggregate', 7, artifact('survey_response')), 'allow',
	'article: an admin views all team reports (survey analytics) (can)');
SELECT is(pg_temp.decision(17, 'aggregate', 7, artifact('survey_response')), 'deny',
	'article: the meetings module admin does not see survey analytics (cannot)');
SELECT is(pg_temp.decision(12, 'aggregate', 9, artifact('survey_response')), 'deny',
	'article: HRBP rights do not include surveys (cannot)');

---------------------------------------------------------------------------
-- directory: admins manage users and teams; module admins do not
---------------------------------------------------------------------------

-- "Invite new users and re-send invites"
SELECT lives_ok($$ SELECT orgacl.add_person(13, 30) $$,
	'article: an admin invites a new user');
SELECT throws_ok($$ SELECT orgacl.add_person(15, 31) $$, '42501', NULL,
	'article: a review module admin does not invite users');
-- "Assign direct reports and team memberships to all users"
SELECT lives_ok($$ SELECT orgacl.set_manager(13, 30, 9) $$,
	'article: an admin assigns direct reports');
SELECT throws_ok($$ SELECT orgacl.set_manager(4, 8, 7) $$, '42501', NULL,
	'article: a manager does not change reporting lines');
SELECT lives_ok($$ SELECT orgacl.add_manager(5, 30, 4) $$,
	'article: a super admin fills the additional manager field');
-- "Deactivate / delete existing users", "Reactivate users"
SELECT lives_ok($$ SELECT orgacl.deactivate(13, 30) $$,
	'article: an admin deactivates a user');
SELECT lives_ok($$ SELECT orgacl.reactivate(13, 30) $$,
	'article: an admin reactivates a user');
SELECT throws_ok($$ SELECT orgacl.deactivate(16, 30) $$, '42501', NULL,
	'article: a goal module admin does not deactivate users');
-- "Manage teams: create new teams, designate team leads"
SELECT lives_ok($$ SELECT orgacl.create_group(13, 102, 'team', 'Design') $$,
	'article: an admin creates a new team');
SELECT lives_ok($$ SELECT orgacl.set_lead(13, 102, 8) $$,
	'article: an admin designates team leads');
SELECT lives_ok($$ SELECT orgacl.add_member(13, 102, 9) $$,
	'article: an admin assigns team memberships to all users');
SELECT throws_ok($$ SELECT orgacl.add_member(7, 102, 7) $$, '42501', NULL,
	'article: team memberships are assigned by admins, not joined');
SELECT throws_ok($$ SELECT orgacl.set_lead(4, 100, 7) $$, '42501', NULL,
	'article: a manager does not designate team leads');

---------------------------------------------------------------------------
-- cycles: admins and module admins; managers with the setup options
---------------------------------------------------------------------------

SELECT lives_ok($$ SELECT orgacl.create_cycle(15, 520, 'feedback_360') $$,
	'article: the reviews module admin sets up a 360 cycle');
SELECT throws_ok($$ SELECT orgacl.create_cycle(15, 521, 'survey_response') $$, '42501', NULL,
	'article: the reviews module admin does not set up surveys');
SELECT lives_ok($$ SELECT orgacl.create_cycle(18, 522, 'survey_response') $$,
	'article: admins of the surveys module "set up surveys"');
SELECT lives_ok($$ SELECT orgacl.create_cycle(13, 523, 'survey_response') $$,
	'article: admins "Manage surveys: set up surveys"');
SELECT throws_ok($$ SELECT orgacl.create_cycle(4, 530, 'survey_response') $$, '42501', NULL,
	'article: managers create surveys only if enabled: off by default');
SELECT throws_ok($$ SELECT orgacl.create_cycle(4, 531, 'review') $$, '42501', NULL,
	'article: managers set up cycles only if enabled: off by default');
SELECT lives_ok($$ SELECT orgacl.set_option(5, 'manager_survey_setup', true) $$,
	'article: a super admin enables survey setup rights for managers');
SELECT lives_ok($$ SELECT orgacl.create_cycle(4, 530, 'survey_response') $$,
	'article: with manager_survey_setup a manager creates a survey');
SELECT throws_ok($$ SELECT orgacl.create_cycle(8, 532, 'survey_response') $$, '42501', NULL,
	'article: someone without a direct report is no manager');
SELECT throws_ok($$ SELECT orgacl.create_cycle(4, 531, 'review') $$, '42501', NULL,
	'SPEC 6a: survey setup rights give no review cycles');
SELECT lives_ok($$ SELECT orgacl.set_option(5, 'manager_cycle_setup', true) $$,
	'article: a super admin enables cycle setup rights for managers');
SELECT lives_ok($$ SELECT orgacl.create_cycle(4, 531, 'review') $$,
	'article: with manager_cycle_setup a manager sets up a review cycle');
SELECT ok(orgacl.has_capability(6, 'feedback_360.create_cycle'),
	'SPEC 6a: with manager_cycle_setup a manager also sets up 360 cycles');
SELECT ok(NOT orgacl.has_capability(8, 'feedback_360.create_cycle'),
	'SPEC 6a: but someone without a direct report does not');
SELECT throws_ok($$ SELECT orgacl.set_cycle_audience(4, 531, '{subject}') $$, '42501', NULL,
	'SPEC 6a: owning a cycle gives no right to edit it');
SELECT lives_ok($$ SELECT orgacl.set_cycle_audience(15, 531, '{subject,direct_manager}') $$,
	'article: the reviews module admin manages review cycles');
SELECT lives_ok($$ SELECT orgacl.delete_cycle(13, 531) $$,
	'article: an admin manages (removes) review cycles');

---------------------------------------------------------------------------
-- optional permissions switched on by a super admin
---------------------------------------------------------------------------

-- "full access to all assessments for admins"
SELECT lives_ok($$ SELECT orgacl.set_option(5, 'admin_all_assessments', true) $$,
	'article: a super admin enables full access to all assessments for admins');
SELECT is(pg_temp.sees(13, 7, artifact('review', 500)), 'allow',
	'article: an admin now sees assessments of cycles they do not own (can)');
SELECT is(pg_temp.sees(5, 7, artifact('review')), 'allow',
	'article: and so does the super admin (can)');
SELECT is(pg_temp.sees(13, 3, artifact('review')), 'deny',
	'SPEC 3: never up the chain: not the admin''s own manager (cannot)');
SELECT is(pg_temp.sees(13, 7, artifact('review', 511)), 'deny',
	'SPEC 6a: options never change a given cycle audience (cannot)');
-- "grant ... admin access for different modules to ... teams, or
-- locations"; SPEC 6a Scopes: a role not marked scoped may be scoped
SELECT lives_ok($$ SELECT orgacl.grant_role(5, 11, 'review_admin', 101) $$,
	'article: a super admin gives reviews-module admin rights for the Sales team');
SELECT ok(NOT orgacl.has_capability(11, 'review.view'),
	'SPEC 6a: a scoped module admin holds nothing globally');
SELECT is(pg_temp.sees(11, 9, artifact('review')), 'allow',
	'SPEC 6a: the Sales reviews-module admin sees a Sales member''s assessment (can)');
SELECT is(pg_temp.sees(11, 8, artifact('review')), 'deny',
	'SPEC 6a: but not an assessment outside Sales (cannot)');
SELECT is(pg_temp.sees(13, 9, artifact('private_feedback', NULL, 10)), 'deny',
	'article: still no private feedback for admins (cannot)');
-- "full access to all managed goals for admins"
SELECT lives_ok($$ SELECT orgacl.set_option(5, 'admin_all_goals', true) $$,
	'article: a super admin enables full access to all managed goals');
SELECT is(pg_temp.sees(13, 7, artifact('objective')), 'allow',
	'article: an admin now accesses goals they are not managing (can)');
SELECT is(pg_temp.sees(16, 7, artifact('objective')), 'allow',
	'article: a goal module admin now sees goals they do not manage (can)');
SELECT is(pg_temp.sees(13, 1, artifact('objective')), 'deny',
	'SPEC 3: never up the chain: not the CEO above the admin (cannot)');
-- "cascading (indirect report) access to assessments and managed goals"
SELECT lives_ok($$ SELECT orgacl.set_option(5, 'manager_cascade', true) $$,
	'article: a super admin enables cascading access for managers');
SELECT is(pg_temp.sees(1, 11, artifact('review')), 'allow',
	'article: managers now view assessments of indirect reports (can)');
SELECT is(pg_temp.sees(2, 7, artifact('objective')), 'allow',
	'article: managers now view goals of indirect reports (can)');
SELECT is(pg_temp.decision(2, 'aggregate', 7, artifact('one_on_one')), 'allow',
	'article: managers now see meeting analytics of indirect reports (can)');
SELECT is(pg_temp.sees(3, 8, artifact('review')), 'deny',
	'SPEC 3: cascade follows the primary line only (cannot)');
SELECT is(pg_temp.sees(2, 7, artifact('review', 511)), 'deny',
	'SPEC 6a: the cascade does not open a cycle that shows direct managers only (cannot)');
SELECT is(pg_temp.decision(2, 'edit', 7, artifact('objective')), 'deny',
	'SPEC 6a: the cascade is viewing access only (cannot)');

---------------------------------------------------------------------------
-- roles: only super admins change them; the account always has one
---------------------------------------------------------------------------

-- "Assign the (super-) admin status to other users"
SELECT lives_ok($$ SELECT orgacl.grant_role(5, 9, 'admin') $$,
	'article: a super admin assigns the admin status');
SELECT throws_ok($$ SELECT orgacl.grant_role(13, 10, 'admin') $$, '42501', NULL,
	'SPEC 6a Rule: an admin grants no role');
SELECT throws_ok($$ SELECT orgacl.revoke_role(9, 13, 'admin') $$, '42501', NULL,
	'SPEC 6a Rule: an admin revokes no role either');
-- "grant or limit ... admin access for different modules"
SELECT lives_ok($$ SELECT orgacl.grant_role(5, 10, 'survey_admin') $$,
	'article: a super admin grants admin rights to a module');
SELECT throws_ok($$ SELECT orgacl.grant_role(18, 11, 'survey_admin') $$, '42501', NULL,
	'SPEC 6a Rule: a module admin grants no role');
SELECT lives_ok($$ SELECT orgacl.revoke_role(5, 12, 'hrbp', 101) $$,
	'article: "define team-specific access rights": a super admin takes HRBP rights back');
SELECT is(pg_temp.sees(12, 9, artifact('review')), 'deny',
	'article: the former HRBP no longer sees the team''s reviews (cannot)');
SELECT throws_ok($$ SELECT orgacl.revoke_role(5, 5, 'super_admin') $$, '23514', NULL,
	'SPEC 3: the last super admin cannot give up the role');
SELECT throws_ok($$ SELECT orgacl.deactivate(13, 5) $$, '23514', NULL,
	'SPEC 3: the last super admin cannot be deactivated');
SELECT lives_ok($$ SELECT orgacl.grant_role(5, 1, 'super_admin') $$,
	'article: "Additional super admins can be assigned"');
SELECT lives_ok($$ SELECT orgacl.revoke_role(5, 5, 'super_admin') $$,
	'SPEC 6a: own roles may change once another super admin exists');
SELECT is(orgacl.roles_of(5)::text, '{}', 'SPEC 6a: 5 holds no role any more');
SELECT throws_ok($$ SELECT orgacl.set_option(5, 'manager_cascade', false) $$, '42501', NULL,
	'article: a former super admin no longer switches options');

-- a deactivated viewer sees nothing
SELECT lives_ok($$ SELECT orgacl.deactivate(13, 4) $$, 'article: an admin deactivates a manager');
SELECT is(pg_temp.sees(4, 7, artifact('review')), 'deny',
	'SPEC 3: a deactivated manager sees nothing (cannot)');

SELECT * FROM finish();
ROLLBACK;

-- Not expressible (article rules the engine has no words for):
-- * "Activate or deactivate modules for all or specific users" and module
--   access rights for users, teams or locations: module access is not part
--   of the model; every kind is always available.
-- * "Manage skills" (company and team skills), "Manage Levels", "Manage the
--   default scale for assessments", "Manage goal tags": not artifact kinds.
-- * HRBP rights "for other users" (one person at a time): a scope is a group
--   of kind team or location (SPEC 6a); a per-person HRBP needs a team.
-- * Managers' "aggregated instant feedback ... analytics": instant feedback
--   is private_feedback, capped to {subject, author} for every action.
-- * The team-goals setting ("'Normal' users can create and update goals for
--   their team"): subjects are persons, not teams (SPEC 6a).
-- * "The user might have to log out and into Leapsome": no sessions here;
--   changes apply to the next statement.
