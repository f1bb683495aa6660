"""What one line of a page is, before lines are grouped: furniture, credits, bylines.

The examples are the forms docs/page-forms.md catalogues from real city papers' pages,
written anew here.
"""

from __future__ import annotations

import pytest

from generator.ingest.lines import LEAD_RE, Kind, classify, is_kicker
from generator.ingest.prepare import prepare_lines
from generator.ingest.repair import undouble
from generator.ingest.segment import segment


def kind_of(text: str) -> tuple[str, str]:
    line = classify(1, text, markdown=False)
    return line.kind.value, line.reason


@pytest.mark.parametrize(("text", "reason"), [
    ("2024年5月4日 星期六 第3版 区县新闻", "page header"),
    ("第A03版：读者之声", "page header"),
    ("德州晚报2024年12月3日星期二", "page header"),
    ("绍兴日报", "masthead"),
    ("国内统一连续出版物号：CN41-0012", "masthead"),
    ("责任编辑：王芳 校对：李明", "editors' names"),
    ("初审编辑：张 晴", "editors' names"),  # the first reader of the page, by role
    ("本版编辑：陆斌建", "editors' names"),
    ("编辑卫东校对赵宁组版贾玲", "editors' names"),  # letter-spaced, repaired together
    ("编辑：chenjing", "editors' names"),  # a web page's editor, in pinyin
    ("上一篇：桂溪区春季集中开工项目38个", "page header"),  # a web page's link to the next
    ("导读", "index of other pages"),
    ("●市第二人民医院专家进乡村义诊 第2版", "index of other pages"),
    ("柳泉县代表队夺得排球冠军 （六版）", "index of other pages"),
    ("今日天气：晴 12℃～25℃ 东南风3级", "weather box"),
    ("今日天气", "weather box"),
    ("美家装饰 全屋定制限时八折 咨询热线：4008123456", "advertisement"),
    ("投稿热线：0876-2128000", "advertisement"),  # the paper's own, under its masthead
    ("扫码关注某某晚报微信公众号", "QR-code caption"),
    ("主流岚州客户端 扫码看全媒体报道", "QR-code caption"),
    ("YAOWEN要闻", "section banner"),
    ("YAN’AN RIBAO", "section banner"),
    ("LÜLIANG RIBAO", "section banner"),  # 吕梁: pinyin's Ü
    ("农历乙巳年七月十八", "page header"),
    ("中共台州市委机关报 台州日报社出版", "masthead"),
    ("今日8版 第18236期", "masthead"),
    ("责编/孙 倩 美编/王 琳 校对/刘 洋", "editors' names"),
    ("今日 多云 17℃—26℃ 明日 多云转阴 16℃—24℃", "weather box"),
    ("▶A03 一条村道带旺一个侨村", "index of other pages"),
    ("泉州天气", "weather box"),
    ("电子报阅读机", "page header"),  # an e-paper reader page's own lines
    ("当前报纸名称:山西晚报", "page header"),
    ("版面:第09版:文化       上一篇    下一篇", "page header"),
    ("3 上一版  下一版 4", "page header"),
    ("07  城事  2025年12月30日 星期二  编辑 贾 宁  校对 王 欣", "page header"),
    ("今日8版 第24871号", "masthead"),
    ("今日8版", "masthead"),
    ("今日4版第892期", "masthead"),  # the issue's number right after, no space between
    ("贵阳日报传媒集团出版", "masthead"),
    ("抖音号", "advertisement"),  # the paper's own accounts, under the masthead
    ("微信公众号", "advertisement"),
    ("头条750x90px", "image placeholder"),
    ("详情点击: http://cqsjb.cn/T7kQ2mA", "link"),
    ("---", "rule"),
    ("[数字报首页](../../index.html) | [往期回顾](../../list.html)", "links"),  # navigation
    ("- [01版：要闻](node_01.html)", "links"),
    ("![](https://epaper.example.cn/images/2026-05/16/05/0502_b_photo_large.jpg)", "image"),
    ("A03要闻", "page header"),
    ("4上一篇 下一篇6朗读放大 缩小 默认", "page header"),
    ("中共兰州市委主管主办 兰州日报社出版 总第15588期", "masthead"),
    ("空气质量：良 首要污染物：PM2.5", "weather box"),
    ("泰州天气 今天小雨转阴 6℃～13℃ 东北风3～4级", "weather box"),  # the city's name first
    ("自贡天气 阴转小雨 11℃～17℃ 偏北风1～2级", "weather box"),
    ("A04 这所学校的“田间课堂”火了", "index of other pages"),
    ("2版 市图书馆推出“家门口借书”服务", "index of other pages"),
    ("2版“共享农机”让春耕更省心", "index of other pages"),
    ("01版：要闻", "page header"),
    ("02:综合新闻", "page header"),
    ("02版 综合新闻", "page header"),
    ("（3版）", "index of other pages"),  # a teaser's page, wrapped onto a line of its own
    ("3版", "index of other pages"),
    ("0719-8110110", "masthead"),
    ("岚州日报 2026-03-17 08:30", "masthead"),  # an app's source and time
    ("◆广告◆ 丹羽路家居城春季焕新节 3月14日至16日", "advertisement"),  # no brief's bullet
    ("岚州市新闻>>县区新闻", "page header"),  # where the page sits, a double arrow between
    ("岚州日报网首页 | 版面导航 | 标题导航", "page header"),  # three items, one its home
    ("• 返回首版 | 返回巴中网", "page header"),
    ("A4  视觉 【返回】", "page header"),
    ("• 3", "image"),  # an e-paper view's pictures, numbered
    ("本版广告", "advertisement"),
    ("【广告】盐滩路家居建材城 春季特惠", "advertisement"),  # no brief's bracketed title
    ("订报热线：0557-3050000", "advertisement"),
    ("银滩镇冷链物流中心库位招租 电话：0943-8230000", "advertisement"),
    ("地址：岚州市凤溪区银杏路88号 日报热线：0818-2100000", "masthead"),
    ("主办：岚州日报社 地址：四川省岚州市", "masthead"),
    ("岚州日报微信 岚州日报抖音", "advertisement"),  # the paper's accounts, side by side
    ("分类广告", "advertisement"),
    ("订阅热线：0790-6200000", "advertisement"),
    ("邮编：247000", "masthead"),  # the masthead's address wrapped onto its postcode
    ("本版标题导航", "index of other pages"),
    ("遗失声明", "advertisement"),  # classified ads: a lost-property column and its items
    ("●柠溪区书院街王小芳遗失不动产权证书一本，声明作废。", "advertisement"),
    ("2026年04月23日 > 第02版：综合新闻", "page header"),
    ("(责任编辑王帆)", "editors' names"),  # under a story, as repaired: no signature
    ("(责任编辑 王帆)", "editors' names"),
    ("> 2026年04月23日 > 第02版：综合新闻", "page header"),  # not a mobile edition's title
    ("进入移动版，省流量，体验好", "advertisement"),  # the site's own mobile edition
    ("北方城事网 > 地市新闻 > 岚州", "page header"),  # where the page sits, without 首页
    ("来源：岚州日报  2026年03月13日08:40 | 小字号", "page header"),
    ("今日岚州 | 今日岚县 | 今日合江 | 今日叙永", "page header"),  # the site's menu
    ("[PDF下载] [版面导航] [往期回顾]", "page header"),
    ("首页 头条 时事 社会 发布 综合 百业 专题 | 热视 镜头 直播 | 甜溪区 沱东区 蔗香县 桂湖县 经开区"
     " | VR H5读图 | 读报", "page header"),  # a menu longer than any other furniture line
    ("新闻来源：岚州日报　　更新时间：2026-03-12 07:51:40", "page header"),
    ("丙午年正月廿四", "page header"),  # the lunar date without 农历
    ("岚州日报 02 要闻", "page header"),  # the paper, its page and section
    ("总值班：马骏值班主任：王丽责编：刘涛美编：张宁", "editors' names"),
    ("本报地址：岚州市岷源区书院街18号 邮编：620010", "masthead"),
    ("金山网 jsw.com.cn", "masthead"),  # the paper's site, its address without www
    ("2026年03月12日岚州日报A02", "masthead"),  # a web view's date, paper and page
    ("2026-03-16 09:00 来源:岚州云媒", "page header"),  # when it was posted, and where
    ("评论 0人参与,0条评论", "comment box"),
    ("2026-04-17 5 5 岚州日报 content_53318.html /enpproperty-->", "page markup"),
    ("岚州日报 2026-03-06 04:54 大字", "masthead"),  # …with its type-size button
    ("岚州日报 2026-03-06 04:54 字号：大 中 小", "masthead"),
    ("更多岚州新闻，点击关注↓", "advertisement"),
    ("加装电梯，钱从哪来？2版", "index of other pages"),  # furniture with a comma in it
    ("岚州日报社版权所有，未经授权不得转载", "masthead"),
    ("上一期 下一期 返回目录", "page header"),
    ("中国岚州网 岚州日报客户端", "advertisement"),
    ("预约热线：0817-2260000", "advertisement"),
    ("◀上一篇　　下一篇▶", "page header"),  # an e-paper's buttons between its articles
    ("放大 缩小 默认", "page header"),
    ("打印本页", "page header"),
    ("首页 | 往期回顾 | 版面导航 | PDF下载", "page header"),
    ("岚州日报数字报", "masthead"),
    ("2026年01月30日A07版：社区·生活", "page header"),
    ("字体大小：大 中 小", "page header"),
    # a news site's page around its article
    ("您的位置：岚州日报新闻网 >> 首页 >> 州内新闻", "page header"),
    ("您当前的位置 : 岚州网 > 岚州日报 > 第03版：要闻", "page header"),  # spaced colon
    ("您所在的位置：首页 > 岚州日报 > 文体 正文", "page header"),
    ("↓↓↓", "rule"),  # a repost's arrows: read on below
    ("二审：蒋 涛　三审：谭 力", "editors' names"),  # who reviewed the page, twice or thrice
    ("三审：彭 辉", "editors' names"),
    ("初审：王 琳　复审：赵 峰　终审：刘 涛", "editors' names"),
    ("[责任编辑那仁 ]", "editors' names"),
    ("责任编辑郑岚校对 吴晓雯", "editors' names"),
    ("上一期 下一期 本版上一期 本版下一期 日历", "page header"),
    ("打开“在岚州”客户端 阅读更多精彩内容", "advertisement"),
    ("2026年3月20日／星期五", "page header"),  # a slash between the date and its day
    ("责编何川／美编陈珊／校对罗平", "editors' names"),  # as repaired
    ("编辑黎川视觉宋扬校对邱静", "editors' names"),  # a visual editor among them
    ("首页 | 往期回顾 | 版面导航 | 标题导航 | 下载本版PDF", "page header"),
    ("稿源: 岚州日报 2026-02-24 07:30", "page header"),  # a site's source field
    ("岚州日报社出版 岚州融媒客户端同步发布", "masthead"),  # at the page's foot
    ("岚州日报数字报 - 第05版：县区新闻", "page header"),  # a dash after the paper's name
    ("相关新闻↓", "related links"),
    ("[ 返回首页 ] [ 打印 ] [ 关闭窗口 ]", "page header"),  # buttons spaced inside
    ("2026年4月9日 星期", "page header"),  # a reader's date, its weekday left blank
    ("友情链接：岚州市人民政府网 | 岚山县人民政府网", "links"),
    ("岚州晚报社 地址：岚州市芸香区麦穗路1号", "masthead"),  # the paper's address
    ("2026-02-13 来源：岚州日报 记者 次仁卓嘎", "page header"),  # a date and one field
    ("岚州日报社主办", "masthead"),
    ("岚州都市报社出版 看岚州客户端同步发布", "masthead"),
    ("下载岚州日报客户端，阅读更多精彩内容", "advertisement"),
    ("首页 / 热点 / 正文", "page header"),
    ("作者：  来源：岚州日报  时间：2026/03/14 09:20", "page header"),
    ("【打印本页】 【关闭窗口】", "page header"),
    ("【字体：大 中 小】【打印】【关闭】", "page header"),  # the reader's type size, in brackets
    ("当前：第04版 社会·专题 | 责任编辑：何 岚 | 美编：周 一", "page header"),
    ("相关新闻：", "related links"),
    ("相关推荐", "related links"),
    ("2026年4月9日 收藏 打印 推荐 朗读 评论 更多功能", "page header"),  # a reader's toolbar
    ("(转载)某某镇中心小学的新食堂", "page header"),  # a repost's title again, marked
    ("登录后发表评论", "comment box"),
    (">>我要举报", "comment box"),
    ("本报今日导读", "index of other pages"),
    ("猜你喜欢", "related links"),
    ("岚州日报社主办  岚州日报新闻网版权所有", "masthead"),
    ("滇ICP备0000000号", "masthead"),
    ("岚州日报新闻网 www.lanzhoudaily.example", "masthead"),
    ("岚州新闻网", "masthead"),
    ("2026-03-09 07:30 来源：岚州日报 责任编辑：黎晓", "page header"),
    ("2026-03-27 08:12:03 来源：岚州日报 责编：唐 悦", "page header"),
    ("【字号 大 中 小】【打印】【关闭】", "page header"),
    ("来源：岚州日报", "page header"),
    ("岚州新闻网：www.lz-news.cn", "masthead"),  # the paper's site, a colon after its name
    ("邮编：312500 电话：86020000", "masthead"),  # the address's postcode and telephone
    ("今日岚州 2026-03-13 07:40 大字", "page header"),  # who posted it, when, a type button
    ("岚州新闻，果乡故事。扫码关注今日岚州客户端。", "advertisement"),  # a slogan, the app
    ("字体大小[大 中 小]  打印  分享：", "page header"),  # the reader's buttons, bracketed
    ("（以上图片或文字未经岚州市融媒体中心许可，其他媒体不得转载！）", "masthead"),
])
def test_page_furniture_is_noise_with_its_reason(text: str, reason: str) -> None:
    assert kind_of(text) == ("noise", reason)


