"""Classify the repaired lines of a page: what each line *is* before we group them.

Newspaper OCR dumps mix body text with structural lines: leads (本报讯…),
bylines, photo credits, continuation notes, sub-headlines, banners. Recognising
them line by line is cheap and makes the grouping in `segment` simple.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.ingest.article import PageRef

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
NAME = rf"[{CJK}·]{{2,5}}"
# What a named person did, after the name: 许航/文 孟凡/图.
DOES = r"(?:\s*[/／](?:文字|视频|摄影|摄像|文图|图文|[文图摄]))?"  # 许航/文, 高远/视频, X/文图
# A name OCR spaced out letter by letter: 唐 克, 肖 明 川.
SPACED_NAME = rf"[{CJK}](?: [{CJK}]){{1,3}}(?![{CJK}])"
# A credit's role word: 本报记者, 全媒体记者, 见习记者, 首席记者, 通讯员, 本报评论员 …
# The role may carry the paper's name or its Latin initials (德州晚报全媒体记者,
# YMG全媒体记者) and a slash before the name (记者/伍晓岚, as 江门日报 prints it).
PAPER = (r"(?:(?:[\u4e00-\u9fff]{2,4}[·/／])?"  # 新天水·天水日报, an app's 石榴云/新疆日报
         r"[\u4e00-\u9fff]{2,6}(?:日报|晚报|都市报|早报|商报|晨报|时报|金报|特区报|快报)社?"
         r"|[\u4e00-\u9fff]{2,3}报"  # 生活报记者, 新文化报记者
         r"|(?:日报|晚报|早报)(?=全媒|融媒体|首席|见习)"  # 晚报全媒体记者, not 晚报记者走访了
         # a county paper named 今日 and its city (今日桐乡记者), not a time (今日上午记者)
         r"|今日(?!上午|下午|凌晨|早晨|中午|傍晚|晚上|清晨|晚间)[\u4e00-\u9fff]{2}(?=记者|全媒体|融媒体))")
# A city's merged newsroom, which many papers now credit: 保定新闻传媒中心记者, 某县融媒体中心记者.
# …or a city's name before 融媒 (自贡融媒记者, 衡阳全媒体记者).
NEWSROOM = (r"[\u4e00-\u9fff]{2,6}(?:新闻传媒中心|融媒体中心|传媒中心|新闻中心|广播电视台|传媒集团)"
            r"|融媒体中心(?=记者)"  # the paper's own newsroom, unnamed: 融媒体中心记者 X
            r"|[\u4e00-\u9fff]{2,4}(?=(?:融媒体?|全媒体?)记者)"
            r"|[\u4e00-\u9fff]{2,6}网(?=记者)"  # a news site's own: 眉山网记者, 内江新闻网记者
            r"|[\u4e00-\u9fff]{2,4}新闻(?=记者)"  # …or a news app's: 洪观新闻记者
            r"|[\u4e00-\u9fff]{2,6}客户端(?=记者)"  # …or named so: 歌画东阳客户端记者
            r"|(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,3}(?=记者\s|评论员)"  # 海都记者 X, 南都评论员
            r"|[\u4e00-\u9fff]{2,4}(?=记者站)")  # …and a county bureau: 某某记者站 X
# 青岛日报/观海新闻记者: the paper and its news app, a slash between or none (某某日报某某新闻
# 记者); 沈阳日报、沈报全媒体记者: two papers of one group.
ROLE = (rf"(?:{PAPER}(?:[/／·\-－]?[\u4e00-\u9fff]{{2,6}}(?=记者)|、[\u4e00-\u9fff]{{1,4}}报)?"
        rf"|(?:{NEWSROOM})\s?"  # (钟祥市融媒体中心 记者 王 晨: a space between)
        r"|[A-Z]{2,5}|新华社|中新社)?"
        r"(?:本报|特约|见习|首席|实习|摄影|全媒体|全媒|融媒体|融媒|新媒体|驻[\u4e00-\u9fff]{1,3}){0,3}"
        r"(?:记者站|记者|通讯员|实习生|摄影|编辑|评论员(?!文章))(?:\s*[/／](?!\s*摄))?")

# A circled number, ① to ⑳ and ㉑ to ㊿: a photo in a group, or a series' instalment.
CIRCLED_NUMBER = "[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]"

# Punctuation that ends a sentence; a paragraph or a line ending with one is complete.
TERMINAL = "。！？!?…；;"
# Punctuation after which text must go on (a line ending with it is mid-sentence).
CONTINUING = "，,、：:（(《“‘—-"

# A jump note: （下转第3版）, （上接第一版）, and 紧转 / 紧接 (goes on / comes from right there).
CONT_RE = re.compile(
    r"[（(]\s*(上接|下转|紧接|紧转|转自|接|转)\s*第?\s*([0-9０-９一二三四五六七八九十百A-Za-z]{1,4})\s*版\s*(?:[^）)]{0,4})?[）)]"
)
# A lead may be wrapped over several narrow lines ("新华社北" / "京 2 月 20 日" / "电 …"):
# a line is a lead when it starts like one; the full pattern is matched on the paragraph.
# 【市图书馆“夜读空间”延时至22时】6月20日起…: a brief's title set in brackets before its text
# (not a label inside a story: 【人物简介】, 【编者按】, 【相关链接】).
TEXT_LABELS = (r"(?:人物简介|编者按|编后|记者手记|新闻链接|相关链接|链接|背景|延伸阅读|小贴士"
               r"|相关新闻|新闻回顾|点评|微点评|记者观察)")
TEXT_LABEL_RE = re.compile(rf"^{TEXT_LABELS}[：:]?$")
# …and, set in bold on a line of its own, a feature's summary's label (**核心提示**); in
# brackets before the summary (【核心提示】红砖墙、…) it opens the text as a title does.
BOLD_LABEL_RE = re.compile(rf"^(?:{TEXT_LABELS}|核心提示|阅读提示|导语)[：:]?$")
# So is a bold run before the text in a Markdown-like dump: **安河区新增3处口袋公园**　近日…
# (a bold lead-in ending with a colon, **某某县：**, is the text's own).
INLINE_TITLE = (rf"【(?!{TEXT_LABELS}】)(?P<inline_title>[^】。，；]{{2,34}})】"
                r"|\*\*(?P<bold_title>[^*。，；：:]{2,34})\*\*(?=[\s　]*[^\s　*：:])")
# After a brief's bullet: ▲【白桦镇滑雪场夜场开放】日前…, or ◆红柳区新增3处公益冰场 1月20日，…
# (the title, a space, then a sentence; not a date: ◆9月6日 首届…).
INLINE_TITLE_RE = re.compile(rf"【(?!{TEXT_LABELS}】)([^】。，；]{{2,34}})】")
SPACED_TITLE_RE = re.compile(
    r"(?!\d{1,2}月|\d{4}年)([^\s，。；：,;:、！？（）()]{4,24})[ \u3000]+(?=[^\s，。]{1,30}[，。])")
# 本报讯, 江门日报讯, 金报讯, 山西晚报·山河+讯, 贵阳网·甲秀新闻讯, an app's 掌上梅州讯.
NEWS_OF = (rf"(?:本报|{PAPER}(?:[/／][\u4e00-\u9fff]{{2,4}}网[\u4e00-\u9fff]{{0,3}}(?=讯))?"
           rf"|[\u4e00-\u9fff]{{1,2}}报|[\u4e00-\u9fff]{{2,4}}网"  # 滨州日报/滨州网柳湾讯
           r"|掌上[\u4e00-\u9fff]{2,3}|今日[\u4e00-\u9fff]{2,3}(?=讯)"  # …今日当阳讯
           # a county's news centre: 郏县融媒讯, 道县融媒体中心讯
           r"|[\u4e00-\u9fff]{1,4}(?:融媒体中心|融媒|传媒中心|新闻中心)(?=讯)"
           # …or a place's: 柳塬讯(记者 X), its credit in brackets right after
           r"|[\u4e00-\u9fff]{2,3}(?=讯\s*[（(](?:本报|全媒体|融媒体|见习)?(?:记者|通讯员)))"
           r"(?:[\u4e00-\u9fff]{0,4}(?:\d{1,2}月)?\d{1,2}日)?"  # 本报25日讯, 本报海口1月27日讯
           r"(?:[·•][^\s（(，。]{1,8}?)?讯")
# 特约记者 何朗 通讯员 戴晓婷报道：从4月1日起，…: the reporters first, no 本报讯 before them.
REPORTED_BY = rf"(?:{ROLE}\s*{NAME}(?:[\s、]+{NAME})*[\s、]*)+报道[：:]"
REPORTED_AT = 30  # characters: how far into a line such a 报道： may stand
# Marks that open a brief (□ opens a byline, ○ a list item; ◎ opens either).
BULLETS = "●■◆▲★◎◇☆△"
LEAD_START_RE = re.compile(
    rf"^(?:{NEWS_OF}|据新华社|新华社(?!记者)|中新社(?!记者)|[{BULLETS}]|{INLINE_TITLE}"
    rf"|{REPORTED_BY})")
LEAD_FIRST = frozenset("本据新中掌【*" + BULLETS)
SALUTATION_AT = 14  # characters: how far into a line a salutation's colon may stand
NEWS_OF_AT = 16  # characters: how far into a line a paper's 讯 may stand
ROLE_WORD_RE = re.compile(r"记者|通讯员|实习生|摄影|编辑|评论员|文/[图摄]|[图摄]/文|文／[图摄]")
LEAD_RE = re.compile(
    rf"^(?:"
    # 本报讯（记者 X）, 本报讯【记者 X】, 本报讯:(记者 X), 【本报讯】（记者 X）
    rf"(?P<benbao>(?:{NEWS_OF}|【{NEWS_OF}】)\s*[：:]?\s*(?:[（(][^）)]{{1,40}}[）)]|【[^】]{{1,40}}】)"
    rf"|{NEWS_OF}\s*(?:{ROLE}\s*{NAME}(?:\s+{NAME})*[\s、]*)+(?:报道|讯)[：:]?"  # …、通讯员Y报道：
    rf"|{NEWS_OF}(?:\s+(?:{ROLE})\s*[{CJK}·]{{2,3}}(?:\s+[{CJK}·]{{2,3}})*(?=\s))+"
    rf"|{NEWS_OF}|【{NEWS_OF}】"
    rf"|{REPORTED_BY})"
    rf"|(?P<wire>(?:据)?(?:新华社|中新社|人民网|央视网)[{CJK}]{{0,8}}\d{{1,2}}月\d{{1,2}}日(?:电|讯)"
    rf"(?:\s*[（(][^）)]{{1,30}}[）)])?"
    rf"|据(?:新华社|中新社|人民日报|央视新闻)电)"
    rf"|(?P<bullet>[{BULLETS}])"
    rf"|(?P<inline>{INLINE_TITLE})"
    rf")"
)
BULLET_MARKS = "□■●◆▲★◇○◎█"  # (█: a ■ as some OCR reads it)
BULLET_TITLE_MAX = 32  # characters: a bulleted line this short, unpunctuated, is a title
# The commonest surnames.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
    "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙"
    "史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁"
    "岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆")
# 文/图 本报记者 X, 文 X 图 Y: one person wrote and photographed, or two did.
TEXT_PHOTO = r"(?:文\s*[/／\\]\s*[图摄]|[图摄]\s*[/／\\]\s*文)"  # …or 文/摄 X
BYLINE_LINE_RE = re.compile(
    # 文/图 记者/黄一鸣, 文/本报记者 林晓帆
    rf"^[{BULLET_MARKS}]?\s*(?:{TEXT_PHOTO}[：:|｜]?\s*(?={ROLE}))?"  # 文/图|潮州日报记者 X
    # …each role after what it made: 图/记者符明 文/记者吴晓彤, 视频/记者 X
    rf"(?:(?:(?:[文图]|视频|摄像)(?:、(?:[文图]|视频|摄像))*\s*[/／]\s*(?={ROLE}))?"  # 图、视频/
    rf"(?:{ROLE}|(?:本报|特约|见习|首席|全媒体|融媒体)?(?:记者|通讯员)[：:](?!谢谢)"
    rf"(?=[{''.join(sorted(SURNAMES))}])|(?:{PAPER})记者[：:]|{TEXT_PHOTO}[：:]?)"
    rf"\s*{NAME}{DOES}(?:\s+{NAME}{DOES})*\s*)+"
    rf"(?:报道|{TEXT_PHOTO})?$")  # …and an app's 梅州日报记者：钟晓岚, and 记者：程立新 (a
# surname after the colon: 记者：谢谢 is a question's speaker)
# 孙海海（市教育局）: a contributed commentary's author and the unit he works for.
AUTHOR_UNIT_RE = re.compile(
    rf"^[{CJK}·]{{2,4}}[（(][{CJK}、]{{2,18}}[局委院校所部会司心区县市镇乡厅站队社馆学]"
    rf"(?:[{CJK}]{{0,4}})[）)]$"
    # …and the writer of a letter after their unit: 甲文区青砖巷社区 吕 方
    rf"|^[{CJK}]{{3,16}}(?:社区|街道|村|学校|医院|中心|公司|局)\s+(?:[{CJK}]{{2,3}}|{SPACED_NAME})$")
# A pupil signing an essay after school and class: 常山县柚岭小学四（2）班 徐可馨 (the
# space may be closed up by repair)…
PUPIL_RE = re.compile(
    rf"^[{CJK}]{{2,16}}(?:小学|中学|学校)[{CJK}（）()\d]{{1,10}}班\s*(?:[{CJK}]{{2,3}}|{SPACED_NAME})$")
# …and 指导老师 林慧 under it: the teacher who guided the essay, credited with it.
TUTOR_RE = re.compile(rf"^指导(?:老师|教师)[：:]?\s*(?:[{CJK}]{{2,3}}|{SPACED_NAME})$")
# □ 罗 秋 / ■张明: an author's name in a box, the byline of an essay or a letter.
NAME_BULLETS = BULLET_MARKS + "☆△"  # …any of them before an author's name
# What a line may start with for classify to look further than its fast path: marks,
# brackets, bars, dashes, Markdown, and the first letters of leads and credits.
SLOW_FIRST = frozenset("•【[>＞|｜据·—-─!*+#▶►" + NAME_BULLETS) | LEAD_FIRST
# ·陈一舟 under an essay's title: the author after a middle dot (a site's links are longer).
DOTTED_NAME_RE = re.compile(rf"^·\s*[{CJK}]{{2,3}}$")
BOXED_NAME_RE = re.compile(rf"^[□■◎]\s*[{CJK}](?:\s?[{CJK}]){{1,3}}$"
                           rf"|^[{BULLETS}○]\s*[{CJK}](?:\s?[{CJK}]){{1,2}}$")  # ◇ 冶 平
# 文 张三 图 李四: who wrote and who photographed.
TEXT_AND_PHOTO_RE = re.compile(
    rf"^文\s*[：:]?\s*{NAME}\s*图\s*[：:]?\s*{NAME}$"  # (文：X图：Y as repaired)
    # 文/许 言, 文|陶然, 文字 | 郝敏: the writer of a signed piece
    rf"|^(?:[文图]|文字|撰文|图片)\s*[/／|｜]\s*(?:{NAME}|{SPACED_NAME})$"
    # 图/闫 晨 文/乔 雪: who photographed and who wrote, each after the slash
    rf"|^[文图]\s*[/／]\s*[{CJK}](?:\s?[{CJK}]){{1,3}}\s*[文图]\s*[/／]\s*[{CJK}](?:\s?[{CJK}]){{1,3}}$"
    # …with a role and more than one name: 文/本报记者 侯佳 图/牛锐 田晓
    rf"|^[文图]\s*[/／]\s*(?:{ROLE}\s*)?{NAME}(?:\s+{NAME})*\s+[文图]\s*[/／]\s*(?:{ROLE}\s*)?"
    rf"{NAME}(?:\s+{NAME})*$"
    # …or spelt out: 文字 钱丽 俞斌 摄影 马越, 文字：黎志文 图片：吴海
    rf"|^文字\s*[：:]?\s*{NAME}(?:\s+{NAME})*\s+(?:摄影|图片)\s*[：:]?\s*{NAME}(?:\s+{NAME})*$")
# 撰文/黎晴 摄影/吴川, 文字/X 图片/Y: what each did spelt out, a slash before the name,
# a box or a bullet before the line.
_DID = r"(?:撰文|文字|摄影|摄像|图片|[文图摄])"
_SPACED_OR_NOT = rf"[{CJK}](?:\s?[{CJK}]){{1,3}}"
WROTE_SHOT_RE = re.compile(
    rf"^[{BULLET_MARKS}]?\s*(?P<credit>(?:撰文|文字)\s*[/／]\s*{_SPACED_OR_NOT}"
    rf"(?:\s*{_DID}\s*[/／]\s*{_SPACED_OR_NOT}){{0,2}}"
    rf"|[文图]\s*[/／]\s*{_SPACED_OR_NOT}\s*(?:摄影|摄像|图片)\s*[/／]\s*{_SPACED_OR_NOT})$")
# Names, then what they did (普洁 李航 文/图): who wrote and photographed, the role words
# printed on the line above or not at all.
# …or each name before what it did, no role at all: 许航/文 孟凡/图.
WRITER_PHOTOGRAPHER = rf"[{CJK}·]{{2,4}}\s*[/／]\s*文\s+[{CJK}·]{{2,4}}\s*[/／]\s*[图摄]"
NAMES_TEXT_PHOTO_RE = re.compile(
    rf"^(?:[{CJK}·]{{2,4}}\s*){{1,3}}{TEXT_PHOTO}$|^{WRITER_PHOTOGRAPHER}$")
# 本报评论员 / 本报特约评论员 alone: the credit of a commentary.
COMMENTATOR_RE = re.compile(  # 江门日报评论员
    rf"^[{BULLET_MARKS}]?\s*(?:本报|{PAPER})?(?:特约)?评论员$")
# What a sentence that opens on the reporter goes on with (记者从…获悉, 记者昨天从…,
# 记者近期走访发现): no name starts so.
SENTENCE_WORDS = (r"从|在|日前|近日|昨日|昨天|前天|今天|今日|近期|此前|了解|获悉|获知|走进|来到"
                  r"|发现|看到|注意到|实地|采访|探访"
                  # …and what a reporter does next in a story (记者随即联系市城市管理 / 局。)
                  r"|随即|随后|立即|马上|联系|致电|拨打|跟随|随同|一行|赶到|赶赴|前往|现场|当天"
                  r"|当日|连线|询问|调查|试着|尝试|体验|再次|多次|先后|对|与|跟|把|被|也|还|又|就|再"
                  r"|便|正|已|都")
# "本报记者张刚刘地委通讯员孔鹏": several names glued together after the role word.
BYLINE_GLUED_RE = re.compile(  # …not a sentence that starts 记者从…获悉, 记者在…
    rf"^[{BULLET_MARKS}]?\s*(?:{ROLE}\s*(?!{SENTENCE_WORDS}|文章"
    rf"|展|比赛|大赛|作品|爱好|活动|节|部)"  # …nor 摄影比赛获奖作品展出, 记者节
    rf"[{CJK}·\s]{{2,12}}?)+(?:{TEXT_PHOTO})?$")
# A metro paper's short name before 记者 (快报记者, 南都记者), glued to the names once
# their letter-spacing is closed up: 快报记者顾然通讯员栖宣, 南都记者何沛摄. Each name is
# 2–4 letters and the line holds nothing else, and the line is marked as a credit (a
# bullet before it, a second role, 摄 or 报道 after it): a headline (大批记者前往) or a
# wrapped sentence (随行记者拍下了…) does not pass, nor do counted reporters (多名记者).
SHORT_PAPER_ROLE = rf"[{CJK}]{{2,3}}(?<![名位个些批])记者"  # 快报记者, 金胶州记者, not 多名记者
SHORT_ROLE_GLUED_RE = re.compile(
    rf"^(?=[{BULLET_MARKS}]|.*(?:摄|报道)$|.*记者.+(?:记者|通讯员|实习生))"
    rf"(?:[{BULLET_MARKS}]\s*)?{SHORT_PAPER_ROLE}[{CJK}·]{{2,4}}"
    rf"(?:\s?(?:本报|全媒体|见习)?(?:记者|通讯员|实习生)\s?[{CJK}·]{{2,4}})*"
    rf"(?:\s?(?:摄|报道|{TEXT_PHOTO}))?$")  # (…文/摄: who wrote took the picture too)
# A byline printed after the text: （记者 X 通讯员 Y 报道）, （据新华社电）, （本报记者 X）.
TRAILING_BYLINE_RE = re.compile(
    rf"^[（(](?:(?:{ROLE})\s*(?:{NAME}|{SPACED_NAME})(?:\s+{NAME})*\s*)+(?:报道|采写|整理)?[）)]$"
    rf"|^[（(]?据《?(?:新华社|中新社|人民日报|人民网|央视新闻|央视网|[{CJK}]{{2,6}}(?:报|网|社)"
    rf"|[{CJK}]{{2,6}}(?:新闻)?客户端)》?电?[）)]?$"  # (据浙江新闻客户端)
    # （作者：李 禾）, （文/田明远）
    rf"|^[（(](?:作者[：:]|文\s*[/／])\s*(?:{NAME}|{SPACED_NAME})[）)]$"
    rf"|^[（(]{WRITER_PHOTOGRAPHER}[）)]$"  # （柯文/文 郑望/摄）
    r"|^[（(](?:本报|特约)?评论员[）)]$"  # （本报评论员） after a phone paper's commentary
    r"|^[（(]作者系[^（）()]{2,24}[）)]$"  # （作者系本报评论员 X）: who the writer is
    r"|^[（(](?:信息)?来源[：:]\s*[^（）()\s][^（）()]{1,24}[）)]$")  # （来源：某某晚报）
# How a photo's credit ends: X 摄, X 供图, X 摄影报道 (a picture story's own reporter),
# X 文/摄 (who wrote the caption took the picture).
# …and X/图 (廖清/图: who took it), not 文/图 (who wrote and photographed a story).
SHOT = r"(?:摄影报道|图文报道|摄|供图|(?:文\s?)?[/／|｜]\s?摄|(?<![文\s])[/／]图|(?<=\s)摄影)"
SHOT_ENDS = ("摄", "摄影报道", "图文报道")
CREDIT_RE = re.compile(
    rf"^(?:[□■]\s*)?[（(\[]?(?:{ROLE}\s*)?(?:{NAME}|{SPACED_NAME})(?:\s+(?:{ROLE}\s*)?{NAME})*\s*{SHOT}[）)\]]?$"
    rf"|^本版(?:摄影|图片)[：:]\s*{NAME}(?:[\s、]+{NAME})*$"
    rf"|^漫画\s*[/／：:]\s*(?:{NAME}|{SPACED_NAME})$"  # 漫画/林 默: who drew the cartoon
    rf"|^(?:{NAME}|{SPACED_NAME})\s+[作绘书]$"  # 朱文涛 作, 林 默 书: who painted or wrote it
    # the paper and its photographer: 鹰潭日报 周 平/摄, 阳泉日报社乔 楠摄
    rf"|^(?:{PAPER}|{NEWSROOM})\s*(?:[{CJK}](?: [{CJK}]){{1,2}}|[{CJK}·]{{2,4}})\s*{SHOT}$"
    rf"|^(?:(?:{NAME}|{SPACED_NAME})\s*摄\s*){{2,4}}$"  # 安 岚 摄　邢一帆 摄: a row over a group
    rf"|^[（(]?摄影(?:\s*[：:|｜]\s*|\s+)(?:{ROLE}\s*)?(?:{NAME}|{SPACED_NAME})(?:\s+(?:{ROLE}\s*)?{NAME})*"
    r"[）)]?$"  # （摄影：何晴 李禾）, 摄影 | 冯佳
    # a unit that provided the picture, before or after the word: 某区委宣传部供图,
    # 供图 某县融媒体中心
    rf"|^[（(]?(?:[{CJK}]{{2,14}}\s*供图|供图\s*[：:/／]?\s*[{CJK}]{{2,14}})[）)]?$"
    rf"|^[（(]?图片由[{CJK}]{{2,20}}提供[）)]?$")  # 图片由某镇党政办提供
# A caption that runs on into its credit, wrapped over lines: '…层林尽染的秋色 全媒体首席
# 记者彭志远 通讯员韩雨桐 摄' (the role words make it a credit, not the caption's words).
CREDITED_NAME = rf"(?:[{CJK}](?: [{CJK}]){{1,2}}|{NAME})"  # …本报通讯员汪 涛摄: spaced too
CAPTION_CREDIT_RE = re.compile(  # …盛花期。 晚报记者 陆 川 摄: a paper's short name too
    rf"(?:\s|(?<=[。！？”]))((?:(?:{ROLE}|{SHORT_PAPER_ROLE})\s*{CREDITED_NAME}\s*)+(?:摄影报道|摄))$")
CREDIT_TAIL_RE = re.compile(  # …市场。阳泉日报社乔 楠摄: the paper, a spaced name; …龙船。/X摄
    rf"(?<=[。！？”])\s*[/／]?\s*((?:{ROLE}\s*|(?:{PAPER})\s*(?=[{CJK}]\s[{CJK}])|(?:{PAPER}|{NEWSROOM})\s+)?"
    rf"{CREDITED_NAME}(?:\s+{NAME})*\s*(?:摄影报道|(?:文\s?)?[/／]?\s?摄))$")
CHART_CREDIT_RE = re.compile(rf"^(?:{NAME}|{SPACED_NAME})\s*制图$")
# A reader who signs a letter: where they work or live and what they are there, then the
# name (莲塘中学教师 廖志远, 县第二实验小学 家长 蒲思雨, 鹅岭乡月岭村村民 钟美华).
READER_SIGN_RE = re.compile(
    rf"^(?P<unit>[{CJK}]{{0,20}})\s?(?:教师|家长|居民|村民|学生|职工|干部|党员|市民|读者|群众|医生|护士"
    rf"|志愿者|个体户|司机|店主)\s(?P<name>[{CJK}]{{2,3}}|[{CJK}] [{CJK}]{{1,2}})$"
    r"(?<![阿姨大爷妈叔姐师傅奶])")  # (…居民 吴阿姨: a speaker named so, not a writer)
READER_SIGN_MAX = 30  # characters
# …and with the space lost where the name was letter-spaced (南园街道居民 严 敏 repaired
# to 南园街道居民严敏): a place the writer lives, the role, a name. Alone over a headline
# under the text (names_as_signatures), not in classify: a wrapped line may read so too.
READER_SIGN_GLUED_RE = re.compile(
    rf"^(?:读者|[{CJK}]{{2,10}}(?:街道|社区|小区|村|镇|乡|路|巷|街|学校|中学|小学)"
    rf"(?:居民|村民|教师|家长|学生))(?P<name>[{CJK}]{{2,3}})$")  # (读者 周 敏 → 读者周敏)
# A letter's salutation opens its text: 编辑同志：, 何秀兰同志：, 尊敬的市民朋友：, 王先生：
# 您好 (a speaker's label, 读者王女士：, opens a question, not a letter).
SALUTATION_RE = re.compile(
    rf"^(?:编辑同志|[{CJK}]{{2,4}}同志|尊敬的[{CJK}]{{2,10}})[：:]"
    rf"|^[{CJK}]{{1,4}}(?:先生|女士|老师)[：:]\s*您好")
SIGNATURE_RE = re.compile(rf"^(?P<text>.*?)[（(](?P<name>{NAME}(?:\s+{NAME}){{0,2}})[）)]$")
# How the name of an office that answers a reader ends: 县城市管理局, 茶岭乡人民政府,
# 县公安局交警大队, 城东街道办事处.
OFFICE_ENDS = "局|政府|大队|管理处|办事处|服务中心"
# A town's or a bureau's office that sent the item in: （某某镇宣传办）, （某某街道党政办）,
# （某某社区供稿）.
OFFICE = (rf"[{CJK}]{{2,8}}(?:宣传办|宣传部|宣传科|宣传组|党政办|党建办|办公室|供稿)"
          # …or the bureau that answers a reader: （县城市管理和综合执法局）, （某乡人民政府）
          rf"|[{CJK}]{{2,12}}(?:{OFFICE_ENDS})")
SIGNATURE_LINE_RE = re.compile(rf"^[（(](?:{NAME}(?:\s+{NAME}){{0,2}}|{OFFICE})[）)]$")
# How a notice's own title ends (关于…的公告, 征集启事, 讣告, 更正): a headline, never a
# subhead, and never a masthead's item.
NOTICE_TITLE_RE = re.compile(
    r"(?:启事|公告|讣告|更正|声明|通告|公示|通知|倡议书|公开信|告知书|的提示|的提醒|报名须知|办理须知)$")
SIGN_OFF_DATE_RE = re.compile(r"^\d{4}年\d{1,2}月(?:\d{1,2}日)?$")  # a notice's closing date
# A diary's entry opens on its day and the weather (3月11日 晴, 4月2日 星期四 多云转阴).
DIARY_DATE_RE = re.compile(r"^\d{1,2}月\d{1,2}日\s*(?:星期[一二三四五六日天]\s*)?"
                           r"[晴阴雨雪多云小中大雷阵转间]{1,6}$")
SUBTITLE_RE = re.compile(r"^(?:——|──|--|—)\s*[^\s\-—─>]")  # not a --- rule, nor -->
# '# title'; the space may be gone when the title starts with a quote (# “共富工坊”…) or a
# dash (## ——…见闻).
MD_HEADING_RE = re.compile(r"^(#{1,6})(?:\s+|(?=[“‘《「（(—【]))(.*)$")
BOLD_LINE_RE = re.compile(r"^\*\*([^*]{2,34})\*\*$")  # a whole line in bold: a small headline
ITALIC_LINE_RE = re.compile(r"^\*([^*]{2,34})\*$")
# A section banner in pinyin capitals, alone or with its Chinese name: MINSHENG JINGJI,
# YAOWEN要闻, FUKAN 副刊 (one word must be long enough not to be an abbreviation).
PINYIN_BANNER_RE = re.compile(
    r"^(?:[A-ZÜ][A-ZÜ’']+(?:\s+[A-ZÜ][A-ZÜ’']+)+|[A-ZÜ]{5,})\s*[\u4e00-\u9fff]{0,6}$")  # LÜLIANG
# A picture box's name; over a single picture it may be that picture's kicker or title.
PHOTO_LABEL_RE = re.compile(r"^(?:图片新闻|新闻图片|图片报道|图说新闻)$")
# A brief column's or a picture box's name: a label over several items, nobody's kicker.
BOX_LABEL_RE = re.compile(
    r"^[\u4e00-\u9fff]{0,4}(?:简讯|快讯|短讯|速览|简报|短波|简明信息|信息速递|一句话新闻|动态|速递|快递|快报|传真)$"
    r"|" + PHOTO_LABEL_RE.pattern)
# A part of a case report, in brackets (【案情】…, 【法官说法】…): a part of its text as a
# numbered item is, never a headline nor another story's opening.
CASE_PART = (r"【(?:案情|案例|案情简介|审理|判决|裁判|裁判要旨|评析|说法|释法|以案释法|法官说法"
             r"|检察官说法|律师说法|民警说法|法官提醒|检察官提醒|警方提醒|律师提醒|提醒|点评|专家点评"
             r"|链接|相关链接|法条链接|背景)】")
CASE_PART_RE = re.compile(CASE_PART)
ENUMERATED_RE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|\d{1,2}[.．、](?!\d)"
    rf"|{CASE_PART})"
)
QR_RE = re.compile(r"二维码|扫码|扫一扫")
QR_START_RE = re.compile(r"^(?:扫码|扫一扫|长按|微信扫)")  # 扫码关注某某晚报微信公众号
QR_BULLET_MAX = 16  # characters: …after a bullet, under a picture (▲扫码看视频。)
QR_END_RE = re.compile(r"(?:扫码|扫一扫)\s?[\u4e00-\u9fff]{0,8}$")  # 某某日报客户端 扫码看新闻
CUT_AFTER = "的和与及把被向从"  # …a line ending so is a sentence cut off (都能扫码查到产地和)
CUT_LINE_MIN = 8  # characters: a line this long, not a caption's words (扫码参与)


def cut_off(text: str) -> bool:
    """A sentence's line cut off at its column's end, on a word that wants more."""
    return len(text) >= CUT_LINE_MIN and text[-1] in CUT_AFTER and not text.endswith("参与")


# The paper's accounts, listed by a masthead (乌鲁木齐晚报 / 微信公众号 / 掌上乌鲁木齐 / 抖音号),
# an image's placeholder (头条750x90px, 今日区县banner), a link line (详情点击: http://…).
# …and several side by side: 中国萍乡网 萍乡日报客户端, 商洛日报微信 商洛日报抖音.
ACCOUNT = (r"(?:[\u4e00-\u9fff]{0,8}(?:微信公众号|公众号|视频号|抖音号|快手号|微博号?|客户端"
           r"|小程序|APP)|[\u4e00-\u9fff]{0,6}(?:日报|晚报|新闻|融媒|发布)(?:微信|抖音|快手|微博))")
ACCOUNT_RE = re.compile(rf"^(?:[\u4e00-\u9fff]{{2,8}}网\s+)?{ACCOUNT}(?:\s+{ACCOUNT})*$")
RULE_RE = re.compile(r"^(?:[-*_=~—…·]\s*){3,}$|^(?:[↓⬇▼]\s*){2,}$"  # ↓↓↓: read on below
                     r"|^[-*_=~]$")  # …or one mark alone, a web view's stand-in for its rule
PAGE_LABEL_LINE_RE = re.compile(  # A03要闻, A4  视觉 【返回】, A06 alone
    r"^[A-D]\d{1,2}(?:\s*[\u4e00-\u9fff]{2,4}(?:\s*[【\[]返回[】\]])?)?$")
IMAGE_LINE_RE = re.compile(
    r"^(?:!\[[^\]]*\]\([^)]*\)\s*)+$|^[\[【](?:图片|图|视频|组图)[\]】]$")  # …[图片]
PLACEHOLDER_RE = re.compile(r"\d{2,4}\s*[x×*]\s*\d{2,4}\s*px|banner$", re.I)
LINK_LINE_RE = re.compile(  # …and a link to the story's whole text: 点击查看全文
    r"^(?:详情点击|点击查看(?:全文|详情)?|阅读原文|阅读全文|查看全文|展开全文)"
    r"[:：]?\s*(?:https?://\S+)?$|^https?://\S+$")
# '具体排名如下：', '编辑同志：': text that leads into a list or a letter, not a label.
BODY_COLON_RE = re.compile(  # …and a notice's salutation: 广大市民乘客：, 尊敬的用户：
    r"(?:如下|同志|朋友们|您好|大家好|市民|乘客|居民|读者|用户|家长|村民|旅客|车主|朋友)[：:]$"
    r"|^尊敬的")
LABEL_RE = re.compile(rf"^[{CJK}]{{2,6}}[：:]$")  # (电： is a line wrapped before its colon)
# 凤栖区槐塬镇： over the rest of a title (凤栖区槐塬镇：“托管田”里麦苗返青正当时).
PLACE_LABEL_RE = re.compile(rf"^[{CJK}]{{1,10}}(?:区|县|市|镇|乡|村|街道|社区)[：:]$")
KICKER_END_RE = re.compile(r"(?:要求|强调|指出|表示|提出|时说|寄语|致辞)$")
# Unit names end in a unit word; one-character ones (局, 县, 乡 …) also end ordinary
# phrases (送戏下乡), so they count only on short names.
ORG_END_RE = re.compile(
    r"(?:公司|中心|委员会|街道|集团|银行|学校|医院|协会|法院|检察院|之家|社区|支队|大队"
    r"|办公室|供销社|合作社|报社)$"
)
SHORT_ORG_END_RE = re.compile(r"[局办委区县市镇乡院所站部厅队村社]$")
# A clause, not a unit name: "我市荣获全国城市" ends like a unit but starts like a sentence.
SENTENCE_START_RE = re.compile(r"^(?:我|本|全|今年|近日|日前)")
# How a story's text starts, never a line wrapped from the one above: 10月18日，… 近日，…
# 问：… (an interview's question)
SENTENCE_OPENER_RE = re.compile(
    r"^(?:\d{1,2}月\d{1,2}日|\d{4}年|(?:近日|日前|近期|目前|即日起|今年|去年|今天|昨天|今日|昨日"
    r"|记者从|本报|据了解|为[\u4e00-\u9fff]{2,}，|(?:问|答|记者)[：:])"
    # a time set apart by a comma: 寒假期间，… 正月里，…
    r"|[\u4e00-\u9fff]{1,4}(?:期间|以来|前夕|之际|当天|当晚|伊始)，|(?:正月|腊月|假期|节日)里，"
    r"|(?:新学期|新年|开春|\d{1,2}月|\d{1,2}日)起，"  # 新学期起，…
    r"|(?:进入|时值|正值)[\u4e00-\u9fff]{2,4}，|(?:眼下|如今|当前|时下|连日来|近年来|这些天)，)")


def opens_sentence(text: str) -> bool:
    """Does the line open a story's sentence (a date, 近日, 记者从…), as no wrapped line does?"""
    return SENTENCE_OPENER_RE.match(text) is not None


