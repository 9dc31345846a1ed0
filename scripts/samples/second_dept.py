"""The second sample department, 某县农业农村局 2020 — every figure invented (示例数据).

A smaller unit whose files look different from the seed department's: amounts in 元, 功能分类 codes
split over 类 | 款 | 项 columns and typed as numbers, a three-row header, blank spacer columns, a
table that starts in column B, a transposed 三公 table, and a CSV in UTF-8 with BOM.
"""
import csv
import io

from .codes import FUNCTION_NAMES, economic_rows, residual
from .sheetkit import (CENTER, D, F_BODY, F_HEAD, GRAY, LEFT_WRAP, header, merge, new_workbook, note, put, save,
                       title_block, widths)

DEPARTMENT = "某县农业农村局"
PREPARER = f"编制单位：{DEPARTMENT}"
UNIT = "金额单位：元"
SAMPLE_NOTE = "注：本单位为虚构的示例单位，表中全部数字均为示例数据。"
YUAN_CODE_FMT = "00"

BASIC_CODES = {"2130101", "2130104", "2080505", "2080801", "2101101", "2210201"}
# code -> (年初预算数, 全年预算数, 决算数); 2080801 has no 年初预算数 (added during the year).
LINES = {
    "2130101": (D("1526380.00"), D("1580200.00"), D("1571346.52")),
    "2130104": (D("612400.00"), D("640000.00"), D("633218.40")),
    "2130106": (D("350000.00"), D("350000.00"), D("298500.00")),
    "2130108": (D("180000.00"), D("260000.00"), D("259860.00")),
    "2130199": (D("120000.00"), D("120000.00"), D("64300.00")),
    "2080505": (D("231560.00"), D("238900.00"), D("238896.00")),
    "2080801": (None, D("45600.00"), D("45600.00")),
    "2101101": (D("98740.00"), D("101200.00"), D("101188.00")),
    "2210201": (D("149370.00"), D("152600.00"), D("152596.00")),
}


def column_total(index, basic=None):
    return sum((v[index] or D("0") for c, v in LINES.items() if basic is None or (c in BASIC_CODES) == basic),
               D("0"))


BUDGET_TOTAL = column_total(0)
ADJUSTED_TOTAL = column_total(1)
ACTUAL_TOTAL = column_total(2)
assert BUDGET_TOTAL == D("3268450.00") and ADJUSTED_TOTAL == D("3488500.00")
FINAL_INCOME = ADJUSTED_TOTAL
CARRY_OUT = FINAL_INCOME - ACTUAL_TOTAL

_e301 = {"30101": D("786300.00"), "30102": D("512880.00"), "30107": D("380000.00"), "30108": D("231560.00"),
         "30110": D("98740.00"), "30113": D("149370.00")}
_e301["30199"] = residual(D("2218650.00"), _e301.values(), "second 301")
_e302 = {"30201": D("86000.00"), "30211": D("64000.00"), "30213": D("22000.00"), "30217": D("18000.00"),
         "30228": D("33200.00"), "30231": D("42000.00")}
_e302["30299"] = residual(D("369800.00"), _e302.values(), "second 302")
BASIC_ECON = {**_e301, **_e302, "30305": D("30000.00")}
assert sum(BASIC_ECON.values()) == column_total(0, basic=True)

THREE_BUDGET = {"overseas": D("0"), "purchase": D("0"), "operation": D("42000.00"), "reception": D("18000.00")}
THREE_ACTUAL = {"overseas": D("0"), "purchase": D("0"), "operation": D("38650.00"), "reception": D("13668.00")}

PROJECTS = [
    # name, code, 年初预算, 调整后预算数, 执行数, 财政拨款, 上年结转, 其他
    ("农作物病虫害统防统治", "2130108", D("180000.00"), D("260000.00"), D("259860.00"), D("260000.00"), None, None),
    ("农业技术推广服务", "2130106", D("350000.00"), D("350000.00"), D("298500.00"), D("350000.00"), None, None),
    ("农村人居环境整治宣传", "2130199", D("120000.00"), D("120000.00"), D("64300.00"), D("120000.00"), None, None),
]
for _p in PROJECTS:
    assert LINES[_p[1]] == (_p[2], _p[3], _p[4])

