"""One printed line holding several parts, split into lines of their kinds: an
e-paper's headline group set on one line, a title and its story's first paragraph, a
column's name and its title, a brief's bulleted title and text, a byline or a name after
the last sentence, a credit, signature or jump note at a line's end. Pure functions on
strings and lines.
"""

from __future__ import annotations

import re

from generator.ingest.lines import (
    BULLETS,
    CLAUSE_PUNCT_RE,
    COLUMN_WORD_RE,
    CONT_RE,
    CREDIT_RE,
    CREDIT_TAIL_RE,
    LEAD_RE,
    OFFICE,
    REPORTER_COLUMN_RE,
    ROLE,
    ROLE_WORD_RE,
    SHOT_ENDS,
    SURNAMES,
    TRAILING_BYLINE_RE,
    Kind,
    Line,
    LineKind,
    bare_title,
    classify,
    display_width,
    ends_sentence,
    is_byline,
    is_kicker,
    opens_sentence,
)
from generator.ingest.repair import repair_line

CONT_TAIL_RE = re.compile(CONT_RE.pattern + "$")
SIGNATURE_TAIL_RE = re.compile(
    r"^(?P<text>.*?[。！？”])?\s*[（(]"
    rf"(?P<name>[\u4e00-\u9fff·]{{2,4}}(?:\s+[\u4e00-\u9fff·]{{2,4}}){{0,2}}|{OFFICE})[）)]$"
)

# A title with its author's boxed name printed on at its end, a space inside the name:
# 芒果走得远，靠的是品牌□蓝 岚.
# An essay's writer printed before its first words, set apart by a wide gap: □黄晓岚  老屋的…
BOXED_NAME_THEN_TEXT_RE = re.compile(
    r"^[□■]\s*(?P<name>[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3})(?:\s{2,}|\u3000)\s*"
    r"(?P<rest>\S.{5,})$")  # (■ 记者 沈　悦: a byline's name, letter-spaced)
BOXED_TAIL_RE = re.compile(
    r"^\s*(?P<title>[^\s□■].{3,33}?)\s*[□■]\s*(?P<name>[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,2})\s*$")
GLUED_NAME_RE = re.compile(  # …letter-spaced or not (…每周一闭馆。 沈 丹)
    r"^(?P<text>.*[。！？”])\s+(?P<name>[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,2})$")
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
    if len(parts) == 2 and parts[0].rstrip().endswith("摄"):
        credit, title = classify(no, repair_line(parts[0]), False), repair_line(parts[1])
        if credit.kind is Kind.CREDIT and MIN_TITLE_ON_LINE <= len(title) <= MAX_TITLE_ON_LINE \
                and not ends_sentence(title) and "，" not in title:
            # 本报记者 邵 峰 摄  江 畔 春 光: a photo's credit, then its title beside it
            return [credit, Line(no, title, Kind.TEXT, display_width(title))]
    byline = classify(no, repair_line(parts[-1]), False)
    if byline.kind is Kind.CREDIT and len(parts) == 2 and not ends_sentence(parts[0]):
        title = repair_line(parts[0])  # 信江新绿   鹰潭日报 周 平/摄: a title, its credit
        if MIN_TITLE_ON_LINE <= len(title) <= MAX_TITLE_ON_LINE and "，" not in title:
            return [Line(no, title, Kind.TEXT, display_width(title)), byline]
        if "，" in title and opens_sentence(title):  # 5月6日，骑行爱好者在…骑行    晓峰 摄:
            return [Line(no, title, Kind.TEXT, display_width(title)), byline]  # a caption
    if byline.kind is not Kind.BYLINE:
        return []
    head = repair_line(" ".join(parts[:-1]))
    if is_byline(head):
        return []  # 本报记者 钱 晓 芸  通讯员 施 悦: two credits of one byline, a gap between
    title, dash, sub = head.partition("——")
    if dash and not title.strip() and sub.strip():
        return [Line(no, dash + sub.strip(), Kind.SUBTITLE, display_width(dash + sub)),
                byline]  # ——青石巷街区改造提升侧记   ■本报记者 贺子墨, under its title
    if not MIN_TITLE_ON_LINE <= len(title.strip()) <= MAX_TITLE_ON_LINE:
        return []  # not '•   □乔 木', a paragraph mark before a byline
    out = [Line(no, title.strip(), Kind.TEXT, display_width(title.strip()))]
    if dash:
        out.append(Line(no, dash + sub.strip(), Kind.SUBTITLE, display_width(dash + sub)))
    return [*out, byline]


