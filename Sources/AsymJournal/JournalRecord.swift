/// One record read back from the journal; `payload` points into the reader's mapping of the segment.
///
/// Valid only during the reader's callback: copy out (`load(as:)`) what must outlive it.
public struct JournalRecord {
    /// The stored type value; see `type` for the decoded case.
    public let typeRawValue: UInt16
    /// Sequence number (1-based, strictly increasing).
    public let sequence: UInt64
    /// The time the producer attached, nanoseconds.
    public let time: Int64
    /// The payload bytes, valid only during the callback.
    public let payload: UnsafeRawBufferPointer

    /// The record type, or nil for a raw value this build does not know.
    public var type: JournalRecordType? { JournalRecordType(rawValue: typeRawValue) }

    /// The payload reinterpreted as `Event` (the inverse of `Journal.append(_:type:time:)`).
    ///
    /// Traps when the payload size differs from `MemoryLayout<Event>.size`: a type/struct mismatch is a caller error.
    public func load<Event: BitwiseCopyable>(as eventType: Event.Type) -> Event {
        precondition(payload.count == MemoryLayout<Event>.size, "payload size does not match \(Event.self)")
        return payload.loadUnaligned(as: Event.self)
    }
}
