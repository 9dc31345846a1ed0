"""`budgeteval forms` on the sample departments: the workbook opens in openpyxl and python-calamine,
both readers see the same values, and those values are the ones `--json` reports."""
import json
import subprocess
from decimal import Decimal

from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

DEPARTMENTS = ["益阳市资阳区商务局", "某县农业农村局"]
FIXED = ["部门整体支出绩效自评表", "预算执行情况对照表", "评分汇总", "检查结果"]


def run_forms(ctx, dept):
    inputs = sorted(p for p in (ctx.root / "Samples" / dept).iterdir() if p.suffix in (".xlsx", ".csv"))
    out = ctx.tmp / f"{dept}.xlsx"
    done = subprocess.run([ctx.bin, "forms", *map(str, inputs), "-o", str(out), "--json"],
                          capture_output=True, text=True)
    assert done.returncode in (0, 3), f"exit {done.returncode}: {done.stderr}"
    return out, json.loads(done.stdout), done.returncode


def dec(value, places):
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places))


def find_row(rows, column, label):
    for index, row in enumerate(rows):
        if len(row) > column and row[column] == label:
            return index
    raise AssertionError(f"no row with {label!r} in column {column}")


def check_department(ctx, dept):
    path, doc, code = run_forms(ctx, dept)
    has_errors = any(f["severity"] == "error" for f in doc["findings"])
    assert (code == 3) == has_errors, (code, has_errors)
    formulas = load_workbook(path)
    wb = load_workbook(path, data_only=True)  # cached values of the live formulas
    cal = CalamineWorkbook.from_path(str(path))
    assert wb.sheetnames == cal.sheet_names
    for name in FIXED:
        assert name in wb.sheetnames, (name, wb.sheetnames)
    assert len(wb.sheetnames) == len(FIXED) + sum(p["status"] == "scored" for p in doc["projects"])
    assert all(len(n) <= 31 for n in wb.sheetnames)

    # Every cell reads the same in both readers.
    for name in wb.sheetnames:
        ws = wb[name]
        rows = cal.get_sheet_by_name(name).to_python(skip_empty_area=False)
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                got = rows[cell.row - 1][cell.column - 1]
                if isinstance(cell.value, (int, float)):
                    assert abs(float(got) - float(cell.value)) < 1e-9, (name, cell.coordinate, cell.value, got)
                else:
                    assert got == cell.value, (name, cell.coordinate, cell.value, got)

    # Each project sheet carries the JSON's execution rate, score and total, in the national layout.
    summary = wb["评分汇总"]
    sheet_of = {summary.cell(r, 3).value: summary.cell(r, 10).value for r in range(4, summary.max_row + 1)}
    for project in doc["projects"]:
        if project["status"] != "scored":
            assert project["totalScore"] is None and project["grade"] is None
            continue
        ws = wb[sheet_of[project["name"]]]
        live = formulas[sheet_of[project["name"]]]
        # FORMS.md §4a: 执行率, 执行率得分, 总分 and 等级 are formulas over the cells they depend on.
        if project["executionRate"] is not None:
            assert live["H6"].value == "=F6/E6", live["H6"].value
            assert live["I6"].value.startswith("=ROUND(G6*MIN(MAX(H6"), live["I6"].value
        assert ws["A1"].value == "项目支出绩效自评表"
        assert ws["A5"].value.startswith("项目资金（")
        assert ws["B6"].value == "年度资金总额"
        assert [ws.cell(5, c).value for c in range(4, 10)] == ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
        assert ws["H6"].number_format == "0.00%"
        assert ws["E6"].number_format == "#,##0.00"
        assert ws["A3"].font.name == "宋体" and ws["A1"].font.bold
        if project["executionRate"] is not None:
            assert dec(ws["H6"].value, 4) == Decimal(project["executionRate"])
        if project["executionScore"] is not None:
            assert dec(ws["I6"].value, 2) == Decimal(project["executionScore"])
        total_row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "总分")
        assert dec(ws.cell(total_row, 8).value, 2) == Decimal(project["totalScore"])
        assert str(live.cell(total_row, 8).value).startswith("=IF(COUNT(")
        assert str(live.cell(total_row, 9).value).startswith("=IF(ISNUMBER(")
        grade = ws.cell(total_row, 9).value
        assert ("不评级" in grade) == (project["grade"] is None), grade
        quantitative = [r for r in range(13, total_row) if str(live.cell(r, 8).value).startswith("=ROUND(IF(")]
        assert quantitative or not any(i["direction"] != "qualitative" for i in project["indicators"])
        assert ws.page_setup.paperSize in (9, "9")
        assert ws.sheet_properties.pageSetUpPr.fitToPage
    dept_ws = wb["部门整体支出绩效自评表"]
    total_row = next(r for r in range(1, dept_ws.max_row + 1) if dept_ws.cell(r, 1).value == "总分")
    if doc["department"]["totalScore"] is not None:
        assert dec(dept_ws.cell(total_row, 8).value, 2) == Decimal(doc["department"]["totalScore"])
    assert str(formulas["部门整体支出绩效自评表"].cell(total_row, 8).value).startswith("=IF(COUNT(")
    assert doc["department"]["fullWeight"] == "100.00" and "rawScore" not in doc["department"]
    assert (doc["department"]["grade"] is None) == (doc["department"]["scoredWeight"] != doc["department"]["fullWeight"])
    findings = wb["检查结果"]
    assert findings.max_row - 3 == max(len(doc["findings"]), 1)
    return doc


def test_seed_department_forms(ctx):
    doc = check_department(ctx, DEPARTMENTS[0])
    assert len(doc["projects"]) == 9
    names = [i["name"] for i in doc["department"]["indicators"]]
    assert "“三公经费”控制率（年初）" in names and "“三公经费”控制率（调整后）" in names
    # 日常招商 外商直接投资 148 of 200 without 偏差原因: a warning with its cell.
    assert any(f["rule"] == "未达标无偏差原因" for f in doc["findings"])
    # FORMS.md §4: 预算调整率 without 年初结转和结余; the satisfaction survey is missing, so 不评级.
    adjustment = next(i for i in doc["department"]["indicators"] if i["name"] == "预算调整率")
    assert adjustment["value"] == "0.0118", adjustment
    assert doc["department"]["grade"] is None and doc["department"]["scoredWeight"] == "90.00"


def test_second_department_forms(ctx):
    check_department(ctx, DEPARTMENTS[1])
