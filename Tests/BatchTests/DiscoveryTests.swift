import FinanceModel
import Foundation
import Pipeline
import Testing

@Suite struct DiscoveryTests {
    @Test func subfoldersAreDepartmentsAndLooseFilesGroupByUnit() throws {
        let tree = try InputTree()
        defer { tree.remove() }
        try tree.write("乙局/预算.csv", "unit=乙局\nyear=2020\nrole=budget")
        try tree.write("乙局/子目录/决算.csv", "unit=乙局\nyear=2020\nrole=finalAccounts")
        try tree.write("乙局/自评报告.md", "报告")
        try tree.write("乙局/扫描件.pdf", "%PDF")
        try tree.write("乙局/.hidden.csv", "role=budget")
        try tree.write("乙局/~$预算.xlsx", "lock")
        try tree.write("甲局预算.csv", "unit=甲局\nyear=2020\nrole=budget")
        try tree.write("甲局决算.csv", "unit=甲局\nyear=2020\nrole=finalAccounts")
        try tree.write("乙局三公.csv", "unit=乙局\nyear=2020\nrole=finalAccounts")
        try tree.write("无标题.csv", "year=2020\nrole=budget")
        try tree.write("坏文件.xlsx", "broken=文件已损坏")
        try tree.write("说明.txt", "这是一份说明，不是表格。\n第二行。")
        try tree.write("照片.jpg", "jpg")

        let plan = try DepartmentDiscovery.plan(inputDirectory: tree.input, stages: ScriptedStages(), jobs: 2)

        #expect(plan.departments.map(\.name) == ["乙局", "甲局"])
        let yi = plan.departments[0]
        #expect(yi.grouping.folder == "乙局")
        #expect(yi.grouping.preparedBy == "乙局")
        #expect(yi.grouping.looseFiles == ["乙局三公.csv"])
        #expect(yi.dataFiles.map(\.name) == ["乙局三公.csv", "子目录/决算.csv", "预算.csv"])
        #expect(yi.narratives.map(\.name) == ["自评报告.md"])
        #expect(yi.ignored.map(\.name) == ["扫描件.pdf"])
        #expect(yi.grouping.description.zh == "文件夹“乙局”；散放文件按编制单位“乙局”归组：乙局三公.csv")

        let jia = plan.departments[1]
        #expect(jia.grouping.folder == nil)
        #expect(jia.grouping.preparedBy == "甲局")
        #expect(jia.dataFiles.map(\.name) == ["甲局决算.csv", "甲局预算.csv"])

        #expect(plan.ungrouped.map(\.name) == ["坏文件.xlsx", "无标题.csv", "照片.jpg", "说明.txt"])
        let reasons = Dictionary(uniqueKeysWithValues: plan.ungrouped.map { ($0.name, $0.reason.zh) })
        #expect(reasons["无标题.csv"]?.contains("编制单位") == true)
        #expect(reasons["坏文件.xlsx"]?.contains("坏文件.xlsx › 表1 › C7") == true)
        #expect(reasons["说明.txt"]?.contains("自评报告") == true)
    }

    @Test func delimitedTextIsDataAndProseIsNarrative() throws {
        let tree = try InputTree()
        defer { tree.remove() }
        try tree.write("部门/表.txt", "科目编码\t科目名称\t金额\n201\t一般公共服务\t10\n202\t外交\t20\n")
        try tree.write("部门/报告.txt", "一、部门基本情况\n本部门2020年收入944.59万元，支出1023.13万元。\n")
        try tree.write("部门/逗号.txt", "a,b,c\n1,2,3\n4,5,6\n")
        let plan = try DepartmentDiscovery.plan(inputDirectory: tree.input, stages: ScriptedStages(), jobs: 1)
        #expect(plan.departments.first?.dataFiles.map(\.name) == ["表.txt", "逗号.txt"])
        #expect(plan.departments.first?.narratives.map(\.name) == ["报告.txt"])
    }

    /// A README (any case, any extension) is notes about the folder: neither a department's report
    /// inside a folder nor an ungrouped report at the top.
    @Test func readmesAreNotReports() throws {
        let tree = try InputTree()
        defer { tree.remove() }
        try tree.write("部门/预算.csv", "unit=部门\nyear=2020\nrole=budget")
        try tree.write("部门/README.md", "# 说明\n本文件夹放 2020 年的表。")
        try tree.write("部门/报告.md", "一、部门基本情况")
        try tree.write("ReadMe.txt", "说明：每个部门一个文件夹。\n")
        let plan = try DepartmentDiscovery.plan(inputDirectory: tree.input, stages: ScriptedStages(), jobs: 1)
        #expect(plan.departments.first?.narratives.map(\.name) == ["报告.md"])
        #expect(plan.departments.first?.ignored.map(\.name) == ["README.md"])
        #expect(plan.ungrouped.map(\.name) == ["ReadMe.txt"])
        #expect(plan.ungrouped.first?.reason.zh == "说明文件（README），未使用")
    }

    @Test func folderNamesFromUnitsAreSafe() {
        #expect(DepartmentDiscovery.folderName(for: "某局/办公室") == "某局／办公室")
        #expect(DepartmentDiscovery.folderName(for: "..") == "_")
        #expect(DepartmentDiscovery.folderName(for: "a\u{1}b") == "a_b")
    }

    @Test func missingInputIsUnreadable() throws {
        let tree = try InputTree()
        defer { tree.remove() }
        #expect {
            try DepartmentDiscovery.plan(inputDirectory: tree.input, stages: ScriptedStages(), jobs: 1)
        } throws: { error in
            guard let error = error as? BatchError, case .inputUnreadable = error.reason else { return false }
            return !error.isUsage && error.message(.zh).contains("不存在")
        }
    }
}
