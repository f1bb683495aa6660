"""write_page: articles in, content files out, editors' corrections never overwritten."""

import datetime as dt
import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from generator.content.frontmatter import parse
from generator.content.metadata import PageMeta
from generator.content.reader import read_article
from generator.content.store import (
    MANIFEST,
    STALE_TEMP_SECONDS,
    checksum_of,
    load_manifest,
    text_checksum,
    write_page,
)
from generator.errors import ArchiveError
from generator.ingest.article import Article

META = PageMeta(city="许昌", paper="许昌日报", date=dt.date(2023, 3, 23), page=6,
                section="民生经济", inferred=("date",))
PAGE_TEXT = "许昌市东城区\r\n网络举报“直通车”\n\n（上接第一版）王�\n"
DAY = Path("xuchang/ribao/2023/03/23")


def articles(*titles: str) -> list[Article]:
    return [
        Article(title=t, byline="本报讯（记者 李新）", paragraphs=[f"{t}的第一段。", "第二段。"])
        for t in titles
    ]


def ingest(root: Path, *titles: str, restore: bool = False):
    return write_page(root, META, PAGE_TEXT, "000.txt", articles(*titles), restore=restore)


def names(paths: list[Path], root: Path) -> list[str]:
    return sorted(str(p.relative_to(root / DAY)) for p in paths)


def test_first_ingest_writes_articles_and_the_raw_page(tmp_path):
    report = ingest(tmp_path, "网络举报“直通车”", "创文: 攻坚")
    assert names(report.written, tmp_path) == ["06-01.md", "06-02.md", "06.txt"]
    assert report.unchanged == report.kept == report.removed == []

    text = (tmp_path / DAY / "06-02.md").read_text(encoding="utf-8")
    front, body, _ = parse(text, "06-02.md")
    assert list(front) == ["title", "kicker", "subtitle", "byline", "kind", "city", "paper",
                           "date", "page", "seq", "section", "continued_from", "continues_on",
                           "source", "inferred", "segmentation", "checksum"]
    assert front["title"] == "创文: 攻坚"
    assert (front["date"], front["page"], front["seq"]) == ("2023-03-23", 6, 2)
    assert front["source"] == "xuchang/ribao/2023/03/23/06.txt"
    assert front["inferred"] == ["date"]
    assert front["checksum"] == checksum_of(text, f"{DAY}/06-02.md")
    assert body == "创文: 攻坚的第一段。\n\n第二段。"


def test_the_raw_page_is_kept_byte_for_byte(tmp_path):
    ingest(tmp_path, "一")
    assert (tmp_path / DAY / "06.txt").read_bytes() == PAGE_TEXT.encode("utf-8")


def test_written_files_read_back_without_problems(tmp_path):
    ingest(tmp_path, "一", "二")
    warnings: list[str] = []
    for path in (tmp_path / DAY).glob("*.md"):
        _, _, problems = read_article(path, tmp_path, warnings)
        assert problems == []
    assert warnings == []


def test_a_second_identical_ingest_writes_nothing(tmp_path):
    ingest(tmp_path, "一", "二")
    for path in (tmp_path / DAY).iterdir():
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    report = ingest(tmp_path, "一", "二")
    assert report.written == report.kept == report.removed == []
    assert names(report.unchanged, tmp_path) == ["06-01.md", "06-02.md", "06.txt"]
    assert all(p.stat().st_mtime_ns == 1_000_000_000 for p in (tmp_path / DAY).iterdir())
    assert report.lines(tmp_path) == []


def test_an_unedited_file_is_updated_when_the_ingest_changes(tmp_path):
    ingest(tmp_path, "一", "二")
    report = ingest(tmp_path, "一", "二（修订）")
    assert names(report.written, tmp_path) == ["06-02.md"]
    assert "二（修订）" in (tmp_path / DAY / "06-02.md").read_text(encoding="utf-8")


def test_an_edited_file_is_kept_and_reported(tmp_path):
    ingest(tmp_path, "一", "二")
    edited = tmp_path / DAY / "06-02.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("第二段。", "第二段，已校对。"),
                      encoding="utf-8")
    before = edited.read_bytes()

    report = ingest(tmp_path, "一", "二（修订）")

    assert edited.read_bytes() == before
    assert report.kept == [edited]
    assert report.lines(tmp_path) == [f"kept {DAY}/06-02.md: edited by hand"]
    assert "1 kept" in report.summary()


