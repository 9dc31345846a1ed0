"""2020年部门预算.xlsx of the seed department: the public 预算 tables, amounts in 万元."""
from . import seed_data as S
from .codes import FUNCTION_NAMES, economic_rows, function_rows
from .sheetkit import (D, F_HEAD, LEFT, header, merge, new_workbook, note, put, save, title_block,
                       widths)

PREPARER = f"编制单位：{S.DEPARTMENT}"
UNIT = "单位：万元"
INDENT = "  "


def income_expense_summary(wb):
    ws = wb.create_sheet("部门收支总表")
    widths(ws, 40, 14, 32, 14)
    row = title_block(ws, 4, "2020年部门收支总表", code="公开01表", preparer=PREPARER, unit=UNIT)
    header(ws, row, [(0, 1, 1, 2, "收    入"), (0, 3, 1, 2, "支    出"),
                     (1, 1, 1, 1, "项    目"), (1, 2, 1, 1, "预算数"), (1, 3, 1, 1, "项    目"), (1, 4, 1, 1, "预算数")])
    row += 2
    general = S.INCOME_APPROPRIATION + S.INCOME_NONTAX
    income = [
        ("一、一般公共预算拨款", general),
        ("    1、经费拨款", S.INCOME_APPROPRIATION),
        ("    2、纳入一般公共预算管理的非税收入拨款", S.INCOME_NONTAX),
        ("二、政府性基金预算拨款", None),
        ("三、国有资本经营预算拨款", None),
        ("四、财政专户管理资金收入", None),
        ("五、事业收入", None),
        ("六、事业单位经营收入", None),
        ("七、上级补助收入", None),
        ("八、附属单位上缴收入", None),
        ("九、其他收入", S.INCOME_OTHER),
    ]
    by_class = {}
    for code, values in S.BUDGET_ITEMS.items():
        by_class[code[:3]] = by_class.get(code[:3], D("0")) + values[0]
    ordinals = ["一", "二", "三", "四", "五", "六"]
    expense = [(f"{ordinals[i]}、{FUNCTION_NAMES[c]}", by_class[c]) for i, c in enumerate(sorted(by_class))]
    for i in range(len(income)):
        label, amount = income[i]
        put(ws, row, 1, label)
        put(ws, row, 2, amount)
        label, amount = expense[i] if i < len(expense) else (None, None)
        put(ws, row, 3, label)
        put(ws, row, 4, amount)
        row += 1
    assert sum(by_class.values()) == S.INCOME_TOTAL
    for left, amount_left, right, amount_right in [
        ("本年收入合计", S.INCOME_TOTAL, "本年支出合计", S.INCOME_TOTAL),
        ("上年结转", None, "结转下年", None),
        ("收入总计", S.INCOME_TOTAL, "支出总计", S.INCOME_TOTAL),
    ]:
        put(ws, row, 1, left, font=F_HEAD)
        put(ws, row, 2, amount_left, font=F_HEAD)
        put(ws, row, 3, right, font=F_HEAD)
        put(ws, row, 4, amount_right, font=F_HEAD)
        row += 1
    note(ws, row, 4, "注：收入各项及合计数取自部门2020年度预算绩效自评报告；支出按功能分类类级的金额为示例数据。")


def expense_by_function(wb):
    ws = wb.create_sheet("部门支出总表")
    widths(ws, 14, 36, 14, 14, 14)
    row = title_block(ws, 5, "2020年部门支出总表", code="公开03表", preparer=PREPARER, unit=UNIT)
    header(ws, row, [(0, 1, 1, 2, "功能分类科目"), (0, 3, 2, 1, "合计"), (0, 4, 2, 1, "基本支出"),
                     (0, 5, 2, 1, "项目支出"), (1, 1, 1, 1, "科目编码"), (1, 2, 1, 1, "科目名称")])
    row += 2
    put(ws, row, 1, None)
    put(ws, row, 2, "合计", font=F_HEAD, align=LEFT)
    put(ws, row, 3, S.INCOME_TOTAL, font=F_HEAD)
    put(ws, row, 4, S.BASIC_BUDGET, font=F_HEAD)
    put(ws, row, 5, S.PROJECT_BUDGET, font=F_HEAD)
    row += 1
    rows = function_rows(S.BUDGET_ITEMS)
    assert sum(r[3][1] or 0 for r in rows if r[2] == 1) == S.BASIC_BUDGET
    assert sum(r[3][2] or 0 for r in rows if r[2] == 1) == S.PROJECT_BUDGET
    for code, name, level, (tot, basic, project) in rows:
        put(ws, row, 1, code)
        put(ws, row, 2, INDENT * (level - 1) + name)
        put(ws, row, 3, tot)
        put(ws, row, 4, basic if basic else None)
        put(ws, row, 5, project if project else None)
        row += 1
    note(ws, row, 5, "注：合计行及基本支出、项目支出合计数取自部门自评报告；各科目（类、款、项）金额为示例数据。")


