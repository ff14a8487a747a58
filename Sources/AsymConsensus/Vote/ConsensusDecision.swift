public import AsymCore

/// The result of counting one round's votes.
public struct ConsensusDecision: Sendable, Equatable {
    public var outcome: ConsensusOutcome
    /// The agreed direction (only for `.bias`).
    public var direction: TradeDirection?
    /// Net weighted agreement in [0, 1] (0 without a bias).
    public var strength: Double
    /// Mean scaled confidence of the agreeing analysts × agreeing weight / panel weight (0 without a bias).
    public var confidence: Double
    /// Bit `i`: analyst `i` agreed with the bias.
    public var agreeingModels: UInt8
    /// Bit `i`: analyst `i` voted (did not abstain).
    public var votingModels: UInt8

    /// Counts `votes` for a panel of `panelSize` with `quorum` (see `ConsensusService` for the rules).
    ///
    /// A direction wins when at least `quorum` analysts chose it *and* their summed weight is at least `quorum`
    /// (a full-weight analyst weighs 1), and the other direction does not also qualify. Its confidence is the
    /// weighted mean of the agreeing analysts' scaled confidences × (agreeing weight / panel size): 3 of 3 at
    /// full weight keep their mean, 2 of 3 keep two thirds of it. Its strength is (agreeing − opposing weight)
    /// / panel size.
    public static func count(_ votes: [AnalystVote], quorum: Int, panelSize: Int) -> ConsensusDecision {
        var voting: UInt8 = 0
        var counts = (long: 0, short: 0, hold: 0)
        var weights = (long: 0.0, short: 0.0)
        var masks: (long: UInt8, short: UInt8) = (0, 0)
        var confidenceSums = (long: 0.0, short: 0.0)
        for vote in votes {
            guard let action = vote.action else { continue }
            let bit = UInt8(1) << UInt8(vote.analyst)
            voting |= bit
            switch action {
            case .buy:
                counts.long += 1
                weights.long += vote.weight
                masks.long |= bit
                confidenceSums.long += vote.weight * vote.scaledConfidence
            case .sell:
                counts.short += 1
                weights.short += vote.weight
                masks.short |= bit
                confidenceSums.short += vote.weight * vote.scaledConfidence
            case .hold:
                counts.hold += 1
            }
        }
        let needed = Double(quorum) - 1e-9
        let longWins = counts.long >= quorum && weights.long >= needed
        let shortWins = counts.short >= quorum && weights.short >= needed
        let panel = Double(max(1, panelSize))
        if longWins != shortWins {
            let direction: TradeDirection = longWins ? .long : .short
            let (weight, opposing, sum, mask) = longWins
                ? (weights.long, weights.short, confidenceSums.long, masks.long)
                : (weights.short, weights.long, confidenceSums.short, masks.short)
            let meanConfidence = weight > 0 ? sum / weight : 0
            return ConsensusDecision(
                outcome: .bias, direction: direction, strength: min(1, max(0, (weight - opposing) / panel)),
                confidence: min(1, max(0, meanConfidence * min(1, weight / panel))), agreeingModels: mask,
                votingModels: voting)
        }
        let outcome: ConsensusOutcome
        if counts.long > 0 && counts.short > 0 {
            outcome = .split
        } else if counts.hold > 0 && counts.hold >= counts.long + counts.short {
            outcome = .hold
        } else {
            outcome = .noQuorum
        }
        return ConsensusDecision(outcome: outcome, direction: nil, strength: 0, confidence: 0, agreeingModels: 0,
                                 votingModels: voting)
    }
}
