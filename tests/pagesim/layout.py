"""Compose a simulated OCR page dump, with its exact answer key, from article records.

Two dump styles, as the sample pages show them: "column" raw dumps (hard-wrapped narrow
columns, blank lines at column breaks even mid-sentence, headline groups usually printed
after their article's body), and "markdown"-like dumps (# headline first, ## subheads,
**bold** lead-ins, one paragraph a line); a "mixed" page has one area of each. Every
phenomenon a page or article shows is tagged, so scores can be broken down by phenomenon.

Everything is drawn from ``random.Random(seed)``: ``make_page(seed)`` is deterministic.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field

from . import texts
from .texts import ArticleRecord, Ctx

# Every tag make_page can put on a page (tests check that each one occurs).
PHENOMENA = {
    "style:column", "style:markdown", "style:mixed",
    "head_after", "head_before", "head_middle", "head_none",
    "kicker", "subtitle", "two_line_title", "vertical_title", "fake_bold_title",
    "credit:本报讯", "credit:本报讯_two_line", "credit:全媒体记者", "credit:融媒体记者",
    "credit:见习记者", "credit:首席记者", "credit:line", "credit:□记者", "credit:●记者",
    "credit:本报评论员", "credit:文/图", "credit:据新华社电", "credit:新华社", "credit:trailing",
    "credit:bare_name", "credit:来论", "credit:none", "spaced_name", "credit_top_of_body",
    "furniture:header", "furniture:editor", "furniture:daodu", "furniture:weather",
    "furniture:ad", "furniture:qr", "furniture:banner",
    "photo:untitled", "photo:titled", "photo:run", "photo:group",
    "photo_credit:name_摄", "photo_credit:paren", "photo_credit:本报记者", "photo_credit:本版摄影",
    "brief", "brief_column", "brief_titled", "table", "table_in_article", "fake_bold_table",
    "notice:启事", "notice:讣告", "notice:公告", "notice:更正",
    "interview", "commentary", "laigao", "jump_from", "jump_to",
    "letter_spacing", "digit_spacing", "indent", "cut_off", "dash_line_start",
    "subheads", "bold_leads", "halfwidth", "page_break_in_paragraph", "column_break",
}

MIN_W, MAX_W = 10, 24
NO_LINE_START = "，。、；：！？）”》,.;:!?)"


@dataclass
class Line:
    text: str
    role: str  # body | head | credit | noise | blank | table | signoff
    width: int | None = None  # the column width a wrapped body line was set to


@dataclass
class SimPage:
    """A simulated page: the dump, its answer key and its tags."""

    seed: int
    text: str
    key: list[dict]
    noise: list[str]
    style: str
    phenomena: set[str]
    lines: list[Line] = field(default_factory=list)


# ---------------------------------------------------------------------------------------
# Text effects
# ---------------------------------------------------------------------------------------

_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z]+|.", re.S)


def fake_bold(text: str) -> str:
    """OCR of faux-bold print: CJK runs printed twice, other characters doubled one by one
    (1.前三名 → 11..前三名前三名; spaces kept single)."""
    out = []
    for m in _WORD.finditer(text):
        tok = m.group()
        if tok.isspace():
            out.append(tok)
        elif len(tok) > 1 or "\u4e00" <= tok <= "\u9fff":
            out.append(tok + tok)
        else:
            out.append(tok * 2)
    return "".join(out)


def letter_space(text: str) -> str:
    """Justified spacing: a space between characters, numbers kept whole (日 均 20 余 条)."""
    return " ".join(re.findall(r"[0-9][0-9.%]*|.", text))


_DIGITS = re.compile(r"[0-9][0-9.]*%?")


def digit_space(text: str) -> str:
    """Spaces around numbers, as the column dumps print them (8 次, 6900 余条)."""
    return _DIGITS.sub(lambda m: f" {m.group()} ", text).strip(" ")


def spaced(name: str, on: bool) -> str:
    """A name letter-spaced for justification (向 炜) when ``on``."""
    return " ".join(name) if on and len(name) == 2 else name


# ---------------------------------------------------------------------------------------
# Credits
# ---------------------------------------------------------------------------------------

XINHUA_CITIES = ["北京", "郑州", "上海", "武汉", "西安", "广州", "成都", "南京", "长沙", "杭州"]


def choose_credit(rng: random.Random, ctx: Ctx, art: ArticleRecord) -> None:
    """Pick a printed credit form for art; sets credit, credit_text and the key byline."""
    sp = rng.random() < 0.12
    a, b = texts.person(rng), texts.person(rng)
    sa, sb = spaced(a, sp), spaced(b, sp)
    if sp and (len(a) == 2 or len(b) == 2):
        art.tags.add("spaced_name")
    k = art.kind
    if k == "news":
        form = rng.choices(
            ["bbx", "bbx_two", "line", "xinhua", "ju_xinhua", "trailing", "bare", "none"],
            [40, 8, 16, 7, 4, 8, 5, 6])[0]
    elif k == "interview":
        form = rng.choice(["line", "line", "bbx"])
    elif k == "brief":
        form = rng.choice(["brief_trail", "brief_trail", "brief_trail", "none"])
    else:
        form = "none"
    art.credit = form
    if form == "bbx":
        role = rng.choices(["记者", "全媒体记者", "融媒体记者", "见习记者", "首席记者", "通讯员"],
                           [40, 12, 12, 8, 8, 10])[0]
        with_b = role != "通讯员" and rng.random() < 0.5
        art.credit_text = f"本报讯（{role} {sa}" + (f" 通讯员 {sb}" if with_b else "") + "）"
        art.byline = f"本报讯（{role} {a}" + (f" 通讯员 {b}" if with_b else "") + "）"
        art.tags.add("credit:本报讯")
        if role in ("全媒体记者", "融媒体记者", "见习记者", "首席记者"):
            art.tags.add("credit:" + role)
    elif form == "bbx_two":
        role = rng.choice(["全媒体记者", "融媒体记者", "记者"])
        art.credit_text = f"本报讯\n{role} {sa} 报道"
        art.byline = f"本报讯 {role} {a} 报道"
        art.tags.update({"credit:本报讯_two_line"})
        if role != "记者":
            art.tags.add("credit:" + role)
    elif form == "line":
        kind = rng.choices(["本报记者", "首席", "见习", "融媒体", "□", "●", "文图", "two"],
                           [30, 8, 8, 10, 12, 8, 10, 14])[0]
        text, key = {
            "本报记者": (f"本报记者 {sa}", f"本报记者 {a}"),
            "首席": (f"本报首席记者 {sa}", f"本报首席记者 {a}"),
            "见习": (f"本报见习记者 {sa}", f"本报见习记者 {a}"),
            "融媒体": (f"融媒体记者 {sa}", f"融媒体记者 {a}"),
            "□": (f"□ 记者 {sa}", f"记者 {a}"),
            "●": (f"● 记者 {sa}", f"记者 {a}"),
            "文图": (f"文/图 {sa}", f"文/图 {a}"),
            "two": (f"本报记者 {sa} 通讯员 {sb}", f"本报记者 {a} 通讯员 {b}"),
        }[kind]
        art.credit_text, art.byline = text, key
        art.tags.add("credit:line")
        tag = {"首席": "credit:首席记者", "见习": "credit:见习记者", "融媒体": "credit:融媒体记者",
               "□": "credit:□记者", "●": "credit:●记者", "文图": "credit:文/图"}.get(kind)
        if tag:
            art.tags.add(tag)
    elif form == "xinhua":
        d = max(1, ctx.day - rng.randint(0, 2))
        city = rng.choice(XINHUA_CITIES)
        art.credit_text = f"新华社{city}{ctx.month}月{d}日电（记者 {sa}）"
        art.byline = f"新华社{city}{ctx.month}月{d}日电（记者 {a}）"
        art.tags.add("credit:新华社")
        if rng.random() < 0.5:
            art.title = None
    elif form == "ju_xinhua":
        art.credit_text = art.byline = "据新华社电"
        art.tags.add("credit:据新华社电")
    elif form == "trailing":
        with_b = rng.random() < 0.6
        art.credit_text = f"（记者 {sa}" + (f" 通讯员 {sb}" if with_b else "") + " 报道）"
        art.byline = f"记者 {a}" + (f" 通讯员 {b}" if with_b else "") + " 报道"
        art.tags.add("credit:trailing")
    elif form == "bare":
        art.credit_text = sa
        art.byline = a
        art.tags.add("credit:bare_name")
    elif form == "brief_trail":
        art.credit_text = f"（{sa}）"
        art.byline = a
    else:
        art.byline = None
        if k in ("news", "interview"):
            art.tags.add("credit:none")
    if k == "commentary":
        if "laigao" in art.tags:
            unit = rng.choice(list(texts.BUREAUS.values()))[0]
            art.credit, art.credit_text = "line", f"{sa}（{unit}）"
            art.byline = f"{a}（{unit}）"
            art.tags.add("credit:来论")
        else:
            art.credit, art.credit_text, art.byline = "line", "本报评论员", "本报评论员"
            art.tags.add("credit:本报评论员")


def choose_photo_credit(rng: random.Random, art: ArticleRecord, form: str | None = None) -> None:
    a, b = texts.person(rng), texts.person(rng)
    form = form or rng.choice(["names", "paren", "benbao"])
    if form == "names":
        both = rng.random() < 0.5
        art.credit_text = art.byline = f"{a} {b} 摄" if both else f"{a} 摄"
        art.tags.add("photo_credit:name_摄")
    elif form == "paren":
        art.credit_text = f"（{a} 摄）"
        art.byline = f"{a} 摄"
        art.tags.add("photo_credit:paren")
    elif form == "benbao":
        art.credit_text = art.byline = f"本报记者 {a} 摄"
        art.tags.add("photo_credit:本报记者")
    else:
        art.credit_text = art.byline = f"本版摄影：{a}"
        art.tags.add("photo_credit:本版摄影")
    art.credit = form


# ---------------------------------------------------------------------------------------
# Column flow: wraps text into a narrow column, with column breaks
# ---------------------------------------------------------------------------------------


class Flow:
    """Emits wrapped lines of one article; a column break (blank line) every few lines,
    after which the width may change (10–24)."""

    def __init__(self, rng: random.Random, opts: dict, art: ArticleRecord) -> None:
        self.rng, self.opts, self.art = rng, opts, art
        self.w = rng.randint(MIN_W, MAX_W)
        self.left = rng.randint(6, 40)
        self.lines: list[Line] = []

    def emit(self, text: str, role: str, width: int | None = None) -> None:
        self.lines.append(Line(text, role, width))
        if role in ("body", "table"):
            self.left -= 1
            if self.left <= 0:
                self.lines.append(Line("", "blank"))
                self.art.tags.add("column_break")
                self.left = self.rng.randint(6, 40)
                if self.rng.random() < 0.4:
                    self.w = max(MIN_W, min(MAX_W, self.w + self.rng.randint(-4, 4)))

    def paragraph(self, text: str, dash_break: bool = False) -> None:
        rng, opts = self.rng, self.opts
        indent = opts["indent"]
        pos, first = 0, True
        dash_at = text.find("——", 1) if dash_break else -1
        while pos < len(text):
            w = self.w - (2 if first and indent else 0)
            end = min(pos + w, len(text))
            if pos < dash_at < end:
                end = dash_at
                self.art.tags.add("dash_line_start")
            while end < len(text) and end - pos > 2 and text[end] in NO_LINE_START:
                end -= 1
            seg = text[pos:end]
            spaced_line = False
            if (opts["letter_spacing"] and end < len(text) and len(seg) > 6
                    and rng.random() < 0.06):
                end -= rng.randint(1, 3)
                seg = text[pos:end]
                spaced_line = True
                self.art.tags.add("letter_spacing")
            out = letter_space(seg) if spaced_line else seg
            if opts["digit_spacing"] and _DIGITS.search(out):
                out = digit_space(out)
                self.art.tags.add("digit_spacing")
            if first and indent:
                out = indent + out
                self.art.tags.add("indent")
            self.emit(out, "body", self.w)
            pos, first = end, False

    def blank(self) -> None:
        if self.lines and self.lines[-1].role != "blank":
            self.lines.append(Line("", "blank"))


# ---------------------------------------------------------------------------------------
# Headline groups
# ---------------------------------------------------------------------------------------


def head_lines(rng: random.Random, art: ArticleRecord, style: str, credit_in_head: bool,
               allow_vertical: bool) -> list[Line]:
    """Kicker, title (one line, two decks, vertical or fake-bold), subtitle, credit line."""
    out: list[Line] = []
    if art.kicker:
        out.append(Line(art.kicker, "head"))
        if style == "markdown" or rng.random() < 0.4:
            out.append(Line("", "blank"))
    if art.title:
        t = art.title
        if style == "markdown":
            out.append(Line("# " + t, "head"))
            out.append(Line("", "blank"))
        elif allow_vertical and len(t) <= 10 and " " not in t and rng.random() < 0.04:
            out.extend(Line(c, "head") for c in t)
            art.tags.add("vertical_title")
        elif len(t) >= 12 and rng.random() < 0.25:
            cut = t.index(" ") if " " in t else rng.randint(5, len(t) - 4)
            out.append(Line(t[:cut].strip(), "head"))
            out.append(Line(t[cut:].strip(), "head"))
            art.tags.add("two_line_title")
        elif rng.random() < 0.05:
            out.append(Line(fake_bold(t), "head"))
            art.tags.add("fake_bold_title")
        elif rng.random() < 0.04:
            out.append(Line(letter_space(t), "head"))
            art.tags.add("letter_spacing")
        else:
            out.append(Line(t, "head"))
    if art.subtitle:
        out.append(Line(art.subtitle, "head"))
        if style == "markdown":
            out.append(Line("", "blank"))
    if credit_in_head:
        out.append(Line(art.credit_text, "credit"))
    while out and out[-1].role == "blank":
        out.pop()
    return out


# ---------------------------------------------------------------------------------------
# Article rendering
# ---------------------------------------------------------------------------------------


def _printed_paragraphs(art: ArticleRecord, style: str) -> list[tuple[str, str]]:
    """(printed text, role) for each body paragraph: jump notes and glued credits added,
    markdown marks and fake-bold applied; role body | subhead | table | signoff."""
    out: list[tuple[str, str]] = []
    n = len(art.paragraphs)
    for i, p in enumerate(art.paragraphs):
        text, role = p, "body"
        if i in art.subheads:
            role = "subhead"
            if style == "markdown":
                text = "## " + text
        elif i in art.table_heads:
            role = "table"
            if "fake_bold_table" in art.tags:
                text = fake_bold(text)
        elif i in art.table_rows:
            role = "table"
        elif art.kind == "notice" and i >= n - 2:
            role = "signoff"
        elif i in art.bold_leads and style == "markdown":
            k = art.bold_leads[i]
            text = "**" + text[:k] + "**" + text[k:]
        out.append((text, role))
    # glued credits and jump notes
    first_body = next((j for j, (_, r) in enumerate(out) if r == "body"), 0)
    if art.credit in ("bbx", "xinhua", "ju_xinhua"):
        sep = "　" if art.credit == "ju_xinhua" else ""
        out[first_body] = (art.credit_text + sep + out[first_body][0], out[first_body][1])
    if art.continued_from:
        note = art.__dict__.get("jump_from_text", "（上接第一版）")
        out[first_body] = (note + out[first_body][0], out[first_body][1])
    last = max((j for j, (_, r) in enumerate(out) if r in ("body", "signoff")),
               default=len(out) - 1)
    if art.credit in ("trailing", "brief_trail", "paren"):
        out[last] = (out[last][0] + art.credit_text, out[last][1])
    if art.continues_on:
        note = art.__dict__.get("jump_to_text", "（下转第二版）")
        if art.__dict__.get("jump_to_own_line"):
            out.append((note, "body"))
        else:
            out[last] = (out[last][0] + note, out[last][1])
    if art.kind == "brief" and art.__dict__.get("bullet"):
        out[0] = ("●" + out[0][0], out[0][1])
    return out


def render_column(rng: random.Random, opts: dict, art: ArticleRecord, head: str,
                  credit_pos: str) -> list[Line]:
    """Lines of one article in a column dump. head: after | before | none."""
    flow = Flow(rng, opts, art)
    credit_in_head = art.credit == "line" and credit_pos == "head" and head != "none"
    heads = head_lines(rng, art, "column", credit_in_head, allow_vertical=True)
    if head == "before" and heads:
        flow.lines.extend(heads)
        flow.blank()
    if art.credit == "line" and not credit_in_head:
        flow.emit(" " + art.credit_text if rng.random() < 0.5 else art.credit_text, "credit")
        flow.blank()
        art.tags.add("credit_top_of_body")
    if art.credit == "bbx_two":
        for part in art.credit_text.split("\n"):
            flow.emit(part, "credit")
    paras = _printed_paragraphs(art, "column")
    dash_i = art.__dict__.get("dash_para", -1)
    for i, (text, role) in enumerate(paras):
        if role in ("subhead", "table", "signoff"):
            if role == "subhead" and " " in text and rng.random() < 0.7:
                for deck in text.split(" "):
                    flow.emit(deck, "subhead")
            else:
                flow.emit(text, role)
            if role == "subhead" or (i + 1 < len(paras) and paras[i + 1][1] != role):
                flow.blank()
            continue
        flow.paragraph(text, dash_break=(i == dash_i))
        flow.blank()
    if art.credit == "bare":
        flow.emit(art.credit_text, "credit")
        flow.blank()
    if art.kind == "photo" and art.credit in ("names", "benbao", "本版摄影"):
        # the credit: its own line, or at the end of the caption's last line
        while flow.lines and flow.lines[-1].role == "blank":
            flow.lines.pop()
        last = flow.lines[-1]
        room = (last.width or 0) - len(re.sub(r"\s", "", last.text))
        if rng.random() < 0.5 and art.credit != "本版摄影" and room >= len(art.credit_text):
            flow.lines[-1] = Line(last.text + " " + art.credit_text, last.role, last.width)
        else:
            flow.emit(art.credit_text, "credit")
        flow.blank()
    if head == "after" and heads:
        flow.blank()
        flow.lines.extend(heads)
    while flow.lines and flow.lines[-1].role == "blank":
        flow.lines.pop()
    return flow.lines


def render_markdown(rng: random.Random, opts: dict, art: ArticleRecord, head: str) -> list[Line]:
    """Lines of one article in a markdown-like dump. head: before | middle | none."""
    out: list[Line] = []
    heads = head_lines(rng, art, "markdown", art.credit == "line" and head != "none",
                       allow_vertical=False)
    if art.kind == "photo" and art.title:
        heads = [Line("## " + art.title, "head")]
    paras = _printed_paragraphs(art, "markdown")
    body: list[Line] = []
    if art.credit == "line" and head == "none":
        body += [Line(art.credit_text, "credit"), Line("", "blank")]
    if art.credit == "bbx_two":
        body.extend(Line(p, "credit") for p in art.credit_text.split("\n"))
        body.append(Line("", "blank"))
    for text, role in paras:
        if role == "body" and len(text) > 30 and rng.random() < 0.08:
            cut = rng.randint(10, len(text) - 10)
            body += [Line(text[:cut], "body"), Line("", "blank"), Line(text[cut:], "body")]
            art.tags.add("page_break_in_paragraph")
        else:
            body.append(Line(text, "body" if role != "table" else "table"))
        body.append(Line("", "blank"))
    if art.credit == "bare":
        body += [Line(art.credit_text, "credit"), Line("", "blank")]
    if art.kind == "photo" and art.credit in ("names", "benbao", "本版摄影"):
        body += [Line(art.credit_text, "credit"), Line("", "blank")]
    while body and body[-1].role == "blank":
        body.pop()
    if head == "middle" and heads:
        # the headline block lands inside a paragraph, mid-sentence
        cands = [j for j, ln in enumerate(body) if ln.role == "body" and len(ln.text) > 24]
        j = rng.choice(cands)
        t = body[j].text
        cut = rng.randint(8, len(t) - 8)
        out = [*body[:j], Line(t[:cut], "body"), Line("", "blank"), *heads, Line("", "blank"),
               Line(t[cut:], "body"), *body[j + 1:]]
        return out
    if heads:
        out.extend(heads)
        out.append(Line("", "blank"))
    return out + body


# ---------------------------------------------------------------------------------------
# Furniture
# ---------------------------------------------------------------------------------------

WEEKDAYS = "一二三四五六日"


def furniture(rng: random.Random, ctx: Ctx, what: str, page_no: int, section: str
              ) -> list[str]:
    """Lines of one piece of page furniture (all of it is noise)."""
    date = dt.date(ctx.year, ctx.month, ctx.day)
    if what == "header":
        return [rng.choice([
            f"{ctx.year}年{ctx.month}月{ctx.day}日 星期{WEEKDAYS[date.weekday()]} "
            f"第{page_no}版 {section}",
            f"第A{page_no:02d}版：{section}",
            f"{ctx.paper} {ctx.year}.{ctx.month:02d}.{ctx.day:02d} {section} 第{page_no}版",
        ])]
    if what == "banner":
        return [" " + texts.SECTION_PINYIN[section], section]
    if what == "editor":
        return [f"责任编辑：{texts.person(rng)} 校对：{texts.person(rng)} 美编：{texts.person(rng)}"
                if rng.random() < 0.6 else f"本版编辑：{texts.person(rng)}"]
    if what == "daodu":
        lines = [rng.choice(["导读", "要闻提示", "今日导读"])]
        for _ in range(rng.randint(2, 4)):
            t = texts.make_title(ctx, rng.choice(texts.TOPICS))
            lines.append(rng.choice([f"●{t} 第{rng.randint(2, 8)}版",
                                     f"{t} （{texts.cn_number(rng.randint(2, 8))}版）"]))
        return lines
    if what == "weather":
        return ["今日天气", f"{rng.choice(texts.WEATHER)} {rng.randint(-3, 15)}℃～"
                f"{rng.randint(16, 35)}℃ {rng.choice(texts.WINDS)}{rng.randint(1, 4)}级"]
    if what == "ad":
        p = texts.place(rng)
        return rng.choice([
            [f"{p}·{rng.choice(['悦府', '御园', '华庭', '新城'])} 火热认购中",
             f"咨询热线：0{rng.randint(370, 399)}-{rng.randint(6000000, 6999999)}"],
            [f"{p}家电 以旧换新 补贴最高{rng.randint(5, 20)}00元",
             f"地址：{texts.place(rng)}路{rng.randint(1, 300)}号"],
        ])
    if what == "qr":
        return rng.choice([[f"扫码关注{ctx.paper}微信公众号"], ["扫一扫 看视频"],
                           [f"{ctx.paper}客户端", "扫码下载"]])
    raise ValueError(what)


# ---------------------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------------------


def _key_entry(art: ArticleRecord) -> dict:
    body = "\n\n".join(art.paragraphs)
    if art.kicker:
        art.tags.add("kicker")
    if art.subtitle:
        art.tags.add("subtitle")
    kind = "news" if art.kind == "commentary" else art.kind
    return {
        "kind": kind,
        "kicker": art.kicker,
        "title": art.title,
        "subtitle": art.subtitle,
        "byline": art.byline,
        "starts": re.sub(r"\s+", "", body)[:12],
        "continued_from": art.continued_from,
        "continues_on": art.continues_on,
        "body": body,
        "phenomena": sorted(art.tags),
    }


def _plan(rng: random.Random, ctx: Ctx, page_no: int) -> list[list[ArticleRecord]]:
    """The page's units: each a list of records printed together (a brief column or a
    photo run is one unit of several articles)."""
    n = rng.randint(3, 9)
    units: list[list[ArticleRecord]] = []
    total = 0
    while total < n:
        what = rng.choices(
            ["news", "briefs", "interview", "photo", "photo_run", "photo_group", "table",
             "notice", "commentary", "laigao"],
            [46, 8, 6, 9, 3, 3, 4, 5, 4, 2])[0]
        if what == "briefs":
            k = min(rng.randint(2, 4), max(1, n - total))
            unit = [texts.make_article(ctx, "brief") for _ in range(k)]
        elif what == "photo_run":
            unit = [texts.make_article(ctx, "photo") for _ in range(rng.randint(2, 3))]
        elif what == "laigao":
            unit = [texts.make_article(ctx, "laigao")]
            unit[0].tags.add("laigao")
        else:
            unit = [texts.make_article(ctx, what)]
            if what == "photo_group":
                unit[0].tags.add("photo:group")
        if what == "photo_run":
            for a in unit:
                a.tags.add("photo:run")
        if what == "briefs":
            for a in unit:
                a.tags.add("brief_column")
        units.append(unit)
        total += len(unit)
    return units


def _decorate(rng: random.Random, ctx: Ctx, art: ArticleRecord, page_no: int,
              style: str) -> None:
    """Per-article phenomena: kicker, subtitle, credit, jumps, cut-off text, dashes …"""
    if art.kind == "news":
        if rng.random() < 0.3:
            art.kicker = texts.make_kicker(ctx, art.topic)
        if rng.random() < 0.15:
            art.subtitle = texts.make_subtitle(ctx, art.topic)
        if rng.random() < 0.06 and len(art.paragraphs) >= 2:
            art.paragraphs[-2] += "现将具体情况通报如下："
            tail = art.paragraphs.pop()
            texts.add_table(ctx, art, with_groups=rng.random() < 0.5)
            art.paragraphs.append(tail)
            if rng.random() < 0.6:
                art.tags.add("fake_bold_table")
        if style == "markdown" and rng.random() < 0.12 and len(art.paragraphs) >= 3:
            for i in range(1, len(art.paragraphs)):
                if i in art.subheads or i in art.table_heads or i in art.table_rows:
                    continue
                if rng.random() < 0.6:
                    lead = texts.place(rng) + rng.choice(["县", "区", "镇"]) + "："
                    art.paragraphs[i] = lead + art.paragraphs[i]
                    art.bold_leads[i] = len(lead)
            if art.bold_leads:
                art.tags.add("bold_leads")
    if art.kind == "table" and rng.random() < 0.5:
        art.tags.add("fake_bold_table")
    if art.kind == "interview":
        art.tags.add("interview")
        if rng.random() < 0.3:
            art.kicker = texts.fill(ctx, rng.choice(texts.COLUMN_LABELS), art.topic)
    if art.kind == "commentary":
        art.tags.add("commentary")
        if "laigao" in art.tags:
            art.kicker = "来论"
    if art.kind == "brief":
        art.tags.add("brief")
        if art.title:
            art.tags.add("brief_titled")
    if art.kind == "photo":
        if "photo:group" not in art.tags and "photo:run" not in art.tags:
            if rng.random() < 0.45:
                art.title = rng.choice(texts.PHOTO_TITLES)
                art.tags.add("photo:titled")
            else:
                art.tags.add("photo:untitled")
        elif "photo:group" in art.tags:
            art.title = rng.choice(texts.PHOTO_TITLES)
        choose_photo_credit(rng, art, "本版摄影" if "photo:group" in art.tags
                            and rng.random() < 0.5 else None)
    else:
        choose_credit(rng, ctx, art)
    if art.kind == "news":
        if page_no == 1 and rng.random() < 0.2:
            art.continues_on = rng.randint(2, 8)
            art.__dict__["jump_to_text"] = rng.choice(
                [f"（下转第{texts.cn_number(art.continues_on)}版）",
                 f"（下转{art.continues_on}版）"])
            art.__dict__["jump_to_own_line"] = rng.random() < 0.5
            art.tags.add("jump_to")
        elif page_no > 1 and rng.random() < 0.1:
            art.continued_from = 1
            art.__dict__["jump_from_text"] = rng.choice(["（上接第一版）", "（上接第1版）"])
            art.kicker = art.subtitle = None
            if art.credit not in ("none",):
                art.credit, art.credit_text, art.byline = "none", "", None
            art.tags.discard("spaced_name")
            art.tags = {t for t in art.tags if not t.startswith("credit:")}
            art.tags.add("jump_from")
            if art.title is None:
                art.title = texts.make_title(ctx, art.topic)
    if art.kind in ("news", "interview", "commentary") and rng.random() < 0.07:
        cands = [i for i, p in enumerate(art.paragraphs)
                 if i not in art.subheads | art.table_heads | art.table_rows and len(p) > 30]
        if cands:
            i = rng.choice(cands)
            art.paragraphs[i] += rng.choice([
                "一组数字见证着变化——", "这背后是一个朴素的道理——", "群众的评价最实在——"])
            art.paragraphs[i] += texts.fill(ctx, "今年以来，当地已累计服务群众{n2}人次。",
                                            art.topic)
            art.__dict__["dash_para"] = i
    if art.kind in ("news", "commentary") and rng.random() < 0.05 and art.paragraphs:
        i = rng.randrange(len(art.paragraphs))
        p = art.paragraphs[i]
        if (len(p) > 24 and i not in art.subheads | art.table_heads | art.table_rows
                and i != art.__dict__.get("dash_para")):
            cut = rng.randint(12, len(p) - 6)
            while cut > 12 and p[cut - 1] in "。，；：！？”":
                cut -= 1
            art.paragraphs[i] = p[:cut]
            art.tags.add("cut_off")


def _halfwidth(art: ArticleRecord) -> None:
    h = texts.to_halfwidth
    art.paragraphs = [h(p) for p in art.paragraphs]
    for f in ("title", "kicker", "subtitle", "byline", "credit_text"):
        v = getattr(art, f)
        if v:
            setattr(art, f, h(v))
    for f in ("jump_to_text", "jump_from_text"):
        if f in art.__dict__:
            art.__dict__[f] = h(art.__dict__[f])
    # bold lead-ins keep their length (one-to-one translation)


def make_page(seed: int) -> SimPage:
    """The simulated page for ``seed`` (deterministic)."""
    rng = random.Random(seed)
    year = rng.randint(2018, 2025)
    month, day = rng.randint(1, 12), rng.randint(8, 28)
    city = texts.place(rng)
    paper = city + rng.choice(["日报", "晚报", "日报", "都市报"])
    ctx = Ctx(rng, year, month, day, city, paper)
    page_no = rng.choice([1, 1, 2, 3, 4, 5, 6, 7, 8])
    section = "要闻" if page_no == 1 else rng.choice(texts.SECTIONS[1:])
    style = rng.choices(["column", "markdown", "mixed"], [50, 30, 20])[0]
    page_tags = {f"style:{style}"}
    opts = {
        "indent": rng.choice(["", "", "　　", "  "]),
        "letter_spacing": rng.random() < 0.5,
        "digit_spacing": rng.random() < 0.5,
    }
    head_default = "after" if rng.random() < 0.65 else "before"
    credit_pos = "head" if rng.random() < 0.6 else "top"
    halfwidth = rng.random() < 0.4

    units = _plan(rng, ctx, page_no)
    split = rng.randint(1, max(1, len(units) - 1))
    first_style = rng.choice(["column", "markdown"])
    out_lines: list[Line] = []
    key: list[dict] = []
    noise: list[str] = []
    blocks: list[tuple[list[Line], list[ArticleRecord]]] = []

    for ui, unit in enumerate(units):
        if style == "mixed":
            ustyle = first_style if ui < split else {"column": "markdown",
                                                     "markdown": "column"}[first_style]
        else:
            ustyle = style
        lines: list[Line] = []
        for art in unit:
            _decorate(rng, ctx, art, page_no, ustyle)
        if ustyle == "markdown" and halfwidth:
            for art in unit:
                _halfwidth(art)
                art.tags.add("halfwidth")
        if unit[0].kind == "brief" and "brief_column" in unit[0].tags:
            label = rng.choice(["简讯", "简明信息", "本地简讯", "新闻速览"])
            lines += [Line(("## " if ustyle == "markdown" else "") + label, "noise"),
                      Line("", "blank")]
            noise.append(label)
        for art in unit:
            if art.kind == "brief" and not art.title:
                art.__dict__["bullet"] = rng.random() < 0.7
            if ustyle == "column":
                if art.kind in ("photo", "table", "notice") or (
                        art.kind == "brief" and art.title):
                    head = "before"
                elif art.kind == "commentary":
                    head = "before" if rng.random() < 0.7 else "after"
                else:
                    head = head_default if rng.random() > 0.08 else (
                        {"after": "before", "before": "after"}[head_default])
                if not (art.title or art.kicker or art.subtitle):
                    head = "none"
                art_lines = render_column(rng, opts, art, head, credit_pos)
            else:
                head = "before"
                if (art.kind in ("news", "interview") and art.title and rng.random() < 0.1
                        and any(len(p) > 24 for p in art.paragraphs)):
                    head = "middle"
                if not (art.title or art.kicker or art.subtitle):
                    head = "none"
                art_lines = render_markdown(rng, opts, art, head)
            art.tags.add("head_" + head)
            lines += art_lines
            lines.append(Line("", "blank"))
        blocks.append((lines, unit))

    # furniture
    pieces: list[tuple[str, list[str]]] = []
    for what, p in (("banner", 0.35), ("editor", 0.4), ("weather", 0.12), ("ad", 0.2),
                    ("qr", 0.3)):
        if rng.random() < p:
            pieces.append((what, furniture(rng, ctx, what, page_no, section)))
    if page_no == 1 and rng.random() < 0.6:
        pieces.append(("daodu", furniture(rng, ctx, "daodu", page_no, section)))
    header = furniture(rng, ctx, "header", page_no, section) if rng.random() < 0.5 else None

    # Assemble: header at the top, banner near the top, other furniture between blocks.
    slots: dict[int, list[tuple[str, list[str]]]] = {}
    for what, lines in pieces:
        pos = 0 if what == "banner" else rng.randint(0, len(blocks))
        if what == "editor":
            pos = rng.choice([0, len(blocks)])
        slots.setdefault(pos, []).append((what, lines))
    if header:
        out_lines += [Line(header[0], "noise"), Line("", "blank")]
        noise.append(header[0])
        page_tags.add("furniture:header")
    for bi in range(len(blocks) + 1):
        for what, lines in slots.get(bi, []):
            out_lines += [Line(t, "noise") for t in lines] + [Line("", "blank")]
            noise.append(" ".join(t.strip() for t in lines))
            page_tags.add("furniture:" + what)
        if bi < len(blocks):
            lines, unit = blocks[bi]
            out_lines += lines
            for art in unit:
                key.append(_key_entry(art))

    # collapse runs of blank lines (a dump has single blank lines between blocks)
    final: list[Line] = []
    for ln in out_lines:
        if ln.role == "blank" and (not final or final[-1].role == "blank"):
            continue
        final.append(ln)
    while final and final[-1].role == "blank":
        final.pop()
    text = "\n".join(ln.text for ln in final) + "\n"

    phen = set(page_tags)
    for k in key:
        phen.update(k["phenomena"])
    return SimPage(seed, text, key, noise, style, phen, final)
