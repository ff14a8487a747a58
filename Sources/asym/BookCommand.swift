import ArgumentParser
import AsymCore
import AsymEngine

struct BookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "book",
        abstract: "Apply every frame of a recording and print the final book and the counters.",
        discussion: """
            Reads hftbacktest collector files (plain or .gz). Sequencing follows the venue's documented rules; \
            gaps invalidate the book until the next snapshot. With --json, prints one object: \
            {"venue","symbol","frames","book_updates","trades","gaps","resyncs","crossed","decode_errors",\
            "valid","best_bid","best_ask","bids":[["price","size"],…],"asks":[…]}.
            """
    )

    @Argument(help: "Recording file.")
    var recording: String

    @Option(help: "Venue wire format: bybit, binance or okx.")
    var venue: Venue

    @Option(help: "Symbol whose book to print (default: guessed from the file name, else the venue's first default).")
    var symbol: String?

    @Option(help: "Levels per side to print.")
    var depth = 20

    @Flag(help: "Print one JSON object.")
    var json = false

    func run() throws {
        let session = try MarketDataSession(venue: venue)
        if let symbol, session.instrumentID(of: symbol) == nil {
            throw ValidationError("\(symbol) is not a known \(venue) instrument")
        }
        let report = try RecordingReplay.run(path: recording, session: session, symbol: symbol, measure: false)
        let id = symbol.flatMap(session.instrumentID(of:)) ?? session.instrumentID(forRecording: recording)
            ?? busiest(report)
        let book = report.books[id]
        let instrument = session.instruments[Int(id.rawValue)]
        if json {
            print(BookJSON.render(book: book, instrument: instrument, counters: report.counters, depth: depth))
            return
        }
        let counters = report.counters
        print("\(venue) \(instrument.symbol): \(counters.frames) frames, \(counters.bookUpdates) book updates, "
              + "\(counters.trades) trades, \(counters.gaps) gaps, \(counters.resyncs) resyncs, "
              + "\(counters.crossed) crossed, \(counters.decodeErrors) decode errors; book \(book.isUsable ? "valid" : "NOT usable")")
        var bids: [String] = []
        var asks: [String] = []
        book.forEachLevel(side: .bid, maxLevels: depth) { bids.append(format($0, instrument)) }
        book.forEachLevel(side: .ask, maxLevels: depth) { asks.append(format($0, instrument)) }
        print("  " + "bids".padded(30) + "asks")
        for row in 0..<max(bids.count, asks.count) {
            print("  " + (row < bids.count ? bids[row] : "").padded(30) + (row < asks.count ? asks[row] : ""))
        }
    }

    /// With no symbol given, the instrument whose book changed most is the one the user means.
    private func busiest(_ report: RecordingReplay.Report) -> InstrumentID {
        (0..<report.books.count).map { InstrumentID(UInt16($0)) }
            .max { report.books[$0].counters.levelUpdates < report.books[$1].counters.levelUpdates } ?? InstrumentID(0)
    }

    private func format(_ level: BookLevel, _ instrument: Instrument) -> String {
        "\(instrument.quantityScale.format(ticks: level.quantity.lots)) @ \(instrument.priceScale.format(ticks: level.price.ticks))"
    }
}

extension String {
    func padded(_ width: Int) -> String { self + String(repeating: " ", count: max(1, width - count)) }
}
