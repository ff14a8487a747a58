import ArgumentParser
import AsymEngine
import Foundation

struct IndicatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "Compute SMA, EMA, RSI, MACD, Bollinger Bands, ATR, ADX, VWAP, realized volatility and z-score over OHLCV candles.",
        discussion: """
            Input: CSV with the header timestamp,open,high,low,close,volume (integer timestamps, decimal prices), one \
            candle per row in time order, empty intervals already filled. Indicators match TA-Lib (SMA/EMA 20, RSI 14, \
            MACD 12/26/9, BBANDS 20/2/2, ATR 14, ADX 14). Prints CSV (warm-up fields empty) or, with --json, \
            {"timestamp":[…],"sma_20":[…],…} with null for warm-up rows. Columns: \
            \(IndicatorTable.columns.joined(separator: ", ")).
            """
    )

    enum TimeUnit: String, ExpressibleByArgument, CaseIterable {
        case s, ms, us, ns
        var nanoseconds: Int64 {
            switch self {
            case .s: 1_000_000_000
            case .ms: 1_000_000
            case .us: 1_000
            case .ns: 1
            }
        }
    }

    /// Unreadable or malformed input: printed as "Error: …" without the usage text, exit code 1.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    @Argument(help: "OHLCV CSV file.")
    var candles: String

    @Option(help: "Unit of the timestamp column (s, ms, us, ns); sets the UTC-midnight VWAP session boundaries.")
    var timeUnit: TimeUnit = .ns

    @Flag(help: "Print one JSON object with one array per column.")
    var json = false

    func run() throws {
        let text: String
        do {
            text = try String(contentsOfFile: candles, encoding: .utf8)
        } catch {
            throw Failure(description: "cannot read \(candles): \(error.localizedDescription)")
        }
        let table: IndicatorTable
        do {
            table = try IndicatorTable(csv: text, nanosecondsPerUnit: timeUnit.nanoseconds)
        } catch {
            throw Failure(description: "\(candles): \(error)")
        }
        print(json ? table.jsonText() : table.csvText(), terminator: json ? "\n" : "")
    }
}