@dataclass(frozen=True, slots=True, eq=False)
class LineKind:
    """One of the kinds in Kind (equal only to itself, as an Enum's members are)."""

    value: str

    def __repr__(self) -> str:
        return f"Kind.{self.value.upper()}"


class Kind:
    """What one line of a page is: one LineKind each, compared with `is`.

    A plain class, not an Enum: classify and the block builder look kinds up on every
    line, and in Python 3.11 EnumType's __getattr__ makes each `Kind.TEXT` cost five
    times a plain class attribute (a tenth of the segmenter's time on the sample pages).
    """

    BLANK = LineKind("blank")
    TEXT = LineKind("text")
    LEAD = LineKind("lead")  # body text that opens an article: 本报讯…, 新华社…电, ● brief
    BYLINE = LineKind("byline")  # 本报记者 X 通讯员 Y on a line of its own
    CREDIT = LineKind("credit")  # 本报记者 X 摄 — closes a photo caption
    SUBTITLE = LineKind("subtitle")  # ——访…
    CONT_FROM = LineKind("cont_from")  # （上接第一版）, possibly followed by text
    CONT_ON = LineKind("cont_on")  # （下转第二版）
    HEADING = LineKind("heading")  # Markdown "# …" from the other extractor's dumps
    SUBHEADING = LineKind("subheading")  # Markdown "## …"
    SIGNATURE = LineKind("signature")  # （王星星） — the author at the end of a brief
    NOISE = LineKind("noise")  # banners, QR captions, stray labels


