"""What a build remembers for the next one, and how it puts changed files in place.

The build cache (under .archive/cache/, ignored by git) holds, for one output folder:
the settings it was built with, each issue folder's file list (names, sizes, times)
with what was read from it, and each unit of output with the fingerprint of its inputs
and the files it wrote. Two files: the folder signatures alone, so that a build with
nothing to do stops after a scan, and the rest.

Changed files reach public/ through a journal: they are staged beside it with the list
of what to delete and replace, the staging folder is renamed to `.<out>.commit`, and
only then is public/ touched. A build interrupted after that rename is finished by the
next one before it does anything else, so public/ is never left half old, half new.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
import pickle
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.commands.freshness import CACHE_FORMAT, commit_dir
from generator.site.loader import Loaded
from generator.site.model import ArticleRec
from generator.site.scan import Signature

JOURNAL = ".commit.json"


@dataclass
class BuildState:
    settings: str = ""  # fingerprint of generator, config, templates and options
    signatures: dict[str, Signature] = field(default_factory=dict)  # issue folder → files
    parts: dict[str, Loaded] = field(default_factory=dict)  # issue folder → what was read
    units: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # → (fp, files)
    segments: dict[str, str] = field(default_factory=dict)  # search segment → its folder
    release: dt.date | None = None  # the day the first held-back (future) article falls due


def load_state(folder: Path, head: tuple[str, dict[str, Signature]]) -> BuildState | None:
    """The whole state, given its signatures file as load_signatures read it; None when
    missing, unreadable or of another format."""
    if not (folder / "state.pickle").is_file():  # absent, or not a file (a FIFO)
        return None
    try:
        with open(folder / "state.pickle", "rb") as f:
            fmt, parts, units, segments = pickle.load(f)
        if fmt != CACHE_FORMAT:
            return None
        return BuildState(head[0], head[1], {f: thaw(p) for f, p in parts.items()}, units,
                          segments)
    except Exception:  # any damage: the build renders everything instead
        return None


def save_state(folder: Path, state: BuildState) -> str | None:
    """Written last, after the output is in place; each file replaced atomically, the
    signatures last, so that a state never claims more than the output holds. A cache
    that cannot be written (a full disk) is a warning, returned: the output is complete,
    and the next build, finding no cache, renders everything."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        parts = {f: freeze(p) for f, p in state.parts.items()}
        write_pickle(folder / "state.pickle", (CACHE_FORMAT, parts, state.units, state.segments))
        write_pickle(folder / "signatures.pickle",
                     (CACHE_FORMAT, state.settings, state.signatures, state.release))
    except OSError as err:
        forget(folder)
        return (f"{err.filename or folder}: cannot save the build cache ({err.strerror}); "
                "the output is complete, the next build will render everything")
    return None


def forget(folder: Path) -> None:
    """Invalidate the cache before public/ is replaced: if the build stops half-way,
    the next one starts from scratch instead of trusting a stale state."""
    for name in ("signatures.pickle", "state.pickle"):
        with contextlib.suppress(FileNotFoundError, NotADirectoryError):
            (folder / name).unlink()
    fsync_dir(folder)


# Records are kept as plain tuples: pickle writes and reads those several times faster
# than slotted dataclasses, and the state of a 100k-article archive is read every build.
FIELDS = [f.name for f in dataclasses.fields(ArticleRec)]


def freeze(part: Loaded) -> tuple:
    records = [tuple(getattr(r, name) for name in FIELDS) for r in part.records]
    return records, part.sources, part.problems, part.warnings, part.scans


def thaw(frozen: tuple) -> Loaded:
    records, sources, problems, warnings, scans = frozen
    return Loaded([ArticleRec(*r) for r in records], {}, sources, problems, warnings, scans)


