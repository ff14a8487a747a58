import AsymCore
@testable import AsymEngine
import AsymRing
import AsymTransport
import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct LiveFeedTests {
    typealias H = FeedTestHarness

    @Test func bybitFramesReachTheRingInOrderWithReceiveTimesAndTags() throws {
        try TemporaryDirectory.with { directory in
            let recording = try H.recording(.bybit, in: directory)
            let emulator = try H.emulator(.bybit, path: recording.path)
            defer { emulator.stop() }
            var configuration = H.feedConfiguration(.bybit, symbol: "BTCUSDT", port: emulator.port)
            configuration.heartbeatInterval = .milliseconds(50)
            let ring = FrameRing(slotCount: 512, slotSize: 64 * 1024)
            let feed = try LiveFeed(configuration: configuration, ring: ring)
            defer { feed.stop() }
            let before = WallClock.nanoseconds()
            try feed.start()
            var frames: [H.RingFrame] = []
            #expect(H.drain(ring, into: &frames) { $0.count >= recording.lines.count })
            #expect(H.firstMismatch(frames.map(\.text), recording.lines.map(\.text)) == nil)
            let book = try #require(feed.tag(symbol: "BTCUSDT", kind: .book))
            let trades = try #require(feed.tag(symbol: "BTCUSDT", kind: .trades))
            #expect(frames.allSatisfy { $0.tag == ($0.text.hasPrefix(#"{"topic":"orderbook"#) ? book : trades) })
            #expect(frames.allSatisfy { $0.receiveTime >= before && $0.receiveTime <= WallClock.nanoseconds() })
            #expect(zip(frames, frames.dropFirst()).allSatisfy { $0.receiveTime <= $1.receiveTime })
            // Heartbeat: JSON pings answered by pongs, which stay out of the ring.
            #expect(H.eventually { feed.counters.pongsReceived >= 1 })
            #expect(feed.counters.frames == recording.lines.count)
            #expect(ring.front() == nil)
            #expect(feed.counters.controlFrames >= 2)  // the subscribe ack and a pong
        }
    }

    @Test func disconnectMakesTheFeedReconnectResubscribeAndGetAFreshSnapshot() throws {
        try TemporaryDirectory.with { directory in
            let recording = try H.recording(.bybit, in: directory)
            let emulator = try H.emulator(.bybit, path: recording.path, faults: FeedFaultPlan(disconnectAfterFrames: 100))
            defer { emulator.stop() }
            let ring = FrameRing(slotCount: 512, slotSize: 64 * 1024)
            let feed = try LiveFeed(configuration: H.feedConfiguration(.bybit, symbol: "BTCUSDT", port: emulator.port), ring: ring)
            defer { feed.stop() }
            try feed.start()
            var frames: [H.RingFrame] = []
            // Replay pauses while nobody is subscribed, so everything arrives, plus one rendered snapshot.
            #expect(H.drain(ring, into: &frames) { $0.count >= recording.lines.count + 1 })
            #expect(feed.counters.reconnects == 1 && feed.counters.disconnects == 1)
            let expected = Array(recording.lines.prefix(100).map(\.text))
            #expect(H.firstMismatch(Array(frames.prefix(100).map(\.text)), expected) == nil)
            let snapshot = H.json(frames[100].text)
            #expect(snapshot["type"] as? String == "snapshot")
            // The snapshot's u is the last u sent before the disconnect.
            let lastU = recording.lines.prefix(100).last { $0.text.hasPrefix(#"{"topic":"orderbook"#) }
                .flatMap { FeedJSON.int64((H.json($0.text)["data"] as? [String: Any])?["u"]) }
            #expect(FeedJSON.int64((snapshot["data"] as? [String: Any])?["u"]) == lastU)
            #expect(H.firstMismatch(Array(frames.dropFirst(101).map(\.text)), Array(recording.lines.dropFirst(100).map(\.text))) == nil)
        }
    }

    @Test func okxStallIsDetectedAsStaleAndRecoveredWithASnapshotWhileIdlePingsGetPongs() throws {
        try TemporaryDirectory.with { directory in
            let recording = try H.recording(.okx, in: directory)
            let faults = FeedFaultPlan(stallAfterFrames: 50, stallDuration: .seconds(30))
            let emulator = try H.emulator(.okx, path: recording.path, faults: faults)
            defer { emulator.stop() }
            var configuration = H.feedConfiguration(.okx, symbol: "BTC-USDT-SWAP", port: emulator.port)
            configuration.heartbeatInterval = .milliseconds(100)
            configuration.staleTimeout = .milliseconds(600)
            let ring = FrameRing(slotCount: 512, slotSize: 64 * 1024)
            let feed = try LiveFeed(configuration: configuration, ring: ring)
            defer { feed.stop() }
            try feed.start()
            var frames: [H.RingFrame] = []
            #expect(H.drain(ring, into: &frames) { $0.count >= 51 })
            #expect(feed.counters.staleReconnects >= 1 && feed.counters.reconnects >= 1)
            #expect(H.firstMismatch(Array(frames.prefix(50).map(\.text)), Array(recording.lines.prefix(50).map(\.text))) == nil)
            let snapshot = H.json(frames[50].text)
            #expect(snapshot["action"] as? String == "snapshot")
            #expect(frames[50].tag == feed.tag(symbol: "BTC-USDT-SWAP", kind: .book))
            // Text pings went out during the silence and were answered.
            #expect(feed.counters.pingsSent >= 1 && feed.counters.pongsReceived >= 1)
            #expect(feed.counters.heartbeatTimeouts == 0)
        }
    }

    @Test func resyncRequestResubscribesTheBybitBookAndAFreshSnapshotArrives() throws {
        try TemporaryDirectory.with { directory in
            let recording = try H.recording(.bybit, in: directory)
            let emulator = try H.emulator(.bybit, path: recording.path)
            defer { emulator.stop() }
            let ring = FrameRing(slotCount: 512, slotSize: 64 * 1024)
            let feed = try LiveFeed(configuration: H.feedConfiguration(.bybit, symbol: "BTCUSDT", port: emulator.port), ring: ring)
            defer { feed.stop() }
            try feed.start()
            var frames: [H.RingFrame] = []
            #expect(H.drain(ring, into: &frames) { $0.count >= recording.lines.count })
            #expect(feed.requestResync(symbol: "BTCUSDT"))
            #expect(!feed.requestResync(symbol: "ETHUSDT"))
            #expect(H.drain(ring, into: &frames) { $0.count >= recording.lines.count + 1 })
            let snapshot = try #require(frames.last)
            #expect(H.json(snapshot.text)["type"] as? String == "snapshot")
            #expect(snapshot.tag == feed.tag(symbol: "BTCUSDT", kind: .book))
            #expect(feed.counters.resyncs == 1 && feed.counters.reconnects == 0)
            #expect(emulator.summary.snapshotsSent == 1)
        }
    }

    @Test func binanceUsesRoutedConnectionsAndInjectsRestSnapshotsOnStartAndResync() throws {
        try TemporaryDirectory.with { directory in
            let recording = try H.recording(.binance, in: directory)
            let streamed = recording.lines.filter { $0.text.hasPrefix(#"{"stream""#) }.map(\.text)
            let emulator = try H.emulator(.binance, path: recording.path, start: false)
            defer { emulator.stop() }
            let ring = FrameRing(slotCount: 512, slotSize: 64 * 1024)
            let feed = try LiveFeed(configuration: H.feedConfiguration(.binance, symbol: "BTCUSDT", port: emulator.port), ring: ring)
            defer { feed.stop() }
            #expect(feed.urls == ["ws://127.0.0.1:\(emulator.port)/public/stream?streams=btcusdt@depth@100ms",
                                  "ws://127.0.0.1:\(emulator.port)/market/stream?streams=btcusdt@aggTrade"])
            // Both connections are subscribed before the first frame, so neither misses any.
            try feed.start()
            // The server registers a connection slightly after the client's handshake returns.
            #expect(H.eventually { emulator.summary.connectionsAccepted == 2 })
            emulator.start()
            let snapshotTag = try #require(feed.tag(symbol: "BTCUSDT", kind: .depthSnapshot))
            var frames: [H.RingFrame] = []
            #expect(H.drain(ring, into: &frames) { frames in
                frames.filter { $0.tag != snapshotTag }.count >= streamed.count && frames.contains { $0.tag == snapshotTag }
            })
            #expect(emulator.waitUntilFinished(timeout: .seconds(10)))
            let depth = frames.filter { $0.tag == feed.tag(symbol: "BTCUSDT", kind: .book) }.map(\.text)
            #expect(H.firstMismatch(depth, streamed.filter { $0.contains("@depth") }) == nil)
            let trades = frames.filter { $0.tag == feed.tag(symbol: "BTCUSDT", kind: .trades) }.map(\.text)
            #expect(H.firstMismatch(trades, streamed.filter { $0.contains("@aggTrade") }) == nil)
            #expect(frames.first { $0.tag == snapshotTag }.map { $0.text.hasPrefix(#"{"lastUpdateId":"#) } == true)

            // A gap: the engine asks for a resync; a REST snapshot with the final update id arrives.
            let lastU = recording.lines.last { $0.text.contains("depthUpdate") }
                .flatMap { FeedJSON.int64((H.json($0.text)["data"] as? [String: Any])?["u"]) }
            let snapshotsBefore = frames.filter { $0.tag == snapshotTag }.count
            feed.requestResync(symbolIndex: 0)
            #expect(H.drain(ring, into: &frames) { $0.filter { $0.tag == snapshotTag }.count > snapshotsBefore })
            let latest = try #require(frames.last { $0.tag == snapshotTag })
            #expect(FeedJSON.int64(H.json(latest.text)["lastUpdateId"]) == lastU)
            #expect(feed.counters.restSnapshots == snapshotsBefore + 1)
        }
    }

    @Test func startFailsWithAClearErrorWhenTheEndpointIsUnreachable() throws {
        var configuration = H.feedConfiguration(.okx, symbol: "BTC-USDT-SWAP", port: 1)
        configuration.connectTimeout = .seconds(3)
        let feed = try LiveFeed(configuration: configuration, ring: FrameRing(slotCount: 4, slotSize: 4096))
        #expect {
            try feed.start()
        } throws: { error in
            guard case LiveFeedError.connectFailed(let url, _) = error else { return false }
            return url == "ws://127.0.0.1:1/ws/v5/public"
        }
        #expect(feed.counters.connectFailures == 1)
    }

    @Test func recorderWritesCollectorFormatFilesFromTheFeed() throws {
        try TemporaryDirectory.with { directory in
            let recording = try H.recording(.okx, in: directory)
            let emulator = try H.emulator(.okx, path: recording.path)
            defer { emulator.stop() }
            let ring = FrameRing(slotCount: 512, slotSize: 64 * 1024)
            let feed = try LiveFeed(configuration: H.feedConfiguration(.okx, symbol: "BTC-USDT-SWAP", port: emulator.port), ring: ring)
            let recorder = try FeedRecorder(ring: ring, symbols: ["BTC-USDT-SWAP"], directory: directory.path("out"))
            recorder.start()
            try feed.start()
            #expect(H.eventually { recorder.framesWritten >= recording.lines.count })
            feed.stop()
            try recorder.stop()
            let files = recorder.files
            try #require(files.count == 1)
            #expect(files[0].hasPrefix(directory.path("out/btc-usdt-swap_")) && files[0].hasSuffix(".gz"))
            let reader = try RecordingReader(path: files[0])
            var parsed: [(Int64, String)] = []
            try reader.forEachLine { parsed.append(($0.receiveTimeNanoseconds, String(decoding: $0.frame, as: UTF8.self))) }
            #expect(parsed.count == recording.lines.count)
            #expect(parsed.allSatisfy { $0.0 > 0 })
            #expect(H.firstMismatch(parsed.map(\.1), recording.lines.map(\.text)) == nil)
        }
    }
}
