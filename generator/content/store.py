"""Write a page's articles into content/ without ever losing an editor's correction.

A page gives an issue folder its article files <PP>-<NN>.md and its raw text <PP>.txt.
On every ingest each of them is either the ingest's own or an editor's:

- An article file is the ingest's own when its `checksum:` (front matter) matches its
  text and its place: checksum_of(text, rel) hashes the text minus the checksum line
  and its path under content/. So a file an editor edited, or copied or renamed to
  another NN without editing it (to split or move an article), or renamed into a
  place the ingest writes, no longer matches and is the editor's. A file without a
  checksum (written by hand) or whose front matter does not parse is an editor's too.
- The raw page text has no front matter, so its checksum lives in the issue folder's
  manifest `.ingest.json` (a dot-file: the build's scanner skips it). The manifest
  records, for each file the ingest wrote, the checksum of the text it wrote there
  (sha256 of its place and its text). A page text is the ingest's own when the
  manifest records its current text; one that differs from what the ingest now
  writes and is not recorded (edited, or written before manifests existed) is kept.
  The manifest is written atomically (temporary file, fsync, rename) and, before the
  page text is replaced, first lists both the old and the new checksum, so a crash
  between the two writes never makes the ingest's own file look like an editor's
  or the other way round. For article files the front matter decides; their
  manifest entries are a record of what the ingest wrote (`archive migrate`, which
  renews the checksums of the files it moves, need not know about manifests).

A scan of the page given with it (`06.jpg` beside `06.txt`) is copied as <PP>.jpg
(.png, .webp, .pdf: what the file is) under the same rule as the page text, its
checksum in the manifest; it is copied by the file system, never read into memory.

The ingest's own files are replaced when the new text differs, left alone (not even
touched) when it is the same, and article files are removed when the page no longer
produces them. An editor's file is kept as it is and reported with the reason,
whatever the ingest now produces. A place the ingest wrote (its manifest says so) that
is now empty was emptied by an editor (a deleted duplicate, an article renamed
elsewhere): it stays empty, reported, until `archive ingest --restore` writes it again.
An article file with `aliases:` (earlier URLs) keeps them when the ingest rewrites it,
and is kept when the ingest no longer produces it.

Each file is written to a temporary file in its folder (`.NAME.PID-HEX.tmp`) and
renamed over the target, so a crash or ^C never leaves a half-written file. Just
before a file is replaced or removed it is read again: one that changed since the
ingest looked at it (an editor saving it meanwhile) is kept. Temporary files left
by a process that was killed (its PID is gone, or the file is older than
`STALE_TEMP_SECONDS`) are removed from the folders the ingest writes to.
"""

from __future__ import annotations

import contextlib
import errno
import filecmp
import hashlib
import json
import os
import re
import secrets
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.content import frontmatter, schema
from generator.content.metadata import PageMeta
from generator.content.scans import KINDS
from generator.content.slug import (
    article_path,
    issue_dir,
    page_scan_path,
    page_source_path,
    page_stem,
    paper_path,
)
from generator.errors import ArchiveError
from generator.ingest.article import Article

EDITED = "edited by hand"
HAND_WRITTEN = "written by hand (no checksum)"
UNPARSABLE = "front matter does not parse"
NOT_UTF8 = "not UTF-8 text (saved in another encoding)"
MOVED = "copied or renamed from {name} (its checksum is for that place)"
NOT_RECORDED = "not recorded in .ingest.json as written by the ingest"
CHANGED = "changed while the ingest ran"
GONE = "no longer produced by the ingest"

MANIFEST = ".ingest.json"
MANIFEST_VERSION = 1
STALE_TEMP_SECONDS = 300
TEMP_RE = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)-[0-9a-f]{8}\.tmp$")
_CHECKSUM_LINE = re.compile(r"^checksum\s*:")