INDICATORS = [
    # 项目, 一级, 二级, 三级, 性质, 目标值, 完成值, 单位, 权重, 未完成原因
    ("农作物病虫害统防统治", "产出指标", "数量指标", "统防统治服务面积", "≥", 12, 12.6, "万亩", 20, None),
    ("农作物病虫害统防统治", "产出指标", "质量指标", "重大病虫害防控处置率", "≥", 90, 95, "%", 15, None),
    ("农作物病虫害统防统治", "产出指标", "时效指标", "防治作业按农时完成率", "=", 100, 100, "%", 15, None),
    ("农作物病虫害统防统治", "效益指标", "经济效益指标", "病虫害危害损失率", "≤", 5, 4.2, "%", 15, None),
    ("农作物病虫害统防统治", "效益指标", "生态效益指标", "化学农药使用量", "≤", 100, 104, "吨", 15,
     "晚稻稻飞虱偏重发生，增加一次应急防治；明年推广绿色防控技术。"),
    ("农作物病虫害统防统治", "满意度指标", "服务对象满意度指标", "种植户满意度", "≥", 90, 93, "%", 10, None),
    ("农业技术推广服务", "产出指标", "数量指标", "举办农业技术培训", "≥", 20, 16, "期", 20, None),
    ("农业技术推广服务", "产出指标", "数量指标", "培训农民", "≥", 1500, 1620, "人次", 15, None),
    ("农业技术推广服务", "产出指标", "质量指标", "主推技术到位率", "≥", 95, 96, "%", 15, None),
    ("农业技术推广服务", "效益指标", "社会效益指标", "农民科学种田水平", "定性", "明显提高", "部分达成年度指标并具有一定效果", None,
     30, "受疫情影响集中培训减少，改为线上培训；下年度增加田间课堂。"),
    ("农业技术推广服务", "满意度指标", "服务对象满意度指标", "参训农民满意度", "≥", 90, 92, "%", 10, None),
    ("农村人居环境整治宣传", "产出指标", "数量指标", "制作宣传展板", "≥", 200, 210, "块", 25, None),
    ("农村人居环境整治宣传", "产出指标", "时效指标", "宣传活动完成时间", "≤", 10, 11, "月", 25, None),
    ("农村人居环境整治宣传", "效益指标", "社会效益指标", "村民环境卫生意识", "定性", "明显增强", "达成年度指标", None, 30, None),
    ("农村人居环境整治宣传", "满意度指标", "服务对象满意度指标", "村民满意度", "≥", 85, 90, "%", 10, None),
]


def _check_weights():
    sums = {}
    for ind in INDICATORS:
        sums[ind[0]] = sums.get(ind[0], 0) + ind[8]
    assert all(v == 90 for v in sums.values()), sums


_check_weights()


def split_code(code):
    """类 | 款 | 项 as numbers (款 and 项 lose their leading zero; the cells are formatted 00)."""
    return int(code[:3]), int(code[3:5]) if len(code) >= 5 else None, int(code[5:7]) if len(code) == 7 else None


def rows_by_function(index_count, values_of):
    """类 / 款 / 项 rows with sums; values_of(code) gives the 项 values."""
    sums = {}
    for code in LINES:
        for prefix in (code[:3], code[:5], code):
            acc = sums.setdefault(prefix, [D("0")] * index_count)
            for i, v in enumerate(values_of(code)):
                acc[i] += v or D("0")
    out = []
    for code in sorted(sums):
        vals = values_of(code) if len(code) == 7 else tuple(sums[code])
        out.append((code, FUNCTION_NAMES[code], vals))
    return out


