public import AsymBook
public import AsymCore

/// The JSON that `asym book --json` prints: counters, state and the top levels as plain decimal strings.
public enum BookJSON {
    /// The top `depth` levels of a side as `[["price","size"], …]`, best first.
    public static func levels(_ book: OrderBook, side: BookSide, depth: Int, instrument: Instrument) -> String {
        var items: [String] = []
        book.forEachLevel(side: side, maxLevels: depth) { level in
            items.append("[\"\(instrument.priceScale.format(ticks: level.price.ticks))\","
                         + "\"\(instrument.quantityScale.format(ticks: level.quantity.lots))\"]")
        }
        return "[" + items.joined(separator: ",") + "]"
    }

    /// One object describing `book` of `instrument` after a run with `counters`.
    public static func render(book: OrderBook, instrument: Instrument, counters: FeedCounters, depth: Int) -> String {
        func price(_ price: Price?) -> String {
            price.map { "\"\(instrument.priceScale.format(ticks: $0.ticks))\"" } ?? "null"
        }
        return """
            {"venue":"\(instrument.venue)","symbol":"\(instrument.symbol)","frames":\(counters.frames),\
            "book_updates":\(counters.bookUpdates),"trades":\(counters.trades),"gaps":\(counters.gaps),\
            "resyncs":\(counters.resyncs),"crossed":\(counters.crossed),"decode_errors":\(counters.decodeErrors),\
            "valid":\(book.isUsable),"best_bid":\(price(book.bestBid)),"best_ask":\(price(book.bestAsk)),\
            "bids":\(levels(book, side: .bid, depth: depth, instrument: instrument)),\
            "asks":\(levels(book, side: .ask, depth: depth, instrument: instrument))}
            """
    }
}
