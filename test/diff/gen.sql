-- test/diff/gen.sql: random organisations, reorganisations and draws for
-- the differential test (test/diff/run.sh drives it; it is not a test by
-- itself).
--
-- Schema orgacl_diff holds the draws, the protected tables' bookkeeping and
-- the functions that build and change the organisation.  Every change goes
-- through orgacl's directory functions (actor NULL: the system, or a person
-- holding the capability for cycles so that cycles have owners); a refused
-- change is counted by SQLSTATE in orgacl_diff.refusal, and run.sh fails on
-- any SQLSTATE a refusal may not have.  Draws are aimed at the pairs the
-- rules are about (orgacl_diff.near: people above, below, additionally
-- managed, led, sharing a group or in a role's scope), and a few are
-- compared inside every reorganisation (probe), where can() must see the
-- transaction's own changes.  Randomness comes from random(), so setseed()
-- makes a run repeatable.

CREATE SCHEMA orgacl_diff;

-- refused directory changes by operation and SQLSTATE
CREATE TABLE orgacl_diff.refusal (
	op			text NOT NULL,
	sqlstate	text NOT NULL,
	message		text NOT NULL,
	n			int NOT NULL DEFAULT 1,
	PRIMARY KEY (op, sqlstate)
);

-- the SQLSTATEs a random change may be refused with: a manager cycle or the
-- last super holder (23514), a scope of the wrong kind (22023), an actor
-- without the capability (42501), something that exists (23505)
CREATE FUNCTION orgacl_diff.expected_refusal(sqlstate text) RETURNS boolean
	LANGUAGE sql IMMUTABLE
	RETURN sqlstate IN ('23514', '22023', '42501', '23505');

-- the draws: one call of can() each
CREATE TABLE orgacl_diff.draw (
	id			serial PRIMARY KEY,
	batch		int NOT NULL,
	viewer		bigint,
	action		text NOT NULL,
	subject		bigint,
	kind		text NOT NULL,
	cycle		bigint,
	author		bigint,
	audience	orgacl.audience,
	shared		bigint[],
	engine		boolean,
	ref			boolean,
	step		text,			-- the step of SPEC 3 that decided, by the reference
	detail		text			-- on a mismatch: what the reference and explain() said
);

-- the identities that read the protected tables: logins mapped to persons
-- (via login, person NULL: unmapped), and the pooled application role, for
-- which the superuser sets orgacl.viewer (via viewer)
CREATE TABLE orgacl_diff.login (
	login		name PRIMARY KEY,
	via			text NOT NULL CHECK (via IN ('login', 'viewer')),
	person		bigint
);

-- the protected tables: name, kind, and the columns protect() was told of
CREATE TABLE orgacl_diff.rls_table (
	tbl			text PRIMARY KEY,
	kind		text NOT NULL,
	has_cycle	boolean NOT NULL,
	has_author	boolean NOT NULL,
	has_audience boolean NOT NULL,
	has_shared	boolean NOT NULL
);

-- what each login saw, updated or deleted through a protected table
CREATE TABLE orgacl_diff.rls_seen (
	login		name NOT NULL,
	tbl			text NOT NULL,
	command		text NOT NULL,
	id			int NOT NULL
);
GRANT USAGE ON SCHEMA orgacl_diff TO PUBLIC;
GRANT INSERT ON orgacl_diff.rls_seen TO PUBLIC;

-- the comparisons made, by kind, for the summary
CREATE TABLE orgacl_diff.tally (
	what		text PRIMARY KEY,
	n			bigint NOT NULL
);

CREATE FUNCTION orgacl_diff.count(what text, n bigint) RETURNS void
	LANGUAGE sql
	BEGIN ATOMIC
		INSERT INTO orgacl_diff.tally VALUES (what, n)
		ON CONFLICT (what) DO UPDATE SET n = orgacl_diff.tally.n + EXCLUDED.n;
	END;

---------------------------------------------------------------------------
-- random helpers
---------------------------------------------------------------------------

-- true with probability p
CREATE FUNCTION orgacl_diff.chance(p float8) RETURNS boolean
	LANGUAGE sql VOLATILE
	RETURN random() < p;

-- a random integer in lo .. hi
CREATE FUNCTION orgacl_diff.between(lo int, hi int) RETURNS int
	LANGUAGE sql VOLATILE
	RETURN lo + floor(random() * (hi - lo + 1))::int;

-- a random element of arr (NULL when arr is empty)
CREATE FUNCTION orgacl_diff.pick(arr anyarray) RETURNS anyelement
	LANGUAGE sql VOLATILE
	AS $$ SELECT arr[1 + floor(random() * coalesce(cardinality(arr), 0))::int] $$;

-- the relations of SPEC section 2
CREATE FUNCTION orgacl_diff.relations() RETURNS text[]
	LANGUAGE sql IMMUTABLE
	RETURN '{subject,author,direct_manager,managers,owner,shared,team_lead,public,hr}'::text[];

-- a random audience: each relation with probability p
CREATE FUNCTION orgacl_diff.random_audience(p float8 DEFAULT 0.35) RETURNS orgacl.audience
	LANGUAGE sql VOLATILE
	RETURN ('{' || array_to_string(ARRAY(SELECT r FROM unnest(orgacl_diff.relations()) r
										  WHERE random() < p), ',') || '}')::orgacl.audience;

-- every person, every active / deactivated person, every group
CREATE FUNCTION orgacl_diff.persons() RETURNS bigint[]
	LANGUAGE sql STABLE
	RETURN ARRAY(SELECT p.id FROM orgacl.person p ORDER BY p.id);

CREATE FUNCTION orgacl_diff.persons(active boolean) RETURNS bigint[]
	LANGUAGE sql STABLE
	RETURN ARRAY(SELECT p.id FROM orgacl.person p WHERE p.active = persons.active ORDER BY p.id);

CREATE FUNCTION orgacl_diff.groups(kinds text[] DEFAULT NULL) RETURNS bigint[]
	LANGUAGE sql STABLE
	RETURN ARRAY(SELECT g.id FROM orgacl.org_group g
				 WHERE kinds IS NULL OR g.kind = ANY (kinds) ORDER BY g.id);

-- an id no person has (for unknown viewers, subjects, authors): above
-- every id, or one of the ids no person can have (0, negative, the extremes)
CREATE FUNCTION orgacl_diff.no_id(top bigint, r float8) RETURNS bigint
	LANGUAGE sql IMMUTABLE
	RETURN CASE WHEN r < 0.7 THEN top + 1 + floor(r * 1000)::bigint
				ELSE (ARRAY[0, -1, -top, 9223372036854775807, -9223372036854775808])[1 + floor((r - 0.7) / 0.3 * 5)::int] END;

-- an id no person has, for new persons
CREATE FUNCTION orgacl_diff.unknown_id() RETURNS bigint
	LANGUAGE sql VOLATILE
	RETURN (SELECT coalesce(max(p.id), 0) FROM orgacl.person p) + orgacl_diff.between(1, 1000);

-- the depth of p (1 at the top) and the height of p's subtree (1: no
-- reports), from the manager links
CREATE FUNCTION orgacl_diff.depth(p bigint) RETURNS int
	LANGUAGE sql STABLE
	RETURN cardinality(orgacl_ref.chain(p)) + 1;

