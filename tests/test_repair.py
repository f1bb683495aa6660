"""OCR line repairs: what they fix, and the printed text they must leave alone."""

from __future__ import annotations

import random
import time
from collections import Counter
from pathlib import Path

import pytest
from work_count import calls_made

from generator.ingest.decode import decode_page
from generator.ingest.repair import (
    MAX_DOUBLED_LINE,
    _doubled_chunks,
    describe_char,
    despace,
    find_broken_chars,
    find_invisible_chars,
    is_cjk,
    is_cjk_punct,
    join_lines,
    repair_line,
    repair_lines,
    strip_controls,
    strip_invisible,
    undouble,
)

SEEDS = sorted((Path(__file__).resolve().parent.parent / "samples" / "pages").glob("*.txt"))


def seed_lines() -> list[str]:
    return [
        line for seed in SEEDS for line in decode_page(seed.read_bytes(), seed.name).split("\n")
    ]


# ── character classes ────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("ch", ["中", "〇", "㐀", "𠀀", "兀"])
def test_is_cjk(ch: str) -> None:
    assert is_cjk(ch)


@pytest.mark.parametrize("ch", ["a", "1", "，", "　", "。", "ｶ", ""])
def test_is_not_cjk(ch: str) -> None:
    assert not is_cjk(ch)


@pytest.mark.parametrize("ch", list("，。、；：？！“”‘’（）《》【】—…·「」〔〕＋％"))
def test_is_cjk_punct(ch: str) -> None:
    assert is_cjk_punct(ch)


@pytest.mark.parametrize("ch", ["中", ",", "(", "a", "１", "Ａ", "　", "〇"])
def test_is_not_cjk_punct(ch: str) -> None:
    assert not is_cjk_punct(ch)


# ── broken characters and controls ───────────────────────────────────────────────────


def test_find_broken_chars_reports_line_and_column() -> None:
    text = "第一行\n记者张\ufffd\n\n\x07报道\t正文\x85"
    assert find_broken_chars(text) == [(2, 4, "\ufffd"), (4, 1, "\x07"), (4, 7, "\x85")]


def test_find_broken_chars_ignores_tab_and_newline() -> None:
    assert find_broken_chars("甲\t乙\n丙\n") == []


def test_find_broken_chars_reports_form_feed_and_cr() -> None:
    assert find_broken_chars("甲\f\n乙\r") == [(1, 2, "\f"), (2, 2, "\r")]


def test_strip_controls_keeps_tab_and_replacement_char() -> None:
    assert strip_controls("记者\x00张\x1b三\x7f\x9f\t王\ufffd") == "记者张三\t王\ufffd"


# ── fake bold ────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("line", "repaired"),
    [
        ("11..第一名的单位第一名的单位", "1.第一名的单位"),
        ("33..最后的乡最后的乡（（镇镇、、街道街道））", "3.最后的乡（镇、街道）"),
        ("加加强强管管理理", "加强管理"),
        ("  第一部分第一部分  ", "  第一部分  "),  # edges kept; despace strips them
    ],
)
def test_undouble_repairs_fake_bold(line: str, repaired: str) -> None:
    assert undouble(line) == repaired


@pytest.mark.parametrize(
    "line",
    [
        "谢谢你们",  # reduplication in normal text
        "人人参与",
        "哈哈",  # too short
        "哈哈哈哈",  # still too short (4 < 6)
        "大家都说好好好",  # odd length
        "研究研究再说吧",
        "人人参与，天天向上",  # only partly doubled
        "",
    ],
)
def test_undouble_leaves_normal_text_alone(line: str) -> None:
    assert undouble(line) == line


def test_undouble_keeps_a_bullet_drawn_once_before_a_doubled_title() -> None:
    assert undouble("▲松松湖湖小小学学开开设设围围") == "▲松湖小学开设围"
    assert undouble("■■书书香香") == "■书香"  # the bullet drawn twice too


