#!/usr/bin/env bash
# test/fuzz/run.sh builds the libFuzzer harness for the pure-C orgpath core
# (test/fuzz/orgpath_fuzz.c + src/orgpath_core.c) with ASan and UBSan into
# test/fuzz/build/, then fuzzes it for FUZZ_SECONDS seconds (default 60),
# starting from a throw-away copy of the seed corpus in test/fuzz/corpus/
# (which is never written to).  Crash, leak and timeout artifacts land in
# test/fuzz/build/.
#
# Exits non-zero on any crash, leak, sanitizer report or violated property.
# When clang or the libFuzzer runtime is missing it says so and exits 1, or
# 0 when FUZZ_OPTIONAL=1 (the fuzzing step is then merely skipped).
# On success it prints one line:
#   fuzz: orgpath_fuzz ran N executions in S s, no crash
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

seconds=${FUZZ_SECONDS:-60}
build=test/fuzz/build
bin=$build/orgpath_fuzz
# shellcheck disable=SC2054  # the commas belong to -fsanitize=
cflags=(-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -I src)

# skip explains why fuzzing cannot run, and exits 0 or 1 per FUZZ_OPTIONAL.
skip() {
	if [ "${FUZZ_OPTIONAL:-0}" = 1 ]; then
		echo "fuzz: skipped: $1 (FUZZ_OPTIONAL=1)"
		exit 0
	fi
	echo "fuzz: cannot run: $1 (set FUZZ_OPTIONAL=1 to skip)" >&2
	exit 1
}

case $seconds in
	''|*[!0-9]*) echo "fuzz: FUZZ_SECONDS must be a whole number, not '$seconds'" >&2; exit 2 ;;
esac

command -v clang >/dev/null 2>&1 || skip "clang not found"

mkdir -p "$build"
work=$(mktemp -d /tmp/orgpath-fuzz.XXXXXX)
trap 'rm -rf "$work"' EXIT

# Probe the toolchain with an empty fuzz target, so that a missing runtime
# (libclang-rt-*-dev) is told apart from an error in the harness itself.
printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
	'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void) d; (void) n; return 0; }' \
	>"$work/probe.c"
if ! clang "${cflags[@]}" "$work/probe.c" -o "$work/probe" 2>"$work/probe.log"; then
	sed 's/^/  /' "$work/probe.log" >&2
	skip "clang cannot link -fsanitize=fuzzer,address,undefined (is the compiler-rt package, e.g. libclang-rt-14-dev, installed?)"
fi

clang "${cflags[@]}" test/fuzz/orgpath_fuzz.c src/orgpath_core.c -o "$bin"

mkdir "$work/corpus"
cp test/fuzz/corpus/* "$work/corpus/"

log=$build/orgpath_fuzz.log
status=0
"$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
	-print_final_stats=1 -artifact_prefix="$build/" \
	"$work/corpus" >"$log" 2>&1 || status=$?

if [ $status -ne 0 ] ||
	grep -Eq 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|SUMMARY: |property violated' "$log"; then
	tail -n 60 "$log" >&2
	echo "fuzz: orgpath_fuzz FAILED (exit status $status); full log: $log, artifacts in $build/" >&2
	[ $status -ne 0 ] || status=1
	exit $status
fi

runs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9][0-9]*\).*/\1/p' "$log" | tail -n 1)
secs=$(sed -n 's/^Done [0-9][0-9]* runs in \([0-9][0-9]*\) second.*/\1/p' "$log" | tail -n 1)
if [ -z "$runs" ]; then
	runs=$(sed -n 's/^Done \([0-9][0-9]*\) runs.*/\1/p' "$log" | tail -n 1)
fi
if [ -z "$runs" ]; then
	tail -n 20 "$log" >&2
	echo "fuzz: could not find the execution count in $log" >&2
	exit 1
fi
echo "fuzz: orgpath_fuzz ran $runs executions in ${secs:-$seconds} s, no crash"
