/// One journal record the ingest did not store, and why.
public struct SkippedRecord: Sendable, Equatable {
    public var sequence: UInt64
    public var reason: RecordSkipReason

    public init(sequence: UInt64, reason: RecordSkipReason) {
        self.sequence = sequence
        self.reason = reason
    }
}
