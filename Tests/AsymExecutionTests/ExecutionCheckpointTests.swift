import AsymBook
import AsymCore
import AsymRisk
import Testing
@testable import AsymExecution

/// Router, paper venue, positions and exit trackers survive a restart: restored from a checkpoint they carry on
/// exactly as the originals would have, and a live restart settles open orders by query, never by resending.
@Suite struct ExecutionCheckpointTests {
    typealias F = ExecutionFixture
    let t = F.start
    let ms: Int64 = 1_000_000

    func words(_ router: OrderRouter<TestVenue>) -> [UInt64] {
        var writer = CheckpointWriter()
        router.writeCheckpoint(into: &writer)
        router.venue.writeCheckpoint(into: &writer)
        return writer.words
    }

    func restoredRouter(_ words: [UInt64], latency: ConstantLatency) throws -> OrderRouter<TestVenue> {
        let router = F.router(F.venue(latency: latency))
        var reader = CheckpointReader(words: words)
        try router.restore(from: &reader)
        try router.venue.restore(from: &reader)
        #expect(reader.isAtEnd)
        return router
    }

    /// The events as comparable numbers (time, id, trade id, kind, state, price, lots, filled).
    func trace(_ router: OrderRouter<TestVenue>) -> [[Int64]] {
        router.events.map {
            [$0.time, Int64(bitPattern: $0.clientOrderID.rawValue), Int64(bitPattern: $0.tradeID), Int64($0.kind.rawValue),
             Int64($0.state.rawValue), $0.price, $0.lots, $0.filledLots]
        }
    }

    @Test func aRestoredRouterAndVenueCarryOnExactlyAsTheOriginals() throws {
        let latency = ConstantLatency(entryNanoseconds: 2 * ms, responseNanoseconds: 3 * ms)
        let original = F.router(F.venue(latency: latency))
        var books = F.books()
        let approvals = Approvals()
        // A limit buy resting behind 10 lots, partly filled; a limit sell in transit; a cancel in transit.
        let resting = try original.submit(approvals.order(.buy, price: 649_990, lots: 6), now: t)
        let cancelled = try original.submit(approvals.order(.buy, price: 649_980, lots: 2), now: t)
        original.venue.process(now: t + 2 * ms, books: books)
        original.venue.onTrade(instrument: F.btcID, price: Price(ticks: 649_990), lots: Quantity(lots: 12),
                               aggressor: .sell, now: t + 3 * ms, books: books)
        let travelling = try original.submit(approvals.order(.sell, price: 650_040, lots: 4), now: t + 4 * ms)
        try original.submit(approvals.cancel(cancelled), now: t + 4 * ms)
        original.poll(now: t + 5 * ms)
        original.clearEvents()
        // The venue filled 2 lots of the resting buy; its report is still travelling back (3 ms).
        try #require(original.venue.queuePosition(of: resting) != nil && original.venue.counters.fills == 1)
        try #require(original.order(resting)?.filledLots == 0)
        try #require(original.order(travelling)?.state == .submitted)

        let restored = try restoredRouter(words(original), latency: latency)
        #expect(words(restored) == words(original))
        #expect(restored.venue.queuePosition(of: resting)?.ahead == original.venue.queuePosition(of: resting)?.ahead)
        #expect(restored.lastIssuedClientOrderID == original.lastIssuedClientOrderID)

        // The same market from here on: the same reports, fills and states, and the same next ids.
        for router in [original, restored] {
            router.venue.process(now: t + 7 * ms, books: books)
            F.setLevel(&books, .bid, 649_990, 1)
            router.venue.onBookUpdate(instrument: F.btcID, now: t + 8 * ms, books: books)
            router.venue.onTrade(instrument: F.btcID, price: Price(ticks: 649_990), lots: Quantity(lots: 3),
                                 aggressor: .sell, now: t + 9 * ms, books: books)
            router.venue.onTrade(instrument: F.btcID, price: Price(ticks: 650_050), lots: Quantity(lots: 9),
                                 aggressor: .buy, now: t + 10 * ms, books: books)
            router.poll(now: t + 20 * ms)
            books = F.books()
        }
        #expect(!trace(original).isEmpty && trace(original).contains { $0[3] == Int64(ExecutionEventKind.fill.rawValue) })
        #expect(trace(restored) == trace(original))
        let next = try restored.submit(approvals.order(.buy, price: 649_000, lots: 1), now: t + 30 * ms)
        let expected = try original.submit(approvals.order(.buy, price: 649_000, lots: 1), now: t + 30 * ms)
        #expect(next == expected && next > travelling, "ids continue the run, never repeat")
    }

