-- test/diff/reference.sql: a plain-SQL reference of SPEC section 3 (the
-- decision rules of orgacl.can), for the randomized differential test
-- test/diff/run.sh.
--
-- It is written to be read next to SPEC sections 2, 3 and 6a, and to be
-- independent of the C engine: it reads the model and the directory tables
-- directly, walks the primary line through person.manager (never the stored
-- person.path), and calls none of orgacl's decision or capability functions
-- (can, can_view, explain, who_can, visible_subjects, has_capability,
-- roles_of, the policy functions).  The only orgacl code it relies on is the
-- text output of orgacl.audience, which it turns into a text[] of relation
-- names and works on with plain array operators.
--
-- Where SPEC is open, the readings the engine documents (README "Readings
-- where SPEC is open", src/decide_core.c) are the contract; each is marked
-- "Reading:" below.
--
-- Load it, as a superuser, into a database that has the extension:
--
--   psql -X -v ON_ERROR_STOP=1 -f test/diff/reference.sql

CREATE SCHEMA orgacl_ref;
COMMENT ON SCHEMA orgacl_ref IS 'plain-SQL reference of SPEC section 3 (test/diff)';

---------------------------------------------------------------------------
-- the model in force
---------------------------------------------------------------------------

-- The active model: the row of orgacl.active_model, else tri_role (the model
-- CREATE EXTENSION starts with).
CREATE FUNCTION orgacl_ref.model() RETURNS text
	LANGUAGE sql STABLE
	RETURN coalesce((SELECT a.model FROM orgacl.active_model a), 'tri_role');

-- Whether a catalog row tied to option opt is in force: rows without an
-- option always are; others while the option is on (its setting, else its
-- default).  An option the model does not offer is off.
CREATE FUNCTION orgacl_ref.in_force(opt text) RETURNS boolean
	LANGUAGE sql STABLE
	RETURN opt IS NULL OR coalesce((
		SELECT coalesce(s.enabled, o.default_on)
		FROM orgacl.model_option o
		LEFT JOIN orgacl.option_setting s ON s.model = o.model AND s.option = o.name
		WHERE o.model = orgacl_ref.model() AND o.name = opt), false);

-- An audience as the names of its relations.
CREATE FUNCTION orgacl_ref.names(a orgacl.audience) RETURNS text[]
	LANGUAGE sql IMMUTABLE
	RETURN a::text::text[];

-- The artifact kinds of the model: those every model has (orgacl.kind),
-- each replaced by the model's own row of the same name, plus the model's
-- own kinds (orgacl.model_kind).  cap is the kind's audience cap (NULL: no
-- cap).
CREATE FUNCTION orgacl_ref.kinds()
	RETURNS TABLE (name text, role_access boolean, cap text[])
	LANGUAGE sql STABLE
	BEGIN ATOMIC
		SELECT mk.name, mk.role_access, orgacl_ref.names(mk.audience_cap)
		FROM orgacl.model_kind mk
		WHERE mk.model = orgacl_ref.model()
		UNION ALL
		SELECT k.name, k.role_access, orgacl_ref.names(k.audience_cap)
		FROM orgacl.kind k
		WHERE NOT EXISTS (SELECT FROM orgacl.model_kind mk
						  WHERE mk.model = orgacl_ref.model() AND mk.name = k.name);
	END;

-- The default audience of a kind for an action (SPEC 6a, catalog.sql): the
-- model's rows for (kind, action) that are in force, together; a model that
-- has any row for (kind, action), even one whose option is off, replaces
-- the default every model starts from (orgacl.kind_default); no row at
-- all: nobody.
CREATE FUNCTION orgacl_ref.default_audience(kind text, action text) RETURNS text[]
	LANGUAGE sql STABLE
	RETURN CASE
		WHEN EXISTS (SELECT FROM orgacl.model_default d
					 WHERE d.model = orgacl_ref.model() AND d.kind = default_audience.kind
					   AND d.action = default_audience.action)
		THEN ARRAY(SELECT DISTINCT r
				   FROM orgacl.model_default d, unnest(orgacl_ref.names(d.audience)) r
				   WHERE d.model = orgacl_ref.model() AND d.kind = default_audience.kind
					 AND d.action = default_audience.action AND orgacl_ref.in_force(d.option))
		ELSE coalesce((SELECT orgacl_ref.names(b.audience) FROM orgacl.kind_default b
					   WHERE b.kind = default_audience.kind AND b.action = default_audience.action),
					  '{}')
	END;

---------------------------------------------------------------------------
-- the directory
---------------------------------------------------------------------------

