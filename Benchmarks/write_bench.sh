#!/usr/bin/env bash
# Benchmark: the 500,000-row × 8-column CSV from ../shared/bench/gen_workbook.py written to XLSX by
#   ours          Benchmarks/xlsx-write-bench (XLSXWriter; stand-in for `budgeteval convert` CSV→XLSX)
#   libxlsxwriter Benchmarks/libxlsxwriter_bench.c, constant_memory (Debian's libxlsxwriter-dev)
#   XlsxWriter    Benchmarks/xlsxwriter_bench.py, constant_memory (skip with SKIP_PY=1)
# All three read the same CSV and apply the same typing rule. Prints wall time and peak RSS
# (/usr/bin/time) per run (best of RUNS, default 3), file sizes and our ratios to libxlsxwriter.
# Usage: Benchmarks/write_bench.sh [SHARED_DIR]   (run from anywhere; release build included)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${1:-$ROOT/../shared}
RUNS=${RUNS:-3}
DATA=$ROOT/Benchmarks/data
OUT=$DATA/out
PY=$ROOT/.venv/bin/python
[ -x "$PY" ] || PY=python3
mkdir -p "$OUT"

if [ ! -f "$DATA/large.csv" ]; then
  echo "==> generating $DATA/large.csv"
  "$PY" "$SHARED/bench/gen_workbook.py" large --out "$DATA"
fi
echo "==> building (release)"
swift build -c release --package-path "$ROOT/Benchmarks" >/dev/null
OURS=$(swift build -c release --package-path "$ROOT/Benchmarks" --show-bin-path)/xlsx-write-bench
cc -O2 -o "$OUT/libxlsxwriter_bench" "$ROOT/Benchmarks/libxlsxwriter_bench.c" -lxlsxwriter

# measure NAME OUTFILE CMD... → sets BEST_S, BEST_KB, SIZE (CPU = user + sys of the best run)
measure() {
  local name=$1 file=$2; shift 2
  BEST_S=""; BEST_KB=""; BEST_CPU=""
  for _ in $(seq "$RUNS"); do
    rm -f "$file"
    /usr/bin/time -f "%e %M %U %S" -o "$OUT/time.txt" "$@" >/dev/null
    read -r s kb u sy < "$OUT/time.txt"
    if [ -z "$BEST_S" ] || awk "BEGIN{exit !($s < $BEST_S)}"; then
      BEST_S=$s; BEST_KB=$kb; BEST_CPU=$(awk "BEGIN{print $u + $sy}")
    fi
  done
  SIZE=$(stat -c %s "$file")
  printf "%-14s %7.2f s wall  %7.2f s cpu  %7.1f MiB  %10d bytes\n" "$name" "$BEST_S" "$BEST_CPU" \
    "$(awk "BEGIN{print $BEST_KB/1024}")" "$SIZE"
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (wall times need an idle machine)"

echo "==> writing $(wc -l < "$DATA/large.csv") CSV rows, best of $RUNS"
measure ours "$OUT/ours.xlsx" "$OURS" "$DATA/large.csv" "$OUT/ours.xlsx"
O_S=$BEST_S; O_KB=$BEST_KB; O_SIZE=$SIZE
measure libxlsxwriter "$OUT/lxw.xlsx" "$OUT/libxlsxwriter_bench" "$DATA/large.csv" "$OUT/lxw.xlsx"
L_S=$BEST_S; L_SIZE=$SIZE
if [ "${SKIP_PY:-0}" != 1 ]; then
  RUNS=1 measure XlsxWriter "$OUT/xlsxwriter.xlsx" "$PY" "$ROOT/Benchmarks/xlsxwriter_bench.py" "$DATA/large.csv" "$OUT/xlsxwriter.xlsx"
fi
awk -v os="$O_S" -v ls="$L_S" -v okb="$O_KB" -v osz="$O_SIZE" -v lsz="$L_SIZE" 'BEGIN {
  printf "ours / libxlsxwriter: time %.2f× (target ≤ 0.5), size %.2f× (target ≤ 1.5), peak RSS %.1f MiB (target ≤ 100)\n",
         os / ls, osz / lsz, okb / 1024
  if (os / ls > 0.5 || osz / lsz > 1.5 || okb / 1024 > 100) { print "TARGET MISSED"; exit 1 }
}'
