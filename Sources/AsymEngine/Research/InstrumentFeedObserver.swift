import AsymBook
import AsymVenues

/// Receives one instrument's book updates and trades from `InstrumentFeed`.
protocol InstrumentFeedObserver {
    /// The instrument's book applied a frame (usable or not); `exchangeTime` is the frame's venue time, or the
    /// receive time when the venue sends none.
    mutating func bookUpdated(_ book: borrowing OrderBook, exchangeTime: Int64, receiveTime: Int64) throws
    /// One of the instrument's trades (block trades are skipped).
    mutating func traded(_ trade: TradeEvent) throws
}
