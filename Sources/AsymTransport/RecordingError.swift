/// Why reading or writing a recording (``RecordingReader``, ``RecordingWriter``) failed.
public enum RecordingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `open(2)` of the recording failed.
    case open(Errno)
    /// `read(2)` of a plain recording failed.
    case read(Errno)
    /// The gzip layer failed: corrupt or truncated `.gz`, or its sink failed.
    case gzip(GzipError)
    /// Writing a plain recording failed.
    case write(FileWriterError)
    /// A malformed line, thrown only when the reader is configured to throw; `lineNumber` counts from 1.
    case malformedLine(lineNumber: Int, RecordingLineDefect)
    /// A frame passed to the writer contains a newline, which would split it into two lines.
    case frameContainsNewline
    /// A negative receive time was passed to the writer; readers accept digits only.
    case negativeTimestamp
    /// The reader or writer was closed.
    case closed

    public var description: String {
        switch self {
        case .open(let errno): "open failed: \(errno)"
        case .read(let errno): "read failed: \(errno)"
        case .gzip(let error): "gzip: \(error)"
        case .write(let error): "write: \(error)"
        case .malformedLine(let number, let defect): "line \(number): \(defect)"
        case .frameContainsNewline: "frame contains a newline"
        case .negativeTimestamp: "receive time is negative"
        case .closed: "recording is closed"
        }
    }
}