CREATE FUNCTION orgacl_diff.height(p bigint) RETURNS int
	LANGUAGE sql STABLE
	BEGIN ATOMIC
		WITH RECURSIVE down(id, h) AS (
			SELECT p, 1
			UNION ALL
			SELECT x.id, down.h + 1 FROM orgacl.person x JOIN down ON x.manager = down.id
			WHERE down.h < 100
		)
		SELECT max(h) FROM down;
	END;

---------------------------------------------------------------------------
-- changes, refused ones counted
---------------------------------------------------------------------------

-- try runs one directory call; a refusal is counted, not raised
CREATE FUNCTION orgacl_diff.try(what text, stmt text) RETURNS boolean
	LANGUAGE plpgsql
AS $$
BEGIN
	EXECUTE stmt;
	RETURN true;
EXCEPTION WHEN OTHERS THEN
	INSERT INTO orgacl_diff.refusal AS r (op, sqlstate, message)
	VALUES (what, SQLSTATE, SQLERRM || ' [' || stmt || ']')
	ON CONFLICT ON CONSTRAINT refusal_pkey DO UPDATE SET n = r.n + 1;
	RETURN false;
END
$$;

-- Whether the run tries to make a person's primary manager also their
-- additional manager (add_manager, or set_manager to an additional
-- manager).  add_manager refuses it (23514) and set_manager drops the
-- additional link; test/invariants.sql checks that no such pair remains.
-- run.sh's DIFF_PRIMARY_AS_ADDITIONAL (default 1) turns it on.
CREATE FUNCTION orgacl_diff.primary_as_additional() RETURNS boolean
	LANGUAGE sql STABLE
	RETURN coalesce(current_setting('orgacl_diff.primary_as_additional', true), '') = '1';

-- a random additional manager for p
CREATE FUNCTION orgacl_diff.add_some_manager() RETURNS void
	LANGUAGE plpgsql
AS $$
DECLARE
	p bigint := orgacl_diff.pick(orgacl_diff.persons());
	m bigint := orgacl_diff.pick(orgacl_diff.persons());
BEGIN
	IF orgacl_diff.primary_as_additional() AND orgacl_diff.chance(0.3) THEN
		m := coalesce((SELECT x.manager FROM orgacl.person x WHERE x.id = p), m);
	END IF;
	IF p = m THEN
		RETURN;
	END IF;
	IF NOT orgacl_diff.primary_as_additional()
	   AND EXISTS (SELECT FROM orgacl.person x WHERE x.id = p AND x.manager = m) THEN
		RETURN;
	END IF;
	PERFORM orgacl_diff.try('add_manager', format('SELECT orgacl.add_manager(NULL, %s, %s)', p, m));
END
$$;

-- move a random person under a random manager (or to the top), keeping
-- trees at most 8 deep; a move under one's own report is tried now and
-- then and must be refused (23514)
CREATE FUNCTION orgacl_diff.move_someone() RETURNS void
	LANGUAGE plpgsql
AS $$
DECLARE
	p bigint := orgacl_diff.pick(orgacl_diff.persons());
	m bigint;
	ok boolean;
BEGIN
	IF orgacl_diff.chance(0.1) THEN
		m := NULL;
	ELSE
		m := orgacl_diff.pick(orgacl_diff.persons());
		IF orgacl_diff.depth(m) + orgacl_diff.height(p) > 8 AND p <> ALL (orgacl_ref.chain(m)) AND p <> m THEN
			RETURN;
		END IF;
		IF NOT orgacl_diff.primary_as_additional() AND orgacl_ref.is_additional_manager(m, p) THEN
			RETURN;
		END IF;
	END IF;
	ok := orgacl_diff.try('set_manager', format('SELECT orgacl.set_manager(NULL, %s, %s)', p, coalesce(m::text, 'NULL')));
	IF ok AND m IS NOT NULL AND (p = m OR p = ANY (orgacl_ref.chain(m))) THEN
		RAISE EXCEPTION 'set_manager(%, %) made a manager cycle', p, m;
	END IF;
END
$$;

-- a random grant of a role of the model: globally, or scoped to a group of
-- a kind the role allows
CREATE FUNCTION orgacl_diff.grant_something(p bigint DEFAULT NULL, role text DEFAULT NULL) RETURNS void
	LANGUAGE plpgsql
AS $$
DECLARE
	r orgacl.model_role;
	g bigint;
BEGIN
	p := coalesce(p, orgacl_diff.pick(orgacl_diff.persons()));
	SELECT * INTO r FROM orgacl.model_role x
	WHERE x.model = orgacl_ref.model() AND (role IS NULL OR x.name = role)
	ORDER BY random() LIMIT 1;
	IF r.scope = 'scoped' OR (r.scope = 'either' AND role IS NULL AND orgacl_diff.chance(0.35)) THEN
		-- mostly a group the role allows; now and then any group (22023)
		g := orgacl_diff.pick(orgacl_diff.groups(CASE WHEN orgacl_diff.chance(0.9) THEN r.scope_kinds END));
		IF g IS NULL THEN
			RETURN;
		END IF;
	END IF;
	PERFORM orgacl_diff.try('grant_role', format('SELECT orgacl.grant_role(NULL, %s, %L, %s)',
												  p, r.name, coalesce(g::text, 'NULL')));
END
$$;

