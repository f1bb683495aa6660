"""Decide for the whole page which article each headline group belongs to.

A headline group between two bodies can close the article above it (column dumps print
an article's headline after its body), open the article below it (Markdown-like dumps,
briefs), be an in-body subhead, or both close one and open the next (two groups printed
together). Decided one at a time, one wrong call shifts every headline after it. Here
every group's choices are scored together and the best labelling of the page is chosen
by dynamic programming (Viterbi over the groups): an article left without a headline, a
headline left without an article, an article given two headlines and a page that changes
orientation all cost something, so the page ends, where the answer is plain, settle the
doubtful middle.

The same pass gives every decision a margin: how much worse the best labelling of the
page is that decides this group otherwise. A small margin is a doubt worth an editor's
minute; `segment` turns margins into each article's confidence.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from generator.ingest.blocks import (
    Block,
    Head,
    Marker,
    Para,
    join_block,
    next_block,
    prose_after_table,
    strong_head,
)
from generator.ingest.lines import (
    BOX_LABEL_RE,
    BULLETS,
    KICKER_PHRASE_RE,
    NOTICE_TITLE_RE,
    NUMBERED_ITEM_RE,
    PHOTO_LABEL_RE,
    POSTED_AT_RE,
    SIGN_OFF_DATE_RE,
    WEB_META_RE,
    Kind,
    bare_lead,
    is_kicker,
    is_signer,
    page_buttons,
)

OPEN, CLOSE, SUB, SPLIT = "open", "close", "sub", "split"
ACTIONS = (OPEN, CLOSE, SUB, SPLIT)

# Costs of the page's labelling, in the units of a log-likelihood: set by hand, then
# tuned by coordinate search and small grids on the simulator's training seeds
# (tests/pagesim), never below what the hand-made regression pages score.
WEIGHTS: dict[str, float] = {
    "untitled_news": 3.75,  # a body of some length with no headline at all
    "untitled_lead": 5.75,  # …that starts 本报讯 / 新华社…电: a story, which has a headline
    "untitled_short": 1.0,  # a short fragment
    "untitled_cont": 1.5,  # a continuation （上接…） may repeat no headline
    "untitled_photo": 0.95,  # a caption usually has none
    "untitled_brief": 0.6,  # a brief signed （王星星） or a ● item
    "double": 5.0,  # one body between two headlines that both claim it
    "double_label": 0.3,  # …when the one above is a short label (市林业工作站篇): a kicker
    "empty_open": 0.75,  # a headline that opens nothing (last thing on the page)
    "stack": 3.3,  # two groups in a row read as kicker + title
    "switch": 1.0,  # the page changes between headline-above and headline-below
    "sub": 1.0,  # a subhead splits nothing: the prior against it
    "sub_strong": 3.0,  # …when the group reads as a full headline
    "sub_weak": -0.8,  # …when it is a short phrase or a pair of phrases
    "sub_continues": -2.5,  # the text after the group finishes the sentence before it
    "sub_photo": 2.5,  # a subhead over a credited caption: rather the photo's own title
    "sub_measure": 2.0,  # the text under it is set to another column width
    "open_continues": 2.5,  # a new article would start mid-sentence
    "open_table": -1.5,  # table rows right under the group: the table's own headline
    "sub_flush": 3.0,  # a group set flush on a page whose paragraphs are indented
    "sub_indented": -2.0,  # …and one indented there as its paragraphs are: a subhead
    "sub_table": 4.0,  # …not a subhead of the text above, even in bold
    "sub_under_table": 2.0,  # …nor of a table's rows above it: the next story's headline
    "close_open_end": 0.8,  # a body that ends mid-sentence is closed by a headline
    "split": 1.0,  # one group read as two headlines, of the articles above and below
    "split_three": -3.0,  # three printed blocks: kicker and title of one, title of the next
    "close_closed": 1.0,  # a headline after a signed piece
    "close_photo": 1.0,  # …after a credited photo: its title is printed above it, as a rule
    # …after a titled story whose last paragraph, credited, is a photo's caption of its own:
    # the photo's title printed under its credit, not a second headline of the story
    "close_caption": 0.0,
    # …and leaving that other story, signed after a credited lead, without a headline
    "untitled_resigned": 2.0,
    "close_plain_next": 1.5,  # the text after the group then starts an article bare
    # …but a title set in fake bold or spaced out right under a photo's credit is the
    # photo's own (旧旧物物换换新新主主 under …(本报记者 X 摄))
    "photo_title_under": -3.0,
    "split_kicker": 2.0,  # the first part is a unit name: a kicker, not a headline
    "split_photo": -2.5,  # the text after the group is a photo caption with its credit
    # …or its first part is set right under a photo's credit, a blank line after it: the
    # photo's title (…记者 X 摄 / 芦湾樱花开 / (blank) / the next story's headline)
    "split_photo_title": -2.0,
    "md_open": -6.0,  # "# title" opens its article
    "md_sub": -4.0,  # "## title" inside a body is a subhead
    "bullet_open": -4.0,  # "● title" opens the brief under it
    "echo": 5.0,  # the group's words recur in the text it belongs to
    # Set against the text on one side, apart from the other: it is that side's. Set by
    # the blind sets (the simulator prints blank lines on both sides of every group).
    "glue": 2.0,
    # A web article's data line (its time and source) right under the group: the group is
    # that article's title, never the headline of the text above or a subhead.
    "dated": 3.0,
    "local": 1.5,  # the local rules decided the same, from the group and its neighbours
    # A rule (---) right under the group: nothing of its own follows it, so it closes the
    # text above (**李花节带旺乡村游** / --- under a continuation), never opens or heads a part.
    "ruled": 3.0,
}
BARE_LEAD = 4  # characters: 本报讯 alone, its credit on the byline line under it
TEXT_SAMPLE = 300  # characters of a unit compared with a headline
SHORT_UNIT = 40  # characters: a body this short may be a fragment, not a story
WEAK_HEAD = 8  # characters: a group this short reads as a subhead phrase
CAPTION_MAX = 160  # characters: a photo caption is a paragraph at most this long
BANNER_NAME = 8  # characters: the longest section name printed under a pinyin banner


@dataclass
class Unit:
    """A stretch of body between hard boundaries: one article's text, or part of one."""

    chars: int = 0
    text: str = ""  # its first TEXT_SAMPLE characters: what its headline would echo
    lead: bool = False  # starts with 本报讯 / 新华社…电 / a bullet
    bare: bool = False  # …a news mark without its credit (本报讯 3月1日，…)
    cont: bool = False  # starts right after （上接第X版）
    closed: bool = False  # ends with a photo credit or a signature
    photo: bool = False
    brief: bool = False
    paras: int = 0
    last_chars: int = 0  # characters of its last paragraph
    broken: bool = False  # a paragraph after its first was printed after a blank line
    resigned: bool = False  # its lead names the reporters, and a signature ends it too
    jumped: bool = False  # ends with （下转第X版）: its text goes on elsewhere, not here
    table: bool = False  # starts with table rows: a table's headline is printed above it
    first_measured: Para | None = None  # its first paragraph long enough to show its width
    last_measured: Para | None = None  # …and its last one


