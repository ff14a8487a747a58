import Foundation

/// A run's closing summary for people.
public enum EngineRunResultText {
    public static func text(_ result: EngineRunResult, title: String = "asym demo summary") -> String {
        var lines = ["", title]
        for (venue, summary) in result.summaries {
            lines.append("  \(venue): frames \(summary.frames), signals \(summary.signals), approved \(summary.approved), "
                         + "denied \(summary.deniedTotal), orders \(summary.orders), fills \(summary.fills), "
                         + String(format: "equity %.2f", summary.equity))
        }
        let denials = result.denied.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        lines.append("  denials by reason: " + (denials.isEmpty ? "none" : denials))
        let latency = result.latency.percentiles
        lines.append(String(format: "  PnL %+.2f on %.0f, max drawdown %.3f%%", result.pnl, result.startingEquity,
                            result.maxDrawdown * 100))
        lines.append("  tick→decision p50 \(EngineStatusText.duration(latency.p50)), p99 \(EngineStatusText.duration(latency.p99)), "
                     + "p99.9 \(EngineStatusText.duration(latency.p999)) over \(latency == .init(p50: 0, p99: 0, p999: 0, max: 0) ? 0 : result.latency.count) decisions")
        if let allocations = result.framePathAllocations, result.framePathFrames > 0 {
            lines.append("  frame path allocations after warm-up: \(allocations) in \(result.framePathFrames) frames")
        }
        if let allocations = result.statusPublishAllocations, result.statusPublishes > 0 {
            lines.append("  status snapshots (between frames) after the first \(EngineStatus.sizingPublishes): "
                         + "\(allocations) allocations in \(result.statusPublishes) publishes")
        }
        if result.aiRounds > 0 {
            lines.append("  AI consensus: \(result.aiRounds) rounds, \(result.aiBiasesPublished) biases published")
        }
        lines.append("  journal \(result.journalDirectory)")
        if !result.database.isEmpty {
            lines.append("  store   \(result.database) (\(result.databases.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")))")
        }
        if !result.report.isEmpty { lines.append("  report  \(result.report)") }
        if !result.opsURL.isEmpty { lines.append("  ops     \(result.opsURL) (served while running)") }
        return lines.joined(separator: "\n")
    }
}
