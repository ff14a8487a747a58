public import AsymCore

/// An instrument as the gate sees it: venue rules plus what sizing needs, precomputed as numbers.
public struct RiskInstrument: Sendable {
    public let instrument: Instrument
    /// Quote currency per tick of price.
    public let quotePerTick: Double
    /// Base-coin amount per lot (for OKX, lot × `ctVal`).
    public let basePerLot: Double
    public let minimumLots: Int64
    public let maximumLots: Int64
    /// Minimum order notional in quote currency (0 when the venue has none).
    public let minimumNotional: Double
    /// Which venue's order throttle applies (`Venue.rawValue`).
    public let venueIndex: Int
    /// Instruments in the same group are treated as highly correlated by the correlation guard.
    public let correlationGroup: Int
    /// Maintenance margin rate used for the isolated liquidation estimate.
    public let maintenanceMarginRate: Double

    /// Derives the numbers from the venue's instrument rules.
    public init(_ instrument: Instrument, correlationGroup: Int = 0, maintenanceMarginRate: Double = 0.005) {
        self.instrument = instrument
        func value(_ scale: FixedPointScale) -> Double {
            Double(scale.step) / (0..<scale.decimals).reduce(1.0) { value, _ in value * 10 }
        }
        quotePerTick = value(instrument.priceScale)
        let contractValue = (try? FixedPointScale(decimals: 12).ticks(parsing: instrument.contractValue)).map { Double($0) / 1e12 } ?? 1
        basePerLot = value(instrument.quantityScale) * contractValue
        minimumLots = max(1, instrument.minimumQuantity.lots)
        maximumLots = instrument.maximumQuantity.lots > 0 ? instrument.maximumQuantity.lots : .max
        minimumNotional = instrument.minimumNotional.flatMap { text in
            (try? FixedPointScale(decimals: 8).ticks(parsing: text)).map { Double($0) / 1e8 }
        } ?? 0
        venueIndex = Int(instrument.venue.rawValue)
        self.correlationGroup = correlationGroup
        self.maintenanceMarginRate = maintenanceMarginRate
    }

    /// The numbers the gate reads on every check, as plain data.
    var rules: RiskRules {
        RiskRules(quotePerTick: quotePerTick, basePerLot: basePerLot, minimumLots: minimumLots, maximumLots: maximumLots,
                  minimumNotional: minimumNotional, venueIndex: venueIndex, correlationGroup: correlationGroup,
                  maintenanceMarginRate: maintenanceMarginRate, venueMaximumLeverage: max(1, instrument.maximumLeverage))
    }

    /// Notional in quote currency of `lots` at `priceTicks`.
    @inlinable public func notional(lots: Int64, priceTicks: Int64) -> Double {
        Double(lots) * basePerLot * Double(priceTicks) * quotePerTick
    }
}

/// `RiskInstrument` without the strings: copying it on the check path costs no reference counting.
struct RiskRules: BitwiseCopyable {
    var quotePerTick: Double
    var basePerLot: Double
    var minimumLots: Int64
    var maximumLots: Int64
    var minimumNotional: Double
    var venueIndex: Int
    var correlationGroup: Int
    var maintenanceMarginRate: Double
    var venueMaximumLeverage: Int

    func notional(lots: Int64, priceTicks: Int64) -> Double {
        Double(lots) * basePerLot * Double(priceTicks) * quotePerTick
    }
}