@dataclass
class Gap:
    """The blocks between two headline groups, cut into units."""

    units: list[Unit] = field(default_factory=list)
    hard_start: bool = False  # the first unit cannot continue the text before the group
    first_plain: bool = False  # the gap starts with a plain (non-lead) paragraph
    ends_open: bool = False  # its last paragraph stops mid-sentence


@dataclass
class Choice:
    """The decision for one headline group, with its margin over the best alternative."""

    action: str
    margin: float
    alternative: str | None

    @property
    def confidence(self) -> float:
        """The margin as a probability-like figure: 0.5 for a tie, 0.68 for a margin
        of 1.5 (the local rules' vote alone), near 1 where the page leaves no other
        reading."""
        return 1.0 / (1.0 + math.exp(-self.margin / 2))


def gaps_and_heads(blocks: list[Block]) -> tuple[list[Gap], list[int]]:
    """The page as gap, group, gap, group, …, gap (one more gap than groups)."""
    gaps = [Gap()]
    heads: list[int] = []
    unit: Unit | None = None
    pending_cont = False
    signer = False  # the last paragraph could be a notice's signer
    items = False  # under a brief column's name: numbered paragraphs are briefs
    for i, b in enumerate(blocks):
        gap = gaps[-1]
        if isinstance(b, Head) and is_banner_name(blocks, i):
            continue  # page furniture: no article's headline
        if isinstance(b, Head) and is_column_label(blocks, i):
            items = True
            if unit is not None and unit.chars:
                unit.closed = True  # a column starts: the text above is finished
                gap.ends_open = False
            continue
        if isinstance(b, Head):
            items = False
            heads.append(i)
            gaps.append(Gap())
            unit, pending_cont = None, False
            continue
        if isinstance(b, Para):
            hard = b.lead or pending_cont
            numbered = items and NUMBERED_ITEM_RE.match(b.lines[0].text) is not None
            if unit is None or unit.closed or unit.jumped or (hard and unit.chars) or numbered \
                    or prose_after_table(blocks, i):
                if not gap.units and not gap.first_plain:
                    gap.hard_start = gap.hard_start or hard
                    gap.first_plain = not hard
                unit = Unit(lead=b.lead, bare=b.lead and bare_lead(b.text), cont=pending_cont,
                            brief=numbered or (b.lead and b.lines[0].text[:1] in BULLETS + "【"),
                            table=b.lines[0].row)
                gap.units.append(unit)
                pending_cont = False
            joined = "".join([ln.text for ln in b.lines])
            if unit.paras and blank_before(blocks, i):
                unit.broken = True
            unit.chars += len(joined)
            if len(unit.text) < TEXT_SAMPLE:
                unit.text += joined[:TEXT_SAMPLE]
            unit.paras += 1
            unit.last_chars = len(joined)
            if len(b.lines) > MEASURED_LINES:
                unit.first_measured = unit.first_measured or b
                unit.last_measured = b
            gap.ends_open = b.open
            if unit.paras > 2 and SIGN_OFF_DATE_RE.match(b.lines[-1].text) and signer:
                unit.closed = True  # a notice's date under its signer ends the notice
                gap.ends_open = False
            signer = is_signer(b.text)
            continue
        kind = b.kind
        if kind is Kind.CONT_ON and unit is not None:
            unit.jumped = True
            gap.ends_open = False
        elif kind is Kind.NOISE and (b.line.reason == "rule" or page_buttons(b.line)) \
                and unit is not None:
            unit.closed = True  # --- between the items of a web page: the text above ends
            gap.ends_open = False
        elif kind is Kind.NOISE and not gap.units and b.line.reason in HEADER_REASONS:
            gap.hard_start = True  # title / 2026年03月12日惠州日报A02 / 字号:T|T / text
        elif kind is Kind.CONT_FROM:
            pending_cont = True
            if not gap.units:
                gap.hard_start = True
        elif kind is Kind.CREDIT and not gap.units and blank_before(blocks, i):
            gap.hard_start = True  # (blank) / 侯 凯 摄 / caption: the text under it is a photo's
        elif kind in (Kind.CREDIT, Kind.SIGNATURE) and unit is not None and not unit.closed:
            unit.closed = True
            unit.photo = kind is Kind.CREDIT
            unit.resigned = kind is Kind.SIGNATURE and unit.lead and not unit.bare \
                and unit.broken and not unit.brief
            # Signed: a brief when it is one paragraph; a longer piece signed at its end
            # (an essay, a feature) is an article that wants a headline.
            unit.brief = unit.brief or (kind is Kind.SIGNATURE and unit.paras <= 1)
            gap.ends_open = False
        elif kind is Kind.BYLINE:
            if unit is not None and unit.chars and not unit.closed \
                    and (not unit.lead or unit.bare) and next_is_head(blocks, i):
                unit.closed = True  # 正文 / 记者 X / 标题: the credit ends the text above
                gap.ends_open = False
            elif unit is not None and unit.chars and not (unit.lead and unit.chars <= BARE_LEAD):
                unit = None  # a byline after text starts the next article
                pending_cont = False
            elif not gap.units:
                gap.hard_start = True  # under a group: the group's article's byline
        elif kind in (Kind.LEAD, Kind.TEXT):  # a lone line kept as a marker
            unit = unit if unit and not unit.closed else Unit(lead=kind is Kind.LEAD)
            if not gap.units or gap.units[-1] is not unit:
                gap.units.append(unit)
            unit.chars += len(b.line.text)
    return gaps, heads


