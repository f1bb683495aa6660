"""`archive serve`: a local preview that rebuilds on every save and reloads open tabs.

The preview is made by the same `build()` as `archive build`, but into the hidden
working folder .archive/serve/public, so public/ (the deploy output) is never
touched. Open tabs learn about rebuilds over Server-Sent Events; the script that
listens is added to HTML responses as they are sent, so the files on disk stay
exactly what a build writes. A failed rebuild keeps the last good site online and
shows its error in the terminal and over every open page.
"""

from __future__ import annotations

import contextlib
import errno
import io
import mimetypes
import os
import queue
import secrets
import selectors
import shutil
import signal
import socket
import socketserver
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError
from watchfiles import DefaultFilter, watch

from generator.commands.build import BuildErrors, BuildOptions, BuildResult, build
from generator.commands.check import Checker, render_html
from generator.config import DEFAULT_TEMPLATES, load_config
from generator.errors import ArchiveError

WORK_DIR = Path(".archive")  # hidden working folder, relative to the current directory
OUT_DIR = WORK_DIR / "serve" / "public"
STEP_MS = 100  # a burst of changes (one save is several events) ends after this quiet time
MAX_BURST_MS = 1000  # …or after this long, when files keep changing
KEEPALIVE_S = 15  # a comment on idle event streams, so that closed tabs are noticed
SWAP_WAIT_S = 1.0  # how long a request waits for a build's folder swap to finish
WORKERS = 32  # threads answering requests: at most this many are answered at once
MAX_STREAMS = 32  # open event streams (one per open tab), each with a thread of its own
BUSY_RETRY_S = 10  # a tab past MAX_STREAMS asks again after this long
MAX_CONNECTIONS = 256  # open connections; past this, the one idle longest is closed
IDLE_S = 60  # a connection whose next request has not arrived after this long is closed
SEND_S = 30  # …and one that takes nothing of its response for this long
MAX_HEAD_BYTES = 64 * 1024  # a request line and headers longer than this are refused

SCRIPT_PATH = "/__archive/livereload.js"
EVENTS_PATH = "/__archive/events"
SCRIPT_TAG = f'<script src="{SCRIPT_PATH}"></script>'.encode()
CHECK_PATH = "/_check/"  # `archive check` as a page: the dev server's own, never built

PAGEFIND_SUFFIXES = (".pagefind", ".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter")
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".jsonl": "application/x-ndjson; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".svg": "image/svg+xml",
    ".jpg": "image/jpeg",  # scans of printed pages
    ".png": "image/png",
    ".webp": "image/webp",
    ".pdf": "application/pdf",
    ".wasm": "application/wasm",
    ".woff2": "font/woff2",
    ".ico": "image/x-icon",
    **{suffix: "application/octet-stream" for suffix in PAGEFIND_SUFFIXES},
}

