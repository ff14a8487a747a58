/// Parameters of `SignalEngine`: regime, confirmation, brackets, calibration and the emission filters.
public struct SignalConfiguration: Sendable {
    /// Regime detection; its timeframe is also the indicators' and the first confirmation timeframe.
    public var regime = RegimeConfiguration()
    /// Multi-timeframe confirmation.
    public var confirmation = TimeframeConfirmation()
    /// Stop and take-profit placement.
    public var stops = SignalStopPolicy()
    /// Hit-rate tracking.
    public var calibration = CalibrationConfiguration()
    /// No new signal within this long after the last one, ns (a signal per second is already a lot of
    /// orders to gate; the gate's own throttle still applies).
    public var cooldown: Int64 = 5_000_000_000
    /// Signals below this confidence (after confirmation) are not emitted.
    public var minimumConfidence = 0.0
    /// Signals whose expected edge is below this are not emitted, basis points.
    public var minimumEdgeBasisPoints = 0.0
    /// Replace confidence by its bucket's realised hit rate once the bucket has `calibrationMinimumCount`
    /// outcomes (histogram binning). Off by default: the table needs history first.
    public var applyCalibration = false
    public var calibrationMinimumCount: Int64 = 30
    /// Candle indicator periods.
    public var bollingerPeriod = 20
    public var bollingerDeviations = 2.0
    public var rsiPeriod = 14
    public var donchianPeriod = 20
    public var volumePeriod = 20

    /// The defaults: 15m regime, 1h and 4h confirmation.
    public init() {}
}
