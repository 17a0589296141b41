#!/usr/bin/env bash
# Times the /search statement (bench/search/search.sql: page 1, 15 rows, snippets included) on
# the search_bench database, RUNS times per query in one session (as a pooled connection
# would), after one warm-up run; prints the number of matches, p50 and p95 per query.
# Run from the repository root after bench/search/load.sh:  su postgres -c 'bench/search/queries.sh'
# PostgreSQL settings can be tried with PGOPTIONS, e.g. PGOPTIONS='-c work_mem=64MB'.
set -euo pipefail
runs="${RUNS:-21}"
queries=("gateway" "kubernetes ingress" "rate limiting" "\"service mesh\"" "plugin -lua" "grpc OR graphql"
  "certificate rotation outage" "zzzunknownword")
if [ "$#" -gt 0 ]; then queries=("$@"); fi  # or the queries given as arguments
for q in "${queries[@]}"; do
  script=$(mktemp)
  { echo '\o /dev/null'; cat bench/search/search.sql; echo '\timing on'
    for ((i = 0; i < runs; i++)); do cat bench/search/search.sql; done; } > "$script"
  times=$(psql -X -q -d search_bench -v q="$q" -f "$script" 2>/dev/null | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
  rm -f "$script"
  matches=$(echo "select count(*) from post where search_vector @@ websearch_to_tsquery('english', :'q')
    and status = 'PUBLISHED'" | psql -X -A -t -q -d search_bench -v q="$q" 2>/dev/null)
  echo "$times" | sort -n | awk -v q="$q" -v m="$matches" \
    '{ t[NR] = $1 } END { printf "%-30s %9d matches   p50 %8.1f ms   p95 %8.1f ms\n", q, m, t[int((NR + 1) / 2)], t[int(NR * 0.95 + 0.5)] }'
done
