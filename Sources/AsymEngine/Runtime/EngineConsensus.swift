public import AsymConsensus
public import AsymCore
import AsymTransport
import Synchronization

/// The AI consensus beside a running engine: per traded instrument a `MarketBriefCell` the engine thread writes,
/// an `AdvisoryBiasCell` it reads at every entry decision, and a `ConsensusService` (asynchronous, on the
/// `asym-consensus` thread, HTTP on libcurl's own queues) between them; per venue a `ConsensusOutbox` the engine
/// thread drains into that venue's journal. Nothing here ever makes the engine thread wait.
public final class EngineConsensus: Sendable {
    /// One instrument's cells.
    public struct Cells: Sendable {
        public let venue: Venue
        public let instrument: InstrumentID
        public let symbol: String
        public let brief: MarketBriefCell
        public let bias: AdvisoryBiasCell
    }

    public let configuration: ConsensusConfiguration
    public let cells: [Cells]
    let outboxes: [(venue: Venue, outbox: ConsensusOutbox)]
    let services: [ConsensusService]
    /// The consensus thread and the services' tasks while running. The services (actors) and their rounds run on
    /// that thread, not on Swift's shared pool, so synchronous work that blocks the pool cannot hold a round up;
    /// HTTP runs on libcurl's own queues.
    private let tasks = Mutex<(executor: ThreadTaskExecutor?, tasks: [Task<Void, Never>])>((nil, []))

    /// Cells, outboxes and services for `instruments` (per venue, in id order).
    /// - Throws: `ConsensusError` for an invalid configuration or a missing key for a remote endpoint.
    init(configuration: ConsensusConfiguration, instruments: [(venue: Venue, symbols: [String])], clock: EngineClock)
        throws(ConsensusError)
    {
        self.configuration = configuration
        let consensusClock = EngineConsensusClock(clock: clock)
        let key = try APIKey.load(for: configuration)
        let client = try ChatCompletionsClient(configuration: configuration, apiKey: key, clock: consensusClock)
        var cells: [Cells] = []
        var outboxes: [(Venue, ConsensusOutbox)] = []
        var services: [ConsensusService] = []
        for (venue, symbols) in instruments {
            let outbox = ConsensusOutbox()
            outboxes.append((venue, outbox))
            for (index, symbol) in symbols.enumerated() {
                let id = InstrumentID(UInt16(index))
                let brief = MarketBriefCell(instrument: id)
                let bias = AdvisoryBiasCell(instrument: id)
                cells.append(Cells(venue: venue, instrument: id, symbol: symbol, brief: brief, bias: bias))
                services.append(try ConsensusService(
                    instrument: id, symbol: symbol, configuration: configuration, panel: HTTPAnalystPanel(client: client),
                    briefs: brief, bias: bias, outbox: outbox, clock: consensusClock))
            }
        }
        self.cells = cells
        self.outboxes = outboxes
        self.services = services
    }

    /// The bias cells of `venue`, indexed by instrument id.
    func biasCells(of venue: Venue) -> [AdvisoryBiasCell] { cells.filter { $0.venue == venue }.map(\.bias) }
    /// The brief cells of `venue`, indexed by instrument id.
    func briefCells(of venue: Venue) -> [MarketBriefCell] { cells.filter { $0.venue == venue }.map(\.brief) }
    /// The outbox of `venue`.
    func outbox(of venue: Venue) -> ConsensusOutbox? { outboxes.first { $0.venue == venue }?.outbox }

    /// Starts every service's schedule on a thread of its own (`asym-consensus`).
    func start() {
        let executor = ThreadTaskExecutor(threadName: "asym-consensus")
        let started = services.map { service in Task(executorPreference: executor) { await service.run() } }
        tasks.withLock { $0 = (executor, started) }
    }

    /// Cancels every service (a round in flight ends as abstentions; nothing waits for the analysts) and ends the
    /// consensus thread once it has run what the cancellation woke.
    func stop() {
        let (executor, running) = tasks.withLock { current -> (ThreadTaskExecutor?, [Task<Void, Never>]) in
            defer { current = (nil, []) }
            return current
        }
        for task in running { task.cancel() }
        executor?.shutdown()
    }

    /// Rounds, abstentions per model and published biases so far, over every service.
    public var counters: (rounds: Int, abstentions: [Int], published: Int) {
        var rounds = 0, published = 0
        var abstentions = Array(repeating: 0, count: configuration.models.count)
        for service in services {
            let snapshot = service.counters.snapshot
            rounds += snapshot.rounds
            published += snapshot.biasesPublished
            for (index, count) in snapshot.abstentions.enumerated() where index < abstentions.count {
                abstentions[index] += count
            }
        }
        return (rounds, abstentions, published)
    }
}