    @Test func restoringARouterOrVenueThatHasStartedIsRefused() throws {
        let source = F.router()
        try source.submit(Approvals().order(.buy, price: 649_990, lots: 1), now: t)
        let saved = words(source)
        var reader = CheckpointReader(words: saved)
        #expect(throws: CheckpointError.targetInUse(what: "order router")) { try source.restore(from: &reader) }
        let used = F.venue()
        _ = used.send(VenueOrder(clientOrderID: ClientOrderID(epoch: 9, sequence: 1),
                                 approved: Approvals().order(.buy, price: 649_990, lots: 1)), now: t)
        var venueReader = CheckpointReader(words: saved)
        try F.router().restore(from: &venueReader)
        #expect(throws: CheckpointError.targetInUse(what: "paper venue")) { try used.restore(from: &venueReader) }
    }

    @Test func liveOrdersThatNoLongerFitTheTableAreAShapeMismatch() throws {
        let source = F.router()
        let approvals = Approvals()
        for _ in 0..<3 { try source.submit(approvals.order(.buy, price: 649_000, lots: 1), now: t) }
        source.venue.process(now: t, books: F.books())
        var small = OrderRouterConfiguration()
        small.orderCapacity = 2
        let target = F.router(configuration: small)
        var reader = CheckpointReader(words: words(source))
        #expect(throws: CheckpointError.countOutOfRange(at: 14, count: 3, maximum: 2)) { try target.restore(from: &reader) }
    }

