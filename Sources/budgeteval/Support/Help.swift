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

extension Help {
    /// ArgumentParser's own English words in help and argument errors, in Chinese unless English was asked for.
    static func localise(_ text: String) -> String {
        guard !english else { return text }
        var out = text
        let patterns: [(String, String)] = [
            (#"Error: Missing expected argument '([^']*)'"#, "错误：缺少参数 '$1'。"),
            (#"Error: Missing value for '([^']*)'"#, "错误：选项 '$1' 缺少取值。"),
            (#"Error: Unknown option '([^']*)'"#, "错误：未知选项 '$1'。"),
            (#"Error: Unexpected arguments? (.*)"#, "错误：多余的参数 $1。"),
            (#"Error: The value '([^']*)' is invalid for '([^']*)'"#, "错误：取值 '$1' 不适用于 '$2'。"),
            (#"Error: Missing expected arguments? (.*)"#, "错误：缺少参数 $1。"),
            (#"Error: "#, "错误："),
            (#"See '([^']*)' for more information\."#, "更多说明见 '$1'。"),
            (#"See '([^']*)' for detailed help\."#, "详细帮助见 '$1'。"),
            (#"(?m)^Usage: "#, "用法："),
            (#"(?m)^Help: +"#, "说明："),
            (#"(?m)^USAGE: ?"#, "用法："),
            (#"(?m)^OVERVIEW: ?"#, "概述："),
            (#"(?m)^ARGUMENTS:"#, "参数："),
            (#"(?m)^OPTIONS:"#, "选项："),
            (#"(?m)^SUBCOMMANDS:"#, "子命令："),
            (#"Show help information\."#, "显示帮助信息。"),
            (#"Show the version\."#, "显示版本号。"),
            (#"\(values: ([^;)]*); default: ([^)]*)\)"#, "（可选：$1；默认：$2）"),
            (#"\(values: ([^)]*)\)"#, "（可选：$1）"),
            (#" ?\(default: ([^)]*)\)"#, "（默认：$1）"),
        ]
        for (pattern, template) in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            out = regex.stringByReplacingMatches(
                in: out, range: NSRange(out.startIndex..., in: out), withTemplate: template)
        }
        return out
    }
}
