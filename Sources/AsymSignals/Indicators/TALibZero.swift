/// TA-Lib's `TA_IS_ZERO` band (`ta_utility.h`), kept where TA-Lib still applies it to a dimensionless quantity
/// (the ADX's DI sum). TA-Lib 0.6+ uses `TA_EPSILON = 1e-14` (0.4 used 1e-8).
@usableFromInline
enum TALibZero {
    /// TA-Lib's `TA_EPSILON`.
    @usableFromInline static let epsilon = 0.00000000000001

    /// `TA_IS_ZERO(v)`: `-ε < v < ε`.
    @inlinable
    static func isZero(_ value: Double) -> Bool { -epsilon < value && value < epsilon }
}
