#!/usr/bin/env bash
# What makes Blogroll's resident memory, and what a request costs in CPU, under the benchmark's
# loads: starts the jar with Native Memory Tracking on an existing benchmark database, warms the
# rendering path, then runs each load (hot page 17, a cold crawl, searches) and prints, per load,
# requests/s, the highest RSS sampled every 0.5 s, the NMT summary by category at its end, and the
# CPU time per request of the JVM and of PostgreSQL's processes (from /proc, steadier than
# requests/s on a shared machine). Talks only to 127.0.0.1; stops what it started.
#
#   PGPORT=19610 bench/memory.sh                       # the database bench/run.sh imported
#   JAVA_OPTS="-Xmx192m ..." PGPORT=19610 bench/memory.sh   # other flags, to compare
#
# Options (environment): JAR (default target/blogroll.jar; an extracted jar with a CDS archive
# beside it, blogroll.jsa, is used with it), PGHOST/PGPORT/DB (default blogroll_bench, as run.sh
# leaves it), DURATION=15s per load, PORT=18180, JAVA_OPTS (default: run.sh's), PRETOUCH=1 (the
# heap touched whole at start, -XX:+AlwaysPreTouch, as a long run leaves it: a few minutes of load
# touch only part of the young and old generations, and RSS counts only touched pages; 0: as
# run.sh starts it). PostgreSQL's
# processes are found through its socket's lock file (/var/run/postgresql, readable by root).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/blogroll.jar}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
DB=${DB:-blogroll_bench}
DB_USER=blogroll_bench
DB_PASSWORD=bench
DURATION=${DURATION:-15s}
PORT=${PORT:-18180}
WORK=bench/work
mkdir -p "$WORK"
# the same default as bench/run.sh, so the two measure the same JVM
source bench/jvm-options.sh
JAVA_OPTS=${JAVA_OPTS:-$BLOGROLL_JAVA_OPTS}
URL=http://127.0.0.1:$PORT

APP_PID=""
trap '[[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null; wait 2>/dev/null || true' EXIT
log() { echo "[memory $(date -u +%H:%M:%S)] $*" >&2; }

pg_pids() { # the postmaster and its children, when its lock file is readable (run as root)
  local master
  master=$(head -1 "/var/run/postgresql/.s.PGSQL.$PGPORT.lock" 2>/dev/null) || return 0
  echo "$master"; pgrep -P "$master" || true
}
cpu_ticks() { # cpu_ticks PID...: user + system clock ticks of these processes (and reaped children)
  local total=0 t
  for pid in "$@"; do
    t=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0); total=$((total + t))
  done
  echo "$total"
}

[[ ${PRETOUCH:-1} == 1 ]] && JAVA_OPTS="$JAVA_OPTS -XX:+AlwaysPreTouch"
ARCHIVE=$(dirname "$JAR")/blogroll.jsa
[[ -f "$ARCHIVE" ]] && JAVA_OPTS="$JAVA_OPTS -XX:SharedArchiveFile=$ARCHIVE"
log "starting $JAR: java $JAVA_OPTS -XX:NativeMemoryTracking=summary"
SERVER_PORT=$PORT SERVER_ADDRESS=127.0.0.1 MANAGEMENT_SERVER_PORT=$((PORT + 10)) MANAGEMENT_SERVER_ADDRESS=127.0.0.1 \
  SPRING_DATASOURCE_URL=jdbc:postgresql://$PGHOST:$PGPORT/$DB SPRING_DATASOURCE_USERNAME=$DB_USER \
  SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD BLOGROLL_DEMO_DATA=false BLOGROLL_SITE_URL=$URL MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} \
  java $JAVA_OPTS -XX:NativeMemoryTracking=summary -jar "$JAR" > "$WORK/memory-blogroll.log" 2>&1 &
APP_PID=$!
until curl -fs -o /dev/null "$URL/blog/engineering/page/17"; do
  kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/memory-blogroll.log"; exit 1; }
  sleep 0.1
done
LAST=$(curl -fs "$URL/blog/engineering/page/2" | grep -o 'Page 2 of [0-9]*' | head -1 | grep -o '[0-9]*$')
log "started; engineering has $LAST pages; warming up 40 s"
wrk -t2 -c8 -d10s "$URL/blog/engineering/page/17" > /dev/null
LISTING=/blog/engineering FIRST=2 LAST=$LAST THREADS=2 STRIDE=3 PHASE=2 wrk -t2 -c8 -d20s -s bench/wrk-crawl.lua "$URL" > /dev/null
wrk -t2 -c4 -d10s -s bench/wrk-search-load.lua "$URL" > /dev/null

