#!/usr/bin/env bash
# test/fuzz/run.sh builds the libFuzzer harnesses for the pure-C cores with
# ASan and UBSan into test/fuzz/build/ and fuzzes each in turn:
#
#   orgpath_fuzz  src/orgpath_core.c                      corpus test/fuzz/corpus/
#   sets_fuzz     src/sets_core.c                         corpus test/fuzz/corpus-sets/
#   decide_fuzz   src/decide_core.c + src/rls_core.c + src/sets_core.c   corpus test/fuzz/corpus-decide/
#
# The orgpath and sets harnesses cover the text parsers and formatters, the
# binary send/receive decoders and encoders (orgpath_recv_binary, SetRecv),
# and the person id syntax of orgacl.viewer.  The SQL surface is fuzzed by
# test/fuzz/sql_fuzz.sh, against a server.
#
# FUZZ_SECONDS (default 60) is the budget for all of them together: each
# harness gets an equal share (at least 1 s; the first ones take the
# remainder).  FUZZ_TARGETS (default "orgpath sets decide") picks which to
# run.  Each starts from a throw-away copy of its seed corpus (which is never
# written to); crash, leak and timeout artifacts land in test/fuzz/build/,
# named after the harness.
#
# Every harness runs even when an earlier one fails, and the script exits
# non-zero on any crash, leak, sanitizer report, violated property or build
# error.  When clang or the libFuzzer runtime is missing it says so and exits
# 1, or 0 when FUZZ_OPTIONAL=1 (the fuzzing step is then merely skipped).
# It prints one line per harness:
#   fuzz: <harness> ran N executions in S s, no crash
# (or, on stderr, "fuzz: <harness> FAILED ..." with the tail of its log).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-orgpath sets decide}
build=test/fuzz/build
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

# sources prints the C files of harness $1: its own file, then the cores.
sources() {
	case $1 in
		orgpath) echo test/fuzz/orgpath_fuzz.c src/orgpath_core.c ;;
		sets) echo test/fuzz/sets_fuzz.c src/sets_core.c ;;
		decide) echo test/fuzz/decide_fuzz.c src/decide_core.c src/rls_core.c src/sets_core.c ;;
		*) return 1 ;;
	esac
}

# corpus prints the seed corpus directory of harness $1.
corpus() {
	case $1 in
		orgpath) echo test/fuzz/corpus ;;
		*) echo "test/fuzz/corpus-$1" ;;
	esac
}

case $seconds in
	''|*[!0-9]*) echo "fuzz: FUZZ_SECONDS must be a whole number, not '$seconds'" >&2; exit 2 ;;
esac
read -r -a names <<<"$targets"
if [ ${#names[@]} -eq 0 ]; then
	echo "fuzz: FUZZ_TARGETS names no harness" >&2
	exit 2
fi
for t in "${names[@]}"; do
	if ! sources "$t" >/dev/null; then
		echo "fuzz: unknown harness '$t' in FUZZ_TARGETS (known: orgpath sets decide)" >&2
		exit 2
	fi
done

command -v clang >/dev/null 2>&1 || skip "clang not found"

mkdir -p "$build"
work=$(mktemp -d /tmp/orgacl-fuzz.XXXXXX)
trap 'rm -rf "$work"' EXIT

# Probe the toolchain with an empty fuzz target, so that a missing runtime
# (libclang-rt-*-dev) is told apart from an error in a harness itself.
printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
	'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void) d; (void) n; return 0; }' \
	>"$work/probe.c"
if ! clang "${cflags[@]}" "$work/probe.c" -o "$work/probe" 2>"$work/probe.log"; then
	sed 's/^/  /' "$work/probe.log" >&2
	skip "clang cannot link -fsanitize=fuzzer,address,undefined (is the compiler-rt package, e.g. libclang-rt-14-dev, installed?)"
fi

# Build every harness at once; the compilers run while nothing else does.
declare -A build_pid
for t in "${names[@]}"; do
	# shellcheck disable=SC2046  # the file list is meant to split
	clang "${cflags[@]}" $(sources "$t") -o "$build/${t}_fuzz" \
		>"$build/${t}_fuzz.build.log" 2>&1 &
	build_pid[$t]=$!
done

failed=0
share=$((seconds / ${#names[@]}))
extra=$((seconds % ${#names[@]}))
i=0
for t in "${names[@]}"; do
	bin=$build/${t}_fuzz
	log=$build/${t}_fuzz.log
	secs_t=$share
	[ $i -ge $extra ] || secs_t=$((secs_t + 1))
	[ "$secs_t" -ge 1 ] || secs_t=1
	i=$((i + 1))

	if ! wait "${build_pid[$t]}"; then
		sed 's/^/  /' "$build/${t}_fuzz.build.log" >&2
		echo "fuzz: ${t}_fuzz FAILED to build; log: $build/${t}_fuzz.build.log" >&2
		failed=1
		continue
	fi

	mkdir "$work/$t"
	cp "$(corpus "$t")"/* "$work/$t/"

	status=0
	"$bin" -max_total_time="$secs_t" -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$build/${t}_fuzz-" \
		"$work/$t" >"$log" 2>&1 || status=$?

	if [ $status -ne 0 ] ||
		grep -Eq 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|SUMMARY: |property violated' "$log"; then
		tail -n 60 "$log" >&2
		echo "fuzz: ${t}_fuzz FAILED (exit status $status); full log: $log, artifacts in $build/" >&2
		failed=1
		continue
	fi

	runs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9][0-9]*\).*/\1/p' "$log" | tail -n 1)
	secs=$(sed -n 's/^Done [0-9][0-9]* runs in \([0-9][0-9]*\) second.*/\1/p' "$log" | tail -n 1)
	if [ -z "$runs" ]; then
		runs=$(sed -n 's/^Done \([0-9][0-9]*\) runs.*/\1/p' "$log" | tail -n 1)
	fi
	if [ -z "$runs" ]; then
		tail -n 20 "$log" >&2
		echo "fuzz: ${t}_fuzz: could not find the execution count in $log" >&2
		failed=1
		continue
	fi
	echo "fuzz: ${t}_fuzz ran $runs executions in ${secs:-$secs_t} s, no crash"
done
exit $failed
