#!/usr/bin/env bash
# test/ops/upgrade.sh: ALTER EXTENSION orgacl UPDATE from the released 1.0 to
# the current version, on a populated database.
#
#   test/cluster.sh run test/ops/upgrade.sh
#
# Against the cluster in PGHOST (the installed extension must ship
# orgacl--1.0.sql and the upgrade scripts, as `make install` does):
#   1. creates a database with orgacl 1.0 and an organisation in it (every
#      directory table written through the 1.0 functions), and records a grid
#      of decisions;
#   2. updates the extension to the default version;
#   3. checks the version, the same decisions, the directory and audit log
#      untouched but for the one repair 1.1 makes (an additional manager
#      link that repeats the primary one is dropped), and no broken
#      invariant (test/invariants.sql);
#   4. compares every extension object with a fresh install of the default
#      version (test/ops/upgrade.sql): they must be identical;
#   5. uses what 1.1 added on the upgraded database: a protect()ed table read
#      by a mapped login shows exactly the rows can_view allows, and lint()
#      runs.
# Exits non-zero on any difference.
set -euo pipefail
cd "$(dirname "$0")/../.."

old=orgacl_upgrade_old
new=orgacl_upgrade_new
work=$(mktemp -d /tmp/orgacl-upgrade.XXXXXX)
trap 'rm -rf "$work"' EXIT

q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
fail() { echo "upgrade: FAILED: $*" >&2; exit 1; }

target=$(q -d postgres -Atc "SELECT default_version FROM pg_available_extensions WHERE name = 'orgacl'")
[ -n "$target" ] && [ "$target" != 1.0 ] || fail "no default version beyond 1.0 is installed"

for db in $old $new; do
	q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
done
q -d $old -c "CREATE EXTENSION orgacl VERSION '1.0'"
q -d postgres <<'SQL'
DO $$ BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'orgacl_upgrade_viewer') THEN
		CREATE ROLE orgacl_upgrade_viewer LOGIN;
	END IF;
END $$;
SQL
q -d $new -c "CREATE EXTENSION orgacl"

# An organisation of 60 persons (depth up to 5), written through the 1.0
# directory functions: additional managers, teams with leads and members,
# scoped and global grants, an option, cycles with and without an audience,
# a deactivated person and a login mapping.
q -d $old >/dev/null <<'SQL'
SELECT orgacl.add_person(NULL, 1);
SELECT orgacl.add_person(NULL, i, CASE WHEN i <= 4 THEN 1 ELSE i / 4 END)
FROM generate_series(2, 60) i;
SELECT orgacl.grant_role(NULL, 1, r) FROM unnest(ARRAY['hr_admin', 'tech_admin']) r;
SELECT orgacl.grant_role(NULL, 7, 'hr_admin');
SELECT orgacl.grant_role(NULL, 9, 'hr_assistant');
SELECT orgacl.add_manager(NULL, 33, 5);
SELECT orgacl.add_manager(NULL, 41, 12);
SELECT orgacl.add_manager(NULL, 22, 5);  -- 5 is 22's primary manager: 1.0 took it
SELECT orgacl.create_group(NULL, 100, 'team', 'platform');
SELECT orgacl.add_member(NULL, 100, p) FROM unnest(ARRAY[20, 21, 40, 52]) p;
SELECT orgacl.set_lead(NULL, 100, 20);
SELECT orgacl.create_group(NULL, 101, 'location', 'lisbon');
SELECT orgacl.add_member(NULL, 101, p) FROM generate_series(30, 45) p;
SELECT orgacl.grant_role(NULL, 11, 'hr_assistant', 101);
SELECT orgacl.set_option(NULL, o.name, true)
FROM orgacl.model_option o WHERE o.model = 'tri_role' ORDER BY o.name LIMIT 1;
SELECT orgacl.create_cycle(NULL, 1000, 'review');
SELECT orgacl.create_cycle(NULL, 1001, 'review', '{subject,direct_manager}');
SELECT orgacl.create_cycle(7, 1002, 'feedback_360', '{subject,author,hr}');
SELECT orgacl.deactivate(NULL, 58);
SELECT orgacl.map_login(NULL, 'orgacl_upgrade_viewer', 5);
SQL

