import AsymBook
import AsymCore
@testable import AsymEngine
import AsymSignals
import AsymTransport
import AsymVenues
import Testing

/// The per-book-update path after the book is applied — `BookFeatureEngine.update` then `SignalEngine.update` —
/// allocates nothing once warm, over a synthetic recording with walls, sweeps and spoofing (allocations counted
/// on this thread only, so parallel tests cannot disturb the count).
@Suite struct FeaturesAllocationTests {
    struct Counting: InstrumentFeedObserver {
        var features = BookFeatureEngine()
        var signals = SignalEngine(instrument: InstrumentID(0), configuration: Counting.configuration())
        var updates = 0
        var warmUp: Int
        var measured = 0
        var allocations: UInt64 = 0

        static func configuration() -> SignalConfiguration {
            var configuration = SignalConfiguration()
            configuration.regime.timeframe = CandleTimeframe(nanoseconds: 2_000_000_000)
            configuration.confirmation.higherTimeframes = (CandleTimeframe(nanoseconds: 6_000_000_000),
                                                           CandleTimeframe(nanoseconds: 12_000_000_000))
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
            features.recordTrade(price: trade.price, quantity: trade.quantity, taker: trade.takerSide,
                                 exchangeTime: trade.exchangeTime)
            signals.recordTrade(price: trade.price, quantity: trade.quantity, taker: trade.takerSide,
                                exchangeTime: trade.exchangeTime)
        }
    }

    struct Replay: MarketDataVisitor {
        var lines: [(Int64, [UInt8])]

        func visit<Rules: VenueSequencing>(_ processor: MarketDataProcessor<Rules>) throws -> Counting {
            processor.restSnapshotInstrument = InstrumentID(0)
            var observer = Counting(warmUp: 3_000)
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
}
