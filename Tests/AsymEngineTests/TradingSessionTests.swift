import AsymCore
import AsymEngine
import AsymExecution
import AsymJournal
import AsymRisk
import AsymSignals
import TestSupport
import Testing

/// The core loop over a synthetic recording: signals reach the gate, approvals become paper orders, denials
/// are counted by reason, and the whole run is a pure function of the recording.
@Suite struct TradingSessionTests {
    static let second: Int64 = 1_000_000_000

    /// `SignalDeterminismTests`' short candles and relaxed signal thresholds, and the default risk limits with the
    /// cooldowns and the confidence bars loosened only as far as the hard caps allow.
    static func configuration(killSwitch: KillSwitch = KillSwitch()) throws -> TradingSessionConfiguration {
        let signals = SignalDeterminismTests.configuration()

        let limits = DemoProfile.loosenedLimits()

        var configuration = TradingSessionConfiguration(riskLimits: try limits.validated())
        configuration.signals = signals
        configuration.startingEquity = 100_000
        configuration.killSwitch = killSwitch
        return configuration
    }

    static func run(_ path: String, killSwitch: KillSwitch = KillSwitch(), journal: Journal? = nil) throws
        -> TradingSessionSummary
    {
        var configuration = try configuration(killSwitch: killSwitch)
        configuration.journal = journal
        return try TradingSessionReplay.run(path: path, session: MarketDataSession(venue: .bybit),
                                            configuration: configuration)
    }

    static func withRecording(_ body: (String) throws -> Void) throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("BTCUSDT.synthetic.txt")
            _ = try SyntheticRecording.write(venue: .bybit, frames: 40_000, seed: 11, to: path, labelsPath: nil)
            try body(path)
        }
    }

    /// Runs the recording with a journal, closes it, and hands over the summary and the journal's directory.
    static func withJournalledRun(_ body: (TradingSessionSummary, String) throws -> Void) throws {
        try TemporaryDirectory.with { directory in
            let path = directory.path("BTCUSDT.synthetic.txt")
            _ = try SyntheticRecording.write(venue: .bybit, frames: 40_000, seed: 11, to: path, labelsPath: nil)
            let journalDirectory = directory.path("journal")
            let journal = try Journal(configuration: JournalConfiguration(directory: journalDirectory))
            journal.start()
            let summary = try run(path, journal: journal)
            try journal.close()
            try body(summary, journalDirectory)
        }
    }

    @Test func signalsPassTheGateAndApprovedEntriesBecomePaperOrders() throws {
        try Self.withRecording { path in
            let summary = try Self.run(path)
            let reasons = DenialReason.allCases.filter { summary.denials($0) > 0 }.map { "\($0)=\(summary.denials($0))" }
            #expect(summary.frames == 40_000 && summary.bookUpdates > 10_000 && summary.trades > 0)
            #expect(summary.signals > 0, "\(summary)")
            #expect(summary.approved > 0, "denials: \(reasons)")
            #expect(summary.deniedTotal > 0 && !reasons.isEmpty)
            #expect(summary.approved + summary.deniedTotal == summary.signals, "every signal reached the gate")
            #expect(summary.entryOrders == summary.approved, "every approved entry became an order")
            #expect(summary.orders <= summary.approved + summary.exitsApproved, "every order went through the gate")
            #expect(summary.submitErrors == 0)
            #expect(summary.fills > 0)
            #expect(summary.decisionLatencySamples == summary.signals + summary.exitIntents)
            #expect(summary.decisionLatency.p50 > 0 && summary.decisionLatency.max >= summary.decisionLatency.p50)
            #expect(summary.equity > 0 && summary.maxDrawdown >= 0 && summary.maxDrawdown < 1)
        }
    }

    @Test func sameRecordingTwiceGivesAnIdenticalSummary() throws {
        try Self.withRecording { path in
            let first = try Self.run(path)
            let second = try Self.run(path)
            #expect(first.signals > 0)
            #expect(first.ignoringLatency == second.ignoringLatency)
        }
    }

    @Test func anEngagedKillSwitchApprovesNoEntry() throws {
        try Self.withRecording { path in
            let killSwitch = KillSwitch()
            killSwitch.engage()
            let summary = try Self.run(path, killSwitch: killSwitch)
            #expect(summary.signals > 0)
            #expect(summary.approved == 0 && summary.entryOrders == 0 && summary.orders == 0)
            #expect(summary.denials(.killSwitchEngaged) == summary.signals)
        }
    }

    @Test func signalsOrdersFillsAndPositionSnapshotsAreJournalled() throws {
        try Self.withJournalledRun { summary, journalDirectory in
            var types: [JournalRecordType: Int64] = [:]
            var fillLots: Int64 = 0
            var lastSnapshot: PositionSnapshot?
            _ = try JournalReader(directory: journalDirectory).forEach { record in
                guard let type = record.type else { return }
                types[type, default: 0] += 1
                if type == .fill { fillLots += record.load(as: ExecutionEvent.self).lots }
                if type == .positionSnapshot { lastSnapshot = record.load(as: PositionSnapshot.self) }
            }
            #expect(summary.fills > 0, "the recording must produce fills for this test to mean anything")
            #expect(types[.signal, default: 0] == summary.signals)
            #expect(types[.orderSubmitted, default: 0] == summary.orders)
            #expect(types[.fill, default: 0] == summary.fills)
            #expect(fillLots > 0)
            #expect(types[.orderStateChange, default: 0] > 0, "acks and terminal states are journalled")
            #expect(types[.positionSnapshot, default: 0] >= summary.fills, "a snapshot follows every fill")
            let snapshot = try #require(lastSnapshot)
            #expect(abs(snapshot.walletBalance - (100_000 + summary.realisedPnL)) < 1e-6)
        }
    }

    @Test func theLimitsHashAndEveryDecisionAreJournalled() throws {
        try Self.withJournalledRun { summary, journalDirectory in
            var types: [JournalRecordType: Int] = [:]
            var firstHash: UInt64?
            var deniedReasons: [UInt8] = []
            _ = try JournalReader(directory: journalDirectory).forEach { record in
                guard let type = record.type else { return }
                if firstHash == nil && record.sequence == 1 && type == .configHash {
                    firstHash = record.load(as: UInt64.self)
                }
                if type == .riskDenied { deniedReasons.append(record.load(as: RiskDecisionRecord.self).reason) }
                types[type, default: 0] += 1
            }
            let limits = try Self.configuration().riskLimits
            #expect(firstHash == limits.integrityHash, "the run's journal opens with the limits' hash")
            #expect(summary.journalFailures == 0)
            #expect(Int64(types[.riskApproved, default: 0]) == summary.approved + summary.exitsApproved)
            #expect(Int64(types[.riskDenied, default: 0]) == summary.deniedTotal + summary.exitsDenied)
            #expect(!deniedReasons.isEmpty && !deniedReasons.contains(0), "every denial is journalled with its reason")
        }
    }
}
