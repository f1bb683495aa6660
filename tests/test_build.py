"""`archive build`: what the site contains, that it is safe, and that a failed build
changes nothing."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.cli import main
from generator.commands import build as build_module

REPO = Path(__file__).resolve().parent.parent
CORPUS_TOOL = REPO.parent / "shared" / "tools" / "make_corpus.py"

ARTICLE = """---
title: {title}
kicker: null
subtitle: null
byline: {byline}
kind: news
city: 许昌
paper: 许昌日报
date: {date}
page: {page}
seq: {seq}
---

{body}
"""


def article(root: Path, date: str, page: int, seq: int, *, title: str = "测试标题",
            byline: str = "本报讯（记者 王明）",
            body: str = "第一段正文。\n\n第二段正文。") -> Path:
    y, m, d = date.split("-")
    path = root / "xuchang" / y / m / d / f"{page:02d}-{seq:02d}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ARTICLE.format(title=title, byline=byline, date=date, page=page, seq=seq,
                                   body=body), encoding="utf-8")
    return path


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
    code = main(["build", "--content", str(REPO / "content"), "--out", str(out),
                 "--config", str(REPO / "site.yaml"), "-q"])
    assert code == 0
    return out


def test_every_article_has_its_permalink_page(sample_site):
    articles = sorted((REPO / "content").rglob("*-*.md"))
    assert len(articles) >= 40
    for path in articles:
        rel = path.relative_to(REPO / "content").with_suffix("")
        page = sample_site / rel / "index.html"
        assert page.is_file(), rel
    # /xuchang/2023/03/23/06-02/ : city, date, page, article
    html = (sample_site / "xuchang/2023/03/23/06-01/index.html").read_text(encoding="utf-8")
    assert 'lang="zh-CN"' in html
    assert "扎实开展网络有害信息整治工作" in html
    assert 'href="https://newspaper-archive.netlify.app/xuchang/2023/03/23/06-01/"' in html


def test_site_navigation_pages_exist(sample_site):
    for rel in ["index.html", "xuchang/index.html", "jiaozuo/index.html",
                "xuchang/2023/03/23/index.html", "xuchang/2023/03/23/06/index.html",
                "xuchang/2023/03/23/06.txt", "404.html", "robots.txt", "search/index.html",
                "assets/style.css"]:
        assert (sample_site / rel).is_file(), rel


def test_feeds_and_sitemap_are_well_formed_xml(sample_site):
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(sample_site / "feed.xml").getroot()
    entries = feed.findall(f"{atom}entry")
    assert 0 < len(entries) <= 50
    assert all(e.find(f"{atom}id").text.startswith("https://") for e in entries)
    assert ET.parse(sample_site / "xuchang" / "feed.xml").getroot().tag == f"{atom}feed"
    sitemap = ET.parse(sample_site / "sitemap.xml").getroot()
    locs = [u.find("{http://www.sitemaps.org/schemas/sitemap/0.9}loc").text for u in sitemap]
    assert "https://newspaper-archive.netlify.app/xuchang/2023/03/23/06-01/" in locs
    assert "Sitemap: https://newspaper-archive.netlify.app/sitemap.xml" in \
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
    issue = json.loads((sample_site / "data/xuchang/2023-03-23.json").read_text(encoding="utf-8"))
    assert issue["paper"] == "许昌日报"
    assert issue["pages"][0]["articles"][0]["title"] == "扎实开展网络有害信息整治工作"


def test_article_page_has_citation_and_structured_data(sample_site):
    html = (sample_site / "xuchang/2023/03/15/02-06/index.html").read_text(encoding="utf-8")
    assert '<meta name="citation_title"' in html
    assert '<meta name="citation_publication_date" content="2023/03/15">' in html
    assert "[N/OL]. 许昌日报, 2023-03-15(02)." in html
    assert "@article{xuchang-2023-03-15-02-06," in html
    data = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert json.loads(data)["@type"] == "NewsArticle"


class ActiveContent(HTMLParser):
    """Collects what a browser would run: scripts, event handlers, script URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        own_script = any(k == "src" and (v or "").endswith("/assets/search.js") for k, v in attrs)
        if tag == "script" and ("type", "application/ld+json") not in attrs and not own_script:
            self.found.append(f"<script> {attrs}")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                    ("javascript:", "data:", "vbscript:")):
                self.found.append(f"<{tag} {name}={value}>")


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
    html = (tmp_path / "public/xuchang/2023/01/02/01-01/index.html").read_text(encoding="utf-8")
    assert "<p>正文&lt;script&gt;alert(1)&lt;/script&gt;</p>" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    ld = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in ld  # JSON-LD cannot close its own script element


