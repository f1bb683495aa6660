"""`archive merge`, `archive split`, `archive headline`: an editor's fixes that last.

Each test ingests a sample page (samples/pages/) into a temporary project, fixes its
segmentation with a command, then does what would undo a careless fix: ingests the
same page again and builds the site. The fix must still be there, a removed file must
stay removed, and every URL published before must still lead to the text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.commands import lock
from generator.content import frontmatter
from generator.content.store import HAND_WRITTEN, editor_reason

REPO = Path(__file__).resolve().parent.parent
PAGE = REPO / "samples" / "pages" / "000_c6cff1b7bd5aed8a.txt"  # 许昌日报 2023-03-23 page 6
ISSUE = Path("content/xuchang/ribao/2023/03/23")
URL = "/xuchang/ribao/2023/03/23"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> Path:
    """A project folder with page 6 of 许昌日报 of 23 March 2023 ingested into content/."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "site.yaml").write_text("title: 测试档案\n", encoding="utf-8")
    assert main(["ingest", str(PAGE)]) == 0
    capsys.readouterr()
    return tmp_path


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def reingest(capsys) -> str:
    code, out, err = cli(capsys, "ingest", str(PAGE))
    assert code == 0, err
    return out


def build(capsys) -> None:
    code, _, err = cli(capsys, "build", "--no-search", "-q")
    assert code == 0, err


def read(path: Path) -> tuple[dict, list[str]]:
    """(front matter, paragraphs) of an article file."""
    front, body, _ = frontmatter.parse(path.read_text(encoding="utf-8"), str(path))
    return front, [p for p in body.split("\n\n") if p.strip()]


def articles(titled: bool | None = None, paragraphs: int = 0) -> list[Path]:
    """The page's article files, optionally only those with (or without) a headline and at
    least some paragraphs: the tests pick their articles whatever the segmenter made."""
    out = []
    for path in sorted(ISSUE.glob("06-*.md")):
        front, paras = read(path)
        if (titled is None or bool(front["title"]) == titled) and len(paras) >= paragraphs:
            out.append(path)
    return out


def edit_front(path: Path, **fields: object) -> None:
    text = path.read_text(encoding="utf-8")
    for key, value in fields.items():
        text = frontmatter.set_field(text, key, value, str(path))
    path.write_text(text, encoding="utf-8")


def snapshot() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(ISSUE.iterdir())}


# -- merge ---------------------------------------------------------------------------------

def test_merge_appends_b_to_a_and_b_s_url_redirects_to_a(project, capsys):
    build(capsys)  # B's URL is published: a later build must not drop it
    a, b = articles(titled=True)[:2]
    a_front, a_paras = read(a)
    b_front, b_paras = read(b)
    code, out, err = cli(capsys, "merge", str(a), str(b))
    assert (code, err) == (0, "")
    assert out == f"merged {b} into {a}; {URL}/{b.stem}/ now redirects to {URL}/{a.stem}/\n"
    assert not b.exists()
    front, paras = read(a)
    assert paras[:len(a_paras)] == a_paras and paras[-len(b_paras):] == b_paras
    assert b_front["title"] in paras[len(a_paras)], "B's headline opens its part of the text"
    assert front["title"] == a_front["title"]
    assert f"{URL}/{b.stem}/" in front["aliases"]
    assert front["segmentation"] is None, "an editor decided: archive check lists it no more"
    merged = a.read_text(encoding="utf-8")

    out = reingest(capsys)
    assert a.read_text(encoding="utf-8") == merged
    assert not b.exists(), "a re-ingest does not bring the merged-away article back"
    assert f"kept xuchang/ribao/2023/03/23/{b.name}: deleted by an editor" in out

    build(capsys)
    redirect = (project / "public" / ISSUE.relative_to("content") / b.stem / "index.html")
    assert f'content="0; url={URL}/{a.stem}/"' in redirect.read_text(encoding="utf-8")
    assert f"{URL}/{b.stem}/" in (project / "public" / "permalinks.txt").read_text()


def test_merge_gives_an_untitled_article_the_headline_of_the_next(project, capsys):
    a, b = articles(titled=True)[:2]  # the segmenter read A's headline after its body …
    edit_front(a, title=None)
    b_front, b_paras = read(b)
    assert cli(capsys, "merge", str(a), str(b))[0] == 0
    front, paras = read(a)
    assert front["title"] == b_front["title"]
    assert b_front["title"] not in paras, "taken, not repeated in the text"
    assert paras[-len(b_paras):] == b_paras
    reingest(capsys)
    assert read(a)[0]["title"] == b_front["title"] and not b.exists()


# -- split ---------------------------------------------------------------------------------

def test_split_moves_the_paragraphs_from_n_to_a_new_article_of_the_page(project, capsys):
    a = articles(paragraphs=3)[0]
    last = max(int(p.stem.split("-")[1]) for p in ISSUE.glob("06-*.md"))
    a_front, a_paras = read(a)
    code, out, err = cli(capsys, "split", str(a), "--at", "2", "--title", "新的标题")
    new = ISSUE / f"06-{last + 1:02d}.md"
    assert (code, err) == (0, "")
    assert out == (f"split {a}: paragraphs 2–{len(a_paras)} are now {new} "
                   f"({URL}/{new.stem}/)\n")
    front, paras = read(a)
    assert paras == a_paras[:1] and front["title"] == a_front["title"]
    new_front, new_paras = read(new)
    assert new_paras == a_paras[1:]
    assert (new_front["title"], new_front["page"], new_front["seq"]) == ("新的标题", 6, last + 1)
    assert new_front["source"] == a_front["source"] and "checksum" not in new_front
    new_text = new.read_text(encoding="utf-8")
    assert editor_reason(new_text, new.relative_to("content").as_posix()) == HAND_WRITTEN
    split_text = a.read_text(encoding="utf-8")

    reingest(capsys)
    assert a.read_text(encoding="utf-8") == split_text
    assert new.read_text(encoding="utf-8") == new_text
    build(capsys)
    for path in (a, new):
        assert (project / "public" / path.relative_to("content").with_suffix("")
                / "index.html").is_file()


