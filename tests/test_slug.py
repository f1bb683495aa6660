"""Content paths are permalinks: city and paper pinyin, date folders, zero-padded page and seq."""

import datetime as dt
import random
from pathlib import Path

import pytest

from generator.config import load_config
from generator.content.slug import (
    ARTICLE_NAME_RE,
    RESERVED,
    SOURCE_NAME_RE,
    article_path,
    city_slug,
    issue_folder_problem,
    page_source_path,
    page_stem,
    paper_path,
    paper_slug,
)
from generator.errors import ArchiveError

DAY = dt.date(2023, 3, 23)


@pytest.mark.parametrize(
    ("city", "slug"),
    [("许昌", "xuchang"), ("焦作", "jiaozuo"), ("平顶山", "pingdingshan"), ("三门峡", "sanmenxia"),
     ("重庆", "chongqing"), ("Luoyang", "luoyang")],
)
def test_city_slug_is_lowercase_pinyin(city, slug):
    assert city_slug(city) == slug


def test_a_configured_slug_wins():
    assert city_slug("许昌", {"许昌": "xc"}) == "xc"
    assert city_slug("焦作", {"许昌": "xc"}) == "jiaozuo"


def test_a_city_without_letters_needs_an_override():
    with pytest.raises(ArchiveError, match="add it to city_slugs"):
        city_slug("！！")


@pytest.mark.parametrize(
    ("paper", "city", "slug"),
    [("许昌日报", "许昌", "ribao"), ("许昌晨报", "许昌", "chenbao"), ("焦作日报", "焦作", "ribao"),
     ("大河报", "郑州", "dahebao"), ("平顶山晚报", "平顶山", "wanbao"),
     # the city's name alone is not stripped to nothing
     ("许昌", "许昌", "xuchang")],
)
def test_paper_slug_is_the_pinyin_without_the_city(paper, city, slug):
    assert paper_slug(paper, city) == slug


def test_a_configured_paper_slug_wins():
    assert paper_slug("许昌晨报", "许昌", {"许昌晨报": "cb"}) == "cb"
    assert paper_slug("许昌日报", "许昌", {"许昌晨报": "cb"}) == "ribao"
    assert paper_path("许昌", "许昌晨报", {"许昌": "xc"}, {"许昌晨报": "cb"}) == "xc/cb"


def test_a_paper_without_letters_needs_an_override():
    with pytest.raises(ArchiveError, match="add it to paper_slugs"):
        paper_slug("！！", "许昌")


def test_paper_path_is_city_then_paper():
    assert paper_path("许昌", "许昌日报") == "xuchang/ribao"
    assert paper_path("许昌", "许昌晨报") == "xuchang/chenbao"
    assert paper_path("焦作", "焦作日报") == "jiaozuo/ribao"


def test_article_path():
    assert article_path(Path("content"), "xuchang/ribao", DAY, 6, 2) == Path(
        "content/xuchang/ribao/2023/03/23/06-02.md"
    )


def test_two_papers_of_a_city_have_their_own_folders():
    daily = article_path(Path("content"), paper_path("许昌", "许昌日报"), DAY, 6, 2)
    morning = article_path(Path("content"), paper_path("许昌", "许昌晨报"), DAY, 6, 2)
    assert daily == Path("content/xuchang/ribao/2023/03/23/06-02.md")
    assert morning == Path("content/xuchang/chenbao/2023/03/23/06-02.md")


def test_page_labels_are_used_as_printed():
    assert article_path(Path("c"), "xuchang/ribao", DAY, "A2", 3) == Path(
        "c/xuchang/ribao/2023/03/23/A2-03.md")


def test_page_source_sits_beside_its_articles():
    assert page_source_path(Path("content"), "jiaozuo/ribao", dt.date(2023, 2, 1), 4) == Path(
        "content/jiaozuo/ribao/2023/02/01/04.txt"
    )


# -- many generated places: distinct articles never share a path --------------------------

# Names with distinct pinyin (homophones such as two cities read the same way need a
# configured slug; that is what city_slugs and paper_slugs are for).
CITIES = ("许昌", "焦作", "洛阳", "郑州", "开封", "平顶山", "三门峡", "南阳", "信阳", "周口",
          "驻马店", "商丘", "安阳", "鹤壁", "新乡", "濮阳", "漯河", "济源", "重庆", "长沙")
OWN_PAPERS = ("日报", "晨报", "晚报", "都市报", "商报")  # printed after the city's name
OTHER_PAPERS = ("大河报", "东方今报", "河南商报", "中原农民报")  # no city in front


