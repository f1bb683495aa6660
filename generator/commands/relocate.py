"""`archive move` and `archive migrate`: put articles in a new place without breaking links.

An article's URL is its place in content/. When an editor corrects its date, page or
position, or when the archive moves to a new layout, the file moves and its earlier
URL is added to `aliases:` in its front matter; the build then writes a redirect page
there (and a line of Netlify's `_redirects`). The front matter is edited line by line,
not re-dumped, so an editor's formatting and comments stay as they were.

A moved file is the editor's (its checksum covers its place), so a later ingest never
replaces or removes it. Only `archive migrate`, which changes the layout and not the
articles, renews the checksums of the files the ingest wrote, so they stay its own.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from generator.content import frontmatter
from generator.content.reader import first_field
from generator.content.schema import parse_page
from generator.content.slug import (
    ARTICLE_NAME_RE,
    SOURCE_NAME_RE,
    issue_folder_problem,
    paper_path,
)
from generator.content.store import (
    MANIFEST,
    aliases_of,
    checksum_of,
    editor_reason,
    load_manifest,
    save_manifest,
    text_checksum,
    write_new,
)
from generator.errors import ArchiveError
from generator.site import urls

OLD_ISSUE_RE = re.compile(r"^(?P<city>[a-z0-9][a-z0-9-]*)/(?P<y>\d{4})/(?P<m>\d{2})/(?P<d>\d{2})$")


def reseal(old_text: str, new_text: str, new_rel: str) -> str:
    """Renew the checksum of a file of the old layout that was the ingest's own (its
    checksum did not cover its place then), so it stays the ingest's."""
    if editor_reason(old_text, None) is not None:
        return new_text
    return frontmatter.set_field(new_text, "checksum", checksum_of(new_text, new_rel),
                                 new_rel)


# -- one article ---------------------------------------------------------------------------

@dataclass
class Move:
    src: Path
    dst: Path
    text: str  # the new file's text


def plan_move(content: Path, src: Path, dst: Path, changes: dict[str, Any],
              source_rel: str | None = None, migrating: bool = False) -> Move:
    """The text an article file gets at dst: fields changed, its old URL as an alias."""
    shown = str(src)
    try:
        text = src.read_text(encoding="utf-8")
    except OSError as err:
        raise ArchiveError(f"{src}: cannot read ({err.strerror}); check the path") from None
    except UnicodeDecodeError:
        raise ArchiveError(f"{src}: not UTF-8 text; save it as UTF-8") from None
    doc = frontmatter.parse_document(text, shown)
    old_rel = src.relative_to(content).with_suffix("").as_posix()
    new_rel = dst.relative_to(content).as_posix()
    aliases = doc.front.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    new_url = urls.article(dst.relative_to(content).with_suffix("").as_posix())
    aliases = [a for a in dict.fromkeys([*aliases, urls.article(old_rel)]) if a != new_url]
    new_text = text
    for key, value in changes.items():
        if doc.front.get(key) != value:
            new_text = frontmatter.set_field(new_text, key, value, shown)
    if "seq" in doc.front and "seq" not in changes:
        m = ARTICLE_NAME_RE.match(dst.name)
        if m:
            new_text = frontmatter.set_field(new_text, "seq", int(m["seq"]), shown)
    if source_rel is not None and doc.front.get("source") not in (None, source_rel):
        new_text = frontmatter.set_field(new_text, "source", source_rel, shown)
    new_text = frontmatter.set_field(new_text, "aliases", aliases, shown)
    return Move(src, dst, reseal(text, new_text, new_rel) if migrating else new_text)


def apply(move: Move) -> None:
    """Write the new file (never over an existing one), then remove the old one."""
    write_new(move.dst, move.text)
    try:
        move.src.unlink()
    except OSError as err:
        raise ArchiveError(f"{move.src}: cannot remove after copying it to {move.dst} "
                           f"({err.strerror}); delete it by hand") from None


