#!/usr/bin/env bash
# Issue 13's soak: everything the issue found that took Blogroll down, at once, for DURATION
# seconds (10 minutes by default), against one Blogroll with nginx (the shipped
# deploy/nginx/nginx.conf) in front:
#   - readers: wrk, READERS connections straight to Blogroll over the URL mix, and two curl loops
#     through nginx from another address (127.0.0.2);
#   - the long-URL flood: 4 connections, every request a new path or query of 2,100 to 60,000
#     characters (ops/wrk-long-urls.lua);
#   - the search flood: 16 connections of one word and 100 excluded words (ops/wrk-search-flood.lua);
#   - the slow-POST attack: slowhttptest, 1,000 connections at 200/s sending their bodies a few
#     bytes every 10 s, in turns of 30 s straight at Blogroll and at nginx.
# Every 30 s it prints the readers' share of 2xx and p99, what each attack got, and Blogroll's
# heap after a full garbage collection (jcmd GC.run, then GC.heap_info: the live data, which is
# what must stay flat), with the young collections' lowest figure from its GC log beside it. At the end: whether readers stayed at >= 99%
# 2xx, whether the heap stayed flat, and whether any OutOfMemoryError happened (non-zero exit if
# not). Only 127.0.0.1 and 127.0.0.2; every loop is bounded by DURATION.
#
#   ops/soak.sh                         # 10 minutes
#   DURATION=120 ops/soak.sh            # the shorter run
#   READERS=8 HEAP=256m SEARCH_DELAY_MS=0 PORT=18110 LB=18111 to change

# a database and role of its own, so other ops scripts on the same cluster are left alone
DB_NAME=${DB_NAME:-blogroll_soak}
DB_USER=${DB_USER:-blogroll_soak}
source "$(dirname "$0")/lib.sh"
DURATION=${DURATION:-600}
SLICE=30
READERS=${READERS:-8}
SEARCHERS=${SEARCHERS:-16}
SEARCH_DELAY_MS=${SEARCH_DELAY_MS:-0}
URL_DELAY_MS=${URL_DELAY_MS:-10}
PORT=${PORT:-18110}
LB=${LB:-18111}
HEAP=${HEAP:-256m}
export BLOGROLL_TRUSTED_PROXIES=127.0.0.1
OPS=$(cd "$(dirname "$0")" && pwd)

