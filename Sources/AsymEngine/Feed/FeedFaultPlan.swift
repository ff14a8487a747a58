/// Faults a ``VenueEmulator`` injects into its replay, for testing gap handling and reconnects.
///
/// Book faults count **book frames** (1-based: frames that change an order book), because they exist
/// to exercise sequencers; the disconnect and stall counts are over **all** replayed data frames.
public struct FeedFaultPlan: Hashable, Sendable {
    /// Skip the K-th book frame (the emulator's book still applies it: the client sees a gap).
    public var dropBookFrame: Int?
    /// Send the K-th book frame twice.
    public var duplicateBookFrame: Int?
    /// Send a truncated, unparseable copy of the K-th book frame instead of it.
    public var malformedBookFrame: Int?
    /// After N replayed frames, close every client (1001); replay continues and clients may come back.
    public var disconnectAfterFrames: Int?
    /// After N replayed frames, send nothing for ``stallDuration`` (heartbeats still answered).
    public var stallAfterFrames: Int?
    /// How long a stall lasts.
    public var stallDuration: Duration

    /// A plan with no faults unless given.
    public init(dropBookFrame: Int? = nil, duplicateBookFrame: Int? = nil, malformedBookFrame: Int? = nil,
                disconnectAfterFrames: Int? = nil, stallAfterFrames: Int? = nil, stallDuration: Duration = .seconds(5)) {
        self.dropBookFrame = dropBookFrame
        self.duplicateBookFrame = duplicateBookFrame
        self.malformedBookFrame = malformedBookFrame
        self.disconnectAfterFrames = disconnectAfterFrames
        self.stallAfterFrames = stallAfterFrames
        self.stallDuration = stallDuration
    }

    /// No faults.
    public static var none: FeedFaultPlan { FeedFaultPlan() }
}
