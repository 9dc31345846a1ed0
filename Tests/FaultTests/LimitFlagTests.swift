import Foundation
import TestSupport
import Testing

/// The read limits are reachable from the command line, and their refusals name the flag to raise.
@Suite struct LimitFlagTests {
    @Test(arguments: [
        (["--max-entries", "4"], "--max-entries"),
        (["--max-string-bytes", "5"], "--max-string-bytes"),
        (["--max-cells", "3"], "--max-cells"),
        (["--max-inflated-bytes", "100"], "--max-inflated-bytes"),
    ])
    func loweredCapRefusesAndNamesItsFlag(flags: [String], named: String) throws {
        let bin = try #require(Fault.binary, "budgeteval is not built beside the tests")
        let dir = try Fixtures.temporaryDirectory("budgeteval-limits")
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = try MinimalWorkbook.rows(5).write(to: dir, name: "in.xlsx")
        let out = dir.appendingPathComponent("out.csv").path
        let refused = try Fault.run(bin, ["convert", book, out] + flags)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains(named), "stderr: \(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let accepted = try Fault.run(bin, ["convert", book, out])
        #expect(accepted.status == 0, "stderr: \(accepted.stderr)")
    }
}
