import AsymCore
import AsymBook
import AsymRisk

extension PaperVenue {
    /// An order reaches matching at `time`: reduce-only clip, post-only check, taking, then rest or end.
    func processNew(_ incoming: PaperOrder, at time: Int64, books: BookSet) {
        var order = incoming
        let index = Int(order.instrument.rawValue)
        guard index < valuations.count, index < books.count else { return reject(order, .unknownInstrument, at: time) }
        let buy = order.side == .buy
        if order.reduceOnly {
            let reducible = buy ? max(0, -positions[index]) : max(0, positions[index])
            guard reducible > 0 else { return reject(order, .reduceOnlyWouldIncrease, at: time) }
            order.lots = min(order.lots, reducible)
        }
        let book = books[order.instrument]
        let type = order.orderType
        let limit: Int64 = type == .market ? (buy ? .max : .min) : order.price
        let opposite: BookSide = buy ? .ask : .bid
        if type == .postOnly, let best = book.bestLevel(side: opposite), buy ? best.price.ticks <= limit : best.price.ticks >= limit {
            return reject(order, .postOnlyWouldTake, at: time)
        }
        schedule(VenueReport(kind: .ack, clientOrderID: order.clientOrderID, instrument: order.instrument, side: order.side,
                             price: order.price, lots: order.lots, venueTime: time), at: time, silent: order.silent)
        if type == .fillOrKill {
            var available: Int64 = 0
            scanLevels(book, side: opposite) { level in
                guard buy ? level.price.ticks <= limit : level.price.ticks >= limit else { return false }
                available &+= level.quantity.lots
                return available < order.lots
            }
            if available < order.lots { return end(order, .cancelled, .fillOrKillUnfillable, at: time) }
        }
        if type != .postOnly {
            scanLevels(book, side: opposite) { level in
                guard buy ? level.price.ticks <= limit : level.price.ticks >= limit else { return false }
                fill(&order, price: level.price.ticks, lots: min(order.leaves, level.quantity.lots), liquidity: .taker, at: time)
                return order.leaves > 0
            }
        }
        if order.leaves == 0 { return finish(order, .filled) }
        switch type {
        case .market: end(order, .cancelled, .noLiquidity, at: time)
        case .immediateOrCancel, .fillOrKill: end(order, .cancelled, .immediateRemainder, at: time)
        case .limit, .postOnly:
            guard restingCount < resting.count else {
                counters.droppedOrders &+= 1
                return end(order, .cancelled, .venueCapacity, at: time)
            }
            let level = book.quantity(at: Price(ticks: order.price), side: buy ? .bid : .ask).lots
            order.queue = queueModel.joined(levelLots: level)
            order.levelLots = level
            order.restingSince = time
            resting[restingCount] = order
            restingCount &+= 1
        }
    }

    /// Calls `body` with the levels of `side`, best first, until it returns false. Walks in passes of
    /// 4, 16, 64… levels because `OrderBook.forEachLevel` cannot stop early: most orders need one level.
    func scanLevels(_ book: OrderBook, side: BookSide, _ body: (BookLevel) -> Bool) {
        var done = 0
        var pass = 4
        var stopped = false
        while !stopped {
            var seen = 0
            book.forEachLevel(side: side, maxLevels: pass) { level in
                seen &+= 1
                guard !stopped, seen > done else { return }
                if !body(level) { stopped = true }
            }
            if seen < pass || pass >= configuration.maxLevelsWalked { return }
            done = pass
            pass = min(pass &* 4, configuration.maxLevelsWalked)
        }
    }

    func processCancel(_ id: ClientOrderID, at time: Int64) {
        for index in 0..<restingCount where resting[index].clientOrderID == id {
            let order = resting[index]
            removeResting(at: index)
            counters.cancels &+= 1
            return end(order, .cancelled, .none, at: time)
        }
        schedule(VenueReport(kind: .cancelRejected, clientOrderID: id, instrument: .init(0), side: .buy,
                             reason: .cancelTargetNotOpen, venueTime: time), at: time, silent: false)
    }

    func expireResting(now: Int64) {
        var index = 0
        while index < restingCount {
            let order = resting[index]
            if now &- order.restingSince >= configuration.restingLifetime {
                removeResting(at: index)
                counters.expiries &+= 1
                end(order, .expired, .none, at: order.restingSince &+ configuration.restingLifetime)
            } else {
                index &+= 1
            }
        }
    }

    func fill(_ order: inout PaperOrder, price: Int64, lots: Int64, liquidity: Liquidity, at time: Int64) {
        guard lots > 0 else { return }
        let index = Int(order.instrument.rawValue)
        let fee = valuations[index].notional(lots: lots, price: Double(price)) * fees[index].rate(liquidity)
        order.filledLots &+= lots
        order.filledNotional += Double(price) * Double(lots)
        order.fee += fee
        positions[index] &+= order.side == .buy ? lots : 0 &- lots
        tradeCounter &+= 1
        counters.fills &+= 1
        schedule(VenueReport(kind: .fill, clientOrderID: order.clientOrderID, instrument: order.instrument, side: order.side,
                             price: price, lots: lots, tradeID: tradeCounter, fee: fee, liquidity: liquidity, venueTime: time),
                 at: time, silent: order.silent)
    }

    /// Ends an order without a complete fill (cancel, expiry), reporting the lots left.
    func end(_ order: PaperOrder, _ state: OrderState, _ reason: OrderRejectReason, at time: Int64) {
        let kind: VenueReportKind = state == .expired ? .expired : .cancelled
        schedule(VenueReport(kind: kind, clientOrderID: order.clientOrderID, instrument: order.instrument, side: order.side,
                             price: order.price, lots: order.leaves, reason: reason, venueTime: time),
                 at: time, silent: order.silent)
        finish(order, state)
    }

    func reject(_ order: PaperOrder, _ reason: OrderRejectReason, at time: Int64) {
        counters.rejects &+= 1
        schedule(VenueReport(kind: .rejected, clientOrderID: order.clientOrderID, instrument: order.instrument,
                             side: order.side, price: order.price, lots: order.lots, reason: reason, venueTime: time),
                 at: time, silent: order.silent)
        finish(order, .rejected)
    }

    /// Remembers a finished order for queries (a ring: the oldest is forgotten).
    func finish(_ order: PaperOrder, _ state: OrderState) {
        finished[finishedNext] = PaperFinished(id: order.clientOrderID, snapshot: order.snapshot(state))
        finishedNext = finishedNext &+ 1 == finished.count ? 0 : finishedNext &+ 1
    }

    func removeResting(at index: Int) {
        restingCount &-= 1
        resting[index] = resting[restingCount]
    }

    /// Queues a report made at `time` for the client; one connection, so delivery keeps the order.
    func schedule(_ report: VenueReport, at time: Int64, silent: Bool) {
        guard !silent else { return }
        let deliverAt = max(time &+ latency.response(now: time), lastDeliverAt)
        lastDeliverAt = deliverAt
        if !outbox.push(PaperOutgoing(report: report, deliverAt: deliverAt)) { counters.droppedReports &+= 1 }
    }
}
