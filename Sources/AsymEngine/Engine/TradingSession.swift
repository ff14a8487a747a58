import AsymJournal
import AsymBook
public import AsymCore
public import AsymExecution
public import AsymRisk
public import AsymSignals
import AsymTransport
import AsymVenues

/// The engine's core loop for one venue and its instruments, on the caller's thread:
/// frame → `MarketDataProcessor` → (book update) `BookFeatureEngine` → `SignalEngine` → `OrderIntent` →
/// `RiskGate.check` → `OrderRouter<PaperVenue>.submit`; public trades and book updates feed the paper venue,
/// the router's events go to the `PositionBook` and back to the gate (`ExecutionRiskFeedback`), and the
/// `ExitManager` runs on every mid update, its exits passing the same gate and router.
///
/// The clock is the frame's receive time (never the system clock), so a replay is deterministic. Generic over
/// the venue's rules, so every per-frame call is specialised (no existentials); after warm-up the per-frame path
/// allocates nothing the components do not (all buffers are sized in `init`). One thread owns a session.
///
/// **Crash-only.** With a journal, the session writes a checkpoint of its execution and risk state (gate
/// counters, orders, paper venue, positions, exits; `TradingSession-checkpoint.swift`) at the end of every frame
/// that made a risk decision or moved an order, and at least every `checkpointInterval`; starting is recovering
/// (`recovering(…)`, `TradingSession-recovery.swift`): from the last complete checkpoint plus the records after
/// it, or from nothing when the journal is empty.
public final class TradingSession<Rules: VenueSequencing> {
    public typealias Venue = PaperVenue<ConstantLatency, RiskAverseQueueModel>

    public let processor: MarketDataProcessor<Rules>
    public let configuration: TradingSessionConfiguration
    public let instruments: [Instrument]
    public let gate: RiskGate
    public let router: OrderRouter<Venue>
    // `@exclusivity(unchecked)` on the mutable state below: one thread owns a session (as with `RiskGate`,
    // `OrderRouter` and `MarketDataProcessor`), and the dynamic exclusivity checks on these class properties took
    // about 6% of the per-frame time (`perf`: `swift_beginAccess`, `AccessSet::insert`, their TLS lookups).
    @exclusivity(unchecked) public internal(set) var positions: PositionBook
    @exclusivity(unchecked) public internal(set) var exits: ExitManager
    @exclusivity(unchecked) public private(set) var features: [BookFeatureEngine]
    @exclusivity(unchecked) public private(set) var signalEngines: [SignalEngine<StandardStrategies>]

    @exclusivity(unchecked) var counters = TradingSessionSummary()
    @exclusivity(unchecked) var latency: LatencyRecorder
    /// Tick-to-decision latencies, readable at any time without sorting (a snapshot: see `recordedLatencies`).
    public var latencyHistogram: LatencyHistogram { recordedLatencies.snapshot() }
    /// Whole-frame processing times (decode through journal enqueue), readable at any time without sorting.
    public var frameHistogram: LatencyHistogram { recordedFrameTimes.snapshot() }
    /// The histograms the hot path records into. Readers get snapshots with storage of their own: a copy sharing
    /// these buckets would make the next `record` copy them, an allocation per read on the hot path.
    @exclusivity(unchecked) var recordedLatencies = LatencyHistogram()
    @exclusivity(unchecked) var recordedFrameTimes = LatencyHistogram()
    /// Receive time of the last frame processed (the engine clock), ns.
    @exclusivity(unchecked) public private(set) var lastFrameTime: Int64 = 0
    /// The last few gate decisions (entries and exits), for status displays.
    @exclusivity(unchecked) public private(set) var recentDecisions = RecentDecisions()
    let cycleClock: CycleClock?
    /// Stop and take-profit of the last approved entry per instrument, for the exit manager when it fills.
    @exclusivity(unchecked) var entryStops: [(stop: Int64, takeProfit: Int64)]
    /// Orders sent and not yet terminal.
    @exclusivity(unchecked) var openOrders = 0
    @exclusivity(unchecked) var lastPositionSync: Int64 = .min / 2
    @exclusivity(unchecked) var lastEquitySnapshot: Int64 = .min / 2
    @exclusivity(unchecked) var peakEquity: Double
    /// The trading state last written to the journal.
    @exclusivity(unchecked) var journalledState = TradingState.active

