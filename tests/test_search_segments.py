"""The compaction policy: few large segments, small ones where new issues arrive."""

from __future__ import annotations

import datetime as dt

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
