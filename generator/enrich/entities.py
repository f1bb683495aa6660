"""An article's text → the people, places, organisations and keywords it names.

Pure functions over jieba's words (lexicon.py segments and knows the tags). Precision
comes first: an archive must not invent a person, so a person needs evidence beyond
jieba's tag (a surname first, and a title before the name or a verb of speech after
it, or a name jieba did not know of three characters), the byline's names are people,
generic places (中国, 我国, 全市) are not places, and an organisation needs a full name
(许昌市教育局, not 市教育局: which city's?).

    >>> extract("市长张三在许昌市调研", None, None, "本报讯（记者 李新）", "", lexicon())
    Entities(people=('张三', '李新'), places=('许昌',), orgs=(), keywords=('调研',))
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter, mul, neg

from generator.enrich.lexicon import Lexicon
from generator.enrich.names import (
    AFTER_NAME,
    COMPOUND_SURNAMES,
    FUNCTION_CHARS,
    GENERIC_ORGS,
    GENERIC_PLACES,
    KNOWN_PLACES,
    NATIONAL_ORGS,
    NOT_GIVEN,
    NOT_IN_NAMES,
    NOT_PLACE_HEADS,
    ORG_PREFIXES,
    ORG_SUFFIXES,
    PLACE_SUFFIXES,
    PREPOSITION_SURNAMES,
    SPEECH_GLUE,
    SUB_BODIES,
    SURNAMES,
    TITLES,
)
from generator.site.urls import authors

KINDS = ("people", "places", "orgs", "keywords")
KEYWORDS_PER_ARTICLE = 5
MAX_PER_KIND = 12  # an article lists at most this many of each kind (the most named)
ORG_MAX_WORDS = 6  # words an organisation's name may span after its first
# Tags of the words an organisation's name is made of (许昌市/城市/管理/委员会).
ORG_BODY_TAGS = frozenset({"n", "nz", "vn", "nt", "ns", "j", "nr", "l", "b", "an", "ng", "nrt"})
PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})
# Endings after which a word and its suffix are one place (建安 + 区).
MERGE_SUFFIX_TAGS = frozenset({"ns", "nz", "nr", "nrt", None})


@dataclass(frozen=True, slots=True)
class Entities:
    """What one article names, each kind most named first."""

    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()

    def of(self, kind: str) -> tuple[str, ...]:
        return getattr(self, kind)

    def __reduce__(self) -> tuple[type, tuple[tuple[str, ...], ...]]:
        """Pickled as its four tuples: the build cache loads 100k articles' entities in
        less than half the time a dataclass's own state takes."""
        return Entities, (self.people, self.places, self.orgs, self.keywords)


def is_clean_name(name: str) -> bool:
    """Is the name made of what names are printed with: Chinese characters, Latin
    letters, digits and the middle dot (·, •). OCR noise (张三%, 李?四, 张#三) is no
    name, and its ? # % would break the entity page's link."""
    return CLEAN_NAME.fullmatch(name) is not None


CLEAN_NAME = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9·•]+")


def is_name_shape(word: str) -> bool:
    """Could the word be a Chinese person's full name: a surname, then one or two
    characters that names are made of (张三, 欧阳明华; not 张某, 王村, 李说, nor 林长制:
    a surname, a title and 制 name a system of officials, as 河长制 does)."""
    if word in COMPOUND_SURNAMES or not is_clean_name(word) or word.endswith("长制"):
        return False
    if word[:2] in COMPOUND_SURNAMES and 3 <= len(word) <= 4:
        given = word[2:]
    elif word[:1] in SURNAMES and 2 <= len(word) <= 3:
        given = word[1:]
    else:
        return False
    return given not in NOT_GIVEN and not any(c in NOT_IN_NAMES or c == "某" for c in given)


def is_place_word(word: str, lex: Lexicon) -> bool:
    """Is the word by itself a particular place (not a generic one like 全市): the
    site's dictionary says so, or it is a known city or province, or jieba tags it a
    place and it ends like one (jieba tags 上门 and 新春 places too), or it is one of
    these with its 市/省/县 (焦作市, which jieba does not know)."""
    if word in GENERIC_PLACES or len(word) < 2:
        return False
    tag = lex.user.get(word)
    if tag is not None:
        return tag == "ns"
    if word in KNOWN_PLACES:
        return True
    if len(word) >= 3 and word.endswith(("省", "市", "县")) and word[:-1] in KNOWN_PLACES:
        return True
    if 3 <= len(word) <= 4 and word.endswith("县") and can_head_place(word[:-1], None, "县"):
        return lex.tags.get(word) not in ("v", "a", "vn", "d")  # 博爱县 (jieba: a person)
    return (lex.tags.get(word) == "ns" and len(word) >= 3 and word.endswith(NATURAL_ENDINGS)
            and not word.endswith(("城市", "都市", "城区", "社区", "小区", "园区", "景区"))
            and not is_kind_of_area(word))


