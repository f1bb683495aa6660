"""Segment one OCR page into articles.

Pipeline: decoded text → repaired lines (`repair`) → classified lines (`lines`), with
what only neighbouring lines tell mended (`prepare`) → blocks: paragraphs, headline
groups, markers (`blocks`) → a plan for the page's headline groups (`plan`) → articles
(here).

The hard question on a newspaper page is which article a headline group belongs
to. Column dumps often print an article's headline after its body columns, so the
headline *closes* the article before it; Markdown-like dumps, and many column pages
too, print it first. Leads (本报讯…), signatures （王星星）, photo credits (…摄) and
continuation notes are hard boundaries. The Assembler walks the blocks twice: once
with the local rules alone, whose decisions become one vote each, then following
the plan that weighs those votes against the page as a whole.
"""

from __future__ import annotations

import heapq
import re
from functools import cached_property

from generator.errors import plural
from generator.ingest.article import Article, Noise, SegmentedPage
from generator.ingest.blocks import (
    CLAUSE_MARKS_RE,
    DANGLING,
    Block,
    BlockBuilder,
    Head,
    Marker,
    Para,
    a_paragraph_a_line,
    breaks_mid_phrase,
    join_block,
    next_block,
    prose_after_table,
    runs_on,
    strong_head,
)
from generator.ingest.lines import (
    BRACKETED_LABEL,
    BULLETS,
    CIRCLED_NUMBER,
    COLUMN_WORD_RE,
    DIGIT_RE,
    INLINE_TITLE_RE,
    KICKER_END_RE,
    KICKER_PHRASE_RE,
    LEAD_RE,
    LETTERED_LABEL_RE,
    NOTICE_TITLE_RE,
    NUMBERED_ITEM_RE,
    OFFICE_ENDS,
    ORG_END_RE,
    PHOTO_LABEL_RE,
    READER_SIGN_RE,
    ROLE_WORD_RE,
    SALUTATION_RE,
    SHORT_ORG_END_RE,
    SIGN_OFF_DATE_RE,
    SPACED_TITLE_RE,
    TEXT_PHOTO,
    TRAILING_BYLINE_RE,
    Kind,
    Line,
    bare_dateline,
    bare_lead,
    bare_title,
    display_width,
    ends_sentence,
    glued_reader,
    index_header,
    is_kicker,
    is_signer,
    opens_sentence,
    page_buttons,
    sentence_tail,
    unbalanced,
    unbracketed,
)
from generator.ingest.mend import BARE_NAME_RE
from generator.ingest.parts import SIGNATURE_TAIL_RE
from generator.ingest.plan import (
    BANNER_NAME,
    CAPTION_MAX,
    CLOSE,
    COLUMN_LABEL_RE,
    HEADER_REASONS,
    LABEL_MAX,
    OPEN,
    SPLIT,
    SUB,
    blank_before,
    dated,
    is_banner_name,
    is_column_label,
    plan,
)
from generator.ingest.prepare import (
    NUMBERED_TITLE_RE,
    SIGN_OFF_RE,
    is_name,
    mend_wrapped_subtitles,
    prepare_lines,
    surnamed,
    typical_width,
)
from generator.ingest.repair import (
    describe_char,
    find_broken_chars,
    find_invisible_chars,
    join_lines,
    strip_invisible,
)

# An e-paper reader's fields over each article: 日期：11-20, 字号：, 版面：第03版：….
READER_FIELD_RE = re.compile(r"^(?:日期|字号|版面)\s*[：:]")
MARKDOWN_RE = re.compile(r"^#{1,6}\s+\S", re.MULTILINE)
# A story's first sentence opening on the day alone (17日，来自…), as its month is known.
DAY_OPENER_RE = re.compile(r"^\d{1,2}日[，,]")
BARE_LEADS = ("本报讯", "本报讯：", "本报讯:")  # a lead whose credit is on the next line
KICKER_SHORTER = 4  # characters: how much shorter a group's first part is when a kicker
KICKER_MAX = 8  # characters: …and how long such a short kicker (今年前2个月) can be
KICKER_LONG = 8  # characters: two lines this long in one group are a kicker and a title
KICKER_TITLE_LONGER = 2  # characters: how much longer a title is than such a kicker
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"  # numbered captions of a photo group
PHOTO_GROUP_MAX = 6  # paragraphs: a photo group's intro and captions under its title
GROUP_CAPTION_RE = re.compile(
    rf"^图\s*[{CIRCLED}\d]\s*[：:]?|^[{CIRCLED}]|^[大小上下左右中]图[：:]")


def group_caption(text: str) -> bool:
    """One of a photo group's numbered captions: ①…, 图②：…, 图3 …"""
    return GROUP_CAPTION_RE.match(text) is not None
DOUBT_BELOW = 0.8  # a decision less sure than this is recorded as a doubt
GROUP_CAPTION_MAX = 30  # characters: one picture's caption in a photo group
CAPTIONS_UNDER_DATA = 3  # paragraphs: a web item's captions of one photo, at most
TITLE_MARKED_MIN = 4  # characters: a title after an arrow (not ▶A3, a page's number)
FULL_TITLE = 11  # characters: a line this long is a title, no kicker (学习贯彻全国两会精神)
DATE_ONLY_RE = re.compile(r"^\d{4}(?:年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2})$")
BRACKET_CREDIT_RE = re.compile(r"^[（(][^（）()]{2,40}[）)]")
MD_LABEL_MAX = 6  # characters: a Markdown label over a box's items (## 便民提示)
TITLED_CAPTION_MAX = 60  # characters: a caption set between a title and its story
DATA_LINE_REACH = 6  # blocks: how far above its caption a web title's data line stands
UNTITLED_CONFIDENCE = 0.5  # a signed story printed without any headline is unusual
MAX_INVISIBLE_WARNINGS = 20  # lines reported one by one; the rest in one summary warning


def segment(text: str) -> SegmentedPage:
    """Split a page's text into articles; every character ends up in an article or in noise.

    Takes time linear in the size of the page, whatever is on it.
    """
    warnings = [f"line {ln}, column {col}: broken character {ch!r}"
                for ln, col, ch in find_broken_chars(text)]  # columns of the file as it is
    invisible = find_invisible_chars(text)
    if invisible:
        warnings = merge_by_line(warnings, invisible_warnings(invisible))
        text = strip_invisible(text)  # repair_lines drops them; the Markdown test must too
    markdown = len(MARKDOWN_RE.findall(text)) >= 2
    lines = prepare_lines(text, markdown)
    column = typical_width(lines)
    lines = mend_wrapped_subtitles(lines, column)
    blocks = BlockBuilder(lines, markdown, column).build()
    blocks = replies_under_letters(names_as_signatures(separate_section_names(blocks)))
    votes = Assembler(blocks, headlines_first=markdown).collect_votes()
    page = Assembler(blocks, headlines_first=markdown, votes=votes).run()
    page.warnings = warnings + page.warnings
    return page


def separate_section_names(blocks: list[Block]) -> list[Block]:
    """'读者之声' printed over the first headline under the pinyin banner, '本地简讯' over
    a brief's or under the headline of the story above: the section's or column's name
    as a group of its own, so that it is not read as part of a headline."""
    out: list[Block] = []
    for i, block in enumerate(blocks):
        prev = out[-1] if out else None
        if isinstance(block, Head) and not block.markdown_level:
            first_line = block.blocks[0][0].text
            banner = (isinstance(prev, Marker) and prev.line.reason == "section banner"
                      and len(first_line) <= BANNER_NAME
                      and not KICKER_PHRASE_RE.match(first_line))  # (民生实事进行时: a kicker)
            label = COLUMN_LABEL_RE.match(first_line) is not None \
                and not photo_kicker(blocks, i)
            if (banner or label) and (len(block.blocks[0]) > 1 or len(block.blocks) > 1):
                first, *rest = block.blocks[0]
                out.append(Head([[first]]))
                block = Head([rest, *block.blocks[1:]] if rest else block.blocks[1:])
            last = block.blocks[-1]
            if len(block.blocks) > 1 and len(last) == 1 and (
                    COLUMN_LABEL_RE.match(last[0].text) or (
                        len(last[0].text) <= LABEL_MAX and bullets_follow(blocks, i))):
                out.append(Head(block.blocks[:-1]))  # a headline, then the next column's name
                block = Head([last])
        out.append(block)
    return out


# 松风村茶园开采春茶：3月18日，…: a numbered brief's title before a colon (not a field's
# name such as 停电时间：, nor a date).
ITEM_TITLE_RE = re.compile(r"^(?!\d)([^，。：:；！？、\d\s]{5,24})[：:](?=\S)")


def photo_kicker(blocks: list[Block], i: int) -> bool:
    """'图片新闻' over one title line and then that picture (its data line or image, or its
    caption and credit): the picture's kicker, not the name of a box of several."""
    head = blocks[i]
    if len(head.blocks) > 1 or len(head.blocks[0]) != 2 \
            or not PHOTO_LABEL_RE.match(head.blocks[0][0].text):
        return False
    below = blocks[i + 1: i + 3]
    if below and isinstance(below[0], Marker) and below[0].kind is Kind.NOISE:
        return True
    return len(below) == 2 and isinstance(below[0], Para) \
        and isinstance(below[1], Marker) and below[1].kind is Kind.CREDIT


def bullets_follow(blocks: list[Block], i: int) -> bool:
    """Do bulleted items (● …) come right after group i: its last line names their column
    (菱 塘 春 早 / (blank) / 凤城百事 / ●日前，…)."""
    j = next_block(blocks, i)
    b = blocks[j] if j is not None else None
    return isinstance(b, Para) and b.lead and b.lines[0].text[:1] in BULLETS


