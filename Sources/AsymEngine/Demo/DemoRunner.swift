import AsymConsensus
import AsymCore
import AsymJournal
import AsymRisk
import AsymTransport
import Foundation

/// `asym demo`: the real engine end to end with no network and no keys. It writes deterministic synthetic
/// recordings, serves each venue's over a loopback WebSocket (`asym serve`'s `VenueEmulator`), runs the
/// `EngineRuntime` in paper mode against those feeds for `duration`, shows a live status, and writes the journal,
/// the trade store and an HTML report.
public struct DemoRunner {
    public var options: DemoOptions
    /// Whether the live status goes to stderr (when stdout carries JSON) rather than stdout.
    public var statusToStandardError: Bool

    public init(options: DemoOptions, statusToStandardError: Bool) {
        self.options = options
        self.statusToStandardError = statusToStandardError
    }

    /// Failures of the demo's own set-up.
    public enum Failure: Error, CustomStringConvertible {
        case output(String)
        public var description: String {
            switch self {
            case .output(let reason): "cannot prepare the demo output: \(reason)"
            }
        }
    }

    /// Runs the demo and returns its result (the report is written, the journal closed).
    public func run() throws -> EngineRunResult {
        let root = URL(fileURLWithPath: options.outputDirectory).standardizedFileURL.path
        let recordings = root + "/recordings"
        let journalDirectory = root + "/journal"
        let fileManager = FileManager.default
        do {
            try? fileManager.removeItem(atPath: journalDirectory)
            try fileManager.createDirectory(atPath: recordings, withIntermediateDirectories: true)
        } catch {
            throw Failure.output("\(root): \(error.localizedDescription)")
        }

        // 1. Deterministic recordings, one per venue (regenerated only when missing or of another size).
        var emulators: [VenueEmulator] = []
        defer { for emulator in emulators { emulator.stop() } }
        var plans: [EngineVenuePlan] = []
        for (index, venue) in options.venues.enumerated() {
            let symbol = DemoOptions.symbol(for: venue)
            let path = "\(recordings)/\(symbol.lowercased())-\(venue)-seed\(options.seed &+ UInt64(index))-walls\(DemoOptions.wallProbability)-\(options.framesPerVenue).txt"
            if !fileManager.fileExists(atPath: path) {
                _ = try SyntheticRecording.write(venue: venue, frames: options.framesPerVenue,
                                                 seed: options.seed &+ UInt64(index), to: path, labelsPath: nil,
                                                 wallProbability: DemoOptions.wallProbability)
            }
            // 2. A loopback feed server per venue, paced at `speed`.
            let emulator = try VenueEmulator(configuration: VenueEmulatorConfiguration(
                venue: venue, recordingPath: path, pacing: .speed(options.speed)))
            emulators.append(emulator)
            plans.append(EngineVenuePlan(venue: venue, symbols: [symbol],
                                         source: .webSocket(baseURL: "ws://127.0.0.1:\(emulator.port)")))
        }

        // The loopback analysts (OpenAI-compatible, three rule-based models): the consensus's whole HTTP path runs.
        let analysts = AnalystsEndpoint()
        let analystsPort = try analysts.startBlocking()
        defer { analysts.stopBlocking() }

        var result = EngineRunResult()

        // 3. The engine, paper mode, over real loopback WebSockets.
        var configuration = EngineConfiguration(venues: plans, session: try DemoProfile.session())
        configuration.consensus = DemoProfile.consensus(baseURL: "http://127.0.0.1:\(analystsPort)/v1")
        configuration.journalDirectory = journalDirectory
        configuration.feedConnectTimeout = .seconds(5)
        configuration.clock = EngineClock(anchor: WallClock.nanoseconds(), speed: options.speed)
        let engine = try EngineRuntime(configuration: configuration)
        try engine.start()
        // The ops server on a free loopback port; its token is a fresh random one in a 0600 file, never printed.
        let ops = try EngineOpsServer.start(
            engine: engine, mode: "paper", bind: "127.0.0.1", port: 0,
            token: EngineOpsServer.writeRandomToken(to: root + "/ops-token"))
        defer { ops.server.stop() }
        // The trade store, fed from the journals off the hot path (one SQLite database per venue).
        try? FileManager.default.removeItem(atPath: root + "/store")
        try FileManager.default.createDirectory(atPath: root + "/store", withIntermediateDirectories: true)
        let store = try EngineTradeStore(basePath: root + "/store/trades.sqlite", journals: engine.journalsWithSymbols,
                                         aiModels: configuration.consensus?.models ?? [])
        store.start()
        result.opsURL = "http://127.0.0.1:\(ops.port)"
        
        for emulator in emulators { emulator.start() }

        // 4. Live status until the duration is up or every recording has been replayed and processed.
        let started = MonotonicClock.nanoseconds()
        let durationNanoseconds = options.duration.components.seconds * 1_000_000_000
            + options.duration.components.attoseconds / 1_000_000_000
        var display = EngineStatusDisplay(
            title: "asym demo — paper trading \(options.venues.map(\.description).joined(separator: ", ")) over loopback, "
                + "\(String(format: "%g", options.speed))× recorded time",
            toStandardError: statusToStandardError, refresh: options.refreshInterval, progress: options.progressInterval,
            plannedDuration: options.duration)
        var nextSample = started
        while true {
            let now = MonotonicClock.nanoseconds()
            let elapsed = now - started
            let replayed = emulators.allSatisfy { $0.summary.isFinished }
            if elapsed >= durationNanoseconds || (replayed && elapsed > 2_000_000_000 && engineIdle(engine)) { break }
            if now >= nextSample {
                let status = engine.status
                if !status.venues.isEmpty {
                    result.equityCurve.append((Double(elapsed) / 1e9, status.venues.reduce(0.0) { $0 + $1.summary.equity }))
                }
                nextSample = now + 250_000_000
            }
            display.refreshIfDue(engine, bias: Self.biasText(engine))
            Thread.sleep(forTimeInterval: 0.05)
        }

        // 5. Stop (journals flushed), summarise, write the report.
        if let consensus = engine.consensus {
            let counters = consensus.counters
            result.aiRounds = counters.rounds
            result.aiBiasesPublished = counters.published
        }
        let summaries = engine.stop()
        store.finish()
        result.database = root + "/store"
        result.databases = store.databases.map(\.path)
        let startingEquity = configuration.session.startingEquity
        for (venue, summary) in summaries {
            result.add(venue, summary, startingEquity: startingEquity)
        }
        let final = engine.status
        result.latency = final.latency
        result.addAllocations(of: final)
        result.equityCurve.append((Double(MonotonicClock.nanoseconds() - started) / 1e9,
                                   summaries.reduce(0.0) { $0 + $1.summary.equity }))
        result.journalDirectory = journalDirectory
        result.report = root + "/report.html"
        do {
            try DemoReport.html(result, options: options).write(toFile: result.report, atomically: true, encoding: .utf8)
        } catch {
            throw Failure.output("\(result.report): \(error.localizedDescription)")
        }
        return result
    }

    /// The consensus line of the status screen: rounds, abstentions and each instrument's bias.
    static func biasText(_ engine: EngineRuntime) -> String? {
        guard let consensus = engine.consensus else { return nil }
        let counters = consensus.counters
        let biases = engine.status.venues.flatMap { venue in
            venue.instruments.map { "\(venue.venue) \($0.symbol) \(EngineStatusText.advisory($0.advisory))" }
        }
        return "\(counters.rounds) rounds, \(counters.published) published, abstentions \(counters.abstentions); "
            + biases.joined(separator: ", ")
    }

    /// Whether every venue's feed has delivered nothing new for a moment (all frames processed).
    private func engineIdle(_ engine: EngineRuntime) -> Bool {
        engine.status.venues.allSatisfy { $0.framesReceived == $0.framesProcessed }
    }
}
