/// The width of a candle: buckets are `[k·width, (k+1)·width)` in exchange time, nanoseconds since the Unix epoch.
///
/// The epoch is a UTC midnight, so every width that divides a day is UTC-aligned: a 1h candle covers
/// `[hh:00, hh+1:00)` and a 4h candle starts at 00:00, 04:00, … UTC.
public struct CandleTimeframe: Hashable, Sendable, BitwiseCopyable, CustomStringConvertible {
    /// Bucket width in nanoseconds.
    public let nanoseconds: Int64

    /// A timeframe of `nanoseconds` (must be positive).
    public init(nanoseconds: Int64) {
        precondition(nanoseconds > 0, "a candle timeframe must be positive")
        self.nanoseconds = nanoseconds
    }

    /// A timeframe of whole minutes.
    public static func minutes(_ count: Int64) -> CandleTimeframe { CandleTimeframe(nanoseconds: count * 60_000_000_000) }

    /// 1m.
    public static let oneMinute = minutes(1)
    /// 5m.
    public static let fiveMinutes = minutes(5)
    /// 15m.
    public static let fifteenMinutes = minutes(15)
    /// 1h: `[hh:00, hh+1:00)` UTC.
    public static let oneHour = minutes(60)
    /// 4h: from 00:00, 04:00, … UTC.
    public static let fourHours = minutes(240)

    /// Start of the bucket holding `time` (floor division, so times before 1970 bucket correctly too).
    @inlinable
    public func bucketStart(containing time: Int64) -> Int64 {
        let (quotient, remainder) = time.quotientAndRemainder(dividingBy: nanoseconds)
        return (remainder < 0 ? quotient - 1 : quotient) * nanoseconds
    }

    public var description: String {
        let minutes = nanoseconds / 60_000_000_000
        if nanoseconds % 3_600_000_000_000 == 0 { return "\(minutes / 60)h" }
        if nanoseconds % 60_000_000_000 == 0 { return "\(minutes)m" }
        return "\(nanoseconds)ns"
    }
}
