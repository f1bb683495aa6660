"""Reading page files from disk, with one-line errors instead of OS tracebacks."""

from __future__ import annotations

from pathlib import Path

from generator.errors import ArchiveError
from generator.ingest.decode import MAX_PAGE_BYTES, decode_page

PAGE_SUFFIX = ".txt"


def read_page(path: Path) -> str:
    """Read and decode one page file; the size is checked before reading it all."""
    try:
        if path.is_dir():
            raise ArchiveError(f"{path}: is a folder; pass a page file ({PAGE_SUFFIX})")
        if path.exists() and not path.is_file():  # a pipe or a device would never end
            raise ArchiveError(f"{path}: not a regular file (a pipe or a device); pass a "
                               "page file")
        with open(path, "rb") as f:
            data = f.read(MAX_PAGE_BYTES + 1)  # the size a file claims is not trusted
        if len(data) > MAX_PAGE_BYTES:
            raise ArchiveError(
                f"{path}: more than {MAX_PAGE_BYTES / 1e6:.0f} MB is too large for one page "
                "(a page dump is normally under 100 KB); split it or check it is a page dump"
            )
    except FileNotFoundError:
        raise ArchiveError(f"{path}: no such file; check the path") from None
    except PermissionError:
        raise ArchiveError(f"{path}: cannot read (permission denied); fix its permissions") \
            from None
    except OSError as err:
        raise ArchiveError(f"{path}: cannot read ({err.strerror}); check the file") from None
    return decode_page(data, str(path))


def collect_pages(paths: list[Path]) -> list[Path]:
    """Page files named directly, plus the *.txt files of named folders, in name order."""
    pages: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix == PAGE_SUFFIX and p.is_file())
            if not found:
                raise ArchiveError(f"{path}: no page files (*{PAGE_SUFFIX}) in this folder; "
                                   "pass a folder of OCR page dumps")
            pages.extend(found)
        elif path.exists():
            pages.append(path)
        else:
            raise ArchiveError(f"{path}: no such file or folder; check the path")
    return list(dict.fromkeys(pages))
