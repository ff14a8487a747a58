import AsymBook
import AsymCore
import AsymRisk
import Testing
@testable import AsymExecution

typealias TestVenue = PaperVenue<ConstantLatency, RiskAverseQueueModel>

/// A BTCUSDT-like instrument (tick 0.1, lot 0.001 BTC), a real `RiskGate` to approve orders (there is no
/// other way to get an `ApprovedOrder`), a book around 65,000 and a router on a zero-latency paper venue.
enum ExecutionFixture {
    static let second: Int64 = 1_000_000_000
    static let start: Int64 = 1_767_225_600 * second + 12 * 3_600 * second
    static let btcID = InstrumentID(0)

    static let btc = Instrument(
        venue: .bybit, symbol: "BTCUSDT", priceScale: FixedPointScale(decimals: 1), quantityScale: FixedPointScale(decimals: 3),
        minimumQuantity: Quantity(lots: 1), maximumQuantity: Quantity(lots: 1_000_000), minimumNotional: "5",
        contractValue: "1", maximumLeverage: 100)

    static var valuation: InstrumentValuation { InstrumentValuation(RiskInstrument(btc)) }

    /// Bids 649,990 ×10, 649,980 ×20; asks 650,010 ×2, 650,020 ×3, 650,030 ×50 (ticks × lots).
    static func books(bids: [(Int64, Int64)] = [(649_990, 10), (649_980, 20)],
                      asks: [(Int64, Int64)] = [(650_010, 2), (650_020, 3), (650_030, 50)]) -> BookSet {
        var books = BookSet(count: 1, ladderCapacity: 1 << 12, overflowCapacity: 64)
        books[btcID].reset()
        for (price, lots) in bids { books[btcID].apply(side: .bid, price: Price(ticks: price), quantity: Quantity(lots: lots)) }
        for (price, lots) in asks { books[btcID].apply(side: .ask, price: Price(ticks: price), quantity: Quantity(lots: lots)) }
        books[btcID].endFrame(at: start)
        return books
    }

    static func setLevel(_ books: inout BookSet, _ side: BookSide, _ price: Int64, _ lots: Int64) {
        books[btcID].apply(side: side, price: Price(ticks: price), quantity: Quantity(lots: lots))
        books[btcID].endFrame(at: start)
    }

    static func venue(latency: ConstantLatency = .zero, configuration: PaperVenueConfiguration = .init()) -> TestVenue {
        TestVenue(instruments: [valuation], configuration: configuration, latency: latency, queueModel: RiskAverseQueueModel())
    }

    static func router(_ venue: TestVenue = venue(), epoch: UInt32 = 1,
                       configuration: OrderRouterConfiguration = .init()) -> OrderRouter<TestVenue> {
        OrderRouter(venue: venue, ids: ClientOrderIDGenerator(epoch: epoch), configuration: configuration)
    }

    static func kinds(_ router: OrderRouter<some ExecutionVenue>) -> [ExecutionEventKind] { router.events.map(\.kind) }
    static func fills(_ router: OrderRouter<some ExecutionVenue>) -> [ExecutionEvent] { router.events.filter { $0.kind == .fill } }
}

/// Makes approved orders with a real gate: each approval is an entry 301 s after the previous one, so
/// cooldowns, duplicate windows and hourly limits never interfere; lots are requested exactly.
final class Approvals {
    let gate: RiskGate
    var clock = ExecutionFixture.start

    init(equity: Double = 1_000_000) {
        var limits = RiskLimits()
        limits.entryCooldownSeconds = 30
        limits.duplicateSignalWindowSeconds = 1
        limits.maxEntriesPerHour = 12
        limits.maxEntriesPerDay = 50
        gate = RiskGate(limits: try! limits.validated(), instruments: [RiskInstrument(ExecutionFixture.btc)],
                        equity: equity, now: clock)
    }

    func order(_ side: TakerSide, _ type: OrderType = .limit, price: Int64 = 650_000, lots: Int64) -> ApprovedOrder {
        clock += 301 * ExecutionFixture.second
        gate.confirmPosition(ExecutionFixture.btcID, lots: 0, entryPrice: 0, at: clock)
        let long = side == .buy
        let intent = OrderIntent(
            instrument: ExecutionFixture.btcID, kind: .entry, direction: long ? .long : .short, orderType: type, price: price,
            stopPrice: long ? price - price / 100 : price + price / 100,
            takeProfitPrice: long ? price + price / 50 : price - price / 50, requestedLots: lots,
            signalCreatedAt: clock - 1_000_000, confidence: 0.9, atrFraction: 0.005, bookUpdatedAt: clock - 1_000_000,
            bestBid: price - 1, bestAsk: price + 1)
        guard case .approved(let order) = gate.check(intent, now: clock) else {
            fatalError("fixture intent denied: \(gate.check(intent, now: clock))")
        }
        precondition(order.lots == lots && order.side == side && order.orderType == type)
        return order
    }

    func cancel(_ id: ClientOrderID) -> ApprovedOrder {
        clock += ExecutionFixture.second
        var intent = OrderIntent(instrument: ExecutionFixture.btcID, kind: .cancel, direction: .long, price: 0,
                                 signalCreatedAt: clock, bookUpdatedAt: clock, bestBid: 0, bestAsk: 0)
        intent.cancelOrderID = id.rawValue
        guard case .approved(let order) = gate.check(intent, now: clock) else { fatalError("cancel denied") }
        return order
    }
}