@pytest.mark.parametrize("text", [
    "周六最高气温可达22℃",  # a weather story's headline, not a weather box
    "大风降温天气来袭 最低气温-5℃",
    "统筹辖区各类企事业单位、社会",  # body text that starts like an editors' line
    "CBA联赛",
    "晚报记者走访了",
    "A4纸张不够用了，大家",  # a column's line that starts with a page-like label
    "G20峰会期间",
    "放大了孩子的缩小版",
    "摄影比赛获奖作品展出",  # a headline that starts with a role word
    "记者节",
    "3版将刊登读者来信",
    "12 个村",
    "并支持刷公交卡、扫码乘",  # a sentence's line that mentions scanning
    "市民可用手机支付，扫码乘车",
    "得整整齐齐。居民扫码登记后即可免费借",
    "能扫码查到产地和",  # a sentence cut off at its column's end, not a code's caption
    "他说，未经许可不得转载。",  # a sentence about copying, not the site's notice
    "记者：今年的",  # an interview's question wrapped, not a byline
    "据了解天气",
    "字里行间",
    "2026-01-05我市召开会议。",
    "今日起实行",
    "通过微信公众号报名，",
    "三审三校制度全面落实",  # review words in a headline or a sentence
    "一审判决后，原告不服",
    "打开手机，市民可查看更多",
    "一个二维码背后的诚信",  # a title that speaks of a code, asking nobody to scan it
])
def test_text_that_only_resembles_furniture_stays_text(text: str) -> None:
    assert kind_of(text)[0] != "noise"


@pytest.mark.parametrize(("text", "expected"), [
    ("□记者 王小明", "记者 王小明"),
    ("●记者 王小明", "记者 王小明"),
    ("□ 罗 秋", "罗 秋"),
    ("全媒体记者 李华 报道", "全媒体记者 李华 报道"),
    ("本报见习记者 谢明", "本报见习记者 谢明"),
    ("文/图 本报记者 周五", "文/图 本报记者 周五"),
    ("本报评论员", "本报评论员"),
    ("德州晚报全媒体记者 王瑶", "德州晚报全媒体记者 王瑶"),
    ("YMG全媒体记者 李 珑", "YMG全媒体记者 李 珑"),  # the paper's Latin initials
    ("文/图 记者/黄一鸣", "文/图 记者/黄一鸣"),  # a slash after the role
    ("文/许 言", "文/许 言"),  # the writer of a signed commentary
    ("图/李四", "图/李四"),
    ("江门日报评论员", "江门日报评论员"),
    ("本报记者 许航/文 孟凡/图", "本报记者 许航/文 孟凡/图"),
    ("晚报全媒体记者马兰文/图", "晚报全媒体记者马兰文/图"),
    ("兰州日报社全媒体记者 孟洁 文/图", "兰州日报社全媒体记者 孟洁 文/图"),
    ("兰州日报社全媒体记者刘悦宁赵子航文/图", "兰州日报社全媒体记者刘悦宁赵子航文/图"),
    # a city's merged newsroom
    ("唐城新闻传媒中心记者 郝冉 通讯员 宋佳", "唐城新闻传媒中心记者 郝冉 通讯员 宋佳"),
    ("东江县融媒体中心记者 林 凡", "东江县融媒体中心记者 林 凡"),
    ("东江市融媒体中心 记者 王 晨 通讯员 黎 敏", "东江市融媒体中心 记者 王 晨 通讯员 黎 敏"),
    ("■ 本报全媒体记者 何 露", "本报全媒体记者 何 露"),  # a bullet; the role after 本报全媒体
    ("■ 邯郸新闻传媒中心记者 许 梦", "邯郸新闻传媒中心记者 许 梦"),
    ("甲文区青砖巷社区 吕 方", "甲文区青砖巷社区 吕 方"),  # a letter's writer and her unit
    ("咸宁日报全媒记者 罗佳", "咸宁日报全媒记者 罗佳"),  # 全媒 for 全媒体
    ("◇ 冶 平", "冶 平"),  # an author's name under any bullet
    ("▲ 王小明", "王小明"),
    ("■ 本报评论员", "本报评论员"),
    ("盐城融媒记者 缪然", "盐城融媒记者 缪然"),  # the city's name before 融媒
    ("岚州日报记者：钟晓岚", "岚州日报记者：钟晓岚"),  # an app's credit, with a colon
    # a metro paper and its news app, a hyphen or a middle dot between
    ("岚州都市报-岚山新闻记者 罗溪", "岚州都市报-岚山新闻记者 罗溪"),
    ("岚州晚报·岚州壹点记者 宋禾", "岚州晚报·岚州壹点记者 宋禾"),
    ("岚州日报、岚报全媒体记者 邢然", "岚州日报、岚报全媒体记者 邢然"),  # two papers of a group
    ("图、视频/岚州晚报全媒体记者 梁旭", "图、视频/岚州晚报全媒体记者 梁旭"),  # two things made
    ("文：古丽米拉图：巴特尔", "文：古丽米拉图：巴特尔"),  # writer and photographer, as repaired
    ("□马晓燕（河湾县）", "马晓燕（河湾县）"),  # an essay's author and her county, after a box
    ("岚州日报锦岚新闻记者 李想 实习生 何雨桐", "岚州日报锦岚新闻记者 李想 实习生 何雨桐"),  # app
    ("新岚州报记者 齐悦", "新岚州报记者 齐悦"),  # a paper of three characters and 报
    ("岚南快报记者 叶青", "岚南快报记者 叶青"),  # …and a 快报
    ("岚都记者 郑航", "岚都记者 郑航"),  # a metro paper's short name, the name set apart
    ("实习生 陈可 盐城融媒记者 缪然", "实习生 陈可 盐城融媒记者 缪然"),
    ("图/记者符明 文/记者吴晓彤", "图/记者符明 文/记者吴晓彤"),  # each role after its work
    ("岚州网记者 何 川", "岚州网记者 何 川"),  # a news site's own reporter
    ("榴乡区融媒记者 郭晨 高远/视频 刘一诺/文字", "榴乡区融媒记者 郭晨 高远/视频 刘一诺/文字"),
    ("岚州新闻网记者 汪溪", "岚州新闻网记者 汪溪"),
    ("文/记者 吴晓彤 视频/记者 李明", "文/记者 吴晓彤 视频/记者 李明"),
    ("洪州新闻记者 熊晓帆 通讯员 涂文亮", "洪州新闻记者 熊晓帆 通讯员 涂文亮"),  # a news app's
    ("□橙溪记者站 何 静 本报记者 杜 明", "橙溪记者站 何 静 本报记者 杜 明"),  # a county bureau
    ("文字 | 郝敏", "文字 | 郝敏"),  # the writer after a bar, over 摄影 | X
])
def test_byline_lines(text: str, expected: str) -> None:
    line = classify(1, text, markdown=False)
    assert line.kind is Kind.BYLINE and line.text == expected


CREDITS = ["（王一 摄）", "王一 李二 摄", "本版摄影：张三 李四", "受访者 供图",
           "（摄影：何晴 李禾）", "漫画/林 默", "YMG全媒体记者 唐 克 摄", "记者/陈家豪 摄",
           "通讯员/赵启明 摄",
           "兰州日报社全媒体记者 康宁 摄", "本报记者 王一 通讯员 李二 摄", "生活报记者张帆摄",
           "新华社记者 谢 程 摄", "唐城新闻传媒中心记者 王 硕 摄",
           "盐城融媒记者 罗川 摄", "本报记者 沈 川 摄影报道", "本报记者李晴通讯员杨永红 摄影报道",
           "摄影 记者 王澜 通讯员 周晔", "摄影 刘川", "■摄影 记者 王 蓉", "摄影：陈默",
           "记者 邵晨 文/摄", "程岚 文／摄", "安岚摄邢一帆摄郭涛摄",  # a row over a photo group
           "图片由樟湾镇党政办提供",
           "记者 王丽｜摄", "周 帆 | 摄",  # a bar where others print a slash
           "岚州都市报-岚山新闻记者 杨帆 摄影报道",
           "马骏 摄影",  # 摄影 after the name, set apart
           "摄影 | 冯佳"]  # …or before it, a bar between


@pytest.mark.parametrize("text", CREDITS)
def test_photo_credits(text: str) -> None:
    assert kind_of(text)[0] == "credit"


@pytest.mark.parametrize("text", ["（记者 王一 通讯员 张二 报道）", "（据新华社电）", "据新华社电",
                                  "(通讯员 许 可)", "（据《河南日报》）", "（作者：李 禾）",
                                  "（文/田明远）"])
def test_bylines_printed_after_the_text_sign_the_article(text: str) -> None:
    assert kind_of(text)[0] == "signature"


@pytest.mark.parametrize("text", [
    "本报讯 全媒体记者 李华 报道", "新华社北京5月3日电（记者 王二）",
    "江门日报讯（记者/伍晓岚 通讯员/梁嘉怡）9月", "金报讯（记者 林 蔚）这几天",
    "山西晚报·山河+讯(记者 冯 瑶)12月28日，", "贵阳网·甲秀新闻讯 1月20日，",
    "•   山西晚报·山河+讯(记者 冯 瑶)12月28日，",  # an e-paper view's paragraph mark
    "岚州日报/岚州网柳湾讯(通讯员郑秋禾报道)近日，",  # the paper, its site and a place
    "编辑同志：我家住在南园", "何秀兰同志：", "王先生：您好！",  # a letter's salutation
    "编辑同志:我家住在南园",  # …its colon half-width
    "郏县融媒讯（记者 白 露 通讯员 程一鸣）11月4日，",  # a county's news centre
    "道县融媒体中心讯（记者 何文斌 通讯员 周丽）5月23日，"])
def test_leads(text: str) -> None:
    assert kind_of(text)[0] == "lead"


def test_a_readers_question_after_his_name_opens_no_letter() -> None:
    assert kind_of("读者王女士：孩子今年秋季上小学，")[0] != "lead"  # Q&A, a speaker's label


