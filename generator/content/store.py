"""Write a page's articles into content/ without ever losing an editor's correction.

Every file the ingest writes carries `checksum:`, a hash of the file as written
(minus the checksum line itself). On a later ingest of the same page:

- a file whose text still matches its checksum is the ingest's own: it is
  replaced when the new text differs, left alone (not even touched) when it is
  the same, and removed when the page no longer produces that article;
- a file whose text does not match (an editor changed it), or that has no
  checksum (written by hand), or that does not parse, belongs to the editor:
  it is kept as it is and reported, whatever the ingest now produces.

Delete a kept file to let the next ingest write it again. Each file is written to a
temporary file in its folder and renamed over the target, so a crash or ^C
never leaves a half-written file.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.content import frontmatter, schema
from generator.content.metadata import PageMeta
from generator.content.slug import (
    article_path,
    issue_dir,
    page_source_path,
    page_stem,
    paper_path,
)
from generator.errors import ArchiveError
from generator.ingest.article import Article

EDITED = "edited by hand"
HAND_WRITTEN = "written by hand (no checksum)"
UNPARSABLE = "front matter does not parse"
_CHECKSUM_LINE = re.compile(r"^checksum\s*:")


@dataclass
class WriteReport:
    """What write_page did, file by file (paths under the content root)."""

    source: str = ""  # the page file the articles came from, for messages
    written: list[Path] = field(default_factory=list)  # created or replaced
    unchanged: list[Path] = field(default_factory=list)  # same text already there
    kept: list[Path] = field(default_factory=list)  # an editor's file, left alone
    removed: list[Path] = field(default_factory=list)  # unedited, no longer produced
    reasons: dict[Path, str] = field(default_factory=dict)  # why each kept file was kept

    def lines(self, root: Path | None = None) -> list[str]:
        """One line per file that was written, kept or removed (unchanged ones are quiet)."""
        def show(p: Path) -> str:
            return str(p.relative_to(root)) if root and p.is_relative_to(root) else str(p)

        out = [f"wrote {show(p)}" for p in self.written]
        out += [f"kept {show(p)}: {self.reasons.get(p, EDITED)}" for p in self.kept]
        out += [f"removed {show(p)}: no longer produced by the ingest" for p in self.removed]
        return out

    def summary(self) -> str:
        """e.g. `000.txt: 5 written, 0 unchanged, 1 kept (edited by hand), 0 removed`."""
        return (f"{self.source}: {len(self.written)} written, {len(self.unchanged)} unchanged, "
                f"{len(self.kept)} kept (edited by hand), {len(self.removed)} removed")


def write_page(
    content_root: Path,
    meta: PageMeta,
    page_text: str,
    source_name: str,
    articles: list[Article],
    *,
    slug_overrides: dict[str, str] | None = None,
    paper_overrides: dict[str, str] | None = None,
) -> WriteReport:
    """Write one page's articles (and its raw text beside them) under content_root.

    page_text is the decoded original page, kept verbatim as <PP>.txt;
    source_name is the page file's name as the user knows it, for the report.
    ArchiveError before anything is written if the target folder is not writable.
    """
    root = Path(content_root)
    slug = paper_path(meta.city, meta.paper, slug_overrides, paper_overrides)
    source_path = page_source_path(root, slug, meta.date, meta.page)
    source_rel = source_path.relative_to(root).as_posix()
    planned = {}
    for seq, article in enumerate(articles, start=1):
        path = article_path(root, slug, meta.date, meta.page, seq)
        planned[path] = render_article(build_front(meta, article, seq, source_rel),
                                       article.body, path.relative_to(root).as_posix())
    folder = issue_dir(root, slug, meta.date)
    check_writable(folder)
    _mkdir(folder)

    report = WriteReport(source=source_name)
    for path, text in planned.items():
        current = _read(path)
        if current is None:
            _write(path, text)
            report.written.append(path)
        elif current == text:
            report.unchanged.append(path)
        elif (reason := editor_reason(current, _rel(root, path))) is None:
            _write(path, text)
            report.written.append(path)
        else:
            report.kept.append(path)
            report.reasons[path] = reason

    if _read(source_path) == page_text:
        report.unchanged.append(source_path)
    else:
        _write(source_path, page_text)
        report.written.append(source_path)

    for path in _page_articles(folder, meta.page):
        if path in planned:
            continue
        reason = editor_reason(_read(path) or "", _rel(root, path))
        if reason is None:
            _remove(path)
            report.removed.append(path)
        else:
            report.kept.append(path)
            report.reasons[path] = f"{reason}; the ingest no longer produces it"
    return report


def build_front(meta: PageMeta, article: Article, seq: int, source: str) -> dict[str, Any]:
    """An article's front matter, in FIELD_ORDER, without the checksum."""
    return {
        "title": article.title,
        "kicker": article.kicker,
        "subtitle": article.subtitle,
        "byline": article.byline,
        "kind": article.kind,
        "city": meta.city,
        "paper": meta.paper,
        "date": meta.date,
        "page": meta.page,
        "seq": seq,
        "section": meta.section,
        "continued_from": article.continued_from,
        "continues_on": article.continues_on,
        "source": source,
        "inferred": list(meta.inferred),
    }


