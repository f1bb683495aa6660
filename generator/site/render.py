"""Site model → page text, through the Jinja templates. No file I/O here.

Each function returns (output path under public/, text) pairs and depends only on
its arguments, so any page can be rendered alone, in any process, in any order.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import json
import traceback
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    select_autoescape,
)
from markupsafe import Markup, escape

from generator.config import ARCHIVE_KEYS
from generator.errors import ArchiveError
from generator.site import today as on_this_day
from generator.site import urls
from generator.site.citation import (
    bibtex,
    cite_key,
    csl_json_text,
    full_title,
    gbt7714,
    gbt7714_parts,
    json_ld,
    ris,
)
from generator.site.markup import body_html
from generator.site.model import (
    UNTITLED,
    ArticleRec,
    City,
    Issue,
    PageRec,
    Paper,
    Site,
    lead_label,
)

Output = tuple[str, str]
WEEKDAYS = "一二三四五六日"
INFERRED_NAMES = {"date": "日期", "page": "版次", "city": "城市", "paper": "报纸",
                  "section": "栏目"}
INFERRED_MARK = "（推断）"  # after a value that is an estimate, wherever it is shown
INFERRED_TIP = "推断值，并非版面印刷信息"
KIND_NAMES = {"news": "消息", "brief": "简讯", "interview": "访谈", "photo": "图片新闻",
              "table": "表格", "notice": "公告", "commentary": "评论", "other": "其他"}


class Renderer:
    """Holds the template environment and the URL helpers of one site."""

    def __init__(self, template_dirs: list[Path], config: dict[str, Any], search: bool = False):
        self.config = config
        base = config["base_url"].rstrip("/")
        self.base_url = base
        self.prefix = urlparse(base).path.rstrip("/")
        self.env = Environment(
            loader=ChoiceLoader([FileSystemLoader(str(d)) for d in template_dirs]),
            autoescape=select_autoescape(["html", "xml"], default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,
        )
        links = {name: self.href(path) for name, path in (
            ("home", "/"), ("style", "/assets/style.css"), ("feed", "/feed.xml"),
            ("search", "/search/"), ("data", "/data/"), ("about", "/about/"),
            ("today", "/today/"))}
        self.env.globals.update(
            href=self.href, absolute=self.absolute, site=config, kind_name=kind_name,
            weekday=weekday, cn_date=cn_date, page_label=urls.page_label, links=links,
            crumbs=None, search_enabled=search, prefix=self.prefix, headline=headline,
            issue_date=issue_date, page_name=page_name, issue_date_text=issue_date_text,
            page_name_text=page_name_text, where=where, marked=marked,
            named=named, inferred_mark=inferred_mark,
            inferred_note=inferred_note,
        )
        self.env.filters.update(cn_date=cn_date, iso=lambda d: d.isoformat())

    def href(self, path: str) -> str:
        """A site-relative path as a link: '/xuchang/' → '/archive/xuchang/' under a prefix."""
        return f"{self.prefix}{path}"

    def absolute(self, path: str) -> str:
        """A site path ('/xuchang/', without the prefix) as a full URL, for feeds and citations."""
        return f"{self.base_url}{path}"

    def page(self, template: str, **context: Any) -> str:
        """Render a template; a template that fails at run time (1/0, itself as its
        parent, bytes that are not UTF-8) is one line naming it, not a traceback."""
        try:
            return self.env.get_template(template).render(**context)
        except TemplateError:
            raise  # syntax errors and the like: the command line names file and line
        except RecursionError:
            raise ArchiveError(f"template {template}: extends or includes itself; fix the "
                               "template") from None
        except UnicodeDecodeError as err:
            raise ArchiveError(f"template {template} (or one it uses): not UTF-8 text "
                               f"({err.reason}); save it as UTF-8") from None
        except Exception as err:
            raise ArchiveError(f"{_template_place(err, template)}: template: "
                               f"{type(err).__name__}: {err}; fix the template") from None

    # -- the pages --------------------------------------------------------
    def home(self, site: Site) -> Output:
        papers = [(p, list(reversed(p.issues[-8:]))) for p in site.papers]
        totals = {"papers": len(site.papers), "issues": sum(len(p.issues) for p in site.papers),
                  "articles": sum(p.article_count for p in site.papers)}
        return "index.html", self.page("home.html", papers=papers, totals=totals,
                                       canonical="/")

    def city(self, city: City) -> Output:
        papers = [(p, list(reversed(p.issues[-8:]))) for p in city.papers]
        return urls.output_file(city.url), self.page(
            "city.html", city=city, papers=papers, canonical=city.url,
            crumbs=[("首页", self.href("/")),
                    (marked(city.name, city.name_inferred), self.href(city.url))])

    def paper(self, paper: Paper) -> Output:
        years = [(year, [(month, month_grid(year, month, issues)) for month, issues in months])
                 for year, months in paper.years()]
        return urls.output_file(paper.url), self.page(
            "paper.html", paper=paper, years=years, weekdays=WEEKDAYS, canonical=paper.url,
            crumbs=self.crumbs(paper=paper))

    def issue(self, issue: Issue) -> Output:
        return urls.output_file(issue.url), self.page(
            "issue.html", issue=issue, canonical=issue.url, crumbs=self.crumbs(issue=issue))

    def printed_page(self, issue: Issue, page: PageRec, ocr_text: str | None) -> Output:
        return urls.output_file(page.url), self.page(
            "page.html", issue=issue, page=page, ocr_text=ocr_text, canonical=page.url,
            crumbs=self.crumbs(issue=issue, page=page))

    def article(self, issue: Issue, page: PageRec, article: ArticleRec, body: str,
                prev: ArticleRec | None, nxt: ArticleRec | None,
                entities: list[tuple[str, list[tuple[str, str]]]] | None = None,
                related: list[ArticleRec] | None = None) -> Output:
        """entities: (kind label, [(name, link)]) to list; related: articles to list
        (generator/enrich/pages.py article_context)."""
        link = self.absolute(article.url)
        title = article.display_title
        meta = (f"{marked(article.paper, 'paper' in article.inferred)} · "
                f"{marked(cn_date(article.date), 'date' in article.inferred)} · "
                f"{marked(f'第{page.label}版', 'page' in article.inferred)}"
                + (f" · {marked(article.section, 'section' in article.inferred)}"
                   if article.section else ""))
        estimate = inferred_note(article.inferred)
        image = self.absolute(page.scan_url) if page.scan_url else None
        data = json_ld(article, link, self.config,
                       paper_url=self.absolute(urls.paper(article.slug)), image=image)
        return urls.output_file(article.url), self.page(
            "article.html", issue=issue, page=page, article=article, title=title,
            body=body_html(body), prev=prev, next=nxt, canonical=article.url, meta=meta,
            estimate=estimate, permalink=link, article_href=self.href(article.url),
            page_href=self.href(page.url), crumbs=self.crumbs(issue, page, article),
            continued_from=page_link(issue, article.continued_from),
            continues_on=page_link(issue, article.continues_on),
            citation=gbt7714_parts(article, link), citation_title=full_title(article),
            cite_key=cite_key(article), bibtex=bibtex(article, link), ris=ris(article, link),
            csl_json=csl_json_text(article, link),
            entities=entities or [], related=related or [],
            json_ld=json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"),
        )

    def crumbs(self, issue: Issue | None = None, page: PageRec | None = None,
               article: ArticleRec | None = None, paper: Paper | None = None
               ) -> list[tuple[str, str]]:
        """Breadcrumbs as (label, link): 首页 › paper › date › page › article."""
        out = [("首页", self.href("/"))]
        if paper is not None:
            out.append((marked(paper.city, paper.city_inferred), self.href(paper.city_url)))
            out.append((marked(paper.name, paper.name_inferred), self.href(paper.url)))
        if issue is not None:
            out.append((marked(issue.city, "city" in issue.inferred),
                        self.href(urls.city(issue.slug.split("/", 1)[0]))))
            out.append((marked(issue.paper, "paper" in issue.inferred),
                        self.href(urls.paper(issue.slug))))
            out.append((issue_date_text(issue), self.href(issue.url)))
        if page is not None:
            out.append((page_name_text(page), self.href(page.url)))
        if article is not None:
            out.append((article.display_title, self.href(article.url)))
        return out

    def data_index(self, site: Site) -> Output:
        """/data/: the month files, newest first, with their article counts."""
        counts: dict[str, int] = {}
        for issue in site.issues:
            key = month_key(issue.date)
            counts[key] = counts.get(key, 0) + len(issue.articles)
        months = [(key, n, self.href(urls.month_data(key, "jsonl")),
                   self.href(urls.month_data(key, "csv"))) for key, n in sorted(counts.items(),
                                                                               reverse=True)]
        return "data/index.html", self.page("data.html", months=months, canonical="/data/",
                                            crumbs=[("首页", self.href("/")),
                                                    ("数据下载", self.href("/data/"))])

    def about(self, site: Site) -> Output:
        """/about/: the archive, its papers and what the content holds of each, how the
        text was made, how to cite (with the newest article as the example)."""
        example = next(iter(site.latest_articles(1)), None)
        citation = gbt7714(example, self.absolute(example.url)) if example else None
        totals = {"issues": len(site.issues), "articles": sum(p.article_count
                                                              for p in site.papers)}
        archive = {key: None for key in (*ARCHIVE_KEYS, "contact_href")}
        archive.update(self.config.get("archive") or {})
        return "about/index.html", self.page(
            "about.html", archive=archive, papers=site.papers, totals=totals,
            example=example, citation=citation, untitled=UNTITLED,
            inferred_text=INFERRED_MARK,
            canonical="/about/", crumbs=[("首页", self.href("/")),
                                         ("关于本档案", self.href("/about/"))])

    def today_index(self, keys: list[str]) -> Output:
        """/today/: a calendar of the month-days that have a page; its script opens the
        reader's day."""
        return "today/index.html", self.page(
            "today.html", months=on_this_day.calendar_months(set(keys)), count=len(keys),
            canonical="/today/", crumbs=[("首页", self.href("/")),
                                         ("历史上的今天", self.href("/today/"))])

    def today_day(self, key: str, issues: list[Issue],
                  around: tuple[str | None, str | None]) -> Output:
        """/today/MM-DD/: that day's issues of every year, newest year first."""
        url = on_this_day.day_url(key)
        name = on_this_day.day_name(key)
        prev, nxt = ((k, on_this_day.day_name(k), self.href(on_this_day.day_url(k)))
                     if k else None for k in around)
        return urls.output_file(url), self.page(
            "today-day.html", key=key, day=name, years=on_this_day.by_year(issues),
            issue_count=len(issues), prev=prev, next=nxt, cap=on_this_day.FRONT_CAP,
            canonical=url,
            crumbs=[("首页", self.href("/")), ("历史上的今天", self.href("/today/")),
                    (name, self.href(url))])

    def redirect(self, alias: str, target: str, title: str) -> Output:
        """A page at an article's earlier URL that sends readers and crawlers on to it."""
        return urls.output_file(alias), self.page(
            "redirect.html", target=self.href(target), canonical=target, title=title)

    def netlify_redirects(self, moves: list[tuple[str, str]]) -> Output:
        """_redirects: earlier URLs → current ones, as permanent (301) redirects, forced
        (301!): Netlify serves a file that exists at a URL before any rule that is not
        forced, and every earlier URL has its redirect page (for other hosts)."""
        lines = ["# Earlier URLs of moved articles (aliases in their front matter)."]
        lines += [f"{self.href(old)} {self.href(new)} 301!" for old, new in moves]
        return "_redirects", "\n".join(lines) + "\n"

    def not_found(self) -> Output:
        return "404.html", self.page("404.html", canonical=None)

    def search(self) -> Output:
        return "search/index.html", self.page("search.html", canonical="/search/")

    def robots(self) -> Output:
        sitemap = self.absolute("/sitemap.xml")
        return "robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n"

    def feed(self, site: Site, slug: str | None) -> Output:
        """The Atom feed of the whole site (slug None), of a city or of a paper."""
        paper = next((p for p in site.papers if p.slug == slug), None)
        city = next((c for c in site.cities if c.slug == slug), None)
        title, link = ((paper.name, paper.url) if paper else (city.name, city.url) if city
                       else (self.config["title"], "/"))
        entries = site.latest_articles(int(self.config["feed_size"]), slug)
        path = f"/{slug}/feed.xml" if slug else "/feed.xml"
        updated = max((a.date for a in entries), default=dt.date(1970, 1, 1))
        return path.lstrip("/"), self.page("feed.xml", feed_title=title, feed_link=link,
                                           entries=entries, self_url=path, updated=updated)

    def sitemaps(self, site: Site) -> Iterator[Output]:
        """sitemap.xml, split into an index and parts of 40,000 URLs for large archives."""
        entries = list(sitemap_entries(site))
        size = 40_000
        if len(entries) <= size:
            yield "sitemap.xml", self.page("sitemap.xml", entries=entries)
            return
        parts = [entries[i:i + size] for i in range(0, len(entries), size)]
        for n, part in enumerate(parts, start=1):
            yield f"sitemap-{n}.xml", self.page("sitemap.xml", entries=part)
        names = [f"/sitemap-{n}.xml" for n in range(1, len(parts) + 1)]
        yield "sitemap.xml", self.page("sitemap-index.xml", parts=names)


