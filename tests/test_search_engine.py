"""The search engine (templates/assets/search-engine.js) in a real browser.

The engine reads the site's Pagefind index itself. Its answers are measured against the
substring oracle of tests/test_search.py (the article pages' text; every term, without
its edge punctuation, a substring), on two sites: the sample archive (papers, kinds and
years of its own), and a synthetic archive of several months (tests/corpus.py), whose
index is one segment per month (and blocks of days in the last), so that orders, date
ranges and counts run across segments. A third small site holds text with diacritics,
Hangul and characters beyond the BMP, which Pagefind stores under other keys.

The page the engine runs on is the site's home page (it loads search-engine.js like
every page); window.ArchiveSearch is called directly.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gzip
import json
import os
import random
import re
import textwrap
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cbor2
import pytest
import test_browser
from corpus import make_corpus
from e2e_site import BuiltSite
from test_browser import Tab, open_tab
from test_search import ALNUM, Doc, Words, make_queries, normalise, oracle, read_docs

from generator.commands import build as build_command
from generator.search.segments import plan_segments

pytestmark = pytest.mark.skipif(os.environ.get("ARCHIVE_SKIP_BROWSER") == "1",
                                reason="ARCHIVE_SKIP_BROWSER=1")

browser = test_browser.browser
desktop = test_browser.desktop

SEED = int(os.environ.get("ARCHIVE_SEARCH_SEED", "20240601"))

# One engine per page, kept on window; each call a search and, when asked, its details.
SEARCH = """async ([query, options, details]) => {
    const root = document.documentElement.dataset.prefix || "";
    window.engine = window.engine || ArchiveSearch.open(root);
    const engine = await window.engine;
    const firsts = [];
    const found = await engine.search(query, {...options, onFirst: (first) => firsts.push(
        {hits: first.hits, complete: first.complete, total: first.total})});
    const items = details ? await engine.details(found.hits) : [];
    return {total: found.total, hits: found.hits, counts: found.counts, values: found.values,
            complete: found.complete, firsts,
            items: items.map((i) => ({url: i.url, date: i.date, title: i.title, paper: i.paper,
                                      kind: i.kind, page: i.page, head: i.head, body: i.body}))};
}"""


# -- sites -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def months_site(serve_build, tmp_path_factory) -> BuiltSite:
    """480 synthetic articles, 4 a day (two papers, two pages) from 2023-01-20 to
    2023-05-19, indexed in four segments: January and February, March, April, May.

    An archive's segments close at tens of thousands of articles (segments.py); here at
    100, so that a few hundred articles make several segments."""
    content = tmp_path_factory.mktemp("months-content")
    make_corpus(content, 480, papers=("许昌日报", "焦作日报"), per_page=1, pages=2,
                start=dt.date(2023, 1, 20))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(build_command, "plan_segments", functools.partial(plan_segments, size=100))
        return serve_build(content)


ODD_TEXTS = {  # (date, body): text Pagefind stores under another key than its own
    "01-01": ("2023-05-30", "我们在café见面。"),
    "01-02": ("2023-05-30", "我们在cafe见面。"),
    "01-03": ("2023-05-31", "서울에서 왔다。"),
    "01-04": ("2023-06-01", "古字𠀀𠀁出现在这里。"),
    "01-05": ("2023-06-01", "半角ｱｲｳ文字。"),
    "01-06": ("2023-06-01", "希腊街名ΟΔΟΣ与ΑΣΑ，土耳其的İstanbul。"),
}


@pytest.fixture(scope="module")
def odd_site(serve_build, tmp_path_factory) -> BuiltSite:
    content = tmp_path_factory.mktemp("odd-content")
    for name, (date, body) in ODD_TEXTS.items():
        folder = content / "ceshi" / "ribao" / date.replace("-", "/")
        folder.mkdir(parents=True, exist_ok=True)
        page, seq = name.split("-")
        (folder / f"{name}.md").write_text(textwrap.dedent(f"""\
            ---
            title: "第{seq}篇"
            byline: null
            kind: news
            city: 测试
            paper: 测试日报
            date: {date}
            page: {int(page)}
            seq: {int(seq)}
            ---

            """) + body + "\n", encoding="utf-8")
    return serve_build(content)


def engine_tab(context: Any, site: BuiltSite) -> Iterator[Tab]:
    """A page of the site (its home page), once window.ArchiveSearch is there."""
    for tab in open_tab(context):
        tab.goto(site.page_url("/"))
        tab.page.wait_for_function("typeof window.ArchiveSearch === 'object'")
        yield tab


fresh_tab = contextlib.contextmanager(engine_tab)


@pytest.fixture(scope="module")
def sample(desktop: Any, sample_site: BuiltSite) -> Iterator[Tab]:
    yield from engine_tab(desktop, sample_site)


@pytest.fixture(scope="module")
def months(desktop: Any, months_site: BuiltSite) -> Iterator[Tab]:
    yield from engine_tab(desktop, months_site)


@pytest.fixture(scope="module")
def sample_docs(sample_site: BuiltSite) -> dict[str, Doc]:
    return read_docs(sample_site)


@pytest.fixture(scope="module")
def months_docs(months_site: BuiltSite) -> dict[str, Doc]:
    return read_docs(months_site)


def search(tab: Tab, query: str, details: bool = True, **options: Any) -> dict[str, Any]:
    return tab.page.evaluate(SEARCH, [query, options, details])


def urls(found: dict[str, Any]) -> set[str]:
    return {item["url"] for item in found["items"]}


def segments(site: BuiltSite) -> list[dict[str, Any]]:
    listing = json.loads((site.root / "pagefind" / "segments.json").read_text(encoding="utf-8"))
    return listing["segments"]


def read_data(path: Path) -> Any:
    """A Pagefind data file's value: gzip of a 12-byte signature and CBOR."""
    return cbor2.loads(gzip.decompress(path.read_bytes())[12:])


