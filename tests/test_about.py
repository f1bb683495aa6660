"""The about page, a paper's facts, and 历史上的今天 (/today/).

site.yaml's `archive:` and `papers:` are checked like every setting (errors name the
sub-key and its line); the about page and the paper pages show them beside what the
content holds; the day pages list each year's issues of a month-day, newest first,
untitled articles labelled and estimated dates marked; a new issue re-renders its own
day page only; and /today/ opens the page of the reader's local date in a browser.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import os
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from e2e_site import BuiltSite, differences

from generator.cli import main
from generator.config import load_config
from generator.errors import ArchiveError
from generator.site.today import FRONT_CAP

ARTICLE = """---
title: {title}
kicker: null
subtitle: null
byline: null
kind: news
city: 许昌
paper: {paper}
date: {date}
page: {page}
seq: {seq}
inferred: {inferred}
---

{body}
"""
FOLDERS = {"许昌日报": "ribao", "许昌晨报": "chenbao"}

SITE_YAML = """\
title: 测试档案
base_url: https://archive.example.org
archive:
  keeper: 测试市档案馆
  description: 一个用于测试的档案。
  sources: 测试市图书馆藏原版报纸
  rights: 文字著作权归原作者所有。
  licence: CC BY 4.0
  licence_url: https://creativecommons.org/licenses/by/4.0/
  contact: archive@example.org
papers:
  许昌日报:
    publisher: 测试日报社
    place: 许昌
    years: 1949
    frequency: 日报
    holding: 测试市图书馆
    description: 测试用的日报。
  许昌周刊:
    place: 许昌
