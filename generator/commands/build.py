"""`archive build`: content/ → public/, atomically, on every core, redoing only what changed.

Phases: scan content/ (file names, sizes and times of each issue folder) → read the
folders that changed, in worker processes, and take the rest from the build cache →
build the model → find the units of output whose inputs changed (an issue's pages;
a month's data files; a search index segment; the sitemap) → render those in worker
processes that inherit the model by fork, into a staging folder → put them in place.

A first build, --clean, or a changed generator, config, template or option renders
everything into a fresh folder that replaces public/ by two renames. Otherwise the
staged files go into public/ through a journal (generator/commands/state.py). Either
way a failed build leaves the previous public/ as it was, and an incremental build
gives the same bytes as a clean one (tests/test_incremental.py checks it).
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.cachefiles import fingerprint
from generator.commands import freshness
from generator.commands import state as cache
from generator.commands.lock import folder_lock
from generator.commands.output import MARKER, MARKER_TEXT, check_output
from generator.commands.state import fsync_dir as state_fsync_dir
from generator.content.slug import SCAN_NAME_RE
from generator.enrich import pages as entity_pages
from generator.enrich.pages import article_digest
from generator.enrich.site import Enrichment, enrich
from generator.errors import ArchiveError, ContentProblems
from generator.ingest.decode import decode_page
from generator.ingest.repair import strip_invisible
from generator.search.index import (
    BatchCache,
    SegmentListing,
    article_record,
    page_order,
    write_segment,
    write_segment_list,
)
from generator.search.pagefind_format import Batch, analyse
from generator.search.postings import Record
from generator.search.segments import month_of, plan_segments
from generator.site import today as on_this_day
from generator.site import urls
from generator.site.loader import Loaded, load_folders
from generator.site.markup import body_text
from generator.site.model import (
    ArticleRec,
    Issue,
    Site,
    build_model,
    name_conflicts,
    url_conflicts,
)
from generator.site.render import (
    Renderer,
    issue_json,
    kind_name,
    month_exports,
    month_key,
)
from generator.site.scan import partition

PARALLEL_MIN_FOLDERS = 64  # below this, worker start-up costs more than it saves
PARALLEL_MIN_ARTICLES = 300  # the same for rendering


@dataclass
class BuildOptions:
    content: Path
    out: Path
    config_path: Path
    base_url: str | None = None
    jobs: int = 0  # 0: one per core
    quiet: bool = False  # no progress display
    search: bool = True  # build the Pagefind index into /pagefind/
    clean: bool = False  # ignore the build cache: render everything
    cache_root: Path | None = None  # where .archive/cache/ is; default: beside the config
    build_future: bool = False  # publish articles dated after today too
    allow_removed: bool = False  # publish even if article URLs published before go away


@dataclass
class BuildResult:
    articles: int = 0
    files: int = 0  # files written (all of them in a full build)
    deleted: int = 0
    incremental: bool = False
    up_to_date: bool = False  # nothing changed since the last build: nothing was done
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


# State the render workers inherit through fork (never pickled).
_STATE: dict[str, Any] = {}


def build(options: BuildOptions, log: Callable[[str], None] | None = None,
          fresh: freshness.Freshness | None = None) -> BuildResult:
    """Build options.out; fresh is freshness.check() of the same options when the caller
    has already made it (`archive build` does, before importing this module).

    The output folder is checked first (never the archive's source), then locked, with
    content/ locked against ingests: a second build waits for this one."""
    guard_output(options, fresh)
    say = log or (lambda line: print(line, file=sys.stderr, flush=True))
    with folder_lock(options.out, "archive build", say=say), \
            folder_lock(options.content, "archive build", shared=True, say=say):
        return locked_build(options, fresh)


def guard_output(options: BuildOptions, fresh: freshness.Freshness | None) -> None:
    """check_output, with the template folders of the config (as the scan read it)."""
    if fresh is None:
        from generator.config import load_config

        config = load_config(options.config_path, base_url=options.base_url)
        template_dirs = [Path(d) for d in config["templates"]]
    else:
        template_dirs = fresh.template_dirs
    check_output(options.out, options.content, options.config_path, template_dirs)


def locked_build(options: BuildOptions, fresh: freshness.Freshness | None) -> BuildResult:
    result = BuildResult()
    clock = time.perf_counter()
    jobs = options.jobs or os.cpu_count() or 1
    store = freshness.cache_dir(options.cache_root or options.config_path.resolve().parent,
                                options.out)
    # Finish a change an interrupted build had started (or put back the output a full
    # build had moved away); then look again at what changed: another build may have
    # run while this one waited for the lock.
    restore_output(options.out)
    cache.recover(options.out, store)
    fresh = check(options, jobs)
    result.timings["scan"] = time.perf_counter() - clock
    if fresh.up_to_date:
        result.incremental = result.up_to_date = True
        result.warnings = fresh.warnings
        result.timings["total"] = time.perf_counter() - clock
        return result
    config, template_dirs, content = fresh.config, fresh.template_dirs, options.content
    settings, signatures, store, full = (fresh.settings, fresh.signatures, fresh.store,
                                         fresh.full)
    folders = list(signatures)
    stray_warnings = fresh.warnings
    tick = time.perf_counter()
    previous = None if full or fresh.cached is None else cache.load_state(store, fresh.cached)
    result.timings["cache load"] = time.perf_counter() - tick
    if previous is None:
        previous, full = cache.BuildState(), True
    result.incremental = not full

    tick = time.perf_counter()
    changed = [f for f in folders if previous.signatures.get(f) != signatures[f]]
    read_now = load_parts(content, changed, jobs)
    parts = {f: read_now[f] if f in read_now else previous.parts[f] for f in folders}
    loaded = merge(parts)
    result.timings["read"] = time.perf_counter() - tick
    if loaded.problems:
        raise BuildErrors(loaded.problems)
    result.warnings = loaded.warnings + stray_warnings
    tick = time.perf_counter()
    mixed = name_conflicts(loaded.records)
    if mixed:
        raise ContentProblems([f"{content / rel}.md: {problem}" for rel, problem in mixed])
    records, release = hold_back(loaded.records, options.build_future, content,
                                 result.warnings)
    site = build_model(records, loaded.sources, config, scans=loaded.scans)
    from generator.config import paper_warnings

    result.warnings += paper_warnings(config, options.config_path,
                                      {p.name for p in site.papers})
    conflicts = url_conflicts(site)
    if conflicts:
        raise ContentProblems([f"{content / rel}.md: {problem}" for rel, problem in conflicts])
    if not options.allow_removed:
        check_published(site, options.out)
    shown = {p.source for i in site.issues for p in i.pages if p.source}
    result.warnings += [f"{content / rel}: no article of this page is in the archive, so its "
                        "text is not published; ingest the page or move the file away"
                        for rel in sorted(set(loaded.sources.values()) - shown)]
    shown_scans = {p.scan for i in site.issues for p in i.pages if p.scan}
    result.warnings += [f"{content / s.rel}: no article of this page is in the archive, so "
                        "its scan is not published; ingest the page or move the file away"
                        for s in sorted(loaded.scans.values()) if s.rel not in shown_scans]
    result.timings["model"] = time.perf_counter() - tick
    result.articles = len(records)

    # --clean trusts no cache: every issue is analysed for the index anew.
    cached = (lambda name: False) if options.clean else batch_cache(store).has
    tick = time.perf_counter()
    enrichment = enrich(site, signatures, store, jobs, options.clean, config,
                        lambda folder: folder_bodies(content, folder, read_now))
    result.timings["enrich"] = time.perf_counter() - tick
    plan = make_plan(site, settings, signatures, previous, options.search, full, cached,
                     enrichment)
    # Bodies of everything to render: the changed folders were just read; the others
    # (an issue whose neighbour changed, the rest of a changed month) are read now.
    tick = time.perf_counter()
    bodies: dict[str, str] = {}
    needed = sorted(plan.folders - read_now.keys())
    for part in [*read_now.values(), *load_parts(content, needed, jobs).values()]:
        bodies.update(part.bodies)
    result.timings["read bodies"] = time.perf_counter() - tick
    renderer = Renderer(template_dirs, config, search=options.search)
    new_state = write_output(options, plan, bodies, renderer, template_dirs, previous,
                             jobs, store, result)
    new_state.settings, new_state.signatures = settings, signatures
    new_state.release = release
    new_state.parts = {f: Loaded(p.records, {}, p.sources, p.problems, p.warnings, p.scans)
                       for f, p in parts.items()}
    tick = time.perf_counter()
    warning = cache.save_state(store, new_state)
    if warning:
        result.warnings.append(warning)
    result.timings["cache save"] = time.perf_counter() - tick
    result.timings["total"] = time.perf_counter() - clock
    return result


def write_output(options: BuildOptions, plan: Plan, bodies: dict[str, str],
                 renderer: Renderer, template_dirs: list[Path], previous: cache.BuildState,
                 jobs: int, store: Path, result: BuildResult) -> cache.BuildState:
    """Render the plan into a staging folder, index it, and put it in place: a whole new
    folder for a full build, the changed files through the journal otherwise. Returns
    the units and segments of the new output (the caller saves them with the rest)."""
    full = not result.incremental
    staging = staging_dir(options.out)
    batches = batch_cache(store)
    try:
        tick = time.perf_counter()
        _STATE.update(bodies=bodies, renderer=renderer, out=staging, plan=plan,
                      content=options.content, batches=batches)
        progress = Progress(options.quiet or not sys.stderr.isatty())
        # Workers share the model with this process by fork; frozen objects are not
        # touched by their garbage collector, so those memory pages stay shared.
        gc.collect()
        gc.freeze()
        written = render_all(plan, jobs, progress)
        gc.unfreeze()
        if full:
            copy_assets(template_dirs, staging)
        progress.done()
        result.timings["render"] = time.perf_counter() - tick
        if options.search:
            write_segment_list(staging / "pagefind", segment_listing(plan))
            batches.keep(set(plan.batch_names.values()))
        tick = time.perf_counter()
        new_state = next_state(previous, plan, written)
        cache.forget(store)  # a build stopped from here on is followed by a full one
        if full:
            result.files = sum(len(v) for v in written.values())
            swap_into_place(staging, options.out)
        else:
            delete, replace = changes(previous, new_state, plan, written, options.out,
                                      staging)
            result.files, result.deleted = len(replace), len(delete)
            cache.commit(staging, options.out, delete, replace)
        result.timings["swap"] = time.perf_counter() - tick
        return new_state
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        _STATE.clear()


def check(options: BuildOptions, jobs: int) -> freshness.Freshness:
    """Is options.out up to date? (see freshness.py)"""
    return freshness.check(options.content, options.out, options.config_path,
                           options.base_url, options.search, options.clean, jobs,
                           options.cache_root, options.build_future)


def hold_back(records: list[ArticleRec], build_future: bool, content: Path,
              warnings: list[str]) -> tuple[list[ArticleRec], dt.date | None]:
    """Articles dated after today wait for their day (Hugo's rule), unless --build-future.
    Returns the records to publish and the day the first held-back one falls due."""
    today = dt.date.today()
    if build_future:
        return records, None
    future = [r for r in records if r.date > today]
    if not future:
        return records, None
    first = min(future, key=lambda r: (r.date, r.rel))
    warnings.append(f"{content / first.rel}.md: dated {first.date}, after today; "
                    f"{len(future)} such articles held back until their day (pass "
                    "--build-future to publish them now, or correct the date)")
    return [r for r in records if r.date <= today], first.date


PUBLISHED = "permalinks.txt"  # in the output: every article URL the site has published


def published_urls(site: Site) -> list[str]:
    """Article URLs and their aliases: the links a build promises to keep."""
    return sorted({u for a in site.articles for u in (a.url, *a.aliases)})


def check_published(site: Site, out: Path) -> None:
    """Stop before a build drops an article URL the last build published."""
    try:
        before = (out / PUBLISHED).read_text(encoding="utf-8").split()
    except (OSError, UnicodeDecodeError):
        return
    now = set(published_urls(site))
    gone = [u for u in before if u.startswith("/") and u not in now]
    if not gone:
        return
    lines = [f"{out / PUBLISHED}: {u} was published and would go away" for u in gone[:20]]
    if len(gone) > 20:
        lines.append(f"{out / PUBLISHED}: … and {len(gone) - 20} more URLs")
    raise ContentProblems(
        lines,
        summary=f"{len(gone)} published article URLs would break; move articles with "
                "`archive move` (it keeps the old URL as an alias), add the URL to the "
                "`aliases:` of the article that replaces it, or pass --allow-removed to "
                "remove them on purpose (the output was not changed)")


BuildErrors = ContentProblems  # the name the build and serve use


# -- what changed --------------------------------------------------------------------

@dataclass
class Plan:
    """The units of output of this build, with their fingerprints, and what to render."""
    site: Site
    fingerprints: dict[str, str]
    issues: list[Issue]  # issues to render
    months: dict[str, list[Issue]]  # months whose data files to render
    segments: dict[str, list[Issue]]  # search index segments to write
    segment_places: dict[str, str]  # every segment → its folder under pagefind/
    segment_issues: dict[str, list[Issue]]  # every segment → its issues, in page order
    batch_names: dict[str, str]  # issue folder → the name of its analysed batch
    analyse: list[Issue]  # issues to analyse for the search index
    sitemap: bool  # render the sitemap
    folders: set[str]  # issue folders whose bodies the render needs
    search: bool
    days: dict[str, list[Issue]] = field(default_factory=dict)  # 历史上的今天 pages to render
    enrichment: Enrichment | None = None  # entities and related articles (generator/enrich)
    entity_units: list[str] = field(default_factory=list)  # entity pages to render
    day_links: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)


def issue_folder(issue: Issue) -> str:
    return issue.url.strip("/")


def batch_cache(store: Path) -> BatchCache:
    """The analysed issues of the search index, in the build cache."""
    return BatchCache(store / "search")


def make_plan(site: Site, settings: str, signatures: dict[str, cache.Signature],
              previous: cache.BuildState, search: bool, full: bool,
              batch_cached: Callable[[str], bool],
              enrichment: Enrichment | None = None) -> Plan:
    """Fingerprint every unit from the inputs its files are made of; a unit is rendered
    when its fingerprint differs from the previous build's."""
    fps: dict[str, str] = {}
    issues: list[Issue] = []
    months: dict[str, list[Issue]] = defaultdict(list)
    for issue in site.issues:
        months[month_key(issue.date)].append(issue)
    segments = segment_groups(site.issues) if search else {}

    def changed(unit: str, fp: str) -> bool:
        fps[unit] = fp
        return full or previous.units.get(unit, ("", []))[0] != fp

    def content(group: list[Issue]) -> list[tuple[str, cache.Signature, str]]:
        # The folder too: a signature lists file names, sizes and times, which a copy
        # or a move of an issue folder (cp -a, mv) keeps. Scans are left out: data files
        # and the search index hold text only.
        return [(issue_folder(i), text_files(signatures[issue_folder(i)]), i.paper)
                for i in group]

    for issue in site.issues:
        # An issue's pages show its own articles, its paper's name and links to the
        # issues before and after it.
        # Its article pages show their entities and related articles too.
        fp = fingerprint(settings, signatures[issue_folder(issue)], issue.paper,
                         issue.prev.url if issue.prev else None,
                         issue.next.url if issue.next else None, issue.redirects,
                         [article_digest(enrichment, a) for a in issue.articles])
        if changed(f"issue:{issue.url}", fp):
            issues.append(issue)
    dirty_months = {key: group for key, group in sorted(months.items())
                    if changed(f"month:{key}", fingerprint(settings, content(group)))}
    # A segment's folder is named by its content: a browser never mixes files of two
    # versions of a segment (fragments are named by page number).
    places = {key: f"{key}.{fingerprint(settings, content(group))[:12]}"
              for key, group in segments.items()}
    dirty_segments = {key: group for key, group in segments.items()
                      if changed(f"segment:{key}", places[key])}
    # An issue is analysed for the index when a segment it is in changes and its batch
    # (named by what it is made of) is not in the cache already.
    batch_names = {issue_folder(i): fingerprint(settings, content([i]))[:24]
                   for group in segments.values() for i in group}
    to_analyse = [i for group in dirty_segments.values() for i in group
                  if not batch_cached(batch_names[issue_folder(i)])]
    shape = [(i.url, [(p.url, [a.url for a in p.articles]) for p in i.pages])
             for i in site.issues]
    sitemap = changed("sitemap", fingerprint(settings, shape))
    # A 历史上的今天 page shows its day's issues, in their order (by the papers' order),
    # and links to the days before and after it: a new issue re-renders its own day only.
    all_days = on_this_day.days(site)
    day_links = on_this_day.neighbours(list(all_days))
    dirty_days = {key: group for key, group in all_days.items()
                  if changed(f"today:{key}", fingerprint(settings, day_links[key],
                                                         content(group)))}
    fps["site"] = ""  # the small site-wide pages: rendered every time
    folders = {issue_folder(i) for i in issues}
    for group in [*dirty_months.values(), to_analyse]:
        folders.update(issue_folder(i) for i in group)
    entity_units = []
    if enrichment is not None:
        entity_units = [unit for unit, fp in entity_pages.plan_units(enrichment, settings).items()
                        if changed(unit, fp)]
    return Plan(site, fps, issues, dirty_months, dirty_segments, places, segments,
                batch_names, to_analyse, sitemap, folders, search, days=dirty_days,
                day_links=day_links, enrichment=enrichment, entity_units=entity_units)


def text_files(signature: cache.Signature) -> cache.Signature:
    """A folder's signature without its scans (a new scan re-renders the issue's pages,
    not its month's data files nor its search index segment)."""
    return tuple(f for f in signature if not SCAN_NAME_RE.match(f[0]))


def segment_groups(issues: list[Issue]) -> dict[str, list[Issue]]:
    """The issues of each segment of the search index (see generator/search/segments.py)."""
    months = plan_segments((i.date, len(i.articles)) for i in issues)
    segment_of = {month: key for key, group in months.items() for month in group}
    groups: dict[str, list[Issue]] = {key: [] for key in months}
    for issue in sorted(issues, key=lambda i: (i.date, issue_folder(i))):  # page order
        groups[segment_of[month_of(issue.date)]].append(issue)
    return groups


def segment_listing(plan: Plan) -> list[SegmentListing]:
    """Every segment as segments.json lists it, oldest first."""
    listing = []
    for key in sorted(plan.segment_issues):
        days: list[tuple[str, int]] = []
        papers: list[tuple[str, int]] = []
        for issue in plan.segment_issues[key]:  # in page order
            for runs, value in ((days, issue.date.isoformat()), (papers, issue.paper)):
                if runs and runs[-1][0] == value:
                    runs[-1] = (value, runs[-1][1] + len(issue.articles))
                else:
                    runs.append((value, len(issue.articles)))
        listing.append(SegmentListing(plan.segment_places[key] + "/", days, papers))
    return listing


def next_state(previous: cache.BuildState, plan: Plan,
               written: dict[str, list[str]]) -> cache.BuildState:
    """The units of the new output: each with its fingerprint and its files."""
    units = {}
    for unit, fp in plan.fingerprints.items():
        files = written[unit] if unit in written else previous.units[unit][1]
        units[unit] = (fp, sorted(files))
    segments = dict(plan.segment_places) if plan.search else {}
    return cache.BuildState(units=units, segments=segments)


def changes(previous: cache.BuildState, new: cache.BuildState, plan: Plan,
            written: dict[str, list[str]], out: Path, staging: Path
            ) -> tuple[list[str], list[str]]:
    """(paths to delete, paths to replace) in public/ for an incremental build."""
    delete: set[str] = set()
    replace: set[str] = set()
    for unit, (_, old_files) in previous.units.items():
        if unit not in new.units:
            delete.update(old_files)
        elif unit in written:
            delete.update(set(old_files) - set(new.units[unit][1]))
    for files in written.values():
        replace.update(files)
    if plan.search:
        # A segment's folder is placed as a whole; one whose content changed has a new
        # name, and the old folder goes.
        for key, place in previous.segments.items():
            if plan.segment_places.get(key) != place:
                delete.add(f"pagefind/{place}")
        replace.update(f"pagefind/{plan.segment_places[key]}" for key in plan.segments)
        replace.add("pagefind/segments.json")
    delete -= replace
    return sorted(delete), sorted(replace)


def folder_bodies(content: Path, folder: str, read_now: dict[str, Loaded]) -> dict[str, str]:
    """The bodies of an issue folder: as just read, or read now."""
    if folder in read_now:
        return read_now[folder].bodies
    return load_parts(content, [folder], 1)[folder].bodies


def load_parts(content: Path, folders: list[str], jobs: int) -> dict[str, Loaded]:
    """Read issue folders, each into its own Loaded (what the cache keeps per folder)."""
    if jobs <= 1 or len(folders) < PARALLEL_MIN_FOLDERS:
        return read_each(content, folders)
    parts = partition(folders, jobs * 4)
    out: dict[str, Loaded] = {}
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        for done in pool.starmap(read_each, [(content, p) for p in parts]):
            out.update(done)
    return out


def read_each(content: Path, folders: list[str]) -> dict[str, Loaded]:
    return {folder: load_folders(content, [folder]) for folder in folders}


def merge(parts: dict[str, Loaded]) -> Loaded:
    loaded = Loaded()
    for folder in sorted(parts):
        part = parts[folder]
        loaded.records.extend(part.records)
        loaded.sources.update(part.sources)
        loaded.scans.update(part.scans)
        loaded.problems.extend(part.problems)
        loaded.warnings.extend(part.warnings)
    return loaded


# -- rendering ---------------------------------------------------------------

def render_all(plan: Plan, jobs: int, progress: Progress) -> dict[str, list[str]]:
    """Render the planned units, issue units in parallel; returns unit → files written."""
    issues = plan.issues
    # A month's data files are the longest single units: start them first so that
    # they run beside the issue units instead of after them.
    units: list[tuple[str, Any]] = [("month", key) for key in plan.months]
    units += [("site", None)] + ([("sitemap", None)] if plan.sitemap else [])
    units += [("issues", r) for r in partition_issues(issues, jobs * 8)]
    units += [("analyse", r) for r in partition_issues(plan.analyse, jobs * 4)]
    day_keys = list(plan.days)
    step = max(1, -(-len(day_keys) // (jobs * 2)))
    units += [("days", day_keys[n:n + step]) for n in range(0, len(day_keys), step)]
    step = max(1, -(-len(plan.entity_units) // (jobs * 4)))
    units += [("entities", plan.entity_units[n:n + step])
              for n in range(0, len(plan.entity_units), step)]
    # Segments are put together from the issues' batches: after those are analysed.
    later: list[tuple[str, Any]] = [("segment", key) for key in plan.segments]
    total = len(units) + len(later)
    written: dict[str, list[str]] = {}
    work = sum(len(i.articles) for group in [issues, *plan.months.values(), plan.analyse]
               for i in group)
    if jobs <= 1 or len(units) < 2 or work < PARALLEL_MIN_ARTICLES:
        for n, unit in enumerate(units + later, start=1):
            written.update(run_unit(unit))
            progress.update(n, total)
        return written
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        done_units = 0
        for phase in (units, later):
            for done in pool.imap_unordered(run_unit, phase):
                written.update(done)
                done_units += 1
                progress.update(done_units, total)
    return written


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


def run_unit(unit: tuple[str, Any]) -> dict[str, list[str]]:
    kind, arg = unit
    plan: Plan = _STATE["plan"]
    renderer: Renderer = _STATE["renderer"]
    out: Path = _STATE["out"]
    if kind == "issues":
        start, end = arg
        return {f"issue:{issue.url}": write_all(out, render_issue(issue, renderer))
                + copy_scans(_STATE["content"], out, issue)
                for issue in plan.issues[start:end]}
    if kind == "month":
        return {f"month:{arg}": write_all(out, month_exports(renderer, arg, plan.months[arg],
                                                             _STATE["bodies"]))}
    if kind == "analyse":
        start, end = arg
        for issue in plan.analyse[start:end]:
            _STATE["batches"].save(plan.batch_names[issue_folder(issue)],
                                   analyse(search_records(issue)))
        return {}
    if kind == "segment":
        write_segment(out / "pagefind" / plan.segment_places[arg],
                      [issue_batch(issue) for issue in plan.segments[arg]])
        return {f"segment:{arg}": []}  # its folder is placed as a whole (see changes())
    if kind == "sitemap":
        return {"sitemap": write_all(out, renderer.sitemaps(plan.site))}
    if kind == "entities":
        return {unit: write_all(out, entity_pages.render_unit(renderer, plan.enrichment, unit))
                for unit in arg}
    if kind == "days":
        return {f"today:{key}": write_all(out, [renderer.today_day(
            key, plan.days[key], plan.day_links[key])]) for key in arg}
    return {"site": write_all(out, render_site(plan.site, renderer))}


def render_issue(issue: Issue, renderer: Renderer) -> Iterable[tuple[str, str]]:
    bodies: dict[str, str] = _STATE["bodies"]
    content: Path = _STATE["content"]
    yield renderer.issue(issue)
    yield issue_json(renderer, issue, bodies)
    for old, new, label in issue.redirects:
        if old.endswith("/"):  # a page; the others (.txt, .json) redirect on the host only
            yield renderer.redirect(old, new, label)
    articles = issue.articles
    index = {a.rel: n for n, a in enumerate(articles)}
    for page in issue.pages:
        ocr = read_source(content, page.source)
        if ocr is not None:  # bidi controls would let OCR text reorder what a reader sees
            ocr = strip_invisible(ocr)
        yield renderer.printed_page(issue, page, ocr)
        if ocr is not None and page.source:
            # A byte order mark: every host and browser then reads it as UTF-8, also
            # where it is served without a charset (GitHub Pages, S3, a file:// copy).
            yield urls.source(page.source).lstrip("/"), "\ufeff" + ocr.removeprefix("\ufeff")
        for article in page.articles:
            for alias in article.aliases:
                yield renderer.redirect(alias, article.url, article.display_title)
            n = index[article.rel]
            prev = articles[n - 1] if n > 0 else None
            nxt = articles[n + 1] if n + 1 < len(articles) else None
            yield renderer.article(issue, page, article, bodies[article.rel], prev, nxt,
                                   **entity_pages.article_context(
                                       renderer, _STATE["plan"].enrichment, article))


def search_records(issue: Issue) -> list[Record]:
    """The search index's records of an issue's articles, in page order (see
    generator/search/index.py)."""
    bodies: dict[str, str] = _STATE["bodies"]
    if any(a.rel not in bodies for a in issue.articles):  # its batch was lost
        bodies = load_parts(_STATE["content"], [issue_folder(issue)], 1)[
            issue_folder(issue)].bodies
    articles = sorted(issue.articles, key=page_order)
    return [article_record(a, body_text(bodies[a.rel]), kind_name(a.kind)) for a in articles]


def issue_batch(issue: Issue) -> Batch:
    """An issue's analysed batch: from the cache, or analysed now if it is not there."""
    plan: Plan = _STATE["plan"]
    batch = _STATE["batches"].load(plan.batch_names[issue_folder(issue)])
    return batch if batch is not None else analyse(search_records(issue))


def render_site(site: Site, renderer: Renderer) -> Iterable[tuple[str, str]]:
    yield renderer.home(site)
    yield PUBLISHED, "\n".join(published_urls(site)) + "\n"
    yield MARKER, MARKER_TEXT
    for city in site.cities:
        yield renderer.city(city)
    moves = [(alias, a.url) for a in site.articles for alias in a.aliases]
    moves += [(old, new) for issue in site.issues for old, new, _ in issue.redirects]
    yield renderer.netlify_redirects(sorted(moves))
    for paper in site.papers:
        yield renderer.paper(paper)
        yield renderer.feed(site, paper.slug)
    for city in site.cities:
        yield renderer.feed(site, city.slug)
    yield renderer.feed(site, None)
    yield renderer.robots()
    yield renderer.not_found()
    yield renderer.search()
    yield renderer.data_index(site)
    yield renderer.about(site)
    yield renderer.today_index(list(on_this_day.days(site)))


def read_source(content: Path, rel: str | None) -> str | None:
    """A page's raw OCR text. One an editor saved in another encoding (GB18030, UTF-16)
    is read as ingest reads it and published as UTF-8; one that is no text at all stops
    the build naming it, instead of its published URL silently going away."""
    if not rel:
        return None
    try:
        data = (content / rel).read_bytes()
    except OSError:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return decode_page(data, str(content / rel))


def write_all(out: Path, outputs: Iterable[tuple[str, str]]) -> list[str]:
    """Write rendered files; plain os calls, as a build writes tens of thousands."""
    written: list[str] = []
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
        written.append(rel)
    return written


def copy_scans(content: Path, out: Path, issue: Issue) -> list[str]:
    """The scans of an issue's pages, published beside their page texts: hard-linked
    when content/ and the output share a file system (a scan can be hundreds of
    megabytes, and a build never writes into a file it placed), else copied."""
    written = []
    for page in issue.pages:
        if not page.scan:
            continue
        target = out / page.scan
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(content / page.scan, target)
        except OSError:
            try:
                shutil.copyfile(content / page.scan, target)
            except OSError as err:
                raise ArchiveError(f"{content / page.scan}: cannot publish this scan "
                                   f"({err.strerror}); check the file and build again") from None
        written.append(page.scan)
    return written


def copy_assets(template_dirs: list[Path], out: Path) -> None:
    """Static files (CSS, JS, fonts) from each templates/assets/, overrides first; the
    icon also at /favicon.ico, where browsers and feed readers look for it by default
    (for a PDF, a feed, a page text: files without a <link rel="icon">)."""
    for directory in reversed(template_dirs):
        assets = directory / "assets"
        if assets.is_dir():
            shutil.copytree(assets, out / "assets", dirs_exist_ok=True)
    if (out / "assets" / "favicon.ico").is_file():
        shutil.copyfile(out / "assets" / "favicon.ico", out / "favicon.ico")


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
    """Replace public/ by the staging folder, so that public/ exists at every moment:
    on Linux both names are exchanged in one step (renameat2 RENAME_EXCHANGE);
    elsewhere by two renames, and a build killed between them is undone by
    restore_output() at the start of the next command.

    The previous output is deleted by a detached `rm` so that the build does not
    wait for it; a leftover (if that is interrupted) is removed by the next build.
    """
    out = out.resolve()
    for stale in out.parent.glob(f".{out.name}.old-*"):
        shutil.rmtree(stale, ignore_errors=True)
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    if out.exists() and exchange(staging, out):
        staging.rename(old)
    else:
        if out.exists():
            out.rename(old)
        staging.rename(out)
    state_fsync_dir(out.parent)
    if old.exists():
        remove_in_background(old)


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return done == 0


def restore_output(out: Path) -> None:
    """A full build killed between its two renames left no public/, only the previous
    output under .public.old-*: put it back (the build then runs as usual)."""
    out = out.resolve()
    if out.exists():
        return
    olds = sorted(out.parent.glob(f".{out.name}.old-*"), key=lambda p: p.stat().st_mtime)
    if olds and (olds[-1] / "index.html").exists():
        olds[-1].rename(out)


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
