import AsymCore
import AsymSignals
import Testing

/// The whole per-instrument model: trades → candles → regime and trends → strategies → confirmation → signal.
@Suite struct SignalEngineTests {
    static let second: Int64 = 1_000_000_000

    /// 1 s regime candles, confirmation on 2 s and 4 s.
    static func configuration(higher: (CandleTimeframe, CandleTimeframe) = (CandleTimeframe(nanoseconds: 2 * second),
                                                                             CandleTimeframe(nanoseconds: 4 * second)))
        -> SignalConfiguration {
        var configuration = SignalConfiguration()
        configuration.regime.timeframe = CandleTimeframe(nanoseconds: second)
        configuration.confirmation.higherTimeframes = higher
        return configuration
    }

    /// A steady rise: one trade every 0.5 s for 120 s, +5 ticks a trade with a little noise.
    static func uptrend(into engine: inout SignalEngine<StandardStrategies>) -> Int64 {
        var price: Int64 = 650_000
        for index in 0..<240 {
            price += 5 + (index % 3 == 0 ? -3 : 1)
            engine.recordTrade(price: Price(ticks: price), quantity: Quantity(lots: 10), taker: .buy,
                               exchangeTime: Int64(index) * second / 2 + 1)
        }
        return price
    }

    /// Bid pressure around `price` at `time`.
    static func bidPressure(at price: Int64, time: Int64) -> BookFeatures {
        var features = BookFeatures()
        features.usable = true
        features.receiveTime = time
        features.exchangeTime = time
        features.bestBidTicks = price
        features.bestAskTicks = price + 1
        features.spreadTicks = 1
        features.midTicks = Double(price) + 0.5
        features.micropriceTicks = Double(price) + 0.8
        features.bestBidLots = 400
        features.bestAskLots = 100
        features.imbalance5 = 0.6
        features.ofiShort = 300
        features.medianLevelLots = 100
        return features
    }

    @Test func anUptrendWithBidPressureGivesAConfirmedLongThenACooldown() throws {
        var engine = SignalEngine(instrument: InstrumentID(2), configuration: Self.configuration())
        let price = Self.uptrend(into: &engine)
        let now = 120 * Self.second + 100
        let signalResult = engine.update(features: Self.bidPressure(at: price, time: now), now: now)
        let signal = try #require(signalResult)
        #expect(engine.regime == .trendingUp)
        #expect(engine.timeframeDirections == (.up, .up, .up))
        #expect(signal.direction == .long && signal.source == .imbalanceMomentum)
        #expect(signal.instrument == InstrumentID(2) && signal.regime == .trendingUp)
        #expect(signal.rewardToRisk >= 1.5 && signal.expectedEdgeBasisPoints > 0)
        #expect(engine.calibration.pending == 1)

        let soon = now + Self.second
        #expect(engine.update(features: Self.bidPressure(at: price, time: soon), now: soon) == nil)
        #expect(engine.counters.inCooldown == 1)
        // The mid moves 10 bps up: the signal resolves as a hit.
        let later = now + 2 * Self.second
        _ = engine.update(features: Self.bidPressure(at: price + price / 1_000, time: later), now: later)
        #expect(engine.calibration.pending == 0)
        let bucket = engine.calibration.bucket(engine.calibration.bucketIndex(of: Double(signal.confidence)))
        #expect(bucket.count == 1 && bucket.hits == 1)
        #expect(engine.counters.emitted == 1 && engine.counters.candles >= 119)
    }

    @Test func confirmationFiltersWhenTooFewTimeframesAreKnownToAgree() {
        // The 60 s timeframe cannot warm up in two minutes.
        var configuration = Self.configuration(higher: (CandleTimeframe(nanoseconds: 2 * Self.second), .oneMinute))
        configuration.confirmation.requiredAgreement = 3
        var strict = SignalEngine(instrument: InstrumentID(0), configuration: configuration)
        let price = Self.uptrend(into: &strict)
        let now = 120 * Self.second + 100
        #expect(strict.update(features: Self.bidPressure(at: price, time: now), now: now) == nil)
        #expect(strict.counters.proposed == 1 && strict.counters.unconfirmed == 1)

        configuration.confirmation.requiredAgreement = 2
        var lenient = SignalEngine(instrument: InstrumentID(0), configuration: configuration)
        _ = Self.uptrend(into: &lenient)
        #expect(lenient.update(features: Self.bidPressure(at: price, time: now), now: now) != nil)
    }

    @Test func noSignalOnAnUnusableBookOrBeforeWarmUp() {
        var engine = SignalEngine(instrument: InstrumentID(0), configuration: Self.configuration())
        var features = Self.bidPressure(at: 650_000, time: Self.second)
        #expect(engine.update(features: features, now: Self.second) == nil, "no candles yet")
        features.usable = false
        #expect(engine.update(features: features, now: 2 * Self.second) == nil)
        #expect(engine.counters.unusable == 1)
    }
}
