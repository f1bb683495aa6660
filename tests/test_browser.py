"""The built site in a real browser: Debian's Chromium driven by Playwright.

A reader's path (home → paper → calendar day → page → article), breadcrumbs (back
to the issue, and to the city's page with its papers), previous/next links, the
redirect from an article's old URL, the skip link and landmarks, phone width, and escaping of
hostile article text. The sample archive is built into a temporary folder and
served on 127.0.0.1 (tests/conftest.py); nothing is fetched from elsewhere.

Chromium must be at /usr/bin/chromium (`apt-get install -y chromium`; .ci/run does
it). Without it these tests fail: they are skipped only when ARCHIVE_SKIP_BROWSER=1.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from e2e_site import HOSTILE_BYLINE, HOSTILE_TITLE, BuiltSite

pytestmark = pytest.mark.skipif(os.environ.get("ARCHIVE_SKIP_BROWSER") == "1",
                                reason="ARCHIVE_SKIP_BROWSER=1")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
TIMEOUT_MS = 10_000
BREADCRUMBS = "nav.breadcrumbs, nav[aria-label*='面包屑']"


# -- what the content says ---------------------------------------------------------

@dataclass
class Article:
    path: Path  # content/<city>/<paper>/<YYYY>/<MM>/<DD>/<PP>-<NN>.md
    front: dict[str, Any]
    body: str

    @property
    def url(self) -> str:  # the permalink: the content path without .md
        rel = self.path.with_suffix("").as_posix().split("/")[-6:]
        return "/" + "/".join(rel) + "/"

    @property
    def city_url(self) -> str:  # /<city>/
        return "/" + self.url.split("/")[1] + "/"

    @property
    def paper_url(self) -> str:  # /<city>/<paper>/
        return "/" + "/".join(self.url.split("/")[1:3]) + "/"

    @property
    def issue_url(self) -> str:
        return self.url.rsplit("/", 2)[0] + "/"

    @property
    def page_label(self) -> str:
        return self.path.stem.split("-")[0]

    @property
    def date(self) -> dt.date:
        value = self.front["date"]
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))

    def neighbour_url(self, step: int) -> str:
        """The permalink of the article `step` places after this one on the same page."""
        page, seq = self.path.stem.split("-")
        return f"{self.issue_url}{page}-{int(seq) + step:0{len(seq)}d}/"

    def body_snippet(self) -> str:
        """A piece of the first paragraph that Markdown leaves as it is."""
        for para in self.body.split("\n\n"):
            text = para.strip()
            if len(text) >= 12 and not re.search(r"[*_`\[\]\\<>&#]", text):
                return text[:12]
        raise AssertionError(f"{self.path}: no plain paragraph to look for")


def read_article(path: Path) -> Article:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return Article(path, yaml.safe_load(front), body)


def cn_date(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def date_label(article: Article) -> str:
    """How links name an article's issue date: with （推断） when it is an estimate."""
    mark = "（推断）" if "date" in (article.front.get("inferred") or ()) else ""
    return cn_date(article.front["date"]) + mark


def issue_articles(issue_dir: Path) -> list[Article]:
    """An issue's articles in reading order (page, then NN)."""
    files = sorted(issue_dir.glob("*-*.md"),
                   key=lambda p: (p.stem.split("-")[0].zfill(4), int(p.stem.split("-")[1])))
    return [read_article(p) for p in files]


@pytest.fixture(scope="module")
def target(sample_site: BuiltSite) -> Article:
    """An article with a headline and a byline, with articles before and after it on its page."""
    for path in sorted(sample_site.content.rglob("*-*.md")):
        page, seq = path.stem.split("-")
        neighbours = [path.with_name(f"{page}-{int(seq) + d:0{len(seq)}d}.md") for d in (-1, 1)]
        if not all(n.is_file() for n in neighbours):
            continue
        article = read_article(path)
        if article.front.get("title") and article.front.get("byline"):
            return article
    raise AssertionError("content/ has no titled article with neighbours on its page")


