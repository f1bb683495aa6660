"""Related articles: cosine similarity of articles' entity and keyword vectors.

Each article is a vector over its people, places, organisations and keywords, each
weighted by jieba's static IDF table (so a score does not depend on what else is in
the archive) and by its kind (a shared person says more than a shared place). An
article's related list draws only on articles before it in the archive's order (date,
then path): a new issue never changes the pages of older ones, which is what keeps
incremental builds small. Among the articles sharing a term, only the WINDOW latest
before the article are compared: a term found in thousands of articles (许昌) would
otherwise make the work quadratic, and its weight is low anyway.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import chain
from operator import attrgetter

import numpy as np

from generator.enrich.entities import Entities

KIND_WEIGHT = {"people": 1.5, "orgs": 1.2, "places": 0.8, "keywords": 1.0}
WINDOW = 12  # latest earlier articles compared per shared term
TOP = 5  # related articles listed
MIN_SCORE = 0.2  # below this cosine, articles are not called related


def vectors(items: Sequence[Entities], idf: Callable[[str], float]
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(article index, term id, weight) arrays of unit-length vectors, one entry for
    each of an article's terms, kind by kind (people, orgs, places, keywords)."""
    # Term ids in (kind, name) order, so that sums run in the same order whatever else
    # is in the archive (an incremental build gives the bytes of a clean one).
    offsets = {}
    total = 0
    names_of: dict[str, list[str]] = {}
    for kind in sorted(KIND_WEIGHT):
        names_of[kind] = sorted(set(chain.from_iterable(map(attrgetter(kind), items))))
        offsets[kind] = total
        total += len(names_of[kind])
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    term_weight = np.empty(total, dtype=np.float64)
    for kind, weight in KIND_WEIGHT.items():
        names = names_of[kind]
        start = offsets[kind]
        term_weight[start:start + len(names)] = [idf(name) * weight for name in names]
        ids = {name: start + k for k, name in enumerate(names)}
        found = list(map(attrgetter(kind), items))
        rows.append(np.repeat(np.arange(len(items)), list(map(len, found))))
        cols.append(np.fromiter(map(ids.__getitem__, chain.from_iterable(found)),
                                dtype=np.int64, count=len(rows[-1])))
    row_array = np.concatenate(rows)
    col_array = np.concatenate(cols)
    weights = term_weight[col_array]
    # Each article's squares are summed in its terms' order: people first.
    norms = np.sqrt(np.bincount(row_array, weights=weights * weights, minlength=len(items)))
    if len(weights):
        weights = weights / norms[row_array]
    return row_array, col_array, weights


def pair_totals(key: np.ndarray, score: np.ndarray, count: int
                ) -> tuple[np.ndarray, np.ndarray]:
    """The distinct keys, ascending, and the sum of the scores of each, added in the
    order the scores come in (so that the bytes do not depend on the sort)."""
    index_bits = max(1, int(len(key) - 1).bit_length())
    if int(count * count - 1).bit_length() + index_bits <= 63:
        # Key and position in one integer: a plain sort, several times faster than
        # np.unique's argsort, keeps equal keys in the order they came.
        packed = (key << index_bits) | np.arange(len(key), dtype=np.int64)
        packed.sort()
        position = packed & ((1 << index_bits) - 1)
        key = packed >> index_bits
        new = np.empty(len(key), dtype=bool)
        new[:1] = True
        np.not_equal(key[1:], key[:-1], out=new[1:])
        return key[new], np.bincount(np.cumsum(new) - 1, weights=score[position])
    pairs, inverse = np.unique(key, return_inverse=True)
    return pairs, np.bincount(inverse, weights=score)


def related(items: Sequence[Entities], idf: Callable[[str], float], window: int = WINDOW,
            top: int = TOP, min_score: float = MIN_SCORE, start: int = 0) -> list[list[int]]:
    """For each article of items[start:] (items in archive order), the indexes of its
    most similar earlier articles, most similar first (ties: the later article first).
    The lists of items[:start] are not computed: they do not depend on what follows."""
    count = len(items)
    result: list[list[int]] = [[] for _ in range(start, count)]
    rows, cols, weights = vectors(items, idf)
    if not len(rows):
        return result
    order = np.lexsort((rows, cols))  # by term, then by article: postings in order
    rows, cols, weights = rows[order], cols[order], weights[order]
    listed = rows >= start  # the postings of the articles to list
    keys: list[np.ndarray] = []
    scores: list[np.ndarray] = []
    for k in range(1, window + 1):  # a posting and the one k before it, of one term
        same = cols[k:] == cols[:-k]
        if start:
            same &= listed[k:]
        keys.append(rows[k:][same] * count + rows[:-k][same])
        scores.append(weights[k:][same] * weights[:-k][same])
    key = np.concatenate(keys)
    if not len(key):
        return result
    pairs, total = pair_totals(key, np.concatenate(scores), count)
    keep = total >= min_score
    pairs, total = pairs[keep], total[keep]
    article, other = pairs // count, pairs % count
    ranked = np.lexsort((-other, -np.round(total, 9), article))
    article, other = article[ranked], other[ranked]
    # The first top of each article's run.
    first = np.flatnonzero(np.r_[True, article[1:] != article[:-1]])
    rank = np.arange(len(article)) - np.repeat(first, np.diff(np.r_[first, len(article)]))
    article, other = article[rank < top], other[rank < top]
    bounds = np.searchsorted(article, np.arange(start, count + 1)).tolist()
    others = other.tolist()
    return [others[bounds[n]:bounds[n + 1]] for n in range(count - start)]
