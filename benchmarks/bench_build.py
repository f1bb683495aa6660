#!/usr/bin/env python3
"""Full-build benchmark: `archive build` on synthetic corpora, and Hugo on the same files.

Usage: python benchmarks/bench_build.py [--articles 10000,100000] [--runs 3] [--jobs N]
                                        [--work DIR] [--no-hugo] [--keep-output] [--search]

For each corpus size it prints wall time (min and median of --runs cold full builds:
the output folder is deleted before every run, untimed), articles/s, the peak memory
of the build, the build's own phase timings, and, when `hugo` is on PATH, the same
figures for Hugo rendering the same Markdown files, with our/Hugo time ratios.
Builds run with --no-search, as Hugo builds no search index: the comparison is of the
render alone; --search times the whole build, search index included.

Corpora are made by tests/corpus.py (or --make-corpus, a generator with the same
arguments that writes the archive's layout) and cached in --work (default .bench/ in
the repo root) as corpus-<N>/, so later runs reuse them. Keep --work on the same disk as the
project, not /tmp, whose file creation is much slower on some machines.

Peak memory is the largest single process of the build's process tree (the main
process or one of its forked workers): ru_maxrss from wait4() on the build
process, which Linux takes over the process and all its reaped descendants. It
is not the sum over workers: forked workers share much of their memory with the
parent copy-on-write, so a sum would overstate it. Unix only (wait4).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAKE_CORPUS = ROOT / "tests" / "corpus.py"  # in-repo, seeded, the archive's own layout
PHASE_RE = re.compile(r"^\s+(\w+): ([\d.]+) s$", re.MULTILINE)


@dataclass
class Run:
    wall: float
    maxrss_kb: int
    user: float  # CPU seconds of the whole process tree (reaped descendants included)
    sys: float
    stdout: str


@dataclass
class Figures:
    name: str
    articles: int
    runs: list[Run] = field(default_factory=list)
    files: int = 0
    out_bytes: int = 0

    @property
    def walls(self) -> list[float]:
        return [r.wall for r in self.runs]

    @property
    def best(self) -> float:
        return min(self.walls)

    @property
    def median(self) -> float:
        return statistics.median(self.walls)

    @property
    def user(self) -> float:
        return statistics.median(r.user for r in self.runs)

    @property
    def sys(self) -> float:
        return statistics.median(r.sys for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(r.maxrss_kb for r in self.runs) / 1024

    def phases(self) -> dict[str, float]:
        """Median of each phase timing printed by `archive build -v`."""
        seen: dict[str, list[float]] = {}
        for run in self.runs:
            for name, seconds in PHASE_RE.findall(run.stdout):
                seen.setdefault(name, []).append(float(seconds))
        return {name: statistics.median(values) for name, values in seen.items()}


# -- measuring -----------------------------------------------------------------

def measure(cmd: list[str], cwd: Path, scratch: Path, env: dict[str, str] | None = None
            ) -> Run:
    """Wall time and peak RSS (largest process of the tree) of one command."""
    with tempfile.TemporaryFile(dir=scratch) as out, tempfile.TemporaryFile(dir=scratch) as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                stdout=out, stderr=err)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        tail = "\n".join((stdout + stderr).strip().splitlines()[-20:])
        sys.exit(f"bench_build: {' '.join(cmd)} failed (exit {proc.returncode}):\n{tail}")
    maxrss = usage.ru_maxrss
    if sys.platform == "darwin":  # bytes there, kilobytes on Linux
        maxrss //= 1024
    return Run(wall, maxrss, usage.ru_utime, usage.ru_stime, stdout + stderr)


def remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def tree_size(path: Path) -> tuple[int, int]:
    """Number of files and their total bytes under path."""
    files = size = 0
    for dirpath, _dirs, names in os.walk(path):
        for name in names:
            files += 1
            size += os.lstat(os.path.join(dirpath, name)).st_size
    return files, size


@dataclass
class Target:
    """One build to measure: its command, output folder and figures."""

    figures: Figures
    cmd: list[str]
    out: Path
    cwd: Path
    env: dict[str, str] | None = None


def bench(targets: list[Target], runs: int, work: Path, keep: bool) -> None:
    """Run the targets in turn, `runs` rounds, so that load changes hit all alike."""
    for n in range(1, runs + 1):
        for t in targets:
            # Every run is a cold full build. Deleting the previous output and
            # flushing it to disk is not timed.
            remove(t.out)
            os.sync()
            load = os.getloadavg()[0]
            run = measure(t.cmd, t.cwd, work, t.env)
            t.figures.runs.append(run)
            print(f"    {t.figures.name} run {n}/{runs}: {run.wall:.2f} s (CPU user "
                  f"{run.user:.2f} s, sys {run.sys:.2f} s), peak RSS "
                  f"{run.maxrss_kb / 1024:.0f} MB; load average before: {load:.1f}",
                  flush=True)
    for t in targets:
        t.figures.files, t.figures.out_bytes = tree_size(t.out)
        if not keep:
            remove(t.out)


# -- corpora -------------------------------------------------------------------

def corpus(work: Path, articles: int, make_corpus: Path) -> Path:
    """The cached corpus of this size, made (atomically) if missing."""
    path = work / f"corpus-{articles}"
    if path.is_dir():
        return path
    if not make_corpus.is_file():
        sys.exit(f"bench_build: {make_corpus}: not found; pass --make-corpus PATH")
    partial = work / f"corpus-{articles}.partial"
    remove(partial)
    print(f"making a corpus of {articles} articles in {path} ...", flush=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, str(make_corpus), str(partial), "--articles",
                    str(articles)], check=True, stdout=subprocess.DEVNULL)
    partial.rename(path)
    print(f"  made in {time.perf_counter() - start:.1f} s", flush=True)
    return path


# -- Hugo ----------------------------------------------------------------------

HUGO_LAYOUTS = {
    "_default/baseof.html": """\
