"""`archive merge`, `archive split`, `archive headline`: fixing a segmentation in a minute.

The segmenter's usual mistakes are an article cut in two, two articles run together,
and a headline given to its neighbour. Each command fixes one of them in place, with
the guarantees of the rest of the archive:

- it holds the content lock (no ingest or build runs meanwhile), checks every file
  and argument before writing, and says in one line what is wrong and what to do;
- no link dies: a file that goes away leaves its URL (and its own aliases) as
  `aliases:` of the article that took its text, so the build writes a redirect;
- a re-ingest of the page keeps the result: edited files no longer match their
  checksum and a new file has none, so both are the editor's (see content/store.py);
  a removed file is recorded in the issue's `.ingest.json`, so the ingest does not
  write it again (`archive ingest --restore` does);
- the files it changes get `segmentation: null`: an editor has decided, so
  `archive check` no longer lists them.

Front matter is edited as text (frontmatter.set_field), so an editor's formatting
stays; every file is written atomically by the store's writer, new files never over
existing ones, and an article is written before the one it replaces is removed, so an
interruption loses no text.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from generator.commands.lock import content_lock
from generator.commands.relocate import inside_content
from generator.content import frontmatter, schema
from generator.content.slug import ARTICLE_NAME_RE
from generator.content.store import (
    aliases_of,
    load_manifest,
    remove_file,
    replace_file,
    save_manifest,
    text_checksum,
    write_new,
)
from generator.errors import ArchiveError, plural
from generator.site import urls

HEADING = ("kicker", "title", "subtitle")  # in the order they are printed
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u3000]*\n")
MAX_SEQ = 999  # file names stop at PP-999.md


@dataclass
class ArticleFile:
    """An article file as the commands read it: its place, its text, its parts."""

    path: Path  # under the content folder, as content / rel
    rel: str  # under content/, without `.md`: the URL path
    label: str  # the page, as the file name writes it ("06")
    text: str
    front: dict[str, Any]
    body: str

    @property
    def url(self) -> str:
        return urls.article(self.rel)

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip("\n") for p in _PARAGRAPH_BREAK.split(self.body) if p.strip()]


def open_article(content: Path, given: Path) -> ArticleFile:
    """Read and check an article file named on the command line; ArchiveError naming it
    when it is outside content/, missing, misnamed, unreadable or would not build."""
    path = inside_content(content, given)
    if not path.is_file():
        raise ArchiveError(f"{given}: no such article file; check the path "
                           "(content/<city>/<paper>/<YYYY>/<MM>/<DD>/<PP>-<NN>.md)")
    m = ARTICLE_NAME_RE.match(path.name)
    rel = path.relative_to(content)
    if m is None or len(rel.parts) != 6:
        raise ArchiveError(f"{given}: not an article file; name one PP-NN.md in an issue "
                           "folder <city>/<paper>/<YYYY>/<MM>/<DD>/")
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise ArchiveError(f"{given}: not UTF-8 text; save it as UTF-8") from None
    except OSError as err:
        raise ArchiveError(f"{given}: cannot read ({err.strerror}); check the file") from None
    doc = frontmatter.parse_document(text, str(given))
    problems = schema.validate(doc.front, str(given), doc.field_lines)
    if problems:
        raise ArchiveError(f"{problems[0]} (fix this first, then run the command again)")
    return ArticleFile(path, rel.with_suffix("").as_posix(), m["page"], text, doc.front,
                       doc.body)


def same_issue(a: ArticleFile, b: ArticleFile, what: str) -> None:
    if a.path == b.path:
        raise ArchiveError(f"{b.path}: named twice; {what} two different articles")
    if a.path.parent != b.path.parent:
        raise ArchiveError(f"{b.path}: not in the issue of {a.path}; {what} articles of one "
                           "issue (`archive move` one of them first)")


# -- editing text ----------------------------------------------------------------------------

def with_fields(text: str, path: Path, changes: dict[str, Any]) -> str:
    """The text with front matter fields set (as text, keeping the rest as it was)."""
    for key, value in changes.items():
        text = frontmatter.set_field(text, key, value, str(path))
    return text


def with_body(text: str, body: str) -> str:
    """The text with its body replaced, front matter untouched."""
    lines = text.split("\n")
    end = next(i for i in range(1, len(lines)) if lines[i].rstrip() == frontmatter.FENCE)
    body = body.strip("\n")
    return "\n".join(lines[:end + 1]) + "\n" + (f"\n{body}\n" if body else "")


def decided(front: dict[str, Any]) -> dict[str, Any]:
    """`segmentation: null` for a file that had the segmenter's judgement: the editor's now."""
    return {"segmentation": None} if front.get("segmentation") is not None else {}


def checked(text: str, path: Path) -> str:
    """text, after making sure the build will take it (never write a file it refuses)."""
    doc = frontmatter.parse_document(text, str(path))
    problems = schema.validate(doc.front, str(path), doc.field_lines)
    if problems:
        raise ArchiveError(f"{problems[0]} (nothing was changed)")
    return text


def replace(article: ArticleFile, text: str, command: str) -> None:
    """Write an edited article, unless someone saved it since it was read."""
    if not replace_file(article.path, text, expect=article.text):
        raise ArchiveError(f"{article.path}: changed while {command} ran; look at it and run "
                           "the command again")


def remove(article: ArticleFile, command: str) -> None:
    """Remove an article whose text went elsewhere, and record it in the issue's manifest
    so that a re-ingest does not write it again (the store's rule for deleted files)."""
    if not remove_file(article.path, expect=article.text):
        raise ArchiveError(f"{article.path}: changed while {command} ran; its text is also "
                           "in the other article now: compare them and delete one by hand")
    folder = article.path.parent
    manifest = load_manifest(folder)
    if article.path.name not in manifest:
        manifest[article.path.name] = [text_checksum(article.text, article.rel + ".md")]
        save_manifest(folder, manifest)


def merged_aliases(keeper: ArticleFile, *gone: ArticleFile) -> list[str]:
    """The keeper's aliases, plus the URL and aliases of each article merged into it."""
    urls_ = [*aliases_of(keeper.text)]
    for g in gone:
        urls_ += [g.url, *aliases_of(g.text)]
    return [u for u in dict.fromkeys(urls_) if u != keeper.url]


# -- merge ---------------------------------------------------------------------------------

def merge(content: Path, first: Path, second: Path, out: TextIO | None = None) -> int:
    """`archive merge A B`: B's text goes to the end of A, B goes, B's URL redirects to A.

    B's headline: when A has none, A takes it (with kicker and subtitle), since the
    segmenter's usual mistake is a headline read after the body it belongs to;
    otherwise it stays in the text, as the paragraph that opens B's part (a subhead),
    so no printed word is lost. B's byline likewise: A takes it when it has none."""
    out = out or sys.stdout
    content = Path(content)
    with content_lock(content, "archive merge"):
        a, b = open_article(content, first), open_article(content, second)
        same_issue(a, b, "merge")
        changes, lead = merge_fields(a, b)
        changes["aliases"] = merged_aliases(a, b)
        body = "\n\n".join([*a.paragraphs, *lead, *b.paragraphs])
        text = checked(with_body(with_fields(a.text, a.path, {**changes, **decided(a.front)}),
                                 body), a.path)
        replace(a, text, "archive merge")
        remove(b, "archive merge")
    out.write(f"merged {b.path} into {a.path}; {b.url} now redirects to {a.url}\n")
    return 0


def merge_fields(a: ArticleFile, b: ArticleFile) -> tuple[dict[str, Any], list[str]]:
    """A's field changes, and the paragraphs that open B's part of the text."""
    changes: dict[str, Any] = {}
    lead: list[str] = []
    heading = [b.front.get(k) for k in HEADING if b.front.get(k)]
    if a.front.get("title") is None and b.front.get("title"):
        changes.update({k: b.front[k] for k in HEADING if b.front.get(k)})
    elif heading:
        lead.append(" ".join(heading))
    byline = b.front.get("byline")
    if byline and not a.front.get("byline"):
        changes["byline"] = byline
    elif byline and byline != a.front.get("byline"):
        lead.append(byline)
    a_on, b_page = schema.parse_page(a.front.get("continues_on")), schema.parse_page(
        b.front.get("page"))
    # The text now ends with B's, and so does its jump note (下转), unless A's leads elsewhere.
    if (a_on is None or a_on == b_page) \
            and a.front.get("continues_on") != b.front.get("continues_on"):
        changes["continues_on"] = b.front.get("continues_on")
    return changes, lead


# -- split ---------------------------------------------------------------------------------

def split(content: Path, given: Path, at: int, title: str | None,
          out: TextIO | None = None) -> int:
    """`archive split A --at N [--title T]`: paragraphs N… become a new article on the
    same page, at the page's next free place. A keeps the paragraphs before N and its
    `continued_from`; the new article takes A's `continues_on` (a 下转 note ends the text)."""
    out = out or sys.stdout
    content = Path(content)
    if title is not None and not title.strip():
        raise ArchiveError("--title: empty; give the new article's headline or leave "
                           "--title out")
    with content_lock(content, "archive split"):
        a = open_article(content, given)
        paragraphs = a.paragraphs
        if len(paragraphs) < 2:
            raise ArchiveError(f"{given}: has {plural(len(paragraphs), 'paragraph')}; nothing "
                               "to split (paragraphs are separated by a blank line)")
        if not 2 <= at <= len(paragraphs):
            raise ArchiveError(f"--at {at}: {given} has {len(paragraphs)} paragraphs; give the "
                               f"number of the new article's first paragraph, 2 to "
                               f"{len(paragraphs)}")
        seq = next_free_seq(a.path.parent, a.label)
        new_path = a.path.with_name(f"{a.label}-{seq:02d}.md")
        new_text = checked(new_article(a, seq, title, "\n\n".join(paragraphs[at - 1:])),
                           new_path)
        changes = {**decided(a.front)}
        if a.front.get("continues_on") is not None:
            changes["continues_on"] = None
        text = checked(with_body(with_fields(a.text, a.path, changes),
                                 "\n\n".join(paragraphs[:at - 1])), a.path)
        write_new(new_path, new_text)
        try:
            replace(a, text, "archive split")
        except ArchiveError:
            new_path.unlink(missing_ok=True)  # A was saved meanwhile: leave it all as it was
            raise
    out.write(f"split {a.path}: paragraphs {at}–{len(paragraphs)} are now {new_path} "
              f"({urls.article(a.rel.rsplit('/', 1)[0] + '/' + new_path.stem)})\n")
    return 0


def new_article(a: ArticleFile, seq: int, title: str | None, body: str) -> str:
    """The new article's text: A's place and provenance, its own headline, no checksum
    (written by an editor's command, it is the editor's)."""
    keep = ("kind", "city", "paper", "page", "section", "source", "inferred")
    front: dict[str, Any] = {k: None for k in ("kicker", "subtitle", "byline",
                                               "continued_from")}
    front.update({k: a.front[k] for k in keep if k in a.front})
    front.update(title=title.strip() if title else None, seq=seq,
                 date=schema.parse_date(a.front["date"]),
                 continues_on=a.front.get("continues_on"))
    return frontmatter.render(schema.ordered(front), body)


def next_free_seq(folder: Path, label: str) -> int:
    """The page's next place that never held an article: after every file there, every
    file the ingest wrote there (.ingest.json) and every alias there, so a new article
    never takes a URL that once meant another one."""
    used = {int(m["seq"]) for name in [*os.listdir(folder), *load_manifest(folder)]
            if (m := ARTICLE_NAME_RE.match(name)) and m["page"] == label}
    rel = "/".join(folder.parts[-5:])
    pattern = re.compile(rf"^/{re.escape(rel)}/{re.escape(label)}-(\d+)/$")
    for name in os.listdir(folder):
        if ARTICLE_NAME_RE.match(name):
            text = (folder / name).read_bytes().decode("utf-8", errors="replace")
            used.update(int(m[1]) for alias in aliases_of(text) if (m := pattern.match(alias)))
    seq = max(used, default=0) + 1
    if seq > MAX_SEQ:
        raise ArchiveError(f"{folder}/: page {label} has no free place left (file names stop "
                           f"at {label}-{MAX_SEQ}.md); merge some of its articles first")
    return seq


# -- headline ------------------------------------------------------------------------------

def move_headline(content: Path, source: Path, target: Path, out: TextIO | None = None) -> int:
    """`archive headline FROM TO`: the headline, with its kicker and subtitle, moves to
    another article of the same page; FROM is left untitled (`title: null`). TO must be
    untitled: a headline is never overwritten."""
    out = out or sys.stdout
    content = Path(content)
    with content_lock(content, "archive headline"):
        src, dst = open_article(content, source), open_article(content, target)
        same_issue(src, dst, "move a headline between")
        if src.label != dst.label:
            raise ArchiveError(f"{target}: on page {dst.label}, not page {src.label} like "
                               f"{source}; a headline moves between articles of one page")
        if not src.front.get("title"):
            raise ArchiveError(f"{source}: has no headline to move (title is null); name the "
                               "article that has it first")
        if dst.front.get("title"):
            raise ArchiveError(f"{target}: has a headline already ({dst.front['title']}); "
                               f"move that one first (archive headline {target} OTHER.md) "
                               "or edit it by hand")
        moved = {k: src.front[k] for k in HEADING if src.front.get(k)}
        dst_text = checked(with_fields(dst.text, dst.path, {**moved, **decided(dst.front)}),
                           dst.path)
        cleared = {k: None for k in moved}
        src_text = checked(with_fields(src.text, src.path, {**cleared, **decided(src.front)}),
                           src.path)
        replace(dst, dst_text, "archive headline")
        replace(src, src_text, "archive headline")
    out.write(f"moved the headline {moved['title']} from {src.path} to {dst.path}\n")
    return 0
