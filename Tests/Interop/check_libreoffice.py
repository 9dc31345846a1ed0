#!/usr/bin/env python3
"""check_libreoffice.py EXPECTED.json CSV_DIR STEM — compare LibreOffice's CSV export of our workbook.

scripts/libreoffice_check.sh converts STEM.xlsx with soffice (all sheets, raw values, UTF-8) into
CSV_DIR/STEM-<sheet>.csv; this script compares every expected cell (see check_written.py for the
JSON shape). LibreOffice prints raw numbers (percentages as `98.76%`), TRUE/FALSE, error codes, and dates as
`YYYY-MM-DD hh:mm:ss` or `MM/DD/YYYY hh:mm:ss` depending on the format.
"""
import csv
import datetime
import decimal
import json
import pathlib
import re
import sys


def parse_date(text):
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y"):
        try:
            return datetime.datetime.strptime(text, fmt)
        except ValueError:
            pass
    return None


def main():
    expected_path, csv_dir, stem = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
    expected = json.load(open(expected_path, encoding="utf-8"))
    problems = []
    for sheet in expected["sheets"]:
        path = csv_dir / f"{stem}-{sheet['name']}.csv"
        if not path.exists():
            problems.append(f"{path.name}: missing")
            continue
        rows = list(csv.reader(open(path, encoding="utf-8", newline="")))
        for ref, exp in sheet["cells"].items():
            m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
            col = 0
            for ch in m.group(1):
                col = col * 26 + ord(ch) - 64
            r, c = int(m.group(2)) - 1, col - 1
            got = rows[r][c] if r < len(rows) and c < len(rows[r]) else ""
            t, want = exp["type"], exp["value"]
            if t == "number":
                try:
                    # Percent-formatted cells come out as `98.76%` even with raw values.
                    value = decimal.Decimal(got[:-1]) / 100 if got.endswith("%") else decimal.Decimal(got)
                    ok = value == decimal.Decimal(want)
                except decimal.InvalidOperation:
                    ok = False
            elif t == "date":
                d = parse_date(got)
                ok = d is not None and d == datetime.datetime.fromisoformat(want)
            elif t == "text" and len(want) > 16000:
                # LibreOffice's edit engine splits multi-line text into paragraphs of at most ~16k
                # characters, adding line breaks on export; openpyxl and calamine read it exactly.
                ok = got == want or ("\n" in want and got.replace("\n", "") == want.replace("\n", ""))
            else:
                ok = got == want
            if not ok:
                problems.append(f"{sheet['name']}!{ref}: {t} {got[:60]!r} != {want[:60]!r}")
    for p in problems:
        print("MISMATCH", p)
    cells = sum(len(s["cells"]) for s in expected["sheets"])
    print(f"check_libreoffice: {len(expected['sheets'])} sheets, {cells} cells, {len(problems)} mismatches")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
