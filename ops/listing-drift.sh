#!/usr/bin/env bash
# Hammers the listing counts and checks they never drift: Blogroll on a fresh database with
# POSTS generated posts, then RUNS rounds of CLIENTS pgbench writers for DURATION seconds
# (inserts, deletes, moves between categories, re-dating across day and month edges,
# publish/unpublish, rollbacks, savepoints, serializable and multi-statement transactions:
# ops/pgbench/) beside IMPORTS concurrent imports of IMPORT_POSTS new posts each. After each
# round it compares every listing_count row with count(*) of the posts it counts (the drift,
# which must be 0) and walks every page of 8 listings over HTTP, comparing each page's cards
# with the OFFSET query for that page (ops/walk_listings.py). Prints pgbench's transactions
# and retried failures, the imports' summaries, the drift and the walk per round.
# Needs root (pg_createcluster, runuser), pgbench and python3. Only 127.0.0.1; bounded: about
# RUNS x (DURATION + 2 minutes) after the first import.
#
#   ops/listing-drift.sh      # RUNS=1 DURATION=60 CLIENTS=12 IMPORTS=3 POSTS=20000 IMPORT_POSTS=10000 PORT=18210
#   RUNS=3 DURATION=180 ops/listing-drift.sh   # the figures in the README

source "$(dirname "$0")/lib.sh"
RUNS=${RUNS:-1}
DURATION=${DURATION:-60}
CLIENTS=${CLIENTS:-12}
IMPORTS=${IMPORTS:-3}
POSTS=${POSTS:-20000}
IMPORT_POSTS=${IMPORT_POSTS:-10000}
PORT=${PORT:-18210}
BASE="http://127.0.0.1:$PORT"
OPS=$(cd "$(dirname "$0")" && pwd)

build_jar
fresh_database
start_instance app "$PORT"
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGDATABASE=$DB_NAME PGUSER=$DB_USER PGPASSWORD=$DB_PASSWORD

import_file() { # import_file FILE LOG: the CLI import, as an operator runs it
	SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB_NAME" SPRING_DATASOURCE_USERNAME=$DB_USER \
	SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD BLOGROLL_DEMO_DATA=false \
		java -Xmx512m -jar "$JAR" --import="$1" >"$2" 2>&1
}

echo "generating $POSTS posts and importing them"
python3 "$ROOT/bench/generate_posts.py" "$POSTS" >"$WORK/base.ndjson"
import_file "$WORK/base.ndjson" "$WORK/import-base.log" || { tail -20 "$WORK/import-base.log"; exit 1; }
grep -o 'Imported .*' "$WORK/import-base.log"
python3 "$ROOT/bench/generate_posts.py" "$IMPORT_POSTS" >"$WORK/extra.ndjson"

# Every listing_count row against the posts it counts; rows on either side only count too.
DRIFT="with actual as (
    select l.kind, l.listing_id, u.unit,
           date_trunc(u.unit, p.published_at at time zone 'UTC') at time zone 'UTC' as starts_at, count(*)::int as posts
    from post p
    cross join lateral (values ('all', 0::bigint), ('category', p.category_id)) as l (kind, listing_id)
    cross join (values ('month'), ('day')) as u (unit)
    where p.status = 'PUBLISHED'
    group by 1, 2, 3, 4),
kept as (select kind, listing_id, unit, starts_at, posts from listing_count where posts <> 0)
select (select count(*) from (select * from actual except select * from kept) a)
     + (select count(*) from (select * from kept except select * from actual) k)"
AUTHOR=$(psql -XAtq -c "select a.slug from author a join post p on p.author_id = a.id group by a.slug order by count(*) desc limit 1")
LISTINGS=(/blog /blog/engineering /blog/release-notes /blog/culture /blog/open-source /blog/security /blog/tag/kubernetes "/blog/author/$AUTHOR")

PG_LOG=/var/log/postgresql/postgresql-15-$PG_CLUSTER.log
PG_LOG_START=$(wc -l <"$PG_LOG" 2>/dev/null || echo 0)
FAILED=0
for run in $(seq "$RUNS"); do
	echo
	echo "== round $run of $RUNS: $CLIENTS pgbench writers for ${DURATION}s beside $IMPORTS imports of $IMPORT_POSTS posts =="
	pids=()
	for n in $(seq "$IMPORTS"); do
		# new slugs each round, so every import writes
		sed "s/\"slug\":\"p/\"slug\":\"r${run}i${n}-p/" "$WORK/extra.ndjson" >"$WORK/extra-$run-$n.ndjson"
		import_file "$WORK/extra-$run-$n.ndjson" "$WORK/import-$run-$n.log" &
		pids+=($!)
		PIDS+=($!)
	done
	pgbench -n -c "$CLIENTS" -j 2 -T "$DURATION" --max-tries=20 --failures-detailed \
		-f "$OPS/pgbench/insert.sql@6" -f "$OPS/pgbench/delete.sql@2" -f "$OPS/pgbench/move.sql@2" \
		-f "$OPS/pgbench/redate.sql@3" -f "$OPS/pgbench/toggle.sql@2" -f "$OPS/pgbench/rollback.sql@1" \
		-f "$OPS/pgbench/savepoint.sql@1" -f "$OPS/pgbench/serializable.sql@1" -f "$OPS/pgbench/tagged.sql@2" \
		>"$WORK/pgbench-$run.log" 2>&1 || { echo "pgbench failed:"; tail -20 "$WORK/pgbench-$run.log"; FAILED=1; }
	grep -E '^number of (transactions actually processed|failed transactions)|^number of transactions retried|^total number of retries|^  number of (serialization|deadlock) failures|^tps' "$WORK/pgbench-$run.log" | sed 's/^/pgbench: /'
	for n in $(seq "$IMPORTS"); do
		wait "${pids[$((n - 1))]}" || { echo "import $n failed:"; tail -20 "$WORK/import-$run-$n.log"; FAILED=1; }
		echo "import $n: $(grep -o 'Imported .*' "$WORK/import-$run-$n.log" | sed "s|$WORK/||")"
	done
	drift=$(psql -XAtq -c "$DRIFT")
	echo "listing_count rows that differ from count(*): $drift"
	[ "$drift" = 0 ] || FAILED=1
	python3 "$OPS/walk_listings.py" "$BASE" "${LISTINGS[@]}" || FAILED=1
done
echo
echo "unhandled exceptions in Blogroll's log: $(grep -c 'threw exception\|Exception Processing' "$WORK/app.log" || true)"
echo "deadlocks in PostgreSQL's log during the run: $(tail -n +$((PG_LOG_START + 1)) "$PG_LOG" | grep -c 'deadlock detected' || true) (retried by pgbench --max-tries and the importer)"
[ "$FAILED" = 0 ]
