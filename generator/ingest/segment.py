"""Segment one OCR page into articles.

Pipeline: decoded text → repaired lines (`repair`) → classified lines (`lines`)
→ blocks: paragraphs, headline groups, markers (`blocks`) → a plan for the page's
headline groups (`plan`) → articles (here).

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
from itertools import islice, pairwise

from generator.errors import plural
from generator.ingest.article import Article, Noise, SegmentedPage
from generator.ingest.blocks import (
    NOTICE_TITLE_RE,
    Block,
    BlockBuilder,
    Head,
    Marker,
    Para,
    join_block,
    next_block,
    runs_on,
    strong_head,
)
from generator.ingest.lines import (
    AUTHOR_UNIT_RE,
    BULLET_MARKS,
    BULLETS,
    CAPTION_CREDIT_RE,
    CLAUSE_PUNCT_RE,
    CONT_RE,
    CREDIT_TAIL_RE,
    INLINE_TITLE_RE,
    KICKER_END_RE,
    LEAD_RE,
    NUMBERED_ITEM_RE,
    SIGN_OFF_DATE_RE,
    SPACED_TITLE_RE,
    TRAILING_BYLINE_RE,
    Kind,
    Line,
    bare_title,
    bullet_title,
    classify,
    display_width,
    ends_sentence,
    is_byline,
    is_kicker,
    is_signer,
    opens_sentence,
    sentence_tail,
)
from generator.ingest.plan import (
    BANNER_NAME,
    CLOSE,
    COLUMN_LABEL_RE,
    OPEN,
    SPLIT,
    SUB,
    is_banner_name,
    is_column_label,
    plan,
)
from generator.ingest.repair import (
    describe_char,
    find_broken_chars,
    find_invisible_chars,
    join_lines,
    repair_line,
    repair_lines,
    strip_invisible,
)

MARKDOWN_RE = re.compile(r"^#{1,6}\s+\S", re.MULTILINE)
SIGNATURE_TAIL_RE = re.compile(
    r"^(?P<text>.*?[。！？”])?\s*[（(]"
    r"(?P<name>[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4}){0,2})[）)]$"
)
VERTICAL_MIN = 3
TAIL_ENDS = frozenset("摄）)")  # lines that may end with a credit, signature or jump note
CONT_TAIL_RE = re.compile(CONT_RE.pattern + "$")
BARE_LEADS = ("本报讯", "本报讯：", "本报讯:")  # a lead whose credit is on the next line
KICKER_SHORTER = 4  # characters: how much shorter a group's first part is when a kicker
KICKER_MAX = 8  # characters: …and how long such a short kicker (今年前2个月) can be
KICKER_LONG = 8  # characters: two lines this long in one group are a kicker and a title
KICKER_TITLE_LONGER = 2  # characters: how much longer a title is than such a kicker
CAPTION_MAX = 160  # characters: a photo caption is a paragraph at most this long
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"  # numbered captions of a photo group
PHOTO_GROUP_MAX = 6  # paragraphs: a photo group's intro and captions under its title
GROUP_CAPTION_RE = re.compile(
    r"^图\s*[①②③④⑤⑥⑦⑧⑨⑩\d]\s*[：:]?|^[①②③④⑤⑥⑦⑧⑨⑩]|^[大小上下左右中]图[：:]")


def group_caption(text: str) -> bool:
    """One of a photo group's numbered captions: ①…, 图②：…, 图3 …"""
    return GROUP_CAPTION_RE.match(text) is not None
DOUBT_BELOW = 0.8  # a decision less sure than this is recorded as a doubt
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
    blocks = names_as_signatures(separate_section_names(blocks))
    votes = Assembler(blocks, headlines_first=markdown).collect_votes()
    page = Assembler(blocks, headlines_first=markdown, votes=votes).run()
    page.warnings = warnings + page.warnings
    return page


def separate_section_names(blocks: list[Block]) -> list[Block]:
    """'读者之声' printed over the first headline under the pinyin banner, '本地简讯' over
    a brief's or under the headline of the story above: the section's or column's name
    as a group of its own, so that it is not read as part of a headline."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if isinstance(block, Head) and not block.markdown_level:
            first_line = block.blocks[0][0].text
            banner = (isinstance(prev, Marker) and prev.line.reason == "section banner"
                      and len(first_line) <= BANNER_NAME)
            label = COLUMN_LABEL_RE.match(first_line) is not None
            if (banner or label) and (len(block.blocks[0]) > 1 or len(block.blocks) > 1):
                first, *rest = block.blocks[0]
                out.append(Head([[first]]))
                block = Head([rest, *block.blocks[1:]] if rest else block.blocks[1:])
            last = block.blocks[-1]
            if len(block.blocks) > 1 and len(last) == 1 and COLUMN_LABEL_RE.match(last[0].text):
                out.append(Head(block.blocks[:-1]))  # a headline, then the next column's name
                block = Head([last])
        out.append(block)
    return out


# The commonest surnames: a two- or three-character line starting with one, printed
# right after a finished paragraph, is the author's name, not a headline.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
    "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙"
    "史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁"
    "岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆")
BARE_NAME_RE = re.compile(r"^[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,2}$")


def names_as_signatures(blocks: list[Block]) -> list[Block]:
    """'廖红红' (or '向 炜') on its own line after an article's last sentence: a byline
    printed at the end, read as the article's signature."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (isinstance(block, Head) and not block.markdown_level
                and len(block.blocks[0]) == 1 and isinstance(prev, Para)
                and prev.lines[-1].terminal):
            line = block.blocks[0][0]
            if is_name(line.text):
                out.append(Marker(Line(line.no, line.text, Kind.SIGNATURE, line.width)))
                if len(block.blocks) == 1:
                    continue
                block = Head(block.blocks[1:])  # the next article's headline follows
        out.append(block)
    return out


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


