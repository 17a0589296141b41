#!/usr/bin/env bash
# Backs up a Blogroll database three ways, restores each into a fresh database, and compares
# every table that holds content, row for row:
#
#   pg_dump -> pg_restore                    every table
#   site export (/admin/export/site)          every content table: categories, authors, tags,
#     -> java -jar blogroll.jar --import-site   feed sources, posts, post tags, old slugs, and the
#                                              accounts (without their passwords)
#   posts export (/admin/export)              the posts' content, as before (that format holds
#     -> java -jar blogroll.jar --import        posts only)
#
# The original is the demo site plus what editors add to it: two feed sources, an editor's
# account, a post written through the admin, one renamed (its old address redirects) and one
# trashed. Sessions, failed sign-ins and the feed fetch log are not content and are not compared.
# Only 127.0.0.1; bounded: about 3 minutes.

source "$(dirname "$0")/lib.sh"
PORT=${PORT:-19184}
BASE="http://127.0.0.1:$PORT"

# table -> the order its rows are compared in
declare -A TABLES=([category]=id [author]=id [tag]=id [feed_source]=id [post]=id [post_revision]=id [post_tag]="post_id, tag_id"
	[post_old_slug]=slug)
checksum() { # checksum DB TABLE: row count and checksum of every row, as text
	DB_NAME=$1 psql_app "select count(*) || ' rows ' || coalesce(md5(string_agg(t::text, '|' order by ${TABLES[$2]})), '-') from $2 t"
}
accounts() { # accounts DB [with-hashes]: usernames, roles, states (and the hashes)
	local hash=""
	[ -n "${2:-}" ] && hash=", password_hash"
	DB_NAME=$1 psql_app "select count(*) || ' rows ' || md5(string_agg(concat_ws(',', username, role, enabled, created_at, updated_at$hash), '|' order by username)) from account where username <> 'admin'"
}
POSTS="select count(*) || ' posts, checksum ' || md5(coalesce(string_agg(p.slug || '|' || p.title || '|' || coalesce(p.body, '') || '|' || p.status || '|' || c.slug || '|' || a.name, ',' order by p.slug), ''))
       from post p join category c on c.id = p.category_id join author a on a.id = p.author_id where p.status <> 'TRASHED'"

build_jar
fresh_database
start_instance app "$PORT"
sign_in "$BASE" "$WORK/cookies" >/dev/null

# what editors add to the demo site
category=$(first_category "$BASE" "$WORK/cookies")
psql_app "insert into feed_source (name, site_url, feed_url, category_id, default_tags, active, fetch_interval_minutes)
          values ('Backup Source One', 'https://one.example.com/', 'https://one.example.com/feed.xml', $category, 'Go, Cloud', true, 30),
                 ('Backup Source Two', 'https://two.example.com/', 'https://two.example.com/atom.xml', $category, '', false, 240)" >/dev/null
psql_app "insert into account (username, password_hash, role) values ('backup-editor', '{bcrypt}\$2a\$10\$abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZ01234', 'EDITOR')" >/dev/null
csrf=$(csrf_from "$BASE" "$WORK/cookies" /admin/posts/new)
save() { # save PATH FIELD=VALUE...
	local path=$1
	shift
	local args=(--data-urlencode "_csrf=$csrf" --data-urlencode "categoryId=$category" --data-urlencode "newAuthor=Backup Editor"
		--data-urlencode "publishedAt=2025-03-04T05:06" --data-urlencode "status=PUBLISHED" --data-urlencode "version=0")
	for field in "$@"; do args+=(--data-urlencode "$field"); done
	curl -s -o /dev/null -w '%{http_code}' -b "$WORK/cookies" "${args[@]}" "$BASE$path"
}
[ "$(save /admin/posts/new "title=Written for the backup" "slug=written-for-the-backup" "body=Saved through the admin.")" = 302 ]
[ "$(save /admin/posts/new "title=Renamed for the backup" "slug=renamed-before" "body=Its old address redirects.")" = 302 ]
renamed=$(psql_app "select id from post where slug = 'renamed-before'")
[ "$(save "/admin/posts/$renamed/edit" "title=Renamed for the backup" "slug=renamed-after" "body=Its old address redirects.")" = 302 ]
trashed=$(psql_app "select id from post where slug = 'written-for-the-backup'")
curl -s -o /dev/null -b "$WORK/cookies" --data-urlencode "_csrf=$csrf" "$BASE/admin/posts/$trashed/trash"

