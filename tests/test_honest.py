"""Honest metadata, checked over every file of the built sample site: an estimated date,
page or paper is marked wherever it is shown or exported, and an article the paper
printed without a headline is never given one (no 无标题（3）, 简讯（2）, 图片新闻（1）).

The sample archive is a hard case on purpose: every date and page in it is an estimate
and 8 of its 49 articles are untitled.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from e2e_site import BuiltSite

INVENTED = re.compile(r"(?:无标题|简讯|图片新闻)（\d+）")
MARK = "（推断）"
# Text that is the article's own words, where a date may be printed as it is.
OWN_WORDS = {"article-body", "ocr-text", "excerpt", "continuation"}  # + 上接第1版: printed
VOID = {"meta", "link", "br", "img", "input", "hr", "source", "wbr", "col", "area"}


def cn_date(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


class ShownText(HTMLParser):
    """The text a page shows, without the articles' own words (bodies, excerpts, OCR)."""

    def __init__(self, skip: set[str] = frozenset()) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0
        self.skipped = OWN_WORDS | skip

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        if self.skip or classes & self.skipped or tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def shown_text(path: Path, skip: set[str] = frozenset()) -> str:
    parser = ShownText(skip)
    parser.feed(path.read_text(encoding="utf-8"))
    return "".join(parser.parts)


def articles(site: BuiltSite) -> dict[str, dict]:
    """Front matter of every content file, by permalink path."""
    out = {}
    for path in sorted(site.content.rglob("[0-9]*-[0-9]*.md")):
        _, front, _ = path.read_text(encoding="utf-8").split("---\n", 2)
        rel = path.relative_to(site.content).with_suffix("").as_posix()
        out[f"/{rel}/"] = yaml.safe_load(front)
    return out


