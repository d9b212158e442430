# shellcheck shell=bash
# test/ops/lib.sh: helpers shared by the operations tests (test/ops/*.sh),
# sourced, never run.  Conventions follow test/cluster.sh: every cluster
# lives in one temporary directory under /tmp, is owned by the postgres OS
# user when the script runs as root (initdb refuses root), listens only on a
# Unix socket in its own subdirectory (port 5432), and is stopped and removed
# on exit, whatever happened.  Only servers and processes the script started
# are stopped, by pid or data directory.
#
#   ops_init NAME            make the temporary directory, install the traps
#   ops_initdb C [LINE...]   initdb cluster C, append LINEs to its postgresql.conf
#   ops_start C / ops_stop C start / stop cluster C (pg_ctl -w)
#   ops_psql C DB [ARG...]   psql -X -q -At -v ON_ERROR_STOP=1 as postgres on C
#   ops_ok / ops_fail MSG    report a check / fail the script
#   ops_same WHAT A B        fail unless files A and B are identical
#   ops_wait WHAT SECS CMD   retry CMD until it succeeds, fail after SECS
#   ops_bg PID               remember a background process to kill on exit
#   ops_session S C DB [ARG...]  open a long-lived psql session S on C
#   ops_session_run S OUT LINE...  run LINEs (psql input) in session S,
#                            query output to file OUT, and wait for them

OPS_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OPS_CHECKS=0

PG_CONFIG=${PG_CONFIG:-pg_config}
OPS_BIN=$("$PG_CONFIG" --bindir 2>/dev/null || true)
if [ ! -x "$OPS_BIN/initdb" ]; then
	OPS_BIN=/usr/lib/postgresql/15/bin
	[ -x "$OPS_BIN/initdb" ] ||
		OPS_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi
[ -x "$OPS_BIN/initdb" ] || { echo "ops: no initdb found" >&2; exit 1; }
OPS_PSQL=$OPS_BIN/psql
[ -x "$OPS_PSQL" ] || OPS_PSQL=psql

OPS_CLUSTERS=()
OPS_PIDS=()
OPS_FDS=()
OPS_SERIAL=0

ops_as_owner() {
	if [ "$(id -u)" = 0 ]; then
		(cd "$OPS_DIR" && runuser -u postgres -- "$@")
	else
		(cd "$OPS_DIR" && "$@")
	fi
}

