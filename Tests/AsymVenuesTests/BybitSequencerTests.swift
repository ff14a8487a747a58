import AsymVenues
import Testing

@Suite struct BybitSequencerTests {
    @Test func deltasBeforeTheFirstSnapshotAreDropped() {
        var sequencer = BybitSequencer()
        #expect(sequencer.onDelta(updateID: 5) == .drop)
        #expect(sequencer.onDelta(updateID: 6) == .drop)
        #expect(sequencer.counters.unsyncedDrops == 2)
        #expect(sequencer.state == .awaitingSnapshot)
    }

    @Test func validChainAppliesDeltasAfterTheSnapshot() {
        var sequencer = BybitSequencer()
        #expect(sequencer.onSnapshot(updateID: 100) == .resetThenApply)
        for id: Int64 in 101...110 { #expect(sequencer.onDelta(updateID: id) == .apply) }
        #expect(sequencer.lastUpdateID == 110)
        #expect(sequencer.state == .live)
        #expect(sequencer.counters.snapshots == 1)
        #expect(sequencer.counters.gaps == 0)
    }

    @Test func everySnapshotResetsTheBook() {
        var sequencer = BybitSequencer()
        _ = sequencer.onSnapshot(updateID: 100)
        _ = sequencer.onDelta(updateID: 101)
        #expect(sequencer.onSnapshot(updateID: 500) == .resetThenApply)
        #expect(sequencer.onSnapshot(updateID: 500) == .resetThenApply)  // orderbook.1 re-push, same u
        #expect(sequencer.onDelta(updateID: 501) == .apply)
        #expect(sequencer.counters.snapshots == 3)
    }

    @Test func snapshotWithUpdateIDOneIsAServiceRestartThatOverwrites() {
        var sequencer = BybitSequencer()
        _ = sequencer.onSnapshot(updateID: 9_000)
        _ = sequencer.onDelta(updateID: 9_001)
        #expect(sequencer.onSnapshot(updateID: 1) == .resetThenApply)
        #expect(sequencer.counters.restarts == 1)
        #expect(sequencer.onDelta(updateID: 2) == .apply)
        #expect(sequencer.lastUpdateID == 2)
    }

    @Test func duplicateOrStalledUpdateIDIsCountedButNotAGap() {
        var sequencer = BybitSequencer()
        _ = sequencer.onSnapshot(updateID: 10)
        #expect(sequencer.onDelta(updateID: 11) == .apply)
        #expect(sequencer.onDelta(updateID: 11) == .apply)
        #expect(sequencer.onDelta(updateID: 9) == .apply)
        #expect(sequencer.counters.nonIncreasingUpdates == 2)
        #expect(sequencer.counters.gaps == 0)
    }

    @Test func recoversAfterInvalidateViaTheNextSnapshot() {
        var sequencer = BybitSequencer()
        _ = sequencer.onSnapshot(updateID: 10)
        sequencer.invalidate()
        #expect(sequencer.onDelta(updateID: 11) == .drop)
        #expect(sequencer.onSnapshot(updateID: 20) == .resetThenApply)
        #expect(sequencer.onDelta(updateID: 21) == .apply)
        #expect(sequencer.counters.invalidations == 1)
        #expect(sequencer.counters.resyncs == 1)
    }
}
