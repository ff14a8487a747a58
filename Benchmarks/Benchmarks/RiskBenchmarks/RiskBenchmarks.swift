import AsymCore
import AsymRisk
import Benchmark

let btc = Instrument(
    venue: .bybit, symbol: "BTCUSDT", priceScale: FixedPointScale(decimals: 1), quantityScale: FixedPointScale(decimals: 3),
    minimumQuantity: Quantity(lots: 1), maximumQuantity: Quantity(lots: 100_000), minimumNotional: "5",
    contractValue: "1", maximumLeverage: 100)

func entry(at now: Int64) -> OrderIntent {
    OrderIntent(instrument: InstrumentID(0), kind: .entry, direction: .long, orderType: .limit, price: 650_000,
                stopPrice: 643_500, takeProfitPrice: 663_000, signalCreatedAt: now - 1_000_000, confidence: 0.9,
                regime: .trendingUp, spoofScore: 0.1, riskPenalty: 0.1, atrFraction: 0.005,
                bookUsable: true, bookUpdatedAt: now - 1_000_000, bestBid: 649_999, bestAsk: 650_001)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput], maxDuration: .seconds(2))
    var limits = RiskLimits()
    limits.maxEntriesPerDay = RiskHardCaps.maximumEntriesPerDay
    let start: Int64 = 1_767_268_800_000_000_000

    Benchmark("RiskGate.check, most expensive denial (size below venue minimum; includes confirming the position)", configuration: .init(scalingFactor: .mega)) { benchmark in
        let gate = RiskGate(limits: try limits.validated(), instruments: [RiskInstrument(btc)], equity: 300, now: start)
        var now = start
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            // Past the duplicate window and the cooldowns, with the position confirmed in sync.
            now &+= 1_801_000_000_000
            gate.confirmPosition(InstrumentID(0), lots: 0, entryPrice: 650_000, at: now)
            blackHole(gate.check(entry(at: now), now: now))
        }
    }

    Benchmark("RiskGate.check, approved entry (includes confirming the position)", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let gate = RiskGate(limits: try limits.validated(), instruments: [RiskInstrument(btc)], equity: 10_000, now: start)
        var now = start
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            // 1,801 s later every cooldown has passed and the day stays under 50 entries: the public API's own way.
            now &+= 1_801_000_000_000
            gate.confirmPosition(InstrumentID(0), lots: 0, entryPrice: 650_000, at: now)
            blackHole(gate.check(entry(at: now), now: now))
        }
    }
}
