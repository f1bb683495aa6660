#!/usr/bin/env python3
"""Measure the segmenter on simulated pages (tests/pagesim) and, optionally, hand-made pages.

Simulated pages are scored with the WHOLE-BODY rule (tests/pagesim/score.py): a key article
is found when exactly one predicted article holds its whole body and no other key body.
Figures: boundary F1 / precision / recall, exact headline and byline accuracy (over all key
articles; a lost article counts as wrong), and cascade pages (pages with more than one wrong
headline among found articles), overall, per dump style and per phenomenon.

Seed ranges: the EVALUATION range is 1_000_000..1_000_399 (the default); never tune on it
and never use it in tests. Tuning / tests use 0..99_999 (tests use 0..299).

Usage:
    python benchmarks/eval_segment.py                      # evaluation range, 400 pages
    python benchmarks/eval_segment.py --seeds 0:300        # training range (as the test)
    python benchmarks/eval_segment.py --handmade           # also tests/heldout* + samples
    python benchmarks/eval_segment.py --generator-path DIR     # another checkout's code
    python benchmarks/eval_segment.py --show 12345         # print one page, key and errors

Hand-made pages (tests/heldout, tests/heldout2, samples/pages with tests/answer_keys) have
keys with ``starts`` only, no body: they are scored with tests/scoring.py's starts rule,
which the output says. Runs in well under a minute.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVAL_SEEDS = range(1_000_000, 1_000_400)


def _seed_range(spec: str) -> range:
    a, _, b = spec.partition(":")
    return range(int(a), int(b))


def _row(name: str, s: dict) -> str:
    return (f"{name:<28} {s['pages']:>5} {s['n_key']:>6} {s['f1']:>6.3f} {s['precision']:>6.3f} "
            f"{s['recall']:>6.3f} {s['headline_accuracy']:>6.3f} {s['byline_accuracy']:>6.3f} "
            f"{s['cascade_pages']:>5}")


HEADER = (f"{'':<28} {'pages':>5} {'arts':>6} {'F1':>6} {'P':>6} {'R':>6} {'head':>6} "
          f"{'byline':>6} {'casc':>5}")


def evaluate(seeds: range, segment: Any) -> dict:
    """Score every seed; returns overall, per-style and per-phenomenon pooled figures."""
    from tests.pagesim import make_page
    from tests.pagesim.score import combine, score_page

    per_page: list[tuple[Any, dict]] = []
    lost_pages = 0
    from tests.pagesim.score import nothing_lost

    for seed in seeds:
        page = make_page(seed)
        result = segment(page.text)
        r = score_page(result.articles, page.key)
        if nothing_lost(page.text, result)["lost"]:
            lost_pages += 1
        per_page.append((page, r))
    overall = combine([r for _, r in per_page])
    overall["pages_losing_text"] = lost_pages
    styles = defaultdict(list)
    phen = defaultdict(list)
    for page, r in per_page:
        styles[page.style].append(r)
        for t in page.phenomena:
            phen[t].append(r)
    return {
        "overall": overall,
        "styles": {k: combine(v) for k, v in sorted(styles.items())},
        "phenomena": {k: combine(v) for k, v in phen.items()},
        "per_page": per_page,
    }


def _article_phenomena(seeds: range, per_page: list) -> dict[str, dict]:
    """Recall and headline accuracy over the key articles that carry each tag."""
    acc: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for page, r in per_page:
        for j, k in enumerate(page.key):
            for t in k["phenomena"]:
                a = acc[t]
                a[0] += 1
                i = r["found"].get(j)
                a[1] += i is not None
        # headline per article is not kept per tag here: page-level figures carry it
    return {t: {"n": a[0], "recall": a[1] / a[0]} for t, a in acc.items()}


def handmade(segment: Any) -> None:
    """Score the hand-made pages with tests/scoring.py (starts rule)."""
    import yaml

    scoring = importlib.import_module("tests.scoring")
    sets = [
        ("samples (answer_keys)", ROOT / "samples" / "pages", ROOT / "tests" / "answer_keys"),
        ("tests/heldout", ROOT / "tests" / "heldout", ROOT / "tests" / "heldout"),
        ("tests/heldout2", ROOT / "tests" / "heldout2", ROOT / "tests" / "heldout2"),
    ]
    print("\nHand-made pages, scored with tests/scoring.py's STARTS rule (their keys have no "
          "body, so the whole-body rule cannot be used):")
    print(HEADER.rsplit(" ", 1)[0].rstrip())
    for name, text_dir, key_dir in sets:
        results = []
        for key_path in sorted(key_dir.glob("*.yaml")):
            txt = text_dir / (key_path.stem + ".txt")
            if not txt.exists():
                continue
            data = yaml.safe_load(key_path.read_text(encoding="utf-8"))
            arts = data if isinstance(data, list) else data["articles"]
            pred = [a.to_json() for a in segment(txt.read_text(encoding="utf-8")).articles]
            results.append(scoring.score(pred, arts))
        if not results:
            continue
        s = scoring.combine(results)
        print(f"{name:<28} {len(results):>5} {s['n_key']:>6} {s['f1']:>6.3f} "
              f"{s['precision']:>6.3f} {s['recall']:>6.3f} {s['headline_accuracy']:>6.3f} "
              f"{s['byline_accuracy']:>6.3f}")
    whole_body_sets(segment)


def whole_body_sets(segment: Any) -> None:
    """Hand-made sets whose keys hold each article's whole body (tests/heldout3 on):
    scored with the whole-body rule, as the simulated pages are."""
    import yaml

    sim_score = importlib.import_module("tests.pagesim.score")
    folders = sorted(p for p in (ROOT / "tests").glob("heldout*") if p.is_dir())
    rows = []
    for folder in folders:
        results = []
        for key_path in sorted(folder.glob("*.yaml")):
            data = yaml.safe_load(key_path.read_text(encoding="utf-8"))
            arts = data.get("articles") if isinstance(data, dict) else None
            if not arts or "body" not in arts[0]:
                break
            txt = key_path.with_suffix(".txt")
            pred = [a.to_json() for a in segment(txt.read_text(encoding="utf-8")).articles]
            results.append(sim_score.score_page(pred, arts))
        if results:
            rows.append((f"{folder.name} (whole body)", results))
    if not rows:
        return
    print("\nHand-made pages whose keys hold whole bodies, scored with the WHOLE-BODY rule:")
    print(HEADER)
    for name, results in rows:
        print(_row(name, sim_score.combine(results)))


def show(seed: int, segment: Any) -> None:
    from tests.pagesim import make_page
    from tests.pagesim.score import nothing_lost, score_page

    page = make_page(seed)
    print(page.text)
    print("=== key")
    for k in page.key:
        print(json.dumps({f: k[f] for f in ("kind", "kicker", "title", "subtitle", "byline",
                                             "starts", "phenomena")}, ensure_ascii=False))
    result = segment(page.text)
    print("=== predicted")
    for a in result.articles:
        d = a.to_json()
        print(json.dumps({f: d.get(f) for f in ("kind", "kicker", "title", "subtitle", "byline")}
                         | {"body": (d.get("body") or "")[:30]}, ensure_ascii=False))
    r = score_page(result.articles, page.key)
    print("=== mismatches")
    print("\n".join(r["mismatches"]) or "(none)")
    print(nothing_lost(page.text, result))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default=f"{EVAL_SEEDS.start}:{EVAL_SEEDS.stop}",
                    help="START:STOP seed range (default: the evaluation range)")
    ap.add_argument("--generator-path", type=Path,
                    help="import `generator` from this checkout instead of the installed one")
    ap.add_argument("--handmade", action="store_true", help="also score the hand-made pages")
    ap.add_argument("--show", type=int, help="print one simulated page with key and errors")
    ap.add_argument("--worst", type=int, default=0,
                    help="list the phenomena sorted by F1 (all when 0)")
    args = ap.parse_args()
    if args.generator_path:
        sys.path.insert(0, str(args.generator_path.resolve()))
    if str(ROOT) not in sys.path:
        sys.path.append(str(ROOT))
    import generator
    from generator.ingest.segment import segment

    print(f"generator: {generator.__file__}")
    if args.show is not None:
        show(args.show, segment)
        return
    seeds = _seed_range(args.seeds)
    t0 = time.perf_counter()
    res = evaluate(seeds, segment)
    took = time.perf_counter() - t0
    o = res["overall"]
    print(f"simulated pages, seeds {seeds.start}..{seeds.stop - 1} "
          f"({'EVALUATION' if seeds == EVAL_SEEDS else 'training/tuning'} range), "
          f"whole-body rule, {took:.1f}s")
    print(HEADER)
    print(_row("ALL", o))
    for name, s in res["styles"].items():
        print(_row(f"style {name}", s))
    print(f"pages losing text (nothing_lost): {o['pages_losing_text']} of {o['pages']}; "
          f"kicker {o['kicker_accuracy']:.3f}, subtitle {o['subtitle_accuracy']:.3f}, "
          f"kind {o['kind_accuracy']:.3f}, continuation {o['continuation_accuracy']:.3f}")
    art = _article_phenomena(seeds, res["per_page"])
    print("\nper phenomenon (pages that show it; 'art R' = recall of the tagged articles):")
    print(HEADER + f" {'art R':>6}")
    items = sorted(res["phenomena"].items(), key=lambda kv: (kv[1]["f1"], kv[0]))
    if args.worst:
        items = items[: args.worst]
    for name, s in items:
        a = art.get(name)
        print(_row(name, s) + (f" {a['recall']:>6.3f}" if a else f" {'':>6}"))
    if args.handmade:
        handmade(segment)


if __name__ == "__main__":
    main()
