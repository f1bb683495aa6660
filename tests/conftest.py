"""Fixtures for the end-to-end tests: built sites served over HTTP on 127.0.0.1.

`sample_site` is the repository's sample archive (content/) built once per test
session into a temporary folder (never public/), with `--base-url` pointing at
the local server that serves it. `prefixed_site` is the same archive published
under a path prefix (/archive/), as on a project page of a static host.
`hostile_site` is a small content tree whose article carries script, event
handler and javascript: URL payloads, for the escaping tests (测试日报 of the city
测试: content/ceshi/ribao/…).
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from e2e_site import (
    HOSTILE_BODY,
    HOSTILE_BYLINE,
    HOSTILE_TITLE,
    SAMPLE_CONTENT,
    BuiltSite,
    StaticHandler,
    article_file,
    build,
)


@pytest.fixture(scope="session")
def serve_build(tmp_path_factory) -> Iterator[Callable[..., BuiltSite]]:
    """A factory: build a content tree and serve it on a free port of 127.0.0.1."""
    with contextlib.ExitStack() as stack:

        def make(content: Path, prefix: str = "") -> BuiltSite:
            docroot = tmp_path_factory.mktemp("site")
            root = docroot / prefix.strip("/") if prefix else docroot
            handler = functools.partial(StaticHandler, directory=str(docroot))
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


@pytest.fixture(scope="session")
def hostile_content(tmp_path_factory) -> Path:
    """content/ceshi/ribao/2024/01/02/: 01-01 (plain), 01-02 (payloads), 01-03 (plain)."""
    root = tmp_path_factory.mktemp("hostile-content")
    issue = root / "ceshi" / "ribao" / "2024" / "01" / "02"
    issue.mkdir(parents=True)
    files = {
        "01-01.md": article_file("平常的第一篇", "本报讯（记者 李四）", 1, "平常的正文。\n"),
        "01-02.md": article_file(HOSTILE_TITLE, HOSTILE_BYLINE, 2, HOSTILE_BODY),
        "01-03.md": article_file("平常的第三篇", "本报讯（记者 王五）", 3, "又一段正文。\n"),
    }
    for name, text in files.items():
        (issue / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def hostile_site(serve_build, hostile_content) -> BuiltSite:
    return serve_build(hostile_content)
