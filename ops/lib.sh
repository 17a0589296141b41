# Shared by the ops/ scripts: a database on the local PostgreSQL 15 (a Debian cluster of its
# own, "15 blogroll-ops" on 127.0.0.1:$PG_PORT, created with pg_createcluster the first time,
# so stopping it disturbs no other user of "15 main"), Blogroll instances from
# target/blogroll.jar, and cleanup. Everything listens on 127.0.0.1 only; everything started
# here is stopped on exit. Needs root (pg_createcluster, pg_ctlcluster, runuser).

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR_DEFAULT=$ROOT/target/blogroll.jar
JAR=${JAR:-$JAR_DEFAULT}  # JAR=... runs a jar built elsewhere, as it is
WORK=$(mktemp -d /tmp/blogroll-ops.XXXXXX)
DB_NAME=${DB_NAME:-blogroll_ops}
DB_USER=${DB_USER:-blogroll_ops}
DB_PASSWORD=${DB_PASSWORD:-ops-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-ops-admin-password}
PG_CLUSTER=${PG_CLUSTER:-blogroll-ops}
PG_PORT=${PG_PORT:-5499}
PIDS=()

cleanup() {
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${PIDS[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	pg_ctlcluster 15 "$PG_CLUSTER" stop 2>/dev/null || true
	if [ -z "${KEEP_WORK:-}" ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

psql_admin() {
	runuser -u postgres -- psql -p "$PG_PORT" -q -v ON_ERROR_STOP=1 "$@"
}

# psql_app SQL: one value from the ops database
psql_app() {
	runuser -u postgres -- psql -p "$PG_PORT" -d "$DB_NAME" -tAc "$1"
}

database_stop() { pg_ctlcluster 15 "$PG_CLUSTER" stop -m fast; }
database_start() { pg_ctlcluster 15 "$PG_CLUSTER" start; }

# A fresh, empty database owned by its own role: Blogroll's Flyway migrations and demo data fill it.
fresh_database() {
	if ! pg_lsclusters -h | awk '{ print $1 "/" $2 }' | grep -qx "15/$PG_CLUSTER"; then
		pg_createcluster 15 "$PG_CLUSTER" -p "$PG_PORT" -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
		echo "listen_addresses = '127.0.0.1'" >>"/etc/postgresql/15/$PG_CLUSTER/postgresql.conf"
	fi
	database_start 2>/dev/null || true
	for db in "$DB_NAME" "${DB_NAME}_restored" "${DB_NAME}_imported"; do
		psql_admin -c "drop database if exists $db with (force)"
	done
	psql_admin -c "drop role if exists $DB_USER"
	psql_admin -c "create role $DB_USER login password '$DB_PASSWORD'"
	psql_admin -c "create database $DB_NAME owner $DB_USER"
}

build_jar() {
	if [ "$JAR" = "$JAR_DEFAULT" ] && { [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/src" "$ROOT/db" "$ROOT/pom.xml" -newer "$JAR" -print -quit)" ]; }; then
		echo "building $JAR"
		(cd "$ROOT" && ./mvnw -q -o package -DskipTests)
	fi
}

# start_instance NAME PORT: runs Blogroll on 127.0.0.1:PORT (management port PORT + 1000)
# against the ops database.
start_instance() {
	local name=$1 port=$2
	SERVER_PORT=$port \
	SERVER_ADDRESS=127.0.0.1 \
	MANAGEMENT_SERVER_PORT=$((port + 1000)) \
	MANAGEMENT_SERVER_ADDRESS=127.0.0.1 \
	SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB_NAME?ApplicationName=blogroll-$name" \
	SPRING_DATASOURCE_USERNAME=$DB_USER \
	SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD \
	BLOGROLL_DEMO_DATA=true \
	BLOGROLL_ADMIN_USERNAME=admin \
	BLOGROLL_ADMIN_PASSWORD=$ADMIN_PASSWORD \
		java -Xmx${HEAP:-384m} ${JAVA_OPTS:-} -jar "$JAR" >"$WORK/$name.log" 2>&1 &
	PIDS+=($!)
	echo $! >"$WORK/$name.pid"
	local deadline=$((SECONDS + 180))
	until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
		if [ $SECONDS -gt $deadline ] || ! kill -0 "$(cat "$WORK/$name.pid")" 2>/dev/null; then
			echo "instance $name did not start; its log:" >&2
			tail -50 "$WORK/$name.log" >&2
			exit 1
		fi
		sleep 1
	done
	echo "instance $name is up on 127.0.0.1:$port (pid $(cat "$WORK/$name.pid"))"
}

stop_instance() {
	local pid
	pid=$(cat "$WORK/$1.pid")
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}

# The URL mix of the load scripts: listings, posts, feeds, search, for instance on BASE.
url_mix() {
	local base=$1
	local posts
	posts=$(for page in /blog /blog/page/2 /blog/page/3; do curl -sf "$base$page"; done \
		| grep -o 'href="/blog/[a-z0-9-]*/[a-z0-9-]*"' | grep -v '/page/\|/tag/\|/author/' \
		| sed 's/href="//; s/"$//' | sort -u | head -40)
	{
		echo /
		echo /blog
		for n in 2 3 5 8 13; do echo "/blog/page/$n"; done
		echo /blog/engineering
		echo /blog/engineering/page/2
		echo /feed.atom
		echo /feed.rss
		echo /sitemap.xml
		for q in gateway kubernetes "api+design" latency plugin; do echo "/search?q=$q"; done
		echo "$posts"
	} | grep -v '^$'
}

# sign_in BASE JAR_FILE: signs the admin in with curl, keeping the session cookie in JAR_FILE.
sign_in() {
	local base=$1 cookies=$2 csrf
	csrf=$(curl -sf -c "$cookies" -b "$cookies" "$base/admin/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
	curl -s -o /dev/null -c "$cookies" -b "$cookies" -w '%{http_code}' \
		--data-urlencode "username=admin" --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf" \
		"$base/admin/login"
}

# csrf_from BASE PATH JAR_FILE: the CSRF token of the form on an admin page.
csrf_from() {
	curl -sf -b "$2" -c "$2" "$1$3" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'
}

# first_category BASE COOKIES: the id of the first category offered on the new-post form.
first_category() {
	curl -sf -b "$2" "$1/admin/posts/new" | sed -n '/name="categoryId"/,/<\/select>/p' \
		| grep -o '<option value="[0-9][0-9]*"' | head -1 | grep -o '[0-9][0-9]*'
}

# start_nginx PORT UPSTREAM_PORT: nginx on 127.0.0.1:PORT in front of Blogroll on
# 127.0.0.1:UPSTREAM_PORT, with the shipped configuration (deploy/nginx/nginx.conf) as it is,
# but for its upstream address, listen line and file paths. Stopped on exit like everything else.
start_nginx() {
	local port=$1 upstream=$2
	mkdir -p "$WORK/nginx/cache"
	sed -e "s|server blogroll:8080|server 127.0.0.1:$upstream|" -e "s|listen 80;|listen 127.0.0.1:$port;|" \
		-e "s|/var/cache/nginx/blogroll|$WORK/nginx/cache|" -e "s|/var/log/nginx/access.log|$WORK/nginx/access.log|" \
		"$ROOT/deploy/nginx/nginx.conf" >"$WORK/nginx/nginx.conf"
	local globals="pid $WORK/nginx/nginx.pid; error_log $WORK/nginx/error.log warn; user root;"
	nginx -t -p "$WORK/nginx/" -c "$WORK/nginx/nginx.conf" -g "$globals" 2>"$WORK/nginx/test.log" \
		|| { cat "$WORK/nginx/test.log" >&2; exit 1; }
	nginx -p "$WORK/nginx/" -c "$WORK/nginx/nginx.conf" -g "daemon off; $globals" &
	PIDS+=($!)
	until curl -s -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.2; done
	echo "nginx is up on 127.0.0.1:$port in front of 127.0.0.1:$upstream (deploy/nginx/nginx.conf)"
}

# start_readers NAME BASE LOOPS: LOOPS curl loops reading the URL mix from BASE, from
# 127.0.0.2 (another client address than the attacks', which come from 127.0.0.1), each
# pausing READER_PAUSE (0.2 s) between pages like a person (so a proxy's per-address rate
# limits see readers, not a flood), each answer logged as "<epoch> <status> <seconds>" in
# $WORK/readers-NAME.log, until stop_readers.
start_readers() {
	local name=$1 base=$2 loops=$3
	[ -f "$WORK/urls" ] || url_mix "$base" >"$WORK/urls"
	touch "$WORK/reading-$name"
	for i in $(seq "$loops"); do
		(
			while [ -f "$WORK/reading-$name" ]; do
				while read -r url; do
					[ -f "$WORK/reading-$name" ] || break
					result=$(curl -s -o /dev/null --interface 127.0.0.2 --max-time 5 -w '%{http_code} %{time_total}' \
						"$base$url" || true)
					echo "$(date +%s) ${result:-000 5}" >>"$WORK/readers-$name.log"
					sleep "${READER_PAUSE:-0.2}"
				done < <(shuf "$WORK/urls")
			done
		) &
		PIDS+=($!)
	done
}

stop_readers() { rm -f "$WORK/reading-$1"; }

# reader_summary NAME [SINCE]: requests, share of 2xx, p50, p99 and slowest of the readers'
# answers logged since the epoch SINCE (default: all).
reader_summary() {
	local selected="$WORK/summary.$1" n ok
	awk -v since="${2:-0}" '$1 >= since' "$WORK/readers-$1.log" >"$selected"
	n=$(wc -l <"$selected")
	if [ "$n" = 0 ]; then echo "0 requests"; return; fi
	ok=$(awk '$2 ~ /^2/' "$selected" | wc -l)
	awk '{ print $3 }' "$selected" | sort -n >"$selected.sorted"
	others=$(awk '$2 !~ /^2/ { print $2 }' "$selected" | sort | uniq -c | awk '{ printf " %s×%s", $2, $1 }')
	awk -v n="$n" -v ok="$ok" -v p50="$(sed -n "$(((n * 50 + 99) / 100))p" "$selected.sorted")" \
		-v p99="$(sed -n "$(((n * 99 + 99) / 100))p" "$selected.sorted")" -v max="$(tail -1 "$selected.sorted")" \
		-v others="$others" \
		'BEGIN { printf "%d requests, %.2f%% 2xx%s, p50 %.0f ms, p99 %.0f ms, slowest %.0f ms\n", n, 100 * ok / n, (others == "" ? "" : " (others:" others ")"), p50 * 1000, p99 * 1000, max * 1000 }'
}

# server_threads_reading PID: Tomcat worker threads blocked reading a request body right now.
server_threads_reading() {
	jstack "$1" 2>/dev/null | awk '/^"http-nio/ { thread = 1; reading = 0; next } /^$/ { thread = 0 }
		thread && /readPostBody|InputBuffer.read|IdentityInputFilter/ { if (!reading) count++; reading = 1 }
		END { print count + 0 }'
}
