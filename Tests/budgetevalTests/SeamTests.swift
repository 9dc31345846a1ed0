import Foundation
import TestSupport
import Testing

/// The one seam, seen from the command line: the same input findings from every command, outputs that
/// are never inputs, folders read as departments, missing and empty inputs named.
@Suite("One seam")
struct SeamTests {
    static let samples = Fixtures.repositoryRoot().appendingPathComponent("Samples")

    /// A private copy of a sample department (tests write outputs beside it).
    static func copy(_ department: String, into dir: URL) throws -> URL {
        let target = dir.appendingPathComponent(department)
        try FileManager.default.copyItem(at: samples.appendingPathComponent(department), to: target)
        return target
    }

    /// The findings of a `--json` document, with their order.
    static func findings(_ json: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let list = object?["findings"] as? [[String: Any]] ?? []
        return list.map { finding in
            let data = (try? JSONSerialization.data(withJSONObject: finding, options: [.sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }

    @Test("check, reconcile, forms and batch give the same input findings", arguments: ["益阳市资阳区商务局", "某县农业农村局"])
    func sameInputFindings(_ department: String) throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = try Self.copy(department, into: dir.appendingPathComponent("in"))
        let check = try Self.findings(try Run.budgeteval(["check", "--json", folder.path]).stdout)
        let reconcile = try Self.findings(try Run.budgeteval(["reconcile", "--json", folder.path]).stdout)
        let forms = try Self.findings(
            try Run.budgeteval(["forms", "--json", folder.path, "-o", dir.appendingPathComponent("f.xlsx").path]).stdout)
        #expect(!check.isEmpty)
        #expect(reconcile == check)
        #expect(Array(forms.prefix(check.count)) == check, "forms must list the input findings first, as check does")
        // batch: the same findings, in the same order, open its 检查报告.txt (one line each).
        let out = dir.appendingPathComponent("out")
        let batch = try Run.budgeteval(["batch", dir.appendingPathComponent("in").path, "-o", out.path, "--quiet"])
        #expect(batch.status == 0 || batch.status == 3, "\(batch.stderr)")
        let report = try String(contentsOf: out.appendingPathComponent("\(department)/检查报告.txt"), encoding: .utf8)
        let checkText = try Run.budgeteval(["check", folder.path]).stdout
        let rules = checkText.split(separator: "\n").compactMap { line -> String? in
            guard let open = line.firstIndex(of: "["), let close = line.firstIndex(of: "]"), open < close,
                  !line.hasPrefix(" ") else { return nil }
            return String(line[open...close])
        }
        var searchFrom = report.startIndex
        for rule in rules {
            let found = report.range(of: rule, range: searchFrom..<report.endIndex)
            #expect(found != nil, "batch report lacks \(rule) in check's order")
            if let found { searchFrom = found.upperBound }
        }
    }

    @Test("an output that is an input — the file, a symlink, a hard link — is refused with 64, the input untouched")
    func outputIsNeverAnInput() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = try Self.copy("益阳市资阳区商务局", into: dir)
        let budget = folder.appendingPathComponent("2020年部门预算.xlsx")
        let csv = folder.appendingPathComponent("2020年三公经费.csv")
        let before = try Data(contentsOf: budget), csvBefore = try Data(contentsOf: csv)
        let symlink = dir.appendingPathComponent("link.xlsx"), hardlink = dir.appendingPathComponent("hard.xlsx")
        try FileManager.default.createSymbolicLink(at: symlink, withDestinationURL: budget)
        try FileManager.default.linkItem(at: budget, to: hardlink)
        let csvLink = dir.appendingPathComponent("link.csv")
        try FileManager.default.createSymbolicLink(at: csvLink, withDestinationURL: csv)
        for target in [budget, symlink, hardlink] {
            let forms = try Run.budgeteval(["forms", folder.path, "-o", target.path])
            #expect(forms.status == 64, "forms -o \(target.lastPathComponent): \(forms.stderr)")
            #expect(forms.stderr.contains("输入"), "\(forms.stderr)")
            let reconcile = try Run.budgeteval(["reconcile", folder.path, "-o", target.path])
            #expect(reconcile.status == 64, "reconcile -o \(target.lastPathComponent): \(reconcile.stderr)")
            let convert = try Run.budgeteval(["convert", budget.path, target.path])
            #expect(convert.status == 64, "convert to \(target.lastPathComponent): \(convert.stderr)")
        }
        for target in [csv, csvLink] {
            let convert = try Run.budgeteval(["convert", csv.path, target.path])
            #expect(convert.status == 64, "\(convert.stderr)")
            let reconcile = try Run.budgeteval(["reconcile", folder.path, "-o", target.path])
            #expect(reconcile.status == 64, "\(reconcile.stderr)")
        }
        let batch = try Run.budgeteval(["batch", dir.path, "-o", folder.path, "--quiet"])
        #expect(batch.status == 64, "\(batch.stderr)")
        #expect(try Data(contentsOf: budget) == before)
        #expect(try Data(contentsOf: csv) == csvBefore)
    }

    @Test("-o with the wrong or no extension is a usage error naming the one expected; -o - for reconcile only")
    func outputExtensions() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = Self.samples.appendingPathComponent("益阳市资阳区商务局").path
        for name in ["out.csv", "自评表"] {
            let r = try Run.budgeteval(["forms", folder, "-o", dir.appendingPathComponent(name).path])
            #expect(r.status == 64)
            #expect(r.stderr.contains(".xlsx"), "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path))
        }
        #expect(try Run.budgeteval(["forms", folder, "-o", "-"]).status == 64)
        #expect(try Run.budgeteval(["reconcile", folder, "-o", "-", "--json"]).status == 64)
        let stdout = try Run.budgeteval(["reconcile", folder, "-o", "-"])
        #expect(stdout.status == 3)
        #expect(stdout.stdout.hasPrefix("序号,") || stdout.stdout.contains(","), "CSV on stdout")
        #expect(!stdout.stdout.hasPrefix("\u{FEFF}"), "stdout CSV is UTF-8 without BOM")
        #expect(stdout.stderr.contains("共 1 个错误"), "table and findings on stderr")
    }

    @Test("a folder is read as a department; a missing or empty file, or a document, is exit 1 naming it")
    func foldersAndBadPaths() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = Self.samples.appendingPathComponent("益阳市资阳区商务局")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .map { folder.appendingPathComponent($0).path }
        #expect(try Run.budgeteval(["check", "--json", folder.path]).stdout == (try Run.budgeteval(["check", "--json"] + files).stdout))
        let missing = dir.appendingPathComponent("没有这个文件.xlsx").path
        let empty = dir.appendingPathComponent("空.xlsx")
        try Data().write(to: empty)
        let docx = dir.appendingPathComponent("报告.docx")
        try Data("PK".utf8).write(to: docx)
        for command in ["check", "reconcile", "inspect"] {
            for (path, words) in [(missing, "找不到"), (empty.path, "为空"), (docx.path, "文档")] {
                let r = try Run.budgeteval([command, path])
                #expect(r.status == 1, "\(command) \(path): \(r.status) \(r.stderr)")
                #expect(r.stderr.contains((path as NSString).lastPathComponent) && r.stderr.contains(words), "\(r.stderr)")
                #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump"))
            }
        }
        let bare = dir.appendingPathComponent("无表格")
        try FileManager.default.createDirectory(at: bare, withIntermediateDirectories: true)
        try Data("说明".utf8).write(to: bare.appendingPathComponent("说明.pdf"))
        for (option, name) in [("--mapping", "没有映射.json"), ("--profile", "没有方案.json")] {
            let r = try Run.budgeteval(["forms", folder.path, option, dir.appendingPathComponent(name).path, "-o", dir.appendingPathComponent("m.xlsx").path])
            #expect(r.status == 1, "\(option): \(r.stderr)")
            #expect(r.stderr.contains(name), "\(r.stderr)")
        }
        let damaged = dir.appendingPathComponent("坏映射.json")
        try Data("{bad".utf8).write(to: damaged)
        let mapping = try Run.budgeteval(["check", folder.path, "--mapping", damaged.path])
        #expect(mapping.status == 1 && mapping.stderr.contains("坏映射.json") && mapping.stderr.contains("格式有误"), "\(mapping.stderr)")
        let forms = try Run.budgeteval(["forms", bare.path, "-o", dir.appendingPathComponent("o.xlsx").path])
        #expect(forms.status == 1, "a folder without spreadsheets: \(forms.stderr)")
        #expect(forms.stderr.contains("没有表格文件"))
    }

