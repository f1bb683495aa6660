"""Raw page text to classified lines: repair every line, put back what the printing
broke across lines (mend.py), classify each line, splitting those that print several
parts (parts.py), and mark what only a line's neighbours give away: the page's furniture
(a masthead's date, a box's continuation lines, a teaser's second line, a site's menu),
a wrapped subtitle or lead credit, a list of the page's titles. Pure functions on lines;
the blocks and the articles are built from what this returns (blocks.py, segment.py).
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left
from collections import Counter
from itertools import accumulate, islice, pairwise, takewhile

from generator.ingest.lines import (
    AUTHOR_UNIT_RE,
    BOX_LABEL_RE,
    BULLET_MARKS,
    BULLETS,
    CIRCLED_NUMBER,
    CLAUSE_PUNCT_RE,
    CONT_RE,
    CONTINUING,
    CREDIT_RE,
    CREDITED_NAME,
    INDEX_HEADER_RE,
    LEAD_RE,
    NOTICE_TITLE_RE,
    PAPER,
    POSTED_AT_RE,
    ROLE,
    ROLE_WORD_RE,
    SHORT_PAPER_ROLE,
    SHOT_ENDS,
    SIGN_OFF_DATE_RE,
    SOURCE_AND_TIME_RE,
    SPACED_NAME,
    SURNAMES,
    TEXT_AND_PHOTO_RE,
    WEB_META_RE,
    WRAPPED_WIDTH,
    Kind,
    Line,
    bare_dateline,
    bullet_title,
    byline_line,
    classify,
    display_width,
    ends_sentence,
    index_header,
    is_byline,
    noise_reason,
    opens_sentence,
    unbalanced,
    web_page_reason,
)
from generator.ingest.mend import BARE_NAME_RE, Pair, mend_lines
from generator.ingest.parts import (
    BOXED_NAME_THEN_TEXT_RE,
    BOXED_TAIL_RE,
    GLUED_NAME_RE,
    SUBJECT_AGAIN,
    TITLE_CREDIT_RE,
    column_then_title,
    head_line_parts,
    names_after_stop,
    regroup_signature,
    spaced_brief_title,
    split_glued_name,
    split_tails,
    title_then_lead,
    titled_lead,
    trailing_byline,
)
from generator.ingest.repair import (
    repair_line,
    repair_lines,
)

TAIL_ENDS = frozenset("摄道）)")  # lines that may end with a credit, signature or jump note
# A phone paper's pointer to the full story, inside a line before its credit: …干劲。
# (详见 http://m.example.cn/article/530112 )(本报评论员).
LINK_NOTE_RE = re.compile(
    r"\s*[（(]\s*(?:详见|详情见|全文见|更多详见)[：:]?\s*(?:https?://|www\.)[^\s（）()]+\s*[）)]")
READ_MORE_RE = re.compile(r"[【\[](?:阅读详情|阅读全文|查看详情|详情|详细|全文)[】\]]$")
# A bar a space after a paragraph's end: an e-paper site's table cell closing its text.
CELL_END_RE = re.compile(r"(?<=\S)\s+[|｜]\s*$")
PHOTO_BY_TAIL = 16  # characters: how near a line's end 摄影 X may stand
# A caption's last sentence, then its photographer (…麦田管理。摄影 刘 川, names glued by
# repair); not a sentence about photography (…。摄影展将持续到月底).
PHOTO_BY_TAIL_RE = re.compile(
    rf"(?<=[。！？”])\s*(摄影[：:]?\s*(?!展|比赛|大赛|作品|爱好|活动|节|师|家|征)"
    rf"(?:(?:{ROLE}\s*)?[\u4e00-\u9fff·](?:\s?[\u4e00-\u9fff·]){{1,3}}\s*)+)$")
# …or after 图/, the photographer of the caption's picture: …挂号。图/某某晨报记者 周澜.
PHOTO_SLASH_TAIL_RE = re.compile(
    rf"(?<=[。！？”])\s*(图\s*[/／]\s*(?:{ROLE}\s*)?{CREDITED_NAME})$")
# …and who provided the picture, after its caption: …滑下。 供图 某县融媒体中心, …。市委宣传部供图.
PROVIDED_TAIL_RE = re.compile(
    r"(?<=[。！？”])\s*((?:[\u4e00-\u9fff]{2,14}\s*供图|供图\s*[：:/／]?\s*[\u4e00-\u9fff]{2,14}))$")


# Who signs a letter or a note, set right under its last sentence after a dash and
# pushed to the right (            ——本报编辑部): no subtitle stands under a sentence.
SIGN_OFF_RE = re.compile(  # (—晓言: one dash; not ——题记, which marks an epigraph)
    r"^——?\s*(?!题记$)(?P<name>[\u4e00-\u9fff·]{2,8})$")
NAME_MAX = 4  # characters: a writer's name or pen name


# A metro paper's short name before 记者 and a letter-spaced name, nothing else on the line
# (快报记者 田 甜, ■快报记者 顾 然 通讯员 栖 宣, 南都记者 何 沛 摄): a credit, as printed.
# Closing up the letter-spacing glues the name to the role (快报记者田甜), which a line of
# text can look like (大批记者前往); before it, the spaced letters tell them apart.
SPACED_SHORT_CREDIT_RE = re.compile(
    rf"^[{BULLET_MARKS}]?\s*{SHORT_PAPER_ROLE} {SPACED_NAME}"
    rf"(?: (?:通讯员|实习生|记者) (?:{SPACED_NAME}|[\u4e00-\u9fff·]{{2,5}}))*(?: 摄| 报道)?$")


# Two or three letters spaced out alone on a line (旺 堆, 李 晓 舟): a name as a byline
# prints it, under the title of a commentary or an essay.
SPACED_NAME_LINE_RE = re.compile(r"^[\u4e00-\u9fff](?: [\u4e00-\u9fff]){1,2}$")


def name_under_title(out: list[Line], raw_above: str) -> bool:
    """Is the line above a title, so that spaced letters under it are its writer's name?
    A line of text that ends no sentence, itself not spaced out (漾 水 河 畔 / 春 意 浓 is
    one title) and not a credit (…摄 / 转 场: a photo's title under its credit); or a
    ——subtitle, a blank line between or not (• 标题 / ——副题 / 王 海 鸥, on a web page)."""
    above = out[-1] if out else None
    if above is not None and above.kind is Kind.BLANK:
        above = next((ln for ln in reversed(out) if ln.kind is not Kind.BLANK), None)
        return above is not None and above.kind is Kind.SUBTITLE
    return above is not None and (above.kind is Kind.SUBTITLE or (
        above.kind is Kind.TEXT and not above.terminal
        and len(above.text) >= TITLE_UNDER_NAME_MIN and above.text[-1] not in "摄" + CONTINUING
        and "  " not in raw_above and not SPACED_LETTERS_RE.search(raw_above.strip())))


def name_after_text(out: list[Line], pairs: list[tuple[int, str, str]], k: int) -> bool:
    """Do spaced letters on line k stand alone under a finished sentence (…开放。/ 马 奔 /
    blank, or the next brief's bullet), as a brief's writer signs it?"""
    above = next((ln for ln in reversed(out) if ln.kind is not Kind.BLANK), None)
    return above is not None and above.kind is Kind.TEXT and above.terminal \
        and paragraph_ends(pairs, k)


def paragraph_ends(pairs: list[tuple[int, str, str]], k: int) -> bool:
    """Does the paragraph end on line k: a blank line, the next brief's bullet or the
    page's end under it?"""
    below = pairs[k + 1][2] if k + 1 < len(pairs) else ""
    return not below or below[0] in BULLETS


TITLE_UNDER_NAME_MIN = 4  # characters: no label (编辑 / 杨 帆: the page's editor)
SPACED_LETTERS_RE = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff](?: |$)")


ITALIC_WHOLE_RE = re.compile(r"^\*[^*\s][^*]{3,}[^*\s]\*$")  # a line in italics, as a whole
BOLD_WHOLE_RE = re.compile(r"^\*\*[^*\s][^*]{0,40}[^*\s]\*\*$")  # …or in bold


def prepare_lines(page: str, markdown: bool) -> list[Line]:
    """Repair and classify every line of a page; undo vertical headlines and split glued tails."""
    raw_lines = page.split("\n")
    pairs = [(no, raw, line)
             for no, (raw, line) in enumerate(zip(raw_lines, repair_lines(page), strict=True),
                                              start=1)]
    dotted = "·" in page or "•" in page  # a box of ·links may be on the page
    translated = "Photo" in page and "摄" in page  # a caption in English under its credit
    provided = "供图" in page  # a caption may end on who provided its picture
    pairs = mend_lines(page, pairs)
    out: list[Line] = []
    bold: set[int] = set()  # lines printed in bold as a whole
    for k, (no, raw, text) in enumerate(pairs):
        trailer = None  # what the page printed after the line's text, as noise
        if markdown and text[:1] == "*" and ITALIC_WHOLE_RE.match(text):
            text = text[1:-1].strip()  # *3月9日，游客在…拍照。 记者 X 摄*: a caption in italics
        elif not markdown and text[:2] == "**" and BOLD_WHOLE_RE.match(text):
            text = text[2:-2].strip()  # **李花节带旺乡村游** on a page of text: its marks off
            bold.add(no)  # …its type kept: 宜城百姓 / **小巷里的修鞋铺** are kicker and title
        if "http" in text and (note := LINK_NOTE_RE.search(text)) and note.start():
            text = text[:note.start()] + text[note.end():]  # …干劲。(详见 http://…)(本报评论员)
            printed = LINK_NOTE_RE.search(raw)
            link = (printed or note).group().strip()
            raw = raw.replace(link, "")
            trailer = Line(no, link, Kind.NOISE, display_width(link), reason="link")
        if text and text[-1] in "】]" and (more := READ_MORE_RE.search(text)) and more.start():
            text = text[:more.start()].rstrip()  # …沿途欣赏湖光春色。【阅读详情】: a link
            trailer = Line(no, more.group(), Kind.NOISE, display_width(more.group()), reason="link")
        elif text and text[-1] in "|｜" and (cell := CELL_END_RE.search(raw)) \
                and text.count("|") + text.count("｜") == 1:
            text = text[:-1].rstrip()  # …巩固治理成效。 |: a web table's cell closed after it
            bar = cell.group().strip()
            trailer = Line(no, bar, Kind.NOISE, display_width(bar), reason="page markup")
        if text[:1] == "—" and (sign_off := SIGN_OFF_RE.match(text)) and out \
                and out[-1].terminal and ((raw[:2].isspace() and text[1] == "—")
                                          or len(sign_off["name"]) <= NAME_MAX):
            # ——本报编辑部 set right, or a writer's name under the text's last sentence
            # (——海风): no subtitle is a name, nor stands under a full stop
            out.append(Line(no, text, Kind.SIGNATURE, display_width(text)))
        elif text[:1] in "©原" and (dated := DATED_CREDIT_RE.match(text)) \
                and is_byline(dated["credit"]):
            # ©原创   2025-11-20 19:42   某某融媒体中心 记者 X: the site's data, then the byline
            out += data_then_byline(no, dated)
        elif "来源" in text and "作者" not in text and (sourced := SOURCED_CREDIT_RE.match(text)) \
                and is_byline(sourced["credit"]) and web_page_reason(sourced["meta"]) \
                and not lead_follows(pairs, k) \
                and not credited_in_story(sourced["credit"].split(" "), pairs, k):
            # 2026年03月13日 08:30:00 来源:缙云报 记者 X 通讯员 Y: the data, then the byline
            out += data_then_byline(no, sourced)
        elif "作者" in text and (between := author_amid(text, raw)) and not lead_follows(pairs, k) \
                and (between[0].rstrip("：: ") != "作者"  # (作者：记者 X　来源：…, the field first)
                     or not credited_in_story(between[1].split(" "), pairs, k)):
            # 来源：某某日报 作者：记者 何婉婷 发布时间：…: a reporter named among the data
            before, field, after = between  # (作者：记者 X　来源：…: nothing before it)
            out += [Line(no, part, kind, display_width(part), reason=reason)
                    for part, kind, reason in ((before, Kind.NOISE, "page header"),
                                               (field, Kind.BYLINE, ""),
                                               (after, Kind.NOISE, "page header")) if part]
        elif "作者" in text and (field := AUTHOR_FIELD_RE.search(text)) and (
                is_byline(byline := (field.group("field") or "").strip())
                or author_named(field) or authors_of_text(field, text, pairs, k)):
            if field.group("named"):  # 作者 苏蔓: an author's line, as 记者 X is a reporter's
                out.append(Line(no, text, Kind.BYLINE, display_width(text)))
            else:  # 作者：记者 费扬, alone or after the page's time and source
                meta = text[:field.start("field")].rstrip()
                out += [Line(no, meta, Kind.NOISE, display_width(meta), reason="page header"),
                        Line(no, byline, Kind.BYLINE, display_width(byline))]
                if field.group("source"):  # …《某某日报》（2026年01月20日 02版）: where it ran
                    source = field.group("source").strip()
                    trailer = Line(no, source, Kind.NOISE, display_width(source),
                                   reason="page header")
        elif text.find("来源", 4) >= 0 and (sourced := TITLE_SOURCE_RE.match(text)):
            source = sourced.group("source")  # 孝感市启动春季植树行动来源：孝感日报
            out += [classify(no, sourced.group("title"), markdown),
                    Line(no, source, Kind.NOISE, display_width(source), reason="page header")]
        elif ("摄影" in text or "图/" in text or "图／" in text) \
                and (by := photo_credit_tail(text)):
            out += text_and_credit(no, text[:by.start(1)].rstrip(), by.group(1), markdown)
            # …管理。摄影 刘 川, …挂号。图/某某晚报记者 X
        elif provided and "供图" in text[-20:] and (given := PROVIDED_TAIL_RE.search(text)):
            # …从沙坨上滑下。 供图 某县融媒体中心: the caption, then who provided the picture
            out += text_and_credit(no, text[:given.start(1)].rstrip(), given.group(1), markdown)
        elif text[-1:] == "摄" and ("  " in raw or "\u3000" in raw) \
                and (heads := head_line_parts(raw, no)):
            out += heads  # 信江新绿　　　鹰潭日报 周 平/摄: a photo's title, its credit beside it
        elif text[-1:] == "摄" and (titled := TITLE_CREDIT_RE.match(raw.strip())) \
                and not ROLE_WORD_RE.search(titled.group("title")):
            out += text_and_credit(no, repair_line(titled.group("title")),
                                   repair_line(titled.group("credit")), markdown)
        elif text and text[-1] in TAIL_ENDS:
            text = regroup_signature(raw, text) if " " in raw[-12:] else text
            first, *tails = split_tails(text)
            titled = title_then_lead(first, raw) if tails and " " in first else None
            out += titled_lead(out, no, *titled) if titled else [classify(no, first, markdown)]
            out.extend(classify(no, part, markdown) for part in tails)
        elif not text or (" " not in raw and "\u3000" not in raw and "|" not in text
                          and "｜" not in text and "丨" not in text):
            out.append(classify(no, text, markdown))  # most lines: nothing printed apart
        elif "记者 " in raw[:12] and SPACED_SHORT_CREDIT_RE.match(raw.strip()):
            out.append(byline_line(no, text, display_width(text)))  # 快报记者 田 甜
        elif len(raw) > 6 and " " in raw[-5:-1] and (glued := GLUED_NAME_RE.match(raw.rstrip())) \
                and (" " not in glued.group("name") or paragraph_ends(pairs, k)):
            # '…解决。 秦玉' as printed; spaced out (…闭馆。 沈 丹), only where the paragraph
            # ends, not a first name whose second is wrapped onto the next line (王 晨 / 陶 然)
            out.extend(split_glued_name(no, text, markdown))
        elif len(raw) > 8 and (names := names_after_stop(raw)) \
                and (at := re.search(r"\s*".join(map(re.escape, names.replace(" ", ""))) + "$",
                                     text)):
            out += [classify(no, text[:at.start()], markdown),  # …17处。 金雯 周立新
                    Line(no, names, Kind.SIGNATURE, display_width(names))]
        elif raw.lstrip()[:1] in "□■" and (boxed := BOXED_NAME_THEN_TEXT_RE.match(raw.strip())) \
                and not ROLE_WORD_RE.search(boxed.group("name")):
            name, rest = boxed.group("name").replace(" ", ""), repair_line(boxed.group("rest"))
            out += [Line(no, name, Kind.BYLINE, display_width(name)),  # □黄晓岚  老屋的…
                    classify(no, rest, markdown)]
        elif ("  " in raw or "\u3000" in raw) and (heads := head_line_parts(raw, no)):
            out += heads  # 标题 ——副题   □记者 X: an e-paper's headline group on one line
        elif " " in text and (group := column_then_title(text)):
            out += [Line(no, part, kind, display_width(part)) for part, kind in group]
        elif " " in text and (parts := title_then_lead(text, raw)):
            out += titled_lead(out, no, *parts)  # 各地抢抓农时推进春耕备耕   新华社北京3月11日电 …
        elif raw[:1] and raw[0] in BULLETS and (parts := spaced_brief_title(
                raw, pairs[k + 1][2] if k + 1 < len(pairs) else "")):
            title, rest = parts  # ●枣香村开设农民夜校 3月10日晚，… (repair drops that space)
            out += [Line(no, title, Kind.TEXT, display_width(title), bullet=True),
                    Line(no, rest, Kind.LEAD, display_width(rest))]
        elif "记者" in raw[-16:] and (byline := trailing_byline(raw, text)):
            out += [classify(no, text[:-len(byline)], markdown),  # …十来块。 本报记者 邵 宁
                    Line(no, byline, Kind.BYLINE, display_width(byline))]
        elif ("|" in text or "｜" in text) and (barred := BARRED_CREDIT_RE.match(text)) \
                and classify(no, "：".join(barred.groups()), markdown).kind is Kind.CREDIT:
            credit = text.lstrip(BULLET_MARKS + " ")  # ▲摄影｜记者 廖 斌: a picture's credit
            out.append(Line(no, credit, Kind.CREDIT, display_width(credit)))
        elif ("|" in text or "｜" in text or "丨" in text) and (bar := KICKER_BAR_RE.match(text)):
            # 区县观察 | 让山城步道“热”得更久
            out.extend(classify(no, part, markdown) for part in bar.groups())
        elif ("□" in text or "■" in text) and (boxed := BOXED_TAIL_RE.match(text)) \
                and not ends_sentence(boxed.group("title")):
            title, name = boxed.group("title"), boxed.group("name").replace(" ", "")
            out += [classify(no, title, markdown),  # 芒果走得远，靠的是品牌□蓝 岚
                    Line(no, name, Kind.BYLINE, display_width(name))]
        elif " " in raw and SPACED_NAME_LINE_RE.match(raw.strip()) \
                and name_under_title(out, pairs[k - 1][1] if k else ""):
            out.append(Line(no, text, Kind.BYLINE, display_width(text)))  # title / 旺 堆
        elif " " in raw and SPACED_NAME_LINE_RE.match(raw.strip()) and text[0] in SURNAMES \
                and name_after_text(out, pairs, k):
            out.append(Line(no, text, Kind.SIGNATURE, display_width(text)))  # …开放。/ 马 奔
        else:
            out.append(classify(no, text, markdown))
        if trailer:
            out.append(trailer)
    out = extend_boxes(hotlines_in_text(mark_bare_names(unlist_authors(
        bullet_titles(stars_in_stories(labels_in_text(numbered_titles(item_numbers(out)))),
                      markdown)))))
    if dotted:
        out = link_runs(out)
    if translated:
        out = translated_captions(out)
    if markdown:
        ranks = heading_ranks(out, raw_lines)
        out = repeated_titles(kicker_ranks(top_rank_headings(out, ranks), ranks))
        out = labels_over_headings(wrapped_headings(out))
    if "|" in page or "｜" in page:  # one search rules most pages out
        out = repeated_banners(out)
    if "\n\u3000\u3000" in page:  # a web page that indents its paragraphs
        mark_indents(out, raw_lines)
    mark_emphasis(out, raw_lines)
    for ln in out if bold else ():
        ln.emphasized = ln.emphasized or ln.no in bold
    if "•" in page and ("..." in page or "…" in page):  # one search rules most pages out
        teaser_index(out, raw_lines)
    menu_runs(out)
    if "作者" in page:  # one search rules most pages out
        out = author_fields(out)
    if "记者：" in page or "记者:" in page:
        out = staff_credits(out)
    if "来源" in page:  # one search rules most pages out
        out = source_fields(out)
        out = summaries(out)
    if "摄" in page and ("▲" in page or "◆" in page):
        out = subcaptions(out)
    if "来源" in page and ("■" in page or "●" in page):  # one search rules most pages out
        out = labelled_titles_over_data(out)
    return join_bylines(wrapped_lead_credits(titles_on_top(dates_in_mastheads(
        page_number_on_top(title_lists(out))))))


EMPHASIS_MAX = 16  # characters: a title this short may be set in fake bold or spaced out


def mark_emphasis(lines: list[Line], raw_lines: list[str]) -> None:
    """Note which short lines were printed in fake bold (旧旧物物换换新新主主) or spaced out
    (净 滩 行 动): a title set apart by its type, as a photo's title under its credit is."""
    for ln in lines:
        size = len(ln.text)
        if ln.kind is not Kind.TEXT or not 2 <= size <= EMPHASIS_MAX \
                or len(raw_lines[ln.no - 1]) < 2 * size - 1:
            continue  # (most lines: printed no wider than their text)
        raw = raw_lines[ln.no - 1].strip()
        ln.emphasized = raw.replace(" ", "") == "".join(ch * 2 for ch in ln.text) or (
            len(raw) == 2 * size - 1 and raw[1::2].strip() == "")


MENU_ITEM_RE = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
MENU_ITEMS = 6  # lines at least in a site's menu set one item a line


def menu_runs(lines: list[Line]) -> None:
    """A site's menu copied one item a line (今日上虞 / 国际国内 / 社会广角 / … / 报社信箱):
    six lines or more in a row, each a word of two to four letters. No text runs so."""
    run: list[Line] = []
    for ln in [*lines, None]:
        if ln is not None and 2 <= len(ln.text) <= 4 and ln.kind is Kind.TEXT \
                and MENU_ITEM_RE.match(ln.text):
            run.append(ln)
            continue
        if not run:
            continue
        if len(run) >= MENU_ITEMS:
            for item in run:
                item.kind, item.reason = Kind.NOISE, "page header"
        run = []


def teaser_index(lines: list[Line], raw_lines: list[str]) -> None:
    """An e-paper's index of the page's articles over them: titles after a •, some with
    their byline and first words cut short under them (• 海韵社区的“共享菜园” / □记者 X /
    开春以后，… ...), when the stories follow in full: their index is furniture."""
    region: list[Line] = []
    for k, ln in enumerate([*lines, None]):
        raw = raw_lines[ln.no - 1] if ln is not None else ""
        bullet = raw.lstrip()[:1] == "•"
        if ln is not None and (bullet or ln.kind is Kind.BLANK
                               or (region and raw[:1] in " \u3000\t")):
            region.append(ln)
            continue
        titles = [x.text for x in region if raw_lines[x.no - 1].lstrip()[:1] == "•"]
        if len(titles) >= INDEX_TITLES and any(x.text.endswith(("...", "…")) for x in region) \
                and listed_below(titles, lines[k:]):
            for x in region:
                if x.kind is not Kind.BLANK:
                    x.kind, x.reason = Kind.NOISE, "index of other pages"
        region = []


INDEX_TITLES = 3  # titles after a • at least in such an index


def listed_below(titles: list[str], below: list[Line]) -> bool:
    """Do two thirds of the titles stand again further down, over their stories? (A page
    of teasers alone, each cut short, is its articles.)"""
    texts = {ln.text for ln in below}
    return 3 * sum(t in texts for t in titles) >= 2 * len(titles)


def mark_indents(lines: list[Line], raw_lines: list[str]) -> None:
    """Note which lines were printed after a full-width indent: a web page indents its
    paragraphs and the subheads among them, not its articles' titles."""
    for ln in lines:
        ln.indented = raw_lines[ln.no - 1][:1] == "\u3000"


SUBCAPTION_MAX = 40  # characters: a picture's own line under a photo group's caption


def subcaptions(lines: list[Line]) -> list[Line]:
    """A photo group's caption, then a line for each picture after ▲ or ◆ (▲孩子们在花田边放
    风筝。 / ◆游客在木栈道上拍照留念。), then the credit: the pictures' captions, part of the
    group's text, not briefs opened by their bullets."""
    for c in [i for i, ln in enumerate(lines) if ln.kind is Kind.CREDIT]:
        j = c
        while j > 0 and lines[j - 1].kind is Kind.LEAD and lines[j - 1].text[:1] in "▲◆" \
                and lines[j - 1].terminal and len(lines[j - 1].text) <= SUBCAPTION_MAX:
            j -= 1
        if j < c and j > 0 and lines[j - 1].kind is Kind.TEXT and lines[j - 1].terminal:
            for ln in lines[j:c]:
                ln.kind = Kind.TEXT
    return lines


SUMMARY_OPENING = 20  # characters: a web page's summary repeats the text's opening this far
SUMMARY_REACH = 3  # lines: …and stands this close above it


def summaries(lines: list[Line]) -> list[Line]:
    """A news site's summary under the article's data, its first sentences again (天还没亮，…
    / 本报记者 X / 　　天还没亮，…): furniture, or the story would be printed twice."""
    for i, ln in enumerate(lines):
        if ln.kind is not Kind.TEXT or len(ln.text) < SUMMARY_OPENING \
                or "，" not in ln.text[:SUMMARY_OPENING]:
            continue  # (a table's rows open alike, and no row is prose)
        opening = ln.text[:SUMMARY_OPENING]
        if any(other.kind in (Kind.TEXT, Kind.LEAD) and other.text.startswith(opening)
               for other in lines[i + 1:i + 1 + SUMMARY_REACH]):
            ln.kind, ln.reason = Kind.NOISE, "summary"
    return lines


SOURCE_FIELD_RE = re.compile(r"^来源[：:]\s*[\u4e00-\u9fff]{2,14}$")


def source_fields(lines: list[Line]) -> list[Line]:
    """来源:太仓市人社局 among a web article's data (责编:… / 时间:…): the page's field,
    though under a table's rows the same words name the figures' source."""
    for i, ln in enumerate(lines):
        if ln.kind is Kind.TEXT and ln.text[:2] == "来源" and SOURCE_FIELD_RE.match(ln.text) \
                and any(other.kind is Kind.NOISE and other.reason in PAGE_DATA
                        for other in lines[max(0, i - 1):i + 2:2]):
            ln.kind, ln.reason = Kind.NOISE, "page header"
    return lines


PAGE_DATA = frozenset({"page header", "editors' names"})  # a web page's data lines


def photo_credit_tail(text: str) -> re.Match[str] | None:
    """The photographer printed after a caption's last sentence, after 摄影 or 图/."""
    tail = text[-PHOTO_BY_TAIL:]
    if "摄影" in text:
        by = PHOTO_BY_TAIL_RE.search(text, len(text) - PHOTO_BY_TAIL)
        if by:
            return by
    if "图/" in tail or "图／" in tail:
        return PHOTO_SLASH_TAIL_RE.search(text)
    return None


def text_and_credit(no: int, text: str, credit: str, markdown: bool) -> list[Line]:
    """A line printed with a photo's credit after its text (a caption, a title): the two,
    each read as what it is."""
    return [classify(no, text, markdown), Line(no, credit, Kind.CREDIT, display_width(credit))]


def translated_captions(lines: list[Line]) -> list[Line]:
    """A photo's caption in English under its credit (覃 岚 摄 / On March 10, … /
    Photographed by Qin Lan): the picture's translation for visitors, furniture to an
    archive of the Chinese text."""
    for i in [i for i, ln in enumerate(lines) if ln.kind is Kind.CREDIT]:
        j = i + 1
        while j < len(lines) and lines[j].kind is Kind.TEXT and lines[j].text.isascii() \
                and any(ch.isalpha() for ch in lines[j].text):
            lines[j].kind, lines[j].reason = Kind.NOISE, "translation"
            j += 1
    return lines


def heading_ranks(lines: list[Line], raw_lines: list[str]) -> dict[int, int]:
    """The rank (how many #s) of each "##…" heading of a Markdown page, by line number."""
    return {ln.no: heading_rank(raw_lines[ln.no - 1]) for ln in lines
            if ln.kind is Kind.SUBHEADING and raw_lines[ln.no - 1].lstrip()[:1] == "#"}


def top_rank_headings(lines: list[Line], ranks: dict[int, int]) -> list[Line]:
    """A dump's heading ranks are its own: on a page that prints no "# …", its titles are
    "## …" and a "### …" over one is its kicker (### 文明实践在基层 / ## 桑园村的冬夜书声),
    so the top rank the page uses is its titles' rank."""
    if not ranks or any(ln.kind is Kind.HEADING for ln in lines):
        return lines
    top = min(ranks.values())
    if top == max(ranks.values()) or sum(rank == top for rank in ranks.values()) < TOP_RANK_USES:
        return lines  # one rank only, or a top rank used once: a column's label (## 县区传真)
    for ln in lines:
        if ranks.get(ln.no) == top and ln.kind is Kind.SUBHEADING:
            ln.kind = Kind.HEADING
    return lines


TOP_RANK_USES = 2  # headings of the top rank on a page whose titles they are


def wrapped_headings(lines: list[Line]) -> list[Line]:
    """"# 关于端午期间江滨路实行交通管制的" over "通告": a heading cut after a particle goes
    on on the plain line under it, which is the rest of it (no heading ends so)."""
    out: list[Line] = []
    for ln in lines:
        above = out[-1] if out else None
        if above is not None and above.kind in (Kind.HEADING, Kind.SUBHEADING) \
                and above.text[-1:] in HEADING_CUT and above.no == ln.no - 1 \
                and ln.kind is Kind.TEXT and len(ln.text) <= HEADING_REST_MAX \
                and not CLAUSE_PUNCT_RE.search(ln.text) and not ln.terminal:
            out[-1] = Line(above.no, above.text + ln.text, above.kind,
                           above.width + ln.width)
            continue
        out.append(ln)
    return out


HEADING_CUT = "的之与和及"  # a heading ending on one of these goes on
HEADING_REST_MAX = 8  # characters: …on a short line under it


def kicker_ranks(lines: list[Line], ranks: dict[int, int]) -> list[Line]:
    """"### 江湾街道：" right over "## 老旧小区换新颜": a heading of a lower rank on the line
    above a heading is its kicker, so the one under it is the title (as "# …" would be),
    not the second line of one title."""
    for above, ln in pairwise(lines):
        if ln.kind is Kind.SUBHEADING and above.kind is Kind.SUBHEADING \
                and above.no == ln.no - 1 and ln.no in ranks and above.no in ranks \
                and ranks[above.no] > ranks[ln.no]:
            ln.kind = Kind.HEADING
    return lines


def labels_over_headings(lines: list[Line]) -> list[Line]:
    """'■ 城市更新进行时' / (blank) / '## “小菜园”变身“口袋公园”': a column's label printed after
    a bullet right over a Markdown heading is that heading's kicker, not a brief's title
    with the heading under it as its subtitle; the heading is the story's title."""
    for i, ln in enumerate(lines):
        if not ln.bullet or ln.kind is not Kind.HEADING or len(ln.text) > LABEL_OVER_HEADING:
            continue
        j = i + 1
        while j < len(lines) and lines[j].kind is Kind.BLANK:
            j += 1
        if j < len(lines) and lines[j].kind in (Kind.HEADING, Kind.SUBHEADING) \
                and not lines[j].bullet:
            ln.kind, ln.bullet = Kind.TEXT, False
            lines[j].kind = Kind.HEADING
    return lines


LABEL_OVER_HEADING = 12  # characters: a column's label is no longer


def heading_rank(raw: str) -> int:
    """How many #s a Markdown heading opens on."""
    text = raw.lstrip()
    return len(text) - len(text.lstrip("#"))


REPEAT_MIN = 4  # characters: a title this long, printed again under the page's own


def repeated_titles(lines: list[Line]) -> list[Line]:
    """A site's page title over the article's own (## 驼铃声里话春耕——…侧记 / its date and
    source / 驼铃声里话春耕 / ——…侧记 / 记者 X): the article prints its title again, with
    its subtitle and byline apart; the page's heading is furniture."""
    for i in [i for i, ln in enumerate(lines) if ln.kind in (Kind.HEADING, Kind.SUBHEADING)]:
        j = i + 1
        while j < len(lines) and lines[j].kind in (Kind.BLANK, Kind.NOISE):
            j += 1
        if j == len(lines) or lines[j].kind is not Kind.TEXT:
            continue
        title, again = lines[i].text, lines[j].text
        if len(again) >= REPEAT_MIN and not lines[j].terminal and (
                title == again or title.startswith((again + "——", again + " "))):
            lines[j].kind = lines[i].kind  # the article's own title, at the page's level
            lines[i].kind, lines[i].reason = Kind.NOISE, "page header"
    return lines


# A web article's data line that ends on its byline after the source (…来源:缙云报 记者 X)…
SOURCED_CREDIT_RE = re.compile(r"^(?P<meta>.*来源\s*[：:]\s*[^\s：:]{2,16})\s+(?P<credit>\S.*)$")
# …or that marks it the site's own and ends on its byline.
DATED_CREDIT_RE = re.compile(
    r"^(?P<meta>(?:©\s*)?原创\s+\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?)\s+(?P<credit>\S.*)$")


def data_then_byline(no: int, line: re.Match) -> list[Line]:
    """A web data line's fields (its "meta" group) as furniture, and the byline it ends on
    (its "credit" group)."""
    meta, credit = line["meta"], line["credit"]
    return [Line(no, meta, Kind.NOISE, display_width(meta), reason="page header"),
            Line(no, credit, Kind.BYLINE, display_width(credit))]


def staff_credits(lines: list[Line]) -> list[Line]:
    """记者：王晨 黎敏 over 编辑：… / 审核：…: the site's staff listed under the article, its
    reporters among them, not a byline the text printed."""
    for i, ln in enumerate(lines[:-1]):
        if ln.kind in (Kind.TEXT, Kind.BYLINE) and ln.text[:2] == "记者" \
                and STAFF_REPORTERS_RE.match(ln.text) and lines[i + 1].kind is Kind.NOISE \
                and lines[i + 1].reason == "editors' names":
            ln.kind, ln.reason = Kind.NOISE, "editors' names"
    return lines


STAFF_REPORTERS_RE = re.compile(r"^记者[：:]\s*[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4})*$")


OPEN_PAREN_RE = re.compile(r"[（(][^）)]*$")  # a bracket opened and not closed on its line
WRAPPED_CREDIT_LINES = 2  # lines a lead's bracketed credit may run on over


def wrapped_lead_credits(lines: list[Line]) -> list[Line]:
    """本报讯（某某日报全媒体 / 记者 钱 晶 通讯员 赵 / 畅）连日来，…: the lines inside a
    lead's open bracket are the lead's own text, however much they look like bylines."""
    for i in [i for i, ln in enumerate(lines) if ln.kind is Kind.LEAD
              and OPEN_PAREN_RE.search(ln.text)]:
        for ln in lines[i + 1:i + 1 + WRAPPED_CREDIT_LINES]:
            if ln.kind in (Kind.BYLINE, Kind.CREDIT, Kind.SIGNATURE):
                ln.kind = Kind.TEXT
            if ln.kind is not Kind.TEXT or "）" in ln.text or ")" in ln.text:
                break
    return lines


def join_bylines(lines: list[Line]) -> list[Line]:
    """Byline lines one right under another (全媒体记者 郑岩 / 特约通讯员 孙晓光) are one
    byline, credits listed on two lines; a photo's credit when they end so (本报记者 李晴
    通讯员 / 杨永红 摄影报道)."""
    joined: set[int] = set()
    for i in [i for i, ln in enumerate(lines) if ln.kind is Kind.BYLINE]:
        if i + 1 < len(lines) and lines[i + 1].kind is Kind.BYLINE and i not in joined:
            first, second = lines[i], lines[i + 1]
            text = f"{first.text} {second.text}"
            kind = Kind.CREDIT if text.endswith(SHOT_ENDS) else Kind.BYLINE
            lines[i + 1] = Line(first.no, text, kind, first.width)
            joined.add(i)
    return [ln for i, ln in enumerate(lines) if i not in joined] if joined else lines


# A web page's author field, after its time and source; or an author's line (作者 苏蔓).
# …its source may follow the names: 作者：本报记者 X 《某某日报》（2026年01月20日 02版）.
AUTHOR_FIELD_RE = re.compile(
    r"(?:^|\s)作者\s*[：:]\s*(?P<field>\S.*?)(?P<source>\s*《[^》]{2,16}》\s*[（(][^（）()]{0,30}[）)])?$"
    r"|^作者\s+(?P<named>\S.*)$")
# …or between other fields, the reporter's role in it (作者：记者 何婉婷 发布时间：…).
AUTHOR_AMID_RE = re.compile(
    rf"(?:^|\S\s+)作者\s*[：:]\s*(?P<field>(?:(?:{PAPER})?(?:本报|全媒体|融媒体)*记者|通讯员|文字)"
    r"\s*\S+(?:\s\S+)*?(?:\s+(?:通讯员|实习生|见习记者|记者|摄影)\s*\S+(?:\s\S+)*?)*)"
    r"(?:\s+|\s*[|｜]\s*)(?=(?:发布|更新)?(?:时间|日期)\s*[：:]|来源\s*[：:]|编辑\s*[：:]|责任编辑\s*[：:]"
    r"|\d{4}年\d{1,2}月)")  # …通讯员 翟晓, 文字 X 摄影 Y, and the time, its word left out


def author_amid(text: str, raw: str) -> tuple[str, str, str] | None:
    """The data before a reporter named among a web article's data, the reporter, and the
    data after; read on the printed line when repair has closed up the spaces that set the
    fields apart (作者：特区晚报记者 许 澜　发布时间：…)."""
    for line, mend in ((text, False), (raw.replace("\u3000", " ").strip(), True)):
        between = AUTHOR_AMID_RE.search(line)
        if between is None:
            continue
        parts = line[:between.start("field")], between["field"], line[between.end("field"):]
        before, field, after = (repair_line(part) if mend else part for part in parts)
        if is_byline(field) or TEXT_AND_PHOTO_RE.match(field):
            return before.rstrip(), field, after.strip()
    return None


def lead_follows(pairs: list[tuple[int, str, str]], k: int) -> bool:
    """Does the text under line k open on a news mark and its credit (本报讯（记者 X）…)?
    Then that credit is the story's byline, and the data line's author only repeats it."""
    text = next((t for _, _, t in pairs[k + 1:k + 4] if t), "")
    lead = LEAD_RE.match(text)
    return lead is not None and not bare_dateline(lead.group(0))  # (本报讯 3月11日，…: no credit)


# The writers a web article's data line names after 作者, bare (作者：黄志鸿 陈丽芬).
AUTHOR_NAMES_RE = re.compile(r"^[\u4e00-\u9fff]{2,4}(?: [\u4e00-\u9fff]{2,4}){0,2}$")
DATA_FIELD_RE = re.compile(r"来源\s*[：:]|\d{1,2}:\d{2}")  # …after its source or time


def authors_of_text(field: re.Match, text: str, pairs: list[Pair], k: int) -> bool:
    """作者：林雅婷 at the end of a web article's data line (its time, its source): the
    story's byline when the names are names, no one else is named right under it (a
    lead's credit, a byline or a credit line) and its story does not credit them itself."""
    names = (field.group("field") or "").strip()
    before = text[:field.start()]
    if not AUTHOR_NAMES_RE.match(names) \
            or not (DATA_FIELD_RE.search(before) or (not before.strip() and data_above(pairs, k))) \
            or not all(surnamed(n) or FULL_NAME_RE.match(n) for n in names.split(" ")):
        return False
    below = next((t for _, _, t in pairs[k + 1:k + 4] if t), "")
    if lead_follows(pairs, k) or is_byline(below) or CREDIT_RE.match(below):
        return False
    return not credited_in_story(names.split(" "), pairs, k)


DATA_LINES = 6  # lines: a web article's data, printed a field a line, and the blanks between


def data_above(pairs: list[Pair], k: int) -> bool:
    """Is the line over line k, blank lines aside, a web article's data or its buttons
    (来源：… 时间：…, 字体大小[大 中 小] 打印)? 作者：袁 青 right under them is one more field."""
    above = next((t for _, _, t in pairs[k - 1::-1] if t), "") if k else ""
    return bool(above) and noise_reason(above) == "page header"


def credited_in_story(words: list[str], pairs: list[Pair], k: int) -> bool:
    """Does the story of a web article's data line (line k) go on from another page, whose
    byline its first part printed, or name the data line's writers in its text, as a credit
    (…补植。 记者 钱岚 摄)? Then the data line's 作者 only repeats it. The story is read
    under the line and, for a line set under its text, above it. words: the field's words;
    roles among them (本报记者) are left out."""
    below = next((t for _, _, t in pairs[k + 1:k + DATA_LINES] if t
                  and (CONT_RE.match(t) or not noise_reason(t))), "")  # (data aside: 编辑：…)
    if CONT_RE.match(below):
        return True
    names = [n for w in words for n in ROLE_TOKEN_RE.sub(" ", w).split() if len(n) >= 2]
    story = list(takewhile(lambda t: not STORY_END_RE.search(t),
                           (t for _, _, t in pairs[k + 1:k + STORY_LINES])))
    # …and a data line set under its story (its text / 作者：X　来源：… / ---): the story
    # above, when it goes on from another page or prints its byline itself
    above = list(takewhile(lambda t: not STORY_END_RE.search(t),
                           (t for _, _, t in reversed(pairs[max(0, k - STORY_LINES):k]))))
    return any(CONT_RE.match(t) for t in above) \
        or any(n in t for t in story + above for n in names)


# A role as a byline prints it (本报记者, 全媒体记者, 通讯员), around the names it credits.
ROLE_TOKEN_RE = re.compile(
    r"(?:本报|全媒体|融媒体|首席|见习|实习)*(?:记者|通讯员|实习生|摄影|文字)")
# Where a web page's story ends: the next article's data, a rule, a heading, its buttons.
STORY_END_RE = re.compile(r"来源|^#|^---|上一篇|下一篇|责任编辑")


STORY_LINES = 60  # lines around a data line looked through for its writers' names


TITLE_SHORTER = 2  # cells: a bulleted title over its text is this much narrower than it
TITLE_END_THEN_TEXT_RE = re.compile(r"^([^\s，。；,;：:、]{1,8}) (\S.*)$")
# A credit whose role is set off by a bar, not a colon: ▲摄影｜记者 廖 斌, 文｜记者 X.
BARRED_CREDIT_RE = re.compile(
    rf"^[{BULLET_MARKS}]?\s*(摄影|摄|图|文|文/图|图/文)\s*[|｜]\s*(\S.{{1,30}})$")
# A column's name and a title on one line, a bar between: 区县观察 | 让山城步道“热”得更久.
# …its name may carry the series' number, circled: 直通某某㉛ | 标题.
KICKER_BAR_RE = re.compile(  # (the bar may be 丨, a character that looks like one)
    rf"^((?:(?!丨)[\u4e00-\u9fff]){{2,8}}{CIRCLED_NUMBER}?)\s*[|｜丨]\s*"
    rf"([^|｜丨，。；\s][^|｜丨，。；]{{3,30}})$")


def subhead_in_story(lines: list[Line], i: int) -> bool:
    """Does a ◎ line stand inside a story's text, no blank line between them: under a
    finished sentence, in a run of lines that opens on unbulleted text? (◎ heads the parts
    of a story as well as a column's briefs.)"""
    above = lines[i - 1] if i else None
    if above is None or above.kind is not Kind.TEXT or not above.terminal:
        return False
    j = i
    while j > 0 and lines[j - 1].kind is not Kind.BLANK:
        j -= 1
    first = next((ln for ln in lines[j:i] if ln.kind not in (Kind.NOISE, Kind.CONT_FROM)), None)
    return first is not None and first.kind is Kind.TEXT and first.terminal \
        and first.text[:1] not in BULLET_MARKS and not first.bullet  # (under 县区简讯, ◎ opens
    # each brief of the column)


# A brief that opens on its title in brackets, its text after it on the line (▲【标题】4月).
BRACKETED_OPENING_RE = re.compile(r"^[^\w【]{0,2}【[^】]{3,30}(?<!版)】\S")  # (not 【3版】: a page)


def bullet_titles(lines: list[Line], markdown: bool) -> list[Line]:
    """A short bulleted line standing alone (a blank line under it), clearly narrower
    than the text right under it (◆东淝区…开设夜间门诊 / 为方便上班族就医，…), or over
    a line that opens a sentence (●岚川县启动冬季农田水利建设 / 10月18日，…) is a
    brief's title; so is one wrapped onto a short second line over such a sentence, or
    over a line twice its width (◆安河区开展秋季燃气安全入户检 / 查 / 即日起，…), or
    both lines well short of the text's (●古槐社区“共享 / 工具箱”受欢迎 / 古槐社区在…). A
    bulleted line as wide as its column over the rest of its sentence runs on into the
    next."""
    wrapped: list[Line] = []  # second lines taken into their titles
    marks: set[str] = set()  # the bullets of the items whose titles were found
    for i in [i for i, ln in enumerate(lines) if ln.kind is Kind.LEAD]:
        ln = lines[i]
        if ln.text[:1] == "◎" and subhead_in_story(lines, i):
            ln.kind = Kind.TEXT  # …三条线路经过。 / ◎摊位抽签 老摊主优先: a part's heading
            continue
        if "】" in ln.text[:-1] and BRACKETED_OPENING_RE.match(ln.text):
            continue  # ▲【市图书馆开展读书月活动】4月 / 23日起，…: the title is in its brackets
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        after = lines[i + 2] if i + 2 < len(lines) else None
        if nxt is not None and (parts := title_end_then_text(ln, nxt, markdown)):
            lines[i], lines[i + 1] = parts  # ▲松湖小学开设围 / 棋课 近日，…
            marks.add(ln.text[:1])
        elif nxt is None or nxt.kind is Kind.BLANK or (nxt.kind is Kind.TEXT and (
                ln.width <= nxt.width - TITLE_SHORTER or opens_sentence(nxt.text)
                or subject_again(ln.text, nxt.text))) or (
                nxt.kind is Kind.LEAD and nxt.text[:1] not in BULLETS) \
                or nxt.kind is Kind.BYLINE:  # over 本报讯…, or over 记者 X 通讯员 Y
            lines[i] = bullet_title(ln, markdown) or ln
            if lines[i] is not ln:
                marks.add(ln.text[:1])
                if nxt is not None and nxt.kind is Kind.TEXT and subject_again(ln.text, nxt.text):
                    nxt.kind = Kind.LEAD  # the brief's text, opening on its subject
        elif nxt.kind is Kind.TEXT and after is not None and after.kind is Kind.TEXT \
                and not any(mark in nxt.text for mark in "，。；,;：") and ((
                    (opens_sentence(after.text) or nxt.width * 2 <= after.width)
                    and len(nxt.text) + TITLE_SHORTER <= len(ln.text))
                or max(ln.width, nxt.width) <= after.width - 2 * TITLE_SHORTER):
            joined = Line(ln.no, ln.text + nxt.text, ln.kind, ln.width + nxt.width)
            title = bullet_title(joined, markdown)
            if title:
                lines[i] = title
                wrapped.append(nxt)
                marks.add(ln.text[:1])
    if wrapped:
        taken = {id(ln) for ln in wrapped}
        lines = [ln for ln in lines if id(ln) not in taken]
    return index_boxes(titles_like_their_column(lines, markdown, marks))


SUBJECT_AT = 8  # characters: how far into the text under it a brief's subject recurs


def subject_again(title: str, below: str) -> bool:
    """Does the line under a bulleted line name its subject again near its start (●竹影巷
    社区开设“四点半课堂” / 竹影巷社区本周起…, ●柏枝村新建… / 青杉镇柏枝村…)? Then the
    bulleted line is the brief's title, however wide: no sentence repeats itself so."""
    subject = title.lstrip(BULLET_MARKS + " ")[:SUBJECT_AGAIN]
    return len(subject) == SUBJECT_AGAIN and not CLAUSE_PUNCT_RE.search(subject) \
        and subject in below[:SUBJECT_AT]


def title_end_then_text(ln: Line, nxt: Line, markdown: bool) -> tuple[Line, Line] | None:
    """A bulleted title wrapped onto the next line, where its end is followed by a space
    and the item's first sentence (▲松湖小学开设围 / 棋课 近日，…): the title, and the text
    line without it."""
    split = TITLE_END_THEN_TEXT_RE.match(nxt.text) if nxt.kind is Kind.TEXT else None
    if split is None or not opens_sentence(split.group(2)):
        return None
    end, text = split.groups()
    title = bullet_title(Line(ln.no, ln.text + end, ln.kind, ln.width + display_width(end)),
                         markdown)
    return (title, Line(nxt.no, text, Kind.TEXT, display_width(text))) if title else None


def titles_like_their_column(lines: list[Line], markdown: bool, titled: set[str]
                             ) -> list[Line]:
    """A column of briefs prints all its items alike: where one bullet's line is its
    item's title (titled: those bullets), an unpunctuated line under the same bullet, as
    wide as its column over the item's text (◆桐荫街道开设“四点半课堂” / 新学期开学后，…),
    is one too."""
    if not titled:
        return lines
    for i, ln in enumerate(lines[:-1]):
        if ln.kind is Kind.LEAD and ln.text[:1] in titled and lines[i + 1].kind is Kind.TEXT \
                and not unbalanced(ln.text) and "】" not in ln.text[:-1]:
            # (not ◆【荷湾社区开设“银发 / 食堂”】近日，… nor ▲【…】近 / 日，…: a title in its
            # brackets, its text after it on the line)
            lines[i] = bullet_title(ln, markdown) or ln
    return lines


def index_boxes(lines: list[Line]) -> list[Line]:
    """Bulleted titles one right under another, with no text of their own, list the
    issue's stories (a 导读 box of ● or > lines): page furniture, not headlines."""
    bullets = [i for i, ln in enumerate(lines) if ln.bullet]
    if not any(b + 1 == c for b, c in pairwise(bullets)):
        return lines  # no two bulleted lines one right under another
    start = 0
    for i in range(len(lines) + 1):
        if i < len(lines) and lines[i].bullet and lines[i].kind in (Kind.TEXT, Kind.HEADING):
            continue
        if i - start >= 2:
            for ln in lines[start:i]:
                ln.kind, ln.reason = Kind.NOISE, "index of other pages"
        start = i + 1
    return lines


def unlist_authors(lines: list[Line]) -> list[Line]:
    """'王小明（市第一中学）' lines one under another are a list (of award winners, of
    members), not a commentary's author: they stay text."""
    for i in [i for i, ln in enumerate(lines) if ln.kind is Kind.BYLINE]:
        if AUTHOR_UNIT_RE.match(lines[i].text):
            near = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
            if any(AUTHOR_UNIT_RE.match(x.text) for x in near):
                lines[i].kind = Kind.TEXT
    return lines


# Boxes whose lines wrap: an advert, a weather box, an index of ▶ teasers (▶2版 我市出台
# 支持民营 / 经济发展20条). Not a masthead: a headline may sit right under the paper's name.
BOX_REASONS = frozenset({"advertisement", "weather box", "index of other pages", "related links"})
LINK_MARKS = "·•-"  # what a site's list of related stories sets before each link
# over a page's ·titles
NAV_HEADS = frozenset({"版面导航", "标题导航", "本版导航", "本版标题", "本版标题导航"})
NAV_ITEM_NO_RE = re.compile(r"^\d{1,2}[.．、]\s*\S")  # …or over its titles numbered
AD_LINES_ABOVE = 4  # lines: how far an advertisement's box reaches above its hotline
WEATHER_LINES_ABOVE = 2  # …and a weather box above its temperatures: its name, the sky
WEATHER_NAME_RE = re.compile(r"天气|^(?:今天|今日|明天|明日)?\s*(?:[晴阴雨雪雾]|多云)(?:转|$)")
BOX_LINE = 24  # characters: the longest line read as part of such a box


def labels_in_text(lines: list[Line]) -> list[Line]:
    """'停电：' under '…8:00至17:00对以下区域': a short line ending in a colon is the end of
    an unfinished sentence right above it, not a label left alone on the page."""
    strays = [i for i, ln in enumerate(lines) if ln.reason == "stray label"]
    interview = sum(SPEAKER_LABEL_RE.match(lines[i].text) is not None for i in strays) >= 2
    for i in strays:
        below = lines[i + 1] if i + 1 < len(lines) else None
        if interview and below is not None and below.kind in (Kind.TEXT, Kind.LEAD) \
                and i and lines[i - 1].kind in (Kind.TEXT, Kind.LEAD):
            lines[i].kind, lines[i].reason = Kind.TEXT, ""  # 记者： / 问题 / 乌日娜： / 回答
            continue
        if below is not None and POSTED_LABEL_RE.match(lines[i].text) \
                and below.kind is Kind.TEXT and DATE_ALONE_RE.match(below.text):
            for ln in (lines[i], below):  # 发布日期： / 2026年03月12日: a web page's data
                ln.kind, ln.reason = Kind.NOISE, "page header"
            continue
        if i < 2:
            continue
        above, before = lines[i - 1], lines[i - 2]
        if above.kind in (Kind.TEXT, Kind.LEAD) and not above.terminal \
                and before.kind in (Kind.TEXT, Kind.LEAD) and above.width >= before.width - 1.5 \
                and not FIELD_LABEL_RE.match(lines[i].text):
            lines[i].kind, lines[i].reason = Kind.TEXT, ""  # a full line of the column above
    return lines


# A reposted story's title run together with the site's source field after it.
TITLE_SOURCE_RE = re.compile(
    r"^(?P<title>[^，。！？：:；（(]{4,40}?[^，。！？：:；、\s])\s*"
    r"(?P<source>来源[：:]\s*[\u4e00-\u9fff]{2,12}(?:报|网|社|台|中心|客户端|发布))$")
POSTED_LABEL_RE = re.compile(r"^(?:发布|更新|发稿)?(?:日期|时间)[：:]$")
# An interview's speaker set alone over what was said: the reporter, and the one answering.
SPEAKER_LABEL_RE = re.compile(r"^(?:本报)?(?:记者|问|主持人)[：:]$")
DATE_ALONE_RE = re.compile(
    r"^\d{4}(?:年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2})(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$")
# What a box or an interview prints as its own label, never a sentence's end.
FIELD_LABEL_RE = re.compile(
    r"^(?:电话|地址|邮编|传真|邮箱|网址|记者|问|答|主持人|联系人|联系电话)[：:]$")


def item_numbers(lines: list[Line]) -> list[Line]:
    """'01' alone below the page's top lines, over an item's title (## 城事速递 / 01 /
    **市区新增两条公交线路**): the item's number, furniture. At the top of the page such a
    number is the page's own, which the header's rules read with the lines around it."""
    seen = 0  # lines that are not blank, so far
    for ln in lines:
        if ln.kind is Kind.BLANK:
            continue
        seen += 1
        if seen > TOP_LINES and ln.kind is Kind.TEXT and len(ln.text) == 2 \
                and ln.text[0] == "0" and "1" <= ln.text[1] <= "9":
            ln.kind, ln.reason = Kind.NOISE, "item number"
    return lines


TITLE_TAIL_COLON_RE = re.compile(r"^[^，。；,;]{0,8}[：:]")
# 1.清溪社区开办周末书法课: a numbered brief's title alone on its line, no mark in it.
NUMBERED_TITLE_RE = re.compile(r"^\d{1,2}[.．、]\s*(?P<title>[^，。；：,;:！？、\s【】]{4,24})$")


def numbered_titles(lines: list[Line]) -> list[Line]:
    """A numbered line with no mark in it, right under a column's label or under the brief
    before it signed by its writer, over a sentence (保靖快讯 / 1.清溪社区开办周末书法课 /
    本周起，… （向 敏） / 2.…): the next brief's title, its number dropped, set as a
    bulleted title is. A list's items inside a text follow its text, not a signature."""
    for i, ln in enumerate(lines):
        if ln.enumerated and ln.kind is Kind.TEXT and ln.text[0].isdigit() \
                and (titled := NUMBERED_TITLE_RE.match(ln.text)) \
                and not unbalanced(ln.text) and numbered_title_place(lines, i):
            # (3.县税务局在…开设“企 / 业开办一窗通”，…: a brief's text, its quotation open)
            title = titled["title"]
            lines[i] = Line(ln.no, title, Kind.TEXT, display_width(title), bullet=True)
    return lines


def numbered_title_place(lines: list[Line], i: int) -> bool:
    """Is numbered line i set where a brief's title is: under the brief before it, signed
    by its writer, or under a column's label (快讯, 短波), not under a sentence of text; and
    over a line of text that is no list item?"""
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if nxt is None or nxt.kind not in (Kind.TEXT, Kind.LEAD) or nxt.enumerated \
            or TITLE_TAIL_COLON_RE.match(nxt.text):
        return False  # (1、松风村茶园开采春 / 茶：3月18日，…: a title run on to its colon)
    prev = next((ln for ln in reversed(lines[max(0, i - LOOK_BACK):i])
                 if ln.kind is not Kind.BLANK), None)
    return prev is not None and (prev.kind is Kind.SIGNATURE or (
        prev.kind is Kind.TEXT and BOX_LABEL_RE.match(prev.text) is not None))


LOOK_BACK = 4  # lines: how far up a numbered line looks past blank lines for what is above


STORY_STAR = "☆"
PARAGRAPH_LINE = 30  # characters: a line this long that ends a sentence is a paragraph set whole


def stars_in_stories(lines: list[Line]) -> list[Line]:
    """☆ opening a paragraph right after a story's finished paragraph, set whole on its line
    (●3月10日，… / ☆据了解，… / ☆交易中心负责人介绍，…, or …跟住新房子一样。” / ☆钱从哪里来):
    the story's mark for its later paragraphs and parts, not a new brief's bullet. A column
    of ☆ briefs starts under its label, and its items do not follow one another so."""
    prev: Line | None = None
    carried = False  # the line above is a ☆ line kept in its story
    for ln in lines:
        if ln.kind is Kind.BLANK:
            continue
        starred = ln.kind is Kind.LEAD and ln.text[:1] == STORY_STAR and prev is not None \
            and prev.kind in (Kind.TEXT, Kind.LEAD) and prev.terminal \
            and len(prev.text) >= PARAGRAPH_LINE and (prev.text[:1] != STORY_STAR or carried)
        if starred:
            ln.kind = Kind.TEXT
        carried = starred or (carried and ln.kind is Kind.TEXT and ln.text[:1] != STORY_STAR)
        prev = ln
    return lines


MAILBOX_RE = re.compile(r"^(?:投稿)?(?:邮箱|信箱|E-?mail)\s*[：:]")


def hotlines_in_text(lines: list[Line]) -> list[Line]:
    """'服务热线：0554-6628899' or '投稿邮箱：…' between a notice's sentences and its signer
    is the notice's own line, not an advertisement's or the masthead's: text ends above it
    and goes on below."""
    for i in [i for i, ln in enumerate(lines) if ln.reason == "advertisement" or (
            ln.reason == "masthead" and MAILBOX_RE.match(ln.text))]:  # …or 投稿邮箱：x@y.com
        ln = lines[i]
        above = next((x for x in reversed(lines[max(0, i - 2):i]) if x.kind is not Kind.BLANK),
                     None)  # the nearest lines that are not blank: a blank between at most
        below = next((x for x in lines[i + 1:i + 3] if x.kind is not Kind.BLANK), None)
        if len(ln.text) <= BOX_LINE and above is not None and below is not None \
                and above.kind in (Kind.TEXT, Kind.LEAD) and above.terminal \
                and below.kind is Kind.TEXT and not below.bullet:
            ln.kind, ln.reason = Kind.TEXT, ""
    return lines


TOP_LINES = 6  # non-blank lines: how far down a page its header reaches
TITLES_LINE_MIN = 24  # characters: a list of the page's titles on one line is this long


def titles_on_top(lines: list[Line]) -> list[Line]:
    """An e-paper's header lists the page's titles on one line, spaced apart (菜价回落
    “菜篮子”拎得更轻松 春季过敏高发 专家支招 …): furniture, not a paragraph."""
    for ln in islice((ln for ln in lines if ln.kind is not Kind.BLANK), TOP_LINES):
        parts = ln.text.split()
        if ln.kind is Kind.TEXT and len(ln.text) >= TITLES_LINE_MIN and len(parts) >= 3 \
                and "。" not in ln.text and all(len(part) >= 4 for part in parts):
            ln.kind, ln.reason = Kind.NOISE, "index of other pages"
    return lines


TITLE_LIST_MIN = 3  # lines: a list of the page's own titles is at least this long
AUTHOR_ALONE_RE = re.compile(r"^作者\s*[：:]\s*[\u4e00-\u9fff·]{2,8}(?:\s+[\u4e00-\u9fff·]{2,8})*$")


def noise_beside(lines: list[Line], i: int, reasons: frozenset[str]) -> bool:
    """Is the line above or below line i furniture for one of these reasons?"""
    return any(lines[j].kind is Kind.NOISE and lines[j].reason in reasons
               for j in (i - 1, i + 1) if 0 <= j < len(lines))


PAGE_HEADER_REASON = frozenset({"page header"})


def author_fields(lines: list[Line]) -> list[Line]:
    """作者：李珊 on a line of its own among a web article's data lines (来源：… / 作者：… /
    发布时间：…): one more field of the site's data, printed apart."""
    for i, ln in enumerate(lines):
        if ln.kind is Kind.TEXT and ln.text[:2] == "作者" and AUTHOR_ALONE_RE.match(ln.text) \
                and noise_beside(lines, i, PAGE_HEADER_REASON):
            ln.kind, ln.reason = Kind.NOISE, "page header"
    return lines


BANNER_REPEATS = 3  # times: a site's banner printed over each of its articles, at least
BANNER_MAX = 30  # characters: a banner line is no longer


def repeated_banners(lines: list[Line]) -> list[Line]:
    """A line of parts set apart by a bar (家乡新闻 一网知晓 | 某某频道) printed again and
    again on a page, over each of a site's articles: the site's banner, not a headline. (A
    column's label, printed over each of its items, has no parts and stays a label.)"""
    counts = Counter(ln.text for ln in lines if ln.kind is Kind.TEXT and banner_shaped(ln))
    banners = {text for text, n in counts.items() if n >= BANNER_REPEATS}
    for ln in lines:
        if ln.text in banners and ln.kind is Kind.TEXT:
            ln.kind, ln.reason = Kind.NOISE, "page header"
    return lines


def banner_shaped(ln: Line) -> bool:
    """Short, unfinished, no clause in it, and parts set apart by a bar (a table's header
    row, printed over each of its tables, has its cells a space apart)."""
    text = ln.text
    return len(text) <= BANNER_MAX and not ln.terminal and "，" not in text \
        and ("|" in text or "｜" in text)


def title_lists(lines: list[Line]) -> list[Line]:
    """Short lines standing together that the page prints again further down, each on its
    own line (a web view's list of the page's titles over its articles): furniture."""
    places: dict[str, list[int]] | None = None  # where each text stands, made when needed
    flat: list[str] = []  # the lines' texts without spaces, made with it
    start = -1  # where the run of lines that could be listed titles began
    for k in range(len(lines) + 1):
        ln = lines[k] if k < len(lines) else None
        if ln is not None and ln.kind is Kind.TEXT and not ln.terminal \
                and len(ln.text) <= LIST_TITLE_MAX and "，" not in ln.text and "。" not in ln.text:
            start = k if start < 0 else start  # short, no clause in it: a title, maybe
            continue
        if start >= 0 and k - start >= TITLE_LIST_MIN:
            if places is None:
                flat = [line.text.replace(" ", "") for line in lines]
                places = {}
                for at, text in enumerate(flat):
                    if text:
                        places.setdefault(text, []).append(at)
            if listed_again(flat[start:k], places, k, [line.no for line in lines[start:k]]):
                for line in lines[start:k]:
                    line.kind, line.reason = Kind.NOISE, "index of other pages"
        start = -1
    return lines


def listed_again(texts: list[str], places: dict[str, list[int]], end: int,
                 nos: list[int]) -> bool:
    """Do two thirds of a run of lines, ending at line `end`, stand again further down,
    each apart from the others (titles over their stories, not a paragraph printed twice)?
    `nos`: the lines' printed numbers; the two parts of one listed line (一周点击 | 少些…)
    stand together further down, as a kicker over its title."""
    found: list[tuple[int, int]] = []
    taken: Counter[str] = Counter()  # a text listed twice (一周点击) stands twice below
    for text, no in zip(texts, nos, strict=True):
        at = places.get(text, [])
        later = bisect_left(at, end) + taken[text]  # the first place below the run not taken
        if later < len(at):
            found.append((at[later], no))
            taken[text] += 1
    return 3 * len(found) >= 2 * len(texts) and not any(
        b - a <= LISTED_APART and no_a != no_b for (a, no_a), (b, no_b) in pairwise(found))


LISTED_APART = 2  # lines: titles standing again over their stories are further apart


LIST_TITLE_MAX = 30  # characters: no title in such a list is longer


def page_number_on_top(lines: list[Line]) -> list[Line]:
    """A number alone on a page's first line (2 / 要闻 / 2026年3月13日 …) is the page's, and
    so is its number and section among the page's first lines, the paper's name before
    them or not (03 要闻·综合, A3 今日芍园区, 丽水日报 02 要闻, with the spaces repaired away)."""
    top = list(islice((ln for ln in lines if ln.kind is not Kind.BLANK), PAGE_TOP))
    # (the first line not read as furniture already: <a id="nav"></a>, the paper's name)
    first = next((ln for ln in top if ln.kind is not Kind.NOISE), None)
    if first is not None and first.kind in (Kind.TEXT, Kind.HEADING) and (
            TOP_MASTHEAD_RE.match(first.text)
            or (first.kind is Kind.HEADING and NEWS_MASTHEAD_RE.match(first.text))):
        first.kind, first.reason = Kind.NOISE, "masthead"  # # 从化报, 某某时报数字报 - 某某新闻网
    for ln in top:
        if ln.kind is Kind.TEXT and not ln.terminal and PAGE_LABEL_TOP_RE.match(ln.text):
            ln.kind, ln.reason = Kind.NOISE, "page header"
    # A number alone, first under nothing but furniture and the section's name (2 / 要闻,
    # or 2026年3月24日 星期二 / 综合 / 责任编辑：… / 02), is the page's number.
    for k, ln in enumerate(top):
        if ln.kind is Kind.TEXT and ln.text.isdigit() and len(ln.text) <= 2 and all(
                above.kind is Kind.NOISE or len(above.text) <= SECTION_NAME_MAX
                for above in top[:k]):
            ln.kind, ln.reason = Kind.NOISE, "page header"
    return lines


SECTION_NAME_MAX = 4  # characters: a page's section name (综合, 要闻, 民生) over its number


PAGE_TOP = 4  # lines: how far down a page its number and section are printed
# The paper's name as the page's first line, whatever its ending (从化报), and its site's.
TOP_MASTHEAD_RE = re.compile(
    r"^[\u4e00-\u9fff]{2,6}报(?:数字报|电子版|数字版)?(?:\s*[-–—|·]\s*[\u4e00-\u9fff]{2,8}(?:网|客户端))?$"
    # …or a county paper's 今日巩义 (not a column's 今日短评, 今日关注), or its site's name
    r"|^今日(?!短评|快评|时评|关注|要闻|看点|导读|提示|推荐|头条|话题|视点|焦点|聚焦|观察|天气|说法)"
    r"[\u4e00-\u9fff]{2,3}$"
    r"|^[\u4e00-\u9fff]{2,8}网(?:\s*[-–—|·]|\s)\s*[\u4e00-\u9fff]{2,8}$"  # (禹州新闻网 — 今日禹州)
    r"|^今日[\u4e00-\u9fff]{2,3}\s*[-–—|·]\s*[\u4e00-\u9fff]{2,8}网$"  # …either way round
    # …or the county's news centre that publishes it: 道县融媒体中心, 永兴县融媒体中心数字报
    r"|^[\u4e00-\u9fff]{1,5}(?:融媒体中心|融媒|传媒中心)(?:数字报|电子报|电子版|数字版)?$")
# …and an e-paper's first heading, the county's news (# 古丈新闻; not # 图片新闻 over a
# photo, nor a section's 经济新闻 set as text under the banner).
NEWS_MASTHEAD_RE = re.compile(
    r"^(?!图片|本地|国内|国际|社会|综合|视频|热点|头条|今日)[\u4e00-\u9fff]{2,4}新闻$")
PAGE_LABEL_TOP_RE = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,6}(?:日报|晚报|都市报)\s*)?(?:[A-D]\d{1,2}|0\d)\s*版?\s*"
    r"[\u4e00-\u9fff]{2,6}(?:·[\u4e00-\u9fff]{2,6})?$"
    # …or the paper's name, the page's section and its number after them (今日新郑 城乡 3)
    r"|^(?:今日[\u4e00-\u9fff]{2,3}|[\u4e00-\u9fff]{2,6}报)\s+[\u4e00-\u9fff]{2,6}\s*\d{1,2}$"
    r"|^今日[\u4e00-\u9fff]{2,3}\s*[·•]\s*[\u4e00-\u9fff]{2,6}$"  # …or a dot: 今日长葛·民生
    # …or its number before the section, or alone (今日桂阳 4 综合, 今日卢氏 2, 零陵报 3 图片)
    r"|^(?:今日[\u4e00-\u9fff]{2,3}|[\u4e00-\u9fff]{2,6}报)\s*\d{1,2}\s*"
    r"(?:[\u4e00-\u9fff]{2,6}(?:·[\u4e00-\u9fff]{2,6})?)?$")


