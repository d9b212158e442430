#!/usr/bin/env bash
# test/ops/replica.sh: orgacl on a hot-standby replica (SPEC section 8: "works
# on a hot-standby replica, the analysts' read-only copy").
#
#   test/ops/replica.sh          (as root or as the postgres OS user; ~30 s)
#
# It starts a primary (wal_level=replica) in a temporary directory, builds
# the organisation of test/ops/org.sql (protected tables, mapped logins),
# takes `pg_basebackup -R` and starts a hot standby from it, then checks:
#
# 1. the standby decides exactly like the primary: test/ops/report.sql
#    (can() grid, explain, visible_subjects, who_can, capabilities, lint, the
#    rows every login reads through SET SESSION AUTHORIZATION and the pooled
#    role through orgacl.viewer) is identical on both, and so are the rows
#    each login reads when it connects itself (psql -U);
# 2. what an analyst or a DBA runs on the standby works there (no "read-only
#    transaction" error): questions, lint() as superuser and as an
#    orgacl_admin login, the audit log, EXPLAIN of protected queries, index
#    and parallel plans; every directory change fails cleanly with 25006;
# 3. after a reorganisation on the primary (a subtree moves, a role is
#    revoked, a mapped person is deactivated, cycle audiences change, a login
#    is remapped) and its replay, the standby answers like the primary
#    again: in new sessions and in sessions that were open (and had cached
#    the directory) before the reorganisation, which replay must invalidate;
#    a second reorganisation through PREPARE TRANSACTION changes nothing on
#    the standby until COMMIT PREPARED, then everything.
#
# Exits non-zero on the first difference.  Keep the directory with OPS_KEEP=1.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ops_init replica
db=opsdb
out=$OPS_DIR/out

ops_initdb primary "wal_level = replica" "max_wal_senders = 4" "hot_standby = on" \
	"synchronous_commit = off"
ops_start primary
ops_psql primary postgres -c "CREATE DATABASE $db"
ops_psql primary $db -c "CREATE EXTENSION orgacl"
ops_psql primary $db -f "$OPS_SRC/org.sql" >/dev/null
ops_ok "primary: organisation of test/ops/org.sql built ($(ops_psql primary $db -c 'SELECT count(*) FROM orgacl.person') persons)"

ops_as_owner mkdir "$OPS_DIR/standby"
OPS_CLUSTERS+=(standby)
ops_as_owner "$OPS_BIN/pg_basebackup" -h "$OPS_DIR/primary" -p 5432 -U postgres \
	-D "$OPS_DIR/standby/data" -R -X stream -c fast --no-sync
ops_conf standby "unix_socket_directories = '$OPS_DIR/standby'"
ops_start standby
[ "$(ops_psql standby $db -c 'SELECT pg_is_in_recovery()')" = t ] || ops_fail "standby is not in recovery"
ops_ok "standby started from pg_basebackup -R, in hot standby"

# caught_up LSN: the standby has replayed the primary's WAL up to LSN
caught_up() {
	[ "$(ops_psql standby postgres -c "SELECT pg_last_wal_replay_lsn() >= '$1'::pg_lsn")" = t ]
}
wait_replay() {
	local lsn
	lsn=$(ops_psql primary postgres -c 'SELECT pg_current_wal_lsn()')
	ops_wait "replay up to $lsn" 120 caught_up "$lsn"
	ops_ok "standby replayed up to the primary's $lsn"
}
wait_replay

# logins: every ops_* login role (mapped, unmapped, orgacl_admin)
mapfile -t logins < <(ops_psql primary postgres -c \
	"SELECT rolname FROM pg_roles WHERE rolcanlogin AND (rolname LIKE 'ops\_%' OR rolname = 'Ops Analyst') ORDER BY rolname COLLATE \"C\"")

# direct C TAG: each login connects to C itself and reads (test/ops/login.sql)
direct() {
	local l
	for l in "${logins[@]}"; do
		"$OPS_PSQL" -X -q -At -v ON_ERROR_STOP=1 -h "$OPS_DIR/$1" -p 5432 -U "$l" -d $db \
			-f "$OPS_SRC/login.sql"
	done >"$out/direct-$1-$2.txt"
}

# compare TAG: the report and the direct reads of primary and standby
compare() {
	ops_report primary $db >"$out/report-primary-$1.txt"
	ops_report standby $db >"$out/report-standby-$1.txt"
	ops_same "$1: report of the standby (new session) and of the primary" \
		"$out/report-primary-$1.txt" "$out/report-standby-$1.txt"
	direct primary "$1"
	direct standby "$1"
	ops_same "$1: rows each of ${#logins[@]} logins reads connecting to the standby and to the primary" \
		"$out/direct-primary-$1.txt" "$out/direct-standby-$1.txt"
	grep '^rows|' "$out/report-standby-$1.txt" >"$out/ssa-standby-$1.txt"
	ops_same "$1: on the standby, SET SESSION AUTHORIZATION reads like a login's own connection" \
		"$out/ssa-standby-$1.txt" "$out/direct-standby-$1.txt"
	ops_invariants standby $db >"$out/inv-standby-$1.txt"
	ops_empty "$1: invariants hold on the standby" "$out/inv-standby-$1.txt"
}
compare before