def budget_workbook(path):
    wb = new_workbook(DEPARTMENT)
    # 表1: single-row header, summary of income and expense.
    ws = wb.create_sheet("表1 收支总表")
    widths(ws, 30, 18, 30, 18)
    row = title_block(ws, 4, f"{DEPARTMENT}2020年部门收支预算总表", preparer=PREPARER, unit=UNIT)
    header(ws, row, [(0, 1, 1, 1, "收入项目"), (0, 2, 1, 1, "预算数"), (0, 3, 1, 1, "支出项目"), (0, 4, 1, 1, "预算数")],
           fill=GRAY)
    row += 1
    basic = column_total(0, basic=True)
    project = column_total(0, basic=False)
    lines = [("一、一般公共预算拨款收入", BUDGET_TOTAL, "一、基本支出", basic),
             ("二、政府性基金预算拨款收入", None, "二、项目支出", project),
             ("三、国有资本经营预算拨款收入", None, None, None),
             ("四、事业收入", None, None, None),
             ("五、其他收入", None, None, None),
             ("收入合计", BUDGET_TOTAL, "支出合计", BUDGET_TOTAL)]
    for values in lines:
        for col, v in enumerate(values, start=1):
            put(ws, row, col, v, font=F_HEAD if values[0] == "收入合计" else F_BODY)
        row += 1
    note(ws, row, 4, SAMPLE_NOTE)

    # 表2: starts in column B, split numeric codes, blank spacer column, 合计 row at the bottom.
    ws = wb.create_sheet("表2 支出预算表")
    widths(ws, 3, 7, 6, 6, 30, 3, 16, 16, 16)
    row = title_block(ws, 8, f"{DEPARTMENT}2020年部门支出预算表", code="表2", preparer=PREPARER, unit=UNIT,
                      first_col=2)
    header(ws, row, [(0, 2, 1, 3, "科目编码"), (0, 5, 2, 1, "科目名称"), (0, 7, 2, 1, "合计"), (0, 8, 2, 1, "基本支出"),
                     (0, 9, 2, 1, "项目支出"), (1, 2, 1, 1, "类"), (1, 3, 1, 1, "款"), (1, 4, 1, 1, "项")], fill=GRAY)
    row += 2

    def budget_values(code):
        v = LINES[code][0]
        return (v, v if code in BASIC_CODES else None, None if code in BASIC_CODES else v)

    for code, name, (tot, b, p) in rows_by_function(3, budget_values):
        if not tot:
            continue  # 2080801 (and its 款 20808) has no 年初预算数: not in the budget at all
        cls, sec, item = split_code(code)
        put(ws, row, 2, cls, align=CENTER)
        put(ws, row, 3, sec, fmt=YUAN_CODE_FMT, align=CENTER)
        put(ws, row, 4, item, fmt=YUAN_CODE_FMT, align=CENTER)
        put(ws, row, 5, name)
        for col, v in zip((7, 8, 9), (tot, b, p)):
            put(ws, row, col, v if v else None)
        row += 1
    merge(ws, row, 2, row, 5, "合    计", font=F_HEAD)
    for col, v in zip((7, 8, 9), (BUDGET_TOTAL, basic, project)):
        put(ws, row, col, v, font=F_HEAD)
    row += 1
    note(ws, row, 8, SAMPLE_NOTE, first_col=2)

    # 表3: 三公 budget with 公务接待费 before 公务用车 (another common column order).
    ws = wb.create_sheet("表3 三公经费预算表")
    widths(ws, 16, 16, 16, 16, 16, 16)
    row = title_block(ws, 6, f"{DEPARTMENT}2020年“三公”经费预算表", preparer=PREPARER, unit=UNIT)
    header(ws, row, [(0, 1, 2, 1, "合计"), (0, 2, 2, 1, "因公出国（境）费"), (0, 3, 2, 1, "公务接待费"),
                     (0, 4, 1, 3, "公务用车购置及运行费"), (1, 4, 1, 1, "小计"), (1, 5, 1, 1, "购置费"),
                     (1, 6, 1, 1, "运行费")], fill=GRAY)
    row += 2
    t = THREE_BUDGET
    cars = t["purchase"] + t["operation"]
    for col, v in enumerate([cars + t["overseas"] + t["reception"], t["overseas"], t["reception"], cars,
                             t["purchase"], t["operation"]], start=1):
        put(ws, row, col, v)
    row += 1
    note(ws, row, 6, SAMPLE_NOTE)
    save(wb, path)


