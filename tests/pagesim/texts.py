"""Article material for the page simulator: invented Chinese news text, made from pools.

Everything here was written for the simulator (no text is copied from the sample pages,
the answer keys or the held-out pages), so a page made from it tests the segmenter on
material it has never seen. Place names are invented from syllable pools, so hundreds of
pages do not repeat; sentences are templates with slots ({county}, {person}, {n1} …).

``make_article(rng, kind, ctx)`` returns an ``ArticleRecord``: the article as the paper
prints it, before any layout (wrapping, fake-bold, column breaks) is applied.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

# ---------------------------------------------------------------------------------------
# Pools of names
# ---------------------------------------------------------------------------------------

PLACE_A = "柳桐榆澄岚沁溪枫槐棠栗茗杞渠禾苇淇汶峪樟楠蓉芷荷莲岑涧湄澜璧琼珂瑶"
PLACE_B = "河川阳安平源宁丰泉山城水陵台原林湖塘冈桥庄坪湾滨州"
SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余"
    "杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱江尹薛闫段雷侯龙"
    "史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建波宁斌宇浩凯健俊帆"
    "帅旭晨阳瑞琳雪梅倩颖璐蕾岩晓欣悦炜钰珂铭昊楠峰岚博立新志国庆振海跃"
)
INDUSTRIES = ["机械制造", "食品", "新材料", "纺织", "电子科技", "农业科技", "物流", "建材",
              "光电", "医药", "汽车零部件", "智能装备", "环保科技", "服饰", "农产品加工"]
CROPS = ["小麦", "玉米", "花生", "大豆", "红薯", "辣椒", "大蒜", "食用菌", "葡萄", "猕猴桃",
         "山药", "艾草", "金银花", "草莓", "茶叶"]
SPORTS = ["篮球", "乒乓球", "羽毛球", "田径", "游泳", "足球", "排球", "象棋", "拔河", "太极拳"]
WEATHER = ["多云", "晴", "阴", "小雨", "多云转晴", "晴转多云", "阵雨转多云", "阴转小雨"]
WINDS = ["东风", "南风", "西北风", "东南风", "北风", "西南风"]
SECTIONS = ["要闻", "区县新闻", "综合新闻", "民生", "经济", "文化", "体育", "法治", "教育",
            "农村", "读者之声", "城事", "健康", "副刊", "时评"]
SECTION_PINYIN = {"要闻": "YAOWEN", "区县新闻": "QUXIAN XINWEN", "综合新闻": "ZONGHE XINWEN",
                  "民生": "MINSHENG", "经济": "JINGJI", "文化": "WENHUA", "体育": "TIYU",
                  "法治": "FAZHI", "教育": "JIAOYU", "农村": "NONGCUN",
                  "读者之声": "DUZHE ZHISHENG",
                  "城事": "CHENGSHI", "健康": "JIANKANG", "副刊": "FUKAN", "时评": "SHIPING"}
CN_NUM = "零一二三四五六七八九十"


def cn_number(n: int) -> str:
    """1..99 as Chinese numerals (一, 十二, 二十三), for 第X版 and list markers."""
    if n <= 10:
        return CN_NUM[n]
    tens, units = divmod(n, 10)
    return (CN_NUM[tens] if tens > 1 else "") + "十" + (CN_NUM[units] if units else "")


def person(rng: random.Random) -> str:
    """An invented two- or three-character name."""
    n = 1 if rng.random() < 0.35 else 2
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(n))


def place(rng: random.Random) -> str:
    return rng.choice(PLACE_A) + rng.choice(PLACE_B)


# Units by topic: the bureau that would run such a story.
BUREAUS = {
    "agriculture": ["市农业农村局", "市林业局", "市水利局", "市供销合作社"],
    "industry": ["市工业和信息化局", "市发展改革委", "市科技局", "市商务局"],
    "education": ["市教育局", "市教育体育局", "市科协"],
    "health": ["市卫生健康委", "市疾控中心", "市医疗保障局"],
    "culture": ["市文化广电和旅游局", "市文物局", "市图书馆", "市文联"],
    "sports": ["市体育局", "市体育总会", "市全民健身中心"],
    "law": ["市公安局", "市人民法院", "市司法局", "市人民检察院"],
    "transport": ["市交通运输局", "市公路事业发展中心", "市公交集团"],
    "weather": ["市气象局", "市应急管理局", "市防汛抗旱指挥部办公室"],
    "livelihood": ["市民政局", "市人力资源和社会保障局", "市住房和城乡建设局", "市城市管理局"],
    "environment": ["市生态环境局", "市自然资源和规划局", "市园林绿化中心"],
    "commerce": ["市市场监督管理局", "市商务局", "市消费者协会"],
}
TOPICS = list(BUREAUS)
OFFICIAL = ["局长", "党组书记、局长", "副局长", "主任", "负责人", "相关负责人", "站长", "科长"]
LEADER_ROLE = ["市委书记", "市长", "市委副书记", "副市长", "市委常委、副市长", "市政协主席",
               "市人大常委会主任", "市委常委、秘书长"]


@dataclass
class Ctx:
    """Per-page context: the invented city's names, the page date, sentences already used."""

    rng: random.Random
    year: int
    month: int
    day: int
    city: str
    paper: str
    used: set[str] = field(default_factory=set)

    def slots(self, topic: str) -> dict[str, str]:
        """Fresh slot values for one sentence."""
        r = self.rng
        day = max(1, self.day - r.randint(0, 6))
        town_a = place(r)
        return {
            "city": self.city,
            "county": place(r) + r.choice(["县", "县", "市", "区"]),
            "town": town_a + r.choice(["镇", "乡", "街道"]),
            "village": place(r) + r.choice(["村", "村", "庄村"]),
            "community": place(r) + "社区",
            "street": place(r) + r.choice(["路", "大道", "街"]),
            "company": place(r) + r.choice(INDUSTRIES) + r.choice(["有限公司", "股份有限公司"]),
            "school": place(r) + r.choice(["实验小学", "第二中学", "第一高级中学", "职业技术学院",
                                           "第三初级中学"]),
            "hospital": r.choice(["市中心医院", "市第二人民医院", "市中医院",
                                  place(r) + "县人民医院", "市妇幼保健院"]),
            "bureau": r.choice(BUREAUS[topic]),
            "person": person(r),
            "person2": person(r),
            "official": r.choice(OFFICIAL),
            "leader": r.choice(LEADER_ROLE),
            "crop": r.choice(CROPS),
            "sport": r.choice(SPORTS),
            "n1": str(r.randint(3, 98)),
            "mon": str(r.randint(2, 11)),
            "n2": str(r.randint(100, 9800)),
            "n3": f"{r.randint(1, 60)}.{r.randint(1, 9)}",
            "pct": f"{r.randint(2, 40)}.{r.randint(0, 9)}%",
            "md": f"{self.month}月{day}日",
            "month": str(self.month),
            "year": str(self.year),
            "weather": r.choice(WEATHER),
            "wind": r.choice(WINDS),
            "t1": str(r.randint(-5, 18)),
            "t2": str(r.randint(19, 36)),
        }

    def fill(self, template: str, topic: str, slots: dict[str, str] | None = None) -> str:
        return template.format(**(slots or self.slots(topic)))


