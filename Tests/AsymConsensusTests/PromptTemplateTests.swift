@testable import AsymConsensus
import Foundation
import Testing

/// The shipped prompt: its seven categories, the brief in words and as JSON the loopback analysts read back.
@Suite struct PromptTemplateTests {
    typealias F = ConsensusFixture

    @Test func theShippedTemplateCoversTheSevenCategoriesAndCarriesTheBrief() throws {
        let template = try PromptTemplate.shipped()
        var brief = F.allBuy()
        brief.hasOpenInterest = true
        brief.openInterest = 12_345
        brief.openInterestChangePercent = 2.5
        let messages = template.messages(symbol: "BTCUSDT", brief: brief, horizon: 4 * F.hour)
        #expect(messages.map(\.role) == ["system", "user"])
        let user = messages[1].content
        for category in AnalysisCategory.allCases { #expect(user.contains(category.key)) }
        #expect(user.contains("next 4 hours") && user.contains("BTCUSDT"))
        #expect(user.contains("Open interest: 12345.0 (+2.50% over 1h)"))
        #expect(!user.contains("{{"))
        #expect(MarketBriefJSON.find(in: user) == brief)
    }

    @Test func theConfiguredTemplateFileReplacesTheShippedOne() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.path + "/prompt.md"
        try "=== system ===\nBe terse.\n=== user ===\nAssess {{symbol}}.\n```json\n{{brief_json}}\n```\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let rig = try await ConsensusRig.start { $0.promptTemplatePath = path }
        let report = try #require(await rig.round(F.allBuy()))
        #expect(report.votes.allSatisfy { $0.action == .buy })  // the analysts still find the brief
        var transcripts = AITranscripts()
        rig.outbox.drain { type, payload, _ in
            transcripts.add(type: type, payload: payload)
            return true
        }
        let request = try #require(transcripts.text(.init(roundTime: F.start, instrument: F.instrument, analyst: 0,
                                                          attempt: 1, isRequest: true)))
        #expect(String(decoding: request, as: UTF8.self).contains("Be terse."))
        await rig.stop()
        let missing = ConsensusConfiguration(promptTemplatePath: scratch.path + "/none.md")
        #expect(throws: ConsensusError.self) {
            _ = try ConsensusService(instrument: F.instrument, symbol: "X", configuration: missing,
                                     panel: RecordedVotes(models: missing.models, votes: [], publications: []),
                                     briefs: MarketBriefCell(instrument: F.instrument),
                                     bias: AdvisoryBiasCell(instrument: F.instrument), outbox: nil)
        }
    }

    @Test func aTemplateWithoutSectionsOrBriefIsRefused() {
        #expect(throws: ConsensusError.self) { _ = try PromptTemplate(text: "just a prompt {{brief_text}}") }
        #expect(throws: ConsensusError.self) { _ = try PromptTemplate(text: "=== system ===\nhi\n=== user ===\nno brief here") }
    }

    @Test func theLoopbackAnalystsAreDeterministicAndReadTheBriefFromThePrompt() throws {
        let responder = AnalystsResponder(models: AnalystsEndpointConfiguration.defaultModels)
        let messages = try PromptTemplate.shipped().messages(symbol: "BTCUSDT", brief: F.split(), horizon: F.hour)
        let body = ChatRequestBody.encode(model: "momentum", messages: messages, temperature: 0, maximumTokens: 100,
                                          structuredOutput: true)
        let first = responder.respond(to: body, authorized: false)
        let second = responder.respond(to: body, authorized: false)
        #expect(first.status == 200 && first.body == second.body)
        let completion = try #require(ChatCompletion.decode(first.body, estimatedTokens: 0))
        #expect(try AnalystReplyParser.parse(content: completion.content).get() == RuleBasedAnalyst.momentum.reply(to: F.split()))
    }
}
