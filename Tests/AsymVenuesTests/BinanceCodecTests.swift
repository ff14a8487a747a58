import AsymCore
import AsymVenues
import Testing

@Suite struct BinanceCodecTests {
    let codec = TestCodecs.binance
    func level(_ price: Int64, _ quantity: Int64) -> BookLevel { Decode.level(price, quantity) }

    @Test func decodesBinanceDepthUpdateFromDocs() throws {
        let verbatim = Decode.run(codec, try Fixture.bytes("binance-depth-update.jsonc"))
        guard case .failure(.unexpectedByte(UInt8(ascii: "/"), _)) = verbatim else {
            Issue.record("commented doc text accepted: \(verbatim)")
            return
        }
        let decoded = try Decode.run(codec, try Fixture.repaired("binance-depth-update.jsonc")).get()
        #expect(decoded.kind == .bookDelta)
        #expect(decoded.instrument == TestCodecs.btc)
        #expect(decoded.exchangeTime == 123_456_789_000_000)
        #expect(decoded.matchTime == 123_456_788_000_000)
        #expect(decoded.firstUpdateID == 157)
        #expect(decoded.updateID == 160)
        #expect(decoded.previousUpdateID == 149)
        #expect(decoded.bids == [level(24, 10_000)])
        #expect(decoded.asks == [level(26, 100_000)])
    }

    @Test func decodesDepthUpdateInsideCombinedStreamWrapper() throws {
        let inner = String(decoding: try Fixture.repaired("binance-depth-update.jsonc"), as: UTF8.self)
        let raw = try Decode.run(codec, Array(inner.utf8)).get()
        let wrapped = try Decode.run(codec, Array(#"{"stream":"btcusdt@depth@100ms","data":\#(inner)}"#.utf8)).get()
        #expect(wrapped == raw)
        let dataFirst = try Decode.run(codec, Array(#"{"data":\#(inner),"stream":"btcusdt@depth@100ms"}"#.utf8)).get()
        #expect(dataFirst == raw)
    }

    @Test func decodesDepthUpdateWhoseLevelsPrecedeTheSymbol() throws {
        let frame = #"{"b":[["0.0024","10"]],"a":[["0.0026","100"],["0.0027","0"]],"pu":149,"u":160,"U":157,"T":123456788,"E":123456789,"s":"BTCUSDT","e":"depthUpdate"}"#
        let decoded = try Decode.run(codec, Array(frame.utf8)).get()
        #expect(decoded.kind == .bookDelta)
        #expect(decoded.bids == [level(24, 10_000)])
        #expect(decoded.asks == [level(26, 100_000), level(27, 0)])
    }

    @Test func decodesRESTDepthSnapshotFromDocsForTheGivenInstrument() throws {
        let body = try Fixture.repaired("binance-depth-snapshot-rest.jsonc")
        let batch = FrameBatch()
        try body.withUnsafeBytes { try codec.decodeDepthSnapshot($0, instrument: TestCodecs.restDoc, into: batch) }
        #expect(batch.header.kind == .bookSnapshot)
        #expect(batch.header.instrument == TestCodecs.restDoc)
        #expect(batch.header.updateID == 1_027_024)
        #expect(batch.header.exchangeTime == 1_589_436_922_972_000_000)
        #expect(batch.header.matchTime == 1_589_436_922_959_000_000)
        #expect(Array(batch.bids) == [level(400_000_000, 43_100_000_000)])
        #expect(Array(batch.asks) == [level(400_000_200, 1_200_000_000)])
        #expect(throws: DecodeError.instrumentRequired) { try Decode.run(codec, body).get() }
    }

    @Test func decodesAggTradeFromDocsWithBuyerMakerAsTakerSell() throws {
        #expect(throws: DecodeError.self) { try Decode.run(codec, try Fixture.bytes("binance-agg-trade.jsonc")).get() }
        let decoded = try Decode.run(codec, try Fixture.repaired("binance-agg-trade.jsonc")).get()
        #expect(decoded.kind == .trade)
        #expect(decoded.exchangeTime == 123_456_789_000_000)
        let trade = try #require(decoded.trades.first)
        #expect(trade.price == Price(ticks: 10))
        #expect(trade.quantity == Quantity(lots: 100_000))
        #expect(trade.tradeID == 5_933_014)
        #expect(trade.exchangeTime == 123_456_785_000_000)
        #expect(trade.takerSide == .sell)
        #expect(trade.fillCount == 6)
    }

    @Test func decodesBookTickerFromDocsAsBestBidOffer() throws {
        let decoded = try Decode.run(codec, try Fixture.repaired("binance-book-ticker.jsonc")).get()
        #expect(decoded.kind == .bestBidOffer)
        #expect(decoded.instrument == TestCodecs.bnb)
        #expect(decoded.updateID == 400_900_217)
        #expect(decoded.exchangeTime == 1_568_014_460_893_000_000)
        #expect(decoded.matchTime == 1_568_014_460_891_000_000)
        #expect(decoded.bids == [level(253_519, 3_121)])
        #expect(decoded.asks == [level(253_652, 4_066)])
    }

    @Test func decodesSubscribeResultFromDocsAndErrorReplies() throws {
        #expect(try Decode.run(codec, try Fixture.bytes("binance-subscribe-result.json")).get().kind == .subscribeAck)
        let list = #"{"result":["btcusdt@aggTrade"],"id":3}"#
        #expect(try Decode.run(codec, Array(list.utf8)).get().kind == .ignored)
        let error = #"{"code": 0, "msg": "Unknown property","id": 7}"#
        let decoded = try Decode.run(codec, Array(error.utf8)).get()
        #expect(decoded.kind == .error)
        #expect(decoded.errorCode == 0)
        #expect(decoded.message == "Unknown property")
    }

    @Test func ignoresOtherEventsAndUnregisteredSymbols() throws {
        let mark = #"{"e":"markPriceUpdate","E":1,"s":"BTCUSDT","p":"1.0"}"#
        #expect(try Decode.run(codec, Array(mark.utf8)).get().kind == .ignored)
        let other = #"{"e":"depthUpdate","E":1,"T":1,"s":"XRPUSDT","U":1,"u":2,"pu":0,"b":[["1.0","1"]],"a":[]}"#
        #expect(try Decode.run(codec, Array(other.utf8)).get().kind == .ignored)
    }
}
