#!/usr/bin/env bash
# test/diff/run.sh: the randomized differential test of SPEC section 8.
#
# For each of the five presets it builds a random organisation through
# orgacl's directory functions (trees up to 8 deep, dense or sparse ids,
# additional managers, groups of every kind with leads, scoped and global
# grants, options, cycles with random or default audiences, deactivated
# persons), then, in several batches separated by random reorganisations
# (moves, revocations, deactivations, reactivations, ...):
#   - draws random (viewer, action, subject, artifact) questions, unknown
#     ids, unknown and other-kind cycles, authors and shared_with arrays
#     included, and compares orgacl.can() with orgacl_ref.can(), the
#     plain-SQL reference of SPEC section 3 in test/diff/reference.sql;
#   - fills three protect()ed tables with random rows, maps logins to random
#     persons (one deactivated, one unmapped), sets orgacl.viewer for a
#     pooled application role, and checks that SELECT, UPDATE ... RETURNING
#     and DELETE ... RETURNING, run as each (SET SESSION AUTHORIZATION, SET
#     ROLE), reach exactly the rows the reference allows;
#   - runs test/invariants.sql, which must return no rows.
# On any mismatch it prints the question, both answers and orgacl.explain(),
# and exits non-zero.
#
# Run it against a cluster (PGHOST etc. set), e.g. a throw-away one:
#
#   test/cluster.sh run test/diff/run.sh                  # DRAWS=10000
#   DRAWS=100000 test/cluster.sh run test/diff/run.sh     # the long run
#   SEED=123456 test/cluster.sh run test/diff/run.sh      # replay a run
#
# Environment: DRAWS (total over the presets, default 10000), SEED (default
# random; printed), PRESETS (default all five), BATCHES (per preset, default
# 8, or DRAWS / 4000 when more), PERSONS (about how many per organisation,
# default random per preset in 30 .. 150), ROWS (per
# protected table and batch, default 60), DIFF_PRIMARY_AS_ADDITIONAL
# (default 1: also try to make primary managers additional ones, which
# add_manager must refuse and set_manager must undo; 0 avoids it).
# It creates and drops the databases orgacl_diff_<preset> and the roles
# orgacl_diff_login_1 .. 5 and orgacl_diff_app.
set -euo pipefail
cd "$(dirname "$0")/../.."

DRAWS=${DRAWS:-10000}
SEED=${SEED:-$(( (RANDOM << 16 | RANDOM) % 2000000000 ))}
PRESETS=${PRESETS:-tri_role app_suite module_admin dual_track business_partner}
BATCHES=${BATCHES:-$(( DRAWS / 4000 > 8 ? DRAWS / 4000 : 8 ))}
PERSONS=${PERSONS:-}
ROWS=${ROWS:-60}
PRIMARY_AS_ADDITIONAL=${DIFF_PRIMARY_AS_ADDITIONAL:-1}
LOGINS=5
roles="orgacl_diff_app $(printf 'orgacl_diff_login_%s ' $(seq 1 $LOGINS))"

