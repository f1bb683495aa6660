"""Link checker over the built sample site: no internal link may be broken.

Every .html file is parsed with the standard library's html.parser. Every href,
src and srcset that stays on the site (a path, a relative URL, or an absolute URL
on the site's own base URL, such as the canonical link) is resolved against the
page's URL and must name a file of the build: `/a/b/` is `a/b/index.html`; the
query and fragment are not part of the file. A #fragment must name an id (or a
named anchor) on its target page, whether that is the same page or another one.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from e2e_site import BuiltSite

LINK_ATTRS = {"href", "src", "action", "poster", "data"}


@dataclass
class Link:
    line: int
    tag: str
    attr: str
    value: str


@dataclass
class ParsedPage:
    links: list[Link] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.page.ids.add(value)
            elif name in LINK_ATTRS:
                self.page.links.append(Link(line, tag, name, value.strip()))
            elif name == "srcset":
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    if url:
                        self.page.links.append(Link(line, tag, name, url))


def parse_html(path: Path) -> ParsedPage:
    parser = _LinkParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.page


class LinkChecker:
    """Checks the links of every page of a site served from `docroot` at `origin`."""

    def __init__(self, docroot: Path, origin: str):
        self.docroot = docroot.resolve()
        self.origin = origin.rstrip("/")  # scheme://host:port, no path
        self._pages: dict[Path, ParsedPage] = {}

    def parsed(self, path: Path) -> ParsedPage:
        if path not in self._pages:
            self._pages[path] = parse_html(path)
        return self._pages[path]

    def url_of(self, path: Path) -> str:
        rel = path.relative_to(self.docroot).as_posix()
        if rel == "index.html" or rel.endswith("/index.html"):
            rel = rel[: -len("index.html")]
        return f"{self.origin}/{rel}"

    def target_file(self, url_path: str) -> Path | None:
        """The file a URL path names, or None when the build has none."""
        rel = unquote(url_path).lstrip("/")
        target = (self.docroot / rel).resolve()
        if not target.is_relative_to(self.docroot):
            return None
        if url_path.endswith("/") or target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def check_page(self, path: Path) -> tuple[list[str], int]:
        """(problems as 'page:line: <tag attr="value">: why', number of internal links)."""
        page = self.parsed(path)
        page_url = self.url_of(path)
        shown = path.relative_to(self.docroot).as_posix()
        problems: list[str] = []
        checked = 0
        for link in page.links:
            resolved = urlsplit(urljoin(page_url, link.value))
            if resolved.scheme not in ("http", "https") or \
                    f"{resolved.scheme}://{resolved.netloc}" != self.origin:
                continue  # another site, mailto:, data:, …
            checked += 1
            where = f"{shown}:{link.line}: <{link.tag} {link.attr}=\"{link.value}\">"
            target = self.target_file(resolved.path or "/")
            if target is None:
                problems.append(f"{where}: no such file in the build ({resolved.path})")
                continue
            fragment = unquote(resolved.fragment)
            if fragment and target.suffix == ".html" and fragment not in self.parsed(target).ids:
                page_name = "this page" if target == path else target.relative_to(
                    self.docroot).as_posix()
                problems.append(f"{where}: no id=\"{fragment}\" on {page_name}")
        return problems, checked

    def check_site(self, root: Path) -> tuple[list[str], int, int]:
        """(problems, pages checked, internal links checked) for every .html under root."""
        problems: list[str] = []
        pages = links = 0
        for path in sorted(root.resolve().rglob("*.html")):
            found, checked = self.check_page(path)
            problems.extend(found)
            pages += 1
            links += checked
        return problems, pages, links


def origin_of(site: BuiltSite) -> str:
    parts = urlsplit(site.url)
    return f"{parts.scheme}://{parts.netloc}"


def report(problems: list[str]) -> str:
    return f"{len(problems)} broken links:\n" + "\n".join(problems)


@pytest.mark.parametrize("which", ["sample_site", "prefixed_site"])
def test_no_broken_internal_links(request, which):
    site: BuiltSite = request.getfixturevalue(which)
    checker = LinkChecker(site.docroot, origin_of(site))
    problems, pages, links = checker.check_site(site.root)
    articles = len(list(site.content.rglob("*.md")))
    assert pages > articles, f"{pages} pages built from {articles} article files"
    assert links >= 10 * pages, f"only {links} internal links on {pages} pages: parser broken?"
    assert not problems, report(problems)


def test_hostile_site_links(hostile_site):
    """Neutralised javascript: links must still point somewhere real (or be plain text)."""
    checker = LinkChecker(hostile_site.docroot, origin_of(hostile_site))
    problems, _pages, _links = checker.check_site(hostile_site.root)
    assert not problems, report(problems)


def test_same_page_fragments_exist(sample_site):
    """Every href="#x" names an element of the page it is on (skip link, year index…)."""
    checker = LinkChecker(sample_site.docroot, origin_of(sample_site))
    problems, count = [], 0
    for path in sorted(sample_site.root.rglob("*.html")):
        page = checker.parsed(path)
        for link in page.links:
            if link.attr == "href" and link.value.startswith("#") and len(link.value) > 1:
                count += 1
                if unquote(link.value[1:]) not in page.ids:
                    problems.append(f"{path.relative_to(sample_site.root)}:{link.line}: "
                                    f"href=\"{link.value}\": no such id on the page")
    assert count > 0, "no #fragment links found; the skip link should be on every page"
    assert not problems, report(problems)


def test_sitemap_and_feed_urls_exist(sample_site):
    """Every <loc> of the sitemap and every link of the Atom feeds names a built page."""
    checker = LinkChecker(sample_site.docroot, origin_of(sample_site))
    problems: list[str] = []
    files = [sample_site.root / "sitemap.xml", *sorted(sample_site.root.rglob("feed.xml"))]
    urls = 0
    for xml_file in files:
        tree = ET.parse(xml_file)
        found = [el.text or "" for el in tree.iter() if el.tag.endswith("}loc")]
        found += [el.get("href", "") for el in tree.iter() if el.tag.endswith("}link")]
        for url in found:
            urls += 1
            parts = urlsplit(url)
            shown = xml_file.relative_to(sample_site.root).as_posix()
            if f"{parts.scheme}://{parts.netloc}" != checker.origin:
                problems.append(f"{shown}: {url}: not on the site's base URL {sample_site.url}")
            elif checker.target_file(parts.path or "/") is None:
                problems.append(f"{shown}: {url}: no such file in the build")
    assert urls > 50
    assert not problems, report(problems)


def test_checker_finds_broken_links(tmp_path):
    """The checker itself: a missing file, a missing fragment, an escape from the root."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<!doctype html><title>a</title><main id="main">'
        '<a href="#main">ok</a> <a href="#nope">same page</a>\n'
        '<a href="../b/">missing</a> <img src="/a/?q=1#main" alt="">\n'
        '<a href="/a/#gone">other page fragment</a> <a href="../../../etc/passwd">out</a>\n'
        '<a href="https://example.org/x">external</a> <a href="mailto:x@example.org">m</a>\n'
        '<a href="http://127.0.0.1:9/missing/">own origin</a></main>',
        encoding="utf-8")
    checker = LinkChecker(tmp_path, "http://127.0.0.1:9")
    problems, pages, links = checker.check_site(tmp_path)
    assert pages == 1
    assert links == 7
    text = "\n".join(problems)
    assert 'href="#nope">: no id="nope" on this page' in text
    assert 'href="../b/">: no such file' in text
    assert 'href="/a/#gone">: no id="gone"' in text
    assert "etc/passwd" in text
    assert 'href="http://127.0.0.1:9/missing/">: no such file' in text
    assert len(problems) == 5, text
