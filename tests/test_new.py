"""`archive new DIR` as an archivist starting a paper of their own meets it.

The unit tests call the command line in-process: the files written, a site.yaml that
loads with the real config checks, and the refusals (each one line, nothing written).
The end-to-end test runs the commands in subprocesses from a temporary folder, as a user
types them: new → ingest the sample pages → build → serve, then fetches the home page and
an article over HTTP. That `archive new` works from a non-editable install is checked
by .ci/run, which installs the package into a fresh virtual environment.
"""

from __future__ import annotations

import errno
import fnmatch
import http.client
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from test_cli import assert_one_line_error, run

from generator import config as site_config
from generator.commands import new
from generator.config import load_config

REPO = Path(__file__).resolve().parent.parent
SAMPLE_PAGES = REPO / "samples" / "pages"
EXPECTED = {
    "site.yaml", "names.txt", "README.md", "requirements.txt", ".gitignore", "netlify.toml",
    "netlify/plugins/archive-cache/manifest.yml", "netlify/plugins/archive-cache/index.js",
    ".github/workflows/pages.yml", "content/.gitkeep", "pages/README.md",
}


def files_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


# -- what is written -------------------------------------------------------------------

def test_new_writes_the_scaffold_into_a_new_folder(tmp_path, capsys):
    target = tmp_path / "deep" / "mypaper"
    code, out, err = run(capsys, "new", target)
    assert (code, err) == (0, "")
    assert files_under(target) == EXPECTED
    assert (target / "content/.gitkeep").read_bytes() == b""
    for rel in EXPECTED:
        assert rel in out
        text = (target / rel).read_text(encoding="utf-8")
        assert not new.MARKER.search(text), rel
    assert "archive ingest pages/" in out and "archive build" in out


def test_site_yaml_loads_and_explains_every_setting(tmp_path, capsys):
    run(capsys, "new", tmp_path / "a")
    path = tmp_path / "a" / "site.yaml"
    config = load_config(path, required=True)
    assert config["title"] == "城市报纸数字档案"
    assert config["base_url"] == site_config.DEFAULTS["base_url"]  # left to the default
    text = path.read_text(encoding="utf-8")
    for key in site_config.DEFAULTS:  # settings added later must be explained here too
        assert re.search(rf"^(# )?{key}:", text, re.M), (
            f"generator/scaffold/site.yaml does not explain the setting {key}; add it there "
            "with a comment (commented out when optional)")
    # Every optional setting, uncommented, is still a valid config.
    enabled = re.sub(r"^# (\S+:.*)$", r"\1", text, flags=re.M)
    enabled = re.sub(r"^#   ", "  ", enabled, flags=re.M)
    (tmp_path / "a" / "my-templates").mkdir()
    path.write_text(enabled, encoding="utf-8")
    config = load_config(path, required=True)
    assert config["city_slugs"] and config["paper_slugs"] and config["feed_size"] == 50
    assert config["archive"]["keeper"] and config["papers"]["许昌日报"]["place"] == "许昌"


@pytest.mark.parametrize("title", ["许昌日报数字档案", 'A "quoted": title # not a comment',
                                   "- [x] {y} & *z* 'q'", "焦作日报　图文档案"])
def test_title_and_base_url_options_fill_in_site_yaml(tmp_path, capsys, title):
    target = tmp_path / "a"
    code, out, err = run(capsys, "new", target, "--title", title,
                         "--base-url", "https://example.org/archive/")
    assert code == 0, err
    config = load_config(target / "site.yaml", required=True)
    assert config["title"] == title
    assert config["base_url"] == "https://example.org/archive"
    assert (target / "README.md").read_text(encoding="utf-8").startswith(f"# {title}\n")
    assert "edit site.yaml" not in out


def test_the_netlify_plugin_is_the_repositorys_own(tmp_path, capsys):
    """A new archive gets the plugin this repository deploys with and tests (its
    netlify.toml names the scaffold's copy: there is one)."""
    run(capsys, "new", tmp_path / "a")
    mine = REPO / "generator/scaffold/netlify/plugins/archive-cache"
    assert f'package = "/{mine.relative_to(REPO).as_posix()}"' in (
        REPO / "netlify.toml").read_text(encoding="utf-8")
    theirs = tmp_path / "a/netlify/plugins/archive-cache"
    assert files_under(mine) == files_under(theirs)
    for rel in files_under(mine):
        assert (mine / rel).read_bytes() == (theirs / rel).read_bytes(), rel


