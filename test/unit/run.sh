#!/usr/bin/env bash
# test/unit/run.sh compiles the plain C unit tests of the pure-C cores
# (test/unit/decide_test.c against src/decide_core.c, src/rls_core.c and
# src/sets_core.c)
# with gcc -Wall -Wextra -Werror into a temporary directory and runs them.
# It needs no server and no PostgreSQL headers, and takes well under a
# second.  Prints the test's own line, "unit: N checks passed", and exits
# non-zero when a check fails or the build does.  CC overrides the compiler.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

cc=${CC:-gcc}
work=$(mktemp -d /tmp/orgacl-unit.XXXXXX)
trap 'rm -rf "$work"' EXIT

if ! "$cc" -std=gnu11 -O1 -g -Wall -Wextra -Werror -I src \
	test/unit/decide_test.c src/decide_core.c src/rls_core.c src/sets_core.c \
	-o "$work/decide_test" 2>"$work/build.log"; then
	sed 's/^/  /' "$work/build.log" >&2
	echo "unit: decide_test FAILED to build" >&2
	exit 1
fi
"$work/decide_test"