@dataclass(slots=True, init=False)
class Line:
    """One repaired line with what we know about it."""

    no: int  # 1-based line number in the page file
    text: str  # repaired text
    kind: LineKind
    width: float  # printed width of the raw line in character cells
    reason: str  # why it is noise
    page: PageRef | None  # for CONT_FROM / CONT_ON
    tail: str  # text after a continuation note on the same line
    row: bool  # a table row, set when its neighbours are rows too
    bullet: bool  # printed after a ● that was taken off: a brief's own headline
    terminal: bool  # does the line end a sentence?
    enumerated: bool  # does it start a list item (一、 （二） 1.)?
    indented: bool  # printed after a paragraph's indent (a web page's 　　…)
    emphasized: bool  # printed in fake bold (旧旧物物) or letter-spaced (净 滩 行 动)

    def __init__(self, no: int, text: str, kind: LineKind, width: float, reason: str = "",
                 page: PageRef | None = None, tail: str = "", row: bool = False,
                 bullet: bool = False) -> None:
        # Written out rather than generated, with what __post_init__ would compute inline:
        # a Line is made for every line of every page.
        self.no, self.text, self.kind, self.width = no, text, kind, width
        self.reason, self.page, self.tail, self.row, self.bullet = reason, page, tail, row, bullet
        self.indented = self.emphasized = False  # set where the printed line is known
        if not text:
            self.terminal = self.enumerated = False
            return
        last = text[-1]  # (ends_sentence's fast path inlined)
        if last in _CLOSERS or last in _WHITESPACE:
            self.terminal = ends_sentence(text)
        else:  # a notice's date under its signer ends its paragraph as a full stop would
            self.terminal = last in TERMINAL or (
                last == "日" and SIGN_OFF_DATE_RE.match(text) is not None)
        # List items (一、… （二）… 1.) are body text, never headlines.
        self.enumerated = text[0] in ENUM_FIRST and ENUMERATED_RE.match(text) is not None


CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def page_ref(token: str) -> PageRef:
    """'一' → 1, '十二' → 12, '3' → 3, 'A2' → 'A2': page numbers as printed in notes."""
    token = token.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if token.isdigit():
        return int(token)
    if all(ch in CN_DIGITS or ch == "十" for ch in token):
        if "十" not in token:
            return CN_DIGITS[token[0]] if len(token) == 1 else token
        tens, _, ones = token.partition("十")
        return CN_DIGITS.get(tens, 1) * 10 + CN_DIGITS.get(ones, 0)
    return token.upper()


# What ends_sentence looks through after the last word: closing quotes and brackets, and
# spaces. _WHITESPACE is every character str.strip() removes (all lie below U+3001).
_CLOSERS = "”’」』）)】 "
_WHITESPACE = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace())
# A character that is neither of those: ends_sentence never looks further back.
_ANCHOR_RE = re.compile(f"[^{re.escape(_CLOSERS + _WHITESPACE)}]")
_TAIL = 32


def ends_sentence(text: str) -> bool:
    """True when text ends a sentence, looking through closing quotes and brackets.

    Only the end of the text is read, so the cost does not grow with a long paragraph.
    """
    last = text[-1:]
    if last and last not in _CLOSERS and last not in _WHITESPACE:
        return last in TERMINAL  # most lines end on a plain character: no closer to read past
    if len(text) > _TAIL:
        tail = text[-_TAIL:]
        text = tail if _ANCHOR_RE.search(tail) else sentence_tail(text)
    stripped, trimmed = text.rstrip(_CLOSERS), text.rstrip()
    if not stripped or not trimmed:
        return False
    if stripped != trimmed and stripped[-1] in TERMINAL:
        return True
    return trimmed[-1] in TERMINAL


def sentence_tail(text: str) -> str:
    """A few characters that end a sentence exactly when `text` does, now and after any
    text is appended to both: ends_sentence(sentence_tail(a) + b) == ends_sentence(a + b).

    ends_sentence reads the last character that is neither a closer nor a space (the
    anchor), and after it only where the last non-closer and the last non-space are.
    """
    head = text.rstrip(_CLOSERS + _WHITESPACE)  # up to and including the anchor
    run = text[len(head) :]
    marks = {len(run.rstrip(_CLOSERS)) - 1, len(run.rstrip()) - 1} - {-1}
    return head[-1:] + "".join(run[i] for i in sorted(marks))


def display_width(text: str) -> float:
    """Width of a line in character cells: CJK and full-width count 1, ASCII ½."""
    return len(text) - 0.5 * len(text.encode("ascii", "ignore"))


def bare_lead(text: str) -> bool:
    """A lead without its credit (本报2月3日讯 日前，…): under a headline and its byline
    it opens their story, not another."""
    m = LEAD_RE.match(text)
    return m is not None and bare_dateline(m.group(0))


def bare_dateline(lead: str) -> bool:
    """Is a lead's matched opening a news mark alone (本报2月3日讯), with no credit?"""
    return lead.strip().endswith("讯") and not any(ch in lead for ch in "（(【")


# A reporter's column, named for what the reporter does (记者连线, 记者手记): a label.
REPORTER_COLUMN_RE = re.compile(
    r"^(?:本报)?记者\s?(?:连线|手记|观察|调查|探访|体验|直击|追踪|聚焦|视线|见闻|走访|蹲点|札记"
    r"|帮你问|帮你办|帮办|在线|跑腿|追问|在现场|走基层)$")


# A sentence that opens on the reporter, wrapped short (记者从省商 / 务厅获悉，…): no byline.
# (A reporter surnamed 从 whose name is letter-spaced, 记者 从 林, is lost to this: repair
# glues the letters back on, space and all.)
SENTENCE_AFTER_ROLE_RE = re.compile(
    rf"^[{BULLET_MARKS}]?\s*(?:本报|全媒体|融媒体)*(?:记者|通讯员)"
    rf"(?:{SENTENCE_WORDS})")


# Where a commentary's writer works, under the text: （作者单位：某某县委党校）.
AUTHOR_UNIT_NOTE_RE = re.compile(r"^[（(]作者单位[：:][^（）()]{2,30}[）)]$")


def is_byline(text: str) -> bool:
    """Role words and names, spaced (本报记者 张三 通讯员 李四) or glued together."""
    return bool(BYLINE_LINE_RE.match(text) or BYLINE_GLUED_RE.match(text)
                or SHORT_ROLE_GLUED_RE.match(text)) \
        and not REPORTER_COLUMN_RE.match(text.split(" ", 1)[0]) \
        and not SENTENCE_AFTER_ROLE_RE.match(text)  # 记者手记 椒乡三月: a column and a title


