"""Word lists the extractor decides with: surnames, titles, place and organisation endings.

jieba's dictionary tags many ordinary words as person names (文明, 阳光 and 高峰 are nr)
and some city names as persons or nouns (许昌 nr, 焦作 n), so its tags alone are not
evidence enough. These lists carry the rest: what a name looks like (a surname first),
what stands next to one in a newspaper (a title before it, 说 or 表示 after it), what
a place or an organisation ends with, and which place words name no particular place.
"""

from __future__ import annotations

# Common single-character surnames: a person candidate must start with one (or with a
# two-character surname below). Rare surnames that are also common word starts (古, 明,
# 花, 青, 老, 小, 阿…) are left out on purpose: they start far more words than names.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章"
    "鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉"
    "骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦"
    "戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄"
    "丛仲虞敖巩明佘池查麻苑迟邝代"
) - frozenset("古明和时")
COMPOUND_SURNAMES = frozenset({
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "公孙", "慕容", "尉迟", "长孙",
    "宇文", "夏侯", "司徒", "端木", "澹台", "轩辕", "独孤", "南宫", "西门",
})

# Characters that never stand in a Chinese given name as printed in news text: words
# of grammar, units, and the endings of places and institutions. A candidate holding
# one is a phrase that jieba's unknown-word model glued together (张三说, 王村).
NOT_IN_NAMES = frozenset(
    "的了是在和与及等对为将把被这那个们中上下年日时分号市县区镇乡村省街路局委会厅部"
    "院所站队团组说讲称表指也都就从向到给让有无不没很更最又再已曾还被某些之其此各每该"
    "本全总共同并且而或若如因由以于至据按经通过第几多少亿万千零"
    "元吨米斤亩户人家次名位项条件种类点率摄店铺"
)

# Words printed right before a name: titles, roles, kinship terms. 市长张三 is
# segmented 市长/张三, so the word before a candidate is looked up here.
TITLES = frozenset({
    "书记", "副书记", "市长", "副市长", "县长", "副县长", "区长", "副区长", "镇长", "乡长",
    "村长", "省长", "副省长", "主任", "副主任", "局长", "副局长", "处长", "科长", "厅长",
    "部长", "院长", "副院长", "校长", "副校长", "所长", "站长", "馆长", "行长", "董事长",
    "总经理", "经理", "主席", "副主席", "委员", "常委", "代表", "记者", "通讯员", "实习生",
    "编辑", "教授", "医生", "老师", "教师", "民警", "警官", "法官", "检察官", "律师", "同志",
    "队长", "班长", "厂长", "总裁", "负责人", "主持人", "演员", "运动员", "志愿者",
    "工程师", "专家", "研究员", "博士", "会长", "秘书长", "支书", "组长", "社长", "主编",
    "总编辑", "网格员", "护士", "医师", "村民", "居民", "市民", "党员", "干部", "老人",
    "大爷", "大妈", "阿姨", "师傅", "创始人", "作者", "画家", "书法家", "作家", "诗人",
    "冠军", "选手", "教练", "农民", "老板", "店主", "户主", "司机", "职工", "员工", "学生",
    "学者", "院士", "首席", "监事", "理事长", "政委", "指导员", "战士", "烈士", "模范",
    "市委书记", "县委书记", "区委书记", "党委书记", "党支部书记", "第一书记", "镇党委书记",
    "副总经理", "董事", "总监", "审判长", "检察长", "庭长", "参赞", "大使", "总理", "主任委员",
    "摄影", "摄", "传承人", "传人", "报道员", "特约记者", "见习记者", "文", "图",
})

# Words printed right after a name in news text.
AFTER_NAME = frozenset({
    "说", "表示", "介绍", "指出", "强调", "认为", "告诉", "称", "说道", "坦言", "回忆",
    "笑", "笑着", "同志", "先生", "女士", "一行", "等人", "主持", "出席", "参加", "调研",
    "讲话", "要求", "提出", "带领", "率", "率队", "宣布", "致辞", "发言", "回答", "希望",
    "老人", "书记", "市长", "县长", "主任", "局长", "院长", "校长", "一家", "夫妇", "告诉记者",
    "补充", "解释", "透露", "感慨", "建议", "深有感触", "分析", "看到", "来到", "走进",
})

