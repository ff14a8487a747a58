import Glibc

/// An append-only file writer that batches bytes in page-aligned staging buffers and writes them through io_uring.
///
/// `append` copies into the current staging buffer; a full buffer goes out as one write SQE
/// (`io_uring_prep_write`) at the file offset it belongs to and is recycled when its completion
/// arrives. `commit()` submits the partial buffer plus an `IOSQE_IO_DRAIN` fsync/fdatasync
/// (`io_uring_prep_fsync`) in one `io_uring_enter` and returns once everything is durable: a group commit.
///
/// Short writes are resubmitted for the remainder. Errors surface as ``FileWriterError`` carrying
/// `errno` and are sticky. The writer tracks offsets itself, so nobody else may append to the file
/// meanwhile. Not `Sendable`: a single owner appends and commits.
///
/// - Complexity: `append` is a `memcpy`, plus one submit syscall each time a buffer fills; it blocks
///   only when every buffer is in flight. `commit()` blocks until the device acknowledges the flush.
public final class URingFileWriter: AppendOnlyFileWriter {
    /// The geometry this writer was opened with (before clamping).
    public let configuration: Configuration
    /// Counters since the writer was opened.
    public private(set) var statistics = Statistics()
    /// File offset the next appended byte will land at.
    public var offset: UInt64 { appendOffset }

    /// user_data of the fsync SQE; write SQEs carry their buffer index.
    private static let syncTag = UInt64.max

    private let fd: Int32
    private let ring: URing
    /// `bufferCount × bufferSize` page-aligned bytes; buffer `i` starts at `i × bufferSize`.
    private let storage: UnsafeMutableRawPointer
    private let bufferSize: Int
    private var buffers: [URingStagingBuffer]
    /// Buffers neither being filled nor in flight.
    private var freeBuffers: [Int]
    /// The buffer `append` is filling, if any.
    private var current: Int?
    private var currentFill = 0
    private let startOffset: UInt64
    private var appendOffset: UInt64
    private var durableOffset: UInt64
    private var writesInFlight = 0
    private var syncInFlight = false
    private var syncError: Errno?
    /// Between submitting a commit's fsync and reaping it: remainders resubmitted then are not covered by it.
    private var syncRoundActive = false
    private var resubmittedDuringSync = false
    private var failure: FileWriterError?
    private var isClosed = false

    /// Opens `path` for appending; see ``OpenMode``.
    public convenience init(
        path: String, mode: OpenMode = .truncate, configuration: Configuration = Configuration()
    ) throws(FileWriterError) {
        let opened = try Self.openFile(path, mode: mode).mapError(FileWriterError.open).get()
        try self.init(adoptingFileDescriptor: opened.fd, offset: opened.size, configuration: configuration)
    }

    /// Takes ownership of an open, writable `fd` (without `O_APPEND`, which would ignore the offsets) and appends
    /// from `offset`; the descriptor is closed on `close()`/deinit, or right away if this initializer throws. It is
    /// not validated here: a bad one surfaces as `.write(.badFileDescriptor)` on the first write.
    public init(
        adoptingFileDescriptor fd: Int32, offset: UInt64, configuration: Configuration = Configuration()
    ) throws(FileWriterError) {
        let pageSize = max(4096, sysconf(Int32(_SC_PAGESIZE)))
        let count = max(1, configuration.bufferCount)
        let size = (min(max(configuration.bufferSize, 1), 1 << 30) + pageSize - 1) / pageSize * pageSize
        // +2: a commit queues its partial-buffer write and the fsync together.
        switch URing.make(entries: UInt32(count + 2)) {
        case .success(let ring):
            self.ring = ring
        case .failure(let errno):
            _ = Glibc.close(fd)
            throw .uringUnavailable(errno)
        }
        self.fd = fd
        self.configuration = configuration
        self.bufferSize = size
        self.startOffset = offset
        self.appendOffset = offset
        self.durableOffset = offset
        self.buffers = Array(repeating: URingStagingBuffer(), count: count)
        self.freeBuffers = Array((0..<count).reversed())
        self.storage = UnsafeMutableRawPointer.allocate(byteCount: count * size, alignment: pageSize)
        // Safety: `storage` was just allocated with exactly `count * size` bytes. Zeroing also faults the pages in
        // now rather than on the append hot path.
        storage.initializeMemory(as: UInt8.self, repeating: 0, count: count * size)
    }

