"""Write a Pagefind 1.5.2 index from records, without running Pagefind.

Why not run Pagefind: on this project's records it took about 12 ms of CPU and 1 MB of
memory per article (1,600 records: 19.5 s), more than six times its cost on the plain
article pages, and it cannot add to an index, so a large index could only be rebuilt
whole. Written here, an issue is analysed once (analyse: its postings, in arrays) and
kept in the build cache; a segment (see segments.py) is put together from its issues'
batches (assemble), byte for byte a function of its records and their order.

The files are Pagefind's own (read by its pagefind.js; the site's search-engine.js
reads the postings and fragments): gzip of the signature `pagefind_dcd` and CBOR. Their
layout is Pagefind 1.5.2's (pagefind/src/index/ in its source): a release may change
it, so the version is pinned in pyproject.toml and the golden test
(tests/test_pagefind_format.py) checks that Pagefind itself, given the same records as
HTML pages, writes the same words, positions, weights, page lengths and filters, and
that its pagefind.js finds the same pages with the same scores in both.

What differs from Pagefind's own output, on purpose:
- files are named by their place in the segment (fragment: the page's number in base
  36; index chunk: its number; filter: its name), not by a hash of their content: the
  segment's folder is named by its content (see segments.py), so a name is never
  reused for other content, and the metadata's lists of pages and chunks are smaller;
- the metadata holds no sort orders (pages are numbered in date order already) and no
  metadata fields: the title is in the fragment, not indexed a second time as words;
- a fragment holds the article's text as printed, not the index tokens: half the
  bytes; Pagefind's excerpts of it would not line up (the site makes its own);
- a lite metadata file beside Pagefind's (see lite_meta) holds what the site's engine
  needs before a search in a fifth of the bytes;
- a page without a single word (a table of dashes) is kept, with its length, where
  Pagefind leaves it out: page numbers stay those of segments.json;
- index chunks close at CHUNK_ENTRIES postings entries, not 20,000: a guess between
  what a query term downloads per segment and the length of the chunk list, not tuned.
"""

from __future__ import annotations

import gzip
import itertools
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import cbor2
import numpy as np

from generator.search.postings import (
    HEADLINE,
    PLAIN,
    WORD_SYMBOLS,
    Record,
    stored_word,
)

PAGEFIND_VERSION = "1.5.2"
SIGNATURE = b"pagefind_dcd"
LANGUAGE = "zh"
# Postings entries (locations + 1 per page) per index chunk: what a query term costs to
# download from one segment, against the size of the chunk list in the metadata.
CHUNK_ENTRIES = 12_000
# zlib's level 4: measured on 18 MB of index chunks, 4.5 % larger than level 6 (Pagefind's)
# in a seventh of the time.
GZIP_LEVEL = 4
# Files of a segment are named by their place in it (index chunk n, the filter's
# name, META): the segment's folder is named by its content, so a name never stands
# for other content.
META = f"{LANGUAGE}_meta"
# Pagefind's metadata lists every page's fragment name and length: 136 KB for 32,000
# pages. The site's engine reads this smaller file instead (see lite_meta).
LITE = "lite.pf_meta"
LENGTH_STEP = 1.04


def pack(value: object) -> bytes:
    """A Pagefind data file: gzip (without a time stamp) of the signature and CBOR."""
    return gzip.compress(SIGNATURE + cbor2.dumps(value), compresslevel=GZIP_LEVEL, mtime=0)


def unpack(data: bytes) -> object:
    """The value of a Pagefind data file (gzip-compressed or not)."""
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    if not data.startswith(SIGNATURE):
        raise ValueError("not a Pagefind data file")
    return cbor2.loads(data[len(SIGNATURE):])


def base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if not n:
            return out


@dataclass
class Batch:
    """The analysed records of a run of pages (an issue): everything of the index but
    where the run starts in its segment, so that a segment is put together from the
    batches of its issues without looking at a record again.

    `postings` is the CBOR of every word's postings, word after word; for word n of
    `words` (a stored word and its accented form, or None), its postings are
    postings[start[n]:end[n]], the first without its array head and page number (which
    depend on where the batch goes): first[n] and last[n] are its first and last pages,
    counted from the batch's first; count[n] its postings; size[n] their size as
    Pagefind counts it for cutting chunks (locations, and one a page)."""
    word_counts: list[int]
    fragments: list[bytes]
    filters: list[dict[str, str]]
    words: list[tuple[str, str | None]]
    first: np.ndarray
    last: np.ndarray
    count: np.ndarray
    size: np.ndarray
    start: np.ndarray
    end: np.ndarray
    postings: bytes


