#!/usr/bin/env python3
"""A web of feeds on this machine, for bench/fetch.sh: one process (asyncio) serving FEEDS
feeds from HOSTS loopback addresses (127.0.0.2 and up, one port), the way the web serves them:

- sizes: 8 to 20 entries of 300 to 3,000 characters, one feed in a hundred 50 entries of 10 KB;
  RSS 2.0 or Atom; gzip when asked; ETag and Last-Modified, 304 when the client's ETag is current;
- latencies: 85% 50-400 ms, 13% 0.4-1 s, 2% 1-3 s; 0.2% never answer (until the client gives up);
- failures: 1% 404, 0.5% 410, 1% 429 with Retry-After, 1.5% 500, 0.5% an HTML page; 3% redirect
  (301 or 302) to another path on the same address, where the feed is;
- hosts: the first address holds a tenth of the feeds, the others share the rest.

It counts, per host (address), the requests under way at each moment: from the request's
arrival until its answer is written or the client hangs up (a client that gives up on a
never-answering feed stops counting when it closes the connection). The highest count per host
is what the per-host limit must keep at or below its setting.

Control, on 127.0.0.1:CONTROL_PORT: GET /list (feed id and URL per line), GET /stats (JSON),
POST /reset (generation 1, counters zeroed), POST /advance (next generation: a quarter of the
working feeds get 1 to 3 new entries and a new ETag).
"""
import argparse
import asyncio
import gzip
import json
import math
import random
import time

WORDS = ("latency throughput postgres kafka kubernetes gateway plugin cache index query planner "
         "service mesh deploy rollback canary incident postmortem schema migration replica shard "
         "vacuum lock contention thread pool queue backpressure retry timeout circuit breaker "
         "observability tracing metrics logging alert dashboard budget capacity storage network "
         "packet kernel compiler runtime garbage collector allocation benchmark profile flame graph").split()


class Feed:
    __slots__ = ("id", "host", "kind", "latency", "entries", "size", "atom", "gap_hours", "changed",
                 "extra", "cache", "redirect_host", "redirect_status")

    def __init__(self, fid, hosts):
        rng = random.Random(fid * 7919 + 17)
        self.id = fid
        # a tenth of the feeds on the first host, the rest spread over the others
        self.host = 0 if rng.random() < 0.10 else 1 + (fid % (hosts - 1))
        r = rng.random()
        self.kind = ("404" if r < 0.010 else "410" if r < 0.015 else "429" if r < 0.025 else
                     "500" if r < 0.040 else "html" if r < 0.045 else "redirect" if r < 0.075 else
                     "hang" if r < 0.077 else "ok")
        r = rng.random()
        if r < 0.85:
            self.latency = math.exp(rng.uniform(math.log(0.05), math.log(0.4)))
        elif r < 0.98:
            self.latency = rng.uniform(0.4, 1.0)
        else:
            self.latency = rng.uniform(1.0, 3.0)
        big = rng.random() < 0.01
        self.entries = 50 if big else rng.randint(8, 20)
        self.size = (10_000, 10_000) if big else (300, 3_000)
        self.atom = rng.random() < 0.3
        self.gap_hours = rng.choice([2, 6, 24, 72, 168, 336])
        self.changed = 1  # the generation of the last change
        self.extra = 0  # entries added since generation 1
        self.cache = None  # (generation, gzipped bytes, plain length)
        # a redirect stays on the feed's host (a new path, as when a blog moves its feed): the
        # per-host limit counts the host of the feed URL, so the host's concurrency stays comparable
        self.redirect_host = self.host
        self.redirect_status = 301 if fid % 2 else 302

    def etag(self):
        return '"f%d-g%d"' % (self.id, self.changed)

    def body(self):
        count = self.entries + self.extra
        now = 1_780_000_000  # a fixed "now" (2026-05-28): entries are dated before it
        items = []
        for k in range(count, max(0, count - max(self.entries, 50)), -1):
            rng = random.Random(self.id * 104729 + k)
            words = max(40, rng.randint(self.size[0], self.size[1]) // 7)
            text = " ".join(rng.choice(WORDS) for _ in range(words))
            title = "Feed %d post %d: %s %s" % (self.id, k, rng.choice(WORDS), rng.choice(WORDS))
            link = "http://blog%d.example/posts/%d" % (self.id, k)
            guid = "feed-%d-entry-%d" % (self.id, k)
            when = now - (count - k) * self.gap_hours * 3600
            if self.atom:
                items.append("<entry><title>%s</title><link href=\"%s\"/><id>%s</id><updated>%s</updated>"
                             "<author><name>Author %d</name></author><summary>%s</summary></entry>"
                             % (title, link, guid, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(when)),
                                self.id % 50, text))
            else:
                items.append("<item><title>%s</title><link>%s</link><guid isPermaLink=\"false\">%s</guid>"
                             "<pubDate>%s</pubDate><description>%s</description></item>"
                             % (title, link, guid, time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(when)),
                                text))
            if len(items) >= 50:
                break
        if self.atom:
            head = ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                    "<title>Blog %d</title><link href=\"http://blog%d.example/\"/><id>urn:blog:%d</id>"
                    "<updated>2026-05-28T00:00:00Z</updated>" % (self.id, self.id, self.id))
            return (head + "".join(items) + "</feed>").encode()
        head = ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Blog %d</title>"
                "<link>http://blog%d.example/</link><description>Engineering at %d</description>"
                % (self.id, self.id, self.id))
        return (head + "".join(items) + "</channel></rss>").encode()


