@testable import AsymConsensus
import AsymCore
import AsymRisk
import Testing

/// The acceptance test: a consensus round against the loopback analysts changes what the risk gate does in
/// `veto` and `require` modes, through the same `AdvisoryBiasCell` read the engine thread makes.
@Suite struct RiskGateAdvisoryTests {
    typealias F = ConsensusFixture

    static let btc = Instrument(
        venue: .bybit, symbol: "BTCUSDT", priceScale: FixedPointScale(decimals: 1), quantityScale: FixedPointScale(decimals: 3),
        minimumQuantity: Quantity(lots: 1), maximumQuantity: Quantity(lots: 100_000), minimumNotional: "5",
        contractValue: "1", maximumLeverage: 100)

    static func gate(_ mode: AdvisoryMode, now: Int64) throws -> RiskGate {
        var limits = RiskLimits()
        limits.advisoryMode = mode
        limits.advisoryMinimumConfidence = 0.6
        return RiskGate(limits: try limits.validated(), instruments: [RiskInstrument(btc)], equity: 10_000, now: now)
    }

    /// A long entry at 65,000.0 that passes every other check, carrying what the engine read from the cell.
    static func entry(at now: Int64, advisory: AdvisoryView) -> OrderIntent {
        OrderIntent(instrument: F.instrument, kind: .entry, direction: .long, orderType: .limit, price: 650_000,
                    stopPrice: 643_500, takeProfitPrice: 663_000, signalCreatedAt: now - 1_000_000, confidence: 0.9,
                    regime: .trendingUp, spoofScore: 0.1, riskPenalty: 0.1, atrFraction: 0.005, bookUsable: true,
                    bookUpdatedAt: now - 1_000_000, bestBid: 649_999, bestAsk: 650_001, advisory: advisory)
    }

    @Test func aBearishConsensusVetoesALongEntryThatPassedBefore() async throws {
        let rig = try await ConsensusRig.start()
        let now = F.start + F.second
        #expect(try Self.gate(.veto, now: now).check(Self.entry(at: now, advisory: rig.bias.view(at: now)), now: now).denial == nil)
        let report = try #require(await rig.round(F.allSell()))
        #expect(report.bias?.direction == .short)
        #expect(try #require(report.bias).confidence >= 0.6)
        let verdict = try Self.gate(.veto, now: now).check(Self.entry(at: now, advisory: rig.bias.view(at: now)), now: now)
        #expect(verdict.denial == .advisoryVeto)
        // Once the bias expires the veto lifts.
        let later = report.roundTime + rig.configuration.biasLifetime
        #expect(try Self.gate(.veto, now: later).check(Self.entry(at: later, advisory: rig.bias.view(at: later)), now: later)
            .denial == nil)
        await rig.stop()
    }

    @Test func aBullishConsensusLetsALongEntryThroughInRequireMode() async throws {
        let rig = try await ConsensusRig.start()
        let now = F.start + F.second
        let before = try Self.gate(.require, now: now).check(Self.entry(at: now, advisory: rig.bias.view(at: now)), now: now)
        #expect(before.denial == .advisoryConsensusRequired)
        let report = try #require(await rig.round(F.allBuy()))
        #expect(report.bias?.direction == .long)
        let after = try Self.gate(.require, now: now).check(Self.entry(at: now, advisory: rig.bias.view(at: now)), now: now)
        #expect(after.denial == nil)
        if case .approved = after {} else { Issue.record("the entry was not approved") }
        let expired = report.roundTime + rig.configuration.biasLifetime
        #expect(try Self.gate(.require, now: expired).check(Self.entry(at: expired, advisory: rig.bias.view(at: expired)),
                                                            now: expired).denial == .advisoryConsensusRequired)
        await rig.stop()
    }
}
