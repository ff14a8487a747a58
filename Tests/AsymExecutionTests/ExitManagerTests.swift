import AsymCore
import AsymRisk
import Testing
@testable import AsymExecution

@Suite struct ExitManagerTests {
    typealias F = ExecutionFixture
    let id = ExecutionFixture.btcID
    let t = ExecutionFixture.start
    let entry: Int64 = 650_000

    /// Rules with only the named ones on.
    func rules(_ configure: (inout ExitRules) -> Void) -> ExitRules {
        var rules = ExitRules()
        rules.stopLossEnabled = false
        rules.takeProfitEnabled = false
        rules.trailingEnabled = false
        rules.breakEvenEnabled = false
        rules.partialsEnabled = false
        rules.timeExitEnabled = false
        rules.emergencyStopEnabled = false
        configure(&rules)
        return rules
    }

    func manager(_ rules: ExitRules, direction: TradeDirection = .long, lots: Int64 = 100, stop: Int64 = 0,
                 target: Int64 = 0) -> ExitManager {
        var manager = ExitManager(rules: rules, instrumentCount: 1)
        manager.positionOpened(id, direction: direction, lots: lots, entryPrice: Double(entry), stopPrice: stop,
                               takeProfitPrice: target, at: t)
        return manager
    }

    /// A touch with the mid at `fraction` from the entry.
    func at(_ manager: inout ExitManager, _ fraction: Double, now: Int64? = nil) -> ExitDecision? {
        let mid = Int64((Double(entry) * (1 + fraction)).rounded())
        return manager.evaluate(id, bestBid: mid - 1, bestAsk: mid + 1, now: now ?? t + 1)
    }

    @Test func stopLossProducesAFullExitIntentThatTheGatePassesAsReduceOnly() throws {
        var manager = manager(rules { $0.stopLossEnabled = true }, stop: 643_500)
        #expect(at(&manager, -0.009) == nil)
        let decision = try #require(at(&manager, -0.0101))
        #expect(decision.reason == .stopLoss)
        #expect(decision.intent.kind == .exit && decision.intent.direction == .long && decision.intent.requestedLots == 0)
        let gate = Approvals().gate
        gate.halt()  // exits pass even when HALTED
        gate.confirmPosition(id, lots: 100, entryPrice: entry, at: t)
        guard case .approved(let order) = gate.check(decision.intent, now: t + 1) else {
            Issue.record("exit denied")
            return
        }
        #expect(order.kind == .exit && order.side == .sell && order.reduceOnly && order.lots == 100)
    }

    @Test func stopLossDefaultsToTheConfiguredFractionForShorts() throws {
        var manager = manager(rules { $0.stopLossEnabled = true; $0.stopLossFraction = 0.02 }, direction: .short)
        #expect(at(&manager, 0.019) == nil)
        #expect(try #require(at(&manager, 0.0201)).reason == .stopLoss)
    }

    @Test func takeProfitExitsAtTheTarget() throws {
        var manager = manager(rules { $0.takeProfitEnabled = true }, target: 663_000)
        #expect(at(&manager, 0.019) == nil)
        #expect(try #require(at(&manager, 0.0201)).reason == .takeProfit)
    }

    @Test func trailingStopArmsAtThreePercentAndExitsAfterGivingBackFortyPercentOfThePeak() throws {
        var manager = manager(rules { $0.trailingEnabled = true })
        #expect(at(&manager, 0.029) == nil)
        #expect(!manager.trailingArmed(id))
        #expect(at(&manager, 0.025) == nil)  // not armed: no exit on a pullback
        #expect(at(&manager, 0.031) == nil)
        #expect(manager.trailingArmed(id))
        #expect(at(&manager, 0.05) == nil)  // peak 5%: exit at 3%
        #expect(at(&manager, 0.0305) == nil)
        let decision = try #require(at(&manager, 0.0299))
        #expect(decision.reason == .trailingStop && decision.intent.requestedLots == 0)
    }

