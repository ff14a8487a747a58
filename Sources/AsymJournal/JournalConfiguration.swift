public import AsymTransport

/// How a `Journal` lays out segments, commits, and sizes its hot-path ring.
public struct JournalConfiguration: Sendable {
    /// The directory holding the segment files; created if missing.
    public var directory: String
    /// A segment is closed and a new one started before a record would take it past this many bytes.
    public var segmentSize: Int = 256 << 20
    /// Longest a record waits on the journal thread before its group commit (fsync), nanoseconds.
    public var commitInterval: Int64 = 2_000_000
    /// Commit early once this many bytes are waiting, so a burst does not wait for the interval.
    public var commitBytes: Int = 1 << 20
    /// Slots in the hot-path ring (a power of two). It must absorb the events produced during one fsync:
    /// 65,536 slots hold 30 ms at 2 M events/s.
    public var ringSlots: Int = 1 << 16
    /// The largest payload `append` accepts; the ring's slots are `16 + maximumPayloadSize` rounded up to 64.
    public var maximumPayloadSize: Int = 112
    /// How many times a producer retries a full ring before `append` gives up and counts a failure.
    public var fullRingSpinLimit: Int = 1 << 20
    /// The segment writer.
    public var backend: JournalBackend = .uring
    /// Staging buffers and the flush kind (`fdatasync` by default) of each segment's writer.
    public var fileWriter = URingFileWriter.Configuration()
    /// How long the idle journal thread sleeps between polls of the ring, nanoseconds (after a short spin).
    public var idleSleep: Int64 = 50_000
    /// A core to pin the journal thread to, or nil.
    public var journalCore: Int?

    public init(directory: String) {
        self.directory = directory
    }

    /// Bytes per ring slot.
    var slotSize: Int { (16 + max(1, maximumPayloadSize) + 63) / 64 * 64 }
}
