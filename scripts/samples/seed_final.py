"""2020年部门决算.xlsx of the seed department: the nine public 决算 tables (万元) and an internal
`Z01 收入支出决算总表(财决01表)` sheet (元) with 年初预算数 | 全年预算数 | 决算数 side by side."""
from . import seed_data as S
from .codes import CLASS_ROWS, FUNCTION_NAMES, class_totals, economic_rows, function_rows
from .sheetkit import D, F_HEAD, header, merge, new_workbook, note, put, save, title_block, widths

PREPARER = f"编制单位：{S.DEPARTMENT}"
PERIOD = "2020年度"
UNIT = "单位：万元"
INDENT = "  "
INCOME_ROWS = ["一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入", "三、国有资本经营预算财政拨款收入",
               "四、上级补助收入", "五、事业收入", "六、经营收入", "七、附属单位上缴收入", "八、其他收入"]


def blank_or(value):
    return value if value else None


def summary(wb):
    ws = wb.create_sheet("收入支出决算总表")
    widths(ws, 34, 6, 14, 34, 6, 14)
    row = title_block(ws, 6, "收入支出决算总表", code="公开01表", preparer=PREPARER, period=PERIOD, unit=UNIT)
    header(ws, row, [(0, 1, 1, 3, "收入"), (0, 4, 1, 3, "支出"),
                     (1, 1, 1, 1, "项目"), (1, 2, 1, 1, "行次"), (1, 3, 1, 1, "决算数"),
                     (1, 4, 1, 1, "项目"), (1, 5, 1, 1, "行次"), (1, 6, 1, 1, "决算数")])
    row += 2
    for col, text in enumerate(["栏次", None, 1, "栏次", None, 2], start=1):
        put(ws, row, col, text, font=F_HEAD)
    row += 1
    by_class = class_totals(S.FINAL_ITEMS, 0)
    assert sum(by_class.values()) == S.FINAL_EXPENSE
    n = len(CLASS_ROWS)
    for i in range(n):
        label = INCOME_ROWS[i] if i < len(INCOME_ROWS) else None
        put(ws, row, 1, label)
        put(ws, row, 2, i + 1)
        put(ws, row, 3, S.FINAL_INCOME if i == 0 else None)
        code, name = CLASS_ROWS[i]
        put(ws, row, 4, name)
        put(ws, row, 5, n + 4 + i + 1)
        put(ws, row, 6, by_class.get(code))
        row += 1
    tail = [("本年收入合计", S.FINAL_INCOME, "本年支出合计", S.FINAL_EXPENSE),
            ("使用非财政拨款结余", None, "结余分配", None),
            ("年初结转和结余", S.CARRY_IN, "年末结转和结余", S.CARRY_OUT),
            ("总计", S.INCOME_GRAND_TOTAL, "总计", S.EXPENSE_GRAND_TOTAL)]
    for j, (left, a, right, b) in enumerate(tail):
        put(ws, row, 1, left, font=F_HEAD)
        put(ws, row, 2, n + j + 1)
        put(ws, row, 3, a, font=F_HEAD)
        put(ws, row, 4, right, font=F_HEAD)
        put(ws, row, 5, 2 * n + 4 + j + 1)
        put(ws, row, 6, b, font=F_HEAD)
        row += 1
    note(ws, row, 6, "注：本表反映部门本年度的总收支和年末结转结余情况。本年收入合计、年初结转和结余、本年支出合计、"
                     "年末结转和结余及总计取自部门自评报告（收入方总计1297.24、支出方总计1297.23，两者相差0.01为报告原数）；"
                     "支出按功能分类类级的金额为示例数据。")


def by_function_table(wb, sheet, title, code, headers, values_of, total, note_text):
    """A table by 功能分类 with a 栏次 row and a 合计 row first; `values_of(items_row)` gives the amounts."""
    ws = wb.create_sheet(sheet)
    ncols = 2 + len(headers)
    widths(ws, 12, 32, *([13] * len(headers)))
    row = title_block(ws, ncols, title, code=code, preparer=PREPARER, period=PERIOD, unit=UNIT)
    cells = [(0, 1, 1, 2, "项目"), (1, 1, 1, 1, "科目编码"), (1, 2, 1, 1, "科目名称")]
    cells += [(0, 3 + i, 2, 1, h) for i, h in enumerate(headers)]
    header(ws, row, cells)
    row += 2
    merge(ws, row, 1, row, 2, "栏次", font=F_HEAD)
    for i in range(len(headers)):
        put(ws, row, 3 + i, i + 1, font=F_HEAD)
    row += 1
    put(ws, row, 1, "合计", font=F_HEAD)
    put(ws, row, 2, None)
    for i, v in enumerate(total):
        put(ws, row, 3 + i, blank_or(v), font=F_HEAD)
    row += 1
    for code_, name, level, values in values_of():
        put(ws, row, 1, code_)
        put(ws, row, 2, INDENT * (level - 1) + name)
        for i, v in enumerate(values):
            put(ws, row, 3 + i, blank_or(v))
        row += 1
    note(ws, row, ncols, note_text)
    return ws