    @Test func breakEvenMovesTheStopToEntryAfterTheTrigger() throws {
        var manager = manager(rules { $0.stopLossEnabled = true; $0.breakEvenEnabled = true }, stop: 643_500)
        #expect(at(&manager, 0.014) == nil)
        #expect(manager.stopPrice(id) == 643_500)
        #expect(at(&manager, 0.015) == nil)
        #expect(manager.stopPrice(id) == Double(entry))
        #expect(at(&manager, 0.0001) == nil)
        #expect(try #require(at(&manager, -0.0001)).reason == .breakEvenStop)
    }

    @Test func partialExitsTake33Then33Then34PercentAt2And4And6Percent() throws {
        var manager = manager(rules { $0.partialsEnabled = true }, lots: 100)
        #expect(at(&manager, 0.019) == nil)
        let first = try #require(at(&manager, 0.02))
        #expect(first.reason == .partialTakeProfit1 && first.intent.requestedLots == 33)
        #expect(at(&manager, 0.045) == nil)  // in flight until the position changes
        var position = PositionBook(instruments: [F.valuation], startingBalance: 10_000)
        position.applyFill(instrument: id, side: .buy, price: entry, lots: 100, fee: 0, at: t)
        position.applyFill(instrument: id, side: .sell, price: entry, lots: 33, fee: 0, at: t)
        manager.positionChanged(position[id])
        let second = try #require(at(&manager, 0.04))
        #expect(second.reason == .partialTakeProfit2 && second.intent.requestedLots == 33)
        position.applyFill(instrument: id, side: .sell, price: entry, lots: 33, fee: 0, at: t)
        manager.positionChanged(position[id])
        #expect(at(&manager, 0.059) == nil)
        let third = try #require(at(&manager, 0.06))
        #expect(third.reason == .partialTakeProfit3 && third.intent.requestedLots == 0)  // the rest: 34
        position.applyFill(instrument: id, side: .sell, price: entry, lots: 34, fee: 0, at: t)
        manager.positionChanged(position[id])
        #expect(manager.stopPrice(id) == nil)
        #expect(at(&manager, 0.07) == nil)
    }

    @Test func aDeniedPartialIsProducedAgain() throws {
        var manager = manager(rules { $0.partialsEnabled = true }, lots: 100)
        #expect(try #require(at(&manager, 0.02)).reason == .partialTakeProfit1)
        manager.exitNotTaken(id)
        #expect(try #require(at(&manager, 0.02)).reason == .partialTakeProfit1)
    }

    @Test func timeExitClosesAfterSeventyTwoHours() throws {
        var manager = manager(rules { $0.timeExitEnabled = true })
        let hour = 3_600 * F.second
        #expect(at(&manager, 0, now: t + 72 * hour - 1) == nil)
        #expect(try #require(at(&manager, 0, now: t + 72 * hour)).reason == .timeExit)
    }

    @Test func emergencyStopExitsAtTenPercentAdverseWhateverTheStop() throws {
        var manager = manager(rules { $0.emergencyStopEnabled = true; $0.stopLossEnabled = true }, stop: 500_000)
        #expect(at(&manager, -0.099) == nil)
        #expect(try #require(at(&manager, -0.10)).reason == .emergencyStop)
        var short = self.manager(rules { $0.emergencyStopEnabled = true }, direction: .short)
        #expect(try #require(at(&short, 0.10)).reason == .emergencyStop)
    }

    @Test func defaultRulesMatchTheBrief() {
        let rules = ExitRules()
        #expect(rules.trailingActivationFraction == 0.03 && rules.trailingGivebackFraction == 0.40)
        #expect(rules.partialProfitFractions == [0.02, 0.04, 0.06] && rules.partialShares == [0.33, 0.33, 0.34])
        #expect(rules.maxHoldSeconds == 72 * 3_600 && rules.emergencyStopFraction == 0.10)
    }
}
