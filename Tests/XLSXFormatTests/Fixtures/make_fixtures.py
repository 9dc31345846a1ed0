#!/usr/bin/env python3
"""Writes the XLSX reader's fixtures: one small workbook per quirk, plus hostile inputs.

    python3 Tests/XLSXFormatTests/Fixtures/make_fixtures.py

Everything is hand-written XML packed with zipfile (deterministic timestamps), so each file shows
exactly the quirk it is named for. The expected text dumps (<name>.txt) are committed beside them
and checked by XLSXFixtureTests; rerun this script only when adding a fixture.
"""
import os
import zipfile
from xml.sax.saxutils import quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PKG = 'http://schemas.openxmlformats.org/package/2006/relationships'
STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main'
STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships'
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def content_types(extra=''):
    return (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>' + extra + '</Types>')


def root_rels(target='xl/workbook.xml', rel=REL):
    return (DECL + f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
            f'Type="{rel}/officeDocument" Target="{target}"/></Relationships>')


def workbook(sheets, date1904=False, ns=MAIN, rel=REL, prefix=''):
    p = f'{prefix}:' if prefix else ''
    xmlns = f'xmlns:{prefix}="{ns}"' if prefix else f'xmlns="{ns}"'
    pr = f'<{p}workbookPr date1904="1"/>' if date1904 else f'<{p}workbookPr/>'
    items = ''.join(
        f'<{p}sheet name={quoteattr(name)} sheetId="{i + 1}" r:id="rId{i + 1}"' + (f' state="{state}"' if state else '') + '/>'
        for i, (name, state) in enumerate(sheets))
    return DECL + f'<{p}workbook {xmlns} xmlns:r="{rel}">{pr}<{p}sheets>{items}</{p}sheets></{p}workbook>'


def workbook_rels(targets, rel=REL, extra=True):
    items = ''
    for i, (kind, target) in enumerate(targets):
        items += f'<Relationship Id="rId{i + 1}" Type="{rel}/{kind}" Target="{target}"/>'
    if extra:
        n = len(targets)
        items += f'<Relationship Id="rId{n + 1}" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
        items += f'<Relationship Id="rId{n + 2}" Type="{rel}/styles" Target="styles.xml"/>'
    return DECL + f'<Relationships xmlns="{PKG}">{items}</Relationships>'


def styles(numfmts, xfs, ns=MAIN):
    fmts = ''.join(f'<numFmt numFmtId="{i}" formatCode={quoteattr(code)}/>' for i, code in numfmts)
    cell_xfs = ''.join(f'<xf numFmtId="{i}" fontId="0" fillId="0" borderId="0"/>' for i in xfs)
    return (DECL + f'<styleSheet xmlns="{ns}"><numFmts count="{len(numfmts)}">{fmts}</numFmts>'
            '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{cell_xfs}</cellXfs></styleSheet>')


def sst(items, ns=MAIN):
    return DECL + f'<sst xmlns="{ns}" count="{len(items)}" uniqueCount="{len(items)}">' + ''.join(items) + '</sst>'


def sheet(body, ns=MAIN, extra='', prefix=''):
    p = f'{prefix}:' if prefix else ''
    xmlns = f'xmlns:{prefix}="{ns}"' if prefix else f'xmlns="{ns}"'
    return DECL + f'<{p}worksheet {xmlns} xmlns:r="{REL}"><{p}sheetData>{body}</{p}sheetData>{extra}</{p}worksheet>'


def write(name, parts, zip64=False):
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for part, text in parts.items():
            info = zipfile.ZipInfo(part, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            data = text.encode('utf-8') if isinstance(text, str) else text
            if zip64:
                with z.open(info, 'w', force_zip64=True) as f:
                    f.write(data)
            else:
                z.writestr(info, data)
    return path


def standard(sheets_xml, names=None, shared=None, style_xml=None, date1904=False):
    names = names or [(f'Sheet{i + 1}', None) for i in range(len(sheets_xml))]
    parts = {
        '[Content_Types].xml': content_types(),
        '_rels/.rels': root_rels(),
        'xl/workbook.xml': workbook(names, date1904=date1904),
        'xl/_rels/workbook.xml.rels': workbook_rels(
            [('worksheet', f'worksheets/sheet{i + 1}.xml') for i in range(len(sheets_xml))]),
        'xl/styles.xml': style_xml or styles([], [0]),
        'xl/sharedStrings.xml': sst(shared or []),
    }
    for i, s in enumerate(sheets_xml):
        parts[f'xl/worksheets/sheet{i + 1}.xml'] = s
    return parts


# ---------------------------------------------------------------- quirks
def cell_types():
    shared = ['<si><t>预算</t></si>',
              '<si><r><rPr><b/></rPr><t>Rich </t></r><r><t xml:space="preserve">text </t></r></si>',
              '<si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></si>',
              '<si><t>R&amp;D &lt;1&gt;</t></si>']
    st = styles([(164, 'yyyy\\-mm\\-dd'), (165, '[h]:mm:ss'), (166, '#,##0.00" 元"'), (167, 'h:mm')],
                [0, 14, 164, 165, 166, 167, 22, 4])
    body = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
        '<c r="D1" t="s"><v>3</v></c></row>'
        '<row r="2"><c r="A2"><v>1234.5599999999999</v></c><c r="B2"><v>1E-3</v></c><c r="C2"><v>5.0</v></c>'
        '<c r="D2"><v>-0.10000000000000001</v></c><c r="E2"><v>12345678901234567890</v></c>'
        '<c r="F2" s="4"><v>1234567.5</v></c><c r="G2" s="7"><v>0.30000000000000004</v></c></row>'
        '<row r="3"><c r="A3" s="1"><v>44196</v></c><c r="B3" s="2"><v>44196.354166666664</v></c>'
        '<c r="C3" s="5"><v>0.5</v></c><c r="D3" s="3"><v>1.5</v></c><c r="E3" s="6"><v>60</v></c></row>'
        '<row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" t="b"><v>0</v></c><c r="C4" t="e"><v>#DIV/0!</v></c>'
        '<c r="D4" t="d"><v>2020-12-31T08:30:00</v></c><c r="E4" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>'
        '<c r="F4" t="inlineStr"><is><t>inline 文本</t></is></c></row>'
        '<row r="5"><c r="A5"><f>SUM(A2:C2)</f><v>1239.561</v></c><c r="B5"><f>A5*2</f></c>'
        '<c r="C5" s="7"/></row>'
    )
    write('cell_types.xlsx', standard([sheet(body)], shared=shared, style_xml=st))


def date1904():
    st = styles([(164, 'yyyy-mm-dd hh:mm')], [0, 14, 164, 21])
    body = ('<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>42734</v></c>'
            '<c r="C1" s="2"><v>42734.75</v></c><c r="D1" s="3"><v>0.25</v></c></row>')
    write('date1904.xlsx', standard([sheet(body)], style_xml=st, date1904=True))


def strict_namespaces():
    parts = {
        '[Content_Types].xml': content_types(),
        '_rels/.rels': root_rels(rel=STRICT_REL),
        'xl/workbook.xml': workbook([('Strict', None)], ns=STRICT_MAIN, rel=STRICT_REL),
        'xl/_rels/workbook.xml.rels': workbook_rels([('worksheet', 'worksheets/sheet1.xml')], rel=STRICT_REL),
        'xl/styles.xml': styles([], [0, 14], ns=STRICT_MAIN),
        'xl/sharedStrings.xml': sst(['<si><t>strict</t></si>'], ns=STRICT_MAIN),
        'xl/worksheets/sheet1.xml': sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45000</v></c>'
                                          '</row>', ns=STRICT_MAIN),
    }
    write('strict_namespaces.xlsx', parts)