# The commonest surnames: a two- or three-character line starting with one, printed
# right after a finished paragraph, is the author's name, not a headline.
def names_as_signatures(blocks: list[Block]) -> list[Block]:
    """'廖红红' (or '向 炜') on its own line after an article's last sentence: a byline
    printed at the end, read as the article's signature; right under a headline, its byline.
    Under a letter or a reply (opened by 编辑同志：), the reader's name and the office that
    answers sign them, and the office's dated sign-off is the reply's text."""
    out: list[Block] = []
    replying = False  # inside a letter or a reply, opened by its salutation (编辑同志：)
    was_replying = False  # …up to the headline group at hand
    for block in blocks:
        prev = out[-1] if out else None
        if isinstance(block, Para):
            replying = replying or SALUTATION_RE.match(block.lines[0].text) is not None
        elif isinstance(block, Head):
            was_replying, replying = replying, False
        line = block.lines[0] if isinstance(block, Para) and len(block.lines) == 1 else None
        if line and replying and isinstance(prev, Para) and prev.lines[-1].terminal \
                and (signing_office(line.text) or glued_reader(line.text)):
            # …感谢您的关心。 / 新蔡县城市管理局: the office signs its reply; …尽快修一修。 /
            # 读者吴强 (a paragraph a line): the reader signs the letter
            out.append(Marker(Line(line.no, line.text, Kind.SIGNATURE, line.width)))
            continue
        if line and isinstance(prev, Head) and surnamed(line.text):
            # # 一座老粮站的“新生” / 宋 溪 / text: the piece's author, under its title
            out.append(Marker(Line(line.no, line.text, Kind.BYLINE, line.width)))
            continue
        if isinstance(prev, Head) and isinstance(block, Marker) \
                and block.kind is Kind.SIGNATURE and block.line.text.startswith("据"):
            # 全省部署冬春农田水利建设 / 据河南日报 / text: the source under the title
            out.append(Marker(Line(block.line.no, block.line.text, Kind.BYLINE,
                                   block.line.width)))
            continue
        if isinstance(block, Head) and was_replying and len(block.blocks) == 1 \
                and isinstance(prev, Para) and prev.lines[-1].terminal \
                and dated_sign_off([ln.text for ln in block.blocks[0]]):
            out.append(Para(block.blocks[0]))  # 镇平县城市管理局 / 11月16日: the reply's text
            continue
        if (isinstance(block, Head) and len(block.blocks[0]) == 1
                and (not block.markdown_level or (  # (读者 赵 敏 / # the reply's title)
                    len(block.blocks) > 1 and block.blocks[0][0].kind is Kind.TEXT))
                and isinstance(prev, Para) and prev.lines[-1].terminal):
            line = block.blocks[0][0]
            if is_name(line.text) or glued_reader(line.text) \
                    or (was_replying and signing_office(line.text)):
                out.append(Marker(Line(line.no, line.text, Kind.SIGNATURE, line.width)))
                if len(block.blocks) == 1:
                    continue
                # the next article's headline follows
                block = Head(block.blocks[1:], block.markdown_level,
                             max(block.title_block - 1, -1))
        out.append(block)
    return out


def replies_under_letters(blocks: list[Block]) -> list[Block]:
    """A reader's name under a letter, then the office's answer run on after it (读者 刘先生
    / 县住建局回复：…): one item, the letter and its reply, the name a line of its text, not
    a signature that ends the letter and leaves the reply untitled."""
    out: list[Block] = []
    for i, block in enumerate(blocks):
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        if isinstance(block, Marker) and block.kind is Kind.SIGNATURE and out \
                and isinstance(out[-1], Para) and isinstance(after, Para) \
                and REPLY_OPEN_RE.match(after.lines[0].text):
            line = block.line
            out.append(Para([Line(line.no, line.text, Kind.TEXT, line.width)]))
            continue
        out.append(block)
    return out


# 县住建局回复：…, 本报转县交警大队回复：…, 县教育体育局4月16日回复：…
REPLY_OPEN_RE = re.compile(r"^[\u4e00-\u9fff\d]{2,20}(?:回复|答复)[：:]")


def signing_office(text: str) -> bool:
    """新蔡县城市管理局 alone under a reply's last sentence: the office that signs it."""
    return len(text) <= OFFICE_MAX and is_signer(text) and OFFICE_END_RE.search(text) is not None


def dated_sign_off(lines: list[str]) -> bool:
    """范县城市管理局 3月17日 under a reply, on one line or two: its sign-off, set as a
    notice's is, its text."""
    text = "".join(lines)
    dated = REPLY_DATE_RE.search(text)
    return len(lines) <= 2 and dated is not None and dated.start() > 0 \
        and signing_office(text[:dated.start()]) \
        and (len(lines) == 1 or REPLY_DATE_RE.fullmatch(lines[1]) is not None)


REPLY_DATE_RE = re.compile(r"\s?(?:\d{4}年)?\d{1,2}月\d{1,2}日$")


def signed_reply(head: Head) -> bool:
    """Does a group under a letter or a reply open on the office that signs it, a label
    and a title under it (茶岭乡人民政府 / 回音壁 / 路灯修好了)?"""
    block = head.blocks[0]
    return not head.markdown_level and len(block) >= 3 and is_signer(block[0].text) \
        and (ORG_END_RE.search(block[0].text) is not None
             or OFFICE_END_RE.search(block[0].text) is not None)


OFFICE_END_RE = re.compile(rf"(?:{OFFICE_ENDS})$")  # an office that answers a reader
OFFICE_MAX = 16  # characters: the longest such office's name signing on its own


def invisible_warnings(found: list[tuple[int, str]]) -> list[str]:
    """One warning per line that had invisible characters, naming them; past
    MAX_INVISIBLE_WARNINGS lines, one warning for the rest."""
    out = []
    for line, chars in found[:MAX_INVISIBLE_WARNINGS]:
        names = ", ".join(describe_char(ch) for ch in dict.fromkeys(chars))
        out.append(f"line {line}: removed {plural(len(chars), 'invisible character')} "
                   f"({names}); check the text around them")
    rest = found[MAX_INVISIBLE_WARNINGS:]
    if rest:
        total = sum(len(chars) for _, chars in rest)
        names = ", ".join(describe_char(ch) for ch in dict.fromkeys("".join(c for _, c in rest)))
        out.append(f"lines {rest[0][0]}-{rest[-1][0]}: removed {total} more invisible "
                   f"characters on {len(rest)} more lines ({names}); check the text around them")
    return out


def merge_by_line(first: list[str], second: list[str]) -> list[str]:
    """Two lists of 'line N…' warnings, each in line order, as one list in line order."""
    def line_no(warning: str) -> int:
        return int(re.match(r"lines? (\d+)", warning).group(1))

    return list(heapq.merge(first, second, key=line_no))


NAMES_RE = re.compile(r"^[\u4e00-\u9fff]{2,3}(?: [\u4e00-\u9fff]{2,3}){1,2}$")  # 金雯 周立新


def is_signature(text: str) -> str | None:
    """'（王星星）' on its own: the author of a brief; returns the name. A byline printed
    after the text, （记者 X 报道） or （据新华社电）, is returned without its brackets."""
    m = SIGNATURE_TAIL_RE.match(text)
    if m and not m.group("text"):
        return m.group("name")
    if TRAILING_BYLINE_RE.match(text):
        return text.strip("（()）")
    if BARE_NAME_RE.match(text) or NAMES_RE.match(text) or glued_reader(text):
        return text  # a name printed alone after the text (names_as_signatures), or two
    if READER_SIGN_RE.match(reader := unbracketed(text)):
        return reader  # a reader's under a letter (莲塘中学教师 廖志远), or in brackets
    sign_off = SIGN_OFF_RE.match(text)
    return sign_off.group("name") if sign_off else None  # ——本报编辑部


