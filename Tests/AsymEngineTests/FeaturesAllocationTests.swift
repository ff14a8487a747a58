import AsymBook
import AsymCore
@testable import AsymEngine
import AsymSignals
import AsymTransport
import AsymVenues
import Testing

/// The per-book-update path after the book is applied — `BookFeatureEngine.update` then `SignalEngine.update` —
/// and the per-trade path allocate nothing once warm, over a synthetic recording with walls, sweeps and spoofing (allocations counted
/// on this thread only, so parallel tests cannot disturb the count).
@Suite struct FeaturesAllocationTests {
    struct Counting: InstrumentFeedObserver {
        var features = BookFeatureEngine()
        var signals: SignalEngine<StandardStrategies>
        var updates = 0
        var warmUp: Int
        var measured = 0
        var allocations: UInt64 = 0

        init(warmUp: Int, higherTimeframes: (CandleTimeframe, CandleTimeframe)) {
            self.warmUp = warmUp
            signals = SignalEngine(instrument: InstrumentID(0), configuration: Self.configuration(higherTimeframes))
        }

        static func configuration(_ higherTimeframes: (CandleTimeframe, CandleTimeframe)) -> SignalConfiguration {
            var configuration = SignalConfiguration()
            configuration.regime.timeframe = CandleTimeframe(nanoseconds: 2_000_000_000)
            configuration.confirmation.higherTimeframes = higherTimeframes
            configuration.confirmation.requiredAgreement = 1
            configuration.cooldown = 1_000_000_000
            configuration.minimumEdgeBasisPoints = -.infinity  // emit, so the emitting path is measured too
            return configuration
        }

        mutating func bookUpdated(_ book: borrowing OrderBook, exchangeTime: Int64, receiveTime: Int64) {
            updates += 1
            // Warm: past the first emitted signal too (its first use of some types instantiates runtime metadata).
            guard updates > warmUp && signals.counters.emitted > 0 else {
                features.update(book: book, exchangeTime: exchangeTime, receiveTime: receiveTime)
                _ = signals.update(features: features.features, now: receiveTime)
                return
            }
            let (_, counted) = AllocationCounter.countingOnThisThread {
                features.update(book: book, exchangeTime: exchangeTime, receiveTime: receiveTime)
                _ = signals.update(features: features.features, now: receiveTime)
            }
            allocations &+= counted
            measured += 1
        }

        mutating func traded(_ trade: TradeEvent) {
            let warm = updates > warmUp && signals.counters.emitted > 0
            let (_, counted) = AllocationCounter.countingOnThisThread {
                features.recordTrade(price: trade.price, quantity: trade.quantity, taker: trade.takerSide,
                                     exchangeTime: trade.exchangeTime)
                signals.recordTrade(price: trade.price, quantity: trade.quantity, taker: trade.takerSide,
                                    exchangeTime: trade.exchangeTime)
            }
            if warm { allocations &+= counted }
        }
    }

    struct Replay: MarketDataVisitor {
        var lines: [(Int64, [UInt8])]
        var higherTimeframes = (CandleTimeframe(nanoseconds: 6_000_000_000), CandleTimeframe(nanoseconds: 12_000_000_000))

        func visit<Rules: VenueSequencing>(_ processor: MarketDataProcessor<Rules>) throws -> Counting {
            processor.restSnapshotInstrument = InstrumentID(0)
            var observer = Counting(warmUp: 3_000, higherTimeframes: higherTimeframes)
            for (time, bytes) in lines {
                try bytes.withUnsafeBytes { frame in
                    try InstrumentFeed.process(frame, receiveTime: time, instrument: InstrumentID(0),
                                               processor: processor, observer: &observer)
                }
            }
            return observer
        }
    }

    @Test func featuresAndSignalAllocateNothingPerBookUpdateOnceWarm() throws {
        #expect(AllocationCounter.isAvailable)
        var lines: [(Int64, [UInt8])] = []
        _ = try SyntheticRecording.generate(venue: .bybit, frames: 12_000, seed: 5) { time, text in
            lines.append((time, Array(text.utf8)))
        }
        let observer = try MarketDataSession(venue: .bybit).withProcessor(Replay(lines: lines))
        #expect(observer.measured > 3_000 && observer.signals.counters.emitted > 1)
        #expect(observer.allocations == 0, "\(observer.allocations) allocations over \(observer.measured) updates")
    }

    /// Higher timeframes whose trends start only after warm-up (as 1 h and 4 h ones do hours into a live run)
    /// update them without allocating: the engine's trends do not start out sharing their windows.
    @Test func higherTimeframeTrendsStartingAfterWarmUpAllocateNothing() throws {
        var lines: [(Int64, [UInt8])] = []
        _ = try SyntheticRecording.generate(venue: .bybit, frames: 12_000, seed: 5) { time, text in
            lines.append((time, Array(text.utf8)))
        }
        let start = try #require(lines.first?.0)
        let end = try #require(lines.last?.0)
        // 25 candles in the recording: the trend's moving average (20 candles) first fills at about 80 % of it,
        // after the warm-up updates, and its direction (3 more) before the end.
        let long = CandleTimeframe(nanoseconds: (end - start) / 25)
        let observer = try MarketDataSession(venue: .bybit)
            .withProcessor(Replay(lines: lines, higherTimeframes: (long, long)))
        #expect(observer.updates - observer.measured < observer.updates * 3 / 4, "warm-up ended before 75 %")
        #expect(observer.signals.timeframeDirections.1 != nil, "the higher timeframes' trends started")
        #expect(observer.allocations == 0, "\(observer.allocations) allocations over \(observer.measured) updates")
    }
}