def income_table(wb):
    items = {c: (v, v, None, None, None, None, None) for c, v in S.INCOME_ITEMS.items()}
    by_function_table(
        wb, "收入决算表", "收入决算表", "公开02表",
        ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"],
        lambda: function_rows(items),
        [S.FINAL_INCOME, S.FINAL_INCOME, None, None, None, None, None],
        "注：本表反映部门本年度取得的各项收入情况。本年收入合计955.77万元（全部为财政拨款收入）取自部门自评报告；"
        "按功能分类的金额为示例数据。")


def expense_table(wb):
    items = {c: (t, b, p, None, None, None) for c, (t, b, p) in S.FINAL_ITEMS.items()}
    by_function_table(
        wb, "支出决算表", "支出决算表", "公开03表",
        ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"],
        lambda: function_rows(items),
        [S.FINAL_EXPENSE, S.BASIC_ACTUAL, S.PROJECT_ACTUAL, None, None, None],
        "注：本表反映部门本年度各项支出情况。基本支出885.75万元、项目支出137.38万元取自部门自评报告；"
        "按功能分类的金额为示例数据。")


def fiscal_summary(wb):
    ws = wb.create_sheet("财政拨款收入支出决算总表")
    widths(ws, 30, 6, 13, 30, 6, 13, 15, 15, 15)
    row = title_block(ws, 9, "财政拨款收入支出决算总表", code="公开04表", preparer=PREPARER, period=PERIOD, unit=UNIT)
    header(ws, row, [(0, 1, 1, 3, "收入"), (0, 4, 1, 6, "支出"),
                     (1, 1, 2, 1, "项目"), (1, 2, 2, 1, "行次"), (1, 3, 2, 1, "决算数"),
                     (1, 4, 2, 1, "项目"), (1, 5, 2, 1, "行次"), (1, 6, 1, 4, "决算数"),
                     (2, 6, 1, 1, "合计"), (2, 7, 1, 1, "一般公共预算财政拨款"), (2, 8, 1, 1, "政府性基金预算财政拨款"),
                     (2, 9, 1, 1, "国有资本经营预算财政拨款")])
    row += 3
    by_class = class_totals(S.FINAL_ITEMS, 0)
    income = [("一、一般公共预算财政拨款", S.FINAL_INCOME), ("二、政府性基金预算财政拨款", None),
              ("三、国有资本经营预算财政拨款", None)]
    n = len(CLASS_ROWS)
    for i in range(n):
        label, amount = income[i] if i < len(income) else (None, None)
        put(ws, row, 1, label)
        put(ws, row, 2, i + 1)
        put(ws, row, 3, amount)
        code, name = CLASS_ROWS[i]
        v = by_class.get(code)
        put(ws, row, 4, name)
        put(ws, row, 5, n + 7 + i + 1)
        for col, x in zip(range(6, 10), [v, v, None, None]):
            put(ws, row, col, x)
        row += 1
    tail = [("本年收入合计", S.FINAL_INCOME, "本年支出合计", [S.FINAL_EXPENSE, S.FINAL_EXPENSE, None, None]),
            ("年初财政拨款结转和结余", S.CARRY_IN, "年末财政拨款结转和结余", [S.CARRY_OUT, S.CARRY_OUT, None, None]),
            ("    一般公共预算财政拨款", S.CARRY_IN, None, [None] * 4),
            ("    政府性基金预算财政拨款", None, None, [None] * 4),
            ("    国有资本经营预算财政拨款", None, None, [None] * 4),
            ("总计", S.INCOME_GRAND_TOTAL, "总计", [S.EXPENSE_GRAND_TOTAL, S.EXPENSE_GRAND_TOTAL, None, None])]
    for j, (left, a, right, bs) in enumerate(tail):
        put(ws, row, 1, left, font=F_HEAD)
        put(ws, row, 2, n + j + 1)
        put(ws, row, 3, a)
        put(ws, row, 4, right, font=F_HEAD)
        put(ws, row, 5, 2 * n + 7 + j + 1)
        for col, x in zip(range(6, 10), bs):
            put(ws, row, col, x)
        row += 1
    note(ws, row, 9, "注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和"
                     "年末结转结余情况。收入方总计1297.24、支出方总计1297.23为报告原数（相差0.01）。")