# The site's own scripts: the search engine, the search page and highlighting, and the
# article page's citations (access date, downloads).
SITE_SCRIPTS = ("/assets/search-engine.js", "/assets/search.js", "/assets/cite.js")


# -- the browser -------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: run `apt-get install -y "
                    "chromium` (.ci/run does this), or set ARCHIVE_SKIP_BROWSER=1 to skip "
                    "the browser tests", pytrace=False)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is not installed: python3 -m pip install -e '.[test]' "
                    "(never `playwright install`: the tests use Debian's Chromium)",
                    pytrace=False)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                     args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Tab:
    """A page plus everything that must not happen on it."""

    page: Any
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # uncaught JS errors
    failed: list[str] = field(default_factory=list)  # sub-resources that did not load
    external: list[str] = field(default_factory=list)  # requests off 127.0.0.1

    def goto(self, url: str, status: int = 200) -> None:
        response = self.page.goto(url)
        assert response is not None and response.status == status, \
            f"{url}: HTTP {response.status if response else 'no response'}"

    def path(self) -> str:
        return urlsplit(self.page.url).path

    def assert_clean(self) -> None:
        assert not self.dialogs, f"dialogs opened: {self.dialogs}"
        assert not self.errors, f"JavaScript errors: {self.errors}"
        assert not self.failed, f"resources that failed to load: {self.failed}"
        assert not self.external, f"requests to other hosts: {self.external}"


def open_tab(context: Any) -> Iterator[Tab]:
    page = context.new_page()
    tab = Tab(page)

    def on_dialog(dialog: Any) -> None:
        tab.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_request(request: Any) -> None:
        if urlsplit(request.url).hostname not in ("127.0.0.1", None):
            tab.external.append(request.url)

    def on_response(response: Any) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            tab.failed.append(f"{response.status} {response.url}")

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda err: tab.errors.append(str(err)))
    page.on("request", on_request)
    page.on("response", on_response)
    def on_failed(request: Any) -> None:
        # The icon's request is cancelled when a search or a link navigates on before it
        # arrived: not a missing file (a missing one is a 404, counted above).
        if request.url.endswith("/favicon.svg") and request.failure == "net::ERR_ABORTED":
            return
        tab.failed.append(f"failed {request.url}")

    page.on("requestfailed", on_failed)
    yield tab
    page.close()


def new_context(browser: Any, **args: Any) -> Iterator[Any]:
    context = browser.new_context(locale="zh-CN", **args)
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture(scope="module")
def desktop(browser: Any) -> Iterator[Any]:
    yield from new_context(browser, viewport=DESKTOP)


@pytest.fixture(scope="module")
def mobile(browser: Any) -> Iterator[Any]:
    yield from new_context(browser, viewport=PHONE, device_scale_factor=2, is_mobile=True,
                           has_touch=True)


@pytest.fixture
def tab(desktop: Any) -> Iterator[Tab]:
    """A fresh page at desktop size (the context, without cookies or storage, is shared)."""
    yield from open_tab(desktop)


@pytest.fixture
def phone(mobile: Any) -> Iterator[Tab]:
    """A fresh page on a 375 px wide phone screen."""
    yield from open_tab(mobile)


# -- a reader's path ----------------------------------------------------------------

def test_click_through_to_an_article(tab: Tab, sample_site: BuiltSite, target: Article):
    front = target.front
    page = tab.page
    prefix = sample_site.prefix
    tab.goto(sample_site.page_url("/"))

    page.locator("main").get_by_role("link", name=front["paper"], exact=True).first.click()
    paper_url = target.paper_url
    page.wait_for_url(f"**{paper_url}")
    assert tab.path() == prefix + paper_url

    # The calendar: the day's link is named by its full date.
    day = page.locator("main table").get_by_role("link", name=date_label(target), exact=True)
    # An estimated date carries a * (explained above the calendar).
    star = "*" if "date" in (front.get("inferred") or ()) else ""
    assert day.inner_text().strip() == f"{target.date.day}{star}"
    day.click()
    page.wait_for_url(f"**{target.issue_url}")
    assert front["paper"] in page.locator("h1").inner_text()

    page.locator("main").get_by_role(
        "link", name=re.compile(rf"^第{target.page_label}版")).first.click()
    page_url = f"{target.issue_url}{target.page_label}/"
    page.wait_for_url(f"**{page_url}")
    assert tab.path() == prefix + page_url

    page.locator("main").get_by_role("link", name=front["title"], exact=True).click()
    page.wait_for_url(f"**{target.url}")
    assert tab.path() == prefix + target.url

    # The article itself.
    assert page.locator("h1").inner_text().strip() == front["title"]
    assert front["title"] in page.title()
    header = page.locator("main article").inner_text()
    assert front["byline"] in header
    assert cn_date(target.date) in header
    assert target.body_snippet() in page.locator("main article").inner_text()
    if front.get("kicker"):
        assert front["kicker"] in header
    tab.assert_clean()


