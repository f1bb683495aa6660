"""Build the Pagefind index of the site from its article records.

Pagefind indexes HTML. We write one small page per article holding the same text as
the article page's data-pagefind-body (kicker, title, subtitle, byline, body) but as
index tokens (see tokens.py), with the real title, URL, paper and date as metadata and
filters, then run the Pagefind binary over those pages once, which is fast, instead
of adding records one by one through its API, which is slow.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import subprocess
import sys
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generator.errors import ArchiveError
from generator.search.canonical import canonicalise
from generator.search.tokens import SPACE, UNIGRAMS, index_text, unigram_text
from generator.site.model import ArticleRec


def record_page(article: ArticleRec, body_text: str, kind_name: str, shard: str) -> str:
    """The page Pagefind indexes for one article: tokens in the body, facts as metadata."""
    def para(text: str | None, tag: str = "p") -> str:
        return f"<{tag}>{html.escape(index_text(text))} {SPACE}</{tag}>\n" if text else ""

    # The title as a heading: Pagefind ranks matches in headings higher.
    head = (para(article.kicker) + para(article.display_title, "h1") + para(article.subtitle)
            + para(article.byline))
    paragraphs = [p for p in body_text.split("\n") if p.strip()]
    body = "".join(para(p) for p in paragraphs)
    # Every character once, after a ␞ word: what a one-character query matches.
    texts = [article.kicker or "", article.display_title, article.subtitle or "",
             article.byline or "", *paragraphs]
    chars = f"<p>{UNIGRAMS} {html.escape(unigram_text(texts))}</p>\n"
    # Pagefind indexes metadata as text too, so only the title (which is article text
    # anyway) is metadata; the URL, date and page are read from the record's file name.
    filters = {"paper": article.paper, "year": str(article.date.year), "kind": kind_name,
               "shard": shard}
    hidden = f'<span data-pagefind-meta="title">{html.escape(article.display_title)}</span>'
    hidden += "".join(f'<span data-pagefind-filter="{k}">{html.escape(v)}</span>'
                      for k, v in filters.items())
    return (
        '<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>r</title></head>'
        f'<body><div hidden data-pagefind-ignore>{hidden}</div>'
        f'<main data-pagefind-body data-pagefind-sort="date:{article.date.isoformat()}">\n'
        f"{head}{body}{chars}</main></body></html>\n"
    )


def record_name(article: ArticleRec) -> str:
    """Flat file names, one folder of records instead of a folder per article; the name
    is the permalink path with ~ for / (xuchang~2023~03~23~06-02.html), which search.js
    turns back into the article's URL."""
    return article.rel.replace("/", "~") + ".html"


def shard_key(day: dt.date, latest: dt.date) -> str:
    """The part of the index the articles of a day live in, given the archive's latest
    issue date: one shard per month ("2017-03"), except in the latest month, which is
    cut into blocks of days (see day_block: "2017-11-17-20"). Keys sort in date order.

    Pagefind cannot add to an index (its issue #71), so new content is indexed by
    re-indexing its whole shard. In the latest month a new day re-indexes one block,
    two and a half days on average and never more than eight, instead of the month so
    far; when the month is over, its blocks become one month shard. Months, not larger
    shards: one Pagefind run needs about 1 MB of memory per article (about a thousand
    distinct index words each, see tokens.py), and a month of two dailies (about 3,000
    articles) is what a small build machine takes; while every shard costs the browser
    an index download per query term. Every shard holds a continuous range of dates,
    which is what lets search.js list results by date across shards.
    """
    month = f"{day.year}-{day.month:02d}"
    if (day.year, day.month) != (latest.year, latest.month):
        return month
    first, last = day_block(day.day, latest.day)
    return f"{month}-{first:02d}-{last:02d}"


def day_block(day: int, last_day: int) -> tuple[int, int]:
    """The block of days 1..last_day of a month that holds day: the days come in eight-day
    blocks (1–8, 9–16, 17–24, 25–31), and the unfinished last block is cut by the binary
    digits of its length (days 17–23: 17–20, 21–22, 23)."""
    if day > last_day:
        raise ValueError(f"day {day} is after day {last_day}")
    start = (day - 1) // 8 * 8 + 1
    end = start + 7
    if last_day >= end:
        return start, min(end, 31)
    for size in (4, 2, 1):
        if (last_day - start + 1) & size:
            if day < start + size:
                return start, start + size - 1
            start += size
    raise AssertionError("unreachable: the blocks cover days start..last_day")


def shard_path(key: str, keys: list[str]) -> str:
    """Where a shard's bundle goes under /pagefind/: the first (oldest) shard is the
    bundle at /pagefind/ itself, so Pagefind's own pagefind.js is there; the others are
    in /pagefind/shards/<key>/."""
    return "" if key == keys[0] else f"shards/{key}/"


def write_records(folder: Path, pages: Iterable[tuple[str, str, str]]) -> int:
    """Write (shard, name, text) record pages into folder/<shard>/."""
    made: set[str] = set()
    count = 0
    for shard, name, text in pages:
        path = os.path.join(folder, shard)
        if shard not in made:
            os.makedirs(path, exist_ok=True)
            made.add(shard)
        with open(os.path.join(path, name), "w", encoding="utf-8") as f:
            f.write(text)
        count += 1
    return count


def run_pagefind(records: Path, output: Path) -> None:
    """Index the record pages of one shard into output/."""
    command = [sys.executable, "-m", "pagefind", "--site", str(records),
               "--output-path", str(output), "--force-language", "zh", "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as err:
        raise ArchiveError(f"pagefind: cannot run ({err}); reinstall with "
                           "`pip install 'pagefind[bin]'` or build with --no-search") from None
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise ArchiveError(f"pagefind: indexing failed ({detail[0]}); build with --no-search "
                           "to publish without search")


def index_shards(records: Path, bundle: Path, keys: list[str], all_keys: list[str],
                 jobs: int) -> None:
    """Index each shard in keys (record folders under records/) into its place under
    bundle/ (the site's /pagefind/), a few at a time; all_keys is every shard of the
    site, which decides the places (see shard_path)."""
    def one(key: str) -> None:
        place = shard_path(key, all_keys)
        run_pagefind(records / key, bundle / place)
        canonicalise(bundle / place)
        if place:
            drop_script_files(bundle / place)

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for done in [pool.submit(one, key) for key in keys]:
            done.result()


def drop_script_files(shard: Path) -> None:
    """A merged shard is read through the first bundle's pagefind.js and WebAssembly;
    its own copies of those (and of Pagefind's UI) would only be deployed, never used."""
    for path in shard.iterdir():
        if path.is_file() and not (path.name == "pagefind-entry.json"
                                   or path.suffix == ".pf_meta"):
            path.unlink()


def write_shard_list(bundle: Path, keys: list[str]) -> None:
    """bundle/shards.json: the shards search.js merges into the first one."""
    bundle.mkdir(parents=True, exist_ok=True)
    listing = {"merge": [shard_path(k, keys) for k in keys[1:]]}
    (bundle / "shards.json").write_text(json.dumps(listing, ensure_ascii=False) + "\n",
                                        encoding="utf-8")
