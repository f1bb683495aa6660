"""Where content files live. These paths become the site's permalinks: never change them.

    <root>/<city-slug>/<YYYY>/<MM>/<DD>/<PP>-<NN>.md   one article, NN = its place on the page
    <root>/<city-slug>/<YYYY>/<MM>/<DD>/<PP>.txt       the page's raw text, kept as evidence

e.g. content/xuchang/2023/03/23/06-02.md is the second article of page 6 of
许昌日报 of 23 March 2023. Month, day, page and seq are zero-padded to two digits
so folders sort in date order; a printed page label such as "A2" is used as is
(A2-03.md). The city slug is the city's pinyin in lower-case ASCII (许昌 →
xuchang), unless the configuration overrides it (e.g. to keep an old URL, or to
tell apart two cities whose names read the same).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from generator.errors import ArchiveError
from generator.ingest.article import PageRef


def city_slug(city: str, overrides: dict[str, str] | None = None) -> str:
    """The URL-safe name of a city: a configured override, else its pinyin."""
    if overrides and city in overrides:
        return overrides[city]
    from pypinyin import lazy_pinyin  # imported here: loading its tables takes a moment

    slug = re.sub(r"[^a-z0-9]", "", "".join(lazy_pinyin(city.strip())).lower())
    if not slug:
        raise ArchiveError(
            f'city "{city}": cannot make a URL name from it; add it to the city slugs '
            "in the configuration, e.g. 许昌: xuchang"
        )
    return slug


def page_stem(page: PageRef) -> str:
    """The page part of a file name: 6 → "06", "A2" → "A2"."""
    return f"{page:02d}" if isinstance(page, int) else str(page)


def issue_dir(root: Path, city_slug: str, date: dt.date) -> Path:
    """The folder of one day's issue of one city's paper."""
    return Path(root) / city_slug / f"{date:%Y}" / f"{date:%m}" / f"{date:%d}"


def article_path(root: Path, city_slug: str, date: dt.date, page: PageRef, seq: int) -> Path:
    """root/<slug>/<YYYY>/<MM>/<DD>/<PP>-<NN>.md"""
    return issue_dir(root, city_slug, date) / f"{page_stem(page)}-{seq:02d}.md"


def page_source_path(root: Path, city_slug: str, date: dt.date, page: PageRef) -> Path:
    """root/<slug>/<YYYY>/<MM>/<DD>/<PP>.txt: the page text the articles came from."""
    return issue_dir(root, city_slug, date) / f"{page_stem(page)}.txt"
