#!/usr/bin/env bash
# An NDJSON import of a file of bad lines only (SIZE, 1 GB by default: about 70 million lines)
# with `java -jar blogroll.jar --import` in a heap of HEAP (256 MB), as issue 13 asked: it must
# complete, report the first 1,000 lines with their reasons and count the rest, and keep its
# heap flat. Prints the import's summary, how long it took, and the heap after each collection
# (lowest, highest, last) from its GC log. Needs the disk space for the file (in /tmp), and
# removes it. Bounded: a few minutes on two cores.
#
#   ops/import-flood.sh            # SIZE=1G HEAP=256m to change (SIZE as for head -c)

# a database and role of its own, so other ops scripts on the same cluster are left alone
DB_NAME=${DB_NAME:-blogroll_import_flood}
DB_USER=${DB_USER:-blogroll_import_flood}
source "$(dirname "$0")/lib.sh"
SIZE=${SIZE:-1G}
HEAP=${HEAP:-256m}

build_jar
fresh_database
echo "writing $SIZE of bad lines"
# head stops the pipe when it has enough: yes and awk end on SIGPIPE, which is no error here
(set +o pipefail; yes 'not json: {"title": "a line that is no post at all"' | awk '{ print $0 " " NR }' \
	| head -c "$SIZE") >"$WORK/bad.ndjson"
lines=$(wc -l <"$WORK/bad.ndjson")
echo "$(du -h "$WORK/bad.ndjson" | cut -f1), $lines lines"
started=$(date +%s)
set +e
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB_NAME" \
SPRING_DATASOURCE_USERNAME=$DB_USER \
SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD \
BLOGROLL_DEMO_DATA=false \
	java -Xmx"$HEAP" -Xlog:gc:file="$WORK/gc.log" -jar "$JAR" --import="$WORK/bad.ndjson" >"$WORK/import.log" 2>&1
status=$?
set -e
rm -f "$WORK/bad.ndjson"
echo "exit status $status (1: some lines failed, as they all should), $(($(date +%s) - started)) s"
grep '^Imported ' "$WORK/import.log" || tail -20 "$WORK/import.log"
echo "lines reported with their reason: $(grep -c ': line [0-9]*: ' "$WORK/import.log" || true)"
awk '{ for (i = 1; i <= NF; i++) if ($i ~ /->[0-9]+M\(/) { split($i, a, "->"); split(a[2], b, "M"); h = b[1] + 0;
		if (min == "" || h < min) min = h; if (h > max) max = h; last = h; n++ } }
	END { printf "heap after GC over %d collections: lowest %d MB, highest %d MB, last %d MB (heap %s)\n", n, min, max, last, heap }' \
	heap="$HEAP" "$WORK/gc.log"
echo "OutOfMemoryError: $(grep -c OutOfMemoryError "$WORK/import.log" || true)"
