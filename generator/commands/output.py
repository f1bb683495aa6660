"""Which folders a build may replace: never the archive's source, only its own output.

A build replaces its output folder as a whole, so a wrong `--out` (`content`, `.`,
the project, home) would delete the archive. Before anything is touched, the output
must not be or contain content/, a template folder, the config file or the project,
nor lie inside content/ or a template folder; it must not be home or /; and a folder
that exists and is not empty must carry the marker a build leaves in its output
(`.archive-output`), or be an output of the build cache (folders built before the
marker existed). Every refusal is one line with the fix.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.errors import ArchiveError

MARKER = ".archive-output"
MARKER_TEXT = ("This folder is the output of `archive build`: it is replaced on every build.\n"
               "Do not keep anything else here.\n")


def check_output(out: Path, content: Path, config_path: Path,
                 template_dirs: list[Path]) -> None:
    """ArchiveError (exit 2) unless `out` is a folder a build may create or replace."""
    target = _real(out)
    project = _real(config_path).parent
    guarded = [(_real(content), "the content folder (the archive's source)"),
               *[(_real(d), "a template folder") for d in template_dirs]]
    fix = "pass --out with a folder of its own, e.g. --out public"
    if target == Path(target.anchor):
        raise ArchiveError(f"--out {out}: is the root folder /; {fix}")
    if target == _real(Path.home()):
        raise ArchiveError(f"--out {out}: is your home folder; {fix}")
    for folder, what in guarded:
        if target == folder or folder.is_relative_to(target):
            raise ArchiveError(f"--out {out}: would replace {what} {folder}; {fix}")
        if target.is_relative_to(folder):
            raise ArchiveError(f"--out {out}: is inside {what} {folder}; {fix}")
    if project.is_relative_to(target):
        raise ArchiveError(f"--out {out}: would replace the project folder {project} (it "
                           f"holds {config_path.name}); {fix}")
    if os.path.islink(os.path.expanduser(out)):
        raise ArchiveError(f"--out {out}: is a symbolic link; pass the folder it stands for "
                           "(a build replaces the folder, not the link)")
    inside = next((p for p in target.parents if (p / MARKER).is_file()), None)
    if inside is not None:
        raise ArchiveError(f"--out {out}: is inside {inside}, the output of another build "
                           f"(which replaces it); {fix}")
    if target.exists() and not target.is_dir():
        raise ArchiveError(f"--out {out}: is a file, not a folder; {fix}")
    if target.is_dir() and not is_ours(target) and _not_empty(target):
        raise ArchiveError(f"--out {out}: is a folder with other files in it (no {MARKER} "
                           f"file, so no build made it); empty it or {fix}")


def is_ours(folder: Path) -> bool:
    """Did a build make this folder? Only its marker says so: any static site has an
    index.html, a sitemap and assets, and guessing from those once emptied a folder that
    held other files."""
    return (folder / MARKER).is_file()


def write_marker(folder: Path) -> None:
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def _not_empty(folder: Path) -> bool:
    try:
        with os.scandir(folder) as entries:
            return any(True for _ in entries)
    except OSError:
        return True


def _real(path: Path) -> Path:
    return Path(os.path.realpath(os.path.expanduser(path)))
