/// Where the reader found damage: a segment file and the byte offset of the first bad record (0: its header).
public struct JournalCorruption: Equatable, Sendable {
    /// The segment file's path.
    public var path: String
    /// Byte offset in that file.
    public var offset: UInt64

    public init(path: String, offset: UInt64) {
        self.path = path
        self.offset = offset
    }
}
