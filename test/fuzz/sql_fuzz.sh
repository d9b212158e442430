#!/usr/bin/env bash
# test/fuzz/sql_fuzz.sh fuzzes orgacl's SQL surface against a running
# server (PGHOST etc.), normally a throw-away one:
#
#   test/cluster.sh run test/fuzz/sql_fuzz.sh
#
# It creates database orgacl_fuzz with a small organisation and the
# generators of test/fuzz/sql_fuzz_setup.sql (read its header), then, until
# FUZZ_SQL_SECONDS (default 30) have passed and at least one round is done,
# runs rounds of batches.  A round runs, as each of three logins in turn
# (the superuser PGUSER, fuzz_admin: a member of orgacl_admin, and
# fuzz_user: unprivileged, mapped to a person):
#   - FUZZ_SQL_BATCH (default 150) random statements: every function of
#     schema orgacl (enumerated from pg_catalog, so new ones are included)
#     with random arguments (NULLs, zero, negative, unknown and extreme
#     ids, 100,000-element arrays, paths 1,000 levels deep and deeper,
#     long and garbage text), reads and writes of a protected table, index
#     scans, casts, operators and settings (orgacl.viewer and friends);
#   - FUZZ_SQL_BATCH / 5 hand-made COPY BINARY files through psql's \copy,
#     one row each, which feed orgpath_recv, roleset_recv, audience_recv
#     (also inside artifact records and arrays) valid, mutated and random
#     bytes.
# Each statement is a statement of its own (autocommit), under
# statement_timeout FUZZ_SQL_TIMEOUT (default 30s).
#
# It fails (exit 1) when
#   - an error carries SQLSTATE class XX (internal error, data corrupted,
#     index corrupted), or psql loses its connection, or a new connection
#     after a batch fails;
#   - the server log (found through ORGACL_CLUSTER_DIR, which
#     test/cluster.sh exports; skipped otherwise) shows a backend killed by
#     a signal or exiting abnormally, a PANIC or a failed assertion;
#   - a value that binary input accepted does not survive text output and
#     input unchanged (orgpath, audience, and orgpath[] elements);
#   - test/invariants.sql finds the directory unsound after the random
#     directory calls.
# It prints the statements run, the errors per SQLSTATE and, on failure,
# the offending statements; the batch files of a failing batch are kept in
# test/fuzz/build/.  FUZZ_SQL_SEED (default random) makes a run's
# statements reproducible; FUZZ_SQL_VERBOSE=1 lists the distinct error
# messages at the end; FUZZ_SQL_DB names the database (dropped and
# recreated; dropped again after a clean run).  The login roles fuzz_user
# and fuzz_admin are created when missing and dropped at the end.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

seconds=${FUZZ_SQL_SECONDS:-30}
batch=${FUZZ_SQL_BATCH:-150}
timeout=${FUZZ_SQL_TIMEOUT:-30s}
seed=${FUZZ_SQL_SEED:-$(((RANDOM << 15 | RANDOM) % 1000000))}
db=${FUZZ_SQL_DB:-orgacl_fuzz}
superuser=${PGUSER:-postgres}
roles=("$superuser" fuzz_admin fuzz_user)
artifacts=test/fuzz/build

for v in seconds batch seed; do
	case ${!v} in
		'' | *[!0-9]*) echo "sql_fuzz: FUZZ_SQL_${v^^} must be a whole number, not '${!v}'" >&2; exit 2 ;;
	esac
done
[ "$batch" -ge 5 ] || { echo "sql_fuzz: FUZZ_SQL_BATCH must be at least 5" >&2; exit 2; }

server_log=
if [ -n "${ORGACL_CLUSTER_DIR:-}" ] && [ -f "$ORGACL_CLUSTER_DIR/server.log" ]; then
	server_log=$ORGACL_CLUSTER_DIR/server.log
fi
log_offset=0
[ -z "$server_log" ] || log_offset=$(wc -c <"$server_log")

