import AsymVenues
import Testing

extension BinanceSequencer {
    mutating func on(_ first: Int64, _ final: Int64, _ previous: Int64) -> SequencerAction {
        onDepthUpdate(firstUpdateID: first, finalUpdateID: final, previousFinalUpdateID: previous)
    }
}

@Suite struct BinanceSequencerTests {
    @Test func eventsAreBufferedUntilTheSnapshotArrives() {
        var sequencer = BinanceSequencer()
        #expect(sequencer.on(100, 105, 99) == .buffer)
        #expect(sequencer.on(106, 110, 105) == .buffer)
        #expect(sequencer.counters.buffered == 2)
        #expect(sequencer.state == .awaitingSnapshot)
    }

    @Test func bufferedEventsAreDrainedAfterTheSnapshot() {
        var sequencer = BinanceSequencer()
        let events: [(Int64, Int64, Int64)] = [(100, 105, 99), (106, 110, 105), (111, 120, 110), (121, 125, 120)]
        for event in events { #expect(sequencer.on(event.0, event.1, event.2) == .buffer) }
        #expect(sequencer.onSnapshot(lastUpdateID: 112) == .resetThenApply)
        #expect(sequencer.state == .synchronizing)
        let drained = events.map { sequencer.on($0.0, $0.1, $0.2) }
        #expect(drained == [.drop, .drop, .apply, .apply])
        #expect(sequencer.state == .live)
        #expect(sequencer.lastUpdateID == 125)
        #expect(sequencer.on(126, 130, 125) == .apply)
    }

    @Test func eventsOlderThanTheSnapshotAreDropped() {
        var sequencer = BinanceSequencer()
        _ = sequencer.onSnapshot(lastUpdateID: 500)
        #expect(sequencer.on(400, 450, 399) == .drop)
        #expect(sequencer.on(451, 499, 450) == .drop)
        #expect(sequencer.counters.staleDrops == 2)
        #expect(sequencer.state == .synchronizing)
    }

    @Test func firstEventBridgingTheSnapshotIsApplied() {
        for (first, final) in [(Int64(490), Int64(510)), (500, 510), (490, 500), (500, 500)] {
            var sequencer = BinanceSequencer()
            _ = sequencer.onSnapshot(lastUpdateID: 500)
            #expect(sequencer.on(first, final, first - 1) == .apply, "U=\(first) u=\(final)")
        }
    }

    @Test func firstEventNotBridgingTheSnapshotIsAGap() {
        var sequencer = BinanceSequencer()
        _ = sequencer.onSnapshot(lastUpdateID: 500)
        #expect(sequencer.on(501, 510, 500) == .gap)
        #expect(sequencer.counters.gaps == 1)
        #expect(sequencer.state == .awaitingSnapshot)
        #expect(sequencer.on(511, 515, 510) == .buffer)
    }

    @Test func previousFinalUpdateIDMismatchMidStreamIsAGap() {
        var sequencer = BinanceSequencer()
        _ = sequencer.onSnapshot(lastUpdateID: 100)
        #expect(sequencer.on(95, 105, 94) == .apply)
        #expect(sequencer.on(106, 110, 105) == .apply)
        #expect(sequencer.on(116, 120, 115) == .gap)  // event 111...115 missing
        #expect(sequencer.counters.gaps == 1)
        #expect(sequencer.on(121, 125, 120) == .buffer)
    }

    @Test func futuresChainUsesPreviousFinalIDNotSpotContinuity() {
        var sequencer = BinanceSequencer()
        _ = sequencer.onSnapshot(lastUpdateID: 100)
        #expect(sequencer.on(90, 105, 89) == .apply)
        // U jumps past u + 1 (spot would call it a gap); pu links it, so it is valid on futures.
        #expect(sequencer.on(140, 150, 105) == .apply)
        #expect(sequencer.counters.gaps == 0)
    }

    @Test func redeliveredEventIsDroppedAsStaleNotAGap() {
        var sequencer = BinanceSequencer()
        _ = sequencer.onSnapshot(lastUpdateID: 100)
        #expect(sequencer.on(90, 105, 89) == .apply)
        #expect(sequencer.on(106, 110, 105) == .apply)
        #expect(sequencer.on(106, 110, 105) == .drop)
        #expect(sequencer.on(90, 105, 89) == .drop)
        #expect(sequencer.on(111, 112, 110) == .apply)
        #expect(sequencer.counters.staleDrops == 2)
    }

    @Test func recoversAfterAGapViaANewSnapshotAndTheGapEventStartsTheBuffer() {
        var sequencer = BinanceSequencer()
        #expect(sequencer.gapEventStartsBuffer)
        _ = sequencer.onSnapshot(lastUpdateID: 100)
        #expect(sequencer.on(95, 105, 94) == .apply)
        #expect(sequencer.on(116, 120, 115) == .gap)
        var buffer: [(Int64, Int64, Int64)] = [(116, 120, 115)]
        for event in [(Int64(121), Int64(125), Int64(120)), (126, 130, 125)] {
            #expect(sequencer.on(event.0, event.1, event.2) == .buffer)
            buffer.append(event)
        }
        #expect(sequencer.onSnapshot(lastUpdateID: 118) == .resetThenApply)
        #expect(buffer.map { sequencer.on($0.0, $0.1, $0.2) } == [.apply, .apply, .apply])
        #expect(sequencer.counters.resyncs == 1)
        #expect(sequencer.counters.snapshots == 2)
        #expect(sequencer.state == .live)
    }

    @Test func invalidateBuffersUntilTheNextSnapshot() {
        var sequencer = BinanceSequencer()
        _ = sequencer.onSnapshot(lastUpdateID: 100)
        _ = sequencer.on(95, 105, 94)
        sequencer.invalidate()
        #expect(sequencer.on(106, 110, 105) == .buffer)
        #expect(sequencer.counters.invalidations == 1)
    }
}
