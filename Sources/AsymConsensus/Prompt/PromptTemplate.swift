import Foundation

/// The analysts' prompt: a system part and a user part with `{{placeholders}}`, shipped as the resource
/// `analyst-prompt.md` (after the original agent's seven categories: market regime, technical setup, on-chain,
/// macro catalysts, risk/reward, timing, institutional signals).
///
/// Placeholders: `{{symbol}}`, `{{horizon}}`, `{{brief_text}}` (the brief in words), `{{brief_json}}` (the brief
/// as JSON, which the loopback analysts read) and `{{reply_schema}}`.
public struct PromptTemplate: Sendable, Equatable {
    /// The system message's text.
    public let system: String
    /// The user message's text, placeholders unfilled.
    public let user: String

    /// Splits `text` at its `=== system ===` and `=== user ===` lines.
    ///
    /// - Throws: `.invalidConfiguration` when a section is missing or the user part has neither `{{brief_text}}`
    ///   nor `{{brief_json}}`.
    public init(text: String) throws(ConsensusError) {
        guard let systemMarker = text.range(of: "=== system ===\n"),
              let userMarker = text.range(of: "=== user ===\n", range: systemMarker.upperBound..<text.endIndex)
        else { throw .invalidConfiguration("prompt template needs '=== system ===' and '=== user ===' sections") }
        system = text[systemMarker.upperBound..<userMarker.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        user = text[userMarker.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
        guard user.contains("{{brief_text}}") || user.contains("{{brief_json}}") else {
            throw .invalidConfiguration("prompt template's user part never includes the brief")
        }
    }

    /// The resource bundle SwiftPM builds beside the executable.
    static let resourceBundleName = "asym_AsymConsensus.resources"

    /// The template shipped with asym, from the resource bundle beside the executable.
    ///
    /// Looked up by hand rather than through `Bundle.module`, whose accessor traps when the bundle is missing: a
    /// binary copied without its resources gets a typed error (or uses `promptTemplatePath`), not a crash.
    /// - Throws: `.invalidConfiguration` when the resource cannot be found or read.
    public static func shipped() throws(ConsensusError) -> PromptTemplate {
        var directories = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL { directories.append(executable.deletingLastPathComponent()) }
        for directory in directories {
            let url = directory.appendingPathComponent(resourceBundleName).appendingPathComponent("analyst-prompt.md")
            if let text = try? String(contentsOf: url, encoding: .utf8) { return try PromptTemplate(text: text) }
        }
        throw .invalidConfiguration("the shipped prompt template (\(resourceBundleName)/analyst-prompt.md) is not "
            + "beside the executable; set a prompt template path")
    }

    /// A template read from `path` (same format as the shipped one).
    public static func load(path: String) throws(ConsensusError) -> PromptTemplate {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .invalidConfiguration("prompt template cannot be read: \(path)")
        }
        return try PromptTemplate(text: text)
    }

    /// The two messages for `brief` of `symbol`, asking about the next `horizon` nanoseconds.
    public func messages(symbol: String, brief: MarketBrief, horizon: Int64) -> [ChatMessage] {
        let values = [
            "{{symbol}}": symbol,
            "{{horizon}}": Self.describe(duration: horizon),
            "{{brief_text}}": MarketBriefText.render(brief, symbol: symbol),
            "{{brief_json}}": MarketBriefJSON.encode(brief, symbol: symbol),
            "{{reply_schema}}": ChatRequestBody.replySchemaText,
        ]
        var text = user
        for (placeholder, value) in values { text = text.replacingOccurrences(of: placeholder, with: value) }
        return [ChatMessage(role: "system", content: system), ChatMessage(role: "user", content: text)]
    }

    /// "4 hours", "30 minutes", "90 seconds".
    static func describe(duration: Int64) -> String {
        let seconds = duration / 1_000_000_000
        if seconds % 3_600 == 0 { return seconds == 3_600 ? "hour" : "\(seconds / 3_600) hours" }
        if seconds % 60 == 0 { return "\(seconds / 60) minutes" }
        return "\(seconds) seconds"
    }
}
