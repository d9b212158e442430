#!/usr/bin/env bash
# test/bench/run.sh is `make bench`: the benchmarks of SPEC section 7, one
# suite after the other, each in its own throw-away cluster
# (test/cluster.sh) with settings meant for stable timings.  It installs what
# is missing, builds and installs the extension, then runs in psql:
#
#   rls      test/bench/rls.sql: protected queries (count(*) and ORDER BY id
#            LIMIT 50 on 1,000,000 reviews, for a CEO, a first-line manager,
#            a mid-level manager and an HR admin among 100,000 persons)
#            against the same queries with a hand-written predicate and
#            against a recursive-CTE policy; can_view decisions per second;
#            pgbench, protected against hand-written; moving a 2,000-person
#            subtree; the cache's bytes per person.  Each result stands next
#            to its SPEC target.  About 2 minutes on 2 cores.
#   orgpath  test/bench/orgpath.sql: orgacl.orgpath against contrib ltree on
#            the same million random reporting lines.  About 2 minutes.
#
# Each suite checks its answers against its references and aborts on any
# mismatch; timings are medians of BENCH_RUNS runs after a warm-up, printed
# as tables, then in Markdown between the markers
# <!-- orgacl-bench:SUITE:begin --> and <!-- orgacl-bench:SUITE:end -->,
# ready to paste into README.  It reports and never fails on timings; only a
# build error, a wrong answer or a tool that does not run (pgbench) makes it
# exit non-zero.
#
# Knobs (environment):
#   BENCH_SUITES          suites to run, in order (default "rls orgpath")
#   BENCH_NO_BUILD=1      skip installing packages and building/installing the
#                         extension (use the installed one)
#   BENCH_RUNS            timed runs per measurement (default 7, odd)
#   BENCH_SEED            setseed() of the data (default 0.4242)
#   BENCH_PGBENCH_SECONDS rls: length of each pgbench run (default 10)
#   BENCH_ROWS            orgpath: paths (default 1000000)
#   BENCH_SKEW            orgpath: the parent-choice exponent that sets the
#                         mean depth (default 1.55; see orgpath.sql)
set -euo pipefail
cd "$(dirname "$0")/../.."

suites=${BENCH_SUITES:-rls orgpath}
for suite in $suites; do
	case $suite in
		rls | orgpath) ;;
		*) echo "bench: unknown suite '$suite' (suites: rls orgpath)" >&2; exit 2 ;;
	esac
done

if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
	test/deps.sh
	make -s
	make -s install >/dev/null
fi

runs=${BENCH_RUNS:-7}
seed=${BENCH_SEED:-0.4242}

# Settings of every suite: no JIT, no autovacuum or checkpoints in the middle
# of a measurement, and memory enough for every sort and index build to stay
# in RAM and every relation to stay in shared buffers.
base_conf="shared_buffers = 2GB
work_mem = 256MB
maintenance_work_mem = 1GB
max_parallel_maintenance_workers = 0
jit = off
autovacuum = off
checkpoint_timeout = 1h
max_wal_size = 10GB"

# rls: parallel query as a default server has it, since a viewer who sees
# every row should get the parallel scan the unfiltered query gets (the
# can_view throughput is measured with no workers all the same).
run_rls() {
	ORGACL_PG_CONF="$base_conf
max_parallel_workers_per_gather = 2" \
	test/cluster.sh run psql -X -q -v ON_ERROR_STOP=1 \
		-v runs="$runs" -v seed="$seed" \
		-v pgbench_seconds="${BENCH_PGBENCH_SECONDS:-10}" \
		-f test/bench/rls.sql
}

# orgpath: one backend does all the work, no parallel workers (2 cores would
# make the timings noisy).
run_orgpath() {
	ORGACL_PG_CONF="$base_conf
max_parallel_workers_per_gather = 0" \
	test/cluster.sh run psql -X -q -v ON_ERROR_STOP=1 \
		-v rows="${BENCH_ROWS:-1000000}" -v runs="$runs" -v seed="$seed" \
		-v skew="${BENCH_SKEW:-1.55}" \
		-f test/bench/orgpath.sql
}

for suite in $suites; do
	start=$(date +%s)
	echo "bench: suite $suite"
	"run_$suite"
	echo "bench: suite $suite finished in $(( $(date +%s) - start )) s"
done
