/// Where a run stands in its source recording, as a POD journal record (`JournalRecordType.replayPosition`).
public struct ReplayPositionRecord: Sendable, BitwiseCopyable, Equatable {
    /// Lines of the recording consumed so far.
    public var line: Int64
    /// Receive time of the last consumed line, ns.
    public var receiveTime: Int64

    public init(line: Int64, receiveTime: Int64) {
        self.line = line
        self.receiveTime = receiveTime
    }
}
