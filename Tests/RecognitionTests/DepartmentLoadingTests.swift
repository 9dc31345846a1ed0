import FinanceModel
import Foundation
import Pipeline
import Recognition
import Testing
import TestSupport

/// Whole departments through `DepartmentLoader`: roles, merged projects, facts, collected errors.
@Suite struct DepartmentLoadingTests {
    static func files(_ department: String) throws -> [String] {
        let dir = Samples.root.appendingPathComponent(department).path
        return try FileManager.default.contentsOfDirectory(atPath: dir)
            .filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".csv") }.sorted().map { dir + "/" + $0 }
    }

    @Test func seedDepartment() throws {
        let loaded = try Pipeline.load(try Self.files(Samples.seed))
        #expect(loaded.files.allSatisfy { $0.errors.isEmpty })
        #expect(loaded.groups.count == 1)
        let d = try #require(loaded.groups.first).department
        #expect(d.name == "益阳市资阳区商务局")
        #expect(d.year == 2020)
        #expect(Dictionary(uniqueKeysWithValues: loaded.files.map { ($0.file, $0.roles) }) == [
            "2020年三公经费.csv": [.finalAccounts], "2020年部门决算.xlsx": [.finalAccounts],
            "2020年部门预算.xlsx": [.budget], "2020年项目绩效.xlsx": [.projects],
            "部门基本情况.xlsx": [.projects, .facts],  // facts + the 部门整体绩效指标 sheet
        ])
        #expect(d.projects.count == 9)
        #expect(d.projects.map(\.indicators.count).reduce(0, +) == 57)
        // The performance input's 28.87 wins over the budget list's 28.71 (both tables stay in d.tables).
        let retired = try #require(d.projects.first { $0.name == "离退休人员经费" })
        #expect(retired.funds.total.initialBudget?.value == money("28.87"))
        #expect(retired.funds.total.initialBudget?.source?.sheet == "项目资金")
        let market = try #require(d.projects.first { $0.name == "农贸市场管理工作经费" })
        #expect(market.annualGoal != nil)
        #expect(market.indicators.count == 8)
        #expect(market.funds.total.actual?.source?.sheet == "项目自评表-农贸市场")
        #expect(d.facts?.authorizedStaff?.value == Quantity(33))
        #expect(d.tables(of: .projectFunds).count == 2)
    }

    @Test func secondDepartment() throws {
        let loaded = try Pipeline.load(try Self.files(Samples.second))
        #expect(loaded.files.allSatisfy { $0.errors.isEmpty })
        let department = try #require(loaded.groups.first).department
        #expect(loaded.groups.count == 1)
        #expect(department.name == "某县农业农村局")
        #expect(department.projects.map(\.indicators.count) == [6, 5, 4])
        #expect(department.tables.count == 11)  // + 部门整体绩效目标 (department indicators, no project)
    }

    @Test func errorsAreCollectedPerFileNotThrown() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("名单.csv")
        try Data("姓名,电话\n张三,123\n".utf8).write(to: bad)
        let missing = dir.appendingPathComponent("没有.xlsx").path
        let good = Samples.path(Samples.second, "2020年基本支出预算表.csv")
        let files = [bad.path, missing, good].map { DepartmentLoader.loadFile($0) }
        #expect(files.map(\.roles) == [[.unrecognised], [.unreadable], [.budget]])
        #expect(files[0].errors.count == 1)
        #expect(files[1].errors.count == 1)
        #expect(files[1].input == nil)
        #expect(files[2].tables.count == 1)
        #expect(files[0].errors.first?.message(.zh).contains("名单.csv") == true)
        // Through the seam, a missing input stops the run with a message naming it; an unrecognised
        // sheet is a 警告 and the run goes on.
        #expect(throws: PipelineError.self) { try Pipeline.load([bad.path, missing, good]) }
        let inputs = try Pipeline.load([bad.path, good])
        #expect(inputs.loadFindings.contains { $0.rule == "工作表未识别" && $0.cells.first?.location.file == "名单.csv" })
    }

    @Test func forcedSideRereadsUnqualifiedColumns() throws {
        let path = Samples.path(Samples.seed, "2020年部门预算.xlsx")
        let loaded = try Pipeline.load([], options: InputOptions(finalAccountsFiles: [path]))
        let expense = try #require(loaded.files.first?.table(sheet: "部门支出总表")?.expense)
        #expect(expense.info.side == .finalAccounts)
        #expect(expense.totalRow?.total.actual?.value == money("944.59"))
    }

    @Test func inputLoaderSniffsContentNotExtension() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let disguised = dir.appendingPathComponent("预算.dat")
        try FileManager.default.copyItem(
            atPath: Samples.path(Samples.second, "2020年预算.xlsx"), toPath: disguised.path)
        let input = try InputLoader.load(path: disguised.path)
        #expect(input.format == .xlsx)
        #expect(input.sheets.count == 3)
        let ole = dir.appendingPathComponent("old.xlsx")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: ole)
        #expect(throws: (any Error).self) { try InputLoader.load(path: ole.path) }
    }
}
