"""Figures of the seed department, 益阳市资阳区商务局 2020 (万元).

REPORT marks figures printed in the 2020 self-evaluation report (../shared/seeds/000_…txt);
everything else is invented (示例数据) so that the tables add up to the report's totals.
"""

from .codes import residual
from .sheetkit import D

DEPARTMENT = "益阳市资阳区商务局"
INVEST_CENTER = "益阳市资阳区投资促进服务中心"
YEAR = "2020"

# ---- Budget (部门预算), REPORT section 二(一) ----
INCOME_APPROPRIATION = D("605.7")        # REPORT 经费拨款
INCOME_NONTAX = D("333.89")              # REPORT 纳入一般公共预算管理的非税收入拨款
INCOME_OTHER = D("5")                    # REPORT 其他收入
INCOME_TOTAL = D("944.59")               # REPORT 本年收入合计
BASIC_BUDGET = D("698.88")               # REPORT
PROJECT_BUDGET = D("245.71")             # REPORT
ECON_301_BUDGET = D("402.53")            # REPORT
ECON_302_BUDGET = D("286.08")            # REPORT
ECON_303_BUDGET = D("10.27")             # REPORT
assert INCOME_APPROPRIATION + INCOME_NONTAX + INCOME_OTHER == INCOME_TOTAL
assert BASIC_BUDGET + PROJECT_BUDGET == INCOME_TOTAL
assert ECON_301_BUDGET + ECON_302_BUDGET + ECON_303_BUDGET == BASIC_BUDGET

# The nine projects: name, 年初预算数 in the budget (REPORT 二), 功能分类 (示例数据),
# 年初预算数 in the performance input, 全年预算数, 全年执行数, and 全年预算数 by source
# (当年财政拨款, 上年结转资金, 其他资金) — 全年/执行/sources are 示例数据.
# 离退休人员经费: 28.71 in the budget (REPORT 二) but 28.87 in REPORT 四 — kept on purpose.
PROJECTS = [
    # name,                  budget,       code,      perf initial, adjusted,    actual,       current,     carried,    other
    ("重大招商",             D("130"),   "2011308", D("130"),   D("85"),    D("55"),    D("60"),    D("25"), None),
    ("日常招商",             D("40"),    "2011308", D("40"),    D("40"),    D("26.5"),  D("40"),    None,    None),
    ("项目包装",             D("10"),    "2011308", D("10"),    D("10"),    D("4.2"),   D("10"),    None,    None),
    ("全程代理",             D("8"),     "2011308", D("8"),     D("8"),     D("3.6"),   D("8"),     None,    None),
    ("湘西对口扶贫",         D("15"),    "2130599", D("15"),    D("15"),    D("15"),    D("15"),    None,    None),
    ("外来投资企业协会",     D("2"),     "2011308", D("2"),     D("2"),     D("2"),     D("2"),     None,    None),
    ("离退休人员经费",       D("28.71"), "2080501", D("28.87"), D("28.87"), D("21.68"), D("28.87"), None,    None),
    ("维稳经费",             D("7"),     "2011399", D("7"),     D("7"),     D("5.1"),   D("7"),     None,    None),
    ("农贸市场管理工作经费", D("5"),     "2011399", D("5"),     D("5"),     D("4.3"),   D("5"),     None,    None),
]
assert sum(p[1] for p in PROJECTS) == PROJECT_BUDGET
assert sum(p[3] for p in PROJECTS) == D("245.87")
for p in PROJECTS:
    assert sum((x or D("0")) for x in p[6:9]) == p[4], p[0]

# ---- Budget by 功能分类 (项 level: 基本支出, 项目支出) — split is 示例数据, totals REPORT ----
_basic_budget_fixed = {
    "2011350": D("215.30"), "2080501": D("10.27"), "2080505": D("58.62"), "2080506": D("15.20"),
    "2101101": D("14.35"), "2101102": D("12.48"), "2210201": D("38.74"),
}
_basic_budget = dict(_basic_budget_fixed)
_basic_budget["2011301"] = residual(BASIC_BUDGET, _basic_budget_fixed.values(), "basic budget 2011301")


