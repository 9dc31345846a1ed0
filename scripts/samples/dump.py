"""Text listing of a sample file: per sheet its size, merged ranges and every non-empty cell.

Numbers print as stored (`402.53`, `1`) followed by their number format when it is not General;
text prints quoted. CSV files print their encoding and one line per record.
"""
import csv
import io

from openpyxl import load_workbook


def dump_file(path, out):
    out.write(f"=== {path}\n")
    if path.suffix == ".csv":
        dump_csv(path, out)
    else:
        dump_xlsx(path, out)
    out.write("\n")


def dump_xlsx(path, out):
    wb = load_workbook(path)
    for ws in wb.worksheets:
        out.write(f"--- sheet {ws.title!r}  dimensions {ws.dimensions}\n")
        merged = sorted(str(r) for r in ws.merged_cells.ranges)
        if merged:
            out.write("merged: " + " ".join(merged) + "\n")
        for row in ws.iter_rows():
            cells = []
            for cell in row:
                if cell.value is None:
                    continue
                if isinstance(cell.value, str):
                    text = repr(cell.value)
                else:
                    text = repr(cell.value)
                    if cell.number_format and cell.number_format != "General":
                        text += f" [{cell.number_format}]"
                cells.append(f"{cell.coordinate}={text}")
            if cells:
                out.write("  ".join(cells) + "\n")


def dump_csv(path, out):
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        encoding, text = "utf-8 with BOM", raw[3:].decode("utf-8")
    else:
        try:
            encoding, text = "utf-8", raw.decode("utf-8")
        except UnicodeDecodeError:
            encoding, text = "gbk", raw.decode("gbk")
    line_end = "CRLF" if b"\r\n" in raw else "LF"
    out.write(f"encoding {encoding}, line ends {line_end}\n")
    for number, record in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
        out.write(f"{number}: " + " | ".join(record) + "\n")
