#!/usr/bin/env python3
"""Search benchmark: index build time and size, and bytes and time per query in a browser.

Usage: python benchmarks/bench_search.py [--articles 10000,100000] [--work .bench]
                                         [--port 8741] [--timeout 60] [--typical 20]
                                         [--sorts relevance,newest]
                                         [--reuse] [--no-browser] [--seed 1]

For each corpus size N (corpus-<N>/ in --work, written by tests/corpus.py when missing):

1. Builds (cold: output deleted first, untimed)
     archive build --content CORPUS --out WORK/search-<N>/site  --base-url http://127.0.0.1:PORT -v
     archive build ... --out WORK/search-<N>/plain --no-search -v
   and prints both builds' phase timings. The search index costs the difference of the
   two (total with − total without search): it is written while the pages are rendered.
   Index size: bytes and files of site/pagefind/, by kind of file.
2. For comparison, plain Pagefind over the rendered article pages of the --no-search build:
     python -m pagefind --site plain --glob '**/*-*/index.html' \
       --output-path WORK/search-<N>/plain-pagefind
3. Serves site/ on 127.0.0.1:PORT (threaded http.server, HTTP/1.1 keep-alive) and opens
   the home page in headless Chromium (/usr/bin/chromium through Playwright). Each query
   runs as the search page runs it, through the engine of templates/assets/search-engine.js
   (window.ArchiveSearch): Engine.search(q, {sort}), then Engine.details() of the first 20
   hits, the results page's first screen. For sort "newest" the 20 are fetched as soon as
   onFirst gives them, while the search goes on; for "relevance" once the search is done.
   Per query:
     first  time and bytes until the first 20 results are shown (their details in);
     done   time until the search resolved (every hit ordered, every count complete), and
            the bytes of the whole query (search and the 20 details).
   "cold": a fresh browser context (empty HTTP cache) and a new engine, so the figures
   include segments.json and every segment's metadata and filters. "warm": the next query
   of the class in the same page and engine (metadata, filters and chunks it loaded kept):
   the cost of a second search. Bytes are the browser's Resource Timing transfer sizes
   (headers and body) of the requests made since the query started; "first" counts those
   that had completed when the 20 were shown. A query still running after --timeout
   seconds is stopped and reported with '>'; its warm query is then skipped.

Queries: 'typical' are --typical words of 2-4 Han characters taken from the corpus text
(jieba words at random token positions of a sample of articles, so common words come up
as often as in the text); 'common' are the very common single characters 的 在 市 一 and
the four most frequent 2-character sequences made of the corpus's 12 most frequent characters.

Targets printed for comparison (the issue's, at 100k on a local server): typical query
<= 300 KB and <= 300 ms to the first results, worst case <= 1 MB.

Keep --work on the same disk as the project, not /tmp. Timings are wall times on a shared
machine: the load average is printed before each phase.
"""

from __future__ import annotations

import argparse
import collections
import functools
import itertools
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PHASE_RE = re.compile(r"^\s+([\w ]+): ([\d.]+) s$", re.MULTILINE)
HAN_RE = re.compile(r"^[\u4e00-\u9fff]+$")
TARGET_TYPICAL_BYTES = 300 * 1024
TARGET_TYPICAL_MS = 300
TARGET_WORST_BYTES = 1024 * 1024
SORTS = ("relevance", "newest")
COMMON_CHARS = "的在市一"  # very common in Chinese text (ranks 1, 35, 2, 11 in the corpus)
KINDS = ("js", "wasm", "listing", "entry", "meta", "index", "filter", "fragment", "other")


def load() -> str:
    return f"load {os.getloadavg()[0]:.2f}"


def kb(n: float) -> str:
    return f"{n / 1024:,.0f} KB" if n < 10 * 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MB"