def dates_in_mastheads(lines: list[Line]) -> list[Line]:
    """A date, a page number or a section's name alone on its line among the masthead's
    lines (株洲日报 / 要闻 / 2026年3月12日 / 星期四, 综合新闻 03) is page furniture, not a
    notice's closing date or a headline."""
    todo = sorted({j for i, ln in enumerate(lines)
                   if ln.kind is Kind.NOISE and ln.reason in HEADER_REASONS
                   for j in (i - 1, i + 1) if 0 <= j < len(lines)})
    heapq.heapify(todo)
    while todo:
        i = heapq.heappop(todo)
        ln = lines[i]
        if ln.kind is not Kind.TEXT or not (
                (ln.terminal and SIGN_OFF_DATE_RE.match(ln.text))
                or (len(ln.text) <= MASTHEAD_ITEM and not ln.terminal
                    and not CLAUSE_PUNCT_RE.search(ln.text)
                    and not NOTICE_TITLE_RE.search(ln.text))):
            continue
        if i and lines[i - 1].kind is Kind.NOISE and lines[i - 1].reason == "section banner":
            ln.kind, ln.reason = Kind.NOISE, "section name"  # FUKAN / 副刊
        elif noise_beside(lines, i, MASTHEAD_REASONS) \
                and not after_finished_text(lines, i) and not over_its_data(lines, i) \
                and not over_a_byline(lines, i):
            ln.kind, ln.reason = Kind.NOISE, "page header"
            if i + 1 < len(lines):
                heapq.heappush(todo, i + 1)  # the next item of the same header
    return lines


