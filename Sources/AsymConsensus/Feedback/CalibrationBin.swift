/// One row of an analyst's calibration table: its scored calls whose stated confidence fell in
/// [`lowerBound`, `lowerBound` + 0.1), and how many were right. A calibrated analyst's hit rate sits inside its bin.
public struct CalibrationBin: Sendable, Equatable {
    public var lowerBound: Double
    public var calls: Int
    public var hits: Int

    /// Hits / calls, nil without calls.
    public var hitRate: Double? { calls > 0 ? Double(hits) / Double(calls) : nil }
}
