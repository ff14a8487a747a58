public import AsymRisk

/// An exit the manager wants: an exposure-reducing intent for `RiskGate.check`, and the rule behind it.
public struct ExitDecision: Sendable, BitwiseCopyable {
    /// Kind `.exit`, market; `requestedLots` 0 closes the whole position.
    public var intent: OrderIntent
    public var reason: ExitReason
}
