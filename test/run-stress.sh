#!/usr/bin/env bash
# test/run-stress.sh is `make stress`: the long versions of the hardening
# suites that `make test` runs briefly (README, "Guarantees and how they are
# tested").  Installs what is missing, builds, installs, then on a
# throw-away cluster:
#
#   differential   test/diff/run.sh, STRESS_DRAWS draws (default 100,000)
#   pgbench        test/stress/pgbench.sh, STRESS_SECONDS (default 300)
#   SQL fuzz       test/fuzz/sql_fuzz.sh, STRESS_SECONDS as well
#
# then the operations tests with 10 crash rounds and larger decision grids
# (test/ops/run.sh: hot standby, dump and restore, crash recovery), and
# libFuzzer on the pure-C cores for STRESS_FUZZ_SECONDS in all (default
# 900: 300 s per harness).  Every part runs even when an earlier one fails;
# the exit status is non-zero if any failed.  Expect about 45 minutes on 2
# cores.
set -euo pipefail
cd "$(dirname "$0")/.."

export DRAWS=${STRESS_DRAWS:-100000}
export STRESS_SECONDS=${STRESS_SECONDS:-300}
export FUZZ_SQL_SECONDS=$STRESS_SECONDS

test/deps.sh
make -s clean >/dev/null
make -s COPT='-Werror'
make -s install >/dev/null

status=0
test/cluster.sh run bash -c '
	rc=0
	echo "== differential ($DRAWS draws)"; test/diff/run.sh || rc=1
	echo "== pgbench ($STRESS_SECONDS s)"; test/stress/pgbench.sh || rc=1
	echo "== SQL fuzz ($FUZZ_SQL_SECONDS s)"; test/fuzz/sql_fuzz.sh || rc=1
	exit $rc' || status=1
echo "== operations (10 crash rounds, 200,000-draw grids)"
OPS_CRASH_ROUNDS=10 OPS_GRID_N=200000 test/ops/run.sh || status=1
echo "== libFuzzer (${STRESS_FUZZ_SECONDS:-900} s in all)"
FUZZ_SECONDS=${STRESS_FUZZ_SECONDS:-900} test/fuzz/run.sh || status=1

if [ $status -eq 0 ]; then
	echo "make stress: all passed"
else
	echo "make stress: FAILED" >&2
fi
exit $status
