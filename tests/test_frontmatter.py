"""Content files are YAML front matter between `---` fences, then the body."""

import datetime as dt
from pathlib import Path

import pytest

from generator.config import load_config
from generator.content import frontmatter
from generator.content.frontmatter import MAX_DEPTH, parse, parse_document, render
from generator.content.reader import read_article
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


# --- hostile YAML: every YAML file is read by load_yaml, which refuses what would ---------
# --- take the machine down before anything is built -------------------------------------


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """YAML whose aliases stand for width**levels values (9**9: 387 million).

    A loader that expands or walks it (key lines, messages that quote a value)
    needs gigabytes and hours; a safe one stops at the first `*`.
    """
    lines = ["l0: &l0 {" + ", ".join(f"k{i}: lol" for i in range(width)) + "}"]
    for n in range(1, levels):
        refs = ", ".join(f"k{i}: *l{n - 1}" for i in range(width))
        lines.append(f"l{n}: &l{n} {{{refs}}}")
    lines.append(f"title: [{', '.join([f'*l{levels - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


ALIAS_MESSAGE = ("YAML aliases (*l0) are not allowed here; write the value out (and put "
                 "text that starts with * in double quotes)")


def article(tmp_path, front: str) -> Path:
    path = tmp_path / "xuchang/ribao/2023/03/23/06-01.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\n\n正文\n", encoding="utf-8")
    return path


def refused(text: str) -> str:
    with pytest.raises(ArchiveError) as err:
        parse(text, "a.md")
    message = str(err.value)
    assert "\n" not in message
    return message


def test_an_alias_bomb_in_front_matter_is_a_problem_of_the_file(tmp_path):
    path = article(tmp_path, "city: 许昌\n" + alias_bomb())
    front, body, problems = read_article(path, tmp_path)
    assert (front, body) == ({}, "")
    assert problems == [f"{path}:4: {ALIAS_MESSAGE}"]  # fence, city, l0, then l1's first *l0


@pytest.mark.parametrize(
    "front",
    [
        "base: &b {city: 许昌}\nother:\n  <<: *b\n",  # a merge key is an alias too
        "title: *note\n",  # text that starts with *
        "city: &c 许昌\npaper: *c\n",
    ],
)
def test_any_alias_is_refused_with_its_line(front):
    name = front.split("*")[1].split()[0].rstrip("\n")
    line = 1 + front[: front.index("*")].count("\n") + 1
    assert refused(f"---\n{front}---\n") == (
        f"a.md:{line}: YAML aliases (*{name}) are not allowed here; write the value out (and "
        "put text that starts with * in double quotes)"
    )


def test_text_that_starts_with_a_star_is_told_to_be_quoted():
    assert refused("---\ntitle: *重要* 通知\n---\n").endswith(
        "put text that starts with * or & in double quotes")


def test_an_anchor_without_an_alias_is_harmless():
    front, _, _ = parse("---\ntitle: &t 标题\ninferred: &i [date]\n---\n", "a.md")
    assert front == {"title": "标题", "inferred": ["date"]}


@pytest.mark.parametrize(("opening", "closing"), [("[", "]"), ("{a: ", "}"), ("[{b: ", "}]")])
def test_thousands_of_levels_of_flow_nesting_are_a_message_not_a_recursion_error(
    opening, closing
):
    levels = 10_000 // len(opening)  # within the size limit
    message = refused(f"---\ntitle: {opening * levels}x{closing * levels}\n---\n")
    assert message.startswith("a.md:2: ")
    assert "check the brackets" in message


def test_deep_block_nesting_names_the_line_past_the_limit():
    levels = "".join(" " * i + "-\n" for i in range(300))
    assert refused(f"---\ntitle: 标题\nnote:\n{levels}---\n") == (
        f"a.md:{4 + MAX_DEPTH - 1}: lists or mappings nested more than {MAX_DEPTH} levels "
        "deep; no value here needs more than three: check the brackets, and put text that "
        "starts with [ or { in double quotes"
    )


