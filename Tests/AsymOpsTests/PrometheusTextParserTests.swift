import Testing

/// The strict parser is what judges `/metrics`, so it must itself reject each kind of malformed exposition.
@Suite("PrometheusTextParser")
struct PrometheusTextParserTests {
    private func kind(of text: String) -> PrometheusParseError.Kind? {
        do {
            _ = try PrometheusExposition.parse(text)
            return nil
        } catch {
            return error.kind
        }
    }

    @Test("accepts a well-formed exposition and reads labels, escapes and special values")
    func acceptsWellFormedExposition() throws {
        let text = """
            # HELP x_total A counter with a \\\\ backslash.
            # TYPE x_total counter
            x_total{a="1",b="q\\"uote\\\\slash\\nline"} 3
            x_total{a="2"} 0 1700000000000
            # TYPE g gauge
            g +Inf
            # TYPE h_seconds histogram
            h_seconds_bucket{le="0.5"} 1
            h_seconds_bucket{le="+Inf"} 4
            h_seconds_sum 2.5e-01
            h_seconds_count 4

            """
        let exposition = try PrometheusExposition.parse(text)
        #expect(exposition.value("x_total", ["a": "1", "b": "q\"uote\\slash\nline"]) == 3)
        #expect(exposition.families["x_total"]?.help == "A counter with a \\ backslash.")
        #expect(exposition.value("g") == .infinity)
        #expect(exposition.value("h_seconds_sum") == 0.25)
        #expect(exposition.order == ["x_total", "g", "h_seconds"])
    }

    @Test("rejects malformed expositions, each with its reason", arguments: [
        ("g 1", PrometheusParseError.Kind.missingFinalNewline),
        ("# TYPE g gauge\ng\n", .malformedLine),
        ("# TYPE g gauge\ng 1 2 3\n", .malformedLine),
        ("# TYPE 1g gauge\n", .badMetricName),
        ("# TYPE g gauge\ng{1a=\"x\"} 1\n", .badLabel),
        ("# TYPE g gauge\ng{a=\"x\",a=\"y\"} 1\n", .badLabel),
        ("# TYPE g gauge\ng{a=\"x} 1\n", .badLabel),
        ("# TYPE g gauge\ng{a=\"x\\t\"} 1\n", .badEscape),
        ("# HELP g bad \\q escape\n", .badEscape),
        ("# TYPE g gauge\ng inf\n", .badValue),
        ("# TYPE g gauge\ng 0x10\n", .badValue),
        ("# TYPE g gauge\ng 1 soon\n", .badValue),
        ("# TYPE g meter\n", .unknownType),
        ("# TYPE g gauge\n# TYPE g gauge\n", .duplicateMetadata),
        ("g 1\n", .missingType),
        ("# TYPE g gauge\ng 1\n# TYPE g gauge\n", .typeAfterSamples),
        ("# TYPE g gauge\n# TYPE f gauge\ng 1\nf 1\ng{a=\"b\"} 1\n", .interleavedFamily),
        ("# TYPE g gauge\ng{a=\"b\"} 1\ng{a=\"b\"} 2\n", .duplicateSeries),
        ("# TYPE requests counter\n", .counterName),
        ("# TYPE r_total counter\nr_total -1\n", .negativeCounter),
        ("# TYPE h histogram\nh 1\n", .histogramSampleName),
        ("# TYPE h histogram\nh_bucket{le=\"2\"} 1\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n",
         .histogramBoundsNotIncreasing),
        ("# TYPE h histogram\nh_bucket{le=\"1\"} 3\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 2\n", .histogramNotCumulative),
        ("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n", .histogramMissingInf),
        ("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 3\n", .histogramCountMismatch),
        ("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_count 2\n", .histogramMissingSum),
    ])
    func rejectsMalformedExposition(text: String, expected: PrometheusParseError.Kind) {
        #expect(kind(of: text) == expected)
    }
}
