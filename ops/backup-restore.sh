#!/usr/bin/env bash
# Backs up a Blogroll database both ways, restores both, and compares: pg_dump -> pg_restore
# into a scratch database, and the NDJSON export (/admin/export) -> `--import` into another
# fresh database. Prints the post counts and content checksums of original and restores.
# Only 127.0.0.1; bounded: about 2 minutes.

source "$(dirname "$0")/lib.sh"
PORT=${PORT:-19184}
BASE="http://127.0.0.1:$PORT"
CONTENT="select count(*) || ' posts, checksum ' || md5(coalesce(string_agg(p.slug || '|' || p.title || '|' || coalesce(p.body, '') || '|' || p.status || '|' || c.slug || '|' || a.name, ',' order by p.slug), ''))
         from post p join category c on c.id = p.category_id join author a on a.id = p.author_id where p.status <> 'TRASHED'"

build_jar
fresh_database
start_instance app "$PORT"
sign_in "$BASE" "$WORK/cookies" >/dev/null
curl -sf -b "$WORK/cookies" "$BASE/admin/export" >"$WORK/posts.ndjson"
runuser -u postgres -- pg_dump -p "$PG_PORT" --format=custom "$DB_NAME" >"$WORK/blogroll.dump"
stop_instance app
original=$(psql_app "$CONTENT")

psql_admin -c "drop database if exists ${DB_NAME}_restored with (force)"
psql_admin -c "create database ${DB_NAME}_restored owner $DB_USER"
runuser -u postgres -- pg_restore -p "$PG_PORT" --no-owner --role="$DB_USER" --dbname="${DB_NAME}_restored" <"$WORK/blogroll.dump"
restored=$(DB_NAME=${DB_NAME}_restored psql_app "$CONTENT")

psql_admin -c "drop database if exists ${DB_NAME}_imported with (force)"
psql_admin -c "create database ${DB_NAME}_imported owner $DB_USER"
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/${DB_NAME}_imported" \
SPRING_DATASOURCE_USERNAME=$DB_USER SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD BLOGROLL_DEMO_DATA=false \
	java -jar "$JAR" --import="$WORK/posts.ndjson" >"$WORK/import.log" 2>&1 || { tail -20 "$WORK/import.log"; exit 1; }
imported=$(DB_NAME=${DB_NAME}_imported psql_app "$CONTENT")
psql_admin -c "drop database ${DB_NAME}_restored with (force)"
psql_admin -c "drop database ${DB_NAME}_imported with (force)"

echo "export: $(wc -l <"$WORK/posts.ndjson") lines, dump: $(du -h "$WORK/blogroll.dump" | cut -f1)"
echo "original:             $original"
echo "pg_dump/pg_restore:   $restored"
echo "export/--import:      $imported"
[ "$original" = "$restored" ] && [ "$original" = "$imported" ]
