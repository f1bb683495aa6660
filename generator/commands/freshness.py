"""Is public/ up to date? The first step of every build, kept light.

A build with nothing to do should cost a scan of content/ and nothing more, so this
module imports only the config reader and the scanner: not the templates, Markdown or
the model. `archive build` asks it before importing the rest of the build.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import generator
from generator.config import load_config
from generator.errors import ArchiveError, ContentProblems
from generator.site.scan import Signature, scan

GENERATOR = Path(generator.__file__).resolve().parent
CACHE_FORMAT = 4


@dataclass
class Freshness:
    """What a build starts from: its settings, content/ as scanned, and the verdict."""
    config: dict[str, Any]
    template_dirs: list[Path]
    settings: str  # fingerprint of generator, config, templates and options
    signatures: dict[str, Signature]  # issue folder → its files
    store: Path  # the build cache of this output folder
    warnings: list[str] = field(default_factory=list)  # stray files
    cached: tuple[str, dict[str, Signature]] | None = None  # the last build's settings
    # and signatures, as its cache says
    full: bool = False  # nothing to build on: render everything
    up_to_date: bool = False  # nothing changed since the last build


def check(content: Path, out: Path, config_path: Path, base_url: str | None, search: bool,
          clean: bool, jobs: int, cache_root: Path | None = None,
          build_future: bool = False) -> Freshness:
    config = load_config(config_path, required=False, base_url=base_url)
    template_dirs = [Path(d) for d in config["templates"]]
    if not content.is_dir():
        raise ArchiveError(f"{content}: no such content folder; pass --content DIR or run "
                           "`archive ingest` first")
    signatures, problems = scan(content, jobs)
    if problems:
        raise ContentProblems(problems)
    fresh = Freshness(
        config, template_dirs, settings_fingerprint(config, template_dirs, search,
                                                    build_future),
        signatures, cache_dir(cache_root or config_path.resolve().parent, out))
    # No output, or a change an interrupted build left half done: build everything.
    fresh.full = clean or not (out / "index.html").is_file() or commit_dir(out).exists()
    if not fresh.full:
        fresh.cached = load_signatures(fresh.store)
    # Another generator, config, template or option: nothing in the cache applies.
    fresh.full = fresh.full or fresh.cached is None or fresh.cached[0] != fresh.settings
    # Articles dated after the last build's day were held back; the day they fall
    # due, the build has something to do even though no file changed.
    due = RELEASES.get(fresh.store)
    fresh.up_to_date = (fresh.cached == (fresh.settings, signatures)
                        and (due is None or dt.date.today() < due))
    return fresh


def settings_fingerprint(config: dict[str, Any], template_dirs: list[Path],
                         search: bool, build_future: bool = False) -> str:
    """Everything besides content that output depends on: the generator's own code (so a
    new version invalidates the cache), the versions of the packages that render and
    index, the config, every template and asset, options."""
    digest = hashlib.sha256()
    digest.update(repr((generator.__version__, sys.version_info[:2], search, build_future,
                        dependency_versions(),
                        sorted(config.items(), key=lambda kv: kv[0]))).encode())
    if config.get("entity_dictionary"):  # its words change the entity pages
        digest.update(b"entity_dictionary\0" + Path(config["entity_dictionary"]).read_bytes())
    for root in [GENERATOR, *template_dirs]:
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(os.fsencode(path.relative_to(root)) + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()


RENDERING_PACKAGES = ("markdown", "jinja2", "markupsafe", "pyyaml", "pagefind", "pagefind-bin",
                      "cbor2", "pypinyin")


def dependency_versions() -> tuple[tuple[str, str], ...]:
    """Versions of the packages whose output ends up in public/: an upgrade rebuilds.
    Read off the names of their `.dist-info` folders (one listing per path entry):
    importlib.metadata takes longer than the rest of a build with nothing to do."""
    wanted = {_normalise(name) for name in RENDERING_PACKAGES}
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info"):
                package, _, version = name[: -len(".dist-info")].partition("-")
                key = _normalise(package)
                if key in wanted and key not in found:
                    found[key] = version
    return tuple(sorted(found.items()))


def _normalise(name: str) -> str:
    return name.lower().replace("-", "_").replace(".", "_")


def cache_dir(project: Path, out: Path) -> Path:
    """One cache per output folder: public/ and the serve preview do not share one."""
    key = hashlib.sha256(os.fsencode(out.resolve())).hexdigest()[:16]
    return project / ".archive" / "cache" / key


def commit_dir(out: Path) -> Path:
    """Where a build's staged change waits while it is moved into out (state.commit)."""
    out = out.resolve()
    return out.parent / f".{out.name}.commit"


# The day held-back articles fall due, per cache, as load_signatures last read it.
RELEASES: dict[Path, dt.date | None] = {}


def load_signatures(folder: Path) -> tuple[str, dict[str, Signature]] | None:
    """The last build's settings and signatures; None when missing or unreadable (a
    damaged cache is never an error: the build then renders everything)."""
    if not (folder / "signatures.pickle").is_file():  # absent, or not a file (a FIFO)
        return None
    try:
        with open(folder / "signatures.pickle", "rb") as f:
            fmt, settings, signatures, release = pickle.load(f)
    except Exception:  # any damage at all: truncated, garbage, another format
        return None
    if fmt != CACHE_FORMAT:
        return None
    RELEASES[folder] = release
    return settings, signatures
