/// ReportCheck — finds the figures in a narrative self-evaluation report and checks them.
///
/// It sees plain text (paragraphs) and the finance model, never a file format or C: the .docx text
/// comes from XLSXFormat's document reader. Findings use the shared `Finding` shape.
