--
-- orgpath_hierarchy: the orgpath type in the role it plays for orgacl, a
-- company's reporting lines.  Covers: who is below whom (<@, @>), the chain
-- of managers (ids, subpath, nlevel), lowest common manager (lca), ordering
-- a report as an org chart, a reorganisation that re-paths a subtree, the
-- type's errors, and that a GiST index gives the same answers.
--
\set ON_ERROR_ROLLBACK 1
\set ON_ERROR_STOP true

BEGIN;
SELECT plan(24);
SET LOCAL search_path = orgacl, public;

-- Company: 1 CEO; 2 CTO and 3 CFO report to 1; 20, 21 report to 2;
-- 200, 201 to 20; 2000 to 200; 30 to 3; 300 to 30.
CREATE TEMP TABLE staff (id bigint PRIMARY KEY, name text, path orgpath NOT NULL);
INSERT INTO staff VALUES
	(1, 'Ada', '1'), (2, 'Grace', '1.2'), (3, 'Edsger', '1.3'),
	(20, 'Barbara', '1.2.20'), (21, 'Donald', '1.2.21'),
	(200, 'Ken', '1.2.20.200'), (201, 'Dennis', '1.2.20.201'),
	(2000, 'Linus', '1.2.20.200.2000'), (30, 'Frances', '1.3.30'),
	(300, 'John', '1.3.30.300');

SELECT has_type('orgacl', 'orgpath', 'type orgacl.orgpath exists');
SELECT has_operator('orgpath', 'orgacl', '<@', 'orgpath', 'boolean',
	'<@ (orgpath, orgpath) exists');

-- who is below Grace (2), herself included
SELECT set_eq(
	$$SELECT id FROM staff WHERE path <@ (SELECT path FROM staff WHERE id = 2)$$,
	ARRAY[2, 20, 21, 200, 201, 2000]::bigint[],
	'everyone in the CTO''s subtree, and only them');
SELECT set_eq(
	$$SELECT id FROM staff WHERE path <@ '1.2.20' AND path <> '1.2.20'$$,
	ARRAY[200, 201, 2000]::bigint[],
	'strict descendants exclude the manager herself');
SELECT is_empty(
	$$SELECT id FROM staff WHERE path <@ '1.2.2'$$,
	'no one is below an unknown path');

-- Linus's chain of managers, top first
SELECT results_eq(
	$$SELECT id FROM staff WHERE path @> '1.2.20.200.2000' AND id <> 2000 ORDER BY path$$,
	ARRAY[1, 2, 20, 200]::bigint[],
	'the managers above Linus, top first');
SELECT is(ids(subpath('1.2.20.200.2000', 0, -1)), ARRAY[1, 2, 20, 200]::bigint[],
	'subpath(p, 0, -1) is the chain of managers');
SELECT is(leaf(subpath('1.2.20.200.2000', 0, -1)), 200::bigint,
	'the direct manager is the leaf of the parent path');
SELECT is(nlevel('1.2.20.200.2000'), 5, 'Linus is five levels down');

-- lowest common manager
SELECT is(leaf(lca('1.2.20.200.2000', '1.2.21')), 2::bigint,
	'the lowest common manager of Linus and Donald is Grace');
SELECT is(leaf(lca('1.2.20.201', '1.3.30.300')), 1::bigint,
	'across branches the lowest common manager is the CEO');
SELECT is(lca('1', '1'), ''::orgpath,
	'the CEO has no manager: her lca with herself is the root, the empty path');

-- an org-chart listing: depth-first, each manager before their reports
SELECT results_eq(
	$$SELECT name FROM staff ORDER BY path$$,
	ARRAY['Ada', 'Grace', 'Barbara', 'Ken', 'Linus', 'Dennis', 'Donald', 'Edsger', 'Frances', 'John'],
	'ORDER BY path lists the org chart depth-first');

-- a reorganisation: Barbara's team (20 and below) moves under Edsger (3)
UPDATE staff SET path = '1.3'::orgpath || subpath(path, nlevel('1.2'))
WHERE path <@ '1.2.20';
SELECT set_eq(
	$$SELECT id FROM staff WHERE path <@ '1.3'$$,
	ARRAY[3, 20, 200, 201, 2000, 30, 300]::bigint[],
	'after the move, Edsger''s subtree holds Barbara''s team');
SELECT set_eq(
	$$SELECT id FROM staff WHERE path <@ '1.2'$$,
	ARRAY[2, 21]::bigint[],
	'after the move, Grace keeps only Donald');
SELECT is((SELECT path FROM staff WHERE id = 2000), '1.3.20.200.2000'::orgpath,
	'Linus''s path follows his manager''s move');

-- the same questions through a GiST index
CREATE INDEX ON staff USING gist (path);
SET LOCAL enable_seqscan = off;
SELECT set_eq(
	$$SELECT id FROM staff WHERE path <@ '1.3.20'$$,
	ARRAY[20, 200, 201, 2000]::bigint[],
	'GiST index: descendants');
SELECT set_eq(
	$$SELECT id FROM staff WHERE path @> '1.3.20.200.2000'$$,
	ARRAY[1, 3, 20, 200, 2000]::bigint[],
	'GiST index: ancestors');
RESET enable_seqscan;

-- errors a caller can meet
SELECT throws_ok($$SELECT '1..2'::orgacl.orgpath$$, '22P02',
	'invalid input syntax for type orgpath: "1..2"', 'an empty label is a syntax error');
SELECT throws_ok($$SELECT '1.-2'::orgacl.orgpath$$, '22P02', NULL, 'a negative id is a syntax error');
SELECT throws_ok($$SELECT '1.0'::orgacl.orgpath$$, '22P02', NULL, 'id zero is a syntax error');
SELECT throws_ok($$SELECT orgacl.orgpath(ARRAY[1, 0]::bigint[])$$, '22023',
	'orgpath ids must be positive', 'orgpath() refuses id zero');
SELECT throws_ok($$SELECT orgacl.orgpath(array_fill(7::bigint, ARRAY[1001]))$$, '54000',
	'orgpath is too deep', 'more than 1,000 levels is refused');
SELECT lives_ok($$SELECT orgacl.orgpath(array_fill(7::bigint, ARRAY[1000]))$$,
	'1,000 levels is accepted');

SELECT * FROM finish();
ROLLBACK;
