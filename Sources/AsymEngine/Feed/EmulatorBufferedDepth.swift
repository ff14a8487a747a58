/// A Binance depth update kept so that a recorded REST snapshot (fetched after some updates had
/// already streamed) can be brought up to date, exactly as a client following Binance's procedure would.
struct EmulatorBufferedDepth {
    /// Final update id `u`.
    var finalUpdateID: Int64
    /// Event time `E` (ms).
    var eventTime: Int64
    /// Transaction time `T` (ms).
    var transactionTime: Int64
    /// Absolute bid levels.
    var bids: [[String]]
    /// Absolute ask levels.
    var asks: [[String]]
}
