#!/usr/bin/env bash
# Read benchmark: the 500,000-row budget workbook to CSV with budgeteval, fastexcel and python-calamine.
#
#   bash Benchmarks/run.sh [BIN] [SHARED]      (make bench: BIN=.build/release/budgeteval SHARED=../shared)
#
# Generates Benchmarks/data/large.xlsx with SHARED/bench/gen_workbook.py (once; git-ignored), then times
# each reader with /usr/bin/time -v (wall time, peak RSS) and prints cells/s and the ratios to fastexcel.
# The Python libraries come from .venv (make venv; fastexcel is installed there if missing).
set -euo pipefail
BIN=${1:-.build/release/budgeteval}
SHARED=${2:-../shared}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA="$ROOT/Benchmarks/data"
PY="$ROOT/.venv/bin/python"
RUNS=${RUNS:-3}
mkdir -p "$DATA"
[ -x "$PY" ] || { echo "bench: $PY missing; run make venv" >&2; exit 1; }
"$PY" -c 'import fastexcel' 2>/dev/null || "$ROOT/.venv/bin/pip" install -q fastexcel
if [ ! -f "$DATA/large.xlsx" ]; then
  [ -f "$SHARED/bench/gen_workbook.py" ] || { echo "bench: $SHARED/bench/gen_workbook.py not found, skipped"; exit 0; }
  echo "==> generating $DATA/large.xlsx (about 1.5 minutes)"
  "$PY" "$SHARED/bench/gen_workbook.py" large --out "$DATA" >/dev/null
fi
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }
XLSX="$DATA/large.xlsx"
CELLS=$(wc -l < "$DATA/large.csv")   # rows; cells below are the 8-column grid
CELLS=$((CELLS * 8))

# measure NAME CMD...: median wall time and median CPU (user+sys) of $RUNS runs, and the largest peak RSS.
measure() {
  local name=$1; shift
  local times=() cpus=() rss=0
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -v -o "$DATA/time.txt" "$@" >/dev/null 2>"$DATA/stderr.txt" || { cat "$DATA/stderr.txt" >&2; exit 1; }
    local wall kb
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$DATA/time.txt")
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$DATA/time.txt")
    cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$DATA/time.txt")
    times+=("$wall"); cpus+=("$cpu"); [ "$kb" -gt "$rss" ] && rss=$kb
  done
  local median cpu_median
  median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  cpu_median=$(printf '%s\n' "${cpus[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$name $median $rss $cpu_median"
}

echo "==> $XLSX: $(du -h "$XLSX" | cut -f1), sheet 1 = $CELLS cells (500,005 rows x 8), median of $RUNS runs"
results=()
results+=("$(measure budgeteval-libxml2 env BUDGETEVAL_XLSX_PARSER=libxml2 "$BIN" convert "$XLSX" "$DATA/out.budgeteval.csv")")
results+=("$(measure budgeteval "$BIN" convert "$XLSX" "$DATA/out.budgeteval.csv")")
results+=("$(measure fastexcel "$PY" "$ROOT/Benchmarks/read_with.py" fastexcel "$XLSX" "$DATA/out.fastexcel.csv")")
results+=("$(measure python-calamine "$PY" "$ROOT/Benchmarks/read_with.py" calamine "$XLSX" "$DATA/out.calamine.csv")")
fast=$(printf '%s\n' "${results[@]}" | awk '$1=="fastexcel" {print $2}')
fastcpu=$(printf '%s\n' "${results[@]}" | awk '$1=="fastexcel" {print $4}')
printf '%-20s %9s %12s %12s %10s %9s %10s\n' reader "wall (s)" "cells/s" "peak MiB" "÷fastexcel" "CPU (s)" "CPU ÷fe"
for r in "${results[@]}"; do
  read -r name t kb cpu <<<"$r"
  awk -v n="$name" -v t="$t" -v kb="$kb" -v c="$CELLS" -v f="$fast" -v u="$cpu" -v fu="$fastcpu" \
    'BEGIN {printf "%-20s %9.2f %12.0f %12.1f %10.2f %9.2f %10.2f\n", n, t, c / t, kb / 1024, t / f, u, u / fu}'
done
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (wall times need an idle machine)"
echo "(target: budgeteval <= 0.50 x fastexcel's time, peak <= 64 MiB)"