def test_breadcrumb_leads_back_to_the_issue(tab: Tab, sample_site: BuiltSite, target: Article):
    tab.goto(sample_site.page_url(target.url))
    crumbs = tab.page.locator(BREADCRUMBS)
    assert crumbs.count() == 1, "no breadcrumb navigation on the article page"
    crumbs.get_by_role("link", name=date_label(target), exact=True).click()
    tab.page.wait_for_url(f"**{target.issue_url}")
    assert tab.path() == sample_site.prefix + target.issue_url
    assert target.front["paper"] in tab.page.locator("h1").inner_text()
    # …and the issue lists the article.
    assert tab.page.locator("main").get_by_role("link", name=target.front["title"],
                                                exact=True).count() >= 1
    tab.assert_clean()


def test_breadcrumb_leads_to_the_city_and_its_papers(tab: Tab, sample_site: BuiltSite,
                                                     target: Article):
    """Article → the city's page (breadcrumb) → the paper's page with its calendar."""
    front = target.front
    page = tab.page
    tab.goto(sample_site.page_url(target.url))
    page.locator(BREADCRUMBS).get_by_role("link", name=front["city"], exact=True).click()
    page.wait_for_url(f"**{target.city_url}")
    assert tab.path() == sample_site.prefix + target.city_url
    assert page.locator("h1").inner_text().strip() == front["city"]
    page.locator("main").get_by_role("link", name=front["paper"], exact=True).first.click()
    page.wait_for_url(f"**{target.paper_url}")
    assert tab.path() == sample_site.prefix + target.paper_url
    assert page.locator("main table").get_by_role(
        "link", name=date_label(target), exact=True).count() == 1
    tab.assert_clean()


def test_an_old_url_takes_the_reader_to_the_article(tab: Tab, sample_site: BuiltSite,
                                                    target: Article):
    """The URL an article had before the archive moved (an alias) opens the article."""
    aliases = target.front.get("aliases") or []
    assert aliases, f"{target.path}: no aliases; the sample archive was migrated"
    tab.goto(sample_site.page_url(aliases[0]))
    tab.page.wait_for_url(f"**{target.url}")
    assert tab.path() == sample_site.prefix + target.url
    assert tab.page.locator("h1").inner_text().strip() == target.front["title"]
    tab.assert_clean()


def test_previous_and_next_article(tab: Tab, sample_site: BuiltSite, target: Article):
    page = tab.page
    before, after = target.neighbour_url(-1), target.neighbour_url(1)
    tab.goto(sample_site.page_url(target.url))
    page.locator("a[rel='next']").click()
    page.wait_for_url(f"**{after}")
    assert tab.path() == sample_site.prefix + after
    page.locator("a[rel='prev']").click()
    page.wait_for_url(f"**{target.url}")
    assert page.locator("h1").inner_text().strip() == target.front["title"]
    page.locator("a[rel='prev']").click()
    page.wait_for_url(f"**{before}")
    assert tab.path() == sample_site.prefix + before
    tab.assert_clean()


