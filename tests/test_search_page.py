"""The search page as a reader uses it, in a real browser (Debian's Chromium).

What it promises (assets/search.js, templates/search.html):

- nothing runs on change: typing a date, arrowing through the sort menu, ticking a
  filter with the space bar change nothing but the control; Enter in any field, or the
  搜索 / 应用 button, runs the search; the URL keeps the search and Back returns to the
  previous one;
- dates are typed as people write them (2023, 2023-3, 2023年3月5日, full-width digits…),
  read by window.ArchiveSearchPage.parseDate; a date that cannot be read is said beside
  its field, naming it;
- nothing on the screen moves when results, counts and filters arrive (layout shifts
  measured with a PerformanceObserver), the first results are listed before the counts;
- on a 375 × 667 phone the first result is on the first screen, the filters are folded,
  nothing scrolls sideways;
- punctuation around a query is not part of it;
- an article opened from a result scrolls to its first highlight, which has the focus;
- excerpts are the article's body, never its headline or byline again.

The sample archive (content/) is built and served on 127.0.0.1 (tests/conftest.py).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import pytest
import test_browser
import test_search
from e2e_site import BuiltSite
from test_browser import Tab
from test_search import Doc, normalise, oracle, result_path, results, status

pytestmark = pytest.mark.skipif(os.environ.get("ARCHIVE_SKIP_BROWSER") == "1",
                                reason="ARCHIVE_SKIP_BROWSER=1")

browser = test_browser.browser
desktop = test_browser.desktop
tab = test_browser.tab
# The archive's articles as the built site shows them, and a word of several papers and
# years (tests/test_search.py).
docs = test_search.docs
words = test_search.words
word = test_search.word

PHONE = {"width": 375, "height": 667}


@pytest.fixture(scope="module")
def small_phone(browser: Any) -> Iterator[Any]:
    yield from test_browser.new_context(browser, viewport=PHONE, device_scale_factor=2,
                                        is_mobile=True, has_touch=True)


@pytest.fixture
def phone(small_phone: Any) -> Iterator[Tab]:
    """A fresh page on a 375 × 667 phone screen."""
    yield from test_browser.open_tab(small_phone)


def search_url(site: BuiltSite, query: str, extra: str = "") -> str:
    return site.page_url(f"/search/?q={quote(query)}{extra}")


def params(tab: Tab) -> dict[str, list[str]]:
    return parse_qs(urlsplit(tab.page.url).query)


def focused_id(tab: Tab) -> str:
    return tab.page.evaluate("document.activeElement.id")


def dates_of(shown: list[dict[str, Any]]) -> list[str]:
    """The dates of results, as ISO dates (a result shows 2023年3月5日)."""
    out = []
    for r in shown:
        y, m, d = re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", r["meta"]).groups()
        out.append(f"{y}-{int(m):02d}-{int(d):02d}")
    return out


# A mark on the page's first result and on window: both survive a search that runs
# nothing; a reload loses the window's, a new list of results loses the element's.
MARK_PAGE = """() => {
    window.__untouched = true;
    document.querySelector('#search-results > li').dataset.untouched = '1';
}"""
UNTOUCHED = """() => window.__untouched === true
    && !!document.querySelector('#search-results > li[data-untouched]')
    && document.getElementById('search-results').getAttribute('aria-busy') === 'false'"""


# -- dates as people type them -------------------------------------------------------------

# text → (first day, last day, what the URL keeps)
DATES = {
    "2023": ("2023-01-01", "2023-12-31", "2023"),
    "2023年": ("2023-01-01", "2023-12-31", "2023"),
    "２０２３": ("2023-01-01", "2023-12-31", "2023"),
    "2023-3": ("2023-03-01", "2023-03-31", "2023-03"),
    "2023-03": ("2023-03-01", "2023-03-31", "2023-03"),
    "2023.3": ("2023-03-01", "2023-03-31", "2023-03"),
    "2023/3": ("2023-03-01", "2023-03-31", "2023-03"),
    "2023年3月": ("2023-03-01", "2023-03-31", "2023-03"),
    "2023年03月": ("2023-03-01", "2023-03-31", "2023-03"),
    "2023-2": ("2023-02-01", "2023-02-28", "2023-02"),
    "2024-2": ("2024-02-01", "2024-02-29", "2024-02"),
    "2000年2月": ("2000-02-01", "2000-02-29", "2000-02"),
    "1900/2": ("1900-02-01", "1900-02-28", "1900-02"),
    "2023-4": ("2023-04-01", "2023-04-30", "2023-04"),
    "2023/12": ("2023-12-01", "2023-12-31", "2023-12"),
    "2023-03-05": ("2023-03-05", "2023-03-05", "2023-03-05"),
    "2023-3-5": ("2023-03-05", "2023-03-05", "2023-03-05"),
    "2023.3.5": ("2023-03-05", "2023-03-05", "2023-03-05"),
    "2023/3/5": ("2023-03-05", "2023-03-05", "2023-03-05"),
    "2023年3月5日": ("2023-03-05", "2023-03-05", "2023-03-05"),
    "2023年3月5号": ("2023-03-05", "2023-03-05", "2023-03-05"),
    "2023年3月5": ("2023-03-05", "2023-03-05", "2023-03-05"),
    "2023 年 3 月 5 日": ("2023-03-05", "2023-03-05", "2023-03-05"),
    "  2023-3-5  ": ("2023-03-05", "2023-03-05", "2023-03-05"),
    "20230305": ("2023-03-05", "2023-03-05", "2023-03-05"),
    "２０２３年３月５日": ("2023-03-05", "2023-03-05", "2023-03-05"),
    "２０２３－０３－０５": ("2023-03-05", "2023-03-05", "2023-03-05"),
    "２０２３．３．５": ("2023-03-05", "2023-03-05", "2023-03-05"),
    "２０２３／３／５": ("2023-03-05", "2023-03-05", "2023-03-05"),
    "2023–3–5": ("2023-03-05", "2023-03-05", "2023-03-05"),  # en dash
    "二〇二三年三月五日": ("2023-03-05", "2023-03-05", "2023-03-05"),
    "二〇二三年十二月三十一日": ("2023-12-31", "2023-12-31", "2023-12-31"),
    "2023年十月": ("2023-10-01", "2023-10-31", "2023-10"),
    "2024-02-29": ("2024-02-29", "2024-02-29", "2024-02-29"),
    "2023-10-19": ("2023-10-19", "2023-10-19", "2023-10-19"),
}
# text → a piece of what the message says is wrong
BAD_DATES = {
    "2023-13": "月份",
    "2023年13月": "月份",
    "2023-00": "月份",
    "2023-2-29": "2023年2月只有 28 天",
    "2023-02-30": "只有 28 天",
    "2023-4-31": "只有 30 天",
    "2023-3-0": "只有 31 天",
    "23-3-5": "四位",
    "23": "四位",
    "0023": "四位",
    "abc": "2023年3月5日",
    "3月5日": "2023年3月5日",
    "2023-3/5": "2023年3月5日",
    "2023-3-5-1": "2023年3月5日",
    "2023年3": "2023年3月5日",
    "2023..3": "2023年3月5日",
    "2023-": "2023年3月5日",
}


def test_dates_are_read_as_people_write_them(tab: Tab, sample_site: BuiltSite):
    tab.goto(sample_site.page_url("/search/"))
    parse = "t => window.ArchiveSearchPage.parseDate(t)"
    wrong = []
    for text, (start, end, canonical) in DATES.items():
        got = tab.page.evaluate(parse, text)
        want = {"start": start, "end": end, "canonical": canonical}
        if not got or {k: got.get(k) for k in want} != want:
            wrong.append(f"{text!r}: {got} (want {want})")
    for text, reason in BAD_DATES.items():
        got = tab.page.evaluate(parse, text)
        if not got or reason not in (got.get("error") or ""):
            wrong.append(f"{text!r}: {got} (want an error saying {reason!r})")
    for text in ("", "   ", "\u3000"):
        got = tab.page.evaluate(parse, text)
        if got is not None:
            wrong.append(f"{text!r}: {got} (want null: no date)")
    assert not wrong, "\n".join(wrong)
    tab.assert_clean()


# -- nothing runs on change ----------------------------------------------------------------

def test_typing_arrowing_and_ticking_run_nothing_until_enter(
        tab: Tab, sample_site: BuiltSite, docs: dict[str, Doc], word: str):
    page = tab.page
    expected = oracle(docs, word)
    tab.goto(search_url(sample_site, word))
    results(tab)
    first_url = page.url
    page.evaluate(MARK_PAGE)

    # A date typed key by key: the page does not search, nor say the half-typed date is
    # wrong.
    page.locator("#search-from").click()
    for key in "2023-3":
        page.keyboard.type(key)
        page.wait_for_timeout(80)
        assert page.url == first_url, f"typing {key!r} into 从 ran the search"
        assert page.locator("#search-from-error").inner_text() == ""
    assert page.evaluate(UNTOUCHED), "typing a date reloaded the page or the results"
    assert focused_id(tab) == "search-from"
    assert page.locator("#search-pending").inner_text() == "尚未应用"

    # Arrow keys on the sort menu choose, nothing more.
    page.locator("#search-sort").focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(300)
    assert page.locator("#search-sort").input_value() == "oldest"
    assert page.url == first_url and page.evaluate(UNTOUCHED), "the sort menu ran the search"
    assert focused_id(tab) == "search-sort"

    # The space bar ticks a filter and leaves the focus on it.
    box = page.locator("#search-filters input[type=checkbox]").first
    box.focus()
    page.keyboard.press("Space")
    page.wait_for_timeout(300)
    assert box.is_checked()
    assert page.evaluate("document.activeElement.type") == "checkbox"
    assert page.url == first_url and page.evaluate(UNTOUCHED), "ticking a filter ran it"
    page.keyboard.press("Space")
    assert not box.is_checked()

    # Enter in the date field runs the search with everything the form says.
    page.locator("#search-from").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]from=2023-03"))
    shown = results(tab)
    query = params(tab)
    assert query["q"] == [word] and query["from"] == ["2023-03"] and query["sort"] == ["oldest"]
    want = {u for u in expected if docs[u].date.isoformat() >= "2023-03-01"}
    assert {result_path(r["href"]) for r in shown} == want
    assert status(tab) == f"找到 {len(want)} 篇文章"
    dates = dates_of(shown)
    assert dates == sorted(dates), f"not oldest first: {dates}"
    assert page.locator("#search-from").input_value() == "2023-03"
    assert focused_id(tab) == "search-from", "the search took the focus away from the field"
    assert page.locator("#search-pending").inner_text() == ""

    # Enter on the sort menu runs it too.
    page.locator("#search-sort").focus()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]sort=newest"))
    dates = dates_of(results(tab))
    assert dates == sorted(dates, reverse=True), f"not newest first: {dates}"

    # Enter on a ticked filter applies it; the focus stays on that filter.
    year = page.locator("#search-filters input[name=year]").first
    value = year.get_attribute("value")
    year.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]year=" + value))
    shown = results(tab)
    assert all(f" · {value}年" in r["meta"] for r in shown)
    assert page.evaluate("[document.activeElement.name, document.activeElement.value, "
                         "document.activeElement.checked]") == ["year", value, True]

    # Back: the previous searches, in the form and in the list; Forward: the next again.
    page.go_back()
    page.wait_for_url(lambda url: "year=" not in url)
    results(tab)
    assert page.locator("#search-sort").input_value() == "newest"
    assert not page.locator(f"#search-filters input[name=year][value='{value}']").is_checked()
    page.go_back()
    page.wait_for_url(re.compile(r"[?&]sort=oldest"))
    shown = results(tab)
    assert page.locator("#search-sort").input_value() == "oldest"
    assert page.locator("#search-from").input_value() == "2023-03"
    assert not page.locator(f"#search-filters input[name=year][value='{value}']").is_checked()
    assert {result_path(r["href"]) for r in shown} == want
    page.go_back()
    page.wait_for_url(first_url)
    shown = results(tab)
    assert page.locator("#search-from").input_value() == ""
    assert page.locator("#search-sort").input_value() == "relevance"
    assert {result_path(r["href"]) for r in shown} == expected
    page.go_forward()
    page.wait_for_url(re.compile(r"[?&]from=2023-03"))
    assert {result_path(r["href"]) for r in results(tab)} == want
    tab.assert_clean()


def months_of(docs: dict[str, Doc], urls: set[str]) -> list[tuple[int, int]]:
    return sorted({(docs[u].date.year, docs[u].date.month) for u in urls})


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


def test_dates_typed_naturally_narrow_the_results(
        tab: Tab, sample_site: BuiltSite, docs: dict[str, Doc], word: str):
    page = tab.page
    expected = oracle(docs, word)
    months = months_of(docs, expected)
    assert len(months) > 1, "the test needs results in several months"
    y, m = months[-1]
    tab.goto(search_url(sample_site, word))
    results(tab)

    # 从 2023年3月 到 ２０２３年３月: the whole month, as the URL says.
    page.locator("#search-from").fill(f"{y}年{m}月")
    page.locator("#search-to").fill(full_width(f"{y}年{m}月"))
    page.locator("#search-to").press("Enter")
    page.wait_for_url(re.compile(r"[?&]to="))
    assert params(tab)["from"] == [f"{y}-{m:02d}"] and params(tab)["to"] == [f"{y}-{m:02d}"]
    want = {u for u in expected if (docs[u].date.year, docs[u].date.month) == (y, m)}
    assert {result_path(r["href"]) for r in results(tab)} == want
    assert status(tab) == f"找到 {len(want)} 篇文章"

    # A year alone, by the 应用 button: that year.
    page.locator("#search-from").fill(str(y))
    page.locator("#search-to").fill(f"{y}")
    page.locator("#search-apply").click()
    page.wait_for_url(re.compile(rf"[?&]from={y}(&|$)"))
    want = {u for u in expected if docs[u].date.year == y}
    assert {result_path(r["href"]) for r in results(tab)} == want

    # One day, written with dots; the URL of it reads back the same.
    day = max(docs[u].date for u in expected)
    page.locator("#search-from").fill(f"{day.year}.{day.month}.{day.day}")
    page.locator("#search-to").fill("")
    page.locator("#search-q").press("Enter")
    page.wait_for_url(re.compile(rf"[?&]from={day.isoformat()}"))
    want = {u for u in expected if docs[u].date >= day}
    assert {result_path(r["href"]) for r in results(tab)} == want
    tab.goto(page.url)
    assert {result_path(r["href"]) for r in results(tab)} == want
    assert page.locator("#search-from").input_value() == day.isoformat()
    tab.assert_clean()


def test_an_unreadable_date_is_said_beside_its_field(
        tab: Tab, sample_site: BuiltSite, word: str):
    page = tab.page
    tab.goto(search_url(sample_site, word))
    results(tab)
    first_url = page.url
    page.evaluate(MARK_PAGE)

    page.locator("#search-from").fill("2023-13")
    page.locator("#search-from").press("Enter")
    error = page.locator("#search-from-error")
    error.wait_for(state="visible")
    message = error.inner_text()
    assert "「从」" in message and "2023-13" in message and "月份" in message, message
    assert page.locator("#search-from").get_attribute("aria-invalid") == "true"
    assert focused_id(tab) == "search-from"
    assert page.url == first_url and page.evaluate(UNTOUCHED), \
        "a search ran with a date that cannot be read"
    assert "日期有误" in status(tab)
    # The message is tied to the field, for screen readers.
    described = page.locator("#search-from").get_attribute("aria-describedby").split()
    assert "search-from-error" in described

    # 到 with a day its month does not have; leaving the field says so at once.
    page.locator("#search-from").fill("")
    assert error.inner_text() == "", "the message stays after the text is gone"
    page.locator("#search-to").fill("2023-2-30")
    page.locator("#search-to").blur()
    message = page.locator("#search-to-error").inner_text()
    assert "「到」" in message and "只有 28 天" in message, message

    # 从 after 到.
    page.locator("#search-to").fill("2023-3")
    page.locator("#search-from").fill("2023年5月")
    page.locator("#search-from").press("Enter")
    page.wait_for_function(
        "() => document.getElementById('search-from-error').textContent.includes('晚于')")
    assert "「从」" in page.locator("#search-from-error").inner_text()
    assert page.url == first_url

    # Put right: the messages go, the search runs.
    page.locator("#search-from").fill("2023年3月1日")
    page.locator("#search-from").press("Enter")
    page.wait_for_url(re.compile(r"[?&]from=2023-03-01"))
    results(tab)
    assert page.locator("#search-from-error").inner_text() == ""
    assert page.locator("#search-to-error").inner_text() == ""
    assert page.locator("#search-from").get_attribute("aria-invalid") is None

    # A URL with a date that cannot be read: said, and no search is run.
    tab.goto(search_url(sample_site, word, "&from=2023-99"))
    page.wait_for_function("() => /日期有误/.test("
                           "document.getElementById('search-status').textContent)")
    assert "「从」" in page.locator("#search-from-error").inner_text()
    assert page.locator("#search-results > li").count() == 0
    tab.assert_clean()


def test_on_a_phone_an_unreadable_date_unfolds_the_filters(
        phone: Tab, sample_site: BuiltSite, word: str):
    page = phone.page
    phone.goto(search_url(sample_site, word, "&to=2023"))
    results(phone)
    assert not page.locator("#search-panel").evaluate("d => d.open")
    assert "（已选 1 项）" in page.locator("#search-panel summary").inner_text()
    page.locator("#search-panel summary").click()
    page.locator("#search-from").fill("2023-3-35")
    page.locator("#search-panel summary").click()  # folded again, the error unseen
    page.locator("#search-q").press("Enter")
    page.locator("#search-from-error").wait_for(state="visible")
    assert page.locator("#search-panel").evaluate("d => d.open")
    assert focused_id(phone) == "search-from"
    assert page.locator("#search-from-error").is_visible()
    phone.assert_clean()


# -- nothing moves -------------------------------------------------------------------------

# Layout shifts (the Layout Instability API), those not caused by the reader's input.
OBSERVE_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.__shifts.push({value: entry.value, sources: entry.sources.map((s) =>
      s.node ? (s.node.id || s.node.className || s.node.nodeName) : '?')});
  }
}).observe({type: 'layout-shift', buffered: true});
"""

