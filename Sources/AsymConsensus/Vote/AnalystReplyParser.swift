import Foundation

/// Turns a chat-completion content string into a validated `AnalystReply`.
///
/// Models asked for strict JSON mostly comply, but not always: some wrap it in a ```json fence, some add prose
/// before or after, some are cut off by a token limit. The parser tries, in order, the whole text, each fenced
/// block, and each balanced `{…}` object in the text (string- and escape-aware), and takes the first JSON object
/// that has an `action`. Field rules: `action` is BUY, SELL or HOLD (any case); `confidence` a number in [0, 1];
/// `invalidation_price` and `take_profit` positive numbers or null; `categories` (optional) an object whose
/// known keys are numbers in [-1, 1]; `rationale` (optional) a string.
public enum AnalystReplyParser {
    /// The parsed reply, or why there is none.
    public static func parse(content: String) -> Result<AnalystReply, ReplyParseError> {
        var firstError: ReplyParseError?
        for candidate in candidates(in: content) {
            switch decode(candidate) {
            case .success(let reply): return .success(reply)
            case .failure(.noJSONObject): continue
            case .failure(let error): if firstError == nil { firstError = error }
            }
        }
        return .failure(firstError ?? .noJSONObject)
    }

    /// The texts that might be the reply's JSON, most likely first.
    static func candidates(in content: String) -> [Substring] {
        let text = Substring(content)
        var found: [Substring] = [text.trimmingCharacters(in: .whitespacesAndNewlines)[...]]
        found += fencedBlocks(in: text)
        found += balancedObjects(in: text)
        return found
    }

    /// The insides of ``` fences (an info string such as `json` on the opening line is skipped).
    static func fencedBlocks(in text: Substring) -> [Substring] {
        var blocks: [Substring] = []
        var rest = text
        while let open = rest.range(of: "```") {
            let afterOpen = rest[open.upperBound...]
            let bodyStart = afterOpen.firstIndex(of: "\n").map { afterOpen.index(after: $0) } ?? afterOpen.startIndex
            guard let close = rest[bodyStart...].range(of: "```") else { break }
            blocks.append(rest[bodyStart..<close.lowerBound])
            rest = rest[close.upperBound...]
        }
        return blocks
    }

    /// Every top-level balanced `{…}` in `text`, skipping braces inside JSON strings.
    static func balancedObjects(in text: Substring) -> [Substring] {
        var objects: [Substring] = []
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            guard utf8[index] == UInt8(ascii: "{") else {
                index = utf8.index(after: index)
                continue
            }
            var depth = 0
            var inString = false
            var escaped = false
            var cursor = index
            var end: String.Index?
            while cursor < utf8.endIndex {
                let byte = utf8[cursor]
                if inString {
                    if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                } else if byte == UInt8(ascii: "\"") {
                    inString = true
                } else if byte == UInt8(ascii: "{") {
                    depth += 1
                } else if byte == UInt8(ascii: "}") {
                    depth -= 1
                    if depth == 0 {
                        end = utf8.index(after: cursor)
                        break
                    }
                }
                cursor = utf8.index(after: cursor)
            }
            guard let end else { break }  // unbalanced to the end: cut short
            objects.append(text[index..<end])
            index = end
        }
        return objects
    }

    /// The reply's wire shape; every field optional so that missing ones are reported by name.
    private struct Wire: Decodable {
        var action: String?
        var confidence: Double?
        var invalidation_price: Double?
        var take_profit: Double?
        var categories: [String: Double]?
        var rationale: String?
    }

    /// Decodes one candidate: `.noJSONObject` unless it is a JSON object with an `action` key.
    static func decode(_ candidate: Substring) -> Result<AnalystReply, ReplyParseError> {
        let data = Data(candidate.utf8)
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], object["action"] != nil
        else { return .failure(.noJSONObject) }
        let wire: Wire
        do {
            wire = try JSONDecoder().decode(Wire.self, from: data)
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            return .failure(.wrongType(context.codingPath.map(\.stringValue).joined(separator: ".")))
        } catch {
            return .failure(.wrongType("reply"))
        }
        return validate(wire)
    }

    private static func validate(_ wire: Wire) -> Result<AnalystReply, ReplyParseError> {
        guard let actionText = wire.action else { return .failure(.missingField("action")) }
        guard let action = AnalystAction(replyText: actionText.uppercased()) else { return .failure(.outOfRange("action")) }
        guard let confidence = wire.confidence else { return .failure(.missingField("confidence")) }
        guard confidence.isFinite, confidence >= 0, confidence <= 1 else { return .failure(.outOfRange("confidence")) }
        for (name, price) in [("invalidation_price", wire.invalidation_price), ("take_profit", wire.take_profit)] {
            if let price, !(price.isFinite && price > 0) { return .failure(.outOfRange(name)) }
        }
        var scores = CategoryScores()
        for category in AnalysisCategory.allCases {
            guard let score = wire.categories?[category.key] else { continue }
            guard score.isFinite, score >= -1, score <= 1 else { return .failure(.outOfRange("categories.\(category.key)")) }
            scores[category] = score
        }
        return .success(AnalystReply(action: action, confidence: confidence, invalidationPrice: wire.invalidation_price,
                                     takeProfit: wire.take_profit, categories: scores, rationale: wire.rationale ?? ""))
    }
}
