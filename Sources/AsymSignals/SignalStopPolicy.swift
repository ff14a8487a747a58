/// Where a signal's protective stop and take-profit go: a multiple of the ATR, or just beyond a real wall that
/// protects the position, with the target at least `minimumRewardToRisk` × the stop.
///
/// For a long (mirror for a short), distances are ticks from the entry touch (the best ask):
/// - ATR stop: `max(minimumStopTicks, ⌈stopATRMultiple · ATR⌉)` — Wilder's volatility stop, the turtles' "2N"
///   with a tighter default multiple for intraday holding;
/// - wall stop: when the nearest bid whale wall (`BookFeatures.bidWhaleDistance`) sits between
///   `wallStopMinimumATR` and `wallStopMaximumATR` ATRs away, the stop goes `wallBufferTicks` beyond it — a wall
///   absorbs selling, so price through it means the idea was wrong. A wall on a side whose spoof score is
///   ≥ `maximumWallSpoof` is not trusted (it is likely to be pulled: `SpoofDetector`);
/// - take-profit: `max(target, ⌈minimumRewardToRisk · stop⌉)`, so reward:risk ≥ 1.5 by construction.
public struct SignalStopPolicy: Sendable {
    /// Stop distance in ATRs when no wall is used.
    public var stopATRMultiple = 1.5
    /// The take-profit is at least this multiple of the stop.
    public var minimumRewardToRisk = 1.5
    /// Ticks beyond a protective wall.
    public var wallBufferTicks: Int64 = 1
    /// A wall is used only when its stop is within this band of ATRs.
    public var wallStopMinimumATR = 0.5
    public var wallStopMaximumATR = 2.0
    /// Walls on a side with this spoof score or more are ignored.
    public var maximumWallSpoof = 0.5
    /// The smallest stop, ticks.
    public var minimumStopTicks: Int64 = 2

    /// The defaults.
    public init() {}

    /// Stop and take-profit distances for `direction` (long or short) on `features`, with `atr` in ticks and the
    /// strategy's own target distance (0 for none); nil when the ATR is unknown or a distance overflows `Int32`.
    @inlinable
    public func brackets(direction: SignalDirection, features: borrowing BookFeatures, atr: Double,
                         targetTicks: Int64) -> (stop: Int64, takeProfit: Int64)? {
        guard atr > 0, direction != .flat else { return nil }
        let atrStop = max(minimumStopTicks, Int64((stopATRMultiple * atr).rounded(.up)))
        var stop = atrStop
        let long = direction == .long
        let wallDistance = long ? features.bidWhaleDistance : features.askWhaleDistance
        let wallSpoof = long ? features.spoofBid : features.spoofAsk
        if wallDistance >= 0 && wallSpoof < maximumWallSpoof {
            let wallStop = features.spreadTicks &+ wallDistance &+ wallBufferTicks
            let ticks = Double(wallStop)
            if ticks >= wallStopMinimumATR * atr && ticks <= wallStopMaximumATR * atr {
                stop = max(minimumStopTicks, wallStop)
            }
        }
        let takeProfit = max(targetTicks, Int64((minimumRewardToRisk * Double(stop)).rounded(.up)))
        guard takeProfit <= Int64(Int32.max) else { return nil }
        return (stop, takeProfit)
    }
}