    // Checkpoints and recovery (`TradingSession-checkpoint.swift`, `TradingSession-recovery.swift`).
    /// Reused for every checkpoint, so writing one allocates nothing.
    @exclusivity(unchecked) var checkpointWriter = CheckpointWriter(capacity: 4_096)
    @exclusivity(unchecked) var checkpointNumber: UInt64 = 0
    @exclusivity(unchecked) var lastCheckpointAt: Int64 = .min / 2
    /// `counters.frames` at the last checkpoint.
    @exclusivity(unchecked) var lastCheckpointFrame: Int64 = 0
    /// This frame made a risk decision, moved an order or changed the trading state: checkpoint at its end.
    @exclusivity(unchecked) var executionChanged = false
    /// Appending, or matching records a resumed replay produces again against the journal's (see `journal`).
    @exclusivity(unchecked) var journalMode = JournalMode.append
    /// The journal's records after the checkpoint, while a resumed replay regenerates them.
    @exclusivity(unchecked) var regeneration: [RecoveredRecord] = []
    @exclusivity(unchecked) var regenerated = 0
    /// Frames consumed before this process started (a resumed replay).
    @exclusivity(unchecked) var resumedFromFrame: Int64 = 0
    /// The highest client order id the journal held at start (ids are never issued twice).
    @exclusivity(unchecked) var highestJournalledID: ClientOrderID?
    /// Where a resumed replay stopped reproducing the journal (the driver stops with an error).
    @exclusivity(unchecked) public internal(set) var divergence: TradingSessionRecoveryError?

    /// A fresh session over `processor` (whose instruments, in id order, are `instruments`): the same as
    /// `recovering(…)` from an empty journal.
    public convenience init(processor: MarketDataProcessor<Rules>, instruments: [Instrument],
                            configuration: TradingSessionConfiguration) {
        self.init(unannounced: processor, instruments: instruments, configuration: configuration)
        announce(now: 0)
    }

    /// A session built to be restored: nothing journalled until `announce(now:)`.
    init(unannounced processor: MarketDataProcessor<Rules>, instruments: [Instrument],
         configuration: TradingSessionConfiguration) {
        self.processor = processor
        self.configuration = configuration
        self.instruments = instruments
        let riskInstruments = instruments.map { RiskInstrument($0) }
        gate = RiskGate(limits: configuration.riskLimits, instruments: riskInstruments,
                        equity: configuration.startingEquity, now: 0, killSwitch: configuration.killSwitch)
        let valuations = riskInstruments.map(InstrumentValuation.init)
        let venue = Venue(instruments: valuations, configuration: configuration.paperVenue,
                          latency: configuration.latency, queueModel: RiskAverseQueueModel())
        router = OrderRouter(venue: venue, ids: ClientOrderIDGenerator(epoch: configuration.clientOrderIDEpoch),
                             configuration: configuration.router)
        positions = PositionBook(instruments: valuations, startingBalance: configuration.startingEquity)
        for index in instruments.indices {
            // The paper venue takes whatever leverage the gate wants.
            let id = InstrumentID(UInt16(index))
            let leverage = gate.targetLeverage(id)
            gate.confirmVenueLeverage(id, leverage: leverage)
            positions.setLeverage(id, leverage: leverage)
        }
        exits = ExitManager(rules: configuration.exitRules, instrumentCount: instruments.count)
        features = instruments.map { _ in BookFeatureEngine(configuration: configuration.features) }
        signalEngines = instruments.indices.map {
            SignalEngine(instrument: InstrumentID(UInt16($0)), configuration: configuration.signals)
        }
        latency = LatencyRecorder(capacity: configuration.latencyCapacity)
        cycleClock = CycleClock.isAvailable ? CycleClock(calibratingFor: 5) : nil
        entryStops = Array(repeating: (0, 0), count: instruments.count)
        peakEquity = configuration.startingEquity
        counters.equity = configuration.startingEquity
        journalledState = gate.state
    }

    /// Config integrity: the hash of the limits in force opens every run's journal (every start, fresh or
    /// recovered; never matched against a resumed replay's records).
    func announce(now: Int64) {
        guard let journal = configuration.journal else { return }
        if journal.append(configuration.riskLimits.integrityHash, type: .configHash, time: now) == nil {
            counters.journalFailures &+= 1
            gate.halt()
        }
    }

    // MARK: - Journal

    /// Appends `event` if a journal is configured; a journal that cannot take it halts trading, since
    /// decisions that cannot be recorded must not be acted on. While a resumed replay regenerates records the
    /// journal already holds, each is matched against the journal's instead of appended (`regenerate`).
    func journal<Event: SessionJournalRecord>(_ event: Event, type: JournalRecordType, now: Int64) {
        guard let journal = configuration.journal else { return }
        if journalMode != .append {
            regenerate(event.recoveryKey, type: type, now: now)
            return
        }
        if journal.append(event, type: type, time: now) == nil {
            counters.journalFailures &+= 1
            gate.halt()
        }
    }