NO_SITE_PAGE = b"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>archive serve</title></head>
<body><h1>No site built yet</h1>
<p>The build failed; fix the error shown in the terminal and save. This page reloads by
itself.</p></body></html>
"""

# Runs in every open tab. Failed builds show their error text with textContent, never
# as markup: the text comes from content files, which are untrusted.
LIVERELOAD_JS = """\
// archive serve: reload this tab after each rebuild; show a failed build's error.
(() => {
  "use strict";
  let source = null;
  let overlay = null;
  let seen = "";  // the id of the last build this tab heard of
  let retry = 0;

  function showError(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "archive-serve-error";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:2147483647;" +
        "max-height:60vh;overflow:auto;margin:0;padding:1em 1.25em;background:#fff4f4;" +
        "color:#7a0000;border-top:4px solid #c00;box-shadow:0 -2px 12px rgba(0,0,0,.3);" +
        "font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;text-align:left";
      const heading = document.createElement("strong");
      heading.textContent = "构建失败 · Build failed (this page is the last good build; " +
        "fix the file and save)";
      const message = document.createElement("pre");
      message.style.cssText = "margin:.5em 0 0;white-space:pre-wrap;" +
        "overflow-wrap:anywhere;font:inherit";
      overlay.append(heading, message);
      (document.body || document.documentElement).append(overlay);
    }
    overlay.lastChild.textContent = text;
  }

  function connect() {
    // After a restart of the server, a new stream says which build this tab has seen.
    const since = seen ? "?since=" + encodeURIComponent(seen) : "";
    source = new EventSource("/__archive/events" + since);
    source.addEventListener("hello", (event) => { seen = event.lastEventId; });
    source.addEventListener("reload", () => location.reload());
    // Too many tabs are open: this one is told when to ask again.
    source.addEventListener("busy", (event) => {
      source.close();
      clearTimeout(retry);
      retry = setTimeout(connect, (Number(event.data) || 10) * 1000);
    });
    source.addEventListener("error", (event) => {
      if (typeof event.data === "string") {  // a failed build, sent by the server
        seen = event.lastEventId;
        showError(event.data);
      } else {  // the server went away (restarting?): try again every second, quietly
        source.close();
        clearTimeout(retry);
        retry = setTimeout(connect, 1000);
      }
    });
  }

  addEventListener("pagehide", () => source.close());
  addEventListener("pageshow", (event) => { if (event.persisted) connect(); });
  connect();
})();
"""


@dataclass
class ServeOptions:
    content: Path
    config_path: Path
    host: str = "127.0.0.1"
    port: int = 8000  # 0: any free port
    search: bool = True
    jobs: int = 0
    quiet: bool = False
    verbose: bool = False


def serve(options: ServeOptions) -> int:
    """Build, serve and rebuild on changes until Ctrl-C; returns the exit code."""
    if not options.content.is_dir():
        raise ArchiveError(f"{options.content}: no such content folder; pass --content DIR or "
                           "run `archive ingest` first")
    out = OUT_DIR.absolute()
    live = LiveState()
    server = open_server(options.host, options.port, out, live, options.verbose)
    server.checker = Checker(options.content)  # one process: no workers forked from threads
    url = site_url(options.host, server.server_address[1])
    stop = threading.Event()
    restore = catch_sigint(stop)
    try:
        builder = Builder(options, out, url, live, stop)
        builder.start_watching()
        builder.build_once(first=True)
        builder.start()
        print(f"serving {url}/ (Ctrl-C to stop)", flush=True)
        server.serve_forever(poll_interval=0.25)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        live.close()
        server.server_close()
        restore()
    return 0


def site_url(host: str, port: int) -> str:
    """The base URL pages are built with; a wildcard address is reached as localhost."""
    if host in ("", "0.0.0.0", "::"):
        host = "localhost"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


# -- Ctrl-C --------------------------------------------------------------------------

_children_ignore_sigint = False


def _after_fork_in_child() -> None:
    if _children_ignore_sigint:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


os.register_at_fork(after_in_child=_after_fork_in_child)


def catch_sigint(stop: threading.Event) -> Callable[[], None]:
    """Make Ctrl-C stop the server at once and quietly.

    A build's worker processes share the terminal: they ignore Ctrl-C, so that only
    this process handles it (no traceback from each worker). Returns the undo.
    """
    global _children_ignore_sigint
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def interrupted(signum: int, frame: Any) -> None:
        stop.set()  # before anything else notices the build's subprocesses dying
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, interrupted)
    _children_ignore_sigint = True

    def restore() -> None:
        global _children_ignore_sigint
        _children_ignore_sigint = False
        signal.signal(signal.SIGINT, previous)

    return restore


# -- what open tabs are told -----------------------------------------------------------

Snapshot = tuple[str, str | None]  # (build id, error text or None)


class LiveState:
    """The outcome of the last build, which each tab's event stream waits on."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._session = secrets.token_hex(4)  # ids change when the server restarts
        self._count = 0
        self._error: str | None = None
        self.closed = False
        self.built = False  # a build succeeded at least once: the site folder exists

    def publish(self, error: str | None) -> None:
        with self._changed:
            self._count += 1
            self._error = error
            self.built = self.built or error is None
            self._changed.notify_all()

    def current(self) -> Snapshot:
        with self._changed:
            return self._ident(), self._error

    def wait(self, seen: str, timeout: float) -> Snapshot | None:
        """The next outcome after build `seen`, or None after `timeout` seconds."""
        with self._changed:
            self._changed.wait_for(lambda: self.closed or self._ident() != seen, timeout)
            if self.closed or self._ident() == seen:
                return None
            return self._ident(), self._error

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def _ident(self) -> str:
        return f"{self._session}-{self._count}"


