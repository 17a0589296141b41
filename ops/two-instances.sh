#!/usr/bin/env bash
# Two Blogroll instances on one PostgreSQL (the local 15) behind nginx (Debian's package,
# configured into a temporary directory, on 127.0.0.1). Checks that an editor's session works
# on both, that a post saved on one shows on the other at once (rendered-page caches included),
# then runs wrk through nginx with editors saving posts meanwhile, stops one instance in the
# middle, and prints the counts: failed reads, and writes acknowledged versus found.
# Only 127.0.0.1; bounded: about 3 minutes.
#
#   ops/two-instances.sh        # DURATION=40 CONNECTIONS=32 to change

source "$(dirname "$0")/lib.sh"
DURATION=${DURATION:-40}
CONNECTIONS=${CONNECTIONS:-32}
A=19182
B=19183
LB=19190
HEAP=${HEAP:-320m}
export BLOGROLL_TRUSTED_PROXIES=127.0.0.1  # the nginx below

build_jar
fresh_database
start_instance a $A
start_instance b $B

mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  upstream blogroll {
    server 127.0.0.1:$A max_fails=1 fail_timeout=10s;
    server 127.0.0.1:$B max_fails=1 fail_timeout=10s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$LB;
    location / {
      proxy_pass http://blogroll;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      # only idempotent requests (GET, HEAD, ...) are sent again to the other instance
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 1s;
      proxy_read_timeout 30s;
    }
  }
}
NGINX
nginx -c "$WORK/nginx/nginx.conf" &
PIDS+=($!)
until curl -sf "http://127.0.0.1:$LB/readyz" >/dev/null; do sleep 0.2; done
echo "nginx is up on 127.0.0.1:$LB"

check() { if eval "$2"; then echo "ok    $1"; else echo "FAIL  $1"; FAILED=1; fi; }
FAILED=0

# sessions live in PostgreSQL: signed in on A, the editor is signed in on B, and the other way
check "sign-in on A redirects to the admin" "[ \"\$(sign_in http://127.0.0.1:$A $WORK/ca)\" = 302 ]"
check "the session from A works on B" "[ \"\$(curl -s -o /dev/null -w '%{http_code}' -b $WORK/ca http://127.0.0.1:$B/admin/posts)\" = 200 ]"
check "sign-in on B redirects to the admin" "[ \"\$(sign_in http://127.0.0.1:$B $WORK/cb)\" = 302 ]"
check "the session from B works on A" "[ \"\$(curl -s -o /dev/null -w '%{http_code}' -b $WORK/cb http://127.0.0.1:$A/admin/posts)\" = 200 ]"

# a post saved on A shows on B at once, though B had /blog in its rendered-page cache
category=$(first_category "http://127.0.0.1:$A" "$WORK/ca")
csrf=$(csrf_from "http://127.0.0.1:$A" "$WORK/ca" /admin/posts/new)
curl -s -o /dev/null "http://127.0.0.1:$B/blog"; curl -s -o /dev/null "http://127.0.0.1:$B/blog" # kept from its second request
check "B serves /blog from its cache" "curl -s -D - -o /dev/null http://127.0.0.1:$B/blog | grep -qi 'X-Page-Cache: hit'"
title="Saved on A $(date +%s%N)"
now=$(date +%Y-%m-%dT%H:%M -d '1 minute ago')
create() { # create BASE COOKIES CSRF TITLE -> status
	curl -s -o /dev/null -w '%{http_code}' -b "$2" --max-time 20 --data-urlencode "_csrf=$3" \
		--data-urlencode "title=$4" --data-urlencode "categoryId=$category" --data-urlencode "publishedAt=$now" \
		--data-urlencode "status=PUBLISHED" --data-urlencode "newAuthor=Ops Editor" \
		--data-urlencode "body=Saved by ops/two-instances.sh" "$1/admin/posts/new"
}
check "the post is saved on A" "[ \"\$(create http://127.0.0.1:$A $WORK/ca $csrf \"$title\")\" = 302 ]"
check "B shows it on /blog at once" "curl -s http://127.0.0.1:$B/blog | grep -q \"$title\""
echo "note  scheduled work: this branch has no scheduled job yet (publishing at a time needs none); nothing to run twice"

# load through nginx, editors writing meanwhile, instance B stopped half-way
url_mix "http://127.0.0.1:$LB" >"$WORK/urls"
touch "$WORK/writing"
(
	n=0
	while [ -f "$WORK/writing" ]; do
		n=$((n + 1))
		echo "$(create "http://127.0.0.1:$LB" "$WORK/ca" "$csrf" "Load write $n") Load write $n" >>"$WORK/writes"
		sleep 0.5
	done
) &
PIDS+=($!)
URLS="$WORK/urls" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$(dirname "$0")/wrk-mix.lua" \
	"http://127.0.0.1:$LB" >"$WORK/wrk.out" &
wrk_pid=$!
sleep $((DURATION / 2))
echo "stopping instance b under load"
stop_instance b
wait $wrk_pid
rm -f "$WORK/writing"
sleep 1

acked=$(awk '$1 == 302' "$WORK/writes" | wc -l)
refused=$(awk '$1 != 302' "$WORK/writes" | wc -l)
found=$(psql_app "select count(*) from post where title like 'Load write %'")
lost=0
while read -r status rest; do
	if [ "$status" = 302 ] && [ "$(psql_app "select count(*) from post where title = '$rest'")" != 1 ]; then
		lost=$((lost + 1))
	fi
done <"$WORK/writes"
echo
echo "== reads through nginx, instance b stopped half-way =="
grep COUNTS "$WORK/wrk.out"
echo "== writes through nginx =="
echo "acknowledged (302): $acked, refused or failed: $refused, found in PostgreSQL: $found, lost: $lost"
if [ "$refused" -gt 0 ]; then awk '$1 != 302 { print "  " $0 }' "$WORK/writes"; fi
failed_reads=$(grep COUNTS "$WORK/wrk.out" | sed 's/.*4xx=\([0-9]*\) 5xx=\([0-9]*\) socket-errors=\([0-9]*\).*/\1 \2 \3/' | awk '{ print $1 + $2 + $3 }')
echo "failed reads: $failed_reads"
[ "$FAILED" = 0 ] && [ "$failed_reads" = 0 ] && [ "$lost" = 0 ]
