public import AsymCore
public import AsymBook

/// An in-process venue that matches orders against the live (or replayed) L2 book, for paper trading,
/// replay, backtests and tests.
///
/// - **Latency**: an order or cancel reaches matching `latency.entry` after it is sent, and each report
///   reaches the router `latency.response` after it is made; both go through one connection, so they
///   keep their order (hftbacktest's `LatencyModel`). Time is the `now` the driver passes — never the
///   system clock — so replays are deterministic.
/// - **Taking**: market, IOC, FOK and the marketable part of a limit order walk the opposite side level
///   by level at each level's price, paying the taker fee. The book is the feed's and is not changed:
///   like hftbacktest, the paper venue assumes its orders have no market impact.
/// - **Resting**: a limit order's remainder joins the queue at its price behind everything visible there
///   and advances by the `QueueModel` (hftbacktest's `RiskAdverseQueueModel` or `ProbQueueModel`) on
///   trades and depth changes at its price; it fills (maker fee) when trades eat past it, or in full when
///   a trade prints through its price or the book crosses it.
/// - **Post-only** orders that would take are rejected; **reduce-only** orders are clipped to the
///   position the venue holds and rejected when there is none.
///
/// Driver contract: call `onTrade` for every public trade and `onBookUpdate` after every book frame
/// (both first run `process`), and `process` whenever time advances without market data.
/// Allocation-free after `init`; resting-order work is O(resting orders) per market-data event.
public final class PaperVenue<Latency: LatencyModel, Queue: QueueModel>: ExecutionVenue {
    // `@exclusivity(unchecked)`: the engine thread (or the test) is the only accessor; dynamic
    // exclusivity checks on class properties cost more than the matching itself.
    @exclusivity(unchecked) public var latency: Latency
    public let queueModel: Queue
    public let configuration: PaperVenueConfiguration
    /// Faults to inject into the next order (see `PaperVenueFaults`).
    @exclusivity(unchecked) public var faults = PaperVenueFaults()
    @exclusivity(unchecked) public internal(set) var counters = PaperVenueCounters()

    let valuations: [InstrumentValuation]
    let fees: [FeeSchedule]
    @exclusivity(unchecked) var pending: FixedQueue<PaperRequest>
    @exclusivity(unchecked) var outbox: FixedQueue<PaperOutgoing>
    @exclusivity(unchecked) var resting: [PaperOrder]
    @exclusivity(unchecked) var restingCount = 0
    @exclusivity(unchecked) var finished: [PaperFinished]
    @exclusivity(unchecked) var finishedNext = 0
    /// The venue's own net position per instrument (lots), for reduce-only.
    @exclusivity(unchecked) public internal(set) var positions: [Int64]
    /// Client ids from one router only increase: anything not above the highest seen is a duplicate.
    @exclusivity(unchecked) var highestClientOrderID: UInt64 = 0
    @exclusivity(unchecked) var tradeCounter: UInt64 = 0
    @exclusivity(unchecked) var lastVisibleAt: Int64 = .min
    @exclusivity(unchecked) var lastDeliverAt: Int64 = .min

    /// A venue for `instruments` (indexed by `InstrumentID`).
    /// - Complexity: O(capacities): all storage is allocated here.
    public init(instruments: [InstrumentValuation], configuration: PaperVenueConfiguration = .init(),
                latency: Latency, queueModel: Queue) {
        valuations = instruments
        fees = configuration.fees ?? instruments.map { FeeSchedule.defaults(for: $0.venue) }
        precondition(fees.count >= instruments.count, "one fee schedule per instrument")
        self.configuration = configuration
        self.latency = latency
        self.queueModel = queueModel
        let blank = PaperOrder.blank
        pending = FixedQueue(capacity: configuration.orderCapacity, filler: PaperRequest(order: blank, isCancel: false, visibleAt: 0))
        outbox = FixedQueue(capacity: configuration.reportCapacity, filler: PaperOutgoing(
            report: VenueReport(kind: .ack, clientOrderID: ClientOrderID(rawValue: 0), instrument: .init(0), side: .buy, venueTime: 0),
            deliverAt: 0))
        resting = Array(repeating: blank, count: configuration.orderCapacity)
        finished = Array(repeating: PaperFinished(id: ClientOrderID(rawValue: 0), snapshot: blank.snapshot(.new)),
                         count: max(1, configuration.finishedMemory))
        positions = Array(repeating: 0, count: instruments.count)
    }

    /// Orders resting in the book now.
    public var restingOrderCount: Int { restingCount }

    /// The estimated queue position of a resting order, nil if it is not resting.
    public func queuePosition(of id: ClientOrderID) -> QueuePosition? {
        for index in 0..<restingCount where resting[index].clientOrderID == id { return resting[index].queue }
        return nil
    }

    // MARK: - ExecutionVenue

