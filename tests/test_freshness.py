"""The build cache's fingerprint of everything besides content: an upgrade rebuilds."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from generator.commands import freshness
from generator.config import load_config


def test_the_versions_of_the_rendering_packages_are_read_as_installed():
    versions = dict(freshness.dependency_versions())
    for name in ("markdown", "jinja2", "pagefind", "pyyaml"):
        assert versions[freshness._normalise(name)] == metadata.version(name)


def test_an_upgraded_package_changes_the_fingerprint(monkeypatch, tmp_path):
    config = load_config(tmp_path / "none.yaml")
    dirs = [Path(d) for d in config["templates"]]
    before = freshness.settings_fingerprint(config, dirs, search=True)
    versions = dict(freshness.dependency_versions())
    versions["markdown"] = "99.0"
    monkeypatch.setattr(freshness, "dependency_versions", lambda: tuple(sorted(versions.items())))
    assert freshness.settings_fingerprint(config, dirs, search=True) != before