# the grid: every person as viewer, every subject, every kind, the cycles
grid() {
	q -d "$1" -Atc "
		SELECT md5(string_agg(concat_ws(',', v, a, s, k, c, orgacl.can(v, a, s, orgacl.artifact(k, c, 3))),
							  ';' ORDER BY v, a, s, k, c))
		FROM generate_series(1, 61) v, generate_series(1, 61, 3) s,
			 unnest(ARRAY['view', 'edit', 'aggregate']) a,
			 (SELECT k.name AS k, NULL::bigint AS c FROM orgacl.kind k
			  UNION ALL SELECT kind, id FROM orgacl.cycle) kc(k, c)"
}
directory() {
	q -d "$1" -Atc "
		SELECT md5(concat_ws('|',
			(SELECT string_agg(x::text, ',' ORDER BY x.id) FROM orgacl.person x),
			(SELECT string_agg(x::text, ',' ORDER BY x::text) FROM orgacl.person_manager x
			 WHERE NOT EXISTS (SELECT FROM orgacl.person p WHERE p.id = x.person AND p.manager = x.manager)),
			(SELECT string_agg(x::text, ',' ORDER BY x.id) FROM orgacl.org_group x),
			(SELECT string_agg(x::text, ',' ORDER BY x::text) FROM orgacl.group_member x),
			(SELECT string_agg(x::text, ',' ORDER BY x::text) FROM orgacl.group_lead x),
			(SELECT string_agg(x::text, ',' ORDER BY x::text) FROM orgacl.role_grant x),
			(SELECT string_agg(x::text, ',' ORDER BY x.id) FROM orgacl.cycle x),
			(SELECT string_agg(x::text, ',' ORDER BY x::text) FROM orgacl.login_map x),
			(SELECT string_agg(x::text, ',' ORDER BY x::text) FROM orgacl.option_setting x),
			(SELECT string_agg(x::text, ',' ORDER BY x.id) FROM orgacl.audit_log x)))"
}

# additional links that repeat the primary manager, which 1.1 drops
doubled() {
	q -d "$1" -Atc "SELECT count(*) FROM orgacl.person_manager x JOIN orgacl.person p
		ON p.id = x.person AND p.manager = x.manager"
}

grid_before=$(grid $old)
[ "$(doubled $old)" = 1 ] || fail "the 1.0 sample lacks its doubled manager link"
dir_before=$(directory $old)
[ "$(q -d $old -Atc "SELECT count(*) FROM orgacl.can(5, 'view', 20, orgacl.artifact('review')) c WHERE c")" = 1 ] ||
	fail "the 1.0 engine does not answer a plain manager question"

q -d $old -c "ALTER EXTENSION orgacl UPDATE"
version=$(q -d $old -Atc "SELECT extversion FROM pg_extension WHERE extname = 'orgacl'")
[ "$version" = "$target" ] || fail "extension version is $version after the update, not $target"
echo "upgrade: 1.0 -> $version applied on a populated database"

[ "$(grid $old)" = "$grid_before" ] || fail "decisions differ after the update"
[ "$(directory $old)" = "$dir_before" ] || fail "the directory or the audit log changed in the update"
[ "$(doubled $old)" = 0 ] || fail "the update kept an additional link that repeats the primary manager"
echo "upgrade: decisions ($(q -d $old -Atc "SELECT 61 * 21 * 3 * ((SELECT count(*) FROM orgacl.kind) + 3)") draws) and directory unchanged"

violations=$(q -d $old -At -f test/invariants.sql)
[ -z "$violations" ] || fail "invariants broken after the update: $violations"

q -d $old -f test/ops/upgrade.sql > "$work/upgraded.txt"
q -d $new -f test/ops/upgrade.sql > "$work/fresh.txt"
if ! diff -u "$work/fresh.txt" "$work/upgraded.txt" > "$work/objects.diff"; then
	head -n 80 "$work/objects.diff" >&2
	fail "the upgraded extension differs from a fresh install (diff above: - fresh, + upgraded)"
fi
echo "upgrade: $(grep -c '^### ' "$work/fresh.txt") extension objects identical to a fresh install"

# what 1.1 added works on the upgraded database
q -d $old >/dev/null <<'SQL'
CREATE TABLE review (id bigint PRIMARY KEY, subject bigint NOT NULL, cycle bigint, author bigint);
INSERT INTO review
SELECT i, 1 + i % 61, CASE i % 3 WHEN 0 THEN 1000 WHEN 1 THEN 1001 END, 1 + i % 7
FROM generate_series(1, 600) i;
GRANT SELECT ON review TO orgacl_upgrade_viewer;
SELECT orgacl.protect('review', 'review', 'subject', 'cycle', 'author');
SQL
seen=$(q -d $old -Atc "SET SESSION AUTHORIZATION orgacl_upgrade_viewer;
	SELECT string_agg(id::text, ',' ORDER BY id) FROM review")
allowed=$(q -d $old -Atc "SELECT string_agg(id::text, ',' ORDER BY id) FROM review
	WHERE orgacl.can_view(5, subject, orgacl.artifact('review', cycle, author))")
[ -n "$allowed" ] || fail "the sample allows no row: the comparison would prove nothing"
[ "$seen" = "$allowed" ] || fail "the protected table shows other rows than can_view allows after the update"
echo "upgrade: protect() works after the update ($(tr ',' '\n' <<<"$seen" | wc -l) of 600 rows visible to the mapped login)"
q -d $old -c "SELECT count(*) AS lint_findings FROM orgacl.lint()" >/dev/null

q -d postgres -c "DROP DATABASE $old" -c "DROP DATABASE $new" -c "DROP ROLE IF EXISTS orgacl_upgrade_viewer"
echo "upgrade: passed"
