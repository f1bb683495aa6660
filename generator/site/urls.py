"""Permalinks. Decided once, documented in the README, never changed.

    /                                               home
    /<city>/                                        a city: its papers
    /<city>/<paper>/                                a paper: years and month calendars
    /<city>/<paper>/<YYYY>/<MM>/<DD>/               an issue: its pages and headlines
    /<city>/<paper>/<YYYY>/<MM>/<DD>/<PP>/          a printed page: its articles, OCR text
    /<city>/<paper>/<YYYY>/<MM>/<DD>/<PP>-<NN>/     an article (page PP, article NN)
    /<city>/<paper>/<YYYY>/<MM>/<DD>/<PP>.txt       the original OCR text of page PP
    /<city>/<paper>/<YYYY>/<MM>/<DD>/<PP>.jpg       a scan of page PP (or .png, .webp, .pdf)
    /<city>/<paper>/feed.xml, /feed.xml             Atom feeds
    /data/<city>/<paper>/<YYYY>-<MM>-<DD>.json      an issue as data
    /data/                                          the data downloads, listed by month
    /data/<YYYY>/<MM>/articles.jsonl, .csv          every article of a month as data
    /_redirects                                     earlier URLs (aliases), for Netlify
    /about/                                         the archive, its papers, how to cite
    /today/, /today/<MM>-<DD>/                      历史上的今天: a calendar, a day's issues

An article's permalink is its content path (content/<city>/<paper>/<YYYY>/<MM>/<DD>/
<PP>-<NN>.md) without the suffix, so it depends only on the article itself, never on
what else the archive holds. An article moved to another place keeps its earlier URLs
as aliases, which redirect to it. Paths here are site-relative; `href` adds the
deployment prefix.
"""

from __future__ import annotations

import datetime as dt
import re

PageRef = int | str

_NAME_RE = re.compile(r"(?:本报|特约|见习|首席)?(?:记者|通讯员|实习生|摄影|编辑)")
_BYLINE_SKIP_RE = re.compile(r"^(?:本报讯|新华社.*?电|据.*?报道|.*?摄)$")


def page_label(page: PageRef) -> str:
    """'06' for page 6, 'A2' for a lettered page: the PP of file names and URLs."""
    return f"{page:02d}" if isinstance(page, int) else str(page)


def issue_path(slug: str, date: dt.date) -> str:
    return f"/{slug}/{date:%Y/%m/%d}/"


def city(slug: str) -> str:
    return f"/{slug}/"


def paper(slug: str) -> str:
    """slug is the paper's path, 'xuchang/ribao'."""
    return f"/{slug}/"


def issue(slug: str, date: dt.date) -> str:
    return issue_path(slug, date)


def page(slug: str, date: dt.date, page_ref: PageRef) -> str:
    return f"{issue_path(slug, date)}{page_label(page_ref)}/"


def article(rel: str) -> str:
    return f"/{rel}/"


def source(rel: str) -> str:
    return f"/{rel}"


def scan(rel: str) -> str:
    """A page's scan is published at its content path, beside the page text."""
    return f"/{rel}"


def issue_data(slug: str, date: dt.date) -> str:
    return f"/data/{slug}/{date:%Y-%m-%d}.json"


def month_data(month: str, suffix: str) -> str:
    """Exports come by month ("2023-03"), so a new issue rewrites one month's files."""
    year, mm = month.split("-")
    return f"/data/{year}/{mm}/articles.{suffix}"


def output_file(url: str) -> str:
    """Where a URL's page is written under public/: '/a/b/' → 'a/b/index.html'."""
    path = url.lstrip("/")
    return f"{path}index.html" if url.endswith("/") else path


def authors(byline: str | None) -> list[str]:
    """Person names in a byline: '本报讯（记者 李新 通讯员 王芳）' → ['李新', '王芳']."""
    if not byline:
        return []
    inner = re.sub(r"^本报讯|^新华社[^（(]*电|摄$", "", byline).strip()
    inner = inner.strip("（）() □")
    names = []
    for token in re.split(r"[\s，,、（）()]+", _NAME_RE.sub(" ", inner)):
        token = token.strip()
        if 2 <= len(token) <= 4 and not _BYLINE_SKIP_RE.match(token) and token[0] >= "\u4e00":
            names.append(token)
    return names
