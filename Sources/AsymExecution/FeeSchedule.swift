public import AsymCore

/// Maker and taker fee rates (fractions of notional; a negative maker rate is a rebate).
///
/// The defaults are each venue's base (VIP 0 / regular-user) tier as published in 2026 — Bybit linear
/// 0.02% / 0.055%, Binance USD-M 0.02% / 0.05%, OKX SWAP 0.02% / 0.05% — and only defaults: accounts
/// with volume tiers or fee discounts should configure their own.
public struct FeeSchedule: Sendable, BitwiseCopyable, Equatable {
    public var maker: Double
    public var taker: Double

    public init(maker: Double, taker: Double) {
        self.maker = maker
        self.taker = taker
    }

    public static let bybitLinear = FeeSchedule(maker: 0.000_2, taker: 0.000_55)
    public static let binanceUSDM = FeeSchedule(maker: 0.000_2, taker: 0.000_5)
    public static let okxSwap = FeeSchedule(maker: 0.000_2, taker: 0.000_5)

    /// The default schedule of `venue`.
    public static func defaults(for venue: Venue) -> FeeSchedule {
        switch venue {
        case .bybit: bybitLinear
        case .binance: binanceUSDM
        case .okx: okxSwap
        }
    }

    /// The rate for a fill of `liquidity`.
    @inlinable public func rate(_ liquidity: Liquidity) -> Double {
        switch liquidity {
        case .maker: maker
        case .taker: taker
        case .none: 0
        }
    }
}
