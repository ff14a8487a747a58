import AsymCore
@testable import AsymEngine
import AsymExecution
import AsymJournal
import AsymRisk
import AsymTransport
import Foundation
import Testing
import TestSupport

/// The threaded engine: feed thread → ring → engine thread → session, journals on their own threads.
@Suite(.serialized) struct EngineRuntimeTests {
    static func recording(_ directory: TemporaryDirectory, frames: Int = 40_000) throws -> String {
        let path = directory.path("BTCUSDT.synthetic.txt")
        _ = try SyntheticRecording.write(venue: .bybit, frames: frames, seed: 11, to: path, labelsPath: nil)
        return path
    }

    static func configuration(_ path: String, killSwitch: KillSwitch = KillSwitch()) throws -> EngineConfiguration {
        var session = try TradingSessionTests.configuration(killSwitch: killSwitch)
        session.killSwitch = killSwitch
        var configuration = EngineConfiguration(
            venues: [EngineVenuePlan(venue: .bybit, source: .recording(path: path))], session: session)
        configuration.ringSlots = 64  // small: the feed thread must wait for the engine, never drop
        return configuration
    }

    /// Runs until the recording is consumed; returns the venue's summary.
    static func runToEnd(_ engine: EngineRuntime) throws -> TradingSessionSummary {
        try engine.start()
        let deadline = Date(timeIntervalSinceNow: 120)
        while !engine.sourcesExhausted && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(engine.sourcesExhausted, "the recording is consumed within the deadline")
        return try #require(engine.stop().first).summary
    }

    @Test func theThreadedEngineOverARecordingDecidesExactlyAsTheSingleThreadedReplay() throws {
        try TemporaryDirectory.with { directory in
            let path = try Self.recording(directory)
            let replay = try TradingSessionReplay.run(path: path, session: MarketDataSession(venue: .bybit),
                                                      configuration: try TradingSessionTests.configuration())
            let threaded = try Self.runToEnd(EngineRuntime(configuration: Self.configuration(path)))
            #expect(threaded.frames == 40_000, "a replay feed drops nothing, even through a 64-slot ring")
            #expect(replay.signals > 0 && replay.approved > 0)
            #expect(threaded.ignoringLatency == replay.ignoringLatency)
        }
    }

    @Test func theReusedStatusSnapshotsShowEachInstrumentOnceAndTheLatestDecisions() throws {
        try TemporaryDirectory.with { directory in
            let engine = try EngineRuntime(configuration: Self.configuration(try Self.recording(directory)))
            let summary = try Self.runToEnd(engine)
            // The engine thread rewrote its two alternating snapshots many times over; nothing piled up in them.
            let status = engine.status
            #expect(status.statusPublishes >= 2)
            let venue = try #require(status.venues.first)
            let instruments = try MarketDataSession(venue: .bybit).instruments.map(\.symbol)
            #expect(status.venues.count == 1 && venue.instruments.map(\.symbol) == instruments)
            #expect(venue.recentDecisions.count == RecentDecisions.capacity && summary.signals > 8)
            #expect(venue.summary.frames == summary.frames)
            #expect(venue.latency.count > 0 && status.latency == venue.latency, "merged once per publish, not piled up")
        }
    }

    /// What a reader of `status` gets shares no array with the snapshot it was copied from, so the engine thread
    /// rewrites that snapshot in place later without copying (allocating) first, however long the reader keeps
    /// its copy.
    @Test func aReadersStatusCopySharesNoStorageSoRewritingTheSnapshotInPlaceAllocatesNothing() {
        var snapshot = EngineStatus()
        snapshot.venues = [VenueStatus(venue: .bybit)]
        snapshot.venues[0].instruments = [InstrumentStatus(symbol: "BTCUSDT")]
        snapshot.venues[0].recentDecisions = [DecisionStatus(time: 1, symbol: "BTCUSDT", entry: true,
                                                             direction: .long, confidence: 0.7, denial: nil)]
        snapshot.venues[0].latency.record(900)
        snapshot.venues[0].frameLatency.record(300)
        snapshot.latency.record(900)
        snapshot.frameLatency.record(300)
        let held = snapshot.detached()
        let (_, rewriting) = AllocationCounter.countingOnThisThread {
            snapshot.venues[0].instruments[0].symbol = "ETHUSDT"
            snapshot.venues[0].recentDecisions[0].confidence = 0.2
            snapshot.venues[0].latency.removeAll()
            snapshot.venues[0].frameLatency.removeAll()
            snapshot.latency.removeAll()
            snapshot.frameLatency.removeAll()
        }
        #expect(rewriting == 0)
        #expect(held.venues[0].instruments.map(\.symbol) == ["BTCUSDT"] && held.venues[0].recentDecisions[0].confidence == 0.7)
        #expect(held.latency.count == 1 && held.venues[0].frameLatency.count == 1)
    }

