"""`budgeteval convert` to .xlsx and to CSV in other encodings, checked by real readers.

A CSV with stock codes, percentages, CJK text, ID numbers and formula-like text becomes a workbook:
openpyxl and python-calamine must both see codes and ID numbers as text, plain decimals as numbers,
percentages as fractions with a percent format, and every other field's text unchanged. CSV output
in utf-8-bom and gb18030 must decode to the same text, and the formula guard must apply only when
asked for.
"""
import csv
import io
import subprocess
from decimal import Decimal

from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

ROWS = [
    ["代码", "名称", "金额", "比例", "身份证号", "日期", "备注"],
    ["000858", "五粮液", "1,234.50", "-22.83%", "110101199003071234", "2020-12-31", "=1+2"],
    ["0101", "行政运行（一般公共预算）", "12.5", "5%", "11010119900307123X", "2021-01-01", "-abc"],
    ["1", "𠮷野家 \"引号\", 逗号", "-0.75", "100%", "123456789012345", "2020-12-31T08:30:00", "@cmd"],
    ["", "多行\n文本", "999999999999999", "0.10%", "1234567890123456", "", "+1"],
]

# What each field must read back as: (value, number format or None).
EXPECTED_NUMBERS = {
    (1, 2): (Decimal("1234.5"), "#,##0.00"),
    (1, 3): (Decimal("-0.2283"), "0.00%"),
    (2, 2): (Decimal("12.5"), None),
    (2, 3): (Decimal("0.05"), "0%"),
    (3, 0): (Decimal("1"), None),
    (3, 2): (Decimal("-0.75"), None),
    (3, 3): (Decimal("1"), "0%"),
    (3, 4): (Decimal("123456789012345"), None),
    (4, 2): (Decimal("999999999999999"), None),
    (4, 3): (Decimal("0.001"), "0.00%"),
    (4, 6): (Decimal("1"), None),  # "+1" is a plain decimal: the sign is allowed
}


def write_csv(path, rows, encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)


def run(ctx, *args):
    done = subprocess.run([ctx.bin, *map(str, args)], capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout


def check_cell(r, c, value, fmt, reader):
    field = ROWS[r][c]
    if (r, c) in EXPECTED_NUMBERS:
        want, want_fmt = EXPECTED_NUMBERS[(r, c)]
        assert isinstance(value, (int, float)) and not isinstance(value, bool), (reader, r, c, value)
        assert Decimal(repr(value)) == want, (reader, r, c, value, want)
        if fmt is not None:
            assert (fmt if fmt != "General" else None) == want_fmt, (reader, r, c, fmt, want_fmt)
    elif field == "":
        assert value in (None, ""), (reader, r, c, value)
    else:
        assert value == field, (reader, r, c, value, field)


def test_csv_to_xlsx_types(ctx):
    src, out = ctx.tmp / "data.csv", ctx.tmp / "out.xlsx"
    write_csv(src, ROWS)
    run(ctx, "convert", src, out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["data"]
    ws = wb["data"]
    for r, row in enumerate(ROWS):
        for c in range(len(row)):
            cell = ws.cell(row=r + 1, column=c + 1)
            check_cell(r, c, cell.value, cell.number_format, "openpyxl")
            if (r, c) not in EXPECTED_NUMBERS and ROWS[r][c]:
                assert cell.data_type == "s", (r, c, cell.data_type)
    cal = CalamineWorkbook.from_path(str(out))
    assert cal.sheet_names == ["data"]
    rows = cal.get_sheet_by_name("data").to_python(skip_empty_area=False)
    for r, row in enumerate(ROWS):
        for c in range(len(row)):
            value = rows[r][c] if r < len(rows) and c < len(rows[r]) else ""
            check_cell(r, c, value, None, "calamine")


def test_csv_to_xlsx_dates_opt_in(ctx):
    src = ctx.tmp / "d.csv"
    write_csv(src, [["2020-12-31", "2020-12-31 08:30:00", "000858"]])
    run(ctx, "convert", src, ctx.tmp / "plain.xlsx")
    run(ctx, "convert", src, ctx.tmp / "dated.xlsx", "--dates")
    plain = load_workbook(ctx.tmp / "plain.xlsx").active
    assert plain["A1"].value == "2020-12-31" and plain["B1"].value == "2020-12-31 08:30:00"
    dated = load_workbook(ctx.tmp / "dated.xlsx").active
    assert dated["A1"].is_date and dated["A1"].value.isoformat() == "2020-12-31T00:00:00"
    assert dated["B1"].value.isoformat() == "2020-12-31T08:30:00"
    assert dated["C1"].value == "000858"


def test_xlsx_to_xlsx_copy(ctx):
    src = ctx.tmp / "data.csv"
    write_csv(src, ROWS)
    run(ctx, "convert", src, ctx.tmp / "a.xlsx")
    run(ctx, "convert", ctx.tmp / "a.xlsx", ctx.tmp / "b.xlsx")
    a = load_workbook(ctx.tmp / "a.xlsx").active
    b = load_workbook(ctx.tmp / "b.xlsx").active
    for ra, rb in zip(a.iter_rows(), b.iter_rows(), strict=True):
        for ca, cb in zip(ra, rb, strict=True):
            assert (ca.value, ca.number_format, ca.data_type) == (cb.value, cb.number_format, cb.data_type)


def test_csv_output_encodings(ctx):
    src = ctx.tmp / "data.csv"
    write_csv(src, ROWS)
    for encoding, codec, bom in [("utf-8", "utf-8", b""), ("utf-8-bom", "utf-8", b"\xef\xbb\xbf"),
                                 ("gb18030", "gb18030", b"")]:
        out = ctx.tmp / f"{encoding}.csv"
        run(ctx, "convert", src, out, "--encoding", encoding)
        raw = out.read_bytes()
        assert raw.startswith(bom) and (bom or not raw.startswith(b"\xef\xbb\xbf")), encoding
        text = raw[len(bom):].decode(codec)
        assert list(csv.reader(io.StringIO(text, newline=""))) == ROWS, encoding
        assert b"\r\n" in raw
        if encoding == "gb18030":
            assert "五粮液".encode("gb18030") in raw and "五粮液".encode("utf-8") not in raw
    # Standard output takes the same encodings.
    raw = run(ctx, "convert", src, "-", "--encoding", "gb18030")
    assert list(csv.reader(io.StringIO(raw.decode("gb18030"), newline=""))) == ROWS


def test_formula_guard_flag(ctx):
    src = ctx.tmp / "data.csv"
    write_csv(src, ROWS)
    plain = list(csv.reader(io.StringIO(run(ctx, "convert", src).decode(), newline="")))
    assert plain == ROWS
    guarded = list(csv.reader(io.StringIO(run(ctx, "convert", src, "--formula-guard").decode(), newline="")))
    for r, row in enumerate(ROWS):
        for c, field in enumerate(row):
            want = "'" + field if field[:1] in ("=", "+", "@") or (field.startswith("-") and field[1:2] not in
                                                                  tuple("0123456789.") and field != "-") else field
            assert guarded[r][c] == want, (r, c, guarded[r][c], want)
    assert guarded[1][3] == "-22.83%" and guarded[3][2] == "-0.75"
    off = list(csv.reader(io.StringIO(run(ctx, "convert", src, "--no-formula-guard").decode(), newline="")))
    assert off == ROWS
