extension URingFileWriter {
    /// Staging-buffer geometry and flush kind for a file writer.
    public struct Configuration: Hashable, Sendable {
        /// Number of staging buffers; one is filled while the others are in flight. Clamped to at least 1.
        public var bufferCount: Int
        /// Bytes per staging buffer, rounded up to the page size. Clamped to 1 GiB (an SQE length is 32-bit).
        public var bufferSize: Int
        /// The flush `commit()` issues.
        public var syncMode: SyncMode
        /// Caps the length of each write SQE; only tests lower it, to drive the resubmit-the-remainder path.
        var maximumWriteLength: Int = .max

        public init(bufferCount: Int = 4, bufferSize: Int = 1 << 20, syncMode: SyncMode = .data) {
            self.bufferCount = bufferCount
            self.bufferSize = bufferSize
            self.syncMode = syncMode
        }
    }
}