def sse_event(snapshot: Snapshot) -> bytes:
    """`reload` after a good build, `error` with the message after a failed one."""
    ident, error = snapshot
    kind, lines = ("reload", ["reload"]) if error is None else ("error", error.splitlines())
    data = "".join(f"data: {line}\n" for line in lines or [""])
    return f"id: {ident}\nevent: {kind}\n{data}\n".encode()


def first_event(snapshot: Snapshot, since: str | None) -> bytes:
    """What a newly connected tab needs to hear.

    A new page hears which build is current (`hello`), or the error if the last build
    failed. A tab that reconnects, after the server restarted, says which build it saw
    last: if a build happened since, it catches up (reloads or shows the error).
    """
    ident, error = snapshot
    if since == ident:
        return b""
    if since is None and error is None:
        return f"id: {ident}\nevent: hello\ndata: {ident}\n\n".encode()
    return sse_event(snapshot)


# -- building --------------------------------------------------------------------------

class Builder:
    """Runs the builds, one at a time, and tells the watchers what to watch."""

    def __init__(self, options: ServeOptions, out: Path, url: str, live: LiveState,
                 stop: threading.Event):
        self.options = options
        self.build_options = BuildOptions(
            content=options.content, out=out, config_path=options.config_path, base_url=url,
            jobs=options.jobs, quiet=options.quiet, search=options.search,
            allow_removed=True)  # a preview follows the editor's moves without asking
        self.live = live
        self.stop = stop
        self._dirty = threading.Event()
        self._lock = threading.Lock()
        self._changed: set[str] = set()
        self._warnings: list[str] = []
        self._sources = Watcher(source_dirs(options) or [options.content], self.request, stop,
                                ignore=[WORK_DIR.absolute()])
        config = options.config_path.absolute()
        self._config = Watcher([config.parent], self.request, stop, recursive=False,
                               only_name=config.name)

    def start_watching(self) -> None:
        self._sources.start()
        self._config.start()

    def start(self) -> None:
        threading.Thread(target=self.run, name="archive-build", daemon=True).start()

    def request(self, paths: Iterable[str]) -> None:
        """Called by the watchers: rebuild soon (once, however many changes come in)."""
        with self._lock:
            self._changed.update(paths)
        self._dirty.set()

    def run(self) -> None:
        """Rebuild whenever something changed; changes during a build cause one more."""
        while not self.stop.is_set():
            if not self._dirty.wait(0.25):
                continue
            self._dirty.clear()
            with self._lock:
                changed, self._changed = self._changed, set()
            if not self.stop.is_set():
                self.say(f"changed: {describe_paths(changed)}")
                self.build_once()

    def build_once(self, first: bool = False) -> bool:
        self._sources.set_paths(source_dirs(self.options) or self._sources.paths)
        if first:
            self.say("building the preview…")
        try:
            result = build(self.build_options, log=self.say)
        except Exception as err:
            if not self.stop.is_set():  # a build cut short by Ctrl-C is no error
                self.fail(err)
            return False
        self.succeed(result, first)
        return True

    def succeed(self, result: BuildResult, first: bool) -> None:
        if result.warnings != self._warnings:
            for warning in result.warnings:
                self.say(f"warning: {warning}", stream=sys.stderr)
            self._warnings = result.warnings
        verb = "built" if first else "rebuilt"
        seconds = f"{result.timings.get('total', 0):.2f} s"
        if result.up_to_date:
            self.say(f"{verb}: nothing changed ({seconds})")
        else:
            self.say(f"{verb} {result.articles} articles, {result.files} files in {seconds}")
        if self.options.verbose:
            for phase, seconds in result.timings.items():
                self.say(f"  {phase}: {seconds:.2f} s")
        self.live.publish(None)

    def fail(self, err: Exception) -> None:
        details, summary = explain(err)
        if is_bug(err):
            traceback.print_exception(err, file=sys.stderr)
        for line in details:
            print(line, file=sys.stderr)
        print(f"archive: error: {summary}", file=sys.stderr)
        serving = "the last good build" if self.build_options.out.is_dir() else "no site yet"
        print(f"(still serving {serving}; fix it and save to rebuild)", file=sys.stderr,
              flush=True)
        self.live.publish("\n".join([*details, summary]))

    def say(self, line: str, stream: Any = None) -> None:
        if not self.options.quiet:
            print(line, file=stream or sys.stdout, flush=True)


