public import AsymCore
public import AsymRisk

/// What turns ticks and lots into quote currency for one instrument: the numbers positions and fees need.
///
/// For OKX SWAP a lot is contracts, so `basePerLot` = lot size × `ctVal` (PROTOCOLS.md G4).
public struct InstrumentValuation: Sendable {
    /// Quote currency per tick of price.
    public var quotePerTick: Double
    /// Base currency per lot.
    public var basePerLot: Double
    /// Maintenance margin rate for the liquidation estimate.
    public var maintenanceMarginRate: Double
    /// The venue (for its default fees).
    public var venue: Venue

    public init(quotePerTick: Double, basePerLot: Double, maintenanceMarginRate: Double = 0.005, venue: Venue = .bybit) {
        self.quotePerTick = quotePerTick
        self.basePerLot = basePerLot
        self.maintenanceMarginRate = maintenanceMarginRate
        self.venue = venue
    }

    /// The same numbers the risk gate sizes with.
    public init(_ instrument: RiskInstrument) {
        self.init(quotePerTick: instrument.quotePerTick, basePerLot: instrument.basePerLot,
                  maintenanceMarginRate: instrument.maintenanceMarginRate, venue: instrument.instrument.venue)
    }

    /// Quote value of `lots` at `price` ticks.
    @inlinable public func notional(lots: Int64, price: Double) -> Double {
        Double(lots) * basePerLot * price * quotePerTick
    }
}
