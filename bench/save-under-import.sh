#!/usr/bin/env bash
# An editor's saves while a big import runs: how long does "Save" take?
#
# Starts Blogroll on a fresh database (the demo site), signs an editor in, starts
# `java -jar blogroll.jar --import=` of POSTS generated posts (bench/generate_posts.py, about
# 1.03 × POSTS lines) and, for as long as the import runs, saves every INTERVAL seconds through
# the admin's forms, taking turns:
#
#   edit     the edit form of one post: its body changed (the listing counts do not change)
#   publish  a new published post dated now, with a tag nobody used before (counts change)
#
# Each save is timed from the POST to its 302 (curl's time_total). With WRITERS=N, N pgbench
# writers (ops/pgbench/) run beside the import. Prints p50, p99 and the slowest save of each
# kind, the saves that did not answer 302, and the import's own summary.
# Needs root (the ops/ PostgreSQL cluster), python3, and pgbench for WRITERS. Only 127.0.0.1.
#
#   bench/save-under-import.sh                                  # this branch's jar
#   JAR=/path/to/other/blogroll.jar bench/save-under-import.sh  # another build, for before/after
#   POSTS=1000000 INTERVAL=0.25 WRITERS=0 PORT=18240            # the defaults

source "$(dirname "$0")/../ops/lib.sh"
POSTS=${POSTS:-1000000}
INTERVAL=${INTERVAL:-0.25}
WRITERS=${WRITERS:-0}
PORT=${PORT:-18240}
BASE="http://127.0.0.1:$PORT"
DATA=$ROOT/bench/work/posts-$POSTS.ndjson

build_jar
if [ ! -f "$DATA" ]; then
	mkdir -p "$ROOT/bench/work"
	echo "generating $POSTS posts into $DATA"
	python3 "$ROOT/bench/generate_posts.py" "$POSTS" >"$DATA.tmp" && mv "$DATA.tmp" "$DATA"
fi
fresh_database
start_instance app "$PORT"
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGDATABASE=$DB_NAME PGUSER=$DB_USER PGPASSWORD=$DB_PASSWORD

sign_in "$BASE" "$WORK/cookies" >/dev/null
csrf=$(csrf_from "$BASE" "$WORK/cookies" /admin/posts/new)
category=$(first_category "$BASE" "$WORK/cookies")
author=$(psql -XAtq -c "select min(id) from author")
post() { # post PATH FIELD=VALUE...: prints "status seconds"
	local path=$1
	shift
	local args=(--data-urlencode "_csrf=$csrf" --data-urlencode "categoryId=$category" --data-urlencode "authorId=$author"
		--data-urlencode "newAuthor=" --data-urlencode "status=PUBLISHED" --data-urlencode "excerpt=" --data-urlencode "imageUrl="
		--data-urlencode "imageAlt=" --data-urlencode "sourceUrl=")
	for field in "$@"; do args+=(--data-urlencode "$field"); done
	curl -s -o /dev/null -b "$WORK/cookies" -H 'Accept: text/html' --max-time 120 -w '%{http_code} %{time_total}' \
		"${args[@]}" "$BASE$path"
}
post /admin/posts/new "title=The post the editor keeps editing" "slug=bench-edited" "publishedAt=2024-05-06T07:08" \
	"tags=Bench" "body=First version." "version=0" >/dev/null
edited=$(psql -XAtq -c "select id from post where slug = 'bench-edited'")

PG_LOG=/var/log/postgresql/postgresql-15-$PG_CLUSTER.log
PG_LOG_START=$(wc -l <"$PG_LOG" 2>/dev/null || echo 0)
echo "importing $(wc -l <"$DATA") lines while an editor saves every ${INTERVAL}s$([ "$WRITERS" -gt 0 ] && echo ", beside $WRITERS pgbench writers")"
if [ "$WRITERS" -gt 0 ]; then
	OPS=$ROOT/ops
	pgbench -n -c "$WRITERS" -j 2 -T 3600 --max-tries=20 \
		-f "$OPS/pgbench/insert.sql@6" -f "$OPS/pgbench/delete.sql@2" -f "$OPS/pgbench/move.sql@2" \
		-f "$OPS/pgbench/redate.sql@3" -f "$OPS/pgbench/toggle.sql@2" -f "$OPS/pgbench/savepoint.sql@1" \
		-f "$OPS/pgbench/serializable.sql@1" -f "$OPS/pgbench/tagged.sql@2" >"$WORK/pgbench.log" 2>&1 &
	PIDS+=($!)