def basic_csv(path):
    """一般公共预算基本支出预算表 as UTF-8 with BOM, amounts formatted with thousands separators."""
    def fmt(x):
        return f"{x:,.2f}" if x else ""

    rows = [[f"{DEPARTMENT}2020年一般公共预算基本支出预算表", "", "", "", ""],
            [PREPARER, "", "", "", UNIT],
            ["经济分类科目编码", "科目名称", "合计", "人员经费", "公用经费"]]
    personnel = sum(v for c, v in BASIC_ECON.items() if c[:3] in ("301", "303"))
    office = sum(v for c, v in BASIC_ECON.items() if c[:3] in ("302", "310"))
    for code, name, level, amount in economic_rows(BASIC_ECON):
        is_personnel = code[:3] in ("301", "303")
        rows.append([code, name, fmt(amount), fmt(amount) if is_personnel else "", "" if is_personnel else fmt(amount)])
    rows.append(["合计", "", fmt(personnel + office), fmt(personnel), fmt(office)])
    rows.append([SAMPLE_NOTE, "", "", "", ""])
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    with open(path, "wb") as out:
        out.write(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))


def final_workbook(path):
    wb = new_workbook(DEPARTMENT)
    ws = wb.create_sheet("收支决算总表")
    widths(ws, 30, 18, 30, 18)
    row = title_block(ws, 4, f"{DEPARTMENT}2020年度收入支出决算总表", preparer=PREPARER, unit=UNIT)
    header(ws, row, [(0, 1, 1, 1, "收入项目"), (0, 2, 1, 1, "决算数"), (0, 3, 1, 1, "支出项目"), (0, 4, 1, 1, "决算数")],
           fill=GRAY)
    row += 1
    classes = {}
    for code, (_, _, actual) in LINES.items():
        classes[code[:3]] = classes.get(code[:3], D("0")) + actual
    class_list = sorted(classes)
    income = [("一、一般公共预算财政拨款收入", FINAL_INCOME), ("二、政府性基金预算财政拨款收入", None),
              ("三、事业收入", None), ("四、其他收入", None)]
    ordinals = "一二三四五六"
    for i in range(max(len(income), len(class_list))):
        left = income[i] if i < len(income) else (None, None)
        right = ((f"{ordinals[i]}、{FUNCTION_NAMES[class_list[i]]}", classes[class_list[i]])
                 if i < len(class_list) else (None, None))
        for col, v in enumerate((*left, *right), start=1):
            put(ws, row, col, v)
        row += 1
    for values in [("本年收入合计", FINAL_INCOME, "本年支出合计", ACTUAL_TOTAL),
                   ("年初结转和结余", None, "年末结转和结余", CARRY_OUT),
                   ("总计", FINAL_INCOME, "总计", ACTUAL_TOTAL + CARRY_OUT)]:
        for col, v in enumerate(values, start=1):
            put(ws, row, col, v, font=F_HEAD)
        row += 1
    assert ACTUAL_TOTAL + CARRY_OUT == FINAL_INCOME
    note(ws, row, 4, SAMPLE_NOTE)

    # 年初预算数 / 全年预算数 / 决算数 by 项, three-row header, split numeric codes, spacer columns.
    ws = wb.create_sheet("支出决算对照表")
    widths(ws, 3, 7, 6, 6, 28, 3, *([15] * 9))
    row = title_block(ws, 14, f"{DEPARTMENT}2020年度支出预算执行情况表", code="财决04表", preparer=PREPARER,
                      unit=UNIT, first_col=2)
    header(ws, row, [(0, 2, 2, 3, "科目编码"), (0, 5, 3, 1, "科目名称"), (0, 6, 3, 1, None),
                     (0, 7, 1, 6, "预算数"), (0, 13, 2, 3, "决算数"),
                     (1, 7, 1, 3, "年初预算数"), (1, 10, 1, 3, "全年预算数"),
                     (2, 2, 1, 1, "类"), (2, 3, 1, 1, "款"), (2, 4, 1, 1, "项"),
                     (2, 7, 1, 1, "合计"), (2, 8, 1, 1, "基本支出"), (2, 9, 1, 1, "项目支出"),
                     (2, 10, 1, 1, "合计"), (2, 11, 1, 1, "基本支出"), (2, 12, 1, 1, "项目支出"),
                     (2, 13, 1, 1, "合计"), (2, 14, 1, 1, "基本支出"), (2, 15, 1, 1, "项目支出")], fill=GRAY)
    row += 3

    def triple(code):
        out = []
        for v in LINES[code]:
            basic = code in BASIC_CODES
            out += [v, v if basic else None, None if basic else v]
        return tuple(out)

    totals = [D("0")] * 9
    for code, name, vals in rows_by_function(9, triple):
        cls, sec, item = split_code(code)
        put(ws, row, 2, cls, align=CENTER)
        put(ws, row, 3, sec, fmt=YUAN_CODE_FMT, align=CENTER)
        put(ws, row, 4, item, fmt=YUAN_CODE_FMT, align=CENTER)
        put(ws, row, 5, name)
        put(ws, row, 6, None)
        for i, v in enumerate(vals):
            put(ws, row, 7 + i, v if v else None)
            if len(code) == 3:
                totals[i] += v or D("0")
        row += 1
    merge(ws, row, 2, row, 5, "合    计", font=F_HEAD)
    put(ws, row, 6, None)
    for i, v in enumerate(totals):
        put(ws, row, 7 + i, v if v else None, font=F_HEAD)
    assert totals[0] == BUDGET_TOTAL and totals[3] == ADJUSTED_TOTAL and totals[6] == ACTUAL_TOTAL
    row += 1
    note(ws, row, 14, "注：死亡抚恤（2080801）为年中追加，无年初预算数。" + SAMPLE_NOTE[2:], first_col=2)

    # 三公 transposed: items as rows, 预算数 / 决算数 as columns.
    ws = wb.create_sheet("三公经费")
    widths(ws, 30, 16, 16)
    row = title_block(ws, 3, "2020年度“三公”经费支出情况表", preparer=PREPARER, unit=UNIT)
    header(ws, row, [(0, 1, 1, 1, "项目"), (0, 2, 1, 1, "预算数"), (0, 3, 1, 1, "决算数")], fill=GRAY)
    row += 1

    def three_rows(t):
        cars = t["purchase"] + t["operation"]
        return [cars + t["overseas"] + t["reception"], t["overseas"], cars, t["purchase"], t["operation"],
                t["reception"]]

    labels = ["合计", "1、因公出国（境）费", "2、公务用车购置及运行费", "   其中：公务用车购置费", "         公务用车运行维护费",
              "3、公务接待费"]
    for label, b, a in zip(labels, three_rows(THREE_BUDGET), three_rows(THREE_ACTUAL)):
        put(ws, row, 1, label)
        put(ws, row, 2, b)
        put(ws, row, 3, a)
        row += 1
    note(ws, row, 3, SAMPLE_NOTE)
    save(wb, path)


