import AsymCore
@testable import AsymRisk
import Testing

/// The account that went from $31.99 to $1.74: fixed $3 positions at 50x, a strategy that kept
/// shorting a rising market, a 10x "emergency cap" only in config, no cooldowns.
@Suite struct FieldReportScenarioTests {
    typealias F = RiskGateFixture

    @Test func fiftyTimesLeverageIsRefusedAtStart() {
        var limits = RiskLimits()
        limits.maxLeverage = 50
        #expect(throws: RiskLimitError.exceedsHardCap(key: "max_leverage", value: 50, cap: 10)) { try limits.validated() }
    }

    /// Runs the scenario and returns the approved sizes, final equity, worst per-trade risk and the gate.
    func shortARisingMarket(limits: RiskLimits) -> (sizes: [Int64], equity: Double, worstTradeRisk: Double, gate: RiskGate) {
        // A cheap coin, so a $31.99 account can trade at all: tick 0.0001, lot 1 coin, no minimum notional.
        let coin = Instrument(
            venue: .bybit, symbol: "XRPUSDT", priceScale: FixedPointScale(decimals: 4), quantityScale: FixedPointScale(decimals: 0),
            minimumQuantity: Quantity(lots: 1), maximumQuantity: Quantity(lots: 1_000_000), minimumNotional: nil,
            contractValue: "1", maximumLeverage: 75)
        let startEquity = 31.99
        var now = F.start
        let gate = RiskGate(limits: try! limits.validated(), instruments: [RiskInstrument(coin)], equity: startEquity, now: now)
        var equity = startEquity
        var price: Int64 = 5_000  // 0.5000
        var sizes: [Int64] = []
        var worstTradeRisk = 0.0
        for _ in 0..<20_000 {
            now += 600 * F.second
            price += 5  // the market keeps rising, 0.0005 every 10 minutes
            gate.confirmPosition(InstrumentID(0), lots: 0, entryPrice: price, at: now)
            if gate.state == .halted && gate.haltCause != .drawdown && gate.haltCause != .dailyLoss {
                gate.resume()  // a stubborn operator keeps resuming, except from the drawdown halt
            }
            let stop = price + price / 100
            let intent = OrderIntent(
                instrument: InstrumentID(0), kind: .entry, direction: .short, orderType: .market, price: price,
                stopPrice: stop, takeProfitPrice: price - price / 50, signalCreatedAt: now, confidence: 0.9,
                regime: .trendingDown, bookUpdatedAt: now, bestBid: price - 1, bestAsk: price + 1)
            guard case .approved(let order) = gate.check(intent, now: now) else {
                if gate.haltCause == .drawdown || gate.denials(.noEdge) > 100 { break }
                continue
            }
            #expect(order.leverage <= 10)
            sizes.append(order.lots)
            // The stop is hit: the loss is exactly the risk taken.
            let loss = Double(order.lots) * Double(stop - price) * 0.0001
            worstTradeRisk = max(worstTradeRisk, loss / equity)
            gate.confirmPosition(InstrumentID(0), lots: -order.lots, entryPrice: price, at: now + 1)
            equity -= loss
            gate.confirmPosition(InstrumentID(0), lots: 0, entryPrice: stop, at: now + 2)
            gate.recordClosedTrade(pnl: -loss, at: now + 2)
            gate.updateEquity(equity, at: now + 2)
        }
        return (sizes, equity, worstTradeRisk, gate)
    }

    @Test func withDefaultsTheNoEdgeRuleStopsTradingAfterTwentyStraightLosses() {
        let run = shortARisingMarket(limits: RiskLimits())
        #expect(run.sizes.count == 20)
        #expect(run.gate.denials(.noEdge) > 0)
        #expect(run.equity >= 31.99 * 0.95)
        #expect(run.worstTradeRisk <= 0.01 + 1e-9)
    }

    @Test func atTheTenTimesCapSizesShrinkAndTradingHaltsAtTheDrawdownLimit() {
        var limits = RiskLimits()
        limits.kellyMinimumTrades = 10_000  // defer the no-edge rule to show the breakers alone
        limits.consecutiveLossesToHalt = RiskHardCaps.maximumConsecutiveLossesToHalt
        let (sizes, equity, worstTradeRisk, gate) = shortARisingMarket(limits: limits)
        let startEquity = 31.99
        #expect(gate.state == .halted && gate.haltCause == .drawdown)
        #expect(sizes.count > 20)
        // Sizes follow equity down (the rising price shrinks them further); never a fixed amount.
        #expect(zip(sizes, sizes.dropFirst()).allSatisfy { $0.0 >= $0.1 })
        #expect(sizes.last! < sizes.first!)
        #expect(worstTradeRisk <= 0.01 + 1e-9)
        // Total loss never exceeds the drawdown limit plus one trade's risk.
        #expect(equity >= startEquity * (1 - 0.20 - 0.01))
        #expect(equity > 1.74)
    }
}
