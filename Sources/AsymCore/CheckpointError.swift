/// Why a checkpoint could not be read or applied.
public enum CheckpointError: Error, Equatable, Sendable {
    /// The words ended before the value at this word offset.
    case truncated(at: Int)
    /// The word at this offset is not a valid value of its type (unknown enum case, NaN, a Bool that is not 0/1).
    case invalidValue(at: Int)
    /// A count read at this offset exceeds what the reader allows.
    case countOutOfRange(at: Int, count: UInt64, maximum: Int)
    /// The checkpoint was written for a different shape: another instrument count, format version, or table size.
    case shapeMismatch(what: String, expected: Int, found: Int)
    /// The object to restore into has started work already (decided, sent an order): a restore is for a fresh
    /// one at start, never a reset in the middle of a run.
    case targetInUse(what: String)
    /// Words were left over after the last value: writer and reader disagree on the layout.
    case trailingWords(count: Int)
}
