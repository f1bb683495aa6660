"""Which paper, city, date and page a page dump is: OCR dumps rarely print their masthead.

Sources, first one that gives a field wins:

1. explicit flags (`--city 许昌 --date 2023-03-23 --page 6`), a dict passed in;
2. a sidecar `<stem>.yaml` beside the page file (`000.txt` → `000.yaml`), a mapping
   {paper, city, date, page, section, note, inferred};
3. a `pages.yaml` in the page's folder, mapping file name → the same mapping
   (see samples/pages/pages.yaml; other keys are allowed and ignored);
4. inference from the page text (infer_metadata): city and date only. The page
   number cannot be inferred.

A field is listed in PageMeta.inferred when it came from the text, when the
paper was derived from the city (许昌 → 许昌日报), or when the source that gave
it lists it under `inferred:` (an estimate written down, not a printed fact).
The site shows inferred fields as such.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.content import places
from generator.content.frontmatter import PAGES_INDEX, SIDECAR, load_yaml, read_yaml_text
from generator.content.schema import INFERABLE, parse_date, parse_page
from generator.errors import ArchiveError
from generator.ingest.article import PageRef

FIELDS = ("city", "paper", "date", "page", "section")
MAX_NAME_CHARS = 100  # a city, paper or section name; the front matter must stay small
REQUIRED = ("city", "paper", "date", "page")
INDEX_NAME = "pages.yaml"


@dataclass
class PageMeta:
    """What is known about one printed page; every article on it shares this."""

    city: str
    paper: str
    date: dt.date
    page: PageRef
    section: str | None = None
    inferred: tuple[str, ...] = ()  # fields that are estimates, in FIELDS order
    note: str | None = None
    origin: dict[str, str] = field(default_factory=dict)  # field → "flag", a file path, "text"


@dataclass
class _Layer:
    """One source's values, already checked and normalised."""

    origin: str
    values: dict[str, Any]
    inferred: frozenset[str] = frozenset()
    note: str | None = None


# --- the entry point -------------------------------------------------------------------


def resolve_metadata(
    page_path: Path,
    text: str | None = None,
    flags: Mapping[str, Any] | None = None,
    *,
    today: dt.date | None = None,
) -> PageMeta:
    """Page metadata from flags > sidecar > pages.yaml > the text; ArchiveError if incomplete.

    page_path is shown in messages as given. text is the decoded page text
    (needed only when a field must be inferred). today caps inferred years
    (a page is not from the future); it defaults to the real today.
    """
    page_path = Path(page_path)
    where = str(page_path)
    layers = [_Layer("flag", check_flags(flags or {}, where))]
    sidecar = sidecar_path(page_path)
    if sidecar is not None and sidecar.is_file():
        layers.append(_entry_layer(*read_sidecar(sidecar), origin=str(sidecar)))
    index = page_path.parent / INDEX_NAME
    if index.is_file():
        entries, lines = read_pages_index(index)
        if page_path.name in entries:
            entry = entries[page_path.name]
            layers.append(_entry_layer(
                entry, {k[1:]: v for k, v in lines.items() if k[:1] == (page_path.name,)},
                origin=str(index), label=f"{page_path.name}: ",
                line=lines.get((page_path.name,), 1),
            ))

    values: dict[str, Any] = {}
    inferred: set[str] = set()
    origin: dict[str, str] = {}
    for key in FIELDS:
        for layer in layers:
            if layer.values.get(key) is not None:
                values[key] = layer.values[key]
                origin[key] = layer.origin
                if key in layer.inferred:
                    inferred.add(key)
                break
    if ("city" not in values or "date" not in values) and text:
        guessed = infer_metadata(text, today=today or dt.date.today())
        for key in ("city", "date"):
            if key not in values and key in guessed:
                values[key], origin[key] = guessed[key], "text"
                inferred.add(key)
    if "paper" not in values and "city" in values:
        values["paper"], origin["paper"] = f"{values['city']}日报", "city"
        inferred.add("paper")

    missing = [k for k in REQUIRED if k not in values]
    if missing:
        raise ArchiveError(_missing_message(where, missing))
    return PageMeta(
        city=values["city"], paper=values["paper"], date=values["date"], page=values["page"],
        section=values.get("section"),
        inferred=tuple(k for k in FIELDS if k in inferred),
        note=next((layer.note for layer in layers if layer.note), None),
        origin=origin,
    )


