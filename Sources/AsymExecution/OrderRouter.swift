import AsymCore
public import AsymRisk

/// Sends approved orders to a venue and tracks each through its state machine.
///
/// - `submit(_:now:)` takes only an `ApprovedOrder`, which only `RiskGate.check` makes: the gate cannot
///   be bypassed. A cancel is an approved `.cancel` intent; cancel/replace is two approvals.
/// - Client ids come from a `ClientOrderIDGenerator` (unique across restarts). Submits are idempotent:
///   approvals must arrive in the gate's decision order, and a repeated or older approval is refused,
///   so a retry can never send an order twice.
/// - A request whose answer is lost leaves the order `unknown`; `resolve(_:now:)` asks the venue by
///   client id — the router never resubmits blindly.
/// - Fills are deduplicated by trade id; an overfill is counted and raised as an event, never a trap.
/// - Everything that happens is appended to `events` (64-byte PODs) for the engine to journal and drain.
///
/// Generic over the venue so every call is specialised and direct (hftbacktest's one-trait-many-models
/// style). State machine: nautilus_trader's order FSM (see `OrderStateMachine`). Allocation-free after
/// `init`; one engine thread owns it.
public final class OrderRouter<Venue: ExecutionVenue> {
    // `@exclusivity(unchecked)`: one engine thread owns the router (as with `RiskGate`); the dynamic
    // exclusivity checks on these class properties were about a third of the order → fill time. The attribute
    // does not cross a module boundary, so what the engine reads every frame (`venue`, `events`) is an inlinable
    // accessor over unchecked storage: a stored public property would cost it a dynamic check each time.

    /// The venue; a paper venue is also fed market data through here by the driver.
    @inlinable public var venue: Venue {
        get { storedVenue }
        _modify { yield &storedVenue }
    }
    @usableFromInline @exclusivity(unchecked) var storedVenue: Venue
    public let configuration: OrderRouterConfiguration
    /// What happened since the last `clearEvents()`.
    @inlinable public var events: ExecutionEventBuffer { storedEvents }
    @usableFromInline @exclusivity(unchecked) var storedEvents: ExecutionEventBuffer
    @exclusivity(unchecked) public internal(set) var counters = OrderRouterCounters()

    @exclusivity(unchecked) var ids: ClientOrderIDGenerator
    /// Slot of an id: its sequence modulo the capacity, so lookup is one index and one compare.
    @exclusivity(unchecked) var orders: [RoutedOrder]
    let mask: Int
    @exclusivity(unchecked) var tradeIDs: TradeIDFilter
    /// The newest gate decision submitted; older or equal ones are duplicates.
    @exclusivity(unchecked) var lastDecision: UInt64 = 0

    /// A router issuing ids from `ids` (see `ClientOrderIDGenerator` for restarts).
    /// - Complexity: O(capacities): all storage is allocated here.
    public init(venue: Venue, ids: ClientOrderIDGenerator, configuration: OrderRouterConfiguration = .init()) {
        storedVenue = venue
        self.ids = ids
        self.configuration = configuration
        var size = 1
        while size < max(configuration.orderCapacity, 2) { size <<= 1 }
        orders = Array(repeating: .empty, count: size)
        mask = size - 1
        storedEvents = ExecutionEventBuffer(capacity: configuration.eventCapacity)
        tradeIDs = TradeIDFilter(capacity: configuration.tradeIDMemory)
    }

    /// The last client id issued (the journal persists it; a restart continues with `init(startingAfter:)`).
    public var lastIssuedClientOrderID: ClientOrderID? { ids.lastIssued }

    /// The live (or most recent) record of `id`, nil once its slot was reused.
    public func order(_ id: ClientOrderID) -> RoutedOrder? {
        let slot = Int(truncatingIfNeeded: id.sequence) & mask
        return orders[slot].clientOrderID == id ? orders[slot] : nil
    }

    /// Empties `events` after the engine has read them.
    public func clearEvents() { storedEvents.removeAll() }

    // MARK: - Sending

    /// Sends an approved order (entry or exit), or — for an approved `.cancel` — cancels the order whose
    /// id is its `cancelOrderID`. Returns the client id of the order sent or cancelled.
    ///
    /// An order the venue could not take (`notSent`) ends `rejected`; one whose send timed out is
    /// `unknown`. Neither throws: the order exists and its events say what happened.
    @discardableResult
    public func submit(_ order: ApprovedOrder, now: Int64) throws(ExecutionError) -> ClientOrderID {
        guard order.decision > lastDecision else { throw .duplicateSubmission(decision: order.decision) }
        if order.kind == .cancel {
            let id = try cancel(ClientOrderID(rawValue: order.cancelOrderID), now: now)
            lastDecision = order.decision
            return id
        }
        guard order.lots > 0 else { throw .invalidOrder }
        let slot = try allocateSlot()
        lastDecision = order.decision
        return send(order, slot: slot, now: now)
    }