MIN_TITLE_ON_LINE, MAX_TITLE_ON_LINE = 4, 34  # characters of a title read off such a line
INDEX_TEXT = 30  # characters: a paragraph after a title on its line, not a table's cell
# …or shorter, a notice's opening sentence (为做好…工作，现将有关安排公告如下：)
NOTICE_OPENING_RE = re.compile(r"[，,][^，,]*如下[：:]$")
TITLE_SPACES = 2  # a title of three parts (…召开常委会议 协商推进… 赵启明出席) before its gap
QUESTION_FIRST_RE = re.compile(r"^(?:问|记者)[：:]\S.{3,}[？?]$")  # an interview's first question
TITLE_THEN_LEAD_RE = re.compile(r"^(?P<title>[^\s，。；：,;:！？]{4,30}[？?]?) (?P<lead>\S.*)$")


def titled_lead(out: list[Line], no: int, title: str, lead: str) -> list[Line]:
    """A headline and its story's first paragraph printed on one line: the headline opens
    the text after it, as a heading does. An unfinished short line right above is the
    headline's first deck (风筝广场 / 迎来放飞季   3月10日，…), taken off `out`."""
    above = out[-1] if out else None
    if above is not None and above.kind is Kind.TEXT and above.no == no - 1 \
            and not above.terminal and DECK_MIN <= len(above.text) <= TITLE_DECK_MAX \
            and " " not in above.text and above.text[0] != "据" and above.text[-1] != "讯" \
            and not is_kicker(above.text):  # (抢晴天 赶进度, 简讯, 据…: a kicker, a label)
        out.pop()
        title = f"{above.text} {title}"
    return [Line(no, title, Kind.HEADING, display_width(title)),
            Line(no, lead, Kind.LEAD, display_width(lead))]


TITLE_DECK_MAX = 20  # characters: a headline's deck over the line it shares with the text
DECK_MIN = 4  # characters: …and no shorter


# …a title of two parts or after a place's colon, the gap as printed parting it from its
# text (市政府召开…会议 部署隐患排查整治   本报讯…, 石韵街道：小网格撑起大服务   今年以来，…)
GAPPED_TITLE_RE = re.compile(
    r"^(?P<title>[^\s，。；,;！？：:][^，。；,;！？]{3,29})(?:\s{3,}|\u3000{2,})(?P<lead>\S.*)$")


def gapped_title(text: str, raw: str) -> re.Match[str] | None:
    """The title and the text of a line (text: as repaired, its tails split off) whose
    title holds a space or a colon, parted from its text by a wide gap (three spaces or
    more): found on the line as printed, the title's own space kept."""
    if "   " not in raw and "\u3000\u3000" not in raw:
        return None
    m = GAPPED_TITLE_RE.match(raw.strip())
    if m is None or m.group("title").count(" ") > TITLE_SPACES or m.group("title").count("：") > 1:
        return None
    title = repair_line(m.group("title"))
    if not text.startswith(title) or not text[len(title):].strip():
        return None
    return GAPPED_TITLE_RE.match(f"{title}   {text[len(title):].strip()}")


def title_then_lead(text: str, raw: str = "") -> tuple[str, str] | None:
    """A headline and the lead of its story on one line, a gap between (各地抢抓农时推进
    春耕备耕   新华社北京3月11日电 记者…), or, a wide gap apart as printed, any first
    paragraph (an e-paper's article index: 图片新闻   4月14日，…。): the title and the
    text, or None."""
    m = gapped_title(text, raw) or TITLE_THEN_LEAD_RE.match(text)
    if m is None or m.group("lead")[:1] in BULLETS + "【*" or LEAD_RE.match(m.group("title")):
        return None  # (七台河日报讯（记者 姜 雨）  25日，…: a lead's credit, spaced off its text)
    lead = m.group("lead")
    if LEAD_RE.match(lead):
        return m.group("title"), lead
    gap = WIDE_GAP_RE.search(raw.strip())  # the title is all that stands before the gap
    if gap and repair_line(raw.strip()[:gap.start()]) == m.group("title") and (
            ((len(lead) >= INDEX_TEXT or NOTICE_OPENING_RE.search(lead)) and "，" in lead
             and (ends_sentence(lead) or lead[-1] in "：:"))  # …影响范围如下：
            or QUESTION_FIRST_RE.match(lead)):  # 家门口的托育点怎么收费？   问：…
        return m.group("title"), lead
    return None


