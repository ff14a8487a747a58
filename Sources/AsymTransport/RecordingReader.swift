import Glibc

/// Streams an hftbacktest-collector recording — one `<receive ns><space><raw frame>\n` line per received frame —
/// plain or `.gz` (by file name), in bounded memory.
///
/// One line buffer of `maximumLineLength + 1` bytes holds the unread tail; lines are found with `memchr` and handed
/// out as views into it (``RecordingLine``), valid until the next call. A partial line is moved to the front before
/// each refill. Malformed lines are skipped and counted, or thrown (``Configuration/throwsOnMalformedLine``); an
/// over-long line is skipped up to its newline without growing the buffer. Not `Sendable`: a single owner reads.
///
/// - Complexity: O(bytes); per line one `memchr` plus the digits of the timestamp. One `read(2)` (or one inflate
///   call) per `readChunkSize` bytes; no allocation after `init`.
public final class RecordingReader {
    /// The configuration this reader was opened with.
    public let configuration: Configuration
    /// Compression of the file, from its name.
    public let compression: RecordingCompression
    /// Counters since the reader was opened.
    public private(set) var statistics = Statistics()
    /// Size of the line buffer: `maximumLineLength + 1` (room for the newline). The reader never holds more.
    public var bufferCapacity: Int { capacity }
    /// Size of the gzip layer's compressed-input buffer, or 0 for a plain file.
    public var gzipInputCapacity: Int { gzip?.inputCapacity ?? 0 }

    private let capacity: Int
    private let buffer: UnsafeMutableRawPointer
    /// Unread bytes are `buffer[start..<end]`; `scan` is where the next newline search resumes.
    private var start = 0
    private var end = 0
    private var scan = 0
    /// Inside an over-long line: bytes are dropped until its newline.
    private var discarding = false
    private var lineNumber = 0
    private var atEndOfFile = false
    /// Plain files read here; `.gz` files through `gzip` (which owns its own descriptor).
    private let fd: Int32
    private let gzip: GzipFileReader?
    private var isClosed = false

