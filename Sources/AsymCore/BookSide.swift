/// A side of the order book.
public enum BookSide: UInt8, Sendable, BitwiseCopyable {
    /// Resting buy orders.
    case bid
    /// Resting sell orders.
    case ask
}

/// The side of the aggressive (taker) order in a trade.
public enum TakerSide: UInt8, Sendable, BitwiseCopyable {
    /// The taker bought (lifted the ask).
    case buy
    /// The taker sold (hit the bid).
    case sell
}
