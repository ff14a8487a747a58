/// A price in whole ticks of its instrument (`FixedPointScale`), never a floating-point number.
public struct Price: Hashable, Comparable, Sendable, BitwiseCopyable {
    /// Whole ticks.
    public var ticks: Int64

    @inlinable
    public init(ticks: Int64) { self.ticks = ticks }

    @inlinable
    public static func < (lhs: Price, rhs: Price) -> Bool { lhs.ticks < rhs.ticks }

    /// Zero ticks.
    public static var zero: Price { Price(ticks: 0) }
}

/// A size in whole lots of its instrument (base coin for Bybit/Binance, contracts for OKX SWAP).
public struct Quantity: Hashable, Comparable, Sendable, BitwiseCopyable {
    /// Whole lots.
    public var lots: Int64

    @inlinable
    public init(lots: Int64) { self.lots = lots }

    @inlinable
    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.lots < rhs.lots }

    /// Zero lots: on a book delta it means "remove the level".
    public static var zero: Quantity { Quantity(lots: 0) }
}