def byline_line(no: int, text: str, width: float) -> Line:
    """A byline's line without its bullet; a photo's credit when it says so (…杨永红
    摄影报道, 摄影 记者 王 蓉)."""
    text = text.lstrip(BULLET_MARKS + " ")
    shot = text.endswith(SHOT_ENDS) or (text[:2] == "摄影" and CREDIT_RE.match(text) is not None)
    return Line(no, text, Kind.CREDIT if shot else Kind.BYLINE, width)


def editors_first(text: str) -> bool:
    """(责任编辑 王 帆), 责编 X: a line that opens on an editor's role names the page's
    editors, however much it looks like a byline or a signature."""
    return "责" in text[:3] and EDITORS_RE.match(text) is not None


def classify(no: int, text: str, markdown: bool) -> Line:
    """Decide what a single repaired line is; `markdown` marks the Markdown-like dump style.

    Width is measured on the repaired text: OCR letter-spacing only pads a line out.
    """
    if not text:
        return Line(no, text, Kind.BLANK, 0.0)
    if "，" in text and text[0] not in SLOW_FIRST and text[-1] not in "。！？" \
            and len(text) <= NOISE_LINE_MAX and "版" not in text \
            and "讯" not in text[2:NEWS_OF_AT] and COMMA_FURNITURE_RE.search(text) is None:
        # Most lines: a column's text broken after a comma. None of the checks below can
        # take such a line (each needs a mark at its start, a 版 or 讯 in it, no comma, a
        # sentence's end, or furniture words), so it is text, decided here at once.
        return Line(no, text, Kind.TEXT, display_width(text))
    if text[0] == "•" and len(text) > 1 and text[1] in " \u3000“《":  # (repair drops the
        # space before a quote: •   “老楼长”的新任务)
        text = text[1:].lstrip()  # an e-paper view's paragraph mark: '•   山西晚报·…讯'
        if not text:
            return Line(no, text, Kind.BLANK, 0.0)
        if text.isdigit() and len(text) <= 2:  # • 1, • 2: the view's pictures, numbered
            return Line(no, text, Kind.NOISE, display_width(text), reason="image")
    if markdown and ((text[0] in "-*+▶►" and text[1:2] == " " and text[2:4] == "**")
                     or (text[0] in "▶►▲●■◆" and text[1:3] == "**")):
        text = text[1:].lstrip()  # - **标题** 正文, ▲**标题**正文: a list's item, its title bold
    width = display_width(text)
    first, last = text[0], text[-1]
    if markdown and first == "#":
        heading = MD_HEADING_RE.match(text)
        if heading:
            kind = Kind.HEADING if len(heading.group(1)) == 1 else Kind.SUBHEADING
            title = heading.group(2).strip()
            reason = noise_reason(title) if title else ""
            if reason:  # "# 芜湖日报数字报": the site's masthead set as a heading
                return Line(no, text, Kind.NOISE, width, reason=reason)
            if title[:1] in "—-─" and SUBTITLE_RE.match(title) and not ends_sentence(title):
                return Line(no, title, Kind.SUBTITLE, width)  # "### ——…": a subtitle
            if kind is Kind.SUBHEADING and ROLE_WORD_RE.search(title[:BULLET_ROLE_AT]) \
                    and is_byline(title):
                return byline_line(no, title, width)  # "## 记者 叶晓岚": a byline set so
            if title[:1] == "【" and title[-1] == "】" and "】" not in title[:-1]:
                title = title[1:-1].strip() or title  # "## 【天中时评】": a label in brackets
            return Line(no, title, kind, width)
    if markdown and first == "*" and last == "*":
        bold = BOLD_LINE_RE.match(text)  # **市交通局：下周起三条公交线临时改道** alone
        if bold and not ends_sentence(bold.group(1)):
            inner = classify(no, bold.group(1).strip(), markdown=False)
            if inner.kind in (Kind.BYLINE, Kind.CREDIT, Kind.SIGNATURE, Kind.NOISE,
                              Kind.CONT_FROM, Kind.CONT_ON):
                return inner  # **□融媒体记者 许志远**, **（上接第1版）**: set in bold
            if inner.enumerated and CASE_PART_RE.match(inner.text):
                return inner  # **【案情】**: a part of a case report, in bold
            if BOLD_LABEL_RE.match(bold.group(1).strip()):
                return Line(no, text, Kind.TEXT, width)  # **微点评**: a label inside the text
            return Line(no, bare_title(bold.group(1)), Kind.SUBHEADING, width)
        italic = ITALIC_LINE_RE.match(text)  # *本报记者 吴桐 整理*: a byline in italics
        if italic and (inner := classify(no, italic.group(1).strip(), markdown=False)).kind \
                in (Kind.BYLINE, Kind.CREDIT, Kind.SIGNATURE):
            return inner
    if first == last and first in BULLET_MARKS + "☆" and (framed := FRAMED_LABEL_RE.match(text)):
        label = framed.group(1)  # ★本埠要闻★, ●清流漫谈●: a label between two of one mark, as
        reason = noise_reason(label)  # in brackets (★本埠要闻导读★: the index's, furniture)
        if reason:
            return Line(no, text, Kind.NOISE, width, reason=reason)
        return Line(no, label, Kind.TEXT, display_width(label), reason=BRACKETED_LABEL)
    if first in "【>＞":
        if first == "【" and CASE_PART_RE.match(text):
            return Line(no, text, Kind.TEXT, width)  # 【案情】2023年5月，…: the report's part
        if first == "【" and BRACKETED_ROLE_RE.match(text):  # 【记者】钟伟健, 【摄影】吴海
            return Line(no, text, Kind.BYLINE, width)
        if first == "【" and (column := LABELLED_TITLE_RE.match(text)) \
                and COLUMN_WORD_RE.match(column["label"]) \
                and not CLAUSE_PUNCT_RE.search(column["title"]):
            return Line(no, text, Kind.TEXT, width)  # 【湄水评论】别让小水窖成了“摆设”: a title
        if BUTTONS_RE.match(text) or (text[1:2] == "字" and READER_RE.match(text)):
            # 【打印本页】 【关闭窗口】, 【字体：大 中 小】 分享到：: no brief's title
            return Line(no, text, Kind.NOISE, width, reason="page header")
        mark = MOBILE_MARK_RE.match(text)  # 【今日要闻】 alone, >>长江边的“守渔人”
        label = mark and (mark.group(1) or mark.group(2))
        if label and not ends_sentence(label) and not CLAUSE_PUNCT_RE.search(label):
            reason = noise_reason(label)  # 【导读】, > 2026年04月23日 > 第02版：…
            if reason:
                return Line(no, text, Kind.NOISE, width, reason=reason)
            return Line(no, label, Kind.TEXT, display_width(label), bullet=first != "【",
                        reason=BRACKETED_LABEL if first == "【" else "")
    if first in "|｜" and PIPE_ROW_RE.match(text):
        return Line(no, text, Kind.TEXT, width, row=True)  # | 场地 | 所在区 |, header included
    if markdown and first == "*" and "**" in text:
        reason = noise_reason(text.replace("**", "").strip())  # **某某日报** 2026-03-24
        if reason:
            return Line(no, text, Kind.NOISE, width, reason=reason)
    cont = CONT_RE.match(text) if "版" in text else None
    if cont:
        kind = Kind.CONT_ON if cont.group(1) in ("下转", "紧转", "转") else Kind.CONT_FROM
        return Line(no, cont.group(0), kind, width, page=page_ref(cont.group(2)),
                    tail=text[cont.end():].strip())
    # Cheap character tests first: classify runs on every line of every page. Credits,
    # bylines and signatures hold no comma or full stop; most body lines do.
    plain = "，" not in text and "。" not in text
    if plain and " " in text and len(text) <= READER_SIGN_MAX and (
            reader := READER_SIGN_RE.match(unbracketed(text))) and (
            reader["name"][0] in SURNAMES or len(reader["unit"]) >= 2):
        return Line(no, text, Kind.SIGNATURE, width)  # 莲塘中学教师 廖志远: who wrote a letter
    if ("：" in text[:SALUTATION_AT] or ":" in text[:SALUTATION_AT]) and SALUTATION_RE.match(text):
        return Line(no, text, Kind.LEAD, width)  # 编辑同志：我家住在…: a letter begins
    if first in BULLET_MARKS and len(text) <= 40 and ROLE_WORD_RE.search(text[:BULLET_ROLE_AT]) \
            and (is_byline(text) or COMMENTATOR_RE.match(text)):
        return byline_line(no, text, width)  # ●记者 X, ■ 本报全媒体记者 X
    if first in "（(" and last in "）)" and AUTHOR_UNIT_NOTE_RE.match(text):
        return Line(no, text, Kind.NOISE, width, reason="author's unit")  # （作者单位：…）
    if (last == "。" and text.endswith("声明作废。") and "遗失" in text) \
            or text in ("遗失声明", "挂失声明"):
        return Line(no, text, Kind.NOISE, width, reason="advertisement")  # a classified ad
    if first in BULLET_MARKS + "【[" and text[1:4].lstrip()[:2] == "广告":
        return Line(no, text, Kind.NOISE, width, reason="advertisement")  # ◆广告◆ 家居城…
    if first in BULLET_MARKS and len(text) <= 60 and INDEX_TAIL_RE.search(text) \
            and not ends_sentence(text):
        return Line(no, text, Kind.NOISE, width, reason="index of other pages")  # ●标题 第2版
    if first == "据" and TRAILING_BYLINE_RE.match(text):
        return Line(no, text, Kind.SIGNATURE, width)  # 据新华社电 after the text
    if plain and (last in "）)" or (" " in text and text[-1] not in "摄图")) \
            and AUTHOR_UNIT_RE.match(named := text.lstrip(NAME_BULLETS + " ")):
        return Line(no, named, Kind.BYLINE, width)  # 孙海海（市教育局）: a 来论's author (□…)
    if first == "指" and TUTOR_RE.match(text):
        return Line(no, text, Kind.BYLINE, width)  # 指导老师 林慧
    if plain and "班" in text and PUPIL_RE.match(text):
        return Line(no, text, Kind.BYLINE, width)  # 某某小学四（2）班 徐可馨
    if first == "·" and DOTTED_NAME_RE.match(text) and text[1:].lstrip()[:1] in SURNAMES:
        return Line(no, text[1:].lstrip(), Kind.BYLINE, width)  # ·陈一舟
    if first in NAME_BULLETS and BOXED_NAME_RE.match(text):
        # □ 罗 秋, ◇ 冶 平: the author's name
        return Line(no, text.lstrip(NAME_BULLETS + " "), Kind.BYLINE, width)
    if plain and "/" in text and len(text) <= 40 and (credits := WROTE_SHOT_RE.match(text)):
        # ■ 撰文/黎 晴 摄影/吴 川: who wrote and who photographed a story, each after a slash
        return Line(no, text[credits.start("credit"):], Kind.BYLINE, width)
    if first in BULLETS and len(text) <= QR_BULLET_MAX and QR_START_RE.match(text[1:].lstrip()):
        return Line(no, text, Kind.NOISE, width, reason="QR-code caption")  # ▲扫码看视频。
    if (first in LEAD_FIRST or "讯" in text[2:NEWS_OF_AT]
            or text.find("报道", 4, REPORTED_AT) >= 0) and LEAD_START_RE.match(text):
        return Line(no, text, Kind.LEAD, width)
    if plain and (last in "摄图道）)]供影作绘书" or "供图" in text) and len(text) <= 40 \
            and CREDIT_RE.match(text):
        return Line(no, text.lstrip("□■ "), Kind.CREDIT, width)  # (□朱静雯 摄影报道)
    if plain and last == "图" and text[-2:-1] == "制" and first in SURNAMES \
            and CHART_CREDIT_RE.match(text):
        # 杜明阳 制图: who drew a chart, which the text dump does not hold
        return Line(no, text, Kind.NOISE, width, reason="chart credit")
    if plain and first in "本摄漫" and CREDIT_RE.match(text):
        return Line(no, text, Kind.CREDIT, width)  # 本版摄影：X, 摄影：X, 漫画/X
    if plain and len(text) <= 40 and ROLE_WORD_RE.search(text) and (
            is_byline(text) or COMMENTATOR_RE.match(text)) and not EDITORS_GLUED_RE.match(text) \
            and not editors_first(text):
        return byline_line(no, text, width)  # (编辑卫东校对赵宁: the page's editors)
    if plain and last in "图摄文" and len(text) <= 20 and NAMES_TEXT_PHOTO_RE.match(text):
        return Line(no, text, Kind.BYLINE, width)  # 李 航 文/图, under 本报记者 普 洁
    if plain and first in "文图" and TEXT_AND_PHOTO_RE.match(text):
        # 图/闫 晨 文/乔 雪: the photographer named first credits a photo and its caption
        kind = Kind.CREDIT if text[:2] in ("图/", "图／") and "文" in text[2:] else Kind.BYLINE
        return Line(no, text.lstrip(BULLET_MARKS + " "), kind, width)
    if plain and first in "（(据" and (
            SIGNATURE_LINE_RE.match(text) or TRAILING_BYLINE_RE.match(text)) \
            and not editors_first(text):
        return Line(no, text, Kind.SIGNATURE, width)
    if first == "—" and last in "摄道" and CREDIT_RE.match(credit := text.lstrip("—─ ")):
        return Line(no, credit, Kind.CREDIT, width)  # ——本报记者 X 摄 under a photo group
    if first in "—-─" and DASHED_BUTTON_RE.match(text):
        return Line(no, text, Kind.NOISE, width, reason="page header")  # —分享—: a button
    if first in "—-─" and SUBTITLE_RE.match(text) and not ends_sentence(text):
        return Line(no, text, Kind.SUBTITLE, width)
    if "](" in text and first in "![-*·•" and MD_LINKS_RE.match(text):
        reason = "image" if first == "!" else "links"  # however long their addresses
        return Line(no, text, Kind.NOISE, width, reason=reason)
    if last == "。" and "分享" in text and SHARE_HOWTO_RE.search(text):
        return Line(no, text, Kind.NOISE, width, reason="page header")  # 打开微信，…分享至朋友圈。
    if last == "。" and first in "版凡" and COPYRIGHT_RE.match(text):
        return Line(no, text, Kind.NOISE, width, reason="masthead")  # 版权声明：凡…不得转载。
    if last in "。.！）" and ("版权" in text or "转载" in text) and copyright_notice(text):
        # …版权所有，未经…禁止…。, （…未经某某许可，其他媒体不得转载！）
        return Line(no, text, Kind.NOISE, width, reason="masthead")
    if last in "。！" and text[-2:-1] in "网端" and SITE_PLUG_RE.search(text):
        return Line(no, text, Kind.NOISE, width, reason="advertisement")  # …就上岚州网。
    if last == "！" and ("一期" in text or "欢迎" in text) and SITE_CHROME_RE.search(text):
        return Line(no, text, Kind.NOISE, width, reason="page header")  # 这已经是最后一期了哦！
    if last == "。" and "扫码关注" in text and FOLLOW_US_RE.match(text):
        return Line(no, text, Kind.NOISE, width, reason="advertisement")  # …扫码关注某某客户端。
    if last in "。！？":
        return Line(no, text, Kind.TEXT, width)  # a sentence's end: no other furniture ends so
    if len(text) > NOISE_LINE_MAX:  # …and none is longer, but a site's menu of sections
        if ("|" in text or "｜" in text) and MENU_RE.match(text):
            return Line(no, text, Kind.NOISE, width, reason="page header")
        if PAGE_LIST_RE.match(text):  # 版面导航：[01 要闻](node_1.htm) | …, however long
            return Line(no, text, Kind.NOISE, width, reason="page header")
        if text.endswith("-->"):  # …/enpproperty-->: an e-paper's markup, however long
            return Line(no, text, Kind.NOISE, width, reason="page markup")
        if "，" not in text and len(MASTHEAD_FIELD_RE.findall(text)) >= MASTHEAD_FIELDS:
            return Line(no, text, Kind.NOISE, width, reason="masthead")  # 新闻热线:… 邮发代号:…
        return Line(no, text, Kind.TEXT, width)
    reason = noise_reason(text)
    if reason:
        return Line(no, text, Kind.NOISE, width, reason=reason)
    return Line(no, text, Kind.TEXT, width)