def is_kind_of_area(word: str) -> bool:
    """Is the word a kind of area, a common noun, rather than a named place: its head
    before the place's ending says what sort of place it is (城中 + 村, 贫困 + 村,
    示范 + 区), whatever tag jieba's dictionary gives the whole word."""
    for suffix in PLACE_SUFFIXES:
        if word.endswith(suffix) and word[: -len(suffix)] in NOT_PLACE_HEADS:
            return True
    return False


# Endings of the places jieba tags ns that are more than a tag error (新春, 上门 are ns).
NATURAL_ENDINGS = (*PLACE_SUFFIXES, "山", "河", "湖", "江", "岛", "水库", "沟", "峡", "湾", "港")


def place_name(word: str, lex: Lexicon) -> str:
    """A place's name as its page names it, one form whatever the text prints, so that
    one place has one page: the ending 省/市/县/区 is dropped when the head alone is a
    known place (许昌市 → 许昌, 修武县 → 修武, 建安区 → 建安: papers print both), kept
    when the head alone is a common word or too short (博爱县, 温县, 解放区)."""
    for suffix in ("省", "市", "县", "区"):
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 2 and (
                base in KNOWN_PLACES or (suffix != "县" and is_place_word(base, lex))):
            return base
    return word


def can_head_place(word: str, tag: str | None, suffix: str) -> bool:
    """May word + suffix be a named place (建安 + 区, 马栏 + 镇, 前进 + 村), not a kind
    of area (示范 + 区) or a phrase (的 + 村)?"""
    if len(word) < 2 or word in GENERIC_PLACES or word in NOT_PLACE_HEADS \
            or word[0] in "省市县区镇乡村":
        return False
    if any(c in FUNCTION_CHARS for c in word):
        return False
    if suffix in ("省", "市"):
        return False  # a city or province is known by name (KNOWN_PLACES, the dictionary)
    if tag in MERGE_SUFFIX_TAGS:
        return True
    if suffix == "街道":
        return word.endswith(("路", "街", "门", "桥", "湖", "山", "河", "园", "庄", "营"))
    return False


def place_at(words: list[str], i: int, lex: Lexicon) -> tuple[str, int] | None:
    """The place that starts at words[i] and the index of its last word, or None."""
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if is_place_word(w, lex):
        if nxt in PLACE_SUFFIXES:
            return w + nxt, i + 1  # 许昌 + 市
        return w, i
    if w.endswith("街") and nxt == "道" and lex.tags.get(w) == "ns":
        return w + nxt, i + 1  # 西大街 + 道
    if lex.user.get(w) is not None:
        return None
    tag = lex.tags.get(w)
    if nxt in PLACE_SUFFIXES and can_head_place(w, tag, nxt):
        return w + nxt, i + 1  # 建安 + 区
    if tag is None and 3 <= len(w) <= 4 and w.endswith(("镇", "乡", "街道")) \
            and can_head_place(w[:-1] if w[-1] != "道" else w[:-2], None, "镇") \
            and not glued_in_phrase(words, i, lex):
        return w, i  # 城伯镇, which jieba does not know
    if len(w) == 1 and w not in FUNCTION_CHARS:  # 椹/涧/乡: characters jieba knows no word of
        j = i
        while j < len(words) and j - i < 3 and len(words[j]) == 1 and words[j] != "\n" \
                and words[j] not in FUNCTION_CHARS and words[j] not in PLACE_SUFFIXES:
            j += 1
        if j - i >= 2 and j < len(words) and words[j] in ("乡", "镇", "村") \
                and all(lex.tags.get(c) not in ("v", "p", "c", "d", "r", "m", "q") for c in
                        words[i:j]):
            return "".join(words[i:j + 1]), j
    return None


