#!/usr/bin/env python3
"""Segmentation time on pathological pages: does `segment()` stay linear in page size?

Usage: python benchmarks/bench_pathological.py [--sizes 10,20,40,80,160] [--limit 60]
                                               [--family NAME ...] [--seed 1]

Each family below makes a page of a given size (UTF-8 bytes, in KB) from a seeded RNG
or a repeated pattern: the shapes that make text repairs and segmentation rules slow
(fake-bold detection on periodic text, long lines, runs of punctuation, many lines,
headlines that keep interrupting one paragraph…). For each family and size, the best
of a few runs of `segment(text)` is printed with its ratio to the previous (half as
large) size: about 2 means linear time, 4 quadratic. A run longer than --limit seconds
is stopped, and the family's larger sizes are skipped.
"""

from __future__ import annotations

import argparse
import itertools
import random
import signal
import time
from collections.abc import Callable

from generator.ingest.segment import segment

CJK = "前三名的乡镇街道市县区人民政府工作会议报告记者新闻发展建设经济社会文化教育"
PUNCT = "，。、；：？！“”‘’（）《》—…·"
DIGITS = "0123456789"


def fill(unit: Callable[[], str], size: int) -> str:
    """Concatenate whole units until the text has at least `size` UTF-8 bytes."""
    parts: list[str] = []
    total = 0
    while total < size:
        part = unit()
        parts.append(part)
        total += len(part.encode())
    return "".join(parts)


