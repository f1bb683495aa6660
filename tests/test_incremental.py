"""An incremental build gives the same bytes as a clean build of the same content.

A scripted sequence of changes an archive sees (an edited article, a new issue, a
deleted and a moved article, a new oldest month, a template and a config change) is
applied to a copy of the sample archive; after each, `archive build` updates one
output folder from its cache and `archive build --clean` builds another from scratch,
and the two trees must be identical, search index included. Then interruptions: a
build that fails before its output is in place changes nothing; one that stops while
moving files into place is completed by the next build.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from e2e_site import SAMPLE_CONTENT, differences, tree
from test_scans import png

import generator
from generator.cli import main
from generator.commands import build as build_module
from generator.commands import freshness, state

ISSUE = "xuchang/ribao/2023/03/15"


class Archive:
    """A copy of the sample archive with its own config, built two ways."""

    def __init__(self, root: Path):
        self.root = root
        self.content = root / "content"
        shutil.copytree(SAMPLE_CONTENT, self.content)
        self.config = root / "site.yaml"
        self.config.write_text("title: 测试档案\nbase_url: https://example.org\n",
                               encoding="utf-8")
        self.out = root / "public"
        self.builds = 0

    def build(self, *flags: str, out: Path | None = None, expect: int = 0) -> None:
        code = main(["build", "--content", str(self.content), "--out", str(out or self.out),
                     "--config", str(self.config), "--quiet", *flags])
        assert code == expect

    def check(self, *flags: str) -> None:
        """Update public/ incrementally, build a clean copy, compare."""
        self.build(*flags)
        self.builds += 1
        clean = self.root / f"clean-{self.builds}"
        self.build("--clean", *flags, out=clean)
        assert differences(self.out, clean) == []
        shutil.rmtree(clean)

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.content / rel
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        bump(path)

    def copy_issue(self, rel: str, date: str) -> str:
        """A new issue: the files of an existing one under another date (of the same paper;
        without the aliases, which are the old URLs of the copied articles only)."""
        paper = "/".join(rel.split("/")[:2])  # <city>/<paper>
        y, m, d = date.split("-")
        target = f"{paper}/{y}/{m}/{d}"
        shutil.copytree(self.content / rel, self.content / target)
        for path in (self.content / target).glob("*.md"):
            text = path.read_text(encoding="utf-8")
            text = re.sub(r"^date: .*$", f"date: {date}", text, count=1, flags=re.M)
            text = re.sub(r"^source: [\w-]+/[\w-]+/\d{4}/\d{2}/\d{2}/", f"source: {target}/",
                          text, count=1, flags=re.M)
            text = re.sub(r"^aliases: .*\n", "", text, count=1, flags=re.M)
            path.write_text(text, encoding="utf-8")
        return target


def bump(path: Path) -> None:
    """Make sure the file's time changes even on coarse clocks."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    return Archive(tmp_path)


