"""The segmenter, by example: one small synthetic page per layout phenomenon.

Every page below is invented news text set the way the OCR dumps in samples/pages/
come out: narrow hard-wrapped columns, blank lines at column breaks in mid-sentence,
headlines after (or before) their body, bylines glued to the first sentence. Each test
states what a reader of the printed page would call the articles. `accounted` checks on
every page, synthetic and real, that segmentation neither loses nor duplicates text.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from pathlib import Path

import pytest
from scoring import combine, load_key, score
from work_count import calls_made

from generator.cli import main
from generator.ingest.article import Article, SegmentedPage
from generator.ingest.decode import MAX_PAGE_BYTES, decode_page
from generator.ingest.lines import TERMINAL, Kind, classify, ends_sentence, sentence_tail
from generator.ingest.parts import split_tails
from generator.ingest.repair import repair_line, repair_lines
from generator.ingest.segment import segment

SEEDS = Path(__file__).resolve().parent.parent / "samples" / "pages"
SEED_PAGES = sorted(SEEDS.glob("*.txt"))

# ── helpers ──────────────────────────────────────────────────────────────────────────

# Markup the segmenter may consume instead of keeping as text: continuation notes (kept as
# continued_from / continues_on), Markdown heading markers, bullets and boxes before a lead
# or a byline, the brackets of a brief's trailing signature （张三） → byline 张三, and the
# dash of a sign-off (——本报编辑部 → byline 本报编辑部).
CONT_NOTE_RE = re.compile(
    r"[（(]\s*(?:上接|下转|紧接|紧转|转自|接|转)\s*第?\s*[0-9０-９一二三四五六七八九十A-Za-z]{1,4}\s*版[）)]"
)
HEADING_MARK_RE = re.compile(r"^#{1,6}(?=\s|[“‘《「（(])")  # "# 标题", or "#“标题”" once repaired
BOLD_LINE_RE = re.compile(r"^\*\*[^*]{2,34}\*\*$")
LABEL_BAR_RE = re.compile(r"^[\u4e00-\u9fff]{2,8}\s*([|｜])\s*[^|｜]+$")  # 一周点击 | 标题
NUMBERED_BOLD_RE = re.compile(r"^\*\*(\d{1,2}[.．、]|[①-⑳])")
BULLET_RE = re.compile(r"^[●○■□◆◇▲△★☆•◎]+|^·(?=\s*[\u4e00-\u9fff]{2,3}$)")  # ·陈一舟
# ▲【标题】 on its own line, or before its brief's text (▲【标题】近日，…) or its title
# (# 【图片新闻】樱花绽放引客来)
BRACKETED_TITLE_RE = re.compile(r"^(?:#{1,6}\s*)?[●○■□◆◇▲△★☆•◎]*\s*【[^】]+】")
# ——本报编辑部 set right, ——海风 under the text: the dash is markup, like a bullet
SIGN_OFF_RE = re.compile(r"^(?:\s{2,}——\s*[\u4e00-\u9fff·]{2,8}|——[\u4e00-\u9fff·]{2,4})$")
LIST_BOLD_RE = re.compile(r"^[-*+▶►] \*\*")  # a Markdown list's item with a bold title
GLUED_BOLD_RE = re.compile(r"^[▶►▲●■◆]\*\*")  # …or its bullet glued to it: ▲**标题**正文


def column(text: str, width: int) -> list[str]:
    """The text hard-wrapped at `width` characters, as a narrow column prints it."""
    return [text[i:i + width] for i in range(0, len(text), width)]


def chars(text: str | None) -> Counter:
    """The non-whitespace characters of text, as a multiset."""
    return Counter(ch for ch in text or "" if not ch.isspace())


def fields(article: Article) -> list[str | None]:
    return [article.kicker, article.title, article.subtitle, article.byline, *article.paragraphs]


DASHED_CREDIT_RE = re.compile(r"^——.*摄$")  # a photo group's credit after a dash


def accounted(text: str, page: SegmentedPage) -> None:
    """Assert every printed character of the page ends up exactly once in an article field
    or a noise item. Repaired text is the reference (fake-bold doubles and letter-spacing
    are extraction damage, not print); only the markup listed above may disappear."""
    lines = repair_lines(text)  # the page's repair, as the segmenter sees it
    printed = chars("".join(lines))
    markup: Counter = Counter()
    for raw, line in zip(text.split("\n"), lines, strict=True):
        if SIGN_OFF_RE.match(raw) or DASHED_CREDIT_RE.match(line):  # ——本报编辑部, ——X 摄
            markup += chars("——")
        for note in CONT_NOTE_RE.findall(line):
            markup += chars(note)
        bar = LABEL_BAR_RE.match(line)
        if bar:  # a label's bar before the title: layout, as a heading's # is
            markup += chars(bar.group(1))
        heading = HEADING_MARK_RE.match(line)
        if heading:
            markup += chars(heading.group())
        if BOLD_LINE_RE.match(line):  # **a whole line in bold**: its stars are markup
            markup += chars("****")
            if numbered := NUMBERED_BOLD_RE.match(line):  # **1.…**: a brief's number, as a
                markup += chars(numbered.group(1))  # bullet is

        bullet = BULLET_RE.match(line)
        if bullet:
            markup += chars(bullet.group())
        if BRACKETED_TITLE_RE.match(line):
            markup += chars("【】")
        if LIST_BOLD_RE.match(line):  # - **标题** 正文: the list's mark and the bold's stars
            markup += chars(line[0] + "****")
        elif GLUED_BOLD_RE.match(line):
            markup += chars(("" if bullet else line[0]) + "****")
    for article in page.articles:
        byline = article.byline or ""
        if byline and not re.search(r"[（()）]", byline):
            # a signature may wrap over lines, and its spacing is the segmenter's
            spread = r"\s*".join(map(re.escape, byline.replace(" ", "")))
            signed = re.search(rf"([（(])\s*{spread}\s*([）)])", "\n".join(lines))
            if signed:
                markup += chars(signed.group(1) + signed.group(2))
    produced = Counter()
    for article in page.articles:
        for value in fields(article):
            produced += chars(value)
    for item in page.noise:
        produced += chars(item.text)
    extra = produced - printed
    missing = printed - produced - markup
    assert not extra, f"text produced twice or invented: {''.join(sorted(extra.elements()))}"
    assert not missing, f"text lost: {''.join(sorted(missing.elements()))}"


def squash(text: str | None) -> str | None:
    """Whitespace removed, as the answer keys compare text."""
    return None if text is None else re.sub(r"\s+", "", text)


def line_of(text: str, needle: str) -> int:
    """1-based number of the first line of text containing needle."""
    for no, line in enumerate(text.split("\n"), start=1):
        if needle in line:
            return no
    raise AssertionError(f"{needle!r} not in page")


# ── 1. headline printed after its body (column dump style) ──────────────────────────

HEADLINE_AFTER_BODY = """\
本报讯（记者 李四）3月8日，
记者从市交通运输局获悉，今年我市
计划新建和改造农村公路三百公里，

进一步织密城乡交通网络。

据介绍，今年的农村公路建设将
重点围绕产业园区、旅游景区和偏远
村庄展开，集中打通一批断头路和瓶
颈路，让群众出行更便捷。

市交通运输局有关负责人表示，
将全程加强工程质量监管，确保每一
条新路都经得起检验。

农村公路建设提速 城乡出行更加便捷

本报讯（记者 周敏）连日来，
市图书馆推出“书香润童心”系列阅
读活动，吸引了众多家长和孩子走进

馆内参与。

活动期间，图书馆工作人员为孩
子们讲述传统节日故事，还组织了亲
子共读和手工制作等环节。

书香润童心 阅读伴成长
"""


def test_headline_after_body_closes_its_article() -> None:
    page = segment(HEADLINE_AFTER_BODY)
    assert [squash(a.title) for a in page.articles] == [
        "农村公路建设提速城乡出行更加便捷",
        "书香润童心阅读伴成长",
    ]
    roads, library = page.articles
    assert roads.byline == "本报讯（记者 李四）"
    assert roads.paragraphs == [
        "3月8日，记者从市交通运输局获悉，今年我市计划新建和改造农村公路三百公里，"
        "进一步织密城乡交通网络。",
        "据介绍，今年的农村公路建设将重点围绕产业园区、旅游景区和偏远村庄展开，"
        "集中打通一批断头路和瓶颈路，让群众出行更便捷。",
        "市交通运输局有关负责人表示，将全程加强工程质量监管，确保每一条新路都经得起检验。",
    ]
    assert library.byline == "本报讯（记者 周敏）"
    assert library.body.startswith("连日来，市图书馆推出“书香润童心”系列阅读活动")
    assert library.paragraphs[0].endswith("走进馆内参与。")
    assert roads.kind == library.kind == "news"


# ── 2. headline before its body: a run of briefs signed （刘晓燕） ────────────────────

BRIEFS_HEADLINE_FIRST = """\
临河县农业农村局
推进高标准农田建设

今年以来，临河县农业农村局统
筹整合涉农资金，新建高标准农田两
万亩，配套建设灌溉渠道和机耕道路，

有效提升了全县粮食综合生产能力。

（刘晓燕）
临河县农业农村局
开展春季农资打假行动

连日来，临河县农业农村局组织
执法人员深入各乡镇农资经营门店，
重点检查种子、化肥、农药等产品的
质量和进货台账，共检查门店六十余
家，督促整改问题九处。 （刘晓燕）
临河县农业农村局
专家田间授课助春管

日前，临河县农业农村局邀请市
农科院专家走进田间地头，围绕小麦
春季管理、病虫害防治等内容为种植
大户现场授课。

（刘晓燕）
"""


def test_briefs_with_headline_before_body_and_trailing_signature() -> None:
    page = segment(BRIEFS_HEADLINE_FIRST)
    assert [a.title for a in page.articles] == [
        "推进高标准农田建设",
        "开展春季农资打假行动",
        "专家田间授课助春管",
    ]
    starts = ["今年以来，临河县农业农村局统筹", "连日来，临河县农业农村局组织", "日前，临河县"]
    ends = ["综合生产能力。", "督促整改问题九处。", "现场授课。"]
    for article, start, end in zip(page.articles, starts, ends, strict=True):
        assert article.kind == "brief"
        assert article.kicker == "临河县农业农村局"
        assert article.byline == "刘晓燕"
        assert article.body.startswith(start)
        assert article.body.endswith(end)
        assert "刘晓燕" not in article.body


# ── 3. kicker + title printed after the body ─────────────────────────────────────────

KICKER_AFTER_BODY = """\
本报讯（孙磊）入汛以来，临河
县水利局提前谋划、周密部署，扎实
做好防汛各项准备工作，确保全县安
全度汛。

该局对全县河道、水库、堤防开
展拉网式排查，建立问题清单，逐项
明确整改时限；同时储备编织袋、救

生衣、抽水泵等防汛物资，组建抢险
突击队伍，开展实战化演练，切实提
升应急处置能力。

临河县水利局

未雨绸缪筑牢防汛堤坝

本报讯（记者 韩雪 通讯员 马
腾）近日，临河县人民医院开展“健
康义诊进社区”活动，二十余名医护
人员走进城关镇多个社区，为居民测
量血压、血糖，讲解慢性病防治知识。

临河县人民医院

义诊进社区 健康送到家
"""


def test_kicker_and_title_after_body() -> None:
    page = segment(KICKER_AFTER_BODY)
    assert len(page.articles) == 2
    flood, clinic = page.articles
    assert (flood.kicker, flood.title) == ("临河县水利局", "未雨绸缪筑牢防汛堤坝")
    assert flood.byline == "本报讯（孙磊）"
    assert flood.body.startswith("入汛以来，临河县水利局")
    assert flood.body.endswith("切实提升应急处置能力。")
    assert (clinic.kicker, squash(clinic.title)) == ("临河县人民医院", "义诊进社区健康送到家")
    assert squash(clinic.byline) == "本报讯（记者韩雪通讯员马腾）"
    assert clinic.body.startswith("近日，临河县人民医院")


# ── 4. ——访 sub-headline and a separate byline line: an interview ──────────────────

INTERVIEW_HEADLINE_AFTER = """\
“优化营商环境没有完成时，只
有进行时。”3月12日，临河县市场
监管局局长王建国在接受记者采访时
说。

记者：今年县市场监管局在服务
市场主体方面有哪些新举措？

王建国：我们将全面推行企业开
办“一窗通办”，把办理时间压缩到
一个工作日以内；同时开展涉企收费

专项检查，坚决纠正乱收费行为，让
企业轻装上阵。

激发市场活力 优化营商环境
——访临河县市场监管局局长王建国

本报记者 陈晓 通讯员 李明

本报讯（记者 周敏）日前，临
河县2024年春季招聘会在县人力资源
市场举行，八十余家企业提供就业岗
位两千余个。

春季招聘会送岗两千余个
"""

INTERVIEW_HEADLINE_FIRST = """\
让老字号焕发新活力
——访临河县商务局局长赵红梅

本报记者 陈晓 通讯员 李明

记者：老字号企业在传承与创新
之间如何找到平衡？

赵红梅：老字号的根在手艺，魂
在诚信。我们鼓励企业守住传统技艺，
同时借助直播电商拓宽销路，让老字
号走进年轻人的生活。
"""


def test_interview_with_subtitle_and_byline_line_after_body() -> None:
    page = segment(INTERVIEW_HEADLINE_AFTER)
    assert len(page.articles) == 2
    interview, jobs = page.articles
    assert interview.kind == "interview"
    assert squash(interview.title) == "激发市场活力优化营商环境"
    assert interview.subtitle == "——访临河县市场监管局局长王建国"
    assert interview.byline == "本报记者 陈晓 通讯员 李明"
    assert interview.body.startswith("“优化营商环境没有完成时")
    assert interview.body.endswith("让企业轻装上阵。")
    assert jobs.kind == "news"
    assert jobs.byline == "本报讯（记者 周敏）"
    assert jobs.title == "春季招聘会送岗两千余个"


def test_interview_with_subtitle_and_byline_line_before_body() -> None:
    page = segment(INTERVIEW_HEADLINE_FIRST)
    [interview] = page.articles
    assert interview.kind == "interview"
    assert interview.title == "让老字号焕发新活力"
    assert interview.subtitle == "——访临河县商务局局长赵红梅"
    assert interview.byline == "本报记者 陈晓 通讯员 李明"
    assert interview.body.startswith("记者：老字号企业在传承与创新之间")
    assert len(interview.paragraphs) == 2


# ── 5. byline forms ──────────────────────────────────────────────────────────────────

BYLINE_HALF_WIDTH = """\
本报讯(王五)近日，临河县税务局
推出“税费服务进园区”活动，组织业
务骨干走进企业，面对面解答办税缴
费中的难题。

税费服务进园区
"""

BYLINE_WIRE = """\
新华社北京3月5日电（记者 赵六）
记者5日从有关部门获悉，今年春运
期间，全国铁路累计发送旅客三亿余
人次，客流总体平稳有序。
"""

BYLINE_WIRE_NARROW = """\
新华社北
京 3 月 5 日
电 （记 者 赵
六）记者5日从
有关部门获悉，
今年春运期间，
全国铁路累计
发送旅客三亿

余人次，客流
总体平稳有序。
"""

BYLINE_BOX = """\
□ 记者陈七

“今年我们村的草莓又是大丰收！”
3月6日，在临河县柳林镇草莓种植
基地，种植户李大姐一边采摘一边
笑着说。

近年来，柳林镇依托温室大棚发展
特色种植，带动周边两百余户农民
增收致富。

草莓红了 日子甜了
"""


@pytest.mark.parametrize(
    ("text", "byline", "starts"),
    [
        pytest.param(HEADLINE_AFTER_BODY, "本报讯（记者 李四）", "3月8日，记者从", id="glued"),
        pytest.param(BYLINE_HALF_WIDTH, "本报讯(王五)", "近日，临河县税务局", id="half-width"),
        pytest.param(BYLINE_WIRE, "新华社北京3月5日电（记者 赵六）", "记者5日从", id="wire"),
        pytest.param(BYLINE_WIRE_NARROW, "新华社北京3月5日电（记者赵六）", "记者5日从有关部门",
                     id="wire-narrow"),
        pytest.param(BYLINE_BOX, "记者陈七", "“今年我们村的草莓", id="box-line"),
    ],
)
def test_byline_forms(text: str, byline: str, starts: str) -> None:
    article = segment(text).articles[0]
    assert squash(article.byline) == squash(byline)
    assert article.body.startswith(starts)


def test_box_byline_article_keeps_its_headline_at_the_end() -> None:
    [article] = segment(BYLINE_BOX).articles
    assert squash(article.title) == "草莓红了日子甜了"
    assert len(article.paragraphs) == 2


def test_narrow_wire_lead_joins_into_one_paragraph() -> None:
    [article] = segment(BYLINE_WIRE_NARROW).articles
    assert article.paragraphs == ["记者5日从有关部门获悉，今年春运期间，全国铁路累计发送旅客"
                                  "三亿余人次，客流总体平稳有序。"]


# ── 6. photo captions ────────────────────────────────────────────────────────────────

PHOTOS = """\
本报讯（记者 韩雪）3月10日，临河
县春季农业技术培训会举行，全县一
百余名种植大户和农技人员参加培
训。

培训会上，专家围绕大棚蔬菜种植、
病虫害绿色防控等内容进行讲解。

春季农技培训送到农民身边

3月10日，在临河县城关镇一处
蔬菜大棚里，农技人员正在指导菜
农管理西红柿苗。

本报记者 王磊 摄

3月9日，市民在临河公园赏花拍
照，感受春日美好。 张雨 摄

本报讯（记者 周敏）日前，临河县
新建的五座城市书房同时开放，市民
可凭身份证免费借阅图书。

五座城市书房同时开放
"""


def test_photo_captions_with_credit_line_and_inline_credit() -> None:
    page = segment(PHOTOS)
    assert [a.kind for a in page.articles] == ["news", "photo", "photo", "news"]
    training, greenhouse, park, books = page.articles
    assert training.title == "春季农技培训送到农民身边"
    assert training.body.endswith("内容进行讲解。")
    assert greenhouse.title is None
    assert greenhouse.byline == "本报记者 王磊 摄"
    assert greenhouse.paragraphs == [
        "3月10日，在临河县城关镇一处蔬菜大棚里，农技人员正在指导菜农管理西红柿苗。"
    ]
    assert park.title is None
    assert park.byline == "张雨 摄"
    assert park.paragraphs == ["3月9日，市民在临河公园赏花拍照，感受春日美好。"]
    assert books.byline == "本报讯（记者 周敏）"
    assert books.title == "五座城市书房同时开放"


PHOTO_WITH_HEADLINE = """\
本报讯（记者 周敏）连日来，市图书馆
推出“书香润童心”系列阅读活动，吸
引了众多家长和孩子走进馆内参与。

书香润童心 阅读伴成长

春光正好田间忙
3月10日，在临河县城关镇一处
蔬菜大棚里，农技人员正在指导菜
农管理西红柿苗。

本报记者 王磊 摄
"""


def test_photo_with_its_own_headline_after_an_article_headline() -> None:
    page = segment(PHOTO_WITH_HEADLINE)
    assert [a.kind for a in page.articles] == ["news", "photo"]
    library, photo = page.articles
    assert squash(library.title) == "书香润童心阅读伴成长"
    assert library.subtitle is None
    assert photo.title == "春光正好田间忙"
    assert photo.byline == "本报记者 王磊 摄"
    assert photo.paragraphs == [
        "3月10日，在临河县城关镇一处蔬菜大棚里，农技人员正在指导菜农管理西红柿苗。"
    ]


# ── 7. continuation notes ────────────────────────────────────────────────────────────

CONTINUATION = """\
{cont_from}
会议强调，要坚持以人民为中心的
发展思想，聚焦群众急难愁盼问题，
扎实办好教育、医疗、养老等民生

实事，不断增强群众的获得感和幸
福感。

扎实办好民生实事 不断增进群众福祉

本报讯（记者 李华）3月11日，临河
县召开优化营商环境工作推进会，
总结去年工作成效，安排部署今年
重点任务。会议要求，各部门要进

一步简化审批流程，提升服务效能，
切实帮助企业纾困，{glue}{cont_on}

优化营商环境 激发发展活力
"""


@pytest.mark.parametrize(
    ("cont_from", "from_page", "cont_on", "on_page", "glue"),
    [
        pytest.param("（上接第一版）", 1, "（下转第二版）", 2, "\n", id="chinese-numerals"),
        pytest.param("（上接第3版）", 3, "（下转第4版）", 4, "\n", id="digits"),
        pytest.param("(上接第1版)", 1, "(下转第2版)", 2, "\n", id="half-width"),
        pytest.param(
            "（上接第一版）", 1, "（下转第二版）", 2, "", id="note-at-end-of-last-line",
        ),
    ],
)
def test_continuation_notes(
    cont_from: str, from_page: int, cont_on: str, on_page: int, glue: str
) -> None:
    text = CONTINUATION.format(cont_from=cont_from, cont_on=cont_on, glue=glue)
    page = segment(text)
    assert len(page.articles) == 2
    jumped, business = page.articles
    assert squash(jumped.title) == "扎实办好民生实事不断增进群众福祉"
    assert (jumped.continued_from, jumped.continues_on) == (from_page, None)
    assert jumped.body.startswith("会议强调，要坚持以人民为中心")
    assert squash(business.title) == "优化营商环境激发发展活力"
    assert (business.continued_from, business.continues_on) == (None, on_page)
    assert business.body.endswith("提升服务效能，切实帮助企业纾困，")
    for article in page.articles:
        assert "上接" not in article.body and "下转" not in article.body
    accounted(text, page)


# ── 8. section banner, QR-code caption and stray label are noise ─────────────────────

LAYOUT_NOISE = """\
JINGJI XINWEN
经济新闻

本报讯（记者 李华）今年一季度，临
河县新签约招商项目二十八个，总投
资一百二十亿元，其中先进制造业项

目占比超过六成。

招商引资跑出加速度

扫码关注
临河发布公众号
微信二维码

本报讯（记者 周敏）3月14日，临河
县举办消费维权宣传活动，现场受理
群众咨询投诉一百余件。

消费维权宣传进广场
电话：

本报讯（记者 韩雪）近日，临河县
首批十辆新能源公交车正式投入运
营，进一步方便市民绿色出行。

新能源公交车投入运营
"""


def test_section_banner_qr_caption_and_label_are_noise() -> None:
    page = segment(LAYOUT_NOISE)
    assert page.section == "经济新闻"
    assert [a.title for a in page.articles] == [
        "招商引资跑出加速度",
        "消费维权宣传进广场",
        "新能源公交车投入运营",
    ]
    noise = [n.text for n in page.noise]
    for item in ["JINGJI XINWEN", "经济新闻", "扫码关注", "临河发布公众号", "微信二维码", "电话："]:
        assert item in noise
    article_text = "".join(v or "" for a in page.articles for v in fields(a))
    for word in ["JINGJI", "经济新闻", "扫码", "公众号", "二维码", "电话"]:
        assert word not in article_text
    assert page.articles[0].body.endswith("先进制造业项目占比超过六成。")


# ── 9. in-body subheads stay in the body ─────────────────────────────────────────────

IN_BODY_SUBHEADS = """\
今年以来，临河县纪委监委紧盯
营商环境领域突出问题，持续深化作
风建设，为高质量发展保驾护航。

强化监督
筑牢防线

该县纪委监委成立专项监督检查
组，深入重点项目建设现场和企业一
线，采取明察暗访、随机抽查等方式，

对涉企服务部门履职情况开展监督，
发现问题线索十七条。

畅通渠道
倾听心声

该县在重点园区设立营商环境监
测点，聘请三十名企业负责人担任监
督员，定期收集企业诉求，确保问题
早发现、早处理。

临河县纪委监委

以严实作风护航营商环境
本报记者 张强 通讯员 刘洋

本报讯（记者 李华）近日，临河县
召开春季植树造林动员会，部署全
年国土绿化任务。

春季植树造林全面启动
"""


def test_in_body_subheads_do_not_split_the_article() -> None:
    page = segment(IN_BODY_SUBHEADS)
    assert len(page.articles) == 2
    feature, trees = page.articles
    assert feature.kicker == "临河县纪委监委"
    assert feature.title == "以严实作风护航营商环境"
    assert feature.byline == "本报记者 张强 通讯员 刘洋"
    assert feature.body.startswith("今年以来，临河县纪委监委")
    assert feature.body.endswith("确保问题早发现、早处理。")
    body = squash(feature.body)
    assert "强化监督筑牢防线" in body
    assert "畅通渠道倾听心声" in body
    assert body.index("强化监督") < body.index("该县纪委监委") < body.index("畅通渠道")
    assert trees.title == "春季植树造林全面启动"
    assert trees.byline == "本报讯（记者 李华）"


# ── 10. fake bold, letter-spacing and a broken character ─────────────────────────────

REPAIRS = """\
本报讯（记者 李华）近日，临河县召
开老旧小区改造工作推进会，安排部
署今年改造任务。

一一、、压实工作责任压实工作责任
会议要求，各乡镇要建立工作台账，
明确时间节点，确保按期完工。

二二、、加强质量监管加强质量监管
会议强调，要 严 格 落 实 质 量 责 任
制，加强施工现场巡查，坚决杜绝偷
工减料行为。据县住建局负责人王�
介绍，今年全县计划改造老旧小区四
十二个。

老旧小区改造提质增效
"""


def test_fake_bold_and_letter_spacing_are_repaired_broken_char_reported() -> None:
    page = segment(REPAIRS)
    [article] = page.articles
    assert article.title == "老旧小区改造提质增效"
    assert "一、压实工作责任" in article.body
    assert "二、加强质量监管" in article.body
    assert "压实工作责任压实工作责任" not in article.body
    assert "加强质量监管加强质量监管" not in article.body
    assert "会议强调，要严格落实质量责任制，" in article.body
    assert "据县住建局负责人王\ufffd介绍" in article.body
    broken = line_of(REPAIRS, "\ufffd")
    assert any(f"line {broken}," in w and "\ufffd" in w for w in page.warnings), page.warnings


def test_enumerated_subhead_line_is_its_own_paragraph() -> None:
    [article] = segment(REPAIRS).articles
    assert "一、压实工作责任" in article.paragraphs
    assert "二、加强质量监管" in article.paragraphs
    assert article.paragraphs[2].startswith("会议要求，各乡镇要建立工作台账")


# ── 11. a score table stays in its article, one row a paragraph ──────────────────────

SCORE_TABLE = """\
本报讯（记者 李华）日前，临河市
生态环境局公布一季度各县（市、
区）大气污染防治考评结果。现将具
体情况通报如下：

一、县（市）组
东河县 85.6分（合格）
西山县 83.2分（合格）
北岭县 78.4分（不合格）

二、城区组
南湖区 92.4分（良好）
城关区 80.1分（合格）

希望各地对照考评结果查找短板，
切实抓好问题整改，推动空气质量
持续改善。

一季度大气污染防治考评结果公布
"""

ROWS = ["东河县85.6分（合格）", "西山县83.2分（合格）", "北岭县78.4分（不合格）",
        "南湖区92.4分（良好）", "城关区80.1分（合格）"]


def test_score_table_stays_in_its_article() -> None:
    page = segment(SCORE_TABLE)
    [article] = page.articles
    assert article.title == "一季度大气污染防治考评结果公布"
    assert article.body.startswith("日前，临河市生态环境局")
    assert article.body.endswith("推动空气质量持续改善。")
    body = squash(article.body)
    assert all(row in body for row in ROWS)


def test_score_table_rows_are_paragraphs() -> None:
    [article] = segment(SCORE_TABLE).articles
    paragraphs = [squash(p) for p in article.paragraphs]
    for row in ROWS:
        assert row in paragraphs
    assert "一、县（市）组" in paragraphs
    assert "二、城区组" in paragraphs


# ── 12. Markdown-like dump ───────────────────────────────────────────────────────────

MARKDOWN = """\

临河县委主要负责同志调研时强调

# 全力以赴抓好春耕备耕

本报讯(记者 王明)3月6日,临河县委主要负责同志深入乡镇田间地头,调研春耕备耕工作。

调研中强调,要压紧压实各级责任,确保各项农时任务落到实处。

## 一、抓好农资保供

要畅通农资供应渠道,加强市场巡查,确保种子、化肥等农资货足价稳。

## 二、强化技术指导

要组织农技人员下沉一线,开展技术培训和巡回指导,帮助群众解决生产难题。

# 临河县召开安全生产工作会议

本报讯(记者 李华)3月7日,临河县召开安全生产工作会议,部署当前安全生产重点工作。

会议要求,要深入开展隐患排查整治,坚决遏制各类事故发生。
"""


def test_markdown_dump_headings_kicker_and_subheads() -> None:
    page = segment(MARKDOWN)
    assert len(page.articles) == 2
    farming, safety = page.articles
    assert farming.kicker == "临河县委主要负责同志调研时强调"
    assert farming.title == "全力以赴抓好春耕备耕"
    assert farming.byline == "本报讯(记者 王明)"
    assert farming.paragraphs == [
        "3月6日,临河县委主要负责同志深入乡镇田间地头,调研春耕备耕工作。",
        "调研中强调,要压紧压实各级责任,确保各项农时任务落到实处。",
        "一、抓好农资保供",
        "要畅通农资供应渠道,加强市场巡查,确保种子、化肥等农资货足价稳。",
        "二、强化技术指导",
        "要组织农技人员下沉一线,开展技术培训和巡回指导,帮助群众解决生产难题。",
    ]
    assert safety.kicker is None
    assert safety.title == "临河县召开安全生产工作会议"
    assert safety.byline == "本报讯(记者 李华)"
    assert len(safety.paragraphs) == 2


# ── 13. vertical headline glued to the next lead ─────────────────────────────────────

VERTICAL_HEADLINE = """\
本报讯（记者 李华）3月5日，临河
区召开春耕生产工作会议，总结去年
农业农村工作，安排部署今年春耕生
产重点任务。

会议要求，各乡镇要早谋划、早
部署，确保不误农时。

临
河
区
召
开
春
耕
会
议本报讯（记者 周敏）近日，临

河区图书馆新馆正式开放，新馆藏
书三十万册，设有少儿阅览区和数
字阅读体验区。

区图书馆新馆开放
"""


def test_vertical_headline_is_a_headline_and_lead_still_starts_next_article() -> None:
    page = segment(VERTICAL_HEADLINE)
    assert len(page.articles) == 2
    meeting, library = page.articles
    assert meeting.title == "临河区召开春耕会议"
    assert meeting.byline == "本报讯（记者 李华）"
    assert meeting.body.endswith("确保不误农时。")
    assert library.byline == "本报讯（记者 周敏）"
    assert library.body.startswith("近日，临河区图书馆新馆正式开放")
    assert library.title == "区图书馆新馆开放"


# ── 14. text cut off at the page edge ────────────────────────────────────────────────

CUT_OFF = """\
本报讯（记者 周敏）3月15日，临河
县消费者协会发布一季度消费投诉
情况，共受理投诉二百余件，为消

费者挽回经济损失三十余万元。

消协发布一季度投诉情况

本报讯（记者 李华）近日，临河县
启动城区绿化提升工程，计划新增绿
地面积五万平方米，改造提升街头游
园十二处。据了解，该工程将于今年
十月底前全面完工，届时城区居民将
"""


def test_text_cut_off_at_page_edge_is_kept() -> None:
    page = segment(CUT_OFF)
    assert len(page.articles) == 2
    complaints, greening = page.articles
    assert complaints.title == "消协发布一季度投诉情况"
    assert greening.byline == "本报讯（记者 李华）"
    assert greening.title is None
    assert greening.body.startswith("近日，临河县启动城区绿化提升工程")
    assert greening.body.endswith("十月底前全面完工，届时城区居民将")


# ── 15. nothing is lost, nothing doubled ─────────────────────────────────────────────

SYNTHETIC = {
    "headline-after-body": HEADLINE_AFTER_BODY,
    "briefs-headline-first": BRIEFS_HEADLINE_FIRST,
    "kicker-after-body": KICKER_AFTER_BODY,
    "interview-headline-after": INTERVIEW_HEADLINE_AFTER,
    "interview-headline-first": INTERVIEW_HEADLINE_FIRST,
    "byline-half-width": BYLINE_HALF_WIDTH,
    "byline-wire": BYLINE_WIRE,
    "byline-wire-narrow": BYLINE_WIRE_NARROW,
    "byline-box": BYLINE_BOX,
    "photos": PHOTOS,
    "continuation": CONTINUATION.format(cont_from="（上接第一版）", cont_on="（下转第二版）",
                                        glue="\n"),
    "continuation-glued": CONTINUATION.format(cont_from="（上接第3版）", cont_on="（下转第4版）",
                                              glue=""),
    "photo-with-headline": PHOTO_WITH_HEADLINE,
    "layout-noise": LAYOUT_NOISE,
    "in-body-subheads": IN_BODY_SUBHEADS,
    "repairs": REPAIRS,
    "score-table": SCORE_TABLE,
    "markdown": MARKDOWN,
    "vertical-headline": VERTICAL_HEADLINE,
    "cut-off": CUT_OFF,
}


@pytest.mark.parametrize("name", list(SYNTHETIC))
def test_synthetic_page_loses_no_text(name: str) -> None:
    text = SYNTHETIC[name]
    accounted(text, segment(text))


@pytest.mark.parametrize("path", SEED_PAGES, ids=lambda p: p.stem)
def test_seed_page_loses_no_text(path: Path) -> None:
    text = decode_page(path.read_bytes(), path.name)
    accounted(text, segment(text))


def test_accounted_catches_lost_and_doubled_text() -> None:
    page = segment(HEADLINE_AFTER_BODY)
    page.articles[1].paragraphs.pop()
    with pytest.raises(AssertionError, match="lost"):
        accounted(HEADLINE_AFTER_BODY, page)
    page = segment(HEADLINE_AFTER_BODY)
    page.articles[0].paragraphs.append(page.articles[0].title or "")
    with pytest.raises(AssertionError, match="twice"):
        accounted(HEADLINE_AFTER_BODY, page)


# ── the command line ─────────────────────────────────────────────────────────────────


def test_cli_segment_json_prints_one_record_per_article(tmp_path: Path, capsys) -> None:
    path = tmp_path / "page.txt"
    path.write_text(KICKER_AFTER_BODY, encoding="utf-8")
    assert main(["segment", str(path), "--json"]) == 0
    out = capsys.readouterr().out
    records = [json.loads(line) for line in out.splitlines()]
    assert out.endswith("\n") and len(records) == len(segment(KICKER_AFTER_BODY).articles) == 2
    keys = {"kind", "title", "kicker", "subtitle", "byline", "body",
            "continued_from", "continues_on", "segmentation"}
    assert all(set(r) == keys for r in records)
    assert records[0]["kicker"] == "临河县水利局"
    assert records[0]["byline"] == "本报讯（孙磊）"
    assert records[0]["body"].startswith("入汛以来")
    assert "\n\n" in records[0]["body"]  # paragraphs separated by a blank line


# ── the seed pages against their answer keys ─────────────────────────────────────────


def test_seed_pages_score_against_answer_keys() -> None:
    assert len(SEED_PAGES) == 5, "the five sample pages are in samples/pages/"
    results = []
    for path in SEED_PAGES:
        page = segment(decode_page(path.read_bytes(), path.name))
        results.append(score([a.to_json() for a in page.articles], load_key(path.stem)))
    pooled = combine(results)
    assert pooled["f1"] >= 0.95
    assert pooled["headline_accuracy"] >= 0.9
    assert pooled["byline_accuracy"] >= 0.9


# ── held-out pages ──────────────────────────────────────────────────────────────────
# Realistic pages written in the styles of the seeds by people who had not seen the
# segmenter (tests/heldout/README.md, tests/heldout2/); first scored blind, now kept as
# regression sets with the issue's bars.


@pytest.mark.parametrize(("folder", "pages"), [("heldout", 6), ("heldout2", 5)])
def test_heldout_pages_meet_the_bars(folder: str, pages: int) -> None:
    import yaml

    heldout = Path(__file__).parent / folder
    results = []
    for page in sorted(heldout.glob("*.txt")):
        key = yaml.safe_load(page.with_suffix(".yaml").read_text(encoding="utf-8"))
        predicted = [a.to_json() for a in segment(page.read_text(encoding="utf-8")).articles]
        results.append(score(predicted, key["articles"]))
    pooled = combine(results)
    assert len(results) == pages
    assert pooled["f1"] >= 0.95, pooled
    assert pooled["headline_accuracy"] >= 0.90, pooled
    assert pooled["byline_accuracy"] >= 0.90, pooled


# Hand-made sets written blind (each README records its first-contact score), then used to
# find faults: regression tests from then on, held to what they score now (whole-body
# rule), less a little. A score here says nothing about a paper the segmenter has not seen.
REGRESSION_FLOORS = {  # folder: (pages, F1, headline, byline)
    "heldout3": (10, 0.95, 0.94, 0.94),
    "heldout4": (8, 0.94, 0.90, 0.92),
    # heldout5's key reads a lost-property ad (遗失声明) as a notice; five later sets' keys
    # read such ads as furniture, and the segmenter follows them.
    "heldout5": (10, 0.96, 0.96, 0.91),
    "heldout6": (10, 0.91, 0.85, 0.89),
    "heldout7": (10, 0.90, 0.87, 0.88),
    "heldout8": (10, 0.94, 0.89, 0.92),
    "heldout9": (6, 0.96, 0.93, 0.96),
    "heldout10": (8, 0.97, 0.91, 0.97),
    "heldout11": (8, 0.97, 0.95, 0.97),
    "heldout12": (8, 0.91, 0.86, 0.87),
    "heldout13": (8, 0.98, 0.97, 0.97),
    "heldout14": (8, 0.97, 0.93, 0.98),
    "heldout15": (8, 0.92, 0.88, 0.95),
    "heldout16": (8, 0.94, 0.91, 0.93),
    "heldout17": (8, 0.96, 0.90, 0.97),
    "heldout18": (8, 0.89, 0.93, 0.95),
    "heldout19": (8, 0.93, 0.83, 0.85),
    "heldout20": (8, 0.92, 0.77, 0.88),
    "heldout21": (8, 0.89, 0.84, 0.91),
    "heldout22": (8, 0.94, 0.91, 0.95),
    "heldout23": (8, 0.90, 0.84, 0.87),
    "heldout24": (8, 0.98, 0.91, 0.93),
    "heldout25": (8, 0.97, 0.93, 0.98),
    "heldout26": (8, 0.97, 0.95, 0.97),
    "heldout27": (8, 0.96, 0.89, 0.86),
    "heldout28": (8, 0.93, 0.88, 0.93),
    "heldout29": (8, 0.95, 0.91, 0.91),
    "heldout30": (8, 0.93, 0.89, 0.93),
    "heldout31": (8, 0.91, 0.80, 0.91),
    "heldout32": (8, 0.86, 0.80, 0.84),
    "heldout33": (8, 0.86, 0.80, 0.86),
    "heldout34": (8, 0.90, 0.83, 0.79),
    "heldout35": (8, 0.91, 0.91, 0.93),
    "heldout36": (8, 0.92, 0.86, 0.86),
    "heldout37": (8, 0.91, 0.77, 0.89),
    "heldout38": (8, 0.92, 0.88, 0.91),
    "heldout39": (8, 0.90, 0.84, 0.89),
    "heldout40": (8, 0.92, 0.97, 0.91),
    "heldout41": (8, 0.93, 0.82, 0.82),
    "heldout42": (8, 0.94, 0.86, 0.86),
    "heldout43": (8, 0.97, 0.93, 0.98),
    "heldout44": (8, 0.98, 0.91, 0.91),
    "heldout45": (8, 0.90, 0.87, 0.89),
    "heldout46": (8, 0.96, 0.89, 0.93),
    "heldout47": (8, 0.91, 0.79, 0.84),
    "heldout48": (8, 0.97, 0.91, 0.97),
    "heldout49": (8, 0.98, 0.95, 0.97),
    "heldout50": (8, 0.85, 0.73, 0.80),
    "heldout51": (8, 0.96, 0.95, 0.98),
    "heldout52": (8, 0.93, 0.89, 0.97),
    "heldout53": (8, 0.94, 0.95, 0.97),
    "heldout54": (8, 0.90, 0.78, 0.90),
    "heldout55": (8, 0.96, 0.79, 0.91),
    "heldout56": (8, 0.94, 0.82, 0.95),
    "heldout57": (8, 0.97, 0.95, 0.98),
    "heldout58": (8, 0.97, 0.91, 0.95),
    "heldout59": (8, 0.94, 0.88, 0.91),
    "heldout60": (8, 0.97, 0.93, 0.89),
    "heldout61": (8, 0.84, 0.82, 0.82),
    "heldout62": (8, 0.91, 0.86, 0.87),
    "heldout63": (8, 0.95, 0.91, 0.97),
    "heldout64": (8, 0.96, 0.98, 0.93),
    "heldout65": (8, 0.93, 0.73, 0.77),
    "heldout66": (8, 0.96, 0.95, 0.93),
    "heldout67": (8, 0.94, 0.86, 0.87),
    "heldout68": (8, 0.93, 0.87, 0.79),
    "heldout69": (8, 0.96, 0.95, 0.93),
    "heldout70": (8, 0.95, 0.87, 0.87),
    "heldout71": (8, 0.93, 0.93, 0.90),
    "heldout72": (8, 0.97, 0.93, 0.97),
    "heldout73": (8, 0.96, 0.87, 0.91),
    "heldout74": (8, 0.90, 0.80, 0.89),
    "heldout75": (8, 0.85, 0.77, 0.87),
    "heldout76": (8, 0.92, 0.84, 0.88),
    "heldout77": (8, 0.88, 0.78, 0.80),
    "heldout78": (8, 0.92, 0.83, 0.83),
    "heldout79": (8, 0.94, 0.87, 0.87),
    "heldout80": (8, 0.74, 0.55, 0.54),
    "heldout81": (8, 0.90, 0.75, 0.87),
    "heldout82": (8, 0.95, 0.82, 0.93),
    "heldout83": (8, 0.95, 0.95, 0.89),
    "heldout84": (8, 0.92, 0.91, 0.85),
    "heldout85": (8, 0.88, 0.81, 0.83),
    "heldout86": (8, 0.95, 0.69, 0.77),
    "heldout87": (8, 0.89, 0.77, 0.77),
    "heldout88": (8, 0.85, 0.75, 0.82),
    "heldout89": (8, 0.85, 0.73, 0.70),
    "heldout90": (8, 0.95, 0.89, 0.81),
    "heldout91": (8, 0.92, 0.74, 0.67),
    "heldout92": (8, 0.96, 0.96, 0.91),
    "heldout93": (8, 0.90, 0.79, 0.81),
    "heldout94": (8, 0.95, 0.87, 0.87),
    "heldout95": (8, 0.89, 0.85, 0.83),
    "heldout96": (8, 0.95, 0.78, 0.82),
    "heldout97": (8, 0.89, 0.84, 0.84),
    "heldout98": (8, 0.93, 0.82, 0.91),
    "heldout99": (8, 0.95, 0.82, 0.89),
    "heldout100": (8, 0.82, 0.74, 0.81),
    "heldout101": (8, 0.95, 0.85, 0.81),
    "heldout102": (8, 0.89, 0.81, 0.93),
    "heldout103": (8, 0.97, 0.85, 0.87),
    "heldout104": (8, 0.87, 0.76, 0.83),
    "heldout105": (8, 0.89, 0.76, 0.87),
    "heldout106": (8, 0.95, 0.94, 0.92),
    "heldout107": (8, 0.98, 0.85, 0.89),
    "heldout108": (8, 0.97, 0.98, 0.93),
    "heldout109": (8, 0.95, 0.78, 0.93),
    "heldout110": (8, 0.91, 0.79, 0.87),
    "heldout111": (8, 0.86, 0.68, 0.73),
    "heldout112": (8, 0.87, 0.76, 0.87),
    "heldout113": (8, 0.86, 0.72, 0.74),
    "heldout114": (8, 0.90, 0.83, 0.89),
    "heldout115": (8, 0.87, 0.85, 0.85),
    "heldout116": (8, 0.91, 0.85, 0.75),
    "heldout117": (8, 0.92, 0.85, 0.89),
    "heldout118": (8, 0.95, 0.89, 0.89),
    "heldout119": (8, 0.95, 0.87, 0.96),
    "heldout120": (8, 0.97, 0.87, 0.85),
    "heldout121": (8, 0.84, 0.75, 0.77),
    "heldout122": (8, 0.86, 0.76, 0.76),
    "heldout123": (8, 0.96, 0.87, 0.95),
    "heldout124": (8, 0.87, 0.80, 0.78),
    "heldout125": (8, 0.92, 0.80, 0.89),
    "heldout126": (8, 0.96, 0.82, 0.82),
    "heldout127": (8, 0.95, 0.78, 0.91),
    "heldout128": (8, 0.93, 0.87, 0.93),
    "heldout129": (8, 0.93, 0.84, 0.93),
    "heldout130": (8, 0.83, 0.80, 0.80),
    "heldout131": (8, 0.97, 0.91, 0.98),
    "heldout132": (8, 0.86, 0.85, 0.89),
    "heldout133": (8, 0.94, 0.87, 0.91),
    "heldout134": (8, 0.95, 0.87, 0.94),
    "heldout135": (8, 0.92, 0.87, 0.83),
    "heldout136": (8, 0.98, 0.87, 0.91),
    "heldout137": (8, 0.97, 0.95, 0.95),
    "heldout138": (8, 0.96, 0.76, 0.95),
    "heldout139": (8, 0.96, 0.76, 0.95),
    "heldout140": (8, 0.95, 0.91, 0.89),
    "heldout141": (8, 0.91, 0.89, 0.92),
    "heldout142": (8, 0.93, 0.83, 0.87),
    "heldout143": (8, 0.90, 0.83, 0.93),
    "heldout144": (8, 0.97, 0.87, 0.96),
    "heldout145": (8, 0.97, 0.91, 0.95),
    "heldout146": (8, 0.95, 0.93, 0.95),
    "heldout147": (8, 0.92, 0.85, 0.89),
    "heldout148": (8, 0.89, 0.85, 0.83),
    "heldout149": (8, 0.90, 0.85, 0.85),
    "heldout150": (8, 0.94, 0.85, 0.85),
    "heldout151": (8, 0.95, 0.83, 0.85),
    "heldout152": (8, 0.98, 0.87, 0.91),
    "heldout153": (8, 0.92, 0.81, 0.92),
    "heldout154": (8, 0.98, 0.94, 0.96),
    "heldout155": (8, 0.96, 0.91, 0.95),
    "heldout156": (8, 0.95, 0.87, 0.91),
    "heldout157": (8, 0.94, 0.87, 0.95),
    "heldout158": (8, 0.83, 0.76, 0.78),
    "heldout159": (8, 0.85, 0.87, 0.89),
    "heldout160": (8, 0.93, 0.89, 0.93),
    "heldout161": (8, 0.91, 0.89, 0.95),
    "heldout162": (8, 0.93, 0.81, 0.91),
    "heldout163": (8, 0.96, 0.83, 0.94),
    "heldout164": (8, 0.88, 0.79, 0.87),
    "heldout165": (8, 0.90, 0.76, 0.87),
    "heldout166": (8, 0.92, 0.82, 0.90),
    "heldout167": (8, 0.97, 0.90, 0.98),
    "heldout168": (8, 0.92, 0.85, 0.87),
    "heldout169": (8, 0.98, 0.86, 0.96),
    "heldout170": (8, 0.91, 0.89, 0.89),
    "heldout171": (8, 0.98, 0.91, 0.95),
    "heldout172": (8, 0.94, 0.94, 0.94),
    "heldout173": (8, 0.98, 0.96, 0.96),
    "heldout174": (8, 0.66, 0.54, 0.62),
    "heldout175": (8, 0.80, 0.61, 0.71),
    "heldout176": (8, 0.77, 0.68, 0.71),
    "heldout177": (8, 0.82, 0.75, 0.79),
    "heldout178": (8, 0.75, 0.59, 0.69),
    "heldout179": (8, 0.86, 0.60, 0.82),
    "heldout180": (8, 0.95, 0.79, 0.96),
    "heldout181": (8, 0.98, 0.83, 0.92),
    "heldout182": (8, 0.96, 0.85, 0.95),
    "heldout183": (8, 0.95, 0.74, 0.87),
    "heldout184": (8, 0.93, 0.81, 0.87),
    "heldout185": (8, 0.90, 0.73, 0.86),
    "heldout186": (8, 0.91, 0.78, 0.87),
    "heldout187": (8, 0.84, 0.75, 0.79),
    "heldout188": (8, 0.94, 0.87, 0.86),
    "heldout189": (8, 0.91, 0.83, 0.91),
    "heldout190": (8, 0.94, 0.85, 0.91),
    "heldout191": (8, 0.82, 0.72, 0.80),
    "heldout192": (8, 0.96, 0.89, 0.89),
    "heldout193": (8, 0.86, 0.82, 0.82),
    "heldout194": (8, 0.89, 0.79, 0.85),
    "heldout195": (8, 0.97, 0.87, 0.95),
    "heldout196": (8, 0.93, 0.80, 0.91),
    "heldout197": (8, 0.82, 0.68, 0.80),
    "heldout198": (8, 0.93, 0.86, 0.92),
    "heldout199": (8, 0.90, 0.87, 0.87),
    "heldout200": (8, 0.93, 0.85, 0.94),
    "heldout201": (8, 0.75, 0.70, 0.72),
    "heldout202": (8, 0.94, 0.88, 0.86),
    "heldout203": (8, 0.87, 0.86, 0.87),
    "heldout204": (8, 0.94, 0.87, 0.91),
    "heldout205": (8, 0.93, 0.84, 0.89),
    "heldout206": (8, 0.89, 0.78, 0.87),
    "heldout207": (8, 0.83, 0.74, 0.78),
}


@pytest.mark.parametrize("folder", sorted(REGRESSION_FLOORS))
def test_blind_sets_meet_their_regression_floors(folder: str) -> None:
    import yaml
    from pagesim.score import combine as combine_whole
    from pagesim.score import score_page

    pages, f1, headline, byline = REGRESSION_FLOORS[folder]
    results = []
    for key_path in sorted((Path(__file__).parent / folder).glob("*.yaml")):
        key = yaml.safe_load(key_path.read_text(encoding="utf-8"))["articles"]
        text = key_path.with_suffix(".txt").read_text(encoding="utf-8")
        results.append(score_page([a.to_json() for a in segment(text).articles], key))
    pooled = combine_whole(results)
    assert len(results) == pages
    assert pooled["f1"] >= f1, pooled
    assert pooled["headline_accuracy"] >= headline, pooled
    assert pooled["byline_accuracy"] >= byline, pooled


# ── invisible characters ─────────────────────────────────────────────────────────────


def with_invisible(text: str) -> str:
    """HEADLINE_AFTER_BODY-style page with bidi controls and zero-width characters in its
    byline, body and headline (as copy-paste from web pages leaves them)."""
    return (text.replace("记者 李四", "记者 李\u200b四")
            .replace("记者从市交通运输局", "记者从市交通\ufeff运输局\u200e")
            .replace("三百公里，", "三百\u200d公里，\u2066\u2069")
            .replace("农村公路建设提速", "农村公路\u202e建设提速\u202c"))


def test_invisible_characters_are_removed_and_reported() -> None:
    dirty = with_invisible(HEADLINE_AFTER_BODY)
    assert dirty != HEADLINE_AFTER_BODY
    page, clean = segment(dirty), segment(HEADLINE_AFTER_BODY)
    assert [a.to_json() for a in page.articles] == [a.to_json() for a in clean.articles]
    assert page.noise == clean.noise
    first = page.articles[0]
    assert first.byline == "本报讯（记者 李四）"
    assert first.title == "农村公路建设提速 城乡出行更加便捷"
    assert first.body.startswith("3月8日，记者从市交通运输局获悉，今年我市计划新建和改造农村公路")
    lines = dirty.split("\n")
    byline_line = line_of(dirty, "李\u200b四")
    title_line = line_of(dirty, "农村公路\u202e")
    assert page.warnings == [
        f"line {byline_line}: removed 1 invisible character (U+200B ZERO WIDTH SPACE); "
        "check the text around them",
        f"line {byline_line + 1}: removed 2 invisible characters (U+FEFF ZERO WIDTH NO-BREAK "
        "SPACE, U+200E LEFT-TO-RIGHT MARK); check the text around them",
        f"line {byline_line + 2}: removed 3 invisible characters (U+200D ZERO WIDTH JOINER, "
        "U+2066 LEFT-TO-RIGHT ISOLATE, U+2069 POP DIRECTIONAL ISOLATE); check the text "
        "around them",
        f"line {title_line}: removed 2 invisible characters (U+202E RIGHT-TO-LEFT OVERRIDE, "
        "U+202C POP DIRECTIONAL FORMATTING); check the text around them",
    ], page.warnings
    assert "\u202e" in lines[title_line - 1]
    accounted(dirty, page)


def test_invisible_and_broken_character_warnings_come_in_line_order() -> None:
    text = "第一行\ufffd\n第二行\u200b\n第三行\x07\n"
    assert [w.split(":")[0].split(",")[0] for w in segment(text).warnings] == [
        "line 1", "line 2", "line 3"]


def test_invisible_characters_on_many_lines_are_summed_up() -> None:
    text = "\n".join(f"第{i}行正文\u200b内容，" for i in range(1, 101))
    warnings = segment(text).warnings
    assert len(warnings) == 21
    assert warnings[0].startswith("line 1: removed 1 invisible character (U+200B")
    assert warnings[-1] == ("lines 21-100: removed 80 more invisible characters on 80 more "
                            "lines (U+200B ZERO WIDTH SPACE); check the text around them")


def test_invisible_characters_do_not_hide_markdown_headings() -> None:
    text = ("\u200b# 第一个标题\n正文第一段内容写在这里。\n"
            "\ufeff# 第二个标题\n正文第二段内容写在这里。\n")
    page = segment(text)
    assert [a.title for a in page.articles] == ["第一个标题", "第二个标题"]


# ── pathological pages: segmentation stays linear and loses nothing ───────────────────

PHRASE = "前三名的乡"
CJK_SAMPLE = "前三名的乡镇街道市县区人民政府工作会议报告记者新闻发展建设经济社会文化教育"


def mixed_line(rnd: random.Random, length: int) -> str:
    alphabet = CJK_SAMPLE * 3 + "，。、；：？！“”（）《》—…·" + "0123456789" + "  "
    return "".join(rnd.choice(alphabet) for _ in range(length))


def lines_page(make, size: int) -> str:
    """Lines from make() until the page holds `size` characters."""
    lines, total = [], 0
    while total < size:
        line = make()
        lines.append(line)
        total += len(line) + 1
    return "\n".join(lines)


def pathological(family: str, size: int) -> str:
    """A page of about `size` characters in one of the shapes that used to be slow."""
    rnd = random.Random(f"{family}:{size}")
    if family == "punctuation line":
        return "（（（（））））。。。" * (size // 10)
    if family == "phrase line":
        return PHRASE * (size // 5)
    if family == "spaced phrase line":
        return (PHRASE + " ") * (size // 6)
    if family == "letter-spaced line":
        return " ".join(PHRASE) * (size // 9)
    if family == "doubled characters line":
        return "".join(rnd.choice(CJK_SAMPLE) * 2 for _ in range(size // 2))
    if family == "mixed line":
        return mixed_line(rnd, size)
    if family == "mixed lines":
        return lines_page(lambda: mixed_line(rnd, rnd.randint(0, 80)), size)
    if family == "doubled mixed lines":
        return lines_page(lambda: "".join(c * 2 for c in mixed_line(rnd, rnd.randint(0, 40))),
                          size)
    if family == "periodic lines":
        return lines_page(lambda: rnd.choice(CJK_SAMPLE) * (2 * rnd.randint(3, 100)) + "甲甲",
                          size)
    if family == "short lines":
        return lines_page(lambda: mixed_line(rnd, rnd.randint(0, 3)), size)
    if family == "column breaks in one sentence":
        return lines_page(lambda: "".join(rnd.choices(CJK_SAMPLE, k=14)) + "，\n", size)
    if family == "headlines inside one sentence":
        return "# 开头\n# 第二\n" + lines_page(
            lambda: f"# 标题{rnd.choice(CJK_SAMPLE)}\n{''.join(rnd.choices(CJK_SAMPLE, k=40))}",
            size)
    if family == "markdown headings only":
        return lines_page(lambda: f"# 标题{rnd.choice(CJK_SAMPLE)}", size)
    if family == "bold lines only":
        return "# 开头\n# 第二\n" + lines_page(lambda: f"**加粗{rnd.choice(CJK_SAMPLE)}**", size)
    if family == "headlines with subtitles":
        return lines_page(lambda: f"{''.join(rnd.choices(CJK_SAMPLE, k=8))}\n——副题\n\n"
                                  f"{''.join(rnd.choices(CJK_SAMPLE, k=30))}。\n", size)
    raise ValueError(family)


PATHOLOGICAL = [
    "punctuation line", "phrase line", "spaced phrase line", "letter-spaced line",
    "doubled characters line", "mixed line", "mixed lines", "doubled mixed lines",
    "periodic lines", "short lines", "column breaks in one sentence",
    "headlines inside one sentence", "headlines with subtitles", "markdown headings only",
    "bold lines only",
]


def test_simulated_pages_lose_no_text() -> None:
    # Every character of a hundred simulated pages (furniture, captions, tables,
    # notices, jumps, fake bold…) ends up in an article field or in reported noise.
    from pagesim import make_page

    for seed in range(100):
        text = make_page(seed).text
        accounted(text, segment(text))


@pytest.mark.parametrize("family", PATHOLOGICAL)
def test_pathological_page_loses_no_text(family: str) -> None:
    text = pathological(family, 20_000)  # 60 KB of UTF-8 on one line for the line families
    accounted(text, segment(text))


@pytest.mark.parametrize("family", PATHOLOGICAL)
def test_segmentation_work_grows_linearly_with_page_size(family: str) -> None:
    # Linear work makes the count about 4x for a 4x larger page; quadratic work, 16x.
    small = calls_made(segment, pathological(family, 2_000))
    large = calls_made(segment, pathological(family, 8_000))
    assert large <= 6 * small, (family, small, large)


def test_page_at_the_size_limit_is_segmented() -> None:
    rnd = random.Random(5)
    text = lines_page(lambda: mixed_line(rnd, rnd.randint(0, 120)), MAX_PAGE_BYTES // 3)
    assert len(text.encode()) >= MAX_PAGE_BYTES * 0.9
    page = segment(text)
    assert sum(len(a.body) for a in page.articles) > MAX_PAGE_BYTES // 6


def test_headlines_inside_one_sentence_are_joined_into_it() -> None:
    # Lines longer than a headline: a short unfinished line right above "# …" is its kicker.
    parts = [f"第{i:03}部分的句子还没有写完，并且一直继续到下一个标题之后，接着往下写的文字"
             for i in range(300)]
    text = "# 开头\n\n" + "\n# 插入的标题\n".join(parts) + "。\n"
    [article] = segment(text).articles
    assert article.paragraphs == ["".join(parts) + "。"]


def test_sentence_broken_over_many_column_breaks_is_one_paragraph() -> None:
    parts = [f"这一段文字在第{i:03}栏之后继续，" for i in range(500)]
    text = "本报讯 " + "\n\n".join(parts) + "\n全文完。\n"
    [article] = segment(text).articles
    assert article.paragraphs == ["".join(parts) + "全文完。"]


def reference_ends_sentence(text: str) -> bool:
    """ends_sentence as first written: reading the whole text."""
    stripped = text.rstrip("”’」』）)】 ")
    if not stripped or not text.rstrip():
        return False
    if stripped != text.rstrip() and stripped[-1] in TERMINAL:
        return True
    return text.rstrip()[-1] in TERMINAL


def test_ends_sentence_reads_only_the_end_of_long_text() -> None:
    rnd = random.Random(2)
    closers = "”’」』）)】 \t\u3000"
    alphabet = closers + "。！？!?…；;中a，"
    for _ in range(5000):
        text = "".join(rnd.choice(closers if rnd.random() < 0.7 else alphabet)
                       for _ in range(rnd.randint(0, 90)))
        more = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 5)))
        assert ends_sentence(text) == reference_ends_sentence(text), repr(text)
        assert ends_sentence(sentence_tail(text) + more) == reference_ends_sentence(text + more)
        assert len(sentence_tail(text)) <= 3


def test_a_kicker_set_right_over_its_title_in_one_block() -> None:
    # No blank line between 引题 and 主题: a clause ending in 强调, or a short lead-in well
    # shorter than the title, is the kicker; two decks of like length are one title. (A
    # kicker as long as its title, 30所学校1800余名运动员同场竞技 / 全市中小学生秋季运动会
    # 下周开幕, reads as one title wrapped over two lines: blind sets print that more often.)
    for kicker, title in (("严华涛在调研卫生健康工作时强调", "健康知识进社区"),
                          ("今年前5个月", "我市选手在全省比赛中获佳绩"),
                          ("产地直发 冷链护航", "烟台大樱桃坐上冷链专列"),
                          ("连晴一周后，宁波人又要翻出厚外套了", "冷空气周四到货"),
                          ("“智改数转”再提速", "我市新增12家省级智能制造示范工厂")):
        body = ("本报讯（记者 王立）3月1日，城东区召开专题会议，研究部署下一阶段重点工作。"
                "会议要求，各部门要压实责任、细化措施，确保各项任务按时完成。")
        text = f"{kicker}\n{title}\n\n" + "\n".join(body[i:i + 20] for i in range(0, 80, 20))
        more = body[10:] * 3  # the column's width shows on a page of some length
        text += "\n" + "\n".join(column(more, 20))
        article = segment(text).articles[0]
        assert (article.kicker, article.title) == (kicker, title)
    two_decks = segment("做好防汛准备\n确保群众安全\n\n"
                        + "\n".join(body[i:i + 16] for i in range(0, 80, 16))).articles[0]
    assert (two_decks.kicker, two_decks.title) == (None, "做好防汛准备确保群众安全")
    # A line ending on a verb that wants its object (开出) runs on into the next.
    quoted = segment("柏川街道开出\n“社区夜校”首批课程\n\n"
                     + "\n".join(body[i:i + 16] for i in range(0, 80, 16))).articles[0]
    assert (quoted.kicker, quoted.title) == (None, "柏川街道开出“社区夜校”首批课程")


@pytest.mark.parametrize(("label", "title", "comment", "width"), [
    # the title fills the column and no blank line parts it from the text
    ("鹤城时评", "把冰雪“冷资源”变成“热经济”",
     "冰雪是北方的独特资源。过去，漫长的冬季意味着猫冬；如今，冰雪嘉年华让冬天热闹了起来。", 15),
    # …and it may hold a comma
    ("北青快评", "老楼改造，要改在居民心坎上",
     "老楼改造是民生工程，也是“绣花功夫”。改什么、怎么改，最好都先问一问住在楼里的人。", 13),
])
def test_a_column_name_over_its_piece_s_title(label: str, title: str, comment: str,
                                               width: int) -> None:
    # 鹤城时评, 北青快评 name an opinion column: the line under the name is the piece's
    # title, not the first line of its text.
    story = ("本报讯（记者 王立）3月1日，城东区召开专题会议，研究部署下一阶段重点工作。"
             "会议要求，各部门要压实责任、细化措施，确保各项任务按时完成。")
    text = "\n".join(["城东区部署下一阶段工作", "", *column(story, width), "",
                      label, title, *column(comment, width), "■ 周 凯"])
    page = segment(text)
    accounted(text, page)
    last = page.articles[-1]
    assert (last.kicker, last.title) == (label, title)
    assert last.paragraphs[0] == comment


def test_a_photo_group_under_a_story_that_credits_words_and_pictures() -> None:
    # 记者 X 文/摄 under a title credits a story, not a caption; the numbered captions
    # under the next headline make it a photo group's title, not the story's subhead.
    story = ("每天早上8点，桂岙村的“共享厨房”就忙开了。几位阿姨洗菜、切菜、掌勺，11点前，"
             "60多份午餐装进保温箱，由志愿者送到高龄老人的家中。")
    text = "\n".join([
        "一间厨房 暖了一村老人", "——桂岙村“共享厨房”两年送餐4万多份", "记者 沈 岚 文/摄",
        *column(story, 22), "一群人的坚持",
        *column("送餐的志愿者分成6个小组轮流值班，从没断过一天。", 22),
        "", "春 分 时 节 农 事 忙", "图 1 ：春分前后，梅岙镇的农户在田间移栽早稻秧", "苗。",
        "图 2 ：桂岙村的果农为桃树疏花，确保今年果子个", "头大、品质好。", "（柯 文/文 郑 望/摄）"])
    page = segment(text)
    accounted(text, page)
    story_, photos = page.articles
    assert (story_.title, story_.byline) == ("一间厨房 暖了一村老人", "记者沈岚文/摄")
    assert story_.kind == "news"
    assert (photos.title, photos.byline) == ("春分时节农事忙", "柯文/文 郑望/摄")
    assert photos.paragraphs[0].startswith("图1：春分前后")


def test_a_headline_group_wrapped_on_a_particle_after_a_signed_piece() -> None:
    # A page that prints headlines under their text: the commentary's column name and its
    # title, wrapped after 的 in a narrow column, stand under its signature.
    story = ("一间小小的驿站，暖的是户外劳动者的身，更是整座城市的心。"
             "把服务做到家门口，城市的温度就会高一些。")
    text = "\n".join([*column(story, 11), "■ 北 辰", "晚报快评", "小驿站里的", "大温度", ""])
    page = segment(text)
    accounted(text, page)
    [piece] = page.articles
    assert (piece.kicker, piece.title, piece.byline) == ("晚报快评", "小驿站里的大温度", "北辰")


def test_a_writer_s_name_after_a_dash_under_the_text_signs_it() -> None:
    # ——海风 under the last sentence is the commentary's writer, not a subtitle that
    # would take the column's name and the title under it along.
    story = "订单是契约，双方都得守。企业按约收购，农民按标准种植，这份“定心丸”才能年年都有。"
    text = "\n".join([*column(story, 10), "——海风", "湖畔短评", "订单种植要守住“契约”", ""])
    page = segment(text)
    accounted(text, page)
    [piece] = page.articles
    assert (piece.kicker, piece.title, piece.byline) == ("湖畔短评", "订单种植要守住“契约”", "海风")


def test_a_line_that_ends_on_a_whole_telephone_number_ends_its_paragraph() -> None:
    # No sentence stops so, but nothing after a blank goes on from it either.
    text = "\n".join(["县林草局提醒，进入防火期后严禁野外用火，", "发现火情请及时报告。",
                      "值班电话：0896-3826119", "", "近日，德曲乡组织兽医人员分5个小组进村",
                      "入户，为牲畜注射疫苗。"])
    [article] = segment(text).articles
    assert article.paragraphs[-2:] == ["值班电话：0896-3826119",
                                       "近日，德曲乡组织兽医人员分5个小组进村入户，为牲畜注射疫苗。"]


def test_a_table_s_telephone_line_ends_it_and_a_seller_s_box_is_noise() -> None:
    # 值班电话：… under a table ends it: the commentary after the blank does not run on
    # from it; 团购热线：… closes an advertisement's box, which is no article.
    comment = ("一座电站，点亮的是牧民的家，带动的是一个乡的发展。"
               "用好富余电量带来的收益，电站才能成为“致富站”。")
    text = "\n".join([
        "星湖县春季草原防火值班安排", "日期　　值班单位　　带班领导",
        "3月18日—24日　德曲乡　　尼玛次仁", "3月25日—31日　县林草局　李建华",
        "值班电话：0896-3826119", "",
        "羌塘论坛", "让电站成为“致富站”", "■ 旺 堆", *column(comment, 18),
        "（作者单位：星湖县委党校）", "",
        "羌塘酥油茶 纯正高原味", "团购热线：0896-3821888"])
    page = segment(text)
    accounted(text, page)
    table, piece = page.articles
    assert (table.kind, table.title) == ("table", "星湖县春季草原防火值班安排")
    assert table.paragraphs[-1] == "值班电话：0896-3826119"
    assert (piece.kicker, piece.title) == ("羌塘论坛", "让电站成为“致富站”")
    assert piece.paragraphs[-1].endswith("“致富站”。")
    assert [n.reason for n in page.noise] == ["author's unit", "advertisement", "advertisement"]


def test_a_web_page_s_list_of_titles_with_a_label_before_a_bar() -> None:
    # The page lists its titles on top, two of them under one label (一周点击 | …); over
    # each article the label and the title stand together again. The list and the site's
    # links are furniture; the label is each piece's kicker, and the second piece is no
    # subhead of the first.
    first = ("上周末，我带着上小学的儿子回枣林村老家，帮着父亲给菜地翻土。"
             "儿子扛着小锄头干了不到半小时，手上就磨出了一个水泡。")
    second = ("孩子的作业，本该由孩子完成。可如今不少作业要家长拍照上传、签字打卡。"
              "（鹰城网友 晓风）")
    third = ("湖滨路公园的南门广场，一到周末就停满了私家车，散步的老人只能在车缝里穿行。"
             "（读者 周建平）")
    text = "\n".join([
        "是时候给孩子补补劳动课了", "一周点击 | 少些“作业家长”", "一周点击 | 公园不是停车场",
        "版面导航", "平顶山新闻网    平顶山日报   平顶山晚报",
        "下一篇4 2026年3月12日 放大 缩小 默认", "",
        "是时候给孩子补补劳动课了", "", "苗 青 （龙泉县）", "", first, "",
        "一周点击 | 少些“作业家长”", "", second, "", "一周点击 | 公园不是停车场", "", third])
    page = segment(text)
    accounted(text, page)
    assert [(a.kicker, a.title) for a in page.articles] == [
        (None, "是时候给孩子补补劳动课了"), ("一周点击", "少些“作业家长”"),
        ("一周点击", "公园不是停车场")]
    assert sum(n.reason == "index of other pages" for n in page.noise) == 5


def test_a_table_under_its_title_then_a_commentary_printed_over_its_own_title() -> None:
    # A header of long cells is the table's first row, not its title's second line; the
    # commentary after the table and its note, on a page that prints headlines under their
    # text, is a piece of its own, not more of the table.
    comment = ("在戈壁上种活一棵树，要比别处多浇几遍水、多扎几层草方格。生态保护没有捷径可走，"
               "把“种得活”变成“管得好”，绿色版图才能越铺越宽。")
    text = "\n".join([
        "1—5月全州重点项目建设进展",
        "项目类别　　计划投资（亿元）　　完成投资（亿元）　　完成率",
        "新能源　　186.0　　92.3　　49.6%", "盐湖化工　　64.5　　30.1　　46.7%",
        "交通水利　　41.2　　17.8　　43.2%", "注：统计范围为州级重点项目，数据截至5月31日。", "",
        *column(comment, 25), "■ 青 禾", "柴达木时评", "一棵树背后的“柴达木精神”", ""])
    page = segment(text)
    accounted(text, page)
    table, piece = page.articles
    assert (table.kind, table.title) == ("table", "1—5月全州重点项目建设进展")
    assert table.paragraphs[0].startswith("项目类别")
    assert (piece.kicker, piece.title, piece.byline) == (
        "柴达木时评", "一棵树背后的“柴达木精神”", "青禾")


def test_rows_amid_a_story_s_text_are_the_story_s() -> None:
    story = "本报讯（记者 姜勇）近日，全市社区文艺汇演结果揭晓，前三名的单位如下："
    after = "非遗传承人姜勇现场展示剪纸技艺，不一会儿，一幅栩栩如生的作品就完成了。"
    text = "\n".join(["全市社区文艺汇演落幕", *column(story, 16), "桐陵区 91.0分", "樟桥市 87.7分",
                      "荷川县代表队 85.1分", "", *column(after, 16)])
    [article] = segment(text).articles
    assert article.paragraphs[-1].startswith("非遗传承人")


def test_a_caption_and_its_credit_after_a_bulleted_brief_are_a_photo_of_their_own() -> None:
    text = "\n\n".join([
        "●7月8日，蓉州县组织开展河道清洁行动，2038余名志愿者参加。",
        "7月9日，榆陵第一高级中学的学生在老师指导下体验传统手工艺制作。",
        "本报记者 龙兰志 摄"])
    brief, photo = segment(text).articles
    assert (brief.kind, photo.kind, photo.byline) == ("brief", "photo", "本报记者 龙兰志 摄")
    assert photo.paragraphs == ["7月9日，榆陵第一高级中学的学生在老师指导下体验传统手工艺制作。"]


def test_a_short_title_under_its_text_over_bulleted_briefs_is_no_column_label() -> None:
    # Set right under the text, a blank line between it and the ▲ items: the text's title.
    story = ("据新华社电 近日，有关部门发布提示，市民在郊游踏青时不要携带火种进入林区，"
             "不在林区野炊、烧烤，发现火情应第一时间拨打119报警。")
    brief = "▲4月14日晚，青枫区一辆电动自行车充电时起火，消防员及时赶到将火扑灭。(记者 许诺)"
    text = "\n".join([*column(story, 22), "春季郊游谨防野外火情", "", *column(brief, 22)])
    page = segment(text)
    accounted(text, page)
    assert [a.title for a in page.articles] == ["春季郊游谨防野外火情", None]


def test_a_campaign_s_kicker_under_the_paper_s_latin_banner_is_no_section_name() -> None:
    # 民生实事进行时 under NANHU EVENING NEWS is the first story's kicker, not the section.
    story = "本报讯（记者 沈悦）昨天中午11点，荷池街道秀禾社区“邻里食堂”的取餐台前排起了队。"
    text = "\n".join(["NANHU EVENING NEWS", "", "民生实事进行时", "菱塘区荷池街道“邻里食堂”",
                      "开到小区门口", *column(story, 14)])
    page = segment(text)
    accounted(text, page)
    first = page.articles[0]
    assert (first.kicker, first.title) == ("民生实事进行时", "菱塘区荷池街道“邻里食堂”开到小区门口")


def test_a_title_set_right_above_a_sentence_that_opens_with_its_date() -> None:
    # No sentence runs on into "3月10日，…": the unpunctuated line above it is a headline,
    # even one nearly as wide as the column, though no blank line parts the two.
    first = ("本报讯（记者 李春花）记者日前从州图书馆获悉，该馆今年起开设朝汉双语亲子阅读课，"
             "每周六上午在少儿阅览室举办。首期课程吸引了40多组家庭参加。")
    second = ("3月10日，延吉市春季人才招聘会在市人力资源市场举行，120余家企业提供就业岗位3200"
              "余个，当天有1900多人达成初步就业意向。（记者 南 松）")
    text = "\n".join(["州图书馆开设亲子阅读课", *column(first, 16), "",
                      "春季招聘会提供岗位3200余个", *column(second, 16)])
    page = segment(text)
    accounted(text, page)
    assert [a.title for a in page.articles] == [
        "州图书馆开设亲子阅读课", "春季招聘会提供岗位3200余个"]


def test_a_bulleted_line_alone_is_the_brief_s_title() -> None:
    briefs = ("● 市区三座公园延长夜间开放时间\n\n"
              "即日起至10月底，市区三座公园每天开放时间延长至22时。（杨思远）\n\n"
              "● 城际列车加密班次\n\n"
              "5月15日起，城际列车由每天14对增至18对。（戴晓晴）")
    for text in (briefs, "# 本地简讯\n\n" + briefs):  # a column dump, a Markdown-like one
        page = segment(text)
        assert [(a.title, a.byline) for a in page.articles] == [
            ("市区三座公园延长夜间开放时间", "杨思远"), ("城际列车加密班次", "戴晓晴")]
    # A bulleted brief's first line that runs on is its text, not a title.
    column = "●眼下正值玉米管护关键\n期，杞湾镇组织农技人员深\n入田间地头开展技术指导。（钱秀勇）"
    [brief] = segment(column).articles
    assert brief.title is None and brief.body.startswith("眼下正值玉米管护关键期")


def test_a_bulleted_title_as_wide_as_its_column_over_a_time_clause() -> None:
    # ◎ opens a brief as ● does; a line opening 寒假期间，… or 正月里，… starts a sentence,
    # so the bulleted line above it, however wide, is the brief's title.
    text = "\n".join([
        "鹤城简讯",
        "◎雪柳街道开展“送福进万家”活动", "正月里，雪柳街道组织书法志愿",
        "者走进12个小区，为居民义写春", "联、福字2000余幅。（记者 王 聪）",
        "◎市图书馆寒假接待读者12万人次", "寒假期间，市图书馆共接待读者",
        "12万人次，举办少儿阅读活动", "46场。（记者 齐 岩）"])
    page = segment(text)
    accounted(text, page)
    assert [(a.title, a.byline) for a in page.articles] == [
        ("雪柳街道开展“送福进万家”活动", "记者 王聪"),
        ("市图书馆寒假接待读者12万人次", "记者 齐岩")]


def test_a_bulleted_title_in_brackets_on_a_line_of_its_own() -> None:
    text = "\n".join(["州内简讯", "▲【城际公交加密班次】", "即日起，城际公交发车间隔由40分",
                      "钟缩短至25分钟。（记者 韩 雪）", "▲【州博物馆推出“正月民俗”特展】",
                      "3月10日起，州博物馆展出民俗实物", "120余件。（记者 李春花）"])
    page = segment(text)
    accounted(text, page)
    assert [a.title for a in page.articles] == ["城际公交加密班次", "州博物馆推出“正月民俗”特展"]


def test_a_bare_news_mark_then_a_signature_is_signed_by_the_signature() -> None:
    text = ("州内简讯\n\n云溪县启动青梅技术培训\n"
            "本报讯 3月12日，云溪县农业农村局组织技术人员深入6个村开展青梅疏果培训。（记者 杨雪）")
    page = segment(text)
    accounted(text, page)
    [brief] = page.articles
    assert (brief.title, brief.byline) == ("云溪县启动青梅技术培训", "记者 杨雪")
    assert brief.body.startswith("本报讯 3月12日")  # the news mark stays with its text


def test_a_news_site_s_pages_run_together_keep_only_their_articles() -> None:
    page_of = ("您的位置：岚州日报新闻网 >> 首页 >> 州内新闻\n\n{title}\n"
               "作者：  来源：岚州日报  时间：2026/03/14 09:20\n\n{text}\n\n"
               "责任编辑：张萌\n【打印本页】 【关闭窗口】\n\n"
               "相关新闻：\n·榆风区老城片区微改造项目启动\n·花甸社区获评州级文明社区\n\n")
    text = (page_of.format(title="花甸社区老院落变身“共享客厅”",
                           text="本报讯（记者 段华）走进花甸社区的一座老院落，几位老人正下棋。")
            + page_of.format(title="月湾湖畔观鸥忙",
                             text="3月13日，市民在月湾湖畔观赏红嘴鸥。\n\n本报记者 李晴 摄")
            + "岚州日报社主办  岚州日报新闻网版权所有\n滇ICP备0000000号")
    page = segment(text)
    accounted(text, page)
    assert [(a.title, a.byline) for a in page.articles] == [
        ("花甸社区老院落变身“共享客厅”", "本报讯（记者 段华）"),
        ("月湾湖畔观鸥忙", "本报记者 李晴 摄")]
    assert {n.reason for n in page.noise} == {"page header", "editors' names", "related links",
                                               "masthead"}


def test_a_caption_ending_in_a_credit_wrapped_onto_the_next_line() -> None:
    # …明显增多。 本报记者 沈 川 / 摄影报道: the credit of a picture story, wrapped.
    text = "\n".join(["春风又绿滨河岸", "3月10日，市民在渭柳路滨河公园放风筝、散",
                      "步。近日气温回升，前来踏青的市民明显增多。 本报记者 沈 川", "摄影报道"])
    page = segment(text)
    accounted(text, page)
    [photo] = page.articles
    assert (photo.kind, photo.title) == ("photo", "春风又绿滨河岸")
    assert photo.byline == "本报记者沈川摄影报道"


def test_briefs_under_a_triangle_signed_with_a_bracket_left_at_a_line_end() -> None:
    text = "\n".join(["咸阳短波", "△塬北区春季义务植树活动日前启动，机关干部、志",
                      "愿者800余人栽植苗木1.2万株。 (记者 韩蕾)",
                      "△第二届“秦腔进社区”展演活动3月9日在槐", "市街道开幕，将巡演120场。 (",
                      "通讯员 魏 宁)"])
    page = segment(text)
    accounted(text, page)
    assert [(a.kind, a.byline) for a in page.articles] == [("brief", "记者 韩蕾"),
                                                            ("brief", "通讯员 魏宁")]


def test_a_headline_under_its_text_over_an_interview_s_first_question() -> None:
    # The line under the story fills the column, but the text after the blank opens with a
    # question (问：…), which no wrapped sentence does: the line is the story's headline.
    story = ("比前年多了3万多元。“以前靠天吃饭，现在是靠数据种地。”他笑着说。塬北区农业农村局"
             "负责人介绍，今年全区将组织技术员对果农开展手机操作培训，让更多果农用得上、用得好。")
    text = "\n".join(["（上接1版）" + story[:10], *column(story[10:], 14),
                      "“智慧果园”让果农心里有了底", "",
                      "问：槐市老街改造为什么坚持“微改", "造”？",
                      "答：老街有200多年历史，大拆大建", "容易，但老街的味道就没了。",
                      "本报记者 韩 蕾", "对话基层", "让老街区留住烟火气"])
    page = segment(text)
    accounted(text, page)
    assert [a.title for a in page.articles] == ["“智慧果园”让果农心里有了底", "让老街区留住烟火气"]
    assert page.articles[1].kicker == "对话基层"  # 对话 is a word, not 对 opening a clause


def test_teasers_under_a_site_s_recommendations_are_no_briefs() -> None:
    text = ("荔溪镇23株老荔枝树挂牌保护\n\n"
            "本报讯（记者 罗婷）近日，荔溪镇对23株老荔枝树进行挂牌保护。\n\n新闻推荐\n"
            "◎本报记者 罗婷 今年以来，糟坊街社区通过“居民点单”的方式，把服务送到了...\n"
            "·沱湾区新增3处口袋公园")
    page = segment(text)
    accounted(text, page)
    assert [a.title for a in page.articles] == ["荔溪镇23株老荔枝树挂牌保护"]
    assert [n.reason for n in page.noise] == ["related links"] * 3


def test_a_village_s_name_and_a_colon_open_a_title_as_wide_as_the_column() -> None:
    lead = ("邵阳日报讯 (记者 曾 晓 通讯员 罗衡)3月12日，宝湖区雁塘街道桐岭村的千亩油菜田里，两台"
            "植保无人机在田块上空来回穿梭，不到半天就完成了300多亩油菜的追肥作业。")
    text = "\n".join(["抢抓农时 不误春耕", "桐岭村：“共享农机”开进千亩油菜田", *column(lead, 17)])
    page = segment(text)
    accounted(text, page)
    [story] = page.articles
    assert (story.kicker, story.title) == ("抢抓农时 不误春耕", "桐岭村：“共享农机”开进千亩油菜田")


def test_a_photo_s_credit_printed_between_its_title_and_its_caption() -> None:
    text = "\n".join(["油茶林里春管忙", "邵阳日报记者 谢 敏 通讯员 杨 柳 摄影报道",
                      "3月11日，青溪县油茶岭村村民在", "油茶林里修枝、除草、施肥。"])
    page = segment(text)
    accounted(text, page)
    [photo] = page.articles
    assert (photo.kind, photo.title) == ("photo", "油茶林里春管忙")
    assert photo.byline.endswith("摄影报道") and photo.body.startswith("3月11日")


def test_a_picture_story_signed_by_its_photographer_stays_whole() -> None:
    text = ("# 一江春水 两岸新绿\n\n![](/szb/b02_01.jpg)\n\n"
            "长江沱湾段护坡上的草皮已经返青。市民在滨江步道上骑行。\n\n"
            "惊蛰过后，两岸草木返青。沿江的护坡、步道和湿地公园里，处处能看到踏青的市民。\n\n"
            "早上沿江跑步，傍晚到滨江路吹风，这是很多人再熟悉不过的日常。\n\n"
            "■本报记者 牟 川 摄影报道\n\n---\n\n# 今年城区老旧小区改造怎么改？\n\n"
            "本报讯（记者 罗婷）今年，城区将改造老旧小区42个。")
    page = segment(text)
    accounted(text, page)
    assert [(a.kind, a.title, len(a.paragraphs)) for a in page.articles] == [
        ("photo", "一江春水 两岸新绿", 3), ("news", "今年城区老旧小区改造怎么改？", 1)]


def test_a_photographer_named_after_the_caption_s_last_sentence() -> None:
    # …麦田管理。摄影 刘 川: the credit glued to the caption; not …。摄影展将持续到月底.
    text = "\n".join(["▲3月3日，樱峪村村民利用水肥一体化设备", "为小麦浇灌返青水。摄影 刘 川", "",
                      "新华社北京3月4日电（记者 胡晓明）记者4日",
                      "从国家有关部门获悉，今年春季农业生产",
                      "各项准备工作进展顺利，农资储备总体充足。"])
    page = segment(text)
    accounted(text, page)
    photo = page.articles[0]
    assert (photo.kind, photo.byline) == ("photo", "摄影刘川")
    assert photo.body == "3月3日，樱峪村村民利用水肥一体化设备为小麦浇灌返青水。"
    text = "\n".join(["“我家的春天”摄影征稿启事", "即日起，本报面向读者征集摄影作品。",
                      "优秀作品将在本报刊登。摄影展将持续到月底"])
    [notice] = segment(text).articles
    assert (notice.kind, notice.byline) == ("notice", None)
    assert notice.body.endswith("摄影展将持续到月底")


def test_a_column_s_label_and_its_editors_note_head_the_piece_under_them() -> None:
    text = ("### 在临沂网评\n\n编者按：“在临沂网评”栏目集纳本市网友的评论作品，欢迎投稿。\n\n"
            "# 给“新农人”多一些耐心\n□高 原\n\n返乡做电商、搞直播，越来越多年轻人回到乡村。\n\n"
            "---\n\n# 计划停电公告\n\n因电力设施检修需要，部分线路将停电检修。")
    page = segment(text)
    accounted(text, page)
    piece = page.articles[0]
    assert (piece.kicker, piece.title) == ("在临沂网评", "给“新农人”多一些耐心")
    assert piece.byline == "高 原"
    assert piece.paragraphs[0].startswith("编者按") and len(page.articles) == 2


def test_a_site_s_digest_with_read_more_links_and_its_article_page() -> None:
    text = "\n".join([
        "# 岚州新闻网", "首页 > 数字报 > 岚州日报 > 第02版：要闻", "", "---", "", "## 速读岚州", "",
        "◎注意！郢华路部分路段夜间封闭施工", "",
        "因雨水管网改造，3月10日起每晚22时至次日6时，郢华路将封闭施工。【阅读详情】", "",
        "◎楚望区新增3所普惠性托育园", "",
        "记者从楚望区卫健局获悉，该区新建的3所普惠性托育园近日开园。【阅读详情】", "", "---", "",
        "# 楚望区“社区夜校”开课", "", "2026-03-09 07:30 来源：岚州日报 责任编辑：黎晓",
        "【字号 大 中 小】【打印】【关闭】", "", "岚州日报全媒体记者 覃 悦", "",
        "3月6日晚7点，楚望区荆桥街道党群服务中心的教室里坐满了学员。"])
    page = segment(text)
    accounted(text, page)
    assert [a.title for a in page.articles] == [
        "注意！郢华路部分路段夜间封闭施工", "楚望区新增3所普惠性托育园", "楚望区“社区夜校”开课"]
    assert not any("阅读详情" in a.body for a in page.articles)
    assert sum(n.reason == "link" for n in page.noise) == 2


def test_an_app_story_opened_by_a_bare_news_mark_and_signed_at_its_end() -> None:
    text = ("掌上岚州\n首页 > 岚州新闻\n\n# 柚香区“春茶开采节”启幕\n\n岚州日报 2026-03-17 08:30\n\n"
            "掌上岚州讯 3月16日，柚香区“春茶开采节”在茶岭镇开幕。\n\n"
            "开采节期间，茶岭镇还将举办茶园徒步等活动。\n\n岚州日报记者：钟晓岚\n编辑：何思敏\n\n"
            "更多岚州新闻，点击关注↓\n\n---\n\n# 客韵路夜市下月开市\n\n"
            "掌上岚州讯（记者 温婷）客韵路夜市将于4月1日重新开市。")
    page = segment(text)
    accounted(text, page)
    assert [(a.title, a.byline) for a in page.articles] == [
        ("柚香区“春茶开采节”启幕", "岚州日报记者：钟晓岚"),
        ("客韵路夜市下月开市", "掌上岚州讯（记者 温婷）")]
    assert page.articles[0].body.startswith("掌上岚州讯 3月16日")


def test_a_bulleted_title_over_its_brief_s_news_mark() -> None:
    text = "\n".join(["雁城快讯", "●听雁湖公园环湖步道完成提质", "本报讯（全媒体记者 唐 韵 通",
                      "讯员 曾一鸣）近日，听雁湖公", "园3.2公里环湖步道完成提质改造。",
                      "●岚江区首批“爱心驿站”挂牌", "本报讯（通讯员 邹小燕）3月10",
                      "日，岚江区首批20个“爱心驿站”挂牌。"])
    page = segment(text)
    accounted(text, page)
    assert [a.title for a in page.articles] == [
        "听雁湖公园环湖步道完成提质", "岚江区首批“爱心驿站”挂牌"]


def test_a_web_page_s_source_and_author_fields() -> None:
    text = ("# 望湖路跨河桥主体完工\n\n来源：岚州日报\n作者：记者 费扬 通讯员 陈立\n\n"
            "近日，望湖路跨河桥主体结构完工，预计5月底通车。\n\n---\n\n# 市民公园新增健身步道\n\n"
            "本报讯（记者 费扬）市民公园新增健身步道1.2公里。")
    page = segment(text)
    accounted(text, page)
    first = page.articles[0]
    assert (first.title, first.byline) == ("望湖路跨河桥主体完工", "记者 费扬 通讯员 陈立")
    assert "来源：岚州日报" in [n.text for n in page.noise]


def test_a_short_title_over_two_lines_right_above_a_dated_caption() -> None:
    text = "\n".join(["单600多单。", "", "油油菜菜花花海海", "迎迎客客来来", "4月6日，游客在汉泽县",
                      "桃溪村油菜花田中游玩。", "该村连片种植油菜3000", "多亩，花期吸引周边游",
                      "客10万余人次。（通讯", "员供图）"])
    page = segment(text)
    accounted(text, page)
    assert page.articles[-1].title == "油菜花海迎客来"


def test_a_short_line_over_full_lines_of_the_column_ends_the_title_above_it() -> None:
    # No paragraph of a hard-wrapped column starts with a short line and goes on: the
    # second short line is the title's, however the sentence under it opens.
    text = "\n".join(["苇塘镇启用", "新式烘干塔。", "", "三县联合开展春季", "农机安全检查",
                      "春耕在即，三县农机部门近日", "联合组织技术人员深入村组，",
                      "对拖拉机、插秧机逐台检修，", "发放安全手册两千余份。"])
    page = segment(text)
    accounted(text, page)
    assert page.articles[-1].title == "三县联合开展春季农机安全检查"
    assert page.articles[-1].paragraphs[0].startswith("春耕在即")


def test_a_photo_s_credit_after_a_bare_news_mark_is_its_byline() -> None:
    text = "\n".join(["柳岸新绿", "本报讯 连日来气温回升，湖滨", "公园的垂柳抽出新芽，不少市民",
                      "前来散步拍照。", "记者 夏禾 文/摄"])
    page = segment(text)
    accounted(text, page)
    photo = page.articles[-1]
    assert (photo.title, photo.byline, photo.kind) == ("柳岸新绿", "记者 夏禾 文/摄", "photo")
    assert photo.paragraphs[0].startswith("本报讯 连日来")


def test_a_photo_s_title_under_its_credit_after_a_titled_story() -> None:
    # The caption is printed after a story that has its headline above it; the photo's
    # title comes under the credit, and the next photo prints its title above.
    text = "\n".join([
        "守林人的冬天", "□记者 周凯", "天还没亮，老葛就把雪地摩托", "推出了院子。林场三万亩山林，",
        "他一个冬天要巡上四十多趟，", "脚下的路都记在心里。", "",
        "2月3日，在白桦县松岭林场，护林", "员骑着雪地摩托巡护林区。本报记", "者李冬摄",
        "雪地巡护", "", "冰灯游园会开幕", "2月2日，在冰湖公园，市民在冰灯", "间拍照留念。",
        "记者 王森 摄"])
    page = segment(text)
    accounted(text, page)
    titles = [(a.title, a.kind) for a in page.articles]
    assert titles == [("守林人的冬天", "news"), ("雪地巡护", "photo"), ("冰灯游园会开幕", "photo")]


def test_a_signature_of_names_spaced_and_solid_wrapped_over_two_lines() -> None:
    # 苏 琪 周雨桐 杨 帆: repaired, the spacing would run the three names together; read
    # as printed they sign the story, and the headline under them is its own.
    text = "\n".join(["3月16日，城北区首批8个", "“口袋公园”改造项目集中", "开工，预计6月底前全部",
                      "完工。（苏 琪 周雨", "桐 杨 帆）", "城北区首批“口袋公园”", "改造项目开工",
                      "", "新华社北京3月16日电 记者", "16日从有关部门获悉，今年",
                      "全国将继续推进老旧管网", "更新改造。", "老旧管网更新改造", "今年继续推进"])
    page = segment(text)
    accounted(text, page)
    first = page.articles[0]
    assert (first.title, first.byline) == ("城北区首批“口袋公园”改造项目开工", "苏琪 周雨桐 杨帆")
    assert page.articles[1].title == "老旧管网更新改造今年继续推进"


@pytest.mark.parametrize(("place", "rest"), [
    ("石桥镇柳湾村", "屋顶光伏全部并网"),
    ("枫林镇卫生院", "开设“夜间门诊”"),  # a clinic, a school, a park, a night market
    ("云岫镇山区学校", "用上“空中课堂”"),
    ("南汀刀剪产业园", "前两月订单同比增长两成"),
    ("古泉街道", "樱花绽放"),
    ("霞湾区村卫生所", "实现远程会诊全覆盖"),
    ("荷溪村樱桃园", "迎来花期五月中旬可以采摘"),
    # …and a line that ends on when (今年, 春季) runs on into what happens then
    ("全国春季", "植树造林有序展开"),
    ("雪松县今年", "新建高标准农田5.2万亩"),
    ("我省启动春季", "森林草原防灭火专项行动"),
])
def test_a_village_over_the_rest_of_its_title_is_no_kicker(place: str, rest: str) -> None:
    # A unit's name may stand over a title as its kicker (长葛市人防办); a village, a
    # community, a school or a clinic is what the title goes on about. A kicker is a
    # phrase of its own.
    story = "本报讯（记者 季安）近日，石桥镇柳湾村的光伏板全部并网，村集体每年可增收6万元。"
    text = "\n".join([place, rest, *column(story, 16)])
    page = segment(text)
    accounted(text, page)
    first = page.articles[0]
    assert (first.kicker, first.title) == (None, place + rest)


def test_a_title_wrapped_after_its_comma_is_one_title() -> None:
    # A clause over a title holds its comma inside (连晴一周后，宁波人…); a first line that
    # ends on the comma is a title wrapped there.
    story = "近日，我市进入回南天，市疾控中心提醒市民，空气潮湿容易让霉菌滋生，要注意通风除湿。"
    text = "\n".join(["回南天来了，", "家里防潮有妙招", "——记者对话市疾控中心医生林晓",
                      "特区报记者 符 丽", *column(story, 20)])
    page = segment(text)
    accounted(text, page)
    assert (page.articles[0].kicker, page.articles[0].title) == (None, "回南天来了，家里防潮有妙招")


def test_a_series_that_goes_to_a_village_is_a_kicker() -> None:
    # 走进海岛村 names a series, though it ends on a village: a kicker over the title.
    story = "本报讯（记者 梁海帆）7月7日上午，鲸湾镇沙螺村的海滩上，20多个孩子跟着教练练习憋气。"
    text = "\n".join(["走进海岛村", "鹭洲岛上的“海上课堂”", *column(story, 20)])
    page = segment(text)
    accounted(text, page)
    first = page.articles[0]
    assert (first.kicker, first.title) == ("走进海岛村", "鹭洲岛上的“海上课堂”")


def test_a_notices_title_wrapped_after_its_关于_is_one_title() -> None:
    notice = "因车城路东段道路施工，自3月20日起，12路公交车临时改道运行，恢复时间另行通知。"
    text = "\n".join(["关于调整城区", "公交12路线路", "走向的公告", *column(notice, 12)])
    [article] = segment(text).articles
    assert (article.kind, article.kicker, article.title) == (
        "notice", None, "关于调整城区公交12路线路走向的公告")


@pytest.mark.parametrize(("lines", "title"), [
    (["麦香街道为63名", "快递小哥建起“暖心驿站”"], "麦香街道为63名快递小哥建起“暖心驿站”"),
    (["我市今年计划", "新建高标准农田32万亩"], "我市今年计划新建高标准农田32万亩"),
    (["春季招聘会持续到", "4月底提供岗位超10万个"], "春季招聘会持续到4月底提供岗位超10万个"),
    (["全市已“点对点”输送", "外出务工人员1.8万余人"], "全市已“点对点”输送外出务工人员1.8万余人"),
    (["春节前全市将办", "60余场招聘会"], "春节前全市将办60余场招聘会"),
])
def test_a_title_wrapped_mid_phrase_after_its_story_is_one_title(lines: list[str],
                                                                  title: str) -> None:
    # The first line ends where the phrase cannot (on a count, a verb wanting its object,
    # a notice's 关于…): no kicker stands over the rest.
    story = "本报讯（记者 季安）近日，各项工作正在有序推进，群众反映良好，相关部门表示将持续跟进。"
    text = "\n".join([*column(story, 12), *lines])
    [article] = segment(text).articles
    assert (article.kicker, article.title) == (None, title)


def test_a_teaser_box_wrapped_without_bullets_and_a_wrapped_footer() -> None:
    text = "\n".join(["本报讯（记者 田志远）近日，车岭区溪源路人",
                      "行天桥加装的2部无障碍电梯投入使用。", "",
                      "今日导读", "菜市场装上", "“公平秤”数据屏", "3版", "",
                      "社址：十堰市车岭区", "溪源路128号", "新闻热线：", "0719-8110110"])
    page = segment(text)
    accounted(text, page)
    assert [a.title for a in page.articles] == [None]
    assert len(page.noise) == 8


def test_a_photo_s_title_printed_under_its_credit() -> None:
    # A page that prints headlines under their text does so for its photos too: the
    # title echoes the caption, not the story under it.
    story = ("“今天摘的这把空心菜，送给楼下的李奶奶。”5月18日，在德山街道樟树社区的共享菜园里，"
             "居民胡晓梅一边采摘，一边和邻居们聊着家常。社区还依托菜园开展自然课堂等活动。")
    text = "\n".join([
        "5月19日，柳湾县丹洲乡", "万亩油菜基地，农机手驾驶", "收割机抢收油菜。", "",
        "融媒体记者 黄 晓 摄", "", "丹洲乡油菜开镰", "",
        *column(story, 12), "",
        "沅北区：共享菜园拉近邻里距离", "文/图 见习记者 覃雅"])
    titles = [(a.kind, a.title) for a in segment(text).articles]
    assert titles == [("photo", "丹洲乡油菜开镰"), ("news", "沅北区：共享菜园拉近邻里距离")]


def test_a_column_s_name_under_the_headline_of_the_story_above() -> None:
    story = ("本报讯（记者 林涛）记者昨日从市公安局交警支队获悉，市区6条主干道上的12条"
             "潮汐车道已于近日正式启用。")
    text = "\n".join([*column(story, 14), "",
                      "市区新增12条潮汐车道", "", "要闻简报", "",
                      "●5月12日，市卫生健康委启动", "海岛义诊活动。（葛蓓）"])
    page = segment(text)
    assert [(a.title, a.byline) for a in page.articles] == [
        ("市区新增12条潮汐车道", "本报讯（记者 林涛）"), (None, "葛蓓")]
    assert [n.text for n in page.noise if n.reason == "column label"] == ["要闻简报"]


def test_a_front_page_masthead_and_an_advert_box_are_furniture() -> None:
    for line in ("中共台州市委机关报 台州日报社出版", "今日8版 第18236期"):
        assert classify(1, line, False).reason == "masthead"
    story = "6月5日起，南充城区至顺溪县的城际公交C8路正式开通运营，全程票价8元。"
    text = "\n".join(["嘉河口腔医院", "夏季种植牙惠民月", "国产种植体 限量100名",
                      "预约热线：0817-2260000", "", "城际公交正式开通", "",
                      *column(story, 14)])
    page = segment(text)
    assert [a.title for a in page.articles] == ["城际公交正式开通"]
    assert len([n for n in page.noise if n.reason == "advertisement"]) == 4


def test_a_headline_printed_right_under_its_story_without_a_blank_line() -> None:
    story = ("中央气象台17日发布消息，6月19日至22日，华北、黄淮等地将出现今年首轮大范围高温天气。"
             "气象专家提醒，高温时段应尽量减少户外活动。")
    text = "\n".join([*column(story, 17),
                      "我国北方多地将迎今年首轮高温天气", "", "扫一扫 关注某某晚报微信公众号"])
    [article] = segment(text).articles
    assert article.title == "我国北方多地将迎今年首轮高温天气"
    assert article.body.endswith("减少户外活动。")
    # A line cut off at the column's end, or one that opens a quotation, runs on.
    body = "\n".join(column(story, 17))  # …户外活动。
    for head, tail in (("该工程全长三十九公里按照城市主干路", "标准建设，双向六车道。"),
                       ("演出在歌舞《幸福家", "园》中拉开帷幕，节目轮番登场。")):
        page = segment(f"{body}\n{head}\n\n{tail}")
        assert [a.title for a in page.articles] == [None], head


def test_briefs_with_their_titles_in_square_brackets() -> None:
    text = "\n".join([
        "城事速递", "【烟台港新增两条外贸集装箱航线】近", "日，烟台港开通至越南海防的外贸",
        "集装箱航线。（王 珊）", "【市图书馆夜读空间延时至22时】",
        "6月20日起，市图书馆一楼夜读空间开", "放时间延长至每晚22时。（姜 悦）"])
    page = segment(text)
    assert [(a.kind, a.title, a.byline) for a in page.articles] == [
        ("brief", "烟台港新增两条外贸集装箱航线", "王珊"),
        ("brief", "市图书馆夜读空间延时至22时", "姜悦")]
    assert page.articles[0].body == "近日，烟台港开通至越南海防的外贸集装箱航线。"


def test_numbered_items_under_a_brief_column_s_name_are_briefs() -> None:
    text = "\n".join(["本地快讯", "", "1.近日，福岚区在12个社区试点就业驿站，",
                      "已帮助320余名居民实现就业。", "2.日前，市博物馆推出古港专题展，展期",
                      "至9月30日。", "3.6月15日，全市青少年足球联赛开赛。"])
    page = segment(text)
    assert [(a.kind, a.body[:4]) for a in page.articles] == [  # each keeps its number
        ("brief", "1.近日"), ("brief", "2.日前"), ("brief", "3.6月")]
    # In a story's text, numbered paragraphs are its own list.
    story = "\n".join(["城东区部署春季防火工作", "", "本报讯（记者 王立）会议提出三点要求：",
                       "1.压实责任，细化措施。", "2.加强巡查，消除隐患。"])
    assert len(segment(story).articles) == 1


def test_a_fake_bold_two_line_headline_right_under_its_story() -> None:
    story = ("江门日报讯（记者/李卓）9月7日，江门市区至珠海机场的城际定制客运专线正式开通，"
             "每天往返各6班。运营方表示，将根据客流情况适时加密班次。")
    text = "\n".join([*column(story, 15),
                      "市市区区直直达达珠珠海海机机场场", "定定制制客客运运开开通通"])
    [article] = segment(text).articles
    assert article.title == "市区直达珠海机场定制客运开通"


def test_markdown_kicker_above_and_subtitle_under_the_title() -> None:
    text = ("### “百千万工程”一线见闻\n\n# 一条村道带旺一个侨村\n\n## ——龙湾村发展乡村旅游见闻\n\n"
            "文/图 记者/黄一鸣\n\n沿着新修的沥青村道驶入龙湾村，两侧的碉楼掩映在稻田之间。\n\n"
            "**老小区告别“飞线充电”**\n\n# 东岚街道建起38座智能充电棚\n\n"
            "## 可同时为4000辆电动自行车充电\n\n"
            "晚上7点，王阿姨把电动自行车推进小区新建的充电棚。\n\n## 充一次电不到一元钱\n\n"
            "充电棚按度计费，每度电0.6元。")
    page = segment(text)
    assert [(a.kicker, a.title, a.subtitle) for a in page.articles] == [
        ("“百千万工程”一线见闻", "一条村道带旺一个侨村", "——龙湾村发展乡村旅游见闻"),
        ("老小区告别“飞线充电”", "东岚街道建起38座智能充电棚", "可同时为4000辆电动自行车充电")]
    assert "充一次电不到一元钱" in page.articles[1].body  # a "##" after text: a subhead


def test_markdown_title_wrapped_over_two_headings() -> None:
    # Two "#" lines one right under the other: one title wrapped, not a kicker and a title.
    text = ("### 便民服务\n# 春城医保业务\n# 5项可“跨省通办”\n\n**本报记者 杨帆**\n\n"
            "记者从市医保局获悉，从4月1日起，以下5项医保业务可在全国范围内“跨省通办”。")
    [article] = segment(text).articles
    assert (article.kicker, article.title, article.byline) == (
        "便民服务", "春城医保业务5项可“跨省通办”", "本报记者 杨帆")


def test_a_page_without_a_top_heading_titles_its_stories_with_its_top_rank() -> None:
    # No "# …" on the page: "## …" are its titles, and a "### …" right over one is its kicker.
    text = ("## 荷湾社区便民服务中心投用\n\n记者从荷湾社区获悉，社区便民服务中心日前投入使用，"
            "可办理社保、医保等事项28项。\n\n### 文明实践在基层\n## 桑园村的冬夜书声\n\n"
            "来源：邓州日报　发布时间：2025-11-14 08:30\n\n"
            "每到冬夜，桑园村的农家书屋总是亮着灯，二十多位村民围坐在一起读书。\n\n"
            "### 冬季招聘岗位信息\n\n|单位|岗位|人数|\n|---|---|---|\n|新麦纺织|挡车工|30|\n")
    titles = [(a.kicker, a.title) for a in segment(text).articles]
    assert titles[:2] == [
        (None, "荷湾社区便民服务中心投用"), ("文明实践在基层", "桑园村的冬夜书声")]


def test_a_notice_s_issuer_over_its_title_on_a_line_of_its_own_starts_the_title() -> None:
    # 某某局 / 关于…的公示: the unit issues the notice, its name is the title's start.
    text = ("### 县域传真\n## 桃溪区启动春季义务植树\n\n"
            "3月4日，桃溪区在湖光路东侧绿地开展义务植树活动。\n\n"
            "## 岚州市桃溪区自然资源和规划局\n## 关于东柳庄村集体土地征收补偿安置方案的公示\n\n"
            "根据有关法律法规规定，现将东柳庄村集体土地征收补偿安置方案公示如下：\n\n"
            "一、征收范围：东柳庄村东北部集体土地，面积约86亩。")
    notice = segment(text).articles[-1]
    assert (notice.kicker, notice.title) == (
        None, "岚州市桃溪区自然资源和规划局关于东柳庄村集体土地征收补偿安置方案的公示")


def test_a_campaign_line_over_a_title_wrapped_in_a_narrow_column_is_its_kicker() -> None:
    # 聚焦… names what the paper follows; …看乡村 is a series, not a village the title is about.
    story = ("本报讯 3月12日，位于云溪街道的智能装备产业园一期项目主体厂房顺利封顶。"
             "项目总投资28亿元。")
    for head, kicker, title in [
            (["聚焦项目建设", "智能装备产业园", "一期厂房封顶"], "聚焦项目建设",
             "智能装备产业园一期厂房封顶"),
            (["产业兴旺看乡村", "岚峰镇青崖村：", "满山柿子红 晒出致富路"], "产业兴旺看乡村",
             "岚峰镇青崖村：满山柿子红 晒出致富路")]:
        text = "\n".join(["岚州日报", "2026年3月13日", "", *head, "——总投资28亿元",
                         "计划明年上半年投产", "□本报记者 林 帆", *column(story, 11)])
        [article] = segment(text).articles
        assert (article.kicker, article.title) == (kicker, title)


def test_teasers_cut_short_under_a_box_of_recommended_news_are_furniture() -> None:
    # 新闻推荐 / (blank) / a title / its lead cut off with "...": links to other pages.
    text = ("关于加强春季森林防火的通告\n来源：今日岚州  2026-03-13 08:25:31\n\n"
            "  当前正值春季森林防火关键期，全市林区禁止上坟烧纸、燃放鞭炮。\n\n"
            "  岚州市森林防火指挥部\n\n新闻推荐\n\n苹香路改造工程全面完工\n"
            "本报讯(全媒体记者 刘欣)苹香路提升改造工程日前全面完工，新铺设沥青路面2.4公里...\n"
            "霞坪社区举办果树修剪技能比武\n"
            "本报讯(通讯员 慕春)3月10日，霞坪社区举办果树修剪技能比武...\n")
    page = segment(text)
    assert [a.title for a in page.articles] == ["关于加强春季森林防火的通告"]
    teasers = {"苹香路改造工程全面完工", "霞坪社区举办果树修剪技能比武"}
    assert teasers <= {n.text for n in page.noise}


def test_a_writer_named_alone_right_under_a_web_article_s_data_is_its_byline() -> None:
    # 作者：袁 青 as the story's first paragraph, under its data and the reader's buttons.
    text = ("今日岚州网\n\n专家“下沉” 群众在家门口看好病\n"
            "来源：今日岚州  时间：2026-03-12 08:30:12  访问量：0\n"
            "字体大小[大 中 小]  打印  分享：\n"
            "　　作者：袁 青\n　　“以前看病要跑到城里，现在在家门口就能做彩超、查血糖。”\n"
            "　　今年以来，岚州市推进紧密型县域医共体建设。\n责任编辑：冯晓丽\n")
    [article] = segment(text).articles
    assert (article.title, article.byline) == ("专家“下沉”群众在家门口看好病", "袁青")
    assert "作者" not in article.body


def test_a_subtitle_wrapped_over_four_lines_of_a_narrow_column() -> None:
    story = "本报讯（记者 王雪）入冬以来，松岭区把闲置车棚改成户外劳动者驿站，配齐热水和充电设备。"
    text = "\n".join(["零下二十多度", "户外劳动者有了", "“暖屋”歇脚", "——松岭区把闲置",
                      "车棚改成驿站，", "入冬以来已建成", "23处", "", *column(story, 10)])
    [article] = segment(text).articles
    assert article.subtitle == "——松岭区把闲置车棚改成驿站，入冬以来已建成23处"


def test_an_opinion_column_s_name_and_title_set_right_above_the_text() -> None:
    text = "\n".join(["今日天气", "晴转多云", "12℃～24℃", "", "金城短评", "供暖准备宜早不宜迟",
                      "每到入冬，“暖气热不", "热”总是市民最关心的", "话题之一。把管网改造、",
                      "热源建设和入户检修往", "前赶，就是把冬天的难", "题放在秋天解决。（石 言）"])
    [article] = segment(text).articles
    assert (article.kicker, article.title, article.byline) == (
        "金城短评", "供暖准备宜早不宜迟", "石言")


def test_a_headline_group_right_after_a_jump_note_however_wide() -> None:
    story = ("本报讯（记者 秦朗）11月5日，位于汉北区的智能网联汽车测试场一期工程通过验收，"
             "具备了开放测试条件。近年来，我市把智能网联汽车作为汽车产业转型升级的方向，")
    text = "\n".join([*column(story, 13), "（下转2版）",
                      "汽车产业加快向“智”而行", "汉北智能网联汽车测试场一期建成"])
    [article] = segment(text).articles
    assert (article.kicker, article.title, article.continues_on) == (
        "汽车产业加快向“智”而行", "汉北智能网联汽车测试场一期建成", 2)


def test_a_caption_that_runs_on_into_its_credit_over_lines() -> None:
    text = "\n".join(["11月4日，游客在岘南县桃花湾", "景区欣赏层林尽染的秋色 全媒",
                      "体首席记者彭志远 通讯员韩雨", "桐 摄", "",
                      "立冬将至，襄阳的山野间红叶似", "火、银杏流金。"])
    photo = segment(text).articles[0]
    assert (photo.kind, photo.byline) == ("photo", "全媒体首席记者彭志远 通讯员韩雨桐摄")
    assert photo.body == "11月4日，游客在岘南县桃花湾景区欣赏层林尽染的秋色"


def test_markdown_briefs_with_bold_titles_and_a_bold_byline() -> None:
    text = ("# 黄河风情线新添6处亲水平台\n\n**□融媒体记者 许志远 实习生 林雨涵**\n\n"
            "记者9月23日从市园林绿化部门获悉，亲水平台已建成。\n\n## 城事短波\n\n"
            "**安河区新增3处口袋公园**　近日，安河区建成3处口袋公园。（陈 静）\n\n"
            "**市区新开两条社区微循环公交**　9月25日起，市区新开通两条公交线路。（刘 洋）\n\n"
            "**石榴县：**今年以来，全县新建村道12公里。")
    page = segment(text)
    assert [(a.title, a.byline) for a in page.articles] == [
        ("黄河风情线新添6处亲水平台", "融媒体记者 许志远 实习生 林雨涵"),
        ("安河区新增3处口袋公园", "陈静"), ("市区新开两条社区微循环公交", "刘洋"),
        (None, None)]
    assert page.articles[-1].body.startswith("**石榴县：**")  # a bold lead-in is the text's


def test_a_title_wrapped_over_two_lines_is_one_title() -> None:
    body = ("为保障冰雪节活动安全有序进行，市公安局交通警察支队决定对部分路段实行临时交通管制。"
            "请过往车辆提前绕行，给您带来的不便敬请谅解。") * 2
    lines = "\n".join(column(body, 20))
    for first, rest in (("关于洛涧大桥封闭", "施工的公告"), ("山西今冬新增", "清洁取暖用户12万户"),
                        ("让冰天雪地", "持续释放“热效应”")):
        for gap in ("\n\n", "\n"):  # apart from the text, or set right above it
            article = segment(f"{first}\n{rest}{gap}{lines}").articles[0]
            assert (article.kicker, article.title) == (None, first + rest), (first, gap)


def test_a_kicker_and_title_set_right_above_a_lead() -> None:
    text = "\n".join(["温暖过冬", "老旧小区供热改造惠及3.2万户", "山西晚报·山河+讯(记者 郝 然)12",
                      "月29日，记者从汾川区住建局获悉，", "今年该区完成了46个老旧小区的供热",
                      "管网改造，3.2万户居民受益。", "", "冰面虽美 切莫踏入",
                      "12月28日，汾河湿地公园的部分水面", "已经结冰，请市民不要上冰行走。",
                      "山西晚报记者 贺 岩 摄"])
    page = segment(text)
    assert [(a.kicker, a.title) for a in page.articles] == [
        ("温暖过冬", "老旧小区供热改造惠及3.2万户"), (None, "冰面虽美 切莫踏入")]


def test_a_teaser_wrapped_in_an_index_box_is_furniture() -> None:
    story = "一座测试场，连着一条产业链。智能网联汽车测试场的建成，补上了关键一环。"
    text = "\n".join(["今日导读", "▶2版 我市出台支持民营", "　　 经济发展20条",
                      "▶3版 金秋赏红叶", "　　 这些地方别错过", "",
                      *column(story, 13),
                      "本报评论员", "让产业在新赛道上跑起来"])
    page = segment(text)
    assert [(a.title, a.byline) for a in page.articles] == [
        ("让产业在新赛道上跑起来", "本报评论员")]
    assert "经济发展20条" in [n.text for n in page.noise]


def test_a_bulleted_title_set_right_above_its_brief() -> None:
    text = "\n".join(["县区传真", "◆东淝区社区卫生服务中心开设夜间门诊",
                      "为方便上班族就医，东淝区5家社区卫生服务中心从1",
                      "月12日起开设夜间门诊，服务时间为每天18时至21时。",
                      "（通讯员 许 可）", "◆青峰县提前储备春耕物资",
                      "记者从青峰县农业农村局获悉，该县已提前储备化肥",
                      "1.2万吨、种子800吨，确保春耕生产需要。（记者 鲁 宁）"])
    page = segment(text)
    assert [(a.title, a.byline) for a in page.articles] == [
        ("东淝区社区卫生服务中心开设夜间门诊", "通讯员 许可"),
        ("青峰县提前储备春耕物资", "记者 鲁宁")]


def test_a_byline_printed_at_the_end_of_a_titled_story() -> None:
    story = ("1月11日清晨，青峰县洛涧渔场的冬捕现场人声鼎沸，首网捕捞鲜鱼1.8万斤。"
             "今年冬捕将持续到春节前，预计捕捞量可达30万斤。")
    text = "\n".join(["洛涧渔场冬捕忙", *column(story, 22),
                      "本报记者 韩 磊 文/图", "", "雪后乡村",
                      "1月10日，一场降雪过后，青峰县洛涧镇的田",
                      "野和村庄银装素裹，宛如一幅水墨画卷。(记", "者 孟 凡 摄)"])
    first = segment(text).articles[0]
    assert (first.title, first.byline) == ("洛涧渔场冬捕忙", "本报记者韩磊文/图")


def test_a_credit_wrapped_after_a_captions_last_sentence() -> None:
    text = "\n".join(["10月17日，宝川区凤岭小学的学生", "在美术课上展示剪纸作品。 本报",
                      "记者 肖明川 摄"])
    [photo] = segment(text).articles
    assert (photo.kind, photo.byline) == ("photo", "本报记者 肖明川 摄")
    assert photo.body == "10月17日，宝川区凤岭小学的学生在美术课上展示剪纸作品。"


def test_a_credit_with_a_spaced_name_wrapped_after_a_captions_last_sentence() -> None:
    text = "\n".join(["江洲油菜花开", "3月14日，游客在长江岸边的江洲",
                      "村油菜花田中拍照留念。金黄的花", "海与江景相映成趣。本报通", "讯员汪 涛摄",
                      "",
                      "围棋进校园", "本报讯（记者 何 苗）", "近日，松湖小学开设围棋课。"])
    photo, news = segment(text).articles
    assert (photo.kind, photo.title, photo.byline) == ("photo", "江洲油菜花开", "本报通讯员汪 涛摄")
    assert photo.body.endswith("相映成趣。")
    assert news.title == "围棋进校园"


def test_a_fake_bold_brief_title_wrapped_into_its_text() -> None:
    text = "\n".join(["铜都快讯", "▲松松湖湖小小学学开开设设围围", "棋棋课课 近日，松湖小学在课后",
                      "服务中开设围棋课，聘请市围棋协", "会教练每周授课两次。（记者 何苗）"])
    [brief] = segment(text).articles
    assert (brief.kind, brief.title) == ("brief", "松湖小学开设围棋课")
    assert brief.body == "近日，松湖小学在课后服务中开设围棋课，聘请市围棋协会教练每周授课两次。"


def test_a_jump_note_wrapped_before_its_page_number() -> None:
    story = ("3月15日，松湖生态公园一期正式开园。昔日寸草不生的废弃矿坑，如今湖水清澈。"
             "二期将重点建设矿山文化")
    caption = "3月14日，游客在长江岸边的江洲村油菜花田中拍照留念。"
    text = "\n".join(["矿坑变身“城市绿肺”", "本报讯（记者 章 蕾）", *column(story + "（下转", 14),
                      "第 2 版）", "", "江洲油菜花开", *column(caption, 14), "本报记者 汪 涛 摄"])
    news, photo = segment(text).articles
    assert news.continues_on == 2 and news.body == story
    assert (photo.title, photo.kind, photo.body) == ("江洲油菜花开", "photo", caption)


def test_a_web_editions_list_of_its_pages_titles_is_furniture() -> None:
    story = "3月11日，全市春季植树护绿行动在生态廊道启动，六百多名志愿者当天种下乡土树种。"
    text = "\n".join(["惠州日报数字报", "版面导航", "·我市启动春季植树护绿行动", "·河畔绿意浓", "",
                      "我市启动春季植树护绿行动", "本报记者 邱敏", story])
    page = segment(text)
    [article] = page.articles
    assert (article.title, article.body) == ("我市启动春季植树护绿行动", story)
    assert [n.reason for n in page.noise] == [
        "masthead", "page header", "index of other pages", "index of other pages"]


def test_a_web_story_with_a_labelled_heading_and_its_author_in_the_data_line() -> None:
    story = "周末退潮时分，海滩上来了不少“小小赶海人”。孩子们提着小桶，在沙里寻找小螃蟹。"
    data = "2026-03-15 18:42 来源:湛江云媒 作者:图/记者符明 文/记者吴晓彤"
    text = "\n".join(["首页 > 湛江新闻 > 港城", "", "# 报小拍|沙滩上的“小小赶海人”", "", data, "",
                      story, "", "---", "", "# 老街坊回来了", "", "骑楼街日前完成活化改造。"])
    page = segment(text)
    first, _ = page.articles
    assert (first.kicker, first.title) == ("报小拍", "沙滩上的“小小赶海人”")
    assert (first.byline, first.body) == ("图/记者符明 文/记者吴晓彤", story)
    assert "2026-03-15 18:42来源:湛江云媒 作者:" in [n.text for n in page.noise]  # as repaired


def test_bold_titles_under_a_web_pages_brief_column_are_its_items() -> None:
    items = [("**椰港区新增两条夜间公交线路**", "即日起，椰港区开通夜间公交N1、N2线。"),
             ("**银螺湾海滩开展净滩行动**", "3月15日，200多名志愿者在银螺湾海滩清理垃圾。"),
             ("**蚝岭镇举办蚝农技能培训班**", "近日，蚝岭镇邀请水产专家为蚝农讲解病害防治技术。")]
    text = "\n".join(["# 老街坊回来了", "", "2026-03-16 09:00 来源:湛江云媒", "",
                      "骑楼街日前完成活化改造，重新开街迎客。", "", "---", "", "## 港城速览", "",
                      *[line for title, body in items for line in (title, body, "")],
                      "评论一下", "评论 0人参与,0条评论", "还没有评论,快来抢沙发吧!", "湛图片",
                      "· 椰港渔港夜色", "· 蚝岭镇蚝苗下海"])
    page = segment(text)
    assert [a.title for a in page.articles] == [
        "老街坊回来了", *[title.strip("*") for title, _ in items]]
    assert [a.body for a in page.articles[1:]] == [body for _, body in items]
    reasons = {n.text: n.reason for n in page.noise}
    assert reasons["2026-03-16 09:00来源:湛江云媒"] == "page header"
    assert reasons["评论一下"] == reasons["还没有评论,快来抢沙发吧!"] == "comment box"
    assert reasons["·椰港渔港夜色"] == reasons["·蚝岭镇蚝苗下海"] == "links"


def test_a_credit_of_names_alone_wrapped_after_a_captions_last_sentence() -> None:
    caption = "3月18日，市民在沿江步道赏花踏青。近日气温回升，沿江的油菜花竞相开放。"
    lines = [*column(caption, 13)]
    lines[-1] += " 孔岚"
    text = "\n".join([*lines, "费扬 摄影报道", "江畔春色浓"])
    [photo] = segment(text).articles
    assert (photo.kind, photo.title, photo.body) == ("photo", "江畔春色浓", caption)
    assert photo.byline == "孔岚费扬 摄影报道"  # as repaired


def test_a_headline_group_under_a_signed_brief_splits_between_it_and_the_next_story() -> None:
    brief = "3月18日，江枫区新开通的两条微循环公交线路正式运行，每十五分钟一班。"
    comment = "一片茶叶，卖的不只是茶，还有山水和人情。茶旅融合要走得远，还得在品质上下功夫。"
    text = "\n".join(["本报讯　" + brief[:8], *column(brief[8:], 11), "（记者 严 冬）",
                      "江枫区新开通两条", "“微循环”公交线路", "", "江城快评", "让茶香飘得更远",
                      "■ 陶 然", *column(comment, 10)])
    first, second = segment(text).articles
    assert (first.title, first.byline) == ("江枫区新开通两条“微循环”公交线路", "记者 严冬")
    assert (second.kicker, second.title, second.byline) == ("江城快评", "让茶香飘得更远", "陶然")
    assert second.body == comment


def test_a_web_pages_second_level_title_over_its_data_line_opens_an_article() -> None:
    first = "本报讯（记者 郝岩）3月4日，位于桃溪区政务服务中心的办税服务厅正式启用。"
    caption = "3月3日，市民在滏阳河畔散步健身。初春时节，河畔柳树抽出新芽。"
    text = "\n".join(["## 桃溪区“一站式”办税服务厅启用",
                      "来源：岚州日报　作者：郝岩　2026-03-05 08:12", "", first, "",
                      "## 滏畔柳色新", "来源：岚州日报　2026-03-05 08:12", "", caption, "",
                      "岚州日报全媒体记者 马 骁 摄"])
    page = segment(text)
    assert [(a.title, a.body) for a in page.articles] == [
        ("桃溪区“一站式”办税服务厅启用", first[first.index("）") + 1:]), ("滏畔柳色新", caption)]


def test_bracketed_labels_inside_a_round_up_are_its_text_not_briefs() -> None:
    text = "\n".join(["# 一周民生盘点", "", "**农机服务可“线上预约”**", "",
                      "【新闻回顾】3月6日起，农机服务平台正式上线，农户通过手机即可预约。", "",
                      "【点评】让农机找人，而不是人找农机。", "", "**乡村客运周末加密**", "",
                      "【新闻回顾】多个乡镇在周末加开乡村客运班次，票价保持不变。", "", "---", "",
                      "# 停电公告", "", "因线路检修，3月15日8时至18时，岷源区部分地段停电。"])
    article, notice = segment(text).articles
    assert (article.title, notice.title) == ("一周民生盘点", "停电公告")
    assert "【点评】让农机找人，而不是人找农机。" in article.paragraphs


def test_a_headline_group_after_its_story_with_a_subtitle_wider_than_the_column() -> None:
    story = ("剪、拼、粘、染……3月14日下午，社区活动室里，十几位居民围坐在长桌前，跟着老师"
             "学做鱼皮画。社区计划今年夏天举办一次居民鱼皮画作品展。")
    caption = "3月15日，市民在晓江公园江畔栈道散步。近日气温回升，江边柳树已冒出新芽。"
    lines = column(story, 15)
    lines[-1] += " 本报记者 何 静"
    text = "\n".join([*lines, "非遗新传", "鱼皮画走进社区课堂",
                      "江曙社区开班三个月 40多名居民学会“绝活”", "", *column(caption, 14),
                      "本报记者 邵 峰 摄  江 畔 春 光"])
    story_article, photo = segment(text).articles
    assert (story_article.kicker, story_article.title, story_article.subtitle) == (
        "非遗新传", "鱼皮画走进社区课堂", "江曙社区开班三个月40多名居民学会“绝活”")
    assert (story_article.byline, story_article.body) == ("本报记者何静", story)  # as repaired
    assert (photo.kind, photo.title, photo.byline, photo.body) == (
        "photo", "江畔春光", "本报记者邵峰摄", caption)  # the credit and the title as repaired


def test_a_line_ending_in_a_colon_under_a_full_line_ends_its_sentence() -> None:
    first = ["因电网设备检修，定于2026年3月7日", "（星期六）8:00至17:00对以下区域", "停电："]
    text = "\n".join(["停电公告", *first, "一、铜岭区冶兴路沿线商户及居民；",
                      "二、铁峰镇石桥村部分村组。", "", "联系人：", "电话：", "0714-6200000"])
    [notice] = segment(text).articles
    assert notice.paragraphs[0] == "".join(first)


def test_a_notices_signer_alone_under_its_last_line_is_its_text() -> None:
    items = ["为展现我市发展新面貌，本报副刊即日起面向社会征集文学作品。",
             "一、征稿体裁：散文、诗歌、小小说。", "二、作品须为原创首发，严禁抄袭。"]
    text = "\n".join(["副刊征稿启事", *items, "岚州日报社文艺部", "", "责任编辑 蔡 琳 版式 徐 静"])
    [notice] = segment(text).articles
    assert (notice.kind, notice.title) == ("notice", "副刊征稿启事")
    assert notice.paragraphs == [*items, "岚州日报社文艺部"]


def test_a_web_pages_articles_each_under_its_posting_date_with_a_picture_and_a_table() -> None:
    photo = "3月10日，实验小学的学生在香菇种植基地参加研学活动，跟着菇农学习接种、采摘。"
    rows = ["序号\t小区名称\t楼栋数\t户数", "1\t解放街小区\t12\t386", "2\t烟厂宿舍\t8\t240"]
    text = "\n".join(["发布日期：", "2026年03月12日", "研学课堂搬进香菇棚", "[图片]", photo,
                      "（随州日报全媒记者 黄 晨 摄）", "上一篇  下一篇  返回目录", "",
                      "发布日期：", "2026年03月12日", "钟鸣区第一批老旧小区改造计划", *rows,
                      "上一篇  下一篇  返回目录"])
    page = segment(text)
    picture, table = page.articles
    assert (picture.kind, picture.title, picture.body) == ("photo", "研学课堂搬进香菇棚", photo)
    assert (table.kind, table.title) == ("table", "钟鸣区第一批老旧小区改造计划")
    assert table.paragraphs == rows
    assert {(n.text, n.reason) for n in page.noise} >= {
        ("发布日期：", "page header"), ("2026年03月12日", "page header"), ("[图片]", "image")}


def test_a_photos_title_and_its_credit_to_the_paper_on_one_line_under_the_caption() -> None:
    caption = "3月11日，信江两岸垂柳吐绿，江面波光粼粼，不少市民沿江漫步。"
    story = "近日，樟坪社区便民生活圈建设通过验收。"
    text = "\n".join([*column(caption, 14), "信江新绿　　　鹰潭日报 周 平/摄", "",
                      "樟坪社区便民生活圈建成", "本报记者 桂 芳", *column(story, 14)])
    photo, news = segment(text).articles
    assert (photo.kind, photo.title, photo.byline, photo.body) == (
        "photo", "信江新绿", "鹰潭日报周平/摄", caption)  # the credit as repaired
    assert news.title == "樟坪社区便民生活圈建成"


def test_a_briefs_bold_bracketed_title_after_its_bullet_is_bare() -> None:
    text = "\n".join(["# 县区传真", "", "■ **【青埕村开通乡村公交】** 3月起，公交开通。（林斌）",
                      "", "■ **【海棠村举办枇杷种植培训】** 3月7日，专家到田间授课。（陈雅琴）"])
    assert [a.title for a in segment(text).articles] == [
        "青埕村开通乡村公交", "海棠村举办枇杷种植培训"]


def test_unpunctuated_lines_as_wide_as_a_narrow_column_right_over_a_lead_are_its_title() -> None:
    caption = "3月9日，游客在木兰溪畔的油菜花田中拍照留念。眼下，沿岸油菜花进入盛花期。"
    story = "本报讯（记者 黄晓燕）记者从市住建局获悉，今年以来，我市利用城市边角地新建12处公园。"
    text = "\n".join(["木兰溪畔油菜花开", *column(caption, 12), "本报记者 郑 宇 摄", "",
                      "市区新增12处“口袋公园”", "市民家门口多了休闲好去处", *column(story, 14)])
    photo, news = segment(text).articles
    assert (photo.title, photo.body) == ("木兰溪畔油菜花开", caption)
    assert news.title == "市区新增12处“口袋公园”市民家门口多了休闲好去处"


def test_a_credit_wrapped_inside_its_role_word() -> None:
    story = ("3月2日一早，桦岭县马莲滩村的育苗大棚里，村民正忙着把脱毒种薯搬进苗床。"
             "今年全县脱毒种薯育苗面积扩至1.2万亩，比去年增加三成，种薯将在五月初移栽大田。")
    text = "\n".join(["桦岭县马莲滩村：", "脱毒种薯提前进棚", "本报记者 贾 晓 通讯", "员 刘振宇",
                      *column(story, 14)])
    [article] = segment(text).articles
    assert (article.title, article.body) == ("桦岭县马莲滩村：脱毒种薯提前进棚", story)
    assert article.byline == "本报记者贾晓通讯员 刘振宇"  # as repaired


def test_a_label_and_a_two_line_title_set_right_above_full_lines_of_text() -> None:
    above = "再过两年就要退休了，李满仓最大的心愿是把手艺都传下去，带出更多的好徒弟。"
    story = ("不少老旧小区的居民都遇到过这样的烦心事：楼道灯坏了，报修好几次没人管，"
             "只能打着手机手电上下楼。楼道灯事小，折射的却是小区管理的最后一米。")
    text = "\n".join(["矿灯下的老师傅", *column(above, 12), "", "七嘴八舌", "楼道灯坏了",
                      "别让居民“摸黑”", *column(story, 12)])
    first, second = segment(text).articles
    assert first.body == above
    assert (second.kicker, second.title) == ("七嘴八舌", "楼道灯坏了别让居民“摸黑”")
    assert second.body == story


def test_a_first_line_of_text_ending_on_a_broken_number_is_no_line_of_the_title() -> None:
    brief = "日前，桐湾镇柳塘村天然气管道正式通气，全村180户村民告别了烧煤取暖的日子。"
    notice = ("12月8日至12月22日，枫溪路与青柳街交叉口进行管网改造，每晚22时至次日5时"
              "半幅封闭施工，请过往车辆提前绕行。")
    text = "\n".join(["柳塘村通上天然气", *column(brief, 11), "（通讯员 韩 松）",
                      "枫溪路夜间施工", "请绕行", *column(notice, 11), "（记者 孟 夏）"])
    brief_article, second = segment(text).articles
    assert brief_article.body == brief
    assert (second.kicker, second.title, second.subtitle) == (None, "枫溪路夜间施工请绕行", None)
    assert second.body == notice  # 12月8日至12月22 / 日，…: the column broke the date


def test_a_label_over_a_two_part_title_opens_an_item_after_an_interview() -> None:
    answer = "答：带上身份证和旧车登记证，到参与活动的门店办理即可，补贴在购车时直接抵扣。"
    item = ("本周一至周五每晚，槐荫路（柳湾路口至青石桥段）进行路面修补，施工期间该路段"
            "单向通行，请过往车辆提前绕行。")
    text = "\n".join(["民生问答", "旧车换新补贴怎么领", "本报记者 秦 岚",
                      *column("记者：申请需要准备什么？" + answer, 14), "",
                      "便民信息", "槐荫路夜间施工 请绕行", *column(item, 14), "（记者 秦 岚）"])
    interview, notice = segment(text).articles
    assert interview.body.endswith("直接抵扣。")
    assert (notice.kicker, notice.title) == ("便民信息", "槐荫路夜间施工 请绕行")
    assert notice.body == item


def test_an_authors_name_alone_between_a_web_title_and_its_text_is_the_byline() -> None:
    essay = ["小时候，村口的粮站是柳条沟最热闹的地方。每到秋收，交公粮的马车从村口排到河边，"
             "大人们在磅秤前等着过秤，孩子们在麻袋堆上爬上爬下。",
             "后来粮站闲置了，高大的仓房一年年破旧下去。去年，村里把老粮站改成了村史馆，老磅秤、"
             "老粮票、老算盘都被擦得锃亮，摆进了展柜。"]
    text = "\n".join(["# 一座老粮站的“新生”", "", "宋 溪", "", "\n\n".join(essay), "", "---", "",
                      "# 停电公告", "", "因线路检修，3月15日部分地段停电。"])
    essay_article, _ = segment(text).articles
    assert (essay_article.title, essay_article.byline) == ("一座老粮站的“新生”", "宋溪")  # repaired
    assert essay_article.paragraphs == essay


def test_a_credit_to_the_paper_and_a_spaced_name_glued_after_a_captions_last_sentence() -> None:
    caption = "3月5日，枣岭村村民在晾晒手工粉条。连日来，村里的粉条作坊加紧生产，供应周边市场。"
    lines = column(caption, 21)
    lines[-1] += "阳泉日报社乔 楠摄"
    advice_text = "春季气候干燥，早晚温差大，人体容易出现口干、咽痛等症状，专家建议多喝水。"
    text = "\n".join([*lines, "粉粉条条飘飘香香", "", "你知道吗", "春季“上火”怎么办",
                      *column(advice_text, 21)])
    photo, advice = segment(text).articles
    assert (photo.kind, photo.title, photo.byline, photo.body) == (
        "photo", "粉条飘香", "阳泉日报社乔 楠摄", caption)
    assert (advice.kicker, advice.title) == ("你知道吗", "春季“上火”怎么办")


def test_a_story_cut_off_mid_sentence_keeps_the_headline_printed_under_it() -> None:
    caption = "3月7日，杏岭县芦花河湿地迎来北归的灰鹤。近日，湿地内的越冬候鸟陆续北迁。"
    story = ["记者日前从杏岭县文化和旅游局获悉，", "杏岭县古村落保护利用工程已完成第一",
             "期，6个传统村落的42处老院落完成修", "缮。修缮后的老院落，有的改建为民宿",
             "，有的成为非遗传习所。局长梁文彬介", "绍，第二期工程计划在今年"]
    text = "\n".join([*column(caption, 17), "图/闫 晨 文/乔 雪", "芦花河湿地", "候鸟北归", "",
                      "本报记者 乔 雪", *story, "杏岭县6个传统村落", "老院落“活”起来"])
    photo, news = segment(text).articles
    assert (photo.kind, photo.title) == ("photo", "芦花河湿地候鸟北归")
    assert photo.byline == "图/闫晨文/乔 雪"  # as repaired
    assert (news.title, news.body) == ("杏岭县6个传统村落老院落“活”起来", "".join(story))


def test_a_markdown_lists_items_with_bold_titles_are_briefs_with_those_titles() -> None:
    text = "\n".join(["# 老城的巷子", "", "我站在树下听了很久。巷子还是那条巷子。", "",
                      "## 文化速递", "",
                      "- **市博物馆推出“古城记忆”特展** 展览以老照片为主，展至6月底。（记者 章明）",
                      "- **图书馆开设黄梅戏唱腔公益课** 每周六下午开课，免费报名。（通讯员 吴兰）"])
    page = segment(text)
    accounted(text, page)
    assert [(a.kind, a.title) for a in page.articles[1:]] == [
        ("brief", "市博物馆推出“古城记忆”特展"), ("brief", "图书馆开设黄梅戏唱腔公益课")]
    assert page.articles[1].body == "展览以老照片为主，展至6月底。"


def test_a_title_as_wide_as_its_column_over_a_sentence_opening_with_its_time() -> None:
    above = "春运服务好不好，旅客的感受最直接。少等一班船、少住一晚店，就是实实在在的获得感。"
    story = ("进入冬季，呼吸道疾病进入高发期。芦湾社区卫生服务中心从本周起将夜间门诊"
             "延长至21时，内科、儿科各安排一名医生值班。")
    text = "\n".join([*column(above, 15), "", "芦湾社区卫生服务中心延长夜间门诊",
                      *column(story, 16), "记者 顾 盼"])
    first, second = segment(text).articles
    assert first.body == above
    assert (second.title, second.body) == ("芦湾社区卫生服务中心延长夜间门诊", story)


def test_a_series_and_column_name_a_dot_apart_over_a_title_is_its_kicker() -> None:
    story = "本报讯（记者 庞海燕）3月11日清晨，蚝田社区渔港里，一艘刚刚归航的渔船缓缓靠上新码头。"
    text = "\n".join(["向海图强·一线见闻", "珠滨区蚝田社区渔港改造完工", "160艘渔船有了“避风新港”",
                      "——新建防波堤420米", *column(story, 15)])
    [article] = segment(text).articles
    assert (article.kicker, article.subtitle) == ("向海图强·一线见闻", "——新建防波堤420米")
    assert article.title == "珠滨区蚝田社区渔港改造完工160艘渔船有了“避风新港”"


def test_an_authors_line_under_a_title_is_the_byline_word_and_all() -> None:
    essay = ["春节前，母亲又把菜园翻了一遍，种下了蒜苗和菠菜，说等我们回来正好能吃。",
             "菜园不大，却是母亲的心头好。每次回家，她总要拉着我去看看新长出来的菜苗。"]
    text = "\n".join(["# 母亲的菜园", "", "作者 苏蔓", "", "\n\n".join(essay), "", "---", "",
                      "# 停电公告", "", "因线路检修，3月15日部分地段停电。"])
    article, _ = segment(text).articles
    assert (article.title, article.byline, article.paragraphs) == ("母亲的菜园", "作者 苏蔓", essay)


def test_a_notices_salutation_ending_in_a_colon_is_its_text() -> None:
    body = "因芦荻路道路改造施工，自2026年3月16日起，对以下公交线路作临时调整。"
    text = "\n".join(["关于临时调整部分公交线路的公告", "", "广大市民乘客：", body, "特此公告。"])
    [notice] = segment(text).articles
    assert (notice.kind, notice.title) == ("notice", "关于临时调整部分公交线路的公告")
    assert notice.body.startswith("广大市民乘客：")


def test_a_kicker_title_and_undashed_line_of_facts_printed_after_their_story() -> None:
    story = ("石榴巷菜场建于上世纪90年代，周边有8个老小区。去年，街道对菜场进行改造，"
             "引入修鞋、配钥匙、理发等11个便民服务摊位，租金比周边店面低一半。")
    caption = "2月4日，孩子们在冰雪乐园体验雪地转转，学生凭学生证可享半价优惠。"
    head = ["家门口的变化", "石榴巷老菜场“长”出便民服务圈",
            "修鞋配钥匙、理发缝补，15分钟办齐“针头线脑”事"]
    text = "\n".join(["◎本报记者 孟 川", *column(story, 21), *head, "", *column(caption, 19),
                      "本报记者 韩雪松 摄", "冰雪嘉年华乐翻天"])
    story_article, photo = segment(text).articles
    assert [story_article.kicker, story_article.title, story_article.subtitle] == head
    assert story_article.body == story
    assert photo.title == "冰雪嘉年华乐翻天"


@pytest.mark.parametrize("decks, expected", [
    (["青苔巷老菜场改造后重新开门迎客", "今年计划再改造农贸市场4家"],
     ("青苔巷老菜场改造后重新开门迎客", "今年计划再改造农贸市场4家")),
    (["青苔巷老菜场", "重新开门迎客"], ("青苔巷老菜场重新开门迎客", None)),
])
def test_two_full_lines_under_a_kicker_are_a_title_and_its_undashed_subtitle(
        decks: list[str], expected: tuple[str, str | None]) -> None:
    story = ("本报讯（记者 罗 芸）3月18日，经过三个月改造，青苔巷菜场重新开门。"
             "菜场新设摊位60个，地面铺上防滑砖，还装了排风设备。")
    text = "\n".join(["民生实事进行时", *decks, *column(story, 18), "",
                      "本报讯 3月18日，城南社区开设便民理发点，每周三为老人免费理发。"])
    first = segment(text).articles[0]
    assert (first.kicker, first.title, first.subtitle) == ("民生实事进行时", *expected)
    assert first.body == story.replace("本报讯（记者 罗 芸）", "")


def test_a_headline_group_wrapped_line_by_line_in_a_narrow_column_over_its_byline() -> None:
    story = ("5月9日，柿林村村民杨友根领到了今年第一笔分红，一共2100元。"
             "去年以来，柿林村把分散的山林委托给合作社统一经营。")
    group = ["山林改革一线", "柿林镇：", "山林交给", "合作社“托管”", "村民当上“股东”", "年底分红"]
    text = "\n".join(["第3版 综合", "", *group, "本报记者 杨 柳", *column(story, 10)])
    [article] = segment(text).articles
    assert article.kicker == "山林改革一线"
    assert (article.byline, article.body) == ("本报记者杨柳", story)


def test_a_readers_letter_and_the_reply_under_it_are_two_articles() -> None:
    letter = ("编辑同志：我家住在青石街道柿园巷，巷子里的4盏路灯坏了快一个月了。"
              "晚上下班回家，骑电动车很不安全。希望有关部门尽快修一修。")
    reply = "6月9日，本报将读者来信转给县城市管理局。该局当天派人查看，6月11日已全部修复。"
    header = ["岚州融媒", "2026年6月12日 星期五", "3", "读者之声", "责任编辑：俞小棠 校对：温 禾"]
    text = "\n".join([*header, "", "读者来信", "路灯不亮 夜归难", *column(letter, 11),
                      "青石街道居民 马 兰", "", "回音", "县城管局：3天内全部修复",
                      *column("本报讯（记者 钟 岩） " + reply, 11)])
    first, second = segment(text).articles
    assert (first.kicker, first.title, first.body) == ("读者来信", "路灯不亮 夜归难", letter)
    assert first.byline.replace(" ", "") == "青石街道居民马兰"
    assert (second.kicker, second.title, second.body) == ("回音", "县城管局：3天内全部修复", reply)


def test_a_letter_and_the_offices_reply_their_titles_printed_under_them() -> None:
    letter = ("编辑同志：我是竹围村的村民。村口那段路去年装了16盏路灯，可从今年春节后就不亮了。"
              "希望有关部门能早点来看看。")
    reply = ("陈永基同志：您反映的竹围村口路灯不亮问题，我镇已派人现场核查，"
             "将于6月下旬前完成全部检修。感谢您对家乡建设的关心。")
    text = "\n".join(["05 读者之声", "", *column(letter, 19), "竹围村村民 陈永基", "读者来信",
                      "竹围村口的路灯何时能亮？", "", *column(reply, 19), "泷畔镇人民政府",
                      "部门回复", "路灯6月下旬前修好"])
    first, second = segment(text).articles
    assert (first.kicker, first.title) == ("读者来信", "竹围村口的路灯何时能亮？")
    assert first.body == letter
    assert (second.kicker, second.title, second.body) == ("部门回复", "路灯6月下旬前修好", reply)
    assert second.byline == "泷畔镇人民政府"  # the office that answered signs its reply


def test_numbered_briefs_titled_in_brackets_under_their_columns_name() -> None:
    story = "本报讯（记者 粟 丹）5月11日，林风路提质改造项目破土动工，预计今年10月完工。"
    briefs = ["1 .【楠木溪村杉木学堂开课】 5 月 8 日，楠木溪村“杉木学堂”开课，首批30名林农"
              "学习杉木间伐技术。（黄 晨）",
              "2.【县职校新增林业专业】今年秋季起，县职业中专新增林业技术专业，计划招生80人。"
              "（粟丹）"]
    text = "\n".join(["县城林风路改造", "工程开工", *column(story, 11), "", "会同简讯",
                      *column(briefs[0], 11), *column(briefs[1], 11)])
    _, first, second = segment(text).articles
    assert (first.kind, first.title, first.byline) == ("brief", "楠木溪村杉木学堂开课", "黄晨")
    assert first.body.startswith("5月8日，楠木溪村")
    assert (second.title, second.body[:6]) == ("县职校新增林业专业", "今年秋季起，")


def test_a_web_letters_question_title_over_its_data_line() -> None:
    letter = ("编辑同志：我是樟林社区居民。社区后面那条小巷有十几盏路灯，从春节前就不亮了。"
              "请问路灯什么时候能修好？")
    text = "\n".join([
        "岚城县融媒体中心", "首页 | 时政要闻 | 乡镇动态 | 民生服务 | 数字报",
        "当前位置：首页 > 民生服务", "",
        "民生信箱", "背街小巷的路灯何时能亮？",
        "来源：岚城县融媒体中心　作者：何秀英　发布时间：2025-04-09 08:32",
        "　　" + letter, "　　樟林社区居民 何秀英", "责任编辑：何晓燕"])
    [article] = segment(text).articles
    assert (article.kicker, article.title) == ("民生信箱", "背街小巷的路灯何时能亮？")
    assert (article.body, article.byline) == (letter, "樟林社区居民 何秀英")


def test_a_photos_title_under_its_credit_and_a_columns_name_over_its_briefs() -> None:
    caption = "3月10日，菱塘村的油菜田里，农户正在清沟理墒。近期气温回升，当地做好田间管理。"
    text = "\n".join([*column(caption, 12), "本报记者 钱雨桐 摄", "菱 塘 春 早", "", "凤城百事",
                      "●日前，凤栖区图书馆开设“银发电脑课”，每周两次。（记者 周 敏）",
                      "●近日，城南社区新设便民修补点。（记者 吴 晓）"])
    page = segment(text)
    photo, *briefs = page.articles
    assert (photo.kind, photo.title, photo.body) == ("photo", "菱塘春早", caption)
    assert [b.kind for b in briefs] == ["brief", "brief"]
    assert ("凤城百事", "column label") in {(n.text, n.reason) for n in page.noise}


def test_a_briefs_bracketed_title_a_space_before_its_text_is_bare() -> None:
    text = "\n".join(["▲【陶泉街道开展春季义诊】 4 月", "20日，陶泉街道邀请市医院专家为居民",
                      "义诊，200余名居民受益。（记者 王 娜）"])
    [brief] = segment(text).articles
    assert (brief.kind, brief.title) == ("brief", "陶泉街道开展春季义诊")


def test_a_photos_title_and_its_photographers_spaced_name_on_one_line() -> None:
    caption = "3月15日，市民在柳溪河湿地公园的柳树下垂钓。入春以来，公园内柳枝吐绿。"
    essay_text = "老屋后面那块菜地，是母亲的宝贝。地不大，却被她收拾得井井有条。"
    text = "\n".join([*column(caption, 19), "柳岸春深 刘 洋 摄", "", "母亲的菜园", "■ 杜 远",
                      *column(essay_text, 19)])
    photo, essay = segment(text).articles
    assert (photo.kind, photo.title, photo.byline) == ("photo", "柳岸春深", "刘洋摄")
    assert photo.body == caption
    assert (essay.title, essay.byline) == ("母亲的菜园", "杜远")


def test_a_web_views_list_of_the_pages_titles_under_its_name_is_furniture() -> None:
    story = "新学期伊始，社区小剧场里又响起了熟悉的花儿曲调，十几位老人登台演唱。"
    other = "3月8日，全市中小学生春季篮球联赛开赛，60支队伍参赛。"
    text = "\n".join(["# 社区“小剧场”唱响河湟花儿", "", story, "", "# 中小学生篮球联赛开赛", "",
                      other, "", "**标题导航**", "", "- 社区“小剧场”唱响河湟花儿",
                      "- 中小学生篮球联赛开赛"])
    page = segment(text)
    assert [a.title for a in page.articles] == ["社区“小剧场”唱响河湟花儿", "中小学生篮球联赛开赛"]
    assert page.articles[1].body == other
    assert {n.reason for n in page.noise} == {"index of other pages"}


def test_a_lead_credit_after_a_colon_and_briefs_marked_with_a_pointer() -> None:
    lead = "本报讯:(记者 杜一凡)3月12日，湖滨区首个社区托育点开园，可容纳30名婴幼儿。"
    text = "\n".join(["# 湖滨区首个社区托育点开园", "", lead, "", "## 林区速览", "",
                      "▶ **冰雪运动公益课开课**　寒假期间，区体育馆开课。（记者 于淼）", "",
                      "▶ **青杉社区开展年货安全宣传**　近日，社区讲解食品安全知识。（记者 付岩）"])
    page = segment(text)
    accounted(text, page)
    news, *briefs = page.articles
    assert news.byline == "本报讯:(记者 杜一凡)"
    assert [b.title for b in briefs] == ["冰雪运动公益课开课", "青杉社区开展年货安全宣传"]


def test_title_lines_ending_on_counts_right_over_a_lead_are_no_table() -> None:
    lead = "本报讯（记者 刘振邦）记者从绿岭区招商部门获悉，今年1至2月，该区共签约产业项目18个。"
    text = "\n".join(["招商引资“开门红”", "绿岭区前两月签约项目18个", "总投资112亿元",
                      *column(lead, 14)])
    [article] = segment(text).articles
    assert article.kicker == "招商引资“开门红”"
    assert article.title == "绿岭区前两月签约项目18个总投资112亿元"


def test_title_lines_ending_on_counts_under_their_story_are_no_table() -> None:
    story = ("本报讯（记者 孙 悦）3月14日，石柳区工业园区举行春季项目集中签约活动，"
             "现场签约项目12个。已有5个项目完成前期手续。")
    text = "\n".join([*column(story, 16), "石柳区工业园区新签约项目12个", "总投资46亿元", "",
                     "梭梭锁住了流沙，肉苁蓉鼓起了钱袋。"])
    page = segment(text)
    accounted(text, page)
    assert page.articles[0].title == "石柳区工业园区新签约项目12个总投资46亿元"


def test_a_commentary_whose_kicker_title_and_byline_follow_its_text() -> None:
    text = "\n".join(["一颗苹果，从“卖得出”到“卖", "得好”，靠的是分级、包装和", "冷链，更靠品牌。",
                      "延河短评", "让“延安苹果”香飘更远", "本报评论员", "",
                      "本版责任编辑：高 峰"])
    [article] = segment(text).articles
    assert (article.kicker, article.title, article.byline) == (
        "延河短评", "让“延安苹果”香飘更远", "本报评论员")
    assert article.body == "一颗苹果，从“卖得出”到“卖得好”，靠的是分级、包装和冷链，更靠品牌。"


def test_a_headline_wider_than_the_column_under_its_story_is_no_run_on_line() -> None:
    # Set across columns, it is longer than any line of the column above; the text after
    # the blank line is the next column's, not its continuation.
    text = "\n".join(["据新华社电 广东省农业农村厅", "近日发布消息，今年全省计划完",
                      "成高标准农田建设和改造提升",
                      "120万亩，重点向粮食主产县倾", "斜。截至8月底，全省已完成年", "度任务的76%。",
                      "广东今年将建设改造高标准农田120万亩", "",
                      "9月7日，市区直达珠海机场的定", "制客运开通，乘客可在线预约。"])
    first = segment(text).articles[0]
    assert first.title == "广东今年将建设改造高标准农田120万亩"
    assert first.body.endswith("已完成年度任务的76%。")


def test_a_photo_credit_under_the_title_printed_after_its_caption() -> None:
    text = "\n".join(["9月22日，安河区一所幼", "儿园的孩子们在老师带领", "下认识南瓜、玉米等秋季",
                      "作物，感受丰收的喜悦。", "小手摸“秋”", "兰州日报社全媒体记者 高雪梅 摄"])
    [photo] = segment(text).articles
    assert (photo.kind, photo.title, photo.byline) == (
        "photo", "小手摸“秋”", "兰州日报社全媒体记者 高雪梅 摄")


def test_brief_titles_after_their_bullets_in_the_forms_printed() -> None:
    text = "\n".join([
        "县区简讯", "",
        "●岚川县启动冬季农田水利建设", "10月18日，岚川县冬季农田水",
        "利基本建设全面启动。（薛梅）", "",
        "◆安河区开展秋季燃气安全入户检", "查", "即日起至10月底，安河区组织燃",
        "气企业开展入户检查。（周晓燕）", "",
        "▲【白桦镇滑雪场夜场开放】日", "前，白桦镇滑雪场开放夜场。（记者 刘 畅）"])
    titles = [a.title for a in segment(text).articles]
    assert titles == ["岚川县启动冬季农田水利建设", "安河区开展秋季燃气安全入户检查",
                      "白桦镇滑雪场夜场开放"]


def test_a_headline_under_its_story_as_wide_as_the_column_over_a_new_sentence() -> None:
    text = "\n".join(["本报讯（记者 邵 宁）1月8日，", "全市青少年冬季越野滑雪比",
                      "赛在翠林县开赛。", "本次比赛设男子、女子两个", "组别，比赛为期两天。",
                      "300余名青少年雪场竞技", "",
                      "1月7日，市群众艺术馆的剪纸", "艺人走进翠湖社区教孩子剪窗", "花。"])
    first = segment(text).articles[0]
    assert first.title == "300余名青少年雪场竞技"


def test_a_mobile_edition_with_bracketed_sections_and_arrowed_titles() -> None:
    text = "\n".join([
        "2026年1月20日某某手机报", "", "【导读】", ">城东区20条步道完成冬季“体检”",
        ">明起我市有小雨 注意防寒", "",
        "【今日要闻】", ">>城东区20条步道完成冬季“体检”",
        "近日，城东区对辖区20条步道开展冬季安全检查，修补破损梯步1300余处。（记者 谭 悦）", "",
        "【天气提醒】", ">>明起我市有小雨 注意防寒",
        "据市气象台预报，21日起我市大部地区有小雨，请市民注意添衣保暖。（记者 罗 川）", "",
        "本期编辑：黎 明 审核：陶 然"])
    page = segment(text)
    assert [(a.kicker, a.title) for a in page.articles] == [
        ("今日要闻", "城东区20条步道完成冬季“体检”"), ("天气提醒", "明起我市有小雨 注意防寒")]
    reasons = {n.text: n.reason for n in page.noise}
    assert reasons["明起我市有小雨 注意防寒"] == "index of other pages"
    assert reasons["2026年1月20日某某手机报"] == "masthead"
    assert reasons["本期编辑：黎明审核：陶然"] == "editors' names"  # as repaired


def test_a_mobile_paper_s_stories_mark_their_later_paragraphs_with_a_hollow_star() -> None:
    lead = "●3月9日，桐湾镇草莓采摘园迎来今年第一批游客，当天接待采摘游客800余人次。"
    more = ["☆据了解，桐湾镇今年草莓种植面积达到3200亩，推广立体栽培和错峰上市技术。",
            "☆采摘园负责人介绍，目前草莓售价每斤在25元至35元之间，周末客流最多。"]
    text = "\n\n".join([
        "★本地要闻导读★", "◇桐湾镇草莓采摘园迎来首批游客", "◇城北片区启动雨污分流改造",
        "★本地要闻★", ">桐湾镇草莓采摘园迎来首批游客", "————————", lead, *more,
        "（记者 谭 悦 通讯员 罗 川）", ">城北片区启动雨污分流改造", "————————",
        "●3月10日，城北片区雨污分流改造工程开工，涉及12条背街小巷。",
        "☆工程计划年底前完工，施工期间实行分段封闭。", "（记者 罗 川）"])
    page = segment(text)
    first, second = page.articles
    assert (first.kicker, first.title) == ("本地要闻", "桐湾镇草莓采摘园迎来首批游客")
    assert first.body.split("\n\n") == [lead[1:], *more]  # ☆ paragraphs stay the story's
    assert first.byline == "记者 谭悦 通讯员 罗川"  # as repaired
    assert (second.title, second.byline) == ("城北片区启动雨污分流改造", "记者 罗川")
    reasons = {n.text: n.reason for n in page.noise}
    assert reasons["城北片区启动雨污分流改造"] == "index of other pages"  # the spaced index


def test_a_star_subhead_inside_a_web_article_is_no_new_article() -> None:
    parts = ["北窑街道槐荫小区建于上世纪九十年代，6层楼房没有电梯，住在高层的老人下楼很不方便。",
             "☆意见统一是第一道坎",
             "加装电梯，难在众口难调。社区书记带着网格员挨家挨户上门，光是这个单元就开了7次协调会。",
             "☆钱从哪里来",
             "每部电梯造价约38万元，除了住户自筹，还可申请政府补贴和提取住房公积金。"]
    text = "\n".join(["老小区加装电梯 “爬楼难”变“上楼易”", "",
                      *("\u3000\u3000" + part + "\n" for part in parts)])
    [article] = segment(text).articles
    assert article.body.split("\n\n") == parts


def test_a_column_s_name_framed_by_one_mark_is_the_commentary_s_kicker() -> None:
    text = "\n".join(["●清溪漫谈●", "好田更要“好管”", "□ 林 川",
                      "一块田修得好不好，春耕时一看便知；管得好不好，却要看三年五年。"])
    [article] = segment(text).articles
    assert (article.kicker, article.title, article.byline) == ("清溪漫谈", "好田更要“好管”", "林川")


def test_an_opinion_column_s_title_broken_on_a_particle_over_its_text() -> None:
    wire = "记者13日从有关部门了解到，目前全国夏粮收获由南向北陆续展开，确保颗粒归仓。"
    essay = ("同样一颗梨子，过去下树就卖，现在冷库里存一存、直播间里卖一卖，价钱就不一样了。"
             "农业要增效，不能只盯着种，更要在储、运、销上下功夫。")
    text = "\n".join(["全国夏粮收获", "由南向北展开", "据新华社北京5月13日电",
                      *column(wire, 12), "", "钟吾短评", "一颗梨子的", "“增值账”",
                      *column(essay, 12), "■ 槐 序"])
    agency, comment = segment(text).articles
    assert agency.body == wire
    assert (comment.kicker, comment.title) == ("钟吾短评", "一颗梨子的“增值账”")
    assert comment.body == essay


def test_the_page_s_index_ends_the_text_above_it() -> None:
    caption = ("25日，位于金穗街道的千亩油菜花田进入盛花期，金黄的花海连绵起伏，"
               "不少市民趁着好天气前来赏花拍照。(记者 韩雪梅)")
    text = "\n".join(["## 3月26日早报", "", "2026年3月26日，星期四", "",
                      "今天多云转晴，温度8℃～22℃", "", "**◆导读◆**", "", ">>小芝麻里有大文章",
                      ">>市区新增5条公交微循环线路", "",
                      "## 【封面】", "", "**●春风十里菜花黄**", "---------------", caption])
    page = segment(text)
    assert page.articles[-1].title == "春风十里菜花黄"
    assert page.articles[-1].body.startswith("25日，位于金穗街道")


def test_teasers_naming_their_pages_stay_in_the_index_however_punctuated() -> None:
    story = "3月起，城区至岚湾镇的城乡公交线路完成整合，发车间隔缩短到12分钟。"
    text = "\n".join(["城乡公交实现“一票直达”", *column(story, 14), "", "今日导读",
                      "▶白鹭溪廊道贯通：一座栈桥绕开百年古榕 A2",
                      "▶代表委员在京履职：把“小修小补”做成“大民生” A2",
                      "▶全区今年新建改建公办幼儿园8所 A2"])
    page = segment(text)
    assert [a.body for a in page.articles] == [story]
    reasons = {n.text: n.reason for n in page.noise}
    assert reasons["▶代表委员在京履职：把“小修小补”做成“大民生”A2"] == "index of other pages"


def test_two_writers_names_after_a_brief_s_last_sentence_sign_it() -> None:
    briefs = ["16日，市公交公司新开通至芦荡镇的城乡公交专线，每天往返班次24个。",
              "近日，市消防救援大队走进荷风路沿街商铺，督促整改隐患17处。",
              "近日，荷塘社区新建的“长者食堂”投入使用，60岁以上老人每餐只需8元。"]
    text = "\n".join(["城事快讯", "", f"◆{briefs[0]} 陶 然", f"◆{briefs[1]} 金雯 周立新",
                      f"◆{briefs[2]} 王 平 李 响"])
    page = segment(text)
    assert [a.body for a in page.articles] == briefs
    assert [re.sub(r"\s", "", a.byline or "") for a in page.articles] == [
        "陶然", "金雯周立新", "王平李响"]


def test_a_spaced_name_after_a_brief_s_last_sentence_signs_it_where_the_brief_ends() -> None:
    first = "6日上午，市图书馆雁洲路分馆开馆，馆内藏书2万余册，每周一闭馆。"
    second = "近日，柳港村组织20多名退捕渔民参加水上救生技能培训。"
    text = "\n".join(["岛 城 简 讯", f"◆{first[:22]}", f"{first[22:]} 沈 丹",
                      f"◆{second[:22]}", f"{second[22:]}", "朱江涛 刘 芸"])
    one, two = segment(text).articles
    assert (one.body, one.byline) == (first, "沈丹")
    assert two.body == second


def test_a_web_page_s_previous_and_next_links_are_furniture_even_with_a_comma() -> None:
    essay = "百里江堤，是岛城人的“后花园”。周末去江堤上走一走，已经成了不少市民的习惯。"
    data = "来源：扬中日报　　发布时间：2026-04-08 07:12"
    text = "\n".join(["扬中市城乡居民医保补缴公告", data, "",
                      "　　2026年度城乡居民医疗保险集中缴费期已结束，未参保人员可按规定补缴。",
                      "", "　　扬中市医疗保障局", "", "　　2026年4月7日", "",
                      "【责任编辑：陆一帆】",
                      "上一篇：市人社局举办春季专场招聘会　　下一篇：春风里，去江堤上走一走",
                      "", "春风里，去江堤上走一走", data, "", "　　□　江　舟", f"　　{essay}"])
    page = segment(text)
    assert [a.title for a in page.articles] == ["扬中市城乡居民医保补缴公告",
                                                "春风里，去江堤上走一走"]
    assert page.articles[1].body == essay


def test_a_printing_permit_s_number_alone_is_furniture_not_a_kicker() -> None:
    story = "本报讯（记者 邹 敏）今年以来，桐湾镇研学基地接待中小学生研学团队120余批次。"
    for permit in ["湘内资准字 第 0417 号", "湖北省内部资料性出版物准印证：鄂宜内资准字第0317号",
                   "浙内准字第A017号"]:
        text = "\n".join(["某某日报", "2026年3月24日 星期二", permit, "", "红色研学热",
                          "桐湾镇研学基地春季迎客超两万人次", *column(story, 16)])
        page = segment(text)
        [article] = page.articles
        assert (article.kicker, article.title) == ("红色研学热", "桐湾镇研学基地春季迎客超两万人次")
        assert any(n.reason == "masthead" and "准字" in n.text for n in page.noise)


def test_a_bulleted_label_over_a_markdown_heading_is_its_kicker() -> None:
    story = "本报讯 过去，瓦窑坡社区东侧的空地被居民开成了一块块小菜园，如今变身口袋公园。"
    text = "\n".join(["## 引水洞打通了", "", "村里还将成立用水协会，制定用水管理制度。", "",
                      "---", "", "■ 城市更新进行时", "", "## “小菜园”变身“口袋公园”", "",
                      "□本报记者 王 岚", "", story, "", "# 关于春季适龄儿童入学登记的公告", "",
                      "根据市教育局工作安排，现将入学登记有关事项公告如下。"])
    page = segment(text)
    park = page.articles[1]
    assert (park.kicker, park.title, park.subtitle) == (
        "城市更新进行时", "“小菜园”变身“口袋公园”", None)
    assert park.body == story


def test_a_brief_s_number_alone_over_its_title_is_furniture() -> None:
    briefs = ["即日起，柳泉区12家机关向周边居民开放夜间停车位，共计860个。详情>>>",
              "青槐区3座地铁站试点推出“无障碍接送”服务，轮椅乘客可预约。（记者 周 航）详情>>>",
              "春节假期期间，市民服务热线将24小时在岗，民生诉求实行专班处置。详情>>>"]
    text = "\n\n".join([
        "# 早安，北京", "乙巳年 腊月十一", "1月29日", "![](images/top.jpg)",
        "1月28日傍晚，落日余晖洒在杏坛公园的冰面上，市民在冰场上滑冰。", "本报记者 孙 蕾 摄",
        "详情>>>", "## 快讯", "01", "**柳泉区新增12处夜间共享停车位**", briefs[0], "02",
        "**青槐区地铁站试点“无障碍接送”**", briefs[1], "03", "**市民热线春节假期不打烊**",
        briefs[2], "## 便民", "**春节假期部分医院门诊安排**", "市卫生健康委发布假期医疗服务安排。"])
    page = segment(text)
    assert [a.title for a in page.articles][-4:] == [
        "柳泉区新增12处夜间共享停车位", "青槐区地铁站试点“无障碍接送”", "市民热线春节假期不打烊",
        "春节假期部分医院门诊安排"]  # each number ends the item above it
    assert [n.text for n in page.noise if n.reason == "item number"] == ["01", "02", "03"]


def test_a_commentary_after_a_table_s_note_opens_on_a_short_paragraph() -> None:
    comment = ["一块菜地、一间理疗室、一个冷库，看似都是小事，却都落在群众的日常生活里。",
               "民生工作不在于口号喊得多响，而在于能不能把群众身边的小事一件件办好。办好了，"
               "群众看得见、摸得着，获得感自然就有了。"]
    text = "\n".join(["3月中旬城区主要农副产品价格", "品名　　　单位　　　价格（元）　　环比",
                      "猪肉　　　斤　　　　13.5　　　　 持平",
                      "鸡蛋　　　斤　　　　4.8　　　　　下降",
                      "注：数据由市发改局价格监测中心提供。", "",
                      *column(comment[0], 20),
                      *column(comment[1], 20), "● 竹 溪", "临湘观察", "民生无小事 件件要落地"])
    table, essay = segment(text).articles
    assert table.title == "3月中旬城区主要农副产品价格"
    assert (essay.kicker, essay.title) == ("临湘观察", "民生无小事 件件要落地")
    assert essay.byline == "竹溪"
    assert essay.paragraphs == comment


def test_an_advert_s_line_with_its_telephone_under_the_advert_label() -> None:
    brief = "3月18日，白茅港村举办“村晚”暨乡风文明表彰会，评选出先进典型26名。"
    text = "\n".join(["乡镇传真", f"■{brief[:20]}", f"{brief[20:]}（通讯员 李薇）", "", "广告",
                      "望江路临街商铺整体招租 电话：13907300000"])
    page = segment(text)
    assert [a.body for a in page.articles] == [brief]
    assert {n.text: n.reason for n in page.noise}[
        "望江路临街商铺整体招租 电话：13907300000"] == "advertisement"


def test_a_mailbox_inside_a_notice_is_the_notice_s_own_line() -> None:
    lines = ["为讲好韶山故事，本报即日起面向社会征集“我家的老照片”。",
             "征集要求：照片反映城乡变迁和群众生活，需注明拍摄时间、地点和人物。",
             "投稿邮箱：zhengji@example.com", "截止时间：2026年5月31日", "某某日报编辑部"]
    brief = "自3月25日起，市民服务中心每周二、周四开设夜间服务窗口。（易澜）"
    text = "\n\n".join(["## 城事", "---", f"**市民服务中心新增夜间窗口** {brief}",
                        "---\n## 征 集 启 事",
                        *lines, "---\n**版面导航**\n- 第01版：要闻\n- 第02版：要闻"])
    notice = segment(text).articles[-1]
    assert notice.title == "征集启事"
    assert "投稿邮箱：zhengji@example.com" in notice.body  # not the masthead's mailbox


def test_a_reader_s_fields_over_the_next_article_end_the_table_above() -> None:
    briefs = ["县人民医院“便民门诊”自11月24日起延长服务时间，工作日开放至晚上8点。",
              "杏林社区老年大学冬季班开课，新增智能手机使用、中药养生等课程。"]
    fields = ["日期：11-20", "字号：", "版面：第03版：民生　　上一篇　　下一篇", ""]
    text = "\n".join(["本周中药材收购参考价", *fields, "品种　　规格　　　价格（元/公斤）",
                      "白术　　统货　　　28～32", "玄参　　统货　　　12～14",
                      "（数据来源：县中药材产业发展中心）", "", "民生速递", *fields,
                      f"{briefs[0]}（卢 佳）", f"{briefs[1]}（金 燕）"])
    table, *items = segment(text).articles
    assert table.title == "本周中药材收购参考价" and "白术" in table.body
    assert [a.body for a in items] == briefs


def test_an_e_paper_s_counters_and_a_site_s_edition_title_are_furniture() -> None:
    essay = "石坦村的路，是一级一级的石阶。如今，石阶两旁的老屋挂上了民宿的招牌。"
    text = "\n".join(["今日某县（2026年4月9日）", "", "# 石坦村的老石阶", "",
                      "阅读量:356 本文字数:402", "", f"　　{essay}", "", "---", "",
                      "# 侨联举办涉侨法律讲座", "",
                      "县侨联日前在凤溪社区举办涉侨法律知识讲座。"])
    page = segment(text)
    assert page.articles[0].title == "石坦村的老石阶" and page.articles[0].body == essay
    reasons = {n.text: n.reason for n in page.noise}
    assert reasons["今日某县（2026年4月9日）"] == "masthead"
    assert reasons["阅读量:356本文字数:402"] == "page header"  # as repaired


def test_a_photo_credit_with_its_role_set_off_by_a_bar() -> None:
    caption = "▲4月8日，红渡社区的居民在河畔步道晨练。今年以来，县城新建改造滨河步道6.5公里。"
    text = "\n".join(["滨河步道晨练忙", caption, "▲摄影｜记者 廖 斌", "",
                      "校园周边食品安全专项检查开展", "来源：某某报  作者：通讯员 邝 敏",
                      "　　近日，县市场监管局对城区12所学校周边的食品店开展专项检查。"])
    photo, story = segment(text).articles
    assert (photo.title, photo.kind) == ("滨河步道晨练忙", "photo")
    assert re.sub(r"\s", "", photo.byline) == "摄影｜记者廖斌"
    assert (story.kicker, story.title) == (None, "校园周边食品安全专项检查开展")


def test_a_city_site_s_fields_buttons_and_picture_alt_text_are_furniture() -> None:
    story = ("　　3月16日，开平市举行一季度重点项目集中开工仪式，此次集中开工项目共15个。"
             "(记者 关雅文)")
    fields = ["撰写时间：2026-03-17", "来源： 某某日报", "打印", "【字体：大 中 小】", "相关附件：",
              "图片"]
    text = "\n".join(["某某新闻网", "繁体版 | 无障碍 | 关怀版 | 网站支持IPv6", "搜索",
                      "首页 > 新闻动态 > 要闻", "", "我市一季度15个重点项目集中开工", *fields,
                      story, "【责任编辑：梁颖】"])
    page = segment(text)
    [article] = page.articles
    assert (article.kicker, article.title) == (None, "我市一季度15个重点项目集中开工")
    reasons = {n.text: n.reason for n in page.noise}
    assert reasons["图片"] == "image"
    assert reasons["撰写时间：2026-03-17"] == "page header"


def test_what_stands_over_a_title_with_a_dashed_subtitle_is_its_kicker() -> None:
    text = "\n".join(["冰雪经济“热”力足", "江湾区冰雪季接待游客", "突破200万人次",
                      "——外地游客占比过半 带动消费增长", "□本报记者 韩 雪",
                      "记者25日从江湾区文体旅游局获悉，入冬以来全区接待游客突破200万人次。"])
    [article] = segment(text).articles
    assert (article.kicker, article.title, article.subtitle) == (
        "冰雪经济“热”力足", "江湾区冰雪季接待游客突破200万人次", "——外地游客占比过半 带动消费增长")


def test_a_pipe_table_s_header_row_is_a_row_and_the_line_above_its_title() -> None:
    text = "\n".join(["# 首府冬季公益冰雪场地一览", "", "| 场地 | 所在区 | 开放时间 |",
                      "|---|---|---|", "| 雪莲湖公园冰场 | 红柳区 | 10:00—20:00 |", "",
                      "数据来源：市体育局", "", "# 城东区部署春季防火工作", "",
                      "本报讯（记者 王立）3月1日，城东区召开会议。"])
    table, _ = segment(text).articles
    assert table.title == "首府冬季公益冰雪场地一览"
    assert table.body.startswith("| 场地 | 所在区 | 开放时间 |")


def test_a_table_whose_cells_are_one_ideographic_space_apart_ends_the_story_above() -> None:
    story = ("3月11日上午10时许，随着最后一段岩壁被打通，隧道两端的工人隔着洞口挥手欢呼。"
             "有人掏出手机给家里打电话：“通了，今年能回家过端午了！”")
    rows = ["节点　里程（公里）　进度", "青岭隧道　3.2　双向贯通", "柳溪特大桥　1.8　桥面铺装",
            "松坪互通　2.1　收尾施工"]
    text = "\n".join(["青岭隧道里的“穿山人”", *column(story, 22), "",
                      "柳溪高速连接线主要节点进度表", *rows, "注：进度截至2026年3月11日。"])
    news, table = segment(text).articles
    assert (news.title, news.body) == ("青岭隧道里的“穿山人”", story)
    assert (table.kind, table.title) == ("table", "柳溪高速连接线主要节点进度表")
    assert table.paragraphs[:2] == ["节点 里程（公里） 进度", "青岭隧道 3.2 双向贯通"]


def test_a_phone_paper_s_items_under_bold_titles_and_bracketed_labels() -> None:
    text = "\n".join([
        "打印页面", "", "# 4月2日早报", "", "2026年4月2日，星期四，农历二月十五", "",
        "## 【柳城时评】", "",
        "**●小茶叶里有大文章**", "---------------",
        "一片茶叶，在茶岭村村民手里变成了茶饼、茶点和茶宴，也变成了实实在在的收入。"
        "(详见 http://m.example.cn/article/73011 )(本报评论员)", "", "## 【城事】", "",
        "**●市区新增3条社区巴士线路**", "---------------",
        "记者从市公交公司获悉，3条社区巴士线路自1日起运营，票价1元。(记者 林晓)", "",
        "文章来源：http://www.example.cn/2026/0402/1187.shtml"])
    page = segment(text)
    comment, bus = page.articles[-2:]
    assert (comment.kicker, comment.title, comment.byline) == (
        "柳城时评", "小茶叶里有大文章", "本报评论员")
    assert comment.body.endswith("实实在在的收入。")
    assert (bus.title, bus.byline) == ("市区新增3条社区巴士线路", "记者 林晓")
    assert bus.body == "记者从市公交公司获悉，3条社区巴士线路自1日起运营，票价1元。"
    reasons = {n.text: n.reason for n in page.noise}
    assert reasons["打印页面"] == reasons["文章来源：http://www.example.cn/2026/0402/1187.shtml"] \
        == "page header"
    assert reasons["(详见 http://m.example.cn/article/73011 )"] == "link"


def test_a_notice_s_closing_date_over_the_next_markdown_title_is_the_notice_s() -> None:
    text = "\n".join(["# 停热通知", "因管网抢修，1月30日8时至18时，以下区域将暂停供热：",
                      "榆岭街道1号至20号楼。", "某某热力有限公司", "2026年1月28日", "",
                      "# 东坪区举办新春招聘会", "1月27日，东坪区新春招聘会在区人力资源市场举行。"])
    notice, news = segment(text).articles
    assert notice.body.endswith("2026年1月28日")
    assert (news.kicker, news.title) == (None, "东坪区举办新春招聘会")


def test_a_web_notice_s_closing_date_alone_under_its_signer_is_its_own() -> None:
    text = "\n".join(["停水公告", "　　因管网改造施工，1月22日8时至18时对下列区域暂停供水：",
                      "　　一、稻香路两侧居民小区。", "某某区自来水公司", "2026年1月20日",
                      "【打印本页】 【关闭窗口】"])
    [notice] = segment(text).articles
    assert notice.body.endswith("某某区自来水公司\n\n2026年1月20日")


def test_an_interview_whose_speakers_are_set_in_bold_is_an_interview() -> None:
    text = "\n".join(["# 种瓜人的新打算", "", "**记者：**今年家里准备种多少亩瓜？", "",
                      "**艾力：**还是20亩，不过要换新品种。", "",
                      "**记者：**为什么想试新品种？", "", "**艾力：**去年价格好，订单也多。"])
    [article] = segment(text).articles
    assert article.kind == "interview"


def test_a_web_view_s_list_of_the_page_s_titles_over_its_stories_is_furniture() -> None:
    stories = [("某某区“冬闲”变“冬忙”", "本报讯（记者 庞雪）屋外寒风刺骨，大棚里暖意融融，"
                                          "村民们正忙着采摘、装箱。"),
               ("全市春节市场保供稳价", "本报讯（记者 林夕）记者从市商务局获悉，全市主要超市的"
                                      "蔬菜、肉蛋供应充足。"),
               ("让“冬闲田”长出“致富果”", "本报讯（记者 陈默）冬闲田不闲，关键在于把种植技术"
                                          "送到农户手中。")]
    text = "\n".join(["站内检索", "2026年2月6日 放大 缩小 默认", "",
                      *(title for title, _ in stories), "",
                      *(line for title, body in stories for line in (title, body, ""))])
    page = segment(text)
    assert [a.title for a in page.articles] == [title for title, _ in stories]
    listed = [n.text for n in page.noise if n.reason == "index of other pages"]
    assert listed == [title for title, _ in stories]


def test_a_notice_s_hotline_between_its_text_and_its_signer_is_its_own() -> None:
    text = "\n".join(["# 停水通知", "", "因管网改造施工需要，1月16日8时至20时暂停供水。", "",
                      "给您带来的不便，敬请谅解。", "", "服务热线：0554-6628899", "",
                      "某某市自来水有限公司", "", "2026年1月14日"])
    [notice] = segment(text).articles
    assert "服务热线：0554-6628899" in notice.body
    assert notice.body.replace("\n", "").endswith("某某市自来水有限公司2026年1月14日")


def test_a_title_wrapped_over_two_full_lines_is_no_kicker_and_title() -> None:
    body = "新华社北京1月19日电（记者 陈明）记者19日从有关部门获悉，入冬以来各地冰雪旅游持续升温。"
    for head, kicker, title in (
            (["全国冰雪旅游人次", "今冬有望再创新高"], None, "全国冰雪旅游人次今冬有望再创新高"),
            # Digits take half a cell: 全省今年将新铺设 / 乡村道路2600公里 fill the same width.
            (["全省今年将新铺设", "乡村道路2600公里"], None, "全省今年将新铺设乡村道路2600公里"),
            # A kicker is shorter than the title it stands over…
            (["老旧管网改造完成九成", "今冬供暖设施检修进入冲刺"], "老旧管网改造完成九成",
             "今冬供暖设施检修进入冲刺"),
            # …unless it reports a visit or a meeting.
            (["唐平刚到湄滨市督导平安建设工作", "平安创建走深走实"],
             "唐平刚到湄滨市督导平安建设工作", "平安创建走深走实")):
        [article] = segment("\n".join([*head, "", *column(body, 16)])).articles
        assert (article.kicker, article.title) == (kicker, title), head


def test_a_full_title_over_a_longer_line_of_facts_with_a_comma_takes_it_as_subtitle() -> None:
    story = "1月28日，枫湾镇南岭智造园首栋厂房顺利封顶。该栋厂房地上16层，是全镇最高的工业楼宇。"
    text = "\n".join(["枫湾镇“工业上楼”项目首栋厂房封顶", "预计今年三季度投入使用，可容纳企业20家",
                      "来源：某某日报　作者：记者 陈明　发布时间：2026-01-29 07:30", "　　" + story,
                      "责任编辑：钟怡"])
    [article] = segment(text).articles
    assert (article.kicker, article.title, article.subtitle) == (
        None, "枫湾镇“工业上楼”项目首栋厂房封顶", "预计今年三季度投入使用，可容纳企业20家")


def test_a_byline_a_blank_line_under_a_closing_headline_opens_the_story_below() -> None:
    first = "茶坪镇党委负责人表示，下一步将把托管服务从种植环节延伸到烘干、销售环节。"
    second = "春季是森林防火的关键时期。今年我市森林防火工作有哪些新举措？记者采访了市林业局。"
    text = "\n".join([*column(first, 16), "千亩梯田春耕忙", "", "本报记者 吴晓岚",
                      *column(second, 16), "森林防火有了“千里眼”"])
    above, below = segment(text).articles
    assert (above.title, above.byline, above.body) == ("千亩梯田春耕忙", None, first)
    assert (below.title, below.byline, below.body) == (
        "森林防火有了“千里眼”", "本报记者 吴晓岚", second)


@pytest.mark.parametrize("jump", [[], ["（下转第3版）"]])
def test_a_picture_s_title_right_over_its_caption_is_its_title(jump: list[str]) -> None:
    story = "农技员李继昌在松溪村已经住了一个多月。他给记者算了一笔账：改良品种第三年就能挂果。"
    caption = "3月10日，游客在芒桂乡石榴坝村的油菜花田里拍照。眼下，当地2000多亩油菜花进入盛花期。"
    text = "\n".join(["咖啡园里抢农时", *column(story, 12), *jump, "", "油 菜 花 开 映 山 乡",
                      *column(caption, 12), "本报记者 杨 帆 摄"])
    news, photo = segment(text).articles
    assert (news.title, news.body) == ("咖啡园里抢农时", story)
    assert (photo.kind, photo.title, photo.body, photo.byline) == (
        "photo", "油菜花开映山乡", caption, "本报记者杨帆摄")


def test_a_short_title_right_over_one_bulleted_caption_and_its_credit_is_the_picture_s() -> None:
    story = "据了解，红岸区今年计划新植和更新糖料蔗良种8万亩，推广机械化种植5万亩。"
    caption = "3月13日，红岸区古榕小学的学生跟着民间艺人学唱山歌。当地已有15所中小学开设山歌课。"
    text = "\n".join(["糖料蔗收榨冲刺", *column(story, 16), "", "山歌唱响校园",
                      *column("▲" + caption, 16), "本报记者 黄 珊 摄"])
    news, photo = segment(text).articles
    assert news.body == story
    assert (photo.kind, photo.title, photo.body) == ("photo", "山歌唱响校园", caption)


def test_a_numbered_series_name_before_a_bar_is_the_title_s_kicker() -> None:
    text = "\n".join(["直通青湖㉛ | 新菱路农贸市场改造完工重新开业", "青湖日报全媒体记者 丁 雯",
                      "6月8日，经过4个月改造，青鉴区新菱路农贸市场重新开业。"])
    [article] = segment(text).articles
    assert (article.kicker, article.title) == ("直通青湖㉛", "新菱路农贸市场改造完工重新开业")


def test_a_brief_s_title_led_by_its_place_and_a_colon_on_the_bullet_s_line() -> None:
    text = "\n".join(["区县快讯", "■翠湾镇：老渡口新码头投用　3月6日，翠湾镇老",
                      "渡口新码头建成投用，两岸村民过江候船不再日晒雨淋。", "（曾岚）",
                      "■青山县：首批“乡村工匠”获评定　近日，青山",
                      "县对首批32名“乡村工匠”进行评定授牌。", "（罗川）"])
    first, second = segment(text).articles
    assert (first.title, first.byline) == ("翠湾镇：老渡口新码头投用", "曾岚")
    assert first.body.startswith("3月6日，翠湾镇老渡口")
    assert second.title == "青山县：首批“乡村工匠”获评定"


def test_a_number_alone_on_a_page_s_first_line_is_the_page_s() -> None:
    text = "\n".join(["2", "要闻", "2026年3月13日 星期五", "责任编辑：彭 丽 版式：刘 洋", "",
                      "（上接第1版）", "超过6000亩。", "村里还专门培养了5名农机手。",
                      "农机“转”起来了"])
    page = segment(text)
    [article] = page.articles
    assert (article.kicker, article.title, article.continued_from) == (None, "农机“转”起来了", 1)
    assert ("2", "page header") in [(n.text, n.reason) for n in page.noise]


def test_a_brief_s_title_as_wide_as_its_column_right_over_its_text_and_credit() -> None:
    text = "\n".join(["洪城简讯", "莲溪镇新开通3条公交线路", "近日，莲溪镇新开通3条城乡",
                      "公交线路，串联起镇区、中心", "小学和7个行政村。（记者 刘溪）",
                      "瓦罐巷早市改造后重新开市", "3月9日，樟湾区瓦罐巷早市完",
                      "成提升改造重新开市。（记者 熊帆）"])
    first, second = segment(text).articles
    assert (first.title, first.byline) == ("莲溪镇新开通3条公交线路", "记者 刘溪")
    assert first.body.startswith("近日，莲溪镇")
    assert (second.title, second.byline) == ("瓦罐巷早市改造后重新开市", "记者 熊帆")


def test_a_subtitle_wrapped_onto_a_second_line_is_one_subtitle() -> None:
    story = ("本报讯（记者 庞 宁）3月9日一早，青檀区果岭镇杏岗村的麦田里，两架植保无人机"
             "来回穿梭。截至目前，全镇托管面积已从最初的6000亩扩大到三万亩，覆盖农户两千"
             "户。托管服务中心现有农机手、植保员四十多人，多是返乡的年轻人。")
    body = column(story, 15)
    text = "\n".join(["石家庄日报客户端 扫码看新闻", "", "春耕时节看农事", "青檀区果岭镇“托管田”",
                      "扩至三万亩", "小农户种地有了“大管家”", "——耕、种、防、收全程托管，",
                      "亩均节本增收约160元", *body])
    page = segment(text)
    [article] = page.articles
    assert (article.kicker, article.title, article.subtitle) == (
        "春耕时节看农事", "青檀区果岭镇“托管田”扩至三万亩小农户种地有了“大管家”",
        "——耕、种、防、收全程托管，亩均节本增收约160元")
    assert page.noise[0].reason == "QR-code caption"


def test_a_subtitle_broken_at_its_comma_runs_on_wider_than_the_column_below() -> None:
    """A headline group is set across columns: the line after a subtitle's comma may be
    wider than any line of the narrow column under it, and is still the subtitle's."""
    text = "\n".join(["鲢鱼湾村“共享农机”上岗", "百亩油菜田半天喷完叶面肥", "——合作社统一调度，",
                      "小农户用机像叫网约车一样方便", "", "3月9日，市民在莲浦区长",
                      "江江滩公园赏花踏青。连", "日来，江滩公园的油菜花", "进入盛花期。",
                      "记者 王 川 摄", "江滩春色"])
    subtitles = [a.subtitle for a in segment(text).articles]
    assert "——合作社统一调度，小农户用机像叫网约车一样方便" in subtitles


def test_a_column_s_name_and_a_title_on_one_line_with_a_bar_between() -> None:
    text = "\n".join(["“过去一下雨，路上全是稀泥", "巴，柑橘运不出去。”柑橘种", "植户黄建华说。",
                      "近年来，青岗镇累计新建和改", "造农村公路86公里。",
                      "青岗镇“四好农村路”", "通到家门口", "——全镇38个村民小组",
                      "实现硬化路全覆盖", "",
                      "区县观察 | 让山城步道“热”得更久", "步道修好了，来的人多了，",
                      "这是好事。但步道“热”起", "来之后，如何让它“热”得", "更久，还需多下功夫。"])
    first, second = segment(text).articles
    assert (first.title, first.subtitle) == ("青岗镇“四好农村路”通到家门口",
                                             "——全镇38个村民小组实现硬化路全覆盖")
    assert (second.kicker, second.title) == ("区县观察", "让山城步道“热”得更久")


def test_a_masthead_with_its_date_alone_and_a_lead_under_a_wrapped_subtitle() -> None:
    story = ("3月11日一早，沙枣县金穗镇枣香村的田埂上，三台大马力拖拉机一字排开，旋耕、施肥、"
             "播种一气呵成。截至目前，金穗镇已有2300余户农户签订托管协议。")
    text = "\n".join(["某某日报", "中共某某自治区委员会主办", "2026年3月12日", "星期四",
                      "某某日报客户端 扫一扫 看更多精彩", "", "春耕时节看田间",
                      "沙枣县金穗镇万亩耕地", "有了“田保姆”", "——土地托管服务覆盖",
                      "2300余户，种粮户省心又增收", "本报讯（记者 马晓燕）",
                      *column(story, 13)])
    page = segment(text)
    [article] = page.articles
    assert (article.kicker, article.title, article.subtitle) == (
        "春耕时节看田间", "沙枣县金穗镇万亩耕地有了“田保姆”",
        "——土地托管服务覆盖2300余户，种粮户省心又增收")
    assert len(page.noise) == 5  # masthead, its owner, date, weekday, app line


def test_a_line_that_starts_with_the_reporter_s_source_is_text_not_a_byline() -> None:
    line = classify(1, "记者从银川市苇湖区住房和城乡", markdown=False)
    assert line.kind is Kind.TEXT
    assert classify(1, "本报记者张刚刘地委通讯员孔鹏", markdown=False).kind is Kind.BYLINE


def test_an_e_paper_header_listing_the_page_s_titles_is_furniture() -> None:
    text = "\n".join(["2026年03月12日 星期四",
                      "菜价回落 “菜篮子”拎得更轻松 春季过敏高发 专家支招 菜价跌了，也要看看菜农",
                      "", "# 菜价回落 “菜篮子”拎得更轻松", "",
                      "荠菜、香椿、春笋……最近，菜场里的春菜越来越多。 本报记者 邵 宁", "",
                      "# 春季过敏高发 专家支招", "", "春季花粉、尘螨等过敏原增多。（记者 谈芮）"])
    page = segment(text)
    assert [a.title for a in page.articles] == ["菜价回落“菜篮子”拎得更轻松",
                                                "春季过敏高发 专家支招"]
    assert page.articles[0].byline == "本报记者邵宁"  # printed after the last sentence
    assert page.articles[0].body == "荠菜、香椿、春笋……最近，菜场里的春菜越来越多。"
    assert page.noise[1].reason == "index of other pages"


def test_a_front_page_lead_with_a_place_label_a_two_line_byline_and_a_wrapped_jump() -> None:
    story = ("3月23日一早，凤栖区槐塬镇麦垛村的田埂上，两架植保无人机一前一后升空，药雾均匀地"
             "洒在返青的麦苗上。“以前打药得背着喷雾器一垄一垄走。”村民说。全镇托管面积已达"
             "2.3万亩，占小麦种植面积的六成（下转")
    text = "\n".join(["某某日报", "某某市新闻传媒中心出版", "", "春耕一线看振兴", "凤栖区槐塬镇：",
                      "“托管田”里麦苗返青正当时", "——全镇小麦推行统防统治，", "农户亩均节本80元",
                      "◎本报记者 郭振川", "特约通讯员 雷 敏",
                      *column(story, 13), "2版）"])
    page = segment(text)
    [article] = page.articles
    assert (article.kicker, article.title, article.subtitle) == (
        "春耕一线看振兴", "凤栖区槐塬镇：“托管田”里麦苗返青正当时",
        "——全镇小麦推行统防统治，农户亩均节本80元")
    assert article.byline == "本报记者 郭振川 特约通讯员雷敏"  # as repaired
    assert article.continues_on == 2
    assert [n.reason for n in page.noise] == ["masthead", "masthead"]


def test_a_bold_title_over_a_pipe_table_after_a_story_is_the_table_s() -> None:
    text = "\n".join(["# 让群众办事“只进一扇门”", "", "今年以来，区政务服务中心推出改革。", "",
                      "**一季度市区“菜篮子”主要品种零售均价（元/斤）**", "",
                      "| 品种 | 1月 | 2月 |", "|---|---|---|", "| 大白菜 | 1.20 | 1.35 |",
                      "| 土豆 | 1.60 | 1.55 |", "", "# 春到玉岭", "", "3月26日，市民在公园赏花。"])
    story, table, _ = segment(text).articles
    assert story.body == "今年以来，区政务服务中心推出改革。"
    assert table.title == "一季度市区“菜篮子”主要品种零售均价（元/斤）"


def test_teasers_wrapped_over_two_lines_and_a_paper_slash_app_byline() -> None:
    text = "\n".join(["今日导读", "▶老手艺人口述：修老宅", "要“慢工” A03", "▶镜荷湖公园新增3条",
                      "健身步道 A03", "", "贝湾码头冷链仓储中心投用",
                      "青岛日报/观海新闻记者 王海川 通讯员 栾 晓 报道",
                      "本报2月3日讯 日前，贝湾码头冷链仓", "储中心正式投用，日处理水产品600",
                      "吨，渔获最快12小时内送达全国。"])
    page = segment(text)
    [article] = page.articles
    assert article.title == "贝湾码头冷链仓储中心投用"
    assert article.byline == "青岛日报/观海新闻记者 王海川 通讯员栾晓报道"  # as repaired
    assert [n.reason for n in page.noise] == ["index of other pages"] * 5


def test_a_photo_group_with_numbered_captions_after_an_interview() -> None:
    text = "\n".join([
        "# 修老宅，得先懂老宅", "", "本报记者 顾清越", "", "沈德兴今年63岁，修过的老房子不计其数。",
        "", "**记者：**修老宅和盖新房，最大的不同在哪里？", "",
        "**沈德兴：**老房子是“看病”，要先摸清病根。", "", "---", "",
        "**老街“焕新”记**", "", "图① 修缮后的鹤鸣巷民居。", "", "图② 老木匠检查新换的木柱。",
        "", "图③ 居民在滨河步道上散步。", "", "本报记者 陆宁 摄", "",
        "# 城东区部署春季防火工作", "", "本报讯（记者 王立）3月1日，城东区召开会议。"])
    interview, photo, _ = segment(text).articles
    assert interview.body.endswith("要先摸清病根。")
    assert (photo.kind, photo.title, photo.byline) == ("photo", "老街“焕新”记", "本报记者 陆宁 摄")
    assert photo.body.startswith("图① 修缮后") and photo.body.endswith("滨河步道上散步。")


def test_a_page_header_of_short_items_and_markdown_pictures_are_furniture() -> None:
    text = "\n".join([
        "2", "株洲日报", "要闻", "2026年2月2日 星期一", "责任编辑 周 莹 版式 黄 杰 校对 刘 畅", "",
        "# 智能装备产业园首批项目开工", "", "![](images/02_01.jpg)", "![](images/02_02.jpg)", "",
        "本报讯（记者 谭静宜）2月1日，园区首批项目开工。", "", "# 漓江春色", "",
        "3月25日，游客在漓江边赏春。", "", "本报记者 罗达 摄"])
    page = segment(text)
    assert [a.title for a in page.articles] == ["智能装备产业园首批项目开工", "漓江春色"]
    reasons = [n.reason for n in page.noise]
    assert reasons[:5] == ["page header", "masthead", "page header", "page header",
                           "editors' names"]
    assert reasons[5:] == ["image", "image"]


def test_a_brief_s_title_and_text_on_one_line_after_its_bullet() -> None:
    text = "\n".join(["乡村速递", "●枣香村开设农民夜校 3月10日晚，枣香村农",
                      "民夜校开课。（记者 王 静）", "◆红柳区新增3处公益冰场 1月",
                      "20日，红柳区新建3处公益冰场。（记者 艾 力）",
                      "", "今日导读", "●秋冬季森林防火形势严峻 4版"])
    page = segment(text)
    assert [a.title for a in page.articles] == ["枣香村开设农民夜校", "红柳区新增3处公益冰场"]
    assert page.articles[0].body == "3月10日晚，枣香村农民夜校开课。"
    assert page.noise[-1].reason == "index of other pages"


def test_a_commentary_under_an_index_box_with_a_two_line_title() -> None:
    text = "\n".join([
        "本期要目", "■石榴山社区：老楼加装", "电梯“加速度” 2版", "■渔家峪村：民宿有了",
        "“管家团” 6版", "观海短评", "让“出海即上桌”", "跑得更快", "一座冷链仓储中心，连",
        "着渔民的“钱袋子”，也连", "着百姓的“菜篮子”。要让", "冷链跑得更快，还需补齐", "短板。",
        "□ 本报评论员 韩 溪"])
    page = segment(text)
    [article] = page.articles
    assert (article.kicker, article.title) == ("观海短评", "让“出海即上桌”跑得更快")
    assert article.byline == "本报评论员韩溪"  # as repaired
    assert [n.reason for n in page.noise] == ["index of other pages"] * 5


def test_a_notice_s_bold_title_after_a_story_and_a_brief_cut_after_its_title() -> None:
    text = "\n".join(["# 榆川区建成20个“职工驿站”", "", "驿站为户外劳动者提供饮水等服务。", "",
                      "**“我身边的劳动者”征文启事**", "", "本报即日起开展征文活动，欢迎投稿。",
                      "", "# 春到玉岭", "", "3月26日，市民在公园赏花。"])
    story, notice, _ = segment(text).articles
    assert story.body == "驿站为户外劳动者提供饮水等服务。"
    assert notice.title == "“我身边的劳动者”征文启事"
    briefs = "\n".join(["●市图书馆推出“周末读书会”　从", "3月21日起，市图书馆每周六下午",
                        "举办读书会。（实习生 韦嘉豪）", "●秋冬季森林防火形势严峻 第4版"])
    page = segment(briefs)
    assert [a.title for a in page.articles] == ["市图书馆推出“周末读书会”"]
    assert page.articles[0].body.startswith("从3月21日起")


def test_a_lead_credit_wrapped_over_three_narrow_lines() -> None:
    text = "\n".join(["本报讯（曲靖日报全媒体", "记者 钱 晶 通讯员 赵", "畅）连日来，雁湖区金梅",
                      "镇的烤烟育苗大棚里，一", "盘盘烟苗长势喜人。"])
    [article] = segment(text).articles
    assert article.byline == "本报讯（曲靖日报全媒体记者钱晶通讯员 赵畅）"  # as repaired
    assert article.body == "连日来，雁湖区金梅镇的烤烟育苗大棚里，一盘盘烟苗长势喜人。"


def test_a_subtitle_wrapped_over_three_lines_under_its_story() -> None:
    story = ("今年，雁湖区计划种植烤烟12.6万亩，全区建成集约化育苗大棚1860个，目前育苗"
             "工作已基本完成。截至3月15日，已调运化肥2.1万吨、农膜860吨，完成土地深翻14万亩。")
    text = "\n".join([*column(story, 11),
                      "春耕备耕正当时", "雁湖区烤烟育苗", "比去年提前一周", "——全区调运化肥",
                      "2.1万吨，完成土地", "深翻14万亩", "", "3月15日，游客在松韵县古寨",
                      "赏樱拍照。"])
    first = segment(text).articles[0]
    assert first.subtitle == "——全区调运化肥2.1万吨，完成土地深翻14万亩"
    assert first.title == "雁湖区烤烟育苗比去年提前一周"


def test_a_table_with_wide_gaps_and_a_notice_title_set_on_its_text() -> None:
    text = "\n".join([
        "白鹭滩湿地越冬水鸟监测情况（部分）", "种类　　　　数量（只）　　保护级别",
        "小白鹭　　　620　　　　　“三有”", "苍鹭　　　　85　　　　　 “三有”",
        "鸳鸯　　　　34　　　　　 国家二级", "数据截至2026年2月底。", "",
        "关于峡湾区部分区域临时停电的通知", "　　因电网设备检修需要，将对以下区域临时停电，请",
        "用户提前做好准备：", "　　一、停电时间：3月15日（星期日）7:00—15:00。",
        "　　二、停电范围：鹭洲路沿线商户。"])
    table, notice = segment(text).articles
    assert "小白鹭 620 “三有”" in table.body  # its cells apart, as printed
    assert (notice.title, notice.kind) == ("关于峡湾区部分区域临时停电的通知", "notice")


def test_a_table_s_title_right_over_its_rows_after_a_signed_notice() -> None:
    # A web page prints one paragraph a line: the title is as wide as the rows under it,
    # and only the rows tell it is no sentence of the notice above.
    text = "\n".join([
        "征文启事", "本报即日起举办“我家的春天”征文活动，欢迎读者投稿。",
        "一、作品须为原创，字数在2000字以内。", "二、截稿时间：2026年5月31日。", "岚州日报社",
        "2026年3月5日", "", "本周城区主要蔬菜零售均价", "品名　　单位　均价（元）　环比",
        "白菜　　斤　　1.6　　　　下降", "青椒　　斤　　4.5　　　　下降",
        "西红柿　斤　　4.2　　　　上涨"])
    page = segment(text)
    accounted(text, page)
    assert [(a.title, a.kind) for a in page.articles] == [
        ("征文启事", "notice"), ("本周城区主要蔬菜零售均价", "table")]


def test_a_web_page_s_unfinished_line_goes_on_no_further_than_its_blank() -> None:
    # A column broken mid-sentence goes on after a blank; a web page's paragraph of a
    # line does not, and neither does a short line over lines wider than its column.
    text = "\n".join([
        "渔港春晓", "3月14日清晨，沙澳渔港内渔船整齐停泊，渔民们抓住好天气修补渔网、检修设备，"
        "为春季生产做准备。", "图为沙澳渔港内停泊的渔船，渔民们正在修补渔网，准备春季生产", "",
        "岚州港区3月第二周主要货类吞吐量", "货类　　　　吞吐量（万吨）　　同比",
        "铁矿石　　　　512.6　　　+4.3%", "煤炭　　　　　286.1　　　-2.8%",
        "粮食　　　　　 64.7　　　+11.5%", "数据来源：岚州港区生产调度中心", "",
        "关于举行城区公交票价调整听证会的公告",
        "　　根据有关规定，市发展改革委定于2026年4月8日举行城区公交票价调整听证会。"
        "现将有关事项公告如下：",
        "　　一、听证内容：城区公交线路票价调整方案。"])
    page = segment(text)
    accounted(text, page)
    assert [a.title for a in page.articles] == [
        "渔港春晓", "岚州港区3月第二周主要货类吞吐量", "关于举行城区公交票价调整听证会的公告"]


def test_a_rule_between_a_web_page_s_items_ends_the_text_above_it() -> None:
    # The bold line after the rule is a photo's title, not a subhead of the story above;
    # the rule over the page's foot parts nothing.
    text = "\n".join([
        "# 岚州日报", "", "# 老河道变身“生态廊道”", "",
        "本报讯（记者 郝雨）3月17日，栗乡县枣河沿岸新栽的垂柳吐出嫩芽。", "",
        "沿河新修的18公里绿道，把两岸6个村庄串在一起。", "", "来源：岚州日报-岚州网", "", "---", "",
        "![](../../images/2026-03/19/03/p2_b.jpg)", "**义剪进社区**",
        "3月18日，凤鸣街道的志愿者在社区广场为老人义务理发。受访者供图", "", "---", "",
        "看岚州新闻，说家乡事，就上岚州网。"])
    page = segment(text)
    accounted(text, page)
    assert [a.title for a in page.articles] == ["老河道变身“生态廊道”", "义剪进社区"]


def test_a_web_page_s_title_printed_again_with_its_subtitle_and_byline_apart() -> None:
    # The site's heading joins title and subtitle; the article prints them again, apart.
    text = "\n".join([
        "# 酒泉日报", "", "## 驼铃声里话春耕——戈兰镇春季农资展销会侧记",
        "2026/03/13/ 08:10 来源:酒泉日报 记者 唐薇",
        "", "驼铃声里话春耕", "", "——戈兰镇春季农资展销会侧记", "", "记者 唐薇", "",
        "3月11日，戈兰镇集市广场上人头攒动，种子、化肥、滴灌带摆满了一排排展台。", "",
        "据统计，展销会开幕当天共有5000多名群众前来采购。"])
    page = segment(text)
    accounted(text, page)
    assert [(a.title, a.subtitle, a.byline) for a in page.articles] == [
        ("驼铃声里话春耕", "——戈兰镇春季农资展销会侧记", "记者 唐薇")]
    assert [n.reason for n in page.noise] == ["masthead", "page header", "page header"]


def test_a_web_page_s_short_title_over_its_one_paragraph() -> None:
    # Paragraph a line: the caption is one line far wider than a column, its title over it.
    text = "\n".join([
        "菁湖镇建起“共享农机站”",
        "  本报讯(记者 蔡婉婷) 春耕时节，菁湖镇禾洲村的共享农机站里，一台台插秧机整装待发。",
        "  村民只需在手机上预约，农机手就会按时上门作业，价格比市场价低一到两成。", "",
        "翠屏路口新添“口袋公园”",
        "  图为3月10日，市民在榕湾区翠屏路口新建成的口袋公园内休憩。该公园利用路口边角地建成。"
        " 本报记者 吴泓 摄"])
    page = segment(text)
    accounted(text, page)
    assert [(a.title, a.byline) for a in page.articles] == [
        ("菁湖镇建起“共享农机站”", "本报讯(记者 蔡婉婷)"),
        ("翠屏路口新添“口袋公园”", "本报记者 吴泓 摄")]


def test_a_title_as_wide_as_its_column_over_a_sentence_opening_on_its_purpose() -> None:
    # 为方便居民就近阅读，…: no wrapped line runs on into a sentence's purpose clause.
    essay = ("老茶树是祖辈留下的家底，也是一方水土的名片。"
             "只有让茶农得到实惠，这份家底才能传下去。")
    body = ("为方便居民就近阅读，瓷韵街道近日在社区党群服务中心、溪口公园等处新增3处共享图书驿站，"
            "每处配备图书1000余册。")
    text = "\n".join(["凤城时评", "给老茶树建档，更要给茶农撑腰", "■ 林 溪", *column(essay, 13), "",
                     "瓷韵街道新增3处共享图书驿站", *column(body, 14),
                     "(潮州日报全媒体记者 杨 帆)"])
    page = segment(text)
    accounted(text, page)
    assert [a.title for a in page.articles] == [
        "给老茶树建档，更要给茶农撑腰", "瓷韵街道新增3处共享图书驿站"]


def test_pieces_of_a_package_titled_who_then_two_matched_phrases() -> None:
    # 身份+姓名：A B titles, nearly as wide as the column, each piece signed 记者 X.
    one = ("“我开的是9路车，老年乘客多，起步、刹车都得稳当。”开了18年公交车的郭建平说，"
           "他的车上常备着一个小药箱和几把雨伞。")
    two = ("每天早高峰，58岁的柴红梅都会准时出现在新槐街与汾堤路交叉口，"
           "手持小红旗劝导行人和电动车遵守信号灯。")
    text = "\n".join(["【共建文明城·身边人说】", "公交司机郭建平：车开稳一点 乘客暖一点",
                     *column(one, 21), "记者 段宁", "", "志愿者柴红梅：路口站一站 心里亮堂堂",
                     *column(two, 21), "记者 段宁"])
    page = segment(text)
    accounted(text, page)
    assert [(a.title, a.byline) for a in page.articles] == [
        ("公交司机郭建平：车开稳一点 乘客暖一点", "记者 段宁"),
        ("志愿者柴红梅：路口站一站 心里亮堂堂", "记者 段宁")]


def test_bulleted_titles_wrapped_over_two_lines_both_well_short_of_the_text() -> None:
    text = "\n".join([
        "社区动态", "●古槐社区“共享", "工具箱”受欢迎", "古槐社区在党群服务中心设",
        "立“共享工具箱”，电钻、", "扳手等30多种工具免费借", "用。(记者 王蕾)",
        "●杏林街道开办", "“周末健康课”", "杏林街道联合辖区社区卫生", "服务站，每周六上午开设健",
        "康课。(通讯员 田甜)"])
    page = segment(text)
    accounted(text, page)
    assert [a.title for a in page.articles] == [
        "古槐社区“共享工具箱”受欢迎", "杏林街道开办“周末健康课”"]


def test_a_web_article_s_short_title_over_its_data_line_after_the_last_one_s_editor() -> None:
    # The editor's line ends the article above: the short line under it is no masthead item.
    text = "\n".join([
        "    贺秋菊从十几岁起跟着母亲学剪纸，几十年来创作作品上千幅，长卷完成后将送给社区展出。",
        "    记者 卫晓 摄", "【责任编辑: 贺一鸣】", "", "新槐街的今昔",
        "2026-03-18 11:20:03 来源：临汾新闻网 浏览次数：",
        "    用照片记录城市的变化，是老摄影人柴永年坚持了三十多年的事。近日，记者选出两组照片。",
        "    柴永年 摄", "责任编辑：贺一鸣"])
    page = segment(text)
    accounted(text, page)
    assert [a.title for a in page.articles] == [None, "新槐街的今昔"]


def test_a_cartoon_s_bold_title_under_its_credit_before_a_rule() -> None:
    text = "\n".join([
        "# 白鹭湖的早晨", "", "·陈一舟", "", "天刚蒙蒙亮，白鹭湖还睡在一层薄雾里。", "", "---", "",
        "![](/images/2026/0312/05/mh01.jpg)", "", "冷库建起来了，规矩也要“冷藏”好。", "",
        "漫画/林 默", "", "**保鲜**", "", "---", "", "# 汕尾日报“海韵”副刊征稿启事", "",
        "本报“海韵”副刊即日起面向社会征集散文、诗歌、随笔等文学作品。"])
    page = segment(text)
    accounted(text, page)
    assert [(a.kicker, a.title, a.byline) for a in page.articles] == [
        (None, "白鹭湖的早晨", "陈一舟"), (None, "保鲜", "漫画/林 默"),
        (None, "汕尾日报“海韵”副刊征稿启事", None)]


def test_markdown_briefs_with_a_bullet_glued_to_their_bold_titles() -> None:
    text = "\n".join([
        "# 吴忠日报", "", "## 吴忠简讯", "",
        "▲**柳湾镇举办春季招聘会**3月7日，柳湾镇举办专场招聘会，提供岗位860个。（记者 马兰）",
        "", "▲**滨渠路人行道改造完工**近日，滨渠路人行道提升改造工程完工。（记者 杨雪）"])
    page = segment(text)
    accounted(text, page)
    assert [(a.title, a.byline) for a in page.articles] == [
        ("柳湾镇举办春季招聘会", "记者 马兰"), ("滨渠路人行道改造完工", "记者 杨雪")]


def test_a_title_wrapped_on_a_particle_and_a_line_of_facts_under_its_story() -> None:
    story = ("去年从职业学院毕业后，她没有去大城市，而是回到家乡，进了这家羊绒制品厂。"
             "如今，这个车间有工人86人，其中“00后”14人，大多是返乡青年。")
    text = "\n".join([*column(story, 12), "羊绒车间里的", "“00后”",
                     "柳湾镇返乡青年在家门口当上技术员", "",
                     "3月8日，利民枣业合作社的社员在枣园里修剪枣树。"])
    page = segment(text)
    accounted(text, page)
    first = page.articles[0]
    assert (first.kicker, first.title, first.subtitle) == (
        None, "羊绒车间里的“00后”", "柳湾镇返乡青年在家门口当上技术员")


def test_a_table_s_title_ending_on_a_date_over_rows_of_spaced_cells() -> None:
    # 某某价格（3月4日） ends on a figure in brackets as a row may, but holds no cells.
    story = "“今年打算再种200亩胡麻，让更多乡亲跟着一起挣钱。”梁小军说。"
    text = "\n".join([*column(story, 22), "", "雁丘区主要农贸市场蔬菜零售价格（3月4日）",
                     "品名　　单位　　最高价　　最低价", "土豆　　元/斤　　1.80　　1.20",
                     "大白菜　元/斤　　1.60　　1.00", "注：数据由雁丘区价格监测中心提供。"])
    page = segment(text)
    accounted(text, page)
    assert [(a.title, a.kind) for a in page.articles] == [
        (None, "news"), ("雁丘区主要农贸市场蔬菜零售价格（3月4日）", "table")]


def test_a_headline_that_asks_under_a_reporter_s_column_label_over_its_byline() -> None:
    body = "眼下正是农民购买种子、化肥的时候，怎样避免买到假冒伪劣农资？记者采访了农业农村局。"
    text = "\n".join(["记者连线", "春耕备耕，农资怎么买才放心？", "本报记者 乔 峰",
                     *column(body, 23)])
    page = segment(text)
    accounted(text, page)
    article = page.articles[0]
    assert (article.kicker, article.title, article.byline) == (
        "记者连线", "春耕备耕，农资怎么买才放心？", "本报记者乔峰")


def test_a_table_s_title_over_two_lines_the_second_ending_on_its_date() -> None:
    story = "目前，已有600多户农户通过服务中心预约了春耕作业，预约面积达1.8万亩。"
    text = "\n".join([*column(story, 17), "", "2025/26榨季红岸区各糖厂",
                     "收榨进度（截至 3 月 15 日）", "糖厂　　入榨量（万吨）　　进度",
                     "桂湾糖厂　　 86.4 　　83%", "古榕糖厂　　 71.2 　　81%",
                     "数据来源：红岸区糖业发展办公室"])
    page = segment(text)
    accounted(text, page)
    assert [(a.title, a.kind) for a in page.articles][1] == (
        "2025/26榨季红岸区各糖厂收榨进度（截至3月15日）", "table")


def test_a_notice_s_title_after_a_table_s_source_line_starts_the_notice() -> None:
    # 数据来源：… ends without a full stop; the notice's title after the blank is no more of it.
    body = ("因古榕路雨污分流改造工程施工需要，自3月18日起对古榕路实施全封闭施工。"
            "由此带来的不便，敬请谅解。")
    text = "\n".join(["收榨进度（截至3月15日）", "糖厂　　入榨量　　进度",
                     "桂湾糖厂　　86.4　　83%", "古榕糖厂　　71.2　　81%",
                     "数据来源：红岸区糖业发展办公室", "",
                     "关于古榕路临时封闭施工的公告", *column(body, 16)])
    page = segment(text)
    accounted(text, page)
    assert [(a.title, a.kind) for a in page.articles] == [
        ("收榨进度（截至3月15日）", "table"), ("关于古榕路临时封闭施工的公告", "notice")]


def test_titles_between_paragraphs_a_line_with_no_blank_between_items() -> None:
    # A web export: a paragraph a line, no blank lines; titles before a credit or a byline.
    text = "\n".join([
        "蔗香乡：“村村通”客车开进大山", "□本报记者 蓝 天 宇",
        "  3月14日上午9时，一辆黄白相间的客车停在蔗香乡榕溪村村口，村民提着一篮鸡蛋上了车。",
        "  蔗香乡地处大石山区，11个行政村分散在群山之间，过去有4个村不通客运班车。",
        "山乡茶飘香",
        "  3月13日，红岸区古榕村的茶农在茶园里采摘春茶，今年提前一周开采。（记者 黄珊 摄）",
        "桂中时评", "让“村村通”跑得更稳更久", "□韦 言",
        "  客车开进大山，开通的是道路，连接的是民心。对山里的群众来说，一趟准时的班车意味着方便。"])
    page = segment(text)
    accounted(text, page)
    assert [(a.title, a.byline) for a in page.articles] == [
        ("蔗香乡：“村村通”客车开进大山", "本报记者蓝天宇"), ("山乡茶飘香", "记者 黄珊摄"),
        ("让“村村通”跑得更稳更久", "韦 言")]


def test_a_column_pasted_into_a_markdown_page_is_read_as_a_column() -> None:
    # Two of its lines are cut mid-phrase and one at a comma: hard-wrapped, one caption.
    text = "\n".join([
        "# 岚州日报", "", "# 市区新增32处共享单车停放点", "", "本报讯 市区新增32处停放点。", "",
        "---", "", "**古运河上来了“绿色保洁船”**", "",
        "3月10日，一艘电动保洁船在古运河打捞", "水面漂浮物。今年起，该河段投用4艘船，",
        "每天巡河两次，噪声小、不冒黑烟。", "本报通讯员 柳宣 摄"])
    page = segment(text)
    accounted(text, page)
    photo = page.articles[-1]
    assert (photo.title, photo.kind, len(photo.paragraphs)) == (
        "古运河上来了“绿色保洁船”", "photo", 1)


def test_a_brief_s_title_as_wide_as_its_column_like_the_next_item_s() -> None:
    # The first item's title fills its line and its text opens with no date; the second
    # item's title stands over 近日，…: the column prints its items alike.
    text = "\n".join([
        "岚城快讯", "◆桐荫街道开设“四点半课堂”", "新学期开学后，桐荫街道在社",
        "区党群服务中心开设“四点半", "课堂”，辖区小学生放学后可", "以在这里写作业。（记者 吴 桐）",
        "◆青榕公园新增3处儿童游乐区", "近日，青榕公园完成提升改造，", "新增3处儿童游乐区和1条环湖",
        "健身步道。（记者 郑 航）"])
    page = segment(text)
    accounted(text, page)
    assert [a.title for a in page.articles] == [
        "桐荫街道开设“四点半课堂”", "青榕公园新增3处儿童游乐区"]


def test_a_note_signed_off_after_a_dash_under_its_last_sentence() -> None:
    # Pushed to the right under the last sentence, ——本报编辑部 signs the note; the
    # kicker and title under it are the note's own.
    text = "\n".join([
        "从今天起，本报推出“走进新农", "村”系列报道，记者将深入全市", "80个村，记录新人新事。",
        "让我们一起，写下新变化。", "            ——本报编辑部", "致读者",
        "一起写下这片土地的新变化"])
    page = segment(text)
    accounted(text, page)
    note = page.articles[0]
    assert (note.kicker, note.title, note.byline) == (
        "致读者", "一起写下这片土地的新变化", "本报编辑部")


def test_a_four_line_headline_group_under_its_story() -> None:
    # A kicker clause wrapped at its comma over a title of two lines, right under the
    # story's last sentence: four short lines in a row, which no paragraph prints.
    story = ("本报讯（记者 郝雨）3月18日傍晚，砚池路旁的口袋公园里，跳广场舞的、打乒乓球的，"
             "把这块空地挤得满满当当。这片空地原是一处闲置的建材堆场。去年，城区对边角地、"
             "闲置地进行摸排，按照“宜园则园、宜绿则绿”的思路，建成口袋公园28个，配建健身"
             "器材、儿童游乐设施和休憩座椅。今年还将新建口袋公园15个。")
    text = "\n".join([*column(story, 17), "砚池区盘活城市边角地，", "推动健身设施提质扩容",
                      "28个“口袋公园”", "串起家门口健身圈", "", "3月17日，枣林镇的果农在枣园",
                      "里修剪枝条。", "记者 贾硕 摄", "枣乡春管忙"])
    page = segment(text)
    accounted(text, page)
    first = page.articles[0]
    assert (first.kicker, first.title) == (
        "砚池区盘活城市边角地，推动健身设施提质扩容", "28个“口袋公园”串起家门口健身圈")
    assert page.articles[1].title == "枣乡春管忙"


def test_a_byline_after_the_last_sentence_wrapped_onto_the_next_line() -> None:
    text = "\n".join([
        "“以前上五楼要歇两回，现在按一下按钮就到", "家了。”3月12日，家住澄溪社区的78岁居民",
        "周桂兰坐上新装的电梯，笑得合不拢嘴。今年", "全区计划加装电梯60部，目前已有14部开工",
        "建设，每部电梯补贴20万元。 岚州日报全媒体记", "者 邹 敏 通讯员 严 晗",
        "民生实事进行时", "澄溪区今年将为20个老旧小区加装电梯"])
    page = segment(text)
    accounted(text, page)
    story = page.articles[0]
    assert (story.kicker, story.title, story.byline.replace(" ", "")) == (
        "民生实事进行时", "澄溪区今年将为20个老旧小区加装电梯", "岚州日报全媒体记者邹敏通讯员严晗")
    assert story.paragraphs[-1].endswith("每部电梯补贴20万元。")


def test_a_four_character_phrase_over_a_title_is_its_kicker_though_it_opens_with_向() -> None:
    story = "本报讯（记者 牟晓）3月16日，蓝湾区渔湾村以东12海里的深远海养殖平台上投放首批鱼苗。"
    text = "\n".join(["向海图强", "渔湾村“海上牧场”", "投放首批大黄鱼苗", *column(story, 16)])
    page = segment(text)
    accounted(text, page)
    first = page.articles[0]
    assert (first.kicker, first.title) == ("向海图强", "渔湾村“海上牧场”投放首批大黄鱼苗")


def test_a_photo_s_credit_printed_over_its_caption() -> None:
    # 侯 凯 摄 stands over the caption, the title under it: the credit is the photo's.
    text = "\n".join([
        "芦湾镇的“苇编课堂”开到了村口",
        "本报讯（记者 蔡琳）正月里，芦湾镇东柳庄村的文化大院里",
        "坐满了人，二十多位妇女围坐在长条桌旁学苇编。", "", "侯 凯 摄",
        "3月3日，湖光路沿线的杏花竞相开", "放，吸引不少市民驻足拍照。", "湖畔杏花别样红"])
    page = segment(text)
    accounted(text, page)
    photo = page.articles[-1]
    assert (photo.title, photo.byline.replace(" ", ""), photo.kind) == (
        "湖畔杏花别样红", "侯凯摄", "photo")


def test_a_story_whose_lead_names_its_reporter_signs_no_more() -> None:
    # The first story prints its headline above and its reporter in its lead; the text
    # after the blank is another story, signed at its end, with its headline under it.
    first = ("本报讯（全媒体记者 蒋琳）近日，城西12个老旧小区雨污分流改造工程陆续开工，涉及居民"
             "2800余户。施工期间将采取分段施工、错时作业等方式，减少对居民出行的影响。")
    second = ("3月26日晚上8点，琴溪县人民医院门诊大厅依然亮着灯。从本月起，医院将6个科室的门诊"
              "时间延长至晚上9点，开诊两周已接诊患者1300余人次。（全媒体记者 唐 悦 通讯员 罗 佳）")
    text = "\n".join(["城西12个老旧小区启动", "雨污分流改造", *column(first, 17), "",
                      *column(second, 17), "家门口的“夜间门诊”来了"])
    page = segment(text)
    accounted(text, page)
    assert [(a.title, (a.byline or "").replace(" ", "")) for a in page.articles] == [
        ("城西12个老旧小区启动雨污分流改造", "本报讯（全媒体记者蒋琳）"),
        ("家门口的“夜间门诊”来了", "全媒体记者唐悦通讯员罗佳")]


def test_a_notice_s_title_wrapped_over_three_lines() -> None:
    body = "据气象部门预测，6月12日至14日，我市将出现新一轮强降雨过程，请各地各部门提前做好防范。"
    text = "\n".join(["关于做好新一轮", "强降雨防范应对", "工作的提示", *column(body, 14)])
    page = segment(text)
    accounted(text, page)
    notice = page.articles[0]
    assert (notice.title, notice.kind) == ("关于做好新一轮强降雨防范应对工作的提示", "notice")


def test_a_notice_s_title_broken_on_a_particle_after_a_commentary() -> None:
    # 关于…施工的 / 通告: the title breaks where no headline line would, and still is one.
    essay = ("戈壁农业起步难，成本高，更需要精打细算。"
             "只有把账算明白，温室才能真正成为农民的“钱袋子”。")
    body = ("因雨水管网改造需要，驼铃街道胡杨路将临时封闭施工，"
            "现将有关事项通告如下：封闭期间，过往车辆请绕行。")
    text = "\n".join(["泉城时评", "“错季”背后是", "“算得清”", "◎ 齐 风", *column(essay, 10), "",
                     "关于驼铃街道部分", "路段临时封闭施工的", "通告", *column(body, 12)])
    page = segment(text)
    accounted(text, page)
    assert [(a.title, a.kind) for a in page.articles][1] == (
        "关于驼铃街道部分路段临时封闭施工的通告", "notice")


def test_a_jump_note_in_紧转_and_紧接_form() -> None:
    text = "\n".join(["沙枣村温室种出小番茄", "本报讯（记者 马 骁）村里在戈壁滩上建起86座日光",
                     "温室，采用基质栽培和水肥一体", "化技术，（紧转第三版）"])
    page = segment(text)
    accounted(text, page)
    assert page.articles[0].continues_on == 3
    assert page.articles[0].paragraphs[-1].endswith("水肥一体化技术，")
    follow = segment("（紧接第一版）亩产比去年提高两成。")
    assert follow.articles[0].continued_from == 1


def test_an_e_paper_s_article_index_prints_each_title_on_its_first_paragraph() -> None:
    # Title, a wide gap, the first paragraph; a subtitle and the byline share a line too.
    text = "\n".join([
        "芦花湿地迎来首批候鸟   近日，荷湾区芦花湿地观测到白琵鹭、苍鹭等候鸟结群停歇，"
        "这是今年首批北返的候鸟。",
        "　　湿地管理站提醒市民观鸟时保持距离，不要投喂和惊扰鸟类。",
        "荷湾区：老街巷里“长”出新业态",
        "——青石巷街区改造提升侧记   本报记者 贺子墨",
        "　　青石板路、灰砖墙、木格窗，走进荷湾区青石巷，老街的样子还在，店铺却换了新面孔。"])
    page = segment(text)
    accounted(text, page)
    assert [(a.title, a.subtitle, a.byline) for a in page.articles] == [
        ("芦花湿地迎来首批候鸟", None, None),
        ("荷湾区：老街巷里“长”出新业态", "——青石巷街区改造提升侧记", "本报记者 贺子墨")]


def test_a_bulleted_title_wrapped_onto_a_short_line_over_a_full_one() -> None:
    text = "\n".join([
        "▲菱湖街道：老旧小区加装电梯", "再添6部", "菱湖街道近日又有6部加装电梯完成验收并",
        "投入使用，街道辖区老旧小区已累计加装电", "梯41部。（记者 戚南）"])
    page = segment(text)
    accounted(text, page)
    assert page.articles[0].title == "菱湖街道：老旧小区加装电梯再添6部"


def test_a_kicker_a_title_and_a_longer_line_of_facts_printed_without_its_dash() -> None:
    story = ("本报讯（记者 沙岚）3月10日，沙畔区红柳滩造林现场，200余名干部群众挥锹铲土，"
             "栽下沙柳和樟子松。")
    text = "\n".join(["春季造林进行时", "红柳滩上“种”出一片绿", "沙畔区今春计划完成造林1.2万亩",
                      *column(story, 16)])
    page = segment(text)
    accounted(text, page)
    first = page.articles[0]
    assert (first.kicker, first.title, first.subtitle) == (
        "春季造林进行时", "红柳滩上“种”出一片绿", "沙畔区今春计划完成造林1.2万亩")


def test_a_bracketed_brief_title_with_its_text_on_the_line_stays_one_item() -> None:
    # The second item's title stands over its text; the first item's title, in brackets,
    # runs on into its text on the same line: that line is no title as a whole.
    text = "\n".join([
        "岚州简讯", "▲【白茅村建成“共享菜园”】近", "日，蓝溪镇白茅村利用村部旁的闲",
        "置地块建成“共享菜园”。(记者周岚)", "▲【青湾社区开办“老年食堂”】",
        "3月9日，青湾社区“老年食堂”开门", "营业。(通讯员何芳)"])
    page = segment(text)
    accounted(text, page)
    assert [a.title for a in page.articles] == ["白茅村建成“共享菜园”", "青湾社区开办“老年食堂”"]


def test_a_bracketed_label_before_a_markdown_title_is_its_kicker() -> None:
    text = "\n".join([
        "# 岚州日报", "", "# 【图片新闻】樱花绽放引客来", "",
        "3月9日，桂岭县樱花谷景区的山樱花竞相开放，吸引大批游客前来踏青赏花。", "",
        "（岚州日报全媒记者 何雨 通讯员 汪洁 摄）"])
    page = segment(text)
    accounted(text, page)
    photo = page.articles[-1]
    assert (photo.kicker, photo.title, photo.kind) == ("图片新闻", "樱花绽放引客来", "photo")


def test_a_web_edition_page_with_a_nav_line_a_photo_group_and_a_title_on_its_lead() -> None:
    text = "\n".join([
        "某某日报数字报  01版：要闻02版：要闻03版：综合04版：民生", "", "---", "",
        "# 柳溪河两岸万株新苗“扎根”", "", "本报讯（记者 刘 沛）3月11日，植树活动举行。", "",
        "---", "", "**麦田上空**", "**纸鸢飞**", "", "3月10日，村民在返青的麦田边放风筝。", "",
        "大图：村民放飞“长龙”风筝。", "", "小图：孩子们展示自己扎的风筝。", "",
        "某某日报社全媒体记者 王 川", "", "---", "",
        "各地抢抓农时推进春耕备耕   新华社北京3月11日电 记者11日从有关部门了解到情况。",
        "", "## 丰禾镇“萝卜订单”签到了长三角", "",
        "本报讯(记者 于 岚)3月11日，丰禾镇签订萝卜收购协议。", "", "[返回目录] [上一篇] [下一篇]"])
    page = segment(text)
    assert [(a.kind, a.title) for a in page.articles] == [
        ("news", "柳溪河两岸万株新苗“扎根”"), ("photo", "麦田上空纸鸢飞"),
        ("news", "各地抢抓农时推进春耕备耕"), ("news", "丰禾镇“萝卜订单”签到了长三角")]
    assert page.articles[2].byline == "新华社北京3月11日电"
    assert (page.noise[0].reason, page.noise[-1].reason) == ("page header", "page header")


def test_a_commentary_title_broken_at_its_comma_over_the_author() -> None:
    story = "一条灌渠修起来要几个月，管起来却要几十年。建好的高标准农田，关键在管护。"
    text = "\n".join(["今日短评", "农田建好了，", "更要管好用好", "□ 冉 松",
                      *column(story, 13)])
    [article] = segment(text).articles
    assert (article.kicker, article.title) == ("今日短评", "农田建好了，更要管好用好")
    assert article.byline == "冉松"


def test_a_commentary_title_wider_than_its_column_over_the_author_is_a_headline() -> None:
    from generator.ingest.blocks import BlockBuilder, Head
    from generator.ingest.segment import prepare_lines, typical_width

    above = ("开门第一天，驿站就为三十二名居民登记了求职意向，"
             "其中有十一人当场与企业达成初步用工意向。")
    story = ("一开年就有二十八个项目集中开工，靠的不是运气，而是节前就把手续办到位的那股提前量。"
             "项目建设是场接力赛，开工只是第一棒。")
    after = ("记者从市农业农村局获悉，全市春季农资打假专项行动近日启动，将持续到五月底。"
             "行动以种子、化肥、农药为重点。")
    text = "\n".join([*column(above, 16), "", "短 评", "让项目“跑”起来，服务要“跟”上", "□ 李 澄",
                      *column(story, 13), "", "农资打假专项行动启动", *column(after, 16)])
    lines = prepare_lines(text, False)
    blocks = BlockBuilder(lines, False, typical_width(lines)).build()
    heads = [b.text for b in blocks if isinstance(b, Head)]
    assert heads[0] == "短评让项目“跑”起来，服务要“跟”上"
    second = segment(text).articles[1]
    assert (second.kicker, second.title) == ("短评", "让项目“跑”起来，服务要“跟”上")
    assert second.byline == "李澄"
    assert second.paragraphs[0] == story


def test_a_bracketed_column_label_and_a_title_over_the_author_are_no_brief() -> None:
    story = "乡镇卫生院开设夜间门诊，解决的是上班族白天没空看病的难题。灯亮起来只是第一步。"
    text = "\n".join(["【庐陵时评】夜间门诊，亮灯更要亮心", "□ 肖 然", story])
    [article] = segment(text).articles
    assert (article.kicker, article.title) == ("庐陵时评", "夜间门诊，亮灯更要亮心")
    assert article.byline == "肖然"
    assert article.paragraphs == [story]


def test_a_title_with_its_boxed_author_printed_on_at_its_end() -> None:
    story = "从地头到长三角的货架，芒果跑得快了，但能不能跑得远，关键还在品质和品牌。"
    text = "\n".join(["百色快评", "芒果走得远，靠的是品牌□蓝 岚", *column(story, 12)])
    [article] = segment(text).articles
    assert (article.kicker, article.title) == ("百色快评", "芒果走得远，靠的是品牌")
    assert article.byline == "蓝岚"


def test_an_e_papers_html_comment_left_in_the_text_is_furniture() -> None:
    story = "四月十四日，实验小学的学生在研学基地学习芦苇编织。"
    text = "\n".join(["学生研学编芦苇", *column(story, 12), "",
                      "2026-04-17 5 5 聊城日报 content_53318.html 1 图片新闻 /enpproperty-->"])
    page = segment(text)
    assert [a.paragraphs for a in page.articles] == [[story]]
    assert [(n.line, n.reason) for n in page.noise] == [(len(text.split("\n")), "page markup")]


def test_a_web_interview_with_a_bold_masthead_a_profile_label_and_bold_speakers() -> None:
    text = "\n".join(["**某某劳动日报** 2026-03-24", "", "---", "", "# 把“毫米”当成“米”来干", "",
                      "【人物简介】谷长河，焊接高级技师，从事焊接工作31年。", "",
                      "**记者**：焊接这门手艺，您干了31年，最大的体会是什么？", "",
                      "**谷长河**：不能差不多，差一毫米都不行。", "", "# 榆川区建成20个“职工驿站”",
                      "", "本报讯（记者 何 川）驿站为户外劳动者提供饮水等服务。"])
    page = segment(text)
    interview, _ = page.articles
    assert interview.title == "把“毫米”当成“米”来干"
    assert interview.body.split("\n\n") == [
        "【人物简介】谷长河，焊接高级技师，从事焊接工作31年。",
        "**记者**：焊接这门手艺，您干了31年，最大的体会是什么？",
        "**谷长河**：不能差不多，差一毫米都不行。"]
    assert page.noise[0].reason == "masthead"


def test_an_e_paper_headline_group_on_one_line_wide_gaps_apart() -> None:
    text = "\n".join(["苜蓿川镇：小花椒“串”起致富链 ——陇槐县发展特色产业见闻   □某某日报记者 景 涛",
                      "  谷雨将至，陇槐县苜蓿川镇的山坡上，成片的花椒树已抽出新芽。"])
    [article] = segment(text).articles
    assert (article.title, article.subtitle) == ("苜蓿川镇：小花椒“串”起致富链",
                                                 "——陇槐县发展特色产业见闻")
    assert article.byline.replace(" ", "") == "某某日报记者景涛"


def test_a_rule_parts_a_story_with_bold_subheads_from_the_picture_under_it() -> None:
    text = "\n".join(["# 柳川区上线“一网通办”", "", "本报记者 方 晴", "",
                      "6月3日上午，市民在区政务服务中心扫码办好了营业执照变更。", "",
                      "**“扫一次码，办一件事”**", "", "全区98项高频事项已整合进同一平台。", "",
                      "**“数据多跑路，群众少跑腿”**", "", "平台上线以来累计办件1.3万件。", "",
                      "---", "", "![](pic/0604_02.jpg)", "",
                      "6月3日，游客在柳川湿地公园观赏睡莲。（本报记者 方 晴 摄）", "", "---", "",
                      "# 柳川区新开3条夜间公交线路", "", "本报讯 6月3日起，3条夜间公交线路开通。"])
    story, photo, _ = segment(text).articles
    assert story.paragraphs[-2:] == ["“数据多跑路，群众少跑腿”", "平台上线以来累计办件1.3万件。"]
    assert (photo.kind, photo.title) == ("photo", None)
    assert photo.paragraphs == ["6月3日，游客在柳川湿地公园观赏睡莲。"]


def test_a_notice_s_short_title_under_an_e_paper_button_is_no_masthead_item() -> None:
    text = "\n".join(["【版面原文】", "停电检修公告", *column(
        "因设备检修需要，市供电局定于7月18日对下列区域停电。如遇雨天顺延。", 14),
        "市供电局", "2026年7月16日"])
    page = segment(text)
    [notice] = page.articles
    assert (notice.kind, notice.title) == ("notice", "停电检修公告")
    assert [n.text for n in page.noise] == ["【版面原文】"]


def test_a_trailing_byline_cut_after_its_name_s_first_character_is_mended() -> None:
    text = "\n".join([*column("社区在今年5月设立了避暑服务站，还组建了志愿者队伍。", 16)[:-1],
                      "组建了志愿者队伍。 本报记者 吴", "雪 通讯员 王 俊", "凉都避暑季",
                      "“候鸟”老人安心“栖”凉峰"])
    [article] = segment(text).articles
    assert article.byline.replace(" ", "") == "本报记者吴雪通讯员王俊"
    assert (article.kicker, article.title) == ("凉都避暑季", "“候鸟”老人安心“栖”凉峰")


def test_a_narrow_column_s_headline_group_of_five_lines_under_a_byline() -> None:
    story = ("今年初，荷塘街道在6个社区试点“邻里议事厅”，每月固定召开一次议事会，"
             "议题由居民提出、居民表决。试点以来，已协商解决停车难、楼道堆物等问题31件。")
    lines = column(story, 11)
    text = "\n".join([*lines[:-1], lines[-1] + " 本报记者 顾", "远", "基层治理新探索",
                      "荷塘街道试点", "“邻里议事厅”", "居民的事居民", "商量着办", "",
                      "3月4日，菱塘镇的油菜田", "里，农户正在清沟理墒。", "本报记者 钱雨桐 摄"])
    story_article, photo = segment(text).articles
    assert story_article.paragraphs == [story]
    assert story_article.byline.replace(" ", "") == "本报记者顾远"
    assert story_article.kicker == "基层治理新探索"
    assert photo.paragraphs == ["3月4日，菱塘镇的油菜田里，农户正在清沟理墒。"]


def test_a_repost_s_author_field_with_its_source_and_its_buttons_under_the_text() -> None:
    text = "\n".join([
        "稻香路冰雪夜市开张",
        "作者：本报记者 曲航 《某某日报》（2026年01月20日 02版）",
        "　　1月18日傍晚，青禾区稻香路冰雪夜市正式开张，首批入驻摊位86个。",
        "【打印本页】 【关闭窗口】", "",
        "雪落黑土 年味渐浓",
        "　　进入腊月，丰粟镇各村屯处处洋溢着过年的气氛，家家户户忙着蒸黏豆包。",
        "【打印本页】 【关闭窗口】"])
    page = segment(text)
    market, village = page.articles
    assert (market.title, market.byline) == ("稻香路冰雪夜市开张", "本报记者 曲航")
    assert village.title == "雪落黑土 年味渐浓"
    assert village.paragraphs == [
        "进入腊月，丰粟镇各村屯处处洋溢着过年的气氛，家家户户忙着蒸黏豆包。"]
    assert "《某某日报》（2026年01月20日02版）" in [n.text for n in page.noise]


def test_a_photo_group_s_credit_after_a_dash_is_its_credit() -> None:
    text = "\n".join(["雪落黑土 年味渐浓", "　　图①：兴垄村村民在院子里晾晒黏豆包。",
                      "　　图②：丰粟镇大集上，村民挑选春联和窗花。", "——本报记者 庞立新 摄"])
    page = segment(text)
    accounted(text, page)
    [photo] = page.articles
    assert (photo.kind, photo.byline) == ("photo", "本报记者 庞立新 摄")
    assert len(photo.paragraphs) == 2


def test_a_bold_heading_over_its_own_author_is_a_piece_not_a_subhead() -> None:
    text = "\n".join([
        "# 彝乡文学新苗", "", "3月20日，紫岚县文联举办青年作者作品研讨会，现摘登部分发言。", "",
        "## 写出火塘边的烟火气", "□杨 林", "读这几位青年作者的散文，最打动我的是那些细节。", "",
        "## 诗歌要向土地扎根", "□罗 茜", "彝乡是诗的故乡，古歌、酒歌、情歌本身就是诗。"])
    intro, first, second = segment(text).articles
    assert intro.paragraphs == ["3月20日，紫岚县文联举办青年作者作品研讨会，现摘登部分发言。"]
    assert [(a.title, a.byline) for a in (first, second)] == [
        ("写出火塘边的烟火气", "杨 林"), ("诗歌要向土地扎根", "罗 茜")]


def test_a_notice_s_title_over_a_wide_opening_line_that_ends_on_a_colon() -> None:
    opening = ("为弘扬工匠精神，培育乡村技能人才，经研究，决定开展2026年度乡村工匠评选活动。"
               "现将有关事项公告如下：")
    text = "\n".join(["注：具体以公交站牌公示为准。", "",
                      "关于开展2026年度“乡村工匠”评选的公告", opening, "",
                      "一、评选范围：在本县从事彝绣、竹编等传统技艺的城乡劳动者。", "",
                      "特此公告。"])
    articles = segment(text).articles
    assert articles[-1].title == "关于开展2026年度“乡村工匠”评选的公告"
    assert articles[-1].paragraphs[0] == opening


def test_a_headline_s_wider_last_line_over_its_byline_starts_no_body() -> None:
    story = ("3月的榴溪县，漫山遍野的石榴树吐出嫩芽，早开的花朵点缀枝头。"
             "在梯云乡阿朵村的石榴园里，果农杨阿福正带着工人修枝、施肥，为今年的丰收做准备。")
    photo = "3月22日，南湖公园内游人如织，市民和游客在湖边赏花拍照，享受春日好时光。"
    text = "\n".join(["春到红河·产业观察——", "榴溪县：", "石榴花开", "“甜蜜产业”再扩容",
                      "本报记者 普 洁", *column(story, 11), "", *column(photo, 12)])
    article = segment(text).articles[0]
    assert (article.kicker, article.title) == (
        "春到红河·产业观察——", "榴溪县：石榴花开“甜蜜产业”再扩容")
    assert article.paragraphs[0] == story


def test_a_web_title_over_its_data_line_opens_its_article_after_the_editor_line() -> None:
    text = "\n".join([
        "陶湾智造园首栋厂房封顶", "2026-03-17 08:30 来源：佛山日报", "",
        "3月16日，工人在陶湾智造园首栋高标准厂房楼顶作业。", "",
        "　　佛山新闻网讯 记者何嘉欣报道：3月16日，陶湾智造园首栋高标准厂房顺利封顶。", "",
        "　　园区运营方负责人冯振宇介绍，厂房预计今年9月交付。", "",
        "编辑：冯晓", "分享到：", "相关新闻：", "· 陶湾区今年计划新开工“工业上楼”项目5个", "",
        "花开五区 春意正浓", "2026-03-17 09:05 来源：佛山日报", "",
        "文|陶然", "",
        "　　惊蛰过后，气温回升，佛山街头公园迎来一年中花事最盛的时节。", "",
        "编辑：冯晓", "分享到："])
    articles = segment(text).articles
    assert articles[-1].paragraphs == ["惊蛰过后，气温回升，佛山街头公园迎来一年中花事最盛的时节。"]
    assert (articles[-1].title, articles[-1].byline) == ("花开五区 春意正浓", "文|陶然")
    assert "陶湾智造园首栋厂房封顶" in [a.title for a in articles]


def test_a_three_line_title_under_its_story_as_wide_as_the_column_but_ending_short() -> None:
    # The commentary after the blank is no continuation of the story above: its title is
    # the story's, printed under it.
    story_lines = [
        "记者从市供热部门获悉，今", "冬采暖季以来，全市集中供", "热系统运行平稳，居民室内",
        "平均温度保持在 22 摄氏度左", "右。", "针对老旧小区管网末端温度",
        "偏低的问题，供热企业今年", "改造二次管网 46 公里，加装",
        "智能调节阀 3800 余个，并开", "通 24 小时报修热线，报修问",
        "题平均处置时间缩短至 3 小", "时以内。"]
    comment_lines = [
        "一碗热粥，一间暖房，", "是寒冬里最实在的盼头。", "在石油城，不少老小区",
        "是随着油田一起建起", "来的，住在这里的老人，", "年轻时把最好的年华交",
        "给了油田。如今，让他", "们在冬天里吃得上热饭、", "住得上暖房，是这座城",
        "市应有的温度。", "□ 胡 杨", "油城短评", "让冬天的温度", "抵达每一扇门"]
    text = "\n".join([*story_lines, "全市供热系统运行平稳", "居民室内平均温度", "22摄氏度左右",
                      "", *comment_lines])
    story, comment = segment(text).articles
    assert story.paragraphs[-1].endswith("缩短至3小时以内。")
    assert (story.kicker or "") + story.title == "全市供热系统运行平稳居民室内平均温度22摄氏度左右"
    assert (comment.kicker, comment.title) == ("油城短评", "让冬天的温度抵达每一扇门")


def test_a_title_under_its_story_with_a_quotation_across_its_lines() -> None:
    text = "\n".join([
        "记者从市商务局获悉，截至", "目前，全市已建成便民生活", "圈 38 个，覆盖率达九成。",
        "居民步行 15 分钟以内，就能", "买到蔬菜、早点，办理快递",
        "收发、家电维修等生活服务。",
        "中卫市“ 15 分钟", "便民生活圈”", "覆盖率达九成", "",
        "枸杞剪枝看似简单，其", "实学问不少。从种植户", "里选出来的“土专家”，",
        "说的是乡亲们听得懂的", "话。", "□卫 言", "卫城短评", "“土专家”是乡村的宝"])
    story, comment = segment(text).articles
    assert story.title == "中卫市“15分钟便民生活圈”覆盖率达九成"
    assert story.paragraphs[-1].endswith("家电维修等生活服务。")
    assert comment.title == "“土专家”是乡村的宝"


def test_a_heading_printed_inside_a_sentence_takes_no_kicker_from_it() -> None:
    text = "\n".join([
        "# 公交线网优化方便出行", "", "本报讯（记者 熊阳）10月6日，市公交集团调整3条线路。", "",
        "本报讯（记者 朱秀）10月8日，棠陵县图书馆新馆开放。", "",
        "专家评审组一致认为，该项", "", "# “书香柳山”全民阅读活动启动", "",
        "目具有较强的示范带动作用。下一步，当地将总结推广经验做法。"])
    article = segment(text).articles[-1]
    assert (article.kicker, article.title) == (None, "“书香柳山”全民阅读活动启动")
    assert article.paragraphs[-1] == (
        "专家评审组一致认为，该项目具有较强的示范带动作用。下一步，当地将总结推广经验做法。")


def test_a_web_page_s_headline_over_its_lead_though_short_lines_are_most_of_the_page() -> None:
    """An interview's questions are short lines: counted line by line, the page would seem
    set in a narrow column, and a two-line headline as wide as that column would read as
    text run on from the story above."""
    page = "\n".join([
        "返回主页 | 岚州日报 | 版面导航",
        "",
        "让老厂房“长”出文创街区",
        "——访槐川区文化和旅游局局长周启明",
        "",
        "本报记者 俞涛",
        "",
        "位于槐川区穗丰路的原第三纺织机械厂，去年还是一片闲置厂房，如今已有40多家文创企业入驻，周末客流量超过两万人次。",
        "",
        "记者：改造之初，最大的难题是什么？",
        "",
        "周启明：最大的难题是“留什么、改什么”，我们请规划团队逐栋评估，能保留的尽量保留，只对存在安全隐患的部分进行加固。",
        "",
        "记者：入驻企业靠什么留得住？",
        "",
        "周启明：靠服务。我们设立了企业服务专员，从注册到装修一站办结，还减免了头两年的部分租金。",
        "",
        "记者：下一步有什么打算？",
        "",
        "周启明：今年计划再改造两栋厂房，引进10家设计企业。",
        "",
        "返回主页 | 岚州日报 | 版面导航",
        "全市政务服务便民热线运行情况通报",
        "12345热线前两月办结满意率达96.3%",
        "",
        "本报讯(记者 宋可心)记者昨日从市政务服务部门获悉，今年1月至2月，"
        "全市12345热线共受理群众诉求41.2万件，群众满意率96.3%。",
        "",
        "从诉求类型看，供暖、物业管理和交通出行位居前三，热线联合供热企业开展上门排查，累计解决问题1.3万余件。",
    ])
    interview, hotline = segment(page).articles
    assert "通报" not in interview.body
    assert "".join(filter(None, [hotline.kicker, hotline.title])) == (
        "全市政务服务便民热线运行情况通报12345热线前两月办结满意率达96.3%")
    assert hotline.byline == "本报讯(记者 宋可心)"


def test_a_table_s_source_under_its_rows_on_a_web_page_is_no_headline() -> None:
    from generator.ingest.blocks import head_line
    from generator.ingest.lines import Line
    source = Line(1, "数据来源：市发展改革委价格监测中心", Kind.TEXT, 17.0)
    assert not head_line(source, float("inf"), page_column=60.0)
    assert head_line(Line(1, "槐川区：老厂房变身文创街区", Kind.TEXT, 13.0), float("inf"), 60.0)


def test_a_title_right_over_a_lead_that_opens_on_the_reporter_learning_it() -> None:
    """记者从有关部门获悉，… opens a story's first sentence, however long its source, so
    the line right above it is a title even as wide as the column."""
    page = "\n".join([
        "把议事会开到楼门口，让住在一起",
        "的人坐下来商量，是把基层治理的",
        "“最后一米”接上了。",
        "",
        "全国春季农田水利建设全面铺开",
        "记者从有关部门获悉，当前全国春",
        "季农田水利建设已全面铺开，各地",
        "抢抓农时修缮灌溉渠系、清淤塘坝，",
        "预计春灌前可新增和改善灌溉面积",
        "数百万亩。",
        "据新华社",
    ])
    articles = segment(page).articles
    assert articles[-1].title == "全国春季农田水利建设全面铺开"
    assert articles[-1].body.startswith("记者从有关部门获悉")


@pytest.mark.parametrize("credit", ["全媒体记者 卢 楠 文/图", "本报记者 卢楠 摄"])
def test_a_caption_between_a_web_title_and_its_story_is_a_photo_of_its_own(credit: str) -> None:
    """A web page prints a story's picture between its title and its text: the caption is
    an untitled photo, and the title stays the story's."""
    page = "\n".join([
        "“共享农机”进村来",
        "日期：2026-03-05　版面：第03版：县域经济　上一篇　下一篇",
        "农机手在桐溪区石桥铺村驾驶旋耕机整地。",
        credit,
        "　　“在手机上点一点，第二天农机就开到地头了。”3月3日，桐溪区石桥铺村种粮大户魏成林"
        "指着正在作业的旋耕机说。",
        "　　今年春耕，桐溪区依托12家农机专业合作社推出“共享农机”服务，已累计接单1300余单。",
    ])
    photo, story = segment(page).articles
    assert (photo.kind, photo.title) == ("photo", None)
    assert photo.body == "农机手在桐溪区石桥铺村驾驶旋耕机整地。"
    assert story.title == "“共享农机”进村来"
    assert story.body.startswith("“在手机上点一点")


def test_a_bracketed_news_mark_and_its_credit_wrapped_over_a_narrow_column() -> None:
    text = "\n".join(["羚泉县：牦牛“上保险”", "", "【本报讯】（岚州日报", "社全媒体记者 卓 玛",
                      "通讯员 杨 帆）5 月 18", "日，在羚泉县桑吉乡花", "海边，牧民们正在给牦",
                      "牛戴耳标。今年，全县", "为三万头牦牛买了保险。"])
    [article] = segment(text).articles
    assert article.byline == "【本报讯】（岚州日报社全媒体记者卓玛通讯员杨帆）"
    assert article.body.startswith("5月18日，在羚泉县")


def test_a_label_in_brackets_opening_a_titled_story_s_text_is_kept() -> None:
    """【核心提示】 at the head of a titled story's text is the text's own label: kept where it
    stands, not taken for the title, which the story has, and dropped."""
    text = "\n".join(["工匠里老厂房变身“创意街区”", "",
                      "【核心提示】红砖墙、铁桁架、老吊车……在枫林区工匠里片区，一批上世纪的"
                      "老厂房经过改造，变身为设计工作室。",
                      "走进原第三机械厂铸造车间，高大的厂房里保留着当年的行车轨道，如今成了展厅。"])
    page = segment(text)
    accounted(text, page)
    [article] = page.articles
    assert article.title == "工匠里老厂房变身“创意街区”"
    assert article.body.startswith("【核心提示】红砖墙")


def test_a_credit_printed_over_two_lines_under_a_title_is_one_byline() -> None:
    text = "\n".join(["### 老城新颜", "", "# 蕉林村百年祠堂修缮完工", "",
                      "**文/岚州晚报全媒体记者 黎嘉欣 通讯员 榕宣**", "",
                      "**图/岚州晚报全媒体记者 梁 旭**", "",
                      "近日，榕湾区蕉林村百年祠堂修缮完工，灰塑、木雕重现光彩。",
                      "村民自发组建“护祠队”，轮流看护祠堂。"])
    [article] = segment(text).articles
    assert article.title == "蕉林村百年祠堂修缮完工"
    assert article.byline == "文/岚州晚报全媒体记者 黎嘉欣 通讯员 榕宣 图/岚州晚报全媒体记者梁旭"


def test_a_lead_s_credits_a_pause_mark_apart_and_set_off_by_a_colon() -> None:
    text = "\n".join(["凤仪涌碧道本月底全线贯通", "",
                      "岚州晚报讯 记者苏晴、通讯员凤宣报道：记者从榕湾区水务部门获悉，全长6.8公里的"
                      "凤仪涌碧道工程目前已完成九成。"])
    [article] = segment(text).articles
    assert article.byline == "岚州晚报讯 记者苏晴、通讯员凤宣报道"
    assert article.body.startswith("记者从榕湾区水务部门获悉")


def test_a_boxed_label_over_a_reporter_s_byline_under_a_title_is_its_kicker() -> None:
    text = "\n".join(["老矿区里的“沙漠书房”", "", "■文化惠民", "", "本报记者 苏和 文/图", "",
                      "走进石岭街道老矿区的“沙漠书房”，一排排书架靠墙而立，落地窗外就是连绵的沙丘。"])
    [article] = segment(text).articles
    assert (article.kicker, article.title, article.byline) == (
        "文化惠民", "老矿区里的“沙漠书房”", "本报记者 苏和 文/图")


def test_a_caption_between_a_markdown_title_over_its_data_line_and_the_story() -> None:
    """In a Markdown-like dump too, when the web article's data line stands under the title:
    the caption and its credit are a photo, the story's byline and text follow."""
    page = "\n".join([
        "[上一版]　[下一版]　[版面导航]",
        "",
        "# 鹏溪村老围屋开出“共享书房”",
        "来源：岚州特区报　作者：温静　编辑：李楠　2026-05-14 07:10",
        "",
        "![](/res/A05_01.jpg)",
        "　　5月12日，孩子们在鹏溪村围屋书房里看书。岚州特区报记者 王 朗 摄",
        "　　■ 岚州特区报记者 温 静",
        "　　推开鹏溪村一座百年客家围屋的木门，天井里洒下阳光，两侧厢房摆满了书架，成为村里"
        "老人孩子的新去处。",
        "　　书房由村里的老人和返乡青年一起打理，每周开放五天。",
        "",
        "## 湾区口岸通关时间再压缩",
        "",
        "本报讯 近日，岚州口岸推出“一站式”通关服务，货车通关时间由半小时压缩至十分钟。",
    ])
    photo, story, _ = segment(page).articles
    assert (photo.kind, photo.title) == ("photo", None)
    assert (story.title, story.byline) == ("鹏溪村老围屋开出“共享书房”", "岚州特区报记者温静")


def test_a_web_title_whose_second_deck_asks_over_its_text() -> None:
    page = "\n".join([
        "天桥电梯停了快一个月",
        "什么时候能修好？",
        "　　市民林女士向直通车反映：桂语区茶坞路上的人行天桥，南侧电梯停运快一个月了，"
        "老人推着轮椅只能绕行两百多米。",
        "　　3月12日上午，记者来到现场，天桥南侧电梯门口贴着暂停使用的告示。",
    ])
    [article] = segment(page).articles
    assert article.title == "天桥电梯停了快一个月什么时候能修好？"
    assert article.body.startswith("市民林女士")


def test_a_brief_s_dateline_and_credit_after_its_bullet_are_its_byline() -> None:
    text = "\n".join([
        "县区快讯", "",
        "▲清溪讯(通讯员 包 晓)", "3月13日，清溪乡卫生院与县人", "民医院签订医联体协议。", "",
        "●杏林讯(通讯员 乔 丽)近日，杏林", "镇中心小学新建的录播教室投", "入使用。"])
    briefs = segment(text).articles
    assert [(a.kind, a.title, (a.byline or "").replace(" ", "")) for a in briefs] == [
        ("brief", None, "清溪讯(通讯员包晓)"), ("brief", None, "杏林讯(通讯员乔丽)")]
    assert [a.body[:6] for a in briefs] == ["3月13日，", "近日，杏林镇"]


def test_a_brief_s_text_opening_on_its_title_s_subject_again_after_one_space() -> None:
    text = "\n".join([
        "鮀城快讯", "",
        "●榕花社区开设长者饭堂 榕花社区长者饭堂", "4月7日开始供餐，辖区60岁以上老人凭卡",
        "就餐。（记者 林澍）",
        "●沙尾村海堤步道开放 沙尾村海堤步道改造", "完工，全长2.6公里。（记者 郑瑜）"])
    briefs = segment(text).articles
    assert [a.title for a in briefs] == ["榕花社区开设长者饭堂", "沙尾村海堤步道开放"]
    assert briefs[1].body.startswith("沙尾村海堤步道改造完工")


def test_an_essay_column_named_for_its_jottings_is_the_kicker() -> None:
    text = "\n".join(["海湾随笔", "阿嬷的粿印", "□黄晓岚  老屋的灶台边，挂着一块磨得发",
                      "亮的木粿印，桃形的印窝里刻着一个“寿”字。"])
    essay = segment(text).articles[0]
    assert (essay.kicker, essay.title, essay.byline) == ("海湾随笔", "阿嬷的粿印", "黄晓岚")


def test_a_diary_s_date_and_weather_open_its_text_not_a_story() -> None:
    text = "\n".join(["长江岸线“绿色长廊”再延伸", "", "3月11日 晴",
                      "今天一早，我跟着巡江队上了长江。江面上风不大，巡逻艇沿着岸线慢慢开。",
                      "傍晚回到岸上，江边步道上散步的人多了起来。"])
    stories = segment(text).articles
    assert [a.title for a in stories] == ["长江岸线“绿色长廊”再延伸"]
    assert stories[0].body.startswith("3月11日 晴")


def test_a_web_view_s_one_mark_rules_part_its_items_titled_under_their_text() -> None:
    text = "\n".join([
        "-", "桂园职校技能节开幕",
        "　　本报讯(孔岚 施雯) 3月17日至18日，桂园职业技术学校第九届技能节举行。", "",
        "-", "　　17日，来自桂园小学的30名晚报小记者走进金梭路上的一家雕版工坊。",
        "　　小记者们先在木板上描出自己名字里的一个字，再一刀一刀刻出来。",
        "小记者走进雕版工坊", "",
        "-", "常州晚报社版权所有 未经书面授权不得转载"])
    stories = segment(text).articles
    assert [a.title for a in stories] == ["桂园职校技能节开幕", "小记者走进雕版工坊"]
    assert stories[1].body.startswith("17日，来自")


def test_lettered_labels_over_brief_titles_whose_verbs_want_an_object() -> None:
    text = "\n".join([
        "B 征集", "桂园区征集", "“龙城老手艺”线索", "桂园区文化馆即日起面向社",
        "会征集老手艺线索，截止时间为", "4月20日。", "江 晓", "",
        "C 招聘", "荷塘村蔬菜基地", "招收30名采摘工", "鹤鸣镇荷塘村蔬菜基地近期",
        "招收采摘工30名，日结工资。", "马 奔"])
    briefs = segment(text).articles
    assert [(a.kicker.replace(" ", ""), a.title, a.byline) for a in briefs] == [
        ("B征集", "桂园区征集“龙城老手艺”线索", "江晓"),
        ("C招聘", "荷塘村蔬菜基地招收30名采摘工", "马奔")]


def test_parts_of_a_story_headed_by_a_double_circle_stay_in_the_story() -> None:
    text = "\n".join([
        "## 早市搬家记", "", "(上接A1版)", "专门坐公交车过来的。新街区门口就有公交站。",
        "◎摊位抽签 老摊主优先", "据柳堤街道介绍，新址的240个摊位按蔬菜、肉禽分区。",
        "◎试营业三个月免摊位费", "新址试营业期间免收摊位费。", "",
        "### 便民简讯", "◎柳堤街道开设夜校", "近日，柳堤街道开设夜校。",
        "◎菱湖公园延长开放", "即日起，菱湖公园延长开放时间。"])
    articles = segment(text).articles
    assert [a.title for a in articles] == ["早市搬家记", "柳堤街道开设夜校", "菱湖公园延长开放"]
    assert "◎摊位抽签" in articles[0].body and "◎试营业" in articles[0].body


def test_a_web_page_that_indents_its_text_and_subheads_opens_a_story_at_a_flush_title() -> None:
    text = "\n".join([
        "东滩湿地“回来了”", "　　本报记者 施晓宇",
        "　　清晨六点，沙澜镇东滩湿地的观测点上，护鸟员举着望远镜一动不动。",
        "　　五年前，这片滩涂还散布着十几处养殖塘和废弃渔棚。",
        "　　退出来的塘口", "　　变成了候鸟的“加油站”",
        "　　镇里把原有塘口的堤埂挖低、水系打通，种上芦苇和盐地碱蓬。", "",
        "开栏的话", "　　“十四五”收官，新征程开启。今起，本报推出专栏，敬请关注。"])
    stories = segment(text).articles
    assert [a.title for a in stories] == ["东滩湿地“回来了”", "开栏的话"]
    assert "退出来的塘口" in stories[0].body


def test_a_question_over_its_subtitle_is_a_headline() -> None:
    text = "\n".join(["家门口的养老，还能怎么做？", "——访潮韵街道社会事务办主任周晓岚",
                      "问：街道今年在居家养老方面有哪些新打算？", "答：我们将新建两处助餐点。"])
    talk = segment(text).articles[0]
    assert (talk.title, talk.subtitle) == ("家门口的养老，还能怎么做？",
                                           "——访潮韵街道社会事务办主任周晓岚")


def test_a_poem_s_numbered_parts_stay_in_the_poem() -> None:
    text = "\n".join(["东布洲春讯（组诗）", "□沈 禾", "一", "风从江上来，", "先吹开了油菜花，",
                      "再吹开了老屋的门。", "二", "燕子回到檐下，", "数着新砌的瓦。"])
    poems = segment(text).articles
    assert [a.title for a in poems] == ["东布洲春讯（组诗）"]
    assert poems[0].body.startswith("一")


def test_an_opinion_column_s_name_and_title_under_its_text_before_a_table_s_title() -> None:
    text = "\n".join([
        "□麦 子", "老厂房改造，改的是建筑，", "留的是记忆。", "让老厂房真正火起来，靠的",
        "不只是几面红砖墙，更要有", "持续的人气。", "鸢都微评", "老厂房要“活”更要“火”", "",
        "城区主要农贸市场今日菜价", "品名　　价格（元/斤）", "白菜　　1.2", "西红柿　　3.5"])
    first = segment(text).articles[0]
    assert (first.kicker, first.title) == ("鸢都微评", "老厂房要“活”更要“火”")


def test_a_brief_title_before_the_first_figure_of_its_text_s_date() -> None:
    text = "\n".join(["县域快讯", "▲柳溪街道举办招聘会 3", "月9日，柳溪街道举办春季",
                      "招聘会。（窦宁）"])
    brief = segment(text).articles[0]
    assert (brief.title, brief.body) == ("柳溪街道举办招聘会", "3月9日，柳溪街道举办春季招聘会。")


def test_a_dotted_rule_parts_a_notice_from_the_briefs_under_it() -> None:
    text = "\n".join([
        "关于征集窑前村老照片的公告", "为筹建村史馆，现面向社会征集老照片。", "鲁泉镇人民政府",
        "2026年3月10日", "", "……………………", "淄博简讯", "齐韵路口新增过街天桥",
        "3月11日，陶岭区齐韵路口的过街天桥完成吊装。（路远）"])
    titles = [a.title for a in segment(text).articles]
    assert titles == ["关于征集窑前村老照片的公告", "齐韵路口新增过街天桥"]


def test_reporter_and_correspondent_among_web_data_and_a_notice_s_date_under_须知() -> None:
    text = "\n".join([
        "琉璃街道“网格+物业”让楼道亮起来",
        "来源：淄博晚报  作者：记者 路远 通讯员 翟晓  发布时间：2026-03-12 08:21",
        "　　楼道灯坏了没人修、电动车堵了安全出口……如今有了变化。", "",
        "陶岭区2026年义务教育招生报名须知",
        "来源：淄博晚报  作者：陶岭区教育和体育局  发布时间：2026-03-12 08:45",
        "　　一、报名时间：2026年4月1日至4月15日。", "　　陶岭区教育和体育局", "　　2026年3月11日"])
    story, notice = segment(text).articles
    assert story.byline.replace(" ", "") == "记者路远通讯员翟晓"
    assert notice.body.endswith("2026年3月11日")


def test_a_kicker_and_two_title_decks_over_a_line_of_facts_under_the_story() -> None:
    text = "\n".join([
        "本报讯（记者 林涛）眼下正是海带收获的季节，", "蓝屿镇的海面上，渔民们驾船来回穿梭，把一",
        "根根养殖绳上的海带收上船，再运到岸边晾晒。", "今年全镇海带养殖面积达到3.2万亩，比去年",
        "增加约一成。为了延长产业链，蓝屿镇去年引", "进了两家海藻加工企业，把海带加工成海藻酸",
        "钠和即食海带丝，", "每吨附加值提高了近 3 倍。", "向海图强", "蓝屿镇海带丰收",
        "一根绳“拴”住增收路",
        "全镇养殖面积3.2万亩 鲜品产量预计8万吨", "",
        "3月10日，鲸背村的工匠正在为一座百年海", "草房更换屋顶。 本报记者 林 涛 摄"])
    story = segment(text).articles[0]
    assert story.kicker == "向海图强" and story.body.endswith("近3倍。")
    assert (story.title.replace(" ", ""), story.subtitle) == (
        "蓝屿镇海带丰收一根绳“拴”住增收路", "全镇养殖面积3.2万亩 鲜品产量预计8万吨")


def test_web_data_name_the_writer_when_the_text_opens_on_a_bare_news_mark() -> None:
    text = "\n".join([
        "我市启动春季植树月活动",
        "来源：泰兴日报 作者：通讯员 银杏 记者 封晓彤 发布时间：2026-03-12 08:30",
        "　　本报讯 3月11日，我市春季植树月活动在银铃镇白果社区启动。"])
    story = segment(text).articles[0]
    assert story.byline.replace(" ", "") == "通讯员银杏记者封晓彤"
    assert story.body.startswith("本报讯")


def test_a_photo_group_s_pictures_captioned_after_triangles_and_diamonds() -> None:
    text = "\n".join([
        "巢湖岸边踏青忙", "2026-03-12 07:40 来源：合肥晚报",
        "　　3月11日，市民在巢湖岸边的滨湖湿地踏青赏花。近日气温回升，油菜花相继开放。",
        "　　▲孩子们在花田边放风筝。", "　　◆游客在木栈道上拍照留念。",
        "　　本报记者 吴文清 摄影报道", "",
        "春季招聘月16日启动", "2026-03-12 07:40 来源：合肥晚报",
        "　　本报讯 (记者 章 鸣)记者昨日从市人社局获悉，春季招聘月将于16日启动。"])
    photo, story = segment(text).articles
    assert (photo.kind, photo.title) == ("photo", "巢湖岸边踏青忙")
    assert photo.byline == "本报记者 吴文清 摄影报道"
    assert "▲孩子们在花田边放风筝。" in photo.body and story.title == "春季招聘月16日启动"


def test_a_headline_group_under_its_story_wrapped_inside_a_quotation() -> None:
    text = "\n".join([
        "本报讯（记者 许根明", "通讯员 胡 韵）记者昨", "日从蜀湖区桃溪街道获悉，",
        "荷塘社区试点的“楼道议", "事会”运行一年来，已帮", "助居民解决问题 47 件。",
        "议事会由每栋楼推选的 3", "名居民代表组成，每月召", "开一次。", "基层治理新探索",
        "荷塘社区“楼道议事", "会”一年办结47件", "居民身边事", "——小事不出楼栋，大", "事不出社区",
        "", "3 月 11 日，梁湾镇小圩", "村的农民在田里移栽油",
        "菜苗。 本报记者 吴文清 摄", "巢湖岸边", "春耕忙"])
    story = segment(text).articles[0]
    assert story.title == "荷塘社区“楼道议事会”一年办结47件居民身边事"
    assert story.body.endswith("每月召开一次。")


def test_a_web_page_s_indented_subheads_stay_in_their_story() -> None:
    text = "\n".join([
        "春茶还没采 订单先来了", "",
        "　　清明未到，锦蚕街道的茶园里还是一片嫩绿，茶农的订单却已经排到了四月。", "",
        "　　春茶没采订单先到", "",
        "　　“上海、苏州的老客户早早打电话来订，今年光预订就有600多斤。”", "",
        "　　老茶园种出新花样", "",
        "　　街道农业服务中心介绍，近两年街道对800多亩老茶园进行了改造。", "",
        "来源: 《今日桐乡》 作者: 今日桐乡记者 羊晓杰 编辑: 王颖", "打印  收藏本页  关闭本页", "",
        "桑园春管忙", "", "　　春风拂过桑园，白荡村村民趁着晴好天气修剪桑枝、施足春肥。"])
    stories = segment(text).articles
    assert [a.title for a in stories] == ["春茶还没采 订单先来了", "桑园春管忙"]
    assert "老茶园种出新花样" in stories[0].body


def test_a_brief_s_text_naming_its_subject_again_under_a_bulleted_title_as_wide_as_it() -> None:
    text = "\n".join([
        "蓉 城 快 讯", "●竹影巷社区开设“四点半课堂”", "竹影巷社区本周起在活动中",
        "心开设“四点半课堂”。(李 涛)", "●柏枝村新建两座冷链仓库", "青杉镇柏枝村两座冷链仓库",
        "近日建成，总库容800吨。(何 苗)"])
    briefs = segment(text).articles
    assert [(a.title, a.body[:6]) for a in briefs] == [
        ("竹影巷社区开设“四点半课堂”", "竹影巷社区本"), ("柏枝村新建两座冷链仓库", "青杉镇柏枝村")]


def test_a_continuation_under_its_title_and_byline_is_one_story() -> None:
    text = "\n".join([
        "## 茶岭镇首批明前茶开采", "",
        "来源:嵊州新闻网-今日嵊州 作者:记者 钱丽 2026年03月18日08:12:00", "",
        "　　（上接第1版）农技人员进村入户，指导茶农适时采摘、规范加工。", "",
        "　　据了解，今年茶岭镇鲜叶收购价比去年同期上涨一成。", "", "## 乡村越剧联赛开幕", "",
        "　　3月15日晚，第四届乡村越剧联赛开幕。"])
    story = segment(text).articles[0]
    assert (story.title, story.byline) == ("茶岭镇首批明前茶开采", "记者 钱丽")
    assert story.continued_from == 1
    assert story.body.startswith("农技人员")


def test_a_photo_s_title_in_fake_bold_right_under_its_credit_is_the_photo_s() -> None:
    text = "\n".join([
        "本报讯（记者 钱丽）近日，沙湾路口袋公园建成开放。公园占地约四千平方米，设有健身步道。",
        "公园由一处闲置的停车场改建而成，周边三个小区的居民步行五分钟即可到达。", "",
        "3月14日，青沙村的蔬菜大棚里，农户正在采收早春番茄。该村今年新建智能大棚30座。 茅晓琳 摄",
        "番番茄茄红红了了", "",
        "沙湾路口袋公园", "向市民开放",
        "本报讯（通讯员 赵永林）近日，位于沙湾路与江畈路交叉口的口袋公园建成开放。"])
    titles = [(a.kind, a.title) for a in segment(text).articles]
    assert ("photo", "番茄红了") in titles
    assert (titles[-1][1] or "").replace(" ", "") == "沙湾路口袋公园向市民开放"


def test_a_byline_of_two_papers_wrapped_over_three_lines_under_a_long_subtitle() -> None:
    text = "\n".join([
        "铁锚路早市", "搬进“大棚”", "——松涛区把马路", "市场改成便民", "市集，摊位费", "减半",
        "沈阳晚报、沈报", "全媒体记者", "关 越 文/摄", "3月11日早6点，松涛",
        "区铁锚路新建的便民市集", "里已经人头攒动。卖豆腐", "的、卖油条的、卖青菜的，",
        "一排排摊位整整齐齐。"])
    story = segment(text).articles[0]
    assert (story.kicker, story.title) == (None, "铁锚路早市搬进“大棚”")
    assert story.subtitle == "——松涛区把马路市场改成便民市集，摊位费减半"
    assert squash(story.byline) == "沈阳晚报、沈报全媒体记者关越文/摄"
    assert story.body.startswith("3月11日早6点")


def test_a_commentary_s_column_and_two_part_title_over_its_text() -> None:
    text = "\n".join([
        "丁香街道为独居老人", "装上“一键呼”", "本报讯（沈阳晚报、沈报", "全媒体记者 佟 欣）丁",
        "香街道日前为辖区82户", "独居老人免费安装了智能", "呼叫设备，社区网格员和",
        "家属会同时收到提醒。", "",
        "沈城话题", "市集搬家 更要搬心", "马路早市进了大棚，摊主", "省心，路人顺心。可早市",
        "的魅力在烟火气，别把它", "管成了冷冰冰的商场。", "□陈 默"])
    stories = segment(text).articles
    assert [(a.kicker, a.title) for a in stories] == [
        (None, "丁香街道为独居老人装上“一键呼”"), ("沈城话题", "市集搬家 更要搬心")]
    assert stories[1].body.startswith("马路早市")


def test_a_paper_s_address_after_its_name_is_furniture() -> None:
    text = "\n".join([
        "全国春播", "由南向北展开", "据新华社电 记者从农业", "农村部门获悉，当前全国",
        "春播由南向北陆续展开。", "", "沈阳晚报社址：沈阳市松涛区枫林路1号"])
    page = segment(text)
    assert len(page.articles) == 1
    assert "沈阳晚报社址：沈阳市松涛区枫林路1号" in [n.text for n in page.noise]


def test_a_table_under_its_title_ends_before_an_essay_printed_under_it() -> None:
    text = "\n".join([
        "杏林区部分社区春季义诊安排", "社区名称 义诊日期 义诊时间 科室",
        "柳湾社区 3月14日 8:30-11:30 内科 眼科", "白杨社区 3月21日 8:30-11:30 中医科 口腔科",
        "双桥社区 3月28日 13:30-16:30 儿科 皮肤科", "",
        "一把电钻，一架梯子，放在谁家都是闲着，放到工具",
        "屋里就成了大家的。共享的是工具，攒下的是人情。",
        "■ 林 溪", "春城随笔", "小屋里的大人情"])
    table, essay = segment(text).articles
    assert table.title == "杏林区部分社区春季义诊安排"
    assert "双桥社区 3月28日 13:30-16:30 儿科 皮肤科" in table.body
    assert (essay.kicker, essay.title) == ("春城随笔", "小屋里的大人情")
    assert essay.body.startswith("一把电钻")


def test_a_page_header_of_a_latin_name_and_a_date_in_bare_figures_is_furniture() -> None:
    text = "\n".join([
        "CHANGCHUN EVENING NEWS 2026 3 12 星期四 责编 李想 版式 王放 城事 2", "",
        "本报讯（记者 孟 然）记者从市人社局获悉，今年", "一季度全市将举办招聘会 46 场。", "稳就业"])
    page = segment(text)
    assert [a.title for a in page.articles] == ["稳就业"]
    assert any(n.text.startswith("CHANGCHUN") for n in page.noise)


def test_markdown_items_under_a_short_label_are_articles_of_their_own() -> None:
    text = "\n".join([
        "# 长春晚报", "", "### 版面导航", "1. 老旧管网改造今年再推进60公里", "2. 便民提示", "",
        "---", "", "# 老旧管网改造今年再推进60公里", "", "**本报记者 孟 然**", "",
        "记者从市住建部门获悉，今年全市计划改造老旧管网60公里。", "", "---", "",
        "## 便民提示", "", "**柳湾社区开设周末托管班**", "",
        "柳湾社区利用活动室开设周末托管班，每周六、周日上午开放。", "",
        "**白杨屯村卫生室可刷医保**", "", "白杨屯村卫生室日前接入医保结算系统。"])
    page = segment(text)
    assert [(a.kicker, a.title) for a in page.articles] == [
        (None, "老旧管网改造今年再推进60公里"), (None, "柳湾社区开设周末托管班"),
        (None, "白杨屯村卫生室可刷医保")]
    assert {"1. 老旧管网改造今年再推进60公里", "便民提示"} <= {n.text for n in page.noise}


def test_a_markdown_label_over_one_item_is_its_kicker() -> None:
    text = "\n".join([
        "# 老旧管网改造今年再推进60公里", "",
        "记者从市住建部门获悉，今年全市计划改造老旧管网。", "",
        "---", "", "## 便民提示", "", "**柳湾社区开设周末托管班**", "",
        "柳湾社区利用活动室开设周末托管班，每周六、周日上午开放。", "", "---", "",
        "## 【城事】", "", "**白杨屯村卫生室可刷医保**", "",
        "白杨屯村卫生室日前接入医保结算系统。"])
    page = segment(text)
    assert [(a.kicker, a.title) for a in page.articles[1:]] == [
        ("便民提示", "柳湾社区开设周末托管班"), ("城事", "白杨屯村卫生室可刷医保")]


def test_a_web_page_s_bylines_by_a_news_app_and_an_author_under_a_label() -> None:
    text = "\n".join([
        "东阳江绿道新增3处驿站", "2026-03-12 08:05:11 来源:东阳日报", "歌画东阳客户端记者 黄浩", "",
        "　　3月11日，东阳江绿道桐岭段的3处驿站投入使用，市民可以免费使用。", "",
        "编辑:许 琳", "", "【画溪人家】", "家门口的公交站", "2026-03-12 08:09:02 来源:东阳日报",
        "作者 楼晓梅", "", "　　我家住在梅岙村，年轻时去城里，要先走四十分钟山路到镇上。", "",
        "我说两句…"])
    page = segment(text)
    assert [(a.kicker, a.title, a.byline) for a in page.articles] == [
        (None, "东阳江绿道新增3处驿站", "歌画东阳客户端记者 黄浩"),
        ("画溪人家", "家门口的公交站", "作者 楼晓梅")]
    assert "我说两句…" in [n.text for n in page.noise]


def test_a_web_title_over_its_second_deck_is_title_and_subtitle() -> None:
    text = "\n".join([
        "浏阳河沿岸新增5处亲水平台", "平台兼顾防洪与休闲",
        "来源：浏阳日报　发布时间：2026-03-12 08:31:12",
        "　　3月上旬，浏阳河城区段沿岸的5处亲水平台陆续完成主体建设，市民多了看河的好去处。",
        "　　施工方介绍，5处平台均采用透水铺装和可拆卸栏杆，汛期可在两小时内拆除。", "",
        "政民连心桥 有事您说话", "楼道声控灯修好了 夜归不再摸黑", "本报记者 程 露", "",
        "　　家住老城区的读者反映，楼道声控灯坏了半个多月，晚上回家只能摸黑上楼，物业已修好。"])
    first, second = segment(text).articles
    assert (first.title, first.subtitle) == ("浏阳河沿岸新增5处亲水平台", "平台兼顾防洪与休闲")
    assert (second.kicker, second.title) == (
        "政民连心桥 有事您说话", "楼道声控灯修好了 夜归不再摸黑")


def test_a_photo_group_s_captions_and_words_under_its_title_are_one_photo() -> None:
    text = "\n".join([
        "银 杏 吐 新 绿", "槐塘镇柳园村，林农在银杏苗圃里", "修剪枝条。",
        "杏花社区，居民在新建的银杏步道", "上散步。", "春分将至，我市各地银杏陆续萌芽",
        "吐绿。今年全市计划新植银杏等苗", "木 12 万株。",
        "融媒记者 孔 杰 通讯员 韩 雪 摄"])
    photo, = segment(text).articles
    assert (photo.kind, photo.title) == ("photo", "银杏吐新绿")
    assert photo.body.startswith("槐塘镇柳园村") and photo.body.endswith("12万株。")


def test_a_brief_s_signature_whose_closing_bracket_wrapped_alone() -> None:
    text = "\n".join([
        "简 讯", "▲3 月 10 日，柳园村“农", "家书屋”新到一批农业技术和少儿",
        "读物共 800 册，书屋开放时", "间延长至每晚 8 时。(王 磊", ")",
        "▲近日，杏花社区开设“长者食堂”，", "为辖区 70 岁以上老人提供",
        "10 元两荤一素午餐。(记", "者 范宁)"])
    first, second = segment(text).articles
    assert (squash(first.byline), squash(second.byline)) == ("王磊", "记者范宁")


def test_a_table_s_title_under_its_rows_and_note_then_a_commentary() -> None:
    text = "\n".join([
        "物资　储备量　较去年", "化肥　1850吨　+6%", "小麦种子　120吨　持平", "农药　36吨　-4%",
        "注：统计截至3月10日。", "蒲滩镇春耕备耕物资储备情况", "",
        "一个窗口办结32项事项，企业少跑腿，这是看得见", "的变化。",
        "服务驿站要真正成为企业的“娘家”，不能只在开张", "时热闹。", "□ 江 平", "一家之言",
        "驿站好用，贵在“常在线”"])
    table, comment = segment(text).articles
    assert table.title == "蒲滩镇春耕备耕物资储备情况"
    assert (comment.kicker, comment.title) == ("一家之言", "驿站好用，贵在“常在线”")
    assert comment.body.startswith("一个窗口")


def test_a_commentary_s_title_set_wider_than_its_column_under_the_column_s_name() -> None:
    text = "\n".join([
        "建设了员工公寓和食堂。", "", "浏河时评", "开工的“快”要靠服务的“实”",
        "从签约到开工不到四个月，",
        "这个“快”字背后，是审批", "跑在前面、管网接到门口的", "一件件实事。", "■ 柳 青"])
    comment = segment(text).articles[-1]
    assert (comment.kicker, comment.title) == ("浏河时评", "开工的“快”要靠服务的“实”")
    assert comment.body.startswith("从签约到开工")


def test_a_feature_under_a_column_name_with_its_title_spaced_out_and_a_boxed_credit() -> None:
    text = "\n".join([
        "寻味锡城", "运 河 边 的 老 茶 馆", "——一壶茶里的市井烟火", "□晚报记者 顾 颖 文/摄",
        "清晨六点，运河边的“福寿茶馆”已经坐满了老茶客。",
        "一壶绿茶、一碟茶干，老人们一坐就是一上午。", "",
        "老茶客的一天", "沈根宝在茶馆里为老茶客续水。", "（晚报记者 顾 颖 摄）"])
    story, photo = segment(text).articles
    assert (story.kicker, story.title, story.subtitle) == (
        "寻味锡城", "运河边的老茶馆", "——一壶茶里的市井烟火")
    assert squash(story.byline) == "晚报记者顾颖文/摄"
    assert (photo.kind, photo.title, photo.body) == (
        "photo", "老茶客的一天", "沈根宝在茶馆里为老茶客续水。")


def test_a_story_credited_to_its_writer_and_photographer_after_slashes() -> None:
    text = "\n".join([
        "走基层", "渔港的清晨", "■ 撰文/黎 晴 摄影/吴 川", "天刚蒙蒙亮，龙眼镇的渔港码头",
        "已经热闹起来。渔船陆续靠岸，", "一筐筐马鲛鱼、红鱼被搬上岸。"])
    story, = segment(text).articles
    assert (story.kicker, story.title, squash(story.byline)) == (
        "走基层", "渔港的清晨", "撰文/黎晴摄影/吴川")


def test_a_long_masthead_line_of_hotlines_and_a_markdown_page_list_are_furniture() -> None:
    text = "\n".join([
        "# 江南晚报", "### A03：城事", "", "**版面导航**", "", "- A01：要闻", "- 07版：海岛·城事",
        "", "---", "", "# 梅湾街道老厂房变身“创意仓”", "",
        "记者昨天从梅湾街道获悉，老厂房改造已经完成。", "",
        "新闻热线:8860000 发行热线:8861000 广告热线:8862000 邮发代号:54-00 "
        "国内统一连续出版物号 CN 62-0000",
        "总值班:罗 川 值班主任:何 平 责编:杜 莹 美编:石 砚 本报常年法律顾问:钱 朗"])
    page = segment(text)
    assert [a.title for a in page.articles] == ["梅湾街道老厂房变身“创意仓”"]
    assert page.articles[0].body == "记者昨天从梅湾街道获悉，老厂房改造已经完成。"
    assert {"- A01：要闻", "- 07版：海岛·城事"} <= {n.text for n in page.noise}


def test_a_web_article_s_tags_under_its_text_are_furniture() -> None:
    text = "\n".join([
        "荷塘镇区域供水工程完工", "来源：宿迁晚报　发布时间：2026-03-12 08:30",
        "　　荷塘镇区域供水工程日前完工，全镇2.3万人喝上了城区同源同质的自来水。",
        "标签：荷塘镇 区域供水 农村供水", "", "村卫生室推广远程会诊",
        "来源：宿迁晚报　发布时间：2026-03-12 08:40",
        "　　记者从市卫健委获悉，首批40个村卫生室完成远程会诊设备安装。",
        "　　关键词：设备", "　　每个村卫生室配备了高清摄像头和电子听诊器。"])
    page = segment(text)
    assert [a.title for a in page.articles] == ["荷塘镇区域供水工程完工", "村卫生室推广远程会诊"]
    assert "标签：荷塘镇 区域供水 农村供水" in [n.text for n in page.noise]
    assert "关键词：设备" in page.articles[1].body  # a subhead, not tags


def test_an_index_of_the_page_s_stories_with_their_first_words_is_furniture() -> None:
    index = ["  • 海韵社区的“共享菜园”", "    □记者 陈澄",
             "    开春以后，海韵社区东门的一块空地热闹起来 ...",
             "", "  • 苇荡街道开出“银发课堂”", "  • 又见邻里情", ""]
    stories = ["第07版:社区 2026年03月20日", "海韵社区的“共享菜园”", "□记者 陈澄",
               "    开春以后，海韵社区东门的一块空地热闹起来，20块小菜畦里种上了青菜。", "",
               "第07版:社区 2026年03月20日", "苇荡街道开出“银发课堂”",
               "    本报讯（记者 顾南）3月18日下午，苇荡街道“银发课堂”开课。", "",
               "第07版:社区 2026年03月20日", "社区笔记", "又见邻里情", "□周芦生",
               "    小时候住在老街，巷子窄，邻居多，谁家烧了红烧肉，半条巷子都闻得到香。"]
    page = segment("\n".join(index + stories))
    assert [(a.kicker, a.title) for a in page.articles] == [
        (None, "海韵社区的“共享菜园”"), (None, "苇荡街道开出“银发课堂”"),
        ("社区笔记", "又见邻里情")]
    teasers_alone = segment("\n".join(index))  # a page of teasers alone: they are its articles
    assert not any(n.reason == "index of other pages" for n in teasers_alone.noise)


def test_a_continuation_s_title_set_against_it_and_apart_from_the_next_story_closes_it() -> None:
    text = "\n".join([
        "（上接A01版）",
        "45分贝以下，又承诺每年请第三方检测一次。",
        "两栋楼的住户最终都签了字。",
        "谁来出钱：按楼层分摊，政府补一块",
        "每部电梯总造价约60万元，市、区两级财政补",
        "贴20万元，其余由业主按楼层高低分摊，楼层",
        "越高分摊越多，一楼住户不出钱。社区还联系了",
        "公积金中心，业主可提取住房公积金支付分摊款。",
        "韦晓兰说，下一步社区将成立电梯自管小组，由",
        "各楼推选的楼长负责日常巡查和费用收缴，确保",
        "电梯“装得上、管得好”。",
        "加装电梯：从“难”到“暖”",
        "",
        "每周三晚上7点，桂巷社区活动室里总是坐得",
        "满满当当。墙上挂着一块白板，写着本周要议",
        "的三件事：7号楼电梯验收、小区充电桩选址、",
        "楼道堆物清理。",
        "这就是居民口中的“楼道会”。去年以来，社",
        "区在每栋楼推选一名楼长，大事小事先在楼道",
        "里商量，商量不成再拿到周三的会上议。半年",
        "下来，议了40多件事，办成了36件。",
        "“以前有事找社区，现在是大家一起拿主意。”",
        "5号楼楼长钱建国说，他的小本子上记满了邻",
        "居们的意见，有的事情议了三四次才定下来，",
        "但定下来就没人再有怨言。 本报记者 许",
        "静",
        "基层治理微观察",
        "桂巷社区的“楼道会”",
        "——大事小事居民商量着办"])
    first, second = segment(text).articles
    assert first.title == "加装电梯：从“难”到“暖”" and first.body.endswith("管得好”。")
    assert second.title.endswith("桂巷社区的“楼道会”") and second.body.startswith("每周三")


def test_a_web_title_over_its_second_deck_and_a_byline_is_title_and_subtitle() -> None:
    text = "\n".join([
        "第07版:社区 2026年03月20日", "海韵社区的“共享菜园”", "20户家庭认领菜畦 垃圾堆变成“小菜园”",
        "□记者 陈澄 通讯员 苇轩",
        "    开春以后，海韵社区东门的一块空地热闹起来。20块一米见方的小菜畦里，种上了青菜。",
        "    这块地原来是建筑垃圾堆放点。去年秋天，社区发动居民清运垃圾、翻土施肥。"])
    story, = segment(text).articles
    assert (story.kicker, story.title, story.subtitle) == (
        None, "海韵社区的“共享菜园”", "20户家庭认领菜畦 垃圾堆变成“小菜园”")


def test_a_site_s_menu_one_item_a_line_is_furniture() -> None:
    text = "\n".join([
        "今日上虞", "国际国内", "社会广角", "虞舜文化", "白马湖畔", "江边短论", "图片新闻",
        "前期回顾", "",
        "老小区改造先听居民怎么说", "",
        "　　改造期间，青桐社区将每周召开一次居民协调会，居民反映的问题三个工作日内答复。"])
    page = segment(text)
    assert [a.title for a in page.articles] == ["老小区改造先听居民怎么说"]
    assert "白马湖畔" in [n.text for n in page.noise]


def test_a_headline_under_a_table_s_rows_and_note_opens_the_next_story() -> None:
    text = "\n".join([
        "本周城区农贸市场主要菜价", "", "品种　　本周均价（元/斤）　　较上周",
        "青菜　　2.5　　持平", "白萝卜　　1.8　　持平", "鲫鱼　　15.0　　+1.5",
        "注：数据由区价格监测中心提供。", "", "",
        "拾金不昧 物归原主", "",
        "　　10月13日傍晚，梅溪镇环卫工人朱大姐在竹岙路捡到一只钱包，交还给了失主。(通讯员 何新)"])
    table, brief = segment(text).articles
    assert table.title == "本周城区农贸市场主要菜价" and "拾金不昧" not in table.body
    assert (brief.title, brief.byline) == ("拾金不昧 物归原主", "通讯员 何新")


def test_a_commentator_of_a_paper_named_short() -> None:
    assert classify(1, "南都评论员 林潮", False).kind is Kind.BYLINE
    assert classify(1, "南都评论员林潮", False).kind is Kind.BYLINE


def test_a_paper_named_after_its_app_signs_its_reporters_so() -> None:
    assert classify(1, "□金胶州记者林帆", False).kind is Kind.BYLINE
    assert classify(1, "金胶州记者王岩摄", False).kind is Kind.CREDIT
    assert classify(1, "多名记者前往现场", False).kind is Kind.TEXT


def test_a_markdown_lead_set_in_bold_gives_its_credit_as_the_byline() -> None:
    text = "\n".join([
        "# 胶州日报 · 数字报", "", "# 青禾路拓宽工程启动", "",
        "**本报讯（金胶州记者 臧宁）**3月12日，青禾路拓宽改造工程开工，全长3.2公里。", "",
        "为减少对市民出行的影响，工程采取半幅施工、半幅通行的方式。"])
    page = segment(text)
    story, = page.articles
    assert (story.kicker, story.title, story.byline) == (
        None, "青禾路拓宽工程启动", "本报讯（金胶州记者 臧宁）")
    assert story.body.startswith("3月12日")


def test_an_index_s_titles_of_two_parts_glued_to_their_first_paragraphs() -> None:
    text = "\n".join([
        "市政府召开春季安全生产工作会议 部署隐患排查整治   本报讯 (记者 姜楠)3月12日，市政府召开"
        "春季安全生产工作会议，部署开展隐患排查整治行动。",
        "石韵街道：小网格撑起大服务   今年以来，石韵街道在辖区12个社区推行“网格员+楼长”工作法，"
        "居民反映的问题由楼长收集、网格员跟进。",
        "                      记者 刘海燕",
        "凤鸣路樱花进入盛花期   4月6日，市民在凤鸣路赏樱拍照。眼下，凤鸣路两侧600多株樱花进入"
        "盛花期。 全媒体记者 吴涛 摄"])
    titles = [a.title for a in segment(text).articles]
    assert titles == ["市政府召开春季安全生产工作会议 部署隐患排查整治",
                      "石韵街道：小网格撑起大服务", "凤鸣路樱花进入盛花期"]


def test_a_brief_s_bracketed_title_wrapped_at_the_column_s_end() -> None:
    text = "\n".join([
        "唐山快讯", "【凤鸣区新增3处公共充电", "站】近日，凤鸣区槐荫路、",
        "新梧路等地新建3处公共充", "电站，共有充电桩48个。", "(王 蕊)",
        "【南槐街道开展免费理发活", "动】3月10日，南槐街道",
        "组织理发志愿者走进养老院。", "(许楠)"])
    briefs = segment(text).articles
    assert [(a.title, a.body[:2]) for a in briefs] == [
        ("凤鸣区新增3处公共充电站", "近日"), ("南槐街道开展免费理发活动", "3月")]


def test_the_masthead_s_lines_of_address_fax_mail_and_posting() -> None:
    for line in ("新闻传真：0574-65571234", "本版邮箱：lkrbms@163.com",
                 "http://www.nhnews.example.cn 宁海新闻网 2026-03-24 08:01"):
        assert classify(1, line, False).kind is Kind.NOISE, line
    assert classify(1, "机扫码三种开门方式。对不", False).kind is Kind.TEXT  # a sentence's line
    text = "\n".join(["会用智能手机的老人。", "", "地址：唐山市凤鸣区槐荫路18号",
                      "新闻热线：0315-5550000"])
    assert [n.text for n in segment(text).noise][-2:] == [
        "地址：唐山市凤鸣区槐荫路18号", "新闻热线：0315-5550000"]


def test_a_web_page_s_date_time_and_buttons_and_its_paper_s_dated_page_line() -> None:
    for line in ("2026年03月12日 08:31 [大 中 小] [打印]",
                 "长兴新闻 2026年03月12日 第02版：综合",
                 "德清新闻2026-03-20第04版：社会", "中共安吉县委机关报 安吉县融媒体中心主办",
                 "长兴新闻网由中共长兴县委宣传部主管，长兴县融媒体中心主办 | 浙ICP备0000号"):
        assert classify(1, repair_line(line), False).kind is Kind.NOISE, line


def test_an_opinion_column_s_name_over_a_title_of_two_lines_opens_a_piece() -> None:
    text = "\n".join([
        "莫干山下", "民 宿 管 家 学 “ 外 语 ”", "■ 记者 沈 默", "“早上好，早餐在一楼。”",
        "在莫干山脚下的一家民宿", "里，管家小周正对着手机", "练习英语口语。",
        "今年以来，县文旅部门联", "合职业学校为民宿从业人", "员开设外语培训班。", "", "德清时评",
        "数字地图要“管用”", "更要“好用”",
        "一张地图管全域，看得见", "的是技术，看不见的是背", "后的责任。", "■ 禾 言"])
    story, comment = segment(text).articles
    assert story.body.endswith("外语培训班。")
    assert (comment.kicker, comment.title, comment.byline) == (
        "德清时评", "数字地图要“管用”更要“好用”", "禾言")


def test_a_column_s_label_and_a_title_after_its_bullet_over_a_web_article_s_data() -> None:
    text = "\n".join([
        "翠屏路口新增潮汐车道", "来源:保定晚报作者:孔令宜时间:2026-03-17 08:34",
        "　　本报讯（记者 孔令宜）3月16日起，翠屏路与兴华大街交口启用潮汐车道。",
        "",
        "■回音壁 兴槐街“僵尸车”已全部拖走", "来源:保定晚报作者:时间:2026-03-17 08:34",
        "　　本报3月16日报道了兴槐街人行道被废旧车辆长期占用的问题。当天下午，"
        "5辆旧车全部拖离。（记者 贾 悦）"])
    follow_up = segment(text).articles[-1]
    assert (follow_up.kicker, follow_up.title) == ("回音壁", "兴槐街“僵尸车”已全部拖走")


def test_a_caption_boxed_with_a_qr_code_s_line_stays_a_caption() -> None:
    text = "\n".join([
        "扫码看视频    石磊 孙可心 摄制", "    贾秀兰翻看她抄写的第一本菜谱。石磊摄.", "",
        "【图】", "3月23日，驼铃街道“暖城驿站”里，外卖骑手在休息区充电。", "记者 巴 特 摄"])
    page = segment(text)
    assert page.articles[0].body.startswith("贾秀兰翻看")
    assert "【图】" in [n.text for n in page.noise]


def test_an_interview_s_speakers_on_lines_of_their_own_stay_in_its_text() -> None:
    text = "\n".join([
        "“羊倌直播间”里卖出好价钱",
        "来源：鄂尔多斯晚报　　作者：其其格　　发布时间：2026-03-24 07:50",
        "□本报记者 其其格", "去年以来，养殖户乌日娜在手机上开起了直播间。记者与她聊了聊。",
        "记者：",
        "当初为什么想到做直播？", "乌日娜：", "以前羊都是等贩子上门收，价钱人家说了算。", "记者：",
        "现在直播间一个月能卖多少？", "乌日娜：", "旺季一个月能卖两万多斤。"])
    interview, = segment(text).articles
    assert "乌日娜：" in interview.body and interview.body.endswith("两万多斤。")


def test_a_title_in_fake_bold_wrapped_on_a_particle_over_its_caption() -> None:
    text = "\n".join([
        "种植丁香、海棠等本地花", "木。", "", "塔塔影影下下的的", "剪剪纸纸课课",
        "3月19日，塔影街道社", "区活动室里，剪纸艺人为", "孩子们讲解窗花的剪法。",
        "本报记者 郭 瑞 摄", "", "城市更新，不只在大街", "大楼，也在楼前屋后的", "边角地。",
        "◎ 云 中", "晚报观点", "边角地里", "见民生"])
    articles = segment(text).articles
    photo = next(a for a in articles if a.kind == "photo")
    assert photo.title == "塔影下的剪纸课"
    assert (articles[-1].kicker, articles[-1].title) == ("晚报观点", "边角地里见民生")


def test_a_district_paper_s_markdown_page_of_chrome_credits_and_an_interview() -> None:
    text = "\n".join([
        "# 从化报", "", "2026年3月10日 星期二　第02版：要闻·镇街", "", "## 标题导航", "",
        "### 第02版：要闻·镇街", "", "- 泉溪镇李花节开幕", "- 让“一季花”变成“四季游”", "",
        "---", "",
        "# 泉溪镇李花节开幕", "", "2026年03月10日", "",
        "三月的泉溪镇，漫山遍野的李花开成一片雪白，首日接待游客约1.6万人次。", "",
        "文字：黎志文 图片：吴海", "", "![](images/p2_01.jpg)", "", "**李花如雪**", "",
        "*3月9日，游客在桂岭村李花林中拍照。 记者 黎志文 摄*", "", "---", "",
        "## 【镇街“一把手”访谈】", "", "# 让“一季花”变成“四季游”", "", "本报记者 黎志文", "",
        "【泉溪镇档案】泉溪镇位于从化区北部，辖12个行政村。", "",
        "记者：泉溪镇如何把“一季花”变成“四季游”？", "", "---", "", "# 泉谷路拓宽工程完工", "",
        "**本报讯**（记者 钟伟健 通讯员 从交宣）记者从区交通运输部门获悉，泉谷路拓宽工程近日完工。",
        "", "（本版由从化报社编辑出版，未经授权，任何媒体不得转载）"])
    page = segment(text)
    assert [(a.kicker, a.title, a.byline) for a in page.articles] == [
        (None, "泉溪镇李花节开幕", "文字：黎志文 图片：吴海"),
        (None, "李花如雪", "记者 黎志文 摄"),
        ("镇街“一把手”访谈", "让“一季花”变成“四季游”", "本报记者 黎志文"),
        (None, "泉谷路拓宽工程完工", "本报讯（记者 钟伟健 通讯员 从交宣）")]
    assert page.articles[0].body.startswith("三月的")  # its date under the title is data
    assert page.articles[2].body.startswith("【泉溪镇档案】")


def test_a_continuation_s_bold_title_over_a_rule_closes_it_and_bracketed_roles_sign() -> None:
    text = "\n".join([
        "从化报　2026年3月10日　星期二", "06　流溪河·专题　责任编辑：周晓彤　校对：林嘉", "---", "",
        "（上接第1版）", "按照计划，泉溪镇还将在李花节期间推",
        "出“夜赏李花”灯光秀和农产品市集。", "", "**李花节带旺乡村游**", "---", "",
        "早上 7 点， 48 岁的巡河员黄志", "坚已经撑着小船出现在流溪河。",
        "【记者】钟伟健", "【摄影】吴海", "", "流溪河畔", "巡巡河河六六年年"])
    first, second = segment(text).articles
    assert (first.title, first.continued_from) == ("李花节带旺乡村游", 1)
    assert squash(second.byline) == "【记者】钟伟健【摄影】吴海"


def test_a_caption_s_credit_after_a_slash_and_a_district_paper_s_chrome() -> None:
    assert split_tails("■荷岗村村民试划老龙船。/珠江时报记者冼立摄") == [
        "■荷岗村村民试划老龙船。", "珠江时报记者冼立摄"]
    for line in ("南海新闻网首页 南海 镇街 政策 文化 专题 直播 视觉南海 更多",
                 "樵溪丝韵花园 二期火热登记中 热线：0757-86000130"):
        assert classify(1, line, False).kind is Kind.NOISE, line
    for line in ("- 返回头版", "- 2026年03月13日"):
        assert classify(1, line, True).kind is Kind.NOISE, line


def test_a_title_in_bold_under_a_plain_column_name_on_a_page_of_text() -> None:
    text = "\n".join([
        "▲3月17日，枫岭镇油菜花海吸引游客前来踏青。 通讯员 汪晴/摄", "", "宜城百姓",
        "**小巷里的修鞋铺**",
        "　　在皖澜区梅亭街道，有一家开了28年的修鞋铺。店主吴师傅每天早上7点开门。",
        "　　“修鞋看着简单，其实讲究不少。”吴师傅一边给一双皮鞋换跟一边说。"])
    story = segment(text).articles[-1]
    assert (story.kicker, story.title) == ("宜城百姓", "小巷里的修鞋铺")


def test_a_table_s_unit_over_its_rows_and_a_qr_code_s_line_after_a_bullet() -> None:
    text = "\n".join([
        "单位：万元", "月份　出口额　同比增长", "1—3月　5260　8.2%", "4—6月　6134　5.6%",
        "注：数据由市商务局提供。", "今年1—10月全市花炮出口情况", "",
        "冬冬种种油油菜菜正正当当时时",
        "▲ 11 月 11 日，竹溪村村民驾驶播种机", "播种油菜。", "通讯员/周勤 摄", "▲扫码看视频。"])
    page = segment(text)
    table, photo = page.articles
    assert table.title == "今年1—10月全市花炮出口情况" and table.body.startswith("单位：万元")
    assert photo.title == "冬种油菜正当时"
    assert "▲扫码看视频。" in [n.text for n in page.noise]
    for line in ("监制：欧阳斌", "宁乡市融媒体中心出品"):
        assert classify(1, line, False).kind is Kind.NOISE, line


def test_a_commentary_s_column_and_title_under_its_signature_with_a_comma_in_the_title() -> None:
    text = "\n".join([
        "把招聘会办到群众家门口，省去了求职者", "来回奔波的时间和路费，这样的安排值得", "点赞。",
        "□ 木 子", "白河时评", "招聘会办到家门口，", "还可以更贴心", "",
        "内部资料 免费交流"])
    page = segment(text)
    comment, = page.articles
    assert (comment.kicker, comment.title, comment.byline) == (
        "白河时评", "招聘会办到家门口，还可以更贴心", "木子")
    assert "内部资料 免费交流" in [n.text for n in page.noise]


def test_two_credits_of_a_byline_a_wide_gap_apart_under_a_wrapped_subtitle() -> None:
    text = "\n".join([
        "城事关注", "碧浔区桑田社区“河埠头", "议事会”开了三年", "——老街居民自己商量着把",
        "一条小河管好了", "本报记者 钱 晓 芸  通讯员 施 悦", "早上七点，碧浔区桑田社区的老河埠",
        "头边上已经坐了七八个人。",
        "", "越地微言", "书房小 心意大", "社区把闲置的车棚改成了书房，", "居民下楼就能读书。"])
    story, comment = segment(text).articles
    assert story.subtitle == "——老街居民自己商量着把一条小河管好了"
    assert squash(story.byline) == "本报记者钱晓芸通讯员施悦"
    assert (comment.kicker, comment.title) == ("越地微言", "书房小 心意大")


def test_writers_named_only_in_a_web_article_s_data_line_are_its_byline() -> None:
    text = "\n".join([
        "让老厝“活”起来", "2026-03-12 08:06:30　来源：某某商报　作者：林雅婷", "",
        "　　溪尾社区有百年以上的红砖古厝17座。", "责任编辑：苏婉", "",
        "竹溪村“共富果园”开园", "2026-03-12 08:06:40　来源：某某商报　作者：潘越 徐晓岚", "",
        "　　（上接第1版）", "　　不少认养人是在外地工作的本地人。", "责任编辑：苏婉", "",
        "沿湖防护林补植完成", "2026-03-12 08:07:10　来源：某某商报　作者：钱岚", "",
        "　　3月10日，志愿者在沿湖林带补植水杉苗。 记者 钱岚 摄", "责任编辑：苏婉"])
    essay, continued, photo = segment(text).articles
    assert squash(essay.byline) == "林雅婷"
    assert continued.byline is None  # its first page printed the byline
    assert squash(photo.byline) == "记者钱岚摄"  # the credit the text prints, not the field


def test_a_three_line_headline_under_its_story_in_a_narrow_column_before_a_lead() -> None:
    text = "\n".join([
        "3月15日，海鸥岭村", "养殖户在海上收割海带", "。今年全市海带养殖面", "积稳定在12万亩，预",
        "计总产量可达60万吨", "。", "本报记者 张 帆 摄", "海海带带收收获获季季", "",
        "本报记者 于 涛", "“陌生人让你点链接，千万", "别点。”在望潮街道东崖社",
        "区活动室，民警正在给30", "多位老人上课。",
        "今年以来，望潮街道把“银", "龄课堂”开进辖区9个渔村", "，教老人使用手机支付、视",
        "频通话，识别常见诈骗手法", "。", "望潮街道", "“银龄课堂” 开到渔村", "老人学用手机防诈骗",
        "", "新华社济南3月16日电（", "记者 孙 海）记者16日", "从山东省海洋局了解到，今",
        "年全省将新建和改造提升渔", "港12处。"])
    story = segment(text).articles[1]
    assert squash(story.title) == "望潮街道“银龄课堂”开到渔村老人学用手机防诈骗"


def test_a_mobile_e_paper_s_titles_and_first_paragraphs_on_one_line() -> None:
    text = "\n".join([
        "区政协召开常委会议 协商推进城乡供水一体化 赵启明出席   3月13日，区政协召开常委"
        "会议，围绕推进城乡供水一体化开展专题协商。区政协主席赵启明出席会议。",
        "  会上，委员们就水源保护和管网改造提出意见建议。",
        "某区2026年春季义务植树活动安排   为做好今年春季义务植树工作，现将有关安排公告如下：",
        "  一、时间：3月20日至4月10日，每周六上午。",
        "  二、地点：北泉街道林场。"])
    meeting, notice = segment(text).articles
    assert meeting.title == "区政协召开常委会议 协商推进城乡供水一体化 赵启明出席"
    assert notice.title == "某区2026年春季义务植树活动安排"
    assert notice.body.startswith("为做好今年春季义务植树工作")


def test_a_table_s_title_over_its_unit_line_and_rows() -> None:
    text = "\n".join([
        "春 风 里 的 风 筝 节", "3月14日，生态公园举行风", "筝节，市民带着孩子在草坪上放飞各",
        "式风筝，共享春日时光。 记者 蓝天 摄", "",
        "本周部分农贸市场蔬菜零售价格", "单位：元/斤", "品名　鹤鸣路市场　北泉市场",
        "白菜　1.2　　　　1.1", "土豆　1.8　　　　1.9", "注：价格采集时间为3月15日上午。"])
    _photo, table = segment(text).articles
    assert table.title == "本周部分农贸市场蔬菜零售价格"
    assert table.body.startswith("单位：元/斤")


def test_a_spaced_name_under_a_web_feature_s_subtitle_blank_lines_between() -> None:
    text = "\n".join([
        "  • 南礁村的“赶海课”", "", "    ——一位老渔民和他的研学小课堂", "", "    王 海 鸥", "",
        "    退潮时分，南礁村的礁石滩露了出来。68岁的老渔民毕建国提着竹篮。", "",
        "    “螃蟹藏在石头底下，翻开看完要放回去。”毕建国一边示范一边讲。"])
    feature, = segment(text).articles
    assert (feature.title, feature.byline) == ("南礁村的“赶海课”", "王海鸥")
    assert feature.subtitle == "——一位老渔民和他的研学小课堂"


def test_a_fake_bold_photo_title_over_its_caption_and_a_credit_in_square_brackets() -> None:
    text = "\n".join([
        "服务站由村集体和一家", "旅游公司合办，雇用本", "村村民 18 人。站长介",
        "绍，服务站运行以来", "（下转第4版）", "",
        "春春到到湖湖区区", "游游客客多多", "3 月 9 日，游客", "在翠屿岛码头登船。入春",
        "以来，湖区游船班", "次逐步加密，周末单日接", "待游客超过 8000", "人次。",
        "[记者 徐一帆 摄]", "",
        "导读", "●湖区首条水上", "巴士线路试运行", "　　　　 见第4版", "●鱼跃路夜市", "重新开张",
        "　　　　 见第4版"])
    page = segment(text)
    photo = page.articles[-1]
    assert (photo.kicker, photo.title, photo.byline) == (None, "春到湖区游客多", "记者 徐一帆 摄")
    assert photo.body.startswith("3月9日，游客") and photo.body.endswith("人次。")
    assert "●湖区首条水上" in [n.text for n in page.noise]


@pytest.mark.parametrize(("line", "reason"), [
    ("山东省连续性内部资料准印证（威）第0031号", "masthead"),
    ("青岛市连续性内部资料", "masthead"),  # …wrapped: 准印证第0207号 under it
    ("准印证第0207号", "masthead"),
    ("今日开化 数字报纸", "masthead"),
    ("今日仙居 数字报", "masthead"),
    ("00002版:综合新闻", "page header"),
    ("今日海盐·第02版：综合", "page header"),
    ("版面编辑：陈 蕾　美编：丁 一", "editors' names"),
    ("民生    时间:2025年12月05日    来源:莱西日报", "page header"),
    ("宜都报·第04版 综合", "page header"),
    ("往期回顾 | 版面导航 | 下载PDF", "page header"),
    ("都江堰报 | 2026年5月13日 | 第4版 |", "page header"),
])
def test_county_papers_furniture(line: str, reason: str) -> None:
    found = classify(1, line, False)
    assert (found.kind, found.reason) == (Kind.NOISE, reason)


def test_a_section_s_name_with_a_word_of_time_is_no_data_line() -> None:
    assert classify(1, "新闻 时间就是生命", False).kind is not Kind.NOISE


def test_a_role_over_two_names_on_the_next_line_is_one_byline() -> None:
    text = "\n".join([
        "清溪水库", "冬捕开网", "12月4日，清溪水库今冬", "首次开网捕鱼，渔民合力收",
        "网，一网起鱼3000余斤。", "今年冬捕将持续到月底，所", "得鲜鱼主要供应本地市场。",
        "莱西日报社全媒体记者", "姜 楠 王 朗"])
    story, = segment(text).articles
    assert story.title == "清溪水库冬捕开网"
    assert squash(story.byline) == "莱西日报社全媒体记者姜楠王朗"


def test_a_photo_s_title_under_its_credit_a_blank_line_before_the_next_headline() -> None:
    text = "\n".join([
        "3 月 17 日，市民", "在芦湾村樱花大道赏花拍", "照。眼下，村道两侧 6",
        "00 余株樱花竞相开放，", "粉白相间，春意正浓。", "记者 沈 悦 摄", "芦湾樱花开", "",
        "县中医院开设", "夜间门诊", "本报记者 顾 言", "3 月 16 日起，县中",
        "医院在海韵路院区开设夜", "间门诊，开诊时间为每天", "17时30分至21时。"])
    photo, story = segment(text).articles
    assert (photo.title, story.kicker, story.title) == ("芦湾樱花开", None, "县中医院开设夜间门诊")


def test_a_caption_under_a_markdown_picture_is_the_picture_s_not_the_last_subhead_s() -> None:
    text = "\n".join([
        "---", "", "#### 一线见闻", "", "# 海韵路夜市重新开张", "",
        "文/记者 钱 程 图/通讯员 倪 佳", "",
        "傍晚6点，海韵路夜市的灯串亮起，摊位前很快排起了队。", "**摊位统一规划**",
        "如今的夜市划定了68个标准摊位，统一配备了油烟净化设备。", "**周边商户也受益**",
        "夜市开张后，周边餐饮店和便利店的晚间客流明显增加。", "",
        "![](images/p4.jpg)", "海韵路夜市开张首日，市民在摊位前选购手工米糕。（通讯员 倪 佳 摄）",
        "", "---", "", "# 停水通知", "", "因管网改造施工，定于3月21日停水一天。"])
    story, photo, _notice = segment(text).articles
    assert story.title == "海韵路夜市重新开张" and story.body.endswith("晚间客流明显增加。")
    assert (photo.title, squash(photo.byline)) == (None, "通讯员倪佳摄")
    assert photo.body == "海韵路夜市开张首日，市民在摊位前选购手工米糕。"


@pytest.mark.parametrize(
    "top", ["今日新郑 城乡 3", "今日巩义", "禹州新闻网 — 今日禹州", "今日长葛·民生",
            "今日瓦房店 — 瓦房店新闻网", "道县融媒体中心", "永兴县融媒体中心数字报"])
def test_a_county_paper_s_name_and_page_on_the_page_s_first_line(top: str) -> None:
    text = "\n".join([
        top, "", "丰枣村老枣园重焕生机",
        "本报讯 4月8日一早，榆岗镇丰枣村的枣园里，十几名村民正跟着", "技术员学习给老枣树“开甲”。"])
    page = segment(text)
    story, = page.articles
    assert (story.kicker, story.title) == (None, "丰枣村老枣园重焕生机")
    assert squash(top) in [squash(n.text) for n in page.noise]


def test_a_sentence_opening_on_what_the_reporter_did_is_no_byline() -> None:
    for line in ("记者随即联系市城市管理", "记者对此进行了", "记者马上"):
        assert classify(1, line, False).kind is Kind.TEXT, line
    for line in ("记者王小明", "记者向炜", "本报记者张刚刘地委通讯员孔鹏"):
        assert classify(1, line, False).kind is Kind.BYLINE, line


def test_a_web_page_s_items_after_its_buttons_and_a_data_line_opening_on_the_author() -> None:
    text = "\n".join([
        "今日永春网  桃源之窗", "首页 > 数字报 > 永春报 > 2026年5月20日 > 第02版：综合", "",
        "夏季用电高峰将至 我县新增改造配变46台", "——重点解决部分片区用电“卡脖子”问题",
        "作者：记者 潘宁 通讯员 刘建华　来源：永春报　时间：2026-05-20 07:58　浏览次数：198",
        "　　记者从县供电部门获悉，为应对即将到来的夏季用电高峰，我县今年新增改造配变46台。",
        "上一篇　下一篇", "", "侨乡老厝的新生活", "[图片]",
        "　　图为岱美村一座百年老厝修缮后改成的“侨史馆”，馆内陈列着侨批和老照片。",
        "上一篇　下一篇"])
    page = segment(text)
    story, photo = page.articles
    assert (story.kicker, squash(story.byline)) == (None, "记者潘宁通讯员刘建华")
    assert photo.title == "侨乡老厝的新生活" and photo.body.startswith("图为岱美村")


def test_a_source_in_brackets_under_the_text_is_its_byline() -> None:
    text = "\n".join([
        "瓷都文旅持续升温", "戴云山麓的德化，近年来把陶瓷与文旅深度融合，",
        "陶瓷夜市、柴烧体验、陶艺研学等新业态不断涌现。",
        "今年端午假期，全县接待游客同比增长 23 %。",
        "（来源：泉州晚报）", "", "关于调整瓷韵路夜市经营时间的公告",
        "为规范夜市经营秩序，自 2026 年 6 月 20 日起，夜市经营时间调整为 18 时至 23 时。"])
    story, notice = segment(text).articles
    assert (story.title, story.byline) == ("瓷都文旅持续升温", "来源：泉州晚报")
    assert notice.title == "关于调整瓷韵路夜市经营时间的公告"


def test_html_tags_left_in_a_markdown_dump_are_markup_and_the_site_s_name_its_masthead() -> None:
    text = "\n".join([
        '<a id="nav"></a>', "# 今日德化", "[版面导航](#nav) | 上一版 | 下一版", "",
        "## 窑坊社区“长者食堂”开餐", "",
        "作者：记者 苏晴 通讯员 李雅婷 | 来源：今日德化 | 发布时间：2026-06-18 09:12", "",
        "　　6月17日，窑坊社区“长者食堂”正式开餐，辖区60岁以上老人凭卡就餐享受优惠。",
        "", '<a id="nav"></a>'])
    page = segment(text)
    story, = page.articles
    assert (story.kicker, story.title) == (None, "窑坊社区“长者食堂”开餐")
    assert squash(story.byline) == "记者苏晴通讯员李雅婷"
    assert [n.reason for n in page.noise if n.text.startswith("<a")] == ["page markup"] * 2


def test_a_web_data_line_under_a_continuation_names_no_one_for_the_next_story() -> None:
    text = "\n".join([
        "（上接第1版）近三成。", "按照规划，到2027年，产业园将集聚核电装备及配套企业30家以上。",
        "作者：记者 宋 岩　来源：某某日报　发布时间：2025-11-26 07:30", "", "---", "",
        "![](res/pic1.jpg)", "11月24日，松岩村果农在冷藏库内分拣入库的苹果。　记者 宋 岩 摄"])
    continued, photo = segment(text).articles
    assert continued.byline is None  # its first part, on page 1, printed the byline
    assert squash(photo.byline) == "记者宋岩摄"


@pytest.mark.parametrize("line", [
    "Copyright@1986-2026 某某日报社 All Rights Reserved.",
    "本网站所刊登的某某日报各种新闻、信息和专栏资料，均为某某日报社版权所有，未经协议授权禁止下载使用。"])
def test_a_site_s_copyright_notice_is_furniture_however_it_ends(line: str) -> None:
    assert (classify(1, line, False).kind, classify(1, line, False).reason) == (
        Kind.NOISE, "masthead")
    assert classify(1, "市版权局表示，作品版权所有人可以依法维权。", False).kind is Kind.TEXT


def test_a_county_paper_s_news_mark_today_and_its_name() -> None:
    text = "\n".join([
        "城区新增3条公交线路", "2026-03-12 08:10 来源：今日当阳 责任编辑：柯蓝",
        "　　今日当阳讯（记者 吴静）3月11日起，城区新开通3条公交线路，串联高铁站和市人民医院。"])
    story, = segment(text).articles
    assert (story.title, squash(story.byline)) == ("城区新增3条公交线路", "今日当阳讯（记者吴静）")
    assert story.body.startswith("3月11日起")


def test_a_web_item_s_captions_under_its_data_line_are_one_photo() -> None:
    text = "\n".join([
        "油菜花田里的春日课堂", "2026-03-12 08:05 来源：今日当阳 责任编辑：柯蓝",
        "3月10日，望月小学的学生在油菜花田里上美术写生课。",
        "孩子们在老师的指导下，用画笔记录田野春色。 宋 岚 摄", "", "【打印本页】 【关闭窗口】", "",
        "长坂论坛", "让养老服务“近”一点再“实”一点",
        "2026-03-12 08:06 来源：今日当阳 责任编辑：柯蓝", "■钟远山",
        "　　养老驿站建到村里，老人不出村就能吃上热饭、看上医生，这是群众看得见、摸得着的实惠。",
        "　　养老服务要“近”，更要“实”。驿站建起来以后，运营资金从哪里来、服务队伍怎么稳住，"
        "都需要提前谋划，不能让驿站建成后“门难开、人难留”。", "", "【打印本页】 【关闭窗口】"])
    photo, comment = segment(text).articles
    assert (photo.title, squash(photo.byline)) == ("油菜花田里的春日课堂", "宋岚摄")
    assert photo.body.startswith("3月10日") and photo.body.endswith("记录田野春色。")
    assert (comment.kicker, comment.byline) == ("长坂论坛", "钟远山")


def test_a_page_s_list_of_its_titles_asking_or_noticing_under_its_heading() -> None:
    text = "\n".join([
        "本版标题导航", "· 湔江畔的护河人", "· 锦屏路农贸市场升级改造后开业",
        "· 公交17路何时恢复原线路？", "· 紫岭镇部分区域计划停电公告", "",
        "锦屏路农贸市场升级改造后开业",
        "来源：彭州日报　　发布时间：2026-04-09 08:13", "",
        "　　本报讯（记者 严宏）4月8日，锦屏路农贸市场完成升级改造后重新开业。"])
    page = segment(text)
    story, = page.articles
    assert story.title == "锦屏路农贸市场升级改造后开业"
    assert "·公交17路何时恢复原线路？" in [n.text for n in page.noise]


def test_a_web_photo_page_titled_only_picture_news_keeps_that_title() -> None:
    # The site prints its picture page under the generic heading 图片新闻, over its data line.
    caption = "11月19日，柳荫村的村民在大棚里给番茄整枝。该村今年新建大棚40个。"
    text = "\n".join(["首页 > 本地新闻", "", "图片新闻",
                      "来源：岚州日报  作者：通讯员 何 青  发布时间：2025-11-21", "", "[图片]",
                      "　　" + caption, "【责任编辑：罗明】"])
    [photo] = segment(text).articles
    assert (photo.title, photo.body) == ("图片新闻", caption)


def test_picture_news_over_one_picture_s_title_is_its_kicker() -> None:
    caption = "3月18日，市民在东湖岸边的步道上赏樱。近日气温回升，早樱陆续开放。"
    text = "\n".join(["【责任编辑：郭明】", "", "图片新闻", "东湖岸边早樱开",
                      "来源：岚州晚报  发布时间：2026-03-19 07:30", "字体：大 中 小", "",
                      "　　" + caption, "　　记者 韩 松 摄", "【责任编辑：郭明】"])
    [photo] = segment(text).articles
    assert (photo.kicker, photo.title, photo.body) == ("图片新闻", "东湖岸边早樱开", caption)


def test_numbered_briefs_under_a_column_name_with_their_titles_before_a_colon() -> None:
    text = "\n".join(["岚州简讯", "1、松风村茶园开采春", "茶：3 月 18 日",
                      "，松风村首批明前茶开采。（朱",
                      "琳）", "2、竹溪路新增公交站", "点：即日起，3 路",
                      "公交车在竹溪路新增临", "江社区站。（魏松）"])
    briefs = segment(text).articles
    assert [(b.kind, b.title, b.body[:6]) for b in briefs] == [
        ("brief", "松风村茶园开采春茶", "3月18日，"),
        ("brief", "竹溪路新增公交站点", "即日起，3路")]


def test_an_editor_s_line_ends_a_web_article_so_a_picture_under_it_is_its_own() -> None:
    story = "茶岙村地处高山，茶园面积1800亩，所产高山绿茶香高味醇。"
    caption = "3月10日，新碧溪街道的志愿者在烟霞路口为过往群众免费测量血压。"
    text = "\n".join(["茶岙村春茶开采 订单提前锁定", "2026年03月13日 08:31:12   来源:岚州报", "",
                      "　　" + story, "", "责任编辑：何晓丽", "", "lz2026031300004v04b002.jpg", "",
                      "　　" + caption, "　　□朱静雯 摄影报道", "", "责任编辑：何晓丽"])
    article, photo = segment(text).articles
    assert (article.body, photo.body, photo.byline) == (story, caption, "朱静雯 摄影报道")


def test_a_bulleted_title_over_its_own_credit_line_is_the_story_s_title() -> None:
    text = "\n".join(["◎六十四名乡村工匠同台比武", "记者 姜 帆 通讯员 毛晓峰", "3月11日，首届乡村",
                      "工匠技能比武在桐溪镇举行，", "64名木工、泥瓦工同台竞技。"])
    [article] = segment(text).articles
    assert (article.title, article.byline) == ("六十四名乡村工匠同台比武", "记者姜帆通讯员 毛晓峰")


def test_a_brief_s_credit_wrapped_over_three_lines_with_its_role_cut() -> None:
    text = "\n".join(["▲县妇幼保健院本月起开", "设“周末儿科门诊”，周", "六、周日全天接诊。（记",
                      "者 吴晓燕 通讯员 丁", "宁）"])
    [brief] = segment(text).articles
    assert brief.byline == "记者 吴晓燕 通讯员 丁宁"
    assert brief.body.endswith("全天接诊。")


def test_a_caption_under_a_web_title_is_a_caption_and_a_link_under_a_story_no_kicker() -> None:
    text = "\n".join(["东江湖环湖骑行道全线贯通", "", "2025-05-08 17:20:41 岚州发布 浏览量:", "",
                      "5月6日，骑行爱好者在环湖骑行道杉溪段骑行    晓峰 摄", "",
                      "岚州新闻网讯(记者 王晓峰)5月8日，记者从市交通运输局获悉，骑行道贯通。",
                      "",
                      "来源:本网原创", "点击查看全文", "", "杉溪镇举办乡村技能人才招聘会", "",
                      "2025-05-08 16:02:15 岚州发布 浏览量:", "",
                      "本网讯(通讯员 何小燕)5月7日，杉溪镇举办乡村技能人才专场招聘会。", "",
                      "来源:本网原创", "点击查看全文"])
    articles = segment(text).articles
    assert (None, "杉溪镇举办乡村技能人才招聘会") in [(a.kicker, a.title) for a in articles]
    assert any(a.body.startswith("5月6日，骑行爱好者") for a in articles)  # a caption, not
    assert all("5月6日" not in (a.title or "") for a in articles)  # a headline dropped


def test_a_express_column_s_name_over_a_brief_is_not_its_kicker() -> None:
    text = "\n".join(["一线快递", "荷塘镇排查汛前隐患", "近日，荷塘镇开展汛前水利设施大检查",
                      "，排查山塘、泵站等水利设施58处，", "整改隐患9处。（通讯员 黎 明）"])
    [brief] = segment(text).articles
    assert (brief.kicker, brief.title) == (None, "荷塘镇排查汛前隐患")


def test_a_campaign_s_call_for_the_quarter_over_a_title_is_its_kicker() -> None:
    text = "\n".join(["奋战一季度", "古槐路片区城市更新项目全面复工", "",
                      "本报讯（记者 宋娟）3月3日，古槐路片区城市更新项目全面复工。"])
    [article] = segment(text).articles
    assert (article.kicker, article.title) == ("奋战一季度", "古槐路片区城市更新项目全面复工")


def test_an_arrow_before_a_brief_s_title_in_a_web_list_is_not_part_of_it() -> None:
    text = "\n".join(["凤岭镇积分超市开张",
                      "来源：今日岚州 作者：黄婷 发布时间：2026-03-26 09:12:07",
                      "　　本报记者 黄婷",
                      "　　在青溪村的“积分超市”里，村民用攒下的积分换了一桶油。",
                      "　　凤岭镇去年在12个村推行积分制管理，把环境整治纳入积分。",
                      "　　镇党委负责人介绍，推行积分制以来，全镇村庄环境明显改善。",
                      "责任编辑：黄婷", "", "岚州简讯",
                      "来源：今日岚州 作者：本报综合 发布时间：2026-03-26 09:12:08",
                      "　　▶瑞阳街道开展防范电信诈骗宣传",
                      "　　近日，瑞阳街道组织民警和网格员走进商铺、小区，宣传防骗知识。",
                      "　　▶市人民医院开通夜间门诊",
                      "　　即日起，市人民医院开通内科、儿科夜间门诊，每天18时至22时接诊。",
                      "责任编辑：黄婷"])
    titles = [a.title or "" for a in segment(text).articles]
    assert "瑞阳街道开展防范电信诈骗宣传" in titles
    assert not any(title.startswith("▶") for title in titles)


def test_a_title_right_under_a_table_s_note_is_the_next_item_s_not_the_table_s() -> None:
    text = "\n".join(["冬季植树进度表", "乡镇　　　计划　　已完成", "柳岸镇　　1300　　1210",
                      "岚溪街道　700　　　700", "桃川镇　　880　　　815", "单位：亩", "",
                      "今冬严防林区野外违规用火", "据新华社北京 1 2 月", "8 日电 记者 8 日从有",
                      "关部门获悉，今冬各地将严防", "林区野外违规用火，重点时段",
                      "实行全天候巡护。"])
    table, story = segment(text).articles
    assert table.body.endswith("单位：亩")
    assert (story.title, story.byline) == ("今冬严防林区野外违规用火", "据新华社北京12月8日电")


def test_a_brief_s_title_set_tight_under_its_writer_before_the_next_brief() -> None:
    text = "\n".join(["本报讯（记者 韦 晴）3 月 1 8 日，", "桃溪镇首批明前茶开采，",
                      "茶农们赶在晴天采摘。", "合作社统一收购加工，今年", "预计带动茶农增收",
                      "900 万元。", "桃溪首批明前茶开采", "", "镇村简讯",
                      "▲ 3 月 1 6 日，县人民医院",
                      "医生走进桃溪社区，为 9", "0 余名居民免费量血压、", "测血糖。（柳青）",
                      "桃溪社区开展义诊", "▲岭北镇近日完成通村公", "路春季养护，修补坑槽路",
                      "面 1.1 公里。（吴岚）", "岭北镇完成春季道路养护"])
    briefs = [a for a in segment(text).articles if a.body.startswith(("3月16日", "岭北镇"))]
    assert [b.title for b in briefs] == ["桃溪社区开展义诊", "岭北镇完成春季道路养护"]


def test_a_heading_under_a_notice_signed_and_dated_opens_the_next_piece() -> None:
    text = "\n".join(["# 岚州日报", "", "# 关于桃溪路部分路段临时交通管制的通告", "",
                      "因桃溪路管网改造施工，定于4月2", "日至4月30日对桃溪路（岚江路口至",
                      "市中医院路口）实行半幅通行。", "请过往车辆和行人按交通标志绕行，给您",
                      "带来不便，敬请谅解。", "岚州市公安局交通管理大队", "岚州市住房和城乡建设局",
                      "2026年3月28日", "", "### 便民提示", "**市中医院开通周末门诊**",
                      "市中医院周末门诊4月起开诊，时间", "为每周六、周日8:00至17:00。（记",
                      "者 韦晴）"])
    notice, brief = segment(text).articles
    assert notice.body.endswith("2026年3月28日")
    assert (brief.kicker, brief.title, brief.byline) == ("便民提示", "市中医院开通周末门诊",
                                                         "记者 韦晴")


def test_a_picture_s_title_under_a_jump_is_not_the_titled_story_s() -> None:
    text = "\n".join(["# 岚州日报", "", "### 基层治理新观察",
                      "# 桃溪社区“楼道议事会”议出9件实事", "■ 本报记者 韦 晴", "",
                      "3月21日傍晚，桃溪社区5号楼的楼道里", "摆开了几条长凳，居民们围坐一圈，",
                      "议的是楼道灯和停车的事。截至目前，", "议事会共收集问题32个，已办结",
                      "（下转第2版）", "", "![](b1.jpg)", "**岚江畔放风筝**",
                      "3月22日，市民在岚江畔的滨江绿道放", "风筝。（本报记者 吴 岚 摄）"])
    story, photo = segment(text).articles
    assert (story.kicker, story.title, story.continues_on) == (
        "基层治理新观察", "桃溪社区“楼道议事会”议出9件实事", 2)
    assert (photo.title, photo.body) == ("岚江畔放风筝", "3月22日，市民在岚江畔的滨江绿道放风筝。")


def test_a_box_s_name_over_its_first_bold_title_is_no_subhead_of_the_text_above() -> None:
    text = "\n".join(["# 岚州日报", "", "### 岚江新语", "# 议事会要“议”更要“办”", "□ 江 舟",
                      "议得热热闹闹，办得拖拖拉拉，群众的热情迟早会冷下来。", "",
                      "## 要闻简报", "**桃川村通了公交**",
                      "3月20日，城区至桃川村的公交线路开通，每天往返8班。(记者 吴岚)",
                      "**柳岸路夜市恢复营业**",
                      "经过一个月的改造，柳岸路夜市日前恢复营业。(记者 韦晴)"])
    comment, first, second = segment(text).articles
    assert comment.body == "议得热热闹闹，办得拖拖拉拉，群众的热情迟早会冷下来。"
    assert [first.title, second.title] == ["桃川村通了公交", "柳岸路夜市恢复营业"]


def test_a_title_under_its_story_may_open_a_quotation_its_second_line_closes() -> None:
    text = "\n".join(["本报讯（记者 刘 燕）3 月 2 5", "日上午，桃溪社区的“共享",
                      "菜园”正式开园。这片菜园", "原是小区旁的一块闲置空地，", "由居民认领种植。",
                      "社区还请来有经验的老农，", "每周六上午在菜园里讲种菜", "知识。",
                      "桃溪社区“共享", "菜园”开园", "", "菜园虽小，连着的却是居民",
                      "的“菜篮子”和邻里之间的", "人情味。", "□ 石 川", "岚江快评",
                      "“菜篮子”连着", "民生大事"])
    story, comment = segment(text).articles
    assert story.title == "桃溪社区“共享菜园”开园"
    assert comment.body.startswith("菜园虽小")


def test_a_teaser_wrapped_under_the_index_is_the_index_s_however_it_ends() -> None:
    text = "\n".join(["今日导读", "▶椿林村羊肚菌", "  走俏市场 2版", "▶乡村“赶集游”",
                      "  火了 2版", "", "杏花开了，游客来了，", "乡亲们的土特产也有了",
                      "销路。", "□ 涡 川", "涡水评说", "赏花经济", "要算长远账"])
    page = segment(text)
    assert all("赶集游" not in (a.title or "") + a.body for a in page.articles)
    assert "▶乡村“赶集游”" in [n.text for n in page.noise]


def test_a_brief_title_after_a_notice_s_date_is_not_its_text() -> None:
    text = "\n".join(["岚溪镇停水通知", "因供水主管道改造施工，岚溪镇自来水",
                      "厂定于 4 月 2 日 8 时至", "2 0 时暂停供水。停水范围：岚溪",
                      "镇圩镇、梯云村、横岭村。", "请广大用户提前储水，给您带来的不便",
                      "敬请谅解。", "岚溪镇自来水厂", "2 0 2 6 年 3 月 3 0", "日", "",
                      "杉林路菜市场完成提升改造", "近日，经过两个月施工，杉林路菜市",
                      "场重新开业。改造后的菜市场划分为", "蔬菜、肉类、水产和熟食四个区域，",
                      "增设了农残检测室和公平秤。（何", "静）"])
    notice, brief = segment(text).articles
    assert notice.body.endswith("岚溪镇自来水厂2026年3月30日")
    assert (brief.title, brief.byline) == ("杉林路菜市场完成提升改造", "何静")



def test_a_brief_opening_on_its_bracketed_title_keeps_its_first_words() -> None:
    text = "\n".join(["▲【岚溪村建成村史馆】近日，麦香", "镇岚溪村村史馆建成开放，展出老农",
                      "具、老照片等实物300余件。(通", "讯员魏东)",
                      "▲【市图书馆开展读书月活动】4月", "23日起，市图书馆举办为期一个月",
                      "的读书月活动，包括名家讲座、亲子", "共读等12场。(记者李楠)"])
    first, second = segment(text).articles
    assert (first.title, first.body[:2]) == ("岚溪村建成村史馆", "近日")
    assert (second.title, second.body[:5]) == ("市图书馆开展读书月活动", "4月23日")


def test_a_web_notice_titled_a_reminder_keeps_its_issuer_and_date() -> None:
    text = "\n".join(["关于延长城乡居民医保集中缴费期的提醒",
                      "来源：岚州市医疗保障局　发布时间：2026-04-13 16:20",
                      "　　2026年度城乡居民基本医疗保险集中缴费期延长至4月30日。",
                      "　　咨询电话：0534-6221234。", "　　岚州市医疗保障局", "　　2026年4月13日",
                      "【责任编辑：陈 思】"])
    [notice] = segment(text).articles
    assert notice.kind == "notice"
    assert notice.body.endswith("2026年4月13日")


def test_a_poem_under_its_title_and_poet_keeps_its_stanzas_as_its_text() -> None:
    text = "\n".join(["三月的麦田", "杜 小 禾", "麦子还没有抽穗", "风先替它们走完了一整块田",
                      "田埂上的蒲公英", "把昨夜的星星一颗颗举起来", "", "父亲蹲在地头抽烟",
                      "烟灰落下去", "落成一场很轻很轻的雪", "", "老井", "■ 马青岩",
                      "井台上的辘轳不转了", "井绳挂在墙上", "像一截被晾干的河", "奶奶说井水甜"])
    first, second = segment(text).articles
    assert (first.title, first.byline) == ("三月的麦田", "杜小禾")
    assert first.body.replace("\n", "").endswith("落成一场很轻很轻的雪")
    assert (second.title, second.byline) == ("老井", "马青岩")
    assert second.body.replace("\n", "") == (
        "井台上的辘轳不转了井绳挂在墙上像一截被晾干的河奶奶说井水甜")


def test_an_epigraph_s_mark_does_not_sign_off_the_essay_under_it() -> None:
    text = "\n".join(["灯下漫笔", "一碗擂茶的温度", "□ 赖 青", "客来先奉茶，是老辈人的规矩。",
                      "——题记", "外婆擂茶，用的是一只旧陶钵和一根",
                      "油茶木擂棍。芝麻、花生、茶叶，再", "加一小把薄荷，她坐在矮凳上，把钵",
                      "夹在两腿之间，一圈一圈地磨。", "", "梅梅岭岭春春晓晓",
                      "这幅国画以淡墨写山、浓墨点梅。作者", "为县美术家协会会员。", "朱文涛 作"])
    essay, painting = segment(text).articles
    assert essay.body.startswith("客来先奉茶") and essay.body.endswith("一圈一圈地磨。")
    assert (painting.title, painting.byline) == ("梅岭春晓", "朱文涛 作")


def test_a_notice_signed_with_its_month_alone_keeps_its_signer_and_month() -> None:
    text = "\n".join(["“梅岭”副刊征稿启事", "“梅岭”副刊常年面向社会征稿，现将有",
                      "关事项告知如下：", "一、稿件以散文、诗歌、随笔为主。",
                      "二、来稿请注明真实姓名。", "今日岚州编辑部", "2026年3月", "", "岚州简讯",
                      "●城区新增两处公交站。（韦晴）"])
    notice = segment(text).articles[0]
    assert notice.body.endswith("今日岚州编辑部2026年3月")


def test_a_reader_signing_a_letter_with_their_unit_is_its_byline() -> None:
    text = "\n".join(["【来信】", "桃塘小区门前路灯坏了半个月", "　　编辑同志：",
                      "　　我家住在县城兴华路桃塘小区。小区门前的6盏路灯，从4月上旬起就一直不亮。",
                      "　　岚溪中学教师 廖志远", "", "【来信】", "月岭村能否通公交",
                      "　　编辑同志：",
                      "　　我们月岭村离乡集镇有8公里，能不能把月岭村也考虑进去？",
                      "　　鹅岭乡月岭村村民 钟美华"])
    first, second = segment(text).articles
    assert (first.title, first.byline) == ("桃塘小区门前路灯坏了半个月", "岚溪中学教师 廖志远")
    assert (second.title, second.byline) == ("月岭村能否通公交", "鹅岭乡月岭村村民 钟美华")


def test_a_case_report_s_bracketed_parts_are_its_text_not_new_stories() -> None:
    text = "\n".join(["以案说法", "借条上的“利息”该不该还", "本报记者 宋一鸣 通讯员 祁晓峰",
                      "【案情】2023年5月，松溪镇村民王某向同村的",
                      "赵某借款5万元，双方在借条上写明利息。",
                      "【审理】县法院审理认为，双方的借贷关系合法有效，",
                      "但超出法定上限的部分不受保护。",
                      "【说法】承办法官提醒，民间借贷应当在借条中写明",
                      "借款金额、期限和利率。", "", "悬赏通告",
                      "2025年7月28日凌晨，岚溪镇一处养殖场发生盗窃案。",
                      "岚溪县公安局", "2025年8月1日"])
    report, notice = segment(text).articles
    assert report.title == "借条上的“利息”该不该还"
    assert report.body.startswith("【案情】") and "【说法】承办法官提醒" in report.body
    assert notice.title == "悬赏通告"


def test_a_case_report_s_part_set_in_bold_on_a_markdown_page_stays_its_text() -> None:
    text = "\n".join(["### 以案说法", "# 轻信“刷单返利” 女子三天被骗三万余元", "",
                      "**本报记者 黄雨亭**", "", "**【案情】**", "",
                      "今年2月，家住岚溪镇的刘女士在手机上看到一则兼职广告。", "",
                      "**【说法】**", "",
                      "民警介绍，刷单返利是当前发案最多的诈骗类型。", "", "---", "",
                      "# 反诈提醒：这五类电话一律别信", "", "1. 自称“客服”要为你办理退款的；"])
    report, _ = segment(text).articles
    assert report.body.replace("\n", "").startswith("【案情】今年2月")


def test_a_set_of_poems_keeps_each_poem_s_own_title_in_its_text() -> None:
    essay = ["清明一过，杉塘村后山的油茶花就谢尽了。祖", "父说，花谢了，果子才开始长，人也一样，",
             "得先把热闹放下，才能把日子过实在。小时候我", "最怕上油茶山。山路是祖父用锄头一级一级",
             "挖出来的，下雨天滑得站不住脚。如今山上修", "了水泥路，摘果的季节，城里人也开车来。"]
    poems = ["燕坪春信（组诗）", "□ 邓远山", "梨花", "", "燕坪的梨花开了", "一夜之间",
             "山坡把积攒了一冬的白", "全部还给了四月", "", "山溪", "", "溪水从石缝里出来",
             "带着雪的口音", "它在村口拐了个弯"]
    work = ["山居即事", "录宋人句“竹外桃花三两枝”，行草，纵一百三十八厘米。", "黎松年 书"]
    text = "\n".join(["杉塘村的油茶山", "黄秋禾", *essay, "", *poems, "", *work])
    first, second, third = segment(text).articles
    assert first.body.endswith("城里人也开车来。")
    assert (second.title, second.byline) == ("燕坪春信（组诗）", "邓远山")
    assert second.body.replace("\n", "").startswith("梨花燕坪的梨花开了")
    assert "山溪溪水从石缝里出来" in second.body.replace("\n", "")
    assert (third.title, third.byline) == ("山居即事", "黎松年 书")


def test_numbered_briefs_titled_on_lines_of_their_own_under_a_column_s_label() -> None:
    text = "\n".join(["岚州快讯", "1.清溪社区开办周末书法课", "本周起，清溪社区新时代文明实",
                      "践站每周六上午开设免费书法课，", "首批学员以小学生为主。（向 敏）",
                      "2.茶岭镇卫生院开通远程心电诊断", "近日，茶岭镇卫生院接入县人民",
                      "医院远程心电诊断系统。（吴 岚）"])
    briefs = segment(text).articles
    assert [(b.title, b.byline) for b in briefs] == [
        ("清溪社区开办周末书法课", "向敏"), ("茶岭镇卫生院开通远程心电诊断", "吴岚")]


def test_a_numbered_list_inside_a_text_is_not_read_as_brief_titles() -> None:
    text = "\n".join(["反诈提醒：这些电话一律别信", "接到下列电话请立即挂断：",
                      "1.自称客服要办理退款的", "2.自称公检法要求转账的",
                      "3.自称领导要你帮忙转账的",
                      "如遇可疑情况，请拨打96110咨询。"])
    [notice] = segment(text).articles
    assert "1.自称客服要办理退款的" in notice.body


def test_a_numbered_brief_whose_text_opens_on_its_number_keeps_its_first_line() -> None:
    text = "\n".join(["苗乡简讯", "1.近日，县交通运输局对杉溪至竹坳",
                      "的通村公路开展灾后修复。（龙晓禾）",
                      "2.县税务局在政务服务中心开设“企", "业开办一窗通”，新办企业领取发票和",
                      "税控设备当天即可办结。（杨芮）"])
    second = segment(text).articles[-1]
    assert second.title is None
    assert second.body.startswith("2.县税务局在政务服务中心开设“企业开办一窗通”")


def test_a_reprint_s_source_alone_under_its_title_is_its_byline() -> None:
    # 据河南日报 under a wrapped title and over the text: where the story comes from,
    # not the signature of the story above, which would leave the title as furniture.
    story = ("1 1 月 5 日，全省冬春农田水利建设现场会召开。会议要求各地抓住冬春有利"
             "时机，加快灌区续建配套，确保明年春灌前完工一批。")
    above = "在柿园村，护林员每天要巡山两趟，守好这片山，就是守好全村人的饭碗。"
    text = "\n".join([*column(above, 14), "（通讯员 程一鸣）", "", "全省部署冬春农田",
                      "水利建设", "据河南日报", *column(story, 14), ""])
    page = segment(text)
    accounted(text, page)
    first, second = page.articles
    assert first.byline == "通讯员 程一鸣" and first.body.endswith("饭碗。")
    assert (second.title, second.byline) == ("全省部署冬春农田水利建设", "据河南日报")
    assert second.body.startswith("11月5日")


def test_a_supplement_column_s_name_over_its_one_piece_is_the_kicker() -> None:
    # 茶乡记忆 over a title hardly longer: the column's name, not the title's first half.
    essay = ("小时候，屋檐下总有一窝燕子。每年开春，它们衔泥回来，补好旧巢，"
             "母亲便说，燕子认得老屋，也认得人。")
    text = "\n".join(["茶乡记忆", "屋檐下的燕子", "□ 龙小溪", *column(essay, 14), ""])
    page = segment(text)
    accounted(text, page)
    [piece] = page.articles
    assert (piece.kicker, piece.title, piece.byline) == ("茶乡记忆", "屋檐下的燕子", "龙小溪")


def test_a_part_s_heading_inside_a_story_that_names_a_memory_stays_in_the_story() -> None:
    # 留住记忆 over a part's heading in the middle of a long story heads that part.
    part1 = ("近年来，鼓楼区坚持把老街区保护更新作为城市更新的重要内容，以“绣花功夫”"
             "推进历史文化街区有机更新，让老街区既留得住乡愁，又跟得上时代。")
    part2 = ("走进双龙巷，一座座修缮后的四合院错落有致，门楼上的砖雕、木雕清晰可见。"
             "能用的老构件都留下来了。")
    text = "\n".join(["老街区焕发新活力", "", *column(part1, 16), "", "留住记忆", "修旧如旧护老街",
                      "", *column(part2, 16), ""])
    page = segment(text)
    accounted(text, page)
    assert len(page.articles) == 1


def test_a_title_between_a_credited_brief_and_a_signed_one_in_a_column() -> None:
    # No blank line between two briefs of a column: the first opens on its credit, the
    # second is signed after its text, and its title stands alone between them.
    first = ("本报讯（记者 米朵）橘园社区老年食堂11月1日开餐，辖区60岁以上老人每餐"
             "8元可吃到两荤一素。开餐首周，日均就餐老人90余人。")
    second = "近日，县城溆水公园、向阳路等8处公共停车场新建的200个充电桩投入使用。"
    text = "\n".join(["民生关注", "橘园社区建起“老年食堂”", *column(first, 17),
                      "县城新增200个充电桩", *column(second, 17), "（记者 向阳）", ""])
    page = segment(text)
    accounted(text, page)
    one, two = page.articles
    assert one.body.endswith("90余人。")
    assert (two.title, two.byline) == ("县城新增200个充电桩", "记者 向阳")


def test_a_part_s_heading_inside_a_column_story_stays_in_it() -> None:
    # The same shape in a story credited on a line of its own: a part's heading.
    story = ("3月12日，桂香镇肉桂产业园内机器轰鸣，首批入园的3个项目同时投产。"
             "桂香镇是远近闻名的肉桂产区，全镇种植肉桂8万多亩。")
    more = ("产业园规划面积1200亩，首期建成标准厂房6栋。投产的3家企业中，"
            "有一家专门从事桂油提取，产品销往全国十多个省份。")
    text = "\n".join(["桂香镇肉桂产业园首批项目投产", "本报记者 邓家明", *column(story, 20),
                      "从“卖原料”到“卖产品”", *column(more, 20), "（下转第2版）", ""])
    page = segment(text)
    accounted(text, page)
    [story] = page.articles
    assert "“卖产品”产业园" in story.body.replace("\n", "")


def test_a_letter_signed_in_brackets_and_the_reply_signed_by_its_office() -> None:
    text = "\n".join([
        "### 读者来信", "", "# 路灯坏了谁来修？", "", "编辑同志：",
        "我是白果集村村民，每天晚上要骑电动车从县",
        "城回村。有七八盏路灯已经坏了一个多月，晚",
        "上黑乎乎的。希望有关部门能尽快修一修。",
        "（白果集村村民 葛建平）", "", "### 部门回复", "",
        "# 县城市管理局：本月20日前全部修复", "", "葛建平同志：",
        "您反映的问题已收到。经现场核查，",
        "兴汝路东段共有9盏路灯因线路老化损坏，将于",
        "4月20日前全部修复。感谢您的关心。",
        "新蔡县城市管理局", ""])
    page = segment(text)
    accounted(text, page)
    letter, reply = page.articles
    assert (letter.title, letter.byline) == ("路灯坏了谁来修？", "白果集村村民 葛建平")
    assert (reply.kicker, reply.byline) == ("部门回复", "新蔡县城市管理局")
    assert reply.title == "县城市管理局：本月20日前全部修复"


def test_a_reader_s_name_spaced_out_after_the_role_signs_the_letter() -> None:
    # 读者 周 敏 is repaired to 读者周敏; the reply is signed by a squad in brackets.
    text = "\n".join([
        "# 路口绿灯能否多几秒？",
        "编辑同志：我家住在槐荫路和建设街",
        "交叉口附近，路口南北方向绿灯只有25",
        "秒，希望有关部门能把绿灯时间延长几秒。",
        "读者 周 敏", "", "## 相关部门回复", "# 已延长至35秒",
        "周敏同志：您反映的问题我们已派人",
        "现场核查，已将行人绿灯时间调整为35",
        "秒。感谢您的关心和支持。",
        "（县公安局交警大队）", ""])
    page = segment(text)
    accounted(text, page)
    letter, reply = page.articles
    assert (letter.title, letter.byline) == ("路口绿灯能否多几秒？", "读者周敏")
    assert (reply.kicker, reply.title) == ("相关部门回复", "已延长至35秒")
    assert reply.byline == "县公安局交警大队"


def test_briefs_titled_in_bold_after_circled_numbers_lose_them() -> None:
    text = "\n".join(["# 县城新增两处口袋公园", "近日，县城新增两处口袋公园，市民又多了去处。", "",
                      "## 乡镇传真", "**①榆坡乡春播过半**",
                      "截至4月10日，榆坡乡已完成春播3.2万亩。", "",
                      "**②国家安全教育进社区**", "4月15日，社区开展国家安全教育日宣传。", ""])
    page = segment(text)
    accounted(text, page)
    assert [a.title for a in page.articles][1:] == ["榆坡乡春播过半", "国家安全教育进社区"]


def test_numbered_briefs_titled_in_bold_lose_their_numbers() -> None:
    text = "\n".join([
        "# 县城新增两处口袋公园", "近日，县城新增两处口袋公园，市民又多了休闲的去处。", "",
        "## 乡镇传真", "", "**1.柳堤乡举办春季招聘会**", "4月11日，柳堤乡举办春季招",
        "聘会，28家企业提供岗位600多个。（高 敏）", "", "**2.芦湾镇开展防溺水宣传**",
        "连日来，芦湾镇在河边坑塘设置警示牌46块。", "（马立新）", ""])
    page = segment(text)
    accounted(text, page)
    assert [a.title for a in page.articles][1:] == ["柳堤乡举办春季招聘会", "芦湾镇开展防溺水宣传"]


def test_a_reply_s_office_and_date_under_it_are_its_last_paragraph() -> None:
    # Dated, the office's line is the reply's sign-off, as a notice's is: text, no byline.
    text = "\n".join([
        "### 读者来信", "# 小区门口的路灯何时能亮？", "",
        "编辑同志：我家住在清渠社区南门附近，门口那段",
        "路的4盏路灯已经坏了半个多月。晚上接孩子放学，",
        "路上黑乎乎的，老人出门散步也不敢走。希望有关",
        "部门尽快修一修。", "清渠社区居民 马俊峰", "",
        "**县城市管理局回复：本周内修复**", "", "马俊峰同志：您反映的问题已收悉。经现场查看，",
        "4盏路灯因地下电缆老化断路，我局已安排维修队", "更换电缆，3月20日前恢复照明。感谢您对城市",
        "管理工作的关心。", "范县城市管理局 3月17日", ""])
    page = segment(text)
    accounted(text, page)
    letter, reply = page.articles
    assert letter.byline == "清渠社区居民 马俊峰"
    assert (reply.title, reply.byline) == ("县城市管理局回复：本周内修复", None)
    assert reply.paragraphs[-1] == "范县城市管理局3月17日"


def test_a_county_s_news_as_an_e_paper_s_first_heading_and_a_jump_note_in_bold() -> None:
    text = "\n".join([
        "# 古丈新闻", "2026-04-09 | 第02版 | 茶乡", "", "---", "", "# 老人食堂的“烟火气”", "",
        "**（上接第1版）**", "", "的老人免费。食堂由社区出场地，菜品每周更换。", "",
        "开伙以来，食堂每天供餐120份左右。", ""])
    page = segment(text)
    accounted(text, page)
    [story] = page.articles
    assert (story.title, story.continued_from) == ("老人食堂的“烟火气”", 1)
    assert "古丈新闻" in [n.text for n in page.noise]


def test_notices_on_an_ad_page_signed_and_dated_then_titled_under_their_subjects() -> None:
    # A notice ending on its signer and date is finished: the company's name and 招聘启事
    # after it, the first wider than the column, head the next notice; so do a project's
    # name and 公示.
    text = "\n".join([
        "关于开展2026年度城乡居民", "医保集中缴费的通告", "2026年度城乡居民基本医",
        "疗保险集中缴费工作已经开", "始，现将有关事项通告如下：", "三、咨询电话：0745-2",
        "233000。", "中方县医疗保障局", "2025年10月10日", "", "中方县丹桂物业服务有限公司",
        "招聘启事", "因业务发展需要，本公司现面", "向社会招聘以下人员：", "1.保安员4名，男性，年龄",
        "55岁以下，身体健康。", "", "竹溪乡2025年高标准农田建设项目", "公  示",
        "本项目涉及桃源坳、石门等4", "个村，建设面积3200亩，", "总投资768万元。", ""])
    page = segment(text)
    accounted(text, page)
    first, hiring, listing = page.articles
    assert first.paragraphs[-1] == "中方县医疗保障局2025年10月10日"
    assert (hiring.kicker or "") + hiring.title == "中方县丹桂物业服务有限公司招聘启事"
    assert hiring.body.startswith("因业务发展需要")
    assert listing.title == "竹溪乡2025年高标准农田建设项目公示"
    assert listing.body.startswith("本项目涉及")


def test_a_web_page_s_dashed_share_button_is_furniture_not_a_subtitle() -> None:
    text = "\n".join([
        "湘岸镇油茶坪村：老茶林“返老还童”",
        "来源：衡南县融媒体中心　编辑：李 颖　2026-03-25 09:12:36", "—分享—", "",
        "　　衡南新闻网讯（记者 邹 莉）春分过后，湘岸镇油茶坪村的山坡上，村民正给老油茶树“剃头”。",
        ""])
    page = segment(text)
    accounted(text, page)
    [story] = page.articles
    assert story.subtitle is None and "—分享—" in [n.text for n in page.noise]


def test_an_office_s_reply_run_on_under_a_reader_s_name_stays_with_the_letter() -> None:
    # 杏坡村村民 刘广平 / 县城市管理局回复：…: the letter and its answer are one item.
    text = "\n".join([
        "读者来信", "张楼路段的路灯何时能亮？", "编辑同志：我家住在杏坡村，村东的张楼路段是村民去",
        "镇上赶集、孩子上学的必经之路。路灯到现在一直没亮过，", "晚上走路只能打手电。",
        "杏坡村村民 刘广平", "县城市管理局回复：经现场核查，该路段路灯因供电线",
        "路尚未接入，暂未通电。预计3月底前完成线路接入。", ""])
    page = segment(text)
    accounted(text, page)
    [letter] = page.articles
    assert letter.title == "张楼路段的路灯何时能亮？"
    assert letter.paragraphs[-1].startswith("县城市管理局回复：")


def test_a_line_of_facts_under_a_title_wrapped_in_two_short_lines_is_its_subtitle() -> None:
    story = "本报讯（记者 孟川）日前，榆湾镇面粉产业园二期主体工程顺利封顶，项目计划年内投产。"
    text = "\n".join(["项目建设年", "榆湾镇面粉产业园", "二期主体封顶",
                      "年内可新增日处理小麦1200吨", "", *column(story, 16), ""])
    [article] = segment(text).articles
    assert (article.kicker, article.title) == ("项目建设年", "榆湾镇面粉产业园二期主体封顶")
    assert article.subtitle == "年内可新增日处理小麦1200吨"



def test_a_reader_s_name_over_the_reply_s_markdown_title_signs_the_letter() -> None:
    text = "\n".join([
        "### 民生关注", "# 小区门口的路灯何时能亮？", "编辑同志：我家住在县城麦香大道东段的",
        "丰泽小区。门口五盏路灯从春节前就一直不亮，", "希望有关部门能尽快修一修。",
        "读者 赵 敏", "",
        "# 县城市管理局回复：本月底前全部修复", "经现场核查，五盏路灯因地下电缆老化断路导",
        "致熄灭，预计4月30日前全部恢复照明。", ""])
    page = segment(text)
    accounted(text, page)
    letter, reply = page.articles
    assert (letter.title, letter.byline) == ("小区门口的路灯何时能亮？", "读者赵敏")
    assert (reply.kicker, reply.title) == (None, "县城市管理局回复：本月底前全部修复")


def test_a_reader_s_name_under_a_letter_set_a_paragraph_a_line_signs_it() -> None:
    text = "\n".join([
        "### 读者来信", "# 玉兰路路灯为啥总不亮？", "编辑同志：我家住在玉兰路南段，这一段",
        "", "十几盏路灯从3月底开始就时亮时不亮，", "", "希望有关部门尽快修一修。", "",
        "读者 吴 强", "", "## 相关部门回复", "# 县城管局：本周内完成线路检修",
        "接到读者反映后，我局路灯所派人到现场查看，预计本周内全部修复。", ""])
    page = segment(text)
    accounted(text, page)
    letter, _reply = page.articles
    assert letter.byline == "读者吴强" and letter.body.endswith("修一修。")


def test_a_reply_s_office_and_date_on_two_lines_are_its_text() -> None:
    text = "\n".join([
        "# 县城管局回复：本月底前全部修复", "刘川同志：", "您反映的问题已收悉。经现场核查，桂园",
        "路东段路灯因电缆老化断电，我局已安排", "施工队更换电缆，预计11月底前全部恢", "复照明。",
        "镇平县城市管理局", "11月16日", "", "---", "# 县城新增两处口袋公园",
        "近日，县城新增两处口袋公园，市民又多了休闲的去处。", ""])
    page = segment(text)
    accounted(text, page)
    reply, _park = page.articles
    assert reply.title == "县城管局回复：本月底前全部修复"
    assert reply.body.replace("\n", "").endswith("镇平县城市管理局11月16日")
