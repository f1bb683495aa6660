"""Build the search index of the site: a few segments, each a Pagefind bundle.

Each article becomes a record (postings.py: its text as index tokens, its URL, title,
paper and kind); the articles of a segment (segments.py decides which) are written, in
date order, as one Pagefind bundle (pagefind_format.py) in its own folder under
/pagefind/, and /pagefind/segments.json lists the segments with the dates of their
pages for the browser (templates/assets/search-engine.js).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from generator.cachefiles import FolderCache
from generator.search.pagefind_format import PAGEFIND_VERSION, Batch, assemble
from generator.search.postings import Record, record
from generator.site.model import ArticleRec

# Bumped when the listing's fields change, so that a browser can tell.
LISTING_FORMAT = 2


def record_name(article: ArticleRec) -> str:
    """The record's file name in the index: the permalink path with ~ for /
    (xuchang~ribao~2023~03~23~06-02.html), which the browser turns back into the
    article's URL."""
    return article.rel.replace("/", "~") + ".html"


def article_record(article: ArticleRec, body_text: str, kind_name: str) -> Record:
    """What the index holds of an article: the text of its head and body, the facts a
    search filters on, and which of them are estimates. An untitled article has no
    title in the index: only printed words are searched."""
    return record("/" + record_name(article), article.title or "",
                  {"paper": article.paper, "kind": kind_name}, article.kicker,
                  article.title, article.subtitle, article.byline,
                  body_text.split("\n"), ",".join(article.inferred))


def page_order(article: ArticleRec) -> tuple[str, str]:
    """Pages of a segment are in date order, then in the order of their names."""
    return article.date.isoformat(), record_name(article)


class BatchCache(FolderCache):
    """Analysed issues (pagefind_format.Batch), one file each, named by a fingerprint of
    everything the analysis reads: a segment is put together from the batches of its
    issues, and only issues that changed are analysed again (Lucene keeps analysed
    documents in its segments for the same reason). A missing or unreadable batch
    loads as None, and its issue is analysed again."""

    suffix = ".batch"


@dataclass
class SegmentListing:
    """A segment as segments.json lists it: its folder and, in page order, runs of
    (date, pages) and of (paper, pages)."""
    path: str
    days: list[tuple[str, int]]
    papers: list[tuple[str, int]]


def write_segment(folder: Path, batches: list[Batch]) -> list[str]:
    """Write the bundle of the batches into folder; returns the paths written, relative
    to folder."""
    files = assemble(batches)
    made: set[str] = set()
    for rel, data in files.items():
        parent = os.path.dirname(rel)
        if parent not in made:
            (folder / parent).mkdir(parents=True, exist_ok=True)
            made.add(parent)
        (folder / rel).write_bytes(data)
    return sorted(files)


def write_segment_list(bundle: Path, segments: list[SegmentListing]) -> None:
    """bundle/segments.json: every segment, oldest first, with the dates of its pages as
    runs of [date, pages] (page n has the date of the run that holds it) and their papers
    as runs of [paper, pages], numbering the listing's papers: what the browser needs to
    order, cut and count results without a fragment (the pages' kinds are in each
    segment's lite metadata, see pagefind_format.lite_meta)."""
    bundle.mkdir(parents=True, exist_ok=True)
    papers = sorted({paper for s in segments for paper, _ in s.papers})
    listing = {"format": LISTING_FORMAT, "pagefind": PAGEFIND_VERSION, "papers": papers,
               "segments": [{"path": s.path, "pages": sum(n for _, n in s.days),
                             "days": [[d, n] for d, n in s.days],
                             "papers": [[papers.index(p), n] for p, n in s.papers]}
                            for s in segments]}
    (bundle / "segments.json").write_text(
        json.dumps(listing, ensure_ascii=False, separators=(",", ":")) + "\n",
        encoding="utf-8")
