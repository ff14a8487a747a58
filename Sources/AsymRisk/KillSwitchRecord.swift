/// A kill-switch cancel-all as a POD journal record (`JournalRecordType.killSwitch`).
public struct KillSwitchRecord: Sendable, BitwiseCopyable {
    /// When the engine acted on it (engine clock, ns).
    public var time: Int64
    /// The trading state and halt cause at that moment.
    public var state: TradingState
    public var cause: HaltCause

    public init(time: Int64, state: TradingState, cause: HaltCause) {
        self.time = time
        self.state = state
        self.cause = cause
    }
}
