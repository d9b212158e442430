-- test/stress/reader.sql: one reader transaction for pgbench, run as a
-- mapped login (-U stress_reader_K): protected reads, decisions, and a check
-- that within one statement the policy and can_view agree on every row
-- (a disagreement is recorded in stress_mismatch, which must stay empty).
\set s random(1, :npersons)
SELECT count(*) FROM public.stress_review;
SELECT id, cycle, author FROM public.stress_review WHERE subject = :s;
SELECT orgacl.can_view(orgacl.current_viewer(), :s, orgacl.artifact('review'));
SELECT id FROM public.stress_review ORDER BY id LIMIT 50;
INSERT INTO public.stress_mismatch (seen, refused)
SELECT count(*), count(*) FILTER (WHERE NOT orgacl.can_view(orgacl.current_viewer(), subject,
													orgacl.artifact('review', cycle, author)))
FROM public.stress_review
HAVING count(*) FILTER (WHERE NOT orgacl.can_view(orgacl.current_viewer(), subject,
											orgacl.artifact('review', cycle, author))) > 0;