def prepare_lines(text: str, markdown: bool) -> list[Line]:
    """Repair and classify every line; undo vertical headlines and split glued tails."""
    raw_lines = text.split("\n")
    pairs = [(no, raw, line)
             for no, (raw, line) in enumerate(zip(raw_lines, repair_lines(text), strict=True),
                                              start=1)]
    if sum(len(p[2]) == 1 for p in pairs) >= VERTICAL_MIN:
        pairs = merge_vertical(pairs)
    pairs = mend_wrapped_signatures(pairs)
    if "摄" in text:  # one search rules most pages out
        pairs = mend_wrapped_credits(pairs)
    out: list[Line] = []
    for no, raw, text in pairs:
        if text and text[-1] in TAIL_ENDS:
            out.extend(classify(no, part, markdown) for part in split_tails(text))
        elif not text or (" " not in raw and "\u3000" not in raw and "|" not in text
                          and "｜" not in text):
            out.append(classify(no, text, markdown))  # most lines: nothing printed apart
        elif len(raw) > 6 and " " in raw[-5:-1] and GLUED_NAME_RE.match(raw.rstrip()):
            out.extend(split_glued_name(no, text, markdown))  # '…解决。 秦玉' as printed
        elif ("  " in raw or "\u3000" in raw) and (heads := head_line_parts(raw, no)):
            out += heads  # 标题 ——副题   □记者 X: an e-paper's headline group on one line
        elif " " in text and (parts := title_then_lead(text)):
            title, lead = parts  # 各地抢抓农时推进春耕备耕   新华社北京3月11日电 …
            out += [Line(no, title, Kind.TEXT, display_width(title)),
                    Line(no, lead, Kind.LEAD, display_width(lead))]
        elif raw[:1] and raw[0] in BULLETS and (parts := spaced_brief_title(raw)):
            title, rest = parts  # ●枣香村开设农民夜校 3月10日晚，… (repair drops that space)
            out += [Line(no, title, Kind.TEXT, display_width(title), bullet=True),
                    Line(no, rest, Kind.LEAD, display_width(rest))]
        elif "记者" in raw[-16:] and (byline := trailing_byline(raw, text)):
            out += [classify(no, text[:-len(byline)], markdown),  # …十来块。 本报记者 邵 宁
                    Line(no, byline, Kind.BYLINE, display_width(byline))]
        elif ("|" in text or "｜" in text) and KICKER_BAR_RE.match(text):
            bar = KICKER_BAR_RE.match(text)  # 区县观察 | 让山城步道“热”得更久
            out.extend(classify(no, part, markdown) for part in bar.groups())
        else:
            out.append(classify(no, text, markdown))
    return join_bylines(wrapped_lead_credits(titles_on_top(dates_in_mastheads(extend_boxes(
        hotlines_in_text(mark_bare_names(unlist_authors(bullet_titles(out, markdown)))))))))


OPEN_PAREN_RE = re.compile(r"[（(][^）)]*$")  # a bracket opened and not closed on its line
WRAPPED_CREDIT_LINES = 2  # lines a lead's bracketed credit may run on over


def wrapped_lead_credits(lines: list[Line]) -> list[Line]:
    """本报讯（某某日报全媒体 / 记者 钱 晶 通讯员 赵 / 畅）连日来，…: the lines inside a
    lead's open bracket are the lead's own text, however much they look like bylines."""
    for i in [i for i, ln in enumerate(lines) if ln.kind is Kind.LEAD
              and OPEN_PAREN_RE.search(ln.text)]:
        for ln in lines[i + 1:i + 1 + WRAPPED_CREDIT_LINES]:
            if ln.kind in (Kind.BYLINE, Kind.CREDIT, Kind.SIGNATURE):
                ln.kind = Kind.TEXT
            if ln.kind is not Kind.TEXT or "）" in ln.text or ")" in ln.text:
                break
    return lines


def join_bylines(lines: list[Line]) -> list[Line]:
    """Byline lines one right under another (全媒体记者 郑岩 / 特约通讯员 孙晓光) are one
    byline, credits listed on two lines."""
    joined: set[int] = set()
    for i in [i for i, ln in enumerate(lines) if ln.kind is Kind.BYLINE]:
        if i + 1 < len(lines) and lines[i + 1].kind is Kind.BYLINE and i not in joined:
            first, second = lines[i], lines[i + 1]
            lines[i + 1] = Line(first.no, f"{first.text} {second.text}", Kind.BYLINE,
                                first.width)
            joined.add(i)
    return [ln for i, ln in enumerate(lines) if i not in joined] if joined else lines


TITLE_SHORTER = 2  # cells: a bulleted title over its text is this much narrower than it
# A column's name and a title on one line, a bar between: 区县观察 | 让山城步道“热”得更久.
KICKER_BAR_RE = re.compile(r"^([\u4e00-\u9fff]{2,8})\s*[|｜]\s*([^|｜，。；\s][^|｜，。；]{3,30})$")


def bullet_titles(lines: list[Line], markdown: bool) -> list[Line]:
    """A short bulleted line standing alone (a blank line under it), clearly narrower
    than the text right under it (◆东淝区…开设夜间门诊 / 为方便上班族就医，…), or over
    a line that opens a sentence (●岚川县启动冬季农田水利建设 / 10月18日，…) is a
    brief's title; so is one wrapped onto a short second line over such a sentence
    (◆安河区开展秋季燃气安全入户检 / 查 / 即日起，…). A bulleted line as wide as its
    column over the rest of its sentence runs on into the next."""
    wrapped: list[Line] = []  # second lines taken into their titles
    for i in [i for i, ln in enumerate(lines) if ln.kind is Kind.LEAD]:
        ln = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        after = lines[i + 2] if i + 2 < len(lines) else None
        if nxt is None or nxt.kind is Kind.BLANK or (nxt.kind is Kind.TEXT and (
                ln.width <= nxt.width - TITLE_SHORTER or opens_sentence(nxt.text))):
            lines[i] = bullet_title(ln, markdown) or ln
        elif nxt.kind is Kind.TEXT and after is not None and opens_sentence(after.text) \
                and len(nxt.text) + TITLE_SHORTER <= len(ln.text) \
                and not any(mark in nxt.text for mark in "，。；,;："):
            joined = Line(ln.no, ln.text + nxt.text, ln.kind, ln.width + nxt.width)
            title = bullet_title(joined, markdown)
            if title:
                lines[i] = title
                wrapped.append(nxt)
    if wrapped:
        taken = {id(ln) for ln in wrapped}
        lines = [ln for ln in lines if id(ln) not in taken]
    return index_boxes(lines)


