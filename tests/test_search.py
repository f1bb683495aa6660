"""Full-text search in a real browser, measured against a substring oracle.

The sample archive is built and served on 127.0.0.1 (tests/conftest.py). The oracle
reads the text inside every article page's data-pagefind-body element, as a browser's
textContent would, and says which articles contain a query: every space-separated term
as a substring, after NFKC normalisation and lower-casing of text and query. The site's
answer is window.archiveSearch(q) on /search/. Queries are drawn reproducibly
(random.Random(SEED)) from the articles' own text, in classes: 2-character words, 3–4
character words, 5–10 character phrases, person names from bylines, substrings inside
words, substrings across word boundaries, digits and Latin runs (with full-width and
case variants), and multi-term queries.

Then the search page as a reader uses it: results, excerpts, filters, sorting, the
header search box, the highlighted article, and the keyboard. Last, the cases that
were bugs once: terms with punctuation inside, metadata that must not be searchable,
filter counts of multi-term queries, highlighting with the search's normalisation,
spaces kept in excerpts, and terms that must not run across a space or a paragraph.

ARCHIVE_SEARCH_SEED=N draws another query set.

Like tests/test_browser.py: Chromium must be at /usr/bin/chromium; these tests are
skipped only when ARCHIVE_SKIP_BROWSER=1.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import pairwise
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import jieba
import pytest
import test_browser
import yaml
from e2e_site import BuiltSite
from test_browser import Tab, open_tab

from generator.site.render import kind_name

pytestmark = pytest.mark.skipif(os.environ.get("ARCHIVE_SKIP_BROWSER") == "1",
                                reason="ARCHIVE_SKIP_BROWSER=1")

# The browser fixtures of tests/test_browser.py (Chromium missing → a clear failure).
browser = test_browser.browser
desktop = test_browser.desktop
tab = test_browser.tab

SEED = int(os.environ.get("ARCHIVE_SEARCH_SEED", "20240601"))  # another seed, other queries
PER_CLASS = 15
MIN_RECALL = 0.99
MIN_PRECISION = 0.98

ARTICLE_PATH = re.compile(
    r"^([a-z0-9-]*[a-z][a-z0-9-]*/[a-z0-9-]*[a-z][a-z0-9-]*/\d{4}/\d{2}/\d{2}/\d+-\d+)/index\.html$")
ALNUM = re.compile(r"[^\W_]")  # what the search counts as a character: letter or digit
RUN = re.compile(r"[^\W_]+")  # text without punctuation or spaces
HAN_WORD = re.compile(r"[\u3400-\u9fff]+")
LATIN_DIGITS = re.compile(r"[0-9A-Za-z]+")  # 12315, ODR, App, Y026
SPACED_HAN = re.compile(r"[\u3400-\u9fff] [\u3400-\u9fff] [\u3400-\u9fff]")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}

jieba.setLogLevel(logging.WARNING)


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def full_width(text: str) -> str:
    """ODR → ＯＤＲ, 12315 → １２３１５."""
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in text)


def squeeze(text: str) -> str:
    """Whitespace runs → one space (how text reads, whatever the markup's line breaks)."""
    return re.sub(r"\s+", " ", text).strip()


# -- what the built site says ------------------------------------------------------------

class BodyText(HTMLParser):
    """The textContent of the data-pagefind-body element, the bylines inside it, and its
    .article-body (the printed body: no headline, no byline)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # >0: inside the body element
        self.bodies = 0
        self.parts: list[str] = []
        self.byline_depth = 0
        self.bylines: list[list[str]] = []
        self.article_depth = 0  # >0: inside .article-body
        self.article_parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        if self.depth:
            self.depth += 1
            classes = (dict(attrs).get("class") or "").split()
            if self.byline_depth:
                self.byline_depth += 1
            elif "byline" in classes:
                self.byline_depth = 1
                self.bylines.append([])
            if self.article_depth:
                self.article_depth += 1
            elif "article-body" in classes:
                self.article_depth = 1
        elif any(name == "data-pagefind-body" for name, _ in attrs):
            self.depth = 1
            self.bodies += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not self.depth:
            return
        self.depth -= 1
        if self.byline_depth:
            self.byline_depth -= 1
        if self.article_depth:
            self.article_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)
            if self.byline_depth:
                self.bylines[-1].append(data)
            if self.article_depth:
                self.article_parts.append(data)


@dataclass
class Doc:
    url: str  # site path, e.g. /xuchang/ribao/2023/03/23/06-02/
    text: str  # textContent of [data-pagefind-body]
    bylines: list[str]
    paper: str
    date: dt.date
    page: int
    kind: str  # as the site names it (消息, 简讯…)
    inferred: tuple[str, ...] = ()  # the fields that are estimates, marked （推断）
    untitled: bool = False  # the paper printed no headline
    body: str = ""  # textContent of .article-body: the text without headline and byline
    norm: str = field(init=False)

    def __post_init__(self) -> None:
        self.norm = normalise(self.text)

    @property
    def meta_line(self) -> str:
        def mark(field: str) -> str:
            return "（推断）" if field in self.inferred else ""

        day = f"{self.date.year}年{self.date.month}月{self.date.day}日"
        return (f"{self.paper}{mark('paper')} · {day}{mark('date')} · "
                f"第{self.page:02d}版{mark('page')} · {self.kind}")


def read_docs(site: BuiltSite) -> dict[str, Doc]:
    docs: dict[str, Doc] = {}
    for path in sorted(site.root.rglob("index.html")):
        match = ARTICLE_PATH.match(path.relative_to(site.root).as_posix())
        if not match:
            continue
        parser = BodyText()
        parser.feed(path.read_text(encoding="utf-8"))
        parser.close()
        rel = match.group(1)
        assert parser.bodies == 1, f"{path}: {parser.bodies} data-pagefind-body elements"
        _, front, _ = (site.content / f"{rel}.md").read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(front)
        url = f"{site.prefix}/{rel}/"
        docs[url] = Doc(url, "".join(parser.parts), ["".join(b) for b in parser.bylines],
                        meta["paper"], meta["date"], int(meta["page"]), kind_name(meta["kind"]),
                        tuple(meta.get("inferred") or ()), not meta.get("title"),
                        body="".join(parser.article_parts))
    assert len(docs) >= 20, f"only {len(docs)} article pages in the sample site"
    return docs


def meta_date(meta: str) -> str:
    """The date of a result's meta line (2023年3月5日) as 2023-03-05."""
    y, m, d = re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", meta).groups()
    return f"{y}-{int(m):02d}-{int(d):02d}"


def oracle(docs: dict[str, Doc], query: str) -> set[str]:
    """The articles containing every term of the query (terms without a character ignored)."""
    terms = [t for t in normalise(query).split() if ALNUM.search(t)]
    if not terms:
        return set()
    return {url for url, doc in docs.items() if all(t in doc.norm for t in terms)}


# -- the queries -------------------------------------------------------------------------

@dataclass
class Words:
    """Every article's runs of letters/digits, cut into words by jieba."""

    runs: list[tuple[str, list[int]]]  # (run, word boundaries inside it: offsets 0..len)

    @classmethod
    def of(cls, docs: dict[str, Doc]) -> Words:
        runs = []
        for doc in docs.values():
            for run in RUN.findall(doc.text):
                cuts = sorted({0, len(run)} | {end for _, _, end in jieba.tokenize(run)})
                runs.append((run, cuts))
        return cls(runs)

    def words(self) -> set[str]:
        return {run[a:b] for run, cuts in self.runs for a, b in pairwise(cuts)}


def han(words: set[str], lo: int, hi: int) -> list[str]:
    return sorted(w for w in words if lo <= len(w) <= hi and HAN_WORD.fullmatch(w))


def pick(rng: random.Random, pool: list[str] | set[str], n: int = PER_CLASS) -> list[str]:
    pool = sorted(set(pool))
    return rng.sample(pool, min(n, len(pool)))


def byline_names(docs: dict[str, Doc]) -> set[str]:
    """Person names in bylines: 2–3 Han characters after 记者/通讯员/实习生 or on their own."""
    names = set()
    for doc in docs.values():
        for byline in doc.bylines:
            text = re.sub(r"新华社.*?电|本报讯|本报记者|本报|[()（）]", " ", byline)
            for chunk in re.split(r"记者|通讯员|实习生|[\s、，,]+", text):
                chunk = re.sub(r"摄$", "", chunk)
                if 2 <= len(chunk) <= 3 and HAN_WORD.fullmatch(chunk):
                    names.add(chunk)
    return names


def make_queries(docs: dict[str, Doc], words: Words) -> dict[str, list[str]]:
    rng = random.Random(SEED)
    vocabulary = words.words()
    queries: dict[str, list[str]] = {}

    queries["2-char words"] = pick(rng, han(vocabulary, 2, 2))
    queries["3-4 char words"] = pick(rng, han(vocabulary, 3, 4))

    phrases = set()  # runs of 2+ whole words, 5–10 characters
    for run, cuts in words.runs:
        for i, a in enumerate(cuts):
            for b in cuts[i + 2:]:
                if 5 <= b - a <= 10 and HAN_WORD.fullmatch(run[a:b]):
                    phrases.add(run[a:b])
    queries["5-10 char phrases"] = pick(rng, phrases | set(han(vocabulary, 5, 10)))

    queries["byline names"] = pick(rng, byline_names(docs))

    inside = set()  # proper substrings of a word, 2+ characters
    for word in han(vocabulary, 3, 10):
        length = rng.randint(2, len(word) - 1)
        start = rng.randint(0, len(word) - length)
        inside.add(word[start:start + length])
    queries["inside a word"] = pick(rng, inside)

    across = set()  # windows that start or end inside a word
    runs = [(run, cuts) for run, cuts in words.runs if len(run) >= 3]
    for _ in range(100_000):
        if len(across) == PER_CLASS:
            break
        run, cuts = rng.choice(runs)
        length = rng.randint(2, min(6, len(run)))
        start = rng.randint(0, len(run) - length)
        if any(start < c < start + length for c in cuts) and not (
                start in cuts and start + length in cuts):
            across.add(run[start:start + length])
    queries["across words"] = pick(rng, across)

    found = {m for doc in docs.values() for m in LATIN_DIGITS.findall(doc.text)}
    examples = [x for x in ("ODR", "App", "12315", "2023") if x in found]
    latin = examples[:2] + pick(rng, {r for r in found if r.isalpha() and len(r) >= 2}
                                  - set(examples), 3)
    digits = examples[2:] + pick(rng, {r for r in found if r.isdigit() and len(r) >= 2}
                                 - set(examples), 5)
    mixed = pick(rng, {r for r in found if not r.isalpha() and not r.isdigit()}, 2)  # Y026
    variants = [full_width(x) for x in latin[:2] + digits[:2]]  # ＯＤＲ, １２３１５
    variants += [x.swapcase() for x in latin[:2]]  # odr, aPP
    queries["digits, Latin"] = latin + digits + mixed + variants

    def window(run: str, lo: int, hi: int) -> str:
        length = rng.randint(lo, min(hi, len(run)))
        start = rng.randint(0, len(run) - length)
        return run[start:start + length]

    multi = []
    for _ in range(10):  # two windows of one article: found at least there
        run_a, _ = rng.choice(runs)
        doc = next(d for d in docs.values() if run_a in d.text)
        run_b = rng.choice([r for r in RUN.findall(doc.text) if len(r) >= 2])
        multi.append(f"{window(run_a, 2, 4)} {window(run_b, 2, 4)}")
    for _ in range(3):  # windows of two articles: often found nowhere
        (run_a, _), (run_b, _) = rng.sample(runs, 2)
        multi.append(f"{window(run_a, 2, 4)} {window(run_b, 2, 4)}")
    multi.append(f"  {multi[0].replace(' ', '   ')} ")  # extra spaces
    multi.append(f"{multi[1]} ，")  # a term of punctuation only is ignored
    queries["multi-term"] = multi
    return queries


# -- fixtures ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def docs(sample_site: BuiltSite) -> dict[str, Doc]:
    return read_docs(sample_site)


@pytest.fixture(scope="module")
def words(docs: dict[str, Doc]) -> Words:
    return Words.of(docs)


@pytest.fixture(scope="module")
def queries(docs: dict[str, Doc], words: Words) -> dict[str, list[str]]:
    return make_queries(docs, words)


@pytest.fixture(scope="module")
def searcher(desktop: Any, sample_site: BuiltSite) -> Iterator[Tab]:
    """One /search/ page for all the measurements: window.archiveSearch is loaded once."""
    for search_tab in open_tab(desktop):
        search_tab.goto(sample_site.page_url("/search/"))
        search_tab.page.wait_for_function("typeof window.archiveSearch === 'function'")
        yield search_tab


def ask(searcher: Tab, query: str) -> list[str]:
    """The site's answer: the URL paths window.archiveSearch gives for the query."""
    return searcher.page.evaluate("q => window.archiveSearch(q)", query)


@pytest.fixture(scope="module")
def answers(searcher: Tab, queries: dict[str, list[str]]) -> dict[str, list[str]]:
    found = {q: ask(searcher, q) for q in sorted({q for qs in queries.values() for q in qs})}
    searcher.assert_clean()
    return found


# -- 1. recall and precision -------------------------------------------------------------

def test_search_finds_exactly_the_articles_that_contain_the_query(
        docs: dict[str, Doc], queries: dict[str, list[str]], answers: dict[str, list[str]]):
    rows = []
    misses = []
    total = [0, 0, 0, 0]  # queries, true positives, expected, found
    for name, qs in queries.items():
        tp = expected_n = found_n = 0
        for q in qs:
            expected, found = oracle(docs, q), answers[q]
            if len(found) != len(set(found)):
                misses.append(f"[{name}] {q!r}: duplicate results {sorted(found)}")
            tp += len(expected & set(found))
            expected_n += len(expected)
            found_n += len(found)
            misses += [f"[{name}] {q!r}: missing {url}" for url in sorted(expected - set(found))]
            misses += [f"[{name}] {q!r}: extra {url}" for url in sorted(set(found) - expected)]
        rows.append((name, len(qs), tp, expected_n, found_n))
        total = [total[0] + len(qs), total[1] + tp, total[2] + expected_n, total[3] + found_n]
    rows.append(("all", *total))

    lines = [f"{'class':<20}{'queries':>8}{'expected':>10}{'found':>7}{'recall':>9}"
             f"{'precision':>11}"]
    failing = []
    for name, n, tp, expected_n, found_n in rows:
        recall = tp / expected_n if expected_n else 1.0
        precision = tp / found_n if found_n else 1.0
        lines.append(f"{name:<20}{n:>8}{expected_n:>10}{found_n:>7}{recall:>9.3f}"
                     f"{precision:>11.3f}")
        if recall < MIN_RECALL or precision < MIN_PRECISION:
            failing.append(name)
    table = "\n".join(lines)
    print("\n" + table)
    assert not failing and not misses, (
        f"search disagrees with the substring oracle in {failing or 'no class'} "
        f"(need recall >= {MIN_RECALL}, precision >= {MIN_PRECISION}):\n{table}\n"
        + "\n".join(misses))
    # The classes are not empty: every class has queries, most of them found somewhere.
    for name, qs in queries.items():
        assert len(qs) >= 10, f"class {name} has only {len(qs)} queries"
        assert sum(bool(answers[q]) for q in qs) >= len(qs) // 2, f"class {name}: mostly empty"


def test_full_width_and_case_variants_find_the_same(queries: dict[str, list[str]],
                                                   answers: dict[str, list[str]]):
    """ＯＤＲ, odr and ODR are one query; so are １２３１５ and 12315."""
    runs = queries["digits, Latin"]
    pairs = [(q, base) for q in runs
             for base in [next(p for p in runs if normalise(p) == normalise(q))] if base != q]
    assert len(pairs) >= 4, pairs
    for q, base in pairs:
        assert answers[q], f"{q!r} finds nothing"
        assert sorted(answers[q]) == sorted(answers[base]), \
            f"{q!r} finds {answers[q]}, {base!r} finds {answers[base]}"


# -- 2. the search page ------------------------------------------------------------------

def results(tab: Tab) -> list[dict[str, Any]]:
    """The results list as shown, once the search is over (counted, filters filled in):
    title, link, meta line, excerpt text and its marks."""
    tab.page.wait_for_function("""() => {
        const status = document.getElementById('search-status').textContent;
        const list = document.getElementById('search-results');
        return list.getAttribute('aria-busy') === 'false' && (/^没有/.test(status)
            || (/^找到/.test(status) && list.querySelector(':scope > li')
                && document.querySelector('#search-filters fieldset:not([hidden])')));
    }""")
    return tab.page.evaluate("""() => [...document.querySelectorAll('#search-results > li')]
        .map(li => {
            const a = li.querySelector('h2 a');
            const ex = li.querySelector('.excerpt');
            // runs of adjacent <mark>s (nothing between them) read as one highlighted word
            const runs = [];
            let last = null;
            for (const node of ex ? ex.childNodes : []) {
                if (node.nodeName === 'MARK') {
                    if (last === 'MARK') runs[runs.length - 1] += node.textContent;
                    else runs.push(node.textContent);
                }
                if (node.nodeName === 'MARK' || node.textContent !== '') last = node.nodeName;
            }
            return {title: a ? a.textContent : '', href: a ? a.getAttribute('href') : '',
                    meta: (li.querySelector('.muted') || {}).textContent || '',
                    excerpt: ex ? ex.textContent : '', runs,
                    marks: ex ? [...ex.querySelectorAll('mark')].map(m => m.textContent) : []};
        })""")


def status(tab: Tab) -> str:
    return tab.page.locator("#search-status").inner_text().strip()


def result_path(href: str) -> str:
    return urlsplit(href).path


@pytest.fixture(scope="module")
def word(docs: dict[str, Doc], words: Words) -> str:
    """A word found in 4–12 articles of both papers and more than one year.

    Of those, the one with the most distinct dates (then the first in code point order).
    """
    candidates = []
    for w in han(words.words(), 2, 3):
        found = [docs[u] for u in oracle(docs, w)]
        if 4 <= len(found) <= 12 and len({d.paper for d in found}) > 1 \
                and len({d.date.year for d in found}) > 1:
            candidates.append((-len({d.date for d in found}), w))
    assert candidates, "no word of the sample archive is in several papers and years"
    return min(candidates)[1]


def check_results(shown: list[dict[str, Any]], docs: dict[str, Doc], query: str,
                  expected: set[str]) -> None:
    assert {result_path(r["href"]) for r in shown} == expected
    assert len(shown) == len(expected), "an article is listed twice"
    needle = normalise(query)
    for r in shown:
        doc = docs[result_path(r["href"])]
        where = f"result {r['href']}"
        body = normalise(doc.body)
        assert r["title"].strip(), f"{where}: no title"
        assert r["href"] == f"{doc.url}?q={quote(query, safe='')}", where
        if r["title"].startswith("原版未印标题"):
            # No headline was printed: the label is the body's first words, never a
            # made-up title.
            lead = normalise(r["title"].removeprefix("原版未印标题").removesuffix("…"))
            assert doc.untitled and body.strip().startswith(lead.strip()), \
                f"{where}: label {r['title']!r} is not the start of the body"
        else:
            assert not doc.untitled, f"{where}: {r['title']!r} for an untitled article"
            assert r["title"] in doc.text, f"{where}: title {r['title']!r} is not the article's"
        assert r["meta"] == doc.meta_line, f"{where}: {r['meta']!r} != {doc.meta_line!r}"
        # The excerpt is the body's text around the query, or the body's start when the
        # query is only in the headline or byline (shown above the excerpt).
        if needle in body:
            assert r["marks"], f"{where}: excerpt {r['excerpt']!r} highlights nothing"
            assert needle in [normalise(run) for run in r["runs"]], \
                f"{where}: {query!r} is not highlighted as a whole in {r['excerpt']!r} " \
                f"({r['runs']})"
        for mark in r["marks"]:
            assert set(normalise(mark)) <= set(needle), \
                f"{where}: <mark>{mark}</mark> is not part of {query!r}"
        assert not SPACED_HAN.search(r["excerpt"]), \
            f"{where}: excerpt has spaces between characters: {r['excerpt']!r}"
        # An excerpt cut out of the text says so with … (... once normalised) at its ends.
        flat = re.sub(r"\s+", "", normalise(r["excerpt"])).removeprefix("...").removesuffix("...")
        assert flat and flat in re.sub(r"\s+", "", body), \
            f"{where}: excerpt {r['excerpt']!r} is not the article's body text"


def test_results_filters_and_sorting(tab: Tab, sample_site: BuiltSite, docs: dict[str, Doc],
                                     word: str):
    """/search/?q=word: every result, its excerpt, the filter counts, filtering, sorting."""
    page = tab.page
    expected = oracle(docs, word)
    tab.goto(sample_site.page_url(f"/search/?q={quote(word)}"))
    shown = results(tab)
    assert status(tab) == f"找到 {len(expected)} 篇文章"
    check_results(shown, docs, word, expected)
    assert page.locator("#search-q").input_value() == word

    # Every filter group counts every result once.
    counts = page.evaluate("""() => [...document.querySelectorAll('#search-filters input')]
        .map(c => [c.name, c.value, c.labels[0].textContent])""")
    for key, value_of in (("paper", lambda d: d.paper), ("year", lambda d: str(d.date.year))):
        want = {}
        for url in expected:
            want[value_of(docs[url])] = want.get(value_of(docs[url]), 0) + 1
        got = {v: int(re.search(r"（(\d+)）", label).group(1))
               for k, v, label in counts if k == key}
        assert got == want, f"{key} filter counts {got}, results say {want}"

    # A year filter: ticking it changes nothing until 应用; then the URL has it and the
    # list has that year's articles.
    years = sorted({docs[u].date.year for u in expected})
    year = str(years[0])
    before = page.url
    page.locator(f"#search-filters input[name='year'][value='{year}']").click()
    page.wait_for_timeout(300)
    assert page.url == before, "ticking a filter ran the search"
    assert page.locator("#search-pending").inner_text() == "尚未应用"
    page.locator("#search-apply").click()
    page.wait_for_url(re.compile(r"[?&]year=" + year))
    assert parse_qs(urlsplit(page.url).query)["q"] == [word]
    filtered = results(tab)
    want = {u for u in expected if str(docs[u].date.year) == year}
    assert 0 < len(filtered) <= len(shown)
    check_results(filtered, docs, word, want)
    assert all(f" · {year}年" in r["meta"] for r in filtered)
    assert page.locator(f"#search-filters input[name='year'][value='{year}']").is_checked()
    assert status(tab) == f"找到 {len(want)} 篇文章"

    # …and a paper filter on top of it narrows further (or not at all).
    paper = docs[min(want)].paper
    page.locator(f"#search-filters input[name='paper'][value='{paper}']").click()
    page.locator("#search-apply").click()
    page.wait_for_url(re.compile(r"[?&]paper="))
    both = results(tab)
    want_both = {u for u in want if docs[u].paper == paper}
    check_results(both, docs, word, want_both)

    # Sorting by date, newest first, on the unfiltered results: chosen, then applied.
    tab.goto(sample_site.page_url(f"/search/?q={quote(word)}"))
    results(tab)
    page.locator("#search-sort").select_option("newest")
    page.wait_for_timeout(300)
    assert "sort=" not in page.url, "choosing a sort ran the search"
    page.locator("#search-apply").click()
    page.wait_for_url(re.compile(r"[?&]sort=newest"))
    by_date = results(tab)
    check_results(by_date, docs, word, expected)
    dates = [meta_date(r["meta"]) for r in by_date]
    assert dates == sorted(dates, reverse=True), f"not newest first: {dates}"
    assert len(set(dates)) > 1, "the sort test needs results of several dates"
    assert page.locator("#search-sort").input_value() == "newest"
    tab.assert_clean()


def test_a_common_query_is_counted_whole_and_listed_20_at_a_time(
        tab: Tab, sample_site: BuiltSite, docs: dict[str, Doc]):
    """A very common query, newest first: the count is every result, the list comes 20
    at a time (显示更多结果), month shard after month shard, in date order."""
    counts = Counter(c for doc in docs.values() for c in set(doc.norm) if ALNUM.match(c))
    char = max(sorted(counts), key=counts.__getitem__)
    expected = oracle(docs, char)
    assert len(expected) > 40, "the test needs a query with more than two pages of results"
    tab.goto(sample_site.page_url(f"/search/?q={quote(char)}&sort=newest"))
    assert len(results(tab)) == 20
    assert status(tab) == f"找到 {len(expected)} 篇文章"
    more = tab.page.locator("#search-more")
    for shown_before in (20, 40):
        more.click()
        tab.page.wait_for_function(
            "n => document.querySelectorAll('#search-results > li').length > n", arg=shown_before)
        # The focus moves to the first of the new results.
        assert tab.page.evaluate(
            "n => document.activeElement === document.querySelectorAll("
            "'#search-results > li')[n].querySelector('a')", shown_before)
    assert not more.is_visible()
    shown = results(tab)
    assert [result_path(r["href"]) for r in shown] and \
        {result_path(r["href"]) for r in shown} == expected
    assert len(shown) == len(expected)
    dates = [meta_date(r["meta"]) for r in shown]
    assert dates == sorted(dates, reverse=True), f"not newest first: {dates}"
    assert len({d[:7] for d in dates}) > 2, "the test needs results in several shards"
    tab.assert_clean()


def test_header_search_box_and_opening_a_result(tab: Tab, sample_site: BuiltSite,
                                                docs: dict[str, Doc], word: str):
    page = tab.page
    other = min(docs)  # any article page: its header has the site's search box
    tab.goto(sample_site.page_url(other))
    box = page.locator("header #site-search")
    box.fill(word)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?"))
    assert tab.path() == sample_site.prefix + "/search/"
    assert parse_qs(urlsplit(page.url).query)["q"] == [word]
    shown = results(tab)
    assert status(tab) == f"找到 {len(oracle(docs, word))} 篇文章"

    first = shown[0]
    page.locator("#search-results > li h2 a").first.click()
    page.wait_for_url(re.compile(r"\?q="))
    assert tab.path() == result_path(first["href"])
    assert parse_qs(urlsplit(page.url).query)["q"] == [word]
    marks = page.locator("[data-pagefind-body] mark").all_inner_texts()
    assert marks, f"{first['href']}: the query {word!r} is not highlighted in the article"
    assert set(marks) == {word}, marks
    # The marks are only wrapped around the text: the article reads as before.
    text = page.locator("[data-pagefind-body]").text_content()
    assert squeeze(text) == squeeze(docs[tab.path()].text)
    tab.assert_clean()


# -- 3. the keyboard ---------------------------------------------------------------------

FOCUSED = """() => {
    const el = document.activeElement;
    return {tag: el.tagName, id: el.id || '', href: el.getAttribute('href') || '',
            inResults: !!el.closest('#search-results')};
}"""


def test_search_page_works_from_the_keyboard(tab: Tab, sample_site: BuiltSite,
                                             docs: dict[str, Doc], word: str):
    page = tab.page
    tab.goto(sample_site.page_url("/search/"))
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED)["id"] == "search-q":
            break
    else:
        pytest.fail("10 Tab presses did not reach the search box #search-q")
    page.keyboard.type(word)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    shown = results(tab)
    assert len(shown) == len(oracle(docs, word))
    # The search ran in the page: the focus is still in the search box.
    assert page.evaluate(FOCUSED)["id"] == "search-q"

    # From the search box, Tab goes through the panel's controls, then every result in
    # order.
    stops = [page.evaluate(FOCUSED)]
    for _ in range(60):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUSED)
        if focus["tag"] == "BODY":
            break
        if focus != stops[-1]:
            stops.append(focus)
        if focus["inResults"] and focus["href"] == shown[-1]["href"]:
            break
    ids = [s["id"] for s in stops]
    links = [s["href"] for s in stops if s["inResults"]]
    assert "search-q" in ids, f"Tab never reached #search-q: {stops}"
    assert links == [r["href"] for r in shown], f"result links in Tab order: {links}"
    first_link = next(i for i, s in enumerate(stops) if s["inResults"])
    assert ids.index("search-q") < first_link, "the search box comes after the results"
    for control in ("search-sort", "search-from", "search-to", "search-apply"):
        assert control in ids[:first_link], f"Tab does not reach #{control}: {ids}"

    # Enter on the focused (last) result opens it.
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/\d+-\d+/\?q="))
    assert tab.path() == result_path(shown[-1]["href"])
    assert page.locator("[data-pagefind-body] mark").count() > 0
    tab.assert_clean()


