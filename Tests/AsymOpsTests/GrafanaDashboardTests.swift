import AsymOps
import Foundation
import Testing

/// `ops/grafana-dashboard.json` must query exactly what `/metrics` exports, so a renamed metric breaks a test
/// rather than a panel.
@Suite("Grafana dashboard")
struct GrafanaDashboardTests {
    private static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ops/grafana-dashboard.json")

    private func dashboard() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.path)) as? [String: Any])
    }

    /// Every value under the key `key`, at any depth.
    private func values(forKey key: String, in node: Any) -> [Any] {
        if let object = node as? [String: Any] {
            return object.flatMap { entry in (entry.key == key ? [entry.value] : []) + values(forKey: key, in: entry.value) }
        }
        if let array = node as? [Any] { return array.flatMap { values(forKey: key, in: $0) } }
        return []
    }

    /// `asym_…` identifiers in a PromQL expression.
    private func metricNames(in expression: String) -> Set<String> {
        var names: Set<String> = []
        var scanner = expression[...]
        while let start = scanner.range(of: "asym_") {
            let rest = scanner[start.lowerBound...]
            let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            names.insert(String(name))
            scanner = rest.dropFirst(name.count)
        }
        return names
    }

    @Test("every metric a panel queries is exported, and every exported family has a panel")
    func panelsMatchExportedMetrics() throws {
        let exposition = try PrometheusExposition.parse(OpsFixtures.metrics().prometheusText())
        let expressions = values(forKey: "expr", in: try dashboard()).compactMap { $0 as? String }
        #expect(expressions.count >= 20)
        let queried = expressions.reduce(into: Set<String>()) { $0.formUnion(metricNames(in: $1)) }
        let exported = exposition.sampleNames
        #expect(queried.subtracting(exported).isEmpty, "queried but not exported: \(queried.subtracting(exported).sorted())")
        let histogramParts = ["_bucket", "_sum", "_count"]
        let unpanelled = exposition.order.filter { family in
            !queried.contains(family) && !histogramParts.contains { queried.contains(family + $0) }
        }
        #expect(unpanelled.isEmpty, "exported but on no panel: \(unpanelled)")
    }

    @Test("panels have unique ids, a grid position and the dashboard's Prometheus data source")
    func panelsAreWellFormed() throws {
        let dashboard = try dashboard()
        let panels = try #require(dashboard["panels"] as? [[String: Any]])
        let ids = panels.compactMap { $0["id"] as? Int }
        #expect(ids.count == panels.count && Set(ids).count == ids.count)
        for panel in panels {
            #expect(panel["gridPos"] is [String: Any], "\(panel["title"] ?? "?")")
            if panel["type"] as? String == "row" { continue }
            let source = try #require(panel["datasource"] as? [String: Any])
            #expect(source["type"] as? String == "prometheus" && source["uid"] as? String == "${datasource}")
        }
        // Latency panels read the histograms the way Prometheus intends: quantiles over bucket rates.
        let expressions = values(forKey: "expr", in: dashboard).compactMap { $0 as? String }
        #expect(expressions.contains { $0.contains("histogram_quantile(0.99, sum by (le) (rate(asym_tick_to_decision_seconds_bucket") })
        #expect(expressions.contains { $0.contains("rate(asym_feed_frames_total") })
    }
}
