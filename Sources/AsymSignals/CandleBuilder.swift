public import AsymCore

/// Streams trades into candles of one timeframe, bucketed by exchange time.
///
/// Policies (tested in `CandleBuilderTests`):
/// - **Empty intervals**: every interval between the first trade and now yields exactly one candle. An interval
///   without trades closes as `Candle.empty` — flat at the previous close, zero volume, `isEmpty` — so indicators
///   see a regular series (the TA-Lib fixtures are built the same way). Nothing is emitted before the first trade.
/// - **Out-of-order trades**: a trade older than the current bucket is counted in `outOfOrderTrades` and ignored;
///   closed candles are never revised. A late trade *inside* the current bucket is kept: open/close follow
///   exchange time, not arrival order.
/// - **Closing**: a bucket closes when a trade (or `advance(to:)`) reaches a later bucket. The closed candles
///   wait in O(1) state (the one real candle plus a count of flat ones, synthesised on demand) until taken with
///   `nextClosed()`. Drain after each call: candles still pending when the next bucket closes are dropped and
///   counted in `undrainedCandles`.
///
/// - Complexity: O(1) per trade, no allocation; `nextClosed()` is O(1) per candle.
public struct CandleBuilder: Sendable {
    /// Width of the buckets.
    public let timeframe: CandleTimeframe
    /// Trades older than the current bucket, ignored.
    public var outOfOrderTrades: Int { outOfOrderCount }
    /// Closed candles dropped because the caller had not taken them before the next bucket closed.
    public var undrainedCandles: Int64 { undrainedCount }

    @usableFromInline var outOfOrderCount = 0
    @usableFromInline var undrainedCount: Int64 = 0

    @usableFromInline var current = Candle.empty(openTime: 0, previousClose: .zero)
    @usableFromInline var started = false
    @usableFromInline var lastClose = Price.zero
    @usableFromInline var openTradeTime: Int64 = 0
    @usableFromInline var closeTradeTime: Int64 = 0
    @usableFromInline var pendingCandle = Candle.empty(openTime: 0, previousClose: .zero)
    @usableFromInline var hasPendingCandle = false
    @usableFromInline var pendingEmptyStart: Int64 = 0
    @usableFromInline var pendingEmptyCount: Int64 = 0

    /// A builder of `timeframe` candles.
    public init(timeframe: CandleTimeframe) {
        self.timeframe = timeframe
    }

    /// The bucket in progress (possibly still empty), or nil before the first trade.
    public var inProgress: Candle? {
        started ? current : nil
    }

    /// Closed candles not yet taken with `nextClosed()`.
    @inlinable
    public var pendingCount: Int64 { (hasPendingCandle ? 1 : 0) + pendingEmptyCount }

    /// Adds one trade; returns how many candles it closed (take them with `nextClosed()`).
    @inlinable
    @discardableResult
    public mutating func apply(price: Price, quantity: Quantity, side: TakerSide, exchangeTime: Int64) -> Int64 {
        let bucket = started && exchangeTime >= current.openTime && isInCurrentBucketOrEarlier(exchangeTime)
            ? current.openTime : timeframe.bucketStart(containing: exchangeTime)
        var closed: Int64 = 0
        if !started {
            started = true
            current.openTime = bucket
        } else if bucket < current.openTime {
            outOfOrderCount += 1
            return 0
        } else if bucket > current.openTime {
            closed = close(upTo: bucket)
        }
        if current.tradeCount == 0 {
            current.open = price
            current.high = price
            current.low = price
            current.close = price
            openTradeTime = exchangeTime
            closeTradeTime = exchangeTime
        } else {
            if price > current.high { current.high = price }
            if price < current.low { current.low = price }
            if exchangeTime < openTradeTime {
                current.open = price
                openTradeTime = exchangeTime
            }
            if exchangeTime >= closeTradeTime {
                current.close = price
                closeTradeTime = exchangeTime
            }
        }
        current.volume.lots += quantity.lots
        if side == .buy { current.takerBuyVolume.lots += quantity.lots }
        current.tradeCount += 1
        return closed
    }

    /// Closes every bucket that ended at or before `exchangeTime` without a trade reaching it (a clock tick);
    /// returns how many candles closed. Before the first trade there is no price, so nothing closes.
    @inlinable
    @discardableResult
    public mutating func advance(to exchangeTime: Int64) -> Int64 {
        guard started, !isInCurrentBucketOrEarlier(exchangeTime) else { return 0 }
        let bucket = timeframe.bucketStart(containing: exchangeTime)
        guard bucket > current.openTime else { return 0 }
        return close(upTo: bucket)
    }

    /// Whether `time` falls before the end of the bucket in progress — the usual case, answered without the
    /// division `bucketStart` needs (the open time is a bucket start, so that end is `openTime + width`).
    @inlinable
    func isInCurrentBucketOrEarlier(_ time: Int64) -> Bool {
        let (sinceOpen, overflow) = time.subtractingReportingOverflow(current.openTime)
        return !overflow && sinceOpen < timeframe.nanoseconds
    }

    /// The oldest closed candle not yet taken, or nil.
    @inlinable
    public mutating func nextClosed() -> Candle? {
        if hasPendingCandle {
            hasPendingCandle = false
            return pendingCandle
        }
        guard pendingEmptyCount > 0 else { return nil }
        let candle = Candle.empty(openTime: pendingEmptyStart, previousClose: lastClose)
        pendingEmptyStart += timeframe.nanoseconds
        pendingEmptyCount -= 1
        return candle
    }

    /// Closes the current bucket and every empty one before `bucket`, which becomes current.
    @inlinable
    mutating func close(upTo bucket: Int64) -> Int64 {
        undrainedCount += pendingCount
        var emptyStart = current.openTime
        if current.tradeCount > 0 {
            pendingCandle = current
            hasPendingCandle = true
            lastClose = current.close
            emptyStart += timeframe.nanoseconds
        } else {
            hasPendingCandle = false
        }
        pendingEmptyStart = emptyStart
        pendingEmptyCount = (bucket - emptyStart) / timeframe.nanoseconds
        current = Candle.empty(openTime: bucket, previousClose: lastClose)
        return pendingCount
    }
}
