"""Line- and paragraph-level repairs of OCR/PDF extraction damage.

The printed page is the truth; these functions undo what the extractor added to it:
control bytes, fake-bold text emitted twice, letter-spacing and spaces around numbers,
and the hard wraps of narrow columns. They never change the printed characters
themselves (OCR typos are the editor's job), and they run on every line of every page,
so they are plain string work with module-level regexes and early exits.

Every repair takes time linear in the length of its input, whatever the input: a page
may be up to 5 MB of anything (one line, a phrase repeated, a run of punctuation), so
every search is bounded: the regexes look a fixed number of characters around a match,
and the doubling search has caps and a budget of steps per character.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# ── character classes ────────────────────────────────────────────────────────────────

# Ideographs (URO, extension A, compatibility, supplementary planes) and 〇, the
# ideographic zero of dates such as 二〇二三年.
_CJK_CLASS = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Full-width punctuation as set in Chinese text: the CJK punctuation block (minus the
# ideographic space and 〇), full-width ASCII punctuation (minus letters and digits),
# vertical forms, and the general-punctuation marks Chinese typesetting uses (—…·“”‘’).
_CJK_PUNCT_CLASS = (
    "\u3001-\u3006\u3008-\u303f"
    "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
    "\ufe10-\ufe19\ufe30-\ufe4f"
    "\u00b7\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u2e3a\u2e3b"
)
# Latin side of a CJK/Latin boundary: ASCII letters and digits, and the signs that are
# glued to a number (58% 增长 → 58%增长).
_LATIN_CLASS = "A-Za-z0-9%\u2030"

_CJK_RE = re.compile(f"[{_CJK_CLASS}]")
_CJK_PUNCT_RE = re.compile(f"[{_CJK_PUNCT_CLASS}]")

# C0/C1 controls (and DEL): invalid in YAML and invisible in print. Tab is kept.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
# Invisible characters that PDF extraction and web copy-paste leave in text: the bidi
# controls (embeddings, overrides, isolates, LRM/RLM/ALM) and the zero-width ones (space,
# joiners, word joiner, BOM, Mongolian vowel separator). They print as nothing but break
# search and can reorder what a reader sees; U+200D (ZWJ) only matters inside emoji, which
# a newspaper page does not have. Removed from every line and reported per line.
_INVISIBLE_CLASS = "\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE_CLASS}]")
# What find_broken_chars reports: those controls (newline aside) and U+FFFD.
_BROKEN_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd]")
# Spaces an extractor emits: ASCII, NBSP, the ideographic space and the typographic
# spaces. Tabs are not included: in a score table they may separate columns.
_SP = "[ \u00a0\u2000-\u200a\u202f\u205f\u3000]"
_SPACE_RUN_RE = re.compile(f"{_SP}+")
# Single digits a space apart right before what they count (2 0 2 6年, 1 2日, 3 8 6 0元,
# 4 . 2万亩, 1 8 ℃): one number letter-spaced, as the letters around it are.
_SPACED_DIGITS_RE = re.compile(r"(?<![\d.])\d(?: (?:\. )?\d)+ ?(?=[\u4e00-\u9fff%℃‰])")
# …or right after a word at the end of a line of text, where a narrow column wrapped
# before the unit (深入 1 2 / 个村): not in a table's row (竹溪镇　4　0　8).
_WRAPPED_DIGITS_RE = re.compile(r"(?<=[\u4e00-\u9fff]{8})\d(?: \d)+$")
# A gap of two spaces or more between words of two characters or more: a table's cells.
_WIDE_GAP_RE = re.compile(rf"(?<=\S\S){_SP}{{2,}}(?=\S\S)")
_CELL = "\ue000"  # stands for a kept gap while the other spaces are judged
# …and a cell of one letter between two such gaps, its neighbours words (大米　　斤　　2.8:
# the unit's column), where letter-spacing sets single letters apart on both sides.
_LONE_CELL_RE = re.compile(rf"(?<=\S\S){_SP}{{2,}}(\S){_SP}{{2,}}(?=\S\S)")
# One ideographic space between words of two characters or more is set by hand, as a
# table's cells are on a web page (陶湾公园　6:00—22:00), never by an extractor that
# spaces out digits: it is kept as a wide gap.
_IDEO_GAP_RE = re.compile(r"(?<=\S\S)\u3000(?=\S\S)")
# Cells whose letters are spaced out, a wider gap between cells (品　名　　单　位　　价　格):
# a single space inside a cell and a wider one after it, both between letters.
_SPACED_CELLS_RE = re.compile(rf"(?<!\S{_SP})\S(?:{_SP}\S)+{_SP}{{2,}}\S")
_WIDE_RUN_RE = re.compile(f"{_SP}{{2,}}")
# A credit's name after what its person did (余 航/文 储 诚/图): the space after 文 parts two
# names, whatever the letter-spacing around it.
_DOES_END_RE = re.compile(r"[/／][文图摄][）)]?$")
_AFTER_DOES_RE = re.compile(rf"(?<=[/／][文图摄]){_SP}+(?=[{_CJK_CLASS}])")

# Which single spaces (runs are collapsed first) the extractor added. Each alternative
# looks at the characters around one space in the line as extracted, so the decisions
# do not depend on each other. Notation: a ␣ b, with X before a and Y after b.
_C, _P, _L = _CJK_CLASS, _CJK_PUNCT_CLASS, _LATIN_CLASS
_AT_PUNCT = rf"(?<=[{_P}] )|(?=[{_P}])"  # a or b is full-width punctuation
_CJK_LATIN = rf"(?<=[{_C}] )(?=[{_L}])|(?<=[{_L}] )(?=[{_C}])"  # 2023 年, ODR 建设
# Letter-spacing: a and b are ideographs and one of them stands alone, i.e. X or Y is
# a space or punctuation. At the line's edge a lone character counts only if the other
# one is alone too ('李 欣 摄' joins; in '本报记者 乔利峰 摄' the credit 摄 is a word).
_A_ALONE = rf"(?<=[ (){_P}][{_C}] )"  # X is a space or punctuation (a bracket half-width too)
_B_ALONE = rf"(?=[{_C}][ (){_P}])"  # Y is a space or punctuation
_A_ALONE_OR_FIRST = rf"(?<![^ (){_P}][{_C}] )"
_B_ALONE_OR_LAST = rf"(?=[{_C}](?:[ (){_P}]|\Z))"
_LETTER_SPACING = (
    rf"(?<=[{_C}] )(?=[{_C}])"
    rf"(?:{_A_ALONE}|{_B_ALONE}|{_A_ALONE_OR_FIRST}{_B_ALONE_OR_LAST})"
)
_EXTRA_SPACE_RE = re.compile(rf" (?:{_AT_PUNCT}|{_CJK_LATIN}|{_LETTER_SPACING})")

MIN_DOUBLED_LINE = 6  # shorter lines (哈哈, 谢谢你们) are too often real words
UNDOUBLED_MARKS = "▲■●◆★□◇○◎△☆"  # a bullet before a doubled title, itself drawn once
# A fake-bold chunk is one text run of the PDF: a word, a label, a headline line. Bounding
# the length of a chunk in the middle of a line (and the length of a line worth searching)
# keeps the doubling search linear in the line length; the longest chunks seen in real
# pages are about ten characters. A longer chunk is looked for at the start and the end of
# a line only, where a whole bold line drawn twice puts it.
MAX_DOUBLED_CHUNK = 64
# Two-character titles of notices: doubled, they are bold type, not a word said twice.
DOUBLED_TITLES = frozenset({"启事", "公告", "讣告", "更正", "声明", "通告", "公示", "通知"})
MAX_DOUBLED_LINE = 4000  # 2000 printed characters: more than any bold headline or label
# Candidate chunks the search may try on one line: DOUBLED_STEPS + DOUBLED_STEPS_PER_CHAR
# per character. Real doubled lines need less than one per character; a line needing more
# is so repetitive (乡乡乡…乡甲甲, ——…——甲甲) that its split cannot be told from the text,
# and it is left as it is. Every line of up to 40 characters stays within the budget.
DOUBLED_STEPS = 64
DOUBLED_STEPS_PER_CHAR = 4


def is_cjk(ch: str) -> bool:
    """Is `ch` a Chinese character (an ideograph, not punctuation)?"""
    return _CJK_RE.match(ch) is not None


def is_cjk_punct(ch: str) -> bool:
    """Is `ch` full-width punctuation as set in Chinese text (，。、“”（）《》—…· and kin)?"""
    return _CJK_PUNCT_RE.match(ch) is not None


# ── broken characters and controls ───────────────────────────────────────────────────


def find_broken_chars(text: str) -> list[tuple[int, int, str]]:
    """Where the page has U+FFFD or control characters, as (line, column, char), 1-based.

    They are reported, not silently dropped, so an editor can fix the source page.
    """
    found: list[tuple[int, int, str]] = []
    line_no, line_start, counted_to = 1, 0, 0
    for match in _BROKEN_RE.finditer(text):
        pos = match.start()
        newlines = text.count("\n", counted_to, pos)
        if newlines:
            line_no += newlines
            line_start = text.rfind("\n", counted_to, pos) + 1
        counted_to = pos
        found.append((line_no, pos - line_start + 1, match.group()))
    return found


def strip_controls(line: str) -> str:
    """Drop control characters (they would break YAML); keep tabs and U+FFFD.

    U+FFFD stays because the editor has to see where a character was lost.
    """
    return _CONTROL_RE.sub("", line)


def strip_invisible(line: str) -> str:
    """Drop bidi controls and zero-width characters (see find_invisible_chars)."""
    return _INVISIBLE_RE.sub("", line)


def find_invisible_chars(text: str) -> list[tuple[int, str]]:
    """Lines holding bidi controls or zero-width characters, as (line, chars), 1-based.

    `chars` are the invisible characters of that line in order. Repairs remove them; they
    are reported because they can hide an edit (an override reverses what a reader sees).
    """
    found: list[tuple[int, str]] = []
    line_no, counted_to = 1, 0
    for match in _INVISIBLE_RE.finditer(text):
        pos = match.start()
        line_no += text.count("\n", counted_to, pos)
        counted_to = pos
        if found and found[-1][0] == line_no:
            found[-1] = (line_no, found[-1][1] + match.group())
        else:
            found.append((line_no, match.group()))
    return found


def describe_char(ch: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE': code point and Unicode name of a character."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'UNNAMED')}"


# ── fake bold ────────────────────────────────────────────────────────────────────────


SENTENCE_MIN = 4  # ideographs: a doubled chunk this long with a full stop is a sentence


def undouble(line: str) -> str:
    """Undo fake-bold doubling: '22..后三名的乡后三名的乡（（镇镇' style lines.

    Some PDFs print bold by drawing text twice; the extractor then emits every chunk
    twice in a row, a chunk being a character or a whole word. The line is repaired only
    when all of it splits into such doubled chunks (fewest chunks wins), so ordinary text
    with a reduplicated word (人人参与, 谢谢你们) is left alone. Lines longer than
    MAX_DOUBLED_LINE are not searched, nor chunks longer than MAX_DOUBLED_CHUNK except
    at the start or the end of the line, and the search gives up on lines so repetitive
    that it would take more than a few steps per character (see DOUBLED_STEPS).
    """
    body = line.strip()
    if body.find(body[:1], 1) == -1 and body.find(body[1:2], 2) == -1:
        return line  # neither its first letter nor (after a mark) its second recurs: no doubling
    if len(body) == 4 and body[:2] == body[2:] and body[:2] in DOUBLED_TITLES:
        return line.replace(body, body[:2])  # 讣告讣告: a notice's bold two-character title
    mark = body[:1] if body[:1] in UNDOUBLED_MARKS and body[1:2] != body[:1] else ""
    if mark:  # ▲松松湖湖小小学学: a brief's bullet is drawn once, its title twice
        body = body[1:]
    chunks = _doubled_chunks(body) if _may_be_doubled(body) else None
    if chunks is not None and any(_is_sentence(c) for c in chunks):
        chunks = None  # a whole sentence twice is the text's own: never drop a sentence
    if chunks is None and " " in body:
        chunks = _doubled_words(body)
    if chunks is None:
        return line
    head = line[: len(line) - len(line.lstrip())]
    tail = line[len(line.rstrip()) :]
    return head + mark + "".join(chunks) + tail


def undouble_start(line: str) -> str:
    """'棋棋课课 近日，…': the end of a doubled title wrapped onto the next line, its
    text after a space. Called on the line after a doubled one only: alone, two doubled
    characters may be a real word (高高兴兴)."""
    lead, space, _ = line.strip().partition(" ")
    if not space or len(lead) < 4 or len(lead) % 2:
        return line
    chunks = _doubled_chunks(lead)
    if chunks is None:
        return line
    return line.replace(lead, "".join(chunks), 1)


def _is_sentence(chunk: str) -> bool:
    """Words that end a sentence: '执法人员开展检查。', not '（（））。。' or '乡'."""
    return any(mark in chunk for mark in "。！？") and sum(
        "\u4e00" <= ch <= "\u9fff" for ch in chunk) >= SENTENCE_MIN


def _doubled_words(text: str) -> list[str] | None:
    """'理性消费理性消费 依法维权依法维权': a headline of spaced words, each drawn twice
    (the space between them is not). Every word must be doubled."""
    words = text.split(" ")
    if len(words) < 2 or len(text) > MAX_DOUBLED_LINE:
        return None
    if len(words) < 3 and all(len(w) < MIN_DOUBLED_LINE for w in words):
        return None  # 人人 谢谢: two short words may both be real reduplications
    out = []
    for word in words:
        half = len(word) // 2
        if len(word) >= 4 and len(word) % 2 == 0 and word[:half] == word[half:]:
            out.append(word[:half])  # 排名排名 in a header of such words
            continue
        chunks = _doubled_chunks(word) if word and _may_be_doubled(word) else None
        if chunks is None:
            return None
        out.append("".join(chunks))
    return [" ".join(out)]


def _may_be_doubled(text: str) -> bool:
    """Cheap necessary conditions, so that almost every line skips the search.

    Doubled chunks make the length even, the first and last characters must each recur
    within the half of the line on their side, and every character occurs an even number
    of times (counted on long lines only: on short ones the search is as cheap).
    """
    n = len(text)
    if n < MIN_DOUBLED_LINE or n % 2 or n > MAX_DOUBLED_LINE:
        return False
    half = n // 2
    if text.find(text[0], 1, half + 1) == -1 or text.rfind(text[-1], half - 1, n - 1) == -1:
        return False
    return n <= 2 * MAX_DOUBLED_CHUNK or all(c % 2 == 0 for c in Counter(text).values())


def _doubled_chunks(text: str) -> list[str] | None:
    """Split `text` into chunks each written twice (X X Y Y …), fewest chunks; or None.

    Dynamic programming over positions in increasing order, visiting only positions
    reached so far (each is final when visited, as chunks only move forward). Of two
    splits with as many chunks, the one whose last chunk starts first wins. The number
    of sizes tried is bounded by the step budget, so the search is linear in the line
    length; in normal text position 0 starts no doubled chunk and it ends at once.
    """
    n = len(text)
    half = n // 2
    if text.startswith(text[:half], half):
        return [text[:half]]  # the whole line drawn twice: one chunk, the fewest there are
    budget = DOUBLED_STEPS + DOUBLED_STEPS_PER_CHAR * n
    count = [-1] * (n + 1)  # fewest chunks that reach a position (-1: not reached)
    size_at = [0] * (n + 1)  # size of the last chunk on that split
    count[0] = 0
    furthest = 0  # the furthest position reached so far
    for start in range(0, n, 2):  # doubled chunks only ever reach even positions
        if start > furthest:
            break  # nothing reached beyond: no split
        if count[start] < 0:
            continue
        reached = count[start] + 1
        # Sizes k such that text[start:start+k] is repeated right after it, increasing:
        # 1, then those at which the chunk's first two characters recur, up to
        # MAX_DOUBLED_CHUNK past position 0; then the chunk that ends the line.
        room = (n - start) // 2  # the repeat must fit in the line
        limit = start + (room if start == 0 else min(room, MAX_DOUBLED_CHUNK))
        if text[start] == text[start + 1] and (count[start + 2] < 0 or reached < count[start + 2]):
            count[start + 2], size_at[start + 2] = reached, 1
            furthest = max(furthest, start + 2)
        pair = text[start : start + 2]
        at = text.find(pair, start + 2, limit + 2)
        while at != -1:
            budget -= 1
            if budget < 0:
                return None
            end = 2 * at - start  # compare only if the chunk would give a better split
            if (count[end] < 0 or reached < count[end]) and text.startswith(text[start:at], at):
                count[end], size_at[end] = reached, at - start
                furthest = max(furthest, end)
            at = text.find(pair, at + 1, limit + 2)
        if start and (count[n] < 0 or reached < count[n]) and _doubled_rest(text, start):
            count[n], size_at[n] = reached, room
            furthest = n
    if count[n] < 0:
        return None
    chunks: list[str] = []
    end = n
    while end:
        size = size_at[end]
        end -= 2 * size
        chunks.append(text[end : end + size])
    return chunks[::-1]


def _doubled_rest(text: str, start: int) -> bool:
    """Is text[start:] one chunk written twice? Its two ends are compared first."""
    mid = (len(text) + start) // 2
    if text[start] != text[mid] or text[mid - 1] != text[-1]:
        return False
    return text.startswith(text[start:mid], mid)


# ── spacing ──────────────────────────────────────────────────────────────────────────


def despace(line: str) -> str:
    """Remove spaces the extractor added, keep the ones printed between words.

    Removed: letter-spacing (有 害 不 良 → 有害不良), spaces touching full-width
    punctuation (村 （社区） 等 → 村（社区）等) and spaces between Chinese and Latin
    letters or digits (2023 年 2 月 → 2023年2月, ODR 建设 → ODR建设). Kept: one space
    between multi-character words (本报记者 申超峰, headline halves), between Latin
    words or numbers (MINSHENG JINGJI), and for a wide gap (two spaces or more) between
    words of two characters or more, as a table's cells are set. Runs collapse to one
    space; ends are stripped. NBSP and the ideographic space count as spaces.
    """
    if _CELL in line:
        line = line.replace(_CELL, " ")
    celled = "\u3000" in line or "  " in line.strip()
    if "\u3000" in line:
        cells = [_DIGIT_SPACE_RE.sub("", cell) for cell in line.strip().split("\u3000")]
        if _celled_by_ideographic_spaces(cells):  # 青菜　斤　2.5　跌: a row of short cells
            return " ".join(despace(cell) for cell in cells)
        line = _IDEO_GAP_RE.sub("  ", line)
    if _SPACED_CELLS_RE.search(line):  # 品　名　　单　位　　价　格: each cell letter-spaced
        return " ".join(despace(cell) for cell in _WIDE_RUN_RE.split(line.strip()))
    if ("/" in line or "／" in line) and (_AFTER_DOES_RE.search(line) or _DOES_END_RE.search(line)):
        # 余 航/文 储 诚/图: two people's credits, each closed up on its own (廖 清/图: one)
        return " ".join(_despace_credit(part) for part in _AFTER_DOES_RE.split(line))
    lone = _LONE_CELL_RE.search(line) is not None
    if lone:
        line = _LONE_CELL_RE.sub(rf"{_CELL}\1{_CELL}", line)
    gaps = lone or _WIDE_GAP_RE.search(line) is not None
    if gaps:  # a table's cells: 小白鹭　　　620　　　“三有” keeps one space per gap
        line = _WIDE_GAP_RE.sub(_CELL, line)
    line = _SPACE_RUN_RE.sub(" ", line).strip()
    if " " in line and (gaps or not _celled_by_single_spaces(line)):
        line = _EXTRA_SPACE_RE.sub("", line)
        if " " in line:  # 2 0 2 6年3月1 2日: a date's digits letter-spaced too
            line = _SPACED_DIGITS_RE.sub(lambda m: m.group().replace(" ", ""), line)
            if not celled and line[-1:].isdigit():
                line = _WRAPPED_DIGITS_RE.sub(lambda m: m.group().replace(" ", ""), line)
    return line.replace(_CELL, " ") if gaps else line


ROW_CELLS = 3  # cells at least in a row set a single ideographic space apart
_NO_SPACE_RE = re.compile(r"\S+")


# A space after a lone digit inside a table's cell, before a digit alone or a unit: the
# extractor's (K2 1 路, 6:3 0—1 8:0 0), not a date's before its time (2025-10-13 16:20).
_DIGIT_SPACE_RE = re.compile(rf"(?<=(?<!\d)\d){_SP}+(?=\d(?!\d)|[\u4e00-\u9fff])")


def _celled_by_ideographic_spaces(cells: list[str]) -> bool:
    """Cells one ideographic space apart, some of them one letter (青菜　斤　2.5　跌): a
    table's row set by hand, as long as two cells or more are words, not letters spaced
    out one by one (春　节　快　乐)."""
    return len(cells) >= ROW_CELLS and sum(len(c) >= 2 for c in cells) >= 2 \
        and all(_NO_SPACE_RE.fullmatch(c) for c in cells)


# A number an extractor spaced out stands alone before its unit (共设 186 个, 3 月 11 日).
_SPACED_NUMBER_RE = re.compile(
    r"(?:^| )[0-9.:：%-]+ "
    r"[年月日时分秒个万亿千百元人名家户位场次件所台辆套座条项张岁天周倍米亩吨斤克升度号层栋期届批组只头]")
_PROSE_PUNCT_RE = re.compile("[，。；：、！？,;!?]")


def _celled_by_single_spaces(line: str) -> bool:
    """Cells one space apart, each of two characters or more, words among them (柳湾社区
    3月14日 8:30-11:30 内科): a table's row, whose spaces by its figures are the cells'
    own, not an extractor's. Prose has its punctuation; a number an extractor spaced out
    stands alone before its unit; a letter-spaced word has cells of one letter."""
    cells = line.split(" ")
    return len(cells) >= TABLE_ROW_CELLS and all(len(c) >= 2 for c in cells) \
        and sum(all(_CJK_RE.fullmatch(ch) for ch in c) for c in cells) >= 2 \
        and any(ch.isdigit() for ch in line) and not _PROSE_PUNCT_RE.search(line) \
        and not _SPACED_NUMBER_RE.search(line)


TABLE_ROW_CELLS = 4  # cells at least in a row set a single space apart


def _despace_credit(part: str) -> str:
    """One person's credit, 储 诚/图: the name closed up, what the person did kept on."""
    does = _DOES_END_RE.search(part)
    return despace(part[:does.start()]) + does.group(0) if does else despace(part)


