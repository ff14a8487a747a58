public import AsymCore
import AsymJournal
import AsymRing
public import AsymRisk
import AsymTransport
import Foundation
import Synchronization

/// The running engine: one lane per venue (feed thread(s) → SPSC `FrameRing` → session), one engine thread that
/// pumps every lane, one journal writer thread per venue, and a status snapshot any thread can read.
///
/// Threads: the feeds' (`asym-feed-*`), the engine's (`asym-engine`, optionally pinned), the journals'
/// (`asym-journal`). The paper venue runs inside each session on the engine thread, deterministic and with its
/// configured latency model. Live, paper and replay differ only in the lanes' frame source, the venue and the
/// clock (each frame's receive time).
///
/// The engine thread owns the sessions. Other threads reach it only through atomics: the kill switch, the
/// operator mailbox (pause/resume), the stop flag, and the status snapshot, which the engine thread publishes
/// every `statusInterval` with a non-blocking `withLockIfAvailable` (a reader holding the lock makes it skip one
/// publication; it never waits).
public final class EngineRuntime: @unchecked Sendable {
    // @unchecked Sendable: `lanes` are touched by the engine thread between `start` and the end of `stop`, and by
    // the owner thread only before `start` and after the engine thread has been joined.

    public let configuration: EngineConfiguration
    /// Pulled by the control API, SIGUSR1, a kill file or `asym kill`; every session's gate watches it.
    public let killSwitch: KillSwitch
    let lanes: [any EngineLane]
    let journals: [(venue: Venue, journal: Journal)]
    /// The AI consensus beside the engine, if configured.
    public let consensus: EngineConsensus?
    let mailbox = OperatorMailbox()
    let latestStatus = Mutex(EngineStatus())
    let running = Atomic<Bool>(false)
    let engineStopped = Atomic<Bool>(false)
    let startedFlag = Atomic<Bool>(false)
    private var engineThread: NamedThread?
    private(set) var startedAt: Int64 = 0
    /// Engine thread only: what building and publishing the status snapshots has allocated, and how many.
    private var statusPublishAllocations: UInt64 = 0
    private var statusPublishes: Int64 = 0
    /// Engine thread only: the snapshot being written, swapped with the published one.
    private var unpublishedStatus = EngineStatus()
    /// What `start` read of each WebSocket venue's clock, in plan order (empty before `start`, and for
    /// recordings, whose clock is their own).
    public private(set) var clockReadings: [(venue: Venue, outcome: ClockSkewProbe.Outcome)] = []

    /// Builds every lane (sessions, rings, feeds, journals) without connecting or starting threads.
    public init(configuration: EngineConfiguration) throws(EngineError) {
        guard !configuration.venues.isEmpty else { throw .invalidConfiguration("no venue to trade") }
        self.configuration = configuration
        killSwitch = configuration.session.killSwitch
        var lanes: [any EngineLane] = []
        var journals: [(Venue, Journal)] = []
        var consensus: EngineConsensus?
        do {
            if let consensusConfiguration = configuration.consensus {
                var instruments: [(Venue, [String])] = []
                for plan in configuration.venues {
                    let session = try MarketDataSession(venue: plan.venue, symbols: plan.symbols)
                    instruments.append((plan.venue, session.instruments.map(\.symbol)))
                }
                do {
                    consensus = try EngineConsensus(configuration: consensusConfiguration, instruments: instruments,
                                                    clock: configuration.clock)
                } catch {
                    throw EngineError.invalidConfiguration("consensus: \(error)")
                }
            }
            for plan in configuration.venues {
                let session: MarketDataSession
                do {
                    session = try MarketDataSession(venue: plan.venue, symbols: plan.symbols)
                } catch {
                    throw EngineError.invalidConfiguration("\(plan.venue): \(error)")
                }
                var journal: Journal?
                var recovery = TradingSessionRecovery.empty
                if let root = configuration.journalDirectory {
                    let directory = root + "/" + plan.venue.description
                    var journalConfiguration = JournalConfiguration(directory: directory)
                    journalConfiguration.commitInterval = configuration.journalCommitInterval
                    journalConfiguration.backend = configuration.journalBackend
                    do {
                        journal = try Journal(configuration: journalConfiguration)
                    } catch {
                        throw EngineError.journalUnavailable(directory: directory, error)
                    }
                    journals.append((plan.venue, journal!))
                    do {
                        recovery = try TradingSessionRecovery(journalDirectory: directory)
                    } catch {
                        throw EngineError.recoveryFailed(venue: plan.venue, reason: "\(error)")
                    }
                }
                do {
                    lanes.append(try session.withProcessor(LaneBuilder(
                        plan: plan, session: session, journal: journal, configuration: configuration, recovery: recovery,
                        consensus: consensus)))
                } catch let error as TradingSessionRecoveryError {
                    throw EngineError.recoveryFailed(venue: plan.venue, reason: "\(error)")
                }
            }
        } catch let error as EngineError {
            for (_, journal) in journals { try? journal.close() }
            throw error
        } catch {
            for (_, journal) in journals { try? journal.close() }
            throw .invalidConfiguration("\(error)")
        }
        self.lanes = lanes
        self.journals = journals
        self.consensus = consensus
    }