# Words that end an administrative place; a place word followed by one of them is one
# place (建安 + 区 → 建安区), and a 2-4 character unknown word ending in one is a place.
PLACE_SUFFIXES = ("省", "市", "县", "区", "镇", "乡", "村", "街道", "社区", "自治州", "自治县",
                  "自治区", "州", "盟", "旗")
# Of these, the endings that may be taken off to name the same place shorter: 许昌市 and
# 许昌 are one place, 河南省 and 河南 too. 襄城县 and 襄城 may not be (襄城区 is elsewhere).
SHORTENED = ("省", "市")

# Place words that name no particular place, or one so broad that a page of it would
# hold most of the archive.
GENERIC_PLACES = frozenset({
    "中国", "我国", "全国", "全省", "全市", "全县", "全区", "全镇", "全乡", "全村", "国内", "国外",
    "海外", "境内", "境外", "各地", "当地", "本地", "外地", "异地", "城乡", "农村", "城区",
    "市区", "县城", "城市", "乡村", "本市", "本省", "该市", "该县", "该区", "该镇", "该村",
    "中华", "神州", "祖国", "内地", "沿海", "东部", "西部", "中部", "南方", "北方", "全球",
    "世界", "亚洲", "国际", "中央", "地方", "基层", "一线", "社区", "街道", "乡镇", "市里",
    "县里", "省里", "村里", "镇里", "天下", "华夏", "东方", "西方", "中原", "江南", "江北",
    "国家", "地区", "全世界", "各国", "外国", "大陆",
})
# Characters a place's name does not hold before its ending (the 到 of 到乡, the 各 of 各村).
FUNCTION_CHARS = frozenset("的了是在和与及等对为将把被这那个们我你他她其该各本全每到从向往"
                           "进出回去来里外内中上下一二三四五六七八九十几多")
# What follows a surname when it is not a name: 苏大爷, 王阿姨, 李师傅.
NOT_GIVEN = frozenset({
    "大爷", "大妈", "大娘", "大叔", "大姐", "大哥", "阿姨", "师傅", "老师", "奶奶", "爷爷",
    "先生", "女士", "老太", "老汉", "老人", "某某", "总", "姐", "哥", "叔", "婶", "伯", "嫂",
    "书记", "主任", "局长", "经理", "队长", "科长", "处长", "院长", "校长", "村长", "医生",
    "警官", "同学", "教授", "小姐", "家", "家人", "氏", "姓",
})

