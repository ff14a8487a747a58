import AsymCore
import AsymEngine
import AsymExecution
import AsymRisk
import Foundation
import Testing

private let btcID = InstrumentID(0)
private let btc = Instrument(
    venue: .bybit, symbol: "BTCUSDT", priceScale: FixedPointScale(decimals: 1), quantityScale: FixedPointScale(decimals: 3),
    minimumQuantity: Quantity(lots: 1), maximumQuantity: Quantity(lots: 1_000_000), minimumNotional: "5",
    contractValue: "1", maximumLeverage: 100)
private let apiKey = "asymTestKey01"
private let apiSecret = "asymTestSecret0123456789"

/// A loopback Bybit, a gateway started against it, and a router on the gateway; orders come from a real gate.
private final class GatewayHarness {
    let emulator: BybitTradingEmulator
    let gateway: BybitOrderGateway
    let router: OrderRouter<BybitOrderGateway>
    let gate: RiskGate
    var clock: Int64 = 1_767_225_600_000_000_000

    init(secret: String = apiSecret, start: Bool = true) throws {
        emulator = try BybitTradingEmulator(apiKey: apiKey, apiSecret: apiSecret, instruments: [btc])
        emulator.setLastPrice("BTCUSDT", ticks: 650_000)
        var configuration = BybitGatewayConfiguration(restBaseURL: emulator.restBaseURL,
                                                      privateStreamURL: emulator.privateStreamURL)
        configuration.resolutionQueryIntervalMilliseconds = 20
        gateway = try BybitOrderGateway(configuration: configuration, apiKey: Secret(apiKey), apiSecret: Secret(secret),
                                        instruments: [btcID: btc])
        if start { try gateway.start() }
        router = OrderRouter(venue: gateway, ids: ClientOrderIDGenerator(epoch: 7))
        var limits = RiskLimits()
        limits.entryCooldownSeconds = 30
        limits.duplicateSignalWindowSeconds = 1
        limits.maxEntriesPerHour = 12
        limits.maxEntriesPerDay = 50
        gate = RiskGate(limits: try limits.validated(), instruments: [RiskInstrument(btc)], equity: 1_000_000, now: clock)
    }

    deinit {
        gateway.stop()
        emulator.shutdown()
    }

    func approve(_ side: TakerSide, _ type: OrderType, price: Int64 = 650_000, lots: Int64) -> ApprovedOrder {
        clock += 301_000_000_000
        gate.confirmPosition(btcID, lots: 0, entryPrice: 0, at: clock)
        let long = side == .buy
        let intent = OrderIntent(
            instrument: btcID, kind: .entry, direction: long ? .long : .short, orderType: type, price: price,
            stopPrice: long ? price - price / 100 : price + price / 100,
            takeProfitPrice: long ? price + price / 50 : price - price / 50, requestedLots: lots,
            signalCreatedAt: clock - 1_000_000, confidence: 0.9, atrFraction: 0.005, bookUpdatedAt: clock - 1_000_000,
            bestBid: price - 1, bestAsk: price + 1)
        let verdict = gate.check(intent, now: clock)
        guard case .approved(let order) = verdict else { fatalError("denied: \(verdict)") }
        return order
    }

    func approveCancel(_ id: ClientOrderID) -> ApprovedOrder {
        clock += 1_000_000_000
        var intent = OrderIntent(instrument: btcID, kind: .cancel, direction: .long, price: 0, signalCreatedAt: clock,
                                 bookUpdatedAt: clock, bestBid: 0, bestAsk: 0)
        intent.cancelOrderID = id.rawValue
        guard case .approved(let order) = gate.check(intent, now: clock) else { fatalError("cancel denied") }
        return order
    }

    /// Polls the router until `id` reaches `state` (or 5 s pass).
    @discardableResult
    func await(_ id: ClientOrderID, _ state: OrderState) -> Bool {
        for _ in 0..<5000 {
            _ = router.poll(now: clock)
            if router.order(id)?.state == state { return true }
            usleep(1000)
        }
        return false
    }
}

