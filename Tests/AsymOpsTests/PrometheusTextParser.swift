/// A strict parser for the Prometheus text exposition format 0.0.4, used to check what `/metrics` serves.
///
/// Stricter than Prometheus itself where asym's output should be: every family needs `# TYPE` before its samples,
/// families may not interleave, series may not repeat, counters end in `_total` and are never negative, and
/// histograms must have increasing `le` bounds, cumulative counts, a `+Inf` bucket equal to `_count`, and a `_sum`.
/// Grammar: https://prometheus.io/docs/instrumenting/exposition_formats/#text-format-details
struct PrometheusExposition {
    struct Sample: Equatable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    struct Family {
        var name: String
        var type: String?
        var help: String?
        var samples: [Sample] = []
    }

    /// Families by name, and their order of appearance.
    private(set) var families: [String: Family] = [:]
    private(set) var order: [String] = []

    /// Every sample name (`_bucket`, `_sum`, `_count` included).
    var sampleNames: Set<String> { Set(families.values.flatMap { $0.samples.map(\.name) }) }

    /// The value of the series `name{labels}`, if present.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        for family in families.values {
            if let sample = family.samples.first(where: { $0.name == name && $0.labels == labels }) { return sample.value }
        }
        return nil
    }

    /// Samples of `name`, any labels.
    func samples(_ name: String) -> [Sample] {
        families.values.flatMap { $0.samples.filter { $0.name == name } }
    }
}

/// What the strict parser rejected, and on which line (1-based; 0 for whole-text checks).
struct PrometheusParseError: Error, Equatable {
    enum Kind: Equatable {
        case missingFinalNewline
        case malformedLine
        case badMetricName
        case badLabel
        case badEscape
        case badValue
        case unknownType
        case duplicateMetadata
        case missingType
        case typeAfterSamples
        case interleavedFamily
        case duplicateSeries
        case counterName
        case negativeCounter
        case histogramSampleName
        case histogramBoundsNotIncreasing
        case histogramNotCumulative
        case histogramMissingInf
        case histogramCountMismatch
        case histogramMissingSum
    }

    var kind: Kind
    var line: Int
}

extension PrometheusExposition {
    static func parse(_ text: String) throws(PrometheusParseError) -> PrometheusExposition {
        guard text.isEmpty || text.hasSuffix("\n") else { throw PrometheusParseError(kind: .missingFinalNewline, line: 0) }
        var exposition = PrometheusExposition()
        var currentFamily: String?
        var finishedFamilies: Set<String> = []
        var seenSeries: Set<String> = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()  // after the final newline
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            func fail(_ kind: PrometheusParseError.Kind) -> PrometheusParseError {
                PrometheusParseError(kind: kind, line: number)
            }
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
                guard parts.count >= 3, parts[0] == "#", parts[1] == "HELP" || parts[1] == "TYPE" else { continue }
                let name = String(parts[2])
                guard isMetricName(name) else { throw fail(.badMetricName) }
                var family = exposition.families[name] ?? Family(name: name)
                if family.samples.isEmpty == false || finishedFamilies.contains(name) {
                    throw fail(parts[1] == "TYPE" ? .typeAfterSamples : .duplicateMetadata)
                }
                if parts[1] == "HELP" {
                    guard family.help == nil else { throw fail(.duplicateMetadata) }
                    guard let help = unescape(parts.count > 3 ? parts[3] : "", allowingQuote: false) else {
                        throw fail(.badEscape)
                    }
                    family.help = help
                } else {
                    guard family.type == nil else { throw fail(.duplicateMetadata) }
                    guard parts.count == 4, ["counter", "gauge", "histogram", "summary", "untyped"].contains(parts[3]) else {
                        throw fail(.unknownType)
                    }
                    family.type = String(parts[3])
                    if family.type == "counter", !name.hasSuffix("_total") { throw fail(.counterName) }
                }
                if exposition.families[name] == nil { exposition.order.append(name) }
                exposition.families[name] = family
                continue
            }

