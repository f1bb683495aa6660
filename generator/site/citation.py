"""How to cite an article: GB/T 7714-2015, BibTeX, RIS, CSL-JSON, and schema.org data.

Every format says what the paper printed and nothing more. Two rules hold throughout:

- An untitled article is cited by its display title, its first words in full-width
  square brackets (［…］), the cataloguers' mark of a title supplied by the archive;
  no format is given an invented headline, and each says the title is supplied.
- A value the archive estimated (ArticleRec.inferred: the date, the page, the paper,
  the city) is flagged in every format, each in its own way: square brackets around
  it in GB/T 7714 (the cataloguing convention for supplied data, e.g. [2023-03-15]),
  `"circa": true` on the CSL-JSON date, and a note (BibTeX `note`, RIS `N1`, CSL
  `note`, JSON-LD `disambiguatingDescription`) naming the estimated fields. The values
  of BibTeX and RIS stay unbracketed so that reference managers can still parse them.

The access date (GB/T 7714 [引用日期], BibTeX `urldate`, RIS `Y2`, CSL `accessed`) is
the reader's day, not the build's: a page built once is read for years, and a rebuild
must give the same bytes. So no function here writes it unless given one; the article
page leaves a placeholder that assets/cite.js fills in the browser, and the same script
adds it to the downloaded BibTeX, RIS and CSL-JSON files.

Zotero: its "Embedded Metadata" translator reads the article page's <meta> tags
(templates/article.html) and decides the item type as follows (read in zotero/translators,
Embedded Metadata.js init() and RDF.js detectType()):

- `citation_journal_title` makes a journalArticle, overriding everything else, so the
  page must not have it; `citation_title` alone only suggests journalArticle as a
  fallback when nothing else names a type.
- `DC.type` is passed to the RDF translator, which maps the value `NewsItem` (the
  ePrints type vocabulary; any Zotero type name such as `newspaperArticle` works too)
  to newspaperArticle, and a DC type beats that fallback. `og:type` = article would
  only suggest journalArticle; a schema.org NewsArticle in JSON-LD is not read there.
- The fields: title ← citation_title, publicationTitle ← prism.publicationName (the
  only newspaper-name tag read without making a journal article), date ←
  citation_publication_date, pages ← citation_firstpage, url ← citation_public_url,
  language ← citation_language, creators ← one citation_author each (a name without a
  space becomes a last name, as Chinese names should).
benchmarks/zotero_import.js runs the two translators on a built page to check it.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from generator.site.model import ArticleRec

# What each estimated field is called in a note, in the order notes name them.
ESTIMATE_NAMES = {"paper": "报纸名", "city": "出版地", "date": "出版日期", "page": "版次",
                  "section": "栏目"}
SUPPLIED_TITLE_NOTE = "原版未印标题，题名取自正文开头，由本档案补拟。"
ACCESS_PLACEHOLDER = "引用日期"  # GB/T 7714's name for the access date, until it is known
LANGUAGE = "zh-CN"


def cite_key(article: ArticleRec) -> str:
    """xuchang-ribao-2023-03-15-02-06: unique, stable, ASCII, the same in every format."""
    return article.rel.replace("/", "-")


def full_title(article: ArticleRec) -> str:
    """The title as cited: headline：subtitle (GB/T 7714's 其他题名信息 after a colon);
    an untitled article's ［first words］."""
    if article.title and article.subtitle:
        return f"{article.title}：{article.subtitle.lstrip('—－-– ')}"
    return article.display_title


def page_text(article: ArticleRec) -> str:
    """The page as printed: 2, A3 (no zero padding, unlike file names)."""
    return str(article.page)


def supplied(text: str, estimated: bool) -> str:
    """[text] when the archive supplied the value, the cataloguing mark; else text."""
    return f"[{text}]" if estimated else text


def notes(article: ArticleRec) -> list[str]:
    """Sentences saying what of this record is not printed on the page."""
    out = []
    if not article.title:
        out.append(SUPPLIED_TITLE_NOTE)
    estimated = [name for field, name in ESTIMATE_NAMES.items() if field in article.inferred]
    if estimated:
        out.append(f"{'、'.join(estimated)}为本档案推断值，并非版面印刷信息。")
    return out


# -- GB/T 7714-2015 ------------------------------------------------------------------

def gbt7714_parts(article: ArticleRec, url: str) -> tuple[str, str]:
    """The reference before and after its access date, for a page that fills the date in
    at view time: ("李新. 题名[N/OL]. 许昌日报, 2023-03-15(2)", ". https://…/.")."""
    authors = article.authors
    who = (", ".join(authors[:3]) + (", 等" if len(authors) > 3 else "") + ". ") if authors else ""
    paper = supplied(article.paper, "paper" in article.inferred)
    date = supplied(article.date.isoformat(), "date" in article.inferred)
    page = supplied(page_text(article), "page" in article.inferred)
    return f"{who}{full_title(article)}[N/OL]. {paper}, {date}({page})", f". {url}."


def gbt7714(article: ArticleRec, url: str, accessed: dt.date | None = None) -> str:
    """e.g. 李新. 卢希望调研…[N/OL]. 许昌日报, 2023-03-15(2)[2024-05-01]. https://….

    GB/T 7714-2015 for a newspaper article read online ([N/OL]): at most three authors,
    then 等; anonymous pieces start with the title; the page (版次) in parentheses after
    the date; the access date in square brackets, [引用日期] until it is known."""
    head, tail = gbt7714_parts(article, url)
    return f"{head}[{accessed.isoformat() if accessed else ACCESS_PLACEHOLDER}]{tail}"


# -- BibTeX (biblatex) -----------------------------------------------------------------

def bibtex(article: ArticleRec, url: str, accessed: dt.date | None = None) -> str:
    """A biblatex @article with entrysubtype newspaper, journaltitle and date.

    biblatex rather than classic BibTeX: a newspaper is cited to the day, which classic
    `year`/`month` cannot hold, and the Chinese standard's styles (biblatex-gb7714-2015)
    are biblatex styles that print [N] for this entry subtype. Names are braced so that
    no style splits or abbreviates a Chinese name. urldate only with a known access date.
    An estimate is named in `note`; the date itself stays parseable.
    """
    fields = [
        ("entrysubtype", "newspaper"),
        ("author", " and ".join(f"{{{_bib_escape(n)}}}" for n in article.authors)),
        ("title", _bib_escape(article.title or article.display_title)),
        ("subtitle", _bib_escape((article.subtitle or "").lstrip("—－-– "))
         if article.title else ""),
        ("journaltitle", _bib_escape(article.paper)),
        ("date", article.date.isoformat()),
        ("pages", _bib_escape(page_text(article))),
        ("url", url),
        ("language", "chinese"),
        ("note", _bib_escape(" ".join(notes(article)))),
        ("urldate", accessed.isoformat() if accessed else ""),  # last, as cite.js adds it
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@article{{{cite_key(article)},\n{body}\n}}"


_BIB_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
                "$": r"\$", "#": r"\#", "_": r"\_", "^": r"\^{}", "~": r"\~{}"}


def _bib_escape(value: str) -> str:
    """Text as LaTeX inside a braced field: OCR text may hold any character, and one
    stray brace or % would break the whole .bib file."""
    return "".join(_BIB_SPECIAL.get(c, c) for c in " ".join(value.split()))


# -- RIS -------------------------------------------------------------------------------

def ris(article: ArticleRec, url: str, accessed: dt.date | None = None) -> str:
    """A RIS record of type NEWS (lines end in \\n here; the download uses CRLF)."""
    lines = [("TY", "NEWS")]
    lines += [("AU", name) for name in article.authors]
    lines += [("TI", full_title(article)), ("T2", article.paper), ("CY", article.city),
              ("DA", article.date.strftime("%Y/%m/%d/")), ("PY", str(article.date.year)),
              ("SP", page_text(article)), ("SE", article.section or ""), ("UR", url),
              ("LA", LANGUAGE)]
    lines += [("N1", note) for note in notes(article)]
    if accessed:
        lines.append(("Y2", accessed.strftime("%Y/%m/%d/")))  # last, as cite.js adds it
    out = [f"{tag}  - {_ris_value(value)}" for tag, value in lines if value]
    return "\n".join([*out, "ER  - "]) + "\n"


def _ris_value(value: str) -> str:
    """One line: a line break in a value would start a new, unknown tag."""
    return " ".join(value.split())


# -- CSL-JSON --------------------------------------------------------------------------

def csl_json(article: ArticleRec, url: str, accessed: dt.date | None = None
             ) -> list[dict[str, Any]]:
    """The article as CSL-JSON (a list of one item, as CSL-JSON files are).

    Names are `literal`: splitting a Chinese name into family and given name by rule
    goes wrong for two-character surnames (欧阳, 司马), and a wrong split is worse than
    none. An estimated date carries "circa": true."""
    issued: dict[str, Any] = {"date-parts": [[article.date.year, article.date.month,
                                              article.date.day]]}
    if "date" in article.inferred:
        issued["circa"] = True
    item: dict[str, Any] = {
        "id": cite_key(article),
        "type": "article-newspaper",
        "title": full_title(article),
        "container-title": article.paper,
        "publisher-place": article.city,
        "issued": issued,
        "page": page_text(article),
        "URL": url,
        "language": LANGUAGE,
    }
    if article.authors:
        item["author"] = [{"literal": name} for name in article.authors]
    if article.section:
        item["section"] = article.section
    if accessed:
        item["accessed"] = {"date-parts": [[accessed.year, accessed.month, accessed.day]]}
    if notes(article):
        item["note"] = " ".join(notes(article))
    return [item]


def csl_json_text(article: ArticleRec, url: str) -> str:
    """csl_json as the text of a file: one variable a line, each value on its line."""
    items = []
    for item in csl_json(article, url):
        lines = [f"    {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}"
                 for key, value in item.items()]
        items.append("  {\n" + ",\n".join(lines) + "\n  }")
    return "[\n" + ",\n".join(items) + "\n]"


# -- schema.org ------------------------------------------------------------------------

def json_ld(article: ArticleRec, url: str, config: dict[str, Any], *,
            paper_url: str | None = None, image: str | None = None) -> dict[str, Any]:
    """A schema.org NewsArticle.

    `headline` only for a printed headline: schema.org's headline is the article's own,
    so an untitled article has only `name`, its bracketed first words. schema.org has no
    way to mark a date or page as estimated; the record says so in
    `disambiguatingDescription`, with the same sentences as the other formats' notes.
    `image` is the page scan, where there is one."""
    paper: dict[str, Any] = {"@type": "Newspaper", "name": article.paper}
    if paper_url:
        paper["url"] = paper_url
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": url,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "name": full_title(article),
    }
    if article.title:
        data["headline"] = article.title
        if article.subtitle:
            data["alternativeHeadline"] = article.subtitle
    data["datePublished"] = article.date.isoformat()
    modified = getattr(article, "modified", None)
    if modified:
        data["dateModified"] = modified.isoformat()
    if article.authors:
        data["author"] = [{"@type": "Person", "name": n} for n in article.authors]
    data.update({
        "publisher": {"@type": "Organization", "name": article.paper},
        "isPartOf": paper,
        "pageStart": page_text(article),
        "inLanguage": LANGUAGE,
        "isAccessibleForFree": True,
    })
    if image:
        data["image"] = image
    if article.section:
        data["articleSection"] = article.section
    if article.excerpt:
        data["description"] = article.excerpt
    if notes(article):
        data["disambiguatingDescription"] = " ".join(notes(article))
    return data
