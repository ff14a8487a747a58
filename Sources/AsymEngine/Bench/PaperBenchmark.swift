import AsymBook
import AsymCore
import AsymExecution
import AsymRisk
import AsymTransport

/// `asym bench paper`: order → fill on the paper venue for a marketable order — `OrderRouter.submit`
/// (client id, order record, venue send), the venue making it visible and walking the book, then
/// `OrderRouter.poll` applying the ack and the fill (trade-id dedup, state machine, events), with zero
/// latency. The risk-gate approval that makes each `ApprovedOrder` runs untimed before each call.
enum PaperBenchmark {
    static let second: Int64 = 1_000_000_000

    static func run(operations: Int) throws -> BenchmarkResult {
        let start: Int64 = 1_767_268_800 * second
        var now = start
        let instrument = RiskInstrument(RiskBenchmark.instrument())
        let gate = RiskGate(limits: try RiskBenchmark.benchmarkLimits(), instruments: [instrument], equity: 10_000, now: start)

        // Ten 100-lot levels a tick apart each side of 65,000.0; the book is the feed's and never changes.
        var books = BookSet(count: 1, ladderCapacity: 1 << 12, overflowCapacity: 64)
        let id = InstrumentID(0)
        books[id].reset()
        for level in Int64(0)..<10 {
            books[id].apply(side: .bid, price: Price(ticks: 649_999 - level), quantity: Quantity(lots: 100))
            books[id].apply(side: .ask, price: Price(ticks: 650_001 + level), quantity: Quantity(lots: 100))
        }
        books[id].endFrame(at: start)

        let venue = PaperVenue(instruments: [InstrumentValuation(instrument)], latency: ConstantLatency.zero,
                               queueModel: RiskAverseQueueModel())
        let router = OrderRouter(venue: venue, ids: ClientOrderIDGenerator(epoch: 1))

        func approve() -> ApprovedOrder {
            now = RiskBenchmark.nextApprovalTime(after: now, gate: gate)
            var intent = RiskBenchmark.intent(at: now)
            intent.orderType = .market
            intent.requestedLots = 5
            guard case .approved(let order) = gate.check(intent, now: now) else {
                preconditionFailure("the paper benchmark's entry must be approved")
            }
            return order
        }
        var filled = 0
        func orderToFill(_ order: ApprovedOrder) {
            _ = try? router.submit(order, now: now)
            router.venue.process(now: now, books: books)
            router.poll(now: now)
            if router.events.last?.kind == .fill && router.events.last?.state == .filled { filled &+= 1 }
            router.clearEvents()
        }

        // Warm-up: every table touched, every generic specialised, every lazy global initialised.
        for _ in 0..<10_000 { orderToFill(approve()) }
        filled = 0
        var recorder = LatencyRecorder(capacity: operations)
        let measured = RiskBenchmark.measureChecks(count: operations, recorder: &recorder) {
            let order = approve()
            return { orderToFill(order) }
        }
        precondition(filled == operations, "every benchmark order must fill")
        return BenchmarkResult(
            suite: "paper",
            subject: "market order → fill: router submit, paper venue match (book walk), ack + fill applied as events",
            operations: operations, latency: measured.0, operationsPerSecond: measured.1,
            allocationsPerOperation: measured.2, baseline: nil)
    }
}
