/// Writes engine state as a checkpoint: every value is one 64-bit word, in the order the owner writes it, so
/// the layout is explicit (no struct padding, no pointers) and the same state always gives the same words.
///
/// The words go to storage reserved once (`init(capacity:)`, `reset()` keeps it), so writing a checkpoint of
/// the usual size allocates nothing; a larger one grows the storage once. Read back with `CheckpointReader`
/// in the same order.
public struct CheckpointWriter: Sendable {
    /// The words written since the last `reset()`.
    public private(set) var words: [UInt64]

    /// A writer with room for `capacity` words before it grows.
    public init(capacity: Int = 1_024) {
        words = []
        words.reserveCapacity(capacity)
    }

    /// Forgets the words, keeping the storage.
    public mutating func reset() { words.removeAll(keepingCapacity: true) }

    public mutating func write(_ value: UInt64) { words.append(value) }
    public mutating func write(_ value: Int64) { words.append(UInt64(bitPattern: value)) }
    public mutating func write(_ value: Int) { words.append(UInt64(bitPattern: Int64(value))) }
    public mutating func write(_ value: Double) { words.append(value.bitPattern) }
    public mutating func write(_ value: Bool) { words.append(value ? 1 : 0) }
    public mutating func write(_ value: InstrumentID) { words.append(UInt64(value.rawValue)) }

    /// An enum by its raw value.
    public mutating func write<Value: RawRepresentable>(_ value: Value) where Value.RawValue: FixedWidthInteger {
        words.append(UInt64(truncatingIfNeeded: value.rawValue))
    }
}
