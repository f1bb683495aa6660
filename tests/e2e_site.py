"""Building and serving sites for the end-to-end tests (fixtures: conftest.py)."""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
import textwrap
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

from generator.cli import main

REPO = Path(__file__).resolve().parent.parent
SAMPLE_CONTENT = REPO / "content"
SITE_CONFIG = REPO / "site.yaml"


@dataclass(frozen=True)
class BuiltSite:
    docroot: Path  # the folder the server serves: URL path "/" is this folder
    root: Path  # the build's output folder (docroot itself, or docroot/<prefix>)
    url: str  # the --base-url it was built with, without a trailing slash
    prefix: str  # the URL path the site lives under: "" or e.g. "/archive"
    content: Path  # the content tree it was built from

    def page_url(self, path: str) -> str:
        """'/xuchang/ribao/' → the full URL of that site path (prefix included)."""
        return self.url + path


class StaticHandler(SimpleHTTPRequestHandler):
    """A static file server like the host's: 404.html for missing paths, no logging."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def tree(root: Path) -> dict[str, bytes | None]:
    """Every file's bytes, and every folder (None): empty folders count too."""
    return {str(p.relative_to(root)): p.read_bytes() if p.is_file() else None
            for p in sorted(root.rglob("*"))}


def differences(a: Path, b: Path) -> list[str]:
    """The paths that are not the same in two trees (missing on one side, or other bytes)."""
    ta, tb = tree(a), tree(b)
    return sorted(name for name in ta.keys() | tb.keys() if ta.get(name) != tb.get(name))


ONE_ISSUE = "xuchang/ribao/2023/03/23"


def one_issue_project(folder: Path, site_yaml: str = "title: 测试档案\n") -> Path:
    """folder/project: one issue of the sample archive under content/, and a site.yaml."""
    root = folder / "project"
    shutil.copytree(SAMPLE_CONTENT / ONE_ISSUE, root / "content" / ONE_ISSUE)
    (root / "site.yaml").write_text(site_yaml, encoding="utf-8")
    return root


def project_copy(content: Path) -> tuple[Path, Path]:
    """A copy of a content tree and the repository's site.yaml in a temporary project:
    a build writes its cache and lock files beside them, never into the repository."""
    project = Path(tempfile.mkdtemp(prefix="archive-project-"))
    atexit.register(shutil.rmtree, project, True)
    shutil.copytree(content, project / "content")
    shutil.copy(SITE_CONFIG, project / "site.yaml")
    return project / "content", project / "site.yaml"


def build(content: Path, out: Path, base_url: str) -> None:
    """`archive build --content CONTENT --out OUT --base-url URL`, in this process, from
    a copy of the content (see project_copy)."""
    copy, config = project_copy(content)
    code = main(["build", "--content", str(copy), "--out", str(out),
                 "--base-url", base_url, "--config", str(config), "--quiet"])
    assert code == 0, f"archive build of {content} failed with exit code {code}"


# -- hostile content -------------------------------------------------------------

HOSTILE_TITLE = "标题</script><script>alert(1)</script>"
HOSTILE_BYLINE = "本报讯（记者 <img src=x onerror=alert(1)>）"
HOSTILE_BODY = textwrap.dedent("""\
    第一段正文。<script>alert(1)</script>

    第二段正文：<img src=x onerror=alert(1)>

    第三段正文：[x](javascript:alert(1)) 和 [y](JaVaScRiPt:alert(1)) 两个链接。

    第四段正文：<a href="javascript:alert(1)" onclick="alert(1)">z</a> 结束。
""")


def article_file(title: str, byline: str, seq: int, body: str) -> str:
    return textwrap.dedent(f"""\
        ---
        title: {json.dumps(title, ensure_ascii=False)}
        kicker: null
        subtitle: null
        byline: {json.dumps(byline, ensure_ascii=False)}
        kind: news
        city: 测试
        paper: 测试日报
        date: 2024-01-02
        page: 1
        seq: {seq}
        section: null
        continued_from: null
        continues_on: null
        source: null
        inferred: []
        ---

        """) + body