def test_incremental_builds_equal_clean_builds_through_a_year_of_changes(archive: Archive):
    archive.check()  # the first build is a full one

    # An editor corrects an article: its pages, its issue, its month's data and index.
    archive.edit(f"{ISSUE}/02-01.md", "3月13日", "3月13日上午")
    archive.check()
    assert "3月13日上午" in (archive.out / ISSUE / "02-01/index.html").read_text()

    # A new issue arrives, next to an existing one (prev/next links change).
    new = archive.copy_issue(ISSUE, "2023-03-16")
    archive.check()
    assert (archive.out / new / "02-01/index.html").is_file()

    # An article is deleted; another is moved to another seq number (both on purpose:
    # a published URL goes away).
    (archive.content / new / "02-07.md").unlink()
    archive.check("--allow-removed")
    assert not (archive.out / new / "02-07").exists()
    moved = (archive.content / new / "02-06.md").read_text(encoding="utf-8")
    (archive.content / new / "02-06.md").unlink()
    (archive.content / new / "02-09.md").write_text(
        re.sub(r"^seq: 6$", "seq: 9", moved, flags=re.M), encoding="utf-8")
    archive.check("--allow-removed")
    assert not (archive.out / new / "02-06").exists()

    # `archive move`: the article goes to another place, its old URL becomes a redirect.
    assert main(["move", str(archive.content / new / "02-05.md"),
                 str(archive.content / new / "02-10.md"), "--content",
                 str(archive.content)]) == 0
    archive.check()
    redirect = (archive.out / new / "02-05/index.html").read_text(encoding="utf-8")
    assert f'content="0; url=/{new}/02-10/"' in redirect
    assert f"/{new}/02-05/ /{new}/02-10/ 301!" in (archive.out / "_redirects").read_text()

    # A new day in the archive's latest month: only that month's search segment is
    # written anew (in a folder of a new name); the older one stays as it was.
    before = segment_folders(archive.out)
    latest = archive.copy_issue("xuchang/ribao/2023/10/19", "2023-10-20")
    archive.check()
    after = segment_folders(archive.out)
    assert len(after) == len(before) == 2
    assert after[0] == before[0] and after[1] != before[1]
    assert after[1].startswith("2023-10.")
    shutil.rmtree(archive.content / latest)
    archive.check("--allow-removed")
    assert segment_folders(archive.out) == before

    # An issue older than any other: a new first month in the older segment.
    archive.copy_issue(ISSUE, "2018-01-02")
    archive.check()

    # The whole new issue goes away again.
    shutil.rmtree(archive.content / new)
    archive.check("--allow-removed")
    assert not (archive.out / new).exists()

    # A template override, then a config change.
    templates = archive.root / "my-templates"
    templates.mkdir()
    page = (freshness.GENERATOR / "templates" / "404.html").read_text()
    (templates / "404.html").write_text(page.replace("页面不存在", "没有这一页"))
    archive.config.write_text(archive.config.read_text() + "templates: [my-templates]\n")
    archive.check()
    assert "没有这一页" in (archive.out / "404.html").read_text()
    archive.config.write_text(archive.config.read_text().replace("测试档案", "另一个名字"))
    archive.check()

    # A site dictionary of local names, then a word added to it: only the dictionary
    # changed, and the entities are extracted again (its content is in the fingerprint).
    zone = archive.out / "places" / "许昌经济技术开发区" / "index.html"
    names = archive.root / "names.txt"
    names.write_text("椹涧乡 ns\n", encoding="utf-8")
    archive.config.write_text(archive.config.read_text() + "entity_dictionary: names.txt\n")
    archive.check()
    assert not zone.exists()
    names.write_text("椹涧乡 ns\n许昌经济技术开发区 ns\n", encoding="utf-8")
    archive.check()
    assert zone.is_file()


def test_a_new_issue_rewrites_no_page_of_an_older_issue_and_only_its_entities_pages(
        archive: Archive):
    """Related lists draw on earlier articles only, and each entity page is a unit: a
    new day's issue leaves the article pages of older issues as they were, and rewrites
    the pages of the entities it names, not the others."""
    archive.build()
    pages = sorted((archive.out / ISSUE).rglob("*.html"))
    entities = sorted((archive.out / "people").rglob("index.html"))
    before = {p: p.stat().st_mtime_ns for p in [*pages, *entities]}
    archive.copy_issue("xuchang/ribao/2023/10/19", "2023-10-20")
    archive.check()
    assert [p for p in pages if p.stat().st_mtime_ns != before[p]] == []
    rewritten = [p for p in entities if p.stat().st_mtime_ns != before[p]]
    assert archive.out / "people" / "index.html" in rewritten  # the counts changed
    assert 1 < len(rewritten) < len(entities)


def test_a_build_with_nothing_to_do_writes_nothing(archive: Archive, capsys):
    archive.build()
    before = {p: p.stat().st_mtime_ns for p in archive.out.rglob("*")}
    main(["build", "--content", str(archive.content), "--out", str(archive.out),
          "--config", str(archive.config)])
    assert "is up to date" in capsys.readouterr().out
    assert {p: p.stat().st_mtime_ns for p in archive.out.rglob("*")} == before


def test_a_build_that_fails_before_its_output_is_in_place_changes_nothing(
        archive: Archive, monkeypatch):
    archive.build()
    before = tree(archive.out)
    archive.edit(f"{ISSUE}/02-01.md", "3月13日", "3月14日")

    def broken(*args, **kwargs):
        raise RuntimeError("the indexer died")

    monkeypatch.setattr(build_module, "write_segment_list", broken)
    with pytest.raises(RuntimeError):
        archive.build()
    assert tree(archive.out) == before
    monkeypatch.undo()
    archive.check()


def test_a_build_stopped_while_moving_files_is_completed_by_the_next(
        archive: Archive, monkeypatch):
    archive.build()
    archive.edit(f"{ISSUE}/02-01.md", "3月13日", "3月14日")
    moves = []
    real_replace = os.replace

    def stop_after_a_few(src, dst):
        if str(dst).startswith(str(archive.out)):
            moves.append(dst)
            if len(moves) == 3:
                raise KeyboardInterrupt
        return real_replace(src, dst)

    monkeypatch.setattr(state.os, "replace", stop_after_a_few)
    archive.build(expect=130)  # Ctrl-C: `archive: interrupted`
    monkeypatch.undo()
    assert state.commit_dir(archive.out).exists()  # the journal of the unfinished change
    archive.check()
    assert not state.commit_dir(archive.out).exists()


