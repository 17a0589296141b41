#!/usr/bin/env bash
# Start-up of the two jars, to the first page served, on a database that already exists:
#   - the production jar (./mvnw clean package -Pproduction) against an external PostgreSQL,
#     before (java -jar) and after (extracted, with the class-data-sharing archive recorded as
#     deploy/Dockerfile records it: no database, context refreshed, then exit), and with an archive
#     recorded by a training run that served pages from the database (bench/cds-archive.sh SERVE=1,
#     as bench/run.sh records it);
#   - the demo jar (./mvnw clean package) on its embedded PostgreSQL, data directory kept.
# Each is started RUNS times, in turns; the first start of each (migrations, demo data) is a
# warm-up and not counted. Prints the sizes, and for each start the seconds to the first page and
# the CPU seconds the JVM had used by then (steadier than seconds on a shared machine) with the
# load average; talks only to 127.0.0.1.
#
#   PROD_JAR=... DEMO_JAR=... PGPORT=18450 bench/startup.sh
#   PROD_JAR=target/blogroll.jar DB=blogroll_bench DEMO_DATA=false PGPORT=19610 bench/startup.sh   # production only
#
# Options (environment): PROD_JAR, DEMO_JAR (the jars to compare; DEMO_DATA=false for a benchmark
# database without the demo site), PGHOST/PGPORT/DB/DB_USER/
# DB_PASSWORD (the external database, which must exist), RUNS=3, PORT=18400 (the management
# port is PORT + 10), DATA=bench/work/startup-embedded (the demo jar's data directory),
# JAVA_OPTS (default: bench/jvm-options.sh, as deploy/Dockerfile), CDS_DIR=bench/work/startup-cds
# (the extracted production jar and its archive, made again each run; CDS_DIR-served the other one;
# the training runs use PORT + 20 and PORT + 30).
set -euo pipefail
cd "$(dirname "$0")/.."
PROD_JAR=${PROD_JAR:?the production jar (./mvnw clean package -Pproduction)}
DEMO_JAR=${DEMO_JAR:-} # optional: without it only the production jar is measured
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
DB=${DB:-blogroll_ops}
DB_USER=${DB_USER:-blogroll_bench}
DB_PASSWORD=${DB_PASSWORD:-bench}
RUNS=${RUNS:-3}
PORT=${PORT:-18400}
DATA=${DATA:-bench/work/startup-embedded}
source bench/jvm-options.sh
JAVA_OPTS=${JAVA_OPTS:-$BLOGROLL_JAVA_OPTS}
CDS_DIR=${CDS_DIR:-bench/work/startup-cds}
URL=http://127.0.0.1:$PORT/blog/engineering/page/17
mkdir -p bench/work "$DATA"

APP_PID=""
trap '[[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null; wait 2>/dev/null || true' EXIT

# the production jar as deploy/Dockerfile runs it: extracted, with a CDS archive recorded by a
# training run that needs no database ("after"); and with one recorded by a training run that served
# pages from this database (bench/cds-archive.sh SERVE=1, as bench/run.sh records it: "served")
CDS_JAR=$(JAVA_OPTS=$JAVA_OPTS PORT=$((PORT + 20)) bench/cds-archive.sh "$PROD_JAR" "$CDS_DIR")
SERVED_JAR=$(JAVA_OPTS=$JAVA_OPTS PORT=$((PORT + 20)) SERVE=1 SPRING_DATASOURCE_URL=jdbc:postgresql://$PGHOST:$PGPORT/$DB \
  SPRING_DATASOURCE_USERNAME=$DB_USER SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD BLOGROLL_DEMO_DATA=${DEMO_DATA:-true} \
  bench/cds-archive.sh "$PROD_JAR" "$CDS_DIR-served")

# start KIND: starts one jar, prints the seconds to the first page and the JVM's CPU seconds, stops it
start() {
  local kind=$1 started seconds cpu
  started=$(date +%s.%N)
  if [[ $kind == production* ]]; then
    local jar=$PROD_JAR opts=$JAVA_OPTS
    [[ $kind == production-cds ]] && jar=$CDS_JAR opts="$JAVA_OPTS -XX:SharedArchiveFile=$CDS_DIR/blogroll.jsa"
    [[ $kind == production-served ]] && jar=$SERVED_JAR opts="$JAVA_OPTS -XX:SharedArchiveFile=$CDS_DIR-served/blogroll.jsa"
    SPRING_DATASOURCE_URL=jdbc:postgresql://$PGHOST:$PGPORT/$DB SPRING_DATASOURCE_USERNAME=$DB_USER \
      SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD BLOGROLL_DEMO_DATA=${DEMO_DATA:-true} SERVER_PORT=$PORT SERVER_ADDRESS=127.0.0.1 \
      MANAGEMENT_SERVER_PORT=$((PORT + 10)) MANAGEMENT_SERVER_ADDRESS=127.0.0.1 MALLOC_ARENA_MAX=2 \
      java $opts -jar "$jar" > bench/work/startup-$kind.log 2>&1 &
  else
    BLOGROLL_EMBEDDED_DATABASE_DATA_DIRECTORY=$DATA SERVER_PORT=$PORT SERVER_ADDRESS=127.0.0.1 \
      MANAGEMENT_SERVER_PORT=$((PORT + 10)) MANAGEMENT_SERVER_ADDRESS=127.0.0.1 \
      java $JAVA_OPTS -jar "$DEMO_JAR" > bench/work/startup-$kind.log 2>&1 &
  fi
  APP_PID=$!
  python3 bench/wait-for-page.py "$URL" "$APP_PID" || { tail -30 bench/work/startup-$kind.log >&2; exit 1; }
  seconds=$(python3 -c "import time; print(round(time.time() - $started, 2))")
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$APP_PID/stat")
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
  echo "$seconds s ($cpu s CPU)"
}

echo "production jar: $(du -m "$PROD_JAR" | cut -f1) MB ($(stat -c %s "$PROD_JAR") bytes)"
[[ -n $DEMO_JAR ]] && echo "demo jar:       $(du -m "$DEMO_JAR" | cut -f1) MB ($(stat -c %s "$DEMO_JAR") bytes)"
demo() { [[ -n $DEMO_JAR ]] && echo ", demo $(start demo)"; true; }
echo "CDS archive: $(du -m "$CDS_DIR/blogroll.jsa" | cut -f1) MB; trained on pages: $(du -m "$CDS_DIR-served/blogroll.jsa" | cut -f1) MB"
echo "warm-up (migrations and demo data where the database is new): production $(start production)$(demo)"
for run in $(seq "$RUNS"); do
  echo "run $run: production before $(start production), after (CDS) $(start production-cds), CDS trained on pages $(start production-served)$(demo) (load $(cut -d' ' -f1 /proc/loadavg))"
done
