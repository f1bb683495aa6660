"""Read one article file for the site build: front matter with defaults, body, problems.

Problems are returned, not raised, so a build can list every broken file at
once instead of stopping at the first.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.content import frontmatter, schema
from generator.errors import ArchiveError
from generator.ingest.repair import strip_invisible

MAX_ARTICLE_CHARS = 2_000_000  # a whole page dump is a few hundred KB; this is no article


def read_article(
    path: Path, root: Path, warnings: list[str] | None = None
) -> tuple[dict[str, Any], str, list[str]]:
    """(front matter with defaults applied, body, problems) for one content file.

    Problems are `path:line: field: …` messages; when the file cannot be read or
    its front matter does not parse, front is {} and body is "". Unknown fields
    and a missing raw page (`source`) are not problems: pass a list as warnings
to collect them. root is the content root `source` is relative to.
    """
    shown = display_path(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        return {}, "", [f"{shown}:1: not UTF-8 text ({e.reason} at byte {e.start}); "
                        "save it as UTF-8"]
    except OSError as e:
        return {}, "", [f"{shown}:1: cannot read ({e.strerror}); check the file"]
    # Bidi controls and zero-width characters, as ingest removes them from what it writes:
    # from an editor's file too, so that no text can reorder what a reader sees.
    text = strip_invisible(text)
    if len(text) > MAX_ARTICLE_CHARS:
        return {}, "", [f"{shown}:1: {len(text) / 1e6:.1f} million characters is too long for "
                        "one article (at most 2 million); split it into several files"]
    try:
        doc = frontmatter.parse_document(text, shown)
    except ArchiveError as e:
        return {}, "", [str(e)]
    problems = schema.validate(doc.front, shown, doc.field_lines)
    if warnings is not None:
        warnings.extend(schema.unknown_fields(doc.front, shown, doc.field_lines))
        source = doc.front.get("source")
        if isinstance(source, str) and not (Path(root) / source).is_file():
            warnings.append(f"{shown}:{doc.field_lines.get('source', 1)}: source: {source} is "
                            f"not in {display_path(root)}/; re-ingest the page or delete the line")
    return schema.apply_defaults(doc.front, shown), doc.body, problems


def display_path(path: Path | str) -> str:
    """The path as messages show it: `content/xuchang/2023/03/23/06-02.md`.

    Relative to the current folder when the file is under it (as the user
    typed it), with forward slashes, which the layout check expects. Plain
    string work: a build calls this for every file.
    """
    text = os.fspath(path)
    if os.path.isabs(text):
        cwd = os.getcwd()
        if text.startswith(cwd + os.sep):
            text = text[len(cwd) + 1:]
    return text.replace(os.sep, "/")


def first_field(folder: Path, field: str) -> str | None:
    """A text field (`city`, `paper`) of the first article file under folder, if any:
    what a city or paper folder already holds."""
    for path in articles_under(folder):
        try:
            front, _, _ = frontmatter.parse(path.read_text(encoding="utf-8"), str(path))
        except (ArchiveError, OSError, UnicodeDecodeError):
            continue
        value = front.get(field)
        if isinstance(value, str):
            return value
    return None


def articles_under(folder: Path) -> Iterator[Path]:
    """Article files under folder, depth first in name order, lazily: the first one
    is found without listing an archive of a hundred thousand files."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from articles_under(Path(entry.path))
        elif entry.name.endswith(".md") and "-" in entry.name:
            yield Path(entry.path)