def _template_place(err: Exception, template: str) -> str:
    """`path:line` of the innermost template frame of a rendering error."""
    for frame in reversed(traceback.extract_tb(err.__traceback__)):
        if frame.filename.endswith((".html", ".xml")):
            return f"{frame.filename}:{frame.lineno}"
    return f"template {template}"


def kind_name(kind: str) -> str:
    return KIND_NAMES.get(kind, kind)


# -- honest metadata: estimates are marked, untitled articles are not given a headline --

def marked(text: str, inferred: bool) -> str:
    """A value as plain text, with （推断） after it when it is an estimate."""
    return f"{text}{INFERRED_MARK}" if inferred else text


def inferred_mark(inferred: bool) -> Markup:
    """The visible （推断） after an estimated value, with what it means on hover."""
    if not inferred:
        return Markup("")
    return Markup(f'<span class="inferred" title="{INFERRED_TIP}">{INFERRED_MARK}</span>')


def named(text: str, inferred: bool) -> Markup:
    """A name (a paper's, a city's) as HTML, marked when it is an estimate."""
    return escape(text) + inferred_mark(inferred)


def inferred_note(fields: Iterable[str]) -> str:
    """日期、版次: the estimated fields, named, for the note under a page."""
    return "、".join(INFERRED_NAMES.get(f, f) for f in INFERRED_NAMES if f in fields)


