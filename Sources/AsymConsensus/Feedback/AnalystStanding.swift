/// What the feedback loop knows about one analyst: its rolling accuracy, calibration and current weight.
public struct AnalystStanding: Sendable, Equatable {
    public var analyst: Int
    public var model: String
    /// Directional calls scored so far (all time) and how many were right.
    public var scoredCalls: Int
    public var hits: Int
    /// Hit rate over the last `feedbackWindow` scored calls; nil before any.
    public var rollingAccuracy: Double?
    /// Calls in the rolling window.
    public var rollingCalls: Int
    /// Calls waiting for their horizon.
    public var pendingCalls: Int
    /// Current vote weight and confidence scale (1 and 1 unless down-weighted).
    public var weight: Double
    public var confidenceScale: Double
    /// Ten bins of stated confidence, 0.0–0.1 … 0.9–1.0.
    public var calibration: [CalibrationBin]

    /// Whether the analyst is currently down-weighted.
    public var isDownWeighted: Bool { weight < 1 }
}
