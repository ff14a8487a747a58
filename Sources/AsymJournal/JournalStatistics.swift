/// A snapshot of a journal's counters (each read atomically; together they are approximate while it runs).
public struct JournalStatistics: Equatable, Sendable {
    /// Appends that gave up on a full ring after the bounded spin: records the engine could not journal.
    public var enqueueFailures: Int
    /// Records written to a segment (not necessarily durable yet).
    public var recordsWritten: UInt64
    /// Highest sequence written to a segment.
    public var writtenSequence: UInt64
    /// Highest sequence made durable by a commit.
    public var durableSequence: UInt64
    /// Record and header bytes written since open.
    public var bytesWritten: UInt64
    /// Group commits (fsyncs) completed.
    public var commits: UInt64
    /// Total time spent in commits, nanoseconds.
    public var commitNanoseconds: UInt64
    /// The slowest commit, nanoseconds.
    public var maximumCommitNanoseconds: UInt64
    /// Segments created since open (rotation, or the first one of a new directory).
    public var segmentsCreated: Int
    /// The writer's failure, if it failed; the journal then stops consuming.
    public var failure: JournalError?
}
