"""content/ → article records and bodies, with every problem of every file collected.

Reading and validating is the slowest part of a build after rendering, so large
archives are read by several processes, each taking whole issue folders.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.reader import read_article
from generator.content.scans import ScanInfo, inspect, preferred
from generator.content.schema import parse_page
from generator.content.slug import ARTICLE_NAME_RE, SCAN_NAME_RE, SOURCE_NAME_RE
from generator.site import urls
from generator.site.markup import excerpt
from generator.site.model import ArticleRec, display_title


@dataclass
class Loaded:
    records: list[ArticleRec] = field(default_factory=list)
    bodies: dict[str, str] = field(default_factory=dict)  # rel → Markdown body
    sources: dict[tuple, str] = field(default_factory=dict)  # (paper path, date, PP) → rel
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    scans: dict[tuple, ScanInfo] = field(default_factory=dict)  # (paper, date, PP) → scan

    def extend(self, other: Loaded) -> None:
        self.records.extend(other.records)
        self.bodies.update(other.bodies)
        self.sources.update(other.sources)
        self.scans.update(other.scans)
        self.problems.extend(other.problems)
        self.warnings.extend(other.warnings)


def load_folders(root: Path, folders: list[str]) -> Loaded:
    """Read every article file of some issue folders (runs in a worker process)."""
    out = Loaded()
    for folder in folders:
        slug = folder.rsplit("/", 3)[0]  # the paper's path: xuchang/ribao
        directory = root / folder
        try:
            names = sorted(os.listdir(directory))
        except OSError as err:  # removed or made unreadable since the scan
            out.problems.append(f"{directory}: cannot read ({err.strerror}); build again")
            continue
        for name in names:
            if ARTICLE_NAME_RE.match(name):
                load_article(root, directory / name, f"{folder}/{name[:-3]}", slug, out)
            elif (m := SOURCE_NAME_RE.match(name)) is not None:
                date = _folder_date(folder)
                if date is not None:
                    out.sources[(slug, date, m.group("page"))] = f"{folder}/{name}"
        load_scans(root, folder, slug, [n for n in names if SCAN_NAME_RE.match(n)], out)
    return out


def load_scans(root: Path, folder: str, slug: str, names: list[str], out: Loaded) -> None:
    """The scans of an issue folder's pages: what each file really is and, for an image,
    its size. A file that is not the image its name says, or a second scan of a page,
    is named in a warning and left unpublished."""
    date = _folder_date(folder)
    if date is None:
        return
    by_page: dict[str, list[ScanInfo]] = {}
    for name in names:
        info, problem = inspect(root / folder / name, f"{folder}/{name}")
        if info is None:
            out.warnings.append(f"{root / folder / name}: {problem}; the scan is not "
                                "published")
            continue
        by_page.setdefault(name.rsplit(".", 1)[0], []).append(info)
    for page, found in by_page.items():
        shown = preferred(found)
        for other in found:
            if other is not shown:
                out.warnings.append(f"{root / other.rel}: a second scan of page {page} "
                                    f"(the page shows {shown.rel.rsplit('/', 1)[1]}); "
                                    "remove one of them")
        out.scans[(slug, date, page)] = shown


def load_article(root: Path, path: Path, rel: str, slug: str, out: Loaded) -> None:
    front, body, problems = read_article(path, root, out.warnings)
    if problems:
        out.problems.extend(problems)
        return
    page = parse_page(front["page"])
    seq = int(front["seq"])
    lead = excerpt(body)
    out.records.append(ArticleRec(
        rel=rel, url=urls.article(rel), slug=slug, city=front["city"], paper=front["paper"],
        date=front["date"],
        page=page, seq=seq, title=front["title"], kicker=front["kicker"],
        subtitle=front["subtitle"], byline=front["byline"], kind=front["kind"],
        section=front["section"], continued_from=front["continued_from"],
        continues_on=front["continues_on"], source=front["source"],
        inferred=tuple(front.get("inferred") or ()), excerpt=lead,
        chars=len(body), authors=tuple(urls.authors(front["byline"])),
        display_title=display_title(front["title"], lead),
        aliases=tuple(dict.fromkeys(front["aliases"])),
        modified=modified_day(path),
    ))
    out.bodies[rel] = body


def modified_day(path: Path) -> dt.date | None:
    """The day a content file last changed, in UTC so that every machine agrees: the
    article's dateModified. None when the file vanished since it was read."""
    try:
        return dt.datetime.fromtimestamp(os.stat(path).st_mtime, dt.UTC).date()
    except OSError:
        return None


def _folder_date(folder: str) -> dt.date | None:
    try:
        _city, _paper, y, m, d = folder.split("/")
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None
