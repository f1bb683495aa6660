"""content/ as the build cache sees it: issue folders and their files' signatures.

Kept apart from the loader (which parses front matter and Markdown) so that a build
with nothing to do imports little more than this.
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

ISSUE_DEPTH = 4  # <city>/<YYYY>/<MM>/<DD>
PARALLEL_SCAN_FOLDERS = 512  # below this, starting workers costs more than it saves

Signature = tuple[tuple[str, int, int], ...]  # (file name, mtime in ns, size), sorted


def scan(root: Path, jobs: int = 1) -> tuple[dict[str, Signature], list[str]]:
    """Issue folders (relative, in order) with their signatures (names, modification
    times and sizes of their files: what `make` and Hugo trust too), and stray .md files
    outside the <city>/<YYYY>/<MM>/<DD>/ layout. A build with nothing to do costs this
    and no more: one stat per file, spread over `jobs` processes for large archives."""
    folders: list[str] = []
    strays: list[str] = []

    def walk(path: str, rel: str, depth: int) -> None:
        with os.scandir(path) as scan_dir:
            entries = sorted(scan_dir, key=lambda e: e.name)
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child = f"{rel}/{entry.name}" if rel else entry.name
            if entry.is_dir():
                if depth + 1 == ISSUE_DEPTH:
                    folders.append(child)
                else:
                    walk(entry.path, child, depth + 1)
            elif entry.name.endswith(".md"):
                strays.append(child)

    walk(os.fspath(root), "", 0)
    if jobs > 1 and len(folders) >= PARALLEL_SCAN_FOLDERS:
        parts = partition(folders, jobs * 2)
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            done = pool.starmap(signatures, [(root, p) for p in parts])
        return dict(zip(folders, (s for part in done for s in part), strict=True)), strays
    return dict(zip(folders, signatures(root, folders), strict=True)), strays


def signatures(root: Path, folders: list[str]) -> list[Signature]:
    out = []
    for folder in folders:
        with os.scandir(root / folder) as scan_dir:
            entries = sorted(scan_dir, key=lambda e: e.name)
        out.append(tuple((e.name, st.st_mtime_ns, st.st_size)
                         for e in entries if e.is_file() for st in [e.stat()]))
    return out


def partition(folders: list[str], parts: int) -> list[list[str]]:
    """Split issue folders into contiguous runs of about equal size, in order."""
    size = max(1, -(-len(folders) // max(parts, 1)))
    return [folders[i:i + size] for i in range(0, len(folders), size)]
