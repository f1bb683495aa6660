"""content/ as the build cache sees it: issue folders and their files' signatures.

Kept apart from the loader (which parses front matter and Markdown) so that a build
with nothing to do imports little more than this. Anything outside the layout
(<city>/<paper>/<YYYY>/<MM>/<DD>/<PP>-<NN>.md, <PP>.txt and a scan <PP>.jpg, .png,
.webp or .pdf) is a problem naming the path: a file the build does not know would
otherwise be silently left unpublished.
Hidden files (an editor's swap file, .DS_Store, a killed ingest's temp file) are skipped.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from pathlib import Path

from generator.content.slug import (
    ARTICLE_NAME_RE,
    SCAN_NAME_RE,
    SOURCE_NAME_RE,
    issue_folder_problem,
)

ISSUE_DEPTH = 5  # <city>/<paper>/<YYYY>/<MM>/<DD>
PARALLEL_SCAN_FOLDERS = 512  # below this, starting workers costs more than it saves
LAYOUT = "<city>/<paper>/<YYYY>/<MM>/<DD>/"
_OLD_LAYOUT_RE = re.compile(r"^[^/]+/\d{4}/\d{2}/\d{2}$")

SCAN_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".pdf")
Signature = tuple[tuple[str, int, int], ...]  # (file name, mtime in ns, size), sorted


def scan(root: Path, jobs: int = 1) -> tuple[dict[str, Signature], list[str]]:
    """Issue folders (relative, in order) with their signatures (names, modification
    times and sizes of their files: what `make` and Hugo trust too), and every problem
    with the layout as `path: what is wrong; what to do`. A build with nothing to do
    costs this and no more: one stat per file, spread over `jobs` processes."""
    folders: list[str] = []
    problems: list[str] = []
    shown = os.fspath(root).rstrip("/")

    def walk(path: str, rel: str, depth: int) -> None:
        try:
            with os.scandir(path) as scan_dir:
                entries = sorted(scan_dir, key=lambda e: e.name)
        except OSError as err:
            problems.append(f"{shown}/{rel}: cannot read this folder ({err.strerror}); "
                            "fix its permissions")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child = f"{rel}/{entry.name}" if rel else entry.name
            if entry.is_dir():
                if depth + 1 == ISSUE_DEPTH:
                    folders.append(child)
                elif _OLD_LAYOUT_RE.match(child):
                    problems.append(f"{shown}/{child}/: an issue folder of the old layout "
                                    "<city>/<YYYY>/<MM>/<DD>/; run `archive migrate` to move "
                                    f"the archive to {LAYOUT} (and move by hand the files it "
                                    "leaves)")
                else:
                    walk(entry.path, child, depth + 1)
            else:
                problems.append(f"{shown}/{child}: not in an issue folder {LAYOUT}; move it "
                                "into its issue folder or out of the content folder")

    walk(os.fspath(root), "", 0)
    found, folders = folders, []
    for folder in found:
        problem = issue_folder_problem(folder)
        if problem:
            problems.append(f"{shown}/{folder}/: {problem}; the layout is {LAYOUT} (rename "
                            "the folder)")
        else:
            folders.append(folder)
    if jobs > 1 and len(folders) >= PARALLEL_SCAN_FOLDERS:
        parts = partition(folders, jobs * 2)
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            done = [s for part in pool.starmap(signatures, [(root, p) for p in parts])
                    for s in part]
    else:
        done = signatures(root, folders)
    for _sig, bad in done:
        problems.extend(bad)
    return dict(zip(folders, (sig for sig, _ in done), strict=True)), problems


def signatures(root: Path, folders: list[str]) -> list[tuple[Signature, list[str]]]:
    """Each folder's signature, with the files in it the layout does not know."""
    out = []
    shown = os.fspath(root).rstrip("/")
    for folder in folders:
        problems: list[str] = []
        files = []
        try:
            with os.scandir(Path(root) / folder) as scan_dir:
                entries = sorted(scan_dir, key=lambda e: e.name)
            for e in entries:
                if e.name.startswith("."):
                    continue
                if e.is_dir():
                    problems.append(f"{shown}/{folder}/{e.name}: a folder inside an issue "
                                    "folder; articles are files named PP-NN.md (move its files "
                                    "up, renamed)")
                    continue
                if not e.is_file():
                    problems.append(f"{shown}/{folder}/{e.name}: not a regular file (a link "
                                    "to nowhere, a pipe or a socket); replace it with the file "
                                    "or remove it")
                    continue
                if not (ARTICLE_NAME_RE.match(e.name) or SOURCE_NAME_RE.match(e.name)
                        or SCAN_NAME_RE.match(e.name)):
                    problems.append(f"{shown}/{folder}/{e.name}: {name_problem(e.name)}")
                    continue
                st = e.stat()
                files.append((e.name, st.st_mtime_ns, st.st_size))
        except OSError as err:
            problems.append(f"{shown}/{folder}: cannot read ({err.strerror}); fix its "
                            "permissions")
        out.append((tuple(files), problems))
    return out


def name_problem(name: str) -> str:
    """Why a file name is not one the layout knows, with the name it should have."""
    if name.lower().endswith(".md"):
        return ("not an article file name; name it PP-NN.md, page and place on the page "
                "(e.g. 06-02.md, A2-01.md)")
    if name.lower().endswith(".txt"):
        return "not a page text file name; name it PP.txt (e.g. 06.txt, A2.txt)"
    if name.lower().endswith(SCAN_SUFFIXES):
        kind = "jpg" if name.lower().endswith((".jpeg", ".jpg")) else name.rsplit(".", 1)[1]
        return (f"not a page scan file name; name it PP.{kind.lower()}, the page's number "
                f"and a lower-case suffix (e.g. 06.{kind.lower()}, A2.{kind.lower()})")
    return ("not part of the archive layout (article files PP-NN.md, page texts PP.txt, "
            "scans PP.jpg, .png, .webp, .pdf); move it out of the content folder")


def partition(folders: list[str], parts: int) -> list[list[str]]:
    """Split issue folders into contiguous runs of about equal size, in order."""
    size = max(1, -(-len(folders) // max(parts, 1)))
    return [folders[i:i + size] for i in range(0, len(folders), size)]
