import AsymSignals
import Foundation
import Testing

/// The committed reference outputs (TA-Lib and numpy, see Fixtures/SOURCES.md) and the same indicators streamed.
struct IndicatorFixture {
    struct Row {
        var timestamp: Int64
        var values: CandleValues
    }

    static let shared = try! IndicatorFixture()

    let rows: [Row]
    let expected: [String: [Double?]]
    let actual: [String: [Double?]]

    static func lines(_ name: String) throws -> [Substring] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n")
    }

    init() throws {
        rows = try Self.lines("candles.csv").dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let number = { (index: Int) in Double(fields[index])! }
            return Row(
                timestamp: Int64(fields[0])!,
                values: CandleValues(open: number(1), high: number(2), low: number(3), close: number(4), volume: number(5)))
        }
        let table = try Self.lines("talib_expected.csv")
        let header = table[0].split(separator: ",").map(String.init)
        var expected: [String: [Double?]] = [:]
        for line in table.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            for (column, field) in zip(header, fields) where column != "timestamp" {
                expected[column, default: []].append(field.isEmpty ? nil : Double(field)!)
            }
        }
        self.expected = expected
        actual = Self.stream(rows)
    }

    static func stream(_ rows: [Row]) -> [String: [Double?]] {
        var indicators = IndicatorSet()
        var out: [String: [Double?]] = [:]
        for row in rows {
            for (name, value) in zip(IndicatorSet.columns, indicators.update(row.values, openTime: row.timestamp).array) {
                out[name, default: []].append(value)
            }
        }
        return out
    }

    /// Largest `|a − b| / max(|a|, |b|, floor)` over rows where both exist (0 when both are 0).
    static func maxRelativeError(_ actual: [Double?], _ expected: [Double?], floor: Double = 0) -> Double {
        var worst = 0.0
        for (a, b) in zip(actual, expected) {
            guard let a, let b, a != b else { continue }
            worst = max(worst, abs(a - b) / max(abs(a), abs(b), floor))
        }
        return worst
    }
}

@Suite("Indicators match TA-Lib and numpy on the committed fixtures")
struct IndicatorFixtureTests {
    static let talibColumns = [
        "sma_20", "ema_20", "rsi_14", "macd", "macd_signal", "macd_hist", "bb_upper", "bb_middle", "bb_lower",
        "atr_14", "adx_14",
    ]
    static let numpyColumns = ["vwap", "realized_vol_20", "zscore_20"]

    @Test func fixtureHasEnoughCandlesWithFlatStretchesAndGaps() {
        let rows = IndicatorFixture.shared.rows
        #expect(rows.count >= 5_000)
        let empty = rows.filter { $0.values.volume == 0 }
        #expect(empty.count > 100)
        #expect(empty.allSatisfy { $0.values.open == $0.values.close && $0.values.high == $0.values.low })
        let steps = zip(rows, rows.dropFirst()).map { $1.timestamp - $0.timestamp }
        #expect(Set(steps) == [60_000_000_000], "one row per minute: gaps are filled, never skipped")
    }

    @Test(arguments: talibColumns + numpyColumns)
    func warmUpRowsAreNilExactlyWhereTheReferenceIsEmpty(column: String) throws {
        let fixture = IndicatorFixture.shared
        let expected = try #require(fixture.expected[column])
        let actual = try #require(fixture.actual[column])
        #expect(actual.count == expected.count)
        let mismatched = zip(actual, expected).enumerated().filter { ($1.0 == nil) != ($1.1 == nil) }.map(\.offset)
        #expect(mismatched.isEmpty, "\(column): nil alignment differs at rows \(mismatched.prefix(5))")
    }

    @Test(arguments: talibColumns)
    func matchesTALibWithinOneBillionthRelative(column: String) throws {
        let fixture = IndicatorFixture.shared
        let error = IndicatorFixture.maxRelativeError(try #require(fixture.actual[column]), try #require(fixture.expected[column]))
        print("max relative error \(column): \(error)")
        #expect(error <= 1e-9, "\(column)")
    }

    /// The z-score is dimensionless and O(1), and a window whose mean equals the last value gives ±1e-13 noise on
    /// both sides: below |z| = 1 its error is measured absolutely.
    @Test(arguments: numpyColumns)
    func matchesNumpyWithinOneBillionthRelative(column: String) throws {
        let fixture = IndicatorFixture.shared
        let error = IndicatorFixture.maxRelativeError(
            try #require(fixture.actual[column]), try #require(fixture.expected[column]), floor: column == "zscore_20" ? 1 : 0)
        print("max relative error \(column): \(error)")
        #expect(error <= 1e-9, "\(column)")
    }
}

