-- test/ops/report.sql: every decision the operations tests compare, as
-- deterministic text (one line per item, sorted), for the organisation of
-- test/ops/org.sql.  Two servers or databases decide alike exactly when
-- their reports are identical:
--
--   psql -X -q -At -v ON_ERROR_STOP=1 -f test/ops/report.sql > report.txt
--
-- Run as a superuser.  It only reads, creates nothing (not even temporary
-- objects), so it runs on a hot standby.  Draws come from hashint8 of the
-- draw's number, never from random(), so every run asks the same questions.
--
--   grid     can() over 24,000 (viewer, action, subject, artifact) draws,
--            including NULL and unknown viewers and subjects, unknown and
--            mismatched cycles, row audiences and shared lists: one md5 per
--            chunk of 400 draws
--   explain  explain() over 600 draws, one md5 per chunk of 100
--   visible  visible_subjects() of every third person (and unknown ones)
--            for seven artifacts
--   who      who_can() of every fourth person for seven artifacts and
--            three actions
--   cap      has_capability() (without and with a subject) and roles_of()
--            of every person
--   lint     orgacl.lint()
--   rows     what each mapped, unmapped and pooled login reads from the
--            three protected tables and from the audit log, through
--            SET SESSION AUTHORIZATION (and orgacl.viewer for the pool)

\if :{?grid_n}
\else
\set grid_n 24000
\endif

SELECT 'model', orgacl.active_model_name(),
	   coalesce((SELECT string_agg(option || '=' || enabled, ',' ORDER BY option) FROM orgacl.option_setting), '');

SELECT 'grid', x.i / 400 AS chunk, count(*) FILTER (WHERE x.r) AS allowed,
	   md5(string_agg(x.r::int::text, '' ORDER BY x.i))
FROM (
	SELECT d.i, orgacl.can(d.viewer, d.action, d.subject,
		orgacl.artifact(d.kind,
			CASE WHEN h[5] % 20 < 8 THEN NULL
				 WHEN h[5] % 20 < 17 THEN
					CASE d.kind WHEN 'review' THEN 500 + h[14] % 5
								WHEN 'feedback_360' THEN 600 + h[14] % 2
								WHEN 'survey_response' THEN 700 + h[14] % 2
								WHEN 'objective' THEN 800 WHEN 'one_on_one' THEN 801
								WHEN 'private_feedback' THEN 802 END
				 ELSE (ARRAY[500, 503, 600, 700, 800, 802, 9999])[1 + h[14] % 7] END,
			CASE WHEN h[6] % 3 = 0 THEN 1 + h[7] % 430 END,
			(ARRAY[NULL, NULL, NULL, NULL, NULL, '{}', '{subject}', '{subject,hr}', '{shared}',
				   '{author,shared,hr}', '{direct_manager,managers}', '{public}',
				   '{team_lead,owner}']::orgacl.audience[])[1 + h[8] % 13],
			CASE WHEN h[9] % 4 = 0 THEN ARRAY[1 + h[10] % 430, 1 + h[11] % 430] END)) AS r
	FROM (
		SELECT s.i, s.h,
			CASE WHEN h[1] % 50 = 0 THEN NULL
				 WHEN h[1] % 4 = 1 THEN (ARRAY[1, 2, 8, 9, 10, 11, 12, 13, 14, 40, 100])[1 + h[12] % 11]
				 ELSE 1 + h[1] % 430 END AS viewer,
			(ARRAY['view', 'view', 'view', 'create', 'edit', 'delete', 'aggregate',
				   'unveil_author'])[1 + h[2] % 8] AS action,
			CASE WHEN h[3] % 60 = 0 THEN NULL
				 WHEN h[3] % 5 = 1 THEN 1 + h[13] % 60
				 ELSE 1 + h[3] % 430 END AS subject,
			(ARRAY['review', 'review', 'review', 'feedback_360', 'feedback_360', 'survey_response',
				   'objective', 'one_on_one', 'private_feedback', 'praise', 'exit_data'])[1 + h[4] % 11] AS kind
		FROM (SELECT i, ARRAY(SELECT abs(hashint8(i::bigint * 1000003 + k)::bigint)
							  FROM generate_series(1, 14) k) AS h
			  FROM generate_series(0, :grid_n - 1) i OFFSET 0) s
		OFFSET 0	-- compute each draw once, not once per use of h
	) d
) x
GROUP BY 2 ORDER BY 2;

SELECT 'explain', x.i / 100 AS chunk,
	   md5(string_agg(concat_ws('|', x.i, e.step, e.rule, e.outcome, e.detail), E'\n' ORDER BY x.i, e.n))
FROM (
	SELECT i, 1 + h[1] % 430 AS viewer, 1 + h[2] % 430 AS subject,
		   (ARRAY['view', 'edit', 'aggregate'])[1 + h[3] % 3] AS action,
		   orgacl.artifact((ARRAY['review', 'feedback_360', 'survey_response', 'private_feedback'])[1 + h[4] % 4],
						   (ARRAY[NULL, 500, 502, 601, 700]::bigint[])[1 + h[5] % 5]) AS art
	FROM (SELECT i, ARRAY(SELECT abs(hashint8(i::bigint * 1000003 + 50 + k)::bigint)
						  FROM generate_series(1, 5) k) AS h
		  FROM generate_series(0, 599) i OFFSET 0) s
) x, LATERAL orgacl.explain(x.viewer, x.subject, x.art, x.action) WITH ORDINALITY e(step, rule, outcome, detail, n)
GROUP BY 2 ORDER BY 2;

