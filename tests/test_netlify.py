"""Netlify builds are incremental: netlify-cli runs the repository's netlify.toml offline.

`netlify build --offline` runs the build the way Netlify's build system does, with the
local build plugin generator/scaffold/netlify/plugins/archive-cache and Netlify's build
cache (kept in the site's .netlify/cache/ when building locally). A small archive from
tests/corpus.py is built twice, as two deploys: the first build finds no cache and
renders everything; then the checkout is made fresh as Netlify makes it (no public/, no
.archive/, every content file with a new modification time), an issue is added and an
article corrected, and the second build restores the cache, updates only what changed,
and gives the same bytes as a clean build. A cached output that does not match its
record is not trusted.

The build command is the repository's, with `archive` run from this interpreter instead
of installed by pip. The test needs netlify-cli (`.ci/run` installs it with npm).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from corpus import make_corpus
from e2e_site import differences

REPO = Path(__file__).resolve().parent.parent
BASE_URL = "https://archive.example.org"
ARTICLES = 200  # 2 papers × 8 pages × 6 articles a day: 4 days, the last one partly


def netlify_cli() -> str | None:
    local = REPO / "node_modules" / ".bin" / "netlify"
    return shutil.which("netlify") or (str(local) if local.exists() else None)


NETLIFY = netlify_cli()
pytestmark = pytest.mark.skipif(
    NETLIFY is None,
    reason="netlify-cli is not installed (`npm install --global netlify-cli@26.2.0`; "
           ".ci/run installs it)")


class Site:
    """A copy of the deployable parts of the repository with a small archive."""

    def __init__(self, root: Path):
        self.root = root
        self.dir = root / "site"
        self.content = self.dir / "content"
        make_corpus(self.content, ARTICLES)
        shutil.copy(REPO / "site.yaml", self.dir / "site.yaml")
        # The plugin, where the repository's netlify.toml names it: the one `archive new`
        # gives an archive of its own.
        plugin = "generator/scaffold/netlify/plugins/archive-cache"
        shutil.copytree(REPO / plugin, self.dir / plugin)
        toml = (REPO / "netlify.toml").read_text(encoding="utf-8")
        assert f'package = "/{plugin}"' in toml
        install = "python3 -m pip install . && archive build "
        assert toml.count(install) == 1
        toml = toml.replace(install, f"{sys.executable} -m generator build ")
        (self.dir / "netlify.toml").write_text(toml, encoding="utf-8")
        home = root / "home"
        (home / ".config" / "netlify").mkdir(parents=True)
        (home / ".config" / "netlify" / "config.json").write_text(
            json.dumps({"telemetryDisabled": True}), encoding="utf-8")
        keep = ("PATH", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")
        self.env = {k: v for k, v in os.environ.items() if k in keep}
        self.env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), URL=BASE_URL,
                        PYTHONPATH=str(REPO), NO_COLOR="1", FORCE_COLOR="0")
        self.cleans = 0

    def netlify_build(self, *flags: str, succeeds: bool = True) -> str:
        assert NETLIFY is not None
        done = subprocess.run([NETLIFY, "build", "--offline", *flags], cwd=self.dir,
                              env=self.env, capture_output=True, text=True, timeout=600)
        log = done.stdout + done.stderr
        assert (done.returncode == 0) == succeeds, log
        return log

    def fresh_checkout(self) -> None:
        """What Netlify starts a build from: a clean clone, only its cache kept aside."""
        for name in ("public", ".archive", ".public.lock", ".content.lock"):
            path = self.dir / name
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
        later = dt.datetime.now().timestamp() + 60
        for path in self.content.rglob("*"):
            if path.is_file():
                os.utime(path, (later, later))

    def clean_build(self) -> Path:
        """A build from scratch of the same content, elsewhere (its own cache too)."""
        self.cleans += 1
        other = self.root / f"clean-{self.cleans}"
        other.mkdir()
        shutil.copy(self.dir / "site.yaml", other / "site.yaml")
        subprocess.run([sys.executable, "-m", "generator", "build", "--clean", "--quiet",
                        "--content", str(self.content), "--out", str(other / "public"),
                        "--config", str(other / "site.yaml"), "--base-url", BASE_URL],
                       check=True, env=self.env, timeout=600)
        return other / "public"

    def add_issue(self) -> str:
        """The next day of the first paper: its latest issue's files under a new date."""
        issues = sorted(self.content.glob("xuchang/ribao/*/*/*"))
        latest = issues[-1]
        day = dt.date(*map(int, latest.relative_to(self.content).parts[2:])) \
            + dt.timedelta(days=1)
        target = self.content / "xuchang" / "ribao" / f"{day:%Y}" / f"{day:%m}" / f"{day:%d}"
        target.mkdir(parents=True)
        for path in sorted(latest.glob("*.md")):
            text = path.read_text(encoding="utf-8")
            text = re.sub(r"^date: .*$", f"date: {day.isoformat()}", text, count=1, flags=re.M)
            (target / path.name).write_text(text, encoding="utf-8")
        return str(target.relative_to(self.content))

    def edit_article(self, title: str = '"更正后的标题"') -> str:
        """Give an article another title; returns its path (its URL without slashes)."""
        path = sorted(self.content.glob("jiaozuo/ribao/*/*/*/*.md"))[0]
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"^title: .*$", f"title: {title}", text, count=1, flags=re.M),
                        encoding="utf-8")
        return path.relative_to(self.content).with_suffix("").as_posix()


