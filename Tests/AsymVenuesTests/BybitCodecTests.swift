import AsymCore
import AsymVenues
import Testing

@Suite struct BybitCodecTests {
    let codec = TestCodecs.bybit
    typealias L = BookLevel
    func level(_ price: Int64, _ quantity: Int64) -> BookLevel { Decode.level(price, quantity) }

    @Test func decodesBybitOrderbookDeltaFromDocs() throws {
        let decoded = try Decode.run(codec, try Fixture.bytes("bybit-orderbook-delta.json")).get()
        #expect(decoded.kind == .bookDelta)
        #expect(decoded.instrument == TestCodecs.btc)
        #expect(decoded.depth == 50)
        #expect(decoded.exchangeTime == 1_687_940_967_466_000_000)
        #expect(decoded.matchTime == 1_687_940_967_464_000_000)
        #expect(decoded.updateID == 177_400_507)
        #expect(decoded.sequence == 66_544_703_342)
        #expect(decoded.bids == [
            level(302_472, 30_028), level(302_454, 224), level(302_421, 1_593), level(302_403, 1_305), level(302_400, 0),
        ])
        #expect(decoded.asks == [
            level(302_487, 0), level(302_493, 892), level(302_495, 1_778), level(302_496, 0), level(302_519, 2_947),
            level(302_522, 659), level(302_525, 4_591),
        ])
    }

    @Test func rejectsBybitSnapshotExampleAsPublishedAndDecodesRepairedCopy() throws {
        let verbatim = Decode.run(codec, try Fixture.bytes("bybit-orderbook-snapshot.json"))
        #expect(throws: DecodeError.self) { try verbatim.get() }
        let decoded = try Decode.run(codec, try Fixture.repaired("bybit-orderbook-snapshot.json")).get()
        #expect(decoded.kind == .bookSnapshot)
        #expect(decoded.exchangeTime == 1_672_304_484_978_000_000)
        #expect(decoded.matchTime == 1_672_304_484_976_000_000)
        #expect(decoded.updateID == 18_521_288)
        #expect(decoded.sequence == 7_961_638_724)
        #expect(decoded.bids == [level(164_935, 6), level(164_930, 100)])
        #expect(decoded.asks == [level(166_110, 29), level(166_120, 213)])
    }

    @Test func decodesBybitPublicTradeFromDocs() throws {
        let decoded = try Decode.run(codec, try Fixture.bytes("bybit-public-trade.json")).get()
        #expect(decoded.kind == .trade)
        #expect(decoded.instrument == TestCodecs.btc)
        #expect(decoded.exchangeTime == 1_672_304_486_868_000_000)
        #expect(decoded.sequence == 1_783_284_617)
        let trade = try #require(decoded.trades.first)
        #expect(decoded.trades.count == 1)
        #expect(trade.price == Price(ticks: 165_785))
        #expect(trade.quantity == Quantity(lots: 1))
        #expect(trade.takerSide == .buy)
        #expect(trade.exchangeTime == 1_672_304_486_865_000_000)
        #expect(trade.tradeID == (0x20f4_3950_d8dd_5b31 as UInt64) ^ (0x9112_a178_eb60_23af as UInt64))
        #expect(trade.isBlockTrade == false)
        #expect(trade.fillCount == 1)
    }

    @Test func decodesBybitPongAndSubscribeAckFromDocs() throws {
        let pong = try Decode.run(codec, try Fixture.bytes("bybit-pong-linear.json")).get()
        #expect(pong.kind == .pong)
        #expect(pong.message == "pong")
        let ack = try Decode.run(codec, try Fixture.bytes("bybit-subscribe-ack-linear.json")).get()
        #expect(ack.kind == .subscribeAck)
        #expect(ack.message == "")
    }

    @Test func reportsFailedBybitSubscribeAsErrorWithMessage() throws {
        let frame = #"{"success":false,"ret_msg":"error:handler not found,topic:orderbook.50.FOO","conn_id":"c1","req_id":"","op":"subscribe"}"#
        let decoded = try Decode.run(codec, Array(frame.utf8)).get()
        #expect(decoded.kind == .error)
        #expect(decoded.message == "error:handler not found,topic:orderbook.50.FOO")
    }

    @Test func decodesBybitDeltaWithDataBeforeTopicAndTypeLast() throws {
        let frame = #"{"cts":2,"data":{"seq":9,"a":[["100.5","1.000"]],"u":7,"b":[],"s":"BTCUSDT"},"ts":3,"topic":"orderbook.200.BTCUSDT","type":"delta"}"#
        let decoded = try Decode.run(codec, Array(frame.utf8)).get()
        #expect(decoded.kind == .bookDelta)
        #expect(decoded.depth == 200)
        #expect(decoded.updateID == 7 && decoded.sequence == 9)
        #expect(decoded.bids.isEmpty)
        #expect(decoded.asks == [level(1_005, 1_000)])
    }

    @Test func ignoresUnknownBybitFieldsOfAnyShape() throws {
        let frame = #"{"topic":"orderbook.1.BTCUSDT","x":{"y":[1,{"z":"\"]}"}],"w":null},"type":"snapshot","ts":1,"data":{"s":"BTCUSDT","b":[["1.0","2"]],"a":[],"u":1,"seq":2,"new":[true,false]},"cts":1,"extra":-1.5e3}"#
        let decoded = try Decode.run(codec, Array(frame.utf8)).get()
        #expect(decoded.kind == .bookSnapshot)
        #expect(decoded.bids == [level(10, 2_000)])
    }

    @Test func ignoresUnregisteredSymbolsAndOtherTopics() throws {
        let otherSymbol = #"{"topic":"orderbook.50.ETHUSDT","type":"delta","ts":1,"data":{"s":"ETHUSDT","b":[["1.0","2"]],"a":[],"u":1,"seq":2},"cts":1}"#
        #expect(try Decode.run(codec, Array(otherSymbol.utf8)).get().kind == .ignored)
        let ticker = #"{"topic":"tickers.BTCUSDT","type":"snapshot","data":{"symbol":"BTCUSDT","lastPrice":"1"},"cs":1,"ts":1}"#
        #expect(try Decode.run(codec, Array(ticker.utf8)).get().kind == .ignored)
    }

    @Test func rejectsExponentAndOffTickPrices() throws {
        let exponent = #"{"topic":"orderbook.1.BTCUSDT","type":"snapshot","ts":1,"data":{"s":"BTCUSDT","b":[["1e5","2"]],"a":[],"u":1,"seq":2}}"#
        guard case .failure(.invalidDecimal(.exponent, _)) = Decode.run(codec, Array(exponent.utf8)) else {
            Issue.record("exponent accepted")
            return
        }
        let tooPrecise = #"{"topic":"orderbook.1.BTCUSDT","type":"snapshot","ts":1,"data":{"s":"BTCUSDT","b":[["1.05","2"]],"a":[],"u":1,"seq":2}}"#
        guard case .failure(.invalidDecimal(.tooPrecise, _)) = Decode.run(codec, Array(tooPrecise.utf8)) else {
            Issue.record("off-tick price accepted")
            return
        }
    }

    @Test func decodesThousandLevelSnapshotAndRefusesToGrowPastCapacity() throws {
        let levels = (0..<1000).map { #"["\#(50_000 - $0).5","0.001"]"# }.joined(separator: ",")
        let frame = #"{"topic":"orderbook.1000.BTCUSDT","type":"snapshot","ts":1,"data":{"s":"BTCUSDT","b":[\#(levels)],"a":[\#(levels)],"u":1,"seq":1},"cts":1}"#
        let decoded = try Decode.run(codec, Array(frame.utf8)).get()
        #expect(decoded.bids.count == 1000 && decoded.asks.count == 1000)
        #expect(decoded.bids.last == level(490_015, 1))
        let small = FrameBatch(levelCapacity: 999, tradeCapacity: 1)
        #expect(throws: DecodeError.tooManyLevels) { try Decode.run(codec, Array(frame.utf8), into: small).get() }
        #expect(small.header.kind == MessageKind.none)
    }

    @Test func refusesFramesAboveTheConfiguredMaximum() throws {
        var table = SymbolTable()
        table.register(symbol: "BTCUSDT", instrument: TestCodecs.btc, priceScale: FixedPointScale(decimals: 1), quantityScale: FixedPointScale(decimals: 3))
        let tight = BybitCodec(symbols: table, limits: DecodeLimits(maximumFrameBytes: 64))
        let frame = try Fixture.bytes("bybit-orderbook-delta.json")
        #expect(throws: DecodeError.frameTooLarge(frame.count)) { try Decode.run(tight, frame).get() }
    }

    @Test func rejectsTradeWithUnknownSide() throws {
        let frame = #"{"topic":"publicTrade.BTCUSDT","type":"snapshot","ts":1,"data":[{"T":1,"s":"BTCUSDT","S":"Hold","v":"0.001","p":"1.0","i":"x"}]}"#
        guard case .failure(.invalidValue) = Decode.run(codec, Array(frame.utf8)) else {
            Issue.record("unknown side accepted")
            return
        }
    }
}
