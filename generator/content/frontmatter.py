"""Content files: YAML front matter between `---` fences, then the Markdown body.

Editors open these files by hand, so the YAML is written to be read: Chinese as
is (not \\u escapes), one key a line in a fixed order, no line folding, dates as
YYYY-MM-DD. It is read back with a loader that takes YAML 1.1's surprises out:
dates stay strings until the schema checks them (an invalid `2023-13-01` must
be a validation message, not a crash), integers are decimal only (page `010`
is 10, not octal 8), and only `true`/`false` are booleans (not `yes`/`on`).
Errors name `path:line` in the file, counting the opening fence as line 1.

load_yaml is the one way the project reads YAML (front matter, sidecars,
pages.yaml, site.yaml), and it reads hostile text safely: no file needs
anchors and aliases, so an alias (`*name`, what a "billion laughs" bomb is
made of) is refused; nesting deeper than MAX_DEPTH, text larger than its
Limits and more values than they allow are refused too. These are checked on
the parser's event stream, which is produced without recursion, before the
(recursive) composer builds anything.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ArchiveError

FENCE = "---"

# Longer digit strings stay text: Python will not convert them, and nothing needs them.
_INT_RE = re.compile(r"^[-+]?[0-9]{1,1000}$")
_BOOL_RE = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_TAG_INT = "tag:yaml.org,2002:int"
_TAG_BOOL = "tag:yaml.org,2002:bool"
_TAG_TIMESTAMP = "tag:yaml.org,2002:timestamp"


# libyaml's parser when PyYAML was built with it: ten times faster, which matters when
# a build reads a hundred thousand files.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """SafeLoader with plain-text-friendly scalars (see the module docstring)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (_TAG_INT, _TAG_BOOL, _TAG_TIMESTAMP)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_TAG_INT, _INT_RE, list("-+0123456789"))
_Loader.add_implicit_resolver(_TAG_BOOL, _BOOL_RE, list("tTfF"))
_Loader.add_constructor(_TAG_INT, lambda loader, node: int(loader.construct_scalar(node)))


class _Dumper(yaml.SafeDumper):
    """SafeDumper that also quotes what *our* loader would not read back as text.

    The dumper writes a string plain only when no resolver claims it, so giving
    it both rule sets quotes `08` (an int to us) as well as `yes` (a bool to YAML 1.1).
    """


_Dumper.yaml_implicit_resolvers = {
    k: list(v) for k, v in yaml.SafeDumper.yaml_implicit_resolvers.items()
}
_Dumper.add_implicit_resolver(_TAG_INT, _INT_RE, list("-+0123456789"))
# Lists (`inferred: [date, page]`) on one line, like the key they belong to.
_Dumper.add_representer(
    list, lambda dumper, value: dumper.represent_sequence(
        "tag:yaml.org,2002:seq", value, flow_style=True
    )
)


# Levels of lists and mappings inside each other. The deepest real file has three
# (pages.yaml: file name → entry → `inferred: [date, page]`).
MAX_DEPTH = 20


@dataclass(frozen=True)
class Limits:
    """How large one kind of YAML text may be, and what to say when it is larger."""

    what: str  # as messages name it: "front matter", "pages.yaml"
    max_bytes: int  # UTF-8 size
    max_values: int  # scalars, lists and mappings, all counted
    fix: str  # what to do about it


FRONT_MATTER = Limits(
    "front matter", 64 * 1024, 5_000,
    "an article has a few short fields: keep long text in the body, below the closing '---'",
)
SIDECAR = Limits(
    "the sidecar", 64 * 1024, 5_000,
    "a sidecar holds a few `key: value` lines (paper, city, date, page, section)",
)
# About 15,000 pages at a few hundred bytes each; reading it takes a second or two.
PAGES_INDEX = Limits(
    "pages.yaml", 4 * 1024 * 1024, 400_000,
    "split the pages into several folders, each with its own pages.yaml",
)
SITE_CONFIG = Limits(
    "the config file", 1024 * 1024, 100_000,
    "it holds a few settings (title, base_url, …): check that it is the right file",
)


