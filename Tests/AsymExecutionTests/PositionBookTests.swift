import AsymCore
import AsymRisk
import Testing
@testable import AsymExecution

@Suite struct PositionBookTests {
    typealias F = ExecutionFixture
    let id = ExecutionFixture.btcID
    let t = ExecutionFixture.start

    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

    @Test func longAveragesPartialFillsAndRealisesPartialExitsWithFees() {
        var book = PositionBook(instruments: [F.valuation], startingBalance: 10_000)
        book.applyFill(instrument: id, side: .buy, price: 650_000, lots: 10, fee: 0.1, at: t)
        book.applyFill(instrument: id, side: .buy, price: 660_000, lots: 10, fee: 0.1, at: t + 1)
        #expect(book[id].lots == 20)
        #expect(book[id].averageEntryPrice == 655_000)  // 65,500.0
        #expect(book[id].openedAt == t)
        // Sell 5 at 67,000: 5 × 0.001 BTC × (67,000 − 65,500) = +7.5.
        let first = book.applyFill(instrument: id, side: .sell, price: 670_000, lots: 5, fee: 0.1, at: t + 2)
        #expect(close(first.realizedPnL, 7.5))
        #expect(!first.closedTrade)
        #expect(book[id].lots == 15)
        #expect(book[id].averageEntryPrice == 655_000)
        // Sell 15 at 64,000: 15 × 0.001 × (64,000 − 65,500) = −22.5; the round trip ends.
        let last = book.applyFill(instrument: id, side: .sell, price: 640_000, lots: 15, fee: 0.1, at: t + 3)
        #expect(close(last.realizedPnL, -22.5))
        #expect(last.closedTrade)
        #expect(close(last.closedTradePnL, 7.5 - 22.5 - 0.4))
        #expect(book[id].lots == 0 && book[id].direction == nil)
        #expect(close(book[id].realizedPnL, -15))
        #expect(close(book[id].fees, 0.4))
        #expect(close(book.walletBalance, 10_000 - 15 - 0.4))
        #expect(close(book.equity, book.walletBalance))
    }

    @Test func shortProfitsWhenPriceFallsAndAFlipOpensTheRemainderAtTheFillPrice() {
        var book = PositionBook(instruments: [F.valuation], startingBalance: 10_000)
        book.applyFill(instrument: id, side: .sell, price: 650_000, lots: 10, fee: 0, at: t)
        #expect(book[id].lots == -10 && book[id].direction == .short)
        // Buy 4 at 64,000: 4 × 0.001 × (65,000 − 64,000) = +4.
        #expect(close(book.applyFill(instrument: id, side: .buy, price: 640_000, lots: 4, fee: 0, at: t).realizedPnL, 4))
        // Buy 10 at 63,000: closes 6 for 6 × 0.001 × 2,000 = +12, then 4 long at 63,000.
        let flip = book.applyFill(instrument: id, side: .buy, price: 630_000, lots: 10, fee: 0.5, at: t + 9)
        #expect(close(flip.realizedPnL, 12))
        #expect(flip.closedTrade && close(flip.closedTradePnL, 16 - 0.5))
        #expect(book[id].lots == 4)
        #expect(book[id].averageEntryPrice == 630_000)
        #expect(book[id].openedAt == t + 9)
    }

    @Test func unrealizedPnLEquityAndPeakFollowTheMarks() {
        var book = PositionBook(instruments: [F.valuation], startingBalance: 10_000)
        book.applyFill(instrument: id, side: .buy, price: 650_000, lots: 20, fee: 0, at: t)
        book.mark(id, price: 660_000)  // 20 × 0.001 × 1,000 = +20
        #expect(close(book.unrealizedPnL, 20))
        #expect(close(book.equity, 10_020))
        book.mark(id, price: 640_000)
        #expect(close(book.equity, 9_980))
        #expect(close(book.peakEquity, 10_020))
    }

    @Test func okxContractsAreValuedWithTheirContractValue() {
        let okx = Instrument(venue: .okx, symbol: "BTC-USDT-SWAP", priceScale: FixedPointScale(decimals: 1),
                             quantityScale: FixedPointScale(decimals: 2), minimumQuantity: Quantity(lots: 1),
                             maximumQuantity: Quantity(lots: 1_000_000), minimumNotional: nil, contractValue: "0.01",
                             maximumLeverage: 100)
        let valuation = InstrumentValuation(RiskInstrument(okx))
        #expect(close(valuation.basePerLot, 0.0001))  // 0.01 contract × 0.01 BTC
        var book = PositionBook(instruments: [valuation], startingBalance: 1_000)
        book.applyFill(instrument: id, side: .buy, price: 650_000, lots: 100, fee: 0, at: t)  // 1 contract = 0.01 BTC
        book.mark(id, price: 660_000)
        #expect(close(book.unrealizedPnL, 10))  // 0.01 BTC × 1,000 USDT
        #expect(close(book[id].entryNotional, 650))
    }

    @Test func liquidationPriceFollowsTheIsolatedMarginFormula() {
        var book = PositionBook(instruments: [F.valuation], startingBalance: 10_000, leverage: 10)
        book.applyFill(instrument: id, side: .buy, price: 650_000, lots: 20, fee: 0, at: t)
        // 65,000 × (1 − 1/10 + 0.005) = 58,825.0
        #expect(close(book[id].liquidationPrice ?? 0, 588_250))
        // Margin: 20 × 0.001 × 65,000 / 10 = 130.
        #expect(close(book[id].margin, 130))
        #expect(close(book.marginInUse, 130))
        var short = PositionBook(instruments: [F.valuation], startingBalance: 10_000, leverage: 10)
        short.applyFill(instrument: id, side: .sell, price: 650_000, lots: 20, fee: 0, at: t)
        // 65,000 × (1 + 1/10 − 0.005) = 71,175.0
        #expect(close(short[id].liquidationPrice ?? 0, 711_750))
        short.setLeverage(id, leverage: 5)
        #expect(close(short[id].liquidationPrice ?? 0, 650_000 * 1.195))
    }

    @Test func nonFillEventsDoNotChangePositions() {
        var book = PositionBook(instruments: [F.valuation], startingBalance: 10_000)
        let ack = ExecutionEvent(time: t, clientOrderID: ClientOrderID(rawValue: 1), price: 650_000, lots: 5, filledLots: 0,
                                 instrument: id, kind: .acked, state: .acked, side: .buy, intent: .entry)
        book.apply(ack)
        #expect(book[id].lots == 0)
    }
}
