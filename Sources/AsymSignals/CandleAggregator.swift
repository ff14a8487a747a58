public import AsymCore

/// 1m, 5m, 15m, 1h and 4h candles from one trade stream: five `CandleBuilder`s updated together.
///
/// Each timeframe is built from the trades themselves (not rolled up from 1m bars), so each has its own
/// policies exactly as `CandleBuilder` documents them. Take closed candles per timeframe with `nextClosed(_:)`.
/// - Complexity: O(1) per trade (five bucket updates), no allocation.
public struct CandleAggregator: Sendable {
    /// The timeframes built, shortest first.
    public static let timeframes: [CandleTimeframe] = [
        .oneMinute, .fiveMinutes, .fifteenMinutes, .oneHour, .fourHours,
    ]

    public private(set) var oneMinute = CandleBuilder(timeframe: .oneMinute)
    public private(set) var fiveMinutes = CandleBuilder(timeframe: .fiveMinutes)
    public private(set) var fifteenMinutes = CandleBuilder(timeframe: .fifteenMinutes)
    public private(set) var oneHour = CandleBuilder(timeframe: .oneHour)
    public private(set) var fourHours = CandleBuilder(timeframe: .fourHours)

    public init() {}

    /// Adds one trade to every timeframe; returns the number of candles it closed across all of them.
    @discardableResult
    public mutating func apply(price: Price, quantity: Quantity, side: TakerSide, exchangeTime: Int64) -> Int64 {
        oneMinute.apply(price: price, quantity: quantity, side: side, exchangeTime: exchangeTime)
            + fiveMinutes.apply(price: price, quantity: quantity, side: side, exchangeTime: exchangeTime)
            + fifteenMinutes.apply(price: price, quantity: quantity, side: side, exchangeTime: exchangeTime)
            + oneHour.apply(price: price, quantity: quantity, side: side, exchangeTime: exchangeTime)
            + fourHours.apply(price: price, quantity: quantity, side: side, exchangeTime: exchangeTime)
    }

    /// Closes buckets that ended by `exchangeTime` in every timeframe (see `CandleBuilder.advance(to:)`).
    @discardableResult
    public mutating func advance(to exchangeTime: Int64) -> Int64 {
        oneMinute.advance(to: exchangeTime) + fiveMinutes.advance(to: exchangeTime)
            + fifteenMinutes.advance(to: exchangeTime) + oneHour.advance(to: exchangeTime)
            + fourHours.advance(to: exchangeTime)
    }

    /// The builder of `timeframe` (one of `timeframes`).
    public func builder(_ timeframe: CandleTimeframe) -> CandleBuilder {
        switch timeframe {
        case .oneMinute: oneMinute
        case .fiveMinutes: fiveMinutes
        case .fifteenMinutes: fifteenMinutes
        case .oneHour: oneHour
        case .fourHours: fourHours
        default: preconditionFailure("CandleAggregator does not build \(timeframe) candles")
        }
    }

    /// The oldest closed `timeframe` candle not yet taken, or nil.
    public mutating func nextClosed(_ timeframe: CandleTimeframe) -> Candle? {
        switch timeframe.nanoseconds {
        case CandleTimeframe.oneMinute.nanoseconds: oneMinute.nextClosed()
        case CandleTimeframe.fiveMinutes.nanoseconds: fiveMinutes.nextClosed()
        case CandleTimeframe.fifteenMinutes.nanoseconds: fifteenMinutes.nextClosed()
        case CandleTimeframe.oneHour.nanoseconds: oneHour.nextClosed()
        case CandleTimeframe.fourHours.nanoseconds: fourHours.nextClosed()
        default: preconditionFailure("CandleAggregator does not build \(timeframe) candles")
        }
    }
}
