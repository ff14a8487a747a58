import AsymRisk
import Foundation

/// The demo's one-page HTML report: equity curve, tick-to-decision latency histogram and denials by reason, as
/// inline SVG (no scripts, no external assets), plus the run's numbers.
public enum DemoReport {
    public static func html(_ result: EngineRunResult, options: DemoOptions) -> String {
        let latency = result.latency.percentiles
        var rows = ""
        for (venue, summary) in result.summaries {
            rows += "<tr><td>\(venue)</td><td>\(summary.frames)</td><td>\(summary.signals)</td><td>\(summary.approved)</td>"
                + "<td>\(summary.deniedTotal)</td><td>\(summary.orders)</td><td>\(summary.fills)</td>"
                + "<td>\(String(format: "%.2f", summary.equity))</td><td>\(String(format: "%.3f%%", summary.maxDrawdown * 100))</td></tr>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>asym demo report</title>
            <style>
            body{font:14px/1.4 system-ui,sans-serif;margin:2em auto;max-width:960px;color:#222}
            h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em}
            table{border-collapse:collapse}td,th{padding:2px 10px;border-bottom:1px solid #ddd;text-align:right}
            th:first-child,td:first-child{text-align:left}svg{background:#fafafa;border:1px solid #eee}
            .axis{font-size:11px;fill:#555}
            </style></head><body>
            <h1>asym demo</h1>
            <p>\(result.venues.map(\.description).joined(separator: ", ")) over loopback WebSockets, paper venue,
            \(Int(Double(options.duration.components.seconds))) s at \(String(format: "%g", options.speed))× recorded time.
            PnL \(String(format: "%+.2f", result.pnl)) on \(String(format: "%.0f", result.startingEquity)) starting equity;
            max drawdown \(String(format: "%.3f%%", result.maxDrawdown * 100)); tick-to-decision p50 \(latency.p50) ns,
            p99 \(latency.p99) ns, p99.9 \(latency.p999) ns.</p>
            <table><tr><th>venue</th><th>frames</th><th>signals</th><th>approved</th><th>denied</th><th>orders</th>
            <th>fills</th><th>equity</th><th>max DD</th></tr>
            \(rows)</table>
            <h2>Equity</h2>
            \(equitySVG(result.equityCurve))
            <h2>Tick-to-decision latency</h2>
            \(latencySVG(result.latency))
            <h2>Denials by reason</h2>
            \(denialsSVG(result.denied))
            </body></html>

            """
    }

    static let width = 900.0
    static let height = 260.0

    static func equitySVG(_ curve: [(seconds: Double, equity: Double)]) -> String {
        guard curve.count >= 2, let first = curve.first, let last = curve.last else {
            return "<p>No equity samples.</p>"
        }
        let low = curve.map(\.equity).min()!, high = curve.map(\.equity).max()!
        let span = max(high - low, max(abs(high) * 1e-6, 1e-9))
        let duration = max(last.seconds - first.seconds, 1e-9)
        let points = curve.map { sample in
            let x = 50 + (sample.seconds - first.seconds) / duration * (width - 60)
            let y = 20 + (1 - (sample.equity - low) / span) * (height - 50)
            return String(format: "%.1f,%.1f", x, y)
        }.joined(separator: " ")
        return """
            <svg width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="equity curve">
            <polyline fill="none" stroke="#1f6feb" stroke-width="1.5" points="\(points)"/>
            <text class="axis" x="4" y="24">\(String(format: "%.2f", high))</text>
            <text class="axis" x="4" y="\(Int(height - 30))">\(String(format: "%.2f", low))</text>
            <text class="axis" x="50" y="\(Int(height - 8))">0 s</text>
            <text class="axis" x="\(Int(width - 60))" y="\(Int(height - 8))">\(String(format: "%.0f s", duration))</text>
            </svg>
            """
    }

    /// Bars per power-of-two range of nanoseconds, on a log count scale.
    static func latencySVG(_ histogram: LatencyHistogram) -> String {
        guard histogram.count > 0 else { return "<p>No decisions measured.</p>" }
        var bins: [(label: String, count: Int64)] = []
        var bound: Int64 = 64
        var previous: Int64 = 0
        while bound <= (1 << 26) {
            let cumulative = histogram.cumulativeCounts(atOrBelow: [bound])[0]
            bins.append((EngineStatusText.duration(bound), cumulative - previous))
            previous = cumulative
            bound *= 2
        }
        bins.append(("more", histogram.count - previous))
        while let last = bins.last, last.count == 0, bins.count > 1 { bins.removeLast() }
        let maxLog = log10(Double(bins.map(\.count).max() ?? 1) + 1)
        let barWidth = (width - 60) / Double(bins.count)
        var bars = ""
        for (index, bin) in bins.enumerated() {
            let barHeight = log10(Double(bin.count) + 1) / max(maxLog, 1e-9) * (height - 70)
            let x = 50 + Double(index) * barWidth
            bars += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#2da44e\"><title>", x,
                           height - 40 - barHeight, barWidth * 0.85, barHeight)
                + "≤ \(bin.label): \(bin.count)</title></rect>"
                + String(format: "<text class=\"axis\" x=\"%.1f\" y=\"%.1f\" transform=\"rotate(40 %.1f %.1f)\">", x, height - 28, x, height - 28)
                + "\(bin.label)</text>\n"
        }
        return """
            <svg width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="latency histogram">
            \(bars)<text class="axis" x="4" y="14">decisions (log scale), by upper bound</text>
            </svg>
            """
    }

    static func denialsSVG(_ denied: [DenialReason: Int64]) -> String {
        guard !denied.isEmpty else { return "<p>No denials.</p>" }
        let sorted = denied.sorted { $0.value > $1.value }
        let top = Double(sorted[0].value)
        let rowHeight = 22.0
        var bars = ""
        for (index, entry) in sorted.enumerated() {
            let y = 10 + Double(index) * rowHeight
            let length = Double(entry.value) / top * (width - 320)
            bars += String(format: "<text class=\"axis\" x=\"4\" y=\"%.1f\">", y + 14) + "\(entry.key)</text>"
                + String(format: "<rect x=\"230\" y=\"%.1f\" width=\"%.1f\" height=\"16\" fill=\"#cf222e\"/>", y, max(length, 1))
                + String(format: "<text class=\"axis\" x=\"%.1f\" y=\"%.1f\">", 236 + max(length, 1), y + 13) + "\(entry.value)</text>\n"
        }
        let svgHeight = Int(20 + Double(sorted.count) * rowHeight)
        return "<svg width=\"\(Int(width))\" height=\"\(svgHeight)\" viewBox=\"0 0 \(Int(width)) \(svgHeight)\" role=\"img\" aria-label=\"denials by reason\">\n\(bars)</svg>"
    }
}
