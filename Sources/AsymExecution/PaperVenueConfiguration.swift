/// Settings of a `PaperVenue`.
public struct PaperVenueConfiguration: Sendable {
    /// Fees per instrument, indexed by `InstrumentID`; nil ⇒ `FeeSchedule.defaults(for:)` of its venue.
    public var fees: [FeeSchedule]? = nil
    /// Orders resting or in transit at once.
    public var orderCapacity = 1_024
    /// Reports waiting for their response latency.
    public var reportCapacity = 8_192
    /// Finished orders kept for queries by client id.
    public var finishedMemory = 1_024
    /// Book levels a market order may walk.
    public var maxLevelsWalked = 1_000
    /// Resting orders expire after this long (ns); 0 = good till cancelled.
    public var restingLifetime: Int64 = 0

    public init() {}
}
