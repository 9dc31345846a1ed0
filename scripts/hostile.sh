#!/usr/bin/env bash
# Runs the hostile-file corpus through the built binary under time and memory limits (make hostile).
#
#   bash scripts/hostile.sh BIN
#
# Every hostile file must end in a clear refusal: `BIN convert FILE OUT.csv` exits 1 within 5 s and
# 300 MB, writes no OUT.csv (and leaves no temporary file), and says why on stderr in Chinese.
# Two files must instead convert within the same limits: dimension_full_sheet.xlsx (declares all
# 16,384 × 1,048,576 cells, holds two: the declaration is not trusted, so it costs nothing) and
# generated_no_angle_run.xlsx (100 MiB of text without '>', on which the byte scanner was quadratic).
# Files: Tests/XLSXFormatTests/Fixtures (hostile_*, broken and OLE inputs), Tests/HostileTests/Fixtures,
# and the big generated ones (100,000 entries, 4 GiB bombs, a 320 MiB unclosed CSV quote, a CSV record
# of 40 million fields) written to a scratch folder by
# Tests/HostileTests/Fixtures/make_hostile.py --generated. A benchmark-style check, not a unit test.
set -uo pipefail

BIN=${1:?usage: hostile.sh BIN}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TIME_LIMIT=${HOSTILE_SECONDS:-5}
RSS_LIMIT_KB=${HOSTILE_RSS_KB:-307200}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/budgeteval-hostile-XXXXXX")
trap 'rm -rf "$WORK"' EXIT

python3 "$ROOT/Tests/HostileTests/Fixtures/make_hostile.py" --generated "$WORK/generated" >/dev/null || {
    echo "hostile: cannot generate the big inputs (python3 needed)"; exit 1; }

X="$ROOT/Tests/XLSXFormatTests/Fixtures"
FILES=(
    "$X"/hostile_xxe.xlsx "$X"/hostile_billion_laughs.xlsx "$X"/hostile_doctype.xlsx "$X"/hostile_zip_bomb.xlsx
    "$X"/invalid_utf8.xlsx "$X"/malformed_xml.xlsx "$X"/truncated.xlsx "$X"/not_a_zip.xlsx
    "$X"/encrypted_ole.xlsx "$X"/legacy_ole.xls "$X"/bad_reference.xlsx "$X"/bad_row_number.xlsx
    "$X"/sst_out_of_range.xlsx
    "$ROOT"/Tests/HostileTests/Fixtures/*.xlsx
    "$WORK"/generated/*.xlsx
    "$WORK"/generated/*.csv
)

passed=0
failed=0
for file in "${FILES[@]}"; do
    name=$(basename "$file")
    out="$WORK/out/$name.csv"
    rm -rf "$WORK/out" && mkdir -p "$WORK/out"
    expect_ok=0
    case "$name" in dimension_full_sheet.xlsx | generated_no_angle_run.xlsx) expect_ok=1 ;; esac
    /usr/bin/time -f '%M %e' -o "$WORK/usage" timeout -s KILL "$TIME_LIMIT" "$BIN" convert "$file" "$out" \
        > /dev/null 2> "$WORK/stderr"
    rc=$?
    read -r rss secs < <(tail -1 "$WORK/usage" | grep -E '^[0-9]+ ' || echo "0 0")
    problems=()
    if [ "$rc" = 137 ] || grep -q 'Command terminated by signal 9' "$WORK/usage"; then
        problems+=("killed after ${TIME_LIMIT}s")
    fi
    [ "${rss:-0}" -gt "$RSS_LIMIT_KB" ] && problems+=("max RSS ${rss} KB over ${RSS_LIMIT_KB} KB")
    if [ "$expect_ok" = 1 ]; then
        [ "$rc" = 0 ] || problems+=("exit $rc, expected 0")
        [ -f "$out" ] || problems+=("no output written")
    else
        [ "$rc" = 1 ] || problems+=("exit $rc, expected 1")
        [ -e "$out" ] && problems+=("output file written")
        LC_ALL=C.UTF-8 grep -qP '\p{Han}' "$WORK/stderr" || problems+=("no Chinese message on stderr")
    fi
    leftovers=$(find "$WORK/out" -mindepth 1 ! -name "$name.csv" | wc -l)
    [ "$leftovers" = 0 ] || problems+=("$leftovers temporary file(s) left")
    if [ ${#problems[@]} -eq 0 ]; then
        passed=$((passed + 1))
        printf 'ok    %-38s exit %s  %5s s  %7s KB  %s\n' "$name" "$rc" "$secs" "$rss" "$(head -c 150 "$WORK/stderr" | head -1)"
    else
        failed=$((failed + 1))
        printf 'FAIL  %-38s %s\n' "$name" "$(IFS=';'; echo "${problems[*]}")"
        head -3 "$WORK/stderr" | sed 's/^/      /'
    fi
done
echo "hostile: $passed passed, $failed failed"
[ "$failed" = 0 ]
