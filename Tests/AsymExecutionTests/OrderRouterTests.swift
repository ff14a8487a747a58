import AsymBook
import AsymCore
import AsymRisk
import Testing
@testable import AsymExecution

@Suite struct OrderRouterTests {
    typealias F = ExecutionFixture
    let t = F.start

    /// A resting limit buy at 649,990 behind 10 lots.
    func restingBuy(lots: Int64 = 5) throws -> (OrderRouter<TestVenue>, Approvals, BookSet, ClientOrderID) {
        let approvals = Approvals()
        let router = F.router()
        let books = F.books()
        let id = try router.submit(approvals.order(.buy, price: 649_990, lots: lots), now: t)
        router.venue.process(now: t, books: books)
        router.poll(now: t)
        return (router, approvals, books, id)
    }

    @Test func submitGoesNewToSubmittedThenAckedOnTheVenueAck() throws {
        let (router, _, _, id) = try restingBuy()
        #expect(F.kinds(router) == [.submitted, .acked])
        #expect(router.events.map(\.state) == [.submitted, .acked])
        #expect(router.order(id)?.state == .acked)
        #expect(router.venue.restingOrderCount == 1)
    }

    @Test func partialFillThenFillCompletesTheOrder() throws {
        let (router, _, books, id) = try restingBuy(lots: 5)
        router.clearEvents()
        // 10 ahead; a sell of 12 at the price leaves 2 for us, a further 3 completes us.
        router.venue.onTrade(instrument: F.btcID, price: Price(ticks: 649_990), lots: Quantity(lots: 12), aggressor: .sell,
                             now: t + 1, books: books)
        router.poll(now: t + 1)
        #expect(router.order(id)?.state == .partiallyFilled)
        #expect(router.order(id)?.filledLots == 2)
        router.venue.onTrade(instrument: F.btcID, price: Price(ticks: 649_990), lots: Quantity(lots: 3), aggressor: .sell,
                             now: t + 2, books: books)
        router.poll(now: t + 2)
        #expect(router.order(id)?.state == .filled)
        #expect(F.fills(router).map(\.lots) == [2, 3])
        #expect(F.fills(router).map(\.state) == [.partiallyFilled, .filled])
        #expect(F.fills(router).allSatisfy { $0.liquidity == .maker })
    }

    @Test func cancelMovesAnAckedOrderToCancelled() throws {
        let (router, approvals, books, id) = try restingBuy()
        router.clearEvents()
        try router.submit(approvals.cancel(id), now: t + 1)
        #expect(router.order(id)?.cancelRequested == true)
        router.venue.process(now: t + 1, books: books)
        router.poll(now: t + 1)
        #expect(F.kinds(router) == [.cancelRequested, .cancelled])
        #expect(router.order(id)?.state == .cancelled)
        #expect(router.venue.restingOrderCount == 0)
    }

    @Test func cancelOfAFinishedOrderIsATypedError() throws {
        let (router, approvals, books, id) = try restingBuy()
        try router.submit(approvals.cancel(id), now: t + 1)
        router.venue.process(now: t + 1, books: books)
        router.poll(now: t + 1)
        #expect(throws: ExecutionError.notCancellable(id, .cancelled)) { try router.submit(approvals.cancel(id), now: t + 2) }
    }

    @Test func venueRejectMovesSubmittedToRejected() throws {
        let approvals = Approvals()
        let router = F.router()
        let id = try router.submit(approvals.order(.buy, .postOnly, price: 650_010, lots: 1), now: t)
        router.venue.process(now: t, books: F.books())
        router.poll(now: t)
        #expect(router.order(id)?.state == .rejected)
        #expect(router.order(id)?.reason == .postOnlyWouldTake)
        #expect(F.kinds(router) == [.submitted, .rejected])
    }

    @Test func restingOrderExpiresAfterItsLifetime() throws {
        var configuration = PaperVenueConfiguration()
        configuration.restingLifetime = 10 * F.second
        let router = F.router(F.venue(configuration: configuration))
        let books = F.books()
        let id = try router.submit(Approvals().order(.buy, price: 649_990, lots: 1), now: t)
        router.venue.process(now: t, books: books)
        router.venue.process(now: t + 9 * F.second, books: books)
        router.poll(now: t + 9 * F.second)
        #expect(router.order(id)?.state == .acked)
        router.venue.process(now: t + 10 * F.second, books: books)
        router.poll(now: t + 10 * F.second)
        #expect(router.order(id)?.state == .expired)
    }

    @Test func responseTimeoutLeavesTheOrderInFlightUnknown() throws {
        let router = F.router()
        router.venue.faults.loseNextOrder = true
        let id = try router.submit(Approvals().order(.buy, price: 649_990, lots: 1), now: t)
        router.venue.process(now: t, books: F.books())
        router.poll(now: t)
        #expect(router.expireTimeouts(now: t + F.second) == 0)
        #expect(router.order(id)?.state == .submitted)
        #expect(router.expireTimeouts(now: t + 5 * F.second) == 1)
        #expect(router.order(id)?.state == .unknown)
        #expect(F.kinds(router).last == .inFlightUnknown)
    }

