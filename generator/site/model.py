"""The site model: papers → issues → printed pages → articles, built once per build.

Every page of the site is rendered from this model alone, so each output file is
a function of the records it shows; that is what lets a later build redo only
the files whose records changed.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from generator.site import urls

PageRef = int | str


@dataclass(slots=True)
class ArticleRec:
    """What the site knows of one article file (the body is rendered separately)."""

    rel: str  # "xuchang/ribao/2023/03/23/06-02": the permalink path and the content path
    url: str  # "/xuchang/ribao/2023/03/23/06-02/"
    slug: str  # the paper's folder under its city: "xuchang/ribao"
    city: str
    paper: str
    date: dt.date
    page: PageRef
    seq: int
    title: str | None
    kicker: str | None
    subtitle: str | None
    byline: str | None
    kind: str
    section: str | None
    continued_from: PageRef | None
    continues_on: PageRef | None
    source: str | None  # raw page text, relative to the content root
    inferred: tuple[str, ...]
    excerpt: str  # the first words of the body, for lists and feeds
    chars: int  # body length in characters
    display_title: str  # the headline, else ［its first words］: never an invented headline
    authors: tuple[str, ...] = ()  # person names from the byline, for citations and feeds
    aliases: tuple[str, ...] = ()  # earlier URLs of this article, redirected to it
    # The day the article file last changed (its mtime, UTC): schema.org dateModified.
    # Last, with a default: the build cache stores records as tuples in field order.
    modified: dt.date | None = None


@dataclass
class PageRec:
    """One printed page of an issue."""

    slug: str
    date: dt.date
    page: PageRef
    articles: list[ArticleRec] = field(default_factory=list)
    source: str | None = None  # raw OCR text of the page, relative to the content root
    section: str | None = None
    url: str = ""  # computed once: templates ask for it many times
    label: str = ""
    scan: str | None = None  # a scan of the page (.jpg …), relative to the content root
    scan_kind: str | None = None  # jpg, png, webp or pdf
    scan_size: tuple[int, int] | None = None  # an image's width and height, as shown

    def __post_init__(self) -> None:
        self.url = urls.page(self.slug, self.date, self.page)
        self.label = urls.page_label(self.page)

    @property
    def source_url(self) -> str | None:
        return urls.source(self.source) if self.source else None

    @property
    def scan_url(self) -> str | None:
        return urls.scan(self.scan) if self.scan else None

    @property
    def inferred(self) -> frozenset[str]:
        """Fields that are estimates for some article of the page (its page number)."""
        return frozenset(f for a in self.articles for f in a.inferred)


@dataclass
class Issue:
    slug: str
    paper: str
    date: dt.date
    pages: list[PageRec] = field(default_factory=list)
    prev: Issue | None = None
    next: Issue | None = None
    url: str = ""
    city: str = ""
    redirects: list[tuple[str, str, str]] = field(default_factory=list)  # its old URLs

    def __post_init__(self) -> None:
        self.url = urls.issue(self.slug, self.date)

    @property
    def articles(self) -> list[ArticleRec]:
        return [a for p in self.pages for a in p.articles]

    @property
    def data_url(self) -> str:
        return urls.issue_data(self.slug, self.date)

    @functools.cached_property
    def inferred(self) -> frozenset[str]:
        """Fields that are estimates for some article of the issue (its date, its paper):
        every view that shows them says so."""
        return frozenset(f for p in self.pages for a in p.articles for f in a.inferred)


@dataclass
class Paper:
    slug: str  # its path: "xuchang/ribao"
    name: str
    city: str
    issues: list[Issue] = field(default_factory=list)  # oldest first

    @property
    def url(self) -> str:
        return urls.paper(self.slug)

    @property
    def city_slug(self) -> str:
        return self.slug.split("/", 1)[0]

    @property
    def has_inferred_dates(self) -> bool:
        return any("date" in i.inferred for i in self.issues)

    @property
    def name_inferred(self) -> bool:
        """The paper's name is an estimate for all its issues (where only some issues
        estimate it, their own views say so)."""
        return bool(self.issues) and all("paper" in i.inferred for i in self.issues)

    @property
    def city_inferred(self) -> bool:
        return bool(self.issues) and all("city" in i.inferred for i in self.issues)

    @property
    def city_url(self) -> str:
        return urls.city(self.city_slug)

    @property
    def article_count(self) -> int:
        return sum(len(p.articles) for i in self.issues for p in i.pages)

    def years(self) -> list[tuple[int, list[tuple[int, list[Issue]]]]]:
        """(year, [(month, issues)]) newest year first, months in calendar order."""
        by_year: dict[int, dict[int, list[Issue]]] = defaultdict(lambda: defaultdict(list))
        for issue in self.issues:
            by_year[issue.date.year][issue.date.month].append(issue)
        return [(y, sorted(by_year[y].items())) for y in sorted(by_year, reverse=True)]


@dataclass
class City:
    slug: str
    name: str
    papers: list[Paper] = field(default_factory=list)

    @property
    def url(self) -> str:
        return urls.city(self.slug)

    @property
    def article_count(self) -> int:
        return sum(p.article_count for p in self.papers)

    @property
    def name_inferred(self) -> bool:
        return bool(self.papers) and all(p.city_inferred for p in self.papers)


@dataclass
class Site:
    papers: list[Paper]
    config: dict[str, Any]

    @functools.cached_property
    def output_files(self) -> dict[str, str]:
        """Every file the site writes outside its sections, under public/ → what it is.
        Asked twice a build (redirects, alias conflicts): computed once."""
        taken: dict[str, str] = {"index.html": "the home page"}
        for city in self.cities:
            taken[urls.output_file(city.url)] = f"the page of {city.name}"
            taken[urls.output_file(f"{city.url}feed.xml")] = f"the feed of {city.name}"
        for paper in self.papers:
            taken[urls.output_file(paper.url)] = f"the page of {paper.name}"
            taken[urls.output_file(f"{paper.url}feed.xml")] = f"the feed of {paper.name}"
            for issue in paper.issues:
                taken[urls.output_file(issue.url)] = f"the issue {issue.url}"
                taken[urls.output_file(issue.data_url)] = f"the issue's data {issue.data_url}"
                for page in issue.pages:
                    taken[urls.output_file(page.url)] = f"the page {page.url}"
                    if page.source:
                        taken[urls.output_file(urls.source(page.source))] = \
                            f"the page text {page.source}"
                    if page.scan:
                        taken[urls.output_file(urls.scan(page.scan))] = \
                            f"the page scan {page.scan}"
                    for a in page.articles:
                        taken[urls.output_file(a.url)] = f"the article {a.rel}.md"
        return taken

    @property
    def cities(self) -> list[City]:
        """Cities in the order of their first paper, each with its papers."""
        out: dict[str, City] = {}
        for paper in self.papers:
            city = out.setdefault(paper.city_slug, City(paper.city_slug, paper.city))
            city.papers.append(paper)
        return list(out.values())

    @property
    def issues(self) -> list[Issue]:
        return [i for p in self.papers for i in p.issues]

    @property
    def articles(self) -> list[ArticleRec]:
        return [a for p in self.papers for i in p.issues for pg in i.pages for a in pg.articles]

    def latest_articles(self, n: int, slug: str | None = None) -> list[ArticleRec]:
        """The n newest articles (by issue date, then page order) of one paper or all."""
        papers = [p for p in self.papers if slug in (None, p.slug, p.city_slug)]
        issues = sorted((i for p in papers for i in p.issues), key=lambda i: (i.date, i.slug),
                        reverse=True)
        out: list[ArticleRec] = []
        for issue in issues:
            out.extend(issue.articles)
            if len(out) >= n:
                break
        return out[:n]


UNTITLED = "原版未印标题"  # what an untitled article is called where it has no words
LEAD_CHARS = 20


def lead_label(excerpt: str) -> str:
    """The first words of an untitled article's body: its label in lists."""
    text = excerpt.removesuffix("……").strip()
    return text[:LEAD_CHARS].rstrip() + "…" if len(text) > LEAD_CHARS else text


