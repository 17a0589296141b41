#!/usr/bin/env bash
# Two editors saving at the same instant, TRIALS times per case, on one instance and across
# two, while pgbench writers (ops/pgbench/) and an import keep PostgreSQL busy. Each trial sends
# the pair of saves with one `curl --parallel`, so both leave at the same moment. The cases, and
# what counts as a correct outcome:
#
#   same post    both edit the same version of one post: one is saved (302), the other gets the
#                conflict page with its own input (200; both sessions are the admin's, so it says
#                "You saved this post in another tab or window", not "Someone else saved this post")
#   same title   both create a post with the same new title: one is saved, the other gets the
#                form with "already uses this slug" and its input
#   same tag     both create a post with the same brand-new tag: both are saved, and share the tag
#   same author  both create a post naming the same new author: both are saved, and share the author
#
# Prints, per case and setting, the correct outcomes and the 5xx answers (which must be 0), then
# the pgbench and import figures. Needs root (pg_createcluster, runuser), pgbench, python3.
# Only 127.0.0.1; bounded: a few minutes.
#
#   ops/contention.sh     # TRIALS=50 CLIENTS=4 IMPORT_POSTS=100000 PORT_A=18220 PORT_B=18221

source "$(dirname "$0")/lib.sh"
TRIALS=${TRIALS:-50}
CLIENTS=${CLIENTS:-4}
IMPORT_POSTS=${IMPORT_POSTS:-100000}
A="http://127.0.0.1:${PORT_A:-18220}"
B="http://127.0.0.1:${PORT_B:-18221}"
OPS=$(cd "$(dirname "$0")" && pwd)

build_jar
fresh_database
start_instance a "${PORT_A:-18220}"
start_instance b "${PORT_B:-18221}"
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGDATABASE=$DB_NAME PGUSER=$DB_USER PGPASSWORD=$DB_PASSWORD

# two editors on A, and the second one's session on B as well (sessions live in PostgreSQL)
sign_in "$A" "$WORK/one" >/dev/null
sign_in "$A" "$WORK/two" >/dev/null
CSRF_ONE=$(csrf_from "$A" "$WORK/one" /admin/posts/new)
CSRF_TWO=$(csrf_from "$A" "$WORK/two" /admin/posts/new)
CATEGORY=$(first_category "$A" "$WORK/one")
SESSION_ONE=$(awk '$6 == "SESSION" { print $7 }' "$WORK/one")
SESSION_TWO=$(awk '$6 == "SESSION" { print $7 }' "$WORK/two")
AUTHOR=$(psql -XAtq -c "select id from author order by id limit 1")

# the load: pgbench writers, and imports one after another, until the trials are done
python3 "$ROOT/bench/generate_posts.py" "$IMPORT_POSTS" >"$WORK/extra.ndjson"
touch "$WORK/loading"
(
	n=0
	while [ -f "$WORK/loading" ]; do
		n=$((n + 1))
		sed "s/\"slug\":\"p/\"slug\":\"c${n}-p/" "$WORK/extra.ndjson" >"$WORK/import.ndjson"
		SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB_NAME" SPRING_DATASOURCE_USERNAME=$DB_USER \
		SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD BLOGROLL_DEMO_DATA=false \
			java -Xmx512m -jar "$JAR" --import="$WORK/import.ndjson" --create-categories >>"$WORK/imports.log" 2>&1 &
		echo $! >"$WORK/import.pid"
		wait $! || echo "import $n failed" >>"$WORK/imports.log"
	done
) &
PIDS+=($!)
(
	# rounds of 20 s, so that each prints its figures (a background pgbench ignores SIGINT)
	while [ -f "$WORK/loading" ]; do
		pgbench -n -c "$CLIENTS" -j 2 -T 20 --max-tries=20 --failures-detailed \
			-f "$OPS/pgbench/insert.sql@6" -f "$OPS/pgbench/delete.sql@2" -f "$OPS/pgbench/move.sql@2" \
			-f "$OPS/pgbench/redate.sql@3" -f "$OPS/pgbench/toggle.sql@2" -f "$OPS/pgbench/savepoint.sql@1" \
			-f "$OPS/pgbench/serializable.sql@1" -f "$OPS/pgbench/tagged.sql@2" >>"$WORK/pgbench.log" 2>&1 || true
	done
) &
PGBENCH=$!
PIDS+=($PGBENCH)
sleep 10