    /// The journal record type of an execution event: submissions and fills have their own, every other state
    /// change and alert shares one.
    static func recordType(of kind: ExecutionEventKind) -> JournalRecordType {
        switch kind {
        case .submitted: .orderSubmitted
        case .fill: .fill
        default: .orderStateChange
        }
    }

    /// Journals the gate's last decision, and the trading state when it changed.
    func journalDecision(_ verdict: RiskVerdict, now: Int64) {
        recentDecisions.append(gate.lastDecision)
        guard configuration.journal != nil else { return }
        executionChanged = true
        journal(gate.lastDecision, type: verdict.denial == nil ? .riskApproved : .riskDenied, now: now)
        if gate.state != journalledState {
            journalledState = gate.state
            journal(TradingStateRecord(state: gate.state, cause: gate.haltCause), type: .tradingStateChange, now: now)
        }
    }

    // MARK: - Per frame

    /// Processes one frame received at `receiveTime` (ns): the engine clock.
    public func process(_ frame: UnsafeRawBufferPointer, receiveTime now: Int64) {
        let started = cycleClock == nil ? UInt64(bitPattern: MonotonicClock.nanoseconds()) : CycleClock.cycles()
        counters.frames &+= 1
        lastFrameTime = now
        if gate.cancelAllRequested {
            executionChanged = true
            journal(KillSwitchRecord(time: now, state: gate.state, cause: gate.haltCause), type: .killSwitch, now: now)
            counters.cancelAlls &+= 1
            router.cancelAll(now: now)
            gate.cancelAllRequested = false
        }
        switch processor.process(frame, receiveTime: now) {
        case .bookUpdated(let id), .bookUnusable(let id), .gap(let id):
            bookUpdated(id, now: now, started: started)
        case .trades(let id):
            traded(id, now: now)
        case .noChange, .control, .decodeError:
            router.venue.process(now: now, books: processor.books)
        }
        drainEvents(now: now)
        syncPositions(now: now)
        snapshotEquity(now: now)
        // Measured before the checkpoint, which runs after the frame's decisions and orders have left.
        recordedFrameTimes.record(elapsed(since: started))
        if configuration.journal != nil { checkpointIfDue(now: now) }
    }

    /// Journals where the source recording stands (line index, receive time of that line), so an audit can tie
    /// decisions to input lines. The session already journals its position (frames consumed) with every
    /// checkpoint, which is what a restart resumes from; a driver calling this in a resumable replay must call it
    /// at the same frames in every run, or the resumed run will not reproduce the journal.
    public func journalReplayPosition(line: Int64, receiveTime: Int64) {
        journal(ReplayPositionRecord(line: line, receiveTime: receiveTime), type: .replayPosition, now: receiveTime)
    }

    /// Journals every instrument's position snapshot once per `equitySnapshotInterval` of engine time: the
    /// equity curve between fills.
    func snapshotEquity(now: Int64) {
        guard configuration.journal != nil, now &- lastEquitySnapshot >= configuration.equitySnapshotInterval else { return }
        lastEquitySnapshot = now
        for index in instruments.indices {
            journal(PositionSnapshot(positions, instrument: InstrumentID(UInt16(index)), at: now),
                    type: .positionSnapshot, now: now)
        }
    }

