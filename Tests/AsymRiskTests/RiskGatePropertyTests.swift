import AsymCore
@testable import AsymRisk
import Testing
import TestSupport

/// Invariants over random sequences of intents, fills, prices and equity changes.
@Suite struct RiskGatePropertyTests {
    typealias F = RiskGateFixture
    let second = F.second

    /// One random run: returns nothing, checks invariants as it goes.
    func randomRun(seed: UInt64, steps: Int = 2_000) {
        var random = SplitMix64(seed: seed)
        var limits = RiskLimits()
        limits.maxEntriesPerHour = 12
        limits.maxEntriesPerDay = 50
        limits.entryCooldownSeconds = 30
        limits.lossCooldownSeconds = 30
        limits.reversalCooldownSeconds = 30
        limits.maxSameDirectionCorrelated = 2
        limits.ordersPerSecond = 2
        limits.orderBurst = 3
        var now = F.start
        var equity = 10_000.0
        let gate = F.gate(limits: limits, equity: equity, now: now)
        var approvedTimes: [Int64] = []
        var positions: [Int64] = [0, 0]
        for _ in 0..<steps {
            now += Int64(random.below(20_000)) * 1_000_000  // 0–20 s
            switch random.below(10) {
            case 0, 1:
                // Fills arrive: confirm a position for an instrument (sometimes flat).
                let id = random.below(2)
                let lots = random.below(3) == 0 ? 0 : Int64(random.below(40)) * (random.below(2) == 0 ? 1 : -1)
                positions[id] = lots
                gate.confirmPosition(InstrumentID(UInt16(id)), lots: lots, entryPrice: id == 0 ? 650_000 : 300_000, at: now)
            case 2:
                equity *= 0.97 + 0.05 * random.unit()
                gate.updateEquity(equity, at: now)
            case 3:
                gate.recordClosedTrade(pnl: random.unit() < 0.45 ? 20 : -10, at: now)
            case 4 where random.below(20) == 0:
                gate.recordReject(at: now)
            default:
                let id = UInt16(random.below(2))
                for other in 0..<2 {
                    gate.confirmPosition(InstrumentID(UInt16(other)), lots: positions[other],
                                         entryPrice: other == 0 ? 650_000 : 300_000, at: now)
                }
                let direction: TradeDirection = random.below(2) == 0 ? .long : .short
                let price: Int64 = id == 0 ? 650_000 : 300_000
                var intent = F.entry(at: now, instrument: id, direction: direction, price: price)
                intent.confidence = 0.5 + 0.5 * random.unit()
                intent.spoofScore = random.unit() * 0.6
                let isExit = random.below(4) == 0
                if isExit { intent = F.exit(at: now, instrument: id, direction: direction) }
                let haltedBefore = gate.state == .halted
                let verdict = gate.check(intent, now: now)
                if case .approved(let order) = verdict {
                    approvedTimes.append(now)
                    if order.kind == .entry {
                        #expect(!haltedBefore && gate.state == .active, "entry approved while not active")
                        // Exposure never exceeds its caps at approval.
                        #expect(gate.marginInUse <= limits.totalMarginFraction * gate.equity + 1e-6)
                        let notional = gate.instruments[Int(id)].notional(lots: order.lots, priceTicks: price)
                        #expect(notional / Double(order.leverage) <= limits.positionMarginFraction * gate.equity * 10 + 1e-6)
                        #expect(order.leverage <= RiskHardCaps.maximumLeverage)
                    }
                }
            }
        }
        // The throttle never exceeds its budget in any one-second window (burst 3 + 2/s).
        var start = 0
        for end in approvedTimes.indices {
            while approvedTimes[end] - approvedTimes[start] >= second { start += 1 }
            #expect(end - start + 1 <= 3 + 2)
        }
    }

    @Test(arguments: 1...20)
    func randomSequencesKeepEveryInvariant(seed: Int) {
        randomRun(seed: UInt64(seed))
    }

    @Test func nothingIsApprovedWhileHaltedExceptExits() {
        var random = SplitMix64(seed: 99)
        let gate = F.gate()
        gate.confirmPosition(InstrumentID(0), lots: 50, entryPrice: 650_000, at: F.start)
        gate.halt()
        var now = F.start
        for _ in 0..<500 {
            now += Int64(random.below(100)) * second
            gate.confirmPosition(InstrumentID(0), lots: 50, entryPrice: 650_000, at: now)
            #expect(gate.check(F.entry(at: now, instrument: UInt16(random.below(2))), now: now).denial != nil)
        }
        #expect(gate.check(F.exit(at: now, lots: 10), now: now).denial == nil)
    }

    @Test func sizeNeverGrowsAsEquityFalls() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let price = Int64(300_000 + random.below(700_000))
            let atr = 0.002 + 0.03 * random.unit()
            let equities = (0..<6).map { _ in 200 + 50_000 * random.unit() }.sorted(by: >)
            var previous = Int64.max
            for equity in equities {
                var intent = F.entry(price: price)
                intent.atrFraction = atr
                let lots = F.gate(equity: equity).check(intent, now: F.start).approvedLots ?? 0
                #expect(lots <= previous)
                previous = lots
            }
        }
    }
}
