/// Which exits run and their thresholds; fractions are of the entry price (0.03 = 3%). Each rule can be
/// switched off on its own. Defaults follow the project brief.
public struct ExitRules: Sendable {
    /// Exit all at the stop: the entry's stop price, or `stopLossFraction` away when it had none.
    public var stopLossEnabled = true
    public var stopLossFraction = 0.01
    /// Exit all at the target: the entry's take-profit price, or `takeProfitFraction` away.
    public var takeProfitEnabled = true
    public var takeProfitFraction = 0.08
    /// Trailing stop: armed once profit reaches `trailingActivationFraction`, exits when profit has
    /// fallen `trailingGivebackFraction` of its peak (peak 5% ⇒ exit at 3%).
    public var trailingEnabled = true
    public var trailingActivationFraction = 0.03
    public var trailingGivebackFraction = 0.40
    /// Moves the stop to the entry price once profit reaches `breakEvenTriggerFraction`.
    public var breakEvenEnabled = true
    public var breakEvenTriggerFraction = 0.015
    /// Partial exits: `partialShares[i]` of the opening size at `partialProfitFractions[i]` profit; the
    /// last one closes whatever is left.
    public var partialsEnabled = true
    public var partialProfitFractions: [Double] = [0.02, 0.04, 0.06]
    public var partialShares: [Double] = [0.33, 0.33, 0.34]
    /// Exit all after holding this long.
    public var timeExitEnabled = true
    public var maxHoldSeconds = 72.0 * 3_600
    /// Exit all at this adverse move, whatever the stop says (a stop lost or moved wrongly).
    public var emergencyStopEnabled = true
    public var emergencyStopFraction = 0.10

    public init() {}
}
