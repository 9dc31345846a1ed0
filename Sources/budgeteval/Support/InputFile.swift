import ArgumentParser
import Foundation
import Spreadsheet

/// What kind of spreadsheet an input is, decided from its first bytes and its extension.
enum InputFormat: String {
    case xlsx, csv

    /// Zip and OLE2 files are workbooks (the reader refuses .xls and encrypted ones clearly);
    /// `.csv`/`.tsv`/`.txt`/`.tab` are delimited text; anything else is read as a workbook, whose
    /// reader then says plainly what it found.
    static func detect(path: String) -> InputFormat {
        if let handle = FileHandle(forReadingAtPath: path) {
            let head = handle.readData(ofLength: 4)
            try? handle.close()
            if head.count >= 2, head[head.startIndex] == 0x50, head[head.startIndex + 1] == 0x4B { return .xlsx }
            if head.count >= 4, Array(head) == [0xD0, 0xCF, 0x11, 0xE0] { return .xlsx }
        }
        let ext = (path as NSString).pathExtension.lowercased()
        return ["csv", "tsv", "txt", "tab"].contains(ext) ? .csv : .xlsx
    }
}

/// Runs a command body, turning a `SpreadsheetError` into its message on stderr and exit code 1.
func reportingErrors<T>(_ lang: Language, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as SpreadsheetError {
        printError(error.message(lang))
        throw ExitCode(1)
    }
}

/// Writes one line to stderr.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// The file name a user sees in messages: the last path component.
func displayName(of path: String) -> String {
    (path as NSString).lastPathComponent
}