def test_next_links_walk_the_whole_issue(tab: Tab, sample_site: BuiltSite):
    """From the first article, `next` visits every article of the issue once, in order."""
    issues = {p.parent for p in sample_site.content.rglob("*-*.md")}
    smallest = min(sorted(issues), key=lambda d: len(list(d.glob("*-*.md"))))
    expected = [a.url for a in issue_articles(smallest)]
    page = tab.page
    tab.goto(sample_site.page_url(expected[0]))
    assert page.locator("a[rel='prev']").count() == 0, "the first article has a previous link"
    for url in expected[1:]:
        page.locator("a[rel='next']").click()
        page.wait_for_url(f"**{url}")
        assert tab.path() == sample_site.prefix + url
    assert page.locator("a[rel='next']").count() == 0, "the last article has a next link"
    tab.assert_clean()


# -- structure and keyboard, on every kind of page -------------------------------------

def page_kinds(target: Article) -> dict[str, str]:
    return {
        "home": "/",
        "city": target.city_url,
        "paper": target.paper_url,
        "issue": target.issue_url,
        "page": f"{target.issue_url}{target.page_label}/",
        "article": target.url,
        "search": "/search/",
    }


KINDS = ["home", "city", "paper", "issue", "page", "article", "search", "404"]


def kind_url(kind: str, target: Article) -> tuple[str, int]:
    if kind == "404":
        return "/no-such-page/", 404
    return page_kinds(target)[kind], 200


@pytest.mark.parametrize("kind", KINDS)
def test_landmarks_and_skip_link(tab: Tab, sample_site: BuiltSite, target: Article, kind: str):
    path, status = kind_url(kind, target)
    tab.goto(sample_site.page_url(path), status)
    page = tab.page
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    assert page.locator("h1").count() == 1, "expected exactly one <h1>"
    assert page.locator("main").count() == 1, "expected one <main> landmark"
    assert page.get_by_role("main").count() == 1

    # The first Tab stop is the skip link, it is visible when focused, and it moves focus
    # to <main>, so that the next Tab stop is inside the content.
    page.keyboard.press("Tab")
    first = page.evaluate("""() => {
        const el = document.activeElement, r = el.getBoundingClientRect();
        return {tag: el.tagName, href: el.getAttribute('href') || '', text: el.innerText,
                visible: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
                         && r.left < innerWidth && r.top < innerHeight};
    }""")
    main_id = page.evaluate("document.querySelector('main').id")
    assert main_id, "<main> has no id for the skip link to point to"
    assert first["tag"] == "A" and first["href"] == f"#{main_id}", \
        f"first Tab stop is {first}, not the skip link to #{main_id}"
    assert first["visible"], "the skip link is not visible when it has focus"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement === document.querySelector('main')"), \
        "the skip link did not move focus to <main>"
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)"), \
        "after the skip link, Tab did not go into the main content"
    tab.assert_clean()


@pytest.mark.parametrize("kind", KINDS)
def test_no_horizontal_scroll_on_a_phone(phone: Tab, sample_site: BuiltSite, target: Article,
                                         kind: str):
    path, status = kind_url(kind, target)
    phone.goto(sample_site.page_url(path), status)
    width = phone.page.evaluate("document.scrollingElement.scrollWidth")
    if width > PHONE["width"]:
        wide = phone.page.evaluate("""(limit) => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > limit + 1)
            .slice(0, 10)
            .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
                       + ' right=' + Math.round(el.getBoundingClientRect().right))""",
                                   PHONE["width"])
        pytest.fail(f"{path}: page is {width}px wide at {PHONE['width']}px; too wide: {wide}")
    phone.assert_clean()


# -- hostile text ----------------------------------------------------------------------

