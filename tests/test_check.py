"""`archive check` as an editor meets it: what is doubtful, where, and why.

Each test copies one issue of the sample archive into a temporary project
(tests/e2e_site.py) and marks up its articles as the segmenter would: a
`segmentation:` with a low confidence and its doubts, jump notes (`continues_on`)
without their other half, a file the build would refuse. The page's noise lines
are compared with what `segment()` itself sets aside, so the tests follow the
segmenter as it improves.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from e2e_site import ONE_ISSUE, one_issue_project
from test_serve import start_serve

from generator.cli import main
from generator.commands.check import Checker, render_html
from generator.content import frontmatter
from generator.ingest.segment import segment

ISSUE = Path("content") / ONE_ISSUE
DOUBTS = ["headline may belong to the article above", "byline not found"]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = one_issue_project(tmp_path)
    for path in (root / ISSUE).glob("*.md"):  # start from articles without a record
        text = frontmatter.set_field(path.read_text(encoding="utf-8"), "segmentation", None,
                                     str(path))
        path.write_text(text.replace("\nsegmentation: null\n", "\n"), encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def set_fields(path: Path, **fields: object) -> None:
    """Edit front matter as an editor (or the segmenter) would have written it; a mapping
    is written on one line, in flow style (set_field writes one-line values)."""
    text = path.read_text(encoding="utf-8")
    for key, value in fields.items():
        if isinstance(value, dict):
            text = frontmatter.set_field(text, key, None, str(path)).replace(
                f"\n{key}: null\n", f"\n{key}: {json.dumps(value, ensure_ascii=False)}\n")
        else:
            text = frontmatter.set_field(text, key, value, str(path))
    path.write_text(text, encoding="utf-8")


def line_of(path: Path, key: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, start=1) if line.startswith(f"{key}:"))


def test_doubtful_articles_are_listed_with_place_title_and_doubts(project, capsys):
    doubtful, sure = ISSUE / "06-02.md", ISSUE / "06-03.md"
    set_fields(doubtful, segmentation={"confidence": 0.62, "doubts": DOUBTS})
    set_fields(sure, segmentation={"confidence": 0.9, "doubts": ["byline not found"]})
    code, out, _ = cli(capsys, "check")
    assert code == 0  # it only reports
    assert "xuchang/ribao/2023/03/23/\n  page 06\n" in out
    where = f"{doubtful}:{line_of(doubtful, 'segmentation')}"
    assert f"doubtful  {where}: 助力企业转型升级 政商关系亲清有度 (confidence 0.62)" in out
    assert "- headline may belong to the article above\n" in out
    assert str(sure) not in out, "0.9 is not below the default threshold 0.7"
    assert "1 doubtful article (confidence below 0.7)" in out

    code, out, _ = cli(capsys, "check", "--below", "0.95")
    assert str(sure) in out and "2 doubtful articles (confidence below 0.95)" in out


def test_an_untitled_article_is_named_by_its_first_words(project, capsys):
    path = ISSUE / "06-04.md"
    set_fields(path, title=None, segmentation={"confidence": 0.4, "doubts": []})
    body = frontmatter.parse(path.read_text(encoding="utf-8"), str(path))[1]
    code, out, _ = cli(capsys, "check")
    assert code == 0 and f"（无标题）{body[:20]}… (confidence 0.4)" in out


def test_articles_without_segmentation_are_not_doubted(project, capsys):
    code, out, _ = cli(capsys, "check", "--below", "1")
    assert code == 0 and "0 doubtful articles" in out


def test_page_noise_is_listed_line_by_line_with_its_reason(project, capsys):
    page = ISSUE / "06.txt"
    noise = segment(page.read_text(encoding="utf-8")).noise
    assert noise, "the sample page prints a section banner"
    code, out, _ = cli(capsys, "check")
    assert code == 0
    for n in noise:
        assert f"noise     {page}:{n.line}: {n.text} ({n.reason})" in out
    assert f"{len(noise)} noise line" in out


def test_jumps_without_their_other_half_are_listed_both_ways(project, capsys):
    jumping = ISSUE / "06-05.md"
    set_fields(jumping, continues_on=7)
    code, out, _ = cli(capsys, "check")
    assert (f"jump      {jumping}:{line_of(jumping, 'continues_on')}: continues_on: 7, but "
            "page 7 of this issue has no articles in the archive") in out

    other = ISSUE / "07-01.md"  # page 7 arrives, its article continued from page 6
    other.write_text((ISSUE / "06-01.md").read_text(encoding="utf-8"), encoding="utf-8")
    set_fields(other, page=7, seq=1, continued_from=6)
    code, out, _ = cli(capsys, "check")
    assert "jump " not in out and "0 unmatched jumps" in out

    set_fields(jumping, continues_on=None)  # …and the (下转) note is gone again
    code, out, _ = cli(capsys, "check")
    assert code == 0
    assert (f"{other}:{line_of(other, 'continued_from')}: continued_from: 6, but no article "
            "on page 6 has `continues_on: 7`") in out
    assert "1 unmatched jump" in out


def test_files_that_would_not_build_are_listed_as_the_build_lists_them(project, capsys):
    broken = ISSUE / "06-06.md"
    set_fields(broken, date="2023-02-30")
    (ISSUE / "新文章.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    code, out, _ = cli(capsys, "check")
    line = line_of(broken, "date")
    assert f'broken    {broken}:{line}: date: "2023-02-30" is not a date' in out
    assert "新文章.md: not an article file name; name it PP-NN.md" in out
    assert "2 file problems" in out  # at once: the build stops at the layout problem first
    (ISSUE / "新文章.md").unlink()
    code, _, err = cli(capsys, "build", "--no-search", "-q")
    assert code == 2 and f"{broken}:{line_of(broken, 'date')}: date:" in err


def test_strict_fails_only_when_something_was_found(project, capsys):
    code, out, _ = cli(capsys, "check", "--strict")
    assert code == 1  # the sample page has a section banner
    (ISSUE / "06.txt").unlink()
    code, out, _ = cli(capsys, "check", "--strict")
    assert code == 0, out
    assert out.splitlines()[-1].startswith("checked 1 issue, 9 articles, 0 page texts in ")


def test_json_is_one_finding_per_line(project, capsys):
    set_fields(ISSUE / "06-02.md", segmentation={"confidence": 0.5, "doubts": DOUBTS})
    code, out, err = cli(capsys, "check", "--json")
    assert code == 0
    findings = [json.loads(line) for line in out.splitlines()]
    doubt = next(f for f in findings if f["kind"] == "doubt")
    assert doubt["path"] == str(ISSUE / "06-02.md") and doubt["details"] == DOUBTS
    assert doubt["url"] == f"/{ONE_ISSUE}/06-02/" and doubt["confidence"] == 0.5
    assert {f["kind"] for f in findings} == {"doubt", "noise"}
    assert err.startswith("checked 1 issue")  # the summary stays out of the data


def test_bad_arguments_are_one_line(project, capsys):
    code, out, err = cli(capsys, "check", "--content", "nowhere")
    assert (code, out) == (2, "")
    assert err == ("archive: error: nowhere: no such content folder; pass --content DIR or run "
                   "`archive ingest` first\n")
    with pytest.raises(SystemExit) as exit_:
        main(["check", "--below", "high"])
    assert exit_.value.code == 2
    assert "'high' is not a confidence (a number from 0 to 1)" in capsys.readouterr().err


def test_a_checker_rechecks_only_folders_that_changed(project, monkeypatch):
    checker = Checker(Path("content"))
    first = checker.run()
    calls = []
    import generator.commands.check as check

    real = check.check_folder
    monkeypatch.setattr(check, "check_folder", lambda *a: calls.append(a) or real(*a))
    assert checker.run().findings == first.findings and calls == []
    set_fields(ISSUE / "06-02.md", segmentation={"confidence": 0.1, "doubts": []})
    assert len(checker.run().findings) == len(first.findings) + 1 and len(calls) == 1


def test_the_html_report_escapes_what_the_files_say(project):
    set_fields(ISSUE / "06-02.md", title="<script>alert(1)</script>",
               segmentation={"confidence": 0.3, "doubts": ["<b>bold</b> & more"]})
    html = render_html(Checker(Path("content")).run(), Path("content"))
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; more" in html
    assert f'<a href="/{ONE_ISSUE}/06-02/">' in html
    assert f"<code>{ISSUE / '06-02.md'}:" in html


def test_the_dev_server_shows_the_check_and_a_build_never_has_it(project, capsys):
    set_fields(ISSUE / "06-02.md", segmentation={"confidence": 0.62, "doubts": DOUBTS})
    server = start_serve(project, "--no-search")
    try:
        status, headers, _ = server.get("/_check")
        assert (status, headers["Location"]) == (301, "/_check/")
        status, headers, body = server.get("/_check/")
        page = body.decode("utf-8")
        assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
        assert f'<a href="/{ONE_ISSUE}/06-02/">助力企业转型升级 政商关系亲清有度</a>' in page
        assert f"<code>{ISSUE / '06-02.md'}:" in page
        assert "headline may belong to the article above" in page
        assert '<script src="/__archive/livereload.js"></script>' in page  # reloads on saves
        status, _, _ = server.get(f"/{ONE_ISSUE}/06-02/")  # the link leads to the preview
        assert status == 200
        preview = project / ".archive" / "serve" / "public"
        assert preview.is_dir() and not list(preview.rglob("_check*"))
    finally:
        assert server.interrupt() == 0
    code, _, err = cli(capsys, "build", "--no-search", "-q")
    assert code == 0, err
    public = project / "public"
    assert not list(public.rglob("*_check*"))
    assert "_check" not in (public / "permalinks.txt").read_text(encoding="utf-8")
