/// Wilder's true range (Wilder 1978), TA-Lib `TA_TRANGE`: the greatest of high − low, |previous close − high| and
/// |previous close − low|, compared in TA-Lib's order so ties resolve identically.
public enum TrueRange {
    /// The true range of a bar given the previous bar's close.
    @inlinable
    public static func of(high: Double, low: Double, previousClose: Double) -> Double {
        var greatest = high - low
        let toHigh = abs(previousClose - high)
        if toHigh > greatest { greatest = toHigh }
        let toLow = abs(previousClose - low)
        if toLow > greatest { greatest = toLow }
        return greatest
    }
}