def test_nesting_up_to_the_limit_is_read():
    # The front matter is the first level, so MAX_DEPTH - 1 lists fit inside it.
    inner = "[" * (MAX_DEPTH - 1) + "x" + "]" * (MAX_DEPTH - 1)
    front, _, _ = parse(f"---\nnote: {inner}\n---\n", "a.md")
    value = front["note"]
    for _ in range(MAX_DEPTH - 2):
        value = value[0]
    assert value == ["x"]
    assert "nested more than" in refused(f"---\nnote: [{inner}]\n---\n")


def test_oversized_front_matter_is_refused_even_when_simple():
    message = refused("---\ntitle: " + "长" * 25_000 + "\n---\n正文\n")  # 75,007 bytes
    assert message == (
        "a.md:2: front matter is 74 KB, more than the 64 KB allowed; an article has a few "
        "short fields: keep long text in the body, below the closing '---'"
    )


def test_front_matter_just_under_the_limit_is_read():
    title = "长" * 21_000  # 63,007 bytes with its key
    front, _, _ = parse(f"---\ntitle: {title}\n---\n", "a.md")
    assert front == {"title": title}


def test_too_many_values_are_refused():
    message = refused("---\nnote: [" + ",".join(["1"] * 6000) + "]\n---\n")
    assert message.startswith("a.md:2: front matter has more than 5,000 values; ")


def test_a_long_body_is_not_front_matter():
    front, body, _ = parse("---\ntitle: 标题\n---\n\n" + "长" * 200_000, "a.md")
    assert front == {"title": "标题"} and len(body) == 200_000


def test_ingest_style_files_do_not_need_the_yaml_parser(monkeypatch):
    def no_parser(*args, **kwargs):
        raise AssertionError("the fast path should have read this")

    monkeypatch.setattr(frontmatter, "load_yaml", no_parser)
    text = render({"title": "许昌新闻", "kicker": None, "city": "许昌", "date": dt.date(2023, 3, 5),
                   "page": 6, "inferred": ["date", "page"]}, "正文")
    assert parse(text, "a.md")[0]["inferred"] == ["date", "page"]


def test_a_number_python_will_not_convert_stays_text():
    digits = "9" * 5000
    front, _, _ = parse(f"---\nnote: {digits}\nseq: 3\n---\n", "a.md")
    assert front == {"note": digits, "seq": 3}
    front, _, _ = parse(f"---\nnote: {digits}\nlist: [a]\nseq: 3\n---\n", "a.md")
    assert front["note"] == digits


# --- the config file goes through the same loader ------------------------------------------


def config_error(tmp_path, text: str) -> str:
    path = tmp_path / "site.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ArchiveError) as err:
        load_config(path)
    assert "\n" not in str(err.value)
    return str(err.value).replace(str(path), "site.yaml")


def test_an_alias_bomb_in_the_config_is_refused(tmp_path):
    assert config_error(tmp_path, alias_bomb()) == f"site.yaml:2: {ALIAS_MESSAGE}"


def test_deep_nesting_in_the_config_is_refused(tmp_path):
    message = config_error(tmp_path, "city_slugs: " + "{a: " * 10000 + "b" + "}" * 10000)
    assert message.startswith("site.yaml:1: ") and "check the brackets" in message


def test_an_oversized_config_is_refused_before_it_is_read(tmp_path):
    message = config_error(tmp_path, "title: 档案\n" + "# 注释\n" * 125_000)  # 1.1 MB
    assert message == ("site.yaml:1: the config file is 1.1 MB, more than the 1 MB allowed; "
                       "it holds a few settings (title, base_url, …): check that it is the "
                       "right file")


def test_config_keys_keep_their_lines_and_may_not_repeat(tmp_path):
    message = config_error(tmp_path, "title: 档案\nbase_url: ftp://example.org\n")
    assert message.startswith("site.yaml:2: base_url: ")
    assert config_error(tmp_path, "title: 一\ntitle: 二\n") == (
        "site.yaml:2: title: appears twice (first on line 1); keep one")
    assert config_error(tmp_path, "1: 一\n").startswith("site.yaml:1: 1 is not a setting name")
