#!/usr/bin/env bash
# Blogroll's fetching benchmark (issue 17): one round of FEEDS due sources, fetched from a web
# of feeds on this machine (bench/feeds/feed_server.py: HOSTS loopback addresses, realistic
# sizes and latencies, 304s, 404/410/429/500, redirects, a few feeds that never answer), first
# by one Blogroll instance, then by two sharing the database. Prints progress while it runs and a
# table at the end, and appends the table to bench/RESULTS.md (RECORD=0 leaves it alone).
# Talks only to 127.0.0.x; stops everything it started.
#
#   bench/fetch.sh                         # 10,000 feeds, one instance then two
#   FEEDS=2000 INSTANCES="1" bench/fetch.sh
#
# Options (environment):
#   FEEDS=10000        feeds served and sources followed
#   HOSTS=19           loopback addresses serving them (127.0.0.2 …); the first holds a tenth
#   INSTANCES="1 2"    the runs: how many Blogroll instances fetch the round
#   CONCURRENCY=16     blogroll.ingest.concurrency of each instance
#   PER_HOST=2         blogroll.ingest.per-host
#   STEADY=1           after each first round (every feed new), a second round after a quarter
#                      of the feeds changed (the others answer 304); STEADY=0 skips it
#   SKIP_BUILD=1       use the existing target/blogroll.jar
#   PGPORT=18510       the PostgreSQL cluster "blogroll-agg" (created with pg_createcluster if
#                      missing, when run as root); DB=blogroll_fetch is dropped and created
#   JAVA_OPTS          each instance's JVM flags (default below)
#   RECORD=1           append the table to bench/RESULTS.md
# Ports: feed server 18501 (control 18500), instances 18520 and up, management 18540 and up.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
FEEDS=${FEEDS:-10000}
HOSTS=${HOSTS:-19}
INSTANCES=${INSTANCES:-"1 2"}
CONCURRENCY=${CONCURRENCY:-16}
PER_HOST=${PER_HOST:-2}
STEADY=${STEADY:-1}
PGPORT=${PGPORT:-18510}
DB=${DB:-blogroll_fetch}
DB_USER=blogroll_bench
DB_PASSWORD=bench
FEED_PORT=18501
CONTROL=http://127.0.0.1:18500
JAVA_OPTS=${JAVA_OPTS:-"-Xms64m -Xmx256m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m"}
WORK=$ROOT/bench/work/fetch
mkdir -p "$WORK"

SERVER_PID=""
APP_PIDS=()
cleanup() {
  for pid in "${APP_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${APP_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null || true
}
trap cleanup EXIT

log() { echo "[fetch-bench $(date -u +%H:%M:%S)] $*" >&2; }
need() { command -v "$1" >/dev/null || { echo "bench/fetch.sh needs $1 (apt-get install $2)" >&2; exit 1; }; }
need psql postgresql-client; need python3 python3; need curl curl

# --- PostgreSQL: a cluster of its own -----------------------------------------------------------
if ! pg_isready -q -h 127.0.0.1 -p "$PGPORT"; then
  if [[ $(id -u) == 0 ]] && command -v pg_createcluster >/dev/null; then
    VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
    if ! pg_lsclusters -h | awk '{print $2}' | grep -qx blogroll-agg; then
      log "creating the PostgreSQL cluster blogroll-agg on port $PGPORT"
      pg_createcluster -p "$PGPORT" "$VERSION" blogroll-agg -- --auth-local=trust --auth-host=scram-sha-256 > /dev/null
      # a benchmark's database: no fsync wait per commit (the figures are about fetching)
      echo "synchronous_commit = off" >> "/etc/postgresql/$VERSION/blogroll-agg/postgresql.conf"
      echo "max_connections = 100" >> "/etc/postgresql/$VERSION/blogroll-agg/postgresql.conf"
    fi
    pg_ctlcluster "$VERSION" blogroll-agg start
  else
    echo "no PostgreSQL on 127.0.0.1:$PGPORT (run as root to create one)" >&2; exit 1
  fi
fi
as_postgres() {
  if [[ $(id -u) == 0 ]]; then su postgres -c "psql -p $PGPORT -qAt -v ON_ERROR_STOP=1" <<< "$1"
  else psql -h 127.0.0.1 -p "$PGPORT" -d postgres -qAt -v ON_ERROR_STOP=1 <<< "$1"; fi
}
sql() { PGPASSWORD=$DB_PASSWORD psql -h 127.0.0.1 -p "$PGPORT" -U "$DB_USER" -d "$DB" -qAt -v ON_ERROR_STOP=1 -c "$1"; }

