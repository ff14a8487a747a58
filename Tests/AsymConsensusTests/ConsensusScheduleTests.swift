@testable import AsymConsensus
import AsymCore
import Testing

/// The schedule: a first round as soon as a brief exists, then every cadence, plus a round on a regime change.
@Suite struct ConsensusScheduleTests {
    typealias F = ConsensusFixture

    @Test func roundsRunOnTheCadenceAndAgainWhenTheRegimeChanges() async throws {
        let rig = try await ConsensusRig.start {
            $0.cadence = 30 * F.minute
            $0.minimumRoundSpacing = 5 * F.minute
        }
        #expect(await rig.service.tick() == nil)  // no brief yet
        var brief = F.allBuy()
        brief.regime = .trendingUp
        rig.briefs.publish(brief)
        #expect(await rig.service.tick()?.trigger == .scheduled)
        rig.clock.advance(by: 10 * F.minute)
        #expect(await rig.service.tick() == nil)  // not due, same regime

        brief.regime = .volatile
        rig.briefs.publish(brief)
        rig.clock.advance(by: F.minute)
        #expect(await rig.service.tick()?.trigger == .regimeChange(from: .trendingUp, to: .volatile))
        brief.regime = .ranging
        rig.briefs.publish(brief)
        rig.clock.advance(by: F.minute)
        #expect(await rig.service.tick() == nil)  // a regime change, but within the minimum spacing
        rig.clock.advance(by: 5 * F.minute)
        #expect(await rig.service.tick()?.trigger == .regimeChange(from: .volatile, to: .ranging))
        rig.clock.advance(by: 30 * F.minute)
        #expect(await rig.service.tick()?.trigger == .scheduled)
        let counters = rig.service.counters.snapshot
        #expect(counters.rounds == 4 && counters.regimeChangeRounds == 2)
        await rig.stop()
    }

    @Test func runPollsUntilCancelled() async throws {
        let rig = try await ConsensusRig.start { $0.cadence = 30 * F.minute }
        rig.briefs.publish(F.allBuy())
        let service = rig.service
        let task = Task { await service.run() }
        // The stepping clock advances by the poll interval at every sleep, so rounds come every 360 polls.
        while rig.service.counters.snapshot.rounds < 2 { try await Task.sleep(for: .milliseconds(2)) }
        task.cancel()
        await task.value
        #expect(rig.clock.sleeps.allSatisfy { $0 == rig.configuration.regimePollInterval })
        await rig.stop()
    }
}