def kind_of(path: str) -> str:
    """What a file of the Pagefind bundle is, by its name."""
    name = path.split("?", 1)[0].rsplit("/", 1)[-1]
    if "/pagefind/" not in path and not path.startswith("pagefind/"):
        return "other"
    if name.endswith(".pf_index"):
        return "index"
    if name.endswith(".pf_fragment"):
        return "fragment"
    if name.endswith(".pf_filter"):
        return "filter"
    if name.endswith(".pf_meta"):
        return "meta"
    if name.startswith("wasm."):
        return "wasm"
    if name == "pagefind-entry.json":
        return "entry"
    if name == "segments.json":
        return "listing"
    if name.endswith(".js"):
        return "js"
    return "other"


# -- builds --------------------------------------------------------------------

@dataclass
class Build:
    wall: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)
    summary: str = ""
    maxrss_kb: int = 0  # largest single process of the command's process tree
    error: str = ""  # last line of the output when the command failed


def run_measured(command: list[str], log_path: Path, mem_limit: int) -> Build:
    """Run a command with its output in log_path; wall time, peak RSS, exit status.

    Every process of the command is limited to mem_limit bytes of address space
    (RLIMIT_AS, inherited by children), so that a runaway indexer fails with an
    allocation error instead of making the kernel's OOM killer pick processes on a
    shared machine.
    """
    import resource

    def limit() -> None:
        if mem_limit:
            resource.setrlimit(resource.RLIMIT_AS, (mem_limit, mem_limit))

    with open(log_path, "w") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT,
                                preexec_fn=limit)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = log_path.read_text(errors="replace")
    build = Build(wall, {name.strip(): float(x) for name, x in PHASE_RE.findall(text)},
                  next((m.group(0).strip() for ln in text.splitlines()
                        if (m := re.match(r"^\s*(built |Indexed \d[\d,]* pages?).*", ln))), ""),
                  usage.ru_maxrss)
    if proc.returncode != 0:
        lines = [ln for ln in text.splitlines() if ln.strip()]
        how = (f"killed by signal {-proc.returncode}" if proc.returncode < 0
               else f"exit code {proc.returncode}")
        build.error = f"{how}: {lines[-1] if lines else 'no output'}"
    return build


def run_build(corpus: Path, out: Path, port: int, search: bool, mem_limit: int) -> Build:
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "generator", "build", "--content", str(corpus),
               "--out", str(out), "--base-url", f"http://127.0.0.1:{port}", "-v"]
    if not search:
        command.append("--no-search")
    print(f"  $ archive {' '.join(command[3:])}   ({load()})", flush=True)
    return run_measured(command, out.parent / f"{out.name}-build.log", mem_limit)


def run_plain_pagefind(site: Path, output: Path, mem_limit: int) -> Build:
    shutil.rmtree(output, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(site),
               "--glob", "**/*-*/index.html", "--output-path", str(output)]
    print(f"  $ python -m pagefind --site {site} --glob '**/*-*/index.html' "
          f"--output-path {output}   ({load()})", flush=True)
    return run_measured(command, output.parent / f"{output.name}.log", mem_limit)


def bundle_sizes(folder: Path) -> dict[str, list[int]]:
    """Sizes of the files of a Pagefind bundle, by kind."""
    sizes: dict[str, list[int]] = collections.defaultdict(list)
    for path in folder.rglob("*"):
        if path.is_file():
            sizes[kind_of("/pagefind/" + path.name)].append(path.stat().st_size)
    return sizes


def print_bundle(label: str, folder: Path) -> None:
    sizes = bundle_sizes(folder)
    total = sum(sum(v) for v in sizes.values())
    files = sum(len(v) for v in sizes.values())
    print(f"    {label}: {total:,} bytes ({kb(total)}) in {files:,} files  [{folder}]")
    for kind in KINDS:
        if sizes.get(kind):
            v = sorted(sizes[kind])
            print(f"      {kind:9s} {len(v):7,} files {kb(sum(v)):>10s}   "
                  f"median {kb(statistics.median(v)):>8s}  largest {kb(v[-1])}")
    if sizes.get("index"):
        top = sorted(sizes["index"])[-5:][::-1]
        print("      5 largest index chunks: " + ", ".join(kb(s) for s in top))


# -- queries -------------------------------------------------------------------