-- a random cycle of kind k: owned by someone who may create it when
-- anybody may, else by the system; audience NULL (the kind's default) or
-- random
CREATE FUNCTION orgacl_diff.create_some_cycle(k text) RETURNS void
	LANGUAGE plpgsql
AS $$
DECLARE
	id bigint := (SELECT coalesce(max(c.id), 0) FROM orgacl.cycle c) + orgacl_diff.between(1, 3);
	owner bigint;
	aud text := CASE WHEN orgacl_diff.chance(0.4) THEN 'NULL'
				ELSE quote_literal(orgacl_diff.random_audience()) END;
BEGIN
	IF orgacl_diff.chance(0.8) THEN
		-- has_capability only picks a plausible owner; create_cycle decides
		owner := orgacl_diff.pick(ARRAY(SELECT p FROM unnest(orgacl_diff.persons(true)) p
										WHERE orgacl.has_capability(p, k || '.create_cycle')));
	END IF;
	IF orgacl_diff.chance(0.05) THEN
		owner := orgacl_diff.pick(orgacl_diff.persons());	-- perhaps refused (42501)
	END IF;
	PERFORM orgacl_diff.try('create_cycle', format('SELECT orgacl.create_cycle(%s, %s, %L, %s)',
													coalesce(owner::text, 'NULL'), id, k, aud));
END
$$;

---------------------------------------------------------------------------
-- the organisation
---------------------------------------------------------------------------

-- build a random organisation of about n persons
CREATE FUNCTION orgacl_diff.build(n int) RETURNS void
	LANGUAGE plpgsql
AS $$
DECLARE
	sparse boolean := orgacl_diff.chance(0.5);
	id bigint := 0;
	m bigint;
	recent bigint[] := '{}';
	g bigint;
	k text;
	o record;
	supers text[];
	holder bigint;
BEGIN
	-- persons: dense ids, or ids spread far apart (the engine indexes both
	-- ways); trees at most 8 deep, most managers chosen among the newest
	-- persons so that deep lines occur
	FOR i IN 1 .. n LOOP
		id := id + CASE WHEN sparse THEN orgacl_diff.between(1, 100000000) ELSE 1 END;
		m := NULL;
		IF i > 1 AND orgacl_diff.chance(0.93) THEN
			m := CASE WHEN orgacl_diff.chance(0.5) THEN orgacl_diff.pick(recent)
				 ELSE orgacl_diff.pick(orgacl_diff.persons()) END;
			IF orgacl_diff.depth(m) >= 8 THEN
				m := NULL;
			END IF;
		END IF;
		PERFORM orgacl.add_person(NULL, id, m);
		recent := (recent || id)[greatest(1, cardinality(recent) - 7):];
	END LOOP;

	-- additional managers
	FOR i IN 1 .. n / 6 LOOP
		PERFORM orgacl_diff.add_some_manager();
	END LOOP;

	-- groups of every kind, their members and the teams' leads (a lead may
	-- or may not be a member of their team)
	FOR i IN 1 .. 4 + n / 10 LOOP
		g := 1000 + i;
		k := (ARRAY['team', 'location', 'saved_group', 'performance_group'])[1 + (i - 1) % 4];
		PERFORM orgacl.create_group(NULL, g, k, k || ' ' || g);
		FOR j IN 1 .. orgacl_diff.between(1, 12) LOOP
			PERFORM orgacl.add_member(NULL, g, orgacl_diff.pick(orgacl_diff.persons()));
		END LOOP;
		IF k = 'team' THEN
			FOR j IN 1 .. orgacl_diff.between(0, 2) LOOP
				PERFORM orgacl.set_lead(NULL, g, coalesce(CASE WHEN orgacl_diff.chance(0.6)
					THEN orgacl_diff.pick(ARRAY(SELECT gm.person FROM orgacl.group_member gm WHERE gm.grp = g ORDER BY 1)) END,
					orgacl_diff.pick(orgacl_diff.persons())));
			END LOOP;
		END IF;
	END LOOP;

	-- the super role set held by someone, then scoped and global grants
	SELECT m2.super_roles INTO supers FROM orgacl.model m2 WHERE m2.name = orgacl_ref.model();
	holder := orgacl_diff.pick(orgacl_diff.persons());
	FOR i IN 1 .. coalesce(cardinality(supers), 0) LOOP
		PERFORM orgacl.grant_role(NULL, holder, supers[i]);
	END LOOP;
	FOR i IN 1 .. n LOOP
		PERFORM orgacl_diff.grant_something();
	END LOOP;

	-- options, at random
	FOR o IN SELECT mo.name FROM orgacl.model_option mo WHERE mo.model = orgacl_ref.model() ORDER BY 1 LOOP
		PERFORM orgacl.set_option(NULL, o.name, orgacl_diff.chance(0.5));
	END LOOP;

	-- cycles of every kind
	FOR k IN SELECT x.name FROM orgacl_ref.kinds() x ORDER BY 1 LOOP
		FOR j IN 1 .. orgacl_diff.between(0, 3) LOOP
			PERFORM orgacl_diff.create_some_cycle(k);
		END LOOP;
	END LOOP;

	-- deactivated persons
	FOR i IN 1 .. n / 10 LOOP
		PERFORM orgacl_diff.try('deactivate', format('SELECT orgacl.deactivate(NULL, %s)',
													  orgacl_diff.pick(orgacl_diff.persons())));
	END LOOP;
END
$$;

-- probe: a few draws compared at once, inside the transaction (and the
-- statement) that is changing the directory: can() must see the
-- transaction's own changes
CREATE FUNCTION orgacl_diff.probe(b int) RETURNS void
	LANGUAGE plpgsql
AS $$
BEGIN
	PERFORM orgacl_diff.draw(b, 8, false);	-- aimed as before the change: good enough
	PERFORM orgacl_diff.compare(b);
END
$$;

-- reorganise: moves, revocations, deactivations and reactivations, and
-- some of every other change, probing can() after each kind of change
CREATE FUNCTION orgacl_diff.reorganise(n int, b int) RETURNS void
	LANGUAGE plpgsql
AS $$
DECLARE
	gr record;
	g bigint;
	c bigint;
	o record;
	p bigint;
	id bigint;
