"""Samples/ stays what scripts/make_samples.py generates, and carries the report's figures.

These tests read the committed files with openpyxl and the csv module (not the generator's data),
so an edit to a sample or to the script that breaks a report figure or a deliberate
inconsistency fails here. They do not need the budgeteval binary.
"""
import csv
import io
import subprocess
import sys
from decimal import Decimal

from openpyxl import load_workbook

SEED = "益阳市资阳区商务局"
SECOND = "某县农业农村局"


def amount(value):
    assert value is not None, "expected an amount, found a blank cell"
    return Decimal(str(value)).quantize(Decimal("0.01"))


def row_of(ws, column, label):
    """The first row whose cell in `column` (stripped) equals `label`."""
    for row in ws.iter_rows():
        cell = row[column - 1]
        if isinstance(cell.value, str) and cell.value.strip() == label:
            return cell.row
    raise AssertionError(f"{ws.title}: no row labelled {label!r} in column {column}")


def test_samples_match_the_generator(ctx):
    script = ctx.root / "scripts" / "make_samples.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_seed_budget_carries_the_report_totals(ctx):
    wb = load_workbook(ctx.root / "Samples" / SEED / "2020年部门预算.xlsx")
    ws = wb["部门收支总表"]
    r = row_of(ws, 1, "本年收入合计")
    assert amount(ws.cell(r, 2).value) == Decimal("944.59")
    assert amount(ws.cell(row_of(ws, 1, "1、经费拨款"), 2).value) == Decimal("605.70")
    assert amount(ws.cell(row_of(ws, 1, "九、其他收入"), 2).value) == Decimal("5.00")
    ws = wb["部门支出总表"]
    r = row_of(ws, 2, "合计")
    assert [amount(ws.cell(r, c).value) for c in (3, 4, 5)] == [Decimal("944.59"), Decimal("698.88"),
                                                                 Decimal("245.71")]
    ws = wb["一般公共预算基本支出表"]
    for code, expected in (("301", "402.53"), ("302", "286.08"), ("303", "10.27")):
        assert amount(ws.cell(row_of(ws, 1, code), 3).value) == Decimal(expected)
    ws = wb["“三公”经费支出表"]
    assert amount(ws["B6"].value) == Decimal("158.08") and amount(ws["G6"].value) == Decimal("154.58")
    ws = wb["项目支出表"]
    assert amount(ws.cell(row_of(ws, 2, "离退休人员经费"), 5).value) == Decimal("28.71")
    assert amount(ws.cell(row_of(ws, 1, "合计"), 5).value) == Decimal("245.71")


def test_seed_final_accounts_keep_the_rounding_gap(ctx):
    wb = load_workbook(ctx.root / "Samples" / SEED / "2020年部门决算.xlsx")
    ws = wb["收入支出决算总表"]
    r = row_of(ws, 1, "总计")
    assert amount(ws.cell(r, 3).value) == Decimal("1297.24")
    assert amount(ws.cell(r, 6).value) == Decimal("1297.23")
    assert amount(ws.cell(row_of(ws, 1, "年初结转和结余"), 3).value) == Decimal("341.47")
    assert amount(ws.cell(row_of(ws, 4, "年末结转和结余"), 6).value) == Decimal("274.10")
    ws = wb["支出决算表"]
    r = row_of(ws, 1, "合计")
    assert [amount(ws.cell(r, c).value) for c in (3, 4, 5)] == [Decimal("1023.13"), Decimal("885.75"),
                                                                 Decimal("137.38")]
    ws = wb["财政拨款“三公”经费支出决算表"]
    assert amount(ws["A7"].value) == Decimal("77.89") and amount(ws["G7"].value) == Decimal("77.86")
    ws = wb["Z01 收入支出决算总表(财决01表)"]
    r = row_of(ws, 6, "总计")
    assert [amount(ws.cell(r, c).value) for c in (8, 9, 10)] == [Decimal("9445900.00"), Decimal("12972400.00"),
                                                                  Decimal("12972300.00")]


def test_seed_performance_keeps_28_87(ctx):
    wb = load_workbook(ctx.root / "Samples" / SEED / "2020年项目绩效.xlsx")
    ws = wb["项目资金"]
    assert amount(ws.cell(row_of(ws, 2, "离退休人员经费"), 3).value) == Decimal("28.87")
    r = row_of(ws, 1, "合计")
    assert amount(ws.cell(r, 3).value) == Decimal("245.87") and amount(ws.cell(r, 5).value) == Decimal("137.38")
    ws = wb["绩效指标"]
    actual = {ws.cell(r, 5).value: ws.cell(r, 8).value for r in range(4, ws.max_row + 1)}
    assert actual["引进市域外资金形成固定资产投资"] == 97.62 and actual["重大项目资金到位率"] == 56.09
    assert (actual["新签约“三新”项目"], actual["新开工“三新”项目"], actual["新投产“三新”项目"]) == (46, 39, 28)


def test_csv_encodings(ctx):
    raw = (ctx.root / "Samples" / SEED / "2020年三公经费.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    try:
        raw.decode("utf-8")
        raise AssertionError("the seed CSV must be GBK, not UTF-8")
    except UnicodeDecodeError:
        pass
    rows = list(csv.reader(io.StringIO(raw.decode("gbk"), newline="")))
    assert rows[0][0] == "财政拨款“三公”经费支出决算表" and rows[1][-1] == "单位：万元"
    assert rows[5][0] == "77.89" and rows[5][6] == "77.86"
    raw = (ctx.root / "Samples" / SECOND / "2020年基本支出预算表.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
    assert rows[-2][0] == "合计" and rows[-2][2] == "2,618,450.00"


def test_second_department_totals(ctx):
    wb = load_workbook(ctx.root / "Samples" / SECOND / "2020年决算.xlsx")
    ws = wb["支出决算对照表"]
    r = row_of(ws, 2, "合    计")
    values = [amount(ws.cell(r, c).value) for c in (7, 10, 13)]
    assert values == [Decimal("3268450.00"), Decimal("3488500.00"), Decimal("3365504.92")]
    assert ws["C8"].value == 5 and ws["C8"].number_format == "00"
    ws = wb["收支决算总表"]
    r = row_of(ws, 1, "总计")
    assert amount(ws.cell(r, 2).value) == amount(ws.cell(r, 4).value) == Decimal("3488500.00")
