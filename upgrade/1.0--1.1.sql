-- upgrade/1.0--1.1.sql: the changes 1.1 makes to objects that 1.0 already
-- had (appended to scripts/rls.sql in orgacl--1.0--1.1.sql).  Each change
-- here is also made in the scripts/ part that defines the object, so a
-- fresh install and an upgraded one end the same.

-- 1.0's add_manager() accepted a person's primary manager as an additional
-- one, and set_manager() kept the additional link it made primary: drop
-- such links (they granted nothing the primary link does not).
DELETE FROM orgacl.person_manager pm
USING orgacl.person p
WHERE p.id OPERATOR(pg_catalog.=) pm.person AND p.manager OPERATOR(pg_catalog.=) pm.manager;

-- the audit log's policy asks may_read_audit() once per query, not per row
-- (scripts/finish.sql)
ALTER POLICY audit_read ON orgacl.audit_log USING ((SELECT orgacl.may_read_audit()));
