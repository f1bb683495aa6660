"""Content paths are permalinks: city pinyin, date folders, zero-padded page and seq."""

import datetime as dt
from pathlib import Path

import pytest

from generator.content.slug import article_path, city_slug, page_source_path
from generator.errors import ArchiveError

DAY = dt.date(2023, 3, 23)


@pytest.mark.parametrize(
    ("city", "slug"),
    [("许昌", "xuchang"), ("焦作", "jiaozuo"), ("平顶山", "pingdingshan"), ("三门峡", "sanmenxia"),
     ("重庆", "chongqing"), ("Luoyang", "luoyang")],
)
def test_city_slug_is_lowercase_pinyin(city, slug):
    assert city_slug(city) == slug


def test_a_configured_slug_wins():
    assert city_slug("许昌", {"许昌": "xc"}) == "xc"
    assert city_slug("焦作", {"许昌": "xc"}) == "jiaozuo"


def test_a_city_without_letters_needs_an_override():
    with pytest.raises(ArchiveError, match="add it to the city slugs"):
        city_slug("！！")


def test_article_path():
    assert article_path(Path("content"), "xuchang", DAY, 6, 2) == Path(
        "content/xuchang/2023/03/23/06-02.md"
    )


def test_page_labels_are_used_as_printed():
    assert article_path(Path("c"), "xuchang", DAY, "A2", 3) == Path("c/xuchang/2023/03/23/A2-03.md")


def test_page_source_sits_beside_its_articles():
    assert page_source_path(Path("content"), "jiaozuo", dt.date(2023, 2, 1), 4) == Path(
        "content/jiaozuo/2023/02/01/04.txt"
    )
