@testable import AsymConsensus
import AsymCore
import Testing

/// Rounds against the loopback analysts: agreement publishes a bias, disagreement and abstentions do not.
@Suite struct ConsensusVoteTests {
    typealias F = ConsensusFixture

    @Test func threeAgreeingAnalystsPublishAFullStrengthBiasWithTheirMeanConfidence() async throws {
        let rig = try await ConsensusRig.start()
        let brief = F.allBuy()
        let report = try #require(await rig.round(brief))
        let expected = RuleBasedAnalyst.allCases.map { $0.reply(to: brief).confidence }.reduce(0, +) / 3
        let bias = try #require(report.bias)
        #expect(bias.direction == .long)
        #expect(bias.agreeingModels == 0b111)
        #expect(bias.strength == 1)
        #expect(abs(bias.confidence - expected) < 1e-12)
        #expect(bias.expiresAt == report.roundTime + rig.configuration.biasLifetime)
        #expect(rig.bias.current == bias)
        #expect(rig.bias.view(at: report.roundTime).isFresh(at: report.roundTime))
        await rig.stop()
    }

    @Test func twoOfThreePublishAndScaleConfidenceByAgreement() async throws {
        let rig = try await ConsensusRig.start()
        let brief = F.twoBuyOneHold()
        let report = try #require(await rig.round(brief))
        #expect(report.votes.map(\.action) == [.buy, .hold, .buy])
        let agreeing = [RuleBasedAnalyst.momentum, .orderFlow].map { $0.reply(to: brief).confidence }
        let bias = try #require(report.bias)
        #expect(bias.agreeingModels == 0b101)
        #expect(abs(bias.confidence - (agreeing[0] + agreeing[1]) / 2 * 2 / 3) < 1e-12)
        #expect(abs(bias.strength - 2.0 / 3) < 1e-12)
        await rig.stop()
    }

    @Test func aSplitPanelPublishesNoBiasAndWithdrawsThePreviousOne() async throws {
        let rig = try await ConsensusRig.start()
        _ = try #require(await rig.round(F.allSell()))
        #expect(rig.bias.current?.direction == .short)
        let report = try #require(await rig.round(F.split(time: F.start + F.minute)))
        #expect(report.votes.map(\.action) == [.buy, .sell, .hold])
        #expect(report.decision.outcome == .split)
        #expect(report.bias == nil)
        #expect(rig.bias.current == nil)
        #expect(!rig.bias.view(at: F.start + F.minute).present)
        #expect(rig.service.counters.snapshot.roundsWithoutConsensus == 1)
        await rig.stop()
    }

    @Test func oneAbstentionLeavesTwoAgreeingVotesAndTwoLeaveNoQuorum() async throws {
        let rig = try await ConsensusRig.start()
        rig.endpoint.setFault(.garbage, model: rig.model(1))
        let first = try #require(await rig.round(F.allBuy()))
        #expect(first.votes[1].abstention == .unparseable)
        #expect(first.bias?.agreeingModels == 0b101)

        rig.endpoint.setFault(.serverError(status: 503), model: rig.model(2))
        let second = try #require(await rig.round(F.allBuy(time: F.start + F.minute)))
        #expect(second.decision.outcome == .noQuorum)
        #expect(second.bias == nil)
        let counters = rig.service.counters.snapshot
        #expect(counters.abstentions == [0, 2, 1])
        #expect(counters.abstentionsByReason[.unparseable] == 2)
        #expect(counters.abstentionsByReason[.serverError] == 1)
        #expect(counters.votes == [2, 0, 1])
        await rig.stop()
    }

    @Test func eachAnalystKeepsItsConnectionAliveBetweenRounds() async throws {
        let rig = try await ConsensusRig.start()
        let first = try #require(await rig.round(F.allBuy()))
        let second = try #require(await rig.round(F.allBuy(time: F.start + F.minute)))
        #expect(first.votes.allSatisfy { $0.action == .buy } && second.votes.allSatisfy { $0.action == .buy })
        let exchange = await rig.client.exchange(analyst: 0, messages: [ChatMessage(role: "user", content: "hi")])
        #expect(exchange.attempts.map(\.newConnections) == [0])
        await rig.stop()
    }

    @Test func aRoundWithoutABriefIsSkippedAndCounted() async throws {
        let rig = try await ConsensusRig.start()
        #expect(await rig.service.runRound() == nil)
        #expect(rig.service.counters.snapshot.roundsSkipped == 1)
        #expect(rig.endpoint.statistics.totalRequests == 0)
        await rig.stop()
    }

    @Test func countingRequiresQuorumWeightNotJustQuorumCount() {
        let reply = AnalystReply(action: .buy, confidence: 0.8)
        let full = AnalystVote(analyst: 0, reply: reply, abstention: nil, weight: 1, confidenceScale: 1)
        let halved = AnalystVote(analyst: 1, reply: reply, abstention: nil, weight: 0.5, confidenceScale: 0.5)
        let hold = AnalystVote(analyst: 2, reply: AnalystReply(action: .hold, confidence: 0.5), abstention: nil, weight: 1,
                               confidenceScale: 1)
        #expect(ConsensusDecision.count([full, halved, hold], quorum: 2, panelSize: 3).outcome == .noQuorum)
        var fullAgain = full
        fullAgain.analyst = 2
        let decision = ConsensusDecision.count([full, halved, fullAgain], quorum: 2, panelSize: 3)
        #expect(decision.outcome == .bias)
        // Weighted mean of 0.8, 0.4, 0.8 with weights 1, 0.5, 1, scaled by 2.5 of 3.
        #expect(abs(decision.confidence - (0.8 + 0.2 + 0.8) / 2.5 * 2.5 / 3) < 1e-12)
    }

    @Test func holdMajorityIsAHoldOutcome() {
        let hold = AnalystReply(action: .hold, confidence: 0.6)
        let votes = (0..<3).map { AnalystVote(analyst: $0, reply: $0 == 0 ? AnalystReply(action: .sell, confidence: 0.9) : hold,
                                               abstention: nil, weight: 1, confidenceScale: 1) }
        #expect(ConsensusDecision.count(votes, quorum: 2, panelSize: 3).outcome == .hold)
    }
}