def after_finished_text(lines: list[Line], i: int) -> bool:
    """Does line i come after a finished sentence, blank lines between? A web edition's
    short title over its date line (…天际线。 / (blank) / 河畔绿意浓 / 2026年03月12日惠州日报A02)
    is no item of a masthead, which starts a page or follows furniture."""
    above = next((ln for ln in reversed(lines[max(0, i - 3):i]) if ln.kind is not Kind.BLANK),
                 None)
    return above is not None and above.kind in (Kind.TEXT, Kind.LEAD) and above.terminal


LABEL_THEN_TITLE_RE = re.compile(
    rf"^[{BULLET_MARKS}]\s*(?P<label>[\u4e00-\u9fff]{{2,6}})\s+(?P<title>[^\s，。；！？][^。；！？]{{3,30}})$")


def labelled_titles_over_data(lines: list[Line]) -> list[Line]:
    """■回音壁 兴槐街“僵尸车”已全部拖走 right over a web article's data line: a column's label
    after its bullet, a space, then the article's title; not a bulleted brief's lead."""
    out: list[Line] = []
    for i, ln in enumerate(lines):
        m = LABEL_THEN_TITLE_RE.match(ln.text) if ln.text[:1] in BULLET_MARKS else None
        if m is not None and ln.kind in (Kind.LEAD, Kind.TEXT) and over_its_data(lines, i) \
                and not ROLE_WORD_RE.search(m.group("label")):
            label, title = m.group("label"), m.group("title")
            out += [Line(ln.no, label, Kind.TEXT, display_width(label)),
                    Line(ln.no, title, Kind.TEXT, display_width(title))]
            continue
        out.append(ln)
    return out


