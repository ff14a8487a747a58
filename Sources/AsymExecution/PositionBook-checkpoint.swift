public import AsymCore

extension PositionBook {
    // MARK: - Checkpoint (recovery)

    /// Writes the account and every position exactly (bit for bit: equity sums depend on their history, so
    /// they are stored, not recomputed). Allocation-free once the writer has room.
    public func writeCheckpoint(into writer: inout CheckpointWriter) {
        writer.write(walletBalance)
        writer.write(unrealizedPnL)
        writer.write(peakEquity)
        writer.write(positions.count)
        for index in positions.indices {
            let position = positions[index]
            writer.write(position.lots)
            writer.write(position.averageEntryPrice)
            writer.write(position.realizedPnL)
            writer.write(position.fees)
            writer.write(position.tradePnL)
            writer.write(position.leverage)
            writer.write(position.markPrice)
            writer.write(position.openedAt)
        }
    }

    /// Restores what `writeCheckpoint(into:)` wrote; the instruments (valuations) stay this book's.
    /// - Throws: `CheckpointError` on damage, `.shapeMismatch` when the instruments differ in number.
    public mutating func restore(from reader: inout CheckpointReader) throws(CheckpointError) {
        let wallet = try reader.readDouble()
        let unrealized = try reader.readDouble()
        let peak = try reader.readDouble()
        let count = try reader.readCount(maximum: Int(UInt16.max) + 1)
        guard count == positions.count else {
            throw .shapeMismatch(what: "position book instruments", expected: positions.count, found: count)
        }
        var restored = positions
        for index in restored.indices {
            restored[index].lots = try reader.readInt64()
            restored[index].averageEntryPrice = try reader.readDouble()
            restored[index].realizedPnL = try reader.readDouble()
            restored[index].fees = try reader.readDouble()
            restored[index].tradePnL = try reader.readDouble()
            let leverage = try reader.readInt()
            guard leverage >= 1 else { throw .invalidValue(at: reader.position - 1) }
            restored[index].leverage = leverage
            restored[index].markPrice = try reader.readDouble()
            restored[index].openedAt = try reader.readInt64()
        }
        positions = restored
        walletBalance = wallet
        unrealizedPnL = unrealized
        peakEquity = peak
    }
}
