public import AsymBook
public import AsymCore

/// The best `capacity` levels of one side of a book, copied into two small arrays (internal to
/// `BookFeatureEngine`).
///
/// One walk of the book's occupancy bitmap copies them (`OrderBook.copyBestLevels`); every per-level feature
/// then loops over these arrays, which keeps each loop short and free of the bitmap walk.
/// - Complexity: O(capacity) to reload. No allocation after `init`.
@usableFromInline
struct BookTopLevels: Sendable {
    @usableFromInline let side: BookSide
    @usableFromInline let capacity: Int
    /// Prices (ticks) and sizes (lots), best first.
    @usableFromInline var prices: ContiguousArray<Int64>
    @usableFromInline var lots: ContiguousArray<Int64>
    @usableFromInline var count = 0

    init(side: BookSide, capacity: Int) {
        self.side = side
        self.capacity = capacity
        prices = ContiguousArray(repeating: 0, count: capacity)
        lots = ContiguousArray(repeating: 0, count: capacity)
    }

    /// Copies the top levels of `book`.
    @inlinable
    mutating func reload(from book: borrowing OrderBook) {
        count = book.copyBestLevels(side: side, maxLevels: capacity, prices: &prices, quantities: &lots)
    }

    /// The size of the level of `rank` (0 = best), 0 when the side has fewer levels.
    @inlinable
    func size(rank: Int) -> Int64 { rank < count ? lots[rank] : 0 }

    /// Ticks from the side's best price to level `index` (0 at the touch, growing away from it).
    @inlinable
    func distance(_ index: Int) -> Int64 {
        side == .bid ? prices[0] &- prices[index] : prices[index] &- prices[0]
    }
}