# Where things are: the page's controls, the status line and the first result when
# it first appears.
WATCH_PLACES = """
window.__places = {};
window.__place = (name, el) => {
  const r = el.getBoundingClientRect();
  return [Math.round(r.left + scrollX), Math.round(r.top + scrollY)];
};
document.addEventListener('DOMContentLoaded', () => {
  for (const id of ['search-q', 'search-panel', 'search-status', 'search-results']) {
    window.__places[id] = window.__place(id, document.getElementById(id));
  }
  const list = document.getElementById('search-results');
  new MutationObserver(() => {
    const first = list.querySelector(':scope > li');
    if (first && !window.__places.first) {
      window.__places.first = window.__place('first', first);
      window.__firstNode = first;
    }
  }).observe(list, {childList: true});
});
"""

PLACES_NOW = """() => {
  const out = {};
  for (const id of ['search-q', 'search-panel', 'search-status', 'search-results']) {
    out[id] = window.__place(id, document.getElementById(id));
  }
  const first = document.querySelector('#search-results > li');
  if (first) out.first = window.__place('first', first);
  return out;
}"""


def shift_score(tab: Tab) -> tuple[float, list[Any]]:
    tab.page.wait_for_timeout(500)  # the observer reports after the frame
    shifts = tab.page.evaluate("window.__shifts")
    return sum(s["value"] for s in shifts), shifts


