import AsymCore
@testable import AsymEngine
import AsymTransport
import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct VenueEmulatorTests {
    typealias H = FeedTestHarness

    @Test func bybitAcksSubscribeThenReplaysRecordedFramesInOrder() throws {
        try TemporaryDirectory.with { directory in
            let recording = try H.recording(.bybit, in: directory)
            let emulator = try H.emulator(.bybit, path: recording.path)
            defer { emulator.stop() }
            let client = try H.Client("ws://127.0.0.1:\(emulator.port)/v5/public/linear")
            try client.send(#"{"req_id":"1","op":"subscribe","args":["orderbook.50.BTCUSDT","publicTrade.BTCUSDT"]}"#)
            let messages = client.waitFor(1 + recording.lines.count)
            try #require(messages.count == 1 + recording.lines.count)
            let ack = H.json(messages[0])
            #expect(ack["success"] as? Bool == true && ack["op"] as? String == "subscribe" && ack["req_id"] as? String == "1")
            #expect(ack["conn_id"] is String)
            #expect(H.firstMismatch(Array(messages.dropFirst()), recording.lines.map(\.text)) == nil)
            #expect(H.json(messages[1])["type"] as? String == "snapshot")
            #expect(emulator.waitUntilFinished(timeout: .seconds(10)))
        }
    }

    @Test func bybitLateSubscriberGetsRenderedSnapshotOfCurrentBookThenPong() throws {
        try TemporaryDirectory.with { directory in
            let recording = try H.recording(.bybit, in: directory)
            let emulator = try H.emulator(.bybit, path: recording.path)
            defer { emulator.stop() }
            let first = try H.Client("ws://127.0.0.1:\(emulator.port)/v5/public/linear")
            try first.send(#"{"req_id":"1","op":"subscribe","args":["orderbook.50.BTCUSDT"]}"#)
            #expect(emulator.waitUntilFinished(timeout: .seconds(10)))

            // The book a client following the whole stream holds.
            var book = EmulatedBook()
            var lastU: Int64 = 0
            var lastSeq: Int64 = 0
            for line in recording.lines where line.text.hasPrefix(#"{"topic":"orderbook"#) {
                let object = H.json(line.text)
                let data = try #require(object["data"] as? [String: Any])
                if object["type"] as? String == "snapshot" { book.reset() }
                book.apply(bids: FeedJSON.levels(data["b"]), asks: FeedJSON.levels(data["a"]))
                lastU = FeedJSON.int64(data["u"]) ?? 0
                lastSeq = FeedJSON.int64(data["seq"]) ?? 0
            }

            let late = try H.Client("ws://127.0.0.1:\(emulator.port)/v5/public/linear")
            try late.send(#"{"req_id":"7","op":"subscribe","args":["orderbook.50.BTCUSDT"]}"#)
            let messages = late.waitFor(2)
            try #require(messages.count == 2)
            #expect(H.json(messages[0])["req_id"] as? String == "7")
            let snapshot = H.json(messages[1])
            #expect(snapshot["type"] as? String == "snapshot")
            #expect(snapshot["topic"] as? String == "orderbook.50.BTCUSDT")
            let data = try #require(snapshot["data"] as? [String: Any])
            #expect(FeedJSON.int64(data["u"]) == lastU)
            #expect(FeedJSON.int64(data["seq"]) == lastSeq)
            #expect(FeedJSON.levels(data["b"]) == book.topBids(50))
            #expect(FeedJSON.levels(data["a"]) == book.topAsks(50))

            try late.send(#"{"req_id":"100","op":"ping"}"#)
            let pong = H.json(late.waitFor(3).last ?? "")
            #expect(pong["ret_msg"] as? String == "pong" && pong["op"] as? String == "ping" && pong["success"] as? Bool == true)
        }
    }

    @Test func okxAcksSnapshotFirstTextPingAndUnknownChannelError() throws {
        try TemporaryDirectory.with { directory in
            let recording = try H.recording(.okx, in: directory)
            let emulator = try H.emulator(.okx, path: recording.path)
            defer { emulator.stop() }
            let client = try H.Client("ws://127.0.0.1:\(emulator.port)/ws/v5/public")
            try client.send(#"{"id":"1","op":"subscribe","args":[{"channel":"books","instId":"BTC-USDT-SWAP"},{"channel":"trades","instId":"BTC-USDT-SWAP"}]}"#)
            let messages = client.waitFor(2 + recording.lines.count)
            try #require(messages.count == 2 + recording.lines.count)
            let ack = H.json(messages[0])
            #expect(ack["event"] as? String == "subscribe" && ack["id"] as? String == "1" && ack["connId"] is String)
            #expect((ack["arg"] as? [String: Any])?["channel"] as? String == "books")
            #expect(H.firstMismatch(Array(messages.dropFirst(2)), recording.lines.map(\.text)) == nil)
            #expect(emulator.waitUntilFinished(timeout: .seconds(10)))

            let lastSeq = recording.lines.last { $0.text.contains(#""channel":"books""#) }
                .flatMap { (H.json($0.text)["data"] as? [[String: Any]])?.first?["seqId"] }
            let late = try H.Client("ws://127.0.0.1:\(emulator.port)/ws/v5/public")
            try late.send(#"{"id":"2","op":"subscribe","args":[{"channel":"books","instId":"BTC-USDT-SWAP"}]}"#)
            let lateMessages = late.waitFor(2)
            try #require(lateMessages.count == 2)
            let snapshot = H.json(lateMessages[1])
            #expect(snapshot["action"] as? String == "snapshot")
            let data = try #require((snapshot["data"] as? [[String: Any]])?.first)
            #expect(FeedJSON.int64(data["prevSeqId"]) == -1)
            #expect(FeedJSON.int64(data["seqId"]) == FeedJSON.int64(lastSeq))

            try late.send("ping")
            #expect(late.waitFor(3).last == "pong")
            try late.send(#"{"id":"3","op":"subscribe","args":[{"channel":"no-such-channel","instId":"BTC-USDT-SWAP"}]}"#)
            let error = H.json(late.waitFor(4).last ?? "")
            #expect(error["event"] as? String == "error" && error["code"] as? String == "60012")
        }
    }

    @Test func binanceCombinedStreamsAreRoutedAndDeliveredInOrder() throws {
        try TemporaryDirectory.with { directory in
            let recording = try H.recording(.binance, in: directory)
            let depth = recording.lines.filter { $0.text.hasPrefix(#"{"stream":"btcusdt@depth"#) }.map(\.text)
            let trades = recording.lines.filter { $0.text.hasPrefix(#"{"stream":"btcusdt@aggTrade"#) }.map(\.text)
            let emulator = try H.emulator(.binance, path: recording.path, start: false)
            defer { emulator.stop() }
            let publicClient = try H.Client("ws://127.0.0.1:\(emulator.port)/public/stream?streams=btcusdt@depth@100ms")
            let marketClient = try H.Client("ws://127.0.0.1:\(emulator.port)/market/stream?streams=btcusdt@aggTrade")
            // The server registers a connection slightly after the client's handshake returns.
            #expect(H.eventually { emulator.summary.connectionsAccepted == 2 })
            emulator.start()
            #expect(H.firstMismatch(publicClient.waitFor(depth.count), depth) == nil)
            #expect(H.firstMismatch(marketClient.waitFor(trades.count), trades) == nil)
        }
    }

    @Test func binanceAggTradeOnPublicPathIsAckedButNeverDelivered() throws {
        try TemporaryDirectory.with { directory in
            let recording = try H.recording(.binance, in: directory)
            let depthCount = recording.lines.filter { $0.text.hasPrefix(#"{"stream":"btcusdt@depth"#) }.count
            let tradeCount = recording.lines.filter { $0.text.hasPrefix(#"{"stream":"btcusdt@aggTrade"#) }.count
            let emulator = try H.emulator(.binance, path: recording.path, start: false)
            defer { emulator.stop() }
            // Raw /ws/ streams: the inner event object, no wrapper.
            let wrongTier = try H.Client("ws://127.0.0.1:\(emulator.port)/public/ws/btcusdt@depth@100ms")
            try wrongTier.send(#"{"method":"SUBSCRIBE","params":["btcusdt@aggTrade"],"id":1}"#)
            let marketClient = try H.Client("ws://127.0.0.1:\(emulator.port)/market/ws/btcusdt@aggTrade")
            #expect(wrongTier.waitFor(1).first == #"{"result":null,"id":1}"#)
            #expect(H.eventually { emulator.summary.connectionsAccepted == 2 })
            emulator.start()
            let received = wrongTier.waitFor(1 + depthCount)
            #expect(emulator.waitUntilFinished(timeout: .seconds(10)))
            #expect(received.first == #"{"result":null,"id":1}"#)
            #expect(received.dropFirst().allSatisfy { $0.hasPrefix(#"{"e":"depthUpdate""#) })
            #expect(wrongTier.messages.all.count == 1 + depthCount)
            let trades = marketClient.waitFor(tradeCount)
            #expect(trades.count == tradeCount && trades.allSatisfy { $0.hasPrefix(#"{"e":"aggTrade""#) })
        }
    }

    @Test func binanceRestDepthSnapshotCarriesCurrentLastUpdateID() throws {
        try TemporaryDirectory.with { directory in
            let recording = try H.recording(.binance, in: directory)
            let emulator = try H.emulator(.binance, path: recording.path)
            defer { emulator.stop() }
            let client = try H.Client("ws://127.0.0.1:\(emulator.port)/public/stream?streams=btcusdt@depth@100ms")
            #expect(emulator.waitUntilFinished(timeout: .seconds(10)))
            _ = client
            let lastU = recording.lines.last { $0.text.contains("depthUpdate") }
                .flatMap { FeedJSON.int64((H.json($0.text)["data"] as? [String: Any])?["u"]) }
            let http = try HTTPClient()
            let response = try http.get("http://127.0.0.1:\(emulator.port)/fapi/v1/depth?symbol=BTCUSDT&limit=1000")
            #expect(response.status == 200)
            let body = H.json(String(decoding: response.body, as: UTF8.self))
            #expect(FeedJSON.int64(body["lastUpdateId"]) == lastU)
            let bids = FeedJSON.levels(body["bids"]).compactMap { Decimal(string: $0[0]) }
            let asks = FeedJSON.levels(body["asks"]).compactMap { Decimal(string: $0[0]) }
            #expect(!bids.isEmpty && !asks.isEmpty)
            #expect(bids == bids.sorted(by: >) && asks == asks.sorted())
            #expect(bids[0] < asks[0])
            #expect(try http.get("http://127.0.0.1:\(emulator.port)/fapi/v1/depth?symbol=NOPE").status == 400)
        }
    }

    @Test func eachVenueAnswersItsServerTimeEndpointInItsOwnShapeShiftedByTheClockOffset() throws {
        try TemporaryDirectory.with { directory in
            for venue in Venue.allCases {
                let recording = try H.recording(venue, frames: 20, in: directory)
                var configuration = VenueEmulatorConfiguration(venue: venue, recordingPath: recording.path)
                configuration.clockOffset = .seconds(-30)
                let emulator = try VenueEmulator(configuration: configuration)
                defer { emulator.stop() }
                let http = try HTTPClient()
                let before = WallClock.nanoseconds()
                let response = try http.get("http://127.0.0.1:\(emulator.port)\(ClockSkewProbe.path(venue))")
                let after = WallClock.nanoseconds()
                #expect(response.status == 200)
                let told = try #require(ClockSkewProbe.serverTime(venue, body: response.body), "\(venue)")
                // Binance and OKX answer in ms: allow the truncation.
                #expect(told >= before - 30_000_000_000 - 1_000_000 && told <= after - 30_000_000_000, "\(venue)")
                let other = Venue.allCases.first { $0 != venue }!
                #expect(try http.get("http://127.0.0.1:\(emulator.port)\(ClockSkewProbe.path(other))").status == 404)
                #expect(emulator.summary.serverTimesServed == 1)
            }
        }
    }

    @Test func binanceServerPingFramesAreAnsweredByTheClient() throws {
        try TemporaryDirectory.with { directory in
            let recording = try H.recording(.binance, frames: 50, in: directory)
            let emulator = try H.emulator(.binance, path: recording.path, pingInterval: .milliseconds(50))
            defer { emulator.stop() }
            let client = try H.Client("ws://127.0.0.1:\(emulator.port)/public/stream?streams=btcusdt@depth@100ms")
            #expect(H.eventually { emulator.summary.pongsReceived >= 2 })
            #expect(emulator.summary.pingsSent >= 2)
            // Pings are transparent to the client: only data frames reached it.
            #expect(client.messages.all.allSatisfy { $0.hasPrefix(#"{"stream":"#) })
            #expect(client.ends.all.isEmpty)
        }
    }

    @Test func bookFaultsDropDuplicateAndCorruptTheChosenFrames() throws {
        try TemporaryDirectory.with { directory in
            let recording = try H.recording(.bybit, in: directory)
            let faults = FeedFaultPlan(dropBookFrame: 5, duplicateBookFrame: 8, malformedBookFrame: 11)
            let emulator = try H.emulator(.bybit, path: recording.path, faults: faults)
            defer { emulator.stop() }
            let client = try H.Client("ws://127.0.0.1:\(emulator.port)/v5/public/linear")
            try client.send(#"{"req_id":"1","op":"subscribe","args":["orderbook.50.BTCUSDT","publicTrade.BTCUSDT"]}"#)
            #expect(emulator.waitUntilFinished(timeout: .seconds(10)))

            var expected: [String] = []
            var bookIndex = 0
            for line in recording.lines {
                guard line.text.hasPrefix(#"{"topic":"orderbook"#) else { expected.append(line.text); continue }
                bookIndex += 1
                switch bookIndex {
                case 5: continue
                case 8: expected += [line.text, line.text]
                case 11: expected.append(String(line.text.prefix(line.text.utf8.count / 2)))
                default: expected.append(line.text)
                }
            }
            let messages = client.waitFor(1 + expected.count)
            #expect(H.firstMismatch(Array(messages.dropFirst()), expected) == nil)
            #expect(H.json(expected.first { !$0.hasSuffix("}") } ?? "").isEmpty)
            let kinds = emulator.summary.faults.map(\.kind)
            #expect(kinds == [.dropped, .duplicated, .malformed])
            #expect(emulator.summary.faults.map(\.bookFrameIndex) == [5, 8, 11])
        }
    }

    @Test func unknownPathIsRefused() throws {
        try TemporaryDirectory.with { directory in
            let recording = try H.recording(.okx, frames: 10, in: directory)
            let emulator = try H.emulator(.okx, path: recording.path)
            defer { emulator.stop() }
            let client = try H.Client("ws://127.0.0.1:\(emulator.port)/ws/v5/private")
            #expect(client.ends.wait { !$0.isEmpty })
            #expect(emulator.summary.connectionsRefused == 1)
        }
    }
}
