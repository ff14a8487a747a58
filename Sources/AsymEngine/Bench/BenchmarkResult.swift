import AsymCore
/// One measured benchmark: what `asym bench SUITE --json` prints.
public struct BenchmarkResult: Sendable {
    /// Suite name, e.g. `ring`.
    public var suite: String
    /// What was measured, in words.
    public var subject: String
    /// Operations measured.
    public var operations: Int
    /// Per-operation latency percentiles.
    public var latency: LatencyPercentiles
    /// Sustained throughput.
    public var operationsPerSecond: Double
    /// Heap allocations per operation, or nil when the process cannot count them.
    public var allocationsPerOperation: Double?
    /// The same work done the naive way, measured in the same run.
    public var baseline: Baseline?
    /// Another path of the same code measured in the same run, with its JSON key (e.g. `denied_path`).
    public var variant: (key: String, measurement: Baseline)?

    /// A comparison measurement taken in the same process run.
    public struct Baseline: Sendable {
        /// What the baseline does.
        public var subject: String
        /// Baseline latency percentiles.
        public var latency: LatencyPercentiles
        /// Baseline throughput.
        public var operationsPerSecond: Double
        /// Baseline allocations per operation.
        public var allocationsPerOperation: Double?
    }

    /// The result as one JSON object with the documented keys (plus `subject` and `baseline`).
    public var json: String {
        var fields = [
            "\"suite\":\(JSONText.quoted(suite))",
            "\"subject\":\(JSONText.quoted(subject))",
            "\"ops\":\(operations)",
            "\"ns_p50\":\(latency.p50)",
            "\"ns_p99\":\(latency.p99)",
            "\"ns_p999\":\(latency.p999)",
            "\"ops_per_s\":\(JSONText.number(operationsPerSecond))",
            "\"allocs_per_op\":\(allocationsPerOperation.map(JSONText.number) ?? "null")",
        ]
        if let variant {
            fields.append("""
                "\(variant.key)":{"subject":\(JSONText.quoted(variant.measurement.subject)),\
                "ns_p50":\(variant.measurement.latency.p50),"ns_p99":\(variant.measurement.latency.p99),\
                "ns_p999":\(variant.measurement.latency.p999),\
                "ops_per_s":\(JSONText.number(variant.measurement.operationsPerSecond)),\
                "allocs_per_op":\(variant.measurement.allocationsPerOperation.map(JSONText.number) ?? "null")}
                """)
        }
        if let baseline {
            fields.append("""
                "baseline":{"subject":\(JSONText.quoted(baseline.subject)),"ns_p50":\(baseline.latency.p50),\
                "ns_p99":\(baseline.latency.p99),"ns_p999":\(baseline.latency.p999),\
                "ops_per_s":\(JSONText.number(baseline.operationsPerSecond)),\
                "allocs_per_op":\(baseline.allocationsPerOperation.map(JSONText.number) ?? "null")}
                """)
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// A short human-readable report.
    public var text: String {
        func line(_ name: String, _ latency: LatencyPercentiles, _ rate: Double, _ allocations: Double?) -> String {
            let allocationText = allocations.map { JSONText.number($0) } ?? "n/a"
            return "  \(name + String(repeating: " ", count: max(1, 44 - name.count))) p50 \(latency.p50) ns  p99 \(latency.p99) ns  "
                + "p99.9 \(latency.p999) ns  \(JSONText.number(rate.rounded())) ops/s  allocs/op \(allocationText)"
        }
        var lines = ["\(suite): \(operations) ops", line(subject, latency, operationsPerSecond, allocationsPerOperation)]
        if let variant {
            lines.append(line(variant.measurement.subject, variant.measurement.latency, variant.measurement.operationsPerSecond,
                              variant.measurement.allocationsPerOperation))
        }
        if let baseline {
            lines.append(line(baseline.subject + " (baseline)", baseline.latency, baseline.operationsPerSecond,
                              baseline.allocationsPerOperation))
            if let variant, baseline.operationsPerSecond > 0 {
                // The variant and the baseline measure the same thing two ways; the main line is another path.
                let ratio = variant.measurement.operationsPerSecond / baseline.operationsPerSecond
                lines.append("  \(variant.key) throughput vs baseline: \(JSONText.number((ratio * 100).rounded() / 100))x")
            } else if baseline.latency.p50 > 0 && latency.p50 > 0 {
                let speedup = Double(baseline.latency.p50) / Double(latency.p50)
                lines.append("  p50 speed-up over baseline: \(JSONText.number((speedup * 100).rounded() / 100))x")
            }
        }
        return lines.joined(separator: "\n")
    }
}
