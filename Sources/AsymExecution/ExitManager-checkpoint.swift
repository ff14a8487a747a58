public import AsymCore

extension ExitManager {
    // MARK: - Checkpoint (recovery)

    /// Writes what each instrument's exit tracker remembers (entry, stops, peak profit, trailing and
    /// break-even state, partials taken, an exit in flight). Allocation-free once the writer has room.
    public func writeCheckpoint(into writer: inout CheckpointWriter) {
        writer.write(trackers.count)
        for index in trackers.indices {
            let tracker = trackers[index]
            writer.write(tracker.active)
            writer.write(tracker.direction)
            writer.write(tracker.entryPrice)
            writer.write(tracker.openingLots)
            writer.write(tracker.openedAt)
            writer.write(tracker.stopPrice)
            writer.write(tracker.takeProfitPrice)
            writer.write(tracker.peakProfit)
            writer.write(tracker.trailingArmed)
            writer.write(tracker.stopAtBreakEven)
            writer.write(tracker.partialsTaken)
            writer.write(tracker.exitInFlight)
            writer.write(tracker.inFlightWasPartial)
        }
    }

    /// Restores what `writeCheckpoint(into:)` wrote; the rules stay this manager's.
    /// - Throws: `CheckpointError` on damage, `.shapeMismatch` when the instruments differ in number.
    public mutating func restore(from reader: inout CheckpointReader) throws(CheckpointError) {
        let count = try reader.readCount(maximum: Int(UInt16.max) + 1)
        guard count == trackers.count else {
            throw .shapeMismatch(what: "exit manager instruments", expected: trackers.count, found: count)
        }
        var restored = trackers
        for index in restored.indices {
            restored[index] = ExitTracker(
                active: try reader.readBool(), direction: try reader.read(TradeDirection.self),
                entryPrice: try reader.readDouble(), openingLots: try reader.readInt64(), openedAt: try reader.readInt64(),
                stopPrice: try reader.readDouble(), takeProfitPrice: try reader.readDouble(),
                peakProfit: try reader.readDouble(), trailingArmed: try reader.readBool(),
                stopAtBreakEven: try reader.readBool(), partialsTaken: try reader.readCount(maximum: 64),
                exitInFlight: try reader.readBool(), inFlightWasPartial: try reader.readBool())
        }
        trackers = restored
    }

    /// Whether an exit for `instrument` is in flight (sent, unanswered).
    public func exitInFlight(_ instrument: InstrumentID) -> Bool { trackers[Int(instrument.rawValue)].exitInFlight }
}
