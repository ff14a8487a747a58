/// Fixed entry and response latencies. Model: hftbacktest's `ConstantLatency`.
public struct ConstantLatency: LatencyModel, Sendable {
    public var entryNanoseconds: Int64
    public var responseNanoseconds: Int64

    public init(entryNanoseconds: Int64, responseNanoseconds: Int64) {
        precondition(entryNanoseconds >= 0 && responseNanoseconds >= 0, "latency must not be negative")
        self.entryNanoseconds = entryNanoseconds
        self.responseNanoseconds = responseNanoseconds
    }

    /// No latency: orders match at once (tests, benchmarks).
    public static var zero: ConstantLatency { ConstantLatency(entryNanoseconds: 0, responseNanoseconds: 0) }

    @inlinable public func entry(now: Int64) -> Int64 { entryNanoseconds }
    @inlinable public func response(now: Int64) -> Int64 { responseNanoseconds }
}
