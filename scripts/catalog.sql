-- scripts/catalog.sql: the model catalog (what a preset defines) and the
-- directory (the organisation the application maintains).
--
-- Model tables are the extension's own data: CREATE EXTENSION fills them
-- from presets/*.sql, so pg_dump leaves them out.  Directory tables are the
-- customer's data: they are marked with pg_extension_config_dump so that
-- pg_dump keeps their rows.  Nobody but the extension's owner may write any
-- of them directly: every change goes through the functions of
-- scripts/directory.sql, which check the acting person's capabilities and
-- write the audit log.
--
-- Every write to these tables fires orgacl.cache_invalidate(), which tells
-- every backend's decision cache (src/model_cache.c) to reload.

---------------------------------------------------------------------------
-- the system role
---------------------------------------------------------------------------

-- The system role of SPEC section 3: its members may act with a NULL actor
-- and map logins.  Roles are cluster-wide, so it may exist already.
DO $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'orgacl_admin') THEN
		CREATE ROLE orgacl_admin NOLOGIN;
	END IF;
END
$$;

---------------------------------------------------------------------------
-- model catalog
---------------------------------------------------------------------------

CREATE TABLE orgacl.model (
	name		text PRIMARY KEY,
	article		text NOT NULL,
	super_roles	text[] NOT NULL,
	own_roles	boolean NOT NULL,
	grant_covers_holdings boolean NOT NULL DEFAULT false,
	self_join_teams boolean NOT NULL DEFAULT false,
	description	text NOT NULL
);
COMMENT ON TABLE orgacl.model IS
	'access models (presets): one row per model; orgacl.use_model() picks the active one';
COMMENT ON COLUMN orgacl.model.article IS 'the help article the model implements (../shared/seeds)';
COMMENT ON COLUMN orgacl.model.super_roles IS
	'the super role set: at least one active person must hold all of it globally';
COMMENT ON COLUMN orgacl.model.own_roles IS 'whether a person may grant or revoke their own roles';
COMMENT ON COLUMN orgacl.model.grant_covers_holdings IS
	'whether a grant or revoke also needs every role the grantee already holds to be grantable by the actor';
COMMENT ON COLUMN orgacl.model.self_join_teams IS
	'whether anyone may add themselves to, or remove themselves from, a team';

CREATE TABLE orgacl.model_role (
	model		text NOT NULL REFERENCES orgacl.model ON DELETE CASCADE,
	name		text NOT NULL CHECK (name ~ '^[a-z][a-z0-9_]*$' AND length(name) < 64),
	bit			int2 NOT NULL CHECK (bit BETWEEN 0 AND 63),
	scope		text NOT NULL DEFAULT 'either' CHECK (scope IN ('global', 'scoped', 'either')),
	scope_kinds	text[],
	description	text NOT NULL,
	PRIMARY KEY (model, name),
	UNIQUE (model, bit)
);
COMMENT ON TABLE orgacl.model_role IS
	'roles of a model; bit is the role''s position in an orgacl.roleset';
COMMENT ON COLUMN orgacl.model_role.scope IS
	'global: never scoped; scoped: always scoped to a group; either: both are allowed';
COMMENT ON COLUMN orgacl.model_role.scope_kinds IS
	'group kinds a scope of this role may have (NULL: any kind)';

CREATE TABLE orgacl.model_option (
	model		text NOT NULL REFERENCES orgacl.model ON DELETE CASCADE,
	name		text NOT NULL,
	default_on	boolean NOT NULL DEFAULT false,
	description	text NOT NULL,
	PRIMARY KEY (model, name)
);
COMMENT ON TABLE orgacl.model_option IS 'switches a model offers (orgacl.set_option)';

-- The artifact kinds of SPEC section 2 exist in every model; a model can add
-- more in orgacl.model_kind.
CREATE TABLE orgacl.kind (
	name		text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_]*$' AND length(name) < 64),
	role_access	boolean NOT NULL DEFAULT true,
	audience_cap orgacl.audience,
	description	text NOT NULL
);
COMMENT ON TABLE orgacl.kind IS 'artifact kinds every model has';
COMMENT ON COLUMN orgacl.kind.role_access IS
	'whether roles (the hr relation, rule 4) may ever reach this kind';
COMMENT ON COLUMN orgacl.kind.audience_cap IS
	'the widest audience this kind may ever have, whatever a row or cycle says (NULL: no cap)';

CREATE TABLE orgacl.kind_default (
	kind		text NOT NULL REFERENCES orgacl.kind,
	action		text NOT NULL CHECK (action IN ('view', 'create', 'edit', 'delete', 'aggregate', 'unveil_author')),
	audience	orgacl.audience NOT NULL,
	note		text,
	PRIMARY KEY (kind, action)
);
COMMENT ON TABLE orgacl.kind_default IS
	'default audiences every model starts from; a model''s own rows for the same kind and action replace them';

CREATE TABLE orgacl.model_kind (
	model		text NOT NULL REFERENCES orgacl.model ON DELETE CASCADE,
	name		text NOT NULL CHECK (name ~ '^[a-z][a-z0-9_]*$' AND length(name) < 64),
	role_access	boolean NOT NULL DEFAULT true,
	audience_cap orgacl.audience,
	description	text NOT NULL,
	PRIMARY KEY (model, name)
);
COMMENT ON TABLE orgacl.model_kind IS 'artifact kinds a model adds to orgacl.kind';

CREATE TABLE orgacl.model_default (
	model		text NOT NULL REFERENCES orgacl.model ON DELETE CASCADE,
	kind		text NOT NULL,
	action		text NOT NULL CHECK (action IN ('view', 'create', 'edit', 'delete', 'aggregate', 'unveil_author')),
	audience	orgacl.audience NOT NULL,
	option		text,
	note		text,
	FOREIGN KEY (model, option) REFERENCES orgacl.model_option (model, name)
);
CREATE UNIQUE INDEX model_default_key ON orgacl.model_default (model, kind, action, coalesce(option, ''));
COMMENT ON TABLE orgacl.model_default IS
	'default audience of a kind for an action; a row with an option adds its audience while that option is on; no row: nobody';

CREATE TABLE orgacl.model_capability (
	model		text NOT NULL REFERENCES orgacl.model ON DELETE CASCADE,
	name		text NOT NULL CHECK (name ~ '^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$'),
	description	text NOT NULL,
	PRIMARY KEY (model, name)
);
COMMENT ON TABLE orgacl.model_capability IS
	'named capabilities of a model (admin.*, audit.read, ...); <kind>.<action>, the cycle and the directory capabilities exist in every model';

CREATE TABLE orgacl.model_cap_rule (
	model		text NOT NULL REFERENCES orgacl.model ON DELETE CASCADE,
	capability	text NOT NULL,
	roles		text[] NOT NULL,
	option		text,
	needs_report boolean NOT NULL DEFAULT false,
	note		text,
	FOREIGN KEY (model, option) REFERENCES orgacl.model_option (model, name)
);
COMMENT ON TABLE orgacl.model_cap_rule IS
	'a person holds capability when their roles include all of roles (and option is on, and they have a direct report if needs_report)';

CREATE TABLE orgacl.model_grant_rule (
	model		text NOT NULL REFERENCES orgacl.model ON DELETE CASCADE,
	granter		text[] NOT NULL,
	grantable	text[] NOT NULL,
	note		text
);
COMMENT ON TABLE orgacl.model_grant_rule IS
	'holders of all the granter roles (globally) may grant and revoke the grantable roles';

---------------------------------------------------------------------------
-- directory
---------------------------------------------------------------------------

-- active_model and option_setting hold the customer's choices: an empty
-- active_model means tri_role, the model CREATE EXTENSION starts with, so
-- that a restored dump never collides with a row the script inserted.
CREATE TABLE orgacl.active_model (
	singleton	boolean PRIMARY KEY DEFAULT true CHECK (singleton),
	model		text NOT NULL REFERENCES orgacl.model
);
COMMENT ON TABLE orgacl.active_model IS 'the model in force (no row: tri_role)';

CREATE TABLE orgacl.option_setting (
	model		text NOT NULL,
	option		text NOT NULL,
	enabled		boolean NOT NULL,
	PRIMARY KEY (model, option),
	FOREIGN KEY (model, option) REFERENCES orgacl.model_option (model, name)
);
COMMENT ON TABLE orgacl.option_setting IS 'options switched away from their default (orgacl.set_option)';

CREATE TABLE orgacl.person (
	id			bigint PRIMARY KEY CHECK (id > 0),
	manager		bigint REFERENCES orgacl.person DEFERRABLE INITIALLY DEFERRED,
	active		boolean NOT NULL DEFAULT true,
	path		orgacl.orgpath NOT NULL,
	CHECK (manager <> id)
);
CREATE INDEX person_by_path ON orgacl.person (path);
CREATE INDEX person_by_manager ON orgacl.person (manager);
COMMENT ON TABLE orgacl.person IS
	'persons: primary manager, active flag and path (the chain of primary managers from the top), maintained by orgacl';

CREATE TABLE orgacl.person_manager (
	person		bigint NOT NULL REFERENCES orgacl.person,
	manager		bigint NOT NULL REFERENCES orgacl.person,
	PRIMARY KEY (person, manager),
	CHECK (person <> manager)
);
CREATE INDEX person_manager_by_manager ON orgacl.person_manager (manager);
COMMENT ON TABLE orgacl.person_manager IS 'additional managers (direct-manager rights only, no cascade)';

CREATE TABLE orgacl.org_group (
	id			bigint PRIMARY KEY CHECK (id > 0),
	kind		text NOT NULL CHECK (kind IN ('team', 'location', 'saved_group', 'performance_group')),
	name		text NOT NULL
);
COMMENT ON TABLE orgacl.org_group IS 'groups: teams, locations, saved groups and performance groups';

CREATE TABLE orgacl.group_member (
	grp			bigint NOT NULL REFERENCES orgacl.org_group,
	person		bigint NOT NULL REFERENCES orgacl.person,
	PRIMARY KEY (grp, person)
);
CREATE INDEX group_member_by_person ON orgacl.group_member (person);
COMMENT ON TABLE orgacl.group_member IS 'group memberships';

CREATE TABLE orgacl.group_lead (
	grp			bigint NOT NULL REFERENCES orgacl.org_group,
	person		bigint NOT NULL REFERENCES orgacl.person,
	PRIMARY KEY (grp, person)
);
COMMENT ON TABLE orgacl.group_lead IS 'team leads';

CREATE TABLE orgacl.role_grant (
	person		bigint NOT NULL REFERENCES orgacl.person,
	role		text NOT NULL,
	scope		bigint REFERENCES orgacl.org_group,
	granted_by	bigint,
	granted_at	timestamptz NOT NULL DEFAULT pg_catalog.now()
);
CREATE UNIQUE INDEX role_grant_key ON orgacl.role_grant (person, role, coalesce(scope, 0));
COMMENT ON TABLE orgacl.role_grant IS 'roles held: globally (scope NULL) or scoped to a group';

CREATE TABLE orgacl.cycle (
	id			bigint PRIMARY KEY CHECK (id > 0),
	kind		text NOT NULL,
	owner		bigint REFERENCES orgacl.person,
	audience	orgacl.audience,
	created_at	timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE orgacl.cycle IS
	'cycles: owner (creator; NULL when the system created it) and audience (NULL: the kind''s default)';

CREATE TABLE orgacl.login_map (
	login		name PRIMARY KEY,
	person		bigint NOT NULL REFERENCES orgacl.person
);
COMMENT ON TABLE orgacl.login_map IS 'database roles that act as a person (orgacl.current_viewer)';

-- directory_lock is the one row every change that could break an invariant
-- (the last super holder, a manager cycle) updates first.  Updating, not
-- only locking, matters: under REPEATABLE READ the second of two racing
-- sessions then fails with a serialization error instead of checking the
-- invariant against a stale snapshot.
CREATE TABLE orgacl.directory_lock (
	singleton	boolean PRIMARY KEY DEFAULT true CHECK (singleton),
	epoch		bigint NOT NULL DEFAULT 0
);
INSERT INTO orgacl.directory_lock DEFAULT VALUES;
COMMENT ON TABLE orgacl.directory_lock IS 'serialises invariant-checking directory changes (internal)';

CREATE TABLE orgacl.audit_log (
	id			bigserial PRIMARY KEY,
	at			timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
	actor		bigint,
	login		name NOT NULL DEFAULT session_user,
	action		text NOT NULL,
	target		text NOT NULL,
	old_value	jsonb,
	new_value	jsonb
);
COMMENT ON TABLE orgacl.audit_log IS
	'every directory and model change: when, who (actor person, NULL for the system, and login), what, old and new value';

SELECT pg_catalog.pg_extension_config_dump('orgacl.active_model', '');
SELECT pg_catalog.pg_extension_config_dump('orgacl.option_setting', '');
SELECT pg_catalog.pg_extension_config_dump('orgacl.person', '');
SELECT pg_catalog.pg_extension_config_dump('orgacl.person_manager', '');
SELECT pg_catalog.pg_extension_config_dump('orgacl.org_group', '');
SELECT pg_catalog.pg_extension_config_dump('orgacl.group_member', '');
SELECT pg_catalog.pg_extension_config_dump('orgacl.group_lead', '');
SELECT pg_catalog.pg_extension_config_dump('orgacl.role_grant', '');
SELECT pg_catalog.pg_extension_config_dump('orgacl.cycle', '');
SELECT pg_catalog.pg_extension_config_dump('orgacl.login_map', '');
SELECT pg_catalog.pg_extension_config_dump('orgacl.audit_log', '');
SELECT pg_catalog.pg_extension_config_dump('orgacl.audit_log_id_seq', '');

---------------------------------------------------------------------------
-- cache invalidation
---------------------------------------------------------------------------

CREATE FUNCTION orgacl.cache_invalidate() RETURNS trigger
	AS 'MODULE_PATHNAME', 'orgacl_cache_invalidate' LANGUAGE C;
COMMENT ON FUNCTION orgacl.cache_invalidate() IS
	'statement trigger on the model and directory tables: every backend reloads its decision cache';

DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['model', 'model_role', 'model_option', 'kind', 'kind_default', 'model_kind',
		'model_default', 'model_capability', 'model_cap_rule', 'model_grant_rule',
		'active_model', 'option_setting', 'person', 'person_manager', 'org_group',
		'group_member', 'group_lead', 'role_grant', 'cycle', 'login_map']
	LOOP
		EXECUTE pg_catalog.format(
			'CREATE TRIGGER cache_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON orgacl.%I
			 FOR EACH STATEMENT EXECUTE FUNCTION orgacl.cache_invalidate()', t);
	END LOOP;
END
$$;

---------------------------------------------------------------------------
-- the artifact kinds of SPEC section 2
---------------------------------------------------------------------------

INSERT INTO orgacl.kind (name, role_access, audience_cap, description) VALUES
	('review', true, NULL, 'performance review'),
	('feedback_360', true, NULL, '360 feedback'),
	('objective', true, NULL, 'objective, goal or OKR'),
	('praise', true, NULL, 'praise'),
	-- SPEC section 3: only its recipient and author ever see private
	-- feedback, whatever a row or cycle says and whatever roles anyone holds
	('private_feedback', false, '{subject,author}', 'private feedback'),
	('private_note', true, NULL, 'private note'),
	('one_on_one', true, NULL, '1:1 meeting'),
	('survey_response', true, NULL, 'survey response'),
	('onboard_response', true, NULL, 'onboarding survey response'),
	('exit_data', true, NULL, 'exit interview data'),
	('idp', true, NULL, 'individual development plan'),
	('ninebox', true, NULL, 'nine-box placement');

-- SPEC section 3: "only its recipient and author see it", in every model
-- that does not say more
INSERT INTO orgacl.kind_default (kind, action, audience, note) VALUES
	('private_feedback', 'view', '{subject,author}', 'SPEC 3: only its recipient and author see it'),
	('private_feedback', 'create', '{author}', 'its author writes it');