@Suite("Bybit order gateway", .serialized)
struct BybitOrderGatewayTests {
    @Test func aMarketOrderIsSignedAckedAndFilledAsATakerThroughTheRouter() throws {
        let harness = try GatewayHarness()
        let id = try harness.router.submit(harness.approve(.buy, .market, lots: 5), now: harness.clock)
        #expect(harness.await(id, .filled))
        let fills = harness.router.events.filter { $0.kind == .fill }
        #expect(fills.count == 1)
        #expect(fills.first?.price == 650_000 && fills.first?.lots == 5 && fills.first?.liquidity == .taker)
        #expect(abs((fills.first?.fee ?? 0) - 65_000 * 0.005 * 0.00055) < 1e-9)
        #expect(harness.router.events.map(\.kind).contains(.acked))
        #expect(harness.emulator.authenticationFailures == 0)
        #expect(harness.gateway.statistics.creates == 1 && harness.gateway.statistics.fills == 1)
    }

    @Test func aRestingLimitOrderFillsAsAMakerWhenTradedThroughAndAnotherIsCancelled() throws {
        let harness = try GatewayHarness()
        let resting = try harness.router.submit(harness.approve(.buy, .limit, price: 649_000, lots: 3), now: harness.clock)
        #expect(harness.await(resting, .acked))
        harness.emulator.trade("BTCUSDT", atTicks: 649_000)
        #expect(harness.await(resting, .filled))
        #expect(harness.router.events.last { $0.kind == .fill }?.liquidity == .maker)

        let other = try harness.router.submit(harness.approve(.buy, .limit, price: 640_000, lots: 2), now: harness.clock)
        #expect(harness.await(other, .acked))
        try harness.router.submit(harness.approveCancel(other), now: harness.clock)
        #expect(harness.await(other, .cancelled))
        #expect(harness.emulator.openOrderCount == 0)
    }

    @Test func venueRefusalsBecomeRejectsWithTypedReasons() throws {
        let harness = try GatewayHarness()
        for (code, reason) in [(Int64(110007), OrderRejectReason.insufficientMargin), (10001, .invalidOrder),
                               (10006, .rateLimited), (170213, .venueRejected)] {
            harness.emulator.refuseNextCreate(retCode: code)
            let id = try harness.router.submit(harness.approve(.buy, .market, lots: 1), now: harness.clock)
            #expect(harness.await(id, .rejected))
            #expect(harness.router.order(id)?.reason == reason, "retCode \(code)")
        }
        // A refusal ends only its own order: the next one trades.
        let filled = try harness.router.submit(harness.approve(.sell, .market, lots: 1), now: harness.clock)
        #expect(harness.await(filled, .filled))
        #expect(harness.gateway.statistics.refusals == 4)
    }

    @Test func aLostCreateReplyIsResolvedByQueryingTheClientIDNotBySendingAgain() throws {
        let harness = try GatewayHarness()
        harness.emulator.loseNextCreateReply()
        let id = try harness.router.submit(harness.approve(.buy, .limit, price: 648_000, lots: 4), now: harness.clock)
        #expect(harness.await(id, .acked))
        let statistics = harness.gateway.statistics
        #expect(statistics.lostAnswers == 1 && statistics.creates == 1)
        #expect(harness.emulator.openOrderCount == 1)
        // The synchronous query (recovery's path) sees the same order.
        #expect(harness.router.venue.query(clientOrderID: id, now: harness.clock)
                == .found(VenueOrderSnapshot(state: .acked, filledLots: 0, averagePrice: 0, fee: 0)))
    }

    @Test func aWrongSecretFailsStartWithATypedErrorAndNothingIsSentWhileNotReady() throws {
        let harness = try GatewayHarness(secret: "notTheSecret", start: false)
        #expect(throws: BybitGatewayError.authenticationRejected("Invalid sign")) { try harness.gateway.start() }
        let id = try harness.router.submit(harness.approve(.buy, .market, lots: 1), now: harness.clock)
        #expect(harness.router.order(id)?.state == .rejected && harness.router.order(id)?.reason == .notSent)
    }

    @Test func aDroppedPrivateStreamReconnectsAndFillsMissedMeanwhileAreReported() throws {
        let harness = try GatewayHarness()
        let id = try harness.router.submit(harness.approve(.sell, .limit, price: 651_000, lots: 2), now: harness.clock)
        #expect(harness.await(id, .acked))
        harness.emulator.dropPrivateConnections()
        // Wait until the gateway has seen the drop, then fill the order while it is blind.
        for _ in 0..<2000 where harness.gateway.isReady { usleep(1000) }
        harness.emulator.trade("BTCUSDT", atTicks: 651_000)
        #expect(harness.await(id, .filled))
        #expect(harness.gateway.statistics.streamReconnects >= 1)
        #expect(harness.router.events.last { $0.kind == .fill }?.price == 651_000)
        #expect(harness.gateway.isReady)
    }
}
