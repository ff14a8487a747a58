public import AsymBook
public import AsymCore

/// The levels among the best N of one side whose size reaches `minimumLots` — the whale and spoof-wall
/// candidates — best first, collected in batches of `batchCapacity` (internal to `BookFeatureEngine`).
///
/// The engine walks a side for walls only on an update whose largest top level reaches the threshold. A batch
/// skips the first `skip` candidates, so a side with more candidates than one batch holds is read again for
/// the next batch, in the same best-first order.
@usableFromInline
struct BookWallScan: BookLevelVisitor, Sendable, BitwiseCopyable {
    @usableFromInline static var batchCapacity: Int { 8 }
    @usableFromInline let minimumLots: Double
    @usableFromInline let skip: Int
    /// Candidates met so far, including skipped ones.
    @usableFromInline var seen = 0
    /// The batch: candidates `skip..<skip + count`.
    @usableFromInline var count = 0
    @usableFromInline var prices = InlineArray<8, Int64>(repeating: 0)
    @usableFromInline var lots = InlineArray<8, Int64>(repeating: 0)
    @usableFromInline var distances = InlineArray<8, Int64>(repeating: 0)

    /// The batch of candidates after the first `skip` among the best `levels` of `side`.
    @inlinable
    init(of book: borrowing OrderBook, side: BookSide, levels: Int, minimumLots: Double, skip: Int) {
        self.minimumLots = minimumLots
        self.skip = skip
        book.visitBestLevels(side: side, maxLevels: levels, &self)
    }

    /// Whether candidates beyond this batch remain.
    @inlinable var hasMore: Bool { seen > skip &+ count }

    @inlinable
    mutating func visit(price: Price, distance: Int64, lots size: Int64) -> Bool {
        guard Double(size) >= minimumLots else { return true }
        seen &+= 1
        guard seen > skip else { return true }
        guard count < Self.batchCapacity else { return true }  // keep counting for `hasMore`
        prices[count] = price.ticks
        lots[count] = size
        distances[count] = distance
        count &+= 1
        return true
    }
}
