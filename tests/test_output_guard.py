"""`archive build --out`: a build replaces only a folder of its own, and says so in one line."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from e2e_site import ONE_ISSUE, one_issue_project

from generator.cli import main
from generator.commands.output import MARKER


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A project folder with one issue of the sample archive and a site.yaml; cwd."""
    root = one_issue_project(tmp_path)
    (root / "notes").mkdir()
    (root / "notes" / "todo.txt").write_text("keep me\n", encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and ".lock" not in p.name}


def build(capsys, *args: str) -> tuple[int, str]:
    code = main(["build", "--no-search", "-q", *args])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("out", ["content", ".", "..", "content/xuchang", "notes",
                                 "content/public", "site.yaml", "/", "~"])
def test_a_folder_that_is_not_the_builds_own_is_refused_and_left_alone(project, capsys, out):
    before = snapshot(project.parent)
    code, err = build(capsys, "--out", os.path.expanduser(out), "--clean")
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("archive: error: --out ")
    assert "pass --out" in lines[0] or "empty it" in lines[0]
    assert snapshot(project.parent) == before


def test_a_template_folder_is_refused(project, capsys):
    theme = project / "theme"
    (theme / "assets").mkdir(parents=True)
    (project / "site.yaml").write_text("title: 测试\ntemplates: [theme]\n", encoding="utf-8")
    code, err = build(capsys, "--out", "theme")
    assert code == 2 and "template folder" in err
    code, err = build(capsys, "--out", "theme/public")
    assert code == 2 and "inside a template folder" in err


def test_public_beside_content_is_built_marked_and_rebuilt(project, capsys):
    code, err = build(capsys)
    assert code == 0, err
    assert (project / "public" / MARKER).is_file()
    assert (project / "public" / ONE_ISSUE / "06-02" / "index.html").is_file()
    code, err = build(capsys, "--clean")
    assert code == 0, err


def test_an_empty_folder_may_be_the_output(project, capsys):
    (project / "site-out").mkdir()
    code, err = build(capsys, "--out", "site-out")
    assert code == 0, err
    assert (project / "site-out" / "index.html").is_file()


def test_a_non_empty_folder_without_the_marker_is_not_replaced(project, capsys):
    out = project / "mine"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"years of work")
    code, err = build(capsys, "--out", "mine", "--clean")
    assert code == 2 and ".archive-output" in err
    assert (out / "thesis.docx").read_bytes() == b"years of work"


@pytest.mark.parametrize("clean", [[], ["--clean"]])
def test_another_static_sites_output_is_not_taken_for_ours(project, capsys, clean):
    # index.html, sitemap.xml and assets/ are what any static site has: only the marker
    # says a folder is this archive's output.
    out = project / "other"
    (out / "assets").mkdir(parents=True)
    (out / "index.html").write_text("<html>", encoding="utf-8")
    (out / "sitemap.xml").write_text("x", encoding="utf-8")
    (out / "precious.txt").write_text("PRECIOUS", encoding="utf-8")
    code, err = build(capsys, "--out", "other", *clean)
    assert code == 2 and ".archive-output" in err
    assert (out / "precious.txt").read_text(encoding="utf-8") == "PRECIOUS"


def test_two_papers_folders_cannot_hide_site_sections(project, capsys):
    """A city folder named like a section of the site (search/) would overwrite it."""
    bad = project / "content" / "search" / "ribao" / "2023" / "03" / "23"
    shutil.copytree(project / "content" / ONE_ISSUE, bad)
    code, err = build(capsys)
    assert code == 2
    assert "content/search/ribao/2023/03/23/: city folder 'search' is reserved" in err
    assert not (project / "public").exists()


def test_a_symlink_inside_another_output_or_the_working_folder_is_refused(project, capsys):
    (project / "dangling").symlink_to(project.parent / "nowhere" / "deep")
    code, err = build(capsys, "--out", "dangling")
    assert code == 2 and "symbolic link" in err
    assert not (project.parent / "nowhere").exists()
    assert build(capsys)[0] == 0
    code, err = build(capsys, "--out", "public/xuchang/sub")
    assert code == 2 and "the output of another build" in err
    code, err = build(capsys, "--out", ".archive/serve/public")
    assert code == 2 and "working folder" in err