def _missing_message(where: str, missing: list[str]) -> str:
    names = {"page": "page number", "date": "date", "city": "city"}
    fixes = {"page": "--page N", "date": "--date YYYY-MM-DD", "city": "--city NAME"}
    keys = [k for k in ("page", "date", "city") if k in missing]  # a paper follows its city
    what = f"no {names[keys[0]]}"
    if len(keys) > 1:
        what += " (and " + ", ".join(f"no {names[k]}" for k in keys[1:]) + ")"
    return (f"{where}: {what}; pass {' '.join(fixes[k] for k in keys)} "
            f"or list the file in {INDEX_NAME} beside it")


# --- explicit sources ------------------------------------------------------------------


def check_flags(flags: Mapping[str, Any], where: str) -> dict[str, Any]:
    """Flag values checked and normalised; empty ones dropped. Keys: FIELDS."""
    unknown = set(flags) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown metadata flags: {sorted(unknown)}")
    out: dict[str, Any] = {}
    for key, value in flags.items():
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        problem, clean = _check_value(key, value)
        if problem:
            raise ArchiveError(f"{where}: --{key} {problem.replace(' write ', ' pass ')}")
        out[key] = clean
    return out


def sidecar_path(page_path: Path) -> Path | None:
    """`000.txt` → `000.yaml`; None where that name is the folder's pages.yaml."""
    path = Path(page_path).with_suffix(".yaml")
    return None if path.name == INDEX_NAME else path


def _load_mapping(path: Path, expected: str) -> tuple[dict[str, Any], dict[tuple, int]]:
    """A YAML file that must hold a mapping (empty is fine); `expected` says what it holds."""
    limits = PAGES_INDEX if path.name == INDEX_NAME else SIDECAR
    data, lines = load_yaml(read_yaml_text(path, limits), str(path), limits=limits)
    if data is None:
        return {}, lines
    if not isinstance(data, dict):
        raise ArchiveError(f"{path}:1: expected {expected}")
    return data, lines


def read_sidecar(path: Path) -> tuple[dict[str, Any], dict[tuple, int]]:
    """A sidecar's mapping and its key lines; ArchiveError `path:line: …` if malformed."""
    return _load_mapping(path, "`key: value` lines (paper, city, date, page, section); "
                               "write e.g. `date: 2023-03-23`")


def read_pages_index(path: Path) -> tuple[dict[str, Any], dict[tuple, int]]:
    """A pages.yaml: file name → entry, and the line of every key; cached per file version."""
    stat = Path(path).stat()
    return _read_pages_index(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=32)
def _read_pages_index(path: str, _mtime: int, _size: int) -> tuple[dict[str, Any], dict]:
    data, lines = _load_mapping(Path(path), "one line per page file, `name.txt: {paper: …, "
                                             "city: …, date: YYYY-MM-DD, page: N}`")
    for name, entry in data.items():
        if entry is not None and not isinstance(entry, dict):
            raise ArchiveError(
                f"{path}:{lines.get((name,), 1)}: {name}: expected {{paper: …, city: …, "
                "date: YYYY-MM-DD, page: N}, not a single value"
            )
    return {str(k): v or {} for k, v in data.items()}, {
        (str(k[0]), *k[1:]): v for k, v in lines.items()
    }


def _entry_layer(
    entry: dict[str, Any], lines: dict[tuple, int], *, origin: str, label: str = "",
    line: int = 1,
) -> _Layer:
    """Check one sidecar or pages.yaml entry; problems name the line of the bad key."""
    values: dict[str, Any] = {}
    for key in FIELDS:
        value = entry.get(key)
        if value is None:
            continue
        problem, clean = _check_value(key, value)
        if problem:
            raise ArchiveError(f"{origin}:{lines.get((key,), line)}: {label}{key}: {problem}")
        values[key] = clean
    inferred = entry.get("inferred") or []
    if isinstance(inferred, str):
        inferred = [inferred]
    if not isinstance(inferred, list) or any(x not in INFERABLE for x in inferred):
        raise ArchiveError(
            f"{origin}:{lines.get(('inferred',), line)}: {label}inferred: list the fields that "
            f"are estimates, among {', '.join(INFERABLE)}, e.g. `inferred: [date, page]`"
        )
    note = entry.get("note")
    return _Layer(origin, values, frozenset(inferred), None if note is None else str(note))