def glued_in_phrase(words: list[str], i: int, lex: Lexicon) -> bool:
    """Is words[i], a word jieba's dictionary does not know, cut out of a run of words
    it does not know either (万人助/企联乡/帮村, a slogan): its unknown-word model split
    the run somewhere, so the word is no evidence of a place. A word between known
    words or line breaks (在/城伯镇/调研) is not glued."""
    neighbours = (words[i - 1] if i else "\n", words[i + 1] if i + 1 < len(words) else "\n")
    return any(w != "\n" and not lex.known(w) for w in neighbours)


def is_org_ending(word: str) -> bool:
    """Does the word end an organisation's name: 委员会, 教育局 (not 部署, 场所)."""
    return word.endswith(_LONG_ORG_SUFFIXES) or (
        word[-1:] in _SHORT_ORG_SUFFIXES and (len(word) >= 3 or len(word) == 1))


_LONG_ORG_SUFFIXES = tuple(s for s in ORG_SUFFIXES if len(s) > 1)
_SHORT_ORG_SUFFIXES = frozenset(s for s in ORG_SUFFIXES if len(s) == 1)


def org_end(words: list[str], start: int, lex: Lexicon) -> int:
    """The index of the last word of an organisation's name whose first words end at
    words[start] (a place, an organisation, 国网…), or -1 when none does: the longest
    run of noun-like words that ends with an organisation's ending (许昌市/城市/管理/
    委员会, 河南省/发展/和/改革/委员会)."""
    end = -1
    for j in range(start + 1, min(len(words), start + 1 + ORG_MAX_WORDS)):
        w = words[j]
        if w in SUB_BODIES:
            break
        tag = lex.user.get(w) or lex.tags.get(w)
        if w == "和" and j > start + 1:
            after = words[j + 1] if j + 1 < len(words) else ""
            if is_org_ending(after):
                break  # 会议和中组部: two things, not one name
            continue  # 住房和城乡建设局
        if w in GENERIC_PLACES or (tag not in ORG_BODY_TAGS and not is_org_ending(w)
                                   and not (tag == "m" and w.startswith("第"))):
            break
        if is_org_ending(w) and tag not in ("v", "vn", "a", "d") and org_stem_ok(w, tag, lex):
            end = j
            after = words[j + 1] if j + 1 < len(words) else ""
            if len(w) == 1 and after not in ("集团", "有限公司", "股份有限公司"):
                break  # a one-character ending closes the name (厅, 局)
    return end


def org_stem_ok(word: str, tag: str | None, lex: Lexicon) -> bool:
    """May the word end an organisation's name as far as what stands before its ending
    goes: jieba's dictionary knows 开好局 as a noun, but 开好 is a verb (开好局, 起好步:
    a phrase), while 教育局 is 教育 + 局. Only organisations jieba knows (nt) and long
    endings (委员会) need no look at the stem; a stem jieba does not know needs a tag."""
    if tag == "nt" or word.endswith(_LONG_ORG_SUFFIXES):
        return True
    stem_tag = lex.tags.get(word[:-1])
    return stem_tag not in ("v", "a", "d", "ad") and (tag is not None or stem_tag is not None)


def person_evidence(words: list[str], first: int, last: int) -> bool:
    """Does the text around words[first:last + 1] say it is a person: a title before it
    (市长张三, 记者李新) or a verb of speech or a role after it (张三说, 张三同志)."""
    before = words[first - 1] if first > 0 else ""
    after = words[last + 1] if last + 1 < len(words) else ""
    return (before in TITLES or before.endswith(("书记", "记者", "主任", "局长", "经理"))
            or after in AFTER_NAME)


def names_a_place_or_system(words: list[str], last: int) -> bool:
    """Does the word after a would-be name make it part of something else: a place's
    ending (陈化店 + 镇, 王庄 + 村: the name of a town), the body of a town (陈化店 +
    镇政府), or 制 after a title (林长 + 制, 路长 + 制: a system, not a person)."""
    after = words[last + 1] if last + 1 < len(words) else ""
    if after in PLACE_SUFFIXES or (after[:1] in "镇乡村" and after in GENERIC_ORGS):
        return True
    return after[:1] == "制" and words[last].endswith("长")


def person_at(words: list[str], i: int, lex: Lexicon) -> tuple[str, int, bool] | None:
    """A person's name that starts at words[i] (see find_person), unless what follows
    makes it part of a place's or a system's name (names_a_place_or_system)."""
    found = find_person(words, i, lex)
    if found is not None and names_a_place_or_system(words, found[1]):
        return None
    return found