# What strip_controls and strip_invisible remove, in one pass.
_DROPPED_RE = re.compile(rf"[\x00-\x08\x0a-\x1f\x7f-\x9f{_INVISIBLE_CLASS}]")


def repair_line(line: str) -> str:
    """All line repairs in order: controls and invisible characters, fake bold, spacing."""
    return despace(undouble(_DROPPED_RE.sub("", line)))


# The same, newline aside: what repair_lines drops from a page.
_CONTROL_KEEP_NL_RE = re.compile(rf"[\x00-\x08\x0b-\x1f\x7f-\x9f{_INVISIBLE_CLASS}]")
# (The ideographic space is left to despace, which keeps one between words.)
_ODD_SPACE_RE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f]")


def repair_lines(text: str) -> list[str]:
    """repair_line for every line of a page, with the whole-text work done once.

    Same result as [repair_line(l) for l in text.split("\n")], in a fraction of the
    time (most lines of a page have no space at all and need no spacing repair), but for
    the head or tail of a fake-bold title wrapped onto a short line, known by the line
    under or above it.
    """
    text = _ODD_SPACE_RE.sub(" ", _CONTROL_KEEP_NL_RE.sub("", text))
    out = []
    bold_above = False  # was the line above printed in fake bold?
    plain_above = ""  # …or else, that line as printed
    for line in text.split("\n"):
        repaired = undouble(line)
        tail = bold_above and repaired == line
        if tail:
            repaired = undouble_tail(line)
        bold_above = repaired != line and not tail  # (a title's tail ends it)
        if bold_above and len(plain_above.strip()) >= HEAD_DOUBLED \
                and (head := undouble_tail(plain_above)) != plain_above:
            # 秋秋收收 over 展展销销两两旺旺: the title's first words, doubled as the rest is
            out[-1] = despace(head) if " " in head or "\u3000" in head else head
        plain_above = line if repaired == line else ""
        line = repaired
        if " " in line or "\t" in line or "\u3000" in line:
            line = despace(line)
        out.append(line)
    return out