# ●枣香村开设农民夜校 3月10日晚，…: a brief's title, a space, then its text (a sentence).
SPACED_BRIEF_RE = re.compile(
    rf"^[{BULLETS}]\s*(?!\d{{1,2}}月|\d{{4}}年)"
    # …a place and a colon may open it: ■翠渡镇：老渡口新码头投用　3月6日，…
    r"(?P<title>(?:[\u4e00-\u9fff]{1,6}(?:[县区市镇乡村]|街道|社区)[：:])?"
    r"[^\s，。；：,;:、！？（）()]{4,24})[ \u3000]+(?P<rest>[^\s，。].*)$")
SENTENCE_SOON_RE = re.compile(r"^[^，。]{0,30}[，。]")
MONTH_RE = re.compile(r"^\d{1,2}月")  # a date wrapped after its month: 1月 / 20日，
PAGE_REF_RE = re.compile(r"^第?\s*[A-D]?\d{1,3}\s*版?$")
WRAPPED_REST = 3  # characters: a brief's text cut off by the column's end right after it


# A column's name, then a title (and its ——subtitle) on the same line: 记者手记 椒乡三月.
COLUMN_THEN_TITLE_RE = re.compile(
    r"^(?P<column>[\u4e00-\u9fff]{2,8}) (?P<title>[^\s—][^\s。；]{2,30}?)\s*(?P<sub>——\S.*)?$")


def column_then_title(text: str) -> list[tuple[str, LineKind]]:
    """记者手记 长江岸线“绿色长廊”再延伸 ——跟随巡江队…: an opinion or reporter's column
    named before its title on one line, split into the lines of a headline group; [] for
    any other line."""
    m = COLUMN_THEN_TITLE_RE.match(text)
    if m is None or ends_sentence(m.group("title")) or not (
            COLUMN_WORD_RE.match(m.group("column")) or REPORTER_COLUMN_RE.match(m.group("column"))):
        return []
    group = [(m.group("column"), Kind.TEXT), (m.group("title"), Kind.TEXT)]
    return [*group, (m.group("sub"), Kind.SUBTITLE)] if m.group("sub") else group


def spaced_brief_title(raw: str, below: str = "") -> tuple[str, str] | None:
    """The title and the text of a brief printed on one line after its bullet, as repaired:
    the text is a sentence (a comma or full stop soon), or opens like one (1月 / 20日，…;
    `below`, the next line, may hold the rest of its date: ▲…招聘会 3 / 月9日，…)."""
    m = SPACED_BRIEF_RE.match(raw.strip())
    if m is None or ROLE_WORD_RE.search(m.group("title")):
        return None  # ◎本报记者 郭振川: a byline
    rest = repair_line(m.group("rest"))
    title = bare_title(repair_line(m.group("title")))  # ▲【标题】 4 月…: its brackets off
    wrapped_date = rest.isdigit() and below[:1] in "年月日"
    if rest.replace(" ", "").isdigit() and not wrapped_date:
        return None  # ◇…技术人员深入 1 2 / 个村，…: a number spaced out and wrapped, not a text
    if (PAGE_REF_RE.match(rest) and not wrapped_date) or not (
            SENTENCE_SOON_RE.match(rest) or opens_sentence(rest) or MONTH_RE.match(rest)
            or len(rest) <= WRAPPED_REST or rest[:SUBJECT_AGAIN] == title[:SUBJECT_AGAIN]):
        return None  # not '●…形势严峻 4版', an index of other pages
    return title, rest


# characters: a brief's text opening on its title's subject again (●沙尾村海堤步道开放
# 沙尾村海堤步道改造 / 完工，…), its first sentence wrapped before any comma
SUBJECT_AGAIN = 3


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


# Writers' names printed after the last sentence, a space apart, letter-spaced or solid:
# …整改隐患17处。 金雯 周立新, …只需8元。 王 平 李 响.
NAMES_AFTER_STOP_RE = re.compile(
    r"^(?P<text>.*[。！？”])\s+(?P<names>[\u4e00-\u9fff]{1,3}(?:\s+[\u4e00-\u9fff]{1,3}){1,5})$")
NAMES_CHARS = (4, 9)  # characters, closed up: two names at least, three at most