    /// Opens `path`; `.gz` files are decompressed on the fly.
    public init(path: String, configuration: Configuration = Configuration()) throws(RecordingError) {
        self.configuration = configuration
        self.compression = RecordingCompression(path: path)
        var fd: Int32
        repeat { fd = Glibc.open(path, O_RDONLY | O_CLOEXEC) } while fd < 0 && errno == EINTR
        guard fd >= 0 else { throw .open(.current) }
        if compression == .gzip {
            do throws(GzipError) {
                gzip = try GzipFileReader(adoptingFileDescriptor: fd, inputCapacity: configuration.gzipInputCapacity)
            } catch {
                throw .gzip(error)
            }
            self.fd = -1
        } else {
            gzip = nil
            self.fd = fd
        }
        capacity = configuration.maximumLineLength + 1
        buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 64)
    }

    deinit { release() }

    /// The next well-formed line, or `nil` at the end of the file.
    ///
    /// The returned ``RecordingLine/frame`` is valid only until the next call on this reader.
    public func next() throws(RecordingError) -> RecordingLine? {
        if isClosed { throw .closed }
        while true {
            let remaining = end - scan
            // Safety: `scan <= end <= capacity`, so the search stays inside the buffer.
            // `newline` points into the buffer; only its offset is kept.
            if remaining > 0, let newline = memchr(buffer + scan, Int32(UInt8(ascii: "\n")), remaining) {
                let lineStart = start
                let lineEnd = buffer.distance(to: newline)
                start = lineEnd + 1
                scan = start
                lineNumber += 1
                if discarding {
                    discarding = false
                    try reject(.tooLong)
                    continue
                }
                switch parse(from: lineStart, to: lineEnd) {
                case .success(let line):
                    statistics.lines += 1
                    return line
                case .failure(let defect):
                    try reject(defect)
                    continue
                }
            }
            scan = end
            if atEndOfFile { return try finish() }
            makeRoom()
            try refill()
        }
    }

    /// Calls `body` for every well-formed line until the end of the file; `line.frame` is valid only inside `body`.
    public func forEachLine(_ body: (RecordingLine) -> Void) throws(RecordingError) {
        while let line = try next() { body(line) }
    }

    /// Closes the file and frees the buffer; later calls throw ``RecordingError/closed``.
    public func close() { release() }

    // MARK: - Lines

    /// Splits `buffer[from..<to]` into timestamp and frame.
    private func parse(from lineStart: Int, to lineEnd: Int) -> Result<RecordingLine, RecordingLineDefect> {
        let length = lineEnd - lineStart
        // Safety: `lineStart <= lineEnd <= end <= capacity`.
        guard length > 0, let space = memchr(buffer + lineStart, Int32(UInt8(ascii: " ")), length) else {
            return .failure(.missingSeparator)
        }
        let spaceIndex = buffer.distance(to: space)
        let digits = spaceIndex - lineStart
        guard digits >= 1 && digits <= 19 else { return .failure(.invalidTimestamp) }
        var value: Int64 = 0
        for index in lineStart..<spaceIndex {
            // Safety: `index` lies inside the current line.
            let digit = buffer.load(fromByteOffset: index, as: UInt8.self) &- UInt8(ascii: "0")
            guard digit < 10 else { return .failure(.invalidTimestamp) }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int64(digit))
            guard !overflow1 && !overflow2 else { return .failure(.invalidTimestamp) }
            value = sum
        }
        // Safety: the frame is `buffer[space + 1 ..< lineEnd]`, inside the buffer; it stays untouched until the next
        // call, which is the documented lifetime of `RecordingLine.frame`.
        let frame = UnsafeRawBufferPointer(start: buffer + spaceIndex + 1, count: lineEnd - spaceIndex - 1)
        return .success(RecordingLine(receiveTimeNanoseconds: value, frame: frame, lineNumber: lineNumber))
    }

    /// Counts a malformed line, or throws it when so configured.
    private func reject(_ defect: RecordingLineDefect) throws(RecordingError) {
        statistics.malformedLines += 1
        switch defect {
        case .missingSeparator: statistics.missingSeparator += 1
        case .invalidTimestamp: statistics.invalidTimestamp += 1
        case .tooLong: statistics.tooLong += 1
        case .unterminated: statistics.unterminated += 1
        }
        if configuration.throwsOnMalformedLine { throw .malformedLine(lineNumber: lineNumber, defect) }
    }

    /// At end of file with no newline left: a leftover partial line is a defect.
    private func finish() throws(RecordingError) -> RecordingLine? {
        if discarding {
            discarding = false
            lineNumber += 1
            try reject(.tooLong)
        } else if end > start {
            start = end
            lineNumber += 1
            try reject(.unterminated)
        }
        return nil
    }

    // MARK: - Buffer

    /// Ensures free space after `end`: drops the bytes of an over-long line, or moves a partial line to the front.
    private func makeRoom() {
        if discarding {
            start = 0
            end = 0
            scan = 0
            return
        }
        if end - start == capacity {
            // A whole buffer without a newline: the line is longer than the maximum. Skip it up to its newline.
            discarding = true
            start = 0
            end = 0
            scan = 0
            return
        }
        guard start > 0 else { return }
        let pending = end - start
        // Safety: source and destination lie inside the buffer; `memmove` allows the overlap.
        if pending > 0 { memmove(buffer, buffer + start, pending) }
        start = 0
        end = pending
        scan = pending
    }

    /// Reads the next chunk after `end`; sets `atEndOfFile` when the source is exhausted.
    private func refill() throws(RecordingError) {
        let count = min(capacity - end, configuration.readChunkSize)
        assert(count > 0, "makeRoom leaves free space")
        // Safety: `end + count <= capacity`, so the destination lies inside the buffer.
        let destination = UnsafeMutableRawBufferPointer(start: buffer + end, count: count)
        let produced: Int
        if let gzip {
            do throws(GzipError) { produced = try gzip.read(into: destination) } catch { throw .gzip(error) }
        } else {
            produced = try Self.read(fd, into: destination).get()
        }
        if produced == 0 {
            atEndOfFile = true
            return
        }
        end += produced
        statistics.bytesRead += UInt64(produced)
        statistics.peakBufferedBytes = max(statistics.peakBufferedBytes, end)
    }

    /// `read(2)` retrying `EINTR` (the Result layer for plain files).
    private static func read(_ fd: Int32, into destination: UnsafeMutableRawBufferPointer) -> Result<Int, RecordingError> {
        while true {
            // Safety: `destination` lies inside the line buffer (see `refill`), valid for the call.
            let count = Glibc.read(fd, destination.baseAddress, destination.count)
            if count >= 0 { return .success(count) }
            if errno != EINTR { return .failure(.read(.current)) }
        }
    }

    private func release() {
        guard !isClosed else { return }
        isClosed = true
        // Safety: lines handed out are documented to die with the next call, and every call checks `isClosed` first.
        buffer.deallocate()
        if let gzip { gzip.close() } else { _ = Glibc.close(fd) }
    }
}
