/// The last `capacity` values of a series in a ring preallocated at init.
///
/// Appending to a full window overwrites the oldest value; storage never grows. Like any Swift array, a copied
/// window shares storage until one copy is mutated, which then copies once: keep one owner on the hot path.
/// - Complexity: O(1) per `append`, no allocation after `init`.
public struct RollingWindow: Sendable {
    @usableFromInline var storage: [Double]
    /// Index of the oldest value.
    @usableFromInline var head = 0
    @usableFromInline var filled = 0

    /// An empty window holding at most `capacity` values.
    public init(capacity: Int) {
        precondition(capacity >= 1, "a rolling window needs a capacity of at least 1")
        storage = [Double](repeating: 0, count: capacity)
    }

    /// Most values the window holds.
    @inlinable
    public var capacity: Int { storage.count }

    /// Values held (≤ `capacity`).
    @inlinable
    public var count: Int { filled }

    /// The window holds `capacity` values.
    @inlinable
    public var isFull: Bool { filled == storage.count }

    /// The oldest value held (`self[0]`).
    @inlinable
    public var oldest: Double {
        precondition(filled > 0, "empty rolling window")
        return storage[head]
    }

    /// The newest value held (`self[count - 1]`).
    @inlinable
    public var newest: Double { self[filled - 1] }

    /// The `offset`-th value from the oldest.
    @inlinable
    public subscript(offset: Int) -> Double {
        precondition(offset >= 0 && offset < filled, "rolling window offset out of range")
        let index = head + offset
        return storage[index < storage.count ? index : index - storage.count]
    }

    /// Appends `value`; returns the value it pushed out, or nil while the window was not yet full.
    @inlinable
    @discardableResult
    public mutating func append(_ value: Double) -> Double? {
        if filled < storage.count {
            let index = head + filled
            storage[index < storage.count ? index : index - storage.count] = value
            filled += 1
            return nil
        }
        let evicted = storage[head]
        storage[head] = value
        head = head + 1 == storage.count ? 0 : head + 1
        return evicted
    }
}
