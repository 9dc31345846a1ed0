import CSVFormat
import FinanceModel
import Foundation
import Recognition
import Spreadsheet
import XLSXFormat

/// What one input file contributed to a department.
public struct LoadedFile: Sendable, Hashable {
    /// The role a file played, from the tables found in it.
    public enum Role: String, Sendable, Hashable {
        /// Only budget tables (预算).
        case budget
        /// Only final-accounts tables (决算), or tables with budget beside 决算数.
        case finalAccounts
        /// Project funds, indicators or forms (项目绩效).
        case projectPerformance
        /// The department-facts sheet (部门基本情况).
        case departmentFacts
        /// Tables of several roles.
        case mixed
        /// Nothing recognised (see the file's errors).
        case unrecognised
    }

    public var path: String
    public var file: String
    /// nil when the file could not be read at all.
    public var input: LoadedInput?
    public var tables: [RecognizedTable]
    public var role: Role
    /// Problems in this file (unreadable file, unrecognised sheets); other files still load.
    public var errors: [LoadError]
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

/// A department loaded from its files: the assembled `Department` and what each file gave.
public struct LoadedDepartment: Sendable, Hashable {
    public var department: Department
    public var files: [LoadedFile]

    /// Every error of every file, in file order.
    public var errors: [LoadError] { files.flatMap(\.errors) }
}

/// Loads a department's files (读取部门资料): reads each, recognises every sheet, applies forced sides,
/// assembles the department. Errors are collected per file, never thrown, so batch can continue.
public enum DepartmentLoader {
    /// - Parameters:
    ///   - files: paths of the department's inputs.
    ///   - forcedSides: path (or file name) → side, overriding what recognition decided for every table
    ///     of that file (`--budget FILE` / `--final FILE`).
    ///   - mapping: overrides for odd layouts.
    public static func load(
        files: [String], forcedSides: [String: TableSide] = [:], mapping: Mapping? = nil,
        limits: ReadLimits = ReadLimits(), csvOptions: CSVReadOptions = CSVReadOptions()
    ) -> LoadedDepartment {
        var loaded: [LoadedFile] = []
        for path in files {
            loaded.append(loadFile(
                path, forcedSide: forcedSide(for: path, in: forcedSides), mapping: mapping, limits: limits,
                csvOptions: csvOptions))
        }
        let department = DepartmentAssembler.assemble(tables: loaded.flatMap { $0.tables.map(\.table) })
        return LoadedDepartment(department: department, files: loaded)
    }

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
            return LoadedFile(path: path, file: file, input: nil, tables: [], role: .unrecognised, errors: [.reading(error)])
        } catch {
            let wrapped = SpreadsheetError(.ioFailure(detail: "\(error)"), at: InputLocation(file: file))
            return LoadedFile(path: path, file: file, input: nil, tables: [], role: .unrecognised, errors: [.reading(wrapped)])
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
        return LoadedFile(path: path, file: file, input: input, tables: tables, role: role(of: tables), errors: errors)
    }

    static func forcedSide(for path: String, in sides: [String: TableSide]) -> TableSide? {
        sides[path] ?? sides[(path as NSString).lastPathComponent]
    }

    /// The role the tables of a file play together.
    static func role(of tables: [RecognizedTable]) -> LoadedFile.Role {
        let roles = Set(tables.map { table -> LoadedFile.Role in
            switch table.kind {
            case .projectFunds where table.side == .budget: .budget
            case .projectFunds, .projectIndicators, .projectForm: .projectPerformance
            case .departmentFacts: .departmentFacts
            default: table.side == .budget ? .budget : .finalAccounts
            }
        })
        if roles.isEmpty { return .unrecognised }
        return roles.count == 1 ? roles.first ?? .mixed : .mixed
    }
}
