#!/usr/bin/env bash
# wrk with 64 connections for 60 seconds over a mix of listing, post, feed and search URLs on
# one Blogroll (fresh database on the local PostgreSQL 15). Prints the status counts, socket
# errors, and the heap used after a full GC before and after the run ("memory flat").
# Only 127.0.0.1; bounded: about 2 minutes.
#
#   ops/load-mix.sh             # CONNECTIONS=64 DURATION=60s PORT=19181 to change

source "$(dirname "$0")/lib.sh"
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-60s}
PORT=${PORT:-19181}
BASE="http://127.0.0.1:$PORT"

heap_after_gc() {
	local pid
	pid=$(cat "$WORK/app.pid")
	jcmd "$pid" GC.run >/dev/null
	jcmd "$pid" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { print $(i + 1); exit } }'
}

build_jar
fresh_database
start_instance app "$PORT"
url_mix "$BASE" >"$WORK/urls"
echo "$(wc -l <"$WORK/urls") URLs in the mix"
# warm up, then measure the heap
URLS="$WORK/urls" wrk -t2 -c8 -d10s -s "$(dirname "$0")/wrk-mix.lua" "$BASE" >/dev/null
before=$(heap_after_gc)
URLS="$WORK/urls" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s "$(dirname "$0")/wrk-mix.lua" "$BASE" \
	| tee "$WORK/wrk.out"
after=$(heap_after_gc)
echo
grep COUNTS "$WORK/wrk.out"
echo "heap used after full GC: before the run ${before}, after ${after}"
echo "requests that failed with an unhandled exception: $(grep -c 'threw exception\|Exception Processing' "$WORK/app.log" || true)"
grep -q ' 4xx=0 5xx=0 socket-errors=0 ' "$WORK/wrk.out"
