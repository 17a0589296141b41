#!/usr/bin/env python3
"""What a JVM's resident memory (RSS) is made of, from /proc/PID/smaps: the parts NMT cannot see.

Native Memory Tracking counts what the JVM reserved and committed, but RSS counts pages touched,
and some of them NMT never sees: the shared libraries' code (libjvm.so alone is about 20 MB), the
CDS archive's pages (a file mapping: NMT counts it whole, RSS only what was read), and memory
the C library handed out for native code outside the JVM's own accounting (zlib, the JIT's freed
arenas not yet returned). Prints one line, MB resident per kind:

    bench/rss.py PID        # the heap's range comes from `jcmd PID GC.heap_info`

Kinds: heap (the anonymous mapping holding the Java heap's range), CDS archive (*.jsa), libjvm.so,
other files (libraries, jars), thread stacks seen by the kernel ([stack] only; Java threads'
stacks are anonymous), and other anonymous memory (metaspace, code cache, thread stacks, malloc).
"""
import re
import subprocess
import sys


def main():
    pid = sys.argv[1]
    info = subprocess.run(["jcmd", pid, "GC.heap_info"], capture_output=True, text=True).stdout
    # the generations' [start, top, end) addresses: the heap is the range they cover
    addresses = [int(a, 16) for a in re.findall(r"0x[0-9a-f]{8,16}", info)]
    heap = (min(addresses), max(addresses)) if addresses else None
    kinds = {}
    kind = None
    with open(f"/proc/{pid}/smaps") as smaps:
        for line in smaps:
            head = re.match(r"^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$", line)
            if head:
                start, end, path = int(head.group(1), 16), int(head.group(2), 16), head.group(3).strip()
                if path.endswith(".jsa"):
                    kind = "CDS archive"
                elif path.endswith("libjvm.so"):
                    kind = "libjvm.so"
                elif path.startswith("/"):
                    kind = "other files"
                elif heap and start < heap[1] and end > heap[0]:
                    kind = "heap"
                else:
                    kind = "other anonymous"
                continue
            if line.startswith("Rss:"):
                kinds[kind] = kinds.get(kind, 0) + int(line.split()[1])
    total = sum(kinds.values())
    order = ["heap", "CDS archive", "libjvm.so", "other files", "other anonymous"]
    print(f"RSS {total // 1024} MB: " + ", ".join(f"{k} {kinds[k] // 1024}" for k in order if k in kinds))


if __name__ == "__main__":
    main()
