"""Classify the repaired lines of a page: what each line *is* before we group them.

Newspaper OCR dumps mix body text with structural lines: leads (本报讯…),
bylines, photo credits, continuation notes, sub-headlines, banners. Recognising
them line by line is cheap and makes the grouping in `segment` simple.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from generator.ingest.article import PageRef

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
NAME = rf"[{CJK}·]{{2,5}}"
ROLE = r"(?:本报|特约|见习|首席)?(?:记者|通讯员|实习生|摄影|编辑)"

# Punctuation that ends a sentence; a paragraph or a line ending with one is complete.
TERMINAL = "。！？!?…；;"
# Punctuation after which text must go on (a line ending with it is mid-sentence).
CONTINUING = "，,、：:（(《“‘—-"

CONT_RE = re.compile(
    r"[（(]\s*(上接|下转|转自|接|转)\s*第?\s*([0-9０-９一二三四五六七八九十百A-Za-z]{1,4})\s*版\s*(?:[^）)]{0,4})?[）)]"
)
# A lead may be wrapped over several narrow lines ("新华社北" / "京 2 月 20 日" / "电 …"):
# a line is a lead when it starts like one; the full pattern is matched on the paragraph.
LEAD_START_RE = re.compile(r"^(?:本报讯|据新华社|新华社|中新社|[●■◆▲★])")
LEAD_FIRST = frozenset("本据新中●■◆▲★")
ROLE_WORD_RE = re.compile(r"记者|通讯员|实习生|摄影|编辑")
LEAD_RE = re.compile(
    rf"^(?:"
    rf"(?P<benbao>本报讯\s*[（(][^）)]{{1,40}}[）)]|本报讯)"
    rf"|(?P<wire>(?:据)?(?:新华社|中新社|人民网|央视网)[{CJK}]{{0,8}}\d{{1,2}}月\d{{1,2}}日(?:电|讯)"
    rf"(?:\s*[（(][^）)]{{1,30}}[）)])?)"
    rf"|(?P<bullet>[●■◆▲★])"
    rf")"
)
BYLINE_LINE_RE = re.compile(rf"^[□■]?\s*(?:{ROLE}\s*{NAME}(?:\s+{NAME})*\s*)+$")
# "本报记者张刚刘地委通讯员孔鹏": several names glued together after the role word.
BYLINE_GLUED_RE = re.compile(rf"^[□■]?\s*(?:{ROLE}\s*[{CJK}·\s]{{2,12}}?)+$")
CREDIT_RE = re.compile(rf"^(?:{ROLE}\s*)?{NAME}(?:\s+{NAME})*\s*摄$")
CREDIT_TAIL_RE = re.compile(rf"(?<=[。！？”])\s*((?:{ROLE}\s*)?{NAME}(?:\s+{NAME})*\s*摄)$")
SIGNATURE_RE = re.compile(rf"^(?P<text>.*?)[（(](?P<name>{NAME}(?:\s+{NAME}){{0,2}})[）)]$")
SIGNATURE_LINE_RE = re.compile(rf"^[（(]{NAME}(?:\s+{NAME}){{0,2}}[）)]$")
SUBTITLE_RE = re.compile(r"^(?:——|──|--|—)\s*\S")
MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*)$")
PINYIN_BANNER_RE = re.compile(r"^[A-Z]{2,}(?:\s+[A-Z]{2,})+$")
ENUMERATED_RE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|\d{1,2}[.．、](?!\d))"
)
QR_RE = re.compile(r"二维码|扫码|扫一扫")
LABEL_RE = re.compile(rf"^[{CJK}]{{1,6}}[：:]$")
KICKER_END_RE = re.compile(r"(?:要求|强调|指出|表示|提出|时说|寄语|致辞)$")
# Unit names end in a unit word; one-character ones (局, 县, 乡 …) also end ordinary
# phrases (送戏下乡), so they count only on short names.
ORG_END_RE = re.compile(
    r"(?:公司|中心|委员会|街道|集团|银行|学校|医院|协会|法院|检察院|之家|社区|支队|大队"
    r"|办公室|供销社|合作社|报社)$"
)
SHORT_ORG_END_RE = re.compile(r"[局办委区县市镇乡院所站部厅队村社]$")
# A clause, not a unit name: "我市荣获全国城市" ends like a unit but starts like a sentence.
SENTENCE_START_RE = re.compile(r"^(?:我|本|全|今年|近日|日前)")


class Kind(Enum):
    """What one line of a page is."""

    BLANK = "blank"
    TEXT = "text"
    LEAD = "lead"  # body text that opens an article: 本报讯…, 新华社…电, ● brief
    BYLINE = "byline"  # 本报记者 X 通讯员 Y on a line of its own
    CREDIT = "credit"  # 本报记者 X 摄 — closes a photo caption
    SUBTITLE = "subtitle"  # ——访…
    CONT_FROM = "cont_from"  # （上接第一版）, possibly followed by text
    CONT_ON = "cont_on"  # （下转第二版）
    HEADING = "heading"  # Markdown "# …" from the other extractor's dumps
    SUBHEADING = "subheading"  # Markdown "## …"
    SIGNATURE = "signature"  # （王星星） — the author at the end of a brief
    NOISE = "noise"  # banners, QR captions, stray labels


@dataclass(slots=True)
class Line:
    """One repaired line with what we know about it."""

    no: int  # 1-based line number in the page file
    text: str  # repaired text
    kind: Kind
    width: float  # printed width of the raw line in character cells
    reason: str = ""  # why it is noise
    page: PageRef | None = None  # for CONT_FROM / CONT_ON
    tail: str = ""  # text after a continuation note on the same line
    row: bool = False  # a table row, set when its neighbours are rows too

    terminal: bool = field(init=False)  # does the line end a sentence?
    enumerated: bool = field(init=False)  # does it start a list item (一、 （二） 1.)?

    def __post_init__(self) -> None:
        text = self.text
        self.terminal = ends_sentence(text) if text else False
        self.enumerated = is_enumerated(text)


CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def page_ref(token: str) -> PageRef:
    """'一' → 1, '十二' → 12, '3' → 3, 'A2' → 'A2': page numbers as printed in notes."""
    token = token.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if token.isdigit():
        return int(token)
    if all(ch in CN_DIGITS or ch == "十" for ch in token):
        if "十" not in token:
            return CN_DIGITS[token[0]] if len(token) == 1 else token
        tens, _, ones = token.partition("十")
        return CN_DIGITS.get(tens, 1) * 10 + CN_DIGITS.get(ones, 0)
    return token.upper()


# What ends_sentence looks through after the last word: closing quotes and brackets, and
# spaces. _WHITESPACE is every character str.strip() removes (all lie below U+3001).
_CLOSERS = "”’」』）)】 "
_WHITESPACE = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace())
# A character that is neither of those: ends_sentence never looks further back.
_ANCHOR_RE = re.compile(f"[^{re.escape(_CLOSERS + _WHITESPACE)}]")
_TAIL = 32


def ends_sentence(text: str) -> bool:
    """True when text ends a sentence, looking through closing quotes and brackets.

    Only the end of the text is read, so the cost does not grow with a long paragraph.
    """
    if len(text) > _TAIL:
        tail = text[-_TAIL:]
        text = tail if _ANCHOR_RE.search(tail) else sentence_tail(text)
    stripped, trimmed = text.rstrip(_CLOSERS), text.rstrip()
    if not stripped or not trimmed:
        return False
    if stripped != trimmed and stripped[-1] in TERMINAL:
        return True
    return trimmed[-1] in TERMINAL


def sentence_tail(text: str) -> str:
    """A few characters that end a sentence exactly when `text` does, now and after any
    text is appended to both: ends_sentence(sentence_tail(a) + b) == ends_sentence(a + b).

    ends_sentence reads the last character that is neither a closer nor a space (the
    anchor), and after it only where the last non-closer and the last non-space are.
    """
    head = text.rstrip(_CLOSERS + _WHITESPACE)  # up to and including the anchor
    run = text[len(head) :]
    marks = {len(run.rstrip(_CLOSERS)) - 1, len(run.rstrip()) - 1} - {-1}
    return head[-1:] + "".join(run[i] for i in sorted(marks))


def display_width(text: str) -> float:
    """Width of a line in character cells: CJK and full-width count 1, ASCII ½."""
    return len(text) - 0.5 * len(text.encode("ascii", "ignore"))


def classify(no: int, text: str, markdown: bool) -> Line:
    """Decide what a single repaired line is; `markdown` marks the Markdown-like dump style.

    Width is measured on the repaired text: OCR letter-spacing only pads a line out.
    """
    if not text:
        return Line(no, text, Kind.BLANK, 0.0)
    width = display_width(text)
    first, last = text[0], text[-1]
    if markdown and first == "#":
        heading = MD_HEADING_RE.match(text)
        if heading:
            kind = Kind.HEADING if len(heading.group(1)) == 1 else Kind.SUBHEADING
            return Line(no, heading.group(2).strip(), kind, width)
    cont = CONT_RE.match(text) if "版" in text else None
    if cont:
        kind = Kind.CONT_ON if cont.group(1) in ("下转", "转") else Kind.CONT_FROM
        return Line(no, cont.group(0), kind, width, page=page_ref(cont.group(2)),
                    tail=text[cont.end():].strip())
    # Cheap character tests first: classify runs on every line of every page.
    if first in LEAD_FIRST and LEAD_START_RE.match(text):
        return Line(no, text, Kind.LEAD, width)
    if last == "摄" and CREDIT_RE.match(text):
        return Line(no, text, Kind.CREDIT, width)
    if len(text) <= 40 and ROLE_WORD_RE.search(text) and (
            BYLINE_LINE_RE.match(text) or BYLINE_GLUED_RE.match(text)):
        return Line(no, text.lstrip("□■ "), Kind.BYLINE, width)
    if first in "（(" and SIGNATURE_LINE_RE.match(text):
        return Line(no, text, Kind.SIGNATURE, width)
    if first in "—-─" and SUBTITLE_RE.match(text) and not ends_sentence(text):
        return Line(no, text, Kind.SUBTITLE, width)
    reason = noise_reason(text) if len(text) <= 40 else ""
    if reason:
        return Line(no, text, Kind.NOISE, width, reason=reason)
    return Line(no, text, Kind.TEXT, width)


def noise_reason(text: str) -> str:
    """Why a line is layout rather than article text, or '' when it is text."""
    if "A" <= text[0] <= "Z" and PINYIN_BANNER_RE.match(text):
        return "section banner"
    if len(text) <= 12 and QR_RE.search(text):
        return "QR-code caption"
    if text[-1] in "：:" and LABEL_RE.match(text):
        return "stray label"
    return ""


ENUM_FIRST = frozenset("一二三四五六七八九十（(0123456789")


def is_enumerated(text: str) -> bool:
    """List items (一、… （二）… 1.) are body text, never headlines."""
    return text[:1] in ENUM_FIRST and ENUMERATED_RE.match(text) is not None


def is_kicker(text: str) -> bool:
    """A 引题: a clause ending in 要求/强调…, or a short unit name such as 长葛市人防办."""
    if KICKER_END_RE.search(text):
        return True
    if len(text) > 16 or " " in text or SENTENCE_START_RE.match(text):
        return False
    if any(ch in text for ch in "“”‘’《》，、"):
        return False  # quotations and lists belong to headlines, not to unit names
    if ORG_END_RE.search(text):
        return True
    return len(text) <= 12 and SHORT_ORG_END_RE.search(text) is not None