# The site promoting itself in a sentence at the page's foot: 看岚州新闻，说家乡事，就上岚州网。
SITE_PLUG_RE = re.compile(
    r"(?:就上|请上|快上|欢迎登录|请登录|请访问|敬请关注|请关注|下载)[\u4e00-\u9fffA-Za-z]{1,10}"
    r"(?:网|客户端)[。！]$")
# A site's or a paper's copyright notice, a sentence of its own under the article.
COPYRIGHT_RE = re.compile(
    r"^(?:版权声明[：:]|凡[^。]{0,40}稿件)[^。]{0,60}(?:授权|许可)[^。]{0,20}转载")
NOISE_LINE_MAX = 60  # characters: a line of page furniture is no longer
# cells: text wrapped at this width or less is a printed column; a page set wider is set a
# paragraph a line (a web page's)
WRAPPED_WIDTH = 26
# characters: a bulleted byline names its role this soon (■ 邯郸新闻传媒中心记者 X)
BULLET_ROLE_AT = 16
# A line of nothing but Markdown links or pictures: a web page's navigation
# ([数字报首页](…) | [往期回顾](…), - [01版：要闻](node_01.html)) or its images.
# …or as a list's items, without links: - A01：要闻, - 07版：海岛·城事.
MD_PAGE_ITEM_RE = re.compile(
    r"^[-*]\s+(?:第\s*)?(?:[A-Da-d]\d{1,3}\s*版?|\d{1,3}\s*版)\s*[：:]\s*[\u4e00-\u9fff·、]{1,12}$")
MD_ITEM_CHROME = 20  # characters: an e-paper reader's button or date as a list's item
MD_LINKS_RE = re.compile(r"^(?:[-*·•]\s*)?(?:!?\[[^\]]*\]\([^)]*\)\s*[|｜/·]?\s*)+$")
# Page furniture: what the page prints around its articles, never part of one.
PAGE_HEADER_RE = re.compile(
    r"^(?:农历[\u4e00-\u9fff]{4,10}$|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年[正一二三四五六七八九十冬腊闰]{1,2}月[初十廿三][一二三四五六七八九十]$|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:[，,]?\s*)?(?:星期|周)[一二三四五六日天]"
    r"|第\s*[A-Za-z]?\s*[0-9０-９一二三四五六七八九十]{1,3}\s*版\s*(?:[：:]|$|\s"
    r"|[\u4e00-\u9fff]{1,6}(?:[·•][\u4e00-\u9fff]{1,6})?$)"  # 第3版体育·文化
    r"|[A-Za-z]?\d{1,3}\s*版?\s*[｜|]|[A-Za-z]?\d{1,3}\s*版?\s*[：:]\s*[\u4e00-\u9fff]{1,6}"
    r"(?:\s[\u4e00-\u9fff]{2,6})?$"  # 07版:文润潍坊 凡人微光: a section and its page's name
    r"|[A-Za-z]\d{4}\s*版\s*[：:]\s*[\u4e00-\u9fff]{1,6}$"  # a0004版:教育, a page's code
    r"|0{2,4}\d{1,2}\s*版\s*[：:]\s*[\u4e00-\u9fff]{1,6}$"  # 00002版:综合新闻, zero-padded
    # 都江堰报 | 2026年5月13日 | 第4版 |: the paper's name, date and page between bars
    r"|[\u4e00-\u9fff]{2,8}\s*[|｜]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[|｜]\s*"
    r"第?\s*[A-Za-z]?\d{1,3}\s*版(?:\s*[|｜]\s*[\u4e00-\u9fff]{0,6})?\s*[|｜]?$"
    # 今日海盐·第02版：综合: the paper's name, a dot, its page and section
    r"|[\u4e00-\u9fff]{2,8}\s?[·•]\s?第\s*[A-Za-z]?\d{1,3}\s*版(?:\s*[：:]?\s*[\u4e00-\u9fff]{1,6})?$"
    r"|[A-Za-z]?\d{1,2}\s*版\s+[\u4e00-\u9fff]{2,6}$|0\d\s+[\u4e00-\u9fff]{2,4}$"  # 02版 综合新闻
    r"|(?:星期|周)[一二三四五六日天]\s"
    r"|\d{4}\.\d{1,2}\.\d{1,2}\s*(?:星期|周)[一二三四五六日天]$"  # 2026.3.12 星期四
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*第?\s*[A-Za-z]?\d{1,3}\s*版)"
)
EDITORS_RE = re.compile(
    r"^[（(【\[]?(?:本版|本期)?(?:责任编辑|责编|版面编辑|编辑|校对|美编|版式|版式设计|组版|审读|值班编辑|值班主任|值班编委"
    r"|(?:终审|[一二三]审|初审|复审)(?:编辑)?|制图|美术编辑|视觉|排版|主编|统筹|审校|审核|监制|出品人)(?:\s*[：:/／|｜]\s*|\s+)"
    r"(?:[\u4e00-\u9fff·](?:\s?[\u4e00-\u9fff·]){1,3}|[A-Za-z]{2,24}$)")  # 编辑：chenjing
# …and with the spaces taken out by repair: 责任编辑周莹版式黄杰校对刘畅.
EDITORS_GLUED_RE = re.compile(
    r"^(?:本版|本期)?(?:责任编辑|责编|版面编辑|编辑|美编|美术编辑|版式)[：:/／]?[\u4e00-\u9fff·]{2,4}"
    r"(?:\s?[/／|｜]?\s?(?:责任编辑|责编|版式|校对|美编|美术编辑|审读|审核|组版|值班编辑|视觉|制图|排版)"
    r"[：:/／]?\s?"
    r"[\u4e00-\u9fff·]{2,4})+$"  # …a slash between them too: 责编何川／美编陈珊／校对罗平
    # (责任编辑 王 帆), [责任编辑那仁 ], repaired
    r"|^[（(【\[](?:责任编辑|责编)[：:]?[\u4e00-\u9fff·]{2,4}\s?[）)】\]]$"
    # …or each role with its colon: 总值班：马骏值班主任：王丽责编：刘涛
    r"|^(?:(?:总值班|值班总编|值班主任|值班编委|值班编辑|责任编辑|责编|编辑|美编|校对|版式|组版|审读"
    r"|(?:本报)?(?:常年)?法律顾问)"  # …and the paper's lawyer among them
    r"[：:]\s*[\u4e00-\u9fff·](?:\s?[\u4e00-\u9fff·]){1,3}\s*){3,}$"
    r"|^(?:(?:[一二三]审|初审|复审|终审)[：:]\s*[\u4e00-\u9fff·]{2,4}\s*){2,}$"  # 二审：X三审：Y
    # …or two roles and more, spaces between them: 编辑 蔡若 责任编辑 詹明, 编辑卫东 校对赵宁
    r"|^(?:(?:责任编辑|责编|编辑|美编|美术编辑|校对|版式|组版|审读|审核|值班编辑)\s*"
    r"[\u4e00-\u9fff·]{2,4}(?:\s+|$)){2,}$")
SECTION_THEN_EDITORS_RE = re.compile(
    r"^(?:[A-D]?\d{1,2}\s+)?[\u4e00-\u9fff·]{2,10} (?=责)")  # …its page first: 06 流溪河·专题
# A weather box: a temperature range, a wind force, or a line that starts 今日天气.
WEATHER_RE = re.compile(
    r"(?:^(?:今日|明日|今天|明天|本周|[\u4e00-\u9fff]{2,5})?天气(?:预报)?(?:[：:\s]|$)|^空气质量[：:]"
    r"|-?\d{1,2}\s*℃?\s*[～~至/—–-]\s*-?\d{1,2}\s*℃"
    r"|[东南西北]{1,2}风\s*[0-9一二三四五六七八](?:[-～~至][0-9一二三四五六七八])?\s*级)")
# Words and figures of a weather box; a box line holds little else.
WEATHER_WORDS_RE = re.compile(
    r"(?:今日|明日|今天|明天|本周)?天气(?:预报)?"
    r"|^[\u4e00-\u9fff]{2,4}天气(?=[\s：:]+(?:今天|今日)?\s*[晴阴雨雪雾多小中大])"  # 泰州天气 晴
    r"|[东南西北]{1,2}风|最高|最低|气温|多云|空气质量|首要污染物"
    r"|今日|明日|今天|明天|白天|夜间"
    r"|[晴阴雨雪雾霾云转到至级良优小偏间阵雷]|PM\d*\.?\d*"
    r"|-?\d+(?:\.\d+)?\s*℃?|[～~/：:\s—–-]")
CJK_RE = re.compile(r"[\u4e00-\u9fff]")
# The masthead's fields, several on one line however long: 新闻热线:8860000 发行热线:…
# 邮发代号:54-00 国内统一连续出版物号 CN 62-0000.
MASTHEAD_FIELD_RE = re.compile(
    r"(?:新闻|发行|广告|订阅|订报|报料)热线[：:]?\s*\d|邮发代号|国内统一连续出版物号|CN\s*\d{2}\s*[-－]")
MASTHEAD_FIELDS = 3
MASTHEAD_RE = re.compile(
    r"国内统一连续出版物号|CN\s*\d{2}\s*[-－]\s*\d{4}|邮发代号|^(?:本版)?投稿邮箱"
    r"|^(?:本版|本报)?(?:投稿)?(?:邮箱|信箱|E-?mail)\s*[：:]\s*\S+@"  # 本版邮箱：x@y.com
    r"|(?:新闻|广告)(?:热线|报料|联系|传真)[：:]?\s*\d|(?<=\s)(?:订报|订阅|发行)热线[：:]?\s*\d|(?:日报|晚报|都市报|早报|晨报|商报|时报)热线[：:]?\s*\d|报料(?:热线|电话)?[：:]?\s*\d|广告经营许可证|定价[：:]?\s*\d|^印刷[：:]|^(?:本报)?社址[：:]|^本报地址[：:]|^地址[：:].*(?:热线|邮编)|^邮编[：:]\s*\d{6}(?:\s+(?:电话|传真)[：:]\s*[\d-]{7,13})*$|^主办(?:单位)?[：:]|零售价[：:]?\s*\d"
    r"|^中共[\u4e00-\u9fff]{2,12}委员?会?(?:机关报|主办)(?:\s+[\u4e00-\u9fff]{2,16}主办)?"
    r"(?:\s+总?第\s*\d{2,6}\s*[期号])?$"  # …机关报　第5120期: the number beside it
    r"|由[\u4e00-\u9fff]{2,20}主管|^内部资料\s*(?:免费交流)?|准印证号|连续性内部资料|准印证(?:[（(][\u4e00-\u9fff]{1,4}[）)])?\s*第|未经(?:书面)?(?:许可|授权)[^。]{0,16}不得(?:转载|复制|使用)|(?:报社|传媒集团|报业集团|传媒中心|新闻中心|融媒体中心)出版(?:$|\s)"
    # 某某报社 地址：…, 某某晚报社址：…
    r"|(?:客户端|APP|App|app)同步发布$|^[\u4e00-\u9fff]{2,8}报社?\s*(?:社址|地址)[：:]"
    r"|^[\u4e00-\u9fff]{2,8}(?:报社|融媒体中心|传媒中心|传媒集团)(?:主办|出品)\s*[!！]?$"
    # a column's hotline and mailbox: 民声热线：0595-88700110 邮箱：…
    r"|^[\u4e00-\u9fff]{2,6}(?:热线|电话)[：:]?\s*[\d-]{7,14}\s+[\u4e00-\u9fff]{0,4}邮箱[：:]"
    r"|^今日\s*\d{1,2}\s*版(?:\s|$|第\s*\d{2,6}\s*[期号]$)|^(?:\d{4}年\d{1,2}月\d{1,2}日\s*)?第\s*\d{3,6}\s*[期号]$"
    r"|总第\s*\d+\s*[期号]|主管主办"
    r"|内资?准字\s*第?\s*[A-Z]?\d{2,6}\s*号|准印证[：:]"  # 湘内资准字第0417号, 浙内准字第A017号
    # the e-paper's name and who runs it at its foot, and the paper's telephone alone there
    r"|^[\u4e00-\u9fff]{2,10}(?:数字报|电子报|电子版)\s*主办[：:]|^电话[：:]\s*0\d{2,3}-\d{7,8}$")
INDEX_TAIL_RE = re.compile(
    r"(?:[（(]?\s*(?:详见|见)?第?\s*[A-Za-z]?\s*[0-9０-９一二三四五六七八九十]{1,3}\s*版\s*[）)]?"
    r"|[>》→▶]{1,3}\s*[A-Za-z]?\d{1,3}(?:\s*版)?)$"
    r"|^[▶►][^，。]{2,30}\s[A-Za-z]?\d{1,2}$"
    r"|^[▶►]\s*[A-Za-z]?\d{1,2}\s*(?:版\s*)?[^，。\d]"  # ▶A03 一条村道带旺一个侨村
    r"|^[▶►][^。]{2,80}[A-D]\d{2}$"  # ▶老手艺人口述A03▶镜荷湖公园新增健身步道A03
    r"|^[^。，]{1,30}[\u4e00-\u9fff”’）)]\s?[A-D]\d{2}$")  # a wrapped teaser's end: 要“慢工” A03
PAGE_REF_ONLY_RE = re.compile(
    r"^[（(]\s*(?:详见|见)?第?\s*[A-Za-z]?\d{1,2}\s*版\s*[）)]$|^[A-Za-z]?\d{1,2}\s*版$")
# A teaser led by its page's label: 'A04 这所学校的“田间课堂”火了'.
INDEX_HEAD_RE = re.compile(  # …or '2版 市图书馆推出“家门口借书”服务'
    r"^(?:[A-D]\d{1,2}\s?|\d{1,2}\s?版(?:\s|(?=[“‘《])))[\u4e00-\u9fff“‘《][^，。；]{5,30}$")
