#!/usr/bin/env bash
# make demo: runs budgeteval on the sample departments in Samples/ and says where the outputs went.
# Usage: bash scripts/demo.sh BIN OUTDIR   (the Makefile passes .build/debug/budgeteval and out/demo)
set -euo pipefail
BIN=${1:?usage: demo.sh BIN OUTDIR}
OUT=${2:?usage: demo.sh BIN OUTDIR}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mkdir -p "$OUT"

status=0
for dept in 益阳市资阳区商务局 某县农业农村局; do
  dir="$ROOT/Samples/$dept"
  [ -d "$dir" ] || { echo "demo: $dir 不存在，跳过 / missing, skipped"; continue; }
  target="$OUT/$dept"
  mkdir -p "$target"
  files=()
  while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$dir" -maxdepth 1 -type f \( -name '*.xlsx' -o -name '*.csv' \) -print0 | sort -z)
  echo "==> $dept：${#files[@]} 个输入文件"
  # forms exits 3 when the inputs hold 错误 (the seed department's report does): the forms are still written.
  set +e
  "$BIN" forms "${files[@]}" -o "$target/自评表.xlsx" --split "$target/项目" --csv "$target/csv" \
    > "$target/forms.txt" 2> "$target/forms.stderr.txt"
  rc=$?
  "$BIN" forms "${files[@]}" -o "$target/自评表.xlsx" --json > "$target/forms.json" 2>/dev/null
  set -e
  case $rc in
    0|3) ;;
    *) echo "    forms 失败（退出码 $rc）/ forms failed (exit $rc):"; sed 's/^/    /' "$target/forms.stderr.txt"; status=1; continue ;;
  esac
  echo "    自评表 / forms workbook:   $target/自评表.xlsx"
  echo "    每个项目 / one per project: $target/项目/"
  echo "    CSV:                       $target/csv/"
  echo "    JSON:                      $target/forms.json"
  echo "    检查结果 / findings:        $target/forms.txt（退出码 $rc$([ $rc = 3 ] && echo '：输入中有错误，见“检查结果”工作表')）"
  # The scores and the count of findings; the findings themselves are in forms.txt and the 检查结果 sheet.
  grep -vE ': (错误|警告|提示) \[|^    |^已写入' "$target/forms.txt" | sed 's/^/    /' || true
done

# The whole Samples/ folder as a bureau would batch it before the deadline.
echo "==> batch：Samples/ 下的全部部门 / every department under Samples/"
set +e
"$BIN" batch "$ROOT/Samples" -o "$OUT/batch" --force --quiet > "$OUT/batch.txt" 2> "$OUT/batch.stderr.txt"
rc=$?
set -e
case $rc in
  0|3)
    sed 's/^/    /' "$OUT/batch.txt"
    echo "    每个部门 / per department:   $OUT/batch/<部门>/自评表.xlsx, 检查报告.txt"
    ;;
  *) echo "    batch 失败（退出码 $rc）/ batch failed (exit $rc):"; sed 's/^/    /' "$OUT/batch.stderr.txt"; status=1 ;;
esac

echo "==> 自己运行 / run it yourself:"
echo "    $BIN --help"
echo "    $BIN forms Samples/益阳市资阳区商务局/*.xlsx Samples/益阳市资阳区商务局/*.csv -o 自评表.xlsx"
echo "    make install   # 把 budgeteval 装到 PATH / puts budgeteval on PATH: ${PREFIX:-/usr/local}/bin (PREFIX=… to change)"
exit $status
