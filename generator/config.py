"""Site configuration (site.yaml): optional, every key checked, errors as path:line: key.

    title: 城市报纸数字档案          # site name shown in the header and feeds
    description: …                  # meta description of the home page
    base_url: https://example.org/  # where the site is published (feeds, sitemap, citations)
    feed_size: 50                   # entries per Atom feed
    templates: [my-templates]       # folders searched before the built-in templates/
    city_slugs: {许昌: xuchang}      # URL folder of a city, instead of its pinyin
    paper_slugs: {许昌晨报: chenbao}  # URL folder of a paper in its city (default: the
                                    # pinyin of its name without the city: 许昌日报 → ribao)
    archive:                        # the about page (/about/): who keeps the archive
      keeper: 许昌市档案馆            #   the institution or person that keeps it
      description: …                #   what the archive is, in a few sentences
      sources: [许昌市图书馆藏原版]     #   where the page images and texts come from
      rights: …                     #   who holds the rights to the texts
      licence: CC BY 4.0            #   the licence of the archive's texts and data
      licence_url: https://creativecommons.org/licenses/by/4.0/deed.zh-hans
      contact: archive@example.org  #   an e-mail address or an http(s) URL
    papers:                         # each paper, by its name as in the articles
      许昌日报: {publisher: …, place: 许昌, years: 1949–, frequency: 日报,
                holding: 许昌市图书馆, description: …, url: https://…}
    entity_dictionary: names.txt    # local names for the 人物/地点/机构 pages, in jieba's
                                    # user-dictionary format `词 [词频] [词性]` (nr a
                                    # person, ns a place, nt an organisation); see
                                    # generator/enrich/userdict.py
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from generator.content.frontmatter import SITE_CONFIG, load_yaml, read_yaml_text
from generator.content.slug import RESERVED, SLUG_RE
from generator.enrich.userdict import parse_user_dictionary
from generator.errors import ArchiveError

# The built-in templates and assets ship inside the package, so that an installed
# `archive` (not only a checkout) can build.
DEFAULT_TEMPLATES = Path(__file__).resolve().parent / "templates"
DEFAULTS: dict[str, Any] = {
    "title": "城市报纸数字档案",
    "description": "地方报纸版面与文章的全文档案，可按报纸、日期、版面浏览和检索。",
    "base_url": "http://localhost:8000",
    "feed_size": 50,
    "templates": [],
    "city_slugs": {},
    "paper_slugs": {},
    "archive": {},
    "papers": {},
    "entity_dictionary": None,
}
# What `archive:` and each paper under `papers:` may say (all text), for the about page.
ARCHIVE_KEYS = ("keeper", "description", "sources", "rights", "licence", "licence_url",
                "contact")
PAPER_KEYS = ("publisher", "place", "years", "frequency", "holding", "description", "url")


# What a published site's address may hold: no spaces, quotes, <, >, query or fragment.
_URL_RE = re.compile(r"^https?://[A-Za-z0-9.\-]+(?::\d+)?(?:/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)?$")


def load_config(path: Path, required: bool = False, base_url: str | None = None) -> dict[str, Any]:
    """The validated config with defaults; the file may be absent unless required."""
    data: dict[str, Any] = {}
    lines: dict[str, int] = {}
    if path.exists():
        if not path.is_file():
            raise ArchiveError(f"{path}: not a file; pass the site's YAML file with --config")
        data, lines = read_yaml(path)
    elif required:
        raise ArchiveError(f"{path}: no such config file; create it or leave out --config")
    if base_url:
        if not _URL_RE.match(base_url):
            raise ArchiveError(f"--base-url {base_url}: not an http(s) URL; write it like "
                               "https://archive.example.org/")
        data["base_url"] = base_url
    return validate(data, path, lines)


def read_yaml(path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    """The settings and the line of each, read with the project's safe YAML loader.

    A file over SITE_CONFIG's limits is refused before it is read; aliases and
    deep nesting are refused before anything is built (see frontmatter.load_yaml).
    """
    data, key_lines = load_yaml(read_yaml_text(path, SITE_CONFIG), str(path),
                                limits=SITE_CONFIG)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ArchiveError(f"{path}:1: expected settings as `key: value` lines")
    lines = {keys[0]: line for keys, line in key_lines.items() if len(keys) == 1}
    # Nested keys by their dotted name (archive.licence_url), so that errors point at them.
    lines.update({".".join(map(str, keys)): line for keys, line in key_lines.items()
                  if len(keys) > 1})
    bad = next((k for k in data if not isinstance(k, str)), None)
    if bad is not None:
        raise ArchiveError(f"{path}:{lines.get(bad, 1)}: {bad!r} is not a setting name; "
                           f"the settings are {', '.join(DEFAULTS)}")
    return data, lines


def validate(data: dict[str, Any], path: Path, lines: dict[str, int]) -> dict[str, Any]:
    def fail(key: str, message: str) -> ArchiveError:
        return ArchiveError(f"{path}:{lines.get(key, 1)}: {key}: {message}")

    unknown = sorted(set(data) - set(DEFAULTS))
    if unknown:
        raise fail(unknown[0], f"unknown setting; the settings are {', '.join(DEFAULTS)}")
    config = {**DEFAULTS, **data}
    for key in ("title", "description", "base_url"):
        if not isinstance(config[key], str) or not config[key].strip():
            raise fail(key, "expected a text value")
    url = urlparse(config["base_url"])
    if url.scheme not in ("http", "https") or not url.netloc or not _URL_RE.match(
            config["base_url"]):
        raise fail("base_url", f"{config['base_url']!r} is not an http(s) URL; write it "
                               "like https://archive.example.org/")
    config["base_url"] = config["base_url"].rstrip("/")
    if not isinstance(config["feed_size"], int) or not 1 <= config["feed_size"] <= 1000:
        raise fail("feed_size", "expected a whole number from 1 to 1000")
    templates = config["templates"]
    if isinstance(templates, str):
        templates = [templates]
    if not isinstance(templates, list) or not all(isinstance(t, str) for t in templates):
        raise fail("templates", "expected a list of folders, e.g. [my-templates]")
    base = path.parent
    dirs = [base / t for t in templates]
    for d in dirs:
        if not d.is_dir():
            raise fail("templates", f"{d} is not a folder; create it or remove it from the list")
    # A templates/ folder beside the config overrides the built-in files it holds.
    project_templates = base / "templates"
    local = [project_templates] if project_templates.is_dir() else []
    config["templates"] = [str(d) for d in [*dirs, *local, DEFAULT_TEMPLATES]]
    for key, example in (("city_slugs", "许昌: xuchang"), ("paper_slugs", "许昌晨报: chenbao")):
        slugs = config[key]
        if slugs is None:
            config[key] = slugs = {}
        if not isinstance(slugs, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and SLUG_RE.match(v)
            for k, v in slugs.items()
        ):
            raise fail(key, f"expected name: slug pairs, slugs in lower-case letters, digits "
                            f"and -, e.g. {example}")
        seen: dict[str, str] = {}
        for name, slug in slugs.items():
            if slug in seen:
                raise fail(key, f"{seen[slug]} and {name} both have the folder {slug!r}; "
                                "give each its own")
            seen[slug] = name
        reserved = sorted(v for v in slugs.values() if v in RESERVED)
        if reserved:
            raise fail(key, f"{reserved[0]!r} is reserved for the site's own pages; choose "
                            "another slug")
    config["archive"] = about_archive(config["archive"], fail)
    config["papers"] = about_papers(config["papers"], fail)
    config["entity_dictionary"] = entity_dictionary(config["entity_dictionary"], base, fail)
    return config


def entity_dictionary(value: Any, base: Path, fail: Callable[[str, str], ArchiveError]
                      ) -> str | None:
    """The dictionary file as an absolute path (its content is part of the build's
    settings: a change extracts every article's entities again), checked line by line."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise fail("entity_dictionary", "expected a file name, e.g. names.txt")
    file = (base / value).resolve()
    if not file.is_file():
        raise fail("entity_dictionary", f"{file} is not a file; create it (one `词 [词频] "
                                        "[词性]` a line) or remove the setting")
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise fail("entity_dictionary", f"{file} cannot be read as UTF-8 text ({err}); "
                                        "save it as UTF-8") from None
    problems = parse_user_dictionary(text, str(file))[1]
    if problems:
        more = f"\n… and {len(problems) - 10} more lines" if len(problems) > 10 else ""
        raise ArchiveError("\n".join(problems[:10]) + more)
    return str(file)


# -- the about page: archive: and papers: ------------------------------------------

_EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
Fail = Callable[[str, str], ArchiveError]


def about_archive(value: Any, fail: Fail) -> dict[str, Any]:
    """archive: checked, with `sources` as a list and `contact_href` (mailto: or the URL)."""
    info = _text_mapping(value, "archive", ARCHIVE_KEYS, "archive: {keeper: 许昌市档案馆}", fail)
    sources = info.get("sources")
    if isinstance(sources, str):
        sources = [sources]
    if sources is not None:
        if not isinstance(sources, list) or not sources or not all(
                isinstance(s, str) and s.strip() for s in sources):
            raise fail("archive.sources", "expected a text or a list of texts, e.g. "
                                          "[许昌市图书馆藏原版]")
        info["sources"] = [s.strip() for s in sources]
    if "licence_url" in info:
        _check_url(info["licence_url"], "archive.licence_url", fail)
    if "contact" in info:
        contact = info["contact"]
        if _EMAIL_RE.match(contact):
            info["contact_href"] = f"mailto:{contact}"
        elif contact.startswith(("http://", "https://")):
            info["contact_href"] = _check_url(contact, "archive.contact", fail)
        else:
            raise fail("archive.contact", f"{contact!r} is neither an e-mail address nor an "
                                          "http(s) URL; write it like archive@example.org "
                                          "or https://example.org/contact")
    return info


def about_papers(value: Any, fail: Fail) -> dict[str, dict[str, str]]:
    """papers: paper name → its description, each value checked."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise fail("papers", "expected paper names with their descriptions, e.g. "
                             "papers: {许昌日报: {place: 许昌}}")
    out: dict[str, dict[str, str]] = {}
    for name, info in value.items():
        if not isinstance(name, str) or not name.strip():
            raise fail("papers", f"{name!r} is not a paper's name; write the name as the "
                                 "articles give it, e.g. 许昌日报")
        key = f"papers.{name}"
        if isinstance(info, dict) and isinstance(info.get("years"), int):
            info = {**info, "years": str(info["years"])}  # years: 1949 reads as a number
        paper = _text_mapping(info, key, PAPER_KEYS, f"{name}: {{place: 许昌}}", fail)
        if "url" in paper:
            _check_url(paper["url"], f"{key}.url", fail)
        out[name.strip()] = paper
    return out


def _text_mapping(value: Any, key: str, allowed: tuple[str, ...], example: str,
                  fail: Fail) -> dict[str, Any]:
    """A mapping of known keys to non-empty texts (`sources` may be a list): the sub-key
    that is unknown or of the wrong type is named, on its own line."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise fail(key, f"expected settings under it ({', '.join(allowed)}), e.g. "
                        f"{example}")
    out: dict[str, Any] = {}
    for sub, item in value.items():
        name = f"{key}.{sub}"
        if sub not in allowed:
            raise fail(name, f"unknown setting; {key} may hold {', '.join(allowed)}")
        if sub == "sources" and isinstance(item, list):
            out[sub] = item
            continue
        if not isinstance(item, str) or not item.strip():
            got = "nothing" if item is None else f"a {_type_name(item)}"
            hint = ("; put it in quotes to keep it as written"
                    if isinstance(item, (bool, int, float, dt.date)) else "")
            raise fail(name, f"expected a text, got {got}{hint}")
        out[sub] = item.strip()
    return out


def _check_url(url: str, key: str, fail: Fail) -> str:
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc or re.search(
            r"[\s\"'<>`\\]", url):
        raise fail(key, f"{url!r} is not an http(s) URL; write it like "
                        "https://creativecommons.org/licenses/by/4.0/")
    return url


def _type_name(value: Any) -> str:
    return {bool: "yes/no value", int: "number", float: "number", list: "list",
            dict: "group of settings", dt.date: "date"}.get(type(value), type(value).__name__)


def paper_warnings(config: dict[str, Any], config_path: Path, names: set[str]) -> list[str]:
    """A paper described in site.yaml that no article names: probably a typo, but it
    may be a paper whose issues are still to come, so a warning and not an error."""
    return [f"{config_path}: papers: {name}: no article of this paper is in the archive; "
            "check the name (as the articles' `paper:` gives it), or ingest its pages"
            for name in config.get("papers", {}) if name not in names]
