@testable import AsymConsensus
import AsymCore
import Testing

/// The feedback loop: calls scored after the horizon, rolling accuracy, calibration, and down-weighting.
@Suite struct FeedbackTests {
    typealias F = ConsensusFixture

    @Test func callsAreScoredOnlyAfterTheHorizonAndFillTheCalibrationTable() {
        let configuration = ConsensusConfiguration(feedbackHorizon: F.hour, feedbackWindow: 10, feedbackMinimumSamples: 2)
        var ledger = FeedbackLedger(configuration: configuration)
        ledger.record(analyst: 0, action: .buy, confidence: 0.72, price: 100, at: F.start)
        ledger.record(analyst: 0, action: .sell, confidence: 0.35, price: 100, at: F.start)
        ledger.record(analyst: 1, action: .hold, confidence: 0.9, price: 100, at: F.start)
        #expect(ledger.resolve(now: F.start + F.hour - 1, price: 110) == 0)
        #expect(ledger.resolve(now: F.start + F.hour, price: 110) == 2)
        let standing = ledger.standings()[0]
        #expect(standing.scoredCalls == 2 && standing.hits == 1)
        #expect(standing.rollingAccuracy == 0.5)
        #expect(standing.calibration[7] == CalibrationBin(lowerBound: 0.7, calls: 1, hits: 1))
        #expect(standing.calibration[3] == CalibrationBin(lowerBound: 0.3, calls: 1, hits: 0))
        #expect(ledger.standings()[1].scoredCalls == 0)  // HOLD is never scored
    }

    @Test func anAnalystBelowTheThresholdIsDownWeightedAndRecovers() {
        let configuration = ConsensusConfiguration(feedbackHorizon: F.hour, feedbackWindow: 4, feedbackMinimumSamples: 4,
                                                   accuracyThreshold: 0.55, downWeightScale: 0.4, downWeightConfidenceScale: 0.7)
        var ledger = FeedbackLedger(configuration: configuration)
        var time = F.start
        func call(rightWay: Bool) {
            ledger.record(analyst: 0, action: .buy, confidence: 0.8, price: 100, at: time)
            time += F.hour
            ledger.resolve(now: time, price: rightWay ? 101 : 99)
        }
        for _ in 0..<3 { call(rightWay: false) }
        #expect(ledger.weight(0) == 1)  // 3 samples, minimum is 4
        call(rightWay: true)
        #expect(ledger.accuracy(0) == 0.25)
        #expect(ledger.weight(0) == 0.4)
        #expect(ledger.confidenceScale(0) == 0.7)
        for _ in 0..<3 { call(rightWay: true) }
        #expect(ledger.accuracy(0) == 1)
        #expect(ledger.weight(0) == 1)
    }

    @Test func analystsWhoseCallsWentWrongLoseTheQuorumTheyHadBefore() async throws {
        let rig = try await ConsensusRig.start {
            $0.feedbackHorizon = F.hour
            $0.feedbackMinimumSamples = 3
            $0.feedbackWindow = 10
        }
        for round in 0..<3 {
            let report = try #require(await rig.round(F.twoBuyOneHold(time: F.start + Int64(round) * 10 * F.minute, price: 100)))
            #expect(report.bias?.direction == .long)
        }
        // Two hours later the price has fallen: momentum's and order flow's BUYs were all wrong.
        let report = try #require(await rig.round(F.twoBuyOneHold(time: F.start + 2 * F.hour, price: 95)))
        let standings = await rig.service.standings()
        #expect(standings[0].rollingAccuracy == 0 && standings[0].isDownWeighted)
        #expect(standings[2].rollingAccuracy == 0 && standings[2].isDownWeighted)
        #expect(!standings[1].isDownWeighted)  // HOLDs are not scored
        #expect(report.votes[0].weight == rig.configuration.downWeightScale)
        #expect(report.votes[0].scaledConfidence == report.votes[0].reply!.confidence * rig.configuration.downWeightConfidenceScale)
        #expect(report.decision.outcome == .noQuorum)
        #expect(report.bias == nil)
        #expect(rig.service.counters.snapshot.callsScored == 6)
        await rig.stop()
    }
}
