"""Article bodies → safe HTML: any text renders, safely, without running out of stack.

The hostile bodies below make the Markdown parser recurse past Python's limit
or read the same characters over and over (a square number of times). They must
render like any other body: escaped text, no raw HTML, no exception.
"""

import html
import re
import sys

import pytest

from generator.site import markup
from generator.site.markup import MAX_NESTING, body_html, body_text

SCRIPT = "<script>alert(1)</script>"
# What rendered Markdown may contain; <script>, <img onerror>, <a href=javascript:> may not.
ALLOWED_TAGS = {"p", "ul", "ol", "li", "blockquote", "em", "strong", "code", "pre", "a", "img",
                "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br"}

HOSTILE = {
    "list markers on one line, 10k deep": "- " * 10_000 + SCRIPT,
    "numbered markers on one line, 10k deep": "1. " * 10_000 + SCRIPT,
    "indented list, 2k deep": "\n".join("\t" * i + f"- {SCRIPT}" for i in range(2_000)),
    "indented quotes, 2k deep": "\n".join("\t" * i + f"> {SCRIPT}" for i in range(2_000)),
    "quote marks, 10k deep": ">" * 10_000 + " " + SCRIPT,
    "spaced quote marks, 10k deep": "> " * 10_000 + SCRIPT,
    "quote and list, 5k deep": "> - " * 5_000 + SCRIPT,
    "quote lines, each deeper": "\n".join(">" * i + " x" for i in range(1, 2_000)),
    "50k stars": "*" * 50_000,
    "50k underscores": "_" * 50_000,
    "50k brackets": "[" * 50_000 + SCRIPT,
    "50k closing brackets": "]" * 50_000,
    "50k backticks": "`" * 50_000,
    "50k backslashes": "\\" * 50_000,
    "nested emphasis": "*_" * 25_000 + "x" + "_*" * 25_000,
    "nested links": "[" * 20_000 + "x" + "](http://a)" * 20_000,
    "nested images": "![" * 20_000 + "x" + "]" * 20_000,
    "open link targets": "[x](" * 12_000 + SCRIPT,
    "titled link targets": '[a]("' * 10_000 + ")" * 10_000,
    "brackets far apart": ("[" + "长" * 5_000) * 200,
    "one long line": "**粗体** " + "长" * 1_000_000 + SCRIPT,
    "many links in one paragraph": "[链接](http://example.org) " * 20_000,
    "hard line breaks": "*x*\n" + "行  \n" * 50_000,
    "a paragraph of marks each": "\n\n".join(["*_" * 50 + SCRIPT + "_*" * 50] * 2_000),
}


def tags(rendered: str) -> set[str]:
    return {m.lower() for m in re.findall(r"</?\s*([A-Za-z][A-Za-z0-9]*)", rendered)}


def assert_safe(rendered: str) -> None:
    assert tags(rendered) <= ALLOWED_TAGS, tags(rendered) - ALLOWED_TAGS
    assert "<script" not in rendered.lower()
    assert not re.search(r"\son\w+\s*=", rendered)
    assert "javascript:" not in rendered.lower().replace("&lt;", "<")


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_bodies_render_as_safe_html(name):
    body = HOSTILE[name]
    rendered = body_html(body)
    assert_safe(rendered)
    if SCRIPT in body:
        assert html.escape(SCRIPT, quote=False) in rendered
    text = body_text(body)
    assert "<p>" not in text
    if SCRIPT in body:
        assert SCRIPT in text  # search indexes the text as the reader sees it


def test_ordinary_markdown_still_renders():
    body = ("第一段**加粗**和*强调*，[链接](https://example.org)。\n\n"
            "- 一\n- 二\n    - 二之一\n\n"
            "> 引文\n> > 引文中的引文\n\n"
            "1. 甲\n2. 乙")
    rendered = body_html(body)
    assert "<strong>加粗</strong>" in rendered and "<em>强调</em>" in rendered
    assert '<a href="https://example.org">链接</a>' in rendered
    assert rendered.count("<ul>") == 2 and rendered.count("<blockquote>") == 2
    assert "<ol>" in rendered


def test_nesting_up_to_the_limit_is_markdown():
    deep = "\n".join("    " * i + f"- 第{i}层" for i in range(8))
    assert body_html(deep).count("<ul>") == 8
    quotes = ">" * (MAX_NESTING - 1) + " 引文"
    assert body_html(quotes).count("<blockquote>") == MAX_NESTING - 1


def test_a_hostile_paragraph_is_plain_text_and_its_neighbours_stay_markdown():
    body = ("前文**加粗**。\n\n"
            + ">" * 5_000 + SCRIPT + "\n\n"
            + "[" * 3_000 + "\n\n"
            + "后文[链接](javascript:alert(1))和*强调*。")
    rendered = body_html(body)
    assert_safe(rendered)
    assert rendered.startswith("<p>前文<strong>加粗</strong>。</p>")
    assert f"<p>{'&gt;' * 5_000}{html.escape(SCRIPT, quote=False)}</p>" in rendered
    assert f"<p>{'[' * 3_000}</p>" in rendered
    assert '<a href="#">链接</a>' in rendered and "<em>强调</em>" in rendered


def test_a_body_full_of_marks_is_plain_text_throughout():
    body = "\n\n".join(["*强调* " * 10] * 2_000) + "\n\n" + SCRIPT
    rendered = body_html(body)
    assert "<em>" not in rendered
    assert rendered.count("<p>") == 2_001
    assert rendered.endswith(f"<p>{html.escape(SCRIPT, quote=False)}</p>")


def test_running_out_of_stack_falls_back_to_plain_text():
    """Called with little stack left (as deep in a caller), the parser cannot recurse."""
    body = "\n".join("    " * i + f"- 第{i}层{SCRIPT}" for i in range(12))
    depth = 0
    frame = sys._getframe()
    while frame is not None:
        depth, frame = depth + 1, frame.f_back
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(depth + 60)
    try:
        rendered = body_html(body)
    finally:
        sys.setrecursionlimit(limit)
    assert "<ul>" not in rendered
    assert_safe(rendered)
    assert html.escape(SCRIPT, quote=False) in rendered
    assert "<ul>" in body_html(body)  # the converter works again afterwards


def test_link_scan_counts_what_the_parser_reads():
    assert markup._link_scan("[链接](http://example.org)") < 30
    assert markup._link_scan("[" * 100) == sum(range(1, 101))
    assert markup._link_scan('[a]("' + "x" * 100 + ")") > 100


def test_an_excerpt_is_the_text_a_reader_sees():
    """Markdown is rendered, not stripped: a bracket or a lone asterisk the OCR read stays."""
    excerpt = markup.excerpt
    assert excerpt("> 引文\n\n正文第一段") == "引文 正文第一段"
    assert excerpt("价格为[3]元，增长5*2倍") == "价格为[3]元，增长5*2倍"
    assert excerpt("甲" * 200).endswith("……") and len(excerpt("甲" * 200)) == 92