# Furniture a web edition prints between an article's title and its text (its date and
# paper, its type-size buttons); none stands under a subhead inside a text.
HEADER_REASONS = frozenset({"page header", "masthead", "index of other pages"})
MEASURED_LINES = 2  # a paragraph's column width is read off this many lines at least
MEASURE_STEP = 1.5  # cells: columns this much apart are set to different widths


def para_measure(para: Para) -> float:
    """The column width a paragraph was wrapped at: the middle width of its lines before
    the last (which stops where the text does). 0 when too few lines tell."""
    widths = sorted(ln.width for ln in para.lines[:-1])
    return widths[len(widths) // 2] if len(widths) >= MEASURED_LINES else 0.0


def measure_break(above: Unit | None, below: Unit | None) -> bool:
    """The text under a group is set to another width than the text above it: it starts
    another article (an article's body keeps its measure; a subhead does not change it)."""
    if not (above and below and above.last_measured and below.first_measured):
        return False
    return abs(para_measure(above.last_measured)
               - para_measure(below.first_measured)) >= MEASURE_STEP


def next_is_head(blocks: list[Block], i: int) -> bool:
    """Is the block after i, looking past layout noise, a headline group?"""
    j = next_block(blocks, i)
    return j is not None and isinstance(blocks[j], Head)


def is_banner_name(blocks: list[Block], i: int) -> bool:
    """'经济' under 'MINSHENG JINGJI': the page's section name, not a headline."""
    prev = blocks[i - 1] if i else None
    return (isinstance(prev, Marker) and prev.line.reason == "section banner"
            and len(blocks[i].text) <= BANNER_NAME and not KICKER_PHRASE_RE.match(blocks[i].text))


# A brief column's name (本地简讯), or a series' part label (市林业工作站篇).
COLUMN_LABEL_RE = re.compile(
    BOX_LABEL_RE.pattern
    + r"|^[\u4e00-\u9fff（）()、]{1,8}(?:站|局|所|院|校|办|委|部|队|中心|乡|镇|街道|社区|村|县|区)"
    r"[（）()、\u4e00-\u9fff]{0,6}篇$")  # 市林业工作站篇, 清廉建设乡(镇、街道)篇; not 谱写新篇


def is_column_label(blocks: list[Block], i: int) -> bool:
    """'简明信息' right above ● briefs, or a brief column's name (本地简讯, 新闻速览):
    the column's name, not a headline."""
    head = blocks[i]
    if isinstance(head, Head) and len(head.blocks) == 1 and len(head.blocks[0]) == 1 \
            and COLUMN_LABEL_RE.match(head.blocks[0][0].text):
        # …but '图片新闻' right over a web page's data line is the one picture's title there
        return not (PHOTO_LABEL_RE.match(head.blocks[0][0].text) and dated(blocks, i))
    if len(head.blocks) > 1 or len(head.blocks[0]) > 1 or head_chars(head) > LABEL_MAX:
        return False  # a headline group of its own, not a column's name
    j = next_block(blocks, i)
    b = blocks[j] if j is not None else None
    if not (isinstance(b, Para) and b.lead and b.lines[0].text[:1] in BULLETS):
        return False
    if i and isinstance(blocks[i - 1], Para) and not blank_before(blocks, i) \
            and blank_before(blocks, j):
        return False  # set right under a text and apart from the items: that text's title
    item = blocks[i - 2] if i > 1 else None
    if isinstance(item, Para) and item.lead and item.lines[0].text[:1] in BULLETS \
            and isinstance(blocks[i - 1], Marker) and blocks[i - 1].kind is Kind.SIGNATURE \
            and not blank_before(blocks, i) and not blank_before(blocks, j):
        return False  # ▲…测血糖。（毛军） / 银滩社区开展义诊 / ▲…: set tight between two items,
        # under one's writer, it is a title (whose, the plan decides), not a column's name
    # …but right over one ▲ caption and its credit (山歌唱响校园 / ▲3月13日，… / X 摄) it is
    # that picture's title.
    k = next_block(blocks, j)
    return k is None or b.lines[0].no != head.line + 1 \
        or not (isinstance(blocks[k], Marker) and blocks[k].kind is Kind.CREDIT)


LABEL_MAX = 10  # characters: a column's name over its bulleted items is no longer


def own_caption(unit: Unit) -> bool:
    """Does the unit end with a short credited paragraph after the text of a story: a
    photo's caption, which the assembler gives an article of its own?"""
    return unit.photo and unit.paras >= 2 and unit.last_chars <= CAPTION_MAX


def untitled_cost(unit: Unit, w: dict[str, float]) -> float:
    """What leaving this unit without a headline costs."""
    if unit.photo:
        return w["untitled_photo"]
    if unit.brief:
        return w["untitled_brief"]
    if unit.cont:
        return w["untitled_cont"]
    if unit.lead:
        return w["untitled_lead"]
    return w["untitled_news"] if unit.chars >= SHORT_UNIT else w["untitled_short"]


CJK_RUN_RE = re.compile(r"[\u4e00-\u9fff]{2,}")


def bigrams(text: str) -> frozenset[str]:
    """Pairs of adjacent Chinese characters: words, roughly, without a dictionary."""
    return frozenset(run[i:i + 2] for run in CJK_RUN_RE.findall(text)
                     for i in range(len(run) - 1))


ECHO_PAIRS = 6  # a headline with fewer character pairs says less about where it belongs


def echo(headline: frozenset[str], text: str) -> float:
    """Share of the headline's character pairs (bigrams) that the text repeats (0 to 1),
    damped for very short headlines (笃行——), whose one or two pairs prove little."""
    if not headline or not text:
        return 0.0
    return len([pair for pair in headline if pair in text]) / max(len(headline), ECHO_PAIRS)


def first_no(block: Block) -> int:
    """The page line a block starts on."""
    if isinstance(block, Para):
        return block.lines[0].no
    return block.line if isinstance(block, Head) else block.line.no


def last_no(block: Block) -> int:
    """The page line a block ends on."""
    if isinstance(block, Para):
        return block.lines[-1].no
    return block.blocks[-1][-1].no if isinstance(block, Head) else block.line.no


def blank_before(blocks: list[Block], i: int) -> bool:
    """Is a blank line printed between block i and the block before it (False for the
    page's first block)?"""
    return i > 0 and last_no(blocks[i - 1]) < first_no(blocks[i]) - 1


HEAD_TAIL = (Kind.BYLINE, Kind.CREDIT, Kind.SUBTITLE)  # lines a group may carry under it


def ruled_below(blocks: list[Block], i: int) -> bool:
    """Does a rule (---) stand right under group i, its credit lines aside?"""
    j = i + 1
    while j < len(blocks) and isinstance(blocks[j], Marker) and blocks[j].kind in HEAD_TAIL:
        j += 1
    b = blocks[j] if j < len(blocks) else None
    return isinstance(b, Marker) and b.kind is Kind.NOISE and b.line.reason == "rule"


def dated(blocks: list[Block], i: int) -> bool:
    """Is group i set right over a web article's data line (2026-03-17 09:05 来源：某某日报)?"""
    b = blocks[i + 1] if i + 1 < len(blocks) else None
    return isinstance(b, Marker) and b.kind is Kind.NOISE and b.line.reason == "page header" \
        and (POSTED_AT_RE.search(b.line.text) is not None
             or WEB_META_RE.search(b.line.text) is not None)


def glued(blocks: list[Block], i: int) -> tuple[bool, bool]:
    """Is headline group i printed against the text above it, and against the text below
    it (its subtitle and credit lines taken along), with no blank line between? A column
    dump leaves a blank line where one article ends: a group set against the body above
    and apart from the text below closes that body, and the other way round."""
    head = blocks[i]
    prev = blocks[i - 1] if i else None
    above = prev is not None and not isinstance(prev, Head) and not (
        isinstance(prev, Marker) and prev.kind is Kind.NOISE) \
        and last_no(prev) == first_no(head) - 1
    end, j = last_no(head), i + 1
    while j < len(blocks) and isinstance(blocks[j], Marker) and blocks[j].kind in HEAD_TAIL \
            and blocks[j].line.no == end + 1:
        end, j = blocks[j].line.no, j + 1
    below = j < len(blocks) and (isinstance(blocks[j], Para) or (
        isinstance(blocks[j], Marker) and blocks[j].kind in (Kind.LEAD, Kind.TEXT, Kind.BYLINE))) \
        and first_no(blocks[j]) == end + 1
    return above, below


INDENTED_SHARE = 0.8  # of the lines of a page's text: it indents every one, as a web page does
INDENTED_MIN = 4  # lines: fewer tell nothing
SUBHEAD_CHARS = 16  # characters: an unfinished line this short amid the text, a subhead


def indents_paragraphs(blocks: list[Block]) -> bool:
    """Does the page print each line of its text after a full-width indent, as a web page
    does, and the subheads among them too? Then a group set flush is no subhead. (A
    column indents a paragraph's first line only; some web pages set subheads flush.)"""
    lines = [ln for b in blocks if isinstance(b, Para) for ln in b.lines]
    heads = [ln for b in blocks if isinstance(b, Head) for block in b.blocks for ln in block]
    return len(lines) >= INDENTED_MIN \
        and sum(ln.indented for ln in lines) >= INDENTED_SHARE * len(lines) \
        and any(ln.indented and not ln.terminal and len(ln.text) <= SUBHEAD_CHARS
                for ln in lines + heads)  # …and it indents its subheads too (　　退出来的塘口)


def head_chars(head: Head) -> int:
    return sum(len(ln.text) for block in head.blocks for ln in block)


class Planner:
    """Viterbi over the page's headline groups."""

    def __init__(self, blocks: list[Block], votes: dict[int, str] | None = None,
                 weights: dict[str, float] | None = None):
        self.blocks = blocks
        self.votes = votes or {}
        self.w = weights or WEIGHTS
        self._fixed: dict[int, tuple[float, dict[str, float]]] = {}
        self.gaps, self.heads = gaps_and_heads(blocks)
        self.dated = [dated(blocks, i) for i in self.heads]  # titles over their data line
        self.ruled = [ruled_below(blocks, i) for i in self.heads]  # …and over a rule
        self.indenting = indents_paragraphs(blocks)

    # States between groups: (titled, orient, pending). Is the article the gap's last unit
    # belongs to titled yet (None: no unit to title)? Which way did the last headline that
    # had a choice point (OPEN, CLOSE or None)? What would leaving that article without a
    # headline cost?
    def transitions(self, k: int, state: tuple) -> list[tuple[str, float, tuple]]:
        """Every action for group k from a state, with its cost and the next state."""
        titled, orient, pending = state
        before = self.gaps[k]
        last = before.units[-1] if before.units else None
        # A unit closed by its signature may still take a headline printed after it
        # (column dumps), unless one was printed above it; a credited photo may not,
        # unless its caption is a paragraph of its own under a titled story, or the text
        # after its last blank is another story, signed (a credited lead signs no more).
        caption = bool(titled) and last is not None and (own_caption(last) or last.resigned)
        can_close = last is not None and titled is not None and (
            not (last.closed and titled) or caption)
        double, fixed = self.fixed_costs(k)
        if caption:
            double = self.w["close_caption"]
        out = []
        for action, cost in fixed.items():
            if action in (CLOSE, SPLIT):
                if not can_close:
                    continue
                cost += double if titled else 0.0
            if action == OPEN and last is not None and titled is False:
                cost += pending  # the unit above is finished without a headline
            if action == OPEN and caption and last.resigned:
                cost += self.w["untitled_resigned"]  # the story signed above stays untitled
            if action == SUB and titled is None:
                continue
            # A group that could only open (nothing above it to close) says nothing about
            # which way this page prints its headlines.
            pointing = {OPEN: OPEN, CLOSE: CLOSE, SPLIT: OPEN}.get(action) if can_close else None
            if k == 0 and not before.units:
                pointing = OPEN  # the page starts with a headline: it prints them above
            if pointing and orient and pointing != orient:
                cost += self.w["switch"]
            out.append((action, cost, self.after_state(k, action, state, pointing or orient)))
        return out

    def fixed_costs(self, k: int) -> tuple[float, dict[str, float]]:
        """What group k's actions cost whatever the state (computed once per group): the
        cost of a second headline on the body above, and per possible action the rest."""
        found = self._fixed.get(k)
        if found is not None:
            return found
        before, after = self.gaps[k], self.gaps[k + 1]
        head: Head = self.blocks[self.heads[k]]
        w = self.w
        last = before.units[-1] if before.units else None
        first = after.units[0] if after.units else None
        continues = before.ends_open and after.first_plain and not after.hard_start
        above = self.blocks[self.heads[k - 1]] if k else None
        label = isinstance(above, Head) and head_chars(above) <= WEAK_HEAD
        double = w["double_label"] if label else w["double"]
        costs: dict[str, float] = {}
        sides = glued(self.blocks, self.heads[k])
        echoes = self.echo_costs(head, last, first)
        for action in ACTIONS:
            cost = 0.0
            if action in (CLOSE, SPLIT):
                if last is None:
                    continue
                cost += w["close_open_end"] if before.ends_open else 0.0
                cost += w["close_closed"] if last.closed else 0.0
                cost += w["close_photo"] if last.photo else 0.0
                if last.photo and sides[0] and all(ln.emphasized for ln in head.blocks[0]):
                    cost += w["photo_title_under"]
            if action == CLOSE and first is not None and not after.hard_start \
                    and not (first.closed and len(after.units) == 1):
                cost += w["close_plain_next"]
            if action == SPLIT:
                if len(head.blocks) < 2:
                    continue
                cost += w["split"] + (w["split_three"] if len(head.blocks) >= 3 else 0.0)
                if first is not None and first.photo:
                    cost += w["split_photo"]  # a photo's own short title under the group
                if is_kicker(join_block(head.blocks[0])):
                    cost += w["split_kicker"]
                if last.photo and sides[0] \
                        and head.blocks[1][0].no > head.blocks[0][-1].no + 1:
                    cost += w["split_photo_title"]  # 芦湾樱花开 right under the credit
            if action in (OPEN, SPLIT):
                if first is None:
                    nxt = self.heads[k] + 1 < len(self.blocks) and k + 1 < len(self.heads) \
                        and self.heads[k + 1] == self.next_non_marker(self.heads[k])
                    cost += w["stack"] if nxt else w["empty_open"]
                elif continues:
                    cost += w["open_continues"]
                elif first.table:
                    cost += w["open_table"]
                if head.markdown_level == 1:
                    cost += w["md_open"]
                if head.bulleted:
                    cost += w["bullet_open"]
            if action == SUB:
                if last is None or last.closed or last.jumped or first is None \
                        or after.hard_start or NOTICE_TITLE_RE.search(head.text):
                    continue
                strong = strong_head(head)
                cost += w["sub"] + (w["sub_strong"] if strong else 0.0)
                lines = sum(len(b) for b in head.blocks)
                cost += w["sub_weak"] if head_chars(head) <= WEAK_HEAD or (
                    lines >= 2 and not strong) else 0.0
                cost += w["sub_continues"] if continues else 0.0
                cost += w["sub_photo"] if first.photo else 0.0
                cost += w["sub_measure"] if measure_break(last, first) else 0.0
                cost += w["sub_table"] if first.table else 0.0
                cost += w["sub_under_table"] if last.table else 0.0
                cost += w["md_sub"] if head.markdown_level == 2 else 0.0
                if self.indenting:
                    set_in = [ln.indented for block in head.blocks for ln in block]
                    cost += w["sub_flush"] if not any(set_in) else 0.0
                    cost += w["sub_indented"] if all(set_in) else 0.0
            if action == CLOSE and head.markdown_level == 1:
                cost -= w["md_open"] / 2  # "# title" closes nothing, as a rule
            if self.dated[k] and action in (CLOSE, SUB):
                cost += w["dated"]
            if self.ruled[k] and action in (OPEN, SUB):
                cost += w["ruled"]
            cost += echoes.get(action, 0.0)
            cost += self.glue_cost(action, sides, len(head.blocks))
            if self.votes.get(self.heads[k]) == action:
                cost -= w["local"]
            costs[action] = cost
        self._fixed[k] = (double, costs)
        return double, costs

    def glue_cost(self, action: str, sides: tuple[bool, bool], parts: int) -> float:
        """Against the side the group is set against, for the side a blank line parts
        (sides: glued() of the group). A group of parts a blank apart, set against the
        text on both sides, is two headlines: each part goes with the text it touches."""
        above, below = sides
        if above and not below and action in (OPEN, SUB):
            return self.w["glue"]  # (a subhead is set against its paragraph below, if any)
        if below and not above and action == CLOSE:
            return self.w["glue"]
        if above and below and parts >= 2 and action in (OPEN, CLOSE):
            return self.w["glue"]
        return 0.0

    def echo_costs(self, head: Head, last: Unit | None, first: Unit | None) -> dict[str, float]:
        """A headline echoes its own article's words (its lead, above all): reward the
        side whose text shares more of the group's character pairs. Per action, each
        echo measured once per group."""
        w = self.w["echo"]
        if not w:
            return {}
        above = last.text if last else ""
        below = first.text if first else ""
        whole = bigrams(head.text)
        lean = echo(whole, above) - echo(whole, below)  # > 0: the text above echoes it more
        costs = {CLOSE: -w * lean, OPEN: w * lean}
        if len(head.blocks) >= 2:
            top, bottom = bigrams(Head(head.blocks[:-1]).text), bigrams(join_block(head.blocks[-1]))
            costs[SPLIT] = -w * (echo(top, above) - echo(top, below)
                                 + echo(bottom, below) - echo(bottom, above)) / 2
        return costs

    def next_non_marker(self, i: int) -> int | None:
        for j in range(i + 1, len(self.blocks)):
            b = self.blocks[j]
            if not isinstance(b, Marker):
                return j
        return None

    def after_state(self, k: int, action: str, state: tuple, orient: str | None) -> tuple:
        """The state after group k: whether the article the gap's last unit belongs to has
        a headline yet, and what leaving it without one costs (a subhead carries the
        article above on: its first unit decides)."""
        titled, _, pending = state
        after = self.gaps[k + 1]
        if not after.units:
            return (None, orient, 0.0)
        if action in (OPEN, SPLIT) and self.dated[k]:
            return (True, orient, 0.0)  # a web article's title: all up to the next is its own
        if len(after.units) > 1:
            return (False, orient, untitled_cost(after.units[-1], self.w))
        if action == SUB:
            return (bool(titled), orient, pending)
        first_titled = action in (OPEN, SPLIT)
        pending = 0.0 if first_titled else untitled_cost(after.units[0], self.w)
        return (first_titled, orient, pending)

    def inner_cost(self, k: int, action: str, state: tuple) -> float:
        """Units inside gap k+1 that no group can reach: the first (when more follow) is
        finished by the group's own choice, the middle ones stay untitled."""
        after = self.gaps[k + 1]
        if len(after.units) < 2:
            return 0.0
        titled, _, pending = state
        first_titled = action in (OPEN, SPLIT) or (action == SUB and bool(titled))
        if first_titled:
            return 0.0
        return pending if action == SUB else untitled_cost(after.units[0], self.w)

    def initial(self) -> tuple[tuple, float]:
        gap = self.gaps[0]
        if not gap.units:
            return (None, None, 0.0), 0.0
        fixed = sum(untitled_cost(u, self.w) for u in gap.units[:-1])
        return (False, None, untitled_cost(gap.units[-1], self.w)), fixed

    def final_cost(self, state: tuple) -> float:
        titled, _, pending = state
        return pending if titled is False else 0.0

    def solve(self) -> dict[int, Choice]:
        """The best action for every group (keyed by block index), with margins."""
        n = len(self.heads)
        if not n:
            return {}
        start, fixed = self.initial()
        forward: list[dict[tuple, float]] = [{start: fixed}]
        steps: list[list[tuple[tuple, str, float, tuple]]] = []
        for k in range(n):
            nxt: dict[tuple, float] = {}
            edges = []
            for state, score in forward[k].items():
                for action, cost, new in self.transitions(k, state):
                    cost += self.inner_cost(k, action, state)
                    edges.append((state, action, cost, new))
                    total = score + cost
                    if total < nxt.get(new, math.inf):
                        nxt[new] = total
            forward.append(nxt)
            steps.append(edges)
        backward: list[dict[tuple, float]] = [dict() for _ in range(n + 1)]
        backward[n] = {s: self.final_cost(s) for s in forward[n]}
        for k in range(n - 1, -1, -1):
            for state, _action, cost, new in steps[k]:
                total = cost + backward[k + 1].get(new, math.inf)
                if total < backward[k].get(state, math.inf):
                    backward[k][state] = total
        choices = {}
        for k in range(n):
            best: dict[str, float] = {}
            for state, action, cost, new in steps[k]:
                total = forward[k][state] + cost + backward[k + 1].get(new, math.inf)
                best[action] = min(best.get(action, math.inf), total)
            ranked = sorted(best.items(), key=lambda kv: kv[1])
            action, score = ranked[0]
            alt, alt_score = ranked[1] if len(ranked) > 1 else (None, math.inf)
            choices[self.heads[k]] = Choice(action, min(alt_score - score, 10.0), alt)
        return self.consistent(choices, forward, steps, backward)

    def consistent(self, choices: dict[int, Choice], forward, steps, backward) -> dict[int, Choice]:
        """Max-marginals of tied paths can disagree; read the actions off one best path."""
        n = len(self.heads)
        state = min(forward[0], key=lambda s: forward[0][s] + backward[0].get(s, math.inf))
        for k in range(n):
            options = [(cost + backward[k + 1].get(new, math.inf), action, new)
                       for st, action, cost, new in steps[k] if st == state]
            _, action, state = min(options, key=lambda o: (o[0], ACTIONS.index(o[1])))
            choice = choices[self.heads[k]]
            if choice.action != action:
                choices[self.heads[k]] = Choice(action, 0.0, choice.action)
        return choices


def plan(blocks: list[Block], votes: dict[int, str] | None = None,
         weights: dict[str, float] | None = None) -> dict[int, Choice]:
    """The page's headline decisions: block index of each group → Choice. `votes` are
    the local rules' decisions (segment.Assembler.follow_rules), one feature among the
    others."""
    return Planner(blocks, votes, weights).solve()
