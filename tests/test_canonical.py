"""Builds are reproducible: the same content gives the same bytes, search index included.

Pagefind writes its filter files in hash-map order; generator/search/canonical.py
rewrites them in a stable order. Without that, two builds of the same content differ.
Pagefind also numbers pages in the order it reads them: generator/search/index.py
hands them over in the order of their names, never in the order a folder lists them.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import cbor2
import pytest
from e2e_site import SAMPLE_CONTENT, build

from generator.errors import ArchiveError
from generator.search.canonical import (
    PAGEFIND_VERSION,
    SIGNATURE,
    canonicalise,
    read_cbor,
)
from generator.search.index import index_shards


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def test_two_builds_of_the_same_content_are_byte_identical(tmp_path: Path):
    first, second = tmp_path / "one", tmp_path / "two"
    build(SAMPLE_CONTENT, first, "https://example.org")
    build(SAMPLE_CONTENT, second, "https://example.org")
    a, b = tree(first), tree(second)
    assert any(name.endswith(".pf_filter") for name in a), "the sample has filters"
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []


def test_canonical_filter_files_list_values_in_order_and_stay_readable(tmp_path: Path):
    build(SAMPLE_CONTENT, tmp_path / "site", "https://example.org")
    bundle = tmp_path / "site" / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    meta = read_cbor(bundle / f"pagefind.{entry['languages']['zh']['hash']}.pf_meta")
    names = [name for name, _ in meta[3]]
    assert names == sorted(names) and "paper" in names
    for _, digest in meta[3]:
        raw = gzip.decompress((bundle / "filter" / f"{digest}.pf_filter").read_bytes())
        assert raw.startswith(SIGNATURE)
        _, values = read_cbor(bundle / "filter" / f"{digest}.pf_filter")
        assert [v[0] for v in values] == sorted(v[0] for v in values)
    # Canonical is a fixed point: doing it again changes nothing.
    before = tree(bundle)
    canonicalise(bundle)
    assert tree(bundle) == before


# -- the order records are listed in ------------------------------------------------------

SHARD = "2023-03"


def record(n: int) -> str:
    """A search record shaped like index.py's record_page: title metadata, filters, a date
    to sort by (three articles a day, so dates tie), Chinese text as bigrams, and words
    with and without diacritics (Pagefind keeps those as variants of one word)."""
    day = n // 3 + 1
    words = " ".join(["政商 商关 关系", "企业 业转 转型", "亲清 清有 有度", f"第{n}篇",
                      "café" if n % 2 else "cafe", "北京 京市" * (n % 4)])
    return (
        '<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>r</title></head>'
        f'<body><div hidden data-pagefind-ignore><span data-pagefind-meta="title">标题{n}'
        f'</span><span data-pagefind-filter="paper">paper{n % 2}</span>'
        f'<span data-pagefind-filter="kind">kind{n % 3}</span>'
        f'<span data-pagefind-filter="shard">{SHARD}</span></div>'
        f'<main data-pagefind-body data-pagefind-sort="date:2023-03-{day:02d}">\n'
        f"<h1>标题{n}</h1><p>{words} ␣</p></main></body></html>\n")


RECORDS = {f"xuchang~2023~03~{n // 3 + 1:02d}~{n:02d}.html": record(n) for n in range(40)}


def write_records(root: Path, names: list[str]) -> Path:
    """RECORDS in a new folder root/SHARD, written in the order of names."""
    folder = root / SHARD
    folder.mkdir(parents=True)
    for name in names:
        (folder / name).write_text(RECORDS[name], encoding="utf-8")
    return folder


@pytest.fixture
def scratch(tmp_path: Path) -> Iterator[list[Path]]:
    """Folders to write records in: on the disk of tmp_path and, where there is one, in
    /dev/shm (tmpfs, which lists files in the order they were made)."""
    places = [tmp_path / "disk"]
    with tempfile.TemporaryDirectory(prefix="archive-test-",
                                     dir="/dev/shm" if os.access("/dev/shm", os.W_OK)
                                     else tmp_path) as shm:
        places.append(Path(shm))
        yield places


def listed_apart(scratch: list[Path]) -> tuple[Path, Path]:
    """Two record folders with the same files, made in opposite orders, that list them
    in different orders (on ext4 the order is a hash of the name, so two folders on the
    same disk list alike)."""
    names = sorted(RECORDS)
    for n, (one, other) in enumerate([(scratch[0], scratch[0]), (scratch[0], scratch[1]),
                                      (scratch[1], scratch[1])]):
        first = write_records(one / f"a{n}", names)
        second = write_records(other / f"b{n}", names[::-1])
        if os.listdir(first) != os.listdir(second):
            return first.parent, second.parent
    pytest.skip("no two folders here list the same files in different orders")


def pagefind_over_folder(records: Path, bundle: Path) -> None:
    """What index.py did before: Pagefind reads the folder itself, in directory order."""
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(records),
                    "--output-path", str(bundle), "--force-language", "zh", "--silent"],
                   check=True)
    canonicalise(bundle)


def test_the_index_does_not_depend_on_the_order_a_folder_lists_records_in(
        scratch: list[Path], tmp_path: Path):
    first, second = listed_apart(scratch)
    # Pagefind over each folder: pages are numbered in directory order, files differ.
    pagefind_over_folder(first / SHARD, tmp_path / "folder-1")
    pagefind_over_folder(second / SHARD, tmp_path / "folder-2")
    assert tree(tmp_path / "folder-1") != tree(tmp_path / "folder-2")

    index_shards(first, tmp_path / "one", [SHARD], [SHARD], 1)
    index_shards(second, tmp_path / "two", [SHARD], [SHARD], 1)
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert any(name.startswith("index/") for name in one)
    assert any(name.endswith(".pf_filter") for name in one)
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def test_pages_are_numbered_in_the_order_of_their_names(scratch: list[Path],
                                                         tmp_path: Path):
    _, backwards = listed_apart(scratch)  # its files were made last name first
    index_shards(backwards, tmp_path / "bundle", [SHARD], [SHARD], 1)
    bundle = tmp_path / "bundle"
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    meta = read_cbor(bundle / f"pagefind.{entry['languages']['zh']['hash']}.pf_meta")
    assert isinstance(meta, list)
    urls = [json.loads(gzip.decompress((bundle / "fragment" / f"{page}.pf_fragment")
                                       .read_bytes())[len(SIGNATURE):])["url"]
            for page, _ in meta[1]]
    assert urls == [f"/{name}" for name in sorted(RECORDS)]
    # Articles of one day are sorted by date in name order too.
    [(key, by_date)] = meta[4]
    assert key == "date" and by_date == list(range(len(RECORDS)))


# -- the Pagefind version ------------------------------------------------------------------

@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A small canonical bundle of this Pagefind version."""
    write_records(tmp_path / "records", sorted(RECORDS)[:4])
    index_shards(tmp_path / "records", tmp_path / "bundle", [SHARD], [SHARD], 1)
    return tmp_path / "bundle"