    @Test func everyVenueJournalsIntoItsOwnDirectoryAndTheJournalsAreClosedDurable() throws {
        try TemporaryDirectory.with { directory in
            let path = try Self.recording(directory, frames: 20_000)
            var configuration = try Self.configuration(path)
            configuration.journalDirectory = directory.path("journal")
            let engine = try EngineRuntime(configuration: configuration)
            let summary = try Self.runToEnd(engine)
            #expect(engine.journalDirectories == [directory.path("journal/bybit")])
            var decisions: Int64 = 0
            var lastPosition: ReplayPositionRecord?
            let read = try JournalReader(directory: directory.path("journal/bybit")).forEach { record in
                if record.type == .riskApproved || record.type == .riskDenied { decisions += 1 }
                if record.type == .replayPosition { lastPosition = record.load(as: ReplayPositionRecord.self) }
            }
            #expect(read.records > 0 && read.crcErrors == 0)
            #expect(decisions == summary.approved + summary.deniedTotal + summary.exitsApproved + summary.exitsDenied)
            #expect(lastPosition?.line == 20_000, "the closing checkpoint journals the end of the recording")
        }
    }

    @Test func aStoppedRunResumesFromItsJournalAndEndsAsAnUninterruptedOne() throws {
        try TemporaryDirectory.with { directory in
            let path = try Self.recording(directory)
            var uninterrupted = try Self.configuration(path)
            uninterrupted.journalDirectory = directory.path("whole")
            let whole = try Self.runToEnd(EngineRuntime(configuration: uninterrupted))

            var configuration = try Self.configuration(path)
            configuration.journalDirectory = directory.path("resumed")
            configuration.statusInterval = 1_000_000
            let first = try EngineRuntime(configuration: configuration)
            try first.start()
            while (first.status.venues.first?.summary.frames ?? 0) < 15_000 { Thread.sleep(forTimeInterval: 0.001) }
            let partial = try #require(first.stop().first).summary
            #expect(partial.frames < 40_000, "stopped part-way")
            let resumed = try Self.runToEnd(EngineRuntime(configuration: configuration))
            #expect(resumed.ignoringLatency.ignoringRecovery == whole.ignoringLatency.ignoringRecovery)
            #expect(resumed.resumedFromFrame > 0)
            #expect(whole.orders > 0)

            var submitted: [String] = []
            _ = try JournalReader(directory: directory.path("resumed/bybit")).forEach { record in
                if record.type == .orderSubmitted {
                    submitted.append(record.load(as: ExecutionEvent.self).clientOrderID.description)
                }
            }
            #expect(submitted.count == Int(whole.orders) && Set(submitted).count == submitted.count,
                    "every order journalled once, no client id twice")
        }
    }

    @Test func afterTheKillSwitchIsPulledNoEntryOrderIsSent() throws {
        try TemporaryDirectory.with { directory in
            let path = try Self.recording(directory)
            let killSwitch = KillSwitch()
            var configuration = try Self.configuration(path, killSwitch: killSwitch)
            configuration.statusInterval = 1_000_000
            let engine = try EngineRuntime(configuration: configuration)
            try engine.start()
            // Pull it once the engine is trading, then take the count from a status the engine published after it
            // saw the switch.
            while engine.status.venues.first.map({ $0.summary.frames < 8_000 }) ?? true { Thread.sleep(forTimeInterval: 0.001) }
            engine.kill()
            var atKill = engine.status
            while !atKill.killSwitchEngaged { Thread.sleep(forTimeInterval: 0.001); atKill = engine.status }
            while !engine.sourcesExhausted { Thread.sleep(forTimeInterval: 0.01) }
            let final = try #require(engine.stop().first).summary
            let entriesAtKill = try #require(atKill.venues.first).summary.entryOrders
            #expect(final.frames == 40_000 && final.frames > atKill.venues[0].summary.frames)
            #expect(final.entryOrders == entriesAtKill, "no entry order after the kill switch")
            #expect(final.denials(.killSwitchEngaged) > 0)
            #expect(final.cancelAlls >= 1)
        }
    }

    @Test func pauseMakesEveryGateReducingAndResumeMakesItActive() throws {
        try TemporaryDirectory.with { directory in
            let path = try Self.recording(directory)
            var configuration = try Self.configuration(path)
            configuration.statusInterval = 1_000_000
            let engine = try EngineRuntime(configuration: configuration)
            try engine.start()
            engine.pause()
            var status = engine.status
            while status.venues.first?.tradingState != "reducing" && !engine.sourcesExhausted {
                Thread.sleep(forTimeInterval: 0.001)
                status = engine.status
            }
            #expect(status.venues.first?.tradingState == "reducing")
            engine.resume()
            while status.venues.first?.tradingState != "active" && !engine.sourcesExhausted {
                Thread.sleep(forTimeInterval: 0.001)
                status = engine.status
            }
            #expect(status.venues.first?.tradingState == "active")
            engine.stop()
        }
    }

    @Test func aJournalThatCannotBeOpenedRefusesTheStartWithTheDirectory() throws {
        try TemporaryDirectory.with { directory in
            let path = try Self.recording(directory, frames: 100)
            let blocker = directory.path("not-a-directory")
            FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
            var configuration = try Self.configuration(path)
            configuration.journalDirectory = blocker
            #expect {
                _ = try EngineRuntime(configuration: configuration)
            } throws: { error in
                guard case EngineError.journalUnavailable(let failedDirectory, _) = error else { return false }
                return failedDirectory == blocker + "/bybit"
            }
        }
    }

    @Test func aMissingRecordingFailsTheStartAndAnUnreachableFeedToo() throws {
        var configuration = try Self.configuration("/nonexistent/recording.txt")
        let engine = try EngineRuntime(configuration: configuration)
        #expect(throws: EngineError.self) { try engine.start() }
        configuration.venues = [EngineVenuePlan(venue: .bybit, source: .webSocket(baseURL: "ws://127.0.0.1:1"))]
        configuration.feedConnectTimeout = .seconds(2)
        let unreachable = try EngineRuntime(configuration: configuration)
        #expect { try unreachable.start() } throws: { error in
            if case EngineError.feedFailed(.bybit, _) = error { true } else { false }
        }
        // Its clock could not be read either: reported offline, which alone refuses nothing.
        guard case .offline? = unreachable.clockReadings.first?.outcome else {
            Issue.record("expected an offline clock reading, got \(String(describing: unreachable.clockReadings.first))")
            return
        }
    }

    /// A Bybit plan fed by an emulator whose clock is `offset` off this machine's.
    static func withSkewedVenue(_ offset: Duration, _ body: (EngineConfiguration, VenueEmulator) throws -> Void) throws {
        try TemporaryDirectory.with { directory in
            let path = try Self.recording(directory, frames: 200)
            var emulatorConfiguration = VenueEmulatorConfiguration(venue: .bybit, recordingPath: path,
                                                                   pacing: .asFastAsPossible)
            emulatorConfiguration.clockOffset = offset
            let emulator = try VenueEmulator(configuration: emulatorConfiguration)
            defer { emulator.stop() }
            var configuration = try Self.configuration(path)
            configuration.venues = [EngineVenuePlan(venue: .bybit, source: .webSocket(baseURL: "ws://127.0.0.1:\(emulator.port)"))]
            configuration.feedConnectTimeout = .seconds(5)
            try body(configuration, emulator)
        }
    }

    @Test func aVenueClockTwoSecondsBehindRefusesTheStartBeforeAnyFeedConnects() throws {
        try Self.withSkewedVenue(.seconds(-2)) { configuration, emulator in
            let engine = try EngineRuntime(configuration: configuration)
            #expect { try engine.start() } throws: { error in
                guard case let EngineError.clockSkew(venue, skew, limit) = error else { return false }
                return venue == .bybit && skew > 1_900_000_000 && skew < 2_100_000_000 && limit == 1_000_000_000
                    && "\(error)".contains("ahead of bybit's server time")
            }
            #expect(emulator.summary.serverTimesServed == 3, "the best of three round trips")
            #expect(emulator.summary.connectionsAccepted == 0, "no feed was connected")
        }
    }

    @Test func aVenueClockAheadBeyondTheLimitRefusesTooAndWithinItStarts() throws {
        try Self.withSkewedVenue(.milliseconds(1_500)) { configuration, _ in
            #expect { try EngineRuntime(configuration: configuration).start() } throws: { error in
                if case EngineError.clockSkew(.bybit, let skew, _) = error { skew < -1_400_000_000 } else { false }
            }
        }
        try Self.withSkewedVenue(.milliseconds(400)) { configuration, emulator in
            emulator.start()
            let engine = try EngineRuntime(configuration: configuration)
            try engine.start()
            engine.stop()
            let reading = try #require(engine.clockReadings.first)
            guard case .measured(let skew, _) = reading.outcome else {
                Issue.record("expected a measurement, got \(reading.outcome)")
                return
            }
            #expect(reading.venue == .bybit && skew < -300_000_000 && skew > -500_000_000)
        }
    }
}
