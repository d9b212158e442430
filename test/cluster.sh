#!/usr/bin/env bash
# test/cluster.sh runs a command against a throw-away PostgreSQL cluster:
#
#   test/cluster.sh run COMMAND [ARG...]
#
# It creates a cluster in a new temporary directory (as the postgres OS user
# when run as root, since initdb refuses root), listening only on a Unix
# socket in that directory, exports PGHOST, PGPORT, PGUSER and PGDATABASE,
# runs COMMAND, then stops the cluster and removes the directory, whether
# COMMAND succeeded or not.  The exit status is COMMAND's.
#
# Extra server settings can be passed one per line in ORGACL_PG_CONF.
# The demo, the tests and the benchmarks all start their cluster here.
set -euo pipefail

[ "${1:-}" = run ] && [ $# -ge 2 ] || { echo "usage: $0 run COMMAND [ARG...]" >&2; exit 2; }
shift

PG_CONFIG=${PG_CONFIG:-pg_config}
bindir=$("$PG_CONFIG" --bindir 2>/dev/null || true)
if [ ! -x "$bindir/initdb" ]; then
	bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi
[ -x "$bindir/initdb" ] || { echo "cluster: no initdb found" >&2; exit 1; }

dir=$(mktemp -d /tmp/orgacl-cluster.XXXXXX)
chmod 755 "$dir"

# as_owner runs a server command as the cluster's owner, from the cluster
# directory (the caller's directory may be closed to the postgres user).
as_owner() {
	if [ "$(id -u)" = 0 ]; then
		(cd "$dir" && runuser -u postgres -- "$@")
	else
		"$@"
	fi
}
[ "$(id -u)" = 0 ] && chown postgres: "$dir"

stop_cluster() {
	if [ -f "$dir/data/postmaster.pid" ]; then
		as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$dir"
}
trap stop_cluster EXIT
trap 'exit 130' INT TERM

as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 \
	--locale=C --no-sync >"$dir/initdb.log" 2>&1 ||
	{ cat "$dir/initdb.log" >&2; exit 1; }

{
	echo "listen_addresses = ''"
	echo "unix_socket_directories = '$dir'"
	echo "port = 5432"
	echo "fsync = off"
	echo "synchronous_commit = off"
	echo "full_page_writes = off"
	echo "max_prepared_transactions = 10"
	printf '%s\n' "${ORGACL_PG_CONF:-}"
} >>"$dir/data/postgresql.conf"

as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 120 start >/dev/null ||
	{ cat "$dir/server.log" >&2; exit 1; }

export PGHOST=$dir PGPORT=5432 PGUSER=postgres PGDATABASE=postgres
export ORGACL_CLUSTER_DIR=$dir ORGACL_PG_BINDIR=$bindir

status=0
"$@" || status=$?
if [ $status -ne 0 ] && [ -s "$dir/server.log" ]; then
	echo "--- last lines of the server log ---" >&2
	tail -n 20 "$dir/server.log" >&2
fi
exit $status
