import AsymCore
import TestSupport
import AsymVenues
import Testing

/// Property tests: seeded random event streams driven through each sequencer the way the engine glue
/// does (buffer, snapshot, drain, live). Valid streams — with the stale and duplicate deliveries the rules
/// say to drop — never yield `.gap`; a stream with one missing event yields exactly one `.gap`, at the
/// next event, and recovers after a fresh snapshot.
@Suite struct RandomStreamSequencerTests {
    static let streams = 200

    // MARK: Binance

    struct BinanceEvent: Equatable, CustomStringConvertible {
        var first: Int64
        var final: Int64
        var previous: Int64
        var description: String { "\(first)-\(final)/\(previous)" }
    }

    static func binanceEvents(_ rng: inout SplitMix64, count: Int) -> [BinanceEvent] {
        var last = rng.int64(in: 1...1_000_000_000)
        return (0..<count).map { _ in
            let first = last + 1 + rng.int64(in: 0...3)  // futures ids may skip; only pu links events
            let event = BinanceEvent(first: first, final: first + rng.int64(in: 0...5), previous: last)
            last = event.final
            return event
        }
    }

    /// The engine's side of the Binance procedure: keeps the buffered frames and drains them.
    struct BinanceCaller {
        var sequencer = BinanceSequencer()
        var buffer: [BinanceEvent] = []
        var applied: [BinanceEvent] = []
        var gapsAt: [Int] = []
        var unexpected: [SequencerAction] = []

        mutating func deliver(_ event: BinanceEvent, index: Int) {
            switch sequencer.onDepthUpdate(firstUpdateID: event.first, finalUpdateID: event.final, previousFinalUpdateID: event.previous) {
            case .buffer: buffer.append(event)
            case .apply: applied.append(event)
            case .drop: break
            case .gap:
                gapsAt.append(index)
                buffer = [event]  // gapEventStartsBuffer
            case let other: unexpected.append(other)
            }
        }

        mutating func snapshot(lastUpdateID: Int64) {
            let action = sequencer.onSnapshot(lastUpdateID: lastUpdateID)
            if action != .resetThenApply { unexpected.append(action) }
            let pending = buffer
            buffer = []
            for event in pending { deliver(event, index: -1) }
        }
    }

    @Test func binanceValidStreamsWithStaleAndDuplicateEventsNeverGap() {
        var rng = SplitMix64(seed: 0xB1A7CE)
        for _ in 0..<Self.streams {
            let events = Self.binanceEvents(&rng, count: 300 + rng.below(300))
            var caller = BinanceCaller()
            let beforeSnapshot = 3 + rng.below(30)
            let bridge = rng.below(beforeSnapshot)
            for index in 0..<events.count {
                if index == beforeSnapshot {
                    caller.snapshot(lastUpdateID: rng.int64(in: events[bridge].first...events[bridge].final))
                }
                caller.deliver(events[index], index: index)
                if rng.below(10) == 0 { caller.deliver(events[rng.below(index + 1)], index: index) }  // re-delivery
            }
            #expect(caller.gapsAt.isEmpty)
            #expect(caller.unexpected.isEmpty)
            #expect(caller.applied == Array(events[bridge...]))
            #expect(caller.sequencer.counters.gaps == 0)
        }
    }

    @Test func binanceOneMissingEventGapsOnceAtTheNextEventAndRecoversAfterASnapshot() {
        var rng = SplitMix64(seed: 0xB1A7CF)
        for _ in 0..<Self.streams {
            let events = Self.binanceEvents(&rng, count: 300 + rng.below(300))
            var caller = BinanceCaller()
            let beforeSnapshot = 3 + rng.below(30)
            let bridge = rng.below(beforeSnapshot)
            let missing = beforeSnapshot + 1 + rng.below(200)
            let resnapshot = missing + 2 + rng.below(20)
            let rebridge = missing + 1 + rng.below(resnapshot - missing - 1)
            for index in 0..<events.count {
                if index == beforeSnapshot {
                    caller.snapshot(lastUpdateID: rng.int64(in: events[bridge].first...events[bridge].final))
                }
                if index == resnapshot {
                    caller.snapshot(lastUpdateID: rng.int64(in: events[rebridge].first...events[rebridge].final))
                }
                if index != missing { caller.deliver(events[index], index: index) }
            }
            #expect(caller.gapsAt == [missing + 1])
            #expect(caller.unexpected.isEmpty)
            #expect(caller.applied == Array(events[bridge..<missing] + events[rebridge...]))
            #expect(caller.sequencer.counters.resyncs == 1)
            #expect(caller.sequencer.state == .live)
        }
    }

