#!/usr/bin/env python3
"""Entity extraction: precision and recall on the labelled articles, and its cost in a build.

Usage: python benchmarks/bench_entities.py [--corpus DIR ...] [--articles N] [--work DIR]
                                           [--jobs N] [--no-build]

1. Precision and recall of people, places and organisations on tests/entities/
   (dev.yaml, the half the rules were tuned on, heldout.yaml and heldout2.yaml, only
   measured),
   with the mistakes listed.
2. The segmenter: rjieba against jieba.lcut on the corpus's text (same words?) and
   the speed of both, and the extraction's own cost per article in this process.
3. For each corpus (--corpus, or one of --articles made by tests/corpus.py in --work):
   a cold `archive build --no-search` (no cache: every article extracted), then the
   same build after a config change (entities from the cache, every page rendered
   again). It prints the build's "enrich" phase (extraction, related lists, entity
   index) against its "render" phase, as a ratio.

Build timings are wall times on a shared machine: run it more than once.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jieba
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.content.frontmatter import parse  # noqa: E402
from generator.enrich.entities import extract  # noqa: E402
from generator.enrich.lexicon import han_runs, lexicon  # noqa: E402
from generator.enrich.score import LABELLED_KINDS, Score  # noqa: E402

LABELLED = ROOT / "tests" / "entities"
# The held-out half measured with the first version of the rules, before any tuning
# (commit "Entity extraction with jieba's words and dictionary …").
FIRST_CONTACT = {
    "heldout": {"people": (0.977, 0.754), "places": (0.682, 0.682), "orgs": (0.538, 0.389)},
    # heldout2.yaml, written later, measured before the rules it led to (policy names,
    # towns after a surname, slogans, 区 dropped or kept): see its header.
    "heldout2": {"people": (0.923, 0.941), "places": (0.765, 0.684), "orgs": (0.778, 0.538)},
}


def quality() -> None:
    lex = lexicon()
    for name in ("dev", "heldout", "heldout2"):
        articles = yaml.safe_load((LABELLED / f"{name}.yaml").read_text(encoding="utf-8"))
        scores = {kind: Score() for kind in LABELLED_KINDS}
        for a in articles:
            found = extract(a["title"], None, None, a.get("byline"), a["body"], lex)
            for kind in LABELLED_KINDS:
                scores[kind].add(a[kind], found.of(kind))
        print(f"{name}.yaml: {len(articles)} articles")
        for kind, s in scores.items():
            first = ""
            if name in FIRST_CONTACT:
                p, r = FIRST_CONTACT[name][kind]
                first = f"   (first contact: precision {p:.3f}, recall {r:.3f})"
            print(f"  {kind:7s} precision {s.precision:.3f} ({s.right}/{s.found})  "
                  f"recall {s.recall:.3f} ({s.right}/{s.labelled}){first}")
            if s.wrong:
                print(f"          wrong: {' '.join(s.wrong)}")
            if s.missed:
                print(f"          missed: {' '.join(s.missed)}")


def corpus_texts(corpus: Path, limit: int) -> list[tuple[dict, str]]:
    """(front matter, body) of the first articles of a corpus, in path order."""
    out = []
    for path in sorted(corpus.rglob("*.md"))[:limit]:
        front, body, _ = parse(path.read_text(encoding="utf-8"), str(path))
        out.append((front, body))
    return out


def segmenter(corpus: Path, limit: int = 1000) -> None:
    docs = corpus_texts(corpus, limit)
    lex = lexicon()
    texts = [han_runs(body) for _, body in docs]
    chars = sum(len(t) for t in texts)
    reference = jieba.Tokenizer()
    reference.initialize()
    start = time.perf_counter()
    slow = [reference.lcut(t) for t in texts]
    jieba_time = time.perf_counter() - start
    start = time.perf_counter()
    fast = [lex.jieba.cut(t, True) for t in texts]
    fast_time = time.perf_counter() - start
    same = sum(a == b for a, b in zip(slow, fast, strict=True))
    print(f"segmenter on {len(texts)} articles of {corpus} ({chars:,} characters):")
    print(f"  same words as jieba.lcut: {same}/{len(texts)} articles")
    print(f"  jieba.lcut {chars / jieba_time / 1e6:.2f} M chars/s, rjieba "
          f"{chars / fast_time / 1e6:.2f} M chars/s ({jieba_time / fast_time:.0f}x)")
    start = time.perf_counter()
    for front, body in docs:
        extract(front.get("title"), front.get("kicker"), front.get("subtitle"),
                front.get("byline"), body, lex)
    each = (time.perf_counter() - start) / len(docs)
    print(f"  extraction, one process: {each * 1000:.2f} ms per article "
          f"({len(docs) / (each * len(docs)):.0f} articles/s)")


def phases(stderr: str) -> dict[str, float]:
    return {m[1]: float(m[2]) for m in re.finditer(r"^\s+([\w ]+): ([\d.]+) s$", stderr, re.M)}


def build_cost(corpus: Path, jobs: int) -> None:
    project = Path(tempfile.mkdtemp(prefix="bench-entities-", dir=ROOT / ".bench"))
    try:
        config = project / "site.yaml"
        config.write_text("title: 基准\n", encoding="utf-8")
        command = [sys.executable, "-m", "generator", "build", "--content", str(corpus),
                   "--out", str(project / "public"), "--config", str(config), "--no-search",
                   "-v", *(["--jobs", str(jobs)] if jobs else [])]
        runs = {}
        for label in ("cold", "cached"):
            if label == "cached":  # another title: every page again, entities cached
                config.write_text("title: 基准二\n", encoding="utf-8")
            done = subprocess.run(command, cwd=project, capture_output=True, text=True)
            if done.returncode:
                sys.exit(done.stderr)
            runs[label] = phases(done.stdout + done.stderr)
        count = len(list(corpus.rglob("*.md")))
        print(f"build of {corpus} ({count:,} articles, --no-search):")
        for label, t in runs.items():
            print(f"  {label:6s}: enrich {t['enrich']:.2f} s, render {t['render']:.2f} s, "
                  f"total {t['total']:.2f} s; enrich/render = {t['enrich'] / t['render']:.0%}")
    finally:
        shutil.rmtree(project, ignore_errors=True)


def make_corpus(work: Path, articles: int) -> Path:
    path = work / f"corpus-{articles}"
    if not path.is_dir():
        subprocess.run([sys.executable, str(ROOT / "tests" / "corpus.py"), str(path),
                        "--articles", str(articles)], check=True, stdout=subprocess.DEVNULL)
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, action="append", default=[],
                    help="an archive's content folder (repeatable)")
    ap.add_argument("--articles", type=int, default=0,
                    help="make a corpus of N articles with tests/corpus.py in --work")
    ap.add_argument("--work", type=Path, default=ROOT / ".bench")
    ap.add_argument("--jobs", type=int, default=0)
    ap.add_argument("--no-build", action="store_true", help="quality and segmenter only")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    (ROOT / ".bench").mkdir(exist_ok=True)
    corpora = list(args.corpus)
    if args.articles:
        corpora.append(make_corpus(args.work, args.articles))
    quality()
    for corpus in corpora:
        print()
        segmenter(corpus)
        if not args.no_build:
            build_cost(corpus, args.jobs)


if __name__ == "__main__":
    main()
