import AsymCore
public import AsymRing
import AsymTransport
import Synchronization

/// The durable, append-only event journal: the engine thread enqueues, a named thread (`asym-journal`) writes.
///
/// **Hot path.** `append` copies the event into a preallocated SPSC ring slot (`FrameRing`, claim/publish) and
/// returns its sequence number: no allocation, no lock, no system call. The journal thread drains the ring, frames
/// each record (sequence, CRC-32C; see `JournalRecordLayout`), appends it to the current segment and group-commits
/// (`fdatasync`) every `commitInterval` or `commitBytes`, whichever comes first, or at once after `requestCommit()`.
///
/// **Back-pressure.** Records are never dropped silently. When the ring is full, `append` spins up to
/// `fullRingSpinLimit` times for the journal thread to make room, then returns nil and counts the failure in
/// `statistics.enqueueFailures`. The engine must treat a nil as a reason to halt trading: the event was not
/// journalled. A failed record consumes no sequence number, so the journal stays gap-free.
///
/// **Durability.** `durableSequence` is the highest sequence known to be on disk. To act only after a record is
/// durable (before sending an order), call `waitUntilDurable(_:timeout:)`, which asks for an immediate commit.
///
/// **Writer failure.** If a write or fsync fails, the journal thread records the error (`statistics.failure`)
/// and stops consuming, so later appends fill the ring and fail: nothing is written out of order past a failed
/// fsync, and the engine halts on the failed appends.
///
/// Threads: one producer thread calls `append`, `lastSequence` and `waitUntilDurable`; any thread may read
/// `durableSequence`, `statistics` and call `requestCommit`; the owner calls `start` and `close`.
public final class Journal: @unchecked Sendable {
    // @unchecked Sendable: the producer-side fields are touched only by the single producer thread (documented
    // above); everything shared lives in `JournalState` behind atomics.

    /// The configuration the journal was opened with.
    public let configuration: JournalConfiguration
    /// What opening the directory found: last sequence, torn tail truncated or not.
    public let recovery: JournalRecovery

    @usableFromInline let state: JournalState
    @usableFromInline let ring: FrameRing
    @usableFromInline let spinLimit: Int
    @usableFromInline let maximumPayloadSize: Int
    /// Producer-private: the sequence the next successful append gets. `@exclusivity(unchecked)`: only the
    /// producer thread touches it, and the hot path pays no dynamic exclusivity check per append.
    @usableFromInline @exclusivity(unchecked) var nextSequence: UInt64
    private let loop: any JournalDrainLoop
    private var thread: NamedThread?
    private var isClosed = false

    /// Opens `configuration.directory`, recovering it: the last segment is scanned, a torn tail truncated, and
    /// the next record continues the sequence. Call `start()` to begin writing.
    ///
    /// - Throws: `JournalError.corruptRecord` when the last segment is damaged in the middle (see
    ///   `JournalSegmentScanner`), and file-system or writer errors (`.writer(.uringUnavailable)` where
    ///   io_uring is forbidden: use `.plain`).
    /// - Complexity: O(size of the last segment).
    public init(configuration: JournalConfiguration) throws(JournalError) {
        precondition(configuration.maximumPayloadSize > 0 && configuration.segmentSize > JournalSegmentHeader.size,
                     "journal payload and segment sizes must be positive")
        self.configuration = configuration
        let ring = FrameRing(slotCount: configuration.ringSlots, slotSize: configuration.slotSize)
        self.ring = ring
        spinLimit = max(1, configuration.fullRingSpinLimit)
        maximumPayloadSize = min(configuration.maximumPayloadSize, ring.maxFrameLength)
        let state = JournalState(ring: ring, durableSequence: 0)
        self.state = state
        let writerConfiguration = configuration.fileWriter
        switch configuration.backend {
        case .uring:
            loop = try JournalSink<URingFileWriter>(state: state, configuration: configuration) {
                (path, mode) throws(FileWriterError) in
                try URingFileWriter(path: path, mode: mode, configuration: writerConfiguration)
            }
        case .plain:
            loop = try JournalSink<PlainFileWriter>(state: state, configuration: configuration) {
                (path, mode) throws(FileWriterError) in
                try PlainFileWriter(path: path, mode: mode, configuration: writerConfiguration)
            }
        }
        recovery = loop.recovery
        Self.prefault(ring)
        nextSequence = recovery.nextSequence
        state.durableSequence.store(recovery.lastSequence, ordering: .releasing)
        state.writtenSequence.store(recovery.lastSequence, ordering: .relaxed)
    }

    deinit {
        if !isClosed { try? close() }
    }

    /// Touches every slot once (claim, write, publish, pop) so the hot path never takes a first-touch page fault.
    /// Runs before the journal thread exists, so this thread may play both sides of the ring.
    private static func prefault(_ ring: FrameRing) {
        for _ in 0..<ring.slotCount {
            guard let slot = ring.claim() else { break }
            slot.initializeMemory(as: UInt8.self, repeating: 0)
            ring.publish(length: 0, receiveTime: 0)
            ring.popFront()
        }
    }

    /// Starts the journal thread (`asym-journal`). Appends made before `start` wait in the ring.
    public func start() {
        precondition(thread == nil && !isClosed, "Journal.start() called twice or after close()")
        let loop = self.loop
        let thread = NamedThread(name: "asym-journal", pinnedToCore: configuration.journalCore) { loop.run() }
        self.thread = thread
        thread.start()
    }

