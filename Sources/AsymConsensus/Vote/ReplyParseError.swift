/// Why an analyst's answer did not become an `AnalystReply`.
public enum ReplyParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The body is not a chat completion with a message content (garbage, cut short, an error object).
    case notAChatCompletion
    /// The content holds no JSON object with an `action` (prose only, or JSON cut short).
    case noJSONObject
    /// A required field is absent.
    case missingField(String)
    /// A field has the wrong JSON type.
    case wrongType(String)
    /// A field's value is outside its allowed range or set.
    case outOfRange(String)

    /// The abstention this error causes.
    public var abstentionReason: AbstentionReason {
        switch self {
        case .notAChatCompletion, .noJSONObject: .unparseable
        case .missingField, .wrongType, .outOfRange: .outOfRange
        }
    }

    public var description: String {
        switch self {
        case .notAChatCompletion: "not a chat completion"
        case .noJSONObject: "no JSON object in the reply"
        case .missingField(let field): "missing field \(field)"
        case .wrongType(let field): "wrong type for \(field)"
        case .outOfRange(let field): "\(field) out of range"
        }
    }
}