    /// Reads each WebSocket venue's clock and refuses to start (`.clockSkew`) when this machine's is off by more
    /// than `maximumClockSkew` (an unreachable venue is not checked: its feed reports it), then starts the
    /// journals, connects every feed (a first connection that fails is an error, and nothing is left running),
    /// then starts the engine thread.
    public func start() throws(EngineError) {
        guard !startedFlag.exchange(true, ordering: .acquiringAndReleasing) else { throw .alreadyStarted }
        clockReadings = Self.readClocks(configuration.venues)
        for (venue, outcome) in clockReadings {
            if case .measured(let skew, _) = outcome, abs(skew) > configuration.maximumClockSkew {
                for (_, journal) in journals { try? journal.close() }
                throw .clockSkew(venue: venue, skew: skew, limit: configuration.maximumClockSkew)
            }
        }
        for (_, journal) in journals { journal.start() }
        for (index, lane) in lanes.enumerated() {
            do {
                try lane.startFeed()
            } catch {
                for started in lanes[..<index] { started.stopFeed() }
                for (_, journal) in journals { try? journal.close() }
                throw .feedFailed(venue: lane.venue, reason: "\(error)")
            }
        }
        startedAt = MonotonicClock.nanoseconds()
        running.store(true, ordering: .releasing)
        let thread = NamedThread(name: "asym-engine", pinnedToCore: configuration.engineCore) { [self] in
            self.runEngineLoop()
        }
        engineThread = thread
        thread.start()
        consensus?.start()
    }

    /// Reads each WebSocket venue's server time (best of three round trips) at the REST twin of its feed base.
    static func readClocks(_ plans: [EngineVenuePlan]) -> [(venue: Venue, outcome: ClockSkewProbe.Outcome)] {
        plans.compactMap { plan in
            guard case .webSocket(let base) = plan.source else { return nil }
            let probe = ClockSkewProbe(baseURL: [plan.venue: LiveFeedConfiguration.restBaseURL(for: plan.venue,
                                                                                               webSocketBase: base)])
            return (plan.venue, probe.probe(plan.venue, samples: 3))
        }
    }

    /// Stops the feeds, lets the engine thread drain what they delivered, joins it, and closes the journals
    /// (flushed and fsynced). Returns each venue's final summary.
    @discardableResult
    public func stop() -> [(venue: Venue, summary: TradingSessionSummary)] {
        consensus?.stop()
        for lane in lanes { lane.stopFeed() }
        running.store(false, ordering: .releasing)
        engineThread?.join()
        engineThread = nil
        for lane in lanes { lane.finish() }
        let summaries = lanes.map { ($0.venue, $0.summary()) }
        for (_, journal) in journals { try? journal.close() }
        return summaries
    }

    /// The latest published status, copied into storage of the caller's own (on the caller's thread).
    public var status: EngineStatus { latestStatus.withLock { $0.detached() } }

    /// REDUCING on every venue (exits and cancels only).
    public func pause() { mailbox.post(.pause) }
    /// Back to ACTIVE where each gate allows.
    public func resume() { mailbox.post(.resume) }
    /// Pulls the kill switch: every gate halts and cancels all open orders on its next frame.
    public func kill() { killSwitch.engage() }

    /// Why the engine cannot go on, if a lane failed (the run should stop and say so).
    public var failure: String? { latestStatus.withLock { $0.failure } }

    /// Whether every lane's source is a recording that has been fully read and processed.
    public var sourcesExhausted: Bool { engineStopped.load(ordering: .acquiring) }

    /// Each venue's journal directory and symbols (instrument id order), for the trade store.
    public var journalsWithSymbols: [(venue: Venue, directory: String, symbols: [String])] {
        journals.map { entry in
            (entry.venue, entry.journal.configuration.directory,
             (try? MarketDataSession(venue: entry.venue,
                                     symbols: configuration.venues.first { $0.venue == entry.venue }?.symbols))?
                .instruments.map(\.symbol) ?? [])
        }
    }

    /// Each venue's journal directory, in venue order.
    public var journalDirectories: [String] { journals.map { $0.journal.configuration.directory } }

    // MARK: - Engine thread

