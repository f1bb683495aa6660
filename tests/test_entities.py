"""generator/enrich/entities.py, lexicon.py, userdict.py: text → people, places,
organisations and keywords, one phenomenon of newspaper text per test."""

from __future__ import annotations

from pathlib import Path

import jieba
import pytest
import yaml

from generator.enrich.entities import KINDS, Entities, extract, extract_words, is_clean_name
from generator.enrich.lexicon import han_runs, lexicon
from generator.enrich.score import LABELLED_KINDS, Score
from generator.enrich.userdict import UserEntry, parse_user_dictionary

LABELLED = Path(__file__).resolve().parent / "entities"


def entities(text: str, byline: str | None = None, title: str | None = None,
             entries: tuple[UserEntry, ...] = ()) -> Entities:
    return extract(title, None, None, byline, text, lexicon(entries))


def test_a_name_after_a_title_is_a_person_without_the_title():
    found = entities("副市长龚玉林出席会议并讲话。市应急管理局局长宁志远作工作报告。")
    assert found.people == ("龚玉林", "宁志远")


def test_the_bylines_reporters_are_people():
    found = entities("3月10日，我市召开春季植树造林动员会。",
                     byline="本报讯（记者 王建军 通讯员 李秀英）")
    assert set(found.people) == {"王建军", "李秀英"}


def test_common_words_jieba_tags_as_names_are_not_people():
    # jieba's dictionary tags 文明, 阳光 and 高峰 as person names.
    found = entities("全国文明城市创建进入冲刺阶段。市慈善总会举行阳光助学金发放仪式。"
                     "在用电高峰时段引导企业错峰生产。")
    assert found.people == ()


def test_nicknames_and_anonymised_names_are_not_people():
    found = entities("邻居们都说，有老张在，大家心里踏实。小李开始在网上直播卖花。"
                     "被告人王某某当庭表示认罪认罚。82岁的苏大爷说，饭菜可口。")
    assert found.people == ()


def test_a_name_that_starts_with_a_word_is_found_whole():
    # jieba cuts 杜/明月 and 梁国/栋: the title before them says they are one name.
    found = entities("受助学生杜明月说，一定努力学习。许昌学院党委书记梁国栋出席。")
    assert found.people == ("杜明月", "梁国栋")


def test_a_verb_glued_to_a_name_is_cut_off():
    assert entities("市人大常委会副主任汪明率执法检查组检查。").people == ("汪明",)


def test_a_word_glued_to_a_name_is_cut_off_when_a_title_says_it_is_a_name():
    # jieba's unknown-word model reads 张三在 as one word.
    found = entities("市长张三在许昌市调研", byline="本报讯（记者 李新）")
    assert found == Entities(people=("张三", "李新"), places=("许昌",), keywords=("调研",))


def test_names_and_titles_are_not_keywords():
    found = entities("许昌市市长到焦作考察。许昌市市长说，许昌与焦作合作前景广阔。")
    assert not set(found.keywords) & {"许昌市", "焦作", "市长", "许昌"}


def test_generic_places_are_not_places():
    found = entities("我国粮食产量再创新高，全国各地丰收，全市农村人居环境改善。")
    assert found.places == ()


def test_place_fragments_are_joined_and_a_city_is_named_without_its_suffix():
    found = entities("走进建安区椹涧乡的大棚。许昌市和河南省的领导来到这里。")
    assert found.places == ("建安", "椹涧乡", "许昌", "河南")


def test_one_place_has_one_name_with_or_without_its_ending():
    found = entities("山阳区和山阳，修武县和修武，博爱县，温县，焦作市中站区。")
    assert found.places == ("山阳", "修武", "博爱县", "温县", "焦作", "中站区")


def test_kinds_of_area_slogans_and_phrases_are_no_places_or_organisations():
    found = entities("开展万人助企联乡帮村活动，推进城中村改造，为国家开好局、起好步。")
    assert found.places == () and found.orgs == ()


def test_a_place_at_the_head_of_an_organisation_is_part_of_its_name():
    found = entities("许昌市林业局局长通报了情况。河南省发展和改革委员会有关负责人出席。")
    assert found.orgs == ("许昌市林业局", "河南省发展和改革委员会")
    assert found.places == ()


def test_an_organisation_without_its_place_is_not_listed():
    # 市教育局: which city's? The article's reader knows, a page of all cities does not.
    assert entities("记者从市教育局获悉，全市中小学将于9月1日开学。").orgs == ()


def test_the_title_of_a_law_names_no_place():
    found = entities("对《中华人民共和国食品安全法》贯彻实施情况进行检查。")
    assert found.places == ()