    @Test func positionsRestoreBitForBit() throws {
        var book = PositionBook(instruments: [F.valuation], startingBalance: 10_000)
        book.applyFill(instrument: F.btcID, side: .buy, price: 650_000, lots: 30, fee: 1.07, at: t)
        book.mark(F.btcID, price: 650_123.5)
        book.applyFill(instrument: F.btcID, side: .sell, price: 650_400, lots: 10, fee: 0.36, at: t + ms)
        book.mark(F.btcID, price: 649_871)
        var writer = CheckpointWriter()
        book.writeCheckpoint(into: &writer)
        var restored = PositionBook(instruments: [F.valuation], startingBalance: 1)
        var reader = CheckpointReader(words: writer.words)
        try restored.restore(from: &reader)
        var again = CheckpointWriter()
        restored.writeCheckpoint(into: &again)
        #expect(again.words == writer.words)
        #expect(restored.equity.bitPattern == book.equity.bitPattern && restored[F.btcID].tradePnL == book[F.btcID].tradePnL)
        // Closing the rest realises the same round trip in both.
        let a = book.applyFill(instrument: F.btcID, side: .sell, price: 649_000, lots: 20, fee: 0.5, at: t + 2 * ms)
        let b = restored.applyFill(instrument: F.btcID, side: .sell, price: 649_000, lots: 20, fee: 0.5, at: t + 2 * ms)
        #expect(a == b && a.closedTrade)

        var twoInstruments = PositionBook(instruments: [F.valuation, F.valuation], startingBalance: 1)
        var mismatch = CheckpointReader(words: writer.words)
        #expect(throws: CheckpointError.shapeMismatch(what: "position book instruments", expected: 2, found: 1)) {
            try twoInstruments.restore(from: &mismatch)
        }
    }

    @Test func exitTrackersRestoreWithTheirPeakTrailingAndPartials() throws {
        var rules = ExitRules()
        rules.timeExitEnabled = false
        rules.partialsEnabled = false
        var manager = ExitManager(rules: rules, instrumentCount: 1)
        manager.positionOpened(F.btcID, direction: .long, lots: 100, entryPrice: 650_000, at: t)
        // +2 % moves the stop to break-even, +4 % arms the trailing stop, +4.5 % is the peak; no exit yet.
        for mid in [Int64(663_000), 676_000, 679_250] {
            #expect(manager.evaluate(F.btcID, bestBid: mid - 1, bestAsk: mid + 1, now: t) == nil)
        }
        var writer = CheckpointWriter()
        manager.writeCheckpoint(into: &writer)
        var restored = ExitManager(rules: rules, instrumentCount: 1)
        var reader = CheckpointReader(words: writer.words)
        try restored.restore(from: &reader)
        #expect(restored.trailingArmed(F.btcID) && restored.stopPrice(F.btcID) == manager.stopPrice(F.btcID))
        #expect(restored.exitInFlight(F.btcID) == manager.exitInFlight(F.btcID))
        #expect(restored.stopPrice(F.btcID) == 650_000, "the break-even stop survives")
        // Giving back more than 40 % of the peak: both produce the same trailing exit.
        let original = manager.evaluate(F.btcID, bestBid: 660_000, bestAsk: 660_002, now: t + ms)
        let copy = restored.evaluate(F.btcID, bestBid: 660_000, bestAsk: 660_002, now: t + ms)
        #expect(original?.reason == .trailingStop && copy?.reason == .trailingStop)

        var other = ExitManager(rules: rules, instrumentCount: 3)
        var mismatch = CheckpointReader(words: writer.words)
        #expect(throws: CheckpointError.shapeMismatch(what: "exit manager instruments", expected: 3, found: 1)) {
            try other.restore(from: &mismatch)
        }
    }

    @Test func replayedEventsRebuildTheTableAndOpenOrdersAreSettledByQueryNeverResent() throws {
        let original = F.router()
        let books = F.books()
        let approvals = Approvals()
        let filled = try original.submit(approvals.order(.buy, .market, lots: 3), now: t)
        let resting = try original.submit(approvals.order(.buy, price: 649_000, lots: 2), now: t)
        original.venue.process(now: t, books: books)
        original.poll(now: t)
        let journalled = original.events.map { $0 }
        try #require(journalled.contains { $0.kind == .fill } && original.order(resting)?.state == .acked)

        let recovered = F.router()
        for event in journalled { recovered.replayJournalled(event) }
        #expect(recovered.order(filled)?.state == .filled && recovered.order(filled)?.filledLots == 3)
        #expect(recovered.order(resting)?.state == .acked)
        #expect(recovered.openOrderCount == 1)
        // A fill the venue reports again after the restart is recognised by its trade id.
        let fill = try #require(journalled.first { $0.kind == .fill })
        try? recovered.apply(VenueReport(kind: .fill, clientOrderID: filled, instrument: F.btcID, side: .buy, price: fill.price,
                                         lots: fill.lots, tradeID: fill.tradeID, venueTime: t), now: t)
        #expect(recovered.counters.duplicateFills == 1)

        // The new process's venue never saw the resting order: the query says so, and nothing is sent.
        recovered.startNewIDRun(after: try #require(original.lastIssuedClientOrderID))
        let received = recovered.venue.counters.ordersReceived
        #expect(recovered.settleOrdersAfterRecovery(now: t + ms) == 1)
        #expect(recovered.order(resting)?.state == .rejected && recovered.order(resting)?.reason == .neverReceived)
        #expect(recovered.venue.counters.ordersReceived == received, "settling sends no order")
        let next = try recovered.submit(approvals.order(.buy, price: 649_000, lots: 1), now: t + 2 * ms)
        #expect(next.epoch == resting.epoch + 1, "a live restart continues in a new run of ids")
    }

    @Test func aVenueRestartedAfterACrashCancelsWhatItHeldAndTakesThePositions() throws {
        let router = F.router()
        let id = try router.submit(Approvals().order(.buy, price: 649_000, lots: 2), now: t)
        router.venue.process(now: t, books: F.books())
        try #require(router.venue.restingOrderCount == 1)
        router.venue.restartAfterCrash(positions: [7])
        #expect(router.venue.restingOrderCount == 0 && router.venue.positions == [7])
        guard case .found(let snapshot) = router.venue.query(clientOrderID: id, now: t) else {
            Issue.record("the cancelled order must be known to queries")
            return
        }
        #expect(snapshot.state == .cancelled)
    }
}