def prefixed_main():
    parts = standard([sheet('<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>2.5</x:v></x:c>'
                            '</x:row><x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>x inline</x:t></x:is></x:c>'
                            '</x:row>', prefix='x')],
                     shared=['<si><t>prefixed</t></si>'])
    parts['xl/workbook.xml'] = workbook([('X', None)], prefix='x')
    parts['xl/sharedStrings.xml'] = (DECL + f'<x:sst xmlns:x="{MAIN}"><x:si><x:t>prefixed</x:t></x:si></x:sst>')
    write('prefixed_main.xlsx', parts)


def missing_references():
    body = ('<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row>'
            '<row><c><v>2</v></c><c r="D2"><v>4</v></c><c><v>5</v></c></row>'
            '<row r="5"><c><v>6</v></c></row>'
            '<row><c r="c6"><v>7</v></c></row>')
    write('missing_references.xlsx', standard([sheet(body)]))


def odd_packaging():
    # Absolute targets, workbook at the package root, mixed-case part names, backslash entry names,
    # lower-case [content_types].xml, no _rels/.rels entry for styles.
    parts = {
        '[content_types].xml': content_types(),
        '_rels/.rels': root_rels(target='/Workbook.xml'),
        'Workbook.xml': workbook([('Odd', None), ('Second', None)]),
        '_rels/Workbook.xml.rels': (DECL + f'<Relationships xmlns="{PKG}">'
                                    f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="/xl/Worksheets/Sheet1.xml"/>'
                                    f'<Relationship Id="rId2" Type="{REL}/worksheet" Target="sheets\\two.xml"/>'
                                    f'<Relationship Id="rId3" Type="{REL}/sharedStrings" Target="/xl/SharedStrings.xml"/>'
                                    '</Relationships>'),
        'xl/SharedStrings.xml': sst(['<si><t>odd</t></si>']),
        'xl\\worksheets\\sheet1.xml': sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
        'sheets/two.xml': sheet('<row r="2"><c r="B2"><v>2</v></c></row>'),
    }
    write('odd_packaging.xlsx', parts)