class Assembler:
    """Walks the blocks of a page once and builds its articles."""

    def __init__(self, blocks: list[Block], headlines_first: bool,
                 votes: dict[int, str] | None = None):
        self.blocks = blocks
        # What each headline group is, decided for the whole page; without the local
        # rules' votes, this pass only collects them.
        self.plan = None if votes is None else plan(blocks, votes)
        self.votes: dict[int, str] = {}
        self.headlines_first = headlines_first
        self.articles: list[Article] = []
        self.noise: list[Noise] = []
        self.section: str | None = None
        self.cur: Article | None = None
        self.closed = False  # cur is complete: its headline came after its body
        self.jumped = False  # cur's text goes on on another page (（下转第X版）)
        self.title_before = False  # cur's title was printed above its body
        self.join_next = False  # the next paragraph finishes cur's last sentence
        self.pending_from = None  # （上接第X版） waiting for its article
        self.head_owner: Article | None = None  # article that took the last headline
        self.subheads: dict[int, set[int]] = {}  # id(article) → paragraph indexes
        self.skip: set[int] = set()
        self.last_skip = -1  # max(self.skip)
        # A paragraph that headlines keep interrupting (see interrupts_sentence) is joined
        # piece by piece: (article, paragraph index, pieces), written back by settle().
        # Joining the whole paragraph again after every headline would be quadratic.
        self.joining: tuple[Article, int, list[str]] | None = None
        self.joining_end = ""  # sentence_tail of the joined pieces
        self.column_items = False  # under a brief column's name: numbered items are briefs
        self.box = False  # …and, on a web page, **title** items until a rule or a # title
        self.break_at = 0  # cur's last paragraph printed after a blank line (its index)
        self.break_line = 0  # …and the page line it starts on
        # the group being read stands over a web article's data line or byline
        self.over_data = False
        self.dated_items: set[int] = set()  # articles titled over a web article's data line

    # -- driving ---------------------------------------------------------
    def run(self) -> SegmentedPage:
        self.walk()
        self.finish()
        return SegmentedPage(self.articles, self.noise, self.section)

    def collect_votes(self) -> dict[int, str]:
        """Run the local rules over the page: what each would decide, group by group (the
        votes are cast on the walk; what finish() does to the articles changes none)."""
        self.walk()
        return self.votes

    def walk(self) -> None:
        """Visit every block once, building the articles."""
        for i, block in enumerate(self.blocks):
            if i in self.skip:
                continue
            if isinstance(block, Para):
                self.on_para(i, block)
            elif isinstance(block, Head):
                self.on_head(i, block)
                if self.cur is not None and dated(self.blocks, i):
                    self.dated_items.add(id(self.cur))  # its title over its data line
            else:
                self.on_marker(i, block)
            if isinstance(block, Para):
                self.head_owner = None  # a byline after body text is no longer the headline's

    def start(self, line: int, title_before: bool = False) -> Article:
        self.cur = Article(line=line)
        self.articles.append(self.cur)
        self.closed = False
        self.jumped = False
        self.title_before = title_before
        self.join_next = False
        if self.pending_from is not None:
            self.cur.continued_from = self.pending_from
            self.pending_from = None
        return self.cur

    def block_after(self, i: int) -> Block | None:
        """The first block after i that is not layout noise, or None at the page's end."""
        j = next_block(self.blocks, i)
        return self.blocks[j] if j is not None else None

    def next_block(self, i: int) -> int | None:
        """Index of the first block after i that is not layout noise."""
        return next_block(self.blocks, i)

    def next_text(self, i: int) -> Block | None:
        """The block after a headline group, looking past its subtitle and byline lines."""
        for j in range(i + 1, len(self.blocks)):
            b = self.blocks[j]
            if isinstance(b, Marker) and b.kind in (Kind.SUBTITLE, Kind.BYLINE, Kind.NOISE):
                continue
            return b
        return None

    def item_follows(self, i: int) -> bool:
        """Does a headline or a story's lead come next? (A rule over plain lines at a
        web page's foot, 版权… or 看某某新闻…, parts nothing worth an article.)"""
        b = self.block_after(i)
        return isinstance(b, Head) or (isinstance(b, Para) and (
            b.lead or opens_sentence(b.text) or DAY_OPENER_RE.match(b.text) is not None))

    # -- paragraphs ------------------------------------------------------
    def on_para(self, i: int, para: Para) -> None:
        text = para.text
        lead = para.lead or self.pending_from is not None
        numbered = self.column_items and NUMBERED_ITEM_RE.match(text)
        if numbered:  # '1.近日，…' under a brief column's name: the next brief
            rest = text[numbered.end():]
            brief = self.start(para.lines[0].no)
            brief.kind = "brief"
            titled = ITEM_TITLE_RE.match(rest) or INLINE_TITLE_RE.match(rest)
            if titled:  # 1、松风村茶园开采春茶：3月18日，…, 1.【标题】近日，…: its title, its text
                brief.title, text = bare_title(titled.group(1)), rest[titled.end():].lstrip()
            brief.paragraphs.append(text)  # (untitled, it keeps its number: 1.近日，…)
            return
        cur = self.cur
        if cur is not None and cur.title and not cur.paragraphs and not self.closed \
                and len(para.lines) == 1 and DATE_ONLY_RE.match(text):
            self.noise.append(Noise(text, para.lines[0].no, "page header"))
            return  # # 标题 / ## 副题 / 2026年03月13日 / text: the article's date, its data
        if self.join_next and cur and cur.paragraphs and not lead:
            self.join_last(cur, text)
            self.join_next = False
            return
        resumed = cur is not None and cur.continued_from is not None and not cur.paragraphs
        if cur is None or self.closed or self.jumped or (lead and (cur.paragraphs or (
                cur.byline and para.lead and not resumed and not bare_lead(text)
                and not labelled_first(cur, text)))) \
                or prose_after_table(self.blocks, i):  # (title / byline / （上接第1版）…: its text)
            cur = self.start(para.lines[0].no)
        if not cur.paragraphs:
            cur.line = para.lines[0].no
            self.break_at = 0
        elif blank_before(self.blocks, i):
            self.break_at = len(cur.paragraphs)  # after a blank: where another text may start
            self.break_line = para.lines[0].no
        if para.lead:
            text = self.take_lead(cur, text)
        if text:
            cur.paragraphs.append(text)
        if len(cur.paragraphs) > 2 and SIGN_OFF_DATE_RE.match(text) \
                and is_signer(cur.paragraphs[-2]):
            self.closed = True  # a notice's date under its signer: the notice ends here

    def join_last(self, article: Article, text: str) -> None:
        """Append text to the article's last paragraph (it finishes that sentence)."""
        at = len(article.paragraphs) - 1
        if self.joining is None or self.joining[0] is not article or self.joining[1] != at:
            self.settle()
            self.joining = (article, at, [article.paragraphs[at]])
            self.joining_end = sentence_tail(article.paragraphs[at])
        self.joining[2].append(text)
        self.joining_end = sentence_tail(self.joining_end + text)

    def settle(self) -> None:
        """Write the paragraph being joined back into its article."""
        if self.joining is not None:
            article, at, pieces = self.joining
            article.paragraphs[at] = join_lines(pieces)
            self.joining = None

    def last_ends_sentence(self, article: Article) -> bool:
        """Does the article's last paragraph end a sentence (pieces being joined included)?"""
        joining = self.joining
        if joining and joining[0] is article and joining[1] == len(article.paragraphs) - 1:
            return ends_sentence(self.joining_end)
        return ends_sentence(article.paragraphs[-1])

    def take_lead(self, article: Article, text: str) -> str:
        """Move 本报讯（记者 X）/ 新华社…电（记者 X） into the byline; return the rest."""
        m = LEAD_RE.match(text)
        if not m:
            return text
        if m.group("bullet"):
            article.kind = "brief"
            rest = text[m.end():].lstrip()
            credited = LEAD_RE.match(rest)
            if credited and credited.group("benbao") and article.byline is None:
                article.byline = credited.group(0).strip()  # ●青崖讯(通讯员 马骏)近日，…
                return rest[credited.end():].lstrip()
            titled = INLINE_TITLE_RE.match(rest) or SPACED_TITLE_RE.match(rest)
            if titled and article.title is None:  # ▲【标题】正文, ◆标题 正文, ■ **【标题】** 正文
                article.title = bare_title(next(g for g in titled.groups() if g).strip("*"))
                rest = rest[titled.end():].lstrip()
            return rest
        if m.group("inline"):
            bold = m.group("bold_title") or ""
            if (credit := LEAD_RE.match(bold)) and credit.group("benbao") \
                    and credit.end() == len(bold) and not article.byline:
                rest = text[m.end():].lstrip()  # **本报讯（记者 X）**3月12日，…: the lead in bold
                bracket = BRACKET_CREDIT_RE.match(rest) if bare_dateline(bold) else None
                if bracket:  # **本报讯**（记者 X 通讯员 Y）…: the mark in bold, its credit not
                    bold, rest = bold + bracket.group(), rest[bracket.end():].lstrip()
                article.byline = bold
                return rest
            if article.title:
                return text  # a label inside the text of a titled story: kept as printed
            article.title = bare_title(m.group("inline_title") or m.group("bold_title"))
            return text[m.end():].lstrip()
        byline = m.group(0).strip().rstrip("：:")  # …报道：记者从… (the colon sets it off)
        if article.byline and bare_dateline(m.group(0)):
            return text  # 本报2月3日讯 under the byline: the story's dateline, kept in its text
        if article.byline and article.byline != byline:
            article.byline = f"{byline} {article.byline}"
        else:
            article.byline = byline
        return text[m.end():].lstrip()

    # -- headlines -------------------------------------------------------
    def on_head(self, i: int, head: Head) -> None:
        subtitles = self.absorb_subtitles(i)
        self.over_data = len(head.blocks) == 1 and len(head.blocks[0]) == 2 \
            and (dated(self.blocks, i) or self.byline_under(i)) and self.web
        cur = self.cur
        self.column_items = False
        if is_column_label(self.blocks, i) and not subtitles:
            self.noise.append(Noise(head.text, head.line, "column label"))  # 简明信息 ● …
            if cur is not None and cur.paragraphs:
                self.closed = True  # a column starts: the text above is finished
            self.column_items = self.box = True
            return
        self.box = self.box and head.markdown_level == 2
        if head.markdown_level == 2 and cur is not None and not cur.paragraphs \
                and cur.title and not cur.byline and cur.continued_from is None \
                and self.under_md_label(i):
            # ## 便民提示 / **柳湾社区开设…**: a box of titled items, under the box's name
            self.box = True
            self.articles.pop()
            self.noise.append(Noise(cur.title, cur.line, "column label"))
            for text in (cur.kicker, cur.subtitle):
                if text:
                    self.noise.append(Noise(text, cur.line, "headline without text"))
            self.cur = cur = self.articles[-1] if self.articles else None
            self.closed = True
        if head.markdown_level == 2 and cur and not self.closed and cur.paragraphs \
                and not self.box and not self.data_line_follows(i) \
                and not self.photo_follows(i) and not self.table_follows(i) \
                and not self.lead_follows(i) and not self.byline_follows(i) \
                and not NOTICE_TITLE_RE.search(head.text) \
                and not self.heads_after_notice(i, head):  # **征文启事** is a notice's
            self.add_subhead(head.text)
            return
        if self.signs_notice(i, head):
            self.cur.paragraphs.append(head.text)  # 某某日报社文艺部 under a 征稿启事's text
            return
        if self.interrupts_sentence(self.next_text(i)):
            self.attach(cur, head, subtitles, demote=True)
            self.join_next = True
            return
        if head.markdown_level and self.titles_credited_picture(i):
            self.attach(cur, head, subtitles, demote=False)  # the picture's title, under it
            return
        if head.markdown_level:
            self.open_with(head, subtitles)
            self.note(self.cur, i, "above")
            return
        self.follow_plan(i, head, subtitles)

    @cached_property
    def web(self) -> bool:
        """Is the page's text set a paragraph a line, a web page's, not a column's? (Asked
        only of groups over a data line or a byline: most pages never ask.)"""
        return set_a_paragraph_a_line(self.blocks)

    def byline_under(self, i: int) -> bool:
        """Is group i printed right over a byline line (标题 / 副题 / □记者 X)?"""
        below = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
        return isinstance(below, Marker) and below.kind is Kind.BYLINE

    def under_md_label(self, i: int) -> bool:
        """Does group i stand right under a short label of its own Markdown level, the
        label a box's items share (## 便民提示 over **柳湾社区开设周末托管班**)?"""
        above = self.blocks[i - 1] if i else None
        return isinstance(above, Head) and above.markdown_level == 2 \
            and len(above.blocks) == 1 and len(above.blocks[0]) == 1 \
            and len(above.text) <= MD_LABEL_MAX and self.another_item_follows(i)

    def another_item_follows(self, i: int) -> bool:
        """Is group i's text followed by another title of its level before a rule or a
        heading of another level? A label over one item is that item's kicker."""
        for j in range(i + 1, len(self.blocks)):
            b = self.blocks[j]
            if isinstance(b, Head):  # (not the next box's label, over a title of its own)
                return b.markdown_level == 2 and not isinstance(self.block_after(j), Head)
            if isinstance(b, Marker) and b.line.reason == "rule":
                return False
        return False

    def titles_credited_picture(self, i: int) -> bool:
        """A title right under an untitled picture's credit, a rule or the next title under
        it (caption / 漫画/林 默 / **保鲜** / ---): nothing of its own follows, so it is the
        picture's."""
        cur = self.cur
        if cur is None or not self.closed or cur.title or cur.kind != "photo" \
                or not cur.paragraphs or i + 1 >= len(self.blocks):
            return False
        below = self.blocks[i + 1]
        return (isinstance(below, Marker) and below.kind is Kind.NOISE
                and below.line.reason == "rule") or isinstance(below, Head)

    def signs_notice(self, i: int, head: Head) -> bool:
        """A unit's name alone under the text of a notice titled above it, nothing but its
        date or the page's end after it: the notice's signer, not a headline."""
        cur = self.cur
        if cur is None or self.closed or not cur.paragraphs or not cur.title \
                or not NOTICE_TITLE_RE.search(cur.title) or len(head.blocks) != 1 \
                or len(head.blocks[0]) != 1 or not is_signer(head.text):
            return False
        b = self.block_after(i)
        return b is None or isinstance(b, Head) or (
            isinstance(b, Para) and SIGN_OFF_DATE_RE.match(b.text) is not None)

    def heads_after_notice(self, i: int, head: Head) -> bool:
        """A headline group under a notice that ends on its signer's date (… / 2026年3月18日
        / ### 便民提示 / **县医院开通夜间门诊**): the next piece's, not a subhead of the
        notice. (A lone label over items that open on their bold titles, ## 便民信息 /
        **…** …, is a box's name, not a piece.)"""
        if not signed_off(self.cur):
            return False
        b = self.block_after(i)
        return len(head.blocks) > 1 or len(head.blocks[0]) > 1 \
            or not (isinstance(b, Para) and b.lead)

    def data_line_follows(self, i: int) -> bool:
        """'## 滏畔柳色新' over 来源：衡水日报 2026-03-05 08:12: a web page's data line under a
        title makes it an article's, as no subhead has one (plan.HEADER_REASONS)."""
        j = i + 1
        while j < len(self.blocks) and isinstance(self.blocks[j], Marker) \
                and self.blocks[j].kind is Kind.SUBTITLE:
            j += 1
        b = self.blocks[j] if j < len(self.blocks) else None
        return isinstance(b, Marker) and b.kind is Kind.NOISE and b.line.reason in HEADER_REASONS

    def lead_follows(self, i: int) -> bool:
        """'## 标题' over 本报讯…: a story's own headline, not a subhead of the text above (a
        brief with its own bold or bracketed title is another matter)."""
        b = self.block_after(i)
        return isinstance(b, Para) and b.lead and b.lines[0].text[:1] not in BULLETS + "【*"

    def byline_follows(self, i: int) -> bool:
        """'## 写出火塘边的烟火气' over '□杨 林': a piece of its own under its author, as no
        subhead inside a text has one."""
        b = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
        return isinstance(b, Marker) and b.kind is Kind.BYLINE

    def table_follows(self, i: int) -> bool:
        """Table rows right under the group: '**…价格一览**' is the table's title."""
        b = self.block_after(i)
        return isinstance(b, Para) and b.lines[0].row

    def photo_follows(self, i: int) -> bool:
        """A caption (or a photo group's numbered captions) and its credit right under the
        group: '## 丰收时节' over a photo is the photo's headline, not a subhead of the text
        above."""
        paras: list[Para] = []
        for b in self.blocks[i + 1:]:
            if isinstance(b, Marker) and b.kind is Kind.NOISE:
                continue
            if not isinstance(b, Para):
                grouped = any(group_caption(p.text) for p in paras)
                return bool(paras) and isinstance(b, Marker) and (
                    (b.kind is Kind.CREDIT and (len(paras) == 1 or grouped))
                    or (b.kind is Kind.BYLINE and grouped))  # a group's credit without 摄
            paras.append(b)
            if len(paras) > PHOTO_GROUP_MAX:
                return False
        return False

    def follow_plan(self, i: int, head: Head, subtitles: list[str]) -> None:
        """Do what the page's plan decided for this group (see plan.py)."""
        if self.plan is None:
            self.follow_rules(i, head, subtitles)
            return
        choice = self.plan.get(i)
        action = choice.action if choice else OPEN
        cur = self.cur
        in_body = cur is not None and not self.closed and bool(cur.paragraphs)
        signed = (cur is not None and self.closed and cur.title is None
                  and bool(cur.paragraphs))  # closed by its signature or credit, untitled
        if action == CLOSE and (in_body or signed):
            self.attach(cur, head, subtitles, demote=self.title_before and cur.title is not None)
            self.closed = True
            self.note(cur, i, "below")
        elif action == SUB and in_body and not self.jumped:
            self.add_subhead(head.subhead_text)
            for text in subtitles:
                self.add_subhead(text)
            self.note(cur, i, "subhead")
        elif action == SPLIT and (in_body or signed):
            self.attach(cur, Head(head.blocks[:-1]), [], demote=False)
            self.closed = True
            self.note(cur, i, "below")
            self.open_with(Head(head.blocks[-1:]), subtitles)
            self.note(self.cur, i, "above")
        else:
            self.open_with(head, subtitles)
            self.note(self.cur, i, "above")

    def follow_rules(self, i: int, head: Head, subtitles: list[str]) -> None:
        """The local rules' decision, from this group and what was decided before it: one
        vote the page's plan weighs against the page as a whole."""
        cur = self.cur
        if cur and not self.closed and cur.paragraphs and (
                cur.title is None or self.title_before):
            self.head_after_body(i, head, subtitles, self.next_block(max(i, self.last_skip)))
        else:
            self.votes[i] = OPEN
            self.open_with(head, subtitles)

    def note(self, article: Article | None, i: int, where: str) -> None:
        """Lower the article's confidence by the doubt the plan had about group i."""
        choice = self.plan.get(i) if self.plan is not None else None
        if article is None or choice is None or choice.alternative is None:
            return
        taken = {"above": (OPEN, SPLIT), "below": (CLOSE, SPLIT), "subhead": (SUB,)}[where]
        if choice.action not in taken:
            return  # the articles were built otherwise: the plan's margin is not about this
        if choice.confidence >= DOUBT_BELOW:
            return
        alternative = {
            OPEN: "may be the headline of the article below it",
            CLOSE: "may be the headline of the article above it",
            SUB: "may be a subhead inside an article",
            SPLIT: "may be two headlines, of the articles above and below it",
        }[choice.alternative]
        what = {"above": "its headline", "below": "its headline",
                "subhead": "a subhead in its text"}[where]
        article.confidence = min(article.confidence, choice.confidence)
        article.doubts.append(f"{what} (line {self.blocks[i].line}) {alternative}")

    def head_after_body(self, i: int, head: Head, subtitles: list[str],
                        nxt_at: int | None) -> None:
        """A headline below an untitled body: its title, an in-body subhead, or both halves.

        Below a body that already has a headline above it, a headline is the real title
        (the one above was a column label) only when nothing but a new article follows;
        above more text it is the next article's headline.
        """
        nxt = None if nxt_at is None else self.blocks[nxt_at]
        starts_next = nxt is None or isinstance(nxt, Head) or (
            isinstance(nxt, Para) and nxt.lead) or (
            isinstance(nxt, Marker) and nxt.kind in (Kind.CONT_FROM, Kind.BYLINE, Kind.SUBTITLE))
        if self.title_before:
            if starts_next or subtitles:
                self.votes[i] = CLOSE
                self.attach(self.cur, head, subtitles, demote=True)
                self.closed = True
            elif strong_head(head) or self.photo_group_follows(nxt_at):
                self.votes[i] = OPEN
                self.open_with(head, subtitles)
            else:
                self.votes[i] = SUB
                self.add_subhead(head.subhead_text)
            return
        if starts_next or subtitles or strong_head(head) or self.caption_follows(nxt_at):
            self.votes[i] = CLOSE
            self.attach(self.cur, head, subtitles, demote=False)
            self.closed = True
            return
        lead_part = head.blocks[:-1]
        if len(head.blocks) >= 3 or (lead_part and sum(len(join_block(b)) for b in lead_part) >= 8):
            # Two groups in a row above more text: this article's headline, then the next's.
            self.votes[i] = SPLIT
            self.attach(self.cur, Head(lead_part), [], demote=False)
            self.closed = True
            self.open_with(Head(head.blocks[-1:]), subtitles)
            return
        self.votes[i] = SUB
        self.add_subhead(head.subhead_text)

    def photo_group_follows(self, nxt_at: int | None) -> bool:
        """Numbered captions right under the headline (图1：… / 图2：…): a photo group's
        title, not a subhead of the story above."""
        if nxt_at is None:
            return False
        paras = self.blocks[nxt_at: nxt_at + 2]
        return len(paras) == 2 and all(
            isinstance(b, Para) and group_caption(b.text) for b in paras)

    def caption_follows(self, nxt_at: int | None) -> bool:
        """Text right after the headline that ends with a photo credit is its own caption."""
        if nxt_at is None or not isinstance(self.blocks[nxt_at], Para):
            return False
        for b in self.blocks[nxt_at + 1: nxt_at + 3]:
            if isinstance(b, Marker) and b.kind is Kind.CREDIT:
                return True
            if not isinstance(b, Para):
                return False
        return False

    def interrupts_sentence(self, nxt: Block | None) -> bool:
        """A headline printed inside a sentence ('…现象的 # 标题 产生。') belongs to it.

        Only in headlines-first (Markdown-like) dumps: in column dumps a headline after
        an unfinished sentence is text cut off at a column end, followed by a new article.
        """
        cur = self.cur
        if not self.headlines_first or cur is None or self.closed or not cur.paragraphs \
                or (self.jumped and cur.title):  # (# 标题 … 已办结 / （下转第2版）: the
            return False  # sentence goes on over there, and the text has its headline)
        if not isinstance(nxt, Para) or nxt.lead or self.last_ends_sentence(cur):
            return False
        last = cur.paragraphs[-1][-40:]
        return any(ch in last for ch in "，,、。；")  # prose cut short, not a sign-off or label

    def open_with(self, head: Head, subtitles: list[str]) -> None:
        """Start an article whose headline is printed above its text."""
        cur = self.cur
        # A column's label over its standing note (在临沂网评 / 编者按：…) heads the piece
        # under them as a label right over it does.
        notes = cur.paragraphs if cur and all(map(is_editors_note, cur.paragraphs)) else None
        if cur and notes is not None and not cur.byline and cur.title and not self.closed:
            # Two headline groups in a row: the first was a kicker or column label. What
            # else it had (its own kicker, a subtitle) is set aside, not lost.
            kicker = cur.title
            self.articles.pop()
            for text in (cur.kicker, cur.subtitle):
                if text:
                    self.noise.append(Noise(text, cur.line, "headline without text"))
            self.start(cur.line, title_before=True)
            self.cur.kicker = kicker
            self.cur.paragraphs = list(notes)
        else:
            self.start(head.line, title_before=True)
        self.attach(self.cur, head, subtitles, demote=False)
        now = self.cur
        if now.kicker and not now.paragraphs and issuer_over_notice(now.kicker, now.title):
            now.kicker, now.title = None, now.kicker + now.title

    def attach(
        self, article: Article | None, head: Head, subtitles: list[str], demote: bool
    ) -> None:
        if article is None:
            article = self.start(head.line, title_before=True)
        if article.byline is None and article.paragraphs \
                and SALUTATION_RE.match(article.paragraphs[0]) and signed_reply(head):
            # …感谢您的关心。 / 县城市管理局 / 部门回复 / 路灯4月上旬恢复照明: the office that
            # answered signs its reply, over the reply's own label and title
            article.byline = head.blocks[0][0].text
            head = Head([head.blocks[0][1:], *head.blocks[1:]])
        kicker, title, subtitle = split_head(head, bool(subtitles), self.over_data)
        if title[:1] in "▶►" and len(title) > TITLE_MARKED_MIN:
            title = title[1:].lstrip()  # ▶瑞阳街道开展…: the arrow a list sets before a title
        subtitle = " ".join(s for s in [subtitle, *subtitles] if s) or None
        replaced = [article.subtitle] if subtitle else []  # set aside, not lost
        if demote and article.title and kicker:
            # The line printed above the body was a column or part label.
            self.noise.append(Noise(article.title, article.line, "column label"))
            replaced.append(article.kicker)
        elif demote and article.title:
            replaced.append(article.kicker)
            kicker = article.title
        elif article.kicker and not kicker:
            kicker = article.kicker
            replaced.append(article.title)
        else:
            replaced += [article.kicker, article.title]
        for text in replaced:
            if text:
                self.noise.append(Noise(text, article.line, "headline without text"))
        article.kicker, article.title = kicker, title
        article.subtitle = subtitle or article.subtitle
        self.head_owner = article

    def absorb_subtitles(self, i: int) -> list[str]:
        """——sub-headlines printed right under a headline belong to it."""
        out = []
        for j in range(i + 1, len(self.blocks)):
            b = self.blocks[j]
            if isinstance(b, Marker) and b.kind is Kind.SUBTITLE:
                out.append(b.line.text)
                self.skip_block(j)
            else:
                break
        return out

    def skip_block(self, i: int) -> None:
        """Block i has been taken by an earlier block: run() passes over it."""
        self.skip.add(i)
        self.last_skip = max(self.last_skip, i)

    def add_subhead(self, text: str) -> None:
        """Keep an in-body subhead as a paragraph of its own, remembering where it is."""
        cur = self.cur
        self.subheads.setdefault(id(cur), set()).add(len(cur.paragraphs))
        cur.paragraphs.append(text)

    # -- markers ---------------------------------------------------------
    def on_marker(self, i: int, marker: Marker) -> None:
        line = marker.line
        kind = marker.kind
        if kind is Kind.NOISE:
            self.box = self.box and line.reason != "rule"
            self.on_noise(i, line)
        elif kind is Kind.CONT_FROM:
            cur = self.cur
            if cur and not cur.paragraphs and not self.closed and cur.continued_from is None:
                cur.continued_from = line.page
            else:
                self.pending_from = line.page
        elif kind is Kind.CONT_ON:
            if self.cur:
                self.cur.continues_on = line.page
                self.jumped = True
            else:
                self.noise.append(Noise(line.text, line.no, "continuation note without article"))
        elif kind is Kind.SUBTITLE:
            self.on_orphan_subtitle(line)
        elif kind is Kind.BYLINE:
            self.on_byline(i, line, self.closes_text(i), self.opens_text(i))
        elif kind is Kind.CREDIT:
            self.on_credit(i, line)
        elif kind is Kind.SIGNATURE:
            self.on_signature(line, i)
        else:
            self.on_para(i, Para([line], lead=kind is Kind.LEAD))

    def on_noise(self, i: int, line: Line) -> None:
        if self.signs_off(i, line):
            self.settle()
            self.cur.paragraphs.append(line.text)  # 某某公司 / 2026年1月20日: the notice's
            return
        self.noise.append(Noise(line.text, line.no, line.reason))
        if self.cur is not None and self.cur.paragraphs and (page_buttons(line) or (
                line.reason == "rule" and (self.item_follows(i) or self.photo_follows(i))) or (
                line.reason == "editors' names" and not self.closed and self.photo_follows(i)
                and self.web) or (
                line.reason == "index of other pages" and index_header(line.text))
                or line.reason == "item number"
                or (line.reason in HEADER_REASONS and READER_FIELD_RE.match(line.text))):
            # --- between the items of a web page, or 责任编辑：X under a web article with a
            # picture next, the page's index (◆导读◆), the next item's number (02) or a
            # reader's fields over the next article (日期：11-20): the text above ends
            self.settle()
            self.closed = True
        if line.reason == "section name":
            self.section = self.section or line.text
        if line.reason == "section banner":
            nxt = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
            if isinstance(nxt, Head) and is_banner_name(self.blocks, i + 1):
                self.section = nxt.text
                self.noise.append(Noise(nxt.text, nxt.line, "section banner"))
                self.skip_block(i + 1)

    def signs_off(self, i: int, line: Line) -> bool:
        """A date alone right under the text of a notice is the date it was signed, though
        alone on a page's top it is the page's."""
        cur = self.cur
        return cur is not None and not self.closed and bool(cur.paragraphs) \
            and SIGN_OFF_DATE_RE.match(line.text) is not None and not self.blank_above(i) \
            and notice_titled(cur.title)

    def on_orphan_subtitle(self, line: Line) -> None:
        if self.cur and self.cur.subtitle is None and not self.cur.paragraphs:
            self.cur.subtitle = line.text
        elif self.cur and not self.closed:
            self.cur.paragraphs.append(line.text)
        else:
            self.start(line.no).paragraphs.append(line.text)

    def closes_text(self, i: int) -> bool:
        """A byline between a body and a headline group ends that body: pages that print
        headlines under their stories print the credit line there too (正文 / 记者 X /
        标题); above a story it would stand under its headline. So does one that ends
        the page."""
        b = self.block_after(i)
        return b is None or isinstance(b, Head)

    def opens_text(self, i: int) -> bool:
        """A byline set apart from what is above by a blank line, right over a paragraph:
        it opens the story below it, though a headline printed under the story above
        has just ended that one (正文 / 标题 / (blank) / 本报记者 X / 正文)."""
        b = self.block_after(i)
        return self.blank_above(i) and isinstance(b, Para) and b.lines[0].no == \
            self.blocks[i].line.no + 1

    def on_byline(self, i: int, line: Line, closes: bool = False, opens: bool = False) -> None:
        cur = self.cur
        if closes and cur is not None and cur.paragraphs and not self.closed and (
                cur.byline is None or bare_dateline(cur.byline)):
            self.settle()
            sign(cur, line.text)  # 掌上梅州讯 3月16日，… / 梅州日报记者：X
            self.closed = True
            return
        if cur is not None and cur.byline in BARE_LEADS and not cur.paragraphs:
            cur.byline = f"{cur.byline} {line.text}"  # 本报讯 over 全媒体记者 X 报道
            return
        if self.caption_under_title(i):
            self.hand_title_down(line.no).byline = line.text  # title / caption / X 文/图 / text
            return
        above = self.blocks[i - 1] if i > 0 else None
        if cur is not None and cur.byline and not cur.paragraphs and not self.closed \
                and isinstance(above, Marker) and above.kind is Kind.BYLINE:
            if cur.kicker is None and cur.title and not ROLE_WORD_RE.search(cur.byline) \
                    and ROLE_WORD_RE.search(line.text):
                cur.kicker, cur.byline = cur.byline, line.text  # ■文化惠民 / 本报记者 X: a label
            else:
                cur.byline = f"{cur.byline} {line.text}"  # 文/记者 X 通讯员 Y / 图/记者 Z
            return
        fresh = cur is not None and (
            (self.head_owner is cur and not (opens and cur.paragraphs)) or not cur.paragraphs)
        if cur and cur.byline is None and fresh:
            cur.byline = line.text
            return
        self.start(line.no).byline = line.text

    def on_credit(self, i: int, line: Line) -> None:
        """'本报记者 X 摄' ends a photo caption: the text just before it."""
        self.settle()
        cur = self.cur
        credit = line.text.strip("（()）[]") if line.text[:1] in "（([" else line.text
        if self.caption_after(i, line) and self.blank_above(i):
            photo = self.start(line.no)  # 侯 凯 摄 / 3月3日，…: the credit printed first
            photo.byline, photo.kind = credit, "photo"
            return
        if cur is not None and self.closed and self.head_owner is cur and cur.paragraphs \
                and cur.byline is None:
            cur.byline = credit  # caption / its title / the credit: printed after it all
            if sum(map(len, cur.paragraphs)) <= CAPTION_MAX:
                cur.kind = "photo"
            return
        if cur is not None and not cur.paragraphs and cur.title and cur.byline is None \
                and not self.closed:
            cur.byline = credit  # its title / the credit / the caption
            if not WROTE_AND_SHOT_RE.search(credit):
                cur.kind = "photo"  # (记者 X 文/摄 under a title wrote the story too)
            return
        if cur is None or not cur.paragraphs or self.closed:
            self.noise.append(Noise(line.text, line.no, "photo credit without caption"))
            return
        subheads = self.subheads.get(id(cur), set())
        last_sub = max(subheads) if subheads else -1
        above = self.blocks[i - 1] if i > 0 else None  # the caption's paragraph, as printed
        if credit.endswith("摄影报道") and cur.title:
            pass  # a titled picture story's reporter: the credit is the whole story's
        elif len(cur.paragraphs) >= 2 and self.under_picture(i - 1):
            photo = self.start(line.no)  # ![](…) / its caption / the credit: the picture's
            photo.paragraphs = [cur.paragraphs.pop()]  # own, after the story's last words
            cur = photo
        elif len(cur.paragraphs) > 2 and last_sub >= len(cur.paragraphs) - 3:
            caption = cur.paragraphs[last_sub + 1:]
            title = cur.paragraphs[last_sub]
            del cur.paragraphs[last_sub:]
            photo = self.start(line.no)
            photo.title, photo.paragraphs = title, caption
            cur = photo
        elif (len(cur.paragraphs) >= 2 and (cur.title or cur.byline or cur.kind == "brief")
              and len(cur.paragraphs[-1]) <= CAPTION_MAX
              and not self.captions_under_data(cur)
              and not any(group_caption(p) for p in cur.paragraphs)
              and not cur.paragraphs[-1].startswith("图为")  # the story's own picture
              and not (cur.byline is None and captions_over(cur.paragraphs))):
            # A story with its headline or byline (or a bulleted brief), then a short
            # paragraph and a credit: the paragraph is a photo's caption printed after it.
            caption = cur.paragraphs.pop()
            photo = self.start(line.no)
            photo.paragraphs = [caption]
            cur = photo
        lift_title(cur, above)  # 油菜花开映山乡 / 3月10日，游客在…: the picture's title
        if cur.byline and bare_dateline(cur.byline):
            sign(cur, credit)  # 本报讯 连日来，… / 记者 X 文/摄
        under_title = self.caption_under_title(i)
        cur.byline = cur.byline or credit
        if cur.byline != credit:
            cur.paragraphs.append(line.text)
        cur.kind = "photo"
        self.closed = True
        if under_title:
            self.hand_title_down(line.no)  # title / 图为…。 记者 X 摄 / the story's text

    def captions_under_data(self, cur: Article) -> bool:
        """Is cur a web page's item whose whole text is a photo's few captions, right under
        its title and data line (标题 / 2026-03-12 08:05 来源：… / 3月10日，…。 / 孩子们…。
        宋 岚 摄)? Then the credit is the item's, not its last caption's alone."""
        return not cur.byline and len(cur.paragraphs) <= CAPTIONS_UNDER_DATA \
            and sum(map(len, cur.paragraphs)) <= CAPTION_MAX and id(cur) in self.dated_items

    def under_picture(self, i: int) -> bool:
        """Is block i a paragraph right under a picture of a Markdown-like dump (![](…))?"""
        above = self.blocks[i - 1] if i > 0 else None
        return i >= 0 and isinstance(self.blocks[i], Para) and isinstance(above, Marker) \
            and above.kind is Kind.NOISE and above.line.reason == "image"

    def caption_under_title(self, i: int) -> bool:
        """A title, one short sentence under it, then a credit (block i) and more text:
        the sentence captions the story's picture (图为…。 记者 X 摄, or …。 / 记者 X
        文/图) and is an untitled photo of its own; the title is the story's, below."""
        cur = self.cur
        if cur is None or not cur.title or not self.title_before or cur.byline \
                or len(cur.paragraphs) != 1 or len(cur.paragraphs[0]) > TITLED_CAPTION_MAX \
                or not ends_sentence(cur.paragraphs[0]):
            return False
        if self.headlines_first and not self.data_line_above(i):
            return False  # a Markdown-like dump marks a picture's title as a heading
        j = self.next_block(i)  # …set a paragraph a line, as a web page (a column's titled
        # photo stands over the next story, whose headline is its own), and no caption; the
        # story's byline may come first
        b = self.blocks[j] if j is not None else None
        if isinstance(b, Marker) and b.kind is Kind.BYLINE:
            j = self.next_block(j)
            b = self.blocks[j] if j is not None else None
        after = self.block_after(j) if j is not None else None
        return isinstance(b, Para) and not group_caption(b.text) \
            and a_paragraph_a_line(b.lines) \
            and not (isinstance(after, Marker) and after.kind is Kind.CREDIT)

    def data_line_above(self, i: int) -> bool:
        """Does a web article's data line (来源：… 作者：…) stand between block i and the
        headline group above it (a few blocks up, at most)?"""
        for b in reversed(self.blocks[max(0, i - DATA_LINE_REACH):i]):
            if isinstance(b, Head):
                return False
            if isinstance(b, Marker) and b.kind is Kind.NOISE \
                    and b.line.reason in HEADER_REASONS and "来源" in b.line.text:
                return True
        return False

    def hand_title_down(self, line: int) -> Article:
        """Make the current article an untitled photo and open the story below with its
        headline."""
        photo = self.cur
        story = self.start(line, title_before=True)
        story.kicker, story.title, story.subtitle = photo.kicker, photo.title, photo.subtitle
        photo.kicker = photo.title = photo.subtitle = None
        photo.kind = "photo"
        return story

    def blank_above(self, i: int) -> bool:
        """Does a blank line (or the page's top) stand right above block i? Set against the
        text or the headline above, a credit is theirs."""
        return i == 0 or blank_before(self.blocks, i)

    def caption_after(self, i: int, line: Line) -> bool:
        """Is the credit (block i) followed right away by a caption, a short paragraph that
        opens no story? Some papers print the photographer over the caption."""
        b = self.block_after(i)
        return isinstance(b, Para) and not b.lead and len(b.text) <= CAPTION_MAX \
            and b.lines[0].no == line.no + 1

    def on_signature(self, line: Line, i: int = 0) -> None:
        self.settle()
        name = is_signature(line.text) or line.text  # (whatever classify took for one)
        cur = self.cur
        if cur is None or self.closed:
            self.noise.append(Noise(line.text, line.no, "signature without article"))
            return
        if cur.byline is None:  # 莲溪镇新开通3条公交线路 / 近日，…（记者 X）: a brief's title
            lift_title(cur, self.blocks[i - 1] if i > 0 else None, BRIEF_TITLE_SHARE)
            cur.byline = name
        elif bare_dateline(cur.byline) and cur.paragraphs:
            sign(cur, name)  # 本报讯 3月12日，… （记者 杨雪）
        elif self.break_at and cur.title and LEAD_RE.match(cur.byline):
            # A story whose lead names its reporters signs no more: the text after its
            # last blank line is another story, signed here (its headline may follow).
            other = self.start(self.break_line)
            other.paragraphs, other.byline = cur.paragraphs[self.break_at:], name
            del cur.paragraphs[self.break_at:]
            cur = other
        else:
            cur.paragraphs.append(line.text)
        if cur.kind == "news":
            cur.kind = "brief"
        self.closed = True

    # -- finishing -------------------------------------------------------
    def finish(self) -> None:
        self.settle()
        if self.pending_from is not None:
            note = f"（上接第{self.pending_from}版）"
            self.noise.append(Noise(note, 0, "continuation note without article"))
        kept = []
        for a in self.articles:
            if a.title and len(a.paragraphs) == 1 and is_label(a.paragraphs[0]):
                self.noise.append(Noise(a.paragraphs[0], a.line, "column label"))
                a.paragraphs = []
            if not a.paragraphs and kept and is_notice_signer(a, kept[-1]):
                kept[-1].paragraphs.append(a.title)  # 抚州日报社文艺部 under a 征稿启事
                continue
            if not a.paragraphs:
                for text in (a.kicker, a.title, a.subtitle, a.byline):
                    if text:
                        self.noise.append(Noise(text, a.line, "headline without text"))
                continue
            a.kind = refine_kind(a)
            if a.title is None and a.kind == "news":
                a.confidence = min(a.confidence, UNTITLED_CONFIDENCE)
                a.doubts.append("no headline found: it may have been given to a "
                                "neighbouring article")
            kept.append(a)
        self.articles = kept