def repeat_to(pattern: str, size: int, even: bool = True) -> str:
    """`pattern` repeated to about `size` bytes; an even number of copies when asked,
    so that the text passes the cheap length checks of the doubled-text repair."""
    count = max(2, size // len(pattern.encode()))
    if even and count % 2:
        count -= 1
    return pattern * count


def long_random_line(size: int, rnd: random.Random) -> str:
    alphabet = CJK * 4 + PUNCT * 2 + DIGITS + "  "
    return fill(lambda: rnd.choice(alphabet), size)


def punctuation_line(size: int, rnd: random.Random) -> str:
    return repeat_to("（（（（））））。。。", size)


def phrase_line(size: int, rnd: random.Random) -> str:
    return repeat_to("前三名的乡", size)


def phrase_spaced_line(size: int, rnd: random.Random) -> str:
    return repeat_to("前三名的乡 ", size)


def letter_spaced_line(size: int, rnd: random.Random) -> str:
    return repeat_to("前 三 名 的 乡 ", size)


def one_char_line(size: int, rnd: random.Random) -> str:
    return repeat_to("乡", size)


def doubled_chars_line(size: int, rnd: random.Random) -> str:
    """前前三三名名…: fake bold over a whole line, every chunk one character."""
    return fill(lambda: rnd.choice(CJK + PUNCT) * 2, size)


def doubled_words_line(size: int, rnd: random.Random) -> str:
    """前三名的乡前三名的乡（（镇镇…: fake bold with chunks of one to eight characters."""
    def unit() -> str:
        chunk = "".join(rnd.choice(CJK + PUNCT + DIGITS) for _ in range(rnd.randint(1, 8)))
        return chunk * 2
    return fill(unit, size)


def doubled_phrase_lines(size: int, rnd: random.Random) -> str:
    """Many short fake-bold lines of a periodic phrase."""
    return fill(lambda: "前三名的乡" * (2 * rnd.randint(1, 20)) + "\n", size)


def periodic_lines(size: int, rnd: random.Random) -> str:
    """乡乡…乡甲甲: lines that pass every cheap test of the doubling search and are not one
    chunk drawn twice, so the search has to try many splits (its worst case)."""
    return fill(lambda: rnd.choice(CJK) * (2 * rnd.randint(10, 100)) + "甲甲\n", size)


def doubled_digit_rows(size: int, rnd: random.Random) -> str:
    """Fake-bold table rows of figures: 1122..55%%, few distinct characters."""
    def unit() -> str:
        cells = ["".join(rnd.choice("0123456789.%") for _ in range(rnd.randint(1, 6)))
                 for _ in range(rnd.randint(2, 12))]
        return "".join(ch * 2 for ch in " ".join(cells)) + "\n"
    return fill(unit, size)


def many_short_lines(size: int, rnd: random.Random) -> str:
    alphabet = CJK + PUNCT + DIGITS
    return fill(lambda: "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 4))) + "\n",
                size)


def single_char_lines(size: int, rnd: random.Random) -> str:
    """One ideograph a line: a vertical headline as long as the page."""
    return fill(lambda: rnd.choice(CJK) + "\n", size)


def random_page(size: int, rnd: random.Random) -> str:
    """Lines of random length mixing text with the words that structure a page."""
    tokens = [*CJK, *PUNCT, *DIGITS, " ", "　", "本报讯", "（记者 王星）", "摄", "（王星星）",
              "——", "# ", "（下转第2版）", "本报记者 张刚", "。", "二维码", "一、"]

    def unit() -> str:
        return "".join(rnd.choice(tokens) for _ in range(rnd.randint(0, 40))) + "\n"
    return fill(unit, size)


def open_paragraph_chunks(size: int, rnd: random.Random) -> str:
    """Column breaks inside one endless sentence: every chunk continues the paragraph."""
    return fill(lambda: "".join(rnd.choice(CJK) for _ in range(14)) + "，\n\n", size)


def markdown_interruptions(size: int, rnd: random.Random) -> str:
    """Headlines printed inside one unfinished sentence, over and over."""
    def unit() -> str:  # body lines longer than a headline, so not read as a kicker
        return f"# 标题{rnd.choice(CJK)}\n{''.join(rnd.choice(CJK) for _ in range(40))}\n"
    return "# 开头\n# 第二\n" + fill(unit, size)


def headlines_with_subtitles(size: int, rnd: random.Random) -> str:
    def unit() -> str:
        title = "".join(rnd.choice(CJK) for _ in range(8))
        body = "".join(rnd.choice(CJK) for _ in range(30))
        return f"{title}\n——{title}\n\n{body}。\n\n"
    return fill(unit, size)


def trailing_closers_line(size: int, rnd: random.Random) -> str:
    """A line of closing brackets ending in 摄 / ）, the tails that the splitters try."""
    return repeat_to("”）", size) + "（王星星）"


FAMILIES: dict[str, Callable[[int, random.Random], str]] = {
    "long_random_line": long_random_line,
    "punctuation_line": punctuation_line,
    "phrase_line": phrase_line,
    "phrase_spaced_line": phrase_spaced_line,
    "letter_spaced_line": letter_spaced_line,
    "one_char_line": one_char_line,
    "doubled_chars_line": doubled_chars_line,
    "doubled_words_line": doubled_words_line,
    "doubled_phrase_lines": doubled_phrase_lines,
    "periodic_lines": periodic_lines,
    "doubled_digit_rows": doubled_digit_rows,
    "many_short_lines": many_short_lines,
    "single_char_lines": single_char_lines,
    "random_page": random_page,
    "open_paragraph_chunks": open_paragraph_chunks,
    "markdown_interruptions": markdown_interruptions,
    "headlines_with_subtitles": headlines_with_subtitles,
    "trailing_closers_line": trailing_closers_line,
}


class TimeLimit(Exception):
    pass


def _alarm(signum, frame):
    raise TimeLimit


def time_segment(text: str, limit: float, repeat: int) -> float | None:
    """Best wall time of `repeat` runs of segment(text), or None past `limit` seconds."""
    best = None
    spent = 0.0
    for _ in range(repeat):
        signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            start = time.perf_counter()
            segment(text)
            took = time.perf_counter() - start
        except TimeLimit:
            return None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        best = took if best is None else min(best, took)
        spent += took
        if spent > 1.0:  # slow runs are stable enough; do not repeat them
            break
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10,20,40,80,160", help="page sizes in KB")
    ap.add_argument("--limit", type=float, default=60.0, help="seconds allowed for one run")
    ap.add_argument("--family", action="append", choices=sorted(FAMILIES))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    sizes = [int(float(s) * 1024) for s in args.sizes.split(",")]
    signal.signal(signal.SIGALRM, _alarm)
    segment("本报讯 预热。\n")  # compile the regexes outside the timings
    print(f"{'family':<26}" + "".join(f"{s // 1024:>9} KB" for s in sizes)
          + "   ratio per doubling")
    for name in args.family or FAMILIES:
        make = FAMILIES[name]
        times: list[float | None] = []
        for size in sizes:
            if times and times[-1] is None:
                times.append(None)
                continue
            text = make(size, random.Random(f"{args.seed}:{name}:{size}"))
            times.append(time_segment(text, args.limit, args.repeat))
        cells = "".join(f"{t:>11.4f}s" if t is not None else f"{'>' + str(args.limit):>12}"
                        for t in times)
        ratios = [f"{b / a:.1f}" if a and b else "-" for a, b in itertools.pairwise(times)]
        print(f"{name:<26}{cells}   {' '.join(ratios)}", flush=True)


if __name__ == "__main__":
    main()
