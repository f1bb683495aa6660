"""How to cite an article: GB/T 7714-2015, BibTeX, and schema.org NewsArticle data."""

from __future__ import annotations

from typing import Any

from generator.site.model import ArticleRec
from generator.site.urls import page_label


def gbt7714(article: ArticleRec, url: str) -> str:
    """e.g. 李新. 卢希望调研…[N/OL]. 许昌日报, 2023-03-15(02). https://…/02-07/.

    GB/T 7714-2015 §8 for newspaper articles; [N/OL] because the cited copy is online.
    Anonymous pieces start with the title, as the standard says.
    """
    authors = article.authors
    who = (", ".join(authors[:3]) + (", 等" if len(authors) > 3 else "") + ". ") if authors else ""
    return (f"{who}{article.display_title}[N/OL]. {article.paper}, "
            f"{article.date.isoformat()}({page_label(article.page)}). {url}.")


def bibtex(article: ArticleRec, url: str) -> str:
    key = article.rel.replace("/", "-")
    fields = [
        ("author", " and ".join(article.authors)),
        ("title", article.display_title),
        ("journal", article.paper),
        ("date", article.date.isoformat()),
        ("year", str(article.date.year)),
        ("pages", str(article.page)),
        ("url", url),
        ("language", "chinese"),
    ]
    body = ",\n".join(f"  {name} = {{{_bib_escape(value)}}}" for name, value in fields if value)
    return f"@article{{{key},\n{body}\n}}"


def _bib_escape(value: str) -> str:
    return value.replace("\\", "\\textbackslash{}").replace("{", "\\{").replace("}", "\\}")


def json_ld(article: ArticleRec, url: str, config: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.display_title,
        "datePublished": article.date.isoformat(),
        "inLanguage": "zh-CN",
        "url": url,
        "pageStart": str(article.page),
        "isPartOf": {"@type": "Newspaper", "name": article.paper},
        "publisher": {"@type": "Organization", "name": article.paper},
        "isAccessibleForFree": True,
    }
    if article.authors:
        data["author"] = [{"@type": "Person", "name": n} for n in article.authors]
    if article.section:
        data["articleSection"] = article.section
    if article.excerpt:
        data["description"] = article.excerpt
    return data