    func bookUpdated(_ id: InstrumentID, now: Int64, started: UInt64) {
        counters.bookUpdates &+= 1
        let index = Int(id.rawValue)
        let proposal = updateModels(id, now: now)
        router.venue.onBookUpdate(instrument: id, now: now, books: processor.books)
        drainEvents(now: now)

        // The touch as the features just read it (0 for an empty side), rather than a second look at the book.
        let bid = features[index].features.bestBidTicks
        let ask = features[index].features.bestAskTicks
        let usable = features[index].features.usable
        if usable && bid > 0 && ask > bid {
            positions.mark(id, price: Double(bid &+ ask) * 0.5)
            gate.updateEquity(positions.equity, at: now)
            if let exit = exits.evaluate(id, bestBid: bid, bestAsk: ask, now: now) {
                counters.exitIntents &+= 1
                let verdict = gate.check(exit.intent, now: now)
                recordLatency(started)
                journalDecision(verdict, now: now)
                switch verdict {
                case .approved(let order):
                    counters.exitsApproved &+= 1
                    if !submit(order, now: now) { exits.exitNotTaken(id) }
                case .denied:
                    counters.exitsDenied &+= 1
                    exits.exitNotTaken(id)
                }
            }
        }

        guard let signal = proposal, let direction = signal.direction.tradeDirection else { return }
        counters.signals &+= 1
        journal(signal, type: .signal, now: now)
        let long = direction == .long
        let type = configuration.entryOrderType
        let intent = OrderIntent(
            instrument: id, kind: .entry, direction: direction, orderType: type,
            price: type == .market ? signal.referencePriceTicks : (long ? ask : bid),
            stopPrice: signal.stopPriceTicks, takeProfitPrice: signal.takeProfitPriceTicks,
            signalCreatedAt: now, confidence: Double(signal.confidence), regime: signal.regime,
            spoofScore: Double(signal.spoofScore), riskPenalty: Double(signal.riskPenalty),
            atrFraction: Double(signal.atrFraction), bookUsable: usable, bookUpdatedAt: now,
            bestBid: bid, bestAsk: ask,
            advisory: index < configuration.advisoryBias.count ? configuration.advisoryBias[index].view(at: now) : .absent)
        let verdict = gate.check(intent, now: now)
        recordLatency(started)
        journalDecision(verdict, now: now)
        switch verdict {
        case .approved(let order):
            counters.approved &+= 1
            entryStops[index] = (order.stopPrice, order.takeProfitPrice)
            if submit(order, now: now) { counters.entryOrders &+= 1 }
        case .denied(let reason):
            counters.denied[Int(reason.rawValue)] &+= 1
        }
    }

    func traded(_ id: InstrumentID, now: Int64) {
        let index = Int(id.rawValue)
        let trades = processor.batch.trades
        for position in trades.indices where !trades[position].isBlockTrade {
            let trade = trades[position]
            counters.trades &+= 1
            recordTradeInModels(trade, index: index)
            router.venue.onTrade(instrument: id, price: trade.price, lots: trade.quantity, aggressor: trade.takerSide,
                                 now: now, books: processor.books)
        }
    }

    // MARK: - Market models (shared with `warmUp`)

    /// Book features and the signal model after a book update of `id`: the part of a frame that depends on
    /// market data alone. Returns the signal engine's proposal.
    @inline(__always)
    func updateModels(_ id: InstrumentID, now: Int64) -> Signal? {
        let index = Int(id.rawValue)
        let exchangeTime = processor.batch.header.exchangeTime ?? now
        return Self.updateModels(features: &features[index], signals: &signalEngines[index],
                                 book: &processor.storedBooks[id], exchangeTime: exchangeTime, now: now)
    }

    /// Takes the book through an `inout` access, though nothing writes to it: a book borrowed from class storage
    /// and passed to a call the compiler cannot see into is copied first (a retain and release of each storage
    /// buffer, every frame), while an exclusive access needs no copy.
    @inline(__always)
    static func updateModels(features: inout BookFeatureEngine, signals: inout SignalEngine<StandardStrategies>,
                             book: inout OrderBook, exchangeTime: Int64, now: Int64) -> Signal? {
        features.update(book: book, exchangeTime: exchangeTime, receiveTime: now)
        return signals.update(features: features.features, now: now)
    }

    @inline(__always)
    func recordTradeInModels(_ trade: TradeEvent, index: Int) {
        features[index].recordTrade(price: trade.price, quantity: trade.quantity, taker: trade.takerSide,
                                    exchangeTime: trade.exchangeTime)
        signalEngines[index].recordTrade(price: trade.price, quantity: trade.quantity, taker: trade.takerSide,
                                         exchangeTime: trade.exchangeTime)
    }

    /// Feeds a frame to the market models only (book, features, signal engines), without deciding or trading:
    /// how a resumed replay rebuilds the market state the checkpoint does not hold, from the frames before it.
    /// Counts nothing, journals nothing.
    public func warmUp(_ frame: UnsafeRawBufferPointer, receiveTime now: Int64) {
        switch processor.process(frame, receiveTime: now) {
        case .bookUpdated(let id), .bookUnusable(let id), .gap(let id):
            _ = updateModels(id, now: now)
        case .trades(let id):
            let index = Int(id.rawValue)
            let trades = processor.batch.trades
            for position in trades.indices where !trades[position].isBlockTrade {
                recordTradeInModels(trades[position], index: index)
            }
        case .noChange, .control, .decodeError:
            break
        }
    }

    /// Sends an approved order; false when the router refused it.
    func submit(_ order: ApprovedOrder, now: Int64) -> Bool {
        do throws(ExecutionError) {
            try router.submit(order, now: now)
        } catch {
            counters.submitErrors &+= 1
            if order.kind == .entry { gate.releaseReservation(order.instrument) }
            return false
        }
        counters.orders &+= 1
        openOrders &+= 1
        // A zero-latency venue answers at once: make it match and report now.
        router.venue.process(now: now, books: processor.books)
        drainEvents(now: now)
        return true
    }

