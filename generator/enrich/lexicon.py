"""jieba's word list, tags and IDF table, a site's own dictionary, and the segmenter.

Segmentation is jieba's (its dictionary and its unknown-word model). It runs through
rjieba, jieba's algorithm compiled, which cuts a text twenty times faster and into the
same words as jieba.lcut() on text of Chinese characters only: the extractor gives it
nothing else (every other character becomes a line break, see han_runs), and
benchmarks/bench_entities.py and tests/test_entities.py check the sameness. Tags come
from jieba's dictionary (the tags jieba.posseg gives a known word) and the site's
dictionary; the IDF table is jieba.analyse's, shipped with jieba, so that a word's
weight does not depend on the archive.
"""

from __future__ import annotations

import functools
import hashlib
import re
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _package_version
from pathlib import Path

import jieba
import rjieba

from generator.enrich.names import (
    COMPOUND_SURNAMES,
    CREDIT_PARTS,
    FRAGMENT_HEADS,
    KEYWORD_TAGS,
    KNOWN_PLACES,
    NATIONAL_ORGS,
    NOT_KEYWORDS,
    ORG_PREFIXES,
    PREDICATE_HEADS,
    SPEECH_ENDS,
    SURNAMES,
    TITLES,
)
from generator.enrich.userdict import UserEntry, parse_user_dictionary

JIEBA_DIR = Path(jieba.__file__).resolve().parent
# Characters jieba cuts as Chinese (its re_han_default without letters and digits).
NOT_HAN = re.compile(r"[^\u4e00-\u9fd5]+")


def han_runs(text: str) -> str:
    """The text with everything but Chinese characters turned into line breaks: jieba
    never joins words across one, and both segmenters agree on what remains."""
    return NOT_HAN.sub("\n", text)


class Lexicon:
    """The dictionary knowledge of one extraction: word → tag, word → IDF, the
    segmenter; with a site's entries added. Built once per process (lexicon())."""

    def __init__(self, entries: tuple[UserEntry, ...] = ()):
        self.tags: dict[str, str] = {}
        with open(JIEBA_DIR / "dict.txt", encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) == 3:
                    self.tags[parts[0]] = parts[2]
        self.idf, self.median_idf = idf_table()
        self.tags["\n"] = "x"  # the line breaks cut() puts between runs
        self.jieba = rjieba.Jieba()
        self.user: dict[str, str] = {}  # the site's words → their tag ("" for none)
        for entry in entries:
            self.jieba.add_word(entry.word, entry.freq, entry.tag)
            self.user[entry.word] = entry.tag or ""
            if entry.tag:
                self.tags[entry.word] = entry.tag
        # Words an entity may start with (see entities.candidates).
        self.triggers = frozenset(
            {w for w, t in self.tags.items() if t in ("nr", "nrfg", "nrt", "ns", "nt")}
            | KNOWN_PLACES | {p + s for p in KNOWN_PLACES for s in "省市县"}
            | ORG_PREFIXES | NATIONAL_ORGS | SURNAMES | COMPOUND_SURNAMES | set(self.user))
        # Words that may be keywords, with their IDF: nouns of jieba's IDF table.
        # Not names (a person or a place is an entity, not a keyword), not titles.
        self.keyword_idf = {
            w: idf for w, idf in self.idf.items()
            if self.tags.get(w) in KEYWORD_TAGS and w not in self.triggers
            and may_be_keyword(w)}
        # word → what extraction knows of it (entities.word_facts), worked out when an
        # article first has the word: most words are met again and again.
        self.memo: dict[str, tuple[int, float]] = {}

    def cut(self, text: str) -> list[str]:
        """jieba's words of the text's Chinese characters (with its unknown-word model);
        a line break stands wherever other characters were, so that no name or place
        runs on across a punctuation mark."""
        return self.jieba.cut(han_runs(text), True)

    def known(self, word: str) -> bool:
        return word in self.tags or self.jieba.has_word(word)


def may_be_keyword(word: str) -> bool:
    """May a noun of jieba's dictionary be a keyword: two characters at least, no
    credit (本报记者), no title (市长), no word of no topic (工作), nothing that says
    what a thing is like (有力, 有度) and no fragment of a sentence (时说)."""
    return (len(word) >= 2 and word not in NOT_KEYWORDS and word not in TITLES
            and not any(part in word for part in CREDIT_PARTS)
            and not (len(word) == 2 and word[0] in PREDICATE_HEADS)
            and not (word[0] in FRAGMENT_HEADS and word[-1] in SPEECH_ENDS))


@functools.cache
def idf_table() -> tuple[dict[str, float], float]:
    """jieba.analyse's IDF table (word → IDF) and its median, the weight of a word it
    lacks (as jieba.analyse weighs one). Read once per process; a build whose entities
    all come from the cache needs this and not the rest of the lexicon."""
    idf: dict[str, float] = {}
    with open(JIEBA_DIR / "analyse" / "idf.txt", encoding="utf-8") as f:
        for line in f:
            word, _, value = line.rstrip().partition(" ")
            if value:
                idf[word] = float(value)
    values = sorted(idf.values())
    return idf, values[len(values) // 2]


@functools.lru_cache(maxsize=4)
def lexicon(entries: tuple[UserEntry, ...] = ()) -> Lexicon:
    """The lexicon for a site's entries, built once per process (half a second)."""
    return Lexicon(entries)


def read_user_dictionary(path: str | None) -> tuple[UserEntry, ...]:
    """The entries of the dictionary file config.py validated (none without one)."""
    if not path:
        return ()
    text = Path(path).read_text(encoding="utf-8-sig")
    return tuple(parse_user_dictionary(text, path)[0])


def dictionary_digest(path: str | None) -> str:
    """A fingerprint of a dictionary file's content: part of every entity cache name."""
    if not path:
        return ""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""


@functools.cache
def extractor_version() -> str:
    """A fingerprint of the extraction itself: this package's code and the versions of
    jieba and rjieba. A change to it computes every article's entities again."""
    digest = hashlib.sha256(repr((jieba.__version__, _version("rjieba"))).encode())
    here = Path(__file__).resolve().parent
    for name in ("lexicon.py", "names.py", "entities.py"):
        digest.update(name.encode() + b"\0" + (here / name).read_bytes())
    return digest.hexdigest()


def _version(package: str) -> str:
    try:
        return _package_version(package)
    except PackageNotFoundError:
        return ""
