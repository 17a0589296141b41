#!/usr/bin/env bash
# Lighthouse scores of the readers' pages: home, the reference listing (page 17), a post,
# search results, a tag and an author, each on a phone (Lighthouse's mobile emulation) and on a
# desktop (--preset=desktop), printing Accessibility, Best Practices, SEO and Performance.
#
#   ops/lighthouse.sh                        # starts target/blogroll.jar on the demo data
#   ops/lighthouse.sh http://localhost:8080  # audits a site already running
#
# Targets (issue 16): Accessibility, Best Practices and SEO 100 (search results are noindex on
# purpose, so their SEO score is lower), Performance >= 95. Performance moves with the machine's
# load: run it on a quiet machine, and read a low figure with its run's other figures.
#
# Needs Node.js 20 with npm, and Debian's Chromium (/usr/bin/chromium, or CHROME_PATH). Installs
# lighthouse 12.2.3 (the last version for Node.js 20) into .ci/tools/lighthouse (git-ignored)
# the first time. Reports (JSON and HTML) go to target/lighthouse/. Without a URL it starts the
# jar on port 18750 with an embedded PostgreSQL in a temporary folder and stops both at the end.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS=${LIGHTHOUSE_TOOLS:-$ROOT/.ci/tools/lighthouse}
OUT=$ROOT/target/lighthouse
PORT=${LIGHTHOUSE_PORT:-18750}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
BASE=${1:-}
APP_PID=
WORK=$(mktemp -d /tmp/blogroll-lighthouse.XXXXXX)

cleanup() {
	if [ -n "$APP_PID" ]; then
		kill "$APP_PID" 2>/dev/null || true
		wait "$APP_PID" 2>/dev/null || true
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -x "$TOOLS/node_modules/.bin/lighthouse" ]; then
	mkdir -p "$TOOLS"
	npm install --prefix "$TOOLS" --no-audit --no-fund -E lighthouse@12.2.3 >/dev/null
fi

if [ -z "$BASE" ]; then
	JAR=${JAR:-$ROOT/target/blogroll.jar}
	[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw package -DskipTests first" >&2; exit 1; }
	BASE=http://localhost:$PORT
	SERVER_PORT=$PORT BLOGROLL_SITE_URL=$BASE BLOGROLL_EMBEDDED_DATABASE_DATA_DIRECTORY=$WORK/postgres \
		java -jar "$JAR" >"$WORK/app.log" 2>&1 &
	APP_PID=$!
	for _ in $(seq 1 180); do
		if curl -fs -o /dev/null "$BASE/blog/engineering/page/17"; then break; fi
		if ! kill -0 "$APP_PID" 2>/dev/null; then cat "$WORK/app.log" >&2; exit 1; fi
		sleep 1
	done
fi

# The pages: one of each type a reader meets.
PAGES=(
	"home /"
	"listing /blog/engineering/page/17"
	"post /blog/engineering/extending-mtls-to-virtual-machines-outside-kubernetes"
	"search /search?q=gateway+plugin"
	"tag /blog/tag/api-gateway"
	"author /blog/author/marco-palladino"
)

# Headless flags for Debian's Chromium on a machine without outside network (see
# docs/testing.md): without the background-networking ones it keeps dialling out.
CHROME_FLAGS="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage"

mkdir -p "$OUT"
# warm the site up (page cache, JIT) so that the first page audited is not the one paying for it
for page in "${PAGES[@]}"; do
	path=${page#* }
	for _ in 1 2 3; do curl -fs -o /dev/null "$BASE$path" || true; done
done

printf '%-8s %-8s %6s %6s %6s %6s\n' page device A11y BP SEO Perf
for device in mobile desktop; do
	for page in "${PAGES[@]}"; do
		name=${page%% *}
		path=${page#* }
		preset=()
		if [ "$device" = desktop ]; then preset=(--preset=desktop); fi
		"$TOOLS/node_modules/.bin/lighthouse" "$BASE$path" "${preset[@]}" --quiet \
			--only-categories=accessibility,best-practices,seo,performance \
			--chrome-flags="$CHROME_FLAGS --user-data-dir=$WORK/chrome-$name-$device" \
			--output=json --output=html --output-path="$OUT/$name-$device" >/dev/null 2>"$WORK/lighthouse.err" ||
			{ cat "$WORK/lighthouse.err" >&2; exit 1; }
		node -e '
			const report = require(process.argv[1]);
			const score = (id) => Math.round(report.categories[id].score * 100);
			const failed = [];
			for (const id of ["accessibility", "best-practices", "seo"]) {
				for (const ref of report.categories[id].auditRefs) {
					const audit = report.audits[ref.id];
					if (ref.weight > 0 && audit.score !== null && audit.score < 1) failed.push(ref.id);
				}
			}
			console.log([process.argv[2].padEnd(8), process.argv[3].padEnd(8),
				...["accessibility", "best-practices", "seo", "performance"].map((id) => String(score(id)).padStart(6))]
				.join(" ") + (failed.length ? "   below 100: " + failed.join(", ") : ""));
		' "$OUT/$name-$device.report.json" "$name" "$device"
	done
done
echo "reports: $OUT/<page>-<device>.report.html"