def test_undouble_start_repairs_a_doubled_titles_wrapped_end_before_its_text() -> None:
    from generator.ingest.repair import undouble_start

    assert undouble_start("棋棋课课 近日，松湖小学在课后") == "棋课 近日，松湖小学在课后"
    assert undouble_start("高高兴兴过大年") == "高高兴兴过大年"  # no text after a space
    assert undouble_start("人人参与 共建家园") == "人人参与 共建家园"  # 人参 is not doubled


def test_undouble_prefers_fewest_chunks() -> None:
    # 'abab' x2 could be four single chunks of 'ab'-pairs or one chunk 'abab'.
    assert undouble("甲乙甲乙甲乙甲乙") == "甲乙甲乙"


# ── spacing ──────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("line", "repaired"),
    [
        ("有 害 不 良 信 息", "有害不良信息"),
        ("本报讯（记者 赵明）今 年 以", "本报讯（记者 赵明）今年以"),
        ("电 （记 者 钱", "电（记者钱"),
        ("孙 芳 摄", "孙芳摄"),
        ("周 到 服 务 的“ 好 帮", "周到服务的“好帮"),
    ],
)
def test_despace_removes_letter_spacing(line: str, repaired: str) -> None:
    assert despace(line) == repaired


@pytest.mark.parametrize(("line", "repaired"), [
    ("本报记者 余 航/文 储 诚/图", "本报记者余航/文 储诚/图"),
    ("（柯 文/文 郑 望/摄）", "（柯文/文 郑望/摄）"),
])
def test_despace_keeps_two_credits_apart(line: str, repaired: str) -> None:
    # Who wrote and who photographed: the space after 文 parts two people, each name
    # closed up on its own.
    assert despace(line) == repaired


@pytest.mark.parametrize(("line", "repaired"), [
    ("青菜　斤　2.5　跌", "青菜 斤 2.5 跌"),  # a table's row, cells of one letter among them
    ("春　节　快　乐", "春节快乐"),  # letters spaced out one by one
    # …and the digits in its cells spaced out by the extractor, each cell one value
    ("K2 1 路　汽车西站　枫木岭乡　6:3 0—1 8:0 0", "K21路 汽车西站 枫木岭乡 6:30—18:00"),
    # …but a date's space before its time is printed (2025-10-13 16:20)
    ("作者：王德顺　发布时间：2025-10-13 16:20", "作者：王德顺 发布时间：2025-10-13 16:20"),
])
def test_despace_keeps_a_row_s_cells_an_ideographic_space_apart(line: str, repaired: str) -> None:
    assert despace(line) == repaired


@pytest.mark.parametrize(("line", "repaired"), [
    ("柳湾社区 3月14日 8:30-11:30 内科 眼科", "柳湾社区 3月14日 8:30-11:30 内科 眼科"),  # a row
    ("首场招聘会将于 3 月 15 日在杏林区人力", "首场招聘会将于3月15日在杏林区人力"),
    ("一季度 46 场招聘会送岗 3.8 万个", "一季度46场招聘会送岗3.8万个"),  # a number before its unit
    ("墙上挂满了扳手、电钻 132 件工", "墙上挂满了扳手、电钻132件工"),  # prose: punctuated
])
def test_despace_keeps_a_row_s_cells_a_single_space_apart(line: str, repaired: str) -> None:
    assert despace(line) == repaired


@pytest.mark.parametrize(("line", "repaired"), [
    ("阅。(康 宁)", "阅。(康宁)"),  # a brief's signature in half-width brackets
    ("本报讯 (记者 王 蕾)7日，", "本报讯 (记者王蕾)7日，"),
])
def test_despace_closes_a_name_up_inside_half_width_brackets(line: str, repaired: str) -> None:
    # A half-width bracket stands beside a lone letter as a full-width one does.
    assert despace(line) == repaired