def display_title(title: str | None, excerpt: str) -> str:
    """Where text must name an article (a <title>, a feed, a citation): its headline;
    an untitled one by its first words in square brackets, the cataloguers' mark of a
    title supplied by the archive, never a made-up headline such as 简讯（3）."""
    if title:
        return title
    return f"［{lead_label(excerpt) or UNTITLED}］"


def page_sort_key(page: PageRef) -> tuple[str, int]:
    """1 < 2 < 10 < A1 < A2 < B1: numbers first, then lettered sections."""
    if isinstance(page, int):
        return ("", page)
    letters = page.rstrip("0123456789")
    return (letters.upper(), int(page[len(letters):] or 0))


def build_model(records: list[ArticleRec], sources: dict[tuple, str],
                config: dict[str, Any], scans: dict[tuple, Any] | None = None) -> Site:
    """Group article records into papers, issues and pages, all in reading order.

    sources maps (slug, date, page) → the raw page text file relative to content/;
    scans (slug, date, page) → its scan (generator/content/scans.py ScanInfo).
    """
    scans = scans or {}
    by_issue: dict[tuple[str, dt.date], dict[Any, PageRec]] = defaultdict(dict)
    names: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    cities: dict[str, str] = {}
    for rec in sorted(records, key=lambda r: (r.slug, r.date, page_sort_key(r.page), r.seq)):
        pages = by_issue[(rec.slug, rec.date)]
        key = page_sort_key(rec.page)
        if key not in pages:
            label = urls.page_label(rec.page)
            source = sources.get((rec.slug, rec.date, label))
            pages[key] = PageRec(rec.slug, rec.date, rec.page, source=source)
            scan = scans.get((rec.slug, rec.date, label))
            if scan is not None:
                pages[key].scan, pages[key].scan_kind = scan.rel, scan.kind
                pages[key].scan_size = (scan.width, scan.height) if scan.width else None
        pages[key].articles.append(rec)
        pages[key].section = pages[key].section or rec.section
        names[rec.slug][rec.paper] += 1
        cities.setdefault(rec.slug, rec.city)
    papers: dict[str, Paper] = {}
    for (slug, date), pages in sorted(by_issue.items()):
        if slug not in papers:
            name = max(names[slug].items(), key=lambda kv: kv[1])[0]
            papers[slug] = Paper(slug, name, cities[slug])
        paper = papers[slug]
        issue = Issue(slug, paper.name, date, [pages[k] for k in sorted(pages)],
                      city=paper.city)
        if paper.issues:
            issue.prev, paper.issues[-1].next = paper.issues[-1], issue
        paper.issues.append(issue)
    ordered = sorted(papers.values(), key=lambda p: (-len(p.issues), p.slug))
    site = Site(ordered, config)
    assign_redirects(site)
    return site


