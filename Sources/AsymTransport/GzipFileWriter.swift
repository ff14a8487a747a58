/// Compresses appended bytes into one gzip member and hands the compressed output to a ``URingFileWriter``.
///
/// `append` feeds zlib's deflate, which writes into a fixed output buffer; each time that buffer fills it is appended
/// to the file writer (a `memcpy` into its staging buffers). `commit()` makes everything appended so far both
/// decodable (`Z_SYNC_FLUSH`) and durable (the file writer's group commit), so a crash loses at most the
/// uncommitted tail and the file reads back up to the last commit, then reports ``GzipError/truncated``.
/// `close()` writes the gzip trailer. Errors are sticky. Not `Sendable`: a single owner appends.
///
/// - Complexity: `append` is deflate's cost (level 6 ≈ tens of MB/s; level 1 several times faster), plus a
///   file-writer append per `outputCapacity` compressed bytes. Keep it off the hot path.
public final class GzipFileWriter {
    /// Size of the compressed-output buffer.
    public let outputCapacity: Int
    /// Uncompressed bytes appended so far.
    public private(set) var bytesAppended: UInt64 = 0
    /// Compressed bytes handed to the file writer so far.
    public private(set) var compressedBytesWritten: UInt64 = 0

    private let writer: URingFileWriter
    private let deflater: GzipDeflater
    private let output: UnsafeMutableRawBufferPointer
    private var outputFill = 0
    private var failure: GzipError?
    private var isClosed = false

    /// Compresses into `writer`, which this object now owns and closes. `level` is zlib's 0 (store) ... 9 (best).
    public init(writer: URingFileWriter, level: Int = 6, outputCapacity: Int = 256 << 10) throws(GzipError) {
        precondition((0...9).contains(level), "gzip level must be 0...9")
        switch GzipDeflater.make(level: Int32(level)) {
        case .success(let deflater):
            self.deflater = deflater
        case .failure(let error):
            try? writer.close()
            throw error
        }
        self.writer = writer
        self.outputCapacity = max(outputCapacity, 64)
        self.output = UnsafeMutableRawBufferPointer.allocate(byteCount: self.outputCapacity, alignment: 16)
    }

    /// Opens `path` through a new ``URingFileWriter``. With `.append`, a new gzip member follows the file's existing
    /// members, which readers (``GzipFileReader``, `gzip -d`) decode as one stream.
    public convenience init(
        path: String, mode: URingFileWriter.OpenMode = .truncate, level: Int = 6,
        configuration: URingFileWriter.Configuration = URingFileWriter.Configuration()
    ) throws(GzipError) {
        let writer: URingFileWriter
        do throws(FileWriterError) {
            writer = try URingFileWriter(path: path, mode: mode, configuration: configuration)
        } catch {
            if case .open(let errno) = error { throw .open(errno) }
            throw .write(error)
        }
        try self.init(writer: writer, level: level)
    }

    deinit {
        // Best effort without a trailer: what was synced stays readable (as a truncated member).
        if !isClosed { try? writer.close() }
        // Safety: the file writer copied every drained byte; zlib holds no pointer into `output` between calls.
        output.deallocate()
    }

    /// Compresses `bytes`; output reaches the file writer whenever the output buffer fills.
    public func append(_ bytes: UnsafeRawBufferPointer) throws(GzipError) {
        try checkUsable()
        guard !bytes.isEmpty else { return }
        try run(bytes, flush: .none)
        bytesAppended += UInt64(bytes.count)
    }

    /// Compresses `bytes`.
    public func append(_ bytes: [UInt8]) throws(GzipError) {
        var thrown: GzipError?
        // Safety: `raw` is only used inside the closure, where the array keeps it alive.
        bytes.withUnsafeBytes { raw in
            do throws(GzipError) { try append(raw) } catch { thrown = error }
        }
        if let thrown { throw thrown }
    }

    /// Flushes deflate (`Z_SYNC_FLUSH`) and commits the file writer: everything appended so far is decodable and
    /// durable when this returns. Each call costs a few bytes of compressed output and an fsync.
    public func commit() throws(GzipError) {
        try checkUsable()
        try run(UnsafeRawBufferPointer(start: nil, count: 0), flush: .sync)
        try drain()
        do throws(FileWriterError) { try writer.commit() } catch {
            failure = .write(error)
            throw .write(error)
        }
    }

    /// Ends the gzip member (`Z_FINISH`, writing the CRC-32/length trailer), then closes the file writer, which
    /// commits. Later calls throw ``GzipError/closed``; closing twice is a no-op.
    public func close() throws(GzipError) {
        guard !isClosed else { return }
        defer { isClosed = true }
        var outcome = failure
        if outcome == nil {
            do throws(GzipError) {
                try run(UnsafeRawBufferPointer(start: nil, count: 0), flush: .finish)
                try drain()
            } catch {
                outcome = error
            }
        }
        do throws(FileWriterError) { try writer.close() } catch { outcome = outcome ?? .write(error) }
        if let outcome { throw outcome }
    }

    private func checkUsable() throws(GzipError) {
        if isClosed { throw .closed }
        if let failure { throw failure }
    }

    /// Runs deflate until `input` is consumed and, for `.sync`/`.finish`, until the flush is complete.
    private func run(_ input: UnsafeRawBufferPointer, flush: GzipDeflater.Flush) throws(GzipError) {
        var offset = 0
        while true {
            if outputFill == outputCapacity { try drain() }
            let space = outputCapacity - outputFill
            // Safety: `offset <= input.count` and `outputFill < outputCapacity`, so both slices are in bounds; the
            // output buffer is owned by this writer, the input is the caller's for this call.
            let pending = UnsafeRawBufferPointer(rebasing: input[offset...])
            let free = UnsafeMutableRawBufferPointer(rebasing: output[outputFill...])
            let progress: GzipDeflater.Progress
            do throws(GzipError) {
                progress = try deflater.deflate(from: pending, into: free, flush: flush).get()
            } catch {
                failure = error
                throw error
            }
            offset += progress.consumed
            outputFill += progress.produced
            switch flush {
            case .none:
                if offset == input.count { return }
            case .sync:
                // zlib's rule: the flush is complete once deflate returns with output space left over.
                if offset == input.count && progress.produced < space { return }
            case .finish:
                if progress.finished { return }
            }
        }
    }

    /// Appends the compressed bytes gathered so far to the file writer.
    private func drain() throws(GzipError) {
        guard outputFill > 0 else { return }
        // Safety: `output[0..<outputFill]` was written by deflate; the file writer copies it before returning.
        let ready = UnsafeRawBufferPointer(rebasing: output[0..<outputFill])
        do throws(FileWriterError) {
            try writer.append(ready)
        } catch {
            failure = .write(error)
            throw .write(error)
        }
        compressedBytesWritten += UInt64(outputFill)
        outputFill = 0
    }
}
