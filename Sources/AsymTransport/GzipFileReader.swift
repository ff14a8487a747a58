import Glibc

/// Streams the decompressed bytes of a `.gz` file in bounded memory: one fixed input buffer, inflated straight
/// into the caller's buffer.
///
/// Concatenated gzip members (what `cat a.gz b.gz`, `gzip` of appended chunks, or a recording re-opened in append
/// mode produce) read back as one stream, like `gzip -d`. A file that ends inside a member throws
/// ``GzipError/truncated`` after every byte that could be decoded has been returned. Errors are sticky.
/// Not `Sendable`: a single owner reads.
///
/// - Complexity: `read(into:)` is zlib's inflate (≈ 330 MB/s of output here) plus one `read(2)` per
///   `inputCapacity` compressed bytes.
public final class GzipFileReader {
    /// Size of the compressed-input buffer; the reader never holds more compressed bytes than this.
    public let inputCapacity: Int
    /// Compressed bytes read from the file so far.
    public private(set) var compressedBytesRead: UInt64 = 0
    /// Decompressed bytes returned so far.
    public private(set) var bytesInflated: UInt64 = 0
    /// Gzip members whose trailer (CRC-32 and length) was read and verified.
    public private(set) var membersCompleted = 0

    private let fd: Int32
    private let inflater: GzipInflater
    private let input: UnsafeMutableRawBufferPointer
    /// Unconsumed compressed bytes are `input[inputStart..<inputEnd]`.
    private var inputStart = 0
    private var inputEnd = 0
    private var sawEndOfFile = false
    /// Bytes of the current member were fed to zlib but its trailer has not been seen yet.
    private var memberInProgress = false
    /// The last member ended; the next compressed byte starts a new member (needs `inflateReset`).
    private var memberEnded = false
    private var failure: GzipError?
    private var isClosed = false

    /// Opens `path` for reading.
    public convenience init(path: String, inputCapacity: Int = 256 << 10) throws(GzipError) {
        var fd: Int32
        repeat { fd = Glibc.open(path, O_RDONLY | O_CLOEXEC) } while fd < 0 && errno == EINTR
        guard fd >= 0 else { throw .open(.current) }
        try self.init(adoptingFileDescriptor: fd, inputCapacity: inputCapacity)
    }

    /// Takes ownership of a readable `fd` positioned at the first gzip byte; it is closed on `close()`/deinit, or
    /// right away if this initializer throws.
    public init(adoptingFileDescriptor fd: Int32, inputCapacity: Int = 256 << 10) throws(GzipError) {
        switch GzipInflater.make() {
        case .success(let inflater):
            self.inflater = inflater
        case .failure(let error):
            _ = Glibc.close(fd)
            throw error
        }
        self.fd = fd
        self.inputCapacity = max(inputCapacity, 1)
        self.input = UnsafeMutableRawBufferPointer.allocate(byteCount: self.inputCapacity, alignment: 16)
    }

    deinit { release() }

    /// Fills `buffer` with decompressed bytes and returns how many; 0 only at the clean end of the last member.
    ///
    /// Returns as soon as some bytes were produced, so a short count does not mean the end.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(GzipError) -> Int {
        if isClosed { throw .closed }
        if let failure { throw failure }
        guard buffer.count > 0 else { return 0 }
        do throws(GzipError) {
            return try inflate(into: buffer)
        } catch {
            failure = error
            throw error
        }
    }

    /// Closes the file and frees the buffers; later reads throw ``GzipError/closed``.
    public func close() { release() }

    private func inflate(into buffer: UnsafeMutableRawBufferPointer) throws(GzipError) -> Int {
        while true {
            if inputStart == inputEnd && !sawEndOfFile { try refill() }
            if inputStart == inputEnd {
                // End of file: clean only between members.
                if memberInProgress { throw .truncated }
                return 0
            }
            if memberEnded {
                try inflater.reset().get()
                memberEnded = false
            }
            memberInProgress = true
            // Safety: `inputStart < inputEnd <= inputCapacity`, so the slice lies inside `input`, which the reader
            // owns until release(); `buffer` is the caller's, valid for this call.
            let pending = UnsafeRawBufferPointer(rebasing: input[inputStart..<inputEnd])
            let progress = try inflater.inflate(from: pending, into: buffer).get()
            inputStart += progress.consumed
            if progress.memberEnded {
                memberInProgress = false
                memberEnded = true
                membersCompleted += 1
            }
            if progress.produced > 0 {
                bytesInflated += UInt64(progress.produced)
                return progress.produced
            }
            // Output space was available, so zlib stalls only when it needs more input.
            if progress.consumed == 0 && !progress.memberEnded && inputStart < inputEnd {
                throw .zlib(code: GzipInflater.noProgressStatus)
            }
        }
    }

    /// Replaces the (fully consumed) input buffer with the next chunk of the file.
    private func refill() throws(GzipError) {
        inputStart = 0
        inputEnd = 0
        while true {
            // Safety: `input` is owned by the reader and `inputCapacity` bytes long.
            let count = Glibc.read(fd, input.baseAddress, inputCapacity)
            if count > 0 {
                inputEnd = count
                compressedBytesRead += UInt64(count)
                return
            }
            if count == 0 {
                sawEndOfFile = true
                return
            }
            if errno != EINTR { throw .read(.current) }
        }
    }

    private func release() {
        guard !isClosed else { return }
        isClosed = true
        // Safety: zlib holds no pointer into `input` between calls (the shim clears next_in), and later reads throw.
        input.deallocate()
        _ = Glibc.close(fd)
    }
}
