-- test/stress/setup.sql: the organisation, the protected table, the mapped
-- logins and the helpers test/stress/pgbench.sh drives.  psql variables:
--   npersons  persons in the organisation (a tree of fan-out 6 under 1)
--   nlogins   reader logins stress_reader_1 .. stress_reader_N to create
-- Run as a superuser in an empty database:
--   psql -X -v ON_ERROR_STOP=1 -v npersons=3000 -v nlogins=2 -f test/stress/setup.sql

CREATE EXTENSION orgacl;
SELECT set_config('stress.npersons', :'npersons', false) AS npersons,
	   set_config('stress.nlogins', :'nlogins', false) AS nlogins;
SELECT setseed(0.4242);

-- 1 ── 2..7 ── 8..43 ── …: person i reports to (i - 2) / 6 + 1
DO $$
DECLARE
	n int := current_setting('stress.npersons')::int;
BEGIN
	PERFORM orgacl.add_person(NULL, 1);
	FOR i IN 2..n LOOP
		PERFORM orgacl.add_person(NULL, i, (i - 2) / 6 + 1);
	END LOOP;
	-- tri_role: 1, 2 and 3 hold the super set {hr_admin,tech_admin}
	PERFORM orgacl.grant_role(NULL, p, r)
	FROM unnest(ARRAY[1, 2, 3]) p, unnest(ARRAY['hr_admin', 'tech_admin']) r;
	PERFORM orgacl.grant_role(NULL, p, 'hr_admin') FROM unnest(ARRAY[4, 5, 6]) p;
	PERFORM orgacl.grant_role(NULL, p, 'hr_assistant') FROM unnest(ARRAY[9, 10]) p;
	FOR g IN 1..10 LOOP
		PERFORM orgacl.create_group(NULL, g, 'team', 'team ' || g);
		PERFORM orgacl.set_lead(NULL, g, g + 20);
	END LOOP;
	PERFORM orgacl.add_member(NULL, i % 10 + 1, i) FROM generate_series(7, n, 7) i;
	PERFORM orgacl.grant_role(NULL, 20, 'hr_admin', 3);
	PERFORM orgacl.create_cycle(NULL, 1, 'review');
	PERFORM orgacl.create_cycle(NULL, 2, 'review', '{subject,author}');
	PERFORM orgacl.create_cycle(NULL, 3, 'review', '{subject,direct_manager,managers,hr}');
	PERFORM orgacl.create_cycle(4, 4, 'review', '{owner,hr}');
	PERFORM orgacl.create_cycle(NULL, 5, 'review', '{subject,author,team_lead,public}');
END
$$;

-- two reviews per person, in cycles 1-5 or none, written by their manager
-- or by someone at random
CREATE TABLE public.stress_review (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	subject bigint NOT NULL,
	cycle bigint,
	author bigint
);
INSERT INTO public.stress_review (subject, cycle, author)
SELECT p.id, nullif(p.id % 6, 0), coalesce(p.manager, p.id)
FROM orgacl.person p
UNION ALL
SELECT p.id, nullif((p.id * 7) % 6, 0), 1 + floor(random() * current_setting('stress.npersons')::int)::bigint
FROM orgacl.person p;
CREATE INDEX ON public.stress_review (subject);
CREATE INDEX ON public.stress_review (cycle);
CREATE INDEX ON public.stress_review (author);
ANALYZE public.stress_review;
SELECT orgacl.protect('public.stress_review', 'review', 'subject', cycle_col => 'cycle', author_col => 'author');

-- ids for what the writers add
CREATE SEQUENCE public.stress_person_seq START 1000000;
CREATE SEQUENCE public.stress_cycle_seq START 100;

-- what the writers did and were refused, by operation and SQLSTATE
-- ('00000': done)
CREATE TABLE public.stress_outcome (op text NOT NULL, sqlstate text NOT NULL);
-- rows a reader's statement let through the policy that can_view, in the
-- same statement, refused (must stay empty)
CREATE TABLE public.stress_mismatch (login name NOT NULL DEFAULT session_user, seen bigint, refused bigint);
-- the end of the run, for the watchers; and what each watcher saw last
CREATE TABLE public.stress_control (stop boolean NOT NULL);
INSERT INTO public.stress_control VALUES (false);
CREATE TABLE public.stress_digest (login name NOT NULL, rows bigint, digest text);

-- the readers: non-superuser logins mapped to a manager near the top, a
-- mid-level manager, an HR admin, a leaf, …
DO $$
DECLARE
	n int := current_setting('stress.npersons')::int;
	persons bigint[] := ARRAY[2, 8, 5, n, 13, 50, 20, n / 2];
	login text;
BEGIN
	FOR k IN 1..current_setting('stress.nlogins')::int LOOP
		login := 'stress_reader_' || k;
		IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = login) THEN
			EXECUTE format('CREATE ROLE %I LOGIN', login);
		END IF;
		EXECUTE format('GRANT SELECT ON public.stress_review, public.stress_control TO %I', login);
		EXECUTE format('GRANT INSERT ON public.stress_mismatch, public.stress_digest TO %I', login);
		PERFORM orgacl.map_login(NULL, login, persons[(k - 1) % cardinality(persons) + 1]);
	END LOOP;
END
$$;

