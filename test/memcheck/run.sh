#!/usr/bin/env bash
# test/memcheck/run.sh is `make memcheck`: the pg_regress and isolation
# suites (the REGRESS and ISOLATION lists of the Makefile, through
# `make installcheck`) against a server running under Valgrind memcheck.
#
#   test/memcheck/run.sh                      # every suite, 10 to 20 minutes
#   MEMCHECK_REGRESS="orgpath_io roleset" MEMCHECK_ISOLATION="" test/memcheck/run.sh
#   MEMCHECK_SQL_FUZZ_SECONDS=300 test/memcheck/run.sh   # then the SQL fuzzer too
#
# It tests the installed extension (`make install` first, as `make test`
# does), installs valgrind with apt-get when it is missing, creates a
# cluster in a new temporary directory (as the postgres OS user when run as
# root), and starts the postmaster itself under
#   valgrind --tool=memcheck --track-origins=yes --leak-check=full
#            --show-leak-kinds=definite --suppressions=test/memcheck/valgrind.supp
# so that every backend, parallel worker and background process it forks is
# checked (nothing the server execs is: COPY ... PROGRAM shells run
# natively).  JIT is off.  Each process writes its own Valgrind log.
# With MEMCHECK_SQL_FUZZ_SECONDS > 0 it then runs test/fuzz/sql_fuzz.sh
# against the same server for that long (at least one round: every login,
# one batch of calls and one of binary input each).
#
# Debian's PostgreSQL is not built with USE_VALGRIND, so Valgrind sees
# palloc'd chunks only as parts of larger malloc'd blocks: a read past a
# chunk inside its block goes unnoticed, but reads of memory nobody wrote,
# reads and writes outside every block, bad frees and leaked malloc'd
# memory are all caught.  test/memcheck/valgrind.supp explains the few
# reports of the stock server it suppresses.
#
# The run fails (exit 1) when a suite fails, or when any Valgrind error is
# left after the suppressions: every one is printed (the first lines of
# each, and the full logs are kept in MEMCHECK_KEEP, default
# test/memcheck/logs/, on failure).  Reports that involve orgacl (a frame or
# an allocation origin in orgacl.so) are listed first.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

keep=${MEMCHECK_KEEP:-$root/test/memcheck/logs}
supp=$root/test/memcheck/valgrind.supp

# --- valgrind
if ! command -v valgrind >/dev/null 2>&1; then
	sudo=
	[ "$(id -u)" = 0 ] || sudo=sudo
	echo "memcheck: installing valgrind"
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq >/dev/null
	$sudo apt-get install -y -qq valgrind >/dev/null
fi
command -v valgrind >/dev/null 2>&1 || { echo "memcheck: valgrind is not available" >&2; exit 1; }

PG_CONFIG=${PG_CONFIG:-pg_config}
export PG_CONFIG
bindir=$("$PG_CONFIG" --bindir)
[ -x "$bindir/postgres" ] || { echo "memcheck: no postgres in $bindir" >&2; exit 1; }

dir=$(mktemp -d /tmp/orgacl-memcheck.XXXXXX)
chmod 755 "$dir"
as_owner() {
	if [ "$(id -u)" = 0 ]; then
		(cd "$dir" && runuser -u postgres -- "$@")
	else
		(cd "$dir" && "$@")
	fi
}
[ "$(id -u)" = 0 ] && chown postgres: "$dir"