# how a paper's own name ends
PAPER_ENDS = "日报|晚报|都市报|早报|商报|时报|晨报|特区报|经济报|导报"
# The paper's own name, alone or before the date: 绍兴日报, 德州晚报2024年12月3日星期二,
# 红河日报 数字报　2026年03月24日　第05版.
MASTHEAD_NAME_RE = re.compile(
    rf"^[\u4e00-\u9fff]{{2,6}}(?:(?:{PAPER_ENDS})(?:\s?[·•]?\s?(?:数字报纸|数字报|电子报|电子版))?"
    r"|新闻网|\s?[·•]?\s?(?:数字报纸|数字报|电子报))\s*")  # (今日开化 数字报纸: a site's name)
# …or after it: 2026年1月20日重庆手机报.
DATED_PAPER_RE = re.compile(
    r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[\u4e00-\u9fff]{2,6}"
    rf"(?:{PAPER_ENDS}|手机报)(?:\s*[A-Za-z]?\d{{1,3}}版?)?$"  # …惠州日报A02: and its page
    rf"|^[\u4e00-\u9fff]{{2,8}}(?:{PAPER_ENDS})\s*(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{4}}年\d{{1,2}}月\d{{1,2}}日)"
    r"(?:\s+\d{1,2}:\d{2})?(?:\s*(?:字号[：:]?\s*)?(?:[大中小]字?\s*){1,3})?"
    r"(?:\s*第\s*[A-Z]?\d{1,3}\s*版(?:[：:]?\s*[\u4e00-\u9fff]{2,8})?)?$")  # …第03版 区域
SECTION_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,6}(?:·[\u4e00-\u9fff]{2,6})?")
# 梅州日报 2026-03-17 08:30: an app's source and time, with its type-size buttons (大字)
INDEX_HEADER_RE = re.compile(  # …and a web view's list of the page's titles: 本版新闻列表
    r"^(?:本报)?(?:今日|本期|本版|本埠|本地|县内|市内)?(?:要闻|标题|版面)?"
    r"(?:导读|提示|要闻提示|内容提要|导航|要目|新闻列表|标题列表)$")  # (本埠要闻导读)


def index_header(text: str) -> bool:
    """An index's name, as printed alone or framed (今日导读, 【导读】, ★本埠要闻导读★)."""
    return INDEX_HEADER_RE.match(text.strip("【】 " + BULLET_MARKS + "☆")) is not None


# Sales talk a news line never has: 以旧换新 补贴最高700元, 某某·悦府 火热认购中.
AD_WORDS_RE = re.compile(
    r"以旧换新|补贴最高|火热认购|盛大开盘|限时特惠|全屋定制|招商加盟|钜惠|满[千百万\d]{1,4}减[千百\d]"
    r"|全场[\u4e00-\u9fff]{0,4}[一二三四五六七八九\d](?:\.\d)?折|买一送一")  # 全场镜架八折
AD_RE = re.compile(r"^(?:本版|分类)?(?:广告|[【\[]广告[】\]]|招商热线|咨询热线|订购热线|服务热线)"
                   r"|(?:咨询|订购|服务|招商|订餐|预订|预约|报名|投稿|报料|新闻)热线[：:]\s*\d"
                   # what a seller asks the reader to ring for: 团购热线, 招租热线, 预订电话
                   r"|(?:团购|招租|订购|订餐|预订|购房|售楼|加盟)(?:热线|电话)[：:]\s*\d"
                   r"|^(?:订报|订阅|发行)?热线[：:]\s*\d"  # the paper's own: 订报热线：0557-…
                   r"|^[^，。]{4,24}\s+电话[：:]\s*0\d{2,3}-\d{7,8}$"  # 库位招租 电话：0943-…
                   # …or a name and a slogan before it: 某花园 二期火热登记中 热线：0757-…
                   r"|^[^，。\s]{2,16}\s+[^，。\s]{2,16}\s+热线[：:]\s*0\d"
                   r"|广告部\s*承接[\u4e00-\u9fff]{0,4}广告$")  # 某某日报社广告部 承接各类广告
# …and the shape of an advertisement's line: priced, addressed, or slogans side by side.
AD_SHAPE_RE = re.compile(r"地址|热线|电话|·|\S\s+\S+\s+\S|满[千百万\d]{1,4}减")


EDITOR_FIRST = frozenset("（(【[本责编校美版组审值终制视排主统总一二三初复监出")
# An edition's own title on a site: the paper or its news page, then the day in brackets.
EDITION_TITLE_RE = re.compile(
    r"^(?:今日[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{2,8}(?:手机报|日报|报|早报|晚报|快报))"
    r"\s*[（(]\d{4}年\d{1,2}月\d{1,2}日[）)]$")
MASTHEAD_HINT_RE = re.compile(
    r"统一|CN|邮|热线|传真|转载|出品|内部资料|准印证|报料|许可证|定价|印刷|社址|地址|零售|机关报|主办|出版|期|号|今日|同步发布|^电话")
INDEX_LAST = frozenset("版）)0123456789")
WEATHER_HINT_RE = re.compile(r"℃|级|天气|空气质量")
# Lines of an e-paper's reader page, around the article: 电子报阅读机, 2026-01-05, 星期一,
# 当前报纸名称:…, 当前：第04版 …, 日期:12-30, 字号:, 版面:第09版:文化 上一篇 下一篇,
# 上一版 下一版 PDF版.
READER_RE = re.compile(
    r"^(?:电子报阅读机|\d{4}-\d{1,2}-\d{1,2}(?:\s*星期[一二三四五六日天])?|星期[一二三四五六日天]"
    r"|当前(?:报纸名称|版)[:：].*|当前[:：]\s*第?[A-Z]?\d{1,3}版.*|(?:发布|更新|出版|见报)?日期[:：].*"
    r"|[上下]一篇[:：].*"  # 上一篇：… with the title it links to
    # 字体大小[大 中 小]  打印  分享：, or in brackets: 【字体：大 中 小】 分享到：
    r"|[【\[]?(?:字号[:：]|字体(?:大小)?\s*[:：\[【]).*|版面[:：].*"
    r"|(?:[◀◁←<«]?\s*(?:(?:本版)?[上下]一[版篇期]|日历|PDF版|放大|缩小|默认"
    r"|版面导航|标题导航|版面概览|返回目录|返回首页|返回头版|返回版面|首页|往期回顾|PDF下载|下载本版PDF|朗读|打印(?:本页|页面)?|关闭(?:窗口)?|收藏|分享"
    r"|推荐|评论|更多功能"
    r"|展开通版|收缩通版|通版阅读(?:请点击)?[:：]?|版面原文"
    r"|\d{4}年\d{1,2}月\d{1,2}日"  # 下一篇 2026年3月12日 放大 缩小 默认: the page's date among them
    r"|\d{1,2})\s*[▶▷→>»]?\s*[|｜]?\s*)+)$")
# A note on the page's pictures or sources, at its foot: 本版图片由作者提供, 本版图片均为资料图片.
PAGE_NOTE_RE = re.compile(
    r"^本版(?:图片|照片|插图|稿件)(?:均)?(?:由[\u4e00-\u9fff]{1,12}提供|为资料图片)$")
# A press group's papers and sites side by side, linked from a web edition's header.
SITE_NAME = r"[\u4e00-\u9fff]{2,8}(?:新闻网|网|日报|晚报|都市报|早报|晨报|客户端)"
SITES_LINE_RE = re.compile(rf"^{SITE_NAME}(?:\s+{SITE_NAME}){{2,}}$")
# An e-paper's list of pages or its navigation links, several on one line.
NAV_ITEM_RE = re.compile(
    r"[A-D]?\d{1,2}版[：:]|返回目录|上一篇|下一篇|[上前]一版|[下后]一版|PDF版|版权所有|未经许可不得转载")
NAV_ITEMS = 2
# …or the pages listed after their name: 版面导航：01 要闻 | 02 要闻 | 03 民生, or as
# links, [01 要闻](node_1.htm).
PAGE_LIST_RE = re.compile(r"^(?:版面导航|版面目录|本期版面)[：:]\s*\[?[A-D]?\d{1,2}")
# A web page's share buttons: 微信 朋友圈 微博.
# How to share the page, under its share buttons: 打开微信，点击“发现”，使用“扫一扫”即可将…
DASHED_BUTTON_RE = re.compile(r"^[—\-─]+\s*(?:分享|打印|收藏|关闭|返回顶部)\s*[—\-─]*$")
SHARE_HOWTO_RE = re.compile(r"^(?:打开微信|使用“?扫一扫”?|用微信扫).{0,40}分享(?:至|到)朋友圈")
# A picture's file name alone on its line, where a web page's image was: 20260315_6a1f03.jpg.
IMAGE_FILE_RE = re.compile(r"^[\w\-()（）]{1,60}\.(?:jpe?g|png|gif|webp|bmp)$", re.IGNORECASE)
SHARE_LINE_RE = re.compile(
    r"^(?:(?:分享到|微信|朋友圈|微博|QQ空间|QQ|抖音|复制链接)[：:]?\s*){2,}$")
DATED_LINE_RE = re.compile(  # …a slash between the date and its day too: …日／星期五
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[，,\s/／]*(?:(?:星期|周)[一二三四五六日天]|星期\s*$)"
    # …or its figures alone, a space apart, as a PDF prints them by a Latin name (2026 3 12)
    r"|(?<!\d)(?:19|20)\d\d \d{1,2} \d{1,2}\s*(?:星期|周)[一二三四五六日天]")
DATED_PAGE_RE = re.compile(r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{1,2}-\d{1,2})"
                           r"[\s|｜]*第\s*[A-Za-z]?\d{1,3}\s*版")  # (…日 | 第08版)
DATED_PAGE_MAX = 40  # characters: such a line holds nothing else
# …alone, commas between its parts: 2026年3月26日，星期四，农历二月初八.
DATE_ALONE_RE = re.compile(
    r"^\d{4}年\d{1,2}月\d{1,2}日[，,\s]*(?:星期|周)[一二三四五六日天](?:[，,\s]*农历\S{2,10})?$")
# A character every furniture pattern below needs: one search rules most lines out.
FURNITURE_HINT_RE = re.compile(
    r"[版期周编校审责美制排统主终视℃风气告线号邮址价刷话▶►>》→|｜导提航报换补购盘惠盟历篇减载缩印真]|CN"
    r"|^\d{4}-|^[日字]|^0\d[\s:：]|出品$|同步发布$|内部资料|准印证|^今日"
    r"|^[A-D]\d|[A-D]\d\d$|^[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年")


def furniture_reason(text: str) -> str:
    """Why a line is page furniture (header, editors, weather, masthead, index of other
    pages, advertisement), or '' when it is not. Body sentences end in punctuation and
    never look like these short lines. Each pattern runs only on lines holding a
    character it needs: this runs on nearly every line of every page."""
    if FURNITURE_HINT_RE.search(text) is None or ends_sentence(text):
        return ""
    if ("星期" in text or "-" in text or "：" in text or ":" in text or "篇" in text
            or "版" in text or "电子报" in text or "缩小" in text or "打印" in text
            or "一期" in text) and READER_RE.match(text):
        return "page header"  # an e-paper reader's own lines: 电子报阅读机, 上一篇 下一篇
    if text[:2] == "本版" and PAGE_NOTE_RE.match(text):
        return "page header"  # 本版图片由作者提供: a note on the page's pictures
    if " " in text and "报" in text and SITES_LINE_RE.match(text):
        return "page header"  # 平顶山新闻网 平顶山日报 平顶山晚报: the press group's sites
    if ("版" in text or "篇" in text or "转载" in text) \
            and (len(NAV_ITEM_RE.findall(text)) >= NAV_ITEMS or PAGE_LIST_RE.match(text)):
        return "page header"  # 01版：要闻02版：要闻…, [返回目录] [上一篇] [下一篇]
    if "版" in text and len(text) <= DATED_PAGE_MAX and DATED_PAGE_RE.search(text) \
            and "，" not in text and "。" not in text and not MASTHEAD_NAME_RE.match(text):
        return "page header"  # 长兴新闻 2026年03月12日 第02版：综合: name, date, page
    if "星期" in text and len(text) <= 60 and DATED_LINE_RE.search(text) \
            and ("，" not in text or DATE_ALONE_RE.match(text)):
        return "page header"  # 07 城事 2025年12月30日 星期二 编辑 贾 宁
    paper = "报" in text
    if ("版" in text or "星期" in text or "周" in text or "|" in text or "｜" in text
            or "农历" in text or text[0] == "0" or text[2:3] == "年"
            or ("A" <= text[0] <= "D" and text[1:2].isdigit())  # A03：城事
            or (paper and " " in text)) and (
            PAGE_HEADER_RE.match(text)
            or (paper and PAGE_HEADER_RE.match(MASTHEAD_NAME_RE.sub("", text).lstrip(" -–—|｜")))):
        return "page header"
    if paper and (MASTHEAD_NAME_RE.fullmatch(text) or DATED_PAPER_RE.match(text)):
        return "masthead"
    if text[-1] in "）)" and EDITION_TITLE_RE.match(text):
        return "masthead"  # 石首手机报（2026年3月12日）: the day's edition on a site
    if paper and " " in text and (name := MASTHEAD_NAME_RE.match(text)) \
            and SECTION_NAME_RE.fullmatch(text[name.end():]):
        return "page header"  # 汕头特区晚报 鮀城·民生: the paper's name, then the page's section
    if len(text) <= 8 and INDEX_HEADER_RE.match(text):
        return "index of other pages"
    if text[0] in EDITOR_FIRST and (EDITORS_RE.match(text) or EDITORS_GLUED_RE.match(text)):
        return "editors' names"
    if " 责" in text[:16] and (section := SECTION_THEN_EDITORS_RE.match(text)) \
            and EDITORS_GLUED_RE.match(text[section.end():]):
        return "editors' names"  # 要闻 责任编辑：张弛校对：林雅: a section, then its editors
    if MASTHEAD_HINT_RE.search(text) and MASTHEAD_RE.search(text):
        return "masthead"
    if len(text) >= 5 and (text[-1] in INDEX_LAST or text[0] in "▶►") \
            and INDEX_TAIL_RE.search(text):
        return "index of other pages"
    if len(text) <= 8 and PAGE_REF_ONLY_RE.match(text):
        return "index of other pages"  # '（3版）': a teaser's page, wrapped onto its own line
    if ("A" <= text[0] <= "D" or ("0" <= text[0] <= "9" and "版" in text[:4])) \
            and INDEX_HEAD_RE.match(text):
        return "index of other pages"
    if ("广告" in text or "热线" in text or "电话" in text) and AD_RE.search(text):
        return "advertisement"
    if AD_WORDS_RE.search(text) and AD_SHAPE_RE.search(text):
        return "advertisement"
    if len(text) <= 40 and WEATHER_HINT_RE.search(text) and WEATHER_RE.search(text) \
            and "，" not in text and len(CJK_RE.findall(WEATHER_WORDS_RE.sub("", text))) <= 2:
        return "weather box"  # data only: a headline about the weather keeps its words
    return ""


