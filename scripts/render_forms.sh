#!/usr/bin/env bash
# Renders a forms workbook with LibreOffice so a person can look at it: one PDF of every sheet, and a
# PNG of each sheet's first page. Skips with a message when LibreOffice (soffice) is not installed.
# Usage: bash scripts/render_forms.sh 自评表.xlsx [OUTDIR]
set -euo pipefail
IN=${1:?usage: render_forms.sh WORKBOOK.xlsx [OUTDIR]}
OUT=${2:-$(dirname "$IN")/render}
SOFFICE=$(command -v soffice || command -v libreoffice || true)
if [ -z "$SOFFICE" ]; then
  echo "render_forms: 未安装 LibreOffice（soffice），跳过 / LibreOffice not installed, skipped"
  exit 0
fi
mkdir -p "$OUT"
# A private profile so a running LibreOffice (or a locked default profile) does not block the conversion.
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT
base=$(basename "${IN%.*}")
"$SOFFICE" -env:UserInstallation="file://$PROFILE" --headless --convert-to pdf --outdir "$OUT" "$IN" >/dev/null 2>&1
echo "PDF: $OUT/$base.pdf"
if command -v pdftoppm >/dev/null 2>&1; then
  pdftoppm -png -r 80 "$OUT/$base.pdf" "$OUT/$base"
  ls "$OUT"/"$base"*.png | sed 's/^/PNG: /'
else
  # Without poppler, LibreOffice renders the first sheet's first page.
  "$SOFFICE" -env:UserInstallation="file://$PROFILE" --headless --convert-to png --outdir "$OUT" "$IN" >/dev/null 2>&1
  echo "PNG: $OUT/$base.png（仅第一页 / first page only: install poppler-utils for every page）"
fi