# -- fixed bugs ----------------------------------------------------------------------------

def first_term_wider(docs: dict[str, Doc], queries: dict[str, list[str]]) -> str:
    """A multi-term query found in fewer articles than its first term alone."""
    for q in queries["multi-term"]:
        terms = q.split()
        if 0 < len(oracle(docs, q)) < len(oracle(docs, terms[0])):
            return q
    raise AssertionError("no multi-term query narrows its first term")


def test_filter_counts_of_a_multi_term_query_count_its_results(
        tab: Tab, sample_site: BuiltSite, docs: dict[str, Doc],
        queries: dict[str, list[str]]):
    q = first_term_wider(docs, queries)
    tab.goto(sample_site.page_url(f"/search/?q={quote(q)}"))
    shown = results(tab)
    assert len(shown) == len(oracle(docs, q))
    counts = tab.page.evaluate("""() => [...document.querySelectorAll(
        '#search-filters input[name=paper]')].map(c => c.labels[0].textContent)""")
    total = sum(int(re.search(r"（(\d+)）", label).group(1)) for label in counts)
    assert total == len(shown), f"{q!r}: paper counts {counts} but {len(shown)} results"


def test_article_highlight_uses_the_search_normalisation(tab: Tab, sample_site: BuiltSite,
                                                         docs: dict[str, Doc]):
    latin = sorted({m for d in docs.values() for m in LATIN_DIGITS.findall(d.text)
                    if m.isalpha() and len(m) >= 3 and m.upper() == m})
    assert latin, "no upper-case Latin word in the sample archive"
    word = "ODR" if "ODR" in latin else latin[0]
    url = min(u for u, d in docs.items() if word in d.text)
    for q in (word.lower(), full_width(word)):
        tab.goto(sample_site.page_url(f"{url}?q={quote(q)}"))
        marks = tab.page.locator("[data-pagefind-body] mark").all_inner_texts()
        assert word in marks, f"{url}?q={q}: {word!r} is not highlighted ({marks})"


