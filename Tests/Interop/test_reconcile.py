"""`budgeteval reconcile` and `check` on the samples and on broken copies written to a temp folder.

Exit codes (0 / 3 / 1 / 64), the compiler-style lines naming the changed cell, the --json documents,
and the -o outputs opened by openpyxl and the csv module.
"""
import csv
import json
import shutil
import subprocess

from openpyxl import load_workbook

SEED = "益阳市资阳区商务局"
SECOND = "某县农业农村局"


def sample_files(ctx, department):
    return sorted(str(p) for p in (ctx.root / "Samples" / department).iterdir())


def run(ctx, *args):
    return subprocess.run([ctx.bin, *args], capture_output=True, text=True)


def test_check_seed_exits_3_with_the_two_report_problems(ctx):
    result = run(ctx, "check", *sample_files(ctx, SEED))
    assert result.returncode == 3, result.stderr
    lines = [l for l in result.stdout.splitlines() if not l.startswith("    ")]
    errors = [l for l in lines if ": 错误 [" in l]
    assert len(errors) == 1, errors
    assert errors[0].startswith("2020年部门预算.xlsx › 项目支出表 › E12: 错误 [项目金额矛盾]"), errors[0]
    assert any(l.startswith("2020年部门决算.xlsx › 收入支出决算总表 › C32: 提示 [总计平衡]") for l in lines)


def test_check_second_department_exits_0_even_strict(ctx):
    files = sample_files(ctx, SECOND)
    assert run(ctx, "check", *files).returncode == 0
    assert run(ctx, "check", "--strict", *files).returncode == 0


def test_strict_fails_on_warnings(ctx):
    # The seed's final accounts hold 310 资本性支出 with no budget line: a 警告.
    files = [f for f in sample_files(ctx, SEED) if "项目绩效" not in f]
    plain = run(ctx, "check", *files)
    assert plain.returncode == 0, plain.stdout
    assert ": 警告 [决算无预算]" in plain.stdout
    assert run(ctx, "check", "--strict", *files).returncode == 3


def test_usage_and_unreadable_input(ctx):
    assert run(ctx, "reconcile").returncode == 64
    assert run(ctx, "check", "--tolerance", "x", str(ctx.root / "Samples" / SEED / "2020年部门预算.xlsx")).returncode == 64
    assert run(ctx, "reconcile", "-o", str(ctx.tmp / "x.txt"), *sample_files(ctx, SEED)).returncode == 64
    missing = run(ctx, "check", str(ctx.tmp / "missing.xlsx"))
    assert missing.returncode == 1
    assert "missing.xlsx" in missing.stderr


def test_reconcile_json_document(ctx):
    result = run(ctx, "reconcile", "--json", *sample_files(ctx, SEED))
    assert result.returncode == 3
    doc = json.loads(result.stdout)
    assert doc["unit"] == "万元"
    assert set(doc) == {"unit", "rows", "findings", "totals"}
    retired = [r for r in doc["rows"] if r["name"] == "离退休人员经费"]
    assert retired and retired[0]["initialBudget"] == "28.71" and retired[0]["executionRate"] == "0.7510"
    assert all(set(f) == {"severity", "rule", "message", "cells", "expected", "found", "group"} for f in doc["findings"])
    assert all(f["group"] == {"preparedBy": "益阳市资阳区商务局", "year": 2020, "scope": "department"} for f in doc["findings"])
    assert {f["severity"] for f in doc["findings"]} == {"error", "warning", "hint"}
    check = json.loads(run(ctx, "check", "--json", *sample_files(ctx, SEED)).stdout)
    assert check["findings"] == doc["findings"]


def test_reconcile_writes_xlsx_and_csv(ctx):
    files = sample_files(ctx, SEED)
    xlsx = ctx.tmp / "对照表.xlsx"
    assert run(ctx, "reconcile", "-o", str(xlsx), *files).returncode == 3
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["预算执行情况对照表", "检查结果"]
    ws = wb["预算执行情况对照表"]
    assert ws["C3"].value == "年初预算数"
    names = {row[1].value: row for row in ws.iter_rows(min_row=4)}
    assert names["离退休人员经费"][2].value == 28.71 and names["离退休人员经费"][3].value == 28.87
    assert names["离退休人员经费"][2].number_format == "#,##0.00"
    out = ctx.tmp / "对照表.csv"
    assert run(ctx, "reconcile", "-o", str(out), *files).returncode == 3
    assert out.read_bytes().startswith(b"\xef\xbb\xbf"), "a CSV for Excel on Chinese Windows: UTF-8 with BOM by default"
    with open(out, encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0][:4] == ["分组", "科目编码", "科目（项目）名称", "年初预算数"]
    gbk = ctx.tmp / "对照表-gbk.csv"
    assert run(ctx, "reconcile", "-o", str(gbk), "--encoding", "gb18030", *files).returncode == 3
    assert gbk.read_bytes().decode("gb18030").splitlines()[0].startswith("分组,科目编码")
    assert any(r[2] == "离退休人员经费" and r[3] == "28.71" for r in rows)


def broken_copy(ctx, department, file_name, sheet, cell, value):
    folder = ctx.tmp / department
    shutil.copytree(ctx.root / "Samples" / department, folder)
    wb = load_workbook(folder / file_name)
    wb[sheet][cell] = value
    wb.save(folder / file_name)
    return sorted(str(p) for p in folder.iterdir())


def test_broken_copy_amount_changed_names_the_cell(ctx):
    # 支出决算表 row 2011308 招商引资: 决算数 in column C.
    files = broken_copy(ctx, SEED, "2020年部门决算.xlsx", "支出决算表", "C11", 95.3)
    result = run(ctx, "check", *files)
    assert result.returncode == 3
    assert "2020年部门决算.xlsx › 支出决算表 › C11 = 95.3" in result.stdout, result.stdout


def test_broken_copy_unit_switched(ctx):
    files = broken_copy(ctx, SEED, "2020年部门决算.xlsx", "Z01 收入支出决算总表(财决01表)", "J3", "金额单位：万元")
    result = run(ctx, "check", *files)
    assert result.returncode == 3
    units = [l for l in result.stdout.splitlines() if ": 错误 [单位疑误]" in l]
    assert len(units) == 2, result.stdout
    assert "Z01 收入支出决算总表(财决01表) › " in result.stdout


def test_check_runs_the_filled_form_rules(ctx):
    # The 农贸市场 form with a 得分 of 20 where the funds block is worth 10: a form finding in `check`.
    files = broken_copy(ctx, SEED, "2020年项目绩效.xlsx", "项目自评表-农贸市场", "I6", 20)
    result = run(ctx, "check", *files)
    assert result.returncode == 3
    lines = [l for l in result.stdout.splitlines() if "项目自评表-农贸市场 › I6" in l and not l.startswith("    ")]
    assert lines, result.stdout
    # The filled-form checks are input findings: reconcile lists them exactly as check does.
    reconcile = run(ctx, "reconcile", *files)
    assert "项目自评表-农贸市场 › I6:" in reconcile.stdout
