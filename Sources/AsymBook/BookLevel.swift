public import AsymCore

/// One price level: a price and the absolute quantity resting there.
public struct BookLevel: Hashable, Sendable, BitwiseCopyable {
    /// The level's price.
    public var price: Price
    /// The total quantity at `price` (never zero in a book).
    public var quantity: Quantity

    /// A level at `price` holding `quantity`.
    @inlinable
    public init(price: Price, quantity: Quantity) {
        self.price = price
        self.quantity = quantity
    }
}
