public import AsymCore
import AsymRisk

extension PaperVenue {
    // MARK: - Checkpoint (recovery)

    static var checkpointVersion: UInt64 { 1 }

    /// Writes the venue's state: counters, its positions, the id and trade counters, the requests and reports
    /// in transit, and every resting order with its queue position, in matching order. The finished-order
    /// memory (for queries) is not written. Allocation-free once the writer has room.
    /// - Complexity: O(orders in transit and resting).
    public func writeCheckpoint(into writer: inout CheckpointWriter) {
        writer.write(Self.checkpointVersion)
        writer.write(counters.ordersReceived)
        writer.write(counters.fills)
        writer.write(counters.rejects)
        writer.write(counters.cancels)
        writer.write(counters.expiries)
        writer.write(counters.droppedReports)
        writer.write(counters.droppedOrders)
        writer.write(positions.count)
        for index in positions.indices { writer.write(positions[index]) }
        writer.write(highestClientOrderID)
        writer.write(tradeCounter)
        writer.write(lastVisibleAt)
        writer.write(lastDeliverAt)
        writer.write(pending.count)
        for offset in 0..<pending.count {
            let request = pending[offset]
            Self.write(request.order, into: &writer)
            writer.write(request.isCancel)
            writer.write(request.visibleAt)
        }
        writer.write(outbox.count)
        for offset in 0..<outbox.count {
            let outgoing = outbox[offset]
            let report = outgoing.report
            writer.write(report.kind)
            writer.write(report.clientOrderID.rawValue)
            writer.write(report.instrument)
            writer.write(report.side)
            writer.write(report.price)
            writer.write(report.lots)
            writer.write(report.tradeID)
            writer.write(report.fee)
            writer.write(report.liquidity)
            writer.write(report.reason)
            writer.write(report.venueTime)
            writer.write(outgoing.deliverAt)
        }
        writer.write(restingCount)
        for index in 0..<restingCount { Self.write(resting[index], into: &writer) }
    }

    static func write(_ order: PaperOrder, into writer: inout CheckpointWriter) {
        writer.write(order.clientOrderID.rawValue)
        writer.write(order.instrument)
        writer.write(order.side)
        writer.write(order.orderType)
        writer.write(order.reduceOnly)
        writer.write(order.price)
        writer.write(order.lots)
        writer.write(order.filledLots)
        writer.write(order.filledNotional)
        writer.write(order.fee)
        writer.write(order.queue.ahead)
        writer.write(order.queue.tradedSinceDepthUpdate)
        writer.write(order.levelLots)
        writer.write(order.restingSince)
        writer.write(order.silent)
    }

    static func readOrder(_ reader: inout CheckpointReader) throws(CheckpointError) -> PaperOrder {
        var order = PaperOrder(
            clientOrderID: ClientOrderID(rawValue: try reader.readUInt64()), instrument: try reader.readInstrumentID(),
            side: try reader.read(TakerSide.self), orderType: try reader.read(OrderType.self),
            reduceOnly: try reader.readBool(), price: try reader.readInt64(), lots: try reader.readInt64())
        order.filledLots = try reader.readInt64()
        order.filledNotional = try reader.readDouble()
        order.fee = try reader.readDouble()
        order.queue = QueuePosition(ahead: try reader.readDouble(), tradedSinceDepthUpdate: try reader.readDouble())
        order.levelLots = try reader.readInt64()
        order.restingSince = try reader.readInt64()
        order.silent = try reader.readBool()
        return order
    }

    /// Restores what `writeCheckpoint(into:)` wrote into this venue, which must be fresh (no order received).
    /// - Throws: `CheckpointError.targetInUse` once the venue has received an order, `.shapeMismatch` when the
    ///   instruments differ in number, `.countOutOfRange` when its queues or resting table are too small for
    ///   what was in them, and damage errors.
    public func restore(from reader: inout CheckpointReader) throws(CheckpointError) {
        guard counters.ordersReceived == 0 && restingCount == 0 && pending.isEmpty else {
            throw .targetInUse(what: "paper venue")
        }
        let version = try reader.readUInt64()
        guard version == Self.checkpointVersion else {
            throw .shapeMismatch(what: "paper venue checkpoint version", expected: Int(Self.checkpointVersion), found: Int(version))
        }
        var restored = PaperVenueCounters()
        restored.ordersReceived = try reader.readInt()
        restored.fills = try reader.readInt()
        restored.rejects = try reader.readInt()
        restored.cancels = try reader.readInt()
        restored.expiries = try reader.readInt()
        restored.droppedReports = try reader.readInt()
        restored.droppedOrders = try reader.readInt()
        let instrumentCount = try reader.readCount(maximum: Int(UInt16.max) + 1)
        guard instrumentCount == positions.count else {
            throw .shapeMismatch(what: "paper venue instruments", expected: positions.count, found: instrumentCount)
        }
        var restoredPositions = positions
        for index in restoredPositions.indices { restoredPositions[index] = try reader.readInt64() }
        let highest = try reader.readUInt64()
        let trades = try reader.readUInt64()
        let visibleAt = try reader.readInt64()
        let deliverAt = try reader.readInt64()
        var requests = pending
        let pendingCount = try reader.readCount(maximum: requests.capacity)
        for _ in 0..<pendingCount {
            let order = try Self.readOrder(&reader)
            _ = requests.push(PaperRequest(order: order, isCancel: try reader.readBool(), visibleAt: try reader.readInt64()))
        }
        var reports = outbox
        let outboxCount = try reader.readCount(maximum: reports.capacity)
        for _ in 0..<outboxCount {
            let report = VenueReport(
                kind: try reader.read(VenueReportKind.self), clientOrderID: ClientOrderID(rawValue: try reader.readUInt64()),
                instrument: try reader.readInstrumentID(), side: try reader.read(TakerSide.self), price: try reader.readInt64(),
                lots: try reader.readInt64(), tradeID: try reader.readUInt64(), fee: try reader.readDouble(),
                liquidity: try reader.read(Liquidity.self), reason: try reader.read(OrderRejectReason.self),
                venueTime: try reader.readInt64())
            _ = reports.push(PaperOutgoing(report: report, deliverAt: try reader.readInt64()))
        }
        let restingOrders = try reader.readCount(maximum: resting.count)
        var table = resting
        for index in 0..<restingOrders { table[index] = try Self.readOrder(&reader) }

        counters = restored
        positions = restoredPositions
        highestClientOrderID = highest
        tradeCounter = trades
        lastVisibleAt = visibleAt
        lastDeliverAt = deliverAt
        pending = requests
        outbox = reports
        resting = table
        restingCount = restingOrders
    }

    /// A live session restarted from its journal: the venue drops every order and report in transit and
    /// cancels its resting orders (what a venue's cancel-on-disconnect does), and takes `positions` (lots per
    /// instrument, from the recovered position book) as its own. The router learns the outcome by query.
    public func restartAfterCrash(positions lots: [Int64]) {
        precondition(lots.count == positions.count, "one position per instrument")
        while let request = pending.popFirst() {
            if !request.isCancel { finish(request.order, .cancelled) }
        }
        while outbox.popFirst() != nil {}
        for index in 0..<restingCount { finish(resting[index], .cancelled) }
        restingCount = 0
        positions = lots
    }
}