    deinit {
        guard !isClosed else { return }
        // Best effort, no fsync: errors are only observable through close().
        if failure == nil { try? submitCurrent(now: true) }
        release()
    }

    /// Copies `bytes` into the staging buffers; bytes may span buffers, and each buffer that fills is submitted.
    public func append(_ bytes: UnsafeRawBufferPointer) throws(FileWriterError) {
        try checkUsable()
        guard var source = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let index = try currentBuffer()
            let chunk = min(bufferSize - currentFill, remaining)
            // Safety: `index < buffers.count` and `currentFill + chunk <= bufferSize`, so the destination stays inside
            // buffer `index`, which is not in flight while it is current; `source` walks the caller's buffer, valid
            // for the duration of this call.
            (storage + index * bufferSize + currentFill).copyMemory(from: source, byteCount: chunk)
            currentFill += chunk
            appendOffset += UInt64(chunk)
            statistics.bytesAppended += UInt64(chunk)
            remaining -= chunk
            source += chunk
            if currentFill == bufferSize { try submitCurrent(now: true) }
        }
    }

    /// Makes everything appended so far durable: submits the partial buffer and a draining fsync/fdatasync,
    /// then waits for all of it. A no-op (no syscall) when nothing was appended since the last commit.
    ///
    /// - Complexity: one `io_uring_enter` to submit, then blocks for the device flush.
    public func commit() throws(FileWriterError) {
        try checkUsable()
        let hasPartial = current != nil && currentFill > 0
        guard hasPartial || writesInFlight > 0 || durableOffset != appendOffset else { return }
        if hasPartial { try submitCurrent(now: false) }
        let target = appendOffset
        repeat {
            resubmittedDuringSync = false
            syncRoundActive = true
            let queued = ring.prepareDrainingSync(fd: fd, dataOnly: configuration.syncMode == .data, userData: Self.syncTag)
            try queued.mapError { record(.submit($0)) }.get()
            syncInFlight = true
            try submit(waitingFor: 1)
            while syncInFlight || writesInFlight > 0 { try reap(wait: true) }
            syncRoundActive = false
            if let failure { throw failure }
            if let errno = syncError {
                syncError = nil
                throw record(.sync(errno))
            }
        } while resubmittedDuringSync
        durableOffset = target
        statistics.bytesDurable = target - startOffset
    }

    /// Commits, then releases the ring, the buffers and the descriptor. Later calls throw `.closed`;
    /// closing twice is a no-op. Resources are released even when the commit fails.
    public func close() throws(FileWriterError) {
        guard !isClosed else { return }
        var outcome = failure
        if outcome == nil {
            do { try commit() } catch { outcome = error }
        }
        release()
        if let outcome { throw outcome }
    }

    // MARK: - Buffers

    private func checkUsable() throws(FileWriterError) {
        if isClosed { throw .closed }
        if let failure { throw failure }
    }

    /// The buffer being filled, taking a free one (waiting for a completion if none) when there is none.
    private func currentBuffer() throws(FileWriterError) -> Int {
        if let current { return current }
        try reap(wait: false)
        while freeBuffers.isEmpty { try reap(wait: true) }
        if let failure { throw failure }
        let index = freeBuffers.removeLast()
        buffers[index] = URingStagingBuffer(fileOffset: appendOffset, length: 0, completed: 0)
        current = index
        currentFill = 0
        return index
    }

    /// Hands the current buffer to the kernel (or back to the free list if empty); `now` also submits it.
    private func submitCurrent(now: Bool) throws(FileWriterError) {
        guard let index = current else { return }
        current = nil
        defer { currentFill = 0 }
        guard currentFill > 0 else {
            freeBuffers.append(index)
            return
        }
        buffers[index].length = currentFill
        try queueWrite(index)
        if now { try submit(waitingFor: 0) }
    }

    /// Queues a write SQE for the unwritten remainder of buffer `index`.
    private func queueWrite(_ index: Int) throws(FileWriterError) {
        let buffer = buffers[index]
        let length = min(buffer.length - buffer.completed, configuration.maximumWriteLength)
        // Safety: points inside buffer `index`, which is neither free nor current until its completion is reaped,
        // so nothing writes to it while the kernel reads it.
        let address = UnsafeRawPointer(storage + index * bufferSize + buffer.completed)
        let queued = ring.prepareWrite(
            fd: fd, buffer: address, length: UInt32(length),
            offset: buffer.fileOffset + UInt64(buffer.completed), userData: UInt64(index))
        guard case .success = queued else {
            freeBuffers.append(index)
            if case .failure(let errno) = queued { throw record(.submit(errno)) }
            return
        }
        writesInFlight += 1
        statistics.writesSubmitted += 1
    }

    // MARK: - Ring

    private func submit(waitingFor waitCount: UInt32) throws(FileWriterError) {
        _ = try ring.submit(waitingFor: waitCount).mapError { record(.submit($0)) }.get()
    }

    /// Handles every ready completion; with `wait`, first blocks until there is at least one.
    private func reap(wait: Bool) throws(FileWriterError) {
        var handled = false
        while true {
            if let completion = ring.peekCompletion() {
                handle(userData: completion.userData, result: completion.result)
                handled = true
            } else if handled || !wait {
                return
            } else {
                try submit(waitingFor: 1)
            }
        }
    }

    private func handle(userData: UInt64, result: Int32) {
        if userData == Self.syncTag {
            syncInFlight = false
            if result < 0 { syncError = Errno(rawValue: -result) } else { statistics.fsyncs += 1 }
            return
        }
        let index = Int(userData)
        writesInFlight -= 1
        guard result > 0 else {
            let buffer = buffers[index]
            record(result < 0
                ? .write(Errno(rawValue: -result))
                : .shortWrite(offset: buffer.fileOffset + UInt64(buffer.completed), remaining: buffer.length - buffer.completed))
            freeBuffers.append(index)
            return
        }
        buffers[index].completed += Int(result)
        statistics.bytesWritten += UInt64(result)
        guard buffers[index].completed < buffers[index].length, failure == nil else {
            freeBuffers.append(index)
            return
        }
        // Short write: resubmit the remainder at its own offset.
        if syncRoundActive { resubmittedDuringSync = true }
        do {
            try queueWrite(index)
            try submit(waitingFor: 0)
        } catch {
            // Already recorded as the writer's failure; the buffer went back to the free list if it was not queued.
        }
    }

    /// Remembers the first failure (later ones are consequences) and returns it for throwing.
    @discardableResult
    private func record(_ error: FileWriterError) -> FileWriterError {
        if failure == nil { failure = error }
        return failure ?? error
    }

    /// Waits for in-flight operations, then frees the buffers and closes the descriptor.
    private func release() {
        isClosed = true
        current = nil
        var drained = true
        while writesInFlight > 0 || syncInFlight {
            do { try reap(wait: true) } catch {
                drained = false
                break
            }
        }
        // Safety: only freed once no SQE can still reference it; if draining failed we leak rather than risk the
        // kernel reading freed memory.
        if drained { storage.deallocate() }
        _ = Glibc.close(fd)
    }

    /// Opens `path` write-only per `mode` (the Result layer over `open(2)` + `fstat(2)`); returns the descriptor and
    /// the offset appends start at.
    static func openFile(_ path: String, mode: OpenMode) -> Result<(fd: Int32, size: UInt64), Errno> {
        var flags = O_WRONLY | O_CREAT | O_CLOEXEC
        if mode == .truncate { flags |= O_TRUNC }
        var fd: Int32
        repeat { fd = Glibc.open(path, flags, 0o644) } while fd < 0 && errno == EINTR
        guard fd >= 0 else { return .failure(.current) }
        guard mode == .append else { return .success((fd, 0)) }
        var info = stat()
        // Safety: `info` is a live stat buffer for the duration of the call.
        guard fstat(fd, &info) == 0 else {
            let failure = Errno.current
            _ = Glibc.close(fd)
            return .failure(failure)
        }
        return .success((fd, UInt64(info.st_size)))
    }
}
