#!/usr/bin/env python3
"""Rebuild benchmark: what an archivist waits for after a change, search index included.

    python benchmarks/bench_incremental.py [--articles 10000,100000] [--work DIR]
                                           [--no-hugo] [--no-pagefind]

For each corpus size (a synthetic archive from tests/corpus.py, made once
and kept in --work), on a working copy of it (hard links; changed files are replaced,
never written through, so the corpus stays as made):

  cold      `archive build --clean`: everything, search index included
  no-op     `archive build` again with nothing changed
  edit      one article of an issue in the middle of the archive corrected
  new issue one new day: 2 papers × 8 pages × 6 articles after the latest issue
  no-op     once more after the new issue

Each is the wall time of the command (a fresh process, as an archivist runs it), with
the build's own phase timings. Beside the cold build, on the same corpus: Hugo over the
same articles (when `hugo` is on PATH) and Pagefind over our pages built without search
(`pagefind --site public --glob '**/*-*/index.html'`), the plain-HTML index the search
issue compares against. Figures, not a test: nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_build  # noqa: E402  (corpus and Hugo helpers)

PHASE_RE = re.compile(r"^\s+([a-z ]+): ([\d.]+) s$", re.M)


def run(cmd: list[str], cwd: Path = ROOT) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stdout}{done.stderr}")
    return wall, done.stdout + done.stderr


def archive(*args: str) -> list[str]:
    return [sys.executable, "-m", "generator", *args]


def working_copy(corpus: Path, work: Path) -> Path:
    """Hard links to the corpus files: cheap to make, and safe, as edits replace files."""
    copy = work / f"edit-{corpus.name}"
    if copy.exists():
        shutil.rmtree(copy)
    subprocess.run(["cp", "-al", str(corpus), str(copy)], check=True)
    return copy


def replace_text(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def edit_one(content: Path) -> Path:
    """Correct a word in an article of the middle issue of the first paper."""
    issues = sorted(p for p in content.glob("*/*/*/*/*") if p.is_dir())
    article = sorted(issues[len(issues) // 2].glob("*.md"))[0]
    text = article.read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    replace_text(article, f"{head}\n---\n更正：{body}")
    return article


def add_issue(content: Path) -> str:
    """A new day for every paper: the latest issue's articles, re-dated to the next day."""
    latest = {}
    for issue in content.glob("*/*/*/*/*"):
        slug = "/".join(issue.relative_to(content).parts[:2])  # city/paper
        if slug not in latest or str(issue) > str(latest[slug]):
            latest[slug] = issue
    day = max(dt.date(*map(int, p.relative_to(content).parts[2:])) for p in latest.values())
    new = day + dt.timedelta(days=1)
    for slug, issue in latest.items():
        target = content / slug / f"{new:%Y}" / f"{new:%m}" / f"{new:%d}"
        target.mkdir(parents=True)
        for src in sorted(issue.glob("*.md")):
            text = src.read_text(encoding="utf-8")
            text = re.sub(r"^date: .*$", f"date: {new.isoformat()}", text, count=1,
                          flags=re.M)
            (target / src.name).write_text(text, encoding="utf-8")
    return new.isoformat()


def phases(text: str) -> str:
    return ", ".join(f"{k} {float(v):.2f} s" for k, v in PHASE_RE.findall(text))


def bench(articles: int, work: Path, hugo: str | None, pagefind: bool) -> None:
    corpus = bench_build.corpus(work, articles, bench_build.MAKE_CORPUS)
    content = working_copy(corpus, work)
    out = work / f"inc-out-{articles}"
    cache_root = work / f"inc-cache-{articles}"
    for stale in (out, cache_root):
        shutil.rmtree(stale, ignore_errors=True)
    cache_root.mkdir()
    config = cache_root / "site.yaml"
    config.write_text("base_url: http://127.0.0.1:8741\n", encoding="utf-8")
    build = archive("build", "--content", str(content), "--out", str(out), "--config",
                    str(config), "-v")
    print(f"\n{articles:,} articles ({corpus})")
    steps = []
    wall, text = run([*build, "--clean"])
    steps.append(("cold build (--clean)", wall, text))
    wall, text = run(build)
    steps.append(("no-op rebuild", wall, text))
    edited = edit_one(content)
    wall, text = run(build)
    steps.append((f"edit one article ({edited.relative_to(content)})", wall, text))
    day = add_issue(content)
    wall, text = run(build)
    steps.append((f"new issue ({day}, 2 papers x 8 pages x 6 articles)", wall, text))
    wall, text = run(build)
    steps.append(("no-op rebuild", wall, text))
    for name, wall, text in steps:
        print(f"  {name:<58} {wall:8.2f} s   {phases(text)}")

    if pagefind:
        plain = work / f"inc-plain-{articles}"
        shutil.rmtree(plain, ignore_errors=True)
        run(archive("build", "--content", str(corpus), "--out", str(plain), "--config",
                    str(config), "--no-search", "--clean", "-q"))
        wall, _ = run([sys.executable, "-m", "pagefind", "--site", str(plain), "--glob",
                       "**/*-*/index.html", "--output-path", str(work / "inc-pf-out")])
        print(f"  {'beside it: plain Pagefind over our pages':<58} {wall:8.2f} s")
        shutil.rmtree(plain, ignore_errors=True)
        shutil.rmtree(work / "inc-pf-out", ignore_errors=True)
    if hugo:
        _, version = bench_build.hugo_version(hugo)
        site = bench_build.hugo_site(work, corpus, version)
        hugo_out = work / f"inc-hugo-{articles}"
        shutil.rmtree(hugo_out, ignore_errors=True)
        wall, _ = run([hugo, "--quiet", "--source", str(site), "--destination",
                       str(hugo_out)])
        print(f"  {'beside it: Hugo, full build (no search)':<58} {wall:8.2f} s")
        shutil.rmtree(hugo_out, ignore_errors=True)
    shutil.rmtree(content, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", default="10000,100000", help="corpus sizes, comma-separated")
    ap.add_argument("--work", type=Path, default=ROOT / ".bench", help="scratch folder")
    ap.add_argument("--no-hugo", action="store_true", help="skip the Hugo comparison")
    ap.add_argument("--no-pagefind", action="store_true",
                    help="skip the plain Pagefind comparison")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    hugo = None if args.no_hugo else shutil.which("hugo")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, work {args.work}, "
          f"load {os.getloadavg()[0]:.2f}")
    for n in (int(x) for x in args.articles.split(",")):
        bench(n, args.work, hugo, not args.no_pagefind)


if __name__ == "__main__":
    main()
