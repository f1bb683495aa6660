"""Index and query tokens agree by construction: one token per letter, digit or character."""

from __future__ import annotations

import datetime as dt

from generator.search.index import record_name, record_page
from generator.search.tokens import index_text, index_tokens, normalise, query_terms
from generator.site.model import ArticleRec


def test_every_han_character_digit_and_letter_is_a_token():
    assert index_tokens("东城区12315平台") == list("东城区12315平台")
    assert index_tokens("ODR建设") == ["o", "d", "r", "建", "设"]


def test_the_indexed_text_keeps_every_character_as_a_word():
    # Punctuation stays for readable excerpts; ␣ marks a space of the original.
    expected = "本 报 讯 （ 记 者 ␣ 李 新 ） 3 月 1 4 日 ， 市"
    assert index_text("本报讯（记者 李新）3月14日，市") == expected
    assert index_text("ＯＤＲ平台") == "O D R 平 台"


def test_punctuation_and_spaces_only_separate_query_tokens():
    assert index_tokens("本报讯（记者 李新）3月") == list("本报讯记者李新3月")


def test_full_width_latin_and_digits_are_the_half_width_tokens():
    assert normalise("ＯＤＲ１２３１５") == "odr12315"
    assert normalise("（，）…") == "（，）…"  # punctuation is left as printed
    assert index_tokens("ＯＤＲ") == index_tokens("odr") == index_tokens("ODR")


def test_a_query_is_split_into_terms_the_same_way():
    assert query_terms("东城区  ＯＤＲ建设 ，") == [["东", "城", "区"], ["o", "d", "r", "建", "设"]]
    assert query_terms("   ") == []
    assert query_terms("3.8万") == [["3"], ["8", "万"]]


def test_substrings_across_word_boundaries_are_runs_of_index_tokens():
    text = index_tokens("全力营建清朗网络空间")
    query = query_terms("建清朗网")[0]
    runs = [text[i:i + len(query)] for i in range(len(text) - len(query) + 1)]
    assert query in runs


def article(**changes) -> ArticleRec:
    fields = dict(rel="xuchang/2023/03/23/06-02", url="/xuchang/2023/03/23/06-02/",
                  slug="xuchang", city="许昌", paper="许昌日报", date=dt.date(2023, 3, 23),
                  page=6, seq=2, title="标题<b>", kicker=None, subtitle=None,
                  byline="本报讯（记者 李新）", kind="news", section=None, continued_from=None,
                  continues_on=None, source=None, inferred=(), excerpt="", chars=4,
                  display_title="标题<b>")
    fields.update(changes)
    return ArticleRec(**fields)


def test_a_record_page_holds_tokens_metadata_filters_and_sort_key():
    page = record_page(article(), "正文第一段\n第二段", "消息")
    assert record_name(article()) == "xuchang~2023~03~23~06-02.html"
    assert "<h1>标 题 &lt; b &gt; ␣</h1>" in page
    assert "<p>正 文 第 一 段 ␣</p>" in page
    assert '<span data-pagefind-meta="title">标题&lt;b&gt;</span>' in page
    assert "data-pagefind-meta=\"url" not in page  # Pagefind would index it as text
    assert '<span data-pagefind-filter="year">2023</span>' in page
    assert 'data-pagefind-sort="date:2023-03-23"' in page
