#!/usr/bin/env bash
# Start-up of the two jars, to the first page served, on a database that already exists:
#   - the production jar (./mvnw clean package -Pproduction) against an external PostgreSQL;
#   - the demo jar (./mvnw clean package) on its embedded PostgreSQL, data directory kept.
# Each jar is started RUNS times, alternating; the first start of each (migrations, demo data)
# is a warm-up and not counted. Prints the sizes and the times; talks only to 127.0.0.1.
#
#   PROD_JAR=... DEMO_JAR=... PGPORT=18450 bench/startup.sh
#
# Options (environment): PROD_JAR, DEMO_JAR (the jars to compare), PGHOST/PGPORT/DB/DB_USER/
# DB_PASSWORD (the external database, which must exist), RUNS=3, PORT=18400 (the management
# port is PORT + 10), DATA=bench/work/startup-embedded (the demo jar's data directory),
# JAVA_OPTS (default: the benchmark's 192 MB heap and serial GC).
set -euo pipefail
cd "$(dirname "$0")/.."
PROD_JAR=${PROD_JAR:?the production jar (./mvnw clean package -Pproduction)}
DEMO_JAR=${DEMO_JAR:?the demo jar (./mvnw clean package)}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
DB=${DB:-blogroll_ops}
DB_USER=${DB_USER:-blogroll_bench}
DB_PASSWORD=${DB_PASSWORD:-bench}
RUNS=${RUNS:-3}
PORT=${PORT:-18400}
DATA=${DATA:-bench/work/startup-embedded}
JAVA_OPTS=${JAVA_OPTS:-"-Xms192m -Xmx192m -XX:+UseSerialGC"}
URL=http://127.0.0.1:$PORT/blog/engineering/page/17
mkdir -p bench/work "$DATA"

APP_PID=""
trap '[[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null; wait 2>/dev/null || true' EXIT

# start KIND: starts one jar, prints the seconds to the first page, stops it
start() {
  local kind=$1 started seconds
  started=$(date +%s.%N)
  if [[ $kind == production ]]; then
    SPRING_DATASOURCE_URL=jdbc:postgresql://$PGHOST:$PGPORT/$DB SPRING_DATASOURCE_USERNAME=$DB_USER \
      SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD BLOGROLL_DEMO_DATA=true SERVER_PORT=$PORT SERVER_ADDRESS=127.0.0.1 \
      MANAGEMENT_SERVER_PORT=$((PORT + 10)) MANAGEMENT_SERVER_ADDRESS=127.0.0.1 \
      java $JAVA_OPTS -jar "$PROD_JAR" > bench/work/startup-$kind.log 2>&1 &
  else
    BLOGROLL_EMBEDDED_DATABASE_DATA_DIRECTORY=$DATA SERVER_PORT=$PORT SERVER_ADDRESS=127.0.0.1 \
      MANAGEMENT_SERVER_PORT=$((PORT + 10)) MANAGEMENT_SERVER_ADDRESS=127.0.0.1 \
      java $JAVA_OPTS -jar "$DEMO_JAR" > bench/work/startup-$kind.log 2>&1 &
  fi
  APP_PID=$!
  until curl -fs -o /dev/null "$URL"; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 bench/work/startup-$kind.log >&2; exit 1; }
    sleep 0.05
  done
  seconds=$(python3 -c "import time; print(round(time.time() - $started, 2))")
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
  echo "$seconds"
}

echo "production jar: $(du -m "$PROD_JAR" | cut -f1) MB ($(stat -c %s "$PROD_JAR") bytes)"
echo "demo jar:       $(du -m "$DEMO_JAR" | cut -f1) MB ($(stat -c %s "$DEMO_JAR") bytes)"
echo "warm-up (migrations and demo data where the database is new): production $(start production) s, demo $(start demo) s"
for run in $(seq "$RUNS"); do
  echo "run $run: production $(start production) s, demo $(start demo) s (load $(cut -d' ' -f1 /proc/loadavg))"
done