class Web:
    def __init__(self, feeds, hosts, port):
        self.hosts = ["127.0.0.%d" % (2 + h) for h in range(hosts)]
        self.port = port
        self.feeds = [Feed(i, hosts) for i in range(feeds)]
        self.generation = 1
        self.reset()

    def reset(self):
        self.generation = 1
        for feed in self.feeds:
            feed.changed, feed.extra, feed.cache = 1, 0, None
        self.now = {h: 0 for h in self.hosts}
        self.most = {h: 0 for h in self.hosts}
        # the same count, ended when the answer is handed to the socket rather than when it is
        # flushed: a client may read the answer, finish and send its next request to the host
        # before this single-threaded server gets back to the coroutine waiting for the flush
        self.now_written = {h: 0 for h in self.hosts}
        self.most_written = {h: 0 for h in self.hosts}
        self.at_once = 0
        self.most_at_once = 0
        self.by_status = {}
        self.requests = 0
        self.entries_served = 0
        self.bytes_sent = 0
        self.gave_up = 0

    def advance(self):
        self.generation += 1
        rng = random.Random(self.generation)
        changed = 0
        for feed in self.feeds:
            if feed.kind in ("ok", "redirect") and rng.random() < 0.25:
                feed.extra += rng.randint(1, 3)
                feed.changed = self.generation
                feed.cache = None
                changed += 1
        return changed

    def url(self, feed):
        return "http://%s:%d/feeds/%d.xml" % (self.hosts[feed.host], self.port, feed.id)

    def stats(self):
        return {"generation": self.generation, "requests": self.requests, "by_status": self.by_status,
                "most_at_once_per_host": self.most,
                "most_at_once_per_host_until_written": self.most_written, "most_at_once": self.most_at_once,
                "now_at_once": self.at_once, "entries_served": self.entries_served,
                "bytes_sent": self.bytes_sent, "clients_gave_up": self.gave_up}


