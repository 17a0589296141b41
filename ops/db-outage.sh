#!/usr/bin/env bash
# Proves that Blogroll survives PostgreSQL going away: starts Blogroll on a fresh database on
# the local PostgreSQL 15, reads a mix of pages with 8 clients throughout, stops PostgreSQL
# for OUTAGE seconds (pg_ctlcluster stop), starts it again, and prints the status
# codes before, during and after, the slowest answer during the outage, how long recovery
# took, and whether an editor's save sent during the outage was kept and saved afterwards.
# Needs root (pg_ctlcluster, runuser). Bounded: about 2 minutes. Only 127.0.0.1.
#
#   ops/db-outage.sh            # PHASE=20 OUTAGE=20 CLIENTS=8 PORT=19180 to change

source "$(dirname "$0")/lib.sh"
PHASE=${PHASE:-20}
OUTAGE=${OUTAGE:-20}
CLIENTS=${CLIENTS:-8}
PORT=${PORT:-19180}
BASE="http://127.0.0.1:$PORT"

build_jar
fresh_database
start_instance app "$PORT"
url_mix "$BASE" >"$WORK/urls"
echo "$(wc -l <"$WORK/urls") URLs in the mix, $CLIENTS clients"

echo before >"$WORK/phase"
touch "$WORK/running"
for i in $(seq "$CLIENTS"); do
	(
		while [ -f "$WORK/running" ]; do
			while read -r url; do
				[ -f "$WORK/running" ] || break
				phase=$(cat "$WORK/phase")
				result=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 10 "$BASE$url" || true)
				echo "$phase $result" >>"$WORK/reads.$i"
			done < <(shuf "$WORK/urls")
		done
	) &
	PIDS+=($!)
done

# the editor signs in and opens the new-post form before the outage
sign_in "$BASE" "$WORK/cookies" >/dev/null
csrf=$(csrf_from "$BASE" "$WORK/cookies" /admin/posts/new)
category=$(first_category "$BASE" "$WORK/cookies")
title="Written during the outage $(date +%s)"

sleep "$PHASE"
echo during >"$WORK/phase"
echo "stopping PostgreSQL"
database_stop
sleep 2
save=$(curl -s -b "$WORK/cookies" -H 'Accept: text/html' -o "$WORK/save-during.html" -w '%{http_code}' \
	--data-urlencode "_csrf=$csrf" --data-urlencode "title=$title" --data-urlencode "categoryId=$category" \
	--data-urlencode "publishedAt=2026-01-01T10:00" --data-urlencode "status=PUBLISHED" \
	--data-urlencode "newAuthor=Ops Editor" --data-urlencode "body=Typed while the database was away." "$BASE/admin/posts/new")
health=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/readyz")
health_body=$(curl -s "$BASE/readyz")
kept=no
grep -q "$title" "$WORK/save-during.html" && grep -q "Your changes have not been saved" "$WORK/save-during.html" && kept=yes
sleep $((OUTAGE - 2))

echo "starting PostgreSQL"
database_start
started=$(date +%s.%N)
echo after-recovery >"$WORK/phase"
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/blog")" = 200 ]; do
	sleep 0.2
done
recovered=$(echo "$(date +%s.%N) - $started" | bc)
echo after >"$WORK/phase"

# the editor presses "Save again" on the 503 page: the same fields, the same CSRF token
resave=$(curl -s -b "$WORK/cookies" -o /dev/null -w '%{http_code}' \
	--data-urlencode "_csrf=$csrf" --data-urlencode "title=$title" --data-urlencode "categoryId=$category" \
	--data-urlencode "publishedAt=2026-01-01T10:00" --data-urlencode "status=PUBLISHED" \
	--data-urlencode "newAuthor=Ops Editor" --data-urlencode "body=Typed while the database was away." "$BASE/admin/posts/new")
saved=$(psql_app "select count(*) from post where title = '$title'")
sleep "$PHASE"
rm -f "$WORK/running"
sleep 1

cat "$WORK"/reads.* >"$WORK/reads"
echo
echo "== status codes of reads, by phase =="
for phase in before during after-recovery after; do
	printf '%-15s ' "$phase"
	awk -v p="$phase" '$1 == p { n[$2]++; t++ } END { if (!t) { print "(none)"; exit } for (c in n) printf "%s:%d ", c, n[c]; printf "total:%d\n", t }' "$WORK/reads"
done
slowest=$(awk '$1 == "during" && $3 > m { m = $3 } END { printf "%.3f", m }' "$WORK/reads")
failed_before_after=$(awk '($1 == "before" || $1 == "after") && ($2 < 200 || $2 >= 400) { f++ } END { print f + 0 }' "$WORK/reads")
bad_during=$(awk '$1 == "during" && $2 != 503 && ($2 < 200 || $2 >= 400) { f++ } END { print f + 0 }' "$WORK/reads")
server_errors=$(awk '$2 >= 500 && $2 != 503 { f++ } END { print f + 0 }' "$WORK/reads")
echo
echo "slowest answer during the outage: ${slowest}s"
echo "/readyz during the outage: $health $health_body"
echo "recovered ${recovered}s after PostgreSQL started"
echo "editor's save during the outage: $save, input kept on the page: $kept"
echo "saved again after recovery: $resave, posts with that title: $saved"
echo "failed reads before and after: $failed_before_after"
echo "answers during the outage other than 503 or 2xx/3xx: $bad_during"
echo "5xx other than 503, whole run: $server_errors"
echo "requests that failed with an unhandled exception: $(grep -c 'threw exception\|Exception Processing' "$WORK/app.log" || true)"
lost=$(( saved == 1 ? 0 : 1 ))
echo "lost writes: $lost"
[ "$failed_before_after" = 0 ] && [ "$bad_during" = 0 ] && [ "$server_errors" = 0 ] && [ "$lost" = 0 ]