# A news site's page around its article: where the page sits (您的位置：… >> 首页 >> …),
# its data line (作者： 来源：… 时间：…), its buttons (【打印本页】 【关闭窗口】), the links
# to related stories under the text, and the site's footer (…版权所有, 滇ICP备…号).
BREADCRUMB_RE = re.compile(  # …or three names or more, arrows between: 城事网 > 地市新闻 > 大庆
    r"^(?:(?:您|当前)[当前所在现的]{0,5}位置\s*[：:]|首页\s*(?:>>?|»|＞|/|→)"
    r"|[^\s，。>»＞→]{2,12}(?:\s*(?:>>?|»|＞|→)\s*[^\s，。>»＞→]{1,12}){2,}$"
    # 承德市新闻>>县区新闻
    r"|[^\s，。>»＞→]{2,12}(?:\s*(?:>>|»)\s*[^\s，。>»＞→]{1,12})+$"
    r"|\d{4}年\d{1,2}月\d{1,2}日\s*[>＞]\s*第\s*[A-Z]?\d{1,3}\s*版)")  # 2026年04月23日 > 第02版：…
WEB_META_RE = re.compile(
    r"(?:作者|来源|稿源|时间|发布时间|发布日期|浏览次数|浏览量|阅读量|点击数|点击量|责任编辑|责编|编辑)"
    r"\s?[：:]")
