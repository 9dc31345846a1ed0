"""Small helpers to lay out finance-style tables with openpyxl and save them deterministically.

Finance software exports (久其, 用友, the provincial budget systems) share a look: a bold title row
merged across the table, a line with 编制单位 on the left and the unit on the right, a table code
such as `公开01表` in the top-right corner, thin borders around every header and data cell,
merged multi-row headers, and amounts with a thousands separator and two decimals. The helpers
below reproduce that look so the samples resemble what a bureau hands over.
"""
import datetime
import io
import zipfile
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

FIXED_TIME = datetime.datetime(2021, 3, 15, 9, 0, 0)
ZIP_TIME = (2021, 3, 15, 9, 0, 0)

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
F_TITLE = Font(name="宋体", size=16, bold=True)
F_INFO = Font(name="宋体", size=10)
F_HEAD = Font(name="宋体", size=10, bold=True)
F_BODY = Font(name="宋体", size=10)
F_NOTE = Font(name="宋体", size=9, italic=False)
GRAY = PatternFill("solid", fgColor="D9D9D9")
MONEY_FMT = "#,##0.00"

CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=False)
LEFT_WRAP = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")


def D(text):
    """An exact amount from text (never from a float)."""
    return Decimal(text)


def new_workbook(creator):
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = creator
    wb.properties.lastModifiedBy = creator
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    return wb


def widths(ws, *values):
    """Column widths from column A on."""
    for index, width in enumerate(values, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


def put(ws, row, col, value, *, font=F_BODY, border=True, align=None, fmt=None, fill=None):
    """Write one cell; Decimal amounts become numbers with the money format, None stays blank."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, Decimal):
        cell.value = float(value)
        cell.number_format = fmt or MONEY_FMT
        cell.alignment = align or RIGHT
    else:
        cell.value = value
        if fmt:
            cell.number_format = fmt
        if align:
            cell.alignment = align
        elif isinstance(value, (int, float)):
            cell.alignment = RIGHT
        else:
            cell.alignment = LEFT
    cell.font = font
    if border:
        cell.border = BORDER
    if fill:
        cell.fill = fill
    return cell


def merge(ws, r1, c1, r2, c2, value, *, font=F_HEAD, border=True, align=CENTER, fill=None, fmt=None):
    """Write `value` into the top-left cell of a range, style every cell of it, then merge."""
    for r in range(r1, r2 + 1):
        for c in range(c1, c2 + 1):
            cell = ws.cell(row=r, column=c)
            if border:
                cell.border = BORDER
            if fill:
                cell.fill = fill
            cell.font = font
            cell.alignment = align
    put(ws, r1, c1, value, font=font, border=border, align=align, fill=fill, fmt=fmt)
    if (r1, c1) != (r2, c2):
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)


def header(ws, top, cells, *, fill=None):
    """Header cells given as (row offset, column, row span, column span, text)."""
    for dr, col, rspan, cspan, text in cells:
        merge(ws, top + dr, col, top + dr + rspan - 1, col + cspan - 1, text, fill=fill)


def title_block(ws, ncols, title, *, code=None, preparer=None, unit=None, period=None, first_col=1,
                title_row=1):
    """Title rows; returns the first free row. The table code sits above the title at the right."""
    row = title_row
    last = first_col + ncols - 1
    if code:
        put(ws, row, last, code, font=F_INFO, border=False, align=RIGHT)
        row += 1
    merge(ws, row, first_col, row, last, title, font=F_TITLE, border=False, align=CENTER)
    ws.row_dimensions[row].height = 28
    row += 1
    if preparer or unit or period:
        if preparer:
            put(ws, row, first_col, preparer, font=F_INFO, border=False, align=LEFT)
        if period:
            mid = first_col + ncols // 2
            put(ws, row, mid, period, font=F_INFO, border=False, align=CENTER)
        if unit:
            put(ws, row, last, unit, font=F_INFO, border=False, align=RIGHT)
        row += 1
    return row


def note(ws, row, ncols, text, *, first_col=1):
    merge(ws, row, first_col, row, first_col + ncols - 1, text, font=F_NOTE, border=False, align=LEFT_WRAP)
    ws.row_dimensions[row].height = 15 if len(text) < 80 else 30
    return row + 1


def save(wb, path):
    """Save with fixed document and zip timestamps, so reruns give identical bytes.

    openpyxl stamps docProps/core.xml `modified` with the current time and the zip entries with
    the current local time; both are replaced here.
    """
    buffer = io.BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                start = text.index("<dcterms:modified")
                end = text.index("</dcterms:modified>") + len("</dcterms:modified>")
                text = (text[:start]
                        + f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
                        + text[end:])
                data = text.encode("utf-8")
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, data)
