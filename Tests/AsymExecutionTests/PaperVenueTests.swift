import AsymBook
import AsymCore
import AsymRisk
import Testing
@testable import AsymExecution

@Suite struct PaperVenueTests {
    typealias F = ExecutionFixture
    let t = F.start

    @Test func marketOrderWalksTheBookAtExactVWAPAndTakerFee() throws {
        let router = F.router()
        try router.submit(Approvals().order(.buy, .market, lots: 5), now: t)
        router.venue.process(now: t, books: F.books())
        router.poll(now: t)
        let fills = F.fills(router)
        #expect(fills.map(\.price) == [650_010, 650_020])
        #expect(fills.map(\.lots) == [2, 3])
        #expect(fills.allSatisfy { $0.liquidity == .taker })
        let vwap = fills.reduce(0.0) { $0 + Double($1.price * $1.lots) } / 5
        #expect(vwap == 650_016)  // 65,001.6
        // Notional 2 × 0.001 × 65,001.0 + 3 × 0.001 × 65,002.0 = 325.008 USDT; Bybit taker 0.055%.
        let fee = fills.reduce(0.0) { $0 + $1.fee }
        #expect(abs(fee - 325.008 * 0.000_55) < 1e-12)
        #expect(router.events.last?.state == .filled)
    }

    @Test func marketOrderBeyondTheBookFillsWhatExistsAndCancelsTheRest() throws {
        let router = F.router()
        let id = try router.submit(Approvals().order(.buy, .market, lots: 60), now: t)
        router.venue.process(now: t, books: F.books())
        router.poll(now: t)
        #expect(router.order(id)?.filledLots == 55)
        #expect(router.order(id)?.state == .cancelled)
        #expect(router.order(id)?.reason == .noLiquidity)
    }

    @Test func restingOrderJoinsBehindVisibleSizeAndAdvancesOnTradesAtItsPrice() throws {
        let router = F.router()
        let books = F.books()
        let id = try router.submit(Approvals().order(.buy, price: 649_990, lots: 3), now: t)
        router.venue.process(now: t, books: books)
        #expect(router.venue.queuePosition(of: id)?.ahead == 10)
        // Trades elsewhere, or by buyers, do not move it.
        router.venue.onTrade(instrument: F.btcID, price: Price(ticks: 649_980), lots: Quantity(lots: 1), aggressor: .buy,
                             now: t, books: books)
        router.venue.onTrade(instrument: F.btcID, price: Price(ticks: 649_990), lots: Quantity(lots: 4), aggressor: .buy,
                             now: t, books: books)
        #expect(router.venue.queuePosition(of: id)?.ahead == 10)
        router.venue.onTrade(instrument: F.btcID, price: Price(ticks: 649_990), lots: Quantity(lots: 4), aggressor: .sell,
                             now: t, books: books)
        #expect(router.venue.queuePosition(of: id)?.ahead == 6)
        router.venue.onTrade(instrument: F.btcID, price: Price(ticks: 649_990), lots: Quantity(lots: 6), aggressor: .sell,
                             now: t, books: books)
        router.poll(now: t)
        #expect(F.fills(router).isEmpty)  // exactly at the front, not yet past it
        router.venue.onTrade(instrument: F.btcID, price: Price(ticks: 649_990), lots: Quantity(lots: 2), aggressor: .sell,
                             now: t, books: books)
        router.poll(now: t)
        #expect(router.order(id)?.filledLots == 2)
        #expect(F.fills(router).first?.price == 649_990)
        #expect(abs((F.fills(router).first?.fee ?? 0) - 2 * 0.001 * 64_999.0 * 0.000_2) < 1e-12)  // maker
    }

    @Test func restingOrderAdvancesOnCancelsAtItsPrice() throws {
        let router = F.router()
        var books = F.books()
        let id = try router.submit(Approvals().order(.buy, price: 649_990, lots: 3), now: t)
        router.venue.process(now: t, books: books)
        F.setLevel(&books, .bid, 649_990, 4)  // 6 lots ahead cancelled
        router.venue.onBookUpdate(instrument: F.btcID, now: t, books: books)
        #expect(router.venue.queuePosition(of: id)?.ahead == 4)
        F.setLevel(&books, .bid, 649_980, 5)  // another level: no effect
        router.venue.onBookUpdate(instrument: F.btcID, now: t, books: books)
        #expect(router.venue.queuePosition(of: id)?.ahead == 4)
        router.venue.onTrade(instrument: F.btcID, price: Price(ticks: 649_990), lots: Quantity(lots: 7), aggressor: .sell,
                             now: t, books: books)
        router.poll(now: t)
        #expect(router.order(id)?.state == .filled)
    }

