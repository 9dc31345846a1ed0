#!/usr/bin/env python3
"""Generate the demo input files under Samples/ (the bureau's spreadsheets), or print them as text.

    .venv/bin/python scripts/make_samples.py            # (re)write Samples/ — deterministic bytes
    .venv/bin/python scripts/make_samples.py --check    # write to a temp folder, compare with Samples/
    .venv/bin/python scripts/make_samples.py --dump [FILE ...]   # every sheet's merged ranges and cells

Needs openpyxl (Tests/Interop/requirements.txt). Figures of 益阳市资阳区商务局 come from its 2020
self-evaluation report; invented ones are marked 示例数据 in the files and in Samples/README.md.
"""
import argparse
import filecmp
import pathlib
import sys
import tempfile

sys.dont_write_bytecode = True  # keep scripts/ free of __pycache__
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

from samples import second_dept, seed_budget, seed_final, seed_perf  # noqa: E402
from samples.dump import dump_file  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "Samples"
SEED = "益阳市资阳区商务局"
SECOND = "某县农业农村局"


def generate(target):
    seed = target / SEED
    second = target / SECOND
    seed.mkdir(parents=True, exist_ok=True)
    second.mkdir(parents=True, exist_ok=True)
    seed_budget.build(seed / "2020年部门预算.xlsx")
    seed_final.build(seed / "2020年部门决算.xlsx")
    seed_perf.build_performance(seed / "2020年项目绩效.xlsx")
    seed_perf.build_three_public_csv(seed / "2020年三公经费.csv")
    seed_perf.build_facts(seed / "部门基本情况.xlsx")
    second_dept.build(second)
    return sorted(p for p in target.rglob("*") if p.suffix in (".xlsx", ".csv"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dump", action="store_true", help="print the cells of the sample files (or of FILE ...)")
    ap.add_argument("--check", action="store_true", help="regenerate into a temp folder and compare bytes")
    ap.add_argument("files", nargs="*", type=pathlib.Path)
    args = ap.parse_args()
    if args.dump:
        files = args.files or sorted(p for p in SAMPLES.rglob("*") if p.suffix in (".xlsx", ".csv"))
        for path in files:
            dump_file(path, sys.stdout)
        return 0
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = generate(pathlib.Path(tmp))
            bad = [p.relative_to(tmp) for p in fresh
                   if not (SAMPLES / p.relative_to(tmp)).exists()
                   or not filecmp.cmp(p, SAMPLES / p.relative_to(tmp), shallow=False)]
        for rel in bad:
            print(f"differs or missing: Samples/{rel}")
        print("Samples/ is up to date" if not bad else f"{len(bad)} file(s) differ; run scripts/make_samples.py")
        return 1 if bad else 0
    for path in generate(SAMPLES):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
