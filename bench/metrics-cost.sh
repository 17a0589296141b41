#!/usr/bin/env bash
# What metrics cost on the request path: two Blogroll instances on one database, "on" (this
# build: request ids, request metrics, page-cache and query meters, Prometheus registry) and
# "off" (OFF_JAR, by default the same jar with every meter disabled), both warmed up, then
# measured in turns, on/off then off/on, ROUNDS times: the hot page 17 (32 connections) and a
# cold crawl (8 connections, every request a page that instance has not rendered twice). Prints
# each run with the CPU time the instance spent per request (from /proc: less disturbed by other
# work on a shared machine than requests/s), the on/off ratios of both and their medians, and
# the load average; talks only to 127.0.0.1.
#
#   PGPORT=18450 POSTS=300000 bench/metrics-cost.sh
#   OFF_JAR=/tmp/blogroll-before.jar OFF_ARGS= bench/metrics-cost.sh   # against an older build
#
# Options (environment): JAR (on; default target/blogroll.jar), OFF_JAR (default JAR), OFF_ARGS
# (default --management.metrics.enable.all=false), POSTS=300000 (imported once into DB, reused
# while it holds that data set), ROUNDS=4, DURATION=8s, PGHOST/PGPORT, DB=blogroll_metrics,
# PORT=18420 (on; off is PORT + 1, management ports PORT + 10 and + 11), WARMUP=60s (the
# rendering path, per instance, before the rounds), JAVA_OPTS, OFF_JAVA_OPTS (the "off" instance's
# JVM flags, default JAVA_OPTS: to compare flags instead of builds, with OFF_ARGS=).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/blogroll.jar}
OFF_JAR=${OFF_JAR:-$JAR}
OFF_ARGS=${OFF_ARGS---management.metrics.enable.all=false}
POSTS=${POSTS:-300000}
ROUNDS=${ROUNDS:-4}
DURATION=${DURATION:-8s}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
DB=${DB:-blogroll_metrics}
DB_USER=blogroll_bench
DB_PASSWORD=bench
PORT=${PORT:-18420}
JAVA_OPTS=${JAVA_OPTS:-"-Xms192m -Xmx192m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=32m"}
WORK=bench/work
DATA=$WORK/posts-$POSTS.ndjson
mkdir -p "$WORK"
PIDS=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT
log() { echo "[metrics-cost $(date -u +%H:%M:%S)] $*" >&2; }
as_postgres() {
  if [[ $(id -u) == 0 ]]; then su postgres -c "psql -p $PGPORT -qAt -v ON_ERROR_STOP=1" <<< "$1"
  else psql -h "$PGHOST" -p "$PGPORT" -d postgres -qAt -v ON_ERROR_STOP=1 <<< "$1"; fi
}
bench_sql() { PGPASSWORD=$DB_PASSWORD psql -h "$PGHOST" -p "$PGPORT" -U "$DB_USER" -d "$DB" -qAt -c "$1"; }
datasource="SPRING_DATASOURCE_URL=jdbc:postgresql://$PGHOST:$PGPORT/$DB SPRING_DATASOURCE_USERNAME=$DB_USER SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD BLOGROLL_DEMO_DATA=false"

# --- the data ------------------------------------------------------------------------------------
[[ -f "$DATA" ]] || { log "generating $POSTS posts"; python3 bench/generate_posts.py "$POSTS" > "$DATA.tmp" && mv "$DATA.tmp" "$DATA"; }
LINES=$(wc -l < "$DATA")
if [[ "$(bench_sql "select count(*) from post" 2>/dev/null || echo none)" != "$LINES" ]]; then
  log "importing $LINES posts into $DB"
  as_postgres "drop database if exists $DB"
  as_postgres "do \$\$ begin create role $DB_USER login password '$DB_PASSWORD'; exception when duplicate_object then null; end \$\$"
  as_postgres "create database $DB owner $DB_USER"
  env $datasource java -Xmx512m -XX:+UseSerialGC -jar "$JAR" --import="$DATA" --create-categories > "$WORK/metrics-import.log" 2>&1
  for table in post post_tag listing_count_folded; do bench_sql "vacuum analyze $table"; done
fi

# --- the two instances -----------------------------------------------------------------------------
start() { # start NAME JAR PORT ARGS...
  local name=$1 jar=$2 port=$3; shift 3
  env $datasource MALLOC_ARENA_MAX=2 SERVER_PORT=$port SERVER_ADDRESS=127.0.0.1 MANAGEMENT_SERVER_PORT=$((port + 10)) \
    MANAGEMENT_SERVER_ADDRESS=127.0.0.1 BLOGROLL_SITE_URL=http://127.0.0.1:$port \
    java ${START_JAVA_OPTS:-$JAVA_OPTS} -jar "$jar" "$@" > "$WORK/metrics-$name.log" 2>&1 &
  PIDS+=($!)
  until curl -fs -o /dev/null "http://127.0.0.1:$port/blog/engineering/page/17"; do
    kill -0 "${PIDS[-1]}" 2>/dev/null || { tail -30 "$WORK/metrics-$name.log" >&2; exit 1; }
    sleep 0.2
  done
}
log "starting on ($JAR) on $PORT and off ($OFF_JAR $OFF_ARGS) on $((PORT + 1))"
start on "$JAR" "$PORT"
# shellcheck disable=SC2086
START_JAVA_OPTS=${OFF_JAVA_OPTS:-$JAVA_OPTS} start off "$OFF_JAR" $((PORT + 1)) $OFF_ARGS
LAST=$(curl -fs "http://127.0.0.1:$PORT/blog/engineering/page/2" | grep -o 'Page 2 of [0-9]*' | head -1 | grep -o '[0-9]*$')
SLICE=$(( (LAST - 2) / ROUNDS ))
log "engineering has $LAST pages; each round crawls its own $SLICE of them"

