import AsymCore
public import AsymRisk
import Foundation

/// Renders an `EngineStatus` for people: the full multi-line screen a terminal redraws, or one progress line.
public enum EngineStatusText {
    /// The full status screen. `previous` (the status one refresh earlier) turns frame counts into rates.
    public static func screen(_ status: EngineStatus, previous: EngineStatus?, title: String, bias: String?) -> String {
        var lines: [String] = [title + (status.killSwitchEngaged ? "   KILL SWITCH ENGAGED" : "")]
        lines.append(pad("venue", 9) + pad("frames", 10) + pad("fr/s", 8) + pad("gaps", 6) + pad("symbol", 15)
                     + pad("bid / ask", 26) + pad("regime", 15) + pad("spoof", 7) + pad("risk", 6) + "state")
        let elapsed = previous.map { Double(status.publishedAt - $0.publishedAt) / 1e9 } ?? 0
        for venue in status.venues {
            let before = previous?.venues.first { $0.venue == venue.venue }
            let rate = elapsed > 0 ? Double(venue.framesProcessed - (before?.framesProcessed ?? 0)) / elapsed : 0
            for (index, instrument) in venue.instruments.enumerated() {
                let head = index == 0
                    ? pad(venue.venue.description, 9) + pad("\(venue.framesProcessed)", 10) + pad(String(format: "%.0f", rate), 8)
                        + pad("\(venue.gaps)", 6)
                    : String(repeating: " ", count: 33)
                lines.append(head + pad(instrument.symbol, 15) + pad("\(instrument.bestBid) / \(instrument.bestAsk)", 26)
                             + pad(instrument.regime?.description ?? "warming", 15)
                             + pad(String(format: "%.2f", instrument.spoofScore), 7)
                             + pad(String(format: "%.2f", instrument.riskPenalty), 6) + venue.tradingState)
            }
        }
        lines.append("AI bias: " + (bias ?? "none"))
        let signals = status.total { $0.summary.signals }
        let approved = status.total { $0.summary.approved }
        let denied = status.total { $0.summary.deniedTotal }
        lines.append("signals \(signals)   approved \(approved)   denied \(denied)   orders \(status.total { $0.summary.orders })"
                     + "   fills \(status.total { $0.summary.fills })   rejects \(status.total { $0.summary.rejects })")
        for venue in status.venues {
            for instrument in venue.instruments where instrument.position != "0" {
                lines.append("  position \(venue.venue) \(instrument.symbol) \(instrument.position) @ \(instrument.averageEntry)"
                             + String(format: "   uPnL %+.2f", instrument.unrealizedPnL))
            }
        }
        let equity = status.venues.reduce(0.0) { $0 + $1.summary.equity }
        let realised = status.venues.reduce(0.0) { $0 + $1.summary.realisedPnL }
        let drawdown = status.venues.map(\.summary.maxDrawdown).max() ?? 0
        lines.append(String(format: "equity %.2f   realised PnL %+.2f   max drawdown %.3f%%", equity, realised, drawdown * 100))
        let decisions = status.venues.flatMap { venue in venue.recentDecisions.map { (venue.venue, $0) } }
            .sorted { $0.1.time < $1.1.time }.suffix(5)
        for (venue, decision) in decisions {
            lines.append("  \(clock(decision.time)) \(venue) \(decision.symbol) \(decision.entry ? "entry" : "exit") "
                         + "\(decision.direction) conf \(String(format: "%.2f", decision.confidence)) → \(decision.verdict)")
        }
        let latency = status.latency.percentiles
        lines.append("tick→decision p50 \(duration(latency.p50))   p99 \(duration(latency.p99))   p99.9 \(duration(latency.p999))"
                     + "   journal lag \(status.venues.reduce(UInt64(0)) { $0 + ($1.journalSequence &- $1.journalDurableSequence) }) records")
        return lines.joined(separator: "\n")
    }

    /// One progress line (for logs and pipes).
    public static func progressLine(_ status: EngineStatus, elapsedSeconds: Double) -> String {
        let equity = status.venues.reduce(0.0) { $0 + $1.summary.equity }
        let latency = status.latency.percentiles
        return String(format: "[%6.1fs] frames %lld  signals %lld  approved %lld  denied %lld  orders %lld  fills %lld  equity %.2f",
                      elapsedSeconds, status.total { $0.summary.frames }, status.total { $0.summary.signals },
                      status.total { $0.summary.approved }, status.total { $0.summary.deniedTotal },
                      status.total { $0.summary.orders }, status.total { $0.summary.fills }, equity)
            + "  p50 \(duration(latency.p50))  p99 \(duration(latency.p99))"
    }

    /// "long 0.72", or "none" when there is no fresh bias.
    public static func advisory(_ view: AdvisoryView?) -> String {
        guard let view else { return "none" }
        return "\(view.direction == .long ? "long" : "short") \(String(format: "%.2f", view.confidence))"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    /// "540 ns", "2.1 µs", "3.4 ms".
    public static func duration(_ nanoseconds: Int64) -> String {
        if nanoseconds < 1_000 { return "\(nanoseconds) ns" }
        if nanoseconds < 1_000_000 { return String(format: "%.1f µs", Double(nanoseconds) / 1e3) }
        return String(format: "%.1f ms", Double(nanoseconds) / 1e6)
    }

    /// HH:MM:SS.mmm (UTC) of a wall-clock time in ns.
    static func clock(_ nanoseconds: Int64) -> String {
        let milliseconds = (nanoseconds / 1_000_000) % 86_400_000
        return String(format: "%02lld:%02lld:%02lld.%03lld", milliseconds / 3_600_000, milliseconds / 60_000 % 60,
                      milliseconds / 1_000 % 60, milliseconds % 1_000)
    }
}
