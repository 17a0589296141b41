#!/usr/bin/env python3
"""Walks every page of Blogroll listings over HTTP and compares each page's cards with what
the plain OFFSET query gives for that page, straight from PostgreSQL.

    ops/walk_listings.py BASE_URL LISTING... (psql connection from PG* variables)

A LISTING is a path: /blog, /blog/<category>, /blog/tag/<tag> or /blog/author/<author>. For
each it reads the visible posts in listing order ("newest first, ties broken by id") with one
statement, then asks for every page (/page/N) with 4 connections at a time and compares the
cards' links, in order, with rows (N - 1) x 15 to N x 15 - 1 of that statement; it also checks
that the page after the last is a 404. Prints one line per listing and exits 1 on any difference.
Run it while nothing writes, so both sides see the same posts.
"""
import concurrent.futures
import re
import subprocess
import sys
import urllib.error
import urllib.request

PAGE_SIZE = 15
CARD = re.compile(r'class="card-title"><a href="([^"]+)"')


def expected(listing):
    parts = listing.strip("/").split("/")
    where = "p.status = 'PUBLISHED' and p.published_at <= now()"
    if len(parts) == 1:
        pass
    elif len(parts) == 2:
        where += f" and c.slug = '{parts[1]}'"
    elif parts[1] == "tag":
        where += f" and exists (select from post_tag pt join tag t on t.id = pt.tag_id where pt.post_id = p.id and t.slug = '{parts[2]}')"
    elif parts[1] == "author":
        where += f" and a.slug = '{parts[2]}'"
    sql = (f"select '/blog/' || c.slug || '/' || p.slug from post p join category c on c.id = p.category_id "
           f"join author a on a.id = p.author_id where {where} order by p.published_at desc, p.id desc")
    out = subprocess.run(["psql", "-XAtq", "-v", "ON_ERROR_STOP=1", "-c", sql], check=True,
                         capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if line]


def fetch(url):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "text/html"}), timeout=30) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, ""


def walk(base, listing):
    posts = expected(listing)
    pages = max(1, -(-len(posts) // PAGE_SIZE))

    def check(n):
        url = base + listing + ("" if n == 1 else f"/page/{n}")
        status, body = fetch(url)
        want = posts[(n - 1) * PAGE_SIZE:n * PAGE_SIZE]
        got = CARD.findall(body)
        if status != 200 or got != want:
            return f"page {n}: HTTP {status}, {len(got)} cards, {sum(1 for a, b in zip(got, want) if a != b) + abs(len(got) - len(want))} differ"
        return None

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        problems = [p for p in pool.map(check, range(1, pages + 1)) if p]
    past, _ = fetch(f"{base}{listing}/page/{pages + 1}")
    if past != 404:
        problems.append(f"page {pages + 1} (past the end): HTTP {past}, not 404")
    return len(posts), pages, problems


def main():
    base, listings = sys.argv[1].rstrip("/"), sys.argv[2:]
    failed = False
    for listing in listings:
        count, pages, problems = walk(base, listing)
        print(f"{listing}: {count} posts, {pages} pages walked, {len(problems)} differ from the OFFSET query")
        for problem in problems[:5]:
            print(f"    {problem}")
        failed |= bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
