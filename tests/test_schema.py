"""validate() lists every problem as `path:line: field: what is wrong and how to fix it`."""

import datetime as dt
import re

import pytest

from generator.content.frontmatter import parse_document
from generator.content.metadata import PageMeta
from generator.content.schema import (
    FIELD_ORDER,
    apply_defaults,
    field_lines,
    ordered,
    unknown_fields,
    validate,
)
from generator.content.store import build_front
from generator.ingest.article import Article

PATH = "content/xuchang/ribao/2023/03/23/06-02.md"
GOOD = """\
---
title: 许昌市开展网络举报宣传
city: 许昌
paper: 许昌日报
date: 2023-03-23
page: 6
byline: 本报讯（记者 李新）
---

正文。
"""


def check(text: str, path: str = PATH) -> list[str]:
    doc = parse_document(text, path)
    return validate(doc.front, path, doc.field_lines)


def with_line(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new)


def test_a_make_corpus_style_file_is_valid():
    assert check(GOOD) == []


def test_the_example_message():
    assert check(with_line("date: 2023-03-23", 'date: "2023-13-01"')) == [
        f'{PATH}:5: date: "2023-13-01" is not a date; write it as YYYY-MM-DD'
    ]


@pytest.mark.parametrize(
    ("old", "new", "field", "line", "says"),
    [
        ("date: 2023-03-23", "date: 2023-02-30", "date", 5, "is not a date"),
        ("date: 2023-03-23", "date: 23.3.2023", "date", 5, "write it as YYYY-MM-DD"),
        ("page: 6", "page: 0", "page", 6, "write a positive number or a label such as A2"),
        ("page: 6", "page: 第六版", "page", 6, "is not a page"),
        ("page: 6", "page: 6\nkind: feature", "kind", 7, "use one of news, brief, interview"),
        ("page: 6", "page: 6\nseq: -1", "seq", 7, "write a positive number"),
        ("page: 6", "page: 6\ncontinued_from: 头版", "continued_from", 7, "is not a page"),
        ("page: 6", "page: 6\ninferred: date", "inferred", 7, "is not a list"),
        ("page: 6", "page: 6\ninferred: [title]", "inferred", 7, "cannot be inferred"),
        ("page: 6", "page: 6\nchecksum: abc", "checksum", 7, "delete the line"),
        ("title: 许昌市开展网络举报宣传", "title: 2023", "title", 2, "put it in double quotes"),
        ("city: 许昌", 'city: ""', "city", 3, "is empty; write the city name"),
        ("paper: 许昌日报", "paper: [许昌日报]", "paper", 4, "is not text"),
        ("city: 许昌\n", "", "city", 1, "missing; add `city: …`"),
        ("title: 许昌市开展网络举报宣传\n", "", "title", 1, "`title: null` for an untitled"),
        ("date: 2023-03-23", "date: 2023-03-24", "date", 5, "does not match the file's folder"),
        ("page: 6", "page: 7", "page", 6, "write 6 or rename the file"),
        ("page: 6", "page: 6\nseq: 3", "seq", 7, "write 2 or delete the line"),
    ],
)
def test_each_problem_names_path_line_and_field(old, new, field, line, says):
    problems = check(with_line(old, new))
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{PATH}:{line}: {field}: ")
    assert says in problems[0]


def test_all_problems_are_reported_at_once():
    text = GOOD.replace("date: 2023-03-23", "date: 2023-13-01").replace("page: 6", "page: 0")
    assert [p.split(": ")[1] for p in check(text)] == ["date", "page"]


def test_title_may_be_null_for_photos():
    assert check(with_line("title: 许昌市开展网络举报宣传", "title: null\nkind: photo")) == []


def test_page_labels_are_pages():
    assert check(GOOD.replace("page: 6", "page: A2"),
                 "content/xuchang/ribao/2023/03/23/A2-02.md") == []


def test_files_outside_the_layout_skip_the_path_check():
    assert check(GOOD.replace("page: 6", "page: 9"), "notes/draft.md") == []


def test_unknown_fields_are_warnings_not_errors():
    text = with_line("page: 6", "page: 6\ntitel: 错字")
    doc = parse_document(text, PATH)
    assert validate(doc.front, PATH, doc.field_lines) == []
    [warning] = unknown_fields(doc.front, PATH, doc.field_lines)
    assert warning.startswith(f"{PATH}:7: titel: unknown field, ignored; check the spelling")


def test_defaults_fill_what_make_corpus_leaves_out():
    front = apply_defaults(parse_document(GOOD, PATH).front, PATH)
    assert list(front) == list(FIELD_ORDER)
    assert front["kind"] == "news"
    assert front["seq"] == 2  # from the file name 06-02.md
    assert front["date"] == dt.date(2023, 3, 23)
    assert front["section"] is None and front["kicker"] is None and front["inferred"] == []


def test_ordered_puts_known_fields_first():
    assert list(ordered({"note": 1, "page": 6, "title": "t"})) == ["title", "page", "note"]


def test_field_lines_scans_top_level_keys():
    text = "title: a\n  nested: b\ncity: 许昌\n# date: comment\ncity: again"
    assert field_lines(text) == {"title": 2, "city": 4}


def test_messages_are_one_line_each():
    text = GOOD.replace("date: 2023-03-23", "date: x").replace("page: 6", "page: y")
    assert all(re.fullmatch(rf"{re.escape(PATH)}:\d+: \w+: [^\n]+", p) for p in check(text))


# --- empty text: a title must be written or null; other text left empty means none -------


@pytest.mark.parametrize("title", ['""', "''", '"   "', '"\u3000"', '"\u202e\u2066"'])
def test_an_empty_title_is_a_problem(title):
    assert check(with_line("title: 许昌市开展网络举报宣传", f"title: {title}")) == [
        f"{PATH}:2: title: is empty; write the headline, or `title: null` for an untitled "
        "photo or brief"
    ]


@pytest.mark.parametrize("title", ["null", "", "~"])
def test_a_null_title_still_means_untitled(title):
    text = with_line("title: 许昌市开展网络举报宣传", f"title: {title}")
    assert check(text) == []
    assert apply_defaults(parse_document(text, PATH).front, PATH)["title"] is None


def test_empty_kicker_subtitle_byline_and_section_read_as_null():
    text = with_line("byline: 本报讯（记者 李新）",
                     'byline: ""\nkicker: "  "\nsubtitle: \'\'\nsection: ""')
    doc = parse_document(text, PATH)
    assert validate(doc.front, PATH, doc.field_lines) == []
    front = apply_defaults(doc.front, PATH)
    assert [front[k] for k in ("kicker", "subtitle", "byline", "section")] == [None] * 4
    assert apply_defaults({"byline": " 记者 李新 "}, PATH)["byline"] == " 记者 李新 "  # kept as is


@pytest.mark.parametrize("title", ["", "  ", None])
def test_the_ingest_writes_no_empty_title(title):
    meta = PageMeta(city="许昌", paper="许昌日报", date=dt.date(2023, 3, 23), page=6)
    front = build_front(meta, Article(title=title, paragraphs=["正文。"]), 2, "raw/p.txt")
    assert front["title"] is None
    assert validate(front, PATH, {}) == []
    assert build_front(meta, Article(title="标题"), 2, "raw/p.txt")["title"] == "标题"
