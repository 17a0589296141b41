#!/usr/bin/env bash
# Search at a million posts (issue 18): starts Blogroll (target/blogroll.jar, or JAR) against a
# database of generated posts (bench/search/load.sh) and measures the query set
# (bench/search/queries.tsv) through HTTP with 4 concurrent searchers (bench/search/measure.py):
# p50/p95 per query and the set's median against the targets. Writes
# bench/work/search-summary.tsv (figure, measured, target, met|missed), bench/work/search-latency.tsv
# and bench/search-latency.svg. Talks only to 127.0.0.1; stops what it started.
#
# ENGINE=lucene (the default here) measures the Lucene engine: its index lives in
# bench/work/search-index-$DB and is kept between runs (the first run builds it from the database
# and prints how long that took; later runs catch up with what changed). ENGINE=postgresql
# measures PostgreSQL's full-text search, the site's default engine. Either way the summary gets a
# row for Blogroll's highest RSS during the query set (sampled every 0.5 s).
#
#   bench/search/run.sh                          # against search_bench on 127.0.0.1:19410
#   JAR=/path/to/blogroll.jar ROUNDS=5 bench/search/run.sh
#
# Options (environment): ENGINE (lucene), INDEX (bench/work/search-index-$DB), PGHOST/PGPORT (127.0.0.1:19410), DB or SEARCH_DB (search_bench; bench/run.sh passes SEARCH_DB), DB_USER/DB_PASSWORD
# (blogroll/bench), PORT (19420; management PORT + 1), JAR, JAVA_OPTS, CONCURRENCY (4),
# ROUNDS (10 measured rounds over the set), WARMUP (10 uncounted rounds before them).
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=${JAR:-target/blogroll.jar}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-19410}
DB=${DB:-${SEARCH_DB:-search_bench}}
DB_USER=${DB_USER:-blogroll}
DB_PASSWORD=${DB_PASSWORD:-bench}
PORT=${PORT:-19420}
source bench/jvm-options.sh
JAVA_OPTS=${JAVA_OPTS:-$BLOGROLL_JAVA_OPTS}
ENGINE=${ENGINE:-lucene}
WORK=bench/work
INDEX=${INDEX:-$PWD/$WORK/search-index-$DB}
mkdir -p "$WORK"
log() { echo "[search $(date -u +%H:%M:%S)] $*" >&2; }
[[ -f "$JAR" ]] || { echo "no $JAR: build it with ./mvnw -q package -DskipTests" >&2; exit 1; }
APP_PID=""
# (under set -e a failing last command of an && list ends the script: the trap's wait for the
# stopped JVM made every run exit with 143)
trap 'if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi' EXIT
POSTS=$(PGPASSWORD=$DB_PASSWORD psql -X -qAt -h "$PGHOST" -p "$PGPORT" -U "$DB_USER" -d "$DB" -c "select count(*) from post")
NEW_INDEX=
[[ $ENGINE == lucene && -z $(ls "$INDEX"/segments_* 2>/dev/null) ]] && NEW_INDEX=1
log "starting $JAR on port $PORT against $DB ($POSTS posts), search engine $ENGINE"
BLOGROLL_SEARCH_ENGINE=$ENGINE BLOGROLL_SEARCH_INDEX=$INDEX MALLOC_ARENA_MAX=2 SERVER_PORT=$PORT MANAGEMENT_SERVER_PORT=$((PORT + 1)) MANAGEMENT_SERVER_ADDRESS=127.0.0.1 \
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
if [[ $ENGINE == lucene ]]; then
  # a new index is built in the background after start-up (the log shows its progress); searches
  # are PostgreSQL's until it is ready, so the measurement waits for it
  if [[ -n $NEW_INDEX ]] || grep -q "will be built again" "$WORK/search-blogroll.log"; then
    until grep -q -e "Search index ready" -e "Could not build the search index" "$WORK/search-blogroll.log"; do
      kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/search-blogroll.log"; exit 1; }
      sleep 5
      log "$(grep 'Search index:' "$WORK/search-blogroll.log" | tail -1 | sed 's/.*LuceneIndex *: //')"
    done
  fi
  grep -q "Could not build the search index" "$WORK/search-blogroll.log" && { grep "Could not build" "$WORK/search-blogroll.log"; exit 1; }
  # a built index (or one opened with many segments) is merged in the background: measured after
  sleep 2
  if grep -q "Merging the search index" "$WORK/search-blogroll.log"; then
    log "$(grep 'Merging the search index' "$WORK/search-blogroll.log" | tail -1 | sed 's/.*LuceneIndex *: //'); waiting for it"
    until grep -q -e "Search index merged" -e "Could not merge the search index" "$WORK/search-blogroll.log"; do
      kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/search-blogroll.log"; exit 1; }
      sleep 5
    done
    log "$(grep -e 'Search index merged' -e 'Could not merge' "$WORK/search-blogroll.log" | tail -1 | sed 's/.*LuceneIndex *: //')"
  fi
  built=$(grep "Search index ready" "$WORK/search-blogroll.log" | sed 's/.*LuceneIndex *: //' || true)
  log "Lucene index in $INDEX: $(du -sh "$INDEX" | cut -f1)${built:+; $built}"
fi
RSS_MAX=0
( while kill -0 "$APP_PID" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status"; sleep 0.5; done ) > "$WORK/search-rss.txt" 2>/dev/null &
SAMPLER=$!
# CPU of Blogroll's JVM and of PostgreSQL's backends (its pool's connections) across the measured
# rounds (measure.py reads them after its warm-up): the postmaster listening on PGPORT, when it
# runs on this machine, and its children
PG_MAIN=$(ss -ltnpH "sport = :$PGPORT" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
PG_PIDS=""
[[ -n $PG_MAIN ]] && PG_PIDS=$(ps -o pid= --ppid "$PG_MAIN" 2>/dev/null | tr '\n' ' ')
rm -f "$WORK/search-cpu.tsv"
JVM_PID=$APP_PID PG_PIDS=$PG_PIDS python3 bench/search/measure.py "http://127.0.0.1:$PORT"
kill "$SAMPLER" 2>/dev/null || true
RSS_MAX=$(sort -n "$WORK/search-rss.txt" | tail -1)
printf 'search: engine\t%s\t\t\n' "$ENGINE" >> "$WORK/search-summary.tsv"
cat "$WORK/search-cpu.tsv" >> "$WORK/search-summary.tsv"
printf "search: Blogroll's RSS, highest sample during the query set\t%d MB\t≤ 384 MB\t%s\n" "$(( RSS_MAX / 1024 ))" \
  "$( (( RSS_MAX / 1024 <= 384 )) && echo met || echo missed)" >> "$WORK/search-summary.tsv"
if [[ $ENGINE == lucene && -n "${built:-}" ]]; then
  printf 'search: Lucene index built from the database (this run)\t%s\t\t\n' "${built#Search index ready: }" >> "$WORK/search-summary.tsv"
fi