    private func runEngineLoop() {
        // The lanes read this thread's counter around each pump, so the frame path's allocations are measured in
        // every run, not only in benchmarks.
        AllocationCounter.setCountingOnThisThread(true)
        defer { AllocationCounter.setCountingOnThisThread(false) }
        var idlePolls = 0
        var lastStatus: Int64 = 0
        let sleepMicroseconds = UInt32(max(0, configuration.idleSleepMicroseconds))
        let allRecordings = configuration.venues.allSatisfy {
            if case .recording = $0.source { true } else { false }
        }
        while true {
            let keepRunning = running.load(ordering: .acquiring)
            var processed = 0
            for lane in lanes { processed &+= lane.pump(limit: configuration.framesPerPoll) }
            let command = mailbox.take()
            if command != .none { for lane in lanes { lane.apply(command) } }
            let now = MonotonicClock.nanoseconds()
            if now &- lastStatus >= configuration.statusInterval {
                lastStatus = now
                let wallNow = WallClock.nanoseconds()
                for lane in lanes { lane.publishBriefs(now: wallNow) }
                publishStatus()
            }
            if processed == 0 {
                if !keepRunning { break }
                if allRecordings && lanes.allSatisfy(\.isExhausted) {
                    engineStopped.store(true, ordering: .releasing)
                }
                idlePolls &+= 1
                if sleepMicroseconds > 0 && idlePolls > configuration.spinsBeforeSleep { usleep(sleepMicroseconds) }
            } else {
                idlePolls = 0
            }
        }
        publishStatus()
        engineStopped.store(true, ordering: .releasing)
    }

    /// Rewrites the engine thread's own snapshot in place and swaps it with the published one, so the two
    /// alternate; once each has been sized (`EngineStatus.sizingPublishes`) publishing allocates nothing, as
    /// readers only ever get copies with storage of their own (`status`).
    private func publishStatus() {
        let allocationsBefore = AllocationCounter.allocationsOnThisThread
        defer {
            if statusPublishes >= EngineStatus.sizingPublishes {
                statusPublishAllocations &+= AllocationCounter.allocationsOnThisThread &- allocationsBefore
            }
            statusPublishes &+= 1
        }
        let wallNow = WallClock.nanoseconds()
        unpublishedStatus.publishedAt = wallNow
        unpublishedStatus.uptime = MonotonicClock.nanoseconds() &- startedAt
        unpublishedStatus.killSwitchEngaged = killSwitch.isEngaged
        unpublishedStatus.failure = lanes.lazy.compactMap(\.failure).first
        unpublishedStatus.statusPublishAllocations = AllocationCounter.isAvailable ? Int64(statusPublishAllocations) : nil
        unpublishedStatus.statusPublishes = statusPublishes
        if unpublishedStatus.venues.count != lanes.count {
            unpublishedStatus.venues = lanes.map { VenueStatus(venue: $0.venue) }
        }
        unpublishedStatus.latency.removeAll()
        unpublishedStatus.frameLatency.removeAll()
        for index in lanes.indices {
            lanes[index].updateStatus(&unpublishedStatus.venues[index], now: wallNow)
            unpublishedStatus.latency.merge(unpublishedStatus.venues[index].latency)
            unpublishedStatus.frameLatency.merge(unpublishedStatus.venues[index].frameLatency)
        }
        latestStatus.withLockIfAvailable { swap(&$0, &unpublishedStatus) }
    }
}

/// Builds a venue's lane with its processor specialised for the venue's rules.
struct LaneBuilder: MarketDataVisitor {
    let plan: EngineVenuePlan
    let session: MarketDataSession
    let journal: Journal?
    let configuration: EngineConfiguration
    let recovery: TradingSessionRecovery
    let consensus: EngineConsensus?

    func visit<Rules: VenueSequencing>(_ processor: MarketDataProcessor<Rules>) throws -> any EngineLane {
        let ring = FrameRing(slotCount: configuration.ringSlots, slotSize: 64 * 1024)
        var liveFeed: LiveFeed?
        var recordingFeed: RecordingFeed?
        switch plan.source {
        case .webSocket(let baseURL):
            var feedConfiguration = LiveFeedConfiguration(venue: plan.venue, symbols: session.instruments.map(\.symbol),
                                                          baseURL: baseURL)
            feedConfiguration.connectTimeout = configuration.feedConnectTimeout
            liveFeed = try LiveFeed(configuration: feedConfiguration, ring: ring)
        case .recording(let path):
            processor.restSnapshotInstrument = session.instrumentID(forRecording: path) ?? InstrumentID(0)
            recordingFeed = RecordingFeed(path: path, ring: ring)
        }
        var sessionConfiguration = configuration.session
        sessionConfiguration.advisoryBias = consensus?.biasCells(of: plan.venue) ?? []
        return try TradingLane(processor: processor, instruments: session.instruments, ring: ring, liveFeed: liveFeed,
                               recordingFeed: recordingFeed, journal: journal, clock: configuration.clock,
                               configuration: sessionConfiguration, recovery: recovery,
                               allocationWarmUpFrames: configuration.allocationWarmUpFrames,
                               briefCells: consensus?.briefCells(of: plan.venue) ?? [], outbox: consensus?.outbox(of: plan.venue))
    }
}
