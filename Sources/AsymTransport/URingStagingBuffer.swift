/// Bookkeeping for one staging buffer while its bytes are on their way to the file.
struct URingStagingBuffer {
    /// File offset of the buffer's first byte.
    var fileOffset: UInt64 = 0
    /// Bytes staged in the buffer.
    var length: Int = 0
    /// Bytes the kernel has confirmed written; the remainder is resubmitted on a short write.
    var completed: Int = 0
}