curl -sf -b "$WORK/cookies" "$BASE/admin/export" >"$WORK/posts.ndjson"
curl -sf -b "$WORK/cookies" "$BASE/admin/export/site" >"$WORK/site.ndjson"
runuser -u postgres -- pg_dump -p "$PG_PORT" --format=custom "$DB_NAME" >"$WORK/blogroll.dump"
stop_instance app

fresh() { # fresh DB: an empty database owned by Blogroll's role
	psql_admin -c "drop database if exists $1 with (force)"
	psql_admin -c "create database $1 owner $DB_USER"
}
blogroll() { # blogroll DB ARGS...: Blogroll's command line against DB
	local db=$1
	shift
	SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" SPRING_DATASOURCE_USERNAME=$DB_USER \
	SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD BLOGROLL_DEMO_DATA=false java -jar "$JAR" "$@"
}

fresh "${DB_NAME}_restored"
runuser -u postgres -- pg_restore -p "$PG_PORT" --no-owner --role="$DB_USER" --dbname="${DB_NAME}_restored" <"$WORK/blogroll.dump"
fresh "${DB_NAME}_site"
blogroll "${DB_NAME}_site" --import-site="$WORK/site.ndjson" >"$WORK/import-site.log" 2>&1 || { tail -20 "$WORK/import-site.log"; exit 1; }
fresh "${DB_NAME}_imported"
blogroll "${DB_NAME}_imported" --import="$WORK/posts.ndjson" --create-categories >"$WORK/import.log" 2>&1 || { tail -20 "$WORK/import.log"; exit 1; }

echo "site export: $(wc -l <"$WORK/site.ndjson") lines; posts export: $(wc -l <"$WORK/posts.ndjson") lines; dump: $(du -h "$WORK/blogroll.dump" | cut -f1)"
echo
FAILED=0
printf '%-15s %-48s %-14s %-14s\n' table original pg_restore "site import"
for table in category author tag feed_source post post_revision post_tag post_old_slug account; do
	if [ $table = account ]; then
		original=$(accounts "$DB_NAME" hashes)
		restored=$(accounts "${DB_NAME}_restored" hashes)
		# no password hashes in the admin's download: compared without them
		site=$( [ "$(accounts "${DB_NAME}_site")" = "$(accounts "$DB_NAME")" ] && echo same || echo DIFFERENT)
	else
		original=$(checksum "$DB_NAME" $table)
		restored=$(checksum "${DB_NAME}_restored" $table)
		site=$( [ "$(checksum "${DB_NAME}_site" $table)" = "$original" ] && echo same || echo DIFFERENT)
	fi
	restored=$( [ "$restored" = "$original" ] && echo same || echo DIFFERENT)
	printf '%-15s %-48s %-14s %-14s\n' $table "$original" "$restored" "$site"
	[ "$restored" = same ] && [ "$site" = same ] || FAILED=1
done
echo
original=$(psql_app "$POSTS")
imported=$(DB_NAME=${DB_NAME}_imported psql_app "$POSTS")
echo "posts export/--import: original $original; imported $( [ "$original" = "$imported" ] && echo same || echo "DIFFERENT: $imported")"
[ "$original" = "$imported" ] || FAILED=1
for db in restored site imported; do psql_admin -c "drop database ${DB_NAME}_$db with (force)"; done
[ "$FAILED" = 0 ]