            let sample = try parseSample(line, line: number)
            let familyName = try familyName(of: sample.name, in: exposition, line: number)
            if let currentFamily, currentFamily != familyName {
                finishedFamilies.insert(currentFamily)
            }
            guard !finishedFamilies.contains(familyName) else { throw fail(.interleavedFamily) }
            currentFamily = familyName
            let key = sample.name + "{" + sample.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                .joined(separator: "\u{1}") + "}"
            guard seenSeries.insert(key).inserted else { throw fail(.duplicateSeries) }
            if exposition.families[familyName]!.type == "counter", !(sample.value >= 0) { throw fail(.negativeCounter) }
            exposition.families[familyName]!.samples.append(sample)
        }
        for name in exposition.order where exposition.families[name]!.type == "histogram" {
            try checkHistogram(exposition.families[name]!)
        }
        return exposition
    }

    /// The family a sample belongs to: its own name, or for histograms the name without the suffix.
    private static func familyName(
        of sampleName: String, in exposition: PrometheusExposition, line: Int
    ) throws(PrometheusParseError) -> String {
        if let family = exposition.families[sampleName] {
            if family.type == "histogram" { throw PrometheusParseError(kind: .histogramSampleName, line: line) }
            if family.type != nil { return sampleName }
        }
        for suffix in ["_bucket", "_sum", "_count"] where sampleName.hasSuffix(suffix) {
            let base = String(sampleName.dropLast(suffix.count))
            if let family = exposition.families[base], family.type == "histogram" || family.type == "summary" {
                return base
            }
        }
        throw PrometheusParseError(kind: .missingType, line: line)
    }

    private static func parseSample(_ line: Substring, line number: Int) throws(PrometheusParseError) -> Sample {
        func fail(_ kind: PrometheusParseError.Kind) -> PrometheusParseError {
            PrometheusParseError(kind: kind, line: number)
        }
        var rest = line[...]
        let nameEnd = rest.firstIndex { $0 == "{" || $0 == " " } ?? rest.endIndex
        let name = String(rest[..<nameEnd])
        guard isMetricName(name) else { throw fail(.badMetricName) }
        rest = rest[nameEnd...]
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                guard let equals = rest.firstIndex(of: "=") else { throw fail(.badLabel) }
                let label = String(rest[..<equals])
                guard isLabelName(label), labels[label] == nil else { throw fail(.badLabel) }
                rest = rest[rest.index(after: equals)...]
                guard rest.first == "\"" else { throw fail(.badLabel) }
                rest = rest.dropFirst()
                // The value runs to the first quote not escaped by a backslash.
                var raw = ""
                var escaped = false
                var closed = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if escaped {
                        raw.append(character)
                        escaped = false
                    } else if character == "\\" {
                        raw.append(character)
                        escaped = true
                    } else if character == "\"" {
                        closed = true
                        break
                    } else {
                        raw.append(character)
                    }
                }
                guard closed else { throw fail(.badLabel) }
                guard let value = unescape(raw[...], allowingQuote: true) else { throw fail(.badEscape) }
                labels[label] = value
                if rest.first == "," { rest = rest.dropFirst() } else if rest.first != "}" { throw fail(.badLabel) }
            }
            rest = rest.dropFirst()
        }
        guard rest.first == " " else { throw fail(.malformedLine) }
        let fields = rest.dropFirst().split(separator: " ", omittingEmptySubsequences: false)
        guard fields.count == 1 || fields.count == 2 else { throw fail(.malformedLine) }
        guard let value = parseValue(fields[0]) else { throw fail(.badValue) }
        if fields.count == 2, Int64(fields[1]) == nil { throw fail(.badValue) }
        return Sample(name: name, labels: labels, value: value)
    }

    private static func checkHistogram(_ family: Family) throws(PrometheusParseError) {
        func fail(_ kind: PrometheusParseError.Kind) -> PrometheusParseError { PrometheusParseError(kind: kind, line: 0) }
        var groups: [[String: String]: [Sample]] = [:]
        for sample in family.samples {
            var key = sample.labels
            key["le"] = nil
            groups[key, default: []].append(sample)
        }
        for (labels, samples) in groups {
            let buckets = samples.filter { $0.name == family.name + "_bucket" }
            var previousBound = -Double.infinity
            var previousCount = 0.0
            for bucket in buckets {
                guard let le = bucket.labels["le"], let bound = parseValue(le[...]) else { throw fail(.badLabel) }
                guard bound > previousBound else { throw fail(.histogramBoundsNotIncreasing) }
                guard bucket.value >= previousCount else { throw fail(.histogramNotCumulative) }
                previousBound = bound
                previousCount = bucket.value
            }
            guard previousBound == .infinity else { throw fail(.histogramMissingInf) }
            guard let count = samples.first(where: { $0.name == family.name + "_count" && $0.labels == labels }),
                  count.value == previousCount
            else { throw fail(.histogramCountMismatch) }
            guard samples.contains(where: { $0.name == family.name + "_sum" && $0.labels == labels }) else {
                throw fail(.histogramMissingSum)
            }
        }
    }

    /// Go float syntax plus `+Inf`, `-Inf`, `Inf` and `NaN`; rejects what Swift alone would accept (`inf`, `0x1p3`).
    static func parseValue(_ text: Substring) -> Double? {
        switch text {
        case "+Inf", "Inf": return .infinity
        case "-Inf": return -.infinity
        case "NaN": return .nan
        default: break
        }
        var rest = text[...]
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        let mantissaEnd = rest.firstIndex { $0 == "e" || $0 == "E" } ?? rest.endIndex
        let mantissa = rest[..<mantissaEnd]
        let digits = mantissa.filter { $0 != "." }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), mantissa.filter({ $0 == "." }).count <= 1 else {
            return nil
        }
        if mantissaEnd != rest.endIndex {
            var exponent = rest[rest.index(after: mantissaEnd)...]
            if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
            guard !exponent.isEmpty, exponent.allSatisfy(\.isASCIIDigit) else { return nil }
        }
        return Double(text)
    }

    /// Undoes `\\`, `\n` and (in label values) `\"`; any other escape is an error.
    static func unescape(_ text: Substring, allowingQuote: Bool) -> String? {
        var result = ""
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            guard character == "\\" else {
                if character == "\"" && allowingQuote { return nil }  // an unescaped quote inside a label value
                result.append(character)
                continue
            }
            switch iterator.next() {
            case "\\": result.append("\\")
            case "n": result.append("\n")
            case "\"" where allowingQuote: result.append("\"")
            default: return nil
            }
        }
        return result
    }

    static func isMetricName(_ name: String) -> Bool { isName(name, colon: true) }
    static func isLabelName(_ name: String) -> Bool { isName(name, colon: false) }

    private static func isName(_ name: String, colon: Bool) -> Bool {
        guard let first = name.first else { return false }
        func allowed(_ character: Character) -> Bool {
            (character.isASCII && character.isLetter) || character == "_" || (colon && character == ":")
        }
        return allowed(first) && name.dropFirst().allSatisfy { allowed($0) || $0.isASCIIDigit }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
