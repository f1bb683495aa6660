"""The golden test: the index we write is the one Pagefind writes for the same records.

generator/search/pagefind_format.py writes Pagefind 1.5.2's files itself. Here the same
records are also given to Pagefind (as the HTML pages of postings.record_html, through
its command line) and both indexes are decoded and compared: every word, every page it
is on, every position and weight, every page's length, every filter value. Then both
are searched in a real browser by Pagefind's own pagefind.js and WebAssembly with a
generated set of queries, which must find the same pages with the same scores.

Records are drawn from the sample pages (samples/pages/, real OCR text) with a seeded
random generator, plus text that takes Pagefind's other paths: capitals, accents,
Hangul, full-width forms, emoji, circled letters, word symbols.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import test_browser
from e2e_site import StaticHandler

from generator.search import pagefind_format
from generator.search.pagefind_chars import KEPT
from generator.search.pagefind_format import (
    PAGEFIND_VERSION,
    SIGNATURE,
    unpack,
    write_bundle,
)
from generator.search.postings import Record, record, record_html, stored_word
from generator.search.tokens import query_terms

REPO = Path(__file__).resolve().parent.parent
PAGES = REPO / "samples" / "pages"
ODD_TEXT = ["Café Ünïcode naïve ΑΣ ǅ", "ＡＢＣ１２３ 5G A股 股A iPhone HTTP/2",
            "snake_case ＿x ⓐⒶ", "😀 emoji ☺ ©® ™ ‼", "한국어 텍스트", "3.8万元 ①②③ ½ Ⅻ ★●◆■ ※√"]

browser = test_browser.browser
desktop = test_browser.desktop
tab = test_browser.tab


def make_records(seed: int, count: int = 40) -> list[Record]:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(PAGES.glob("*.txt")))
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    rng = random.Random(seed)
    records = []
    for n in range(count):
        body = rng.sample(paragraphs, rng.randint(1, 6))
        if n % 3 == 0:
            body.append(rng.choice(ODD_TEXT))
        title = rng.choice(paragraphs)[:rng.randint(4, 24)]
        records.append(record(
            f"/x~ribao~2023~03~{n // 10 + 1:02d}~01-{n:02d}.html", title,
            {"paper": rng.choice(["许昌日报", "焦作日报"]), "kind": rng.choice(["消息", "通讯"])},
            rng.choice([None, "本报讯", "关注民生"]), title, rng.choice([None, "——副题"]),
            rng.choice([None, "记者 张三", "本报评论员"]), body))
    return records


def run_pagefind(site: Path, out: Path, *args: str) -> None:
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site),
                             "--output-path", str(out), "--force-language", "zh", "--quiet",
                             *args], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def pagefind_bundle(records: list[Record], folder: Path) -> dict[str, bytes]:
    """Pagefind's own index of the records: every file of it, path → bytes."""
    site = folder / "records"
    site.mkdir(parents=True)
    for rec in records:
        (site / rec.url.lstrip("/")).write_text(record_html(rec), encoding="utf-8")
    run_pagefind(site, folder / "pagefind")
    return read_folder(folder / "pagefind")


