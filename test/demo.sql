--
-- demo.sql: a five-minute tour of orgacl on a small sample company.
-- Run by `make demo` against a throw-away cluster.
--
\pset footer off
\echo
\echo '== orgacl demo: a sample company of 14 people'
CREATE EXTENSION orgacl;
SET search_path = orgacl, public;

CREATE TABLE people (
	id bigint PRIMARY KEY,
	name text NOT NULL,
	title text NOT NULL,
	path orgpath NOT NULL UNIQUE	-- the chain of managers, top first
);
CREATE INDEX people_path_gist ON people USING gist (path);

INSERT INTO people VALUES
	(1,    'Ada',      'CEO',                 '1'),
	(2,    'Grace',    'CTO',                 '1.2'),
	(3,    'Edsger',   'CFO',                 '1.3'),
	(20,   'Barbara',  'Engineering manager', '1.2.20'),
	(21,   'Donald',   'Research lead',       '1.2.21'),
	(200,  'Ken',      'Engineer',            '1.2.20.200'),
	(201,  'Dennis',   'Engineer',            '1.2.20.201'),
	(202,  'Margaret', 'Engineer',            '1.2.20.202'),
	(210,  'Leslie',   'Researcher',          '1.2.21.210'),
	(30,   'Frances',  'Controller',          '1.3.30'),
	(300,  'John',     'Accountant',          '1.3.30.300'),
	(301,  'Radia',    'Accountant',          '1.3.30.301'),
	(2000, 'Linus',    'Intern',              '1.2.20.200.2000'),
	(31,   'Tim',      'Payroll',             '1.3.31');

\echo
\echo '-- The org chart: ORDER BY path is depth-first, each manager before their reports'
SELECT repeat('    ', nlevel(path) - 1) || name AS org_chart, title, path
FROM people ORDER BY path;

\echo
\echo '-- Whose reviews may a manager read? Under the hierarchy alone: their subtree.'
\echo '   (The decision engine, with roles and cycle settings, comes next.)'
SELECT v.name AS viewer,
	count(*) FILTER (WHERE s.id <> v.id) AS people_below,
	string_agg(s.name, ', ' ORDER BY s.path) FILTER (WHERE s.id <> v.id) AS sees_reviews_of
FROM people v JOIN people s ON s.path <@ v.path
WHERE v.name IN ('Ada', 'Grace', 'Barbara', 'Frances', 'Linus')
GROUP BY v.name, v.path ORDER BY v.path;

\echo
\echo '-- Never up the chain: whose managers are above Linus?'
SELECT m.name AS manager_of_linus, m.title, nlevel(m.path) AS level
FROM people m
WHERE m.path @> (SELECT path FROM people WHERE name = 'Linus') AND m.name <> 'Linus'
ORDER BY m.path;

\echo
\echo '-- Lowest common manager of two people: lca()'
SELECT a.name AS person_a, b.name AS person_b,
	(SELECT name FROM people WHERE id = leaf(lca(a.path, b.path))) AS lowest_common_manager
FROM people a, people b
WHERE (a.name, b.name) IN (('Linus', 'Leslie'), ('Ken', 'Margaret'), ('Radia', 'Dennis'));

\echo
\echo '-- A reorganisation: Barbara''s team moves under Edsger. One UPDATE re-paths the subtree.'
UPDATE people SET path = '1.3'::orgpath || subpath(path, 2) WHERE path <@ '1.2.20';
SELECT repeat('    ', nlevel(path) - 1) || name AS org_chart_after, path
FROM people WHERE path <@ '1.3' ORDER BY path;

\echo
\echo '-- The index answers subtree questions (EXPLAIN with seqscan off on this tiny table)'
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT name FROM people WHERE path <@ '1.3.20';
RESET enable_seqscan;

\echo
\echo '== The decision engine, under the tri_role model (loaded by CREATE EXTENSION)'
\echo '-- The same people enter orgacl''s directory; roles are granted as the system (NULL actor).'
SELECT count(*) AS persons_added FROM (
	SELECT add_person(NULL, id, CASE WHEN nlevel(path) > 1 THEN leaf(subpath(path, 0, nlevel(path) - 1)) END)
	FROM people ORDER BY path) added;
SELECT grant_role(NULL, 1, 'hr_admin'), grant_role(NULL, 1, 'tech_admin'),	-- Ada: the Super User
       grant_role(NULL, 30, 'hr_admin'),										-- Frances
       grant_role(NULL, 31, 'hr_assistant'),									-- Tim
       grant_role(NULL, 2, 'tech_admin');										-- Grace
SELECT p.name, roles_of(p.id) AS roles FROM people p WHERE roles_of(p.id) <> '{}' ORDER BY p.path;