def article_texts(corpus: Path, limit: int, seed: int) -> list[str]:
    files = sorted(corpus.rglob("*.md"))
    rnd = random.Random(seed)
    chosen = rnd.sample(files, min(limit, len(files)))
    texts = []
    for path in chosen:
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            head, _, body = text[3:].partition("\n---")
            title = re.search(r'^title: "?(.*?)"?$', head, re.MULTILINE)
            text = (title.group(1) if title else "") + "\n" + body
        texts.append(text)
    return texts


def make_queries(corpus: Path, typical: int, seed: int) -> dict[str, list[str]]:
    import jieba

    jieba.setLogLevel(60)
    texts = article_texts(corpus, 1000, seed)
    chars = collections.Counter(c for t in texts for c in t if HAN_RE.match(c))
    rnd = random.Random(seed)
    words = [w for t in texts for w in jieba.lcut(t)]
    picked: list[str] = []
    while len(picked) < typical:
        w = rnd.choice(words)
        if 2 <= len(w) <= 4 and HAN_RE.match(w) and w not in picked:
            picked.append(w)
    top = [c for c, _ in chars.most_common(12)]
    pairs = collections.Counter()
    for t in texts:
        for a, b in itertools.pairwise(t):
            if a in top and b in top:
                pairs[a + b] += 1
    total = sum(chars.values())
    print("  most frequent characters (share of Han characters in 1,000 sampled articles): "
          + " ".join(f"{c} {k / total:.1%}" for c, k in chars.most_common(10)))
    common = [c for c in COMMON_CHARS if chars[c]] + [p for p, _ in pairs.most_common(4)]
    return {"typical": picked, "common": common}


# -- server --------------------------------------------------------------------

class QuietHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real static host
    # http.server writes a response's headers and body in separate sends: with Nagle's
    # algorithm on, each response on a kept-alive connection waits out the client's
    # delayed ACK (about 40 ms), which no real host does.
    disable_nagle_algorithm = True

    def log_message(self, *args) -> None:
        pass


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # Closing a browser context resets its keep-alive connections: not an error here.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(folder: Path, port: int) -> ThreadingHTTPServer:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = QuietServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# -- browser -------------------------------------------------------------------

# One query: the search, the details of its first 20 hits, and the requests made since it
# started ([url, transfer size, completed before the 20 were shown]).
RUN_JS = """
async ([q, sort, fresh, timeoutMs]) => {
  performance.setResourceTimingBufferSize(1000000);
  const t0 = performance.now();
  const work = (async () => {
    if (fresh || !window.benchEngine) {
      window.benchEngine = ArchiveSearch.open(document.documentElement.dataset.prefix || "");
    }
    const engine = await window.benchEngine;
    let shown = null;
    const found = await engine.search(q, { sort, onFirst: (first) => {
      shown = engine.details(first.hits.slice(0, 20)).then(() => performance.now());
    } });
    const done = performance.now();
    if (!shown) shown = engine.details(found.hits.slice(0, 20)).then(() => performance.now());
    const first = await shown;
    return { n: found.total, first, done };
  })();
  let timer;
  const timeout = new Promise((res) => {
    timer = setTimeout(() => res({ timeout: true }), timeoutMs);
  });
  const out = await Promise.race([work, timeout]);
  clearTimeout(timer);
  const shownAt = out.first || Infinity;
  out.requests = performance.getEntriesByType("resource").filter((e) => e.startTime >= t0)
    .map((e) => [e.name, e.transferSize, e.responseEnd <= shownAt]);
  out.first = out.first ? out.first - t0 : null;
  out.done = out.done ? out.done - t0 : performance.now() - t0;
  return out;
}
"""


@dataclass
class Measure:
    query: str
    sort: str
    warm: bool
    first_ms: float | None  # until the first 20 were shown (None: timed out before)
    done_ms: float  # until the search resolved (or the timeout)
    n: int | None
    timeout: bool
    requests: list[tuple[str, int, bool]]  # url, bytes, completed before the first 20

    @property
    def total(self) -> int:
        return sum(size for _, size, _ in self.requests)

    @property
    def first_bytes(self) -> int:
        return sum(size for _, size, before in self.requests if before)

    def by_kind(self) -> collections.Counter[str]:
        kinds: collections.Counter[str] = collections.Counter()
        for url, size, _ in self.requests:
            kinds[kind_of(url)] += size
        return kinds