def source_dirs(options: ServeOptions) -> list[Path] | None:
    """Content and template folders a build reads; None while site.yaml is broken."""
    try:
        config = load_config(options.config_path)
    except ArchiveError:
        return None
    dirs = [options.content, *map(Path, config["templates"]), DEFAULT_TEMPLATES]
    unique = {d.resolve(): None for d in dirs if d.is_dir()}
    return list(unique)


def describe_paths(paths: set[str]) -> str:
    """The changed files, for the terminal; an editor's temporary files are left out."""
    names = sorted(shown_path(p) for p in [p for p in paths if os.path.exists(p)] or paths)
    more = f" and {len(names) - 1} more" if len(names) > 1 else ""
    return (names[0] if names else "?") + more


def shown_path(path: str | os.PathLike[str]) -> str:
    """A path relative to the current folder when it is inside it, as builds print them."""
    p = Path(path)
    try:
        return str(p.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(p)


def explain(err: Exception) -> tuple[list[str], str]:
    """A failed build as (one line per problem, a summary line), worded like `archive build`."""
    if isinstance(err, BuildErrors):
        count = len(err.problems)
        return list(err.problems), f"{count} problem{'' if count == 1 else 's'} in content"
    if isinstance(err, ArchiveError):
        *details, summary = str(err).splitlines() or [""]
        return details, summary
    if isinstance(err, TemplateSyntaxError):
        where = shown_path(err.filename or err.name or "template")
        return [], f"{where}:{err.lineno}: template: {err.message}; fix the template syntax"
    if isinstance(err, TemplateNotFound):
        return [], (f"template {err.name}: not found in the template folders; add it or "
                    "check `templates` in site.yaml")
    if isinstance(err, TemplateError):
        return [], f"{template_line(err)}: template: {err.message or err}; fix the template"
    if isinstance(err, OSError):
        where = shown_path(err.filename) if err.filename else "build"
        return [], f"{where}: {err.strerror or err}"
    return [], f"build crashed ({type(err).__name__}: {err}); this is a bug, please report it"


def is_bug(err: Exception) -> bool:
    """Only errors nobody's input explains get a traceback."""
    return not isinstance(err, ArchiveError | TemplateError | OSError)


def template_line(err: Exception) -> str:
    """`path:line` of the template that raised a rendering error (Jinja puts it in the
    traceback), or 'template' when it is not known."""
    for frame in reversed(traceback.extract_tb(err.__traceback__)):
        if not frame.filename.endswith(".py") and Path(frame.filename).is_file():
            return f"{shown_path(frame.filename)}:{frame.lineno}"
    return "template"


# -- watching --------------------------------------------------------------------------

class Watcher:
    """A thread that reports changed paths under some folders; the folders can change."""

    def __init__(self, paths: list[Path], notify: Callable[[set[str]], None],
                 stop: threading.Event, *, recursive: bool = True,
                 ignore: list[Path] | None = None, only_name: str | None = None):
        self.paths = paths
        self._notify = notify
        self._stop = stop
        self._restart = False
        self._lock = threading.Lock()
        self._recursive = recursive
        self._only_name = only_name
        self._filter = DefaultFilter(ignore_paths=[str(p) for p in ignore or []])

    def start(self) -> None:
        threading.Thread(target=self.run, name="archive-watch", daemon=True).start()

    def set_paths(self, paths: list[Path]) -> None:
        with self._lock:
            if paths != self.paths:
                self.paths = paths
                self._restart = True

    def is_set(self) -> bool:
        """The stop signal watchfiles polls: stop, or start again on the new folders."""
        return self._stop.is_set() or self._restart

    def run(self) -> None:
        complaint = ""
        while not self._stop.is_set():
            with self._lock:
                paths, self._restart = [p for p in self.paths if p.exists()], False
            try:
                self._watch(paths)
            except Exception as err:  # e.g. a watched folder was deleted: try again soon
                message = f"warning: cannot watch {', '.join(map(str, paths))} ({err})"
                if message != complaint:
                    print(message, file=sys.stderr, flush=True)
                    complaint = message
                self._stop.wait(2)

    def _watch(self, paths: list[Path]) -> None:
        if not paths:
            raise FileNotFoundError("no such folder")
        for changes in watch(*paths, watch_filter=self._wanted, debounce=MAX_BURST_MS,
                             step=STEP_MS, stop_event=self, recursive=self._recursive,
                             raise_interrupt=False, ignore_permission_denied=True):
            self._notify({path for _, path in changes})

    def _wanted(self, change: Any, path: str) -> bool:
        if self._only_name is not None:
            return os.path.basename(path) == self._only_name
        return self._filter(change, path)


# -- HTTP ------------------------------------------------------------------------------

class PreviewServer(socketserver.TCPServer):
    """Serves the built site folder with a bounded number of threads.

    No connection has a thread of its own while it waits: one loop (serve_forever)
    accepts connections and collects the head of each request (request line and
    headers) as its bytes come in, however slowly, and hands complete requests to a
    fixed pool of WORKERS threads. An event stream (one per open tab, open as long as
    the tab) is given a thread of its own, at most MAX_STREAMS of them, so open tabs
    never hold the threads pages are served by; a tab past that is told to ask again
    later. Idle keep-alive connections and slow clients cost a socket, not a thread, and
    at most MAX_CONNECTIONS are kept open.
    """

    allow_reuse_address = True
    request_queue_size = 128  # the listen backlog
    checker: Checker | None = None  # answers CHECK_PATH; remembers unchanged issue folders

    def __init__(self, address: tuple[str, int], root: Path, live: LiveState, verbose: bool):
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.root = root
        self.live = live
        self.verbose = verbose
        self.streams = threading.BoundedSemaphore(MAX_STREAMS)
        self._lock = threading.Lock()  # guards _busy and _returned
        self._busy = 0  # open connections being answered or streaming
        self._returned: list[PreviewHandler] = []  # answered; to wait for their next request
        # The connections waiting for a request, the one waiting longest first (the loop's).
        self._waiting: dict[PreviewHandler, None] = {}
        self._ready: queue.SimpleQueue[tuple[PreviewHandler, bytes] | None] = queue.SimpleQueue()
        self._stopping = False
        self._stopped = threading.Event()
        self._stopped.set()
        self._wake_r, self._wake_w = socket.socketpair()  # interrupts the loop's wait
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._workers: list[threading.Thread] = []
        super().__init__(address, PreviewHandler)  # on failure, calls server_close()
        self.socket.setblocking(False)
        self._workers = [threading.Thread(target=self._work, name="archive-http", daemon=True)
                         for _ in range(WORKERS)]
        for worker in self._workers:
            worker.start()

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks the host name up in DNS, which can take seconds.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), self.server_address[1]

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return  # the browser closed the connection (a reload, a closed tab)
        super().handle_error(request, client_address)

    def site_root(self) -> Path | None:
        """The site folder, waiting out a build that is swapping it; None before any."""
        deadline = time.monotonic() + (SWAP_WAIT_S if self.live.built else 0)
        while not self.root.is_dir():
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.02)
        return self.root

    # The loop: accepting, receiving request heads, timing out idle connections.

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        """Serve until shutdown() (from another thread) or an exception, e.g. Ctrl-C."""
        self._stopped.clear()
        selector = selectors.DefaultSelector()
        selector.register(self.socket, selectors.EVENT_READ)
        selector.register(self._wake_r, selectors.EVENT_READ)
        try:
            while not self._stopping:
                for key, _ in selector.select(poll_interval):
                    if key.fileobj is self.socket:
                        self._accept(selector)
                    elif key.fileobj is self._wake_r:
                        self._drain_wake()
                    else:
                        self._receive(selector, key.data)
                self._take_back(selector)
                self._expire(selector)
        finally:
            # Closing the selector forgets every connection in it: a Ctrl-C that came
            # between a connection's unregistering and its leaving _waiting must not end
            # in a KeyError from unregistering it twice.
            for handler in list(self._waiting):
                handler.close()
            self._waiting.clear()
            selector.close()
            self._stopped.set()

    def shutdown(self) -> None:
        """Stop serve_forever, running in another thread, and wait until it has."""
        self._stopping = True
        self._wake()
        self._stopped.wait()

    def server_close(self) -> None:
        super().server_close()
        for _ in self._workers:
            self._ready.put(None)
        with self._lock:
            returned, self._returned = self._returned, []
        for handler in returned:
            handler.close()
        self._wake_r.close()
        self._wake_w.close()

    def _accept(self, selector: selectors.BaseSelector) -> None:
        try:
            sock, address = self.socket.accept()
        except BlockingIOError:
            return  # the client gave up already
        except OSError:  # e.g. out of file descriptors: try again in a moment
            time.sleep(0.05)
            return
        if len(self._waiting) + self._busy >= MAX_CONNECTIONS:
            if not self._waiting:  # every connection is being answered
                refuse(sock, HTTPStatus.SERVICE_UNAVAILABLE)
                return
            self._drop(selector, next(iter(self._waiting)))
        self._wait(selector, PreviewHandler(sock, address, self))

    def _wait(self, selector: selectors.BaseSelector, handler: PreviewHandler) -> None:
        """Have the connection wait for its next request, unless that is here already."""
        handler.connection.setblocking(False)
        if self._dispatch(handler):
            return
        handler.since = time.monotonic()
        selector.register(handler.connection, selectors.EVENT_READ, handler)
        self._waiting[handler] = None

    def _receive(self, selector: selectors.BaseSelector, handler: PreviewHandler) -> None:
        try:
            data = handler.connection.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:  # closed by the client
            self._drop(selector, handler)
            return
        handler.received += data
        if head_end(handler.received, len(data)) >= 0 or len(handler.received) > MAX_HEAD_BYTES:
            selector.unregister(handler.connection)
            del self._waiting[handler]
            self._dispatch(handler)

    def _dispatch(self, handler: PreviewHandler) -> bool:
        """Give the connection's request to a worker, once its head is complete; refuse a
        head that is too long. False: the request is not all here yet."""
        end = head_end(handler.received)
        if end < 0 and len(handler.received) <= MAX_HEAD_BYTES:
            return False
        with self._lock:
            self._busy += 1
        if end < 0:
            with contextlib.suppress(OSError):
                handler.connection.send(error_response(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE))
            self.finished(handler)
            return True
        head = bytes(handler.received[:end])
        del handler.received[:end]
        handler.connection.settimeout(SEND_S)
        self._ready.put((handler, head))
        return True

    def _take_back(self, selector: selectors.BaseSelector) -> None:
        """Answered keep-alive connections wait for their next request again."""
        with self._lock:
            returned, self._returned = self._returned, []
            self._busy -= len(returned)
        for handler in returned:
            self._wait(selector, handler)

    def _expire(self, selector: selectors.BaseSelector) -> None:
        now = time.monotonic()
        while self._waiting:
            handler = next(iter(self._waiting))  # the one waiting longest
            if now - handler.since < IDLE_S:
                break
            self._drop(selector, handler)

    def _drop(self, selector: selectors.BaseSelector, handler: PreviewHandler) -> None:
        selector.unregister(handler.connection)
        del self._waiting[handler]
        handler.close()

    def _wake(self) -> None:
        with contextlib.suppress(OSError):  # full (the loop wakes anyway) or closed
            self._wake_w.send(b"\0")

    def _drain_wake(self) -> None:
        with contextlib.suppress(OSError):
            while self._wake_r.recv(4096):
                pass

    # The workers.

    def _work(self) -> None:
        while (job := self._ready.get()) is not None:
            handler, head = job
            keep = handler.answer(head)
            if handler.streaming:
                threading.Thread(target=handler.stream, name="archive-events",
                                 daemon=True).start()
            elif keep:
                with self._lock:
                    self._returned.append(handler)
                self._wake()
            else:
                self.finished(handler)

    def finished(self, handler: PreviewHandler) -> None:
        """Close a connection that was being answered or streaming."""
        handler.close()
        with self._lock:
            self._busy -= 1