def general_budget_expense(wb):
    ws = wb.create_sheet("一般公共预算财政拨款支出决算表")
    widths(ws, 12, 32, 14, 14, 14)
    row = title_block(ws, 5, "一般公共预算财政拨款支出决算表", code="公开05表", preparer=PREPARER, period=PERIOD,
                      unit=UNIT)
    header(ws, row, [(0, 1, 1, 2, "项目"), (0, 3, 1, 3, "本年支出"), (1, 1, 1, 1, "科目编码"), (1, 2, 1, 1, "科目名称"),
                     (1, 3, 1, 1, "合计"), (1, 4, 1, 1, "基本支出"), (1, 5, 1, 1, "项目支出")])
    row += 2
    put(ws, row, 1, "合计", font=F_HEAD)
    put(ws, row, 2, None)
    for col, v in zip(range(3, 6), [S.FINAL_EXPENSE, S.BASIC_ACTUAL, S.PROJECT_ACTUAL]):
        put(ws, row, col, v, font=F_HEAD)
    row += 1
    for code, name, level, values in function_rows(S.FINAL_ITEMS):
        put(ws, row, 1, code)
        put(ws, row, 2, INDENT * (level - 1) + name)
        for i, v in enumerate(values):
            put(ws, row, 3 + i, blank_or(v))
        row += 1
    note(ws, row, 5, "注：本表反映部门本年度一般公共预算财政拨款实际支出情况。按功能分类的金额为示例数据。")


def basic_by_economic(wb):
    ws = wb.create_sheet("一般公共预算财政拨款基本支出决算表")
    widths(ws, 10, 28, 13, 10, 28, 13)
    row = title_block(ws, 6, "一般公共预算财政拨款基本支出决算表", code="公开06表", preparer=PREPARER, period=PERIOD,
                      unit=UNIT)
    header(ws, row, [(0, 1, 1, 3, "人员经费"), (0, 4, 1, 3, "公用经费"),
                     (1, 1, 1, 1, "科目编码"), (1, 2, 1, 1, "科目名称"), (1, 3, 1, 1, "决算数"),
                     (1, 4, 1, 1, "科目编码"), (1, 5, 1, 1, "科目名称"), (1, 6, 1, 1, "决算数")])
    row += 2
    left = economic_rows(S.PERSONNEL_ACTUAL)
    right = economic_rows(S.OFFICE_ACTUAL)
    for i in range(max(len(left), len(right))):
        for offset, rows in ((0, left), (3, right)):
            if i < len(rows):
                code, name, level, amount = rows[i]
                put(ws, row, 1 + offset, code)
                put(ws, row, 2 + offset, INDENT * (level - 1) + name)
                put(ws, row, 3 + offset, amount)
            else:
                for c in range(3):
                    put(ws, row, 1 + offset + c, None)
        row += 1
    personnel = sum(S.PERSONNEL_ACTUAL.values())
    office = sum(S.OFFICE_ACTUAL.values())
    merge(ws, row, 1, row, 2, "人员经费合计", font=F_HEAD)
    put(ws, row, 3, personnel, font=F_HEAD)
    merge(ws, row, 4, row, 5, "公用经费合计", font=F_HEAD)
    put(ws, row, 6, office, font=F_HEAD)
    row += 1
    note(ws, row, 6, "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。基本支出合计885.75万元取自部门自评报告；"
                     "人员经费、公用经费及各经济分类科目金额为示例数据，其中公务接待费77.86万元取自报告。")