def too_large(path: str, line: int, size: int, limits: Limits) -> ArchiveError:
    """The error for a text or file of size bytes over limits.max_bytes."""
    return ArchiveError(
        f"{path}:{line}: {limits.what} is {_show_size(size)}, more than the "
        f"{_show_size(limits.max_bytes)} allowed; {limits.fix}"
    )


def read_yaml_text(path: Path, limits: Limits) -> str:
    """A YAML file's text (site.yaml, pages.yaml, a sidecar); one over the size limit is
    refused before it is read."""
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise too_large(str(path), 1, size, limits)
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise ArchiveError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start}); "
                           "save it as UTF-8") from None
    except OSError as e:
        raise ArchiveError(f"{path}: cannot read ({e.strerror}); check the file") from None


def _show_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    return f"{-(-size // 1024)} KB"


def _utf8_size_over(text: str, limit: int) -> int | None:
    """The UTF-8 size of text when it is over limit, else None (cheap for short text)."""
    if len(text) * 4 <= limit:  # no character takes more than 4 bytes
        return None
    size = len(text) if len(text) > limit else len(text.encode("utf-8", "surrogatepass"))
    return size if size > limit else None


@dataclass
class Document:
    """A parsed content file, with the line numbers messages need."""

    front: dict[str, Any]
    body: str
    body_line: int  # 1-based line where the body starts
    field_lines: dict[str, int] = field(default_factory=dict)  # top-level key → line
    end_line: int = 0  # line of the closing fence


def render(front: dict[str, Any], body: str) -> str:
    """The text of a content file: keys in the order given, body after one blank line.

    Callers order the keys (schema.ordered does it by FIELD_ORDER); datetimes
    are written as dates because an issue has a day, not a time.
    """
    clean = {k: _plain(v) for k, v in front.items()}
    yaml_text = yaml.dump(
        clean, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=2**31
    ) if clean else ""
    body = body.strip("\n")
    return f"{FENCE}\n{yaml_text}{FENCE}\n" + (f"\n{body}\n" if body else "")


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, tuple):
        return list(value)
    return value


def _fence_end(lines: list[str], path: str) -> int:
    if not lines or lines[0].rstrip() != FENCE:
        raise ArchiveError(f"{path}:1: no front matter; it must start with a line '---'")
    for i in range(1, len(lines)):
        if lines[i].rstrip() == FENCE:
            return i
    raise ArchiveError(f"{path}:1: front matter is not closed; add a line '---'")


def set_field(text: str, key: str, value: Any, path: str) -> str:
    """The file text with one top-level field set to value (added before the checksum or
    the closing fence when absent); continuation lines of an old value are dropped. Edits
    the text line by line, so an editor's formatting and comments elsewhere stay."""
    lines = text.split("\n")
    end = _fence_end(lines, path)
    rendered = render({key: value}, "").split("\n")
    dumped = rendered[1:_fence_end(rendered, path)]  # `key: value`, and a mapping's lines
    start = next((i for i in range(1, end) if re.match(rf"^{re.escape(key)}\s*:", lines[i])),
                 None)
    if start is None:
        at = next((i for i in range(1, end) if lines[i].startswith("checksum:")), end)
        lines[at:at] = dumped
        return "\n".join(lines)
    stop = start + 1
    while stop < end and (lines[stop].startswith((" ", "\t", "-")) or not lines[stop].strip()):
        stop += 1
    lines[start:stop] = dumped
    return "\n".join(lines)


def parse(text: str, path: str) -> tuple[dict[str, Any], str, int]:
    """(front matter, body, line where the body starts); ArchiveError `path:line: …`."""
    doc = parse_document(text, path)
    return doc.front, doc.body, doc.body_line


