# orgacl — HR performance-management access rules inside PostgreSQL
#
#   make demo    install what is missing, build, start a throw-away cluster,
#                show a sample company, stop the cluster
#   make test    the same, then every pg_regress, isolation and pgTAP suite
#                and a short fuzzing run; non-zero on any failure
#   make bench   benchmarks (not tests): ratios against references
#   make fuzz    libFuzzer on the pure-C cores (FUZZ_SECONDS, default 60)
#   make stress  the long hardening runs: 100,000 differential draws,
#                5 minutes of pgbench churn and of SQL fuzzing, 15 of libFuzzer
#   make memcheck  the pg_regress and isolation suites on a server under
#                Valgrind; non-zero on any error report
#
# The usual PGXS targets (all, install, installcheck, clean) work as well,
# against whatever server PGHOST/PGPORT point at.

EXTENSION = orgacl
EXTVERSION = 1.1
MODULE_big = orgacl
OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))
# The install script is assembled from its parts, in this order (see
# scripts/header.sql); presets are readable data files, one per preset.
PRESETS = tri_role app_suite module_admin dual_track business_partner
SCRIPT_PARTS = scripts/header.sql scripts/orgpath.sql scripts/sets.sql \
	scripts/catalog.sql scripts/engine.sql scripts/directory.sql \
	scripts/managers.sql scripts/login_map.sql scripts/rls.sql \
	$(patsubst %,presets/%.sql,$(PRESETS)) scripts/finish.sql
# The released 1.0 script is kept as shipped (upgrade/orgacl--1.0.sql); the
# 1.0 -> 1.1 upgrade is assembled like the install script: its head, the
# parts 1.1 added or rewrote whole, and the other changes to 1.0 objects.
UPGRADE_1_1_PARTS = upgrade/1.0--1.1-head.sql \
	scripts/managers.sql scripts/login_map.sql scripts/rls.sql upgrade/1.0--1.1.sql
DATA = upgrade/orgacl--1.0.sql
DATA_built = orgacl--$(EXTVERSION).sql orgacl--1.0--1.1.sql
PGFILEDESC = "orgacl - HR access rules inside PostgreSQL"

# pg_regress suites, one topic per file, in dependency order
REGRESS = extension \
	orgpath_io \
	orgpath_ops \
	orgpath_funcs \
	orgpath_index \
	roleset \
	audience \
	decide \
	directory \
	viewer \
	rls_plans
REGRESS_OPTS = --load-extension=$(EXTENSION)
# isolation specs (specs/*.spec): invariants and caches under concurrency
ISOLATION = last_super \
	rls_coherence \
	cache_coherence \
	reorg_reads \
	grant_race \
	protect_race
ISOLATION_OPTS = --load-extension=$(EXTENSION)
EXTRA_CLEAN = test/fuzz/build test/memcheck/logs

PG_CONFIG ?= pg_config
export PG_CONFIG

# The bootstrap targets below must work before the server headers are
# installed, so PGXS is included only once it exists.
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
ifneq ($(wildcard $(PGXS)),)
include $(PGXS)
endif

FUZZ_SECONDS ?= 60

.PHONY: deps test demo bench fuzz stress memcheck

# every object depends on every header: small enough to rebuild it all
$(OBJS): $(wildcard src/*.h)

orgacl--$(EXTVERSION).sql: $(SCRIPT_PARTS)
	cat $(SCRIPT_PARTS) > $@

orgacl--1.0--1.1.sql: $(UPGRADE_1_1_PARTS)
	cat $(UPGRADE_1_1_PARTS) > $@

deps:
	@test/deps.sh

test:
	@test/run-tests.sh

demo:
	@test/demo.sh

bench:
	@test/bench/run.sh

fuzz:
	@FUZZ_SECONDS=$(FUZZ_SECONDS) test/fuzz/run.sh

stress:
	@test/run-stress.sh

memcheck:
	@test/memcheck/run.sh