# ---------------------------------------------------------------------------------------
# Sentences by topic (written for the simulator)
# ---------------------------------------------------------------------------------------

LEADS = {
    "agriculture": [
        "{md}，记者走进{county}{town}{village}，只见连片的{crop}田里一派繁忙景象。",
        "{md}，{county}召开{crop}产业发展推进会，总结前期工作，部署下一阶段任务。",
        "眼下正值{crop}管护关键期，{town}组织农技人员深入田间地头开展技术指导。",
    ],
    "industry": [
        "{md}，{company}新建的智能化生产线正式投产，首批产品顺利下线。",
        "{md}，记者从{bureau}获悉，今年前{mon}个月，全市规模以上工业增加值同比增长{pct}。",
        "走进{company}的生产车间，机械臂上下翻飞，自动化设备有序运转。",
    ],
    "education": [
        "{md}，{school}举行校园科技节开幕式，{n2}余名师生参加活动。",
        "{md}，记者从{bureau}了解到，今年我市新建、改扩建中小学{n1}所，新增学位{n2}个。",
        "清晨七点半，{school}的校门口，家长们有序排队送孩子入校。",
    ],
    "health": [
        "{md}，{hospital}组织{n1}名医护人员来到{town}，为群众开展义诊活动。",
        "{md}，记者从{bureau}获悉，全市已建成基层医疗卫生机构{n2}个。",
        "“医生，我这血压最近总不稳定。”在{community}卫生服务站，居民{person}向家庭医生咨询。",
    ],
    "culture": [
        "{md}晚，{county}文化广场灯火辉煌，一场群众文艺汇演在这里精彩上演。",
        "{md}，“书香{city}”全民阅读活动在市图书馆启动，{n2}余名读者参加。",
        "走进{village}的乡村文化大院，锣鼓声、欢笑声此起彼伏。",
    ],
    "sports": [
        "{md}，{city}市第{n1}届全民健身运动会{sport}比赛在市体育中心开赛。",
        "{md}，{county}举办“{sport}进社区”全民健身系列活动，吸引{n2}余名群众参与。",
        "随着一声哨响，{school}代表队与{county}代表队的{sport}决赛正式打响。",
    ],
    "law": [
        "{md}，{bureau}召开新闻发布会，通报今年以来打击电信网络诈骗工作情况。",
        "{md}，{county}人民法院公开开庭审理一起非法吸收公众存款案。",
        "“多亏了民警及时提醒，不然我这{n2}元就被骗走了。”{md}，市民{person}感激地说。",
    ],
    "transport": [
        "{md}，{street}改造提升工程全线贯通，沿线群众出行更加便捷。",
        "{md}，记者从{bureau}获悉，我市新开通{n1}条城乡公交线路。",
        "清晨，{county}至{town}的农村公路上，一辆辆客车往来穿梭。",
    ],
    "weather": [
        "{md}，{bureau}发布天气预报，预计未来三天我市以{weather}天气为主。",
        "受冷空气影响，{md}夜间到次日，我市自北向南将出现一次明显降温过程。",
        "{md}，记者从{bureau}获悉，今年以来全市平均降水量较常年偏少{pct}。",
    ],
    "livelihood": [
        "{md}，{community}党群服务中心里，十几位老人正在长者食堂吃午饭。",
        "{md}，记者从{bureau}获悉，今年全市城镇新增就业{n2}人，完成年度目标的{pct}。",
        "“小区加装电梯后，我这腿脚不好的老人也能天天下楼了。”{community}居民{person}说。",
    ],
    "environment": [
        "{md}，记者从{bureau}获悉，今年以来全市空气质量优良天数达{n1}天。",
        "{md}，{county}组织开展河道清洁行动，{n2}余名志愿者参加。",
        "初夏时节，漫步{street}两侧的口袋公园，绿树成荫，花香扑鼻。",
    ],
    "commerce": [
        "{md}，{bureau}发布消费提示，提醒广大消费者理性消费、依法维权。",
        "{md}，{county}第{n1}届特色农产品展销会开幕，{n2}余家企业参展。",
        "夜幕降临，{street}美食街人头攒动，各色小吃摊前排起长队。",
    ],
}

