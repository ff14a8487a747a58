import AsymCore
import AsymTransport
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The journal thread's side: recovers the directory on open, then frames records from the ring into segments,
/// rotates them and group-commits.
///
/// Records are framed into a 256 KiB scratch buffer and handed to the file writer in one `append` per batch, so
/// the writer's per-call checks are paid per batch, not per record (one extra `memcpy` of small records).
final class JournalSink<FileWriter: AppendOnlyFileWriter>: JournalDrainLoop, @unchecked Sendable {
    // @unchecked Sendable: created on the opener's thread, then used only by the journal thread (thread creation
    // orders the two); `recovery` is immutable.
    typealias MakeFile = (String, URingFileWriter.OpenMode) throws(FileWriterError) -> FileWriter

    private(set) var recovery: JournalRecovery
    private let state: JournalState
    private let configuration: JournalConfiguration
    private let makeFile: MakeFile
    private var file: FileWriter?
    private var segmentBytes = 0
    private var segmentRecords = 0
    private var nextSequence: UInt64
    // Safety: `scratchCapacity` bytes allocated in init, freed in deinit; only this object touches them.
    private let scratch: UnsafeMutableRawPointer
    private let scratchCapacity: Int
    private var scratchFill = 0
    private var pendingRecords = 0
    private var pendingBytes = 0
    private var oldestPending: Int64 = 0

    /// Opens (or creates) the directory: scans the last segment, truncates a torn tail, and readies the writer.
    ///
    /// - Complexity: O(size of the last segment); older segments are not read.
    init(state: JournalState, configuration: JournalConfiguration, makeFile: @escaping MakeFile) throws(JournalError) {
        self.state = state
        self.configuration = configuration
        self.makeFile = makeFile
        scratchCapacity = max(256 << 10, 2 * configuration.slotSize + 2 * JournalRecordLayout.overhead)
        scratch = UnsafeMutableRawPointer.allocate(byteCount: scratchCapacity, alignment: 64)
        nextSequence = 1
        recovery = JournalRecovery(segments: 0, lastSequence: 0, tornTailTruncated: false, tornTailBytes: 0,
                                   recordsInLastSegment: 0)
        do {
            recovery = try open()
        } catch {
            try? file?.close()
            file = nil
            throw error
        }
    }

    deinit {
        try? file?.close()
        scratch.deallocate()
    }

    // MARK: - Opening

    private func open() throws(JournalError) -> JournalRecovery {
        let directory = configuration.directory
        try JournalFileSystem.createDirectory(directory)
        let segments = try JournalFileSystem.segments(in: directory)
        guard let last = segments.last else {
            try startSegment(firstSequence: 1)
            return JournalRecovery(segments: 1, lastSequence: 0, tornTailTruncated: false, tornTailBytes: 0,
                                   recordsInLastSegment: 0)
        }
        let scan: JournalSegmentScan
        let headerPresent: Bool
        do {
            let mapped = try JournalMappedFile(path: last.path)
            scan = JournalSegmentScanner.scan(mapped.bytes, expectedFirstSequence: last.firstSequence,
                                              skipCorruption: false) { _ in }
            headerPresent = JournalSegmentHeader.decode(mapped.bytes) != nil
        }  // unmapped here, before any truncation
        var recovery = JournalRecovery(
            segments: segments.count, lastSequence: scan.lastSequence ?? (last.firstSequence &- 1),
            tornTailTruncated: false, tornTailBytes: 0, recordsInLastSegment: scan.records)
        nextSequence = recovery.lastSequence &+ 1
        switch scan.ending {
        case .corrupt(let offset, _):
            if offset == 0 && headerPresent { throw .badSegmentHeader(path: last.path) }
            throw .corruptRecord(path: last.path, offset: UInt64(offset))
        case .torn(let offset) where scan.header == nil:
            if headerPresent { throw .badSegmentHeader(path: last.path) }
            // The header itself never reached the disk: start the segment again.
            try JournalFileSystem.truncate(last.path, to: 0)
            recovery.tornTailTruncated = true
            recovery.tornTailBytes = UInt64(scan.fileSize - offset)
            try startSegment(firstSequence: last.firstSequence, counted: false)
            return recovery
        case .torn(let offset):
            try JournalFileSystem.truncate(last.path, to: UInt64(offset))
            recovery.tornTailTruncated = true
            recovery.tornTailBytes = UInt64(scan.fileSize - offset)
        case .clean:
            break
        }
        file = try writerCall { () throws(FileWriterError) in try makeFile(last.path, .append) }
        segmentBytes = scan.validEnd
        segmentRecords = scan.records
        return recovery
    }

    /// Creates the segment for `firstSequence`, makes its name durable, and commits its header.
    private func startSegment(firstSequence: UInt64, counted: Bool = true) throws(JournalError) {
        let directory = configuration.directory
        let path = directory + "/" + JournalSegmentHeader.fileName(firstSequence: firstSequence)
        let created = try writerCall { () throws(FileWriterError) in try makeFile(path, .truncate) }
        file = created
        try JournalFileSystem.syncDirectory(directory)
        let header = JournalSegmentHeader(firstSequence: firstSequence).encoded()
        try writerCall { () throws(FileWriterError) in
            try created.append(header)
            try created.commit()
        }
        segmentBytes = header.count
        segmentRecords = 0
        state.bytesWritten.add(UInt64(header.count), ordering: .relaxed)
        if counted { state.segmentsCreated.add(1, ordering: .relaxed) }
    }