# A credit for the words and the pictures (记者 沈岚 文/摄): a story's, not a caption's.
WROTE_AND_SHOT_RE = re.compile(rf"{TEXT_PHOTO}$")


def labelled_first(article: Article, text: str) -> bool:
    """A titled, credited article's first paragraph opening on a label in brackets
    (title / 本报记者 X / 【泉溪镇档案】泉溪镇位于…): its text, not another story's lead."""
    lead = LEAD_RE.match(text) if article.title and not article.paragraphs else None
    return lead is not None and lead.group("inline") is not None


def captions_over(paragraphs: list[str]) -> bool:
    """Two short sentences or more over a credited paragraph, under one title (银 杏 吐 新
    绿 / 槐塘镇柳园村，林农在…。 / 杏花社区，居民在…。 / 春分将至，…。 / X 摄): a photo
    group's captions and its words, not a story and a picture of its own."""
    above = paragraphs[:-1]
    return len(above) >= 2 and all(len(p) <= GROUP_CAPTION_MAX and ends_sentence(p)
                                   for p in above)


DATED_END_RE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日$")


def signed_off(article: Article) -> bool:
    """Is the article a notice whose text ends on its signer's date (…交通管理大队 /
    2026年3月18日)? It is finished: a heading under it opens the next piece, not a
    subhead of it."""
    return bool(article.title and article.paragraphs and NOTICE_TITLE_RE.search(article.title)
                and DATED_END_RE.search(article.paragraphs[-1]))


