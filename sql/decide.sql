--
-- decide: the decision procedure of SPEC section 3 on a small organisation
-- under tri_role, rule by rule, with explain() for the cases that show its
-- wording.  The presets' own rules are tested in test/pgtap/preset_*.sql.
--
SET search_path = orgacl, public;

\i sql/include/try.psql

-- everything below is rolled back at the end, so the files stay independent
BEGIN;

-- The organisation (primary lines), built as the system:
--
--   1 CEO
--   ├── 2 CTO ── 3 eng manager ──┬── 4 engineer
--   │                            └── 5 engineer (deactivated later)
--   └── 6 HR director (hr_admin) ── 7 HR partner (hr_admin)
--
-- 8 is an additional manager of 4 and reports to 6.  Team 100 has lead 7
-- and members 4 and 7.
SELECT add_person(NULL, 1), add_person(NULL, 2, 1), add_person(NULL, 3, 2),
       add_person(NULL, 4, 3), add_person(NULL, 5, 3), add_person(NULL, 6, 1),
       add_person(NULL, 7, 6), add_person(NULL, 8, 6);
SELECT add_manager(NULL, 4, 8);
SELECT grant_role(NULL, 6, 'hr_admin'), grant_role(NULL, 7, 'hr_admin');
SELECT create_group(NULL, 100, 'team', 'platform'), add_member(NULL, 100, 4),
       add_member(NULL, 100, 7), set_lead(NULL, 100, 7);
SELECT create_cycle(NULL, 10, 'feedback_360', '{subject,hr}');
SELECT create_cycle(6, 11, 'review');

-- can_view() agrees with can(.., 'view', ..) and with explain()'s verdict on
-- every pair, for a plain review and a row with its own audience
CREATE TEMP TABLE cases AS
SELECT v, s, a.label, a.art
FROM generate_series(0, 9) v, generate_series(0, 9) s,
     (VALUES ('review', artifact('review')),
             ('row {subject,shared}', artifact('review', audience => '{subject,shared}', shared_with => ARRAY[2])),
             ('feedback cycle 10', artifact('feedback_360', cycle => 10)),
             ('private_feedback', artifact('private_feedback', author => 5, audience => '{public,hr}'))) a(label, art);
SELECT count(*) AS cases,
       count(*) FILTER (WHERE can_view(v, s, art) IS DISTINCT FROM can(v, 'view', s, art)) AS view_disagrees,
       count(*) FILTER (WHERE can(v, 'view', s, art) IS DISTINCT FROM
                        ((SELECT e.outcome FROM explain(v, s, art) WITH ORDINALITY e(step, rule, outcome, detail, n)
                          ORDER BY n DESC LIMIT 1) = 'allow')) AS explain_disagrees
FROM cases;

-- the matrix of who sees whose review (viewer: the subjects they see)
SELECT label, v AS viewer, array_agg(s ORDER BY s) FILTER (WHERE can_view(v, s, art)) AS sees
FROM cases GROUP BY label, v ORDER BY label, v;

-- visible_subjects() and who_can() are exactly that matrix, read both ways
SELECT count(*) AS mismatches FROM (
	(SELECT v, s FROM cases WHERE label = 'review' AND can_view(v, s, art)
	 EXCEPT SELECT v, x FROM generate_series(1, 8) v, visible_subjects(v, artifact('review')) x)
	UNION ALL
	(SELECT v, x FROM generate_series(1, 8) v, visible_subjects(v, artifact('review')) x
	 EXCEPT SELECT v, s FROM cases WHERE label = 'review' AND can_view(v, s, art))
	UNION ALL
	(SELECT v, s FROM cases WHERE label = 'review' AND can_view(v, s, art)
	 EXCEPT SELECT x, s FROM generate_series(1, 8) s, who_can(s, artifact('review')) x)) m;

-- rule 1: an unknown viewer, an unknown subject and NULLs see nothing
SELECT can_view(99, 4, artifact('review')) AS unknown_viewer,
       can_view(1, 99, artifact('review')) AS unknown_subject,
       can_view(NULL, 4, artifact('review')) AS null_viewer,
       can_view(1, NULL, artifact('review')) AS null_subject,
       can_view(1, 4, NULL) AS null_artifact,
       can(1, NULL, 4, artifact('review')) AS null_action;
SELECT * FROM explain(99, 4, artifact('review'));
SELECT * FROM explain(NULL, 4, artifact('review'));

-- rule 1: a deactivated viewer sees nothing, not even their own review; a
-- deactivated subject's data stays visible to those allowed
SELECT deactivate(NULL, 5);
SELECT can_view(5, 5, artifact('review')) AS deactivated_self,
       can_view(3, 5, artifact('review')) AS manager_of_deactivated;
