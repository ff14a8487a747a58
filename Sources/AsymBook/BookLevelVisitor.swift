public import AsymCore

/// Receives one side's levels best first from `OrderBook.visitBestLevels(side:maxLevels:_:)`.
///
/// A visitor that derives something from the top of the book (weighted depth, slope sums, a copy of the
/// levels) gets each level in one walk of the book's occupancy bitmap, with its distance from the side's
/// best price already computed, and no intermediate arrays. Use it through generics so the walk is
/// specialised for the visitor and `visit` is inlined into it.
public protocol BookLevelVisitor {
    /// Takes the next level: its price, its distance in ticks from the side's best price (0 at the touch,
    /// growing away from it) and its size. Return `false` to stop the walk.
    mutating func visit(price: Price, distance: Int64, lots: Int64) -> Bool
}
