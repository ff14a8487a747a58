import AsymCore
import AsymExecution
import AsymJournal
import AsymRisk

/// How a session treats the records it produces.
enum JournalMode: UInt8 {
    /// Append them (normal operation).
    case append
    /// A resumed replay: the journal already holds them; match each against the next one it holds.
    case regenerate
    /// A resumed replay stopped reproducing the journal: append nothing more (the driver stops).
    case diverged
}

extension TradingSession {
    // MARK: - Checkpoints

    /// Closes every checkpoint; a reader that does not end on it has a layout bug.
    static var checkpointEndMarker: UInt64 { 0x4153_594D_434B_5054 }  // "ASYMCKPT"

    /// At the end of a frame: a checkpoint after a risk decision, an order event or a trading-state change
    /// (`checkpointOnExecution`), and at least every `checkpointInterval` of engine time.
    @inline(__always)
    func checkpointIfDue(now: Int64) {
        if (executionChanged && configuration.checkpointOnExecution) || now &- lastCheckpointAt >= configuration.checkpointInterval {
            writeCheckpoint(now: now)
        }
    }

    /// Writes a checkpoint at the end of a source whose last frame came at `receiveTime`, unless one was written
    /// after the last frame already; then a resumed run of the same source reproduces nothing and adds nothing.
    public func checkpointAtEnd(receiveTime: Int64) {
        guard configuration.journal != nil, counters.frames != lastCheckpointFrame || checkpointNumber == 0 else { return }
        writeCheckpoint(now: receiveTime)
    }

    /// Journals where the source stands (`ReplayPositionRecord`: frames consumed, last receive time), then the
    /// checkpoint in `SessionCheckpointChunk` parts. Runs between frames; allocation-free once the writer has
    /// room (a few hundred words for one instrument).
    /// - Complexity: O(instruments + live orders + window sizes).
    func writeCheckpoint(now: Int64) {
        checkpointNumber &+= 1
        lastCheckpointAt = now
        lastCheckpointFrame = counters.frames
        executionChanged = false
        checkpointWriter.reset()
        SessionCheckpointHeader(frames: counters.frames, receiveTime: now, number: checkpointNumber,
                                instrumentCount: instruments.count).write(into: &checkpointWriter)
        writeSessionState(into: &checkpointWriter)
        gate.writeCheckpoint(into: &checkpointWriter)
        router.writeCheckpoint(into: &checkpointWriter)
        router.venue.writeCheckpoint(into: &checkpointWriter)
        positions.writeCheckpoint(into: &checkpointWriter)
        exits.writeCheckpoint(into: &checkpointWriter)
        checkpointWriter.write(Self.checkpointEndMarker)

        journal(ReplayPositionRecord(line: counters.frames, receiveTime: now), type: .replayPosition, now: now)
        let count = checkpointWriter.words.count
        let perPart = SessionCheckpointChunk.wordsPerPart
        let parts = (count + perPart - 1) / perPart
        for part in 0..<parts {
            let chunk = SessionCheckpointChunk(checkpoint: checkpointNumber, part: part, parts: parts,
                                               source: checkpointWriter.words,
                                               range: part * perPart..<min(count, (part + 1) * perPart))
            journal(chunk, type: .sessionCheckpoint, now: now)
        }
    }

    /// The session's own counters and bookkeeping (everything but latency, which is wall-clock).
    func writeSessionState(into writer: inout CheckpointWriter) {
        let c = counters
        writer.write(c.journalFailures)
        writer.write(c.bookUpdates)
        writer.write(c.trades)
        writer.write(c.signals)
        writer.write(c.approved)
        writer.write(c.denied.count)
        for index in c.denied.indices { writer.write(c.denied[index]) }
        writer.write(c.exitIntents)
        writer.write(c.exitsApproved)
        writer.write(c.exitsDenied)
        writer.write(c.orders)
        writer.write(c.entryOrders)
        writer.write(c.submitErrors)
        writer.write(c.fills)
        writer.write(c.rejects)
        writer.write(c.cancelAlls)
        writer.write(c.maxDrawdown)
        writer.write(c.decisionLatencySamples)
        for index in entryStops.indices {
            writer.write(entryStops[index].stop)
            writer.write(entryStops[index].takeProfit)
        }
        writer.write(openOrders)
        writer.write(lastPositionSync)
        writer.write(lastEquitySnapshot)
        writer.write(peakEquity)
        writer.write(journalledState)
    }

