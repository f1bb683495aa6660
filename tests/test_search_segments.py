"""The compaction policy: few large segments, small ones where new issues arrive."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import shutil
from pathlib import Path

from e2e_site import SAMPLE_CONTENT, build

from generator.search.pagefind_format import LENGTH_STEP, LITE, SIGNATURE, base36, unpack
from generator.search.segments import plan_segments


def daily(start: dt.date, days: int, articles: int = 100) -> list[tuple[dt.date, int]]:
    return [(start + dt.timedelta(days=n), articles) for n in range(days)]


def test_past_months_are_packed_into_segments_that_close_at_the_size():
    issues = daily(dt.date(2015, 1, 1), 365 * 3)  # 100 articles a day for three years
    segments = plan_segments(issues, size=30_000)
    keys = sorted(segments)
    # The latest month alone; before it, whole months until a segment has 30,000.
    assert segments[keys[-1]] == ["2017-12"]
    assert [len(segments[k]) for k in keys[:-2]] == [10, 10, 10]  # 300+ days each
    # Every month is in exactly one segment, and each segment is a continuous run.
    months = [m for k in keys for m in segments[k]]
    assert months == sorted({f"{d.year}-{d.month:02d}" for d, _ in issues})
    assert all(k == segments[k][0] for k in keys)


def test_a_new_day_rewrites_only_the_latest_month():
    before = plan_segments(daily(dt.date(2015, 1, 1), 500), size=30_000)
    after = plan_segments(daily(dt.date(2015, 1, 1), 501), size=30_000)
    assert before == after  # the same months in the same segments: only the last grows


def test_a_month_ending_joins_the_open_segment_and_leaves_the_closed_ones_alone():
    before = plan_segments(daily(dt.date(2015, 1, 1), 31 + 28 + 31 + 5), size=5_000)
    after = plan_segments(daily(dt.date(2015, 1, 1), 31 + 28 + 31 + 30 + 1), size=5_000)
    assert before == {"2015-01": ["2015-01", "2015-02"], "2015-03": ["2015-03"],
                      "2015-04": ["2015-04"]}
    assert after == {"2015-01": ["2015-01", "2015-02"], "2015-03": ["2015-03", "2015-04"],
                     "2015-05": ["2015-05"]}


def test_several_papers_a_day_and_an_empty_archive():
    two = plan_segments([(dt.date(2020, 5, 1), 40), (dt.date(2020, 5, 1), 60),
                         (dt.date(2020, 4, 3), 10)])
    assert two == {"2020-04": ["2020-04"], "2020-05": ["2020-05"]}
    assert plan_segments([]) == {}


def test_the_listing_gives_every_page_the_date_paper_and_kind_its_fragment_has(sample_site):
    """segments.json and each segment's lite metadata say, page by page, what Pagefind's
    fragments, metadata and filter files say: the browser counts, filters and ranks
    results from them alone."""
    check_listing(sample_site.root)


def test_a_copied_issue_folder_keeps_its_own_index(tmp_path):
    """A copy that keeps file names, sizes and times (cp -a, then a fix of the same
    length) is another issue: its analysed batch is its own, not the original's."""
    content = tmp_path / "content"
    shutil.copytree(SAMPLE_CONTENT, content)
    original = content / "jiaozuo/ribao/2023/02/21"
    copy = content / "jiaozuo/ribao/2023/02/22"
    shutil.copytree(original, copy)
    for path in sorted(copy.iterdir()):
        text = path.read_text(encoding="utf-8").replace("2023-02-21", "2023-02-22")
        text = text.replace("2023/02/21", "2023/02/22")  # its aliases
        path.write_text(text, encoding="utf-8")
        shutil.copystat(original / path.name, path)  # the same times, and the same sizes
        assert path.stat().st_size == (original / path.name).stat().st_size
    build(content, tmp_path / "public", "http://127.0.0.1:9")
    check_listing(tmp_path / "public")


def check_listing(root: Path) -> None:
    bundle = root / "pagefind"
    listing = json.loads((bundle / "segments.json").read_text(encoding="utf-8"))
    assert len(listing["segments"]) >= 2
    for segment in listing["segments"]:
        folder = bundle / segment["path"]
        meta = unpack((folder / "pagefind.zh_meta.pf_meta").read_bytes())
        chunk_from, lengths, kind_names, kinds = unpack((folder / LITE).read_bytes())
        assert chunk_from == [first for first, _last, _name in meta[2]]
        assert [name for _f, _l, name in meta[2]] == [base36(n) for n in range(len(meta[2]))]
        dates = [d for d, n in segment["days"] for _ in range(n)]
        papers = [listing["papers"][p] for p, n in segment["papers"] for _ in range(n)]
        assert len(meta[1]) == segment["pages"] == len(dates) == len(papers) == len(kinds)
        in_filters = {}
        for name, hash_ in meta[3]:
            _, values = unpack((folder / "filter" / f"{hash_}.pf_filter").read_bytes())
            in_filters[name] = {page: value for value, pages in values for page in pages}
        for page, (hash_, words) in enumerate(meta[1]):
            assert hash_ == base36(page)
            assert abs(LENGTH_STEP ** lengths[page] / words - 1) <= 0.02
            data = gzip.decompress((folder / "fragment" / f"{hash_}.pf_fragment").read_bytes())
            fragment = json.loads(data[len(SIGNATURE):])
            y, m, d = fragment["url"].split("~")[-4:-1]
            assert dates[page] == f"{y}-{m}-{d}"
            assert papers[page] == fragment["filters"]["paper"][0] == in_filters["paper"][page]
            assert kind_names[kinds[page]] == fragment["filters"]["kind"][0] \
                == in_filters["kind"][page]
        assert dates == sorted(dates)  # pages in date order
