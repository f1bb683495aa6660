"""Self-checks for tests/scoring.py on synthetic pages, and integrity checks of the keys."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from scoring import available_keys, combine, load_key, load_key_file, matches, norm, score

SEEDS = Path(__file__).resolve().parent.parent / "samples" / "pages"  # the seed dumps

KEY = [
    {
        "kind": "news",
        "kicker": "长葛市人防办",
        "title": "做好防汛减灾工作 筑牢安全防线",
        "subtitle": None,
        "byline": "本报讯（孙彬）",
        "starts": "为切实做好全市人防工程防",
        "continued_from": None,
        "continues_on": None,
    },
    {
        "kind": "news",
        "kicker": None,
        "title": "数据赋能政务 数字改变生活",
        "subtitle": None,
        "byline": None,
        "starts": "审议通过了《许昌市数字政",
        "continued_from": 1,
        "continues_on": None,
    },
    {
        "kind": "brief",
        "kicker": None,
        "title": None,
        "subtitle": None,
        "byline": "王星星",
        "starts": "今年以来，襄城县交通运输局大",
        "continued_from": None,
        "continues_on": None,
    },
    {
        "kind": "photo",
        "kicker": None,
        "title": None,
        "subtitle": None,
        "byline": "李欣 摄",
        "starts": "河南金结新材料有限公司主",
        "continued_from": None,
        "continues_on": None,
    },
]

BODIES = [
    "为切实做好全市人\n防工程防汛工作，提高防汛综合应急\n\n处置能力。",
    "审议通过了《许昌市数字政府建设实施方案》。",
    "今年以来，襄城县交通运输局\n大力实施普通干线公路“畅通畅连”工程。",
    "河南金结新\n材料有限公司主要生产石墨。",
]


def perfect() -> list[dict]:
    """A prediction that agrees with KEY everywhere, with OCR-like whitespace in the text."""
    out = []
    for k, body in zip(KEY, BODIES, strict=True):
        rec = {f: k[f] for f in ("kind", "kicker", "subtitle", "byline")}
        rec["title"] = k["title"] and k["title"].replace(" ", "  ")  # spacing is ignored
        rec.update(body=body, continued_from=k["continued_from"], continues_on=None)
        out.append(rec)
    return out


def test_perfect_prediction_scores_one():
    r = score(perfect(), KEY)
    assert r["precision"] == r["recall"] == r["f1"] == 1.0
    assert r["headline_accuracy"] == r["byline_accuracy"] == 1.0
    assert r["kicker_accuracy"] == r["subtitle_accuracy"] == r["kind_accuracy"] == 1.0
    assert r["continuation_accuracy"] == 1.0
    assert r["pairs"] == [(0, 0), (1, 1), (2, 2), (3, 3)]
    assert r["mismatches"] == []


def test_merged_article_lowers_recall_only():
    pred = perfect()
    pred[2]["body"] += "\n\n" + pred[3]["body"]  # the photo caption swallowed by the brief
    del pred[3]
    r = score(pred, KEY)
    assert r["n_matched"] == 3
    assert r["precision"] == 1.0
    assert r["recall"] == 0.75
    assert r["f1"] == pytest.approx(2 * 1.0 * 0.75 / 1.75)
    # the unmatched key article counts against every field
    assert r["headline_accuracy"] == r["byline_accuracy"] == 0.75
    assert any("key #4" in m and "not found" in m for m in r["mismatches"])


def test_split_article_lowers_precision_only():
    pred = perfect()
    first, second = "为切实做好全市人防工程防汛工作，", "提高防汛综合应急处置能力。"
    pred[0]["body"] = first
    pred.insert(1, {"kind": "news", "title": None, "byline": None, "body": second})
    r = score(pred, KEY)
    assert (r["n_predicted"], r["n_matched"]) == (5, 4)
    assert r["precision"] == 0.8
    assert r["recall"] == 1.0
    assert r["f1"] == pytest.approx(2 * 0.8 / 1.8)
    assert any("predicted #2" in m for m in r["mismatches"])


def test_wrong_title_lowers_headline_accuracy():
    pred = perfect()
    pred[0]["title"] = "长葛市人防办"  # kicker taken for the title
    pred[3]["title"] = "图为工人在为切割机器除尘"  # null expected
    r = score(pred, KEY)
    assert r["f1"] == 1.0
    assert r["headline_accuracy"] == 0.5
    assert r["byline_accuracy"] == 1.0
    assert sum(m.startswith("title:") for m in r["mismatches"]) == 2


def test_wrong_byline_lowers_byline_accuracy():
    pred = perfect()
    pred[2]["byline"] = None
    r = score(pred, KEY)
    assert r["byline_accuracy"] == 0.75
    assert r["headline_accuracy"] == 1.0


def test_byline_and_jump_note_left_in_body_still_match():
    pred = perfect()
    pred[0]["body"] = "本报讯（孙彬）" + pred[0]["body"]
    pred[0]["byline"] = None
    pred[1]["body"] = "（上接第一版）\n" + pred[1]["body"]
    pred[1]["continued_from"] = "一"
    r = score(pred, KEY)
    assert r["f1"] == 1.0
    assert r["byline_accuracy"] == 0.75
    assert r["continuation_accuracy"] == 1.0


def test_short_body_rule():
    k = KEY[3]
    assert matches({"body": "河南金结新材料"}, k)
    assert not matches({"body": "河南"}, k)  # too short to count
    assert not matches({"body": "河南金结新材料公司"}, k)


def test_title_alternatives_are_accepted():
    key = [dict(KEY[0], title="规模以上工业增加值累计增长8.3%", title_alternatives=["甲乙"])]
    pred = [dict(perfect()[0], title="甲 乙")]
    assert score(pred, key)["headline_accuracy"] == 1.0


def test_order_is_kept_one_to_one():
    pred = perfect()
    swapped = [pred[1], pred[0], pred[2], pred[3]]
    r = score(swapped, KEY)
    assert r["n_matched"] == 3  # two articles out of order cannot both be matched
    duplicated = [pred[0], pred[0], pred[1], pred[2], pred[3]]
    assert score(duplicated, KEY)["n_matched"] == 4


def test_empty_cases():
    assert score([], [])["f1"] == 1.0
    r = score([], KEY)
    assert r["precision"] == r["recall"] == r["f1"] == 0.0
    assert r["headline_accuracy"] == 0.0


def test_combine_micro_averages():
    good = score(perfect(), KEY)
    bad = score(perfect()[:2], KEY)
    c = combine([good, bad])
    assert c["recall"] == 6 / 8
    assert c["precision"] == 1.0
    assert c["headline_accuracy"] == 6 / 8


# --- the answer keys themselves ---------------------------------------------------------


@pytest.mark.parametrize("stem", available_keys())
def test_key_is_well_formed(stem):
    data = load_key_file(stem)
    arts = data["articles"]
    assert arts
    starts = [norm(a["starts"]) for a in arts]
    for i, s in enumerate(starts):
        assert len(s) >= 12, (stem, i, s)
        others = starts[:i] + starts[i + 1 :]
        assert not any(o.startswith(s) or s.startswith(o) for o in others), (stem, s)
    assert load_key(stem) == arts


@pytest.mark.parametrize("stem", available_keys())
def test_key_agrees_with_seed_text(stem):
    """Every starts and printed string of the key occurs in the dump, in page order."""
    seed = SEEDS / f"{stem}.txt"
    assert seed.is_file(), f"{seed}: every answer key is for a seed dump in samples/pages/"
    page = re.sub(r"\s+", "", seed.read_text(encoding="utf-8")).replace("#", "")
    last = -1
    for a in load_key(stem):
        pos = page.find(norm(a["starts"]))
        assert pos > last, (stem, a["starts"])
        last = pos
        for field in ("title", "kicker", "subtitle", "byline"):
            if a[field] is not None:
                assert norm(a[field]) in page, (stem, field, a[field])
    # a page-order prediction cut at each key start scores perfectly
    cuts = [page.find(norm(a["starts"])) for a in load_key(stem)] + [len(page)]
    pred = [
        dict(a, body=page[cuts[n] : cuts[n + 1]], title=a["title"])
        for n, a in enumerate(load_key(stem))
    ]
    r = score(pred, load_key(stem))
    assert r["f1"] == 1.0 and r["headline_accuracy"] == 1.0, r["mismatches"]
