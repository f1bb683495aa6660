"""A printed line that holds several parts, split into lines of their kinds.

Each example is a form a real page prints, written anew.
"""

from __future__ import annotations

from generator.ingest.lines import Kind
from generator.ingest.parts import (
    column_then_title,
    head_line_parts,
    spaced_brief_title,
    split_tails,
    title_then_lead,
    trailing_byline,
)
from generator.ingest.repair import repair_line


def test_an_e_papers_headline_group_on_one_line() -> None:
    raw = "某镇：小花椒“串”起致富链 ——某县发展特色产业见闻   □某某日报记者 景 涛"
    parts = [(ln.kind, ln.text) for ln in head_line_parts(raw)]
    assert parts[0] == (Kind.TEXT, "某镇：小花椒“串”起致富链")
    assert parts[1][0] is Kind.SUBTITLE
    assert parts[2][0] is Kind.BYLINE and parts[2][1].endswith("景涛")


def test_a_sentence_with_wide_gaps_is_no_headline_group() -> None:
    assert head_line_parts("今年以来，某镇新修道路八条。   本报记者 王 芳") == []


def test_a_title_and_its_lead_on_one_line() -> None:
    assert title_then_lead("各地抢抓农时推进春耕 新华社北京3月11日电 记者从农业农村部获悉") == (
        "各地抢抓农时推进春耕", "新华社北京3月11日电 记者从农业农村部获悉")


def test_a_sentence_is_not_a_title_and_lead() -> None:
    assert title_then_lead("近日，某镇 举办了一场培训") is None


def test_a_column_name_before_its_title() -> None:
    assert column_then_title("记者手记 椒乡三月") == [
        ("记者手记", Kind.TEXT), ("椒乡三月", Kind.TEXT)]


def test_a_bulleted_brief_title_and_its_text() -> None:
    assert spaced_brief_title("●枣香村开设农民夜校 3月10日晚，村里的夜校开课了。") == (
        "枣香村开设农民夜校", "3月10日晚，村里的夜校开课了。")


def test_a_number_spaced_out_at_a_brief_s_line_end_is_no_title_gap() -> None:
    # ◇…深入 1 2 / 个村，…: the extractor spaced the number; the line is one sentence
    assert spaced_brief_title("◇县农业农村局组织技术人员深入 1 2", "个村，开展培训。") is None
    assert spaced_brief_title("▲县人才市场举办招聘会 3", "月9日，招聘会举行。") == (
        "县人才市场举办招聘会", "3")  # …but a date wrapped after its first digit is text


def test_a_bulleted_byline_is_no_brief() -> None:
    assert spaced_brief_title("◎本报记者 郭振川") is None


def test_a_byline_after_the_last_sentence() -> None:
    raw = "…比去年少了十来块。 本报记者 邵 宁"
    assert trailing_byline(raw, repair_line(raw)) == "本报记者邵宁"
    assert trailing_byline("…少了十来块。 明天见", "…少了十来块。明天见") == ""


def test_tails_cut_off_a_body_line() -> None:
    assert split_tails("活动持续到月底。（下转第2版）") == ["活动持续到月底。", "（下转第2版）"]
    assert split_tails("现场气氛热烈。（王星星）") == ["现场气氛热烈。", "（王星星）"]
    assert split_tails("现场气氛热烈。") == ["现场气氛热烈。"]
