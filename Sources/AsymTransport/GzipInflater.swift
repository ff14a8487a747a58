import CZlib

/// Owns one zlib inflate stream: the Result-returning layer between ``GzipFileReader`` and the CZlib shim.
///
/// Each method makes exactly one shim call and maps zlib's status to ``GzipError``. Noncopyable because it owns the
/// C-allocated `z_stream` (`CZlib_inflateCreate` / `CZlib_inflateDestroy`).
struct GzipInflater: ~Copyable {
    /// What one `inflate` call did.
    struct Progress {
        /// Compressed bytes taken from the input.
        var consumed: Int
        /// Decompressed bytes written to the output.
        var produced: Int
        /// The current gzip member's trailer was read and checked (`Z_STREAM_END`).
        var memberEnded: Bool
    }

    /// `Z_BUF_ERROR`: the status reported when inflate could make no progress.
    static let noProgressStatus: Int32 = CZlib_bufferError

    /// The `z_stream *`, opaque to Swift.
    private let stream: OpaquePointer

    /// Opens a stream that expects the gzip wrapper (`inflateInit2` with windowBits 31).
    static func make() -> Result<GzipInflater, GzipError> {
        var stream: OpaquePointer?
        // Safety: `stream` is a live out-parameter for the duration of the call.
        let status = CZlib_inflateCreate(&stream)
        guard status == CZlib_ok, let stream else { return .failure(Self.error(status)) }
        return .success(GzipInflater(stream: stream))
    }

    private init(stream: OpaquePointer) { self.stream = stream }

    deinit { CZlib_inflateDestroy(stream) }

    /// Inflates from `input` into `output` (`inflate` with `Z_NO_FLUSH`).
    ///
    /// `Z_BUF_ERROR` is not an error here: it only means no progress was possible, which the caller sees as
    /// zero consumed and produced.
    func inflate(
        from input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) -> Result<Progress, GzipError> {
        var consumed = 0
        var produced = 0
        // Safety: both buffers are valid for the duration of the call (the caller's contract); the shim clears
        // the stream's pointers to them before returning, so zlib keeps no reference.
        let status = CZlib_inflate(
            stream, input.baseAddress, input.count, &consumed, output.baseAddress, output.count, &produced)
        switch status {
        case CZlib_ok, CZlib_bufferError, CZlib_streamEnd:
            return .success(Progress(consumed: consumed, produced: produced, memberEnded: status == CZlib_streamEnd))
        default:
            return .failure(Self.error(status))
        }
    }

    /// Prepares for the next gzip member after `memberEnded` (`inflateReset`).
    func reset() -> Result<Void, GzipError> {
        let status = CZlib_inflateReset(stream)
        return status == CZlib_ok ? .success(()) : .failure(Self.error(status))
    }

    static func error(_ status: Int32) -> GzipError {
        switch status {
        case CZlib_dataError, CZlib_needDictionary: .corrupt  // gzip members never use a preset dictionary
        case CZlib_memoryError: .outOfMemory
        default: .zlib(code: status)
        }
    }
}