@pytest.mark.parametrize(
    "line",
    [
        "优化营商环境 提升服务水平",  # two-part headline
        "本报记者 赵明 实习生 孙芳",
        "记者 钱多",
        "本报记者 吴刚 摄",  # a lone credit at the end of the line is a word
        "摄影 吴刚",
        "QING NIAN BAO",
        "Python 3.11",
    ],
)
def test_despace_keeps_printed_word_spaces(line: str) -> None:
    assert despace(line) == line


@pytest.mark.parametrize(
    ("line", "repaired"),
    [
        ("乡 （街道） 等", "乡（街道）等"),
        ("全 力 支 持 。 明 年 ，", "全力支持。明年，"),
        ("“ 好 帮 手”", "“好帮手”"),
        ("工作机制 ，通过", "工作机制，通过"),
        ("落实 《通知》 精神", "落实《通知》精神"),
        ("晚会现场。 吴刚 摄", "晚会现场。吴刚 摄"),
    ],
)
def test_despace_removes_spaces_at_cjk_punctuation(line: str, repaired: str) -> None:
    assert despace(line) == repaired


@pytest.mark.parametrize(
    ("line", "repaired"),
    [
        ("全年 9 次", "全年9次"),
        ("2024 年 5 月", "2024年5月"),
        ("800mm 宽", "800mm宽"),
        ("APP 建设", "APP建设"),
        ("实 施 S101、", "实施S101、"),
        ("从 35% 增 长 到", "从35%增长到"),
        ("县城 86.5分（良好）", "县城86.5分（良好）"),
        # a date letter-spaced, its digits too: one number each
        ("2 0 2 6 年 3 月 1 2 日 星期四", "2026年3月12日星期四"),
        ("第 1 2 版", "第12版"),
        ("一共 3 8 6 0 元。", "一共3860元。"),  # …and any number before what it counts
        ("全镇 4 . 2 万亩山林", "全镇4.2万亩山林"),  # a decimal point spaced out with them
        ("1 8 ℃～ 2 7 ℃", "18℃～27℃"),
        ("1 2 3 4", "1 2 3 4"),  # digits alone: a table's cells, left as they are
        # a number spaced out at the end of a line of text, its unit wrapped onto the next
        ("县农业农村局组织技术人员深入 1 2", "县农业农村局组织技术人员深入12"),
        ("渠阳县代表队 3 1 2", "渠阳县代表队3 1 2"),  # …not a table's row after a name
        ("竹溪镇青石桥街道代表队\u30004\u30000\u30008", "竹溪镇青石桥街道代表队4 0 8"),
    ],
)
def test_despace_removes_spaces_between_cjk_and_latin(line: str, repaired: str) -> None:
    assert despace(line) == repaired


@pytest.mark.parametrize(
    ("line", "repaired"),
    [
        ("  标题  正文  ", "标题 正文"),
        ("\u3000\u3000正文开始", "正文开始"),
        ("第一部分\u3000第二部分", "第一部分 第二部分"),
        ("第一部分\xa0\xa0第二部分", "第一部分 第二部分"),
        ("A  B", "A B"),
        ("", ""),
    ],
)
def test_despace_collapses_and_strips(line: str, repaired: str) -> None:
    assert despace(line) == repaired


def test_despace_keeps_tabs_inside_a_line() -> None:
    assert despace("县名\t得分") == "县名\t得分"


# ── repair_line and join_lines ───────────────────────────────────────────────────────


