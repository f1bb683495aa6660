"""What segmentation produces: articles and the layout noise it set aside."""

from __future__ import annotations

from dataclasses import dataclass, field

PageRef = int | str  # a page number, or a label such as "A2" when the paper prints one


@dataclass
class Article:
    """One article as printed; every field holds repaired text, never raw OCR lines."""

    kind: str = "news"  # news, brief, interview, photo, table, notice
    title: str | None = None
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    continued_from: PageRef | None = None
    continues_on: PageRef | None = None
    line: int = 0  # 1-based line of the page where the article's text starts
    # How sure the segmenter is of this article (0–1), and what it doubted, in words.
    confidence: float = 1.0
    doubts: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        """Paragraphs separated by one blank line, as in the content file."""
        return "\n\n".join(self.paragraphs)

    def to_json(self) -> dict:
        """The record printed by `archive segment --json`."""
        return {
            "kind": self.kind,
            "title": self.title,
            "kicker": self.kicker,
            "subtitle": self.subtitle,
            "byline": self.byline,
            "body": self.body,
            "continued_from": self.continued_from,
            "continues_on": self.continues_on,
            "segmentation": self.segmentation,
        }

    @property
    def segmentation(self) -> dict:
        """What the front matter records of how this article was segmented."""
        return {"confidence": round(self.confidence, 2), "doubts": list(self.doubts)}


@dataclass
class Noise:
    """Text that is layout, not article: a banner, a column label, a QR caption."""

    text: str
    line: int
    reason: str


@dataclass
class SegmentedPage:
    """The result of segmenting one page."""

    articles: list[Article]
    noise: list[Noise] = field(default_factory=list)
    section: str | None = None  # section banner printed on the page, if any
    warnings: list[str] = field(default_factory=list)  # e.g. broken characters, with lines
