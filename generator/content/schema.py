"""The content model: which fields an article file has, their order, and their checks.

FIELD_ORDER is the order keys are written in, so every file reads the same way:
what the reader sees first (title, kicker, subtitle, byline), then where the
article was printed (city, paper, date, page, seq, section), then links to
other pages, then bookkeeping (source, inferred, checksum).

Required: city, paper, date, page, and a `title` key, which may be null: photos
and briefs often have no headline and the site shows a fallback. Everything
else has a default, so files written by tools/make_corpus.py or by hand with
only title/city/paper/date/page/byline are complete.

validate() returns every problem at once, each as
`path:line: field: what is wrong and how to fix it`, so an editor can fix a
file in one pass.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from generator.ingest.article import PageRef

FIELD_ORDER: tuple[str, ...] = (
    "title", "kicker", "subtitle", "byline", "kind",
    "city", "paper", "date", "page", "seq", "section",
    "continued_from", "continues_on",
    "source", "inferred", "segmentation", "aliases", "checksum",
)
REQUIRED: tuple[str, ...] = ("title", "city", "paper", "date", "page")
KINDS: tuple[str, ...] = (
    "news", "brief", "interview", "photo", "table", "notice", "commentary", "other",
)
TEXT_FIELDS = ("title", "kicker", "subtitle", "byline", "section", "source")
# Text an article may lack: an empty value is read as null (a title must be one or the other).
OPTIONAL_TEXT = ("kicker", "subtitle", "byline", "section")
# Fields that inference or a placeholder can supply, so `inferred` may list them.
INFERABLE = ("city", "paper", "date", "page", "section")

DEFAULTS: dict[str, Any] = {
    "title": None, "kicker": None, "subtitle": None, "byline": None, "kind": "news",
    "seq": None, "section": None, "continued_from": None, "continues_on": None,
    "source": None, "inferred": [], "segmentation": None, "aliases": [], "checksum": None,
}
# An earlier URL of an article, as a site path: /xuchang/2023/03/23/06-02/ or an old
# system's /html/2023-03/23/content_1234.htm. No query, fragment, `..` or spaces.
ALIAS_RE = re.compile(r"^/(?:[A-Za-z0-9._~%!$&'()*+,;=:@-]+/)*[A-Za-z0-9._~%!$&'()*+,;=:@-]*$")

# Whitespace and the invisible characters OCR leaves (bidi controls among them): a title
# of only these is empty.
_INVISIBLE = (" \t\r\n\u00a0\u3000\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u2028\u2029"
              "\u202a\u202b\u202c\u202d\u202e\u202f\u2066\u2067\u2068\u2069\u061c\u00ad")
DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$", re.ASCII)
# "A2", "B12": papers with lettered sections (re.ASCII: no full-width digits in names).
PAGE_LABEL_RE = re.compile(r"^[A-Za-z]{1,3}\d{1,3}$", re.ASCII)
CHECKSUM_RE = re.compile(r"^[0-9a-f]{16}$")
# content/<city-slug>/<YYYY>/<MM>/<DD>/<PP>-<NN>.md, matched at the end of any path.
PATH_RE = re.compile(
    r"(?:^|/)(?P<slug>[^/]+)/(?P<year>\d{4})/(?P<month>\d{2})/(?P<day>\d{2})/"
    r"(?P<page>[A-Za-z0-9]+)-(?P<seq>\d{2,})\.md$"
)


def parse_date(value: Any) -> dt.date | None:
    """A date from a YAML value or a flag; None when it is not a real YYYY-MM-DD date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    m = DATE_RE.match(value.strip())
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def parse_page(value: Any) -> PageRef | None:
    """A page number (positive int) or label ("A2"); None when it is neither.

    Digit strings count as numbers ("06" → 6) because flags and hand-edited
    YAML give them as text.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 < value < 1000 else None
    if isinstance(value, str):
        text = value.strip()
        if text.isdigit() and text.isascii():
            return (int(text) or None) if len(text) <= 3 else None  # file names: 01 to 999
        if PAGE_LABEL_RE.match(text):
            letters = text.rstrip("0123456789")
            number = int(text[len(letters):])
            return f"{letters.upper()}{number}" if number else None  # A01 is A1
    return None


def ordered(front: dict[str, Any]) -> dict[str, Any]:
    """The same fields with FIELD_ORDER first; unknown fields keep their place after."""
    out = {k: front[k] for k in FIELD_ORDER if k in front}
    out.update((k, v) for k, v in front.items() if k not in out)
    return out


def field_lines(front_text: str, first_line: int = 2) -> dict[str, int]:
    """Line of each top-level `key:` in front matter text (a plain scan, no YAML needed).

    frontmatter.parse_document gives exact lines; this is for text that does not parse.
    """
    lines: dict[str, int] = {}
    for i, line in enumerate(front_text.split("\n")):
        m = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if m and m[1] not in lines:
            lines[m[1]] = first_line + i
    return lines


def seq_from_path(path: str) -> int | None:
    """NN of a file named PP-NN.md: the article's place on its page."""
    m = re.search(r"(?:^|/)[A-Za-z0-9]+-(\d{2,})\.md$", path)
    return int(m[1]) if m else None


