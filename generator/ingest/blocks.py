"""Group classified lines into blocks: headline groups, paragraphs and markers.

This is where hard-wrapped columns become paragraphs: a blank line in the
middle of a sentence is a column break, a short line that ends a sentence ends
a paragraph, a few short unpunctuated lines on their own are a headline group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.ingest.lines import (
    BOX_LABEL_RE,
    COLUMN_WORD_RE,
    CONTINUING,
    DIARY_DATE_RE,
    DIGIT_RE,
    NOTICE_TITLE_RE,
    PAIRS,
    PLACE_LABEL_RE,
    SIGN_OFF_DATE_RE,
    WRAPPED_WIDTH,
    Kind,
    Line,
    LineKind,
    ends_sentence,
    is_kicker,
    is_signer,
    opens_sentence,
    unbalanced,
)
from generator.ingest.repair import join_lines

MAX_HEAD_LINES = 4
POEM_FIRST_STANZA = 3  # lines at least in a poem's first stanza under its author's name
POEM_LINE_MAX = 20  # characters: a poem's line is no longer
POEM_PART_MAX = 6  # characters: the title of one poem of a set over its first stanza
# A sentence cut off a few characters into its next clause (专家评审组一致认为，该项): the
# text over a headline printed inside it, no kicker.
CUT_CLAUSE_RE = re.compile(r"[，,][^，,]{1,4}$")
MAX_HEAD_CHARS = 34
ROW_ENDS = frozenset("）)分%元个件人次")
INDENT = 2  # a paragraph's first line is indented two characters in print
OPENER_COMMA = 9  # characters: a sentence's opening time (3月10日，) is set off this soon
# …or its purpose, a little longer: 为方便居民就近阅读，…
PURPOSE_OPENER_RE = re.compile(r"^为[\u4e00-\u9fff]{2,10}，")
# …or the reporter learning it, however long the source: 记者从有关部门获悉，…
LEARNED_OPENER_RE = re.compile(r"^记者(?:近日|日前|昨天|今天|昨日|今日|\d{1,2}月?\d{1,2}日)?从")
SUFFIX_AFTER = 3  # lines: a headline is read under a story at least this long
SHORT_TITLE_LINE = 0.65  # of the body's width: a title's last line this short is no text
TITLE_LAST_LINE = 0.75  # …and under two such lines, a title's line this short
# A headline group wrapped in a narrow column over its byline: this many lines, and
# no more characters in all.
WRAPPED_GROUP_MIN, WRAPPED_GROUP_MAX, WRAPPED_GROUP_CHARS = 4, 6, 48
CLAUSE_MARK_RE = re.compile(r"[，,。；;！!？?、]")
SHORT_OF_COLUMN = 0.85  # of the column: a line this short is no full line of body text
RUN_ON_SLACK = 2  # characters: a line wider than its column by more is set across columns
RUN_SAMPLE = 3  # lines: how much of a run tells its width
MEASURE_LINES = 6  # lines of a body under a headline that tell the column's width
MEASURE_MIN = 2  # lines of body at least under such a headline group


# A telephone number in full after what it is for (值班电话：0896-3826119, 热线 12345678901).
PHONE_END_RE = re.compile(r"(?:电话|热线)[：:]?\s*(?:\d{3,4}[-－]\d{7,8}|1\d{10})$")


@dataclass
class Para:
    """A paragraph of body text (possibly an article's lead)."""

    lines: list[Line]
    lead: bool = False
    verse: bool = False  # a poem's stanza: its lines end where the poet ended them
    # The widest of lines[:_measured]: lines are only ever appended, so the width of a
    # paragraph that keeps growing is not measured again from its first line.
    _widest: float = field(default=0.0, init=False, repr=False, compare=False)
    _measured: int = field(default=0, init=False, repr=False, compare=False)
    # The text of the lines when there were _joined of them, read again only if more came.
    _text: str = field(default="", init=False, repr=False, compare=False)
    _joined: int = field(default=0, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        if self._joined != len(self.lines):
            self._text, self._joined = join_lines([ln.text for ln in self.lines]), len(self.lines)
        return self._text

    @property
    def widest(self) -> float:
        """Width of the paragraph's widest line."""
        if self._measured != len(self.lines):
            if self._measured > len(self.lines):
                self._widest, self._measured = 0.0, 0
            new = self.lines[self._measured :]
            self._widest = max(self._widest, *(ln.width for ln in new))
            self._measured = len(self.lines)
        return self._widest

    @property
    def open(self) -> bool:
        """A paragraph that stops mid-sentence: the next text may continue it."""
        last = self.lines[-1]
        return not (last.terminal or last.row or self.verse or self.signed_off)

    @property
    def signed_off(self) -> bool:
        """Does it end on a notice's signer and date, each on its line (中方县医疗保障局 /
        2025年10月10日)? Nothing continues that."""
        last = self.lines[-1]
        return len(self.lines) >= 2 and last.text[-1:] == "日" \
            and SIGN_OFF_DATE_RE.match(last.text) is not None and is_signer(self.lines[-2].text)


CAPTIONED_RE = re.compile(r"[。！？][^。！？]{2,16}摄[.。]?$")


def captioned(ln: Line) -> bool:
    """A picture's caption ending on its credit (…第一本菜谱。石磊摄.), however boxed."""
    return ln.kind is Kind.TEXT and CAPTIONED_RE.search(ln.text) is not None


def prose_after_table(blocks: list[Block], i: int) -> bool:
    """Is block i a paragraph of prose set apart, by a blank line, from the table rows (and
    the note under them, 注：…) right above it? A table's text is its rows; what follows
    them is another piece (a commentary under a table, on a page that prints its
    headlines under their text). Most paragraphs follow no row: that is looked at first."""
    above = blocks[i - 1] if i else None
    if not isinstance(above, Para):
        return False
    note = not above.lines[-1].row
    if note and not TABLE_NOTE_RE.match(above.lines[0].text):
        return False
    b = blocks[i]
    below = blocks[i + 1] if i + 1 < len(blocks) else None
    if not isinstance(b, Para) or b.lines[0].row or b.lead \
            or b.lines[0].no <= above.lines[-1].no + 1 or TABLE_NOTE_RE.match(b.text) \
            or (len(b.text) <= TABLE_NOTE_MAX and not isinstance(below, Para)):
        return False  # (a short line alone may be a second note; prose goes on below it)
    j = i - 2 if note else i - 1  # (the note under the rows)
    if j < 1 or not isinstance(blocks[j], Para) or not blocks[j].lines[-1].row:
        return False
    while j > 0 and isinstance(blocks[j], Para) and blocks[j].lines[0].row:
        j -= 1  # up the rows to what stands over them
    # …a table of its own, its title over its rows (rows amid a story's text are the story's)
    return isinstance(blocks[j], Head) and isinstance(blocks[j + 1], Para) \
        and blocks[j + 1].lines[0].row


TABLE_NOTE_MAX = 40  # characters: a line under a table this long or shorter may be its note


def ends_on_phone(para: Para) -> bool:
    """A paragraph whose last line ends on a whole telephone number (值班电话：0896-3826119
    under a table) stops there: no text after a blank goes on from it."""
    last = para.lines[-1].text
    return last[-1:].isdigit() and PHONE_END_RE.search(last) is not None


def join_block(block: list[Line]) -> str:
    """One printed block of a headline group as one line of text."""
    return join_lines([ln.text for ln in block])


def strong_head(head: Head) -> bool:
    """A group that reads as a full headline, not an in-body subhead (short phrases,
    alone or in pairs): a Markdown '# title', a long single line, or a unit name over a
    title."""
    if head.markdown_level == 1:
        return True
    if len(head.blocks) == 2 and is_kicker(join_block(head.blocks[0])):
        return True
    if len(head.blocks) == 1 and len(head.blocks[0]) == 2 and (
            is_kicker(head.blocks[0][0].text) or head.blocks[0][0].no == head.blocks[0][1].no):
        return True  # (一周点击 | 少些“作业家长”: a label and a title, a bar between)
    if len(head.blocks) == 1 and len(head.blocks[0]) >= 2 \
            and COLUMN_WORD_RE.match(head.blocks[0][0].text):
        return True  # 德清时评 / a title of two lines: an opinion column's piece
    if len(head.blocks) == 1 and len(head.blocks[0]) == 1:
        text = head.blocks[0][0].text
        return len(text) >= 14 and " " not in text
    return False


@dataclass
class Head:
    """A headline group: kicker / title / subtitle lines, split into printed blocks."""

    blocks: list[list[Line]] = field(default_factory=list)
    markdown_level: int = 0  # 1 for "# …", 2 for "## …", 0 for plain text
    title_block: int = -1  # which block is the "# title" (kickers above, subtitles below)

    @property
    def line(self) -> int:
        return self.blocks[0][0].no

    @property
    def bulleted(self) -> bool:
        """Printed after a ● (or >>): a brief's headline, over the brief; a section's
        name may stand over it (【便民服务】 / >>标题)."""
        return self.blocks[-1][0].bullet

    @property
    def text(self) -> str:
        """The group as one headline: lines of a block joined, blocks spaced."""
        return " ".join(join_block(b) for b in self.blocks)

    @property
    def subhead_text(self) -> str:
        """The group kept as an in-body subhead: every printed line its own phrase."""
        return " ".join(ln.text for block in self.blocks for ln in block)


@dataclass
class Marker:
    """A structural line: byline, credit, subtitle, continuation note, noise."""

    line: Line

    @property
    def kind(self) -> LineKind:
        return self.line.kind


Block = Para | Head | Marker


def next_block(blocks: list[Block], i: int) -> int | None:
    """Index of the first block after i that is not layout noise."""
    for j in range(i + 1, len(blocks)):
        b = blocks[j]
        if not (isinstance(b, Marker) and b.kind is Kind.NOISE):
            return j
    return None


# "武城县：冬小麦播种全面完成": a place or unit, a colon, then a clause without punctuation.
PLACE_COLON_RE = re.compile(
    r"^[\u4e00-\u9fff]{1,6}(?:[县区市镇乡村局委办院所]|街道|社区)：[^，。,；;：:]{4,}$")
SPEAKER_RE = re.compile(r"^(?:记者|问|答|主持人|本报)[：:]")
# A table's or a chart's source or note under it (数据来源：…, 注：…), or its unit over
# its rows (单位：万元): never a title.
NOTE_WORD = r"(?:(?:数据|资料|信息|图表)?来源|备?注|说明|(?:计量)?单位)"
SOURCE_NOTE_RE = re.compile(rf"^{NOTE_WORD}[：:]")
TABLE_NOTE_RE = re.compile(rf"^{NOTE_WORD}")  # …under the rows, its colon or not
# 公交司机郭建平：车开稳一点 乘客暖一点: who, then two matched phrases a space apart, as
# titles print them (no one's words are set so).
PAIRED_TITLE_RE = re.compile(r"^[^，。；：:\s]{2,12}[：:][^，。；\s]{3,10} [^，。；\s]{3,10}$")
SPACED_WORDS_RE = re.compile(r"^\S+(?: \S+)+$")
# Two phrases a space apart and nothing else (市集搬家 更要搬心): a title's, not a line
# of text, which runs on without a space and stops on its punctuation.
TWO_PART_RE = re.compile(r"^[\u4e00-\u9fff“”]{2,10}[ \u3000][\u4e00-\u9fff“”]{2,10}$")
# Characters a headline does not end on: the line breaks mid-phrase ("…新春灯展在").
DANGLING = "的在和与把被从向及"
# Verbs that want an object: a line ending on one breaks a title (山西今冬新增 / 清洁取暖
# 用户12万户); words that open a clause needing its rest (让冰天雪地 / 持续释放“热效应”).
OBJECT_VERB_RE = re.compile(
    r"(?:新增|实现|推出|开展|启动|建成|完成|举办|召开|迎来|获得|达到|突破|提升|加快|推进|打造|助力"
    r"|开通|新建|建设|改造|发布|出台|印发|部署|启用|投用|引进|培育|惠及|带动|吸引|接待|走进|开设"
    r"|设立|增开|增加|减少|降低|提高|扩大|超过|覆盖|实施|封闭|调整|开出|办起|建起|用上|装上"
    r"|计划|培训|招聘|发放|种植|输送|开发|新修|修建|选派|招募|征集|收购|认养"
    r"|持续到|延长到|延长至|推迟到|推迟至"  # …or a time it runs to (招聘会持续到 / 4月底)
    r"|(?<=[将要已再拟共又])[办建开设增招修种引送发])$"  # …or a verb of one letter (全市将办)
    # …or on a count that wants its noun (麦香街道为63名 / 快递小哥建起“暖心驿站”)
    r"|\d[名个位家项条座所户台辆]$")
# …not the word such a character starts (对话基层 is a column's name over its title), nor a
# four-character set phrase of its own (向海图强, 为国争光).
SET_PHRASE = 4
CLAUSE_OPENER_RE = re.compile(r"^(?:让|把|将|为|对|向|给|使|关于)(?!话|接|口|军|力|用|利|往)")


def runs_on(first: str, rest: str) -> bool:
    """Does a title run on from its first line to the next (one title wrapped over two
    lines, not a kicker over a title)? A notice's title (关于…的公告), a line ending
    mid-phrase, on a verb that wants its object, or a clause opened and not closed."""
    return breaks_mid_phrase(first, rest) \
        or (len(first) > SET_PHRASE and CLAUSE_OPENER_RE.match(first) is not None)


QUESTION_TITLE_MAX = 20  # characters: a headline may ask (农资怎么买才放心？)


def asks(text: str) -> bool:
    """A short line that ends on a question or an exclamation, as a headline may, its only
    sentence (春耕备耕，农资怎么买才放心？)."""
    return len(text) <= QUESTION_TITLE_MAX and text[-1] in "？！?!" \
        and not any(mark in text[:-1] for mark in "。？！；")


def unpunctuated(ln: Line, last: bool) -> bool:
    """A line with no punctuation, but that it may end on a question if it is the last
    of its group (村口的路灯啥时候能亮？)."""
    asked = last and asks(ln.text)
    text = ln.text[:-1] if asked else ln.text
    return (asked or not ln.terminal) and not any(ch in text for ch in "，。、；：,;:！？")


def closes_early(text: str) -> bool:
    """Does the text close a quotation it never opened (会”一年办结47件)? Then it began on
    the line above, which a headline's lines do not leave. (unbalanced's mirror.)"""
    return any(text.count(b) > text.count(a) for a, b in PAIRS)


def breaks_mid_phrase(first: str, rest: str) -> bool:
    """A notice's title broken anywhere, or a first line ending where no phrase can: on a
    particle, a colon, a verb that wants its object or a count that wants its noun."""
    return NOTICE_TITLE_RE.search(rest) is not None or first[-1] in DANGLING + "：:" \
        or OBJECT_VERB_RE.search(first) is not None


def is_box_label(text: str) -> bool:
    return BOX_LABEL_RE.match(text) is not None


# 【庐陵时评】夜间门诊，亮灯更要亮心: a column's label in brackets, then a title.
LABELLED_TITLE_RE = re.compile(r"^【[^】]{2,8}】[^。；;！？]{4,30}$")


def labelled_title(ln: Line) -> bool:
    """A lead of one line that is a label and a title: no sentence ends in it."""
    return ln.kind is Kind.LEAD and not ln.terminal and LABELLED_TITLE_RE.match(ln.text) is not None


def head_line(ln: Line, column: float, page_column: float = 0.0, wraps: bool = False) -> bool:
    """Could this line be part of a headline? Headlines are short and barely punctuated;
    a line as wide as the text that follows it, with a comma in it, is body text broken
    at a column end (`column` is that width, or infinity when no text follows; a
    paragraph's first line is INDENT cells narrower). `wraps`: the title is known to go on
    on the next line (关于…施工的 / 通告), so it may break on a particle."""
    text = ln.text
    if ln.kind is not Kind.TEXT or ln.enumerated or len(text) > MAX_HEAD_CHARS:
        return False
    if len(text) <= 2 and text.strip("一二三四五六七八九十") == "":
        return False  # 一 / 风从江上来，…: a poem's part, numbered
    if ln.terminal or ln.row or any(ch in text for ch in "。；;") or SIGN_OFF_DATE_RE.match(text) \
            or (text[-1] in "晴阴云雨雪" and DIARY_DATE_RE.match(text)):
        return False
    colon = max(text.find("："), text.find(":"))
    if colon != -1 and PLACE_LABEL_RE.match(text):
        return True  # 凤栖区槐塬镇： over the rest of its title
    if colon != -1 and (colon == len(text) - 1 or SPEAKER_RE.match(text)
                        or SOURCE_NOTE_RE.match(text) or (
            ln.width >= 0.9 * page_column and not PLACE_COLON_RE.match(text)
            and not PAIRED_TITLE_RE.match(text))):
        return False  # "记者：…", "许秋生：…": dialogue, not a headline such as "某某区：…"
    commas = sum(text.count(ch) for ch in "，,、")
    if commas > 1 or (commas and (ln.width >= 0.85 * column - INDENT
                                  or (text[0].isdigit() and opens_sentence(text)))):
        return False  # (5月6日，骑行爱好者在…骑行: a caption's sentence, its stop cut off)
    if (text[-1] in DANGLING and not wraps) or (text[-1].isdigit() and column != float("inf")):
        return False  # "…学校周边 200" / "平方米": a number broken at a column end
    return text.endswith("——") or text[-1] not in CONTINUING


def split_paragraphs(lines: list[Line], width: float, one_per_line: bool) -> list[Para]:
    """Cut a run of body lines into paragraphs at short lines that end a sentence."""
    paras: list[Para] = []
    current: list[Line] = []
    short = width - 1.5
    last = len(lines) - 1
    for i, ln in enumerate(lines):
        if current and (ln.enumerated or ln.kind is Kind.LEAD):
            paras.append(Para(current))
            current = []
        current.append(ln)
        if ln.row or one_per_line or i == last or lines[i + 1].row:
            ends = True  # a table row, or the line before a table starts
        elif ln.terminal:
            ends = ln.width < short
        else:
            ends = ln.enumerated and is_list_heading(ln, width)
        if ends:
            paras.append(Para(current))
            current = []
    if current:
        paras.append(Para(current))
    for p in paras:
        p.lead = p.lines[0].kind is Kind.LEAD
    return paras


PLAIN_TITLE = 20  # characters: the longest headline line read above a column
CLAUSE_ENDS = frozenset("，,、；;：:")
NOTICE_WORD_MAX = 6  # characters: a notice's title set under its subject (招聘启事, 公示)
CLAUSE_MARKS_RE = re.compile(r"[，,。；;：:、！？!?]")  # any mark of a clause or a sentence
CREDITED_LEAD_RE = re.compile(r"^\S{0,12}讯[（(]")  # 本报讯（记者 …）, 道县融媒讯（…）
AMID_MIN = 5  # lines: a run this long may hold a headline between two pieces
TITLE_AMONG_WIDE = 24  # characters: a title set between paragraphs a line each is no longer


def hard_wrapped(chunk: list[Line]) -> bool:
    """Lines of a narrow printed column (most stop mid-sentence at about the same width),
    not one paragraph per line as a Markdown-like dump writes them."""
    text = [ln for ln in chunk if ln.kind in (Kind.TEXT, Kind.LEAD)]
    if len(text) < 2:
        return False
    inner = text[:-1]
    narrow = sum(ln.width <= WRAPPED_WIDTH for ln in inner)
    # Cut mid-word, as a column cuts text; a poem's or a list's lines end at a comma.
    cut = sum(ln.text[-1] not in CLAUSE_ENDS and not ln.terminal for ln in inner)
    return 2 * narrow > len(inner) and 2 * cut >= len(inner)


def a_paragraph_a_line(lines: list[Line]) -> bool:
    """Are these lines, the middle one of them by width, wider than any printed column:
    text set a paragraph a line (a web page's), not a column's wrapped lines?"""
    widths = sorted(ln.width for ln in lines)
    return widths[len(widths) // 2] > WRAPPED_WIDTH


def row_like(ln: Line) -> bool:
    """Could this be a table row? '襄城县 85.66分（合格）' (short, with a figure) or
    '冠军 项城市代表队' (short cells separated by a space, which body text never has)."""
    text = ln.text
    if ln.terminal or ln.kind is not Kind.TEXT:
        return False
    if len(text) > 24:
        # cells a tab apart, as a web page's table is copied, however long; or a header
        # of long cells (项目名称 计划投资（亿元） 完成投资（亿元） 形象进度)
        # (a header's first cell names its column: 项目名称, 指标, 品名; a title glued before
        # the header, 本周主要蔬菜零售均价 品名 …, is no row)
        return "\t" in text or (len(text) <= WIDE_ROW and text.count(" ") >= TABLE_CELLS - 1
                                and "，" not in text and "、" not in text
                                and len(text.split(" ", 1)[0]) <= HEADER_CELL_MAX
                                and SPACED_WORDS_RE.match(text) is not None)
    if "\t" in text:
        return True
    if text[-1] in ROW_ENDS and DIGIT_RE.search(text) is not None:
        return True
    return " " in text and "，" not in text and SPACED_WORDS_RE.match(text) is not None


def celled(ln: Line) -> bool:
    """A table's row, or a line of three cells or more a space apart (日期 地点 岗位数)."""
    return ln.row or ln.text.count(" ") >= 2 or "\t" in ln.text


TABLE_CELLS = 3  # a row of a table set with spaces holds this many cells at least
WIDE_ROW = 40  # characters: a row of long cells, a header's, is no longer
HEADER_CELL_MAX = 6  # characters: a header's first cell


def mark_rows(chunk: list[Line]) -> None:
    """Rows come in runs: row-like lines are rows when three or more stand together, or
    two of one shape (a two-line headline, 聚力产业链 招引大项目 / …项目143个, is no
    table)."""
    flags = [row_like(ln) for ln in chunk]
    if flags.count(True) < 2:
        return  # no run of rows (Line.row is False unless set here)
    start = 0
    while start < len(chunk):
        if not flags[start]:
            start += 1
            continue
        end = start
        while end < len(chunk) and flags[end]:
            end += 1
        run = chunk[start:end]
        if len(run) >= 3 and " " not in run[0].text \
                and all(len(ln.text.split(" ")) >= TABLE_CELLS for ln in run[1:]):
            run = run[1:]  # 某某价格（3月4日） over rows of cells: the table's title, no row
        over_lead = end < len(chunk) and chunk[end].kind in (Kind.LEAD, Kind.BYLINE)
        # …or under its story, ending the chunk: …前期手续。 / …新签约项目12个 / 总投资46亿元
        under_story = len(run) == 2 and end == len(chunk) and start > 0 \
            and chunk[start - 1].terminal and not any(" " in ln.text for ln in run)
        if not over_lead and not under_story and (  # …项目18个 / 总投资112亿元 / 本报讯…
                len(run) >= 3 or (len(run) == 2 and row_shape(run[0]) == row_shape(run[1]))):
            for ln in run:
                ln.row = True
            if start and UNIT_LINE_RE.match(chunk[start - 1].text):
                chunk[start - 1].row = True  # 单位：元/斤 over the rows: the table's, as they are
        start = end


# What a table's figures count, over its rows: 单位：万元, （单位：亩）.
UNIT_LINE_RE = re.compile(r"^[（(]?(?:计量)?单位[：:][^，。；\s]{1,12}[）)]?$")


def row_shape(ln: Line) -> tuple[bool, int]:
    """Does a row-like line end on a figure, and how many spaced cells has it?"""
    text = ln.text
    return text[-1] in ROW_ENDS and DIGIT_RE.search(text) is not None, len(text.split())


def mark_stranded_rows(chunks: list[list[Line]]) -> None:
    """A row cut off from its table by a column break is still a row."""
    for i, chunk in enumerate(chunks):
        if len(chunk) != 1 or not row_like(chunk[0]) or not DIGIT_RE.search(chunk[0].text):
            continue
        before = chunks[i - 1][-1] if i > 0 else None
        after = chunks[i + 1][0] if i + 1 < len(chunks) else None
        chunk[0].row = bool((before and before.row) or (after and after.row))


def cut_short(ln: Line, lines: list[Line]) -> bool:
    """A line of text well short of its column's full lines, unfinished, under a full
    line of the same paragraph: where a story was cut off (…第二期工程计划在今年), for no
    wrapped sentence stops short of the column (lines: the text, ln the last of them)."""
    if len(lines) <= CUT_AFTER or ln.text[-1:] in CONTINUING or lines[-2].terminal:
        return False
    full = full_line(lines)  # mid-paragraph, under a full line, not after a finished one
    return len(lines[-2].text) >= full and len(ln.text) <= CUT_SHORT * (full + 1)


CUT_AFTER = 3  # lines of text at least above a line read as cut off
CUT_SHORT = 0.75  # of a full line: a line this short ends its paragraph


def full_line(lines: list[Line]) -> int:
    """Characters of a full line of these lines' column, less one for a line that could
    not end on a character forbidden at the next line's start."""
    counts = sorted(len(ln.text) for ln in lines)
    return counts[len(counts) // 2] - 1





def is_list_heading(ln: Line, width: float) -> bool:
    """'一、压实工作责任' on a short line of its own heads a list item or a table group."""
    return (ln.enumerated and ln.width < width - 4 and not ln.terminal
            and ln.text[-1] not in CONTINUING)


def run_width(lines: list[Line], fallback: float) -> float:
    """The column width of a run: its widest line, or the page's when the run is tiny."""
    return column_width(max(ln.width for ln in lines), len(lines), fallback)


def column_width(widest: float, count: int, fallback: float) -> float:
    """run_width of `count` lines whose widest is `widest`."""
    return widest if count >= 3 else max(widest, fallback)


class BlockBuilder:
    """Turns the classified lines of one page into a list of blocks, in order."""

    def __init__(self, lines: list[Line], markdown: bool, column: float):
        self.lines = lines
        self.markdown = markdown
        self.column = column
        self._following: list[Line] = []
        self._reference: float | None = None
        self.out: list[Block] = []

    def build(self) -> list[Block]:
        chunks = self._chunks()
        page_markdown = self.markdown
        for i, chunk in enumerate(chunks):
            self._following = chunks[i + 1] if i + 1 < len(chunks) else []
            self._reference = None
            # A Markdown-like dump may hold hard-wrapped columns too: read those as columns.
            self.markdown = page_markdown and not hard_wrapped(chunk) and not (
                len(chunk) == 1 and self._plain_title(chunk[0]))
            self._add_chunk(chunk)
        self.markdown = page_markdown
        return self.out

    def _plain_title(self, ln: Line) -> bool:
        """In a Markdown-like dump, a short unpunctuated line on its own above a printed
        column: the column's headline, as a column dump prints it."""
        return (hard_wrapped(self._following) and len(ln.text) <= PLAIN_TITLE
                and head_line(ln, float("inf"), self.column))

    @property
    def reference(self) -> float:
        """Width of the text after this chunk (see _reference_width), computed on demand."""
        if self._reference is None:
            self._reference = self._reference_width(self._following)
        return self._reference

    def _reference_width(self, following: list[Line]) -> float:
        """Width of the text that could continue this chunk after a column break;
        infinity when what follows cannot continue a sentence (a lead, a marker, the end)."""
        text: list[Line] = []
        for ln in following:
            if ln.kind is not Kind.TEXT:
                break
            text.append(ln)
        if not text:
            return float("inf")
        if len(text) <= MAX_HEAD_LINES and all(
                head_line(ln, float("inf"), self.column) for ln in text):
            return float("inf")  # another headline chunk, not a continuation
        return max(ln.width for ln in text[:4])

    def _chunks(self) -> list[list[Line]]:
        """Split at blank lines; a chunk holding a QR-code caption is noise as a whole."""
        chunks: list[list[Line]] = []
        current: list[Line] = []
        for ln in self.lines:
            if ln.kind is Kind.BLANK:
                if current:
                    chunks.append(current)
                current = []
            else:
                current.append(ln)
        if current:
            chunks.append(current)
        for chunk in chunks:
            if any(ln.reason == "QR-code caption" for ln in chunk) and len(chunk) <= 4:
                for ln in chunk:
                    if not captioned(ln):  # (…她抄写的第一本菜谱。石磊摄: a picture's own)
                        ln.kind, ln.reason = Kind.NOISE, "QR-code caption"
            mark_rows(chunk)
        mark_stranded_rows(chunks)
        return chunks

    def _add_chunk(self, chunk: list[Line]) -> None:
        run: list[Line] = []
        for ln in chunk:
            if ln.bullet and ln.kind is Kind.TEXT:  # ◆ a brief's title, over its text
                label = run[-1:] if len(run) == 1 and head_line(run[0], float("inf")) else []
                self._add_run(run[:len(run) - len(label)])
                run = []
                self.out.append(Head([label, [ln]] if label else [[ln]]))  # 【便民服务】 over it
                continue
            if ln.kind is Kind.TEXT or (ln.kind is Kind.LEAD and not run):
                run.append(ln)
                continue
            if ln.kind is Kind.LEAD:
                self._add_run(run, before_lead=True)  # it ends where a lead starts
                run = [ln]
                continue
            credited = ln.kind in (Kind.BYLINE, Kind.CREDIT, Kind.SIGNATURE)  # closes a story
            if ln.kind is Kind.SUBTITLE and run:
                run = self._pull_headline(run)
            elif ln.kind is Kind.BYLINE and self._group_over_byline(run):
                self._add_head(run)  # 今日短评 / 农田建好了， / 更要管好用好 / □ 冉 松
                run = []
            elif ln.kind is Kind.BYLINE and len(run) == 1 and labelled_title(run[0]):
                # 【庐陵时评】夜间门诊，亮灯更要亮心 / □ 肖 然: a column's label and a
                # title over their author, not a brief's title and its first sentence
                self._add_head([Line(run[0].no, run[0].text, Kind.TEXT, run[0].width)])
                run = []
            elif ln.kind is Kind.NOISE and ln.reason == "page header" \
                    and self._asked_over_data(run):
                self._add_head(run)  # 民生信箱 / 背街小巷的路灯何时能亮？ / 来源：… 发布时间：…
                run = []
            elif credited:
                run = self._cut_suffix(run)  # 正文。 / 标题 / 本报评论员: printed after its story
            self._add_run(run, before_credit=credited)
            run = []
            if ln.kind is Kind.CONT_FROM and ln.tail:
                self.out.append(Marker(ln))
                tail = Line(ln.no, ln.tail, Kind.LEAD, ln.width)
                run = [tail]
                continue
            if ln.kind in (Kind.HEADING, Kind.SUBHEADING):
                self._add_markdown_heading(ln)
                continue
            self.out.append(Marker(ln))
        if self._poem_stanza(run):
            self._add_stanza(run)
            return
        if self._group_under_signature(run):
            self._add_head(run)  # …正文。 / □ 木 子 / 白河时评 / 招聘会办到家门口， / 还可以更贴心
            return
        self._add_run(self._cut_suffix(run))

    def _poem_stanza(self, run: list[Line]) -> bool:
        """Short ragged lines right under a title and its author's name (三月的麦田 / 杜 小
        禾 / 麦子还没有抽穗 / 风先替它们走完了一整块田 / …), or after such a stanza: a poem's
        stanza, not a headline group. A column's prose fills its lines and breaks them
        anywhere, so most of its lines are as wide as the column and hold a comma. One poem
        of a set may print its own short title over its first stanza (梨花 / 燕坪的梨花开了)."""
        if self.markdown or not run:
            return False
        prev = self.out[-1] if self.out else None
        under_author = isinstance(prev, Marker) and prev.kind is Kind.BYLINE \
            and len(self.out) >= 2 and isinstance(self.out[-2], Head)
        if not (under_author or (isinstance(prev, Para) and prev.verse)):
            return False
        if len(run) == 1:  # the poem's own title, alone over its first stanza
            return len(run[0].text) <= POEM_PART_MAX \
                and self._stanza_like(self._following, 2, ragged=under_author)
        if under_author and len(run) > POEM_FIRST_STANZA and len(run[0].text) <= POEM_PART_MAX:
            run = run[1:]  # 燕坪春信（组诗） / 邓远山 / 梨花 / 燕坪的梨花开了 / …
        if under_author:
            return self._stanza_like(run, POEM_FIRST_STANZA, ragged=True)
        return self._stanza_like(run, 2, ragged=False)  # (the poem goes on: its lines tell)

    def _stanza_like(self, lines: list[Line], least: int, ragged: bool) -> bool:
        """At least `least` short lines, most of them without a comma (ragged: and most of
        them well short of the column, as a column's prose is not)."""
        if len(lines) < least or not all(
                ln.kind is Kind.TEXT and not ln.row and len(ln.text) <= POEM_LINE_MAX
                for ln in lines):
            return False
        bare = sum(not any(ch in ln.text for ch in "，。；：,;:") for ln in lines)
        if 3 * bare < 2 * len(lines):
            return False
        full = max(self.column, *(ln.width for ln in lines))  # (a page of poems sets no column)
        short = sum(ln.width < SHORT_OF_COLUMN * full for ln in lines)
        return not ragged or 2 * short >= len(lines)

    def _add_stanza(self, run: list[Line]) -> None:
        """A poem's stanza as one paragraph. (Its lines are joined as a paragraph's are:
        the break after each line of verse is not kept.)"""
        self.out.append(Para(list(run), verse=True))

    def _group_under_signature(self, run: list[Line]) -> bool:
        """A few short lines ending a chunk right under a story's signature, none ending a
        sentence or left unfinished at the end: the headline group printed under its story,
        even with a comma where its title breaks, or its last line asking (读者来信 / 竹围村口
        的路灯何时能亮？)."""
        prev = self.out[-1] if self.out else None
        if self.markdown or not 2 <= len(run) <= 4 or not (
                isinstance(prev, Marker) and prev.kind in (Kind.BYLINE, Kind.SIGNATURE)):
            return False
        asked = asks("".join(ln.text for ln in run))  # (a question short as a title)
        return all(ln.kind is Kind.TEXT and not ln.row
                   and (not ln.terminal or (ln is run[-1] and asked))
                   and len(ln.text) <= MAX_HEAD_CHARS and ln.width <= self.column + RUN_ON_SLACK
                   and ln.text.count("，") <= 1 for ln in run) \
            and run[-1].text[-1] not in CONTINUING and "，" not in run[-1].text

    def _cut_suffix(self, run: list[Line]) -> list[Line]:
        """Add the run's body and the headline printed under it; return what is left."""
        head = self._head_suffix(run)
        if not head:
            return run
        self._add_run(run[:len(run) - len(head)])
        self._add_head(head)
        return []

    def _group_over_byline(self, run: list[Line]) -> bool:
        """A few short lines, none ending a sentence, standing alone over a byline: a
        headline group, even with a comma where its title breaks (农田建好了， / 更要管好
        用好)."""
        prev = self.out[-1] if self.out else None
        if self.markdown or (isinstance(prev, Para) and prev.open):
            return False
        if WRAPPED_GROUP_MIN <= len(run) <= WRAPPED_GROUP_MAX:
            return self._wrapped_group_over_byline(run)
        if not 1 <= len(run) <= 3:
            return False
        # The title's own line may be wider than the column: a commentary's one-line title
        # with a comma in it (让项目“跑”起来，服务要“跟”上 / □ 李 澄).
        return all(ln.kind is Kind.TEXT and not ln.row and not ln.enumerated
                   and (not ln.terminal or (ln is run[-1] and asks(ln.text)))
                   and (len(ln.text) <= MAX_HEAD_CHARS if ln is run[-1]
                        else ln.width <= SHORT_OF_COLUMN * self.column)
                   and ln.text.count("，") + ln.text.count(",") <= 1 for ln in run) \
            and run[-1].text[-1] not in CONTINUING

    def _asked_over_data(self, run: list[Line]) -> bool:
        """A web item's title that asks, with its label over it, right over the item's data
        line (来源：… 发布时间：…): bare lines as over a lead, though the last ends as a
        sentence does."""
        return bool(run) and run[-1].terminal and asks("".join(ln.text for ln in run)) \
            and self._bare_lines_over_lead(run)

    def _wrapped_group_over_byline(self, run: list[Line]) -> bool:
        """Four to six short lines over a byline, with no comma or stop among them: a
        narrow column's kicker, title and subtitle wrapped line by line (林业改革一线 /
        岩鹰镇： / 集体林地“托管” / 林农当上“股东” / 全镇4.2万亩山林 / 入股合作社). A
        paragraph that long is punctuated somewhere."""
        return all(ln.kind is Kind.TEXT and not ln.row and not ln.enumerated
                   and len(ln.text) <= self.column + 1 and not CLAUSE_MARK_RE.search(ln.text)
                   for ln in run) \
            and sum(len(ln.text) for ln in run) <= WRAPPED_GROUP_CHARS \
            and run[-1].text[-1] not in CONTINUING

    def _head_suffix(self, run: list[Line]) -> list[Line]:
        """A headline printed right under its story's last sentence, no blank line
        between (…不利影响。 / 我国北方多地将迎今年首轮高温天气): one or two short
        unpunctuated lines after a finished sentence end the chunk."""
        last = run[-1] if run else None
        if self.markdown or last is None or last.kind is not Kind.TEXT or last.terminal:
            return []
        for size in (2, 1):
            if len(run) < SUFFIX_AFTER + size - 1 or not (
                    run[-size - 1].terminal or cut_short(run[-size - 1], run[:-size])):
                continue
            head = run[-size:]
            if all(self._suffix_line(ln, quoted=ln is not head[-1]) for ln in head) \
                    and not unbalanced("".join(ln.text for ln in head)) \
                    and sum(len(ln.text) for ln in head) <= MAX_HEAD_CHARS:
                follows = self._following[:1]
                full = full_line(run[:-size])
                table = any(ln.row for ln in run[:-size])  # …rows, its note, then its title
                if follows and follows[0].kind is Kind.TEXT and not table \
                        and not opens_sentence(follows[0].text) \
                        and full <= len(head[-1].text) <= full + RUN_ON_SLACK \
                        and not NOTICE_TITLE_RE.search(head[-1].text) \
                        and not (size == 2 and COLUMN_WORD_RE.match(head[0].text)):
                    return []  # a full line of the column, text after a break: it runs on
                    # (under an opinion column's name, 鸢都微评, it is the column's title)
                return head
        return self._tall_head_suffix(run)

    def _tall_head_suffix(self, run: list[Line]) -> list[Line]:
        """Three or four short lines after a finished sentence, ending the chunk: a kicker
        clause over a title, each wrapped (泉阳区盘活城市边角地， / 推动全民健身设施提质
        扩容 / 28个“口袋公园” / 串起家门口健身圈). No paragraph of a column holds two
        short lines in a row, and none ends unfinished before a blank."""
        short = SHORT_OF_COLUMN * self.column
        for size in (4, 3):
            if len(run) < SUFFIX_AFTER + size - 1 or not run[-size - 1].terminal:
                continue
            head = run[-size:]
            # Lines as wide as the column pass when the title ends short, as a column's
            # text broken before a blank does not, and the whole fits one headline.
            # …or a new story's lead follows the blank, so the text cannot run on into it.
            fits = sum(len(ln.text) for ln in head) <= MAX_HEAD_CHARS
            narrow = all(ln.width <= short for ln in head) or (
                (head[-1].width <= short or self._lead_follows()) and fits)
            # (a quotation may open on one line and close on the next: 中卫市“15分钟 /
            # 便民生活圈” / 覆盖率达九成; the title as a whole is balanced)
            if narrow and all(ln.kind is Kind.TEXT and not ln.terminal and not ln.row
                              and not any(ch in ln.text[:-1] for ch in "，,、。；;：:")
                              for ln in head) \
                    and not unbalanced("".join(ln.text for ln in head)) \
                    and self._suffix_line(head[-1]) and len(head[-2].text) > 1:
                return head
        return self._head_with_facts(run)

    def _lead_follows(self) -> bool:
        """Does the next chunk open a story (本报讯…, 新华社…电)? Then no text runs on into it."""
        return bool(self._following) and self._following[0].kind is Kind.LEAD

    def _head_with_facts(self, run: list[Line]) -> list[Line]:
        """Kicker, title and a longer line of facts printed without its dash, ending the
        chunk after a finished sentence (家门口的变化 / 石榴巷老菜场“长”出便民服务圈 /
        修鞋配钥匙、理发缝补，15分钟办齐“针头线脑”事): no paragraph of text ends unfinished
        before a blank, and none runs two short unpunctuated lines into a longer one."""
        short = SHORT_OF_COLUMN * self.column
        for size in (3, 4):  # …a kicker over a title of two lines too (向海图强 / 蓝屿镇…)
            if len(run) < SUFFIX_AFTER + size - 1 or not run[-size - 1].terminal:
                continue
            *top, facts = run[-size:]
            if self._suffix_line(top[0], wraps=True) \
                    and all(self._suffix_line(ln) for ln in top[1:]) \
                    and all(ln.width <= short for ln in top) and facts.kind is Kind.TEXT \
                    and not facts.terminal and not facts.row \
                    and len(facts.text) <= MAX_HEAD_CHARS and not unbalanced(facts.text) \
                    and not any(ch in facts.text for ch in "。；;") \
                    and facts.text[-1] not in CONTINUING:
                return run[-size:]
        return []

    def _suffix_line(self, ln: Line, wraps: bool = False, quoted: bool = False) -> bool:
        """A line of a headline printed under its story (wraps: its title goes on on the
        next line, so it may break on a particle: 羊绒车间里的 / “00后”; quoted: it may
        open a quotation the next line closes, 双桥社区“共享 / 菜园”开园)."""
        return (ln.kind is Kind.TEXT and not ln.terminal and not ln.row and not ln.enumerated
                and not any(ch in ln.text for ch in "，,、。")
                and head_line(ln, float("inf"), self.column, wraps=wraps)
                and (quoted or not unbalanced(ln.text)))

    def _pull_headline(self, run: list[Line]) -> list[Line]:
        """Lines right above a ——sub-headline are its headline, whatever their width: a
        title over up to three lines, and a kicker over it."""
        size = 0
        for ln in reversed(run[-MAX_HEAD_LINES:]):
            if (ln.terminal and not (size == 0 and asks(ln.text))) or ln.kind is not Kind.TEXT \
                    or len(ln.text) > MAX_HEAD_CHARS:
                break  # (家门口的养老，还能怎么做？ / ——访…: a question over its subtitle)
            pulled = "".join(x.text for x in run[len(run) - size:])
            if size >= 2 and not (head_line(ln, float("inf"), self.column)
                                  and ln.width <= SHORT_OF_COLUMN * self.column) \
                    and not closes_early(pulled):
                break  # beyond two lines, only a short headline line: not the text above
                # (unless the lines pulled close a quotation this one opened)
            size += 1
        if not size:
            return run
        self._add_run(run[:-size])
        self._add_head(run[-size:])
        return []

    def _add_run(self, run: list[Line], before_lead: bool = False,
                 before_credit: bool = False) -> None:
        if not run:
            return
        cut = self._titles_between_paragraphs(run) if before_credit else None
        cut = cut or (self._title_amid_column(run) if before_credit else None)
        if cut:
            self._add_run(run[:cut[0]])
            self._add_head(run[cut[0]:cut[1]])
            self._add_run(run[cut[1]:], before_lead)
            return
        prev = self.out[-1] if self.out else None
        continues = isinstance(prev, Para) and prev.open and run[0].kind is Kind.TEXT \
            and not self._wider_than_column(prev, run) and not ends_on_phone(prev)
        if continues and prev.lines[-1].text[-1] in "：:" and (
                run[0].enumerated or run[0].row):
            continues = False  # "…通报如下：" then a list or table after a blank line
        if continues and len(run) > 1 and run[0].text.startswith("关于") \
                and NOTICE_TITLE_RE.search(run[0].text) and head_line(run[0], float("inf")):
            continues = False  # 关于…的公告 after a blank: a notice's title, whatever is above
        if continues and (prev.lines[-1].text[-1] in CONTINUING or not self._head_like(run)):
            run = self._continue(prev, run)
            if not run:
                return
        head, body = self._head_prefix(run, before_lead or before_credit)
        if head and body:
            self.out.append(Head([head]))  # set directly above its text: that text's own
        elif head:
            self._add_head(head)
        if body:
            width = run_width(body, self.column)
            self.out.extend(split_paragraphs(body, width, self.markdown))

    def _titles_between_paragraphs(self, run: list[Line]) -> tuple[int, int] | None:
        """Where a web page set a paragraph a line, no blank between its items, and a
        credit or a byline follows the run: short unpunctuated lines after a finished
        paragraph, over one last paragraph (山乡茶飘香 / its caption / X 摄) or over
        nothing (桂中时评 / 让…更久 / □韦 言), are a headline; (start, end) or None. (A
        subhead inside a story stands over more of its text.)"""
        if self.markdown or len(run) < 3 \
                or not a_paragraph_a_line(run):
            return None
        end = len(run)
        if run[-1].width > WRAPPED_WIDTH and self._title_among_wide(run[-2]):
            end -= 1  # over one last paragraph
        start = end
        while start > 1 and end - start < MAX_HEAD_LINES and self._title_among_wide(run[start - 1]):
            start -= 1
        if start == end or not run[start - 1].terminal:
            return None
        return start, end

    def _title_amid_column(self, run: list[Line]) -> tuple[int, int] | None:
        """Between a brief opened by its credit (本报讯（记者 X）…) and a credit after the
        run, which signs another piece: a short unpunctuated line after a finished
        sentence, over full lines of a narrow column (…日均就餐老人90余人。 / 县城新增200
        个充电桩 / 近日，…), is that piece's headline, not a part's heading; (start, end)."""
        if self.markdown or len(run) < AMID_MIN or run[0].kind is not Kind.LEAD \
                or not CREDITED_LEAD_RE.match(run[0].text) or not hard_wrapped(run):
            return None
        for i in range(1, len(run) - 2):
            ln, body = run[i], run[i + 1:i + 1 + MEASURE_LINES]
            if not run[i - 1].terminal or ln.kind is not Kind.TEXT or ln.enumerated \
                    or ln.row or body[0].row or ln.text[-1].isdigit():
                continue
            prose = "，" in body[0].text + body[1].text  # (not a table's rows under it)
            if prose and self._short_head(ln, body) and self._stranded(ln, body) \
                    and not CLAUSE_MARKS_RE.search(ln.text):
                return i, i + 1
        return None

    def _title_among_wide(self, ln: Line) -> bool:
        """A short unpunctuated line that could be a title between paragraphs a line each."""
        return ln.kind is Kind.TEXT and not ln.terminal and not ln.row \
            and len(ln.text) <= TITLE_AMONG_WIDE and head_line(ln, float("inf")) \
            and not any(ch in ln.text for ch in "，。；：,;:")

    def _wider_than_column(self, prev: Para, run: list[Line]) -> bool:
        """Does a blank end prev for good, though its last line is unfinished? A column
        broken mid-sentence goes on after a blank at its own width. Text set wider than
        any column is a web page's, a paragraph a line: its blanks end things. And lines
        after the blank far wider than prev's column (数据来源：… / 关于…的公告 / 根据…，…)
        start something new."""
        if a_paragraph_a_line(prev.lines[-RUN_SAMPLE:]):  # its last lines tell
            return True  # lines too wide for a column: a paragraph a line, ended at its blank
        widest = max(ln.width for ln in run[:RUN_SAMPLE])
        if widest <= WRAPPED_WIDTH:
            return False
        return widest > column_width(prev.widest, len(prev.lines), self.column) + RUN_ON_SLACK

    def _continue(self, prev: Para, run: list[Line]) -> list[Line]:
        """Append the lines that finish prev's sentence; return the rest."""
        widest = max(prev.widest, *(ln.width for ln in run))
        width = column_width(widest, len(prev.lines) + len(run), self.column)
        paras = split_paragraphs(run, width, self.markdown)
        prev.lines.extend(paras[0].lines)
        return [ln for p in paras[1:] for ln in p.lines]

    def _head_like(self, run: list[Line]) -> bool:
        """A whole chunk that reads as a headline group: a few short unpunctuated lines,
        at most one of them as wide as the column (headlines are centred, not justified)."""
        if self.markdown or len(run) > MAX_HEAD_LINES + 1 or (
                len(run) > MAX_HEAD_LINES and not self._wrapped_group_after_marker(run)):
            return False
        # A line of the group may break on a particle where the next goes on (晚报快评 /
        # 小驿站里的 / 大温度): the group's last line may not.
        if not all(head_line(ln, self.reference, self.column, wraps=ln is not run[-1])
                   for ln in run):
            return False
        if self._after_finished() and len(run) <= 3:
            return True  # the text above is finished: unpunctuated lines after it are a group
        # A two-part line (咬定目标 跑出加速度) is a headline's however wide it is.
        return sum(ln.width >= 0.9 * self.column and " " not in ln.text for ln in run) <= 1

    def _wrapped_group_after_marker(self, run: list[Line]) -> bool:
        """One line more than a headline group has: a narrow column's kicker, title and
        subtitle wrapped over five short lines under a byline or a credit (…31 件。 本报记者
        顾 / 远 / 基层治理新探索 / 荷塘街道试点 / “邻里议事厅” / 居民的事居民 / 商量着办),
        no more characters in all than one headline line may hold."""
        prev = self.out[-1] if self.out else None
        return isinstance(prev, Marker) and sum(len(ln.text) for ln in run) <= MAX_HEAD_CHARS

    def _after_finished(self) -> bool:
        """Does the text above end for good (（下转第2版）, a signature)?"""
        prev = self.out[-1] if self.out else None
        return isinstance(prev, Marker) and prev.kind in (Kind.CONT_ON, Kind.SIGNATURE)

    def _head_prefix(self, run: list[Line], before_lead: bool = False
                     ) -> tuple[list[Line], list[Line]]:
        """Leading headline lines of a run, and the body lines after them (before_lead: a
        lead, or a byline, credit or signature, follows the run in its chunk, so its last
        line cannot start a body)."""
        prev = self.out[-1] if self.out else None
        if run[0].kind is Kind.LEAD or self.markdown:
            return [], run
        if isinstance(prev, Marker) and prev.kind is Kind.CONT_FROM:
            return [], run  # text after （上接第X版） is the continued body
        if before_lead and self._bare_lines_over_lead(run):
            return run, []
        if self._head_like(run) and not self._continues_open_para(run):
            complete = len(run) == 2 and is_kicker(run[0].text)  # unit name + title
            # A two-part line (咬定目标 跑出加速度) is a headline's, never body text's.
            widening = (len(run) >= 2 and run[-1].width > run[-2].width
                        and " " not in run[-1].text)
            if widening and not complete and not self._after_finished() \
                    and not before_lead \
                    and 0.85 * self.reference - INDENT <= run[-1].width \
                    <= self.reference + RUN_ON_SLACK:
                # The last line is wider than the headline above it and as wide as the
                # text after the column break (less a first-line indent): it starts the body.
                # Far wider, it is no line of that column: a subtitle set across columns.
                return run[:-1], run[-1:]
            return run, []
        if any(ch in run[0].text for ch in "，,、"):
            return [], run  # a headline set above its text holds no comma (most runs: body)
        # A headline set directly above its text, without a blank line: one line, or a
        # unit-name kicker and one line; unpunctuated and narrower than the body. Right
        # after a finished article (its signature, credit or headline) a new article
        # starts anyway, so the line only has to be clearly short of a full line.
        size = 2 if len(run) > 3 and not NOTICE_TITLE_RE.search(run[0].text) \
            and not run[1].row and (
            is_kicker(run[0].text) or (
                run[1].kind is Kind.TEXT and not run[1].terminal
                and runs_on(run[0].text, run[1].text)
                # (…完成提升改造 / 近日，经过…: a sentence set off by its time starts there)
                and not (opens_sentence(run[1].text) and "，" in run[1].text[:OPENER_COMMA])
            )) else 1  # 关于…封闭 / 施工的公告
        if size == 1 and len(run) > 3 and run[1].kind is Kind.TEXT and not run[1].terminal \
                and ((opens_sentence(run[2].text) and "，" in run[2].text[:OPENER_COMMA])
                     or self._stranded(run[1], run[2:])) and self._short_head(run[1], run[2:]):
            size = 2  # 油菜花海 / 迎客来 / 4月6日，…: a short title over two lines
        notice = size == 2 and len(run) > 4 and run[0].text.startswith("关于") \
            and NOTICE_TITLE_RE.search(run[2].text) is not None \
            and head_line(run[2], float("inf"))
        wrapped_title = False  # a kicker over a title of two lines: its first may break on 的
        if notice:
            size = 3  # 关于做好新一轮 / 强降雨防范应对 / 工作的提示: a notice's title
        elif size == 2 and len(run) > 4 and is_kicker(run[0].text) \
                and head_line(run[2], float("inf"), self.column) \
                and not (opens_sentence(run[2].text) and "，" in run[2].text[:OPENER_COMMA]) \
                and run[2].width <= SHORT_TITLE_LINE * max(ln.width for ln in run[3:]):
            size, wrapped_title = 3, True  # 观海短评 / 让“出海即上桌” / 跑得更快: a kicker
            # over a title of two lines (not over a caption's opening time: 春到湖区 / 游客多 /
            # 3月9日，游客…), which may break on a particle (钟吾短评 / 一颗桃子的 / “增值账”)
        size = max(size, self._short_lines_atop(run))
        if size == 1 and len(run) > 3 and run[2].row and run[3].row and not run[1].row \
                and run[1].kind is Kind.TEXT and head_line(run[1], float("inf")):
            size = 2  # 2025/26榨季红岸区各糖厂 / 收榨进度（截至3月15日） / rows: a table's title
        if size == 1 and len(run) > 3 and (PAIRED_TITLE_RE.match(run[1].text)
                                           or TWO_PART_RE.match(run[1].text)) \
                and not run[0].terminal:
            size = 2  # 【共建文明城·身边人说】 / 公交司机郭建平：车开稳一点 乘客暖一点
            # (便民信息 / 桔岭路夜间施工 请绕行: no line of text sets two phrases apart)
        if size == 1 and self._asked_over_wide(run):
            return run[:2], run[2:]  # 天桥电梯停了快一个月 / 什么时候能修好？ / (its text)
        prefix, rest = run[:size], run[size:]
        if len(rest) == 1 and self._title_over_a_line(prefix, rest[0]):
            return prefix, rest
        if size == 2 and len(rest) >= 2 and self._notice_under_its_subject(prefix):
            return prefix, rest
        # (a notice's title may break anywhere, …施工的 / 通告, and so may one set in fake
        # bold, 塔塔影影下下的的 / 剪剪纸纸课课: the type says the lines are one title)
        bold = len(prefix) >= 2 and all(ln.emphasized for ln in prefix)
        if len(rest) < 2 or not all(head_line(ln, float("inf"), self.column, wraps=(
                notice or bold or (wrapped_title and ln is prefix[1])) and ln is not prefix[-1])
                                   for ln in prefix):
            return [], run
        body_width = max(ln.width for ln in rest)
        column_title = size == 2 and COLUMN_WORD_RE.match(prefix[0].text) is not None \
            and prefix[1].width <= body_width + RUN_ON_SLACK  # (set a size larger)
        if any(ch in ln.text for ln in prefix for ch in "，,、") and not column_title:
            return [], run  # (北青快评 / 老楼改造，要改在居民心坎上: a commentary's title)
        # After a finished article, page furniture or a kicker (金城短评 over the title),
        # a new article starts anyway: the line only has to be clearly short of a full one.
        finished = prev is None or isinstance(prev, Head) or size >= 2 or (
            isinstance(prev, Marker) and prev.kind in (Kind.SIGNATURE, Kind.CREDIT, Kind.NOISE))
        # A sentence set off by its time (3月10日，… 近日，…) starts under the line: no
        # sentence runs on into it, so the line above is a headline of some width.
        first = rest[0].text
        opener = opens_sentence(first) and (
            "，" in first[:OPENER_COMMA] or PURPOSE_OPENER_RE.match(first) is not None
            or LEARNED_OPENER_RE.match(first) is not None)
        if opener or size >= 2:
            limit = body_width - 1.0
        elif finished:
            limit = body_width - INDENT - 1.5
        else:
            limit = 0.65 * body_width
        if size == 1 and PAIRED_TITLE_RE.match(prefix[0].text) \
                and prefix[0].width <= body_width + RUN_ON_SLACK:
            return prefix, rest  # 公交司机郭建平：车开稳一点 乘客暖一点, however wide
        if finished and size == 1 and TWO_PART_RE.match(prefix[0].text) \
                and prefix[0].width <= body_width + RUN_ON_SLACK:
            return prefix, rest  # 沈城话题 / 市集搬家 更要搬心 / …: a two-part title, however wide
        if opener and size == 1 and prefix[0].width <= body_width + RUN_ON_SLACK \
                and not any(ch in prefix[0].text for ch in "，。、；：！？,;:!?"):
            return prefix, rest  # no unfinished line runs on into an opening time (进入冬季，…)
        if all(ln.width <= limit for ln in prefix) \
                or (size == 1 and NOTICE_TITLE_RE.search(prefix[0].text)) \
                or (rest[0].row and rest[1].row and not any(ln.row for ln in prefix)):
            return prefix, rest  # …or 关于…的通知, or a table's title over one line or two
        if column_title:
            return prefix, rest  # 鹤城时评 / a title as wide as the column: a column's own
        return [], run

    def _notice_under_its_subject(self, prefix: list[Line]) -> bool:
        """Who or what a notice is about over its short title, each on its line, neither
        punctuated (中方县丹桂物业服务有限公司 / 招聘启事, 竹溪乡…建设项目 / 公示): the
        notice's headline, however wide its first line is set."""
        top, word = prefix
        return top.kind is Kind.TEXT and word.kind is Kind.TEXT \
            and len(word.text) <= NOTICE_WORD_MAX \
            and NOTICE_TITLE_RE.search(word.text) is not None \
            and len(top.text) <= MAX_HEAD_CHARS and not top.terminal and not top.row \
            and not CLAUSE_MARKS_RE.search(top.text + word.text)

    def _asked_over_wide(self, run: list[Line]) -> bool:
        """A title and its second deck that asks (天桥电梯停了快一个月 / 什么时候能修好？)
        right over text set a paragraph a line, far wider than either: a web page's
        headline, the question mark no sentence's end."""
        if len(run) < 3 or not head_line(run[0], float("inf")) or run[1].kind is not Kind.TEXT \
                or not asks(run[1].text) or run[0].width > WRAPPED_WIDTH:
            return False
        return a_paragraph_a_line(run[2:]) and run[2].width > 2 * run[1].width

    def _title_over_a_line(self, prefix: list[Line], line: Line) -> bool:
        """A short line over a paragraph set on one line far wider than any column (翠屏路口
        新添“口袋公园” / 图为3月10日，…。 本报记者 吴泓 摄): a web page's title over its only
        paragraph, since no column's text breaks so."""
        return len(prefix) == 1 and line.width > WRAPPED_WIDTH and line.kind is Kind.TEXT \
            and (ends_sentence(line.text) or line.text[-1] in "：:") \
            and prefix[0].width <= line.width / 2 \
            and not any(ch in prefix[0].text for ch in "，,、：:。")

    def _short_lines_atop(self, run: list[Line]) -> int:
        """How many lines at the run's top are each well short of the column's full lines
        under them and unpunctuated (七嘴八舌 / 楼道灯坏了 / 别让居民“摸黑” / 不少老旧小区…):
        a headline group set right above its text; 0 unless there are two or more."""
        if len(run) < MEASURE_MIN + 2 or any(ch in run[0].text for ch in "，。"):
            return 0
        size = 0
        while size < MAX_HEAD_LINES - 1 and len(run) - size > MEASURE_MIN \
                and not celled(run[size]) and not celled(run[size + 1]) \
                and self._short_head(run[size], run[size + 1:]) \
                and not any(ch in run[size].text for ch in "，,、：:"):
            size += 1
        if size < 2 or celled(run[size]):
            return 0
        ln, body = run[size], run[size + 1:size + 1 + MEASURE_LINES]
        if len(body) >= MEASURE_MIN and size < MAX_HEAD_LINES and ln.kind is Kind.TEXT \
                and not ln.terminal and not any(ch in ln.text for ch in "，,、。：:") \
                and not ln.text[-1].isdigit() \
                and ln.width <= TITLE_LAST_LINE * max(x.width for x in body):
            size += 1  # …and a longer last line of the title, still short of a full one
            # (not a line ending on a digit, 12月6日至12月20 / 日，…: a number the column
            # broke, which counts narrow for its half-width digits)
        return size

    def _short_head(self, ln: Line, body: list[Line]) -> bool:
        """A headline line well short of the text's width under it."""
        return ln.kind is Kind.TEXT and not ln.terminal \
            and ln.width <= SHORT_TITLE_LINE * max(x.width for x in body[:MEASURE_LINES]) \
            and head_line(ln, float("inf"), self.column)

    def _stranded(self, ln: Line, body: list[Line]) -> bool:
        """A short unpunctuated line over full lines of the column: no paragraph of
        hard-wrapped text starts short and goes on (多地启动春季农资 / 打假专项行动 /
        春耕备耕全面展开，…), so it ends the headline above it. A table's header row
        (日期 地点 岗位数) is set off by its spaces."""
        full = max(x.width for x in body[:3])
        return not any(ch in ln.text for ch in "，,、：: ") and not body[0].row \
            and body[0].width >= SHORT_OF_COLUMN * full and len(body) >= 2

    def _bare_lines_over_lead(self, run: list[Line]) -> bool:
        """A few lines with no punctuation at all, standing alone right over a lead
        (市区新增12处“口袋公园” / 市民家门口多了休闲好去处 / 本报讯…): its headline, however
        wide the column (no text runs three lines without a mark, or ends so before a lead).
        The last may ask (读者来信 / 村口的路灯啥时候能亮？ / 编辑同志：)."""
        prev = self.out[-1] if self.out else None
        if self.markdown or len(run) > 3 or (
                isinstance(prev, Para) and prev.open and not self._table_noted()):
            return False
        return all(ln.kind is Kind.TEXT and not ln.row and len(ln.text) <= MAX_HEAD_CHARS
                   and not unbalanced(ln.text) and unpunctuated(ln, ln is run[-1]) for ln in run)

    def _table_noted(self) -> bool:
        """Does a table's note end what is above (rows / 单位：亩)? It closes the table:
        bare lines over a lead after it are that story's headline, not the note's text."""
        if len(self.out) < 2:
            return False
        note, rows = self.out[-1], self.out[-2]
        return isinstance(note, Para) and len(note.lines) == 1 \
            and SOURCE_NOTE_RE.match(note.lines[0].text) is not None \
            and isinstance(rows, Para) and rows.lines[-1].row

    def _continues_open_para(self, run: list[Line]) -> bool:
        """A lone full-width line right after an open paragraph is its continuation."""
        prev = self.out[-1] if self.out else None
        if not (isinstance(prev, Para) and prev.open) or len(run) > 1:
            return False
        return run[0].width >= 0.8 * column_width(prev.widest, len(prev.lines), self.column)

    def _add_markdown_heading(self, ln: Line) -> None:
        """'# title' opens a group; a plain short line just before it is its kicker."""
        level = 1 if ln.kind is Kind.HEADING else 2
        prev = self.out[-1] if self.out else None
        if level == 1 and isinstance(prev, Head) and prev.markdown_level == 2 \
                and len(prev.blocks) == 1 and not is_box_label(prev.text):
            prev.blocks.append([ln])  # "### 一线见闻" or "**…**" right above: the kicker
            prev.markdown_level, prev.title_block = 1, 1
            return
        if level == 2 and isinstance(prev, Head) and prev.markdown_level == 2 \
                and len(prev.blocks) == 1 and prev.blocks[0][-1].no == ln.no - 1 \
                and not (len(prev.blocks[0]) == 1 and is_box_label(prev.text)):
            prev.blocks[0].append(ln)  # **麦田上空** / **纸鸢飞**: one title over two lines
            return  # (not ## 要闻简报 / **…**: a box's name over its first item's title)
        if level == 1 and isinstance(prev, Head) and prev.markdown_level == 1 \
                and prev.title_block == len(prev.blocks) - 1 \
                and prev.blocks[-1][-1].no == ln.no - 1 \
                and prev.blocks[-1][-1].kind is Kind.HEADING:
            prev.blocks[-1].append(ln)  # # 春城医保业务 / # 5项可“跨省通办”: one title wrapped
            return
        if level == 2 and isinstance(prev, Head) and prev.markdown_level == 1 \
                and prev.title_block in (-1, len(prev.blocks) - 1):
            prev.title_block = len(prev.blocks) - 1
            prev.blocks.append([ln])  # "## …" right under "# title": its subtitle
            return
        if level == 1 and isinstance(prev, Para) and len(prev.lines) == 1 and not prev.lead:
            text = prev.lines[0].text
            if len(text) <= MAX_HEAD_CHARS and not ends_sentence(text) \
                    and not CUT_CLAUSE_RE.search(text) and not SIGN_OFF_DATE_RE.match(text):
                # a kicker line; not the date that signs off a notice above it
                self.out[-1] = Head([prev.lines, [ln]], markdown_level=1)
                return
        if level == 1 and isinstance(prev, Head) and prev.markdown_level == 0:
            prev.blocks.append([ln])
            prev.markdown_level = 1
        else:
            self.out.append(Head([[ln]], markdown_level=level))

    def _add_head(self, lines: list[Line]) -> None:
        """Consecutive headline chunks (kicker, blank, title) form one group."""
        prev = self.out[-1] if self.out else None
        if isinstance(prev, Head) and prev.markdown_level == 0 and len(prev.blocks) < 3:
            prev.blocks.append(lines)
        else:
            self.out.append(Head([lines]))
