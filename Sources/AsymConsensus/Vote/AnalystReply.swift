/// A reply that parsed and passed validation: `{"action","confidence","invalidation_price","take_profit",
/// "categories","rationale"}`.
public struct AnalystReply: Sendable, Equatable {
    public var action: AnalystAction
    /// In [0, 1].
    public var confidence: Double
    /// The price that proves the call wrong, if given.
    public var invalidationPrice: Double?
    /// The target price, if given.
    public var takeProfit: Double?
    public var categories: CategoryScores
    public var rationale: String

    public init(action: AnalystAction, confidence: Double, invalidationPrice: Double? = nil, takeProfit: Double? = nil,
                categories: CategoryScores = CategoryScores(), rationale: String = "") {
        self.action = action
        self.confidence = confidence
        self.invalidationPrice = invalidationPrice
        self.takeProfit = takeProfit
        self.categories = categories
        self.rationale = rationale
    }
}