def three_public(wb):
    ws = wb.create_sheet("财政拨款“三公”经费支出决算表")
    widths(ws, *([12] * 12))
    row = title_block(ws, 12, "财政拨款“三公”经费支出决算表", code="公开07表", preparer=PREPARER, period=PERIOD,
                      unit=UNIT)
    cells = []
    for block, first in (("预算数", 1), ("决算数", 7)):
        cells += [(0, first, 1, 6, block), (1, first, 2, 1, "合计"), (1, first + 1, 2, 1, "因公出国（境）费"),
                  (1, first + 2, 1, 3, "公务用车购置及运行费"), (1, first + 5, 2, 1, "公务接待费"),
                  (2, first + 2, 1, 1, "小计"), (2, first + 3, 1, 1, "公务用车购置费"),
                  (2, first + 4, 1, 1, "公务用车运行费")]
    header(ws, row, cells)
    row += 3
    zero = D("0")
    values = [S.THREE_ADJUSTED_TOTAL, zero, zero, zero, zero, S.THREE_ADJUSTED_TOTAL,
              S.THREE_ACTUAL_RECEPTION, zero, zero, zero, zero, S.THREE_ACTUAL_RECEPTION]
    for col, v in enumerate(values, start=1):
        put(ws, row, col, v)
    row += 1
    row = note(ws, row, 12, "注：本表反映部门本年度“三公”经费支出预算情况。其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的"
                            "预算数；决算数是包括当年一般公共预算财政拨款和以前年度结转资金安排的实际支出。")
    note(ws, row, 12, "预算数合计77.89万元、决算数77.86万元（全部为公务接待费）取自部门自评报告；预算数在各项之间的分配"
                      "（全部列公务接待费）为示例数据。2020年初公车已划拨至区公车平台，公务用车运行维护费为0。")


def empty_fund_tables(wb):
    ws = wb.create_sheet("政府性基金预算财政拨款收入支出决算表")
    widths(ws, 12, 28, 14, 12, 12, 12, 12, 14)
    row = title_block(ws, 8, "政府性基金预算财政拨款收入支出决算表", code="公开08表", preparer=PREPARER, period=PERIOD,
                      unit=UNIT)
    header(ws, row, [(0, 1, 1, 2, "项目"), (0, 3, 2, 1, "年初结转和结余"), (0, 4, 2, 1, "本年收入"),
                     (0, 5, 1, 3, "本年支出"), (0, 8, 2, 1, "年末结转和结余"),
                     (1, 1, 1, 1, "科目编码"), (1, 2, 1, 1, "科目名称"),
                     (1, 5, 1, 1, "小计"), (1, 6, 1, 1, "基本支出"), (1, 7, 1, 1, "项目支出")])
    row += 2
    put(ws, row, 1, "合计", font=F_HEAD)
    for col in range(2, 9):
        put(ws, row, col, None)
    row += 1
    note(ws, row, 8, "注：本单位2020年度无政府性基金预算财政拨款收入、支出及结转结余，故本表为空表。")

    ws = wb.create_sheet("国有资本经营预算财政拨款支出决算表")
    widths(ws, 12, 28, 14, 14, 14)
    row = title_block(ws, 5, "国有资本经营预算财政拨款支出决算表", code="公开09表", preparer=PREPARER, period=PERIOD,
                      unit=UNIT)
    header(ws, row, [(0, 1, 1, 2, "项目"), (0, 3, 1, 3, "本年支出"), (1, 1, 1, 1, "科目编码"), (1, 2, 1, 1, "科目名称"),
                     (1, 3, 1, 1, "合计"), (1, 4, 1, 1, "基本支出"), (1, 5, 1, 1, "项目支出")])
    row += 2
    put(ws, row, 1, "合计", font=F_HEAD)
    for col in range(2, 6):
        put(ws, row, col, None)
    row += 1
    note(ws, row, 5, "注：本单位2020年度无国有资本经营预算财政拨款支出，故本表为空表。")


