#!/usr/bin/env bash
# Two builds of Blogroll measured at the same time, on one database: each round runs the hot page
# 17 (16 connections each) and then a cold crawl (4 connections each, every request a page
# neither has rendered) against both instances at once, and prints the CPU each JVM spent per
# request (from /proc) and the ratio A/B. On a machine shared with other work the load changes
# from one second to the next; measured at the same moment, both builds meet the same load, so
# the ratio of one round is steadier than metrics-cost.sh's turns. Talks only to 127.0.0.1 and
# stops both instances when it ends.
#
#   bench/side-by-side.sh new.jar old.jar
#   ROUNDS=8 DURATION=10 PGPORT=18510 bench/side-by-side.sh target/blogroll.jar /tmp/main.jar
#   A_ARGS=--some.setting=false bench/side-by-side.sh target/blogroll.jar target/blogroll.jar
#
# The database must hold the generated posts already: bench/metrics-cost.sh imports them (its DB,
# blogroll_metrics, is the default here). Options (environment): PGHOST/PGPORT (127.0.0.1:5432),
# DB=blogroll_metrics, PORT=18440 (A; B is PORT + 1, management ports + 10 and + 11), ROUNDS=6,
# DURATION=10 (seconds per run), WARMUP=90 (seconds of crawling the back half of the big category,
# both at once, before the rounds), JAVA_OPTS (default: bench/jvm-options.sh), A_ARGS and B_ARGS
# (arguments for one instance only, e.g. a setting to compare against the same jar without it).
set -euo pipefail
cd "$(dirname "$0")/.."
A_JAR=${1:?usage: bench/side-by-side.sh A.jar B.jar}
B_JAR=${2:?usage: bench/side-by-side.sh A.jar B.jar}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
DB=${DB:-blogroll_metrics}
PORT=${PORT:-18440}
ROUNDS=${ROUNDS:-6}
DURATION=${DURATION:-10}
source bench/jvm-options.sh
JAVA_OPTS=${JAVA_OPTS:-$BLOGROLL_JAVA_OPTS}
WORK=bench/work/side-by-side
mkdir -p "$WORK"
PIDS=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT

start() { # start NAME JAR PORT [ARGUMENTS...]
  SPRING_DATASOURCE_URL=jdbc:postgresql://$PGHOST:$PGPORT/$DB SPRING_DATASOURCE_USERNAME=blogroll_bench \
    SPRING_DATASOURCE_PASSWORD=bench BLOGROLL_DEMO_DATA=false MALLOC_ARENA_MAX=2 SERVER_PORT=$3 \
    SERVER_ADDRESS=127.0.0.1 MANAGEMENT_SERVER_PORT=$(($3 + 10)) MANAGEMENT_SERVER_ADDRESS=127.0.0.1 \
    BLOGROLL_SITE_URL=http://127.0.0.1:$3 java $JAVA_OPTS -jar "$2" "${@:4}" > "$WORK/$1.log" 2>&1 &
  PIDS+=($!)
}
start a "$A_JAR" "$PORT" ${A_ARGS:-}
start b "$B_JAR" $((PORT + 1)) ${B_ARGS:-}
for i in 0 1; do
  until curl -fs -o /dev/null "http://127.0.0.1:$((PORT + i))/blog/engineering/page/17"; do
    kill -0 "${PIDS[$i]}" 2>/dev/null || { tail -30 "$WORK/$([[ $i == 0 ]] && echo a || echo b).log" >&2; exit 1; }
    sleep 0.5
  done
done
LAST=$(curl -fs "http://127.0.0.1:$PORT/blog/engineering/page/2" | grep -o 'Page 2 of [0-9]*' | head -1 | grep -o '[0-9]*$')
echo "A: $A_JAR  B: $B_JAR  (engineering has $LAST pages)"

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # user + system CPU, clock ticks of 10 ms
hot() { wrk -t1 -c16 -d"${1}s" -s bench/wrk-report.lua "$2/blog/engineering/page/17"; }
cold() { LISTING=/blog/engineering FIRST=$FIRST LAST=$UPTO THREADS=1 STRIDE=1 PHASE=0 wrk -t1 -c4 -d"${1}s" -s bench/wrk-crawl.lua "$2"; }
both() { # both LABEL RUN SECONDS: RUN against both instances at once
  local label=$1 run=$2 seconds=$3 a_before b_before a_pid b_pid
  a_before=$(ticks "${PIDS[0]}"); b_before=$(ticks "${PIDS[1]}")
  $run "$seconds" "http://127.0.0.1:$PORT" > "$WORK/a.out" 2>&1 & a_pid=$!
  $run "$seconds" "http://127.0.0.1:$((PORT + 1))" > "$WORK/b.out" 2>&1 & b_pid=$!
  wait "$a_pid" "$b_pid" || true
  [[ -z "$label" ]] && return
  python3 - "$label" $(( $(ticks "${PIDS[0]}") - a_before )) $(( $(ticks "${PIDS[1]}") - b_before )) \
    "$(grep '^RESULT' "$WORK/a.out")" "$(grep '^RESULT' "$WORK/b.out")" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY' | tee -a "$WORK/rounds.tsv"
import sys
label, a_ticks, b_ticks, a, b, load = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].split(), sys.argv[5].split(), sys.argv[6]
a_us, b_us = a_ticks * 10000 / int(a[5]), b_ticks * 10000 / int(b[5])
print(f"{label}\tA {float(a[1]):.1f}/s {a_us:.0f} us\tB {float(b[1]):.1f}/s {b_us:.0f} us\tA/B CPU per request {a_us / b_us:.3f}\tload {load}")
PY
}
: > "$WORK/rounds.tsv"
FIRST=$((LAST / 2)); UPTO=$LAST
both "" cold "${WARMUP:-90}"
SLICE=$(( (LAST / 2 - 3) / ROUNDS ))
for round in $(seq "$ROUNDS"); do
  both "round $round hot" hot "$DURATION"
  FIRST=$(( 3 + (round - 1) * SLICE )); UPTO=$(( FIRST + SLICE - 1 ))
  both "round $round cold" cold "$DURATION"
done
python3 - "$WORK/rounds.tsv" <<'PY'
import statistics, sys
for run in ('hot', 'cold'):
    ratios = [float(line.split('A/B CPU per request ')[1].split()[0]) for line in open(sys.argv[1]) if f' {run}\t' in line]
    print(f"{run}: A/B CPU per request, median of {len(ratios)} rounds: {statistics.median(ratios):.3f}")
PY