def performance_workbook(path):
    wb = new_workbook(DEPARTMENT)
    ws = wb.create_sheet("项目情况")
    widths(ws, 24, 3, 15, 15, 15, 15, 15, 15)
    row = title_block(ws, 8, "2020年度项目资金使用情况", preparer=PREPARER, unit=UNIT)
    labels = ["项目名称", None, "年初预算", "调整后预算数", "执行数", "财政拨款", "上年结转", "其他"]
    header(ws, row, [(0, i + 1, 1, 1, text) for i, text in enumerate(labels)], fill=GRAY)
    row += 1
    for p in PROJECTS:
        name, _, *amounts = p
        put(ws, row, 1, name)
        put(ws, row, 2, None)
        for i, v in enumerate(amounts):
            put(ws, row, 3 + i, v)
        row += 1
    put(ws, row, 1, "合计", font=F_HEAD)
    put(ws, row, 2, None)
    for i in range(6):
        put(ws, row, 3 + i, sum((p[2 + i] or D("0") for p in PROJECTS), D("0")) or None, font=F_HEAD)
    row += 1
    note(ws, row, 8, "注：“财政拨款”“上年结转”“其他”为调整后预算数的资金来源。" + SAMPLE_NOTE[2:])

    ws = wb.create_sheet("指标")
    widths(ws, 22, 10, 14, 24, 6, 3, 14, 14, 8, 8, 36)
    row = title_block(ws, 11, "2020年度项目绩效指标", preparer=PREPARER)
    labels = ["项目", "一级指标", "二级指标", "三级指标", "性质", None, "目标值", "完成值", "单位", "权重", "未完成原因分析"]
    header(ws, row, [(0, i + 1, 1, 1, text) for i, text in enumerate(labels)], fill=GRAY)
    row += 1
    for ind in INDICATORS:
        project, l1, l2, name, direction, target, actual, unit, weight, reason = ind
        values = [project, l1, l2, name, direction, None, target, actual, unit, weight, reason]
        for col, v in enumerate(values, start=1):
            put(ws, row, col, v, fmt="General" if col in (7, 8) else None,
                align=CENTER if col in (5, 9, 10) else (LEFT_WRAP if col == 11 else None))
        row += 1
    note(ws, row, 11, SAMPLE_NOTE)
    save(wb, path)


