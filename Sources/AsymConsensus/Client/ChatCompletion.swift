import Foundation

/// A successful chat completion: the assistant's content and the tokens it cost.
public struct ChatCompletion: Sendable, Equatable {
    public var content: String
    public var promptTokens: Int
    public var completionTokens: Int
    /// As reported (`usage.total_tokens`), else prompt + completion, else an estimate from the byte counts.
    public var totalTokens: Int

    public init(content: String, promptTokens: Int, completionTokens: Int, totalTokens: Int) {
        self.content = content
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.totalTokens = totalTokens
    }

    private struct Wire: Decodable {
        struct Choice: Decodable {
            struct Message: Decodable { var content: String? }
            var message: Message?
        }
        struct Usage: Decodable {
            var prompt_tokens: Int?
            var completion_tokens: Int?
            var total_tokens: Int?
        }
        var choices: [Choice]
        var usage: Usage?
    }

    /// Decodes a `chat.completion` body; nil when it is not one (garbage, cut short, an error object, no content).
    static func decode(_ body: [UInt8], estimatedTokens: Int) -> ChatCompletion? {
        guard let wire = try? JSONDecoder().decode(Wire.self, from: Data(body)),
              let content = wire.choices.first?.message?.content
        else { return nil }
        let prompt = wire.usage?.prompt_tokens ?? 0
        let completion = wire.usage?.completion_tokens ?? 0
        let total = wire.usage?.total_tokens ?? (prompt + completion > 0 ? prompt + completion : estimatedTokens)
        return ChatCompletion(content: content, promptTokens: prompt, completionTokens: completion, totalTokens: total)
    }
}
