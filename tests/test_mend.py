"""Lines the printing broke across the column's end, put back before they are read.

Each example is a form a real page prints, written anew; the triples are (line number,
as printed, as repaired), as `prepare_lines` hands them over.
"""

from __future__ import annotations

from generator.ingest.mend import mend_lines
from generator.ingest.repair import repair_lines


def mended(page: str) -> list[str]:
    """The repaired text of each line once the page's broken lines are put back."""
    pairs = [(no, raw, text) for no, (raw, text)
             in enumerate(zip(page.split("\n"), repair_lines(page), strict=True), start=1)]
    return [text for _, _, text in mend_lines(page, pairs)]


def test_a_credit_broken_inside_its_role_word_reads_whole() -> None:
    page = "本报记者 贾 晓 通讯\n员 刘振宇\n近日，某镇的春耕开始了。"
    assert mended(page)[:2] == ["本报记者贾晓通讯员 刘振宇", "近日，某镇的春耕开始了。"]


def test_a_role_alone_and_the_name_under_it_are_one_byline() -> None:
    page = "■某某特区报记者\n郑 海 帆\n3月9日，记者走进某村。"
    assert mended(page)[:2] == ["■某某特区报记者 郑海帆", "3月9日，记者走进某村。"]


def test_a_brief_signature_wrapped_at_the_column_end_is_put_back() -> None:
    page = "活动持续到本月底，欢迎\n市民参加。（雷辉\n钰）"
    assert mended(page)[-1] == "市民参加。（雷辉钰）"


def test_a_jump_note_wrapped_at_the_column_end_is_put_back() -> None:
    page = "新建的步道将于五月开放。（下转\n2版）"
    assert mended(page) == ["新建的步道将于五月开放。（下转2版）"]


def test_a_vertical_headline_is_one_line_again() -> None:
    page = "春\n耕\n正\n忙\n\n本报讯 连日来，某镇农民抢抓农时。"
    assert mended(page)[:2] == ["春耕正忙", ""]


def test_a_caption_run_on_into_its_wrapped_credit_gets_the_credit_apart() -> None:
    page = "层林尽染的秋色 全媒\n体首席记者彭志远 通讯员韩雨\n桐 摄"
    lines = mended(page)
    assert lines[0] == "层林尽染的秋色"
    assert lines[-1].endswith("摄") and "彭志远" in lines[-1]


def test_lines_with_nothing_broken_are_left_alone() -> None:
    page = "某某日报\n本报讯（记者 王芳）近日，某区开展消防演练。\n\n（王芳）"
    assert mended(page) == page.split("\n")


def test_a_signature_wrapped_over_three_lines_its_bracket_alone_first() -> None:
    page = "每周开放6天。(\n记者 胡 蓉 通讯员 丁 \n一)"
    assert mended(page) == ["每周开放6天。(记者胡蓉通讯员 丁一)"]


def test_a_notice_s_date_wrapped_before_its_day_is_put_back() -> None:
    page = "岚溪镇自来水厂\n2 0 2 6 年 3 月 3 0\n日\n\n杉林路菜市场完成提升改造"
    assert mended(page)[:3] == ["岚溪镇自来水厂", "2026年3月30日", ""]
