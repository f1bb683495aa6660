"""Index tokens: one per character, so that index and query split text the same way.

Chinese has no spaces and any word segmenter (jieba, the browser's Intl.Segmenter)
splits a query differently from the text it should find. Indexing every Han
character, digit and Latin letter as a word of its own, and sending a query as a
quoted phrase of the same characters, makes a search find exactly the texts that
contain the query as a substring: Pagefind matches a phrase on consecutive words.
The same rules are implemented in templates/assets/search.js for queries.
"""

from __future__ import annotations

import re
import unicodedata

# Letters and digits of any script, one at a time; everything else separates.
_CHAR_RE = re.compile(r"[^\W_]", re.UNICODE)


def normalise(text: str) -> str:
    """Full-width Latin letters and digits → half-width, lower case (ＯＤＲ → odr)."""
    return unicodedata.normalize("NFKC", text).lower()


def index_tokens(text: str) -> list[str]:
    """The words Pagefind should index for a text: one per letter, digit or character."""
    return _CHAR_RE.findall(normalise(text))


def index_text(text: str) -> str:
    """Text for the search index: its tokens separated by spaces."""
    return " ".join(index_tokens(text))


def query_terms(query: str) -> list[list[str]]:
    """A query as terms (split at spaces), each a list of tokens; empty terms dropped."""
    return [tokens for part in normalise(query).split() if (tokens := _CHAR_RE.findall(part))]