-- The primary line above person p, nearest first: chain[1] is p's primary
-- manager, the last element the top of p's tree.  Walked through
-- person.manager, not the stored path.
-- Reading (src/model_cache.c, LoadPersons): should the manager links ever
-- hold a cycle (the directory functions refuse one), a person whose line
-- never reaches a top-level person has no managers at all (fail closed).
CREATE FUNCTION orgacl_ref.chain(p bigint) RETURNS bigint[]
	LANGUAGE sql STABLE
	BEGIN ATOMIC
		WITH RECURSIVE up(id, line, looped) AS (
			SELECT x.manager, ARRAY[]::bigint[], false
			FROM orgacl.person x WHERE x.id = p
			UNION ALL
			SELECT m.manager, up.line || up.id, up.id = ANY (up.line)
			FROM up JOIN orgacl.person m ON m.id = up.id
			WHERE NOT up.looped
		)
		-- the walk ends where a manager is NULL (the top was reached) or a
		-- person repeats (a cycle)
		SELECT CASE WHEN up.looped THEN '{}'::bigint[] ELSE up.line END
		FROM up
		WHERE up.id IS NULL OR up.looped;
	END;

-- Whether m is an additional manager of p.
CREATE FUNCTION orgacl_ref.is_additional_manager(m bigint, p bigint) RETURNS boolean
	LANGUAGE sql STABLE
	RETURN EXISTS (SELECT FROM orgacl.person_manager pm WHERE pm.person = p AND pm.manager = m);

-- Whether l leads a group of kind team that p belongs to.
CREATE FUNCTION orgacl_ref.leads_team_of(l bigint, p bigint) RETURNS boolean
	LANGUAGE sql STABLE
	RETURN EXISTS (SELECT FROM orgacl.group_lead gl
				   JOIN orgacl.org_group g ON g.id = gl.grp AND g.kind = 'team'
				   JOIN orgacl.group_member gm ON gm.grp = gl.grp AND gm.person = p
				   WHERE gl.person = l);

-- Whether p has a direct report: someone whose primary manager p is, or
-- someone p is an additional manager of (needs_report rules).
CREATE FUNCTION orgacl_ref.has_report(p bigint) RETURNS boolean
	LANGUAGE sql STABLE
	RETURN EXISTS (SELECT FROM orgacl.person x WHERE x.manager = p)
		OR EXISTS (SELECT FROM orgacl.person_manager pm WHERE pm.manager = p);

-- Whether active person p holds capability cap towards subject s: some rule
-- of the model for cap that is in force, whose every role p holds, globally
-- or scoped to a group that contains s (SPEC 2 "Capability", 6a "Scopes").
-- A rule naming a role the model lacks grants nothing; a needs_report rule
-- needs a direct report.  A deactivated person holds nothing.
CREATE FUNCTION orgacl_ref.holds(p bigint, cap text, s bigint) RETURNS boolean
	LANGUAGE sql STABLE
	RETURN EXISTS (SELECT FROM orgacl.person x WHERE x.id = p AND x.active)
		AND EXISTS (
			SELECT FROM orgacl.model_cap_rule r
			WHERE r.model = orgacl_ref.model() AND r.capability = cap
			  AND orgacl_ref.in_force(r.option)
			  AND (NOT r.needs_report OR orgacl_ref.has_report(p))
			  AND NOT EXISTS (
				SELECT FROM unnest(r.roles) need(role)
				WHERE NOT EXISTS (SELECT FROM orgacl.model_role mr
								  WHERE mr.model = orgacl_ref.model() AND mr.name = need.role)
				   OR NOT EXISTS (SELECT FROM orgacl.role_grant g
								  WHERE g.person = p AND g.role = need.role
									AND (g.scope IS NULL
										 OR EXISTS (SELECT FROM orgacl.group_member gm
													WHERE gm.grp = g.scope AND gm.person = s)))));

---------------------------------------------------------------------------
-- the decision
---------------------------------------------------------------------------

-- decide() is can() with the rule that decided and why, for the driver's
-- mismatch reports; step is the SPEC 3 step ('1', '2', '3', '4', '4a', '4b',
-- '4c', '5').
CREATE FUNCTION orgacl_ref.decide(viewer bigint, action text, subject bigint, art orgacl.artifact,
								  OUT allowed boolean, OUT step text, OUT why text)
	LANGUAGE plpgsql STABLE
AS $$
DECLARE
	k record;
	c orgacl.cycle;
	aud text[];
	rel text[] := '{}';
	line_s bigint[];