def measure(page, query: str, sort: str, warm: bool, timeout: float) -> Measure:
    out = page.evaluate(RUN_JS, [query, sort, not warm, int(timeout * 1000)])
    return Measure(query, sort, warm, out.get("first"), out["done"], out.get("n"),
                   bool(out.get("timeout")), [tuple(r) for r in out["requests"]])


def run_queries(base: str, queries: dict[str, list[str]], timeout: float,
                sorts: list[str]) -> list[tuple[str, Measure]]:
    from playwright.sync_api import sync_playwright

    rows: list[tuple[str, Measure]] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        print(f"  chromium {browser.version}, serving on {base}   ({load()})", flush=True)
        # One untimed search first: the disk cache of the server's files.
        ctx = browser.new_context()
        page = ctx.new_page()
        page.goto(base + "/", wait_until="load")
        page.evaluate(RUN_JS, [queries["typical"][0], "relevance", True, int(timeout * 1000)])
        ctx.close()
        for sort in sorts:
            for cls, qs in queries.items():
                for i, q in enumerate(qs):
                    ctx = browser.new_context()
                    page = ctx.new_page()
                    page.goto(base + "/", wait_until="load")
                    page.wait_for_function("typeof window.ArchiveSearch === 'object'")
                    cold = measure(page, q, sort, False, timeout)
                    rows.append((cls, cold))
                    line = fmt_row(cls, cold)
                    if not cold.timeout:
                        warm = measure(page, qs[(i + 1) % len(qs)], sort, True, timeout)
                        rows.append((cls, warm))
                        line += "   warm " + fmt_short(warm)
                    print(line, flush=True)
                    ctx.close()
        browser.close()
    return rows


def ms(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f} ms"


def fmt_short(m: Measure) -> str:
    mark = ">" if m.timeout else ""
    return (f"{m.query} first {ms(m.first_ms)} {kb(m.first_bytes)}, done {mark}{ms(m.done_ms)} "
            f"{kb(m.total)} {len(m.requests)} req n={'?' if m.n is None else m.n}")


def fmt_row(cls: str, m: Measure) -> str:
    mark = ">" if m.timeout else " "
    n = "timeout" if m.timeout else f"{m.n:,}"
    kinds = m.by_kind()
    parts = " ".join(f"{k}={kb(kinds[k])}" for k in KINDS if kinds.get(k))
    return (f"    {m.sort:9s} {cls:8s} {m.query:6s} first {ms(m.first_ms):>9s} "
            f"{kb(m.first_bytes):>9s}  done {mark}{ms(m.done_ms):>9s} {kb(m.total):>9s} "
            f"{len(m.requests):5,} req  results {n:>7s}  [{parts}]")


