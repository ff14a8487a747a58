extension URingFileWriter {
    /// Counters for one writer since it was opened; byte counts exclude what the file held before.
    public struct Statistics: Hashable, Sendable {
        /// Bytes accepted by `append`.
        public var bytesAppended: UInt64 = 0
        /// Bytes the kernel has reported written (not yet necessarily durable).
        public var bytesWritten: UInt64 = 0
        /// Bytes covered by a completed fsync/fdatasync.
        public var bytesDurable: UInt64 = 0
        /// Write operations issued (SQEs or `pwrite` calls), including resubmitted remainders.
        public var writesSubmitted: UInt64 = 0
        /// Completed fsync/fdatasync operations.
        public var fsyncs: UInt64 = 0

        public init() {}
    }
}
