#!/usr/bin/env bash
# test/ops/run.sh runs the operations tests, each with its own temporary
# clusters (they need no running server):
#
#   test/ops/run.sh                   replica, dump_restore and crash
#   test/ops/run.sh crash replica     only those
#
# Every test runs even when an earlier one fails; the exit status is
# non-zero if any failed.  Longer runs: OPS_GRID_N (can() draws per report,
# default 24000) and OPS_CRASH_ROUNDS (SIGKILLs of the commit loop, default 1).
set -uo pipefail
cd "$(dirname "$0")" || exit 1

tests=("$@")
[ ${#tests[@]} -gt 0 ] || tests=(replica dump_restore crash)
failed=()
for t in "${tests[@]}"; do
	echo "== ops: $t"
	./"$t".sh || failed+=("$t")
done
if [ ${#failed[@]} -gt 0 ]; then
	echo "ops: ${#failed[@]} of ${#tests[@]} failed: ${failed[*]}" >&2
	exit 1
fi
echo "ops: all ${#tests[@]} passed"