PHONE_LINE_RE = re.compile(r"^0\d{2,3}-\d{7,8}$")
ISO_DATE_FIRST_RE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?!\d)")  # a web page's date, first
SOURCE_LINE_RE = re.compile(  # …or its address: 文章来源：http://www.example.cn/2026/874215.shtml
    rf"^(?:文章|新闻|信息)?来源[：:]\s*(?:{PAPER}|[\u4e00-\u9fff]{{2,8}}(?:网|客户端|新闻)|本网原创"
    r"|新华社|中新社|https?://\S+)$"
    r"|^原标题[：:]\S"  # a repost's note of the title the paper printed
    # …or when it was posted, alone on its line: 签发时间 2026-01-29, 时间:2026-03-12
    r"|^(?:(?:签发|发布|发稿|更新|上传|撰写)(?:时间|日期)[：:]?|(?:时间|日期)[：:])"
    r"\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"(?:\s+(?:A\+|A-|A－|举报|打印|分享|收藏|纠错|字号|[大中小]))*$")  # …its buttons: A+ A- 举报
# …or who posted it and when, with no field's name: 自在溧阳 2026-03-18 07:30.
SOURCE_AND_TIME_RE = re.compile(
    r"^[\u4e00-\u9fff]{2,10}\s*\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s+(?:大字|中字|小字|字号|A\+|A-))*$")  # …and the reader's type-size buttons after it
# When it was posted: 2026-03-16 09:00, 2026年03月13日08:40, 2026/03/13/ 08:10.
POSTED_AT_RE = re.compile(
    r"\d{4}(?:-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}/?|年\d{1,2}月\d{1,2}日)\s*\d{1,2}:\d{2}"
    r"|(?<![\d.:-])[01]\d-[0-3]\d\s+\d{2}:\d{2}:\d{2}")  # …or, without its year: 03-12 05:20:31
# A news site's comment box under the article: 评论一下, 评论 0人参与,0条评论, 快来抢沙发.
COMMENT_BOX_RE = re.compile(
    r"^(?:评论一下|我要评论|发表评论|网友评论|热点新闻排行|热门新闻排行|我要举报|(?:登录后)?发表评论"
    r"|我(?:说两句|来说两句)[…\.。]*"  # 我说两句…
    r"|评论\s*\d+\s*人参与.*|还没有评论.*抢沙发.*)$")
# …or the time it was posted (2026-03-09 07:30), or 新闻来源, 更新时间
WEB_META_FIRST = frozenset("作来稿时发浏点新更0123456789")
# …or after the section the article ran in (民生    时间:…    来源:…)
SECTION_META_RE = re.compile(r"^[\u4e00-\u9fff]{2,6}\s+(?:(?:发布)?(?:时间|日期)|来源)\s?[：:]")
BUTTONS_RE = re.compile(
    r"^(?:[【\[]\s*(?:打印本页|打印|关闭窗口|关闭|返回顶部|收藏本页|收藏|分享|字[号体][^】\]]{0,8}|大\s?中\s?小"
    r"|PDF下载|版面导航|标题导航|往期回顾|返回目录|上一版|下一版|上一篇|下一篇|版面原文|展开通版|收缩通版|纠错|评价"
    r"|返回首页|责任编辑[：:][^】\]]{1,12})\s*[】\]]\s*)+$")  # 【纠错】 【责任编辑：X】, [ 打印 ]


# …or the same buttons without their brackets: 打印  收藏本页  关闭本页.
BARE_BUTTONS_RE = re.compile(
    r"^(?:(?:打印(?:本页|本文)?|收藏(?:本页|本文)?|关闭(?:本页|窗口)?|返回顶部|纠错|推荐给好友)\s*){2,}$"
    # …or an e-paper reader's, bars between: 往期回顾 | 版面导航 | 下载PDF
    r"|^(?:往期回顾|版面导航|标题导航|下载PDF|PDF下载|PDF版|上一版|下一版|返回目录)"
    r"(?:\s*[|｜]\s*(?:往期回顾|版面导航|标题导航|下载PDF|PDF下载|PDF版|上一版|下一版|返回目录)){1,}$")


def page_buttons(line: Line) -> bool:
    """A web page's buttons under its article (【打印本页】 【关闭窗口】, 上一篇　下一篇): the
    article ends there, as it does at a rule."""
    return line.kind is Kind.NOISE and line.reason == "page header" and (
        (line.text[:1] in "【[" and BUTTONS_RE.match(line.text) is not None)
        or PREV_NEXT_RE.match(line.text) is not None)  # …or 上一篇　下一篇, unbracketed


PREV_NEXT_RE = re.compile(r"^(?:上一篇|下一篇)(?:\s*(?:上一篇|下一篇))?$")
HTML_TAGS_RE = re.compile(r"^(?:</?[A-Za-z][^<>]{0,80}>\s*)+$")  # <a id="nav"></a> alone


BACK_LINK = r"返回(?:首页|首版|目录|顶部|上一页|(?:该版|本版)首页|[\u4e00-\u9fff]{1,4}网)"
BACK_LINK_RE = re.compile(rf"^{BACK_LINK}(?:\s*[|｜]?\s*{BACK_LINK})*$")  # 返回首版 | 返回巴中网
# An e-paper reader's heading over each article it shows.
READER_WORDS = frozenset({"内容详情", "文章详情", "新闻详情", "正文详情"})
# A site's menu: four section names or more, bars between (今日泸州 | 今日泸县 | 今日合江 | …).
MENU_ITEM = r"[\u4e00-\u9fffA-Za-z0-9·]{1,8}"
MENU_RE = re.compile(r"^[\u4e00-\u9fff·]{2,8}(?:\s*[|｜]\s*[\u4e00-\u9fff·A-Za-z0-9]{2,10}){3,}$"
                     # three, one of them the site's home or a page's navigation
                     r"|^(?=.*(?:首页|导航|往期|数字报))[\u4e00-\u9fff·]{2,10}(?:\s*[|｜]\s*[\u4e00-\u9fff·]{2,10}){2}$"
                     # …or groups of them, spaces within and bars between, or 首页 first
                     # (头条 福州 原创 … 数字报: spaces only; 综合新闻 -- 今日嵊州 -- …)
                     rf"|^(?=.*[|｜]|.*首页|.*(?:数字报|电子报)|.* -- ){MENU_ITEM}"
                     rf"(?:(?:\s*[|｜]\s*|\s+--\s+|\s+){MENU_ITEM}){{4,}}\s*[|｜]?$")
# 更多梅州新闻，点击关注↓: the paper asking for a follow; 进入移动版，省流量: its mobile site.
FOLLOW_US_RE = re.compile(r"^更多[^。]{0,12}[，,]?\s*(?:点击|扫码|关注|下载)"
                          r"|^(?:进入|切换到?|下载)(?:移动版|手机版|客户端|APP)"
                          # 打开“某某”客户端 阅读更多精彩内容: the paper's app under an article
                          r"|^(?:打开|下载)[“\"]?[\u4e00-\u9fffA-Za-z]{1,12}[”\"]?\s*(?:客户端|APP|App)"
                          r"[，,\s]*(?:阅读|查看|看|获取)更多"
                          # 关注保山日报微信 保山新闻早知道, 免费订阅…，请关注…微信公众号
                          r"|^(?:免费订阅[^。]{0,16}[，,]\s*请)?关注[^。，]{2,12}(?:微信|公众号|客户端|抖音号|微博)"
                          # 某某新闻，果乡故事。扫码关注某某客户端。: a slogan, then the ask
                          r"|^.{0,16}扫码关注[^。，]{2,12}(?:公众号|客户端|抖音号|微博|APP|App)。?$")
RELATED_RE = re.compile(
    r"^(?:相关新闻|相关阅读|相关文章|相关推荐|延伸阅读|推荐阅读|热点推荐|新闻推荐|为你推荐|猜你喜欢"
    r"|更多(?:新闻|资讯|阅读)?)[：:↓>»]*$")  # 更多: a box of the site's other stories
SITE_FOOTER_RE = re.compile(r"ICP备|版权所有|Copyright|©")
# A site's copyright notice, a sentence or not: 本网站所刊登的…均为某某日报社版权所有，未经协议
# 授权禁止下载使用。 / Copyright@1986-2026 某某日报社 All Rights Reserved.
COPYRIGHT_NOTICE_RE = re.compile(
    r"Copyright|All Rights Reserved|版权所有[^。]{0,12}(?:未经|禁止|不得|严禁)"
    # （以上图片或文字未经某某中心许可，其他媒体不得转载！）
    r"|^[（(]?(?:以上|本文|本网|本站|本报)[^。]{0,12}未经[^。]{0,20}(?:许可|授权|同意)[^。]{0,12}"
    r"(?:不得|禁止|严禁)(?:转载|使用|复制)")
FOOTER_MAX = 80  # characters: a copyright notice is no longer


def copyright_notice(text: str) -> bool:
    """A site's copyright notice, a sentence or not (…版权所有，未经协议授权禁止下载使用。)."""
    return ("版权" in text or "opyright" in text or "Reserved" in text or "转载" in text) \
        and len(text) <= FOOTER_MAX and COPYRIGHT_NOTICE_RE.search(text) is not None
# The paper's site under its masthead: 大理日报新闻网 www.dalidaily.com, 某某新闻网：www.….
SITE_ADDRESS_RE = re.compile(  # …or without its www: 金山网 jsw.com.cn
    r"^[\u4e00-\u9fff·]{0,12}[：:]?\s*(?:https?://)?(?:www\.[\w.-]+\.[a-z]{2,}"
    r"|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|cn)(?:\.cn)?)/?$", re.ASCII | re.IGNORECASE)


# How the lines web_page_reason knows start, or a word they hold: most lines are ruled out.
WEB_FIRST = frozenset("您当首来【[相延推热新更评还我发网进切下返关免友标欢技hw") | WEB_META_FIRST
SITE_LINE_MAX = 40  # characters: a line of the site's own at its foot
# …and the starts of a page's fields and links whose first letter opens text too.
WEB_STARTS = ("打开", "文章来源", "信息来源", "签发", "上传", "原标题", "为你推荐", "猜你喜欢",
              "登录", "(转载)", "（转载）", "这已经是", "已经是", "打印", "收藏", "撰写时间")
WEB_ANYWHERE_RE = re.compile(
    r"[w权I©>»＞→|｜]|新闻网$|新闻网首页|<!--|\.c(?:om|n)|设为首页|加入收藏|PDF版$|数字报$"
    r"|电脑版$| -- ")
# A site's own buttons and its way to the paper's pages: 设为首页 - 加入收藏, 首页某某日报PDF版.
SITE_CHROME_RE = re.compile(r"设为首页|加入收藏|^首页\s*[\u4e00-\u9fff]{2,10}\s*PDF版$"
                            # …and its edition for computers: 福州新闻网 电脑版
                            r"|^[\u4e00-\u9fff]{2,10}网\s*(?:电脑版|手机版|移动版)$"
                            # an e-paper reader's notice at the newest issue, and its button
                            r"|^(?:这)?已经是最[新后]一期了[哦啦]?[！!。]?$|^我知道了$"
                            # …or its welcome: 千年古城，黄海之滨，欢迎访问某某报业网！
                            r"|欢迎(?:访问|登录|光临)[\u4e00-\u9fff]{2,12}(?:网|网站)[！!。]?$"
                            # …its welcome, then who runs it and its accounts' buttons
                            r"|^欢迎(?:访问|登录|光临)[\u4e00-\u9fff]{2,12}(?:网|网站)——"
                            r"[^。？]{2,40}(?:关注|主办)"
                            r"|^登录[\u4e00-\u9fff]{0,10}[账帐]号$")  # 登录某某云媒账号
DATE_FIRST_RE = re.compile(  # …and the time it was posted: 2026年03月12日 08:31 [大 中 小]
    r"\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期[一二三四五六日天]?)?\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*)?")


def web_page_reason(text: str) -> str:
    """Why a line belongs to a news site's page rather than its article, or ''."""
    first = text[0]
    if (first in "您当首" or ">" in text or "»" in text or "＞" in text or "→" in text) \
            and BREADCRUMB_RE.match(text):
        return "page header"
    if first in WEB_META_FIRST and len(WEB_META_RE.findall(text)) >= 2 - (
            POSTED_AT_RE.search(text) is not None or ISO_DATE_FIRST_RE.match(text) is not None):
        # 2026-03-16 09:00 来源:湛江云媒, 2026-02-13 来源：某某日报 记者 X
        return "page header"
    if SECTION_META_RE.match(text) and len(WEB_META_RE.findall(text)) >= 2:
        return "page header"  # 民生 时间:2025年12月05日 来源:某某日报: its section first
    if first in "评还热我发网登" and COMMENT_BOX_RE.match(text):
        return "comment box"
    if first in "0123456789" and PHONE_LINE_RE.match(text):
        return "masthead"  # 0719-8110110 under 新闻热线：
    if first in "来文新信签发更上原时日撰" and SOURCE_LINE_RE.match(text):
        return "page header"  # 来源：湖州日报, a web page's source field
    if first in "【[" and BUTTONS_RE.match(text):
        return "page header"
    if first in "打收关往版标下P上返" and BARE_BUTTONS_RE.match(text):
        return "page header"  # 打印  收藏本页  关闭本页
    if first in "(（" and text[1:3] == "转载":
        return "page header"  # (转载)标题: a repost's title printed again with its mark
    if first.isdigit() and (dated := DATE_FIRST_RE.match(text)) and dated.end() < len(text) \
            and (BUTTONS_RE.match(text[dated.end():]) or READER_RE.match(text[dated.end():])):
        return "page header"  # 2026年3月4日 星期 【打印】, 2026年4月9日 收藏 打印 推荐 朗读
    if first == "返" and BACK_LINK_RE.match(text):
        return "page header"  # 返回首版, 返回巴中网: an e-paper's way back
    if ("|" in text or "｜" in text or text.count(" ") >= 4) and MENU_RE.match(text):
        return "page header"
    if first in "相延推热新为猜更" and RELATED_RE.match(text):
        return "related links"
    if (first in "更进切下关免打" or "扫码关注" in text) and FOLLOW_US_RE.match(text):
        return "advertisement"  # the paper's own app or account
    if ("-->" in text or "<!--" in text) and not ends_sentence(text):
        return "page markup"  # an e-paper's HTML comment left in the text: …/enpproperty-->
    if first == "<" and HTML_TAGS_RE.match(text):
        return "page markup"  # …or its tags alone on a line: <a id="nav"></a>
    if ("www." in text or ".c" in text) and SITE_ADDRESS_RE.match(text):
        return "masthead"
    if text[:4] in ("http", "www.") and POSTED_AT_RE.search(text) and not ends_sentence(text):
        return "page header"  # http://www.… 宁海新闻网 2026-03-24 08:01: where and when posted
    if text.endswith("新闻网") and MASTHEAD_NAME_RE.fullmatch(text):
        return "masthead"  # the site's name over its page: 荆州新闻网
    if ("首页" in text or "收藏" in text or "登录" in text or "一期" in text or "知道" in text
            or text.endswith("版") or first == "欢") and SITE_CHROME_RE.search(text):
        return "page header"
    if ("ICP" in text or "版权" in text or "opyright" in text or "©" in text) \
            and SITE_FOOTER_RE.search(text) and not ends_sentence(text):
        return "masthead"
    if first == "友" and text.startswith(("友情链接：", "友情链接:")) and not ends_sentence(text):
        return "links"  # 友情链接：某某人民政府网 | …: the site's links at its foot
    if first == "技" and text.startswith(("技术支持：", "技术支持:")) \
            and len(text) <= SITE_LINE_MAX and not ends_sentence(text):
        return "masthead"  # 技术支持：某某融媒体中心网络部: who built the site
    if first in "标关" and TAGS_RE.match(text):
        return "page header"  # 标签：荷塘镇 区域供水: a web article's tags under its text
    return ""


# The words a site files an article under: 标签：荷塘镇 区域供水 农村供水, 关键词：….
TAGS_RE = re.compile(r"^标签\s*[：:]\s*[^，。！？]{1,40}$"  # (关键词：议事 alone: a subhead)
                     r"|^(?:关键词|关键字)\s*[：:]\s*[^，。！？\s]{1,12}(?:\s+[^，。！？\s]{1,12})+$")


# A line of text broken mid-sentence after a comma is furniture only when it says so: a
# teaser's page (…，钱从哪来？2版), a footer (…版权所有，未经授权…), a hotline, a call to follow,
# a date (2026年3月26日，星期四，…); nor is text that may open on its reporters (…报道：).
COMMA_FURNITURE_RE = re.compile(
    r"版\s*[）)]?$|版权|热线|电话|点击|关注|广告|编辑|校对|满\d|移动版|手机版|日[，,]星期|更多精彩|主管|ICP|转载"
    r"|报道[：:]|^[上下]一篇[：:]")  # (上一篇：… 下一篇：春风里，去江堤上走一走)


# A count a web page prints alone on its line, under an article's title or at its foot.
COUNT_FIELD_RE = re.compile(  # …one count or two on the line (阅读量:418 本文字数:136)
    r"^(?:(?:(?:文章|本文|全文)?字数|(?:阅读|点击|浏览)(?:量|数|次数))\s*[：:]\s*\d+\s*次?\s*){1,2}$")


def noise_reason(text: str) -> str:
    """Why a line is layout rather than article text, or '' when it is text."""
    if "，" in text and COMMA_FURNITURE_RE.search(text) is None:
        return ""  # most lines of a column's text: one search rules them out
    if text[0] in "分微朋Q抖复" and SHARE_LINE_RE.match(text):
        return "page header"  # share buttons
    if text[0] in "![【" and IMAGE_LINE_RE.match(text):
        return "image"  # ![](images/06_02.jpg): a picture of a Markdown-like dump
    if text == "图片":
        return "image"  # a web page's picture, its alt text alone where it stood
    if text[-1] in "gGfFpP" and "." in text[-5:] and IMAGE_FILE_RE.match(text):
        return "image"  # W020260312384105.jpg: an image's file name where it stood
    if ("A" <= text[0] <= "Z" or text[0] == "Ü") and PINYIN_BANNER_RE.match(text):
        return "section banner"
    if text in READER_WORDS:
        return "page header"  # 内容详情: an e-paper reader's heading over each article
    reason = furniture_reason(text) or (
        web_page_reason(text) if text[0] in WEB_FIRST or text.startswith(WEB_STARTS)
        or WEB_ANYWHERE_RE.search(text) or (" " in text[2:7] and SECTION_META_RE.match(text))
        else "")
    if reason:
        return reason
    if copyright_notice(text):
        return "masthead"  # a site's copyright notice, however it ends
    if (text[-1].isdigit() or text[-1] == "次") and ("数" in text or "量" in text) \
            and COUNT_FIELD_RE.match(text):
        return "page header"  # 文章字数：102, 阅读量：3521: what a web page counts
    if (text[-1].isdigit() or text[-1] in "字号+-") and ":" in text[-12:] \
            and SOURCE_AND_TIME_RE.match(text):
        return "page header"  # 自在溧阳 2026-03-18 07:30: the app that posted it, and when
    if len(text) <= 24 and ("扫" in text or "码" in text) and "、" not in text \
            and "。" not in text[:-1] and not cut_off(text) \
            and QR_RE.search(text) and ((len(text) <= 12 and short_qr_caption(text))
                                        or QR_START_RE.match(text)
                                        or ("，" not in text and "。" not in text
                                            and QR_END_RE.search(text))):
        return "QR-code caption"  # not a sentence's line (并支持刷公交卡、扫码乘, 机扫码…。对不)
    # Cheap character tests first, as above: this runs on nearly every short line.
    if len(text) <= 24 and text[-1] in "号端序P博信音手" and ACCOUNT_RE.match(text):
        return "advertisement"  # the paper promoting its own accounts
    if text[:2] in ("- ", "* ") and (
            web_page_reason(item := text[2:].lstrip()) == "page header"
            or (item[:1] == "第" and PAGE_HEADER_RE.match(item)) or MD_PAGE_ITEM_RE.match(text)
            or (len(text) <= MD_ITEM_CHROME and READER_RE.match(item))):
        # - 发布日期：2026-03-12, - 第05版：城事, - A01：要闻, - 返回头版: a web page's data
        # and an e-paper's pages and buttons as a list
        return "page header"
    if text[0] in "-*_=~—…·↓⬇▼" and RULE_RE.match(text):
        return "rule"  # --- between items of a Markdown-like dump
    if "A" <= text[0] <= "D" and len(text) <= 14 and PAGE_LABEL_LINE_RE.match(text):
        return "page header"  # A03要闻: the page's label and section
    if ("px" in text or "anner" in text) and PLACEHOLDER_RE.search(text):
        return "image placeholder"
    if text[0] in "详点阅查展h" and LINK_LINE_RE.match(text):
        return "link"
    if text[-1] in "：:" and LABEL_RE.match(text) and not BODY_COLON_RE.search(text) \
            and not PLACE_LABEL_RE.match(text):
        return "stray label"
    return ""


SIGNER_MAX = 24  # characters: a notice's signer (a unit's name) is short
SIGNER_PUNCT_RE = re.compile(r"[，。！？；：]")
DIGIT_RE = re.compile(r"\d")
QUOTE_OR_LIST_RE = re.compile(r"[“”‘’《》，、]")


def unbracketed(text: str) -> str:
    """A line without the brackets it is set in as a whole: （白果集村村民 葛建平）."""
    if text[:1] in "（(" and text[-1:] in "）)":
        return text[1:-1]
    return text


def glued_reader(text: str) -> bool:
    """南园街道居民严敏: a letter's writer, the space before the name lost in repair."""
    glued = READER_SIGN_GLUED_RE.match(text)
    return glued is not None and glued["name"][0] in SURNAMES


def short_qr_caption(text: str) -> bool:
    """A short line beside a QR code asks to scan it (扫码看视频) or names the code
    (本报微信公众号二维码); a title may speak of one (一个二维码背后的诚信)."""
    return "扫" in text or text.endswith("二维码")


def is_signer(text: str) -> bool:
    """A notice's signer: a short line that is not a sentence (城东区自来水公司)."""
    return len(text) <= SIGNER_MAX and SIGNER_PUNCT_RE.search(text) is None


ENUM_FIRST = frozenset("一二三四五六七八九十（(0123456789【")


# '1.近日，…' / '2、日前…' / '3.6月15日…': a numbered item of a brief column (3.6万 is a
# figure, not an item).
NUMBERED_ITEM_RE = re.compile(r"^\d{1,2} ?[.．、](?:(?!\d)|(?=\d{1,2}月\d))\s*")  # (1 .【…】)


CLAUSE_PUNCT_RE = re.compile(r"[，。；,;]")
PIPE_ROW_RE = re.compile(r"^[|｜](?:[^|｜]*[|｜]){2,}$")  # a pipe table's row
# A web or mobile edition's section name alone in brackets (【今日要闻】), and its titles
# after >> marks (>>长江边的“守渔人”; a box of > lines lists the titles).
MOBILE_MARK_RE = re.compile(r"^(?:【([^】]{2,10})】|[>＞]{1,3}\s*(\S.{1,31}))$")
BRACKETED_LABEL = "label in brackets"  # why such a name is known to be a label
# A column's name in brackets before a title on its line (【湄水评论】别让小水窖成了“摆设”).
LABELLED_TITLE_RE = re.compile(r"^【(?P<label>[^】]{2,8})】(?P<title>[^】]{4,30})$")
# A section's or a column's name set between two of one mark (★本埠要闻★, ●清流漫谈●).
FRAMED_LABEL_RE = re.compile(r"^.\s*([\u4e00-\u9fff]{2,10})\s*.$")
# A credit's role in brackets before the name: 【记者】钟伟健, 【摄影】吴海.
BRACKETED_ROLE_RE = re.compile(
    rf"^【(?:记者|通讯员|摄影|文字|图片|撰文|文|图)】\s*{NAME}(?:\s+{NAME})*$")


def bare_title(text: str) -> str:
    """A title without the bullet or the brackets it was printed with: **▲钢都工匠“传帮带”**,
    **【云杉小学合唱团获省级比赛一等奖】**."""
    bare = text.strip().lstrip(BULLET_MARKS + " ")
    if bare[:1] == "【" and bare[-1:] == "】" and "】" not in bare[:-1]:
        bare = bare[1:-1]
    return bare or text.strip()


def bullet_title(line: Line, markdown: bool) -> Line | None:
    """'● 市区三座公园延长夜间开放时间' on a line of its own: a brief's headline, printed
    after its bullet (the caller knows the line stands alone; a column's first line of a
    bulleted brief, ●眼下正值玉米管护关键, runs on). None for any other line."""
    text = line.text
    if line.kind is not Kind.LEAD or text[:1] not in BULLETS or len(text) > BULLET_TITLE_MAX \
            or ends_sentence(text) or CLAUSE_PUNCT_RE.search(text):
        return None
    if not text.lstrip(BULLET_MARKS + " "):
        return None
    if dateline_alone(text.lstrip(BULLET_MARKS + " ")):
        return None  # ▲清渠讯(通讯员 包 晓): the brief's dateline and credit, its text below
    title = bare_title(text)  # ▲【延吉至鹿原县城际公交加密班次】: the title in its brackets
    kind = Kind.HEADING if markdown else Kind.TEXT  # in a Markdown-like dump, as "# …"
    return Line(line.no, title, kind, display_width(title), bullet=True)


def dateline_alone(text: str) -> bool:
    """A news mark and its bracketed credit filling the line (本报讯（记者 X）, 清渠讯(通讯员
    Y)): a lead whose first sentence starts on the next line, never a headline."""
    lead = LEAD_RE.match(text)
    return lead is not None and lead.group("benbao") is not None and lead.end() == len(text)


# Names of opinion and report columns set over a headline (catalogued in docs/page-forms.md):
# 来论 / 久久为功方能行稳致远 is a kicker and a title, not one headline; so are a paper's own
# 金城短评, 刺桐观察, 观海潮评.
COLUMN_WORD_RE = re.compile(
    r"^(?:来论|社论|论坛|一线见闻|记者手记|基层传真|编者按|开栏的话)$"
    r"|^[\u4e00-\u9fff]{0,4}(?:短评|时评|快评|锐评|微评|潮评|评论|观察|漫谈|杂谈|随笔|视点|论坛|话题|笔记|手记|观点|微言|新语"
    r"|故事|问答|关注)$")  # 一线故事, 政策问答, 民生关注: a column's name too


# A campaign's or a series' standing line over its stories' titles (民生实事进行时, 乡村振兴
# 看青峰, 接羔保育一线行, 新春走基层): no title ends so.
KICKER_PHRASE_RE = re.compile(
    r"^[\u4e00-\u9fff“”]{1,10}(?:进行时|看[\u4e00-\u9fff]{2}|一线行|走基层|面对面|新探索|新观察)$"
    r"|^(?:走基层|面对面)$")  # …or the series' name alone


LETTERED_LABEL_RE = re.compile(r"^[A-H] ?[\u4e00-\u9fff]{2,4}$")
KICKER_DOTTED = 16  # characters: a series' name and a column's, a dot between


def is_kicker(text: str) -> bool:
    """A 引题: a clause ending in 要求/强调…, an opinion column's name (金城短评), or a
    short unit name such as 长葛市人防办."""
    if KICKER_END_RE.search(text) or COLUMN_WORD_RE.match(text) or KICKER_PHRASE_RE.match(text):
        return True
    if "A" <= text[0] <= "H" and LETTERED_LABEL_RE.match(text):
        return True  # A 便民, B 征集: a brief column's items, each under its lettered label
    if "·" in text and len(text) <= KICKER_DOTTED and any(  # 乡村振兴·产业观察
            COLUMN_WORD_RE.match(part) or KICKER_PHRASE_RE.match(part)
            for part in text.split("·")):
        return True
    if len(text) > 16 or " " in text or SENTENCE_START_RE.match(text):
        return False
    if QUOTE_OR_LIST_RE.search(text) or DIGIT_RE.search(text):
        return False  # quotations, lists and counts (12个村) belong to headlines, not units
    if ORG_END_RE.search(text):
        return True
    return len(text) <= 12 and SHORT_ORG_END_RE.search(text) is not None


PAIRS = (("《", "》"), ("“", "”"), ("（", "）"), ("(", ")"), ("‘", "’"), ("【", "】"))


def unbalanced(text: str) -> bool:
    """A line with an opening mark it does not close stops mid-phrase (…歌舞《幸福家)."""
    return any(text.count(a) > text.count(b) for a, b in PAIRS)