def analyse(records: list[Record]) -> Batch:
    """The batch of records, page n being records[n]. The positions of every word of
    every record are gathered in arrays and encoded at once: a Python loop per word
    and page costs ten times as much."""
    key_of: dict[str, int] = {}  # token → its stored word's number, −1 for punctuation
    keys: list[tuple[str, str]] = []  # stored words (and forms, "" for none) by number
    numbers: dict[tuple[str, str], int] = {}
    found, pages, weights, word_counts = [], [], [], []
    for number, rec in enumerate(records):
        tokens_ = []
        for text, weight in rec.parts:
            part = text.split()
            tokens_ += part
            weights.append(np.full(len(part), weight == HEADLINE))
        for token in set(tokens_).difference(key_of):  # not seen before in this batch
            key = stored_word(token)
            if key is None:
                key_of[token] = -1
                continue
            sortable = (key[0], key[1] or "")
            if sortable not in numbers:
                numbers[sortable] = len(keys)
                keys.append(sortable)
            key_of[token] = numbers[sortable]
        ids = [key_of[t] for t in tokens_]
        found.append(np.array(ids, dtype=np.int64))
        pages.append(np.full(len(ids), number, dtype=np.int64))
        word_counts.append(len(ids))
    word_id = np.concatenate(found) if found else np.zeros(0, dtype=np.int64)
    positions = np.concatenate([np.arange(n, dtype=np.int64) for n in word_counts]) \
        if found else word_id
    headline = np.concatenate(weights).astype(np.int64) if weights else word_id
    page = np.concatenate(pages) if pages else word_id
    stored = word_id >= 0
    sortable = sorted(keys)
    words = [(word, form or None) for word, form in sortable]
    rank = np.empty(len(keys), dtype=np.int64)
    rank[[numbers[w] for w in sortable]] = np.arange(len(words))
    word = rank[word_id[stored]]
    page, headline, spot = page[stored], headline[stored], positions[stored]
    order = np.lexsort((spot, headline, page, word))
    encoded = encode_postings(word[order], page[order], headline[order], spot[order],
                              len(words))
    return Batch(word_counts, [fragment(rec, n) for rec, n in zip(records, word_counts,
                                                                      strict=True)],
                 [rec.filters for rec in records], words, *encoded)


def encode_postings(word: np.ndarray, page: np.ndarray, headline: np.ndarray,
                    spot: np.ndarray, words: int) -> tuple[Any, ...]:
    """Every posting of a batch in CBOR, from its word occurrences sorted by word, page,
    weight and position: (first, last, count, size, start, end, bytes) as in Batch."""
    n = len(word)
    changed = lambda a: np.concatenate(([True], a[1:] != a[:-1])) if n else a.astype(bool)  # noqa: E731
    new_word = changed(word)
    new_posting = new_word | changed(page)
    new_group = new_posting | changed(headline)  # a weight's run of positions
    posting = np.cumsum(new_posting) - 1
    starts = np.flatnonzero(new_posting)  # first occurrence of each posting
    postings = len(starts)
    first_of_word = new_word[starts]
    locations = np.bincount(posting, minlength=postings) + np.bincount(
        posting, weights=new_group, minlength=postings).astype(np.int64)
    # Items of a posting: [array(3), page delta] unless it is its word's first, then
    # array(locations), the locations, and an empty array (its metadata locations).
    head = np.where(first_of_word, 1, 3)
    per_posting = head + locations + 1
    posting_at = np.cumsum(per_posting) - per_posting
    items = int(per_posting.sum())
    major = np.zeros(items, dtype=np.int64)
    value = np.zeros(items, dtype=np.int64)
    later = starts[~first_of_word]
    at = posting_at[~first_of_word]
    major[at], value[at] = 4, 3
    major[at + 1], value[at + 1] = 0, page[later] - page[later - 1]
    major[posting_at + head - 1], value[posting_at + head - 1] = 4, locations
    ends = posting_at + per_posting - 1
    major[ends], value[ends] = 4, 0
    # Locations: a group opens with −(weight+1) (major type 1, value weight) and the
    # absolute position; the others are differences to the position before.
    width = 1 + new_group.astype(np.int64)
    within = np.cumsum(width) - width
    item = posting_at[posting] + head[posting] + within - within[starts][posting]
    marks = item[new_group]
    major[marks], value[marks] = 1, np.where(headline[new_group] == 1, HEADLINE, PLAIN)
    delta = spot - np.concatenate(([0], spot[:-1])) if n else spot
    major[item + new_group], value[item + new_group] = 0, np.where(new_group, spot, delta)
    data, offsets = cbor_heads(major, value)
    word_of_posting = word[starts]
    firsts = np.flatnonzero(first_of_word)
    bounds = np.append(offsets[posting_at], len(data))
    size = np.bincount(word_of_posting, weights=locations + 1, minlength=words)
    count = np.bincount(word_of_posting, minlength=words)
    last_posting = np.append(firsts[1:], postings)[:len(firsts)] - 1
    # Arrays, not lists: a loaded batch takes about 30 % less memory.
    return (page[starts[firsts]].astype(np.int32), page[starts[last_posting]].astype(np.int32),
            count.astype(np.int32), size.astype(np.int32),
            bounds[firsts].astype(np.int64), bounds[last_posting + 1].astype(np.int64),
            data.tobytes())


