public import AsymCore

/// One venue's market-data counters for `GET /metrics`.
public struct OpsFeedMetrics: Sendable, Equatable {
    /// The venue these counters belong to (the `venue` label).
    public var venue: Venue
    /// Frames received from the venue.
    public var framesTotal: Int64
    /// Frames that failed to decode (malformed, truncated, oversized).
    public var decodeErrorsTotal: Int64
    /// Sequence gaps and checksum mismatches (each invalidated a book and requested a resync).
    public var gapsTotal: Int64
    /// Resyncs completed: a snapshot restored a book.
    public var resyncsTotal: Int64
    /// Age of each book: now − the exchange time of its last update.
    public var books: [OpsBookAge]
    /// Allocations on the engine thread's frame path (ring pop to journal enqueue) after warm-up, over
    /// `framePathFramesTotal` frames; nil when the binary cannot count them. Anything above 0 is a regression.
    public var framePathAllocationsTotal: Int64?
    public var framePathFramesTotal: Int64 = 0

    public init(
        venue: Venue, framesTotal: Int64 = 0, decodeErrorsTotal: Int64 = 0, gapsTotal: Int64 = 0,
        resyncsTotal: Int64 = 0, books: [OpsBookAge] = []
    ) {
        self.venue = venue
        self.framesTotal = framesTotal
        self.decodeErrorsTotal = decodeErrorsTotal
        self.gapsTotal = gapsTotal
        self.resyncsTotal = resyncsTotal
        self.books = books
    }
}

/// How old one symbol's book is.
public struct OpsBookAge: Sendable, Equatable {
    /// The venue's symbol (`BTCUSDT`, `BTC-USDT-SWAP`).
    public var symbol: String
    /// Seconds since the book's last update.
    public var ageSeconds: Double

    public init(symbol: String, ageSeconds: Double) {
        self.symbol = symbol
        self.ageSeconds = ageSeconds
    }
}