def test_all_content_problems_are_listed_and_public_is_untouched(tmp_path):
    content = tmp_path / "content"
    article(content, "2023-01-02", 1, 1)
    bad_date = article(content, "2023-01-03", 1, 1)
    bad_date.write_text(bad_date.read_text(encoding="utf-8").replace(
        "date: 2023-01-03", "date: 2023-13-03"), encoding="utf-8")
    no_fence = article(content, "2023-01-04", 1, 1)
    no_fence.write_text("title: 没有分隔线\n", encoding="utf-8")
    out = tmp_path / "public"
    out.mkdir()
    (out / "keep.html").write_text("previous build", encoding="utf-8")

    code, err = build(content, out)
    assert code == 2
    assert "Traceback" not in err
    assert "xuchang/2023/01/03/01-01.md:9: date:" in err
    assert "xuchang/2023/01/04/01-01.md:1:" in err
    assert "2 problems" in err.splitlines()[-1]
    assert (out / "keep.html").read_text(encoding="utf-8") == "previous build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "public", "site.yaml"]


def test_a_failing_render_leaves_public_as_it_was(tmp_path, monkeypatch):
    content = tmp_path / "content"
    article(content, "2023-01-02", 1, 1)
    out = tmp_path / "public"
    out.mkdir()
    (out / "keep.html").write_text("previous build", encoding="utf-8")
    (tmp_path / "site.yaml").write_text("base_url: https://a.example\n", encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(build_module.Renderer, "article", broken)
    with pytest.raises(RuntimeError):
        build_module.build(build_module.BuildOptions(
            content=content, out=out, config_path=tmp_path / "site.yaml", jobs=1, quiet=True))
    assert (out / "keep.html").read_text(encoding="utf-8") == "previous build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "public", "site.yaml"]


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
    page = (tmp_path / "two/xuchang/2023/01/02/01-01/index.html").read_text(encoding="utf-8")
    assert "第一篇" in page


def test_base_url_with_a_path_prefixes_every_link(tmp_path):
    content = tmp_path / "content"
    article(content, "2023-01-02", 1, 1)
    code, err = build(content, tmp_path / "public", "--base-url", "https://x.example/archive/")
    assert code == 0, err
    html = (tmp_path / "public/xuchang/2023/01/02/01-01/index.html").read_text(encoding="utf-8")
    assert 'href="/archive/assets/style.css"' in html
    assert 'href="/archive/xuchang/2023/01/02/"' in html
    assert "https://x.example/archive/xuchang/2023/01/02/01-01/" in html


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


@pytest.mark.skipif(not CORPUS_TOOL.exists(), reason="needs ../shared/tools/make_corpus.py")
def test_synthetic_corpus_builds_in_parallel(tmp_path):
    content = tmp_path / "content"
    subprocess.run([sys.executable, str(CORPUS_TOOL), str(content), "--articles", "900"],
                   check=True, capture_output=True)
    code, err = build(content, tmp_path / "public", "--jobs", "2")
    assert code == 0, err
    pages = list((tmp_path / "public").rglob("*-*/index.html"))
    assert len(pages) == 900
    shutil.rmtree(tmp_path / "public")