@pytest.mark.parametrize(("text", "repaired"), [
    ("理性消费理性消费 依法维权依法维权", "理性消费 依法维权"),
    ("排名排名 代表队代表队 金牌金牌 银牌银牌", "排名 代表队 金牌 银牌"),
    ("讣告讣告", "讣告"),
    ("人人参与 谢谢你们", "人人参与 谢谢你们"),  # real reduplications stay
    ("谢谢谢谢", "谢谢谢谢"),
])
def test_fake_bold_on_spaced_words_and_notice_titles(text: str, repaired: str) -> None:
    assert undouble(text) == repaired


def test_a_bare_name_after_the_last_sentence_signs_the_article() -> None:
    text = ("走进城中区的曙光西巷，墙面上画着老城的市井生活，\n巷口的空地变成了口袋公园。\n\n"
            "街道负责人介绍，辖区已完成十一条背街小巷改造，\n下一步将推广经验。\n\n"
            "韦丽华\n\n社区微更新让老街巷焕新颜")
    [article] = segment(text).articles
    assert article.byline == "韦丽华" and article.title == "社区微更新让老街巷焕新颜"


def test_an_index_box_and_a_page_header_never_become_articles() -> None:
    text = ("2024年5月4日 星期六 第1版 要闻\n\n要闻提示\n●我市新增三条公交线路 第2版\n"
            "●城南区启动全民阅读活动 第5版\n\n城东区部署春季防火工作\n\n"
            "本报讯（记者 王立）3月1日，城东区召开专题会议，研究部署春季防火工作。")
    page = segment(text)
    assert [a.title for a in page.articles] == ["城东区部署春季防火工作"]
    reasons = {n.reason for n in page.noise}
    assert {"page header", "index of other pages"} <= reasons


def test_a_caption_and_credit_after_a_story_are_a_photo_of_their_own() -> None:
    text = ("城东区部署春季防火工作\n\n本报讯（记者 王立）3月1日，城东区召开专题会议，"
            "研究部署春季防火工作。\n\n会议要求，各部门要压实责任，确保各项任务按时完成。\n\n"
            "3月1日，消防员在城东区一处林地巡查。\n本报记者 李响 摄")
    story, photo = segment(text).articles
    assert story.title == "城东区部署春季防火工作" and len(story.paragraphs) == 2
    assert photo.kind == "photo" and photo.byline == "本报记者 李响 摄"


def test_a_notice_ends_at_its_date() -> None:
    text = ("停水启事\n\n因管网改造，城东区部分小区3月2日停水一天，敬请谅解。\n\n"
            "城东区自来水公司\n\n2024年3月1日\n\n"
            "3月1日，城西区举办春季招聘会，吸引求职者两千余人。\n\n城西区春季招聘会举行")
    notice, news = segment(text).articles
    assert notice.title == "停水启事" and notice.paragraphs[-1] == "2024年3月1日"
    assert news.title == "城西区春季招聘会举行"


@pytest.mark.parametrize(("text", "kind"), [
    ("涧林家电 以旧换新 补贴最高700元", "noise"),
    ("湄湾·悦府 火热认购中", "noise"),
    ("以旧换新活动带动家电消费增长", "text"),  # a headline about the scheme, not an advert
])
def test_advertisements_by_their_sales_talk_and_shape(text: str, kind: str) -> None:
    assert kind_of(text)[0] == kind


def test_a_name_printed_a_space_after_the_last_sentence_signs_it() -> None:
    text = ("# 热线上月受理诉求四万件\n\n"
            "记者从市政务服务管理局获悉，热线上月受理群众诉求四万余件。\n\n"
            "对群众反映集中的问题，热线已形成专题报告，推送相关部门研究解决。 秦玉\n\n"
            "## 冬日江景\n\n11月19日清晨，三江口江面薄雾缭绕。\n\n本报记者 周航 摄\n")
    story, photo = segment(text).articles
    assert story.byline == "秦玉" and story.paragraphs[-1].endswith("研究解决。")
    assert photo.title == "冬日江景" and photo.kind == "photo"


# Found by a hostile review: forms a page prints that must NOT be taken for the ones above.

@pytest.mark.parametrize(("text", "title"), [
    ("本报讯（记者 王明）记者昨天从市商务局获悉，\n我市家电以旧换新活动将于本月\n启动。\n\n"
     "我市启动家电以旧换新 补贴最高2000元\n", "我市启动家电以旧换新 补贴最高2000元"),
    ("本报讯（记者 王明）受冷空气影响，明天起我市将有大风降温天气。\n\n寒潮来袭 明天西北风7级\n",
     "寒潮来袭 明天西北风7级"),
    ("本报讯（记者 王明）日前，我市召开民族团结进步表彰大会，表彰先进集体。\n\n续写民族团结新篇\n",
     "续写民族团结新篇"),
    ("德州晚报\n市委召开常委会议研究部署防汛工作\n本报讯（记者 王明）昨天，市委召开常委会议。",
     "市委召开常委会议研究部署防汛工作"),
], ids=["advert words", "weather words", "新篇", "under the paper's name"])
def test_headlines_that_resemble_furniture_stay_headlines(text: str, title: str) -> None:
    assert [a.title for a in segment(text).articles] == [title]


def test_a_hotline_mentioned_in_the_text_stays_in_the_text() -> None:
    text = ("本报讯（记者 王明）市民如有类似问题\n可拨打本报新闻热线反映\n我们将及时转交有关部门\n"
            "跟进处理。\n\n小区路灯坏了一个多月没人修")
    [article] = segment(text).articles
    assert "新闻热线" in article.paragraphs[0] and not segment(text).noise


def test_a_list_of_names_with_their_units_is_text_not_bylines() -> None:
    text = ("关于表彰优秀教师的决定\n\n经研究，决定授予以下同志“优秀教师”称号：\n"
            "王小明（市第一中学）\n李红（市实验小学）\n张伟（城南中学）\n希望受表彰的同志再接再厉。\n\n市教育局\n\n2024年9月10日")
    [notice] = segment(text).articles
    assert notice.byline is None and "李红（市实验小学）" in notice.body


@pytest.mark.parametrize("text", ["图说记者节", "评论员文章", "7月中旬最高气温35℃至38℃",
                                  "风光摄影", "大批记者前往", "新闻记者证核验工作的"])
def test_headline_words_are_not_credits_or_weather(text: str) -> None:
    assert kind_of(text)[0] == "text"


@pytest.mark.parametrize("text", ["文 张三 图 李四", "文/本报记者 侯佳 图/牛锐 田晓"])
def test_text_and_photo_credit_names_both(text: str) -> None:
    assert kind_of(text)[0] == "byline"


@pytest.mark.parametrize("text", ["妈妈 爸爸 哥哥 姐姐", "看看 听听 想想"])
def test_real_reduplicated_words_are_not_undoubled(text: str) -> None:
    assert undouble(text) == text


def test_a_picture_story_keeps_its_own_caption() -> None:
    text = ("# 春耕时节农事忙\n\n眼下正值春耕时节，城郊镇田间地头一派繁忙景象。\n\n"
            "图为4月2日，城郊镇农民在田间驾驶拖拉机翻耕土地。\n\n记者 王明 摄\n\n"
            "# 第二条新闻\n\n本报讯（记者 李华）昨天，全市召开会议。")
    story, news = segment(text).articles
    assert story.title == "春耕时节农事忙" and len(story.paragraphs) == 2
    assert news.title == "第二条新闻"


def test_dates_inside_letters_do_not_end_the_article() -> None:
    text = ("红色家书\n\n1941年3月2日\n\n亲爱的母亲：儿在部队一切都好，请勿挂念。\n\n"
            "1941年4月5日\n\n母亲：部队又打了胜仗，我立了功。")
    [letters] = segment(text).articles
    assert letters.paragraphs[-1] == "母亲：部队又打了胜仗，我立了功。"


def test_two_character_titles_are_not_taken_for_names() -> None:
    text = ("又是一年白露时，清晨的草叶上\n挂满了露珠，田野里的稻子渐\n渐黄了。\n\n"
            "白露\n\n□ 罗 秋\n\n小时候，最盼望的就是过年。")
    page = segment(text)
    assert "白露" in [a.title for a in page.articles]
    assert "白露" not in [a.byline for a in page.articles]


def test_a_short_first_part_of_a_headline_group_is_its_kicker() -> None:
    # 引题 above, 主题 below, a blank line between: the short first part is the kicker;
    # a longer first part is the title, with its 副题 under it.
    story = "本报讯（记者 王明）今年1至2月，全市空气质量优良天数达55天，同比增加6天。"
    first = segment(f"今年前2个月\n\n全市空气质量优良天数达55天\n\n{story}").articles[0]
    assert (first.kicker, first.title) == ("今年前2个月", "全市空气质量优良天数达55天")
    title = "市人大常委会开展养老服务专题调研"
    second = segment(f"{title}\n\n王振华参加调研\n\n{story}").articles[0]
    assert (second.title, second.subtitle) == (title, "王振华参加调研")


def test_two_headline_lines_of_different_shapes_are_no_table() -> None:
    page = segment("（下转A02版）\n\n聚力产业链 招引大项目\n前8月全市新签约亿元以上项目143个\n\n"
                   "江门日报讯（记者/李卓）9月7日，江门市区至珠海机场的城际定制客运专线正式开通。")
    assert [(a.kicker, a.title) for a in page.articles] == [
        ("聚力产业链 招引大项目", "前8月全市新签约亿元以上项目143个")]


@pytest.mark.parametrize("text", [
    "来论", "金城短评", "刺桐观察", "观海潮评", "长葛市人防办",
    "民生实事进行时", "乡村振兴看青峰", "接羔保育一线行", "新春走基层",
    "乡村振兴·产业观察", "一线故事", "政策问答", "民生关注"])
def test_kickers_unit_names_and_opinion_columns(text: str) -> None:
    assert is_kicker(text)


@pytest.mark.parametrize("text", ["芦汀镇12个村", "28个嘎查", "我市荣获全国城市",
                                  "菜价跌了，也要看看菜农"])
def test_a_count_or_a_clause_ending_like_a_unit_is_no_unit_name(text: str) -> None:
    # 芦汀镇12个村 / 用上“共享农机” is one title wrapped over two lines, not unit and title.
    assert not is_kicker(text)


@pytest.mark.parametrize("text", ["晚报记者走访了", "日报记者走访了"])
def test_a_papers_name_before_a_bare_role_is_text(text: str) -> None:
    # 晚报全媒体记者 X is a byline; 晚报记者走访了 is a column's line of text.
    assert kind_of(text)[0] == "text"


def test_a_byline_that_says_who_wrote_the_text() -> None:
    assert classify(1, "文/本报记者 林晓帆", markdown=False).kind is Kind.BYLINE
    assert classify(1, "文/图 记者/黄一鸣", markdown=False).kind is Kind.BYLINE


def test_a_sentence_about_retail_prices_is_no_masthead() -> None:
    line = classify(1, "会蔬菜零售价格总体回落。市价格监测中心数据", markdown=False)
    assert line.kind is Kind.TEXT
    price = classify(1, "零售价：1.50元", markdown=False)
    assert (price.kind, price.reason) == (Kind.NOISE, "masthead")


def test_a_bold_title_loses_the_bullet_and_brackets_it_was_printed_with() -> None:
    assert classify(1, "**▲钢都工匠“传帮带”**", markdown=True).text == "钢都工匠“传帮带”"
    assert classify(1, "**【合唱团获一等奖】**", markdown=True).text == "合唱团获一等奖"


def test_one_digit_page_labels_and_a_sale_advert_are_furniture() -> None:
    for text, reason in (("A5城事", "page header"),
                         ("A5 老菜场里开出“夜校”", "index of other pages"),
                         ("菱湖路家居广场 全场满千减百", "advertisement")):
        line = classify(1, text, markdown=False)
        assert (line.kind, line.reason) == (Kind.NOISE, reason), text


