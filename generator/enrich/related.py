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

import numpy as np

from generator.enrich.entities import Entities

KIND_WEIGHT = {"people": 1.5, "orgs": 1.2, "places": 0.8, "keywords": 1.0}
WINDOW = 12  # latest earlier articles compared per shared term
TOP = 5  # related articles listed
MIN_SCORE = 0.2  # below this cosine, articles are not called related


def vectors(items: Sequence[Entities], idf: Callable[[str], float]
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(article index, term id, weight) arrays of unit-length vectors, one entry for
    each of an article's terms."""
    # Term ids in name order, so that sums run in the same order whatever else is in
    # the archive (an incremental build gives the bytes of a clean one).
    rows: list[int] = []
    terms: list[tuple[str, str]] = []
    for n, entities in enumerate(items):
        for kind in KIND_WEIGHT:
            names = entities.of(kind)
            rows.extend([n] * len(names))
            terms.extend([(kind, name) for name in names])
    unique = sorted(set(terms))
    ids = {term: k for k, term in enumerate(unique)}
    term_weight = np.array([idf(name) * KIND_WEIGHT[kind] for kind, name in unique],
                           dtype=np.float64)
    cols = np.fromiter((ids[t] for t in terms), dtype=np.int64, count=len(terms))
    row_array = np.asarray(rows, dtype=np.int64)
    weights = term_weight[cols] if len(terms) else np.zeros(0, dtype=np.float64)
    norms = np.sqrt(np.bincount(row_array, weights=weights * weights, minlength=len(items)))
    if len(terms):
        weights = weights / norms[row_array]
    return row_array, cols, weights


def related(items: Sequence[Entities], idf: Callable[[str], float], window: int = WINDOW,
            top: int = TOP, min_score: float = MIN_SCORE) -> list[list[int]]:
    """For each article (items in archive order), the indexes of its most similar
    earlier articles, most similar first (ties: the later article first)."""
    count = len(items)
    result: list[list[int]] = [[] for _ in range(count)]
    rows, cols, weights = vectors(items, idf)
    if not len(rows):
        return result
    order = np.lexsort((rows, cols))  # by term, then by article: postings in order
    rows, cols, weights = rows[order], cols[order], weights[order]
    keys: list[np.ndarray] = []
    scores: list[np.ndarray] = []
    for k in range(1, window + 1):
        later = np.arange(k, len(rows))
        same = cols[later] == cols[later - k]
        later = later[same]
        earlier = later - k
        keys.append(rows[later] * count + rows[earlier])
        scores.append(weights[later] * weights[earlier])
    key = np.concatenate(keys)
    score = np.concatenate(scores)
    if not len(key):
        return result
    pairs, inverse = np.unique(key, return_inverse=True)
    total = np.bincount(inverse, weights=score)
    keep = total >= min_score
    pairs, total = pairs[keep], total[keep]
    article, other = pairs // count, pairs % count
    ranked = np.lexsort((-other, -np.round(total, 9), article))
    for a, b in zip(article[ranked].tolist(), other[ranked].tolist(), strict=True):
        if len(result[a]) < top:
            result[a].append(b)
    return result
