import Foundation

/// The JSON body of `POST /chat/completions` (OpenAI's wire format, which OpenRouter and the loopback analysts
/// speak), with the reply's JSON schema as `response_format` when structured output is on.
enum ChatRequestBody {
    /// The reply schema (strict): what `AnalystReplyParser` accepts, minus its leniency.
    static var replySchema: [String: Any] {
        var categoryProperties: [String: Any] = [:]
        for category in AnalysisCategory.allCases {
            categoryProperties[category.key] = ["type": "number", "minimum": -1, "maximum": 1]
        }
        return [
            "type": "object",
            "additionalProperties": false,
            "required": ["action", "confidence", "invalidation_price", "take_profit", "categories", "rationale"],
            "properties": [
                "action": ["type": "string", "enum": ["BUY", "SELL", "HOLD"]],
                "confidence": ["type": "number", "minimum": 0, "maximum": 1],
                "invalidation_price": ["type": ["number", "null"]],
                "take_profit": ["type": ["number", "null"]],
                "categories": [
                    "type": "object",
                    "additionalProperties": false,
                    "required": AnalysisCategory.allCases.map(\.key),
                    "properties": categoryProperties,
                ] as [String: Any],
                "rationale": ["type": "string"],
            ] as [String: Any],
        ]
    }

    /// The reply schema as compact JSON text, for the prompt.
    static var replySchemaText: String { json(replySchema) }

    /// The request body bytes (keys sorted, so equal requests are equal bytes).
    static func encode(model: String, messages: [ChatMessage], temperature: Double, maximumTokens: Int,
                       structuredOutput: Bool) -> [UInt8] {
        var body: [String: Any] = [
            "model": model,
            "messages": messages.map { ["role": $0.role, "content": $0.content] },
            "temperature": temperature,
            "max_tokens": maximumTokens,
            "stream": false,
        ]
        if structuredOutput {
            body["response_format"] = [
                "type": "json_schema",
                "json_schema": ["name": "analyst_vote", "strict": true, "schema": replySchema] as [String: Any],
            ] as [String: Any]
        }
        return Array(json(body).utf8)
    }

    static func json(_ object: Any) -> String {
        // The inputs are dictionaries of strings, numbers, arrays and dictionaries: always serialisable.
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