def test_web_e_paper_furniture_and_a_lead_credit_in_square_brackets() -> None:
    for text in ("2026年02月26日 第02版：要闻", "[上一版] [下一版] [PDF版]", "微信 朋友圈 微博",
                 "前一版 下一版 2026年04月16日", "新天水·天水日报社出版 版权所有 未经许可不得转载"):
        line = classify(1, text, markdown=True)
        assert (line.kind, line.reason) == (Kind.NOISE, "page header"), text
    assert classify(1, "□新天水·天水日报记者 景 涛", markdown=False).kind is Kind.BYLINE
    assert classify(1, "本报讯【某某日报记者 马骁】槐川区新开通两条公交线路。",
                    markdown=False).kind is Kind.LEAD


def test_a_lead_with_a_place_or_date_before_its_news_mark() -> None:
    for text, lead in (("本报25日讯（记者 孙晓梅）记者从有关部门获悉", "本报25日讯（记者 孙晓梅）"),
                       ("本报海口1月27日讯（记者 吴思远）记者从",
                        "本报海口1月27日讯（记者 吴思远）")):
        assert classify(1, text, markdown=False).kind is Kind.LEAD
        assert LEAD_RE.match(text).group(0) == lead


def test_a_markdown_heading_that_starts_with_a_dash_is_a_subtitle() -> None:
    line = classify(9, "### ——全旗已有1300余户养牛户加入托管合作社", markdown=True)
    assert (line.kind, line.text) == (Kind.SUBTITLE, "——全旗已有1300余户养牛户加入托管合作社")


def test_a_credit_glued_after_the_caption_s_last_sentence_with_a_slash() -> None:
    lines = prepare_lines("马线、不闯红灯。 唐 悦/摄", markdown=False)
    assert [(ln.kind, ln.text) for ln in lines] == [
        (Kind.TEXT, "马线、不闯红灯。"), (Kind.CREDIT, "唐悦/摄")]


@pytest.mark.parametrize(("text", "byline"), [
    ("花期，吸引不少市民前来游玩拍照。 ■ 本\n报记者 贺子墨", "本报记者 贺子墨"),
    ("出周末免费讲解服务，每天安排两场。 ■\n俞 泓", "俞 泓"),
])
def test_a_bulleted_credit_after_the_last_sentence_wrapped_onto_the_next_line(
        text: str, byline: str) -> None:
    lines = prepare_lines(text, markdown=False)
    assert [(ln.kind, ln.text) for ln in lines][1:] == [(Kind.BYLINE, byline)]
    assert lines[0].text.endswith("。")


@pytest.mark.parametrize("text", ["新学期起，市第三中学将铜的冶炼", "3月起，青埕村至镇区的乡村公交",
                                  "进入冬季，呼吸道疾病进入高发期。", "眼下，沿岸油菜花进入盛花期",
                                  "近日，松湖小学在课后", "寒假期间，市图书馆"])
def test_a_time_set_off_by_its_comma_opens_a_sentence(text: str) -> None:
    from generator.ingest.lines import opens_sentence

    assert opens_sentence(text)


def test_a_wrapped_line_of_text_opens_no_sentence() -> None:
    from generator.ingest.lines import opens_sentence

    assert not opens_sentence("起，市第三中学将铜的冶炼历史")


@pytest.mark.parametrize("label", ["**微点评**", "**核心提示**"])
def test_a_label_set_in_bold_inside_a_text_is_text(label: str) -> None:
    line = classify(1, label, markdown=True)
    assert (line.kind, line.text) == (Kind.TEXT, label)


@pytest.mark.parametrize(("text", "kind", "reason"), [
    ("您现在的位置 : 网站首页 >> 新闻 >> 潮州新闻", Kind.NOISE, "page header"),
    ("发布日期 : 2026-03-10 08:42:16 文章来源 : 潮州日报", Kind.NOISE, "page header"),
    ("编辑  蔡 若  责任编辑  詹 明", Kind.NOISE, "editors' names"),
    ("编辑|吴 琳", Kind.NOISE, "editors' names"),
    ("审核|方 涛", Kind.NOISE, "editors' names"),
    ("文/图|潮州日报全媒体记者 蔡雨桐", Kind.BYLINE, ""),
])
def test_a_news_site_s_fields_spaced_around_their_colons_and_its_bar_credits(
        text: str, kind: Kind, reason: str) -> None:
    assert [(ln.kind, ln.reason) for ln in prepare_lines(text, markdown=True)] == [(kind, reason)]


@pytest.mark.parametrize(("text", "reason"), [
    ("最佳分辨率:1024 -  设为首页 -  加入收藏", "page header"),
    ("首页揭阳日报PDF版", "page header"),
    ("新闻报料:8261100 广告联系:8212200", "masthead"),
    ("报料热线：8261100", "masthead"),
])
def test_a_news_site_s_buttons_and_its_tip_off_lines_are_furniture(text: str, reason: str) -> None:
    assert kind_of(text) == ("noise", reason)


def test_a_bar_closing_a_web_table_s_cell_after_the_text_is_markup() -> None:
    lines = prepare_lines("  巩固治理成效。 |", markdown=False)
    assert [(ln.kind, ln.text, ln.reason) for ln in lines] == [
        (Kind.TEXT, "巩固治理成效。", ""), (Kind.NOISE, "|", "page markup")]


def test_a_site_s_copyright_notice_is_furniture_though_it_ends_a_sentence() -> None:
    assert kind_of("版权声明：凡临汾日报和临汾新闻网刊发的稿件，未经书面授权，不得转载。") == (
        "noise", "masthead")
    assert kind_of("凡是转载的稿件都要注明出处。")[0] == "text"


def test_an_author_after_a_middle_dot_is_a_byline_and_a_link_is_not() -> None:
    line = classify(1, "·陈一舟", markdown=True)
    assert (line.kind, line.text) == (Kind.BYLINE, "陈一舟")
    assert classify(1, "·锦溪岸边练英歌", markdown=True).kind is Kind.TEXT


@pytest.mark.parametrize(("text", "reason"), [
    ("打开微信，点击“发现”，使用“扫一扫”即可将网页分享至朋友圈。", "page header"),
    ("W020260312384105.jpg", "image"),
    ("微信图片_20260312.jpg", "image"),
])
def test_a_site_s_share_instructions_and_an_image_s_file_name_are_furniture(
        text: str, reason: str) -> None:
    assert kind_of(text) == ("noise", reason)


def test_a_source_signature_wrapped_after_its_opening_word() -> None:
    lines = prepare_lines("在秋播前完成主体工程建设。（据\n《甘肃日报》）", markdown=False)
    assert [(ln.kind, ln.text) for ln in lines] == [
        (Kind.TEXT, "在秋播前完成主体工程建设。"), (Kind.SIGNATURE, "（据《甘肃日报》）")]


def test_a_photo_s_title_and_its_credit_with_a_role_on_one_line() -> None:
    lines = prepare_lines("《塬上春早》 庆阳融媒记者 陈 岭 摄", markdown=False)
    assert [(ln.kind, ln.text) for ln in lines] == [
        (Kind.TEXT, "《塬上春早》"), (Kind.CREDIT, "庆阳融媒记者陈岭摄")]


def test_a_site_s_banner_printed_over_each_of_its_articles_is_furniture() -> None:
    banner = "家乡新闻 一网知晓 | 岚州频道"
    page = "\n\n".join(f"{banner}\n\n村里新修{n}条路\n\n本报讯 近日，村里新修了{n}条路。"
                       for n in range(1, 4))
    lines = [ln for ln in prepare_lines(page, markdown=False) if ln.text == banner]
    assert [(ln.kind, ln.reason) for ln in lines] == [(Kind.NOISE, "page header")] * 3
    # …not a column's label over each of its items, nor a line printed twice
    twice = "\n\n".join([banner, "图片新闻", "图片新闻", "图片新闻", banner])
    assert {ln.kind for ln in prepare_lines(twice, markdown=False) if ln.text} == {Kind.TEXT}


@pytest.mark.parametrize(("text", "byline"), [
    ("岚州都市报-岚山新闻\n记者 何 沁", "岚州都市报-岚山新闻记者何沁"),  # a narrow column
    ("岚州日报全媒体\n记者 何 沁", "岚州日报全媒体记者何沁"),
])
def test_a_byline_s_paper_wrapped_onto_a_line_above_its_role(text: str, byline: str) -> None:
    lines = prepare_lines(text, markdown=False)
    assert [(ln.kind, ln.text) for ln in lines] == [(Kind.BYLINE, byline)]


def test_a_title_over_a_reporter_s_byline_stays_a_title() -> None:
    lines = prepare_lines("城区新建三个便民服务中心\n记者 何 沁", markdown=False)
    assert [ln.kind for ln in lines] == [Kind.TEXT, Kind.BYLINE]


def test_a_site_s_own_data_line_ends_on_its_byline_and_its_staff_are_listed_below() -> None:
    text = ("©原创   2025-11-20 19:42   岚州市融媒体中心 记者 王 晨 通讯员 黎 敏\n\n"
            "11月20日上午，石泉镇的冬训课堂开到了田间。\n\n"
            "记者：王晨 黎敏\n编辑：周 璇\n审核：袁 青")
    lines = [ln for ln in prepare_lines(text, markdown=False) if ln.kind is not Kind.BLANK]
    assert [(ln.kind, ln.text.replace(" ", "")) for ln in lines[:2]] == [
        (Kind.NOISE, "©原创2025-11-2019:42"), (Kind.BYLINE, "岚州市融媒体中心记者王晨通讯员黎敏")]
    assert [ln.reason for ln in lines[3:]] == ["editors' names"] * 3


def test_an_author_field_among_a_web_article_s_data_lines_names_its_writer() -> None:
    # 作者：李珊 printed apart among the data: the story's byline, as inside a data line...
    text = "来源：岚州日报\n作者：李珊\n发布时间：2026-06-11 09:21:27"
    assert [(ln.kind, ln.text) for ln in prepare_lines(text, markdown=False)] == [
        (Kind.NOISE, "来源：岚州日报"), (Kind.NOISE, "作者："), (Kind.BYLINE, "李珊"),
        (Kind.NOISE, "发布时间：2026-06-11 09:21:27")]
    # ...but furniture over a story that goes on from another page, whose first part
    # printed the byline
    jumped = prepare_lines(text + "\n\n　　（上接第1版）\n　　九成以上。", markdown=False)
    assert [(ln.kind, ln.reason) for ln in jumped[:3]] == [(Kind.NOISE, "page header")] * 3
    assert prepare_lines("作者：李珊", markdown=False)[0].kind is Kind.TEXT  # alone: not known


def test_a_caption_s_photographer_after_a_slash_glued_to_its_last_sentence() -> None:
    lines = prepare_lines("志愿者教老人用手机挂号。图/岚州晨报记者 周澜", markdown=False)
    assert [(ln.kind, ln.text) for ln in lines] == [
        (Kind.TEXT, "志愿者教老人用手机挂号。"), (Kind.CREDIT, "图/岚州晨报记者 周澜")]
    quoted = prepare_lines("他说：“这张图/表很清楚。”", markdown=False)
    assert [ln.kind for ln in quoted] == [Kind.TEXT]


def test_a_photo_s_title_and_its_credit_with_a_bar() -> None:
    lines = prepare_lines("《渔港春晓》 周 帆 | 摄", markdown=False)
    assert [(ln.kind, ln.text) for ln in lines] == [
        (Kind.TEXT, "《渔港春晓》"), (Kind.CREDIT, "周帆 | 摄")]


def test_a_jump_note_with_a_circled_number_wrapped_over_two_lines() -> None:
    lines = prepare_lines("收2.6万元，今年还将 (下转6\n版②)", markdown=False)
    assert [(ln.kind, ln.page) for ln in lines] == [(Kind.TEXT, None), (Kind.CONT_ON, 6)]


