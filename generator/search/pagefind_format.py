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
- fragment names are the page's number in base 36, not a content hash: the segment's
  folder name is a hash of its content (see segments.py), so the names are still never
  reused for other content, and the page list in the metadata is a third the size;
- the metadata holds no sort orders (pages are numbered in date order already) and no
  metadata fields: the title is in the fragment, not indexed a second time as words;
- index chunks are cut at CHUNK_ENTRIES (a measured choice, see
  benchmarks/bench_search.py) instead of Pagefind's 20,000.
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
from collections.abc import Callable

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


def content_name(data: bytes, taken: set[str], digits: int = 10) -> str:
    """A file name from the data's hash, longer where it would collide."""
    digest = hashlib.sha256(data).hexdigest()
    while f"{LANGUAGE}_{digest[:digits]}" in taken:
        digits += 1
    name = f"{LANGUAGE}_{digest[:digits]}"
    taken.add(name)
    return name


def write_bundle(records: list[Record]) -> dict[str, bytes]:
    """Every file of the index of records (page n is records[n]): path → bytes."""
    files: dict[str, bytes] = {}
    # word → its pages (each already in CBOR), and the pages of each of its accented
    # forms (Pagefind's additional_variants: 'café' is found under 'cafe', apart).
    postings: dict[str, list[bytes]] = {}
    sizes: dict[str, int] = {}
    variants: dict[str, dict[str, list[bytes]]] = {}
    pages: list[list[object]] = []
    filters: dict[str, dict[str, list[int]]] = {}
    last_page: dict[tuple[str, str | None], int] = {}
    once = _ONCE  # the location list of a word seen once in plain text, by position
    for number, rec in enumerate(records):
        words, count = word_positions(rec)
        for key, positions in words.items():
            # Page numbers are stored as the difference to the list's previous page.
            delta = cbor_int(number - last_page.get(key, 0))
            last_page[key] = number
            if len(positions) == 1 and positions[0] < _SMALL:  # most words of a page
                locs, entries = once[positions[0]], 3
            else:
                packed = packed_locations(positions)
                locs, entries = cbor_ints(packed), len(packed) + 1
            word, form = key
            if form is None:
                if word in postings:
                    postings[word].append(b"\x83" + delta + locs + b"\x80")
                else:
                    postings[word] = [b"\x83" + delta + locs + b"\x80"]
                sizes[word] = sizes.get(word, 0) + entries
            else:
                postings.setdefault(word, [])
                variants.setdefault(word, {}).setdefault(form, []).append(
                    b"\x83" + delta + locs + b"\x80")
        for name, value in rec.filters.items():
            filters.setdefault(name, {}).setdefault(value, []).append(number)
        hash_ = base36(number)
        pages.append([hash_, count])
        files[f"fragment/{hash_}.pf_fragment"] = fragment(rec, count)
    taken: set[str] = set()
    chunks = []
    for words in chunk_words(sizes.get, sorted(postings)):
        body = [cbor_head(4, len(words))]
        for word in words:
            body.append(b"\x83" + cbor_text(word) + cbor_list(postings[word])
                        + cbor_list([cbor_text(form) + cbor_list(found) for form, found
                                     in sorted(variants.get(word, {}).items())], 2))
        data = gzip.compress(SIGNATURE + b"\x81" + b"".join(body),
                             compresslevel=GZIP_LEVEL, mtime=0)
        name = content_name(data, taken)
        files[f"index/{name}.pf_index"] = data
        chunks.append([words[0], words[-1], name])
    filter_list = []
    for name in sorted(filters):
        data = pack([name, [[value, pages_] for value, pages_ in sorted(filters[name].items())]])
        digest = content_name(data, taken)
        files[f"filter/{digest}.pf_filter"] = data
        filter_list.append([name, digest])
    meta = pack([PAGEFIND_VERSION, pages, trim_chunk_bounds(chunks), filter_list, [], []])
    meta_name = content_name(meta, taken)
    files[f"pagefind.{meta_name}.pf_meta"] = meta
    entry = {"version": PAGEFIND_VERSION,
             "languages": {LANGUAGE: {"hash": meta_name, "wasm": None,
                                      "page_count": len(records)}},
             "include_characters": sorted(WORD_SYMBOLS)}
    files["pagefind-entry.json"] = json.dumps(entry, ensure_ascii=False,
                                              separators=(",", ":")).encode()
    return files


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


def cbor_list(items: list[bytes], fields: int = 0) -> bytes:
    """An array of encoded items; fields > 0 wraps each item in an array of that many
    fields (the item being their encodings, one after another)."""
    head = cbor_head(4, fields) if fields else b""
    return cbor_head(4, len(items)) + b"".join(head + item for item in items)


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