def in_range(doc: Doc, start: str | None, end: str | None) -> bool:
    day = doc.date.isoformat()
    return (not start or day >= start) and (not end or day <= end)


# -- what it finds ---------------------------------------------------------------------------

@pytest.mark.parametrize("site", ["sample", "months"])
def test_the_engine_finds_exactly_the_articles_that_contain_the_query(request, site: str):
    """The query classes of test_search.py, drawn from each site's own text."""
    tab = request.getfixturevalue(site)
    docs = request.getfixturevalue(f"{site}_docs")
    queries = make_queries(docs, Words.of(docs))
    wrong = []
    for name, qs in queries.items():
        for q in qs:
            found = search(tab, q)
            got = [item["url"] for item in found["items"]]
            expected = oracle(docs, q)
            if len(got) != len(set(got)) or set(got) != expected or found["total"] != len(got):
                wrong.append(f"[{name}] {q!r}: missing {sorted(expected - set(got))}, "
                             f"extra {sorted(set(got) - expected)}, total {found['total']}")
    assert not wrong, "\n".join(wrong)
    assert sum(len(qs) for qs in queries.values()) >= 100


def test_terms_with_punctuation_inside_and_at_the_ends(sample: Tab, sample_docs: dict[str, Doc]):
    """3.8万 must occur as written; 东城区， finds what 东城区 finds."""
    decimals = sorted({m for d in sample_docs.values() for m in re.findall(r"\d+\.\d+万?", d.text)})
    inside = sorted({m for d in sample_docs.values()
                     for m in re.findall(r"(?=([^\W_]{1,3}[^\w\s][^\W_]{1,3}))", d.text)})
    # The last run cut to one character (3.8 of 3.8万): whatever word starts with it.
    cut = sorted({m for d in sample_docs.values() for m in re.findall(r"\d+\.\d(?=\d|万)", d.text)})
    qs = decimals[:4] + cut[:6] + random.Random(SEED).sample(inside, 12)
    for q in qs:
        assert urls(search(sample, q)) == oracle(sample_docs, q), q
    assert len(cut) >= 3
    word = "东城区" if oracle(sample_docs, "东城区") else decimals[0]
    plain = urls(search(sample, word))
    assert plain
    for q in (f"{word}，", f"“{word}”", f"（{word}", f"{word}。。 ，", f"《{word}》 ……"):
        assert urls(search(sample, q)) == plain, q
    assert sample.page.evaluate("q => ArchiveSearch.words(q)", f" “{word}”， 3.8万。 ，  ") == \
        [word, "3.8万"]
    empty = search(sample, " ，。 ")
    assert (empty["total"], empty["hits"], empty["complete"]) == (0, [], True)


