/// Three strategies run as one, with no existentials: a generic struct over three strategy types.
///
/// Every update runs all three. When the signals they return disagree on direction the update yields nothing
/// (counted in `conflicts`: opposing models mean no edge); otherwise the most confident signal wins (ties go to
/// the earlier strategy). Nest a combination inside another for more than three. (A variadic generic
/// `<each S: Strategy>` would read better, but mutating each element of a stored pack is not expressible
/// cleanly in Swift 6.)
public struct StrategyCombination<First: Strategy, Second: Strategy, Third: Strategy>: Strategy {
    public var first: First
    public var second: Second
    public var third: Third
    /// Updates whose strategies disagreed on direction.
    @inlinable public var conflicts: Int64 { storedConflicts }
    @usableFromInline var storedConflicts: Int64 = 0

    /// The three strategies, in tie-break order.
    public init(_ first: First, _ second: Second, _ third: Third) {
        self.first = first
        self.second = second
        self.third = third
    }

    @inlinable
    public mutating func evaluate(_ features: borrowing BookFeatures, _ context: borrowing StrategyContext) -> Signal? {
        let a = first.evaluate(features, context)
        let b = second.evaluate(features, context)
        let c = third.evaluate(features, context)
        var best = a
        guard Self.merge(b, into: &best), Self.merge(c, into: &best) else {
            storedConflicts &+= 1
            return nil
        }
        return best
    }

    /// Keeps the more confident of `best` and `candidate`; false when they point opposite ways.
    @inlinable
    static func merge(_ candidate: Signal?, into best: inout Signal?) -> Bool {
        guard let candidate else { return true }
        guard let current = best else {
            best = candidate
            return true
        }
        guard current.direction == candidate.direction else { return false }
        if candidate.confidence > current.confidence { best = candidate }
        return true
    }
}

/// The standard set: order-book-imbalance momentum, Bollinger mean reversion and Donchian breakout.
public typealias StandardStrategies = StrategyCombination<ImbalanceMomentumStrategy, MeanReversionStrategy,
                                                          BreakoutStrategy>

extension StrategyCombination
where First == ImbalanceMomentumStrategy, Second == MeanReversionStrategy, Third == BreakoutStrategy {
    /// The standard set with default parameters.
    public init() {
        self.init(ImbalanceMomentumStrategy(), MeanReversionStrategy(), BreakoutStrategy())
    }
}