def test_a_bundle_of_this_pagefind_version_is_accepted(bundle: Path):
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert entry["version"] == PAGEFIND_VERSION
    before = tree(bundle)
    canonicalise(bundle)
    assert tree(bundle) == before


def refusal(bundle: Path) -> str:
    """The one-line error canonicalise gives, having changed nothing."""
    before = tree(bundle)
    with pytest.raises(ArchiveError) as caught:
        canonicalise(bundle)
    assert tree(bundle) == before
    message = str(caught.value)
    assert "\n" not in message
    assert f"Pagefind {PAGEFIND_VERSION}" in message
    assert f"pip install 'pagefind[bin]=={PAGEFIND_VERSION}'" in message
    return message


def test_a_bundle_of_another_pagefind_version_is_refused(bundle: Path):
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text())
    for version, found in (("1.6.0", "Pagefind 1.6.0"), ("", "an unknown Pagefind")):
        entry_path.write_text(json.dumps({**entry, "version": version}))
        message = refusal(bundle)
        assert message.startswith(f"{entry_path}: search index written by {found}, ")
    del entry["version"]
    entry_path.write_text(json.dumps(entry))
    assert "written by an unknown Pagefind" in refusal(bundle)


def test_metadata_of_another_pagefind_version_is_refused(bundle: Path):
    """The metadata file carries the version too; it must agree with the entry file's."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    meta_path = bundle / f"pagefind.{entry['languages']['zh']['hash']}.pf_meta"
    meta = read_cbor(meta_path)
    assert isinstance(meta, list) and meta[0] == PAGEFIND_VERSION
    meta[0] = "1.4.0"
    meta_path.write_bytes(gzip.compress(SIGNATURE + cbor2.dumps(meta), mtime=0))
    assert refusal(bundle).startswith(f"{meta_path}: search index written by Pagefind 1.4.0")
