"""Precision and recall of extracted entities against a labelled set (tests/entities/)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

LABELLED_KINDS = ("people", "places", "orgs")


@dataclass
class Score:
    """Counts over a set of articles, with the mistakes for a reader to look at."""

    found: int = 0  # extracted
    right: int = 0  # extracted and labelled
    labelled: int = 0
    wrong: list[str] = field(default_factory=list)  # extracted, not labelled
    missed: list[str] = field(default_factory=list)  # labelled, not extracted

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.labelled if self.labelled else 1.0

    def add(self, gold: Iterable[str], got: Iterable[str]) -> None:
        gold_set, got_set = set(gold), set(got)
        self.found += len(got_set)
        self.labelled += len(gold_set)
        self.right += len(gold_set & got_set)
        self.wrong += sorted(got_set - gold_set)
        self.missed += sorted(gold_set - got_set)
