#!/usr/bin/env python3
"""Interop tests: real readers (openpyxl, python-calamine) open what budgeteval writes.

Discovers every `test_*` function in `Tests/Interop/test_*.py`, calls it with a context
(`ctx.bin` the budgeteval binary, `ctx.tmp` a fresh folder, `ctx.root` the repository), and
prints one line per test, then the closing line 'N passed, N failed'. Exit 1 on any failure.
"""
import argparse
import importlib.util
import pathlib
import shutil
import sys
import tempfile
import traceback
import unittest


class Context:
    def __init__(self, binary, root, tmp):
        self.bin = binary
        self.root = root
        self.tmp = tmp


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("-k", default="", help="run only tests whose name contains this")
    args = ap.parse_args()
    here = pathlib.Path(__file__).resolve().parent
    root = here.parent.parent
    binary = str((root / args.bin).resolve()) if not pathlib.Path(args.bin).is_absolute() else args.bin
    passed = failed = skipped = 0
    for path in sorted(here.glob("test_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for name in sorted(n for n in dir(module) if n.startswith("test_")):
            if args.k and args.k not in name:
                continue
            tmp = pathlib.Path(tempfile.mkdtemp(prefix="budgeteval-interop-"))
            try:
                getattr(module, name)(Context(binary, root, tmp))
                print(f"PASS {path.stem}.{name}")
                passed += 1
            except unittest.SkipTest as reason:
                print(f"SKIP {path.stem}.{name}: {reason}")
                skipped += 1
            except Exception:
                print(f"FAIL {path.stem}.{name}")
                traceback.print_exc()
                failed += 1
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
    print(f"interop: {passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
