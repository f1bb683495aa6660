"""Site configuration (site.yaml): optional, validated, with path:line errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.errors import ArchiveError

KNOWN_KEYS = {"city_slugs"}


def load_config(path: Path, required: bool = False) -> dict[str, Any]:
    """The config mapping; {} when the file is absent and not required."""
    if not path.exists():
        if required:
            raise ArchiveError(f"{path}: no such config file; create it or leave out --config")
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise ArchiveError(f"{path}{line}: not valid YAML ({getattr(err, 'problem', err)}); "
                           "fix the syntax") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ArchiveError(f"{path}: cannot read ({err}); save it as UTF-8") from None
    if not isinstance(data, dict):
        raise ArchiveError(f"{path}: expected a mapping of settings (key: value)")
    return validate(data, path)


def validate(data: dict[str, Any], path: Path) -> dict[str, Any]:
    slugs = data.get("city_slugs", {})
    if not isinstance(slugs, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.isascii() and v for k, v in slugs.items()
    ):
        raise ArchiveError(f"{path}: city_slugs: expected a mapping of city name → ASCII slug, "
                           "e.g. 许昌: xuchang")
    return data