SENTENCES = {
    "agriculture": [
        "今年，全县{crop}种植面积达{n2}亩，较去年增加{n1}%。",
        "合作社负责人{person}告诉记者，通过统一供种、统一管理、统一销售，每亩可增收{n2}元。",
        "该镇积极推广水肥一体化技术，建成高标准农田{n2}亩。",
        "在{village}的育苗大棚里，一株株幼苗长势喜人，村民们正忙着分拣装车。",
        "农技专家现场讲解病虫害防治要点，手把手教群众科学施肥。",
        "近年来，当地引导农户发展特色种植，走出了一条“小产业带动大振兴”的路子。",
        "下一步，该县将继续延伸产业链条，打造区域公用品牌，让更多群众端上“金饭碗”。",
        "为保障春耕生产，{bureau}提前调运化肥{n2}吨、良种{n1}万公斤。",
    ],
    "industry": [
        "该项目总投资{n3}亿元，达产后可实现年产值{n1}亿元，带动就业{n2}人。",
        "企业负责人{person}介绍，新生产线的效率比原来提高了{pct}，能耗下降了近三成。",
        "今年以来，我市坚持把制造业高质量发展作为主攻方向，持续优化营商环境。",
        "在主要行业中，装备制造业增加值同比增长{pct}，对全市工业增长的贡献率最高。",
        "为帮助企业解决用工难题，{bureau}联合多部门举办专场招聘会{n1}场。",
        "该公司研发的新产品已获得国家发明专利{n1}项，产品远销东南亚多个国家和地区。",
        "园区内，标准化厂房拔地而起，水、电、气等配套设施全部到位。",
        "{bureau}{official}{person}表示，将持续开展“万人助企”活动，帮助企业纾困解难。",
    ],
    "education": [
        "活动现场，学生们展示了自己制作的机器人、航模等科技作品，赢得阵阵掌声。",
        "该校坚持“五育并举”，开设书法、陶艺、足球等特色课程{n1}门。",
        "{bureau}{official}{person}介绍，今年将继续实施课后服务提质工程，实现城乡学校全覆盖。",
        "为缓解家长接送难题，学校推行弹性离校制度，并安排教师轮流值守。",
        "校长{person}说，学校将把劳动教育融入日常教学，让孩子们在实践中学会成长。",
        "全市共招聘特岗教师{n2}名，重点补充农村学校音体美等学科教师。",
        "此次活动旨在激发青少年的科学兴趣，培养学生的创新精神和实践能力。",
    ],
    "health": [
        "义诊现场，医护人员为群众免费测量血压、血糖，并耐心解答健康问题。",
        "今年以来，全市累计签约家庭医生服务{n2}人，重点人群签约率达{pct}。",
        "{hospital}{official}{person}介绍，医院新开设的日间手术中心已累计服务患者{n2}人次。",
        "专家提醒，换季时节昼夜温差大，老年人和儿童要注意适时增减衣物。",
        "通过远程会诊系统，乡镇卫生院的患者在家门口就能享受到市级专家的诊疗服务。",
        "{bureau}还组织开展健康知识讲座{n1}场，发放宣传资料{n2}余份。",
        "下一步，我市将继续推进紧密型县域医共体建设，让群众看病更方便、更省心。",
    ],
    "culture": [
        "演出在歌舞《幸福家园》中拉开帷幕，戏曲、小品、快板等节目轮番登场。",
        "近年来，该县深入挖掘本土文化资源，培育民间文艺团队{n1}支。",
        "非遗传承人{person}现场展示剪纸技艺，不一会儿，一幅栩栩如生的作品就完成了。",
        "本次活动将持续到{month}月底，期间还将举办读书分享会、名家讲座等{n1}场活动。",
        "“这样的活动办到了家门口，我们看得高兴，也跟着学到了不少。”村民{person}笑着说。",
        "据了解，市图书馆今年新增图书{n2}册，并在{n1}个社区设立了图书流通点。",
        "文艺志愿者们还走进敬老院、学校，把精彩的节目送到群众身边。",
    ],
    "sports": [
        "经过激烈角逐，{county}代表队以{n1}比{n1}的比分获得冠军。",
        "本届运动会共设{n1}个大项，来自全市各县（市、区）的{n2}余名运动员参赛。",
        "比赛现场气氛热烈，观众的加油声、呐喊声此起彼伏。",
        "{bureau}{official}{person}表示，举办此类赛事旨在推动全民健身与全民健康深度融合。",
        "今年以来，我市新建社区健身广场{n1}个，更新健身器材{n2}件。",
        "运动员{person}赛后说：“能站上领奖台，离不开教练和队友的支持。”",
        "据悉，比赛成绩优异的选手将代表我市参加全省比赛。",
    ],
    "law": [
        "今年以来，全市公安机关共破获电信网络诈骗案件{n1}起，为群众挽回经济损失{n2}万元。",
        "经审理查明，被告人{person}以高额回报为诱饵，先后向{n1}名群众非法吸收资金。",
        "法院依法判处被告人有期徒刑{n1}年，并处罚金{n2}元。",
        "民警提醒，凡是要求转账到“安全账户”的，都是诈骗，广大群众务必提高警惕。",
        "{bureau}{official}{person}介绍，下一步将继续加大普法宣传力度，筑牢群众防骗“防火墙”。",
        "为方便群众办事，该院还开通了网上立案、跨域立案等服务，当事人“最多跑一次”。",
        "此案的审理，对规范市场秩序、保护群众财产安全起到了警示作用。",
    ],
    "transport": [
        "该工程全长{n3}公里，按照城市主干路标准建设，双向六车道。",
        "今年，全市计划新建、改建农村公路{n2}公里，实施危桥改造{n1}座。",
        "{bureau}{official}{person}表示，将进一步优化公交线网，方便群众出行。",
        "施工期间，交警部门安排警力在重要路口疏导交通，确保道路安全畅通。",
        "新线路开通后，沿线{n1}个行政村的群众实现了“出门即上车”。",
        "据介绍，改造后的道路增设了非机动车道和无障碍设施，路灯、绿化同步提升。",
        "目前，全市农村公路总里程已达{n2}公里，实现了所有行政村通硬化路。",
    ],
    "weather": [
        "预计{md}白天{weather}，{wind}3到4级，最高气温{t2}℃，最低气温{t1}℃。",
        "气象专家提醒，降温期间公众要及时添衣保暖，设施农业要做好防风防寒。",
        "受降水影响，部分路段能见度较低，请过往车辆减速慢行。",
        "{bureau}已启动应急预案，组织各地对低洼易涝点进行排查，确保群众安全。",
        "据统计，此次降水过程全市平均降水量{n3}毫米，最大降水出现在{town}。",
        "这场及时雨有效缓解了前期旱情，对秋作物生长十分有利。",
    ],
    "livelihood": [
        "长者食堂每餐提供三菜一汤，六十岁以上老人用餐可享受补贴。",
        "今年以来，全市已完成老旧小区改造{n1}个，惠及居民{n2}户。",
        "{bureau}{official}{person}介绍，我市将持续开展“就业援助月”活动，帮助困难群众稳岗就业。",
        "社区工作人员挨家挨户走访，详细了解居民的需求和建议。",
        "通过“微心愿”认领活动，{n1}名困难群众的心愿得到了实现。",
        "下一步，我市将继续聚焦群众急难愁盼问题，让民生实事办到群众心坎上。",
        "小区门口的便民服务点，修鞋、配钥匙、理发等服务一应俱全。",
    ],
    "environment": [
        "今年以来，全市PM2.5平均浓度同比下降{pct}，空气质量持续改善。",
        "志愿者们沿着河岸捡拾垃圾，清理漂浮物，共清运垃圾{n3}吨。",
        "{bureau}{official}{person}表示，将以更高标准推进污染防治攻坚，守护好蓝天碧水净土。",
        "该区新建口袋公园{n1}个，新增绿地面积{n2}平方米，群众推窗见绿、出门入园。",
        "执法人员对辖区内的重点企业开展突击检查，督促企业落实环保主体责任。",
        "通过实施生态修复工程，昔日的荒山变成了满目苍翠的“绿色银行”。",
    ],
    "commerce": [
        "展销会上，{crop}、手工挂面、土蜂蜜等特色农产品吸引了众多市民选购。",
        "今年以来，全市消费者投诉举报平台共受理各类诉求{n2}件，办结率{pct}。",
        "{bureau}{official}{person}提醒，消费者在购买商品时要索要发票，保存好消费凭证。",
        "执法人员对辖区商超、农贸市场开展检查，重点查看商品质量和价格标签。",
        "据统计，活动期间共发放消费券{n2}万元，带动消费{n3}亿元。",
        "商户{person}告诉记者，这段时间客流明显增多，营业额比平时翻了一番。",
    ],
}

