"""`archive serve` as an editor meets it: edit a file, and the open tab shows the change.

Each test copies the sample archive (content/ and site.yaml) into a temporary
project folder and runs `archive serve --port 0` there in a subprocess, as a user
would in a terminal; the server prints the URL it serves. The browser tests drive
Debian's Chromium like tests/test_browser.py (skipped only when
ARCHIVE_SKIP_BROWSER=1); the HTTP tests need no browser.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import test_browser
from e2e_site import SAMPLE_CONTENT, SITE_CONFIG
from test_browser import Tab

from generator.commands.serve import (
    BUSY_RETRY_S,
    MAX_STREAMS,
    LiveState,
    PreviewServer,
    content_type,
)

browser = test_browser.browser  # Chromium, as in tests/test_browser.py
desktop = test_browser.desktop
tab = test_browser.tab
browser_test = pytest.mark.skipif(os.environ.get("ARCHIVE_SKIP_BROWSER") == "1",
                                  reason="ARCHIVE_SKIP_BROWSER=1")

ARTICLE = Path("content/xuchang/ribao/2023/03/23/06-02.md")  # 助力企业转型升级 政商关系亲清有度
ARTICLE_URL = "/xuchang/ribao/2023/03/23/06-02/"
TITLE = "助力企业转型升级 政商关系亲清有度"
SCRIPT_TAG = b'<script src="/__archive/livereload.js"></script>'
START_TIMEOUT_S = 60
OVERLAY = "#archive-serve-error"


# -- a server in a terminal -------------------------------------------------------------

@dataclass
class Server:
    """`archive serve` running in `folder`, with its terminal output in two files."""

    process: subprocess.Popen[bytes]
    folder: Path
    url: str  # http://127.0.0.1:PORT, without a trailing slash

    def get(self, path: str, headers: dict[str, str] | None = None
            ) -> tuple[int, http.client.HTTPMessage, bytes]:
        """GET a raw path (sent as it is, so that `..` reaches the server)."""
        address = urlsplit(self.url)
        conn = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
        try:
            conn.request("GET", path, headers=headers or {})
            response = conn.getresponse()
            return response.status, response.headers, response.read()
        finally:
            conn.close()

    def terminal(self) -> str:
        return ((self.folder / "serve.out").read_text(encoding="utf-8")
                + (self.folder / "serve.err").read_text(encoding="utf-8"))

    def wait_for_terminal(self, pattern: str, timeout: float = 10) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if re.search(pattern, self.terminal()):
                return self.terminal()
            time.sleep(0.05)
        raise AssertionError(f"no {pattern!r} in the server's output:\n{self.terminal()}")

    def interrupt(self) -> int:
        """Press Ctrl-C; the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=10)


def start_serve(folder: Path, *flags: str) -> Server:
    """`archive serve --port 0 FLAGS` in folder, once it says where it serves."""
    out, err = (folder / "serve.out").open("wb"), (folder / "serve.err").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--port", "0", *flags],
        cwd=folder, stdout=out, stderr=err, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    out.close()
    err.close()
    server = Server(process, folder, url="")
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline and process.poll() is None:
        found = re.search(r"serving (http://\S+)/ ", server.terminal())
        if found:
            server.url = found.group(1)
            return server
        time.sleep(0.05)
    process.kill()
    raise AssertionError(f"archive serve did not start:\n{server.terminal()}")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder: a copy of the sample archive's content/ and site.yaml."""
    shutil.copytree(SAMPLE_CONTENT, tmp_path / "content")
    shutil.copy(SITE_CONFIG, tmp_path / "site.yaml")
    return tmp_path


@pytest.fixture
def server(project: Path) -> Iterator[Server]:
    running = start_serve(project, "--no-search")
    yield running
    running.interrupt()


@pytest.fixture(scope="module")
def search_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The sample archive served with its search index (slower to build)."""
    folder = tmp_path_factory.mktemp("search-project")
    shutil.copytree(SAMPLE_CONTENT, folder / "content")
    shutil.copy(SITE_CONFIG, folder / "site.yaml")
    running = start_serve(folder)
    yield running
    running.interrupt()


def edit(path: Path, old: str, new: str) -> str:
    """Replace text in a content file, as an editor saving it; returns the original."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} has no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text


# -- serving files ---------------------------------------------------------------------

def test_files_are_served_with_their_content_types(server: Server):
    expected = {
        "/": "text/html; charset=utf-8",
        ARTICLE_URL: "text/html; charset=utf-8",
        "/assets/style.css": "text/css; charset=utf-8",
        "/assets/search.js": "text/javascript; charset=utf-8",
        "/feed.xml": "application/xml; charset=utf-8",
        "/sitemap.xml": "application/xml; charset=utf-8",
        "/robots.txt": "text/plain; charset=utf-8",
        "/data/xuchang/ribao/2023-03-23.json": "application/json; charset=utf-8",
        "/xuchang/ribao/2023/03/23/06.txt": "text/plain; charset=utf-8",
        "/__archive/livereload.js": "text/javascript; charset=utf-8",
    }
    for path, kind in expected.items():
        status, headers, _ = server.get(path)
        assert (status, headers["Content-Type"]) == (200, kind), path