# the report must be able to tell viewers apart, or its equality means little
[ "$(grep -c '^rows|' "$out/report-standby-before.txt")" -ge 30 ] &&
	[ "$(cut -d'|' -f4 "$out/ssa-standby-before.txt" | sort -u | wc -l)" -ge 20 ] ||
	ops_fail "the logins' reads are not varied enough to compare"
ops_ok "the report covers $(wc -l <"$out/report-standby-before.txt") lines, $(grep -c '^rows|' "$out/report-standby-before.txt") logins with $(cut -d'|' -f4 "$out/ssa-standby-before.txt" | sort -u | wc -l) distinct row sets"

###########################################################################
# 2. what analysts and DBAs run on the standby
###########################################################################

# on_standby WHO SQL: SQL must succeed on the standby as WHO
failures=()
on_standby() {
	local who=$1 sql=$2 err
	n_read=$((n_read + 1))
	if err=$("$OPS_PSQL" -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -h "$OPS_DIR/standby" \
		-p 5432 -U "$who" -d $db -c "$sql" 2>&1 >/dev/null); then
		return 0
	fi
	failures+=("$who: $sql: $(echo "$err" | head -n 1)")
	echo "   failed on the standby as $who: $sql" >&2
	echo "$err" | head -n 3 | sed 's/^/     /' >&2
}

n_read=0
for sql in \
	"SELECT orgacl.can(8, 'view', 50, orgacl.artifact('review', 500))" \
	"SELECT orgacl.can_view(2, 50, orgacl.artifact('feedback_360', 601, 5))" \
	"SELECT * FROM orgacl.explain(8, 2, orgacl.artifact('review'))" \
	"SELECT * FROM orgacl.explain(1, 50, orgacl.artifact('review', 504), 'edit')" \
	"SELECT orgacl.has_capability(8, 'review.view', 50), orgacl.has_capability(12, 'review.view')" \
	"SELECT orgacl.roles_of(p) FROM generate_series(1, 20) p" \
	"SELECT count(*) FROM orgacl.visible_subjects(8, orgacl.artifact('review'))" \
	"SELECT count(*) FROM orgacl.who_can(50, orgacl.artifact('review'), 'edit')" \
	"SELECT orgacl.current_viewer()" \
	"SELECT * FROM orgacl.cache_stats()" \
	"SELECT * FROM orgacl.lint()" \
	"SELECT * FROM orgacl.model_problems()" \
	"SELECT orgacl.active_model_name(), orgacl.check_kind('review'), orgacl.check_action('view')" \
	"SELECT * FROM orgacl.super_holders()" \
	"SELECT orgacl.installed_policies('\"App\".\"Reviews\"')" \
	"SELECT orgacl.protect_call(tbl, kind, subject_col, cycle_col, author_col, audience_col, shared_col) FROM orgacl.protected_table" \
	"SELECT orgacl.nlevel(path), orgacl.subpath(path, 0, 2), orgacl.lca(path, '1.2'), orgacl.ids(path), orgacl.leaf(path) FROM orgacl.person" \
	"SELECT count(*) FROM orgacl.person WHERE path OPERATOR(orgacl.<@) (SELECT path FROM orgacl.person WHERE id = 7)" \
	"SELECT count(*) FROM orgacl.audit_log" \
	"SELECT count(*) FROM \"App\".\"Reviews\"" \
	"BEGIN; SET LOCAL orgacl.viewer = '8'; SELECT orgacl.current_viewer(), count(*) FROM \"App\".\"Reviews\"; COMMIT"
do
	on_standby postgres "$sql"
done
for sql in \
	"SELECT * FROM orgacl.lint()" \
	"SELECT orgacl.can(8, 'view', 50, orgacl.artifact('review'))" \
	"SELECT count(*) FROM orgacl.audit_log"
do
	on_standby ops_dba "$sql"