<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ site.Title }}</title>
<meta name="description"
 content="{{ block "description" . }}{{ site.Params.description }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "assets/style.css" | relURL }}">
</head>
<body>
<header class="site-header">
<a class="brand" href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
</header>
<nav class="breadcrumbs" aria-label="面包屑导航"><ol>
{{- partial "crumbs.html" . -}}
<li aria-current="page">{{ .Title }}</li></ol></nav>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
<p>{{ site.Title }} · 文字由版面 OCR 识别并经整理，如有错漏以原版面为准。</p>
</footer>
</body>
</html>
""",
    "_default/list.html": """\
{{ define "main" }}
<h1 class="page-title">{{ .Title }}</h1>
{{ with .Sections }}
<ul class="sections">
{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}
</ul>
{{ end }}
{{ with .RegularPages }}
<ol class="headlines">
{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<span class="muted">第{{ .Params.page }}版 · {{ .Params.byline }}</span></li>
{{ end }}
</ol>
{{ end }}
{{ end }}
""",
    "_default/single.html": """\
{{ define "description" }}{{ .Summary | plainify | truncate 90 }}{{ end }}
{{ define "main" }}
<article class="article">
  <header class="article-header">
    <h1 class="article-title">{{ .Title }}</h1>
    {{ with .Params.byline }}<p class="byline">{{ . }}</p>{{ end }}
    <p class="article-meta">{{ .Params.paper }} · {{ .Date.Format "2006年1月2日" }}
      · 第{{ .Params.page }}版</p>
  </header>
  <div class="article-body">
{{ .Content }}
  </div>
</article>
<nav class="article-nav" aria-label="本期前后文章">
  {{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">← {{ .Title }}</a>{{ end }}
  {{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }} →</a>{{ end }}
</nav>
<aside class="article-aside" aria-label="来源与引用">
  <h2>引用本文</h2>
  <p class="citation">{{ .Params.byline }}. {{ .Title }}[N]. {{ .Params.paper }},
    {{ .Date.Format "2006-01-02" }}({{ .Params.page }}).</p>
  <p class="muted">永久链接：<a href="{{ .RelPermalink }}">{{ .Permalink }}</a></p>
</aside>
{{ end }}
""",
}

# Breadcrumbs: .Ancestors (Hugo 0.109+) is much cheaper than the recursive partial
# that older versions need.
CRUMBS_ANCESTORS = """\
{{- range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end -}}
"""
CRUMBS_RECURSIVE = """\
{{- with .Parent }}{{ partial "crumbs.html" . -}}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end -}}
"""


def hugo_version(hugo: str) -> tuple[str, tuple[int, ...]]:
    text = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip()
    m = re.search(r"v(\d+)\.(\d+)\.(\d+)", text)
    return text, tuple(int(x) for x in m.groups()) if m else (0, 0, 0)


def hugo_site(work: Path, content: Path, version: tuple[int, ...]) -> Path:
    """A minimal Hugo site whose content is the corpus (mounted, not copied).

    Hugo makes a list page only for folders with an _index.md, which the corpus
    has not (our loader would flag them), so a second mount overlays a tree of
    _index.md files (paper, year, month, issue) on the corpus.
    """
    site = work / f"hugo-site-{content.name}"
    remove(site)
    crumbs = CRUMBS_ANCESTORS if version >= (0, 109) else CRUMBS_RECURSIVE
    for rel, text in [*HUGO_LAYOUTS.items(), ("partials/crumbs.html", crumbs)]:
        path = site / "layouts" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    sections = site / "sections"
    content_s = os.fspath(content)
    papers: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(content_s):
        dirnames.sort()
        rel = os.path.relpath(dirpath, content_s)
        if rel == ".":
            continue
        parts = rel.split(os.sep)
        city = parts[0]
        if city not in papers:
            papers[city] = paper_name(Path(dirpath), filenames) or city
        if len(parts) == 1:
            title = papers[city]
        elif len(parts) == 2:
            title = f"{parts[1]}年"
        elif len(parts) == 3:
            title = f"{parts[1]}年{int(parts[2])}月"
        elif len(parts) == 4:
            title = f"{papers[city]} {parts[1]}年{int(parts[2])}月{int(parts[3])}日"
        else:
            continue
        index = sections / rel / "_index.md"
        index.parent.mkdir(parents=True, exist_ok=True)
        index.write_text(f'---\ntitle: "{title}"\n---\n', encoding="utf-8")
    config = f"""\
baseURL = "http://localhost:8000/"
languageCode = "zh-CN"
title = "城市报纸数字档案"
uglyURLs = false
buildFuture = true
hasCJKLanguage = true
disableKinds = ["taxonomy", "term"]

[params]
description = "地方报纸版面与文章的全文档案，可按报纸、日期、版面浏览和检索。"

[services.rss]
limit = 50

[outputs]
home = ["HTML", "RSS"]
section = ["HTML"]
page = ["HTML"]

[[module.mounts]]
source = "{content_s}"
target = "content"

[[module.mounts]]
source = "sections"
target = "content"
"""
    # hugo.toml since Hugo 0.110; config.toml before (and still read after).
    name = "hugo.toml" if version >= (0, 110) else "config.toml"
    (site / name).write_text(config, encoding="utf-8")
    return site


def paper_name(folder: Path, filenames: list[str]) -> str | None:
    """The `paper:` of the first article found under a city folder."""
    for dirpath, dirnames, names in os.walk(folder):
        dirnames.sort()
        for name in sorted(names):
            if name.endswith(".md"):
                text = Path(dirpath, name).read_text(encoding="utf-8")
                m = re.search(r"^paper:\s*(.+?)\s*$", text, re.MULTILINE)
                return m.group(1).strip("\"'") if m else None
    return None


# -- report --------------------------------------------------------------------

def describe(f: Figures) -> list[str]:
    return [
        f"  {f.name}: {len(f.runs)} run(s)",
        f"    wall time     min {f.best:7.2f} s   median {f.median:7.2f} s",
        f"    articles/s    best {f.articles / f.best:7.0f}     median "
        f"{f.articles / f.median:7.0f}",
        f"    CPU time      user {f.user:.2f} s, sys {f.sys:.2f} s (medians, all processes)",
        f"    peak memory   {f.peak_mb:.0f} MB (max RSS of the largest single process, "
        "over all runs)",
        f"    output        {f.files} files, {f.out_bytes / 1e6:.0f} MB",
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(__doc__.splitlines()[2:]))
    ap.add_argument("--articles", default="10000,100000",
                    help="comma-separated corpus sizes (default: 10000,100000)")
    ap.add_argument("--runs", type=int, default=3, help="builds per corpus (default: 3)")
    ap.add_argument("--jobs", type=int, default=0,
                    help="worker processes for `archive build --jobs`, and GOMAXPROCS for "
                         "Hugo (default: all cores for both)")
    ap.add_argument("--work", type=Path, default=ROOT / ".bench",
                    help="cache for corpora and scratch for outputs (default: .bench/ in the "
                         "repo root; same disk as the project, not /tmp)")
    ap.add_argument("--make-corpus", type=Path, default=MAKE_CORPUS,
                    help=f"corpus generator (default: {MAKE_CORPUS})")
    ap.add_argument("--no-hugo", action="store_true", help="skip the Hugo comparison")
    ap.add_argument("--keep-output", action="store_true",
                    help="keep the last build outputs in --work (default: delete them)")
    ap.add_argument("--search", action="store_true",
                    help="build the search index too (default: --no-search, as Hugo)")
    args = ap.parse_args()
    try:
        sizes = [int(s) for s in args.articles.split(",") if s.strip()]
    except ValueError:
        ap.error(f"--articles {args.articles!r}: expected numbers such as 10000,100000")
    if not sizes or min(sizes) < 1 or args.runs < 1:
        ap.error("--articles and --runs must be positive")
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)

    hugo = None if args.no_hugo else shutil.which("hugo")
    version_text, version = hugo_version(hugo) if hugo else ("", ())
    jobs = args.jobs or os.cpu_count() or 1
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, jobs {jobs}, "
          f"work {work}")
    if hugo:
        print(f"hugo: {version_text}")
    elif args.no_hugo:
        print("hugo: skipped (--no-hugo)")
    else:
        print("hugo: not installed (not on PATH); skipping the Hugo comparison")

    summary = []
    for articles in sizes:
        content = corpus(work, articles, args.make_corpus)
        print(f"\ncorpus: {articles} articles in {content}", flush=True)
        out = work / f"out-{articles}"
        cmd = [sys.executable, "-m", "generator", "build", "--content", str(content),
               "--out", str(out), "-v", *([] if args.search else ["--no-search"])]
        if args.jobs:
            cmd += ["--jobs", str(args.jobs)]
        ours = Figures("archive build", articles)
        targets = [Target(ours, cmd, out, ROOT)]
        theirs = None
        if hugo:
            site = hugo_site(work, content, version)
            hugo_out = work / f"hugo-out-{articles}"
            env = dict(os.environ)
            if args.jobs:
                env["GOMAXPROCS"] = str(args.jobs)
            hugo_cmd = [hugo, "--quiet", "--source", str(site), "--destination", str(hugo_out)]
            theirs = Figures("hugo", articles)
            targets.append(Target(theirs, hugo_cmd, hugo_out, site, env))
        bench(targets, args.runs, work, args.keep_output)
        lines = describe(ours)
        phases = ours.phases()
        if phases:
            lines.append("    phases        " + ", ".join(
                f"{name} {seconds:.2f} s" for name, seconds in phases.items())
                + " (median of the build's own -v timings)")
        if theirs is not None:
            lines += describe(theirs)
            lines.append(f"  archive/hugo    time ratio {ours.best / theirs.best:.2f}x (min), "
                         f"{ours.median / theirs.median:.2f}x (median); memory ratio "
                         f"{ours.peak_mb / theirs.peak_mb:.2f}x")
        print("\n".join(lines), flush=True)
        summary.append((articles, ours, theirs))

    print("\nsummary (min wall time of each build)")
    print(f"  {'articles':>9} {'archive s':>10} {'art/s':>7} {'peak MB':>8}"
          + (f" {'hugo s':>8} {'art/s':>7} {'peak MB':>8} {'ratio':>6}" if hugo else ""))
    for articles, ours, theirs in summary:
        row = (f"  {articles:>9} {ours.best:>10.2f} {articles / ours.best:>7.0f} "
               f"{ours.peak_mb:>8.0f}")
        if theirs is not None:
            row += (f" {theirs.best:>8.2f} {articles / theirs.best:>7.0f} "
                    f"{theirs.peak_mb:>8.0f} {ours.best / theirs.best:>5.2f}x")
        print(row)


if __name__ == "__main__":
    main()
