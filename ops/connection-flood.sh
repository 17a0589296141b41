#!/usr/bin/env bash
# One client opens thousands of connections, asks for a page on each without reading the answer
# and keeps them open, straight at Blogroll in its deployed heap (128 MB,
# bench/jvm-options.sh). Meanwhile readers on another address read the URL mix. Prints their
# answers during and after the flood, the heap after a full collection with the connections
# open, and whether Blogroll still answers once they are closed; fails if it does not, or if
# the log shows an OutOfMemoryError. Only 127.0.0.1 (readers from 127.0.0.2); about 3 minutes.
#
#   ops/connection-flood.sh        # CONNECTIONS=6000 HOLD=60 READERS=2 to change
#
# Before server.tomcat.max-connections was bounded (Tomcat's default is 8,192 connections at
# about 22 KB of heap each), this run killed Tomcat's acceptor thread with an OutOfMemoryError
# and Blogroll answered nothing again, while /actuator/health still said UP.

DB_NAME=${DB_NAME:-blogroll_connection_flood}
DB_USER=${DB_USER:-blogroll_connection_flood}
source "$(dirname "$0")/lib.sh"
source "$ROOT/bench/jvm-options.sh"
CONNECTIONS=${CONNECTIONS:-6000}
HOLD=${HOLD:-60}
READERS=${READERS:-2}
PORT=${PORT:-18140}
HEAP=128m
JAVA_OPTS=${JAVA_OPTS:-$BLOGROLL_JAVA_OPTS}
ulimit -n $((CONNECTIONS + 1024))

build_jar
fresh_database
start_instance app "$PORT"
app_pid=$(cat "$WORK/app.pid")
base=http://127.0.0.1:$PORT

old_generation() { # the old generation's use after a full collection, or ? if the JVM does not answer
	jcmd "$app_pid" GC.run >/dev/null 2>&1 || true
	jcmd "$app_pid" GC.heap_info 2>/dev/null | grep -o 'tenured generation.*used [0-9]*K' | grep -o '[0-9]*K$' || echo '?'
}
direct_memory() { # the memory outside the heap that NIO buffers use (Tomcat's connection buffers)
	curl -s "http://127.0.0.1:$((PORT + 1000))/actuator/prometheus" \
		| awk '/^jvm_buffer_memory_used_bytes\{.*id="direct"/ { printf "%.1f MB", $NF / 1048576 }'
}
start_readers flood "$base" "$READERS"
sleep 5
before=$(old_generation)
direct_before=$(direct_memory)
started=$(date +%s)
echo "opening $CONNECTIONS connections from 127.0.0.1 and holding them ${HOLD}s"
python3 - "$PORT" "$CONNECTIONS" "$HOLD" <<'PY' &
import socket, sys, time
port, wanted, hold = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
held, refused, begun = [], 0, time.monotonic()
for i in range(wanted):
    if time.monotonic() - begun > hold / 2:  # a server that stopped accepting costs 2 s a try
        print(f"  gave up after {i} tries, {time.monotonic() - begun:.0f}s", flush=True)
        break
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=2)
        s.sendall(b"GET /blog HTTP/1.1\r\nHost: flood\r\n\r\n")  # and never reads the answer
        held.append(s)
    except OSError:
        refused += 1
    if (i + 1) % 1000 == 0:
        print(f"  {i + 1} tried, {len(held)} open, {refused} not accepted within 2 s, "
              f"{time.monotonic() - begun:.0f}s", flush=True)
time.sleep(max(0.0, hold - (time.monotonic() - begun)))
for s in held:
    s.close()
print(f"  closed {len(held)} connections", flush=True)
PY
flood=$!
sleep $((HOLD * 2 / 3))
echo "old generation after a full collection, with the connections open: $(old_generation) (before: $before)"
echo "direct memory (connection buffers) with the connections open: $(direct_memory) (before: $direct_before)"
wait "$flood" || true
ended=$(date +%s)
sleep 10
after=$(date +%s)
sleep 10
stop_readers flood

awk -v from="$started" -v to="$ended" '$1 >= from && $1 <= to' "$WORK/readers-flood.log" >"$WORK/readers-during.log"
echo "readers during the flood:  $(reader_summary during)"
echo "readers after it:          $(reader_summary flood "$after")"
status=$(curl -s -o /dev/null --max-time 5 -w '%{http_code}' "$base/blog/engineering" || true)
echo "a new request after the flood: $status"
failed=0
if grep -q OutOfMemoryError "$WORK/app.log"; then
	echo "FAILED: OutOfMemoryError in Blogroll's log:" >&2
	grep -m3 OutOfMemoryError "$WORK/app.log" >&2
	failed=1
fi
if [ "$status" != 200 ] || ! kill -0 "$app_pid" 2>/dev/null; then
	echo "FAILED: Blogroll does not answer after the flood ($status)" >&2
	failed=1
fi
# a JVM whose heap ran out may spend its time collecting and never act on SIGTERM
[ "$failed" = 0 ] || kill -9 "$app_pid" 2>/dev/null || true
[ "$failed" = 0 ] && echo "Blogroll survived $CONNECTIONS connections: flood $((ended - started))s"
exit "$failed"
