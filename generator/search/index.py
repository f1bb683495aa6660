"""Build the Pagefind index of the site from its article records.

Pagefind indexes HTML. We write one small page per article holding the same text as
the article page's data-pagefind-body (kicker, title, subtitle, byline, body) but as
index tokens (see tokens.py), with the real title, URL, paper and date as metadata and
filters, into one folder per shard, then hand each folder's pages to one Pagefind
process in the order of their names (see run_pagefind), so that the index does not
depend on the order a file system lists them in.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import html
import json
import os
import queue
import subprocess
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, NoReturn

from generator.errors import ArchiveError
from generator.search.canonical import PAGEFIND_VERSION, canonicalise
from generator.search.tokens import BODY, SPACE, UNIGRAMS, index_text, unigram_text
from generator.site.model import ArticleRec


def record_page(article: ArticleRec, body_text: str, kind_name: str, shard: str) -> str:
    """The page Pagefind indexes for one article: tokens in the body, facts as metadata."""
    def para(text: str | None, tag: str = "p") -> str:
        return f"<{tag}>{html.escape(index_text(text))} {SPACE}</{tag}>\n" if text else ""

    # The title as a heading: Pagefind ranks matches in headings higher.
    head = (para(article.kicker) + para(article.display_title, "h1") + para(article.subtitle)
            + para(article.byline) + f"<p>{BODY}</p>\n")
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


def record_date(name: str) -> str:
    """The issue date of a record file name (…~2023~03~23~06-02.html → 2023-03-23)."""
    return "-".join(name.split("~")[-4:-1])


def page_order(name: str) -> tuple[str, str]:
    """Records are numbered in date order (then by name), so that the pages of an index
    are in date order and search.js lists results by date from their numbers alone."""
    return record_date(name), name


def run_pagefind(records: Path, output: Path) -> None:
    """Index the record pages of one shard (the files of the folder records/) into output/.

    Pagefind numbers the pages it indexes in the order it reads them, and those numbers
    are in most files of the index (and decide which of two pages with the same date
    sorts first). `pagefind --site` reads a folder in directory order, which depends on
    the file system (creation order on tmpfs, a hash of the name with a per-disk seed on
    ext4): the same records gave different index files on different disks. So the pages
    are handed to Pagefind one by one in the order of their names, which is what its
    service mode (`pagefind --service`, the process behind its Python and Node APIs)
    allows. The service is spoken to directly, all requests written at once: the
    Python API waits 0.1 s before reading each reply, minutes for a month of articles.
    The index files are asked for and written here: told to write them itself, the
    service answers before its last writes have reached the disk, and quits without
    finishing them when its input ends.
    """
    from pagefind.service import get_executable  # the binary that pip installed

    names = sorted((entry.name for entry in os.scandir(records)
                    if entry.is_file() and entry.name.endswith(".html")), key=page_order)
    service = PagefindService(get_executable())
    try:
        index_id = service.ask({"type": "NewIndex", "config": {"force_language": "zh"}}
                               )["index_id"]
        for name in names:
            with open(os.path.join(records, name), encoding="utf-8") as f:
                page = f.read()
            service.send({"type": "AddFile", "index_id": index_id, "file_path": None,
                          "url": f"/{name}", "file_contents": page}, about=name)
        files = service.ask({"type": "GetFiles", "index_id": index_id})["files"]
    finally:
        service.close()
    for file in files:
        path = Path(file["path"])  # in the bundle
        if path.is_absolute() or ".." in path.parts:
            raise ArchiveError(f"pagefind: indexing failed (a file outside the index: "
                               f"{path}); build with --no-search to publish without search")
        (output / path).parent.mkdir(parents=True, exist_ok=True)
        (output / path).write_bytes(base64.b64decode(file["content"]))


class PagefindService:
    """A `pagefind --service` process. Requests and replies are JSON objects
    ({"message_id": n, "payload": {"type": …}}), base64-encoded, each followed by a
    comma; the service answers the requests one at a time, in order, each with a reply
    (of type "Error" when it failed)."""

    def __init__(self, executable: Path | None):
        if executable is None:
            raise ArchiveError("pagefind: its binary is not installed; reinstall with "
                               "`pip install 'pagefind[bin]'` or build with --no-search")
        try:
            self._process = subprocess.Popen(
                [str(executable), "--service"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        except OSError as err:
            raise ArchiveError(f"pagefind: cannot run ({err}); reinstall with "
                               "`pip install 'pagefind[bin]'` or build with --no-search"
                               ) from None
        self._replies: queue.SimpleQueue[dict[str, Any] | None] = queue.SimpleQueue()
        self._stderr: list[bytes] = []
        self._about: dict[int, str] = {}  # message id → what it sent, for error messages
        self._next_id = 0
        self._readers = [threading.Thread(target=self._read_replies, daemon=True),
                         threading.Thread(target=self._read_stderr, daemon=True)]
        for reader in self._readers:
            reader.start()

    def send(self, payload: dict[str, Any], about: str = "") -> int:
        """Write a request, without waiting for its reply; returns its message id."""
        message_id = self._next_id
        self._next_id += 1
        if about:
            self._about[message_id] = about
        request = json.dumps({"message_id": message_id, "payload": payload},
                             ensure_ascii=False).encode()
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(base64.b64encode(request) + b",")
        except OSError:
            self._quit()
        return message_id

    def ask(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Send a request and wait for its reply; a failed earlier request raises."""
        message_id = self.send(payload)
        assert self._process.stdin is not None
        try:
            self._process.stdin.flush()
        except OSError:
            self._quit()
        while (reply := self._replies.get()) is not None:
            answer = reply.get("payload") or {}
            if answer.get("type") == "Error":
                about = self._about.get(reply.get("message_id", -1))
                message = str(answer.get("message", "error"))
                self._fail(f"{about}: {message}" if about else message)
            if reply.get("message_id") == message_id:
                return answer
        self._quit()

    def close(self) -> None:
        """End the service (it quits when its input ends) and wait for it."""
        with contextlib.suppress(OSError):
            assert self._process.stdin is not None
            self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for reader in self._readers:
            reader.join(timeout=10)

    def _quit(self) -> NoReturn:
        """The service stopped before answering: the last line of its error output says
        why."""
        self.close()
        lines = b"".join(self._stderr).decode(errors="replace").strip().splitlines()
        self._fail(lines[-1] if lines else
                   f"the service stopped, exit status {self._process.returncode}")

    def _fail(self, what: str) -> NoReturn:
        raise ArchiveError(f"pagefind: indexing failed ({what}); build with --no-search "
                           "to publish without search")

    def _read_replies(self) -> None:
        assert self._process.stdout is not None
        parts: list[bytes] = []  # of a reply not complete yet (the files are one reply)
        try:
            while chunk := self._process.stdout.read1(1 << 20):
                *ends, rest = chunk.split(b",")
                for end in ends:
                    parts.append(end)
                    data, parts = b"".join(parts), []
                    try:
                        self._replies.put(json.loads(base64.b64decode(data)))
                    except ValueError:  # keep reading: a full pipe would block the service
                        self._replies.put({"payload": {"type": "Error",
                                                       "message": "a reply it cannot read"}})
                if rest:
                    parts.append(rest)
        finally:
            self._replies.put(None)

    def _read_stderr(self) -> None:
        assert self._process.stderr is not None
        while chunk := self._process.stderr.read1(1 << 16):
            self._stderr.append(chunk)


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


def write_shard_list(bundle: Path, keys: list[str],
                     days: dict[str, list[tuple[str, int]]] | None = None) -> None:
    """bundle/shards.json: the shards search.js merges into the first one; and
    bundle/segments.json: every part of the index, oldest first, with the dates of its
    pages (days: key → [(date, articles)] in date order; page n of a part has the date
    of the run of days that holds n)."""
    bundle.mkdir(parents=True, exist_ok=True)
    listing = {"merge": [shard_path(k, keys) for k in keys[1:]]}
    (bundle / "shards.json").write_text(json.dumps(listing, ensure_ascii=False) + "\n",
                                        encoding="utf-8")
    segments = [{"path": shard_path(k, keys), "pages": sum(n for _, n in (days or {}).get(k, [])),
                 "days": [[d, n] for d, n in (days or {}).get(k, [])]} for k in keys]
    (bundle / "segments.json").write_text(
        json.dumps({"format": 1, "pagefind": PAGEFIND_VERSION, "segments": segments},
                   ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
