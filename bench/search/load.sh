#!/usr/bin/env bash
# Loads N generated posts (default 1,000,000; bench/search/generate.py) into a Blogroll database
# for measuring /search: Flyway creates the schema (the jar starts once and stops after its
# context is up), then PARTS generators each feed one COPY (triggers skipped: the listing counts
# are rebuilt in one statement at the end), then tags, the GIN index and statistics
# (finish.sql). Prints progress; the time of each step.
#
#   PGPORT=19410 DB=search_bench bench/search/load.sh 1000000
# Run as root (uses the postgres account for the COPY) from the repository root.
set -euo pipefail
cd "$(dirname "$0")/../.."
POSTS=${1:-1000000}
PARTS=${PARTS:-2}
PGPORT=${PGPORT:-19410}
DB=${DB:-search_bench}
DB_USER=${DB_USER:-blogroll}
DB_PASSWORD=${DB_PASSWORD:-bench}
JAR=${JAR:-target/blogroll.jar}
WORK=bench/work/search/$DB
mkdir -p "$WORK"
log() { echo "[load $(date -u +%H:%M:%S)] $*" >&2; }
su_psql() { su postgres -c "psql -X -q -p $PGPORT -d $DB -v ON_ERROR_STOP=1 $*"; }
START=$(date +%s)
log "dropping and creating $DB, schema through Flyway ($JAR)"
su postgres -c "psql -X -q -p $PGPORT -d postgres" <<SQL
drop database if exists $DB;
do \$\$ begin create role $DB_USER login password '$DB_PASSWORD'; exception when duplicate_object then null; end \$\$;
create database $DB owner $DB_USER;
SQL
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$PGPORT/$DB SPRING_DATASOURCE_USERNAME=$DB_USER \
  SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD BLOGROLL_DEMO_DATA=false SERVER_PORT=19401 MANAGEMENT_SERVER_PORT=19402 \
  java -Xmx256m -XX:+UseSerialGC -Dspring.context.exit=onRefresh -jar "$JAR" > "$WORK/flyway.log" 2>&1 || true
su_psql -c "'select count(*) from flyway_schema_history'" > /dev/null || { tail -30 "$WORK/flyway.log"; exit 1; }
su_psql < bench/search/setup.sql
export MODEL_CACHE=${MODEL_CACHE:-$PWD/bench/work/search/model.pickle}
[[ -f "$MODEL_CACHE" ]] || python3 bench/search/generate.py --prepare > "$WORK/model.json"
log "schema ready; generating and copying $POSTS posts in $PARTS parts"
pids=()
for ((part = 0; part < PARTS; part++)); do
  ( TAGS_OUT=$WORK/tags-$part.csv python3 bench/search/generate.py "$POSTS" $part $PARTS \
    | su postgres -c "PGOPTIONS='-c session_replication_role=replica -c synchronous_commit=off' psql -X -q -p $PGPORT -d $DB -v ON_ERROR_STOP=1 \
      -c '\\copy post (slug, title, category_id, author_id, published_at, excerpt, summary, body, status) from stdin with (format csv)'" ) &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
COPIED=$(date +%s)
log "posts copied in $((COPIED - START)) s; tags, GIN index, counts, statistics"
for ((part = 0; part < PARTS; part++)); do
  su_psql -c "'\\copy bench_post_tag from $PWD/$WORK/tags-$part.csv with (format csv)'"
done
su_psql < bench/search/finish.sql
log "done in $(( $(date +%s) - START )) s (copy $((COPIED - START)) s, finish $(( $(date +%s) - COPIED )) s)"