def issuer_over_notice(above: str, title: str | None) -> bool:
    """某某局 / 关于…的公示: an official notice's title names its issuer first, however
    the page set the two apart, so the unit's name is the title's start, not its kicker."""
    return bool(title) and title.startswith("关于") and NOTICE_TITLE_RE.search(title) is not None \
        and "|" not in title \
        and is_signer(above) and bool(ORG_END_RE.search(above) or SHORT_ORG_END_RE.search(above))


def is_notice_signer(article: Article, notice: Article) -> bool:
    """A unit's name alone under a notice's last line, read as a headline with no text:
    the notice's signer."""
    return bool(article.title) and not (article.kicker or article.subtitle or article.byline) \
        and is_signer(article.title) and NOTICE_TITLE_RE.search(notice.title or "") is not None


def sign(article: Article, byline: str) -> None:
    """A credit after the text signs its article; a bare news mark (本报讯) the article
    had taken as its byline goes back to the text it opened."""
    if article.byline and article.paragraphs:
        article.paragraphs[0] = f"{article.byline} {article.paragraphs[0]}"
    article.byline = byline


EDITORS_NOTE_RE = re.compile(r"^[【\[]?编者按[】\]]?[：:]?")


PICTURE_TITLE_SHARE = 0.8  # of the caption's width: a title over it is no wider