def test_repair_line_runs_all_repairs() -> None:
    assert repair_line(" 11..第一名第一名\x00") == "1.第一名"
    assert repair_line("2024 年 5 月\x07，记者\ufffd") == "2024年5月，记者\ufffd"


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["本报讯 市里召开", "会议，研究工作。"], "本报讯 市里召开会议，研究工作。"),
        (["研究", "“问题”"], "研究“问题”"),
        (["截至2024", "年底"], "截至2024年底"),
        (["使用", "App进行"], "使用App进行"),
        (["下载App", "进行"], "下载App进行"),
        (["Open", "Source"], "Open Source"),
        (["Python", "3.11"], "Python 3.11"),
        (["全村2", "10户村民"], "全村210户村民"),  # a number wrapped between its digits
        (["据新华社北京3月1", "8日电"], "据新华社北京3月18日电"),
        (["第一行", "", "第二行"], "第一行第二行"),
        ([], ""),
    ],
)
def test_join_lines(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


# ── properties on the seed pages ─────────────────────────────────────────────────────


def test_repair_only_removes_spaces_and_controls_unless_undoubling() -> None:
    for line in seed_lines():
        repaired = repair_line(line)
        if undouble(strip_controls(line)) == strip_controls(line):
            assert repaired.replace(" ", "") == strip_controls(line).replace(" ", "").strip()


def test_repair_output_is_clean_and_stable() -> None:
    for line in seed_lines():
        repaired = repair_line(line)
        assert repaired == repaired.strip()
        assert "  " not in repaired
        assert repair_line(repaired) == repaired


def test_repairing_every_seed_line_is_fast() -> None:
    lines = seed_lines()
    start = time.perf_counter()
    for line in lines:
        repair_line(line)
    assert time.perf_counter() - start < 0.1  # a few ms in practice; generous for slow CI


def test_repair_lines_equals_repairing_each_line() -> None:
    """The whole-page fast path gives exactly what repair_line gives line by line (but for
    a fake-bold title's short first or last line, which only the page shows: see the last
    tests)."""
    import random

    from generator.ingest.repair import repair_lines

    rnd = random.Random(7)
    alphabet = list("许昌日报 　\u00a0\u2003\t，。（）1a2前三名的乡\x01\ufffd\n")
    samples = ["有 害 不 良 信 息\n22..后三名的乡后三名的乡（（镇镇、、街道街道））",
               "\n\n  3 月 22 日 "]
    samples += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 60)))
                for _ in range(3000)]
    for text in samples:
        assert repair_lines(text) == [repair_line(line) for line in text.split("\n")], text


# ── pathological lines: the repairs stay linear and lose nothing ─────────────────────


def keeps_printed_characters(line: str, repaired: str) -> bool:
    """Only spaces may go, or, when the line was doubled, half of every character."""
    before, after = Counter(line.replace(" ", "")), Counter(repaired.replace(" ", ""))
    return after == before or after + after == before


def random_lines(seed: int, count: int) -> list[str]:
    """Seeded lines mixing ideographs, punctuation, digits and spaces, doubled or not,
    periodic or not: the shapes that make a doubling search slow."""
    rnd = random.Random(seed)
    alphabets = ["前三名的乡镇街道", "（）。，、", "0123456789.%", "乡", "甲乙", "前 三（）1"]
    lines = []
    for _ in range(count):
        alphabet = "".join(rnd.sample(alphabets, rnd.randint(1, 3)))
        line = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 300)))
        shape = rnd.random()
        if shape < 0.3:
            line = "".join(ch * 2 for ch in line)
        elif shape < 0.5:
            line += line
        elif shape < 0.6:
            line = line * rnd.randint(2, 20)
        lines.append(line)
    return lines


def test_undouble_keeps_every_printed_character_on_random_lines() -> None:
    for line in random_lines(seed=3, count=1000):
        repaired = undouble(line)
        assert repaired == line or keeps_printed_characters(line, repaired), line
        if repaired != line:  # what was removed is exactly the second copy of each chunk
            chunks = _doubled_chunks(line.strip())
            assert chunks is not None and "".join(c + c for c in chunks) == line.strip()


def test_repair_line_keeps_every_printed_character_on_random_lines() -> None:
    for line in random_lines(seed=4, count=800):
        assert keeps_printed_characters(line, repair_line(line)), line


CHARS_300 = "".join(chr(0x4E00 + 37 * i) for i in range(300))  # 300 different ideographs


