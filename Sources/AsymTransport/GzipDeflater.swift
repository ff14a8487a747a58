import CZlib

/// Owns one zlib deflate stream: the Result-returning layer between ``GzipFileWriter`` and the CZlib shim.
///
/// Each method makes exactly one shim call. Noncopyable because it owns the C-allocated `z_stream`
/// (`CZlib_deflateCreate` / `CZlib_deflateDestroy`).
struct GzipDeflater: ~Copyable {
    /// How much `deflate` must push out; raw values are the shim's `flushMode`.
    enum Flush: Int32 {
        /// `Z_NO_FLUSH`: deflate may keep input buffered.
        case none = 0
        /// `Z_SYNC_FLUSH`: everything so far becomes decodable; the stream continues.
        case sync = 1
        /// `Z_FINISH`: ends the member with its CRC-32/length trailer.
        case finish = 2
    }

    /// What one `deflate` call did.
    struct Progress {
        var consumed: Int
        var produced: Int
        /// `Z_STREAM_END`: the trailer has been written (only after `.finish`).
        var finished: Bool
    }

    private let stream: OpaquePointer

    /// Opens a stream that writes one gzip member at `level` 0...9 (`deflateInit2` with windowBits 31).
    static func make(level: Int32) -> Result<GzipDeflater, GzipError> {
        var stream: OpaquePointer?
        // Safety: `stream` is a live out-parameter for the duration of the call.
        let status = CZlib_deflateCreate(level, &stream)
        guard status == CZlib_ok, let stream else { return .failure(GzipInflater.error(status)) }
        return .success(GzipDeflater(stream: stream))
    }

    private init(stream: OpaquePointer) { self.stream = stream }

    deinit { CZlib_deflateDestroy(stream) }

    /// Compresses from `input` into `output` (`deflate`); `Z_BUF_ERROR` (no progress possible) is not an error.
    func deflate(
        from input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, flush: Flush
    ) -> Result<Progress, GzipError> {
        var consumed = 0
        var produced = 0
        // Safety: both buffers are valid for the duration of the call; the shim clears the stream's pointers to
        // them before returning.
        let status = CZlib_deflate(
            stream, input.baseAddress, input.count, &consumed, output.baseAddress, output.count, &produced,
            flush.rawValue)
        switch status {
        case CZlib_ok, CZlib_bufferError, CZlib_streamEnd:
            return .success(Progress(consumed: consumed, produced: produced, finished: status == CZlib_streamEnd))
        default:
            return .failure(GzipInflater.error(status))
        }
    }
}
