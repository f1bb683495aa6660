"""The page-level headline plan: which article each headline group belongs to.

Pages here are small column dumps written for these tests. Each shows one way a
decision taken group by group goes wrong and the whole-page plan gets right.
"""

from __future__ import annotations

from generator.ingest.plan import CLOSE, OPEN, SUB, Planner
from generator.ingest.segment import segment


def story(date: str, place: str) -> str:
    """A 本报讯 story body wrapped at 16 characters, ending a sentence."""
    text = (f"本报讯（记者 王立）{date}，{place}召开专题会议，研究部署下一阶段重点工作。"
            f"会议要求，各部门要压实责任、细化措施，确保各项任务按时完成。")
    return "\n".join(text[i:i + 16] for i in range(0, len(text), 16))


HEADLINES_FIRST = "\n\n".join([
    "城东区部署春季防火工作", story("3月1日", "城东区"),
    "城西区推进老旧小区改造", story("3月2日", "城西区"),
    "城南区启动全民阅读活动", story("3月3日", "城南区"),
])

HEADLINES_AFTER = "\n\n".join([
    story("3月1日", "城东区"), "城东区部署春季防火工作",
    story("3月2日", "城西区"), "城西区推进老旧小区改造",
    story("3月3日", "城南区"), "城南区启动全民阅读活动",
])


def titles(text: str) -> list[str | None]:
    return [a.title for a in segment(text).articles]


def test_headlines_printed_above_their_stories_stay_with_them() -> None:
    # Group by group, each headline after a finished story reads as that story's own:
    # every title would shift one article up. The page's first and last lines settle it.
    assert titles(HEADLINES_FIRST) == [
        "城东区部署春季防火工作", "城西区推进老旧小区改造", "城南区启动全民阅读活动"]


def test_headlines_printed_below_their_stories_close_them() -> None:
    assert titles(HEADLINES_AFTER) == [
        "城东区部署春季防火工作", "城西区推进老旧小区改造", "城南区启动全民阅读活动"]


def test_every_article_gets_one_headline_and_none_is_left_over() -> None:
    for text in (HEADLINES_FIRST, HEADLINES_AFTER):
        page = segment(text)
        assert len(page.articles) == 3
        assert not [n for n in page.noise if n.reason == "headline without text"]


def test_a_short_phrase_between_paragraphs_of_one_story_is_a_subhead() -> None:
    body = ("市场监管部门持续加大检查力度，覆盖全市各类\n经营主体一千余家。\n\n"
            "强化执法\n\n"
            "执法人员深入商超和农贸市场，重点检查商品质\n量和价格标签，发现问题当场督促整改。")
    text = story("3月5日", "市场监管局") + "\n\n" + body + "\n\n市场监管局开展专项检查行动"
    page = segment(text)
    assert [a.title for a in page.articles] == ["市场监管局开展专项检查行动"]
    assert "强化执法" in page.articles[0].paragraphs


def test_the_plan_reports_an_action_and_a_margin_for_every_group() -> None:
    from generator.ingest.blocks import BlockBuilder
    from generator.ingest.segment import prepare_lines, typical_width

    lines = prepare_lines(HEADLINES_FIRST, markdown=False)
    blocks = BlockBuilder(lines, False, typical_width(lines)).build()
    choices = Planner(blocks).solve()
    assert [c.action for c in choices.values()] == [OPEN, OPEN, OPEN]
    assert all(c.margin > 0 for c in choices.values())
    assert all(c.alternative in (CLOSE, SUB, None) for c in choices.values())


def test_a_doubtful_headline_lowers_its_articles_confidence_and_says_why() -> None:
    # One story, one headline after it, one after the next story: nothing marks which
    # side the middle headline belongs to but the page as a whole.
    text = "\n\n".join([story("3月1日", "城东区"), "城东区部署春季防火工作",
                        story("3月2日", "城西区")])
    page = segment(text)
    doubtful = [a for a in page.articles if a.doubts]
    assert doubtful, [(a.title, a.confidence) for a in page.articles]
    assert all(a.confidence < 0.8 for a in doubtful)
    assert all(d.startswith(("its headline (line", "no headline found")) for a in doubtful
               for d in a.doubts)


def test_confident_pages_record_no_doubts() -> None:
    page = segment(HEADLINES_AFTER)
    assert all(a.confidence == 1.0 and a.doubts == [] for a in page.articles)
    assert page.articles[0].segmentation == {"confidence": 1.0, "doubts": []}


def wrap(text: str, width: int) -> str:
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))


def test_a_short_phrase_over_text_of_another_column_width_starts_another_story() -> None:
    # 优化营商环境 between two finished stories reads as a subhead (short, two phrases),
    # but the text under it is set two characters narrower: another article's column.
    above = wrap("本报讯（记者 王立）3月1日，城东区召开专题会议，研究部署下一阶段重点工作。"
                 "会议要求，各部门要压实责任、细化措施，确保各项任务按时完成。", 18)
    below = wrap("受冷空气影响，3月2日夜间到次日，我市自北向南将出现一次明显降温过程，"
                 "请市民注意防寒保暖，出行注意安全。", 14)
    text = f"{above}\n\n优化营商 助力发展\n\n{below}\n\n城东区部署春季防火工作"
    page = segment(text)
    assert len(page.articles) == 2
    same_width = f"{above}\n\n优化营商 助力发展\n\n{wrap(below.replace(chr(10), ''), 18)}" \
                 "\n\n城东区部署春季防火工作"
    assert len(segment(same_width).articles) == 1  # the same text in one column: a subhead


def test_a_group_set_against_one_side_and_apart_from_the_other_is_read_as_that_side_s() -> None:
    from generator.ingest.blocks import BlockBuilder, Head
    from generator.ingest.plan import glued
    from generator.ingest.segment import prepare_lines, typical_width
    text = "\n".join([story("3月1日", "城东区"), "城东区部署春季防火工作", "",
                      story("3月2日", "城西区"), "", "城西区推进老旧小区改造",
                      story("3月3日", "城南区")])
    lines = prepare_lines(text, False)
    blocks = BlockBuilder(lines, False, typical_width(lines)).build()
    sides = [glued(blocks, i) for i, b in enumerate(blocks) if isinstance(b, Head)]
    assert sides == [(True, False), (False, True)]


def test_a_web_editions_date_line_under_a_title_makes_it_an_articles_not_a_subhead() -> None:
    # Each title of an e-paper's web view is followed by its date and paper and the
    # type-size buttons; a subhead inside a text never is.
    first = ("3月11日，全市春季植树护绿行动在生态廊道启动，六百多名志愿者当天种下乡土树种。"
             "记者从市林业部门了解到，今年全市计划新植乡土树种十二万株。")
    second = "3月10日，河两岸新栽的绿化带抽出新芽，与远处的城市天际线相映成景。"
    third = "每年春天，植树的新闻总是不少，可几年之后回头看，有的林子成了片，有的却只剩树坑。"
    header = ["2026年03月12日惠州日报A02", "字号:T|T"]
    text = "\n".join(["我市启动春季植树护绿行动", *header, "本报记者 邱敏", first, "",
                      "河畔绿意浓", *header, second, "", "护绿要“栽”更要“管”", *header, third])
    page = segment(text)
    assert [a.title for a in page.articles] == [
        "我市启动春季植树护绿行动", "河畔绿意浓", "护绿要“栽”更要“管”"]
    assert [a.body for a in page.articles] == [first, second, third]
    assert {n.text for n in page.noise} == set(header)
