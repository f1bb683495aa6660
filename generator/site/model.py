"""The site model: papers → issues → printed pages → articles, built once per build.

Every page of the site is rendered from this model alone, so each output file is
a function of the records it shows; that is what lets a later build redo only
the files whose records changed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from generator.site import urls

PageRef = int | str


@dataclass(slots=True)
class ArticleRec:
    """What the site knows of one article file (the body is rendered separately)."""

    rel: str  # "xuchang/2023/03/23/06-02": the permalink path and the content path
    url: str  # "/xuchang/2023/03/23/06-02/"
    slug: str  # city slug: the paper's folder
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
    display_title: str  # the headline, else what the article is (图片新闻, 简讯…)
    authors: tuple[str, ...] = ()  # person names from the byline, for citations and feeds


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

    def __post_init__(self) -> None:
        self.url = urls.page(self.slug, self.date, self.page)
        self.label = urls.page_label(self.page)

    @property
    def source_url(self) -> str | None:
        return urls.source(self.source) if self.source else None


@dataclass
class Issue:
    slug: str
    paper: str
    date: dt.date
    pages: list[PageRec] = field(default_factory=list)
    prev: Issue | None = None
    next: Issue | None = None
    url: str = ""

    def __post_init__(self) -> None:
        self.url = urls.issue(self.slug, self.date)

    @property
    def articles(self) -> list[ArticleRec]:
        return [a for p in self.pages for a in p.articles]

    @property
    def data_url(self) -> str:
        return urls.issue_data(self.slug, self.date)


@dataclass
class Paper:
    slug: str
    name: str
    city: str
    issues: list[Issue] = field(default_factory=list)  # oldest first

    @property
    def url(self) -> str:
        return urls.paper(self.slug)

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
class Site:
    papers: list[Paper]
    config: dict[str, Any]

    @property
    def issues(self) -> list[Issue]:
        return [i for p in self.papers for i in p.issues]

    @property
    def articles(self) -> list[ArticleRec]:
        return [a for p in self.papers for i in p.issues for pg in i.pages for a in pg.articles]

    def latest_articles(self, n: int, slug: str | None = None) -> list[ArticleRec]:
        """The n newest articles (by issue date, then page order) of one paper or all."""
        papers = [p for p in self.papers if slug in (None, p.slug)]
        issues = sorted((i for p in papers for i in p.issues), key=lambda i: (i.date, i.slug),
                        reverse=True)
        out: list[ArticleRec] = []
        for issue in issues:
            out.extend(issue.articles)
            if len(out) >= n:
                break
        return out[:n]


def display_title(title: str | None, kind: str, seq: int) -> str:
    """What lists and headings show: the headline, else what the article is."""
    if title:
        return title
    return {"photo": "图片新闻", "brief": "简讯"}.get(kind, "无标题") + f"（{seq}）"


def page_sort_key(page: PageRef) -> tuple[str, int]:
    """1 < 2 < 10 < A1 < A2 < B1: numbers first, then lettered sections."""
    if isinstance(page, int):
        return ("", page)
    letters = page.rstrip("0123456789")
    return (letters.upper(), int(page[len(letters):] or 0))


def build_model(records: list[ArticleRec], sources: dict[tuple, str],
                config: dict[str, Any]) -> Site:
    """Group article records into papers, issues and pages, all in reading order.

    sources maps (slug, date, page) → the raw page text file relative to content/.
    """
    by_issue: dict[tuple[str, dt.date], dict[Any, PageRec]] = defaultdict(dict)
    names: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    cities: dict[str, str] = {}
    for rec in sorted(records, key=lambda r: (r.slug, r.date, page_sort_key(r.page), r.seq)):
        pages = by_issue[(rec.slug, rec.date)]
        key = page_sort_key(rec.page)
        if key not in pages:
            source = sources.get((rec.slug, rec.date, urls.page_label(rec.page)))
            pages[key] = PageRec(rec.slug, rec.date, rec.page, source=source)
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
        issue = Issue(slug, paper.name, date, [pages[k] for k in sorted(pages)])
        if paper.issues:
            issue.prev, paper.issues[-1].next = paper.issues[-1], issue
        paper.issues.append(issue)
    ordered = sorted(papers.values(), key=lambda p: (-len(p.issues), p.slug))
    return Site(ordered, config)
