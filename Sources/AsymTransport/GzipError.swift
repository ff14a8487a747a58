/// Why reading or writing a gzip stream (``GzipFileReader``, ``GzipFileWriter``) failed.
///
/// Errors are sticky: after any case the reader or writer rethrows the same error, because the position in the
/// compressed stream is no longer known.
public enum GzipError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `open(2)` of the `.gz` file failed.
    case open(Errno)
    /// `read(2)` of compressed bytes failed.
    case read(Errno)
    /// zlib reported `Z_DATA_ERROR`: not gzip data, a damaged header or block, or a CRC/length trailer mismatch.
    case corrupt
    /// The file ended inside a gzip member: a writer crashed or the copy was cut short.
    case truncated
    /// zlib could not allocate its state (`Z_MEM_ERROR`).
    case outOfMemory
    /// Any other zlib return code; a bug in the caller's use of zlib rather than bad data.
    case zlib(code: Int32)
    /// The sink under a ``GzipFileWriter`` failed.
    case write(FileWriterError)
    /// The reader or writer was closed.
    case closed

    public var description: String {
        switch self {
        case .open(let errno): "open failed: \(errno)"
        case .read(let errno): "read failed: \(errno)"
        case .corrupt: "gzip data is corrupt (bad header, block or CRC)"
        case .truncated: "gzip stream ends inside a member (truncated file)"
        case .outOfMemory: "zlib is out of memory"
        case .zlib(let code): "unexpected zlib status \(code)"
        case .write(let error): "gzip sink failed: \(error)"
        case .closed: "gzip stream is closed"
        }
    }
}
