#!/usr/bin/env bash
# test/ops/crash.sh: orgacl's directory after a backend is killed with
# SIGKILL and the postmaster's crash recovery (SPEC section 8).
#
#   test/ops/crash.sh            (as root or as the postgres OS user; ~30 s)
#   OPS_CRASH_ROUNDS=10 OPS_GRID_N=100000 test/ops/crash.sh     (longer)
#
# It starts a cluster in a temporary directory (synchronous_commit on, so
# every acknowledged commit must survive), builds the organisation of
# test/ops/org.sql in database opsdb, and copies it to database ref.
#
# 1. Mid-transaction: one session starts a directory transaction (moves the
#    largest subtree, grants and revokes roles, deactivates a person, adds a
#    person and a team, changes a cycle audience, remaps a login) and sleeps;
#    the script kills that backend (only its pid) with SIGKILL.  After crash
#    recovery the directory must equal its state before the transaction
#    (test/ops/state.sql), invariants hold (test/invariants.sql), decisions
#    and every login's protected reads are unchanged (test/ops/report.sql),
#    and the same transaction then commits, leaving opsdb exactly like ref
#    after the same transaction.
# 2. COMMIT-heavy loop: one session commits directory changes in a loop
#    (each iteration adds a person, moves people and, every fifth, a large
#    subtree, grants, revokes, deactivates, changes a cycle audience),
#    reporting each commit; the script kills its backend with SIGKILL after a
#    few dozen commits.  After recovery the directory must be exactly the
#    state after the first k iterations, with k the acknowledged count or one
#    more (the commit in flight), which ref, replaying k iterations, shows;
#    invariants hold and decisions equal ref's.  OPS_CRASH_ROUNDS repeats
#    this (default once), each round continuing the loop where the last
#    left it.
# 3. A prepared transaction of directory changes survives a crash (of
#    another backend); after recovery it still changes nothing, then COMMIT
#    PREPARED makes a session opened before it, and new sessions, decide
#    like ref after the same changes.
#
# Exits non-zero on the first difference.  Keep the directory with OPS_KEEP=1.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ops_init crash
db=opsdb
out=$OPS_DIR/out

ops_initdb main "synchronous_commit = on" "restart_after_crash = on"
ops_start main
ops_psql main postgres -c "CREATE DATABASE $db"
ops_psql main $db -c "CREATE EXTENSION orgacl"
ops_psql main $db -f "$OPS_SRC/org.sql" >/dev/null

