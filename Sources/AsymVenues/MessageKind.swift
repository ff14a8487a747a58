/// What one decoded frame was.
public enum MessageKind: UInt8, Sendable, BitwiseCopyable {
    /// Nothing decoded yet, or the last decode threw.
    case none
    /// A full book: replace the local book with the batch's levels (Bybit `snapshot`, Binance REST
    /// depth, OKX `snapshot` and every `books5` push).
    case bookSnapshot
    /// Level changes to apply; a size of zero removes the level.
    case bookDelta
    /// Best bid and offer only (Binance `bookTicker`, OKX `bbo-tbt`): one level per side, not a book reset.
    case bestBidOffer
    /// One or more trades in `FrameBatch.trades`.
    case trade
    /// The venue accepted a subscription.
    case subscribeAck
    /// A heartbeat answer (Bybit `op:"ping"` reply, OKX text `pong`).
    case pong
    /// A heartbeat request from the venue (OKX text `ping`).
    case ping
    /// The venue reported an error; see `FrameHeader.errorCode` and `messageRange`.
    case error
    /// A venue notice (OKX `event:"notice"`, e.g. code 64008 before maintenance).
    case notice
    /// Well-formed but not for us: another channel or event, or a symbol not in the `SymbolTable`.
    case ignored
}
