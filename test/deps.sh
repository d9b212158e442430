#!/usr/bin/env bash
# test/deps.sh installs the Debian packages that building and testing orgacl
# need, when they are missing (clang builds the JIT bitcode PGXS installs
# and the fuzzer).  It is idempotent and quiet when nothing is
# missing.  The sanitizer runtime is optional:
# their absence only skips the fuzzing step.
set -euo pipefail

required=(postgresql-15 postgresql-server-dev-15 postgresql-15-pgtap clang
          libtap-parser-sourcehandler-pgtap-perl)
optional=(libclang-rt-14-dev)

installed() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing_of() {
	local p
	for p in "$@"; do installed "$p" || printf '%s ' "$p"; done
}

need=$(missing_of "${required[@]}")
want=$(missing_of "${optional[@]}")
[ -z "$need$want" ] && exit 0

sudo=
if [ "$(id -u)" != 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		sudo=sudo
	else
		echo "deps: missing packages: $need$want; run this as root" >&2
		[ -z "$need" ] && exit 0
		exit 1
	fi
fi

export DEBIAN_FRONTEND=noninteractive
echo "deps: installing $need$want"
$sudo apt-get update -qq >/dev/null
if [ -n "$need" ]; then
	# shellcheck disable=SC2086
	$sudo apt-get install -y -qq $need >/dev/null
fi
if [ -n "$want" ]; then
	# shellcheck disable=SC2086
	$sudo apt-get install -y -qq $want >/dev/null ||
		echo "deps: could not install $want; fuzzing will be skipped" >&2
fi