def test_a_hand_written_file_without_checksum_is_kept(tmp_path):
    hand = tmp_path / DAY / "06-01.md"
    hand.parent.mkdir(parents=True)
    hand.write_text("---\ntitle: 手写\ncity: 许昌\npaper: 许昌日报\ndate: 2023-03-23\npage: 6\n"
                    "---\n\n正文\n", encoding="utf-8")
    report = ingest(tmp_path, "一")
    assert report.kept == [hand]
    assert report.reasons[hand] == "written by hand (no checksum)"
    assert "手写" in hand.read_text(encoding="utf-8")


def test_a_file_whose_front_matter_is_broken_is_kept(tmp_path):
    ingest(tmp_path, "一")
    broken = tmp_path / DAY / "06-01.md"
    broken.write_text("---\ntitle: a: b\n---\n", encoding="utf-8")
    assert ingest(tmp_path, "二").kept == [broken]


def test_a_file_saved_in_another_encoding_is_kept(tmp_path):
    ingest(tmp_path, "一")
    saved = tmp_path / DAY / "06-01.md"
    saved.write_bytes(saved.read_text(encoding="utf-8").encode("gb18030"))
    before = saved.read_bytes()
    assert ingest(tmp_path, "二").kept == [saved]
    assert saved.read_bytes() == before


def test_an_article_no_longer_produced_is_removed_unless_edited(tmp_path):
    ingest(tmp_path, "一", "二", "三")
    third = tmp_path / DAY / "06-03.md"
    third.write_text(third.read_text(encoding="utf-8") + "编者按。\n", encoding="utf-8")

    report = ingest(tmp_path, "一")

    assert names(report.removed, tmp_path) == ["06-02.md"]
    assert not (tmp_path / DAY / "06-02.md").exists()
    assert report.kept == [third] and third.exists()
    assert "no longer produced" in report.reasons[third]
    assert f"removed {DAY}/06-02.md: no longer produced by the ingest" in report.lines(tmp_path)


def test_other_pages_of_the_same_day_are_left_alone(tmp_path):
    ingest(tmp_path, "一", "二")
    other = write_page(tmp_path, PageMeta("许昌", "许昌日报", META.date, 7), "七版", "001.txt",
                       articles("七"))
    assert names(other.written, tmp_path) == ["07-01.md", "07.txt"]
    assert (tmp_path / DAY / "06-02.md").exists()


def test_page_labels_name_the_files(tmp_path):
    meta = PageMeta("焦作", "焦作日报", dt.date(2023, 2, 21), "A2")
    report = write_page(tmp_path, meta, "text", "003.txt", articles("一"))
    assert sorted(p.name for p in report.written) == ["A2-01.md", "A2.txt"]
    assert report.written[0].parent == tmp_path / "jiaozuo/ribao/2023/02/21"


def test_no_temporary_files_are_left_behind(tmp_path):
    ingest(tmp_path, "一", "二")
    ingest(tmp_path, "一", "改")
    assert sorted(p.name for p in (tmp_path / DAY).iterdir()) == [MANIFEST, "06-01.md",
                                                                  "06-02.md", "06.txt"]


def test_an_unwritable_content_root_fails_before_writing_anything(tmp_path):
    root = tmp_path / "content"
    root.mkdir(mode=0o500)
    try:
        if os.access(root, os.W_OK):
            pytest.skip("running as root: permissions are not enforced")
        with pytest.raises(ArchiveError) as err:
            ingest(root, "一")
        assert str(err.value) == (
            f"{root}/: cannot write (Permission denied); check permissions or pass --content DIR"
        )
        assert list(root.iterdir()) == []
    finally:
        root.chmod(0o700)


def test_an_unknown_kind_is_a_bug_not_a_file(tmp_path):
    with pytest.raises(ValueError, match="kind"):
        write_page(tmp_path, META, "t", "000.txt", [Article(kind="feature", title="x")])
    assert list(tmp_path.iterdir()) == []


# -- the raw page text and the manifest ------------------------------------------------------

def write_text(root: Path, text: str, *titles: str):
    return write_page(root, META, text, "000.txt", articles(*titles))


