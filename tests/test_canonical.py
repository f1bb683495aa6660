"""Builds are reproducible: the same content gives the same bytes, search index included.

Pagefind writes its filter files in hash-map order; generator/search/canonical.py
rewrites them in a stable order. Without that, two builds of the same content differ.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from e2e_site import SAMPLE_CONTENT, build

from generator.search.canonical import SIGNATURE, canonicalise, read_cbor


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