# Sentences that fit any topic (they keep long articles from repeating themselves).
GENERIC = [
    "据了解，这项工作自启动以来，已累计投入资金{n2}万元。",
    "{county}{official}{person}告诉记者，下一步还将加大投入，扩大覆盖范围。",
    "为确保各项任务落到实处，当地成立了工作专班，实行周调度、月通报。",
    "在{town}，记者看到，工作人员正逐户登记群众的意见建议。",
    "截至目前，已有{n1}个乡镇（街道）完成了阶段性任务。",
    "“以前办这件事要跑好几趟，现在一次就办好了。”{village}村民{person}说。",
    "这一做法得到了群众的普遍认可，满意率达到{pct}。",
    "与此同时，当地还建立了问题台账，对发现的问题逐项整改、限时销号。",
    "该负责人表示，将坚持问题导向，持续巩固提升工作成效。",
    "活动期间，工作人员还向群众发放了宣传手册，现场解答政策问题。",
    "记者注意到，不少年轻人也加入到了志愿服务队伍中。",
    "这一数字比去年同期增加了{n1}个百分点。",
    "{town}党委书记{person}说：“群众的事再小也是大事，我们要一件一件办好。”",
    "按照计划，该项工作将于{month}月底前全面完成。",
    "近三年来，当地累计争取上级资金{n3}亿元，实施项目{n1}个。",
    "走访中，{person}详细询问了群众的生产生活情况，并叮嘱工作人员抓好落实。",
    "当天，{bureau}还与{n1}家单位签订了合作协议。",
    "专家评审组一致认为，该项目具有较强的示范带动作用。",
    "为了让政策惠及更多群众，工作人员利用晚上时间走村入户开展宣传。",
    "一位参与活动的市民说，这样的活动贴近生活，很有意义。",
    "目前，相关配套工作正在有序推进，预计年底前可投入使用。",
    "会议要求，各单位要压实责任、细化措施，确保各项工作按时保质完成。",
    "据统计，今年以来共接待群众来访{n2}人次，解决实际问题{n1}件。",
    "{community}党支部书记{person}介绍，社区还组建了{n1}支志愿服务队。",
    "这些举措，让群众在家门口就能办成事、办好事。",
    "不少群众表示，这样的变化看得见、摸得着，心里踏实。",
    "{company}总经理{person}说，这为企业发展吃下了“定心丸”。",
    "下一步，当地将总结推广经验做法，形成可复制的工作模式。",
]

