"""Article bodies (Markdown from OCR, corrected by editors) → safe HTML.

OCR text is untrusted: raw HTML is never passed through (it is shown as text),
and links or images may only point to http(s), mailto or site-relative URLs.
Most bodies are plain paragraphs without any Markdown syntax; those skip the
Markdown parser, which is the most expensive step of a build.

Any text must render, in time about proportional to its length. The Markdown
parser recurses once per level of nesting (lists, quotes), reads from every `[`
to the end of the paragraph when nothing closes it, and slows down with the
square of the inline elements in a document. So a paragraph nested more than
MAX_NESTING levels deep, with more than MAX_MARKS inline marks, or with brackets
that would be read over and over (LINK_SCAN) is shown as plain escaped text,
while the paragraphs around it are still rendered as Markdown; a body with more
than MAX_BODY_MARKS marks is plain text throughout. Plain text is what the OCR
read, escaped, so nothing is lost but the formatting.
"""

from __future__ import annotations

import html
import itertools
import re
import xml.etree.ElementTree as etree
from urllib.parse import urlparse

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# Anything that could make Markdown do more than make paragraphs.
# (`<`, `>` and `&` need no parser: escaping them is exactly what safe Markdown does.)
_SYNTAX_RE = re.compile(r"[*_`\[\]\\]|^\s*(?:[-+>=#]|\d+[.)]\s|\s{4}|\t)", re.MULTILINE)
_SAFE_SCHEMES = {"http", "https", "mailto", ""}

# Levels of nesting (quote marks, list markers, 4 columns of indentation) a line may
# have before its paragraph is shown as plain text. Articles use two or three; the
# parser manages about two hundred before it runs out of stack.
MAX_NESTING = 16
# Link, emphasis, code and line-break marks in one paragraph, and in a whole body: a
# paragraph with more is plain text, and so is a body with more (the parser's work
# grows with the square of the inline elements in a document).
MAX_MARKS = 500
MAX_BODY_MARKS = 10_000
# The link parser reads from every `[` to its `]`, and from a `(` after it to the `)`,
# going to the end of the paragraph when there is none: a paragraph of `[[[[…` is
# read a square number of times. A paragraph whose links would make it read more
# than LINK_SCAN times its length (plus a little) is plain text; links as people
# write them read each character once or twice.
LINK_SCAN = 8

_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n")
# What opens a line: indentation, quote marks, list markers.
_PREFIX_RE = re.compile(r"^(?:[ \t]|>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))+", re.MULTILINE)
_LIST_MARKER_RE = re.compile(r"[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)")
_MARK_RE = re.compile(r"[*_`\[\]\\<&!]| {2,}\n")
_LINK_CHAR_RE = re.compile(r"[\[\]()'\"]")


def body_html(body: str) -> str:
    """Render an article body. Plain paragraphs take the fast path."""
    if not _SYNTAX_RE.search(body) or _marks_over(body, MAX_BODY_MARKS):
        return _plain_html(body)
    chunks = _PARAGRAPH_BREAK_RE.split(body)
    complex_ = [_too_complex(chunk) for chunk in chunks]
    if not any(complex_):
        return _markdown_html(body)
    # Markdown for runs of ordinary paragraphs, plain text for the others.
    out: list[str] = []
    run: list[str] = []
    for chunk, plain in zip(chunks, complex_, strict=True):
        if plain:
            if run:
                out.append(_markdown_html("\n\n".join(run)))
                run = []
            out.append(_plain_html(chunk))
        else:
            run.append(chunk)
    if run:
        out.append(_markdown_html("\n\n".join(run)))
    return "\n".join(part for part in out if part)


def _plain_html(text: str) -> str:
    return "\n".join(f"<p>{html.escape(p.strip(), quote=False)}</p>"
                     for p in text.split("\n\n") if p.strip())


def _markdown_html(text: str) -> str:
    global _MD
    try:
        return _markdown().convert(text)
    except RecursionError:
        # Nesting the checks above do not foresee, or a caller already deep in the
        # stack: plain text is always safe. The converter is rebuilt for the next body.
        _MD = None
        return _plain_html(text)


