public import AsymCore

/// Order-flow imbalance (OFI) at the best levels, per book update and summed over rolling windows.
///
/// Each update contributes Cont, Kukanov & Stoikov's event flow (2014, "The price impact of order
/// book events", J. Financial Econometrics 12(1), eq. 2):
/// `e = 1{Pᵇ ≥ Pᵇ₋} qᵇ − 1{Pᵇ ≤ Pᵇ₋} qᵇ₋ − 1{Pᵃ ≤ Pᵃ₋} qᵃ + 1{Pᵃ ≥ Pᵃ₋} qᵃ₋`
/// (lots): positive when bids grow or improve or asks shrink or retreat — buying pressure. They show
/// price changes are close to linear in OFI over short windows, with slope inversely proportional to depth.
/// - Complexity: O(1) per update; three fixed rolling sums, no allocation.
public struct OrderFlowImbalance: Sendable {
    @usableFromInline var previousBid = BookLevel(price: .zero, quantity: .zero)
    @usableFromInline var previousAsk = BookLevel(price: .zero, quantity: .zero)
    @usableFromInline var hasPrevious = false
    /// The last update's event flow `e`, lots.
    @inlinable public var last: Int64 { storedLast }
    /// OFI summed over the short window (default 1 s), lots.
    @inlinable public var short: RollingTimeSum { storedShort }
    /// OFI summed over the medium window (default 10 s), lots.
    @inlinable public var medium: RollingTimeSum { storedMedium }
    /// OFI summed over the long window (default 60 s), lots.
    @inlinable public var long: RollingTimeSum { storedLong }
    @usableFromInline var storedLast: Int64 = 0
    @usableFromInline var storedShort: RollingTimeSum
    @usableFromInline var storedMedium: RollingTimeSum
    @usableFromInline var storedLong: RollingTimeSum

    /// Windows in ns.
    public init(windows: (Int64, Int64, Int64) = (1_000_000_000, 10_000_000_000, 60_000_000_000)) {
        storedShort = RollingTimeSum(window: windows.0)
        storedMedium = RollingTimeSum(window: windows.1)
        storedLong = RollingTimeSum(window: windows.2)
    }

    /// Feeds the touch after an update at `time` (exchange time, ns); a missing side resets the reference.
    @inlinable
    public mutating func update(bid: BookLevel?, ask: BookLevel?, time: Int64) {
        guard let bid, let ask else {
            hasPrevious = false
            storedLast = 0
            advance(to: time)
            return
        }
        var flow: Int64 = 0
        if hasPrevious {
            if bid.price >= previousBid.price { flow &+= bid.quantity.lots }
            if bid.price <= previousBid.price { flow &-= previousBid.quantity.lots }
            if ask.price <= previousAsk.price { flow &-= ask.quantity.lots }
            if ask.price >= previousAsk.price { flow &+= previousAsk.quantity.lots }
        }
        previousBid = bid
        previousAsk = ask
        hasPrevious = true
        storedLast = flow
        let value = Double(flow)
        storedShort.add(value, at: time)
        storedMedium.add(value, at: time)
        storedLong.add(value, at: time)
    }

    /// Expires old flow without adding any.
    @inlinable
    public mutating func advance(to time: Int64) {
        storedShort.advance(to: time)
        storedMedium.advance(to: time)
        storedLong.advance(to: time)
    }
}
