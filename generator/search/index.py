"""Build the Pagefind index of the site from its article records.

Pagefind indexes HTML. We write one small page per article holding the same text as
the article page's data-pagefind-body (kicker, title, subtitle, byline, body) but as
index tokens (see tokens.py), with the real title, URL, paper and date as metadata and
filters, then run the Pagefind binary over those pages once, which is fast, instead
of adding records one by one through its API, which is slow.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from generator.errors import ArchiveError
from generator.search.tokens import SPACE, UNIGRAMS, index_text, unigram_text
from generator.site.model import ArticleRec


def record_page(article: ArticleRec, body_text: str, kind_name: str) -> str:
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
    filters = {"paper": article.paper, "year": str(article.date.year), "kind": kind_name}
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


def write_records(folder: Path, pages: Iterable[tuple[str, str]]) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for name, text in pages:
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write(text)
        count += 1
    return count


def run_pagefind(records: Path, output: Path) -> None:
    """Index the record pages into output/ (the site's /pagefind/ bundle)."""
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
    shutil.rmtree(records, ignore_errors=True)
