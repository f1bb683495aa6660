#!/usr/bin/env python3
"""Pages per second for segmentation (decode + repair + segment), on one core.

CPU time of this process is measured, round by round; the best round is the figure
least disturbed by other load on a shared machine (as timeit reports the minimum).

Usage: python benchmarks/bench_segment.py [PAGE_DIR ...] [--seconds 5]
Default pages: the sample pages in samples/pages/.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from generator.ingest.decode import decode_page
from generator.ingest.segment import segment

ROOT = Path(__file__).resolve().parent.parent


def default_pages() -> list[Path]:
    return sorted((ROOT / "samples" / "pages").glob("*.txt"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path)
    ap.add_argument("--seconds", type=float, default=5.0)
    args = ap.parse_args()
    files = [p for d in args.dirs for p in sorted(d.glob("*.txt"))] or default_pages()
    pages = [(p.name, p.read_bytes()) for p in files]
    total_bytes = sum(len(b) for _, b in pages)
    for name, data in pages:  # warm-up: compiles regexes, loads modules
        segment(decode_page(data, name))
    done = 0
    rounds: list[float] = []  # CPU seconds for one pass over all pages
    start, cpu_start = time.perf_counter(), time.process_time()
    while time.perf_counter() - start < args.seconds:
        tick = time.process_time()
        for name, data in pages:
            segment(decode_page(data, name))
        rounds.append(time.process_time() - tick)
        done += len(pages)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start  # this process's CPU time: robust to other load
    best = min(rounds)
    print(f"pages:        {len(pages)} ({total_bytes / 1024:.0f} KB), {done} segmented "
          f"in {len(rounds)} rounds")
    print(f"pages/second: {len(pages) / best:.0f} in the best round, {done / cpu:.0f} on average "
          f"(per CPU-second of one core; {done / elapsed:.0f} per wall-clock second)")
    print(f"ms/page:      {1000 * best / len(pages):.2f} best, "
          f"{1000 * cpu / done:.2f} average (CPU)")
    print(f"MB/second:    {total_bytes / best / 1e6:.2f} best")

if __name__ == "__main__":
    main()
