#!/usr/bin/env bash
# test/ops/dump_restore.sh: orgacl survives pg_dump and restore with its data
# (SPEC section 8: "survives pg_dump / restore with its data, extension
# configuration tables dumped").
#
#   test/ops/dump_restore.sh     (as root or as the postgres OS user; ~30 s)
#
# It starts a cluster in a temporary directory and builds, in database src,
# the organisation of test/ops/org.sql under the module_admin model with two
# options switched on (manager_cascade, admin_all_assessments), protected
# tables in two schemas with quoted mixed-case names, and an audit log
# written by the system and by a mapped login.  Then it copies src three
# ways: pg_dump -Fc | pg_restore, pg_dump -Fc | pg_restore --single-transaction,
# and plain pg_dump | psql.  Each copy must have:
#
# - the same directory, model, options, login mappings, protected-table
#   records and policies, and the same audit log (ids and timestamps too)
#   and audit sequence (test/ops/state.sql with exact);
# - the same decisions: test/ops/report.sql (a can() grid of 24,000 draws,
#   explain, visible_subjects, who_can, capabilities, lint, the rows each
#   mapped login, the unmapped login and the pooled role read) identical;
# - no invariant violation (test/invariants.sql) and no lint error;
# - the session_preload_libraries setting CREATE EXTENSION gives a database;
# - a working directory: the same further changes, applied to src and to the
#   copy, leave both with identical decisions and states, the copy's audit
#   log continuing after the restored ids.
#
# Exits non-zero on the first difference.  Keep the directory with OPS_KEEP=1.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ops_init dump_restore
out=$OPS_DIR/out

ops_initdb main
ops_start main
ops_psql main postgres -c "CREATE DATABASE src"
ops_psql main src -c "CREATE EXTENSION orgacl"
ops_psql main src -v model=module_admin -v options=manager_cascade,admin_all_assessments \
	-f "$OPS_SRC/org.sql" >/dev/null
# audit entries by an acting person and by a mapped login's own session
ops_psql main src -c "SELECT orgacl.grant_role(1, 20, 'goal_admin')" >/dev/null
"$OPS_PSQL" -X -q -At -v ON_ERROR_STOP=1 -h "$OPS_DIR/main" -p 5432 -U ops_l_1 -d src \
	-c "SELECT orgacl.add_member(1, 1004, 21)" -c "SELECT orgacl.set_manager(1, 399, 25)" >/dev/null
