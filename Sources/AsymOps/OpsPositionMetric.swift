public import AsymCore

/// One position for `GET /metrics`: signed size in the base asset.
public struct OpsPositionMetric: Sendable, Equatable {
    public var venue: Venue
    public var symbol: String
    /// Positive long, negative short, in the base asset (BTC for BTCUSDT).
    public var quantity: Double

    public init(venue: Venue, symbol: String, quantity: Double) {
        self.venue = venue
        self.symbol = symbol
        self.quantity = quantity
    }
}
