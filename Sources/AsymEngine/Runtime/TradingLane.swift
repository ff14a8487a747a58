import AsymConsensus
import AsymCore
import AsymJournal
import AsymRing
import AsymRisk
import AsymSignals
import AsymTransport
import Foundation

/// A venue's frame source, ring and `TradingSession`: the engine thread pumps frames from the ring through
/// `MarketDataPump` into the session, specialised for the venue's rules.
final class TradingLane<Rules: VenueSequencing>: EngineLane {
    let venue: Venue
    let session: TradingSession<Rules>
    let pump: MarketDataPump<Rules, SessionFrameConsumer<Rules>>
    let clock: EngineClock
    let ring: FrameRing
    let liveFeed: LiveFeed?
    let recordingFeed: RecordingFeed?
    let journal: Journal?
    /// The consensus's cells of this venue's instruments (empty without a consensus) and its journal outbox.
    let briefCells: [MarketBriefCell]
    let outbox: ConsensusOutbox?
    /// Frames taken from the ring (for a recording: lines consumed; checkpoints journal the replay position).
    private(set) var framesPumped: Int64 = 0
    /// Frames after which pumps count their allocations, and what they counted: every allocation the engine
    /// thread made inside `pump` (ring pop through journal enqueue) once warm-up was over, and over how many frames.
    let allocationWarmUpFrames: Int64
    private(set) var framePathAllocations: UInt64 = 0
    private(set) var framePathFramesCounted: Int64 = 0

    init(processor: MarketDataProcessor<Rules>, instruments: [Instrument], ring: FrameRing, liveFeed: LiveFeed?,
         recordingFeed: RecordingFeed?, journal: Journal?, clock: EngineClock,
         configuration: TradingSessionConfiguration, recovery: TradingSessionRecovery,
         allocationWarmUpFrames: Int64,
         briefCells: [MarketBriefCell] = [], outbox: ConsensusOutbox? = nil) throws(TradingSessionRecoveryError) {
        self.clock = clock
        self.allocationWarmUpFrames = allocationWarmUpFrames
        self.briefCells = briefCells
        self.outbox = outbox
        venue = Rules.Codec.venue
        var configuration = configuration
        configuration.journal = journal
        self.journal = journal
        // Start is recovery: an empty journal gives a fresh session. A recording is read again from its first line
        // (the lines before the checkpoint rebuild the market models); a live feed's lost frames are not.
        session = try TradingSession.recovering(processor: processor, instruments: instruments, configuration: configuration,
                                                from: recovery, source: recordingFeed == nil ? .live : .recording)
        self.ring = ring
        self.liveFeed = liveFeed
        self.recordingFeed = recordingFeed
        pump = MarketDataPump(processor: processor, consumer: SessionFrameConsumer(session, clock: clock,
                              warmUpFrames: recordingFeed == nil ? 0 : recovery.resumeFrame), ring: ring,
                              instruments: instruments.indices.map { InstrumentID(UInt16($0)) }) { [liveFeed] symbolIndex in
            liveFeed?.requestResync(symbolIndex: symbolIndex)
        }
    }

    func startFeed() throws {
        try liveFeed?.start()
        try recordingFeed?.start(threadName: "asym-feed-\(venue)")
    }

    func stopFeed() {
        liveFeed?.stop()
        recordingFeed?.stop()
    }

    func pump(limit: Int) -> Int {
        // The consensus's records reach the journal through this thread, its one producer.
        if let outbox, let journal { _ = outbox.drain(into: journal, limit: 64) }
        let allocationsBefore = AllocationCounter.allocationsOnThisThread
        let count = pump.pumpAvailable(limit: limit)
        guard count > 0 else { return 0 }
        if framesPumped >= allocationWarmUpFrames {
            framePathAllocations &+= AllocationCounter.allocationsOnThisThread &- allocationsBefore
            framePathFramesCounted &+= Int64(count)
        }
        framesPumped &+= Int64(count)
        return count
    }

    func publishBriefs(now: Int64) {
        guard !briefCells.isEmpty else { return }
        let engineNow = recordingFeed == nil ? clock.engineTime(now) : session.lastFrameTime
        for index in briefCells.indices where index < session.instruments.count {
            let features = session.features[index].features
            guard features.usable else { continue }
            let regime = session.signalEngines[index].regime
            var brief = MarketBrief(time: engineNow, instrument: InstrumentID(UInt16(index)),
                                    price: Double(features.bestBidTicks &+ features.bestAskTicks) * 0.5
                                        * session.instruments[index].priceScale.tickValue,
                                    regime: regime ?? .ranging, regimeKnown: regime != nil)
            brief.spreadBasisPoints = features.spreadBasisPoints
            brief.imbalance = features.imbalance5
            brief.tradeFlowImbalance = features.tradeImbalanceMedium
            brief.spoofScore = features.spoof
            brief.riskPenalty = features.riskPenalty
            brief.realizedVolatilityBasisPoints = features.realizedVolatilityBasisPoints
            let position = session.positions[InstrumentID(UInt16(index))]
            brief.positionSide = position.lots == 0 ? 0 : (position.lots > 0 ? 1 : -1)
            brief.positionEntryPrice = position.averageEntryPrice * session.instruments[index].priceScale.tickValue
            briefCells[index].publish(brief)
        }
    }

