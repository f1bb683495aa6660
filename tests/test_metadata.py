"""Page metadata: flags > sidecar <stem>.yaml > pages.yaml > inferred from the text."""

import datetime as dt
from pathlib import Path

import pytest
import yaml

from generator.content.metadata import (
    infer_metadata,
    read_pages_index,
    resolve_metadata,
)
from generator.errors import ArchiveError

SEEDS = Path(__file__).resolve().parent.parent / "samples" / "pages"
# A page about 焦作 that reports events up to 2月20日 of 2023.
TEXT = """\
本报讯（记者 李新）2 月 16 日，焦作市召开
2023 年春季植树动员会。温县、武陟县……
2 月 20 日，焦作市林业局……
新华社北京 2 月 20 日电 ……北京……
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- the seeds' pages.yaml ---------------------------------------------------------------


def test_the_seed_pages_yaml_parses():
    entries, lines = read_pages_index(SEEDS / "pages.yaml")
    assert len(entries) == 5
    assert entries["000_c6cff1b7bd5aed8a.txt"]["section"] == "民生经济"
    assert lines[("003_6ccd0d6ab25e1e3b.txt",)] == 9


@pytest.mark.parametrize("page", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_every_seed_page_resolves_from_pages_yaml(page):
    listed = yaml.safe_load((SEEDS / "pages.yaml").read_text(encoding="utf-8"))[page.name]
    meta = resolve_metadata(page, page.read_text(encoding="utf-8"))
    assert (meta.paper, meta.city, meta.date, meta.page, meta.section) == (
        listed["paper"], listed["city"], listed["date"], listed["page"], listed["section"]
    )
    assert meta.inferred == tuple(listed.get("inferred", ()))
    assert meta.origin["date"] == str(SEEDS / "pages.yaml")


@pytest.mark.parametrize("page", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_inference_agrees_with_the_estimates_in_pages_yaml(page):
    listed = yaml.safe_load((SEEDS / "pages.yaml").read_text(encoding="utf-8"))[page.name]
    guessed = infer_metadata(page.read_text(encoding="utf-8"))
    assert guessed == {"city": listed["city"], "paper": listed["paper"], "date": listed["date"]}


# --- inference ---------------------------------------------------------------------------


def test_inference_on_a_small_page():
    assert infer_metadata(TEXT) == {
        "city": "焦作", "paper": "焦作日报", "date": dt.date(2023, 2, 21)
    }


def test_counties_count_for_their_city_and_wire_datelines_do_not_count():
    assert infer_metadata("新华社北京电。长葛市、禹州市、鄢陵县。郑州。")["city"] == "许昌"


def test_words_that_contain_a_city_name_do_not_count():
    text = "隆重庆祝，复合肥，建成都市圈。许昌"
    assert infer_metadata(text)["city"] == "许昌"


def test_a_plan_year_is_not_the_page_year():
    text = "《实施方案（2023—2025年）》……到2030年……10月18日，会议召开。"
    assert infer_metadata(text)["date"] == dt.date(2023, 10, 19)


def test_a_bare_date_right_after_a_full_one_shares_its_year():
    text = "2023年新春。2022年11月29日，全线流凌。11月30日，封河。2月20日电"
    assert infer_metadata(text)["date"] == dt.date(2023, 2, 21)


def test_an_anniversary_names_the_year():
    assert infer_metadata("迎接新中国成立 70 周年，9 月 26 日，2018 年以来")["date"] == dt.date(
        2019, 9, 27
    )


def test_no_year_means_no_date():
    assert infer_metadata("3月22日，许昌市……") == {"city": "许昌", "paper": "许昌日报"}


def test_years_after_today_are_ignored():
    text = "2030年远景目标。2023年3月1日开幕。"
    assert infer_metadata(text, today=dt.date(2024, 1, 1))["date"] == dt.date(2023, 3, 2)


# --- precedence --------------------------------------------------------------------------


@pytest.fixture
def page(tmp_path: Path) -> Path:
    """A page with every source present: text, pages.yaml, and a sidecar."""
    page = write(tmp_path / "pages" / "000.txt", TEXT)
    write(tmp_path / "pages" / "pages.yaml",
          "000.txt: {paper: 许昌日报, city: 许昌, date: 2023-03-01, page: 2, section: 要闻,"
          " note: from the index}\n")
    write(tmp_path / "pages" / "000.yaml", "date: 2023-03-02\npage: 3\ninferred: [date]\n")
    return page


def test_flags_beat_everything(page):
    meta = resolve_metadata(page, TEXT, {"page": "4", "city": "洛阳市", "date": None})
    assert (meta.page, meta.city) == (4, "洛阳")
    assert meta.origin["page"] == meta.origin["city"] == "flag"


def test_sidecar_beats_pages_yaml(page):
    meta = resolve_metadata(page, TEXT)
    assert (meta.date, meta.page) == (dt.date(2023, 3, 2), 3)
    assert meta.inferred == ("date",)  # the sidecar says its date is an estimate
    assert meta.origin["date"] == str(page.with_suffix(".yaml"))


def test_pages_yaml_beats_the_text(page):
    page.with_suffix(".yaml").unlink()
    meta = resolve_metadata(page, TEXT)
    assert (meta.city, meta.paper, meta.date, meta.page, meta.section) == (
        "许昌", "许昌日报", dt.date(2023, 3, 1), 2, "要闻"
    )
    assert meta.note == "from the index"
    assert meta.inferred == ()


def test_the_text_fills_what_no_source_gives(tmp_path):
    page = write(tmp_path / "001.txt", TEXT)
    meta = resolve_metadata(page, TEXT, {"page": 5})
    assert (meta.city, meta.paper, meta.date, meta.page) == (
        "焦作", "焦作日报", dt.date(2023, 2, 21), 5
    )
    assert meta.inferred == ("city", "paper", "date")


def test_the_paper_follows_the_given_city(tmp_path):
    page = write(tmp_path / "001.txt", TEXT)
    meta = resolve_metadata(page, TEXT, {"page": 5, "city": "许昌"})
    assert meta.paper == "许昌日报"
    assert meta.inferred == ("paper", "date")


# --- errors ------------------------------------------------------------------------------


def test_missing_page_number(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "pages" / "000.txt", "许昌市……3月22日")
    with pytest.raises(ArchiveError) as err:
        resolve_metadata(Path("pages/000.txt"), "许昌市……3月22日")
    assert str(err.value) == (
        "pages/000.txt: no page number (and no date); pass --page N --date YYYY-MM-DD "
        "or list the file in pages.yaml beside it"
    )


def test_nothing_known_at_all(tmp_path):
    page = write(tmp_path / "000.txt", "……")
    with pytest.raises(ArchiveError, match=r"no page number \(and no date, no city\); "
                                           r"pass --page N --date YYYY-MM-DD --city NAME"):
        resolve_metadata(page, "……")


@pytest.mark.parametrize(
    ("flags", "says"),
    [
        ({"date": "2023-13-01"}, '--date "2023-13-01" is not a date; pass it as YYYY-MM-DD'),
        ({"date": "23/3/2023"}, "is not a date"),
        ({"page": "0"}, '--page "0" is not a page number; pass a positive number'),
        ({"page": "-3"}, "is not a page number"),
    ],
)
def test_flag_values_are_checked(tmp_path, flags, says):
    page = write(tmp_path / "000.txt", TEXT)
    with pytest.raises(ArchiveError) as err:
        resolve_metadata(page, TEXT, flags)
    assert str(err.value).startswith(f"{page}: --")
    assert says in str(err.value)


def test_malformed_pages_yaml_names_its_line(tmp_path):
    page = write(tmp_path / "000.txt", TEXT)
    index = write(tmp_path / "pages.yaml", "# pages\n000.txt: {paper: 许昌日报, date: 2023-03-01\n")
    with pytest.raises(ArchiveError, match=rf"^{index}:3: not valid YAML"):
        resolve_metadata(page, TEXT)


def test_a_bad_value_in_pages_yaml_names_its_line(tmp_path):
    page = write(tmp_path / "000.txt", TEXT)
    index = write(tmp_path / "pages.yaml",
                  "001.txt: {page: 1}\n000.txt:\n  page: 2\n  date: 2023-02-30\n")
    with pytest.raises(ArchiveError) as err:
        resolve_metadata(page, TEXT)
    assert str(err.value) == (
        f'{index}:4: 000.txt: date: "2023-02-30" is not a date; write it as YYYY-MM-DD'
    )


def test_a_malformed_sidecar_names_its_line(tmp_path):
    page = write(tmp_path / "000.txt", TEXT)
    sidecar = write(tmp_path / "000.yaml", "page: 3\ndate: 2023-03-01\nnote: a: b\n")
    with pytest.raises(ArchiveError, match=rf"^{sidecar}:3: not valid YAML"):
        resolve_metadata(page, TEXT)


def test_pages_yaml_entries_may_list_inferred_fields(tmp_path):
    page = write(tmp_path / "000.txt", TEXT)
    write(tmp_path / "pages.yaml",
          "000.txt: {city: 许昌, date: 2023-03-01, page: 2, inferred: [date, page]}\n")
    assert resolve_metadata(page, TEXT).inferred == ("paper", "date", "page")


# --- hostile sidecars and pages.yaml: refused with a message, before anything is built ----


def _alias_bomb(levels: int = 9, width: int = 9) -> str:
    """Mappings whose aliases stand for width**levels values: GBs if expanded or walked."""
    lines = ["l0: &l0 {" + ", ".join(f"k{i}: lol" for i in range(width)) + "}"]
    for n in range(1, levels):
        refs = ", ".join(f"k{i}: *l{n - 1}" for i in range(width))
        lines.append(f"l{n}: &l{n} {{{refs}}}")
    return "\n".join(lines) + "\n"


_ALIAS = ("YAML aliases (*l0) are not allowed here; write the value out (and put text that "
          "starts with * in double quotes)")


def test_an_alias_bomb_in_pages_yaml_is_refused(tmp_path):
    page = write(tmp_path / "000.txt", TEXT)
    index = write(tmp_path / "pages.yaml", "000.txt: {city: 许昌, page: 2}\n" + _alias_bomb())
    with pytest.raises(ArchiveError) as err:
        resolve_metadata(page, TEXT)
    assert str(err.value) == f"{index}:3: {_ALIAS}"


def test_an_alias_bomb_inside_a_pages_yaml_entry_is_refused(tmp_path):
    page = write(tmp_path / "000.txt", TEXT)
    bomb = _alias_bomb().replace("\n", "\n  ")
    index = write(tmp_path / "pages.yaml", f"000.txt:\n  page: 2\n  {bomb}")
    with pytest.raises(ArchiveError, match=rf"^{index}:4: YAML aliases \(\*l0\)"):
        resolve_metadata(page, TEXT)


def test_an_alias_bomb_in_a_sidecar_is_refused(tmp_path):
    page = write(tmp_path / "000.txt", TEXT)
    sidecar = write(tmp_path / "000.yaml", "page: 3\n" + _alias_bomb())
    with pytest.raises(ArchiveError) as err:
        resolve_metadata(page, TEXT)
    assert str(err.value) == f"{sidecar}:3: {_ALIAS}"


@pytest.mark.parametrize("name", ["pages.yaml", "000.yaml"])
def test_deep_nesting_in_page_metadata_is_a_message(tmp_path, name):
    page = write(tmp_path / "000.txt", TEXT)
    nested = "[" * 10_000 + "]" * 10_000
    text = f"000.txt: {{page: 2, note: {nested}}}\n" if name == "pages.yaml" else (
        f"page: 2\nnote: {nested}\n")
    path = write(tmp_path / name, text)
    with pytest.raises(ArchiveError) as err:
        resolve_metadata(page, TEXT)
    assert str(err.value).startswith(f"{path}:")
    assert "check the brackets" in str(err.value)


def test_deep_block_nesting_in_pages_yaml_names_its_line(tmp_path):
    page = write(tmp_path / "000.txt", TEXT)
    levels = "".join("  " * i + "- x:\n" for i in range(1, 40))
    index = write(tmp_path / "pages.yaml", "000.txt:\n  page: 2\n  note:\n" + levels)
    with pytest.raises(ArchiveError) as err:
        resolve_metadata(page, TEXT)
    # Levels: the file, the entry, then a list and a mapping per line from line 4.
    assert str(err.value).startswith(f"{index}:13: lists or mappings nested more than 20 ")


def test_an_oversized_sidecar_is_refused_before_it_is_read(tmp_path):
    page = write(tmp_path / "000.txt", TEXT)
    sidecar = write(tmp_path / "000.yaml", "page: 3\nnote: " + "长" * 30_000 + "\n")
    with pytest.raises(ArchiveError) as err:
        resolve_metadata(page, TEXT)
    assert str(err.value) == (
        f"{sidecar}:1: the sidecar is 88 KB, more than the 64 KB allowed; a sidecar holds a "
        "few `key: value` lines (paper, city, date, page, section)"
    )


def test_an_oversized_pages_yaml_is_refused_before_it_is_read(tmp_path):
    page = write(tmp_path / "000.txt", TEXT)
    index = write(tmp_path / "pages.yaml",
                  "000.txt: {page: 2}\n" + ("# " + "x" * 98 + "\n") * 45_000)  # 4.3 MB
    with pytest.raises(ArchiveError) as err:
        resolve_metadata(page, TEXT)
    assert str(err.value) == (
        f"{index}:1: pages.yaml is 4.3 MB, more than the 4 MB allowed; split the pages into "
        "several folders, each with its own pages.yaml"
    )


def test_a_pages_yaml_with_too_many_values_is_refused(tmp_path):
    page = write(tmp_path / "000.txt", TEXT)
    index = write(tmp_path / "pages.yaml",
                  "000.txt: {page: 2}\nx: [" + ",".join(["1"] * 500_000) + "]\n")
    with pytest.raises(ArchiveError, match=rf"^{index}:2: pages.yaml has more than 400,000 "):
        resolve_metadata(page, TEXT)