printf '%s\n' "load	connections	requests/s	p50 ms	p99 ms	errors	requests	peak RSS MB	JVM CPU ms/request	PostgreSQL CPU ms/request	load average" > "$WORK/memory.tsv"
# measure NAME CONNECTIONS wrk-args...
measure() {
  local name=$1 connections=$2; shift 2
  local peak=0 r jvm0 pg0 jvm1 pg1 out
  mapfile -t pgs < <(pg_pids)
  jvm0=$(cpu_ticks "$APP_PID"); pg0=$(cpu_ticks "${pgs[@]}")
  wrk -t2 -c"$connections" -d"$DURATION" --timeout 5s "$@" > "$WORK/memory-wrk.out" 2>&1 &
  local wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do
    r=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
    if (( r > peak + 1024 )); then # a new highest sample: what it is made of, while it lasts
      jcmd "$APP_PID" VM.native_memory summary scale=MB > "$WORK/memory-nmt-peak-${name%% *}.txt" 2>&1 || true
      python3 bench/rss.py "$APP_PID" > "$WORK/memory-rss-peak-${name%% *}.txt" 2>&1 || true
    fi
    (( r > peak )) && peak=$r
    sleep 0.5
  done
  wait "$wrk_pid" || true
  jvm1=$(cpu_ticks "$APP_PID"); mapfile -t pgs < <(pg_pids); pg1=$(cpu_ticks "${pgs[@]}")
  out=$(grep '^RESULT' "$WORK/memory-wrk.out" | head -1)
  read -r _ rps p50 p99 errors requests _ <<< "$out"
  local tick_ms=$((1000 / $(getconf CLK_TCK)))
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$connections" "$rps" "$p50" "$p99" "$errors" "$requests" \
    "$((peak / 1024))" \
    "$(python3 -c "print(f'{($jvm1 - $jvm0) * $tick_ms / max($requests, 1):.3f}')")" \
    "$(python3 -c "print(f'{($pg1 - $pg0) * $tick_ms / max($requests, 1):.3f}')")" \
    "$(cut -d' ' -f1 /proc/loadavg)" >> "$WORK/memory.tsv"
  log "$name: $rps requests/s, peak RSS $((peak / 1024)) MB"
  jcmd "$APP_PID" VM.native_memory summary scale=MB > "$WORK/memory-nmt-${name%% *}.txt"
  # what RSS is made of (smaps), and the threads: all of them, and Tomcat's request threads
  { python3 bench/rss.py "$APP_PID"
    jcmd "$APP_PID" Thread.print | awk '/^"/ {all++} /^"http-nio-.*-exec-/ {tomcat++}
      END {printf "threads %d, of them Tomcat request threads %d\n", all, tomcat}'
  } > "$WORK/memory-rss-${name%% *}.txt"
}
measure "hot page 17 (/blog/release-notes/page/17)" 32 -s bench/wrk-report.lua "$URL/blog/release-notes/page/17"
# every request a page not rendered before (the warm-up took those numbered 2 modulo 3)
LISTING=/blog/engineering FIRST=2 LAST=$LAST THREADS=2 STRIDE=3 PHASE=0 \
  measure "cold crawl of the big category" 8 -s bench/wrk-crawl.lua "$URL"
measure "search (bench/wrk-search-load.lua)" 4 -s bench/wrk-search-load.lua "$URL"

column -t -s $'\t' "$WORK/memory.tsv"
echo
echo "Native Memory Tracking (committed MB) at the end of each load and at its highest RSS sample (RSS counts touched pages only):"
nmt() { # nmt FILE: one line, the categories of at least 1 MB
  awk '/^Total:/ {sub(/.*committed=/, ""); printf "total %s; ", $1}
       /^-/ {name=$0; sub(/^- */, "", name); sub(/ *\(.*/, "", name); c=$0; sub(/.*committed=/, "", c); sub(/MB.*/, "", c)
             if (c + 0 >= 1) printf "%s %s, ", name, c}' \
    "$1" | sed 's/, $//'
}
for kind in hot cold search; do
  echo "$kind, end of the load: $(nmt "$WORK/memory-nmt-$kind.txt")"
  echo "$kind, at its highest RSS sample: $(nmt "$WORK/memory-nmt-peak-$kind.txt")"
done
echo
echo "What RSS is made of (bench/rss.py, MB resident) at the end of each load and at its highest sample, and the threads:"
for kind in hot cold search; do
  echo "$kind, end: $(paste -sd ';' "$WORK/memory-rss-$kind.txt" | sed 's/;/; /')"
  echo "$kind, highest: $(cat "$WORK/memory-rss-peak-$kind.txt")"
done
