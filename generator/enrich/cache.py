"""The entities of each issue, kept between builds (in the build cache, beside the
search index's analysed issues), and the related lists of the last build.

One file per issue, named by a fingerprint of everything its extraction reads: the
issue folder's files (names, sizes, times), the folder itself, the articles published
from it, the site's entity dictionary and the extractor's own code. A build that
changes one issue extracts that issue only; a template or a config change, which
renders every page again, extracts nothing.

The related lists are kept whole, with each article's key (its path and its issue's
file name): an article's list draws only on the articles before it, so the lists of
the articles before the first changed one stand, and a new day's build computes its
new articles' lists only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator import cachefiles
from generator.cachefiles import FolderCache, fingerprint
from generator.enrich.entities import Entities

IssueEntities = dict[str, Entities]  # article rel → its entities


def cache_name(*inputs: Any) -> str:
    """The file name of an issue's entities: a fingerprint of its inputs."""
    return fingerprint(*inputs)[:24]


class EntityCache(FolderCache):
    """Extracted issues, one compressed pickle each, named by cache_name()."""

    suffix = ".entities"

    def load(self, name: str) -> IssueEntities | None:
        """The issue's entities, or None when missing or unreadable (then they are
        extracted again: a damaged cache is never an error)."""
        data = super().load(name)
        return data if isinstance(data, dict) else None


class RelatedCache:
    """The related lists of the last build, in one compressed pickle: (version, the
    articles' keys in archive order, their lists as indexes into that order)."""

    def __init__(self, path: Path):
        self.path = path

    def load(self) -> tuple[str, list[str], list[list[int]]] | None:
        """The saved lists, or None when missing or unreadable (then all are computed)."""
        try:
            version, keys, lists = cachefiles.load(self.path)
        except (TypeError, ValueError):  # missing (None) or of another layout
            return None
        return version, keys.split("\n"), lists

    def save(self, version: str, keys: list[str], lists: list[list[int]]) -> None:
        cachefiles.save(self.path, (version, "\n".join(keys), lists))