def facts_workbook(path):
    wb = new_workbook(DEPARTMENT)
    ws = wb.create_sheet("基本情况")
    widths(ws, 26, 60, 10)
    row = title_block(ws, 3, "部门基本情况", preparer=PREPARER)
    header(ws, row, [(0, 1, 1, 1, "项目"), (0, 2, 1, 1, "内容"), (0, 3, 1, 1, "单位")], fill=GRAY)
    row += 1
    facts = [("部门名称", DEPARTMENT, None), ("编制数", 28, "人"), ("实有在职人数", 26, "人"),
             ("年度总体目标-预期目标", "完成农作物病虫害统防统治12万亩，培训农民1500人次，推进农村人居环境整治。", None),
             ("年度总体目标-实际完成情况", "完成统防统治12.6万亩，培训农民1620人次，制作宣传展板210块，农村人居环境明显改善。", None),
             ("固定资产总额", D("1865400.00"), "元"), ("在用固定资产", D("1712300.00"), "元"),
             ("上年“三公”经费决算数", D("58920.00"), "元"),
             ("年初结转和结余", None, "元"), ("年末结转和结余", CARRY_OUT, "元")]
    for label, value, unit in facts:
        put(ws, row, 1, label)
        put(ws, row, 2, value, align=LEFT_WRAP if isinstance(value, str) else None)
        put(ws, row, 3, unit, align=CENTER)
        row += 1
    note(ws, row, 3, SAMPLE_NOTE)
    department_indicators(wb)
    save(wb, path)


# 部门整体绩效目标 (the department form's own indicators), complete so that this department's form is graded.
DEPARTMENT_INDICATORS = [
    ("产出指标", "数量指标", "农作物病虫害统防统治面积", "≥", D("12"), D("12.6"), "万亩"),
    ("产出指标", "数量指标", "培训农民", "≥", D("1500"), D("1620"), "人次"),
    ("产出指标", "质量指标", "农产品质量安全抽检合格率", "≥", D("98"), D("99.2"), "%"),
    ("产出指标", "时效指标", "惠农补贴按时发放率", "=", D("100"), D("100"), "%"),
    ("效益指标", "社会效益指标", "农村人居环境整治", "定性", "明显改善", "已完成", None),
    ("效益指标", "经济效益指标", "农村居民人均可支配收入增长", "≥", D("6"), D("6.4"), "%"),
    ("满意度指标", "服务对象满意度指标", "农户满意度", "≥", D("90"), D("93"), "%"),
]


def department_indicators(wb):
    ws = wb.create_sheet("部门整体绩效目标")
    widths(ws, 12, 14, 28, 6, 12, 12, 8, 8, 30)
    row = title_block(ws, 9, "2020年度部门整体绩效目标完成情况", preparer=PREPARER)
    labels = ["一级指标", "二级指标", "三级指标", "性质", "年度指标值", "实际完成值", "单位", "分值", "偏差原因分析及改进措施"]
    header(ws, row, [(0, i + 1, 1, 1, text) for i, text in enumerate(labels)], fill=GRAY)
    row += 1
    for level1, level2, name, direction, target, actual, unit in DEPARTMENT_INDICATORS:
        values = [level1, level2, name, direction, target, actual, unit, None, None]
        for col, v in enumerate(values, start=1):
            put(ws, row, col, v, fmt="General" if col in (5, 6) else None, align=CENTER if col in (4, 7, 8) else None)
        row += 1
    note(ws, row, 9, "注：分值空白时按评分方案分配（产出50、效益30、满意度10）。" + SAMPLE_NOTE[2:])


def build(folder):
    budget_workbook(folder / "2020年预算.xlsx")
    basic_csv(folder / "2020年基本支出预算表.csv")
    final_workbook(folder / "2020年决算.xlsx")
    performance_workbook(folder / "2020年项目绩效.xlsx")
    facts_workbook(folder / "部门基本情况.xlsx")
