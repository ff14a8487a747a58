public import AsymCore

/// The best levels of one side of a book, best first, as two fixed arrays: each level's size and its distance in
/// ticks from the side's best price.
///
/// Filled by `OrderBook.copyBestLevels(side:maxLevels:into:)`; per-level features (weighted imbalance, slope,
/// walls) then run straight loops over contiguous memory instead of walking the book for each of them. A plain
/// value whose one array is allocated by `init` (1 KiB): keep one per side and refill it in place.
public struct BookTopLevels: Sendable {
    /// The most levels it holds.
    public static var capacity: Int { 64 }
    @usableFromInline var levelCount = 0
    @usableFromInline var bestPrice: Int64 = 0
    @usableFromInline var levelSide: BookSide = .bid
    /// Sizes in `0..<capacity`, distances in `capacity..<2 × capacity`: one array, one uniqueness check per fill.
    @usableFromInline var storage: [Int64]

    /// No levels; allocates its storage.
    public init() { storage = Array(repeating: 0, count: 2 &* Self.capacity) }

    /// Levels held (at most `capacity`).
    @inlinable public var count: Int { levelCount }

    /// The side the levels belong to.
    @inlinable public var side: BookSide { levelSide }

    /// The size in lots of the level at `rank` (`rank < count`).
    @inlinable
    public func lots(at rank: Int) -> Int64 { storage[rank] }

    /// The size in lots of the level at `rank`, or 0 when the side holds fewer levels.
    @inlinable
    public func lotsOrZero(at rank: Int) -> Int64 { rank < levelCount ? storage[rank] : 0 }

    /// The distance in ticks of the level at `rank` from the side's best price (0 at the touch).
    @inlinable
    public func distance(at rank: Int) -> Int64 { storage[Self.capacity &+ rank] }

    /// The price of the level at `rank` (`rank < count`).
    @inlinable
    public func price(at rank: Int) -> Price {
        Price(ticks: levelSide == .bid ? bestPrice &- storage[Self.capacity &+ rank] : bestPrice &+ storage[Self.capacity &+ rank])
    }
}
