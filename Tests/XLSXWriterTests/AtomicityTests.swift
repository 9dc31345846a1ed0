import Foundation
import Spreadsheet
import Testing
import TestSupport
@testable import XLSXFormat

/// Nothing partial is ever left behind: failures and cancel keep the old file and leave no temp files.
@Suite struct AtomicityTests {
    let old: [UInt8] = Array("an older file".utf8)

    func folderWithOldFile() throws -> (folder: URL, path: String) {
        let folder = try Fixtures.temporaryDirectory("xlsx-writer")
        let path = folder.appendingPathComponent("表.xlsx").path
        try Data(old).write(to: URL(fileURLWithPath: path))
        return (folder, path)
    }

    func contents(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func cancelKeepsTheOldFile() throws {
        let (folder, path) = try folderWithOldFile()
        let writer = try XLSXWriter(path: path)
        try writer.beginSheet(name: "a")
        for i in 0..<1000 { try writer.write(row: Row(index: i, cells: [Cell(column: 0, value: .text("行\(i)"))])) }
        writer.cancel()
        #expect(try Samples.bytes(path) == old)
        #expect(try contents(folder) == ["表.xlsx"])
        #expect(throws: SpreadsheetError.self) { try writer.close() }
    }

    @Test func aFailedWriteKeepsTheOldFile() throws {
        let (folder, path) = try folderWithOldFile()
        let writer = try XLSXWriter(path: path)
        try writer.beginSheet(name: "a")
        try writer.write(row: Row(index: 0, cells: [Cell(column: 0, value: .text("ok"))]))
        #expect(throws: SpreadsheetError.self) {
            try writer.write(row: Row(index: 1, cells: [Cell(column: 0, value: .number("not a number"))]))
        }
        // The writer stays failed: nothing can be closed into place afterwards.
        #expect(throws: SpreadsheetError.self) { try writer.endSheet() }
        #expect(throws: SpreadsheetError.self) { try writer.close() }
        #expect(try Samples.bytes(path) == old)
        #expect(try contents(folder) == ["表.xlsx"])
    }

    @Test func closeReplacesTheOldFile() throws {
        let (folder, path) = try folderWithOldFile()
        try XLSXWriter.write(Samples.form(), to: path)
        let bytes = try Samples.bytes(path)
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(try contents(folder) == ["表.xlsx"])
    }

    @Test func aMissingFolderFailsBeforeAnythingIsWritten() throws {
        let folder = try Fixtures.temporaryDirectory("xlsx-writer")
        let path = folder.appendingPathComponent("missing/out.xlsx").path
        #expect(throws: SpreadsheetError.self) { try XLSXWriter.write(Samples.form(), to: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(throws: SpreadsheetError.self) { try XLSXWriter.write(Samples.form(), to: folder.path) }
    }

    @Test func aReadOnlyFolderGivesAnErrorAndNoFile() throws {
        // root ignores permission bits, so use a folder no one can create files in.
        let folder: String
        if getuid() == 0 {
            folder = "/proc"
        } else {
            let url = try Fixtures.temporaryDirectory("xlsx-writer")
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: url.path)
            folder = url.path
        }
        let path = folder + "/budgeteval-readonly-test.xlsx"
        do {
            try XLSXWriter.write(Samples.form(), to: path)
            Issue.record("wrote into a read-only folder")
        } catch let error as SpreadsheetError {
            #expect(error.location.file == path)
            #expect(error.message(.zh).contains("读写失败"))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
