"""A site's entity dictionary: jieba's user-dictionary format, read and checked.

    许昌 ns            # a place jieba's dictionary takes for a person
    椹涧乡 ns
    代文涛 5 nr         # a local person, with a word frequency for the segmenter
    高峰 n             # a word that is never a person here

One entry a line: `词 [词频] [词性]`; nr marks a person, ns a place, nt an
organisation, any other tag a word that is none of these. Kept apart from lexicon.py
so that reading the config does not load jieba.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

USER_LINE = re.compile(r"^(?P<word>\S+)(?:\s+(?P<freq>\d+))?(?:\s+(?P<tag>[a-z]+))?\s*$")
HAN_WORD = re.compile(r"^[\u4e00-\u9fd5]+$")


@dataclass(frozen=True)
class UserEntry:
    word: str
    freq: int | None
    tag: str | None


def parse_user_dictionary(text: str, path: str) -> tuple[list[UserEntry], list[str]]:
    """The entries of a dictionary in jieba's user-dictionary format (`词 [词频] [词性]`
    a line; blank lines and lines starting with # are skipped), and a `path:line: …`
    message for every line that is not one."""
    entries: list[UserEntry] = []
    problems: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = USER_LINE.match(line)
        if m is None:
            problems.append(f"{path}:{number}: expected `词 [词频] [词性]`, e.g. `张三 5 nr`, "
                            f"not {line!r}")
            continue
        word = m["word"]
        if not HAN_WORD.match(word):
            problems.append(f"{path}:{number}: {word!r}: only Chinese characters can be "
                            "names here (the entity pages are named by them)")
            continue
        entries.append(UserEntry(word, int(m["freq"]) if m["freq"] else None, m["tag"]))
    return entries, problems


