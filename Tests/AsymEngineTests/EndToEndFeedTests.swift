import AsymBook
import AsymCore
@testable import AsymEngine
import AsymRing
import AsymTransport
import Foundation
import Testing
import TestSupport

/// `asym serve` → live WebSocket client → FrameRing → engine-side processor; the book must equal
/// what `asym book` builds from the same recording.
@Suite(.serialized) struct EndToEndFeedTests {
    typealias H = FeedTestHarness

    struct LiveBook: MarketDataVisitor {
        var ring: FrameRing
        var feed: LiveFeed
        var emulator: VenueEmulator
        var symbol: String

        func visit<Rules: VenueSequencing>(_ processor: MarketDataProcessor<Rules>) throws -> String {
            let session = try MarketDataSession(venue: Rules.Codec.venue)
            let feed = feed
            let pump = MarketDataPump(processor: processor, ring: ring,
                                      instruments: [try #require(session.instrumentID(of: symbol))]) { feed.requestResync(symbolIndex: $0) }
            try feed.start()
            let deadline = Date(timeIntervalSinceNow: 20)
            var quietSince = Date()
            // Done when the emulator has replayed everything and the ring stayed empty for a while.
            while Date() < deadline {
                if pump.pumpAvailable() > 0 { quietSince = Date() }
                if emulator.summary.isFinished && Date().timeIntervalSince(quietSince) > 0.3 { break }
                Thread.sleep(forTimeInterval: 0.001)
            }
            #expect(emulator.summary.isFinished)
            let id = try #require(session.instrumentID(of: symbol))
            return BookJSON.levels(processor.books[id], side: .bid, depth: 1000, instrument: session.instruments[Int(id.rawValue)])
                + BookJSON.levels(processor.books[id], side: .ask, depth: 1000, instrument: session.instruments[Int(id.rawValue)])
                + " usable=\(processor.books[id].isUsable)"
        }
    }

    @Test(arguments: [Venue.bybit, .binance, .okx])
    func liveBookFromServeEqualsReplayedBook(venue: Venue) throws {
        try TemporaryDirectory.with { directory in
            let recording = try H.recording(venue, frames: 1_500, seed: 21, in: directory)
            let session = try MarketDataSession(venue: venue)
            let symbol = session.instruments[0].symbol
            let replay = try RecordingReplay.run(path: recording.path, session: session, symbol: symbol, measure: false)
            let instrument = session.instruments[0]
            let expected = BookJSON.levels(replay.books[InstrumentID(0)], side: .bid, depth: 1000, instrument: instrument)
                + BookJSON.levels(replay.books[InstrumentID(0)], side: .ask, depth: 1000, instrument: instrument)
                + " usable=true"

            let emulator = try H.emulator(venue, path: recording.path)
            defer { emulator.stop() }
            let ring = FrameRing(slotCount: 1024, slotSize: 64 * 1024)
            let feed = try LiveFeed(configuration: H.feedConfiguration(venue, symbol: symbol, port: emulator.port), ring: ring)
            defer { feed.stop() }
            let live = try session.withProcessor(LiveBook(ring: ring, feed: feed, emulator: emulator, symbol: symbol))
            #expect(live == expected)
        }
    }

    @Test func droppedBinanceFrameOverTheWireResyncsFromARestSnapshotAndTheBookRecovers() throws {
        try TemporaryDirectory.with { directory in
            let recording = try H.recording(.binance, frames: 1_500, seed: 23, in: directory)
            let session = try MarketDataSession(venue: .binance)
            let replay = try RecordingReplay.run(path: recording.path, session: session, symbol: "BTCUSDT", measure: false)
            let instrument = session.instruments[0]
            let expected = BookJSON.levels(replay.books[InstrumentID(0)], side: .bid, depth: 1000, instrument: instrument)
                + BookJSON.levels(replay.books[InstrumentID(0)], side: .ask, depth: 1000, instrument: instrument)
                + " usable=true"
            let emulator = try H.emulator(.binance, path: recording.path, faults: FeedFaultPlan(dropBookFrame: 700))
            defer { emulator.stop() }
            let ring = FrameRing(slotCount: 1024, slotSize: 64 * 1024)
            let feed = try LiveFeed(configuration: H.feedConfiguration(.binance, symbol: "BTCUSDT", port: emulator.port), ring: ring)
            defer { feed.stop() }
            let live = try session.withProcessor(LiveBook(ring: ring, feed: feed, emulator: emulator, symbol: "BTCUSDT"))
            #expect(feed.counters.resyncRequests >= 1)
            #expect(feed.counters.restSnapshots >= 2)  // the start-up snapshot and the one after the gap
            #expect(live == expected)
        }
    }
}
