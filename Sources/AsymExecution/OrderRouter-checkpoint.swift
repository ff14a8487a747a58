public import AsymCore
import AsymRisk

extension OrderRouter {
    // MARK: - Checkpoint (recovery)

    static var checkpointVersion: UInt64 { 1 }

    /// Writes the id generator, the last approval used, the counters and every live (non-terminal) order.
    /// Allocation-free once the writer has room. Call between frames, when `events` has been drained.
    /// - Complexity: O(order capacity).
    public func writeCheckpoint(into writer: inout CheckpointWriter) {
        writer.write(Self.checkpointVersion)
        writer.write(UInt64(ids.epoch))
        writer.write(ids.sequence)
        writer.write(lastDecision)
        let c = counters
        writer.write(c.submitted)
        writer.write(c.fills)
        writer.write(c.duplicateFills)
        writer.write(c.overfills)
        writer.write(c.lateFills)
        writer.write(c.unmatchedReports)
        writer.write(c.illegalTransitions)
        writer.write(c.inFlight)
        writer.write(c.resolvedByQuery)
        writer.write(c.skippedIDs)
        var live = 0
        for slot in orders.indices where !orders[slot].isFree { live &+= 1 }
        writer.write(live)
        for slot in orders.indices where !orders[slot].isFree {
            let order = orders[slot]
            writer.write(order.clientOrderID.rawValue)
            writer.write(order.instrument)
            writer.write(order.intent)
            writer.write(order.side)
            writer.write(order.orderType)
            writer.write(order.state)
            writer.write(order.cancelRequested)
            writer.write(order.reason)
            writer.write(order.price)
            writer.write(order.lots)
            writer.write(order.filledLots)
            writer.write(order.filledNotional)
            writer.write(order.fee)
            writer.write(order.requestedAt)
            writer.write(order.updatedAt)
            writer.write(order.decision)
        }
    }

    /// Restores what `writeCheckpoint(into:)` wrote into this router, which must be fresh (no order sent).
    /// The id generator continues the checkpoint's run (same epoch, next sequence); finished orders are not
    /// kept, so a report for one after a restart counts as unmatched.
    /// - Throws: `CheckpointError.targetInUse` once the router has sent an order, `.shapeMismatch` when two live
    ///   orders need one slot (the order capacity shrank), and damage errors.
    public func restore(from reader: inout CheckpointReader) throws(CheckpointError) {
        guard ids.lastIssued == nil && counters.submitted == 0 else { throw .targetInUse(what: "order router") }
        let version = try reader.readUInt64()
        guard version == Self.checkpointVersion else {
            throw .shapeMismatch(what: "order router checkpoint version", expected: Int(Self.checkpointVersion), found: Int(version))
        }
        let epoch = try reader.readUInt64()
        let sequence = try reader.readUInt64()
        guard epoch < UInt64(ClientOrderID.epochLimit), sequence < ClientOrderID.sequenceLimit else {
            throw .invalidValue(at: reader.position - 1)
        }
        let decision = try reader.readUInt64()
        var restored = OrderRouterCounters()
        restored.submitted = try reader.readInt()
        restored.fills = try reader.readInt()
        restored.duplicateFills = try reader.readInt()
        restored.overfills = try reader.readInt()
        restored.lateFills = try reader.readInt()
        restored.unmatchedReports = try reader.readInt()
        restored.illegalTransitions = try reader.readInt()
        restored.inFlight = try reader.readInt()
        restored.resolvedByQuery = try reader.readInt()
        restored.skippedIDs = try reader.readInt()
        let live = try reader.readCount(maximum: orders.count)
        var table = Array(repeating: RoutedOrder.empty, count: orders.count)
        for _ in 0..<live {
            let order = RoutedOrder(
                clientOrderID: ClientOrderID(rawValue: try reader.readUInt64()), instrument: try reader.readInstrumentID(),
                intent: try reader.read(IntentKind.self), side: try reader.read(TakerSide.self),
                orderType: try reader.read(OrderType.self), state: try reader.read(OrderState.self),
                cancelRequested: try reader.readBool(), reason: try reader.read(OrderRejectReason.self),
                price: try reader.readInt64(), lots: try reader.readInt64(), filledLots: try reader.readInt64(),
                filledNotional: try reader.readDouble(), fee: try reader.readDouble(), requestedAt: try reader.readInt64(),
                updatedAt: try reader.readInt64(), decision: try reader.readUInt64())
            let slot = Int(truncatingIfNeeded: order.clientOrderID.sequence) & mask
            guard table[slot].clientOrderID.rawValue == 0, order.clientOrderID.rawValue != 0 else {
                throw .shapeMismatch(what: "order router slots", expected: orders.count, found: live)
            }
            table[slot] = order
        }
        orders = table
        counters = restored
        lastDecision = decision
        var generator = ClientOrderIDGenerator(epoch: UInt32(epoch))
        if sequence > 0 { generator = ClientOrderIDGenerator(resuming: ClientOrderID(epoch: UInt32(epoch), sequence: sequence)) }
        ids = generator
    }