def head_end(data: bytearray, new: int | None = None) -> int:
    """Where the head of the first request in data ends (after the empty line), or -1;
    new: only the last `new` bytes arrived since the last look."""
    start = 0 if new is None else max(0, len(data) - new - 3)
    ends = [at + len(mark) for mark in (b"\r\n\r\n", b"\n\n")
            if (at := data.find(mark, start)) >= 0]
    return min(ends, default=-1)


def error_response(status: HTTPStatus) -> bytes:
    """A whole response with an error status, ending the connection."""
    body = f"{status.value} {status.phrase}\n".encode()
    head = (f"HTTP/1.1 {status.value} {status.phrase}\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\nContent-Length: {len(body)}\r\n"
            "Connection: close\r\n\r\n")
    return head.encode() + body


def refuse(sock: socket.socket, status: HTTPStatus) -> None:
    """Answer a new connection with an error status, without a handler, and close it."""
    try:
        sock.setblocking(False)
        sock.send(error_response(status))  # a new connection's buffer has room for this
    except OSError:
        pass
    finally:
        sock.close()


def open_server(host: str, port: int, root: Path, live: LiveState,
                verbose: bool) -> PreviewServer:
    try:
        return PreviewServer((host, port), root, live, verbose)
    except OSError as err:
        raise ArchiveError(listen_error(host, port, err)) from None