def index_boxes(lines: list[Line]) -> list[Line]:
    """Bulleted titles one right under another, with no text of their own, list the
    issue's stories (a 导读 box of ● or > lines): page furniture, not headlines."""
    bullets = [i for i, ln in enumerate(lines) if ln.bullet]
    if not any(b + 1 == c for b, c in pairwise(bullets)):
        return lines  # no two bulleted lines one right under another
    start = 0
    for i in range(len(lines) + 1):
        if i < len(lines) and lines[i].bullet and lines[i].kind in (Kind.TEXT, Kind.HEADING):
            continue
        if i - start >= 2:
            for ln in lines[start:i]:
                ln.kind, ln.reason = Kind.NOISE, "index of other pages"
        start = i + 1
    return lines


def unlist_authors(lines: list[Line]) -> list[Line]:
    """'王小明（市第一中学）' lines one under another are a list (of award winners, of
    members), not a commentary's author: they stay text."""
    for i in [i for i, ln in enumerate(lines) if ln.kind is Kind.BYLINE]:
        if AUTHOR_UNIT_RE.match(lines[i].text):
            near = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
            if any(AUTHOR_UNIT_RE.match(x.text) for x in near):
                lines[i].kind = Kind.TEXT
    return lines


# Boxes whose lines wrap: an advert, a weather box, an index of ▶ teasers (▶2版 我市出台
# 支持民营 / 经济发展20条). Not a masthead: a headline may sit right under the paper's name.
BOX_REASONS = frozenset({"advertisement", "weather box", "index of other pages"})
AD_LINES_ABOVE = 4  # lines: how far an advertisement's box reaches above its hotline
BOX_LINE = 24  # characters: the longest line read as part of such a box


def hotlines_in_text(lines: list[Line]) -> list[Line]:
    """'服务热线：0554-6628899' between a notice's last sentence and its signer is the
    notice's own line, not an advertisement's: text ends above it and goes on below."""
    for i in [i for i, ln in enumerate(lines) if ln.reason == "advertisement"]:
        ln = lines[i]
        above = next((x for x in reversed(lines[max(0, i - 2):i]) if x.kind is not Kind.BLANK),
                     None)  # the nearest lines that are not blank: a blank between at most
        below = next((x for x in lines[i + 1:i + 3] if x.kind is not Kind.BLANK), None)
        if len(ln.text) <= BOX_LINE and above is not None and below is not None \
                and above.kind in (Kind.TEXT, Kind.LEAD) and above.terminal \
                and below.kind is Kind.TEXT and not below.bullet:
            ln.kind, ln.reason = Kind.TEXT, ""
    return lines


TOP_LINES = 6  # non-blank lines: how far down a page its header reaches
TITLES_LINE_MIN = 24  # characters: a list of the page's titles on one line is this long


def titles_on_top(lines: list[Line]) -> list[Line]:
    """An e-paper's header lists the page's titles on one line, spaced apart (菜价回落
    “菜篮子”拎得更轻松 春季过敏高发 专家支招 …): furniture, not a paragraph."""
    for ln in islice((ln for ln in lines if ln.kind is not Kind.BLANK), TOP_LINES):
        parts = ln.text.split()
        if ln.kind is Kind.TEXT and len(ln.text) >= TITLES_LINE_MIN and len(parts) >= 3 \
                and "。" not in ln.text and all(len(part) >= 4 for part in parts):
            ln.kind, ln.reason = Kind.NOISE, "index of other pages"
    return lines


def dates_in_mastheads(lines: list[Line]) -> list[Line]:
    """A date, a page number or a section's name alone on its line among the masthead's
    lines (株洲日报 / 要闻 / 2026年3月12日 / 星期四, 综合新闻 03) is page furniture, not a
    notice's closing date or a headline."""
    todo = sorted({j for i, ln in enumerate(lines)
                   if ln.kind is Kind.NOISE and ln.reason in HEADER_REASONS
                   for j in (i - 1, i + 1) if 0 <= j < len(lines)})
    heapq.heapify(todo)
    while todo:
        i = heapq.heappop(todo)
        ln = lines[i]
        if ln.kind is not Kind.TEXT or not (
                (ln.terminal and SIGN_OFF_DATE_RE.match(ln.text))
                or (len(ln.text) <= MASTHEAD_ITEM and not ln.terminal
                    and not CLAUSE_PUNCT_RE.search(ln.text))):
            continue
        if i and lines[i - 1].kind is Kind.NOISE and lines[i - 1].reason == "section banner":
            ln.kind, ln.reason = Kind.NOISE, "section name"  # FUKAN / 副刊
        elif any(lines[j].kind is Kind.NOISE and lines[j].reason in MASTHEAD_REASONS
                 for j in (i - 1, i + 1) if 0 <= j < len(lines)):
            ln.kind, ln.reason = Kind.NOISE, "page header"
            if i + 1 < len(lines):
                heapq.heappush(todo, i + 1)  # the next item of the same header
    return lines


MASTHEAD_ITEM = 6  # characters: a section's name or a page number beside the masthead
MASTHEAD_REASONS = frozenset({"masthead", "page header"})
HEADER_REASONS = MASTHEAD_REASONS | {"section banner"}