def move_article(content: Path, src: Path, dst: Path, city: str | None, paper: str | None,
                 out: TextIO | None = None) -> int:
    """`archive move SRC DST`: the article at SRC goes to DST, keeping its URL as an alias."""
    out = out or sys.stdout
    content = Path(content)
    src, dst = inside_content(content, src), inside_content(content, dst)
    if not src.is_file():
        raise ArchiveError(f"{src}: no such article file; check the path")
    if dst.exists():
        raise ArchiveError(f"{dst}: already exists; choose a free place (another NN) or move "
                           "that article first")
    m = ARTICLE_NAME_RE.match(dst.name)
    rel = dst.relative_to(content).parts
    if m is None or len(rel) != 6:
        raise ArchiveError(f"{dst}: not an article place; write it as content/<city>/<paper>/"
                           "<YYYY>/<MM>/<DD>/<PP>-<NN>.md")
    problem = issue_folder_problem("/".join(rel[:5]))
    if problem:
        raise ArchiveError(f"{dst.parent}/: {problem}; write the place as content/<city>/"
                           "<paper>/<YYYY>/<MM>/<DD>/<PP>-<NN>.md")
    date = f"{rel[2]}-{rel[3]}-{rel[4]}"
    if date > dt.date.today().isoformat():
        raise ArchiveError(f"{dst}: {date} is after today; an issue cannot come from the "
                           "future, check the date")
    changes: dict[str, Any] = {"date": date, "page": parse_page(m["page"]),
                               "seq": int(m["seq"])}
    if city:
        changes["city"] = city
    if paper:
        changes["paper"] = paper
    if rel[:2] != src.relative_to(content).parts[:2] and not (city or paper):
        raise ArchiveError(f"{dst}: another paper's folder than {src}; pass --paper NAME "
                           "(and --city NAME) to say which paper it was printed in")
    move = plan_move(content, src, dst, changes)
    check_names(content, move, rel[0], "/".join(rel[:2]))
    check_not_an_alias(content, dst, src)
    apply(move)
    out.write(f"moved {src} → {dst}; its earlier URL {urls.article(_rel(content, src))} "
              "now redirects to it\n")
    return 0


def check_not_an_alias(content: Path, dst: Path, src: Path) -> None:
    """DST's URL must not be an earlier URL of another article: that one's link would
    then lead to this one, and the build refuses a URL that is an alias and an article."""
    url = urls.article(_rel(content, dst))
    needle = url.encode("utf-8")
    for folder, _, files in os.walk(content):
        for name in files:
            path = Path(folder) / name
            if not name.endswith(".md") or path == src:
                continue
            try:
                data = path.read_bytes()
            except OSError:
                continue
            if needle in data and url in aliases_of(data.decode("utf-8", "replace")):
                raise ArchiveError(
                    f"{dst}: its URL {url} is an earlier URL of {path}, which redirects "
                    "there; choose another place (another NN)")


def check_names(content: Path, move: Move, city_folder: str, paper_folder: str) -> None:
    """The moved article's city and paper must be those of the folders it goes to (the
    build refuses a paper folder that holds two papers)."""
    front = frontmatter.parse_document(move.text, str(move.dst)).front
    for field, folder, flag in (("paper", paper_folder, "--paper"),
                                ("city", city_folder, "--city")):
        there = first_field(content / folder, field)
        if there is not None and front.get(field) != there:
            raise ArchiveError(f"{move.dst}: the folder {folder}/ holds {there}, not "
                               f"{front.get(field)}; pass {flag} {there} or choose the "
                               f"folder of {front.get(field)}")


def inside_content(content: Path, path: Path) -> Path:
    full = Path(os.path.abspath(path))
    root = Path(os.path.abspath(content))
    if not full.is_relative_to(root):
        raise ArchiveError(f"{path}: not inside the content folder {content}/; pass --content "
                           "DIR or a path under it")
    return content / full.relative_to(root)


def _rel(content: Path, path: Path) -> str:
    return path.relative_to(content).with_suffix("").as_posix()


# -- the whole archive: the layout before papers had folders ---------------------------------