# Subheads printed inside a long article (two decks sometimes).
SUBHEADS = [
    "聚焦重点", "精准发力", "强化保障", "创新机制", "补齐短板", "拓宽渠道", "压实责任",
    "夯实基础", "示范引领", "多方联动", "服务下沉", "久久为功",
]
SUBHEAD_DECK2 = [
    "让群众得实惠", "跑出加速度", "织密保障网", "激活新动能", "打通最后一公里",
    "擦亮金字招牌", "筑牢安全防线", "答好民生卷",
]

TITLES = {
    "agriculture": ["{county}：{crop}种植铺就增收路", "{town}{crop}喜获丰收",
                    "特色种植鼓起群众“钱袋子”", "春耕备耕正当时 田间地头农事忙",
                    "{county}建成高标准农田{n2}亩"],
    "industry": ["{company}智能生产线投产", "前{mon}个月全市工业增加值增长{pct}",
                 "项目建设跑出“加速度”", "优化营商环境 助力企业发展",
                 "{county}：新材料产业集群加速成形"],
    "education": ["{school}举办校园科技节", "我市新增中小学学位{n2}个",
                  "课后服务提质 家长减负安心", "劳动教育进课堂 实践育人结硕果",
                  "特岗教师充实乡村课堂"],
    "health": ["{hospital}专家进乡村义诊", "家庭医生签约服务惠及{n2}人",
               "远程会诊让群众少跑腿", "健康知识进社区", "医共体建设提速增效"],
    "culture": ["{county}群众文艺汇演精彩上演", "“书香{city}”全民阅读活动启动",
                "非遗技艺代代传", "文化大院唱响乡村新风", "文艺志愿服务送到家门口"],
    "sports": ["全民健身运动会{sport}比赛开赛", "{county}代表队夺得{sport}冠军",
               "“{sport}进社区”活动火热开展", "健身广场家门口 群众锻炼乐开怀",
               "我市选手在全省比赛中获佳绩"],
    "law": ["全市破获电信网络诈骗案件{n1}起", "{county}法院公开审理一起非法集资案",
            "民警及时劝阻 守住群众“钱袋子”", "普法宣传进万家", "网上立案让群众少跑路"],
    "transport": ["{street}改造工程全线贯通", "我市新开通{n1}条城乡公交线路",
                  "农村公路织密幸福路网", "道路提质 出行更畅", "公交线网优化方便群众出行"],
    "weather": ["我市将迎来一次明显降温过程", "一场及时雨缓解旱情", "未来三天以{weather}天气为主",
                "做好防汛准备 确保群众安全", "强对流天气来袭 注意防范"],
    "livelihood": ["长者食堂让老人吃得舒心", "全市城镇新增就业{n2}人", "老旧小区改造惠及{n2}户",
                   "“微心愿”点亮困难群众生活", "便民服务点温暖百姓心"],
    "environment": ["全市空气质量优良天数达{n1}天", "志愿者清洁河道守护碧水",
                    "口袋公园扮靓城市", "生态修复让荒山变青山", "守护蓝天碧水净土"],
    "commerce": ["特色农产品展销会开幕", "消费券拉动消费{n3}亿元", "理性消费 依法维权",
                 "夜市经济点亮城市烟火气", "市场监管护航放心消费"],
}

KICKER_CLAUSES = [
    "{person}在调研{topicword}工作时强调", "{person}在检查{topicword}工作时要求",
    "{person}到{county}督导{topicword}工作", "今年前{mon}个月", "{county}",
    "我市召开{topicword}工作推进会", "{bureau}",
]
COLUMN_LABELS = ["民生实事看落实", "乡村振兴进行时", "一线见闻", "基层传真", "奋进新征程",
                 "高质量发展看{city}", "身边的榜样", "聚焦项目建设", "文明创建在行动"]
