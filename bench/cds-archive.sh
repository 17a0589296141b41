#!/usr/bin/env bash
# Extracts a Blogroll jar and records its class-data-sharing archive (blogroll.jsa beside the
# extracted jar), the way bench/run.sh and bench/startup.sh start Blogroll. Two kinds of training:
#
#   bench/cds-archive.sh target/blogroll.jar bench/work/app          # no database: as deploy/Dockerfile
#   SERVE=1 SPRING_DATASOURCE_URL=... bench/cds-archive.sh JAR DIR   # with a database: serves pages
#
# Without a database the training run ends once the application context is refreshed (Flyway and
# Hibernate's schema look-ups off), so the classes of the first request (Thymeleaf's parser and
# processors, Hibernate's query parser, about 1,800 classes and half a second of a start) are not
# in the archive. With SERVE=1 (a database given in SPRING_DATASOURCE_*), the training run serves
# the first page, page 2, a post page, a search, the feeds and the sitemap, then stops (SIGTERM: the
# archive is written at exit). Options (environment): JAVA_OPTS (default bench/jvm-options.sh's),
# PORT (default 18490, the management port PORT + 10).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:?the jar}
DIR=${2:?the directory to extract it into}
source bench/jvm-options.sh
JAVA_OPTS=${JAVA_OPTS:-$BLOGROLL_JAVA_OPTS}
PORT=${PORT:-18490}
LOG=$DIR.training.log
rm -rf "$DIR"
java -Djarmode=tools -jar "$JAR" extract --destination "$DIR" > /dev/null
APP=$DIR/$(basename "$JAR")
export SERVER_PORT=$PORT SERVER_ADDRESS=127.0.0.1 MANAGEMENT_SERVER_PORT=$((PORT + 10)) \
  MANAGEMENT_SERVER_ADDRESS=127.0.0.1 BLOGROLL_DEMO_DATA=${BLOGROLL_DEMO_DATA:-false} MALLOC_ARENA_MAX=2
if [[ ${SERVE:-0} == 1 ]]; then
  java $JAVA_OPTS -XX:ArchiveClassesAtExit="$DIR/blogroll.jsa" -jar "$APP" > "$LOG" 2>&1 &
  pid=$!
  trap 'kill "$pid" 2>/dev/null || true' EXIT
  url=http://127.0.0.1:$PORT
  until curl -fs -o /dev/null "$url/blog/engineering/page/17"; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$LOG" >&2; exit 1; }
    sleep 0.1
  done
  post=$(curl -fs "$url/blog/engineering" | grep -o 'href="/blog/engineering/p[0-9][^"]*"' | head -1 | cut -d'"' -f2 || true)
  for path in / /blog/engineering/page/2 "$post" "/search?q=gateway" /feed.atom /sitemap.xml /blog/nothing-here; do
    curl -s -o /dev/null "$url$path" || true
  done
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  trap - EXIT
else
  SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:1/training SPRING_DATASOURCE_USERNAME=training \
    SPRING_DATASOURCE_PASSWORD=training SPRING_FLYWAY_ENABLED=false \
    SPRING_JPA_HIBERNATE_DDL_AUTO=none SPRING_JPA_DATABASE_PLATFORM=org.hibernate.dialect.PostgreSQLDialect \
    SPRING_JPA_PROPERTIES_HIBERNATE_BOOT_ALLOW_JDBC_METADATA_ACCESS=false \
    java $JAVA_OPTS -XX:ArchiveClassesAtExit="$DIR/blogroll.jsa" -Dspring.context.exit=onRefresh -jar "$APP" \
    > "$LOG" 2>&1 || true
fi
[[ -s $DIR/blogroll.jsa ]] || { tail -30 "$LOG" >&2; echo "no CDS archive recorded" >&2; exit 1; }
echo "$APP"