work=$(mktemp -d /tmp/orgacl-sqlfuzz.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir "$work/recv"
: >"$work/states"
: >"$work/messages"

# sql runs psql as the superuser in the fuzz database, stopping on error.
sql() {
	psql -X -q -v ON_ERROR_STOP=1 -U "$superuser" -d "$db" "$@"
}

failed=0
# fail reports a problem and marks the run failed.
fail() {
	echo "sql_fuzz: FAILED: $*" >&2
	failed=1
}

# keep copies the files of the current batch to the artifacts directory.
keep() {
	mkdir -p "$artifacts"
	cp "$1" "$artifacts/sql_fuzz-$(basename "$1" .sql)-seed$seed-batch$n.sql"
	echo "sql_fuzz: batch kept in $artifacts/sql_fuzz-$(basename "$1" .sql)-seed$seed-batch$n.sql" >&2
}

# check_output looks at the stderr of one psql run ($1) of script $2:
# records every SQLSTATE, fails on class XX and on a lost connection.
check_output() {
	local err=$1 script=$2 bad=0
	sed -n 's/.*ERROR:  \([0-9A-Z]\{5\}\): .*/\1/p' "$err" >>"$work/states"
	sed -n 's/.*ERROR:  \([0-9A-Z]\{5\}: .*\)/\1/p' "$err" | cut -c 1-200 >>"$work/messages"
	if grep -q 'ERROR:  XX[0-9A-Z]\{3\}: ' "$err"; then
		echo "--- internal errors, with their statements:" >&2
		grep -A 3 'ERROR:  XX[0-9A-Z]\{3\}: ' "$err" | cut -c 1-600 >&2
		fail "errors of SQLSTATE class XX (as $role)"
		bad=1
	fi
	if grep -Eq 'server closed the connection|connection to server was lost|FATAL: |could not connect' "$err"; then
		grep -E -B 3 'server closed the connection|connection to server was lost|FATAL: |could not connect' "$err" |
			cut -c 1-600 >&2
		fail "the connection was lost (as $role)"
		bad=1
	fi
	if [ $bad -ne 0 ]; then
		keep "$script"
	fi
}

# check_server opens a new connection and reads the new part of the server
# log for crashes.
check_server() {
	if ! psql -X -q -At -U "$superuser" -d "$db" -c 'SELECT 1' >/dev/null 2>"$work/alive.err"; then
		cat "$work/alive.err" >&2
		fail "no new connection after batch $n"
	fi
	if [ -n "$server_log" ]; then
		local pattern='^TRAP: |PANIC:  |server process \(PID [0-9]+\) (was terminated by signal|exited with exit code [1-9])|terminating any other active server processes'
		if tail -c +"$((log_offset + 1))" "$server_log" | grep -Eq "$pattern"; then
			tail -c +"$((log_offset + 1))" "$server_log" | grep -E -B 5 "$pattern" | cut -c 1-600 >&2
			fail "the server log shows a crash after batch $n"
		fi
		log_offset=$(wc -c <"$server_log")
	fi
}

echo "sql_fuzz: seed $seed, ${seconds}s, batches of $batch statements as ${roles[*]}"
psql -X -q -v ON_ERROR_STOP=1 -U "$superuser" -d postgres \
	-c 'SET client_min_messages = warning' -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
start=$SECONDS
sql -f test/fuzz/sql_fuzz_setup.sql >/dev/null
echo "sql_fuzz: setup took $((SECONDS - start)) s ($(sql -At -c 'SELECT count(*) FROM fuzz.callable') functions, $(sql -At -c 'SELECT count(*) FROM fuzz.template') templates)"

start=$SECONDS
n=0
statements=0
copies=0
rounds=0
while [ $failed -eq 0 ]; do
	for role in "${roles[@]}"; do
		n=$((n + 1))
		export PGOPTIONS="-c statement_timeout=$timeout"

		# random statements
		{
			echo '\set VERBOSITY verbose'
			echo '\o /dev/null'
			echo 'SET search_path = public, orgacl;'
			sql -At -c "SELECT * FROM fuzz.calls($batch, $((seed * 100000 + n)))"
		} >"$work/calls.sql"
		psql -X -q -b -U "$role" -d "$db" -f "$work/calls.sql" >/dev/null 2>"$work/calls.err" || true
		check_output "$work/calls.err" "$work/calls.sql"
		statements=$((statements + batch))

		# binary input
		rm -f "$work"/recv/*
		{
			echo '\set VERBOSITY verbose'
			i=0
			while IFS='|' read -r tbl b64; do
				i=$((i + 1))
				printf '%s' "$b64" | base64 -d >"$work/recv/$i.bin"
				echo "\\copy $tbl from '$work/recv/$i.bin' with (format binary)"
			done < <(sql -At -c "SELECT tbl, translate(encode(file, 'base64'), E'\\n', '')
								 FROM fuzz.recv_cases($((batch / 5)), $((seed * 100000 + 50000 + n)))")
		} >"$work/recv.sql"
		psql -X -q -b -U "$role" -d "$db" -f "$work/recv.sql" >/dev/null 2>"$work/recv.err" || true
		check_output "$work/recv.err" "$work/recv.sql"
		copies=$((copies + batch / 5))
		unset PGOPTIONS

		check_server
		[ $failed -eq 0 ] || break
	done
	rounds=$((rounds + 1))
	[ $((SECONDS - start)) -lt "$seconds" ] || break
done

# what binary input accepted must be what text input gives
if [ $failed -eq 0 ]; then
	bad=$(sql -At <<'EOF'
SET search_path = public, orgacl;
SELECT (SELECT count(*) FROM fuzz.bin_orgpath
		WHERE v IS NOT NULL AND (v::text::orgacl.orgpath IS DISTINCT FROM v OR orgacl.nlevel(v) > 1000))
	 + (SELECT count(*) FROM fuzz.bin_audience WHERE v::text::orgacl.audience IS DISTINCT FROM v)
	 + (SELECT count(*) FROM fuzz.bin_orgpath_arr, unnest(v) e
		WHERE e IS NOT NULL AND e::text::orgacl.orgpath IS DISTINCT FROM e)
	 + (SELECT count(*) FROM fuzz.bin_artifact
		WHERE (v).audience::text::orgacl.audience IS DISTINCT FROM (v).audience)
EOF
)
	accepted=$(sql -At -c "SELECT (SELECT count(*) FROM fuzz.bin_orgpath) + (SELECT count(*) FROM fuzz.bin_roleset)
		+ (SELECT count(*) FROM fuzz.bin_audience) + (SELECT count(*) FROM fuzz.bin_artifact)
		+ (SELECT count(*) FROM fuzz.bin_orgpath_arr) + (SELECT count(*) FROM fuzz.bin_audience_arr)")
	echo "sql_fuzz: binary input accepted $accepted of $copies rows"
	[ "$bad" = 0 ] || fail "$bad values accepted by binary input do not survive text output and input"

	# the directory calls that succeeded must have kept it sound
	sql -At -f test/invariants.sql >"$work/invariants.out"
	if [ -s "$work/invariants.out" ]; then
		head -n 20 "$work/invariants.out" >&2
		fail "test/invariants.sql reports $(wc -l <"$work/invariants.out") violations"
	fi
fi

echo "sql_fuzz: $statements statements and $copies binary rows in $rounds rounds, $((SECONDS - start)) s; errors by SQLSTATE:"
sort "$work/states" | uniq -c | sort -rn | awk '{ printf "  %s %s\n", $2, $1 }' | paste -sd ' ' | fold -s -w 100
if [ "${FUZZ_SQL_VERBOSE:-0}" = 1 ]; then
	echo "sql_fuzz: distinct error messages (numbers masked), most frequent first:"
	awk '{ m = substr($0, 6); gsub(/[0-9]+/, "N", m); print substr($0, 1, 5) m }' "$work/messages" |
		sort | uniq -c | sort -rn | sed 's/^/  /'
fi

if [ $failed -eq 0 ]; then
	psql -X -q -U "$superuser" -d postgres -c "DROP DATABASE $db" \
		-c 'DROP OWNED BY fuzz_user, fuzz_admin' -c 'DROP ROLE fuzz_user, fuzz_admin' >/dev/null
	echo "sql_fuzz: no internal error, no crash"
fi
exit $failed