def over_its_data(lines: list[Line], i: int) -> bool:
    """Is line i set right over a web article's data line (新槐街的今昔 / 2026-03-18
    11:20:03 来源：临汾新闻网 浏览次数：, or 竹岭茶香浓 / 自在溧阳 2026-03-18 07:30)? It is
    that article's title. (The page's 责任编辑：… line is no article's data.)"""
    data = lines[i + 1].text if i + 1 < len(lines) else ""
    return (("来源" in data or POSTED_AT_RE.search(data) is not None)
            and WEB_META_RE.search(data) is not None) \
        or SOURCE_AND_TIME_RE.match(data) is not None


def over_a_byline(lines: list[Line], i: int) -> bool:
    """Does line i stand, itself or with one more short line, right over a byline (第07版:
    社区 / 社区笔记 / 又见邻里情 / □周芦生)? It is a headline, a kicker and its title."""
    for j in (i + 1, i + 2):
        below = lines[j] if j < len(lines) else None
        if below is None or below.kind is Kind.BYLINE:
            return below is not None
        if below.kind is not Kind.TEXT or below.terminal or len(below.text) > MASTHEAD_ITEM * 2:
            return False
    return False


MASTHEAD_ITEM = 6  # characters: a section's name or a page number beside the masthead
MASTHEAD_REASONS = frozenset({"masthead", "page header"})
HEADER_REASONS = MASTHEAD_REASONS | {"section banner"}


