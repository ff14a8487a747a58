import AsymBook
import AsymCore
import AsymEngine
import AsymVenues
import Testing

/// Replays synthetic recordings (whose generator keeps the true book) through the real processors.
@Suite struct MarketDataProcessorTests {
    /// Frames of a synthetic recording, in order, with the generator's final book.
    struct Recorded {
        var frames: [(time: Int64, text: String)] = []
        var bids: [(price: Int64, lots: Int64)] = []
        var asks: [(price: Int64, lots: Int64)] = []
    }

    static func record(_ venue: Venue, frames: Int, seed: UInt64, okxChecksums: Bool = false) throws -> Recorded {
        var recorded = Recorded()
        _ = try SyntheticRecording.generate(venue: venue, frames: frames, seed: seed, okxChecksums: okxChecksums) { time, text in
            recorded.frames.append((time, text))
        }
        return recorded
    }

    /// Runs frames through the venue's processor and returns the final book of instrument 0 and the counters.
    struct Replayed: MarketDataVisitor {
        var frames: [(time: Int64, text: String)]
        func visit<Rules: VenueSequencing>(_ processor: MarketDataProcessor<Rules>) throws -> (OrderBook, FeedCounters, [FrameOutcome]) {
            var outcomes: [FrameOutcome] = []
            for frame in frames {
                var text = frame.text
                outcomes.append(text.withUTF8 { processor.process(UnsafeRawBufferPointer($0), receiveTime: frame.time) })
            }
            return (processor.books[InstrumentID(0)], processor.counters, outcomes)
        }
    }

    static func levels(_ book: OrderBook, _ side: BookSide) -> [(Int64, Int64)] {
        var result: [(Int64, Int64)] = []
        book.forEachLevel(side: side) { result.append(($0.price.ticks, $0.quantity.lots)) }
        return result
    }

    /// The generator's book after the same steps, from a second, identical generator run.
    static func truth(_ venue: Venue, frames: Int, seed: UInt64) throws -> (bids: [(Int64, Int64)], asks: [(Int64, Int64)]) {
        let (instrument, typical) = try SyntheticRecording.defaultInstrument(for: venue)
        let market = SyntheticMarket(
            configuration: .init(priceScale: instrument.priceScale, quantityScale: instrument.quantityScale,
                                 startPrice: try instrument.priceScale.ticks(parsing: "65000"), typicalLevelLots: typical),
            seed: seed)
        let summary = try SyntheticRecording.generate(venue: venue, frames: frames, seed: seed) { _, _ in }
        for _ in 0..<summary.completeSteps { _ = market.step() }
        return (market.levels(.bid, depth: 1000).map { ($0.price, $0.lots) },
                market.levels(.ask, depth: 1000).map { ($0.price, $0.lots) })
    }

    @Test(arguments: [Venue.bybit, .binance, .okx])
    func replayRebuildsTheGeneratorsExactBook(venue: Venue) throws {
        // Long enough to include steps with no book change (an OKX push without a change once broke the chain).
        let frames = 60_000
        let recorded = try Self.record(venue, frames: frames, seed: 11)
        let session = try MarketDataSession(venue: venue)
        let (book, counters, _) = try session.withProcessor(Replayed(frames: recorded.frames))
        let truth = try Self.truth(venue, frames: frames, seed: 11)
        #expect(counters.gaps == 0)
        #expect(counters.decodeErrors == 0)
        #expect(counters.crossed == 0)
        #expect(book.isUsable)
        #expect(Self.levels(book, .bid).elementsEqual(truth.bids, by: ==))
        #expect(Self.levels(book, .ask).elementsEqual(truth.asks, by: ==))
        #expect(counters.trades > 0)
    }

    @Test func okxChecksumsAreVerifiedOnEveryPushAndAMismatchIsAGap() throws {
        var recorded = try Self.record(.okx, frames: 20_000, seed: 11, okxChecksums: true)
        let session = try MarketDataSession(venue: .okx)
        let (book, counters, _) = try session.withProcessor(Replayed(frames: recorded.frames))
        #expect(counters.checksumMismatches == 0 && counters.gaps == 0 && book.isUsable)
        // Alter one size inside an update: the sequence still chains, only the checksum can tell.
        let index = recorded.frames.indices.filter { recorded.frames[$0].text.contains("\"update\"") }[50]
        let text = recorded.frames[index].text
        let sizeStart = try #require(text.range(of: "\",\"", range: text.range(of: "[[\"")!.upperBound..<text.endIndex))
        recorded.frames[index].text = text.replacingCharacters(in: sizeStart.upperBound..<text.index(after: sizeStart.upperBound),
                                                                 with: text[sizeStart.upperBound] == "1" ? "2" : "1")
        let (_, tampered, outcomes) = try session.withProcessor(Replayed(frames: recorded.frames))
        #expect(tampered.checksumMismatches >= 1)
        #expect(outcomes[index] == .gap(InstrumentID(0)))
    }