def test_search_files_have_the_types_pagefind_needs():
    assert content_type(Path("wasm.unknown.pagefind")) == "application/octet-stream"
    for name in ("pagefind.zh_1.pf_meta", "zh_2.pf_index", "zh_3.pf_fragment", "kind.pf_filter"):
        assert content_type(Path(name)) == "application/octet-stream"
    assert content_type(Path("pagefind.wasm")) == "application/wasm"
    assert content_type(Path("logo.svg")) == "image/svg+xml"


def test_the_search_index_is_served(search_server: Server):
    status, headers, body = search_server.get("/pagefind/segments.json")
    assert status == 200 and headers["Content-Type"] == "application/json; charset=utf-8"
    segment = json.loads(body)["segments"][0]["path"]
    bundle = search_server.folder / ".archive/serve/public/pagefind" / segment
    meta = next(bundle.glob("*.pf_meta")).name
    for name in (meta, next((bundle / "index").iterdir()).name):
        path = f"/pagefind/{segment}{'' if name == meta else 'index/'}{name}"
        status, headers, _ = search_server.get(path)
        assert (status, headers["Content-Type"]) == (200, "application/octet-stream"), name


def test_a_missing_page_is_the_sites_404_page_with_status_404(server: Server):
    status, headers, body = server.get("/no/such/page/")
    assert status == 404 and headers["Content-Type"] == "text/html; charset=utf-8"
    on_disk = (server.folder / ".archive/serve/public/404.html").read_bytes()
    assert body.replace(SCRIPT_TAG, b"") == on_disk


def test_folders_serve_their_index_and_are_never_listed(server: Server):
    status, headers, _ = server.get("/xuchang?from=test")
    assert status == 301 and headers["Location"] == "/xuchang/?from=test"
    status, _, body = server.get("/xuchang/")
    assert status == 200 and "许昌日报".encode() in body
    status, _, body = server.get("/assets/")  # a folder without index.html: no listing
    not_found = (server.folder / ".archive/serve/public/404.html").read_bytes()
    assert status == 404 and body.replace(SCRIPT_TAG, b"") == not_found


def test_paths_outside_the_site_are_refused(server: Server):
    secret = server.folder / ".archive" / "serve" / "secret.txt"
    secret.write_text("top secret", encoding="utf-8")
    for path in ("/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt",
                 "/assets/../../secret.txt", "/../../../site.yaml", "//../secret.txt",
                 "/../../../../../../../../etc/passwd", "/%2e%2e%2f%2e%2e%2f%2e%2e%2fsite.yaml"):
        status, _, body = server.get(path)
        assert status == 404, path
        assert b"top secret" not in body and b"base_url" not in body and b"root:" not in body


def test_html_gets_the_reload_script_but_the_built_file_does_not(server: Server):
    status, _, body = server.get(ARTICLE_URL)
    assert status == 200
    assert body.count(SCRIPT_TAG) == 1 and SCRIPT_TAG + b"</body>" in body
    on_disk = server.folder / ".archive/serve/public" / ARTICLE_URL.strip("/") / "index.html"
    assert b"__archive" not in on_disk.read_bytes()
    assert body.replace(SCRIPT_TAG, b"") == on_disk.read_bytes()


def test_the_preview_is_built_beside_public_not_into_it(server: Server):
    assert (server.folder / ".archive/serve/public/index.html").is_file()
    assert not (server.folder / "public").exists()


# -- rebuilding ---------------------------------------------------------------------------

def read_event(stream: http.client.HTTPResponse) -> tuple[str, str]:
    """The next Server-Sent Event with data: (event name, data)."""
    name, data = "message", []
    while True:
        line = stream.readline().decode("utf-8").rstrip("\n")
        if line.startswith("event: "):
            name = line.removeprefix("event: ")
        elif line.startswith("data: "):
            data.append(line.removeprefix("data: "))
        elif not line and data:
            return name, "\n".join(data)


def open_events(server: Server) -> http.client.HTTPResponse:
    address = urlsplit(server.url)
    conn = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    conn.request("GET", "/__archive/events")
    response = conn.getresponse()
    assert response.headers["Content-Type"].startswith("text/event-stream")
    return response


