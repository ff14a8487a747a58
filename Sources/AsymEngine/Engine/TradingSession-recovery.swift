public import AsymCore
import AsymExecution
import AsymJournal
import AsymRisk

extension TradingSession {
    // MARK: - Start = recovery

    /// Builds a session from its journal: the one way a session with a journal starts (an empty journal gives
    /// a fresh session).
    ///
    /// 1. The last complete checkpoint, if any, restores the gate's counters (`RiskGate.restore(from:)`), the
    ///    router's live orders and id generator, the paper venue (orders in transit, resting orders and their
    ///    queue positions), positions and equity, the exit trackers and the session's counters; the trade ids
    ///    of every journalled fill refill the router's deduplication filter.
    /// 2. The records after it are regenerated (`.recording`) or applied (`.live`): see `TradingSessionSource`.
    /// 3. The limits' hash is journalled, as at every start.
    ///
    /// - Throws: `.limitsChanged` when a recording is resumed under other risk limits than the journal's;
    ///   `.checkpoint` when the checkpoint does not fit this session.
    /// - Complexity: O(checkpoint + records after it + journalled fills); runs once, before the first frame.
    public static func recovering(processor: MarketDataProcessor<Rules>, instruments: [Instrument],
                                  configuration: TradingSessionConfiguration, from recovery: TradingSessionRecovery,
                                  source: TradingSessionSource) throws(TradingSessionRecoveryError) -> TradingSession {
        let limits = configuration.riskLimits.integrityHash
        if source == .recording, !recovery.isEmpty, let journalled = recovery.journalledLimitsHash, journalled != limits {
            throw .limitsChanged(journalled: journalled, current: limits)
        }
        let session = TradingSession(unannounced: processor, instruments: instruments, configuration: configuration)
        if let words = recovery.checkpoint {
            do throws(CheckpointError) {
                try session.restoreCheckpoint(words)
            } catch {
                throw .checkpoint(error)
            }
        }
        for fill in recovery.fillsBeforeCheckpoint {
            session.router.rememberJournalledFill(tradeID: fill.tradeID, order: fill.order)
        }
        session.highestJournalledID = recovery.highestClientOrderID
        session.resumedFromFrame = recovery.resumeFrame
        session.announce(now: recovery.resumeReceiveTime)
        switch source {
        case .recording:
            if recovery.tail.isEmpty {
                session.finishRegenerating()
            } else {
                session.regeneration = recovery.tail
                session.journalMode = .regenerate
            }
        case .live:
            if !recovery.isEmpty { session.applyJournalled(recovery) }
        }
        return session
    }

    /// Records a resumed replay has produced again so far (matched against the journal, not appended).
    public var regeneratedRecords: Int { regenerated }

    /// Applies the journalled records after the checkpoint of a live session (whose frames are gone), then
    /// settles what the crash left open and makes the result durable before the first new frame.
    func applyJournalled(_ recovery: TradingSessionRecovery) {
        var now = recovery.resumeReceiveTime
        for record in recovery.tail {
            now = max(now, record.time)
            switch record.payload {
            case .signal:
                counters.signals &+= 1
            case .decision(let decision):
                // A fresh gate that has made no check yet: replay cannot be refused here.
                try? gate.replayJournalled(decision)
                let approved = decision.reason == 0
                switch decision.kind {
                case .entry:
                    if approved {
                        counters.approved &+= 1
                        // The approval's stops are not journalled: the exit manager derives them from its rules.
                        entryStops[Int(decision.instrument.rawValue)] = (0, 0)
                    } else {
                        counters.denied[Int(decision.reason)] &+= 1
                    }
                case .exit:
                    counters.exitIntents &+= 1
                    if approved { counters.exitsApproved &+= 1 } else { counters.exitsDenied &+= 1 }
                case .cancel:
                    break
                }
            case .execution(let event, _):
                router.replayJournalled(event)
                if event.kind == .submitted {
                    counters.orders &+= 1
                    if event.intent == .entry { counters.entryOrders &+= 1 }
                    openOrders &+= 1
                }
                apply(event, now: event.time, journalling: false)
            case .positionSnapshot(let snapshot):
                if snapshot.markPrice > 0 {
                    positions.mark(snapshot.instrument, price: snapshot.markPrice)
                    gate.updateEquity(positions.equity, at: snapshot.time)
                }
            case .tradingState(let change):
                try? gate.replayJournalled(change)
                journalledState = gate.state
            case .killSwitch:
                counters.cancelAlls &+= 1
            case .replayPosition, .checkpointPart, .configHash:
                break
            }
        }
        trackDrawdown()
        // The paper venue lost what was in flight with the process: it cancels, and takes the recovered positions.
        router.venue.restartAfterCrash(positions: positions.positions.map(\.lots))
        // Ids the crashed run sent unjournalled all carry its epoch: continue in a new one.
        let issued = [router.lastIssuedClientOrderID, highestJournalledID].compactMap { $0 }.max()
        router.startNewIDRun(after: issued ?? ClientOrderID(epoch: configuration.clientOrderIDEpoch, sequence: 0))
        router.settleOrdersAfterRecovery(now: now)
        drainEvents(now: now)
        openOrders = router.openOrderCount
        // The new id run and the recovered state are durable before the first new order can leave.
        writeCheckpoint(now: now)
        if let journal = configuration.journal { _ = journal.waitUntilDurable(journal.lastSequence) }
    }

}