@pytest.mark.parametrize(
    ("line", "repaired"),
    [
        ("乡" * 400, "乡" * 200),  # a whole line drawn twice: one chunk, however long
        ("（（（（））））。。。" * 2, "（（（（））））。。。"),
        ("".join(ch * 2 for ch in CHARS_300), CHARS_300),  # 前前三三名名…, 600 long
        ("前三名的乡前三名的乡（（镇镇", "前三名的乡（镇"),
        ("11..全市法院收结案情况" + "市区法院" * 20 + "全市法院收结案情况" + "市区法院" * 20,
         "1.全市法院收结案情况" + "市区法院" * 20),  # a long chunk ending the line
        ("优化营商环境" * 12 + "优化营商环境" * 12 + "（（镇镇））",
         "优化营商环境" * 12 + "（镇）"),  # a long chunk starting it
    ],
)
def test_undouble_repairs_long_and_repetitive_lines(line: str, repaired: str) -> None:
    assert undouble(line) == repaired


def test_undouble_leaves_lines_too_repetitive_to_split() -> None:
    # 乡 x 60 then 甲甲 splits in many ways; the search gives up rather than guess.
    assert undouble("乡" * 60 + "甲甲") == "乡" * 60 + "甲甲"
    # ... but a short one is still repaired, as before.
    assert undouble("乡" * 10 + "甲甲") == "乡" * 5 + "甲"


def test_undouble_does_not_search_huge_lines() -> None:
    line = "前三名的乡" * (MAX_DOUBLED_LINE // 5 + 2)
    assert undouble(line) == line
    assert undouble("乡" * (MAX_DOUBLED_LINE + 2)) == "乡" * (MAX_DOUBLED_LINE + 2)


@pytest.mark.parametrize(
    "unit",
    ["（（（（））））。。。", "前三名的乡", "前三名的乡 ", "乡", "前前三三名名的的乡乡",
     "1 2 3 ", "有 害 不 良 "],
)
def test_repair_work_grows_linearly_with_line_length(unit: str) -> None:
    # Linear work makes the count about 4x for a 4x longer line; quadratic work, 16x.
    for repeat in (60, 240):  # below and above MAX_DOUBLED_LINE for most units
        short = calls_made(repair_lines, unit * repeat)
        long = calls_made(repair_lines, unit * (4 * repeat))
        assert long <= 6 * short, (unit, repeat, short, long)


def test_repair_work_on_periodic_lines_grows_linearly() -> None:
    def page(lines: int) -> str:
        return "\n".join("乡" * (2 * (10 + i % 90)) + "甲甲" for i in range(lines))

    short, long = calls_made(repair_lines, page(50)), calls_made(repair_lines, page(200))
    assert long <= 6 * short, (short, long)


def test_despace_long_lines() -> None:
    assert despace("前 三 名 的 乡 " * 5000) == "前三名的乡" * 5000
    assert despace("前三名的乡 " * 5000) == " ".join(["前三名的乡"] * 5000)


# ── invisible characters ─────────────────────────────────────────────────────────────

INVISIBLE = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c" \
            "\u200b\u200c\u200d\u2060\ufeff\u180e"


@pytest.mark.parametrize("ch", list(INVISIBLE))
def test_strip_invisible_removes_bidi_and_zero_width_characters(ch: str) -> None:
    assert strip_invisible(f"记者{ch}张三{ch}") == "记者张三"
    assert repair_line(f"记{ch}者 张{ch}三{ch}") == "记者 张三"


def test_strip_invisible_keeps_other_characters() -> None:
    line = "记者\t张三\ufffd，2024年 ODR·“好”\u3000…—"
    assert strip_invisible(line) == line


def test_find_invisible_chars_groups_them_by_line() -> None:
    text = "第一行\u200b\n第二行\n\u202e第\u200b三\u202c行\n\ufeff"
    assert find_invisible_chars(text) == [(1, "\u200b"), (3, "\u202e\u200b\u202c"), (4, "\ufeff")]
    assert find_invisible_chars("干净的文本\n第二行") == []


def test_describe_char_names_the_character() -> None:
    assert describe_char("\u202e") == "U+202E RIGHT-TO-LEFT OVERRIDE"
    assert describe_char("\u200b") == "U+200B ZERO WIDTH SPACE"


def test_repair_lines_removes_invisible_characters_like_repair_line() -> None:
    rnd = random.Random(8)
    alphabet = list("前三名的乡 　，。（）1a\n") + list(INVISIBLE)
    for _ in range(2000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 60)))
        repaired = repair_lines(text)
        assert repaired == [repair_line(line) for line in text.split("\n")], text
        assert not any(ch in INVISIBLE for line in repaired for ch in line)