def test_split_never_takes_the_place_of_a_deleted_or_merged_article(project, capsys):
    files = sorted(ISSUE.glob("06-*.md"))
    files[-1].unlink()  # the page's last article, deleted by an editor: its URL is gone
    a = articles(paragraphs=2)[0]
    assert cli(capsys, "split", str(a), "--at", "2")[0] == 0
    new = ISSUE / f"06-{len(files) + 1:02d}.md"
    assert new.is_file() and read(new)[0]["title"] is None
    assert not files[-1].exists()


# -- headline ------------------------------------------------------------------------------

def test_headline_moves_to_the_article_it_belongs_to(project, capsys):
    source, target = articles(titled=True)[:2]
    edit_front(target, title=None)  # the segmenter gave the headline to the article above
    s_front, _ = read(source)
    code, out, err = cli(capsys, "headline", str(source), str(target))
    assert (code, err) == (0, "")
    assert out == f"moved the headline {s_front['title']} from {source} to {target}\n"
    assert read(target)[0]["title"] == s_front["title"]
    assert read(source)[0]["title"] is None
    texts = {p: p.read_text(encoding="utf-8") for p in (source, target)}
    reingest(capsys)
    assert {p: p.read_text(encoding="utf-8") for p in texts} == texts
    build(capsys)


# -- the fixed articles leave archive check ------------------------------------------------

def test_fixed_articles_leave_the_check(project, capsys):
    a, b = articles(titled=True)[:2]
    text = frontmatter.set_field(a.read_text(encoding="utf-8"), "segmentation", None, str(a))
    doubt = json.dumps({"confidence": 0.3, "doubts": ["may continue in the next article"]},
                       ensure_ascii=False)
    a.write_text(text.replace("segmentation: null", f"segmentation: {doubt}"), encoding="utf-8")
    assert f"doubtful  {a}:" in cli(capsys, "check")[1]
    assert cli(capsys, "merge", str(a), str(b))[0] == 0
    assert f"doubtful  {a}:" not in cli(capsys, "check")[1]


# -- bad input -----------------------------------------------------------------------------

def other_page_article() -> Path:
    """An article of page 7 of the same issue (the ingest only wrote page 6)."""
    path = ISSUE / "07-01.md"
    path.write_text(sorted(ISSUE.glob("06-*.md"))[0].read_text(encoding="utf-8"),
                    encoding="utf-8")
    edit_front(path, page=7, seq=1)
    return path


BAD = {
    "missing file": (lambda: ["merge", f"{ISSUE}/06-01.md", f"{ISSUE}/06-99.md"],
                     f"{ISSUE}/06-99.md: no such article file; check the path"),
    "outside content": (lambda: ["merge", f"{ISSUE}/06-01.md", "site.yaml"],
                        "site.yaml: not inside the content folder content/"),
    "merged with itself": (lambda: ["merge", f"{ISSUE}/06-01.md", f"{ISSUE}/06-01.md"],
                           f"{ISSUE}/06-01.md: named twice; merge two different articles"),
    "not an article": (lambda: ["split", f"{ISSUE}/06.txt", "--at", "2"],
                       f"{ISSUE}/06.txt: not an article file"),
    "headline across pages": (lambda: ["headline", f"{ISSUE}/06-01.md",
                                       str(other_page_article())],
                              f"{ISSUE}/07-01.md: on page 07, not page 06"),
    "headline over a headline": (lambda: ["headline", f"{ISSUE}/06-01.md",
                                          f"{ISSUE}/06-02.md"],
                                 f"{ISSUE}/06-02.md: has a headline already"),
    "--at 1": (lambda: ["split", f"{ISSUE}/06-01.md", "--at", "1"],
               f"--at 1: {ISSUE}/06-01.md has "),
    "--at past the end": (lambda: ["split", f"{ISSUE}/06-01.md", "--at", "999"],
                          "paragraphs; give the number of the new article's first paragraph"),
    "empty title": (lambda: ["split", f"{ISSUE}/06-01.md", "--at", "2", "--title", " "],
                    "--title: empty"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_is_one_line_and_changes_nothing(project, capsys, case):
    args, message = BAD[case]
    argv = args()
    before = snapshot()
    code, out, err = cli(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith("archive: error: ") and err.count("\n") == 1, err
    assert message in err
    assert snapshot() == before


def test_a_paragraph_number_that_is_not_a_number_is_a_usage_error(project, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["split", f"{ISSUE}/06-01.md", "--at", "two"])
    assert exit_.value.code == 2
    assert "argument --at: invalid int value: 'two'" in capsys.readouterr().err


def test_a_command_waits_for_the_content_lock(project, capsys, monkeypatch):
    monkeypatch.setattr(lock, "WAIT_SECONDS", 0.3)
    a, b = articles()[:2]
    before = snapshot()
    with lock.content_lock(Path("content"), "archive ingest"):
        code, _, err = cli(capsys, "merge", str(a), str(b))
    assert code == 2 and "content/: still in use by archive ingest" in err
    assert snapshot() == before