def _check_value(key: str, value: Any) -> tuple[str | None, Any]:
    """(problem, clean value) for one metadata field; problem says how to fix it."""
    if key == "date":
        date = parse_date(value)
        if date is None:
            return f'"{value}" is not a date; write it as YYYY-MM-DD', None
        if date > dt.date.today():
            return (f"{date} is after today ({dt.date.today()}); an issue cannot be from "
                    "the future: check the date"), None
        if date.year < 1800:
            return f"{date} is before 1800; check the year", None
        return None, date
    if key == "page":
        page = parse_page(value)
        if page is None:
            return (f'"{value}" is not a page number; write a positive number or a label '
                    "such as A2"), None
        return None, page
    if not isinstance(value, str) or not value.strip():
        return f'"{value}" is not a name; write it as text, e.g. 许昌', None
    value = value.strip()
    if len(value) > MAX_NAME_CHARS or "\n" in value:
        return (f'"{value[:20]}…" is not a {key} name ({len(value)} characters, or more than '
                f"one line); write the name, at most {MAX_NAME_CHARS} characters"), None
    if key == "city":
        value = normalise_city(value)
    return None, value


def normalise_city(city: str) -> str:
    """"许昌市" → "许昌": the slug and paper name are made from the short name."""
    return city[:-1] if city.endswith("市") and len(city) > 2 else city


# --- inference from the text -----------------------------------------------------------

_PLACE_CITY = places.city_of_place()
_PLACE_RE = re.compile("|".join(
    f"(?<![{places.WIRE_AGENCY_END}{places.NOT_BEFORE.get(name, '')}]){name}"
    + (f"(?![{places.NOT_AFTER[name]}])" if name in places.NOT_AFTER else "")
    for name in sorted(_PLACE_CITY, key=len, reverse=True)
))
# 2022年, and 2023—2025年 (a plan: its start year counts, its end year does not).
_YEAR_RE = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d{2})(?:[—–\-~～至到](?:19|20)\d{2})?年(?!代)"
)
_FULL_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
# A bare date; not one that is a deadline (3月31日前).
_BARE_DATE_RE = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日(?!前)")
_SAME_STORY = 120  # characters after a full date within which a bare date shares its year
# Anniversaries name the current year without writing it: 新中国成立70周年 → 2019.
_ANNIVERSARIES = (
    (re.compile(r"(?:新中国|中华人民共和国|建国)成立?(\d{1,3})周年"), 1949),
    (re.compile(r"(?:建党|中国共产党成立)(\d{1,3})周年"), 1921),
    (re.compile(r"改革开放(\d{1,2})周年"), 1978),
)


def infer_metadata(text: str, today: dt.date | None = None) -> dict[str, Any]:
    """Guess city, paper and date from the page text; keys present only when found.

    city: the prefecture-level city mentioned most (its counties count for it);
    paper: f"{city}日报"; date: the day after the latest event (M月D日) the page
    reports, in the latest year it mentions. today, if given, drops later years.
    """
    flat = flatten(text)
    out: dict[str, Any] = {}
    city = infer_city(flat)
    if city:
        out["city"], out["paper"] = city, f"{city}日报"
    date = infer_date(flat, today)
    if date:
        out["date"] = date
    return out


def flatten(text: str) -> str:
    """OCR text without its spacing and line breaks: `2023 年 3\\n月` → `2023年3月`."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def infer_city(flat: str) -> str | None:
    """The city named most often; ties go to the one named first."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for m in _PLACE_RE.finditer(flat):
        city = _PLACE_CITY[m[0]]
        counts[city] = counts.get(city, 0) + 1
        first.setdefault(city, m.start())
    if not counts:
        return None
    return min(counts, key=lambda c: (-counts[c], first[c]))


def infer_date(flat: str, today: dt.date | None = None) -> dt.date | None:
    """The day after the latest date mentioned; None when the text gives no year."""
    # "到2025年" is a target, not when the page was printed.
    years = [
        int(m["year"]) for m in _YEAR_RE.finditer(flat) if flat[m.start() - 1 : m.start()] != "到"
    ]
    for pattern, base in _ANNIVERSARIES:
        years += [base + int(m[1]) for m in pattern.finditer(flat)]
    if today:
        years = [y for y in years if y <= today.year]
    if not years:
        return None
    year = max(years)
    full = [(m.end(), _date(int(m[1]), int(m[2]), int(m[3]))) for m in _FULL_DATE_RE.finditer(flat)]
    dates = [d for _, d in full]
    for m in _BARE_DATE_RE.finditer(flat):
        # "2022年11月29日，……11月30日": a bare date soon after a full one, and not
        # before it in the year, continues that year's story.
        near = [d for end, d in full if d and 0 <= m.start() - end <= _SAME_STORY]
        own = near[-1].year if near else year
        date = _date(own, int(m[1]), int(m[2]))
        if near and date and date < near[-1]:
            date = _date(year, int(m[1]), int(m[2]))
        dates.append(date)
    dates = [d for d in dates if d and (today is None or d < today)]
    if not dates:
        return None
    return max(dates) + dt.timedelta(days=1)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
