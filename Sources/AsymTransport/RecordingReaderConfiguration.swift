extension RecordingReader {
    /// Memory bounds and error policy of a ``RecordingReader``.
    public struct Configuration: Hashable, Sendable {
        /// Longest accepted line, excluding its newline; longer lines are skipped as ``RecordingLineDefect/tooLong``.
        /// The line buffer is this plus one byte, allocated once (pages are touched only as lines need them).
        public var maximumLineLength: Int
        /// Most bytes asked of the file (or of inflate) per refill, so the first line arrives without reading
        /// `maximumLineLength` bytes first.
        public var readChunkSize: Int
        /// Compressed-input buffer of the gzip layer (`.gz` only).
        public var gzipInputCapacity: Int
        /// `true`: `next()` throws ``RecordingError/malformedLine(lineNumber:_:)`` (the reader stays usable).
        /// `false`: malformed lines are skipped and counted in ``RecordingReader/Statistics``.
        public var throwsOnMalformedLine: Bool

        public init(
            maximumLineLength: Int = 16 << 20, readChunkSize: Int = 1 << 20, gzipInputCapacity: Int = 256 << 10,
            throwsOnMalformedLine: Bool = false
        ) {
            precondition(maximumLineLength >= 1 && readChunkSize >= 1 && gzipInputCapacity >= 1, "sizes must be positive")
            self.maximumLineLength = maximumLineLength
            self.readChunkSize = readChunkSize
            self.gzipInputCapacity = gzipInputCapacity
            self.throwsOnMalformedLine = throwsOnMalformedLine
        }
    }
}