def _project_by_code(index):
    out = {}
    for p in PROJECTS:
        out[p[2]] = out.get(p[2], D("0")) + p[index]
    return out


_project_budget = _project_by_code(1)
BUDGET_ITEMS = {}  # code -> (合计, 基本支出, 项目支出)
for code in sorted(set(_basic_budget) | set(_project_budget)):
    b = _basic_budget.get(code)
    p = _project_budget.get(code)
    BUDGET_ITEMS[code] = ((b or D("0")) + (p or D("0")), b, p)

# ---- Budget 一般公共预算基本支出 by 经济分类 款 (示例数据, 类 totals REPORT) ----
_e301 = {"30101": D("98.36"), "30102": D("82.42"), "30103": D("8.80"), "30107": D("36.60"),
         "30108": D("58.62"), "30109": D("15.20"), "30110": D("26.83"), "30113": D("38.74")}
_e301["30199"] = residual(ECON_301_BUDGET, _e301.values(), "301 budget")
_e302 = {"30201": D("22.40"), "30202": D("3.60"), "30205": D("1.80"), "30206": D("6.20"), "30207": D("4.50"),
         "30211": D("18.60"), "30213": D("3.00"), "30215": D("2.40"), "30216": D("2.00"),
         "30217": D("154.58"), "30228": D("6.10"), "30229": D("8.20"), "30231": D("3.50"),
         "30239": D("30.60")}
_e302["30299"] = residual(ECON_302_BUDGET, _e302.values(), "302 budget")
_e303 = {"30305": D("6.32"), "30309": D("1.80"), "30399": D("2.15")}
assert sum(_e303.values()) == ECON_303_BUDGET
BASIC_ECON_BUDGET = {**_e301, **_e302, **_e303}

# ---- 三公 (REPORT 二(三)) ----
THREE_BUDGET_RECEPTION = D("154.58")
THREE_BUDGET_CARS = D("3.5")
THREE_BUDGET_TOTAL = D("158.08")
THREE_ADJUSTED_TOTAL = D("77.89")        # REPORT 调整预算; split to 接待 is 示例数据 (report gives no split)
THREE_ACTUAL_RECEPTION = D("77.86")      # REPORT
assert THREE_BUDGET_RECEPTION + THREE_BUDGET_CARS == THREE_BUDGET_TOTAL
assert BASIC_ECON_BUDGET["30217"] == THREE_BUDGET_RECEPTION and BASIC_ECON_BUDGET["30231"] == THREE_BUDGET_CARS

# ---- Final accounts (部门决算), REPORT 二(二) ----
FINAL_INCOME = D("955.77")
CARRY_IN = D("341.47")
BASIC_ACTUAL = D("885.75")
PROJECT_ACTUAL = D("137.38")
CARRY_OUT = D("274.1")
FINAL_EXPENSE = BASIC_ACTUAL + PROJECT_ACTUAL                  # 1023.13
INCOME_GRAND_TOTAL = FINAL_INCOME + CARRY_IN                   # 1297.24 (REPORT)
EXPENSE_GRAND_TOTAL = FINAL_EXPENSE + CARRY_OUT                # 1297.23 — the report's 0.01 gap stays
assert INCOME_GRAND_TOTAL == D("1297.24") and EXPENSE_GRAND_TOTAL == D("1297.23")
assert sum(p[5] for p in PROJECTS) == PROJECT_ACTUAL

