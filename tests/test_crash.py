"""Builds and ingests killed at random moments, run at once, or hit by file system faults.

The guarantee: after SIGKILL at any moment, public/ still exists (old or new), and the
next command completes the interrupted build, so public/ then equals a clean build byte
for byte; a killed ingest leaves every content file old or new, never torn. Two builds
of one output, or an ingest during a build, wait for each other. A damaged journal or
cache, a full disk or a read-only output is one line, and the build after the fault is
fixed succeeds by itself.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.commands.freshness import cache_dir, commit_dir
from generator.commands.lock import folder_lock
from generator.errors import ArchiveError

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "content"
ISSUES = ["xuchang/ribao/2023/03/23", "xuchang/ribao/2023/03/15", "jiaozuo/ribao/2023/02/21"]
URL = "http://127.0.0.1:9"


def archive(cwd: Path, *args: str, wait: float | None = None,
            env: dict[str, str] | None = None) -> subprocess.Popen:
    full_env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
    return subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=full_env)


def run(cwd: Path, *args: str, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess:
    proc = archive(cwd, *args, env=env)
    out, err = proc.communicate(timeout=300)
    return subprocess.CompletedProcess(args, proc.returncode, out, err)


def build_args(out: str = "public", search: bool = False) -> list[str]:
    """The editors' changes below delete articles on purpose: --allow-removed."""
    return ["build", "--out", out, "--base-url", URL, "-q", "--allow-removed",
            *([] if search else ["--no-search"])]


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "project"
    for issue in ISSUES:
        shutil.copytree(SAMPLE / issue, root / "content" / issue)
    (root / "site.yaml").write_text("title: 测试档案\n", encoding="utf-8")
    return root


def clean_build(project: Path, search: bool = False) -> dict[str, bytes]:
    """What a clean build of the project's content gives, built in a copy of it."""
    twin = project.parent / f"twin-{time.monotonic_ns()}"
    shutil.copytree(project / "content", twin / "content")
    shutil.copy(project / "site.yaml", twin / "site.yaml")
    done = run(twin, *build_args(search=search))
    assert done.returncode == 0, done.stderr
    return tree(twin / "public")


def change(project: Path, rnd: random.Random, step: int) -> None:
    """An editor's change: edit a body, add an article, or delete one."""
    files = sorted((project / "content").rglob("*-*.md"))
    what = rnd.choice(["edit", "add", "delete"]) if len(files) > 5 else "add"
    if what == "edit":
        path = rnd.choice(files)
        path.write_text(path.read_text(encoding="utf-8") + f"\n修改第{step}次。\n",
                        encoding="utf-8")
    elif what == "add":
        issue = project / "content" / rnd.choice(ISSUES)
        date = "-".join(issue.parts[-3:])
        page, seq = 9, 10 + step
        city = "焦作" if "jiaozuo" in issue.parts else "许昌"
        (issue / f"{page:02d}-{seq:02d}.md").write_text(
            f"---\ntitle: 新增文章{step}\ncity: {city}\npaper: {city}日报\ndate: {date}\n"
            f"page: {page}\n---\n\n第{step}篇新增的正文。\n", encoding="utf-8")
    else:
        rnd.choice(files).unlink()


def kill_at_random(proc: subprocess.Popen, rnd: random.Random, longest: float) -> None:
    time.sleep(rnd.uniform(0, longest))
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.communicate()


@pytest.mark.parametrize("search", [False, True], ids=["pages", "with-search"])
def test_builds_killed_at_random_moments_are_completed_by_the_next(project, search):
    rnd = random.Random(20261206 + search)
    assert run(project, *build_args(search=search)).returncode == 0
    kills = 12 if not search else 8
    for step in range(kills):
        change(project, rnd, step)
        proc = archive(project, *build_args(search=search))
        kill_at_random(proc, rnd, 2.5 if search else 1.2)
        assert (project / "public" / "index.html").is_file(), "public/ must exist at every moment"
        done = run(project, *build_args(search=search))
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        assert not commit_dir(project / "public").exists()
        assert tree(project / "public") == clean_build(project, search), f"step {step}"


def visible(files: dict[str, bytes]) -> dict[str, bytes]:
    return {k: v for k, v in files.items() if not k.rsplit("/", 1)[-1].startswith(".")}


