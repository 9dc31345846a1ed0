#!/usr/bin/env python3
"""xlsxwriter_bench.py IN.csv OUT.xlsx — the same CSV → XLSX conversion with XlsxWriter (constant_memory).

Same typing rule as xlsx-write-bench and libxlsxwriter_bench.c.
"""
import csv
import re
import sys

import xlsxwriter

NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?\Z")


def is_number(f):
    return NUMBER.match(f) is not None and len(f.lstrip("-").replace(".", "").lstrip("0")) <= 15


def main():
    src, out = sys.argv[1], sys.argv[2]
    wb = xlsxwriter.Workbook(out, {"constant_memory": True})
    ws = wb.add_worksheet("Sheet1")
    with open(src, newline="", encoding="utf-8") as fh:
        for r, rec in enumerate(csv.reader(fh)):
            for c, f in enumerate(rec):
                if not f:
                    continue
                if is_number(f):
                    ws.write_number(r, c, float(f))
                else:
                    ws.write_string(r, c, f)
    wb.close()


if __name__ == "__main__":
    main()
