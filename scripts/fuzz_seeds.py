#!/usr/bin/env python3
"""Writes the seed corpora for the libFuzzer targets from the test fixtures (run by scripts/fuzz.sh).

    python3 scripts/fuzz_seeds.py OUT_DIR

OUT_DIR/<Target>/ gets one file per seed; OUT_DIR is git-ignored (.fuzz/seeds). Nothing here is
committed: seeds are rebuilt from Tests/*/Fixtures on every run.
"""
import glob
import hashlib
import io
import os
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_SEED = 256 << 10


def put(out, target, data):
    if len(data) > MAX_SEED:
        return
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), 'wb') as f:
        f.write(data)


def fixtures(*patterns):
    for pattern in patterns:
        yield from sorted(glob.glob(os.path.join(ROOT, 'Tests', '*', 'Fixtures', '**', pattern), recursive=True))


def xlsx_seeds(out):
    for path in fixtures('*.xlsx', '*.xlsm', '*.xls'):
        data = open(path, 'rb').read()
        put(out, 'FuzzXLSXPackage', data)
        try:
            z = zipfile.ZipFile(io.BytesIO(data))
            names = z.namelist()
        except Exception:
            continue
        stored = io.BytesIO()  # the same parts uncompressed, so mutations reach the XML readers
        with zipfile.ZipFile(stored, 'w', zipfile.ZIP_STORED) as repack:
            for info in z.infolist():
                try:
                    repack.writestr(info.filename, z.read(info.filename))
                except Exception:
                    pass
        put(out, 'FuzzXLSXPackage', stored.getvalue())
        styles = b''
        for name in names:
            try:
                part = z.read(name)
            except Exception:
                continue
            low = name.lower()
            if low.endswith('sharedstrings.xml'):
                put(out, 'FuzzXLSXParts', b'\x00' + part)
            elif low.endswith('styles.xml'):
                styles = part
                put(out, 'FuzzXLSXParts', b'\x01' + part)
            elif low.endswith('.rels'):
                put(out, 'FuzzXLSXParts', b'\x02' + part)
            elif low.endswith('workbook.xml'):
                put(out, 'FuzzXLSXParts', b'\x03' + part)
        for name in names:
            if 'worksheets/' in name.lower() and name.lower().endswith('.xml'):
                try:
                    part = z.read(name)
                except Exception:
                    continue
                put(out, 'FuzzXLSXParts', b'\x04' + part)
                put(out, 'FuzzXLSXParts', b'\x05' + part)
                if styles:
                    put(out, 'FuzzXLSXParts', b'\x06' + styles + b'\x00' + part)


def csv_seeds(out):
    for i, path in enumerate(fixtures('*.csv', '*.tsv', '*.txt')):
        data = open(path, 'rb').read()
        put(out, 'FuzzCSV', b'\x00\x00' + data)          # detected encoding, sniffed delimiter
        put(out, 'FuzzCSV', bytes([1 + i % 6, i % 6]) + data)  # a forced encoding and delimiter


FINANCE = ['1,234.56', '（1,234.56）', '(1,234.56)', '-', '—', '－', ' +12.5 ', '1234.5600', '1.5E-3', '１２３４．５',
           '999999999999999999.999999', '0.0000001', '¥1,000', '1,23', '2011308', '201 13 08', '2011308.0',
           '２０１１３０８', '30217', '201|13|8', '302|17', '单位：万元', '金额单位：元', '（单位：千元）', '90%', '0.9',
           '90％', '-22.83%', '']


def finance_seeds(out):
    for text in FINANCE:
        put(out, 'FuzzFinanceParsers', text.encode('utf-8'))


def layers_seeds(out):
    """FuzzFinanceLayers reads its bytes as choices: a few fixed pseudo-random plans of several sizes, and
    every committed regression input (Tests/FinanceLayersTests/Fixtures/fuzz/*.bin)."""
    for i in range(32):
        data = b''
        block = str(i).encode()
        while len(data) < 64 * (1 + i % 16):
            block = hashlib.sha256(block).digest()
            data += block
        put(out, 'FuzzFinanceLayers', data)
    for path in fixtures('*.bin'):
        if os.sep + 'FinanceLayersTests' + os.sep in path:
            put(out, 'FuzzFinanceLayers', open(path, 'rb').read())


if __name__ == '__main__':
    target = sys.argv[1]
    xlsx_seeds(target)
    csv_seeds(target)
    finance_seeds(target)
    layers_seeds(target)
    for name in sorted(os.listdir(target)):
        print(f'seeds: {name}: {len(os.listdir(os.path.join(target, name)))} files')
