"""Lines the printing broke, put back before they are classified: a credit wrapped
inside its role word or before its name, a bracketed title or signature wrapped at the
column's end, a byline or a caption's credit run on over lines, a fake-bold title's
doubling carried onto the next line, a headline set vertically one letter a line. Pure
functions on a page's (number, printed, repaired) line triples.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.ingest.lines import (
    BULLET_MARKS,
    CAPTION_CREDIT_RE,
    CLAUSE_PUNCT_RE,
    CREDIT_RE,
    CREDIT_TAIL_RE,
    LEAD_RE,
    ROLE,
    SHOT_ENDS,
    TRAILING_BYLINE_RE,
    Kind,
    classify,
    is_byline,
)
from generator.ingest.parts import trailing_byline
from generator.ingest.repair import repair_line, undouble_start

VERTICAL_MIN = 3  # lines of one letter at least: a headline set vertically
# A name alone on a line, its letters spaced or not (郑 海 帆, 杏青): a byline's name wrapped
BARE_NAME_RE = re.compile(r"^[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,2}$")
# …or with what the person did (关 越 文/摄, 聂丹 摄): a story's writer who took its picture
NAME_DOES_RE = re.compile(
    r"^[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,2}\s*(?:[文图][/／][文图摄]|[/／]?[文图摄]|摄影)$")


OPEN_SIGNATURE_RE = re.compile(r"[（(][^（()）]{0,24}$")  # （记者 彭亮 通讯员 / （雷辉
# A bracket left open at a line's end, on the page as printed: where such a wrap may be.
OPEN_AT_END_SEARCH_RE = re.compile(r"[（(][^（()）\n]*$", re.MULTILINE)
# 2版）, 第 2 版）, 第A3版）, (下转6 / 版②), （下 / 转第4版）, and a bracket alone: (王 磊 / )
SIGNATURE_END_RE = re.compile(
    r"^[\u4e00-\u9fff·\s]{0,10}[）)]$|^(?:[转接]\s*)?(?:第\s*)?[A-Za-z]?[0-9０-９]{0,2}\s*版[①-⑳]?[）)]$"
    r"|^《[\u4e00-\u9fff]{2,10}》[）)]$")  # （据 / 《甘肃日报》）: a source wrapped


Pair = tuple[int, str, str]  # a page's line: its number, as printed, as repaired


def raws(pairs: list[Pair]) -> list[str]:
    """The lines as printed."""
    return [pair[1] for pair in pairs]


def merge_into_above(pairs: list[Pair], starts: list[int],
                     merge: Callable[[Pair, Pair], Pair | None]) -> list[Pair]:
    """Put line i + 1 back onto line i, for each i of starts (in order, found by one search
    over the page) where merge says how; the lines put back are dropped. A line taken into
    the one above is never visited again as a start."""
    out = list(pairs)
    taken: set[int] = set()
    for i in starts:
        if i + 1 >= len(out) or i in taken:
            continue
        merged = merge(out[i], out[i + 1])
        if merged is not None:
            out[i] = merged
            taken.add(i + 1)
    return [pair for i, pair in enumerate(out) if i not in taken] if taken else out


DOUBLED_START_RE = re.compile(r"\n(\S)\1(\S)\2")  # a line starting 棋棋课课


def mend_doubled_wraps(pairs: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """'▲松松湖湖小小学学开开设设围围' / '棋棋课课 近日，…': a fake-bold title wrapped at the
    column's end leaves its last characters doubled at the start of the next line, before
    the text it runs into. The line above, repaired to half its printed length with no
    space in it, says the doubling goes on."""
    out = list(pairs)
    for i in [i for i, (_, _, text) in enumerate(pairs)
              if i and text[:1] and text[:1] == text[1:2] and " " in text]:
        no, raw, text = out[i]
        _, above_raw, above = out[i - 1]
        if len(above) >= 3 and " " not in (printed := above_raw.strip()) \
                and len(printed) >= 2 * len(above) - 1:
            out[i] = (no, raw, undouble_start(text))
    return out


# A credit wrapped inside its role word (本报记者 贾 晓 通讯 / 员 刘振宇).
ROLE_HEAD_RE = re.compile(r"(?:通讯?|见习|实习|特约通讯?)$")
ROLE_TAIL_RE = re.compile(r"^(?:讯员|员|记者|生)\s*\S")
ROLE_SPLIT_SEARCH_RE = re.compile(r"(?:通讯?|见习|实习)\n(?:讯员|员|记者|生)")


def mend_split_roles(pairs: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """A line of credits broken inside a role word (…记者 贾 晓 通讯 / 员 刘振宇): the
    next line is put back after it, so that the credit reads whole."""
    out: list[tuple[int, str, str]] = []
    for pair in pairs:
        prev = out[-1] if out else None
        if prev and ROLE_TAIL_RE.match(pair[2]) and ROLE_HEAD_RE.search(prev[2]) \
                and "记者" in prev[2][-CREDIT_REACH:]:
            out[-1] = (prev[0], prev[1].rstrip() + pair[1].strip(), prev[2] + pair[2])
            continue
        out.append(pair)
    return out


CREDIT_REACH = 16  # characters: how near a line's end the credit it wraps has its 记者

# A byline's role words alone at a line's end, its name wrapped onto the next line
# (■珠海特区报记者 / 郑 海 帆): found in one search over the page, then line by line.
ROLE_END_SEARCH_RE = re.compile(r"(?:记者|通讯员|评论员)[ \t\u3000]*$", re.MULTILINE)
ROLE_ONLY_RE = re.compile(rf"^[{BULLET_MARKS}]?\s*(?:{ROLE}\s*)+$")


# Two names alone on a line, their letters spaced out or each set solid (姜 楠 王 朗, 姜楠 王朗).
TWO_NAMES_RE = re.compile(r"^[\u4e00-\u9fff](?: [\u4e00-\u9fff]){3,5}$"
                          r"|^[\u4e00-\u9fff]{2,3}(?:\s+[\u4e00-\u9fff]{2,3}){1,2}$")


def mend_wrapped_names(pairs: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """'■珠海特区报记者' / '郑 海 帆': role words alone on a line and a name alone under
    them are one byline, put back on one line (a space between) to be read as one; so
    are a name and what the person did (全媒体记者 / 关 越 文/摄)."""
    def merge(prev: Pair, pair: Pair) -> Pair | None:
        named = BARE_NAME_RE.match(pair[2])
        if not named and not NAME_DOES_RE.match(pair[2]) \
                and not (TWO_NAMES_RE.match(pair[1].strip()) and ROLE_ONLY_RE.match(prev[2])):
            return None  # (…全媒体记者 / 姜 楠 王 朗: two names under the role)
        if ROLE_ONLY_RE.match(prev[2]):
            return prev[0], f"{prev[1].rstrip()} {pair[1].strip()}", f"{prev[2]} {pair[2]}"
        if not named:
            return None
        raw = f"{prev[1].rstrip()} {pair[1].strip()}"  # …服务。 本报记者 X 通讯员 / 杏青
        text = repair_line(raw)
        return (prev[0], raw, text) if trailing_byline(raw, text) else None

    return merge_into_above(pairs, lines_matching(ROLE_END_SEARCH_RE, raws(pairs)), merge)


# A byline's paper or newsroom alone on its line, its role and name on the next
# (华西都市报-封面新闻 / 记者 何 沁): a narrow column broke the byline before its role.
ROLE_PREFIX_SEARCH_RE = re.compile(
    r"(?:报|新闻|中心|媒体|融媒|全媒)[ \t\u3000]*\n[ \t\u3000]*"
    r"(?:见习|首席|实习|全媒体|融媒体|全媒|融媒)*记者",
    re.MULTILINE)
ROLE_PREFIX_MAX = 16  # characters: a paper's and its app's names are no longer


def mend_wrapped_role_prefixes(pairs: list[Pair]) -> list[Pair]:
    """Put a byline's paper back before its role when the two read as one byline."""
    def merge(prev: Pair, pair: Pair) -> Pair | None:
        head = prev[2]
        if len(head) > ROLE_PREFIX_MAX or CLAUSE_PUNCT_RE.search(head):
            return None
        joined = head + pair[2]
        if not (is_byline(joined) or CREDIT_RE.match(joined)):
            return None
        return prev[0], prev[1].rstrip() + pair[1].strip(), joined

    return merge_into_above(pairs, lines_matching(ROLE_PREFIX_SEARCH_RE, raws(pairs)), merge)


