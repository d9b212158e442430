#!/usr/bin/env bash
# test/demo.sh is `make demo`: install missing packages, build, install,
# start a throw-away cluster, load a small sample company, show who sees
# what, and stop the cluster.
set -euo pipefail
cd "$(dirname "$0")/.."

test/deps.sh
make -s
make -s install >/dev/null
test/cluster.sh run psql -X -q -v ON_ERROR_STOP=1 -f test/demo.sql