    @Test func conservativeQueueIgnoresCancelsBehindWhileProbabilisticCreditsPartOfThem() {
        // Join behind 10; 10 more join behind us; then 5 are cancelled.
        let conservative = RiskAverseQueueModel()
        let probabilistic = ProbabilisticQueueModel(PowerProbQueueFunction(n: 2))
        var a = conservative.joined(levelLots: 10)
        var b = probabilistic.joined(levelLots: 10)
        conservative.depthChanged(&a, from: 10, to: 20)
        probabilistic.depthChanged(&b, from: 10, to: 20)
        conservative.depthChanged(&a, from: 20, to: 15)
        probabilistic.depthChanged(&b, from: 20, to: 15)
        #expect(a.ahead == 10)
        // p = 10² / (10² + 10²) = 0.5 of the decrease was behind us: front = 10 − 0.5 × 5 = 7.5.
        #expect(b.ahead == 7.5)
        // A trade is not counted twice when the depth update that follows reflects it.
        probabilistic.traded(&b, lots: 3)
        probabilistic.depthChanged(&b, from: 15, to: 12)
        #expect(b.ahead == 4.5)
    }

    @Test func probabilisticQueueFillsEarlierOnTheVenue() throws {
        let venue = PaperVenue(instruments: [F.valuation], latency: ConstantLatency.zero,
                               queueModel: ProbabilisticQueueModel(PowerProbQueueFunction(n: 3)))
        let router = OrderRouter(venue: venue, ids: ClientOrderIDGenerator(epoch: 1))
        var books = F.books()
        let id = try router.submit(Approvals().order(.buy, price: 649_990, lots: 2), now: t)
        router.venue.process(now: t, books: books)
        F.setLevel(&books, .bid, 649_990, 30)
        router.venue.onBookUpdate(instrument: F.btcID, now: t, books: books)
        F.setLevel(&books, .bid, 649_990, 20)
        router.venue.onBookUpdate(instrument: F.btcID, now: t, books: books)
        let ahead = try #require(router.venue.queuePosition(of: id)?.ahead)
        #expect(ahead < 10 && ahead > 0)
    }

    @Test func tradeThroughFillsTheWholeRestingOrderAtItsPrice() throws {
        let router = F.router()
        let books = F.books()
        let id = try router.submit(Approvals().order(.buy, price: 649_990, lots: 3), now: t)
        router.venue.process(now: t, books: books)
        router.venue.onTrade(instrument: F.btcID, price: Price(ticks: 649_980), lots: Quantity(lots: 1), aggressor: .sell,
                             now: t, books: books)
        router.poll(now: t)
        #expect(router.order(id)?.state == .filled)
        #expect(F.fills(router).map(\.price) == [649_990])
    }

    @Test func bookCrossingTheRestingPriceFillsIt() throws {
        let router = F.router()
        var books = F.books()
        let id = try router.submit(Approvals().order(.sell, price: 650_030, lots: 3), now: t)
        router.venue.process(now: t, books: books)
        F.setLevel(&books, .bid, 650_030, 5)
        router.venue.onBookUpdate(instrument: F.btcID, now: t, books: books)
        router.poll(now: t)
        #expect(router.order(id)?.state == .filled)
    }

    @Test func limitOrderTakesTheCrossingPartThenRestsTheRest() throws {
        let router = F.router()
        let books = F.books()
        let id = try router.submit(Approvals().order(.buy, price: 650_020, lots: 10), now: t)
        router.venue.process(now: t, books: books)
        router.poll(now: t)
        #expect(router.order(id)?.filledLots == 5)
        #expect(router.order(id)?.state == .partiallyFilled)
        #expect(router.venue.restingOrderCount == 1)
    }

    @Test func postOnlyOrderThatWouldTakeIsRejectedAndOneThatWouldNotRests() throws {
        let approvals = Approvals()
        let router = F.router()
        let books = F.books()
        let taking = try router.submit(approvals.order(.buy, .postOnly, price: 650_010, lots: 1), now: t)
        let resting = try router.submit(approvals.order(.buy, .postOnly, price: 650_000, lots: 1), now: t)
        router.venue.process(now: t, books: books)
        router.poll(now: t)
        #expect(router.order(taking)?.state == .rejected)
        #expect(router.order(taking)?.reason == .postOnlyWouldTake)
        #expect(router.order(resting)?.state == .acked)
        #expect(F.fills(router).isEmpty)
    }

    @Test func immediateOrCancelFillsWhatIsAvailableThenCancelsTheRest() throws {
        let router = F.router()
        let id = try router.submit(Approvals().order(.buy, .immediateOrCancel, price: 650_020, lots: 8), now: t)
        router.venue.process(now: t, books: F.books())
        router.poll(now: t)
        #expect(F.kinds(router) == [.submitted, .acked, .fill, .fill, .cancelled])
        #expect(router.order(id)?.filledLots == 5)
        #expect(router.order(id)?.state == .cancelled)
        #expect(router.venue.restingOrderCount == 0)
    }