BEGIN
	FOR i IN 1 .. n / 5 LOOP
		PERFORM orgacl_diff.move_someone();
	END LOOP;
	-- a move under one's own report must be refused
	p := orgacl_diff.pick(ARRAY(SELECT x.manager FROM orgacl.person x WHERE x.manager IS NOT NULL ORDER BY x.id));
	IF p IS NOT NULL THEN
		IF orgacl_diff.try('set_manager', format('SELECT orgacl.set_manager(NULL, %s, %s)', p,
				orgacl_diff.pick(ARRAY(SELECT x.id FROM orgacl.person x WHERE p = ANY (orgacl_ref.chain(x.id)) ORDER BY 1)))) THEN
			RAISE EXCEPTION 'set_manager put % under their own report', p;
		END IF;
	END IF;

	PERFORM orgacl_diff.probe(b);

	-- revocations (the last super holder's are refused)
	FOR gr IN SELECT x.person, x.role, x.scope FROM orgacl.role_grant x
			  ORDER BY x.person, x.role, x.scope NULLS FIRST LOOP
		IF orgacl_diff.chance(0.2) THEN
			PERFORM orgacl_diff.try('revoke_role', format('SELECT orgacl.revoke_role(NULL, %s, %L, %s)',
														   gr.person, gr.role, coalesce(gr.scope::text, 'NULL')));
		END IF;
	END LOOP;
	FOR i IN 1 .. n / 6 LOOP
		PERFORM orgacl_diff.grant_something();
	END LOOP;

	PERFORM orgacl_diff.probe(b);

	-- deactivations and reactivations
	FOR i IN 1 .. greatest(1, n / 25) LOOP
		PERFORM orgacl_diff.try('deactivate', format('SELECT orgacl.deactivate(NULL, %s)',
													  orgacl_diff.pick(orgacl_diff.persons(true)) ));
	END LOOP;
	FOR i IN 1 .. greatest(1, n / 30) LOOP
		p := orgacl_diff.pick(orgacl_diff.persons(false));
		IF p IS NOT NULL THEN
			PERFORM orgacl.reactivate(NULL, p);
		END IF;
	END LOOP;

	PERFORM orgacl_diff.probe(b);

	-- additional managers, memberships and leads come and go
	FOR i IN 1 .. n / 12 LOOP
		PERFORM orgacl_diff.add_some_manager();
	END LOOP;
	FOR gr IN SELECT x.person, x.manager FROM orgacl.person_manager x ORDER BY 1, 2 LOOP
		IF orgacl_diff.chance(0.15) THEN
			PERFORM orgacl.remove_manager(NULL, gr.person, gr.manager);
		END IF;
	END LOOP;
	FOR i IN 1 .. n / 8 LOOP
		g := orgacl_diff.pick(orgacl_diff.groups());
		p := orgacl_diff.pick(orgacl_diff.persons());
		IF orgacl_diff.chance(0.5) THEN
			PERFORM orgacl.add_member(NULL, g, p);
		ELSE
			PERFORM orgacl.remove_member(NULL, g,
				coalesce(orgacl_diff.pick(ARRAY(SELECT gm.person FROM orgacl.group_member gm WHERE gm.grp = g ORDER BY 1)), p));
		END IF;
	END LOOP;
	FOR i IN 1 .. 2 LOOP
		g := orgacl_diff.pick(orgacl_diff.groups('{team}'));
		IF g IS NOT NULL THEN
			IF orgacl_diff.chance(0.5) THEN
				PERFORM orgacl.set_lead(NULL, g, orgacl_diff.pick(orgacl_diff.persons()));
			ELSE
				PERFORM orgacl.remove_lead(NULL, g,
					coalesce(orgacl_diff.pick(ARRAY(SELECT gl.person FROM orgacl.group_lead gl WHERE gl.grp = g ORDER BY 1)), 1));
			END IF;
		END IF;
	END LOOP;

	PERFORM orgacl_diff.probe(b);

	-- new persons
	FOR i IN 1 .. n / 20 LOOP
		id := orgacl_diff.unknown_id();
		p := orgacl_diff.pick(orgacl_diff.persons());
		PERFORM orgacl.add_person(NULL, id, CASE WHEN orgacl_diff.depth(p) < 8 THEN p END);
	END LOOP;

	PERFORM orgacl_diff.probe(b);

	-- options, cycle audiences, new and deleted cycles
	FOR o IN SELECT mo.name FROM orgacl.model_option mo WHERE mo.model = orgacl_ref.model() ORDER BY 1 LOOP
		IF orgacl_diff.chance(0.3) THEN
			PERFORM orgacl.set_option(NULL, o.name, orgacl_diff.chance(0.5));
		END IF;
	END LOOP;
	FOR c IN SELECT x.id FROM orgacl.cycle x ORDER BY 1 LOOP
		IF orgacl_diff.chance(0.2) THEN
			PERFORM orgacl.set_cycle_audience(NULL, c, CASE WHEN orgacl_diff.chance(0.3) THEN NULL
													   ELSE orgacl_diff.random_audience() END);
		ELSIF orgacl_diff.chance(0.03) THEN
			PERFORM orgacl.delete_cycle(NULL, c);
		END IF;
	END LOOP;
	FOR i IN 1 .. 3 LOOP
		PERFORM orgacl_diff.create_some_cycle(orgacl_diff.pick(ARRAY(SELECT x.name FROM orgacl_ref.kinds() x ORDER BY 1)));
	END LOOP;
	PERFORM orgacl_diff.probe(b);
END
$$;

---------------------------------------------------------------------------
-- draws
---------------------------------------------------------------------------

-- The people around each person, to aim draws at the pairs the rules are
-- about (a uniform pair in an organisation is mostly unrelated): above,
-- below, additional reports, members of teams led, people sharing a group.
CREATE TABLE orgacl_diff.near (
	id			bigint PRIMARY KEY,
	above		bigint[] NOT NULL,
	below		bigint[] NOT NULL,
	addl		bigint[] NOT NULL,
	led			bigint[] NOT NULL,
	peers		bigint[] NOT NULL,
	scoped		bigint[] NOT NULL	-- members of the groups a role of theirs is scoped to
);

CREATE FUNCTION orgacl_diff.refresh_near() RETURNS void
	LANGUAGE sql
	BEGIN ATOMIC
		DELETE FROM orgacl_diff.near;
		INSERT INTO orgacl_diff.near
		WITH ch AS MATERIALIZED (SELECT p.id, orgacl_ref.chain(p.id) AS up FROM orgacl.person p)
		SELECT ch.id, ch.up,
			ARRAY(SELECT d.id FROM ch d WHERE ch.id = ANY (d.up) ORDER BY 1),
			ARRAY(SELECT pm.person FROM orgacl.person_manager pm WHERE pm.manager = ch.id ORDER BY 1),
			ARRAY(SELECT DISTINCT gm.person FROM orgacl.group_lead gl
				  JOIN orgacl.group_member gm ON gm.grp = gl.grp WHERE gl.person = ch.id ORDER BY 1),
			ARRAY(SELECT DISTINCT o.person FROM orgacl.group_member gm
				  JOIN orgacl.group_member o ON o.grp = gm.grp WHERE gm.person = ch.id ORDER BY 1),
			ARRAY(SELECT DISTINCT gm.person FROM orgacl.role_grant g
				  JOIN orgacl.group_member gm ON gm.grp = g.scope WHERE g.person = ch.id ORDER BY 1)
		FROM ch;
	END;

-- n random draws for batch b
CREATE FUNCTION orgacl_diff.draw(b int, n int, refresh boolean DEFAULT true) RETURNS void
	LANGUAGE plpgsql
AS $$
DECLARE
	everyone bigint[] := orgacl_diff.persons();
	kinds text[] := ARRAY(SELECT x.name FROM orgacl_ref.kinds() x ORDER BY 1);
	-- the kinds the model says something about (others deny everything)
	used text[] := coalesce(nullif(ARRAY(SELECT DISTINCT d.kind FROM orgacl.model_default d
										 WHERE d.model = orgacl_ref.model() ORDER BY 1), '{}'), kinds);
	-- persons who hold a role: viewers for whom step 4 has something to decide
	holders bigint[] := coalesce(nullif(ARRAY(SELECT DISTINCT g.person FROM orgacl.role_grant g ORDER BY 1), '{}'),
								 orgacl_diff.persons());
	cycles bigint[] := ARRAY(SELECT c.id FROM orgacl.cycle c ORDER BY 1);
	actions text[] := '{view,create,edit,delete,aggregate,unveil_author}';
	top bigint := (SELECT max(p.id) FROM orgacl.person p);
BEGIN
	IF refresh THEN
		PERFORM orgacl_diff.refresh_near();
	END IF;
	-- the random numbers are drawn once per row (MATERIALIZED), then used
	INSERT INTO orgacl_diff.draw (batch, viewer, action, subject, kind, cycle, author, audience, shared)
	WITH r AS MATERIALIZED (
		SELECT g, random() AS rv, random() AS rv2, random() AS rs, random() AS rs2, random() AS ra,
			   random() AS rk, random() AS rc, random() AS rc2, random() AS rau, random() AS rau2,
			   random() AS rsh, random() AS rsh2, random() AS rx, random() AS rx2
		FROM generate_series(1, n) g
	), v AS MATERIALIZED (
		SELECT r.*,
			   CASE WHEN rv < 0.01 THEN NULL
					WHEN rv < 0.03 THEN orgacl_diff.no_id(top, rv2)
					WHEN rv < 0.45 THEN holders[1 + floor(rv2 * cardinality(holders))::int]
					ELSE everyone[1 + floor(rv2 * cardinality(everyone))::int] END AS viewer,
			   CASE WHEN rk < 0.7 THEN used[1 + floor(rk / 0.7 * cardinality(used))::int]
					ELSE kinds[1 + floor((rk - 0.7) / 0.3 * cardinality(kinds))::int] END AS kind,
			   actions[1 + floor(ra * 6)::int] AS action
		FROM r
	), s AS MATERIALIZED (
		SELECT v.*,
			   CASE WHEN rs < 0.01 THEN NULL
					WHEN rs < 0.04 THEN orgacl_diff.no_id(top, rs2)
					WHEN rs < 0.15 THEN v.viewer
					WHEN rs < 0.35 AND cardinality(nr.below) > 0 THEN nr.below[1 + floor(rs2 * cardinality(nr.below))::int]
					WHEN rs < 0.45 AND cardinality(nr.above) > 0 THEN nr.above[1 + floor(rs2 * cardinality(nr.above))::int]
					WHEN rs < 0.55 AND cardinality(nr.addl) > 0 THEN nr.addl[1 + floor(rs2 * cardinality(nr.addl))::int]
					WHEN rs < 0.62 AND cardinality(nr.led) > 0 THEN nr.led[1 + floor(rs2 * cardinality(nr.led))::int]
					WHEN rs < 0.70 AND cardinality(nr.peers) > 0 THEN nr.peers[1 + floor(rs2 * cardinality(nr.peers))::int]
					WHEN rs < 0.80 AND cardinality(nr.scoped) > 0 THEN nr.scoped[1 + floor(rs2 * cardinality(nr.scoped))::int]
					ELSE everyone[1 + floor(rs2 * cardinality(everyone))::int] END AS subject
		FROM v LEFT JOIN orgacl_diff.near nr ON nr.id = v.viewer
	)
	SELECT b, s.viewer, s.action, s.subject, s.kind,
		   -- a cycle: none, one of the kind, any (often of another kind), unknown
		   CASE WHEN rc < 0.40 THEN NULL
				WHEN rc < 0.87 THEN (SELECT c.id FROM orgacl.cycle c WHERE c.kind = s.kind
									 ORDER BY c.id OFFSET floor(rc2 * (SELECT count(*) FROM orgacl.cycle c2 WHERE c2.kind = s.kind))::int
									 LIMIT 1)
				WHEN rc < 0.96 THEN cycles[1 + floor(rc2 * cardinality(cycles))::int]
				ELSE 1000000 + floor(rc2 * 1000)::bigint END,
		   -- an author: none, the viewer, anyone, unknown
		   CASE WHEN rx < 0.45 THEN NULL
				WHEN rx < 0.75 THEN s.viewer
				WHEN rx < 0.97 THEN everyone[1 + floor(rx2 * cardinality(everyone))::int]
				ELSE orgacl_diff.no_id(top, rx2) END,
		   -- a row audience: mostly none, sometimes {} or random
		   CASE WHEN rau < 0.65 THEN NULL
				WHEN rau < 0.70 THEN '{}'::orgacl.audience
				ELSE ('{' || array_to_string(ARRAY(SELECT x.name FROM unnest(orgacl_diff.relations()) WITH ORDINALITY x(name, i)
												   WHERE ((floor(rau2 * 512)::int >> (x.i::int - 1)) & 1) = 1), ',') || '}')::orgacl.audience END,
		   -- shared_with: none, {}, the viewer among others, others, NULL elements
		   CASE WHEN rsh < 0.55 THEN NULL
				WHEN rsh < 0.60 THEN '{}'::bigint[]
				WHEN rsh < 0.80 THEN ARRAY[everyone[1 + floor(rsh2 * cardinality(everyone))::int], s.viewer]
				WHEN rsh < 0.95 THEN ARRAY[everyone[1 + floor(rsh2 * cardinality(everyone))::int],
										   everyone[1 + floor(rx2 * cardinality(everyone))::int]]
				ELSE ARRAY[NULL, everyone[1 + floor(rsh2 * cardinality(everyone))::int]] END
	FROM s;
END
$$;

-- compare can() with the reference on batch b's new draws; returns the
-- new mismatches
CREATE FUNCTION orgacl_diff.compare(b int) RETURNS bigint
	LANGUAGE plpgsql
AS $$
DECLARE
	bad bigint;
BEGIN
	UPDATE orgacl_diff.draw d
	SET engine = orgacl.can(d.viewer, d.action, d.subject,
							orgacl.artifact(d.kind, d.cycle, d.author, d.audience, d.shared)),
		ref = r.allowed,
		step = r.step
	FROM (SELECT x.id, v.allowed, v.step
		  FROM orgacl_diff.draw x
		  CROSS JOIN LATERAL orgacl_ref.decide(x.viewer, x.action, x.subject,
											   ROW(x.kind, x.cycle, x.author, x.audience, x.shared)::orgacl.artifact) v
		  WHERE x.batch = b AND x.step IS NULL) r
	WHERE r.id = d.id;
	UPDATE orgacl_diff.draw d
	SET detail = m.detail
	FROM (SELECT x.id,
				 format('  reference: step %s: %s', v.step, v.why) ||
				 coalesce(E'\n' || (SELECT string_agg(format('  explain: %s %s: %s', e.rule, e.outcome, e.detail), E'\n')
									FROM orgacl.explain(x.viewer, x.subject, a.art, x.action) e), '') AS detail
		  FROM orgacl_diff.draw x
		  CROSS JOIN LATERAL (SELECT ROW(x.kind, x.cycle, x.author, x.audience, x.shared)::orgacl.artifact AS art) a
		  CROSS JOIN LATERAL orgacl_ref.decide(x.viewer, x.action, x.subject, a.art) v
		  WHERE x.batch = b AND x.engine IS DISTINCT FROM x.ref AND x.detail IS NULL) m
	WHERE m.id = d.id;
	GET DIAGNOSTICS bad = ROW_COUNT;
	RETURN bad;
END
$$;

---------------------------------------------------------------------------
-- protected tables
---------------------------------------------------------------------------

-- the tables: one with every column, one without an audience column, one
-- with subject and cycle only; the _all copies restore the rows the logins
-- delete
CREATE SCHEMA app;
GRANT USAGE ON SCHEMA app TO PUBLIC;
CREATE TABLE app.t_full (id int PRIMARY KEY, subject bigint, cycle bigint, author bigint,
						 audience orgacl.audience, shared bigint[]);
CREATE TABLE app.t_noaud (id int PRIMARY KEY, subject bigint, cycle bigint, author bigint,
						  shared bigint[]);
CREATE TABLE app.t_cycle (id int PRIMARY KEY, subject bigint, cycle bigint);
CREATE INDEX ON app.t_full (subject);
CREATE INDEX ON app.t_full (cycle);
CREATE INDEX ON app.t_full (author);
CREATE INDEX ON app.t_full USING gin (shared);
CREATE INDEX ON app.t_noaud (subject);
CREATE INDEX ON app.t_cycle (subject);
GRANT SELECT, UPDATE, DELETE ON app.t_full, app.t_noaud, app.t_cycle TO PUBLIC;
CREATE TABLE app.t_full_all (LIKE app.t_full);
CREATE TABLE app.t_noaud_all (LIKE app.t_noaud);
CREATE TABLE app.t_cycle_all (LIKE app.t_cycle);

-- protect the tables, each for a random kind, mostly one somebody may view
CREATE FUNCTION orgacl_diff.make_tables() RETURNS void
	LANGUAGE plpgsql
AS $$
DECLARE
	kinds text[] := ARRAY(SELECT x.name FROM orgacl_ref.kinds() x
						  ORDER BY cardinality(orgacl_ref.default_audience(x.name, 'view')) = 0
								   AND orgacl_diff.chance(0.9), random());
BEGIN
	PERFORM orgacl.protect('app.t_full', kinds[1], 'subject', cycle_col => 'cycle', author_col => 'author',
						   audience_col => 'audience', shared_col => 'shared');
	PERFORM orgacl.protect('app.t_noaud', kinds[2], 'subject', cycle_col => 'cycle', author_col => 'author',
						   shared_col => 'shared');
	PERFORM orgacl.protect('app.t_cycle', kinds[3], 'subject', cycle_col => 'cycle');
	INSERT INTO orgacl_diff.rls_table VALUES
		('app.t_full', kinds[1], true, true, true, true),
		('app.t_noaud', kinds[2], true, true, false, true),
		('app.t_cycle', kinds[3], true, false, false, false);
END
$$;

-- one random row of kind k aimed at person focus (a login's person):
-- its subject mostly someone the focus is related to, its cycle mostly one
-- of the kind, the focus now and then its author or named in shared
CREATE FUNCTION orgacl_diff.random_row(k text, focus bigint, OUT subject bigint, OUT cycle bigint,
									   OUT author bigint, OUT audience orgacl.audience, OUT shared bigint[])
	LANGUAGE plpgsql
AS $$
DECLARE
	nr orgacl_diff.near;
	x float8 := random();
BEGIN
	SELECT * INTO nr FROM orgacl_diff.near n WHERE n.id = focus;
	subject := CASE WHEN x < 0.03 THEN orgacl_diff.unknown_id()
					WHEN x < 0.12 THEN focus
					WHEN x < 0.35 THEN orgacl_diff.pick(nr.below)
					WHEN x < 0.42 THEN orgacl_diff.pick(nr.above)
					WHEN x < 0.50 THEN orgacl_diff.pick(nr.addl)
					WHEN x < 0.57 THEN orgacl_diff.pick(nr.led)
					WHEN x < 0.65 THEN orgacl_diff.pick(nr.peers)
					WHEN x < 0.75 THEN orgacl_diff.pick(nr.scoped) END;
	subject := coalesce(subject, orgacl_diff.pick(orgacl_diff.persons()));
	x := random();
	cycle := CASE WHEN x < 0.35 THEN NULL
				  WHEN x < 0.85 THEN orgacl_diff.pick(ARRAY(SELECT c.id FROM orgacl.cycle c WHERE c.kind = k ORDER BY 1))
				  WHEN x < 0.95 THEN orgacl_diff.pick(ARRAY(SELECT c.id FROM orgacl.cycle c ORDER BY 1))
				  ELSE 1000000 + orgacl_diff.between(0, 999) END;
	x := random();
	author := CASE WHEN x < 0.45 THEN NULL WHEN x < 0.65 THEN focus
				   ELSE orgacl_diff.pick(orgacl_diff.persons()) END;
	audience := CASE WHEN orgacl_diff.chance(0.6) THEN NULL ELSE orgacl_diff.random_audience() END;
	x := random();
	shared := CASE WHEN x < 0.5 THEN NULL
				   WHEN x < 0.75 THEN ARRAY[orgacl_diff.pick(orgacl_diff.persons()), focus]
				   ELSE ARRAY[orgacl_diff.pick(orgacl_diff.persons())] END;
END
$$;

-- map the logins to persons (the first unmapped, the second a deactivated
-- person, the third someone holding a role, the fourth a manager, the
-- rest anyone active), refill the protected tables with n random rows
-- each aimed at those persons, and forget what the logins saw
CREATE FUNCTION orgacl_diff.fill_tables(b int, n int) RETURNS void
	LANGUAGE plpgsql
AS $$
DECLARE
	l record;
	p bigint;
	i int := 0;
	focus bigint[];
	t record;
	r record;
BEGIN
	PERFORM orgacl_diff.refresh_near();
	FOR l IN SELECT x.login FROM orgacl_diff.login x WHERE x.via = 'login' ORDER BY 1 LOOP
		i := i + 1;
		p := CASE i WHEN 1 THEN NULL
					WHEN 2 THEN orgacl_diff.pick(orgacl_diff.persons(false))
					WHEN 3 THEN orgacl_diff.pick(ARRAY(SELECT g.person FROM orgacl.role_grant g
													   JOIN orgacl.person x ON x.id = g.person AND x.active ORDER BY 1))
					WHEN 4 THEN orgacl_diff.pick(ARRAY(SELECT x.manager FROM orgacl.person x
													   JOIN orgacl.person m ON m.id = x.manager AND m.active ORDER BY 1))
					END;
		IF i > 1 AND p IS NULL THEN
			p := orgacl_diff.pick(orgacl_diff.persons(true));
		END IF;
		PERFORM orgacl.map_login(NULL, l.login, p);
		UPDATE orgacl_diff.login x SET person = p WHERE x.login = l.login;
	END LOOP;
	-- orgacl.viewer: mostly an active person, now and then a deactivated or
	-- an unknown one
	UPDATE orgacl_diff.login x
	SET person = CASE WHEN orgacl_diff.chance(0.8) THEN orgacl_diff.pick(orgacl_diff.persons(true))
					  WHEN orgacl_diff.chance(0.5) THEN orgacl_diff.pick(orgacl_diff.persons(false))
					  ELSE orgacl_diff.unknown_id() END
	WHERE x.via = 'viewer';
	focus := ARRAY(SELECT x.person FROM orgacl_diff.login x WHERE x.person IS NOT NULL ORDER BY x.login);

	TRUNCATE app.t_full, app.t_noaud, app.t_cycle, app.t_full_all, app.t_noaud_all, app.t_cycle_all;
	DELETE FROM orgacl_diff.rls_seen;
	FOR t IN SELECT * FROM orgacl_diff.rls_table ORDER BY tbl LOOP
		FOR id IN 1 .. n LOOP
			r := orgacl_diff.random_row(t.kind, orgacl_diff.pick(focus));
			IF t.tbl = 'app.t_full' THEN
				INSERT INTO app.t_full_all VALUES (id, r.subject, r.cycle, r.author, r.audience, r.shared);
			ELSIF t.tbl = 'app.t_noaud' THEN
				INSERT INTO app.t_noaud_all VALUES (id, r.subject, r.cycle, r.author, r.shared);
			ELSE
				INSERT INTO app.t_cycle_all VALUES (id, r.subject, r.cycle);
			END IF;
		END LOOP;
	END LOOP;
	PERFORM orgacl_diff.restore_tables();
END
$$;

CREATE FUNCTION orgacl_diff.restore_tables() RETURNS void
	LANGUAGE sql
	BEGIN ATOMIC
		DELETE FROM app.t_full;
		DELETE FROM app.t_noaud;
		DELETE FROM app.t_cycle;
		INSERT INTO app.t_full SELECT * FROM app.t_full_all;
		INSERT INTO app.t_noaud SELECT * FROM app.t_noaud_all;
		INSERT INTO app.t_cycle SELECT * FROM app.t_cycle_all;
	END;

-- what went wrong in the protected tables, described when it was found
CREATE TABLE orgacl_diff.rls_bad (
	batch		int NOT NULL,
	login		name NOT NULL,
	tbl			text NOT NULL,
	command		text NOT NULL,
	id			int NOT NULL,
	seen		boolean NOT NULL,
	detail		text
);

-- the rows of every protected table (from the copies), with their kind
CREATE FUNCTION orgacl_diff.rls_rows()
	RETURNS TABLE (tbl text, id int, kind text, subject bigint, art orgacl.artifact)
	LANGUAGE sql STABLE
	BEGIN ATOMIC
		SELECT r.tbl, r.id, t.kind, r.subject, ROW(t.kind, r.cycle, r.author, r.audience, r.shared)::orgacl.artifact
		FROM (SELECT 'app.t_full' AS tbl, x.id, x.subject, x.cycle, x.author, x.audience, x.shared FROM app.t_full_all x
			  UNION ALL
			  SELECT 'app.t_noaud', x.id, x.subject, x.cycle, x.author, NULL, x.shared FROM app.t_noaud_all x
			  UNION ALL
			  SELECT 'app.t_cycle', x.id, x.subject, x.cycle, NULL, NULL, NULL FROM app.t_cycle_all x) r
		JOIN orgacl_diff.rls_table t ON t.tbl = r.tbl;
	END;

-- The rows every login should have seen, by the reference: SELECT shows the
-- rows it may view; UPDATE ... RETURNING and DELETE ... RETURNING the rows
-- it may edit (delete) and also view, since RETURNING reads them.
CREATE FUNCTION orgacl_diff.rls_expected()
	RETURNS TABLE (login name, tbl text, command text, id int)
	LANGUAGE sql STABLE
	BEGIN ATOMIC
		WITH verdict AS MATERIALIZED (
			SELECT l.login, r.tbl, r.id,
				   orgacl_ref.can(l.person, 'view', r.subject, r.art) AS v,
				   r.subject, r.art, l.person
			FROM orgacl_diff.login l CROSS JOIN orgacl_diff.rls_rows() r
		), verdict2 AS MATERIALIZED (
			-- edit and delete matter only where view is allowed
			SELECT x.login, x.tbl, x.id, x.v,
				   x.v AND orgacl_ref.can(x.person, 'edit', x.subject, x.art) AS e,
				   x.v AND orgacl_ref.can(x.person, 'delete', x.subject, x.art) AS d
			FROM verdict x
		)
		SELECT x.login, x.tbl, 'select', x.id FROM verdict2 x WHERE x.v
		UNION ALL
		SELECT x.login, x.tbl, 'update', x.id FROM verdict2 x WHERE x.e
		UNION ALL
		SELECT x.login, x.tbl, 'delete', x.id FROM verdict2 x WHERE x.d;
	END;

-- compare what the logins saw in batch b with the reference; returns the
-- mismatches and counts the comparisons (one per login, row and command)
CREATE FUNCTION orgacl_diff.check_rls(b int) RETURNS bigint
	LANGUAGE plpgsql
AS $$
DECLARE
	bad bigint;
BEGIN
	IF EXISTS (SELECT FROM orgacl_diff.rls_seen x GROUP BY x.login, x.tbl, x.command, x.id HAVING count(*) > 1) THEN
		RAISE EXCEPTION 'a protected table showed a row twice';
	END IF;
	INSERT INTO orgacl_diff.rls_bad
	SELECT b, m.login, m.tbl, m.command, m.id, m.seen,
		   format('login %s (person %s) %s row %s of %s (kind %s; subject %s, %s) by %s; '
				  'engine can() view %s, %s %s; reference view %s (step %s: %s), %s %s',
				  m.login, coalesce(l.person::text, 'none'),
				  CASE WHEN m.seen THEN 'was shown' ELSE 'was not shown' END, m.id, m.tbl, r.kind,
				  r.subject, r.art, m.command,
				  orgacl.can(l.person, 'view', r.subject, r.art), a.action,
				  orgacl.can(l.person, a.action, r.subject, r.art),
				  v.allowed, v.step, v.why, a.action, orgacl_ref.can(l.person, a.action, r.subject, r.art))
	FROM (SELECT coalesce(s.login, e.login) AS login, coalesce(s.tbl, e.tbl) AS tbl,
				 coalesce(s.command, e.command) AS command, coalesce(s.id, e.id) AS id, s.id IS NOT NULL AS seen
		  FROM orgacl_diff.rls_seen s
		  FULL JOIN orgacl_diff.rls_expected() e
			ON e.login = s.login AND e.tbl = s.tbl AND e.command = s.command AND e.id = s.id
		  WHERE s.id IS NULL OR e.id IS NULL) m
	JOIN orgacl_diff.login l ON l.login = m.login
	JOIN orgacl_diff.rls_rows() r ON r.tbl = m.tbl AND r.id = m.id
	CROSS JOIN LATERAL (SELECT CASE m.command WHEN 'select' THEN 'view' WHEN 'update' THEN 'edit'
							   ELSE 'delete' END AS action) a
	CROSS JOIN LATERAL orgacl_ref.decide(l.person, 'view', r.subject, r.art) v;
	GET DIAGNOSTICS bad = ROW_COUNT;
	PERFORM orgacl_diff.count('rls', (SELECT count(*) * 3 * (SELECT count(*) FROM orgacl_diff.login)
									  FROM orgacl_diff.rls_rows()));
	PERFORM orgacl_diff.count('rls_allowed', (SELECT count(*) FROM orgacl_diff.rls_seen));
	PERFORM orgacl_diff.count('rls_allowed ' || l.login, (SELECT count(*) FROM orgacl_diff.rls_seen x WHERE x.login = l.login))
	FROM orgacl_diff.login l;
	RETURN bad;
END
$$;

-- the first lim mismatches of each comparison, with what the reference and
-- the engine (explain) say about them
CREATE FUNCTION orgacl_diff.report(lim int DEFAULT 10) RETURNS SETOF text
	LANGUAGE plpgsql
AS $$
DECLARE
	d record;
BEGIN
	FOR d IN SELECT * FROM orgacl_diff.draw x WHERE x.engine IS DISTINCT FROM x.ref ORDER BY x.id LIMIT lim LOOP
		RETURN NEXT format('mismatch (batch %s, draw %s): SELECT orgacl.can(%s, %L, %s, orgacl.artifact(%L, %s, %s, %s, %s)); engine %s, reference %s',
						   d.batch, d.id, coalesce(d.viewer::text, 'NULL'), d.action, coalesce(d.subject::text, 'NULL'),
						   d.kind, coalesce(d.cycle::text, 'NULL'), coalesce(d.author::text, 'NULL'),
						   coalesce(quote_literal(d.audience::text), 'NULL'), coalesce(quote_literal(d.shared::text), 'NULL'),
						   d.engine, d.ref);
		RETURN NEXT d.detail;
	END LOOP;
	FOR d IN SELECT * FROM orgacl_diff.rls_bad b ORDER BY b.batch, b.login, b.tbl, b.command, b.id LIMIT lim LOOP
		RETURN NEXT format('rls mismatch (batch %s): %s', d.batch, d.detail);
	END LOOP;
END
$$;
