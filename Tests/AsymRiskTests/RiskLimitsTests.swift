import AsymCore
@testable import AsymRisk
import Foundation
import Testing

@Suite struct RiskLimitsTests {
    @Test func defaultsComeFromTheFieldReportsAndValidate() throws {
        let limits = try RiskLimits().validated().limits
        #expect(limits.maxLeverage == 10)
        #expect(limits.riskPerTradeFraction == 0.01 && limits.positionMarginFraction == 0.02 && limits.totalMarginFraction == 0.20)
        #expect(limits.entryCooldownSeconds == 300 && limits.maxEntriesPerHour == 4 && limits.maxEntriesPerDay == 20)
        #expect(limits.dailyLossFraction == 0.05 && limits.drawdownFraction == 0.20)
    }

    @Test func aValueOverItsHardCapIsAStartupError() {
        var limits = RiskLimits()
        limits.riskPerTradeFraction = 0.05
        #expect(throws: RiskLimitError.exceedsHardCap(key: "risk_per_trade_fraction", value: 0.05, cap: 0.02)) {
            try limits.validated()
        }
        var cooldown = RiskLimits()
        cooldown.entryCooldownSeconds = 5  // looser than the 30 s floor
        #expect(throws: RiskLimitError.exceedsHardCap(key: "entry_cooldown_seconds", value: 5, cap: 30)) {
            try cooldown.validated()
        }
    }

    @Test func nonsenseValuesAreRejected() {
        var limits = RiskLimits()
        limits.dailyLossFraction = .nan
        #expect(throws: RiskLimitError.self) { try limits.validated() }
        limits = RiskLimits()
        limits.confidenceRanging = 1.5
        #expect(throws: RiskLimitError.self) { try limits.validated() }
    }

    @Test func integrityHashIsStableAndChangesWithAnyLimit() throws {
        let a = try RiskLimits().validated()
        let b = try RiskLimits().validated()
        #expect(a.integrityHashText == b.integrityHashText)
        #expect(a.integrityHashText.count == 16)
        var changed = RiskLimits()
        changed.maxSpoofScore = 0.49
        #expect(try changed.validated().integrityHashText != a.integrityHashText)
    }

    /// The module structure is the guarantee: `ApprovedOrder` has no public initialiser, so only
    /// `AsymRisk` can construct one, and only the gate does. This test keeps it that way.
    @Test func onlyTheRiskGateConstructsApprovedOrders() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 20)
        var constructors: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            if text.contains("ApprovedOrder(") { constructors.append(file.lastPathComponent) }
            if file.lastPathComponent == "ApprovedOrder.swift" {
                #expect(!text.contains("public init("))
            }
        }
        #expect(constructors == ["RiskGate.swift"])
    }
}

@Suite struct RiskLimitKeyTests {
    @Test func everyCanonicalKeyCanBeSet() throws {
        var limits = RiskLimits()
        for key in RiskLimits.keys where key != "advisory_mode" {
            let integerKeys: Set = ["max_leverage", "kelly_minimum_trades", "consecutive_losses_to_cooldown",
                                    "consecutive_losses_to_halt", "max_entries_per_hour", "max_entries_per_day", "order_burst",
                                    "max_concurrent_positions", "max_same_direction_correlated", "max_consecutive_rejects",
                                    "max_rejects_per_minute"]
            try limits.set(key, to: integerKeys.contains(key) ? .integer(1) : .number(1))
        }
        try limits.set("advisory_mode", to: .text("veto"))
        #expect(limits.advisoryMode == .veto)
        #expect(RiskLimits.keys.count == 38)
    }

    @Test func unknownKeyAndWrongTypeAreErrors() {
        var limits = RiskLimits()
        #expect(throws: RiskLimitError.unknownKey("max_leverag")) { try limits.set("max_leverag", to: .integer(5)) }
        #expect(throws: RiskLimitError.wrongType(key: "max_leverage", expected: "an integer")) {
            try limits.set("max_leverage", to: .number(5.5))
        }
        #expect(throws: RiskLimitError.self) { try limits.set("advisory_mode", to: .text("sometimes")) }
    }
}

@Suite struct TimestampWindowTests {
    /// The O(1) answer must equal counting every kept time, across wrap-around.
    @Test func hasAtLeastAgreesWithCountingEveryTime() {
        var random = SplitMix64(seed: 5)
        for capacity in [1, 3, 21, 51] {
            var window = TimestampWindow(capacity: capacity)
            var kept: [Int64] = []
            var time: Int64 = 0
            for _ in 0..<2_000 {
                time += Int64(random.below(100))
                window.record(time)
                kept.append(time)
                if kept.count > capacity { kept.removeFirst() }
                let since = time - Int64(random.below(400))
                for count in 0...capacity {
                    #expect(window.hasAtLeast(count, since: since) == (kept.filter { $0 >= since }.count >= count))
                }
            }
        }
    }
}
