@testable import AsymConsensus
import Testing

/// The request budget: requests per rolling minute and tokens per UTC day, enforced before anything is sent.
@Suite struct BudgetTests {
    typealias F = ConsensusFixture

    @Test func requestsBeyondThePerMinuteBudgetAbstainUntilTheMinuteHasPassed() async throws {
        let rig = try await ConsensusRig.start { $0.requestsPerMinute = 2 }
        let first = try #require(await rig.round(F.allBuy()))
        #expect(first.votes.filter { $0.abstention == .budgetExhausted }.count == 1)
        #expect(rig.endpoint.statistics.totalRequests == 2)
        #expect(rig.service.counters.snapshot.budgetDenials == 1)

        let stillSameMinute = try #require(await rig.round(F.allBuy(time: F.start + 30 * F.second)))
        #expect(stillSameMinute.votes.allSatisfy { $0.abstention == .budgetExhausted })
        #expect(rig.endpoint.statistics.totalRequests == 2)

        let nextMinute = try #require(await rig.round(F.allBuy(time: F.start + 61 * F.second)))
        #expect(nextMinute.votes.filter { $0.abstention == nil }.count == 2)
        #expect(rig.endpoint.statistics.totalRequests == 4)
        #expect(rig.service.counters.snapshot.budgetDenials == 5)
        await rig.stop()
    }

    @Test func aDailyTokenBudgetSmallerThanOneRequestRefusesEverything() async throws {
        let rig = try await ConsensusRig.start { $0.tokensPerDay = 500 }
        let report = try #require(await rig.round(F.allBuy()))
        #expect(report.votes.allSatisfy { $0.abstention == .budgetExhausted })
        #expect(report.bias == nil)
        #expect(rig.endpoint.statistics.totalRequests == 0)
        await rig.stop()
    }

    @Test func tokensSettleToReportedUsageAndResetAtTheUTCDay() {
        var budget = RequestBudget(requestsPerMinute: 0, tokensPerDay: 1_000)
        let noon = F.start
        #expect(budget.reserve(tokens: 800, now: noon) == nil)
        #expect(budget.reserve(tokens: 300, now: noon) == .tokensPerDay)
        budget.settle(reserved: 800, used: 100, reservedAt: noon)
        #expect(budget.reserve(tokens: 300, now: noon) == nil)
        #expect(budget.tokensToday == 400)
        #expect(budget.reserve(tokens: 700, now: noon) == .tokensPerDay)
        #expect(budget.reserve(tokens: 700, now: noon + 12 * F.hour) == nil)  // midnight passed
    }
}
