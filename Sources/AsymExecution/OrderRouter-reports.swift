extension OrderRouter {
    // MARK: - Reports in

    /// Applies every venue report due by `now`; returns how many. A report that is illegal or for no live
    /// order is counted and raised as an event, never fatal.
    @discardableResult
    public func poll(now: Int64) -> Int {
        var applied = 0
        while let report = venue.nextReport(now: now) {
            do throws(ExecutionError) {
                try apply(report, now: now)
            } catch {
                // Counted and raised as an event in `apply`.
            }
            applied &+= 1
        }
        return applied
    }

    /// Applies one venue report.
    public func apply(_ report: VenueReport, now: Int64) throws(ExecutionError) {
        let id = report.clientOrderID
        let slot = Int(truncatingIfNeeded: id.sequence) & mask
        guard id.rawValue != 0, orders[slot].clientOrderID == id else {
            counters.unmatchedReports &+= 1
            storedEvents.append(ExecutionEvent(
                time: now, clientOrderID: id, tradeID: report.tradeID, price: report.price, lots: report.lots,
                filledLots: 0, fee: report.fee, instrument: report.instrument, kind: .unmatchedReport, state: .unknown,
                side: report.side, liquidity: report.liquidity, reason: report.reason, intent: .entry))
            throw .unknownOrder(id)
        }
        switch report.kind {
        case .ack:
            try transition(slot, .ack, now: now)
            emit(.acked, slot, now: now)
        case .fill:
            try applyFill(report, slot: slot, now: now)
        case .cancelled:
            try transition(slot, .cancel, now: now)
            orders[slot].cancelRequested = false
            orders[slot].reason = report.reason
            emit(.cancelled, slot, now: now, reason: report.reason)
        case .rejected:
            try transition(slot, .reject, now: now)
            orders[slot].reason = report.reason
            emit(.rejected, slot, now: now, reason: report.reason)
        case .expired:
            try transition(slot, .expire, now: now)
            emit(.expired, slot, now: now, reason: report.reason)
        case .cancelRejected:
            orders[slot].cancelRequested = false
            emit(.cancelRejected, slot, now: now, reason: report.reason)
        }
    }

    func transition(_ slot: Int, _ trigger: OrderTrigger, now: Int64) throws(ExecutionError) {
        do throws(ExecutionError) {
            orders[slot].state = try OrderStateMachine.next(orders[slot].state, on: trigger)
            orders[slot].updatedAt = now
        } catch {
            counters.illegalTransitions &+= 1
            emit(.illegalTransition, slot, now: now)
            throw error
        }
    }

    func applyFill(_ report: VenueReport, slot: Int, now: Int64) throws(ExecutionError) {
        if report.tradeID != 0
            && !tradeIDs.insert(tradeID: report.tradeID, order: report.clientOrderID.rawValue) {
            counters.duplicateFills &+= 1
            return
        }
        let state = orders[slot].state
        let filled = orders[slot].filledLots &+ report.lots
        if !state.isTerminal {
            try transition(slot, filled >= orders[slot].lots ? .fill : .partialFill, now: now)
        }
        // The fill happened whatever the state says: it always reaches positions.
        orders[slot].filledLots = filled
        orders[slot].filledNotional += Double(report.price) * Double(report.lots)
        orders[slot].fee += report.fee
        counters.fills &+= 1
        recordFill(slot, price: report.price, lots: report.lots, fee: report.fee, tradeID: report.tradeID,
                   liquidity: report.liquidity, now: now)
        if filled > orders[slot].lots {
            counters.overfills &+= 1
            emit(.overfill, slot, now: now)
        } else if state.isTerminal {
            counters.lateFills &+= 1
            emit(.lateFill, slot, now: now)
        }
    }

    func recordFill(_ slot: Int, price: Int64, lots: Int64, fee: Double, tradeID: UInt64, liquidity: Liquidity, now: Int64) {
        let order = orders[slot]
        storedEvents.append(ExecutionEvent(
            time: now, clientOrderID: order.clientOrderID, tradeID: tradeID, price: price, lots: lots,
            filledLots: order.filledLots, fee: fee, instrument: order.instrument, kind: .fill, state: order.state,
            side: order.side, liquidity: liquidity, intent: order.intent))
    }

    // MARK: - Lost answers

    func loseContact(_ slot: Int, now: Int64) {
        guard orders[slot].state != .unknown,
              let next = try? OrderStateMachine.next(orders[slot].state, on: .lostContact) else { return }
        orders[slot].state = next
        orders[slot].updatedAt = now
        counters.inFlight &+= 1
        emit(.inFlightUnknown, slot, now: now)
    }

    /// Orders whose order or cancel request has gone unanswered for `configuration.responseTimeout` become
    /// `unknown`. Returns how many.
    /// - Complexity: O(order capacity); call it on a timer, not per message.
    @discardableResult
    public func expireTimeouts(now: Int64) -> Int {
        var count = 0
        for slot in orders.indices where awaitsAnswer(slot) && now &- orders[slot].requestedAt >= configuration.responseTimeout {
            loseContact(slot, now: now)
            count &+= 1
        }
        return count
    }

    /// The connection to the venue dropped: every order with a request outstanding is now in flight.
    /// - Complexity: O(order capacity).
    @discardableResult
    public func connectionLost(now: Int64) -> Int {
        var count = 0
        for slot in orders.indices where awaitsAnswer(slot) {
            loseContact(slot, now: now)
            count &+= 1
        }
        return count
    }

    func awaitsAnswer(_ slot: Int) -> Bool {
        let order = orders[slot]
        guard order.clientOrderID.rawValue != 0 else { return false }
        return order.state == .submitted || (order.cancelRequested && !order.state.isTerminal && order.state != .unknown)
    }

    /// Asks the venue about `id` by client id and applies the answer; returns the resulting state.
    ///
    /// Found: fills the router missed are added as one reconstructed fill (trade id 0, at the average
    /// price of the missing lots, rounded to a tick) and the venue's state is adopted. Not found: the order
    /// never arrived and ends `rejected` (`neverReceived`). Unavailable: it stays `unknown`.
    @discardableResult
    public func resolve(_ id: ClientOrderID, now: Int64) throws(ExecutionError) -> OrderState {
        let slot = Int(truncatingIfNeeded: id.sequence) & mask
        guard id.rawValue != 0, orders[slot].clientOrderID == id else { throw .unknownOrder(id) }
        guard orders[slot].state == .unknown else { return orders[slot].state }
        switch venue.query(clientOrderID: id, now: now) {
        case .unavailable:
            return .unknown
        case .notFound:
            try transition(slot, .reject, now: now)
            orders[slot].reason = .neverReceived
            orders[slot].cancelRequested = false
            counters.resolvedByQuery &+= 1
            emit(.resolved, slot, now: now, reason: .neverReceived)
        case .found(let snapshot):
            let missing = snapshot.filledLots &- orders[slot].filledLots
            let trigger: OrderTrigger? = switch snapshot.state {
            case .acked: .ack
            case .partiallyFilled: .partialFill
            case .filled: .fill
            case .cancelled: .cancel
            case .rejected: .reject
            case .expired: .expire
            case .new, .submitted, .unknown: nil  // the venue holds it unprocessed: still in flight
            }
            if missing > 0 {
                let missingNotional = snapshot.averagePrice * Double(snapshot.filledLots) - orders[slot].filledNotional
                let price = Int64((missingNotional / Double(missing)).rounded())
                let fee = snapshot.fee - orders[slot].fee
                orders[slot].filledLots = snapshot.filledLots
                orders[slot].filledNotional += Double(price) * Double(missing)
                orders[slot].fee = snapshot.fee
                if let trigger { try transition(slot, trigger, now: now) }
                counters.fills &+= 1
                recordFill(slot, price: price, lots: missing, fee: fee, tradeID: 0, liquidity: .none, now: now)
            } else if let trigger {
                try transition(slot, trigger, now: now)
            }
            guard trigger != nil else { return .unknown }
            if orders[slot].state.isTerminal { orders[slot].cancelRequested = false }
            counters.resolvedByQuery &+= 1
            emit(.resolved, slot, now: now)
        }
        return orders[slot].state
    }

    /// Resolves every `unknown` order by a query; returns how many were resolved.
    /// - Complexity: O(order capacity) plus one venue query per unknown order.
    @discardableResult
    public func resolveUnknown(now: Int64) -> Int {
        var count = 0
        for slot in orders.indices where orders[slot].state == .unknown && orders[slot].clientOrderID.rawValue != 0 {
            if let state = try? resolve(orders[slot].clientOrderID, now: now), state != .unknown { count &+= 1 }
        }
        return count
    }
}