def test_event_stream_announces_each_rebuild(server: Server, project: Path):
    stream = open_events(server)
    assert read_event(stream)[0] == "hello"  # the build this tab was served from
    original = edit(project / ARTICLE, "title: ", "title: [unclosed ")
    name, data = read_event(stream)
    assert name == "error"
    assert re.search(r"content/xuchang/ribao/2023/03/23/06-02\.md:\d+: not valid YAML", data)

    # A tab opened now hears about the failure at once.
    assert read_event(open_events(server)) == (name, data)

    (project / ARTICLE).write_text(original, encoding="utf-8")
    assert read_event(stream)[0] == "reload"


def test_a_broken_file_is_reported_and_the_last_good_site_stays(server: Server,
                                                                 project: Path):
    original = edit(project / ARTICLE, "title: ", "title: [unclosed ")
    terminal = server.wait_for_terminal(r"not valid YAML")
    assert re.search(r"^content/xuchang/ribao/2023/03/23/06-02\.md:\d+: not valid YAML", terminal,
                     re.MULTILINE)
    assert "Traceback" not in terminal

    status, _, body = server.get(ARTICLE_URL)  # still answering, with the last good build
    assert status == 200 and TITLE.encode() in body

    (project / ARTICLE).write_text(original.replace(TITLE, "修好了的标题"), encoding="utf-8")
    server.wait_for_terminal(r"rebuilt \d+ articles")
    assert "修好了的标题".encode() in server.get(ARTICLE_URL)[2]


def test_a_template_error_is_one_line_and_the_site_stays(project: Path):
    (project / "my-templates").mkdir()
    with (project / "site.yaml").open("a", encoding="utf-8") as f:
        f.write("templates: [my-templates]\n")
    server = start_serve(project, "--no-search")
    try:
        broken = project / "my-templates" / "article.html"
        broken.write_text("<p>{% if %}</p>\n", encoding="utf-8")
        terminal = server.wait_for_terminal(r"article\.html:1: template: ")
        assert re.search(r"^archive: error: my-templates/article\.html:1: template: .+$", terminal,
                         re.MULTILINE)
        assert "Traceback" not in terminal
        assert TITLE.encode() in server.get(ARTICLE_URL)[2]

        broken.unlink()  # back to the built-in template: the last good build is current
        server.wait_for_terminal(r"rebuilt(?: \d+ articles|: nothing changed)")
    finally:
        assert server.interrupt() == 0


# -- many connections at once --------------------------------------------------------------

