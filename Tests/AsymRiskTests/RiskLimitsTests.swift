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
