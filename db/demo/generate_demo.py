#!/usr/bin/env python3
"""Make Blogroll's demo data, db/demo/posts.ndjson and db/demo/taxonomy.json, from the
repository's own files, and check it.

Sources
-------
* src/test/resources/reference/engineering-page-17.json -- the reference view, page 17 of the
  Engineering category: the category itself, the twelve featured tags and the fifteen posts
  at ranks 241-255 (title, slug, author, date, excerpt, image alt text).
* db/demo/source/posts.ndjson -- every demo post, one JSON object per line, in the order
  posts.ndjson lists them (which is the order their ids are given in). A reference post is a
  line {"reference": slug, "tags": [...]}: the tags are the only thing the reference page does
  not show; everything else is taken from the reference file. The other 384 posts are
  written out in full: they are invented text about invented people, generated once (by the
  earlier, 5,100-line version of this script, in the git history) and kept as data since.
* db/demo/source/categories.json -- the categories besides Engineering.

Usage, from anywhere (paths are relative to this file; standard library only):

    python3 db/demo/generate_demo.py           # writes posts.ndjson and taxonomy.json
    python3 db/demo/generate_demo.py --check   # writes nothing; fails if they differ

Before writing, it checks what the application and its tests rely on: every post valid for
the importer (slug, status, category), unique slugs, titles and dates, and the reference page
exactly at ranks 241-255 of the Engineering category, newest first, of 300 visible posts.
DemoDataTests runs the --check in ./mvnw verify.
"""

import datetime as dt
import json
import os
import re
import sys

DEMO = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(DEMO, "..", ".."))
REFERENCE = os.path.join(REPO, "src", "test", "resources", "reference", "engineering-page-17.json")
SOURCE_POSTS = os.path.join(DEMO, "source", "posts.ndjson")
SOURCE_CATEGORIES = os.path.join(DEMO, "source", "categories.json")
POSTS = os.path.join(DEMO, "posts.ndjson")
TAXONOMY = os.path.join(DEMO, "taxonomy.json")

KEYS = ["title", "slug", "category", "tags", "author", "publishedAt", "excerpt", "body",
        "imageUrl", "imageAlt", "sourceUrl", "status"]
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
INSTANT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
# the first path segment under /blog/ that is not a category or post (see V1 and the post rules)
RESERVED = {"page", "tag", "author", "feed", "search", "admin", "category", "blog",
            "feed.atom", "feed.rss", "sitemap"}
# Engineering posts dated before this are visible in the demo; later ones are scheduled
VISIBLE_BEFORE = "2026-11-28T00:00:00Z"


def fail(message):
    sys.exit("generate_demo.py: " + message)


def check(condition, message):
    if not condition:
        fail(message)


def read_json(path):
    check(os.path.isfile(path), "missing source file " + os.path.relpath(path, REPO))
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def reference_post(page_post, tags):
    """A post of the reference page as the demo holds it: aggregated from Kong's blog."""
    return {
        "title": page_post["title"], "slug": page_post["slug"], "category": "Engineering",
        "tags": tags, "author": page_post["author"],
        "publishedAt": page_post["publishedOn"] + "T16:00:00Z",
        "excerpt": page_post["excerpt"], "body": None, "imageUrl": None,
        "imageAlt": page_post["imageAlt"],
        "sourceUrl": "https://konghq.com/blog/engineering/" + page_post["slug"], "status": "published",
    }


def read_posts(reference):
    by_slug = {p["slug"]: p for p in reference["posts"]}
    posts = []
    with open(SOURCE_POSTS, encoding="utf-8") as file:
        for number, line in enumerate(file.read().splitlines(), start=1):
            entry = json.loads(line)
            if "reference" in entry:
                check(entry["reference"] in by_slug, "line %d: not on the reference page: %s" % (number, entry["reference"]))
                entry = reference_post(by_slug.pop(entry["reference"]), entry["tags"])
            check(list(entry) == KEYS, "line %d: the keys must be %s" % (number, ", ".join(KEYS)))
            posts.append(entry)
    check(not by_slug, "reference posts missing from the source: " + ", ".join(sorted(by_slug)))
    return posts


