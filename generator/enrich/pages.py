"""The browse pages of people, places, organisations and keywords, as build units.

    /people/            人物: every person with the number of articles, most named first
    /people/2/          … the next INDEX_PAGE names (also /places/, /orgs/, /topics/)
    /people/张三/        one person: the newest PAGE_SIZE articles, newest first, and links
                        to the older ones
    /people/张三/1/      the oldest PAGE_SIZE articles of 张三, /2/ the next, …

The URL of an entity is its name, so it is a permalink as long as the name is found.
Older articles sit in pages numbered from the oldest: page 1 of 张三 holds the same
articles whatever is added later, so a new issue rewrites the first page of each of
its entities and adds at most one numbered page, never renumbers the others. Each
entity page, each numbered page and each kind's index is a unit of its own whose
fingerprint is what it shows, so an incremental build rewrites only those that change.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.cachefiles import fingerprint
from generator.enrich.entities import KINDS
from generator.enrich.site import Enrichment
from generator.site import urls
from generator.site.model import ArticleRec
from generator.site.render import Renderer, cn_date, marked

SECTIONS = {"people": ("人物", "people"), "places": ("地点", "places"),
            "orgs": ("机构", "orgs"), "keywords": ("关键词", "topics")}
SECTION_NAMES = frozenset(section for _, section in SECTIONS.values())
PAGE_SIZE = 100  # articles on an entity's page, and on each of its older pages
INDEX_PAGE = 500  # entities on each page of a kind's index

Output = tuple[str, str]


def entity_url(kind: str, name: str, number: int | None = None) -> str:
    """'/people/张三/', or '/people/张三/2/' for its second-oldest page."""
    base = f"/{SECTIONS[kind][1]}/{name}/"
    return f"{base}{number}/" if number else base


def index_url(kind: str, number: int = 1) -> str:
    base = f"/{SECTIONS[kind][1]}/"
    return f"{base}{number}/" if number > 1 else base


def row(article: ArticleRec) -> tuple[str, str, str, str, str]:
    """What an entity page shows of an article (and so what its fingerprint covers)."""
    return (article.url, article.display_title, article.paper, article.date.isoformat(),
            urls.page_label(article.page), article.inferred)


def old_pages(count: int) -> int:
    """How many full numbered pages of older articles an entity of count articles has:
    the newest, not full, part is on its first page only."""
    return count // PAGE_SIZE if count > PAGE_SIZE else 0


def plan_units(enrichment: Enrichment, settings: str) -> dict[str, str]:
    """Every unit of the entity pages with its fingerprint."""
    fps: dict[str, str] = {}
    for kind in KINDS:
        names = enrichment.index.get(kind, {})
        counts = ranked(names)
        fps[f"entity-index:{kind}"] = fingerprint(settings, counts)
        for name, articles in names.items():
            full = old_pages(len(articles))
            oldest_first = articles[::-1]
            chunks = [oldest_first[n * PAGE_SIZE:(n + 1) * PAGE_SIZE] for n in range(full)]
            # Every page lists the numbered pages with the dates they span, as shown.
            spans = [(dated(c[0]), dated(c[-1])) for c in chunks]
            fps[f"entity:{kind}:{name}"] = fingerprint(
                settings, len(articles), spans, [row(a) for a in articles[:PAGE_SIZE]])
            for n, chunk in enumerate(chunks, start=1):
                fps[f"entity:{kind}:{name}:{n}"] = fingerprint(settings, spans,
                                                               [row(a) for a in chunk])
    return fps


def ranked(names: dict[str, list[ArticleRec]]) -> list[tuple[str, int]]:
    """(name, number of articles), most first, then by name."""
    return sorted(((name, len(articles)) for name, articles in names.items()),
                  key=lambda item: (-item[1], item[0]))


def render_unit(renderer: Renderer, enrichment: Enrichment, unit: str) -> list[Output]:
    """The files of one unit planned by plan_units."""
    if unit.startswith("entity-index:"):
        return list(index_pages(renderer, enrichment, unit.split(":", 1)[1]))
    _, kind, rest = unit.split(":", 2)
    name, _, number = rest.partition(":")
    return [entity_page(renderer, enrichment, kind, name, int(number) if number else None)]


def index_pages(renderer: Renderer, enrichment: Enrichment, kind: str) -> Iterator[Output]:
    label, _ = SECTIONS[kind]
    counts = ranked(enrichment.index.get(kind, {}))
    pages = max(1, -(-len(counts) // INDEX_PAGE))
    for number in range(1, pages + 1):
        part = counts[(number - 1) * INDEX_PAGE:number * INDEX_PAGE]
        url = index_url(kind, number)
        entries = [(name, count, renderer.href(entity_url(kind, name))) for name, count in part]
        others = [(n, renderer.href(index_url(kind, n))) for n in range(1, pages + 1)]
        crumbs = [("首页", renderer.href("/")), (label, renderer.href(index_url(kind)))]
        if number > 1:
            crumbs.append((f"第{number}页", renderer.href(url)))
        yield urls.output_file(url), renderer.page(
            "entity-index.html", kind_label=label, entries=entries, total=len(counts),
            number=number, pages=others, canonical=url, crumbs=crumbs,
            kinds=kind_links(renderer), first=(number - 1) * INDEX_PAGE + 1)


def kind_links(renderer: Renderer) -> list[tuple[str, str]]:
    return [(label, renderer.href(index_url(kind))) for kind, (label, _) in SECTIONS.items()]


def entity_page(renderer: Renderer, enrichment: Enrichment, kind: str, name: str,
                number: int | None) -> Output:
    """An entity's first page (number None) or one of its numbered older pages."""
    label, _ = SECTIONS[kind]
    articles = enrichment.index[kind][name]
    full = old_pages(len(articles))
    oldest_first = articles[::-1]
    if number is None:
        shown = articles[:PAGE_SIZE]
    else:
        shown = oldest_first[(number - 1) * PAGE_SIZE:number * PAGE_SIZE][::-1]
    older = []
    for n in range(full, 0, -1):  # newest numbered page first
        chunk = oldest_first[(n - 1) * PAGE_SIZE:n * PAGE_SIZE]
        older.append((n, renderer.href(entity_url(kind, name, n)),
                      dated(chunk[0]), dated(chunk[-1])))
    url = entity_url(kind, name, number)
    crumbs = [("首页", renderer.href("/")), (label, renderer.href(index_url(kind))),
              (name, renderer.href(entity_url(kind, name)))]
    if number is not None:
        crumbs.append((f"第{number}页", renderer.href(url)))
    return urls.output_file(url), renderer.page(
        "entity.html", kind_label=label, name=name, total=len(articles), items=shown,
        number=number, older=older, canonical=url, crumbs=crumbs,
        first_href=renderer.href(entity_url(kind, name)))


def dated(article: ArticleRec) -> str:
    """An article's date as the site writes it, （推断） after an estimate."""
    return marked(cn_date(article.date), "date" in article.inferred)


def article_context(renderer: Renderer, enrichment: Enrichment | None,
                    article: ArticleRec) -> dict[str, Any]:
    """What an article page shows of its entities and related articles: the
    `entities` block, (label, [(name, link)]) per kind, and `related` articles."""
    if enrichment is None or article.rel not in enrichment.entities:
        return {"entities": [], "related": []}
    found = enrichment.entities[article.rel]
    blocks = [(SECTIONS[kind][0], [(name, renderer.href(entity_url(kind, name)))
                                   for name in found.of(kind)])
              for kind in KINDS if found.of(kind)]
    return {"entities": blocks, "related": enrichment.related.get(article.rel, [])}


def article_digest(enrichment: Enrichment | None, article: ArticleRec) -> Any:
    """What of the enrichment an article page shows: part of its issue's fingerprint."""
    if enrichment is None or article.rel not in enrichment.entities:
        return None
    return (enrichment.entities[article.rel],
            [row(a) for a in enrichment.related.get(article.rel, [])])
