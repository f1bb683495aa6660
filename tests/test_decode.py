"""decode_page: every encoding an OCR tool saves in comes back as the same text."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ArchiveError
from generator.ingest.decode import MAX_PAGE_BYTES, decode_page

SEEDS = sorted((Path(__file__).resolve().parent.parent / "samples" / "pages").glob("*.txt"))

PAGE = "本报讯（记者 王明）5 月 4 日，\n市里召开会议。\nOpen Source 2.0\n"


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "gbk"],
)
def test_each_encoding_decodes_to_the_same_text(encoding: str) -> None:
    assert decode_page(PAGE.encode(encoding), "a.txt") == PAGE


def test_utf16_with_bom_either_byte_order() -> None:
    le = b"\xff\xfe" + PAGE.encode("utf-16-le")
    be = b"\xfe\xff" + PAGE.encode("utf-16-be")
    assert decode_page(le, "a.txt") == decode_page(be, "a.txt") == PAGE


def test_bom_is_stripped() -> None:
    assert decode_page("\ufeff标题\n".encode(), "a.txt") == "标题\n"


def test_line_endings_become_newlines() -> None:
    data = "第一行\r\n第二行\r第三行\n".encode()
    assert decode_page(data, "a.txt") == "第一行\n第二行\n第三行\n"


def test_gb18030_beyond_gbk() -> None:
    text = "㐀字与𠀀字\n"  # extension A and B ideographs: GB18030 four-byte codes
    assert decode_page(text.encode("gb18030"), "a.txt") == text


def test_a_few_damaged_utf8_bytes_become_replacement_chars() -> None:
    # A dump cut inside its last character must not be read as GB18030 mojibake.
    data = "本报讯 市里召开会议，研究工作。记者王".encode()[:-1]
    assert decode_page(data, "a.txt") == "本报讯 市里召开会议，研究工作。记者\ufffd"


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 10,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00",
        bytes(range(1, 128)) * 3,  # valid UTF-8, but all controls
        "café naïve résumé\n".encode("latin-1"),
        b"%PDF-1.7\n\x00\x01\x02\x03\xff\xfe\xfd",
    ],
    ids=["all-bytes", "png", "controls", "latin-1", "pdf"],
)
def test_binary_or_unknown_encoding_is_refused(data: bytes) -> None:
    with pytest.raises(ArchiveError) as err:
        decode_page(data, "000.txt")
    message = str(err.value)
    assert message.startswith("000.txt: not a text page")
    assert "UTF-8, UTF-16 or GB18030" in message
    assert "\n" not in message


def test_gb18030_that_does_not_read_as_chinese_is_refused() -> None:
    # GB18030 decodes almost anything; Greek and box drawing is not a Chinese page.
    data = ("ΑΒΓΔ╔═╗║╚═╝абвг" * 5).encode("gb18030")
    with pytest.raises(ArchiveError, match="not a text page"):
        decode_page(data, "000.txt")


def test_gb18030_with_control_bytes_is_refused() -> None:
    data = "市里召开会议".encode("gb18030") + b"\x01\x02"
    with pytest.raises(ArchiveError, match="not a text page"):
        decode_page(data, "000.txt")


def test_utf8_may_carry_a_stray_control_for_repair_to_report() -> None:
    assert decode_page("市里\x07召开会议\n".encode(), "a.txt") == "市里\x07召开会议\n"


@pytest.mark.parametrize(
    "data",
    [b"", b"  \n\t\r\n", "\ufeff".encode("utf-8-sig"), "\u3000 \n".encode("utf-16")],
    ids=["empty", "whitespace", "bom-only", "utf16-whitespace"],
)
def test_empty_page_is_refused(data: bytes) -> None:
    with pytest.raises(ArchiveError, match=r"^000\.txt: empty page; remove it or re-export"):
        decode_page(data, "000.txt")


def test_oversized_input_is_refused_with_its_size() -> None:
    data = b"a" * (MAX_PAGE_BYTES + 1)
    with pytest.raises(ArchiveError) as err:
        decode_page(data, "big.txt")
    message = str(err.value)
    assert message.startswith("big.txt: ")
    assert str(MAX_PAGE_BYTES + 1) in message
    assert "100 KB" in message
    assert "split" in message


def test_the_size_limit_itself_is_allowed() -> None:
    data = ("字" * (MAX_PAGE_BYTES // 3)).encode()
    assert len(decode_page(data, "a.txt")) == MAX_PAGE_BYTES // 3


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_every_seed_decodes_in_every_encoding(seed: Path) -> None:
    text = decode_page(seed.read_bytes(), seed.name)
    assert text.strip()
    assert "\r" not in text
    for encoding in ("utf-8-sig", "utf-16", "utf-16-le", "gb18030"):
        assert decode_page(text.encode(encoding), seed.name) == text
