import Glibc

/// Appends hftbacktest-collector lines — `<receive ns><space><frame>\n` — to a recording through the io_uring file
/// writer, optionally gzip-compressed (by file name, or explicitly).
///
/// Meant for the recorder thread, off the hot path: each line is three appends (timestamp text, frame, newline)
/// into deflate or the staging buffers. `commit()` makes every line so far durable (and, for `.gz`, decodable);
/// `close()` also writes the gzip trailer. A `.gz` opened with `.append` gets a new gzip member, which readers decode
/// as one stream. Errors are sticky. Not `Sendable`: a single owner appends.
///
/// - Complexity: `append` is a `memchr` over the frame plus `memcpy`s (plain) or deflate (gzip).
public final class RecordingWriter {
    /// Compression of the file.
    public let compression: RecordingCompression
    /// Lines appended so far.
    public private(set) var linesWritten = 0

    /// Where the bytes go; an enum, not an existential, so each append is a direct call.
    private enum Sink {
        case plain(URingFileWriter)
        case gzip(GzipFileWriter)
    }

    private let sink: Sink
    /// Scratch for the timestamp text: 19 digits and the space.
    private let scratch: UnsafeMutableRawBufferPointer
    private var isClosed = false

    /// Opens `path` for recording; `compression` defaults to the file name's (`.gz` ⇒ gzip).
    public init(
        path: String, compression: RecordingCompression? = nil, mode: URingFileWriter.OpenMode = .truncate,
        gzipLevel: Int = 6, configuration: URingFileWriter.Configuration = URingFileWriter.Configuration()
    ) throws(RecordingError) {
        let compression = compression ?? RecordingCompression(path: path)
        self.compression = compression
        switch compression {
        case .none:
            do throws(FileWriterError) {
                sink = .plain(try URingFileWriter(path: path, mode: mode, configuration: configuration))
            } catch {
                if case .open(let errno) = error { throw .open(errno) }
                throw .write(error)
            }
        case .gzip:
            do throws(GzipError) {
                sink = .gzip(try GzipFileWriter(path: path, mode: mode, level: gzipLevel, configuration: configuration))
            } catch {
                if case .open(let errno) = error { throw .open(errno) }
                throw .gzip(error)
            }
        }
        scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 20, alignment: 8)
    }

    // Safety: nothing holds the scratch after the writer is gone.
    deinit { scratch.deallocate() }

    /// Appends one line. `frame` must not contain a newline.
    public func append(receiveTimeNanoseconds: Int64, frame: UnsafeRawBufferPointer) throws(RecordingError) {
        if isClosed { throw .closed }
        guard receiveTimeNanoseconds >= 0 else { throw .negativeTimestamp }
        // Safety: `frame` is the caller's buffer, valid for this call; memchr reads only its `count` bytes.
        if let base = frame.baseAddress, memchr(base, Int32(UInt8(ascii: "\n")), frame.count) != nil {
            throw .frameContainsNewline
        }
        // Timestamp digits are produced backwards at the tail of the scratch, followed by the space.
        // Safety: every index written below is in 0..<20 (at most 19 digits precede index 19), inside the scratch
        // this writer owns.
        var value = UInt64(receiveTimeNanoseconds)
        var position = 19
        scratch[19] = UInt8(ascii: " ")
        repeat {
            position -= 1
            scratch[position] = UInt8(ascii: "0") &+ UInt8(value % 10)
            value /= 10
        } while value > 0
        // Safety: `position...19` lies inside the 20-byte scratch, which this writer owns.
        try write(UnsafeRawBufferPointer(rebasing: scratch[position..<20]))
        try write(frame)
        // Safety: the newline is the scratch's last byte, rewritten here (the space was already written out).
        scratch[19] = UInt8(ascii: "\n")
        try write(UnsafeRawBufferPointer(rebasing: scratch[19..<20]))
        linesWritten += 1
    }

    /// Appends one line from an array.
    public func append(receiveTimeNanoseconds: Int64, frame: [UInt8]) throws(RecordingError) {
        var thrown: RecordingError?
        // Safety: `raw` is only used inside the closure, where the array keeps it alive.
        frame.withUnsafeBytes { raw in
            do throws(RecordingError) { try append(receiveTimeNanoseconds: receiveTimeNanoseconds, frame: raw) } catch {
                thrown = error
            }
        }
        if let thrown { throw thrown }
    }

    /// Makes every line appended so far durable (group commit; for `.gz` also a deflate sync flush).
    public func commit() throws(RecordingError) {
        if isClosed { throw .closed }
        switch sink {
        case .plain(let writer):
            do throws(FileWriterError) { try writer.commit() } catch { throw .write(error) }
        case .gzip(let writer):
            do throws(GzipError) { try writer.commit() } catch { throw .gzip(error) }
        }
    }

    /// Commits and closes (writing the gzip trailer). Closing twice is a no-op.
    public func close() throws(RecordingError) {
        guard !isClosed else { return }
        isClosed = true
        switch sink {
        case .plain(let writer):
            do throws(FileWriterError) { try writer.close() } catch { throw .write(error) }
        case .gzip(let writer):
            do throws(GzipError) { try writer.close() } catch { throw .gzip(error) }
        }
    }

    private func write(_ bytes: UnsafeRawBufferPointer) throws(RecordingError) {
        switch sink {
        case .plain(let writer):
            do throws(FileWriterError) { try writer.append(bytes) } catch { throw .write(error) }
        case .gzip(let writer):
            do throws(GzipError) { try writer.append(bytes) } catch { throw .gzip(error) }
        }
    }
}