def find_person(words: list[str], i: int, lex: Lexicon) -> tuple[str, int, bool] | None:
    """A person's name that starts at words[i]: (name, index of its last word, whether
    the text itself says it is a person), or None. jieba cuts names three ways: whole
    (唐晓辉), as a surname and a word (龚/玉林: 玉林 is a city in its dictionary), and
    glued to the next character (汪明率)."""
    w = words[i]
    tag = lex.tags.get(w)
    if lex.user.get(w) is not None:
        return None
    unknown = tag is None and not lex.jieba.has_word(w)
    if (tag in PERSON_TAGS or unknown) and is_name_shape(w) and w not in KNOWN_PLACES:
        evidence = person_evidence(words, i, i)
        # A three-character name jieba's dictionary does not know: its unknown-word
        # model found it, and such words in news text are names, unless it took the
        # first characters of a phrase (常学常/新: 常学常新).
        after = words[i + 1] if i + 1 < len(words) else ""
        glued = len(after) == 1 and after not in FUNCTION_CHARS and after != "\n"
        return w, i, evidence or (unknown and len(w) >= 3 and not glued)
    if unknown and len(w) == 3 and is_name_shape(w[:2]):
        if w[2] in SPEECH_GLUE:  # 汪明率: the verb says it is a person
            return w[:2], i, True
        if w[2] in GLUED_WORDS:  # 张三在: a title before it must say so
            return w[:2], i, person_evidence(words, i, i)
    if len(w) == 2 and w[0] in SURNAMES and i + 1 < len(words) and len(words[i + 1]) == 1 \
            and is_name_shape(w + words[i + 1]) and tag != "nt" \
            and (words[i - 1] if i else "") in TITLES:
        return w + words[i + 1], i + 1, True  # 党委书记 梁国/栋: a title, then a name cut wrong
    if (w in SURNAMES or w in COMPOUND_SURNAMES) and i + 1 < len(words):
        given = words[i + 1]
        name = w + given
        if 1 <= len(given) <= 2 and is_name_shape(name) and lex.user.get(given) is None \
                and lex.tags.get(given) not in ("nt", "m", "q", "p", "c", "u", "uj", "f"):
            if w in PREPOSITION_SURNAMES:  # 向群众介绍: only 书记向东 is a name
                return name, i + 1, (words[i - 1] if i else "") in TITLES
            return name, i + 1, person_evidence(words, i, i + 1)
    return None


def extract(title: str | None, kicker: str | None, subtitle: str | None,
            byline: str | None, body: str, lex: Lexicon) -> Entities:
    """The entities of one article: its headlines, byline and body. Titles of works
    (《中华人民共和国食品安全法》) are left out: they name a text, not a place."""
    text = "\n".join(part for part in (kicker, title, subtitle, byline, body) if part)
    return extract_words(lex.cut(WORK_TITLE.sub("\n", text)), byline, lex)


WORK_TITLE = re.compile(r"《[^《》\n]{0,60}》")


# One-character words jieba's unknown-word model glues to a name before them (张三在).
GLUED_WORDS = frozenset("在和与对向从为将把被是也都就到给让")

# Words after which the word before may start a place or an organisation (建安 + 区).
JOINERS = frozenset({*PLACE_SUFFIXES, "道", "有限公司", "股份有限公司", "集团"})


# A company's name before its ending: a name jieba does not know or knows as a name
# (振德 + 集团), not a word for a trade (金属 + 有限公司, 投资 + 集团).
COMPANY_ENDINGS = frozenset({"有限公司", "股份有限公司", "集团", "集团有限公司"})
COMPANY_HEAD_TAGS = frozenset({None, "nz", "nr", "nrt", "ns", "j"})


# What a word may do at the start of an entity (start_flags), so that the rules run only
# where they can find something: most words jieba's dictionary tags as names or places
# (城市, 新春, 一是) and all line breaks never start one, whatever stands around them.
TRIGGER = 1  # a trigger of the lexicon or a word jieba does not know: always looked at
JOINER = 2  # a place's or a company's ending: the three words before it are looked at
ALONE = 4  # may start an entity whatever follows
BEFORE_ENDING = 8  # may start one only before a word of ENDINGS (建安 + 区, 振德 + 集团)
BEFORE_VILLAGE = 16  # a character that may start 椹/涧/乡: 乡, 镇 or 村 two or three on
MAY_START = ALONE | BEFORE_ENDING | BEFORE_VILLAGE
ENDINGS = frozenset({*PLACE_SUFFIXES, "道", *COMPANY_ENDINGS})
VILLAGE_ENDINGS = frozenset("乡镇村")
NOT_IN_VILLAGES = frozenset({"v", "p", "c", "d", "r", "m", "q"})  # tags (see place_at)


