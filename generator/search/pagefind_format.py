"""Write a Pagefind 1.5.2 index from records, without running Pagefind.

Why not run Pagefind: on this project's records it takes about 12 ms and 1 MB of memory
per article (its CJK-aware word handling runs on every bigram), against about 1 ms here;
and it cannot add to an index, so a large index could only be rebuilt whole. Written
here, the index of a segment (see segments.py) is a function of its records alone, in
the order given, byte for byte, and a segment of any size costs memory in proportion to
its postings only.

The files are Pagefind's own (read by its pagefind.js and by search-engine.js): gzip of
the signature `pagefind_dcd` and CBOR. Their layout is Pagefind 1.5.2's
(pagefind/src/index/ in its source): a release may change it, so the version is pinned
in pyproject.toml and the golden test (tests/test_pagefind_format.py) checks that
Pagefind itself, given the same records as HTML pages, writes the same words, positions,
weights, page lengths and filters.

What differs from Pagefind's own output, on purpose:
- files are named by their place in the segment (fragment: the page's number in base
  36; index chunk: its number; filter: its name), not by a hash of their content: the
  segment's folder is named by its content (see segments.py), so a name is still never
  reused for other content, and the metadata's lists of pages and chunks are a third
  of the size;
- the metadata holds no sort orders (pages are numbered in date order already) and no
  metadata fields: the title is in the fragment, not indexed a second time as words;
- index chunks are cut at CHUNK_ENTRIES (a measured choice, see
  benchmarks/bench_search.py) instead of Pagefind's 20,000.
"""

from __future__ import annotations

import gzip
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import cbor2

from generator.search.postings import (
    PLAIN,
    WORD_SYMBOLS,
    Record,
    packed_locations,
    tokens,
    word_positions,
)

PAGEFIND_VERSION = "1.5.2"
SIGNATURE = b"pagefind_dcd"
LANGUAGE = "zh"
# Postings entries (locations + 1 per page) per index chunk: what a query term costs to
# download from one segment, against the size of the chunk list in the metadata.
CHUNK_ENTRIES = 12_000
GZIP_LEVEL = 6
# Files of a segment are named by their place in it (index chunk n, the filter's
# name, META): the segment's folder is named by its content, so a name never stands
# for other content.
META = f"{LANGUAGE}_meta"


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

    words: (word, accented form or None) → [first page, last page (both counted from
    the batch's first), the first posting's locations (CBOR, closed), the postings
    after the first (CBOR, each with its page delta), postings, size entries]."""
    word_counts: list[int]
    fragments: list[bytes]
    filters: list[dict[str, str]]
    words: dict[tuple[str, str | None], list[Any]]


def analyse(records: list[Record]) -> Batch:
    """The batch of records, page n being records[n]."""
    words: dict[tuple[str, str | None], list[Any]] = {}
    word_counts = []
    once = _ONCE  # the location list of a word seen once in plain text, by position
    for number, rec in enumerate(records):
        found, count = word_positions(rec)
        word_counts.append(count)
        for key, positions in found.items():
            if len(positions) == 1 and positions[0] < _SMALL:  # most words of a page
                locs, entries = once[positions[0]], 3
            else:
                packed = packed_locations(positions)
                locs, entries = cbor_ints(packed), len(packed) + 1
            seen = words.get(key)
            if seen is None:
                words[key] = [number, number, locs + b"\x80", [], 1, entries]
            else:
                # Page numbers are stored as the difference to the list's previous page.
                seen[3].append(b"\x83" + cbor_int(number - seen[1]) + locs + b"\x80")
                seen[1] = number
                seen[4] += 1
                seen[5] += entries
    for seen in words.values():
        seen[3] = b"".join(seen[3])
    return Batch(word_counts, [fragment(rec, n) for rec, n in zip(records, word_counts,
                                                                      strict=True)],
                 [rec.filters for rec in records], words)


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
        for key, (first, last, head, rest, n, entries) in batch.words.items():
            piece = b"\x83" + cbor_int(offset + first - last_page.get(key, 0)) + head + rest
            last_page[key] = offset + last
            if key in postings:
                postings[key].append(piece)
                counts[key] += n
            else:
                postings[key] = [piece]
                counts[key] = n
            if key[1] is None:
                sizes[key[0]] = sizes.get(key[0], 0) + entries
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
    files[f"pagefind.{META}.pf_meta"] = pack(
        [PAGEFIND_VERSION, pages, trim_chunk_bounds(chunks), filter_list, [], []])
    entry = {"version": PAGEFIND_VERSION,
             "languages": {LANGUAGE: {"hash": META, "wasm": None, "page_count": offset}},
             "include_characters": sorted(WORD_SYMBOLS)}
    files["pagefind-entry.json"] = json.dumps(entry, ensure_ascii=False,
                                              separators=(",", ":")).encode()
    return files


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
_ONCE = [cbor_head(4, 2) + _NEGS[PLAIN] + u for u in _UINTS]


def cbor_int(value: int) -> bytes:
    if 0 <= value < _SMALL:
        return _UINTS[value]
    if -256 <= value < 0:
        return _NEGS[-1 - value]
    return cbor_head(0, value) if value >= 0 else cbor_head(1, -1 - value)


def cbor_ints(values: list[int]) -> bytes:
    """An array of integers."""
    return cbor_head(4, len(values)) + b"".join(map(cbor_int, values))


def cbor_text(text: str) -> bytes:
    data = text.encode()
    return cbor_head(3, len(data)) + data


def fragment(rec: Record, word_count: int) -> bytes:
    """A page's fragment: what a result shows (its URL, title and the record's text)."""
    data = {"url": rec.url, "content": " ".join(tokens(rec)), "word_count": word_count,
            "filters": {k: [v] for k, v in sorted(rec.filters.items())},
            "meta": {"title": rec.title}, "anchors": []}
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
