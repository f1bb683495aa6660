"""One archive command at a time on a folder: locks that the system drops when a process dies.

A build reads content/ and replaces its output folder; an ingest (or a move) writes
content/. Run at once, a build can read half an ingest, and two builds delete each
other's staging folders. So commands lock the folders they use: a build holds its
output folder exclusively and content/ shared (other builds of other outputs may
read it too); an ingest holds content/ exclusively. A command that finds a folder
locked says who holds it and waits (up to `WAIT_SECONDS`), then gives up with one
line. The locks are `flock(2)` locks on small files beside the folder
(`.content.lock`, `.public.lock`), released by the kernel when the holder exits
or is killed, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.errors import ArchiveError

# How long a command waits for another to finish (ARCHIVE_LOCK_WAIT seconds overrides).
WAIT_SECONDS = float(os.environ.get("ARCHIVE_LOCK_WAIT", "600"))
POLL_SECONDS = 0.2


def lock_path(folder: Path) -> Path:
    """`content` → `.content.lock` beside it (never inside: the folder may be replaced)."""
    full = Path(os.path.abspath(folder))
    return full.parent / f".{full.name}.lock"


@contextlib.contextmanager
def folder_lock(folder: Path, what: str, shared: bool = False,
                wait: float | None = None,
                say: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold a lock on folder for the duration of the block; `what` names the command
    (e.g. "archive build") in the message another command shows while it waits."""
    path = lock_path(folder)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as err:
        if err.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            yield  # a read-only place: nothing can write there, nothing to protect
            return
        raise ArchiveError(f"{path}: cannot create the lock file ({err.strerror}); check "
                           "the folder's permissions") from None
    try:
        _acquire(fd, folder, shared, WAIT_SECONDS if wait is None else wait, say or _stderr)
        if not shared:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
                os.pwrite(fd, f"{os.getpid()} {what}\n".encode(), 0)
        yield
    finally:
        if not shared:  # a name left behind would be given for the next, shared holder
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
        os.close(fd)  # releases the lock


def is_held(folder: Path) -> bool:
    """Is another command holding folder's lock right now (a build replacing it)?"""
    try:
        fd = os.open(lock_path(folder), os.O_RDONLY)
    except OSError:
        return False  # no lock file: nobody has locked it
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def content_lock(content: Path, what: str) -> contextlib.AbstractContextManager[None]:
    """Exclusive lock on content/, for commands that write it (ingest, move, migrate)."""
    return folder_lock(content, what)


def _acquire(fd: int, folder: Path, shared: bool, wait: float,
             say: Callable[[str], None]) -> None:
    mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        holder = _holder(fd)
        if not told:
            say(f"waiting for {holder} to finish with {folder}/ …")
            told = True
        if time.monotonic() >= deadline:
            raise ArchiveError(f"{folder}/: still in use by {holder} after {wait:.0f} s; "
                               "wait for it to finish and run this command again")
        time.sleep(POLL_SECONDS)


def _holder(fd: int) -> str:
    try:
        text = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    except OSError:
        text = ""
    pid, _, what = text.partition(" ")
    if not (pid.isdigit() and what and _alive(int(pid))):
        return "another archive command"  # a name a killed holder left behind says nothing
    return f"{what} (process {pid})"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, under another user
    return True


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