def picture_title(para: Para, share: float = PICTURE_TITLE_SHARE) -> str | None:
    """A picture's title printed right over its caption, in the caption's paragraph: a
    short line with no punctuation over a line that opens a sentence (a date, 近日…), or
    over the whole caption, one sentence on one line (老茶客的一天 / 沈根宝在茶馆里…。).
    share: how wide the title may be against the text under it."""
    if len(para.lines) < 2 or para.lead or para.lines[1].no != para.lines[0].no + 1:
        return None
    first, second = para.lines[0].text, para.lines[1].text
    whole = len(para.lines) == 2 and para.lines[1].terminal  # …or a caption of one line
    if len(first) < 4 or para.lines[0].terminal or CLAUSE_MARKS_RE.search(first) \
            or not (opens_sentence(second) or whole):
        return None
    full = max(display_width(ln.text) for ln in para.lines[1:])
    return first if display_width(first) <= share * full else None


BRIEF_TITLE_SHARE = 1.0  # a brief's title over its text in a narrow column may fill it


def lift_title(article: Article, above: Block | None,
               share: float = PICTURE_TITLE_SHARE) -> None:
    """An untitled article of one paragraph, the paragraph printed just above (a caption
    over its credit, a brief over its signature), whose first line is its title
    (picture_title): that line becomes the title and the rest the text."""
    if article.title is None and len(article.paragraphs) == 1 and isinstance(above, Para) \
            and article.paragraphs[0] == above.text and (title := picture_title(above, share)):
        article.title, article.paragraphs = title, [join_block(above.lines[1:])]




