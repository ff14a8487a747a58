import AsymCore
import AsymEngine
import AsymSignals
import TestSupport
import Testing

/// The whole signal chain over a synthetic recording is a pure function of the recording.
@Suite struct SignalDeterminismTests {
    static let second: Int64 = 1_000_000_000

    /// Short candles (2 s regime, 6 s and 12 s confirmation) so a few minutes of frames warm everything up; every
    /// confirmed proposal is emitted (no edge floor) and hits are 0.1 bps (≈ 6 ticks) so the table fills, for coverage.
    static func configuration() -> SignalConfiguration { SignalProfile.shortCandles.configuration }

    static func replay(_ path: String) throws -> SignalReplay<StandardStrategies>.Result {
        let session = try MarketDataSession(venue: .bybit)
        return try SignalReplay.run(path: path, session: session, signalConfiguration: configuration(),
                                    strategies: StandardStrategies())
    }

    @Test func sameRecordingTwiceGivesIdenticalSignals() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("BTCUSDT.synthetic.txt")
            _ = try SyntheticRecording.write(venue: .bybit, frames: 40_000, seed: 11, to: path, labelsPath: nil)
            let first = try Self.replay(path)
            let second = try Self.replay(path)

            #expect(first.frames == 40_000 && first.bookUpdates > 10_000 && first.trades > 0)
            #expect(first.engine.counters.candles > 100, "the regime timeframe warmed up")
            #expect(first.signals.count >= 50, "the chain produced signals: \(first.engine.counters)")
            #expect(Set(first.signals.map(\.source.rawValue)).count >= 2, "from more than one strategy")
            #expect(first.engine.calibration.buckets.contains { $0.hits > 0 })
            #expect(first.overflow == 0)
            #expect(first.signals.count == second.signals.count)
            for (a, b) in zip(first.signals, second.signals) {
                #expect(a == b)  // every field: Signal's synthesised ==
            }
            #expect(first.engine.counters == second.engine.counters)
            #expect(first.engine.calibration.buckets == second.engine.calibration.buckets)
            #expect(first.features == second.features)
            for signal in first.signals {
                #expect(signal.confidence >= 0 && signal.confidence <= 1)
                #expect(signal.rewardToRisk >= 1.5)
                #expect(signal.createdAt == signal.frameReceiveTime, "replay clock = receive time")
            }
        }
    }

    @Test func aDifferentSeedGivesDifferentSignals() throws {
        try TemporaryDirectory.with { directory in
            let a = directory.path("a.txt")
            let b = directory.path("b.txt")
            _ = try SyntheticRecording.write(venue: .bybit, frames: 20_000, seed: 11, to: a, labelsPath: nil)
            _ = try SyntheticRecording.write(venue: .bybit, frames: 20_000, seed: 12, to: b, labelsPath: nil)
            #expect(try Self.replay(a).signals != Self.replay(b).signals)
        }
    }
}
