#!/usr/bin/env python3
"""Writes the hostile-file corpus that XLSXFormatTests/Fixtures does not already hold.

    python3 Tests/HostileTests/Fixtures/make_hostile.py          # the committed fixtures
    python3 Tests/HostileTests/Fixtures/make_hostile.py --generated DIR   # the big ones, for make hostile

The committed files are small. The big inputs (a zip of 100,000 entries, gigabyte zip bombs) are
written only with --generated, into a scratch folder (scripts/hostile.sh does that); the unit tests
build the same inputs in Swift at test time (HostileGeneratedTests).
"""
import os
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', 'XLSXFormatTests', 'Fixtures'))
import make_fixtures as mf  # noqa: E402  (helpers: standard(), sheet(), workbook(), DECL, MAIN)

DECL, MAIN = mf.DECL, mf.MAIN


class Zip:
    """A zip written by hand, so names, sizes and the directory can lie where a test needs them."""

    def __init__(self):
        self.out = bytearray()
        self.directory = bytearray()
        self.count = 0

    def add(self, name, data, method=8, declared=None, crc=None, payload=None):
        if payload is None:
            if method == 8:
                c = zlib.compressobj(6, zlib.DEFLATED, -15)
                payload = c.compress(data) + c.flush()
            else:
                payload = data
        size = len(data) if declared is None else declared
        crc = zlib.crc32(data) if crc is None else crc
        nb = name.encode('utf-8')
        offset = len(self.out)
        self.out += struct.pack('<IHHHHHIIIHH', 0x04034B50, 20, 0x800, method, 0, 0x5821, crc, len(payload), size,
                                len(nb), 0) + nb + payload
        self.directory += struct.pack('<IHHHHHHIIIHHHHHII', 0x02014B50, 20, 20, 0x800, method, 0, 0x5821, crc,
                                      len(payload), size, len(nb), 0, 0, 0, 0, 0, offset) + nb
        self.count += 1

    def bytes(self):
        count, size, offset = self.count, len(self.directory), len(self.out)
        end = b''
        if count > 0xFFFF:  # Zip64 end record and locator, then the classic record saying "see Zip64"
            end = struct.pack('<IQHHIIQQQQ', 0x06064B50, 44, 45, 45, 0, 0, count, count, size, offset)
            end += struct.pack('<IIQI', 0x07064B50, 0, offset + size, 1)
            count = 0xFFFF
        end += struct.pack('<IHHHHIIH', 0x06054B50, 0, 0, count, count, size, offset, 0)
        return bytes(self.out + self.directory + end)


def package(sheet_xml, extra=None, skip=()):
    """The standard one-sheet package as a Zip, the sheet part replaced by `sheet_xml`."""
    z = Zip()
    for part, text in mf.standard([sheet_xml]).items():
        if part in skip:
            continue
        z.add(part, text.encode('utf-8') if isinstance(text, str) else text)
    for part, data in (extra or {}).items():
        z.add(part, data)
    return z


def write(name, data):
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(data)