"""


def write(content: Path, date: str, page: int, seq: int, title: str | None = None,
          paper: str = "许昌日报", body: str = "正文。", inferred: str = "[]") -> None:
    y, m, d = date.split("-")
    path = content / "xuchang" / FOLDERS[paper] / y / m / d / f"{page:02d}-{seq:02d}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ARTICLE.format(title=title or "null", paper=paper, date=date, page=page,
                                   seq=seq, inferred=inferred, body=body), encoding="utf-8")


def make_content(content: Path) -> None:
    """Issues on 5月4日 of 2020, 2021 and 2023 (two papers), and one on 6月1日."""
    for seq in range(1, FRONT_CAP + 4):  # a front page longer than a day page shows
        write(content, "2020-05-04", 1, seq, f"二〇二〇年头版第{seq}篇")
    write(content, "2020-05-04", 2, 1, "二〇二〇年第二版")
    write(content, "2021-05-04", 1, 1, "二〇二一年的头版文章")
    write(content, "2021-05-04", 1, 2, None,
          body="这是一篇原版没有印标题的短讯，正文开头的文字用来称呼它。")
    write(content, "2023-05-04", 1, 1, "二〇二三年日报头版", inferred="[date]")
    write(content, "2023-05-04", 1, 1, "二〇二三年晨报头版", paper="许昌晨报")
    write(content, "2022-06-01", 3, 1, "六月一日的文章")


def build(root: Path, out: Path, *flags: str) -> int:
    return main(["build", "--content", str(root / "content"), "--out", str(out),
                 "--config", str(root / "site.yaml"), "--no-search", *flags])


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("about")
    make_content(root / "content")
    (root / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def built(project: Path) -> tuple[Path, str]:
    """The project built once: (public/, what the build printed on stderr)."""
    capture = pytest.MonkeyPatch()
    err = io.StringIO()
    capture.setattr(sys, "stderr", err)
    try:
        code = build(project, project / "public")
    finally:
        capture.undo()
    assert code == 0, err.getvalue()
    return project / "public", err.getvalue()


def page(out: Path, path: str) -> str:
    return (out / path / "index.html").read_text(encoding="utf-8")


def text_of(html: str) -> str:
    """The text of <main> as read: inline tags removed, others a space, spaces collapsed."""
    main_part = html.split("<main", 1)[1].split("</main>", 1)[0]
    inline = re.sub(r"</?(?:a|span|strong|code)\b[^>]*>", "", main_part)
    return " ".join(re.sub(r"<[^>]+>", " ", inline).split())


# -- the settings ----------------------------------------------------------------------

@pytest.mark.parametrize(("yaml_text", "expected"), [
    ("archive:\n  keeper: 许昌市档案馆\n  licence: CC BY 4.0\n"
     "  licence_url: creativecommons.org/licenses/by/4.0/\n",
     "4: archive.licence_url: 'creativecommons.org/licenses/by/4.0/' is not an http(s) URL; "
     "write it like https://creativecommons.org/licenses/by/4.0/"),
    ("archive:\n  keeper: 许昌市档案馆\n  licence_link: https://example.org/\n",
     "3: archive.licence_link: unknown setting; archive may hold keeper, description, "
     "sources, rights, licence, licence_url, contact"),
    ("archive:\n  contact: 电话 0374-1234567\n",
     "2: archive.contact: '电话 0374-1234567' is neither an e-mail address nor an http(s) URL; "
     "write it like archive@example.org or https://example.org/contact"),
    ("archive:\n  keeper: 2023\n",
     "2: archive.keeper: expected a text, got a number; put it in quotes to keep it as "
     "written"),
    ("archive: 许昌市档案馆\n",
     "1: archive: expected settings under it (keeper, description, sources, rights, "
     "licence, licence_url, contact), e.g. archive: {keeper: 许昌市档案馆}"),
    ("papers:\n  许昌日报:\n    place: 许昌\n    holding: [许昌市图书馆, 许昌市档案馆]\n",
     "4: papers.许昌日报.holding: expected a text, got a list"),
    ("papers:\n  许昌日报:\n    founded: 1949\n",
     "3: papers.许昌日报.founded: unknown setting; papers.许昌日报 may hold publisher, place, "
     "years, frequency, holding, description, url"),
    ("papers:\n  许昌日报:\n    url: javascript:alert(1)\n",
     "3: papers.许昌日报.url: 'javascript:alert(1)' is not an http(s) URL"),
    ("papers: [许昌日报]\n",
     "1: papers: expected paper names with their descriptions, e.g. "
     "papers: {许昌日报: {place: 许昌}}"),
    ("city_slugs:\n  今天: today\n",
     "1: city_slugs: 'today' is reserved for the site's own pages; choose another slug"),
])
def test_config_errors_name_the_key_and_its_line(tmp_path: Path, yaml_text: str,
                                                  expected: str):
    config = tmp_path / "site.yaml"
    config.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(ArchiveError) as err:
        load_config(config)
    assert str(err.value).startswith(f"{config}:{expected}"), str(err.value)
    assert "\n" not in str(err.value)


def test_config_reads_the_archive_and_its_papers(project: Path):
    config = load_config(project / "site.yaml")
    assert config["archive"]["sources"] == ["测试市图书馆藏原版报纸"]  # one text: a list
    assert config["archive"]["contact_href"] == "mailto:archive@example.org"
    assert config["papers"]["许昌日报"]["years"] == "1949"  # a bare year reads as text
    url_contact = project / "url.yaml"
    url_contact.write_text("archive: {contact: 'https://example.org/contact'}\n",
                           encoding="utf-8")
    assert load_config(url_contact)["archive"]["contact_href"] == "https://example.org/contact"


def test_a_described_paper_without_articles_is_a_warning(built: tuple[Path, str]):
    _, stderr = built
    assert "papers: 许昌周刊: no article of this paper is in the archive" in stderr
    assert "许昌日报: no article" not in stderr


# -- the about page and the paper page ---------------------------------------------------

def test_about_page_shows_keeper_licence_contact_and_holdings(built: tuple[Path, str]):
    out, _ = built
    html = page(out, "about")
    text = text_of(html)
    assert "测试市档案馆" in text and "测试市图书馆藏原版报纸" in text
    assert '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' \
        in html
    assert '<a href="mailto:archive@example.org">archive@example.org</a>' in html
    assert '<link rel="canonical" href="https://archive.example.org/about/">' in html
    assert '<meta name="description" content="关于测试档案：保管单位 测试市档案馆' in html
    # Years held come from the content: the first and last issue, marked if estimated.
    assert "许昌日报 测试用的日报。" in text
    assert "本档案收录 2020年5月4日 至 2023年5月4日（推断），4 期、20 篇文章" in text
    assert "本档案收录 2023年5月4日，1 期、1 篇文章" in text  # 许昌晨报, not described
    # Headings in order: h1, then h2 sections, the papers as h3 under theirs.
    levels = [int(n) for n in re.findall(r"<h([1-6])", html.split("<main", 1)[1])]
    assert levels[0] == 1 and all(b <= a + 1 for a, b in itertools.pairwise(levels))
    # Linked from every page's footer and from the home page.
    assert html.count('href="/about/"') >= 1
    assert 'href="/about/"' in page(out, "") and 'href="/today/"' in page(out, "")
    assert 'href="/today/"' in page(out, "xuchang/ribao/2021/05/04/01-01")


def test_paper_page_shows_the_papers_facts(built: tuple[Path, str]):
    out, _ = built
    text = text_of(page(out, "xuchang/ribao"))
    for fact in ("出版者 测试日报社", "出版地 许昌", "出版年份 1949", "刊期 日报",
                 "馆藏单位 测试市图书馆", "测试用的日报。"):
        assert fact in text, fact
    other = text_of(page(out, "xuchang/chenbao"))
    assert "出版者" not in other and "本档案收录 2023年5月4日" in other


# -- 历史上的今天 -----------------------------------------------------------------------

def test_day_page_lists_the_years_newest_first_with_their_issues(built: tuple[Path, str]):
    out, _ = built
    html = page(out, "today/05-04")
    assert re.findall(r'<h2 id="y(\d{4})-h">', html) == ["2023", "2021", "2020"]
    text = text_of(html)
    y2023 = text.split("2023年", 1)[1].split("2021年", 1)[0]
    # Both papers of 2023; the estimated date of 许昌日报 is marked, 许昌晨报's is not.
    assert "许昌日报 2023年5月4日（推断）" in y2023
    assert "许昌晨报 2023年5月4日 " in y2023 and "二〇二三年晨报头版" in y2023
    # The untitled article is labelled as such, by its first words.
    assert re.search(r'<span class="untitled"><span class="untitled-tag">原版未印标题</span>'
                     r"这是一篇原版没有印标题的短讯", html)
    # A long front page: FRONT_CAP articles, and the rest counted with a link to the issue.
    assert f"二〇二〇年头版第{FRONT_CAP}篇" in text
    assert f"二〇二〇年头版第{FRONT_CAP + 1}篇" not in text and "二〇二〇年第二版" not in text
    assert "本期另有 4 篇文章，见本期目录。" in text
    assert "六月一日的文章" not in text
    assert '<a rel="next" href="/today/06-01/">6月1日 →</a>' in html


def test_today_index_links_the_days_that_have_pages(built: tuple[Path, str]):
    out, _ = built
    html = page(out, "today")
    assert re.findall(r'data-day="([\d-]+)"', html) == ["05-04", "06-01"]
    assert html.count("<h2 ") == 12  # a calendar of the twelve months, 2月 with its 29th
    assert '<span class="no-page">29</span>' in html
    assert sorted(p.name for p in (out / "today").iterdir()) == ["05-04", "06-01",
                                                                 "index.html"]
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://archive.example.org/today/05-04/" in sitemap
    assert "https://archive.example.org/about/" in sitemap


def test_a_new_issue_renders_its_own_day_page_only(project: Path, tmp_path: Path):
    root = tmp_path / "project"
    shutil.copytree(project / "content", root / "content")
    shutil.copy(project / "site.yaml", root / "site.yaml")
    out = root / "public"
    assert build(root, out, "--quiet") == 0
    other = out / "today/06-01/index.html"
    before = other.stat().st_mtime_ns
    write(root / "content", "2019-05-04", 1, 1, "二〇一九年的头版文章")
    assert build(root, out, "--quiet") == 0
    assert other.stat().st_mtime_ns == before  # not rendered again
    assert "二〇一九年的头版文章" in page(out, "today/05-04")
    assert build(root, root / "clean", "--quiet", "--clean") == 0
    assert differences(out, root / "clean") == []
    # The day's last issue goes: its page goes too, and the neighbours' links change.
    shutil.rmtree(root / "content/xuchang/ribao/2022")
    assert build(root, out, "--quiet", "--allow-removed") == 0
    assert not (out / "today/06-01").exists()
    shutil.rmtree(root / "clean")
    assert build(root, root / "clean", "--quiet", "--clean", "--allow-removed") == 0
    assert differences(out, root / "clean") == []


# -- /today/ in a browser ---------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
browser_only = pytest.mark.skipif(os.environ.get("ARCHIVE_SKIP_BROWSER") == "1",
                                  reason="ARCHIVE_SKIP_BROWSER=1")


@pytest.fixture(scope="module")
def served(serve_build, project: Path) -> BuiltSite:
    return serve_build(project / "content")


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                    args=["--no-sandbox", "--disable-gpu"])
        yield browser
        browser.close()


def open_today(chromium: Any, site: BuiltSite, instant: str,
               path: str = "/today/") -> tuple[Any, list[str]]:
    """/today/ in a browser in Shanghai whose clock reads `instant`: (the tab, its
    uncaught script errors)."""
    context = chromium.new_context(locale="zh-CN", timezone_id="Asia/Shanghai")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda err: errors.append(str(err)))
    tab.clock.set_fixed_time(dt.datetime.fromisoformat(instant))
    tab.goto(site.page_url(path))
    tab.wait_for_load_state("load")
    return tab, errors


@browser_only
def test_today_opens_the_page_of_the_readers_local_day(chromium: Any, served: BuiltSite):
    # 20:00 UTC on 3 May is 04:00 on 4 May in Shanghai: the reader's day is 5月4日.
    tab, errors = open_today(chromium, served, "2024-05-03T20:00:00+00:00")
    tab.wait_for_url("**/today/05-04/")
    assert tab.locator("h1").inner_text() == "历史上的今天：5月4日"
    assert not errors
    tab.go_back()  # the index replaced itself: back leaves the archive's today
    assert "/today/" not in tab.url
    tab.context.close()


@browser_only
def test_today_stays_on_the_calendar_without_a_page_for_the_day(chromium: Any,
                                                                 served: BuiltSite):
    tab, _ = open_today(chromium, served, "2024-07-01T04:00:00+00:00")
    assert tab.url.endswith("/today/")
    assert "没有往年7月1日的文章" in tab.locator("#today-status").inner_text()
    tab.context.close()
    # Back from a day page (#calendar): the calendar stays, today's day marked.
    tab, errors = open_today(chromium, served, "2024-06-01T04:00:00+00:00",
                             "/today/#calendar")
    assert tab.url.endswith("/today/#calendar")
    assert tab.locator('a[aria-current="date"]').get_attribute("data-day") == "06-01"
    assert not errors
    tab.context.close()
