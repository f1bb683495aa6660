"""Bad input of every kind: one clear line (or one per problem), exit 2, never a traceback.

Each case breaks one thing in an otherwise good project: an article file's front matter
or bytes, site.yaml, a pages.yaml, a flag. The build must name the file and stop with
the output untouched; nothing may take more than a few seconds.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from e2e_site import one_issue_project

from generator.cli import main

ISSUE = "xuchang/ribao/2023/03/23"
GOOD = ("---\ntitle: 好标题\ncity: 许昌\npaper: 许昌日报\ndate: 2023-03-23\npage: 6\n"
        "---\n\n正文。\n")


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    root = one_issue_project(tmp_path)
    monkeypatch.chdir(root)
    return root


@pytest.fixture(autouse=True)
def no_hang():
    """Fail (instead of hanging the suite) when a case takes more than 60 s."""
    def stop(*_):
        raise TimeoutError("took more than 60 s")
    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def check_refused(capsys, argv: list[str], *needles: str) -> str:
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("archive: error: "), err
    for needle in needles:
        assert needle in err, err
    return err


FRONT_MATTER = {
    "title-list": GOOD.replace("title: 好标题", "title: [a, b]"),
    "title-map": GOOD.replace("title: 好标题", "title: {a: 1}"),
    "date-month-13": GOOD.replace("date: 2023-03-23", "date: 2023-13-45"),
    "date-text": GOOD.replace("date: 2023-03-23", "date: 去年"),
    "page-negative": GOOD.replace("page: 6", "page: -1"),
    "page-zero": GOOD.replace("page: 6", "page: 0"),
    "page-label": GOOD.replace("page: 6", "page: A2B"),
    "kind": GOOD.replace("page: 6", "page: 6\nkind: bogus"),
    "seq-text": GOOD.replace("page: 6", "page: 6\nseq: x"),
    "inferred-word": GOOD.replace("page: 6", "page: 6\ninferred: [weather]"),
    "aliases-number": GOOD.replace("page: 6", "page: 6\naliases: 5"),
    "aliases-script": GOOD.replace("page: 6", "page: 6\naliases: ['javascript:alert(1)']"),
    "aliases-dots": GOOD.replace("page: 6", "page: 6\naliases: [/a/../../etc/]"),
    "aliases-full-url": GOOD.replace("page: 6", "page: 6\naliases: [https://x.org/a/]"),
    "checksum-number": GOOD.replace("page: 6", "page: 6\nchecksum: 123"),
    "duplicate-key": GOOD.replace("page: 6", "page: 6\ntitle: 又一个"),
    "tab-indent": GOOD.replace("page: 6", "page: 6\nkicker:\n\t- x"),
    "unclosed": GOOD.replace("---\n\n正文", "\n正文"),
    "no-front-matter": "正文而已。\n",
    "empty-file": "",
    "only-fences": "---\n---\n",
    "top-level-list": "---\n- a\n- b\n---\n\n正文。\n",
    "city-empty": GOOD.replace("city: 许昌", "city: ''"),
    "paper-missing": GOOD.replace("paper: 许昌日报\n", ""),
    "date-mismatch": GOOD.replace("date: 2023-03-23", "date: 2023-03-24"),
    "bad-quote": GOOD.replace("title: 好标题", 'title: "未闭合'),
    "colon-value": GOOD.replace("title: 好标题", "title: 标题: 副标题"),
    "anchor": GOOD.replace("title: 好标题", "title: &a 标题\nkicker: *a"),
}


@pytest.mark.parametrize("name", sorted(FRONT_MATTER))
def test_a_broken_article_file_is_named_and_nothing_is_built(project, capsys, name):
    path = project / "content" / ISSUE / "06-99.md"
    path.write_text(FRONT_MATTER[name], encoding="utf-8")
    check_refused(capsys, ["build", "--no-search"], "content/xuchang/ribao/2023/03/23/06-99.md")
    assert not (project / "public").exists()


@pytest.mark.parametrize("data", [b"\xff\xfe\x00garbage\x80", b"\x00" * 100,
                                  "---\ntitle: x\n---\n".encode("utf-16")],
                         ids=["binary", "nul", "utf-16"])
def test_an_article_file_that_is_not_utf8_text_is_named(project, capsys, data):
    (project / "content" / ISSUE / "06-99.md").write_bytes(data)
    check_refused(capsys, ["build", "--no-search"], "06-99.md")


SITE_YAML = {
    "title-list": "title: []\n",
    "base-url-ftp": "base_url: ftp://example.org\n",
    "feed-size": "feed_size: -1\n",
    "templates-number": "templates: 5\n",
    "templates-missing": "templates: [nowhere]\n",
    "city-slug-spaces": "city_slugs: {许昌: Bad Slug}\n",
    "paper-slug-reserved": "paper_slugs: {许昌日报: search}\n",
    "unknown-key": "titel: 档案\n",
    "not-a-mapping": "- a\n- b\n",
    "invalid-yaml": "title: [unclosed\n",
    "binary": "\udcff",
}


@pytest.mark.parametrize("name", sorted(SITE_YAML))
def test_a_broken_site_yaml_is_named(project, capsys, name):
    text = SITE_YAML[name]
    data = b"\xff\xfe\x80" if name == "binary" else text.encode("utf-8")
    (project / "site.yaml").write_bytes(data)
    check_refused(capsys, ["build", "--no-search"], "site.yaml")
    assert not (project / "public").exists()


PAGES_YAML = {
    "entry-scalar": "p.txt: 许昌\n",
    "date-invalid": "p.txt: {city: 许昌, paper: 许昌日报, date: 2023-02-30, page: 1}\n",
    "page-invalid": "p.txt: {city: 许昌, paper: 许昌日报, date: 2023-03-01, page: -3}\n",
    "inferred-invalid": ("p.txt: {city: 许昌, paper: 许昌日报, date: 2023-03-01, page: 1, "
                         "inferred: [mood]}\n"),
    "city-number": "p.txt: {city: 5, paper: 许昌日报, date: 2023-03-01, page: 1}\n",
    "invalid-yaml": "p.txt: {city: 许昌\n",
    "future-date": "p.txt: {city: 许昌, paper: 许昌日报, date: 2999-01-01, page: 1}\n",
    "ancient-date": "p.txt: {city: 许昌, paper: 许昌日报, date: 0001-01-01, page: 1}\n",
}


@pytest.mark.parametrize("name", sorted(PAGES_YAML))
def test_a_broken_pages_yaml_is_named_and_nothing_is_written(project, capsys, name):
    incoming = project / "incoming"
    incoming.mkdir()
    (incoming / "p.txt").write_text("本报讯（记者 王明）市图书馆举办读书分享会。\n",
                                    encoding="utf-8")
    (incoming / "pages.yaml").write_text(PAGES_YAML[name], encoding="utf-8")
    before = sorted(p.name for p in (project / "content").rglob("*"))
    check_refused(capsys, ["ingest", str(incoming)], "pages.yaml")
    assert sorted(p.name for p in (project / "content").rglob("*")) == before


@pytest.mark.parametrize(("flag", "value"), [("--date", "2023-02-30"), ("--date", "tomorrow"),
                                             ("--page", "0"), ("--page", "第六版"),
                                             ("--city", "!!!")])
def test_a_bad_flag_is_named(project, capsys, flag, value):
    page = project / "p.txt"
    page.write_text("本报讯（记者 王明）市图书馆举办读书分享会。\n", encoding="utf-8")
    flags = {"--city": "许昌", "--paper": "许昌日报", "--date": "2023-03-01", "--page": "1",
             flag: value}
    argv = ["ingest", str(page)] + [x for kv in flags.items() for x in kv]
    check_refused(capsys, argv, flag if flag != "--city" else "city")


def test_a_page_number_of_thousands_of_digits_is_named(project, capsys):
    path = project / "content" / ISSUE / "06-99.md"
    path.write_text(GOOD.replace("page: 6", "page: " + "9" * 5000), encoding="utf-8")
    check_refused(capsys, ["build", "--no-search"], "06-99.md", "page")


@pytest.mark.parametrize("year", ["0001", "0999", "1799"])
def test_a_year_before_1800_is_named(project, capsys, year):
    folder = project / "content" / "xuchang" / "ribao" / year / "01" / "01"
    folder.mkdir(parents=True)
    (folder / "01-01.md").write_text(GOOD.replace("2023-03-23", f"{year}-01-01")
                                     .replace("page: 6", "page: 1"), encoding="utf-8")
    check_refused(capsys, ["build", "--no-search"], f"{year} is before 1800")


def test_two_cities_that_read_the_same_cannot_share_a_folder(project, capsys):
    """泰州 and 台州 are both taizhou in pinyin."""
    page = project / "p.txt"
    page.write_text("本报讯（记者 王明）市图书馆举办读书分享会。\n", encoding="utf-8")
    flags = ["--date", "2023-03-01", "--page", "1"]
    assert main(["ingest", str(page), "--city", "泰州", "--paper", "泰州日报", *flags]) == 0
    capsys.readouterr()
    before = sorted(p.read_bytes() for p in (project / "content").rglob("*.md"))
    check_refused(capsys, ["ingest", str(page), "--city", "台州", "--paper", "台州日报", *flags],
                  "台州 would share the folder taizhou/ with 泰州", "city_slugs")
    assert sorted(p.read_bytes() for p in (project / "content").rglob("*.md")) == before


def test_a_paper_folder_with_two_papers_names_is_refused_by_the_build(project, capsys):
    path = project / "content" / ISSUE / "06-02.md"
    path.write_text(path.read_text(encoding="utf-8").replace("paper: 许昌日报",
                                                             "paper: 许昌晨报"), encoding="utf-8")
    check_refused(capsys, ["build", "--no-search"],
                  "06-02.md: paper: 许昌晨报 in the folder of 许昌日报")


def test_two_names_for_one_folder_in_site_yaml_are_refused(project, capsys):
    (project / "site.yaml").write_text("city_slugs: {许昌: xuchang, 焦作: xuchang}\n",
                                       encoding="utf-8")
    check_refused(capsys, ["build", "--no-search"], "site.yaml", "both have the folder")


@pytest.mark.parametrize(("text", "needle"), [
    (b"{{ 1/0 }}", "home.html:1: template: ZeroDivisionError"),
    (b"\xff\xfe{{ x }}", "not UTF-8"),
    (b'{% extends "home.html" %}', "extends or includes itself"),
], ids=["runtime-error", "not-utf8", "extends-itself"])
def test_a_template_that_fails_while_rendering_is_one_line(project, capsys, text, needle):
    (project / "tpl").mkdir()
    (project / "tpl" / "home.html").write_bytes(text)
    (project / "site.yaml").write_text("title: 测试\ntemplates: [tpl]\n", encoding="utf-8")
    err = check_refused(capsys, ["build", "--no-search"], needle)
    assert len(err.strip().splitlines()) == 1
    assert not (project / "public").exists()


def test_a_config_that_is_not_a_file_or_not_there_is_named(project, capsys):
    os.mkfifo(project / "fifo.yaml")
    check_refused(capsys, ["build", "--no-search", "--config", "fifo.yaml"], "not a file")
    check_refused(capsys, ["build", "--no-search", "--config", "typo.yaml"], "no such file")
    (project / "loop").symlink_to(project / "loop")
    check_refused(capsys, ["build", "--no-search", "--out", "loop"], "loop")


def test_a_page_text_without_articles_is_reported_not_silently_dropped(project, capsys):
    folder = project / "content" / ISSUE
    (folder / "07.txt").write_text("只有版面文字。\n", encoding="utf-8")
    assert main(["build", "--no-search"]) == 0
    err = capsys.readouterr().err
    assert f"content/{ISSUE}/07.txt: no article of this page is in the archive" in err


def test_a_section_name_too_long_for_the_front_matter_is_refused_at_ingest(project, capsys):
    page = project / "p.txt"
    page.write_text("本报讯（记者 王明）市图书馆举办读书分享会。\n", encoding="utf-8")
    check_refused(capsys, ["ingest", str(page), "--city", "许昌", "--paper", "许昌日报",
                           "--date", "2023-03-01", "--page", "1", "--section", "栏" * 100_000],
                  "--section", "at most 100 characters")


def test_page_labels_are_one_name_per_page_and_page_numbers_fit_file_names(project, capsys):
    page = project / "p.txt"
    page.write_text("本报讯（记者 王明）市图书馆举办读书分享会。\n", encoding="utf-8")
    flags = ["--city", "许昌", "--paper", "许昌日报", "--date", "2023-03-01"]
    assert main(["ingest", str(page), *flags, "--page", "A01"]) == 0
    assert main(["ingest", str(page), *flags, "--page", "A1"]) == 0
    folder = project / "content" / "xuchang" / "ribao" / "2023" / "03" / "01"
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == [
        "A1-01.md", "A1.txt"]
    capsys.readouterr()
    check_refused(capsys, ["ingest", str(page), *flags, "--page", "1000"], "--page")
    (folder / "A01-02.md").write_text((folder / "A1-01.md").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    check_refused(capsys, ["build", "--no-search"], "A01-02.md: not an article file name")


def test_a_pipe_or_a_device_is_not_read_as_a_page(project, capsys):
    os.mkfifo(project / "p.txt")
    check_refused(capsys, ["segment", str(project / "p.txt")], "not a regular file")
    check_refused(capsys, ["segment", "/dev/zero"], "not a regular file")


def test_a_page_of_more_articles_than_file_names_is_refused_at_ingest(tmp_path, capsys,
                                                                      monkeypatch):
    # 1,200 bulleted briefs: more than PP-01.md … PP-999.md can name. Ingest refuses it in
    # one line and writes nothing, rather than files the build would then refuse.
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "b.txt"
    page.write_text("".join(f"●简讯{i}，内容第{i}条。\n" for i in range(1200)), encoding="utf-8")
    check_refused(capsys, ["ingest", str(page), "--city", "许昌", "--paper", "许昌日报",
                           "--date", "2023-03-01", "--page", "1"], "b.txt", "1200 articles")
    assert not (tmp_path / "content").exists()
