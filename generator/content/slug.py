"""Where content files live. These paths become the site's permalinks: never change them.

    <root>/<city>/<paper>/<YYYY>/<MM>/<DD>/<PP>-<NN>.md   one article, NN = its place on the page
    <root>/<city>/<paper>/<YYYY>/<MM>/<DD>/<PP>.txt       the page's raw text, kept as evidence
    <root>/<city>/<paper>/<YYYY>/<MM>/<DD>/<PP>.jpg       a scan of the page (.png, .webp, .pdf)

e.g. content/xuchang/ribao/2023/03/23/06-02.md is the second article of page 6 of
许昌日报 of 23 March 2023, and content/xuchang/chenbao/2023/03/23/06-02.md the second
of page 6 of 许昌晨报 that day: every paper has a folder of its own under its city.
Month, day, page and seq are zero-padded to two digits so folders sort in date order;
a printed page label such as "A2" is used as is (A2-03.md).

The city slug is the city's pinyin in lower-case ASCII (许昌 → xuchang). The paper
slug is the pinyin of the paper's name without the city's name in front (许昌日报 →
ribao, 许昌晨报 → chenbao, 大河报 → dahebao). site.yaml can set either (city_slugs,
paper_slugs), to keep an old URL or to tell apart two names that read the same.
The names of the site's own sections are reserved and never used as slugs.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import ArchiveError

if TYPE_CHECKING:  # the scanner of a build with nothing to do imports this module
    from generator.ingest.article import PageRef

# Top-level paths of the site itself: a city or paper with one of these names would
# overwrite them.
RESERVED = frozenset({
    "assets", "data", "pagefind", "search", "feed", "sitemap", "robots", "404", "index",
    "about", "people", "places", "topics", "api", "static", "admin", "__archive", "today",
    "orgs",  # people, places, orgs, topics: the entity pages (generator/enrich/pages.py)
})
FIRST_YEAR = 1800  # no city daily is older; earlier years are typing mistakes
# With a letter: an all-digit folder would read as a year (and old URLs had years there).
SLUG_RE = re.compile(r"^(?=[a-z0-9-]*[a-z])[a-z0-9][a-z0-9-]*$")
# re.ASCII: \d is 0-9 only, so ０６-０２.md (full-width digits) is no article's name.
ARTICLE_NAME_RE = re.compile(
    r"^(?P<page>(?!00)\d{2}|[1-9]\d{2}|[A-Z]{1,3}[1-9]\d{0,2})-(?P<seq>(?!00)\d{2}|[1-9]\d{2})\.md$",
    re.ASCII)
SOURCE_NAME_RE = re.compile(
    r"^(?P<page>(?!00)\d{2}|[1-9]\d{2}|[A-Z]{1,3}[1-9]\d{0,2})\.txt$", re.ASCII)
# A scan of the page beside its text: the same PP, lower-case suffix (generator/content/
# scans.py reads what the file really is).
SCAN_NAME_RE = re.compile(
    r"^(?P<page>(?!00)\d{2}|[1-9]\d{2}|[A-Z]{1,3}[1-9]\d{0,2})\.(?P<kind>jpg|png|webp|pdf)$",
    re.ASCII)


def _pinyin(text: str) -> str:
    from pypinyin import lazy_pinyin  # imported here: loading its tables takes a moment

    return re.sub(r"[^a-z0-9]", "", "".join(lazy_pinyin(text.strip())).lower())


def city_slug(city: str, overrides: dict[str, str] | None = None) -> str:
    """The URL-safe name of a city: a configured override, else its pinyin."""
    if overrides and city in overrides:
        return overrides[city]
    return _usable(_pinyin(city), "city", city, f"{city}: xuchang")


def paper_slug(paper: str, city: str, overrides: dict[str, str] | None = None) -> str:
    """The URL-safe name of a paper within its city: an override, else the pinyin of its
    name without the city in front (许昌日报 → ribao)."""
    if overrides and paper in overrides:
        return overrides[paper]
    name = paper.strip()
    short = name[len(city):] if city and name.startswith(city) and len(name) > len(city) \
        else name
    return _usable(_pinyin(short) or _pinyin(name), "paper", paper, f"{paper}: ribao")


def _usable(slug: str, kind: str, name: str, example: str) -> str:
    """slug, unless it is empty or reserved: then the fix is a line in site.yaml."""
    if not slug:
        raise ArchiveError(f'{kind} "{name}": cannot make a URL name from it; add it to '
                           f"{kind}_slugs in site.yaml, e.g. `{kind}_slugs: {{{example}}}`")
    if slug in RESERVED:
        raise ArchiveError(f'{kind} "{name}": its URL name "{slug}" is reserved for the '
                           f"site's own pages; give it another in site.yaml, e.g. "
                           f"`{kind}_slugs: {{{name}: {slug}-{kind}}}`")
    return slug


def paper_path(city: str, paper: str, city_slugs: dict[str, str] | None = None,
               paper_slugs: dict[str, str] | None = None) -> str:
    """'xuchang/ribao': the folder of a paper under content/, and its URL path."""
    return f"{city_slug(city, city_slugs)}/{paper_slug(paper, city, paper_slugs)}"


def page_stem(page: PageRef) -> str:
    """The page part of a file name: 6 → "06", "A2" → "A2"."""
    return f"{page:02d}" if isinstance(page, int) else str(page)


def issue_dir(root: Path, paper: str, date: dt.date) -> Path:
    """The folder of one day's issue of one paper; paper is its path ('xuchang/ribao')."""
    return Path(root) / paper / f"{date:%Y}" / f"{date:%m}" / f"{date:%d}"


def article_path(root: Path, paper: str, date: dt.date, page: PageRef, seq: int) -> Path:
    """root/<city>/<paper>/<YYYY>/<MM>/<DD>/<PP>-<NN>.md"""
    return issue_dir(root, paper, date) / f"{page_stem(page)}-{seq:02d}.md"


def page_source_path(root: Path, paper: str, date: dt.date, page: PageRef) -> Path:
    """root/<city>/<paper>/<YYYY>/<MM>/<DD>/<PP>.txt: the page text the articles came from."""
    return issue_dir(root, paper, date) / f"{page_stem(page)}.txt"


def page_scan_path(root: Path, paper: str, date: dt.date, page: PageRef, kind: str) -> Path:
    """root/<city>/<paper>/<YYYY>/<MM>/<DD>/<PP>.<kind>: the scan of the printed page."""
    return issue_dir(root, paper, date) / f"{page_stem(page)}.{kind}"


def issue_folder_problem(folder: str) -> str | None:
    """What is wrong with an issue folder path ('xuchang/ribao/2023/03/23'), or None."""
    parts = folder.split("/")
    if len(parts) != 5:
        return "not a <city>/<paper>/<YYYY>/<MM>/<DD>/ folder"
    city, paper, y, m, d = parts
    for label, slug in (("city", city), ("paper", paper)):
        if not SLUG_RE.match(slug):
            return (f"{label} folder {slug!r} is not a URL name (lower-case letters, digits "
                    "and -, with at least one letter)")
        if slug in RESERVED:
            return f"{label} folder {slug!r} is reserved for the site's own pages"
    if not (len(y) == 4 and len(m) == 2 and len(d) == 2 and (y + m + d).isdigit()
            and (y + m + d).isascii()):
        return "not a <YYYY>/<MM>/<DD>/ date folder"
    try:
        dt.date(int(y), int(m), int(d))
    except ValueError:
        return f"{y}-{m}-{d} is not a date"
    if int(y) < FIRST_YEAR:
        return f"{y} is before {FIRST_YEAR}; check the year"
    return None
