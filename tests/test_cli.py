"""The command line as a user meets it: exit codes, one-line errors, nothing half-written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

PAGE = """本报讯（记者 王明）3 月 5 日，市文化局在
市图书馆举办读书分享会，吸引了二百
多名市民参加。

活动现场，读者们交流读书心得，气
氛热烈。

全民阅读分享会在市图书馆举行
"""


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def run(capsys, *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str, *needles: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("archive: error: ")
    assert "Traceback" not in err
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_segment_prints_a_readable_summary(tmp_path, capsys):
    page = write(tmp_path / "p.txt", PAGE)
    code, out, _ = run(capsys, "segment", page)
    assert code == 0
    assert out.startswith("p.txt: 1 article\n")
    assert "全民阅读分享会在市图书馆举行" in out
    assert "byline: 本报讯（记者 王明）" in out


def test_segment_json_is_one_object_per_article(tmp_path, capsys):
    page = write(tmp_path / "p.txt", PAGE)
    code, out, _ = run(capsys, "segment", page, "--json")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(records) == 1
    assert set(records[0]) == {"kind", "title", "kicker", "subtitle", "byline", "body",
                               "continued_from", "continues_on", "segmentation"}
    assert records[0]["body"].startswith("3月5日，市文化局")
    assert "\n\n活动现场" in records[0]["body"]


def test_segment_reads_gb18030_pages(tmp_path, capsys):
    page = write(tmp_path / "p.txt", PAGE.encode("gb18030"))
    code, out, _ = run(capsys, "segment", page, "--json")
    assert code == 0 and "全民阅读分享会" in out


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (bytes(range(256)) * 20, "not a text page"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "not a text page"),
    ],
)
def test_bad_pages_give_one_line_errors(tmp_path, capsys, data, needle):
    page = write(tmp_path / "bad.txt", data)
    code, _, err = run(capsys, "segment", page)
    assert code == 2
    assert_one_line_error(err, "bad.txt", needle)


def test_a_huge_page_is_refused_before_it_is_read(tmp_path, capsys):
    page = tmp_path / "huge.txt"
    with page.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    code, _, err = run(capsys, "segment", page)
    assert code == 2
    assert_one_line_error(err, "huge.txt", "too large")


def test_missing_file(tmp_path, capsys):
    code, _, err = run(capsys, "segment", tmp_path / "nope.txt")
    assert code == 2
    assert_one_line_error(err, "nope.txt", "no such file")


def test_ingest_writes_articles_and_raw_page(tmp_path, capsys):
    page = write(tmp_path / "in" / "p.txt", PAGE)
    content = tmp_path / "content"
    code, out, _ = run(capsys, "ingest", page, "--content", content, "--city", "许昌",
                       "--paper", "许昌日报", "--date", "2023-03-06", "--page", "2")
    assert code == 0, out
    issue = content / "xuchang" / "ribao" / "2023" / "03" / "06"
    assert sorted(p.name for p in issue.iterdir() if not p.name.startswith(".")) == [
        "02-01.md", "02.txt"]
    assert sorted(p.relative_to(content).as_posix() for p in content.rglob("*")
                  if p.is_file() and not p.name.startswith(".")) == [
        "xuchang/ribao/2023/03/06/02-01.md", "xuchang/ribao/2023/03/06/02.txt"]
    assert (issue / "02.txt").read_text(encoding="utf-8") == PAGE
    text = (issue / "02-01.md").read_text(encoding="utf-8")
    assert "title: 全民阅读分享会在市图书馆举行" in text
    assert "byline: 本报讯（记者 王明）" in text


def test_reingest_is_idempotent_and_keeps_an_editors_fix(tmp_path, capsys):
    page = write(tmp_path / "in" / "p.txt", PAGE)
    content = tmp_path / "content"
    flags = ["--content", content, "--city", "许昌", "--paper", "许昌日报",
             "--date", "2023-03-06", "--page", "2"]
    run(capsys, "ingest", page, *flags)
    article = content / "xuchang/ribao/2023/03/06/02-01.md"
    edited = article.read_text(encoding="utf-8").replace("二百多名", "三百多名")
    article.write_text(edited, encoding="utf-8")

    code, out, _ = run(capsys, "ingest", page, *flags)
    assert code == 0
    assert article.read_text(encoding="utf-8") == edited
    assert "kept xuchang/ribao/2023/03/06/02-01.md" in out
    assert "0 files written" in out


def test_folder_without_metadata_is_refused(tmp_path, capsys):
    write(tmp_path / "in" / "p.txt", PAGE)
    code, _, err = run(capsys, "ingest", tmp_path / "in", "--content", tmp_path / "c")
    assert code == 2
    assert_one_line_error(err, "p.txt", "page", "pages.yaml")
    assert not (tmp_path / "c").exists()


def test_one_bad_page_leaves_nothing_half_written(tmp_path, capsys):
    folder = tmp_path / "in"
    write(folder / "a.txt", PAGE)
    write(folder / "b.txt", bytes(range(256)) * 20)
    meta = "{city: 许昌, paper: 许昌日报, date: 2023-03-06, page: %d}"
    write(folder / "pages.yaml", f"a.txt: {meta % 1}\nb.txt: {meta % 2}\n")
    code, _, err = run(capsys, "ingest", folder, "--content", tmp_path / "c")
    assert code == 2
    assert_one_line_error(err, "b.txt")
    assert not (tmp_path / "c").exists()


def test_unwritable_content_root(tmp_path, capsys):
    page = write(tmp_path / "p.txt", PAGE)
    blocker = write(tmp_path / "content", "a file where the content folder should be")
    code, _, err = run(capsys, "ingest", page, "--content", blocker, "--city", "许昌",
                       "--paper", "许昌日报", "--date", "2023-03-06", "--page", "2")
    assert code == 2
    assert_one_line_error(err, "content")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_content_root(tmp_path, capsys):
    page = write(tmp_path / "p.txt", PAGE)
    content = tmp_path / "content"
    content.mkdir()
    content.chmod(0o500)
    try:
        code, _, err = run(capsys, "ingest", page, "--content", content, "--city", "许昌",
                           "--paper", "许昌日报", "--date", "2023-03-06", "--page", "2")
    finally:
        content.chmod(0o700)
    assert code == 2
    assert_one_line_error(err, "cannot write")


def test_console_entry_points_run(tmp_path):
    page = write(tmp_path / "p.txt", PAGE)
    result = subprocess.run([sys.executable, "-m", "generator", "segment", str(page), "--json"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[0])["title"] == "全民阅读分享会在市图书馆举行"


def test_a_broken_template_is_one_line_naming_it_and_public_stays(tmp_path, capsys):
    from e2e_site import SAMPLE_CONTENT, project_copy

    content, _ = project_copy(SAMPLE_CONTENT)
    (tmp_path / "my-templates").mkdir()
    (tmp_path / "my-templates" / "issue.html").write_text("{% if %}\n", encoding="utf-8")
    config = tmp_path / "site.yaml"
    config.write_text("templates: [my-templates]\n", encoding="utf-8")
    out = tmp_path / "public"
    code = main(["build", "--content", str(content), "--out", str(out),
                 "--config", str(config), "--quiet", "--no-search"])
    err = capsys.readouterr().err
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "issue.html:1: template: " in err
    assert not out.exists()


def test_a_file_system_fault_without_a_file_name_names_the_folder_written() -> None:
    import errno

    from generator.cli import build_parser, os_problem, written_to

    args = build_parser().parse_args(["build", "--out", "site"])
    line = os_problem(OSError(errno.ENOSPC, "No space left on device"), written_to(args))
    assert line.startswith("a file in site: No space left on device; ")


@pytest.mark.parametrize("jobs", ["256", "-1", "many"])
def test_a_number_of_workers_out_of_range_is_refused(capsys, jobs) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["build", "--jobs", jobs])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "--jobs" in err and len(err.strip().splitlines()) == 1  # no usage block