def test_hostile_article_text_is_shown_not_run(tab: Tab, hostile_site: BuiltSite):
    page = tab.page
    tab.goto(hostile_site.page_url("/ceshi/ribao/2024/01/02/01-02/"))
    page.wait_for_load_state("load")  # an <img onerror> would have fired by now
    assert tab.dialogs == [], f"the page ran the article's script: {tab.dialogs}"

    assert page.locator("h1").inner_text().strip() == HOSTILE_TITLE
    assert HOSTILE_TITLE in page.title()
    article = page.locator("main article")
    text = article.inner_text()
    assert HOSTILE_BYLINE in text
    assert "第一段正文。<script>alert(1)</script>" in text
    assert "第二段正文：<img src=x onerror=alert(1)>" in text
    assert '<a href="javascript:alert(1)" onclick="alert(1)">z</a>' in text

    # Nothing of it became markup: no script, image or handler, no javascript: URL.
    assert article.locator("script, img, iframe, object, embed").count() == 0
    # The only scripts are the structured data and the site's own search scripts.
    scripts = page.evaluate(
        "[...document.scripts].map(s => s.src ? new URL(s.src).pathname : s.type)")
    assert all(s == "application/ld+json" or s.endswith(SITE_SCRIPTS)
               for s in scripts), scripts
    handlers = page.evaluate("""[...document.querySelectorAll('*')].flatMap(el =>
        [...el.attributes].filter(a => a.name.startsWith('on'))
                          .map(a => el.tagName + ' ' + a.name))""")
    assert handlers == []
    hrefs = page.evaluate("[...document.querySelectorAll('[href], [src]')]"
                          ".map(el => el.getAttribute('href') ?? el.getAttribute('src'))")
    assert not [h for h in hrefs if re.sub(r"[\x00-\x20]", "", h).lower().startswith(
        ("javascript:", "data:", "vbscript:"))], hrefs

    # The JSON-LD block was not broken out of, and still holds the real headline.
    headline = page.evaluate("JSON.parse(document.querySelector("
                             "'script[type=\"application/ld+json\"]').textContent).headline")
    assert headline == HOSTILE_TITLE

    # Following the neutralised links runs nothing either.
    for name in ("x", "y"):
        link = article.get_by_role("link", name=name, exact=True)
        if link.count():
            link.click()
            page.wait_for_timeout(100)
    assert tab.dialogs == [], f"a dialog opened: {tab.dialogs}"
    tab.assert_clean()


# -- the editor's check page (archive serve only) -------------------------------------

def test_an_editor_opens_the_check_page_and_follows_a_doubt_to_its_article(
        tab: Tab, tmp_path: Path):
    # A one-issue project whose re-segmented articles carry their real doubts: the
    # check page lists them, and its link opens the article in the live preview.
    from e2e_site import one_issue_project
    from test_serve import start_serve

    from generator.cli import main

    root = one_issue_project(tmp_path)
    pages = root / "pages"
    pages.mkdir()
    # Two stories and one headline between them: which one it belongs to is a doubt.
    (pages / "06.txt").write_text(
        "本报讯（记者 王立）3月1日，城东区召开专题会议，研究部署春季防火工作。\n\n"
        "会议要求，各部门要压实责任，确保各项任务按时完成。\n\n城东区部署春季防火工作\n\n"
        "本报讯（记者 李明）3月1日，城西区启动老旧小区改造，首批十个小区开工。\n",
        encoding="utf-8")
    assert main(["ingest", str(pages / "06.txt"), "--content", str(root / "content"),
                 "--city", "许昌", "--paper", "许昌日报", "--date", "2023-03-24",
                 "--page", "6"]) == 0
    server = start_serve(root, "--no-search")
    try:
        tab.goto(f"{server.url}/_check/")
        page = tab.page
        heading = page.get_by_role("heading", level=1)
        assert heading.count() == 1 and heading.inner_text().strip()
        doubt = page.locator("a[href$='/06-02/']").first
        assert doubt.count() == 1, page.content()[:2000]
        assert "无标题" in doubt.inner_text()  # the untitled story, named by its first words
        assert "no headline found" in page.locator("body").inner_text()
        doubt.click()
        page.wait_for_load_state()
        assert tab.path().endswith("/06-02/")
        assert "城西区启动老旧小区改造" in page.locator("main, body").first.inner_text()
        # The live-reload event stream of the page left behind is cut by the navigation.
        tab.failed = [f for f in tab.failed if not f.endswith("/__archive/events")]
        tab.assert_clean()
    finally:
        assert server.interrupt() == 0
