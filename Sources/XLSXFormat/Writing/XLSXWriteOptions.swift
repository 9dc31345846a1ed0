public import Spreadsheet

/// How `XLSXWriter` writes a workbook.
public struct XLSXWriteOptions: Hashable, Sendable {
    /// The deflate level, 1 (fastest) … 9 (smallest); default 1.
    ///
    /// Deflating the sheet XML is most of a large write's time. Level 1 deflates the 140 MB of XML of a
    /// 500,000-row sheet in about 0.7 s against 2.5 s at level 6, for a file roughly a fifth larger;
    /// forms are small either way. Values outside 1…9 are clamped (libzip would treat 0 as 9).
    public var compressionLevel: Int
    /// Count dates from 1904-01-01 (old Mac Excel) instead of 1900.
    public var date1904: Bool
    /// Title, author and so on for `docProps/core.xml` and `docProps/app.xml`.
    public var documentProperties: DocumentProperties

    public init(compressionLevel: Int = 1, date1904: Bool = false,
                documentProperties: DocumentProperties = DocumentProperties()) {
        self.compressionLevel = compressionLevel
        self.date1904 = date1904
        self.documentProperties = documentProperties
    }

    /// Document properties (文档属性). Nothing here is filled in automatically: in particular no
    /// creation time is written unless `created` is set, so equal inputs give byte-identical files.
    public struct DocumentProperties: Hashable, Sendable {
        public var title: String?
        public var subject: String?
        public var creator: String?
        public var company: String?
        /// Written as both created and modified time (UTC, `2020-12-31T08:30:00Z`) when set.
        public var created: LocalDateTime?
        /// `<Application>` of `docProps/app.xml`: `BudgetEval`; the report marker (`XLSXToolMarker.application`)
        /// in `XLSXWriteOptions.report`, so `XLSXToolMarker.isToolOutput(path:)` recognises the forms and reports
        /// this tool wrote. Excel and WPS replace it when a person saves the file, which then counts as theirs.
        public var application: String = "BudgetEval"

        public init(title: String? = nil, subject: String? = nil, creator: String? = nil, company: String? = nil,
                    created: LocalDateTime? = nil) {
            self.title = title
            self.subject = subject
            self.creator = creator
            self.company = company
            self.created = created
        }
    }
}

extension XLSXWriteOptions {
    /// The options of a report workbook (forms, 对照表, 汇总): the default ones with the tool's marker.
    public static var report: XLSXWriteOptions {
        var options = XLSXWriteOptions()
        options.documentProperties.application = XLSXToolMarker.application
        return options
    }
}