@pytest.mark.parametrize("screen", ["desktop", "phone"])
@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_nothing_moves_while_results_arrive(
        request: pytest.FixtureRequest, screen: str, sort: str, sample_site: BuiltSite,
        docs: dict[str, Doc], word: str):
    tab: Tab = request.getfixturevalue("tab" if screen == "desktop" else "phone")
    page = tab.page
    page.add_init_script(OBSERVE_SHIFTS)
    page.add_init_script(WATCH_PLACES)
    tab.goto(search_url(sample_site, word, f"&sort={sort}"))
    results(tab)
    score, shifts = shift_score(tab)
    assert score < 0.1, f"layout shift {score:.3f} while the results came: {shifts}"
    # The controls did not move at all; the first result is where it first appeared.
    before = page.evaluate("window.__places")
    after = page.evaluate(PLACES_NOW)
    assert before == after, f"moved: {before} → {after}"

    # A second search, from the search box: still nothing moves.
    other = sorted({w for u in oracle(docs, word) for w in re.findall(r"[\u4e00-\u9fff]{2}",
                                                                      docs[u].body)})
    query = next(w for w in other if w != word and 2 <= len(oracle(docs, w)) <= 30)
    page.locator("#search-q").fill(query)
    page.locator("#search-q").press("Enter")
    page.wait_for_url(re.compile(r"q=" + re.escape(quote(query))))
    results(tab)
    score, shifts = shift_score(tab)
    assert score < 0.1, f"layout shift {score:.3f} after a second search: {shifts}"
    tab.assert_clean()


