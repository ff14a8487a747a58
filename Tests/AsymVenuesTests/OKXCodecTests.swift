import AsymCore
import AsymVenues
import Testing

@Suite struct OKXCodecTests {
    let codec = TestCodecs.okx
    func level(_ price: Int64, _ quantity: Int64) -> BookLevel { Decode.level(price, quantity) }

    var docAsks: [BookLevel] {
        [
            level(847_698, 41_500_000_000), level(847_700, 700_000_000), level(847_734, 8_500_000_000),
            level(847_756, 100_000_000), level(850_584, 800_000_000), level(850_637, 8_500_000_000),
            level(850_649, 200_000_000), level(850_696, 10_000_000_000),
        ]
    }
    var docBids: [BookLevel] {
        [
            level(847_697, 25_600_000_000), level(847_555, 10_100_000_000), level(847_554, 10_000_000_000),
            level(847_530, 100_000_000), level(844_732, 600_000_000), level(844_702, 24_600_000_000),
            level(844_683, 2_400_000_000), level(844_600, 9_500_000_000),
        ]
    }

    @Test func decodesOKXBooksSnapshotFromDocs() throws {
        let decoded = try Decode.run(codec, try Fixture.bytes("okx-books-snapshot.json")).get()
        #expect(decoded.kind == .bookSnapshot)
        #expect(decoded.instrument == TestCodecs.btc)
        #expect(decoded.depth == 400)
        #expect(decoded.exchangeTime == 1_597_026_383_085_000_000)
        #expect(decoded.checksum == -855_196_043)
        #expect(decoded.previousSequence == -1)
        #expect(decoded.sequence == 123_456)
        #expect(decoded.asks == docAsks)
        #expect(decoded.bids == docBids)
    }

    @Test func decodesOKXBooksUpdateFromDocs() throws {
        let decoded = try Decode.run(codec, try Fixture.bytes("okx-books-update.json")).get()
        #expect(decoded.kind == .bookDelta)
        #expect(decoded.previousSequence == 123_456)
        #expect(decoded.sequence == 123_457)
        #expect(decoded.asks == docAsks)
        #expect(decoded.bids == docBids)
    }

    @Test func decodesOKXBooks5AndBboTbtFromDocs() throws {
        let books5 = try Decode.run(codec, try Fixture.bytes("okx-books5.json")).get()
        #expect(books5.kind == .bookSnapshot)
        #expect(books5.depth == 5)
        #expect(books5.instrument == TestCodecs.bch)
        #expect(books5.sequence == 363_996_337)
        #expect(books5.previousSequence == nil)
        #expect(books5.asks == [level(11_106, 55_154), level(11_107, 53_276), level(11_108, 72_435), level(11_109, 70_312), level(11_110, 67_272)])
        #expect(books5.bids == [level(11_105, 57_745), level(11_104, 57_109), level(11_103, 69_563), level(11_102, 71_248), level(11_101, 65_090)])
        let bbo = try Decode.run(codec, try Fixture.bytes("okx-bbo-tbt.json")).get()
        #expect(bbo.kind == .bestBidOffer)
        #expect(bbo.depth == 1)
        #expect(bbo.exchangeTime == 1_670_324_386_802_000_000)
        #expect(bbo.asks == [level(11_106, 55_154)])
        #expect(bbo.bids == [level(11_105, 57_745)])
    }

    @Test func decodesOKXTradesFromDocs() throws {
        let decoded = try Decode.run(codec, try Fixture.bytes("okx-trades.json")).get()
        #expect(decoded.kind == .trade)
        #expect(decoded.sequence == 1234)
        let trade = try #require(decoded.trades.first)
        #expect(trade.price == Price(ticks: 4_221_990))
        #expect(trade.quantity == Quantity(lots: 12_060_306))
        #expect(trade.takerSide == .buy)
        #expect(trade.tradeID == 130_639_474)
        #expect(trade.fillCount == 3)
        #expect(trade.exchangeTime == 1_630_048_897_897_000_000)
    }

    @Test func decodesOKXSubscribeAckAndErrorFromDocs() throws {
        #expect(try Decode.run(codec, try Fixture.bytes("okx-subscribe-ack.json")).get().kind == .subscribeAck)
        let error = try Decode.run(codec, try Fixture.bytes("okx-subscribe-error.json")).get()
        #expect(error.kind == .error)
        #expect(error.errorCode == 60_012)
        #expect(error.message?.hasPrefix(#"Invalid request: {\"op\": \"subscribe\""#) == true)
        let notice = #"{"event":"notice","code":"64008","msg":"The connection will soon be closed for a service upgrade.","connId":"a4d3ae55"}"#
        let decoded = try Decode.run(codec, Array(notice.utf8)).get()
        #expect(decoded.kind == .notice && decoded.errorCode == 64_008)
    }

    @Test func decodesOKXTextPongAndPingWithoutJSON() throws {
        #expect(try Decode.run(codec, try Fixture.bytes("okx-pong.txt")).get().kind == .pong)
        #expect(try Decode.run(codec, Array("ping".utf8)).get().kind == .ping)
        #expect(try Decode.run(codec, Array("pong\n".utf8)).get().kind == .pong)
        #expect(throws: DecodeError.self) { try Decode.run(codec, Array("pongg".utf8)).get() }
        #expect(throws: DecodeError.self) { try Decode.run(codec, Array("pon".utf8)).get() }
    }

    @Test func decodesOKXBookWhoseDataPrecedesArg() throws {
        let frame = #"{"data":[{"seqId":5,"bids":[["1.5","2","0","1"]],"asks":[],"prevSeqId":3,"ts":"10","checksum":0}],"action":"update","arg":{"instId":"BCH-USDT-SWAP","channel":"books50-l2-tbt"}}"#
        let decoded = try Decode.run(codec, Array(frame.utf8)).get()
        #expect(decoded.kind == .bookDelta)
        #expect(decoded.depth == 50)
        #expect(decoded.instrument == TestCodecs.bch)
        #expect(decoded.bids == [level(150, 2)])
        #expect(decoded.checksum == 0)
        #expect(decoded.sequence == 5 && decoded.previousSequence == 3)
    }

    @Test func ignoresOtherChannelsAndUnregisteredInstruments() throws {
        let tickers = #"{"arg":{"channel":"tickers","instId":"BTC-USDT"},"data":[{"last":"1"}]}"#
        #expect(try Decode.run(codec, Array(tickers.utf8)).get().kind == .ignored)
        let eth = #"{"arg":{"channel":"books","instId":"ETH-USDT"},"action":"snapshot","data":[{"asks":[],"bids":[],"ts":"1","checksum":0,"prevSeqId":-1,"seqId":1}]}"#
        #expect(try Decode.run(codec, Array(eth.utf8)).get().kind == .ignored)
    }
}