def write_pickle(path: Path, value: Any) -> None:
    """Atomically and durably: a power cut leaves the old file or the new, never a torn
    one (a process of its own writes it, so the temporary name is this process's)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename in folder durable (POSIX: the directory entry is the folder's data)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# -- the journal ---------------------------------------------------------------------

def commit(staging: Path, out: Path, delete: list[str], replace: list[str]) -> None:
    """Apply a staged change to out: delete paths, then move each replaced path (a file
    or a whole folder) from staging into out. Both lists are relative to out."""
    journal = {"delete": sorted(delete), "replace": sorted(replace)}
    with open(staging / JOURNAL, "w", encoding="utf-8") as f:
        f.write(json.dumps(journal, ensure_ascii=False))
        f.flush()
        os.fsync(f.fileno())
    pending = commit_dir(out)
    if pending.is_symlink():
        pending.unlink()
    shutil.rmtree(pending, ignore_errors=True)
    staging.rename(pending)  # from here on, the change will be completed
    fsync_dir(pending.parent)
    finish(pending, out)


def recover(out: Path, store: Path) -> bool:
    """Complete a change that an interrupted build had started; True if there was one.
    A journal that cannot be read (what a power cut can leave) cannot be completed:
    it is dropped with the cache, so that this build renders everything."""
    pending = commit_dir(out)
    if pending.is_symlink():  # a build never makes a link here: not a change of its own
        pending.unlink()
        forget(store)
        return True
    if not (pending / JOURNAL).is_file():
        shutil.rmtree(pending, ignore_errors=True)
        return False
    try:
        journal = json.loads((pending / JOURNAL).read_text(encoding="utf-8"))
        if not valid_journal(journal):
            raise ValueError("not a journal")
    except (OSError, ValueError, UnicodeDecodeError):
        shutil.rmtree(pending, ignore_errors=True)
        forget(store)
        return True
    finish(pending, out, journal)
    return True


def valid_journal(journal: object) -> bool:
    """A journal names paths inside the output only: plain relative paths, no `..`. Any
    other entry means it is damaged (never a reason to touch a file elsewhere)."""
    if not isinstance(journal, dict):
        return False
    for key in ("delete", "replace"):
        paths = journal.get(key)
        if not isinstance(paths, list):
            return False
        for rel in paths:
            if not isinstance(rel, str) or not rel or rel.startswith(("/", "\\")) \
                    or "\0" in rel or any(part in ("", ".", "..")
                                          for part in rel.split("/")):
                return False
    return True


def finish(pending: Path, out: Path, journal: dict | None = None) -> None:
    """Idempotent: running it again after an interruption gives the same result."""
    if journal is None:
        journal = json.loads((pending / JOURNAL).read_text(encoding="utf-8"))
    trash = pending / ".trash"
    for rel in journal["delete"]:
        if within(out / rel, out):
            remove(out / rel)
            prune(out / rel, out)
    for n, rel in enumerate(journal["replace"]):
        src, dst = pending / rel, out / rel
        if not os.path.lexists(src):
            continue  # moved before the interruption
        if os.path.islink(src) or not within(dst, out):
            continue  # a build stages files only, inside the output: not the build's
        if dst.is_dir() and not dst.is_symlink():
            trash.mkdir(exist_ok=True)
            dst.rename(trash / str(n))
        dst.parent.mkdir(parents=True, exist_ok=True)
        os.replace(src, dst)
    shutil.rmtree(pending, ignore_errors=True)


def within(path: Path, out: Path) -> bool:
    """Is path's folder inside out, symbolic links resolved? A journal never reaches
    through a link planted in the output into another folder."""
    real_out = os.path.realpath(out)
    folder = os.path.realpath(path.parent)
    return folder == real_out or folder.startswith(real_out + os.sep)


def prune(path: Path, out: Path) -> None:
    """Remove the folders a deletion left empty (an article's folder), up to out."""
    folder = path.parent
    while folder != out and out in folder.parents:
        try:
            folder.rmdir()
        except OSError:  # not empty, or already gone
            if folder.exists():
                return
        folder = folder.parent


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
