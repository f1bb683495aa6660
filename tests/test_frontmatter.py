"""Content files are YAML front matter between `---` fences, then the body."""

import datetime as dt

import pytest

from generator.content.frontmatter import parse, parse_document, render
from generator.errors import ArchiveError

TRICKY = {
    "title": '许昌：创文 "攻坚" 进行时: 第二阶段',
    "kicker": "---",
    "subtitle": "<script>alert('x')</script>",
    "byline": "本报记者 王星星 'single' 通讯员: 李新",
    "page": "08",  # a string that looks like a number stays a string
    "section": "yes",  # YAML 1.1 would read this as true
}


def test_round_trip_keeps_every_value_exactly():
    body = "第一段。\n\n---\n\n<script>alert(1)</script>\n\ntitle: 不是字段"
    front, parsed_body, body_line = parse(render(TRICKY, body), "a.md")
    assert front == TRICKY
    assert parsed_body == body
    assert body_line == len(TRICKY) + 4  # fence, keys, fence, blank line, then the body


def test_render_is_readable_yaml_in_the_given_order():
    front = {"title": "许昌新闻", "city": "许昌", "date": dt.date(2023, 3, 5), "page": 6}
    text = render(front, "正文")
    assert text == "---\ntitle: 许昌新闻\ncity: 许昌\ndate: 2023-03-05\npage: 6\n---\n\n正文\n"


def test_long_values_are_not_folded():
    title = "长" * 300
    assert f"title: {title}\n" in render({"title": title}, "")


def test_datetimes_are_written_as_dates():
    assert "date: 2023-03-05\n" in render({"date": dt.datetime(2023, 3, 5, 8, 30)}, "")


def test_dates_and_numbers_are_read_without_yaml_11_surprises():
    text = "---\ndate: 2023-13-01\npage: 010\nok: on\n---\nbody\n"
    front, _, _ = parse(text, "a.md")
    assert front == {"date": "2023-13-01", "page": 10, "ok": "on"}


def test_field_lines_count_from_the_opening_fence():
    doc = parse_document("---\ntitle: 标题\n\ncity: 许昌\n---\n\n\n正文\n", "a.md")
    assert doc.field_lines == {"title": 2, "city": 4}
    assert doc.end_line == 5
    assert doc.body_line == 8


def test_windows_line_endings_and_a_bom_are_accepted():
    front, body, _ = parse("\ufeff---\r\ntitle: 标题\r\n---\r\n\r\n正文\r\n", "a.md")
    assert front == {"title": "标题"}
    assert body == "正文"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title: 标题\n", "a.md:1: no front matter; start the file with a line '---'"),
        ("---\ntitle: 标题\n", "a.md:1: front matter is not closed; add a line '---'"),
        ("---\ntitle: 标题\nbyline: 记者: 王星星\n---\n",
         "a.md:3: not valid YAML (mapping values are not allowed"),
        ('---\ntitle: "引号" 之后\n---\n', "a.md:2: not valid YAML"),
        ("---\n- 标题\n---\n", "a.md:2: front matter must be `key: value` lines"),
        ("---\ntitle: 一\ncity: 许昌\ntitle: 二\n---\n",
         "a.md:4: title: appears twice (first on line 2); keep one"),
    ],
)
def test_malformed_files_name_the_line_and_the_fix(text, expected):
    with pytest.raises(ArchiveError) as err:
        parse(text, "a.md")
    assert str(err.value).startswith(expected)
    assert "\n" not in str(err.value)