summary=$(ops_psql main src -c "SELECT orgacl.active_model_name(),
	(SELECT string_agg(option, ',' ORDER BY option) FROM orgacl.option_setting WHERE enabled),
	(SELECT count(*) FROM orgacl.audit_log), (SELECT count(DISTINCT login) FROM orgacl.audit_log),
	(SELECT count(*) FROM orgacl.protected_table)")
[ "$summary" = "module_admin|admin_all_assessments,manager_cascade|$(ops_psql main src -c 'SELECT count(*) FROM orgacl.audit_log')|2|3" ] ||
	ops_fail "src is not what the test expects: $summary"
ops_ok "src: module_admin with options, $(ops_psql main src -c 'SELECT count(*) FROM orgacl.person') persons, 3 protected tables, $(ops_psql main src -c 'SELECT count(*) FROM orgacl.audit_log') audit rows by 2 logins"

ops_report main src >"$out/report-src.txt"
ops_psql main src -v exact=1 -f "$OPS_SRC/state.sql" >"$out/state-src.txt"
ops_invariants main src >"$out/inv-src.txt"
ops_empty "src: invariants hold" "$out/inv-src.txt"
grep -q '^lint|warning|' "$out/report-src.txt" || ops_fail "src: lint reports nothing to compare"

ops_psql main postgres -c "CREATE DATABASE dst_custom" -c "CREATE DATABASE dst_single" \
	-c "CREATE DATABASE dst_plain"
# pg_dump_checked ARG...: pg_dump, failing on any message but the known
# warning about orgacl.person's manager column (a foreign key to its own
# table, which pg_dump reports as a loop among extension configuration
# tables; restoring works, the key being DEFERRABLE INITIALLY DEFERRED)
pg_dump_checked() {
	"$OPS_BIN/pg_dump" -h "$OPS_DIR/main" -p 5432 -U postgres "$@" 2>"$out/pg_dump.err" ||
		{ cat "$out/pg_dump.err" >&2; ops_fail "pg_dump $* failed"; }
	if grep -v -e '^pg_dump: warning: there are circular foreign-key constraints on this table:$' \
		-e '^pg_dump: detail: person$' -e '^pg_dump: hint: ' "$out/pg_dump.err" >&2; then
		ops_fail "pg_dump $*: unexpected messages"
	fi
	if [ -s "$out/pg_dump.err" ]; then
		echo "   note: pg_dump warns of circular foreign keys on orgacl.person (its manager column)"
	fi
}

pg_dump_checked -Fc -f "$out/src.dump" src
"$OPS_BIN/pg_restore" -h "$OPS_DIR/main" -p 5432 -U postgres --exit-on-error -d dst_custom \
	"$out/src.dump" 2>"$out/restore-custom.err" ||
	{ cat "$out/restore-custom.err" >&2; ops_fail "pg_restore failed"; }
ops_empty "pg_dump -Fc | pg_restore: no error or warning" "$out/restore-custom.err"
"$OPS_BIN/pg_restore" -h "$OPS_DIR/main" -p 5432 -U postgres --exit-on-error --single-transaction \
	-d dst_single "$out/src.dump" 2>"$out/restore-single.err" ||
	{ cat "$out/restore-single.err" >&2; ops_fail "pg_restore --single-transaction failed"; }
ops_empty "pg_restore --single-transaction: no error or warning" "$out/restore-single.err"
pg_dump_checked -f "$out/src.sql" src
ops_psql main dst_plain -f "$out/src.sql" >/dev/null 2>"$out/restore-plain.err" ||
	{ cat "$out/restore-plain.err" >&2; ops_fail "plain restore failed"; }
ops_empty "pg_dump | psql: no error or warning" "$out/restore-plain.err"

# the same further changes, in src (after the dumps) and in each copy
changes() {
	ops_psql main "$1" >"$out/changes-$1.txt" <<'EOF'
SELECT orgacl.set_manager(NULL, 21, 2);
SELECT orgacl.revoke_role(NULL, 8, 'review_admin');
SELECT orgacl.set_option(NULL, 'manager_cascade', false);
SELECT orgacl.set_cycle_audience(NULL, 502, '{subject,owner}');
SELECT orgacl.deactivate(NULL, 60);
SELECT orgacl.map_login(NULL, 'ops_l_33', 34);
SELECT 'audit', min(id), max(id), count(*) FROM orgacl.audit_log;
EOF
}

for dst in dst_custom dst_single dst_plain; do
	ops_psql main $dst -v exact=1 -f "$OPS_SRC/state.sql" >"$out/state-$dst.txt"
	ops_same "$dst: directory, model, options, logins, protected tables, audit log (with ids and times)" \
		"$out/state-src.txt" "$out/state-$dst.txt"
	ops_report main $dst >"$out/report-$dst.txt"
	ops_same "$dst: decisions, lint and every login's rows" "$out/report-src.txt" "$out/report-$dst.txt"
	ops_invariants main $dst >"$out/inv-$dst.txt"
	ops_empty "$dst: invariants hold" "$out/inv-$dst.txt"
	! grep -q '^lint|error|' "$out/report-$dst.txt" || ops_fail "$dst: lint reports errors"
	ops_ok "$dst: lint reports no error"
	preload=$(ops_psql main postgres -c "SELECT s FROM pg_db_role_setting d, unnest(d.setconfig) s
		WHERE d.setdatabase = (SELECT oid FROM pg_database WHERE datname = '$dst') AND d.setrole = 0
		  AND s LIKE 'session_preload_libraries=%'")
	[[ "$preload" == *orgacl* ]] || ops_fail "$dst: session_preload_libraries lacks orgacl ($preload)"
	ops_ok "$dst: $preload"
done

changes src
ops_report main src >"$out/report-src-changed.txt"
ops_psql main src -f "$OPS_SRC/state.sql" >"$out/state-src-changed.txt"
ops_differ "src: the further changes change its decisions" "$out/report-src.txt" "$out/report-src-changed.txt"
for dst in dst_custom dst_single dst_plain; do
	changes $dst
	ops_same "$dst: the further changes and the audit ids they get" "$out/changes-src.txt" "$out/changes-$dst.txt"
	ops_report main $dst >"$out/report-$dst-changed.txt"
	ops_same "$dst: decisions after the further changes" "$out/report-src-changed.txt" "$out/report-$dst-changed.txt"
	ops_psql main $dst -f "$OPS_SRC/state.sql" >"$out/state-$dst-changed.txt"
	ops_same "$dst: state after the further changes" "$out/state-src-changed.txt" "$out/state-$dst-changed.txt"
	ops_invariants main $dst >"$out/inv-$dst.txt"
	ops_empty "$dst: invariants hold after the further changes" "$out/inv-$dst.txt"
done

ops_done
