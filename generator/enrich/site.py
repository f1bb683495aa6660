"""The enrichment of a whole site: every article's entities (from the cache, or
extracted now, on every core), the related lists, and the articles of each entity.

Runs once per build, after the model is built and before the units are planned: the
article pages show an article's entities and related articles, so both are part of
its issue's fingerprint, and every entity page is a unit of its own (see pages.py).
"""

from __future__ import annotations

import functools
import hashlib
import multiprocessing
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import Any

from generator.enrich import related as related_module
from generator.enrich.cache import EntityCache, IssueEntities, RelatedCache, cache_name
from generator.enrich.entities import KINDS, Entities, extract
from generator.enrich.lexicon import (
    dictionary_digest,
    extractor_version,
    idf_table,
    lexicon,
    read_user_dictionary,
)
from generator.enrich.related import related
from generator.site.model import ArticleRec, Issue, Site

PARALLEL_MIN_ARTICLES = 400  # below this, worker start-up costs more than it saves

# State the extraction workers inherit through fork (never pickled).
_WORK: dict[str, Any] = {}


@dataclass
class Enrichment:
    """What the site's pages show of entities: per article and per entity."""

    entities: dict[str, Entities] = field(default_factory=dict)  # article rel → entities
    related: dict[str, list[ArticleRec]] = field(default_factory=dict)  # rel → articles
    # kind → entity name → its articles, newest first
    index: dict[str, dict[str, list[ArticleRec]]] = field(default_factory=dict)
    cache_names: set[str] = field(default_factory=set)  # the cache files this site uses
    extracted: int = 0  # articles extracted in this build (the rest came from the cache)


def issue_folder(issue: Issue) -> str:
    return issue.url.strip("/")


def archive_order(article: ArticleRec) -> tuple[str, str]:
    """The order related lists follow: by date, then by path."""
    return article.date.isoformat(), article.rel


def newest_first(article: ArticleRec) -> tuple[Any, ...]:
    return (-article.date.toordinal(), article.rel)


def enrich(site: Site, signatures: dict[str, Any], store: Path, jobs: int, clean: bool,
           config: dict[str, Any], bodies_of: Callable[[str], dict[str, str]]) -> Enrichment:
    """Entities of every article (cached per issue), related lists and the entity index.

    signatures: issue folder → its files as scanned (part of each cache name);
    bodies_of(folder): the Markdown bodies of an issue folder, for issues not cached.
    """
    dictionary = config.get("entity_dictionary")
    inputs = (extractor_version(), dictionary_digest(dictionary))
    cache = EntityCache(store / "entities")
    out = Enrichment()
    todo: list[tuple[Issue, str]] = []
    issue_name: dict[str, str] = {}  # article rel → its issue's cache name
    for issue in site.issues:
        folder = issue_folder(issue)
        name = cache_name(inputs, folder, signatures.get(folder),
                          [a.rel for a in issue.articles])
        out.cache_names.add(name)
        issue_name.update((a.rel, name) for a in issue.articles)
        found = None if clean else cache.load(name)
        if found is not None and all(a.rel in found for a in issue.articles):
            out.entities.update(found)
        else:
            todo.append((issue, name))
    if todo:
        entries = read_user_dictionary(dictionary)
        lexicon(entries)  # loaded once here, shared with the workers by fork
        _WORK.update(cache=cache, bodies_of=bodies_of, entries=entries, todo=todo)
        try:
            for done in run_extraction(todo, jobs):
                out.entities.update(done)
        finally:
            _WORK.clear()
        out.extracted = sum(len(issue.articles) for issue, _ in todo)
    cache.keep(out.cache_names)
    articles = sorted(site.articles, key=archive_order)
    keys = [f"{a.rel}\0{issue_name[a.rel]}" for a in articles]
    lists = related_lists([out.entities[a.rel] for a in articles], keys,
                          RelatedCache(store / "related"), clean)
    out.related = {a.rel: list(map(articles.__getitem__, found))
                   for a, found in zip(articles, lists, strict=True)}
    out.index = entity_index(sorted(articles, key=newest_first), out.entities)
    return out


def related_lists(items: list[Entities], keys: list[str], saved: RelatedCache,
                  clean: bool) -> list[list[int]]:
    """Each article's related list (items and keys in archive order): an article's
    list draws only on the articles before it, so the lists before the first article
    whose key differs from the last build's are the saved ones, and only the rest are
    computed (a new day's articles, at the end of the archive)."""
    version = related_version()
    old = None if clean else saved.load()
    lists: list[list[int]] = []
    if old is not None and old[0] == version:
        lists = old[2][:common_prefix(old[1], keys)]
    if len(lists) < len(items):
        idf, median = idf_table()
        lists += related(items, lambda word: idf.get(word, median), start=len(lists))
    if old is None or old[0] != version or old[1] != keys:
        saved.save(version, keys, lists)
    return lists


def common_prefix(old: list[str], new: list[str]) -> int:
    """How many keys the two lists begin with in common."""
    n = min(len(old), len(new))
    if old[:n] == new[:n]:
        return n
    return next(k for k in range(n) if old[k] != new[k])


@functools.cache
def related_version() -> str:
    """A fingerprint of the related lists' code: a change computes them all again."""
    return hashlib.sha256(Path(related_module.__file__).read_bytes()).hexdigest()


def entity_index(newest: list[ArticleRec], entities: dict[str, Entities]
                 ) -> dict[str, dict[str, list[ArticleRec]]]:
    """kind → entity name → its articles, in the order given (newest first)."""
    found = [entities[a.rel] for a in newest]
    index: dict[str, dict[str, list[ArticleRec]]] = {}
    for kind in KINDS:
        names: defaultdict[str, list[ArticleRec]] = defaultdict(list)
        for article, named in zip(newest, map(attrgetter(kind), found), strict=True):
            for name in named:
                names[name].append(article)
        index[kind] = dict(names)
    return index


def run_extraction(todo: list[tuple[Issue, str]], jobs: int) -> list[IssueEntities]:
    """Extract the issues, in worker processes when there are enough articles."""
    work = sum(len(issue.articles) for issue, _ in todo)
    if jobs <= 1 or work < PARALLEL_MIN_ARTICLES:
        return [extract_issue(n) for n in range(len(todo))]
    # Workers get the issues by fork and their numbers by pipe: an Issue pickled would
    # bring its whole paper along (prev and next).
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        return pool.map(extract_issue, range(len(todo)),
                        chunksize=max(1, len(todo) // (jobs * 8)))


def extract_issue(number: int) -> IssueEntities:
    """One issue's entities, saved to the cache (runs in a worker)."""
    issue, name = _WORK["todo"][number]
    lex = lexicon(_WORK["entries"])
    bodies = _WORK["bodies_of"](issue_folder(issue))
    found = shared_names({a.rel: extract(a.title, a.kicker, a.subtitle, a.byline,
                                         bodies.get(a.rel, ""), lex)
                          for a in issue.articles})
    _WORK["cache"].save(name, found)
    return found


def shared_names(found: IssueEntities) -> IssueEntities:
    """The same entities with one string object per name: the issue's pickle (to the
    cache, and back from a worker) holds each name once, half the bytes to load."""
    names: dict[str, str] = {}  # name → the first string of it

    def canonical(e: Entities) -> Entities:
        return Entities(*(tuple(map(names.setdefault, e.of(kind), e.of(kind)))
                          for kind in KINDS))

    return {rel: canonical(e) for rel, e in found.items()}
