"""`archive new DIR`: start an archive of one's own, ready to ingest, build and publish.

The files come from generator/scaffold/, which ships inside the package, so an
installed `archive` (not only a checkout of this repository) can scaffold. Names that
would be hidden or active inside the package (a .gitignore, a .github workflow) are
stored there without their dot and get it when written.

Nothing is ever overwritten: a folder that already holds files is refused, and with
--force only the missing files are written (each is created exclusively). A failure
half way removes what this run created, so the command can simply be run again.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import json
import re
import shlex
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit, urlunsplit

from generator import __version__
from generator.config import DEFAULTS, validate
from generator.content.frontmatter import SITE_CONFIG, load_yaml
from generator.errors import ArchiveError

SCAFFOLD = Path(__file__).resolve().parent.parent / "scaffold"
DISTRIBUTION = "newspaper-archive"
PLUGIN = "netlify/plugins/archive-cache"

# (file in generator/scaffold/, or None for an empty file; its place in the new archive)
FILES: tuple[tuple[str | None, str], ...] = (
    ("site.yaml", "site.yaml"),
    ("names.txt", "names.txt"),
    ("README.md", "README.md"),
    ("requirements.txt", "requirements.txt"),
    ("gitignore", ".gitignore"),
    ("netlify.toml", "netlify.toml"),
    (f"{PLUGIN}/manifest.yml", f"{PLUGIN}/manifest.yml"),
    (f"{PLUGIN}/index.js", f"{PLUGIN}/index.js"),
    ("github/workflows/pages.yml", ".github/workflows/pages.yml"),
    (None, "content/.gitkeep"),  # git keeps no empty folder; the build skips hidden files
    ("pages/README.md", "pages/README.md"),
)
MARKER = re.compile(r"__[A-Z][A-Z_]*__")
# A folder holding only these still counts as empty: `git init` or a fresh clone first.
IGNORED_ENTRIES = frozenset({".git"})
EXAMPLE_URL = "https://archive.example.org"


@dataclass
class Written:
    """What a run created (to report it, or to take it back after a failure)."""

    files: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    created_dirs: list[Path] = field(default_factory=list)
    created_files: list[Path] = field(default_factory=list)


def new_archive(target: Path, title: str | None = None, base_url: str | None = None,
                force: bool = False, out: TextIO | None = None) -> int:
    """Scaffold an archive in target; 0, or ArchiveError before anything is written."""
    files, note = render(target, title, base_url, tool_requirement())
    existed = check_target(target, force)
    done = Written()
    try:
        if not existed:
            make_dirs(target, done)
        for rel, data in files.items():
            write_new(target, rel, data, done)
    except BaseException:
        undo(done)
        raise
    report(target, title, done, note, out)
    return 0


def render(target: Path, title: str | None, base_url: str | None,
           requirement: tuple[str, str | None]) -> tuple[dict[str, bytes], str | None]:
    """Every file's bytes, markers filled in, and a note for the user (or None).

    The site.yaml written is loaded with the real config checks first, so a scaffold
    that `archive build` would refuse is a bug found here, not by the user.
    """
    if not SCAFFOLD.is_dir():
        raise ArchiveError(f"{SCAFFOLD}: the scaffold files are missing from the installed "
                           "package; reinstall it (python3 -m pip install --force-reinstall)")
    shown_title = check_title(title)
    if base_url is not None:
        check_base_url(base_url)
    line, note = requirement
    values = {
        "__TITLE__": shown_title,
        "__VERSION__": __version__,
        "__REQUIREMENT__": line,
    }
    yaml_values = {
        **values,
        "__TITLE__": json.dumps(shown_title, ensure_ascii=False),  # a YAML quoted string
        "__BASE_URL__": (f"base_url: {json.dumps(base_url)}" if base_url
                         else f"# base_url: {EXAMPLE_URL}"),
    }
    files: dict[str, bytes] = {}
    for source, rel in FILES:
        if source is None:
            files[rel] = b""
            continue
        path = SCAFFOLD / source
        if source.startswith(f"{PLUGIN}/"):  # a copy of the plugin, byte for byte
            files[rel] = path.read_bytes()
            continue
        text = path.read_text(encoding="utf-8")
        for marker, value in (yaml_values if rel == "site.yaml" else values).items():
            text = text.replace(marker, value)
        left = MARKER.search(text)
        if left:
            raise AssertionError(f"{source}: marker {left.group()} not filled in")
        files[rel] = text.encode("utf-8")
    config = check_site_yaml(target / "site.yaml", files["site.yaml"].decode("utf-8"))
    if config["title"] != shown_title or (
            base_url and config["base_url"] != base_url.rstrip("/")):
        raise AssertionError(f"site.yaml: reads back as {config['title']!r}, "
                             f"{config['base_url']!r}")
    return files, note


def check_title(title: str | None) -> str:
    """The title to write; one printable line (it becomes a YAML string and a heading)."""
    if title is None:
        return DEFAULTS["title"]
    title = title.strip()
    if not title:
        raise ArchiveError("--title: is empty; give the archive's name, e.g. "
                           "--title 许昌日报数字档案")
    if any(unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") for ch in title):
        raise ArchiveError("--title: holds a line break or a control character; write the "
                           "title on one line")
    return title


def check_base_url(url: str) -> None:
    """The same rule site.yaml's base_url follows, said about the option."""
    try:
        validate({"base_url": url}, Path("site.yaml"), {})
    except ArchiveError:
        raise ArchiveError(f"--base-url {url}: not an http(s) URL; write it like "
                           f"{EXAMPLE_URL}/") from None