    @Test func fillOrKillIsAllOrNothing() throws {
        let approvals = Approvals()
        let router = F.router()
        let books = F.books()
        let killed = try router.submit(approvals.order(.buy, .fillOrKill, price: 650_020, lots: 6), now: t)
        router.venue.process(now: t, books: books)
        router.poll(now: t)
        #expect(router.order(killed)?.state == .cancelled)
        #expect(router.order(killed)?.filledLots == 0)
        #expect(router.order(killed)?.reason == .fillOrKillUnfillable)
        let filled = try router.submit(approvals.order(.buy, .fillOrKill, price: 650_020, lots: 5), now: t)
        router.venue.process(now: t, books: books)
        router.poll(now: t)
        #expect(router.order(filled)?.state == .filled)
        #expect(router.order(filled)?.filledLots == 5)
    }

    @Test func entryLatencyDelaysVisibilityAndResponseLatencyDelaysReports() throws {
        let latency = ConstantLatency(entryNanoseconds: 2_000_000, responseNanoseconds: 3_000_000)
        let router = F.router(F.venue(latency: latency))
        var books = F.books()
        let id = try router.submit(Approvals().order(.buy, .market, lots: 2), now: t)
        router.venue.process(now: t + 1_999_999, books: books)
        #expect(router.venue.query(clientOrderID: id, now: t + 1_999_999) == .notFound)
        // The ask changes before the order arrives: it fills at the price it finds on arrival.
        F.setLevel(&books, .ask, 650_010, 0)
        router.venue.process(now: t + 2_000_000, books: books)
        #expect(router.poll(now: t + 4_999_999) == 0)
        #expect(router.order(id)?.state == .submitted)
        #expect(router.poll(now: t + 5_000_000) == 2)  // ack + fill, made at t + 2 ms, seen at t + 5 ms
        #expect(F.fills(router).first?.price == 650_020)
        #expect(router.order(id)?.state == .filled)
    }

    @Test func normalLatencyIsReproducibleFromItsSeedAndNeverBelowItsFloor() {
        var a = NormalLatency(entryMean: 1_000_000, entryStandardDeviation: 500_000, responseMean: 2_000_000,
                              responseStandardDeviation: 1_000_000, minimum: 100_000, seed: 9)
        var b = a
        var draws: [Int64] = []
        for _ in 0..<1_000 {
            let x = a.entry(now: 0)
            #expect(x == b.entry(now: 0))
            #expect(a.response(now: 0) == b.response(now: 0))
            draws.append(x)
        }
        #expect(draws.allSatisfy { $0 >= 100_000 })
        let mean = Double(draws.reduce(0, +)) / 1_000
        #expect(abs(mean - 1_000_000) < 60_000)
    }

    @Test func reduceOnlyExitWithoutAPositionIsRejected() throws {
        let approvals = Approvals()
        approvals.gate.confirmPosition(F.btcID, lots: 10, entryPrice: 650_000, at: approvals.clock)
        let intent = OrderIntent(instrument: F.btcID, kind: .exit, direction: .long, orderType: .market, price: 650_000,
                                 requestedLots: 10, signalCreatedAt: approvals.clock, bookUpdatedAt: approvals.clock,
                                 bestBid: 649_990, bestAsk: 650_010)
        guard case .approved(let exit) = approvals.gate.check(intent, now: approvals.clock) else {
            Issue.record("exit denied")
            return
        }
        let router = F.router()  // the venue holds no position
        let id = try router.submit(exit, now: t)
        router.venue.process(now: t, books: F.books())
        router.poll(now: t)
        #expect(router.order(id)?.reason == .reduceOnlyWouldIncrease)
    }

    @Test func feeDefaultsArePerVenueAndConfigurable() {
        #expect(FeeSchedule.defaults(for: .bybit) == FeeSchedule(maker: 0.000_2, taker: 0.000_55))
        #expect(FeeSchedule.defaults(for: .binance) == FeeSchedule(maker: 0.000_2, taker: 0.000_5))
        #expect(FeeSchedule.defaults(for: .okx) == FeeSchedule(maker: 0.000_2, taker: 0.000_5))
    }

    @Test func configuredFeesReplaceTheDefaults() throws {
        var configuration = PaperVenueConfiguration()
        configuration.fees = [FeeSchedule(maker: -0.000_1, taker: 0.001)]
        let router = F.router(F.venue(configuration: configuration))
        try router.submit(Approvals().order(.buy, .market, lots: 2), now: t)
        router.venue.process(now: t, books: F.books())
        router.poll(now: t)
        #expect(abs((F.fills(router).first?.fee ?? 0) - 2 * 0.001 * 65_001.0 * 0.001) < 1e-12)
    }
}