def random_place(rnd: random.Random) -> tuple[str, str, dt.date, int | str, int]:
    city = rnd.choice(CITIES)
    paper = (city + rnd.choice(OWN_PAPERS) if rnd.random() < 0.8
             else rnd.choice(OTHER_PAPERS))
    date = dt.date(1949, 10, 1) + dt.timedelta(days=rnd.randrange(80 * 365))
    if rnd.random() < 0.7:
        page: int | str = rnd.randint(1, 120)
    else:
        page = rnd.choice(["A", "B", "C", "AA", "T"]) + str(rnd.randint(1, 24))
    return city, paper, date, page, rnd.randint(1, 150)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_distinct_articles_get_distinct_paths_in_valid_issue_folders(seed):
    rnd = random.Random(seed)
    places = {random_place(rnd) for _ in range(3000)}
    # Force near misses: same paper and day, neighbouring pages and seqs, both kinds of page.
    for city, paper, date, _page, _seq in list(places)[:200]:
        for page in (1, 10, 11, 100, "A1", "A10"):
            for seq in (1, 10, 11, 100):
                places.add((city, paper, date, page, seq))
    root = Path("content")
    folders: dict[tuple[str, str], str] = {}  # (city, paper) → its folder, asked once each
    paths: dict[Path, tuple] = {}
    for place in sorted(places, key=repr):
        city, paper, date, page, seq = place
        if (city, paper) not in folders:
            folders[city, paper] = paper_path(city, paper)
        folder_of_paper = folders[city, paper]
        path = article_path(root, folder_of_paper, date, page, seq)
        assert path not in paths, f"{place} and {paths[path]} share {path}"
        paths[path] = place

        rel = path.relative_to(root)
        assert len(rel.parts) == 6, rel
        folder = rel.parent.as_posix()
        assert issue_folder_problem(folder) is None, (place, folder, issue_folder_problem(folder))
        # The path says which paper, day, page and place on the page it is.
        assert folder.split("/")[2:] == [f"{date:%Y}", f"{date:%m}", f"{date:%d}"]
        name = ARTICLE_NAME_RE.match(rel.name)
        assert name is not None, rel.name
        assert (name["page"], int(name["seq"])) == (page_stem(page), seq)
        source = page_source_path(root, folder_of_paper, date, page)
        assert source.parent == path.parent and SOURCE_NAME_RE.match(source.name)
    assert len(paths) == len(places) > 3000
    # …and no two papers share a folder (city and paper names all read differently here).
    assert len(set(folders.values())) == len(folders)


@pytest.mark.parametrize("city", CITIES)
def test_the_papers_of_a_city_get_distinct_folders(city):
    papers = [city + p for p in OWN_PAPERS] + list(OTHER_PAPERS)
    folders = [paper_path(city, p) for p in papers]
    assert len(set(folders)) == len(papers), dict(zip(papers, folders, strict=True))
    assert all(f.startswith(city_slug(city) + "/") for f in folders)


# -- names the layout refuses ----------------------------------------------------------------

@pytest.mark.parametrize("name", ["search", "data", "assets", "pagefind"])
def test_reserved_names_are_refused_as_slugs(name, tmp_path):
    assert name in RESERVED
    with pytest.raises(ArchiveError, match="reserved"):
        city_slug(name)
    with pytest.raises(ArchiveError, match="reserved"):
        city_slug(name.capitalize())  # the slug is lower-cased first
    with pytest.raises(ArchiveError, match="reserved"):
        paper_slug(name, "许昌")
    with pytest.raises(ArchiveError, match="reserved"):
        paper_slug(f"许昌{name}", "许昌")  # the city in front is dropped
    assert "reserved" in issue_folder_problem(f"{name}/ribao/2023/03/23")
    assert "reserved" in issue_folder_problem(f"xuchang/{name}/2023/03/23")
    for key, pair in (("city_slugs", f"许昌: {name}"), ("paper_slugs", f"许昌晨报: {name}")):
        config = tmp_path / f"{key}.yaml"
        config.write_text(f"{key}: {{{pair}}}\n", encoding="utf-8")
        with pytest.raises(ArchiveError, match="reserved"):
            load_config(config)


@pytest.mark.parametrize(
    "folder",
    ["xuchang/2023/03/23",  # the old layout: no paper folder
     "xuchang/ribao/2023/03/23/extra",
     "Xuchang/ribao/2023/03/23",  # slugs are lower-case
     "xuchang/2023/2023/03/23",  # a paper folder needs a letter
     "xu chang/ribao/2023/03/23",
     "许昌/ribao/2023/03/23",
     "xuchang/ribao/23/03/23",
     "xuchang/ribao/2023/3/23",
     "xuchang/ribao/2023/02/30"],
)
def test_folders_outside_the_layout_are_problems(folder):
    assert issue_folder_problem(folder) is not None


@pytest.mark.parametrize("name", ["6-2.md", "06-02.MD", "06-2.md", "新文章.md", "a2-01.md",
                                  "06-02.md.bak", "06-02.txt", "06_02.md"])
def test_article_file_names_outside_the_layout_do_not_match(name):
    assert ARTICLE_NAME_RE.match(name) is None