def test_excerpts_keep_the_spaces_of_the_printed_text(tab: Tab, sample_site: BuiltSite,
                                                      docs: dict[str, Doc]):
    """Printed text with a space between two words (祖国 建功): the excerpt of a search for
    the second word shows the space."""
    # (article, two characters before a space, two after it where they first occur)
    spaced = sorted((url, m.group(1), m.group(2)) for url, d in docs.items()
                    for m in re.finditer(r"([^\W_]{2}) +([^\W_]{2})", d.body)
                    if d.body.index(m.group(2)) == m.start(2))
    assert spaced, "no article body with a space between two words"
    url, before, after = spaced[0]
    tab.goto(sample_site.page_url(f"/search/?q={quote(after)}"))
    shown = {result_path(r["href"]): r for r in results(tab)}
    excerpt = shown[url]["excerpt"]
    assert f"{before} {after}" in excerpt, \
        f"/search/?q={after}: the excerpt of {url} runs {before} {after} together: {excerpt!r}"


def disagreements(docs: dict[str, Doc], searcher: Tab, qs: list[str]) -> list[str]:
    """What the site's answers to the queries get wrong, one line per URL."""
    out = []
    for q in qs:
        urls, expected = set(ask(searcher, q)), oracle(docs, q)
        out += [f"{q!r}: missing {u}" for u in sorted(expected - urls)]
        out += [f"{q!r}: extra {u}" for u in sorted(urls - expected)]
    return out


