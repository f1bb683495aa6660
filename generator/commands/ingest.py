"""`archive ingest`: page files → segmented articles → content files.

Every page is read, dated and segmented before anything is written, so a bad
page stops the run with nothing half-done; editors' corrections are never
overwritten (the content store keeps them and says so). The writing holds the
content folder's lock, so no build and no other ingest runs meanwhile. Every file
written, kept (with the reason) or removed is reported on a line of its own, its
path under the content folder, and a summary line ends the run.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import TextIO

from generator.commands.lock import content_lock
from generator.commands.pages import collect_pages, read_page
from generator.content.metadata import PageMeta, resolve_metadata
from generator.content.reader import first_field
from generator.content.scans import inspect, scans_beside
from generator.content.slug import paper_path
from generator.content.store import check_writable, write_page
from generator.errors import ArchiveError
from generator.ingest.article import SegmentedPage
from generator.ingest.segment import segment

MAX_ARTICLES = 999  # articles a page may hold: its files are named PP-01.md … PP-999.md


@dataclasses.dataclass
class PreparedPage:
    path: Path
    text: str
    meta: PageMeta
    page: SegmentedPage
    scan: tuple[Path, str] | None = None  # a scan given beside the page file, its kind
    scan_warnings: list[str] = dataclasses.field(default_factory=list)


def prepare(path: Path, flags: dict, listings: dict[Path, list[str]] | None = None
            ) -> PreparedPage:
    """Read, date and segment one page, and look at the scan beside it, without writing
    anything. listings holds the folders' file names already listed."""
    text = read_page(path)
    meta = resolve_metadata(path, text, flags)
    page = segment(text)
    if len(page.articles) > MAX_ARTICLES:
        raise ArchiveError(
            f"{path}: {len(page.articles)} articles on one page, more than the {MAX_ARTICLES} "
            "its file names can number (PP-NN.md); is this one printed page? Split the text "
            "into its pages and ingest them one by one")
    if meta.section is None and page.section:
        meta = dataclasses.replace(meta, section=page.section)
    scan, warnings = find_scan(path, listings)
    return PreparedPage(path, text, meta, page, scan, warnings)


def find_scan(path: Path, listings: dict[Path, list[str]] | None = None
              ) -> tuple[tuple[Path, str] | None, list[str]]:
    """The scan given beside a page file (same stem: 06.txt and 06.jpg, xyz.txt and
    xyz.png), with its kind read from its first bytes, and warnings for files beside
    it that are not scans or are a second scan of the page: a bad scan is left out,
    named, and does not stop the ingest of the page's text."""
    listings = {} if listings is None else listings
    if path.parent not in listings:
        try:
            listings[path.parent] = sorted(p.name for p in path.parent.iterdir())
        except OSError:
            listings[path.parent] = []
    found: tuple[Path, str] | None = None
    warnings = []
    for candidate in scans_beside(path, listings[path.parent]):
        info, problem = inspect(candidate, candidate.name, strict=False)
        if info is None:
            warnings.append(f"{candidate}: {problem}; the scan was not kept")
        elif found is not None:
            warnings.append(f"{candidate}: a second scan of this page ({found[0].name} is "
                            "kept); give one scan per page")
        else:
            found = (candidate, info.kind)
    return found, warnings


def check_unique(prepared: list[PreparedPage], slugs: dict[str, str],
                 papers: dict[str, str]) -> None:
    """Two files claiming the same paper, day and page would overwrite each other."""
    seen: dict[tuple, Path] = {}
    for p in prepared:
        key = (paper_path(p.meta.city, p.meta.paper, slugs, papers), p.meta.date,
               str(p.meta.page))
        if key in seen:
            raise ArchiveError(
                f"{p.path}: same paper, date and page ({p.meta.paper} {p.meta.date} page "
                f"{p.meta.page}) as {seen[key]}; fix the page number in pages.yaml or --page"
            )
        seen[key] = p.path


def check_folders(prepared: list[PreparedPage], content: Path, slugs: dict[str, str],
                  papers: dict[str, str]) -> None:
    """A city folder holds one city, a paper folder one paper: two names that read the
    same (泰州 and 台州 are both taizhou) must not share a folder, or the second would
    overwrite the first's articles and URLs."""
    names: dict[str, str] = {}
    for p in prepared:
        path = paper_path(p.meta.city, p.meta.paper, slugs, papers)
        city_folder = path.split("/", 1)[0]
        for folder, name, key, what in ((city_folder, p.meta.city, "city_slugs", "city"),
                                        (path, p.meta.paper, "paper_slugs", "paper")):
            owner = names.get(folder) or first_field(content / folder, what)
            if owner is None:
                names[folder] = name
                continue
            names[folder] = owner
            if owner != name:
                raise ArchiveError(
                    f"{p.path}: {what} {name} would share the folder {folder}/ with {owner}; "
                    f"give it a folder of its own in site.yaml, e.g. `{key}: {{{name}: "
                    f"{folder.rsplit('/', 1)[-1]}2}}`")


def ingest(paths: list[Path], content: Path, flags: dict, slugs: dict[str, str],
           out: TextIO | None = None, papers: dict[str, str] | None = None,
           restore: bool = False) -> int:
    """Ingest page files and folders of them into the content tree."""
    out = out or sys.stdout
    pages = collect_pages(paths)
    if flags.get("page") and len(pages) > 1:
        raise ArchiveError(f"--page {flags['page']}: applies to a single page file, but "
                           f"{len(pages)} pages were given; list page numbers in pages.yaml")
    listings: dict[Path, list[str]] = {}
    prepared = [prepare(path, flags, listings) for path in pages]
    papers = papers or {}
    check_unique(prepared, slugs, papers)
    check_writable(content)
    totals = {"articles": 0, "written": 0, "unchanged": 0, "kept": 0, "removed": 0}
    with content_lock(content, "archive ingest"):
        # Under the lock: an ingest that ran while this one waited may have taken a folder.
        check_folders(prepared, content, slugs, papers)
        for p in prepared:
            report = write_page(content, p.meta, p.text, p.path.name, p.page.articles,
                                slug_overrides=slugs, paper_overrides=papers,
                                restore=restore, scan=p.scan)
            inferred = f" (inferred: {', '.join(p.meta.inferred)})" if p.meta.inferred else ""
            out.write(f"{p.path}: {len(p.page.articles)} articles → {p.meta.paper} "
                      f"{p.meta.date} page {p.meta.page}{inferred}\n")
            for line in report.lines(content):
                out.write(f"  {line}\n")
            for warning in p.page.warnings:
                out.write(f"  warning: {p.path}: {warning}\n")
            for warning in p.scan_warnings:
                out.write(f"  warning: {warning}\n")
            totals["articles"] += len(p.page.articles)
            totals["written"] += len(report.written)
            totals["unchanged"] += len(report.unchanged)
            totals["kept"] += len(report.kept)
            totals["removed"] += len(report.removed) + len(report.temps)
    out.write(f"{len(prepared)} pages, {totals['articles']} articles; "
              f"{totals['written']} files written, {totals['unchanged']} unchanged, "
              f"{totals['kept']} kept (editors' files), {totals['removed']} removed\n")
    return 0