def z01(wb):
    """财决01: 收入 and 支出 blocks, each 项目 | 行次 | 年初预算数 | 全年预算数 | 决算数, amounts in 元."""
    ws = wb.create_sheet("Z01 收入支出决算总表(财决01表)")
    widths(ws, 30, 6, 16, 16, 16, 28, 6, 16, 16, 16)
    row = title_block(ws, 10, "收入支出决算总表", code="财决01表", preparer=PREPARER, period=PERIOD,
                      unit="金额单位：元")
    header(ws, row, [(0, 1, 1, 5, "收入"), (0, 6, 1, 5, "支出"),
                     (1, 1, 1, 1, "项目"), (1, 2, 1, 1, "行次"), (1, 3, 1, 1, "年初预算数"), (1, 4, 1, 1, "全年预算数"),
                     (1, 5, 1, 1, "决算数"), (1, 6, 1, 1, "项目"), (1, 7, 1, 1, "行次"), (1, 8, 1, 1, "年初预算数"),
                     (1, 9, 1, 1, "全年预算数"), (1, 10, 1, 1, "决算数")])
    row += 2
    for col, text in enumerate(["栏次", None, 1, 2, 3, "栏次", None, 4, 5, 6], start=1):
        put(ws, row, col, text, font=F_HEAD)
    row += 1

    def yuan(x):
        return None if x is None else (x * 10000).quantize(D("0.01"))

    general = S.INCOME_APPROPRIATION + S.INCOME_NONTAX
    income = [("一、财政拨款收入", general, S.FINAL_INCOME, S.FINAL_INCOME),
              ("    其中：一般公共预算财政拨款", general, S.FINAL_INCOME, S.FINAL_INCOME),
              ("          政府性基金预算财政拨款", None, None, None),
              ("          国有资本经营预算财政拨款", None, None, None),
              ("二、上级补助收入", None, None, None), ("三、事业收入", None, None, None),
              ("四、经营收入", None, None, None), ("五、附属单位上缴收入", None, None, None),
              ("六、其他收入", S.INCOME_OTHER, None, None)]
    initial = class_totals(S.BUDGET_ITEMS, 0)
    actual = class_totals(S.FINAL_ITEMS, 0)
    assert sum(S.ADJUSTED_BY_CLASS.values()) == S.INCOME_GRAND_TOTAL
    n = len(CLASS_ROWS)
    for i in range(n):
        label, a, b, c = income[i] if i < len(income) else (None, None, None, None)
        put(ws, row, 1, label)
        put(ws, row, 2, i + 1)
        for col, x in zip((3, 4, 5), (a, b, c)):
            put(ws, row, col, yuan(x))
        code, _ = CLASS_ROWS[i]
        put(ws, row, 6, FUNCTION_NAMES.get(code) or CLASS_ROWS[i][1].split("、")[1])
        put(ws, row, 7, n + 4 + i + 1)
        for col, x in zip((8, 9, 10), (initial.get(code), S.ADJUSTED_BY_CLASS.get(code), actual.get(code))):
            put(ws, row, col, yuan(x))
        row += 1
    tail = [("本年收入合计", (S.INCOME_TOTAL, S.FINAL_INCOME, S.FINAL_INCOME),
             "本年支出合计", (S.INCOME_TOTAL, S.INCOME_GRAND_TOTAL, S.FINAL_EXPENSE)),
            ("用事业基金弥补收支差额", (None, None, None), "结余分配", (None, None, None)),
            ("年初结转和结余", (None, S.CARRY_IN, S.CARRY_IN), "年末结转和结余", (None, None, S.CARRY_OUT)),
            ("总计", (S.INCOME_TOTAL, S.INCOME_GRAND_TOTAL, S.INCOME_GRAND_TOTAL),
             "总计", (S.INCOME_TOTAL, S.INCOME_GRAND_TOTAL, S.EXPENSE_GRAND_TOTAL))]
    for j, (left, lv, right, rv) in enumerate(tail):
        put(ws, row, 1, left, font=F_HEAD)
        put(ws, row, 2, n + j + 1)
        for col, x in zip((3, 4, 5), lv):
            put(ws, row, col, yuan(x), font=F_HEAD)
        put(ws, row, 6, right, font=F_HEAD)
        put(ws, row, 7, 2 * n + 4 + j + 1)
        for col, x in zip((8, 9, 10), rv):
            put(ws, row, col, yuan(x), font=F_HEAD)
        row += 1
    note(ws, row, 10, "注：年初预算数取自2020年部门预算（本年收入合计944.59万元），决算数取自2020年部门决算；"
                      "全年预算数按功能分类的金额为示例数据（合计等于本年收入与年初结转和结余之和12,972,400.00元）。"
                      "支出方决算数总计比收入方少100.00元（即0.01万元），为自评报告原数。")


def build(path):
    wb = new_workbook(S.DEPARTMENT)
    summary(wb)
    income_table(wb)
    expense_table(wb)
    fiscal_summary(wb)
    general_budget_expense(wb)
    basic_by_economic(wb)
    three_public(wb)
    empty_fund_tables(wb)
    z01(wb)
    for ws in wb.worksheets:
        ws.sheet_view.showGridLines = False
    save(wb, path)