def _too_complex(chunk: str) -> bool:
    """Whether a paragraph would nest or mark up beyond what the parser handles well."""
    if _marks_over(chunk, MAX_MARKS):
        return True
    if "[" in chunk and _link_scan(chunk) > LINK_SCAN * len(chunk) + 256:
        return True
    for m in _PREFIX_RE.finditer(chunk):
        prefix = m.group()
        if len(prefix) < 4:
            continue
        depth = prefix.count(">") + len(_LIST_MARKER_RE.findall(prefix))
        depth += prefix.expandtabs(4).count(" ") // 4
        if depth > MAX_NESTING:
            return True
    return False


_TAG_RE = re.compile(r"<[^>]+>")


def body_text(body: str) -> str:
    """The text a reader sees of a body, one paragraph a line: what search indexes."""
    if not _SYNTAX_RE.search(body):
        return "\n".join(p.strip() for p in body.split("\n\n") if p.strip())
    rendered = body_html(body).replace("</p>", "</p>\n").replace("</li>", "</li>\n")
    return html.unescape(_TAG_RE.sub("", rendered))


def safe_url(url: str) -> bool:
    """http(s), mailto and relative URLs only: no javascript:, data:, vbscript:."""
    cleaned = re.sub(r"[\x00-\x20]+", "", html.unescape(url)).lower()
    return urlparse(cleaned).scheme in _SAFE_SCHEMES and not cleaned.startswith("//")


class _SafeLinks(Treeprocessor):
    """Drop unsafe href/src values and any event-handler attribute."""

    def run(self, root: etree.Element) -> None:
        for el in root.iter():
            for attr in list(el.attrib):
                if attr.startswith("on"):
                    del el.attrib[attr]
                elif attr in ("href", "src") and not safe_url(el.attrib[attr]):
                    el.attrib[attr] = "#"


class SafeExtension(Extension):
    """Markdown without raw HTML and with safe links."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "safe_links", 0)


_MD: markdown.Markdown | None = None


def _markdown() -> markdown.Markdown:
    """One converter per process, reset between documents."""
    global _MD
    if _MD is None:
        _MD = markdown.Markdown(extensions=[SafeExtension()], output_format="html")
    return _MD.reset()


def _marks_over(text: str, limit: int) -> bool:
    """Whether text has more than limit marks (stops counting there)."""
    return next(itertools.islice(_MARK_RE.finditer(text), limit, None), None) is not None


def _link_scan(chunk: str) -> int:
    """About how many characters the link parser reads in one paragraph (linear time).

    From each `[` to its matching `]`, or to the end when it has none; from a `(`
    right after `]` to its matching `)`, or to the end when there is none or a quote
    mark comes first (the parser then looks for a link title).
    """
    end = len(chunk)
    total = 0
    squares: list[int] = []
    parens: list[tuple[int, bool]] = []  # where a `(` is, and whether a link opens there
    last_quote = -1
    for m in _LINK_CHAR_RE.finditer(chunk):
        char, pos = m.group(), m.start()
        if char == "[":
            squares.append(pos)
        elif char == "]":
            if squares:
                total += pos - squares.pop()
        elif char == "(":
            parens.append((pos, pos > 0 and chunk[pos - 1] == "]"))
        elif char == ")":
            if parens:
                start, link = parens.pop()
                if link:
                    total += end - start if last_quote > start else pos - start
        else:
            last_quote = pos
    total += sum(end - pos for pos in squares)
    total += sum(end - pos for pos, link in parens if link)
    return total


def excerpt(body: str, length: int = 90) -> str:
    """The first words of a body as plain text, for lists, feeds and meta descriptions:
    the text a reader sees (Markdown rendered), so an asterisk or a bracket the OCR read
    stays where it was printed."""
    text = re.sub(r"\s+", " ", body_text(body[: length * 3])).strip()
    return text if len(text) <= length else text[:length].rstrip() + "……"