def is_editors_note(text: str) -> bool:
    """编者按：… — the editors' word before a piece or a column."""
    return EDITORS_NOTE_RE.match(text) is not None


def is_label(text: str) -> bool:
    """A lone short unpunctuated line under a headline: a part or column label."""
    return len(text) <= 16 and not ends_sentence(text)


def kicker_line(first: str, rest: str, alone: bool = True) -> bool:
    """Is a block's first line a 引题 set right over its title, not the title's first
    deck? A line ending in —— or 强调/指出, an opinion column's name, a unit name over
    a line that is none, or, in a group of one block, a short lead-in (今年前5个月) well
    shorter than the title (under a kicker block, 进出口总值 / 同比增长21.6% is one title)."""
    if first.endswith("——") or KICKER_END_RE.search(first) or LETTERED_LABEL_RE.match(first):
        return True  # (B 征集 / 桂园区征集…: the label is whole, though 征集 wants an object)
    if unbalanced(first):
        return False  # 中卫市“15分钟 / 便民生活圈”…: a quotation runs on into the title
    if (KICKER_PHRASE_RE.match(first) and not breaks_mid_phrase(first, rest)) \
            or (FOCUS_KICKER_RE.match(first) and first[-1] not in DANGLING):
        # 产业兴旺看乡村 / 聚焦项目建设 / 奋战一季度 over a title: a series' line, not a place (and
        # 建设 ends the thing it follows, not a verb wanting its object)
        return True
    if (LOCALITY_END_RE.search(first) and not first.startswith(VISIT_STARTS)) \
            or TIME_END_RE.search(first):
        # 和顺街道杏花社区 / 建起“暖心驿站”: the place is the title's subject (a series
        # that goes somewhere, 走进海岛村, is a kicker over its stories' titles)
        return False
    if (is_kicker(first) or FEATURE_COLUMN_RE.match(first)) and not is_kicker(rest) \
            and not breaks_mid_phrase(first, rest):
        return True
    if EVENT_KICKER_RE.search(first) and not rest.startswith(DASHES):
        return True  # 某某到某县督导防汛工作 / 做好防汛准备: the report of a visit over a title
    if alone and "，" in first[:-1] and "，" not in rest:
        # a clause over the title: 连晴一周后，宁波人又要翻出厚外套了 (a line that ends on
        # its comma, 回南天来了， / 家里防潮有妙招, is a title wrapped there)
        return True
    if alone and " " in first.strip() and " " not in rest and len(rest) >= len(first):
        return True  # a two-part slogan over a longer title: 产地直发 冷链护航
    if not alone or runs_on(first, rest):
        return False
    if len(first) >= KICKER_LONG and len(rest) >= KICKER_LONG and not rest.startswith(("—", "-")) \
            and longer_by(rest, first) >= KICKER_TITLE_LONGER:
        # Two full lines: a kicker over its longer title (30所学校1800余名运动员同场竞技 /
        # 全市中小学生秋季运动会下周开幕); a two-deck title prints its decks on one line.
        # A title wrapped over two lines fills its first line: the rest is no longer
        # (全国冰雪旅游人次 / 今冬有望再创新高).
        return True
    return len(first) <= KICKER_MAX and len(first) + KICKER_SHORTER <= len(rest)


# A feature or 副刊 column's name over its one piece's title (乡土记忆 / 老屋檐下的燕子,
# 伊洛茶座 / 把好事办长久). Only over a title in its group: inside a long story, 留住记忆
# may head a part of it as well.
FEATURE_COLUMN_RE = re.compile(
    r"^[\u4e00-\u9fff]{1,4}(?:记忆|漫笔|笔会|副刊|茶座|见闻|人家|夜话|札记|杂记|散记|文苑|诗苑"
    r"|走笔|絮语)$")


# A campaign's line that names what the paper is following (聚焦项目建设, 关注老旧小区改造)
# over a title in the same group. Alone, such a line may be a column's name over its briefs.
FOCUS_KICKER_RE = re.compile(
    r"^(?:聚焦|关注)[\u4e00-\u9fff“”]{2,10}$"
    # …and a campaign's call for a season: 奋战一季度, 决战四季度, 奋战首季度 开局当冲刺
    r"|^(?:奋战|决战|大干|冲刺)(?:首季度|[一二三四]季度|上半年|下半年|全年|开门红)"
    r"(?:\s*[\u4e00-\u9fff]{3,6})?$")


# A place below the county (a village, a community, a block of flats, a street's quarter,
# a school, a clinic, an industrial park, a market) over a line of its own: the
# subject its title goes on about (枫林镇卫生院 / 开设“夜间门诊”), not a unit's name set
# over a title.
LOCALITY_END_RE = re.compile(
    r"(?:村|社区|小区|街区|镇|乡|路口|产区|街道|片区|学校|校区|医院|卫生院|产业园|园区|夜市"
    r"|卫生所|服务站|图书馆|博物馆|(?<![进家校])园|早市|集市|菜市|超市)$")  # …an orchard


VISIT_STARTS = ("走进", "走近", "探访", "来到", "走访", "行走")
# …and so is a time a title's first line ends on (全国春季 / 植树造林有序展开, 雪松县今年 /
# 新建高标准农田5.2万亩): a kicker is a phrase of its own and does not end so.
TIME_END_RE = re.compile(
    r"(?:今年|明年|春季|夏季|秋季|冬季|今春|今夏|今秋|今冬|本月|年内|上半年|下半年|[一二三四]季度)$")


# A report of a meeting or a visit set over a title is its 引题 (张三到某县督导防汛工作 /
# 做好防汛准备 确保群众安全); a subtitle under a title starts with ——, as a rule.
EVENT_KICKER_RE = re.compile(
    r"(?:到|赴|在)[\u4e00-\u9fff]{1,12}(?:督导|调研|检查|视察|考察|走访|慰问)"
    r"|召开[\u4e00-\u9fff]{0,16}会$|(?:督导|调研|检查|视察|考察)[\u4e00-\u9fff]{0,10}工作$")


QUOTE_MARKS_RE = re.compile(r"[“”‘’《》「」『』\"'·、\s]")


def longer_by(line: str, other: str) -> float:
    """How much longer one line's words are than another's, quotation marks and spaces
    aside: the less of the two counts, in characters and in printed cells (a digit takes
    half a cell), so that 全省今年将新铺设 / 乡村道路2600公里 are as wide as each other."""
    a, b = QUOTE_MARKS_RE.sub("", line), QUOTE_MARKS_RE.sub("", other)
    return min(len(a) - len(b), display_width(a) - display_width(b))


def set_a_paragraph_a_line(blocks: list[Block]) -> bool:
    """Is the page's text set a paragraph a line, as a web page's is? Its headlines are
    then never wrapped: each of their lines is a part of its own."""
    paras = [b for b in blocks if isinstance(b, Para)]
    return bool(paras) and 2 * sum(a_paragraph_a_line(p.lines) for p in paras) > len(paras)