async def read_request(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, target, _ = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    return method, target, headers


def response(status, reason, headers, body):
    lines = ["HTTP/1.1 %d %s" % (status, reason), "Content-Length: %d" % len(body)]
    lines += ["%s: %s" % item for item in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


async def pause(reader, seconds):
    """Waits, unless the client hangs up first; True if it did."""
    try:
        data = await asyncio.wait_for(reader.read(1), timeout=seconds)
        return data == b""
    except asyncio.TimeoutError:
        return False


async def serve_feed(web, host, reader, target, headers):
    """Returns (status, reason, headers, body, entries) or None if the client hung up."""
    path = target.split("?")[0]
    moved = path.endswith("/moved.xml")
    try:
        fid = int(path.split("/")[2].split(".")[0])
        feed = web.feeds[fid]
    except (IndexError, ValueError):
        return 404, "Not Found", [], b"not here", 0
    if await pause(reader, feed.latency):
        return None
    if feed.kind == "hang":
        await pause(reader, 120)
        return None
    kind = feed.kind
    if kind == "404":
        return 404, "Not Found", [("Content-Type", "text/html")], b"<html><body>Not found</body></html>", 0
    if kind == "410":
        return 410, "Gone", [], b"", 0
    if kind == "429":
        return 429, "Too Many Requests", [("Retry-After", "3600")], b"", 0
    if kind == "500":
        return 500, "Internal Server Error", [], b"oops", 0
    if kind == "html":
        return 200, "OK", [("Content-Type", "text/html; charset=utf-8")], b"<!DOCTYPE html><html><body>A blog</body></html>", 0
    if kind == "redirect" and not moved:
        location = "http://%s:%d/feeds/%d/moved.xml" % (web.hosts[feed.redirect_host], web.port, fid)
        return feed.redirect_status, "Moved", [("Location", location)], b"", 0
    etag = feed.etag()
    common = [("ETag", etag), ("Last-Modified", "Thu, 28 May 2026 00:00:%02d GMT" % (feed.changed % 60))]
    if feed.id % 5 == 0:
        common.append(("Cache-Control", "max-age=1800"))
    if headers.get("if-none-match") == etag:
        return 304, "Not Modified", common, b"", 0
    if feed.cache is None or feed.cache[0] != feed.changed:
        plain = feed.body()
        feed.cache = (feed.changed, gzip.compress(plain, 5), len(plain))
    entries = min(feed.entries + feed.extra, 50)
    content_type = "application/atom+xml" if feed.atom else "application/rss+xml"
    if "gzip" in headers.get("accept-encoding", ""):
        return 200, "OK", common + [("Content-Type", content_type), ("Content-Encoding", "gzip")], feed.cache[1], entries
    return 200, "OK", common + [("Content-Type", content_type)], gzip.decompress(feed.cache[1]), entries


async def handle(web, host, reader, writer):
    try:
        while True:
            try:
                method, target, headers = await read_request(reader)
            except (asyncio.IncompleteReadError, ConnectionError, ValueError):
                return
            web.requests += 1
            web.now[host] += 1
            web.at_once += 1
            web.most[host] = max(web.most[host], web.now[host])
            web.now_written[host] += 1
            web.most_written[host] = max(web.most_written[host], web.now_written[host])
            written = False
            web.most_at_once = max(web.most_at_once, web.at_once)
            try:
                answer = await serve_feed(web, host, reader, target, headers)
                if answer is None:
                    web.gave_up += 1
                    return
                status, reason, extra, body, entries = answer
                writer.write(response(status, reason, extra, body))
                web.now_written[host] -= 1
                written = True
                await writer.drain()
                web.by_status[str(status)] = web.by_status.get(str(status), 0) + 1
                web.bytes_sent += len(body)
                if status == 200:
                    web.entries_served += entries
            finally:
                web.now[host] -= 1
                web.at_once -= 1
                if not written:
                    web.now_written[host] -= 1
            if headers.get("connection", "").lower() == "close":
                return
    except ConnectionError:
        return
    finally:
        writer.close()


async def control(web, reader, writer):
    try:
        method, target, _ = await read_request(reader)
        if target == "/list":
            body = "".join("%d %s\n" % (f.id, web.url(f)) for f in web.feeds).encode()
        elif target == "/stats":
            body = json.dumps(web.stats()).encode()
        elif target == "/reset" and method == "POST":
            web.reset()
            body = b"reset\n"
        elif target == "/advance" and method == "POST":
            body = ("%d feeds changed\n" % web.advance()).encode()
        else:
            body = b"?"
        writer.write(response(200, "OK", [("Content-Type", "text/plain"), ("Connection", "close")], body))
        await writer.drain()
    finally:
        writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=10_000)
    parser.add_argument("--hosts", type=int, default=19)
    parser.add_argument("--port", type=int, default=18501)
    parser.add_argument("--control-port", type=int, default=18500)
    args = parser.parse_args()
    web = Web(args.feeds, args.hosts, args.port)
    servers = []
    for host in web.hosts:
        servers.append(await asyncio.start_server(lambda r, w, h=host: handle(web, h, r, w), host, args.port,
                                                  backlog=512))
    servers.append(await asyncio.start_server(lambda r, w: control(web, r, w), "127.0.0.1", args.control_port))
    print("serving %d feeds on %s port %d; control on 127.0.0.1:%d" % (args.feeds, ", ".join(web.hosts), args.port,
                                                                        args.control_port), flush=True)
    await asyncio.gather(*(server.serve_forever() for server in servers))


if __name__ == "__main__":
    asyncio.run(main())