def extend_boxes(lines: list[Line]) -> list[Line]:
    """Short unpunctuated lines set right under an advertisement, a weather box or a ▶
    teaser (no blank between) belong to that box: '地址：棠庄路9号'; so do a few right above an
    advertisement's hotline, which closes the box: '嘉河口腔医院 / 夏季种植牙惠民月'."""
    for i in [i for i, ln in enumerate(lines) if ln.kind is Kind.NOISE]:
        ln = lines[i]
        reason = ln.reason
        if reason == "index of other pages" and i and wrapped_teaser(lines[i - 1]):
            lines[i - 1].kind, lines[i - 1].reason = Kind.NOISE, reason
        if reason not in BOX_REASONS or (
                reason == "index of other pages" and ln.text[:1] not in "▶►"):
            continue
        boxed = i and lines[i - 1].kind is Kind.NOISE and lines[i - 1].reason in BOX_REASONS
        if reason == "advertisement" and not boxed:
            for above in lines[max(0, i - AD_LINES_ABOVE):i][::-1]:
                if not box_line(above):
                    break
                above.kind, above.reason = Kind.NOISE, reason
        j = i + 1
        while j < len(lines) and box_line(lines[j]):
            lines[j].kind, lines[j].reason = Kind.NOISE, reason
            j += 1
    return lines


TEASER_LINE = 20  # characters: the first line of a teaser wrapped over two


def wrapped_teaser(ln: Line) -> bool:
    """The first line of a teaser whose second line names its page (▶老手艺人口述：修老宅
    / 要“慢工” A03, ■渔家峪村：民宿有了 / “管家团” 6版)."""
    return ln.kind in (Kind.TEXT, Kind.LEAD) and ln.text[:1] in "▶►" + BULLET_MARKS \
        and len(ln.text) <= TEASER_LINE and not ln.terminal


def box_line(ln: Line) -> bool:
    """A short unpunctuated text line, as boxes print them."""
    return ln.kind is Kind.TEXT and len(ln.text) <= BOX_LINE and not ln.terminal \
        and not any(ch in ln.text for ch in "，。")


def mark_bare_names(lines: list[Line]) -> list[Line]:
    """A name alone between a finished sentence and a blank line ('…不绝。' / '陶一鸣' /
    ''): the article's author, printed at its end."""
    for i in [i for i, ln in enumerate(lines) if ln.kind is Kind.TEXT
              and len(ln.text) <= NAME_LINE and ln.text[:1] in SURNAMES]:
        ln = lines[i]
        prev = next((x for x in reversed(lines[max(0, i - 3):i]) if x.kind is not Kind.BLANK),
                    None)  # the last line that is not blank (a name stands alone: one blank)
        if prev is None or not prev.terminal or not is_name(ln.text):
            continue
        after = lines[i + 1] if i + 1 < len(lines) else None
        beyond = next((x for x in lines[i + 2:i + 4] if x.kind is not Kind.BLANK), None)
        if (after is None or after.kind is Kind.BLANK) and not (
                beyond is not None and beyond.kind is Kind.BYLINE):
            ln.kind = Kind.SIGNATURE  # (a title has its author's byline under it)
    return lines


NAME_LINE = 5  # characters: a name alone, spaced or not (向 炜, 陶一鸣)


def is_name(text: str) -> bool:
    """A person's name alone: a common surname and one or two characters. Two-character
    words (白露, 童年, 夏至) are titles as often as names, so they count only when printed
    spaced as names are (向 炜)."""
    if text[:1] not in SURNAMES or not BARE_NAME_RE.match(text):
        return False
    return len(text.replace(" ", "")) == 3 or " " in text


OPEN_SIGNATURE_RE = re.compile(r"[（(][^（()）]{1,24}$")  # （记者 彭亮 通讯员 / （雷辉
SIGNATURE_END_RE = re.compile(r"^[\u4e00-\u9fff·\s]{1,10}[）)]$|^\d{1,2}\s*版[）)]$")  # 2版）