    /// Writes and commits everything enqueued, closes the segment and stops the thread (running the drain inline
    /// if `start` was never called). Call from the producer thread after its last append. Idempotent.
    ///
    /// - Throws: the writer's failure, if it failed (records enqueued after it were not written).
    public func close() throws(JournalError) {
        guard !isClosed else { return }
        isClosed = true
        // Release: every append before this is visible to the journal thread once it sees the flag.
        state.stopRequested.store(true, ordering: .releasing)
        if let thread {
            thread.join()
        } else {
            loop.run()
        }
        if let failure = state.failure.withLock({ $0 }) { throw failure }
    }

    // MARK: - Producer (hot path)

    /// Enqueues `event`'s bytes (`MemoryLayout<Event>.size`, padding included) as a record of `type` at `time`.
    ///
    /// - Returns: the record's sequence number, or nil if the ring stayed full for the bounded spin (counted in
    ///   `statistics.enqueueFailures`; the engine halts trading on it).
    /// - Precondition: the event fits `configuration.maximumPayloadSize`.
    /// - Complexity: O(size of `Event`): a claim, a copy and a release store; no allocation, lock or system call.
    @inlinable
    @discardableResult
    public func append<Event: BitwiseCopyable>(_ event: Event, type: JournalRecordType, time: Int64) -> UInt64? {
        precondition(MemoryLayout<Event>.size <= maximumPayloadSize, "event larger than the journal's slots")
        guard let slot = claimSlot() else { return nil }
        // Safety: the slot holds `maximumPayloadSize` ≥ size bytes; `storeBytes` needs no alignment for POD.
        slot.baseAddress.unsafelyUnwrapped.storeBytes(of: event, as: Event.self)
        return publish(length: MemoryLayout<Event>.size, type: type.rawValue, time: time)
    }

    /// Enqueues `bytes` as a record of `type` at `time`; see `append(_:type:time:)`.
    ///
    /// - Precondition: `bytes.count <= configuration.maximumPayloadSize`.
    @inlinable
    @discardableResult
    public func append(bytes: UnsafeRawBufferPointer, type: JournalRecordType, time: Int64) -> UInt64? {
        precondition(bytes.count <= maximumPayloadSize, "payload larger than the journal's slots")
        guard let slot = claimSlot() else { return nil }
        if let source = bytes.baseAddress, bytes.count > 0 {
            // Safety: the slot holds at least `bytes.count` bytes (checked above).
            slot.baseAddress.unsafelyUnwrapped.copyMemory(from: source, byteCount: bytes.count)
        }
        return publish(length: bytes.count, type: type.rawValue, time: time)
    }

    /// The sequence of the last successful append (or the recovered last sequence). Producer thread only.
    @inlinable
    public var lastSequence: UInt64 { nextSequence &- 1 }

    @inlinable
    func claimSlot() -> UnsafeMutableRawBufferPointer? {
        if let slot = ring.claim() { return slot }
        return claimSlotSpinning()
    }

    /// The full-ring path, kept out of line so the fast path stays small.
    @usableFromInline
    @inline(never)
    func claimSlotSpinning() -> UnsafeMutableRawBufferPointer? {
        for _ in 0..<spinLimit {
            if let slot = ring.claim() { return slot }
        }
        state.noteEnqueueFailure()
        return nil
    }

    @inlinable
    func publish(length: Int, type: UInt16, time: Int64) -> UInt64 {
        ring.publish(length: length, receiveTime: time, tag: UInt32(type))
        let sequence = nextSequence
        nextSequence = sequence &+ 1
        return sequence
    }

    // MARK: - Durability

    /// The highest sequence known durable (committed with fsync). Any thread; acquire ordering.
    public var durableSequence: UInt64 { state.durableSequence.load(ordering: .acquiring) }

    /// Asks the journal thread to commit what it has now instead of at the end of the interval. Any thread.
    public func requestCommit() {
        state.commitRequested.store(true, ordering: .relaxed)
    }

    /// Spins until `sequence` is durable (requesting an immediate commit), or `timeout` nanoseconds pass.
    ///
    /// - Returns: whether `sequence` is durable. False also when the writer failed.
    /// - Complexity: blocks (spinning) for up to one fsync plus one idle poll of the journal thread.
    public func waitUntilDurable(_ sequence: UInt64, timeout: Int64 = 1_000_000_000) -> Bool {
        if durableSequence >= sequence { return true }
        requestCommit()
        let deadline = MonotonicClock.nanoseconds() + timeout
        var polls = 0
        while durableSequence < sequence {
            polls &+= 1
            if polls & 1023 == 0 {
                if state.failed.load(ordering: .acquiring) || MonotonicClock.nanoseconds() > deadline { return false }
                // Again: the journal thread may have taken the first request for a commit that ran before it
                // had drained `sequence`.
                requestCommit()
            }
        }
        return true
    }

    // MARK: - Observing

    /// Records waiting in the ring (approximate while both threads run).
    public var queuedRecords: Int { ring.count }

    /// A snapshot of the counters. Any thread.
    public var statistics: JournalStatistics { state.statistics }
}