\echo
\echo '-- Who sees whose review? Rows: the viewer; columns: whose review. Managers see their'
\echo '   line, HR admin Frances sees everyone except those above her (Edsger, Ada), HR'
\echo '   assistant Tim and tech admin Grace read no review content through their roles.'
SELECT v.name AS viewer,
       max(CASE WHEN s.name = 'Ada'      THEN CASE WHEN can_view(v.id, s.id, artifact('review')) THEN 'yes' ELSE '-' END END) AS "Ada",
       max(CASE WHEN s.name = 'Edsger'   THEN CASE WHEN can_view(v.id, s.id, artifact('review')) THEN 'yes' ELSE '-' END END) AS "Edsger",
       max(CASE WHEN s.name = 'Barbara'  THEN CASE WHEN can_view(v.id, s.id, artifact('review')) THEN 'yes' ELSE '-' END END) AS "Barbara",
       max(CASE WHEN s.name = 'Frances'  THEN CASE WHEN can_view(v.id, s.id, artifact('review')) THEN 'yes' ELSE '-' END END) AS "Frances",
       max(CASE WHEN s.name = 'Ken'      THEN CASE WHEN can_view(v.id, s.id, artifact('review')) THEN 'yes' ELSE '-' END END) AS "Ken"
FROM people v CROSS JOIN people s
WHERE v.name IN ('Ada', 'Edsger', 'Barbara', 'Frances', 'Tim')
  AND s.name IN ('Ada', 'Edsger', 'Barbara', 'Frances', 'Ken')
GROUP BY v.name, v.path ORDER BY v.path;

\echo
\echo '-- Why may Frances (HR admin) not read Edsger''s review? explain() walks the rules:'
SELECT step, rule, outcome, detail FROM explain(30, 3, artifact('review'));

\echo
\echo '-- A 360 cycle that hides feedback from managers: cycle settings supersede roles, so HR'
\echo '   admin Frances does not see feedback about John and Radia, her own reports.'
SELECT create_cycle(NULL, 1, 'feedback_360', '{subject,hr}');
SELECT s.name AS subject, string_agg(v.name, ', ' ORDER BY v.path) AS who_sees_360_feedback
FROM people s, who_can(s.id, artifact('feedback_360', cycle => 1)) w JOIN people v ON v.id = w
WHERE s.name IN ('John', 'Ken') GROUP BY s.name, s.path ORDER BY s.path;
SELECT step, rule, outcome, detail FROM explain(30, 300, artifact('feedback_360', cycle => 1)) WHERE outcome <> 'continue';

\echo
\echo '-- Row-level security: the application''s review table, protected in one call.'
\echo '   Every query on it now returns only what its viewer may see.'
CREATE TABLE public.review (id bigserial PRIMARY KEY, subject bigint NOT NULL, author bigint, body text);
CREATE INDEX ON review (subject) INCLUDE (author);
CREATE INDEX ON review (author);
INSERT INTO review (subject, author, body)
SELECT p.id, nullif(leaf(subpath(p.path, 0, greatest(nlevel(p.path) - 1, 1))), p.id),
	   'review of ' || p.name
FROM people p;
SELECT protect('public.review', 'review', 'subject', author_col => 'author');
CREATE ROLE demo_app;
GRANT SELECT ON review, people TO demo_app;
GRANT SET ON PARAMETER orgacl.viewer TO demo_app;

\echo
\echo '-- The application (role demo_app) asks for "every review", as Barbara, then as Frances:'
BEGIN;
SET LOCAL orgacl.viewer = '20';
SET LOCAL ROLE demo_app;
SELECT string_agg(body, ', ' ORDER BY id) AS "Barbara (engineering manager) sees" FROM review;
COMMIT;
BEGIN;
SET LOCAL orgacl.viewer = '30';
SET LOCAL ROLE demo_app;
SELECT string_agg(body, ', ' ORDER BY id) AS "Frances (HR admin) sees" FROM review;
COMMIT;

\echo
\echo '-- Ken''s plan reads only his rows and his intern''s (an index condition from the'
\echo '   planner support; on 14 rows the planner would rather scan, so seqscan is off):'
BEGIN;
SET LOCAL orgacl.viewer = '200';
SET LOCAL ROLE demo_app;
SET LOCAL enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM review;
COMMIT;

\echo
\echo '-- lint() checks the setup and gives the SQL that fixes each problem:'
ALTER TABLE review NO FORCE ROW LEVEL SECURITY;
SELECT severity, object, problem, fix FROM lint() WHERE object LIKE '%review%';
ALTER TABLE review FORCE ROW LEVEL SECURITY;

\echo
\echo '-- Bad input is refused with a clear message and SQLSTATE 22P02'
\set VERBOSITY default
\set ON_ERROR_STOP off
SELECT '1.2..20'::orgpath;
\set ON_ERROR_STOP on
\echo
\echo '== demo done'
