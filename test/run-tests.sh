#!/usr/bin/env bash
# test/run-tests.sh is `make test`: install missing packages, build with
# warnings as errors, install, then run every suite against a throw-away
# cluster (test/suites.sh, which also runs a short fuzzing pass).  Exits
# non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."

test/deps.sh
make -s clean >/dev/null
make -s COPT='-Werror'
make -s install >/dev/null

status=0
test/cluster.sh run test/suites.sh || status=1

if [ $status -eq 0 ]; then
	echo "make test: all suites passed"
else
	echo "make test: FAILED" >&2
fi
exit $status
