#!/usr/bin/env python3
"""Conformance run against the shared corpus (../shared/corpus): convert every file, score with compare.py.

    scripts/conformance.py --bin .build/debug/budgeteval --corpus ../shared/corpus --out out/conformance \
        [--known scripts/conformance-known-failures.tsv] [--report] [--parser auto|libxml2]

Every file in the corpus's xlsx/, csv/ and bad/ folders is converted with
`BIN convert FILE --all-sheets OUT/csv` (per-file timeout), then `compare.py OUT/csv` scores the CSVs
against python-calamine's reading. Files in bad/ must be refused with exit code 1 and a message.

Without --known the exit status is 1 when anything failed. With --known (a TSV of `file<TAB>reason`,
`#` comments allowed) it is 1 only for a crash (killed by a signal), a timeout, or a failure that the
list does not name, so CI stays meaningful. The last line is 'conformance: N passed, M failed'.
`--parser libxml2` sets BUDGETEVAL_XLSX_PARSER=libxml2 so the libxml2 path is scored alone.
`--differential` also converts every file with the libxml2 path only and requires byte-identical
CSVs and the same exit status from both paths (the fast worksheet scanner against the parser of
record); any difference counts as a hard failure.
"""
import argparse
import os
import shutil
import subprocess
import sys


def load_known(path):
    known = {}
    if not path:
        return known
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            name, _, reason = line.partition('\t')
            known[name.strip()] = reason.strip()
    return known


def differential(opts, corpus, out):
    """Converts xlsx/ and bad/ with both worksheet parsers; returns [(rel, problem)] where they differ."""
    problems = []
    for kind in ('xlsx', 'bad'):
        folder = os.path.join(corpus, kind)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if opts.only and opts.only not in name:
                continue
            results = []
            for parser in ('auto', 'libxml2'):
                target = os.path.join(out, 'diff-' + parser)
                shutil.rmtree(target, ignore_errors=True)
                os.makedirs(target)
                env = dict(os.environ, BUDGETEVAL_XLSX_PARSER=parser)
                cmd = [opts.bin, 'convert', os.path.join(folder, name), '--all-sheets', target]
                try:
                    p = subprocess.run(cmd, capture_output=True, timeout=opts.timeout, env=env)
                except subprocess.TimeoutExpired:
                    results.append(('timeout', {}))
                    continue
                files = {}
                for f in sorted(os.listdir(target)):
                    with open(os.path.join(target, f), 'rb') as fh:
                        files[f] = fh.read()
                results.append((p.returncode, files))
            if results[0] != results[1]:
                problems.append((f'{kind}/{name}', 'fast worksheet scanner and libxml2 disagree '
                                 f'(exit {results[0][0]} vs {results[1][0]}, {len(results[0][1])} vs '
                                 f'{len(results[1][1])} CSV files or different bytes)'))
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--bin', required=True)
    ap.add_argument('--corpus', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--known')
    ap.add_argument('--report', action='store_true', help='list every failure with its reason')
    ap.add_argument('--timeout', type=float, default=20.0)
    ap.add_argument('--parser', choices=['auto', 'libxml2'], default='auto')
    ap.add_argument('--only', help='substring filter on file names')
    ap.add_argument('--differential', action='store_true',
                    help='also convert with the libxml2 path and require identical output')
    opts = ap.parse_args()

    corpus = os.path.abspath(opts.corpus)
    out = os.path.abspath(opts.out)
    csv_dir = os.path.join(out, 'csv')
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(csv_dir)
    env = dict(os.environ)
    if opts.parser == 'libxml2':
        env['BUDGETEVAL_XLSX_PARSER'] = 'libxml2'

    hard = []          # crashes, timeouts, fast/libxml2 differences: always fatal
    refusals = {}      # bad/ files refused badly: rel -> problem
    if opts.differential:
        hard.extend(differential(opts, corpus, out))
    for kind in ('xlsx', 'csv', 'bad'):
        folder = os.path.join(corpus, kind)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if opts.only and opts.only not in name:
                continue
            rel = f'{kind}/{name}'
            cmd = [opts.bin, 'convert', os.path.join(folder, name), '--all-sheets', csv_dir]
            try:
                p = subprocess.run(cmd, capture_output=True, timeout=opts.timeout, env=env)
            except subprocess.TimeoutExpired:
                hard.append((rel, f'timeout after {opts.timeout:g} s'))
                continue
            err = p.stderr.decode('utf-8', 'replace').strip()
            if p.returncode < 0:
                hard.append((rel, f'crashed with signal {-p.returncode}: {err[:200]}'))
                continue
            if p.returncode != 0:
                with open(os.path.join(out, name + '.error'), 'w', encoding='utf-8') as f:
                    f.write(err + '\n')
            if kind == 'bad' and p.returncode != 0 and (p.returncode != 1 or not err):
                refusals[rel] = f'refused with exit {p.returncode} and message {err[:120]!r} (want exit 1 and a message)'

    compare = os.path.join(corpus, 'compare.py')
    p = subprocess.run([sys.executable, compare, csv_dir], capture_output=True, text=True)
    results = {}
    for line in p.stdout.splitlines():
        status, _, rest = line.partition(' ')
        if status not in ('PASS', 'FAIL', 'WARN', 'INFO'):
            continue
        rel, _, msg = rest.partition(': ')
        if opts.only and opts.only not in rel:
            continue
        results[rel] = (status, msg)
    for rel, problem in refusals.items():
        results[rel] = ('FAIL', problem)
    for rel, problem in hard:
        results[rel] = ('FAIL', problem)

    known = load_known(opts.known)
    passed = sum(1 for s, _ in results.values() if s == 'PASS')
    failed = {rel: msg for rel, (s, msg) in results.items() if s == 'FAIL'}
    not_counted = sum(1 for s, _ in results.values() if s in ('WARN', 'INFO'))
    by_kind = {}
    for rel, (s, _) in results.items():
        k = rel.split('/', 1)[0]
        tot = by_kind.setdefault(k, [0, 0])
        tot[0] += s == 'PASS'
        tot[1] += s == 'FAIL'

    hard_names = {rel for rel, _ in hard}
    unexpected = {rel: msg for rel, msg in failed.items() if rel not in known or rel in hard_names}
    if opts.report or not opts.known:
        for rel in sorted(failed):
            tag = ' (known)' if rel in known and rel not in hard_names else ''
            print(f'FAIL{tag} {rel}: {failed[rel]}')
    elif unexpected:
        for rel in sorted(unexpected):
            print(f'FAIL {rel}: {unexpected[rel]}')
    stale = sorted(k for k in known if results.get(k, ('',))[0] == 'PASS')
    for rel in stale:
        print(f'note: {rel} passes now; remove it from {opts.known}')
    kinds = ', '.join(f'{k}: {v[0]}/{v[0] + v[1]}' for k, v in sorted(by_kind.items()))
    print(f'({kinds}; {not_counted} not counted: ambiguous CSVs or calamine-only bad inputs)')
    print(f'conformance: {passed} passed, {len(failed)} failed')
    if hard:
        return 1
    if opts.known:
        return 1 if unexpected else 0
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
