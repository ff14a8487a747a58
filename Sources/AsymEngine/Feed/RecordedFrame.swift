/// One line of a recording as the emulator sees it: its receive time, text and which stream it belongs to.
struct RecordedFrame {
    /// How the emulator treats a recorded line.
    enum Kind: Equatable {
        /// A WebSocket data frame to replay to subscribers.
        case data
        /// A Binance REST depth snapshot body: updates the book, never sent over the WebSocket.
        case restSnapshot
        /// Anything else (recorded acks, blank lines): skipped.
        case ignored
    }

    /// Recorded receive time, ns since the epoch.
    var receiveTime: Int64
    /// The frame text exactly as recorded.
    var text: String
    /// Data, REST snapshot or ignored.
    var kind: Kind
    /// Subscription key: Bybit topic, OKX `channel:instId`, Binance stream name without its speed suffix.
    var streamKey: String = ""
    /// The instrument the frame is about, when known.
    var symbol: String = ""
    /// Whether the frame changes the order book (the frames fault numbering counts).
    var isBook = false
    /// Binance: the inner event object, as raw `/ws/` streams send it.
    var innerText: String?
}