def names_after_stop(raw: str) -> str:
    """The names two or three writers sign with after a brief's last sentence, a space
    between each (金雯 周立新), or ''. Every name starts with a surname: a run of single
    letters is one name spaced out, or two when a surname starts its second half (王 平 李
    响)."""
    m = NAMES_AFTER_STOP_RE.match(raw.rstrip())
    if m is None:
        return ""
    names: list[str] = []
    singles: list[str] = []
    for token in [*m.group("names").split(), ""]:
        if len(token) == 1:
            singles.append(token)
            continue
        names += spaced_names("".join(singles))
        singles = []
        if token:
            names.append(token)
    closed = "".join(names)
    ok = NAMES_CHARS[0] <= len(closed) <= NAMES_CHARS[1] and len(names) >= 2 \
        and all(2 <= len(n) <= 3 and n[0] in SURNAMES for n in names)
    return " ".join(names) if ok else ""


def spaced_names(letters: str) -> list[str]:
    """Letters spaced out, as names: one of two or three, or two of two (王平李响)."""
    if len(letters) == 4 and letters[2] in SURNAMES:
        return [letters[:2], letters[2:]]
    return [letters] if letters else []


SPACED_SIGNATURE_RE = re.compile(r"[（(](?P<inside>[\u4e00-\u9fff·]+(?: [\u4e00-\u9fff·]+)+)[）)]$")


def regroup_signature(raw: str, text: str) -> str:
    """'…平方米。（苏 琪 周雨桐 杨 帆）': names letter-spaced apart from names set solid
    run together when the spacing is repaired (苏琪周雨桐杨帆). Read off the line as
    printed, the lone characters make one name between the solid ones (苏琪 周雨桐
    杨帆), and the line ends with a signature of three names, as it should."""
    m = SPACED_SIGNATURE_RE.search(" ".join(raw.split()))
    if m is None:
        return text
    names: list[str] = []
    lone = False
    for token in m.group("inside").split(" "):
        if len(token) == 1 and lone:
            names[-1] += token
        else:
            names.append(token)
        lone = len(token) == 1
    glued = "".join(names)
    if not all(2 <= len(n) <= 4 for n in names) or not text.endswith(glued + text[-1]):
        return text
    return f"{text[:len(text) - len(glued) - 1]}{' '.join(names)}{text[-1]}"


def split_tails(text: str) -> list[str]:
    """Cut a photo credit or a brief's signature off the end of a body line."""
    last = text[-1:]
    if last in ("）", ")") and "版" in text[-6:]:
        note = CONT_TAIL_RE.search(text)
        if note and note.start() > 0:
            return [text[: note.start()].rstrip(), note.group(0)]
    credit = CREDIT_TAIL_RE.search(text) if text.endswith(SHOT_ENDS) else None
    if credit and credit.start(1) > 0:
        return [text[: credit.start(1)].rstrip(" /／"), credit.group(1)]
    if last in ("）", ")"):
        cut = max(text.rfind("（"), text.rfind("("))
        head, tail = text[:cut].rstrip(), text[cut:]
        if cut > 0 and ends_sentence(head) and (
                TRAILING_BYLINE_RE.match(tail) or (tail[-2] == "摄" and "记者" in tail
                                                   and CREDIT_RE.match(tail))):
            return [head, tail]  # …完成。（记者 X 通讯员 Y 报道）, …打卡。（某报记者 X/摄）
        if cut > 0 and len(head) <= PICTURE_TITLE_MAX and tail[-2:-1] == "摄" \
                and CREDIT_RE.match(tail) and not CLAUSE_PUNCT_RE.search(head):
            return [head, tail]  # 埔头村的春耕(陈 默 摄): a picture's few words and its credit
    sig = SIGNATURE_TAIL_RE.match(text) if last in ("）", ")") else None
    lead = LEAD_RE.match(text) if sig else None
    if sig and sig.group("text") and (lead is None or lead.end() <= len(sig.group("text"))):
        return [sig.group("text").rstrip(), f"（{sig.group('name')}）"]
    return [text]


PICTURE_TITLE_MAX = 16  # characters: a picture's words before its bracketed credit

# 柳岸春深 刘 洋 摄: a photo's title, a space, its photographer's name spaced out, as printed.
# …or with the photographer's role: 《塬上春早》 庆阳融媒记者 陈 岭 摄.
TITLE_CREDIT_RE = re.compile(
    r"^(?P<title>[^\s，。；：！？,;:]{4,12})\s+"
    rf"(?P<credit>(?:{ROLE}\s*)?[\u4e00-\u9fff](?: ?[\u4e00-\u9fff]){{1,2}}\s*(?:[/／|｜]\s?)?摄)$")
