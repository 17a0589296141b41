#!/usr/bin/env python3
"""Writes N generated engineering-blog posts as CSV for COPY into a Blogroll database, to
measure /search at scale (issue 18; bench/search/README.md states the distribution).

The language model is built from text nobody on the team wrote, found on this machine:
the PostgreSQL 15 manual (apt-get install postgresql-doc-15), the man pages and the
READMEs/changelogs under /usr/share/doc, plus Blogroll's demo posts (weighted up, so that the
phrases of engineering blogs, "service mesh", "rate limiting", "load balancer", occur as often
as in such blogs). From it: unigram counts (their rank-frequency curve is fitted to a Zipf law
and printed) and a bigram (word -> next word) chain, so that two-word phrases co-occur as in
the source prose.

Posts: a pool of sentences is drawn from the chain once; each post has a topic (a frequent
two-word phrase of the demo posts, Zipf-distributed over topics) and is made of sentences
from the pool, about one in six from sentences built around its topic phrase. Lengths are
log-normal (median MEDIAN words, sigma SIGMA), clipped to 300..3,000 words; Markdown with
headings, paragraphs and some lists. Titles follow shapes of real engineering-blog titles
around the topic; the summary is the opening sentences cut at 300 characters. Categories,
authors and tags are Zipf-skewed. Progress (count, rate, time left) goes to stderr.

Usage: generate.py N [PART PARTS] > posts.csv  (PART of PARTS: for parallel loads; posts
PART, PART+PARTS, ... of 1..N, the same posts whatever the split). Writes the tags of each
post to $TAGS_OUT (CSV: slug, tag slug) and, with --model-only, prints the model's figures.
"""
import bisect
import collections
import csv
import glob
import gzip
import html
import io
import itertools
import json
import math
import os
import pickle
import pathlib
import random
import re
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
MEDIAN = float(os.environ.get("MEDIAN", "650"))
SIGMA = float(os.environ.get("SIGMA", "0.55"))
POOL = int(os.environ.get("POOL", "400000"))
WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")
STOP = set("""a an the and or but if of to in on at by for with from as is are was were be been
being it its this that these those there their they them we our you your he she his her i not no
can will would should could may might must do does did done has have had so than then which who
whom what when where why how all any each some such into onto over under about also only more
most other same very just one two use used using see e g i e etc""".split())
# words that make poor topics: link and filler words of the demo posts' prose
NOT_TOPICS = set("""example com https http www org like looks turned out down here part parts new
first time every few far less along almost always walks through follow guide changed point six
smaller fixes lines comes trimmed reference relevant headline changes pull moving""".split())

CATEGORIES = ["Engineering", "Infrastructure", "Reliability", "Security", "Data", "Databases",
              "Distributed Systems", "Observability", "Performance", "Frontend", "Mobile",
              "Developer Experience", "Machine Learning", "Networking", "Cloud", "API Design",
              "Testing", "Open Source", "Programming Languages", "Culture", "Product",
              "Release Notes", "Career", "Kubernetes"]
FIRST = ["Ana", "Ben", "Chen", "Dana", "Emeka", "Fatima", "Goran", "Hana", "Ines", "Jonas",
         "Kavya", "Liam", "Mei", "Nadia", "Oskar", "Priya", "Quinn", "Rafael", "Sofia", "Tomas",
         "Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe", "Arjun", "Bea", "Carlos", "Dmitri"]
LAST = ["Alvarez", "Brandt", "Costa", "Dubois", "Eriksen", "Fischer", "Gupta", "Haddad", "Ito",
        "Jansen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quispe",
        "Rossi", "Sato", "Tanaka", "Usman", "Varga", "Weber", "Xu", "Yilmaz", "Zhang", "Novak",
        "Silva", "Murphy", "Kim", "Singh", "Schmidt", "Hughes", "Mendes", "Larsen", "Oyelaran"]
TITLES = ["How we {verb} {topic} at {scale}", "{Topic}: lessons from {n} years in production",
          "Scaling {topic} to {scale}", "A deep dive into {topic}", "Why we moved to {topic}",
          "Debugging {topic} in production", "{Topic} without the pain",
          "What we learned migrating to {topic}", "Inside our {topic}", "Notes on {topic}",
          "The hidden cost of {topic}", "{Topic} at {scale}: what broke first",
          "Building {topic} with {other}", "{Topic} and {other}: a practical guide",
          "Getting started with {topic}", "{n} mistakes we made with {topic}",
          "Rethinking {topic}", "From {other} to {topic}", "{Topic} in {year}",
          "Making {topic} boring again"]
