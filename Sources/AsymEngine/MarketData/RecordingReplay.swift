public import AsymBook
public import AsymCore
import AsymTransport
import AsymVenues

/// Replays a recording (hftbacktest collector format, plain or gzip) through a venue's processor:
/// the engine of `asym book` and `asym replay`.
public struct RecordingReplay: MarketDataVisitor {
    /// What a replay measured and ended with.
    public struct Report: Sendable {
        public var venue: Venue
        public var counters: FeedCounters
        /// Wall time of the whole loop (reading, decoding, applying), seconds.
        public var seconds: Double
        /// Per-frame decode+apply latency, with the timer's own cost subtracted; nil when not measured.
        public var latency: LatencyPercentiles?
        /// Allocations per frame after warm-up; nil when not measured or not countable.
        public var allocationsPerFrame: Double?
        /// The books at the end.
        public var books: BookSet
        /// Instruments, indexed by id.
        public var instruments: [Instrument]
        /// Malformed recording lines skipped.
        public var malformedLines: Int

        public var framesPerSecond: Double { seconds > 0 ? Double(counters.frames) / seconds : 0 }
    }

    /// Recording path.
    public var path: String
    /// The instrument a symbol-less REST snapshot line belongs to.
    public var restInstrument: InstrumentID
    /// Time every frame and count allocations (for `asym replay`).
    public var measure: Bool
    /// Frames excluded from the allocation count while buffers warm up.
    public var warmUpFrames = 10_000

    public init(path: String, restInstrument: InstrumentID, measure: Bool) {
        self.path = path
        self.restInstrument = restInstrument
        self.measure = measure
    }

    /// Runs the replay for `session`.
    public static func run(path: String, session: MarketDataSession, symbol: String?, measure: Bool) throws -> Report {
        let rest = symbol.flatMap(session.instrumentID(of:)) ?? session.instrumentID(forRecording: path) ?? InstrumentID(0)
        var report = try session.withProcessor(RecordingReplay(path: path, restInstrument: rest, measure: measure))
        report.venue = session.venue
        report.instruments = session.instruments
        return report
    }

    public func visit<Rules: VenueSequencing>(_ processor: MarketDataProcessor<Rules>) throws -> Report {
        processor.restSnapshotInstrument = restInstrument
        let reader = try RecordingReader(path: path)
        defer { reader.close() }
        var recorder = LatencyRecorder(capacity: measure ? 1 << 22 : 0)
        let timerCost = measure ? Self.timerCost() : 0
        var allocationsAtWarmUp: UInt64 = 0
        var counting = false
        let started = MonotonicClock.nanoseconds()
        while let line = try reader.next() {
            if measure {
                if processor.counters.frames == warmUpFrames, AllocationCounter.isAvailable {
                    AllocationCounter.setCounting(true)
                    allocationsAtWarmUp = AllocationCounter.allocations
                    counting = true
                }
                let before = MonotonicClock.nanoseconds()
                _ = processor.process(line.frame, receiveTime: line.receiveTimeNanoseconds)
                recorder.record(max(0, MonotonicClock.nanoseconds() - before - timerCost))
            } else {
                _ = processor.process(line.frame, receiveTime: line.receiveTimeNanoseconds)
            }
        }
        let elapsed = MonotonicClock.nanoseconds() - started
        var allocationsPerFrame: Double?
        if counting {
            let allocations = AllocationCounter.allocations - allocationsAtWarmUp
            AllocationCounter.setCounting(false)
            allocationsPerFrame = Double(allocations) / Double(max(1, processor.counters.frames - warmUpFrames))
        }
        return Report(
            venue: Rules.Codec.venue, counters: processor.counters, seconds: Double(elapsed) / 1e9,
            latency: measure ? recorder.percentiles() : nil, allocationsPerFrame: allocationsPerFrame,
            books: processor.books, instruments: [], malformedLines: reader.statistics.malformedLines)
    }

    /// The median cost of two back-to-back clock reads, subtracted from each per-frame sample.
    static func timerCost() -> Int64 {
        var recorder = LatencyRecorder(capacity: 10_001)
        for _ in 0..<10_001 {
            let before = MonotonicClock.nanoseconds()
            recorder.record(MonotonicClock.nanoseconds() - before)
        }
        return recorder.percentiles().p50
    }
}
