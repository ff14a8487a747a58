import AsymCore
@testable import AsymEngine
import AsymRing
import AsymTransport
import Foundation
import Testing
import TestSupport

/// Shared fixtures for the feed tests: synthetic recordings, an emulator, a recording test client, ring draining.
enum FeedTestHarness {
    /// A recorded line.
    struct Line: Equatable {
        let receiveTime: Int64
        let text: String
    }

    /// A ring frame copied out.
    struct RingFrame: Sendable {
        let tag: FeedTag
        let receiveTime: Int64
        let text: String
    }

    /// Writes a synthetic recording of `frames` frames into `directory` and returns its path and lines.
    static func recording(_ venue: Venue, frames: Int = 300, seed: UInt64 = 7, in directory: TemporaryDirectory) throws -> (path: String, lines: [Line]) {
        let path = directory.path("\(venue).txt")
        _ = try SyntheticRecording.write(venue: venue, frames: frames, seed: seed, to: path, labelsPath: nil)
        var lines: [Line] = []
        _ = try SyntheticRecording.generate(venue: venue, frames: frames, seed: seed) { time, text in lines.append(Line(receiveTime: time, text: text)) }
        return (path, lines)
    }

    /// An emulator replaying `path` as fast as possible; started unless `start` is false (then clients
    /// can connect and subscribe before the first frame).
    static func emulator(_ venue: Venue, path: String, faults: FeedFaultPlan = .none, pingInterval: Duration? = nil,
                         start: Bool = true) throws -> VenueEmulator {
        let emulator = try VenueEmulator(configuration: VenueEmulatorConfiguration(
            venue: venue, recordingPath: path, pacing: .asFastAsPossible, faults: faults, pingInterval: pingInterval))
        if start { emulator.start() }
        return emulator
    }

    /// The index of the first difference between two sequences (or the shorter count), nil if equal;
    /// keeps failure output short.
    static func firstMismatch(_ received: [String], _ expected: [String]) -> Int? {
        if let index = zip(received, expected).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset { return index }
        return received.count == expected.count ? nil : min(received.count, expected.count)
    }

    /// A WebSocket client that logs every text message it receives.
    final class Client: Sendable {
        let messages = WebSocketEventLog<String>()
        let ends = WebSocketEventLog<WebSocketCloseCode>()
        let client: WebSocketClient

        init(_ url: String) throws {
            let messages = messages
            let ends = ends
            client = try WebSocketClient(configuration: WebSocketClientConfiguration(connectTimeout: .seconds(5))) { event in
                switch event {
                case .message(_, let bytes): messages.append(String(decoding: bytes, as: UTF8.self))
                case .closed(let code, _): ends.append(code)
                default: break
                }
            }
            try client.connect(to: url)
        }

        func send(_ text: String) throws { try client.send(text: text) }

        /// Waits until at least `count` messages arrived; returns them all.
        func waitFor(_ count: Int, timeout: Double = 10) -> [String] {
            messages.wait(timeout: timeout) { $0.count >= count }
            return messages.all
        }

        deinit { client.shutdown() }
    }

    /// Pops frames from `ring` (the test thread is its only consumer) until `done` holds or the deadline passes.
    static func drain(_ ring: FrameRing, into frames: inout [RingFrame], timeout: Double = 10, until done: ([RingFrame]) -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while !done(frames) {
            if let frame = ring.front() {
                frames.append(RingFrame(tag: FeedTag(rawValue: frame.tag), receiveTime: frame.receiveTime,
                                        text: String(decoding: frame.bytes, as: UTF8.self)))
                ring.popFront()
            } else {
                if Date() > deadline { return false }
                Thread.sleep(forTimeInterval: 0.001)
            }
        }
        return true
    }

    /// Waits for `condition` with a generous deadline.
    static func eventually(timeout: Double = 10, _ condition: () -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while !condition() {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return true
    }

    /// A test configuration: fast backoff, fixed jitter seed.
    static func feedConfiguration(_ venue: Venue, symbol: String, port: UInt16) -> LiveFeedConfiguration {
        var configuration = LiveFeedConfiguration(venue: venue, symbols: [symbol], baseURL: "ws://127.0.0.1:\(port)")
        configuration.backoffBase = .milliseconds(20)
        configuration.backoffMaximum = .milliseconds(200)
        configuration.jitterSeed = 42
        configuration.connectTimeout = .seconds(5)
        return configuration
    }

    /// Parses a JSON object for assertions.
    static func json(_ text: String) -> [String: Any] {
        FeedJSON.object(text) ?? [:]
    }
}

@Suite struct FeedTagAndBackoffTests {
    @Test func feedTagPacksVenueKindAndSymbol() {
        let tag = FeedTag(venue: .okx, kind: .depthSnapshot, symbolIndex: 12)
        #expect(tag.venue == .okx)
        #expect(tag.kind == .depthSnapshot)
        #expect(tag.symbolIndex == 12)
        #expect(FeedTag(rawValue: tag.rawValue) == tag)
        #expect(FeedTag(rawValue: 0).venue == nil)
    }

    @Test func backoffGrowsExponentiallyWithinJitterAndIsSeeded() {
        var first = ReconnectBackoff(base: .milliseconds(100), maximum: .seconds(1), jitter: 0.5, seed: 9)
        var second = ReconnectBackoff(base: .milliseconds(100), maximum: .seconds(1), jitter: 0.5, seed: 9)
        let delays = (0..<8).map { first.delay(attempt: $0) }
        #expect(delays == (0..<8).map { second.delay(attempt: $0) })
        for (attempt, delay) in delays.enumerated() {
            let ceiling = min(Duration.seconds(1), .milliseconds(100 * (1 << attempt)))
            #expect(delay <= ceiling && delay >= ceiling / 2)
        }
    }

    @Test func recorderNamesFilesBySymbolAndUTCDay() {
        // 2026-01-01T00:00:00.022Z
        #expect(FeedRecorder.fileName(symbol: "BTC-USDT-SWAP", receiveTime: 1_767_225_600_022_065_157, fileExtension: "txt")
                == "btc-usdt-swap_20260101.txt")
        #expect(FeedRecorder.civilDate(daysSinceEpoch: 0) == (1970, 1, 1))
        #expect(FeedRecorder.civilDate(daysSinceEpoch: 11_016) == (2000, 2, 29))
    }
}
