/// The median of the last `capacity` samples, kept exactly with a ring of samples and a sorted copy.
///
/// Used for the "typical" level size, spread and depth that whale, spoof and risk thresholds are
/// relative to: a median ignores the very walls it is meant to detect. Storage is allocated once;
/// `push` never allocates (keep the value uniquely referenced, e.g. a stored `var`).
/// - Complexity: `push` is two counting passes over the window (independent compares that vectorise) plus
///   one element copy per sample lying between the evicted and the new value; keep `capacity` small (≤ 256).
public struct RollingMedian: Sendable {
    @usableFromInline var ring: ContiguousArray<Double>
    @usableFromInline var sorted: ContiguousArray<Double>
    @usableFromInline var head = 0
    /// Samples currently held (at most `capacity`).
    @inlinable public var count: Int { storedCount }
    @usableFromInline var storedCount: Int = 0
    /// The window length in samples.
    public let capacity: Int

    /// An empty window of `capacity` samples.
    public init(capacity: Int) {
        precondition(capacity >= 1, "capacity must be positive")
        self.capacity = capacity
        ring = ContiguousArray(repeating: 0, count: capacity)
        sorted = ContiguousArray(repeating: 0, count: capacity)
    }

    /// Adds `value`, evicting the oldest sample when full.
    @inlinable
    public mutating func push(_ value: Double) {
        if count == capacity {
            // Replace the evicted sample in the sorted copy: find both positions by counting, then slide
            // only the samples strictly between the two values one place (a plain copy loop, no compare per
            // element). Equal samples are interchangeable, so the copy of `oldest` removed is the one nearest
            // the new value's place, which keeps the slide short when many samples tie (spreads in ticks).
            let oldest = ring[head]
            ring[head] = value
            head = head &+ 1 == capacity ? 0 : head &+ 1
            if value < oldest {
                let from = lowerBound(oldest)
                let to = upperBound(value)
                var index = from
                while index > to {
                    sorted[index] = sorted[index &- 1]
                    index &-= 1
                }
                sorted[to] = value
            } else if value > oldest {
                let from = upperBound(oldest) &- 1
                let to = lowerBound(value) &- 1
                var index = from
                while index < to {
                    sorted[index] = sorted[index &+ 1]
                    index &+= 1
                }
                sorted[to] = value
            }
            return
        }
        ring[head] = value
        head = head &+ 1 == capacity ? 0 : head &+ 1
        let to = upperBound(value)
        var index = count
        while index > to {
            sorted[index] = sorted[index &- 1]
            index &-= 1
        }
        sorted[to] = value
        storedCount &+= 1
    }

    /// The median of the held samples (the mean of the two middle ones for an even count), 0 when empty.
    @inlinable
    public var median: Double {
        guard count > 0 else { return 0 }
        let middle = count >> 1
        return count & 1 == 1 ? sorted[middle] : 0.5 * (sorted[middle &- 1] + sorted[middle])
    }

    /// Removes every sample.
    public mutating func removeAll() {
        storedCount = 0
        head = 0
    }

    /// The first index of `sorted[0..<count]` holding a value `>= value`: the number of samples below it.
    ///
    /// Counted over the whole window rather than found by halving: the loads are independent (a cold window
    /// costs one round of cache misses, not one per halving step) and the loop vectorises.
    @inlinable
    func lowerBound(_ value: Double) -> Int {
        var below = 0
        for index in 0..<count where sorted[index] < value { below &+= 1 }
        return below
    }

    /// The first index of `sorted[0..<count]` holding a value `> value`: the number of samples at or below it.
    @inlinable
    func upperBound(_ value: Double) -> Int {
        var atOrBelow = 0
        for index in 0..<count where sorted[index] <= value { atOrBelow &+= 1 }
        return atOrBelow
    }
}