VERBS = ["rebuilt", "scaled", "debugged", "replaced", "simplified", "tested", "secured", "migrated"]
SCALES = ["scale", "a million requests a second", "ten thousand nodes", "petabyte scale",
          "our size", "two regions", "the edge", "a startup"]


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def source_texts():
    """(name, text, weight) of every source document."""
    for path in sorted(glob.glob("/usr/share/doc/postgresql-doc-15/html/*.html")):
        raw = open(path, encoding="utf-8", errors="replace").read()
        raw = re.sub(r"(?s)<(script|style|pre)\b.*?</\1>", " ", raw)
        yield "pgdoc", html.unescape(re.sub(r"<[^>]+>", " ", raw)), 1
    families = collections.Counter()
    for path in sorted(glob.glob("/usr/share/man/man[1578]/*.gz")):
        # at most 20 pages of one command family: the Google Cloud SDK alone has 16,000
        family = re.split(r"[-_.]", os.path.basename(path))[0]
        families[family] += 1
        if families[family] > 20:
            continue
        try:
            raw = gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
        except OSError:
            continue
        lines = [re.sub(r"\\f[A-Z]|\\\(..|\\[-&e]|\\.", "", l) for l in raw.splitlines()
                 if not l.startswith((".", "'\\\""))]
        yield "man", "\n".join(lines), 1
    for path in sorted(glob.glob("/usr/share/doc/*/README*") + glob.glob("/usr/share/doc/*/*.md")
                       + glob.glob("/usr/share/doc/*/NEWS*")):
        try:
            opener = gzip.open if path.endswith(".gz") else open
            yield "doc", opener(path, "rt", encoding="utf-8", errors="replace").read(200_000), 1
        except OSError:
            continue
    demo = ROOT / "db" / "demo" / "posts.ndjson"
    for line in demo.open(encoding="utf-8"):
        post = json.loads(line)
        text = ". ".join(post.get(f) or "" for f in ("title", "excerpt", "body"))
        yield "demo", re.sub(r"[#*`>\[\]()_|-]+", " ", text), 25