def parse_document(text: str, path: str) -> Document:
    """Like parse, also giving each top-level key's line (for validation messages)."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        raise ArchiveError(
            f"{path}:1: no front matter; start the file with a line '---', "
            "then `key: value` lines, then a line '---'"
        )
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == FENCE), None)
    if end is None:
        raise ArchiveError(
            f"{path}:1: front matter is not closed; add a line '---' after the last "
            "`key: value` line"
        )
    front_lines = lines[1:end]
    if sum(map(len, front_lines)) * 4 > FRONT_MATTER.max_bytes:  # maybe too large
        size = _utf8_size_over("\n".join(front_lines), FRONT_MATTER.max_bytes)
        if size is not None:
            raise too_large(path, 2, size, FRONT_MATTER)
    simple = fast_front(front_lines)
    if simple is not None:
        data, key_lines = simple
    else:
        data, key_lines = load_yaml("\n".join(front_lines), path, first_line=2)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ArchiveError(
            f"{path}:2: front matter must be `key: value` lines, not a "
            f"{type(data).__name__}; write one field a line, e.g. `title: …`"
        )
    bad = next((k for k in data if not isinstance(k, str)), None)
    if bad is not None:
        line = key_lines.get((bad,), 2)
        raise ArchiveError(f"{path}:{line}: {bad!r} is not a field name; field names are words")
    start = end + 1
    while start < len(lines) and not lines[start].strip():
        start += 1
    body = "\n".join(lines[start:]).rstrip("\n")
    fields = {k[0]: v for k, v in key_lines.items() if len(k) == 1}
    return Document(data, body, start + 1, fields, end + 1)


_KEY_LINE_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):(?: +(.*?))?\s*$")
_PLAIN_RE = re.compile(r"^[^-?:,\[\]{}#&*!|>'\"%@`\s](?:(?!: | #)[^\t])*(?<![:\s])$")
_FLOAT_RE = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+][0-9]+)?$|^\.")
_WORD_LIST_RE = re.compile(r"^\[\s*(?:[A-Za-z_]+(?:\s*,\s*[A-Za-z_]+)*)?\s*\]$")
_NULLS = {"", "null", "Null", "NULL", "~"}


def fast_front(lines: list[str]) -> tuple[dict[str, Any], dict[tuple, int]] | None:
    """Read front matter made only of simple `key: value` lines without a YAML parser.

    Files written by ingest (and most hand edits) look like that, and a build reads
    every file. Any line that is not plainly simple returns None: the caller then uses
    the real YAML loader, which gives the same values and the precise error messages.
    """
    data: dict[str, Any] = {}
    key_lines: dict[tuple, int] = {}
    for offset, line in enumerate(lines):
        if not line.strip():
            continue
        m = _KEY_LINE_RE.match(line)
        if m is None or m.group(1) in data:
            return None
        value = _simple_value(m.group(2) or "")
        if value is _NOT_SIMPLE:
            return None
        data[m.group(1)] = value
        key_lines[(m.group(1),)] = offset + 2  # the opening fence is line 1
    return data, key_lines


_NOT_SIMPLE = object()


def _simple_value(raw: str) -> Any:
    """The value the YAML loader would give for a simple scalar, or _NOT_SIMPLE."""
    if raw in _NULLS:
        return None
    if _INT_RE.match(raw):
        return int(raw)
    if _BOOL_RE.match(raw):
        return raw.lower() == "true"
    first = raw[0]
    if first == '"':
        inner = raw[1:-1]
        ok = len(raw) >= 2 and raw[-1] == '"' and '"' not in inner and "\\" not in inner
        return inner if ok else _NOT_SIMPLE
    if first == "'":
        inner = raw[1:-1]
        return inner if len(raw) >= 2 and raw[-1] == "'" and "'" not in inner else _NOT_SIMPLE
    if first == "[":
        if not _WORD_LIST_RE.match(raw):
            return _NOT_SIMPLE
        return [item.strip() for item in raw[1:-1].split(",") if item.strip()]
    if _FLOAT_RE.match(raw) or not _PLAIN_RE.match(raw):
        return _NOT_SIMPLE
    return raw


def load_yaml(
    text: str, path: str, first_line: int = 1, limits: Limits = FRONT_MATTER
) -> tuple[Any, dict[tuple, int]]:
    """YAML data and the line of every mapping key, by key path (e.g. ("000.txt", "date")).

    first_line is the file line the text starts on, so messages point into the
    file the user opens. Duplicate keys are an error: YAML would silently keep
    the last one and an editor's correction could vanish. Aliases, nesting
    deeper than MAX_DEPTH and text over limits are errors (see the module docstring).
    """
    size = _utf8_size_over(text, limits.max_bytes)
    if size is not None:
        raise too_large(path, first_line, size, limits)
    try:
        _check_events(text, path, first_line, limits)
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            lines: dict[tuple, int] = {}
            if node is not None:
                _key_lines(node, (), lines, path, first_line)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = first_line + (mark.line if mark else 0)
        raise ArchiveError(f"{path}:{line}: {_yaml_problem(e)}") from None
    except yaml.YAMLError as e:
        raise ArchiveError(
            f"{path}:{first_line}: not valid YAML ({e}); check the quoting"
        ) from None
    except (RecursionError, MemoryError):
        # Not expected within the limits above; still a message, never a traceback.
        raise ArchiveError(
            f"{path}:{first_line}: {limits.what} is too large or too deeply nested to read; "
            f"{limits.fix}"
        ) from None
    return data, lines


_OPEN_EVENTS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE_EVENTS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_VALUE_EVENTS = (yaml.ScalarEvent, *_OPEN_EVENTS)


def _check_events(text: str, path: str, first_line: int, limits: Limits) -> None:
    """Refuse aliases, deep nesting and too many values, reading the parser's events.

    The parser makes one event at a time without recursing, and this stops at the
    first problem, so no input gets far: `[[[[…` ten thousand deep is refused at
    level MAX_DEPTH + 1, an alias bomb at its first `*`.
    """
    loader = _Loader(text)
    depth = values = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, _VALUE_EVENTS):
                values += 1
                if values > limits.max_values:
                    line = first_line + event.start_mark.line
                    raise ArchiveError(
                        f"{path}:{line}: {limits.what} has more than {limits.max_values:,} "
                        f"values; {limits.fix}"
                    )
                if isinstance(event, _OPEN_EVENTS):
                    depth += 1
                    if depth > MAX_DEPTH:
                        line = first_line + event.start_mark.line
                        raise ArchiveError(
                            f"{path}:{line}: lists or mappings nested more than {MAX_DEPTH} "
                            "levels deep; no value here needs more than three: check the "
                            "brackets, and put text that starts with [ or { in double quotes"
                        )
            elif isinstance(event, _CLOSE_EVENTS):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                line = first_line + event.start_mark.line
                name = event.anchor if len(event.anchor) <= 20 else event.anchor[:20] + "…"
                raise ArchiveError(
                    f"{path}:{line}: YAML aliases (*{name}) are not allowed here; write "
                    "the value out (and put text that starts with * in double quotes)"
                )
    finally:
        loader.dispose()


def _key_lines(node: yaml.Node, prefix: tuple, out: dict, path: str, first_line: int) -> None:
    if not isinstance(node, yaml.MappingNode):
        return
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        keys = (*prefix, _scalar_key(key_node))
        line = first_line + key_node.start_mark.line
        if keys in out:
            name = ".".join(str(k) for k in keys)
            raise ArchiveError(
                f"{path}:{line}: {name}: appears twice (first on line {out[keys]}); keep one"
            )
        out[keys] = line
        _key_lines(value_node, keys, out, path, first_line)


def _scalar_key(node: yaml.ScalarNode) -> Any:
    """The key as the constructor will build it (ints stay ints), for lookups."""
    if node.tag == _TAG_INT:
        return int(node.value)
    return node.value


def _yaml_problem(e: yaml.MarkedYAMLError) -> str:
    problem = (e.problem or e.context or "syntax error").strip()
    if "mapping values are not allowed" in problem:
        hint = "put a value that contains ': ' in double quotes"
    elif "'\\t'" in problem or "tab" in problem:
        hint = "indent with spaces, not tabs"
    elif "expected <block end>" in problem or "did not find expected key" in problem:
        hint = "every line must be `key: value`; quote values that start with a quote mark"
    elif "expected alphabetic or numeric character" in problem:
        hint = "put text that starts with * or & in double quotes"
    elif "nesting depth" in problem:
        hint = "check the brackets, and put text that starts with [ or { in double quotes"
    elif "found undefined alias" in problem or "found character" in problem:
        hint = "put the value in double quotes"
    else:
        hint = "check the quoting; put values with ':', '#' or quote marks in double quotes"
    return f"not valid YAML ({problem}); {hint}"
