import AsymBook
import AsymCore
import AsymSignals
import AsymTransport
import AsymVenues

/// `asym bench features`: everything the engine computes per book update after the book is applied —
/// `BookFeatureEngine.update` (touch, imbalances, OFI, slope, whales, depth band, medians, spoof detector, risk
/// penalty) then `SignalEngine.update` (candle clock, calibration outcomes, regime-gated strategies,
/// multi-timeframe confirmation, signal) — timed per update with the CPU timestamp counter over a synthetic
/// Bybit recording held in memory. Decoding and book application run between timed sections (they are
/// `asym bench decode`); trades feed both engines untimed.
///
/// The variant `signal_only` times `SignalEngine.update` alone, in a quarter of the updates picked by a hash of
/// their index; those are left out of the total, so a total sample has no counter read between the two engines.
/// The candles are 10 s/1 min/
/// 5 min instead of 15m/1h/4h so indicators and the regime warm up within the recording and the strategies run
/// their full path; the per-update cost does not depend on the candle width.
enum FeaturesBenchmark: MarketDataVisitor {
    case measure(frames: [[UInt8]], times: [Int64], warmUpFrames: Int)

    struct Measured {
        var total: (LatencyPercentiles, Double, Double?)
        var signalOnly: (LatencyPercentiles, Double, Double?)
        var updates: Int
        var counters: SignalCounters
    }

    static func configuration() -> SignalConfiguration {
        var configuration = SignalConfiguration()
        configuration.regime.timeframe = CandleTimeframe(nanoseconds: 10_000_000_000)
        configuration.confirmation.higherTimeframes = (.oneMinute, .fiveMinutes)
        configuration.cooldown = 1_000_000_000
        return configuration
    }

    static func run(operations: Int) throws -> BenchmarkResult {
        var frames: [[UInt8]] = []
        var times: [Int64] = []
        frames.reserveCapacity(operations)
        times.reserveCapacity(operations)
        _ = try SyntheticRecording.generate(venue: .bybit, frames: operations, seed: 7) { time, text in
            frames.append(Array(text.utf8))
            times.append(time)
        }
        let session = try MarketDataSession(venue: .bybit)
        let warmUp = min(frames.count / 10, 20_000)
        let measured = try session.withProcessor(
            FeaturesBenchmark.measure(frames: frames, times: times, warmUpFrames: warmUp))
        let c = measured.counters
        var result = BenchmarkResult(
            suite: "features",
            subject: "book features + spoof + risk penalty + regime + 3 strategies + signal per book update, "
                + "\(measured.updates) updates of \(frames.count) synthetic Bybit frames "
                + "(\(c.candles) 10 s candles, \(c.proposed) proposals, \(c.emitted) signals)",
            operations: measured.updates, latency: measured.total.0, operationsPerSecond: measured.total.1,
            allocationsPerOperation: measured.total.2, baseline: nil)
        result.variant = ("signal_only", .init(
            subject: "SignalEngine.update alone (candle clock, calibration, strategies, confirmation)",
            latency: measured.signalOnly.0, operationsPerSecond: measured.signalOnly.1,
            allocationsPerOperation: measured.signalOnly.2))
        return result
    }

    func visit<Rules: VenueSequencing>(_ processor: MarketDataProcessor<Rules>) throws -> Measured {
        guard case .measure(let frames, let times, let warmUpFrames) = self else { fatalError("unreachable") }
        let instrument = InstrumentID(0)
        processor.restSnapshotInstrument = instrument
        var timed = Timed(
            features: BookFeatureEngine(),
            signals: SignalEngine(instrument: instrument, configuration: Self.configuration()),
            total: LatencyRecorder(capacity: frames.count), signalOnly: LatencyRecorder(capacity: frames.count),
            clock: CycleClock())
        let counting = AllocationCounter.isAvailable
        for index in frames.indices {
            if index == warmUpFrames {
                timed.recording = true
                if counting { AllocationCounter.setCounting(true) }
            }
            try frames[index].withUnsafeBytes { bytes in
                try InstrumentFeed.process(bytes, receiveTime: times[index], instrument: instrument,
                                           processor: processor, observer: &timed)
            }
        }
        if counting { AllocationCounter.setCounting(false) }
        let updates = Int(timed.totalUpdates)
        let seconds = { (nanoseconds: Int64) in Double(max(1, nanoseconds)) / 1e9 }
        return Measured(
            total: (timed.total.percentiles(), Double(timed.total.count) / seconds(timed.totalNanoseconds),
                    counting ? Double(timed.totalAllocations) / Double(max(1, updates)) : nil),
            signalOnly: (timed.signalOnly.percentiles(), Double(timed.signalOnly.count) / seconds(timed.signalNanoseconds),
                         counting ? Double(timed.signalAllocations) / Double(max(1, timed.signalOnly.count)) : nil),
            updates: updates, counters: timed.signals.counters)
    }

    /// Times each book update's feature and signal work; trades are applied untimed.
    ///
    /// One update in four, picked by a hash of its index (so the pick does not follow the engine's own
    /// every-N-th-update cadences), also reads the counter between the two engines and records only the
    /// signal part; the others record the whole update with no probe in the middle. Allocations are counted
    /// over every update.
    struct Timed: InstrumentFeedObserver {
        var features: BookFeatureEngine
        var signals: SignalEngine<StandardStrategies>
        var total: LatencyRecorder
        var signalOnly: LatencyRecorder
        let clock: CycleClock
        var recording = false
        var index: UInt64 = 0
        var totalNanoseconds: Int64 = 0
        var totalUpdates: Int64 = 0
        var signalNanoseconds: Int64 = 0
        var totalAllocations: UInt64 = 0
        var signalAllocations: UInt64 = 0
        var emitted = 0

        mutating func bookUpdated(_ book: borrowing OrderBook, exchangeTime: Int64, receiveTime: Int64) {
            index &+= 1
            let probeSignal = (index &* 0x9E37_79B9_7F4A_7C15) >> 62 == 0
            let before = AllocationCounter.allocations
            let started = CycleClock.cycles()
            features.update(book: book, exchangeTime: exchangeTime, receiveTime: receiveTime)
            let signal: Signal?
            if probeSignal {
                let middleAllocations = AllocationCounter.allocations
                let middle = CycleClock.cycles()
                signal = signals.update(features: features.features, now: receiveTime)
                let ended = CycleClock.cycles()
                signalAllocations &+= AllocationCounter.allocations &- middleAllocations
                if recording {
                    let signalPart = Int64(clock.nanoseconds(ended &- middle).rounded())
                    signalOnly.record(signalPart)
                    signalNanoseconds &+= signalPart
                }
            } else {
                signal = signals.update(features: features.features, now: receiveTime)
                let ended = CycleClock.cycles()
                if recording {
                    let whole = Int64(clock.nanoseconds(ended &- started).rounded())
                    total.record(whole)
                    totalNanoseconds &+= whole
                }
            }
            let after = AllocationCounter.allocations
            if signal != nil { emitted &+= 1 }
            guard recording else { return }
            totalUpdates &+= 1
            totalAllocations &+= after &- before
        }

        mutating func traded(_ trade: TradeEvent) {
            features.recordTrade(price: trade.price, quantity: trade.quantity, taker: trade.takerSide,
                                 exchangeTime: trade.exchangeTime)
            signals.recordTrade(price: trade.price, quantity: trade.quantity, taker: trade.takerSide,
                                exchangeTime: trade.exchangeTime)
        }
    }
}