def test_netlify_toml_installs_the_tool_builds_and_keeps_the_cache(tmp_path, capsys):
    run(capsys, "new", tmp_path / "a")
    toml = tomllib.loads((tmp_path / "a/netlify.toml").read_text(encoding="utf-8"))
    build = toml["build"]
    assert build["publish"] == "public"
    assert build["command"].startswith("python3 -m pip install -r requirements.txt && "
                                       "archive build --base-url ")
    [plugin] = toml["plugins"]
    assert (tmp_path / "a" / plugin["package"].lstrip("/") / "manifest.yml").is_file()
    headers = {h["for"]: h["values"] for h in toml["headers"]}
    assert "must-revalidate" in headers["/*"]["Cache-Control"]
    assert "max-age=86400" in headers["/assets/*"]["Cache-Control"]


def test_the_pages_workflow_is_valid_and_builds_with_the_pages_url(tmp_path, capsys):
    run(capsys, "new", tmp_path / "a")
    workflow = yaml.safe_load((tmp_path / "a/.github/workflows/pages.yml").read_text("utf-8"))
    assert set(workflow) >= {"name", "permissions", "jobs"}
    assert workflow[True]["push"]["branches"] == ["main"]  # `on:` is YAML 1.1's true
    assert workflow["permissions"] == {"contents": "read", "pages": "write",
                                       "id-token": "write"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    uses = [s.get("uses", "").split("@")[0] for s in build["steps"]]
    assert uses[:2] == ["actions/checkout", "actions/setup-python"]
    assert "actions/configure-pages" in uses and uses[-1] == "actions/upload-pages-artifact"
    assert build["steps"][-1]["with"]["path"] == "public"
    runs = [s["run"] for s in build["steps"] if "run" in s]
    assert runs == ["python -m pip install -r requirements.txt",
                    'archive build --base-url "$BASE_URL"']
    step = next(s for s in build["steps"] if s.get("run", "").startswith("archive build"))
    assert step["env"]["BASE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert deploy["needs"] == "build"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_gitignore_keeps_build_output_and_caches_out(tmp_path, capsys):
    run(capsys, "new", tmp_path / "a")
    ignored = (tmp_path / "a/.gitignore").read_text(encoding="utf-8").splitlines()
    for entry in ("public/", ".archive/", ".venv/", "__pycache__/", ".*.lock"):
        assert entry in ignored
    assert not any(line.startswith(("content", "pages")) for line in ignored)


def test_a_fresh_archive_builds_an_empty_site(tmp_path, capsys, monkeypatch):
    run(capsys, "new", tmp_path / "a", "--title", "空档案")
    monkeypatch.chdir(tmp_path / "a")
    code, out, err = run(capsys, "build", "--no-search")
    assert code == 0, err
    assert "built 0 articles" in out
    assert "空档案" in (tmp_path / "a/public/index.html").read_text(encoding="utf-8")


# -- where the tool comes from ---------------------------------------------------------

def test_requirement_line_follows_how_the_tool_was_installed():
    assert new.requirement_line(None, "1.2.0") == ("newspaper-archive==1.2.0", None)
    git = json.dumps({"url": "https://user:secret@git.example.org/a/newspaper-archive.git",
                      "vcs_info": {"vcs": "git", "commit_id": "abc123"}})
    line, note = new.requirement_line(git, "1.2.0")
    assert line == ("newspaper-archive @ git+https://git.example.org/a/newspaper-archive.git"
                    "@abc123")
    assert "secret" not in line and note is None
    wheel = json.dumps({"url": "https://files.example.org/newspaper_archive-1.2.0.whl",
                        "archive_info": {}})
    assert new.requirement_line(wheel, "1.2.0")[0].endswith("@ https://files.example.org/"
                                                             "newspaper_archive-1.2.0.whl")
    for local in ('{"url": "file:///home/me/newspaper-archive", "dir_info": {}}', "[]", "{"):
        line, note = new.requirement_line(local, "1.2.0")
        assert "OWNER" in line and "requirements.txt" in note


def test_requirements_txt_holds_the_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(new, "tool_requirement", lambda: ("newspaper-archive==9.9", None))
    code, out, _ = run(capsys, "new", tmp_path / "a")
    assert code == 0 and "note:" not in out
    lines = (tmp_path / "a/requirements.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if not line.startswith("#")] == ["newspaper-archive==9.9"]


# -- refusals: one line, nothing written ----------------------------------------------

def test_an_empty_folder_or_a_fresh_clone_is_fine(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert run(capsys, "new", tmp_path / "empty")[0] == 0
    (tmp_path / "clone" / ".git").mkdir(parents=True)
    assert run(capsys, "new", tmp_path / "clone")[0] == 0
    assert files_under(tmp_path / "clone") - {".git"} == EXPECTED


def test_the_current_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "new", ".")
    assert code == 0 and "cd " not in out
    assert files_under(tmp_path) == EXPECTED


def test_a_folder_that_is_not_empty_is_refused(tmp_path, capsys):
    target = tmp_path / "old"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    code, out, err = run(capsys, "new", target)
    assert code == 2 and out == ""
    assert_one_line_error(err, str(target), "not empty", "notes.txt", "--force")
    assert files_under(target) == {"notes.txt"}


def test_force_writes_only_what_is_missing_and_lists_what_it_kept(tmp_path, capsys):
    target = tmp_path / "old"
    (target / "content").mkdir(parents=True)
    (target / "README.md").write_text("my own readme", encoding="utf-8")
    (target / "site.yaml").write_text("title: 我的\n", encoding="utf-8")
    (target / "netlify").write_text("a file where a folder goes", encoding="utf-8")
    code, out, err = run(capsys, "new", target, "--force", "--title", "新的")
    assert code == 0, err
    assert (target / "README.md").read_text(encoding="utf-8") == "my own readme"
    assert (target / "site.yaml").read_text(encoding="utf-8") == "title: 我的\n"
    assert (target / "netlify").read_text(encoding="utf-8") == "a file where a folder goes"
    kept = out.split("kept, not written")[1]
    for rel in ("README.md (already there)", "site.yaml (already there)",
                "netlify/plugins/archive-cache/index.js (netlify is not a folder)"):
        assert rel in kept
    assert (target / ".github/workflows/pages.yml").is_file()
    assert (target / "content/.gitkeep").is_file()
    # Run again: everything is there, nothing changes.
    before = {rel: (target / rel).read_bytes() for rel in files_under(target)}
    code, out, _ = run(capsys, "new", target, "--force")
    assert code == 0 and "0 files written" in out
    assert {rel: (target / rel).read_bytes() for rel in files_under(target)} == before


def test_a_file_is_not_a_folder(tmp_path, capsys):
    target = tmp_path / "site.txt"
    target.write_text("x", encoding="utf-8")
    for flags in ((), ("--force",)):
        code, _, err = run(capsys, "new", target, *flags)
        assert code == 2
        assert_one_line_error(err, str(target), "is a file, not a folder")
    blocked = target / "sub"
    code, _, err = run(capsys, "new", blocked)
    assert code == 2
    assert_one_line_error(err, str(blocked))


@pytest.mark.parametrize(("flags", "needle"), [
    (("--base-url", "ftp://example.org"), "--base-url ftp://example.org: not an http(s) URL"),
    (("--base-url", "https://exa mple.org"), "not an http(s) URL"),
    (("--title", "  "), "--title: is empty"),
    (("--title", "两行\n标题"), "--title: holds a line break"),
])
def test_bad_options_are_one_line_and_write_nothing(tmp_path, capsys, flags, needle):
    code, out, err = run(capsys, "new", tmp_path / "a", *flags)
    assert code == 2 and out == ""
    assert_one_line_error(err, needle)
    assert not (tmp_path / "a").exists()


def test_a_failure_half_way_takes_back_what_it_wrote(tmp_path, capsys, monkeypatch):
    real = new.write_new
    calls = []

    def failing(target, rel, data, done):
        calls.append(rel)
        if len(calls) == 4:
            raise OSError(errno.ENOSPC, "No space left on device", str(target / rel))
        real(target, rel, data, done)

    monkeypatch.setattr(new, "write_new", failing)
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / ".git").mkdir()
    for target in (tmp_path / "a" / "deep", tmp_path / "b"):
        calls.clear()
        code, _, err = run(capsys, "new", target)
        assert code == 2
        assert_one_line_error(err, "No space left on device", "free some space")
    assert not (tmp_path / "a").exists()
    assert files_under(tmp_path / "b") == set() and (tmp_path / "b" / ".git").is_dir()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_parent_is_one_line(tmp_path, capsys):
    parent = tmp_path / "ro"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        code, _, err = run(capsys, "new", parent / "a")
    finally:
        parent.chmod(0o755)
    assert code == 2
    assert_one_line_error(err, "Permission denied", "fix the permissions")


# -- the package ships the scaffold ----------------------------------------------------

def test_every_scaffold_file_is_listed_and_shipped_as_package_data():
    shipped = {rel for rel in files_under(new.SCAFFOLD) if "__pycache__" not in rel}
    listed = {source for source, _ in new.FILES if source is not None}
    assert shipped == listed
    # setuptools' package-data globs skip hidden names and do not cross folders.
    assert not any(part.startswith(".") for rel in shipped for part in rel.split("/"))
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["generator"]
    for rel in shipped:
        parts = f"scaffold/{rel}".split("/")
        assert any(len(p.split("/")) == len(parts)
                   and all(fnmatch.fnmatchcase(a, b) for a, b in zip(parts, p.split("/"),
                                                                     strict=True))
                   for p in patterns), f"{rel} is not in [tool.setuptools.package-data]"


# -- end to end: new → ingest → build → serve ------------------------------------------

def archive(folder: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """One command as a user types it in folder; it must succeed."""
    done = subprocess.run([sys.executable, "-m", "generator", *argv], cwd=folder,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"archive {' '.join(argv)}:\n{done.stdout}{done.stderr}"
    assert "Traceback" not in done.stderr
    return done


def get(url: str, path: str) -> tuple[int, str]:
    address = urlsplit(url)
    conn = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8")
    finally:
        conn.close()


def test_new_ingest_build_serve(tmp_path):
    archive(tmp_path, "new", "mypaper", "--title", "我的报纸档案",
            "--base-url", "https://papers.example.org")
    site = tmp_path / "mypaper"
    # The sample pages, described by their pages.yaml, as an inbox folder.
    shutil.copytree(SAMPLE_PAGES, site / "pages" / "samples")
    out = archive(site, "ingest", "pages/samples").stdout
    assert "5 pages" in out
    # A day's page as the README shows it: page numbers in pages.yaml, the rest as flags.
    readme = (site / "README.md").read_text(encoding="utf-8")
    command = next(line.strip() for line in readme.splitlines()
                   if line.strip().startswith("archive ingest pages/"))
    day = site / shlex.split(command)[2]
    day.mkdir(parents=True)
    shutil.copy(SAMPLE_PAGES / "002_db421976370921fa.txt", day / "01.txt")
    (day / "pages.yaml").write_text("01.txt: {page: 1}\n", encoding="utf-8")
    archive(site, *shlex.split(command)[1:])
    assert list(site.glob("content/xuchang/ribao/2024/05/06/01-*.md"))

    archive(site, "check")
    build = archive(site, "build").stdout
    assert re.search(r"built \d+ articles", build)
    article = site / "content/xuchang/ribao/2023/03/23/06-02.md"
    title = yaml.safe_load(article.read_text(encoding="utf-8").split("---")[1])["title"]
    page = (site / "public/xuchang/ribao/2023/03/23/06-02/index.html").read_text("utf-8")
    assert title in page and "https://papers.example.org/xuchang/ribao/" in page

    out, err = (site / "serve.out").open("wb"), (site / "serve.err").open("wb")
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", "0",
                               "--no-search"], cwd=site, stdout=out, stderr=err,
                              env={**os.environ, "PYTHONUNBUFFERED": "1"})
    out.close()
    err.close()
    try:
        url = ""
        deadline = time.monotonic() + 60
        while not url and time.monotonic() < deadline and server.poll() is None:
            found = re.search(r"serving (http://\S+)/ ",
                              (site / "serve.out").read_text(encoding="utf-8"))
            url = found.group(1) if found else ""
            time.sleep(0.05)
        assert url, (site / "serve.out").read_text("utf-8") + (site / "serve.err").read_text()
        status, home = get(url, "/")
        assert status == 200 and "我的报纸档案" in home and "许昌日报" in home
        status, body = get(url, "/xuchang/ribao/2023/03/23/06-02/")
        assert status == 200 and title in body
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGINT)
        assert server.wait(timeout=10) == 0