@dataclass
class WriteReport:
    """What write_page did, file by file (paths under the content root)."""

    source: str = ""  # the page file the articles came from, for messages
    written: list[Path] = field(default_factory=list)  # created or replaced
    unchanged: list[Path] = field(default_factory=list)  # same text already there
    kept: list[Path] = field(default_factory=list)  # an editor's file, left alone
    removed: list[Path] = field(default_factory=list)  # the ingest's own, no longer produced
    temps: list[Path] = field(default_factory=list)  # stale temporary files removed
    reasons: dict[Path, str] = field(default_factory=dict)  # why each kept file was kept
    origins: dict[Path, str] = field(default_factory=dict)  # a written copy → what it copies

    def lines(self, root: Path | None = None) -> list[str]:
        """One line per file that was written, kept or removed (unchanged ones are quiet)."""
        def show(p: Path) -> str:
            return str(p.relative_to(root)) if root and p.is_relative_to(root) else str(p)

        out = [f"wrote {show(p)}" + (f" ({self.origins[p]})" if p in self.origins else "")
               for p in self.written]
        out += [f"kept {show(p)}: {self.reasons.get(p, EDITED)}" for p in self.kept]
        out += [f"removed {show(p)}: {GONE}" for p in self.removed]
        out += [f"removed {show(p)}: {self.reasons.get(p, 'stale temporary file')}"
                for p in self.temps]
        return out

    def summary(self) -> str:
        """e.g. `000.txt: 5 written, 0 unchanged, 1 kept (editors' files), 0 removed`."""
        return (f"{self.source}: {len(self.written)} written, {len(self.unchanged)} unchanged, "
                f"{len(self.kept)} kept (editors' files), {len(self.removed)} removed")


def write_page(
    content_root: Path,
    meta: PageMeta,
    page_text: str,
    source_name: str,
    articles: list[Article],
    *,
    slug_overrides: dict[str, str] | None = None,
    paper_overrides: dict[str, str] | None = None,
    restore: bool = False,
    scan: tuple[Path, str] | None = None,
) -> WriteReport:
    """Write one page's articles (and its raw text beside them) under content_root.

    page_text is the decoded original page, kept verbatim as <PP>.txt;
    source_name is the page file's name as the user knows it, for the report;
    scan is a scan of the page given with it and its kind (jpg, png, webp, pdf),
    copied as <PP>.<kind> (see write_scan).
    ArchiveError before anything is written if the target folder is not writable.
    """
    root = Path(content_root)
    slug = paper_path(meta.city, meta.paper, slug_overrides, paper_overrides)
    source_path = page_source_path(root, slug, meta.date, meta.page)
    source_rel = _rel(root, source_path)
    planned = {}
    fronts = {}
    for seq, article in enumerate(articles, start=1):
        path = article_path(root, slug, meta.date, meta.page, seq)
        fronts[path] = build_front(meta, article, seq, source_rel), article.body
        planned[path] = render_article(*fronts[path], _rel(root, path))
    folder = issue_dir(root, slug, meta.date)
    check_writable(folder)
    _mkdir(folder)

    report = WriteReport(source=source_name)
    remove_stale_temps(folder, report)
    manifest = load_manifest(folder)
    on_disk = {name: list(sums) for name, sums in manifest.items()}

    for path, text in planned.items():
        rel = _rel(root, path)
        current = _read(path)
        history = aliases_of(current) if current is not None else []
        if history:  # earlier URLs of this place (archive migrate): links outlive re-ingests
            front, body = fronts[path]
            text = render_article({**front, "aliases": history}, body, rel)
        if current is None and path.name in on_disk and not restore:
            _keep(report, path, DELETED)  # the ingest wrote it once: an editor removed it
            continue
        if current == text:
            report.unchanged.append(path)
        elif current is not None and (reason := editor_reason(current, rel)) is not None:
            _keep(report, path, reason)
            continue
        elif replace_file(path, text, expect=current):
            report.written.append(path)
        else:
            _keep(report, path, CHANGED)
            continue
        manifest[path.name] = [text_checksum(text, rel)]

    if not source_path.exists() and source_path.name in on_disk and not restore:
        _keep(report, source_path, DELETED)
    else:
        _write_source(report, folder, manifest, on_disk, source_path, source_rel, page_text)
    if scan is not None:
        target = page_scan_path(root, slug, meta.date, meta.page, scan[1])
        write_scan(report, root, manifest, on_disk, scan[0], target, restore)

    for path in _page_articles(folder, meta.page):
        if path in planned:
            continue
        current = _read(path)
        if current is None:  # gone since the folder was listed
            continue
        reason = editor_reason(current, _rel(root, path))
        if reason is None and aliases_of(current):
            reason = LINKED
        if reason is not None:
            _keep(report, path, f"{reason}; {GONE}")
        elif remove_file(path, expect=current):
            report.removed.append(path)
        else:
            _keep(report, path, f"{CHANGED}; {GONE}")

    # The records of files this ingest removed go; those of files an editor deleted stay,
    # so that the next ingest does not bring them back.
    for path in report.removed:
        manifest.pop(path.name, None)
    if manifest != on_disk:
        save_manifest(folder, manifest)
    return report


