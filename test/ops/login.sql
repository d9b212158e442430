-- test/ops/login.sql: what the connected login reads from the protected
-- tables of test/ops/org.sql and from the audit log, as one line; the same
-- query as the "rows" lines of test/ops/report.sql, which reaches each
-- login through SET SESSION AUTHORIZATION instead of a connection.
SELECT 'rows', session_user, orgacl.current_viewer(),
		   (SELECT count(*) || ':' || md5(coalesce(string_agg("Id"::text, ',' ORDER BY "Id"), '')) FROM "App"."Reviews"),
		   (SELECT count(*) || ':' || md5(coalesce(string_agg("Id"::text, ',' ORDER BY "Id"), '')) FROM "Perf Data"."Feedback 360"),
		   (SELECT count(*) || ':' || md5(coalesce(string_agg(id::text, ',' ORDER BY id), '')) FROM "Perf Data".surveys),
		   (SELECT count(*) FROM "App"."Reviews" WHERE "Subject" BETWEEN 30 AND 90),
		   (SELECT count(*) FROM "App"."Reviews" r JOIN "Perf Data"."Feedback 360" f ON f."About" = r."Subject" WHERE r."Cycle" = 502),
		   (SELECT count(*) FROM orgacl.audit_log);