def test_the_manifest_records_every_file_the_ingest_wrote(tmp_path):
    ingest(tmp_path, "一", "二")
    manifest = load_manifest(tmp_path / DAY)
    assert sorted(manifest) == ["06-01.md", "06-02.md", "06.txt"]
    for name, sums in manifest.items():
        text = (tmp_path / DAY / name).read_bytes().decode("utf-8")
        assert sums == [text_checksum(text, f"{DAY}/{name}")]
    ingest(tmp_path, "一")
    assert sorted(load_manifest(tmp_path / DAY)) == ["06-01.md", "06.txt"]


def test_an_unedited_page_text_is_replaced_by_a_new_one(tmp_path):
    write_text(tmp_path, "第一版文字\n", "一")
    report = write_text(tmp_path, "第二版文字\n", "一")
    assert names(report.written, tmp_path) == ["06.txt"]
    assert (tmp_path / DAY / "06.txt").read_text(encoding="utf-8") == "第二版文字\n"


def test_a_corrected_page_text_is_kept(tmp_path):
    write_text(tmp_path, "第一版文字\n", "一")
    source = tmp_path / DAY / "06.txt"
    source.write_text("第一版文字（校对）\n", encoding="utf-8")

    report = write_text(tmp_path, "第二版文字\n", "一")

    assert source.read_text(encoding="utf-8") == "第一版文字（校对）\n"
    assert report.kept == [source]
    assert report.lines(tmp_path) == [f"kept {DAY}/06.txt: edited by hand"]
    # the same ingest again: still kept, still said
    assert write_text(tmp_path, "第二版文字\n", "一").kept == [source]


def test_a_page_text_the_manifest_does_not_know_is_kept_unless_it_is_the_same(tmp_path):
    write_text(tmp_path, "旧文字\n", "一")
    (tmp_path / DAY / MANIFEST).unlink()  # e.g. written before manifests existed
    report = write_text(tmp_path, "新文字\n", "一")
    assert report.reasons[tmp_path / DAY / "06.txt"].startswith("not recorded")
    assert (tmp_path / DAY / "06.txt").read_text(encoding="utf-8") == "旧文字\n"

    (tmp_path / DAY / MANIFEST).unlink()
    write_text(tmp_path, "旧文字\n", "一")  # the same text: recorded as the ingest's again
    assert write_text(tmp_path, "新文字\n", "一").written == [tmp_path / DAY / "06.txt"]


def test_a_write_cut_short_leaves_either_text_the_ingests(tmp_path):
    """The manifest lists old and new checksums while the page text is replaced."""
    write_text(tmp_path, "旧文字\n", "一")
    folder = tmp_path / DAY
    data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    rel = f"{DAY}/06.txt"
    data["files"]["06.txt"] = [text_checksum("旧文字\n", rel), text_checksum("新文字\n", rel)]
    (folder / MANIFEST).write_text(json.dumps(data), encoding="utf-8")
    (folder / "06.txt").write_text("新文字\n", encoding="utf-8")  # the rename happened

    report = write_text(tmp_path, "第三版\n", "一")
    assert names(report.written, tmp_path) == ["06.txt"]
    assert load_manifest(folder)["06.txt"] == [text_checksum("第三版\n", rel)]


def test_an_ingest_killed_before_it_wrote_the_page_text_is_completed(tmp_path, monkeypatch):
    # Killed while writing a new page text: the next ingest writes it, rather than taking
    # its absence for an editor's deletion.
    from generator.content import store

    real = store.replace_file

    def killed(path, text, expect=None):
        if path.name == "06.txt":
            raise KeyboardInterrupt  # the process dies here
        return real(path, text, expect=expect)

    monkeypatch.setattr(store, "replace_file", killed)
    with pytest.raises(KeyboardInterrupt):
        ingest(tmp_path, "一")
    monkeypatch.setattr(store, "replace_file", real)
    report = ingest(tmp_path, "一")
    assert "06.txt" in names(report.written, tmp_path)
    assert (tmp_path / DAY / "06.txt").is_file()


def test_a_broken_manifest_loses_nothing(tmp_path):
    write_text(tmp_path, "旧文字\n", "一")
    (tmp_path / DAY / MANIFEST).write_text("{not json", encoding="utf-8")
    report = write_text(tmp_path, "新文字\n", "一")
    assert (tmp_path / DAY / "06.txt").read_text(encoding="utf-8") == "旧文字\n"
    assert report.kept == [tmp_path / DAY / "06.txt"]


# -- copies and renames ----------------------------------------------------------------------

