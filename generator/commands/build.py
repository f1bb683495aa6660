"""`archive build`: content/ → public/, atomically, on every core.

Phases: read and validate all content (workers take whole issue folders) → build
the model once → render issue-sized units of pages in worker processes that
inherit the model by fork → write into a staging folder → swap it for public/.
A failed build leaves the previous public/ as it was.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.config import load_config
from generator.errors import ArchiveError
from generator.search.index import (
    index_shards,
    record_name,
    record_page,
    shard_key,
    write_records,
)
from generator.site import urls
from generator.site.loader import Loaded, issue_folders, load_folders, partition
from generator.site.markup import body_text
from generator.site.model import Issue, Site, build_model
from generator.site.render import Renderer, issue_json, kind_name, write_exports

PARALLEL_MIN_FOLDERS = 64  # below this, worker start-up costs more than it saves


@dataclass
class BuildOptions:
    content: Path
    out: Path
    config_path: Path
    base_url: str | None = None
    jobs: int = 0  # 0: one per core
    quiet: bool = False  # no progress display
    search: bool = True  # build the Pagefind index into /pagefind/


@dataclass
class BuildResult:
    articles: int = 0
    files: int = 0
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


# State the render workers inherit through fork (never pickled).
_STATE: dict[str, Any] = {}


def build(options: BuildOptions, log: Callable[[str], None] | None = None) -> BuildResult:
    log = log or (lambda line: print(line, file=sys.stderr))
    result = BuildResult()
    clock = time.perf_counter()
    config = load_config(options.config_path, required=False, base_url=options.base_url)
    template_dirs = [Path(d) for d in config["templates"]]
    content = options.content
    if not content.is_dir():
        raise ArchiveError(f"{content}: no such content folder; pass --content DIR or run "
                           "`archive ingest` first")
    jobs = options.jobs or os.cpu_count() or 1

    loaded = load_content(content, jobs)
    result.timings["read"] = time.perf_counter() - clock
    if loaded.problems:
        raise BuildErrors(loaded.problems)
    result.warnings = loaded.warnings
    tick = time.perf_counter()
    site = build_model(loaded.records, loaded.sources, config)
    result.timings["model"] = time.perf_counter() - tick
    result.articles = len(loaded.records)
    renderer = Renderer(template_dirs, config, search=options.search)

    staging = staging_dir(options.out)
    records = staging.parent / f".{options.out.resolve().name}.records-{os.getpid()}"
    try:
        _STATE.update(site=site, bodies=loaded.bodies, renderer=renderer, out=staging,
                      content=content, records=records if options.search else None)
        progress = Progress(options.quiet or not sys.stderr.isatty())
        tick = time.perf_counter()
        # Workers share the model with this process by fork; frozen objects are not
        # touched by their garbage collector, so those memory pages stay shared.
        gc.collect()
        gc.freeze()
        result.files = render_all(site, jobs, progress)
        gc.unfreeze()
        copy_assets(template_dirs, staging)
        progress.done()
        result.timings["render"] = time.perf_counter() - tick
        if options.search:
            tick = time.perf_counter()
            keys = sorted({shard_key(i.date) for i in site.issues})
            if keys:
                index_shards(records, staging / "pagefind", keys, keys, min(jobs, 2))
            result.timings["search index"] = time.perf_counter() - tick
        tick = time.perf_counter()
        swap_into_place(staging, options.out)
        result.timings["swap"] = time.perf_counter() - tick
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(records, ignore_errors=True)
        _STATE.clear()
    result.timings["total"] = time.perf_counter() - clock
    return result


class BuildErrors(ArchiveError):
    """Every problem of a build, one per line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__("\n".join([*problems, f"{len(problems)} {noun} in content; "
                                    "fix them and build again (public/ was not changed)"]))


def load_content(content: Path, jobs: int) -> Loaded:
    folders, strays = issue_folders(content)
    loaded = Loaded()
    for stray in strays:
        loaded.warnings.append(f"{content / stray}: not in a <city>/<YYYY>/<MM>/<DD>/ folder; "
                               "ignored (move it into its issue folder)")
    if jobs <= 1 or len(folders) < PARALLEL_MIN_FOLDERS:
        loaded.extend(load_folders(content, folders))
        return loaded
    parts = partition(folders, jobs * 4)
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        for part in pool.starmap(load_folders, [(content, p) for p in parts]):
            loaded.extend(part)
    return loaded


# -- rendering ---------------------------------------------------------------

def render_all(site: Site, jobs: int, progress: Progress) -> int:
    """Render every page: issue units in parallel, then the site-wide pages."""
    issues = site.issues
    # The whole-archive exports are the longest single unit: start them first so that
    # they run beside the issue units instead of after them.
    units: list[tuple[str, list[Any]]] = [("exports", [0]), ("site", [0])]
    units += [("issues", [i]) for i in partition_issues(issues, jobs * 8)]
    total = len(units)
    files = 0
    if jobs <= 1 or len(issues) < PARALLEL_MIN_FOLDERS:
        for n, unit in enumerate(units, start=1):
            files += run_unit(unit)
            progress.update(n, total)
        return files
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        for n, count in enumerate(pool.imap_unordered(run_unit, units), start=1):
            files += count
            progress.update(n, total)
    return files


