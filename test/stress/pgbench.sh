#!/usr/bin/env bash
# test/stress/pgbench.sh: mixed protected reads and directory writes from
# several clients for a fixed time, then the checks that nothing broke.
#
#   test/cluster.sh run test/stress/pgbench.sh
#
# Knobs (environment):
#   STRESS_SECONDS  length of the run (default 20; make stress uses 300)
#   CLIENTS         pgbench clients in all (default 4): half of them (at least
#                   one) write as a superuser, the others read, one pgbench
#                   each, as mapped non-superuser logins stress_reader_K
#   STRESS_PERSONS  persons in the organisation (default 3000)
#
# It sets up test/stress/setup.sql in a new database, then runs at once:
#   readers   test/stress/reader.sql: protected SELECTs and can_view calls,
#             and a per-statement check that the policy and can_view agree;
#   writers   test/stress/writer.sql: random set_manager moves (cycles
#             included), grants and revokes (the super set included),
#             deactivations and reactivations, members, leads, cycles,
#             audiences, additional managers, new persons; the refusals the
#             rules call for (23514, 42501 for an acting person, 40001 and
#             40P01) are recorded, any other error aborts the client;
#   watchers  one long-lived backend per reader login (stress_watch()),
#             reading throughout so that its cache is rebuilt again and again.
# It fails (exit 1) unless every pgbench exits 0 with no aborted client, no
# statement saw the policy and can_view disagree, test/invariants.sql
# returns no rows, and for each login the rows the long-lived backend sees,
# the rows a fresh backend of the login sees and the rows a fresh superuser
# backend's can_view allows are the same.  It prints the transactions per
# second and the writers' outcomes by operation and SQLSTATE.
set -euo pipefail
cd "$(dirname "$0")/../.."

[ -n "${PGHOST:-}" ] || { echo "run me through test/cluster.sh run $0" >&2; exit 2; }
seconds=${STRESS_SECONDS:-20}
clients=${CLIENTS:-4}
npersons=${STRESS_PERSONS:-3000}
writers=$((clients / 2))
[ "$writers" -ge 1 ] || writers=1
readers=$((clients - writers))
[ "$readers" -ge 1 ] || readers=1
db=orgacl_stress
work=$(mktemp -d /tmp/orgacl-stress.XXXXXX)
trap 'rm -rf "$work"' EXIT

fail=0
problem() {
	echo "FAIL: $*" >&2
	fail=1
}
q() {
	psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"
}

echo "== stress: $npersons persons, $readers reader(s), $writers writer(s), ${seconds}s"
PGOPTIONS='-c client_min_messages=warning' q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
export PGDATABASE=$db
started=$(date +%s)
q -v npersons="$npersons" -v nlogins="$readers" -f test/stress/setup.sql >/dev/null
echo "setup: $(q -c "SELECT count(*) FROM orgacl.person") persons, $(q -c "SELECT count(*) FROM public.stress_review") protected rows ($(($(date +%s) - started))s)"

declare -A pids=()
for k in $(seq 1 "$readers"); do
	psql -X -q -v ON_ERROR_STOP=1 -U "stress_reader_$k" -c "CALL public.stress_watch()" \
		>"$work/watch_$k.out" 2>&1 &
	pids[watch_$k]=$!
done
for k in $(seq 1 "$readers"); do
	pgbench -n -T "$seconds" -c 1 -U "stress_reader_$k" -D npersons="$npersons" \
		-f test/stress/reader.sql >"$work/reader_$k.out" 2>&1 &
	pids[reader_$k]=$!
done
pgbench -n -T "$seconds" -c "$writers" -j "$writers" -D npersons="$npersons" \
	-f test/stress/writer.sql >"$work/writer.out" 2>&1 &
pids[writer]=$!

for name in writer $(seq -f 'reader_%g' 1 "$readers"); do
	rc=0
	wait "${pids[$name]}" || rc=$?
	tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$work/$name.out")
	xacts=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$work/$name.out")
	echo "$name: ${xacts:-?} transactions, ${tps:-?} tps"
	if [ $rc -ne 0 ] || grep -q 'aborted' "$work/$name.out"; then
		problem "$name: pgbench exited $rc"
		grep -iE 'error|abort|fail' "$work/$name.out" | head -n 20 >&2 || true
	fi
done

q -c "UPDATE public.stress_control SET stop = true"
for k in $(seq 1 "$readers"); do
	rc=0
	wait "${pids[watch_$k]}" || rc=$?
	[ $rc -eq 0 ] || { problem "watcher $k exited $rc"; cat "$work/watch_$k.out" >&2; }
done

echo "writers' outcomes (op, sqlstate, count; 00000 = done):"
q -F ' ' -c "SELECT op, sqlstate, count(*) FROM public.stress_outcome GROUP BY 1, 2 ORDER BY 1, 2" |
	sed 's/^/  /'
echo "refusals by sqlstate: $(q -c "SELECT coalesce(string_agg(sqlstate || '=' || n, ' ' ORDER BY sqlstate), 'none')
	FROM (SELECT sqlstate, count(*) n FROM public.stress_outcome WHERE sqlstate <> '00000' GROUP BY 1) s")"

mismatches=$(q -c "SELECT count(*) FROM public.stress_mismatch")
[ "$mismatches" -eq 0 ] || problem "$mismatches statements saw the policy and can_view disagree:
$(q -c "SELECT login, seen, refused FROM public.stress_mismatch LIMIT 10")"

violations=$(q -f test/invariants.sql)
[ -z "$violations" ] || problem "invariants violated ($(printf '%s\n' "$violations" | wc -l) rows, the first 20):
$(printf '%s\n' "$violations" | head -n 20)"

for k in $(seq 1 "$readers"); do
	login=stress_reader_$k
	person=$(q -c "SELECT person FROM orgacl.login_map WHERE login = '$login'")
	churned=$(q -F ' ' -c "SELECT rows, digest FROM public.stress_digest WHERE login = '$login'")
	fresh=$(q -F ' ' -U "$login" -c "SELECT count(*), md5(coalesce(string_agg(id::text, ',' ORDER BY id), ''))
		FROM public.stress_review")
	decided=$(q -F ' ' -c "SELECT count(*), md5(coalesce(string_agg(id::text, ',' ORDER BY id), ''))
		FROM public.stress_review
		WHERE orgacl.can_view($person, subject, orgacl.artifact('review', cycle, author))")
	echo "$login (person $person): long-lived ${churned%% *}, fresh ${fresh%% *}, can_view ${decided%% *} rows"
	[ "$churned" = "$fresh" ] || problem "$login: the long-lived backend sees other rows than a fresh one ($churned / $fresh)"
	[ "$fresh" = "$decided" ] || problem "$login: the protected rows differ from those can_view allows ($fresh / $decided)"
done

echo "== stress: $([ $fail -eq 0 ] && echo ok || echo FAILED) ($(($(date +%s) - started))s)"
exit $fail
