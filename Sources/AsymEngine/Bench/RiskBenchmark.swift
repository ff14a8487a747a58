import AsymCore
@_spi(Benchmarking) import AsymRisk
import AsymTransport

/// `asym bench risk`: `RiskGate.check` on the approved path (every check, sizing, the throttle and
/// the reservation) and on the most expensive denied path (every check and the sizing, then the size
/// falls below the venue minimum). State the approval records is cleared between timed calls.
enum RiskBenchmark {
    static let second: Int64 = 1_000_000_000

    static func instrument() -> Instrument {
        Instrument(venue: .bybit, symbol: "BTCUSDT", priceScale: FixedPointScale(decimals: 1),
                   quantityScale: FixedPointScale(decimals: 3), minimumQuantity: Quantity(lots: 1),
                   maximumQuantity: Quantity(lots: 100_000), minimumNotional: "5", contractValue: "1", maximumLeverage: 100)
    }

    static func intent(at now: Int64) -> OrderIntent {
        OrderIntent(instrument: InstrumentID(0), kind: .entry, direction: .long, orderType: .limit, price: 650_000,
                    stopPrice: 643_500, takeProfitPrice: 663_000, signalCreatedAt: now - 1_000_000, confidence: 0.9,
                    regime: .trendingUp, spoofScore: 0.1, riskPenalty: 0.1, atrFraction: 0.005,
                    bookUsable: true, bookUpdatedAt: now - 1_000_000, bestBid: 649_999, bestAsk: 650_001)
    }

    static func run(operations: Int) throws -> BenchmarkResult {
        var limits = RiskLimits()
        limits.duplicateSignalWindowSeconds = 1e-9
        let validated = try limits.validated()
        let start: Int64 = 1_767_268_800 * second
        var now = start

        // Approved path: a fresh approval every time.
        let gate = RiskGate(limits: validated, instruments: [RiskInstrument(instrument())], equity: 10_000, now: start)
        var recorder = LatencyRecorder(capacity: operations)
        var approved = 0
        let approvedMeasure = measureChecks(count: operations, recorder: &recorder) {
            now &+= 1_000
            gate.forgetEntriesForBenchmark(now: now)
            let intent = intent(at: now)
            return { if case .approved = gate.check(intent, now: now) { approved += 1 } }
        }
        precondition(approved == operations, "the approved-path benchmark must approve every time")

        // Most expensive denial: $300 of equity cannot buy one lot, found only at the end of sizing.
        let poor = RiskGate(limits: validated, instruments: [RiskInstrument(instrument())], equity: 300, now: start)
        var denied = 0
        var deniedRecorder = LatencyRecorder(capacity: operations)
        let deniedMeasure = measureChecks(count: operations, recorder: &deniedRecorder) {
            now &+= 1_000
            let intent = intent(at: now)
            return { if poor.check(intent, now: now).denial == .sizeBelowVenueMinimum { denied += 1 } }
        }
        precondition(denied == operations, "the denied-path benchmark must reach the sizing denial every time")

        var result = BenchmarkResult(
            suite: "risk", subject: "RiskGate.check, approved entry (all checks, sizing, throttle, reservation)",
            operations: operations, latency: approvedMeasure.0, operationsPerSecond: approvedMeasure.1,
            allocationsPerOperation: approvedMeasure.2, baseline: nil)
        result.variant = ("denied_path", .init(
            subject: "RiskGate.check, most expensive denial (size below venue minimum)", latency: deniedMeasure.0,
            operationsPerSecond: deniedMeasure.1, allocationsPerOperation: deniedMeasure.2))
        return result
    }

    /// Times only the returned closure's body with the CPU timestamp counter (its own cost
    /// subtracted); `prepare` runs untimed before each call, and its allocations are not counted.
    static func measureChecks(count: Int, recorder: inout LatencyRecorder,
                              prepare: () -> () -> Void) -> (LatencyPercentiles, Double, Double?) {
        let counting = AllocationCounter.isAvailable
        // The timestamp counter resolves single nanoseconds; clock_gettime here moves in ~10 ns steps.
        let clock = CycleClock()
        var overhead = LatencyRecorder(capacity: 10_001)
        for _ in 0..<10_001 {
            let start = CycleClock.cycles()
            overhead.record(Int64(CycleClock.cycles() &- start))
        }
        let timerCycles = UInt64(overhead.percentiles().p50)
        var allocations: UInt64 = 0
        var timed: Int64 = 0
        if counting { AllocationCounter.setCounting(true) }
        for _ in 0..<count {
            let body = prepare()
            let before = AllocationCounter.allocations
            let started = CycleClock.cycles()
            body()
            let cycles = CycleClock.cycles() &- started
            allocations &+= AllocationCounter.allocations &- before
            let elapsed = Int64(clock.nanoseconds(cycles > timerCycles ? cycles - timerCycles : 0).rounded())
            recorder.record(elapsed)
            timed &+= max(1, elapsed)
        }
        if counting { AllocationCounter.setCounting(false) }
        return (recorder.percentiles(), Double(count) / (Double(timed) / 1e9),
                counting ? Double(allocations) / Double(count) : nil)
    }
}
