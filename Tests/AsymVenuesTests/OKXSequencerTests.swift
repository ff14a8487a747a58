import AsymVenues
import Testing

@Suite struct OKXSequencerTests {
    @Test func documentedExampleChainIsValid() {
        var sequencer = OKXSequencer()
        #expect(sequencer.onSnapshot(seqID: 10) == .resetThenApply)  // (-1 → 10)
        #expect(sequencer.onUpdate(previousSeqID: 10, seqID: 15) == .apply)
        #expect(sequencer.onUpdate(previousSeqID: 15, seqID: 15) == .apply)
        #expect(sequencer.onUpdate(previousSeqID: 15, seqID: 3) == .apply)
        #expect(sequencer.onUpdate(previousSeqID: 3, seqID: 5) == .apply)
        #expect(sequencer.counters.gaps == 0)
        #expect(sequencer.lastSeqID == 5)
    }

    @Test func updatesBeforeTheSnapshotAreDropped() {
        var sequencer = OKXSequencer()
        #expect(sequencer.onUpdate(previousSeqID: 1, seqID: 2) == .drop)
        #expect(sequencer.counters.unsyncedDrops == 1)
    }

    @Test func keepAliveWithEqualSeqIDsIsValidAndCounted() {
        var sequencer = OKXSequencer()
        _ = sequencer.onSnapshot(seqID: 40)
        #expect(sequencer.onUpdate(previousSeqID: 40, seqID: 40) == .apply)
        #expect(sequencer.onUpdate(previousSeqID: 40, seqID: 40) == .apply)
        #expect(sequencer.onUpdate(previousSeqID: 40, seqID: 41) == .apply)
        #expect(sequencer.counters.keepAlives == 2)
    }

    @Test func postMaintenanceResetWithLowerSeqIDIsValidAndContinuesFromIt() {
        var sequencer = OKXSequencer()
        _ = sequencer.onSnapshot(seqID: 1_000)
        #expect(sequencer.onUpdate(previousSeqID: 1_000, seqID: 7) == .apply)
        #expect(sequencer.onUpdate(previousSeqID: 7, seqID: 9) == .apply)
        #expect(sequencer.onUpdate(previousSeqID: 1_000, seqID: 1_005) == .gap)
        #expect(sequencer.counters.sequenceResets == 1)
    }

    @Test func firstUpdateNotChainingTheSnapshotIsAGap() {
        var sequencer = OKXSequencer()
        _ = sequencer.onSnapshot(seqID: 10)
        #expect(sequencer.onUpdate(previousSeqID: 12, seqID: 15) == .gap)
        #expect(sequencer.state == .awaitingSnapshot)
    }

    @Test func previousSeqIDMismatchMidStreamIsAGapAndLaterUpdatesAreDropped() {
        var sequencer = OKXSequencer()
        #expect(!sequencer.gapEventStartsBuffer)
        _ = sequencer.onSnapshot(seqID: 10)
        #expect(sequencer.onUpdate(previousSeqID: 10, seqID: 15) == .apply)
        #expect(sequencer.onUpdate(previousSeqID: 20, seqID: 25) == .gap)
        #expect(sequencer.onUpdate(previousSeqID: 25, seqID: 30) == .drop)
        #expect(sequencer.counters.gaps == 1)
    }

    @Test func exactRepeatOfTheLastUpdateIsDropped() {
        var sequencer = OKXSequencer()
        _ = sequencer.onSnapshot(seqID: 10)
        #expect(sequencer.onUpdate(previousSeqID: 10, seqID: 15) == .apply)
        #expect(sequencer.onUpdate(previousSeqID: 10, seqID: 15) == .drop)
        #expect(sequencer.onUpdate(previousSeqID: 15, seqID: 16) == .apply)
        #expect(sequencer.counters.staleDrops == 1)
    }

    @Test func recoversAfterAGapViaANewSnapshot() {
        var sequencer = OKXSequencer()
        _ = sequencer.onSnapshot(seqID: 10)
        #expect(sequencer.onUpdate(previousSeqID: 11, seqID: 12) == .gap)
        #expect(sequencer.onSnapshot(seqID: 50) == .resetThenApply)
        #expect(sequencer.onUpdate(previousSeqID: 50, seqID: 51) == .apply)
        #expect(sequencer.counters.resyncs == 1)
        #expect(sequencer.state == .live)
    }

    @Test func restBootstrapBuffersUpdatesAndIgnoresWebSocketSnapshots() {
        var sequencer = OKXSequencer(bootstrap: .restSnapshot)
        #expect(sequencer.gapEventStartsBuffer)
        #expect(sequencer.onSnapshot(seqID: 5) == .drop)
        #expect(sequencer.onUpdate(previousSeqID: 5, seqID: 8) == .buffer)
        #expect(sequencer.counters.ignoredSnapshots == 1)
        #expect(sequencer.counters.buffered == 1)
    }

    @Test func restBootstrapDropsBufferedUpdatesUpToTheSnapshotAndBridges() {
        var sequencer = OKXSequencer(bootstrap: .restSnapshot)
        let updates: [(Int64, Int64)] = [(5, 8), (8, 12), (12, 12), (12, 20), (20, 21)]
        for update in updates { #expect(sequencer.onUpdate(previousSeqID: update.0, seqID: update.1) == .buffer) }
        #expect(sequencer.onRESTSnapshot(seqID: 14) == .resetThenApply)
        let drained = updates.map { sequencer.onUpdate(previousSeqID: $0.0, seqID: $0.1) }
        #expect(drained == [.drop, .drop, .drop, .apply, .apply])  // (12 → 20) bridges: 12 <= 14 < 20
        #expect(sequencer.state == .live)
        #expect(sequencer.lastSeqID == 21)
    }

    @Test func restBootstrapFirstUpdateNotBridgingIsAGapThatStartsTheNextBuffer() {
        var sequencer = OKXSequencer(bootstrap: .restSnapshot)
        #expect(sequencer.onRESTSnapshot(seqID: 14) == .resetThenApply)
        #expect(sequencer.onUpdate(previousSeqID: 16, seqID: 20) == .gap)
        // The gap event is the new buffer's first: a snapshot older than its prevSeqId is retried.
        #expect(sequencer.onRESTSnapshot(seqID: 15) == .retrySnapshot)
        #expect(sequencer.onRESTSnapshot(seqID: 17) == .resetThenApply)
        #expect(sequencer.onUpdate(previousSeqID: 16, seqID: 20) == .apply)
        #expect(sequencer.counters.resyncs == 1)
    }

    @Test func restSnapshotOlderThanTheFirstBufferedUpdateIsRetried() {
        var sequencer = OKXSequencer(bootstrap: .restSnapshot)
        _ = sequencer.onUpdate(previousSeqID: 100, seqID: 110)
        #expect(sequencer.onRESTSnapshot(seqID: 90) == .retrySnapshot)
        #expect(sequencer.counters.retriedSnapshots == 1)
        #expect(sequencer.state == .awaitingSnapshot)
        #expect(sequencer.onRESTSnapshot(seqID: 105) == .resetThenApply)
        #expect(sequencer.onUpdate(previousSeqID: 100, seqID: 110) == .apply)
    }
}