# Holds the engine's answer back until window.__release(): the first results (onFirst)
# reach the page, the count and the filters wait.
HOLD_THE_ANSWER = """
(() => {
  let api;
  window.__held = [];
  window.__release = () => {
    window.__holding = false;
    window.__held.splice(0).forEach((f) => f());
  };
  window.__holding = true;
  const wrap = (value) => Object.assign({}, value, {
    open: async (root) => {
      const engine = await value.open(root);
      return {
        search: async (query, options) => {
          const result = await engine.search(query, options);
          if (window.__holding) await new Promise((resolve) => window.__held.push(resolve));
          return result;
        },
        details: (hits) => engine.details(hits),
      };
    },
  });
  const existing = window.ArchiveSearch;
  Object.defineProperty(window, 'ArchiveSearch', {
    configurable: true, get: () => api, set: (value) => { api = wrap(value); },
  });
  if (existing) window.ArchiveSearch = existing;
})();
"""


def test_the_first_results_come_before_the_counts(
        tab: Tab, sample_site: BuiltSite, docs: dict[str, Doc], word: str):
    page = tab.page
    page.add_init_script(OBSERVE_SHIFTS)
    page.add_init_script(HOLD_THE_ANSWER)
    expected = oracle(docs, word)
    tab.goto(search_url(sample_site, word, "&sort=newest"))
    page.locator("#search-results > li").first.wait_for()
    page.wait_for_function("() => window.__held.length === 1")
    # Listed, not yet counted: the list is busy, the filters are not there yet.
    assert page.locator("#search-results").get_attribute("aria-busy") == "true"
    assert not status(tab).startswith("找到")
    assert page.locator("#search-filters fieldset:not([hidden])").count() == 0
    early = page.evaluate("""() => [...document.querySelectorAll('#search-results > li')]
        .map((li) => { li.dataset.early = '1';
                       return [li.querySelector('a').getAttribute('href'),
                               Math.round(li.getBoundingClientRect().top + scrollY)]; })""")
    assert early, "nothing listed before the count"

    page.evaluate("window.__release()")
    shown = results(tab)
    assert status(tab) == f"找到 {len(expected)} 篇文章"
    assert {result_path(r["href"]) for r in shown} == expected
    # The early results are the same elements, in the same places.
    late = page.evaluate("""n => [...document.querySelectorAll('#search-results > li')]
        .slice(0, n).map((li) => [li.dataset.early === '1' ? li.querySelector('a')
            .getAttribute('href') : 'new element',
            Math.round(li.getBoundingClientRect().top + scrollY)])""", len(early))
    assert late == early
    assert page.locator("#search-filters fieldset:not([hidden])").count() > 0
    score, shifts = shift_score(tab)
    assert score < 0.1, f"layout shift {score:.3f} when the counts came: {shifts}"
    tab.assert_clean()