def start_flags(word: str, lex: Lexicon) -> int:
    """What the word may do where an entity starts (TRIGGER … BEFORE_VILLAGE), read off
    the rules of extract_words, place_at and person_at without the words around it: a
    word that may not start anything is skipped, the rules it would meet unchanged."""
    tag = lex.tags.get(word)
    user_tag = lex.user.get(word)
    flags = (TRIGGER if word in lex.triggers or word not in lex.tags else 0) \
        | (JOINER if word in JOINERS else 0)
    org_tag = user_tag if user_tag is not None else tag
    if user_tag == "nr" or is_place_word(word, lex) or user_tag == "nt" \
            or (org_tag == "nt" and word not in GENERIC_ORGS) or word in ORG_PREFIXES \
            or word in NATIONAL_ORGS:
        return flags | ALONE
    if (len(word) >= 2 and org_tag in COMPANY_HEAD_TAGS) or (
            word.endswith("街") and tag == "ns"):
        flags |= BEFORE_ENDING  # 振德 + 集团, 西大街 + 道
    if user_tag is not None:
        return flags if flags & MAY_START else flags & JOINER
    if can_head_place(word, tag, "区") or can_head_place(word, tag, "街道"):
        flags |= BEFORE_ENDING  # 建安 + 区
    unknown = tag is None and not lex.jieba.has_word(word)
    if (tag is None and 3 <= len(word) <= 4 and word.endswith(("镇", "乡", "街道"))) \
            or ((tag in PERSON_TAGS or unknown) and is_name_shape(word)) \
            or (unknown and len(word) == 3 and is_name_shape(word[:2])) \
            or (len(word) == 2 and word[0] in SURNAMES and tag != "nt") \
            or word in SURNAMES or word in COMPOUND_SURNAMES:
        return flags | ALONE  # 城伯镇, 张三, 汪明率, 梁国/栋, 龚/玉林
    if len(word) == 1 and word != "\n" and word not in FUNCTION_CHARS \
            and word not in PLACE_SUFFIXES and tag not in NOT_IN_VILLAGES:
        flags |= BEFORE_VILLAGE
    return flags if flags & MAY_START else flags & JOINER


def word_facts(word: str, lex: Lexicon) -> tuple[int, float]:
    """What extraction needs to know of a word whatever its article: its start_flags
    and its IDF as a keyword (0 if it may not be one). Worked out once per process
    and word (see facts): an archive uses the same words again and again."""
    return start_flags(word, lex), lex.keyword_idf.get(word, 0.0)


def facts(present: list[str], lex: Lexicon) -> list[tuple[int, float]]:
    """The word_facts of each of the words, from the lexicon's memo."""
    memo = lex.memo
    found = list(map(memo.get, present))
    if None in found:  # words met for the first time
        for w in present:
            if w not in memo:
                memo[w] = word_facts(w, lex)
        found = list(map(memo.__getitem__, present))
    return found


def candidates(words: list[str], marks: dict[str, int]) -> list[int]:
    """The indexes of the words an entity may start at: words of the lexicon's
    triggers (places, surnames, organisations, tagged names), words jieba's
    dictionary does not know, and words before a place's or a company's ending (and
    up to three before 乡/镇/村, for 椹/涧/乡); of these, only the words start_flags
    says may start one there. marks: the article's words of nonzero start_flags."""
    hits = list(compress(range(len(words)), map(marks.__contains__, words)))
    near: set[int] = set()  # the words three or fewer before an ending
    for i in hits:
        if marks[words[i]] & JOINER:
            near.update(range(max(0, i - 3), i))
    n = len(words)
    found: list[int] = []
    for i in hits:
        flags = marks[words[i]]
        if not (flags & TRIGGER or i in near):
            continue
        if flags & ALONE or (flags & BEFORE_ENDING and i + 1 < n and words[i + 1] in ENDINGS) \
                or (flags & BEFORE_VILLAGE
                    and not VILLAGE_ENDINGS.isdisjoint(words[i + 2:i + 4])):
            found.append(i)
    return found