def test_an_unedited_copy_at_another_place_is_an_editors(tmp_path):
    ingest(tmp_path, "一", "二")
    folder = tmp_path / DAY
    copy = folder / "06-05.md"
    copy.write_bytes((folder / "06-02.md").read_bytes())

    report = ingest(tmp_path, "一", "二")

    assert copy.read_bytes() == (folder / "06-02.md").read_bytes()
    assert report.kept == [copy] and report.removed == []
    assert report.reasons[copy] == ("copied or renamed from 06-02.md (its checksum is for "
                                    "that place); no longer produced by the ingest")


def test_a_file_renamed_into_a_place_the_ingest_writes_is_kept(tmp_path):
    ingest(tmp_path, "一", "二", "三")
    folder = tmp_path / DAY
    (folder / "06-02.md").unlink()
    (folder / "06-03.md").rename(folder / "06-02.md")
    moved = (folder / "06-02.md").read_bytes()

    report = ingest(tmp_path, "一", "二", "三")

    assert (folder / "06-02.md").read_bytes() == moved
    # 06-03 was renamed away by the editor: its place stays empty
    assert sorted(report.kept) == [folder / "06-02.md", folder / "06-03.md"]
    assert not (folder / "06-03.md").exists() and report.written == []

    report = ingest(tmp_path, "一", "二")  # page now gives two
    assert (folder / "06-02.md").read_bytes() == moved
    assert report.removed == [] and not (folder / "06-03.md").exists()


def test_a_deleted_article_stays_deleted_until_restore(tmp_path):
    ingest(tmp_path, "一", "二", "三")
    folder = tmp_path / DAY
    (folder / "06-02.md").unlink()
    report = ingest(tmp_path, "一", "二", "三")
    assert not (folder / "06-02.md").exists()
    assert report.kept == [folder / "06-02.md"]
    assert "deleted by an editor" in report.reasons[folder / "06-02.md"]
    report = ingest(tmp_path, "一", "二", "三")  # remembered, not only once
    assert not (folder / "06-02.md").exists()
    report = ingest(tmp_path, "一", "二", "三", restore=True)
    assert (folder / "06-02.md").is_file()
    assert names(report.written, tmp_path) == ["06-02.md"]


def test_a_file_an_editor_saves_while_the_ingest_runs_is_kept(tmp_path, monkeypatch):
    from generator.content import store

    ingest(tmp_path, "一", "二")
    target = tmp_path / DAY / "06-02.md"
    real = store.editor_reason

    def saved_meanwhile(text, rel):
        result = real(text, rel)
        if rel.endswith("06-02.md"):
            target.write_text(text + "编者加的一段。\n", encoding="utf-8")
        return result

    monkeypatch.setattr(store, "editor_reason", saved_meanwhile)
    report = ingest(tmp_path, "一", "二（修订）")
    assert report.reasons[target] == "changed while the ingest ran"
    assert target.read_text(encoding="utf-8").endswith("编者加的一段。\n")

    report = ingest(tmp_path, "一")  # and while it would have removed it
    assert target.exists() and report.removed == []


# -- temporary files of killed writes ------------------------------------------------------

def dead_pid() -> int:
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def test_stale_temporary_files_are_removed(tmp_path):
    ingest(tmp_path, "一")
    folder = tmp_path / DAY
    dead = folder / f".06-01.md.{dead_pid()}-0badc0de.tmp"
    old = folder / f".06.txt.{os.getpid()}-00c0ffee.tmp"
    live = folder / f".06-02.md.{os.getpid()}-1234abcd.tmp"
    other = folder / ".notes.tmp"
    for path in (dead, old, live, other):
        path.write_text("半截", encoding="utf-8")
    past = time.time() - STALE_TEMP_SECONDS - 60
    os.utime(old, (past, past))

    report = ingest(tmp_path, "一")

    assert not dead.exists() and not old.exists()
    assert live.exists() and other.exists()
    assert sorted(report.temps) == sorted([dead, old])
    assert any(line.startswith(f"removed {DAY}/{dead.name}: temporary file")
               for line in report.lines(tmp_path))


def test_a_full_disk_is_told_to_free_space_not_to_check_permissions():
    import errno

    from generator.content.store import _cannot_write

    full = str(_cannot_write(Path("x.md"), OSError(errno.ENOSPC, "No space left on device")))
    assert "free some space" in full and "permissions" not in full
