#!/usr/bin/env python3
"""Writes realistic posts for the benchmark in Blogroll's NDJSON import format.

    python3 bench/generate_posts.py [POSTS] > posts.ndjson

POSTS (default 1,000,000) posts go to the big category, "Engineering"; besides them, 300 to
"Release Notes" (a small category whose page 17 is the hot page, like the demo's 20-page
Engineering) and POSTS/100 to each of three more categories. Titles, excerpts and tag counts
have the lengths of real engineering-blog posts; posts are aggregated (a sourceUrl, no body),
dated over twenty years; 0.5% are drafts and 20 are scheduled for the coming weeks, so the
listings must hide them. The output is the same for the same POSTS (fixed seed).
"""
import json
import random
import sys
from datetime import datetime, timedelta, timezone

WORDS = """api gateway service mesh kubernetes latency cache postgres index query planner throughput
observability tracing metrics logging retries timeouts circuit breaker rate limiting authentication
authorization tokens certificates rollout canary blue green deployment pipeline build test flaky
incident postmortem on-call capacity autoscaling memory garbage collector threads virtual
scheduler queue stream kafka consumer producer backpressure schema migration rust go java python
compiler runtime profiling flame graph benchmark regression edge cdn dns load balancer proxy
websocket grpc graphql rest pagination search ranking embeddings inference model serving gpu
cost storage replication consistency consensus raft failover backup restore encryption secrets
policy plugin extension sdk cli release notes roadmap community open source contributor""".split()

VERBS = ["How we", "Why we", "What we learned when we", "Lessons from the time we", "Inside the way we",
         "A field guide: how to", "Notes on how we", "The hard way: we"]
ACTIONS = ["cut", "rebuilt", "scaled", "debugged", "measured", "replaced", "migrated", "tamed", "shipped",
           "sharded", "profiled", "simplified"]
TAGS = ["API Gateway", "Service Mesh", "Kubernetes", "Security", "Observability", "Performance", "PostgreSQL",
        "Databases", "Go", "Rust", "Java", "Python", "Testing", "CI/CD", "Incidents", "Architecture",
        "Networking", "Cloud", "Open Source", "Culture", "Machine Learning", "Frontend", "Mobile", "Data",
        "Streaming", "Caching", "Search", "Reliability", "Cost", "Tooling"]
START = datetime(2006, 1, 1, tzinfo=timezone.utc)
NOW = datetime.now(timezone.utc).replace(microsecond=0)


def sentence(rnd, lo, hi):
    words = [rnd.choice(WORDS) for _ in range(rnd.randint(lo, hi))]
    return " ".join(words).capitalize() + "."


def post(rnd, number, category, scheduled=False):
    subject = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(3, 6)))
    title = f"{rnd.choice(VERBS)} {rnd.choice(ACTIONS)} {subject}"[:120]
    if scheduled:
        published = NOW + timedelta(days=rnd.randint(1, 30), seconds=rnd.randint(0, 86399))
    else:
        published = START + timedelta(seconds=rnd.randint(0, int((NOW - START).total_seconds()) - 86400))
    excerpt = " ".join(sentence(rnd, 8, 14) for _ in range(rnd.randint(2, 3)))
    if len(excerpt) > 290:
        excerpt = excerpt[:290].rsplit(" ", 1)[0] + "…"
    slug = f"p{number}-" + "-".join(title.lower().replace(":", "").split()[:6])
    return {
        "title": title,
        "slug": slug[:80].rstrip("-"),
        "category": category,
        "tags": rnd.sample(TAGS, rnd.randint(1, 4)),
        "author": f"Author {rnd.randint(1, 2000):04d}",
        "publishedAt": published.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "excerpt": excerpt,
        "sourceUrl": f"https://engineering.example.com/{published.year}/{slug[:60]}",
        "imageUrl": f"https://images.example.com/{number % 5000}.png",
        "imageAlt": "Diagram for " + subject,
        "status": "draft" if rnd.random() < 0.005 else "published",
    }


def main():
    posts = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    rnd = random.Random(posts)
    out = sys.stdout
    plan = [("Engineering", posts), ("Release Notes", 300)]
    plan += [(name, max(1, posts // 100)) for name in ("Culture", "Open Source", "Security")]
    number = 0
    for category, count in plan:
        for i in range(count):
            number += 1
            p = post(rnd, number, category, scheduled=(category == "Engineering" and i < 20))
            if category == "Release Notes":
                p["status"] = "published"
            out.write(json.dumps(p, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
