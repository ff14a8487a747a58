import Foundation

/// An exact price-level book kept by the emulator while it replays a recording, so it can render
/// snapshots for late subscribers and REST depth answers.
///
/// Keys are Foundation `Decimal`s (exact for venue prices); level fields keep the recorded text, so
/// a rendered snapshot repeats the venue's own strings. Off the hot path by design.
struct EmulatedBook {
    /// Bids by exact price; values are the recorded level arrays (`[px, sz]` or OKX's 4 fields).
    private(set) var bids: [Decimal: [String]] = [:]
    /// Asks by exact price.
    private(set) var asks: [Decimal: [String]] = [:]
    /// Bybit `u`, Binance last applied `u` (= REST `lastUpdateId`), OKX `seqId`.
    var updateID: Int64 = 0
    /// Bybit cross sequence `seq`.
    var sequence: Int64 = 0
    /// The last exchange time seen (ms), echoed in rendered frames.
    var exchangeTime: Int64 = 0
    /// Binance transaction time `T` (ms).
    var transactionTime: Int64 = 0
    /// Whether a full snapshot has been applied, i.e. the book is complete.
    var isEstablished = false

    /// Empties the book (a new snapshot follows).
    mutating func reset() {
        bids.removeAll(keepingCapacity: true)
        asks.removeAll(keepingCapacity: true)
    }

    /// Applies absolute levels: size zero deletes, anything else inserts or replaces.
    mutating func apply(bids newBids: [[String]], asks newAsks: [[String]]) {
        for level in newBids { Self.apply(level, to: &bids) }
        for level in newAsks { Self.apply(level, to: &asks) }
    }

    private static func apply(_ level: [String], to side: inout [Decimal: [String]]) {
        guard level.count >= 2, let price = Decimal(string: level[0]), let size = Decimal(string: level[1]) else { return }
        if size.isZero { side[price] = nil } else { side[price] = level }
    }

    /// The best `depth` bids, highest first.
    /// - Complexity: O(n log n) in the number of levels.
    func topBids(_ depth: Int) -> [[String]] {
        bids.sorted { $0.key > $1.key }.prefix(depth).map(\.value)
    }

    /// The best `depth` asks, lowest first.
    /// - Complexity: O(n log n) in the number of levels.
    func topAsks(_ depth: Int) -> [[String]] {
        asks.sorted { $0.key < $1.key }.prefix(depth).map(\.value)
    }
}