    private func writerCall<Result>(_ body: () throws(FileWriterError) -> Result) throws(JournalError) -> Result {
        do { return try body() } catch { throw .writer(error) }
    }

    // MARK: - The loop

    func run() {
        var idlePolls = 0
        do {
            while true {
                var now = MonotonicClock.nanoseconds()
                let drained = try drain(limit: 8192, now: now)
                if drained > 0 {
                    idlePolls = 0
                    now = MonotonicClock.nanoseconds()
                }
                if pendingRecords > 0 && commitDue(now: now) { try commit() }
                guard drained == 0 else { continue }
                if state.stopRequested.load(ordering: .acquiring) {
                    // Acquire pairs with close()'s release: every record published before it is visible now.
                    if try drain(limit: .max, now: now) == 0 { break }
                    continue
                }
                idlePolls += 1
                if idlePolls > 256 { sleep(now: now) }
            }
            if pendingRecords > 0 { try commit() }
            try writerCall { () throws(FileWriterError) in try file?.close() }
            file = nil
        } catch {
            // Stop consuming: the producer's appends now fill the ring and fail, which the engine treats as a
            // reason to halt. Nothing after the failure is written out of order.
            state.recordFailure(error)
            while !state.stopRequested.load(ordering: .acquiring) { sleep(nanoseconds: 1_000_000) }
        }
    }

    private func commitDue(now: Int64) -> Bool {
        if state.commitRequested.load(ordering: .relaxed) {
            state.commitRequested.store(false, ordering: .relaxed)
            return true
        }
        return pendingBytes >= configuration.commitBytes || now - oldestPending >= configuration.commitInterval
    }

    /// Frames up to `limit` records from the ring into the scratch buffer, rotating segments as they fill.
    private func drain(limit: Int, now: Int64) throws(JournalError) -> Int {
        let ring = state.ring
        var count = 0
        var bytes = 0
        while count < limit, let frame = ring.front() {
            let size = JournalRecordLayout.overhead + frame.bytes.count
            if segmentRecords > 0 && segmentBytes + size > configuration.segmentSize { try rotate() }
            if scratchFill + size > scratchCapacity { try flushScratch() }
            // Safety: the check above leaves `size` bytes free at `scratch + scratchFill`.
            _ = JournalRecordLayout.encode(
                into: scratch + scratchFill, type: UInt16(truncatingIfNeeded: frame.tag), sequence: nextSequence,
                time: frame.receiveTime, payload: frame.bytes)
            ring.popFront()
            if pendingRecords == 0 { oldestPending = now }
            nextSequence &+= 1
            scratchFill += size
            segmentBytes += size
            segmentRecords += 1
            pendingRecords += 1
            pendingBytes += size
            bytes += size
            count += 1
        }
        if count > 0 {
            state.recordsWritten.add(UInt64(count), ordering: .relaxed)
            state.bytesWritten.add(UInt64(bytes), ordering: .relaxed)
            state.writtenSequence.store(nextSequence &- 1, ordering: .relaxed)
        }
        return count
    }

    private func flushScratch() throws(JournalError) {
        guard scratchFill > 0, let file else { return }
        let bytes = UnsafeRawBufferPointer(start: scratch, count: scratchFill)
        try writerCall { () throws(FileWriterError) in try file.append(bytes) }
        scratchFill = 0
    }

    /// Flushes, fsyncs, and publishes everything framed so far as durable.
    private func commit() throws(JournalError) {
        try flushScratch()
        guard let file else { return }
        let started = MonotonicClock.nanoseconds()
        try writerCall { () throws(FileWriterError) in try file.commit() }
        let elapsed = UInt64(max(0, MonotonicClock.nanoseconds() - started))
        state.commits.add(1, ordering: .relaxed)
        state.commitNanoseconds.add(elapsed, ordering: .relaxed)
        if elapsed > state.maximumCommitNanoseconds.load(ordering: .relaxed) {
            state.maximumCommitNanoseconds.store(elapsed, ordering: .relaxed)
        }
        // Release: a thread that acquires this value sees the journal's counters up to here; the bytes are on disk.
        state.durableSequence.store(nextSequence &- 1, ordering: .releasing)
        pendingRecords = 0
        pendingBytes = 0
    }

    /// Commits and closes the full segment, then starts the next at the next sequence.
    private func rotate() throws(JournalError) {
        if pendingRecords > 0 { try commit() }
        try writerCall { () throws(FileWriterError) in try file?.close() }
        file = nil
        try startSegment(firstSequence: nextSequence)
    }

    /// Sleeps for the idle interval, or less when a commit falls due sooner.
    private func sleep(now: Int64) {
        var duration = configuration.idleSleep
        if pendingRecords > 0 { duration = min(duration, oldestPending + configuration.commitInterval - now) }
        if duration > 0 { sleep(nanoseconds: duration) }
    }

    /// `nanosleep(2)`; an early wake-up (signal) only means polling sooner.
    private func sleep(nanoseconds: Int64) {
        var request = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        _ = nanosleep(&request, nil)
    }
}