    @Test("two years of one department: check checks each on its own, reconcile and forms ask which")
    func twoYears() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let county = Self.samples.appendingPathComponent("某县农业农村局")
        let csv = try String(contentsOf: county.appendingPathComponent("2020年基本支出预算表.csv"), encoding: .utf8)
        let later = dir.appendingPathComponent("2021年基本支出预算表.csv")
        try Data(csv.replacingOccurrences(of: "2020年", with: "2021年").utf8).write(to: later)
        let files = [county.appendingPathComponent("2020年预算.xlsx").path, county.appendingPathComponent("2020年决算.xlsx").path, later.path]
        let check = try Run.budgeteval(["check"] + files)
        #expect(check.stdout.hasPrefix("警告 [输入分组]") || check.stdout.contains("[输入分组]"), "\(check.stdout)")
        #expect(!check.stdout.contains("[表间一致]"), "tables of two years are never compared: \(check.stdout)")
        let reconcile = try Run.budgeteval(["reconcile"] + files)
        #expect(reconcile.status == 64)
        #expect(reconcile.stderr.contains("--year"), "\(reconcile.stderr)")
        let picked = try Run.budgeteval(["reconcile", "--year", "2020"] + files)
        #expect(picked.status == 0 || picked.status == 3, "\(picked.stderr)")
        let json = try Run.budgeteval(["check", "--json"] + files).stdout
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let list = object?["findings"] as? [[String: Any]] ?? []
        #expect(list.first?["rule"] as? String == "输入分组")
        #expect(list.first?["group"] is NSNull)
        let group = list.dropFirst().first?["group"] as? [String: Any]
        #expect(group?["preparedBy"] as? String == "某县农业农村局")
        #expect(group?["year"] as? Int == 2020)
        #expect(group?["scope"] as? String == "department")
    }

    @Test("two departments' files given together are never merged into one form")
    func twoDepartments() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let forms = try Run.budgeteval(["forms", Self.samples.path, "-o", dir.appendingPathComponent("f.xlsx").path])
        #expect(forms.status == 64, "\(forms.stdout)\(forms.stderr)")
        #expect(forms.stderr.contains("益阳市资阳区商务局") && forms.stderr.contains("某县农业农村局"), "\(forms.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("f.xlsx").path))
        let picked = try Run.budgeteval(
            ["forms", Self.samples.path, "--preparer", "某县", "-o", dir.appendingPathComponent("f.xlsx").path])
        #expect(picked.status == 0, "\(picked.stderr)")
        #expect(picked.stdout.contains("某县农业农村局 部门整体总分"), "\(picked.stdout)")
        let check = try Run.budgeteval(["check", Self.samples.path])
        #expect(check.stdout.hasPrefix("—: 警告 [输入分组]") || check.stdout.contains("[输入分组]"))
        #expect(!check.stdout.contains("[表间一致]"), "two departments are never compared: \(check.stdout)")
    }

    @Test("budget only: every single-side rule runs, one [缺少决算表] 提示, the same in every command")
    func budgetOnly() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let county = Self.samples.appendingPathComponent("某县农业农村局")
        let files = [county.appendingPathComponent("2020年预算.xlsx").path, county.appendingPathComponent("2020年基本支出预算表.csv").path]
        let check = try Run.budgeteval(["check"] + files)
        #expect(check.stdout.components(separatedBy: "[缺少决算表]").count == 2, "\(check.stdout)")
        let forms = try Run.budgeteval(["forms"] + files + ["-o", dir.appendingPathComponent("f.xlsx").path])
        #expect(forms.stdout.components(separatedBy: "[缺少决算表]").count == 2, "\(forms.stdout)")
    }
}

