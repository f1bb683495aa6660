"""A published link never dies: archive move, archive migrate, aliases, the URL ledger."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from e2e_site import one_issue_project

from generator.cli import main
from generator.content import frontmatter
from generator.content.store import editor_reason

REPO = Path(__file__).resolve().parent.parent
ISSUE = "xuchang/ribao/2023/03/23"


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    root = one_issue_project(tmp_path, "title: 测试档案\nbase_url: https://example.org\n")
    monkeypatch.chdir(root)
    return root


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def build(capsys, *args: str) -> tuple[int, str]:
    code, _, err = cli(capsys, "build", "--no-search", "-q", *args)
    return code, err


def front(path: Path) -> dict:
    return frontmatter.parse_document(path.read_text(encoding="utf-8"), str(path)).front


def test_moving_an_article_keeps_its_old_url_as_a_redirect(project, capsys):
    assert build(capsys) == (0, "")
    src = project / "content" / ISSUE / "06-02.md"
    dst = project / "content" / "xuchang/ribao/2023/03/24/03-01.md"
    code, _, err = cli(capsys, "move", str(src), str(dst))
    assert code == 0, err
    assert not src.exists()
    moved = front(dst)
    assert moved["date"] == "2023-03-24" and moved["page"] == 3 and moved["seq"] == 1
    assert f"/{ISSUE}/06-02/" in moved["aliases"]
    assert editor_reason(dst.read_text(encoding="utf-8"), dst.relative_to(
        project / "content").as_posix()) is not None, "a moved file is the editor's"
    code, err = build(capsys)
    assert code == 0, err
    public = project / "public"
    redirect = (public / ISSUE / "06-02" / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=/xuchang/ribao/2023/03/24/03-01/"' in redirect
    assert ('<link rel="canonical" href="https://example.org/xuchang/ribao/2023/03/24/03-01/">'
            in redirect)
    assert '<meta name="robots" content="noindex">' in redirect
    rules = (public / "_redirects").read_text(encoding="utf-8").splitlines()
    assert f"/{ISSUE}/06-02/ /xuchang/ribao/2023/03/24/03-01/ 301!" in rules
    assert (public / "xuchang/ribao/2023/03/24/03-01/index.html").is_file()
    # The old issue keeps its other articles: its page and its data stay where they are,
    # and no forced rule hides them (Netlify serves a forced rule before a file).
    day = ISSUE.replace("/2023/03/23", "/2023-03-23")
    assert (public / "data" / f"{day}.json").is_file()
    assert not [r for r in rules if r.startswith((f"/data/{day}.json ", f"/{ISSUE}/ "))]


def test_a_move_into_another_articles_earlier_url_is_refused(project, capsys):
    # 06-02 moves away from 03/23: its old place's URL is now its alias. Moving another
    # article into that place would take the URL its link leads from.
    content = project / "content"
    away = content / "xuchang/ribao/2023/03/24/03-01.md"
    assert cli(capsys, "move", str(content / ISSUE / "06-02.md"), str(away))[0] == 0
    code, _, err = cli(capsys, "move", str(content / ISSUE / "06-03.md"),
                       str(content / ISSUE / "06-02.md"))
    assert code == 2 and "is an earlier URL of" in err and "03-01.md" in err
    assert (content / ISSUE / "06-03.md").is_file()
    assert build(capsys)[0] == 0


def test_a_move_never_overwrites_and_names_a_wrong_place(project, capsys):
    src = project / "content" / ISSUE / "06-02.md"
    code, _, err = cli(capsys, "move", str(src), str(project / "content" / ISSUE / "06-03.md"))
    assert code == 2 and "already exists" in err
    code, _, err = cli(capsys, "move", str(src), str(project / "content" / "06-99.md"))
    assert code == 2 and "not an article place" in err
    code, _, err = cli(capsys, "move", str(src),
                       str(project / "content" / "xuchang/ribao/2023/02/30/06-01.md"))
    assert code == 2 and "2023-02-30 is not a date" in err
    code, _, err = cli(capsys, "move", str(src), str(project / "elsewhere" / "06-01.md"))
    assert code == 2 and "not inside the content folder" in err
    assert src.is_file()


def test_a_build_that_would_drop_a_published_url_stops(project, capsys):
    assert build(capsys)[0] == 0
    (project / "content" / ISSUE / "06-02.md").unlink()
    code, err = build(capsys)
    assert code == 2
    assert f"/{ISSUE}/06-02/ was published and would go away" in err
    assert "archive move" in err and "--allow-removed" in err
    assert (project / "public" / ISSUE / "06-02" / "index.html").is_file(), "output unchanged"
    code, err = build(capsys, "--allow-removed")
    assert code == 0, err
    assert not (project / "public" / ISSUE / "06-02").exists()
    assert build(capsys)[0] == 0, "the removal is now the published state"


def test_an_alias_cannot_take_another_pages_url(project, capsys):
    path = project / "content" / ISSUE / "06-02.md"
    text = path.read_text(encoding="utf-8").replace(
        "aliases: [", f"aliases: [/{ISSUE}/06-03/, ")
    path.write_text(text, encoding="utf-8")
    code, err = build(capsys)
    assert code == 2
    assert f"06-02.md: aliases: /{ISSUE}/06-03/ is the URL of the article" in err


def test_two_articles_cannot_claim_one_alias(project, capsys):
    for name in ("06-02.md", "06-03.md"):
        path = project / "content" / ISSUE / name
        path.write_text(path.read_text(encoding="utf-8").replace(
            "aliases: [", "aliases: [/old/story.htm, "), encoding="utf-8")
    code, err = build(capsys)
    assert code == 2 and "/old/story.htm is also an alias of" in err


def test_migrate_of_a_content_folder_that_is_not_there_is_one_line(tmp_path, capsys,
                                                                    monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = cli(capsys, "migrate", "--content", str(tmp_path / "nowhere"))
    assert code == 2 and "no such content folder" in err and len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []  # no lock file beside it either


def test_migrate_moves_the_old_layout_and_keeps_every_old_url(tmp_path, capsys, monkeypatch):
    """The layout before papers had folders: content/<city>/<YYYY>/<MM>/<DD>/."""
    monkeypatch.chdir(tmp_path)
    old = tmp_path / "content" / "xuchang" / "2023" / "03" / "23"
    old.mkdir(parents=True)
    for path in sorted((REPO / "content" / ISSUE).iterdir()):
        if path.name.startswith("."):  # the old layout had no ingest records
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":  # as the old ingest wrote them: no aliases, old source
            lines = [ln for ln in text.split("\n") if not ln.startswith(("aliases:",
                                                                        "checksum:"))]
            text = "\n".join(lines).replace(f"source: {ISSUE}/", "source: xuchang/2023/03/23/")
        (old / path.name).write_text(text, encoding="utf-8")
    code, err = build(capsys)
    assert code == 2 and "run `archive migrate`" in err
    code, _, err = cli(capsys, "migrate")
    assert code == 0, err
    assert not (tmp_path / "content" / "xuchang" / "2023").exists()
    moved = tmp_path / "content" / ISSUE / "06-02.md"
    assert front(moved)["aliases"] == ["/xuchang/2023/03/23/06-02/"]
    assert front(moved)["source"] == f"{ISSUE}/06.txt"
    assert (tmp_path / "content" / ISSUE / "06.txt").is_file()
    assert cli(capsys, "migrate")[0] == 0, "a second run finds nothing to do"
    code, err = build(capsys)
    assert code == 0, err
    public = tmp_path / "public"
    for old_url, new_url in [("xuchang/2023/03/23/06-02", f"{ISSUE}/06-02"),
                             ("xuchang/2023/03/23/06", f"{ISSUE}/06"),
                             ("xuchang/2023/03/23", ISSUE)]:
        page = (public / old_url / "index.html").read_text(encoding="utf-8")
        assert f'content="0; url=/{new_url}/"' in page
    rules = (public / "_redirects").read_text(encoding="utf-8")
    assert f"/xuchang/2023/03/23/06.txt /{ISSUE}/06.txt 301!" in rules
    assert f"/data/xuchang/2023-03-23.json /data/{ISSUE.rsplit('/', 3)[0]}/2023-03-23.json" \
        in rules


def test_future_articles_wait_for_their_day(project, capsys):
    future = dt.date.today() + dt.timedelta(days=30)
    folder = project / "content" / "xuchang" / "ribao" / f"{future:%Y/%m/%d}"
    folder.mkdir(parents=True)
    (folder / "01-01.md").write_text(
        f"---\ntitle: 明天的新闻\ncity: 许昌\npaper: 许昌日报\ndate: {future}\npage: 1\n"
        "---\n\n正文。\n", encoding="utf-8")
    code, _, err = cli(capsys, "build", "--no-search")
    assert code == 0
    assert "after today" in err and "--build-future" in err
    assert not (project / "public" / "xuchang/ribao" / f"{future:%Y/%m/%d}").exists()
    code, _, err = cli(capsys, "build", "--no-search", "--build-future")
    assert code == 0, err
    assert (project / "public" / "xuchang/ribao" / f"{future:%Y/%m/%d}" / "01-01"
            / "index.html").is_file()


def test_ingest_refuses_a_date_after_today(project, capsys):
    page = project / "page.txt"
    page.write_text("本报讯（记者 王明）市图书馆举办读书分享会。\n", encoding="utf-8")
    future = dt.date.today() + dt.timedelta(days=2)
    code, _, err = cli(capsys, "ingest", str(page), "--city", "许昌", "--paper", "许昌日报",
                       "--date", str(future), "--page", "1")
    assert code == 2 and "after today" in err


def test_csv_cells_never_run_as_formulas(project, capsys):
    path = project / "content" / ISSUE / "06-02.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: 助力企业转型升级 政商关系亲清有度",
                        'title: "=HYPERLINK(\\"http://evil\\",\\"x\\")"')
    path.write_text(text, encoding="utf-8")
    assert build(capsys)[0] == 0
    table = (project / "public" / "data" / "2023" / "03" / "articles.csv").read_text(
        encoding="utf-8-sig")
    assert "'=HYPERLINK" in table
    assert ',=HYPERLINK' not in table and ',"=HYPERLINK' not in table


def test_an_old_folder_of_two_papers_gives_each_old_url_one_target(tmp_path, capsys,
                                                                   monkeypatch):
    monkeypatch.chdir(tmp_path)
    old = tmp_path / "content" / "xuchang" / "2023" / "03" / "23"
    old.mkdir(parents=True)
    for paper, page, count in (("许昌日报", 6, 3), ("许昌晨报", 6, 1)):
        for seq in range(1, count + 1):
            name = f"{page:02d}-{seq + (10 if paper == '许昌晨报' else 0):02d}.md"
            (old / name).write_text(
                f"---\ntitle: {paper}{seq}\ncity: 许昌\npaper: {paper}\ndate: 2023-03-23\n"
                f"page: {page}\n---\n\n正文{seq}。\n", encoding="utf-8")
    assert cli(capsys, "migrate")[0] == 0
    code, err = build(capsys)
    assert code == 0, err
    rules = (tmp_path / "public" / "_redirects").read_text(encoding="utf-8").splitlines()
    olds = [rule.split()[0] for rule in rules if not rule.startswith("#")]
    assert len(olds) == len(set(olds)), "every old URL has one target"
    assert "/xuchang/2023/03/23/ /xuchang/ribao/2023/03/23/ 301!" in rules
    assert "/xuchang/2023/03/23/06-11/ /xuchang/chenbao/2023/03/23/06-11/ 301!" in rules


@pytest.mark.parametrize("alias", ["/permalinks.txt", "/xuchang/index.html", "/xuchang/feed.xml",
                                   "/xuchang/ribao/feed.xml", f"/{ISSUE}/06-01/index.html",
                                   f"/{ISSUE}/06.txt", f"/{ISSUE}/06.txt/x/", "/_redirects",
                                   "/sitemap-1.xml", "/a/.git/config", "/search/"])
def test_an_alias_cannot_overwrite_any_file_of_the_site(project, capsys, alias):
    path = project / "content" / ISSUE / "06-02.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "aliases: [", f"aliases: [{alias}, "), encoding="utf-8")
    code, err = build(capsys)
    assert code == 2, err
    assert f"06-02.md: aliases: {alias}" in err
    assert not (project / "public").exists()


def test_a_page_whose_articles_all_moved_redirects_to_their_new_page(project, capsys):
    assert build(capsys)[0] == 0
    folder = project / "content" / ISSUE
    for n in range(1, 10):
        code, _, err = cli(capsys, "move", str(folder / f"06-{n:02d}.md"),
                           str(folder / f"07-{n:02d}.md"))
        assert code == 0, err
    code, err = build(capsys)
    assert code == 0, err
    page = (project / "public" / ISSUE / "06" / "index.html").read_text(encoding="utf-8")
    assert f'content="0; url=/{ISSUE}/07/"' in page
    rules = (project / "public" / "_redirects").read_text(encoding="utf-8").splitlines()
    assert f"/{ISSUE}/06/ /{ISSUE}/07/ 301!" in rules
    assert f"/{ISSUE}/ /{ISSUE}/ 301!" not in rules, "the issue did not move"


def test_an_interrupted_migrate_is_completed_by_the_next(tmp_path, capsys, monkeypatch):
    from generator.commands import relocate

    monkeypatch.chdir(tmp_path)
    old = tmp_path / "content" / "xuchang" / "2023" / "03" / "23"
    old.mkdir(parents=True)
    for seq in range(1, 6):
        (old / f"06-{seq:02d}.md").write_text(
            f"---\ntitle: 标题{seq}\ncity: 许昌\npaper: 许昌日报\ndate: 2023-03-23\npage: 6\n"
            f"---\n\n正文{seq}。\n", encoding="utf-8")
    (old / "06.txt").write_text("版面文字\n", encoding="utf-8")
    (old / "notes.doc").write_text("编辑的笔记\n", encoding="utf-8")
    real_apply, done = relocate.apply, []

    def killed_after_two(move):
        if len(done) == 2:
            raise KeyboardInterrupt
        real_apply(move)
        done.append(move)

    monkeypatch.setattr(relocate, "apply", killed_after_two)
    assert cli(capsys, "migrate")[0] == 130
    monkeypatch.setattr(relocate, "apply", real_apply)
    code, out, err = cli(capsys, "migrate")
    assert code == 0, err
    assert "left content/xuchang/2023/03/23/notes.doc" in out
    new = tmp_path / "content" / ISSUE
    assert sorted(p.name for p in new.iterdir() if not p.name.startswith(".")) == [
        "06-01.md", "06-02.md", "06-03.md", "06-04.md", "06-05.md", "06.txt"]
    assert [p.name for p in old.iterdir()] == ["notes.doc"]


def test_a_move_into_another_papers_folder_must_name_that_paper(project, capsys):
    other = project / "content" / "xuchang" / "chenbao" / "2023" / "03" / "23"
    other.mkdir(parents=True)
    (other / "01-01.md").write_text(
        "---\ntitle: 晨报头条\ncity: 许昌\npaper: 许昌晨报\ndate: 2023-03-23\npage: 1\n"
        "---\n\n正文。\n", encoding="utf-8")
    src = project / "content" / ISSUE / "06-03.md"
    code, _, err = cli(capsys, "move", str(src), str(other / "01-02.md"), "--paper", "大河报")
    assert code == 2 and "holds 许昌晨报, not 大河报" in err and src.is_file()
    code, _, err = cli(capsys, "move", str(src), str(other / "01-02.md"), "--paper", "许昌晨报")
    assert code == 0, err
    assert build(capsys)[0] == 0
