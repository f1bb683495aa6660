"""Command line: `archive segment`, `archive ingest`, `archive build`, `archive serve`.

Every user error ends as one line on stderr naming the file and the fix, with
exit code 2; tracebacks are for bugs only.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from jinja2 import TemplateError

from generator import __version__
from generator.errors import ArchiveError, plural


class OneLineParser(argparse.ArgumentParser):
    """A bad flag is one line, like every other error: no usage block above it."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}; see `{self.prog} --help`\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="archive",
        description="Turn OCR dumps of newspaper pages into a searchable static archive.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    new = sub.add_parser("new", help="start a new archive in a folder: settings, content/, "
                                     "Netlify and GitHub Pages builds")
    new.add_argument("dir", type=Path, metavar="DIR",
                     help="the archive's folder (created if missing; must be empty)")
    new.add_argument("--title", help="the site's name, e.g. 许昌日报数字档案")
    new.add_argument("--base-url", help="the URL the site will be published at")
    new.add_argument("--force", action="store_true",
                     help="in a folder that is not empty, write only the missing files "
                          "(never changes an existing file)")
    new.set_defaults(run=run_new)

    seg = sub.add_parser("segment", help="print the articles found on one page")
    seg.add_argument("page", type=Path, help="a page dump (.txt)")
    seg.add_argument("--json", action="store_true", help="one JSON object per article and line")
    seg.set_defaults(run=run_segment)

    ing = sub.add_parser("ingest", help="segment pages and write them under content/")
    ing.add_argument("paths", nargs="+", type=Path, help="page files or folders of them")
    ing.add_argument("--content", type=Path, default=Path("content"), help="content root")
    ing.add_argument("--city", help="city name, e.g. 许昌")
    ing.add_argument("--paper", help="newspaper name, e.g. 许昌日报")
    ing.add_argument("--date", help="issue date, YYYY-MM-DD")
    ing.add_argument("--page", help="page number (only with a single page file)")
    ing.add_argument("--section", help="section name printed on the page")
    ing.add_argument("--config", type=Path, default=None,
                     help="site config with city slugs (default: site.yaml, optional)")
    ing.add_argument("--restore", action="store_true",
                     help="write again the files of these pages that an editor deleted")
    ing.set_defaults(run=run_ingest)

    bld = sub.add_parser("build", help="render content/ into the static site in public/")
    bld.add_argument("--content", type=Path, default=Path("content"), help="content root")
    bld.add_argument("--out", type=Path, default=Path("public"), help="output folder")
    bld.add_argument("--base-url", help="URL the site is published at (overrides site.yaml)")
    bld.add_argument("--config", type=Path, default=None, help="site config")
    bld.add_argument("--jobs", type=jobs_count, default=0,
                     help="worker processes (default: cores)")
    bld.add_argument("--no-search", dest="search", action="store_false",
                     help="skip the search index")
    bld.add_argument("--clean", action="store_true",
                     help="ignore the build cache and render everything")
    bld.add_argument("--build-future", action="store_true",
                     help="also publish articles dated after today (held back by default)")
    bld.add_argument("--allow-removed", action="store_true",
                     help="publish even though article URLs published before would go away")
    noise = bld.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    noise.add_argument("-v", "--verbose", action="store_true", help="print timings and warnings")
    bld.set_defaults(run=run_build)

    mov = sub.add_parser("move", help="move an article to another date, page or place, "
                                      "keeping its URL working")
    mov.add_argument("src", type=Path, help="the article file, content/…/PP-NN.md")
    mov.add_argument("dst", type=Path, help="its new place, content/<city>/<paper>/<YYYY>/"
                                            "<MM>/<DD>/<PP>-<NN>.md")
    mov.add_argument("--content", type=Path, default=Path("content"), help="content root")
    mov.add_argument("--city", help="the city, when the new place is another city's paper")
    mov.add_argument("--paper", help="the paper's name, when the new place is another paper")
    mov.set_defaults(run=run_move)

    mig = sub.add_parser("migrate", help="move content/<city>/<YYYY>/… into the layout with "
                                         "a folder per paper, old URLs kept as aliases")
    mig.add_argument("--content", type=Path, default=Path("content"), help="content root")
    mig.add_argument("--config", type=Path, default=None, help="site config")
    mig.set_defaults(run=run_migrate)

    chk = sub.add_parser("check", help="list what an editor should look at: doubtful "
                                       "articles, page noise, unmatched jumps, broken files")
    chk.add_argument("--content", type=Path, default=Path("content"), help="content root")
    chk.add_argument("--below", type=confidence, default=0.7,
                     help="list articles whose segmentation confidence is below this "
                          "(default: 0.7)")
    chk.add_argument("--json", action="store_true", help="one JSON object per finding and line")
    chk.add_argument("--strict", action="store_true",
                     help="exit with code 1 when anything is found (for CI)")
    chk.add_argument("--jobs", type=jobs_count, default=0,
                     help="worker processes (default: cores)")
    chk.set_defaults(run=run_check)

    mrg = sub.add_parser("merge", help="append article B to article A; B's URL redirects to A")
    mrg.add_argument("first", type=Path, metavar="A.md", help="the article that stays")
    mrg.add_argument("second", type=Path, metavar="B.md", help="the article appended and removed")
    mrg.add_argument("--content", type=Path, default=Path("content"), help="content root")
    mrg.set_defaults(run=run_merge)

    spl = sub.add_parser("split", help="move the paragraphs from N on into a new article on "
                                       "the same page")
    spl.add_argument("article", type=Path, metavar="A.md", help="the article to split")
    spl.add_argument("--at", type=int, required=True, metavar="N",
                     help="the paragraph (1-based) that starts the new article")
    spl.add_argument("--title", help="the new article's headline (default: none)")
    spl.add_argument("--content", type=Path, default=Path("content"), help="content root")
    spl.set_defaults(run=run_split)

    hed = sub.add_parser("headline", help="move a headline (with kicker and subtitle) to "
                                          "another article of the same page")
    hed.add_argument("source", type=Path, metavar="FROM.md", help="the article that has it")
    hed.add_argument("target", type=Path, metavar="TO.md", help="the article it belongs to")
    hed.add_argument("--content", type=Path, default=Path("content"), help="content root")
    hed.set_defaults(run=run_headline)

    srv = sub.add_parser("serve", help="preview the site locally, rebuilt on every save")
    srv.add_argument("--port", type=port_number, default=8000,
                     help="port to listen on (default: 8000; 0: any free port)")
    srv.add_argument("--host", default="127.0.0.1",
                     help="address to listen on (default: 127.0.0.1, this computer only)")
    srv.add_argument("--content", type=Path, default=Path("content"), help="content root")
    srv.add_argument("--config", type=Path, default=None, help="site config")
    srv.add_argument("--jobs", type=jobs_count, default=0,
                     help="worker processes (default: cores)")
    srv.add_argument("--no-search", dest="search", action="store_false",
                     help="skip the search index (faster rebuilds)")
    noise = srv.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    noise.add_argument("-v", "--verbose", action="store_true",
                       help="print timings and every request")
    srv.set_defaults(run=run_serve)
    return parser


