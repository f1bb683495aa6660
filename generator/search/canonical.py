"""Make a Pagefind bundle byte-for-byte reproducible.

Pagefind 1.5 writes its filter indexes from hash maps: the order of the values in each
filter file, and of the filters in the metadata file, changes from run to run, and with
them the content-hashed file names. Everything else it writes is a function of its
input: the pages, in the order it is given them (index.py gives them in the order of
their names). An incremental build must give the same bytes as a clean one, so after
each run the filter files and the metadata are rewritten in sorted order under new
content hashes. Pagefind reads them by the names in the metadata and in
pagefind-entry.json, so the bundle keeps working as before.

The files are gzip-compressed CBOR after a 12-byte signature; cbor2 decodes and encodes
them without loss (Pagefind's CBOR is plain arrays, strings and integers). Their layout
is Pagefind's own and may change in any release, so this is for one version of Pagefind
only, which pyproject.toml pins: a bundle of any other version is refused, never
rewritten on a guess.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

from generator.errors import ArchiveError

# The Pagefind release whose files this module reads and writes: the one pyproject.toml
# pins. Moving to another means checking the fields below against its source.
PAGEFIND_VERSION = "1.5.2"
SIGNATURE = b"pagefind_dcd"
# Fields of the metadata record (Pagefind's MetaIndex, encoded as an array).
META_VERSION = 0
META_FILTERS = 3


def read_cbor(path: Path) -> object:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path}: not a Pagefind data file")
    return cbor2.loads(data[len(SIGNATURE):])


def write_cbor(folder: Path, name: str, suffix: str, value: object, digits: int) -> str:
    """Write value under a name made of its content hash; returns that name."""
    data = SIGNATURE + cbor2.dumps(value)
    digest = f"{name}_{hashlib.sha256(data).hexdigest()[:digits]}"
    # mtime=0: the gzip header then holds no time stamp.
    (folder / f"{digest}{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return digest


def check_version(found: object, path: Path) -> None:
    """Refuse files of a Pagefind version other than PAGEFIND_VERSION."""
    if found == PAGEFIND_VERSION:
        return
    which = f"Pagefind {found}" if isinstance(found, str) and found else "an unknown Pagefind"
    raise ArchiveError(
        f"{path}: search index written by {which}, but the build can only rewrite the "
        f"files of Pagefind {PAGEFIND_VERSION}; install it with `pip install "
        f"'pagefind[bin]=={PAGEFIND_VERSION}' 'pagefind-bin=={PAGEFIND_VERSION}'` (the "
        "versions pyproject.toml pins) or build with --no-search")


def canonicalise(bundle: Path) -> None:
    """Rewrite a bundle's filter files and metadata in a stable order."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    check_version(entry.get("version"), entry_path)
    metas: dict[str, tuple[Path, list[object]]] = {}
    for language, index in sorted(entry["languages"].items()):
        meta_path = bundle / f"pagefind.{index['hash']}.pf_meta"
        meta = read_cbor(meta_path)
        if not isinstance(meta, list) or not meta:
            raise ValueError(f"{meta_path}: not a Pagefind metadata file")
        check_version(meta[META_VERSION], meta_path)
        metas[language] = meta_path, meta
    for language, index in sorted(entry["languages"].items()):
        meta_path, meta = metas[language]
        filters = []
        for name, digest in meta[META_FILTERS]:
            path = bundle / "filter" / f"{digest}.pf_filter"
            filter_name, values = read_cbor(path)
            path.unlink()
            stable = [filter_name, sorted(values, key=lambda v: v[0])]
            filters.append([name, write_cbor(bundle / "filter", language, ".pf_filter",
                                             stable, 7)])
        meta[META_FILTERS] = sorted(filters)
        meta_path.unlink()
        index["hash"] = write_cbor(bundle, f"pagefind.{language}", ".pf_meta", meta, 10
                                   ).removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