# 【凤鸣区新增3处公共充电 / 站】近日，…: a brief's title in brackets wrapped at the column's
# end, its text after the bracket on the next line.
BRACKETED_TITLE_WRAP_RE = re.compile(
    r"^[ \t\u3000]*【[^】\n]{2,30}\n[^】【\n]{0,16}】\S", re.MULTILINE)
BRACKETED_TITLE_MAX = 34  # characters: the title in its brackets


def mend_wrapped_bracket_titles(pairs: list[Pair]) -> list[Pair]:
    """Put a bracketed title wrapped at the column's end back on one line with the text
    after it, so that the line reads as a brief's title and text (【标题】正文)."""
    def merge(prev: Pair, pair: Pair) -> Pair | None:
        head, rest = prev[2], pair[2]
        close = rest.find("】")
        if not head.startswith("【") or "】" in head or close < 0 \
                or len(head) + close > BRACKETED_TITLE_MAX or CLAUSE_PUNCT_RE.search(rest[:close]):
            return None
        return prev[0], prev[1].rstrip() + pair[1].strip(), head + rest

    return merge_into_above(pairs, lines_matching(BRACKETED_TITLE_WRAP_RE, raws(pairs)), merge)


def mend_wrapped_signatures(pairs: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """'…完成。（雷辉' / '钰）': a brief's signature (or a jump note, '（下转' / '2版）')
    wrapped at the column's end is put back on one line, to be read as what it is; so is
    one wrapped over three lines, its bracket alone at the first's end ('…6天。(' / '记者
    胡 蓉 通讯员 丁' / '一)') or with its role cut ('…接诊。（记' / '者 X 通讯员 丁' / '宁）'),
    in a second pass."""
    opened_more = False

    def merge(prev: Pair, pair: Pair) -> Pair | None:
        nonlocal opened_more
        opened = OPEN_SIGNATURE_RE.search(prev[2])
        cut = opened.group()[1:] if opened and len(opened.group()) <= ROLE_CUT else None
        if cut is not None and pair[2][-1:] not in "）)" and len(pair[2]) <= BYLINE_WRAP_MAX \
                and not ROLE_FIRST_RE.match(cut) and ROLE_FIRST_RE.match(cut + pair[2]):
            opened_more = True  # the credit goes on on the line after: still open
            return prev[0], prev[1].rstrip() + pair[1].strip(), prev[2] + pair[2].strip()
        if not (pair[2][-1:] in "）)" and opened and (
                SIGNATURE_END_RE.match(pair[2])
                # …or a longer credit, whole once joined: （全 / 媒体记者 X 通讯员 Y）
                or (len(pair[2]) <= BYLINE_WRAP_MAX
                    and TRAILING_BYLINE_RE.match(opened.group() + pair[2].strip())))):
            return None
        return prev[0], prev[1].rstrip() + pair[1].strip(), prev[2] + pair[2].strip()

    out = merge_into_above(pairs, lines_matching(OPEN_AT_END_SEARCH_RE, raws(pairs)), merge)
    if opened_more:
        out = merge_into_above(out, lines_matching(OPEN_AT_END_SEARCH_RE, raws(out)), merge)
    return out


ROLE_FIRST_RE = re.compile(r"^(?:本报|全媒体|融媒体|见习|实习)*(?:记者|通讯员)")  # …(记者 X…
ROLE_CUT = 4  # characters: the bracket and the start of a role cut at the line's end (（本报)


BYLINE_WRAP_MAX = 24  # characters: the second line of a wrapped trailing byline
# …and its first part, after the last sentence: a bullet alone may be all of it (…两场。 ■)
WRAPPED_TAIL_RE = re.compile(r"^.*[。！？”][ \u3000]+(?P<tail>\S.{0,24})$")
WRAPPED_TAIL_SEARCH_RE = re.compile(r"[。！？”][ \u3000]+\S.{0,24}\n")


# A byline cut after the first character of its last name (本报记者 吴 / 雪 通讯员 王 俊):
# no name is one character long, unless its characters are spaced apart (吴 雪).
CUT_NAME_RE = re.compile(rf"{ROLE}\s*[\u4e00-\u9fff]$")
# Lines that may end so, found in one search over the page rather than line by line.
WRAPPED_TAIL_LINE_RE = re.compile(r"[。！？”][ \u3000]+\S[^\n]*$", re.MULTILINE)


def mend_wrapped_bylines(pairs: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """'…财政对每部电梯给予20万元补贴。 孝感日报全媒体记' / '者 邹 敏 通讯员 严 晗': the
    byline printed after the last sentence, a space apart, and wrapped onto the next line,
    is put on a line of its own; the sentence keeps its line."""
    out = list(pairs)
    for i in lines_matching(WRAPPED_TAIL_LINE_RE, raws(pairs)):
        if i + 1 >= len(out):
            break
        prev, pair = out[i], out[i + 1]
        if not pair[2] or len(pair[2]) > BYLINE_WRAP_MAX \
                or (m := WRAPPED_TAIL_RE.match(prev[1].rstrip())) is None:
            continue
        tail = repair_line(m.group("tail"))
        byline = repair_line(m.group("tail") + pair[1].strip())
        if not prev[2].endswith(tail) or (is_byline(tail.lstrip(BULLET_MARKS))
                                          and not CUT_NAME_RE.search(tail)) \
                or classify(pair[0], byline, False).kind is not Kind.BYLINE:
            continue
        out[i] = (prev[0], prev[1][:m.start("tail")], prev[2][:-len(tail)].rstrip())
        out[i + 1] = (pair[0], m.group("tail") + pair[1], byline)
    return out


def lines_matching(pattern: re.Pattern[str], lines: list[str]) -> list[int]:
    """Indexes of the lines a MULTILINE pattern matches in, in one pass over the page
    (a Python loop line by line costs more than the check it guards)."""
    text = "\n".join(lines)
    found: list[int] = []
    line, pos = 0, 0
    for m in pattern.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        if not found or found[-1] != line:
            found.append(line)
    return found


CREDIT_WRAP_LINES = 3  # lines a caption's run-on credit may be wrapped over


def mend_wrapped_credits(pairs: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """'…层林尽染的秋色 全媒' / '体首席记者彭志远 通讯员韩雨' / '桐 摄': a caption that runs
    on into its credit, wrapped over lines. The credit is put on a line of its own, so that
    it is read as the credit it is; the caption keeps its words."""
    out: list[tuple[int, str, str]] = []
    for pair in pairs:
        out.append(pair)
        if not (pair[2].endswith(SHOT_ENDS) or (pair[2] in ("道", "报道") and len(out) > 1
                                                and out[-2][2].endswith(("摄影报", "摄影")))) \
                or len(out) < 2:
            continue  # (…摄影报 / 道: the credit's last word wrapped too)
        for back in range(CREDIT_WRAP_LINES + 1, 1, -1):  # the widest window first
            tail = out[-back:]
            if back > len(out) or not all(text for _, _, text in tail):
                continue
            joined = "".join(text for _, _, text in tail)
            # …竞相开放。 孔岚 / 费扬 摄影报道: names alone, after the last sentence
            found = CAPTION_CREDIT_RE.search(joined) or CREDIT_TAIL_RE.search(joined)
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


def mend_lines(page: str, pairs: list[Pair]) -> list[Pair]:
    """Put back, one kind after another, what the printing broke across lines; a search
    over the whole page first rules out most pages for each kind."""
    if DOUBLED_START_RE.search(page):  # one search rules most pages out
        pairs = mend_doubled_wraps(pairs)
    if sum(len(p[2]) == 1 for p in pairs) >= VERTICAL_MIN:
        pairs = merge_vertical(pairs)
    if ROLE_SPLIT_SEARCH_RE.search(page):  # one search rules most pages out
        pairs = mend_split_roles(pairs)
    if ROLE_END_SEARCH_RE.search(page):  # one search rules most pages out
        pairs = mend_wrapped_names(pairs)
    if ROLE_PREFIX_SEARCH_RE.search(page):  # one search rules most pages out
        pairs = mend_wrapped_role_prefixes(pairs)
    if OPEN_AT_END_SEARCH_RE.search(page):  # one search rules most pages out
        pairs = mend_wrapped_signatures(pairs)  # …and another finds the lines to visit
    if "【" in page and BRACKETED_TITLE_WRAP_RE.search(page):
        pairs = mend_wrapped_bracket_titles(pairs)
    if WRAPPED_TAIL_SEARCH_RE.search(page):  # one search rules most pages out
        pairs = mend_wrapped_bylines(pairs)
    if "摄" in page:  # one search rules most pages out
        pairs = mend_wrapped_credits(pairs)
    if WRAPPED_DAY_SEARCH_RE.search(page):  # one search rules most pages out
        pairs = mend_wrapped_dates(pairs)
    return pairs


WRAPPED_DAY_SEARCH_RE = re.compile(r"\n[ \u3000]*日。?[ \u3000]*(?:\n|$)")  # 日 alone on a line
WRAPPED_DATE_RE = re.compile(r"^\d{4}年\d{1,2}月\d ?\d?$")  # 2026年3月3 0, its digits spaced


def mend_wrapped_dates(pairs: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """'2 0 2 6 年 3 月 3 0' / '日': a date alone (a notice's, under its signer) wrapped
    before its last word, put back on one line, so that it reads as the date it is."""
    out: list[tuple[int, str, str]] = []
    for pair in pairs:
        if pair[2] in ("日", "日。") and out and WRAPPED_DATE_RE.match(out[-1][2]):
            no, raw, text = out.pop()
            out.append((no, raw, text.replace(" ", "") + pair[2]))
            continue
        out.append(pair)
    return out