def merged_and_hidden():
    parts = standard([sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>合并标题</t></is></c></row>'
                            '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>',
                            extra='<mergeCells count="2"><mergeCell ref="A1:H1"/><mergeCell ref="C3:D4"/></mergeCells>'),
                      sheet('<row r="1"><c r="A1"><v>9</v></c></row>'),
                      sheet('')],
                     names=[('Visible', None), ('Hidden', 'hidden'), ('VeryHidden', 'veryHidden')])
    parts['xl/workbook.xml'] = workbook([('Visible', None), ('Hidden', 'hidden'), ('VeryHidden', 'veryHidden'),
                                         ('Chart', None)])
    parts['xl/_rels/workbook.xml.rels'] = workbook_rels(
        [('worksheet', 'worksheets/sheet1.xml'), ('worksheet', 'worksheets/sheet2.xml'),
         ('worksheet', 'worksheets/sheet3.xml'), ('chartsheet', 'chartsheets/sheet1.xml')])
    parts['xl/chartsheets/sheet1.xml'] = DECL + f'<chartsheet xmlns="{MAIN}"/>'
    write('merged_and_hidden.xlsx', parts)


def escapes_and_whitespace():
    shared = ['<si><t>line1_x000D__x000A_line2</t></si>', '<si><t>_x005F_x000D_ stays</t></si>',
              '<si><t>  trimmed  </t></si>', '<si><t xml:space="preserve">  kept  </t></si>',
              '<si><t>tab_x0009_lower_x000d_</t></si>']
    body = ''.join(f'<row r="{i + 1}"><c r="A{i + 1}" t="s"><v>{i}</v></c></row>' for i in range(len(shared)))
    body += '<row r="6"><c r="A6" t="inlineStr"><is><t> inline </t></is></c></row>'
    write('escapes_and_whitespace.xlsx', standard([sheet(body)], shared=shared))


def repeated_row():
    body = ('<row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>'
            '<row r="3"><c r="B3"><v>33</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>')
    write('repeated_row.xlsx', standard([sheet(body)]))


def macro_workbook():
    parts = standard([sheet('<row r="1"><c r="A1"><v>42</v></c></row>')])
    parts['xl/vbaProject.bin'] = b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + b'\0' * 504
    write('macro_workbook.xlsm', parts)


def zip64_package():
    write('zip64_package.xlsx', standard([sheet('<row r="1"><c r="A1"><v>64</v></c></row>')]), zip64=True)


