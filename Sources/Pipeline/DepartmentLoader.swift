import CSVFormat
import FinanceModel
import Foundation
import Recognition
import Spreadsheet
import XLSXFormat

/// What one input file contributed to a department.
public struct LoadedFile: Sendable, Hashable {
    public var path: String
    public var file: String
    /// nil when the file could not be read at all.
    public var input: LoadedInput?
    public var tables: [RecognizedTable]
    /// Problems in this file (unreadable file, unrecognised sheets); other files still load.
    public var errors: [LoadError]

    /// What the file is to a department, from its tables (预算, 决算, 项目绩效 …).
    public var roles: [FileRole] {
        input == nil ? [.unreadable] : FileRole.roles(of: tables.map(\.info))
    }
}

/// A problem loading one file or sheet, kept so a batch can go on.
public enum LoadError: Error, Sendable, Hashable, CustomStringConvertible {
    case reading(SpreadsheetError)
    case recognising(RecognitionError)
    /// The mapping file could not be read.
    case mapping(path: String, detail: String)

    public func message(_ lang: Language) -> String {
        switch self {
        case .reading(let e): e.message(lang)
        case .recognising(let e): e.message(lang)
        case .mapping(let path, let detail):
            lang == .zh ? "\(path)：映射文件无法读取：\(detail)" : "\(path): cannot read the mapping file: \(detail)"
        }
    }

    public var description: String { message(.zh) }
}

/// Reads one input file and recognises its sheets (读取一个文件): the per-file step of `Pipeline.load`.
/// Errors are collected per file, never thrown.
public enum DepartmentLoader {
    /// Reads a mapping file; nil path gives nil.
    public static func readMapping(path: String?) throws -> Mapping? {
        guard let path else { return nil }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try Mapping.decode(data)
    }

    /// One file: read, recognise each visible worksheet, force the side.
    public static func loadFile(
        _ path: String, forcedSide: TableSide? = nil, mapping: Mapping? = nil, limits: ReadLimits = ReadLimits(),
        csvOptions: CSVReadOptions = CSVReadOptions()
    ) -> LoadedFile {
        let file = (path as NSString).lastPathComponent
        let input: LoadedInput
        do {
            input = try InputLoader.load(path: path, limits: limits, csvOptions: csvOptions)
        } catch let error as SpreadsheetError {
            return LoadedFile(path: path, file: file, input: nil, tables: [], errors: [.reading(error)])
        } catch {
            let wrapped = SpreadsheetError(.ioFailure(detail: "\(error)"), at: InputLocation(file: file))
            return LoadedFile(path: path, file: file, input: nil, tables: [], errors: [.reading(wrapped)])
        }
        var tables: [RecognizedTable] = []
        var errors: [LoadError] = []
        for sheet in input.sheets where sheet.state == .visible && sheet.kind == .worksheet {
            do {
                let found = try TableRecognizer.recognize(
                    sheet: sheet, file: file, isCSV: input.isCSV, mapping: mapping, forcedSide: forcedSide)
                tables.append(contentsOf: found)
            } catch {
                if case .emptySheet = error.reason { continue }
                errors.append(.recognising(error))
            }
        }
        return LoadedFile(path: path, file: file, input: input, tables: tables, errors: errors)
    }
}
