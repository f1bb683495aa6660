#!/usr/bin/env python3
"""Search benchmark: index build time and size, and bytes and time per query in a browser.

Usage: python benchmarks/bench_search.py [--articles 10000,100000] [--work .bench]
                                         [--port 8741] [--timeout 60] [--archive-timeout 30]
                                         [--typical 20]
                                         [--reuse] [--no-browser] [--seed 1]

For each corpus size N (corpus-<N>/ in --work, made by tests/corpus.py):

1. Builds (cold: output deleted first, untimed)
     archive build --content CORPUS --out WORK/search-<N>/site  --base-url http://127.0.0.1:PORT -v
     archive build ... --out WORK/search-<N>/plain --no-search -v
   and prints both builds' phase timings. The search index costs its 'search index'
   phase plus the record pages written during 'render' (render with − render without).
   Index size: bytes and files of site/pagefind/, by kind of file.
2. For comparison, plain Pagefind over the rendered article pages of the --no-search build:
     python -m pagefind --site plain --glob '**/*-*/index.html' \
       --output-path WORK/search-<N>/plain-pagefind
3. Serves site/ on 127.0.0.1:PORT (threaded http.server, HTTP/1.1 keep-alive, counting the
   bytes it sends per request: headers and body) and opens /search/ in headless Chromium
   (/usr/bin/chromium through Playwright). Each query runs in a fresh browser context
   (empty HTTP cache), so its figures include loading pagefind.js, the WebAssembly and the
   index metadata; the bytes of the search page itself are not counted. Three modes:
     archive  await window.archiveSearch(q): the search and every result's data (fragment),
              which is what templates/assets/search.js does for the results page today;
     search   await window.archiveFind(q, 0) after window.archiveReady() (Pagefind and
              every shard's metadata loaded, timed apart as init): the search alone, as the
              search page runs it (one quoted phrase of bigrams per term, all shards);
     first10  await window.archiveFind(q, 10): the search plus the data (fragment) of the
              first 10 results: one page of results.
   "warm" repeats each mode with the next query of the class in the same page (Pagefind
   already initialised, chunks it already loaded kept): the cost of a second query.
   A query still running after --timeout seconds (--archive-timeout in mode archive, which
   fetches one fragment per result) is stopped and reported as '>' with the bytes sent
   until then; its warm query is then skipped.

Queries: 'typical' are --typical words of 2-4 Han characters taken from the corpus text
(jieba words at random token positions of a sample of articles, so common words come up
as often as in the text); 'common' are the very common single characters 的 在 市 一 and
the four most frequent 2-character sequences made of the corpus's 12 most frequent characters.

Targets printed for comparison (the issue's, at 100k on a local server): typical query
<= 300 KB and <= 300 ms, worst case <= 1 MB.

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
MODES = ("archive", "search", "first10")
COMMON_CHARS = "的在市一"  # very common in Chinese text (ranks 1, 35, 2, 11 in the corpus)
KINDS = ("js", "wasm", "entry", "meta", "index", "filter", "fragment", "other")


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

class Traffic:
    """Bytes and requests sent by the server, by kind of file, and the requests themselves."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.bytes: collections.Counter[str] = collections.Counter()
        self.requests: collections.Counter[str] = collections.Counter()
        self.log: list[tuple[str, int]] = []

    def snapshot(self) -> tuple[dict[str, int], dict[str, int], int]:
        with self.lock:
            return dict(self.bytes), dict(self.requests), len(self.log)

    def since(self, snap: tuple[dict[str, int], dict[str, int], int]) -> Sent:
        with self.lock:
            b = {k: v - snap[0].get(k, 0) for k, v in self.bytes.items()}
            r = {k: v - snap[1].get(k, 0) for k, v in self.requests.items()}
            log = self.log[snap[2]:]
        return Sent({k: v for k, v in b.items() if v}, {k: v for k, v in r.items() if v}, log)


@dataclass
class Sent:
    bytes: dict[str, int]
    requests: dict[str, int]
    log: list[tuple[str, int]]

    @property
    def total(self) -> int:
        return sum(self.bytes.values())

    @property
    def count(self) -> int:
        return sum(self.requests.values())


class _Counting:
    def __init__(self, raw, handler: CountingHandler) -> None:
        self.raw = raw
        self.handler = handler

    def write(self, data) -> int:
        n = self.raw.write(data)
        size = len(data) if n is None else n
        self.handler.sent += size
        with self.handler.traffic.lock:
            self.handler.traffic.bytes[self.handler.kind] += size
        return n

    def flush(self) -> None:
        self.raw.flush()

    def __getattr__(self, name):
        return getattr(self.raw, name)


class CountingHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real static host
    traffic: Traffic

    def setup(self) -> None:
        super().setup()
        self.kind = "other"
        self.sent = 0
        self.wfile = _Counting(self.wfile, self)

    def parse_request(self) -> bool:
        ok = super().parse_request()
        self.kind = kind_of(self.path)
        self.sent = 0
        with self.traffic.lock:
            self.traffic.requests[self.kind] += 1
        return ok

    def handle_one_request(self) -> None:
        super().handle_one_request()
        if self.sent:
            with self.traffic.lock:
                self.traffic.log.append((self.path, self.sent))
            self.sent = 0

    def log_message(self, *args) -> None:
        pass


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # Closing a browser context resets its keep-alive connections: not an error here.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(folder: Path, port: int) -> tuple[ThreadingHTTPServer, Traffic]:
    traffic = Traffic()
    handler = type("Handler", (CountingHandler,), {"traffic": traffic})
    server = QuietServer(("127.0.0.1", port),
                                 functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, traffic


# -- browser -------------------------------------------------------------------

RUN_JS = """
async ([q, mode, timeoutMs]) => {
  const t0 = performance.now();
  const work = (async () => {
    if (mode === "archive") {
      const urls = await window.archiveSearch(q);
      return { n: urls.length };
    }
    await window.archiveReady();  // pagefind.js, its WebAssembly, every shard's metadata
    const t1 = performance.now();
    const found = await window.archiveFind(q, mode === "first10" ? 10 : 0);
    const t2 = performance.now();
    return { n: found.count, init: t1 - t0, search: t2 - t1 };
  })();
  let timer;
  const timeout = new Promise((res) => {
    timer = setTimeout(() => res({ timeout: true }), timeoutMs);
  });
  const out = await Promise.race([work, timeout]);
  clearTimeout(timer);
  out.ms = performance.now() - t0;
  return out;
}
"""


@dataclass
class Measure:
    query: str
    mode: str
    warm: bool
    ms: float
    n: int | None
    timeout: bool
    traffic: Sent
    init_ms: float | None = None
    pf_timings: dict | None = None  # Pagefind's own: preload (loading chunks), search (wasm)


def measure(page, traffic: Traffic, query: str, mode: str, warm: bool, timeout: float) -> Measure:
    snap = traffic.snapshot()
    out = page.evaluate(RUN_JS, [query, mode, int(timeout * 1000)])
    time.sleep(0.05)  # let the server threads finish their bookkeeping
    return Measure(query, mode, warm, out["ms"], out.get("n"), bool(out.get("timeout")),
                   traffic.since(snap), out.get("init"), out.get("pf"))


def run_queries(base: str, traffic: Traffic, queries: dict[str, list[str]],
                timeouts: dict[str, float], modes: list[str]) -> list[tuple[str, Measure]]:
    from playwright.sync_api import sync_playwright

    rows: list[tuple[str, Measure]] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        print(f"  chromium {browser.version}, serving on {base}   ({load()})", flush=True)
        # One untimed page load and search first: the disk cache of the server's files.
        ctx = browser.new_context()
        page = ctx.new_page()
        page.goto(base + "/search/", wait_until="load")
        page.evaluate(RUN_JS, [queries["typical"][0], "search", int(timeouts["search"] * 1000)])
        ctx.close()
        for mode in modes:
            for cls, qs in queries.items():
                for i, q in enumerate(qs):
                    ctx = browser.new_context()
                    page = ctx.new_page()
                    page.goto(base + "/search/", wait_until="load")
                    page.wait_for_function("typeof window.archiveSearch === 'function'")
                    cold = measure(page, traffic, q, mode, False, timeouts[mode])
                    rows.append((cls, cold))
                    line = fmt_row(cls, cold)
                    if not cold.timeout:
                        nxt = qs[(i + 1) % len(qs)]
                        warm = measure(page, traffic, nxt, mode, True, timeouts[mode])
                        rows.append((cls, warm))
                        line += "   warm " + fmt_short(warm)
                    print(line, flush=True)
                    ctx.close()
        browser.close()
    return rows


def fmt_short(m: Measure) -> str:
    mark = ">" if m.timeout else ""
    n = "?" if m.n is None else f"{m.n}"
    return f"{m.query} {mark}{m.ms:,.0f} ms {kb(m.traffic.total)} {m.traffic.count} req n={n}"


def fmt_row(cls: str, m: Measure) -> str:
    mark = ">" if m.timeout else " "
    n = "timeout" if m.timeout else f"{m.n:,}"
    parts = " ".join(f"{k}={kb(m.traffic.bytes[k])}" for k in KINDS if m.traffic.bytes.get(k))
    init = f" init {m.init_ms:,.0f} ms" if m.init_ms is not None else ""
    if m.pf_timings:
        init += (f" (pagefind: preload {m.pf_timings['preload']:,.0f} ms,"
                 f" search {m.pf_timings['search']:,.0f} ms)")
    return (f"    {m.mode:8s} {cls:8s} {m.query:6s} {mark}{m.ms:8,.0f} ms "
            f"{kb(m.traffic.total):>9s} {m.traffic.count:6,} req  results {n:>7s}{init}  [{parts}]")


def summarise(rows: list[tuple[str, Measure]], articles: int) -> None:
    print(f"\n  summary at {articles:,} articles (median / max over the queries of each class)")
    print(f"    targets (100k, local server): typical <= {kb(TARGET_TYPICAL_BYTES)} and "
          f"<= {TARGET_TYPICAL_MS} ms; worst case <= {kb(TARGET_WORST_BYTES)}")
    print(f"    {'mode':8s} {'class':8s} {'':5s} {'bytes median':>13s} {'max':>10s} "
          f"{'ms median':>10s} {'max':>9s}  timeouts  over 300KB / 300ms / 1MB")
    for mode in MODES:
        for cls in ("typical", "common"):
            for warm in (False, True):
                ms = [m for c, m in rows if c == cls and m.mode == mode and m.warm == warm]
                if not ms:
                    continue
                b = [m.traffic.total for m in ms]
                t = [m.ms for m in ms]
                tmo = sum(m.timeout for m in ms)
                over = (f"{sum(x > TARGET_TYPICAL_BYTES for x in b)}/{len(b)} "
                        f"{sum(x > TARGET_TYPICAL_MS for x in t)}/{len(t)} "
                        f"{sum(x > TARGET_WORST_BYTES for x in b)}/{len(b)}")
                print(f"    {mode:8s} {cls:8s} {'warm' if warm else 'cold':5s} "
                      f"{kb(statistics.median(b)):>13s} {kb(max(b)):>10s} "
                      f"{statistics.median(t):>10,.0f} {max(t):>9,.0f}  {tmo:8d}  {over}")
    print("    Pagefind's own timings in mode search (median ms): preload = fetching and "
          "decoding chunks, search = the search in WebAssembly")
    for cls in ("typical", "common"):
        for warm in (False, True):
            ts = [m.pf_timings for c, m in rows
                  if c == cls and m.mode == "search" and m.warm == warm and m.pf_timings]
            if ts:
                print(f"      {cls:8s} {'warm' if warm else 'cold'}: preload "
                      f"{statistics.median(t['preload'] for t in ts):,.0f}, search "
                      f"{statistics.median(t['search'] for t in ts):,.0f}, total "
                      f"{statistics.median(t['total'] for t in ts):,.0f}")
    # Where the bytes go: by kind of file, cold queries, summed per mode and class.
    print("\n  where the bytes go (cold queries, mean per query, by kind of file)")
    for mode in MODES:
        for cls in ("typical", "common"):
            ms = [m for c, m in rows if c == cls and m.mode == mode and not m.warm]
            if not ms:
                continue
            total = collections.Counter()
            reqs = collections.Counter()
            for m in ms:
                total.update(m.traffic.bytes)
                reqs.update(m.traffic.requests)
            parts = ", ".join(f"{k} {kb(total[k] / len(ms))} ({reqs[k] / len(ms):,.0f} req)"
                              for k in KINDS if total.get(k))
            print(f"    {mode:8s} {cls:8s} {parts}")
    print("  largest responses of the heaviest cold query of each mode (completed ones first)")
    for mode in MODES:
        ms = [m for _, m in rows if m.mode == mode and not m.warm]
        if not ms:
            continue
        worst = max(ms, key=lambda m: (not m.timeout, m.traffic.total))
        big = sorted(worst.traffic.log, key=lambda x: -x[1])[:4]
        print(f"    {mode:8s} {worst.query!r} {kb(worst.traffic.total)}"
              f"{' (timed out)' if worst.timeout else ''}: "
              + ", ".join(f"{p.rsplit('/', 1)[-1]} {kb(x)}" for p, x in big))


# -- main ----------------------------------------------------------------------

def port_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def bench(n: int, args: argparse.Namespace) -> None:
    corpus = args.work / f"corpus-{n}"
    if not corpus.is_dir():
        sys.exit(f"{corpus}: no corpus; make it with python tests/corpus.py "
                 f"{corpus} --articles {n}")
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
        search_phase = w.phases.get("search index", float("nan"))
        render_extra = w.phases.get("render", 0) - wo.phases.get("render", 0)
        print(f"    search index phase {search_phase:.2f} s; render with − without search "
              f"{render_extra:+.2f} s (record pages); total with − without "
              f"{w.phases.get('total', 0) - wo.phases.get('total', 0):+.2f} s")
        if not pf.error:
            print(f"    plain Pagefind over the article pages of the --no-search build: "
                  f"{pf.wall:.2f} s ({pf.summary}); our index phase / plain Pagefind = "
                  f"{search_phase / pf.wall:.2f}x")
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
    server, traffic = serve(site, args.port)
    try:
        print("  per query: mode class query  time  bytes  requests  results  "
              "[bytes by kind of file]; warm = next query in the same page")
        rows = run_queries(f"http://127.0.0.1:{args.port}", traffic, queries,
                           {"archive": args.archive_timeout, "search": args.timeout,
                            "first10": args.timeout}, args.modes.split(","))
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
    ap.add_argument("--archive-timeout", type=float, default=30.0,
                    help="the same for mode archive (default 30)")
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
    ap.add_argument("--modes", default=",".join(MODES),
                    help=f"query modes to measure (default {','.join(MODES)})")
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