def apply_defaults(front: dict[str, Any], path: str) -> dict[str, Any]:
    """The front matter with every FIELD_ORDER field present and values normalised.

    Valid dates become datetime.date and page digit strings become ints; invalid
    values are left as they are (validate reports them).
    """
    out = dict(DEFAULTS)
    out["inferred"] = []
    out.update(front)
    if out.get("seq") is None:
        out["seq"] = seq_from_path(path)
    if out.get("inferred") is None:
        out["inferred"] = []
    for key in OPTIONAL_TEXT:  # a line left blank means "none", as null does
        if isinstance(out.get(key), str) and not out[key].strip():
            out[key] = None
    if out.get("aliases") is None:
        out["aliases"] = []
    elif isinstance(out["aliases"], str):
        out["aliases"] = [out["aliases"]]
    if isinstance(out["aliases"], list):
        out["aliases"] = [normalise_alias(a) if isinstance(a, str) else a
                          for a in out["aliases"]]
    date = parse_date(out.get("date"))
    if date is not None:
        out["date"] = date
    for key in ("page", "continued_from", "continues_on"):
        page = parse_page(out.get(key))
        if page is not None:
            out[key] = page
    return ordered(out)


def validate(front: dict[str, Any], path: str, field_lines: dict[str, int]) -> list[str]:
    """Every problem with an article's front matter, as `path:line: field: …` messages.

    Unknown fields are not problems here (see unknown_fields): an editor may
    keep notes in the file.
    """
    problems: list[str] = []

    def add(key: str, what: str) -> None:
        problems.append(f"{path}:{field_lines.get(key, 1)}: {key}: {what}")

    for key in REQUIRED:
        if key not in front:
            add(key, _missing(key))
    for key in TEXT_FIELDS:
        value = front.get(key)
        if value is not None and not isinstance(value, str):
            add(key, f"{_show(value)} is not text; put it in double quotes")
    title = front.get("title")
    if isinstance(title, str) and not title.strip(_INVISIBLE):
        add("title", "is empty; write the headline, or `title: null` for an untitled photo "
                     "or brief")
    for key in ("city", "paper"):
        if key not in front:
            continue
        value = front[key]
        if value is None or (isinstance(value, str) and not value.strip()):
            add(key, f"is empty; write the {key} name, e.g. `{key}: {_EXAMPLES[key]}`")
        elif not isinstance(value, str):
            add(key, f"{_show(value)} is not text; write the {key} name, e.g. {_EXAMPLES[key]}")
    if "date" in front and parse_date(front["date"]) is None:
        add("date", f"{_show(front['date'])} is not a date; write it as YYYY-MM-DD")
    elif "date" in front and parse_date(front["date"]).year < 1800:
        add("date", f"{_show(front['date'])} is before 1800; check the year")
    if "page" in front and parse_page(front["page"]) is None:
        add("page", f"{_show(front['page'])} is not a page; write a positive number or a "
                    "label such as A2")
    kind = front.get("kind", "news")
    if kind not in KINDS:
        add("kind", f"{_show(kind)} is not a known kind; use one of {', '.join(KINDS)}")
    seq = front.get("seq")
    if seq is not None and (isinstance(seq, bool) or not isinstance(seq, int) or seq < 1):
        add("seq", f"{_show(seq)} is not a position on the page; write a positive number")
    for key in ("continued_from", "continues_on"):
        value = front.get(key)
        if value is not None and parse_page(value) is None:
            add(key, f"{_show(value)} is not a page; write a page number, a label such as A2, "
                     "or null")
    inferred = front.get("inferred")
    if inferred is not None:
        if not isinstance(inferred, list):
            add("inferred", f"{_show(inferred)} is not a list; write e.g. [date, page] or []")
        else:
            bad = [x for x in inferred if x not in INFERABLE]
            if bad:
                add("inferred", f"{', '.join(map(_show, bad))} cannot be inferred; list only "
                                f"fields among {', '.join(INFERABLE)}")
    problems.extend(_segmentation_problems(front.get("segmentation"), path, field_lines))
    problems.extend(_alias_problems(front.get("aliases"), path, field_lines))
    checksum = front.get("checksum")
    if checksum is not None and not (isinstance(checksum, str) and CHECKSUM_RE.match(checksum)):
        add("checksum", f"{_show(checksum)} is not a checksum; delete the line (the ingest "
                        "writes it)")
    problems.extend(_path_problems(front, path, field_lines))
    return problems