    // MARK: OKX

    struct OKXUpdate: Equatable, CustomStringConvertible {
        var previous: Int64
        var seq: Int64
        var description: String { "\(previous)→\(seq)" }
        var isKeepAlive: Bool { previous == seq }
    }

    static func okxUpdates(_ rng: inout SplitMix64, after snapshot: Int64, count: Int, resets: Bool) -> [OKXUpdate] {
        var last = snapshot
        return (0..<count).map { _ in
            let roll = rng.below(100)
            let seq: Int64 =
                if roll < 5 { last }  // keep-alive
                else if resets && roll < 7 && last > 2 { rng.int64(in: 1...last / 2) }  // maintenance reset
                else { last + rng.int64(in: 1...5) }
            defer { last = seq }
            return OKXUpdate(previous: last, seq: seq)
        }
    }

    /// The engine's side of the OKX procedure, for either bootstrap.
    struct OKXCaller {
        var sequencer: OKXSequencer
        var buffer: [OKXUpdate] = []
        var applied: [OKXUpdate] = []
        var gapsAt: [Int] = []
        var unexpected: [SequencerAction] = []

        mutating func deliver(_ update: OKXUpdate, index: Int) {
            switch sequencer.onUpdate(previousSeqID: update.previous, seqID: update.seq) {
            case .buffer: buffer.append(update)
            case .apply: applied.append(update)
            case .drop: break
            case .gap:
                gapsAt.append(index)
                buffer = sequencer.gapEventStartsBuffer ? [update] : []
            case let other: unexpected.append(other)
            }
        }

        mutating func restSnapshot(seqID: Int64) {
            let action = sequencer.onRESTSnapshot(seqID: seqID)
            if action != .resetThenApply { unexpected.append(action) }
            let pending = buffer
            buffer = []
            for update in pending { deliver(update, index: -1) }
        }
    }

    @Test func okxValidWebSocketStreamsWithKeepAlivesResetsAndDuplicatesNeverGap() {
        var rng = SplitMix64(seed: 0x0C5)
        for _ in 0..<Self.streams {
            let snapshot = rng.int64(in: 1...1_000_000)
            let updates = Self.okxUpdates(&rng, after: snapshot, count: 300 + rng.below(300), resets: true)
            var caller = OKXCaller(sequencer: OKXSequencer())
            caller.deliver(updates[0], index: -1)  // before the snapshot: dropped
            #expect(caller.sequencer.onSnapshot(seqID: snapshot) == .resetThenApply)
            for (index, update) in updates.enumerated() {
                caller.deliver(update, index: index)
                if !update.isKeepAlive && rng.below(10) == 0 { caller.deliver(update, index: index) }  // duplicate
            }
            #expect(caller.gapsAt.isEmpty)
            #expect(caller.unexpected.isEmpty)
            #expect(caller.applied == updates)
            #expect(caller.sequencer.counters.keepAlives == updates.filter(\.isKeepAlive).count)
            #expect(caller.sequencer.counters.sequenceResets == updates.filter { $0.seq < $0.previous }.count)
        }
    }

