"""Subject-code names (功能分类 / 经济分类) used by the samples, and roll-up helpers."""
from decimal import Decimal

# 功能分类: 类 (3 digits), 款 (5), 项 (7).
FUNCTION_NAMES = {
    "201": "一般公共服务支出",
    "20113": "商贸事务",
    "2011301": "行政运行",
    "2011308": "招商引资",
    "2011350": "事业运行",
    "2011399": "其他商贸事务支出",
    "208": "社会保障和就业支出",
    "20805": "行政事业单位养老支出",
    "2080501": "行政单位离退休",
    "2080505": "机关事业单位基本养老保险缴费支出",
    "2080506": "机关事业单位职业年金缴费支出",
    "20808": "抚恤",
    "2080801": "死亡抚恤",
    "210": "卫生健康支出",
    "21011": "行政事业单位医疗",
    "2101101": "行政单位医疗",
    "2101102": "事业单位医疗",
    "213": "农林水支出",
    "21301": "农业农村",
    "2130101": "行政运行",
    "2130104": "事业运行",
    "2130106": "科技转化与推广服务",
    "2130108": "病虫害控制",
    "2130199": "其他农业农村支出",
    "21305": "扶贫",
    "2130599": "其他扶贫支出",
    "221": "住房保障支出",
    "22102": "住房改革支出",
    "2210201": "住房公积金",
}

# The 类 rows of the national 收入支出决算总表 (2020), in order, with their ordinal labels.
CLASS_ROWS = [
    ("201", "一、一般公共服务支出"), ("202", "二、外交支出"), ("203", "三、国防支出"),
    ("204", "四、公共安全支出"), ("205", "五、教育支出"), ("206", "六、科学技术支出"),
    ("207", "七、文化旅游体育与传媒支出"), ("208", "八、社会保障和就业支出"), ("210", "九、卫生健康支出"),
    ("211", "十、节能环保支出"), ("212", "十一、城乡社区支出"), ("213", "十二、农林水支出"),
    ("214", "十三、交通运输支出"), ("215", "十四、资源勘探工业信息等支出"), ("216", "十五、商业服务业等支出"),
    ("217", "十六、金融支出"), ("219", "十七、援助其他地区支出"), ("220", "十八、自然资源海洋气象等支出"),
    ("221", "十九、住房保障支出"), ("222", "二十、粮油物资储备支出"), ("224", "二十一、灾害防治及应急管理支出"),
    ("229", "二十二、其他支出"),
]

# 经济分类 (部门预算支出经济分类): 类 (3 digits), 款 (5).
ECONOMIC_NAMES = {
    "301": "工资福利支出", "30101": "基本工资", "30102": "津贴补贴", "30103": "奖金", "30107": "绩效工资",
    "30108": "机关事业单位基本养老保险缴费", "30109": "职业年金缴费", "30110": "职工基本医疗保险缴费",
    "30113": "住房公积金", "30199": "其他工资福利支出",
    "302": "商品和服务支出", "30201": "办公费", "30202": "印刷费", "30205": "水费", "30206": "电费",
    "30207": "邮电费", "30211": "差旅费", "30213": "维修（护）费", "30215": "会议费", "30216": "培训费",
    "30217": "公务接待费", "30228": "工会经费", "30229": "福利费", "30231": "公务用车运行维护费",
    "30239": "其他交通费用", "30299": "其他商品和服务支出",
    "303": "对个人和家庭的补助", "30305": "生活补助", "30309": "奖励金", "30399": "其他对个人和家庭的补助",
    "310": "资本性支出", "31002": "办公设备购置",
}


def function_rows(items):
    """Rows for a table by 功能分类 from 项-level items.

    `items` maps a 7-digit code to a tuple of Decimal columns. Returns (code, name, level, columns)
    in code order, each 类 and 款 row carrying the exact sum of its children (level 1 = 类).
    """
    width = len(next(iter(items.values())))
    sums = {}
    for code, values in items.items():
        for prefix in (code[:3], code[:5], code):
            acc = sums.setdefault(prefix, [Decimal("0")] * width)
            for i, v in enumerate(values):
                acc[i] += v if v is not None else Decimal("0")
    rows = []
    for code in sorted(sums):
        level = {3: 1, 5: 2, 7: 3}[len(code)]
        columns = tuple(items[code]) if level == 3 else tuple(sums[code])
        rows.append((code, FUNCTION_NAMES[code], level, columns))
    return rows


def total(items, index):
    return sum((v[index] or Decimal("0") for v in items.values()), Decimal("0"))


def class_totals(items, index):
    out = {}
    for code, values in items.items():
        out[code[:3]] = out.get(code[:3], Decimal("0")) + (values[index] or Decimal("0"))
    return out


def economic_rows(items):
    """(code, name, level, amount) rows for 经济分类 from 款-level amounts, 类 rows summed."""
    sums = {}
    for code, amount in items.items():
        sums[code[:3]] = sums.get(code[:3], Decimal("0")) + amount
    rows = []
    for cls in sorted(sums):
        rows.append((cls, ECONOMIC_NAMES[cls], 1, sums[cls]))
        for code in sorted(c for c in items if c.startswith(cls)):
            rows.append((code, ECONOMIC_NAMES[code], 2, items[code]))
    return rows


def residual(target, parts, label):
    """The amount that makes `parts` add up to `target`, asserted positive."""
    rest = target - sum(parts, Decimal("0"))
    assert rest > 0, f"{label}: residual {rest} is not positive"
    return rest
