"""Index tokens: one per character, so that index and query split text the same way.

Chinese has no spaces and any word segmenter (jieba, the browser's Intl.Segmenter)
splits a query differently from the text it should find. Indexing every character as
a word of its own, and sending a query as a quoted phrase of the same characters,
makes a search find exactly the texts that contain the query as a substring: Pagefind
matches a phrase on consecutive words. The same rules are implemented in
templates/assets/search.js for queries: full-width Latin letters and digits count as
their half-width forms, case does not matter, punctuation and spaces only separate.
"""

from __future__ import annotations

import re

# Stands for a space of the original text, and ends every paragraph: a word of its own,
# so that a phrase does not run across it and an excerpt can show the space again.
SPACE = "␣"
_FULL_WIDTH_ALNUM_RE = re.compile(r"[０-９Ａ-Ｚａ-ｚ]")
# Letters and digits of any script, one at a time; everything else separates.
_CHAR_RE = re.compile(r"[^\W_]", re.UNICODE)
_RUN_RE = re.compile(r"[^\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """Full-width Latin letters and digits → half-width (ＯＤＲ１２３ → ODR123)."""
    if _FULL_WIDTH_ALNUM_RE.search(text) is None:
        return text
    return _FULL_WIDTH_ALNUM_RE.sub(lambda m: chr(ord(m.group()) - 0xFEE0), text)


def normalise(text: str) -> str:
    """What matching compares: folded and lower case."""
    return fold(text).lower()


def index_tokens(text: str) -> list[str]:
    """The letters and digits of a text as a search sees them, one token each."""
    return _CHAR_RE.findall(normalise(text))


def index_text(text: str) -> str:
    """Text for the search index: every character a word of its own, punctuation too.

    Punctuation stays (as a word of its own) so that excerpts read as the printed text
    once the spaces are taken out; case stays for the excerpts (Pagefind ignores it).
    Words of the original text are separated by two spaces.
    """
    return f" {SPACE} ".join(" ".join(word) for word in fold(text).split())


def query_terms(query: str) -> list[list[str]]:
    """The phrases a query is searched as: each run of letters and digits, one token per
    character (3.8万 → [3], [8, 万]; the search then checks the whole word exactly)."""
    return [list(run) for run in _RUN_RE.findall(normalise(query))]