def issue_date_text(issue: Issue) -> str:
    return marked(cn_date(issue.date), "date" in issue.inferred)


def issue_date(issue: Issue) -> Markup:
    """An issue's date as HTML, marked when it is an estimate."""
    return escape(cn_date(issue.date)) + inferred_mark("date" in issue.inferred)


def page_name_text(page: PageRec) -> str:
    return marked(f"第{page.label}版", "page" in page.inferred)


def page_name(page: PageRec) -> Markup:
    """第6版 as HTML, marked when the page number is an estimate."""
    return escape(f"第{page.label}版") + inferred_mark("page" in page.inferred)


def where(article: ArticleRec) -> Markup:
    """许昌日报 · 2023年3月15日 · 第02版 as HTML, each estimate marked: how a list of
    articles from many issues says where each was printed."""
    inferred = article.inferred
    parts = [escape(article.paper) + inferred_mark("paper" in inferred),
             escape(cn_date(article.date)) + inferred_mark("date" in inferred),
             escape(f"第{urls.page_label(article.page)}版") + inferred_mark("page" in inferred)]
    return Markup(" · ").join(parts)


def headline(article: ArticleRec) -> Markup:
    """An article's headline as HTML; an untitled article by its first words, set apart
    as a label (the page says the paper printed no headline), never a made-up title."""
    if article.title:
        return escape(article.title)
    lead = lead_label(article.excerpt)
    return Markup('<span class="untitled"><span class="untitled-tag">{}</span>{}</span>').format(
        UNTITLED, lead)


