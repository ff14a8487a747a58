import Foundation
public import AsymRisk
import TOMLKit

/// The effective configuration of a run, from one `asym.toml`; every section optional, every key known.
///
/// Validation is strict: an unknown table or key fails with its full path, units are in key names,
/// and risk limits beyond the compiled hard caps fail at load, before anything starts.
public struct AsymConfiguration: Sendable {
    /// `[risk]`: every limit of the pre-trade gate.
    public var risk = RiskLimits()

    /// Defaults everywhere.
    public init() {}

    /// Loads and validates `path`.
    public static func load(path: String) throws(ConfigurationError) -> AsymConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        return try parse(text, path: path)
    }

    /// Parses and validates TOML `text` (`path` is only used in messages).
    public static func parse(_ text: String, path: String = "asym.toml") throws(ConfigurationError) -> AsymConfiguration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .syntax(path: path, line: error.source.begin.line, column: error.source.begin.column,
                          reason: error.description)
        } catch {
            throw .syntax(path: path, line: 0, column: 0, reason: "\(error)")
        }
        var configuration = AsymConfiguration()
        for key in table.keys.sorted() {
            switch key {
            case "risk":
                guard let risk = table[key]?.table else { throw .wrongType(key: "risk", expected: "a table") }
                try configuration.loadRisk(risk)
            default:
                throw .unknownKey(key)
            }
        }
        do {
            _ = try configuration.risk.validated()
        } catch {
            throw .risk(error)
        }
        return configuration
    }

    private mutating func loadRisk(_ table: TOMLTable) throws(ConfigurationError) {
        for key in table.keys.sorted() {
            guard let value = table[key] else { continue }
            let limitValue: RiskLimitValue
            if let integer = value.int {
                limitValue = .integer(integer)
            } else if let number = value.double {
                limitValue = .number(number)
            } else if let text = value.string {
                limitValue = .text(text)
            } else {
                throw .wrongType(key: "risk.\(key)", expected: "a number or a string")
            }
            do {
                try risk.set(key, to: limitValue)
            } catch .unknownKey {
                throw .unknownKey("risk.\(key)")
            } catch .wrongType(_, let expected) {
                throw .wrongType(key: "risk.\(key)", expected: expected)
            } catch {
                throw .risk(error)
            }
        }
    }

    /// The effective configuration as TOML, secrets redacted (there are none in `[risk]`).
    public var effectiveTOML: String {
        let lines = risk.canonicalText.split(separator: "\n").map { line -> String in
            line.hasPrefix("advisory_mode = ") ? "advisory_mode = \"\(risk.advisoryMode)\"" : String(line)
        }
        return "[risk]\n" + lines.joined(separator: "\n") + "\n"
    }
}
