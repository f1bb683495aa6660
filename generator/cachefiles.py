"""Files of the build cache that hold one value each: what a build computed and a later
build may take instead of computing it again (analysed issues of the search index,
extracted entities, related lists).

A value is a compressed pickle, written under a temporary name and renamed, so a
reader sees a whole file or none. A missing, cut-short or older file reads as None:
a cache is never an error, what it held is computed again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import zlib
from pathlib import Path
from typing import Any


def fingerprint(*parts: Any) -> str:
    """A digest of a unit's or a value's inputs (their repr): what the build compares with
    the last build's, and what names a cached value."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def load(path: Path) -> Any | None:
    """The value in path, or None when it is missing or unreadable."""
    try:
        return pickle.loads(zlib.decompress(path.read_bytes()))
    except Exception:  # missing, cut short by a crash, or of an older layout
        return None


def save(path: Path, value: Any) -> None:
    """Write value to path whole (a stopped build leaves a temporary file, which
    FolderCache.keep removes, never a torn one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.parent / f".{path.name}.{os.getpid()}.tmp"
    temp.write_bytes(zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), 1))
    os.replace(temp, path)


class FolderCache:
    """Values named by a fingerprint of their inputs, one file each (name + suffix) in a
    folder: a new input gives a new name, so a value is never stale, only unused."""

    suffix = ""

    def __init__(self, folder: Path):
        self.folder = folder

    def path(self, name: str) -> Path:
        return self.folder / f"{name}{self.suffix}"

    def has(self, name: str) -> bool:
        return self.path(name).is_file()

    def load(self, name: str) -> Any | None:
        return load(self.path(name))

    def save(self, name: str, value: Any) -> None:
        save(self.path(name), value)

    def keep(self, names: set[str]) -> None:
        """Remove every file but the values named (and temporary files of builds that
        were stopped)."""
        if not self.folder.is_dir():
            return
        for entry in os.scandir(self.folder):
            if entry.name.removesuffix(self.suffix) not in names:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
