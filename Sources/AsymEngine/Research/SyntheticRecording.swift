public import AsymCore
import AsymTransport

/// Writes a deterministic synthetic recording (hftbacktest collector format) and its wall labels.
public enum SyntheticRecording {
    /// The default instrument of each venue, with the scales the venue uses for it.
    public static func defaultInstrument(for venue: Venue) -> (symbol: String, prices: FixedPointScale, sizes: FixedPointScale,
                                                                typicalLevelLots: Int64) {
        switch venue {
        case .bybit: ("BTCUSDT", FixedPointScale(decimals: 1), FixedPointScale(decimals: 3), 400)
        case .binance: ("BTCUSDT", FixedPointScale(decimals: 1), FixedPointScale(decimals: 3), 400)
        // OKX SWAP sizes are contracts of 0.01 BTC, in steps of 0.01 contract.
        case .okx: ("BTC-USDT-SWAP", FixedPointScale(decimals: 1), FixedPointScale(decimals: 2), 4_000)
        }
    }

    /// What was written.
    public struct Summary: Sendable {
        /// Frames (lines) written.
        public var frames: Int
        /// Steps the market took.
        public var steps: Int
        /// Trades generated.
        public var trades: Int
        /// Walls placed (spoof and genuine).
        public var walls: [SyntheticWall]
    }

    /// Generates `frames` frames for `venue` from `seed` and hands each line to `write`.
    public static func generate(venue: Venue, frames: Int, seed: UInt64,
                                write: (_ receiveTime: Int64, _ frame: String) throws -> Void) rethrows -> Summary {
        let instrument = defaultInstrument(for: venue)
        let configuration = SyntheticMarket.Configuration(
            priceScale: instrument.prices, quantityScale: instrument.sizes, startPrice: 650_000,
            typicalLevelLots: instrument.typicalLevelLots)
        let market = SyntheticMarket(configuration: configuration, seed: seed)
        var encoder = SyntheticFrameEncoder(venue: venue, symbol: instrument.symbol, prices: instrument.prices,
                                            sizes: instrument.sizes)
        var written = 0
        var steps = 0
        var trades = 0
        while written < frames {
            let step = market.step()
            steps += 1
            trades += step.trades.count
            for frame in encoder.frames(for: step, market: market) where written < frames {
                try write(frame.time, frame.text)
                written += 1
            }
        }
        return Summary(frames: written, steps: steps, trades: trades, walls: market.walls)
    }

    /// Writes the recording to `path` (plain text) and, if given, the wall labels as a JSON array to `labelsPath`.
    public static func write(venue: Venue, frames: Int, seed: UInt64, to path: String, labelsPath: String?) throws -> Summary {
        let writer = try PlainFileWriter(path: path)
        var line: [UInt8] = []
        line.reserveCapacity(16 * 1024)
        let summary = try generate(venue: venue, frames: frames, seed: seed) { time, frame in
            line.removeAll(keepingCapacity: true)
            line.append(contentsOf: String(time).utf8)
            line.append(UInt8(ascii: " "))
            line.append(contentsOf: frame.utf8)
            line.append(UInt8(ascii: "\n"))
            try writer.append(line)
        }
        try writer.commit()
        try writer.close()
        if let labelsPath {
            let scales = defaultInstrument(for: venue)
            let labels = try PlainFileWriter(path: labelsPath)
            try labels.append(Array(labelsJSON(summary.walls, prices: scales.prices, sizes: scales.sizes).utf8))
            try labels.commit()
            try labels.close()
        }
        return summary
    }

    /// The labels as one JSON array, one object per wall.
    public static func labelsJSON(_ walls: [SyntheticWall], prices: FixedPointScale, sizes: FixedPointScale) -> String {
        "[\n" + walls.map { wall in
            """
              {"side":"\(wall.side == .bid ? "bid" : "ask")","price":"\(prices.format(ticks: wall.price.ticks))",\
            "size":"\(sizes.format(ticks: wall.size.lots))","appeared_ns":\(wall.appearedAt),\
            "vanished_ns":\(wall.vanishedAt.map(String.init) ?? "null"),"traded":\(wall.traded),"spoof":\(wall.isSpoof)}
            """
        }.joined(separator: ",\n") + "\n]\n"
    }
}