def extend_boxes(lines: list[Line]) -> list[Line]:
    """Short unpunctuated lines set right under an advertisement, a weather box, a ▶
    teaser, 今日导读 (its teasers) or 相关新闻： (its ·links) with no blank between belong to
    that box: '地址：棠庄路9号'; so do a few right above an advertisement's hotline, which
    closes the box: '嘉河口腔医院 / 夏季种植牙惠民月', and a masthead's address wrapped onto
    the next line: '社址：十堰市车岭区' / '溪源路128号'."""
    for i in [i for i, ln in enumerate(lines) if ln.kind is Kind.NOISE]:
        ln = lines[i]
        reason = ln.reason
        if reason == "index of other pages" and i and wrapped_teaser(lines[i - 1]):
            lines[i - 1].kind, lines[i - 1].reason = Kind.NOISE, reason
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if reason == "masthead" and ln.text[:2] in ("社址", "地址") and nxt is not None \
                and box_line(nxt) and nxt.text.endswith("号"):
            nxt.kind, nxt.reason = Kind.NOISE, reason  # 社址：十堰市车岭区 / 溪源路128号
        if reason == "masthead" and nxt is not None and nxt.text[:2] in ("社址", "地址") \
                and nxt.text[2:3] in "：:" and box_line(nxt):
            nxt.kind, nxt.reason = Kind.NOISE, reason  # 某某日报热线：… / 地址：…
        above = lines[i - 1] if i else None
        if reason == "masthead" and above is not None and above.kind is Kind.TEXT \
                and above.text[:2] in ("社址", "地址") and above.text[2:3] in "：:" \
                and box_line(above) and not above.terminal:
            above.kind, above.reason = Kind.NOISE, reason  # 地址：…路18号 / 新闻热线：…
        if reason in ("page header", "index of other pages") \
                and ln.text.strip("#* ") in NAV_HEADS \
                and (nav_items(lines, i) or reason == "page header"):
            continue  # 版面导航 / ·title / ·title: the page's own list
        if reason not in BOX_REASONS or (
                reason == "index of other pages" and ln.text[:1] not in "▶►"
                and not INDEX_HEADER_RE.match(ln.text) and not spaced_index(lines, i)):
            # (今日导读 over its teasers, or a framed ★导读★ over them, a blank between each)
            continue
        boxed = i and lines[i - 1].kind is Kind.NOISE and lines[i - 1].reason in BOX_REASONS
        if reason == "advertisement" and not boxed:
            for above in lines[max(0, i - AD_LINES_ABOVE):i][::-1]:
                if not box_line(above):
                    break
                above.kind, above.reason = Kind.NOISE, reason
        if reason == "weather box" and not boxed:  # 克拉玛依天气 / 今天 晴 / -21℃～-12℃
            for above in lines[max(0, i - WEATHER_LINES_ABOVE):i][::-1]:
                if not box_line(above) or not WEATHER_NAME_RE.search(above.text):
                    break
                above.kind, above.reason = Kind.NOISE, reason
        j = i + 1
        if reason == "index of other pages" and j + 1 < len(lines) \
                and lines[j].kind is Kind.BLANK and lines[j + 1].text[:1] in LINK_MARKS:
            j += 1  # **标题导航** / (blank) / - title: a web view's list under its name
        if reason == "related links" and j + 1 < len(lines) and lines[j].kind is Kind.BLANK:
            j += 1  # 新闻推荐 / (blank) / its teasers
        # 本埠要闻导读 / (blank) / ◇title / (blank) / ◇title: a web view's index, spaced
        spaced = reason == "index of other pages" and spaced_index(lines, i)
        j += spaced_item(lines, j) if spaced else 0
        while j < len(lines) and (related_link(lines[j], lines[j + 1:j + 2])
                                  if reason == "related links"
                                  else box_line(lines[j]) or (reason == "weather box"
                                                              and weather_line(lines[j]))
                                  or (reason == "advertisement" and phoned(lines[j]))
                                  or (reason == "index of other pages"
                                      and index_line(lines[j], spaced))):
            lines[j].kind, lines[j].reason = Kind.NOISE, reason
            j += 1
            j += spaced_item(lines, j) if spaced else 0
    return lines