# Endings of an organisation's name. A run of words that starts with a place or an
# organisation and ends with one of these is an organisation (许昌市 + 教育局).
ORG_SUFFIXES = (
    "委员会", "常委会", "人民政府", "政府", "办公室", "办事处", "公司", "集团", "医院", "卫生院",
    "学校", "大学", "学院", "中学", "小学", "幼儿园", "法院", "检察院", "银行", "支行", "分行",
    "协会", "学会", "商会", "联合会", "基金会", "研究院", "研究所", "研究中心", "中心", "政协",
    "纪委", "监委", "党委", "团委", "妇联", "工会", "总工会", "派出所", "公安局", "合作社",
    "报社", "日报社", "电视台", "广播电台", "出版社", "博物馆", "图书馆", "纪念馆", "体育馆",
    "管理局", "管理处", "管理站", "供电公司", "有限公司", "股份有限公司", "厂", "局", "厅",
    "委", "署", "所", "站", "科学院", "设计院", "艺术馆", "文化馆", "军分区", "公安部",
    "消防救援支队", "支队",
    "大队", "中队", "组织部", "宣传部", "统战部", "农商银行", "海关", "指挥部", "中院",
)
# Organisation names too short or too general to stand alone (which city's 市委?).
GENERIC_ORGS = frozenset({
    "市委", "市政府", "县委", "县政府", "区委", "区政府", "省委", "省政府", "党委", "政府",
    "镇政府", "乡政府", "村委", "村委会", "居委会", "党支部", "支部", "人大", "政协",
    "纪委", "监委", "公司", "集团", "医院", "学校", "法院", "检察院", "银行", "中心", "协会",
    "人民政府", "委员会", "办公室", "本报", "记者站", "有关部门", "相关部门", "各级党委",
    "党中央", "中央", "组织部", "宣传部", "公安局", "派出所", "教育局", "财政局", "党组织",
    "人大常委会", "人民检察院", "人民法院", "中级人民法院", "常委会", "党组", "国家集训队",
})
# Organisations of the whole country that jieba knows by name (tagged nt) and that a
# reader recognises without a place in front.
NATIONAL_ORGS = frozenset({
    "新华社", "国务院", "中共中央", "全国人大", "全国政协", "最高人民法院", "最高人民检察院",
    "中央军委", "国家统计局", "国家发展改革委", "人民日报社", "中央电视台", "中国科学院",
    "中国工程院", "中国社会科学院", "外交部", "公安部", "教育部", "财政部", "商务部",
    "国家卫生健康委员会", "中央纪委", "国家监委", "中国人民银行", "全国总工会", "共青团中央",
    "中国人民解放军", "中国红十字会", "中国作家协会", "国家电网",
})
# Words that start an organisation's name without being a place (国网焦作供电公司).
ORG_PREFIXES = frozenset({"国网", "中国", "中共", "国家", "中铁", "中建", "中国共产党"})
# Bodies inside an organisation that a name does not run on into (许昌学院党委书记 is
# 许昌学院's secretary, not the organisation 许昌学院党委).
SUB_BODIES = frozenset({"党委", "党组", "团委", "纪委", "工会", "党支部", "党总支", "支部"})
# Words that, before 区/村/镇…, make a kind of area, not a named place (示范区, 贫困村).
NOT_PLACE_HEADS = frozenset({
    "示范", "贫困", "试点", "重点", "美丽", "文明", "先进", "城中", "行政", "自然", "中心",
    "特色", "开发", "高新", "工业", "产业", "经济", "保税", "风景", "旅游", "老城", "新城",
    "社区", "农村", "城乡", "城市", "全市", "全县", "全区", "全镇", "全乡", "全村", "各",
    "商业", "生活", "居住", "核心", "主城", "郊区", "市区", "城区", "边远", "偏远", "山区",
    "林区", "矿区", "灾区", "景区", "园区", "片区", "辖区", "校区", "新区", "老区", "民族",
    "产粮", "农业", "人口", "劳务", "养殖", "畜牧", "文化", "体育", "百强", "强", "大", "郊",
    "少数民族", "红色", "历史", "传统", "生态", "移民", "搬迁", "安置", "集镇", "小城",
})
# A character glued to a name by jieba's unknown-word model that is itself a sign of a
# person (汪明率…, 张三说): the name is the rest.
SPEECH_GLUE = frozenset("说称讲率等")
# Surnames that are far more often a preposition or a conjunction (向群众, 于是): they
# start a name only after a title (书记向东).
PREPOSITION_SURNAMES = frozenset("向于和从对将把为与同经跟")

# Keywords: words of these dictionary tags are candidates (nouns, verbal nouns, names
# of things: not idioms or abbreviations, l i j, which are mostly phrases of praise),
# and words of this list never are (they carry no topic).
KEYWORD_TAGS = frozenset({"n", "nz", "vn"})
# Parts of a byline in any word (本报记者, 特约通讯员): credits, not topics.
CREDIT_PARTS = ("记者", "通讯员", "本报", "编辑", "摄影", "评论员")
# First characters of two-character words that say what something is like, not what it
# is, though jieba's dictionary tags some of them nouns (有力, 有度, 无私, 不足).
PREDICATE_HEADS = frozenset("有无没不很最更非")
# A grammatical character glued to a verb of speech is a fragment of a sentence
# (……时说, 就说), though jieba's dictionary lists 时说 as a noun.
FRAGMENT_HEADS = frozenset("时的了是在和与就也都又还再才却便并而")
SPEECH_ENDS = frozenset("说讲称道")
NOT_KEYWORDS = frozenset({
    "记者", "通讯员", "本报", "本报讯", "工作", "问题", "情况", "方面", "进行", "开展", "活动",
    "时间", "目前", "近日", "日前", "今年", "去年", "明年", "同时", "其中", "以来", "一个",
    "我们", "他们", "大家", "自己", "群众", "人员", "单位", "部门", "领导", "同志", "全市",
    "全县", "全区", "全省", "全国", "我市", "我县", "我区", "我省", "我国", "有关", "相关",
    "要求", "表示", "介绍", "说", "地方", "企业", "发展", "建设", "服务", "管理", "方式",
    "措施", "重点", "力度", "水平", "能力", "作用", "意见", "基础", "过程", "期间", "部分",
    "实际", "一是", "二是", "三是", "四是", "五是", "负责人", "责任编辑", "编辑", "图片",
})

