import ArgumentParser
import AsymCore
import AsymEngine
import AsymRing
import Foundation

struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a venue's public feed (book and trades) in hftbacktest collector format.",
        discussion: """
            Connects to the venue's public WebSocket (or --url, e.g. an `asym serve` on loopback), subscribes, and \
            writes one file per symbol and UTC day: OUT/<symbol lowercase>_<YYYYMMDD>.gz (gzip, --plain for text), one line per frame, \
            "<receive ns> <frame text>"; Binance REST depth snapshots are lines of their own. Reconnects with \
            backoff and resubscribes; fails at once if the first connection cannot be made.
            """
    )

    @Option(help: "Venue: bybit, binance or okx.")
    var venue: Venue

    @Option(help: "Comma-separated venue symbols, e.g. BTCUSDT,ETHUSDT or BTC-USDT-SWAP.")
    var symbols: String

    @Option(help: "Output directory (created if missing).")
    var out: String

    @Option(help: "WebSocket base URL, e.g. ws://127.0.0.1:9000 (the venue path is appended). Default: production.")
    var url: String?

    @Option(help: "Binance REST base for depth snapshots (default: production, or the HTTP twin of --url).")
    var restUrl: String?

    @Option(help: "Stop after this many seconds (default: until SIGINT).")
    var duration: Double?

    @Option(help: "Seconds to wait for each connection handshake.")
    var connectTimeout: Double = 10

    @Flag(help: "Record the book only, without trades.")
    var noTrades = false

    @Flag(help: "Write plain text (.txt) instead of gzip (.gz).")
    var plain = false

    func validate() throws {
        if symbolList.isEmpty { throw ValidationError("--symbols needs at least one symbol") }
        if let duration, !(duration > 0) { throw ValidationError("--duration must be positive") }
        if !(connectTimeout > 0) { throw ValidationError("--connect-timeout must be positive") }
    }

    private var symbolList: [String] {
        symbols.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty }
    }

    func run() throws {
        FeedInterrupt.install()
        var configuration = LiveFeedConfiguration(venue: venue, symbols: symbolList, baseURL: url, restBaseURL: restUrl,
                                                  includesTrades: !noTrades)
        configuration.connectTimeout = .milliseconds(Int64(connectTimeout * 1000))
        let ring = FrameRing(slotCount: 2048, slotSize: 64 * 1024)
        let feed: LiveFeed
        let recorder: FeedRecorder
        do {
            recorder = try FeedRecorder(ring: ring, symbols: symbolList, directory: out, compressed: !plain)
            feed = try LiveFeed(configuration: configuration, ring: ring)
            emit("asym record: connecting to \(feed.urls.joined(separator: ", "))")
            try feed.start()
        } catch {
            emit("asym record: error: \(error)")
            throw ExitCode.failure
        }
        recorder.start()
        emit("asym record: recording \(symbolList.joined(separator: ",")) to \(out)")
        let deadline = duration.map { Date(timeIntervalSinceNow: $0) }
        while !FeedInterrupt.isRequested, deadline.map({ Date() < $0 }) ?? true {
            Thread.sleep(forTimeInterval: 0.05)
        }
        feed.stop()
        do {
            try recorder.stop()
        } catch {
            emit("asym record: error: \(error)")
            throw ExitCode.failure
        }
        let counters = feed.counters
        emit("""
            asym record: \(recorder.framesWritten) frames written (\(counters.bytes) bytes), \(counters.reconnects) reconnects, \
            \(counters.staleReconnects) stale, \(counters.restSnapshots) REST snapshots, \(counters.ringFullDrops) ring-full drops
            """)
        for file in recorder.files { emit("  \(file)") }
    }
}

/// Writes a line to stdout unbuffered.
private func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
