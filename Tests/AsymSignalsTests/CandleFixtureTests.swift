import AsymCore
import AsymSignals
import Foundation
import Testing

/// trades.csv streamed through `CandleAggregator` equals trade_candles.csv, which pandas built from the same trades
/// with the same empty-interval policy (scripts/talib_fixtures.py).
@Suite struct CandleFixtureTests {
    static let priceScale = FixedPointScale(decimals: 1)
    static let quantityScale = FixedPointScale(decimals: 3)

    @Test func everyTimeframeBuiltFromFixtureTradesEqualsThePandasAggregation() throws {
        var expected: [String: [Candle]] = [:]
        for line in try IndicatorFixture.lines("trade_candles.csv").dropFirst() {
            let f = line.split(separator: ",").map(String.init)
            let price = { (i: Int) in Price(ticks: try! Self.priceScale.ticks(parsing: f[i])) }
            let lots = { (i: Int) in Quantity(lots: try! Self.quantityScale.ticks(parsing: f[i])) }
            expected[f[0], default: []].append(Candle(
                openTime: Int64(f[1])!, open: price(2), high: price(3), low: price(4), close: price(5),
                volume: lots(6), takerBuyVolume: lots(7), tradeCount: Int(f[8])!))
        }
        var aggregator = CandleAggregator()
        var built: [String: [Candle]] = [:]
        for line in try IndicatorFixture.lines("trades.csv").dropFirst() {
            let f = line.split(separator: ",").map(String.init)
            aggregator.apply(
                price: Price(ticks: try Self.priceScale.ticks(parsing: f[1])),
                quantity: Quantity(lots: try Self.quantityScale.ticks(parsing: f[2])),
                side: f[3] == "buy" ? .buy : .sell, exchangeTime: Int64(f[0])!)
            for timeframe in CandleAggregator.timeframes {
                while let candle = aggregator.nextClosed(timeframe) { built[timeframe.description, default: []].append(candle) }
            }
        }
        for timeframe in CandleAggregator.timeframes {
            let name = timeframe.description
            var candles = built[name] ?? []
            candles.append(try #require(aggregator.builder(timeframe).inProgress))
            let reference = try #require(expected[name])
            #expect(candles.count == reference.count, "\(name)")
            let firstDifference = zip(candles, reference).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            #expect(firstDifference == nil, "\(name) differs at candle \(firstDifference ?? -1)")
            #expect(aggregator.builder(timeframe).outOfOrderTrades == 0 && aggregator.builder(timeframe).undrainedCandles == 0)
        }
        #expect(expected["4h"]!.contains { $0.isEmpty }, "the fixture's long gap empties a whole 4h bucket")
    }
}
