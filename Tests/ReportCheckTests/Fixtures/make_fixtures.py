#!/usr/bin/env python3
"""Builds the report fixtures from seed-report.txt (standard library only; run from any folder).

Outputs, beside this script:
  seed-report.docx          the seed text, one w:p per line, some lines split into several runs,
                            and a closing table (one line per cell) — the .docx form of the report
  runs-and-table.docx       a small document: runs, a tab, a line break, a table with a nested table
  doctype.docx              a document.xml with a DOCTYPE (must be refused)
  seed-report-gb18030.txt   the seed text in GB18030
"""
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""


def run(text):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % escape(text)


def paragraph(text, split=False):
    """A w:p; with split, the text is cut into runs of at most 7 characters, as Word does after edits."""
    if not split or len(text) < 8:
        return "<w:p>%s</w:p>" % (run(text) if text else "")
    runs = "".join(run(text[i:i + 7]) for i in range(0, len(text), 7))
    return '<w:p><w:pPr><w:jc w:val="both"/></w:pPr>%s</w:p>' % runs


def cell(*paragraphs):
    return "<w:tc><w:tcPr/>%s</w:tc>" % "".join(paragraph(p) for p in paragraphs)


def table(rows):
    return "<w:tbl>%s</w:tbl>" % "".join("<w:tr>%s</w:tr>" % "".join(rows_cell for rows_cell in r) for r in rows)


def document(body, prolog=""):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n%s'
            '<w:document xmlns:w="%s"><w:body>%s<w:sectPr/></w:body></w:document>' % (prolog, W, body))


def write_docx(name, document_xml):
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                           ("word/document.xml", document_xml)):
            info = zipfile.ZipInfo(part, date_time=(2021, 11, 2, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))


def main():
    with open(os.path.join(HERE, "seed-report.txt"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    body = "".join(paragraph(line.strip(), split=(i % 2 == 0)) for i, line in enumerate(lines))
    body += table([[cell("单位名称"), cell("益阳市资阳区商务局")], [cell("报告日期"), cell("2021年11月2日")]])
    write_docx("seed-report.docx", document(body))

    small = (paragraph("第一段") + '<w:p><w:r><w:t>甲</w:t></w:r><w:r><w:tab/><w:t>乙</w:t></w:r>'
             '<w:r><w:br/><w:t>丙 &amp; 丁</w:t></w:r><w:r><w:delText>删</w:delText></w:r></w:p>'
             + table([[cell("项目", "名称"), cell("金额")],
                      ["<w:tc>%s%s</w:tc>" % (paragraph("外"), table([[cell("内")]])), cell("28.71万元")]])
             + paragraph("末段"))
    write_docx("runs-and-table.docx", document(small))
    write_docx("doctype.docx", document(paragraph("x"), prolog='<!DOCTYPE w:document [<!ENTITY a "b">]>\n'))

    with open(os.path.join(HERE, "seed-report-gb18030.txt"), "wb") as f:
        f.write("\n".join(lines).encode("gb18030"))


if __name__ == "__main__":
    main()