def validate(posts, reference, categories):
    names = {c["name"] for c in categories}
    for field in ("slug", "title", "publishedAt"):
        values = [p[field] for p in posts]
        check(len(set(values)) == len(values), "%s values are not unique" % field)
    for p in posts:
        slug = p["slug"]
        check(SLUG.match(slug) and len(slug) <= 80 and slug not in RESERVED, "invalid slug " + slug)
        check(INSTANT.match(p["publishedAt"]), "bad publishedAt in " + slug)
        check(p["category"] in names, "unknown category %s in %s" % (p["category"], slug))
        check(p["status"] in ("published", "draft"), "bad status in " + slug)
        check(1 <= len(p["tags"]) == len(set(p["tags"])), "bad tags in " + slug)
        check(p["excerpt"] is None or len(p["excerpt"]) <= 300, "excerpt over 300 characters in " + slug)
        check(p["body"] is not None or p["sourceUrl"], "no body and no source in " + slug)
        fences = 0 if p["body"] is None else sum(line.startswith("```") for line in p["body"].split("\n"))
        check(fences % 2 == 0, "unclosed code block in " + slug)
    # the reference view: /blog/engineering/page/17 of 20, 15 posts a page, newest first
    engineering = sorted((p for p in posts if p["category"] == "Engineering" and p["status"] == "published"
                          and p["publishedAt"] < VISIBLE_BEFORE), key=lambda p: p["publishedAt"], reverse=True)
    check(len(engineering) == reference["totalPages"] * reference["pageSize"],
          "%d visible Engineering posts, not %d" % (len(engineering), reference["totalPages"] * reference["pageSize"]))
    first = (reference["page"] - 1) * reference["pageSize"]
    check([p["slug"] for p in engineering[first:first + reference["pageSize"]]] == [p["slug"] for p in reference["posts"]],
          "ranks %d-%d of Engineering are not the reference posts" % (first + 1, first + reference["pageSize"]))


def render(posts, reference, categories):
    lines = "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in posts)
    taxonomy = {"categories": categories, "featuredTags": reference["tags"]}
    return {POSTS: lines, TAXONOMY: json.dumps(taxonomy, ensure_ascii=False, indent=2) + "\n"}


def main(argv):
    check(argv in ([], ["--check"]), "usage: generate_demo.py [--check]")
    reference = read_json(REFERENCE)
    check([p["position"] for p in reference["posts"]] == list(range(241, 256)), "reference positions must be 241-255")
    engineering = {k: reference["category"][k] for k in ("name", "slug", "description")}
    categories = [engineering] + read_json(SOURCE_CATEGORIES)
    posts = read_posts(reference)
    validate(posts, reference, categories)
    files = render(posts, reference, categories)
    if argv == ["--check"]:
        stale = []
        for path, text in files.items():
            with open(path, encoding="utf-8", newline="") as file:
                if file.read() != text:
                    stale.append(os.path.relpath(path, REPO))
        check(not stale, "%s not what the sources make: run python3 db/demo/generate_demo.py" % " and ".join(stale))
        print("Demo data is what its sources make: %d posts, %d categories." % (len(posts), len(categories)))
        return
    for path, text in files.items():
        with open(path, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        print("Wrote %s (%d bytes)" % (os.path.relpath(path, REPO), len(text.encode("utf-8"))))
    counts = {}
    for p in posts:
        counts[p["category"]] = counts.get(p["category"], 0) + 1
    print("Posts: %d (%s); reference page at Engineering ranks 241-255 (checked)."
          % (len(posts), ", ".join("%s %d" % kv for kv in counts.items())))


if __name__ == "__main__":
    main(sys.argv[1:])