def test_one_character_and_a_query_in_every_article(months: Tab, months_docs: dict[str, Doc]):
    counts = Counter(c for doc in months_docs.values() for c in set(doc.norm) if ALNUM.match(c))
    everywhere = sorted(c for c, n in counts.items() if n == len(months_docs))
    assert everywhere, "no character is in every article"
    for q in [*everywhere[:2], f"{everywhere[0]} {everywhere[-1]}"]:
        found = search(months, q)
        assert found["total"] == len(months_docs) == len(found["hits"])
        assert urls(found) == set(months_docs)
    rare = min(counts, key=lambda c: (counts[c], c))
    assert urls(search(months, rare)) == oracle(months_docs, rare)


def test_keys_pagefind_changes(desktop: Any, odd_site: BuiltSite):
    """café is stored under cafe, Hangul decomposed, 𠀀 is beyond the BMP: each is found
    exactly where it is written."""
    with fresh_tab(desktop, odd_site) as tab:
        def found(q: str) -> set[str]:
            return {u.rsplit("/", 2)[-2] for u in urls(search(tab, q))}

        assert found("café") == {"01-01"}
        assert found("cafe") == {"01-02"}
        assert found("caf") == {"01-01", "01-02"}
        assert found("é") == {"01-01"}
        assert found("서울") == {"01-03"}
        assert found("울") == {"01-03"}
        assert found("𠀀𠀁") == {"01-04"}
        assert found("𠀁出") == {"01-04"}
        assert found("ｱｲｳ") == {"01-05"}
        assert found("见面") == {"01-01", "01-02"}
        # Σ is σ wherever it stands (not ς at the end of a bigram); İ is i.
        for query in ("ΟΔΟΣ", "οδοσ", "ΟΣ与", "ΑΣΑ", "ασα", "Σ", "İstanbul", "istanbul"):
            assert found(query) == {"01-06"}, query
        assert found("ας") == set()
        tab.assert_clean()


# -- order, ranges, counts ---------------------------------------------------------------------

def test_newest_and_oldest_are_in_date_order_across_segments(months: Tab, months_site: BuiltSite,
                                                             months_docs: dict[str, Doc]):
    assert len(segments(months_site)) >= 4
    counts = Counter(c for doc in months_docs.values() for c in set(doc.norm) if ALNUM.match(c))
    common = max(sorted(counts), key=counts.__getitem__)
    for sort in ("newest", "oldest"):
        found = search(months, common, sort=sort)
        dates = [h["date"] for h in found["hits"]]
        assert dates == sorted(dates, reverse=sort == "newest"), sort
        assert dates == [item["date"] for item in found["items"]]
        assert urls(found) == oracle(months_docs, common)
        # The first 20 were given before the end, and are the first 20 of the end.
        assert len(found["firsts"]) == 1 and not found["firsts"][0]["complete"]
        assert found["firsts"][0]["hits"] == found["hits"][:20]
        assert found["complete"]
    newest = search(months, common, sort="newest", details=False)["hits"]
    oldest = search(months, common, sort="oldest", details=False)["hits"]
    assert newest == oldest[::-1]
    # Fewer than 20 results: still told once, with all of them.
    rare = min(counts, key=lambda c: (counts[c], c))
    few = search(months, rare, sort="newest", details=False)
    assert len(few["firsts"]) == 1 and few["firsts"][0]["hits"] == few["hits"]


def test_onfirst_comes_before_the_older_segments_are_searched(months: Tab,
                                                              months_site: BuiltSite):
    """A common word, newest first: the first 20 are known from the newest segment."""
    page = months.page
    page.evaluate("""async () => {
        window.engine = window.engine || ArchiveSearch.open("");
        await (await window.engine).search("的", {sort: "relevance"});
    }""")  # metadata and chunks of 的 loaded: what follows is the search itself
    order = page.evaluate("""async () => {
        const engine = await window.engine;
        const events = [];
        const found = await engine.search("的", {sort: "newest",
            onFirst: (first) => events.push(["first", first.hits.length, first.total])});
        events.push(["done", found.hits.length, found.total]);
        return events;
    }""")
    assert order[0][0] == "first" and order[0][1] == 20 and order[1][0] == "done"
    assert order[0][2] < order[1][2], "the first 20 were only given once every segment was in"