/// The executable only parses arguments: it imports Pipeline and ArgumentParser, nothing else of ours.
@Suite("Thin executable")
struct ExecutableImportsTests {
    @Test func executableImportsOnlyPipelineAndArgumentParser() throws {
        let folder = Fixtures.repositoryRoot().appendingPathComponent("Sources/budgeteval")
        let allowed: Set<String> = ["ArgumentParser", "Pipeline", "Server", "Foundation", "Glibc", "Darwin", "Dispatch"]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var checked = 0
        while let name = enumerator?.nextObject() as? String {
            guard name.hasSuffix(".swift") else { continue }
            checked += 1
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ")
                guard let importIndex = words.firstIndex(of: "import"), importIndex + 1 < words.count else { continue }
                #expect(!words.contains("@_exported"), "\(name): \(line)")
                #expect(allowed.contains(String(words[importIndex + 1])), "\(name) imports \(words[importIndex + 1])")
            }
        }
        #expect(checked > 5)
    }
}

/// batch runs each department in a child process: a trap ends that department only.
@Suite("Batch contains a trap")
struct BatchTrapTests {
    @Test func aTrappingDepartmentFailsAloneWhateverTheJobs() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        for department in ["益阳市资阳区商务局", "某县农业农村局"] { _ = try SeamTests.copy(department, into: input) }
        var outputs: [[String: Data]] = []
        for jobs in ["1", "2"] {
            let out = dir.appendingPathComponent("out\(jobs)")
            let run = try Run.budgeteval(
                ["batch", input.path, "-o", out.path, "--jobs", jobs, "--quiet"],
                environment: ["BUDGETEVAL_TEST_TRAP": "某县农业农村局"])
            #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
            #expect(run.stdout.contains("某县农业农村局：失败 — 内部错误："), "\(run.stdout)")
            #expect(run.stdout.contains("Index out of range"), "the trap's first line: \(run.stdout)")
            #expect(run.stdout.contains("益阳市资阳区商务局：成功"), "\(run.stdout)")
            let files = try TestFolder.contents(out)
            #expect(files["益阳市资阳区商务局/自评表.xlsx"] != nil)
            #expect(files["某县农业农村局/检查报告.txt"] != nil)
            #expect(files["某县农业农村局/自评表.xlsx"] == nil)
            #expect(files["汇总.xlsx"] != nil && files["汇总.json"] != nil)
            #expect(!files.keys.contains { ($0 as NSString).lastPathComponent.hasPrefix(".") }, "no temporary file left: \(files.keys)")
            let summary = String(decoding: files["汇总.json"] ?? Data(), as: UTF8.self)
            #expect(summary.contains("\"status\": \"failed\""), "\(summary)")
            outputs.append(files)
        }
        #expect(outputs.first == outputs.last, "outputs identical whatever --jobs")
    }
}

