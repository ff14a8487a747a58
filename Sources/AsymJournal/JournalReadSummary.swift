/// Counters from one pass of `JournalReader` over a directory.
public struct JournalReadSummary: Equatable, Sendable {
    /// Segment files found.
    public var segments = 0
    /// Valid records delivered.
    public var records = 0
    /// The first and last sequence delivered (nil when no records).
    public var firstSequence: UInt64?
    /// The last sequence delivered.
    public var lastSequence: UInt64?
    /// Total size of the segment files, bytes.
    public var bytes: UInt64 = 0
    /// Whether the last segment ends in a torn tail (an interrupted append) that the next writer open truncates.
    public var tornTailFound = false
    /// Bytes in that torn tail.
    public var tornTailBytes: UInt64 = 0
    /// Damaged records (or segment headers) with valid records after them, and torn tails in segments other than
    /// the last: damage the writer never produces on its own.
    public var crcErrors = 0
    /// Where each damage was found: segment path and byte offset.
    public var corruptions: [JournalCorruption] = []
    /// Places where a record's sequence is not the previous one plus one (after skipped damage, or a missing file).
    public var sequenceGaps = 0
    /// Whether the pass stopped at damage instead of reading every segment.
    public var stoppedAtCorruption = false
    /// Valid records per raw type value.
    public var recordsByType: [UInt16: Int] = [:]
}
