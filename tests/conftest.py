"""Fixtures for the end-to-end tests: built sites served over HTTP on 127.0.0.1.

`sample_site` is the repository's sample archive (content/) built once per test
session into a temporary folder (never public/), with `--base-url` pointing at
the local server that serves it. `prefixed_site` is the same archive published
under a path prefix (/archive/), as on a project page of a static host.
`hostile_site` is a small content tree whose article carries script, event
handler and javascript: URL payloads, for the escaping tests.
"""

from __future__ import annotations

import contextlib
import functools
import json
import textwrap
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

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
        """'/xuchang/' → the full URL of that site path (prefix included)."""
        return self.url + path


class _Handler(SimpleHTTPRequestHandler):
    """A static file server like the host's: 404.html for missing paths, no logging."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
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


def build(content: Path, out: Path, base_url: str) -> None:
    """`archive build --content CONTENT --out OUT --base-url URL`, in this process."""
    code = main(["build", "--content", str(content), "--out", str(out),
                 "--base-url", base_url, "--config", str(SITE_CONFIG), "--quiet"])
    assert code == 0, f"archive build of {content} failed with exit code {code}"


@pytest.fixture(scope="session")
def serve_build(tmp_path_factory) -> Iterator[Callable[..., BuiltSite]]:
    """A factory: build a content tree and serve it on a free port of 127.0.0.1."""
    with contextlib.ExitStack() as stack:

        def make(content: Path, prefix: str = "") -> BuiltSite:
            docroot = tmp_path_factory.mktemp("site")
            root = docroot / prefix.strip("/") if prefix else docroot
            handler = functools.partial(_Handler, directory=str(docroot))
            # Bind first: the port is part of the base URL the site is built with.
            server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
            server.daemon_threads = True
            stack.callback(server.server_close)
            port = server.server_address[1]
            url = f"http://127.0.0.1:{port}{prefix.rstrip('/')}"
            build(content, root, url)
            thread = threading.Thread(target=server.serve_forever, name=f"http-{port}",
                                      daemon=True)
            thread.start()
            stack.callback(thread.join, 5)
            stack.callback(server.shutdown)
            return BuiltSite(docroot=docroot, root=root, url=url, prefix=prefix.rstrip("/"),
                             content=content)

        yield make


@pytest.fixture(scope="session")
def sample_site(serve_build) -> BuiltSite:
    """The sample archive (content/), built and served at http://127.0.0.1:PORT/."""
    return serve_build(SAMPLE_CONTENT)


@pytest.fixture(scope="session")
def prefixed_site(serve_build) -> BuiltSite:
    """The sample archive published under http://127.0.0.1:PORT/archive/."""
    return serve_build(SAMPLE_CONTENT, prefix="/archive")


# -- hostile content -------------------------------------------------------------

HOSTILE_TITLE = "标题</script><script>alert(1)</script>"
HOSTILE_BYLINE = "本报讯（记者 <img src=x onerror=alert(1)>）"
HOSTILE_BODY = textwrap.dedent("""\
    第一段正文。<script>alert(1)</script>

    第二段正文：<img src=x onerror=alert(1)>

    第三段正文：[x](javascript:alert(1)) 和 [y](JaVaScRiPt:alert(1)) 两个链接。

    第四段正文：<a href="javascript:alert(1)" onclick="alert(1)">z</a> 结束。
""")


def _article_file(title: str, byline: str, seq: int, body: str) -> str:
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


@pytest.fixture(scope="session")
def hostile_content(tmp_path_factory) -> Path:
    """content/ceshi/2024/01/02/: 01-01 (plain), 01-02 (payloads), 01-03 (plain)."""
    root = tmp_path_factory.mktemp("hostile-content")
    issue = root / "ceshi" / "2024" / "01" / "02"
    issue.mkdir(parents=True)
    files = {
        "01-01.md": _article_file("平常的第一篇", "本报讯（记者 李四）", 1, "平常的正文。\n"),
        "01-02.md": _article_file(HOSTILE_TITLE, HOSTILE_BYLINE, 2, HOSTILE_BODY),
        "01-03.md": _article_file("平常的第三篇", "本报讯（记者 王五）", 3, "又一段正文。\n"),
    }
    for name, text in files.items():
        (issue / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def hostile_site(serve_build, hostile_content) -> BuiltSite:
    return serve_build(hostile_content)
