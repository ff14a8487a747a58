import AsymSignals
import Testing

@Suite struct RiskPenaltyTests {
    let penalty = RiskPenalty()

    @Test func normalConditionsCarryNoPenalty() {
        #expect(penalty.evaluate(RiskPenalty.Inputs()) == 0)
    }

    @Test func penaltyRisesWithEachInput() {
        let calm = RiskPenalty.Inputs()
        var spread = calm; spread.spreadRatio = 2.5
        var volatility = calm; volatility.volatilityRatio = 3
        var depth = calm; depth.depthRatio = 0.4
        var stale = calm; stale.age = 3_000_000_000
        var spoof = calm; spoof.spoofScore = 0.7
        for inputs in [spread, volatility, depth, stale, spoof] {
            #expect(penalty.evaluate(inputs) > 0)
        }
        var worse = spread; worse.spreadRatio = 3
        #expect(penalty.evaluate(worse) > penalty.evaluate(spread))
        var both = spread; both.spoofScore = 0.7
        #expect(penalty.evaluate(both) > penalty.evaluate(spread))
        #expect(penalty.evaluate(both) > penalty.evaluate(spoof))
    }

    @Test func unusableOrDeadBookIsTheFullPenalty() {
        var unusable = RiskPenalty.Inputs(); unusable.usable = false
        #expect(penalty.evaluate(unusable) == 1)
        var dead = RiskPenalty.Inputs(); dead.age = 10_000_000_000
        #expect(penalty.evaluate(dead) == 1)
    }

    @Test func penaltyStaysWithinZeroAndOne() {
        var extreme = RiskPenalty.Inputs()
        extreme.spreadRatio = 1e9; extreme.volatilityRatio = .infinity; extreme.depthRatio = -5; extreme.spoofScore = 7
        let value = penalty.evaluate(extreme)
        #expect(value >= 0 && value <= 1)
    }

    @Test func engineRiskPenaltyRisesWhenTheBookGoesStale() {
        var engine = testEngine()
        let book = makeBook(bids: [(99, 10)], asks: [(101, 10)], time: 1_000_000_000)
        engine.update(book: book, exchangeTime: 1_000_000_000, receiveTime: 1_000_000_000)
        let fresh = engine.riskPenalty(book: book, now: 1_000_000_000)
        let stale = engine.riskPenalty(book: book, now: 4_000_000_000)
        #expect(stale > fresh)
    }
}