# An earlier article URL: /<city>/<paper>/<YYYY>/<MM>/<DD>/<PP>-<NN>/ (an article moved by
# `archive move`), or /<city>/<YYYY>/<MM>/<DD>/<PP>-<NN>/ (the layout before papers had
# folders). A paper slug has a letter, so the two never read alike.
_OLD_ARTICLE_RE = re.compile(r"^/([a-z0-9-]+(?:/[a-z0-9-]*[a-z][a-z0-9-]*)?)/(\d{4})/(\d{2})/"
                             r"(\d{2})/([A-Z0-9]+)-\d+/$")


def issue_redirects(issue: Issue) -> list[tuple[str, str, str]]:
    """(old URL, new URL, label) for the issue, page, page text and data URLs published
    where this issue's articles were before, read off their aliases (written by
    `archive migrate` and `archive move`): a page whose articles all moved, an issue
    whose date was corrected, keep their URLs too. Article aliases themselves are not
    included. Several issues may claim one old URL (two papers in one old folder, a
    page split over two): assign_redirects gives each old URL to one of them, and
    drops those that still have a page of their own."""
    out: dict[str, tuple[str, str]] = {}
    for page in issue.pages:
        for article in page.articles:
            for alias in article.aliases:
                m = _OLD_ARTICLE_RE.match(alias)
                if m is None:
                    continue
                city, y, mo, d, pp = m.groups()
                old_issue = f"/{city}/{y}/{mo}/{d}/"
                out.setdefault(old_issue, (issue.url, cn_label(issue)))
                mark = "（推断）" if "page" in page.inferred else ""
                out.setdefault(f"{old_issue}{pp}/", (page.url, f"第{page.label}版{mark}"))
                if page.source_url:
                    out.setdefault(f"{old_issue}{pp}.txt", (page.source_url, page.label))
                out.setdefault(f"/data/{city}/{y}-{mo}-{d}.json", (issue.data_url, "data"))
    return [(old, new, label) for old, (new, label) in out.items() if old != new]


def assign_redirects(site: Site) -> None:
    """Set issue.redirects: each old URL goes to the issue with the most articles that
    came from it (the first such issue on a tie), never to a URL a page or an alias has."""
    claims: dict[str, list[tuple[int, int, Issue, str, str]]] = {}
    taken = set(site.output_files) | {urls.output_file(u) for a in site.articles
                                       for u in a.aliases}
    for order, issue in enumerate(site.issues):
        weight = Counter(_old_issue(alias) for a in issue.articles for alias in a.aliases)
        for old, new, label in issue_redirects(issue):
            claims.setdefault(old, []).append(
                (-weight[_old_issue_of(old)], order, issue, new, label))
    for issue in site.issues:
        issue.redirects = []
    for old, options in sorted(claims.items()):
        if urls.output_file(old) in taken:
            continue
        _, _, issue, new, label = min(options, key=lambda o: (o[0], o[1]))
        issue.redirects.append((old, new, label))


