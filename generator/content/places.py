"""City names for guessing which city's paper a page comes from.

A city daily names its own city far more often than any other, and names the
counties under it more often still (长葛, 禹州 on a 许昌日报 page). So every
mention of a county-level place counts for its prefecture. Coverage: Henan in
full (17 prefecture-level cities, 济源, and their counties), every provincial
capital and the largest other cities. County names that are ordinary words
(商城 "mall", 民权 "civil rights", 台前 "on stage", 博爱 "fraternity") are left
out on purpose: they would count noise as evidence.
"""

from __future__ import annotations

# Prefecture-level city → county-level places whose mentions count for it.
HENAN: dict[str, str] = {
    "郑州": "中牟 巩义 荥阳 新密 新郑 登封",
    "开封": "杞县 通许 尉氏 兰考",
    "洛阳": "孟津 新安县 栾川 嵩县 汝阳 宜阳 洛宁 伊川 偃师",
    "平顶山": "宝丰 叶县 鲁山 郏县 舞钢 汝州",
    "安阳": "汤阴 滑县 内黄 林州",
    "鹤壁": "浚县 淇县",
    "新乡": "获嘉 原阳 延津 封丘 卫辉 辉县 长垣",
    "焦作": "修武 武陟 温县 沁阳 孟州",
    "濮阳": "清丰 南乐 范县",
    "许昌": "鄢陵 襄城县 禹州 长葛",
    "漯河": "舞阳 临颍 郾城",
    "三门峡": "渑池 义马 灵宝 陕州",
    "南阳": "南召 方城 西峡 镇平 内乡 淅川 社旗 唐河 新野 桐柏 邓州",
    "商丘": "睢县 宁陵 柘城 虞城 夏邑 永城",
    "信阳": "罗山 光山 潢川 淮滨 息县 固始",
    "周口": "扶沟 西华 商水 沈丘 郸城 淮阳 鹿邑 项城",
    "驻马店": "西平 上蔡 平舆 正阳县 确山 泌阳 汝南 遂平 新蔡",
    "济源": "",
}

# Provincial capitals (and the four municipalities), then other large cities.
_OTHER_CITIES = (
    "北京 天津 上海 重庆 石家庄 太原 呼和浩特 沈阳 长春 哈尔滨 南京 杭州 合肥 福州 "
    "南昌 济南 武汉 长沙 广州 南宁 海口 成都 贵阳 昆明 拉萨 西安 兰州 西宁 银川 "
    "乌鲁木齐 香港 澳门 台北 "
    "深圳 苏州 青岛 大连 宁波 厦门 无锡 佛山 东莞 温州 泉州 烟台 唐山 徐州 常州 "
    "南通 潍坊 绍兴 嘉兴 珠海 汕头"
)
OTHER_CITIES = tuple(_OTHER_CITIES.split())

# A name preceded (lookbehind) or followed (lookahead) by these is part of another
# word: 隆重庆祝, 复合肥, 建成都市圈, 经济源头, 新乡村, 河南阳光, 新华社北京…电.
NOT_BEFORE: dict[str, str] = {
    "重庆": "隆", "合肥": "复", "成都": "建形变完达", "济源": "经", "海口": "沿出入",
    "西安": "江陕山广", "南阳": "河",
}
NOT_AFTER: dict[str, str] = {"新乡": "村贤", "开封": "的后"}
WIRE_AGENCY_END = "社网"  # 新华社北京…, 人民网北京…: a dateline, not a subject


def city_of_place() -> dict[str, str]:
    """Every place name → the prefecture-level city it counts for."""
    out = {city: city for city in HENAN}
    out.update((city, city) for city in OTHER_CITIES)
    for city, counties in HENAN.items():
        out.update((county, city) for county in counties.split())
    return out