# -- on a phone ----------------------------------------------------------------------------

def test_on_a_phone_the_first_result_is_on_the_first_screen(
        phone: Tab, sample_site: BuiltSite, word: str):
    page = phone.page
    phone.goto(search_url(sample_site, word))
    shown = results(phone)
    assert shown
    assert not page.locator("#search-panel").evaluate("d => d.open"), \
        "the filters are unfolded on a phone"
    assert page.evaluate("scrollY") == 0
    first = page.evaluate("""() => {
        const li = document.querySelector('#search-results > li');
        const box = (el) => {
            const r = el.getBoundingClientRect();
            return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};
        };
        return {item: box(li), title: box(li.querySelector('h2')),
                meta: box(li.querySelector('.muted')),
                excerpt: li.querySelector('.excerpt') ? box(li.querySelector('.excerpt')) : null};
    }""")
    height = PHONE["height"]
    assert first["title"]["top"] >= 0 and first["meta"]["bottom"] <= height, \
        f"the first result's title is below the first screen: {first}"
    assert first["item"]["bottom"] <= height, f"the first result does not fit: {first}"
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]

    # Unfolded: the sort menu, the dates and the filters, still without sideways scroll.
    page.locator("#search-panel summary").click()
    for control in ("#search-sort", "#search-from", "#search-to", "#search-apply",
                    "#search-filters input[name=paper]"):
        assert page.locator(control).first.is_visible(), control
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    for el in page.locator("#search-panel input, #search-panel select, #search-apply").all():
        box = el.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], \
            f"a control runs off the screen: {box}"
    phone.assert_clean()


