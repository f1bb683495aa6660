"""Index and query tokens agree by construction: overlapping bigrams of each run."""

from __future__ import annotations

import datetime as dt
import json

from generator.search.index import (
    day_block,
    record_name,
    record_page,
    shard_key,
    shard_path,
    write_shard_list,
)
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


def test_a_record_page_holds_tokens_metadata_filters_and_sort_key():
    page = record_page(article(), "正文第一段\n第二段", "消息", "2023-03")
    assert record_name(article()) == "xuchang~ribao~2023~03~23~06-02.html"
    assert "<h1>标题 题 &lt; b &gt; ␣</h1>" in page
    assert "<p>正文 文第 第一 一段 段 ␣</p>" in page
    assert "<p>␞ b 一 二 报 文 新 本 李 标 正 段 第 者 讯 记 题</p>" in page
    assert '<span data-pagefind-meta="title">标题&lt;b&gt;</span>' in page
    assert "data-pagefind-meta=\"url" not in page  # Pagefind would index it as text
    assert '<span data-pagefind-filter="year">2023</span>' in page
    assert 'data-pagefind-sort="date:2023-03-23"' in page
    assert '<span data-pagefind-filter="shard">2023-03</span>' in page


def test_the_index_is_sharded_by_month_then_by_blocks_of_the_latest_month():
    latest = dt.date(2017, 11, 23)
    days = [dt.date(2016, 12, 31), dt.date(2017, 1, 1), dt.date(2017, 1, 31),
            dt.date(2017, 11, 2), dt.date(2017, 11, 16), dt.date(2017, 11, 17),
            dt.date(2017, 11, 21), dt.date(2017, 11, 23)]
    keys = sorted({shard_key(d, latest) for d in days})
    assert keys == ["2016-12", "2017-01", "2017-11-01-08", "2017-11-09-16", "2017-11-17-20",
                    "2017-11-21-22", "2017-11-23-23"]
    assert keys == sorted(keys, key=lambda k: [shard_key(d, latest) for d in days].index(k))
    # The first shard is the bundle at /pagefind/ itself; the others are merged into it.
    assert [shard_path(k, keys) for k in keys[:2]] == ["", "shards/2017-01/"]


def test_a_new_day_changes_one_block_of_the_latest_month():
    before = {d: shard_key(dt.date(2017, 11, d), dt.date(2017, 11, 23)) for d in range(1, 24)}
    after = {d: shard_key(dt.date(2017, 11, d), dt.date(2017, 11, 24)) for d in range(1, 25)}
    moved = {d for d in before if before[d] != after[d]}
    assert moved == {17, 18, 19, 20, 21, 22, 23}  # 17–20, 21–22, 23 become 17–24
    assert all(before[d] == after[d] for d in range(1, 17))
    assert [day_block(d, 31) for d in (1, 16, 17, 25, 29, 31)] == [
        (1, 8), (9, 16), (17, 24), (25, 28), (29, 30), (31, 31)]
    # A finished eight-day block is one shard; no new day re-indexes more than eight.
    assert day_block(9, 16) == (9, 16) and day_block(16, 17) == (9, 16)
    for last in range(1, 32):
        for d in range(1, last + 1):
            first, end = day_block(d, last)
            assert first <= d <= end <= last and end - first < 8


def test_the_shard_list_names_the_bundles_to_merge(tmp_path):
    write_shard_list(tmp_path, ["2016-12", "2017-01"])
    assert json.loads((tmp_path / "shards.json").read_text()) == {"merge": ["shards/2017-01/"]}