TOPIC_WORDS = {
    "agriculture": "春耕生产", "industry": "项目建设", "education": "教育", "health": "卫生健康",
    "culture": "文化旅游", "sports": "全民健身", "law": "平安建设", "transport": "交通运输",
    "weather": "防汛", "livelihood": "民生实事", "environment": "生态环境保护",
    "commerce": "市场监管",
}
SUBTITLES = [
    "——{county}{topicword}工作见闻", "——记{town}{village}党支部书记{person}",
    "——{city}推进{topicword}工作综述", "——来自{county}的调查",
]

PHOTO_CAPTIONS = [
    "{md}，{county}{town}的农民正在田间采收{crop}。",
    "{md}，{school}的学生在老师指导下体验传统手工艺制作。",
    "{md}，{community}的志愿者为辖区老人义务理发。",
    "{md}，市民在{street}新建的口袋公园里休闲健身。",
    "{md}，{company}的工人在生产线上忙碌。",
    "{md}，参赛选手在{sport}比赛中奋力拼搏。",
    "{md}，{hospital}的医护人员为群众开展健康检查。",
    "{md}，游客在{county}的古村落中游览观光。",
    "{md}，环卫工人冒雨清理{street}路面积水。",
    "{md}，交警在{street}路口指挥交通，保障群众出行安全。",
]
PHOTO_TAILS = [
    "当天，{n1}名志愿者参加了活动。", "据了解，该活动将持续一周。",
    "眼下，当地正抢抓时节组织生产。", "近年来，当地持续完善基础设施，群众生活更加便利。",
    "",
]
PHOTO_TITLES = ["丰收时节", "巧手传技艺", "志愿服务暖人心", "家门口的好去处", "赶工忙",
                "赛场风采", "健康送到家", "古村游", "风雨中的坚守", "平安守护"]

INTERVIEW_QA = [
    ("今年以来，{bureau}在{topicword}方面做了哪些工作？",
     "我们坚持问题导向，围绕群众关心关注的热点难点，制定了{n1}项具体措施，逐项明确责任单位和完成时限。"),
    ("群众反映比较集中的问题有哪些？怎么解决？",
     "主要集中在办事流程和服务效率上。我们推行“一窗受理、一次办结”，平均办理时间压缩了{pct}。"),
    ("下一步有什么打算？",
     "我们将继续对标先进地区，补短板、强弱项，推动{topicword}工作再上新台阶。"),
    ("在推进过程中遇到了哪些困难？",
     "最大的困难是基层力量不足。我们通过购买服务、招募志愿者等办法，充实了一线队伍{n2}人。"),
    ("对于广大市民，您有什么建议？",
     "希望大家积极参与、主动监督，发现问题可以拨打{n2}热线反映，我们一定认真办理。"),
]

COMMENTARY = [
    "{topicword}工作，关乎千家万户，牵动群众冷暖。",
    "办好这件事，关键在于把群众的“需求清单”变成干部的“履职清单”。",
    "从“有没有”到“好不好”，群众的期待越来越高，工作的标准也要水涨船高。",
    "对此，各级各部门既要算经济账，更要算民生账、长远账。",
    "功成不必在我，功成必定有我。只要一任接着一任干，就一定能交出合格答卷。",
    "少一些“纸上谈兵”，多一些“躬身入局”，工作才能真正落到实处。",
    "群众满意不满意，是检验工作成效的唯一标尺。",
    "说到底，制度的生命力在于执行，再好的方案也要靠落实来检验。",
]
COMMENTARY_TITLES = ["把实事办到群众心坎上", "以实干担当书写发展答卷", "让“小切口”带来“大变化”",
                     "久久为功方能行稳致远", "用心用情答好民生卷"]

NOTICES = {
    "启事": (["{paper}“我身边的好人好事”征文启事", "寻物启事", "{company}招聘启事"], [
        "为进一步弘扬社会正气，{paper}即日起面向社会征集稿件，欢迎广大读者踊跃投稿。",
        "来稿要求内容真实、主题鲜明，字数在{n2}字以内，并注明作者姓名和联系方式。",
        "本次活动截稿日期为{year}年{month}月底，优秀作品将在本报刊发并颁发证书。",
    ]),
    "讣告": (["讣告"], [
        "{bureau}退休干部{person}同志，因病医治无效，于{year}年{md}不幸逝世，享年{n1}岁。",
        "{person}同志一生勤勤恳恳、廉洁奉公，深受同事和群众的尊敬。",
        "遗体告别仪式定于{md}上午在市殡仪馆举行。",
    ]),
    "公告": (["{company}股东会议公告", "关于{street}临时封闭施工的公告", "遗失公告"], [
        "因道路施工需要，{street}部分路段将于{md}起实行临时封闭。",
        "施工期间，请过往车辆和行人提前绕行，由此带来的不便敬请谅解。",
        "如有疑问，请在工作时间与我单位联系。",
    ]),
    "更正": (["更正"], [
        "本报{md}第{n1}版刊发的稿件中，“{person}”应为“{person2}”，特此更正。",
        "谨向读者和当事人致歉。",
    ]),
}

TABLE_TITLES = ["全民健身运动会{sport}比赛团体成绩", "第{n1}届中小学生运动会奖牌榜",
                "各县（市、区）{topicword}工作考评得分", "{month}月份城市管理考评排名"]