AD_PHONE_RE = re.compile(r"(?:电话|热线|咨询|联系)\s*[：:]?\s*[\d\-－]{7,14}$")
AD_LINE = 40  # characters: an advert's line with its telephone is no longer


def phoned(ln: Line) -> bool:
    """An advert's line that ends on its telephone (某某商铺招租 电话：139…), however long."""
    return ln.kind is Kind.TEXT and len(ln.text) <= AD_LINE and "。" not in ln.text \
        and AD_PHONE_RE.search(ln.text) is not None


# A page alone, the last words of a teaser split off its title: 第二版, ▶5版.
PAGE_ONLY_RE = re.compile(
    r"^(?:[▶►>》→]\s*)?第?\s*(?:[A-Za-z]?\d{1,2}|[一二三四五六七八九十]{1,3})\s*版$")
PAGED_TEASER_RE = re.compile(r"^[▶►][^。；]{4,40}[A-Za-z]?\d{1,2}版?$")


def index_line(ln: Line, spaced: bool) -> bool:
    """A line that goes on an index of other pages: a teaser, bulleted or naming its page
    (spaced: a bulleted title after a blank), a teaser's last line read as the index's
    already (▶… / 走俏市场 2版 / ▶… / 火了 2版), or its page alone (■ 一季度…回暖 / 第二版)."""
    return bulleted_teaser(ln) or paged_teaser(ln) or (spaced and bulleted_title(ln)) \
        or ln.reason == "index of other pages" or PAGE_ONLY_RE.match(ln.text) is not None


