@testable import AsymConsensus
import AsymCore
import AsymRisk
import AsymTransport
import Synchronization
import Testing

/// The cell the engine reads: expiry, withdrawal, torn-read freedom under a concurrent writer, no allocations.
@Suite struct AdvisoryBiasCellTests {
    typealias F = ConsensusFixture

    static func bias(createdAt: Int64, lifetime: Int64, confidence: Double = 0.7, direction: TradeDirection = .short)
        -> AdvisoryBias
    {
        AdvisoryBias(instrument: F.instrument, direction: direction, strength: 0.5, confidence: confidence,
                     agreeingModels: 0b011, createdAt: createdAt, expiresAt: createdAt + lifetime)
    }

    @Test func anExpiredBiasReadsAsAbsent() {
        let cell = AdvisoryBiasCell(instrument: F.instrument)
        #expect(!cell.view(at: F.start).present)
        let bias = Self.bias(createdAt: F.start, lifetime: F.minute)
        cell.publish(bias)
        let view = cell.view(at: F.start + F.minute - 1)
        #expect(view.present && view.direction == .short && view.confidence == 0.7 && view.expiresAt == bias.expiresAt)
        #expect(!cell.view(at: F.start + F.minute).present)
        #expect(cell.current == bias)  // still there, just no longer counting
    }

    @Test func withdrawingHidesTheBias() {
        let cell = AdvisoryBiasCell(instrument: F.instrument)
        cell.publish(Self.bias(createdAt: F.start, lifetime: F.hour))
        cell.withdraw(at: F.start + 1)
        #expect(cell.current == nil && !cell.view(at: F.start + 2).present)
        #expect(cell.publications == 2)
    }

    @Test func readsNeverSeeAHalfWrittenBiasWhileAnotherThreadPublishes() {
        let cell = AdvisoryBiasCell(instrument: F.instrument)
        let flags = Flags()
        let writer = NamedThread(name: "test-bias-pub") {
            var index: Int64 = 0
            flags.started.store(true, ordering: .releasing)
            while !flags.stop.load(ordering: .acquiring) {
                index += 1
                // Every field derives from `index`, so a torn read shows as a mismatch.
                cell.publish(AdvisoryBias(instrument: F.instrument, direction: index & 1 == 0 ? .long : .short,
                                          strength: Double(index), confidence: Double(index) / 1e12,
                                          agreeingModels: UInt8(truncatingIfNeeded: index), createdAt: index,
                                          expiresAt: index * 3))
            }
        }
        writer.start()
        while !flags.started.load(ordering: .acquiring) {}
        var torn = 0
        var distinct = Set<Int64>()
        for _ in 0..<200_000 {
            guard let bias = cell.current else { continue }
            let index = bias.createdAt
            distinct.insert(index)
            if bias.expiresAt != index * 3 || bias.strength != Double(index) || bias.confidence != Double(index) / 1e12
                || bias.agreeingModels != UInt8(truncatingIfNeeded: index) || (bias.direction == .long) != (index & 1 == 0) {
                torn += 1
            }
        }
        flags.stop.store(true, ordering: .releasing)
        writer.join()
        #expect(torn == 0)
        #expect(distinct.count > 1)  // the writer really was writing during the reads
    }

    @Test func theEngineSideReadAndBriefPublishAllocateNothing() {
        let cell = AdvisoryBiasCell(instrument: F.instrument)
        cell.publish(Self.bias(createdAt: F.start, lifetime: F.hour))
        let briefs = MarketBriefCell(instrument: F.instrument)
        var brief = F.allBuy()
        _ = cell.view(at: F.start)
        briefs.publish(brief)
        var sink = 0.0
        let counted = AllocationCounter.countingOnThisThread {
            for step in 0..<10_000 {
                sink += cell.view(at: F.start + Int64(step)).confidence
                brief.price += 1
                briefs.publish(brief)
            }
        }
        #expect(sink > 0)
        if AllocationCounter.isAvailable { #expect(counted.allocations == 0) }
    }

    @Test func aMarketBriefRoundTripsThroughItsCell() {
        let briefs = MarketBriefCell(instrument: F.instrument)
        #expect(briefs.latest == nil)
        var brief = F.allSell()
        brief.hasFundingRate = true
        brief.fundingRate = -0.0002
        brief.positionSide = -1
        brief.recentSignalDirection = -1
        brief.setTimeframe(3, BriefTimeframe(minutes: 240, close: 64_000, rsi: 41))
        briefs.publish(brief)
        #expect(briefs.latest == brief)
    }
}

private final class Flags: Sendable {
    let started = Atomic<Bool>(false)
    let stop = Atomic<Bool>(false)
}
