#!/usr/bin/env bash
# Creates the scratch database search_bench with N synthetic posts (default 1,000,000) on the
# Blogroll schema, for measuring /search (README, "Search"). Run from the repository root as a
# user that may create databases, e.g.  su postgres -c 'bench/search/load.sh'
set -euo pipefail
posts="${1:-1000000}"
dropdb --if-exists search_bench
createdb search_bench
psql="psql -X -q -d search_bench -v ON_ERROR_STOP=1"
$psql -f db/migration/V1__create_blog_schema.sql -f db/migration/V10__search_posts.sql -f bench/search/setup.sql
python3 bench/search/generate.py "$posts" | $psql -c "\copy post (slug, title, category_id, author_id, published_at, excerpt, summary, body, status) from stdin with (format csv)"
$psql -f bench/search/finish.sql