def _segmentation_problems(value: Any, path: str, field_lines: dict[str, int]) -> list[str]:
    """`segmentation: {confidence: 0.62, doubts: [...]}`, written by ingest: how sure the
    segmenter was of this article's boundaries, headline and byline, and why not."""
    if value is None:
        return []
    where = f"{path}:{field_lines.get('segmentation', 1)}: segmentation:"
    example = "write e.g. {confidence: 0.8, doubts: []} or delete the line"
    if not isinstance(value, dict):
        return [f"{where} {_show(value)} is not a mapping; {example}"]
    out = []
    confidence = value.get("confidence")
    if confidence is not None and (isinstance(confidence, bool)
                                   or not isinstance(confidence, int | float)
                                   or not 0 <= confidence <= 1):
        out.append(f"{where} confidence {_show(confidence)} is not a number from 0 to 1; "
                   f"{example}")
    doubts = value.get("doubts", [])
    if not isinstance(doubts, list) or not all(isinstance(d, str) for d in doubts):
        out.append(f"{where} doubts {_show(doubts)} is not a list of text; {example}")
    return out


def normalise_alias(alias: str) -> str:
    """'/a/b' → '/a/b/' (a page URL), '/a/b.htm' stays: the form URLs take on the site."""
    alias = alias.strip()
    last = alias.rsplit("/", 1)[-1]
    return alias if alias.endswith("/") or "." in last else alias + "/"


def _alias_problems(aliases: Any, path: str, field_lines: dict[str, int]) -> list[str]:
    where = f"{path}:{field_lines.get('aliases', 1)}: aliases:"
    if aliases is None:
        return []
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list):
        return [f"{where} {_show(aliases)} is not a list; write e.g. "
                "[/xuchang/2023/03/23/06-02/]"]
    out = []
    for alias in aliases:
        if not isinstance(alias, str):
            out.append(f"{where} {_show(alias)} is not a URL path; write it in double quotes")
            continue
        text = normalise_alias(alias)
        if text.startswith(("http://", "https://")):
            out.append(f'{where} "{alias}": write the path only, without the site address '
                       "(e.g. /xuchang/2023/03/23/06-02/)")
        elif not ALIAS_RE.match(text) or "/../" in text or "/./" in text or text == "/":
            out.append(f'{where} "{alias}" is not a URL path of this site; write it like '
                       "/xuchang/2023/03/23/06-02/ (no spaces, ? or #)")
    return out


def unknown_fields(front: dict[str, Any], path: str, field_lines: dict[str, int]) -> list[str]:
    """Warnings for keys outside FIELD_ORDER: usually a typo (`titel:`), maybe a note."""
    return [
        f"{path}:{field_lines.get(key, 1)}: {key}: unknown field, ignored; "
        f"check the spelling (fields: {', '.join(FIELD_ORDER)})"
        for key in front
        if key not in FIELD_ORDER
    ]


def _path_problems(front: dict[str, Any], path: str, field_lines: dict[str, int]) -> list[str]:
    """Date, page and seq must agree with the permalink the file sits at."""
    m = PATH_RE.search(path.replace("\\", "/"))
    if not m:
        return []
    out = []
    where = f"{m['year']}/{m['month']}/{m['day']}/{m['page']}-{m['seq']}.md"
    date = parse_date(front.get("date"))
    path_date = f"{m['year']}-{m['month']}-{m['day']}"
    if date is not None and date.isoformat() != path_date:
        out.append(f"{path}:{field_lines.get('date', 1)}: date: {date.isoformat()} does not "
                   f"match the file's folder ({where}); write {path_date} or move the file")
    page = parse_page(front.get("page"))
    if parse_page(m["page"]) is None:
        out.append(f"{path}:1: page: the file name's page {m['page']} is not a page; rename "
                   "the file (pages count from 01)")
    elif page is not None and page != parse_page(m["page"]):
        out.append(f"{path}:{field_lines.get('page', 1)}: page: {_show(front['page'])} does not "
                   f"match the file name ({where}); write {parse_page(m['page'])} or rename "
                   "the file")
    seq = front.get("seq")
    if isinstance(seq, int) and not isinstance(seq, bool) and 0 < seq != int(m["seq"]):
        out.append(f"{path}:{field_lines.get('seq', 1)}: seq: {seq} does not match the file "
                   f"name ({where}); write {int(m['seq'])} or delete the line")
    return out


_EXAMPLES = {"city": "许昌", "paper": "许昌日报"}


def _missing(key: str) -> str:
    if key == "title":
        return "missing; add `title: …` (or `title: null` for an untitled photo or brief)"
    if key == "date":
        return "missing; add `date: YYYY-MM-DD` (the issue's date)"
    if key == "page":
        return "missing; add `page: N` (the printed page number)"
    return f"missing; add `{key}: …`, e.g. `{key}: {_EXAMPLES[key]}`"


def _show(value: Any) -> str:
    """A value as the message quotes it: strings in double quotes, others as YAML writes them."""
    if isinstance(value, str):
        return f'"{value}"'
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
