import AsymCore
import AsymSignals
import Foundation
import Testing

private let minute: Int64 = 60_000_000_000
private let hour = 60 * minute
/// 2024-01-01T00:00:00Z.
private let midnight: Int64 = 1_704_067_200_000_000_000

private func drain(_ builder: inout CandleBuilder) -> [Candle] {
    var out: [Candle] = []
    while let candle = builder.nextClosed() { out.append(candle) }
    return out
}

@Suite struct CandleBuilderTests {
    @Test func bucketsAreUTCAlignedFloorDivisions() {
        #expect(CandleTimeframe.oneHour.bucketStart(containing: midnight + 61 * minute) == midnight + hour)
        #expect(CandleTimeframe.fourHours.bucketStart(containing: midnight + 7 * hour + 59 * minute) == midnight + 4 * hour)
        #expect(CandleTimeframe.oneMinute.bucketStart(containing: -1) == -minute)
        #expect(CandleTimeframe.fifteenMinutes.description == "15m" && CandleTimeframe.fourHours.description == "4h")
    }

    @Test func buildsAllFiveTimeframesFromOneHandBuiltTradeSequence() {
        var candles = CandleAggregator()
        // (minutes after midnight + seconds, price ticks, lots, side)
        let trades: [(Int64, Int64, Int64, TakerSide)] = [
            (0 * minute + 5_000_000_000, 100, 2, .buy),
            (0 * minute + 30_000_000_000, 104, 1, .sell),
            (1 * minute, 101, 3, .buy),
            (4 * minute + 59_999_999_999, 99, 1, .sell),
            (5 * minute, 110, 5, .buy),
            (59 * minute, 90, 1, .sell),
            (60 * minute, 95, 2, .buy),
            (4 * hour + 1, 120, 1, .buy),
        ]
        var closed: [CandleTimeframe: [Candle]] = [:]
        for (offset, ticks, lots, side) in trades {
            candles.apply(price: Price(ticks: ticks), quantity: Quantity(lots: lots), side: side, exchangeTime: midnight + offset)
            for timeframe in CandleAggregator.timeframes {
                while let candle = candles.nextClosed(timeframe) { closed[timeframe, default: []].append(candle) }
            }
        }
        let oneMinute = closed[.oneMinute] ?? []
        // Every minute from 00:00 to 03:59 closed: 240 one-minute candles, most of them empty.
        #expect(oneMinute.count == 240)
        #expect(oneMinute[0] == Candle(openTime: midnight, open: Price(ticks: 100), high: Price(ticks: 104),
                                       low: Price(ticks: 100), close: Price(ticks: 104), volume: Quantity(lots: 3),
                                       takerBuyVolume: Quantity(lots: 2), tradeCount: 2))
        #expect(oneMinute[2].isEmpty && oneMinute[2].close == Price(ticks: 101))

        let fiveMinutes = closed[.fiveMinutes] ?? []
        #expect(fiveMinutes.count == 48)
        #expect(fiveMinutes[0].open == Price(ticks: 100) && fiveMinutes[0].high == Price(ticks: 104)
                && fiveMinutes[0].low == Price(ticks: 99) && fiveMinutes[0].close == Price(ticks: 99)
                && fiveMinutes[0].volume == Quantity(lots: 7) && fiveMinutes[0].tradeCount == 4)

        let fifteen = closed[.fifteenMinutes] ?? []
        #expect(fifteen.count == 16 && fifteen[0].close == Price(ticks: 110) && fifteen[0].volume == Quantity(lots: 12))

        let hours = closed[.oneHour] ?? []
        #expect(hours.count == 4)
        #expect(hours[0].open == Price(ticks: 100) && hours[0].high == Price(ticks: 110) && hours[0].low == Price(ticks: 90)
                && hours[0].close == Price(ticks: 90) && hours[0].tradeCount == 6)
        #expect(hours[1].close == Price(ticks: 95) && !hours[1].isEmpty)
        #expect(hours[2] == Candle.empty(openTime: midnight + 2 * hour, previousClose: Price(ticks: 95)))

        #expect(closed[.fourHours] == [Candle(
            openTime: midnight, open: Price(ticks: 100), high: Price(ticks: 110), low: Price(ticks: 90),
            close: Price(ticks: 95), volume: Quantity(lots: 15), takerBuyVolume: Quantity(lots: 12), tradeCount: 7)])
        #expect(candles.builder(.fourHours).inProgress?.open == Price(ticks: 120))
    }

    @Test func emptyIntervalsBecomeFlatZeroVolumeCandlesAtThePreviousClose() {
        var builder = CandleBuilder(timeframe: .oneMinute)
        builder.apply(price: Price(ticks: 500), quantity: Quantity(lots: 1), side: .buy, exchangeTime: midnight)
        builder.apply(price: Price(ticks: 510), quantity: Quantity(lots: 1), side: .buy, exchangeTime: midnight + 10)
        let closed = builder.apply(price: Price(ticks: 490), quantity: Quantity(lots: 4), side: .sell, exchangeTime: midnight + 4 * minute)
        #expect(closed == 4)
        let candles = drain(&builder)
        #expect(candles.map(\.openTime) == [0, 1, 2, 3].map { midnight + $0 * minute })
        #expect(!candles[0].isEmpty && candles[0].close == Price(ticks: 510))
        for candle in candles.dropFirst() {
            #expect(candle.isEmpty && candle.volume == .zero && candle.tradeCount == 0)
            #expect(candle.open == Price(ticks: 510) && candle.high == Price(ticks: 510) && candle.low == Price(ticks: 510))
        }
    }

    @Test func advanceClosesQuietIntervalsWithoutATrade() {
        var builder = CandleBuilder(timeframe: .fiveMinutes)
        #expect(builder.advance(to: midnight + hour) == 0, "nothing before the first trade")
        builder.apply(price: Price(ticks: 7), quantity: Quantity(lots: 1), side: .buy, exchangeTime: midnight + minute)
        #expect(builder.advance(to: midnight + 4 * minute) == 0)
        #expect(builder.advance(to: midnight + 15 * minute) == 3)
        #expect(drain(&builder).map(\.isEmpty) == [false, true, true])
        #expect(builder.inProgress == Candle.empty(openTime: midnight + 15 * minute, previousClose: Price(ticks: 7)))
        // The in-progress bucket had no trade when the next trade lands later: it closes empty.
        builder.apply(price: Price(ticks: 8), quantity: Quantity(lots: 1), side: .buy, exchangeTime: midnight + 21 * minute)
        #expect(drain(&builder) == [Candle.empty(openTime: midnight + 15 * minute, previousClose: Price(ticks: 7))])
    }

    @Test func outOfOrderTradeOlderThanTheCurrentBucketIsCountedAndIgnored() {
        var builder = CandleBuilder(timeframe: .oneMinute)
        builder.apply(price: Price(ticks: 100), quantity: Quantity(lots: 1), side: .buy, exchangeTime: midnight + 10)
        builder.apply(price: Price(ticks: 101), quantity: Quantity(lots: 1), side: .buy, exchangeTime: midnight + minute + 10)
        let before = drain(&builder)
        #expect(builder.apply(price: Price(ticks: 1), quantity: Quantity(lots: 9), side: .sell, exchangeTime: midnight + 20) == 0)
        #expect(builder.outOfOrderTrades == 1)
        #expect(before.count == 1 && before[0].low == Price(ticks: 100), "closed candles are never revised")
        #expect(builder.inProgress?.low == Price(ticks: 101) && builder.inProgress?.volume == Quantity(lots: 1))
    }

    @Test func lateTradeInsideTheCurrentBucketSetsOpenAndCloseByExchangeTime() {
        var builder = CandleBuilder(timeframe: .oneMinute)
        builder.apply(price: Price(ticks: 200), quantity: Quantity(lots: 1), side: .buy, exchangeTime: midnight + 30)
        builder.apply(price: Price(ticks: 190), quantity: Quantity(lots: 1), side: .sell, exchangeTime: midnight + 10)
        builder.apply(price: Price(ticks: 205), quantity: Quantity(lots: 1), side: .buy, exchangeTime: midnight + 20)
        let candle = builder.inProgress
        #expect(candle?.open == Price(ticks: 190) && candle?.close == Price(ticks: 200))
        #expect(candle?.high == Price(ticks: 205) && candle?.tradeCount == 3 && builder.outOfOrderTrades == 0)
    }

    @Test func candlesNotDrainedBeforeTheNextCloseAreDroppedAndCounted() {
        var builder = CandleBuilder(timeframe: .oneMinute)
        builder.apply(price: Price(ticks: 1), quantity: Quantity(lots: 1), side: .buy, exchangeTime: midnight)
        builder.apply(price: Price(ticks: 2), quantity: Quantity(lots: 1), side: .buy, exchangeTime: midnight + 3 * minute)
        #expect(builder.pendingCount == 3)
        builder.apply(price: Price(ticks: 3), quantity: Quantity(lots: 1), side: .buy, exchangeTime: midnight + 4 * minute)
        #expect(builder.undrainedCandles == 3)
        #expect(drain(&builder).map(\.close) == [Price(ticks: 2)])
    }

    @Test func candleIsSixtyFourBytesAndConvertsTicksExactly() {
        #expect(MemoryLayout<Candle>.size <= 64)
        let candle = Candle(openTime: 0, open: Price(ticks: 300_001), high: Price(ticks: 300_019), low: Price(ticks: 299_999),
                            close: Price(ticks: 300_004), volume: Quantity(lots: 8_753), takerBuyVolume: .zero, tradeCount: 1)
        let values = candle.values(priceScale: FixedPointScale(decimals: 1), quantityScale: FixedPointScale(decimals: 3))
        #expect(values == CandleValues(open: Double("30000.1")!, high: Double("30001.9")!, low: Double("29999.9")!,
                                       close: Double("30000.4")!, volume: Double("8.753")!))
        let halfTicks = candle.values(priceScale: FixedPointScale(decimals: 1, step: 5), quantityScale: FixedPointScale(decimals: 0))
        #expect(halfTicks.open == 150_000.5)
    }
}
