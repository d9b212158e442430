#!/usr/bin/env bash
# test/suites.sh runs every suite against the cluster that test/cluster.sh
# started (PGHOST etc. are set): pg_regress and isolation through PGXS
# installcheck, then the pgTAP files under test/pgtap with pg_prove, then the
# unit tests and a short libFuzzer pass over the pure-C cores (they need no
# cluster, but belong to the same count), and the short versions of the
# hardening runs that `make stress` runs long: the differential test, a
# pgbench of reads racing writes, SQL fuzzing and the operations tests.
# Every suite runs even when an earlier one fails; the exit status is
# non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
record() {
	if [ "$2" -eq 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "suite failed: $1" >&2
	fi
}

echo "== pg_regress"
make -s installcheck
rc=$?
if [ $rc -ne 0 ]; then
	for f in regression.diffs output_iso/regression.diffs; do
		[ -f "$f" ] && cat "$f"
	done
fi
record pg_regress $rc

echo "== pgTAP"
db=orgacl_tap
psql -X -q -v ON_ERROR_STOP=1 -d postgres \
	-c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" &&
	psql -X -q -v ON_ERROR_STOP=1 -d "$db" \
		-c "CREATE EXTENSION pgtap" -c "CREATE EXTENSION orgacl"
rc=$?
if [ $rc -eq 0 ]; then
	pg_prove --failures -d "$db" test/pgtap/*.sql
	rc=$?
fi
record pgTAP $rc

echo "== unit"
# plain C tests of the pure-C decision and set cores (no server needed)
test/unit/run.sh
record unit $?

echo "== fuzz"
# skipped with a message where the toolchain lacks the sanitizer runtime
FUZZ_SECONDS=${FUZZ_SECONDS:-20} FUZZ_OPTIONAL=1 test/fuzz/run.sh
record fuzz $?

echo "== differential"
# can() and protected reads against the plain-SQL reference of SPEC section 3
DRAWS=${DRAWS:-10000} test/diff/run.sh
record differential $?

echo "== pgbench"
# protected reads racing directory writes, then the invariants
STRESS_SECONDS=${STRESS_SECONDS:-20} test/stress/pgbench.sh
record pgbench $?

echo "== SQL fuzz"
# every orgacl function with random arguments: clean SQLSTATEs, no crash
FUZZ_SQL_SECONDS=${FUZZ_SQL_SECONDS:-30} test/fuzz/sql_fuzz.sh
record sql-fuzz $?

echo "== operations"
# the 1.0 -> current upgrade on this cluster; a hot standby, dump and
# restore, and crash recovery each on clusters of their own
test/ops/upgrade.sh
record ops/upgrade $?
test/ops/run.sh
record ops $?

echo "suites: $passed passed, $failed failed"
[ $failed -eq 0 ]
