"""Which articles go into which segment of the search index.

The browser pays for every segment a query touches (an index chunk per query word per
segment), so an archive's index is a few large segments, not a shard per month. The
build pays for every segment it rewrites (about a millisecond per article, see
pagefind_format.py), so the segments a new day touches must be small. The compaction
policy, like an LSM tree's, gives both:

- the latest month is a segment of its own: a new issue rewrites it (a few thousand
  articles at most);
- the months before it are packed, oldest first, into segments of whole months that
  close once they reach SEGMENT_ARTICLES; the last, still open one takes each month as
  it ends, so it is rewritten about once a month, and a closed one only when one of its
  own articles changes.

Segments hold continuous, ordered ranges of dates, and their pages are numbered in date
order: the browser lists results by date and cuts date ranges from page numbers alone.
The grouping is a function of the archive's dates and article counts only, so an
incremental build makes the same segments as a clean one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

# Articles at which a segment of past months closes: about a year of two dailies.
SEGMENT_ARTICLES = 30_000


def month_of(day: dt.date) -> str:
    return f"{day.year}-{day.month:02d}"


def plan_segments(issues: Iterable[tuple[dt.date, int]],
                  size: int = SEGMENT_ARTICLES) -> dict[str, list[str]]:
    """Segment key (its first month) → the months it holds, for issues given as
    (date, number of articles)."""
    per_month: dict[str, int] = {}
    for day, articles in issues:
        per_month[month_of(day)] = per_month.get(month_of(day), 0) + articles
    months = sorted(per_month)
    if not months:
        return {}
    groups: list[list[str]] = []
    total = size  # a full group: the first month opens a new one
    for month in months[:-1]:
        if total >= size:
            groups.append([])
            total = 0
        groups[-1].append(month)
        total += per_month[month]
    groups.append([months[-1]])
    return {group[0]: group for group in groups}
