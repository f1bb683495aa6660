"""read_article: what the site build sees of a content file."""

import datetime as dt

from corpus import make_corpus

from generator.content.reader import read_article


def test_make_corpus_output_reads_with_zero_problems(tmp_path):
    root = tmp_path / "content"
    made = make_corpus(root, 30, papers=("许昌日报", "许昌晨报", "焦作日报"), pages=2,
                       per_page=4)
    files = sorted(root.rglob("*.md"))
    assert len(files) == 30 and sorted(made) == files
    assert {f.relative_to(root).parts[:2] for f in files} == {
        ("xuchang", "ribao"), ("xuchang", "chenbao"), ("jiaozuo", "ribao")}
    for path in files:
        warnings: list[str] = []
        front, body, problems = read_article(path, root, warnings)
        assert problems == [] and warnings == [], path
        assert front["kind"] == "news" and front["seq"] >= 1
        assert isinstance(front["date"], dt.date)
        assert body


def test_a_broken_file_is_a_problem_not_an_exception(tmp_path):
    path = tmp_path / "xuchang/ribao/2023/03/23/06-01.md"
    path.parent.mkdir(parents=True)
    path.write_text("---\ntitle: 标题\ndate: 2023-13-01\n", encoding="utf-8")
    assert read_article(path, tmp_path) == (
        {}, "", [f"{path}:1: front matter is not closed; add a line '---' after the last "
                 "`key: value` line"]
    )


def test_problems_and_defaults_together(tmp_path):
    path = tmp_path / "xuchang/ribao/2023/03/23/06-02.md"
    path.parent.mkdir(parents=True)
    path.write_text("---\ntitle: null\nkind: photo\ncity: 许昌\npaper: 许昌日报\n"
                    "date: 2023-03-23\npage: 7\nsource: xuchang/ribao/2023/03/23/06.txt\n"
                    "---\n\n图片说明\n", encoding="utf-8")
    warnings: list[str] = []
    front, body, problems = read_article(path, tmp_path, warnings)
    assert problems == [f"{path}:7: page: 7 does not match the file name (2023/03/23/06-02.md); "
                        "write 6 or rename the file"]
    assert warnings == [f"{path}:8: source: xuchang/ribao/2023/03/23/06.txt is not in "
                        f"{tmp_path}/; re-ingest the page or delete the line"]
    assert (front["title"], front["seq"], body) == (None, 2, "图片说明")
