import Foundation

/// Names of 功能分类 and 经济分类 subject codes, from the data file embedded in the module
/// (`Data/SubjectCodes.json`: the codes the samples and the common tables use, 2020 classification).
///
/// The catalogue only names codes; a code missing from it is still a valid code.
///
/// The file is compiled into the module (`Generated/EmbeddedData.swift`, written by `scripts/embed_data.py`),
/// so a copied executable needs nothing beside it.
public struct SubjectCatalogue: Sendable, Hashable {
    public private(set) var functionNames: [FunctionCode: String]
    public private(set) var economicNames: [EconomicCode: String]

    public init(functionNames: [FunctionCode: String] = [:], economicNames: [EconomicCode: String] = [:]) {
        self.functionNames = functionNames
        self.economicNames = economicNames
    }

    /// The catalogue shipped with the package. `EmbeddedDataTests` decodes the embedded file, so it cannot
    /// be damaged in a tested build; were it ever, codes would simply have no names (a code missing from
    /// the catalogue is still valid) rather than stop the program. `embedded()` says what is wrong.
    public static let standard: SubjectCatalogue = (try? embedded()) ?? SubjectCatalogue()

    /// Reads the embedded `Data/SubjectCodes.json`.
    public static func embedded() throws -> SubjectCatalogue {
        guard let json = EmbeddedData.file(named: "SubjectCodes.json") else {
            throw CatalogueError(detail: "Data/SubjectCodes.json is not embedded in FinanceModel; run `make embed`")
        }
        return try decode(json)
    }

    /// Reads a catalogue in the embedded file's format:
    /// `{"functionCodes": [{"code": "201", "name": "…"}], "economicCodes": [...]}`.
    public static func decode(_ json: Data) throws -> SubjectCatalogue {
        struct Entry: Decodable {
            var code: String
            var name: String
        }
        struct File: Decodable {
            var functionCodes: [Entry]
            var economicCodes: [Entry]
        }
        let file = try JSONDecoder().decode(File.self, from: json)
        var catalogue = SubjectCatalogue()
        for entry in file.functionCodes {
            guard let code = FunctionCode(entry.code) else {
                throw CatalogueError(detail: "functionCodes: “\(entry.code)” is not a 3-, 5- or 7-digit code")
            }
            catalogue.functionNames[code] = entry.name
        }
        for entry in file.economicCodes {
            guard let code = EconomicCode(entry.code) else {
                throw CatalogueError(detail: "economicCodes: “\(entry.code)” is not a 3- or 5-digit code")
            }
            catalogue.economicNames[code] = entry.name
        }
        return catalogue
    }

    /// 招商引资 for 2011308.
    public func name(of code: FunctionCode) -> String? { functionNames[code] }

    /// 公务接待费 for 30217.
    public func name(of code: EconomicCode) -> String? { economicNames[code] }

    /// The names from 类 down: "一般公共服务支出 › 商贸事务 › 招商引资" (levels without a name are skipped).
    public func path(of code: FunctionCode) -> String {
        (code.ancestors.reversed() + [code]).compactMap { functionNames[$0] }.joined(separator: " › ")
    }

    /// Every function code with this exact name, sorted ("行政运行" names one 项 under many 款).
    public func functionCodes(named name: String) -> [FunctionCode] {
        functionNames.filter { $0.value == name }.map(\.key).sorted()
    }

    /// Every economic code with this exact name, sorted.
    public func economicCodes(named name: String) -> [EconomicCode] {
        economicNames.filter { $0.value == name }.map(\.key).sorted()
    }
}

/// A catalogue file that cannot be read, with what is wrong.
public struct CatalogueError: Error, Hashable, Sendable, CustomStringConvertible {
    public var detail: String
    public var description: String { detail }
}
