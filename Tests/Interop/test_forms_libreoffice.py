"""LibreOffice recalculates the forms' live formulas (FORMS.md §4a) and gets the figures the tool cached.

Skipped (reported as SKIP, never as passed) when `soffice` is not installed. LibreOffice ignores
`fullCalcOnLoad`, so a private profile sets /org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode = 0
(always recalculate). Two conversions: the workbook as written, and a copy whose formula cells' cached
values were all set to 0 — both must come back with every formula's value equal to the tool's cached
one at the displayed precision.
"""
import re
import shutil
import subprocess
import unittest
import zipfile
from decimal import Decimal

from openpyxl import load_workbook

PROFILE_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""

DEPARTMENTS = ["益阳市资阳区商务局", "某县农业农村局"]


def soffice():
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if not path:
        raise unittest.SkipTest("soffice not installed (apt-get install -y libreoffice-calc-nogui)")
    return path


def zero_cached_values(src, dst):
    """A copy whose formula cells cache 0 (numbers) or "0" (text) instead of the tool's results."""
    pattern = re.compile(rb"(<f>[^<]*</f><v>)([^<]*)(</v>)")
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = pattern.sub(rb"\g<1>0\g<3>", data)
            zout.writestr(item, data)


def recalculated(binary, ctx, path, tag):
    profile = ctx.tmp / f"profile-{tag}"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(PROFILE_XCU, encoding="utf-8")
    out = ctx.tmp / f"lo-{tag}"
    done = subprocess.run([binary, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx",
                           "--outdir", str(out), str(path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return load_workbook(out / path.name, data_only=True)


def shown(value, number_format):
    """A value at the precision its cell displays (0.00% → 4 decimals of the fraction, 0.00 → 2)."""
    if value is None or isinstance(value, str):
        return value or ""
    places = 4 if "%" in (number_format or "") else 2
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places))


def check(ctx, dept):
    binary = soffice()
    inputs = sorted(p for p in (ctx.root / "Samples" / dept).iterdir() if p.suffix in (".xlsx", ".csv"))
    written = ctx.tmp / "forms.xlsx"
    done = subprocess.run([ctx.bin, "forms", *map(str, inputs), "-o", str(written)], capture_output=True, text=True)
    assert done.returncode in (0, 3), done.stderr
    zeroed = ctx.tmp / "zeroed.xlsx"
    zero_cached_values(written, zeroed)
    formulas = load_workbook(written)
    cached = load_workbook(written, data_only=True)
    checked = 0
    for tag, path in (("asis", written), ("zeroed", zeroed)):
        recalc = recalculated(binary, ctx, path, tag)
        for ws in formulas.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if not (isinstance(cell.value, str) and cell.value.startswith("=")):
                        continue
                    want = shown(cached[ws.title][cell.coordinate].value, cell.number_format)
                    got = shown(recalc[ws.title][cell.coordinate].value, cell.number_format)
                    assert got == want, (tag, ws.title, cell.coordinate, cell.value, want, got)
                    checked += 1
    assert checked > 20, checked


def test_libreoffice_recalculates_seed_forms(ctx):
    check(ctx, DEPARTMENTS[0])


def test_libreoffice_recalculates_second_department_forms(ctx):
    check(ctx, DEPARTMENTS[1])
