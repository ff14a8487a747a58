public import AsymCore

/// What every analyst is asked in one round.
public struct RoundRequest: Sendable {
    /// 1-based round number within this service's run.
    public var ordinal: Int
    /// When the round started (its id), nanoseconds since the Unix epoch.
    public var roundTime: Int64
    public var instrument: InstrumentID
    public var symbol: String
    /// The brief the prompt was built from.
    public var brief: MarketBrief
    /// The system and user messages.
    public var messages: [ChatMessage]

    public init(ordinal: Int, roundTime: Int64, instrument: InstrumentID, symbol: String, brief: MarketBrief,
                messages: [ChatMessage]) {
        self.ordinal = ordinal
        self.roundTime = roundTime
        self.instrument = instrument
        self.symbol = symbol
        self.brief = brief
        self.messages = messages
    }
}