UNNAMED_ORG_HEADS = tuple("市县区省镇乡")  # 市教育局: which city's?


def extract_words(words: list[str], byline: str | None, lex: Lexicon,
                  starts: Iterable[int] | None = None) -> Entities:
    """The entities of an article's words (lex.cut of its text) and its byline.
    starts: where entities may start (the candidates(), unless a test says)."""
    people: Counter[str] = Counter()
    places: Counter[str] = Counter()
    orgs: Counter[str] = Counter()
    maybe: Counter[str] = Counter()  # names still without evidence → mentions
    user = lex.user
    n = len(words)
    counts = Counter(words)
    present = list(counts)
    known = facts(present, lex)
    flags = list(map(itemgetter(0), known))
    idfs = list(map(itemgetter(1), known))
    i = 0
    if starts is None:
        starts = candidates(words, dict(compress(zip(present, flags, strict=True), flags)))
    for start in starts:
        if start < i:
            continue  # inside a name found already
        i = start
        w = words[i]
        user_tag = user.get(w)
        if user_tag == "nr":
            people[w] += 1
            i += 1
            continue
        place = place_at(words, i, lex)
        last = place[1] if place else i
        tag = user_tag if user_tag is not None else lex.tags.get(w)
        if place or (tag == "nt" and w not in GENERIC_ORGS) or w in ORG_PREFIXES or (
                i + 1 < n and words[i + 1] in COMPANY_ENDINGS and len(w) >= 2
                and tag in COMPANY_HEAD_TAGS):
            end = org_end(words, last, lex)
            if end >= 0:
                name = "".join(words[i:end + 1])
                if name not in GENERIC_ORGS and not name.startswith(UNNAMED_ORG_HEADS):
                    orgs[name] += 1
                i = end + 1
                continue
        if place:
            places[place_name(place[0], lex)] += 1
            i = last + 1
            continue
        if (user_tag == "nt" or w in NATIONAL_ORGS or (
                tag == "nt" and len(w) >= 4 and is_org_ending(w)
                and (w[:2] in KNOWN_PLACES or w[:3] in KNOWN_PLACES))) \
                and w not in GENERIC_ORGS:
            orgs[w] += 1
            i += 1
            continue
        person = person_at(words, i, lex)
        if person is not None:
            name, last, evidence = person
            if evidence or name in people:
                people[name] += 1 + maybe.pop(name, 0)
            else:
                maybe[name] += 1
            i = last + 1
            continue
        i += 1
    for name in authors(byline):
        if is_name_shape(name) or (user.get(name) == "nr" and is_clean_name(name)):
            people[name] += 0  # listed, after the people the text names
    for found in (people, places, orgs):
        for name in [name for name in found if not is_clean_name(name)]:
            del found[name]
    named = set(people) | set(places) | set(orgs)
    return Entities(
        people=ranked(people), places=ranked(places), orgs=ranked(orgs),
        keywords=keywords(list(compress(present, idfs)),
                          list(compress(map(mul, counts.values(), idfs), idfs)), named),
    )


def ranked(counts: Counter[str]) -> tuple[str, ...]:
    """Most named first; ties in the order of first mention (Counter keeps it)."""
    order = {name: n for n, name in enumerate(counts)}
    return tuple(sorted(counts, key=lambda k: (-counts[k], order[k]))[:MAX_PER_KIND])


def keywords(nouns: list[str], weights: list[float], named: set[str],
             top: int = KEYWORDS_PER_ARTICLE) -> tuple[str, ...]:
    """The article's words of most weight (TF-IDF with jieba's IDF table, as
    jieba.analyse.extract_tags weighs them), nouns only, not the entities it names.
    nouns: the article's words of the keyword vocabulary; weights: count × IDF of each.
    Only those weighing as much as the 2 × top heaviest are sorted (ties included)."""
    scored = zip(map(neg, weights), nouns, strict=True)  # (-weight, word): best first
    if len(weights) > 2 * top:
        floor = sorted(weights, reverse=True)[2 * top - 1]
        best = sorted(compress(scored, map(floor.__le__, weights)))
    else:
        best = sorted(scored)
    inside = "|".join(named)  # a keyword is no part of a name either
    found = [w for _, w in best if w not in inside][:top]
    if len(found) < top and len(best) < len(weights):  # the names held many of them
        found = [w for _, w in sorted(zip(map(neg, weights), nouns, strict=True))
                 if w not in inside][:top]
    return tuple(found)