wrk_result() { grep '^RESULT' "$WORK/metrics-wrk.out" | head -1 | cut -d' ' -f2-; }
for port in "$PORT" $((PORT + 1)); do
  log "warming up 127.0.0.1:$port"
  wrk -t2 -c32 -d10s "http://127.0.0.1:$port/blog/engineering/page/17" > /dev/null
  # the rendering path, long enough for the JIT: every page of the big category in turn, from the
  # end (the rounds start at the front); both instances get the same treatment
  LISTING=/blog/engineering FIRST=$(( LAST / 2 )) LAST=$LAST THREADS=2 STRIDE=1 PHASE=0 wrk -t2 -c8 -d"${WARMUP:-60s}" -s bench/wrk-crawl.lua "http://127.0.0.1:$port" > /dev/null
done

printf 'round\trun\tinstance\tcpu ticks\trequests/s\tp50 ms\tp99 ms\terrors\trequests\tpage-cache hits\n' > "$WORK/metrics-cost.tsv"
ON_PID=${PIDS[0]}; OFF_PID=${PIDS[1]}
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # user + system CPU of a process, in clock ticks
measure() { # measure ROUND INSTANCE PORT
  local round=$1 name=$2 port=$3 first last pid before
  pid=$ON_PID; [[ $name == off ]] && pid=$OFF_PID
  before=$(ticks "$pid")
  wrk -t2 -c32 -d"$DURATION" -s bench/wrk-report.lua "http://127.0.0.1:$port/blog/engineering/page/17" > "$WORK/metrics-wrk.out"
  printf '%s\thot\t%s\t%s\t%s\n' "$round" "$name" $(( $(ticks "$pid") - before )) "$(wrk_result | tr ' ' '\t')" >> "$WORK/metrics-cost.tsv"
  first=$(( 3 + (round - 1) * SLICE )); last=$(( first + SLICE - 1 ))
  before=$(ticks "$pid")
  LISTING=/blog/engineering FIRST=$first LAST=$last THREADS=2 STRIDE=1 PHASE=0 \
    wrk -t2 -c8 -d"$DURATION" -s bench/wrk-crawl.lua "http://127.0.0.1:$port" > "$WORK/metrics-wrk.out"
  printf '%s\tcold\t%s\t%s\t%s\n' "$round" "$name" $(( $(ticks "$pid") - before )) "$(wrk_result | tr ' ' '\t')" >> "$WORK/metrics-cost.tsv"
  log "round $round $name: $(tail -2 "$WORK/metrics-cost.tsv" | cut -f2,5 | tr '\n\t' '  ')(load $(cut -d' ' -f1 /proc/loadavg))"
}
LOADS=()
for round in $(seq "$ROUNDS"); do
  if (( round % 2 )); then measure "$round" on "$PORT"; measure "$round" off $((PORT + 1))
  else measure "$round" off $((PORT + 1)); measure "$round" on "$PORT"; fi
  LOADS+=("$(cut -d' ' -f1 /proc/loadavg)")
done

python3 - "$WORK/metrics-cost.tsv" "${LOADS[*]}" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
print(open(sys.argv[1]).read())
def row(r, run, instance):
    return next(x for x in rows if x['round'] == r and x['run'] == run and x['instance'] == instance)
def cpu_per_request(x):  # microseconds of the instance's CPU per request (clock ticks of 10 ms)
    return int(x['cpu ticks']) * 10000 / int(x['requests'])
rounds = sorted({x['round'] for x in rows}, key=int)
for run in ('hot', 'cold'):
    throughput = [float(row(r, run, 'on')['requests/s']) / float(row(r, run, 'off')['requests/s']) for r in rounds]
    cpu = [cpu_per_request(row(r, run, 'on')) / cpu_per_request(row(r, run, 'off')) for r in rounds]
    on_us = statistics.median(cpu_per_request(row(r, run, 'on')) for r in rounds)
    off_us = statistics.median(cpu_per_request(row(r, run, 'off')) for r in rounds)
    print(f"{run}: on/off requests/s by round {' '.join(f'{x:.3f}' for x in throughput)}; median {statistics.median(throughput):.3f}")
    print(f"{run}: on/off CPU per request by round {' '.join(f'{x:.3f}' for x in cpu)}; median {statistics.median(cpu):.3f}"
          f" (median {on_us:.0f} us on, {off_us:.0f} us off)")
print(f"load average (1 min) after each round: {sys.argv[2]}")
PY
