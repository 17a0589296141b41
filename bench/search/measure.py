#!/usr/bin/env python3
"""Measures the search query set (bench/search/queries.tsv) through HTTP with CONCURRENCY
searchers, each taking the next request of the set in turn, ROUNDS times over the set after
WARMUP uncounted rounds (10: the JIT compiles a search engine's paths over several hundred
searches, and a server that has run for a while has them compiled; on 2026-12-02, three runs of 5
rounds after 5 warm-up rounds had medians of 55.7, 47.7 and 45.6 ms). With JVM_PID (and PG_PIDS,
PostgreSQL's backends), also the CPU per search of the measured rounds (utime + stime from /proc),
into bench/work/search-cpu.tsv. Prints p50/p95 per query and the set's median against the targets of
issue 18 (every query p95 < 300 ms, the median of all requests < 50 ms), and writes
bench/work/search-latency.tsv, bench/work/search-summary.tsv and bench/search-latency.svg.
A request that is not a 200, or whose page says the search took too long, counts as an error
(and its latency still counts). Standard library only.

Usage: measure.py BASE_URL  (environment: CONCURRENCY=4, ROUNDS=10, WARMUP=10, JVM_PID, PG_PIDS)
"""
import http.client
import os
import statistics
import sys
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "..", "work")
P95_TARGET, MEDIAN_TARGET = 300.0, 50.0