    @Test func sendTimeoutLeavesTheOrderUnknownAtOnce() throws {
        let router = F.router()
        router.venue.faults.timeOutNextSend = true
        let id = try router.submit(Approvals().order(.buy, price: 649_990, lots: 1), now: t)
        #expect(router.order(id)?.state == .unknown)
        #expect(F.kinds(router) == [.submitted, .inFlightUnknown])
    }

    @Test func unknownOrderFoundFilledByQueryResolvesToFilledWithTheMissedFill() throws {
        let router = F.router()
        let books = F.books()
        router.venue.faults.silenceNextOrder = true
        router.venue.faults.timeOutNextSend = true
        let id = try router.submit(Approvals().order(.buy, .market, lots: 4), now: t)
        router.venue.process(now: t, books: books)
        #expect(router.poll(now: t) == 0)  // the venue filled it, but nothing came back
        #expect(router.order(id)?.state == .unknown)
        router.clearEvents()
        #expect(try router.resolve(id, now: t + F.second) == .filled)
        let fill = try #require(F.fills(router).first)
        // 2 @ 650,010 + 2 @ 650,020: average 650,015.
        #expect(fill.lots == 4 && fill.price == 650_015 && fill.tradeID == 0)
        #expect(abs(fill.fee - (2 * 0.001 * 65_001.0 + 2 * 0.001 * 65_002.0) * 0.000_55) < 1e-12)
        #expect(F.kinds(router) == [.fill, .resolved])
        #expect(router.counters.resolvedByQuery == 1)
        #expect(router.venue.counters.ordersReceived == 1)  // queried, never resubmitted
    }

    @Test func unknownOrderNeverReceivedResolvesToRejectedByQuery() throws {
        let router = F.router()
        router.venue.faults.loseNextOrder = true
        let id = try router.submit(Approvals().order(.buy, price: 649_990, lots: 1), now: t)
        router.expireTimeouts(now: t + 10 * F.second)
        #expect(router.resolveUnknown(now: t + 10 * F.second) == 1)
        #expect(router.order(id)?.state == .rejected)
        #expect(router.order(id)?.reason == .neverReceived)
        #expect(router.events.last?.kind == .resolved)
        #expect(router.venue.counters.ordersReceived == 0)
    }

    @Test func unknownOrderStaysUnknownWhileQueriesFail() throws {
        let router = F.router()
        router.venue.faults.loseNextOrder = true
        router.venue.faults.timeOutNextSend = true
        router.venue.faults.queriesUnavailable = true
        let id = try router.submit(Approvals().order(.buy, price: 649_990, lots: 1), now: t)
        #expect(try router.resolve(id, now: t + F.second) == .unknown)
    }

    @Test func disconnectLeavesOrdersAwaitingAnAnswerUnknownAndAQueryFindsThemResting() throws {
        let router = F.router(F.venue(latency: ConstantLatency(entryNanoseconds: 0, responseNanoseconds: 1_000_000)))
        let books = F.books()
        let id = try router.submit(Approvals().order(.buy, price: 649_990, lots: 1), now: t)
        router.venue.process(now: t, books: books)
        #expect(router.connectionLost(now: t + 1) == 1)
        #expect(router.order(id)?.state == .unknown)
        #expect(try router.resolve(id, now: t + 2) == .acked)
        // The ack that was on the wire arrives late: it is illegal now, counted, not fatal.
        router.poll(now: t + 2_000_000)
        #expect(router.counters.illegalTransitions == 1)
        #expect(router.order(id)?.state == .acked)
    }

    @Test func illegalReportIsATypedErrorAndCounted() throws {
        let (router, _, _, id) = try restingBuy()
        let ack = VenueReport(kind: .ack, clientOrderID: id, instrument: F.btcID, side: .buy, venueTime: t)
        #expect(throws: ExecutionError.illegalTransition(from: .acked, trigger: .ack)) { try router.apply(ack, now: t) }
        #expect(router.counters.illegalTransitions == 1)
        #expect(router.events.last?.kind == .illegalTransition)
    }

    @Test func reportForNoLiveOrderIsCountedAndThrows() {
        let router = F.router()
        let stray = ClientOrderID(epoch: 1, sequence: 99)
        let report = VenueReport(kind: .fill, clientOrderID: stray, instrument: F.btcID, side: .buy, price: 1, lots: 1,
                                 tradeID: 5, venueTime: t)
        #expect(throws: ExecutionError.unknownOrder(stray)) { try router.apply(report, now: t) }
        #expect(router.counters.unmatchedReports == 1)
        #expect(router.events.last?.kind == .unmatchedReport)
    }

