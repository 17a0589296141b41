#!/usr/bin/env bash
# Blogroll's benchmark: builds the production jar (as deploy/Dockerfile does), prepares PostgreSQL, imports generated posts, starts
# Blogroll, warms it up and runs wrk against hot pages, a cold crawl, searches and nginx serving
# a saved copy of Blogroll's own page; with SEARCH_DB, the search query set of bench/search/run.sh
# too. Prints every figure of issue 18 against its target in one table and writes it into
# bench/RESULTS.md with bench/latency-by-depth.svg. Talks only to 127.0.0.1; stops everything it
# started.
#
#   bench/run.sh                      # 1,000,000 posts (about 20 minutes on 2 cores)
#   POSTS=100000 bench/run.sh         # a quicker run
#
# Options (environment):
#   POSTS=1000000      posts in the big category (plus 300 + 3 × POSTS/100 in small ones)
#   DURATION=15s       each wrk run (the ten depth slices of the cold crawl take a third each)
#   REUSE_DB=1         keep the database if it already holds this data set (skips the import)
#   SKIP_BUILD=1       use the existing target/blogroll.jar (build it with ./mvnw -Pproduction package)
#   PGHOST/PGPORT      the PostgreSQL to use (default 127.0.0.1:5432, the Debian cluster);
#                      database and user "blogroll_bench" are created if missing
#   JAVA_OPTS          Blogroll's JVM flags (default: bench/jvm-options.sh, as deploy/Dockerfile; MALLOC_ARENA_MAX=2)
#   CDS=0              start from the plain jar, without the extracted jar and CDS archive
#   CRAWL_WARMUP=60s   how long the rendering path is warmed before the runs
#   PROFILE=1          record a JFR profile of Blogroll and print its hottest methods at the end
#   DB=blogroll_bench  the database (dropped and created again unless REUSE_DB applies)
#   SEARCH_DB=…        a database holding the search corpus: runs bench/search/run.sh against it
#                      (SEARCH_DB passed on), whose bench/work/search-summary.tsv rows (figure, measured,
#                      target, met|missed) join the table; SEARCH_SUMMARY=file takes such a file as it is;
#                      SEARCH_PGHOST/SEARCH_PGPORT when the corpus is on another server (bench/search/load.sh's
#                      cluster is 127.0.0.1:19410)
#   PORT=18080, NGINX_PORT=18081 (Blogroll's management port is PORT + 10)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
POSTS=${POSTS:-1000000}
DURATION=${DURATION:-15s}
PORT=${PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
DB=${DB:-blogroll_bench}
DB_USER=blogroll_bench
DB_PASSWORD=bench
source bench/jvm-options.sh
JAVA_OPTS=${JAVA_OPTS:-$BLOGROLL_JAVA_OPTS}
WORK=$ROOT/bench/work
DATA=$WORK/posts-$POSTS.ndjson
URL=http://127.0.0.1:$PORT
mkdir -p "$WORK"

APP_PID=""
NGINX_PID=""
cleanup() {
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [[ -n "$NGINX_PID" ]] && kill "$NGINX_PID" 2>/dev/null || true
}
trap cleanup EXIT

log() { echo "[bench $(date -u +%H:%M:%S)] $*" >&2; }
need() { command -v "$1" >/dev/null || { echo "bench needs $1 (apt-get install $2)" >&2; exit 1; }; }
need wrk wrk; need nginx nginx-light; need psql postgresql-client; need python3 python3; need curl curl
if [[ -n "${SEARCH_DB:-}" && ! -x bench/search/run.sh ]]; then
  echo "SEARCH_DB is set but bench/search/run.sh is missing" >&2; exit 1
fi

# --- PostgreSQL --------------------------------------------------------------------------------
as_postgres() { # runs SQL as a superuser: the postgres account through its socket when run as root
  if [[ $(id -u) == 0 ]]; then su postgres -c "psql -p $PGPORT -qAt -v ON_ERROR_STOP=1" <<< "$1"
  else psql -h "$PGHOST" -p "$PGPORT" -d postgres -qAt -v ON_ERROR_STOP=1 <<< "$1"; fi
}
if ! pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
  log "starting PostgreSQL"
  if command -v pg_ctlcluster >/dev/null; then pg_ctlcluster "$(ls /etc/postgresql | sort -n | tail -1)" main start; fi
fi
bench_sql() { PGPASSWORD=$DB_PASSWORD psql -h "$PGHOST" -p "$PGPORT" -U "$DB_USER" -d "$DB" -qAt -c "$1"; }

# --- the jar and the data ----------------------------------------------------------------------
if [[ -z "${SKIP_BUILD:-}" || ! -f target/blogroll.jar ]]; then
  log "building target/blogroll.jar (the production jar, with its start-up prepared by Spring AOT)"
  ./mvnw -q -Pproduction package -DskipTests
fi
if [[ ! -f "$DATA" ]]; then
  log "generating $POSTS posts into $DATA"
  python3 bench/generate_posts.py "$POSTS" > "$DATA.tmp" && mv "$DATA.tmp" "$DATA"
fi
LINES=$(wc -l < "$DATA")

MARK=$(bench_sql "select count(*) from post" 2>/dev/null || echo none)
if [[ -n "${REUSE_DB:-}" && "$MARK" == "$LINES" ]]; then
  log "reusing database $DB ($MARK posts)"
  IMPORT_SECONDS=""
else
  log "creating database $DB"
  as_postgres "drop database if exists $DB"
  as_postgres "do \$\$ begin create role $DB_USER login password '$DB_PASSWORD'; exception when duplicate_object then null; end \$\$"
  as_postgres "create database $DB owner $DB_USER"
  # The import runs as deploy/Dockerfile's image would run it (`docker run … --import=…`): from the
  # extracted jar with the archive the image records (a training run without a database); CDS=0
  # imports with the plain jar. Its heap is larger than the server's: a chunk of posts is read
  # while two are written.
  IMPORT_JAR=target/blogroll.jar IMPORT_OPTS="-Xmx512m -XX:+UseSerialGC"
  if [[ "${CDS:-1}" != 0 ]]; then
    log "extracting the jar and recording a CDS archive for the import (as deploy/Dockerfile)"
    IMPORT_JAR=$(bench/cds-archive.sh target/blogroll.jar "$WORK/import-app")
    IMPORT_OPTS="$IMPORT_OPTS -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 -XX:SharedArchiveFile=$WORK/import-app/blogroll.jsa"
  fi
  log "importing $LINES posts: java $IMPORT_OPTS -jar $IMPORT_JAR"
  START=$(date +%s.%N)
  SPRING_DATASOURCE_URL=jdbc:postgresql://$PGHOST:$PGPORT/$DB SPRING_DATASOURCE_USERNAME=$DB_USER \
    SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD BLOGROLL_DEMO_DATA=false \
    java $IMPORT_OPTS -jar "$IMPORT_JAR" --import="$DATA" --create-categories > "$WORK/import.log" 2>&1
  IMPORT_SECONDS=$(python3 -c "import time; print(round(time.time() - $START, 1))")
  log "imported in $IMPORT_SECONDS s (with JVM start and Flyway); vacuum analyze"
  # one statement per psql call: VACUUM cannot run inside the transaction psql -c wraps several in
  for table in post post_tag listing_count_folded; do bench_sql "vacuum analyze $table"; done
fi

# --- Blogroll ----------------------------------------------------------------------------------
# Start-up: the jar is extracted (Spring Boot's jarmode=tools) and a class-data-sharing archive
# is recorded by a training run that serves the first pages (bench/cds-archive.sh); CDS=0 skips both.
APP_JAR=target/blogroll.jar
if [[ "${CDS:-1}" != 0 ]]; then
  log "extracting the jar and recording a CDS archive"
  APP_JAR=$(JAVA_OPTS=$JAVA_OPTS PORT=$((PORT + 20)) SERVE=1 SPRING_DATASOURCE_URL=jdbc:postgresql://$PGHOST:$PGPORT/$DB \
    SPRING_DATASOURCE_USERNAME=$DB_USER SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD bench/cds-archive.sh target/blogroll.jar "$WORK/app")
  JAVA_OPTS="$JAVA_OPTS -XX:SharedArchiveFile=$WORK/app/blogroll.jsa"
fi
SERVED_JAVA_OPTS=$JAVA_OPTS # the search query set's Blogroll starts the same way (without PROFILE's recording)
[[ -n "${PROFILE:-}" ]] && JAVA_OPTS="$JAVA_OPTS -XX:StartFlightRecording=filename=$WORK/blogroll.jfr,settings=profile"
log "starting Blogroll on port $PORT: java $JAVA_OPTS"
START=$(date +%s.%N)
MALLOC_ARENA_MAX=2 SERVER_PORT=$PORT MANAGEMENT_SERVER_PORT=$((PORT + 10)) MANAGEMENT_SERVER_ADDRESS=127.0.0.1 SPRING_DATASOURCE_URL=jdbc:postgresql://$PGHOST:$PGPORT/$DB SPRING_DATASOURCE_USERNAME=$DB_USER \
  SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD BLOGROLL_DEMO_DATA=false BLOGROLL_SITE_URL=$URL \
  java $JAVA_OPTS -jar "$APP_JAR" > "$WORK/blogroll.log" 2>&1 &
APP_PID=$!
python3 bench/wait-for-page.py "$URL/blog/engineering/page/17" "$APP_PID" || { tail -30 "$WORK/blogroll.log"; exit 1; }
STARTUP_SECONDS=$(python3 -c "import time; print(round(time.time() - $START, 1))")
log "first page served after $STARTUP_SECONDS s"

LAST=$(curl -fs "$URL/blog/engineering/page/2" | grep -o 'Page 2 of [0-9]*' | head -1 | grep -o '[0-9]*$')
MIDDLE=$(( (LAST + 1) / 2 ))
POST_PATH=$(curl -fs "$URL/blog/engineering" | grep -o 'href="/blog/engineering/p[0-9][^"]*"' | head -1 | cut -d'"' -f2)
log "engineering has $LAST pages; post page $POST_PATH"

RSS_MAX=0
rss() { local r; r=$(ps -o rss= -p "$APP_PID" | tr -d ' '); (( r > RSS_MAX )) && RSS_MAX=$r; echo "$r"; }

RESULTS=$WORK/results.tsv
: > "$RESULTS"
# run NAME CONNECTIONS DURATION TARGET [wrk args...]: one wrk run, a row in results.tsv
run() {
  local name=$1 connections=$2 duration=$3 target=$4; shift 4
  local out peak=0 r
  wrk -t2 -c"$connections" -d"$duration" --timeout 5s "$@" > "$WORK/wrk.out" 2>&1 &
  local wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do
    if [[ "$target" == blogroll ]]; then r=$(rss); (( r > peak )) && peak=$r; fi
    sleep 0.5
  done
  wait "$wrk_pid" || true
  out=$(grep '^RESULT' "$WORK/wrk.out" | head -1)
  [[ -z "$out" ]] && { cat "$WORK/wrk.out" >&2; out="RESULT 0 0 0 -1 0"; }
  read -r _ rps p50 p99 errors requests hits <<< "$out"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$connections" "$rps" "$p50" "$p99" "$errors" "$requests" \
    "$(( peak / 1024 ))" "${hits:-}" >> "$RESULTS"
  log "$name: $rps req/s, p50 $p50 ms, p99 $p99 ms, $errors errors, RSS ${peak} kB${hits:+, $hits page-cache hits}"
}
hot() { # hot NAME PATH: 32 connections on one URL, or n/a if it does not answer 200
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' "$URL$2")
  if [[ "$status" != 200 ]]; then
    printf '%s\t32\tn/a (%s)\t\t\t\t\t\n' "$1" "$status" >> "$RESULTS"; log "$1: $2 answers $status, n/a"; return
  fi
  wrk -t2 -c32 -d3s "$URL$2" > /dev/null # its own warm-up: JIT, buffers, the page cache
  run "$1" 32 "$DURATION" blogroll -s bench/wrk-report.lua "$URL$2"
}

log "warming up"
wrk -t2 -c8 -d10s "$URL/blog/engineering/page/17" > /dev/null
# the rendering path (the hot runs are cache hits): long enough for the JIT on a busy machine.
# The warm-up renders the pages numbered 2 modulo 3 and the whole-listing crawl those numbered
# 0 modulo 3, so neither asks for a page the other rendered; each tenth then walks all of its
# pages in order (a slice ends long before it has asked for each once at 1,000,000 posts). The
# page cache keeps a page from its second request and serves it from the third, so a page the
# warm-up or the whole crawl saw is rendered again, never served from memory: the runs report
# their page-cache hits to show it.
LISTING=/blog/engineering FIRST=2 LAST=$LAST THREADS=2 STRIDE=3 PHASE=2 wrk -t2 -c8 -d${CRAWL_WARMUP:-60s} -s bench/wrk-crawl.lua "$URL" > /dev/null

hot "page 17 of a 300-post category (/blog/release-notes/page/17)" /blog/release-notes/page/17
hot "page 1 of the big category" /blog/engineering
hot "page 17 of the big category" /blog/engineering/page/17
hot "middle page ($MIDDLE) of the big category" "/blog/engineering/page/$MIDDLE"
hot "last page ($LAST) of the big category" "/blog/engineering/page/$LAST"
hot "a post page" "$POST_PATH"
hot "sitemap index (/sitemap.xml)" /sitemap.xml
hot "feed (/feed.atom)" /feed.atom
hot "category feed (/blog/engineering/feed.atom)" /blog/engineering/feed.atom

crawl() { # crawl NAME FIRST LAST DURATION STRIDE PHASE
  LISTING=/blog/engineering FIRST=$2 LAST=$3 THREADS=2 STRIDE=$5 PHASE=$6 run "$1" 8 "$4" blogroll -s bench/wrk-crawl.lua "$URL"
}
# the crawl's own warm-up, as each hot run has one: the hot runs above took minutes, and without
# it the whole-listing crawl (the first after them) ran at 570 pages/s where its tenths, run next,
# ran at 589-812 (2026-12-03). It renders pages numbered 1 modulo 3, which neither the warm-up nor
# the whole crawl asks for; a tenth that asks for one again renders it a second time (the page
# cache serves a page from its third request), so the runs still show no page-cache hits.
LISTING=/blog/engineering FIRST=2 LAST=$LAST THREADS=2 STRIDE=3 PHASE=1 wrk -t2 -c8 -d10s -s bench/wrk-crawl.lua "$URL" > /dev/null
crawl "cold crawl, every page of the big category" 2 "$LAST" "$DURATION" 3 0
SLICE_SECONDS=$(( ${DURATION%s} / 3 + 1 ))
for tenth in 1 2 3 4 5 6 7 8 9 10; do
  first=$(( (tenth - 1) * LAST / 10 + 1 )); (( first < 2 )) && first=2
  crawl "cold crawl, tenth $tenth (pages $first-$(( tenth * LAST / 10 )))" "$first" $(( tenth * LAST / 10 )) "${SLICE_SECONDS}s" 1 0
done
# readers searching (4 connections, a different query each time): its RSS counts for the memory target
wrk -t2 -c4 -d3s -s bench/wrk-search-load.lua "$URL" > /dev/null
run "search load, 4 connections (bench/wrk-search-load.lua)" 4 "$DURATION" blogroll -s bench/wrk-search-load.lua "$URL"

# --- nginx with a saved copy of Blogroll's page 17 -------------------------------------------------
NGINX_DIR=$WORK/nginx
rm -rf "$NGINX_DIR"; mkdir -p "$NGINX_DIR/html/blog/release-notes/page" "$NGINX_DIR/logs"
curl -fs "$URL/blog/release-notes/page/17" > "$NGINX_DIR/html/blog/release-notes/page/17"
PAGE_BYTES=$(wc -c < "$NGINX_DIR/html/blog/release-notes/page/17")
cat > "$NGINX_DIR/nginx.conf" <<NGINX
worker_processes auto;
daemon off;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  default_type text/html;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $NGINX_DIR/html;
  }
}
NGINX
nginx -c "$NGINX_DIR/nginx.conf" -p "$NGINX_DIR" &
NGINX_PID=$!
until curl -fs -o /dev/null "http://127.0.0.1:$NGINX_PORT/blog/release-notes/page/17"; do sleep 0.1; done
run "nginx: saved copy of page 17 ($PAGE_BYTES bytes)" 32 "$DURATION" nginx -s bench/wrk-report.lua \
  "http://127.0.0.1:$NGINX_PORT/blog/release-notes/page/17"
