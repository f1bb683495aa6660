#!/usr/bin/env python3
"""Lighthouse scores (accessibility, SEO, best practices) of each kind of page.

    python benchmarks/lighthouse.py --lighthouse PATH/TO/lighthouse [--site DIR]

Lighthouse is a Node.js program (`npm install lighthouse` in any folder gives
node_modules/.bin/lighthouse); it drives Debian's Chromium (/usr/bin/chromium). Without
--site, the sample archive is built into a temporary folder with its --base-url set to
the local server that serves it, so that canonical links point where the pages are.
For each kind of page (home, paper, issue, page view, article, untitled article,
search with results, data, about, on this day, entity pages) the three scores are
printed, with the audits that lost points. Figures, not a test: tests/test_accessibility.py
checks the same pages with axe-core, the engine of Lighthouse's accessibility audits.
"""

from __future__ import annotations

import argparse
import functools
import json
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CATEGORIES = ("accessibility", "seo", "best-practices")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(root: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(Quiet, directory=str(root)))
    server.handle_error = lambda request, address: None  # Chromium drops connections
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def build_sample(out: Path, url: str) -> None:
    """The sample archive, copied beside out (the build cache goes there, not into the
    repository), built for url."""
    project = out.parent / "project"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copy(REPO / "site.yaml", project / "site.yaml")
    subprocess.run([sys.executable, "-m", "generator", "build", "--out", str(out),
                    "--base-url", url, "--clean", "-q"], check=True, cwd=project)


def first(root: Path, pattern: str, marker: str | None = None, absent: bool = False) -> str | None:
    for path in sorted(root.glob(pattern)):
        text = path.read_text(encoding="utf-8") if marker else ""
        if marker is None or (marker in text) != absent:
            return "/" + path.relative_to(root).as_posix().removesuffix("index.html")
    return None


def pages(root: Path) -> dict[str, str]:
    article = "*/ribao/[0-9]*/[0-9]*/[0-9]*/[0-9]*-[0-9]*/index.html"  # not old URLs
    found = {
        "home": "/",
        "paper": first(root, "*/*/index.html", "calendar"),
        "issue": first(root, "*/ribao/[0-9]*/[0-9]*/[0-9]*/index.html"),
        "page view": first(root, "*/ribao/[0-9]*/[0-9]*/[0-9]*/[0-9][0-9]/index.html"),
        "article": first(root, article, 'class="untitled-tag"', absent=True),
        "untitled article": first(root, article, 'class="untitled-tag"'),
        "search": "/search/?q=%E8%AE%B8%E6%98%8C",
        "data": "/data/",
        "about": first(root, "about/index.html"),
        "on this day": first(root, "today/*/index.html"),
        "calendar": "/today/#calendar" if (root / "today").is_dir() else None,
        "people": first(root, "people/index.html"),
        "person": first(root, "people/*/index.html"),
        "places": first(root, "places/*/index.html"),
    }
    return {name: path for name, path in found.items() if path}


def audit(lighthouse: str, url: str) -> tuple[dict[str, int], list[str]]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run([lighthouse, url, f"--only-categories={','.join(CATEGORIES)}",
                        "--output=json", f"--output-path={report}", "--quiet",
                        f"--chrome-flags={CHROME_FLAGS}"],
                       check=True, env={"CHROME_PATH": "/usr/bin/chromium",
                                        "PATH": "/usr/bin:/bin:/usr/local/bin"})
        data = json.loads(report.read_text(encoding="utf-8"))
    scores = {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES}
    lost = sorted({ref["id"] for c in CATEGORIES for ref in data["categories"][c]["auditRefs"]
                   if ref["weight"] and (data["audits"][ref["id"]]["score"] or 0) < 1})
    return scores, lost


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lighthouse", required=True, help="the lighthouse program")
    parser.add_argument("--site", type=Path, help="a built output folder to serve")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.site:
            root = args.site.resolve()
            server, url = serve(root)
        else:
            root = Path(tmp) / "public"
            root.mkdir()
            server, url = serve(root)
            build_sample(root, url)
        print(f"{'page':18} {'a11y':>5} {'SEO':>5} {'best':>5}  audits that lost points")
        for name, path in pages(root).items():
            scores, lost = audit(args.lighthouse, url + path)
            print(f"{name:18} {scores['accessibility']:5} {scores['seo']:5} "
                  f"{scores['best-practices']:5}  {', '.join(lost) or '-'}", flush=True)
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