def test_a_caption_s_english_translation_under_its_credit_is_furniture() -> None:
    text = "\n".join(["▶3月10日，一场春雪过后，鹞子岭景区银装素裹。", "覃 岚 摄",
                      "On March 10, after a spring snowfall, Yaoziling was covered in white.",
                      "Photographed by Qin Lan"])
    lines = prepare_lines(text, markdown=False)
    assert [(ln.kind, ln.reason) for ln in lines][1:] == [
        (Kind.CREDIT, ""), (Kind.NOISE, "translation"), (Kind.NOISE, "translation")]


@pytest.mark.parametrize("text", ["记者连线", "记者手记", "本报记者调查", "记者帮你问",
                                  "记者在现场", "记者手记 椒乡三月"])
def test_a_reporter_s_column_label_is_no_byline(text: str) -> None:
    assert kind_of(text)[0] == "text"


def test_an_e_paper_s_markup_residue_is_furniture_however_long() -> None:
    text = "--> 2026-03-12 6 6 张家界日报 content_98414.html 1 峰溪河上练龙舟 /enpproperty-->"
    assert len(text) > 60 and kind_of(text) == ("noise", "page markup")
    assert kind_of("--> 2026-03-12 content_98414.html")[0] != "subtitle"


@pytest.mark.parametrize("text", ["关注保山日报微信 保山新闻早知道",
                                  "免费订阅“保山新闻快讯”，请关注保山日报微信公众号"])
def test_a_paper_asking_readers_to_follow_its_account_is_an_advertisement(text: str) -> None:
    assert kind_of(text) == ("noise", "advertisement")
    assert kind_of("关注民生，关心群众冷暖")[0] == "text"


@pytest.mark.parametrize("text", [
    "文章字数：1024", "字数: 860", "阅读量：3521", "点击数：120", "浏览次数：88次",
    "通版阅读请点击：", "展开通版", "收缩通版", "【版面原文】", "2026-07-16 星期四",
    "发布日期：2026年10月22日", "当前版：02版 要闻", "A06",
])
def test_an_e_paper_s_counts_its_page_buttons_and_its_dated_weekday_are_its_header(
        text: str) -> None:
    line = classify(1, text, markdown=False)
    assert (line.kind, line.reason) == (Kind.NOISE, "page header")


def test_a_count_inside_a_sentence_s_line_stays_text() -> None:
    assert classify(1, "全市参与人数：1200", markdown=False).kind is Kind.TEXT


@pytest.mark.parametrize("text", ["□文/摄 梁爽", "摄/文 本报记者 梁爽"])
def test_one_who_wrote_and_photographed_a_story_is_its_byline(text: str) -> None:
    [line] = prepare_lines(text, markdown=False)
    assert line.kind is Kind.BYLINE


def test_a_lead_s_credit_spaced_off_its_text_is_no_title_over_it() -> None:
    text = ("七台河日报讯（记者 姜 雨）  25日，金岭街道“暖心驿站”正式启用。驿站设在街道便民服务"
            "中心一楼，配有热水、微波炉和常用药品，户外劳动者可以随时进来歇脚取暖。")
    [line] = prepare_lines(text, markdown=True)
    assert line.kind is Kind.LEAD
    assert line.text.startswith("七台河日报讯（记者姜雨）")


def test_a_government_repost_s_correction_button_is_its_header() -> None:
    line = classify(1, "【纠错】", markdown=False)
    assert (line.kind, line.reason) == (Kind.NOISE, "page header")


def test_a_sentence_that_opens_on_the_reporter_wrapped_short_is_no_byline() -> None:
    text = "黑龙江日报讯  记者从省商\n务厅获悉，入冬以来全省蔬\n菜、肉类货源充足。"
    lines = prepare_lines(text, markdown=False)
    assert [ln.kind for ln in lines] == [Kind.LEAD, Kind.TEXT, Kind.TEXT]
    assert [ln.kind for ln in prepare_lines("记者 从林", markdown=False)] == [Kind.BYLINE]


@pytest.mark.parametrize(("text", "credit"), [
    ("矿苑区委宣传部供图", "矿苑区委宣传部供图"),
    ("供图：市文旅局", "供图：市文旅局"),
    ("游客结伴从沙坨上滑下。 供图 青坨县融媒体中心", "供图 青坨县融媒体中心"),
    ("游客在冰面上骑行。矿苑区委宣传部供图", "矿苑区委宣传部供图"),
])
def test_a_unit_that_provided_the_picture_is_its_credit(text: str, credit: str) -> None:
    lines = prepare_lines(text, markdown=False)
    assert (lines[-1].kind, lines[-1].text) == (Kind.CREDIT, credit)


def test_a_sentence_that_says_who_provided_pictures_is_text() -> None:
    lines = prepare_lines("他说，照片由宣传部供图", markdown=False)
    assert [ln.kind for ln in lines] == [Kind.TEXT]


def test_a_correction_button_beside_the_editor_in_brackets_is_the_header() -> None:
    line = classify(1, "【纠错】 【责任编辑：刘畅】", markdown=False)
    assert (line.kind, line.reason) == (Kind.NOISE, "page header")


@pytest.mark.parametrize("text", [
    "看岚州新闻，说家乡事，就上岚州网。", "更多精彩内容，请下载岚州日报客户端。"])
def test_a_site_promoting_itself_in_a_sentence_is_an_advertisement(text: str) -> None:
    line = classify(1, text, markdown=False)
    assert (line.kind, line.reason) == (Kind.NOISE, "advertisement")


def test_a_byline_wrapped_before_its_last_name_and_what_they_did() -> None:
    lines = prepare_lines("本报记者 普 洁\n李 航 文/图\n3月的榴溪县，漫山遍野", markdown=False)
    assert [(ln.kind, ln.text) for ln in lines[:1]] == [(Kind.BYLINE, "本报记者普洁 李航文/图")]


def test_a_paper_s_name_a_space_before_its_e_paper_s_is_a_page_header_with_the_date() -> None:
    line = classify(2, "红山日报 数字报　2026年03月24日　第05版：青松", markdown=False)
    assert (line.kind, line.reason) == (Kind.NOISE, "page header")


@pytest.mark.parametrize("text", ["签发时间 2026-01-29", "发布日期：2026-03-02 08:15",
                                  "来源：新华社", "文章来源：http://www.example.cn/2026/0402/1187.shtml",
                                  "作者：沈悦　编辑：孟可", "作者：　编辑：孟可",
                                  "2026年3月4日 星期 【打印】",
                                  "2026年3月4日 星期三 【打印】 【关闭】"])
def test_a_web_page_s_posting_time_or_source_alone_is_its_header(text: str) -> None:
    line = classify(7, text, markdown=False)
    assert (line.kind, line.reason) == (Kind.NOISE, "page header")


@pytest.mark.parametrize(("text", "reason"), [("青山日报 2026年03月24日", "masthead"),
                                             ("青山日报 2026-06-09 第03版 区域", "masthead"),
                                             ("原标题：一网捞出“年年有余”", "page header")])
def test_a_web_page_s_paper_and_date_or_its_original_title_is_furniture(text: str,
                                                                        reason: str) -> None:
    line = classify(6, text, markdown=True)
    assert (line.kind, line.reason) == (Kind.NOISE, reason)


def test_a_special_zone_paper_s_name_is_a_masthead() -> None:
    line = classify(1, "珠海特区报", markdown=False)
    assert (line.kind, line.reason) == (Kind.NOISE, "masthead")


def test_role_words_alone_over_a_wrapped_name_are_one_byline() -> None:
    text = "■珠海特区报记者\n郑 海 帆\n通讯员 卢 宇\n3月4日上午，百屿区沙鸥"
    [byline, _] = prepare_lines(text, markdown=False)
    assert (byline.kind, byline.text) == (Kind.BYLINE, "珠海特区报记者 郑海帆 通讯员卢宇")


@pytest.mark.parametrize("text", ["多亩水稻田陆续开始春插。\n珠海传媒集团 黎家明 /\n摄",
                                  "多亩水稻田陆续开始春插。珠海传媒集团 黎家明 / 摄"])
def test_a_media_group_s_photographer_is_a_credit(text: str) -> None:
    lines = prepare_lines(text, markdown=False)
    credit = lines[-1]
    assert (credit.kind, credit.text.replace(" ", "")) == (Kind.CREDIT, "珠海传媒集团黎家明/摄")


def test_a_jump_note_wrapped_inside_its_verb_is_mended() -> None:
    lines = prepare_lines("出海一趟的成本比烧柴油（下\n转第4版）", markdown=False)
    assert [ln.kind for ln in lines] == [Kind.TEXT, Kind.CONT_ON]


def test_a_weather_box_s_name_and_sky_over_its_temperatures_are_the_box() -> None:
    lines = prepare_lines("克拉玛依天气\n今天 晴\n-21℃～-12℃\n西北风2～3级", markdown=False)
    assert {(ln.kind, ln.reason) for ln in lines} == {(Kind.NOISE, "weather box")}
    lines = prepare_lines("岚山镇天气\n多云转晴\n9℃～24℃\n西北风3级", markdown=False)
    assert {(ln.kind, ln.reason) for ln in lines} == {(Kind.NOISE, "weather box")}
    headline = prepare_lines("雪后初晴好天气\n\n-21℃～-12℃", markdown=False)[0]
    assert headline.kind is Kind.TEXT  # a blank line parts a headline from the box


@pytest.mark.parametrize("text", ["编辑  蔡 若  责任编辑  詹 明", "编辑卫东  校对赵宁  组版贾玲",
                                  "值班编委：高峰  责任编辑：刘畅  美编：李娜  校对：王婷"])
def test_editors_names_spaced_apart_are_the_page_s_editors(text: str) -> None:
    [line] = prepare_lines(text, markdown=False)
    assert (line.kind, line.reason) == (Kind.NOISE, "editors' names")


@pytest.mark.parametrize(("text", "kind"), [
    ("融媒体中心记者 马晓燕", Kind.BYLINE), ("□融媒体中心记者李瀚摄", Kind.CREDIT),
    ("（融媒体中心记者 孙佳禾）", Kind.SIGNATURE)])
def test_the_paper_s_own_unnamed_newsroom_credits_its_reporters(text: str, kind: Kind) -> None:
    [line] = prepare_lines(text, markdown=False)
    assert line.kind is kind


@pytest.mark.parametrize("top", ["03 要闻·综合", "A3 今日芍园区", "岚州日报 02 要闻"])
def test_a_page_s_number_and_section_among_its_first_lines_is_furniture(top: str) -> None:
    lines = prepare_lines(f"{top}\n2026年3月12日 星期四\n\n本报讯 近日，全市新建口袋公园12个。",
                          markdown=False)
    assert (lines[0].kind, lines[0].reason) == (Kind.NOISE, "page header")


def test_a_line_like_a_page_s_section_further_down_is_text() -> None:
    text = "\n".join(["本报讯 近日，全市新建口袋公园12个。"] * 5 + ["03 要闻·综合"])
    assert prepare_lines(text, markdown=False)[-1].kind is Kind.TEXT


@pytest.mark.parametrize(("text", "kind"), [
    ("■快报记者 顾 然 通讯员 栖 宣", Kind.BYLINE),
    ("南都记者 何 沛 摄", Kind.CREDIT),
    ("半岛记者 卞 涛 报道", Kind.BYLINE),
])
def test_a_metro_paper_s_short_name_credits_letter_spaced_names(text: str, kind: Kind) -> None:
    # Closing up the letter-spacing glues role and names (快报记者顾然…); the short
    # name before 记者 still makes the line a credit.
    assert [ln.kind for ln in prepare_lines(text, markdown=False)] == [kind]


@pytest.mark.parametrize(("text", "kind"), [
    ("快报记者 田 甜", Kind.BYLINE),
    ("南都记者 何 沛 摄", Kind.CREDIT),
    ("大批记者 前 往", Kind.TEXT),
    ("金报记者 吴 迪 实习生 刘雨桐", Kind.BYLINE),  # the second name not spaced out
])
def test_a_short_name_s_reporter_alone_is_a_credit_while_letter_spaced(text: str,
                                                                       kind: Kind) -> None:
    # Closed up, 快报记者田甜 reads like 大批记者前往; as printed, the letter-spaced name
    # after the role tells the credit apart.
    assert [ln.kind for ln in prepare_lines(text, markdown=False)] == [kind]