def migrate(content: Path, city_slugs: dict[str, str], paper_slugs: dict[str, str],
            out: TextIO | None = None) -> int:
    """`archive migrate`: content/<city>/<YYYY>/<MM>/<DD>/ → content/<city>/<paper>/…/,
    every article keeping its old URL as an alias. Plans every move first, so a
    problem stops it before anything moved; a second run finds nothing to do."""
    out = out or sys.stdout
    content = Path(content)
    folders = sorted(p for p in content.glob("*/*/*/*")
                     if p.is_dir() and OLD_ISSUE_RE.match(p.relative_to(content).as_posix()))
    moves: list[Move] = []
    texts: list[tuple[Path, Path]] = []
    for folder in folders:
        moves_here, texts_here = _plan_folder(content, folder, city_slugs, paper_slugs)
        moves += moves_here
        texts += texts_here
    # A target that already holds exactly what it would get was written by a migrate
    # that was interrupted: this run completes it. Anything else there is a conflict.
    planned = [(m.dst, m.text.encode("utf-8", "surrogateescape")) for m in moves]
    planned += [(dst, src.read_bytes()) for src, dst in texts]
    taken = [dst for dst, data in planned if dst.exists() and _bytes(dst) != data]
    if taken:
        raise ArchiveError(f"{taken[0]}: already exists; the old and the new layout overlap. "
                           "Move it away and run `archive migrate` again")
    records = carry_records(content, moves, texts)
    for src, dst in texts:
        if not dst.exists():
            write_new(dst, src.read_bytes().decode("utf-8", errors="surrogateescape"))
    for move in moves:
        if move.dst.exists():  # done before an interruption
            move.src.unlink()
        else:
            apply(move)
    for folder, files in records.items():
        save_manifest(folder, {**load_manifest(folder), **files})
    for src, _ in texts:
        src.unlink()
    for folder in folders:
        (folder / MANIFEST).unlink(missing_ok=True)
    for folder in reversed(folders):
        for left in sorted(p for p in folder.iterdir() if not p.name.startswith(".")):
            out.write(f"left {left}: not an article or a page text; move it by hand\n")
        for empty in (folder, folder.parent, folder.parent.parent):
            try:
                empty.rmdir()
            except OSError:
                break
    out.write(f"moved {len(moves)} articles and {len(texts)} page texts into "
              "<city>/<paper>/<YYYY>/<MM>/<DD>/; their old URLs are now aliases\n")
    return 0


def _bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def carry_records(content: Path, moves: list[Move], texts: list[tuple[Path, Path]]
                  ) -> dict[Path, dict[str, list[str]]]:
    """The ingest's records (.ingest.json) for the new places: a file the ingest wrote
    and nobody changed stays the ingest's own after the move."""
    out: dict[Path, dict[str, list[str]]] = {}
    old = {f: load_manifest(f) for f in {m.src.parent for m in moves}
           | {src.parent for src, _ in texts}}
    for src, dst in texts:
        text = src.read_bytes().decode("utf-8", errors="surrogateescape")
        if text_checksum(text, src.relative_to(content).as_posix()) in old[src.parent].get(
                src.name, []):
            out.setdefault(dst.parent, {})[dst.name] = [
                text_checksum(text, dst.relative_to(content).as_posix())]
    for move in moves:
        if editor_reason(move.text, move.dst.relative_to(content).as_posix()) is None:
            out.setdefault(move.dst.parent, {})[move.dst.name] = [
                text_checksum(move.text, move.dst.relative_to(content).as_posix())]
    return out


def _plan_folder(content: Path, folder: Path, city_slugs: dict[str, str],
                 paper_slugs: dict[str, str]) -> tuple[list[Move], list[tuple[Path, Path]]]:
    rel = folder.relative_to(content).as_posix()
    parts = OLD_ISSUE_RE.match(rel)
    assert parts is not None
    moves: list[Move] = []
    papers_of_text: dict[str, str] = {}
    counts: dict[str, int] = {}
    names = sorted(os.listdir(folder))
    for name in names:
        path = folder / name
        if name.startswith(".") or not name.endswith(".md"):
            continue
        if not ARTICLE_NAME_RE.match(name):
            raise ArchiveError(f"{path}: not an article file name (PP-NN.md); rename it, then "
                               "run `archive migrate` again")
        doc = frontmatter.parse_document(path.read_text(encoding="utf-8"), str(path))
        city, paper = doc.front.get("city"), doc.front.get("paper")
        if not isinstance(city, str) or not isinstance(paper, str):
            raise ArchiveError(f"{path}: city or paper missing; write both, then run "
                               "`archive migrate` again")
        target = paper_path(city, paper, city_slugs, paper_slugs).split("/")[1]
        new_folder = content / parts["city"] / target / parts["y"] / parts["m"] / parts["d"]
        source = doc.front.get("source")
        new_source = None
        if isinstance(source, str) and source.startswith(rel + "/"):
            new_source = f"{new_folder.relative_to(content).as_posix()}/{source[len(rel) + 1:]}"
            papers_of_text[source[len(rel) + 1:]] = target
        counts[target] = counts.get(target, 0) + 1
        moves.append(plan_move(content, path, new_folder / name, {}, new_source,
                               migrating=True))
    texts = []
    usual = max(counts, key=lambda k: counts[k]) if counts else None
    for name in names:
        if SOURCE_NAME_RE.match(name) and (name in papers_of_text or usual):
            target = papers_of_text.get(name, usual)
            texts.append((folder / name, content / parts["city"] / str(target) / parts["y"]
                          / parts["m"] / parts["d"] / name))
    return moves, texts