def test_a_term_with_punctuation_inside_finds_the_text(searcher: Tab, docs: dict[str, Doc]):
    pool = {m for d in docs.values()
            for m in re.findall(r"(?=([^\W_]{1,3}[^\w\s][^\W_]{1,3}))", d.text)}
    qs = random.Random(SEED).sample(sorted(pool), 10)
    decimals = sorted({m for d in docs.values() for m in re.findall(r"\d+\.\d+万?", d.text)})
    qs += decimals[:3]
    wrong = disagreements(docs, searcher, qs)
    assert not wrong, "\n".join(wrong)


def test_a_page_number_is_not_article_text(searcher: Tab, docs: dict[str, Doc]):
    pages = sorted({str(d.page) for d in docs.values() if d.page < 10})
    wrong = disagreements(docs, searcher, pages)
    assert not wrong, "\n".join(wrong)


def test_a_term_does_not_run_across_a_space_or_a_paragraph_break(
        searcher: Tab, docs: dict[str, Doc]):
    spaced = sorted({a + b for d in docs.values()
                     for a, b in re.findall(r"([^\W_]{2}) +([^\W_]{2})", d.text)})
    broken = sorted({a + b for d in docs.values()
                     for a, b in re.findall(r"([^\W_]{2})\n\s*([^\W_]{2})", d.text)})
    qs = spaced[:3] + broken[:3]
    wrong = disagreements(docs, searcher, qs)
    assert not wrong, "\n".join(wrong)
