#!/usr/bin/env python3
"""A synthetic archive of N articles for tests and benchmarks, from in-repo text only.

Sentences are drawn from the sample pages in samples/pages/, so the text has the
character, word and sentence statistics of real pages. The files are laid out as
`archive ingest` writes them:

    OUT/<city>/<paper>/<YYYY>/<MM>/<DD>/<PP>-<NN>.md

with front matter that validates (title, city, paper, date, page, seq, byline).
One issue per paper per day, from --start on; each issue has --pages pages of
--per-page articles, until N articles are written.

Usage: corpus.py OUT --articles 900 [--seed 1] [--papers 许昌日报,焦作日报]
The same arguments always give the same files, byte for byte.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE_PAGES = REPO / "samples" / "pages"

# paper → (city, city folder, paper folder): the folders the site derives from the names
# (the city's pinyin; the paper's pinyin without the city in front).
PAPERS: dict[str, tuple[str, str, str]] = {
    "许昌日报": ("许昌", "xuchang", "ribao"),
    "许昌晨报": ("许昌", "xuchang", "chenbao"),
    "焦作日报": ("焦作", "jiaozuo", "ribao"),
    "洛阳日报": ("洛阳", "luoyang", "ribao"),
    "郑州日报": ("郑州", "zhengzhou", "ribao"),
}
REPORTERS = ("张", "王", "李", "赵", "刘", "陈", "杨")
GIVEN = ("新", "刚", "辉", "磊", "芳", "超", "洋")


def sentences(pages: Path = SAMPLE_PAGES) -> list[str]:
    """Sentences of 12–160 characters from the sample pages, in page order."""
    files = sorted(pages.glob("*.txt"))
    if not files:
        raise FileNotFoundError(f"{pages}: no sample pages (*.txt)")
    text = "".join(p.read_text(encoding="utf-8") for p in files)
    text = re.sub(r"[\s*#\"\\]+", "", text)
    return [s + "。" for s in text.split("。") if 12 <= len(s) <= 160]


def article_text(rnd: random.Random, pool: list[str], paper: str, day: dt.date, page: int,
                 seq: int) -> str:
    city = PAPERS[paper][0]
    title = rnd.choice(pool)[: rnd.randint(8, 22)].rstrip("，。、；：") or "无题"
    byline = f"本报讯（记者 {rnd.choice(REPORTERS)}{rnd.choice(GIVEN)}）"
    body = ["".join(rnd.choice(pool) for _ in range(rnd.randint(2, 5)))
            for _ in range(rnd.randint(3, 9))]
    front = (
        "---\n"
        f"title: {json.dumps(title, ensure_ascii=False)}\n"
        f"byline: {byline}\n"
        "kind: news\n"
        f"city: {city}\n"
        f"paper: {paper}\n"
        f"date: {day.isoformat()}\n"
        f"page: {page}\n"
        f"seq: {seq}\n"
        "---\n\n"
    )
    return front + "\n\n".join(body) + "\n"


def make_corpus(out: Path, articles: int, *, seed: int = 1,
                papers: tuple[str, ...] = ("许昌日报", "焦作日报"), per_page: int = 6,
                pages: int = 8, start: dt.date = dt.date(2015, 1, 1)) -> list[Path]:
    """Write `articles` article files under out; returns their paths in writing order."""
    unknown = [p for p in papers if p not in PAPERS]
    if unknown:
        raise ValueError(f"unknown paper {unknown[0]}; known: {', '.join(PAPERS)}")
    if articles < 0 or per_page < 1 or pages < 1 or not papers:
        raise ValueError("need articles >= 0, per_page >= 1, pages >= 1 and a paper")
    rnd = random.Random(seed)
    pool = sentences()
    written: list[Path] = []
    day = start
    while len(written) < articles:
        for paper in papers:
            _city, city_dir, paper_dir = PAPERS[paper]
            folder = Path(out) / city_dir / paper_dir / f"{day:%Y}" / f"{day:%m}" / f"{day:%d}"
            for page in range(1, pages + 1):
                for seq in range(1, per_page + 1):
                    if len(written) >= articles:
                        return written
                    path = folder / f"{page:02d}-{seq:02d}.md"
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(article_text(rnd, pool, paper, day, page, seq),
                                    encoding="utf-8")
                    written.append(path)
        day += dt.timedelta(days=1)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--papers", default="许昌日报,焦作日报",
                    help=f"comma-separated, among {','.join(PAPERS)}")
    ap.add_argument("--per-page", type=int, default=6)
    ap.add_argument("--pages", type=int, default=8)
    ap.add_argument("--start", type=dt.date.fromisoformat, default=dt.date(2015, 1, 1),
                    help="date of the first issue; one issue per paper per day follows")
    a = ap.parse_args(argv)
    written = make_corpus(a.out, a.articles, seed=a.seed, papers=tuple(a.papers.split(",")),
                          per_page=a.per_page, pages=a.pages, start=a.start)
    print(f"wrote {len(written)} articles under {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
