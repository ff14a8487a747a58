/// Why decimal text could not be read as an exact fixed-point value.
///
/// Venues send plain decimal strings (`"97000.10"`); anything else is refused, never guessed at.
public enum DecimalParseError: Error, Equatable, Sendable {
    /// No digits at all.
    case empty
    /// A byte that is not a digit or the one decimal point.
    case invalidCharacter(UInt8)
    /// Exponent notation (`1e-5`); venues never send it.
    case exponent
    /// `NaN` or `inf`.
    case notANumber
    /// A sign; prices and sizes are never negative.
    case signed
    /// More than 18 significant digits: would not fit an `Int64` exactly.
    case tooManyDigits
    /// Non-zero digits beyond the scale's decimals (finer than the tick or lot).
    case tooPrecise
    /// Not a whole multiple of the tick or lot step.
    case offStep
}
