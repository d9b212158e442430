--
-- audience: text and binary I/O of orgacl.audience, its set operators,
-- and the artifact constructor.
--
SET search_path = orgacl, public;

\i sql/include/try.psql

-- every relation of SPEC section 2, output in that order
SELECT s AS literal, s::audience AS audience
FROM unnest(ARRAY[
	'{}', '{subject}', '{hr,subject}',
	'{public,team_lead,shared,owner,managers,direct_manager,author,subject,hr}',
	'{ managers , managers }'
]) s;

-- malformed text is 22P02; an unknown relation is 22023 with the list
SELECT s AS literal, pg_temp.try(format('SELECT %L::orgacl.audience', s)) AS result
FROM unnest(ARRAY[
	'', 'subject', '{subject', '{subject,,hr}', '{Subject}', '{sub ject}',
	'{manager}', '{everyone}', '{hr_admin}'
]) s;
SELECT '{manager}'::audience;

-- set operators
SELECT a, b, a = b AS eq, a | b AS "union", a & b AS inter, a - b AS minus,
       a @> b AS contains, a <@ b AS contained, a && b AS overlaps
FROM (VALUES
	('{subject,hr}'::audience, '{hr}'::audience),
	('{subject}', '{author}'),
	('{}', '{subject}')
) v(a, b);
SELECT '{subject,hr}'::audience ? 'hr' AS has_hr, '{subject}'::audience ? 'hr' AS has_hr_2;
SELECT pg_temp.try($$SELECT '{subject}'::orgacl.audience ? 'boss'$$) AS unknown_relation;

-- binary: version byte, then 2 bytes (bit 0 subject ... bit 8 hr)
SELECT audience_send('{subject,hr}') AS bytes;
CREATE TEMP TABLE au (a audience);
INSERT INTO au VALUES ('{subject,hr}'), ('{}'), ('{public}');
COPY au TO '/tmp/orgacl_audience.bin' WITH (FORMAT binary);
CREATE TEMP TABLE au2 (a audience);
COPY au2 FROM '/tmp/orgacl_audience.bin' WITH (FORMAT binary);
SELECT a FROM au2 ORDER BY a::text;

-- artifact(): the kind must exist in the model; the rest is optional
SELECT artifact('review');
SELECT artifact('feedback_360', cycle => 7, author => 3, audience => '{subject,author}',
                shared_with => ARRAY[4, 5]);
SELECT (artifact('objective', audience => '{}')).audience AS empty_audience;
SELECT pg_temp.try($$SELECT orgacl.artifact('reviews')$$) AS unknown_kind;
SELECT pg_temp.try($$SELECT orgacl.artifact(NULL)$$) AS null_kind;