def listen_error(host: str, port: int, err: OSError) -> str:
    if err.errno == errno.EADDRINUSE:
        return (f"port {port} on {host} is already in use; stop the program using it or "
                f"pick another port with --port, e.g. --port {port + 1 if port < 65535 else 8001}")
    if err.errno == errno.EACCES:
        return f"port {port}: permission denied (ports below 1024 need root); use --port 8000"
    return f"cannot listen on {host}:{port} ({err.strerror or err}); check --host and --port"


class PreviewHandler(BaseHTTPRequestHandler):
    """Static files like the host's (404.html, index.html for folders), plus live reload.

    One handler per connection, for as long as it is open. Unlike socketserver's
    handlers it reads nothing from the socket: the server collects each request's head
    and hands it to answer() in a worker thread.
    """

    server: PreviewServer
    protocol_version = "HTTP/1.1"
    server_version = "archive-serve"
    timeout = SEND_S  # a response the client takes nothing of for this long is given up

    def __init__(self, request: socket.socket, client_address: Any, server: PreviewServer):
        self.request = request
        self.client_address = client_address
        self.server = server
        self.received = bytearray()  # what arrived of requests not yet answered
        self.since = time.monotonic()  # when it began to wait for its next request
        self.streaming = False  # an event stream: the connection is the stream thread's
        self.stream_query = ""
        self.setup()
        self.rfile.close()  # see answer()

    def answer(self, head: bytes) -> bool:
        """Answer one request, given its head; True: keep the connection for another."""
        self.rfile = io.BytesIO(head)  # GET and HEAD requests are all head
        self.close_connection = True
        try:
            self.handle_one_request()
        except Exception:
            self.server.handle_error(self.request, self.client_address)
            self.close_connection = True
        return not self.close_connection

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.finish()
        self.server.shutdown_request(self.request)

    def do_GET(self) -> None:
        self.respond(send_body=True)

    def do_HEAD(self) -> None:
        self.respond(send_body=False)

    def respond(self, send_body: bool) -> None:
        url = urlsplit(self.path)
        if url.path == EVENTS_PATH and send_body:
            self.start_stream(url.query)
        elif url.path == EVENTS_PATH:
            self.send_head(200, "text/event-stream; charset=utf-8", 0)
        elif url.path == SCRIPT_PATH:
            self.send_bytes(200, LIVERELOAD_JS.encode(), CONTENT_TYPES[".js"], send_body)
        elif url.path.startswith("/__archive/"):
            self.send_not_found(send_body)
        elif url.path in (CHECK_PATH, CHECK_PATH.rstrip("/")) and self.server.checker:
            self.send_check(url.path, send_body)
        else:
            self.send_site_file(url.path, url.query, send_body)

    def send_site_file(self, path: str, query: str, send_body: bool) -> None:
        root = self.server.site_root()
        if root is None:
            self.send_bytes(503, inject(NO_SITE_PAGE), CONTENT_TYPES[".html"], send_body)
            return
        target = locate(root, path)
        if target is not None and target.is_dir():
            if not path.endswith("/"):
                self.redirect("/" + path.lstrip("/") + "/" + (f"?{query}" if query else ""))
                return
            target = target / "index.html"
        if target is None or not target.is_file():
            self.send_not_found(send_body)
            return
        self.send_file(target, 200, send_body)

    def send_check(self, path: str, send_body: bool) -> None:
        """The `archive check` report of the content as it is now, made for this request."""
        if not path.endswith("/"):
            self.redirect(CHECK_PATH)
            return
        checker = self.server.checker
        assert checker is not None
        try:
            page = render_html(checker.run(), checker.content).encode()
        except ArchiveError as err:
            self.send_bytes(500, f"archive check: {err}\n".encode(), CONTENT_TYPES[".txt"],
                            send_body)
            return
        self.send_bytes(200, inject(page), CONTENT_TYPES[".html"], send_body)

    def send_not_found(self, send_body: bool) -> None:
        root = self.server.site_root()
        page = root / "404.html" if root else None
        if page is not None and page.is_file():
            self.send_file(page, 404, send_body)
        else:
            self.send_bytes(404, inject(NO_SITE_PAGE.replace(b"No site built yet", b"Not found")),
                            CONTENT_TYPES[".html"], send_body)

    def send_file(self, path: Path, status: int, send_body: bool) -> None:
        kind = content_type(path)
        try:
            if kind.startswith("text/html"):
                self.send_bytes(status, inject(path.read_bytes()), kind, send_body)
                return
            with path.open("rb") as f:
                self.send_head(status, kind, os.fstat(f.fileno()).st_size)
                if send_body:
                    shutil.copyfileobj(f, self.wfile)
        except FileNotFoundError:  # removed by a build between the check and the read
            self.send_bytes(404, b"not found\n", CONTENT_TYPES[".txt"], send_body)

    def send_bytes(self, status: int, data: bytes, kind: str, send_body: bool) -> None:
        self.send_head(status, kind, len(data))
        if send_body:
            self.wfile.write(data)

    def send_head(self, status: int, kind: str, length: int) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(length))
        self.send_header("Cache-Control", "no-cache")  # always revalidate: files change
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()

    def redirect(self, location: str) -> None:
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def start_stream(self, query: str) -> None:
        """Take one of the MAX_STREAMS places for an event stream, which the worker then
        starts in a thread of its own (stream()); when none is free, tell the tab to ask
        again in BUSY_RETRY_S seconds."""
        self.close_connection = True
        if self.server.streams.acquire(blocking=False):
            self.streaming = True
            self.stream_query = query
            return
        busy = f"retry: {BUSY_RETRY_S * 1000}\nevent: busy\ndata: {BUSY_RETRY_S}\n\n".encode()
        self.send_bytes(200, busy, "text/event-stream; charset=utf-8", send_body=True)

    def stream(self) -> None:
        """The event stream, in its own thread; then the connection is closed."""
        try:
            self.send_events(self.stream_query)
        except Exception:
            self.server.handle_error(self.request, self.client_address)
        finally:
            self.server.streams.release()
            self.server.finished(self)

    def send_events(self, query: str) -> None:
        """An event stream, open until the tab or the server goes away."""
        live = self.server.live
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        snapshot = live.current()
        since = self.headers["Last-Event-ID"] or parse_qs(query).get("since", [None])[0]
        self.wfile.write(first_event(snapshot, since) or b": connected\n\n")
        seen = snapshot[0]
        while not live.closed:
            update = live.wait(seen, KEEPALIVE_S)
            if update is None:
                if not live.closed:
                    self.wfile.write(b": keepalive\n\n")
                continue
            seen = update[0]
            self.wfile.write(sse_event(update))

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.verbose:
            super().log_message(format, *args)


def locate(root: Path, url_path: str) -> Path | None:
    """The existing file or folder a URL path names inside root; None if it leaves root."""
    parts = unquote(url_path).split("/")
    if any(part == ".." or "\x00" in part for part in parts):
        return None
    target = root.joinpath(*[p for p in parts if p not in ("", ".")])
    try:
        real, base = target.resolve(strict=True), root.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    return target if real == base or base in real.parents else None


def content_type(path: Path) -> str:
    known = CONTENT_TYPES.get(path.suffix.lower())
    return known or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def inject(html: bytes) -> bytes:
    """The page with the live-reload script before </body> (or at the end)."""
    at = html.lower().rfind(b"</body>")
    if at < 0:
        return html + SCRIPT_TAG
    return html[:at] + SCRIPT_TAG + html[at:]
