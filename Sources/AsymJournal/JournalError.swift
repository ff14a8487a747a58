public import AsymTransport

/// Why opening, writing or reading a journal failed.
public enum JournalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A file-system call failed: the call's name (`open`, `ftruncate`, …), the path and the kernel's error.
    case fileSystem(call: String, path: String, Errno)
    /// The segment writer failed; the journal stops consuming (see `Journal`).
    case writer(FileWriterError)
    /// A segment header is not a valid version-1 header, or disagrees with the file name.
    case badSegmentHeader(path: String)
    /// A record failed its CRC (or was unparsable) with valid records after it: damage in the middle of a
    /// segment, not a torn tail. The writer refuses to open rather than truncate durable records.
    case corruptRecord(path: String, offset: UInt64)

    public var description: String {
        switch self {
        case .fileSystem(let call, let path, let errno): "\(call) \(path): \(errno)"
        case .writer(let error): "journal writer: \(error)"
        case .badSegmentHeader(let path): "bad journal segment header: \(path)"
        case .corruptRecord(let path, let offset): "corrupt journal record in the middle of \(path) at offset \(offset)"
        }
    }
}
