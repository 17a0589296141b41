#!/usr/bin/env bash
# The slow-POST attack of issue 13, measured: slowhttptest (Debian's package) opens 1,000
# connections at 200 a second to the sign-in form, each announcing an 8 KB body and sending a
# few bytes every 10 seconds, first straight at Blogroll, then at the shipped nginx in front of
# it (deploy/nginx/nginx.conf). Meanwhile readers on another address read the URL mix; the
# script prints their answers during each attack, the server threads held reading bodies, and
# slowhttptest's own view. Only 127.0.0.1 (readers from 127.0.0.2); bounded: about 3 minutes.
#
#   ops/slow-post.sh            # ATTACK=60 CONNECTIONS=1000 RATE=200 READERS=4 to change

# a database and role of its own, so other ops scripts on the same cluster are left alone
DB_NAME=${DB_NAME:-blogroll_slow_post}
DB_USER=${DB_USER:-blogroll_slow_post}
source "$(dirname "$0")/lib.sh"
ATTACK=${ATTACK:-60}
CONNECTIONS=${CONNECTIONS:-1000}
RATE=${RATE:-200}
READERS=${READERS:-4}
PORT=${PORT:-18130}
LB=${LB:-18131}
export BLOGROLL_TRUSTED_PROXIES=127.0.0.1

command -v slowhttptest >/dev/null || { echo "needs slowhttptest (apt-get install slowhttptest)" >&2; exit 1; }
build_jar
fresh_database
start_instance app "$PORT"
start_nginx "$LB" "$PORT"
app_pid=$(cat "$WORK/app.pid")

attack() { # attack NAME BASE
	local name=$1 base=$2 since held
	start_readers "$name" "$base" "$READERS"
	sleep 5
	since=$(date +%s)
	slowhttptest -g -o "$WORK/slow-$name" -B -c "$CONNECTIONS" -r "$RATE" -s 8192 -i 10 -t POST \
		-u "$base/admin/login" -l "$ATTACK" >"$WORK/slow-$name.out" 2>&1 &
	local slow=$!
	PIDS+=($slow)
	sleep $((ATTACK / 2))
	held=$(server_threads_reading "$app_pid")
	wait "$slow" || true
	stop_readers "$name"
	sleep 1
	echo "== slow POST $name ($CONNECTIONS connections at $RATE/s for ${ATTACK}s) =="
	echo "readers during the attack: $(reader_summary "$name" "$since")"
	echo "Blogroll threads blocked reading a body half-way through: $held"
	tail -1 "$WORK/slow-$name.csv" | awk -F, '{ printf "slowhttptest at the end: %s connected, %s closed by the server\n", $4, $2 }'
}

attack direct "http://127.0.0.1:$PORT"
attack behind-nginx "http://127.0.0.1:$LB"
echo "unhandled exceptions in Blogroll's log: $(grep -c 'Exception Processing\|threw exception\|OutOfMemoryError' "$WORK/app.log" || true)"
