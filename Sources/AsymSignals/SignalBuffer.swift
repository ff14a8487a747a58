/// A fixed-capacity list of signals that never grows: appending to a full buffer counts the signal in
/// `overflow` instead of allocating, so a replay can collect signals on the per-frame path.
/// - Complexity: O(1) append; storage allocated at init, nothing after.
public struct SignalBuffer: Sendable {
    @usableFromInline var storage: ContiguousArray<Signal>
    @usableFromInline var storedOverflow: Int64 = 0

    /// An empty buffer for up to `capacity` signals.
    public init(capacity: Int) {
        precondition(capacity >= 0, "capacity cannot be negative")
        storage = ContiguousArray()
        storage.reserveCapacity(capacity)
    }

    /// Signals the buffer holds at most.
    @inlinable public var capacity: Int { storage.capacity }
    /// Signals held.
    @inlinable public var count: Int { storage.count }
    /// Signals that arrived when the buffer was full.
    @inlinable public var overflow: Int64 { storedOverflow }
    /// The signal at `index`.
    @inlinable public subscript(index: Int) -> Signal { storage[index] }

    /// Appends `signal`, or counts it in `overflow` when full.
    @inlinable
    public mutating func append(_ signal: Signal) {
        if storage.count < storage.capacity { storage.append(signal) } else { storedOverflow &+= 1 }
    }

    /// The signals as an array (allocates: outside the hot loop).
    public var signals: [Signal] { Array(storage) }

    /// Empties the buffer, keeping its storage.
    public mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
    }
}
