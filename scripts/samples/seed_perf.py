"""2020年项目绩效.xlsx, 部门基本情况.xlsx and 2020年三公经费.csv (GBK) of the seed department."""
import csv
import io

from . import seed_data as S
from .seed_indicators import INDICATORS
from .sheetkit import (CENTER, D, F_BODY, F_HEAD, F_INFO, F_TITLE, LEFT_WRAP, header, merge, new_workbook, note, put, save, title_block,
                       widths)

PREPARER = f"填报单位：{S.DEPARTMENT}"
MARKET = "农贸市场管理工作经费"


def funds_sheet(wb):
    ws = wb.create_sheet("项目资金")
    widths(ws, 6, 24, 12, 12, 12, 16, 14, 12, 34)
    row = title_block(ws, 9, "2020年度项目支出绩效自评资金情况表", preparer=PREPARER, unit="单位：万元")
    header(ws, row, [(0, 1, 2, 1, "序号"), (0, 2, 2, 1, "项目名称"), (0, 3, 2, 1, "年初预算数"),
                     (0, 4, 2, 1, "全年预算数"), (0, 5, 2, 1, "全年执行数"), (0, 6, 1, 3, "全年预算数资金来源"),
                     (0, 9, 2, 1, "备注"), (1, 6, 1, 1, "其中：当年财政拨款"), (1, 7, 1, 1, "上年结转资金"),
                     (1, 8, 1, 1, "其他资金")])
    row += 2
    sums = [D("0")] * 6
    for index, p in enumerate(S.PROJECTS, start=1):
        name, _, _, initial, adjusted, actual, current, carried, other = p
        values = [initial, adjusted, actual, current, carried, other]
        put(ws, row, 1, index)
        put(ws, row, 2, name)
        for i, v in enumerate(values):
            put(ws, row, 3 + i, v)
            sums[i] += v or D("0")
        put(ws, row, 9, "绩效指标见“项目自评表-农贸市场”工作表" if name == MARKET else None)
        row += 1
    assert sums[0] == D("245.87") and sums[2] == S.PROJECT_ACTUAL
    merge(ws, row, 1, row, 2, "合计", font=F_HEAD)
    for i, v in enumerate(sums):
        put(ws, row, 3 + i, v if v else None, font=F_HEAD)
    put(ws, row, 9, None)
    row += 1
    note(ws, row, 9, "注：项目名称、年初预算数取自部门自评报告（离退休人员经费按报告第四部分填列为28.87万元）；"
                     "全年预算数、全年执行数及资金来源为示例数据，全年执行数合计137.38万元等于报告所列项目支出决算数。")


def indicator_sheet(wb):
    ws = wb.create_sheet("绩效指标")
    widths(ws, 6, 18, 11, 13, 30, 9, 12, 14, 10, 7, 40, 30)
    row = title_block(ws, 12, "2020年度项目支出绩效指标完成情况表", preparer=PREPARER)
    labels = ["序号", "项目名称", "一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "实际完成值",
              "计量单位", "分值", "偏差原因分析及改进措施", "数据来源"]
    header(ws, row, [(0, i + 1, 1, 1, text) for i, text in enumerate(labels)])
    row += 1
    first_row_of = {}
    for index, ind in enumerate(INDICATORS, start=1):
        project, level1, level2, name, direction, target, actual, unit, weight, reason, source = ind
        first_row_of.setdefault(project, [row, row])[1] = row
        values = [index, project, level1, level2, name, direction, target, actual, unit, weight, reason, source]
        for col, v in enumerate(values, start=1):
            put(ws, row, col, v, fmt="General" if col in (7, 8) else None,
                align=CENTER if col in (6, 9, 10) else (LEFT_WRAP if col in (11, 12) else None))
        row += 1
    for project, (first, last) in first_row_of.items():
        if last > first:
            merge(ws, first, 2, last, 2, project, font=F_BODY, align=CENTER)
    note(ws, row, 12, "注：项目名称单元格按项目纵向合并；指标性质“≥”为正向指标、“≤”为反向指标、“=”为等于、“定性”为定性指标；"
                      "数据来源列注明取自报告的数字，其余为示例数据。农贸市场管理工作经费的指标见“项目自评表-农贸市场”工作表。")


FORM_INDICATORS = [
    ("产出指标", "数量指标", "乡镇农贸市场提质改造", "2个", "2个", 15),
    ("产出指标", "数量指标", "新建乡镇农贸市场", "2个", "2个", 15),
    ("产出指标", "数量指标", "农贸市场创卫复审督查检查", "≥20次", "22次", 10),
    ("产出指标", "质量指标", "提质改造市场验收合格率", "100%", "100%", 5),
    ("产出指标", "时效指标", "新建市场年内完工率", "100%", "100%", 5),
    ("效益指标", "社会效益指标", "乡镇马路市场取缔", "全面取缔", "已彻底取缔", 15),
    ("效益指标", "社会效益指标", "农贸市场安全事故", "0起", "0起", 15),
    ("满意度指标", "服务对象满意度指标", "市场经营户及群众满意度", "≥90%", None, 10),
]