WITH art(a, x) AS (
	VALUES (1, orgacl.artifact('review')),
		   (2, orgacl.artifact('review', 500)),
		   (3, orgacl.artifact('review', 502, NULL, '{shared,hr}', '{8,9,120}')),
		   (4, orgacl.artifact('feedback_360', 601, 5)),
		   (5, orgacl.artifact('survey_response', 700)),
		   (6, orgacl.artifact('objective', 800)),
		   (7, orgacl.artifact('private_feedback', NULL, 7))
)
SELECT 'visible', v, art.a, count(s.s), md5(coalesce(string_agg(s.s::text, ',' ORDER BY s.s), ''))
FROM generate_series(1, 430, 3) v CROSS JOIN art
LEFT JOIN LATERAL orgacl.visible_subjects(v, art.x) s(s) ON true
GROUP BY v, art.a ORDER BY v, art.a;

WITH art(a, x) AS (
	VALUES (1, orgacl.artifact('review')),
		   (2, orgacl.artifact('review', 501, 12)),
		   (3, orgacl.artifact('review', 503)),
		   (4, orgacl.artifact('feedback_360', 600, 30)),
		   (5, orgacl.artifact('survey_response', 701)),
		   (6, orgacl.artifact('one_on_one', 801)),
		   (7, orgacl.artifact('objective', NULL, NULL, '{team_lead,managers}'))
)
SELECT 'who', s, art.a, act, count(w.w), md5(coalesce(string_agg(w.w::text, ',' ORDER BY w.w), ''))
FROM generate_series(2, 430, 4) s CROSS JOIN art
CROSS JOIN unnest(ARRAY['view', 'edit', 'aggregate']) act
LEFT JOIN LATERAL orgacl.who_can(s, art.x, act) w(w) ON true
GROUP BY s, art.a, act ORDER BY s, art.a, act;

SELECT 'cap', p,
	   (SELECT string_agg(c || '=' || orgacl.has_capability(p, c)::int
						  || '/' || orgacl.has_capability(p, c, 1 + (p * 37) % 425)::int, ',' ORDER BY c)
		FROM unnest(ARRAY['review.view', 'review.create_cycle', 'feedback_360.view', 'objective.view',
						  'survey_response.aggregate', 'user.change_reporting', 'user.invite',
						  'user.deactivate', 'group.manage', 'admin.options']) c),
	   orgacl.roles_of(p)
FROM generate_series(1, 425) p ORDER BY p;

SELECT 'lint', l.* FROM orgacl.lint() l ORDER BY 2, 3, 4, 5;

-- rows each login reads: SET SESSION AUTHORIZATION makes it the session
-- user, so current_viewer() follows its mapping and row security applies
-- (the query is test/ops/login.sql's, which the tests also run through
-- direct connections: keep the two alike)
SELECT format('SET SESSION AUTHORIZATION %I', r.rolname),
	   $q$SELECT 'rows', session_user, orgacl.current_viewer(),
		   (SELECT count(*) || ':' || md5(coalesce(string_agg("Id"::text, ',' ORDER BY "Id"), '')) FROM "App"."Reviews"),
		   (SELECT count(*) || ':' || md5(coalesce(string_agg("Id"::text, ',' ORDER BY "Id"), '')) FROM "Perf Data"."Feedback 360"),
		   (SELECT count(*) || ':' || md5(coalesce(string_agg(id::text, ',' ORDER BY id), '')) FROM "Perf Data".surveys),
		   (SELECT count(*) FROM "App"."Reviews" WHERE "Subject" BETWEEN 30 AND 90),
		   (SELECT count(*) FROM "App"."Reviews" r JOIN "Perf Data"."Feedback 360" f ON f."About" = r."Subject" WHERE r."Cycle" = 502),
		   (SELECT count(*) FROM orgacl.audit_log)$q$,
	   'RESET SESSION AUTHORIZATION'
FROM pg_roles r
WHERE r.rolname LIKE 'ops\_l\_%' OR r.rolname IN ('Ops Analyst', 'ops_unmapped', 'ops_dba')
ORDER BY r.rolname COLLATE "C" \gexec

-- the pooled application role: the viewer comes from orgacl.viewer
SELECT 'SET SESSION AUTHORIZATION ops_app',
	   format('SET orgacl.viewer = %L', v),
	   format($q$SELECT 'pool', %s, orgacl.current_viewer(),
		   (SELECT count(*) || ':' || md5(coalesce(string_agg("Id"::text, ',' ORDER BY "Id"), '')) FROM "App"."Reviews"),
		   (SELECT count(*) || ':' || md5(coalesce(string_agg("Id"::text, ',' ORDER BY "Id"), '')) FROM "Perf Data"."Feedback 360")$q$, v),
	   'RESET orgacl.viewer',
	   'RESET SESSION AUTHORIZATION'
FROM unnest(ARRAY[1, 2, 8, 9, 12, 30, 60, 77, 250, 400, 999]) v ORDER BY v \gexec
