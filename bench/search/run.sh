#!/usr/bin/env bash
# Search at a million posts (issue 18): starts Blogroll (target/blogroll.jar, or JAR) against a
# database of generated posts (bench/search/load.sh) and measures the query set
# (bench/search/queries.tsv) through HTTP with 4 concurrent searchers (bench/search/measure.py):
# p50/p95 per query and the set's median against the targets. Writes
# bench/work/search-summary.tsv (figure, measured, target, met|missed), bench/work/search-latency.tsv
# and bench/search-latency.svg. Talks only to 127.0.0.1; stops what it started.
#
#   bench/search/run.sh                          # against search_bench on 127.0.0.1:19410
#   JAR=/path/to/blogroll.jar ROUNDS=5 bench/search/run.sh
#
# Options (environment): PGHOST/PGPORT (127.0.0.1:19410), DB or SEARCH_DB (search_bench; bench/run.sh passes SEARCH_DB), DB_USER/DB_PASSWORD
# (blogroll/bench), PORT (19420; management PORT + 1), JAR, JAVA_OPTS, CONCURRENCY (4),
# ROUNDS (10 measured rounds over the set, after one warm-up round).
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=${JAR:-target/blogroll.jar}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-19410}
DB=${DB:-${SEARCH_DB:-search_bench}}
DB_USER=${DB_USER:-blogroll}
DB_PASSWORD=${DB_PASSWORD:-bench}
PORT=${PORT:-19420}
JAVA_OPTS=${JAVA_OPTS:-"-Xms192m -Xmx192m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=32m"}
WORK=bench/work
mkdir -p "$WORK"
log() { echo "[search $(date -u +%H:%M:%S)] $*" >&2; }
[[ -f "$JAR" ]] || { echo "no $JAR: build it with ./mvnw -q package -DskipTests" >&2; exit 1; }
APP_PID=""
trap '[[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null; true' EXIT
POSTS=$(PGPASSWORD=$DB_PASSWORD psql -X -qAt -h "$PGHOST" -p "$PGPORT" -U "$DB_USER" -d "$DB" -c "select count(*) from post")
log "starting $JAR on port $PORT against $DB ($POSTS posts)"
MALLOC_ARENA_MAX=2 SERVER_PORT=$PORT MANAGEMENT_SERVER_PORT=$((PORT + 1)) MANAGEMENT_SERVER_ADDRESS=127.0.0.1 \
  SPRING_DATASOURCE_URL=jdbc:postgresql://$PGHOST:$PGPORT/$DB SPRING_DATASOURCE_USERNAME=$DB_USER \
  SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD BLOGROLL_DEMO_DATA=false BLOGROLL_SITE_URL=http://127.0.0.1:$PORT \
  java $JAVA_OPTS -jar "$JAR" > "$WORK/search-blogroll.log" 2>&1 &
APP_PID=$!
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/search"; do
  kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/search-blogroll.log"; exit 1; }
  sleep 0.2
done
log "PostgreSQL settings: $(PGPASSWORD=$DB_PASSWORD psql -X -qAt -h "$PGHOST" -p "$PGPORT" -U "$DB_USER" -d "$DB" -c \
  "select string_agg(name || '=' || current_setting(name), ' ') from pg_settings where name in
   ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'jit', 'max_parallel_workers_per_gather', 'server_version')")"
python3 bench/search/measure.py "http://127.0.0.1:$PORT"