def cjk_sheet_names():
    write('cjk_sheet_names.xlsx', standard(
        [sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>支出</t></is></c></row>'), sheet('')],
        names=[('支出表', None), ('收入 & 其他', None)]))


def sparse_wide():
    body = ('<row r="3"><c r="C3"><v>1</v></c><c r="XFD3"><v>2</v></c></row>'
            '<row r="1048576"><c r="A1048576"><v>3</v></c></row>')
    write('sparse_wide.xlsx', standard([sheet(body)]))


def second_sheet_bad():
    write('second_sheet_bad.xlsx', standard([sheet('<row r="1"><c r="A1"><v>1</v></c></row>'),
                                             sheet('<row r="1"><c r="A1" t="s"><v>7</v></c></row>')]))


# ---------------------------------------------------------------- hostile inputs
def hostile():
    xxe = (DECL.replace(' standalone="yes"', '') + '<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           f'<sst xmlns="{MAIN}"><si><t>&xxe;</t></si></sst>')
    write('hostile_xxe.xlsx', standard([sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')], shared=[])
          | {'xl/sharedStrings.xml': xxe})
    lol = '<!DOCTYPE lolz [<!ENTITY lol "lol">' + ''.join(
        f'<!ENTITY lol{i} "' + (f'&lol{i - 1};' if i > 1 else '&lol;') * 10 + '">' for i in range(1, 10)) + ']>'
    write('hostile_billion_laughs.xlsx', standard([DECL + lol + f'<worksheet xmlns="{MAIN}"><sheetData><row r="1">'
                                                   '<c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
                                                   '</sheetData></worksheet>']))
    write('hostile_doctype.xlsx', standard([sheet('')]) | {
        'xl/workbook.xml': workbook([('Sheet1', None)]).replace(DECL, DECL + '<!DOCTYPE workbook>')})
    # 24 MiB of spaces inside a sheet: ~1000:1, small on disk.
    bomb = sheet('<row r="1"><c r="A1"><v>1</v></c></row>' + ' ' * (24 << 20))
    write('hostile_zip_bomb.xlsx', standard([bomb]))
    good = write('truncated.xlsx', standard([sheet('<row r="1"><c r="A1"><v>1</v></c></row>' * 200)]))
    data = open(good, 'rb').read()
    open(good, 'wb').write(data[:len(data) // 2])
    open(os.path.join(HERE, 'not_a_zip.xlsx'), 'wb').write(b'name,amount\n\xe9\x85\x92,1\n')
    header = bytes.fromhex('D0CF11E0A1B11AE1') + b'\0' * 504
    name = 'EncryptedPackage'.encode('utf-16-le')
    open(os.path.join(HERE, 'encrypted_ole.xlsx'), 'wb').write(header + b'\0' * 512 + name + b'\0' * 446)
    open(os.path.join(HERE, 'legacy_ole.xls'), 'wb').write(header + b'\0' * 512 + 'Workbook'.encode('utf-16-le') +
                                                            b'\0' * 496)
    write('bad_reference.xlsx', standard([sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>')]))
    write('bad_row_number.xlsx', standard([sheet('<row r="1048577"><c><v>1</v></c></row>')]))
    write('sst_out_of_range.xlsx', standard([sheet('<row r="1"><c r="A1" t="s"><v>5</v></c></row>')],
                                            shared=['<si><t>only</t></si>']))
    bad_utf8 = (DECL + f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>').encode() \
        + b'\xff\xfe bad' + b'</t></is></c></row></sheetData></worksheet>'
    write('invalid_utf8.xlsx', standard(['']) | {'xl/worksheets/sheet1.xml': bad_utf8})
    write('malformed_xml.xlsx', standard([DECL + f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1">'
                                          '<v>1</v></row></sheetData></worksheet>']))


if __name__ == '__main__':
    for make in (cell_types, date1904, strict_namespaces, prefixed_main, missing_references, odd_packaging,
                 merged_and_hidden, escapes_and_whitespace, repeated_row, macro_workbook, zip64_package,
                 cjk_sheet_names, sparse_wide, second_sheet_bad, hostile):
        make()
    print('fixtures written to', HERE)
