#!/usr/bin/env bash
# test/bench/run.sh is `make bench`: orgacl.orgpath against contrib ltree on
# the same million random reporting lines.  It installs what is missing,
# builds and installs the extension, starts a throw-away cluster
# (test/cluster.sh) with settings meant for stable timings, and runs
# test/bench/orgpath.sql in psql, which builds the data, checks that both
# types give the same answers (the run aborts on any mismatch) and prints:
#
#   - the timings: median of BENCH_RUNS runs after a warm-up, for orgpath
#     then for ltree, with ltree/orgpath (> 1: orgpath is faster) and the
#     plan each got;
#   - the on-disk sizes, with orgpath/ltree (< 1: orgpath is smaller);
#   - the same two tables in Markdown, between the markers
#     <!-- orgacl-bench:orgpath:begin --> and <!-- orgacl-bench:orgpath:end -->,
#     ready to paste into README.
#
# It reports and never fails on timings; only a build error or a wrong
# answer makes it exit non-zero.  About 2 minutes on 2 cores.
#
# Knobs (environment): BENCH_ROWS (default 1000000 paths), BENCH_RUNS
# (default 7, odd), BENCH_SEED (default 0.4242, for setseed), BENCH_SKEW
# (default 1.55, the parent-choice exponent that sets the mean depth; see
# orgpath.sql).
set -euo pipefail
cd "$(dirname "$0")/../.."

test/deps.sh
make -s
make -s install >/dev/null

rows=${BENCH_ROWS:-1000000}
runs=${BENCH_RUNS:-7}
seed=${BENCH_SEED:-0.4242}
skew=${BENCH_SKEW:-1.55}

# One backend does all the work: no parallel workers (2 cores would make the
# timings noisy), no JIT, no autovacuum or checkpoints in the middle of a
# measurement, and memory enough for every sort and index build to stay in
# RAM and every relation to stay in shared buffers.
export ORGACL_PG_CONF="shared_buffers = 2GB
work_mem = 256MB
maintenance_work_mem = 1GB
max_parallel_workers_per_gather = 0
max_parallel_maintenance_workers = 0
jit = off
autovacuum = off
checkpoint_timeout = 1h
max_wal_size = 10GB"

start=$(date +%s)
test/cluster.sh run psql -X -q -v ON_ERROR_STOP=1 \
	-v rows="$rows" -v runs="$runs" -v seed="$seed" -v skew="$skew" \
	-f test/bench/orgpath.sql
echo "bench: finished in $(( $(date +%s) - start )) s"
