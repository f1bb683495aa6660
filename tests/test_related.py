"""generator/enrich/related.py: related articles by shared entities and keywords, and
the lists a build keeps (site.related_lists)."""

from __future__ import annotations

from generator.enrich import site
from generator.enrich.cache import RelatedCache
from generator.enrich.entities import Entities
from generator.enrich.related import related


def idf(word: str) -> float:
    return 10.0  # every term the same weight: the tests read as counts of shared terms


ZHANG_IN_XUCHANG = Entities(people=("张三",), places=("许昌",), keywords=("植树", "林业"))
ZHANG_ELSEWHERE = Entities(people=("张三",), places=("焦作",), keywords=("植树",))
ONLY_XUCHANG = Entities(places=("许昌",), keywords=("交通",))
NOTHING_SHARED = Entities(people=("李四",), places=("洛阳",), keywords=("足球",))


def test_the_article_sharing_most_comes_first():
    items = [ONLY_XUCHANG, ZHANG_ELSEWHERE, NOTHING_SHARED, ZHANG_IN_XUCHANG]
    assert related(items, idf)[3] == [1, 0]


def test_an_article_is_related_to_earlier_articles_only():
    items = [ZHANG_IN_XUCHANG, ZHANG_ELSEWHERE]
    assert related(items, idf) == [[], [0]]


def test_articles_with_nothing_in_common_are_not_related():
    assert related([ZHANG_IN_XUCHANG, NOTHING_SHARED], idf) == [[], []]


def test_a_weak_overlap_is_not_called_related():
    many = Entities(places=("许昌",), keywords=("甲乙", "丙丁", "戊己", "庚辛", "壬癸"))
    assert related([ONLY_XUCHANG, many], idf, min_score=0.3) == [[], []]
    assert related([ONLY_XUCHANG, many], idf, min_score=0.1) == [[], [0]]


def test_later_articles_never_change_the_lists_of_earlier_ones():
    """What keeps incremental builds small: a new issue leaves old pages as they were."""
    items = [ZHANG_IN_XUCHANG, ONLY_XUCHANG, ZHANG_ELSEWHERE, NOTHING_SHARED]
    before = related(items, idf)
    after = related([*items, ZHANG_IN_XUCHANG, ONLY_XUCHANG], idf)
    assert after[:len(items)] == before


def test_only_the_latest_articles_sharing_a_term_are_compared():
    items = [ZHANG_ELSEWHERE] * 5 + [ZHANG_IN_XUCHANG]
    assert related(items, idf, window=2, top=10)[5] == [4, 3]


def test_at_most_top_articles_are_listed():
    items = [ZHANG_ELSEWHERE] * 8 + [ZHANG_IN_XUCHANG]
    assert len(related(items, idf, top=3)[8]) == 3


def test_the_lists_from_an_article_on_are_those_of_all_the_articles():
    items = [ZHANG_IN_XUCHANG, ONLY_XUCHANG, ZHANG_ELSEWHERE, NOTHING_SHARED, ZHANG_IN_XUCHANG]
    for start in range(len(items) + 1):
        assert related(items, idf, start=start) == related(items, idf)[start:]


def test_a_build_computes_only_the_lists_after_the_first_changed_article(tmp_path,
                                                                         monkeypatch):
    """The saved lists stand up to the first article whose key changed: a new day's
    articles at the end are the only ones computed, and the lists are a clean build's."""
    starts: list[int] = []

    def counted(items, idf, start=0):
        starts.append(start)
        return related(items, idf, start=start)

    monkeypatch.setattr(site, "related", counted)
    saved = RelatedCache(tmp_path / "related")
    items = [ZHANG_IN_XUCHANG, ONLY_XUCHANG, ZHANG_ELSEWHERE, NOTHING_SHARED]
    keys = ["a", "b", "c", "d"]
    clean = site.related_lists(items, keys, saved, clean=False)
    more = [*items, ZHANG_IN_XUCHANG, ONLY_XUCHANG]
    grown = site.related_lists(more, [*keys, "e", "f"], saved, clean=False)
    assert grown == site.related_lists(more, [*keys, "e", "f"], saved, clean=True)
    assert grown[:4] == clean
    changed = site.related_lists(more, ["a", "B", "c", "d", "e", "f"], saved, clean=False)
    unchanged = site.related_lists(more, ["a", "B", "c", "d", "e", "f"], saved, clean=False)
    assert changed == unchanged == grown
    assert starts == [0, 4, 0, 1]  # nothing computed the last time
