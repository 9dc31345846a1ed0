"""budgeteval convert reads what openpyxl and XlsxWriter write the way python-calamine does."""
import csv
import datetime
import subprocess

from python_calamine import CalamineWorkbook


def convert(ctx, path):
    p = subprocess.run([ctx.bin, 'convert', str(path), '--all-sheets', str(ctx.tmp / 'out')],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    return p


def read_csv(path):
    with open(path, newline='', encoding='utf-8') as f:
        return list(csv.reader(f))


def calamine_text(value):
    if isinstance(value, bool):
        return 'TRUE' if value else 'FALSE'
    if isinstance(value, float):
        return repr(value).removesuffix('.0') if value.is_integer() else repr(value)
    if isinstance(value, datetime.datetime):
        return value.isoformat() if value.time() != datetime.time() else value.date().isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def test_openpyxl_workbook_matches_calamine(ctx):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '支出表'
    ws.append(['科目', '金额', '日期', '比例', '备注'])
    ws.append(['一般公共服务', 1234.56, datetime.datetime(2020, 12, 31), 0.1 + 0.2, 'R&D <"x">'])
    ws.append(['教育', 1e-3, datetime.datetime(2021, 1, 1, 8, 30), True, '  spaced  '])
    ws['C2'].number_format = 'yyyy-mm-dd'
    ws.merge_cells('A5:E5')
    ws['A5'] = '合计'
    ws2 = wb.create_sheet('隐藏')
    ws2.sheet_state = 'hidden'
    ws2['B2'] = 42
    path = ctx.tmp / 'openpyxl.xlsx'
    wb.save(path)
    convert(ctx, path)
    book = CalamineWorkbook.from_path(str(path))
    for index, name in enumerate(book.sheet_names, start=1):
        expected = [[calamine_text(v) for v in row] for row in
                    book.get_sheet_by_name(name).to_python(skip_empty_area=False)]
        got = read_csv(ctx.tmp / 'out' / f'openpyxl.xlsx__{index}.csv')
        trim = lambda rows: [r[:max([i + 1 for i, v in enumerate(r) if v] or [0])] for r in rows]
        exp, act = trim(expected), trim(got)
        while exp and not exp[-1]:
            exp.pop()
        while act and not act[-1]:
            act.pop()
        assert act == exp, f'sheet {name}: {act} != {exp}'


def test_xlsxwriter_constant_memory_inline_strings(ctx):
    import xlsxwriter
    path = ctx.tmp / 'inline.xlsx'
    wb = xlsxwriter.Workbook(str(path), {'constant_memory': True})
    ws = wb.add_worksheet('数据')
    for r in range(200):
        ws.write_row(r, 0, [f'项目{r}', r * 1.1, r % 2 == 0])
    wb.close()
    convert(ctx, path)
    rows = read_csv(ctx.tmp / 'out' / 'inline.xlsx__1.csv')
    assert len(rows) == 200
    expected = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    for r in (0, 3, 10, 199):
        assert rows[r] == [calamine_text(v) for v in expected[r]], (rows[r], expected[r])
        assert rows[r][0] == f'项目{r}' and rows[r][2] == ('TRUE' if r % 2 == 0 else 'FALSE')