@pytest.fixture
def preview(tmp_path: Path) -> Iterator[PreviewServer]:
    """The preview's HTTP server in this process (its threads can be counted), serving a
    one-page site."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><p>首页</p></body>", encoding="utf-8")
    live = LiveState()
    live.publish(None)
    server = PreviewServer(("127.0.0.1", 0), site, live, verbose=False)
    loop = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                            daemon=True)
    loop.start()
    yield server
    live.close()
    server.shutdown()
    server.server_close()
    loop.join(10)


def fetch(server: PreviewServer, path: str) -> tuple[int, str]:
    conn = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=5)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8")
    finally:
        conn.close()


def connect_events(server: PreviewServer) -> tuple[http.client.HTTPConnection,
                                                   http.client.HTTPResponse]:
    conn = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=5)
    conn.request("GET", "/__archive/events")
    return conn, conn.getresponse()


def test_idle_and_slow_connections_do_not_take_a_thread_each(preview: PreviewServer):
    threads = threading.active_count()  # the server's workers are running already
    connections = [socket.create_connection(("127.0.0.1", preview.server_address[1]),
                                            timeout=5) for _ in range(200)]
    try:
        for n, conn in enumerate(connections):
            if n % 2:  # slow: a request whose headers never end
                conn.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
        time.sleep(0.5)  # time to accept them all and read what they sent
        assert threading.active_count() <= threads
        # A page is served while they all wait…
        started = time.monotonic()
        status, body = fetch(preview, "/")
        assert status == 200 and "首页" in body
        assert time.monotonic() - started < 2
        assert threading.active_count() <= threads
    finally:
        for conn in connections:
            conn.close()
    # …and after they are gone.
    assert fetch(preview, "/")[0] == 200


def test_open_tabs_past_the_limit_are_told_to_come_back_later(preview: PreviewServer):
    threads = threading.active_count()
    tabs = [connect_events(preview) for _ in range(MAX_STREAMS)]
    try:
        for _, stream in tabs:
            assert read_event(stream)[0] == "hello"
        conn, extra = connect_events(preview)
        assert extra.status == 200
        assert read_event(extra) == ("busy", str(BUSY_RETRY_S))
        conn.close()
        assert threading.active_count() <= threads + MAX_STREAMS
        # The streams have threads of their own: pages are still served.
        status, body = fetch(preview, "/")
        assert status == 200 and "首页" in body
    finally:
        for conn, _ in tabs:
            conn.close()


# -- the terminal -------------------------------------------------------------------------

def test_ctrl_c_stops_the_server_cleanly(server: Server):
    assert server.interrupt() == 0
    assert "Traceback" not in server.terminal()
    with pytest.raises(OSError):
        server.get("/")


def test_a_port_in_use_is_one_line_naming_it(project: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "generator", "serve", "--port", str(port), "--no-search"],
            cwd=project, capture_output=True, text=True, timeout=30, check=False)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("archive: error: ") and str(port) in lines[0]
    assert "--port" in lines[0]
    assert not (project / ".archive").exists()  # refused before building anything


# -- in the browser -----------------------------------------------------------------------

def open_live(tab: Tab, server: Server, path: str) -> None:
    """Open a page and wait until it listens for rebuilds."""
    with tab.page.expect_response(lambda r: r.url.endswith("/__archive/events")):
        tab.goto(server.url + path)


@browser_test
def test_an_edited_article_shows_in_the_open_tab(tab: Tab, server: Server, project: Path):
    open_live(tab, server, ARTICLE_URL)
    article = tab.page.locator("main article")
    before = article.inner_text()

    body = (project / ARTICLE).read_text(encoding="utf-8").split("---\n", 2)[2]
    first = body.strip().split("\n\n")[0]
    edit(project / ARTICLE, first, "编辑刚刚改写了这篇文章的第一段。")

    # No reload from here: the tab reloads itself.
    tab.page.wait_for_function(
        "() => document.querySelector('main article').innerText.includes('编辑刚刚改写')",
        timeout=2000)
    assert first[:10] not in article.inner_text() and first[:10] in before
    assert tab.page.locator(OVERLAY).count() == 0
    assert not tab.errors and not tab.dialogs


@browser_test
def test_a_broken_file_shows_its_error_over_the_page_until_fixed(tab: Tab, desktop,
                                                                   server: Server,
                                                                   project: Path):
    open_live(tab, server, ARTICLE_URL)
    original = edit(project / ARTICLE, "title: ", "title: [unclosed ")

    overlay = tab.page.locator(OVERLAY)
    overlay.wait_for(state="visible", timeout=3000)
    assert re.search(r"06-02\.md:\d+: not valid YAML", overlay.inner_text())
    assert tab.page.locator("h1").inner_text().strip() == TITLE  # the last good page

    # The server still answers, and a page opened now shows the error at once.
    status, _, _ = server.get("/")
    assert status == 200
    second = desktop.new_page()
    try:
        second.goto(server.url + "/")
        second.locator(OVERLAY).wait_for(state="visible", timeout=3000)
        assert "not valid YAML" in second.locator(OVERLAY).inner_text()
    finally:
        second.close()

    (project / ARTICLE).write_text(original.replace(TITLE, "修好了的标题"), encoding="utf-8")
    tab.page.locator("h1", has_text="修好了的标题").wait_for(timeout=3000)
    assert overlay.count() == 0
    assert not tab.errors and not tab.dialogs


@browser_test
def test_an_error_message_is_shown_as_text_not_markup(tab: Tab, server: Server,
                                                       project: Path):
    open_live(tab, server, ARTICLE_URL)
    payload = "<img src=x onerror=alert(1)>"
    edit(project / ARTICLE, "kind: news", f"kind: {payload}")
    overlay = tab.page.locator(OVERLAY)
    overlay.wait_for(state="visible", timeout=3000)
    assert payload in overlay.inner_text()
    assert overlay.locator("img").count() == 0
    tab.page.wait_for_timeout(200)  # an <img onerror> would have fired by now
    assert not tab.dialogs


@browser_test
def test_search_works_in_the_preview(tab: Tab, search_server: Server):
    tab.goto(search_server.url + "/search/")
    tab.page.wait_for_function("typeof window.archiveSearch === 'function'")
    found = tab.page.evaluate("q => window.archiveSearch(q)", "政商关系亲清有度")
    assert ARTICLE_URL in [urlsplit(url).path for url in found]
    tab.goto(search_server.url + f"/search/?q={quote('政商关系')}")
    tab.page.get_by_role("link", name=TITLE).first.wait_for()
    assert not tab.errors


def test_the_loop_ends_cleanly_when_interrupted_between_unregistering_and_forgetting(
        tmp_path: Path) -> None:
    # Ctrl-C may land after a connection left the selector but before it left the list of
    # waiting ones: the loop's cleanup closes it all the same, with no KeyError.
    class Waiting:
        closed = False

        def close(self) -> None:
            self.closed = True

    live = LiveState()
    server = PreviewServer(("127.0.0.1", 0), tmp_path, live, verbose=False)
    stray = Waiting()
    server._waiting[stray] = None  # in the list, not in the selector
    server._stopping = True  # the loop stops at once, straight into its cleanup
    try:
        server.serve_forever(poll_interval=0.01)
    finally:
        live.close()
        server.server_close()
    assert stray.closed and not server._waiting