    func send(_ order: ApprovedOrder, slot: Int, now: Int64) -> ClientOrderID {
        let id = ids.next()
        orders[slot] = RoutedOrder(
            clientOrderID: id, instrument: order.instrument, intent: order.kind, side: order.side,
            orderType: order.orderType, state: .new, cancelRequested: false, reason: .none, price: order.price,
            lots: order.lots, filledLots: 0, filledNotional: 0, fee: 0, requestedAt: now, updatedAt: now,
            decision: order.decision)
        counters.submitted &+= 1
        switch venue.send(VenueOrder(clientOrderID: id, approved: order), now: now) {
        case .sent:
            orders[slot].state = .submitted
            emit(.submitted, slot, now: now)
        case .timedOut:
            orders[slot].state = .submitted
            emit(.submitted, slot, now: now)
            loseContact(slot, now: now)
        case .notSent:
            orders[slot].state = .rejected
            orders[slot].reason = .notSent
            emit(.rejected, slot, now: now, reason: .notSent)
        }
        return id
    }

    /// Cancel/replace: cancels `cancel.cancelOrderID`, then sends `replacement`; both must be approvals
    /// (the replacement is sized and reserved by the gate like any order). Nothing is sent unless both
    /// are valid. Until the venue confirms the cancel both orders may be live; the gate's reservation
    /// covers the replacement, reduce-only exits cannot grow the position.
    @discardableResult
    public func replace(_ cancel: ApprovedOrder, with replacement: ApprovedOrder, now: Int64) throws(ExecutionError) -> ClientOrderID {
        guard cancel.kind == .cancel else { throw .wrongIntentKind(cancel.kind) }
        guard replacement.kind != .cancel else { throw .wrongIntentKind(replacement.kind) }
        guard cancel.decision > lastDecision else { throw .duplicateSubmission(decision: cancel.decision) }
        guard replacement.decision > lastDecision, replacement.decision != cancel.decision else {
            throw .duplicateSubmission(decision: replacement.decision)
        }
        let target = ClientOrderID(rawValue: cancel.cancelOrderID)
        guard let existing = order(target) else { throw .unknownOrder(target) }
        guard existing.instrument == replacement.instrument, replacement.lots > 0 else { throw .invalidOrder }
        let slot = try allocateSlot()
        try self.cancel(target, now: now)
        // The approvals may have been made in either order; both are used up now.
        lastDecision = max(cancel.decision, replacement.decision)
        return send(replacement, slot: slot, now: now)
    }

    /// Cancels every open order (the kill switch's `cancelAllRequested`); cancels never add exposure,
    /// so this needs no approval. Returns the number of cancels sent.
    /// - Complexity: O(order capacity).
    @discardableResult
    public func cancelAll(now: Int64) -> Int {
        var sent = 0
        for slot in orders.indices where !orders[slot].isFree && !orders[slot].cancelRequested {
            if (try? cancel(orders[slot].clientOrderID, now: now)) != nil { sent &+= 1 }
        }
        return sent
    }

    @discardableResult
    func cancel(_ id: ClientOrderID, now: Int64) throws(ExecutionError) -> ClientOrderID {
        let slot = Int(truncatingIfNeeded: id.sequence) & mask
        guard orders[slot].clientOrderID == id, id.rawValue != 0 else { throw .unknownOrder(id) }
        let state = orders[slot].state
        guard !state.isTerminal, state != .new else { throw .notCancellable(id, state) }
        if orders[slot].cancelRequested { return id }  // idempotent: one cancel in flight is enough
        switch venue.cancel(clientOrderID: id, instrument: orders[slot].instrument, now: now) {
        case .notSent: throw .venueUnavailable
        case .sent:
            orders[slot].cancelRequested = true
            orders[slot].requestedAt = now
            emit(.cancelRequested, slot, now: now)
        case .timedOut:
            orders[slot].cancelRequested = true
            orders[slot].requestedAt = now
            emit(.cancelRequested, slot, now: now)
            loseContact(slot, now: now)
        }
        return id
    }

    /// A free slot for the next id, skipping (burning) ids whose slot still holds a live order.
    func allocateSlot() throws(ExecutionError) -> Int {
        var probe = ids
        for _ in 0...mask {
            let candidate = probe.next()
            let slot = Int(truncatingIfNeeded: candidate.sequence) & mask
            if orders[slot].isFree { return slot }
            ids = probe
            counters.skippedIDs &+= 1
        }
        throw .orderTableFull
    }

    // MARK: - Events

    func emit(_ kind: ExecutionEventKind, _ slot: Int, now: Int64, reason: OrderRejectReason = .none) {
        let order = orders[slot]
        storedEvents.append(ExecutionEvent(
            time: now, clientOrderID: order.clientOrderID, price: order.price, lots: order.lots,
            filledLots: order.filledLots, instrument: order.instrument, kind: kind, state: order.state,
            side: order.side, reason: reason, intent: order.intent))
    }
}
