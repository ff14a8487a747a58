import AsymCore
import AsymEngine
import Benchmark

/// Decode + sequence + book apply per frame, per venue, on synthetic frames held in memory.
struct ProcessFrames: MarketDataVisitor {
    let frames: [[UInt8]]
    let benchmark: Benchmark

    func visit<Rules: VenueSequencing>(_ processor: MarketDataProcessor<Rules>) throws {
        for frame in frames.prefix(2_000) { frame.withUnsafeBytes { _ = processor.process($0, receiveTime: 0) } }
        benchmark.startMeasurement()
        for iteration in benchmark.scaledIterations {
            frames[iteration % frames.count].withUnsafeBytes { blackHole(processor.process($0, receiveTime: 0)) }
        }
        benchmark.stopMeasurement()
    }
}

func syntheticFrames(_ venue: Venue, count: Int) throws -> [[UInt8]] {
    var frames: [[UInt8]] = []
    _ = try SyntheticRecording.generate(venue: venue, frames: count, seed: 42) { _, text in frames.append(Array(text.utf8)) }
    return frames
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput], maxDuration: .seconds(3))

    for venue in Venue.allCases {
        Benchmark("\(venue) frame decode + sequence + book apply", configuration: .init(scalingFactor: .kilo)) { benchmark in
            let frames = try syntheticFrames(venue, count: 20_000)
            try MarketDataSession(venue: venue).withProcessor(ProcessFrames(frames: frames, benchmark: benchmark))
        }
    }
}
