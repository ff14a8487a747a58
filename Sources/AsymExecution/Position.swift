public import AsymCore

/// One instrument's position in one-way mode: signed size, average entry, PnL and fees in quote currency,
/// margin and the estimated isolated liquidation price.
///
/// Sizes are exact lots; prices are ticks (the average entry is a `Double` of ticks); money is `Double`
/// quote currency (for OKX SWAP the lots are contracts and `InstrumentValuation.basePerLot` carries `ctVal`).
public struct Position: Sendable {
    public let instrument: InstrumentID
    public let valuation: InstrumentValuation
    /// Signed lots: positive long, negative short.
    public internal(set) var lots: Int64 = 0
    /// Average entry price in ticks (0 when flat).
    public internal(set) var averageEntryPrice: Double = 0
    /// Realised PnL before fees since the book started (quote).
    public internal(set) var realizedPnL: Double = 0
    /// Fees paid since the book started (quote).
    public internal(set) var fees: Double = 0
    /// The current round trip's realised PnL after fees (quote): what `RiskGate.recordClosedTrade` gets.
    public internal(set) var tradePnL: Double = 0
    public internal(set) var leverage: Int
    /// Last mark (mid) price in ticks, 0 before the first.
    public internal(set) var markPrice: Double = 0
    /// When the current position was opened (ns).
    public internal(set) var openedAt: Int64 = 0

    init(instrument: InstrumentID, valuation: InstrumentValuation, leverage: Int) {
        self.instrument = instrument
        self.valuation = valuation
        self.leverage = leverage
    }

    /// Long, short, or nil when flat.
    public var direction: TradeDirection? { lots == 0 ? nil : (lots > 0 ? .long : .short) }

    /// Unrealised PnL at `mark` ticks (quote).
    @inlinable
    public func unrealizedPnL(at mark: Double) -> Double {
        lots == 0 ? 0 : Double(lots) * valuation.basePerLot * (mark - averageEntryPrice) * valuation.quotePerTick
    }

    /// Unrealised PnL at `markPrice` (0 before the first mark).
    public var unrealizedPnL: Double { markPrice > 0 ? unrealizedPnL(at: markPrice) : 0 }

    /// Notional at the average entry (quote).
    public var entryNotional: Double { valuation.notional(lots: Int64(lots.magnitude), price: averageEntryPrice) }

    /// Isolated initial margin: entry notional / leverage (quote).
    public var margin: Double { entryNotional / Double(max(1, leverage)) }

    /// Estimated isolated liquidation price in ticks, nil when flat.
    ///
    /// Bybit's isolated-margin estimate (USDT perpetual help centre, "Liquidation Price"), without extra
    /// margin and fees: long ≈ entry × (1 − 1/leverage + MMR), short ≈ entry × (1 + 1/leverage − MMR),
    /// MMR the maintenance margin rate of the lowest risk tier. Binance and OKX tier their MMR by notional
    /// and subtract a maintenance amount, so their real liquidation is a little farther away: treat this
    /// as the conservative estimate the stop must stay inside.
    public var liquidationPrice: Double? {
        guard lots != 0 else { return nil }
        let initialMarginRate = 1 / Double(max(1, leverage))
        let mmr = valuation.maintenanceMarginRate
        return lots > 0 ? averageEntryPrice * (1 - initialMarginRate + mmr)
                        : averageEntryPrice * (1 + initialMarginRate - mmr)
    }

    /// Applies a fill; returns what it realised and whether it ended a round trip.
    mutating func apply(side: TakerSide, price: Int64, lots fillLots: Int64, fee: Double, at time: Int64) -> PositionChange {
        var change = PositionChange()
        guard fillLots > 0 else { return change }
        let signed = side == .buy ? fillLots : 0 &- fillLots
        fees += fee
        change.fee = fee
        if lots == 0 || (lots > 0) == (signed > 0) {
            // Opening or adding: the average entry is the size-weighted mean.
            if lots == 0 {
                openedAt = time
                tradePnL = 0
            }
            let held = Double(lots.magnitude)
            averageEntryPrice = (averageEntryPrice * held + Double(price) * Double(fillLots)) / (held + Double(fillLots))
            lots &+= signed
            tradePnL -= fee
            return change
        }
        // Reducing, closing or flipping.
        let closing = min(lots.magnitude, fillLots.magnitude)
        let direction: Double = lots > 0 ? 1 : -1
        let pnl = direction * Double(closing) * valuation.basePerLot * (Double(price) - averageEntryPrice) * valuation.quotePerTick
        realizedPnL += pnl
        change.realizedPnL = pnl
        tradePnL += pnl - fee
        let remaining = lots &+ signed
        if remaining == 0 || (remaining > 0) != (lots > 0) {
            // The round trip ends here (the whole fee is charged to it, even on a flip).
            change.closedTrade = true
            change.closedTradePnL = tradePnL
            tradePnL = 0
            averageEntryPrice = remaining == 0 ? 0 : Double(price)
            if remaining != 0 { openedAt = time }
        }
        lots = remaining
        return change
    }
}
