public import AsymCore
public import AsymSignals

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `FeatureDumpSink` that writes `BookFeatures` rows to standard output, for pandas or DuckDB.
///
/// `csv`: a header row, then one row per written update. `jsonLines`: one JSON object per line with the
/// same keys (`pandas.read_json(path, lines=True)`, DuckDB `read_json_auto`). Prices are in price units
/// (`best_bid`/`best_ask` exact decimals, `mid`/`microprice` as doubles), sizes in the instrument's quantity
/// units, times in ns, everything else as documented on `BookFeatures`. Output is buffered (64 KiB writes).
public struct FeatureDump: FeatureDumpSink {
    /// Output formats.
    public enum Format: String, Sendable {
        case csv
        case jsonLines
    }

    /// The column names, in order.
    public static let columns = [
        "receive_ns", "exchange_ns", "usable", "best_bid", "best_ask", "bid_size", "ask_size", "spread_ticks",
        "spread_bps", "mid", "microprice", "imbalance_1", "imbalance_5", "imbalance_10", "imbalance_n",
        "bid_depth", "ask_depth", "ofi", "ofi_1s", "ofi_10s", "ofi_60s", "tfi_1s", "tfi_10s", "tfi_60s",
        "trade_volume_10s", "bid_slope", "ask_slope", "bid_depletion_per_s", "ask_depletion_per_s",
        "median_level_size", "bid_whales", "ask_whales", "bid_largest_ratio", "ask_largest_ratio",
        "bid_whale_distance", "ask_whale_distance", "realized_vol_bps", "vol_ratio", "spread_ratio", "depth_ratio",
        "spoof_bid", "spoof_ask", "spoof", "risk_penalty",
    ]

    public let format: Format
    /// Write every `every`-th book update (1 = all).
    public let every: Int
    public let prices: FixedPointScale
    public let sizes: FixedPointScale
    /// Rows written.
    public private(set) var rows = 0
    private var seen = 0
    private var buffer: [UInt8] = []
    private let tickValue: Double
    private let lotValue: Double

    public init(format: Format, every: Int, prices: FixedPointScale, sizes: FixedPointScale) {
        precondition(every >= 1, "every must be positive")
        self.format = format
        self.every = every
        self.prices = prices
        self.sizes = sizes
        tickValue = Double(prices.step) / Self.power(prices.decimals)
        lotValue = Double(sizes.step) / Self.power(sizes.decimals)
        buffer.reserveCapacity(1 << 17)
        if format == .csv { append(Self.columns.joined(separator: ",") + "\n") }
    }

    public mutating func bookUpdated(_ engine: inout BookFeatureEngine) throws {
        seen += 1
        guard (seen - 1) % every == 0 else { return }
        let f = engine.features
        let values: [String] = [
            String(f.receiveTime), String(f.exchangeTime), f.usable ? "true" : "false",
            prices.format(ticks: f.bestBidTicks), prices.format(ticks: f.bestAskTicks),
            sizes.format(ticks: f.bestBidLots), sizes.format(ticks: f.bestAskLots), String(f.spreadTicks),
            number(f.spreadBasisPoints), number(f.midTicks * tickValue), number(f.micropriceTicks * tickValue),
            number(f.imbalance1), number(f.imbalance5), number(f.imbalance10), number(f.imbalanceN),
            sizes.format(ticks: f.bidDepthLots), sizes.format(ticks: f.askDepthLots),
            sizes.format(ticks: f.ofi), lots(f.ofiShort), lots(f.ofiMedium),
            lots(f.ofiLong), number(f.tradeImbalanceShort), number(f.tradeImbalanceMedium),
            number(f.tradeImbalanceLong), lots(f.tradeVolumeMedium), number(f.bidSlope * lotValue),
            number(f.askSlope * lotValue), number(f.bidDepletionRate * lotValue), number(f.askDepletionRate * lotValue),
            number(f.medianLevelLots * lotValue), String(f.bidWhales), String(f.askWhales), number(f.bidLargestRatio),
            number(f.askLargestRatio), String(f.bidWhaleDistance), String(f.askWhaleDistance),
            number(f.realizedVolatilityBasisPoints), number(f.volatilityRatio), number(f.spreadRatio),
            number(f.depthRatio), number(f.spoofBid), number(f.spoofAsk), number(f.spoof), number(f.riskPenalty),
        ]
        switch format {
        case .csv:
            append(values.joined(separator: ",") + "\n")
        case .jsonLines:
            var line = "{"
            for (index, value) in values.enumerated() {
                if index > 0 { line += "," }
                line += "\"" + Self.columns[index] + "\":" + value
            }
            append(line + "}\n")
        }
        rows += 1
        if buffer.count >= 1 << 16 { flush() }
    }

    public mutating func finish(_ engine: inout BookFeatureEngine) throws {
        flush()
    }

    private func number(_ value: Double) -> String {
        guard value.isFinite else { return format == .csv ? "" : "null" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// An integral lot count as an exact decimal, else a double in quantity units.
    private func lots(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? sizes.format(ticks: Int64(value)) : number(value * lotValue)
    }

    private mutating func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        // Safety: `buffer` is a live array; write(2) reads at most `count − offset` bytes from inside it.
        buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(1, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { return }  // a closed pipe (`| head`): stop writing, not an error
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private static func power(_ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }
}
