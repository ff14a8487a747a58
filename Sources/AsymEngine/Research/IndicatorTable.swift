import AsymCore
import AsymSignals

/// Every standard indicator for every row of an OHLCV CSV (`timestamp,open,high,low,close,volume`), for
/// `asym indicators` and research notebooks.
///
/// Rows are fed in file order, one update each, through the same streaming structs the engine uses; warm-up rows
/// are nil. VWAP sessions are UTC days of the row timestamps (bar open times).
/// - Complexity: O(rows) time; allocates the output columns (this is an offline tool, not the hot path).
public struct IndicatorTable: Sendable {
    /// A malformed input file; `line` is 1-based, counting the header.
    public enum InputError: Error, Equatable, CustomStringConvertible {
        case empty
        case missingHeader(found: String)
        case wrongColumnCount(line: Int, found: Int)
        case notANumber(line: Int, column: String, text: String)
        case outOfRange(line: Int, column: String, text: String)

        public var description: String {
            switch self {
            case .empty: "empty input: expected the header \(IndicatorTable.header)"
            case .missingHeader(let found): "line 1: expected the header \(IndicatorTable.header), found \"\(found)\""
            case .wrongColumnCount(let line, let found): "line \(line): expected 6 comma-separated fields, found \(found)"
            case .notANumber(let line, let column, let text): "line \(line): \(column) \"\(text)\" is not a number"
            case .outOfRange(let line, let column, let text):
                "line \(line): \(column) \"\(text)\" is out of range (prices must be positive, volume non-negative)"
            }
        }
    }

    /// The header an input file must start with.
    public static let header = "timestamp,open,high,low,close,volume"
    /// Output columns, in order.
    public static var columns: [String] { IndicatorSet.columns }

    /// Row timestamps as read (in the file's unit).
    public let timestamps: [Int64]
    /// One array per entry of `columns`, one value per row; nil during warm-up.
    public let values: [[Double?]]

    /// Parses `text` and computes every indicator. `nanosecondsPerUnit` converts the file's timestamps to
    /// nanoseconds for the VWAP's session boundaries (1 for ns, 1_000_000 for ms, …).
    public init(csv text: String, nanosecondsPerUnit: Int64 = 1) throws(InputError) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? line.dropLast() : line
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let first = lines.first else { throw .empty }
        guard first.replacing(" ", with: "") == Self.header else { throw .missingHeader(found: String(first)) }

        var indicators = IndicatorSet()

        var timestamps: [Int64] = []
        var values = [[Double?]](repeating: [], count: Self.columns.count)
        for (index, line) in lines.enumerated().dropFirst() {
            let number = index + 1
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingPrefix(while: { $0 == " " })
            }
            guard fields.count == 6 else { throw .wrongColumnCount(line: number, found: fields.count) }
            guard let timestamp = Int64(fields[0]) else {
                throw .notANumber(line: number, column: "timestamp", text: String(fields[0]))
            }
            var bar = [Double](repeating: 0, count: 5)
            for field in 1..<6 {
                let name = ["open", "high", "low", "close", "volume"][field - 1]
                guard let value = Double(fields[field]), value.isFinite else {
                    throw .notANumber(line: number, column: name, text: String(fields[field]))
                }
                guard field == 5 ? value >= 0 : value > 0 else {
                    throw .outOfRange(line: number, column: name, text: String(fields[field]))
                }
                bar[field - 1] = value
            }
            let candle = CandleValues(open: bar[0], high: bar[1], low: bar[2], close: bar[3], volume: bar[4])
            timestamps.append(timestamp)
            let row = indicators.update(
                candle, openTime: timestamp.multipliedReportingOverflow(by: nanosecondsPerUnit).partialValue).array
            for (column, value) in row.enumerated() { values[column].append(value) }
        }
        self.timestamps = timestamps
        self.values = values
    }

    /// `{"timestamp":[…],"sma_20":[…],…}`: one array per column, warm-up rows `null`.
    public func jsonText() -> String {
        var out = "{\"timestamp\":[" + timestamps.map(String.init).joined(separator: ",") + "]"
        for (name, column) in zip(Self.columns, values) {
            out += "," + JSONText.quoted(name) + ":["
            out += column.map { $0.map(JSONText.number) ?? "null" }.joined(separator: ",") + "]"
        }
        return out + "}"
    }

    /// CSV text: the header `timestamp,<columns>` then one line per row, warm-up values empty.
    public func csvText() -> String {
        var out = "timestamp," + Self.columns.joined(separator: ",") + "\n"
        for row in timestamps.indices {
            out += String(timestamps[row])
            for column in values { out += "," + (column[row].map { String($0) } ?? "") }
            out += "\n"
        }
        return out
    }
}