TABLE_HEADERS = ["名次 单位 得分", "排名 代表队 金牌 银牌 铜牌", "序号 县区 得分 等次"]
GRADES = ["优秀", "良好", "合格"]


# ---------------------------------------------------------------------------------------
# Article records
# ---------------------------------------------------------------------------------------


@dataclass
class ArticleRecord:
    """One article as printed, before layout.

    ``paragraphs`` are the body paragraphs (what the key's ``body`` holds); ``credit`` is the
    printed credit form (see ``layout.CREDIT_FORMS``) with its key byline in ``byline``.
    ``subheads`` are indices into ``paragraphs`` that are in-body subheads; ``table_rows`` the
    indices that are table rows / headers (fake-bold candidates); ``qa`` marks interviews.
    """

    kind: str
    topic: str
    title: str | None
    kicker: str | None = None
    subtitle: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    subheads: set[int] = field(default_factory=set)
    table_heads: set[int] = field(default_factory=set)
    table_rows: set[int] = field(default_factory=set)
    bold_leads: dict[int, int] = field(default_factory=dict)  # paragraph -> length of lead-in
    credit: str = "none"
    credit_text: str = ""
    byline: str | None = None
    continued_from: int | None = None
    continues_on: int | None = None
    tags: set[str] = field(default_factory=set)


def _unique(ctx: Ctx, pool: list[str], topic: str, extra: dict[str, str] | None = None) -> str:
    """A filled sentence not used on this page yet (templates repeat across a page rarely)."""
    r = ctx.rng
    for _ in range(40):
        slots = ctx.slots(topic)
        slots["topicword"] = TOPIC_WORDS[topic]
        slots["paper"] = ctx.paper
        if extra:
            slots.update(extra)
        t = r.choice(pool)
        s = t.format(**slots)
        if t not in ctx.used and s not in ctx.used:
            ctx.used.add(t)
            ctx.used.add(s)
            return s
    ctx.used.add(s)
    return s


def fill(ctx: Ctx, template: str, topic: str, extra: dict[str, str] | None = None) -> str:
    slots = ctx.slots(topic)
    slots["topicword"] = TOPIC_WORDS[topic]
    slots["paper"] = ctx.paper
    if extra:
        slots.update(extra)
    return template.format(**slots)


def news_paragraphs(ctx: Ctx, topic: str, n: int, lead: bool = True) -> list[str]:
    """n paragraphs of 1–4 sentences; the first opens with a lead sentence."""
    r = ctx.rng
    other = r.choice(TOPICS)
    paras = []
    for i in range(n):
        k = r.randint(1, 3)
        sents = []
        if i == 0 and lead:
            sents.append(_unique(ctx, LEADS[topic], topic))
            k -= 1
        for _ in range(max(k, 1 if i else 0)):
            x = r.random()
            pool = SENTENCES[topic] if x < 0.6 else GENERIC if x < 0.92 else SENTENCES[other]
            sents.append(_unique(ctx, pool, topic))
        paras.append("".join(sents))
    return paras


def make_title(ctx: Ctx, topic: str) -> str:
    return _unique(ctx, TITLES[topic], topic)


def make_kicker(ctx: Ctx, topic: str) -> str:
    r = ctx.rng
    if r.random() < 0.3:
        return fill(ctx, r.choice(COLUMN_LABELS), topic)
    return fill(ctx, r.choice(KICKER_CLAUSES), topic)


def make_subtitle(ctx: Ctx, topic: str) -> str:
    return fill(ctx, ctx.rng.choice(SUBTITLES), topic)