def written(log: str) -> int:
    """Files an incremental `archive build` wrote, from its closing line."""
    match = re.search(r"updated public: (\d+) written, (\d+) deleted", log)
    assert match, log
    return int(match[1])


def entity_pages_naming(public: Path, paths: list[str]) -> int:
    """Entity pages that must change with these articles or issues: the indexes (their
    counts) and every entity page that links to one of them."""
    count = 0
    for section in ("people", "places", "orgs", "topics"):
        for page in (public / section).rglob("index.html"):
            html = page.read_text(encoding="utf-8")
            if page.parent == public / section or any(f'href="/{p}' in html for p in paths):
                count += 1
    return count


def full_files(log: str) -> int:
    match = re.search(r"built (\d+) articles, (\d+) files into public", log)
    assert match, log
    return int(match[2])


@pytest.fixture(scope="module")
def deployed(tmp_path_factory) -> tuple[Site, Path, str]:
    """A site after its first deploy, and a copy of its folder (Netlify's cache included)
    that each test starts from, in the same place (the build cache is kept per output
    folder, so the site must not move)."""
    site = Site(tmp_path_factory.mktemp("netlify"))
    log = site.netlify_build()
    kept = site.root / "after-first-deploy"
    shutil.copytree(site.dir, kept, symlinks=True)
    return site, kept, log


@pytest.fixture
def site(deployed: tuple[Site, Path, str]) -> Site:
    site, kept, _ = deployed
    shutil.rmtree(site.dir)
    shutil.copytree(kept, site.dir, symlinks=True)
    return site


def test_the_first_deploy_builds_everything_and_caches_it(deployed: tuple[Site, Path, str]):
    site, kept, log = deployed
    assert "No build cache" in log, log
    assert full_files(log) > 0
    assert "saved the build cache and the output" in log, log
    cached = kept / ".netlify" / "cache" / "cwd" / ".archive"
    assert (cached / "netlify" / "public" / "index.html").is_file()
    assert list((cached / "cache").iterdir())  # the archive's own cache
    assert differences(kept / "public", site.clean_build()) == []


def test_the_next_deploy_restores_the_cache_and_renders_only_what_changed(site: Site):
    everything = len([p for p in (site.dir / "public").rglob("*") if p.is_file()])
    site.fresh_checkout()
    issue = site.add_issue()
    edited = site.edit_article()
    log = site.netlify_build()
    assert "Restored the build cache and the last output" in log, log
    changed = len(list((site.content / issue).glob("*.md"))) + 1  # the new issue, the edit
    assert f"{changed} content files new or changed, 0 removed" in log, log
    # A quarter of the site at most, besides the entity pages that list the new or
    # edited articles (in a sample this small, a good share of them).
    entities = entity_pages_naming(site.dir / "public", [issue, edited])
    assert 0 < entities < everything / 4
    assert written(log) < everything / 4 + entities, log
    assert (site.dir / "public" / issue / "index.html").is_file()
    clean = site.clean_build()
    assert differences(site.dir / "public", clean) == []

    site.fresh_checkout()  # and nothing changed
    log = site.netlify_build()
    assert "0 content files new or changed, 0 removed" in log, log
    assert "public is up to date" in log, log
    assert differences(site.dir / "public", clean) == []


def test_a_cached_output_that_does_not_match_its_record_is_not_used(site: Site):
    site.fresh_checkout()
    cached = site.dir / ".netlify" / "cache" / "cwd" / ".archive" / "netlify" / "public"
    stale = next(cached.glob("xuchang/ribao/*/*/*/index.html"))
    stale.write_text("stale", encoding="utf-8")  # a damaged or partly copied cache
    log = site.netlify_build()
    assert "does not match its record" in log, log
    assert re.search(r"built \d+ articles", log), log  # everything, not an update
    assert differences(site.dir / "public", site.root / "after-first-deploy" / "public") == []


def test_a_failed_deploy_keeps_the_cache_for_the_next(site: Site):
    site.fresh_checkout()
    site.edit_article(title="'unclosed")  # front matter that does not parse: it stops
    log = site.netlify_build(succeeds=False)
    assert "front matter" in log or "YAML" in log, log
    assert "as the failed build left them" in log, log

    site.fresh_checkout()
    site.edit_article()
    log = site.netlify_build()
    assert "Restored the build cache and the last output" in log, log
    assert "1 content file new or changed, 0 removed" in log, log
    assert written(log) > 0, log
    assert differences(site.dir / "public", site.clean_build()) == []


def test_a_deploy_that_drops_published_urls_stops_but_a_preview_does_not(site: Site):
    site.fresh_checkout()
    gone = sorted(site.content.glob("xuchang/ribao/*/*/*/*.md"))[-1]
    gone.unlink()
    url = "/" + str(gone.relative_to(site.content).with_suffix("")) + "/"
    log = site.netlify_build(succeeds=False)
    assert "0 content files new or changed, 1 removed" in log, log
    assert f"{url} was published and would go away" in log, log

    site.fresh_checkout()
    log = site.netlify_build("--context", "deploy-preview")
    assert "updated public:" in log, log
    assert not (site.dir / "public" / url.strip("/")).exists()
    assert differences(site.dir / "public", site.clean_build()) == []