SELECT * FROM explain(5, 5, artifact('review'));

-- rule 2: a row's audience wins over the cycle's, the cycle's over the
-- kind's default; an empty audience {} lets nobody in (no fall-back)
SELECT can_view(3, 4, artifact('feedback_360', cycle => 10)) AS manager_under_cycle,
       can_view(3, 4, artifact('feedback_360', cycle => 10, audience => '{direct_manager}')) AS row_lets_manager,
       can_view(4, 4, artifact('review', audience => '{}')) AS empty_audience_self,
       can_view(7, 4, artifact('review', audience => '{}')) AS empty_audience_hr;
SELECT * FROM explain(3, 4, artifact('feedback_360', cycle => 10));

-- rule 2: reads only; a row or cycle cannot widen who writes: the create
-- default of review is {direct_manager,hr}
SELECT can(4, 'create', 4, artifact('review', audience => '{subject}')) AS row_widens_create,
       can(3, 'create', 4, artifact('review', audience => '{subject}')) AS manager_creates;
SELECT * FROM explain(4, 4, artifact('review', audience => '{subject}'), 'create');

-- rule 2: an unknown cycle, or a cycle of another kind, decides nothing
SELECT can_view(1, 4, artifact('review', cycle => 999)) AS unknown_cycle,
       can_view(1, 4, artifact('review', cycle => 10)) AS other_kinds_cycle;
SELECT * FROM explain(1, 4, artifact('review', cycle => 10));

-- rule 2: private_feedback is capped to {subject,author} whatever the row
-- says: a cap is an upper bound, so a row audience is intersected with it
SELECT can_view(4, 4, artifact('private_feedback', author => 8)) AS recipient,
       can_view(8, 4, artifact('private_feedback', author => 8)) AS author,
       can_view(3, 4, artifact('private_feedback', author => 8, audience => '{subject,public,hr,managers}')) AS manager,
       can_view(7, 4, artifact('private_feedback', author => 8, audience => '{subject,public,hr}')) AS hr_admin,
       can_view(4, 4, artifact('private_feedback', author => 8, audience => '{subject,public,hr}')) AS recipient_row;
SELECT * FROM explain(7, 4, artifact('private_feedback', author => 8, audience => '{subject,public,hr}'));

-- rule 3: each relation allows when, and only when, it is in the audience
-- (each viewer below holds that relation and no other but public)
SELECT rel, v, s,
       can_view(v, s, artifact('review', c, au, rel::audience, sh)) AS in_audience,
       can_view(v, s, artifact('review', c, au,
                '{subject,author,direct_manager,managers,owner,shared,team_lead,public}'::audience
                - rel::audience - '{public}', sh)) AS all_others_but_public
FROM (VALUES ('{subject}', 4, 4, NULL, NULL, NULL),
             ('{author}', 7, 1, NULL, 7, NULL),
             ('{direct_manager}', 8, 4, NULL, NULL, NULL),
             ('{managers}', 1, 4, NULL, NULL, NULL),
             ('{owner}', 6, 2, 11, NULL, NULL),
             ('{shared}', 7, 2, NULL, NULL, ARRAY[7, NULL]),
             ('{team_lead}', 7, 4, NULL, NULL, NULL),
             ('{public}', 2, 7, NULL, NULL, NULL)) x(rel, v, s, c, au, sh);
-- a lead who is a member of their own team holds team_lead towards themselves
SELECT can_view(7, 7, artifact('review', audience => '{team_lead}')) AS lead_member_self;

-- an additional manager holds direct_manager only: not managers, and their
-- own manager gains nothing from it
SELECT can_view(8, 4, artifact('review', audience => '{managers}')) AS additional_as_managers,
       can_view(6, 4, artifact('review', audience => '{managers,direct_manager}')) AS their_manager;
-- a primary direct manager holds both direct_manager and managers
SELECT can_view(3, 4, artifact('review', audience => '{managers}')) AS direct_as_managers;
-- a lead who is not a member of their team does not lead themselves
SELECT remove_member(NULL, 100, 7);
SELECT can_view(7, 7, artifact('review', audience => '{team_lead}')) AS lead_not_member;

-- rule 4a: cycle settings supersede roles: hr_admin 6 manages 7 and 8, so
-- a cycle hiding feedback from managers hides it from 6 too, and hr_admin 7
-- does not see feedback about themselves that the cycle hides from its subject
SELECT create_cycle(NULL, 12, 'feedback_360', '{hr}');
SELECT can_view(6, 7, artifact('feedback_360', cycle => 12)) AS hr_admin_as_manager,
       can_view(7, 7, artifact('feedback_360', cycle => 12)) AS hr_admin_as_subject,
       can_view(7, 4, artifact('feedback_360', cycle => 12)) AS hr_admin_elsewhere;
