/// Parses durations written as people write them: `10s`, `1.5m`, `500ms`, `2h`, or a bare number of seconds.
enum DurationText {
    static func parse(_ text: String) throws(CommandFailure) -> Duration {
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        var number = Substring(text)
        var scale = 1.0
        for unit in units where text.hasSuffix(unit.suffix) {
            number = text.dropLast(unit.suffix.count)
            scale = unit.seconds
            break
        }
        guard let value = Double(number), value > 0, value.isFinite else {
            throw CommandFailure("not a duration: \(text) (write e.g. 10s, 2m, 500ms)")
        }
        return .milliseconds(Int64((value * scale * 1000).rounded()))
    }
}
