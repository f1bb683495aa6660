"""What the search index holds for one article: its words, their positions and weights.

A record is the article as a sequence of index tokens (see tokens.py): kicker, headline,
subtitle and byline, a ␝ token, the body's paragraphs, then ␞ and the article's distinct
characters. Every token takes one position; a token with a letter or digit in it is
stored as a word (lower case), punctuation only counts. Headline tokens weigh 7 times
as much as the rest. These are Pagefind 1.5.2's rules for an HTML page holding the
same tokens (`record_html`): the golden test indexes those pages with Pagefind and
checks that the index written from this module is the one Pagefind writes.
"""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from generator.search.pagefind_chars import KEPT
from generator.search.tokens import BODY, SPACE, UNIGRAMS, index_text, lower, unigram_text

# Pagefind's weights: a plain word is 1.0 × 24, a word of an <h1> 7.0 × 24.
PLAIN = 24
HEADLINE = 168
ZWSP = "\u200b"
# Characters Pagefind keeps in words besides letters and digits (its WORD_SYMBOLS).
WORD_SYMBOLS = frozenset("_‿⁀⁔︳︴﹍﹎﹏＿")


@dataclass
class Record:
    """One article as the index sees it. `parts` are (index tokens, weight) in reading
    order; `text` is what a result shows: the head (kicker, headline, subtitle, byline)
    and the body as printed, a ␝ between them."""
    url: str  # the record's URL in the index: the article path with ~ for /
    title: str
    filters: dict[str, str]
    parts: list[tuple[str, int]] = field(default_factory=list)
    text: str = ""
    inferred: str = ""  # "date,page": what a result must mark as an estimate


def record(url: str, title: str, filters: dict[str, str], kicker: str | None,
           headline: str | None, subtitle: str | None, byline: str | None,
           paragraphs: list[str], inferred: str = "") -> Record:
    """An article's record: its head, the ␝ mark, its body, its characters."""
    parts: list[tuple[str, int]] = []
    # Pagefind drops zero-width spaces before it counts positions.
    kicker, headline, subtitle, byline = (t.replace(ZWSP, "") if t else t
                                          for t in (kicker, headline, subtitle, byline))
    paragraphs = [p.replace(ZWSP, "") for p in paragraphs]
    for text, weight in ((kicker, PLAIN), (headline, HEADLINE), (subtitle, PLAIN),
                         (byline, PLAIN)):
        if text:
            parts.append((f"{index_text(text)} {SPACE}", weight))
    parts.append((BODY, PLAIN))
    parts += [(f"{index_text(p)} {SPACE}", PLAIN) for p in paragraphs if p.strip()]
    texts = [kicker or "", headline or "", subtitle or "", byline or "", *paragraphs]
    parts.append((f"{UNIGRAMS} {unigram_text(texts)}", PLAIN))
    head = " ".join(t for t in (kicker, headline, subtitle, byline) if t)
    body = "\n".join(p for p in paragraphs if p.strip())
    return Record(url, title, filters, parts, f"{head}\n{BODY}\n{body}", inferred)


# A stored word: (the word searched for, the form printed where it differs from it).
Word = tuple[str, str | None]


@lru_cache(maxsize=1 << 16)
def stored_word(token: str) -> Word | None:
    """The word Pagefind stores for a token, or None for punctuation: the characters it
    keeps (letters, digits, word symbols and the few more of pagefind_chars.KEPT) in
    lower case, decomposed with the marks taken off (café → cafe, 한 → its jamo), with
    the form before that where it differs. The token is put in lower case first (see
    tokens.lower): Pagefind is given it so (see record_html), because it indexes a
    word with capitals inside (ΑΣ, 经A) a second time in pieces."""
    word = "".join(c for c in lower(token) if c.isalnum() or c in WORD_SYMBOLS or c in KEPT)
    if not word:
        return None
    if word.isascii():
        return word, None
    bare = "".join(c for c in unicodedata.normalize("NFD", word)
                   if not unicodedata.category(c).startswith("M"))
    return (word, None) if bare == word else (bare, word)


def record_html(rec: Record) -> str:
    """The record as a page for Pagefind: what the golden test gives Pagefind to index."""
    hidden = "".join(f'<span data-pagefind-filter="{html.escape(k)}">{html.escape(v)}</span>'
                     for k, v in sorted(rec.filters.items()))
    body = "".join(f"<{'h1' if w == HEADLINE else 'p'}>{html.escape(lower(text))}"
                   f"</{'h1' if w == HEADLINE else 'p'}>\n" for text, w in rec.parts)
    return ('<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>r</title>'
            f'</head><body><div hidden data-pagefind-ignore>{hidden}</div>'
            f"<main data-pagefind-body>\n{body}</main></body></html>\n")