fi
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB_NAME" SPRING_DATASOURCE_USERNAME=$DB_USER \
SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD BLOGROLL_DEMO_DATA=false \
	java -Xmx512m -XX:+UseSerialGC -jar "$JAR" --import="$DATA" --create-categories >"$WORK/import.log" 2>&1 &
IMPORT=$!
PIDS+=($IMPORT)
# what Blogroll's own connections (not the import's) are waiting for, ten times a second
(
	while kill -0 $IMPORT 2>/dev/null; do
		psql -XAtq -F ' ' -c "select coalesce(a.wait_event_type, 'CPU'), coalesce(a.wait_event, '-'),
		                             coalesce((select l.relation::regclass::text from pg_locks l
		                                       where l.pid = a.pid and not l.granted and l.relation is not null limit 1),
		                                      (select l.locktype from pg_locks l where l.pid = a.pid and not l.granted limit 1), '-')
		                      from pg_stat_activity a
		                      where a.application_name = 'blogroll-app' and a.state = 'active' and a.pid <> pg_backend_pid()" \
			>>"$WORK/waits" 2>/dev/null || true
		sleep 0.1
	done
) &
PIDS+=($!)
started=$(date +%s)
n=0
while kill -0 $IMPORT 2>/dev/null; do
	n=$((n + 1))
	if [ $((n % 2)) = 1 ]; then
		version=$(curl -s -b "$WORK/cookies" "$BASE/admin/posts/$edited/edit" | grep -o 'name="version" value="[0-9]*"' | grep -o '[0-9]*')
		result=$(post "/admin/posts/$edited/edit" "title=The post the editor keeps editing" "slug=bench-edited" \
			"publishedAt=2024-05-06T07:08" "tags=Bench" "body=Version $n, saved during the import." "version=$version")
		echo "edit $result" >>"$WORK/saves"
	else
		result=$(post /admin/posts/new "title=Published during the import $n" "slug=" "publishedAt=$(date -u +%Y-%m-%dT%H:%M)" \
			"tags=Bench new tag $n" "body=A new post." "version=0")
		echo "publish $result" >>"$WORK/saves"
	fi
	sleep "$INTERVAL"
done
wait $IMPORT || echo "the import exited with status $?"
took=$(( $(date +%s) - started ))

echo
grep '^Imported ' "$WORK/import.log" | tail -1 || tail -5 "$WORK/import.log"
echo "the import took ${took}s with the saves going on"
python3 - "$WORK/saves" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1])]
print(f"{'kind':8} {'saves':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'not 302':>8}")
for kind in ("edit", "publish"):
    times = sorted(float(r[2]) * 1000 for r in rows if r[0] == kind)
    bad = sum(1 for r in rows if r[0] == kind and r[1] != "302")
    if not times:
        continue
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    print(f"{kind:8} {len(times):6d} {pick(0.50):8.0f} {pick(0.99):8.0f} {times[-1]:8.0f} {bad:8d}")
PY
echo "Blogroll's connections busy in a save or a page, sampled every 0.1 s during the import: $(wc -l <"$WORK/waits") samples"
awk '{ what = ($1 == "Lock") ? "waiting for a lock on " $3 : ($1 == "CPU") ? "running" : "waiting for " $1 " (" $2 ")"; n[what]++ }
	END { for (w in n) printf "  %5d  %s\n", n[w], w }' "$WORK/waits" | sort -rn | head -8
if [ "$WRITERS" -gt 0 ]; then echo "pgbench writers were still running at the end (stopped with the script)"; fi
echo "stack traces in Blogroll's log: $(grep -c '^\s*at ' "$WORK/app.log" || true); deadlocks in PostgreSQL's log: $(tail -n +$((PG_LOG_START + 1)) "$PG_LOG" | grep -c 'deadlock detected' || true)"