def paged_teaser(ln: Line) -> bool:
    """A teaser that names its page at its end, its space dropped (▶代表委员在京履职：把
    “小修小补”做成“大民生”A2): a line of the index above, punctuated as it may be."""
    return ln.kind in (Kind.TEXT, Kind.LEAD) and PAGED_TEASER_RE.match(ln.text) is not None


def spaced_index(lines: list[Line], i: int) -> bool:
    """Is line i an index's name (本埠要闻导读, ★导读★) with a blank and a teaser under it?"""
    return index_header(lines[i].text) and spaced_item(lines, i + 1) == 1


def spaced_item(lines: list[Line], j: int) -> int:
    """1 when line j is blank and a teaser's bulleted title is under it, else 0."""
    return int(j + 1 < len(lines) and lines[j].kind is Kind.BLANK and bulleted_title(lines[j + 1]))


def bulleted_title(ln: Line) -> bool:
    """A teaser under 导读, as read: a bulleted title alone or a brief's lead."""
    return bulleted_teaser(ln) or (ln.bullet and ln.kind is Kind.TEXT and len(ln.text) <= BOX_LINE
                                   and not any(ch in ln.text for ch in "，。：:"))


TEASER_LINE = 20  # characters: the first line of a teaser wrapped over two


def wrapped_teaser(ln: Line) -> bool:
    """The first line of a teaser whose second line names its page (▶老手艺人口述：修老宅
    / 要“慢工” A03, ■渔家峪村：民宿有了 / “管家团” 6版)."""
    return ln.kind in (Kind.TEXT, Kind.LEAD) and ln.text[:1] in "▶►" + BULLET_MARKS \
        and len(ln.text) <= TEASER_LINE and not ln.terminal


