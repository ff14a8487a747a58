import ArgumentParser
import AsymCore
import AsymEngine
import AsymSignals

struct FeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Dump order-book features for every book update of a recording (CSV or JSON lines).",
        discussion: """
            One row per book update of the instrument (every N-th with --every). CSV with a header row by \
            default; --json writes JSON lines (one object per line, same keys), which pandas reads with \
            read_json(lines=True) and DuckDB with read_json_auto. Prices are in price units, sizes in the \
            instrument's quantity units, times in ns since the epoch. Columns: \
            \(FeatureDump.columns.joined(separator: ", ")).
            """
    )

    @Argument(help: "Recording file (plain or .gz).")
    var recording: String

    @Option(help: "Venue wire format: bybit, binance or okx.")
    var venue: Venue

    @Option(help: "Symbol (default: guessed from the file name, else the venue's first default).")
    var symbol: String?

    @Option(help: "Write every N-th book update.")
    var every = 1

    @Flag(help: "CSV with a header row (the default).")
    var csv = false

    @Flag(help: "JSON lines instead of CSV.")
    var json = false

    func validate() throws {
        if every < 1 { throw ValidationError("--every must be positive") }
        if csv && json { throw ValidationError("--csv and --json are exclusive") }
    }

    func run() throws {
        let session = try MarketDataSession(venue: venue)
        let id = symbol.flatMap(session.instrumentID(of:)) ?? session.instrumentID(forRecording: recording) ?? InstrumentID(0)
        let instrument = session.instruments[Int(id.rawValue)]
        let dump = FeatureDump(format: json ? .jsonLines : .csv, every: every, prices: instrument.priceScale,
                               sizes: instrument.quantityScale)
        _ = try FeatureDumpReplay.run(path: recording, session: session, symbol: symbol,
                                      configuration: BookFeatureConfiguration(), sink: dump)
    }
}