def test_keywords_are_weighty_nouns_that_are_not_the_entities():
    found = entities("许昌市林业局组织植树造林。植树造林要科学绿化，林业部门提供苗木。")
    assert "植树造林" in found.keywords
    assert not set(found.keywords) & {"许昌", "许昌市林业局", "要", "提供"}


def test_the_site_dictionary_adds_local_names_and_takes_words_away():
    text = "五女店村的村民代表发言。高峰说，今年收成好。"
    assert "五女店村" not in entities(text).places
    assert entities(text).people == ("高峰",)  # 高峰 then 说: a name, jieba thinks
    entries = (UserEntry("五女店村", None, "ns"), UserEntry("高峰", None, "n"))
    found = entities(text, entries=entries)
    assert "五女店村" in found.places
    assert found.people == ()


def test_a_dictionary_line_that_is_not_an_entry_is_named_with_its_line():
    entries, problems = parse_user_dictionary("许昌 ns\n# 注释\n\n代文涛 5 nr\n张三 五 nr\n"
                                              "A1 nr\n", "names.txt")
    assert entries == [UserEntry("许昌", None, "ns"), UserEntry("代文涛", 5, "nr")]
    assert problems[0].startswith("names.txt:5: expected `词 [词频] [词性]`")
    assert problems[1].startswith("names.txt:6: 'A1': only Chinese characters")


def labelled(name: str) -> list[dict]:
    return yaml.safe_load((LABELLED / f"{name}.yaml").read_text(encoding="utf-8"))


def test_rjieba_cuts_chinese_text_into_jiebas_own_words():
    """The segmenter may be rjieba only because it gives jieba's words: checked on every
    labelled text, with and without a site's words added to both."""
    texts = [a["title"] + "\n" + a["body"] for name in ("dev", "heldout")
             for a in labelled(name)]
    words = [("五女店村", 5, "ns"), ("椹涧乡", None, "ns"), ("龚玉林", None, "nr")]
    for entries in ((), tuple(UserEntry(*w) for w in words)):
        reference = jieba.Tokenizer()
        for w in entries:
            reference.add_word(w.word, w.freq, w.tag)
        for text in texts:
            assert lexicon(entries).cut(text) == reference.lcut(han_runs(text))


def test_the_words_skipped_as_starts_would_have_found_nothing():
    """Extraction looks only at the words start_flags says may start an entity; with
    every word looked at, the entities are the same (on every labelled text, with and
    without a site's words)."""
    entries = (UserEntry("五女店村", 5, "ns"), UserEntry("椹涧乡", None, "ns"),
               UserEntry("高峰", None, "n"), UserEntry("许昌市检察院", None, "nt"))
    for lex in (lexicon(), lexicon(entries)):
        for article in labelled("dev") + labelled("heldout"):
            words = lex.cut(article["title"] + "\n" + article["body"])
            assert extract_words(words, None, lex) == \
                extract_words(words, None, lex, starts=range(len(words)))


@pytest.mark.parametrize("name", ["dev", "heldout"])
def test_precision_on_the_labelled_articles_stays_high(name: str):
    """A regression guard: the figures benchmarks/bench_entities.py prints, with a margin."""
    scores = {kind: Score() for kind in LABELLED_KINDS}
    for article in labelled(name):
        found = entities(article["body"], article.get("byline"), article["title"])
        for kind in LABELLED_KINDS:
            scores[kind].add(article[kind], found.of(kind))
    assert scores["people"].precision >= 0.95, scores["people"].wrong
    assert scores["places"].precision >= 0.85, scores["places"].wrong
    assert scores["orgs"].precision >= 0.85, scores["orgs"].wrong
    assert scores["people"].recall >= 0.85, scores["people"].missed


def test_a_policy_named_after_a_title_and_a_town_after_a_surname_are_no_people():
    found = entities("我市推行林长制和路长制。调研组来到陈化店镇政府，又到陈化店镇。")
    assert found.people == ()


def test_ocr_noise_in_a_name_makes_no_entity():
    found = extract("近日", None, None, "本报记者 张三%　李?四　张#三", "市长王强说。", lexicon())
    assert found.people == ("王强",)
    assert all(is_clean_name(name) for kind in KINDS for name in found.of(kind))
    assert not is_clean_name("张三%") and is_clean_name("阿卜杜·热合曼")


def test_keywords_are_nouns_not_credits_fragments_or_predicates():
    kept = lexicon().keyword_idf
    assert "调研" in kept
    assert not {"本报记者", "时说", "有度", "有力", "记者"} & set(kept)
