"""Index tokens: overlapping character bigrams, so that index and query agree.

Chinese has no spaces and any word segmenter (jieba, the browser's Intl.Segmenter)
splits a query differently from the text it should find. Instead, every position of a
run of letters and digits is indexed as the two characters starting there (the last
character of a run as itself): 东城区 → 东城 城区 区. A query of two or more
characters is sent as a quoted phrase of its own bigrams (东城区 → "东城 城区"), and
Pagefind matches a phrase on consecutive words, so a search finds exactly the texts
that contain the query as a substring. A one-character query is matched against a
second, smaller list: every distinct character of the article once (see
`unigram_text`).

Why bigrams and not one word per character: a bigram occurs in far fewer articles
than either of its characters, so the index chunks a query downloads are smaller, and
the phrase has one word fewer.

Why overlapping: a substring of any length and at any offset is then a phrase of
consecutive words, and every character position of the text is a position of the
index (read in order, the first characters of the words are the text itself).

The same rules are implemented in templates/assets/search-engine.js for queries: full-width
Latin letters and digits count as their half-width forms, case does not matter,
punctuation and spaces only separate.
"""

from __future__ import annotations

import re

# Stands for a space of the original text, and ends every paragraph: a word of its own,
# so that a phrase does not run across it and an excerpt can show the space again.
SPACE = "␣"
# Separates the text from the list of its characters at the end of a record.
UNIGRAMS = "␞"
# Separates the head of a record (kicker, headline, subtitle, byline) from its body, so
# that an excerpt can be taken from the body alone.
BODY = "␝"
_FULL_WIDTH_ALNUM_RE = re.compile(r"[０-９Ａ-Ｚａ-ｚ]")
# Runs of letters and digits of any script; everything else separates.
_RUN_RE = re.compile(r"[^\W_]+", re.UNICODE)
# A run, or one character of anything else that is not a space.
_PIECE_RE = re.compile(r"[^\W_]+|[^\s]", re.UNICODE)


def fold(text: str) -> str:
    """Full-width Latin letters and digits → half-width (ＯＤＲ１２３ → ODR123)."""
    if _FULL_WIDTH_ALNUM_RE.search(text) is None:
        return text
    return _FULL_WIDTH_ALNUM_RE.sub(lambda m: chr(ord(m.group()) - 0xFEE0), text)


def lower(text: str) -> str:
    """Lower case as the browser's search engine makes it (search-engine.js normalise):
    character by character, so Σ is always σ (str.lower() makes a final one ς), and İ
    is i (not i with a combining dot, which would cut a word in two)."""
    if "Σ" not in text and "İ" not in text:  # the only characters str.lower() differs on
        return text.lower()
    return "".join("i" if c == "İ" else c.lower() for c in text)


def normalise(text: str) -> str:
    """What matching compares: folded and lower case."""
    return lower(fold(text))


def bigrams(run: str) -> list[str]:
    """The words a run of letters and digits is indexed as: 东城区 → 东城 城区 区."""
    return [run[i:i + 2] for i in range(len(run))]


def index_tokens(text: str) -> list[str]:
    """The words Pagefind stores for a text (lower case, punctuation left out)."""
    return [t for run in _RUN_RE.findall(normalise(text)) for t in bigrams(run)]


def index_text(text: str) -> str:
    """Text for the search index: bigrams of each run, punctuation as words of its own.

    Punctuation stays, one word a mark, so that excerpts read as the printed text and a
    phrase cannot match across it; case stays for the excerpts (Pagefind ignores it).
    Words of the original text are separated by a ␣ word.
    """
    words = []
    for word in fold(text).split():
        pieces = []
        for piece in _PIECE_RE.findall(word):
            pieces.extend(bigrams(piece) if _RUN_RE.fullmatch(piece) else [piece])
        words.append(" ".join(pieces))
    return f" {SPACE} ".join(words)


def unigram_text(texts: list[str]) -> str:
    """Every distinct letter or digit of the texts, once each, in code point order:
    what a one-character query is matched against."""
    chars = {c for text in texts for run in _RUN_RE.findall(normalise(text)) for c in run}
    return " ".join(sorted(chars))


def query_terms(query: str) -> list[list[str]]:
    """The phrases a query is searched as: for each run of letters and digits, its
    bigrams, or the character itself for a run of one (3.8万 → [3], [8万]; the search
    then checks the whole word exactly)."""
    return [[run] if len(run) == 1 else bigrams(run)[:-1]
            for run in _RUN_RE.findall(normalise(query))]