command -v slowhttptest >/dev/null || { echo "needs slowhttptest (apt-get install slowhttptest)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }
build_jar
fresh_database
JAVA_OPTS="-Xlog:gc:file=$WORK/gc.log:uptime" start_instance app "$PORT"
start_nginx "$LB" "$PORT"
BASE="http://127.0.0.1:$PORT"
url_mix "$BASE" >"$WORK/urls"
start_readers nginx "http://127.0.0.1:$LB" 2

# heap_after_gc FROM TO: lowest and last heap after a young collection (MB) in the GC log
# between FROM and TO seconds of uptime, and the full collections among them
heap_after_gc() {
	awk -v from="$1" -v to="$2" '
		/^\[[0-9.]+s\]/ {
			t = substr($1, 2, length($1) - 3) + 0
			if (t < from || t >= to) next
			if ($0 ~ /Pause Full/) { full++; next }
			for (i = 1; i <= NF; i++) if ($i ~ /->[0-9]+M\(/) {
				split($i, a, "->"); split(a[2], b, "M"); after = b[1] + 0
				if (min == "" || after < min) min = after
				last = after
			}
		}
		END { printf "%s %s %d\n", (min == "" ? "-" : min), (last == "" ? "-" : last), full + 0 }' "$WORK/gc.log"
}

# heap_live: MB of heap in use right after a full collection
heap_live() {
	local pid
	pid=$(cat "$WORK/app.pid")
	jcmd "$pid" GC.run >/dev/null
	jcmd "$pid" GC.heap_info | awk '/ used / { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K.*/, "", v); printf "%.1f", v / 1024; exit } }'
}

uptime_now() { tail -1 "$WORK/gc.log" | sed -n "s/^\[\([0-9.]*\)s\].*/\1/p"; }

slices=$((DURATION / SLICE))
printf '%-6s %-44s %-30s %-22s %-26s %-22s %s\n' "t" "readers direct (2xx, p99)" "readers via nginx (2xx, p99)" "long URLs" "searches (200/429/5xx)" "slow POST" "heap after full GC MB (young GCs' lowest)"
worst=100
floors=()
started=$(date +%s)
gc_from=0
for slice in $(seq "$slices"); do
	since=$(date +%s)
	URLS="$WORK/urls" wrk -t2 -c"$READERS" -d"${SLICE}s" --timeout 5s -s "$OPS/wrk-mix.lua" "$BASE" >"$WORK/readers.$slice" 2>&1 &
	r=$!
	DELAY_MS=$URL_DELAY_MS wrk -t1 -c4 -d"${SLICE}s" --timeout 5s -s "$OPS/wrk-long-urls.lua" "$BASE" >"$WORK/urls.$slice" 2>&1 &
	u=$!
	DELAY_MS=$SEARCH_DELAY_MS wrk -t2 -c"$SEARCHERS" -d"${SLICE}s" --timeout 10s -s "$OPS/wrk-search-flood.lua" "$BASE" >"$WORK/search.$slice" 2>&1 &
	s=$!
	if [ $((slice % 2)) = 1 ]; then target="direct"; url="$BASE"; else target="nginx"; url="http://127.0.0.1:$LB"; fi
	slowhttptest -g -o "$WORK/slow.$slice" -B -c 1000 -r 200 -s 8192 -i 10 -t POST -u "$url/admin/login" \
		-l $((SLICE - 2)) >/dev/null 2>&1 &
	p=$!
	PIDS+=($r $u $s $p)
	wait $r $u $s $p 2>/dev/null || true
	gc_to=$(uptime_now)
	read -r heap_min heap_last full <<<"$(heap_after_gc "$gc_from" "${gc_to:-999999}")"
	gc_from=${gc_to:-$gc_from}
	live=$(heap_live)
	floors+=("$live")
	readers=$(grep COUNTS "$WORK/readers.$slice" \
		| sed 's/.*requests=\([0-9]*\) 2xx=\([0-9]*\).*socket-errors=\([0-9]*\).*p99=\([0-9.]*\)ms.*/\1 \2 \3 \4/')
	read -r answered ok failed p99 <<<"${readers:-0 0 0 0}"
	# a request that timed out or lost its connection is a failed read too
	n=$((answered + failed))
	share=$(awk -v n="$n" -v ok="$ok" 'BEGIN { printf "%.2f", (n > 0) ? 100 * ok / n : 0 }')
	worst=$(awk -v a="$worst" -v b="$share" 'BEGIN { print (b < a) ? b : a }')
	long=$(grep COUNTS "$WORK/urls.$slice" | sed 's/.*requests=\([0-9]*\).*4xx=\([0-9]*\) 5xx=\([0-9]*\).*/\1 sent, \2 4xx, \3 5xx/')
	search=$(grep COUNTS "$WORK/search.$slice" | sed 's/.*2xx=\([0-9]*\).*5xx=\([0-9]*\).*busy=\([0-9]*\).*/\1\/\3\/\2/')
	slow=$(tail -1 "$WORK/slow.$slice.csv" 2>/dev/null | awk -F, '{ print $4 " held, " $2 " closed" }')
	printf '%-6s %-44s %-30s %-22s %-26s %-22s %s (%s)\n' "$((since - started + SLICE))s" \
		"$n reqs, ${share}% 2xx, p99 ${p99} ms$( [ "$failed" = 0 ] || echo ", $failed failed")" "$(reader_summary nginx "$since" | sed 's/ requests,/ reqs,/; s/, p50 [0-9]* ms//; s/, slowest.*//')" \
		"${long:-none}" "${search:-none}" "$target: ${slow:-?}" "$live" "$heap_min"
done
stop_readers nginx

oom=$(grep -c 'OutOfMemoryError' "$WORK/app.log" || true)
first=${floors[0]}
last=${floors[-1]}
max=$(printf '%s\n' "${floors[@]}" | sort -n | tail -1)
echo
echo "readers straight to Blogroll: worst 30 s had ${worst}% 2xx (target >= 99%)"
echo "readers through nginx, whole run: $(reader_summary nginx)"
echo "heap after a full GC, every 30 s: first ${first} MB, last ${last} MB, highest ${max} MB (of $HEAP)"
echo "OutOfMemoryError in Blogroll's log: $oom; unhandled exceptions: $(grep -c 'Exception Processing\|threw exception' "$WORK/app.log" || true)"
awk -v w="$worst" 'BEGIN { exit !(w >= 99) }' && [ "$oom" = 0 ]