def config_path(given: Path | None) -> Path:
    """site.yaml when --config is not given (it may be absent: defaults apply); a file
    named with --config must exist, or a typo would silently build with the defaults."""
    if given is None:
        return Path("site.yaml")
    if not given.exists():
        raise ArchiveError(f"--config {given}: no such file; check the name, or leave out "
                           "--config to use site.yaml (or the defaults)")
    return given


def port_number(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0 to 65535)")
    return int(text)


def confidence(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a confidence (a number from 0 to 1)")
    return value


MAX_JOBS = 64  # worker processes: more only fight over the cores and the memory


def jobs_count(text: str) -> int:
    """--jobs N: 0 (one per core) to MAX_JOBS."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= MAX_JOBS:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a number of worker processes (0 for one per core, up to "
            f"{MAX_JOBS})")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if hasattr(args, "config"):
            args.config = config_path(args.config)
        return args.run(args)
    except ArchiveError as err:
        *details, summary = str(err).splitlines() or [""]
        for line in details:  # a build lists every problem, one per line
            print(line, file=sys.stderr)
        print(f"archive: error: {summary}", file=sys.stderr)
        return err.exit_code
    except TemplateError as err:  # a broken template: one line naming it, no traceback
        from generator.commands.serve import explain

        print(f"archive: error: {explain(err)[1]}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("archive: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `archive segment … | head`: the reader has what it wanted
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (nothing more to flush)
        return 0
    except RecursionError:  # a bug, but never a 1000-line traceback
        print("archive: error: input nested too deeply to process; simplify it",
              file=sys.stderr)
        return 2
    except OSError as err:  # full disk, read-only folder, symlink loop, name too long …
        print(f"archive: error: {os_problem(err, written_to(args))}", file=sys.stderr)
        return 2
    except RuntimeError as err:  # pathlib's "Symlink loop from …"
        if "loop" not in str(err).lower():
            raise
        print(f"archive: error: {err}; a symbolic link points back into itself, remove it",
              file=sys.stderr)
        return 2



FIXES = {
    errno.ENOSPC: "free some space and run the command again",
    errno.EDQUOT: "free some space and run the command again",
    errno.EACCES: "fix the permissions and run the command again",
    errno.EPERM: "fix the permissions and run the command again",
    errno.EROFS: "the file system is read-only; choose a writable folder",
    errno.ELOOP: "a symbolic link points back into itself; remove it",
    errno.ENAMETOOLONG: "the name is too long for the file system; shorten it",
    errno.ENOENT: "it disappeared while the command ran; run the command again",
    errno.ENOTDIR: "a file stands where a folder is expected; move it away",
    errno.EISDIR: "a folder stands where a file is expected; move it away",
}


def written_to(args: argparse.Namespace) -> str | None:
    """The folder a command writes (a fault while writing a file names that, at least)."""
    for name in ("out", "content"):
        folder = getattr(args, name, None)
        if folder is not None:
            return f"a file in {folder}"
    return None


def os_problem(err: OSError, fallback: str | None = None) -> str:
    """One line for a file system fault: the path, what happened, what to do."""
    where = err.filename if err.filename is not None else (fallback or "a file")
    fix = FIXES.get(err.errno or 0, "check the file and run the command again")
    return f"{where}: {err.strerror or err}; {fix}"


def run_segment(args: argparse.Namespace) -> int:
    from generator.commands.pages import read_page
    from generator.ingest.segment import segment

    page = segment(read_page(args.page))
    out = sys.stdout
    if args.json:
        for article in page.articles:
            out.write(json.dumps(article.to_json(), ensure_ascii=False) + "\n")
        return 0
    out.write(summary(args.page.name, page))
    return 0


def summary(name: str, page) -> str:
    """A readable listing an archivist can check against the printed page."""
    lines = [f"{name}: {plural(len(page.articles), 'article')}"
             + (f", section {page.section}" if page.section else "")]
    for n, a in enumerate(page.articles, start=1):
        title = a.title or "(no headline on the page)"
        lines.append(f"\n{n:>2}. [{a.kind}] {title}   line {a.line}")
        for label, value in (("kicker", a.kicker), ("subtitle", a.subtitle), ("byline", a.byline),
                             ("continued from page", a.continued_from),
                             ("continues on page", a.continues_on)):
            if value is not None:
                lines.append(f"    {label}: {value}")
        body = a.body.replace("\n\n", " ¶ ")
        preview = body if len(body) <= 60 else f"{body[:40]} … {body[-16:]}"
        lines.append(f"    {plural(len(a.paragraphs), 'paragraph')}, {len(a.body)} characters: "
                     f"{preview}")
    if page.noise:
        lines.append("\nset aside as layout:")
        lines.extend(f"    line {n.line}: {n.text} ({n.reason})" for n in page.noise)
    if page.warnings:
        lines.append("\nwarnings:")
        lines.extend(f"    {w}" for w in page.warnings)
    return "\n".join(lines) + "\n"


def run_ingest(args: argparse.Namespace) -> int:
    from generator.commands.ingest import ingest
    from generator.config import load_config

    config = load_config(args.config)
    flags = {"city": args.city, "paper": args.paper, "date": args.date, "page": args.page,
             "section": args.section}
    return ingest(args.paths, args.content, flags, config["city_slugs"],
                  papers=config["paper_slugs"], restore=args.restore,
                  out=ClosedPipeTolerant(sys.stdout))


class ClosedPipeTolerant:
    """stdout for a command that must finish its work even when the reader went away
    (`archive ingest … | head`): writes to a closed pipe are dropped."""

    def __init__(self, stream):
        self.stream = stream
        self.closed = False

    def write(self, text: str) -> int:
        if not self.closed:
            try:
                self.stream.write(text)
                self.stream.flush()
            except BrokenPipeError:
                self.closed = True
        return len(text)


def run_build(args: argparse.Namespace) -> int:
    import os

    from generator.commands import freshness
    from generator.commands.lock import is_held

    # Is there anything to do? Asked before the rest of the build (templates, Markdown,
    # the model) is even imported: a build with nothing to do stays a scan.
    from generator.commands.output import check_output

    fresh = freshness.check(args.content, args.out, args.config, args.base_url, args.search,
                            args.clean, args.jobs or os.cpu_count() or 1,
                            build_future=args.build_future)
    # The scan only reads; the output is checked before anything is written.
    check_output(args.out, args.content, args.config, fresh.template_dirs)
    work = (args.config.resolve().parent / ".archive").resolve()
    if args.out.resolve().is_relative_to(work):
        raise ArchiveError(f"--out {args.out}: is inside {work}, the working folder of "
                           "`archive serve` and the build cache; pass e.g. --out public")
    if fresh.up_to_date and is_held(args.out):
        fresh.up_to_date = False  # a build is replacing it: wait for that build, then look
    if fresh.up_to_date and not args.quiet:
        for warning in fresh.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        print(f"{args.out} is up to date")
    if fresh.up_to_date:
        return 0
    from generator.commands.build import BuildOptions, build

    options = BuildOptions(content=args.content, out=args.out, config_path=args.config,
                           base_url=args.base_url, jobs=args.jobs, quiet=args.quiet,
                           search=args.search, clean=args.clean,
                           build_future=args.build_future, allow_removed=args.allow_removed)
    result = build(options, fresh=fresh)
    if not args.quiet:
        for warning in result.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        seconds = f"{result.timings['total']:.2f} s"
        if result.up_to_date:
            done = f"{args.out} is up to date ({seconds})"
        elif result.incremental:
            done = (f"updated {args.out}: {result.files} written, {result.deleted} deleted "
                    f"({result.articles} articles) in {seconds}")
        else:
            done = (f"built {result.articles} articles, {result.files} files into {args.out} "
                    f"in {seconds}")
        print(done + (f" ({len(result.warnings)} warnings)" if result.warnings else ""))
    if args.verbose:
        for phase, seconds in result.timings.items():
            print(f"  {phase}: {seconds:.2f} s")
    return 0


def run_move(args: argparse.Namespace) -> int:
    from generator.commands.lock import content_lock
    from generator.commands.relocate import move_article

    with content_lock(args.content, "archive move"):
        return move_article(args.content, args.src, args.dst, args.city, args.paper)


def run_migrate(args: argparse.Namespace) -> int:
    from generator.commands.lock import content_lock
    from generator.commands.relocate import migrate
    from generator.config import load_config

    config = load_config(args.config)
    if not args.content.is_dir():
        raise ArchiveError(f"{args.content}: no such content folder; pass --content DIR")
    with content_lock(args.content, "archive migrate"):
        return migrate(args.content, config["city_slugs"], config["paper_slugs"])


def run_serve(args: argparse.Namespace) -> int:
    from generator.commands.serve import ServeOptions, serve

    return serve(ServeOptions(content=args.content, config_path=args.config, host=args.host,
                              port=args.port, search=args.search, jobs=args.jobs,
                              quiet=args.quiet, verbose=args.verbose))


def run_check(args: argparse.Namespace) -> int:
    from generator.commands.check import Checker, write_json, write_text

    report = Checker(args.content, args.below, args.jobs or os.cpu_count() or 1).run()
    out = ClosedPipeTolerant(sys.stdout)
    if args.json:
        write_json(report, out)
        print(report.summary(), file=sys.stderr)
    else:
        write_text(report, out)
    return 1 if args.strict and report.findings else 0


def run_merge(args: argparse.Namespace) -> int:
    from generator.commands.edit import merge

    return merge(args.content, args.first, args.second)


def run_split(args: argparse.Namespace) -> int:
    from generator.commands.edit import split

    return split(args.content, args.article, args.at, args.title)


def run_headline(args: argparse.Namespace) -> int:
    from generator.commands.edit import move_headline

    return move_headline(args.content, args.source, args.target)


def run_new(args: argparse.Namespace) -> int:
    from generator.commands.new import new_archive

    return new_archive(args.dir, title=args.title, base_url=args.base_url, force=args.force,
                       out=sys.stdout)