@pytest.mark.parametrize("text", ["随行记者拍下了这一幕", "这位记者告诉", "大批记者前往"])
def test_a_wrapped_sentence_about_a_reporter_is_no_short_name_credit(text: str) -> None:
    assert [ln.kind for ln in prepare_lines(text, markdown=False)] == [Kind.TEXT]


def test_a_byline_over_a_sentence_that_opens_on_the_reporter_stays_alone() -> None:
    # 记者昨天从… under the byline is the text's first line, not a second byline line.
    text = "文/本报记者 孟 川 宋雨桐\n记者昨天从榆苑区住房城乡建\n设委获悉，槐荫里社区44栋"
    lines = prepare_lines(text, markdown=False)
    assert [(ln.kind, ln.text) for ln in lines[:2]] == [
        (Kind.BYLINE, "文/本报记者孟川宋雨桐"), (Kind.TEXT, "记者昨天从榆苑区住房城乡建")]


@pytest.mark.parametrize(("text", "kind"), [
    ("许航/文 孟凡/图", Kind.BYLINE),
    ("（柯 文/文 郑 望/摄）", Kind.SIGNATURE),
])
def test_each_name_before_what_it_did_is_a_credit_without_a_role(text: str, kind: Kind) -> None:
    assert [ln.kind for ln in prepare_lines(text, markdown=False)] == [kind]


@pytest.mark.parametrize(("text", "kind", "credit"), [
    ("木兰 文\\图", Kind.BYLINE, "木兰 文\\图"),  # words and pictures, a backslash between
    ("廖 清/图", Kind.CREDIT, "廖清/图"),  # who took the picture
    ("记者 廖 清 文/图", Kind.BYLINE, "记者廖清文/图"),  # …not who wrote and took it
])
def test_credits_of_words_and_pictures(text: str, kind: Kind, credit: str) -> None:
    [line] = prepare_lines(text, markdown=False)
    assert (line.kind, line.text) == (kind, credit)


def test_letters_spaced_out_under_a_title_are_its_writer_s_name() -> None:
    # 旺 堆 under the title: a name as a byline prints it. Under a label (编辑 / 杨 帆) or
    # a title itself spaced out (漾 水 河 畔 / 春 意 浓) it is no byline.
    kinds = [ln.kind for ln in prepare_lines("羌塘论坛\n让电站成为“致富站”\n旺 堆", markdown=False)]
    assert kinds[-1] is Kind.BYLINE
    for text in ("编辑\n杨 帆", "漾 水 河 畔\n春 意 浓"):
        assert prepare_lines(text, markdown=False)[-1].kind is not Kind.BYLINE


@pytest.mark.parametrize(("text", "markdown"), [
    ("石榴云/克孜勒苏日报记者 李 帆", False),  # an app's name and a slash before the paper
    ("**金报记者 何 川 通讯员 周汉林**", True),  # in bold, a space left before the last name
])
def test_more_credits_of_papers_and_apps(text: str, markdown: bool) -> None:
    assert [ln.kind for ln in prepare_lines(text, markdown=markdown)] == [Kind.BYLINE]


@pytest.mark.parametrize(("text", "kind"), [
    ("来源：商丘日报 03-12 05:20:31", Kind.NOISE),  # a web article's data, its date yearless
    ("比分3-12 05:20:31", Kind.TEXT),
])
def test_a_data_line_with_a_date_and_time_but_no_year(text: str, kind: Kind) -> None:
    assert classify(1, text, markdown=False).kind is kind


@pytest.mark.parametrize(("text", "reason"), [
    ("值班编委：郑 明", "editors' names"),  # the editor on duty that night
    ("登录湛江云媒账号", "page header"),  # a news site's log-in button
])
def test_a_web_page_s_duty_editor_and_log_in_button_are_furniture(text: str, reason: str) -> None:
    line = classify(1, text, markdown=False)
    assert (line.kind, line.reason) == (Kind.NOISE, reason)


def test_a_reporter_named_among_a_web_article_s_data_is_its_byline() -> None:
    # 作者：记者 X between the source and the time: the reporter, the rest the site's data.
    # (A bare name there, 作者：何婉婷, is keyed both ways by writers and is left as data.)
    data = "来源：东莞日报　作者：记者 何婉婷　发布时间：2026-01-29 07:30"
    lines = prepare_lines(data, markdown=False)
    assert [(ln.kind, ln.text) for ln in lines] == [
        (Kind.NOISE, "来源：东莞日报 作者："), (Kind.BYLINE, "记者 何婉婷"),
        (Kind.NOISE, "发布时间：2026-01-29 07:30")]
    bare = prepare_lines("来源：东莞日报　作者：何婉婷　发布时间：2026-01-29 07:30", markdown=False)
    assert [ln.kind for ln in bare] == [Kind.NOISE]
    # Over a lead with its own credit the field only repeats it: the lead's is the byline.
    lead = "　　本报讯（记者 何婉婷 通讯员 周琪）3月14日上午，…"
    led = prepare_lines(data + "\n\n" + lead, markdown=False)
    assert [ln.kind for ln in led] == [Kind.NOISE, Kind.BLANK, Kind.LEAD]


@pytest.mark.parametrize(("text", "reason"), [
    ("温岭日报 数字报纸", "masthead"),
    ("a0004版:教育", "page header"),  # a page's code and its section
    ("要闻 责任编辑：张弛校对：林雅", "editors' names"),  # the section, then the editors
])
def test_more_of_a_web_edition_s_furniture(text: str, reason: str) -> None:
    line = classify(1, text, markdown=False)
    assert (line.kind, line.reason) == (Kind.NOISE, reason)


def test_a_two_word_line_with_a_duty_in_it_is_no_editors_line() -> None:
    assert classify(1, "春耕 责任重大", markdown=False).kind is Kind.TEXT


def test_the_paper_s_hotline_and_its_address_under_it_are_its_masthead() -> None:
    text = "某某日报热线：0531-85190000\n地址：某某市泉湾区芙泉路66号"
    lines = prepare_lines(text, markdown=False)
    assert [(ln.kind, ln.reason) for ln in lines] == [(Kind.NOISE, "masthead")] * 2


@pytest.mark.parametrize(("text", "kind"), [
    ("某某市融媒体中心主办", Kind.NOISE),  # who publishes the paper: its masthead
    ("（作者系本报评论员 叶 青）", Kind.SIGNATURE),  # who the writer is, after the text
])
def test_a_publisher_line_and_who_the_writer_is(text: str, kind: Kind) -> None:
    assert [ln.kind for ln in prepare_lines(text, markdown=False)] == [kind]


def test_a_byline_over_two_lines_whose_second_did_words_and_pictures() -> None:
    lines = prepare_lines("记者 赵 明\n通讯员 孙 蕾/文图", markdown=False)
    assert [(ln.kind, ln.text) for ln in lines] == [(Kind.BYLINE, "记者赵明 通讯员孙蕾/文图")]


@pytest.mark.parametrize("text", ["内容详情", "返回该版首页"])
def test_an_e_paper_reader_s_lines_over_each_article_are_its_header(text: str) -> None:
    line = classify(1, text, markdown=False)
    assert (line.kind, line.reason) == (Kind.NOISE, "page header")


def test_a_reporter_s_photo_credit_in_brackets_after_the_caption_is_cut_off() -> None:
    text = "市民前来拍照打卡。（某报记者 吴晓冬/摄）"
    assert [(ln.kind, ln.text) for ln in prepare_lines(text, markdown=False)] == [
        (Kind.TEXT, "市民前来拍照打卡。"), (Kind.CREDIT, "（某报记者 吴晓冬/摄）")]


def test_a_trailing_credit_wrapped_inside_its_role_is_put_back_on_one_line() -> None:
    text = "月底前完工，施工期间巷内实行单向通行。（全\n媒体记者 黎海燕 通讯员 庞志强）"
    assert [(ln.kind, ln.text) for ln in prepare_lines(text, markdown=False)] == [
        (Kind.TEXT, "月底前完工，施工期间巷内实行单向通行。"),
        (Kind.SIGNATURE, "（全媒体记者 黎海燕 通讯员 庞志强）")]


@pytest.mark.parametrize(("text", "kind"), [
    ("柳塬讯(记者 石 峰 通讯员 牛晓燕)近日，柳塬镇的梯田里一片繁忙。", Kind.LEAD),
    ("快讯(记者 王 明)", Kind.TEXT),  # a brief column's name is no place
])
def test_a_place_s_news_mark_with_its_credit_in_brackets_opens_a_lead(text: str,
                                                                       kind: Kind) -> None:
    assert prepare_lines(text, markdown=False)[0].kind is kind


@pytest.mark.parametrize(("text", "reason"), [
    ("美编蒋伟校对许佳", "editors' names"),  # 美编 蒋 伟 校对 许 佳, letter-spacing closed up
    ("时间:2026-03-12", "page header"),  # a web article's data line
    ("汕头特区晚报 鮀城·民生", "page header"),  # the paper's name, then the page's section
    ("晋江经济报", "masthead"),
    ("海峡导报", "masthead"),
    ("民声热线：0595-88700110 邮箱：minsheng@example.cn", "masthead"),
    ("更多", "related links"),
    ("-", "rule"),  # a web view's stand-in for a rule between its items
])
def test_page_furniture_of_county_dailies_and_evening_papers(text: str, reason: str) -> None:
    assert kind_of(text) == ("noise", reason)


@pytest.mark.parametrize("text", ["咨询电话：0595-88700110", "时间：上午九时", "本报 记者",
                                  "-1", "关于调整公交线路的通告"])
def test_lines_like_that_furniture_stay_text(text: str) -> None:
    assert kind_of(text)[0] != "noise"


def test_an_essay_s_writer_boxed_before_its_first_words_is_its_byline() -> None:
    lines = prepare_lines("□黄晓岚  老屋的灶台边，挂着一块磨得发\n■ 记者 沈　悦", markdown=False)
    assert [(ln.kind, ln.text) for ln in lines] == [
        (Kind.BYLINE, "黄晓岚"), (Kind.TEXT, "老屋的灶台边，挂着一块磨得发"),
        (Kind.BYLINE, "记者沈悦")]


def test_a_column_named_before_its_title_on_one_line_is_a_headline_group() -> None:
    lines = prepare_lines("记者手记 长江岸线“绿色长廊”再延伸 ——跟随巡江队走一趟长江",
                          markdown=False)
    assert [(ln.kind, ln.text) for ln in lines] == [
        (Kind.TEXT, "记者手记"), (Kind.TEXT, "长江岸线“绿色长廊”再延伸"),
        (Kind.SUBTITLE, "——跟随巡江队走一趟长江")]
    assert len(prepare_lines("今天 我们一起去看海", markdown=False)) == 1


def test_a_source_field_among_a_web_article_s_data_is_furniture_but_not_under_a_table() -> None:
    web = prepare_lines("关于开展见习报名的公告\n来源:太仓市人社局\n责编:徐 清\n时间:2026-03-12",
                        markdown=False)
    assert web[1].kind is Kind.NOISE
    table = prepare_lines("牦牛肉　公斤　96\n酥油　公斤　88\n来源：地区价格监测中心",
                          markdown=False)
    assert table[-1].kind is Kind.TEXT


def test_a_reporter_named_among_web_data_whose_spaces_repair_closed_up() -> None:
    line = "来源：汕头特区晚报　作者：特区晚报记者 许 澜　发布时间：2026-04-09 08:15"
    lines = prepare_lines(f"蓝屿镇英歌队走进校园\n{line}\n　　4月8日下午，队员们走进校园。",
                          markdown=False)
    assert [(ln.kind, ln.text) for ln in lines[1:4]] == [
        (Kind.NOISE, "来源：汕头特区晚报 作者："), (Kind.BYLINE, "特区晚报记者许澜"),
        (Kind.NOISE, "发布时间：2026-04-09 08:15")]