BEGIN
	allowed := false;
	-- a NULL argument is denied (engine.sql: can() is not strict)
	IF viewer IS NULL OR action IS NULL OR subject IS NULL OR art IS NULL THEN
		step := '1';
		why := 'a NULL argument';
		RETURN;
	END IF;
	IF action NOT IN ('view', 'create', 'edit', 'delete', 'aggregate', 'unveil_author') THEN
		RAISE EXCEPTION 'action "%" does not exist', action USING ERRCODE = '22023';
	END IF;
	IF art.kind IS NULL THEN
		RAISE EXCEPTION 'artifact kind must not be null' USING ERRCODE = '22004';
	END IF;
	SELECT * INTO k FROM orgacl_ref.kinds() x WHERE x.name = art.kind;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'artifact kind "%" does not exist', art.kind USING ERRCODE = '22023';
	END IF;

	-- 1. An unknown or deactivated viewer sees nothing.
	IF NOT EXISTS (SELECT FROM orgacl.person p WHERE p.id = viewer AND p.active) THEN
		step := '1';
		why := 'viewer unknown or deactivated';
		RETURN;
	END IF;
	-- Reading (README): an unknown subject is denied.
	IF NOT EXISTS (SELECT FROM orgacl.person p WHERE p.id = subject) THEN
		step := '1';
		why := 'subject unknown';
		RETURN;
	END IF;

	-- 2. Whose audience applies.
	-- Reading (README): an unknown cycle, or a cycle of another kind than the
	-- artifact, is denied rather than falling back to the kind's default.
	IF art.cycle IS NOT NULL THEN
		SELECT * INTO c FROM orgacl.cycle x WHERE x.id = art.cycle;
		IF NOT FOUND OR c.kind <> art.kind THEN
			step := '2';
			why := 'cycle unknown or of another kind';
			RETURN;
		END IF;
	END IF;
	-- For view, aggregate and unveil_author: the row's own audience if given
	-- ("given" means not NULL: {} lets nobody in), else its cycle's, else the
	-- kind's default.  For create, edit and delete: the kind's default.
	IF action IN ('view', 'aggregate', 'unveil_author') AND art.audience IS NOT NULL THEN
		aud := orgacl_ref.names(art.audience);
		why := 'row audience';
	ELSIF action IN ('view', 'aggregate', 'unveil_author') AND c.audience IS NOT NULL THEN
		aud := orgacl_ref.names(c.audience);
		why := 'cycle audience';
	ELSE
		aud := orgacl_ref.default_audience(art.kind, action);
		why := 'default audience';
	END IF;
	-- A kind may cap its audience, whatever the row or cycle says.
	IF k.cap IS NOT NULL THEN
		aud := ARRAY(SELECT unnest(aud) INTERSECT SELECT unnest(k.cap));
	END IF;
	why := why || ' ' || aud::text;

	-- 3. Relations first.
	line_s := orgacl_ref.chain(subject);
	IF viewer = subject THEN
		rel := rel || 'subject'::text;
	END IF;
	IF art.author = viewer THEN
		rel := rel || 'author'::text;
	END IF;
	-- an additional manager holds direct_manager and nothing above or below it
	IF line_s[1] = viewer OR orgacl_ref.is_additional_manager(viewer, subject) THEN
		rel := rel || 'direct_manager'::text;
	END IF;
	-- managers: every manager above the subject in the primary line
	IF viewer = ANY (line_s) THEN
		rel := rel || 'managers'::text;
	END IF;
	-- owner: the creator of the artifact's cycle (NULL when the system made it)
	IF c.owner = viewer THEN
		rel := rel || 'owner'::text;
	END IF;
	IF viewer = ANY (art.shared_with) THEN
		rel := rel || 'shared'::text;
	END IF;
	IF orgacl_ref.leads_team_of(viewer, subject) THEN
		rel := rel || 'team_lead'::text;
	END IF;
	-- public: every active person (the viewer is one, by step 1)
	rel := rel || 'public'::text;
	-- hr is never a relation: it is not in rel
	IF rel && aud THEN
		allowed := true;
		step := '3';
		why := why || '; relations ' || rel::text;
		RETURN;
	END IF;

	-- 4. Roles second, only if the audience contains hr and the kind allows
	-- role access.
	IF NOT 'hr' = ANY (aud) OR NOT k.role_access THEN
		step := '5';
		why := why || '; relations ' || rel::text || '; no role applies';
		RETURN;
	END IF;
	-- 4a. Personally related (the subject, a primary-line manager, an
	-- additional manager) but that relation is not in the audience: deny.
	IF viewer = subject OR viewer = ANY (line_s) OR orgacl_ref.is_additional_manager(viewer, subject) THEN
		step := '4a';
		why := why || '; personally related';
		RETURN;
	END IF;
	-- 4b. Never up the chain: the subject is above the viewer in the viewer's
	-- primary line.
	IF subject = ANY (orgacl_ref.chain(viewer)) THEN
		step := '4b';
		why := why || '; subject above the viewer';
		RETURN;
	END IF;
	-- 4c. The kind's capability for the action, globally or scoped to a group
	-- that contains the subject.
	IF orgacl_ref.holds(viewer, art.kind || '.' || action, subject) THEN
		allowed := true;
		step := '4c';
		why := why || '; holds ' || art.kind || '.' || action;
		RETURN;
	END IF;

	-- 5. Deny.
	step := '5';
	why := why || '; does not hold ' || art.kind || '.' || action;
END
$$;

-- The reference of orgacl.can(viewer, action, subject, artifact).
CREATE FUNCTION orgacl_ref.can(viewer bigint, action text, subject bigint, art orgacl.artifact)
	RETURNS boolean
	LANGUAGE sql STABLE
	RETURN (orgacl_ref.decide(viewer, action, subject, art)).allowed;
