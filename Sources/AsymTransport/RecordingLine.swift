/// One well-formed recording line: the local receive time and the raw frame bytes (without the newline).
///
/// `frame` points into the reader's buffer: it is valid only until the next call on the reader (`next()`,
/// `close()`), so copy what must outlive it. No `String` is made per line.
public struct RecordingLine {
    /// Receive time, nanoseconds since the Unix epoch.
    public var receiveTimeNanoseconds: Int64
    /// The frame text exactly as received (for Binance also the REST snapshots the collector fetched).
    public var frame: UnsafeRawBufferPointer
    /// 1-based line number in the (decompressed) file, counting malformed lines too.
    public var lineNumber: Int
}