def form_sheet(wb):
    """A half-filled 项目支出绩效自评表 (财预〔2020〕10号 layout): no 执行率, no 得分, one actual missing."""
    p = next(x for x in S.PROJECTS if x[0] == MARKET)
    ws = wb.create_sheet("项目自评表-农贸市场")
    widths(ws, 12, 12, 14, 26, 12, 14, 8, 10, 18, 18)
    merge(ws, 1, 1, 1, 10, "项目支出绩效自评表", font=F_TITLE, border=False)
    ws.row_dimensions[1].height = 28
    merge(ws, 2, 1, 2, 10, "（2020年度）", font=F_INFO, border=False)
    merge(ws, 3, 1, 3, 1, "项目名称")
    merge(ws, 3, 2, 3, 10, MARKET, font=F_BODY)
    merge(ws, 4, 1, 4, 1, "主管部门")
    merge(ws, 4, 2, 4, 5, S.DEPARTMENT, font=F_BODY)
    merge(ws, 4, 6, 4, 7, "实施单位")
    merge(ws, 4, 8, 4, 10, S.DEPARTMENT, font=F_BODY)
    merge(ws, 5, 1, 9, 1, "项目资金（万元）")
    merge(ws, 5, 2, 5, 3, None)
    for col, text in zip((4, 5, 6, 7, 8), ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率")):
        merge(ws, 5, col, 5, col, text)
    merge(ws, 5, 9, 5, 10, "得分")
    dash = "—"
    funds = [("年度资金总额", p[3], p[4], p[5], 10),
             ("其中：当年财政拨款", p[3], p[6], p[5], dash),
             ("上年结转资金", dash, dash, dash, dash),
             ("其他资金", dash, dash, dash, dash)]
    for i, (label, a, b, c, weight) in enumerate(funds):
        r = 6 + i
        merge(ws, r, 2, r, 3, label, font=F_BODY)
        for col, v in zip((4, 5, 6, 7), (a, b, c, weight)):
            put(ws, r, col, v, align=CENTER if isinstance(v, str) else None)
        put(ws, r, 8, None if i == 0 else dash, align=CENTER)
        merge(ws, r, 9, r, 10, None if i == 0 else dash, font=F_BODY)
    merge(ws, 10, 1, 11, 1, "年度总体目标")
    merge(ws, 10, 2, 10, 6, "预期目标")
    merge(ws, 10, 7, 10, 10, "实际完成情况")
    merge(ws, 11, 2, 11, 6, "指导乡镇农贸市场提质改造2个、新建乡镇农贸市场2个；开展农贸市场创卫复审督查，"
                            "取缔乡镇马路市场，确保农贸市场安全运营、零事故。",
          font=F_BODY, align=LEFT_WRAP)
    merge(ws, 11, 7, 11, 10, "指导新桥河镇、沙头镇2家乡镇农贸市场完成提质改造并通过市里验收；指导长春镇、张家塞乡2个乡镇"
                             "新建农贸市场，已全部完工；开展创卫复审检查22次，发出督查通报22份；区内所有乡镇马路市场已彻底"
                             "取缔，商贸行业零事故。", font=F_BODY, align=LEFT_WRAP)
    ws.row_dimensions[11].height = 75
    first = 12
    last = first + len(FORM_INDICATORS)
    merge(ws, first, 1, last, 1, "绩效指标")
    for col, text in zip(range(2, 9), ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")):
        merge(ws, first, col, first, col, text)
    merge(ws, first, 9, first, 10, "偏差原因分析及改进措施")
    r = first + 1
    for level1, level2, name, target, actual, weight in FORM_INDICATORS:
        for col, v in zip(range(4, 9), (name, target, actual, weight, None)):
            put(ws, r, col, v, align=CENTER if col > 4 else None)
        merge(ws, r, 9, r, 10, None, font=F_BODY)
        r += 1
    # 一级 and 二级 label cells merge downwards over their rows, as in the printed form.
    for key_index, col in ((0, 2), (1, 3)):
        start = first + 1
        while start < r:
            key = FORM_INDICATORS[start - first - 1][: key_index + 1]
            end = start
            while end + 1 < r and FORM_INDICATORS[end + 1 - first - 1][: key_index + 1] == key:
                end += 1
            merge(ws, start, col, end, col, key[-1], font=F_BODY)
            start = end + 1
    merge(ws, r, 1, r, 6, "总分")
    put(ws, r, 7, 100, align=CENTER)
    put(ws, r, 8, None)
    merge(ws, r, 9, r, 10, None)
    r += 1
    note(ws, r, 10, "注：本表为填写中的自评表（执行率、得分未填，满意度实际完成值待调查）。年初预算数取自部门自评报告；"
                    "实际完成值（提质改造2个、新建2个、检查22次、马路市场彻底取缔、零事故）取自报告第四部分；"
                    "全年预算数、全年执行数、年度指标值、分值及质量、时效、满意度指标为示例数据。")


def build_performance(path):
    wb = new_workbook(S.DEPARTMENT)
    funds_sheet(wb)
    indicator_sheet(wb)
    form_sheet(wb)
    for ws in wb.worksheets:
        ws.sheet_view.showGridLines = False
    save(wb, path)


def build_facts(path):
    wb = new_workbook(S.DEPARTMENT)
    ws = wb.create_sheet("部门基本情况")
    widths(ws, 6, 34, 60, 10, 44)
    row = title_block(ws, 5, "部门基本情况表（2020年度）", preparer=PREPARER)
    header(ws, row, [(0, 1, 1, 1, "序号"), (0, 2, 1, 1, "项目"), (0, 3, 1, 1, "数值"), (0, 4, 1, 1, "计量单位"),
                     (0, 5, 1, 1, "备注")])
    row += 1
    goal = ("保障机构正常运转；完成区委、区政府下达的招商引资、外贸进出口、商贸流通市场建设和安全生产等年度目标任务；"
            "做好疫情防控期间生活必需品保供、电商扶贫、“一门式”商务服务及维稳工作。")
    achieved = ("全区引进市域外资金形成固定资产投资97.62亿元，境内省外资金97.38亿元，实际利用外资6228万美元；"
                "完成社会零售总额67.54亿元；预计完成外贸进出口4.8亿美元，同比增长25.5%；共招引各类项目137个，"
                "其中新签约项目46个、新开工项目39个、新投产项目28个；6个重大项目履约率、开工率均达100%，资金到位率56.09%；"
                "建成村级商务服务中心88个；商贸行业零事故。")
    rows = [
        ("部门名称", S.DEPARTMENT, None, "报告"),
        ("年度", 2020, "年", "报告"),
        ("编制数", S.STAFF_QUOTA, "人", "报告：2020年底经编办核定的总人数33人（机关行政9、工勤3、投资促进服务中心全额事业8、"
                                       "商务企业管理服务中心全额事业6、差额事业6、自收自支1）"),
        ("实有在职人数", S.STAFF_IN_POST, "人", "报告"),
        ("离退休人数", S.RETIREES, "人", "报告"),
        ("年度总体目标-预期目标", goal, None, "据报告第一、四部分整理"),
        ("年度总体目标-实际完成情况", achieved, None, "报告第四部分"),
        ("固定资产原值", S.ASSETS_TOTAL, "万元", "报告"),
        ("其中：通用设备", S.ASSETS_GENERAL, "万元", "报告，占70.71%"),
        ("其中：家具、用具、装具及动植物", S.ASSETS_FURNITURE, "万元", "报告，占29.29%"),
        ("累计折旧", S.ASSETS_DEPRECIATION, "万元", "报告"),
        ("固定资产净值", S.ASSETS_NET, "万元", "报告"),
        ("在用固定资产原值", S.ASSETS_TOTAL, "万元", "示例数据（报告未列在用数，按全部在用填列）"),
        ("年内处置资产", "公务小车一辆，无偿调拨到区机关事业局公车平台，减少原值9.6万元，净值7.90万元", None, "报告"),
        ("上年“三公”经费决算数", S.PRIOR_THREE_RECEPTION + S.PRIOR_THREE_CARS, "万元", "示例数据（2019年度）"),
        ("其中：上年公务接待费", S.PRIOR_THREE_RECEPTION, "万元", "示例数据（2019年度）"),
        ("其中：上年公务用车运行维护费", S.PRIOR_THREE_CARS, "万元", "示例数据（2019年度）"),
        ("年初结转和结余", S.CARRY_IN, "万元", "报告"),
        ("年末结转和结余", S.CARRY_OUT, "万元", "报告"),
    ]
    for index, (label, value, unit, remark) in enumerate(rows, start=1):
        put(ws, row, 1, index, align=CENTER)
        put(ws, row, 2, label)
        put(ws, row, 3, value, align=LEFT_WRAP if isinstance(value, str) else None)
        put(ws, row, 4, unit, align=CENTER)
        put(ws, row, 5, remark, align=LEFT_WRAP)
        if isinstance(value, str) and len(value) > 40:
            ws.row_dimensions[row].height = 15 * (len(value) // 28 + 1)
        row += 1
    note(ws, row, 5, "注：备注列注明数据来源；标“示例数据”的数字为虚构，仅供演示。")
    ws.sheet_view.showGridLines = False
    department_indicator_sheet(wb)
    save(wb, path)


# The department's own 产出/效益/满意度 indicators (部门整体绩效指标): 实际完成值 from the report's section 四,
# targets invented (示例数据). No 分值: the profile shares 产出 50 / 效益 30 / 满意度 10 among them. The report
# gives no satisfaction survey, so that actual stays empty and the department form is not graded until it is typed.
DEPARTMENT_INDICATORS = [
    ("产出指标", "数量指标", "引进市域外资金形成固定资产投资", "≥", D("90"), D("97.62"), "亿元", "报告第四部分；年度指标值为示例数据"),
    ("产出指标", "数量指标", "新签约“三新”项目", "≥", D("40"), D("46"), "个", "报告第四部分；年度指标值为示例数据"),
    ("产出指标", "数量指标", "新开工“三新”项目", "≥", D("35"), D("39"), "个", "报告第四部分；年度指标值为示例数据"),
    ("产出指标", "数量指标", "新投产“三新”项目", "≥", D("25"), D("28"), "个", "报告第四部分；年度指标值为示例数据"),
    ("产出指标", "质量指标", "重大项目履约率", "=", D("100"), D("100"), "%", "报告第四部分"),
    ("产出指标", "数量指标", "加油站年度检查", "≥", D("33"), D("33"), "座", "报告第四部分；年度指标值为示例数据"),
    ("效益指标", "经济效益指标", "社会消费品零售总额", "≥", D("65"), D("67.54"), "亿元", "报告第四部分；年度指标值为示例数据"),
    ("效益指标", "经济效益指标", "外贸进出口总额", "≥", D("4.5"), D("4.8"), "亿美元", "报告第四部分（预计数）；年度指标值为示例数据"),
    ("效益指标", "社会效益指标", "乡镇马路市场取缔", "定性", "全面取缔", "已彻底取缔", None, "报告第四部分"),
    ("效益指标", "社会效益指标", "商贸行业安全生产事故", "≤", D("0"), D("0"), "起", "报告第四部分（零事故）"),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥", D("90"), None, "%", "报告未给出满意度调查结果，实际完成值待填"),
]


def department_indicator_sheet(wb):
    ws = wb.create_sheet("部门整体绩效指标")
    widths(ws, 6, 11, 14, 30, 9, 12, 12, 10, 7, 36, 36)
    row = title_block(ws, 11, "2020年度部门整体绩效指标完成情况表", preparer=PREPARER)
    labels = ["序号", "一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "实际完成值", "计量单位", "分值",
              "偏差原因分析及改进措施", "数据来源"]
    header(ws, row, [(0, i + 1, 1, 1, text) for i, text in enumerate(labels)])
    row += 1
    for index, (level1, level2, name, direction, target, actual, unit, source) in enumerate(DEPARTMENT_INDICATORS, start=1):
        values = [index, level1, level2, name, direction, target, actual, unit, None, None, source]
        for col, v in enumerate(values, start=1):
            put(ws, row, col, v, fmt="General" if col in (6, 7) else None,
                align=CENTER if col in (5, 8, 9) else (LEFT_WRAP if col in (10, 11) else None))
        row += 1
    note(ws, row, 11, "注：部门整体支出绩效自评表的部门绩效指标（产出、效益、满意度）。分值空白时按评分方案分配"
                      "（默认：产出50、效益30、满意度10）；实际完成值取自报告第四部分，年度指标值为示例数据。")


def build_three_public_csv(path):
    """The 三公 budget-vs-final table as Chinese Excel saves it: GBK, CRLF, merged cells as one text + blanks."""
    def fmt(x):
        return f"{x:.2f}"

    zero = D("0")
    rows = [
        ["财政拨款“三公”经费支出决算表"] + [""] * 10 + ["公开07表"],
        [f"编制单位：{S.DEPARTMENT}", "", "", "", "", "2020年度", "", "", "", "", "", "单位：万元"],
        ["预算数", "", "", "", "", "", "决算数", "", "", "", "", ""],
        ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"] * 2,
        ["", "", "小计", "公务用车购置费", "公务用车运行费", ""] * 2,
        [fmt(v) for v in (S.THREE_ADJUSTED_TOTAL, zero, zero, zero, zero, S.THREE_ADJUSTED_TOTAL,
                          S.THREE_ACTUAL_RECEPTION, zero, zero, zero, zero, S.THREE_ACTUAL_RECEPTION)],
        ["注：预算数为调整后预算数77.89万元，决算数77.86万元，均取自部门自评报告；预算数全部列公务接待费为示例数据。"]
        + [""] * 11,
    ]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    with open(path, "wb") as out:
        out.write(buffer.getvalue().encode("gbk"))
