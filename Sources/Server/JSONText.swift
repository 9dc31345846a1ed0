import Foundation

/// A small JSON value for the API's documents: object keys keep their order, and `raw` splices a JSON
/// text the CLI printed (check --json, forms --json …) in unchanged, so the API returns exactly the CLI's JSON.
indirect enum JSONText: Sendable {
    case null
    case bool(Bool)
    case number(Int)
    case string(String)
    case array([JSONText])
    case object([(String, JSONText)])
    /// A JSON text already rendered (trusted: produced by this program).
    case raw(String)

    static func string(_ text: String?) -> JSONText { text.map { .string($0) } ?? .null }

    var rendered: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let value): out += String(value)
        case .string(let value): Self.quote(value, into: &out)
        case .raw(let text): out += text.trimmingCharacters(in: .whitespacesAndNewlines)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += ", " }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += ", " }
                Self.quote(member.0, into: &out)
                out += ": "
                member.1.write(to: &out)
            }
            out += "}"
        }
    }

    static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
