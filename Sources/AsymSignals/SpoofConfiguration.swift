/// Parameters of the spoof heuristic (see `SpoofDetector` for how each is used).
public struct SpoofConfiguration: Sendable {
    /// A resting level at least this many × the rolling median level size is a candidate wall.
    public var sizeMultiple: Double = 5
    /// Candidates must rest within this many ticks of their side's touch when they appear ("near the touch").
    public var maxDistanceTicks: Int64 = 20
    /// Walls tracked per side; more are ignored (and counted) rather than grown.
    public var wallsPerSide = 8
    /// A vanish is final after this long (receive time, ns) without a trade that printed at or through
    /// the wall's price no later than the vanishing frame's exchange time — trades and book updates come on
    /// separate streams and a genuine fill's print may arrive after the book shows the level gone.
    public var confirmationDelay: Int64 = 50_000_000
    /// Lifetime scale `τ` of the quick-cancel term `exp(−lifetime/τ)`, ns.
    public var lifetimeScale: Int64 = 5_000_000_000
    /// Half-life of the per-side score, ns.
    public var halfLife: Int64 = 10_000_000_000
    /// Event scores at or above this are reported as spoofing.
    public var flagThreshold: Double = 0.5
    /// Weights of the event score: base for an untraded quick vanish, then size, approach, quickness, layering.
    public var baseWeight: Double = 0.3
    public var sizeWeight: Double = 0.15
    public var approachWeight: Double = 0.25
    public var lifetimeWeight: Double = 0.2
    public var layeringWeight: Double = 0.2
    /// Pending events buffered for the consumer; older ones are overwritten (and counted) when full.
    public var eventCapacity = 256

    /// The defaults.
    public init() {}
}