# Provinces and the larger cities of China, as places: jieba's dictionary tags some of
# them as persons or nouns (许昌 nr, 焦作 n). A site adds its own towns and villages in
# its entity dictionary (see config.py).
_PLACE_LIST = """
美国 日本 韩国 朝鲜 俄罗斯 英国 法国 德国 意大利 西班牙 加拿大 澳大利亚 新西兰 印度 越南 泰国
老挝 柬埔寨 缅甸 新加坡 马来西亚 印度尼西亚 菲律宾 巴基斯坦 蒙古 哈萨克斯坦 巴西 阿根廷 墨西哥
埃及 南非 尼日利亚 肯尼亚 埃塞俄比亚 荷兰 比利时 瑞士 瑞典 挪威 芬兰 丹麦 波兰 希腊 土耳其 伊朗
沙特阿拉伯 以色列 乌克兰 白俄罗斯 葡萄牙 奥地利 匈牙利 捷克 欧洲 亚洲 非洲 东南亚 拉丁美洲
北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南
广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门
石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 太原 阳泉 晋城 朔州
晋中 运城 忻州 临汾 吕梁 呼和浩特 包头 鄂尔多斯 赤峰 沈阳 大连 鞍山 抚顺 本溪 丹东 锦州
营口 阜新 辽阳 盘锦 铁岭 葫芦岛 长春 吉林 四平 通化 松原 延边 哈尔滨 齐齐哈尔
牡丹江 佳木斯 南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁
杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 合肥 芜湖 蚌埠 淮南 马鞍山 淮北
铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城 福州 厦门 莆田 三明 泉州 漳州 南平 龙岩
宁德 南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶 济南 青岛 淄博 枣庄 东营
烟台 潍坊 济宁 泰安 威海 临沂 德州 聊城 滨州 菏泽 郑州 开封 洛阳 平顶山 安阳 鹤壁
新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 济源 武汉 黄石 十堰 宜昌 襄阳
鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施 长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳
郴州 永州 怀化 娄底 湘西 广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 肇庆 惠州 梅州 汕尾
河源 阳江 清远 东莞 潮州 揭阳 云浮 南宁 柳州 桂林 梧州 北海 钦州 贵港 玉林 百色
河池 海口 三亚 成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安
达州 雅安 巴中 资阳 贵阳 六盘水 遵义 安顺 毕节 铜仁 昆明 曲靖 玉溪 保山 昭通 丽江
临沧 大理 拉萨 西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 商洛 兰州 嘉峪关 金昌
天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 西宁 银川 石嘴山 固原 中卫 乌鲁木齐 克拉玛依
吐鲁番 哈密 喀什 伊犁 阿克苏 和田
禹州 长葛 鄢陵 襄城 魏都 建安 武陟 温县 修武 沁阳 孟州 山阳 马村 舞钢
汝州 巩义 登封 新郑 新密 荥阳 中牟 偃师 孟津 新安 栾川 嵩县 汝阳 宜阳 洛宁 伊川 兰考 杞县
通许 林州 滑县 内黄 汤阴 浚县 淇县 卫辉 辉县 长垣 获嘉 原阳 延津 封丘 清丰 南乐 范县
临颍 舞阳 郾城 召陵 义马 灵宝 渑池 邓州 南召 方城 西峡 镇平 内乡 淅川 社旗 唐河
新野 桐柏 永城 睢县 宁陵 柘城 虞城 夏邑 固始 潢川 淮滨 息县 新县 光山 罗山 项城
扶沟 西华 商水 沈丘 郸城 淮阳 太康 鹿邑 确山 泌阳 汝南 遂平 西平 上蔡 平舆 正阳 新蔡
"""
KNOWN_PLACES = frozenset(_PLACE_LIST.split())
