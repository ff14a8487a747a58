import AsymCore
import AsymSignals
import Testing

@Suite struct TradeFlowTests {
    @Test func tradeFlowImbalanceIsSignedByAggressor() {
        var flow = TradeFlowImbalance()
        let t: Int64 = 1_000_000_000_000
        flow.record(quantity: Quantity(lots: 30), taker: .buy, time: t)
        flow.record(quantity: Quantity(lots: 10), taker: .sell, time: t + 1)
        #expect(flow.imbalances.0 == 0.5)
        #expect(flow.volumes.1 == 40)
    }

    @Test func tradeFlowForgetsTradesOutsideTheWindow() {
        var flow = TradeFlowImbalance()
        let second: Int64 = 1_000_000_000
        flow.record(quantity: Quantity(lots: 30), taker: .buy, time: 100 * second)
        flow.advance(to: 103 * second)
        #expect(flow.imbalances.0 == 0)
        #expect(flow.imbalances.1 == 1)
    }

    @Test func engineReportsTradeFlowFromRecordedTrades() {
        var engine = testEngine()
        engine.recordTrade(price: Price(ticks: 100), quantity: Quantity(lots: 1), taker: .sell, exchangeTime: 5)
        engine.recordTrade(price: Price(ticks: 100), quantity: Quantity(lots: 3), taker: .sell, exchangeTime: 6)
        #expect(engine.features.tradeImbalanceShort == -1)
    }
}