def build_model():
    started = time.time()
    unigram = collections.Counter()
    bigram = collections.defaultdict(collections.Counter)
    starts = collections.Counter()
    demo_pairs = collections.Counter()
    sources = collections.Counter()
    sentences = 0
    for name, text, weight in source_texts():
        sources[name] += 1
        for sentence in re.split(r"(?<=[.!?:;])\s+|\n\s*\n", text):
            words = WORD.findall(sentence.lower())
            if not 5 <= len(words) <= 45:
                continue
            sentences += weight
            starts[words[0]] += weight
            for w in words:
                unigram[w] += weight
            for a, b in zip(words, words[1:]):
                bigram[a][b] += weight
                if name == "demo" and a not in STOP and b not in STOP and len(a) > 2 and len(b) > 2:
                    demo_pairs[a, b] += 1
    # Zipf exponent: least squares of log frequency on log rank over ranks 10..10,000
    freqs = [c for _, c in unigram.most_common()]
    xs = [math.log(r) for r in range(10, min(10_000, len(freqs)) + 1)]
    ys = [math.log(freqs[r - 1]) for r in range(10, min(10_000, len(freqs)) + 1)]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    model = {
        "vocabulary": len(unigram), "tokens": sum(unigram.values()), "sentences": sentences,
        "zipf_exponent": round(-slope, 3), "distinct_bigrams": sum(len(v) for v in bigram.values()),
        "sources": dict(sources), "seconds": round(time.time() - started, 1),
    }
    chain = {}
    for a, nexts in bigram.items():
        words, counts = zip(*nexts.items())
        chain[a] = (words, list(itertools.accumulate(counts)))
    topics = [f"{a} {b}" for (a, b), c in demo_pairs.most_common(2000)
              if c >= 3 and a not in NOT_TOPICS and b not in NOT_TOPICS and "meshway" not in (a, b)][:400]
    return model, chain, starts, topics


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else 1_000_000
    part, parts = (int(sys.argv[2]), int(sys.argv[3])) if len(sys.argv) > 3 else (0, 1)
    random.seed(17)
    cache = os.environ.get("MODEL_CACHE")
    if cache and os.path.exists(cache):
        with open(cache, "rb") as f:
            model, topics, pool, topical = pickle.load(f)
        log(f"model and sentence pool read from {cache}")
    else:
        model, topics, pool, topical = prepare()
        if cache:
            with open(cache + ".tmp", "wb") as f:
                pickle.dump((model, topics, pool, topical), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(cache + ".tmp", cache)
    log(f"model: {json.dumps(model)}; {len(topics)} topics, e.g. {', '.join(topics[:12])}")
    if "--model-only" in sys.argv or "--prepare" in sys.argv:
        print(json.dumps(dict(model, topics=topics[:50]), indent=1))
        return
    generate(count, part, parts, topics, pool, topical)


def prepare():
    """The model's figures, the topics, the sentence pool and the topical sentences."""
    model, chain, starts, topics = build_model()
    start_words, start_cum = zip(*starts.items())
    start_cum = list(itertools.accumulate(start_cum))
    rnd = random.Random(23)

    def sentence(first=None, length=None):
        length = length or max(6, min(40, int(rnd.lognormvariate(math.log(15), 0.45))))
        w = first or rnd.choices(start_words, cum_weights=start_cum)[0]
        out = [w]
        while len(out) < length:
            nxt = chain.get(w)
            if not nxt:
                w = rnd.choices(start_words, cum_weights=start_cum)[0]
            else:
                w = rnd.choices(nxt[0], cum_weights=nxt[1])[0]
            out.append(w)
        text = " ".join(out)
        return text[0].upper() + text[1:] + "."

    t0 = time.time()
    pool = [sentence() for _ in range(POOL)]
    # sentences around each topic phrase: a pool sentence's opening, the phrase, the chain on
    topical = []
    for topic in topics:
        last = topic.split()[-1]
        made = []
        for _ in range(200):
            head = rnd.choice(pool).rstrip(".").split()[: rnd.randrange(0, 8)]
            tail = sentence(first=last, length=rnd.randrange(6, 20)).rstrip(".").split()[1:]
            text = " ".join(head + topic.split() + tail)
            made.append(text[0].upper() + text[1:] + ".")
        topical.append(made)
    log(f"sentence pool: {len(pool)} sentences and {len(topics)} x 200 topical ones in {time.time() - t0:.0f} s")
    return model, topics, pool, topical


def generate(count, part, parts, topics, pool, topical):

    topic_cum = list(itertools.accumulate(1 / (k + 1) ** 1.0 for k in range(len(topics))))
    cat_cum = list(itertools.accumulate(1 / (k + 1) ** 1.1 for k in range(len(CATEGORIES))))
    authors = [f"{f} {l}" for l, f in itertools.product(LAST, FIRST)][:1000]
    author_cum = list(itertools.accumulate(1 / (k + 1) ** 0.9 for k in range(len(authors))))
    tag_names = topics[:300]
    tag_cum = list(itertools.accumulate(1 / (k + 1) ** 1.05 for k in range(len(tag_names))))
    now = 1_793_577_600  # 2026-11-01T00:00:00Z
    out = csv.writer(sys.stdout, lineterminator="\n")
    tags_out = csv.writer(open(os.environ["TAGS_OUT"], "w", encoding="utf-8"), lineterminator="\n") \
        if os.environ.get("TAGS_OUT") else None
    mine = range(1 + part, count + 1, parts)
    started, last_report = time.time(), time.time()
    words_written = 0
    for done, g in enumerate(mine, 1):
        r = random.Random(g * 7919 + 17)
        t = bisect.bisect(topic_cum, r.random() * topic_cum[-1])
        topic = topics[min(t, len(topics) - 1)]
        other = topics[r.randrange(len(topics))]
        target = int(min(3000, max(300, r.lognormvariate(math.log(MEDIAN), SIGMA))))
        title = r.choice(TITLES).format(
            topic=topic, Topic=topic.capitalize(), other=other, verb=r.choice(VERBS),
            scale=r.choice(SCALES), n=r.randrange(2, 11), year=r.randrange(2016, 2027))
        title = title[0].upper() + title[1:]
        body, words, paragraph = [], 0, []
        heading_every = r.randrange(4, 9)
        paragraphs = 0
        while words < target:
            s = r.choice(topical[t]) if r.random() < 0.17 else r.choice(pool)
            paragraph.append(s)
            words += s.count(" ") + 1
            if len(paragraph) >= r.randrange(3, 8) or words >= target:
                paragraphs += 1
                if r.random() < 0.08:
                    body.append("\n".join("- " + p for p in paragraph))
                else:
                    body.append(" ".join(paragraph))
                paragraph = []
                if paragraphs % heading_every == 0 and words < target:
                    body.append("## " + r.choice(topical[t]).rstrip(".")[:70].rsplit(" ", 1)[0])
        words_written += words
        opening = " ".join(body[0].split(". ")[:2])
        summary = opening if len(opening) <= 300 else opening[:297].rsplit(" ", 1)[0] + "…"
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].strip("-") + f"-{g}"
        c = 1001 + min(bisect.bisect(cat_cum, r.random() * cat_cum[-1]), len(CATEGORIES) - 1)
        a = 1001 + min(bisect.bisect(author_cum, r.random() * author_cum[-1]), len(authors) - 1)
        age = (r.random() ** 1.6) * 10 * 365 * 86400  # more posts in recent years
        published = now - int(age)
        status = "DRAFT" if g % 50 == 0 else "PUBLISHED"
        if g % 400 == 0:
            published = now + r.randrange(86400, 30 * 86400)  # scheduled
        out.writerow([slug, title[:200], c, a, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(published)),
                      summary, summary, "\n\n".join(body), status])
        if tags_out:
            picked = {tag_names[min(bisect.bisect(tag_cum, r.random() * tag_cum[-1]), len(tag_names) - 1)]
                      for _ in range(r.randrange(1, 5))}
            if topic in tag_names and r.random() < 0.6:
                picked.add(topic)
            for name in picked:
                tags_out.writerow([slug, name])
        if time.time() - last_report >= 15 or done == len(mine):
            last_report = time.time()
            rate = done / (last_report - started)
            log(f"part {part}: {done:,}/{len(mine):,} posts, {rate:,.0f}/s, {words_written / done:,.0f} words/post,"
                f" {(len(mine) - done) / rate / 60:.1f} min left")


if __name__ == "__main__":
    main()
