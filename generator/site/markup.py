"""Article bodies (Markdown from OCR, corrected by editors) → safe HTML.

OCR text is untrusted: raw HTML is never passed through (it is shown as text),
and links or images may only point to http(s), mailto or site-relative URLs.
Most bodies are plain paragraphs without any Markdown syntax; those skip the
Markdown parser, which is the most expensive step of a build.
"""

from __future__ import annotations

import html
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


def body_html(body: str) -> str:
    """Render an article body. Plain paragraphs take the fast path."""
    if not _SYNTAX_RE.search(body):
        return "\n".join(f"<p>{html.escape(p.strip(), quote=False)}</p>"
                         for p in body.split("\n\n") if p.strip())
    return _markdown().convert(body)


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


def excerpt(body: str, length: int = 90) -> str:
    """The first words of a body as plain text, for lists, feeds and meta descriptions."""
    text = re.sub(r"(?m)^\s*(?:>+|#+)|[*_`\[\]]+|\s+", " ", body[: length * 3]).strip()
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= length else text[:length].rstrip() + "……"
