/// The most recent event times in a fixed ring, for "at least N in the last hour / since midnight".
///
/// Times are recorded in non-decreasing order (the gate's injected clock never runs backwards), so
/// "at least N since T" is answered by looking at the N-th newest time alone.
public struct TimestampWindow: Sendable {
    @usableFromInline var times: [Int64]
    @usableFromInline var next = 0
    @usableFromInline var stored = 0

    /// Keeps the last `capacity` times.
    public init(capacity: Int) {
        times = Array(repeating: .min, count: capacity)
    }

    /// Records an event at `time` (not earlier than the last one recorded).
    @inlinable
    public mutating func record(_ time: Int64) {
        times[next] = time
        next = next &+ 1 == times.count ? 0 : next &+ 1
        stored = min(stored &+ 1, times.count)
    }

    /// Times it keeps at most.
    public var capacity: Int { times.count }

    /// Times held (at most the capacity).
    public var recordedCount: Int { stored }

    /// The `index`-th held time, oldest first (`0..<recordedCount`).
    public func recorded(_ index: Int) -> Int64 {
        precondition(index >= 0 && index < stored, "index out of the recorded range")
        var slot = next &- stored &+ index
        if slot < 0 { slot &+= times.count }
        return times[slot]
    }

    /// Whether at least `count` recorded events happened at or after `since`.
    ///
    /// - Complexity: O(1). `count` must not exceed the capacity.
    @inlinable
    public func hasAtLeast(_ count: Int, since: Int64) -> Bool {
        precondition(count <= times.count, "a window cannot answer for more events than it keeps")
        guard count > 0 else { return true }
        guard stored >= count else { return false }
        // The count-th newest time: `next - 1` is the newest.
        var index = next &- count
        if index < 0 { index &+= times.count }
        return times[index] >= since
    }
}