if [[ -z "${SKIP_BUILD:-}" || ! -f target/blogroll.jar ]]; then
  log "building target/blogroll.jar"
  ./mvnw -q package -DskipTests
fi

# --- the web of feeds ----------------------------------------------------------------------------
log "starting the feed server: $FEEDS feeds on $HOSTS addresses"
python3 bench/feeds/feed_server.py --feeds "$FEEDS" --hosts "$HOSTS" --port "$FEED_PORT" \
  --control-port 18500 > "$WORK/feed-server.log" 2>&1 &
SERVER_PID=$!
until curl -fs -o /dev/null "$CONTROL/stats"; do
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/feed-server.log"; exit 1; }
  sleep 0.2
done
curl -fs "$CONTROL/list" > "$WORK/feeds.txt"

# --- one run -------------------------------------------------------------------------------------
start_instance() { # start_instance N: Blogroll instance N on port 18520+N
  local n=$1 port=$((18520 + $1))
  MALLOC_ARENA_MAX=2 SERVER_PORT=$port MANAGEMENT_SERVER_PORT=$((18540 + n)) \
    SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$PGPORT/$DB SPRING_DATASOURCE_USERNAME=$DB_USER \
    SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD BLOGROLL_DEMO_DATA=false BLOGROLL_SITE_URL=http://127.0.0.1:$port \
    BLOGROLL_INGEST_ALLOW_LOOPBACK=true BLOGROLL_INGEST_POLL_INTERVAL=1s \
    BLOGROLL_INGEST_CONCURRENCY=$CONCURRENCY BLOGROLL_INGEST_PER_HOST=$PER_HOST \
    java $JAVA_OPTS -jar target/blogroll.jar > "$WORK/blogroll-$RUN-$n.log" 2>&1 &
  APP_PIDS+=($!)
  until curl -fs -o /dev/null "http://127.0.0.1:$port/robots.txt"; do
    kill -0 "${APP_PIDS[-1]}" 2>/dev/null || { tail -30 "$WORK/blogroll-$RUN-$n.log"; exit 1; }
    sleep 0.3
  done
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICKS=$(getconf CLK_TCK)

# round NAME: makes every source due now and waits until each was fetched once since
round() {
  local name=$1 t0 start done=0 elapsed rate left rss peak=() cpu0=() i total last=-1 still=0
  for i in "${!APP_PIDS[@]}"; do cpu0[$i]=$(cpu_ticks "${APP_PIDS[$i]}"); peak[$i]=0; done
  t0=$(sql "select now()")
  # the sources still followed (a 410 pauses its source)
  total=$(sql "select count(*) from feed_source where active")
  sql "update feed_source set next_fetch_at = '$t0' where active" > /dev/null
  start=$(date +%s.%N)
  local load0; load0=$(cut -d' ' -f1-3 /proc/loadavg)
  while :; do
    sleep 5
    done=$(sql "select count(*) from feed_source where last_fetched_at >= '$t0'")
    for i in "${!APP_PIDS[@]}"; do
      rss=$(ps -o rss= -p "${APP_PIDS[$i]}" | tr -d ' ')
      (( rss > peak[i] )) && peak[$i]=$rss
    done
    elapsed=$(python3 -c "import time; print(round(time.time() - $start, 1))")
    rate=$(python3 -c "print(round($done / max($elapsed, 0.1), 1))")
    left=$(python3 -c "r = $done / max($elapsed, 0.1); print(round(($total - $done) / r) if r > 0 else '?')")
    log "$name: $done / $total sources fetched, $rate a second, about $left s left (load $(cut -d' ' -f1-3 /proc/loadavg))"
    (( done >= total )) && break
    # no progress for 3 minutes (longer than any fetch may take): report what was fetched
    if (( done == last )); then still=$((still + 5)); else still=0; last=$done; fi
    if (( still >= 180 )); then log "$name: stalled at $done of $total"; name="$name (STALLED at $done)"; break; fi
  done
  local seconds cpu="" mem="" stats posts dups
  seconds=$(python3 -c "import time; print(round(time.time() - $start, 1))")
  for i in "${!APP_PIDS[@]}"; do
    cpu+="$(python3 -c "print(round(($(cpu_ticks "${APP_PIDS[$i]}") - ${cpu0[$i]}) / $TICKS, 1))") s "
    mem+="$(( peak[i] / 1024 )) MB "
  done
  stats=$(curl -fs "$CONTROL/stats")
  posts=$(sql "select count(*) from post where source_id is not null")
  dups=$(sql "select (select count(*) from post where link_key is not null) - (select count(distinct link_key) from post where link_key is not null)")
  local most per_host outcomes served fetched_by=""
  served=$(python3 -c "import json,sys; s=json.loads(sys.argv[1]); print(s['entries_served'])" "$stats")
  most=$(python3 -c "import json,sys; s=json.loads(sys.argv[1]); print('%d (%d)' % (max(s['most_at_once_per_host_until_written'].values()), max(s['most_at_once_per_host'].values())))" "$stats")
  per_host=$(python3 -c "import json,sys; s=json.loads(sys.argv[1]); print(s['most_at_once'])" "$stats")
  outcomes=$(sql "select string_agg(outcome || ' ' || n, ', ' order by n desc) from (select outcome, count(*) n from feed_fetch where started_at >= '$t0' group by outcome) o")
  for i in "${!APP_PIDS[@]}"; do
    fetched_by+="$(grep -c 'Fetched http' "$WORK/blogroll-$RUN-$((i + 1)).log" || true) "
  done
  log "$name done in $seconds s: posts $posts, duplicates $dups, most fetches at once on one host $most (limit $PER_HOST), in all $per_host"
  ROWS+="| $total | ${#APP_PIDS[@]} | $name | **$seconds s** | $cpu| $mem| $posts | $served | $dups | $most | $per_host | $outcomes | $fetched_by| $load0 → $(cut -d' ' -f1-3 /proc/loadavg) |"$'\n'
}

ROWS=""
for RUN in $INSTANCES; do
  log "run with $RUN instance(s): creating database $DB"
  for pid in "${APP_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  APP_PIDS=()
  as_postgres "drop database if exists $DB"
  as_postgres "do \$\$ begin create role $DB_USER login password '$DB_PASSWORD'; exception when duplicate_object then null; end \$\$"
  as_postgres "create database $DB owner $DB_USER"
  curl -fs -X POST "$CONTROL/reset" > /dev/null
  for n in $(seq 1 "$RUN"); do start_instance "$n"; done
  # the sources, due in a year: the round makes them due all at once
  sql "insert into category (slug, name) values ('bench-feeds', 'Bench feeds') on conflict do nothing" > /dev/null
  CATEGORY=$(sql "select id from category where slug = 'bench-feeds'")
  awk -v c="$CATEGORY" '{printf "Feed %s\thttp://blog%s.example/\t%s\t%s\t60\n", $1, $1, $2, c}' "$WORK/feeds.txt" > "$WORK/sources.tsv"
  PGPASSWORD=$DB_PASSWORD psql -h 127.0.0.1 -p "$PGPORT" -U "$DB_USER" -d "$DB" -q -v ON_ERROR_STOP=1 \
    -c "\\copy feed_source (name, site_url, feed_url, category_id, fetch_interval_minutes) from '$WORK/sources.tsv'"
  sql "update feed_source set next_fetch_at = now() + interval '1 year'" > /dev/null
  sql "vacuum analyze feed_source" > /dev/null
  round "first round"
  if [[ "$STEADY" == 1 ]]; then
    curl -fs -X POST "$CONTROL/advance" > /dev/null
    round "next round (¼ changed)"
  fi
done

HEADER="| sources due |  instances | round | time | CPU (each) | peak RSS (each) | posts | entries served | duplicates | most at once on a host: until answered (until flushed) | most at once in all | outcomes | fetches logged so far (each) | load before → after |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
echo
echo "$HEADER"
printf "%s" "$ROWS"
if [[ "${RECORD:-1}" == 1 ]]; then
  {
    echo
    echo "### Fetching $FEEDS feeds ($(date -u +%Y-%m-%d\ %H:%M) UTC, concurrency $CONCURRENCY, per-host $PER_HOST, $(nproc) cores)"
    echo
    echo "$HEADER"
    printf "%s" "$ROWS"
  } >> bench/RESULTS.md
fi