def test_a_killed_ingest_leaves_files_whole_and_the_next_ingest_completes(tmp_path):
    pages = REPO / "samples" / "pages"
    project, twin = tmp_path / "project", tmp_path / "twin"
    project.mkdir()
    twin.mkdir()
    rnd = random.Random(7)
    for _ in range(8):
        proc = archive(project, "ingest", str(pages))
        kill_at_random(proc, rnd, 2.0)
        for path in (project / "content").rglob("*.md"):
            text = path.read_text(encoding="utf-8")
            assert text.startswith("---\n") and "\n---\n" in text, path
    done = run(project, "ingest", str(pages))
    assert done.returncode == 0, done.stderr
    assert run(twin, "ingest", str(pages)).returncode == 0
    assert visible(tree(project / "content")) == visible(tree(twin / "content"))
    assert run(project, *build_args()).returncode == 0


def test_a_second_build_waits_for_the_first_and_gives_up_with_one_line(project):
    with folder_lock(project / "public", "archive build (test)"):
        done = run(project, *build_args(), env={"ARCHIVE_LOCK_WAIT": "1"})
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert lines[0].startswith("waiting for archive build (test)")
    assert lines[-1].startswith("archive: error: ") and "still in use" in lines[-1]
    assert not (project / "public").exists()


def test_a_build_with_nothing_to_do_still_waits_for_a_running_build(project):
    # The output is up to date, but a build holds it (a --clean build replacing it):
    # "up to date" would be said of a folder that is being swapped.
    assert run(project, *build_args()).returncode == 0
    with folder_lock(project / "public", "archive build (test)"):
        done = run(project, *build_args(), env={"ARCHIVE_LOCK_WAIT": "1"})
    assert done.returncode == 2, done.stdout
    assert "up to date" not in done.stdout
    assert done.stderr.startswith("waiting for archive build (test)")
    after = run(project, *[a for a in build_args() if a != "-q"])
    assert after.returncode == 0 and after.stdout.strip().endswith("is up to date")


def test_two_builds_at_once_both_succeed_one_after_the_other(project):
    first = archive(project, *build_args(search=True))
    second = archive(project, *build_args(search=True))
    for proc in (first, second):
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    assert tree(project / "public") == clean_build(project, search=True)


def test_an_ingest_during_a_build_waits_for_it(project):
    pages = REPO / "samples" / "pages"
    before = tree(project / "content")
    with folder_lock(project / "content", "archive build (test)", shared=True):
        done = run(project, "ingest", str(pages), env={"ARCHIVE_LOCK_WAIT": "1"})
    assert done.returncode == 2, done.stderr
    assert "still in use" in done.stderr.strip().splitlines()[-1]
    assert tree(project / "content") == before
    done = run(project, "ingest", str(pages))
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"delete": 3}',
                                    b'{"delete": ["../content/jiaozuo"], "replace": []}',
                                    b'{"delete": ["/tmp"], "replace": []}',
                                    b'{"delete": [""], "replace": []}',
                                    b'{"delete": [1], "replace": []}',
                                    b'{"delete": [], "replace": ["a/../../site.yaml"]}'],
                         ids=["empty", "not-json", "wrong-type", "escapes", "absolute",
                              "empty-path", "number", "replace-escapes"])
def test_a_damaged_journal_means_a_full_build_not_a_crash_loop(project, damage):
    assert run(project, *build_args()).returncode == 0
    pending = commit_dir(project / "public")
    pending.mkdir()
    (pending / ".commit.json").write_bytes(damage)
    change(project, random.Random(1), 1)
    sources = tree(project / "content")
    done = run(project, *build_args())
    assert done.returncode == 0, done.stderr
    assert not pending.exists()
    assert tree(project / "content") == sources, "a journal never reaches outside public/"
    assert (project / "site.yaml").is_file()
    assert tree(project / "public") == clean_build(project)


@pytest.mark.parametrize("damage", [b"", b"\x80garbage", b"\x80\x05K\x01.", None],
                         ids=["empty", "garbage", "wrong-value", "fifo"])
def test_a_damaged_cache_means_a_full_build(project, damage):
    assert run(project, *build_args()).returncode == 0
    store = cache_dir(project, project / "public")
    for name in ("signatures.pickle", "state.pickle"):
        if damage is None:  # a FIFO would block a reader forever
            (store / name).unlink()
            os.mkfifo(store / name)
        else:
            (store / name).write_bytes(damage)
    change(project, random.Random(2), 2)
    done = run(project, *build_args())
    assert done.returncode == 0, done.stderr
    assert tree(project / "public") == clean_build(project)


