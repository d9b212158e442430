/* orgacl--1.0--1.1.sql, assembled by the Makefile: this file, then
 * scripts/managers.sql, scripts/login_map.sql and scripts/rls.sql (what
 * 1.1 rewrote or added whole), then upgrade/1.0--1.1.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION orgacl UPDATE TO '1.1'" to load this file. \quit

--
-- 1.0 (issue 3) had the types, the catalog, the decision engine, the
-- directory functions and the presets.  1.1 adds row-level security:
-- protect(), unprotect(), lint(), the policy functions and their planner
-- support, cache_stats() and orgacl.protected_table; and it closes the
-- holes its hardening found (upgrade/1.0--1.1.sql).  The result must be
-- the same extension as a fresh CREATE EXTENSION orgacl VERSION '1.1':
-- test/ops/upgrade.sh compares the two object by object.
--