    /// Applies the router's events: positions, gate feedback, exit tracking.
    func drainEvents(now: Int64) {
        router.poll(now: now)
        guard !router.events.isEmpty else { return }
        executionChanged = true
        for index in router.events.indices {
            let event = router.events[index]
            journal(event, type: Self.recordType(of: event.kind), now: now)
            apply(event, now: now, journalling: true)
        }
        router.clearEvents()
        trackDrawdown()
    }

    /// What one order event does to positions, the gate, the exit manager and the counters; shared with the
    /// recovery of a live session, which applies journalled events without journalling them again.
    func apply(_ event: ExecutionEvent, now: Int64, journalling: Bool) {
        let flatBefore = positions[event.instrument].lots == 0
        ExecutionRiskFeedback.record(event, positions: &positions, gate: gate, now: now)
        switch event.kind {
        case .fill:
            counters.fills &+= 1
            let position = positions[event.instrument]
            if event.intent == .entry && flatBefore, let direction = position.direction {
                let stops = entryStops[Int(event.instrument.rawValue)]
                exits.positionOpened(event.instrument, direction: direction, lots: position.lots,
                                     entryPrice: position.averageEntryPrice, stopPrice: stops.stop,
                                     takeProfitPrice: stops.takeProfit, at: now)
            } else {
                exits.positionChanged(position)
            }
            lastPositionSync = now
            if journalling {
                journal(PositionSnapshot(positions, instrument: event.instrument, at: now), type: .positionSnapshot,
                        now: now)
            }
        case .rejected:
            counters.rejects &+= 1
            if event.intent == .exit { exits.exitNotTaken(event.instrument) }
        case .cancelled, .expired, .resolved:
            if event.intent == .exit && event.filledLots == 0 { exits.exitNotTaken(event.instrument) }
        default:
            break
        }
        if event.kind != .submitted && event.kind != .cancelRequested && event.state.isTerminal
            && event.kind != .overfill && event.kind != .lateFill {
            openOrders = max(0, openOrders &- 1)
        }
    }

    func trackDrawdown() {
        let equity = positions.equity
        peakEquity = max(peakEquity, equity)
        if peakEquity > 0 { counters.maxDrawdown = max(counters.maxDrawdown, (peakEquity - equity) / peakEquity) }
    }

    /// The paper ledger is the position truth: confirm it to the gate (the position-sync heartbeat) while no
    /// order is open, so no in-flight reservation is released early.
    func syncPositions(now: Int64) {
        guard openOrders == 0, now &- lastPositionSync >= configuration.positionSyncInterval else { return }
        lastPositionSync = now
        for index in instruments.indices {
            let id = InstrumentID(UInt16(index))
            let position = positions[id]
            gate.confirmPosition(id, lots: position.lots, entryPrice: Int64(position.averageEntryPrice.rounded()),
                                 at: now)
        }
    }

    @inline(__always)
    func elapsed(since started: UInt64) -> Int64 {
        if let cycleClock {
            return Int64(cycleClock.nanoseconds(CycleClock.cycles() &- started))
        }
        return MonotonicClock.nanoseconds() &- Int64(bitPattern: started)
    }

    @inline(__always)
    func recordLatency(_ started: UInt64) {
        let nanoseconds = elapsed(since: started)
        latency.record(nanoseconds)
        recordedLatencies.record(nanoseconds)
        counters.decisionLatencySamples &+= 1
    }

    // MARK: - Results

    /// The counters so far, with equity, PnL, drawdown and latency percentiles filled in.
    /// - Complexity: O(n log n) in the latency samples (sorted for the percentiles).
    public func summary() -> TradingSessionSummary {
        var summary = counters
        let equity = positions.equity
        summary.equity = equity
        summary.realisedPnL = positions.walletBalance - configuration.startingEquity
        if peakEquity > 0 { summary.maxDrawdown = max(summary.maxDrawdown, (peakEquity - equity) / peakEquity) }
        summary.decisionLatency = latency.percentiles()
        summary.resumedFromFrame = resumedFromFrame
        summary.regeneratedRecords = Int64(regenerated)
        summary.positions = instruments.indices.map { PositionSnapshot(positions, instrument: InstrumentID(UInt16($0)), at: 0) }
        summary.risk = gate.checkpoint()
        summary.lastClientOrderID = router.lastIssuedClientOrderID
        return summary
    }
}