def partition_issues(issues: list[Issue], parts: int) -> list[tuple[int, int]]:
    """Index ranges over the issue list with about equal numbers of articles."""
    total = sum(len(i.articles) for i in issues) or 1
    target = max(1, total // max(parts, 1))
    ranges, start, count = [], 0, 0
    for n, issue in enumerate(issues):
        count += len(issue.articles)
        if count >= target:
            ranges.append((start, n + 1))
            start, count = n + 1, 0
    if start < len(issues):
        ranges.append((start, len(issues)))
    return ranges


def run_unit(unit: tuple[str, list[Any]]) -> int:
    kind, args = unit
    site: Site = _STATE["site"]
    renderer: Renderer = _STATE["renderer"]
    out: Path = _STATE["out"]
    if kind == "issues":
        start, end = args[0]
        issues = site.issues[start:end]
        if _STATE["records"] is not None:
            write_records(_STATE["records"], search_records(issues, renderer))
        return write_all(out, render_issues(issues, renderer))
    if kind == "site":
        return write_all(out, render_site(site, renderer))
    write_exports(renderer, site, _STATE["bodies"], out)
    return 2


def render_issues(issues: Iterable[Issue], renderer: Renderer) -> Iterable[tuple[str, str]]:
    bodies: dict[str, str] = _STATE["bodies"]
    content: Path = _STATE["content"]
    for issue in issues:
        yield renderer.issue(issue)
        yield issue_json(renderer, issue, bodies)
        articles = issue.articles
        index = {a.rel: n for n, a in enumerate(articles)}
        for page in issue.pages:
            ocr = read_source(content, page.source)
            yield renderer.printed_page(issue, page, ocr)
            if ocr is not None and page.source:
                yield urls.source(page.source).lstrip("/"), ocr
            for article in page.articles:
                n = index[article.rel]
                prev = articles[n - 1] if n > 0 else None
                nxt = articles[n + 1] if n + 1 < len(articles) else None
                yield renderer.article(issue, page, article, bodies[article.rel], prev, nxt)


def search_records(issues: Iterable[Issue], renderer: Renderer) -> Iterable[tuple[str, str, str]]:
    """One search-index page per article (see generator/search/index.py)."""
    bodies: dict[str, str] = _STATE["bodies"]
    for issue in issues:
        shard = shard_key(issue.date)
        for article in issue.articles:
            yield shard, record_name(article), record_page(
                article, body_text(bodies[article.rel]), kind_name(article.kind), shard)


def render_site(site: Site, renderer: Renderer) -> Iterable[tuple[str, str]]:
    yield renderer.home(site)
    for paper in site.papers:
        yield renderer.paper(paper)
        yield renderer.feed(site, paper.slug)
    yield renderer.feed(site, None)
    yield from renderer.sitemaps(site)
    yield renderer.robots()
    yield renderer.not_found()
    yield renderer.search()


def read_source(content: Path, rel: str | None) -> str | None:
    if not rel:
        return None
    try:
        return (content / rel).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def write_all(out: Path, outputs: Iterable[tuple[str, str]]) -> int:
    """Write rendered files; plain os calls, as a build writes tens of thousands."""
    count = 0
    made: set[str] = set()
    root = os.fspath(out)
    for rel, text in outputs:
        path = f"{root}/{rel}"
        folder = os.path.dirname(path)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        with open(path, "wb") as f:
            f.write(text.encode("utf-8"))
        count += 1
    return count


def copy_assets(template_dirs: list[Path], out: Path) -> None:
    """Static files (CSS, JS, fonts) from each templates/assets/, overrides first."""
    for directory in reversed(template_dirs):
        assets = directory / "assets"
        if assets.is_dir():
            shutil.copytree(assets, out / "assets", dirs_exist_ok=True)


# -- atomic output -------------------------------------------------------------

def staging_dir(out: Path) -> Path:
    """A fresh folder beside public/ (same file system, so the swap is a rename)."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    for pattern in (f".{out.name}.tmp-*", f".{out.name}.records-*"):
        for stale in out.parent.glob(pattern):
            shutil.rmtree(stale, ignore_errors=True)
    staging = out.parent / f".{out.name}.tmp-{os.getpid()}"
    try:
        staging.mkdir()
    except OSError as err:
        raise ArchiveError(f"{out.parent}: cannot write ({err.strerror}); check permissions "
                           "or pass --out DIR") from None
    return staging


def swap_into_place(staging: Path, out: Path) -> None:
    """Replace public/ by the staging folder with two renames.

    The previous output is deleted by a detached `rm` so that the build does not
    wait for it; a leftover (if that is interrupted) is removed by the next build.
    """
    out = out.resolve()
    for stale in out.parent.glob(f".{out.name}.old-*"):
        shutil.rmtree(stale, ignore_errors=True)
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    if out.exists():
        out.rename(old)
    staging.rename(out)
    if old.exists():
        remove_in_background(old)


def remove_in_background(path: Path) -> None:
    rm = shutil.which("rm")
    if rm is None:
        shutil.rmtree(path, ignore_errors=True)
        return
    subprocess.Popen([rm, "-rf", "--", str(path)], stdin=subprocess.DEVNULL,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     start_new_session=True)


class Progress:
    """A percentage on stderr for long builds, when stderr is a terminal."""

    def __init__(self, silent: bool):
        self.silent = silent
        self.shown = -1

    def update(self, done: int, total: int) -> None:
        pct = done * 100 // max(total, 1)
        if not self.silent and pct != self.shown:
            self.shown = pct
            print(f"\rrendering {pct:3d}%", end="", file=sys.stderr, flush=True)

    def done(self) -> None:
        if not self.silent and self.shown >= 0:
            print("\r" + " " * 20 + "\r", end="", file=sys.stderr, flush=True)
