/// Builds a Prometheus text exposition (format 0.0.4): `# HELP` and `# TYPE` once per family, then its samples.
///
/// Follows https://prometheus.io/docs/instrumenting/exposition_formats/ : label values escape `\`, `"` and newline;
/// HELP text escapes `\` and newline; values are Go-style floats with `+Inf`, `-Inf` and `NaN` spelled out.
/// Metric and label names are fixed by asym's code, so a malformed one is a programming error (`assert`).
///
/// - Complexity: linear in the output; one `String` grows for the whole scrape.
public struct PrometheusTextWriter: Sendable {
    /// The kinds of metric family in format 0.0.4.
    public enum MetricType: String, Sendable {
        case counter, gauge, histogram
    }

    /// The exposition so far.
    public private(set) var text: String = ""

    public init(reservingCapacity capacity: Int = 16 * 1024) {
        text.reserveCapacity(capacity)
    }

    /// Starts a family: its `# HELP` and `# TYPE` lines. Every sample of the family must follow before the next one.
    public mutating func family(_ name: String, _ type: MetricType, help: String) {
        assert(Self.isValidMetricName(name), "bad metric name \(name)")
        text += "# HELP \(name) "
        Self.appendEscaped(help, escapingQuotes: false, to: &text)
        text += "\n# TYPE \(name) \(type.rawValue)\n"
    }

    /// One sample with an integer value.
    public mutating func sample(_ name: String, labels: KeyValuePairs<String, String> = [:], _ value: Int64) {
        appendSeries(name, labels, extra: nil)
        text += String(value)
        text += "\n"
    }

    /// One sample with a floating-point value.
    public mutating func sample(_ name: String, labels: KeyValuePairs<String, String> = [:], _ value: Double) {
        appendSeries(name, labels, extra: nil)
        text += Self.format(value)
        text += "\n"
    }

    /// The `_bucket`, `_sum` and `_count` samples of one histogram series; `name` is the family name.
    public mutating func histogram(
        _ name: String, labels: KeyValuePairs<String, String> = [:], _ histogram: OpsHistogram
    ) {
        let bucket = name + "_bucket"
        for (bound, cumulative) in zip(histogram.upperBoundsSeconds, histogram.cumulativeCounts) {
            appendSeries(bucket, labels, extra: ("le", Self.format(bound)))
            text += String(cumulative)
            text += "\n"
        }
        appendSeries(bucket, labels, extra: ("le", "+Inf"))
        text += String(histogram.count)
        text += "\n"
        sample(name + "_sum", labels: labels, histogram.sumSeconds)
        sample(name + "_count", labels: labels, histogram.count)
    }

    private mutating func appendSeries(
        _ name: String, _ labels: KeyValuePairs<String, String>, extra: (String, String)?
    ) {
        assert(Self.isValidMetricName(name), "bad metric name \(name)")
        text += name
        if labels.isEmpty && extra == nil {
            text += " "
            return
        }
        text += "{"
        var first = true
        for (label, value) in labels {
            appendLabel(label, value, first: first)
            first = false
        }
        if let (label, value) = extra { appendLabel(label, value, first: first) }
        text += "} "
    }

    private mutating func appendLabel(_ name: String, _ value: String, first: Bool) {
        assert(Self.isValidLabelName(name), "bad label name \(name)")
        if !first { text += "," }
        text += name
        text += "=\""
        Self.appendEscaped(value, escapingQuotes: true, to: &text)
        text += "\""
    }

    /// A sample value as Prometheus parses it (Go's `strconv.ParseFloat` plus the special spellings).
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        // Integral values print without ".0"; Swift's shortest round-trip form otherwise ("1e-07", "0.25").
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }

    /// Escapes `\` and newline, and `"` when `escapingQuotes` (label values; HELP text keeps its quotes).
    static func appendEscaped(_ string: String, escapingQuotes: Bool, to text: inout String) {
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\"" where escapingQuotes: text += "\\\""
            default: text.unicodeScalars.append(scalar)
            }
        }
    }

    /// `[a-zA-Z_:][a-zA-Z0-9_:]*`
    static func isValidMetricName(_ name: String) -> Bool {
        isValidName(name, allowingColon: true)
    }

    /// `[a-zA-Z_][a-zA-Z0-9_]*`, not starting with `__` (reserved for Prometheus itself).
    static func isValidLabelName(_ name: String) -> Bool {
        isValidName(name, allowingColon: false) && !name.hasPrefix("__")
    }

    private static func isValidName(_ name: String, allowingColon: Bool) -> Bool {
        guard let first = name.utf8.first else { return false }
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        func isAllowed(_ byte: UInt8) -> Bool { isLetter(byte) || byte == UInt8(ascii: "_") || (allowingColon && byte == UInt8(ascii: ":")) }
        guard isAllowed(first) else { return false }
        return name.utf8.dropFirst().allSatisfy { isAllowed($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }
    }
}