SELECT * FROM explain(6, 7, artifact('feedback_360', cycle => 12));
SELECT * FROM explain(7, 7, artifact('feedback_360', cycle => 12));

-- rule 4b: never up the chain: hr_admin 7 cannot read 6's or 1's review
-- through the role, not even one they wrote; as the author they still can
-- where the audience names authors
SELECT can_view(7, 6, artifact('review')) AS own_manager,
       can_view(7, 1, artifact('review')) AS skip_level,
       can_view(7, 6, artifact('review', author => 7)) AS authored,
       can_view(7, 6, artifact('review', author => 7, audience => '{author,hr}')) AS authored_author_audience;
SELECT * FROM explain(7, 1, artifact('review'));

-- rule 4c: the kind's capability for the action, globally or scoped
SELECT can_view(7, 4, artifact('review')) AS hr_admin_other_branch,
       can_view(2, 7, artifact('review')) AS no_role;
SELECT * FROM explain(7, 4, artifact('review'));
SELECT * FROM explain(2, 7, artifact('review'));

-- unknown action and unknown kind are errors, not denials
SELECT pg_temp.try($$SELECT orgacl.can(1, 'read', 4, orgacl.artifact('review'))$$) AS unknown_action;
SELECT pg_temp.try($$SELECT orgacl.can(1, 'view', 4, ROW('memo', NULL, NULL, NULL, NULL)::orgacl.artifact)$$) AS unknown_kind;
SELECT pg_temp.try($$SELECT orgacl.can(1, 'view', 4, ROW(NULL, NULL, NULL, NULL, NULL)::orgacl.artifact)$$) AS null_kind;
SELECT pg_temp.try($$SELECT orgacl.who_can(4, orgacl.artifact('review'), 'peek')$$) AS who_can_unknown_action;

-- has_capability: global only without a subject; scoped with one
SELECT create_group(NULL, 200, 'location', 'berlin'), add_member(NULL, 200, 7);
SELECT grant_role(NULL, 2, 'hr_admin', 200);
SELECT has_capability(2, 'review.view') AS global_only,
       has_capability(2, 'review.view', 7) AS scoped_member,
       has_capability(2, 'review.view', 8) AS scoped_non_member,
       can_view(2, 7, artifact('review')) AS scoped_view,
       can_view(2, 8, artifact('review')) AS scoped_view_outside;
SELECT * FROM explain(2, 7, artifact('review'));
SELECT pg_temp.try($$SELECT orgacl.has_capability(1, 'review.read')$$) AS unknown_capability;
SELECT has_capability(99, 'review.view') AS unknown_person, has_capability(5, 'review.view') AS deactivated;

-- the questions are PARALLEL SAFE: with parallel mode forced, the query runs
-- in a worker, which loads its own copy of the directory, uncommitted
-- changes of this transaction included
-- (the setting is called debug_parallel_query from PostgreSQL 16 on)
SELECT current_setting('server_version_num')::int >= 160000 AS pg16 \gset
\if :pg16
SET LOCAL debug_parallel_query = on;
\else
SET LOCAL force_parallel_mode = on;
\endif
EXPLAIN (COSTS OFF) SELECT count(*) FILTER (WHERE can_view(7, s, artifact('review'))) FROM generate_series(1, 8) s;
SELECT count(*) FILTER (WHERE can_view(7, s, artifact('review'))) AS seen_by_7,
       count(*) FILTER (WHERE has_capability(2, 'review.view', s)) AS scoped_for_2
FROM generate_series(1, 8) s;
\if :pg16
RESET debug_parallel_query;
\else
RESET force_parallel_mode;
\endif

-- roles_of: global roles only; an unknown person is 23503
SELECT roles_of(6) AS hr_director, roles_of(2) AS scoped_only, roles_of(4) AS nobody;
SELECT pg_temp.try($$SELECT orgacl.roles_of(99)$$) AS unknown_person;

-- A manager cycle written straight into the table (the directory functions
-- refuse one) neither hangs the cache nor grants anything: 50 and 51 manage
-- each other, 52 reports to 51; all three count as top-level persons.
INSERT INTO orgacl.person (id, manager, active, path)
VALUES (50, 51, true, '50'), (51, 50, true, '51'), (52, 51, true, '51.52');
SELECT can_view(50, 51, artifact('review')) AS cycle_member_manages,
       can_view(51, 52, artifact('review')) AS below_the_cycle_managed,
       can_view(52, 52, artifact('review')) AS own_review;

ROLLBACK;
