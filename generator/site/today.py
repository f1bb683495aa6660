"""历史上的今天: one static page per month-day (/today/MM-DD/) with that day's issues of
every year, and an index (/today/) whose script opens the reader's day.

A static page cannot know the reader's today, so a day page lists all years, newest
first; "earlier years" is what the reader sees above the current one.

A day page of a large archive would hold hundreds of articles (each paper's every
year on that day), so each issue shows the articles of its first page held (page 1,
A1: the front page, where the paper put the day's main news) up to FRONT_CAP, and
a link to the issue with the count of the rest. The page's size then grows with the
number of issues on that day, not with their articles. Each day page is a unit of
the build, fingerprinted by its issues' files and its neighbouring days (make_plan).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from generator.site.model import ArticleRec, Issue, PageRec, Site

FRONT_CAP = 12  # articles shown of an issue's first page; the rest are counted and linked
LEAP_YEAR = 2000  # the month-days of a calendar: 2月29日 included


@dataclass(frozen=True)
class DayIssue:
    """One issue on a day page: the articles shown of its first page, and how many more."""

    issue: Issue
    page: PageRec
    shown: list[ArticleRec]
    more: int  # articles of the issue not listed here


def day_key(date: dt.date) -> str:
    """'03-23': the folder of a month-day under /today/."""
    return f"{date.month:02d}-{date.day:02d}"


def day_url(key: str) -> str:
    return f"/today/{key}/"


def day_name(key: str) -> str:
    """'03-23' → '3月23日'."""
    month, day = key.split("-")
    return f"{int(month)}月{int(day)}日"


def days(site: Site) -> dict[str, list[Issue]]:
    """Month-day → its issues, newest year first, papers in the site's order; sorted by key."""
    order = {paper.slug: n for n, paper in enumerate(site.papers)}
    out: dict[str, list[Issue]] = defaultdict(list)
    for issue in site.issues:
        out[day_key(issue.date)].append(issue)
    return {key: sorted(group, key=lambda i: (-i.date.year, order[i.slug]))
            for key, group in sorted(out.items())}


def day_issue(issue: Issue) -> DayIssue:
    page = issue.pages[0]
    shown = page.articles[:FRONT_CAP]
    return DayIssue(issue, page, shown, len(issue.articles) - len(shown))


def by_year(issues: list[Issue]) -> list[tuple[int, list[DayIssue]]]:
    """(year, its issues) newest year first, as the day page shows them."""
    years: dict[int, list[DayIssue]] = {}
    for issue in issues:
        years.setdefault(issue.date.year, []).append(day_issue(issue))
    return list(years.items())


def neighbours(keys: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """Each day's previous and next day that has a page (in calendar order)."""
    return {key: (keys[n - 1] if n else None, keys[n + 1] if n + 1 < len(keys) else None)
            for n, key in enumerate(keys)}


def calendar_months(keys: set[str]) -> list[tuple[int, list[tuple[int, str, bool]]]]:
    """The index's calendar: (month, [(day, key, has a page)]) for the 12 months."""
    return [(month, [(day, f"{month:02d}-{day:02d}", f"{month:02d}-{day:02d}" in keys)
                     for day in range(1, calendar.monthrange(LEAP_YEAR, month)[1] + 1)])
            for month in range(1, 13)]