_basic_actual_fixed = {
    "2011350": D("268.40"), "2080501": D("12.35"), "2080505": D("72.18"), "2080506": D("18.96"),
    "2101101": D("17.62"), "2101102": D("15.31"), "2210201": D("46.20"),
}
_basic_actual = dict(_basic_actual_fixed)
_basic_actual["2011301"] = residual(BASIC_ACTUAL, _basic_actual_fixed.values(), "basic actual 2011301")
_project_actual = _project_by_code(5)
FINAL_ITEMS = {}  # code -> (本年支出合计, 基本支出, 项目支出)
for code in sorted(set(_basic_actual) | set(_project_actual)):
    b = _basic_actual.get(code)
    p = _project_actual.get(code)
    FINAL_ITEMS[code] = ((b or D("0")) + (p or D("0")), b, p)

# Income by 功能分类 (all 财政拨款收入) — 示例数据 summing to 955.77.
INCOME_ITEMS = {code: (_basic_actual.get(code) or D("0")) for code in FINAL_ITEMS}
for code, extra in {"2011308": D("14.15"), "2011399": D("12.00"), "2080501": D("28.87"),
                    "2130599": D("15.00")}.items():
    INCOME_ITEMS[code] += extra
assert sum(INCOME_ITEMS.values()) == FINAL_INCOME

# Basic expenditure by 经济分类 (决算, 示例数据): 人员经费 = 301 + 303, 公用经费 = 302 + 310.
_f301 = {"30101": D("128.50"), "30102": D("110.26"), "30103": D("15.60"), "30107": D("58.40"),
         "30108": D("72.18"), "30109": D("18.96"), "30110": D("32.93"), "30113": D("46.20")}
_f301["30199"] = residual(D("532.46"), _f301.values(), "301 actual")
_f303 = {"30305": D("7.85"), "30309": D("2.40"), "30399": D("2.10")}
_f302 = {"30201": D("38.50"), "30202": D("6.20"), "30205": D("2.40"), "30206": D("9.80"), "30207": D("7.30"),
         "30211": D("26.40"), "30213": D("5.60"), "30215": D("3.10"), "30216": D("2.80"),
         "30217": THREE_ACTUAL_RECEPTION, "30228": D("7.90"), "30229": D("10.50"), "30231": D("0"),
         "30239": D("42.30")}
_f302["30299"] = residual(D("335.94"), _f302.values(), "302 actual")
_f310 = {"31002": D("5.00")}
PERSONNEL_ACTUAL = {**_f301, **_f303}
OFFICE_ACTUAL = {**_f302, **_f310}
assert sum(PERSONNEL_ACTUAL.values()) + sum(OFFICE_ACTUAL.values()) == BASIC_ACTUAL

# Z01 全年预算数 by 类 (示例数据); 201 takes the rest so that the column totals 1297.24.
ADJUSTED_BY_CLASS_FIXED = {"208": D("158.60"), "210": D("33.10"), "213": D("15.00"), "221": D("46.20")}
ADJUSTED_BY_CLASS = dict(ADJUSTED_BY_CLASS_FIXED)
ADJUSTED_BY_CLASS["201"] = residual(INCOME_GRAND_TOTAL, ADJUSTED_BY_CLASS_FIXED.values(), "Z01 201")

# ---- Department facts (REPORT 一) ----
STAFF_QUOTA = 33          # REPORT 经编办核定的总人数
STAFF_IN_POST = 33        # REPORT 实有在职人数
RETIREES = 143            # REPORT
ASSETS_TOTAL = D("26.19")
ASSETS_GENERAL = D("18.52")
ASSETS_FURNITURE = D("7.67")
ASSETS_DEPRECIATION = D("8.04")
ASSETS_NET = D("18.15")
assert ASSETS_GENERAL + ASSETS_FURNITURE == ASSETS_TOTAL
assert ASSETS_TOTAL - ASSETS_DEPRECIATION == ASSETS_NET
PRIOR_THREE_RECEPTION = D("88.12")   # 示例数据 (2019)
PRIOR_THREE_CARS = D("8.23")         # 示例数据 (2019)
