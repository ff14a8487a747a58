import AsymCore
import Foundation

/// Off-hot-path JSON helpers for the emulator and the CLI: Foundation parsing plus cheap key lookups.
///
/// Nothing here runs on the engine thread; the engine decodes with the venue codecs.
enum FeedJSON {
    /// Parses a JSON object; nil if the text is not one.
    static func object(_ text: String) -> [String: Any]? {
        guard let data = text.data(using: .utf8),
              let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        return value as? [String: Any]
    }

    /// An integer from a JSON number or numeric string.
    static func int64(_ value: Any?) -> Int64? {
        switch value {
        case let number as Int: Int64(number)
        case let number as Int64: number
        case let number as NSNumber: number.int64Value
        case let text as String: Int64(text)
        default: nil
        }
    }

    /// A string from a JSON string, or a number rendered as text.
    static func string(_ value: Any?) -> String? {
        switch value {
        case let text as String: text
        case let number as Int: String(number)
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    /// Level arrays (`[["px","sz",…],…]`) with every element kept as its exact text.
    static func levels(_ value: Any?) -> [[String]] {
        guard let rows = value as? [Any] else { return [] }
        return rows.compactMap { row in
            guard let fields = row as? [Any], fields.count >= 2 else { return nil }
            let texts = fields.compactMap(string)
            return texts.count == fields.count ? texts : nil
        }
    }

    /// The string value of the first `"key":"…"` in `text`, without parsing the rest.
    static func stringValue(of key: String, in text: String) -> String? {
        guard let range = text.range(of: "\"\(key)\":\"") else { return nil }
        guard let end = text[range.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(text[range.upperBound..<end])
    }

    /// Level arrays rendered back as JSON, each field a string (as the venues send them).
    static func render(_ levels: [[String]]) -> String {
        "[" + levels.map { "[" + $0.map { JSONText.quoted($0) }.joined(separator: ",") + "]" }.joined(separator: ",") + "]"
    }
}
