/// One price level: a price and the absolute quantity resting there (in a book, or in a snapshot or
/// delta, where a quantity of zero removes the level). 16 bytes.
public struct BookLevel: Hashable, Sendable, BitwiseCopyable {
    /// The level's price.
    public var price: Price
    /// The total quantity at `price` (zero in a delta removes the level).
    public var quantity: Quantity

    /// A level at `price` holding `quantity`.
    @inlinable
    public init(price: Price, quantity: Quantity) {
        self.price = price
        self.quantity = quantity
    }
}