def _write_source(report: WriteReport, folder: Path, manifest: dict[str, list[str]],
                  on_disk: dict[str, list[str]], path: Path, rel: str, text: str) -> None:
    """The raw page text: written unless an editor changed it (see the module docstring)."""
    new_sum = text_checksum(text, rel)
    current = _read(path)
    if current == text:
        report.unchanged.append(path)
        manifest[path.name] = [new_sum]
        return
    recorded = manifest.get(path.name, [])
    if current is not None and text_checksum(current, rel) not in recorded:
        _keep(report, path, EDITED if recorded else NOT_RECORDED)
        return
    if current is not None:
        # Record both texts first: a crash before the final manifest leaves either one
        # recognised as the ingest's own. (A new page text is recorded once written: a
        # record of a file a crash kept from being written would read as an editor's
        # deletion, and the next ingest would not write it.)
        manifest[path.name] = [*recorded, new_sum]
        save_manifest(folder, manifest)
        on_disk.clear()
        on_disk.update({name: list(sums) for name, sums in manifest.items()})
    if replace_file(path, text, expect=current):
        report.written.append(path)
        manifest[path.name] = [new_sum]
    else:
        manifest[path.name] = recorded
        _keep(report, path, CHANGED)


def write_scan(report: WriteReport, root: Path, manifest: dict[str, list[str]],
               on_disk: dict[str, list[str]], given: Path, target: Path,
               restore: bool) -> None:
    """A scan given with a page, copied beside its text, under the page text's rule: the
    manifest records the checksum of every scan the ingest copied, and a scan it did not
    copy, or that changed since, is an editor's and kept. A scan of the page under
    another suffix (06.png where 06.jpg comes) is replaced when it is the ingest's own;
    an editor's stays and the new one is not copied. A page given without a scan leaves
    the scan in content/ as it is: content/ is the archive, the input may be gone."""
    folder = target.parent
    for kind in KINDS:
        other = target.with_suffix(f".{kind}")
        if other != target and other.is_file() and not _own_scan(root, other, manifest):
            _keep(report, other, f"an editor's scan of this page; {given.name} was not "
                                 f"copied (remove {other.name} to take it)")
            return
    rel = _rel(root, target)
    origin = f"the scan {given.name}"
    if not target.exists():
        if target.name in on_disk and not restore:
            _keep(report, target, DELETED)
            return
        if not copy_file(given, target, expect=None):
            _keep(report, target, CHANGED)
            return
        report.written.append(target)
        report.origins[target] = origin
        manifest[target.name] = [file_checksum(target, rel)]
    elif _same_bytes(given, target):
        report.unchanged.append(target)
        manifest[target.name] = [file_checksum(target, rel)]
    else:
        recorded = manifest.get(target.name, [])
        before = _stat(target)
        current = file_checksum(target, rel)
        if current not in recorded:
            _keep(report, target, EDITED if recorded else NOT_RECORDED)
            return
        new_sum = file_checksum(given, rel)
        # Both recorded first, as for a page text: a crash between the two writes
        # leaves either file recognised as the ingest's own.
        manifest[target.name] = [*recorded, new_sum]
        save_manifest(folder, manifest)
        on_disk.clear()
        on_disk.update({name: list(sums) for name, sums in manifest.items()})
        if not copy_file(given, target, expect=before):
            manifest[target.name] = recorded
            _keep(report, target, CHANGED)
            return
        report.written.append(target)
        report.origins[target] = origin
        manifest[target.name] = [new_sum]
    for kind in KINDS:  # the ingest's own scan of this page under another suffix goes
        other = target.with_suffix(f".{kind}")
        if other != target and other.is_file() and _own_scan(root, other, manifest) \
                and remove_file(other):
            report.removed.append(other)


def _own_scan(root: Path, path: Path, manifest: dict[str, list[str]]) -> bool:
    """Is this scan exactly as the ingest copied it?"""
    recorded = manifest.get(path.name)
    return bool(recorded) and file_checksum(path, _rel(root, path)) in recorded


def file_checksum(path: Path, rel: str) -> str:
    """text_checksum for a file of any size and kind, read in pieces (a scan)."""
    digest = hashlib.sha256(f"{rel}\0".encode("utf-8", errors="surrogateescape"))
    try:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError as e:
        raise ArchiveError(f"{path}: cannot read ({e.strerror}); check permissions") from None
    return digest.hexdigest()[:16]


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_size == b.stat().st_size and filecmp.cmp(a, b, shallow=False)
    except OSError as e:
        raise ArchiveError(f"{e.filename}: cannot read ({e.strerror}); check permissions") \
            from None


