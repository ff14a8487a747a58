import AsymBook
import AsymCore
import AsymTransport
import AsymVenues
import Foundation

/// `asym bench decode`: decode + sequence + book apply per frame on synthetic frames held in memory.
///
/// Baseline: the naive path, Foundation `JSONSerialization` into dictionaries, prices through
/// `Double`, and a `[Double: Double]` book per side.
enum DecodeBenchmark: MarketDataVisitor {
    case measure(frames: [[UInt8]], times: [Int64])

    static func run(venue: Venue, suite: String, operations: Int) throws -> BenchmarkResult {
        var frames: [[UInt8]] = []
        var times: [Int64] = []
        frames.reserveCapacity(operations)
        _ = try SyntheticRecording.generate(venue: venue, frames: operations, seed: 42) { time, text in
            frames.append(Array(text.utf8))
            times.append(time)
        }
        let session = try MarketDataSession(venue: venue)
        let measured = try session.withProcessor(DecodeBenchmark.measure(frames: frames, times: times))
        let baselineCount = min(operations, 200_000)
        let baseline = foundationBaseline(Array(frames.prefix(baselineCount)))
        return BenchmarkResult(
            suite: suite, subject: "\(venue) decode + sequence + book apply, \(frames.count) synthetic frames",
            operations: frames.count, latency: measured.0, operationsPerSecond: measured.1,
            allocationsPerOperation: measured.2,
            baseline: .init(subject: "JSONSerialization + Double + dictionary book", latency: baseline.0,
                            operationsPerSecond: baseline.1, allocationsPerOperation: baseline.2))
    }

    func visit<Rules: VenueSequencing>(_ processor: MarketDataProcessor<Rules>) throws -> (LatencyPercentiles, Double, Double?) {
        guard case .measure(let frames, let times) = self else { fatalError("unreachable") }
        // Warm-up pass over a prefix, so buffers and caches settle before counting.
        for index in 0..<min(frames.count, 10_000) {
            frames[index].withUnsafeBytes { _ = processor.process($0, receiveTime: times[index]) }
        }
        var index = 0
        let session = try MarketDataSession(venue: Rules.Codec.venue)
        let fresh = MarketDataProcessor<Rules>(codec: processor.codec, instruments: session.instruments)
        return BenchmarkClock.measure(count: frames.count) {
            frames[index].withUnsafeBytes { _ = fresh.process($0, receiveTime: times[index]) }
            index += 1
        }
    }

    /// The naive path: a generic JSON parser, `Double` prices and a hashed book.
    static func foundationBaseline(_ frames: [[UInt8]]) -> (LatencyPercentiles, Double, Double?) {
        var bids: [Double: Double] = [:]
        var asks: [Double: Double] = [:]
        var index = 0
        let datas = frames.map { Data($0) }
        func apply(_ levels: Any?, to book: inout [Double: Double]) {
            guard let levels = levels as? [Any] else { return }
            for case let level as [Any] in levels {
                guard level.count >= 2, let price = (level[0] as? String).flatMap(Double.init),
                      let size = (level[1] as? String).flatMap(Double.init) else { continue }
                book[price] = size == 0 ? nil : size
            }
        }
        return BenchmarkClock.measure(count: datas.count) {
            defer { index += 1 }
            guard let object = try? JSONSerialization.jsonObject(with: datas[index]) as? [String: Any] else { return }
            let payload = (object["data"] as? [String: Any]) ?? ((object["data"] as? [Any])?.first as? [String: Any]) ?? object
            apply(payload["b"] ?? payload["bids"], to: &bids)
            apply(payload["a"] ?? payload["asks"], to: &asks)
        }
    }
}
