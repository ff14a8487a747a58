/// The analysts behind an OpenAI-compatible endpoint, through a `ChatCompletionsClient`.
///
/// Each answer is parsed with `AnalystReplyParser`; a failed exchange or an unusable reply is an abstention.
public struct HTTPAnalystPanel: AnalystPanel {
    public let client: ChatCompletionsClient

    public init(client: ChatCompletionsClient) {
        self.client = client
    }

    public var models: [String] { client.configuration.models }

    public func ask(analyst: Int, round: RoundRequest) async -> AnalystAnswer {
        let exchange = await client.exchange(analyst: analyst, messages: round.messages)
        switch exchange.outcome {
        case .failure(let failure):
            return AnalystAnswer(analyst: analyst, result: .failure(AbstentionFailure(failure.abstentionReason, failure.description)),
                                 attempts: exchange.attempts, tokens: 0, elapsed: exchange.elapsed)
        case .success(let completion):
            let result = AnalystReplyParser.parse(content: completion.content)
                .mapError { AbstentionFailure($0.abstentionReason, $0.description) }
            return AnalystAnswer(analyst: analyst, result: result, attempts: exchange.attempts,
                                 tokens: completion.totalTokens, elapsed: exchange.elapsed)
        }
    }
}