def _stat(path: Path) -> tuple[int, int, int] | None:
    """What tells that a file changed: its inode, size and modification time."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def copy_file(src: Path, path: Path, expect: tuple[int, int, int] | None) -> bool:
    """Copy a file of any size without reading it into memory: into a temporary file in
    the target's folder, then linked (expect None: only where there is no file yet) or
    renamed over the target (only if it is still the file _stat() saw). False when it
    was left alone for that reason."""
    tmp = _temp_name(path)
    try:
        try:
            shutil.copyfile(src, tmp)
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return _put_in_place(tmp, path, expect is None, lambda: _stat(path) == expect)
    except OSError as e:
        raise _cannot_write(path, e) from None


def _put_in_place(tmp: Path, path: Path, new: bool, unchanged: Callable[[], bool]) -> bool:
    """Put a written and synced temporary file in place: linked where there must be no
    file yet (never replacing one created meanwhile), else renamed over the target if
    unchanged() says it is still what the caller read. False when the target was left
    alone for that reason; the temporary file is gone either way."""
    try:
        if new:
            try:
                os.link(tmp, path)
            except FileExistsError:
                return False
            return True
        if not unchanged():
            return False
        os.replace(tmp, path)
        return True
    finally:
        tmp.unlink(missing_ok=True)


def _cannot_write(path: Path, err: OSError) -> ArchiveError:
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        fix = "free some space and run the ingest again (it completes what it began)"
    else:
        fix = "check permissions or pass --content DIR"
    return ArchiveError(f"{path}: cannot write ({err.strerror}); {fix}")


DELETED = "deleted by an editor, not written again (pass --restore to write it again)"
LINKED = "its earlier URLs (aliases) redirect to it; delete it by hand if it is really gone"


def aliases_of(text: str) -> list[str]:
    """The `aliases:` of an article file's text ([] when none or unreadable)."""
    if "aliases:" not in text:
        return []
    try:
        front, _, _ = frontmatter.parse(text, "<file>")
    except ArchiveError:
        return []
    aliases = front.get("aliases")
    if isinstance(aliases, str):
        aliases = [aliases]
    return [a for a in aliases if isinstance(a, str)] if isinstance(aliases, list) else []


def _keep(report: WriteReport, path: Path, reason: str) -> None:
    report.kept.append(path)
    report.reasons[path] = reason


