@testable import AsymConsensus
import AsymCore
import AsymJournal
import AsymTransport
import Foundation
import Synchronization

/// A clock the test moves: `now()` is what the test set plus every sleep so far; `sleep` returns at once after
/// advancing, and records what was asked, so retry delays and cadences are checked without waiting.
final class SteppingClock: ConsensusClock {
    private let state: Mutex<(now: Int64, sleeps: [Int64])>

    init(start: Int64) { state = Mutex((start, [])) }

    func now() -> Int64 { state.withLock { $0.now } }

    func set(_ time: Int64) { state.withLock { $0.now = time } }

    func advance(by nanoseconds: Int64) { state.withLock { $0.now += nanoseconds } }

    /// Every sleep requested, in order.
    var sleeps: [Int64] { state.withLock { $0.sleeps } }

    func sleep(nanoseconds: Int64) async throws {
        try Task.checkCancellation()
        state.withLock {
            $0.sleeps.append(nanoseconds)
            $0.now += max(0, nanoseconds)
        }
        await Task.yield()
    }
}

/// Collects log lines from any thread.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    var log: ConsensusLog { ConsensusLog { line in self.lines.withLock { $0.append(line) } } }
    func append(_ line: String) { lines.withLock { $0.append(line) } }
}

enum ConsensusFixture {
    static let second: Int64 = 1_000_000_000
    static let minute: Int64 = 60 * second
    static let hour: Int64 = 60 * minute
    /// 2026-01-01 12:00 UTC.
    static let start: Int64 = 1_767_225_600 * second + 12 * hour
    static let instrument = InstrumentID(0)

    /// A brief with one 5-minute timeframe.
    static func brief(time: Int64 = start, price: Double = 65_000, emaSlope: Double, rsi: Double,
                      percentB: Double = 0.5, imbalance: Double, tradeFlow: Double, spoof: Double = 0,
                      regime: MarketRegime = .volatile) -> MarketBrief {
        var brief = MarketBrief(time: time, instrument: instrument, price: price, regime: regime, regimeKnown: true)
        brief.imbalance = imbalance
        brief.tradeFlowImbalance = tradeFlow
        brief.spoofScore = spoof
        brief.spreadBasisPoints = 0.2
        brief.setTimeframe(0, BriefTimeframe(minutes: 5, close: price, changePercent: 0.1, rsi: rsi, adx: 25,
                                              emaSlope: emaSlope, atrPercent: 0.4, bollingerPercentB: percentB,
                                              volumeRatio: 1.2))
        return brief
    }

    /// All three rule-based analysts say BUY (strong uptrend, oversold pullback, bids heavy).
    static func allBuy(time: Int64 = start, price: Double = 65_000) -> MarketBrief {
        brief(time: time, price: price, emaSlope: 1, rsi: 25, imbalance: 0.6, tradeFlow: 0.5)
    }

    /// All three say SELL.
    static func allSell(time: Int64 = start, price: Double = 65_000) -> MarketBrief {
        brief(time: time, price: price, emaSlope: -1, rsi: 75, imbalance: -0.6, tradeFlow: -0.5)
    }

    /// Momentum and order flow BUY, mean reversion HOLD.
    static func twoBuyOneHold(time: Int64 = start, price: Double = 65_000) -> MarketBrief {
        brief(time: time, price: price, emaSlope: 1, rsi: 55, imbalance: 0.6, tradeFlow: 0.5)
    }

    /// Momentum BUY, mean reversion SELL, order flow HOLD.
    static func split(time: Int64 = start) -> MarketBrief {
        brief(time: time, emaSlope: 1, rsi: 75, imbalance: 0, tradeFlow: 0)
    }

    /// A configuration against `endpoint` with quick retries and a timeout no healthy answer reaches, even on a
    /// loaded two-core machine (fault tests shorten it for the analyst they make hang).
    static func configuration(endpoint: AnalystsEndpoint, timeout: Int64 = 30 * second) -> ConsensusConfiguration {
        ConsensusConfiguration(baseURL: endpoint.baseURL, requestTimeout: timeout, retryBaseDelay: 100_000_000,
                               maximumRetryDelay: 10 * second)
    }
}