def kernel():
    """Raw deflate of 1 MiB of spaces ending in a full flush: repeatable, ~1,000:1."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(b' ' * (1 << 20)) + c.flush(zlib.Z_FULL_FLUSH)


def bomb(mebibytes, declared):
    """A package whose sheet inflates to `mebibytes` MiB of XML whitespace, declaring `declared` bytes."""
    head = (DECL + f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'
            '</sheetData></worksheet>').encode()
    stored = b'\x00' + struct.pack('<HH', len(head), len(head) ^ 0xFFFF) + head
    payload = stored + kernel() * mebibytes + b'\x01\x00\x00\xff\xff'
    z = package('', skip=('xl/worksheets/sheet1.xml',))
    z.add('xl/worksheets/sheet1.xml', b'', declared=declared, crc=0, payload=payload)
    return z.bytes()


def committed():
    xxe_url = (DECL.replace(' standalone="yes"', '') + '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM '
               '"http://127.0.0.1:9/budgeteval-xxe">]>' + f'<worksheet xmlns="{MAIN}"><sheetData><row r="1">'
               '<c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>')
    write('hostile_xxe_url.xlsx', package(xxe_url).bytes())
    full = mf.sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>')
    full = full.replace('<sheetData>', '<dimension ref="A1:XFD1048576"/><sheetData>')
    write('dimension_full_sheet.xlsx', package(full).bytes())
    write('style_out_of_range.xlsx', package(mf.sheet('<row r="1"><c r="A1" s="7"><v>1</v></c></row>')).bytes())
    write('bad_reference_a0.xlsx', package(mf.sheet('<row r="1"><c r="A0"><v>1</v></c></row>')).bytes())
    deep = mf.sheet('<row r="1"><c r="A1"><v>1</v></c></row>').replace(
        '</sheetData>', '<x>' * 100_000 + '</x>' * 100_000 + '</sheetData>')
    write('deep_nesting.xlsx', package(deep).bytes())
    write('entry_dotdot.xlsx', package(mf.sheet('<row r="1"><c r="A1"><v>1</v></c></row>'),
                                       extra={'../../budgeteval-escape.txt': b'outside'}).bytes())
    good = package(mf.sheet('<row r="1"><c r="A1"><v>1</v></c></row>')).bytes()
    directory = good.rfind(b'PK\x01\x02')      # the last directory entry
    write('truncated_central_directory.xlsx', good[:directory + 20] + good[good.rfind(b'PK\x05\x06'):])
    # The fuzzing regression: more entries than the cap crashed (double zip_discard); tests cap at 10.
    z = Zip()
    for i in range(12):
        z.add(f'x/{i}', b'', method=0)
    write('too_many_entries.xlsx', z.bytes())
    write('deflate_1mib_spaces.bin', kernel())


def generated(folder):
    os.makedirs(folder, exist_ok=True)
    z = Zip()
    for i in range(100_000):
        z.add(f'e/{i}', b'', method=0)
    open(os.path.join(folder, 'generated_100000_entries.xlsx'), 'wb').write(z.bytes())
    open(os.path.join(folder, 'generated_bomb_4gib.xlsx'), 'wb').write(bomb(4095, declared=4095 << 20))
    open(os.path.join(folder, 'generated_bomb_lying.xlsx'), 'wb').write(bomb(4095, declared=1000))
    open(os.path.join(folder, 'generated_no_angle_run.xlsx'), 'wb').write(no_angle_run(100))
    csv_hostile(folder)


def csv_hostile(folder):
    """CSVs that would fill memory without the field caps: a quote opened on line 2 and never closed
    (320 MiB in one field), and a record of 40 million empty fields (40 MiB of commas)."""
    block = b'x' * (1 << 20)
    with open(os.path.join(folder, 'generated_unclosed_quote.csv'), 'wb') as f:
        f.write('科目编码,科目名称,金额\r\n201,"一般公共服务支出,1\r\n'.encode())
        for _ in range(320):
            f.write(block)
    with open(os.path.join(folder, 'generated_wide_record.csv'), 'wb') as f:
        f.write(b'a,b\r\n')
        for _ in range(40):
            f.write(b',' * (1 << 20))


def no_angle_run(mebibytes):
    """A valid sheet whose sheetData holds `mebibytes` MiB of text without a '>' (spaces, a letter every
    64 bytes: ~40:1, under the ratio cap). The byte scanner was quadratic on it; it must read quickly."""
    block = bytearray(b' ' * (1 << 20))
    for i in range(0, len(block), 64):
        block[i] = ord('a') + (i // 64) % 26
    head = (DECL + f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row>').encode()
    data = head + bytes(block) * mebibytes + b'</sheetData></worksheet>'
    z = package('', skip=('xl/worksheets/sheet1.xml',))
    z.add('xl/worksheets/sheet1.xml', data)
    return z.bytes()


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--generated':
        generated(sys.argv[2])
    else:
        committed()
        print('hostile fixtures written to', HERE)