def split_head(head: Head, dashed_below: bool = False,
               unwrapped: bool = False) -> tuple[str | None, str, str | None]:
    """Kicker, title and subtitle of a headline group, by the usual Chinese layout:
    引题 (a unit name or a clause ending in 要求/强调) above the 主题, 副题 below it.
    dashed_below: a ——subtitle is printed under the group (not part of it); unwrapped:
    the group stands over a web article's data line or byline, on a page set a paragraph
    a line, so a line of it is never half a title."""
    units: list[str] = []
    set_over = False  # the first block's first line was read as a kicker over its title
    facts_under = False  # a title wrapped on a particle, then a longer line of facts
    for n, block in enumerate(head.blocks):
        if len(head.blocks) == 1 and len(block) == 3 and block[0].text[-1] in DANGLING \
                and len(block[2].text) >= len(block[0].text + block[1].text) + SUBTITLE_LONGER:
            facts_under = True  # 羊绒车间里的 / “00后” / 柳湾镇返乡青年在家门口当上技术员
            units += [join_block(block[:2]), block[2].text]
        elif len(head.blocks) == 1 and len(block) == 2 and len(block[0].text) > KICKER_MAX \
                and "，" not in block[0].text and "，" in block[1].text \
                and undashed_subtitle(block[0].text, block[1].text):
            facts_under = True  # 某镇某项目首栋厂房封顶 / 预计三季度投入使用，可容纳企业20家
            units += [block[0].text, block[1].text]
        elif unwrapped and len(head.blocks) == 1 and len(block) == 2 \
                and not head.markdown_level and len(block[0].text) >= FULL_TITLE \
                and not is_kicker(block[0].text) and not unbalanced(block[0].text) \
                and not block[0].text.endswith(DASHES) and " " not in block[0].text:
            facts_under = True  # 浏阳河沿岸新增5处亲水平台 / 平台兼顾防洪与休闲, on a web page
            units += [block[0].text, block[1].text]
        elif len(head.blocks) == 1 and len(block) == 4 \
                and kicker_line(block[0].text, join_block(block[1:])) \
                and (len(block[3].text) >= len(block[1].text + block[2].text) + SUBTITLE_LONGER
                     or (not dashed_below and deck_under_wrapped(
                         block[1].text, block[2].text, block[3].text))):
            set_over = True  # 向海图强 / 蓝屿镇海带丰收 / 一根绳“拴”住增收路 / 全镇养殖…8万吨
            units += [block[0].text, join_block(block[1:3]), block[3].text]
        elif len(block) >= 3 and block[0].text[-1] in "，," and "，" not in block[1].text:
            set_over = set_over or n == 0  # 泉阳区盘活城市边角地， / 推动…扩容 / title
            units.append(join_block(block[:2]))
            units.append(join_block(block[2:]))
        elif len(block) >= 2 and (block[0].no == block[1].no or (kicker_line(
                block[0].text, join_block(block[1:]), len(head.blocks) == 1)
                and not (all(ln.emphasized for ln in block)  # (one type: one title,
                         and not COLUMN_WORD_RE.match(block[0].text)))  # not 流溪短评 over it)
                or block[0].reason == BRACKETED_LABEL or PHOTO_LABEL_RE.match(block[0].text)
                or (len(block) == 2 and block[1].emphasized and not block[0].emphasized)):
            # (一周点击 | 公园不是停车场, printed on one line: a label before a bar;
            # 【画溪人家】 over its title, a label in brackets; 寻味锡城 over 运 河 边 的 老
            # 茶 馆, the title set apart by its type; 图片新闻 over one picture's title)
            set_over = set_over or n == 0
            units.append(block[0].text)
            units.append(join_block(block[1:]))
        else:
            units.append(join_block(block))
    kicker = None
    if head.markdown_level == 1 and len(units) >= 2:
        at = head.title_block if 0 <= head.title_block < len(units) else len(units) - 1
        kicker = " ".join(units[:at]) or None
        units = units[at:]
    elif len(units) >= 2 and not facts_under and (
            set_over or is_kicker(units[0]) or units[0].endswith("——")
            or ("，" in units[0] and "，" not in units[1])
            or (EVENT_KICKER_RE.search(units[0]) is not None and not units[1].startswith("—"))
            or (len(units[0]) <= KICKER_MAX
                and len(units[0]) + KICKER_SHORTER <= len(units[1]))):
        # A 引题 above is shorter than its 主题; a 副题 below it is the shorter one.
        kicker = units.pop(0)
    elif len(units) >= 2 and not units[1].startswith(DASHES) and (
            (dashed_below and len(units) == 2)
            or (len(units) >= 3 and units[2].startswith(DASHES))):
        kicker = units.pop(0)  # 引题 / 主题 / ——副题: what stands over the title is its kicker
    if kicker and len(units) == 1 and len(head.blocks) == 1 and len(head.blocks[0]) == 3:
        title_line, under = head.blocks[0][1].text, head.blocks[0][2].text
        units = undashed_subtitle(title_line, under) \
            or (not dashed_below and two_decks(title_line, under)) or units
    label = BRACKET_LABEL_RE.match(units[0]) if kicker is None else None
    if label:  # 【图片新闻】樱花绽放引客来, # 报小拍|沙滩上的“小小赶海人”
        kicker, units[0] = label.group(1) or label.group(2), label.group(3)
    title = units[0]
    if head.markdown_level and (numbered := NUMBERED_TITLE_RE.match(title)
                                or CIRCLED_TITLE_RE.match(title)):
        title = numbered["title"]  # **1.柳堤乡举办春季招聘会**, **①…**: a numbered brief's
    subtitle = " ".join(units[1:]) or None
    return kicker, title, subtitle


# A column's label set before its title on the line, in brackets or before a bar: the
# title's kicker.
BRACKET_LABEL_RE = re.compile(
    rf"^(?:【([^】]{{2,10}})】|([\u4e00-\u9fff]{{2,8}}{CIRCLED_NUMBER}?)\s*[|｜]\s*)(\S.{{3,}})$")


SUBTITLE_LONGER = 3  # characters: how much longer than the title an undashed subtitle runs
CIRCLED_TITLE_RE = re.compile(rf"^{CIRCLED_NUMBER}(?P<title>[^，。；：,;:！？、\s【】]{{4,24}})$")
DECK_MIN = 10  # characters: the least a line of facts under a title wrapped in two runs


def deck_under_wrapped(first: str, second: str, under: str) -> bool:
    """A title wrapped in two short lines and a line of facts longer than either under
    them (榆湾镇面粉产业园 / 二期主体封顶 / 年内可新增日处理小麦1200吨): the title's undashed
    subtitle, not its third line, which a wrap would leave no longer than the others."""
    wide = max(len(first.replace(" ", "")), len(second.replace(" ", "")))
    below = len(under.replace(" ", ""))
    facts = DIGIT_RE.search(under) is not None or "，" in under or " " in under.strip()
    return below >= DECK_MIN and below >= wide + (SUBTITLE_LONGER - 1 if facts else SUBTITLE_LONGER)


def undashed_subtitle(title: str, under: str) -> list[str] | None:
    """Kicker / title / a longer line of facts under it (民生实事进行时 / 老小区装上新电梯 /
    澄波区今年计划加装60部，已开工23部): the last line is a subtitle printed without its
    dash, not the title's second half. [title, subtitle], or None."""
    if len(under) < len(title) + SUBTITLE_LONGER or runs_on(title, under):
        return None
    if not (DIGIT_RE.search(under) or "，" in under or " " in under):
        return None
    return [title, under]


DECK_LONG = 10  # characters: under a kicker, a title line this long is a whole 主题,
DECK_UNDER_LONG = 12  # …a line this long under it is a sentence of facts, its 副题,
DECK_SHORTER = 3  # …unless it is shorter than the title by more: then it is the title's tail


def two_decks(title: str, under: str) -> list[str] | None:
    """Kicker / a full title / a full line of facts under it (民生实事进行时 / 琴湾街道老旧
    小区加装电梯提速 / 今年计划新增电梯120部): a title wrapped under its kicker is set in
    short lines, so two long ones are its 主题 and its undashed 副题. [title, subtitle]."""
    wide, below = len(title.replace(" ", "")), len(under.replace(" ", ""))
    if wide < DECK_LONG or below < DECK_UNDER_LONG or below + DECK_SHORTER < wide:
        return None
    if runs_on(title, under) or unbalanced(title) or under.startswith(DASHES):
        return None
    return [title, under]


DASHES = ("—", "－", "-")


def notice_titled(title: str | None) -> bool:
    """Does the title name a notice (停水通知, 征集启事, …工作的提示)?"""
    return bool(title) and (re.search(r"通知|公告|启事|通告|声明", title) is not None
                            or NOTICE_TITLE_RE.search(title) is not None)


def refine_kind(article: Article) -> str:
    """Interviews, notices and tables are recognisable from their shape."""
    if article.kind != "news":
        return article.kind
    sub = article.subtitle or ""
    qa = sum(1 for p in article.paragraphs  # as printed or set in bold: **记者：**…
             if p.lstrip("*").startswith(("记者：", "问：", "答：", "记者:", "问:", "答:")))
    if sub.startswith(("——访", "—访", "访")) or qa >= 2:
        return "interview"
    if notice_titled(article.title):
        return "notice"
    if len(article.paragraphs) <= PHOTO_GROUP_MAX \
            and sum(group_caption(p) for p in article.paragraphs) >= 2:
        return "photo"  # an intro and numbered captions (图①…, 大图：…): a photo group
    rows = sum(1 for p in article.paragraphs
               if (" " in p or "\t" in p or "|" in p or "｜" in p) and TABLE_ROW_RE.fullmatch(p))
    if rows >= TABLE_ROWS and 2 * rows >= len(article.paragraphs):
        return "table"  # mostly rows of cells: 白菜 斤 1.6 下降
    return "news"


# A paragraph of a table: cells set apart by spaces (or |), no sentence punctuation.
TABLE_ROW_RE = re.compile(r"[|｜].*[|｜]\s*"
                          r"|[^，。；！？,;!?\s|｜]+(?:\s*[|｜]\s*|\s+)[^，。；！？,;!?]*")
TABLE_ROWS = 3  # rows at least: two spaced lines are a headline's halves as often
