"""Score a segmentation of one page against its hand-made answer key.

The answer keys live in ``tests/answer_keys/<seed stem>.yaml`` (conventions in the README
there). Predicted articles are the JSON records of ``archive segment --json``: dicts with
``title``, ``kicker``, ``subtitle``, ``byline``, ``body`` (paragraphs joined by blank lines),
``kind`` and optionally ``continued_from`` / ``continues_on``.

Boundary matching. A predicted article matches a key article when its body, with all
whitespace removed, starts with the key's ``starts``; an article whose body is shorter than
``starts`` matches when ``starts`` begins with that whole body (at least ``MIN_SHORT_BODY``
characters). Before comparing, leading layout marks are dropped from the predicted body: a
bullet (●, □ …), a continuation note such as （上接第一版）, and a byline left at the head of
the body (the key's or the predicted one), so that a byline or jump-note error is charged
to byline / continuation accuracy and not to the boundaries as well. Matching is one-to-one
and keeps page order: the largest order-preserving set of matching pairs (an LCS).

Field accuracy is computed over all key articles: a key article that no predicted article
matched counts as wrong. Titles, bylines etc. are compared after removing all whitespace;
``None`` and ``""`` are the same (so null == null is correct). Full-width and half-width
punctuation are NOT folded: the key keeps them as printed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

KEY_DIR = Path(__file__).resolve().parent / "answer_keys"

MIN_SHORT_BODY = 4  # a predicted body shorter than this never matches by the short-body rule

KEY_FIELDS = (
    "kind",
    "title",
    "kicker",
    "subtitle",
    "byline",
    "starts",
    "continued_from",
    "continues_on",
)
KINDS = {"news", "brief", "interview", "photo", "table", "notice"}

_WS = re.compile(r"\s+")
# Leading marks that are layout, not body text: bullets, and jump notes（上接第一版）/(上接第1版).
_LEADING_JUNK = re.compile(
    r"^(?:[●○■□◆◇▲△★☆•◎]|[（(]上接第?[0-9一二三四五六七八九十百A-Za-z]+版[）)])+"
)


def norm(text: Any) -> str | None:
    """Remove all whitespace; ``None`` and empty strings become ``None``."""
    if text is None:
        return None
    out = _WS.sub("", str(text))
    return out or None


_CN_DIGITS = {c: n for n, c in enumerate("零一二三四五六七八九")}


def _norm_page(value: Any) -> str | None:
    """A page reference for comparison: 1, "1", "一" and "第一版" are the same page."""
    text = norm(value)
    if text is None:
        return None
    text = text.removeprefix("第").removesuffix("版")
    if text and all(c in _CN_DIGITS or c == "十" for c in text):
        tens, _, units = text.rpartition("十")
        if "十" in text:
            number = (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + _CN_DIGITS.get(units, 0)
        else:
            number = int("".join(str(_CN_DIGITS[c]) for c in text))
        return str(number)
    return text


def body_start_variants(pred: dict, key_byline: str | None = None) -> list[str]:
    """The normalised predicted body, and the same with a leading byline removed."""
    body = norm(pred.get("body")) or ""
    body = _LEADING_JUNK.sub("", body)
    variants = [body]
    for byline in (key_byline, pred.get("byline")):
        b = norm(byline)
        if b and body.startswith(b):
            rest = _LEADING_JUNK.sub("", body[len(b) :])
            if rest not in variants:
                variants.append(rest)
    return variants


def matches(pred: dict, key_article: dict) -> bool:
    """Does the predicted article start where the key article starts?"""
    starts = norm(key_article.get("starts")) or ""
    if not starts:
        return False
    for body in body_start_variants(pred, key_article.get("byline")):
        if body.startswith(starts):
            return True
        if MIN_SHORT_BODY <= len(body) < len(starts) and starts.startswith(body):
            return True
    return False


def align(predicted: list[dict], key: list[dict]) -> list[tuple[int, int]]:
    """Largest one-to-one, order-preserving set of (predicted index, key index) matches."""
    n, m = len(predicted), len(key)
    ok = [[matches(predicted[i], key[j]) for j in range(m)] for i in range(n)]
    # best[i][j] = most matches using predicted[i:] and key[j:]
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = max(
                best[i + 1][j],
                best[i][j + 1],
                best[i + 1][j + 1] + 1 if ok[i][j] else 0,
            )
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        if ok[i][j] and best[i][j] == best[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i += 1
            j += 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _ratio(num: int, den: int, empty: float = 1.0) -> float:
    """num / den; ``empty`` when there is nothing to count."""
    return num / den if den else empty


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _label(k: dict, j: int) -> str:
    head = k.get("title") or k.get("byline") or k.get("kind")
    return f"key #{j + 1} [{head}]"


def _excerpt(text: Any, width: int = 24) -> str:
    t = norm(text) or ""
    return t[:width] + ("…" if len(t) > width else "")


def _title_ok(pred: dict, k: dict) -> bool:
    got = norm(pred.get("title"))
    wanted = [norm(k.get("title"))] + [norm(t) for t in k.get("title_alternatives") or []]
    return got in wanted


def score(predicted: list[dict], key: list[dict]) -> dict:
    """Compare one page's predicted articles with its answer key.

    Returns boundary precision / recall / F1, headline and byline accuracy (the headline
    figures), kicker / subtitle / kind / continuation accuracy (for diagnosis), the raw
    counts (so pages can be pooled with ``combine``), the matched pairs and a list of
    human-readable mismatches.
    """
    pairs = align(predicted, key)
    n_pred, n_key, n_match = len(predicted), len(key), len(pairs)
    by_key = {j: i for i, j in pairs}
    mismatches: list[str] = []

    matched_pred = {i for i, _ in pairs}
    for j, k in enumerate(key):
        if j not in by_key:
            mismatches.append(f"boundary: {_label(k, j)} not found (starts {k.get('starts')!r})")
    for i, p in enumerate(predicted):
        if i not in matched_pred:
            mismatches.append(
                f"boundary: predicted #{i + 1} [{p.get('title')}] matches no key article "
                f"(body {_excerpt(p.get('body'))!r})"
            )

    correct = {"title": 0, "byline": 0, "kicker": 0, "subtitle": 0, "kind": 0, "continuation": 0}
    for j, k in enumerate(key):
        i = by_key.get(j)
        if i is None:
            continue
        p = predicted[i]
        checks = {
            "title": (_title_ok(p, k), k.get("title"), p.get("title")),
            "byline": (
                norm(p.get("byline")) == norm(k.get("byline")),
                k.get("byline"),
                p.get("byline"),
            ),
            "kicker": (
                norm(p.get("kicker")) == norm(k.get("kicker")),
                k.get("kicker"),
                p.get("kicker"),
            ),
            "subtitle": (
                norm(p.get("subtitle")) == norm(k.get("subtitle")),
                k.get("subtitle"),
                p.get("subtitle"),
            ),
            "kind": (p.get("kind") == k.get("kind"), k.get("kind"), p.get("kind")),
            "continuation": (
                _norm_page(p.get("continued_from")) == _norm_page(k.get("continued_from"))
                and _norm_page(p.get("continues_on")) == _norm_page(k.get("continues_on")),
                (k.get("continued_from"), k.get("continues_on")),
                (p.get("continued_from"), p.get("continues_on")),
            ),
        }
        for field, (ok, want, got) in checks.items():
            if ok:
                correct[field] += 1
            else:
                mismatches.append(
                    f"{field}: {_label(k, j)} ~ predicted #{i + 1}: expected {want!r}, got {got!r}"
                )

    precision = _ratio(n_match, n_pred, 0.0 if n_key else 1.0)
    recall = _ratio(n_match, n_key)
    return {
        "n_predicted": n_pred,
        "n_key": n_key,
        "n_matched": n_match,
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall) if n_pred or n_key else 1.0,
        "headline_accuracy": _ratio(correct["title"], n_key),
        "byline_accuracy": _ratio(correct["byline"], n_key),
        "kicker_accuracy": _ratio(correct["kicker"], n_key),
        "subtitle_accuracy": _ratio(correct["subtitle"], n_key),
        "kind_accuracy": _ratio(correct["kind"], n_key),
        "continuation_accuracy": _ratio(correct["continuation"], n_key),
        "correct": correct,
        "pairs": pairs,
        "mismatches": mismatches,
    }


def combine(results: list[dict]) -> dict:
    """Pool several pages' ``score`` results (micro-averaged over articles)."""
    n_pred = sum(r["n_predicted"] for r in results)
    n_key = sum(r["n_key"] for r in results)
    n_match = sum(r["n_matched"] for r in results)
    fields = results[0]["correct"] if results else {}
    correct = {f: sum(r["correct"][f] for r in results) for f in fields}
    precision = _ratio(n_match, n_pred, 0.0 if n_key else 1.0)
    recall = _ratio(n_match, n_key)
    out = {
        "n_predicted": n_pred,
        "n_key": n_key,
        "n_matched": n_match,
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall) if n_pred or n_key else 1.0,
        "correct": correct,
    }
    names = {"title": "headline_accuracy", "byline": "byline_accuracy"}
    for field, count in correct.items():
        out[names.get(field, f"{field}_accuracy")] = _ratio(count, n_key)
    return out


