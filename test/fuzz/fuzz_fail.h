/*
 * test/fuzz/fuzz_fail.h: how a harness reports a violated property.
 *
 * fuzz_fail(what, line) prints the property and the harness's file and line
 * on stderr and traps, which libFuzzer records as a crash (run.sh also
 * greps for "property violated").
 */
#ifndef ORGACL_FUZZ_FAIL_H
#define ORGACL_FUZZ_FAIL_H

#include <stdio.h>

static void __attribute__((noreturn))
fuzz_fail_at(const char *file, int line, const char *what)
{
	fprintf(stderr, "fuzz: property violated at %s:%d: %s\n", file, line, what);
	__builtin_trap();
}

#define fuzz_fail(what, line) fuzz_fail_at(__FILE__, (line), (what))

#endif							/* ORGACL_FUZZ_FAIL_H */
