/// The median of the last `capacity` samples, kept exactly with a ring of samples and a sorted copy.
///
/// Used for the "typical" level size, spread and depth that whale, spoof and risk thresholds are
/// relative to: a median ignores the very walls it is meant to detect. Storage is allocated once;
/// `push` never allocates (keep the value uniquely referenced, e.g. a stored `var`).
/// - Complexity: `push` is O(log capacity) to find the evicted sample plus one element move per
///   sample lying between the evicted and the new value; keep `capacity` small (≤ 256).
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
            // Replace the evicted sample's slot in the sorted copy and slide the new value to its
            // place: moves only the elements between the two values, not the tail twice.
            let oldest = ring[head]
            var index = lowerBound(oldest)
            ring[head] = value
            head = head &+ 1 == capacity ? 0 : head &+ 1
            while index > 0 && sorted[index &- 1] > value {
                sorted[index] = sorted[index &- 1]
                index &-= 1
            }
            while index < count &- 1 && sorted[index &+ 1] < value {
                sorted[index] = sorted[index &+ 1]
                index &+= 1
            }
            sorted[index] = value
            return
        }
        ring[head] = value
        head = head &+ 1 == capacity ? 0 : head &+ 1
        var index = count
        // Insertion from the top: shift larger elements right.
        while index > 0 && sorted[index &- 1] > value {
            sorted[index] = sorted[index &- 1]
            index &-= 1
        }
        sorted[index] = value
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

    @inlinable
    func lowerBound(_ value: Double) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low &+ high) >> 1
            if sorted[mid] < value { low = mid &+ 1 } else { high = mid }
        }
        return low
    }
}
