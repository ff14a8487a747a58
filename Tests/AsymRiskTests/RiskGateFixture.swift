import AsymCore
@testable import AsymRisk

/// A gate over a BTCUSDT-like instrument (tick 0.1, lot 0.001 BTC, min notional 5, venue max 100x)
/// and an entry intent that passes every check, so each test changes one thing.
struct RiskGateFixture {
    static let second: Int64 = 1_000_000_000
    static let start: Int64 = 1_767_225_600 * second + 12 * 3_600 * second  // 2026-01-01 12:00 UTC

    static let btc = Instrument(
        venue: .bybit, symbol: "BTCUSDT", priceScale: FixedPointScale(decimals: 1), quantityScale: FixedPointScale(decimals: 3),
        minimumQuantity: Quantity(lots: 1), maximumQuantity: Quantity(lots: 100_000), minimumNotional: "5",
        contractValue: "1", maximumLeverage: 100)
    static let eth = Instrument(
        venue: .bybit, symbol: "ETHUSDT", priceScale: FixedPointScale(decimals: 2), quantityScale: FixedPointScale(decimals: 2),
        minimumQuantity: Quantity(lots: 1), maximumQuantity: Quantity(lots: 100_000), minimumNotional: "5",
        contractValue: "1", maximumLeverage: 100)

    static func gate(limits: RiskLimits = RiskLimits(), equity: Double = 10_000, now: Int64 = start,
                     instruments: [Instrument] = [btc, eth]) -> RiskGate {
        RiskGate(limits: try! limits.validated(), instruments: instruments.map { RiskInstrument($0) },
                 equity: equity, now: now)
    }

    /// A long entry at 65,000.0 with a 1% stop and a 2% target, on a fresh, valid book.
    static func entry(at now: Int64 = start, instrument: UInt16 = 0, direction: TradeDirection = .long,
                      price: Int64 = 650_000) -> OrderIntent {
        let stop = direction == .long ? price - price / 100 : price + price / 100
        let target = direction == .long ? price + price / 50 : price - price / 50
        return OrderIntent(
            instrument: InstrumentID(instrument), kind: .entry, direction: direction, orderType: .limit, price: price,
            stopPrice: stop, takeProfitPrice: target, signalCreatedAt: now - 1_000_000, confidence: 0.9,
            regime: .trendingUp, spoofScore: 0.1, riskPenalty: 0.1, atrFraction: 0.005,
            bookUsable: true, bookUpdatedAt: now - 1_000_000, bestBid: price - 1, bestAsk: price + 1)
    }

    static func exit(at now: Int64 = start, instrument: UInt16 = 0, direction: TradeDirection = .long, lots: Int64 = 0) -> OrderIntent {
        OrderIntent(instrument: InstrumentID(instrument), kind: .exit, direction: direction, orderType: .market,
                    price: 650_000, requestedLots: lots, signalCreatedAt: now, bookUpdatedAt: now,
                    bestBid: 649_999, bestAsk: 650_001)
    }
}

extension RiskVerdict {
    var approvedLots: Int64? {
        if case .approved(let order) = self { return order.lots }
        return nil
    }
}