def shim(tmp_path: Path, code: str) -> dict[str, str]:
    """An environment whose Python runs code at start-up (sitecustomize): a fault."""
    folder = tmp_path / "shim"
    folder.mkdir(exist_ok=True)
    (folder / "sitecustomize.py").write_text(code, encoding="utf-8")
    return {"PYTHONPATH": f"{folder}{os.pathsep}{REPO}"}


READ_ONLY = (
    "import errno, os\n"
    "_replace = os.replace\n"
    "def replace(src, dst, *a, **k):\n"
    "    if '/public/' in os.path.abspath(dst):\n"
    "        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(dst))\n"
    "    return _replace(src, dst, *a, **k)\n"
    "os.replace = replace\n"
)


def test_a_read_only_output_is_one_line_then_the_next_build_succeeds(project, tmp_path):
    """The output's folders refuse writes (as for a user without permission, simulated
    so that the test means the same when run as root)."""
    assert run(project, *build_args()).returncode == 0
    change(project, random.Random(3), 3)
    done = run(project, *build_args(), env=shim(tmp_path, READ_ONLY))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Permission denied" in lines[0], done.stderr
    assert "public/" in lines[0] and "fix the permissions" in lines[0]
    done = run(project, *build_args())
    assert done.returncode == 0, done.stderr
    assert tree(project / "public") == clean_build(project)


def test_a_full_disk_is_one_line_then_the_next_build_succeeds(project, tmp_path):
    """ENOSPC, simulated: the build's writes fail as on a full disk."""
    assert run(project, *build_args()).returncode == 0
    change(project, random.Random(4), 4)
    env = shim(tmp_path,
        "import builtins, errno, os\n"
        "_open = builtins.open\n"
        "def full(file, mode='r', *a, **k):\n"
        "    if ('w' in mode or 'x' in mode) and 'public' in os.fspath(file):\n"
        "        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), os.fspath(file))\n"
        "    return _open(file, mode, *a, **k)\n"
        "builtins.open = full\n")
    done = run(project, *build_args(), env=env)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "No space left on device" in lines[0], done.stderr
    assert "free some space" in lines[0]
    done = run(project, *build_args())
    assert done.returncode == 0, done.stderr
    assert tree(project / "public") == clean_build(project)


def test_the_waiting_line_never_names_a_command_that_has_finished(project):
    with folder_lock(project / "content", "archive ingest (test, finished)"):
        pass
    told: list[str] = []
    with folder_lock(project / "content", "archive build", shared=True), \
            pytest.raises(ArchiveError), \
            folder_lock(project / "content", "archive ingest", wait=0.1, say=told.append):
        pass
    assert told and "finished" not in told[0]


def test_a_journal_never_reaches_through_a_link_out_of_the_output(tmp_path):
    # Someone with write access plants a link in public/ and a journal that deletes through
    # it, and stages a link: finishing the commit touches neither.
    from generator.commands.state import finish

    out, pending, keep = tmp_path / "public", tmp_path / ".public.commit", tmp_path / "content"
    (keep / "xuchang").mkdir(parents=True)
    (keep / "xuchang" / "06-01.md").write_text("article", encoding="utf-8")
    out.mkdir()
    (out / "clink").symlink_to(keep)
    pending.mkdir()
    (pending / "evil").symlink_to(keep)
    finish(pending, out, {"delete": ["clink/xuchang"], "replace": ["evil"]})
    assert (keep / "xuchang" / "06-01.md").read_text(encoding="utf-8") == "article"
    assert not os.path.lexists(out / "evil")


def test_the_waiting_line_never_names_a_killed_command(project):
    lock = project / ".content.lock"
    lock.write_text("999999999 archive ingest\n", encoding="utf-8")  # no such process
    told: list[str] = []
    with folder_lock(project / "content", "archive build", shared=True), \
            pytest.raises(ArchiveError), \
            folder_lock(project / "content", "archive ingest", wait=0.1, say=told.append):
        pass
    assert told and "999999999" not in told[0] and "another archive command" in told[0]


def test_a_commit_folder_that_is_a_link_is_never_followed(project):
    # A build never makes .public.commit a link: one that is, with a journal where it
    # points (here content/), is dropped, and nothing of content/ moves into public/.
    assert run(project, *build_args()).returncode == 0
    before = visible(tree(project / "content"))
    pending = project / ".public.commit"
    (project / "content" / ".commit.json").write_text(
        '{"delete": [], "replace": ["xuchang"]}', encoding="utf-8")
    pending.symlink_to(project / "content")
    done = run(project, *build_args())
    assert done.returncode == 0, done.stderr
    assert visible(tree(project / "content")) == before
    assert not pending.is_symlink()
