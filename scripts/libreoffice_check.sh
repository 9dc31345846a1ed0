#!/usr/bin/env bash
# LibreOffice opens what XLSXWriter writes: headless conversion to CSV (every sheet, raw values) and
# to PDF, then a cell-by-cell check of the CSV (Tests/Interop/check_libreoffice.py).
#
#   scripts/libreoffice_check.sh            # from the repository root; skips if soffice is missing
#
# Install LibreOffice with `apt-get install -y libreoffice-calc-nogui`. The workbooks come from the
# XLSXWriterTests interop suite (BUDGETEVAL_INTEROP_OUT keeps them): a generated rich workbook with
# its expected values, and a small styled form (A4 landscape, fit to one page wide) for the PDF.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
if ! command -v soffice >/dev/null 2>&1; then
  echo "libreoffice_check: soffice not found (apt-get install -y libreoffice-calc-nogui); skipped"
  exit 0
fi
PY=$ROOT/.venv/bin/python
[ -x "$PY" ] || PY=python3
WORK=$(mktemp -d /tmp/budgeteval-lo.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
echo "==> writing workbooks into $WORK"
BUDGETEVAL_INTEROP_OUT="$WORK" swift test --filter 'InteropTests/keepsWorkbooksForOtherClientsWhenAsked' >/dev/null
# A private profile keeps this run independent of any other LibreOffice instance.
LO=(soffice --headless "-env:UserInstallation=file://$WORK/profile")
echo "==> soffice → CSV"
"${LO[@]}" --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
  --outdir "$WORK/csv" "$WORK/rich-2020.xlsx" >/dev/null 2>&1
"$PY" Tests/Interop/check_libreoffice.py "$WORK/rich-2020.json" "$WORK/csv" rich-2020
echo "==> soffice → PDF"
"${LO[@]}" --convert-to pdf --outdir "$WORK/pdf" "$WORK/form.xlsx" >/dev/null 2>&1
PDF=$WORK/pdf/form.pdf
if [ ! -s "$PDF" ] || [ "$(head -c 4 "$PDF")" != "%PDF" ]; then
  echo "libreoffice_check: no PDF produced"; exit 1
fi
PAGES=$(grep -a -c '/Type */Page[^s]' "$PDF" || true)
echo "form.pdf: $(stat -c %s "$PDF") bytes, $PAGES page(s)"
[ "$PAGES" = 1 ] || { echo "libreoffice_check: the form should print on one page"; exit 1; }
echo "==> forms: LibreOffice recalculates the live formulas (as written, and with cached values zeroed)"
swift build >/dev/null
"$PY" Tests/Interop/run.py --bin .build/debug/budgeteval -k libreoffice_recalculates
echo "libreoffice_check: passed"