HEAD_DOUBLED = 4  # characters: a title's first line, doubled, over a fake-bold line (not 谢谢)


def undouble_tail(line: str) -> str:
    """The last few characters of a fake-bold title wrapped onto a line of their own
    (松松岭岭镇镇菊菊花花…项项目目 / 投投产产), or its first few (秋秋收收 / 展展销销两两旺旺):
    too short to be known doubled alone, but every character drawn twice right next to a
    line that was."""
    body = line.strip()
    if 2 <= len(body) < MIN_DOUBLED_LINE and len(body) % 2 == 0 and body[::2] == body[1::2]:
        return line.replace(body, body[::2])
    return line


# ── joining wrapped lines ────────────────────────────────────────────────────────────


def join_lines(lines: list[str]) -> str:
    """Join the hard-wrapped lines of one paragraph into one string.

    Chinese has no spaces between words, so a column wrap becomes nothing; only a wrap
    between two Latin words ('Open' / 'Source', 'iPhone' / '15') stands for a space. A
    number broken between two digits ('全村2' / '10户', '3月1' / '8日电') is one number.
    Empty lines are skipped. The lines must already be repaired (no edge spaces).
    """
    parts: list[str] = []
    for line in lines:
        if not line:
            continue
        if parts and _is_ascii_alnum(parts[-1][-1]) and _is_ascii_alnum(line[0]) \
                and not (parts[-1][-1].isdigit() and line[0].isdigit()):
            parts.append(" ")
        parts.append(line)
    return "".join(parts)


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()