def summarise(rows: list[tuple[str, Measure]], articles: int) -> None:
    print(f"\n  summary at {articles:,} articles (median / max over the queries of each class)")
    print(f"    targets (100k, local server): typical <= {kb(TARGET_TYPICAL_BYTES)} and "
          f"<= {TARGET_TYPICAL_MS} ms to the first results; worst case <= "
          f"{kb(TARGET_WORST_BYTES)}")
    print(f"    {'sort':9s} {'class':8s} {'':5s} {'first ms':>9s} {'max':>8s} {'first KB':>9s} "
          f"{'max':>8s} {'done ms':>9s} {'max':>8s} {'all KB':>8s} {'max':>8s}  timeouts  "
          "first over 300ms / 300KB, all over 1MB")
    for sort in dict.fromkeys(m.sort for _, m in rows):
        for cls in ("typical", "common"):
            for warm in (False, True):
                group = [m for c, m in rows if c == cls and m.sort == sort and m.warm == warm]
                if not group:
                    continue
                first_ms = [m.first_ms if m.first_ms is not None else m.done_ms for m in group]
                first_b = [m.first_bytes for m in group]
                done = [m.done_ms for m in group]
                total = [m.total for m in group]
                over = (f"{sum(t > TARGET_TYPICAL_MS for t in first_ms)}/{len(group)} "
                        f"{sum(b > TARGET_TYPICAL_BYTES for b in first_b)}/{len(group)} "
                        f"{sum(b > TARGET_WORST_BYTES for b in total)}/{len(group)}")
                print(f"    {sort:9s} {cls:8s} {'warm' if warm else 'cold':5s} "
                      f"{statistics.median(first_ms):>9,.0f} {max(first_ms):>8,.0f} "
                      f"{statistics.median(first_b) / 1024:>9,.0f} {max(first_b) / 1024:>8,.0f} "
                      f"{statistics.median(done):>9,.0f} {max(done):>8,.0f} "
                      f"{statistics.median(total) / 1024:>8,.0f} {max(total) / 1024:>8,.0f}  "
                      f"{sum(m.timeout for m in group):8d}  {over}")
    print("\n  where the bytes go (cold queries, mean per query, by kind of file)")
    for sort in dict.fromkeys(m.sort for _, m in rows):
        for cls in ("typical", "common"):
            group = [m for c, m in rows if c == cls and m.sort == sort and not m.warm]
            if not group:
                continue
            total: collections.Counter[str] = collections.Counter()
            reqs: collections.Counter[str] = collections.Counter()
            for m in group:
                total.update(m.by_kind())
                reqs.update(kind_of(url) for url, _, _ in m.requests)
            parts = ", ".join(f"{k} {kb(total[k] / len(group))} ({reqs[k] / len(group):,.0f} req)"
                              for k in KINDS if total.get(k))
            print(f"    {sort:9s} {cls:8s} {parts}")
    print("  largest responses of the heaviest cold query of each sort (completed ones first)")
    for sort in dict.fromkeys(m.sort for _, m in rows):
        group = [m for _, m in rows if m.sort == sort and not m.warm]
        worst = max(group, key=lambda m: (not m.timeout, m.total))
        big = sorted(worst.requests, key=lambda r: -r[1])[:4]
        print(f"    {sort:9s} {worst.query!r} {kb(worst.total)}"
              f"{' (timed out)' if worst.timeout else ''}: "
              + ", ".join(f"{url.rsplit('/', 1)[-1]} {kb(size)}" for url, size, _ in big))


# -- main ----------------------------------------------------------------------

