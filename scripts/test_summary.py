#!/usr/bin/env python3
"""Runs `swift test …`, passes its output through unchanged, then says which tests were skipped and why.

    python3 scripts/test_summary.py swift test --skip-build

A test whose condition is not met (`@Test(.enabled(if: …, "reason"))`: no ../shared corpus, no .venv,
not allowed to mount a tmpfs …) did not run; Swift Testing reports it as skipped, and its closing line
does not count it apart. This prints that count after the closing line, grouped by reason, and exits
with the test run's own status.
"""

import re
import subprocess
import sys

# Swift Testing: `➜ Test name() skipped: "reason"` / `Suite Name skipped: "reason"` (the symbol varies
# with the platform and terminal). XCTest: `Test Case '-[Module.Class test]' skipped (0.000 seconds).`
SWIFT_TESTING = re.compile(r'\b(Test|Suite) (.+?) skipped(?:: "(.*)")?\s*$')
XCTEST = re.compile(r"\bTest Case '(.+?)' skipped\b")


def main(argv):
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    skipped = {}  # reason -> names, in order of appearance
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = sys.stdout.buffer
    for raw in process.stdout:
        out.write(raw)
        out.flush()
        line = raw.decode("utf-8", "replace").rstrip("\r\n")
        match = SWIFT_TESTING.search(line)
        if match:
            kind, name, reason = match.groups()
            label = name if kind == "Test" else f"suite {name} (all its tests)"
            skipped.setdefault(reason or "no reason given", []).append(label)
            continue
        match = XCTEST.search(line)
        if match:
            skipped.setdefault("XCTSkip (reason in the line above)", []).append(match.group(1))
    status = process.wait()
    if status < 0:  # killed by a signal: report it as a shell would
        status = 128 - status
    count = sum(len(names) for names in skipped.values())
    if count == 0:
        print("Skipped: none (every test ran).")
    else:
        print(f"Skipped: {count} test{'s' if count != 1 else ''} did not run (not counted as passed):")
        for reason, names in skipped.items():
            print(f"  {reason}: {', '.join(names)}")
    return status


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