    /// Restores a checkpoint's words into this freshly built session. The market models (books, features,
    /// signal engines) are not in it: a replay rebuilds them from the frames before it (`warmUp`).
    func restoreCheckpoint(_ words: [UInt64]) throws(CheckpointError) {
        var reader = CheckpointReader(words: words)
        let header = try SessionCheckpointHeader(from: &reader)
        guard header.instrumentCount == instruments.count else {
            throw .shapeMismatch(what: "session instruments", expected: instruments.count, found: header.instrumentCount)
        }
        var restored = counters
        restored.frames = header.frames
        restored.journalFailures = try reader.readInt()
        restored.bookUpdates = try reader.readInt64()
        restored.trades = try reader.readInt64()
        restored.signals = try reader.readInt64()
        restored.approved = try reader.readInt64()
        let reasons = try reader.readCount(maximum: 1 << 16)
        guard reasons == restored.denied.count else {
            throw .shapeMismatch(what: "denial reasons", expected: restored.denied.count, found: reasons)
        }
        for index in 0..<reasons { restored.denied[index] = try reader.readInt64() }
        restored.exitIntents = try reader.readInt64()
        restored.exitsApproved = try reader.readInt64()
        restored.exitsDenied = try reader.readInt64()
        restored.orders = try reader.readInt64()
        restored.entryOrders = try reader.readInt64()
        restored.submitErrors = try reader.readInt64()
        restored.fills = try reader.readInt64()
        restored.rejects = try reader.readInt64()
        restored.cancelAlls = try reader.readInt64()
        restored.maxDrawdown = try reader.readDouble()
        restored.decisionLatencySamples = try reader.readInt64()
        var stops = entryStops
        for index in stops.indices { stops[index] = (try reader.readInt64(), try reader.readInt64()) }
        let open = try reader.readInt()
        let positionSync = try reader.readInt64()
        let equitySnapshot = try reader.readInt64()
        let peak = try reader.readDouble()
        let state = try reader.read(TradingState.self)

        try gate.restore(from: try RiskGateCheckpoint(from: &reader))
        try router.restore(from: &reader)
        try router.venue.restore(from: &reader)
        try positions.restore(from: &reader)
        try exits.restore(from: &reader)
        guard try reader.readUInt64() == Self.checkpointEndMarker else { throw .invalidValue(at: reader.position - 1) }
        guard reader.isAtEnd else { throw .trailingWords(count: words.count - reader.position) }

        counters = restored
        entryStops = stops
        openOrders = open
        lastPositionSync = positionSync
        lastEquitySnapshot = equitySnapshot
        peakEquity = peak
        journalledState = state
        checkpointNumber = header.number
        lastCheckpointAt = header.receiveTime
        lastCheckpointFrame = header.frames
    }

    // MARK: - Regenerating a resumed replay's records

    /// Whether a resumed replay is still producing records the journal already holds.
    public var isRegenerating: Bool { journalMode == .regenerate }

    /// Whether a resumed replay stopped reproducing the journal (`divergence` says where).
    public var hasDiverged: Bool { journalMode == .diverged }

    /// A record the session produced while resuming a replay: it must be the journal's next one (type, time
    /// and key). Matched records are not appended again; the first mismatch stops all appending and halts
    /// trading, and the driver reports `divergence`.
    func regenerate(_ key: SessionRecordKey, type: JournalRecordType, now: Int64) {
        guard journalMode == .regenerate else { return }
        let expected = regeneration[regenerated]
        guard expected.type == type, expected.time == now, expected.key == key else {
            journalMode = .diverged
            divergence = .replayDiverged(sequence: expected.sequence, journalled: expected.type.rawValue,
                                         produced: type.rawValue)
            gate.halt()
            return
        }
        regenerated &+= 1
        if regenerated == regeneration.count { finishRegenerating() }
    }

    /// Every journalled record was produced again: from here on records are appended. The id generator is
    /// past every journalled id by construction (the same orders were issued again); if it somehow is not, a
    /// new run of ids starts so none is ever reused.
    func finishRegenerating() {
        journalMode = .append
        regeneration = []
        if let highest = highestJournalledID, (router.lastIssuedClientOrderID.map { $0 < highest } ?? true) {
            router.startNewIDRun(after: highest)
        }
    }
}