/// Help and argument errors speak the user's language; exit 64 for usage.
@Suite("Chinese help and argument errors")
struct LocalisedArgumentTests {
    @Test func argumentErrorsAreChineseByDefaultAndEnglishOnRequest() throws {
        let unknown = try Run.budgeteval(["check", "x.xlsx", "--bogus"], environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": ""])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("错误：未知选项 '--bogus'"), "\(unknown.stderr)")
        #expect(!unknown.stderr.contains("Error:"))
        let missing = try Run.budgeteval(["forms", "a.xlsx", "-o"], environment: ["LANG": "C.UTF-8", "LC_ALL": ""])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("缺少取值"), "\(missing.stderr)")
        let english = try Run.budgeteval(["check", "x.xlsx", "--bogus", "--lang", "en"])
        #expect(english.status == 64)
        #expect(english.stderr.contains("Error: Unknown option '--bogus'"), "\(english.stderr)")
        let help = try Run.budgeteval(["forms", "--help"], environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": ""])
        #expect(help.stdout.contains("用法：") && help.stdout.contains("生成绩效自评表"), "\(help.stdout)")
        let englishHelp = try Run.budgeteval(["forms", "--help"], environment: ["LANG": "en_US.UTF-8", "LC_ALL": ""])
        #expect(englishHelp.stdout.contains("USAGE:") && englishHelp.stdout.contains("write the self-evaluation forms"))
    }
}

/// The tool's own forms workbook among the inputs: forms and batch skip it with a 提示; check reads its
/// project forms (a filled 自评表 is what check checks), never its 对照表 as if it were an input.
@Suite("Own outputs among the inputs")
struct OwnOutputTests {
    @Test func formsSkipsItsOwnWorkbookAndCheckReadsOnlyItsForms() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = try SeamTests.copy("益阳市资阳区商务局", into: dir)
        let first = folder.appendingPathComponent("自评表.xlsx")
        #expect(try Run.budgeteval(["forms", folder.path, "-o", first.path]).status == 3)
        try FileManager.default.copyItem(at: first, to: folder.appendingPathComponent("自评表 - 副本.xlsx"))
        let again = try Run.budgeteval(["forms", folder.path, "-o", first.path])
        #expect(again.status == 3, "\(again.stderr)")
        #expect(again.stdout.components(separatedBy: "[跳过本工具输出]").count == 3, "\(again.stdout)")
        #expect(again.stdout.contains("共 1 个错误"), "the same findings as the first run: \(again.stdout)")
        let check = try Run.budgeteval(["check", folder.appendingPathComponent("自评表 - 副本.xlsx").path])
        #expect(check.status == 0, "a forms workbook is no budget: its 对照表 is not re-checked: \(check.stdout)")
        #expect(!check.stdout.contains("预算执行情况对照表 ›"), "\(check.stdout)")
    }
}