def basic_by_economic(wb):
    ws = wb.create_sheet("一般公共预算基本支出表")
    widths(ws, 14, 34, 14, 14, 14)
    row = title_block(ws, 5, "2020年一般公共预算基本支出表", code="公开06表", preparer=PREPARER, unit=UNIT)
    header(ws, row, [(0, 1, 1, 2, "部门预算支出经济分类科目"), (0, 3, 2, 1, "合计"), (0, 4, 2, 1, "人员经费"),
                     (0, 5, 2, 1, "公用经费"), (1, 1, 1, 1, "科目编码"), (1, 2, 1, 1, "科目名称")])
    row += 2
    personnel = sum(v for c, v in S.BASIC_ECON_BUDGET.items() if c[:3] in ("301", "303"))
    office = sum(v for c, v in S.BASIC_ECON_BUDGET.items() if c[:3] in ("302", "310"))
    assert personnel + office == S.BASIC_BUDGET
    put(ws, row, 1, None)
    put(ws, row, 2, "合计", font=F_HEAD)
    put(ws, row, 3, S.BASIC_BUDGET, font=F_HEAD)
    put(ws, row, 4, personnel, font=F_HEAD)
    put(ws, row, 5, office, font=F_HEAD)
    row += 1
    for code, name, level, amount in economic_rows(S.BASIC_ECON_BUDGET):
        is_personnel = code[:3] in ("301", "303")
        put(ws, row, 1, code)
        put(ws, row, 2, INDENT * (level - 1) + name)
        put(ws, row, 3, amount)
        put(ws, row, 4, amount if is_personnel else None)
        put(ws, row, 5, None if is_personnel else amount)
        row += 1
    note(ws, row, 5, "注：类级金额（301 工资福利支出402.53、302 商品和服务支出286.08、303 对个人和家庭的补助10.27）"
                     "取自部门自评报告；款级金额为示例数据，其中公务接待费154.58、公务用车运行维护费3.5取自报告。")


def three_public(wb):
    ws = wb.create_sheet("“三公”经费支出表")
    widths(ws, 24, 12, 14, 12, 12, 12, 12)
    row = title_block(ws, 7, "2020年一般公共预算“三公”经费支出表", code="公开07表", preparer=PREPARER, unit=UNIT)
    header(ws, row, [(0, 1, 2, 1, "单位名称"), (0, 2, 2, 1, "合计"), (0, 3, 2, 1, "因公出国（境）费"),
                     (0, 4, 1, 3, "公务用车购置及运行费"), (0, 7, 2, 1, "公务接待费"),
                     (1, 4, 1, 1, "小计"), (1, 5, 1, 1, "公务用车购置费"), (1, 6, 1, 1, "公务用车运行费")])
    row += 2
    values = [S.DEPARTMENT, S.THREE_BUDGET_TOTAL, D("0"), S.THREE_BUDGET_CARS, None, S.THREE_BUDGET_CARS,
              S.THREE_BUDGET_RECEPTION]
    for col, v in enumerate(values, start=1):
        put(ws, row, col, v)
    row += 1
    note(ws, row, 7, "注：本表数据取自部门自评报告（年初预算“三公”经费158.08万元，其中公务接待费154.58万元、公务用车运行维护费3.5万元）。")


def projects(wb):
    ws = wb.create_sheet("项目支出表")
    widths(ws, 6, 26, 12, 22, 14, 30)
    row = title_block(ws, 6, "2020年项目支出预算表", code="公开08表", preparer=PREPARER, unit=UNIT)
    header(ws, row, [(0, 1, 2, 1, "序号"), (0, 2, 2, 1, "项目名称"), (0, 3, 1, 2, "功能分类科目"),
                     (0, 5, 2, 1, "年初预算数"), (0, 6, 2, 1, "备注"),
                     (1, 3, 1, 1, "科目编码"), (1, 4, 1, 1, "科目名称")])
    row += 2
    for index, p in enumerate(S.PROJECTS, start=1):
        put(ws, row, 1, index)
        put(ws, row, 2, p[0])
        put(ws, row, 3, p[2])
        put(ws, row, 4, FUNCTION_NAMES[p[2]])
        put(ws, row, 5, p[1])
        put(ws, row, 6, "功能分类科目为示例数据")
        row += 1
    merge(ws, row, 1, row, 4, "合计", font=F_HEAD)
    put(ws, row, 5, S.PROJECT_BUDGET, font=F_HEAD)
    put(ws, row, 6, None)
    row += 1
    note(ws, row, 6, "注：项目名称及年初预算数取自部门自评报告第二部分（离退休人员经费28.71万元）。")


def build(path):
    wb = new_workbook(S.DEPARTMENT)
    income_expense_summary(wb)
    expense_by_function(wb)
    basic_by_economic(wb)
    three_public(wb)
    projects(wb)
    for ws in wb.worksheets:
        ws.sheet_view.showGridLines = False
    save(wb, path)
