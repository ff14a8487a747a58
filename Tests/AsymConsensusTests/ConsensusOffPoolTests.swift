import AsymConsensus
import AsymTransport
import Testing

/// A consensus whose tasks prefer a thread of their own (as the engine runs it) needs none of Swift's shared pool:
/// a round completes while every pool thread is blocked. (A `Task.sleep`'s wake-up is the runtime's business: on a
/// saturated machine it may wait for a pool thread, which delays a cadence or a back-off but blocks nothing.)
@Suite struct ConsensusOffPoolTests {
    @Test(.enabled(if: PoolBlockadeGate.isolated, "runs alone: scripts/test sets ASYM_POOL_BLOCKADE_TESTS"))
    func aRoundOnItsOwnThreadCompletesWhileEverySharedPoolThreadIsBlocked() async throws {
        let rig = try await ConsensusRig.start()
        let brief = ConsensusFixture.brief(emaSlope: 0.3, rsi: 60, imbalance: 0.4, tradeFlow: 0.3)
        let result = await PoolBlockade.run { () -> ConsensusRoundReport? in
            let executor = ThreadTaskExecutor(threadName: "round-probe")
            let report = OneShot<ConsensusRoundReport?>()
            Task(executorPreference: executor) { report.fulfil(await rig.round(brief)) }
            defer { executor.shutdown() }
            return report.wait()
        }
        await rig.stop()
        #expect(result.whileHeld, "the round completed only after the pool was released")
        let report = try #require(result.value)
        #expect(report.votes.count == 3 && report.abstentionDetails.isEmpty)
        #expect(rig.endpoint.statistics.totalRequests == 3)
    }
}
