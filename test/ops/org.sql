-- test/ops/org.sql: the organisation the operations tests (test/ops/*.sh)
-- run on, built deterministically (hashint8 of the person's id, no random()):
--
--   psql -X -q -v ON_ERROR_STOP=1 [-v model=module_admin] [-v options=a,b] -f test/ops/org.sql
--
-- Run as a superuser in a database where CREATE EXTENSION orgacl was done.
-- model is tri_role (default) or module_admin; options lists model options
-- to switch on.  It builds:
--
-- - persons 1..400: 1 the CEO, 2..6 VPs, 7..30 directors (under a VP),
--   31..400 a random tree under the directors (depth ~8); 401..420 a chain
--   under person 60 (depth 25); 421..425 a second top-level tree
--   (contractors); 426..430 do not exist (the tests ask about them too);
-- - additional managers, teams with leads (one lead outside the team),
--   locations, a saved group and a performance group;
-- - global and scoped roles (two holders of the super role set), five
--   deactivated persons, cycles of several kinds with and without an
--   audience and an owner;
-- - logins ops_l_<person> and "Ops Analyst" mapped to persons (one of them
--   deactivated), an unmapped login ops_unmapped, a login ops_dba in
--   orgacl_admin, a pooled application role ops_app allowed to SET
--   orgacl.viewer, and ops_owner, who owns the protected tables;
-- - protected tables in two schemas with quoted mixed-case names:
--   "App"."Reviews" (review: every column protect() knows),
--   "Perf Data"."Feedback 360" (feedback_360, no index on "Giver": lint
--   warns) and "Perf Data".surveys (survey_response).

\set ON_ERROR_STOP 1
\if :{?model}
\else
\set model tri_role
\endif
\if :{?options}
\else
\set options ''
\endif

SET client_min_messages = warning;

SELECT orgacl.use_model(:'model') WHERE :'model' <> orgacl.active_model_name();
SELECT orgacl.set_option(NULL, o, true)
FROM unnest(string_to_array(:'options', ',')) o WHERE o <> '';

-- persons
DO $$
DECLARE
	m bigint;
BEGIN
	PERFORM orgacl.add_person(NULL, 1);
	FOR i IN 2..6 LOOP
		PERFORM orgacl.add_person(NULL, i, 1);
	END LOOP;
	FOR i IN 7..30 LOOP
		PERFORM orgacl.add_person(NULL, i, 2 + i % 5);
	END LOOP;
	FOR i IN 31..400 LOOP
		m := 7 + abs(hashint8(i::bigint * 1000003 + 1)::bigint) % (i - 7);
		PERFORM orgacl.add_person(NULL, i, m);
	END LOOP;
	PERFORM orgacl.add_person(NULL, 401, 60);
	FOR i IN 402..420 LOOP
		PERFORM orgacl.add_person(NULL, i, i - 1);
	END LOOP;
	PERFORM orgacl.add_person(NULL, 421);
	FOR i IN 422..425 LOOP
		PERFORM orgacl.add_person(NULL, i, 421);
	END LOOP;

	-- additional managers
	FOR i IN 35..400 BY 13 LOOP
		m := 7 + abs(hashint8(i::bigint * 1000003 + 2)::bigint) % 24;
		IF m <> i AND m IS DISTINCT FROM (SELECT p.manager FROM orgacl.person p WHERE p.id = i) THEN
			PERFORM orgacl.add_manager(NULL, i, m);
		END IF;
	END LOOP;

	-- groups
	FOR g IN 1001..1008 LOOP
		PERFORM orgacl.create_group(NULL, g, 'team', 'Team ' || g);
	END LOOP;
	FOR g IN 2001..2003 LOOP
		PERFORM orgacl.create_group(NULL, g, 'location', 'Site ' || g);
	END LOOP;
	PERFORM orgacl.create_group(NULL, 3001, 'saved_group', 'Saved "quoted" group');
	PERFORM orgacl.create_group(NULL, 4001, 'performance_group', 'Perf group');
	FOR i IN 31..400 LOOP
		IF abs(hashint8(i::bigint * 1000003 + 4)::bigint) % 3 = 0 THEN
			PERFORM orgacl.add_member(NULL, 1001 + abs(hashint8(i::bigint * 1000003 + 3)::bigint) % 8, i);
		END IF;
	END LOOP;
	FOR i IN 1..425 LOOP
		PERFORM orgacl.add_member(NULL, 2001 + i % 3, i);
		IF i % 19 = 0 THEN
			PERFORM orgacl.add_member(NULL, 3001, i);
		END IF;
		IF i % 13 = 5 THEN
			PERFORM orgacl.add_member(NULL, 4001, i);
		END IF;
	END LOOP;
	FOR g IN 1001..1008 LOOP
		IF g = 1002 THEN
			PERFORM orgacl.set_lead(NULL, g, 7);	-- a lead outside the team
		ELSE
			PERFORM orgacl.set_lead(NULL, g, (SELECT min(gm.person) FROM orgacl.group_member gm WHERE gm.grp = g));
		END IF;
	END LOOP;
END
$$;

-- roles: (person, tri_role's role, module_admin's role, scope)
SELECT orgacl.grant_role(NULL, g.person,
						 CASE WHEN :'model' = 'tri_role' THEN g.tri ELSE g.mod END, g.scope)
FROM (VALUES (1, 'hr_admin', 'super_admin', NULL),
			 (1, 'tech_admin', 'admin', NULL),
			 (11, 'hr_admin', 'super_admin', NULL),
			 (11, 'tech_admin', 'review_admin', NULL),
			 (2, 'hr_admin', 'review_admin', NULL),
			 (8, 'hr_admin', 'review_admin', NULL),
			 (40, 'hr_admin', 'goal_admin', NULL),
			 (9, 'hr_assistant', 'admin', NULL),
			 (100, 'hr_assistant', 'feedback_admin', NULL),
			 (10, 'tech_admin', 'survey_admin', NULL),
			 (12, 'hr_admin', 'hrbp', 1003),
			 (13, 'hr_admin', 'hrbp', 2002),
			 (14, 'hr_admin', 'hrbp', 1005),
			 (14, 'hr_admin', 'hrbp', 1006)) g(person, tri, mod, scope)
ORDER BY g.person, g.tri, g.mod, g.scope;

-- cycles: owner slot A is tri_role's HR assistant (9) or module_admin's
-- super admin (1); slot B an HR admin (8) or the second super admin (11)
SELECT orgacl.create_cycle(CASE c.owner WHEN 'A' THEN CASE WHEN :'model' = 'tri_role' THEN 9 ELSE 1 END
										WHEN 'B' THEN CASE WHEN :'model' = 'tri_role' THEN 8 ELSE 11 END END,
						   c.id, c.kind, c.audience::orgacl.audience)
FROM (VALUES (500, 'review', '{subject,hr}', NULL),
			 (501, 'review', '{subject,owner,hr}', 'A'),
			 (502, 'review', NULL, 'B'),
			 (503, 'review', '{subject,direct_manager,managers}', NULL),
			 (504, 'review', '{}', NULL),
			 (600, 'feedback_360', NULL, 'A'),
			 (601, 'feedback_360', '{subject,author,owner}', 'B'),
			 (700, 'survey_response', NULL, 'A'),
			 (701, 'survey_response', NULL, NULL),
			 (800, 'objective', '{subject,direct_manager,managers,team_lead,hr}', NULL),
			 (801, 'one_on_one', NULL, NULL),
			 (802, 'private_feedback', '{subject,author,public}', NULL)) c(id, kind, audience, owner)
ORDER BY c.id;

SELECT orgacl.deactivate(NULL, p) FROM unnest('{77,133,250,415,423}'::bigint[]) p;

-- logins (roles are cluster-wide: made once per cluster)
DO $$
DECLARE
	r text;
BEGIN
	FOREACH r IN ARRAY ARRAY['ops_owner', 'ops_app'] LOOP
		IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
			EXECUTE format('CREATE ROLE %I NOLOGIN', r);
		END IF;
	END LOOP;
	FOREACH r IN ARRAY ARRAY['ops_unmapped', 'ops_dba', 'Ops Analyst'] LOOP
		IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
			EXECUTE format('CREATE ROLE %I LOGIN', r);
		END IF;
	END LOOP;
	FOREACH r IN ARRAY (SELECT array_agg('ops_l_' || p) FROM unnest('{1,2,3,4,7,8,9,10,11,12,13,14,20,25,33,60,77,100,133,200,250,300,399,410,420,421,425}'::int[]) p) LOOP
		IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
			EXECUTE format('CREATE ROLE %I LOGIN', r);
		END IF;
	END LOOP;
END
$$;
GRANT orgacl_admin TO ops_dba;
GRANT SET ON PARAMETER orgacl.viewer TO ops_app;
SELECT orgacl.map_login(NULL, r.rolname, substr(r.rolname, 7)::bigint)
FROM pg_roles r WHERE r.rolname LIKE 'ops\_l\_%' ORDER BY r.rolname;
SELECT orgacl.map_login(NULL, 'Ops Analyst', 40);

-- protected tables
CREATE SCHEMA "App" AUTHORIZATION ops_owner;
CREATE SCHEMA "Perf Data" AUTHORIZATION ops_owner;
GRANT USAGE ON SCHEMA "App", "Perf Data" TO PUBLIC;

CREATE TABLE "App"."Reviews" (
	"Id" bigint PRIMARY KEY,
	"Subject" bigint NOT NULL,
	"Cycle" bigint,
	"Author" bigint,
	"Audience" orgacl.audience,
	"SharedWith" bigint[],
	"Body" text
);
CREATE INDEX ON "App"."Reviews" ("Subject");
CREATE INDEX ON "App"."Reviews" ("Author");
CREATE INDEX ON "App"."Reviews" ("Cycle");
CREATE INDEX ON "App"."Reviews" USING gin ("SharedWith");
INSERT INTO "App"."Reviews"
SELECT i, 1 + h[1] % 430,
	   (ARRAY[NULL, NULL, 500, 501, 502, 503, 504, 9999])[1 + h[2] % 8],
	   CASE WHEN h[3] % 3 = 0 THEN 1 + h[4] % 430 END,
	   (ARRAY[NULL, NULL, NULL, NULL, '{}', '{subject,hr}', '{shared}', '{author,shared,hr}',
			  '{direct_manager,managers}', '{public}']::orgacl.audience[])[1 + h[5] % 10],
	   CASE WHEN h[6] % 4 = 0 THEN ARRAY[1 + h[7] % 430, 1 + h[8] % 430] END,
	   'review ' || i
FROM (SELECT i, ARRAY(SELECT abs(hashint8(i::bigint * 1000003 + 100 + k)::bigint) FROM generate_series(1, 8) k) h
	  FROM generate_series(1, 3000) i) s;

CREATE TABLE "Perf Data"."Feedback 360" (
	"Id" bigint PRIMARY KEY,
	"About" bigint NOT NULL,
	"Giver" bigint,
	"Round" bigint,
	"Text" text
);
CREATE INDEX ON "Perf Data"."Feedback 360" ("About");
CREATE INDEX ON "Perf Data"."Feedback 360" ("Round");
INSERT INTO "Perf Data"."Feedback 360"
SELECT i, 1 + h[1] % 430, 1 + h[2] % 430, (ARRAY[NULL, 600, 601])[1 + h[3] % 3], 'feedback ' || i
FROM (SELECT i, ARRAY(SELECT abs(hashint8(i::bigint * 1000003 + 200 + k)::bigint) FROM generate_series(1, 3) k) h
	  FROM generate_series(1, 2000) i) s;

CREATE TABLE "Perf Data".surveys (
	id bigint PRIMARY KEY,
	subject bigint NOT NULL,
	cycle bigint,
	score int
);
CREATE INDEX ON "Perf Data".surveys (subject);
CREATE INDEX ON "Perf Data".surveys (cycle);
INSERT INTO "Perf Data".surveys
SELECT i, 1 + abs(hashint8(i::bigint * 1000003 + 301)::bigint) % 430,
	   (ARRAY[NULL, 700, 701])[1 + abs(hashint8(i::bigint * 1000003 + 302)::bigint) % 3], i % 10
FROM generate_series(1, 1000) i;

ALTER TABLE "App"."Reviews" OWNER TO ops_owner;
ALTER TABLE "Perf Data"."Feedback 360" OWNER TO ops_owner;
ALTER TABLE "Perf Data".surveys OWNER TO ops_owner;
GRANT SELECT ON "App"."Reviews", "Perf Data"."Feedback 360", "Perf Data".surveys TO PUBLIC;

SELECT orgacl.protect('"App"."Reviews"', 'review', 'Subject', cycle_col => 'Cycle',
					  author_col => 'Author', audience_col => 'Audience', shared_col => 'SharedWith');
SELECT orgacl.protect('"Perf Data"."Feedback 360"', 'feedback_360', 'About', cycle_col => 'Round',
					  author_col => 'Giver');
SELECT orgacl.protect('"Perf Data".surveys', 'survey_response', 'subject', cycle_col => 'cycle');
ANALYZE "App"."Reviews", "Perf Data"."Feedback 360", "Perf Data".surveys;
