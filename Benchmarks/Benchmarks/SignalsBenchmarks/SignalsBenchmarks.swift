import AsymBook
import AsymCore
import AsymEngine
import AsymSignals
import Benchmark

/// Frames of one synthetic Bybit recording, each run through the processor (decode, sequence, book) and, unless
/// `bookOnly`, every book update then through `BookFeatureEngine` and `SignalEngine` (trades feed both). The two
/// benchmarks run the same frames, so their difference is the features and the signal; `asym bench features`
/// times that part alone per update.
struct RunFrames: MarketDataVisitor {
    let frames: [[UInt8]]
    let times: [Int64]
    let bookOnly: Bool
    let benchmark: Benchmark

    func visit<Rules: VenueSequencing>(_ processor: MarketDataProcessor<Rules>) throws {
        let instrument = InstrumentID(0)
        processor.restSnapshotInstrument = instrument
        var signalConfiguration = SignalConfiguration()
        signalConfiguration.regime.timeframe = CandleTimeframe(nanoseconds: 10_000_000_000)
        signalConfiguration.confirmation.higherTimeframes = (.oneMinute, .fiveMinutes)
        var features = BookFeatureEngine()
        var signals = SignalEngine(instrument: instrument, configuration: signalConfiguration)
        var emitted = 0
        func run(_ index: Int) {
            let outcome = frames[index].withUnsafeBytes { processor.process($0, receiveTime: times[index]) }
            guard !bookOnly else { return blackHole(outcome) }
            let exchangeTime = processor.batch.header.exchangeTime ?? times[index]
            switch outcome {
            case .bookUpdated(let id), .bookUnusable(let id), .gap(let id):
                features.update(book: processor.books[id], exchangeTime: exchangeTime, receiveTime: times[index])
                if signals.update(features: features.features, now: times[index]) != nil { emitted &+= 1 }
            case .trades:
                let trades = processor.batch.trades
                for index in trades.indices where !trades[index].isBlockTrade {
                    let trade = trades[index]
                    features.recordTrade(price: trade.price, quantity: trade.quantity, taker: trade.takerSide,
                                         exchangeTime: trade.exchangeTime)
                    signals.recordTrade(price: trade.price, quantity: trade.quantity, taker: trade.takerSide,
                                        exchangeTime: trade.exchangeTime)
                }
            default:
                break
            }
        }
        let warmUp = 10_000  // indicators, medians and the regime warm up; every sample then times the next frames
        for index in 0..<warmUp { run(index) }
        benchmark.startMeasurement()
        for iteration in benchmark.scaledIterations { run(warmUp + iteration % (frames.count - warmUp)) }
        benchmark.stopMeasurement()
        blackHole(emitted)
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput], scalingFactor: .kilo, maxDuration: .seconds(5))

    // One recording for both; a sample times 1,000 frames (`.kilo`), reported per frame.
    var frames: [[UInt8]] = []
    var times: [Int64] = []
    _ = try? SyntheticRecording.generate(venue: .bybit, frames: 40_000, seed: 7) { time, text in
        frames.append(Array(text.utf8))
        times.append(time)
    }
    let recording = (frames, times)
    for bookOnly in [true, false] {
        let name = bookOnly ? "Bybit frame → book (baseline)" : "Bybit frame → book + features + signal"
        Benchmark(name) { benchmark in
            try MarketDataSession(venue: .bybit).withProcessor(
                RunFrames(frames: recording.0, times: recording.1, bookOnly: bookOnly, benchmark: benchmark))
        }
    }
}