def test_only_changed_issues_are_analysed_again_and_a_damaged_batch_is_redone(
        archive: Archive, monkeypatch):
    """A segment is put together from its issues' analysed batches (kept in the build
    cache): an edit analyses its own issue again, not the others; a batch that cannot
    be read is analysed again, and the output is still a clean build's."""
    archive.build()
    analysed: list[str] = []
    real = build_module.analyse
    monkeypatch.setattr(build_module, "analyse",
                        lambda records: analysed.append(records[0].url) or real(records))
    archive.edit(f"{ISSUE}/02-01.md", "3月13日", "3月14日")
    archive.build("--jobs", "1")  # in this process, where the spy is
    assert {"~".join(url.lstrip("/").split("~")[:5]) for url in analysed} == {
        ISSUE.replace("/", "~")}
    monkeypatch.undo()
    archive.check()
    batches = sorted((archive.root / ".archive").rglob("*.batch"))
    assert len(batches) > 3
    for batch in batches:
        batch.write_bytes(batch.read_bytes()[:50])  # cut short, as by a full disk
    archive.edit(f"{ISSUE}/02-01.md", "3月14日", "3月15日")
    archive.check()


def test_a_changed_generator_invalidates_the_cache(archive: Archive, monkeypatch):
    archive.build()
    monkeypatch.setattr(generator, "__version__", "999")
    built = []
    real = build_module.swap_into_place
    monkeypatch.setattr(build_module, "swap_into_place",
                        lambda *a: (built.append(a), real(*a)))
    archive.build()
    assert built, "a new generator version must rebuild everything"


def test_a_scan_added_replaced_and_removed_gives_a_clean_builds_output(archive: Archive):
    """A scan re-renders its issue's pages and is published beside the page text; its
    month's data files and search segment, which hold text only, stay as they are."""
    archive.check()
    segments = segment_folders(archive.out)
    month = archive.out / "data/2023/03/articles.jsonl"
    inode = month.stat().st_ino
    scan = archive.content / ISSUE / "02.png"
    scan.write_bytes(png(30, 40))
    archive.check()
    assert (archive.out / ISSUE / "02.png").read_bytes() == scan.read_bytes()
    assert f'src="/{ISSUE}/02.png"' in (archive.out / ISSUE / "02/index.html").read_text()
    assert segment_folders(archive.out) == segments and month.stat().st_ino == inode

    # Replaced by another file (a new inode), then by writing into it (`cp` does that).
    replacement = archive.root / "new.png"
    replacement.write_bytes(png(31, 41))
    os.replace(replacement, scan)
    archive.check()
    assert (archive.out / ISSUE / "02.png").read_bytes() == png(31, 41)
    assert 'width="31" height="41"' in (archive.out / ISSUE / "02/index.html").read_text()
    scan.write_bytes(png(32, 42))
    bump(scan)
    archive.check()
    assert 'width="32" height="42"' in (archive.out / ISSUE / "02/index.html").read_text()

    scan.unlink()
    archive.check()
    assert not (archive.out / ISSUE / "02.png").exists()
    assert "02.png" not in (archive.out / ISSUE / "02/index.html").read_text()


def segment_folders(out: Path) -> list[str]:
    """The search index's segment folders, oldest first, as segments.json lists them."""
    listing = json.loads((out / "pagefind" / "segments.json").read_text(encoding="utf-8"))
    folders = [s["path"].rstrip("/") for s in listing["segments"]]
    assert sorted(p.name for p in (out / "pagefind").iterdir() if p.is_dir()) == sorted(folders)
    return folders


def test_an_entity_with_pages_of_older_articles_stays_equal_to_a_clean_build(tmp_path: Path):
    """An entity named in more than a page of articles (100) has numbered pages of older
    ones; a new article must leave them as a clean build makes them."""
    import datetime as dt

    archive = Archive(tmp_path)
    shutil.rmtree(archive.content)
    day = dt.date(2022, 1, 1)

    def add(date: dt.date, n: int) -> None:
        folder = archive.content / f"xuchang/ribao/{date:%Y/%m/%d}"
        folder.mkdir(parents=True)
        (folder / "01-01.md").write_text(
            f"---\ntitle: 市长张三调研第{n}号工程\nbyline: 本报记者 李新\ncity: 许昌\n"
            f"paper: 许昌日报\ndate: {date.isoformat()}\npage: 1\n---\n\n"
            f"市长张三在许昌市调研第{n}号工程时说，要抓好安全生产。\n", encoding="utf-8")

    for n in range(101):
        add(day + dt.timedelta(days=n), n)
    archive.check("--no-search")
    assert (archive.out / "people" / "张三" / "1" / "index.html").is_file()
    add(dt.date(2022, 12, 31), 101)
    archive.check("--no-search")
