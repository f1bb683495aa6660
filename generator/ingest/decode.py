"""Bytes of one OCR page dump → text, whatever encoding the OCR tool saved it in.

OCR tools on Chinese Windows machines save UTF-8 (with or without a BOM), UTF-16
(the "Unicode" option of Notepad-era tools, sometimes without a BOM) or GB18030/GBK
("ANSI"). Nothing in the file says which, so we try them in an order where a wrong
guess fails loudly, and we refuse anything that does not look like text rather than
let mojibake into the archive.
"""

from __future__ import annotations

import codecs
import re

from generator.errors import ArchiveError

MAX_PAGE_BYTES = 5 * 1024 * 1024  # a page dump is normally under 100 KB

# Controls that have no business in a text page (tab, newline, CR and form feed do).
_BAD_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# What a Chinese newspaper page is made of: ideographs, CJK and full-width punctuation,
# ASCII, common symbols. A wrong decoding produces mostly other code points.
_TEXTY_RE = re.compile(
    r"[\t\n\f\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u2100-\u218f\u2460-\u27bf"
    r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
    r"\U00020000-\U0003134f]"
)
# Ideographs and CJK/full-width punctuation: 3-byte sequences in UTF-8.
_CHINESE_RE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
_NEWLINE_RE = re.compile(r"\r\n?")

MIN_TEXTY_SHARE = 0.9  # for guesses (BOM-less UTF-16, GB18030), not for declared encodings
MAX_CONTROL_SHARE = 0.01  # stray controls are reported by repair; many mean binary data
MIN_CONTROLS_ALLOWED = 2  # ... but a short page may still carry one or two
MAX_DAMAGED_UTF8 = 3  # invalid byte sequences tolerated in an otherwise UTF-8 page ...
MIN_CHINESE_PER_DAMAGED = 10  # ... if it holds this many CJK characters per damaged one


def decode_page(data: bytes, name: str) -> str:
    """Decode one page dump to text with '\\n' line ends and no BOM.

    Raises ArchiveError (one line: the file and the fix) for oversized, empty, binary or
    undecodable input, so a bad file stops the run before it reaches the archive.
    """
    _check_size(data, name)
    text = _decode(data, name)
    text = _NEWLINE_RE.sub("\n", text).lstrip("\ufeff")
    if not text.strip():
        raise ArchiveError(f"{name}: empty page; remove it or re-export it from the OCR tool")
    return text


def _check_size(data: bytes, name: str) -> None:
    """Refuse huge inputs early: they are a wrong file or many pages glued together."""
    if len(data) > MAX_PAGE_BYTES:
        raise ArchiveError(
            f"{name}: {len(data) / 1024 / 1024:.1f} MB ({len(data)} bytes) is too large for "
            f"one page (limit {MAX_PAGE_BYTES // 1024 // 1024} MB; a page dump is normally "
            f"under 100 KB); split it into pages or check that it is the right file"
        )


def _not_text(name: str) -> ArchiveError:
    return ArchiveError(
        f"{name}: not a text page (binary data or an unknown encoding); "
        f"save it as UTF-8, UTF-16 or GB18030"
    )


def _decode(data: bytes, name: str) -> str:
    """Pick the encoding: a BOM decides; NUL bytes mean UTF-16 or binary; else UTF-8, GB18030."""
    if data.startswith(codecs.BOM_UTF8):
        return _declared(data[len(codecs.BOM_UTF8) :], "utf-8", name)
    if data.startswith(codecs.BOM_UTF16_LE):
        return _declared(data[2:], "utf-16-le", name)
    if data.startswith(codecs.BOM_UTF16_BE):
        return _declared(data[2:], "utf-16-be", name)
    if b"\x00" in data:
        # UTF-8 and GB18030 text never contains NUL; UTF-16 text of ASCII and newlines does.
        return _guessed(data, _utf16_byte_order(data), name)
    text = _utf8_or_nearly(data)
    if text is not None and _plausible(text, MAX_CONTROL_SHARE, 0.0):
        return text
    # GB18030 maps almost any byte string to *some* characters: demand clean text.
    return _guessed(data, "gb18030", name)


def _declared(data: bytes, encoding: str, name: str) -> str:
    """The file says its encoding (a BOM): it must decode, and must not be mostly controls."""
    text = _strict(data, encoding)
    if text is None or not _plausible(text, MAX_CONTROL_SHARE, 0.0):
        raise _not_text(name)
    return text


def _guessed(data: bytes, encoding: str | None, name: str) -> str:
    """A guess must decode and read as clean text, or the file is refused."""
    text = _strict(data, encoding) if encoding else None
    if text is None or not _plausible(text, 0.0, MIN_TEXTY_SHARE):
        raise _not_text(name)
    return text


def _strict(data: bytes, encoding: str) -> str | None:
    """Decode without replacement characters, or None: a lossy decode is a wrong guess."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _utf8_or_nearly(data: bytes) -> str | None:
    """UTF-8, allowing a few damaged bytes (a character cut at the end of the dump).

    Read as GB18030, UTF-8 with one bad byte would become a page of plausible-looking
    ideographs (mojibake) that no check could catch. Kept as U+FFFD instead, the damage is
    reported line by line by `repair.find_broken_chars`. GBK text read as UTF-8 breaks on
    nearly every character, so it never passes as "nearly UTF-8".
    """
    text = _strict(data, "utf-8")
    if text is not None:
        return text
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd") - data.count("\ufffd".encode())
    if damaged > MAX_DAMAGED_UTF8:
        return None
    chinese = len(_CHINESE_RE.findall(text))  # GBK misread as UTF-8 yields almost none
    return text if chinese >= MIN_CHINESE_PER_DAMAGED * damaged else None


def _utf16_byte_order(data: bytes) -> str | None:
    """BOM-less UTF-16: ASCII characters (newlines, digits) put their NUL in one byte lane.

    Little-endian puts it in the odd bytes, big-endian in the even ones. Ideographs such as
    U+4E00 add a few NULs to the other lane, so we ask for a clear majority, not purity.
    """
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd >= 4 * even:
        return "utf-16-le"
    if even >= 4 * odd:
        return "utf-16-be"
    return None


def _plausible(text: str, max_control_share: float, min_texty_share: float) -> bool:
    """Does this decoded string read as a page: few stray controls, mostly CJK and ASCII?"""
    if not text:
        return True
    controls = len(_BAD_CONTROL_RE.findall(text))
    allowed = max(MIN_CONTROLS_ALLOWED, max_control_share * len(text)) if max_control_share else 0
    if controls > allowed:
        return False
    if min_texty_share <= 0:
        return True
    texty = len(_TEXTY_RE.findall(text))
    return texty >= min_texty_share * len(text)
