"""Score a segmentation of a simulated page against its exact key (the WHOLE-BODY rule).

Because the simulator knows every article's whole body, boundaries are judged on the whole
text, not on the first 12 characters (tests/scoring.py's ``starts`` rule, which hand-made
keys need): a key article is FOUND when exactly one predicted article's body contains the
key article's whole body and that predicted article contains no other key article's whole
body. So an article cut in two is lost, and two articles merged into one are both lost;
extra text around a body (a byline left in it, a stray line of noise) is tolerated and
charged to the field scores or not at all.

Comparison text is "flat": all whitespace removed (letter-spacing and line breaks never
decide a score) and the markdown marks ``*`` and ``#`` removed (the simulator's text has
none of its own). Full- and half-width punctuation are not folded.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

_FLAT = re.compile(r"[\s*#]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# A jump note as the segmenter reads it: spaced digits and a break inside it are allowed.
_JUMP = re.compile(
    r"[（(]\s*(?:上\s*接|下\s*转)\s*第?\s*[0-9一二三四五六七八九十A-Za-z\s]+?版\s*[）)]")


def flat(text: Any) -> str:
    """Whitespace and markdown marks removed; None becomes ''."""
    return _FLAT.sub("", str(text)) if text is not None else ""


def as_dicts(articles: list[Any]) -> list[dict]:
    """Predicted articles as dicts (Article objects through their ``to_json``)."""
    return [a if isinstance(a, dict) else a.to_json() for a in articles]


def score_page(predicted: list[Any], key: list[dict]) -> dict:
    """Whole-body boundary scores and field accuracies for one page."""
    pred = as_dicts(predicted)
    kb = [flat(k["body"]) for k in key]
    pb = [flat(p.get("body")) for p in pred]
    holds = [{j for j, b in enumerate(kb) if b and b in body} for body in pb]
    found: dict[int, int] = {}  # key index -> predicted index
    for j in range(len(key)):
        cands = [i for i, h in enumerate(holds) if j in h]
        if len(cands) == 1 and holds[cands[0]] == {j}:
            found[j] = cands[0]
    fields = ("title", "byline", "kicker", "subtitle", "kind", "continuation")
    correct = dict.fromkeys(fields, 0)
    wrong_titles = 0
    mismatches: list[str] = []
    for j, k in enumerate(key):
        i = found.get(j)
        if i is None:
            mismatches.append(f"lost: key #{j + 1} [{k.get('title')}] {kb[j][:20]}…")
            continue
        p = pred[i]
        ok = {
            "title": flat(p.get("title")) == flat(k.get("title")),
            "byline": flat(p.get("byline")) == flat(k.get("byline")),
            "kicker": flat(p.get("kicker")) == flat(k.get("kicker")),
            "subtitle": flat(p.get("subtitle")) == flat(k.get("subtitle")),
            "kind": p.get("kind") == k.get("kind"),
            "continuation": _page_no(p.get("continued_from")) == _page_no(k.get("continued_from"))
            and _page_no(p.get("continues_on")) == _page_no(k.get("continues_on")),
        }
        for f, good in ok.items():
            correct[f] += good
            if not good:
                want = k.get(f) if f != "continuation" else (k["continued_from"], k["continues_on"])
                got = p.get(f) if f != "continuation" else (p.get("continued_from"),
                                                            p.get("continues_on"))
                mismatches.append(f"{f}: key #{j + 1}: expected {want!r}, got {got!r}")
        wrong_titles += not ok["title"]
    return {
        "n_key": len(key),
        "n_predicted": len(pred),
        "n_found": len(found),
        "n_pred_matched": len(set(found.values())),
        "correct": correct,
        "cascade": wrong_titles > 1,
        "found": found,
        "mismatches": mismatches,
    }


_CN = {c: n for n, c in enumerate("零一二三四五六七八九")}


def _page_no(v: Any) -> int | None:
    """1, "1", "一", "第一版" → 1 (None stays None)."""
    if v is None or v == "":
        return None
    s = flat(v).removeprefix("第").removesuffix("版")
    if s.isdigit():
        return int(s)
    if s and all(c in _CN or c == "十" for c in s):
        if "十" in s:
            tens, _, units = s.partition("十")
            return (_CN.get(tens, 1) if tens else 1) * 10 + (_CN[units] if units else 0)
        return int("".join(str(_CN[c]) for c in s))
    return None


def combine(results: list[dict]) -> dict:
    """Pool page results (micro-averaged over articles) into the headline figures."""
    n_key = sum(r["n_key"] for r in results)
    n_pred = sum(r["n_predicted"] for r in results)
    n_found = sum(r["n_found"] for r in results)
    n_pm = sum(r["n_pred_matched"] for r in results)
    correct = Counter()
    for r in results:
        correct.update(r["correct"])
    p = n_pm / n_pred if n_pred else (1.0 if not n_key else 0.0)
    rc = n_found / n_key if n_key else 1.0
    out = {
        "pages": len(results),
        "n_key": n_key,
        "n_predicted": n_pred,
        "n_found": n_found,
        "precision": p,
        "recall": rc,
        "f1": 2 * p * rc / (p + rc) if p + rc else 0.0,
        "cascade_pages": sum(r["cascade"] for r in results),
    }
    for f in ("title", "byline", "kicker", "subtitle", "kind", "continuation"):
        name = {"title": "headline"}.get(f, f)
        out[f"{name}_accuracy"] = correct[f] / n_key if n_key else 1.0  # unfound = wrong
        out[f"{name}_accuracy_found"] = correct[f] / n_found if n_found else 1.0
    return out


# ---------------------------------------------------------------------------------------
# Nothing lost
# ---------------------------------------------------------------------------------------


def undouble(line: str) -> str:
    """Undo OCR fake-bold on a line that is wholly doubled (11..前三名前三名 → 1.前三名);
    any other line comes back unchanged. Whitespace is dropped from a repaired line."""
    s = re.sub(r"\s+", "", line)
    if len(s) < 4:
        return line
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if _CJK.match(c):
            j = i
            while j < len(s) and _CJK.match(s[j]):
                j += 1
            run = s[i:j]
            half = len(run) // 2
            if len(run) % 2 == 0 and run[:half] == run[half:]:
                out.append(run[:half])  # the whole phrase printed twice (久久为功…久久为功…)
                i = j
                continue
            # the CJK run is some word printed twice, possibly several such words
            k, pieces = 0, []
            while k < len(run):
                for length in range(1, (len(run) - k) // 2 + 1):
                    if run[k:k + length] == run[k + length:k + 2 * length]:
                        pieces.append(run[k:k + length])
                        k += 2 * length
                        break
                else:
                    return line
            out.extend(pieces)
            i = j
        elif i + 1 < len(s) and s[i + 1] == c:
            out.append(c)
            i += 2
        else:
            return line
    return "".join(out)


def nothing_lost(text: str, page: Any) -> dict:
    """Does every CJK character of the dump reach an article field or the noise?

    What it checks, honestly: the multiset of CJK ideographs (U+4E00–U+9FFF) of the dump,
    after (1) lines that are wholly fake-bold doubled are counted once (``undouble``) and
    (2) jump notes such as （下转第二版） are dropped (the segmenter may turn them into
    ``continues_on``), must be covered by the multiset of CJK ideographs in the predicted
    articles' title, kicker, subtitle, byline and body plus the noise texts. Punctuation,
    digits and Latin letters are not checked; order is not checked; a character printed
    twice by the segmenter can cover a lost one elsewhere (rare; the check is a floor).
    ``page`` is a segmenter Page (``.articles``, ``.noise``) or a dict with those keys.
    Returns ``{"lost": n, "total": n, "sample": "…"}``.
    """
    arts = page["articles"] if isinstance(page, dict) else page.articles
    noise = page.get("noise", []) if isinstance(page, dict) else page.noise
    src = _JUMP.sub("", "\n".join(undouble(ln) for ln in text.splitlines()))
    want = Counter(_CJK.findall(src))
    got: Counter = Counter()
    for a in as_dicts(arts):
        for f in ("title", "kicker", "subtitle", "byline", "body"):
            got.update(_CJK.findall(str(a.get(f) or "")))
    for n in noise:
        got.update(_CJK.findall(n if isinstance(n, str) else getattr(n, "text", str(n))))
    lost = want - got
    return {"lost": sum(lost.values()), "total": sum(want.values()),
            "sample": "".join(sorted(lost.elements()))[:40]}