def test_spaced_letters_alone_under_a_finished_sentence_sign_it() -> None:
    text = "工作日8:30至17:00开放。\n马 奔\n\n江 晓\n新闻"
    kinds = [ln.kind for ln in prepare_lines(text, markdown=False)]
    assert kinds[:3] == [Kind.TEXT, Kind.SIGNATURE, Kind.BLANK]
    assert kinds[3] is not Kind.SIGNATURE  # no finished sentence above it


def test_a_caption_s_credit_by_a_paper_s_short_name_wrapped_before_its_shot() -> None:
    lines = prepare_lines("温回升，步道两侧的早樱\n进入盛花期。 晚报记者 陆 川\n摄", markdown=False)
    assert [(ln.kind, ln.text) for ln in lines[1:]] == [
        (Kind.TEXT, "进入盛花期。"), (Kind.CREDIT, "晚报记者陆川摄")]


@pytest.mark.parametrize("text", ["全场镜架八折 地址：菱塘路66号",
                                  "责任编辑徐岚 | 美编许晴 | 校对王蕾"])
def test_a_shop_s_sale_and_editors_parted_by_spaced_bars_are_furniture(text: str) -> None:
    assert kind_of(text)[0] == "noise"
    assert kind_of("商场全场八折销售，地址在路口。")[0] == "text"


def test_a_lettered_label_is_a_kicker() -> None:
    assert is_kicker("A 便民") and is_kicker("B征集")
    assert not is_kicker("A03版") and not is_kicker("B超检查免费")


@pytest.mark.parametrize(("text", "reason"), [
    ("海宁日报电子报 订报热线87239916", "masthead"),
    ("版面导航：01要闻 | 02要闻 | 03民生 | 04潮乡", "page header"),
    ("07版:文润潍坊 凡人微光", "page header"),
    ("时间：2026-03-14 A+ A- 举报", "page header"),
    ("主办单位：海门日报社", "masthead"),
    ("这已经是最后一期了哦！", "page header"),  # an e-paper reader's notice and its button
    ("我知道了", "page header"),
    ("……………………", "rule"),
    ("杜明阳 制图", "chart credit"),  # the chart itself is not in the text
])
def test_furniture_of_web_views_and_county_dailies(text: str, reason: str) -> None:
    assert kind_of(text) == ("noise", reason)


@pytest.mark.parametrize("text", ["我知道了他的难处。", "这已经是第三次了。", "……"])
def test_sentences_like_that_furniture_stay_text(text: str) -> None:
    assert kind_of(text)[0] == "text"


def test_an_e_paper_bullet_before_a_quoted_title_is_dropped() -> None:
    assert classify(1, "•“老楼长”的新任务", markdown=False).text == "“老楼长”的新任务"


@pytest.mark.parametrize(("line", "title"), [
    ("今年春运全国铁路发送旅客再创新高   据新华社北京3月11日电 记者从有关部门获悉，春运平稳。",
     "今年春运全国铁路发送旅客再创新高"),
    ("家门口的托育点怎么收费？   问：普惠托育点收费标准是多少？", "家门口的托育点怎么收费？"),
    ("青萝路片区临时停水通知   因供水管网改造，青萝路片区将于3月14日临时停水，影响范围如下：",
     "青萝路片区临时停水通知"),
])
def test_a_title_glued_to_its_first_paragraph_by_a_wide_gap_opens_it(line: str, title: str) -> None:
    heading, lead = prepare_lines(line, markdown=False)
    assert (heading.kind, heading.text, lead.kind) == (Kind.HEADING, title, Kind.LEAD)


def test_a_deck_over_a_title_glued_to_its_text_is_the_title_s_first_line() -> None:
    lead = "3月10日，在鸢飞区风筝广场，市民趁着好天气放飞风筝，广场上热闹非凡。"
    lines = prepare_lines(f"风筝广场\n迎来放飞季   {lead}", markdown=False)
    assert (lines[0].kind, lines[0].text) == (Kind.HEADING, "风筝广场 迎来放飞季")
    kicked = prepare_lines(f"简讯\n古榕社区开展消防演练   {lead}", markdown=False)
    assert [ln.text for ln in kicked][:2] == ["简讯", "古榕社区开展消防演练"]


@pytest.mark.parametrize("text", [
    "- 发布日期：2026-03-12", "- 来源：东台日报", "千年古城，黄海之滨，欢迎访问东台报业网！",
    "版面导航：[01 要闻](node_1.htm) | [02 综合](node_2.htm) | [03 民生](node_3.htm) | "
    "[04 楚水副刊](node_4.htm)"])
def test_a_news_site_s_data_as_a_list_its_welcome_and_its_linked_pages(text: str) -> None:
    assert classify(1, text, markdown=True).kind is Kind.NOISE
    assert kind_of("欢迎大家来我们村做客！")[0] == "text"
    assert kind_of("- 港湾路快速化改造启动主线施工")[0] != "noise"


def test_a_news_site_s_summary_repeating_the_text_s_opening_is_furniture() -> None:
    opening = "天还没亮，苇港镇鹤滩村的渔民顾长海已经把船开出了港。"
    lines = prepare_lines(f"来源：东台日报\n{opening}作为村里\n本报记者 缪晴\n　　{opening}",
                          markdown=False)
    assert [(ln.kind, ln.reason) for ln in lines][1] == (Kind.NOISE, "summary")
    assert lines[-1].kind is Kind.TEXT
    rows = prepare_lines("来源：市交通局\n| 2月10日—2月16日 | G7791 | 钢湾—合肥 |\n"
                         "| 2月10日—2月16日 | G7793 | 钢湾—芜湖 |", markdown=True)
    assert all(ln.kind is not Kind.NOISE for ln in rows[1:])


def test_a_byline_in_italics_on_a_markdown_page() -> None:
    line = classify(1, "*本报记者 吴桐 整理*", markdown=True)
    assert (line.kind, line.text) == (Kind.BYLINE, "本报记者 吴桐 整理")
    assert classify(1, "*图为市民在公园散步*", markdown=True).kind is Kind.TEXT


def test_a_byline_after_the_text_wrapped_before_its_last_name() -> None:
    lines = prepare_lines("血压等服务。 本报记者 封晓彤 通讯员 \n杏青\n民生实事在基层",
                          markdown=False)
    assert [(ln.kind, ln.text.replace(" ", "")) for ln in lines][:2] == [
        (Kind.TEXT, "血压等服务。"), (Kind.BYLINE, "本报记者封晓彤通讯员杏青")]


@pytest.mark.parametrize("text", ["- 第05版：城事·社区", "福州新闻网 电脑版", "2026.3.12 星期四",
                                  "头条 福州 原创 专题 图解 福建 天下 台海 数字报"])
def test_a_site_s_menu_its_editions_and_a_page_s_dotted_date_are_furniture(text: str) -> None:
    assert classify(1, text, markdown=True).kind is Kind.NOISE
    assert kind_of("- 第一次来到这里")[0] != "noise"


def test_one_letter_before_a_colon_is_a_line_wrapped_there_not_a_label() -> None:
    assert kind_of("电：")[0] == "text"
    assert kind_of("活动安排：") == ("noise", "stray label")


def test_a_picture_s_few_words_and_its_credit_in_half_width_brackets() -> None:
    lines = prepare_lines("埔头村的春耕(陈 默 摄)", markdown=True)
    assert [(ln.kind, ln.text) for ln in lines] == [(Kind.TEXT, "埔头村的春耕"),
                                                     (Kind.CREDIT, "(陈默摄)")]


def test_a_caption_s_credit_wrapped_inside_its_last_word() -> None:
    text = "推广稻油轮作，种植面积\n扩大到3000亩。 本\n报记者 吴文清 摄影报\n道"
    lines = prepare_lines(text, markdown=False)
    assert [(ln.kind, ln.text.replace(" ", "")) for ln in lines][-2:] == [
        (Kind.TEXT, "扩大到3000亩。"), (Kind.CREDIT, "本报记者吴文清摄影报道")]


@pytest.mark.parametrize("text", ["）", "摄）", "（摄）"])
def test_a_line_that_is_only_a_closing_bracket_and_a_credit_word_stays_whole(text: str) -> None:
    assert "".join(ln.text for ln in prepare_lines(text, markdown=False)) == text


@pytest.mark.parametrize("text", ["打印  收藏本页  关闭本页",
                                  "综合新闻 -- 今日嵊州 -- 乡镇网闻 -- 国际国内 -- 嵊州专题"])
def test_a_page_s_bare_buttons_and_a_menu_parted_by_dashes_are_furniture(text: str) -> None:
    assert [ln.kind for ln in prepare_lines(text, markdown=False)] == [Kind.NOISE]
    assert kind_of("打印机坏了")[0] == "text"


@pytest.mark.parametrize(("text", "kind"), [
    ("今日桐乡记者 沈晓禾 通讯员 费宁", "byline"), ("今日桐乡记者陆一摄", "credit"),
    ("今日上午记者 王明", "text"), ("今日凌晨记者从市气象台获悉", "text")])
def test_a_county_paper_named_for_today_and_its_city_credits_its_reporters(
        text: str, kind: str) -> None:
    assert kind_of(text)[0] == kind


def test_writers_and_photographers_spelt_out_among_web_data_before_the_time() -> None:
    line = "来源:嵊州新闻网-今日嵊州 作者:文字 钱丽 俞斌 摄影 马越 2026年03月18日08:12:00"
    lines = prepare_lines(line, markdown=False)
    assert [(ln.kind, ln.text) for ln in lines][1] == (Kind.BYLINE, "文字 钱丽 俞斌 摄影 马越")


def test_who_posted_a_web_article_and_when_is_its_data_and_the_line_above_its_title() -> None:
    text = "2026年03月18日 星期三\n\n竹岭茶香浓\n自在溧阳 2026-03-18 07:30\n（上接第1版）"
    lines = prepare_lines(text, markdown=False)
    assert [(ln.kind, ln.reason) for ln in lines][2:4] == [(Kind.TEXT, ""),
                                                            (Kind.NOISE, "page header")]


def test_a_weather_box_s_forecast_with_commas_in_it_stays_in_the_box() -> None:
    text = "天气预报\n今日，南宁多云转小雨\n偏南风2~3级，18~26℃\n明日气温略降\n\n榕溪公园木棉红"
    kinds = [ln.kind for ln in prepare_lines(text, markdown=False)]
    assert kinds == [Kind.NOISE] * 4 + [Kind.BLANK, Kind.TEXT]


def test_spaced_letters_signing_a_brief_over_the_next_brief_s_bullet() -> None:
    lines = prepare_lines("划停放区 12 处。\n夏 晴\n◆近日，珠光街道开展义诊。", markdown=False)
    assert lines[1].kind is Kind.SIGNATURE


@pytest.mark.parametrize(("text", "kind"), [
    ("记者：程立新通讯员：郑雨桐", "byline"), ("本报记者：柯文", "byline"),
    ("记者：谢谢", "text"), ("记者：社区今年最想办哪几件事", "text"), ("编辑：李娟", "noise")])
def test_a_reporter_named_after_a_colon_is_a_byline_not_a_question(text: str, kind: str) -> None:
    # A web page's 记者：X 通讯员：Y; an interview's speaker is followed by words, not a name.
    assert kind_of(text)[0] == kind


def test_a_block_before_the_reporter_s_role_marks_a_byline_as_a_square_does() -> None:
    assert kind_of("█ 本报记者 钟 岚")[0] == "byline"


def test_a_site_s_welcome_with_its_owner_and_its_accounts_is_furniture() -> None:
    line = "欢迎访问今日岚州网——岚州市融媒体中心主办！ 关注微信 关注抖音"
    assert kind_of(line)[0] == "noise"
    assert kind_of("欢迎访问的游客络绎不绝——岚州市景区管理处主办的灯会今晚开幕。")[0] == "text"