def build_front(meta: PageMeta, article: Article, seq: int, source: str) -> dict[str, Any]:
    """An article's front matter, in FIELD_ORDER, without the checksum."""
    return {
        "title": article.title if article.title and article.title.strip() else None,
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
        "segmentation": article.segmentation,
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
    checksum = checksum_of(draft, rel)
    if not all(k in schema.FIELD_ORDER for k in front):  # a field may follow the checksum
        return frontmatter.render(schema.ordered({**front, "checksum": checksum}), body)
    # The checksum is the last field: the text is the draft with its line added before
    # the closing fence (the same bytes as rendering it all again, at half the cost).
    line = frontmatter.render({"checksum": checksum}, "").split("\n")[1]
    lines = draft.split("\n")
    end = next(i for i in range(1, len(lines)) if lines[i].rstrip() == frontmatter.FENCE)
    return "\n".join([*lines[:end], line, *lines[end:]])


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


def text_checksum(text: str, rel: str) -> str:
    """The checksum the manifest records for a file written at rel: its place and its
    whole text (a page text may begin with `---`: nothing in it is left out)."""
    return _hash(f"{rel}\0{text}")


def editor_reason(text: str, rel: str | None) -> str | None:
    """Why a file at rel belongs to an editor, or None if it is exactly as the ingest
    wrote it there."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # read with surrogateescape: bytes that are not UTF-8
        return NOT_UTF8
    try:
        front, _, _ = frontmatter.parse(text, "<file>")
    except ArchiveError:
        return UNPARSABLE
    stored = front.get("checksum")
    if stored is None:
        return HAND_WRITTEN
    if stored == checksum_of(text, rel):
        return None
    origin = _origin(front, rel)
    if origin is not None and stored == checksum_of(text, origin):
        return MOVED.format(name=origin.rsplit("/", 1)[-1])
    return EDITED


def _origin(front: dict[str, Any], rel: str | None) -> str | None:
    """The place in the same folder an unedited copy came from: its page and seq say."""
    page, seq = front.get("page"), front.get("seq")
    if rel is None or not isinstance(seq, int) or isinstance(seq, bool) \
            or not isinstance(page, (int, str)) or isinstance(page, bool):
        return None
    folder = rel.rsplit("/", 1)[0] if "/" in rel else ""
    name = f"{page_stem(page)}-{seq:02d}.md"
    origin = f"{folder}/{name}" if folder else name
    return None if origin == rel else origin


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


# -- the manifest ------------------------------------------------------------------------

def load_manifest(folder: Path) -> dict[str, list[str]]:
    """File name → the checksums (text_checksum) of what the ingest wrote there. A
    missing or unreadable manifest is empty: page texts then count as an editor's
    unless they are what the ingest writes anyway (nothing is ever lost)."""
    if not (Path(folder) / MANIFEST).is_file():  # absent, or a pipe that would never end
        return {}
    try:
        data = json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        return {}
    out: dict[str, list[str]] = {}
    for name, sums in files.items():
        if isinstance(sums, str):
            sums = [sums]
        if isinstance(name, str) and isinstance(sums, list):
            out[name] = [s for s in sums if isinstance(s, str)]
    return out


def save_manifest(folder: Path, files: dict[str, list[str]]) -> None:
    """Write the manifest atomically: temporary file, fsync, rename, fsync the folder."""
    data = {"version": MANIFEST_VERSION,
            "about": "files the ingest wrote here and the checksums of their text; "
                     "a file whose text is not recorded here is an editor's",
            "files": {name: files[name] for name in sorted(files)}}
    replace_file(Path(folder) / MANIFEST, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# -- temporary files ---------------------------------------------------------------------

def remove_stale_temps(folder: Path, report: WriteReport | None = None,
                       now: float | None = None) -> list[Path]:
    """Remove the temporary files (`.NAME.PID-HEX.tmp`) a killed write left in folder:
    those of a process that is gone, or older than STALE_TEMP_SECONDS (a PID in use
    again by another process). Those of a live process are left to it."""
    removed: list[Path] = []
    now = time.time() if now is None else now
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in sorted(names):
        m = TEMP_RE.match(name)
        if m is None:
            continue
        path = Path(folder) / name
        pid = int(m["pid"])
        try:
            age = now - path.lstat().st_mtime
        except OSError:
            continue
        if _alive(pid) and age < STALE_TEMP_SECONDS:
            continue  # a live writer's, perhaps still being written
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as e:
            raise ArchiveError(f"{path}: cannot remove this stale temporary file "
                               f"({e.strerror}); delete it by hand") from None
        removed.append(path)
        if report is not None:
            report.temps.append(path)
            why = "is gone" if not _alive(pid) else f"is older than {STALE_TEMP_SECONDS} s"
            report.reasons[path] = (f"temporary file of an interrupted write (process {pid} "
                                    f"{why})")
    return removed


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OSError:
        return False
    return True


def _temp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")


# -- files -------------------------------------------------------------------------------

def _page_articles(folder: Path, page: Any) -> list[Path]:
    """The article files of one page already in its issue folder (PP-NN.md)."""
    if not folder.is_dir():
        return []
    pattern = re.compile(rf"^{re.escape(page_stem(page))}-\d{{2,}}\.md$")
    return sorted(p for p in folder.iterdir() if pattern.match(p.name))


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogateescape")).hexdigest()[:16]


def _read(path: Path) -> str | None:
    """A file's text, None when absent; undecodable bytes stay visible as a difference."""
    try:
        return path.read_bytes().decode("utf-8", errors="surrogateescape")
    except FileNotFoundError:
        return None
    except OSError as e:
        raise ArchiveError(f"{path}: cannot read ({e.strerror}); check permissions") from None


_ANY = object()


def replace_file(path: Path, text: str, expect: Any = _ANY) -> bool:
    """Write via a temporary file in the same folder and an atomic rename.

    With expect (the text read earlier, None for no file) the file is written only if
    it is still so just before the rename: a new file never replaces one created
    meanwhile. False when it was left alone for that reason."""
    tmp = _temp_name(path)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(text.encode("utf-8", errors="surrogateescape"))
                f.flush()
                os.fsync(f.fileno())
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return _put_in_place(tmp, path, expect is None,
                             lambda: expect is _ANY or _read(path) == expect)
    except OSError as e:
        raise _cannot_write(path, e) from None


def write_new(path: Path, text: str) -> None:
    """Create a file that must not exist yet (a move never overwrites), atomically."""
    _mkdir(path.parent)
    if not replace_file(path, text, expect=None):
        raise ArchiveError(f"{path}: already exists; choose another place")


def remove_file(path: Path, expect: str | None = None) -> bool:
    """Remove a file; with expect, only if its text is still that (else False)."""
    try:
        if expect is not None and _read(path) != expect:
            return False
        path.unlink()
        return True
    except FileNotFoundError:
        return False
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
