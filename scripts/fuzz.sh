#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/, a separate package) and runs each for a bounded time.
#
#   bash scripts/fuzz.sh [SECONDS_EACH] [TARGET ...]      (make fuzz FUZZ_SECONDS=600)
#
# Environment: FUZZ_JOBS (targets run at once, default 1), FUZZ_RSS_MB (per-process memory cap,
# default 2048), FUZZ_TIMEOUT (seconds per input before it counts as a hang, default 10).
# Work files live in .fuzz/ (git-ignored): seeds/ rebuilt from Tests/*/Fixtures on every run,
# corpus/<target>/ grows across runs, artifacts/<target>/ holds crash-*, leak-*, timeout-*,
# oom-* inputs, logs/<target>.log the fuzzer's output, history.tsv one line per target run (time,
# target, seconds, executions, findings). Exits 1 if any target found something.
set -uo pipefail

SECONDS_EACH=${1:-60}
shift || true
ALL=(FuzzXLSXPackage FuzzXLSXParts FuzzCSV FuzzFinanceParsers FuzzFinanceLayers)
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=("${ALL[@]}")
JOBS=${FUZZ_JOBS:-1}
RSS_MB=${FUZZ_RSS_MB:-2048}
TIMEOUT=${FUZZ_TIMEOUT:-10}

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK="$ROOT/.fuzz"
SCRATCH="$ROOT/.build-fuzz"
mkdir -p "$WORK/logs"

echo "==> building fuzz targets into $SCRATCH"
for t in "${TARGETS[@]}"; do
    (cd "$ROOT/Fuzz" && swift build -c debug --scratch-path "$SCRATCH" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product "$t") \
        > "$WORK/logs/build-$t.log" 2>&1 || { echo "fuzz: build of $t failed (see $WORK/logs/build-$t.log)"; exit 1; }
done
rm -rf "$WORK/seeds"
python3 "$ROOT/scripts/fuzz_seeds.py" "$WORK/seeds"

run_one() {
    local t=$1
    local corpus="$WORK/corpus/$t" artifacts="$WORK/artifacts/$t/"
    mkdir -p "$corpus" "$artifacts" "$WORK/seeds/$t"
    local max_len=1048576
    [ "$t" = FuzzFinanceParsers ] && max_len=256
    [ "$t" = FuzzCSV ] && max_len=65536
    [ "$t" = FuzzFinanceLayers ] && max_len=4096
    # Scratch files in a private folder, on tmpfs when there is one (CSVWriter fsyncs every output).
    local tmp="$WORK/tmp/$t"
    [ -d /dev/shm ] && [ -w /dev/shm ] && tmp="/dev/shm/budgeteval-fuzz-$$-$t"
    mkdir -p "$tmp"
    (cd "$WORK" && TMPDIR="$tmp" ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 "$SCRATCH/debug/$t" \
        -max_total_time="$SECONDS_EACH" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" -max_len=$max_len \
        -print_final_stats=1 -artifact_prefix="$artifacts" "$corpus" "$WORK/seeds/$t") \
        > "$WORK/logs/$t.log" 2>&1
    echo $? > "$WORK/logs/$t.rc"
    rm -rf "$tmp"
}

echo "==> running ${#TARGETS[@]} target(s), ${SECONDS_EACH}s each, $JOBS at a time"
running=0
for t in "${TARGETS[@]}"; do
    run_one "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$JOBS" ]; then wait -n; running=$((running - 1)); fi
done
wait

failed=0
for t in "${TARGETS[@]}"; do
    rc=$(cat "$WORK/logs/$t.rc" 2>/dev/null || echo "?")
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$WORK/logs/$t.log" | grep -o '[0-9]*$' | tail -1)
    secs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$WORK/logs/$t.log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' | tail -1)
    found=$(find "$WORK/artifacts/$t" -type f 2>/dev/null | wc -l)
    echo "fuzz: $t: ${runs:-?} executions in ${secs:-?} s, corpus $(ls "$WORK/corpus/$t" | wc -l) inputs, exit $rc, $found artifact(s)"
    printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "${secs:-?}" "${runs:-?}" "$found" >> "$WORK/history.tsv"
    if [ "$rc" != 0 ] || [ "$found" != 0 ]; then
        failed=1
        grep -E 'FUZZ FINDING|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|SUMMARY|Fatal error' "$WORK/logs/$t.log" | head -5
        find "$WORK/artifacts/$t" -type f | head -5
    fi
done
exit $failed