def load_queries():
    queries = []
    for line in open(os.path.join(HERE, "queries.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        kind, q, category, tag, page = (line.rstrip("\n").split("\t") + [""] * 5)[:5]
        params = [("q", q)] + [(k, v) for k, v in (("category", category), ("tag", tag)) if v]
        if page and page != "1":
            params.append(("page", page))
        label = q + (f" [category {category}]" if category else "") + (f" [tag {tag}]" if tag else "") \
            + (f" p{page}" if page and page != "1" else "")
        queries.append((kind, label, "/search?" + urllib.parse.urlencode(params)))
    return queries


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def run(base, queries, rounds, concurrency):
    host = urllib.parse.urlsplit(base)
    work = [(i, path) for _ in range(rounds) for i, (_, _, path) in enumerate(queries)]
    lock = threading.Lock()
    times = [[] for _ in queries]
    errors = [0] * len(queries)
    notes = [""] * len(queries)
    position = [0]

    def searcher():
        conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
        while True:
            with lock:
                if position[0] >= len(work):
                    break
                i, path = work[position[0]]
                position[0] += 1
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Accept": "text/html"})
                response = conn.getresponse()
                body = response.read().decode("utf-8", "replace")
                status = response.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
                status, body = 0, ""
            elapsed = (time.perf_counter() - started) * 1000
            bad = status != 200 or "took too long" in body
            note = ""
            if status == 200:
                start = body.find('class="listing-description')
                if start >= 0:
                    note = body[body.find(">", start) + 1:body.find("<", body.find(">", start))].strip()
            with lock:
                times[i].append(elapsed)
                errors[i] += bad
                notes[i] = note or notes[i] or f"HTTP {status}"

    threads = [threading.Thread(target=searcher) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, errors, notes


def cpu_ticks(pids):
    """utime + stime of the processes, in clock ticks (a process gone counts nothing)."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return total


def chart(rows, path):
    """An SVG bar chart of p50 and p95 per query, with the 300 ms p95 target."""
    n = len(rows)
    w, h, left, bottom, top, right = max(640, 60 + 14 * n), 460, 60, 230, 30, 20
    ymax = max([r[3] for r in rows] + [P95_TARGET]) * 1.1
    step = (w - left - right) / n
    def y(v): return h - bottom - (h - bottom - top) * v / ymax
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0f}" height="{h}" font-family="sans-serif" font-size="11">',
           f'<rect width="{w:.0f}" height="{h}" fill="white"/>',
           f'<text x="{w / 2:.0f}" y="18" text-anchor="middle" font-size="14">Search latency per query, 1,000,000 posts, 4 searchers (p50 and p95)</text>']
    for k in range(6):
        v = ymax * k / 5
        out.append(f'<line x1="{left}" x2="{w - right:.0f}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v:.0f}</text>')
    out.append(f'<text x="16" y="{(h - bottom) / 2}" transform="rotate(-90 16 {(h - bottom) / 2})" text-anchor="middle">ms</text>')
    for i, (kind, label, p50, p95, _, _, _) in enumerate(rows):
        x = left + step * i
        bw = max(2.0, step * 0.4)
        out.append(f'<rect x="{x + step * 0.1:.1f}" y="{y(p50):.1f}" width="{bw:.1f}" height="{y(0) - y(p50):.1f}" fill="#1f77b4"/>')
        out.append(f'<rect x="{x + step * 0.1 + bw:.1f}" y="{y(p95):.1f}" width="{bw:.1f}" height="{y(0) - y(p95):.1f}" fill="#d62728"/>')
        text = label if len(label) <= 38 else label[:37] + "…"
        tx, ty = x + step / 2 + 3, h - bottom + 8
        out.append(f'<text x="{tx:.1f}" y="{ty}" transform="rotate(-70 {tx:.1f} {ty})" text-anchor="end">'
                   f'{text.replace("&", "&amp;").replace("<", "&lt;").replace(chr(34), "&quot;")}</text>')
    # the targets over the bars, their labels outlined in white so that bars never hide them
    for target, label in ((P95_TARGET, "p95 target 300 ms"), (MEDIAN_TARGET, "median target 50 ms")):
        out.append(f'<line x1="{left}" x2="{w - right:.0f}" y1="{y(target):.1f}" y2="{y(target):.1f}" stroke="#555" stroke-dasharray="4 3"/>')
        out.append(f'<text x="{w - right - 4:.0f}" y="{y(target) - 4:.1f}" text-anchor="end" fill="#333" '
                   f'stroke="white" stroke-width="3" paint-order="stroke">{label}</text>')
    for k, (colour, label) in enumerate((("#1f77b4", "p50"), ("#d62728", "p95"))):
        out.append(f'<rect x="{left + 10 + 60 * k}" y="{top}" width="12" height="12" fill="{colour}"/>')
        out.append(f'<text x="{left + 26 + 60 * k}" y="{top + 10}">{label}</text>')
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def main():
    if sys.argv[1] == "--chart":  # draw the chart again from the last run's search-latency.tsv
        with open(os.path.join(WORK, "search-latency.tsv")) as f:
            next(f)
            rows = [(c[0], c[1], float(c[2]), float(c[3]), int(c[4]), int(c[5]), c[6])
                    for c in (line.rstrip("\n").split("\t") for line in f)]
        chart(rows, os.path.join(HERE, "..", "search-latency.svg"))
        return
    base = sys.argv[1].rstrip("/")
    rounds = int(os.environ.get("ROUNDS", "10"))
    concurrency = int(os.environ.get("CONCURRENCY", "4"))
    queries = load_queries()
    warmup = int(os.environ.get("WARMUP", "10"))
    print(f"{len(queries)} queries, {concurrency} searchers; {warmup} warm-up rounds", file=sys.stderr, flush=True)
    run(base, queries, warmup, concurrency)
    print(f"measuring {rounds} rounds ({rounds * len(queries)} requests)", file=sys.stderr, flush=True)
    jvm, pg = os.environ.get("JVM_PID", "").split(), os.environ.get("PG_PIDS", "").split()
    cpu_before = (cpu_ticks(jvm), cpu_ticks(pg))
    started = time.time()
    times, errors, notes = run(base, queries, rounds, concurrency)
    wall = time.time() - started
    cpu_after = (cpu_ticks(jvm), cpu_ticks(pg))
    rows = []
    for (kind, label, path), t, e, note in zip(queries, times, errors, notes):
        rows.append((kind, label, percentile(t, 50), percentile(t, 95), e, len(t), note))
    everything = [v for t in times for v in t]
    median = statistics.median(everything)
    worst = max(rows, key=lambda r: r[3])
    missed = [r for r in rows if r[3] >= P95_TARGET]
    load = os.getloadavg()
    os.makedirs(WORK, exist_ok=True)
    with open(os.path.join(WORK, "search-latency.tsv"), "w") as f:
        f.write("kind\tquery\tp50 ms\tp95 ms\terrors\trequests\twhat the page said\n")
        for r in rows:
            f.write(f"{r[0]}\t{r[1]}\t{r[2]:.1f}\t{r[3]:.1f}\t{r[4]}\t{r[5]}\t{r[6]}\n")
    with open(os.path.join(WORK, "search-summary.tsv"), "w") as f:
        f.write(f"search: median of all requests ({len(queries)} queries, {concurrency} searchers)\t{median:.1f} ms\t< 50 ms\t"
                f"{'met' if median < MEDIAN_TARGET else 'missed'}\n")
        f.write(f"search: slowest query p95 ({worst[1]})\t{worst[3]:.1f} ms\t< 300 ms\t{'met' if not missed else 'missed'}\n")
        f.write(f"search: queries with p95 >= 300 ms\t{len(missed)} of {len(rows)}\t0\t{'met' if not missed else 'missed'}\n")
        f.write(f"search: errors and timed-out searches\t{sum(errors)} of {len(everything)}\t0\t{'met' if not sum(errors) else 'missed'}\n")
    if jvm:
        searches, tick = len(everything), os.sysconf("SC_CLK_TCK")
        per_search = [(after - before) * 1000 / tick / searches for before, after in zip(cpu_before, cpu_after)]
        with open(os.path.join(WORK, "search-cpu.tsv"), "w") as f:
            f.write(f"search: CPU per search, JVM and PostgreSQL (the {searches} measured searches)\t"
                    f"{per_search[0]:.1f} ms + {per_search[1]:.1f} ms\t\t\n")
    chart(rows, os.path.join(HERE, "..", "search-latency.svg"))
    print(f"{'kind':<10} {'query':<52} {'p50 ms':>8} {'p95 ms':>8} {'err':>4}  what the page said")
    for r in rows:
        print(f"{r[0]:<10} {r[1][:52]:<52} {r[2]:8.1f} {r[3]:8.1f} {r[4]:4d}  {r[6][:90]}")
    print(f"\n{len(everything)} requests in {wall:.1f} s ({len(everything) / wall:.1f}/s), load average "
          f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    print(f"median of all requests {median:.1f} ms (target < 50: {'met' if median < MEDIAN_TARGET else 'missed'}); "
          f"slowest p95 {worst[3]:.1f} ms for {worst[1]} (target < 300: {'met' if not missed else f'missed by {len(missed)} queries'})")


if __name__ == "__main__":
    main()
