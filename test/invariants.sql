-- test/invariants.sql: the directory's invariants as one query.
--
-- Every row returned is a violation (invariant, detail); no rows means the
-- directory is sound.  Run as a superuser (it reads the catalog directly):
--
--   psql -X -v ON_ERROR_STOP=1 -f test/invariants.sql
--
-- The stress runs, the isolation and crash tests, and the differential
-- driver call it after concurrent or interrupted work.  It restates the rules
-- the directory functions enforce, read from the tables rather than from the
-- code that keeps them, so a bug in that code shows up here.

WITH RECURSIVE chain AS (
	-- the primary-manager chain from each top-level person downwards, built
	-- independently of the stored paths; a cycle never reaches a top
	SELECT p.id, ARRAY[p.id] AS ids
	FROM orgacl.person p
	WHERE p.manager IS NULL
	UNION ALL
	SELECT p.id, c.ids || p.id
	FROM orgacl.person p JOIN chain c ON p.manager = c.id
	WHERE cardinality(c.ids) < 10000
),
super AS (
	SELECT m.super_roles
	FROM orgacl.model m WHERE m.name = orgacl.active_model_name()
),
violations(invariant, detail) AS (
	SELECT 'path follows the manager chain',
		format('person %s: path %s, chain %s', p.id, p.path,
			   coalesce(array_to_string(c.ids, '.'), '(none: a manager cycle)'))
	FROM orgacl.person p LEFT JOIN chain c ON c.id = p.id
	WHERE c.ids IS NULL OR orgacl.ids(p.path) IS DISTINCT FROM c.ids
	UNION ALL
	SELECT 'an additional manager differs from the primary one',
		format('person %s: manager %s twice', pm.person, pm.manager)
	FROM orgacl.person_manager pm JOIN orgacl.person p ON p.id = pm.person
	WHERE p.manager = pm.manager
	UNION ALL
	SELECT 'granted roles exist in the active model with the right scope',
		format('person %s: role %s scope %s', g.person, g.role, coalesce(g.scope::text, 'global'))
	FROM orgacl.role_grant g
	LEFT JOIN orgacl.model_role r
		ON r.model = orgacl.active_model_name() AND r.name = g.role
	WHERE r.name IS NULL
	   OR (g.scope IS NULL AND r.scope = 'scoped')
	   OR (g.scope IS NOT NULL AND r.scope = 'global')
	UNION ALL
	SELECT 'someone active holds the super role set while anyone holds it',
		format('holders of %s: none active', s.super_roles)
	FROM super s
	WHERE cardinality(s.super_roles) > 0
	  AND NOT EXISTS (SELECT FROM orgacl.super_holders())
	  AND EXISTS (
		SELECT FROM orgacl.person p
		WHERE NOT EXISTS (
			SELECT FROM unnest(s.super_roles) r(role)
			WHERE NOT EXISTS (SELECT FROM orgacl.role_grant g
							  WHERE g.person = p.id AND g.role = r.role AND g.scope IS NULL)))
	UNION ALL
	SELECT 'cycles are of kinds the active model has',
		format('cycle %s: kind %s', c.id, c.kind)
	FROM orgacl.cycle c
	WHERE NOT EXISTS (SELECT FROM orgacl.kind k WHERE k.name = c.kind)
	  AND NOT EXISTS (SELECT FROM orgacl.model_kind k
					  WHERE k.model = orgacl.active_model_name() AND k.name = c.kind)
	UNION ALL
	SELECT 'exactly one directory lock row', format('%s rows', count(*))
	FROM orgacl.directory_lock
	HAVING count(*) <> 1
	UNION ALL
	SELECT 'at most one active model row', format('%s rows', count(*))
	FROM orgacl.active_model
	HAVING count(*) > 1
	UNION ALL
	SELECT 'the model catalog is consistent', p::text
	FROM orgacl.model_problems() p
)
SELECT invariant, detail FROM violations ORDER BY 1, 2;