    func apply(_ command: OperatorCommand) {
        switch command {
        case .none: break
        case .pause: session.gate.pause()
        case .resume: session.gate.resume()
        }
    }

    var isExhausted: Bool {
        guard let recordingFeed else { return false }
        return recordingFeed.isFinished && ring.count == 0
    }

    func summary() -> TradingSessionSummary { session.summary() }

    var failure: String? {
        if let divergence = session.divergence { return "\(venue): \(divergence)" }
        if let error = recordingFeed?.error { return "\(venue): recording: \(error)" }
        return nil
    }

    func finish() {
        if let outbox, let journal { _ = outbox.drain(into: journal) }
        // A recording read to its end closes with a checkpoint, so a restart finds the run complete.
        if let recordingFeed, recordingFeed.isFinished, ring.count == 0, !session.hasDiverged {
            session.checkpointAtEnd(receiveTime: session.lastFrameTime)
        }
    }

    func updateStatus(_ status: inout VenueStatus, now: Int64) {
        status.venue = venue
        let processorCounters = session.processor.counters
        status.framesProcessed = Int64(processorCounters.frames)
        status.decodeErrors = Int64(processorCounters.decodeErrors)
        status.gaps = Int64(processorCounters.gaps)
        status.resyncs = Int64(processorCounters.resyncs)
        if let liveFeed {
            status.connected = liveFeed.isConnected
            status.framesReceived = Int64(liveFeed.counters.frames)
            status.ringDrops = Int64(liveFeed.counters.ringFullDrops)
            status.reconnects = Int64(liveFeed.counters.reconnects)
        } else if let recordingFeed {
            status.connected = !recordingFeed.isFinished
            status.framesReceived = recordingFeed.linesPushed
        }
        status.summary = session.counters
        status.summary.equity = session.positions.equity
        status.summary.realisedPnL = session.positions.walletBalance - session.configuration.startingEquity
        status.tradingState = session.gate.state.description
        status.latency.copySamples(of: session.recordedLatencies)
        status.frameLatency.copySamples(of: session.recordedFrameTimes)
        if AllocationCounter.isAvailable { status.framePathAllocations = Int64(framePathAllocations) }
        status.framePathFramesCounted = framePathFramesCounted
        if let journal {
            status.journalSequence = journal.lastSequence
            status.journalDurableSequence = journal.durableSequence
        }
        let books = session.processor.books
        status.instruments.removeAll(keepingCapacity: true)
        status.instruments.reserveCapacity(session.instruments.count)
        for (index, instrument) in session.instruments.enumerated() {
            let id = InstrumentID(UInt16(index))
            let book = books[id]
            var item = InstrumentStatus(symbol: instrument.symbol)
            item.bestBid = book.bestBid.map { instrument.priceScale.format(ticks: $0.ticks) } ?? ""
            item.bestAsk = book.bestAsk.map { instrument.priceScale.format(ticks: $0.ticks) } ?? ""
            item.bookUsable = book.isUsable
            let engineNow = recordingFeed == nil ? clock.engineTime(now) : session.lastFrameTime
            item.bookAge = book.lastUpdateTime == 0 ? 0 : max(0, engineNow &- book.lastUpdateTime)
            let features = session.features[index].features
            item.regime = session.signalEngines[index].regime
            item.spoofScore = features.spoof
            item.riskPenalty = features.riskPenalty
            item.imbalance = features.imbalance5
            let position = session.positions[id]
            item.position = instrument.quantityScale.formatMinimal(ticks: position.lots)
            item.averageEntry = position.lots == 0
                ? "" : instrument.priceScale.format(ticks: Int64(position.averageEntryPrice.rounded()))
            item.unrealizedPnL = position.unrealizedPnL(at: position.markPrice)
            if index < session.configuration.advisoryBias.count {
                let view = session.configuration.advisoryBias[index].view(at: engineNow)
                item.advisory = view.isFresh(at: engineNow) ? view : nil
            }
            status.instruments.append(item)
        }
        status.recentDecisions.removeAll(keepingCapacity: true)
        status.recentDecisions.reserveCapacity(RecentDecisions.capacity)
        session.recentDecisions.forEach { record in
            status.recentDecisions.append(DecisionStatus(
                time: record.time,
                symbol: session.instruments[Int(record.instrument.rawValue)].symbol,
                entry: record.kind == .entry, direction: record.direction, confidence: record.confidence,
                denial: DenialReason(rawValue: record.reason)))
        }
    }
}
