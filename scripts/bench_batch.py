#!/usr/bin/env python3
"""Times `budgeteval batch` on N generated departments in the Samples' layouts.

Copies Samples/<department>/ N times (alternating the two sample departments, folders named
部门001…), runs the batch once with --quiet and prints departments per second, the peak
resident memory and the CPU time of the budgeteval process. Usage:

    .venv/bin/python scripts/bench_batch.py --bin .build/release/budgeteval [--count 200] [--jobs N]
"""
import argparse
import os
import pathlib
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEPARTMENTS = ["益阳市资阳区商务局", "某县农业农村局"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--keep", action="store_true", help="keep the generated folders")
    args = ap.parse_args()
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="budgeteval-batch-bench-"))
    try:
        inp, out = tmp / "in", tmp / "out"
        inp.mkdir()
        for i in range(args.count):
            shutil.copytree(ROOT / "Samples" / DEPARTMENTS[i % 2], inp / f"部门{i + 1:03d}")
        command = [args.bin, "batch", str(inp), "-o", str(out), "--quiet"]
        if args.jobs:
            command += ["--jobs", str(args.jobs)]
        start = time.monotonic()
        done = subprocess.run(command, capture_output=True, text=True)
        elapsed = time.monotonic() - start
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak_kib = usage.ru_maxrss
        cpu = usage.ru_utime + usage.ru_stime
        if done.returncode not in (0, 3):
            sys.stderr.write(done.stdout + done.stderr)
            sys.exit(done.returncode)
        reports = len(list(out.glob("*/检查报告.txt")))
        print(f"{args.count} departments ({reports} reports) in {elapsed:.2f} s with --jobs "
              f"{args.jobs or os.cpu_count()}: {args.count / elapsed:.1f} departments/s, "
              f"peak RSS {peak_kib / 1024:.1f} MiB, CPU {cpu:.2f} s (user+sys; wall time depends on machine load, "
              f"load average now {os.getloadavg()[0]:.1f})")
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