def port_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def bench(n: int, args: argparse.Namespace) -> None:
    corpus = args.work / f"corpus-{n}"
    if not corpus.is_dir():
        print(f"writing a corpus of {n:,} articles into {corpus} (tests/corpus.py)", flush=True)
        sys.path.insert(0, str(ROOT / "tests"))
        from corpus import make_corpus

        make_corpus(corpus, n)
    folder = args.work / f"search-{n}"
    site, plain, plain_pf = folder / "site", folder / "plain", folder / "plain-pagefind"
    saved = folder / "builds.json"
    print(f"\ncorpus: {n:,} articles in {corpus}")
    if args.site:
        site = args.site
        data = json.loads(saved.read_text()) if saved.is_file() else {}
        data["with"] = Build(summary=f"built elsewhere: {site}").__dict__
        data.setdefault("without", Build(error="not run").__dict__)
        data.setdefault("plain_pagefind", Build(error="not run").__dict__)
        print(f"  (--site: queries against {site}, built elsewhere; plain figures from an "
              "earlier run where there are any)")
    elif args.reuse and saved.is_file():
        data = json.loads(saved.read_text())
        print(f"  (--reuse: build figures from {saved}, not rebuilt)")
    elif args.site_only and saved.is_file():
        data = json.loads(saved.read_text())
        print(f"  (--site-only: the --no-search and plain Pagefind figures from {saved})")
        data["with"] = run_build(corpus, site, args.port, True, args.mem_limit).__dict__
        saved.write_text(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        folder.mkdir(parents=True, exist_ok=True)
        data = {"with": run_build(corpus, site, args.port, True, args.mem_limit).__dict__,
                "without": run_build(corpus, plain, args.port, False, args.mem_limit).__dict__}
        data["plain_pagefind"] = run_plain_pagefind(plain, plain_pf, args.mem_limit).__dict__
        saved.write_text(json.dumps(data, ensure_ascii=False, indent=1))
    w, wo, pf = (Build(**data[k]) for k in ("with", "without", "plain_pagefind"))
    print(f"  builds (wall of the command; phases from its -v output; peak memory of its "
          f"largest process; limit {args.mem_limit / 2**30:.0f} GB of address space each)")
    for label, b in (("with search", w), ("--no-search", wo), ("plain Pagefind", pf)):
        phases = ", ".join(f"{k} {v:.2f} s" for k, v in b.phases.items()) or b.summary
        status = f"FAILED after {b.wall:.2f} s ({b.error})" if b.error else f"{b.wall:7.2f} s"
        print(f"    {label:14s} {status}   peak {b.maxrss_kb / 1024:,.0f} MB   {phases}")
    if not w.error and not wo.error:
        cost = w.phases.get("total", w.wall) - wo.phases.get("total", wo.wall)
        print(f"    the search index costs {cost:+.2f} s (total with − without search)")
        if not pf.error:
            print(f"    plain Pagefind over the article pages of the --no-search build: "
                  f"{pf.wall:.2f} s ({pf.summary}); our index / plain Pagefind = "
                  f"{cost / pf.wall:.2f}x")
    print("  index size")
    if not w.error and (site / "pagefind").is_dir():
        print_bundle("site/pagefind (ours)", site / "pagefind")
    if not pf.error and plain_pf.is_dir():
        print_bundle("plain Pagefind", plain_pf)
    if args.no_browser:
        return
    if w.error or not (site / "pagefind").is_dir():
        print("  no search index: queries not measured")
        return

    queries = make_queries(corpus, args.typical, args.seed)
    print(f"  queries: typical {' '.join(queries['typical'])}")
    print(f"           common  {' '.join(queries['common'])}")
    if not port_free(args.port):
        sys.exit(f"port {args.port} is in use; pass --port")
    server = serve(site, args.port)
    try:
        print("  per query: sort class query, first 20 shown: time bytes, search done: time, "
              "all bytes, requests, results [bytes by kind of file]; warm = the next query "
              "in the same page and engine")
        rows = run_queries(f"http://127.0.0.1:{args.port}", queries, args.timeout,
                           args.sorts.split(","))
    finally:
        server.shutdown()
        server.server_close()
    summarise(rows, n)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", default="10000,100000",
                    help="corpus sizes, comma-separated (default 10000,100000)")
    ap.add_argument("--work", type=Path, default=ROOT / ".bench",
                    help="folder holding corpus-<N>/ and the outputs (default .bench/)")
    ap.add_argument("--port", type=int, default=8741)
    ap.add_argument("--timeout", type=float, default=60.0,
                    help="seconds before a query is stopped (default 60)")
    ap.add_argument("--typical", type=int, default=20, help="number of typical queries")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--reuse", action="store_true",
                    help="reuse builds from an earlier run instead of rebuilding")
    ap.add_argument("--site-only", action="store_true",
                    help="rebuild only the site with search; the other builds from an "
                    "earlier run")
    ap.add_argument("--site", type=Path,
                    help="measure the queries on this already built site (built with "
                    "--base-url http://127.0.0.1:PORT); no builds")
    ap.add_argument("--sorts", default=",".join(SORTS),
                    help=f"result orders to measure (default {','.join(SORTS)})")
    ap.add_argument("--no-browser", action="store_true", help="builds and sizes only")
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    ap.add_argument("--mem-limit", type=float, default=round(ram * 0.7 / 2**30),
                    help="GB of address space each build process may use (default 70%% of RAM)")
    args = ap.parse_args()
    args.work = args.work.resolve()
    args.mem_limit = int(args.mem_limit * 2**30)
    import pagefind  # noqa: F401  (fail early when missing)

    version = subprocess.run([sys.executable, "-m", "pagefind", "--version"],
                             capture_output=True, text=True).stdout.strip()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {version}, "
          f"work {args.work}, {load()}")
    for n in (int(x) for x in args.articles.split(",")):
        bench(n, args)


if __name__ == "__main__":
    main()