def cbor_heads(major: np.ndarray, value: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """CBOR item heads (integers and array lengths: values below 2³²) for every item at
    once; returns the bytes and where each item starts in them."""
    if len(value) and int(value.max()) >= 1 << 32:
        raise ValueError("a value too large for the index")
    size = 1 + (value >= 24) + (value >= 256) + 2 * (value >= 1 << 16)
    offsets = np.cumsum(size) - size
    out = np.zeros(int(size.sum()), dtype=np.uint8)
    extra = np.select([value < 24, value < 256, value < 1 << 16], [value, 24, 25], 26)
    out[offsets] = (major << 5) | extra
    for width, extra_bytes in ((2, 1), (3, 2), (5, 4)):
        at = offsets[size == width]
        v = value[size == width]
        for k in range(extra_bytes):
            out[at + 1 + k] = (v >> (8 * (extra_bytes - 1 - k))) & 0xFF
    return out, offsets


def write_bundle(records: list[Record]) -> dict[str, bytes]:
    """Every file of the index of records (page n is records[n]): path → bytes."""
    return assemble([analyse(records)])


def assemble(batches: list[Batch]) -> dict[str, bytes]:
    """Every file of the index of the batches' pages, one batch after the other."""
    files: dict[str, bytes] = {}
    # (word, form) → its postings, in pieces of CBOR; 'café' is kept under 'cafe', apart
    # (Pagefind's additional_variants).
    postings: dict[tuple[str, str | None], list[bytes]] = {}
    counts: dict[tuple[str, str | None], int] = {}
    sizes: dict[str, int] = {}
    last_page: dict[tuple[str, str | None], int] = {}
    pages: list[list[object]] = []
    filters: dict[str, dict[str, list[int]]] = {}
    offset = 0
    for batch in batches:
        data = batch.postings
        for key, first, last, n, size, start, end in zip(
                batch.words, batch.first.tolist(), batch.last.tolist(), batch.count.tolist(),
                batch.size.tolist(), batch.start.tolist(), batch.end.tolist(), strict=True):
            piece = b"\x83" + cbor_int(offset + first - last_page.get(key, 0)) + data[start:end]
            last_page[key] = offset + last
            if key in postings:
                postings[key].append(piece)
                counts[key] += n
            else:
                postings[key] = [piece]
                counts[key] = n
            if key[1] is None:
                sizes[key[0]] = sizes.get(key[0], 0) + size
        for number, (count, data, facts) in enumerate(zip(
                batch.word_counts, batch.fragments, batch.filters, strict=True), start=offset):
            pages.append([base36(number), count])
            files[f"fragment/{base36(number)}.pf_fragment"] = data
            for name, value in facts.items():
                filters.setdefault(name, {}).setdefault(value, []).append(number)
        offset += len(batch.word_counts)
    forms: dict[str, list[str]] = {}
    for word, form in postings:
        forms.setdefault(word, [])
        if form is not None:
            forms[word].append(form)
    chunks = []
    for number, words in enumerate(chunk_words(sizes.get, sorted(forms))):
        body = [cbor_head(4, len(words))]
        for word in words:
            variants = sorted(forms[word])
            body.append(b"\x83" + cbor_text(word) + postings_of(postings, counts, word, None)
                        + cbor_head(4, len(variants))
                        + b"".join(b"\x82" + cbor_text(form)
                                   + postings_of(postings, counts, word, form)
                                   for form in variants))
        name = base36(number)
        files[f"index/{name}.pf_index"] = gzip.compress(
            SIGNATURE + b"\x81" + b"".join(body), compresslevel=GZIP_LEVEL, mtime=0)
        chunks.append([words[0], words[-1], name])
    filter_list = []
    for name in sorted(filters):
        files[f"filter/{name}.pf_filter"] = pack(
            [name, [[value, found] for value, found in sorted(filters[name].items())]])
        filter_list.append([name, name])
    bounds = trim_chunk_bounds(chunks)
    files[f"pagefind.{META}.pf_meta"] = pack(
        [PAGEFIND_VERSION, pages, bounds, filter_list, [], []])
    files[LITE] = lite_meta(bounds, [count for _, count in pages],
                            [facts.get("kind", "") for b in batches for facts in b.filters])
    entry = {"version": PAGEFIND_VERSION,
             "languages": {LANGUAGE: {"hash": META, "wasm": None, "page_count": offset}},
             "include_characters": sorted(WORD_SYMBOLS)}
    files["pagefind-entry.json"] = json.dumps(entry, ensure_ascii=False,
                                              separators=(",", ":")).encode()
    return files


def lite_meta(bounds: list[list[str]], word_counts: list[int], kinds: list[str]) -> bytes:
    """What the site's search engine reads of a segment before a search, in a fifth of
    the bytes of Pagefind's metadata: the chunks' first words (chunk n is index/n in
    base 36), each page's length in words as one byte (LENGTH_STEP to the power of the
    byte: within 2 %, which ranking does not notice), and each page's kind as one byte
    (numbering the list of kinds given). A page's fragment is fragment/<n in base 36>."""
    names = sorted(set(kinds))
    number = {name: n for n, name in enumerate(names)}
    lengths = bytes(min(255, round(math.log(max(1, n), LENGTH_STEP))) for n in word_counts)
    return pack([[first for first, _last, _name in bounds], lengths, names,
                  bytes(number[k] for k in kinds)])


def postings_of(postings: dict[tuple[str, str | None], list[bytes]],
                counts: dict[tuple[str, str | None], int], word: str,
                form: str | None) -> bytes:
    """The CBOR array of a word's (or one of its forms') postings."""
    key = (word, form)
    return cbor_head(4, counts.get(key, 0)) + b"".join(postings.get(key, ()))


# -- CBOR, the little of it the index chunks need, written fast ------------------------

def cbor_head(major: int, value: int) -> bytes:
    """A CBOR item head: the major type and its value in the fewest bytes."""
    if value < 24:
        return bytes((major << 5 | value,))
    for extra, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes((major << 5 | extra,)) + value.to_bytes(size, "big")
    raise ValueError(f"{value} does not fit in CBOR")


# Heads of the integers that make up nearly all of an index: looked up, not built.
_SMALL = 1 << 16
_UINTS = ([bytes((v,)) for v in range(24)] + [bytes((0x18, v)) for v in range(24, 256)]
          + [b"\x19" + v.to_bytes(2, "big") for v in range(256, _SMALL)])
_NEGS = [cbor_head(1, v) for v in range(256)]


def cbor_int(value: int) -> bytes:
    if 0 <= value < _SMALL:
        return _UINTS[value]
    if -256 <= value < 0:
        return _NEGS[-1 - value]
    return cbor_head(0, value) if value >= 0 else cbor_head(1, -1 - value)


def cbor_text(text: str) -> bytes:
    data = text.encode()
    return cbor_head(3, len(data)) + data


def fragment(rec: Record, word_count: int) -> bytes:
    """A page's fragment: what a result shows (its URL, title and the record's text as
    printed, not the index tokens: half the size; Pagefind's own pagefind.js still
    finds and ranks the page, but its excerpts would not line up)."""
    meta = {"title": rec.title, **({"inferred": rec.inferred} if rec.inferred else {})}
    data = {"url": rec.url, "content": rec.text, "word_count": word_count,
            "filters": {k: [v] for k, v in sorted(rec.filters.items())},
            "meta": meta, "anchors": []}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(SIGNATURE + text.encode(), compresslevel=GZIP_LEVEL, mtime=0)


def chunk_words(size: Callable[[str], int | None], words: list[str]) -> list[list[str]]:
    """The sorted words cut into chunks of about CHUNK_ENTRIES postings entries (a
    word's locations, and one per page), as Pagefind cuts them: a chunk closes after the
    word that reaches the size; accented forms are not counted."""
    chunks: list[list[str]] = [[]]
    total = 0
    for word in words:
        chunks[-1].append(word)
        total += size(word) or 0
        if total >= CHUNK_ENTRIES:
            chunks.append([])
            total = 0
    return [c for c in chunks if c]


def trim_chunk_bounds(chunks: list[list[str]]) -> list[list[str]]:
    """Pagefind's chunk list: each chunk's first and last word, cut between neighbours
    to the shortest prefixes that still tell them apart."""
    out = [list(c) for c in chunks]
    for a, b in itertools.pairwise(out):
        common = 0
        for x, y in zip(b[0], a[1], strict=False):
            if x != y:
                break
            common += 1
        a_prefix, b_prefix = a[1][:common + 1], b[0][:common + 1]
        if a_prefix >= a[0]:
            a[1] = a_prefix
        b[0] = b_prefix
    return out