done
for sql in \
	"SELECT count(*) FROM \"App\".\"Reviews\" WHERE \"Subject\" = 50" \
	"EXPLAIN SELECT * FROM \"App\".\"Reviews\"" \
	"EXPLAIN ANALYZE SELECT * FROM \"Perf Data\".\"Feedback 360\" f JOIN \"App\".\"Reviews\" r ON r.\"Subject\" = f.\"About\"" \
	"SELECT count(*) FROM orgacl.audit_log" \
	"SELECT orgacl.can_view(orgacl.current_viewer(), 50, orgacl.artifact('review'))" \
	"SELECT * FROM orgacl.explain(orgacl.current_viewer(), 50, orgacl.artifact('review'))" \
	"SELECT count(*) FROM orgacl.visible_subjects(orgacl.current_viewer(), orgacl.artifact('review'))" \
	"SELECT * FROM orgacl.model" \
	"SELECT * FROM orgacl.protected_table"
do
	on_standby ops_l_8 "$sql"
	on_standby 'Ops Analyst' "$sql"
done
[ ${#failures[@]} -eq 0 ] ||
	ops_fail "${#failures[@]} read-only statements fail on the standby: ${failures[*]}"
ops_ok "$n_read read-only statements (as superuser, orgacl_admin and mapped logins) work on the standby"

# the same count through sequential, index and parallel plans, as a login
plans=$("$OPS_PSQL" -X -q -At -v ON_ERROR_STOP=1 -h "$OPS_DIR/standby" -p 5432 -U ops_l_2 -d $db <<'EOF'
SELECT count(*), sum("Id") FROM "App"."Reviews" WHERE "Subject" < 200;
SET enable_seqscan = off; SET enable_bitmapscan = off;
SELECT count(*), sum("Id") FROM "App"."Reviews" WHERE "Subject" < 200;
RESET enable_seqscan; RESET enable_bitmapscan;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2; SET enable_indexscan = off; SET enable_bitmapscan = off;
SELECT count(*), sum("Id") FROM "App"."Reviews" WHERE "Subject" < 200;
EXPLAIN (COSTS OFF) SELECT count(*), sum("Id") FROM "App"."Reviews" WHERE "Subject" < 200;
EOF
)
[ "$(echo "$plans" | sed -n 1p)" = "$(echo "$plans" | sed -n 2p)" ] &&
	[ "$(echo "$plans" | sed -n 1p)" = "$(echo "$plans" | sed -n 3p)" ] &&
	echo "$plans" | grep -q Gather ||
	{ echo "$plans" >&2; ops_fail "sequential, index and parallel plans disagree on the standby"; }
ops_ok "on the standby, sequential, index and parallel (Gather) plans read the same rows ($(echo "$plans" | sed -n 1p))"

# every directory change is refused as a read-only transaction (25006), not
# with another error
n_write=0
for sql in \
	"SELECT orgacl.set_manager(NULL, 50, 2)" \
	"SELECT orgacl.grant_role(NULL, 50, 'hr_admin')" \
	"SELECT orgacl.add_person(NULL, 9000, 1)" \
	"SELECT orgacl.map_login(NULL, 'ops_unmapped', 50)" \
	"SELECT orgacl.set_cycle_audience(NULL, 500, '{subject}')" \
	"SELECT orgacl.protect('\"App\".\"Reviews\"', 'review', 'Subject', cycle_col => 'Cycle', author_col => 'Author', audience_col => 'Audience', shared_col => 'SharedWith')" \
	"SELECT orgacl.unprotect('\"Perf Data\".surveys')" \
	"SELECT orgacl.use_model('dual_track')"
do
	err=$("$OPS_PSQL" -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -h "$OPS_DIR/standby" \
		-p 5432 -U postgres -d $db -c "$sql" 2>&1 >/dev/null) && ops_fail "a write succeeded on the standby: $sql"
	echo "$err" | grep -q 'ERROR:  25006' || ops_fail "$sql on the standby: not 25006: $err"
	n_write=$((n_write + 1))
done
ops_ok "$n_write directory changes on the standby fail with 25006 (read-only transaction)"

###########################################################################
# 3. a reorganisation on the primary, seen by new and by open sessions
###########################################################################

# sessions opened before the reorganisation: a superuser running the whole
# report (its backend caches the directory), and logins connected as
# themselves (one whose person is deactivated, one that is remapped, one
# whose subtree moves, one that loses its role)
ops_session sb standby $db
ops_session_run sb "$out/open-before.txt" "\\set grid_n ${OPS_GRID_N:-24000}" "\\i $OPS_SRC/report.sql"
ops_same "a standby session opened before: its report" "$out/report-primary-before.txt" "$out/open-before.txt"
open_logins=(ops_l_8 ops_l_33 ops_l_60 ops_l_2 ops_l_3)
for l in "${open_logins[@]}"; do
	ops_session "s_$l" standby $db -U "$l"
	ops_session_run "s_$l" "$out/open-$l-before.txt" "\\i $OPS_SRC/login.sql"
	grep -F "rows|$l|" "$out/direct-standby-before.txt" >"$out/expect-$l-before.txt"
	ops_same "standby session of $l opened before" "$out/expect-$l-before.txt" "$out/open-$l-before.txt"
done

ops_psql primary $db >"$out/reorg.txt" <<'EOF'
BEGIN;
-- the director with the largest subtree moves to another VP
SELECT 'moved', d.id, d.manager, d.size,
	   orgacl.set_manager(NULL, d.id, CASE WHEN d.manager = 3 THEN 2 ELSE 3 END)
FROM (SELECT p.id, p.manager,
			 (SELECT count(*) FROM orgacl.person q WHERE orgacl.ids(q.path) @> ARRAY[p.id]) AS size
	  FROM orgacl.person p WHERE p.id BETWEEN 7 AND 30 ORDER BY 3 DESC, 1 LIMIT 1) d;
SELECT orgacl.revoke_role(NULL, 8, 'hr_admin');
SELECT orgacl.deactivate(NULL, 60);
COMMIT;
SELECT orgacl.set_cycle_audience(NULL, 502, '{subject,owner}');
SELECT orgacl.set_cycle_audience(NULL, 500, '{subject,direct_manager,managers,hr}');
SELECT orgacl.grant_role(NULL, 300, 'hr_admin');
SELECT orgacl.add_member(NULL, 1003, 33);
SELECT orgacl.map_login(NULL, 'ops_l_33', 34);
SELECT orgacl.remove_manager(NULL, pm.person, pm.manager)
FROM (SELECT * FROM orgacl.person_manager ORDER BY 1, 2 LIMIT 2) pm;
EOF
ops_ok "primary reorganised: $(grep '^moved' "$out/reorg.txt" | awk -F'|' '{print "subtree of " $2 " (" $4 " persons) moved away from " $3}'), a role revoked and one granted, person 60 deactivated, two cycle audiences changed, a login remapped, additional managers removed"
wait_replay

compare after
ops_differ "the reorganisation changed the report" "$out/report-primary-before.txt" "$out/report-primary-after.txt"
ops_session_run sb "$out/open-after.txt" "\\set grid_n ${OPS_GRID_N:-24000}" "\\i $OPS_SRC/report.sql"
ops_same "the standby session opened before the reorganisation: its report after replay" \
	"$out/report-primary-after.txt" "$out/open-after.txt"
changed=0
for l in "${open_logins[@]}"; do
	ops_session_run "s_$l" "$out/open-$l-after.txt" "\\i $OPS_SRC/login.sql"
	grep -F "rows|$l|" "$out/direct-primary-after.txt" >"$out/expect-$l-after.txt"
	ops_same "standby session of $l opened before, after replay" "$out/expect-$l-after.txt" "$out/open-$l-after.txt"
	cmp -s "$out/open-$l-before.txt" "$out/open-$l-after.txt" || changed=$((changed + 1))
done
[ $changed -ge 4 ] || ops_fail "only $changed of ${#open_logins[@]} open login sessions saw a change"
ops_ok "$changed of ${#open_logins[@]} open login sessions read differently after replay, as the primary does"

# a second reorganisation through two-phase commit: PREPARE changes nothing
# anywhere, COMMIT PREPARED everything, also in the open standby session
IFS='|' read -r _ moved from _ < <(grep '^moved' "$out/reorg.txt")
ops_psql primary $db >/dev/null <<EOF
BEGIN;
SELECT orgacl.set_manager(NULL, $moved, $from);
SELECT orgacl.reactivate(NULL, 60);
SELECT orgacl.grant_role(NULL, 8, 'hr_admin');
SELECT orgacl.revoke_role(NULL, 2, 'hr_admin');
SELECT orgacl.set_cycle_audience(NULL, 501, '{subject}');
SELECT orgacl.map_login(NULL, 'ops_l_3', 4);
PREPARE TRANSACTION 'ops_reorg';
EOF
wait_replay
ops_session_run sb "$out/open-prepared.txt" "\\i $OPS_SRC/report.sql"
ops_same "a prepared reorganisation changes nothing in the open standby session" \
	"$out/report-primary-after.txt" "$out/open-prepared.txt"
ops_psql primary $db -c "COMMIT PREPARED 'ops_reorg'"
wait_replay
ops_report primary $db >"$out/report-primary-2pc.txt"
ops_report standby $db >"$out/report-standby-2pc.txt"
ops_same "after COMMIT PREPARED: report of the standby (new session) and of the primary" \
	"$out/report-primary-2pc.txt" "$out/report-standby-2pc.txt"
ops_session_run sb "$out/open-2pc.txt" "\\i $OPS_SRC/report.sql"
ops_same "after COMMIT PREPARED: the open standby session" "$out/report-primary-2pc.txt" "$out/open-2pc.txt"
ops_differ "the prepared reorganisation changed the report" "$out/report-primary-after.txt" \
	"$out/report-primary-2pc.txt"

ops_done
