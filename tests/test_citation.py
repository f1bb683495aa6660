"""Citations of an article: GB/T 7714, BibTeX, RIS, CSL-JSON and schema.org, as pure
functions first (read them as examples), then in a real browser (the access date and
the downloads, assets/cite.js), then, where a zotero/translators checkout is given, as
Zotero imports the built page (benchmarks/zotero_import.js).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from e2e_site import HOSTILE_TITLE, REPO, BuiltSite

from generator.site.citation import (
    bibtex,
    csl_json,
    csl_json_text,
    gbt7714,
    json_ld,
    ris,
)
from generator.site.loader import load_folders
from generator.site.model import ArticleRec, display_title

URL = "https://archive.example/xuchang/ribao/2023/03/15/02-06/"
READ_ON = dt.date(2024, 5, 1)


def make(**changes: Any) -> ArticleRec:
    """A titled article by one reporter, every value printed on the page."""
    rec = ArticleRec(
        rel="xuchang/ribao/2023/03/15/02-06", url="/xuchang/ribao/2023/03/15/02-06/",
        slug="xuchang/ribao", city="许昌", paper="许昌日报", date=dt.date(2023, 3, 15),
        page=2, seq=6, title="市人大常委会开展专题调研", kicker=None, subtitle=None,
        byline="本报记者 李新", kind="news", section="要闻", continued_from=None,
        continues_on=None, source=None, inferred=(), excerpt="3月14日，调研组前往学校……",
        chars=500, display_title="市人大常委会开展专题调研", authors=("李新",),
        modified=dt.date(2024, 2, 1))
    rec = dataclasses.replace(rec, **changes)
    return dataclasses.replace(rec, display_title=display_title(rec.title, rec.excerpt))


# -- GB/T 7714-2015 -----------------------------------------------------------------------

def test_gbt7714_newspaper_article_read_online():
    assert gbt7714(make(), URL, READ_ON) == (
        "李新. 市人大常委会开展专题调研[N/OL]. 许昌日报, 2023-03-15(2)[2024-05-01]. "
        f"{URL}.")


def test_gbt7714_without_a_reading_day_says_where_it_goes():
    assert gbt7714(make(), URL) == (
        f"李新. 市人大常委会开展专题调研[N/OL]. 许昌日报, 2023-03-15(2)[引用日期]. {URL}.")


def test_gbt7714_subtitle_after_a_colon_and_anonymous_starts_with_the_title():
    article = make(subtitle="——访市教育局局长", authors=(), byline=None)
    assert gbt7714(article, URL, READ_ON).startswith(
        "市人大常委会开展专题调研：访市教育局局长[N/OL]. 许昌日报, ")


def test_gbt7714_three_authors_then_deng():
    article = make(authors=("李新", "王芳", "张伟", "赵敏"))
    assert gbt7714(article, URL, READ_ON).startswith("李新, 王芳, 张伟, 等. 市人大")
    assert gbt7714(make(authors=("李新", "王芳", "张伟")), URL).startswith(
        "李新, 王芳, 张伟. 市人大")


def test_gbt7714_brackets_what_the_archive_estimated():
    article = make(inferred=("date", "page"), page="A3")
    assert "许昌日报, [2023-03-15]([A3])[2024-05-01]." in gbt7714(article, URL, READ_ON)
    assert "[许昌日报], 2023-03-15(A3)" in gbt7714(make(inferred=("paper",), page="A3"), URL)


def test_untitled_article_is_cited_by_its_bracketed_first_words_everywhere():
    article = make(title=None,
                   excerpt="3月14日，许昌奥莱尼亚服装有限公司苗店社区工厂，工人正在加工")
    supplied = "［3月14日，许昌奥莱尼亚服装有限公司苗店…］"
    assert article.display_title == supplied
    assert gbt7714(article, URL).startswith(f"李新. {supplied}[N/OL].")
    assert f"  title = {{{supplied}}}," in bibtex(article, URL)
    assert f"TI  - {supplied}\n" in ris(article, URL)
    assert csl_json(article, URL)[0]["title"] == supplied
    data = json_ld(article, URL, {})
    assert "headline" not in data and data["name"] == supplied
    # ...and each record says the title is the archive's, not the paper's.
    for text in (bibtex(article, URL), ris(article, URL), csl_json_text(article, URL),
                 data["disambiguatingDescription"]):
        assert "原版未印标题" in text


# -- BibTeX, RIS, CSL-JSON ----------------------------------------------------------------

def test_bibtex_is_biblatex_newspaper_with_the_full_date():
    assert bibtex(make(), URL) == (
        "@article{xuchang-ribao-2023-03-15-02-06,\n"
        "  entrysubtype = {newspaper},\n"
        "  author = {{李新}},\n"
        "  title = {市人大常委会开展专题调研},\n"
        "  journaltitle = {许昌日报},\n"
        "  date = {2023-03-15},\n"
        "  pages = {2},\n"
        f"  url = {{{URL}}},\n"
        "  language = {chinese}\n"
        "}")
    assert "year" not in bibtex(make(), URL)  # one style: date, not year/month
    assert bibtex(make(), URL, READ_ON).endswith(",\n  urldate = {2024-05-01}\n}")


def test_bibtex_all_authors_and_escaped_specials():
    article = make(authors=("李新", "王芳", "张伟", "赵敏"),
                   title="100%达标 & {新} 标准_A #1 $5 ~ ^ \\ 尾")
    text = bibtex(article, URL)
    assert "  author = {{李新} and {王芳} and {张伟} and {赵敏}}," in text
    assert (r"  title = {100\%达标 \& \{新\} 标准\_A \#1 \$5 \~{} \^{} "
            r"\textbackslash{} 尾},") in text
    # Braces balance in every field, whatever the OCR text held.
    body = re.sub(r"\\[{}]", "", text)
    assert body.count("{") == body.count("}")


def test_ris_record():
    article = make(authors=("李新", "王芳", "张伟", "赵敏"))
    assert ris(article, URL, READ_ON) == (
        "TY  - NEWS\nAU  - 李新\nAU  - 王芳\nAU  - 张伟\nAU  - 赵敏\n"
        "TI  - 市人大常委会开展专题调研\nT2  - 许昌日报\nCY  - 许昌\nDA  - 2023/03/15/\n"
        f"PY  - 2023\nSP  - 2\nSE  - 要闻\nUR  - {URL}\nLA  - zh-CN\n"
        "Y2  - 2024/05/01/\nER  - \n")


def test_ris_value_never_spans_lines():
    text = ris(make(title="第一行\nER  - 第二行\r\n第三行"), URL)
    assert "TI  - 第一行 ER - 第二行 第三行\n" in text
    assert text.count("ER  - ") == 1


def test_csl_json_newspaper_item():
    item = csl_json(make(authors=("李新", "欧阳娜娜")), URL, READ_ON)[0]
    assert item == {
        "id": "xuchang-ribao-2023-03-15-02-06", "type": "article-newspaper",
        "title": "市人大常委会开展专题调研", "container-title": "许昌日报",
        "publisher-place": "许昌", "issued": {"date-parts": [[2023, 3, 15]]}, "page": "2",
        "URL": URL, "language": "zh-CN",
        "author": [{"literal": "李新"}, {"literal": "欧阳娜娜"}], "section": "要闻",
        "accessed": {"date-parts": [[2024, 5, 1]]}}
    assert "accessed" not in csl_json(make(), URL)[0]  # never the build's day


def test_csl_json_text_is_json_with_quotes_and_markup_intact():
    article = make(title='他说"<b>好</b>"\\', excerpt="x")
    assert json.loads(csl_json_text(article, URL)) == csl_json(article, URL)
    assert json.loads(csl_json_text(article, URL))[0]["title"] == '他说"<b>好</b>"\\'


def test_estimates_are_flagged_in_every_format():
    article = make(inferred=("date", "page"))
    note = "出版日期、版次为本档案推断值，并非版面印刷信息。"
    assert f"  note = {{{note}}}" in bibtex(article, URL)
    assert "  date = {2023-03-15}," in bibtex(article, URL)  # still parseable
    assert f"N1  - {note}\n" in ris(article, URL)
    assert csl_json(article, URL)[0]["issued"] == {"date-parts": [[2023, 3, 15]],
                                                   "circa": True}
    assert csl_json(article, URL)[0]["note"] == note
    assert json_ld(article, URL, {})["disambiguatingDescription"] == note
    # ...and a record of printed values carries no such flag.
    plain = make()
    assert "note" not in bibtex(plain, URL) and "N1" not in ris(plain, URL)
    assert "circa" not in csl_json(plain, URL)[0]["issued"]
    assert "disambiguatingDescription" not in json_ld(plain, URL, {})


# -- schema.org ---------------------------------------------------------------------------

def test_json_ld_news_article():
    data = json_ld(make(subtitle="——访局长"), URL, {},
                   paper_url="https://archive.example/xuchang/ribao/",
                   image="https://archive.example/xuchang/ribao/2023/03/15/02.jpg")
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "市人大常委会开展专题调研"
    assert data["alternativeHeadline"] == "——访局长"
    assert data["datePublished"] == "2023-03-15" and data["dateModified"] == "2024-02-01"
    assert data["isPartOf"] == {"@type": "Newspaper", "name": "许昌日报",
                                "url": "https://archive.example/xuchang/ribao/"}
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": URL}
    assert data["url"] == URL and data["pageStart"] == "2" and data["inLanguage"] == "zh-CN"
    assert data["author"] == [{"@type": "Person", "name": "李新"}]
    assert data["image"].endswith("/02.jpg") and data["isAccessibleForFree"] is True
    # No scan, no image; no known change date, no dateModified.
    bare = json_ld(make(modified=None), URL, {})
    assert "image" not in bare and "dateModified" not in bare


def test_built_page_json_ld_has_the_file_date_and_the_paper(sample_site: BuiltSite):
    html = (sample_site.root / "xuchang/ribao/2023/03/15/02-06/index.html").read_text(
        encoding="utf-8")
    data = json.loads(html.split('<script type="application/ld+json">', 1)[1]
                      .split("</script>", 1)[0])
    source = sample_site.content / "xuchang/ribao/2023/03/15/02-06.md"
    changed = dt.datetime.fromtimestamp(source.stat().st_mtime, dt.UTC).date()
    assert data["dateModified"] == changed.isoformat()
    assert data["isPartOf"]["url"] == sample_site.url + "/xuchang/ribao/"


# -- in the browser: the access date and the downloads ------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
HOSTILE_ISSUE = "ceshi/ribao/2024/01/02"


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    if os.environ.get("ARCHIVE_SKIP_BROWSER") == "1":
        pytest.skip("ARCHIVE_SKIP_BROWSER=1")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                    args=["--no-sandbox", "--disable-gpu"])
        yield browser
        browser.close()


def loaded_record(site: BuiltSite, rel: str) -> ArticleRec:
    issue = rel.rsplit("/", 1)[0]
    return next(r for r in load_folders(site.content, [issue]).records if r.rel == rel)


def test_access_date_and_downloads_in_the_browser(chromium: Any, hostile_site: BuiltSite,
                                                  tmp_path: Path):
    """The article whose headline is '</script><script>…': each file is the record the
    page shows plus the reader's day, byte for byte, under the article's key."""
    rel = f"{HOSTILE_ISSUE}/01-02"
    article = loaded_record(hostile_site, rel)
    url = hostile_site.page_url(f"/{rel}/")
    context = chromium.new_context(accept_downloads=True, locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(url)
    today = dt.date.today()
    reference = page.locator("p.citation").inner_text()
    assert reference == gbt7714(article, url, today)
    assert HOSTILE_TITLE in reference

    files = {}
    for name, suffix in (("BibTeX", "bib"), ("RIS", "ris"), ("CSL-JSON", "json")):
        with page.expect_download() as info:
            page.get_by_role("button", name=name, exact=True).click()
        download = info.value
        assert download.suggested_filename == f"ceshi-ribao-2024-01-02-01-02.{suffix}"
        target = tmp_path / download.suggested_filename
        download.save_as(target)
        files[suffix] = target.read_bytes().decode("utf-8")
    context.close()
    assert errors == []
    assert files["bib"] == bibtex(article, url, today) + "\n"
    assert files["ris"] == ris(article, url, today).replace("\n", "\r\n")
    assert json.loads(files["json"]) == csl_json(article, url, today)
    assert HOSTILE_TITLE in files["json"] and HOSTILE_TITLE in files["ris"]


def test_without_script_the_page_says_where_the_date_goes(hostile_site: BuiltSite):
    html = (hostile_site.root / HOSTILE_ISSUE / "01-01/index.html").read_text(encoding="utf-8")
    assert '[<span class="cite-accessed">引用日期</span>]' in html
    assert '<p class="cite-downloads" hidden>' in html  # buttons only where they work


# -- Zotero, run from its source ----------------------------------------------------------

def test_zotero_imports_a_newspaper_article(hostile_site: BuiltSite):
    """Needs ZOTERO_TRANSLATORS (a zotero/translators checkout), optionally ZOTERO_SCHEMA
    (zotero-schema's schema.json), and NODE_PATH with jsdom and wicked-good-xpath
    (see benchmarks/zotero_import.js)."""
    translators = os.environ.get("ZOTERO_TRANSLATORS")
    if not translators or not shutil.which("node"):
        pytest.skip("set ZOTERO_TRANSLATORS to a zotero/translators checkout (and have node)")
    rel = f"{HOSTILE_ISSUE}/01-01"
    command = ["node", str(REPO / "benchmarks/zotero_import.js"), "--translators", translators,
               str(hostile_site.root / rel / "index.html")]
    if os.environ.get("ZOTERO_SCHEMA"):
        command[4:4] = ["--schema", os.environ["ZOTERO_SCHEMA"]]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["detected"] == "newspaperArticle"
    [item] = result["items"]
    assert item["itemType"] == "newspaperArticle"
    assert item["title"] == "平常的第一篇"
    assert item["publicationTitle"] == "测试日报"
    assert item["date"] == "2024/01/02"
    assert item["pages"] == "1"
    assert item["url"] == hostile_site.page_url(f"/{rel}/")
    assert item["creators"] == [{"firstName": "", "lastName": "李四", "creatorType": "author"}]
