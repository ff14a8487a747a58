/// Volume-weighted average price since the start of the current session, reset at each session boundary.
///
/// Sessions are `[offset + k·length, offset + (k+1)·length)` in exchange time; the default is the UTC day
/// (crypto trades 24/7, so "session" is a convention: pick the offset your venue or desk uses). Feed trades
/// (`update(price:volume:time:)`, the exact VWAP) or candles (`update(candle:openTime:)`, weighting each bar's
/// typical price (H+L+C)/3, the usual approximation). Nil until the session has traded some volume. Not a TA-Lib
/// function; the fixtures compare it against a pandas groupby/cumsum.
/// - Complexity: O(1) per update, fixed-size state.
public struct SessionVWAP: Sendable, BitwiseCopyable {
    /// Session length in nanoseconds.
    public let sessionLength: Int64
    /// Where sessions start, nanoseconds after each multiple of `sessionLength` since the epoch.
    public let sessionOffset: Int64
    @usableFromInline var session = Int64.min
    @usableFromInline var priceVolume = 0.0
    @usableFromInline var volume = 0.0

    /// VWAP over sessions of `sessionLength` (default one day) starting `sessionOffset` after UTC midnight.
    public init(sessionLength: Int64 = 86_400_000_000_000, sessionOffset: Int64 = 0) {
        precondition(sessionLength > 0, "session length must be positive")
        self.sessionLength = sessionLength
        self.sessionOffset = sessionOffset
    }

    /// The VWAP of the current session so far, or nil if it has no volume yet.
    @inlinable
    public var value: Double? { volume > 0 ? priceVolume / volume : nil }

    /// The session index of `time` (floor division).
    @inlinable
    public func session(containing time: Int64) -> Int64 {
        let (quotient, remainder) = (time - sessionOffset).quotientAndRemainder(dividingBy: sessionLength)
        return remainder < 0 ? quotient - 1 : quotient
    }

    /// Adds a trade (or any price/volume pair) at exchange time `time`; returns the session VWAP.
    @inlinable
    public mutating func update(price: Double, volume tradeVolume: Double, time: Int64) -> Double? {
        let current = session(containing: time)
        if current != session {
            session = current
            priceVolume = 0
            volume = 0
        }
        priceVolume += price * tradeVolume
        volume += tradeVolume
        return value
    }

    /// Adds a candle that opened at `openTime`, weighting its typical price by its volume.
    @inlinable
    public mutating func update(candle: CandleValues, openTime: Int64) -> Double? {
        update(price: candle.typicalPrice, volume: candle.volume, time: openTime)
    }
}