def _old_issue(alias: str) -> str | None:
    m = _OLD_ARTICLE_RE.match(alias)
    return f"/{m[1]}/{m[2]}/{m[3]}/{m[4]}/" if m else None


def _old_issue_of(old: str) -> str:
    """The old issue URL an old page, text or data URL belongs to."""
    if old.startswith("/data/"):
        *paper, day = old[len("/data/"):-len(".json")].split("/")
        return "/" + "/".join([*paper, *day.split("-")]) + "/"
    parts = old.strip("/").split("/")
    year = next(i for i, part in enumerate(parts) if len(part) == 4 and part.isdigit())
    return "/" + "/".join(parts[:year + 3]) + "/"


def cn_label(issue: Issue) -> str:
    """焦作日报 2023年2月21日, with （推断） after a date that is an estimate."""
    mark = "（推断）" if "date" in issue.inferred else ""
    return f"{issue.paper} {issue.date.year}年{issue.date.month}月{issue.date.day}日{mark}"


# Top-level names the site's own files use: an alias there would overwrite them.
SITE_SECTIONS = frozenset({"assets", "data", "pagefind", "search", "__archive", "feed.xml",
                           "about", "today", "people", "places", "orgs", "topics",
                           "robots.txt", "404.html", "index.html", "_redirects", "_headers",
                           "permalinks.txt", ".archive-output", "favicon.ico"})


def url_conflicts(site: Site) -> list[tuple[str, str]]:
    """(content file, problem) for every alias that would take another file of the site:
    a page, a feed, a page text, a file of the site's own, a folder that is a file, or
    another article's alias. A writer that refuses to write one file twice, decided
    before anything is written."""
    taken = site.output_files
    problems: list[tuple[str, str]] = []
    claimed: dict[str, str] = {}
    for article in site.articles:
        for alias in article.aliases:
            target = urls.output_file(alias)
            parts = target.split("/")
            parents = ["/".join(parts[:n]) for n in range(1, len(parts))]
            clash = taken.get(target) or next((taken[p] for p in parents if p in taken), None)
            if clash:
                problems.append((article.rel, f"aliases: {alias} is the URL of {clash}; "
                                              "remove the alias (that URL already has a page)"))
            elif parts[0] in SITE_SECTIONS or parts[0].startswith("sitemap") or any(
                    part.startswith(".") for part in parts):
                problems.append((article.rel, f"aliases: {alias} is one of the site's own "
                                              "files; remove the alias"))
            elif target in claimed and claimed[target] != article.rel:
                problems.append((article.rel, f"aliases: {alias} is also an alias of "
                                              f"{claimed[target]}.md; keep it in one of them"))
            else:
                claimed[target] = article.rel
    return problems


def name_conflicts(records: list[ArticleRec]) -> list[tuple[str, str]]:
    """(content file, problem) for articles whose `city` or `paper` is not the one of
    their folder: a paper folder holds one paper, a city folder one city. Two names that
    read the same (泰州, 台州 → taizhou) would otherwise share a folder and its URLs."""
    papers: dict[str, Counter[str]] = defaultdict(Counter)
    cities: dict[str, Counter[str]] = defaultdict(Counter)
    for rec in records:
        papers[rec.slug][rec.paper] += 1
        cities[rec.slug.split("/", 1)[0]][rec.city] += 1
    problems = []
    for rec in sorted(records, key=lambda r: r.rel):
        city_slug = rec.slug.split("/", 1)[0]
        usual_paper = papers[rec.slug].most_common(1)[0][0]
        usual_city = cities[city_slug].most_common(1)[0][0]
        if rec.paper != usual_paper:
            problems.append((rec.rel, f"paper: {rec.paper} in the folder of {usual_paper} "
                                      f"({rec.slug}/); correct the name, or move the file "
                                      "to its paper's folder (paper_slugs in site.yaml "
                                      "names a paper's folder)"))
        elif rec.city != usual_city:
            problems.append((rec.rel, f"city: {rec.city} in the folder of {usual_city} "
                                      f"({city_slug}/); correct the name, or move the file "
                                      "(city_slugs in site.yaml names a city's folder)"))
    return problems