    /// Orders not yet in a terminal state.
    /// - Complexity: O(order capacity).
    public var openOrderCount: Int {
        var count = 0
        for slot in orders.indices where !orders[slot].isFree { count &+= 1 }
        return count
    }

    /// Remembers a journalled fill's trade id so a venue that reports it again after a restart is deduplicated.
    /// Replaying the journal's fills in order rebuilds the filter exactly as it was.
    public func rememberJournalledFill(tradeID: UInt64, order: ClientOrderID) {
        guard tradeID != 0 else { return }
        _ = tradeIDs.insert(tradeID: tradeID, order: order.rawValue)
    }

    /// Applies an order event journalled after the last checkpoint (recovery of a live run, whose frames cannot
    /// be replayed) to the order table: a submission is recorded, later events update its state and fills.
    /// Nothing is sent. Orders still open afterwards must be settled by `settleOrdersAfterRecovery(now:)`.
    public func replayJournalled(_ event: ExecutionEvent) {
        let id = event.clientOrderID
        guard id.rawValue != 0 else { return }
        let slot = Int(truncatingIfNeeded: id.sequence) & mask
        if event.kind == .submitted {
            orders[slot] = RoutedOrder(
                clientOrderID: id, instrument: event.instrument, intent: event.intent, side: event.side,
                orderType: .market, state: event.state, cancelRequested: false, reason: event.reason, price: event.price,
                lots: event.lots, filledLots: 0, filledNotional: 0, fee: 0, requestedAt: event.time,
                updatedAt: event.time, decision: 0)
            counters.submitted &+= 1
            return
        }
        guard orders[slot].clientOrderID == id else { return }
        switch event.kind {
        case .fill:
            rememberJournalledFill(tradeID: event.tradeID, order: id)
            orders[slot].filledNotional += Double(event.price) * Double(event.lots)
            orders[slot].fee += event.fee
            counters.fills &+= 1
        case .cancelRequested:
            orders[slot].cancelRequested = true
        case .cancelled, .cancelRejected, .rejected, .expired, .resolved:
            orders[slot].cancelRequested = false
            orders[slot].reason = event.reason
        default:
            break
        }
        if event.kind != .unmatchedReport && event.kind != .illegalTransition {
            orders[slot].state = event.state
            orders[slot].filledLots = event.filledLots
            orders[slot].updatedAt = event.time
        }
    }

    /// After replaying a live run's journal: no one knows what the venue did with the orders that were still
    /// open, so each becomes `unknown` and is settled by a query on its client id (never resent). Returns how
    /// many were resolved; the rest stay `unknown` until the venue answers.
    @discardableResult
    public func settleOrdersAfterRecovery(now: Int64) -> Int {
        for slot in orders.indices where !orders[slot].isFree { loseContact(slot, now: now) }
        return resolveUnknown(now: now)
    }

    /// Starts a new run of client ids after `highest`, the highest id the journal holds (a live restart: the
    /// crashed run may have sent ids it never journalled, all of its epoch, so the new run takes the next one).
    public func startNewIDRun(after highest: ClientOrderID) {
        let current = ids.lastIssued.map { max($0, highest) } ?? highest
        ids = ClientOrderIDGenerator(startingAfter: current)
    }
}
