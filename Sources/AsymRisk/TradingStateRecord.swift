/// A trading-state change as a POD journal record.
public struct TradingStateRecord: Sendable, BitwiseCopyable {
    /// The new state.
    public var state: TradingState
    /// Why, when halted.
    public var cause: HaltCause

    public init(state: TradingState, cause: HaltCause) {
        self.state = state
        self.cause = cause
    }
}