read -r -a presets <<<"$PRESETS"
per_batch=$(( (DRAWS + ${#presets[@]} * BATCHES - 1) / (${#presets[@]} * BATCHES) ))
work=$(mktemp -d /tmp/orgacl-diff.XXXXXX)
chmod 755 "$work"

# no JIT: the plans that enable_seqscan = off makes look expensive would
# compile for longer than they run
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning -c jit=off"

psql_admin() {
	psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"
}

# say SQL: a query whose rows the script prints (the rest goes to /dev/null)
say() {
	printf '\\o\n%s\n\\o /dev/null\n' "$1"
}

cleanup() {
	for p in "${presets[@]}"; do
		psql_admin -c "DROP DATABASE IF EXISTS orgacl_diff_$p" >/dev/null 2>&1 || true
	done
	for r in $roles; do
		psql_admin -c "DROP ROLE IF EXISTS $r" >/dev/null 2>&1 || true
	done
	rm -rf "$work"
}
trap cleanup EXIT

echo "diff: SEED=$SEED DRAWS=$DRAWS ($per_batch per batch, $BATCHES batches per preset)" \
	"PERSONS=${PERSONS:-random} ROWS=$ROWS"

for r in $roles; do
	psql_admin -c "DROP ROLE IF EXISTS $r" -c "CREATE ROLE $r $( [ $r = orgacl_diff_app ] && echo NOLOGIN || echo LOGIN )" >/dev/null
done

# the setting that runs every query in a parallel worker (renamed in 16)
parallel_guc=$(psql_admin -At -c "SELECT CASE WHEN current_setting('server_version_num')::int >= 160000
	THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END")

# script PRESET INDEX writes the psql script of one preset
script() {
	local preset=$1 index=$2 b l t
	cat <<EOF
\\pset tuples_only on
\\pset format unaligned
\\o /dev/null
CREATE EXTENSION orgacl;
SELECT orgacl.use_model('$preset');
\\i test/diff/reference.sql
\\i test/diff/gen.sql
SET orgacl_diff.primary_as_additional = '$PRIMARY_AS_ADDITIONAL';
INSERT INTO orgacl_diff.login SELECT 'orgacl_diff_login_' || i, 'login', NULL FROM generate_series(1, $LOGINS) i;
INSERT INTO orgacl_diff.login VALUES ('orgacl_diff_app', 'viewer', NULL);
SELECT setseed(((($SEED::bigint + $index * 7919) % 2000000000) / 2000000000.0)::float8);
SELECT coalesce(nullif('$PERSONS', '')::int, orgacl_diff.between(30, 150)) AS persons \\gset
SELECT orgacl_diff.build(:persons);
SELECT orgacl_diff.make_tables();
EOF
	for b in $(seq 1 "$BATCHES"); do
		# the reorganisation compares a few draws itself, inside its transaction
		[ "$b" -gt 1 ] && echo "SELECT orgacl_diff.reorganise(:persons, $b);"
		echo "SELECT orgacl_diff.draw($b, greatest(0, $per_batch - (SELECT count(*) FROM orgacl_diff.draw WHERE batch = $b))::int);"
		echo "SELECT orgacl_diff.compare($b);"
		say "SELECT 'batch $b: ' || count(*) FILTER (WHERE engine IS DISTINCT FROM ref) || ' mismatches of ' || count(*) || ' draws' FROM orgacl_diff.draw WHERE batch = $b;"
		echo "SELECT orgacl_diff.fill_tables($b, $ROWS);"

		for l in $(seq 0 $LOGINS); do
			if [ "$l" -eq 0 ]; then
				# the pooled application role, its viewer set by the superuser
				who=orgacl_diff_app
				echo "SELECT set_config('orgacl.viewer', coalesce((SELECT person::text FROM orgacl_diff.login WHERE login = '$who'), ''), false);"
				echo "SET ROLE $who;"
			else
				who=orgacl_diff_login_$l
				echo "SET SESSION AUTHORIZATION $who;"
			fi
			# every other identity reads through the subject index where it can,
			# and every other one runs its SELECTs in a parallel worker
			[ $((l % 2)) -eq 1 ] && echo "SET enable_seqscan = off;"
			[ $(((l + b) % 2)) -eq 0 ] && echo "SELECT set_config('$parallel_guc', 'on', false);"
			for t in t_full t_noaud t_cycle; do
				cat <<EOF
SELECT coalesce(array_agg(id), '{}') AS seen FROM app.$t \\gset
INSERT INTO orgacl_diff.rls_seen SELECT '$who', 'app.$t', 'select', unnest(:'seen'::int[]);
WITH u AS (UPDATE app.$t SET id = id RETURNING id) INSERT INTO orgacl_diff.rls_seen SELECT '$who', 'app.$t', 'update', id FROM u;
WITH d AS (DELETE FROM app.$t RETURNING id) INSERT INTO orgacl_diff.rls_seen SELECT '$who', 'app.$t', 'delete', id FROM d;
EOF
			done
			echo "RESET enable_seqscan;"
			echo "SELECT set_config('$parallel_guc', 'off', false);"
			if [ "$l" -eq 0 ]; then
				echo "RESET ROLE;"
				echo "RESET orgacl.viewer;"
			else
				echo "RESET SESSION AUTHORIZATION;"
			fi
			echo "SELECT orgacl_diff.restore_tables();"
		done
		say "SELECT 'batch $b: ' || orgacl_diff.check_rls($b) || ' rls mismatches';"
		cat <<EOF
\\o $work/$preset.invariants.$b
\\i test/invariants.sql
\\o /dev/null
EOF
	done
	say "SELECT orgacl_diff.report(10);"
	say "SELECT 'decided by step (reference; + allow, - deny): ' || string_agg(step || CASE WHEN ref THEN '+' ELSE '-' END || ' ' || n, ', ' ORDER BY step, ref) FROM (SELECT step, ref, count(*) n FROM orgacl_diff.draw GROUP BY 1, 2) s;"
	say "SELECT 'rls: ' || (SELECT n FROM orgacl_diff.tally WHERE what = 'rls_allowed') || ' rows reached of ' || (SELECT n FROM orgacl_diff.tally WHERE what = 'rls') || ' (' || (SELECT string_agg(substr(what, 25) || ' ' || n, ', ' ORDER BY what) FROM orgacl_diff.tally WHERE what LIKE 'rls_allowed %') || '), tables ' || (SELECT string_agg(tbl || ' ' || kind, ', ' ORDER BY tbl) FROM orgacl_diff.rls_table);"
	say "SELECT 'refused: ' || op || ' ' || sqlstate || ' x' || n || CASE WHEN NOT orgacl_diff.expected_refusal(sqlstate) THEN ' UNEXPECTED: ' || message ELSE '' END FROM orgacl_diff.refusal ORDER BY op, sqlstate;"
	cat <<EOF
\\o $work/$preset.result
SELECT format('%s %s %s %s %s %s %s',
	(SELECT count(*) FROM orgacl_diff.draw),
	(SELECT count(*) FROM orgacl_diff.draw WHERE engine IS DISTINCT FROM ref),
	(SELECT n FROM orgacl_diff.tally WHERE what = 'rls'),
	(SELECT count(*) FROM orgacl_diff.rls_bad),
	(SELECT count(*) FROM orgacl_diff.refusal WHERE NOT orgacl_diff.expected_refusal(sqlstate)),
	(SELECT count(*) FROM orgacl_diff.draw WHERE engine),
	:persons);
\\o
EOF
}

total_draws=0
total_bad=0
total_rls=0
total_rls_bad=0
failed=0
summary=()
index=0
for preset in "${presets[@]}"; do
	index=$((index + 1))
	db=orgacl_diff_$preset
	start=$(date +%s%N)
	echo "== $preset"
	psql_admin -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
	if ! script "$preset" "$index" | psql -X -q -v ON_ERROR_STOP=1 -d "$db" 2>&1 | sed 's/^/   /'; then
		echo "diff: $preset: the driver failed (SEED=$SEED)" >&2
		failed=1
		continue
	fi
	read -r draws bad rls rls_bad unexpected allowed persons <"$work/$preset.result"
	inv=0
	for f in "$work/$preset".invariants.*; do
		if [ -s "$f" ]; then
			echo "   invariant violated after batch ${f##*.}:"
			sed 's/^/     /' "$f"
			inv=$((inv + $(wc -l <"$f")))
		fi
	done
	secs=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
	line=$(printf '%-17s %3s persons %7s draws (%5s allowed) %3s mismatches %7s rls comparisons %3s mismatches %s invariant violations %s unexpected refusals %6s s' \
		"$preset" "$persons" "$draws" "$allowed" "$bad" "$rls" "$rls_bad" "$inv" "$unexpected" "$secs")
	summary+=("$line")
	total_draws=$((total_draws + draws))
	total_bad=$((total_bad + bad))
	total_rls=$((total_rls + rls))
	total_rls_bad=$((total_rls_bad + rls_bad))
	if [ "$bad" -ne 0 ] || [ "$rls_bad" -ne 0 ] || [ "$inv" -ne 0 ] || [ "$unexpected" -ne 0 ]; then
		failed=1
	fi
	psql_admin -c "DROP DATABASE IF EXISTS $db"
done

echo "== summary (SEED=$SEED)"
printf '%s\n' "${summary[@]}"
echo "total: $total_draws draws compared, $total_bad mismatches; $total_rls rls comparisons, $total_rls_bad mismatches"
if [ $failed -ne 0 ]; then
	echo "diff: FAILED (replay with SEED=$SEED DRAWS=$DRAWS)" >&2
	exit 1
fi
echo "diff: ok"