ops_cleanup() {
	local status=$? pid c i fd
	set +e
	for fd in "${OPS_FDS[@]}"; do
		eval "exec $fd>&-"
	done
	for pid in "${OPS_PIDS[@]}"; do
		kill "$pid" 2>/dev/null
	done
	for ((i = ${#OPS_CLUSTERS[@]} - 1; i >= 0; i--)); do
		c=${OPS_CLUSTERS[$i]}
		if [ $status -ne 0 ] && [ -s "$OPS_DIR/$c/server.log" ]; then
			echo "--- last lines of the $c server log ---" >&2
			tail -n 15 "$OPS_DIR/$c/server.log" >&2
		fi
		if [ -f "$OPS_DIR/$c/data/postmaster.pid" ]; then
			ops_as_owner "$OPS_BIN/pg_ctl" -D "$OPS_DIR/$c/data" -m immediate -w stop >/dev/null 2>&1
		fi
	done
	for pid in "${OPS_PIDS[@]}"; do
		wait "$pid" 2>/dev/null
	done
	if [ -n "${OPS_KEEP:-}" ]; then
		echo "ops: kept $OPS_DIR" >&2
	else
		rm -rf "$OPS_DIR"
	fi
	exit $status
}

ops_init() {
	OPS_NAME=$1
	OPS_DIR=$(mktemp -d "/tmp/orgacl-ops-$1.XXXXXX")
	chmod 755 "$OPS_DIR"
	[ "$(id -u)" = 0 ] && chown postgres: "$OPS_DIR"
	mkdir -p "$OPS_DIR/out"
	trap ops_cleanup EXIT
	trap 'exit 130' INT TERM
	OPS_T0=$(date +%s)
}

# ops_conf C LINE... appends settings to cluster C's postgresql.conf
ops_conf() {
	local c=$1
	shift
	printf '%s\n' "$@" | ops_as_owner tee -a "$OPS_DIR/$c/data/postgresql.conf" >/dev/null
}

ops_initdb() {
	local c=$1
	shift
	ops_as_owner mkdir -p "$OPS_DIR/$c"
	OPS_CLUSTERS+=("$c")
	ops_as_owner "$OPS_BIN/initdb" -D "$OPS_DIR/$c/data" -U postgres -A trust -E UTF8 \
		--locale=C --no-sync >"$OPS_DIR/out/initdb-$c.log" 2>&1 ||
		{ cat "$OPS_DIR/out/initdb-$c.log" >&2; return 1; }
	ops_conf "$c" "listen_addresses = ''" "unix_socket_directories = '$OPS_DIR/$c'" \
		"port = 5432" "fsync = off" "max_prepared_transactions = 10" "$@"
}

ops_start() {
	ops_as_owner "$OPS_BIN/pg_ctl" -D "$OPS_DIR/$1/data" -l "$OPS_DIR/$1/server.log" \
		-w -t 120 start >/dev/null ||
		{ tail -n 30 "$OPS_DIR/$1/server.log" >&2; return 1; }
}

ops_stop() {
	ops_as_owner "$OPS_BIN/pg_ctl" -D "$OPS_DIR/$1/data" -m fast -w -t 120 stop >/dev/null
}

ops_psql() {
	local c=$1 db=$2
	shift 2
	"$OPS_PSQL" -X -q -At -v ON_ERROR_STOP=1 -h "$OPS_DIR/$c" -p 5432 -U postgres -d "$db" "$@"
}

ops_ok() {
	OPS_CHECKS=$((OPS_CHECKS + 1))
	echo "ok $OPS_CHECKS - $* [$(($(date +%s) - OPS_T0))s]"
}

ops_fail() {
	echo "FAIL - $*" >&2
	exit 1
}

# ops_same WHAT A B: A and B must be identical files (the diff is shown)
ops_same() {
	if cmp -s "$2" "$3"; then
		ops_ok "$1 ($(wc -l <"$2") lines identical)"
	else
		echo "--- $1: $2 vs $3 ---" >&2
		diff "$2" "$3" | head -n 40 >&2
		ops_fail "$1 differ"
	fi
}

# ops_differ WHAT A B: A and B must differ (a check that could not fail
# otherwise would be worthless)
ops_differ() {
	if cmp -s "$2" "$3"; then
		ops_fail "$1: expected a change, found none"
	fi
	ops_ok "$1 ($(diff "$2" "$3" | grep -c '^>') lines changed)"
}

# ops_wait WHAT SECS CMD...: retry CMD every 0.2 s until it succeeds
ops_wait() {
	local what=$1 secs=$2 tries
	shift 2
	tries=$((secs * 5))
	until "$@" >/dev/null 2>&1; do
		tries=$((tries - 1))
		[ $tries -gt 0 ] || ops_fail "gave up waiting for $what after ${secs}s"
		sleep 0.2
	done
}

ops_bg() {
	OPS_PIDS+=("$1")
}

ops_done() {
	echo "$OPS_NAME: all $OPS_CHECKS checks passed in $(($(date +%s) - OPS_T0))s"
}

# ops_empty WHAT FILE: FILE must be empty (e.g. the invariants' violations)
ops_empty() {
	if [ -s "$2" ]; then
		head -n 20 "$2" >&2
		ops_fail "$1: $(wc -l <"$2") unexpected rows"
	fi
	ops_ok "$1"
}

# ops_session S C DB [ARG...]: a psql session that stays connected while the
# script does other things; it reads its input from a fifo the script keeps
# open (fd in OPS_SESSION_FD_S), its pid is OPS_SESSION_PID_S
ops_session() {
	local name=$1 c=$2 db=$3 fd
	shift 3
	mkfifo "$OPS_DIR/out/$name.fifo"
	"$OPS_PSQL" -X -q -At -v ON_ERROR_STOP=1 -h "$OPS_DIR/$c" -p 5432 -U postgres -d "$db" "$@" \
		<"$OPS_DIR/out/$name.fifo" >"$OPS_DIR/out/$name.log" 2>&1 &
	ops_bg $!
	printf -v "OPS_SESSION_PID_$name" %s $!
	exec {fd}>"$OPS_DIR/out/$name.fifo"
	OPS_FDS+=("$fd")
	printf -v "OPS_SESSION_FD_$name" %s "$fd"
}

# ops_session_run S OUT LINE...: sends LINEs to session S with query output
# going to OUT, and waits until the session has run them (a hang guard of
# 300 s, not a timing check)
ops_session_run() {
	local name=$1 out=$2 fdv pidv marker tries=3000
	shift 2
	fdv=OPS_SESSION_FD_$name
	pidv=OPS_SESSION_PID_$name
	OPS_SERIAL=$((OPS_SERIAL + 1))
	marker="__ops_done_${OPS_SERIAL}__"
	{
		echo "\\o $out"
		printf '%s\n' "$@"
		echo '\o'
		echo "\\echo $marker"
	} >&"${!fdv}"
	until grep -qx "$marker" "$OPS_DIR/out/$name.log"; do
		if ! kill -0 "${!pidv}" 2>/dev/null; then
			cat "$OPS_DIR/out/$name.log" >&2
			ops_fail "session $name ended"
		fi
		tries=$((tries - 1))
		[ $tries -gt 0 ] || ops_fail "session $name did not answer"
		sleep 0.1
	done
	if grep -q '^psql:.*ERROR' "$OPS_DIR/out/$name.log"; then
		cat "$OPS_DIR/out/$name.log" >&2
		ops_fail "session $name: an error"
	fi
}

# ops_report C DB: test/ops/report.sql (OPS_GRID_N can() draws, 24,000 by default)
ops_report() {
	ops_psql "$1" "$2" -v grid_n="${OPS_GRID_N:-24000}" -f "$OPS_SRC/report.sql"
}

# ops_invariants C DB: test/invariants.sql (no rows: the directory is sound)
ops_invariants() {
	ops_psql "$1" "$2" -f "$OPS_SRC/../invariants.sql"
}
