import AsymCore
public import AsymJournal
import AsymRing
import Synchronization

/// The consensus side's journal records, waiting for the engine thread to copy them into its `Journal`.
///
/// The journal has one producer, the engine thread, so the consensus never appends to it: it posts typed records
/// here (an SPSC `FrameRing`, one record per slot, each at most `recordSize` bytes) and the engine thread calls
/// `drain(into:)` between frames. Posting is serialised by a mutex on the consensus side only; the engine's
/// side is lock- and allocation-free.
///
/// Records: every request (`aiRequest`, key redacted) and response body (`aiResponse`) as `AITextFragment`s,
/// every vote (`aiVote`, `AIVoteRecord`) and every publication (`publishedBias`, `PublishedBiasRecord`).
///
/// **Back-pressure:** the consensus never waits. When the ring lacks room for a whole record (a text needs all
/// its fragments) the record is dropped and counted in `droppedRecords`; size the ring for the rounds the
/// engine may go without draining (a round of three analysts posts about 200 slots).
public final class ConsensusOutbox: Sendable {
    /// The largest record; must not exceed the journal's `maximumPayloadSize`.
    public let recordSize: Int
    private let ring: FrameRing
    private let producer = Mutex(())
    private let dropped = Atomic<Int>(0)
    private let oversized = Atomic<Int>(0)

    /// An outbox of `slotCount` records (a power of two) of at most `recordSize` bytes (at least 32).
    public init(slotCount: Int = 8_192, recordSize: Int = 112) {
        precondition(recordSize >= AITextFragment.headerSize + 8, "outbox records too small")
        self.recordSize = recordSize
        ring = FrameRing(slotCount: slotCount, slotSize: (FrameRing.headerSize + recordSize + 63) / 64 * 64)
    }

    /// Records dropped because the ring was full.
    public var droppedRecords: Int { dropped.load(ordering: .relaxed) }
    /// Records the drain skipped because they exceeded the journal's payload limit.
    public var oversizedRecords: Int { oversized.load(ordering: .relaxed) }
    /// Records waiting (approximate while both sides run).
    public var pendingRecords: Int { ring.count }

    // MARK: - Consensus side

    /// Posts a POD record. Returns false (counted) when the ring is full.
    @discardableResult
    func post<Record: BitwiseCopyable>(_ record: Record, type: JournalRecordType, time: Int64) -> Bool {
        precondition(MemoryLayout<Record>.size <= recordSize, "record larger than the outbox's records")
        return producer.withLock { _ in
            // Safety: `withUnsafeBytes(of:)` lends the record's bytes for the duration of the copy into the slot.
            let result = withUnsafeBytes(of: record) { bytes in ring.tryPush(bytes, receiveTime: time, tag: UInt32(type.rawValue)) }
            if result != .pushed { dropped.add(1, ordering: .relaxed) }
            return result == .pushed
        }
    }

    /// Posts `text` as fragments, all or nothing. Returns false (counted once) when the ring lacks room.
    @discardableResult
    func postText(_ text: [UInt8], type: JournalRecordType, time: Int64, roundTime: Int64, instrument: InstrumentID,
                  analyst: Int, attempt: Int, status: Int) -> Bool {
        let fragments = AITextFragment.fragments(of: text, recordSize: recordSize, roundTime: roundTime,
                                                 instrument: instrument, analyst: analyst, attempt: attempt, status: status)
        return producer.withLock { _ in
            // `count` may overstate what the engine still holds (it only drains), so the room is never overstated.
            guard ring.slotCount - ring.count >= fragments.count else {
                dropped.add(1, ordering: .relaxed)
                return false
            }
            for fragment in fragments {
                let encoded = fragment.encoded
                // Safety: `withUnsafeBytes` lends the array's bytes for the duration of the copy into the slot.
                let result = encoded.withUnsafeBytes { ring.tryPush($0, receiveTime: time, tag: UInt32(type.rawValue)) }
                precondition(result == .pushed, "outbox room checked above")
            }
            return true
        }
    }

    // MARK: - Engine side

    /// Appends waiting records to `journal`, oldest first, at most `limit` of them; stops early when the journal
    /// refuses one (its ring is full: the record stays here for the next drain). Returns the records appended.
    ///
    /// Engine thread only (the journal's producer). - Complexity: O(records); no allocation, lock or system call.
    @discardableResult
    public func drain(into journal: Journal, limit: Int = .max) -> Int {
        let maximum = journal.configuration.maximumPayloadSize
        return drain(limit: limit) { type, bytes, time in
            guard bytes.count <= maximum else {
                oversized.add(1, ordering: .relaxed)
                return true  // skipped, never appended: it could not be
            }
            return journal.append(bytes: bytes, type: type, time: time) != nil
        }
    }

    /// Hands waiting records to `body` (type, payload valid only during the call, time), oldest first, at most
    /// `limit`; a record is released only when `body` returns true, and the drain stops at the first false.
    /// Returns the records released. One consumer thread.
    @discardableResult
    public func drain(limit: Int = .max, _ body: (JournalRecordType, UnsafeRawBufferPointer, Int64) -> Bool) -> Int {
        var released = 0
        while released < limit, let frame = ring.front() {
            if let type = JournalRecordType(rawValue: UInt16(truncatingIfNeeded: frame.tag)) {
                guard body(type, frame.bytes, frame.receiveTime) else { break }
            }
            ring.popFront()
            released += 1
        }
        return released
    }
}
