/// The most recent event times in a fixed ring, for "how many in the last hour / since midnight".
public struct TimestampWindow: Sendable {
    @usableFromInline var times: [Int64]
    @usableFromInline var next = 0
    @usableFromInline var stored = 0

    /// Keeps the last `capacity` times.
    public init(capacity: Int) {
        times = Array(repeating: .min, count: capacity)
    }

    /// Records an event at `time`.
    @inlinable
    public mutating func record(_ time: Int64) {
        times[next] = time
        next = next &+ 1 == times.count ? 0 : next &+ 1
        stored = min(stored &+ 1, times.count)
    }

    /// Forgets every recorded time, keeping the storage.
    public mutating func removeAll() {
        next = 0
        stored = 0
    }

    /// Events at or after `since`.
    ///
    /// - Complexity: O(capacity); capacities are small (≤ 64).
    @inlinable
    public func count(since: Int64) -> Int {
        var count = 0
        for index in 0..<stored where times[index] >= since { count &+= 1 }
        return count
    }
}
