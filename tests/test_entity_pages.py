"""The 人物/地点/机构/关键词 pages of a built site (generator/enrich/pages.py): they exist,
article pages link to them and they link back, and their URLs are served."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from e2e_site import SAMPLE_CONTENT, build

from generator.cli import main
from generator.commands.serve import locate
from generator.enrich.pages import SECTIONS

LINK = re.compile(r'<a href="([^"]+)">([^<]+)</a>')


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("entities") / "public"
    build(SAMPLE_CONTENT, out, "https://example.org")
    return out


def block(html: str, css_class: str) -> str:
    """The text of the <section class="css_class"> of a page ('' if it has none)."""
    m = re.search(rf'<section class="{css_class}".*?</section>', html, re.S)
    return m.group(0) if m else ""


def article_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.glob("*/*/*/*/*/*-*/index.html"))


def test_every_kind_has_an_index_page_sorted_by_article_count(site: Path):
    for kind, (label, section) in SECTIONS.items():
        html = (site / section / "index.html").read_text(encoding="utf-8")
        assert f"<h1 class=\"page-title\">{label}" in html
        counts = [int(n) for n in re.findall(r'</a> <span class="muted">(\d+)篇</span>', html)]
        assert counts, kind
        assert counts == sorted(counts, reverse=True)


def test_article_pages_link_to_their_entities_and_the_entities_link_back(site: Path):
    linked = 0
    for page in article_pages(site):
        html = page.read_text(encoding="utf-8")
        url = "/" + str(page.parent.relative_to(site)) + "/"
        for href, name in LINK.findall(block(html, "article-entities")):
            target = site / href.strip("/") / "index.html"
            assert target.is_file(), href
            entity = target.read_text(encoding="utf-8")
            assert f'<h1 class="page-title">{name} ' in entity
            assert f'<a href="{url}">' in entity, (href, url)
            linked += 1
    assert linked > 50  # the sample's articles name people, places and organisations


def test_entity_pages_list_articles_newest_first_with_paper_date_and_page(site: Path):
    html = (site / "places" / "许昌" / "index.html").read_text(encoding="utf-8")
    # Each estimate is marked （推断） in a span of its own.
    shown = re.sub(r'<span class="inferred"[^>]*>（推断）</span>', "", html)
    rows = re.findall(r'<li><a href="(/[^"]+/)">[^<]*</a> <span class="muted">'
                      r"(\S+) · (\d+)年(\d+)月(\d+)日 · 第(\w+)版</span></li>", shown)
    assert len(rows) >= 2
    dates = [(int(y), int(m), int(d)) for _, _, y, m, d, _ in rows]
    assert dates == sorted(dates, reverse=True)
    for url, *_ in rows:
        assert (site / url.strip("/") / "index.html").is_file()


def test_related_articles_are_earlier_articles_of_the_site(site: Path):
    shown = 0
    for page in article_pages(site):
        html = page.read_text(encoding="utf-8")
        day = tuple(page.parts[-5:-2])
        for href, _ in LINK.findall(block(html, "related-articles")):
            assert (site / href.strip("/") / "index.html").is_file()
            assert tuple(href.strip("/").split("/")[2:5]) <= day  # on or before its date
            shown += 1
    assert shown > 0


def test_the_preview_server_finds_a_chinese_path_percent_encoded(site: Path):
    assert locate(site, quote("/people/")) is not None
    name = next((site / "people").iterdir()).name
    assert locate(site, quote(f"/people/{name}/index.html")) == site / "people" / name / \
        "index.html"


def test_a_bad_dictionary_line_stops_the_build_naming_file_and_line(tmp_path: Path, capsys):
    (tmp_path / "names.txt").write_text("许昌 ns\n张三 五 nr\n", encoding="utf-8")
    config = tmp_path / "site.yaml"
    config.write_text("title: 测试\nentity_dictionary: names.txt\n", encoding="utf-8")
    code = main(["build", "--content", str(SAMPLE_CONTENT), "--out", str(tmp_path / "out"),
                 "--config", str(config), "--quiet"])
    assert code == 2
    assert f"{tmp_path / 'names.txt'}:2: expected" in capsys.readouterr().err


def test_a_missing_dictionary_is_named_with_the_config_line(tmp_path: Path, capsys):
    config = tmp_path / "site.yaml"
    config.write_text("title: 测试\nentity_dictionary: names.txt\n", encoding="utf-8")
    code = main(["build", "--content", str(SAMPLE_CONTENT), "--out", str(tmp_path / "out"),
                 "--config", str(config), "--quiet"])
    assert code == 2
    assert f"{config}:2: entity_dictionary: " in capsys.readouterr().err


@pytest.mark.parametrize("section", ["people", "places", "orgs", "topics"])
def test_a_city_cannot_take_the_name_of_an_entity_section(tmp_path: Path, capsys,
                                                          section: str):
    config = tmp_path / "site.yaml"
    config.write_text(f"title: 测试\ncity_slugs: {{许昌: {section}}}\n", encoding="utf-8")
    code = main(["build", "--content", str(SAMPLE_CONTENT), "--out", str(tmp_path / "out"),
                 "--config", str(config), "--quiet"])
    assert code == 2
    assert "reserved" in capsys.readouterr().err


def test_a_page_is_rebuilt_when_the_dates_it_lists_for_other_pages_change():
    # Every page of an entity lists its numbered pages with the dates each spans. Taking an
    # article out of the second page changes that page's span, and so every page's list:
    # all of their fingerprints must change, or an incremental build keeps stale spans.
    import datetime as dt
    from types import SimpleNamespace

    from generator.enrich.pages import PAGE_SIZE, plan_units
    from generator.enrich.site import Enrichment

    def story(n: int) -> SimpleNamespace:
        day = dt.date(2022, 1, 1) + dt.timedelta(days=n)
        return SimpleNamespace(url=f"/a/{n}/", display_title=f"标题{n}", paper="某报",
                               date=day, page=1, inferred=frozenset())

    newest_first = [story(n) for n in range(3 * PAGE_SIZE - 2, -1, -1)]  # two full pages
    before = plan_units(Enrichment(index={"keywords": {"林业": newest_first}}), "s")
    fewer = [a for a in newest_first if a.url != f"/a/{PAGE_SIZE + 5}/"]  # from page 2
    after = plan_units(Enrichment(index={"keywords": {"林业": fewer}}), "s")
    for unit in ("entity:keywords:林业", "entity:keywords:林业:1"):
        assert before[unit] != after[unit], unit
