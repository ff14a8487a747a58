/// Bybit's `orderStatus` (docs "Enums: orderStatus").
public enum BybitOrderStatus: String, Sendable, Equatable {
    case new = "New"
    case partiallyFilled = "PartiallyFilled"
    case untriggered = "Untriggered"
    case rejected = "Rejected"
    /// Spot only.
    case partiallyFilledCanceled = "PartiallyFilledCanceled"
    case filled = "Filled"
    /// For derivatives, possibly after some fills.
    case cancelled = "Cancelled"
    case triggered = "Triggered"
    case deactivated = "Deactivated"

    /// Whether the order can still trade.
    public var isOpen: Bool { self == .new || self == .partiallyFilled || self == .untriggered || self == .triggered }
}
