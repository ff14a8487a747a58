public import AsymBook
public import AsymCore

/// The size of the level at one rank of a side (0 when the side is shorter), for the level-size median
/// (internal to `BookFeatureEngine`).
@usableFromInline
struct BookLevelAtRank: BookLevelVisitor, Sendable, BitwiseCopyable {
    @usableFromInline let rank: Int
    @usableFromInline var visited = 0
    @usableFromInline var lots: Int64 = 0

    @inlinable
    init(of book: borrowing OrderBook, side: BookSide, rank: Int) {
        self.rank = rank
        book.visitBestLevels(side: side, maxLevels: rank &+ 1, &self)
    }

    @inlinable
    mutating func visit(price: Price, distance: Int64, lots size: Int64) -> Bool {
        visited &+= 1
        guard visited > rank else { return true }
        lots = size
        return false
    }
}