def mend_wrapped_signatures(pairs: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """'…完成。（雷辉' / '钰）': a brief's signature (or a jump note, '（下转' / '2版）')
    wrapped at the column's end is put back on one line, to be read as what it is."""
    out: list[tuple[int, str, str]] = []
    for pair in pairs:
        prev = out[-1] if out else None
        if (prev and SIGNATURE_END_RE.match(pair[2]) and OPEN_SIGNATURE_RE.search(prev[2])):
            out[-1] = (prev[0], prev[1], prev[2] + pair[2].strip())
            continue
        out.append(pair)
    return out


CREDIT_WRAP_LINES = 3  # lines a caption's run-on credit may be wrapped over


def mend_wrapped_credits(pairs: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """'…层林尽染的秋色 全媒' / '体首席记者彭志远 通讯员韩雨' / '桐 摄': a caption that runs
    on into its credit, wrapped over lines. The credit is put on a line of its own, so that
    it is read as the credit it is; the caption keeps its words."""
    out: list[tuple[int, str, str]] = []
    for pair in pairs:
        out.append(pair)
        if not pair[2].endswith("摄") or len(out) < 2:
            continue
        for back in range(CREDIT_WRAP_LINES + 1, 1, -1):  # the widest window first
            tail = out[-back:]
            if back > len(out) or not all(text for _, _, text in tail):
                continue
            joined = "".join(text for _, _, text in tail)
            found = CAPTION_CREDIT_RE.search(joined)
            if found is None or found.start(1) > len(tail[0][2]):
                continue  # the credit starts on a later line: look further back
            caption = tail[0][2][:found.start(1)].rstrip()
            if not caption.strip():
                break
            del out[-back:]
            out.append((tail[0][0], tail[0][1], caption))
            out.append((tail[-1][0], tail[-1][1], found.group(1)))
            break
    return out


def merge_vertical(pairs: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """A headline set vertically comes out one character a line: put it back on one line.

    Its last character is often glued to the next article's lead ('会本报讯（…').
    """
    out: list[tuple[int, str, str]] = []
    i = 0
    while i < len(pairs):
        if len(pairs[i][2]) != 1:
            out.append(pairs[i])
            i += 1
            continue
        j = i
        while j < len(pairs) and is_single_cjk(pairs[j][2]):
            j += 1
        glued = j < len(pairs) and len(pairs[j][2]) > 1 and LEAD_RE.match(pairs[j][2][1:])
        count = j - i + (1 if glued else 0)
        if count < VERTICAL_MIN:
            out.append(pairs[i])
            i += 1
            continue
        chars = "".join(p[2] for p in pairs[i:j]) + (pairs[j][2][0] if glued else "")
        out.append((pairs[i][0], chars, chars))
        out.append((pairs[i][0], "", ""))  # the headline stands alone
        if glued:
            no, _raw, text = pairs[j]
            out.append((no, text[1:], text[1:]))
            j += 1
        i = j
    return out


def is_single_cjk(text: str) -> bool:
    return len(text) == 1 and "\u4e00" <= text <= "\u9fff"


GLUED_NAME_RE = re.compile(r"^(?P<text>.*[。！？”])\s+(?P<name>[\u4e00-\u9fff]{2,3})$")
NAME_AFTER_STOP_RE = re.compile(r"^(?P<text>.*[。！？”])(?P<name>[\u4e00-\u9fff]{2,3})$")


SPACED_TAIL_RE = re.compile(r"^.*[。！？”][ \u3000]+(?P<tail>\S.{1,24})$")


WIDE_GAP_RE = re.compile(r"[ \u3000]{2,}")


def head_line_parts(raw: str, no: int = 0) -> list[Line]:
    """An e-paper's headline group printed on one line, wide gaps apart: the title, its
    ——subtitle and the byline after the last gap (苜蓿川镇：小花椒“串”起致富链 ——陇槐县
    发展特色产业见闻   □新天水·天水日报记者 景 涛). [] for any other line."""
    parts = [part for part in WIDE_GAP_RE.split(raw.strip()) if part]
    if len(parts) < 2 or "。" in raw:
        return []
    byline = classify(no, repair_line(parts[-1]), False)
    if byline.kind is not Kind.BYLINE:
        return []
    head = repair_line(" ".join(parts[:-1]))
    title, dash, sub = head.partition("——")
    if not MIN_TITLE_ON_LINE <= len(title.strip()) <= MAX_TITLE_ON_LINE:
        return []  # not '•   □乔 木', a paragraph mark before a byline
    out = [Line(no, title.strip(), Kind.TEXT, display_width(title.strip()))]
    if dash:
        out.append(Line(no, dash + sub.strip(), Kind.SUBTITLE, display_width(dash + sub)))
    return [*out, byline]


MIN_TITLE_ON_LINE, MAX_TITLE_ON_LINE = 4, 34  # characters of a title read off such a line
TITLE_THEN_LEAD_RE = re.compile(r"^(?P<title>[^\s，。；：,;:！？]{4,30}) (?P<lead>\S.*)$")


def title_then_lead(text: str) -> tuple[str, str] | None:
    """A headline and the lead of its story on one line, a gap between (各地抢抓农时推进
    春耕备耕   新华社北京3月11日电 记者…): the title and the lead, or None."""
    m = TITLE_THEN_LEAD_RE.match(text)
    if m is None or not LEAD_RE.match(m.group("lead")) or m.group("lead")[:1] in BULLETS + "【*":
        return None
    return m.group("title"), m.group("lead")


# ●枣香村开设农民夜校 3月10日晚，…: a brief's title, a space, then its text (a sentence).
SPACED_BRIEF_RE = re.compile(
    r"^[●■◆▲★]\s*(?!\d{1,2}月|\d{4}年)(?P<title>[^\s，。；：,;:、！？（）()]{4,24})[ \u3000]+"
    r"(?P<rest>[^\s，。].*)$")
SENTENCE_SOON_RE = re.compile(r"^[^，。]{0,30}[，。]")
MONTH_RE = re.compile(r"^\d{1,2}月")  # a date wrapped after its month: 1月 / 20日，
PAGE_REF_RE = re.compile(r"^第?\s*[A-D]?\d{1,3}\s*版?$")
WRAPPED_REST = 3  # characters: a brief's text cut off by the column's end right after it


def spaced_brief_title(raw: str) -> tuple[str, str] | None:
    """The title and the text of a brief printed on one line after its bullet, as repaired:
    the text is a sentence (a comma or full stop soon), or opens like one (1月 / 20日，…)."""
    m = SPACED_BRIEF_RE.match(raw.strip())
    if m is None:
        return None
    rest = repair_line(m.group("rest"))
    if PAGE_REF_RE.match(rest) or not (
            SENTENCE_SOON_RE.match(rest) or opens_sentence(rest) or MONTH_RE.match(rest)
            or len(rest) <= WRAPPED_REST):
        return None  # not '●…形势严峻 4版', an index of other pages
    return repair_line(m.group("title")), rest


def trailing_byline(raw: str, text: str) -> str:
    """The byline printed after a story's last sentence, a space apart, on its line
    ('…少了十来块。 本报记者 邵 宁'), as it stands at the end of the repaired text; ''
    when there is none."""
    m = SPACED_TAIL_RE.match(raw.rstrip())
    if m is None:
        return ""
    tail = repair_line(m.group("tail"))
    return tail if text.endswith(tail) and len(tail) < len(text) and is_byline(tail) else ""


def split_glued_name(no: int, text: str, markdown: bool) -> list[Line]:
    """'…研究解决。 秦玉': the author's name printed after the last sentence, a space
    apart, is that article's signature."""
    m = NAME_AFTER_STOP_RE.match(text)  # the repaired line: the space is gone
    if m is None or m.group("name")[0] not in SURNAMES:
        return [classify(no, text, markdown)]
    return [classify(no, m.group("text"), markdown),
            Line(no, m.group("name"), Kind.SIGNATURE, float(len(m.group("name"))))]


def split_tails(text: str) -> list[str]:
    """Cut a photo credit or a brief's signature off the end of a body line."""
    last = text[-1:]
    if last in ("）", ")") and "版" in text[-6:]:
        note = CONT_TAIL_RE.search(text)
        if note and note.start() > 0:
            return [text[: note.start()].rstrip(), note.group(0)]
    credit = CREDIT_TAIL_RE.search(text) if last == "摄" else None
    if credit and credit.start(1) > 0:
        return [text[: credit.start(1)].rstrip(), credit.group(1)]
    if last in ("）", ")"):
        cut = max(text.rfind("（"), text.rfind("("))
        head, tail = text[:cut].rstrip(), text[cut:]
        if cut > 0 and ends_sentence(head) and TRAILING_BYLINE_RE.match(tail):
            return [head, tail]  # …完成。（记者 X 通讯员 Y 报道）
    sig = SIGNATURE_TAIL_RE.match(text) if last in ("）", ")") else None
    lead = LEAD_RE.match(text) if sig else None
    if sig and sig.group("text") and (lead is None or lead.end() <= len(sig.group("text"))):
        return [sig.group("text").rstrip(), f"（{sig.group('name')}）"]
    return [text]


SUBTITLE_FULL = 0.85  # of the column: a subtitle line this wide may wrap onto the next


def mend_wrapped_subtitles(lines: list[Line], column: float) -> list[Line]:
    """A ——subtitle wrapped onto the next lines (——社区食堂、志愿者和周边餐馆联手， /
    每天供餐约300份) is one subtitle. The lines taken have no full stop and no more than a
    column's width; the group ends there (a blank line, the story's lead or byline after
    them), or, for one line, the subtitle's first line stops on a comma or fills the column."""
    joined: set[int] = set()
    for i in [i for i, ln in enumerate(lines) if ln.kind is Kind.SUBTITLE]:
        sub = lines[i]
        taken = 0
        while taken < SUBTITLE_MORE and i + taken + 1 < len(lines):
            ln = lines[i + taken + 1]
            if ln.kind is not Kind.TEXT or ln.terminal or ln.row \
                    or ln.width > max(sub.width, column) + 1:
                break
            taken += 1
        nxt, after = (lines[j] if j < len(lines) else None for j in (i + 1, i + 2))
        if not taken and nxt is not None and nxt.kind is Kind.TEXT and not nxt.terminal \
                and after is not None and after.kind in (Kind.LEAD, Kind.BYLINE):
            taken = 1  # right above the lead or byline, however wide
        after = lines[i + taken + 1] if i + taken + 1 < len(lines) else None
        ends = after is None or after.kind in (Kind.BLANK, Kind.LEAD, Kind.BYLINE)
        if taken and not ends:
            taken = 1 if (sub.text[-1] in "，、：:；" or sub.width >= SUBTITLE_FULL * column) \
                and lines[i + 1].width <= max(sub.width, column) else 0
        if taken:
            more = "".join(ln.text for ln in lines[i + 1:i + 1 + taken])
            lines[i] = Line(sub.no, sub.text + more, Kind.SUBTITLE, sub.width)
            joined.update(range(i + 1, i + 1 + taken))
    return [ln for i, ln in enumerate(lines) if i not in joined] if joined else lines


SUBTITLE_MORE = 2  # lines a subtitle may run on over


def typical_width(lines: list[Line]) -> float:
    """The page's usual column width: the median width of its body lines."""
    widths = sorted(ln.width for ln in lines if ln.kind is Kind.TEXT and ln.width >= 4)
    return widths[len(widths) // 2] if widths else 16.0


def is_signature(text: str) -> str | None:
    """'（王星星）' on its own: the author of a brief; returns the name. A byline printed
    after the text, （记者 X 报道） or （据新华社电）, is returned without its brackets."""
    m = SIGNATURE_TAIL_RE.match(text)
    if m and not m.group("text"):
        return m.group("name")
    if TRAILING_BYLINE_RE.match(text):
        return text.strip("（()）")
    if BARE_NAME_RE.match(text):
        return text  # a name printed alone after the text (names_as_signatures)
    return None


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

    # -- driving ---------------------------------------------------------
    def run(self) -> SegmentedPage:
        for i, block in enumerate(self.blocks):
            if i in self.skip:
                continue
            if isinstance(block, Para):
                self.on_para(block)
            elif isinstance(block, Head):
                self.on_head(i, block)
            else:
                self.on_marker(i, block)
            if isinstance(block, Para):
                self.head_owner = None  # a byline after body text is no longer the headline's
        self.finish()
        return SegmentedPage(self.articles, self.noise, self.section)

    def collect_votes(self) -> dict[int, str]:
        """Run the local rules over the page: what each would decide, group by group."""
        self.run()
        return self.votes

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

    # -- paragraphs ------------------------------------------------------
    def on_para(self, para: Para) -> None:
        text = para.text
        lead = para.lead or self.pending_from is not None
        numbered = self.column_items and NUMBERED_ITEM_RE.match(text)
        if numbered:  # '1.近日，…' under a brief column's name: the next brief
            text = text[numbered.end():]
            self.start(para.lines[0].no).kind = "brief"
            self.cur.paragraphs.append(text)
            return
        cur = self.cur
        if self.join_next and cur and cur.paragraphs and not lead:
            self.join_last(cur, text)
            self.join_next = False
            return
        if cur is None or self.closed or self.jumped or (
                lead and (cur.paragraphs or (cur.byline and not bare_lead(text)))):
            cur = self.start(para.lines[0].no)
        if not cur.paragraphs:
            cur.line = para.lines[0].no
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
            titled = INLINE_TITLE_RE.match(rest) or SPACED_TITLE_RE.match(rest)
            if titled and article.title is None:  # ▲【标题】正文, ◆标题 正文
                article.title = next(g for g in titled.groups() if g)
                rest = rest[titled.end():].lstrip()
            return rest
        if m.group("inline"):
            article.title = article.title or bare_title(
                m.group("inline_title") or m.group("bold_title"))
            return text[m.end():].lstrip()
        byline = m.group(0).strip()
        if article.byline and bare_lead(text):
            return text  # 本报2月3日讯 under the byline: the story's dateline, kept in its text
        if article.byline and article.byline != byline:
            article.byline = f"{byline} {article.byline}"
        else:
            article.byline = byline
        return text[m.end():].lstrip()

    # -- headlines -------------------------------------------------------
    def on_head(self, i: int, head: Head) -> None:
        subtitles = self.absorb_subtitles(i)
        cur = self.cur
        self.column_items = False
        if is_column_label(self.blocks, i) and not subtitles:
            self.noise.append(Noise(head.text, head.line, "column label"))  # 简明信息 ● …
            if cur is not None and cur.paragraphs:
                self.closed = True  # a column starts: the text above is finished
            self.column_items = True
            return
        if head.markdown_level == 2 and cur and not self.closed and cur.paragraphs \
                and not self.photo_follows(i) and not self.table_follows(i) \
                and not self.lead_follows(i) \
                and not NOTICE_TITLE_RE.search(head.text):  # **征文启事** is a notice's
            self.add_subhead(head.text)
            return
        if self.interrupts_sentence(self.next_text(i)):
            self.attach(cur, head, subtitles, demote=True)
            self.join_next = True
            return
        if head.markdown_level:
            self.open_with(head, subtitles)
            self.note(self.cur, i, "above")
            return
        self.follow_plan(i, head, subtitles)

    def lead_follows(self, i: int) -> bool:
        """'## 标题' over 本报讯…: a story's own headline, not a subhead of the text above (a
        brief with its own bold or bracketed title is another matter)."""
        j = self.next_block(i)
        b = self.blocks[j] if j is not None else None
        return isinstance(b, Para) and b.lead and b.lines[0].text[:1] not in BULLETS + "【*"

    def table_follows(self, i: int) -> bool:
        """Table rows right under the group: '**…价格一览**' is the table's title."""
        j = self.next_block(i)
        b = self.blocks[j] if j is not None else None
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
        elif action == SPLIT and in_body:
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
            elif strong_head(head):
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
        if not self.headlines_first or cur is None or self.closed or not cur.paragraphs:
            return False
        if not isinstance(nxt, Para) or nxt.lead or self.last_ends_sentence(cur):
            return False
        last = cur.paragraphs[-1][-40:]
        return any(ch in last for ch in "，,、。；")  # prose cut short, not a sign-off or label

    def open_with(self, head: Head, subtitles: list[str]) -> None:
        """Start an article whose headline is printed above its text."""
        cur = self.cur
        if cur and not cur.paragraphs and not cur.byline and cur.title and not self.closed:
            # Two headline groups in a row: the first was a kicker or column label. What
            # else it had (its own kicker, a subtitle) is set aside, not lost.
            kicker = cur.title
            self.articles.pop()
            for text in (cur.kicker, cur.subtitle):
                if text:
                    self.noise.append(Noise(text, cur.line, "headline without text"))
            self.start(cur.line, title_before=True)
            self.cur.kicker = kicker
        else:
            self.start(head.line, title_before=True)
        self.attach(self.cur, head, subtitles, demote=False)

    def attach(
        self, article: Article | None, head: Head, subtitles: list[str], demote: bool
    ) -> None:
        if article is None:
            article = self.start(head.line, title_before=True)
        kicker, title, subtitle = split_head(head, bool(subtitles))
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
            self.on_byline(line, self.closes_text(i))
        elif kind is Kind.CREDIT:
            self.on_credit(line)
        elif kind is Kind.SIGNATURE:
            self.on_signature(line)
        else:
            self.on_para(Para([line], lead=kind is Kind.LEAD))

    def on_noise(self, i: int, line: Line) -> None:
        self.noise.append(Noise(line.text, line.no, line.reason))
        if line.reason == "section name":
            self.section = self.section or line.text
        if line.reason == "section banner":
            nxt = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
            if isinstance(nxt, Head) and is_banner_name(self.blocks, i + 1):
                self.section = nxt.text
                self.noise.append(Noise(nxt.text, nxt.line, "section banner"))
                self.skip_block(i + 1)

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
        j = next_block(self.blocks, i)
        return j is None or isinstance(self.blocks[j], Head)

    def on_byline(self, line: Line, closes: bool = False) -> None:
        cur = self.cur
        if closes and cur is not None and cur.paragraphs and cur.byline is None \
                and not self.closed:
            self.settle()
            cur.byline = line.text
            self.closed = True
            return
        if cur is not None and cur.byline in BARE_LEADS and not cur.paragraphs:
            cur.byline = f"{cur.byline} {line.text}"  # 本报讯 over 全媒体记者 X 报道
            return
        fresh = cur is not None and (self.head_owner is cur or not cur.paragraphs)
        if cur and cur.byline is None and fresh:
            cur.byline = line.text
            return
        self.start(line.no).byline = line.text

    def on_credit(self, line: Line) -> None:
        """'本报记者 X 摄' ends a photo caption: the text just before it."""
        self.settle()
        cur = self.cur
        credit = line.text.strip("（()）") if line.text[:1] in "（(" else line.text
        if cur is not None and self.closed and self.head_owner is cur and cur.paragraphs \
                and cur.byline is None:
            cur.byline = credit  # caption / its title / the credit: printed after it all
            if sum(map(len, cur.paragraphs)) <= CAPTION_MAX:
                cur.kind = "photo"
            return
        if cur is None or not cur.paragraphs or self.closed:
            self.noise.append(Noise(line.text, line.no, "photo credit without caption"))
            return
        subheads = self.subheads.get(id(cur), set())
        last_sub = max(subheads) if subheads else -1
        if len(cur.paragraphs) > 2 and last_sub >= len(cur.paragraphs) - 3:
            caption = cur.paragraphs[last_sub + 1:]
            title = cur.paragraphs[last_sub]
            del cur.paragraphs[last_sub:]
            photo = self.start(line.no)
            photo.title, photo.paragraphs = title, caption
            cur = photo
        elif (len(cur.paragraphs) >= 2 and (cur.title or cur.byline)
              and len(cur.paragraphs[-1]) <= CAPTION_MAX
              and not any(group_caption(p) for p in cur.paragraphs)
              and not cur.paragraphs[-1].startswith("图为")):  # the story's own picture
            # A story with its headline or byline, then a short paragraph and a credit:
            # the paragraph is a photo's caption printed after the story.
            caption = cur.paragraphs.pop()
            photo = self.start(line.no)
            photo.paragraphs = [caption]
            cur = photo
        cur.byline = cur.byline or credit
        if cur.byline != credit:
            cur.paragraphs.append(line.text)
        cur.kind = "photo"
        self.closed = True

    def on_signature(self, line: Line) -> None:
        name = is_signature(line.text)
        cur = self.cur
        if cur is None or self.closed:
            self.noise.append(Noise(line.text, line.no, "signature without article"))
            return
        if cur.byline is None:
            cur.byline = name
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


def bare_lead(text: str) -> bool:
    """A lead without its credit (本报2月3日讯 日前，…): under a headline and its byline
    it opens their story, not another."""
    m = LEAD_RE.match(text)
    return m is not None and m.group(0).strip().endswith("讯") \
        and not any(ch in m.group(0) for ch in "（(【")


def is_label(text: str) -> bool:
    """A lone short unpunctuated line under a headline: a part or column label."""
    return len(text) <= 16 and not ends_sentence(text)


def kicker_line(first: str, rest: str, alone: bool = True) -> bool:
    """Is a block's first line a 引题 set right over its title, not the title's first
    deck? A line ending in —— or 强调/指出, an opinion column's name, a unit name over
    a line that is none, or, in a group of one block, a short lead-in (今年前5个月) well
    shorter than the title (under a kicker block, 进出口总值 / 同比增长21.6% is one title)."""
    if first.endswith("——") or KICKER_END_RE.search(first):
        return True
    if is_kicker(first) and not is_kicker(rest):
        return True
    if EVENT_KICKER_RE.search(first) and not rest.startswith(DASHES):
        return True  # 某某到某县督导防汛工作 / 做好防汛准备: the report of a visit over a title
    if alone and "，" in first and "，" not in rest:
        return True  # a clause over the title: 连晴一周后，宁波人又要翻出厚外套了
    if alone and " " in first.strip() and " " not in rest and len(rest) >= len(first):
        return True  # a two-part slogan over a longer title: 产地直发 冷链护航
    if not alone or runs_on(first, rest):
        return False
    if len(first) >= KICKER_LONG and len(rest) >= KICKER_LONG and not rest.startswith(("—", "-")) \
            and core_len(rest) >= core_len(first) + KICKER_TITLE_LONGER:
        # Two full lines: a kicker over its longer title (30所学校1800余名运动员同场竞技 /
        # 全市中小学生秋季运动会下周开幕); a two-deck title prints its decks on one line.
        # A title wrapped over two lines fills its first line: the rest is no longer
        # (全国冰雪旅游人次 / 今冬有望再创新高).
        return True
    return len(first) <= KICKER_MAX and len(first) + KICKER_SHORTER <= len(rest)



# A report of a meeting or a visit set over a title is its 引题 (张三到某县督导防汛工作 /
# 做好防汛准备 确保群众安全); a subtitle under a title starts with ——, as a rule.
EVENT_KICKER_RE = re.compile(
    r"(?:到|赴|在)[\u4e00-\u9fff]{1,12}(?:督导|调研|检查|视察|考察|走访|慰问)"
    r"|召开[\u4e00-\u9fff]{0,16}会$|(?:督导|调研|检查|视察|考察)[\u4e00-\u9fff]{0,10}工作$")


QUOTE_MARKS_RE = re.compile(r"[“”‘’《》「」『』\"'·、\s]")


def core_len(text: str) -> int:
    """Length without quotation marks and spaces: what a line's words take."""
    return len(QUOTE_MARKS_RE.sub("", text))


def split_head(head: Head, dashed_below: bool = False) -> tuple[str | None, str, str | None]:
    """Kicker, title and subtitle of a headline group, by the usual Chinese layout:
    引题 (a unit name or a clause ending in 要求/强调) above the 主题, 副题 below it.
    dashed_below: a ——subtitle is printed under the group (not part of it)."""
    units: list[str] = []
    set_over = False  # the first block's first line was read as a kicker over its title
    for n, block in enumerate(head.blocks):
        if len(block) >= 2 and kicker_line(block[0].text, join_block(block[1:]),
                                           len(head.blocks) == 1):
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
    elif len(units) >= 2 and (set_over or is_kicker(units[0]) or units[0].endswith("——")
                              or ("，" in units[0] and "，" not in units[1])
                              or (EVENT_KICKER_RE.search(units[0]) is not None
                                  and not units[1].startswith("—"))
                              or (len(units[0]) <= KICKER_MAX
                                  and len(units[0]) + KICKER_SHORTER <= len(units[1]))):
        # A 引题 above is shorter than its 主题; a 副题 below it is the shorter one.
        kicker = units.pop(0)
    elif len(units) >= 2 and not units[1].startswith(DASHES) and (
            (dashed_below and len(units) == 2)
            or (len(units) >= 3 and units[2].startswith(DASHES))):
        kicker = units.pop(0)  # 引题 / 主题 / ——副题: what stands over the title is its kicker
    title = units[0]
    subtitle = " ".join(units[1:]) or None
    return kicker, title, subtitle


DASHES = ("—", "－", "-")


def refine_kind(article: Article) -> str:
    """Interviews, notices and tables are recognisable from their shape."""
    if article.kind != "news":
        return article.kind
    sub = article.subtitle or ""
    qa = sum(1 for p in article.paragraphs if p.startswith(("记者：", "问：", "答：")))
    if sub.startswith(("——访", "—访", "访")) or qa >= 2:
        return "interview"
    if article.title and re.search(r"通知|公告|启事|通告|声明", article.title):
        return "notice"
    if len(article.paragraphs) <= PHOTO_GROUP_MAX \
            and sum(group_caption(p) for p in article.paragraphs) >= 2:
        return "photo"  # an intro and numbered captions (图①…, 大图：…): a photo group
    return "news"
