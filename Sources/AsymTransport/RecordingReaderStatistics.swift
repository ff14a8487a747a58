extension RecordingReader {
    /// Counters since the reader was opened.
    public struct Statistics: Hashable, Sendable {
        /// Well-formed lines delivered.
        public var lines = 0
        /// Malformed lines, all defects.
        public var malformedLines = 0
        /// Lines without a space after the timestamp.
        public var missingSeparator = 0
        /// Lines whose timestamp is not a non-negative `Int64`.
        public var invalidTimestamp = 0
        /// Lines longer than the configured maximum.
        public var tooLong = 0
        /// A final line without a newline (0 or 1).
        public var unterminated = 0
        /// Decompressed bytes read.
        public var bytesRead: UInt64 = 0
        /// Most bytes the line buffer ever held; never above ``RecordingReader/bufferCapacity``.
        public var peakBufferedBytes = 0

        public init() {}
    }
}
