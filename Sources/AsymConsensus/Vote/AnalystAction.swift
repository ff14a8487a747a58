public import AsymCore

/// What an analyst's reply says to do.
public enum AnalystAction: UInt8, Sendable, BitwiseCopyable, CaseIterable, CustomStringConvertible {
    case buy = 1
    case sell = 2
    case hold = 3

    /// The reply's spelling: `BUY`, `SELL`, `HOLD`.
    public var description: String {
        switch self {
        case .buy: "BUY"
        case .sell: "SELL"
        case .hold: "HOLD"
        }
    }

    /// The trade direction it argues for; nil for HOLD.
    public var direction: TradeDirection? {
        switch self {
        case .buy: .long
        case .sell: .short
        case .hold: nil
        }
    }

    /// Parses the reply's spelling (exact, upper case).
    public init?(replyText: String) {
        switch replyText {
        case "BUY": self = .buy
        case "SELL": self = .sell
        case "HOLD": self = .hold
        default: return nil
        }
    }
}
