public import AsymCore

/// Trade-flow imbalance by aggressor, `(buy − sell) / (buy + sell)` taker volume over rolling windows.
///
/// Signed taker volume is the classic order-flow measure (Lee & Ready 1991 infer the aggressor; venues
/// report it directly); the normalised form is in [−1, 1] and 0 when nothing traded.
/// Block trades (Bybit `BT`) are not printed on the book and are left out by the caller.
/// - Complexity: O(1) per trade; six fixed rolling sums, no allocation.
public struct TradeFlowImbalance: Sendable {
    @usableFromInline var buys: (RollingTimeSum, RollingTimeSum, RollingTimeSum)
    @usableFromInline var sells: (RollingTimeSum, RollingTimeSum, RollingTimeSum)

    /// Windows in ns (default 1 s, 10 s, 60 s).
    public init(windows: (Int64, Int64, Int64) = (1_000_000_000, 10_000_000_000, 60_000_000_000)) {
        // Built twice, not copied: copies would share their buckets until each side's first write.
        let sums = { (RollingTimeSum(window: windows.0), RollingTimeSum(window: windows.1), RollingTimeSum(window: windows.2)) }
        buys = sums()
        sells = sums()
    }

    /// Adds one trade of `quantity` lots by a `taker` at exchange `time` (ns).
    @inlinable
    public mutating func record(quantity: Quantity, taker: TakerSide, time: Int64) {
        let lots = Double(quantity.lots)
        let buy = taker == .buy ? lots : 0
        let sell = taker == .sell ? lots : 0
        buys.0.add(buy, at: time); buys.1.add(buy, at: time); buys.2.add(buy, at: time)
        sells.0.add(sell, at: time); sells.1.add(sell, at: time); sells.2.add(sell, at: time)
    }

    /// Expires old trades.
    @inlinable
    public mutating func advance(to time: Int64) {
        buys.0.advance(to: time); buys.1.advance(to: time); buys.2.advance(to: time)
        sells.0.advance(to: time); sells.1.advance(to: time); sells.2.advance(to: time)
    }

    /// The six window totals' bit patterns (buys then sells, short to long): equal patterns, equal features.
    @inlinable
    var totalsBitPatterns: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) {
        (buys.0.total.bitPattern, buys.1.total.bitPattern, buys.2.total.bitPattern,
         sells.0.total.bitPattern, sells.1.total.bitPattern, sells.2.total.bitPattern)
    }

    /// Imbalance over the short, medium and long windows.
    @inlinable
    public var imbalances: (Double, Double, Double) {
        (Self.ratio(buys.0.total, sells.0.total), Self.ratio(buys.1.total, sells.1.total),
         Self.ratio(buys.2.total, sells.2.total))
    }

    /// Taker volume (buy + sell, lots) over the short, medium and long windows.
    @inlinable
    public var volumes: (Double, Double, Double) {
        (buys.0.total + sells.0.total, buys.1.total + sells.1.total, buys.2.total + sells.2.total)
    }

    @inlinable
    static func ratio(_ buy: Double, _ sell: Double) -> Double {
        let total = buy + sell
        return total > 0 ? (buy - sell) / total : 0
    }
}