/// A running loopback endpoint and a consensus service wired to it, as the engine would wire them.
struct ConsensusRig {
    let endpoint: AnalystsEndpoint
    let configuration: ConsensusConfiguration
    let client: ChatCompletionsClient
    let service: ConsensusService
    let briefs: MarketBriefCell
    let bias: AdvisoryBiasCell
    let outbox: ConsensusOutbox
    let clock: SteppingClock
    let logs: LogLines

    /// Starts an endpoint and builds the service; `adjust` edits the configuration first.
    static func start(apiKey: APIKey? = nil, adjust: (inout ConsensusConfiguration) -> Void = { _ in }) async throws -> ConsensusRig {
        let endpoint = AnalystsEndpoint()
        _ = try await endpoint.start()
        var configuration = ConsensusFixture.configuration(endpoint: endpoint)
        adjust(&configuration)
        let clock = SteppingClock(start: ConsensusFixture.start)
        let client = try ChatCompletionsClient(configuration: configuration, apiKey: apiKey, clock: clock)
        let briefs = MarketBriefCell(instrument: ConsensusFixture.instrument)
        let bias = AdvisoryBiasCell(instrument: ConsensusFixture.instrument)
        let outbox = ConsensusOutbox()
        let logs = LogLines()
        let service = try ConsensusService(
            instrument: ConsensusFixture.instrument, symbol: "BTCUSDT", configuration: configuration,
            panel: HTTPAnalystPanel(client: client), briefs: briefs, bias: bias, outbox: outbox, clock: clock,
            log: logs.log)
        return ConsensusRig(endpoint: endpoint, configuration: configuration, client: client, service: service,
                            briefs: briefs, bias: bias, outbox: outbox, clock: clock, logs: logs)
    }

    func model(_ index: Int) -> String { configuration.models[index] }

    /// Publishes `brief` (as the engine thread would) and runs a round.
    func round(_ brief: MarketBrief) async -> ConsensusRoundReport? {
        clock.set(max(clock.now(), brief.time))
        briefs.publish(brief)
        return await service.runRound()
    }

    func stop() async { await endpoint.stop() }
}

/// A scratch directory removed by `remove()`.
struct ScratchDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "asym-consensus-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Plays the engine thread on a real thread: reads the bias cell and publishes briefs in a loop until stopped,
/// counting reads, so a test can show the engine side keeps going while a round hangs. It naps briefly every 1,024
/// reads so it never starves the threads the round itself needs.
final class EngineThreadProbe: @unchecked Sendable {
    // @unchecked Sendable: `reads`/`inconsistent` are written by the probe thread only, read after `join`.
    private let stopFlag = Atomic<Bool>(false)
    private let running = Atomic<Bool>(false)
    private var thread: NamedThread?
    private(set) var reads = 0
    private(set) var briefsPublished = 0
    private(set) var inconsistentReads = 0

    func start(bias: AdvisoryBiasCell, briefs: MarketBriefCell, brief: MarketBrief, lifetime: Int64) {
        let thread = NamedThread(name: "test-engine") { [self] in
            running.store(true, ordering: .releasing)
            var now = brief.time
            while !stopFlag.load(ordering: .acquiring) {
                now += 1
                if let current = bias.current, current.expiresAt - current.createdAt != lifetime { inconsistentReads += 1 }
                _ = bias.view(at: now)
                reads += 1
                if reads % 1_024 == 0 {
                    briefs.publish(brief)
                    briefsPublished += 1
                    usleep(200)  // leave the core to the round: the machine may have only two
                }
            }
        }
        self.thread = thread
        thread.start()
        while !running.load(ordering: .acquiring) { usleep(100) }
    }

    func stop() {
        stopFlag.store(true, ordering: .releasing)
        thread?.join()
    }
}