def nav_items(lines: list[Line], i: int) -> int:
    """Mark the titles listed under a page's navigation heading (line i) as furniture:
    after a · or a -, or numbered (### 版面导航 / 1. title / 2. title), the page's name
    and blank lines between allowed (## 标题导航 / ### 第03版：镇街 / - title). How many."""
    j = i + 1
    while j < len(lines) and (lines[j].kind is Kind.BLANK or (
            lines[j].kind is Kind.NOISE and lines[j].reason == "page header")):
        j += 1
    numbered = j < len(lines) and NAV_ITEM_NO_RE.match(lines[j].text) is not None
    marked = 0
    while j < len(lines) and (related_link(lines[j]) or nav_link(lines[j]) or (
            numbered and lines[j].kind is Kind.TEXT and NAV_ITEM_NO_RE.match(lines[j].text))):
        lines[j].kind, lines[j].reason = Kind.NOISE, "index of other pages"
        j, marked = j + 1, marked + 1
    return marked


def nav_link(ln: Line) -> bool:
    """A title after its · in a page's list of its own titles, asking or not (·公交17路何时
    恢复原线路？): a title ends no sentence, whatever its mark."""
    return ln.kind in (Kind.TEXT, Kind.LEAD, Kind.BYLINE) and ln.text[:1] in LINK_MARKS \
        and len(ln.text) <= BOX_LINE and not any(ch in ln.text for ch in "，。")


TEASER_TITLE_MAX = 30  # characters: the title over a teaser cut short in a box of links


def related_link(ln: Line, below: list[Line] | None = None) -> bool:
    """A link under 相关新闻： (·某某项目启动), or a teaser cut short (◎本报记者 罗婷
    今年以来，…), or the title over such a teaser."""
    return ln.kind in (Kind.TEXT, Kind.LEAD, Kind.BYLINE) and (
        (box_line(ln) and ln.text[:1] in LINK_MARKS) or ln.text.endswith(("...", "…"))
        or (not ln.terminal and len(ln.text) <= TEASER_TITLE_MAX and bool(below)
            and below[0].kind in (Kind.TEXT, Kind.LEAD) and below[0].text.endswith(("...", "…"))))


LINK_RUN = 2  # ·lines one under another: a list of links, not a headline group
LINK_BOX_NAME = 6  # characters: the name of such a box, over its links after furniture


def link_runs(lines: list[Line]) -> list[Line]:
    """Short lines each set after a · (a site's box of links beside the article: 湛图片 /
    · 椰港渔港夜色 / · 蚝岭镇蚝苗下海), two or more in a row: links, not text."""
    dotted = [i for i, ln in enumerate(lines) if ln.text[:1] in "·•"]  # few on any page
    run: list[int] = []
    for i in [*dotted, -1]:
        if i >= 0 and box_line(lines[i]) and (not run or run[-1] == i - 1):
            run.append(i)
            continue
        if len(run) >= LINK_RUN:
            first = run[0]
            if first >= 2 and box_line(lines[first - 1]) and len(lines[first - 1].text) \
                    <= LINK_BOX_NAME and lines[first - 2].kind in (Kind.NOISE, Kind.BLANK):
                run.insert(0, first - 1)  # the box's name over its links
            for j in run:
                lines[j].kind, lines[j].reason = Kind.NOISE, "links"
        run = [i] if i >= 0 and box_line(lines[i]) else []
    return lines


WEATHER_WORDS_RE = re.compile(r"[晴阴雨雪雾]|多云|[东南西北]风|\d级|℃|气温")


def weather_line(ln: Line) -> bool:
    """A forecast's line under its box's name, its clauses set apart by commas (今日，南宁
    多云转小雨 / 偏南风2~3级，18~26℃)."""
    return ln.kind is Kind.TEXT and len(ln.text) <= BOX_LINE and not ln.terminal \
        and WEATHER_WORDS_RE.search(ln.text) is not None


def box_line(ln: Line) -> bool:
    """A short unpunctuated text line, as boxes print them."""
    return ln.kind is Kind.TEXT and len(ln.text) <= BOX_LINE and not ln.terminal \
        and not any(ch in ln.text for ch in "，。")


def bulleted_teaser(ln: Line) -> bool:
    """A teaser's first line after its bullet, under 导读 (●湖区首条水上 / 巴士线路试运行 /
    见第4版), read as a brief's lead for its bullet: short and unpunctuated, no brief."""
    return ln.kind is Kind.LEAD and ln.text[:1] in BULLETS and len(ln.text) <= BOX_LINE \
        and not any(ch in ln.text for ch in "，。：:")


def mark_bare_names(lines: list[Line]) -> list[Line]:
    """A name alone between a finished sentence and a blank line ('…不绝。' / '陶一鸣' /
    ''): the article's author, printed at its end."""
    for i in [i for i, ln in enumerate(lines) if ln.kind is Kind.TEXT
              and len(ln.text) <= NAME_LINE and ln.text[:1] in SURNAMES]:
        ln = lines[i]
        prev = next((x for x in reversed(lines[max(0, i - 3):i]) if x.kind is not Kind.BLANK),
                    None)  # the last line that is not blank (a name stands alone: one blank)
        if prev is None or not prev.terminal or not is_name(ln.text):
            continue
        after = lines[i + 1] if i + 1 < len(lines) else None
        beyond = next((x for x in lines[i + 2:i + 4] if x.kind is not Kind.BLANK), None)
        if (after is None or after.kind is Kind.BLANK) and not (
                beyond is not None and beyond.kind is Kind.BYLINE):
            ln.kind = Kind.SIGNATURE  # (a title has its author's byline under it)
    return lines


NAME_LINE = 5  # characters: a name alone, spaced or not (向 炜, 陶一鸣)


def surnamed(text: str) -> bool:
    """Two or three characters alone (spaced or not), the first a common surname: a name
    as it may be printed, though two-character words (白露, 童年) look the same."""
    return text[:1] in SURNAMES and BARE_NAME_RE.match(text) is not None


def is_name(text: str) -> bool:
    """A person's name alone: a common surname and one or two characters. Two-character
    words (白露, 童年, 夏至) are titles as often as names, so they count only when printed
    spaced as names are (向 炜)."""
    return surnamed(text) and (len(text.replace(" ", "")) == 3 or " " in text)


FULL_NAME_RE = re.compile(r"^[\u4e00-\u9fff]{3}$")


def author_named(field: re.Match) -> bool:
    """作者 苏蔓: an author's name alone after the word, a space between (three
    characters are a name whatever the surname: 作者 楼晓梅)."""
    named = (field.group("named") or "").strip()
    return surnamed(named) or FULL_NAME_RE.match(named) is not None


SUBTITLE_FULL = 0.85  # of the column: a subtitle line this wide may wrap onto the next


def mend_wrapped_subtitles(lines: list[Line], column: float) -> list[Line]:
    """A ——subtitle wrapped onto the next lines (——社区食堂、志愿者和周边餐馆联手， /
    每天供餐约300份) is one subtitle. The lines taken have no full stop and no more than a
    column's width; the group ends there (a blank line, the story's lead or byline after
    them), or, for one line, the subtitle's first line stops on a comma or fills the column."""
    joined: set[int] = set()
    for i in [i for i, ln in enumerate(lines) if ln.kind is Kind.SUBTITLE]:
        sub = lines[i]
        taken = 0
        # in a narrow column a subtitle wraps over more lines (——某某区把闲置 / 车棚改成驿站， /
        # 入冬以来已建成 / 23处)
        most = SUBTITLE_MORE if column > NARROW_COLUMN else SUBTITLE_MORE_NARROW
        while taken < most and i + taken + 1 < len(lines):
            ln = lines[i + taken + 1]
            if ln.kind is not Kind.TEXT or ln.terminal or ln.row \
                    or ln.width > max(sub.width, column) + 1:
                break
            taken += 1
        nxt, after = (lines[j] if j < len(lines) else None for j in (i + 1, i + 2))
        if not taken and nxt is not None and nxt.kind is Kind.TEXT and not nxt.terminal and (
                # right above the lead or byline, however wide
                (after is not None and after.kind in (Kind.LEAD, Kind.BYLINE))
                # ——合作社统一调度， / 小农户用机…一样方便: wider than the column below
                or (sub.text[-1] in "，、；：:" and len(nxt.text) <= SUBTITLE_LINE_MAX
                    and (after is None or after.kind in (Kind.BLANK, Kind.LEAD, Kind.BYLINE)))):
            taken = 1
        after = lines[i + taken + 1] if i + taken + 1 < len(lines) else None
        # …or the story's credit (记者 关越 文/摄), when its writer took the picture
        ends = after is None or after.kind in (Kind.BLANK, Kind.LEAD, Kind.BYLINE, Kind.CREDIT)
        if taken and not ends:
            taken = 1 if (sub.text[-1] in "，、：:；" or sub.width >= SUBTITLE_FULL * column) \
                and lines[i + 1].width <= max(sub.width, column) else 0
        if taken:
            more = "".join(ln.text for ln in lines[i + 1:i + 1 + taken])
            lines[i] = Line(sub.no, sub.text + more, Kind.SUBTITLE, sub.width)
            joined.update(range(i + 1, i + 1 + taken))
    return [ln for i, ln in enumerate(lines) if i not in joined] if joined else lines


SUBTITLE_MORE = 2  # lines a subtitle may run on over
SUBTITLE_MORE_NARROW = 3  # …in a column this narrow or narrower:
NARROW_COLUMN = 12  # cells
SUBTITLE_LINE_MAX = 30  # characters: the last line of a subtitle broken at its comma


def typical_width(lines: list[Line]) -> float:
    """The page's usual column width: the median width of its body lines. On a page set
    a paragraph a line (a web page), where short lines (titles, questions, table rows)
    may outnumber the paragraphs, the width that half of its text is set at or under."""
    widths = sorted(ln.width for ln in lines if ln.kind is Kind.TEXT and ln.width >= 4)
    if not widths:
        return 16.0
    median = widths[len(widths) // 2]
    if widths[-1] <= WRAPPED_WIDTH:
        return median  # no line wider than a column: the weighted width cannot be either
    seen = list(accumulate(widths))
    width = widths[bisect_left(seen, seen[-1] / 2)]
    return width if width > WRAPPED_WIDTH else median

