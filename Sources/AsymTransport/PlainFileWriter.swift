import Glibc

/// The baseline append-only file writer: one staging buffer flushed with `pwrite(2)`, made durable with
/// `fdatasync(2)`/`fsync(2)`.
///
/// Same API and buffering as ``URingFileWriter`` so benchmarks can compare the two I/O paths in one run;
/// only the system calls differ. Errors are sticky ``FileWriterError``s. Not `Sendable`: a single owner.
///
/// - Complexity: `append` is a `memcpy`, plus a blocking `pwrite` each time the buffer fills.
///   `commit()` blocks until the device acknowledges the flush.
public final class PlainFileWriter: AppendOnlyFileWriter {
    public typealias OpenMode = URingFileWriter.OpenMode
    public typealias Configuration = URingFileWriter.Configuration
    public typealias Statistics = URingFileWriter.Statistics

    /// The configuration this writer was opened with; only `bufferSize` and `syncMode` apply.
    public let configuration: Configuration
    /// Counters since the writer was opened.
    public private(set) var statistics = Statistics()
    /// File offset the next appended byte will land at.
    public var offset: UInt64 { appendOffset }

    private let fd: Int32
    private let buffer: UnsafeMutableRawPointer
    private let bufferSize: Int
    private var fill = 0
    private let startOffset: UInt64
    private var appendOffset: UInt64
    private var durableOffset: UInt64
    private var failure: FileWriterError?
    private var isClosed = false

    /// Opens `path` for appending; see ``URingFileWriter/OpenMode``.
    public convenience init(
        path: String, mode: OpenMode = .truncate, configuration: Configuration = Configuration()
    ) throws(FileWriterError) {
        let opened = try URingFileWriter.openFile(path, mode: mode).mapError(FileWriterError.open).get()
        self.init(adoptingFileDescriptor: opened.fd, offset: opened.size, configuration: configuration)
    }

    /// Takes ownership of an open, writable `fd` (without `O_APPEND`) and appends from `offset`; closed on `close()`/deinit.
    public init(adoptingFileDescriptor fd: Int32, offset: UInt64, configuration: Configuration = Configuration()) {
        let pageSize = max(4096, sysconf(Int32(_SC_PAGESIZE)))
        self.bufferSize = (min(max(configuration.bufferSize, 1), 1 << 30) + pageSize - 1) / pageSize * pageSize
        self.fd = fd
        self.configuration = configuration
        self.startOffset = offset
        self.appendOffset = offset
        self.durableOffset = offset
        self.buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: pageSize)
        // Safety: just allocated with exactly `bufferSize` bytes; zeroing faults the pages in up front.
        buffer.initializeMemory(as: UInt8.self, repeating: 0, count: bufferSize)
    }

    deinit {
        if !isClosed {
            if failure == nil { try? flush() }
            release()
        }
    }

    /// Copies `bytes` into the staging buffer, writing it out each time it fills.
    public func append(_ bytes: UnsafeRawBufferPointer) throws(FileWriterError) {
        try checkUsable()
        guard var source = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let chunk = min(bufferSize - fill, remaining)
            // Safety: `fill + chunk <= bufferSize` keeps the destination inside `buffer`; `source` walks the
            // caller's buffer, valid for the duration of this call.
            (buffer + fill).copyMemory(from: source, byteCount: chunk)
            fill += chunk
            appendOffset += UInt64(chunk)
            statistics.bytesAppended += UInt64(chunk)
            remaining -= chunk
            source += chunk
            if fill == bufferSize { try flush() }
        }
    }

    /// Writes the buffer and flushes it to the device; a no-op when nothing was appended since the last commit.
    ///
    /// - Complexity: blocks for `pwrite` and the device flush.
    public func commit() throws(FileWriterError) {
        try checkUsable()
        guard durableOffset != appendOffset else { return }
        try flush()
        let synced = configuration.syncMode == .data ? Self._fdatasync(fd) : Self._fsync(fd)
        try synced.mapError { record(.sync($0)) }.get()
        statistics.fsyncs += 1
        durableOffset = appendOffset
        statistics.bytesDurable = appendOffset - startOffset
    }

    /// Commits, then frees the buffer and closes the descriptor, even when the commit fails.
    /// Later calls throw `.closed`; closing twice is a no-op.
    public func close() throws(FileWriterError) {
        guard !isClosed else { return }
        var outcome = failure
        if outcome == nil {
            do { try commit() } catch { outcome = error }
        }
        release()
        if let outcome { throw outcome }
    }

    private func checkUsable() throws(FileWriterError) {
        if isClosed { throw .closed }
        if let failure { throw failure }
    }

    /// Writes the whole buffer at its offset, resubmitting the remainder after short writes.
    private func flush() throws(FileWriterError) {
        var written = 0
        let bufferOffset = appendOffset - UInt64(fill)
        while written < fill {
            // Safety: `written < fill <= bufferSize`, so the range stays inside `buffer`.
            let result = Self._pwrite(fd, buffer + written, fill - written, bufferOffset + UInt64(written))
            statistics.writesSubmitted += 1
            let count = try result.mapError { record(.write($0)) }.get()
            guard count > 0 else {
                throw record(.shortWrite(offset: bufferOffset + UInt64(written), remaining: fill - written))
            }
            written += count
            statistics.bytesWritten += UInt64(count)
        }
        fill = 0
    }

    @discardableResult
    private func record(_ error: FileWriterError) -> FileWriterError {
        if failure == nil { failure = error }
        return failure ?? error
    }

    private func release() {
        isClosed = true
        buffer.deallocate()
        _ = Glibc.close(fd)
    }

    /// `pwrite(2)`, retrying `EINTR`. Safety: `bytes` must hold `count` readable bytes for the call.
    private static func _pwrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int, _ offset: UInt64) -> Result<Int, Errno> {
        while true {
            let result = pwrite(fd, bytes, count, off_t(offset))
            if result >= 0 { return .success(result) }
            if errno != EINTR { return .failure(.current) }
        }
    }

    /// `fdatasync(2)`; not retried on `EINTR`, since after a failed flush the kernel may already have dropped the error.
    private static func _fdatasync(_ fd: Int32) -> Result<Void, Errno> {
        fdatasync(fd) == 0 ? .success(()) : .failure(.current)
    }

    /// `fsync(2)`; not retried, for the same reason as ``_fdatasync(_:)``.
    private static func _fsync(_ fd: Int32) -> Result<Void, Errno> {
        fsync(fd) == 0 ? .success(()) : .failure(.current)
    }
}