server_pid=
stop_server() {
	if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
		as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 600 stop >/dev/null 2>&1 ||
			kill -TERM "$server_pid" 2>/dev/null || true
		wait "$server_pid" 2>/dev/null || true
	fi
	server_pid=
}
cleanup() {
	stop_server
	rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

started=$SECONDS
as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 \
	--locale=C --no-sync >"$dir/initdb.log" 2>&1 ||
	{ cat "$dir/initdb.log" >&2; exit 1; }
cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$dir'
port = 5432
fsync = off
synchronous_commit = off
full_page_writes = off
max_prepared_transactions = 10
jit = off
huge_pages = off
autovacuum = off
EOF
mkdir "$dir/vg"
[ "$(id -u)" = 0 ] && chown postgres: "$dir/vg"

# The postmaster runs in the foreground of a background job, so that this
# script knows its pid; pg_ctl stops it.
as_owner valgrind --tool=memcheck --trace-children=no --track-origins=yes \
	--leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
	--num-callers=40 --error-markers=MEMCHECK-ERROR-BEGIN,MEMCHECK-ERROR-END \
	--gen-suppressions=all --suppressions="$supp" \
	--log-file="$dir/vg/%p.log" \
	"$bindir/postgres" -D "$dir/data" >"$dir/server.log" 2>&1 &
server_pid=$!

ready=0
for _ in $(seq 600); do
	if "$bindir/pg_isready" -q -h "$dir" -p 5432 2>/dev/null; then
		ready=1
		break
	fi
	kill -0 "$server_pid" 2>/dev/null || break
	sleep 1
done
if [ $ready -ne 1 ]; then
	tail -n 30 "$dir/server.log" >&2
	echo "memcheck: the server did not start under valgrind" >&2
	exit 1
fi
echo "memcheck: server up under valgrind after $((SECONDS - started)) s"

export PGHOST=$dir PGPORT=5432 PGUSER=postgres PGDATABASE=postgres
status=0
args=()
[ -z "${MEMCHECK_REGRESS+x}" ] || args+=("REGRESS=$MEMCHECK_REGRESS")
[ -z "${MEMCHECK_ISOLATION+x}" ] || args+=("ISOLATION=$MEMCHECK_ISOLATION")
suites_started=$SECONDS
if ! make -s installcheck "${args[@]}"; then
	status=1
	for f in regression.diffs output_iso/regression.diffs; do
		[ -f "$f" ] && head -n 100 "$f"
	done
	echo "memcheck: a suite failed under valgrind" >&2
fi
echo "memcheck: suites took $((SECONDS - suites_started)) s under valgrind"
if [ "${MEMCHECK_SQL_FUZZ_SECONDS:-0}" -gt 0 ]; then
	fuzz_started=$SECONDS
	if ! ORGACL_CLUSTER_DIR=$dir FUZZ_SQL_SECONDS=$MEMCHECK_SQL_FUZZ_SECONDS FUZZ_SQL_TIMEOUT=300s \
		test/fuzz/sql_fuzz.sh; then
		status=1
		echo "memcheck: the SQL fuzzer failed under valgrind" >&2
	fi
	echo "memcheck: SQL fuzzing took $((SECONDS - fuzz_started)) s under valgrind"
fi
stop_server

# --- the reports: one block per error between the markers, named after
# the process; a block involves orgacl when a frame or an origin lies in
# orgacl.so or in one of its source files
logs=("$dir"/vg/*.log)
errors=$dir/errors.txt
ours="orgacl\\.so|\\(($(cd src && ls -- *.c | sed 's/\.c$//' | paste -sd '|'))\\.c:[0-9]+\\)"
awk '
	FNR == 1 { pid = FILENAME; sub(/.*\//, "", pid); sub(/\.log$/, "", pid) }
	/MEMCHECK-ERROR-BEGIN/ { inblock = 1; block = ""; next }
	/MEMCHECK-ERROR-END/ { if (inblock) { n++; printf "----- error %d, process %s\n%s", n, pid, block } inblock = 0; next }
	inblock { sub(/^==[0-9]+== ?/, ""); block = block $0 "\n" }
' "${logs[@]}" >"$errors"
# pick prints the error blocks that involve orgacl ($1 = 1) or not ($1 = 0)
pick() {
	OURS=$ours awk -v want="$1" '
		BEGIN { ours = ENVIRON["OURS"] }
		function flush() { if (b != "" && ((b ~ ours) == want)) printf "%s", b }
		/^----- error / { flush(); b = $0 "\n"; next }
		{ b = b $0 "\n" }
		END { flush() }
	' "$errors"
}
nerrors=$(grep -c '^----- error ' "$errors" || true)
norgacl=$(pick 1 | grep -c '^----- error ' || true)
echo "memcheck: ${#logs[@]} processes checked, $nerrors valgrind errors after suppressions ($norgacl involving orgacl)"

if [ "$nerrors" -gt 0 ]; then
	status=1
	{ pick 1; pick 0; } | head -n 300 >&2
	rm -rf "$keep"
	mkdir -p "$keep"
	cp "$dir"/vg/*.log "$errors" "$dir/server.log" "$keep/"
	echo "memcheck: FAILED; logs kept in $keep" >&2
fi
if grep -Eq 'server process \(PID [0-9]+\) (was terminated by signal|exited with exit code [1-9])|PANIC:  ' "$dir/server.log"; then
	grep -E -B 3 'server process \(PID [0-9]+\) (was terminated by signal|exited with exit code [1-9])|PANIC:  ' "$dir/server.log" >&2
	echo "memcheck: FAILED: a server process crashed" >&2
	status=1
fi
echo "memcheck: $([ $status -eq 0 ] && echo passed || echo FAILED) in $((SECONDS - started)) s"
exit $status