    @Test func droppedBinanceFrameIsAGapThatResyncsAtTheNextSnapshot() throws {
        var recorded = try Self.record(.binance, frames: 400, seed: 5)
        let depthIndices = recorded.frames.indices.filter { recorded.frames[$0].text.contains("depthUpdate") }
        recorded.frames.remove(at: depthIndices[20])
        // The collector fetches a fresh REST snapshot after a gap; replay one built from the true book.
        let session = try MarketDataSession(venue: .binance)
        let (book, counters, outcomes) = try session.withProcessor(Replayed(frames: recorded.frames))
        #expect(counters.gaps == 1)
        #expect(outcomes.contains(.gap(InstrumentID(0))))
        #expect(!book.isUsable)

        let truthAtEnd = try Self.truth(.binance, frames: 400, seed: 5)
        let lastUpdate = try #require(recorded.frames.last { $0.text.contains("depthUpdate") })
        let finalID = try #require(lastUpdate.text.split(separator: ",").first { $0.hasPrefix("\"u\":") }).dropFirst(4)
        let scales = try SyntheticRecording.defaultInstrument(for: .binance).instrument
        func side(_ levels: [(Int64, Int64)]) -> String {
            "[" + levels.map { "[\"\(scales.priceScale.format(ticks: $0.0))\",\"\(scales.quantityScale.format(ticks: $0.1))\"]" }
                .joined(separator: ",") + "]"
        }
        let snapshot = "{\"lastUpdateId\":\(finalID),\"E\":1,\"T\":1,\"bids\":\(side(truthAtEnd.bids)),\"asks\":\(side(truthAtEnd.asks))}"
        let (recovered, afterCounters, _) = try session.withProcessor(
            Replayed(frames: recorded.frames + [(recorded.frames.last!.time + 1, snapshot)]))
        #expect(afterCounters.resyncs == 1)
        #expect(recovered.isUsable)
        #expect(Self.levels(recovered, .bid).elementsEqual(truthAtEnd.bids, by: ==))
    }

    @Test func malformedFrameIsCountedAndInvalidatesTheBookUntilTheNextSnapshot() throws {
        var recorded = try Self.record(.okx, frames: 300, seed: 9)
        let index = recorded.frames.indices.filter { recorded.frames[$0].text.contains("\"update\"") }[10]
        recorded.frames[index].text = String(recorded.frames[index].text.prefix(60))  // truncated mid-frame
        let session = try MarketDataSession(venue: .okx)
        let (book, counters, outcomes) = try session.withProcessor(Replayed(frames: recorded.frames))
        #expect(counters.decodeErrors == 1)
        #expect(outcomes[index] == .decodeError)
        #expect(!book.isUsable)  // state may have been lost: no trading until a snapshot
        #expect(counters.gaps >= 1)
    }

    @Test func gapOnOneSymbolLeavesTheOtherSymbolsBookUsable() throws {
        let session = try MarketDataSession(venue: .bybit)
        #expect(session.instruments.count >= 2)
        let eth = #"{"topic":"orderbook.50.ETHUSDT","type":"snapshot","ts":1,"data":{"s":"ETHUSDT","b":[["3000.00","1.00"]],"a":[["3000.10","2.00"]],"u":5,"seq":7},"cts":1}"#
        let btc = #"{"topic":"orderbook.50.BTCUSDT","type":"snapshot","ts":1,"data":{"s":"BTCUSDT","b":[["65000.0","1.000"]],"a":[["65000.1","2.000"]],"u":5,"seq":7},"cts":1}"#
        let broken = #"{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":2,"data":{"s":"BTCUSDT","b":[["65000.0""#
        struct Books: MarketDataVisitor {
            var frames: [String]
            func visit<Rules: VenueSequencing>(_ processor: MarketDataProcessor<Rules>) throws -> (Bool, Bool) {
                for frame in frames {
                    var text = frame
                    _ = text.withUTF8 { processor.process(UnsafeRawBufferPointer($0), receiveTime: 1) }
                }
                return (processor.books[InstrumentID(0)].isUsable, processor.books[InstrumentID(1)].isUsable)
            }
        }
        let (btcUsable, ethUsable) = try session.withProcessor(Books(frames: [btc, eth, broken]))
        #expect(!btcUsable)
        #expect(ethUsable)
    }
}
