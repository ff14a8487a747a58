public import AsymCore
import AsymTransport
import AsymVenues

/// Writes a deterministic synthetic recording (hftbacktest collector format) and its wall labels.
public enum SyntheticRecording {
    /// The default instrument of each venue (from the shipped instrument responses) and an ordinary
    /// resting size for it: about 0.4 BTC per level.
    public static func defaultInstrument(for venue: Venue) throws -> (instrument: Instrument, typicalLevelLots: Int64) {
        let symbol = InstrumentCatalog.defaultSymbols(for: venue)[0]
        guard let instrument = try InstrumentCatalog.embedded(venue: venue, symbols: [symbol]).first else {
            throw InstrumentLoadError.symbolNotFound(venue: venue, symbol: symbol, source: "embedded defaults")
        }
        // OKX SWAP sizes are contracts (ctVal BTC each); Bybit and Binance sizes are base coin.
        let baseCoinPerLot = try Double(instrument.quantityScale.step) / pow10(instrument.quantityScale.decimals)
            * contractValue(instrument)
        return (instrument, max(1, Int64((0.4 / baseCoinPerLot).rounded())))
    }

    private static func pow10(_ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    private static func contractValue(_ instrument: Instrument) throws -> Double {
        let scale = FixedPointScale(decimals: 8)
        return Double(try scale.ticks(parsing: instrument.contractValue)) / 1e8
    }

    /// What was written.
    public struct Summary: Sendable {
        /// Frames (lines) written.
        public var frames: Int
        /// Steps the market took.
        public var steps: Int
        /// Steps whose frames were all written (`-n` may cut the last one short).
        public var completeSteps: Int
        /// Trades generated.
        public var trades: Int
        /// Walls placed (spoof and genuine).
        public var walls: [SyntheticWall]
    }

    /// Generates `frames` frames for `venue` from `seed` and hands each line to `write`.
    /// `wallProbability` is the per-step chance of a new wall (`SyntheticMarket.Configuration`); half are spoofs.
    public static func generate(venue: Venue, frames: Int, seed: UInt64, okxChecksums: Bool = false,
                                wallProbability: Double = 0.01,
                                write: (_ receiveTime: Int64, _ frame: String) throws -> Void) throws -> Summary {
        let (instrument, typicalLevelLots) = try defaultInstrument(for: venue)
        let startPrice = try instrument.priceScale.ticks(parsing: "65000")
        let configuration = SyntheticMarket.Configuration(
            priceScale: instrument.priceScale, quantityScale: instrument.quantityScale, startPrice: startPrice,
            typicalLevelLots: typicalLevelLots, wallProbability: wallProbability)
        let market = SyntheticMarket(configuration: configuration, seed: seed)
        var encoder = SyntheticFrameEncoder(venue: venue, symbol: instrument.symbol, prices: instrument.priceScale,
                                            sizes: instrument.quantityScale)
        encoder.okxChecksums = okxChecksums
        var written = 0
        var steps = 0
        var completeSteps = 0
        var trades = 0
        while written < frames {
            let step = market.step()
            steps += 1
            trades += step.trades.count
            let stepFrames = encoder.frames(for: step, market: market)
            if written + stepFrames.count <= frames { completeSteps += 1 }
            for frame in stepFrames where written < frames {
                try write(frame.time, frame.text)
                written += 1
            }
        }
        return Summary(frames: written, steps: steps, completeSteps: completeSteps, trades: trades, walls: market.walls)
    }

    /// Writes the recording to `path` (gzip when it ends in `.gz`) and, if given, the wall labels as a
    /// JSON array to `labelsPath`.
    public static func write(venue: Venue, frames: Int, seed: UInt64, to path: String, labelsPath: String?,
                             okxChecksums: Bool = false, wallProbability: Double = 0.01) throws -> Summary {
        let writer = try RecordingWriter(path: path)
        let summary = try generate(venue: venue, frames: frames, seed: seed, okxChecksums: okxChecksums,
                                   wallProbability: wallProbability) { time, frame in
            try writer.append(receiveTimeNanoseconds: time, frame: Array(frame.utf8))
        }
        try writer.close()
        if let labelsPath {
            let instrument = try defaultInstrument(for: venue).instrument
            let labels = try PlainFileWriter(path: labelsPath)
            try labels.append(Array(labelsJSON(summary.walls, prices: instrument.priceScale,
                                               sizes: instrument.quantityScale).utf8))
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
