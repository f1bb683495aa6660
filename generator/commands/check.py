"""`archive check`: what an editor should look at, issue by issue and page by page.

Segmentation is right most of the time; the editor's minute goes where it is not.
Four kinds of finding, each pointing at a file and line an editor can open:

- `doubt`: an article whose `segmentation: {confidence}` is below the threshold, with
  the segmenter's doubts (articles without the field, older or hand-made, are not
  doubted: nobody measured them);
- `noise`: lines of a page text (`<PP>.txt`) that segmenting it again sets aside as
  page furniture (banners, column labels, QR captions), with the reason;
- `jump`: a `continues_on: N` with no article on page N of the issue `continued_from`
  this page, or the reverse;
- `broken`: a file the build would refuse (the content reader's own checks, and the
  layout scan's).

Only front matter and page texts are read, and nothing is written: the check is
safe to run at any time, beside a build or an ingest. Issue folders are independent,
so a large archive is checked by several processes, and a `Checker` kept by
`archive serve` re-checks only the folders that changed since its last run.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TextIO

from generator.content.reader import display_path, read_article
from generator.content.schema import field_lines, parse_page
from generator.content.slug import ARTICLE_NAME_RE, SOURCE_NAME_RE
from generator.errors import ArchiveError, plural
from generator.site import urls
from generator.site.scan import Signature, partition, scan

DOUBT, NOISE, JUMP, BROKEN = "doubt", "noise", "jump", "broken"
KINDS = (DOUBT, NOISE, JUMP, BROKEN)
DEFAULT_BELOW = 0.7
PARALLEL_FOLDERS = 64  # below this, starting worker processes costs more than it saves
FIRST_WORDS = 20  # characters of the body shown for an untitled article
_PROBLEM_LINE_RE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): ")


@dataclass(frozen=True)
class Finding:
    """One thing to look at: where it is (file and line), what it is, why."""

    kind: str  # DOUBT, NOISE, JUMP or BROKEN
    issue: str  # issue folder under content/ ("xuchang/ribao/2023/03/23"); "" for the archive
    page: str  # page label as file names write it ("06"); "" when not on a page
    path: str  # the file, as messages show paths
    line: int
    text: str  # the title or first words, the noise line, the jump, the problem
    details: tuple[str, ...] = ()  # doubts, the noise's reason
    url: str | None = None  # the article's page on the site
    confidence: float | None = None

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["details"] = list(self.details)
        return data


@dataclass
class FolderResult:
    """What one issue folder gave: its findings and how much was looked at."""

    findings: list[Finding] = field(default_factory=list)
    articles: int = 0
    pages: int = 0


@dataclass
class Report:
    findings: list[Finding]
    issues: int = 0
    articles: int = 0
    pages: int = 0
    seconds: float = 0.0
    below: float = DEFAULT_BELOW

    def count(self, kind: str) -> int:
        return sum(1 for f in self.findings if f.kind == kind)

    def grouped(self) -> list[tuple[str, list[tuple[str, list[Finding]]]]]:
        """Findings by issue, then page, in the order they were found."""
        issues: dict[str, dict[str, list[Finding]]] = {}
        for f in self.findings:
            issues.setdefault(f.issue, {}).setdefault(f.page, []).append(f)
        return [(issue, list(pages.items())) for issue, pages in issues.items()]

    def summary(self) -> str:
        """The closing line: what was looked at, what was found, how long it took."""
        found = (f"{plural(self.count(DOUBT), 'doubtful article')} (confidence below "
                 f"{self.below:g}), {plural(self.count(NOISE), 'noise line')}, "
                 f"{plural(self.count(JUMP), 'unmatched jump')}, "
                 f"{plural(self.count(BROKEN), 'file problem')}")
        return (f"checked {plural(self.issues, 'issue')}, {plural(self.articles, 'article')}, "
                f"{plural(self.pages, 'page text')} in {self.seconds:.2f} s: {found}")


# -- checking -----------------------------------------------------------------------------

class Checker:
    """Checks content/ and remembers each issue folder's result with the folder's
    signature (file names, times, sizes), so the next run re-checks only what changed."""

    def __init__(self, content: Path, below: float = DEFAULT_BELOW, jobs: int = 1):
        if not 0 <= below <= 1:
            raise ArchiveError(f"--below {below:g}: not a confidence; give a number from 0 to 1, "
                               f"e.g. --below {DEFAULT_BELOW}")
        self.content = Path(content)
        self.below = below
        self.jobs = max(1, jobs)
        self._cache: dict[str, tuple[Signature, FolderResult]] = {}
        self._lock = threading.Lock()

    def run(self) -> Report:
        if not self.content.is_dir():
            raise ArchiveError(f"{self.content}: no such content folder; pass --content DIR "
                               "or run `archive ingest` first")
        start = time.perf_counter()
        folders, layout = scan(self.content)
        with self._lock:
            cached = dict(self._cache)
        todo = [f for f, sig in folders.items() if cached.get(f, (None,))[0] != sig]
        fresh = dict(zip(todo, self._check_many(todo), strict=True))
        findings = [layout_finding(self.content, problem) for problem in layout]
        report = Report(findings, issues=len(folders), below=self.below)
        for folder in folders:
            result = fresh[folder] if folder in fresh else cached[folder][1]
            report.findings.extend(result.findings)
            report.articles += result.articles
            report.pages += result.pages
        with self._lock:
            self._cache = {f: (folders[f], fresh.get(f) or cached[f][1]) for f in folders}
        report.seconds = time.perf_counter() - start
        return report

    def _check_many(self, folders: list[str]) -> list[FolderResult]:
        if self.jobs > 1 and len(folders) >= PARALLEL_FOLDERS:
            parts = partition(folders, self.jobs * 4)
            with multiprocessing.get_context("fork").Pool(self.jobs) as pool:
                done = pool.starmap(check_folders, [(self.content, p, self.below) for p in parts])
            return [r for part in done for r in part]
        return check_folders(self.content, folders, self.below)


def check_folders(root: Path, folders: list[str], below: float) -> list[FolderResult]:
    """check_folder for each folder (one worker's share)."""
    return [check_folder(root, folder, below) for folder in folders]


@dataclass
class Entry:
    """What the jump check needs of an article."""

    path: Path
    rel: str  # under content/, without .md: the URL path
    page: Any
    label: str
    continued_from: Any
    continues_on: Any


def check_folder(root: Path, folder: str, below: float) -> FolderResult:
    """Every finding of one issue folder, page by page (pages in file-name order)."""
    result = FolderResult()
    directory = Path(root) / folder
    try:
        names = sorted(os.listdir(directory))
    except OSError as err:
        shown = display_path(directory)
        result.findings.append(Finding(BROKEN, folder, "", shown, 1,
                                       f"{shown}: cannot read ({err.strerror}); fix its "
                                       "permissions"))
        return result
    by_page: dict[str, list[Finding]] = {}
    entries: list[Entry] = []
    for name in names:
        if (m := ARTICLE_NAME_RE.match(name)) is not None:
            result.articles += 1
            found, entry = check_article(root, folder, name, m["page"], below)
            by_page.setdefault(m["page"], []).extend(found)
            if entry is not None:
                entries.append(entry)
        elif (m := SOURCE_NAME_RE.match(name)) is not None:
            result.pages += 1
            by_page.setdefault(m["page"], []).extend(page_noise(root, folder, name, m["page"]))
    for finding in unmatched_jumps(folder, entries):
        by_page.setdefault(finding.page, []).append(finding)
    for label in sorted(by_page, key=page_order):
        result.findings.extend(sorted(by_page[label], key=lambda f: KINDS.index(f.kind)))
    return result


def page_order(label: str) -> tuple[str, int]:
    """01 < 02 < 10 < 100 < A1 < A2 < B1, as the site lists pages."""
    page = parse_page(label)
    if isinstance(page, int):
        return ("", page)
    letters = label.rstrip("0123456789")
    return (letters.upper(), int(label[len(letters):] or 0))


def check_article(root: Path, folder: str, name: str, label: str,
                  below: float) -> tuple[list[Finding], Entry | None]:
    """A file's build problems, or its doubt when its confidence is below `below`."""
    path = Path(root) / folder / name
    shown = display_path(path)
    front, body, problems = read_article(path, root)
    if problems:
        return [problem_finding(folder, label, shown, p) for p in problems], None
    rel = f"{folder}/{name[:-3]}"
    entry = Entry(path, rel, front["page"], label, front["continued_from"],
                  front["continues_on"])
    segmentation = front.get("segmentation")
    confidence = segmentation.get("confidence") if isinstance(segmentation, dict) else None
    if confidence is None or confidence >= below:
        return [], entry
    doubts = tuple(segmentation.get("doubts") or ())
    finding = Finding(DOUBT, folder, label, shown, field_line(path, "segmentation"),
                      title_or_start(front.get("title"), body), doubts, urls.article(rel),
                      float(confidence))
    return [finding], entry


def title_or_start(title: str | None, body: str) -> str:
    """The headline, or the first words of the body for an untitled article."""
    if title:
        return title
    words = " ".join(body.split())
    if not words:
        return "（无标题，无正文）"
    return "（无标题）" + (words if len(words) <= FIRST_WORDS else words[:FIRST_WORDS] + "…")


def field_line(path: Path, key: str) -> int:
    """The line of a front matter field (1 when it cannot be found): read again only for
    the few articles that are reported."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 1
    lines = text.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), len(lines))
    return field_lines("\n".join(lines[1:end])).get(key, 1)


def page_noise(root: Path, folder: str, name: str, label: str) -> list[Finding]:
    """The lines of a page text that segmenting it again sets aside as layout."""
    from generator.commands.pages import read_page
    from generator.ingest.segment import segment

    path = Path(root) / folder / name
    shown = display_path(path)
    try:
        page = segment(read_page(path))
    except ArchiveError as err:
        return [Finding(BROKEN, folder, label, shown, 1, str(err))]
    url = urls.source(f"{folder}/{name}")
    return [Finding(NOISE, folder, label, shown, n.line, n.text, (n.reason,), url)
            for n in page.noise]


def unmatched_jumps(folder: str, entries: list[Entry]) -> Iterator[Finding]:
    """(上接/下转) notes without their other half in the issue: `continues_on: N` needs
    an article on page N `continued_from` this page, and the reverse."""
    pages = {e.page for e in entries}
    for e in entries:
        for key, other in (("continues_on", "continued_from"),
                           ("continued_from", "continues_on")):
            target = getattr(e, key)
            if target is None or any(x.page == target and getattr(x, other) == e.page
                                     for x in entries):
                continue
            if target not in pages:
                why = f"page {target} of this issue has no articles in the archive"
            else:
                why = f"no article on page {target} has `{other}: {e.page}`"
            yield Finding(JUMP, folder, e.label, display_path(e.path), field_line(e.path, key),
                          f"{key}: {target}, but {why}", (), urls.article(e.rel))


def problem_finding(folder: str, label: str, shown: str, problem: str) -> Finding:
    """A reader's `path:line: field: …` message as a finding at that line."""
    m = _PROBLEM_LINE_RE.match(problem)
    return Finding(BROKEN, folder, label, shown, int(m["line"]) if m else 1, problem)


def layout_finding(root: Path, problem: str) -> Finding:
    """A layout problem of the scan (a stray file, a misnamed folder): not in an issue."""
    path = problem.split(": ", 1)[0]
    return Finding(BROKEN, "", "", display_path(path) if path else display_path(root), 1,
                   problem)


# -- showing it ---------------------------------------------------------------------------

LABELS = {DOUBT: "doubtful", NOISE: "noise", JUMP: "jump", BROKEN: "broken"}


def write_text(report: Report, out: TextIO) -> None:
    """The report for a terminal: issue, page, then one line per finding (`path:line`
    first, so that terminals and editors can open it), its details indented below."""
    for issue, pages in report.grouped():
        out.write(f"{issue or 'content'}/\n")
        for label, findings in pages:
            if label:
                out.write(f"  page {label}\n")
            for f in findings:
                out.write(f"    {LABELS[f.kind]:<9} {finding_line(f)}\n")
                for detail in f.details if f.kind == DOUBT else ():
                    out.write(f"              - {detail}\n")
    out.write(report.summary() + "\n")


def finding_line(f: Finding) -> str:
    if f.kind == BROKEN:
        return f.text if f.text.startswith(f.path) else f"{f.where}: {f.text}"
    if f.kind == DOUBT:
        return f"{f.where}: {f.text} (confidence {f.confidence:g})"
    if f.kind == NOISE:
        return f"{f.where}: {f.text} ({', '.join(f.details)})"
    return f"{f.where}: {f.text}"


def write_json(report: Report, out: TextIO) -> None:
    """One JSON object per finding and line, like `archive segment --json`."""
    for f in report.findings:
        out.write(json.dumps(f.to_json(), ensure_ascii=False) + "\n")


def render_html(report: Report, content: Path) -> str:
    """The report as the page `archive serve` shows at /_check/ (never part of a build)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from generator.config import DEFAULT_TEMPLATES

    env = Environment(loader=FileSystemLoader(str(DEFAULT_TEMPLATES)), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("check.html").render(
        report=report, groups=report.grouped(), labels=LABELS, content=display_path(content),
        counts={kind: report.count(kind) for kind in KINDS}, line=finding_line)
