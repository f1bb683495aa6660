"""Index and query tokens agree by construction: overlapping bigrams of each run."""

from __future__ import annotations

import datetime as dt

from generator.search.index import article_record, record_name
from generator.search.postings import HEADLINE, PLAIN
from generator.search.tokens import (
    index_text,
    index_tokens,
    normalise,
    query_terms,
    unigram_text,
)
from generator.site.model import ArticleRec


def test_every_position_of_a_run_is_the_bigram_starting_there():
    assert index_tokens("东城区12315") == ["东城", "城区", "区1", "12", "23", "31", "15", "5"]
    assert index_tokens("ODR建设") == ["od", "dr", "r建", "建设", "设"]


def test_the_indexed_text_reads_back_as_the_first_character_of_each_word():
    # Punctuation stays for readable excerpts; ␣ marks a space of the original.
    text = "本报讯（记者 李新）3月14日，市"
    indexed = index_text(text)
    assert indexed == "本报 报讯 讯 （ 记者 者 ␣ 李新 新 ） 3月 月1 14 4日 日 ， 市"
    assert "".join(w[0] for w in indexed.split()).replace("␣", " ") == text
    assert index_text("ＯＤＲ平台") == "OD DR R平 平台 台"


def test_punctuation_and_spaces_only_separate_query_tokens():
    assert index_tokens("记者 李新）3月") == ["记者", "者", "李新", "新", "3月", "月"]


def test_full_width_latin_and_digits_are_the_half_width_tokens():
    assert normalise("ＯＤＲ１２３１５") == "odr12315"
    assert normalise("（，）…") == "（，）…"  # punctuation is left as printed
    assert index_tokens("ＯＤＲ") == index_tokens("odr") == index_tokens("ODR")


def test_a_query_is_split_into_phrases_of_bigrams():
    assert query_terms("东城区  ＯＤＲ建设 ，") == [["东城", "城区"], ["od", "dr", "r建", "建设"]]
    assert query_terms("   ") == []
    assert query_terms("3.8万") == [["3"], ["8万"]]
    assert query_terms("市") == [["市"]]


def test_a_query_phrase_is_a_run_of_consecutive_index_words_wherever_it_occurs():
    text = index_tokens("全力营建清朗网络空间")
    for query in ["建清朗网", "全力", "间", "网络空间"]:
        phrase = query_terms(query)[0]
        runs = [text[i:i + len(phrase)] for i in range(len(text) - len(phrase) + 1)]
        if len(query) > 1:
            assert phrase in runs, query
    assert query_terms("空间全")[0] not in [text[i:i + 2] for i in range(len(text) - 1)]


def test_one_character_queries_match_the_list_of_characters():
    assert unigram_text(["东城区 东城", "ＯＤＲ"]) == "d o r 东 区 城"


def article(**changes) -> ArticleRec:
    fields = dict(rel="xuchang/ribao/2023/03/23/06-02", url="/xuchang/ribao/2023/03/23/06-02/",
                  slug="xuchang/ribao", city="许昌", paper="许昌日报", date=dt.date(2023, 3, 23),
                  page=6, seq=2, title="标题<b>", kicker=None, subtitle=None,
                  byline="本报讯（记者 李新）", kind="news", section=None, continued_from=None,
                  continues_on=None, source=None, inferred=(), excerpt="", chars=4,
                  display_title="标题<b>")
    fields.update(changes)
    return ArticleRec(**fields)


def test_an_article_record_holds_its_head_body_and_characters_as_tokens():
    rec = article_record(article(), "正文第一段\n第二段", "消息")
    assert record_name(article()) == "xuchang~ribao~2023~03~23~06-02.html"
    assert rec.url == "/xuchang~ribao~2023~03~23~06-02.html"
    assert rec.title == "标题<b>"
    assert rec.filters == {"paper": "许昌日报", "kind": "消息"}
    assert rec.parts == [
        ("标题 题 < b > ␣", HEADLINE),  # weighs more: a match in the headline ranks first
        ("本报 报讯 讯 （ 记者 者 ␣ 李新 新 ） ␣", PLAIN),
        ("␝", PLAIN),  # where the body starts: excerpts are taken after it
        ("正文 文第 第一 一段 段 ␣", PLAIN),
        ("第二 二段 段 ␣", PLAIN),
        ("␞ b 一 二 报 文 新 本 李 标 正 段 第 者 讯 记 题", PLAIN),
    ]
