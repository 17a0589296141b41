#!/usr/bin/env python3
"""Writes N synthetic posts as CSV for COPY into a scratch database, to measure /search.

Words come from the demo posts' vocabulary with Zipf-like frequencies (the k-th most common
word is drawn with weight 1/k), so term frequencies look like engineering prose. Not used by
the application or its tests; see README, "Search", and bench/search/run.sh.
Usage: python3 bench/search/generate.py 1000000 > posts.csv
"""
import collections
import csv
import datetime
import json
import pathlib
import random
import re
import sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
random.seed(17)
demo = pathlib.Path(__file__).resolve().parents[2] / "db" / "demo" / "posts.ndjson"
uses = collections.Counter()
for line in demo.open(encoding="utf-8"):
    post = json.loads(line)
    text = " ".join(post.get(field) or "" for field in ("title", "excerpt", "body"))
    uses.update(word.lower() for word in re.findall(r"[A-Za-z][a-z]{2,}", text))
vocabulary = [word for word, _ in uses.most_common()]
weights, total = [], 0.0
for rank in range(1, len(vocabulary) + 1):
    total += 1.0 / rank
    weights.append(total)


def words(n):
    return random.choices(vocabulary, cum_weights=weights, k=n)


def paragraphs(n):
    drawn = words(n)
    return "\n\n".join(" ".join(drawn[i:i + 60]) for i in range(0, n, 60))


now = datetime.datetime(2026, 11, 1, tzinfo=datetime.timezone.utc)
out = csv.writer(sys.stdout, lineterminator="\n")
for g in range(1, count + 1):
    title = " ".join(words(4 + g % 7)).title()
    excerpt = " ".join(words(25 + g % 15))
    published = now - datetime.timedelta(seconds=random.randrange(10 * 365 * 86400))
    out.writerow([f"bench-post-{g}", title, 1 + g % 8, 1 + g % 300, published.isoformat(), excerpt,
                  excerpt[:300], paragraphs(150 + g % 250), "DRAFT" if g % 50 == 0 else "PUBLISHED"])
