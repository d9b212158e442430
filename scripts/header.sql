/* orgacl--1.1.sql, assembled by the Makefile from scripts/ and presets/ */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION orgacl" to load this file. \quit

--
-- Everything below lives in schema orgacl (see orgacl.control).  Objects are
-- schema-qualified, built-ins are pg_catalog-qualified, so the script means
-- the same whatever search_path the installing session has.
--
-- The parts, in order: the orgpath type (scripts/orgpath.sql), the roleset
-- and audience types (scripts/sets.sql), the model catalog and the directory
-- (scripts/catalog.sql), the decision functions (scripts/engine.sql), the
-- directory changes (scripts/directory.sql, managers.sql, login_map.sql), row-level
-- security (scripts/rls.sql), the five presets
-- (presets/*.sql) and the privileges (scripts/finish.sql).
--
