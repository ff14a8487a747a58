/// One row of `SpoofDetector`'s fixed-capacity wall table.
@usableFromInline
struct SpoofWall: Sendable, BitwiseCopyable {
    @usableFromInline enum State: UInt8, Sendable, BitwiseCopyable { case free, resting, vanishing }

    @usableFromInline var state: State = .free
    @usableFromInline var traded = false
    @usableFromInline var price: Int64 = 0
    @usableFromInline var peakLots: Int64 = 0
    /// Size below which the wall has vanished (the threshold when it appeared: the median moves).
    @usableFromInline var thresholdLots: Double = 0
    @usableFromInline var medianLots: Double = 0
    @usableFromInline var appearedAt: Int64 = 0
    @usableFromInline var vanishedAt: Int64 = 0
    /// Exchange time of the vanishing frame: trades printed up to it may still explain the vanish.
    @usableFromInline var vanishedExchangeTime: Int64 = 0
    @usableFromInline var initialDistance: Int64 = 0
    @usableFromInline var closestDistance: Int64 = 0
    @usableFromInline var layers: Int32 = 1

    @usableFromInline init() {}
}