def cn_date(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def weekday(date: dt.date) -> str:
    return "星期" + WEEKDAYS[date.weekday()]


def month_grid(year: int, month: int, issues: list[Issue]) -> list[list[tuple[int, Issue | None]]]:
    """Weeks (Monday first) of (day, issue or None); day 0 pads the first and last week."""
    by_day = {i.date.day: i for i in issues}
    return [[(d, by_day.get(d)) for d in week]
            for week in calendar.Calendar(0).monthdayscalendar(year, month)]


def page_link(issue: Issue, page_ref: Any) -> tuple[str, str | None] | None:
    """A continuation note as (label, URL of that page in the issue, if it is in the archive)."""
    if page_ref is None:
        return None
    label = urls.page_label(page_ref) if isinstance(page_ref, int) else str(page_ref)
    for page in issue.pages:
        if page.page == page_ref or page.label == label:
            return label, page.url
    return label, None


def sitemap_entries(site: Site) -> Iterator[tuple[str, dt.date | None]]:
    yield "/", None
    yield "/about/", None
    yield "/today/", None
    for key in on_this_day.days(site):
        yield on_this_day.day_url(key), None
    for city in site.cities:
        yield city.url, None
    for paper in site.papers:
        last = paper.issues[-1] if paper.issues else None
        yield paper.url, last.date if last and "date" not in last.inferred else None
        for issue in paper.issues:
            # No <lastmod> from an estimated date: it would be stated as a fact.
            day = None if "date" in issue.inferred else issue.date
            yield issue.url, day
            for page in issue.pages:
                yield page.url, day
                for article in page.articles:
                    yield article.url, day


# -- data exports ------------------------------------------------------------

# `inferred` names the fields that are estimates (date;page), `title` is empty where the
# paper printed no headline.
EXPORT_FIELDS = ("url", "paper", "city", "date", "page", "seq", "kind", "kicker", "title",
                 "subtitle", "byline", "section", "continued_from", "continues_on",
                 "inferred", "body")


def article_data(article: ArticleRec, body: str, absolute: str) -> dict[str, Any]:
    return {"url": absolute, "paper": article.paper, "city": article.city,
            "date": article.date.isoformat(), "page": article.page, "seq": article.seq,
            "kind": article.kind, "kicker": article.kicker, "title": article.title,
            "subtitle": article.subtitle, "byline": article.byline, "section": article.section,
            "continued_from": article.continued_from, "continues_on": article.continues_on,
            "inferred": list(article.inferred), "body": body}


def issue_json(renderer: Renderer, issue: Issue, bodies: dict[str, str]) -> Output:
    data = {
        "paper": issue.paper, "date": issue.date.isoformat(),
        "inferred": sorted(issue.inferred),
        "url": renderer.absolute(issue.url),
        "pages": [{"page": p.page, "section": p.section,
                   "url": renderer.absolute(p.url),
                   # the page's scan, where the archive has one (no key where it has not)
                   **({"scan": renderer.absolute(p.scan_url)} if p.scan_url else {}),
                   "articles": [article_data(a, bodies[a.rel],
                                             renderer.absolute(a.url))
                                for a in p.articles]} for p in issue.pages],
    }
    return issue.data_url.lstrip("/"), json.dumps(data, ensure_ascii=False) + "\n"


def month_exports(renderer: Renderer, month: str, issues: list[Issue],
                  bodies: dict[str, str]) -> list[Output]:
    """data/<YYYY>/<MM>/articles.jsonl and .csv: every article of the month's issues."""
    lines = []
    table = io.StringIO()
    writer = csv.writer(table)
    writer.writerow(EXPORT_FIELDS)
    for issue in issues:
        for article in issue.articles:
            record = article_data(article, bodies[article.rel], renderer.absolute(article.url))
            lines.append(json.dumps(record, ensure_ascii=False) + "\n")
            writer.writerow([csv_cell(";".join(record[k]) if k == "inferred" else record[k])
                             for k in EXPORT_FIELDS])
    # The CSV starts with a byte order mark, so that spreadsheet programs read it as UTF-8.
    return [(urls.month_data(month, "jsonl").lstrip("/"), "".join(lines)),
            (urls.month_data(month, "csv").lstrip("/"), "\ufeff" + table.getvalue())]


# A cell starting with one of these runs as a formula in a spreadsheet (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell that a spreadsheet shows as text: OCR text is untrusted, so
    a leading formula character gets a `'` in front, as OWASP recommends."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def month_key(date: dt.date) -> str:
    return f"{date.year}-{date.month:02d}"