def test_on_a_wide_screen_the_filters_are_open_beside_the_results(
        tab: Tab, sample_site: BuiltSite, word: str):
    page = tab.page
    tab.goto(search_url(sample_site, word))
    results(tab)
    assert page.locator("#search-panel").evaluate("d => d.open")
    panel = page.locator("#search-panel").bounding_box()
    first = page.locator("#search-results > li").first.bounding_box()
    assert panel["x"] + panel["width"] <= first["x"], "the filters are not beside the results"
    tab.assert_clean()


# -- the query -----------------------------------------------------------------------------

@pytest.mark.parametrize("dressed", ["{}，", "“{}”", "（{}）。", "{}! ", "《{}》"])
def test_punctuation_around_a_query_is_not_part_of_it(
        tab: Tab, sample_site: BuiltSite, docs: dict[str, Doc], word: str, dressed: str):
    query = dressed.format(word)
    tab.goto(search_url(sample_site, query))
    shown = results(tab)
    assert {result_path(r["href"]) for r in shown} == oracle(docs, word), query
    assert status(tab) == f"找到 {len(oracle(docs, word))} 篇文章"
    marked = [r for r in shown if normalise(word) in normalise(docs[result_path(r["href"])].body)]
    assert marked and all(word in r["runs"] for r in marked), \
        f"{query!r}: {word!r} is not highlighted in the excerpts"
    # …and the article opened from a result marks the word.
    tab.page.locator("#search-results > li h2 a").first.click()
    tab.page.wait_for_url(re.compile(r"\?q="))
    marks = tab.page.locator("[data-pagefind-body] mark").all_inner_texts()
    assert marks and set(marks) == {word}, marks
    tab.assert_clean()