def read_folder(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*") if p.is_file()}


def locations(packed: list[int]) -> list[tuple[int, int]]:
    """(position, weight) from Pagefind's location list (weight marks, then deltas)."""
    out, weight, position, absolute = [], 25, 0, False
    for value in packed:
        if value < 0:
            weight, absolute = -value - 1, True
            continue
        position = value if absolute else position + value
        absolute = False
        out.append((position, weight))
    return sorted(out)


def pages_of(entries: list[list[Any]], urls: list[str]) -> dict[str, list[tuple[int, int]]]:
    out, page = {}, 0
    for delta, packed, _meta in entries:
        page += delta
        out[urls[page]] = locations(packed)
    return out


def decode(files: dict[str, bytes]) -> dict[str, Any]:
    """An index by page URL instead of page number: what must be equal."""
    entry = json.loads(files["pagefind-entry.json"])
    assert entry["version"] == PAGEFIND_VERSION
    meta = unpack(files[f"pagefind.{entry['languages']['zh']['hash']}.pf_meta"])
    urls, lengths = [], {}
    for hash_, word_count in meta[1]:
        data = gzip.decompress(files[f"fragment/{hash_}.pf_fragment"])
        assert data.startswith(SIGNATURE)
        url = json.loads(data[len(SIGNATURE):])["url"]
        urls.append(url)
        lengths[url] = word_count
    words: dict[str, Any] = {}
    for first, _last, hash_ in meta[2]:
        for word, entries, variants in unpack(files[f"index/{hash_}.pf_index"])[0]:
            assert first <= word, f"{word!r} sorts before its chunk ({first!r})"
            words[word] = (pages_of(entries, urls),
                           {form: pages_of(found, urls) for form, found in variants})
    filters = {}
    for _name, hash_ in meta[3]:
        filter_name, values = unpack(files[f"filter/{hash_}.pf_filter"])
        filters[filter_name] = {value: sorted(urls[p] for p in pages) for value, pages in values}
    return {"lengths": lengths, "words": words, "filters": filters}


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_the_index_is_the_one_pagefind_writes_for_the_same_records(seed: int, tmp_path: Path):
    records = make_records(seed)
    ours, theirs = decode(write_bundle(records)), decode(pagefind_bundle(records, tmp_path))
    assert ours["lengths"] == theirs["lengths"]
    assert ours["filters"] == theirs["filters"]
    missing = sorted(set(theirs["words"]) - set(ours["words"]))
    extra = sorted(set(ours["words"]) - set(theirs["words"]))
    assert not missing and not extra, f"words only Pagefind has: {missing[:20]}; " \
                                      f"only we have: {extra[:20]}"
    differ = [w for w in ours["words"] if ours["words"][w] != theirs["words"][w]]
    assert not differ, f"words with other pages or positions: {differ[:20]}"


def test_a_record_of_punctuation_alone_and_no_records_at_all(tmp_path: Path):
    """A page without a single word (a table of dashes) keeps its place and its length,
    so that page numbers stay those of segments.json; Pagefind leaves such a page out
    (no query finds it in either). An empty segment is an empty index."""
    dashes = record("/x~ribao~2023~04~01~01-01.html", "——", {"paper": "许昌日报", "kind": "消息"},
                    None, "——", None, None, ["……", "，。、"])
    words = make_records(3, count=2)
    records = [dashes, *words]
    ours, theirs = decode(write_bundle(records)), decode(pagefind_bundle(records, tmp_path))
    assert ours["lengths"].pop(dashes.url) == 12 and dashes.url not in theirs["lengths"]
    for values in ours["filters"].values():
        for pages in values.values():
            pages.remove(dashes.url)
    assert ours == theirs
    empty = write_bundle([])
    assert unpack(empty["pagefind.zh_meta.pf_meta"])[1:3] == [[], []]


def chunks_for(term: str, chunks: list[list[str]]) -> list[str]:
    """The chunks Pagefind's search loads for a word (pagefind_web's lib.rs): those whose
    bounds hold it, or else those whose bounds hold it when cut to its length."""
    strict = [h for first, last, h in chunks if first <= term <= last]
    if strict:
        return strict
    return [h for first, last, h in chunks
            if term[:len(first)] >= first[:len(term)] and term[:len(last)] <= last[:len(term)]]


def test_every_word_is_in_a_chunk_pagefind_loads_for_it(monkeypatch):
    monkeypatch.setattr(pagefind_format, "CHUNK_ENTRIES", 400)  # many small chunks
    files = write_bundle(make_records(5, count=60))
    entry = json.loads(files["pagefind-entry.json"])
    meta = unpack(files[f"pagefind.{entry['languages']['zh']['hash']}.pf_meta"])
    assert len(meta[2]) > 3, "the records should fill several chunks"
    for _first, _last, hash_ in meta[2]:
        entries = unpack(files[f"index/{hash_}.pf_index"])[0]
        size = sum(len(packed) + 1 for _w, found, _v in entries for _d, packed, _m in found)
        assert size >= 400 or hash_ == meta[2][-1][2]  # only the last is short
        for word, _found, _variants in entries:
            assert hash_ in chunks_for(word, meta[2]), word


def test_the_characters_pagefind_keeps_are_the_table(tmp_path: Path):
    """Every character Python does not count as a letter or digit, one a position on one
    page: those Pagefind stores are pagefind_chars.KEPT, and stored_word agrees."""
    candidates = [chr(c) for c in range(0x21, 0x1FB00)
                  if not 0xD800 <= c < 0xE000 and c != 0x200B and not chr(c).isalnum()
                  and not chr(c).isspace()
                  and unicodedata.category(chr(c)) not in ("Cn", "Co", "Cs", "Cc")]
    rec = Record("/chars.html", "chars", {}, [(" ".join(candidates), 24)])
    files = pagefind_bundle([rec], tmp_path)
    kept = {form or word for word, (pages, variants) in decode(files)["words"].items()
            for form in [None, *variants]
            if (variants[form] if form else pages)}
    stored = {c for c in candidates if stored_word(c) is not None}
    found_by_position = {candidates[p] for word, (pages, variants) in decode(files)["words"]
                         .items() for found in [pages, *variants.values()]
                         for spots in found.values() for p, _w in spots}
    assert found_by_position == stored, (
        f"Pagefind keeps {sorted(found_by_position - stored)[:30]} that the table lacks, and "
        f"drops {sorted(stored - found_by_position)[:30]} that it has")
    assert kept  # the page was indexed at all
    assert {c for c in candidates if c in KEPT} == stored


# -- both indexes searched by Pagefind's own pagefind.js -----------------------------

@pytest.fixture(scope="module")
def two_indexes(tmp_path_factory) -> Iterator[tuple[str, list[Record]]]:
    """/theirs/ (Pagefind's index) and /ours/ (ours, with Pagefind's pagefind.js and
    WebAssembly beside it) of the same records, on a local server."""
    root = tmp_path_factory.mktemp("golden")
    records = make_records(21, count=80)
    pagefind_bundle(records, root / "build")
    shutil.copytree(root / "build" / "pagefind", root / "theirs")
    (root / "ours").mkdir()
    for rel, data in write_bundle(records).items():
        (root / "ours" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "ours" / rel).write_bytes(data)
    # Pagefind's runtime (pagefind.js, its worker and WebAssembly), not its index.
    for runtime in (root / "theirs").iterdir():
        if runtime.is_file() and not runtime.name.startswith("pagefind-entry") \
                and runtime.suffix != ".pf_meta":
            shutil.copy(runtime, root / "ours" / runtime.name)
    (root / "index.html").write_text("<!doctype html><html lang='und'><title>t</title></html>")
    handler = functools.partial(StaticHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", records
    server.shutdown()
    server.server_close()


SEARCH_BOTH = """async (queries) => {
    const open = async (base) => {
        const pf = await import(base + "pagefind.js");
        await pf.options({ basePath: base });
        await pf.init();
        return pf;
    };
    const ours = await open("/ours/"), theirs = await open("/theirs/");
    const run = async (pf, q) => {
        const found = await pf.search(q);
        const out = [];
        for (const r of found.results) {
            const data = await r.data();
            out.push([data.url, Math.round(r.score * 1e4) / 1e4]);
        }
        return out.sort();
    };
    const answers = [];
    for (const q of queries) answers.push([q, await run(ours, q), await run(theirs, q)]);
    return answers;
}"""


@pytest.mark.skipif(os.environ.get("ARCHIVE_SKIP_BROWSER") == "1",
                    reason="ARCHIVE_SKIP_BROWSER=1")
def test_pagefind_finds_the_same_pages_with_the_same_scores_in_both(two_indexes, tab):
    base, records = two_indexes
    rng = random.Random(7)
    texts = [t for rec in records for t, _w in rec.parts[:-1]]
    queries = set()
    while len(queries) < 40:
        words = rng.choice(texts).split()
        start = rng.randrange(len(words))
        printed = "".join(w[0] for w in words[start:start + rng.randint(1, 5)])
        terms = query_terms(printed)
        if terms:
            # As search.js sends them: each term a quoted phrase of its bigrams.
            queries.add(" ".join('"' + " ".join(t) + '"' for t in terms))
    queries |= {'"东城 城区"', '"株洲"'}  # and a miss
    # Plain words (a prefix search in Pagefind) find the same pages; their scores differ,
    # as Pagefind's own index also holds the titles as metadata words.
    plain = {"的", "市", "cafe", "ab"}
    tab.goto(base + "/index.html")
    answers = tab.page.evaluate(SEARCH_BOTH, sorted(queries | plain))
    found_any = sum(1 for _q, ours, _t in answers if ours)
    assert found_any >= 30, "the queries should mostly find something"
    for query, ours, theirs in answers:
        if query in plain:
            assert [url for url, _ in ours] == [url for url, _ in theirs], query
        else:
            assert ours == theirs, query