# fields CSRF NAME=VALUE...: the post form's fields, the given ones replacing the defaults, as
# NUL-separated curl arguments
fields() {
	local csrf=$1
	shift
	declare -A form=([_csrf]=$csrf [title]="Contention" [slug]="" [categoryId]=$CATEGORY [tags]="" [authorId]=$AUTHOR
		[newAuthor]="" [publishedAt]="2025-06-01T10:00" [status]=PUBLISHED [excerpt]="" [imageUrl]="" [imageAlt]=""
		[sourceUrl]="" [version]=0 [body]="Saved by ops/contention.sh")
	local field
	for field in "$@"; do form[${field%%=*}]=${field#*=}; done
	for field in "${!form[@]}"; do printf -- '--data-urlencode\0%s\0' "$field=${form[$field]}"; done
}

# pair SECOND_BASE OUT PATH ONE_FIELDS... -- TWO_FIELDS...: both saves at once; writes
# "status1 status2" and the two pages to OUT.1 and OUT.2
pair() {
	local second=$1 out=$2 path=$3
	shift 3
	local one=() two=() side=one
	for arg in "$@"; do
		if [ "$arg" = -- ]; then side=two; continue; fi
		if [ $side = one ]; then one+=("$arg"); else two+=("$arg"); fi
	done
	local args1 args2
	mapfile -d '' args1 < <(fields "$CSRF_ONE" "${one[@]}")
	mapfile -d '' args2 < <(fields "$CSRF_TWO" "${two[@]}")
	# the session cookies as headers: with two cookie files, one curl would send one session for both
	curl --parallel --parallel-immediate --no-progress-meter \
		-s --max-time 60 -H "Cookie: SESSION=$SESSION_ONE" -H 'Accept: text/html' -o "$out.1" -w '%{http_code}\n' \
		"${args1[@]}" "$A$path" --next \
		-s --max-time 60 -H "Cookie: SESSION=$SESSION_TWO" -H 'Accept: text/html' -o "$out.2" -w '%{http_code}\n' \
		"${args2[@]}" "$second$path" \
		| sort | tr '\n' ' '
}

has() { grep -qF -- "$2" "$1"; }
# what the conflict page says to an editor whose other session saved first
CONFLICT="You saved this post in another tab or window while editing it here"

run_case() { # run_case NAME SECOND_BASE
	local name=$1 second=$2 correct=0 errors=0 t status out
	for t in $(seq "$TRIALS"); do
		out="$WORK/trial"
		local tag="$name $t $(date +%s%N)"
		local slug
		case $name in
		same-post)
			slug="contention-post-$t-$RANDOM$RANDOM"
			mapfile -d '' create < <(fields "$CSRF_ONE" "title=Contention $slug" "slug=$slug")
			curl -s -o /dev/null -b "$WORK/one" "${create[@]}" "$A/admin/posts/new"
			local id
			id=$(psql -XAtq -c "select id from post where slug = '$slug'")
			status=$(pair "$second" "$out" "/admin/posts/$id/edit" "slug=$slug" "title=Edited by one" -- "slug=$slug" "title=Edited by two")
			if [ "$status" = "200 302 " ] && { { has "$out.1" "$CONFLICT" && has "$out.1" 'value="Edited by one"'; } ||
				{ has "$out.2" "$CONFLICT" && has "$out.2" 'value="Edited by two"'; }; }; then
				correct=$((correct + 1))
			fi
			;;
		same-title)
			status=$(pair "$second" "$out" /admin/posts/new "title=Contention title $tag" -- "title=Contention title $tag")
			if [ "$status" = "200 302 " ] && { { has "$out.1" "already uses this slug" && has "$out.1" "value=\"Contention title $tag\""; } ||
				{ has "$out.2" "already uses this slug" && has "$out.2" "value=\"Contention title $tag\""; }; }; then
				correct=$((correct + 1))
			fi
			;;
		same-tag)
			status=$(pair "$second" "$out" /admin/posts/new "title=Contention tag one $tag" "tags=Contention tag $tag, Kubernetes" \
				-- "title=Contention tag two $tag" "tags=Kubernetes, Contention tag $tag")
			local shared
			shared=$(psql -XAtq -c "select count(distinct t.id) || ' ' || count(*) from tag t join post_tag pt on pt.tag_id = t.id
				where t.name = 'Contention tag $tag' and pt.post_id in (select id from post where title like 'Contention tag %')")
			[ "$status" = "302 302 " ] && [ "$shared" = "1 2" ] && correct=$((correct + 1))
			;;
		same-author)
			status=$(pair "$second" "$out" /admin/posts/new "title=Contention author one $tag" "authorId=" "newAuthor=Contention author $tag" \
				-- "title=Contention author two $tag" "authorId=" "newAuthor=Contention author $tag")
			local shared
			shared=$(psql -XAtq -c "select count(distinct a.id) || ' ' || count(*) from author a join post p on p.author_id = a.id
				where a.name = 'Contention author $tag' and p.title like 'Contention author %'")
			[ "$status" = "302 302 " ] && [ "$shared" = "1 2" ] && correct=$((correct + 1))
			;;
		esac
		[ -n "${SHOW_TRIALS:-}" ] && echo "$name $t: $status" >&2
		for code in $status; do
			if [ "$code" -ge 500 ] || [ "$code" = 000 ]; then
				errors=$((errors + 1))
				cp "$out.1" "$WORK/failed-$name-$t.1.html" 2>/dev/null || true
				cp "$out.2" "$WORK/failed-$name-$t.2.html" 2>/dev/null || true
			fi
		done
	done
	echo "$correct $errors"
}

echo
printf '%-12s %-14s %8s %8s %6s\n' case where trials correct 5xx
FAILED=0
for where in one-instance two-instances; do
	second=$A
	[ $where = two-instances ] && second=$B
	for name in same-post same-title same-tag same-author; do
		read -r correct errors < <(run_case "$name" "$second")
		printf '%-12s %-14s %8d %8d %6d\n' "$name" "$where" "$TRIALS" "$correct" "$errors"
		[ "$errors" = 0 ] && [ "$correct" = "$TRIALS" ] || FAILED=1
	done
done

rm -f "$WORK/loading"
kill "$(cat "$WORK/import.pid")" 2>/dev/null || true
wait $PGBENCH 2>/dev/null || true
echo
echo "load meanwhile:"
awk '/^number of transactions actually processed/ { t += $6 } /^number of failed transactions/ { f += $5 }
	/^total number of retries/ { r += $5 } END { printf "  pgbench: %d transactions, %d failed, %d retries (serialization and deadlock failures)\n", t, f, r }' "$WORK/pgbench.log"
echo "  imports of $IMPORT_POSTS posts: $(grep -c 'Imported ' "$WORK/imports.log" || true) finished (and the one running when the trials ended, stopped)"
echo "  unhandled exceptions in the instances' logs: $(cat "$WORK/a.log" "$WORK/b.log" | grep -c 'threw exception\|Exception Processing' || true)"
[ "$FAILED" = 0 ]
