#!/usr/bin/env python3
"""Deploy size: what `archive build` puts in public/, by kind of file, per article.

    python benchmarks/bench_size.py [--articles 1000,10000] [--work DIR] [--plain]
                                    [--site DIR] [--compressed] [--whitespace]

For each size, a synthetic archive from tests/corpus.py (made once and kept in --work,
default .bench/) is built with `archive build --clean` into --work/size-out-<N>/, and
the output is counted: files and bytes in all, per article, and for each kind of file
(article pages, redirect pages, issue and page views, page texts, data exports, feeds,
sitemap, the Pagefind index's fragments, index chunks, filters and metadata, …).
Netlify uploads and stores every one of these files; a deploy sends the changed ones.

The archive is made like a real one: besides corpus.py's articles it has each page's
OCR text (`PP.txt`, the page's articles run together) and one alias per article, the
URL of the earlier layout (`/<city>/<YYYY>/<MM>/<DD>/<PP>-<NN>/`), which is what
`archive migrate` leaves and what the sample archive has. --plain leaves both out.
--site DIR counts an output folder that is already built instead (no build).

--compressed adds the gzip size of each kind (level 6, as served); --whitespace the
bytes of the HTML that are indentation (spaces and tabs after a line break).
Figures, not a test.
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from corpus import PAPERS, make_corpus  # noqa: E402

BASE_URL = "https://archive.example.org"
ARTICLE_DIR = re.compile(r"^[A-Za-z]?\d+[A-Za-z]?-\d+$")  # PP-NN
DATE_PARTS = 3  # <YYYY>/<MM>/<DD>
INDENT = re.compile(rb"\n[ \t]+")

# The kinds, in the order they are printed.
KINDS = [
    "article pages",
    "redirect pages",
    "issue views",
    "page views",
    "page texts (.txt)",
    "issue data (.json)",
    "month data (.jsonl)",
    "month data (.csv)",
    "feeds",
    "sitemap",
    "_redirects, permalinks.txt",
    "other site pages",
    "assets",
    "search: fragments",
    "search: index chunks",
    "search: filters",
    "search: meta",
    "search: scripts, lists",
]


@dataclass
class Tally:
    files: int = 0
    bytes: int = 0
    gzip: int = 0
    indent: int = 0


def kind_of(rel: str, path: Path) -> str:
    parts = rel.split("/")
    name = parts[-1]
    if parts[0] == "pagefind":
        for ext, kind in ((".pf_fragment", "search: fragments"),
                          (".pf_index", "search: index chunks"),
                          (".pf_filter", "search: filters"),
                          (".pf_meta", "search: meta")):
            if name.endswith(ext):
                return kind
        return "search: scripts, lists"
    if parts[0] == "data" and len(parts) > 1:
        if name.endswith(".jsonl"):
            return "month data (.jsonl)"
        if name.endswith(".csv"):
            return "month data (.csv)"
        if name.endswith(".json"):
            return "issue data (.json)"
    if parts[0] == "assets":
        return "assets"
    if name == "feed.xml":
        return "feeds"
    if name.startswith("sitemap") and name.endswith(".xml"):
        return "sitemap"
    if rel in ("_redirects", "permalinks.txt"):
        return "_redirects, permalinks.txt"
    if name.endswith(".txt") and len(parts) > 2:
        return "page texts (.txt)"
    if name == "index.html" and len(parts) > 2:
        with open(path, "rb") as f:
            head = f.read(1024)
        if b'http-equiv="refresh"' in head:
            return "redirect pages"
        folders = parts[:-1]
        dated = [i for i, p in enumerate(folders) if re.fullmatch(r"\d{4}", p)]
        if dated:
            depth = len(folders) - dated[0]
            if depth == DATE_PARTS:
                return "issue views"
            if depth == DATE_PARTS + 1:
                return "article pages" if ARTICLE_DIR.match(folders[-1]) else "page views"
    return "other site pages"


def count(out: Path, compressed: bool, whitespace: bool) -> dict[str, Tally]:
    tallies: dict[str, Tally] = defaultdict(Tally)
    for path in sorted(out.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(out).as_posix()
        tally = tallies[kind_of(rel, path)]
        tally.files += 1
        tally.bytes += path.stat().st_size
        if compressed or (whitespace and rel.endswith(".html")):
            data = path.read_bytes()
            if compressed:
                tally.gzip += len(gzip.compress(data, compresslevel=6, mtime=0))
            if whitespace and rel.endswith(".html"):
                tally.indent += len(data) - len(INDENT.sub(b"\n", data))
    return tallies


def realistic(content: Path) -> None:
    """Each page's OCR text, and each article's URL of the earlier layout as an alias."""
    city_dirs = {city_dir for _city, city_dir, _paper_dir in PAPERS.values()}
    for folder in sorted(p for p in content.glob("*/*/*/*/*") if p.is_dir()):
        city, _paper, y, m, d = folder.relative_to(content).parts
        assert city in city_dirs
        pages: dict[str, list[str]] = defaultdict(list)
        for article in sorted(folder.glob("*.md")):
            text = article.read_text(encoding="utf-8")
            head, _, body = text[4:].partition("\n---\n")
            title = re.search(r"^title: (.*)$", head, re.M)
            byline = re.search(r"^byline: (.*)$", head, re.M)
            page = article.stem.split("-")[0]
            pages[page].append("\n".join([title[1].strip('"') if title else "",
                                          byline[1] if byline else "", body.strip()]))
            alias = f"/{city}/{y}/{m}/{d}/{article.stem}/"
            article.write_text(f"---\n{head}\naliases: [{alias}]\n---\n{body}", encoding="utf-8")
        for page, texts in pages.items():
            (folder / f"{page}.txt").write_text("\n\n".join(texts) + "\n", encoding="utf-8")


def corpus(work: Path, articles: int, plain: bool) -> Path:
    """The archive of this size, made once (into a partial folder, renamed when done)."""
    path = work / f"size-corpus-{articles}{'-plain' if plain else ''}"
    if path.is_dir():
        return path
    partial = path.with_name(path.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    print(f"making {path.name} …", file=sys.stderr, flush=True)
    make_corpus(partial, articles)
    if not plain:
        realistic(partial)
    partial.rename(path)
    return path


def build(work: Path, content: Path, name: str) -> tuple[Path, float]:
    out = work / name
    project = work / f"{name}-project"  # its own config and build cache
    project.mkdir(exist_ok=True)
    config = project / "site.yaml"
    config.write_text(f"title: 城市报纸数字档案\nbase_url: {BASE_URL}\n", encoding="utf-8")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", "build", "--clean", "--quiet",
                    "--content", str(content), "--out", str(out), "--config", str(config)],
                   check=True, cwd=ROOT)
    return out, time.perf_counter() - start


def mb(n: int) -> str:
    return f"{n / 1e6:,.1f}"


def report(out: Path, articles: int, tallies: dict[str, Tally], compressed: bool,
           whitespace: bool, content: Path | None = None) -> None:
    files = sum(t.files for t in tallies.values())
    size = sum(t.bytes for t in tallies.values())
    print(f"\n{out}: {articles:,} articles, {files:,} files, {mb(size)} MB "
          f"({files / articles:.2f} files and {size / articles / 1000:.1f} KB per article)")
    if content is not None:
        md = sum(p.stat().st_size for p in content.rglob("*.md"))
        txt = sum(p.stat().st_size for p in content.rglob("*.txt"))
        print(f"  from content/ of {mb(md + txt)} MB ({mb(md)} MB articles, {mb(txt)} MB "
              f"page texts): the output is {size / max(md + txt, 1):.1f} times that")
    header = f"  {'kind':<28}{'files':>9}{'MB':>10}{'KB/article':>12}{'share':>8}"
    header += f"{'gzip MB':>10}" if compressed else ""
    header += f"{'indent MB':>11}" if whitespace else ""
    print(header)
    order = KINDS + sorted(k for k in tallies if k not in KINDS)
    for kind in order:
        t = tallies.get(kind)
        if not t or not t.files:
            continue
        line = (f"  {kind:<28}{t.files:>9,}{mb(t.bytes):>10}"
                f"{t.bytes / articles / 1000:>12.2f}{t.bytes / size:>8.1%}")
        line += f"{mb(t.gzip):>10}" if compressed else ""
        line += f"{mb(t.indent):>11}" if whitespace and t.indent else ""
        print(line)
    if compressed:
        print(f"  gzip of everything: {mb(sum(t.gzip for t in tallies.values()))} MB")
    if whitespace:
        html = sum(t.bytes for k, t in tallies.items() if t.indent)
        indent = sum(t.indent for t in tallies.values())
        print(f"  indentation in HTML: {mb(indent)} MB of {mb(html)} MB")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", default="1000,10000",
                    help="comma-separated corpus sizes (default 1000,10000)")
    ap.add_argument("--work", type=Path, default=ROOT / ".bench",
                    help="where corpora and outputs are kept (default .bench/)")
    ap.add_argument("--plain", action="store_true",
                    help="corpus.py's articles only: no page texts, no aliases")
    ap.add_argument("--site", type=Path, help="count this built output folder instead")
    ap.add_argument("--compressed", action="store_true", help="gzip size of each kind")
    ap.add_argument("--whitespace", action="store_true", help="indentation bytes in HTML")
    args = ap.parse_args()
    if args.site:
        tallies = count(args.site, args.compressed, args.whitespace)
        articles = tallies["article pages"].files
        report(args.site, max(articles, 1), tallies, args.compressed, args.whitespace)
        return 0
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    for articles in (int(n) for n in args.articles.split(",")):
        content = corpus(work, articles, args.plain)
        out, seconds = build(work, content, content.name.replace("corpus", "out"))
        print(f"built {articles:,} articles in {seconds:.0f} s", file=sys.stderr)
        report(out, articles, count(out, args.compressed, args.whitespace),
               args.compressed, args.whitespace, content)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
