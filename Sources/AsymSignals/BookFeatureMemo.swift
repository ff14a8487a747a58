/// The inputs of `BookFeatureEngine`'s divisions and square roots as of their last evaluation (internal).
///
/// Many features are quotients of values that stay put for most updates (window totals between trades, the
/// spread, medians between samples). Each is recomputed only when an input's bits change, so the stored value
/// is exactly what recomputing would give, and an unchanged input costs a compare instead of a division.
@usableFromInline
struct BookFeatureMemo: Sendable {
    /// Bits of a `Double` no computation here produces, so a key holding it never matches.
    @usableFromInline static let never = UInt64.max

    /// Short- and long-window variance totals behind the volatility features.
    @usableFromInline var variance = (never, never)
    /// Best bid and ask prices and sizes behind the micro-price.
    @usableFromInline var touch = (Int64.min, Int64.min, Int64.min, Int64.min)
    /// Spread and doubled mid behind the spread in basis points.
    @usableFromInline var spreadBasis = (Int64.min, Int64.min)
    /// Spread, spread median, band depth and depth median behind the regime ratios.
    @usableFromInline var regime = (Int64.min, never, never, never)
    /// Largest bid level, largest ask level and the median level size behind the largest ratios.
    @usableFromInline var largest = (Int64.min, Int64.min, never)
    /// Bid and ask depletion totals behind the depletion rates (they start at 0, as do the rates).
    @usableFromInline var depletion: (UInt64, UInt64) = (0, 0)
    /// Taker buy and sell totals per window behind the trade-flow features (they start at 0, as do the features).
    @usableFromInline var tradeFlow: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
    /// Spread ratio, volatility ratio, depth ratio and usability behind the risk penalty's market terms, and
    /// their product.
    @usableFromInline var marketRisk = (never, never, never, false)
    @usableFromInline var marketCalm: Double = 1
    /// Median level size and usability behind the last whale and spoof-candidate judgement of each side.
    @usableFromInline var wallJudgement = (never, false)
    /// The imbalances and slopes were zeroed with the touch and must be recomputed even if the levels stand.
    @usableFromInline var levelsForgotten = true

    @usableFromInline init() {}

    /// Forgets the touch-derived keys (the touch vanished and its features were zeroed).
    @inlinable
    mutating func forgetTouch() {
        spreadBasis = (Int64.min, Int64.min)
        touch = (Int64.min, Int64.min, Int64.min, Int64.min)
        regime = (Int64.min, Self.never, Self.never, Self.never)
        largest = (Int64.min, Int64.min, Self.never)
        levelsForgotten = true
        wallJudgement = (Self.never, false)
    }
}