def make_article(ctx: Ctx, kind: str) -> ArticleRecord:
    """An article record of the given kind (news, brief, interview, photo, photo_group,
    table, notice, commentary, laigao); the credit is chosen later by the layout."""
    r = ctx.rng
    topic = r.choice(TOPICS)
    if kind == "news":
        art = ArticleRecord("news", topic, make_title(ctx, topic))
        art.paragraphs = news_paragraphs(ctx, topic, r.randint(2, 6))
        if len(art.paragraphs) >= 4 and r.random() < 0.3:
            add_subheads(ctx, art)
        return art
    if kind == "brief":
        art = ArticleRecord("brief", topic, make_title(ctx, topic) if r.random() < 0.4 else None)
        art.paragraphs = news_paragraphs(ctx, topic, 1)
        if len(art.paragraphs[0]) < 40:
            art.paragraphs[0] += _unique(ctx, SENTENCES[topic], topic)
        return art
    if kind == "interview":
        art = ArticleRecord("interview", topic, make_title(ctx, topic))
        slots = {"topicword": TOPIC_WORDS[topic]}
        intro = news_paragraphs(ctx, topic, 1)
        bureau = r.choice(BUREAUS[topic])
        who = person(r)
        role = r.choice(["局长", "党组书记、局长", "主任", "党委书记"])
        art.subtitle = f"——访{bureau}{role}{who}"
        intro[0] += f"记者就相关问题采访了{bureau}{role}{who}。"
        art.paragraphs = intro
        qa = r.sample(INTERVIEW_QA, r.randint(2, 4))
        for q, a in qa:
            art.paragraphs.append("记者：" + fill(ctx, q, topic, {"bureau": bureau, **slots}))
            art.paragraphs.append("答：" + fill(ctx, a, topic, slots))
        return art
    if kind in ("commentary", "laigao"):
        art = ArticleRecord("commentary", topic, _unique(ctx, COMMENTARY_TITLES, topic))
        sents = [fill(ctx, s, topic) for s in r.sample(COMMENTARY, r.randint(4, 7))]
        cut = sorted(r.sample(range(1, len(sents)), min(2, len(sents) - 1)))
        art.paragraphs = ["".join(sents[a:b]) for a, b in zip([0, *cut], [*cut, len(sents)],
                                                              strict=True)]
        # one invented sentence makes the body unique on the page
        art.paragraphs[0] = _unique(ctx, LEADS[topic], topic) + art.paragraphs[0]
        return art
    if kind in ("photo", "photo_group"):
        art = ArticleRecord("photo", topic, None)
        if kind == "photo_group":
            caps = []
            for mark in "①②③④"[: r.randint(2, 4)]:
                caps.append(mark + _unique(ctx, PHOTO_CAPTIONS, topic))
            art.paragraphs = caps
        else:
            cap = _unique(ctx, PHOTO_CAPTIONS, topic) + fill(ctx, r.choice(PHOTO_TAILS), topic)
            art.paragraphs = [cap]
        return art
    if kind == "table":
        art = ArticleRecord("table", topic, _unique(ctx, TABLE_TITLES, topic))
        add_table(ctx, art, with_groups=False)
        return art
    if kind == "notice":
        sort = r.choice(list(NOTICES))
        titles, body = NOTICES[sort]
        art = ArticleRecord("notice", topic, fill(ctx, r.choice(titles), topic))
        art.paragraphs = [fill(ctx, s, topic) for s in body]
        slots = ctx.slots(topic)
        unit = r.choice([ctx.paper + "社", slots["bureau"], slots["company"], "本报编辑部"])
        art.paragraphs.append(unit)
        art.paragraphs.append(f"{ctx.year}年{ctx.month}月{max(1, ctx.day - 1)}日")
        art.tags.add("notice:" + sort)
        return art
    raise ValueError(kind)


def add_subheads(ctx: Ctx, art: ArticleRecord) -> None:
    """Insert 2–3 in-body subheads (one or two decks) before some paragraphs."""
    r = ctx.rng
    heads = r.sample(SUBHEADS, 3)
    positions = sorted(r.sample(range(1, len(art.paragraphs)), min(3, len(art.paragraphs) - 1)))
    out: list[str] = []
    subs: set[int] = set()
    for i, p in enumerate(art.paragraphs):
        if i in positions:
            h = heads.pop()
            if r.random() < 0.5:
                h += " " + r.choice(SUBHEAD_DECK2)
            subs.add(len(out))
            out.append(h)
        out.append(p)
    art.paragraphs = out
    art.subheads = subs
    art.tags.add("subheads")


def table_rows(ctx: Ctx, topic: str, n: int, header: str) -> list[str]:
    r = ctx.rng
    rows = []
    cols = header.split()
    score = r.randint(880, 990)
    for i in range(1, n + 1):
        unit = place(r) + r.choice(["县", "区", "市", "县代表队", "区代表队"])
        if len(cols) == 5:
            rows.append(f"{i} {unit} {r.randint(1, 20)} {r.randint(1, 20)} {r.randint(1, 20)}")
        elif len(cols) == 4:
            rows.append(f"{i} {unit} {score / 10:.1f}分 {r.choice(GRADES)}")
        else:
            rows.append(f"第{cn_number(i)}名 {unit} {score / 10:.1f}分")
        score -= r.randint(3, 40)
    return rows


def add_table(ctx: Ctx, art: ArticleRecord, with_groups: bool) -> None:
    """Append a score table (header row, optional group headings like 1.前三名) to art."""
    r = ctx.rng
    header = r.choice(TABLE_HEADERS)
    start = len(art.paragraphs)
    if with_groups:
        groups = ["一、县（市、区）组", "二、市直单位组"]
        for g in groups:
            art.table_heads.add(len(art.paragraphs))
            art.paragraphs.append(g)
            for j, label in enumerate(["前三名的单位", "后三名的单位"], 1):
                art.table_heads.add(len(art.paragraphs))
                art.paragraphs.append(f"{j}.{label}")
                for row in table_rows(ctx, art.topic, 3, "名次 单位 得分"):
                    art.table_rows.add(len(art.paragraphs))
                    art.paragraphs.append(row.split(" ", 1)[1])
    else:
        art.table_heads.add(len(art.paragraphs))
        art.paragraphs.append(header)
        for row in table_rows(ctx, art.topic, r.randint(3, 8), header):
            art.table_rows.add(len(art.paragraphs))
            art.paragraphs.append(row)
    art.tags.add("table_in_article" if art.kind != "table" else "table")
    assert start < len(art.paragraphs)


HALF = str.maketrans({"，": ",", "（": "(", "）": ")", "：": ":", "；": ";", "！": "!", "？": "?"})


def to_halfwidth(text: str) -> str:
    """Half-width punctuation as some markdown dumps print it (,():;)."""
    return text.translate(HALF)


_CJK = re.compile(r"[\u4e00-\u9fff]")


def cjk_count(text: str) -> int:
    return len(_CJK.findall(text))