def test_reporters_named_first_then_reports_and_a_colon_open_a_story() -> None:
    text = ("茶岭东站新增4对始发列车\n"
            "　　特约记者 何 朗 通讯员 戴晓婷报道：从4月1日起，茶岭东站将新增4对始发列车。\n")
    [article] = segment(text).articles
    assert (article.byline, article.body) == ("特约记者何朗通讯员 戴晓婷报道",
                                              "从4月1日起，茶岭东站将新增4对始发列车。")


def test_a_reposted_title_run_together_with_its_source_field() -> None:
    lines = prepare_lines("岚州市启动春季植树行动来源：岚州日报", markdown=False)
    assert [(ln.kind, ln.text) for ln in lines] == [(Kind.TEXT, "岚州市启动春季植树行动"),
                                                     (Kind.NOISE, "来源：岚州日报")]


def test_a_writer_signing_after_one_dash_under_the_last_sentence() -> None:
    lines = prepare_lines("让村集体和认领户都得实惠。\n—晓 言\n德安论坛", markdown=False)
    assert [ln.kind for ln in lines] == [Kind.TEXT, Kind.SIGNATURE, Kind.TEXT]


def test_a_photographer_s_credit_after_a_box_mark() -> None:
    line = classify(1, "□朱静雯 摄影报道", markdown=False)
    assert (line.kind, line.text) == (Kind.CREDIT, "朱静雯 摄影报道")


@pytest.mark.parametrize(("text", "kind"), [
    ("常山县柚岭小学四（2）班 徐可馨", "byline"), ("指导老师 林慧", "byline"),
    ("柚岭小学四（2）班开展植树活动", "text")])
def test_a_pupil_signing_an_essay_after_school_and_class_and_the_teacher_under_it(
        text: str, kind: str) -> None:
    assert kind_of(text)[0] == kind


def test_the_site_s_data_line_ending_on_the_reporters_gives_the_byline() -> None:
    text = ("岩前村老屋里住进“城里客”\n"
            "2026年03月13日 08:30:00   来源:岚州报 记者 吴敏 通讯员 许晓\n\n"
            "　　寻一处山水，品一碗农家饭。3月9日，岩前村的“山居小院”开门迎客。\n")
    lines = prepare_lines(text, markdown=False)
    assert [(ln.kind, ln.text) for ln in lines][1:3] == [
        (Kind.NOISE, "2026年03月13日08:30:00 来源:岚州报"), (Kind.BYLINE, "记者 吴敏 通讯员 许晓")]


def test_a_byline_set_as_a_markdown_heading() -> None:
    assert classify(1, "## 记者 叶晓岚", markdown=True).kind is Kind.BYLINE
    assert classify(1, "## 记者手记", markdown=True).kind is Kind.SUBHEADING


def test_a_story_taken_from_a_province_s_news_app_names_it_after_the_text() -> None:
    assert kind_of("据浙江新闻客户端")[0] == "signature"


@pytest.mark.parametrize("text", ["点击查看全文", "查看全文", "阅读全文",
                                  "2025-05-08 17:20:41 岚州发布 浏览量:", "来源:本网原创"])
def test_a_news_site_s_links_to_the_whole_story_and_its_data_are_furniture(text: str) -> None:
    assert kind_of(text)[0] == "noise"


def test_a_caption_with_its_credit_a_wide_gap_after_it_is_a_caption_not_a_title() -> None:
    lines = prepare_lines("5月6日，骑行爱好者在环湖骑行道杉溪段骑行    晓峰 摄", markdown=False)
    assert [(ln.kind, ln.text) for ln in lines] == [
        (Kind.TEXT, "5月6日，骑行爱好者在环湖骑行道杉溪段骑行"), (Kind.CREDIT, "晓峰 摄")]


def test_a_lower_ranked_heading_right_over_a_heading_is_its_kicker() -> None:
    page = "### 江湾街道：\n## 老旧小区换新颜\n\n走进桃林社区，新刷的外墙让人眼前一亮。"
    lines = prepare_lines(page, markdown=True)
    assert [ln.kind for ln in lines][:2] == [Kind.SUBHEADING, Kind.HEADING]


def test_a_heading_cut_after_a_particle_goes_on_on_the_line_under_it() -> None:
    page = "# 关于端午期间江滨路实行交通管制的\n通告\n\n端午期间，江滨路实行交通管制。"
    lines = prepare_lines(page, markdown=True)
    assert (lines[0].kind, lines[0].text) == (Kind.HEADING, "关于端午期间江滨路实行交通管制的通告")


def test_a_picture_story_s_credit_to_who_wrote_and_photographed_it() -> None:
    assert kind_of("齐立军 记者邢楠 图文报道")[0] == "credit"


@pytest.mark.parametrize(("text", "reason"), [
    ("今日长垣 | 2026年03月12日 | 第08版：综合", "page header"),
    ("今日长垣数字报  主办：长垣市融媒体中心", "masthead"), ("电话：0373-8812345", "masthead"),
    ("岚州日报社广告部 承接各类广告", "advertisement")])
def test_a_paper_s_header_and_foot_set_with_bars_or_alone(text: str, reason: str) -> None:
    assert kind_of(text) == ("noise", reason)
    assert kind_of("电话：0373-8812345，欢迎市民来电咨询。")[0] == "text"


def test_an_e_paper_s_date_and_issue_number_alone_are_its_masthead() -> None:
    assert kind_of("2025年11月14日 第4127期") == ("noise", "masthead")


def test_who_built_the_site_at_its_foot_is_furniture() -> None:
    assert kind_of("技术支持：岚州市融媒体中心网络部") == ("noise", "masthead")
    assert kind_of("技术支持：市农业局专家现场指导，农户受益。")[0] == "text"


def test_a_breadcrumb_that_spells_out_where_you_are_is_furniture() -> None:
    line = "您当前所在的位置：今日岚州网 >> 电子报 >> 第02版：综合新闻"
    assert kind_of(line) == ("noise", "page header")


def test_a_party_paper_s_line_with_the_issue_s_number_beside_it_is_its_masthead() -> None:
    assert kind_of("中共岚州市委机关报　第5120期") == ("noise", "masthead")
    assert kind_of("中共岚州市委主办 总第8012期") == ("noise", "masthead")


def test_a_web_item_s_font_size_controls_in_brackets_are_its_header() -> None:
    assert kind_of("【字体：大 中 小】　分享到：") == ("noise", "page header")
    assert kind_of("【字号：大 中 小】") == ("noise", "page header")


@pytest.mark.parametrize(("text", "office"), [
    ("给1300余名学生上了一堂防溺水安全课。", "（岚溪镇宣传办）"),
    ("每期限20人。", "（青塘社区供稿）"),
    ("感谢您对城市管理工作的监督。", "（县城市管理和综合执法局）")])  # a bureau's reply
def test_a_town_office_or_community_in_brackets_after_the_last_sentence_signs_a_brief(
        text: str, office: str) -> None:
    lines = prepare_lines(text + office, markdown=False)
    assert [(ln.kind, ln.text) for ln in lines] == [(Kind.TEXT, text), (Kind.SIGNATURE, office)]


def test_a_bureaus_signature_wrapped_at_its_bracket_under_its_reply() -> None:
    text = "复。感谢您对城市管理工作的监督。（县城\n市管理和综合执法局）"
    lines = prepare_lines(text, markdown=False)
    assert (lines[-1].kind, lines[-1].text) == (Kind.SIGNATURE, "（县城市管理和综合执法局）")


def test_a_label_before_a_bar_like_character_is_the_title_s_kicker() -> None:
    line = "对话基层丨桃湾村党支部书记马国庆：让每块田都多“长”一份效益"
    assert [(ln.kind, ln.text) for ln in prepare_lines(line, markdown=False)] == [
        (Kind.TEXT, "对话基层"), (Kind.TEXT, "桃湾村党支部书记马国庆：让每块田都多“长”一份效益")]


def test_an_index_teaser_s_page_split_off_its_bulleted_title_stays_the_index_s() -> None:
    text = "\n".join(["本期导读", "■ 羊肚菌的“山林经” 第三版", "■ 一季度全市消费市场回暖 第二版",
                      "", "山城观察"])
    index = [ln for ln in prepare_lines(text, markdown=False) if ln.no == 3]
    assert [(ln.kind, ln.text) for ln in index] == [
        (Kind.NOISE, "一季度全市消费市场回暖"), (Kind.NOISE, "第二版")]


def test_who_painted_or_wrote_a_work_after_a_space_is_its_credit() -> None:
    assert kind_of("朱文涛 作") == ("credit", "")
    assert kind_of("林 默 书") == ("credit", "")
    assert kind_of("他写了一本书")[0] == "text"


def test_a_speaker_named_by_address_is_no_letter_s_writer() -> None:
    assert kind_of("县第二实验小学 家长 蒲思雨") == ("signature", "")
    assert kind_of("钢湾区翠屏社区居民 吴阿姨")[0] == "text"


def test_a_note_on_the_page_s_pictures_is_furniture() -> None:
    assert kind_of("本版图片由作者提供") == ("noise", "page header")
    assert kind_of("本版图片均为资料图片") == ("noise", "page header")


def test_a_page_s_number_under_its_date_section_and_editors_is_furniture() -> None:
    text = "\n".join(["2026年3月24日 星期二", "综合", "责任编辑：黄 蕾 版式：陈 晨", "02", "",
                      "（上接第1版）", "企业走出去。今年，园区还计划新增2处海外仓。"])
    [number] = [ln for ln in prepare_lines(text, markdown=False) if ln.text == "02"]
    assert (number.kind, number.reason) == (Kind.NOISE, "page header")


def test_a_paper_s_app_that_publishes_the_page_too_is_its_masthead() -> None:
    assert kind_of("洞口融媒APP同步发布") == ("noise", "masthead")


@pytest.mark.parametrize(("text", "kind"), [
    ("【湄水评论】别让小水窖成了“摆设”", Kind.TEXT),  # a column's name, then a title
    ("【县城新增200个充电桩】近日，8处停车场的充电桩投入使用。", Kind.LEAD),  # a brief's title
    ("【溆水评论】夜校办起来不难，难的是办下去。", Kind.LEAD),  # …and a sentence after the label
])
def test_a_column_s_name_in_brackets_before_a_title_is_a_headline(text: str, kind: Kind) -> None:
    assert classify(1, text, markdown=False).kind is kind


def test_a_web_commentary_titled_after_its_column_s_bracketed_name() -> None:
    text = "\n".join([
        "【湄水评论】别让小水窖成了“摆设”",
        "来源：双峰县融媒体中心  作者：肖 岳  发布时间：2025-05-12 17:02:19", "",
        "　　一口水窖花钱不多，管用却要靠长久。建成以后没人清淤、没人检修，就成了“摆设”。",
        "", "　　水利设施，三分建、七分管。把管护责任落到人头，小水窖才能真正成为“保命水”。",
        "", "文/肖 岳", ""])
    [piece] = segment(text).articles
    assert (piece.kicker, piece.title) == ("湄水评论", "别让小水窖成了“摆设”")
    assert piece.byline == "文/肖 岳"


@pytest.mark.parametrize("text", ["第3版体育·文化", "第 4 版 公告·服务"])
def test_a_page_number_and_a_dotted_section_name_is_the_page_header(text: str) -> None:
    line = classify(1, text, markdown=False)
    assert (line.kind, line.reason) == (Kind.NOISE, "page header")


@pytest.mark.parametrize("top", ["今日桂阳 4 综合", "今日卢氏 2"])
def test_a_county_paper_s_name_and_page_number_atop_the_page_are_furniture(top: str) -> None:
    text = "\n".join([top, "2026年3月26日 星期四", "", "石墨新材料产业园首批企业投产",
                      "本报讯（记者 雷鸣）3月25日，石墨新材料产业园首批3家企业投产。", ""])
    [story] = segment(text).articles
    assert (story.kicker, story.title) == (None, "石墨新材料产业园首批企业投产")