def test_a_sentence_printed_twice_is_kept_twice() -> None:
    # Fake bold doubles characters or words; the same sentence twice is the text's own.
    line = "执法人员对辖区商超开展检查。执法人员对辖区商超开展检查。"
    assert undouble(line) == line


def test_a_wide_gap_between_words_is_a_table_s_cell_boundary() -> None:
    assert repair_line("小白鹭　　　620　　　　　“三有”") == "小白鹭 620 “三有”"
    assert repair_line("冰  场  上") == "冰场上"  # letter-spacing, however wide


@pytest.mark.parametrize(("raw", "repaired"), [
    # One ideographic space between words is a web table's cell gap, figures or not…
    ("柳湖公园　6:00—22:00　梅林区18:00后闭园", "柳湖公园 6:00—22:00 梅林区18:00后闭园"),
    ("大白菜　1.30元　持平", "大白菜 1.30元 持平"),
    # …while a PDF's spaces around digits and single letters spaced out still close up.
    ("3 月 22 日", "3月22日"), ("全市新增 12 处", "全市新增12处"), ("王　芮", "王芮"),
])
def test_one_ideographic_space_between_words_is_a_cell_gap(raw: str, repaired: str) -> None:
    assert repair_line(raw) == repaired
    assert repair_lines(raw) == [repaired]


@pytest.mark.parametrize(("raw", "repaired"), [
    ("品　名　　单　位　　价　格　　环　比", "品名 单位 价格 环比"),
    ("大　白　菜　　元/斤　　　 1.20 　　　持平", "大白菜 元/斤 1.20 持平"),
    ("咬 定 目 标  跑 出 加 速 度", "咬定目标 跑出加速度"),
    ("珠  海  特  区  报", "珠海特区报"),  # evenly spaced letters: one word
])
def test_letter_spaced_cells_keep_one_space_between_them(raw: str, repaired: str) -> None:
    assert repair_line(raw) == repaired
    assert repair_lines(raw) == [repaired]


def test_a_fake_bold_title_s_short_last_line_is_undoubled_under_its_first() -> None:
    page = "松松岭岭镇镇菊菊花花深深加加工工项项目目\n投投产产\n谢谢\n"
    assert repair_lines(page) == ["松岭镇菊花深加工项目", "投产", "谢谢", ""]
    assert repair_lines("人人参与\n投投产产") == ["人人参与", "投投产产"]  # no bold line above


def test_a_fake_bold_title_s_short_first_line_is_undoubled_over_the_rest() -> None:
    page = "本报记者 申 强 摄\n秋秋收收\n展展销销两两旺旺\n"
    assert repair_lines(page) == ["本报记者申强摄", "秋收", "展销两旺", ""]
    # (two characters alone over a bold line: a word)
    assert repair_lines("谢谢\n大大家家好好呀呀") == ["谢谢", "大家好呀"]


def test_a_table_s_one_letter_cell_between_wide_gaps_keeps_its_gaps() -> None:
    assert repair_line("大米　　斤　　2.8") == "大米 斤 2.8"
    assert repair_line("鲜鸡蛋    斤    4.6") == "鲜鸡蛋 斤 4.6"
    assert repair_line("春  节  快  乐") == "春节快乐"  # letters spaced out, no cell a word