def _validate(articles: Any, where: str) -> list[dict]:
    if not isinstance(articles, list):
        raise ValueError(f"{where}: articles must be a list")
    for n, a in enumerate(articles, 1):
        if not isinstance(a, dict):
            raise ValueError(f"{where}: article {n} is not a mapping")
        missing = [f for f in KEY_FIELDS if f not in a]
        if missing:
            raise ValueError(f"{where}: article {n} lacks {', '.join(missing)}")
        if a["kind"] not in KINDS:
            raise ValueError(f"{where}: article {n} has unknown kind {a['kind']!r}")
        if not norm(a["starts"]):
            raise ValueError(f"{where}: article {n} has an empty starts")
    return articles


def load_key_file(stem: str) -> dict:
    """The whole key file: ``{"articles": [...], "noise": [...]}`` (noise may be empty)."""
    stem = Path(stem).name
    for suffix in (".yaml", ".txt"):
        stem = stem.removesuffix(suffix)
    path = KEY_DIR / f"{stem}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(data, list):  # a bare list of articles is allowed too
        data = {"articles": data}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping or a list")
    data["articles"] = _validate(data.get("articles"), str(path))
    data["noise"] = list(data.get("noise") or [])
    return data


def load_key(stem: str) -> list[dict]:
    """The answer key's articles for a seed page, e.g. ``load_key("000_c6cff1b7bd5aed8a")``."""
    return load_key_file(stem)["articles"]


def available_keys() -> list[str]:
    """Stems of all pages that have an answer key."""
    return sorted(p.stem for p in KEY_DIR.glob("*.yaml"))
