"""Line- and paragraph-level repairs of OCR/PDF extraction damage.

The printed page is the truth; these functions undo what the extractor added to it:
control bytes, fake-bold text emitted twice, letter-spacing and spaces around numbers,
and the hard wraps of narrow columns. They never change the printed characters
themselves (OCR typos are the editor's job), and they run on every line of every page,
so they are plain string work with module-level regexes and early exits.
"""

from __future__ import annotations

import heapq
import re

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
# What find_broken_chars reports: those controls (newline aside) and U+FFFD.
_BROKEN_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd]")
# Spaces an extractor emits: ASCII, NBSP, the ideographic space and the typographic
# spaces. Tabs are not included: in a score table they may separate columns.
_SPACE_RUN_RE = re.compile(r"[ \u00a0\u2000-\u200a\u202f\u205f\u3000]+")

# Which single spaces (runs are collapsed first) the extractor added. Each alternative
# looks at the characters around one space in the line as extracted, so the decisions
# do not depend on each other. Notation: a ␣ b, with X before a and Y after b.
_C, _P, _L = _CJK_CLASS, _CJK_PUNCT_CLASS, _LATIN_CLASS
_AT_PUNCT = rf"(?<=[{_P}] )|(?=[{_P}])"  # a or b is full-width punctuation
_CJK_LATIN = rf"(?<=[{_C}] )(?=[{_L}])|(?<=[{_L}] )(?=[{_C}])"  # 2023 年, ODR 建设
# Letter-spacing: a and b are ideographs and one of them stands alone, i.e. X or Y is
# a space or punctuation. At the line's edge a lone character counts only if the other
# one is alone too ('李 欣 摄' joins; in '本报记者 乔利峰 摄' the credit 摄 is a word).
_A_ALONE = rf"(?<=[ {_P}][{_C}] )"  # X is a space or punctuation
_B_ALONE = rf"(?=[{_C}][ {_P}])"  # Y is a space or punctuation
_A_ALONE_OR_FIRST = rf"(?<![^ {_P}][{_C}] )"
_B_ALONE_OR_LAST = rf"(?=[{_C}](?:[ {_P}]|\Z))"
_LETTER_SPACING = (
    rf"(?<=[{_C}] )(?=[{_C}])"
    rf"(?:{_A_ALONE}|{_B_ALONE}|{_A_ALONE_OR_FIRST}{_B_ALONE_OR_LAST})"
)
_EXTRA_SPACE_RE = re.compile(rf" (?:{_AT_PUNCT}|{_CJK_LATIN}|{_LETTER_SPACING})")

MIN_DOUBLED_LINE = 6  # shorter lines (哈哈, 谢谢你们) are too often real words


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


# ── fake bold ────────────────────────────────────────────────────────────────────────


def undouble(line: str) -> str:
    """Undo fake-bold doubling: '22..后三名的乡后三名的乡（（镇镇' style lines.

    Some PDFs print bold by drawing text twice; the extractor then emits every chunk
    twice in a row, a chunk being a character or a whole word. The line is repaired only
    when all of it splits into such doubled chunks (fewest chunks wins), so ordinary text
    with a reduplicated word (人人参与, 谢谢你们) is left alone.
    """
    body = line.strip()
    if not _may_be_doubled(body):
        return line
    chunks = _doubled_chunks(body)
    if chunks is None:
        return line
    head = line[: len(line) - len(line.lstrip())]
    tail = line[len(line.rstrip()) :]
    return head + "".join(chunks) + tail


def _may_be_doubled(text: str) -> bool:
    """Cheap necessary conditions, so that almost every line skips the search.

    Doubled chunks make the length even, and the first and last characters must each
    recur within the half of the line on their side.
    """
    n = len(text)
    if n < MIN_DOUBLED_LINE or n % 2:
        return False
    half = n // 2
    return text.find(text[0], 1, half + 1) != -1 and text.rfind(text[-1], half - 1, n - 1) != -1


def _doubled_chunks(text: str) -> list[str] | None:
    """Split `text` into chunks each written twice (X X Y Y …), fewest chunks; or None.

    Dynamic programming over positions, visiting only positions reached so far (in
    increasing order, so each is final when visited). In normal text position 0 starts
    no doubled chunk, and this ends after a few `find` calls.
    """
    n = len(text)
    best: dict[int, tuple[int, int]] = {0: (0, 0)}  # position → (chunk count, last chunk size)
    frontier = [0]
    while frontier:
        start = heapq.heappop(frontier)
        if start == n:
            break
        count = best[start][0] + 1
        for size in _doubled_sizes(text, start):
            end = start + 2 * size
            if end not in best:
                heapq.heappush(frontier, end)
            elif best[end][0] <= count:
                continue
            best[end] = (count, size)
    if n not in best:
        return None
    chunks: list[str] = []
    end = n
    while end:
        size = best[end][1]
        end -= 2 * size
        chunks.append(text[end : end + size])
    return chunks[::-1]


def _doubled_sizes(text: str, start: int) -> list[int]:
    """Lengths k such that text[start:start+k] is immediately repeated."""
    sizes: list[int] = []
    first = text[start]
    limit = start + (len(text) - start) // 2  # the repeat must fit in the line
    at = text.find(first, start + 1, limit + 1)
    while at != -1:
        size = at - start
        if text.startswith(text[start:at], at):
            sizes.append(size)
        at = text.find(first, at + 1, limit + 1)
    return sizes


# ── spacing ──────────────────────────────────────────────────────────────────────────


def despace(line: str) -> str:
    """Remove spaces the extractor added, keep the ones printed between words.

    Removed: letter-spacing (有 害 不 良 → 有害不良), spaces touching full-width
    punctuation (村 （社区） 等 → 村（社区）等) and spaces between Chinese and Latin
    letters or digits (2023 年 2 月 → 2023年2月, ODR 建设 → ODR建设). Kept: one space
    between multi-character words (本报记者 申超峰, headline halves) and between
    Latin words or numbers (MINSHENG JINGJI). Runs collapse to one space; ends are
    stripped. NBSP and the ideographic space count as spaces.
    """
    line = _SPACE_RUN_RE.sub(" ", line).strip()
    if " " not in line:
        return line
    return _EXTRA_SPACE_RE.sub("", line)


def repair_line(line: str) -> str:
    """All line repairs in order: controls, fake bold, spacing."""
    return despace(undouble(strip_controls(line)))


_CONTROL_KEEP_NL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ODD_SPACE_RE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def repair_lines(text: str) -> list[str]:
    """repair_line for every line of a page, with the whole-text work done once.

    Same result as [repair_line(l) for l in text.split("\n")], in a fraction of the
    time: most lines of a page have no space at all and need no spacing repair.
    """
    text = _ODD_SPACE_RE.sub(" ", _CONTROL_KEEP_NL_RE.sub("", text))
    out = []
    for line in text.split("\n"):
        line = undouble(line)
        if " " in line or "\t" in line:
            line = despace(line)
        out.append(line)
    return out


# ── joining wrapped lines ────────────────────────────────────────────────────────────


def join_lines(lines: list[str]) -> str:
    """Join the hard-wrapped lines of one paragraph into one string.

    Chinese has no spaces between words, so a column wrap becomes nothing; only a wrap
    between two Latin letters or digits ('Open' / 'Source') stands for a space. Empty
    lines are skipped. The lines must already be repaired (no edge spaces).
    """
    parts: list[str] = []
    for line in lines:
        if not line:
            continue
        if parts and _is_ascii_alnum(parts[-1][-1]) and _is_ascii_alnum(line[0]):
            parts.append(" ")
        parts.append(line)
    return "".join(parts)


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()
