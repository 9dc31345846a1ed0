import ArgumentParser
import Foundation
import Pipeline

/// The language of help and argument errors, decided before arguments are parsed: `--lang en` on the
/// command line, else an English `LANG` / `LC_ALL` / `LC_MESSAGES`; Chinese otherwise.
enum Help {
    static let language: Language = {
        let arguments = CommandLine.arguments
        if let index = arguments.firstIndex(of: "--lang"), index + 1 < arguments.count {
            return arguments[index + 1] == "en" ? .en : .zh
        }
        if arguments.contains("--lang=en") { return .en }
        if arguments.contains(where: { $0.hasPrefix("--lang=") }) { return .zh }
        let environment = ProcessInfo.processInfo.environment
        let locale = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LC_MESSAGES"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LANG"] ?? ""
        return locale.lowercased().hasPrefix("en") ? .en : .zh
    }()

    static var english: Bool { language == .en }

    /// The Chinese or the English text.
    static func text(_ zh: String, _ en: String) -> String { english ? en : zh }
}

/// Writes one line to stderr.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
}

/// Prints a command's outcome and exits with its code.
func finish(_ outcome: CommandOutcome) throws {
    for line in outcome.stderr { printError(line) }
    if !outcome.stdout.isEmpty { print(outcome.stdout, terminator: "") }
    if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
}

/// This program's own file, for the child processes batch starts.
enum Executable {
    static var path: String {
        #if os(Linux)
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        #endif
        let argument = CommandLine.arguments.first ?? "budgeteval"
        return URL(fileURLWithPath: argument).standardizedFileURL.path
    }
}