def every_text(site: BuiltSite) -> dict[str, str]:
    """Every file of the output as text, search fragments uncompressed."""
    out = {}
    for path in sorted(site.root.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        out[path.relative_to(site.root).as_posix()] = data.decode("utf-8", errors="replace")
    return out


def test_no_file_of_the_site_holds_an_invented_headline(sample_site: BuiltSite):
    texts = every_text(sample_site)
    assert any(name.startswith("pagefind/") and "/fragment/" in name for name in texts)
    found = {name: INVENTED.findall(text) for name, text in texts.items()}
    assert {name: hits for name, hits in found.items() if hits} == {}


def test_an_untitled_article_is_labelled_by_its_first_words(sample_site: BuiltSite):
    fronts = articles(sample_site)
    untitled = [url for url, front in fronts.items() if not front.get("title")]
    assert len(untitled) >= 5
    for url in untitled:
        page = (sample_site.root / url.strip("/") / "index.html").read_text(encoding="utf-8")
        h1 = re.search(r'<h1 class="article-title">(.*?)</h1>', page, re.S)[1]
        assert '<span class="untitled-tag">原版未印标题</span>' in h1, url
        title = re.search(r"<title>(.*?) · ", page)[1]
        assert title.startswith("［") and title.endswith("］"), f"{url}: {title}"


def test_estimated_dates_are_marked_wherever_a_page_shows_them(sample_site: BuiltSite):
    fronts = articles(sample_site)
    inferred_days = {cn_date(f["date"]) for f in fronts.values() if "date" in f["inferred"]}
    printed_days = {cn_date(f["date"]) for f in fronts.values() if "date" not in f["inferred"]}
    assert inferred_days and not inferred_days & printed_days
    pages = sorted(sample_site.root.rglob("*.html"))
    checked = 0
    for path in pages:
        text = shown_text(path)
        for day in inferred_days:
            for m in re.finditer(re.escape(day), text):
                checked += 1
                assert text[m.end():].startswith(MARK), \
                    f"{path.relative_to(sample_site.root)}: {text[m.start():m.end() + 12]!r}"
    assert checked > 100


def test_estimated_page_numbers_are_marked_wherever_a_page_shows_them(sample_site: BuiltSite):
    """Every page number of the sample is an estimate: none is shown without its mark."""
    fronts = articles(sample_site)
    assert all("page" in f["inferred"] for f in fronts.values())
    checked = 0
    for path in sorted(sample_site.root.rglob("*.html")):
        text = shown_text(path)
        for m in re.finditer(r"第[A-Z]?\d+版", text):
            checked += 1
            assert text[m.end():].startswith(MARK), \
                f"{path.relative_to(sample_site.root)}: {text[m.start():m.end() + 12]!r}"
    assert checked > 100


def test_each_article_page_marks_its_estimates_and_says_what_they_are(sample_site: BuiltSite):
    for url, front in articles(sample_site).items():
        page = (sample_site.root / url.strip("/") / "index.html").read_text(encoding="utf-8")
        meta = re.search(r'<p class="article-meta">(.*?)</p>', page)[1]
        label = f"{front['page']:02d}" if isinstance(front["page"], int) else front["page"]
        assert (f"第{label}版（推断）" in meta) == ("page" in front["inferred"]), url
        if front["inferred"]:
            assert "为推断值，并非版面印刷信息" in page, url


def test_exports_and_feeds_carry_the_estimates(sample_site: BuiltSite):
    fronts = articles(sample_site)
    base = sample_site.url
    rows = []
    for path in sample_site.root.glob("data/*/*/articles.csv"):
        rows += list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert len(rows) == len(fronts)
    for row in rows:
        front = fronts[row["url"].removeprefix(base)]
        assert row["inferred"] == ";".join(front["inferred"])
        assert row["title"] == (front.get("title") or "")
    for path in sample_site.root.glob("data/*/*/articles.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert record["inferred"] == fronts[record["url"].removeprefix(base)]["inferred"]
    feed = (sample_site.root / "feed.xml").read_text(encoding="utf-8")
    entries = re.findall(r"<entry>.*?</entry>", feed, re.S)
    assert entries
    for entry in entries:
        url = re.search(r"<id>(.*?)</id>", entry)[1].removeprefix(base)
        inferred = fronts[url]["inferred"]
        for field in ("date", "page"):
            assert (f'term="inferred-{field}"' in entry) == (field in inferred), url
        if not fronts[url].get("title"):
            assert re.search(r"<title>［.+］</title>", entry), url


def test_the_sitemap_gives_no_estimated_date_as_a_modification_date(sample_site: BuiltSite):
    sitemap = (sample_site.root / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>" in sitemap and "<lastmod>" not in sitemap  # every sample date is estimated


def test_search_results_know_which_facts_are_estimates(sample_site: BuiltSite):
    fronts = articles(sample_site)
    seen = 0
    for path in sample_site.root.glob("pagefind/*/fragment/*"):
        fragment = json.loads(gzip.decompress(path.read_bytes())[len("pagefind_dcd"):])
        rel = fragment["url"].rsplit("/", 1)[-1].removesuffix(".html").replace("~", "/")
        front = fronts[f"/{rel}/"]
        assert fragment["meta"].get("inferred", "") == ",".join(front["inferred"])
        assert fragment["meta"]["title"] == (front.get("title") or "")
        seen += 1
    assert seen == len(fronts)


@pytest.mark.parametrize("query", ["无标题", "图片新闻（", "简讯（"])
def test_no_invented_text_is_in_the_search_index(sample_site: BuiltSite, query: str):
    for path in sample_site.root.glob("pagefind/*/fragment/*"):
        assert query not in gzip.decompress(path.read_bytes()).decode("utf-8")


@pytest.fixture(scope="module")
def guessed_paper(tmp_path_factory) -> Path:
    """The sample archive with one issue whose city and paper are estimates too, built."""
    import shutil

    from e2e_site import build

    root = tmp_path_factory.mktemp("guessed")
    content = root / "content"
    shutil.copytree(SAMPLE, content)
    for path in (content / GUESSED).glob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"^inferred: .*$", "inferred: [city, paper, date, page]", text,
                               count=1, flags=re.M), encoding="utf-8")
    build(content, root / "public", "https://example.org")
    return root / "public"


SAMPLE = Path(__file__).resolve().parent.parent / "content"
GUESSED = "jiaozuo/ribao/2023/02/21"  # the only issue of its paper and city


def test_an_estimated_paper_and_city_are_marked_wherever_they_are_shown(guessed_paper: Path):
    pages = [guessed_paper / "index.html", guessed_paper / "jiaozuo/index.html",
             guessed_paper / "jiaozuo/ribao/index.html",
             *sorted((guessed_paper / GUESSED).rglob("index.html"))]
    assert len(pages) > 20
    for path in pages:
        # Citations have their own notation ([焦作日报] and notes); a paper's facts are
        # what site.yaml says of it.
        # what site.yaml says of it. Headlines are the paper's own words (焦作 is in many).
        text = shown_text(path, skip={"citation", "bibtex", "ris", "csl-json", "paper-about",
                                      "untitled"})
        for m in re.finditer("焦作日报", text):
            assert text[m.end():].startswith(MARK), \
                f"{path.relative_to(guessed_paper)}: {text[m.start() - 10:m.end() + 8]!r}"
        html = path.read_text(encoding="utf-8")
        crumbs = re.search(r'<nav class="breadcrumbs.*?</nav>', html, re.S)
        if crumbs and "/jiaozuo/" in crumbs[0]:
            assert re.search(r">焦作（推断）</(a|li)>", crumbs[0]), path
    feed = (guessed_paper / "jiaozuo/ribao/feed.xml").read_text(encoding="utf-8")
    assert "<name>焦作日报（推断）</name>" in feed or "<author><name>焦作日报" not in feed