-- stress_write performs one random directory change as the system (or, for
-- op 15, as one of persons 1-5) and records its outcome.  Refusals the rules
-- call for are recorded with their SQLSTATE: 23514 (a manager cycle, the
-- last super holder, oneself as additional manager), 42501 (an acting person
-- without the right), 40001 and 40P01 (should READ COMMITTED ever produce
-- them).  Any other error is raised: pgbench then aborts the client and the
-- run fails.
CREATE FUNCTION public.stress_write(op int, p bigint, q bigint, small bigint, g bigint, r int, c bigint)
	RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	role text := (ARRAY['hr_admin', 'tech_admin', 'hr_assistant'])[r];
	audiences text[] := ARRAY['{subject,author}', '{subject,direct_manager,managers,hr}', '{hr}',
							  '{subject,team_lead,public}', '{owner,subject}', NULL];
	aud orgacl.audience := audiences[1 + (p % 6)]::orgacl.audience;
	what text;
	x bigint;
	y bigint;
BEGIN
	BEGIN
		CASE op
		WHEN 1 THEN
			what := 'set_manager';
			PERFORM orgacl.set_manager(NULL, p, q);
		WHEN 2 THEN
			-- under someone of their own subtree: a manager cycle, refused
			what := 'set_manager_cycle';
			SELECT x.id INTO y FROM orgacl.person x
			WHERE x.path OPERATOR(orgacl.<@) (SELECT z.path FROM orgacl.person z WHERE z.id = p)
			ORDER BY random() LIMIT 1;
			PERFORM orgacl.set_manager(NULL, p, y);
		WHEN 3 THEN
			what := 'grant_role';
			PERFORM orgacl.grant_role(NULL, small, role);
		WHEN 4 THEN
			what := 'revoke_role';
			PERFORM orgacl.revoke_role(NULL, small, role);
		WHEN 5 THEN
			what := 'deactivate';
			PERFORM orgacl.deactivate(NULL, CASE WHEN r = 1 THEN p ELSE small END);
		WHEN 6 THEN
			what := 'reactivate';
			PERFORM orgacl.reactivate(NULL, CASE WHEN r = 1 THEN p ELSE small END);
		WHEN 7 THEN
			what := 'add_member';
			PERFORM orgacl.add_member(NULL, g, p);
		WHEN 8 THEN
			what := 'remove_member';
			SELECT m.person INTO x FROM orgacl.group_member m WHERE m.grp = g ORDER BY random() LIMIT 1;
			PERFORM orgacl.remove_member(NULL, g, coalesce(x, p));
		WHEN 9 THEN
			what := 'set_lead';
			PERFORM orgacl.set_lead(NULL, g, p);
		WHEN 10 THEN
			what := 'create_cycle';
			PERFORM orgacl.create_cycle(NULL, nextval('public.stress_cycle_seq'), 'review', aud);
		WHEN 11 THEN
			what := 'set_cycle_audience';
			PERFORM orgacl.set_cycle_audience(NULL, c, aud);
		WHEN 12 THEN
			what := 'add_person';
			PERFORM orgacl.add_person(NULL, nextval('public.stress_person_seq'), q);
		WHEN 13 THEN
			what := CASE WHEN r = 1 THEN 'revoke_scoped' ELSE 'grant_scoped' END;
			IF r = 1 THEN
				PERFORM orgacl.revoke_role(NULL, p, 'hr_admin', g);
			ELSE
				PERFORM orgacl.grant_role(NULL, p, 'hr_admin', g);
			END IF;
		WHEN 14 THEN
			what := CASE WHEN r = 1 THEN 'remove_manager' ELSE 'add_manager' END;
			IF r = 1 THEN
				SELECT pm.person, pm.manager INTO x, y FROM orgacl.person_manager pm ORDER BY random() LIMIT 1;
				PERFORM orgacl.remove_manager(NULL, coalesce(x, p), coalesce(y, q));
			ELSE
				PERFORM orgacl.add_manager(NULL, p, q);
			END IF;
		WHEN 15 THEN
			what := 'set_manager_as_person';
			PERFORM orgacl.set_manager(small, p, q);
		WHEN 16 THEN
			-- an additional manager becomes the primary one
			what := 'promote_manager';
			SELECT pm.person, pm.manager INTO x, y FROM orgacl.person_manager pm ORDER BY random() LIMIT 1;
			IF FOUND THEN
				PERFORM orgacl.set_manager(NULL, x, y);
			END IF;
		END CASE;
		INSERT INTO public.stress_outcome VALUES (what, '00000');
	EXCEPTION WHEN OTHERS THEN
		IF SQLSTATE IN ('40001', '40P01')
		   OR (SQLSTATE = '23514' AND what IN ('set_manager', 'set_manager_cycle', 'revoke_role', 'deactivate', 'add_manager',
											  'set_manager_as_person', 'promote_manager'))
		   OR (SQLSTATE = '42501' AND what = 'set_manager_as_person') THEN
			INSERT INTO public.stress_outcome VALUES (what, SQLSTATE);
		ELSE
			RAISE;
		END IF;
	END;
END
$$;

-- stress_watch keeps one reader's backend alive through the whole run,
-- reading the protected table once per transaction so that its cache is
-- built and invalidated again and again; once told to stop, it records what
-- it sees then, to be compared with a fresh backend's answer.
CREATE PROCEDURE public.stress_watch() LANGUAGE plpgsql AS $$
BEGIN
	LOOP
		PERFORM count(*) FROM public.stress_review;
		EXIT WHEN (SELECT stop FROM public.stress_control);
		COMMIT;
		PERFORM pg_sleep(0.2);
	END LOOP;
	COMMIT;
	INSERT INTO public.stress_digest
	SELECT session_user, count(*), md5(coalesce(string_agg(id::text, ',' ORDER BY id), ''))
	FROM public.stress_review;
END
$$;