    @Test func okxOneMissingUpdateGapsOnceAtTheNextUpdateAndRecoversAfterResubscribing() {
        var rng = SplitMix64(seed: 0x0C6)
        for _ in 0..<Self.streams {
            let snapshot = rng.int64(in: 1...1_000_000)
            let updates = Self.okxUpdates(&rng, after: snapshot, count: 300 + rng.below(300), resets: true)
            var missing = 1 + rng.below(200)
            while updates[missing].isKeepAlive { missing += 1 }  // a missing keep-alive is undetectable (and harmless)
            let resubscribed = missing + 2 + rng.below(20)
            var caller = OKXCaller(sequencer: OKXSequencer())
            _ = caller.sequencer.onSnapshot(seqID: snapshot)
            for (index, update) in updates.enumerated() {
                if index == resubscribed {
                    #expect(caller.sequencer.onSnapshot(seqID: updates[index - 1].seq) == .resetThenApply)
                }
                if index != missing { caller.deliver(update, index: index) }
            }
            #expect(caller.gapsAt == [missing + 1])
            #expect(caller.unexpected.isEmpty)
            #expect(caller.applied == Array(updates[..<missing] + updates[resubscribed...]))
            #expect(caller.sequencer.counters.resyncs == 1)
        }
    }

    @Test func okxRESTBootstrapStreamsNeverGapAndRecoverFromOneMissingUpdate() {
        var rng = SplitMix64(seed: 0x0C7)
        for _ in 0..<Self.streams {
            // No maintenance resets here: the REST procedure's `seqId <= S` drop assumes growing ids.
            let updates = Self.okxUpdates(&rng, after: rng.int64(in: 1...1_000_000), count: 300 + rng.below(300), resets: false)
            func bridgeSnapshot(in range: Range<Int>) -> (index: Int, seq: Int64) {
                var index = range.lowerBound + rng.below(range.count)
                while updates[index].isKeepAlive { index += 1 }
                return (index, rng.int64(in: updates[index].previous...(updates[index].seq - 1)))
            }
            let beforeSnapshot = 10 + rng.below(30)
            let first = bridgeSnapshot(in: 0..<(beforeSnapshot - 5))
            var missing = beforeSnapshot + 1 + rng.below(200)
            while updates[missing].isKeepAlive { missing += 1 }
            let resnapshot = missing + 10 + rng.below(20)
            let second = bridgeSnapshot(in: (missing + 1)..<(resnapshot - 5))
            var caller = OKXCaller(sequencer: OKXSequencer(bootstrap: .restSnapshot))
            #expect(caller.sequencer.onSnapshot(seqID: 0) == .drop)  // a WebSocket snapshot still arriving
            for (index, update) in updates.enumerated() {
                if index == beforeSnapshot { caller.restSnapshot(seqID: first.seq) }
                if index == resnapshot { caller.restSnapshot(seqID: second.seq) }
                if index != missing { caller.deliver(update, index: index) }
            }
            #expect(caller.gapsAt == [missing + 1])
            #expect(caller.unexpected.isEmpty)
            #expect(caller.applied == Array(updates[first.index..<missing] + updates[second.index...]))
            #expect(caller.sequencer.counters.resyncs == 1)
        }
    }

    // MARK: Bybit

    @Test func bybitRandomSnapshotAndDeltaStreamsNeverGap() {
        var rng = SplitMix64(seed: 0xB7B17)
        for _ in 0..<Self.streams {
            var sequencer = BybitSequencer()
            var lastID = rng.int64(in: 2...1_000_000)
            var seenSnapshot = false
            var expectedApplied = 0
            var applied = 0
            var restarts = 0
            for _ in 0..<(300 + rng.below(300)) {
                if rng.below(30) == 0 {
                    lastID = rng.below(4) == 0 ? 1 : lastID + 1
                    if lastID == 1 { restarts += 1 }
                    seenSnapshot = true
                    #expect(sequencer.onSnapshot(updateID: lastID) == .resetThenApply)
                } else {
                    lastID += rng.int64(in: -1...3)  // skips, repeats and regressions: none is a documented gap
                    if seenSnapshot { expectedApplied += 1 }
                    let action = sequencer.onDelta(updateID: lastID)
                    #expect(action == (seenSnapshot ? .apply : .drop))
                    if action == .apply { applied += 1 }
                }
            }
            #expect(applied == expectedApplied)
            #expect(sequencer.counters.gaps == 0)
            #expect(sequencer.counters.restarts == restarts)
        }
    }
}