@pytest.mark.parametrize("span", ["year", "month", "day", "open start", "open end"])
def test_date_ranges(months: Tab, months_docs: dict[str, Doc], span: str):
    counts = Counter(c for doc in months_docs.values() for c in set(doc.norm) if ALNUM.match(c))
    common = max(sorted(counts), key=counts.__getitem__)
    start, end = {"year": ("2023-01-01", "2023-12-31"), "month": ("2023-02-01", "2023-02-28"),
                  "day": ("2023-03-15", "2023-03-15"), "open start": (None, "2023-02-10"),
                  "open end": ("2023-04-02", None)}[span]
    options = {k: v for k, v in (("from", start), ("to", end)) if v}
    words = Words.of(months_docs).words()
    half = min(sorted(w for w in words if len(w) == 2 and ALNUM.match(w)),
               key=lambda w: abs(len(oracle(months_docs, w)) - len(months_docs) // 3))
    for q in (common, half, f"{half} {common}"):
        found = search(months, q, **options)
        expected = {u for u in oracle(months_docs, q) if in_range(months_docs[u], start, end)}
        assert expected, (span, q)
        assert urls(found) == expected and found["total"] == len(expected), (span, q)
        assert all(in_range(months_docs[u], start, end) for u in urls(found))


def test_a_date_range_reads_only_its_segments(desktop: Any, months_site: BuiltSite):
    """Index chunks are fetched only from segments with dates in the range."""
    listing = segments(months_site)
    february = [s["path"] for s in listing if any(d.startswith("2023-02") for d, _ in s["days"])]
    assert len(listing) >= 4 and len(february) == 1
    with fresh_tab(desktop, months_site) as tab:
        requested: list[str] = []
        tab.page.on("request", lambda r: requested.append(r.url))
        found = search(tab, "记者", details=False, **{"from": "2023-02-03", "to": "2023-02-20"})
        assert found["total"] > 0
        chunks = [u for u in requested if u.endswith(".pf_index")]
        assert chunks and all(f"/pagefind/{february[0]}index/" in u for u in chunks), chunks


FACET_OF = {"paper": lambda d: d.paper, "kind": lambda d: d.kind,
            "year": lambda d: str(d.date.year)}


def passes(doc: Doc, chosen: dict[str, list[str]], skip: str | None = None) -> bool:
    """Whether an article has a chosen value of every facet (but skip) that has some."""
    return all(FACET_OF[f](doc) in vs for f, vs in chosen.items() if f != skip)


def test_counts_respect_the_range_and_the_other_facets(sample: Tab, sample_docs: dict[str, Doc]):
    docs = sample_docs
    q = next(w for w in ("记者", "发展", "的") if len(oracle(docs, w)) >= 10)
    matching = [docs[u] for u in oracle(docs, q)]
    paper = Counter(d.paper for d in matching).most_common(1)[0][0]
    kind = Counter(d.kind for d in matching).most_common(1)[0][0]
    year = str(max(d.date.year for d in matching))
    for chosen, start, end in (({}, None, None), ({"paper": [paper]}, None, None),
                               ({"paper": [paper], "kind": [kind]}, "2019-01-01", None),
                               ({"year": [year], "kind": [kind, "没有这类"]}, None, "2023-03-20")):
        found = search(sample, q, filters=chosen, **{k: v for k, v in (("from", start),
                                                                        ("to", end)) if v})
        ranged = [d for d in matching if in_range(d, start, end)]

        assert urls(found) == {d.url for d in ranged if passes(d, chosen)}, chosen
        for facet, value_of in FACET_OF.items():
            want = Counter(value_of(d) for d in ranged if passes(d, chosen, facet))
            got = {v: n for v, n in found["counts"][facet].items() if n}
            assert got == dict(want), (chosen, facet)
        # Every value of the index is listed, counted or not.
        assert set(found["values"]["paper"]) == {d.paper for d in docs.values()}
        assert set(found["values"]["kind"]) == {d.kind for d in docs.values()}
        assert set(found["values"]["year"]) == {str(d.date.year) for d in docs.values()}
        assert all(set(found["counts"][f]) == set(found["values"][f]) for f in FACET_OF)


def test_relevance_puts_headline_matches_first(sample: Tab, sample_docs: dict[str, Doc]):
    """A word in some headlines and in other articles' text only: headlines first."""
    words = Words.of(sample_docs).words()
    for word in sorted(w for w in words if len(w) == 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w)):
        found = search(sample, word)
        titled = [normalise(word) in normalise(item["title"]) for item in found["items"]]
        if 0 < sum(titled) < len(titled) and len(titled) >= 4:
            break
    else:
        pytest.fail("no word in some headlines and some texts only")
    assert titled == sorted(titled, reverse=True), (word, titled)


# -- what it downloads and how it reads ----------------------------------------------------------

def test_details_fetch_only_the_requested_fragments(desktop: Any, months_site: BuiltSite):
    with fresh_tab(desktop, months_site) as tab:
        requested: list[str] = []
        tab.page.on("request", lambda r: requested.append(r.url))
        found = search(tab, "记者", details=False, sort="newest")
        assert found["total"] > 3
        assert not [u for u in requested if u.endswith(".pf_fragment")], "a search loaded fragments"
        items = tab.page.evaluate("""async (hits) => {
            const engine = await window.engine;
            return engine.details(hits);
        }""", found["hits"][:3])
        fragments = [u for u in requested if u.endswith(".pf_fragment")]
        assert len(fragments) == 3
        assert [i["date"] for i in items] == [h["date"] for h in found["hits"][:3]]
        for item in items:
            assert item["url"].endswith("/") and item["title"] and item["paper"]
            assert item["page"] in {"1", "2"} and item["kind"] == "消息"
            assert "记者" in item["head"], "the byline is in the head"
            assert not item["body"].startswith("本报讯") and "␞" not in item["body"]
        tab.assert_clean()


def test_items_read_as_the_article(sample: Tab, sample_docs: dict[str, Doc]):
    """head + body is the article's text (its spaces aside); the body alone has no headline."""
    found = search(sample, "的")
    assert len(found["items"]) >= 20
    for item in found["items"]:
        doc = sample_docs[item["url"]]
        flat = re.sub(r"\s+", "", doc.text)
        assert re.sub(r"\s+", "", item["head"] + item["body"]) == flat, item["url"]
        # An untitled article has no title in the index (the site shows its first words).
        assert item["body"], item["url"]
        assert item["title"] == "" or not item["body"].startswith(item["title"]), item["url"]
        assert item["page"] == str(doc.page) and item["paper"] == doc.paper
        assert item["date"] == doc.date.isoformat() and item["kind"] == doc.kind


def test_a_term_with_punctuation_reads_the_fragments_of_its_candidates_only(
        desktop: Any, sample_site: BuiltSite, sample_docs: dict[str, Doc]):
    """Positions narrow 1.5 to the articles where 1, a mark and a word starting with 5
    stand in a row: only those articles' fragments are read to see the mark."""
    decimals = sorted({m for d in sample_docs.values()
                       for m in re.findall(r"\d\.\d(?=\d|万)", d.text)})
    with fresh_tab(desktop, sample_site) as tab:
        requested: list[str] = []
        tab.page.on("request", lambda r: requested.append(r.url))
        for q in decimals[:5]:
            before = len(requested)
            found = search(tab, q, details=False)
            fetched = [u for u in requested[before:] if u.endswith(".pf_fragment")]
            assert found["total"] == len(oracle(sample_docs, q)) > 0, q
            assert len(fetched) <= found["total"] + 2, (q, len(fetched))


def test_files_the_server_already_unpacked(desktop: Any, sample_site: BuiltSite,
                                           sample_docs: dict[str, Doc]):
    """A server that sends the .pf_ files gunzipped (as with Content-Encoding: gzip)."""
    def unpacked(route: Any) -> None:
        path = sample_site.docroot / route.request.url.split("/", 3)[3].split("?")[0]
        route.fulfill(body=gzip.decompress(path.read_bytes()))

    with fresh_tab(desktop, sample_site) as tab:
        tab.page.route(re.compile(r"\.pf_(meta|index|filter|fragment)$"), unpacked)
        for q in ("记者", "3.8万"):
            assert urls(search(tab, q)) == oracle(sample_docs, q)
        tab.assert_clean()


def test_the_chunk_of_every_word(months: Tab, months_site: BuiltSite):
    """Each word of each index chunk is looked for in that chunk (Pagefind names chunks by
    prefixes of their first words)."""
    cases = []
    for segment in segments(months_site):
        bundle = months_site.root / "pagefind" / segment["path"]
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        meta = read_data(bundle / f"pagefind.{entry['languages']['zh']['hash']}.pf_meta")
        froms = [c[0] for c in meta[2]]
        for at, (_, _, digest) in enumerate(meta[2]):
            words = [w[0] for w in read_data(bundle / "index" / f"{digest}.pf_index")[0]]
            cases.append((froms, words, at))
    assert sum(len(c[0]) > 1 for c in cases) >= 4, "the test needs segments of several chunks"
    wrong = months.page.evaluate("""(cases) => cases.flatMap(([froms, words, at]) =>
        words.filter((w) => ArchiveSearch.internals.chunkOf(froms, w) !== at))""", cases)
    assert not wrong


def test_strings_compare_by_code_point(sample: Tab):
    pairs = [("\uffff", "\U00020000"), ("ｱ", "𠀀"), ("a", "ab"), ("东", "东城"), ("", "a"),
             ("\U00020000", "\U00020001"), ("z", "é")]
    signs = sample.page.evaluate("""(pairs) => pairs.map(([a, b]) =>
        Math.sign(ArchiveSearch.internals.compareCodePoints(a, b)))""", pairs)
    assert signs == [-1] * len(pairs)
    froms = ["0", "东", "ｱ", "𠀀"]
    assert sample.page.evaluate("""(froms) => ["/", "0", "东城", "ｲ", "𠀁", "\\uffff"]
        .map((w) => ArchiveSearch.internals.chunkOf(froms, w))""", froms) == [-1, 0, 1, 2, 3, 2]


def test_cbor(sample: Tab):
    values = [0, 23, 24, 255, 256, 65535, 65536, 2**32 - 1, 2**32, 2**53 - 1, -1, -24, -25,
              -256, -2**32, "", "东城区𠀀", [], [1, [2, ["三"]]], {"a": [1]}, b"\x00\x01"]
    decoded = sample.page.evaluate("""(data) => data.map((bytes) => {
        const v = ArchiveSearch.internals.decodeCbor(new Uint8Array(bytes));
        return v instanceof Map ? Object.fromEntries(v)
            : v instanceof Uint8Array ? {bytes: Array.from(v)} : v;
    })""", [list(cbor2.dumps(v)) for v in values])
    assert decoded[:-1] == values[:-1]
    assert decoded[-1] == {"bytes": [0, 1]}
    refused = sample.page.evaluate("""(data) => data.map((bytes) => {
        try { ArchiveSearch.internals.decodeCbor(new Uint8Array(bytes)); return null; }
        catch (e) { return e.message; }
    })""", [list(cbor2.dumps(1.5)), list(cbor2.dumps(True)), [0x9f, 0x01, 0xff],
            list(cbor2.dumps(cbor2.CBORTag(1, 0))), [0x82, 0x01]])
    assert all(refused), refused


def test_hits_marks_the_terms(sample: Tab):
    cases = [("东城区的东城区", "东城区", [[0, 3], [4, 7]]),
             ("ＯＤＲ和odr", "odr", [[0, 3], [4, 7]]),
             ("3.8万株，3.8万", "“3.8万”，", [[0, 4], [6, 10]]),
             ("东城区", "东城 城区", [[0, 2]]),
             ("abc", "，", [])]
    got = sample.page.evaluate("""(cases) => cases.map(([text, q]) =>
        ArchiveSearch.hits(text, q))""", cases)
    assert got == [c[2] for c in cases]


def test_parse_builds_phrases_of_bigrams(sample: Tab):
    parsed = sample.page.evaluate("""(qs) => qs.map((q) => ArchiveSearch.internals.parse(q))""",
                                  ["东城区", "区", "3.8万", "a-b-cd，", "Ｏdr", "1.5", "12.5 两地"])
    assert parsed[0] == {"clauses": [[["东城", 0], ["城区", 1]]], "exact": []}
    assert parsed[1] == {"clauses": [[["区", 0]]], "exact": []}
    assert parsed[2] == {"clauses": [[["3", 0], ["8万", 2]]], "exact": ["3.8万"]}
    assert parsed[3] == {"clauses": [[["a", 0], ["b", 2], ["cd", 4]]], "exact": ["a-b-cd"]}
    assert parsed[4] == {"clauses": [[["od", 0], ["dr", 1]]], "exact": []}
    # The last run, one character, is the start of whatever word stands there.
    assert parsed[5] == {"clauses": [[["1", 0], ["5", 2, True]]], "exact": ["1.5"]}
    assert parsed[6] == {"clauses": [[["12", 0], ["2", 1], ["5", 3, True]], [["两地", 0]]],
                         "exact": ["12.5"]}


def test_segments_listing_matches_the_index(months_site: BuiltSite):
    """What the engine relies on: pages in date order, days adding up, dates not overlapping."""
    listing = segments(months_site)
    last = ""
    for segment in listing:
        days = [d for d, _ in segment["days"]]
        assert days == sorted(days) and days[0] > last
        assert sum(n for _, n in segment["days"]) == segment["pages"]
        last = days[-1]
    assert Path(months_site.root / "pagefind" / "segments.json").is_file()