# -- the article opened from a result ------------------------------------------------------

def head_of(doc: Doc) -> str:
    """What the article's text has before its body: kicker, headline, subtitle, byline."""
    return doc.text[:doc.text.find(doc.body.strip()[:10])] if doc.body.strip() else doc.text


def far_down(docs: dict[str, Doc]) -> tuple[str, str]:
    """A long article and a word of it that first occurs near the end of its body, in at
    most 20 articles (the first page of results)."""
    for url, doc in sorted(docs.items(), key=lambda item: (-len(item[1].body), item[0])):
        text = normalise(doc.text)
        for m in re.finditer(r"[\u4e00-\u9fff]{2}", doc.body[len(doc.body) * 3 // 4:]):
            w = m.group()
            if text.index(w) > len(text) * 3 // 4 and len(oracle(docs, w)) <= 20:
                return url, w
    raise AssertionError("no long article with a word only near its end")


def test_an_article_opened_from_a_result_shows_its_first_highlight(
        tab: Tab, sample_site: BuiltSite, docs: dict[str, Doc]):
    page = tab.page
    url, w = far_down(docs)
    tab.goto(sample_site.page_url(f"/search/?q={quote(w)}"))
    shown = results(tab)
    link = page.locator(f"#search-results > li h2 a[href='{url}?q={quote(w)}']")
    assert link.count() == 1, f"{url} is not a result of {w!r}: {shown}"
    link.click()
    page.wait_for_url(re.compile(re.escape(url) + r"\?q="))
    page.wait_for_function("() => document.activeElement.tagName === 'MARK'")
    seen = page.evaluate("""() => {
        const mark = document.activeElement;
        const r = mark.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return {first: mark === document.querySelector('[data-pagefind-body] mark'),
                text: mark.textContent, top: r.top, bottom: r.bottom, scrollY,
                height: innerHeight, onTop: !!hit && mark.contains(hit),
                margin: parseFloat(getComputedStyle(mark).scrollMarginTop)};
    }""")
    assert seen["first"] and seen["text"] == w, seen
    assert seen["scrollY"] > 0, f"the page did not scroll to {w!r}, far down the article"
    assert seen["top"] > 0 and seen["bottom"] < seen["height"], f"the mark is off screen: {seen}"
    assert seen["onTop"], f"something covers the first highlight: {seen}"
    assert seen["margin"] > 0, "no scroll margin above the highlight"
    tab.assert_clean()


def test_a_highlight_in_the_headline_does_not_scroll(tab: Tab, sample_site: BuiltSite,
                                                     docs: dict[str, Doc]):
    url, w = next((u, w) for u, d in sorted(docs.items()) if len(d.body) > 1500
                  for w in re.findall(r"[\u4e00-\u9fff]{2}", head_of(d))[:1])
    tab.goto(sample_site.page_url(f"{url}?q={quote(w)}"))
    tab.page.wait_for_function("() => document.activeElement.tagName === 'MARK'")
    assert tab.page.evaluate("document.activeElement.textContent") == w
    assert tab.page.evaluate("scrollY") == 0
    tab.assert_clean()


# -- excerpts ------------------------------------------------------------------------------

def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", normalise(text))


def test_excerpts_are_the_body_not_the_headline_or_byline(
        tab: Tab, sample_site: BuiltSite, docs: dict[str, Doc]):
    """A word of a headline: results whose headline has it show their body's text in the
    excerpt (its start when the word is only in the headline), never the headline or the
    byline again."""
    titled = []
    for url, doc in sorted(docs.items()):
        for w in re.findall(r"[\u4e00-\u9fff]{2}", head_of(doc)):
            found = oracle(docs, w)
            only_head = [u for u in found if normalise(w) not in normalise(docs[u].body)]
            if 2 <= len(found) <= 20 and only_head:
                titled.append((len(only_head), w, url))
    assert titled, "no headline word found in more than one article"
    _, w, _ = max(titled)
    tab.goto(search_url(sample_site, w))
    shown = results(tab)
    assert {result_path(r["href"]) for r in shown} == oracle(docs, w)
    for r in shown:
        doc = docs[result_path(r["href"])]
        excerpt = squeeze(r["excerpt"]).removeprefix("...").removesuffix("...")
        body = squeeze(doc.body)
        assert excerpt and excerpt in body, f"{r['href']}: {r['excerpt']!r} is not body text"
        title = squeeze(r["title"])
        if title not in body:
            assert title not in excerpt, f"{r['href']}: the excerpt repeats the headline"
        for byline in doc.bylines:
            if squeeze(byline) not in body:
                assert squeeze(byline) not in excerpt, \
                    f"{r['href']}: the excerpt repeats the byline {byline!r}"
        if normalise(w) not in normalise(doc.body):
            # Only in the head: the excerpt is the start of the body, nothing marked.
            assert body.startswith(excerpt), f"{r['href']}: {r['excerpt']!r}"
            assert not r["marks"]
    tab.assert_clean()
