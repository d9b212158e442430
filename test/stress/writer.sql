-- test/stress/writer.sql: one random directory change for pgbench, run as a
-- superuser; public.stress_write (setup.sql) records expected refusals and
-- raises anything else, which aborts the client and fails the run.
\set op random(1, 16)
\set p random(2, :npersons)
\set q random(1, :npersons)
\set small random(1, 5)
\set g random(1, 10)
\set r random(1, 3)
\set c random(1, 5)
SELECT public.stress_write(:op, :p, :q, :small, :g, :r, :c);