    public func send(_ order: VenueOrder, now: Int64) -> VenueSendResult {
        let timedOut = faults.timeOutNextSend
        faults.timeOutNextSend = false
        if faults.loseNextOrder {
            faults.loseNextOrder = false
            return timedOut ? .timedOut : .sent
        }
        let silent = faults.silenceNextOrder
        faults.silenceNextOrder = false
        counters.ordersReceived &+= 1
        let visibleAt = max(now &+ latency.entry(now: now), lastVisibleAt)
        lastVisibleAt = visibleAt
        var paper = PaperOrder(order)
        paper.silent = silent
        if order.clientOrderID.rawValue <= highestClientOrderID {
            reject(paper, .duplicateClientOrderID, at: visibleAt)
        } else {
            highestClientOrderID = order.clientOrderID.rawValue
            if !pending.push(PaperRequest(order: paper, isCancel: false, visibleAt: visibleAt)) {
                counters.droppedOrders &+= 1
                reject(paper, .venueCapacity, at: visibleAt)
            }
        }
        return timedOut ? .timedOut : .sent
    }

    public func cancel(clientOrderID: ClientOrderID, instrument: InstrumentID, now: Int64) -> VenueSendResult {
        let timedOut = faults.timeOutNextSend
        faults.timeOutNextSend = false
        let visibleAt = max(now &+ latency.entry(now: now), lastVisibleAt)
        lastVisibleAt = visibleAt
        var target = PaperOrder.blank
        target.clientOrderID = clientOrderID
        target.instrument = instrument
        if !pending.push(PaperRequest(order: target, isCancel: true, visibleAt: visibleAt)) { return .notSent }
        return timedOut ? .timedOut : .sent
    }

    public func query(clientOrderID: ClientOrderID, now: Int64) -> VenueQueryResult {
        if faults.queriesUnavailable { return .unavailable }
        for index in 0..<restingCount where resting[index].clientOrderID == clientOrderID {
            let order = resting[index]
            return .found(order.snapshot(order.filledLots > 0 ? .partiallyFilled : .acked))
        }
        for entry in finished where entry.id == clientOrderID && clientOrderID.rawValue != 0 {
            return .found(entry.snapshot)
        }
        // Lost, or still travelling to the matching engine: either way the venue has not seen it.
        return .notFound
    }

    public func nextReport(now: Int64) -> VenueReport? {
        guard let head = outbox.first, head.deliverAt <= now else { return nil }
        _ = outbox.popFirst()
        return head.report
    }

    // MARK: - Market data

    /// Makes requests whose entry latency has passed visible to matching (in the order sent), and
    /// expires resting orders past `restingLifetime`.
    public func process(now: Int64, books: BookSet) {
        while let head = pending.first, head.visibleAt <= now {
            _ = pending.popFirst()
            if head.isCancel {
                processCancel(head.order.clientOrderID, at: head.visibleAt)
            } else {
                processNew(head.order, at: head.visibleAt, books: books)
            }
        }
        if configuration.restingLifetime > 0 { expireResting(now: now) }
    }

    /// A public trade of `lots` at `price` whose taker was `aggressor`: advances queues at that price and
    /// fills resting orders whose turn came, or that it traded through.
    public func onTrade(instrument: InstrumentID, price: Price, lots: Quantity, aggressor: TakerSide, now: Int64,
                        books: BookSet) {
        process(now: now, books: books)
        var index = 0
        while index < restingCount {
            var order = resting[index]
            guard order.instrument == instrument else {
                index &+= 1
                continue
            }
            let buy = order.side == .buy
            // A resting buy is hit by sellers, a resting sell lifted by buyers.
            if buy == (aggressor == .sell) {
                let limit = order.price
                if buy ? price.ticks < limit : price.ticks > limit {
                    fill(&order, price: limit, lots: order.leaves, liquidity: .maker, at: now)
                } else if price.ticks == limit {
                    queueModel.traded(&order.queue, lots: lots.lots)
                    let take = min(queueModel.fillable(order.queue), order.leaves)
                    if take > 0 {
                        fill(&order, price: limit, lots: take, liquidity: .maker, at: now)
                        order.queue.ahead += Double(take)
                    }
                }
            }
            if order.leaves == 0 {
                finish(order, .filled)
                removeResting(at: index)
            } else {
                resting[index] = order
                index &+= 1
            }
        }
    }

    /// The book of `instrument` changed (call after `endFrame`): orders the book now crosses fill at
    /// their price; the others' queue positions follow the quantity at their price.
    public func onBookUpdate(instrument: InstrumentID, now: Int64, books: BookSet) {
        process(now: now, books: books)
        // No local copy of the book: that would retain and release each of its storage buffers, every update.
        guard restingCount > 0, Int(instrument.rawValue) < books.count else { return }
        let bestAsk = books[instrument].bestAsk?.ticks
        let bestBid = books[instrument].bestBid?.ticks
        var index = 0
        while index < restingCount {
            var order = resting[index]
            guard order.instrument == instrument else {
                index &+= 1
                continue
            }
            let limit = order.price
            let buy = order.side == .buy
            let crossed = buy ? (bestAsk.map { $0 <= limit } ?? false) : (bestBid.map { $0 >= limit } ?? false)
            if crossed {
                fill(&order, price: limit, lots: order.leaves, liquidity: .maker, at: now)
                finish(order, .filled)
                removeResting(at: index)
                continue
            }
            let level = books[instrument].quantity(at: Price(ticks: limit), side: buy ? .bid : .ask).lots
            if level != order.levelLots {
                queueModel.depthChanged(&order.queue, from: order.levelLots, to: level)
                order.levelLots = level
                resting[index] = order
            }
            index &+= 1
        }
    }
}