def check_site_yaml(path: Path, text: str) -> dict:
    data, key_lines = load_yaml(text, str(path), limits=SITE_CONFIG)
    lines = {keys[0]: line for keys, line in key_lines.items() if len(keys) == 1}
    return validate(data or {}, path, lines)


def tool_requirement() -> tuple[str, str | None]:
    """The requirements.txt line that installs the `archive` running now, and a note
    when it cannot be said (a local folder or a checkout): hosts must be told where."""
    try:
        dist = importlib.metadata.distribution(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return requirement_line("{}", __version__)
    return requirement_line(dist.read_text("direct_url.json"), dist.version)


def requirement_line(direct_url: str | None, version: str) -> tuple[str, str | None]:
    """From an install's direct_url.json (PEP 610; None: installed from a package index)."""
    if direct_url is None:
        return f"{DISTRIBUTION}=={version}", None
    placeholder = f"{DISTRIBUTION} @ git+https://github.com/OWNER/{DISTRIBUTION}@v{version}"
    note = ("requirements.txt: this `archive` was installed from a local folder; write the "
            "line that installs it on Netlify and GitHub (see README.md)")
    try:
        info = json.loads(direct_url)
        url = urlsplit(str(info.get("url", "")))
        port = url.port
    except (ValueError, AttributeError):
        return placeholder, note
    if url.scheme != "https" or not url.hostname:
        return placeholder, note
    # Never write a token or password from the install URL into a file that is committed.
    netloc = url.hostname + (f":{port}" if port else "")
    clean = urlunsplit((url.scheme, netloc, url.path, "", ""))
    vcs = info.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs") == "git" and vcs.get("commit_id"):
        return f"{DISTRIBUTION} @ git+{clean}@{vcs['commit_id']}", None
    if "archive_info" in info:
        return f"{DISTRIBUTION} @ {clean}", None
    return placeholder, note


def check_target(target: Path, force: bool) -> bool:
    """Whether target exists (as a folder); ArchiveError when it cannot take an archive."""
    if target.is_symlink() and not target.exists():
        raise ArchiveError(f"{target}: is a broken symbolic link; remove it or choose "
                           "another folder")
    if not target.exists():
        return False
    if not target.is_dir():
        raise ArchiveError(f"{target}: is a file, not a folder; choose a new or empty folder "
                           "for the archive")
    entries = sorted(e.name for e in target.iterdir() if e.name not in IGNORED_ENTRIES)
    if entries and not force:
        shown = ", ".join(entries[:3]) + (", …" if len(entries) > 3 else "")
        raise ArchiveError(f"{target}: is not empty (it holds {shown}); choose a new or empty "
                           "folder, or add --force to write only the missing files (no "
                           "existing file is changed)")
    return True


def make_dirs(folder: Path, done: Written) -> None:
    """mkdir -p, remembering each folder made (to remove it again after a failure)."""
    missing = []
    while not folder.exists() and not folder.is_symlink():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
        done.created_dirs.append(path)


def write_new(target: Path, rel: str, data: bytes, done: Written) -> None:
    """Create target/rel, or record why it was skipped; never replaces anything."""
    path = target / rel
    for parent in reversed(Path(rel).parents[:-1]):
        here = target / parent
        if (here.exists() or here.is_symlink()) and not here.is_dir():
            done.skipped.append((rel, f"{parent} is not a folder"))
            return
    if path.exists() or path.is_symlink():
        done.skipped.append((rel, "already there"))
        return
    make_dirs(path.parent, done)
    with path.open("xb") as handle:  # exclusive: a file appearing meanwhile is not replaced
        done.created_files.append(path)
        handle.write(data)
    done.files.append(rel)


def undo(done: Written) -> None:
    """Remove what this run created, newest first; what cannot be removed stays."""
    for path in reversed(done.created_files):
        with contextlib.suppress(OSError):
            path.unlink()
    for path in reversed(done.created_dirs):
        with contextlib.suppress(OSError):
            path.rmdir()


def report(target: Path, title: str | None, done: Written, note: str | None,
           out: TextIO | None) -> None:
    """What was written, what was kept, and the next commands to type."""
    if out is None:
        return
    lines = [f"new archive in {target}: {len(done.files)} files written"]
    lines.extend(f"  {rel}" for rel in done.files)
    if done.skipped:
        lines.append(f"kept, not written ({len(done.skipped)}):")
        lines.extend(f"  {rel} ({why})" for rel, why in done.skipped)
    if note:
        lines.append(f"note: {note}")
    lines.append("next:")
    if target.resolve() != Path.cwd().resolve():
        lines.append(f"  cd {shlex.quote(str(target))}")
    if title is None:
        lines.append("  edit site.yaml (title, description, base_url)")
    lines += [
        "  put a day's page texts in pages/2024-05-06/ with a pages.yaml (see pages/README.md)",
        "  archive ingest pages/2024-05-06 --city 许昌 --paper 许昌日报 --date 2024-05-06",
        "  archive build && archive serve",
    ]
    out.write("\n".join(lines) + "\n")