kill "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=""
rss > /dev/null

if [[ -n "${PROFILE:-}" ]]; then
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
  log "hottest methods (top frames of JFR execution samples)"
  jfr print --events jdk.ExecutionSample "$WORK/blogroll.jfr" | grep -A1 'stackTrace = \[' | grep -v -e 'stackTrace' -e '^--' \
    | sed 's/line:.*//; s/^ *//' | sort | uniq -c | sort -rn | head -25 >&2
  exit 0
fi
# --- the search query set (bench/search/run.sh, on its own corpus) ----------------------------------
SEARCH_SUMMARY=${SEARCH_SUMMARY:-}
if [[ -n "${SEARCH_DB:-}" ]]; then
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID="" # its cores are the search run's now
  log "search query set on $SEARCH_DB (bench/search/run.sh)"
  rm -f "$WORK/search-summary.tsv"
  JAR=$APP_JAR JAVA_OPTS=$SERVED_JAVA_OPTS SEARCH_DB=$SEARCH_DB PGHOST=${SEARCH_PGHOST:-$PGHOST} PGPORT=${SEARCH_PGPORT:-$PGPORT} bench/search/run.sh >&2 || log "bench/search/run.sh failed"
  SEARCH_SUMMARY=$WORK/search-summary.tsv
fi

log "writing bench/RESULTS.md and bench/latency-by-depth.svg"
python3 bench/report.py "$RESULTS" "$POSTS" "$LINES" "$LAST" "${IMPORT_SECONDS:-}" "$STARTUP_SECONDS" \
  "$(( RSS_MAX / 1024 ))" "$JAVA_OPTS" "$DURATION" "$SEARCH_SUMMARY"