def render_article(front: dict[str, Any], body: str, rel: str | None = None) -> str:
    """The file text with its checksum for its place rel (its path under content/);
    ValueError if the front matter would not validate.

    A failure here is a bug upstream (e.g. an unknown kind from the segmenter),
    so it is not an ArchiveError: we never write a file the reader rejects.
    """
    front = {k: v for k, v in front.items() if k != "checksum"}
    problems = schema.validate(front, "<article>", {})
    if problems:
        raise ValueError("; ".join(problems))
    draft = frontmatter.render(schema.ordered(front), body)
    return frontmatter.render(schema.ordered({**front, "checksum": checksum_of(draft, rel)}),
                              body)


def checksum_of(text: str, rel: str | None = None) -> str:
    """The checksum a file's text should carry at its place rel: sha256 of the text minus
    the checksum line, and of the place, so that a copy or a renamed file (an editor
    splitting or moving an article) no longer counts as the ingest's own. rel None is
    the form before checksums covered the place (read only by `archive migrate`)."""
    lines = text.split("\n")
    if lines and lines[0].rstrip() == frontmatter.FENCE:
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == frontmatter.FENCE),
                   len(lines))
        lines = [ln for i, ln in enumerate(lines) if not (0 < i < end and _CHECKSUM_LINE.match(ln))]
    joined = "\n".join(lines)
    return _hash(joined if rel is None else f"{rel}\0{joined}")


def set_checksum(text: str, checksum: str) -> str:
    """The text with its checksum line set (added before the closing fence if absent)."""
    lines = text.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == frontmatter.FENCE),
               len(lines))
    at = next((i for i in range(1, end) if _CHECKSUM_LINE.match(lines[i])), None)
    if at is None:
        lines.insert(end, f"checksum: {checksum}")
    else:
        lines[at] = f"checksum: {checksum}"
    return "\n".join(lines)


def editor_reason(text: str, rel: str | None) -> str | None:
    """Why a file at rel belongs to an editor, or None if it is exactly as the ingest
    wrote it there."""
    try:
        front, _, _ = frontmatter.parse(text, "<file>")
    except ArchiveError:
        return UNPARSABLE
    stored = front.get("checksum")
    if stored is None:
        return HAND_WRITTEN
    return None if stored == checksum_of(text, rel) else EDITED


def check_writable(folder: Path) -> None:
    """ArchiveError unless folder exists writable or can be created; checked before writing."""
    existing = Path(folder)
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise ArchiveError(f"{existing}: is a file, not a folder; move it away or pass "
                           "--content DIR")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise ArchiveError(f"{_show_dir(existing)}: cannot write (Permission denied); "
                           "check permissions or pass --content DIR")


def _page_articles(folder: Path, page: Any) -> list[Path]:
    """The article files of one page already in its issue folder (PP-NN.md)."""
    if not folder.is_dir():
        return []
    pattern = re.compile(rf"^{re.escape(page_stem(page))}-\d{{2,}}\.md$")
    return sorted(p for p in folder.iterdir() if pattern.match(p.name))


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _read(path: Path) -> str | None:
    """A file's text, None when absent; undecodable bytes stay visible as a difference."""
    try:
        return path.read_bytes().decode("utf-8", errors="surrogateescape")
    except FileNotFoundError:
        return None
    except OSError as e:
        raise ArchiveError(f"{path}: cannot read ({e.strerror}); check permissions") from None


def _write(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder and an atomic rename."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(text.encode("utf-8"))
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError as e:
        raise ArchiveError(f"{path}: cannot write ({e.strerror}); check permissions or pass "
                           "--content DIR") from None


def _write_new(path: Path, text: str) -> None:
    """Create a file that must not exist yet (a move never overwrites), atomically."""
    _mkdir(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "xb") as f:
            f.write(text.encode("utf-8", errors="surrogateescape"))
            f.flush()
            os.fsync(f.fileno())
        os.link(tmp, path)  # fails if path exists: never replaces a file
    except FileExistsError:
        raise ArchiveError(f"{path}: already exists; choose another place") from None
    except OSError as e:
        raise ArchiveError(f"{path}: cannot write ({e.strerror}); check permissions and free "
                           "space") from None
    finally:
        tmp.unlink(missing_ok=True)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError as e:
        raise ArchiveError(f"{path}: cannot remove ({e.strerror}); check permissions") from None


def _mkdir(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ArchiveError(f"{_show_dir(folder)}: cannot write ({e.strerror}); "
                           "check permissions or pass --content DIR") from None


def _show_dir(path: Path) -> str:
    """A folder as the user named it: `content/`, `content/xuchang/`."""
    return str(path).rstrip("/") + "/"