# iteration i of the loop of part 2, in both databases
ops_psql main $db <<'EOF'
CREATE FUNCTION public.ops_step(i int, big bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	p bigint := 100000 + i;
	h bigint := abs(hashint8(i::bigint * 1000003 + 7)::bigint);
BEGIN
	PERFORM orgacl.add_person(NULL, p, 31 + h % 370);
	IF i > 1 THEN
		PERFORM orgacl.set_manager(NULL, p - 1, 31 + (h / 370) % 370);
	END IF;
	IF i % 2 = 0 THEN
		PERFORM orgacl.grant_role(NULL, 31 + (i * 7) % 300, 'hr_assistant');
	END IF;
	IF i % 3 = 0 THEN
		PERFORM orgacl.revoke_role(NULL, 31 + (i * 11) % 300, 'hr_assistant');
	END IF;
	PERFORM orgacl.add_member(NULL, 1001 + i % 8, p);
	IF i % 4 = 0 THEN
		PERFORM orgacl.set_cycle_audience(NULL, 503,
			(ARRAY['{subject}', '{subject,hr}', '{subject,direct_manager,managers,hr}'])[1 + i % 3]::orgacl.audience);
	END IF;
	IF i % 5 = 0 THEN
		PERFORM orgacl.set_manager(NULL, big, CASE WHEN (i / 5) % 2 = 0 THEN 2 ELSE 3 END);
	END IF;
	IF i % 7 = 0 AND i > 3 THEN
		PERFORM orgacl.deactivate(NULL, p - 3);
	END IF;
	IF i % 11 = 0 THEN
		PERFORM orgacl.add_manager(NULL, p, 7 + i % 24);
	END IF;
	IF i % 17 = 0 THEN
		PERFORM orgacl.create_cycle(NULL, 10000 + i, 'review', '{subject,hr}');
	END IF;
END
$$;
EOF
ops_psql main postgres -c "CREATE DATABASE ref TEMPLATE $db"
big=$(ops_psql main $db -c "SELECT p.id FROM orgacl.person p WHERE p.id BETWEEN 7 AND 30
	ORDER BY (SELECT count(*) FROM orgacl.person q WHERE orgacl.ids(q.path) @> ARRAY[p.id]) DESC, 1 LIMIT 1")
size=$(ops_psql main $db -c "SELECT count(*) FROM orgacl.person q WHERE orgacl.ids(q.path) @> ARRAY[$big::bigint]")
ops_ok "organisation built in $db and copied to ref ($(ops_psql main $db -c 'SELECT count(*) FROM orgacl.person') persons; largest subtree: $big, $size persons)"

cat >"$out/txn.sql" <<EOF
SELECT orgacl.set_manager(NULL, $big,
	(SELECT CASE WHEN manager = 3 THEN 2 ELSE 3 END FROM orgacl.person WHERE id = $big));
SELECT orgacl.grant_role(NULL, 300, 'hr_admin');
SELECT orgacl.grant_role(NULL, 301, 'hr_assistant');
SELECT orgacl.revoke_role(NULL, 8, 'hr_admin');
SELECT orgacl.deactivate(NULL, 60);
SELECT orgacl.add_person(NULL, 5000, 3);
SELECT orgacl.create_group(NULL, 1009, 'team', 'New team');
SELECT orgacl.add_member(NULL, 1009, 5000);
SELECT orgacl.set_lead(NULL, 1009, 5000);
SELECT orgacl.set_cycle_audience(NULL, 502, '{subject,owner}');
SELECT orgacl.map_login(NULL, 'ops_l_33', 34);
EOF

# wait_recovery N: the server log shows N backends killed by SIGKILL and
# the reinitialisation that follows, and the server accepts connections again
wait_recovery() {
	ops_wait "crash recovery" 120 ops_psql main postgres -c 'SELECT 1'
	local n
	n=$(grep -c 'terminated by signal 9' "$OPS_DIR/main/server.log" || true)
	[ "$n" -eq "$1" ] || ops_fail "the server log shows $n backends killed, not $1"
	[ "$(grep -c 'all server processes terminated; reinitializing' "$OPS_DIR/main/server.log")" -eq "$1" ] ||
		ops_fail "no crash restart in the server log"
	ops_ok "backend killed by SIGKILL, server reinitialised and recovered (crash $1)"
}

# backend_of APPNAME [WAIT_EVENT]: the pid of the session with that name
backend_of() {
	ops_psql main postgres -c "SELECT pid FROM pg_stat_activity WHERE application_name = '$1'
		AND state = 'active' ${2:+AND wait_event = '$2'}"
}
is_waiting() {
	[ -n "$(backend_of "$@")" ]
}

###########################################################################
# 1. SIGKILL in the middle of a directory transaction
###########################################################################

ops_psql main $db -v exact=1 -f "$OPS_SRC/state.sql" | grep -v '^audit_seq|' >"$out/state-pre.txt"
ops_report main $db >"$out/report-pre.txt"

{
	echo "BEGIN;"
	echo "\\i $out/txn.sql"
	echo "SELECT 'inside', count(*) FROM orgacl.person WHERE id = 5000;"
	echo "SELECT pg_sleep(300);"
	echo "COMMIT;"
} >"$out/victim.sql"
PGAPPNAME=ops_victim "$OPS_PSQL" -X -q -At -v ON_ERROR_STOP=1 -h "$OPS_DIR/main" -p 5432 -U postgres \
	-d $db -f "$out/victim.sql" >"$out/victim.log" 2>&1 &
victim=$!
ops_bg $victim
ops_wait "the transaction to reach pg_sleep" 120 is_waiting ops_victim PgSleep
grep -qx 'inside|1' "$out/victim.log" || ops_fail "the transaction did not make its changes"
ops_psql main $db -v exact=1 -f "$OPS_SRC/state.sql" | grep -v '^audit_seq|' >"$out/state-mid.txt"
ops_same "another session does not see the open transaction's changes" "$out/state-pre.txt" "$out/state-mid.txt"
pid=$(backend_of ops_victim PgSleep)
kill -KILL "$pid"
if wait $victim; then
	ops_fail "the killed session's psql succeeded"
fi
wait_recovery 1

ops_psql main $db -v exact=1 -f "$OPS_SRC/state.sql" | grep -v '^audit_seq|' >"$out/state-post.txt"
ops_same "directory after recovery equals its state before the transaction" "$out/state-pre.txt" "$out/state-post.txt"
ops_invariants main $db >"$out/inv-1.txt"
ops_empty "invariants hold after recovery" "$out/inv-1.txt"
ops_report main $db >"$out/report-post.txt"
ops_same "decisions and every login's protected reads after recovery equal those before" \
	"$out/report-pre.txt" "$out/report-post.txt"

for d in $db ref; do
	{
		echo "BEGIN;"
		echo "\\i $out/txn.sql"
		echo "COMMIT;"
	} | ops_psql main "$d" >/dev/null
done
check=$(ops_psql main $db -c "SELECT (SELECT manager FROM orgacl.person WHERE id = $big),
	(SELECT path FROM orgacl.person WHERE id = 5000),
	(SELECT active FROM orgacl.person WHERE id = 60), orgacl.roles_of(300), orgacl.roles_of(8),
	(SELECT person FROM orgacl.login_map WHERE login = 'ops_l_33')")
case "$check" in
	*"|1.3.5000|f|{hr_admin}|{}|34") ;;
	*) ops_fail "the transaction's changes are not all there: $check" ;;
esac
ops_ok "the same transaction commits after recovery ($check)"
ops_psql main $db -f "$OPS_SRC/state.sql" >"$out/state-1-$db.txt"
ops_psql main ref -f "$OPS_SRC/state.sql" >"$out/state-1-ref.txt"
ops_same "after it, the directory equals ref's after the same transaction" "$out/state-1-ref.txt" "$out/state-1-$db.txt"
ops_report main $db >"$out/report-1-$db.txt"
ops_report main ref >"$out/report-1-ref.txt"
ops_same "and decide like ref" "$out/report-1-ref.txt" "$out/report-1-$db.txt"
ops_differ "the transaction changed decisions" "$out/report-pre.txt" "$out/report-1-$db.txt"
ops_invariants main $db >"$out/inv-1b.txt"
ops_empty "invariants hold after the transaction" "$out/inv-1b.txt"

###########################################################################
# 2. SIGKILL in the middle of a COMMIT-heavy loop
###########################################################################

# loop_round R FIRST: the loop from iteration FIRST, killed after 40 commits
# (crash R + 1); sets last to the last iteration the directory holds
loop_round() {
	local r=$1 first=$2 loop a k n pid
	: >"$out/loop-$r.log"
	PGAPPNAME=ops_loop "$OPS_PSQL" -X -q -At -v ON_ERROR_STOP=1 -h "$OPS_DIR/main" -p 5432 -U postgres \
		-d $db -c "DO \$\$ BEGIN FOR i IN $first..1000000 LOOP
			PERFORM public.ops_step(i, $big); COMMIT; RAISE NOTICE 'acked %', i;
		END LOOP; END \$\$" >"$out/loop-$r.log" 2>&1 &
	loop=$!
	ops_bg $loop
	ops_wait "40 commits of the loop" 120 acked "$out/loop-$r.log" 40
	pid=$(backend_of ops_loop)
	[ -n "$pid" ] || { cat "$out/loop-$r.log" >&2; ops_fail "the loop is not running"; }
	kill -KILL "$pid"
	if wait $loop; then
		ops_fail "the killed loop's psql succeeded"
	fi
	wait_recovery $((r + 1))
	a=$(grep -o 'NOTICE:  acked [0-9]*' "$out/loop-$r.log" | tail -n 1 | grep -o '[0-9]*$')
	read -r k n < <(ops_psql main $db -F ' ' -c "SELECT coalesce(max(id) - 100000, 0), count(*)
		FROM orgacl.person WHERE id > 100000")
	[ "$n" -eq "$k" ] || ops_fail "persons added by the loop are not a prefix: $n persons, last $k"
	[ "$k" -ge "$a" ] && [ "$k" -le $((a + 1)) ] ||
		ops_fail "the loop acknowledged commits up to iteration $a but the directory holds $k"
	ops_ok "round $r: the directory holds iterations up to $k, the loop acknowledged up to $a"
	ops_invariants main $db >"$out/inv-2.txt"
	ops_empty "round $r: invariants hold after the loop's crash" "$out/inv-2.txt"

	ops_psql main ref -c "DO \$\$ BEGIN FOR i IN $first..$k LOOP PERFORM public.ops_step(i, $big); COMMIT; END LOOP; END \$\$"
	ops_psql main $db -f "$OPS_SRC/state.sql" >"$out/state-2-$db.txt"
	ops_psql main ref -f "$OPS_SRC/state.sql" >"$out/state-2-ref.txt"
	ops_same "round $r: the directory is exactly ref's after iterations $first..$k" \
		"$out/state-2-ref.txt" "$out/state-2-$db.txt"
	ops_report main $db >"$out/report-2-$db.txt"
	ops_report main ref >"$out/report-2-ref.txt"
	ops_same "round $r: decisions equal ref's" "$out/report-2-ref.txt" "$out/report-2-$db.txt"
	ops_differ "round $r: the loop changed decisions" "$out/report-prev.txt" "$out/report-2-$db.txt"
	cp "$out/report-2-$db.txt" "$out/report-prev.txt"
	last=$k
}
acked() {
	[ "$(grep -c 'NOTICE:  acked' "$1")" -ge "$2" ]
}

cp "$out/report-1-$db.txt" "$out/report-prev.txt"
first=1
for ((round = 1; round <= ${OPS_CRASH_ROUNDS:-1}; round++)); do
	loop_round $round $first
	first=$((last + 1))
done

###########################################################################
# 3. a prepared transaction survives a crash and commits afterwards
###########################################################################

cat >"$out/txn2.sql" <<EOF
SELECT orgacl.set_manager(NULL, $big,
	(SELECT CASE WHEN manager = 3 THEN 2 ELSE 3 END FROM orgacl.person WHERE id = $big));
SELECT orgacl.grant_role(NULL, 120, 'hr_admin');
SELECT orgacl.revoke_role(NULL, 2, 'hr_admin');
SELECT orgacl.deactivate(NULL, 20);
SELECT orgacl.set_cycle_audience(NULL, 500, '{subject,direct_manager,managers,hr}');
SELECT orgacl.add_person(NULL, 5001, 7);
SELECT orgacl.map_login(NULL, 'ops_l_25', 26);
EOF
printf '%s\n' "BEGIN;" "\\i $out/txn2.sql" "PREPARE TRANSACTION 'ops_2pc';" | ops_psql main $db >/dev/null
ops_report main $db >"$out/report-3-prepared.txt"
ops_same "a prepared transaction changes no decision" "$out/report-prev.txt" "$out/report-3-prepared.txt"

# any backend's SIGKILL restarts the whole server: kill an idle sleeper
PGAPPNAME=ops_sleeper "$OPS_PSQL" -X -q -At -h "$OPS_DIR/main" -p 5432 -U postgres -d postgres \
	-c "SELECT pg_sleep(300)" >/dev/null 2>&1 &
sleeper=$!
ops_bg $sleeper
ops_wait "the sleeper" 120 is_waiting ops_sleeper PgSleep
kill -KILL "$(backend_of ops_sleeper PgSleep)"
wait $sleeper || true
wait_recovery $((round + 1))
[ "$(ops_psql main postgres -c "SELECT count(*) FROM pg_prepared_xacts WHERE gid = 'ops_2pc'")" = 1 ] ||
	ops_fail "the prepared transaction did not survive the crash"
ops_ok "the prepared transaction survived the crash"

# a session that cached the directory before COMMIT PREPARED must see it after
ops_session open main $db
ops_session_run open "$out/report-3-open-before.txt" "\\set grid_n ${OPS_GRID_N:-24000}" \
	"\\i $OPS_SRC/report.sql"
ops_same "after recovery, the prepared transaction still changes no decision" \
	"$out/report-prev.txt" "$out/report-3-open-before.txt"
ops_psql main $db -c "COMMIT PREPARED 'ops_2pc'"
printf '%s\n' "BEGIN;" "\\i $out/txn2.sql" "COMMIT;" | ops_psql main ref >/dev/null
ops_report main ref >"$out/report-3-ref.txt"
ops_session_run open "$out/report-3-open-after.txt" "\\i $OPS_SRC/report.sql"
ops_same "COMMIT PREPARED after recovery: a session opened before decides like ref" \
	"$out/report-3-ref.txt" "$out/report-3-open-after.txt"
ops_report main $db >"$out/report-3-$db.txt"
ops_same "and so does a new session" "$out/report-3-ref.txt" "$out/report-3-$db.txt"
ops_differ "the prepared transaction changed decisions" "$out/report-prev.txt" "$out/report-3-$db.txt"
ops_psql main $db -f "$OPS_SRC/state.sql" >"$out/state-3-$db.txt"
ops_psql main ref -f "$OPS_SRC/state.sql" >"$out/state-3-ref.txt"
ops_same "the directory equals ref's" "$out/state-3-ref.txt" "$out/state-3-$db.txt"
ops_invariants main $db >"$out/inv-3.txt"
ops_empty "invariants hold after COMMIT PREPARED" "$out/inv-3.txt"

# the directory still takes changes: the loop carries on after the last round
ops_psql main $db -c "DO \$\$ BEGIN FOR i IN $first..$((first + 9)) LOOP PERFORM public.ops_step(i, $big); END LOOP; END \$\$"
ops_invariants main $db >"$out/inv-4.txt"
ops_empty "ten more iterations of the loop commit, invariants hold" "$out/inv-4.txt"

ops_done
