"""`archive build`: what the site contains, that it is safe, and that a failed build
changes nothing."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from corpus import make_corpus
from e2e_site import project_copy

from generator.cli import main
from generator.commands import build as build_module
from generator.commands.ingest import ingest
from generator.content.store import checksum_of, editor_reason

REPO = Path(__file__).resolve().parent.parent
SAMPLE_PAGES = REPO / "samples" / "pages"
SITE = "https://newspaper-archive.netlify.app"

ARTICLE = """---
title: {title}
kicker: null
subtitle: null
byline: {byline}
kind: news
city: 许昌
paper: {paper}
date: {date}
page: {page}
seq: {seq}
---

{body}
"""


PAPER_FOLDERS = {"许昌日报": "ribao", "许昌晨报": "chenbao"}


def article(root: Path, date: str, page: int, seq: int, *, title: str = "测试标题",
            byline: str = "本报讯（记者 王明）",
            body: str = "第一段正文。\n\n第二段正文。", paper: str = "许昌日报") -> Path:
    y, m, d = date.split("-")
    path = root / "xuchang" / PAPER_FOLDERS[paper] / y / m / d / f"{page:02d}-{seq:02d}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ARTICLE.format(title=title, byline=byline, date=date, page=page, seq=seq,
                                   body=body, paper=paper), encoding="utf-8")
    return path


def tree(root: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder (None) under root."""
    return {p.relative_to(root).as_posix(): p.read_bytes() if p.is_file() else None
            for p in sorted(root.rglob("*"))}


def build(content: Path, out: Path, *extra: str) -> tuple[int, str]:
    config = content.parent / "site.yaml"
    if not config.exists():
        config.write_text("base_url: https://archive.example.org\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--content", str(content), "--out", str(out),
         "--config", str(config), *extra],
        capture_output=True, text=True, check=False, cwd=content.parent)
    return result.returncode, result.stderr


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "public"
    content, config = project_copy(REPO / "content")
    code = main(["build", "--content", str(content), "--out", str(out),
                 "--config", str(config), "-q"])
    assert code == 0
    return out


def test_every_article_has_its_permalink_page(sample_site):
    articles = sorted((REPO / "content").rglob("*-*.md"))
    assert len(articles) >= 40
    for path in articles:
        rel = path.relative_to(REPO / "content").with_suffix("")
        assert len(rel.parts) == 6, rel  # <city>/<paper>/<YYYY>/<MM>/<DD>/<PP>-<NN>
        page = sample_site / rel / "index.html"
        assert page.is_file(), rel
    # /xuchang/ribao/2023/03/23/06-01/ : city, paper, date, page, article
    html = (sample_site / "xuchang/ribao/2023/03/23/06-01/index.html").read_text(encoding="utf-8")
    assert 'lang="zh-CN"' in html
    assert "扎实开展网络有害信息整治工作" in html
    assert f'href="{SITE}/xuchang/ribao/2023/03/23/06-01/"' in html


def test_site_navigation_pages_exist(sample_site):
    for rel in ["index.html", "xuchang/index.html", "xuchang/ribao/index.html",
                "jiaozuo/index.html", "jiaozuo/ribao/index.html",
                "xuchang/ribao/2023/03/23/index.html", "xuchang/ribao/2023/03/23/06/index.html",
                "xuchang/ribao/2023/03/23/06.txt", "404.html", "robots.txt", "search/index.html",
                "assets/style.css", "_redirects"]:
        assert (sample_site / rel).is_file(), rel
    # /xuchang/ is the city's page: it lists its paper, whose page has the calendar.
    city = (sample_site / "xuchang/index.html").read_text(encoding="utf-8")
    assert 'href="/xuchang/ribao/"' in city and "许昌日报" in city
    paper = (sample_site / "xuchang/ribao/index.html").read_text(encoding="utf-8")
    assert 'href="/xuchang/ribao/2023/03/23/"' in paper


