#!/usr/bin/env python3
"""Turns bench/work/results.tsv into the results section of bench/RESULTS.md (between the
<!-- results:start --> and <!-- results:end --> markers) and bench/latency-by-depth.svg.
Called by bench/run.sh; standard library only."""
import datetime
import os
import platform
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


def machine():
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "")
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    pg = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return (f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GB, {platform.system()} {platform.release()}; "
            f"{java}; {pg}; load average {load:.1f} at the end of the run")


def chart(slices, path):
    """An SVG line chart of p50 and p99 latency against page depth (tenth of the listing)."""
    w, h, left, bottom, top, right = 640, 360, 60, 50, 30, 20
    ymax = max([s[2] for s in slices] + [1]) * 1.15
    def x(i): return left + (w - left - right) * (i + 0.5) / len(slices)
    def y(v): return h - bottom - (h - bottom - top) * v / ymax
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="12">',
           f'<rect width="{w}" height="{h}" fill="white"/>',
           f'<text x="{w / 2}" y="18" text-anchor="middle" font-size="14">Cold crawl latency by page depth (8 connections)</text>']
    for k in range(6):
        v = ymax * k / 5
        out.append(f'<line x1="{left}" x2="{w - right}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v:.1f}</text>')
    out.append(f'<text x="16" y="{h / 2}" transform="rotate(-90 16 {h / 2})" text-anchor="middle">ms</text>')
    for i, s in enumerate(slices):
        out.append(f'<text x="{x(i):.1f}" y="{h - bottom + 16}" text-anchor="middle">{s[0]}</text>')
    out.append(f'<text x="{w / 2}" y="{h - 10}" text-anchor="middle">tenth of the listing (1 = newest pages, 10 = deepest)</text>')
    for idx, colour, label in ((1, "#1f77b4", "p50"), (2, "#d62728", "p99")):
        points = " ".join(f"{x(i):.1f},{y(s[idx]):.1f}" for i, s in enumerate(slices))
        out.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for i, s in enumerate(slices):
            out.append(f'<circle cx="{x(i):.1f}" cy="{y(s[idx]):.1f}" r="3" fill="{colour}"/>')
        ly = top + 10 + 16 * (idx - 1)
        out.append(f'<line x1="{w - 110}" x2="{w - 90}" y1="{ly}" y2="{ly}" stroke="{colour}" stroke-width="2"/>')
        out.append(f'<text x="{w - 84}" y="{ly + 4}">{label}</text>')
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def main():
    tsv, posts, lines, last, import_s, startup_s, rss_max, java_opts, duration = sys.argv[1:10]
    # the search helper's summary (bench/search/run.sh), when run.sh ran it: figure, measured, target, met|missed
    search_tsv = sys.argv[10] if len(sys.argv) > 10 else ""
    rows = [line.rstrip("\n").split("\t") for line in open(tsv) if line.strip()]
    table = ["| run | connections | requests/s | p50 ms | p99 ms | errors | requests | page-cache hits | Blogroll RSS MB |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        r += [""] * (9 - len(r))
        rss = r[7] if r[7] not in ("", "0") else ""
        table.append(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]} | {r[5]} | {r[6]} | {r[8]} | {rss} |")
    by = {r[0]: r for r in rows}
    def find(prefix):
        return next((r for name, r in by.items() if name.startswith(prefix)), None)
    hot17, nginx, crawl = find("page 17 of a 300-post"), find("nginx"), find("cold crawl, every page")
    slices = []
    for t in range(1, 11):
        r = find(f"cold crawl, tenth {t} ")
        if r and number(r[3]) is not None:
            slices.append((t, number(r[3]), number(r[4])))
    chart(slices, os.path.join(HERE, "latency-by-depth.svg"))

    # every figure of issue 18 against its target, in one table: figure, measured, target, verdict
    verdicts = []
    def verdict(name, figure, target, ok):
        verdicts.append(f"| {name} | {figure} | {target} | {'—' if ok is None else 'met' if ok else '**missed**'} |")
    if hot17 and nginx and number(hot17[2]) and number(nginx[2]):
        ratio = number(hot17[2]) / number(nginx[2])
        verdict("hot page 17, requests/s against nginx's saved copy (same run)",
                f"{number(hot17[2]):,.0f} / {number(nginx[2]):,.0f} = {ratio:.0%}", "≥ 40%", ratio >= 0.40)
    else:
        verdict("hot page 17, requests/s against nginx's saved copy (same run)", "not measured", "≥ 40%", None)
    if crawl and number(crawl[2]) is not None:
        verdict("cold crawl, pages/s at 8 connections", f"{number(crawl[2]):,.0f}", "≥ 1,500", number(crawl[2]) >= 1500)
        verdict("cold crawl, p99", f"{number(crawl[4]):.1f} ms", "< 25 ms", number(crawl[4]) < 25)
    if len(slices) == 10:
        ratio = slices[9][1] / slices[0][1] if slices[0][1] else 0
        verdict("cold crawl, deepest tenth p50 against the first tenth's",
                f"{slices[9][1]:.2f} / {slices[0][1]:.2f} ms = {ratio:.2f}×", "≤ 1.2×", ratio <= 1.2)
    peaks = [(int(r[7]), r[0]) for r in rows if len(r) > 7 and r[7].isdigit() and r[7] != "0"]
    peak, where = max(peaks + [(int(rss_max), "after the runs")])
    verdict("Blogroll's RSS, highest sample (every 0.5 s) under every load, search included",
            f"{peak} MB ({where})", "≤ 384 MB", peak <= 384)
    verdict("start-up to the first page, existing database", f"{startup_s} s", "≤ 5 s", float(startup_s) <= 5)
    if import_s:
        per_million = float(import_s) * 1_000_000 / int(lines)
        verdict("import, JVM start and Flyway included (issue 7)",
                f"{lines} lines in {import_s} s = {per_million:.0f} s per million", "< 120 s per million", per_million < 120)
    else:
        verdict("import, JVM start and Flyway included (issue 7)", "not measured in this run (REUSE_DB)",
                "< 120 s per million", None)
    search_rows = []
    if search_tsv and os.path.exists(search_tsv):
        for line in open(search_tsv):
            cells = line.rstrip("\n").split("\t")
            cells += [""] * (4 - len(cells))
            name = cells[0] if cells[0].startswith("search") else f"search: {cells[0]}"
            if cells[3] in ("met", "missed"):
                verdict(name, cells[1], cells[2], cells[3] == "met")
                search_rows.append(cells)
            elif cells[1]:
                # a fact of the run without a target (the engine, the index's build)
                verdict(name, cells[1], cells[2] or "—", None)
    if not search_rows:
        verdict("search query set at 1,000,000 posts (bench/search/run.sh)", "not run (no SEARCH_DB)",
                "every query p95 < 300 ms, median < 50 ms", None)

    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    section = "\n".join([
        "<!-- results:start -->",
        f"## Latest run: {now}",
        "",
        f"- Machine: {machine()}.",
        f"- Data: `POSTS={posts}`: {lines} lines; the big category, Engineering, has {last} pages of 15.",
        f"- Blogroll's JVM: `{java_opts}`. Each wrk run lasts {duration} (the ten depth slices a third of that); wrk uses 2 threads on the same 2 cores.",
        "",
        *table,
        "",
        "| figure (issue 18) | measured | target | |",
        "|---|---|---|---|",
        *verdicts,
        "",
        "![p50 and p99 latency of the cold crawl against page depth](latency-by-depth.svg)",
        *(["", "![search latency per query of the query set](search-latency.svg)"] if search_rows else []),
        "<!-- results:end -->",
    ])
    path = os.path.join(HERE, "RESULTS.md")
    text = open(path).read() if os.path.exists(path) else "# Benchmark results\n\n<!-- results:start -->\n<!-- results:end -->\n"
    text = re.sub(r"<!-- results:start -->.*<!-- results:end -->", lambda m: section, text, flags=re.S)
    with open(path, "w") as f:
        f.write(text)
    print("\n".join(table + [""] + ["| figure (issue 18) | measured | target | |", "|---|---|---|---|"] + verdicts))


if __name__ == "__main__":
    main()
