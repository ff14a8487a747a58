/// What opening a journal directory found and did, before any new record was appended.
public struct JournalRecovery: Equatable, Sendable {
    /// Segment files present after opening (a new directory gets its first one).
    public var segments: Int
    /// The last durable sequence found (0 when the journal is empty).
    public var lastSequence: UInt64
    /// Whether a torn tail was cut off the last segment.
    public var tornTailTruncated: Bool
    /// Bytes cut off (a torn header counts in full; the header is then rewritten).
    public var tornTailBytes: UInt64
    /// Valid records in the last segment.
    public var recordsInLastSegment: Int

    /// The sequence the next appended record gets.
    public var nextSequence: UInt64 { lastSequence &+ 1 }
}