def test_small_things_a_reader_notices(sample_site):
    """Every page names its icon (no 404 for a favicon); the raw page text starts with a
    byte order mark, so a host that sends no charset still shows UTF-8; the OCR text box,
    which scrolls, can be reached with the keyboard."""
    for rel in ["index.html", "xuchang/ribao/2023/03/23/06/index.html", "search/index.html"]:
        html = (sample_site / rel).read_text(encoding="utf-8")
        icon = re.search(r'<link rel="icon" href="([^"]+)"', html)
        assert icon and (sample_site / icon[1].lstrip("/")).is_file(), rel
    # …and /favicon.ico, where feed readers and browsers look for files without a link.
    assert (sample_site / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    text = (sample_site / "xuchang/ribao/2023/03/23/06.txt").read_bytes()
    assert text.startswith("\ufeff".encode()) and not text[3:].startswith("\ufeff".encode())
    page = (sample_site / "xuchang/ribao/2023/03/23/06/index.html").read_text(encoding="utf-8")
    assert re.search(r'<pre class="ocr-text" tabindex="0" aria-labelledby="ocr-h">', page)


def test_feeds_and_sitemap_are_well_formed_xml(sample_site):
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(sample_site / "feed.xml").getroot()
    entries = feed.findall(f"{atom}entry")
    assert 0 < len(entries) <= 50
    assert all(e.find(f"{atom}id").text.startswith("https://") for e in entries)
    for rel in ("xuchang/ribao/feed.xml", "xuchang/feed.xml", "jiaozuo/ribao/feed.xml"):
        assert ET.parse(sample_site / rel).getroot().tag == f"{atom}feed", rel
    paper_feed = ET.parse(sample_site / "xuchang/ribao/feed.xml").getroot()
    links = [e.find(f"{atom}link").get("href") for e in paper_feed.findall(f"{atom}entry")]
    assert links and all(link.startswith(f"{SITE}/xuchang/ribao/") for link in links)
    sitemap = ET.parse(sample_site / "sitemap.xml").getroot()
    locs = [u.find("{http://www.sitemaps.org/schemas/sitemap/0.9}loc").text for u in sitemap]
    assert f"{SITE}/xuchang/ribao/2023/03/23/06-01/" in locs
    assert f"{SITE}/xuchang/" in locs and f"{SITE}/xuchang/ribao/" in locs
    assert f"{SITE}/xuchang/2023/03/23/06-01/" not in locs  # an old URL: a redirect page
    assert f"Sitemap: {SITE}/sitemap.xml" in \
        (sample_site / "robots.txt").read_text(encoding="utf-8")


def test_data_exports_hold_every_article_month_by_month(sample_site):
    """/data/<YYYY>/<MM>/articles.jsonl and .csv, listed on /data/ with their counts."""
    count = len(list((REPO / "content").rglob("*-*.md")))
    months = sorted((sample_site / "data").glob("*/*/articles.jsonl"))
    assert len(months) > 1
    lines = [line for m in months for line in m.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == count
    first = json.loads(lines[0])
    assert {"url", "paper", "date", "page", "title", "byline", "body"} <= set(first)
    assert all(json.loads(line)["url"].startswith((f"{SITE}/xuchang/ribao/",
                                                   f"{SITE}/jiaozuo/ribao/")) for line in lines)
    assert all(json.loads(line)["date"].startswith("2023-03") for line in
               (sample_site / "data/2023/03/articles.jsonl").read_text().splitlines())
    rows = 0
    for path in sorted((sample_site / "data").glob("*/*/articles.csv")):
        csv_text = path.read_text(encoding="utf-8-sig")
        assert csv_text.startswith("url,paper,city,date")
        rows += len(list(csv.reader(io.StringIO(csv_text)))) - 1
    assert rows == count
    listing = (sample_site / "data/index.html").read_text(encoding="utf-8")
    assert 'href="/data/2023/03/articles.jsonl"' in listing
    assert 'href="/data/2023/03/articles.csv"' in listing
    issue = json.loads((sample_site / "data/xuchang/ribao/2023-03-23.json").read_text(
        encoding="utf-8"))
    assert issue["paper"] == "许昌日报"
    assert issue["pages"][0]["articles"][0]["title"] == "扎实开展网络有害信息整治工作"


def test_article_page_has_citation_and_structured_data(sample_site):
    html = (sample_site / "xuchang/ribao/2023/03/15/02-06/index.html").read_text(
        encoding="utf-8")
    assert '<meta name="citation_title"' in html
    # A newspaper article to Zotero (see generator/site/citation.py), not a journal's.
    assert '<meta name="DC.type" content="NewsItem">' in html
    assert "citation_journal_title" not in html
    # The sample's date and page are estimates (inferred: [date, page]): bracketed.
    assert '<meta name="citation_publication_date" content="[2023/03/15]">' in html
    assert "[N/OL]. 许昌日报, [2023-03-15]([2])[" in html
    assert "@article{xuchang-ribao-2023-03-15-02-06," in html
    data = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert json.loads(data)["@type"] == "NewsArticle"


# The one inline script of the site's templates (search.html: the filter panel open on
# a wide screen before the first paint).
OWN_INLINE = re.compile(r"""if \(matchMedia\("\(min-width: [\d.]+rem\)"\)\.matches\) """
                        r"""document\.getElementById\("search-panel"\)\.open = true;""")


class ActiveContent(HTMLParser):
    """Collects what a browser would run: scripts, event handlers, script URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.inline = False  # inside a <script> without src

    def handle_starttag(self, tag, attrs):
        own_script = any(k == "src" and (v or "").endswith(
            ("/assets/search-engine.js", "/assets/search.js", "/assets/today.js",
             "/assets/cite.js"))
            for k, v in attrs)
        if tag == "script" and not attrs:
            self.inline = True  # judged by its text (handle_data)
        elif tag == "script" and ("type", "application/ld+json") not in attrs \
                and not own_script:
            self.found.append(f"<script> {attrs}")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                    ("javascript:", "data:", "vbscript:")):
                self.found.append(f"<{tag} {name}={value}>")

    def handle_data(self, data):
        if self.inline and not OWN_INLINE.fullmatch(data.strip()):
            self.found.append(f"<script>{data}")

    def handle_endtag(self, tag):
        if tag == "script":
            self.inline = False


def test_untrusted_text_is_escaped_everywhere(tmp_path):
    content = tmp_path / "content"
    evil = "<script>alert(1)</script>"
    article(content, "2023-01-02", 1, 1, title=f"标题{evil}", byline=f"记者 {evil}",
            body=f"正文{evil}\n\n<img src=x onerror=alert(1)>\n\n[点我](javascript:alert(1))"
                 "\n\n<a href=\"javascript:alert(2)\">链接</a> ![图](data:text/html,x)")
    code, err = build(content, tmp_path / "public")
    assert code == 0, err
    for page in (tmp_path / "public").rglob("*.html"):
        parser = ActiveContent()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.found == [], page
    html = (tmp_path / "public/xuchang/ribao/2023/01/02/01-01/index.html").read_text(
        encoding="utf-8")
    assert "<p>正文&lt;script&gt;alert(1)&lt;/script&gt;</p>" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    ld = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in ld  # JSON-LD cannot close its own script element


def test_all_content_problems_are_listed_and_public_is_untouched(tmp_path):
    content = tmp_path / "content"
    article(content, "2023-01-02", 1, 1)
    out = tmp_path / "public"
    code, err = build(content, out)  # the previous build, which must stay as it is
    assert code == 0, err
    before, beside = tree(out), sorted(p.name for p in tmp_path.iterdir())

    bad_date = article(content, "2023-01-03", 1, 1)
    bad_date.write_text(bad_date.read_text(encoding="utf-8").replace(
        "date: 2023-01-03", "date: 2023-13-03"), encoding="utf-8")
    no_fence = article(content, "2023-01-04", 1, 1)
    no_fence.write_text("title: 没有分隔线\n", encoding="utf-8")
    code, err = build(content, out)
    assert code == 2
    assert "Traceback" not in err
    assert "xuchang/ribao/2023/01/03/01-01.md:9: date:" in err
    assert "xuchang/ribao/2023/01/04/01-01.md:1:" in err
    assert "2 problems" in err.splitlines()[-1]
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == beside


def test_a_failing_render_leaves_public_as_it_was(tmp_path, monkeypatch):
    content = tmp_path / "content"
    article(content, "2023-01-02", 1, 1)
    out = tmp_path / "public"
    (tmp_path / "site.yaml").write_text("base_url: https://a.example\n", encoding="utf-8")
    options = build_module.BuildOptions(content=content, out=out,
                                        config_path=tmp_path / "site.yaml", jobs=1, quiet=True)
    build_module.build(options)  # the previous build
    before, beside = tree(out), sorted(p.name for p in tmp_path.iterdir())
    article(content, "2023-01-02", 1, 2, title="新增的一篇")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(build_module.Renderer, "article", broken)
    with pytest.raises(RuntimeError):
        build_module.build(options)
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == beside


def published(site: Path) -> set[Path]:
    """Every published path, less the search bundle, whose files are named by content hash."""
    return {p.relative_to(site) for p in site.rglob("*")
            if p.relative_to(site).parts[0] != "pagefind"}


def test_permalinks_do_not_change_when_content_is_added(tmp_path):
    content = tmp_path / "content"
    article(content, "2023-01-02", 1, 1, title="第一篇")
    article(content, "2023-01-02", 1, 2, title="第二篇")
    code, _ = build(content, tmp_path / "one")
    assert code == 0
    before = published(tmp_path / "one")
    article(content, "2023-01-01", 3, 1, title="更早的一期")
    article(content, "2023-01-02", 1, 3, title="同版新增")
    code, _ = build(content, tmp_path / "two")
    assert code == 0
    after = published(tmp_path / "two")
    assert before <= after
    page = (tmp_path / "two/xuchang/ribao/2023/01/02/01-01/index.html").read_text(
        encoding="utf-8")
    assert "第一篇" in page
    # A second paper of the same city, same day and page: the first paper's URLs stay.
    article(content, "2023-01-02", 1, 1, title="晨报的一篇", paper="许昌晨报")
    code, _ = build(content, tmp_path / "three")
    assert code == 0
    assert after <= published(tmp_path / "three")
    page = (tmp_path / "three/xuchang/ribao/2023/01/02/01-01/index.html").read_text(
        encoding="utf-8")
    # (The other paper's article may be listed among the related articles, not more.)
    assert '<h1 class="article-title">第一篇</h1>' in page
    assert '<h1 class="article-title">晨报的一篇</h1>' not in page


def test_base_url_with_a_path_prefixes_every_link(tmp_path):
    content = tmp_path / "content"
    article(content, "2023-01-02", 1, 1)
    code, err = build(content, tmp_path / "public", "--base-url", "https://x.example/archive/")
    assert code == 0, err
    html = (tmp_path / "public/xuchang/ribao/2023/01/02/01-01/index.html").read_text(
        encoding="utf-8")
    assert 'href="/archive/assets/style.css"' in html
    assert 'href="/archive/xuchang/ribao/2023/01/02/"' in html
    assert 'href="/archive/xuchang/"' in html  # the breadcrumb to the city's page
    assert "https://x.example/archive/xuchang/ribao/2023/01/02/01-01/" in html


def test_a_users_template_overrides_the_default(tmp_path):
    content = tmp_path / "content"
    article(content, "2023-01-02", 1, 1)
    theme = tmp_path / "my-templates"
    theme.mkdir()
    override = "{% extends 'base.html' %}{% block main %}自定义页面{% endblock %}"
    (theme / "404.html").write_text(override, encoding="utf-8")
    (tmp_path / "site.yaml").write_text("base_url: https://a.example\ntemplates: [my-templates]\n",
                                        encoding="utf-8")
    code, err = build(content, tmp_path / "public")
    assert code == 0, err
    assert "自定义页面" in (tmp_path / "public/404.html").read_text(encoding="utf-8")


def test_bad_config_names_the_line_and_key(tmp_path):
    content = tmp_path / "content"
    article(content, "2023-01-02", 1, 1)
    (tmp_path / "site.yaml").write_text("title: 档案\nbase_url: ftp://x\n", encoding="utf-8")
    code, err = build(content, tmp_path / "public")
    assert code == 2
    assert "site.yaml:2: base_url:" in err


def test_synthetic_corpus_builds_in_parallel(tmp_path):
    content = tmp_path / "content"
    written = make_corpus(content, 900, papers=("许昌日报", "许昌晨报", "焦作日报"))
    assert len(written) == 900
    code, err = build(content, tmp_path / "public", "--jobs", "2")
    assert code == 0, err
    public = tmp_path / "public"
    pages = [p for p in public.rglob("*-*/index.html")  # today/MM-DD/ are day pages
             if p.relative_to(public).parts[0] != "today"]
    assert len(pages) == 900
    assert {p.parent.relative_to(tmp_path / "public") for p in pages} == {
        p.relative_to(content).with_suffix("") for p in written}
    shutil.rmtree(tmp_path / "public")


# -- a folder per paper ----------------------------------------------------------------------

MORNING_PAGE = """本报讯（记者 李红）3 月 22 日清晨，
许昌市区的护城河边聚集了许多晨练
的市民，打太极、跳广场舞，好不热闹。

市民张先生说，每天早上来河边走一走，
一天都有精神。

护城河畔晨练忙

本报讯（记者 赵刚）3 月 22 日，位于
魏都区的春季花卉市场正式开张，各色
鲜花吸引了不少市民前来选购。

摊主介绍，今年的郁金香和月季卖得最好。

春季花卉市场开张
"""


def front_of(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])


def test_two_papers_of_a_city_same_day_and_page_live_side_by_side(tmp_path):
    """许昌日报 and 许昌晨报 both print a page 6 on 2023-03-23: each gets its own folder,
    URLs, issue, page text, data and feed, and /xuchang/ lists both papers."""
    pages = tmp_path / "pages"
    pages.mkdir()
    daily_text = (SAMPLE_PAGES / "000_c6cff1b7bd5aed8a.txt").read_bytes()
    (pages / "ribao.txt").write_bytes(daily_text)
    (pages / "chenbao.txt").write_text(MORNING_PAGE, encoding="utf-8")
    (pages / "pages.yaml").write_text(
        "ribao.txt: {city: 许昌, paper: 许昌日报, date: 2023-03-23, page: 6}\n"
        "chenbao.txt: {city: 许昌, paper: 许昌晨报, date: 2023-03-23, page: 6}\n",
        encoding="utf-8")
    content = tmp_path / "content"
    report = io.StringIO()
    assert ingest([pages], content, {}, {}, out=report, papers={}) == 0

    daily = content / "xuchang/ribao/2023/03/23"
    morning = content / "xuchang/chenbao/2023/03/23"
    daily_files = sorted(p.name for p in daily.glob("*-*.md"))
    morning_files = sorted(p.name for p in morning.glob("*-*.md"))
    assert daily_files == [f"06-{n:02d}.md" for n in range(1, 10)]
    assert morning_files == ["06-01.md", "06-02.md"]
    assert (daily / "06.txt").read_bytes() == daily_text
    assert (morning / "06.txt").read_text(encoding="utf-8") == MORNING_PAGE
    assert not (content / "xuchang/2023").exists()
    for path in [*daily.glob("*-*.md"), *morning.glob("*-*.md")]:
        front = front_of(path)
        assert front["paper"] == ("许昌日报" if path.parent == daily else "许昌晨报"), path
        assert front["source"] == f"{path.parent.relative_to(content).as_posix()}/06.txt"
        # The ingest's checksum covers the file's place, so it is the ingest's own there…
        rel = path.relative_to(content).as_posix()
        text = path.read_text(encoding="utf-8")
        assert front["checksum"] == checksum_of(text, rel)
        assert editor_reason(text, rel) is None
    # …and the same text at the other paper's place would be an editor's file.
    text = (daily / "06-01.md").read_text(encoding="utf-8")
    assert editor_reason(text, "xuchang/chenbao/2023/03/23/06-01.md") is not None

    out = tmp_path / "public"
    code, err = build(content, out)
    assert code == 0, err
    titles = {}
    for folder in (daily, morning):
        for path in sorted(folder.glob("*-*.md")):
            rel = path.relative_to(content).with_suffix("").as_posix()
            html = (out / rel / "index.html").read_text(encoding="utf-8")
            title = front_of(path)["title"]
            if title:
                assert title in html, rel
            assert f'href="https://archive.example.org/{rel}/"' in html  # canonical
            titles[rel] = title
    assert len(titles) == 11
    assert titles["xuchang/ribao/2023/03/23/06-01"] == "扎实开展网络有害信息整治工作"
    assert titles["xuchang/chenbao/2023/03/23/06-01"] == "护城河畔晨练忙"
    assert titles["xuchang/chenbao/2023/03/23/06-02"] == "春季花卉市场开张"
    morning_article = (out / "xuchang/chenbao/2023/03/23/06-01/index.html").read_text(
        encoding="utf-8")
    assert "扎实开展网络有害信息整治工作" not in morning_article
    assert "许昌晨报" in morning_article

    # Each paper has its issue, page, page text, data and feed; neither overwrote the other.
    for slug, paper, first in (("ribao", "许昌日报", "扎实开展网络有害信息整治工作"),
                               ("chenbao", "许昌晨报", "护城河畔晨练忙")):
        issue = (out / f"xuchang/{slug}/2023/03/23/index.html").read_text(encoding="utf-8")
        assert paper in issue and first in issue
        assert (out / f"xuchang/{slug}/2023/03/23/06/index.html").is_file()
        # Published with a byte order mark, so that any host shows it as UTF-8.
        assert (out / f"xuchang/{slug}/2023/03/23/06.txt").read_bytes() == \
            "\ufeff".encode() + (content / f"xuchang/{slug}/2023/03/23/06.txt").read_bytes()
        data = json.loads((out / f"data/xuchang/{slug}/2023-03-23.json").read_text(
            encoding="utf-8"))
        assert data["paper"] == paper
        assert data["pages"][0]["articles"][0]["title"] == first
        assert paper in (out / f"xuchang/{slug}/index.html").read_text(encoding="utf-8")
        feed = (out / f"xuchang/{slug}/feed.xml").read_text(encoding="utf-8")
        assert f"/xuchang/{slug}/2023/03/23/06-01/" in feed
        other = "chenbao" if slug == "ribao" else "ribao"
        assert f"/xuchang/{other}/" not in feed
    city_feed = (out / "xuchang/feed.xml").read_text(encoding="utf-8")
    assert "/xuchang/ribao/2023/03/23/06-01/" in city_feed
    assert "/xuchang/chenbao/2023/03/23/06-01/" in city_feed

    # /xuchang/ is the city's page, listing both of its papers.
    city = (out / "xuchang/index.html").read_text(encoding="utf-8")
    assert "许昌日报" in city and "许昌晨报" in city
    assert 'href="/xuchang/ribao/"' in city and 'href="/xuchang/chenbao/"' in city
    assert 'href="/xuchang/ribao/2023/03/23/"' in city
    assert 'href="/xuchang/chenbao/2023/03/23/"' in city
    home = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="/xuchang/ribao/"' in home and 'href="/xuchang/chenbao/"' in home

    # Ingesting the same pages again changes nothing.
    again = io.StringIO()
    before = tree(content)
    assert ingest([pages], content, {}, {}, out=again, papers={}) == 0
    assert "0 files written" in again.getvalue()
    assert tree(content) == before


def test_the_old_url_of_a_migrated_article_redirects_to_its_new_url(sample_site):
    """content/ was moved by `archive migrate`: every article keeps its old URL as an alias,
    which serves a redirect page (meta refresh, canonical link, noindex) and is a line of
    Netlify's _redirects."""
    old, new = "/xuchang/2023/03/23/06-01/", "/xuchang/ribao/2023/03/23/06-01/"
    assert old in front_of(REPO / "content/xuchang/ribao/2023/03/23/06-01.md")["aliases"]
    html = (sample_site / old.strip("/") / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE}{new}">' in html
    assert f'<meta http-equiv="refresh" content="0; url={new}">' in html
    assert '<meta name="robots" content="noindex">' in html
    assert f'<a href="{new}">' in html
    assert "扎实开展网络有害信息整治工作" in html
    redirects = (sample_site / "_redirects").read_text(encoding="utf-8").splitlines()
    assert f"{old} {new} 301!" in redirects  # forced: the redirect page exists too
    # The new URL is the article itself, not another redirect.
    article_html = (sample_site / new.strip("/") / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' not in article_html

    # Every alias of every article, likewise.
    aliases = 0
    for path in sorted((REPO / "content").rglob("*-*.md")):
        target = "/" + path.relative_to(REPO / "content").with_suffix("").as_posix() + "/"
        for alias in front_of(path).get("aliases") or []:
            aliases += 1
            page = (sample_site / alias.strip("/") / "index.html").read_text(encoding="utf-8")
            assert f'<link rel="canonical" href="{SITE}{target}">' in page, alias
            assert f'content="0; url={target}"' in page, alias
            assert f"{alias} {target} 301!" in redirects, alias
    assert aliases == len(list((REPO / "content").rglob("*-*.md")))
    # The old issue and page URLs lead to the new ones too.
    issue = (sample_site / "xuchang/2023/03/23/index.html").read_text(encoding="utf-8")
    assert 'content="0; url=/xuchang/ribao/2023/03/23/"' in issue
    assert "/xuchang/2023/03/23/06.txt /xuchang/ribao/2023/03/23/06.txt 301!" in redirects
    assert "/data/xuchang/2023-03-23.json /data/xuchang/ribao/2023-03-23.json 301!" in redirects


OUTSIDE_THE_LAYOUT = [
    ("xuchang/ribao/2023/03/23/6-2.md", "file"),
    ("xuchang/ribao/2023/03/23/06-02.MD", "file"),
    ("xuchang/ribao/2023/03/23/新文章.md", "file"),
    ("xuchang/新文章.md", "file"),
    ("xuchang/ribao/2023/03/23/０６-０２.md", "file"),  # full-width digits
    ("xuchang/2023/03/23", "old issue folder"),
]


def place_outside_the_layout(content: Path, rel: str, what: str) -> None:
    if what == "file":
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(ARTICLE.format(
            title="放错地方的文章", byline="本报讯", date="2023-03-23", page=6, seq=2,
            body="正文。", paper="许昌日报"), encoding="utf-8")
    else:  # an issue folder of the layout before papers had folders, with its article
        article_at = content / rel / "06-02.md"
        article_at.parent.mkdir(parents=True)
        article_at.write_text(ARTICLE.format(
            title="旧目录里的文章", byline="本报讯", date="2023-03-23", page=6, seq=2,
            body="正文。", paper="许昌日报"), encoding="utf-8")


def problem_lines(err: str, rel: str) -> list[str]:
    return [line for line in err.splitlines() if rel in line]


@pytest.mark.parametrize(("rel", "what"), OUTSIDE_THE_LAYOUT,
                         ids=[rel for rel, _ in OUTSIDE_THE_LAYOUT])
def test_a_file_outside_the_layout_stops_the_build(tmp_path, rel, what):
    content = tmp_path / "content"
    article(content, "2023-03-23", 6, 1)

    # No earlier build: public/ is not created.
    place_outside_the_layout(content, rel, what)
    out = tmp_path / "public"
    code, err = build(content, out)
    assert code == 2, err
    assert "Traceback" not in err
    assert len(problem_lines(err, f"content/{rel}")) == 1, err
    assert "1 problem " in err.splitlines()[-1]
    assert not out.exists()

    # An earlier build: public/ stays exactly as it was.
    moved = tmp_path / "aside"
    (content / rel).rename(moved)
    code, err = build(content, out)
    assert code == 0, err
    before = tree(out)
    moved.rename(content / rel)
    code, err = build(content, out)
    assert code == 2
    assert len(problem_lines(err, f"content/{rel}")) == 1, err
    assert tree(out) == before


def test_a_date_folder_in_full_width_digits_is_named(tmp_path):
    content = tmp_path / "content"
    article(content, "2023-03-23", 6, 1)
    place_outside_the_layout(content, "xuchang/ribao/２０２３/03/23/06-02.md", "file")
    code, err = build(content, tmp_path / "public")
    assert code == 2 and "Traceback" not in err
    assert "content/xuchang/ribao/２０２３/03/23/: not a <YYYY>/<MM>/<DD>/ date folder" in err


def test_every_file_outside_the_layout_is_listed_at_once(tmp_path):
    content = tmp_path / "content"
    article(content, "2023-03-23", 6, 1)
    for rel, what in OUTSIDE_THE_LAYOUT:
        place_outside_the_layout(content, rel, what)
    code, err = build(content, tmp_path / "public")
    assert code == 2
    for rel, _ in OUTSIDE_THE_LAYOUT:
        assert len(problem_lines(err, f"content/{rel}")) == 1, (rel, err)
    assert f"{len(OUTSIDE_THE_LAYOUT)} problems" in err.splitlines()[-1]
    old = problem_lines(err, "content/xuchang/2023/03/23")[0]
    assert "archive migrate" in old  # how to fix it
    assert not (tmp_path / "public").exists()


def test_bidi_controls_in_a_page_text_are_not_published(tmp_path):
    # A right-to-left override in OCR text would let it reorder what a reader sees.
    from e2e_site import ONE_ISSUE, one_issue_project

    root = one_issue_project(tmp_path)
    page = root / "content" / ONE_ISSUE / "06.txt"
    text = page.read_text(encoding="utf-8")
    page.write_text("\u202e" + text.replace("\n", "\u2066\n", 3), encoding="utf-8")
    out = root / "public"
    assert main(["build", "--content", str(root / "content"), "--out", str(out),
                 "--config", str(root / "site.yaml"), "-q", "--no-search"]) == 0
    published = (out / ONE_ISSUE / "06.txt").read_bytes().decode("utf-8-sig")
    assert published == text
    view = (out / ONE_ISSUE / "06" / "index.html").read_text(encoding="utf-8")
    assert "\u202e" not in view and "\u2066" not in view


def test_bidi_controls_an_editor_typed_into_an_article_are_not_published(tmp_path):
    from e2e_site import ONE_ISSUE, one_issue_project

    root = one_issue_project(tmp_path)
    path = root / "content" / ONE_ISSUE / "06-02.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: ", "title: \u202e", 1) + "\n\u2066反转\u2069\n",
                    encoding="utf-8")
    out = root / "public"
    assert main(["build", "--content", str(root / "content"), "--out", str(out),
                 "--config", str(root / "site.yaml"), "-q", "--no-search"]) == 0
    for page in out.rglob("*"):
        if page.is_file() and page.suffix in (".html", ".xml", ".json", ".jsonl", ".csv"):
            data = page.read_text(encoding="utf-8")
            assert "\u202e" not in data and "\u2066" not in data, page


def test_a_page_text_saved_in_another_encoding_is_still_published(tmp_path, capsys):
    """An editor's GB18030 or UTF-16 page text is published as UTF-8; a page text that is
    no text stops the build with one line naming it, and public/ stays as it was."""
    from e2e_site import ONE_ISSUE, one_issue_project

    root = one_issue_project(tmp_path)
    page = root / "content" / ONE_ISSUE / "06.txt"
    text = page.read_text(encoding="utf-8")
    out = root / "public"
    build = ["build", "--content", str(root / "content"), "--out", str(out),
             "--config", str(root / "site.yaml"), "-q"]
    for encoding in ("gb18030", "utf-16"):
        page.write_bytes(text.encode(encoding))
        assert main(build) == 0
        published = (out / ONE_ISSUE / "06.txt").read_bytes().decode("utf-8-sig")
        assert published == text, encoding
    page.write_bytes(bytes(range(256)) * 8)
    capsys.readouterr()
    assert main(build) != 0
    err = capsys.readouterr().err
    assert "06.txt: not a text page" in err and "Traceback" not in err
    assert (out / ONE_ISSUE / "06.txt").read_bytes().decode("utf-8-sig") == text