    @Test func duplicateFillIsIgnored() throws {
        let (router, _, _, id) = try restingBuy(lots: 5)
        let fill = VenueReport(kind: .fill, clientOrderID: id, instrument: F.btcID, side: .buy, price: 649_990, lots: 2,
                               tradeID: 777, fee: 0.01, liquidity: .maker, venueTime: t)
        try router.apply(fill, now: t)
        try router.apply(fill, now: t)
        #expect(router.order(id)?.filledLots == 2)
        #expect(router.counters.duplicateFills == 1)
        #expect(F.fills(router).count == 1)
    }

    @Test func overfillIsAlertedNotCrashed() throws {
        let (router, _, _, id) = try restingBuy(lots: 5)
        for (trade, lots) in [(1 as UInt64, 5 as Int64), (2, 3)] {
            try router.apply(VenueReport(kind: .fill, clientOrderID: id, instrument: F.btcID, side: .buy, price: 649_990,
                                         lots: lots, tradeID: trade, liquidity: .maker, venueTime: t), now: t)
        }
        #expect(router.order(id)?.state == .filled)
        #expect(router.order(id)?.filledLots == 8)
        #expect(router.counters.overfills == 1)
        #expect(F.kinds(router).suffix(2) == [.fill, .overfill])
        #expect(F.fills(router).count == 2)  // the extra fill still reaches positions
    }

    @Test func fillAfterCancelIsAppliedAndAlertedAsLate() throws {
        let (router, approvals, books, id) = try restingBuy(lots: 5)
        try router.submit(approvals.cancel(id), now: t + 1)
        router.venue.process(now: t + 1, books: books)
        router.poll(now: t + 1)
        try router.apply(VenueReport(kind: .fill, clientOrderID: id, instrument: F.btcID, side: .buy, price: 649_990,
                                     lots: 1, tradeID: 9, venueTime: t), now: t + 2)
        #expect(router.counters.lateFills == 1)
        #expect(router.order(id)?.state == .cancelled)
        #expect(F.kinds(router).suffix(2) == [.fill, .lateFill])
    }

    @Test func submittingTheSameApprovalTwiceIsRefused() throws {
        let router = F.router()
        let order = Approvals().order(.buy, price: 649_990, lots: 1)
        try router.submit(order, now: t)
        #expect(throws: ExecutionError.duplicateSubmission(decision: order.decision)) { try router.submit(order, now: t) }
        #expect(router.counters.submitted == 1)
    }

    @Test func cancelReplaceCancelsThenSendsTheApprovedReplacement() throws {
        let (router, approvals, books, id) = try restingBuy(lots: 5)
        let cancel = approvals.cancel(id)
        let replacement = approvals.order(.buy, price: 649_980, lots: 4)
        router.clearEvents()
        let newID = try router.replace(cancel, with: replacement, now: t + 1)
        router.venue.process(now: t + 1, books: books)
        router.poll(now: t + 1)
        #expect(newID > id)
        #expect(router.order(id)?.state == .cancelled)
        #expect(router.order(newID)?.state == .acked)
        #expect(router.order(newID)?.price == 649_980)
        #expect(F.kinds(router) == [.cancelRequested, .submitted, .cancelled, .acked])
        #expect(throws: ExecutionError.wrongIntentKind(.entry)) {
            try router.replace(approvals.order(.buy, lots: 1), with: approvals.order(.buy, lots: 1), now: t + 2)
        }
    }

    @Test func cancelAllCancelsEveryOpenOrder() throws {
        let approvals = Approvals()
        let router = F.router()
        let books = F.books()
        let a = try router.submit(approvals.order(.buy, price: 649_990, lots: 1), now: t)
        let b = try router.submit(approvals.order(.sell, price: 650_030, lots: 1), now: t)
        router.venue.process(now: t, books: books)
        router.poll(now: t)
        #expect(router.cancelAll(now: t + 1) == 2)
        router.venue.process(now: t + 1, books: books)
        router.poll(now: t + 1)
        #expect(router.order(a)?.state == .cancelled && router.order(b)?.state == .cancelled)
    }

    @Test func fillsFeedPositionsAndTheRiskGate() throws {
        let approvals = Approvals()
        let router = F.router()
        var positions = PositionBook(instruments: [F.valuation], startingBalance: 1_000_000)
        try router.submit(approvals.order(.buy, .market, lots: 4), now: t)
        router.venue.process(now: t, books: F.books())
        router.poll(now: t)
        for event in router.events {
            ExecutionRiskFeedback.record(event, positions: &positions, gate: approvals.gate, now: approvals.clock)
        }
        #expect(positions[F.btcID].lots == 4)
        #expect(approvals.gate.positionLots[0] == 4)
        #expect(approvals.gate.equity < 1_000_000)  // taker fees paid
    }
}

@Suite struct ExecutionEventLayoutTests {
    @Test func executionEventIsAPODOfAtMost64Bytes() {
        #expect(MemoryLayout<ExecutionEvent>.size <= 64)
        #expect(MemoryLayout<ExecutionEvent>.stride == 64)
        #expect(_isPOD(ExecutionEvent.self))
    }
}
