"""Every kind of page of the built sample site passes axe-core, in Chromium.

axe-core is the engine behind the accessibility audits of Lighthouse and of most
browser tools; its script comes with the `axe-playwright-python` package (test extra)
and is injected into each page, so nothing is fetched. The pages are checked at
desktop and phone width, after their scripts ran (the search page with results), with
WCAG 2.1 A/AA rules and axe's best practices. `benchmarks/lighthouse.py` runs
Lighthouse itself where it is installed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_site import BuiltSite

pytestmark = pytest.mark.skipif(os.environ.get("ARCHIVE_SKIP_BROWSER") == "1",
                                reason="ARCHIVE_SKIP_BROWSER=1")

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}


def axe_script() -> Path:
    try:
        import axe_playwright_python
    except ImportError:
        pytest.fail("axe-core is missing: install the test extra, "
                    "python3 -m pip install -e '.[test]' (package axe-playwright-python)")
    script = Path(axe_playwright_python.__file__).with_name("axe.min.js")
    if not script.is_file():
        pytest.fail(f"{script} is missing: reinstall axe-playwright-python")
    return script


def first(root: Path, pattern: str, test=lambda p: True) -> str:
    """The site path of the first output file matching a pattern (and a test)."""
    for path in sorted(root.glob(pattern)):
        if test(path):
            rel = path.relative_to(root).as_posix()
            return "/" + rel.removesuffix("index.html")
    raise AssertionError(f"no page matches {pattern}")


def untitled(path: Path) -> bool:
    return 'class="untitled-tag"' in path.read_text(encoding="utf-8")


def titled(path: Path) -> bool:
    return not untitled(path)


def page_paths(root: Path) -> dict[str, str]:
    """One page of each kind the site has: what a reader can land on."""
    # Paper folders only (*/ribao/…): the sample's old URLs (/<city>/<YYYY>/…) hold
    # redirect pages, which leave before a check could run.
    article = "*/ribao/[0-9]*/[0-9]*/[0-9]*/[0-9]*-[0-9]*/index.html"
    pages = {
        "home": "/",
        "city": first(root, "*/index.html", lambda p: (p.parent / "ribao").is_dir()),
        "paper": first(root, "*/ribao/index.html"),
        "issue": first(root, "*/ribao/[0-9]*/[0-9]*/[0-9]*/index.html"),
        "page view": first(root, "*/ribao/[0-9]*/[0-9]*/[0-9]*/[0-9][0-9]/index.html"),
        "article": first(root, article, titled),
        "untitled article": first(root, article, untitled),
        "search": "/search/?q=" + "许昌",
        "data": "/data/",
        "not found": "/404.html",
    }
    # Pages of the site's sections where the archive has them.
    # /today/ opens the page of the reader's day; #calendar keeps it on the calendar.
    if (root / "today" / "index.html").is_file():
        pages["on this day"] = "/today/#calendar"
    for name, pattern in (("about", "about/index.html"),
                          ("day", "today/*/index.html"), ("entities", "people/index.html"),
                          ("entity", "people/*/index.html")):
        if any(root.glob(pattern)):
            pages[name] = first(root, pattern)
    return pages


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield browser
        browser.close()


def violations(browser, url: str, size: dict[str, int], script: Path) -> list[str]:
    page = browser.new_page(viewport=size)
    try:
        page.goto(url)
        if "/search/" in url:
            page.wait_for_selector("#search-results li", timeout=15_000)
        page.add_script_tag(path=str(script))
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                               TAGS)
    finally:
        page.close()
    return [f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                        for n in v["nodes"][:3])
            for v in result["violations"]]


def test_every_kind_of_page_passes_axe(sample_site: BuiltSite, browser):
    script = axe_script()
    pages = page_paths(sample_site.root)
    problems = {}
    for name, path in pages.items():
        for size_name, size in SIZES.items():
            found = violations(browser, sample_site.page_url(path), size, script)
            if found:
                problems[f"{name} {path} ({size_name})"] = found
    assert problems == {}


def test_the_checker_finds_a_real_violation(sample_site: BuiltSite, browser, tmp_path):
    """The harness is live: a page with an unlabelled input and an image without alt fails."""
    bad = sample_site.root / "axe-check" / "index.html"
    bad.parent.mkdir(exist_ok=True)
    home = (sample_site.root / "index.html").read_text(encoding="utf-8")
    bad.write_text(re.sub(r"</main>", '<img src="x.png"><input type="text"></main>', home),
                   encoding="utf-8")
    try:
        found = violations(browser, sample_site.page_url("/axe-check/"), SIZES["desktop"],
                           axe_script())
    finally:
        bad.unlink()
        bad.parent.rmdir()
    ids = {line.split(" ")[0] for line in found}
    assert {"image-alt", "label"} <= ids
