@testable import AsymConsensus
import Testing

/// Replies in the shapes models really produce: strict, fenced, chatty, cut short, out of range.
@Suite struct AnalystReplyParserTests {
    static let strict = """
        {"action":"SELL","confidence":0.64,"invalidation_price":66000.5,"take_profit":62000,\
        "categories":{"market_regime":-0.5,"technical_setup":-0.3,"on_chain":0,"macro_catalysts":0.1,\
        "risk_reward":0.4,"timing":-0.2,"institutional_signals":-0.6},"rationale":"Lower highs {and} \\"weak\\" bids."}
        """

    @Test func parsesAStrictReply() throws {
        let reply = try AnalystReplyParser.parse(content: Self.strict).get()
        #expect(reply.action == .sell && reply.confidence == 0.64)
        #expect(reply.invalidationPrice == 66_000.5 && reply.takeProfit == 62_000)
        #expect(reply.categories[.institutionalSignals] == -0.6 && reply.categories[.macroCatalysts] == 0.1)
        #expect(reply.rationale == "Lower highs {and} \"weak\" bids.")
    }

    @Test func extractsTheReplyFromAFenceOrFromProse() throws {
        let fenced = "```json\n\(Self.strict)\n```"
        let chatty = "Here's my take on BTC {briefly}: \(Self.strict) Hope that helps!"
        #expect(try AnalystReplyParser.parse(content: fenced).get().action == .sell)
        #expect(try AnalystReplyParser.parse(content: chatty).get().action == .sell)
    }

    @Test func acceptsLowerCaseActionsAndNullPrices() throws {
        let reply = try AnalystReplyParser.parse(content: #"{"action":"hold","confidence":0.5,"invalidation_price":null,"take_profit":null}"#).get()
        #expect(reply.action == .hold && reply.invalidationPrice == nil && reply.categories == CategoryScores())
    }

    @Test func unusableRepliesSayWhy() {
        func error(_ content: String) -> ReplyParseError? {
            if case .failure(let error) = AnalystReplyParser.parse(content: content) { return error }
            return nil
        }
        #expect(error("I think you should buy.") == .noJSONObject)
        #expect(error(String(Self.strict.prefix(60))) == .noJSONObject)
        #expect(error(#"{"action":"BUY","confidence":1.7}"#) == .outOfRange("confidence"))
        #expect(error(#"{"action":"BUY"}"#) == .missingField("confidence"))
        #expect(error(#"{"action":"MOON","confidence":0.9}"#) == .outOfRange("action"))
        #expect(error(#"{"action":"BUY","confidence":"high"}"#) == .wrongType("confidence"))
        #expect(error(#"{"action":"BUY","confidence":0.7,"take_profit":-5}"#) == .outOfRange("take_profit"))
        #expect(error(#"{"action":"BUY","confidence":0.7,"categories":{"timing":3}}"#) == .outOfRange("categories.timing"))
        #expect(ReplyParseError.noJSONObject.abstentionReason == .unparseable)
        #expect(ReplyParseError.outOfRange("x").abstentionReason == .outOfRange)
    }

    @Test func theEnvelopeMustBeAChatCompletionWithContent() {
        #expect(ChatCompletion.decode(Array("<html>".utf8), estimatedTokens: 1) == nil)
        #expect(ChatCompletion.decode(Array(#"{"error":{"message":"x"}}"#.utf8), estimatedTokens: 1) == nil)
        let body = AnalystsResponder.completion(model: "m", content: "hi", promptBytes: 400, created: 0)
        let completion = ChatCompletion.decode(body, estimatedTokens: 1)
        #expect(completion?.content == "hi" && completion?.totalTokens == completion.map { $0.promptTokens + $0.completionTokens })
        #expect(ChatCompletion.decode(Array(body.prefix(body.count / 2)), estimatedTokens: 1) == nil)
    }

    @Test func retryAfterTakesSecondsOrAnHTTPDate() {
        #expect(RetryAfter.delay("3", now: 0) == 3_000_000_000)
        #expect(RetryAfter.delay(" 0.5 ", now: 0) == 500_000_000)
        // Thu, 01 Jan 2026 12:00:10 GMT is 10 s after the fixture's start.
        #expect(RetryAfter.delay("Thu, 01 Jan 2026 12:00:10 GMT", now: ConsensusFixture.start) == 10_000_000_000)
        #expect(RetryAfter.delay("soon", now: 0) == nil)
    }
}
