public import AsymCore

/// What a signal asks for: go long, go short, or stand flat (no position).
public enum SignalDirection: UInt8, Sendable, BitwiseCopyable, CustomStringConvertible {
    case long
    case short
    case flat

    /// The direction to trade, nil when flat.
    @inlinable public var tradeDirection: TradeDirection? {
        switch self {
        case .long: .long
        case .short: .short
        case .flat: nil
        }
    }

    /// +1 long, −1 short, 0 flat.
    @inlinable public var sign: Int64 {
        switch self {
        case .long: 1
        case .short: -1
        case .flat: 0
        }
    }

    /// The signal direction of a trade direction.
    @inlinable public init(_ direction: TradeDirection) {
        self = direction == .long ? .long : .short
    }

    public var description: String {
        switch self {
        case .long: "long"
        case .short: "short"
        case .flat: "flat"
        }
    }
}
