#!/usr/bin/env python3
"""Waits until a URL answers 200, or until the process being started exits (exit status 1).

    bench/wait-for-page.py http://127.0.0.1:18080/blog/engineering/page/17 "$APP_PID"

The start-up figures are measured with it. It is one process that asks every 50 ms, where a
`until curl …; do sleep 0.05; done` loop started a curl process each time: 16 ms of CPU each on
this 2-core machine (100 of them took 0.91 s user and 0.74 s system, 2026-12-04), about 2 s of
CPU taken from the JVM during a 6 s start, and about 1 s on the start-up figure (bench/README.md,
round 12). Talks to the URL directly, never through a proxy.
"""
import http.client
import os
import sys
import time
import urllib.parse


def answers_200(url):
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=30)
    try:
        connection.request("GET", parts.path or "/")
        return connection.getresponse().status == 200
    except OSError:  # refused while the server starts, or reset
        return False
    finally:
        connection.close()


def main():
    url, pid = sys.argv[1], int(sys.argv[2])
    while not answers_200(url):
        try:
            os.kill(pid, 0)
        except OSError:
            sys.exit(1)
        time.sleep(0.05)


if __name__ == "__main__":
    main()
