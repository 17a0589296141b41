#!/usr/bin/env bash
# Proves that Blogroll survives PostgreSQL going away: starts Blogroll on a fresh database on
# the local PostgreSQL 15, reads a mix of pages with 8 clients throughout, stops PostgreSQL
# for OUTAGE seconds (pg_ctlcluster stop), starts it again, and prints the status
# codes before, during and after, the slowest answer during the outage, how long recovery
# took, and whether an editor's save sent during the outage was kept and saved afterwards.
# Each read counts in the phase in which its answer came (a read sent just before the stop and
# answered after it is a read during the outage). Every answer during the outage must come
# within 1.5 s (README) and never be public for a CDN to keep.
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
# the feed poller runs every 5 s, so that it meets the outage (one line in the log, no trace)
export BLOGROLL_INGEST_POLL_INTERVAL=5s
start_instance app "$PORT"
url_mix "$BASE" >"$WORK/urls"
echo "$(wc -l <"$WORK/urls") URLs in the mix, $CLIENTS clients"

now() { date +%s.%N; }
touch "$WORK/running"
for i in $(seq "$CLIENTS"); do
	(
		while [ -f "$WORK/running" ]; do
			while read -r url; do
				[ -f "$WORK/running" ] || break
				# answered at, status, seconds, whether the answer was public
				result=$(curl -s -o /dev/null -D "$WORK/headers.$i" -w '%{http_code} %{time_total}' --max-time 10 "$BASE$url" || true)
				public=$(grep -ci '^cache-control:.*public' "$WORK/headers.$i" || true)
				echo "$(now) $result $public" >>"$WORK/reads.$i"
			done < <(shuf "$WORK/urls")
		done
	) &
	PIDS+=($!)
done

# a visitor opens the sign-in page before the outage (and signs in during it, below)
curl -s -c "$WORK/visitor" -o "$WORK/login-form.html" "$BASE/admin/login"
# the editor signs in and opens the new-post form before the outage
sign_in "$BASE" "$WORK/cookies" >/dev/null
csrf=$(csrf_from "$BASE" "$WORK/cookies" /admin/posts/new)
category=$(first_category "$BASE" "$WORK/cookies")
title="Written during the outage $(date +%s)"

sleep "$PHASE"
echo "stopping PostgreSQL"
stop_issued=$(now)
database_stop
sleep 2
save=$(curl -s -b "$WORK/cookies" -H 'Accept: text/html' -o "$WORK/save-during.html" -w '%{http_code}' \
	--data-urlencode "_csrf=$csrf" --data-urlencode "title=$title" --data-urlencode "categoryId=$category" \
	--data-urlencode "publishedAt=2026-01-01T10:00" --data-urlencode "status=PUBLISHED" \
	--data-urlencode "newAuthor=Ops Editor" --data-urlencode "body=Typed while the database was away." "$BASE/admin/posts/new")
# the paths that used to wait for the pool twice: an unknown path (its 404 page reads the
# chrome) and a sign-in (the throttle, then the session); a new visitor, no session cookie
unknown=$(curl -s -H 'Accept: text/html' -o /dev/null -D "$WORK/unknown.headers" -w '%{http_code} in %{time_total}s' "$BASE/no-such-page-$RANDOM")
unknown_cache=$(grep -i '^cache-control:' "$WORK/unknown.headers" | tr -d '\r' | cut -d' ' -f2-)
login_csrf=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/login-form.html" | sed 's/.*value="//; s/"$//')
login=$(curl -s -o /dev/null -b "$WORK/visitor" -w '%{http_code} in %{time_total}s' --data-urlencode "username=admin" \
	--data-urlencode "password=wrong password" --data-urlencode "_csrf=$login_csrf" "$BASE/admin/login")
health=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/readyz")
health_body=$(curl -s "$BASE/readyz")
kept=no
grep -q "$title" "$WORK/save-during.html" && grep -q "Your changes have not been saved" "$WORK/save-during.html" && kept=yes
sleep $((OUTAGE - 2))

echo "starting PostgreSQL"
start_issued=$(now)
database_start
started=$(now)
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/blog")" = 200 ]; do
	sleep 0.2
done
recovered_at=$(now)
recovered=$(echo "$recovered_at - $started" | bc)

# the editor presses "Save again" on the 503 page: the same fields, the same CSRF token
resave=$(curl -s -b "$WORK/cookies" -o /dev/null -w '%{http_code}' \
	--data-urlencode "_csrf=$csrf" --data-urlencode "title=$title" --data-urlencode "categoryId=$category" \
	--data-urlencode "publishedAt=2026-01-01T10:00" --data-urlencode "status=PUBLISHED" \
	--data-urlencode "newAuthor=Ops Editor" --data-urlencode "body=Typed while the database was away." "$BASE/admin/posts/new")
saved=$(psql_app "select count(*) from post where title = '$title'")
sleep "$PHASE"
rm -f "$WORK/running"
sleep 1

# the phase of each read, by when its answer came
cat "$WORK"/reads.* | awk -v stop="$stop_issued" -v start="$start_issued" -v back="$recovered_at" '{
	phase = ($1 < stop) ? "before" : ($1 < start) ? "during" : ($1 < back) ? "after-recovery" : "after"
	print phase, $2, $3, $4 }' >"$WORK/reads"
echo
echo "== status codes of reads, by the phase their answer came in =="
for phase in before during after-recovery after; do
	printf '%-15s ' "$phase"
	awk -v p="$phase" '$1 == p { n[$2]++; t++ } END { if (!t) { print "(none)"; exit } for (c in n) printf "%s:%d ", c, n[c]; printf "total:%d\n", t }' "$WORK/reads"
done
slow_during=$(awk '$1 == "during" && $3 > 1.5 { f++ } END { print f + 0 }' "$WORK/reads")
public_degraded=$(awk '$1 == "during" && $2 != 200 && $4 > 0 { f++ } END { print f + 0 }' "$WORK/reads")
slowest=$(awk '$1 == "during" && $3 > m { m = $3 } END { printf "%.3f", m }' "$WORK/reads")
failed_before_after=$(awk '($1 == "before" || $1 == "after") && ($2 < 200 || $2 >= 400) { f++ } END { print f + 0 }' "$WORK/reads")
bad_during=$(awk '$1 == "during" && $2 != 503 && ($2 < 200 || $2 >= 400) { f++ } END { print f + 0 }' "$WORK/reads")
server_errors=$(awk '$2 >= 500 && $2 != 503 { f++ } END { print f + 0 }' "$WORK/reads")
echo
echo "slowest answer during the outage: ${slowest}s; answers slower than 1.5 s: $slow_during"
echo "answers other than 200 during the outage marked public (a CDN would keep them): $public_degraded"
echo "an unknown path during the outage: $unknown, Cache-Control: $unknown_cache"
echo "a sign-in during the outage: $login"
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
echo "the feed poller's lines about the outage: $(grep -c 'Feed poller' "$WORK/app.log" || true); stack traces in the log: $(grep -c '^\s*at ' "$WORK/app.log" || true)"
[ "$failed_before_after" = 0 ] && [ "$bad_during" = 0 ] && [ "$server_errors" = 0 ] && [ "$lost" = 0 ] \
	&& [ "$slow_during" = 0 ] && [ "$public_degraded" = 0 ]
