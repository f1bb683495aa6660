"""The enrichment of a whole site: every article's entities (from the cache, or
extracted now, on every core), the related lists, and the articles of each entity.

Runs once per build, after the model is built and before the units are planned: the
article pages show an article's entities and related articles, so both are part of
its issue's fingerprint, and every entity page is a unit of its own (see pages.py).
"""

from __future__ import annotations

import multiprocessing
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.enrich.cache import EntityCache, IssueEntities, cache_name
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
    for issue in site.issues:
        folder = issue_folder(issue)
        name = cache_name(inputs, folder, signatures.get(folder),
                          [a.rel for a in issue.articles])
        out.cache_names.add(name)
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
    if articles:
        idf, median = idf_table()
        lists = related([out.entities[a.rel] for a in articles],
                        lambda word: idf.get(word, median))
        out.related = {a.rel: [articles[n] for n in lists[k]] for k, a in enumerate(articles)}
    index: dict[str, dict[str, list[ArticleRec]]] = {kind: defaultdict(list) for kind in KINDS}
    for article in sorted(articles, key=newest_first):
        entities = out.entities[article.rel]
        for kind in KINDS:
            for name in entities.of(kind):
                index[kind][name].append(article)
    out.index = {kind: dict(names) for kind, names in index.items()}
    return out


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
    found = {a.rel: extract(a.title, a.kicker, a.subtitle, a.byline, bodies.get(a.rel, ""),
                            lex)
             for a in issue.articles}
    _WORK["cache"].save(name, found)
    return found
