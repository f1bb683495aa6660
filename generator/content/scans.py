"""Scans of printed pages: `<PP>.jpg`, `.png`, `.webp` or `.pdf` beside the page text.

A scan is evidence, like the page text: the archive keeps the file as it came and the
site shows it beside the OCR text. Only the first bytes of a file are read here (its
kind, and an image's size so that the page view can reserve its place before it
loads); copying is left to the file system, so a scan of hundreds of megabytes costs
no memory.

A file is taken for what its first bytes say, not for its name: a PNG named `.jpg`
is a PNG, a web page saved as `.jpg` is not a scan at all.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import BinaryIO, NamedTuple

# The suffixes of scans in content/, in the order a page prefers them when an issue
# folder holds two scans of one page: an image can be zoomed on the page view itself.
KINDS = ("jpg", "png", "webp", "pdf")
KIND_NAMES = {"jpg": "JPEG", "png": "PNG", "webp": "WebP", "pdf": "PDF"}
# Suffixes accepted beside a page file given to `archive ingest` (compared lower-case).
INPUT_SUFFIXES = {".jpg": "jpg", ".jpeg": "jpg", ".png": "png", ".webp": "webp", ".pdf": "pdf"}
MAX_JPEG_SEGMENTS = 512  # a JPEG whose size is not found after this many is refused
EXIF_ROTATED = (5, 6, 7, 8)  # orientations a browser shows turned by 90°


class ScanInfo(NamedTuple):
    """One scan as the site knows it (a plain tuple: the build cache pickles many)."""

    rel: str  # its path under content/: xuchang/ribao/2023/03/23/06.jpg
    kind: str  # one of KINDS
    width: int | None  # as a browser shows it (EXIF rotation applied); None for a PDF
    height: int | None


def sniff(head: bytes) -> str | None:
    """The kind of file these first bytes (16 or more) begin, or None for anything else."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def inspect(path: Path, rel: str, strict: bool = True) -> tuple[ScanInfo | None, str | None]:
    """(the scan, None), or (None, what is wrong with it and what to do). strict: its
    suffix must say what it is (content/, where the name is the URL); the ingest takes a
    PNG named .jpg for the PNG it is and names its copy .png."""
    suffix = path.suffix.lower()
    named = INPUT_SUFFIXES.get(suffix)
    try:
        with open(path, "rb") as f:
            kind = sniff(f.read(16))
            if kind is None:
                expected = KIND_NAMES.get(named or "", "scan")
                return None, (f"not a {expected} file (its first bytes are not those of a "
                              "JPEG, PNG, WebP image or a PDF); replace it with the scan "
                              "or move it away")
            if strict and named is not None and named != kind:
                return None, (f"a {KIND_NAMES[kind]} file named {suffix}; rename it "
                              f"{path.stem}.{kind}")
            size = None if kind == "pdf" else image_size(f, kind)
    except OSError as err:
        return None, f"cannot read ({err.strerror}); check its permissions"
    if kind != "pdf" and size is None:
        return None, (f"a damaged {KIND_NAMES[kind]} image (its size cannot be read); "
                      "replace it with the scan")
    width, height = size if size else (None, None)
    return ScanInfo(rel, kind, width, height), None


def image_size(f: BinaryIO, kind: str) -> tuple[int, int] | None:
    """(width, height) from an image's header, as a browser shows it; None if damaged."""
    f.seek(0)
    if kind == "png":
        head = f.read(24)
        if len(head) < 24 or head[12:16] != b"IHDR":
            return None
        return _positive(*struct.unpack(">II", head[16:24]))
    if kind == "webp":
        return _webp_size(f.read(30))
    if kind == "jpg":
        return _jpeg_size(f)
    return None


def _positive(width: int, height: int) -> tuple[int, int] | None:
    return (width, height) if width > 0 and height > 0 else None


def _webp_size(head: bytes) -> tuple[int, int] | None:
    """The three WebP forms: lossy (VP8), lossless (VP8L), extended (VP8X)."""
    if len(head) < 30:
        return None
    chunk = head[12:16]
    if chunk == b"VP8 " and head[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", head[26:30])
        return _positive(width & 0x3FFF, height & 0x3FFF)
    if chunk == b"VP8L" and head[20] == 0x2F:
        bits = int.from_bytes(head[21:25], "little")
        return _positive((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X":
        return _positive(int.from_bytes(head[24:27], "little") + 1,
                         int.from_bytes(head[27:30], "little") + 1)
    return None


# Start-of-frame markers: every SOFn except DHT (C4), JPG (C8) and DAC (CC).
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _jpeg_size(f: BinaryIO) -> tuple[int, int] | None:
    """Walk the segments up to the frame header, seeking past the others (an EXIF
    thumbnail can be 64 KB), noting the EXIF orientation on the way."""
    f.seek(2)
    rotated = False
    for _ in range(MAX_JPEG_SEGMENTS):
        byte = f.read(1)
        while byte == b"\xff":  # fill bytes before a marker
            byte = f.read(1)
        if not byte:
            return None
        marker = byte[0]
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:
            continue  # markers without a segment
        raw = f.read(2)
        if len(raw) < 2:
            return None
        length = struct.unpack(">H", raw)[0]
        if length < 2:
            return None
        if marker in _SOF:
            frame = f.read(5)
            if len(frame) < 5:
                return None
            height, width = struct.unpack(">HH", frame[1:5])
            size = _positive(width, height)
            return (size[1], size[0]) if size and rotated else size
        if marker == 0xE1:
            segment = f.read(length - 2)
            rotated = rotated or _exif_orientation(segment) in EXIF_ROTATED
            continue
        if marker == 0xDA:  # the image data starts before any frame header: damaged
            return None
        f.seek(length - 2, 1)
    return None


def _exif_orientation(segment: bytes) -> int | None:
    """The Orientation tag (0x0112) of IFD0 in an APP1 Exif segment, if present."""
    if not segment.startswith(b"Exif\0\0") or len(segment) < 14:
        return None
    tiff = segment[6:]
    order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
    if order is None:
        return None
    try:
        (offset,) = struct.unpack(order + "I", tiff[4:8])
        (count,) = struct.unpack(order + "H", tiff[offset:offset + 2])
        for n in range(count):
            entry = tiff[offset + 2 + 12 * n: offset + 14 + 12 * n]
            tag, kind = struct.unpack(order + "HH", entry[:4])
            if tag == 0x0112 and kind == 3:  # SHORT
                return struct.unpack(order + "H", entry[8:10])[0]
    except struct.error:
        return None
    return None


def scans_beside(page: Path, names: list[str] | None = None) -> list[Path]:
    """The scans given beside a page file: same stem, a scan suffix in any case
    (`06.txt` → `06.jpg`, `xyz.txt` → `xyz.PNG`), in the order of KINDS. names is
    the listing of its folder when the caller has it (a folder of many pages)."""
    folder = page.parent
    if names is None:
        try:
            names = sorted(p.name for p in folder.iterdir())
        except OSError:
            return []
    found = [folder / n for n in names
             if Path(n).stem == page.stem and Path(n).suffix.lower() in INPUT_SUFFIXES
             and (folder / n).is_file()]
    return sorted(found, key=lambda p: KINDS.index(INPUT_SUFFIXES[p.suffix.lower()]))


def preferred(scans: list[ScanInfo]) -> ScanInfo:
    """The scan a page shows when its folder holds several: an image before a PDF."""
    return min(scans, key=lambda s: KINDS.index(s.kind))
